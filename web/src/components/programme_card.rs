//! One programme's outcome: status, amount, level, the criteria (failed and unknown
//! first), what is missing, what to do next, and "why" with the full trace.

use super::basis_badge::basis_badge;
use super::timeline::timeline;
use super::trace::trace;
use super::{fill_html, money};
use crate::form::Step;
use crate::i18n::{self, Lang};
use crate::state::Action;
use doudi_rules::outcome::State as CriterionState;
use doudi_rules::{Assessment, Status};
use yew::prelude::*;

/// The card of the programme at `at` in the assessment.
pub fn programme_card(
    assessment: &Assessment,
    at: usize,
    lang: Lang,
    ondispatch: &Callback<Action>,
) -> Html {
    let Some(outcome) = assessment.programmes.get(at) else {
        return html! {};
    };
    let status = outcome.status.id();
    let title_id = format!("programme-{at}");
    let title = match &outcome.member_label {
        Some(label) => format!("{} · {label}", lang.text(&outcome.title)),
        None => lang.text(&outcome.title).to_string(),
    };
    let state_class = |state: CriterionState| match state {
        CriterionState::Met => "met",
        CriterionState::NotMet => "not-met",
        CriterionState::Unknown => "unknown",
    };
    html! {
        <article class={format!("card programme {status}")} key={at} aria-labelledby={title_id.clone()}
            data-programme={outcome.programme.id()} data-index={at.to_string()} data-status={status}
            data-member={outcome.member.map(|member| member.to_string())}>
            <div class="card-head">
                <h3 id={title_id}>{ title }</h3>
                <span class={format!("status {status}")}>{ i18n::status(outcome.status).get(lang) }</span>
            </div>
            if let Some(monthly) = outcome.monthly {
                <p class="amount">
                    { money(&monthly, format!("programmes[{at}].monthly")) }
                    <span class="unit">{ i18n::YUAN_PER_MONTH.get(lang) }</span>
                    { basis_badge(outcome.amount_basis, lang) }
                </p>
            }
            if let (Some(min), Some(max)) = (outcome.monthly_min, outcome.monthly_max) {
                <p class="range">{ fill_html(i18n::RANGE.get(lang), vec![
                    ("min", money(&min, format!("programmes[{at}].monthly_min"))),
                    ("max", money(&max, format!("programmes[{at}].monthly_max"))),
                ]) }</p>
            }
            if let Some(level) = &outcome.level {
                <p class="level"><span class="label">{ i18n::LEVEL.get(lang) }</span><span class="tag">{ lang.text(level) }</span></p>
            }
            { for outcome.reasons.iter().map(|reason| html! { <p class="reason">{ lang.text(reason) }</p> }) }
            <h4 class="visually-hidden">{ i18n::CONDITIONS.get(lang) }</h4>
            <ul class="criteria">
                { for outcome.criteria.iter().map(|criterion| html! {
                    <li class={state_class(criterion.state)} data-criterion={criterion.id}>
                        <span class={format!("state {}", state_class(criterion.state))}>{ i18n::criterion_state(criterion.state).get(lang) }</span>
                        <span>
                            <span class="criterion">{ lang.text(&criterion.text) }</span>
                            if !lang.text(&criterion.detail).is_empty() {
                                <span class="detail">{ lang.text(&criterion.detail) }</span>
                            }
                        </span>
                    </li>
                }) }
            </ul>
            if !outcome.missing.is_empty() && outcome.status != Status::NotEligible {
                <div class="missing">
                    <p>{ i18n::MISSING.get(lang) }</p>
                    <ul>
                        { for outcome.missing.iter().map(|missing| {
                            let step = Step::of_field(&missing.field);
                            html! {
                                <li>
                                    { lang.text(&missing.text) }
                                    if step < Step::Summary {
                                        { " " }
                                        <button type="button" class="link-button" data-goto={step.number().to_string()}
                                            onclick={super::on(ondispatch, Action::Edit(step))}>{ i18n::FILL_IN.get(lang) }</button>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
            if !outcome.timeline.is_empty() {
                { timeline(assessment, at, lang) }
            }
            if !outcome.next.is_empty() && outcome.status != Status::NotEligible {
                <div class="next">
                    <h4>{ i18n::WHAT_NEXT.get(lang) }</h4>
                    <ul>{ for outcome.next.iter().map(|next| html! { <li>{ lang.text(next) }</li> }) }</ul>
                </div>
            }
            <details class="why">
                <summary>{ i18n::WHY.get(lang) }</summary>
                { trace(assessment, at, lang) }
            </details>
        </article>
    }
}

//! One programme's outcome: status, amount (with how it is paid when not every month),
//! whether it is an alternative that is not added, level, the criteria (failed and
//! unknown first), what is missing, what to do next, and "why" with the full trace.
//! The static parts are markup text (see markup.rs); the "fill in" buttons and the
//! "why" disclosure (which keeps its open state while the result changes) are `html!`.

use super::markup::Markup;
use super::timeline::timeline;
use super::trace::trace;
use crate::form::Step;
use crate::i18n::{self, Lang};
use crate::state::Action;
use doudi_rules::outcome::{Outcome, State as CriterionState};
use doudi_rules::{Assessment, Payment, Status};
use yew::prelude::*;

fn state_class(state: CriterionState) -> &'static str {
    match state {
        CriterionState::Met => "met",
        CriterionState::NotMet => "not-met",
        CriterionState::Unknown => "unknown",
    }
}

/// The head, the amount and how it is paid, the range, the level, the reasons and the
/// criteria.
fn summary(out: &mut Markup, outcome: &Outcome, at: usize) {
    let lang = out.lang;
    let status = outcome.status.id();
    let title = match outcome.member_label_in(lang != Lang::Zh) {
        Some(label) => format!("{} · {label}", lang.text(&outcome.title)),
        None => lang.text(&outcome.title).to_string(),
    };
    out.raw("<div class=\"card-head\">");
    out.el(&format!("h3 id=\"programme-{at}\""), "h3", &title);
    out.el(
        &format!("span class=\"status {status}\""),
        "span",
        i18n::status(outcome.status).get(lang),
    );
    out.raw("</div>");
    if let Some(text) = &outcome.alternative {
        out.raw("<div class=\"alternative-note\"><p>");
        out.el(
            "span class=\"tag alt\"",
            "span",
            i18n::ALTERNATIVE.get(lang),
        );
        out.raw("</p>");
        out.el("p class=\"alternative-text\"", "p", lang.text(text));
        out.raw("</div>");
    }
    if let Some(monthly) = outcome.shown_monthly() {
        out.raw("<p class=\"amount\">");
        out.money(&monthly, &format!("programmes[{at}].monthly"));
        out.unit(i18n::YUAN_PER_MONTH);
        out.badge(outcome.amount_basis);
        out.raw("</p>");
        if outcome.payment != Payment::Monthly {
            out.raw("<p class=\"payment\">");
            out.el(
                &format!("span class=\"tag pay {}\"", outcome.payment.id()),
                "span",
                i18n::payment(outcome.payment).get(lang),
            );
            out.raw("</p>");
        }
    }
    if let Some((min, max)) = outcome.shown_range() {
        out.raw("<p class=\"range\">");
        out.fill(
            i18n::RANGE.get(lang),
            &[
                ("min", &|out: &mut Markup| {
                    out.money(&min, &format!("programmes[{at}].monthly_min"))
                }),
                ("max", &|out: &mut Markup| {
                    out.money(&max, &format!("programmes[{at}].monthly_max"))
                }),
            ],
        );
        out.raw("</p>");
        if let Some(note) = &outcome.range_note {
            out.el("p class=\"range-note small\"", "p", lang.text(note));
        }
    }
    if let Some(level) = &outcome.level {
        out.raw("<p class=\"level\">");
        out.el("span class=\"label\"", "span", i18n::LEVEL.get(lang));
        out.el("span class=\"tag\"", "span", lang.text(level));
        out.raw("</p>");
    }
    for reason in &outcome.reasons {
        out.el("p class=\"reason\"", "p", lang.text(reason));
    }
    out.el(
        "h4 class=\"visually-hidden\"",
        "h4",
        i18n::CONDITIONS.get(lang),
    );
    out.raw("<ul class=\"criteria\">");
    for criterion in &outcome.criteria {
        let class = state_class(criterion.state);
        out.raw(&format!("<li class=\"{class}\""));
        out.attr("data-criterion", criterion.id);
        out.raw(">");
        out.el(
            &format!("span class=\"state {class}\""),
            "span",
            i18n::criterion_state(criterion.state).get(lang),
        );
        out.raw("<span>");
        out.el(
            "span class=\"criterion\"",
            "span",
            lang.text(&criterion.text),
        );
        let detail = criterion.detail();
        let detail = lang.text(&detail);
        if !detail.is_empty() {
            out.el("span class=\"detail\"", "span", detail);
        }
        out.raw("</span></li>");
    }
    out.raw("</ul>");
}

/// The timeline and what to do next.
fn after(out: &mut Markup, outcome: &Outcome, at: usize) {
    if !outcome.timeline.is_empty() {
        timeline(out, outcome, at);
    }
    if !outcome.next.is_empty() && outcome.status != Status::NotEligible {
        out.raw("<div class=\"next\">");
        out.el("h4", "h4", i18n::WHAT_NEXT.get(out.lang));
        out.raw("<ul>");
        for next in &outcome.next {
            out.el("li", "li", out.lang.text(next));
        }
        out.raw("</ul></div>");
    }
}

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
    let alternative = outcome.alternative.is_some();
    let class = if alternative {
        format!("card programme {status} alternative")
    } else {
        format!("card programme {status}")
    };
    let mut top = Markup::new(lang);
    summary(&mut top, outcome, at);
    let mut bottom = Markup::new(lang);
    after(&mut bottom, outcome, at);
    html! {
        <article {class} key={at} aria-labelledby={format!("programme-{at}")}
            data-programme={outcome.programme.id()} data-index={at.to_string()} data-status={status}
            data-payment={outcome.payment.id()} data-alternative={alternative.then_some("true")}
            data-member={outcome.member.map(|member| member.to_string())}>
            { top.into_html() }
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
            { bottom.into_html() }
            <details class="why">
                <summary>{ i18n::WHY.get(lang) }</summary>
                { trace(assessment, at, lang) }
                { super::answers::links(outcome.programme, lang) }
            </details>
        </article>
    }
}

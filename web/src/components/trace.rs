//! "Why": every step of a programme's calculation, its arithmetic, its clause, and each
//! figure used with its value, date, document, clause and basis.

use super::basis_badge::basis_badge;
use super::money;
use crate::i18n::{self, Lang};
use doudi_rules::policy::Basis;
use doudi_rules::Assessment;
use yew::prelude::*;

/// The trace of the programme at `at` (a view function: no state of its own).
pub fn trace(assessment: &Assessment, at: usize, lang: Lang) -> Html {
    let Some(outcome) = assessment.programmes.get(at) else {
        return html! {};
    };
    if outcome.steps.is_empty() {
        return html! { <p class="hint">{ i18n::NO_STEPS.get(lang) }</p> };
    }
    html! {
        <ol class="trace">
            { for outcome.steps.iter().enumerate().map(|(step_at, step)| html! {
                <li class="trace-step">
                    <p class="step-text">{ lang.text(&step.text) } { basis_badge(step.basis, lang) }</p>
                    if !step.formula.is_empty() {
                        <p class="formula"><span class="label">{ i18n::FORMULA.get(lang) }</span><code>{ step.formula.clone() }</code></p>
                    }
                    if !step.clause.is_empty() {
                        <p class="clause"><span class="label">{ i18n::CLAUSE.get(lang) }</span>{ step.clause.clone() }</p>
                    }
                    if !step.params.is_empty() {
                        <ul class="params" aria-label={i18n::PARAMETERS.get(lang)}>
                            { for step.params.iter().enumerate().map(|(param_at, param)| {
                                let path = format!("programmes[{at}].steps[{step_at}].params[{param_at}]");
                                html! {
                                    <li class={if param.basis == Basis::Published { "param" } else { "param not-published" }}>
                                        <p>
                                            <strong>{ if lang == Lang::Zh { param.zh } else { param.en } }</strong>{ "：" }
                                            { money(&param.value, format!("{path}.value")) }{ " " }{ i18n::unit(param.unit).get(lang) }{ " " }
                                            { basis_badge(param.basis, lang) }
                                        </p>
                                        if let Some(policy_value) = param.policy_value {
                                            <p class="small">{ i18n::POLICY_VALUE.get(lang).replace("{value}", "") }{ money(&policy_value, format!("{path}.policy_value")) }</p>
                                        }
                                        <p class="small">
                                            { i18n::IN_FORCE_FROM.get(lang).replace("{date}", &param.from.to_string()) }
                                            { " · " }{ param.document }
                                            if !param.title.is_empty() && param.title != param.document { { " " }{ param.title } }
                                            if !param.url.is_empty() {
                                                // Shown, not linked: the site makes no request elsewhere,
                                                // and the address is where the text was read.
                                                { " · " }{ i18n::SOURCE_LINK.get(lang) }{ "：" }{ param.url }
                                            }
                                        </p>
                                        if !param.clause.is_empty() {
                                            <p class="small">{ i18n::CLAUSE.get(lang) }{ "：" }{ param.clause }</p>
                                        }
                                        if lang == i18n::Lang::Zh && !param.note_zh.is_empty() {
                                            <p class="small note">{ param.note_zh }</p>
                                        } else if !param.note.is_empty() {
                                            <p class="small note" lang="en">{ param.note }</p>
                                        }
                                    </li>
                                }
                            }) }
                        </ul>
                    }
                </li>
            }) }
        </ol>
    }
}

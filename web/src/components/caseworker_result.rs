//! Caseworker mode: the result beside the form, recomputed on every change. The same
//! cards as the resident's result (with every figure's basis: an overridden value shows
//! "经办人调整 / caseworker override" and the policy value it replaced), without the
//! resident's screen-to-screen links.

use super::next_steps::next_steps;
use super::not_published::not_published;
use super::notices::notices;
use super::programme_card::programme_card;
use super::result_step::Computed;
use super::total_card::total_card;
use super::what_if_chart::what_if_chart;
use crate::browser;
use crate::form::{field_name, Checked, Form};
use crate::i18n::{self, Lang};
use doudi_rules::{Assessment, InputError, Status};
use yew::prelude::*;

/// What fails the check or the rules, as a list of links to the fields at fault; None
/// when the household was assessed. A view function (no state of its own).
/// Each message names its field in words (never the JSON path) and moves focus to it.
pub fn caseworker_problems(
    lang: Lang,
    form: &Form,
    checked: &Checked,
    assessed: Option<&Result<Assessment, InputError>>,
) -> Option<Html> {
    let problem = |lines: Vec<(String, String)>| {
        html! {
            <div class="problems" role="status">
                <p>{ i18n::CANNOT_COMPUTE.get(lang) }</p>
                <ul>{ for lines.into_iter().map(|(field, message)| {
                    let name = field_name(form, &field, lang);
                    let onclick = Callback::from(move |_: MouseEvent| browser::focus_field(&field));
                    html! { <li><button type="button" class="link-button" {onclick}>{ format!("{name}：{message}") }</button></li> }
                }) }</ul>
            </div>
        }
    };
    match assessed {
        None => Some(problem(
            checked
                .errors
                .iter()
                .map(|error| (error.field.clone(), lang.text(&error.message).to_string()))
                .collect(),
        )),
        Some(Err(error)) => Some(problem(vec![(
            error.field.clone(),
            if lang == Lang::Zh {
                error.zh.clone()
            } else {
                error.en.clone()
            },
        )])),
        Some(Ok(_)) => None,
    }
}

/// The total and the counted income: redrawn within the frame of every change.
pub fn caseworker_total(assessment: &Assessment, lang: Lang) -> Html {
    html! {
        <>
            { total_card(assessment, lang) }
            { super::total_card::counted_income(assessment, lang) }
        </>
    }
}

/// The rest of the result: the notices, each programme's card, what if the income
/// changed, the figures not published, the next steps and the rules version. The
/// caseworker's page draws it a frame after the total (caseworker_mode.rs), from the
/// same household's assessment.
pub fn caseworker_details(computed: &Computed, lang: Lang) -> Html {
    let Ok(assessment) = &computed.assessment else {
        return html! {};
    };
    let mut order: Vec<usize> = (0..assessment.programmes.len()).collect();
    order.sort_by_key(|&at| {
        let outcome = &assessment.programmes[at];
        let status = match outcome.status {
            Status::Eligible => 0,
            Status::NeedsMoreInformation => 1,
            Status::NotEligible => 2,
        };
        (status, outcome.alternative.is_some())
    });
    // The cards' "fill in" links lead to the resident's screens; here every field is on
    // the page already, so they do nothing (and the style sheet hides them).
    let nowhere = Callback::noop();
    html! {
        <>
            { notices(assessment, lang, None) }
            { for order.into_iter().map(|at| programme_card(assessment, at, lang, &nowhere)) }
            if let Some(curve) = &computed.what_if {
                { what_if_chart(curve, lang) }
            }
            { not_published(assessment, lang, "h3") }
            { next_steps(assessment, lang) }
            <p class="version">{ format!("{}：{}", i18n::RULES_VERSION.get(lang), assessment.rules_version) }</p>
        </>
    }
}

//! Screen 5: the result. The money first (every month's, and apart from it what is
//! time-limited or conditional), what the rules could not use as given, what to do next,
//! then each programme, what if the income changed, and every figure used that is not
//! published policy.

use super::next_steps::next_steps;
use super::not_published::not_published;
use super::notices::notices;
use super::programme_card::programme_card;
use super::total_card::total_card;
use super::what_if_chart::what_if_chart;
use super::View;
use crate::form::Step;
use crate::i18n::{self, Lang};
use crate::state::Action;
use doudi_rules::what_if::{what_if, WhatIf};
use doudi_rules::{Assessment, Household, InputError, Options, Status};
use yew::prelude::*;

/// What the rules say about the household: the assessment and the what-if curve.
pub struct Computed {
    pub assessment: Result<Assessment, InputError>,
    pub what_if: Option<WhatIf>,
}

impl Computed {
    /// Runs the rules (a few milliseconds).
    pub fn of(household: &Household) -> Computed {
        Computed {
            assessment: doudi_rules::assess(household, Options::default()),
            what_if: what_if(household).ok(),
        }
    }
}

fn status_order(status: Status) -> u8 {
    match status {
        Status::Eligible => 0,
        Status::NeedsMoreInformation => 1,
        Status::NotEligible => 2,
    }
}

fn edit_buttons(lang: Lang, dispatch: &Callback<Action>) -> Html {
    html! {
        <section class="card edits" aria-labelledby="edits-title">
            <h2 id="edits-title">{ i18n::EDIT.get(lang) }</h2>
            <div class="edit-buttons">
                { for [Step::Place, Step::Members, Step::Situations].into_iter().map(|step| html! {
                    <button type="button" class="secondary" data-edit={step.number().to_string()} onclick={super::on(dispatch, Action::Edit(step))}>
                        { format!("{} · {}", i18n::EDIT.get(lang), step.name().get(lang)) }
                    </button>
                }) }
            </div>
        </section>
    }
}

/// The result, from what the rules computed (`None` while an answer is not valid).
pub fn result_step(
    view: &View,
    computed: Option<&Computed>,
    decision: Option<&super::check_panel::Checked>,
) -> Html {
    let lang = view.state.lang;
    let dispatch = view.ondispatch;
    let Some(computed) = computed else {
        return html! {
            <section class="step">
                <div class="problems" role="alert">
                    <p>{ i18n::CANNOT_COMPUTE.get(lang) }</p>
                    <ul>
                        { for view.checked.errors.iter().map(|error| html! {
                            <li>
                                { format!("{} · ", Step::of_field(&error.field).name().get(lang)) }
                                { super::error_summary::fix_link(view, error) }
                            </li>
                        }) }
                    </ul>
                </div>
                { edit_buttons(lang, dispatch) }
            </section>
        };
    };
    let assessment = match &computed.assessment {
        Ok(assessment) => assessment,
        Err(error) => {
            let step = Step::of_field(&error.field);
            return html! {
                <section class="step">
                    <div class="problems" role="alert">
                        <p>{ if lang == Lang::Zh { &error.zh } else { &error.en } }</p>
                        <button type="button" class="link-button" onclick={super::on(dispatch, Action::Edit(step))}>{ i18n::EDIT.get(lang) }</button>
                    </div>
                    { edit_buttons(lang, dispatch) }
                </section>
            };
        }
    };
    let mut order: Vec<usize> = (0..assessment.programmes.len()).collect();
    // What the household gets first; an alternative that is not added after the routes
    // that are.
    order.sort_by_key(|&at| {
        let outcome = &assessment.programmes[at];
        (status_order(outcome.status), outcome.alternative.is_some())
    });
    html! {
        <section class="step result">
            { total_card(assessment, lang) }
            { super::place_step::future_date_note(view) }
            { notices(assessment, lang, Some(dispatch)) }
            { next_steps(assessment, lang) }
            <h2 class="section-title">{ i18n::PROGRAMMES.get(lang) }</h2>
            { super::total_card::counted_income(assessment, lang) }
            { for order.into_iter().map(|at| programme_card(assessment, at, lang, dispatch)) }
            if let Some(curve) = &computed.what_if {
                { what_if_chart(curve, lang) }
            }
            { super::glossary::glossary(lang) }
            { super::answers::all(lang) }
            { not_published(assessment, lang, "h2") }
            if let Some(household) = &view.checked.household {
                { super::check_panel::check_panel(view, household, decision) }
            }
            { super::print_sheet::print_card(view) }
            if let Some(household) = &view.checked.household {
                { super::share_panel::share_panel(view, household, assessment) }
            }
            { edit_buttons(lang, dispatch) }
            <p class="version">{ format!("{}：{}", i18n::RULES_VERSION.get(lang), assessment.rules_version) }</p>
            if let Some(household) = &view.checked.household {
                { (view.tools.print_sheet)(household, assessment, lang) }
            }
        </section>
    }
}

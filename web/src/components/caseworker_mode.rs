//! Caseworker mode: every answer on one page (place and date, the caseworker's options
//! and assumed parameters, each member with all their situations, the family), the
//! result beside it, recomputed on every change; and a second scenario (a copy of the
//! household, e.g. after a job) compared with the first.
//!
//! A component of its own, unlike the views: it keeps the memos of two households'
//! checks and assessments, which only this mode needs.

use super::caseworker_place::{caseworker_overrides, caseworker_place};
use super::caseworker_result::caseworker_result;
use super::examples_picker::examples_picker;
use super::family_questions::family_questions;
use super::member_editor::member_editor;
use super::member_situation::member_situation;
use super::result_step::Computed;
use super::scenario_compare::scenario_compare;
use super::{on, View};
use crate::browser;
use crate::form::{self, Checked, Step};
use crate::i18n;
use crate::state::{Action, State};
use doudi_rules::Assessment;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CaseworkerModeProps {
    pub state: State,
    pub ondispatch: Callback<Action>,
}

fn assessment(computed: Option<&Computed>) -> Option<&Assessment> {
    computed.and_then(|computed| computed.assessment.as_ref().ok())
}

#[function_component(CaseworkerMode)]
pub fn caseworker_mode(props: &CaseworkerModeProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let dispatch = &props.ondispatch;
    let checked_a = use_memo(state.form.clone(), |form| form::check(form));
    let checked_b = use_memo(state.scenario_b.clone(), |form| {
        form.as_ref().map(|form| form::check(form))
    });
    let computed_a = use_memo(checked_a.household.clone(), |household| {
        household.as_ref().map(Computed::of)
    });
    let computed_b = use_memo(
        checked_b
            .as_ref()
            .as_ref()
            .and_then(|checked| checked.household.clone()),
        |household| household.as_ref().map(Computed::of),
    );

    let b = match (&state.scenario_b, checked_b.as_ref()) {
        (Some(form), Some(checked)) => Some((form, checked)),
        _ => None,
    };
    let editing_b = state.editing_b && b.is_some();
    let (form, checked, computed): (_, &Checked, _) = match b {
        Some((form, checked)) if editing_b => (form.clone(), checked, computed_b.as_ref().as_ref()),
        _ => (state.form.clone(), &checked_a, computed_a.as_ref().as_ref()),
    };
    // The views read the answers of the scenario on screen, with every message shown
    // (as on the summary): a caseworker sees at once what is missing.
    let shown = State {
        form,
        step: Step::Summary,
        ..state.clone()
    };
    let view = View {
        state: &shown,
        checked,
        ondispatch: dispatch,
    };
    let scenario = if editing_b { "b" } else { "a" };
    let scenario_name = i18n::SCENARIO_NAMES[usize::from(editing_b)].get(lang);
    html! {
        <main class="cw" data-scenario={scenario}>
            <h2 id="step-title" class="step-title" tabindex="-1">{ i18n::CW_TITLE.get(lang) }</h2>
            <p class="intro">{ i18n::CW_INTRO.get(lang) }</p>
            <div class="scenario-bar" role="group" aria-label={i18n::SCENARIOS.get(lang)}>
                if b.is_some() {
                    { for [false, true].into_iter().map(|is_b| html! {
                        <button type="button" class="scenario-tab" data-scenario={if is_b { "b" } else { "a" }}
                            aria-pressed={if is_b == editing_b { "true" } else { "false" }} onclick={on(dispatch, Action::EditB(is_b))}>
                            { i18n::SCENARIO_NAMES[usize::from(is_b)].get(lang) }
                        </button>
                    }) }
                    <button type="button" class="link-button danger" id="remove-b" onclick={on(dispatch, Action::RemoveB)}>{ i18n::REMOVE_B.get(lang) }</button>
                } else {
                    <button type="button" class="secondary" id="copy-to-b" aria-describedby="copy-to-b-hint" onclick={on(dispatch, Action::CopyToB)}>
                        { i18n::COPY_TO_B.get(lang) }
                    </button>
                    <p class="hint" id="copy-to-b-hint">{ i18n::COPY_TO_B_HINT.get(lang) }</p>
                }
            </div>
            <button type="button" class="link-button to-result" onclick={Callback::from(|_: MouseEvent| browser::focus_top("cw-result"))}>
                { i18n::CW_TO_RESULT.get(lang) }
            </button>
            <div class="cw-grid">
                <div class="cw-form">
                    { caseworker_place(&view) }
                    <section class="cw-members" aria-labelledby="cw-members-title">
                        <h3 id="cw-members-title">{ i18n::CW_MEMBERS.get(lang) }</h3>
                        { for shown.form.members.iter().enumerate().map(|(index, member)| html! {
                            <div class="cw-member" key={member.id}>
                                { member_editor(&view, index) }
                                { member_situation(&view, index, None) }
                            </div>
                        }) }
                        { super::members_step::add_member(&view) }
                    </section>
                    { family_questions(&view) }
                    { caseworker_overrides(&view) }
                    { examples_picker(lang, dispatch) }
                </div>
                <section class="cw-result" id="cw-result" aria-labelledby="cw-result-title" tabindex="0">
                    <h2 id="cw-result-title">
                        { i18n::CW_RESULT.get(lang) }
                        if b.is_some() {
                            { " · " }{ scenario_name }
                        }
                    </h2>
                    if b.is_some() {
                        { scenario_compare(lang, assessment(computed_a.as_ref().as_ref()), assessment(computed_b.as_ref().as_ref())) }
                    }
                    { caseworker_result(lang, &shown.form, checked, computed) }
                </section>
            </div>
        </main>
    }
}

//! Caseworker mode: every answer on one page (place and date, the caseworker's options
//! and assumed parameters, each member with all their situations, the family), the
//! result beside it, recomputed on every change; and a second scenario (a copy of the
//! household, e.g. after a job) compared with the first.
//!
//! A component of its own, unlike the views: it keeps the memos of two households'
//! checks and assessments, which only this mode needs.

use super::caseworker_place::{caseworker_overrides, caseworker_place};
use super::caseworker_result::{caseworker_details, caseworker_problems, caseworker_total};
use super::examples_picker::examples_picker;
use super::family_questions::family_questions;
use super::member_editor::member_editor;
use super::member_situation::member_situation;
use super::result_step::Computed;
use super::scenario_compare::scenario_compare;
use super::{on, Frozen, View};
use crate::browser;
use crate::form::{self, Checked, Step};
use crate::i18n;
use crate::state::{Action, State};
use doudi_rules::{Assessment, Household, InputError, Options};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CaseworkerModeProps {
    pub state: State,
    pub ondispatch: Callback<Action>,
}

fn assessment(assessed: Option<&Result<Assessment, InputError>>) -> Option<&Assessment> {
    assessed.and_then(|assessed| assessed.as_ref().ok())
}

/// The household whose whole result is drawn: the one on screen, a frame after it
/// changed (the total is redrawn at once; the cards, the chart and the rest once the
/// browser has painted it).
#[hook]
fn use_settled(household: Option<Household>) -> Option<Household> {
    let settled = use_state(|| household.clone());
    let generation = use_mut_ref(|| 0_u64);
    {
        let settled = settled.clone();
        use_effect_with(household, move |household| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            let frame = (*settled != *household).then(|| {
                let household = household.clone();
                browser::after_paint(move || {
                    if *generation.borrow() == mine {
                        settled.set(household);
                    }
                })
            });
            // A newer change cancels the frame (and the task checks its generation).
            move || {
                let _ = &frame;
            }
        });
    }
    (*settled).clone()
}

/// Everything a member's questions on this page are drawn from (member_editor.rs,
/// member_situation.rs): the member's answers, their place in the list, how many members
/// there are, the date (their age and the lists in force on it), the language, and the
/// messages about their answers (the page shows every message).
#[derive(PartialEq)]
struct MemberKey {
    lang: i18n::Lang,
    index: usize,
    member: form::MemberForm,
    members: usize,
    date: String,
    errors: Vec<form::FieldError>,
}

impl MemberKey {
    fn of(view: &View, index: usize) -> MemberKey {
        let form = &view.state.form;
        let own = format!("members[{index}]");
        MemberKey {
            lang: view.state.lang,
            index,
            member: form.members[index].clone(),
            members: form.members.len(),
            date: form.date.clone(),
            errors: view
                .checked
                .errors
                .iter()
                .filter(|error| {
                    error
                        .field
                        .strip_prefix(&own)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
                })
                .cloned()
                .collect(),
        }
    }
}

/// Everything the household's own questions on this page are drawn from
/// (caseworker_place.rs, family_questions.rs, examples_picker.rs): the answers but the
/// members' (kept apart: see [`MemberKey`]), the messages about them, the language.
#[derive(PartialEq)]
struct FieldsKey {
    lang: i18n::Lang,
    form: form::Form,
    errors: Vec<form::FieldError>,
}

impl FieldsKey {
    fn of(view: &View) -> FieldsKey {
        FieldsKey {
            lang: view.state.lang,
            form: form::Form {
                members: Vec::new(),
                ..(*view.state.form).clone()
            },
            errors: view
                .checked
                .errors
                .iter()
                .filter(|error| !error.field.starts_with("members["))
                .cloned()
                .collect(),
        }
    }
}

/// The members' questions as last drawn, by position: a keystroke redraws its own
/// member's questions only (a family of five has some 150 controls on this page).
struct Members(Rc<std::cell::RefCell<Vec<Option<Drawn>>>>);

/// A member's questions as drawn, with what they were drawn from.
type Drawn = (Rc<MemberKey>, Html);

impl Members {
    /// The member's questions, drawn again only when `key` differs from what they were
    /// last drawn from; with the key they were drawn from (the same `Rc` when not drawn
    /// again).
    fn drawn(&self, key: MemberKey, draw: impl FnOnce() -> Html) -> Drawn {
        let mut drawn = self.0.borrow_mut();
        let at = key.index;
        if let Some(Some((known, html))) = drawn.get(at) {
            if **known == key {
                return (known.clone(), html.clone());
            }
        }
        let html = draw();
        if drawn.len() <= at {
            drawn.resize_with(at + 1, || None);
        }
        let key = Rc::new(key);
        drawn[at] = Some((key.clone(), html.clone()));
        (key, html)
    }
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
    // Each scenario's assessment, for the total and the comparison, on every change.
    let assessed_a = use_memo(checked_a.household.clone(), |household| {
        household
            .as_ref()
            .map(|household| doudi_rules::assess(household, Options::default()))
    });
    let assessed_b = use_memo(
        checked_b
            .as_ref()
            .as_ref()
            .and_then(|checked| checked.household.clone()),
        |household| {
            household
                .as_ref()
                .map(|household| doudi_rules::assess(household, Options::default()))
        },
    );

    let b = match (&state.scenario_b, checked_b.as_ref()) {
        (Some(form), Some(checked)) => Some((form, checked)),
        _ => None,
    };
    let editing_b = state.editing_b && b.is_some();
    let (form, checked, assessed): (_, &Checked, _) = match b {
        Some((form, checked)) if editing_b => (form.clone(), checked, assessed_b.as_ref().as_ref()),
        _ => (state.form.clone(), &checked_a, assessed_a.as_ref().as_ref()),
    };
    // The rest of the result (cards, chart, …) for the household on screen, a frame
    // after the total: the same household's assessment (and the what-if sweep), so that
    // a keystroke's total is on screen within a frame. Until then the section says it
    // is updating (`aria-busy`), and the style sheet dims what is about to change.
    let settled = use_settled(checked.household.clone());
    let updating = settled != checked.household;
    let details = use_memo((settled, lang), |(household, lang)| {
        let html = household
            .as_ref()
            .map(|household| caseworker_details(&Computed::of(household), *lang))
            .unwrap_or_default();
        ((household.clone(), *lang), html)
    });
    // The views read the answers of the scenario on screen, with every message shown
    // (as on the summary): a caseworker sees at once what is missing.
    let shown = State {
        form,
        step: Step::Summary,
        ..state.clone()
    };
    // The caseworker's page is in the tools' module: it has every tool.
    let ask_tools = Callback::noop();
    let view = View {
        state: &shown,
        checked,
        ondispatch: dispatch,
        tools: &crate::tools::ALL,
        ask_tools: &ask_tools,
    };
    let members = Members(use_mut_ref(Vec::new));
    // The household's own questions (place, date, the caseworker's options, the family,
    // the assumed values, the examples), drawn again only when what they are drawn from
    // changes: the answers but the members', the messages about them, the language.
    let drawings = use_mut_ref(|| 0_u64);
    let fields = use_memo(FieldsKey::of(&view), |_| {
        *drawings.borrow_mut() += 1;
        let place = caseworker_place(&view);
        let rest = html! {
            <>
                { family_questions(&view) }
                { caseworker_overrides(&view) }
                { examples_picker(lang, dispatch) }
            </>
        };
        (*drawings.borrow(), place, rest)
    });
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
                    <Frozen<u64> by={fields.0} html={fields.1.clone()} />
                    <section class="cw-members" aria-labelledby="cw-members-title">
                        <h3 id="cw-members-title">{ i18n::CW_MEMBERS.get(lang) }</h3>
                        { for shown.form.members.iter().enumerate().map(|(index, member)| {
                            let (by, drawn) = members.drawn(MemberKey::of(&view, index), || html! {
                                <>
                                    { member_editor(&view, index) }
                                    { member_situation(&view, index, None) }
                                </>
                            });
                            html! { <div class="cw-member" key={member.id}><Frozen<Rc<MemberKey>> {by} html={drawn} /></div> }
                        }) }
                        { super::members_step::add_member(&view) }
                    </section>
                    <Frozen<u64> by={fields.0} html={fields.2.clone()} />
                </div>
                <section class="cw-result" id="cw-result" aria-labelledby="cw-result-title" tabindex="0"
                    aria-busy={updating.then_some("true")} data-updating={updating.then_some("")}>
                    <h2 id="cw-result-title">
                        { i18n::CW_RESULT.get(lang) }
                        if b.is_some() {
                            { " · " }{ scenario_name }
                        }
                    </h2>
                    if b.is_some() {
                        { scenario_compare(lang, assessment(assessed_a.as_ref().as_ref()), assessment(assessed_b.as_ref().as_ref())) }
                    }
                    {
                        match (caseworker_problems(lang, &shown.form, checked, assessed), assessment(assessed)) {
                            (Some(problems), _) => problems,
                            (None, Some(assessment)) => html! {
                                <>
                                    { caseworker_total(assessment, lang) }
                                    <Frozen<(Option<Household>, i18n::Lang)> by={details.0.clone()} html={details.1.clone()} />
                                </>
                            },
                            (None, None) => html! {},
                        }
                    }
                </section>
            </div>
        </main>
    }
}

//! Caseworker mode: every answer on one page (place and date, the caseworker's options
//! and assumed parameters, each member with all their situations, the family), the
//! result beside it, recomputed on every change; and a second scenario compared with the
//! first: a copy of the household (e.g. after a job), or the same household under new
//! rules (a reform: new values of parameters from a date, docs/reform-format.md,
//! assessed by `doudi_rules::assess_under`).
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

/// One new value of a parameter, as typed, for "same household, new rules".
#[derive(Clone, Debug, PartialEq)]
struct Rule {
    param: String,
    from: String,
    value: String,
}

/// The rules typed as a reform, checked: none while there are none.
fn reform_of(rules: &[Rule]) -> Option<Result<doudi_rules::reform::Reform, InputError>> {
    if rules.is_empty() {
        return None;
    }
    Some(
        doudi_rules::reform::ReformInput {
            name: i18n::RULES_B_NAME.zh.into(),
            name_en: i18n::RULES_B_NAME.en.into(),
            changes: rules
                .iter()
                .map(|rule| doudi_rules::reform::ChangeInput {
                    param: rule.param.clone(),
                    from: rule.from.clone(),
                    value: rule.value.clone(),
                })
                .collect(),
        }
        .check()
        .map_err(|error| {
            // "change[1].value" → which rule, as a person counts.
            let row = error
                .field
                .strip_prefix("change[")
                .and_then(|rest| rest.split_once(']'))
                .and_then(|(at, _)| at.parse::<usize>().ok())
                .map(|at| at + 1);
            let (zh, en) = match row {
                Some(row) => (
                    format!("第 {row} 条：{}", error.zh),
                    format!("Rule {row}: {}", error.en),
                ),
                None => (error.zh.clone(), error.en.clone()),
            };
            InputError::new(error.field, zh, en)
        }),
    )
}

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
    // Each scenario's assessment, for the total and the comparison, on every change:
    // with words but without the trace, which only the cards below (a frame later, from
    // their own assessment of the same household) show, so that a keystroke's total does
    // not wait for the trace's sentences.
    let assessed_a = use_memo(checked_a.household.clone(), |household| {
        household
            .as_ref()
            .map(|household| doudi_rules::assess(household, Options::QUIET))
    });
    let assessed_b = use_memo(
        checked_b
            .as_ref()
            .as_ref()
            .and_then(|checked| checked.household.clone()),
        |household| {
            household
                .as_ref()
                .map(|household| doudi_rules::assess(household, Options::QUIET))
        },
    );

    // Scenario B as "same household, new rules": the rules typed (none: not this kind of
    // B), shown or not, and household A assessed under them.
    let rules = use_state(|| None::<Vec<Rule>>);
    let rules_shown = use_state(|| false);
    let assessed_rules = use_memo(
        (checked_a.household.clone(), (*rules).clone()),
        |(household, rules)| {
            // A reform that cannot be used says so at its rule; a household that cannot
            // be assessed yet has its messages on scenario A's page, and B waits for it.
            match reform_of(rules.as_deref()?)? {
                Err(error) => Some(Err(error)),
                Ok(reform) => Some(doudi_rules::assess_under(
                    household.as_ref()?,
                    Options::QUIET,
                    &reform,
                )),
            }
        },
    );
    let b = match (&state.scenario_b, checked_b.as_ref()) {
        (Some(form), Some(checked)) => Some((form, checked)),
        _ => None,
    };
    let editing_b = state.editing_b && b.is_some();
    let rules_b = rules.is_some() && b.is_none();
    let showing_rules = rules_b && *rules_shown;
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
    let scenario = if editing_b || showing_rules { "b" } else { "a" };
    let scenario_name = i18n::SCENARIO_NAMES[usize::from(editing_b || showing_rules)].get(lang);
    let rules_bar = rules_bar(lang, &rules, &rules_shown, b.is_some());
    let rules_editor = if showing_rules {
        rules_editor(
            lang,
            &rules,
            &state.form.date,
            assessed_rules
                .as_ref()
                .as_ref()
                .and_then(|assessed| assessed.as_ref().err())
                .filter(|error| error.field.starts_with("change") || error.field == "name"),
        )
    } else {
        html! {}
    };
    let assessed_b_any = if rules_b {
        assessed_rules.as_ref().as_ref()
    } else {
        assessed_b.as_ref().as_ref()
    };
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
                } else if !rules_b {
                    <button type="button" class="secondary" id="copy-to-b" aria-describedby="copy-to-b-hint" onclick={on(dispatch, Action::CopyToB)}>
                        { i18n::COPY_TO_B.get(lang) }
                    </button>
                    <p class="hint" id="copy-to-b-hint">{ i18n::COPY_TO_B_HINT.get(lang) }</p>
                }
                { rules_bar }
            </div>
            { rules_editor }
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
                        if b.is_some() || rules_b {
                            { " · " }{ scenario_name }
                        }
                    </h2>
                    if b.is_some() || rules_b {
                        { scenario_compare(lang, assessment(assessed_a.as_ref().as_ref()), assessment(assessed_b_any)) }
                    }
                    if showing_rules {
                        // B under new rules: its total; the cards below it are scenario
                        // A's (the rules as they are), so they are not drawn here.
                        if let Some(assessment) = assessment(assessed_rules.as_ref().as_ref()) {
                            { caseworker_total(assessment, lang) }
                            <p class="hint">{ i18n::RULES_B_DETAILS.get(lang) }</p>
                        }
                    } else {{
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
                    }}
                </section>
            </div>
        </main>
    }
}

/// The buttons of "same household, new rules": start it, or switch between the rules as
/// they are and the new ones, or remove it. None while a household B is there.
fn rules_bar(
    lang: i18n::Lang,
    rules: &UseStateHandle<Option<Vec<Rule>>>,
    shown: &UseStateHandle<bool>,
    household_b: bool,
) -> Html {
    if household_b {
        return html! {};
    }
    let show = |to: bool| {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(to))
    };
    match rules.as_ref() {
        None => {
            let start = {
                let rules = rules.clone();
                let shown = shown.clone();
                Callback::from(move |_: MouseEvent| {
                    rules.set(Some(Vec::new()));
                    shown.set(true);
                })
            };
            html! {
                <>
                    <button type="button" class="secondary" id="rules-to-b" aria-describedby="rules-to-b-hint" onclick={start}>
                        { i18n::RULES_TO_B.get(lang) }
                    </button>
                    <p class="hint" id="rules-to-b-hint">{ i18n::RULES_TO_B_HINT.get(lang) }</p>
                </>
            }
        }
        Some(_) => {
            let remove = {
                let rules = rules.clone();
                let shown = shown.clone();
                Callback::from(move |_: MouseEvent| {
                    rules.set(None);
                    shown.set(false);
                })
            };
            html! {
                <>
                    { for [false, true].into_iter().map(|is_b| html! {
                        <button type="button" class="scenario-tab" data-scenario={if is_b { "b" } else { "a" }}
                            aria-pressed={if is_b == **shown { "true" } else { "false" }} onclick={show(is_b)}>
                            { format!("{}{}", i18n::SCENARIO_NAMES[usize::from(is_b)].get(lang), i18n::RULES_TAB[usize::from(is_b)].get(lang)) }
                        </button>
                    }) }
                    <button type="button" class="link-button danger" id="remove-rules-b" onclick={remove}>{ i18n::REMOVE_B.get(lang) }</button>
                </>
            }
        }
    }
}

/// The new rules of scenario B: each new value, with a button to take it out, and a
/// parameter to add (those of policies/, with their values on the household's date).
fn rules_editor(
    lang: i18n::Lang,
    rules: &UseStateHandle<Option<Vec<Rule>>>,
    date: &str,
    error: Option<&InputError>,
) -> Html {
    let list = rules.as_deref().unwrap_or_default().to_vec();
    let on_date = doudi_rules::household::parse_date(date).ok();
    let options = super::caseload_mode::parameter_options(on_date, lang);
    let onadd = {
        let rules = rules.clone();
        let date = date.to_string();
        Callback::from(move |_: MouseEvent| {
            let Some(document) = web_sys::window().and_then(|window| window.document()) else {
                return;
            };
            let read = |id: &str| {
                use wasm_bindgen::JsCast;
                document
                    .get_element_by_id(id)
                    .and_then(|element| {
                        element
                            .dyn_ref::<web_sys::HtmlInputElement>()
                            .map(|input| input.value())
                            .or_else(|| {
                                element
                                    .dyn_ref::<web_sys::HtmlSelectElement>()
                                    .map(|select| select.value())
                            })
                    })
                    .unwrap_or_default()
            };
            let mut list = rules.as_deref().unwrap_or_default().to_vec();
            let from = read("rules-from");
            list.push(Rule {
                param: read("rules-param"),
                from: if from.trim().is_empty() {
                    date.clone()
                } else {
                    from
                },
                value: read("rules-value"),
            });
            rules.set(Some(list));
        })
    };
    let remove = |at: usize| {
        let rules = rules.clone();
        Callback::from(move |_: MouseEvent| {
            let mut list = rules.as_deref().unwrap_or_default().to_vec();
            if at < list.len() {
                list.remove(at);
            }
            rules.set(Some(list));
        })
    };
    let names = on_date
        .map(doudi_rules::questions::parameters)
        .unwrap_or_default();
    let name_of = |id: &str| {
        names
            .iter()
            .find(|each| each.id == id)
            .map(|each| {
                if lang == i18n::Lang::Zh {
                    each.zh
                } else {
                    each.en
                }
            })
            .unwrap_or(id)
            .to_string()
    };
    html! {
        <section class="card cw-rules" aria-labelledby="cw-rules-title" data-testid="rules-b">
            <h3 id="cw-rules-title">{ i18n::RULES_B_TITLE.get(lang) }</h3>
            <p class="hint">{ i18n::RULES_B_INTRO.get(lang) }</p>
            if list.is_empty() {
                <p>{ i18n::RULES_B_NONE.get(lang) }</p>
            } else {
                <ol class="cw-rules-list">
                    { for list.iter().enumerate().map(|(at, rule)| html! {
                        <li data-param={rule.param.clone()}>
                            { format!("{}（{}）{} {}：{}", name_of(&rule.param), rule.param, i18n::CL_FROM.get(lang), rule.from, rule.value) }
                            { " " }
                            <button type="button" class="link-button danger" onclick={remove(at)}>{ i18n::RULES_B_REMOVE.get(lang) }</button>
                        </li>
                    }) }
                </ol>
            }
            if let Some(error) = error {
                <p class="error" role="alert">{ if lang == i18n::Lang::Zh { error.zh.clone() } else { error.en.clone() } }</p>
            }
            <div class="field">
                <label for="rules-param">{ i18n::CL_PARAM.get(lang) }</label>
                <select id="rules-param">
                    { for options.into_iter().map(|(id, label)| html! { <option value={id}>{ label }</option> }) }
                </select>
            </div>
            <div class="field short">
                <label for="rules-value">{ i18n::CL_VALUE.get(lang) }</label>
                <input id="rules-value" inputmode="decimal" />
            </div>
            <div class="field">
                <label for="rules-from">{ i18n::CL_FROM.get(lang) }</label>
                <input id="rules-from" type="date" value={date.to_string()} />
            </div>
            <button type="button" class="secondary" id="rules-add" onclick={onadd}>{ i18n::CL_ADD.get(lang) }</button>
        </section>
    }
}

//! 一分钟初步判断: the one-minute check's screen. The place and the category (the first
//! screen's answers, asked again here), the date's standards (a line, with the way back
//! to the first screen to change it); then how many people, the
//! family's income, who is in which situation, dibao now, and heavy spending. The answer
//! shows below the questions as they are answered: per programme its word (可能符合 /
//! 需要补充 / 暂不符合, never a colour alone), its range and why, then what the estimate
//! assumes and, for heavy spending, where to turn. Every figure is
//! `doudi_rules::quick::quick`'s; "算得更准" carries the answers into the full flow.

use super::choice::{choice, ChoiceProps};
use super::on;
use super::place_step::{category_key, place_options};
use super::select_field::{select_field, SelectFieldProps};
use super::text_field::{text_field, TextFieldProps};
use super::View;
use crate::form::{FieldError, QuickForm};
use crate::i18n::{self, Lang, T};
use crate::state::{Action, Input, QuickInput};
use doudi_rules::labels::{self, quick as words};
use doudi_rules::quick::{QuickAnswer, Range};
use doudi_rules::Payment;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The answer of the one-minute check for the screen: none until people and income are
/// given; a message at a field when the answers cannot be read or are refused.
pub type Answered = Option<Result<QuickAnswer, FieldError>>;

/// Reads the answers and asks the rules.
pub fn run(form: &crate::form::Form, answers: &QuickForm) -> Answered {
    Some(crate::form::quick(form, answers)?.and_then(|quick| {
        doudi_rules::quick::quick(&quick).map_err(|error| FieldError {
            field: error.field,
            message: doudi_rules::Text::new(error.zh, error.en),
            required: false,
        })
    }))
}

fn range_words(range: &Range, lang: Lang) -> String {
    lang.text(&range.text()).to_string()
}

fn tick(view: &View, id: &'static str, input: QuickInput, label: T, checked: bool) -> Html {
    let onchange = view.ondispatch.reform(move |event: Event| {
        let on = event.target_unchecked_into::<HtmlInputElement>().checked();
        Action::Set(Input::Quick(input), if on { "yes" } else { "no" }.into())
    });
    html! {
        <label class="option" for={id}>
            <input type="checkbox" id={id} {checked} {onchange} />
            <span>{ label.get(view.state.lang) }</span>
        </label>
    }
}

pub fn quick_screen(view: &View, answered: &Answered) -> Html {
    let state = view.state;
    let lang = state.lang;
    let dispatch = view.ondispatch;
    let answers = state.quick.as_deref().cloned().unwrap_or_default();
    let form = &state.form;
    let error_at = |field: &str| match answered {
        Some(Err(error)) if error.field == field => Some(lang.text(&error.message).to_string()),
        _ => None,
    };
    let anyone = answers.anyone;
    html! {
        <main class="quick">
            <h2 id="step-title" class="step-title" tabindex="-1">{ if lang == Lang::Zh { words::TITLE.zh } else { words::TITLE.en } }</h2>
            { (view.tools.read_aloud)(view) }
            <section class="step quick-questions">
                <p class="intro">{ i18n::QUICK_INTRO.get(lang) }</p>
                // The place and the category are the first screen's answers, asked here too.
                { select_field(dispatch, Input::County, SelectFieldProps {
                    id: "county".into(), field: "county".into(), label: i18n::COUNTY.get(lang), options: place_options(lang), selected: form.county.clone(),
                    error: error_at("county"), ..Default::default()
                }) }
                { choice(dispatch, Input::Category, ChoiceProps {
                    name: "category".into(), field: "category".into(), legend: i18n::CATEGORY.get(lang), hint: i18n::CATEGORY_HINT.get(lang),
                    options: view.options([("urban", i18n::URBAN), ("rural", i18n::RURAL)]), selected: category_key(form),
                }) }
                <p class="hint quick-date" data-testid="quick-date">
                    { i18n::fill(i18n::QUICK_DATE.get(lang), &[("date", &form.date)]) }
                    { " " }
                    <button type="button" class="link" id="quick-back" onclick={on(dispatch, Action::Quick(false))}>{ i18n::QUICK_BACK.get(lang) }</button>
                </p>
                if let Some(message) = error_at("date") {
                    <p class="error" role="alert">{ message }</p>
                }
                { text_field(dispatch, Input::Quick(QuickInput::People), TextFieldProps {
                    id: "quick-people".into(), field: "people".into(), label: i18n::QUICK_PEOPLE.get(lang).into(), hint: i18n::QUICK_PEOPLE_HINT.get(lang),
                    inputmode: "numeric", class: "short", value: answers.people.clone(), error: error_at("people"), ..Default::default()
                }) }
                { text_field(dispatch, Input::Quick(QuickInput::Income), TextFieldProps {
                    id: "quick-income".into(), field: "monthly_income".into(), label: i18n::QUICK_INCOME.get(lang).into(), hint: i18n::QUICK_INCOME_HINT.get(lang),
                    inputmode: "decimal", class: "short", value: answers.income.clone(), error: error_at("monthly_income"), ..Default::default()
                }) }
                <fieldset class="choice checks" data-field="anyone">
                    <legend>{ i18n::QUICK_ANYONE.get(lang) }</legend>
                    if let Some(message) = error_at("anyone") {
                        <p class="error" role="alert">{ message }</p>
                    }
                    { tick(view, "quick-old", QuickInput::Old, i18n::QUICK_OLD, anyone.aged_70_plus) }
                    { tick(view, "quick-child", QuickInput::Child, i18n::QUICK_CHILD, anyone.under_18) }
                    { tick(view, "quick-disabled", QuickInput::Disabled, i18n::QUICK_DISABLED, anyone.severely_disabled) }
                    { tick(view, "quick-ill", QuickInput::Ill, i18n::QUICK_ILL, anyone.seriously_ill) }
                </fieldset>
                <fieldset class="choice checks">
                    <legend>{ i18n::QUICK_DIBAO.get(lang) }</legend>
                    { tick(view, "quick-dibao", QuickInput::OnDibao, i18n::QUICK_DIBAO_YES, answers.on_dibao) }
                </fieldset>
                <fieldset class="choice checks">
                    <legend>{ i18n::QUICK_SPENDING.get(lang) }</legend>
                    { tick(view, "quick-illness", QuickInput::Illness, i18n::QUICK_ILLNESS, answers.spending.illness) }
                    { tick(view, "quick-schooling", QuickInput::Schooling, i18n::QUICK_SCHOOLING, answers.spending.schooling) }
                </fieldset>
            </section>
            <section class="step quick-answer" aria-live="polite" data-testid="quick-answer">
                {
                    match answered {
                        Some(Ok(answer)) => answer_view(answer, lang),
                        _ => html! { <p class="hint">{ i18n::QUICK_WAITING.get(lang) }</p> },
                    }
                }
            </section>
            <div class="nav">
                <button type="button" class="primary" id="quick-more" onclick={on(dispatch, Action::QuickMore)}>{ if lang == Lang::Zh { words::MORE.zh } else { words::MORE.en } }</button>
            </div>
        </main>
    }
}

fn answer_view(answer: &QuickAnswer, lang: Lang) -> Html {
    let say = |label: labels::Label| if lang == Lang::Zh { label.zh } else { label.en };
    let text = |text: &doudi_rules::Text| lang.text(text).to_string();
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    html! {
        <>
            <div class="card total quick-total" data-testid="quick-total" data-low={answer.monthly.low.to_string()} data-high={answer.monthly.high.to_string()}>
                <h3>{ format!("{}{colon}{}", say(words::MONTHLY), range_words(&answer.monthly, lang)) }</h3>
                <p class="hint">{ text(&answer.disclaimer) }</p>
            </div>
            <ul class="quick-programmes">
                { for answer.programmes.iter().map(|programme| {
                    let how = programme.range.as_ref().map(|range| {
                        let how = match programme.payment {
                            Payment::Monthly => say(labels::PAID_EVERY_MONTH),
                            payment => say(labels::payment(payment)),
                        };
                        format!("{} · {how}", range_words(range, lang))
                    });
                    html! {
                        <li class="quick-programme" data-programme={programme.programme.id()} data-likely={programme.likely.id()}
                            data-low={programme.range.map(|range| range.low.to_string())} data-high={programme.range.map(|range| range.high.to_string())}>
                            <h3>
                                { text(&programme.title) }
                                { " " }
                                <span class="badge">{ say(words::likely(programme.likely)) }</span>
                            </h3>
                            if let Some(how) = how {
                                <p class="quick-range">{ how }</p>
                            }
                            if !programme.why.is_empty() {
                                <p>{ text(&programme.why) }</p>
                            }
                            if !programme.needs.is_empty() {
                                <p class="quick-needs-title">{ format!("{}{}", say(words::WHAT_DEPENDS), colon.trim_end()) }</p>
                                <ul>{ for programme.needs.iter().map(|need| html! { <li>{ text(need) }</li> }) }</ul>
                            }
                        </li>
                    }
                }) }
            </ul>
            if !answer.guidance.is_empty() {
                <div class="card quick-guidance" data-testid="quick-guidance">
                    <h3>{ say(words::HEAVY_SPENDING) }</h3>
                    <ul>{ for answer.guidance.iter().map(|line| html! { <li>{ text(line) }</li> }) }</ul>
                </div>
            }
            <details class="more quick-assumed">
                <summary>{ say(words::ASSUMED) }</summary>
                <ul>{ for answer.assumptions.iter().map(|line| html! { <li>{ text(line) }</li> }) }</ul>
            </details>
        </>
    }
}

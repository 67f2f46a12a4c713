//! 核一核 on the result screen: what a decision notice or a payment says, typed beside
//! the household's answers, and what the rules say of it (`doudi_rules::check`, the
//! same as `doudi check`): the same, different (with the facts or readings that would
//! give the notice's figure), or not yet; then what the family can do. The rules write
//! every sentence and the labels are the rules' table (`labels::check`), so the CLI and
//! the site say the same words. The fields are `html!`; the answer is static markup.

use super::markup::Markup;
use super::select_field::{select_field, SelectFieldProps};
use super::text_field::{text_field, TextFieldProps};
use super::View;
use crate::form::{self, Typed};
use crate::i18n::{self, Lang, T};
use crate::state::Input;
use doudi_rules::check::{check, Check, Decided, DecidedCare, Decision, Reason};
use doudi_rules::labels::check as words;
use doudi_rules::{Category, Household, InputError, Tier};
use yew::prelude::*;

/// What the rules said of the decision typed.
#[derive(Clone, Debug)]
pub enum Checked {
    /// The amount typed cannot be read (its message shows at the field).
    Typed(form::FieldError),
    /// The rules refused the decision (a member the household lacks, an amount too large).
    Refused(InputError),
    Done(Box<Check>),
}

/// Checks the decision typed (`form::decision`) against the rules for `household`; none
/// while no programme is chosen or no amount typed.
pub fn run(
    household: &Household,
    typed: Option<&Result<Decision, form::FieldError>>,
) -> Option<Checked> {
    Some(match typed? {
        Err(error) => Checked::Typed(error.clone()),
        Ok(decision) => match check(household, decision) {
            Ok(done) => Checked::Done(Box::new(done)),
            Err(error) => Checked::Refused(error),
        },
    })
}

fn pick(label: doudi_rules::labels::Label, lang: Lang) -> String {
    T::of(label).get(lang).to_string()
}

/// The amount a month, with its unit; `data-check` names it for the browser tests (not
/// `data-money`, which names a path in the assessment).
fn a_month(out: &mut Markup, amount: &doudi_rules::Decimal, which: &str) {
    out.raw("<span class=\"money\"");
    out.attr("data-check", which);
    out.raw(">");
    out.text(&amount.normalize().to_string());
    out.raw("</span>");
    out.unit(i18n::YUAN_PER_MONTH);
}

/// A list of choices that starts with "not stated" (the notice names none).
fn not_named(
    lang: Lang,
    items: impl IntoIterator<Item = (String, String)>,
) -> Vec<(String, String)> {
    let none = (String::new(), i18n::CHECK_NOT_NAMED.get(lang).to_string());
    std::iter::once(none).chain(items).collect()
}

/// The answer: the two amounts, the verdict in words, the rules' sentences and lists.
fn answer(done: &Check, lang: Lang) -> Html {
    let mut out = Markup::new(lang);
    let verdict = done.verdict.id();
    out.raw(&format!(
        "<div class=\"check-answer {verdict}\" data-verdict=\"{verdict}\">"
    ));
    // The verdict in words, never by colour alone.
    out.el(
        "p class=\"verdict\"",
        "p",
        &pick(words::verdict(done.verdict), lang),
    );
    out.raw("<dl class=\"check-amounts\"><dt>");
    out.text(&pick(words::NOTICE, lang));
    out.raw("</dt><dd>");
    a_month(&mut out, &done.decision.monthly.0, "decided");
    out.raw("</dd><dt>");
    out.text(&pick(words::RULES, lang));
    out.raw("</dt><dd>");
    match &done.ours {
        Some(ours) => a_month(&mut out, ours, "ours"),
        None => out.text(&pick(words::MORE_NEEDED, lang)),
    }
    out.raw("</dd><dt>");
    out.text(&pick(words::DATE, lang));
    out.raw("</dt><dd data-check=\"date\">");
    out.text(&done.date.to_string());
    out.raw("</dd></dl>");
    out.el("p class=\"summary\"", "p", lang.text(&done.summary));
    if let Some(reason) = &done.reason {
        out.el("p class=\"reason\"", "p", lang.text(reason));
    }
    for (heading, list, class) in [
        (words::WOULD_GIVE, &done.explanations, "leads"),
        (words::LEFT_OUT, &done.left_out, "left-out"),
    ] {
        if list.is_empty() {
            continue;
        }
        out.el("h3", "h3", &pick(heading, lang));
        out.raw(&format!("<ul class=\"{class}\">"));
        for each in list {
            out.raw(&format!("<li data-lead=\"{}\">", each.lead.id()));
            out.text(lang.text(&each.text));
            out.raw("</li>");
        }
        out.raw("</ul>");
    }
    out.el("h3", "h3", &pick(words::WHAT_TO_DO, lang));
    out.raw("<ul class=\"check-next\">");
    for step in &done.next_steps {
        out.el("li", "li", lang.text(step));
    }
    out.raw("</ul></div>");
    out.into_html()
}

/// The card: the notice's fields, then the answer.
pub fn check_panel(view: &View, household: &Household, checked: Option<&Checked>) -> Html {
    let lang = view.state.lang;
    let dispatch = view.ondispatch;
    let typed = &view.state.form.decision;
    let programme = Decided::ALL
        .into_iter()
        .find(|decided| decided.id() == typed.programme);
    let none = |label: T| (String::new(), label.get(lang).to_string());
    let mut programmes = vec![none(i18n::CHECK_CHOOSE)];
    programmes.extend(Decided::ALL.into_iter().map(|decided| {
        (
            decided.id().to_string(),
            pick(words::decided(decided), lang),
        )
    }));
    // A message at a field: the form's (cannot be read) or the rules' (refused).
    let error_at = |field: &str| match checked {
        Some(Checked::Typed(error)) if error.field == field => {
            Some(lang.text(&error.message).to_string())
        }
        Some(Checked::Refused(error)) if error.field == field => Some(
            if lang == Lang::Zh {
                &error.zh
            } else {
                &error.en
            }
            .to_string(),
        ),
        _ => None,
    };
    let (amount_error, date_error) = (error_at("decision.monthly"), error_at("decision.date"));
    html! {
        <section class="card check-panel" aria-labelledby="check-title" data-testid="check-panel">
            <details open={programme.is_some()}>
                <summary><h2 id="check-title">{ i18n::CHECK_TITLE.get(lang) }</h2></summary>
                <p class="hint">{ i18n::CHECK_INTRO.get(lang) }</p>
                { select_field(dispatch, Input::DecisionProgramme, SelectFieldProps {
                    id: "decision-programme".into(),
                    field: "decision.programme".into(),
                    label: i18n::CHECK_PROGRAMME.get(lang),
                    options: programmes,
                    selected: typed.programme.clone(),
                    ..Default::default()
                }) }
                if let Some(programme) = programme {
                    if programme.of_a_member() {
                        { select_field(dispatch, Input::DecisionMember, SelectFieldProps {
                            id: "decision-member".into(),
                            field: "decision.member".into(),
                            label: i18n::CHECK_MEMBER.get(lang),
                            options: view.state.form.members.iter().enumerate().map(|(index, member)| {
                                (member.id.to_string(), member.label(index, lang))
                            }).collect(),
                            selected: typed.member.clone(),
                            ..Default::default()
                        }) }
                    }
                    { text_field(dispatch, Input::DecisionMonthly, TextFieldProps {
                        id: "decision-monthly".into(),
                        field: "decision.monthly".into(),
                        label: i18n::CHECK_MONTHLY.get(lang).to_string(),
                        value: typed.monthly.clone(),
                        hint: i18n::CHECK_MONTHLY_HINT.get(lang),
                        error: amount_error,
                        inputmode: "decimal",
                        class: "amount",
                        understood: form::understood(&typed.monthly, Typed::Yuan)
                            .map(|n| i18n::fill(i18n::UNDERSTOOD_YUAN.get(lang), &[("n", &n)])),
                        ..Default::default()
                    }) }
                    if programme == Decided::Dibao && household.category == Category::Rural {
                        { select_field(dispatch, Input::DecisionTier, SelectFieldProps {
                            id: "decision-tier".into(),
                            field: "decision.rural_tier".into(),
                            label: i18n::CHECK_TIER.get(lang),
                            options: not_named(lang, Tier::ALL.map(|tier| (tier.letter().to_string(), tier.letter().to_string()))),
                            selected: typed.rural_tier.clone(),
                            ..Default::default()
                        }) }
                    }
                    if programme == Decided::Tekun {
                        { select_field(dispatch, Input::DecisionCare, SelectFieldProps {
                            id: "decision-care".into(),
                            field: "decision.care_tier".into(),
                            label: i18n::CHECK_CARE.get(lang),
                            options: not_named(lang, DecidedCare::ALL.map(|care| (care.id().to_string(), pick(words::care(care), lang)))),
                            selected: typed.care_tier.clone(),
                            ..Default::default()
                        }) }
                    }
                    { text_field(dispatch, Input::DecisionDate, TextFieldProps {
                        id: "decision-date".into(),
                        field: "decision.date".into(),
                        label: i18n::CHECK_DATE.get(lang).to_string(),
                        value: typed.date.clone(),
                        hint: i18n::CHECK_DATE_HINT.get(lang),
                        error: date_error,
                        input_type: "date",
                        ..Default::default()
                    }) }
                    { select_field(dispatch, Input::DecisionReason, SelectFieldProps {
                        id: "decision-reason".into(),
                        field: "decision.reason".into(),
                        label: i18n::CHECK_REASON.get(lang),
                        options: not_named(lang, Reason::ALL.map(|reason| (reason.id().to_string(), pick(words::reason(reason), lang)))),
                        selected: typed.reason.clone(),
                        ..Default::default()
                    }) }
                }
                <div class="check-result" role="status" aria-live="polite">
                    { match checked {
                        Some(Checked::Done(done)) => answer(done, lang),
                        Some(Checked::Refused(error)) if error.field != "decision.monthly" && error.field != "decision.date" => html! {
                            <p class="error">{ if lang == Lang::Zh { &error.zh } else { &error.en } }</p>
                        },
                        _ => html! {},
                    } }
                </div>
            </details>
        </section>
    }
}

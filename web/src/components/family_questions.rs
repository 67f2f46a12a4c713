//! The questions about the whole family (end of screen 3).

use super::choice::{choice, ChoiceProps};
use super::income_row::income_row;
use super::on;
use super::text_field::{text_field, TextFieldProps};
use super::{tri_value, View};
use crate::form::{understood, Typed};
use crate::i18n::{self, T};
use crate::state::{Action, Input, FAMILY};
use doudi_rules::fields;
use doudi_rules::household::MAX_INCOMES;
use yew::prelude::*;

pub fn family_questions(view: &View) -> Html {
    let lang = view.state.lang;
    let family = &view.state.form.family;
    let dispatch = view.ondispatch;
    let question = |name: &str, input: Input, legend: T, value: bool| {
        choice(
            dispatch,
            input,
            ChoiceProps {
                name: name.into(),
                field: format!("family.{name}"),
                legend: legend.get(lang),
                options: view.options([("yes", i18n::YES), ("no", i18n::NO)]),
                selected: if value { "yes" } else { "no" },
                ..Default::default()
            },
        )
    };
    let can_add = family.can_add_income();
    html! {
        <section class="card family" aria-labelledby="family-title">
            <h3 id="family-title">{ i18n::FAMILY.get(lang) }</h3>
            <h4 id="family-incomes-title">{ i18n::FAMILY_INCOMES.get(lang) }</h4>
            <p class="hint">{ i18n::FAMILY_INCOMES_RULE.get(lang) }</p>
            { for family.incomes.iter().enumerate().map(|(at, income)| income_row(view, FAMILY, "family", at, income)) }
            <button type="button" class="secondary add" data-add-income="family" onclick={on(dispatch, Action::AddIncome(FAMILY))}
                disabled={!can_add} aria-describedby={(!can_add).then_some("family-incomes-full")}>
                { i18n::ADD_FAMILY_INCOME.get(lang) }
            </button>
            if !can_add {
                <p class="hint limit" id="family-incomes-full">{ i18n::fill(i18n::FAMILY_INCOMES_FULL.get(lang), &[("max", &MAX_INCOMES.to_string())]) }</p>
            }
            { super::answers::answer("property", lang) }
            { choice(dispatch, Input::Property, ChoiceProps {
                name: "property".into(), field: "family.property_within_limits".into(), legend: i18n::PROPERTY.get(lang),
                options: view.options([("yes", i18n::YES), ("no", i18n::NO), ("unsure", i18n::NOT_SURE)]), selected: tri_value(family.property),
                ..Default::default()
            }) }
            { question("poverty_alleviated", Input::PovertyAlleviated, i18n::POVERTY_ALLEVIATED, family.poverty_alleviated) }
            { question("marginal", Input::Marginal, i18n::MARGINAL, family.marginal) }
            { question("on_dibao", Input::OnDibao, i18n::ON_DIBAO, family.on_dibao) }
            if family.on_dibao {
                { text_field(dispatch, Input::CurrentDibao, TextFieldProps {
                    id: "current-dibao".into(), field: "family.current_dibao_monthly".into(), label: i18n::CURRENT_DIBAO.get(lang).into(),
                    hint: i18n::CURRENT_DIBAO_HINT.get(lang), inputmode: "decimal", class: "short", value: family.current_dibao.clone(),
                    error: view.error_at("family.current_dibao_monthly"),
                    understood: understood(&family.current_dibao, Typed::Yuan).map(|n| i18n::fill(i18n::UNDERSTOOD_YUAN.get(lang), &[("n", &n)])),
                    ..Default::default()
                }) }
            }
            { for crate::form::plain_family_facts().map(|fact| plain_question(view, fact)) }
        </section>
    }
}

/// A fact of the rules' field table asked with the plain question of its kind: an amount
/// in 元, or yes or no. Nothing in the site names it: its label, path and kind are the
/// table's.
fn plain_question(view: &View, fact: &'static fields::Field) -> Html {
    let lang = view.state.lang;
    let value = view
        .state
        .form
        .family
        .facts
        .get(fact.path)
        .cloned()
        .unwrap_or_default();
    let label = T::of(fact.label).get(lang);
    let id = fact.column.replace('_', "-");
    match fact.kind {
        fields::Kind::Flag => choice(
            view.ondispatch,
            Input::FamilyFact(fact.path),
            ChoiceProps {
                name: id,
                field: fact.path.into(),
                legend: label,
                options: view.options([("1", i18n::YES), ("0", i18n::NO)]),
                selected: if value == "1" { "1" } else { "0" },
                ..Default::default()
            },
        ),
        _ => text_field(
            view.ondispatch,
            Input::FamilyFact(fact.path),
            TextFieldProps {
                id,
                field: fact.path.into(),
                label: label.into(),
                inputmode: "decimal",
                class: "short",
                understood: understood(&value, Typed::Yuan)
                    .map(|n| i18n::fill(i18n::UNDERSTOOD_YUAN.get(lang), &[("n", &n)])),
                error: view.error_at(fact.path),
                value,
                ..Default::default()
            },
        ),
    }
}

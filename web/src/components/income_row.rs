//! One income of a member or of the family as a whole: kind, amount, per month or year, and the monthly conversion
//! of a yearly amount as the rules give it.

use super::choice::{choice, ChoiceProps};
use super::select_field::{select_field, SelectFieldProps};
use super::text_field::{text_field, TextFieldProps};
use super::{indexed, on, View};
use crate::form::IncomeForm;
use crate::form::{read_number, understood, Typed};
use crate::i18n;
use crate::state::{Action, Input};
use doudi_rules::household::{Income, Period};
use doudi_rules::Money;
use yew::prelude::*;

/// `owner`: the member's id, or `state::FAMILY`; `at`: the path of the owner's incomes'
/// owner ("members[1]", "family").
pub fn income_row(view: &View, owner: u32, at: &str, index: usize, income: &IncomeForm) -> Html {
    let member = owner;
    let lang = view.state.lang;
    let dispatch = view.ondispatch;
    let id = income.id;
    let field = format!("{at}.incomes[{index}].amount");
    let kind_at = i18n::INCOME_KINDS
        .iter()
        .position(|kind| *kind == income.kind)
        .unwrap_or(0)
        .to_string();
    let per = if income.per == Period::Year {
        "year"
    } else {
        "month"
    };
    let error = view.error_at(&field);
    // The conversion is the rules' own (Income::monthly_for_display), shown for a yearly amount.
    let after = (income.per == Period::Year && error.is_none())
        .then(|| read_number(&income.amount, Typed::Yuan))
        .flatten()
        .map(|amount| {
            Income {
                kind: income.kind,
                amount: Money(amount),
                per: Period::Year,
            }
            .monthly_for_display()
        })
        .map(|monthly| format!("= {monthly} {}", i18n::YUAN_PER_MONTH.get(lang)));
    html! {
        <div class="income" key={id} data-income={index.to_string()}>
            { select_field(dispatch, Input::IncomeKind(member, id), SelectFieldProps {
                id: format!("i{id}-kind"), label: i18n::INCOME_KIND.get(lang),
                options: indexed(i18n::INCOME_KINDS.iter().map(|kind| i18n::income_kind(*kind).get(lang))), selected: kind_at, ..Default::default()
            }) }
            { text_field(dispatch, Input::IncomeAmount(member, id), TextFieldProps {
                id: format!("i{id}-amount"), field, label: i18n::AMOUNT.get(lang).into(), inputmode: "decimal", class: "amount",
                value: income.amount.clone(), error, after,
                understood: understood(&income.amount, Typed::Yuan).map(|n| i18n::fill(i18n::UNDERSTOOD_YUAN.get(lang), &[("n", &n)])),
                ..Default::default()
            }) }
            { choice(dispatch, Input::IncomePer(member, id), ChoiceProps {
                name: format!("i{id}-per"), legend: i18n::PER.get(lang),
                options: view.options([("month", i18n::PER_MONTH), ("year", i18n::PER_YEAR)]), selected: per, ..Default::default()
            }) }
            <button type="button" class="link-button danger" onclick={on(dispatch, Action::RemoveIncome(member, id))}>
                { i18n::REMOVE_INCOME.get(lang) }
            </button>
        </div>
    }
}

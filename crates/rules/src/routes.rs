//! One person, one route. Tekun, the dibao household, the single-person route and
//! gradual exit are alternatives for a person: never two for the same person. Tekun and
//! the dibao household are kept apart by who is in the household (lib.rs); the
//! single-person route only takes members of a family that does not qualify as a whole.
//! What remains is a family on gradual exit whose severely disabled or seriously ill
//! member also qualifies alone: the family could ask for either, so the better one per
//! month is used and the other is named as the alternative, never added.
//!
//! Also here: how time-limited and conditional money is reported apart from the monthly
//! total.

use crate::outcome::{Outcome, Status, Text};
use crate::{Conditional, TimeLimited};
use rust_decimal::Decimal;

/// Marks the route that is not used as the alternative of the one that is.
pub(crate) fn one_route_per_person(gradual: &mut Outcome, single: &mut [Outcome]) {
    if gradual.status != Status::Eligible {
        return;
    }
    let Some(family) = gradual.monthly else {
        return;
    };
    let alone: Vec<&mut Outcome> = single
        .iter_mut()
        .filter(|outcome| outcome.status == Status::Eligible && outcome.monthly.is_some())
        .collect();
    if alone.is_empty() {
        return;
    }
    let sum: Decimal = alone.iter().filter_map(|outcome| outcome.monthly).sum();
    let names: Vec<String> = alone
        .iter()
        .filter_map(|outcome| outcome.member_label.clone())
        .collect();
    let names_zh = names.join("、");
    let names_en = names.join(", ");
    if sum >= family {
        gradual.alternative = Some(Text::new(
            format!(
                "渐退帮扶（限期，每月 {family} 元）和{names_zh}的“单人户”低保（按月长期发放，每月 {sum} 元）只能选一种：单人户每月不少于渐退帮扶，本结果按单人户计算，渐退帮扶不再另加"
            ),
            format!(
                "Gradual exit (for a limited period, {family} yuan a month) and the single-person route for {names_en} (every month, {sum} yuan) are alternatives: the single-person route pays at least as much each month, so this result uses it and does not add gradual exit"
            ),
        ));
    } else {
        for outcome in alone {
            let label = outcome.member_label.clone().unwrap_or_default();
            let own = outcome.monthly.unwrap_or_default();
            outcome.alternative = Some(Text::new(
                format!(
                    "渐退帮扶期间全家每月 {family} 元，已包含{label}，多于{label}按“单人户”的每月 {own} 元；两者只能选一种，本结果按渐退帮扶计算。渐退期满后，{label}仍可按“单人户”申请"
                ),
                format!(
                    "During gradual exit the family gets {family} yuan a month, {label} included, more than {label}'s {own} yuan a month alone; the two are alternatives, so this result uses gradual exit. When the period ends, {label} can still apply alone"
                ),
            ));
        }
    }
}

/// The time-limited money of a counted gradual-exit outcome: its amount and its months.
pub(crate) fn time_limited(outcome: &Outcome) -> Option<TimeLimited> {
    let monthly = outcome.monthly?;
    let paid: Vec<_> = outcome
        .timeline
        .iter()
        .filter(|month| !month.amount.is_zero())
        .collect();
    let first = paid.first()?.month.clone();
    let last = paid.last()?.month.clone();
    let months = u32::try_from(paid.len()).unwrap_or(u32::MAX);
    Some(TimeLimited {
        programme: outcome.programme,
        monthly,
        months,
        text: Text::new(
            format!("{first} 至 {last}，共 {months} 个月，每月 {monthly} 元，期满停发"),
            format!("{first} to {last}, {months} months at {monthly} yuan a month, then it stops"),
        ),
        first_month: first,
        last_month: last,
        basis: outcome.amount_basis,
    })
}

/// The conditional money of a counted price-subsidy outcome.
pub(crate) fn conditional(outcome: &Outcome) -> Conditional {
    let monthly = outcome.monthly.unwrap_or_default();
    Conditional {
        programme: outcome.programme,
        monthly,
        basis: outcome.amount_basis,
        text: Text::new(
            format!("物价涨幅达到启动条件的月份才发，当月 {monthly} 元；其他月份没有"),
            format!(
                "paid only in months when the price trigger is met: {monthly} yuan in such a month, nothing in others"
            ),
        ),
    }
}

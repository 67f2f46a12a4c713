//! The words of one person, one route, and of money reported apart from the monthly
//! total.

use crate::household::MemberName;
use crate::outcome::Text;
use rust_decimal::Decimal;

/// Gradual exit is the alternative: the single-person route pays at least as much.
pub(crate) fn gradual_exit_is_alternative(
    family: Decimal,
    names: &[MemberName],
    sum: Decimal,
) -> Text {
    let names_zh: Vec<&str> = names.iter().map(|name| name.zh.as_str()).collect();
    let names_en: Vec<&str> = names.iter().map(|name| name.en.as_str()).collect();
    let (names_zh, names_en) = (names_zh.join("、"), names_en.join(", "));
    Text::new(
        format!(
            "渐退帮扶（限期，每月 {family} 元）和{names_zh}的“单人户”低保（按月长期发放，每月 {sum} 元）只能选一种：单人户每月不少于渐退帮扶，本结果按单人户计算，渐退帮扶不再另加"
        ),
        format!(
            "Gradual exit (for a limited period, {family} yuan a month) and the single-person route for {names_en} (every month, {sum} yuan) are alternatives: the single-person route pays at least as much each month, so this result uses it and does not add gradual exit"
        ),
    )
}

/// The single-person route is the alternative: gradual exit pays the family more.
pub(crate) fn single_person_is_alternative(
    family: Decimal,
    label: &MemberName,
    own: Decimal,
) -> Text {
    let (label_zh, label_en) = (&label.zh, &label.en);
    Text::new(
        format!(
            "渐退帮扶期间全家每月 {family} 元，已包含{label_zh}，多于{label_zh}按“单人户”的每月 {own} 元；两者只能选一种，本结果按渐退帮扶计算。渐退期满后，{label_zh}仍可按“单人户”申请"
        ),
        format!(
            "During gradual exit the family gets {family} yuan a month, {label_en} included, more than {label_en}'s {own} yuan a month alone; the two are alternatives, so this result uses gradual exit. When the period ends, {label_en} can still apply alone"
        ),
    )
}

pub(crate) fn time_limited(first: &str, last: &str, months: u32, monthly: Decimal) -> Text {
    Text::new(
        format!("{first} 至 {last}，共 {months} 个月，每月 {monthly} 元，期满停发"),
        format!("{first} to {last}, {months} months at {monthly} yuan a month, then it stops"),
    )
}

pub(crate) fn conditional(monthly: Decimal) -> Text {
    Text::new(
        format!("物价涨幅达到启动条件的月份才发，发放的月份共 {monthly} 元；其他月份没有"),
        format!(
            "paid only in months when the price trigger is met: {monthly} yuan in such a month, nothing in others"
        ),
    )
}

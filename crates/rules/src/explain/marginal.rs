//! The words of 低保边缘家庭 (the low-income marginal family).

use crate::outcome::Text;
use crate::rounding;
use rust_decimal::Decimal;

/// Where the family's income stands against the dibao standard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AgainstStandard {
    /// Exactly the standard: read as "at or above".
    Exactly,
    Above,
    /// Every member is supported as a tekun person: nobody is in the dibao household.
    AllTekun,
    Below,
}

pub(crate) fn above_standard_criterion() -> Text {
    Text::new(
        "人均收入达到或高于低保标准",
        "income per person at or above the dibao standard",
    )
}

pub(crate) fn above_standard_detail(
    against: AgainstStandard,
    per_person_monthly: Decimal,
    standard_monthly: Decimal,
) -> Text {
    let (per_person, standard) = rounding::for_display_pair(per_person_monthly, standard_monthly);
    match against {
        AgainstStandard::Exactly => Text::new(
            format!("人均每月 {per_person} 元，正好等于标准 {standard} 元：原文为“高于”，本计算器按“达到或高于”理解"),
            format!("{per_person} yuan a month, exactly the standard of {standard}: the text says \"above\"; we read it as \"at or above\""),
        ),
        AgainstStandard::Above => Text::new(
            format!("人均每月 {per_person} 元，高于标准 {standard} 元"),
            format!("{per_person} yuan a month, above the standard of {standard}"),
        ),
        AgainstStandard::AllTekun => all_tekun(),
        AgainstStandard::Below => Text::new(
            "收入低于低保标准，请看低保",
            "income is below the dibao standard; see dibao",
        ),
    }
}

fn all_tekun() -> Text {
    Text::new(
        "所有成员都按特困人员供养",
        "every member is supported as a tekun person",
    )
}

pub(crate) fn below_line_criterion(multiple: Decimal) -> Text {
    Text::new(
        format!("人均收入低于低保标准的 {multiple} 倍"),
        format!("income per person below {multiple} × the standard"),
    )
}

/// Income per person against the marginal line; `None` when every member is tekun.
pub(crate) fn below_line_detail(
    compared: Option<bool>,
    per_person_monthly: Decimal,
    line_monthly: Decimal,
) -> Text {
    let (per_person, line) = rounding::for_display_pair(per_person_monthly, line_monthly);
    match compared {
        None => all_tekun(),
        Some(true) => Text::new(
            format!("人均每月 {per_person} 元，低于界线 {line} 元"),
            format!("{per_person} yuan a month, below the line of {line}"),
        ),
        Some(false) => Text::new(
            format!("人均每月 {per_person} 元，不低于界线 {line} 元"),
            format!("{per_person} yuan a month, not below the line of {line}"),
        ),
    }
}

pub(crate) fn line_step(
    standard_monthly: Decimal,
    multiple: Decimal,
    per_person_monthly: Decimal,
    below: bool,
) -> (Text, String) {
    let exact_line = standard_monthly * multiple;
    let (per_person, line) = rounding::for_display_pair(per_person_monthly, exact_line);
    (
        Text::new(
            format!("低保边缘界线：低保标准 × {multiple} = 每人每月 {line} 元"),
            format!("Marginal line: the standard × {multiple} = {line} yuan per person a month"),
        ),
        format!(
            "{} × {multiple} {} {line}; {per_person} {} {line}",
            rounding::for_display(standard_monthly),
            rounding::equals_sign(exact_line),
            if below { "<" } else { "≥" }
        ),
    )
}

pub(crate) fn reading_step() -> (Text, String) {
    (
        Text::new(
            "界线的理解：原文为人均收入“高于”低保标准；本计算器把正好等于标准也算作边缘家庭（达到或高于）",
            "Reading of the line: the text says income \"above\" the standard; we count income exactly at the standard as marginal (at or above)",
        ),
        String::new(),
    )
}

pub(crate) fn reason() -> Text {
    Text::new(
        "可申请认定为低保边缘家庭：没有按月现金，但可获得医疗、教育、住房、就业等专项救助，重残重病成员可按“单人户”纳入低保",
        "The family may be recognised as a low-income marginal family: no monthly cash, but medical, education, housing and employment assistance, and the single-person route for severely disabled or seriously ill members",
    )
}

pub(crate) fn how_to_apply() -> Text {
    Text::new(
        "向镇（街道）申请低收入人口认定",
        "Apply at the township or street office to be recognised as low-income",
    )
}

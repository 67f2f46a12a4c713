//! The words of 渐退帮扶 (gradual exit).

use crate::outcome::Text;
use rust_decimal::Decimal;

/// Where the family's income stands, for the "income above" criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IncomeNow {
    /// Exactly the standard: read as "at or above".
    Exactly,
    Above,
    /// Every member is supported as a tekun person.
    AllTekun,
    /// Below the standard while on dibao: dibao continues.
    StillBelow,
    Below,
}

pub(crate) fn on_dibao_criterion() -> Text {
    Text::new("家庭正在享受低保", "the family receives dibao now")
}

pub(crate) fn on_dibao_detail(on_dibao: bool) -> Text {
    if on_dibao {
        Text::new("您填写了正在享受低保", "you said it does")
    } else {
        Text::new(
            "家庭目前未享受低保",
            "the family does not receive dibao now",
        )
    }
}

pub(crate) fn income_criterion() -> Text {
    Text::new(
        "家庭人均收入已达到或超过低保标准",
        "income per person has risen to or above the standard",
    )
}

pub(crate) fn income_detail(now: IncomeNow) -> Text {
    match now {
        IncomeNow::Exactly => Text::new(
            "人均收入正好等于低保标准：原文为“超过”，本计算器按“达到或超过”理解",
            "income per person is exactly the standard: the text says \"above\"; we read it as \"at or above\"",
        ),
        IncomeNow::Above => Text::new(
            "人均收入高于低保标准",
            "income per person is above the standard",
        ),
        IncomeNow::AllTekun => Text::new(
            "所有成员都按特困人员供养",
            "every member is supported as a tekun person",
        ),
        IncomeNow::StillBelow => Text::new(
            "人均收入仍低于低保标准，低保继续",
            "income per person is still below the standard: dibao continues",
        ),
        IncomeNow::Below => Text::new(
            "人均收入低于低保标准",
            "income per person is below the standard",
        ),
    }
}

pub(crate) fn current_amount_criterion() -> Text {
    Text::new(
        "已知目前每月低保金额",
        "the current monthly dibao amount is known",
    )
}

pub(crate) fn current_amount_detail(amount: Option<Decimal>) -> Text {
    match amount {
        Some(amount) => Text::new(
            format!("每月 {amount} 元"),
            format!("{amount} yuan a month"),
        ),
        None => Text::new("尚未填写", "not given yet"),
    }
}

pub(crate) fn current_amount_missing() -> Text {
    Text::new(
        "家庭目前每月领取的低保金额",
        "how much dibao the family receives now each month",
    )
}

pub(crate) fn month_of_period(offset: u32) -> Text {
    Text::new(
        format!("渐退期第 {offset} 个月"),
        format!("month {offset} of the gradual exit"),
    )
}

pub(crate) fn period_ends() -> Text {
    Text::new(
        "渐退期结束：复核后不再符合条件的退出低保",
        "the period ends: the family leaves dibao if a review finds it no longer eligible",
    )
}

pub(crate) fn reading_step() -> (Text, String) {
    (
        Text::new(
            "界线的理解：原文为家庭人均收入“超过”低保标准；本计算器把正好等于标准也算作超过（达到或超过）",
            "Reading of the line: the text says income \"above\" the standard; we count income exactly at the standard as above (at or above)",
        ),
        String::new(),
    )
}

pub(crate) fn period_step(
    count: u32,
    current: Decimal,
    ratio: Decimal,
    monthly: Decimal,
) -> (Text, String) {
    let (share_zh, share_en) = if ratio == Decimal::ONE {
        ("全额（100%）".to_string(), "in full (100 %)".to_string())
    } else {
        let percent = (ratio * Decimal::from(100)).normalize();
        (format!("的 {percent}%"), format!("at {percent} %"))
    };
    (
        Text::new(
            format!("渐退期 {count} 个月，从下月起每月按原低保金额{share_zh}发放，期满停发"),
            format!("{count} months of gradual exit from next month, paid {share_en} of the current amount, then it stops"),
        ),
        format!(
            "{current} × {ratio} = {monthly}; {monthly} × {count} = {}",
            monthly * Decimal::from(count)
        ),
    )
}

pub(crate) fn reason(count: u32, monthly: Decimal) -> Text {
    Text::new(
        format!("收入已达到或超过低保标准，仍可在 {count} 个月渐退期内每月领取约 {monthly} 元，期满停发（期限和金额为假设，以当地规定为准）"),
        format!("Income has reached the standard or more; the family can still receive about {monthly} yuan a month for {count} months, then it stops (period and amount assumed; local rules decide)"),
    )
}

pub(crate) fn what_to_do() -> Text {
    Text::new(
        "主动向村（居）委会或镇（街道）报告收入变化；渐退期内鼓励就业，期满复核",
        "Report the change of income to the village or community committee or the township office; work is encouraged during the period, and a review follows",
    )
}

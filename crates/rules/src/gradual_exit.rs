//! 渐退帮扶 (gradual exit): a family on dibao whose income rose above the standard keeps
//! support for a period before it leaves (汉民发〔2021〕52号 二(一)). The length and the
//! amount were not found for Shaanxi: both are parameters labelled assumed.

use crate::dibao::Dibao;
use crate::income::Counted;
use crate::outcome::{month_after, Outcome, Programme, State, Step, Text, TimelineMonth};
use crate::policy::id;
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

const CLAUSE: &str =
    "汉民发〔2021〕52号 二(一)：家庭人均收入超过当地低保标准的，按规定落实渐退帮扶政策";

pub(crate) fn assess(ctx: &Ctx, counted: &Counted, dibao: &Dibao) -> Result<Outcome, InputError> {
    let family = &ctx.facts.family;
    let mut outcome = Outcome::new(
        Programme::GradualExit,
        Text::new("渐退帮扶", "Gradual exit from dibao"),
    );
    outcome.criterion(
        "on_dibao",
        Text::new("家庭正在享受低保", "the family receives dibao now"),
        if family.on_dibao {
            State::Met
        } else {
            State::NotMet
        },
        if family.on_dibao {
            Text::new("您填写了正在享受低保", "you said it does")
        } else {
            Text::new(
                "家庭目前未享受低保",
                "the family does not receive dibao now",
            )
        },
    );
    // The seed says "超过" (above). Read literally, a family exactly at the standard would
    // fall into no programme; we read it as "at or above", and say so.
    let above = !counted.covered.is_empty() && !dibao.income_below;
    let exactly = above && counted.total_yearly == dibao.threshold_yearly * counted.size();
    outcome.criterion(
        "income_above",
        Text::new(
            "家庭人均收入已达到或超过低保标准",
            "income per person has risen to or above the standard",
        ),
        if above { State::Met } else { State::NotMet },
        match (above, family.on_dibao) {
            (true, _) if exactly => Text::new(
                "人均收入正好等于低保标准：原文为“超过”，本计算器按“达到或超过”理解",
                "income per person is exactly the standard: the text says \"above\"; we read it as \"at or above\"",
            ),
            (true, _) => Text::new(
                "人均收入高于低保标准",
                "income per person is above the standard",
            ),
            (false, _) if counted.covered.is_empty() => Text::new(
                "所有成员都按特困人员供养",
                "every member is supported as a tekun person",
            ),
            (false, true) => Text::new(
                "人均收入仍低于低保标准，低保继续",
                "income per person is still below the standard: dibao continues",
            ),
            (false, false) => Text::new(
                "人均收入低于低保标准",
                "income per person is below the standard",
            ),
        },
    );
    let current = family.current_dibao_monthly;
    if family.on_dibao && above {
        match current {
            Some(amount) => outcome.criterion(
                "current_amount",
                Text::new(
                    "已知目前每月低保金额",
                    "the current monthly dibao amount is known",
                ),
                State::Met,
                Text::new(
                    format!("每月 {} 元", amount.0),
                    format!("{} yuan a month", amount.0),
                ),
            ),
            None => {
                outcome.criterion(
                    "current_amount",
                    Text::new(
                        "已知目前每月低保金额",
                        "the current monthly dibao amount is known",
                    ),
                    State::Unknown,
                    Text::new("尚未填写", "not given yet"),
                );
                outcome.missing(
                    "family.current_dibao_monthly".into(),
                    Text::new(
                        "家庭目前每月领取的低保金额",
                        "how much dibao the family receives now each month",
                    ),
                );
            }
        }
    }
    outcome.decide();
    if family.on_dibao && above {
        let months = ctx.get(id::GRADUAL_EXIT_MONTHS)?;
        let ratio = ctx.get(id::GRADUAL_EXIT_PAY_RATIO)?;
        outcome.rests_on(months.basis.max(ratio.basis));
        // Validation keeps an override within 0 to 36 months.
        let count = u32::try_from(months.value.trunc()).unwrap_or(0);
        if let Some(current) = current {
            let monthly = crate::dibao::round_payment(ctx, current.0 * ratio.value, &mut outcome)?;
            outcome.monthly = Some(monthly);
            outcome.yearly = Some(monthly * Decimal::from(count));
            for offset in 1..=count {
                let (year, month) = month_after(ctx.facts.date, offset);
                outcome.timeline.push(TimelineMonth {
                    month: format!("{year:04}-{month:02}"),
                    amount: monthly,
                    text: Text::new(
                        format!("渐退期第 {offset} 个月"),
                        format!("month {offset} of the gradual exit"),
                    ),
                });
            }
            let (year, month) = month_after(ctx.facts.date, count + 1);
            outcome.timeline.push(TimelineMonth {
                month: format!("{year:04}-{month:02}"),
                amount: Decimal::ZERO,
                text: Text::new("渐退期结束：复核后不再符合条件的退出低保", "the period ends: the family leaves dibao if a review finds it no longer eligible"),
            });
            if ctx.options.trace {
                let (share_zh, share_en) = if ratio.value == Decimal::ONE {
                    ("全额（100%）".to_string(), "in full (100 %)".to_string())
                } else {
                    let percent = (ratio.value * Decimal::from(100)).normalize();
                    (format!("的 {percent}%"), format!("at {percent} %"))
                };
                outcome.steps.push(Step {
                    text: Text::new(
                        "界线的理解：原文为家庭人均收入“超过”低保标准；本计算器把正好等于标准也算作超过（达到或超过）",
                        "Reading of the line: the text says income \"above\" the standard; we count income exactly at the standard as above (at or above)",
                    ),
                    formula: String::new(),
                    params: Vec::new(),
                    clause: CLAUSE.into(),
                    basis: crate::policy::Basis::Assumed,
                });
                outcome.steps.push(Step {
                    text: Text::new(
                        format!("渐退期 {count} 个月，从下月起每月按原低保金额{share_zh}发放，期满停发"),
                        format!("{count} months of gradual exit from next month, paid {share_en} of the current amount, then it stops"),
                    ),
                    formula: format!("{} × {} = {monthly}; {monthly} × {count} = {}", current.0, ratio.value, monthly * Decimal::from(count)),
                    params: vec![months.clone(), ratio.clone()],
                    clause: CLAUSE.into(),
                    basis: months.basis.max(ratio.basis),
                });
            }
            outcome.reasons.push(Text::new(
                format!("收入已达到或超过低保标准，仍可在 {count} 个月渐退期内每月领取约 {monthly} 元，期满停发（期限和金额为假设，以当地规定为准）"),
                format!("Income has reached the standard or more; the family can still receive about {monthly} yuan a month for {count} months, then it stops (period and amount assumed; local rules decide)"),
            ));
        }
        outcome.next.push(Text::new(
            "主动向村（居）委会或镇（街道）报告收入变化；渐退期内鼓励就业，期满复核",
            "Report the change of income to the village or community committee or the township office; work is encouraged during the period, and a review follows",
        ));
    }
    Ok(outcome)
}

//! 渐退帮扶 (gradual exit): a family on dibao whose income rose above the standard keeps
//! support for a period before it leaves (汉民发〔2021〕52号 二(一)). The length and the
//! amount were not found for Shaanxi: both are parameters labelled assumed.

use crate::dibao::{self, Dibao};
use crate::explain::gradual_exit::{self as say, IncomeNow};
use crate::income::Counted;
use crate::outcome::{month_after, month_text, Outcome, Said, State, TimelineMonth};
use crate::policy::clause;
use crate::policy::{id, Basis};
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

pub(crate) fn assess(
    ctx: &Ctx,
    counted: &Counted,
    dibao: &Dibao,
    outcome: &mut Outcome,
) -> Result<(), InputError> {
    let family = &ctx.facts.family;
    outcome.criterion(
        "on_dibao",
        ctx.say(say::on_dibao_criterion),
        if family.on_dibao {
            State::Met
        } else {
            State::NotMet
        },
        {
            let on_dibao = family.on_dibao;
            move || say::on_dibao_detail(on_dibao)
        },
    );
    // 家庭人均收入超过当地低保标准的. The seed says "超过" (above). Read literally, a
    // family exactly at the standard would fall into no programme; we read it as "at or
    // above", and say so.
    let above = !counted.covered.is_empty() && !dibao.income_below;
    let exactly = above && counted.total_yearly == dibao.threshold_yearly * counted.size();
    let now = match (above, family.on_dibao) {
        (true, _) if exactly => IncomeNow::Exactly,
        (true, _) => IncomeNow::Above,
        (false, _) if counted.covered.is_empty() => IncomeNow::AllTekun,
        (false, true) => IncomeNow::StillBelow,
        (false, false) => IncomeNow::Below,
    };
    outcome.criterion(
        "income_above",
        ctx.say(say::income_criterion),
        if above { State::Met } else { State::NotMet },
        move || say::income_detail(now),
    );
    // Gradual exit is a way out of dibao, not around its conditions: a family whose
    // property is not within the limits leaves dibao at once.
    dibao::property_criterion(ctx, outcome);
    let current = family.current_dibao_monthly;
    if family.on_dibao && above {
        let amount = current.map(|amount| amount.0);
        outcome.criterion(
            "current_amount",
            ctx.say(say::current_amount_criterion),
            if current.is_some() {
                State::Met
            } else {
                State::Unknown
            },
            move || say::current_amount_detail(amount),
        );
        if current.is_none() {
            outcome.missing(
                || "family.current_dibao_monthly".into(),
                ctx.say(say::current_amount_missing),
            );
        }
    }
    outcome.decide();
    if family.on_dibao && above && outcome.status != crate::Status::NotEligible {
        let months = ctx.get(id::GRADUAL_EXIT_MONTHS)?;
        let ratio = ctx.get(id::GRADUAL_EXIT_PAY_RATIO)?;
        outcome.rests_on(months.basis.max(ratio.basis));
        // Validation keeps an override within 0 to 36 months.
        let count = u32::try_from(months.value.trunc()).unwrap_or(0);
        if let Some(current) = current {
            let monthly = dibao::round_payment(ctx, current.0 * ratio.value, outcome)?;
            outcome.monthly = Some(monthly);
            outcome.yearly = Some(monthly * Decimal::from(count));
            outcome
                .timeline
                .reserve(usize::try_from(count).unwrap_or(0) + 1);
            for offset in 1..=count {
                let (year, month) = month_after(ctx.facts.date, offset);
                outcome.timeline.push(TimelineMonth {
                    month: month_text(year, month),
                    amount: monthly,
                    text: ctx.say(|| say::month_of_period(offset)),
                });
            }
            let (year, month) = month_after(ctx.facts.date, count + 1);
            outcome.timeline.push(TimelineMonth {
                month: month_text(year, month),
                amount: Decimal::ZERO,
                text: ctx.say(say::period_ends),
            });
            ctx.step(
                outcome,
                &[],
                Basis::Assumed,
                &[&clause::GRADUAL_EXIT],
                || Said::GradualExitReading,
            );
            ctx.step(
                outcome,
                &[&months, &ratio],
                Basis::Published,
                &[&clause::GRADUAL_EXIT],
                || Said::GradualExitPeriod {
                    count,
                    current: current.0,
                    ratio: ratio.value,
                    monthly,
                },
            );
            ctx.write(&mut outcome.reasons, || say::reason(count, monthly));
        }
        ctx.write(&mut outcome.next, say::what_to_do);
    }
    Ok(())
}

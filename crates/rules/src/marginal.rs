//! 低保边缘家庭 (low-income marginal family): counted income per person at or above the
//! dibao standard but below 1.5 × it, property within the conditions. It brings no cash
//! of its own but opens medical, education, housing and employment assistance, the
//! single-person route, and the price subsidy.

use crate::dibao::{self, Dibao};
use crate::explain::marginal::{self as say, AgainstStandard};
use crate::income::Counted;
use crate::outcome::{Outcome, Said, State};
use crate::policy::clause;
use crate::policy::{id, Basis};
use crate::{Ctx, InputError};

pub(crate) fn assess(
    ctx: &Ctx,
    counted: &Counted,
    dibao: &Dibao,
    outcome: &mut Outcome,
) -> Result<(), InputError> {
    let multiple = ctx.get(id::MARGINAL_INCOME_MULTIPLE)?;
    outcome.rests_on(multiple.basis);
    outcome.rests_on(counted.basis);
    let line_yearly = dibao.threshold_yearly * multiple.value;
    let size = counted.size();
    let per_person = counted.monthly_per_person();
    let nobody = counted.covered.is_empty();
    // The texts say "高于" (above) the dibao standard. Read literally, a family exactly at
    // the standard would fall into no programme; we read it as "at or above", and say so.
    let at_or_above = !nobody && !dibao.income_below;
    let exactly = at_or_above && counted.total_yearly == dibao.threshold_yearly * size;
    let against = if exactly {
        AgainstStandard::Exactly
    } else if at_or_above {
        AgainstStandard::Above
    } else if nobody {
        AgainstStandard::AllTekun
    } else {
        AgainstStandard::Below
    };
    outcome.criterion(
        "above_standard",
        ctx.say(say::above_standard_criterion),
        if at_or_above {
            State::Met
        } else {
            State::NotMet
        },
        {
            let standard = dibao.standard_monthly;
            move || say::above_standard_detail(against, per_person, standard)
        },
    );
    // 人均收入低于低保标准的 1.5 倍.
    let below_line = !nobody && counted.total_yearly < line_yearly * size;
    let line_monthly = dibao.standard_monthly * multiple.value;
    outcome.criterion(
        "below_line",
        ctx.say(|| say::below_line_criterion(multiple.value)),
        if below_line {
            State::Met
        } else {
            State::NotMet
        },
        move || say::below_line_detail((!nobody).then_some(below_line), per_person, line_monthly),
    );
    dibao::property_criterion(ctx, outcome);
    outcome.decide();
    if ctx.tracing() && !nobody {
        ctx.show(outcome, counted.steps.iter().cloned());
        ctx.step(
            outcome,
            &[&dibao.standard, &multiple],
            Basis::Published,
            &[&clause::MARGINAL],
            || Said::MarginalLine {
                standard_monthly: dibao.standard_monthly,
                multiple: multiple.value,
                per_person_monthly: per_person,
                below: below_line,
            },
        );
    }
    if at_or_above {
        ctx.step(outcome, &[], Basis::Assumed, &[&clause::MARGINAL], || {
            Said::MarginalReading
        });
    }
    if outcome.status == crate::Status::Eligible {
        ctx.write(&mut outcome.reasons, say::reason);
        ctx.write(&mut outcome.next, say::how_to_apply);
    }
    Ok(())
}

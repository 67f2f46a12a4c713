//! 临时救助 (temporary assistance): guidance on where and how to apply. Hanzhong's amounts
//! were not found, so no amount is invented (汉民发〔2021〕52号 二(六)).

use crate::dibao::Dibao;
use crate::explain::temporary as say;
use crate::income::Counted;
use crate::outcome::{Outcome, Said, State};
use crate::policy::{clause, Basis};
use crate::Ctx;

pub(crate) fn assess(ctx: &Ctx, counted: &Counted, dibao: &Dibao, outcome: &mut Outcome) {
    // 因病、因灾、因意外等导致基本生活出现严重困难: decided on the hardship, by the office.
    outcome.criterion(
        "emergency",
        ctx.say(say::emergency_criterion),
        State::Unknown,
        say::emergency_detail,
    );
    outcome.decide();
    rigid_spending(ctx, counted, dibao, outcome);
    ctx.write(&mut outcome.reasons, say::where_to_apply);
    ctx.write(&mut outcome.next, say::whom_to_call);
}

/// 汉民发〔2021〕52号 二(五)：对刚性支出较大导致基本生活出现严重困难的低收入人口，根据实际
/// 需要给予专项救助或实施其他必要救助措施。
///
/// Our reading (clause `temporary.rigid_spending`, inferred): basic living is in serious
/// difficulty when the dibao household's counted income, less the unavoidable spending the
/// family pays itself, is below the dibao standard per person. No amount follows from it;
/// the family is pointed to special and temporary assistance.
fn rigid_spending(ctx: &Ctx, counted: &Counted, dibao: &Dibao, outcome: &mut Outcome) {
    let Some(spending) = ctx.facts.family.rigid_spending_monthly else {
        return;
    };
    if counted.covered.is_empty() {
        return;
    }
    let left_per_person = (counted.monthly_total() - spending.0) / counted.size();
    let strained = left_per_person < dibao.standard_monthly;
    ctx.write(&mut outcome.reasons, || {
        say::rigid_spending(
            spending.0,
            left_per_person,
            dibao.standard_monthly,
            strained,
        )
    });
    if strained {
        ctx.write(&mut outcome.next, say::special_assistance);
    }
    ctx.step(
        outcome,
        &[&dibao.standard],
        Basis::Inferred,
        &[&clause::TEMPORARY_RIGID_SPENDING],
        || Said::TemporaryRigidSpending {
            income_monthly: counted.monthly_total(),
            spending: spending.0,
            members: counted.covered.len(),
            left_per_person,
            standard_monthly: dibao.standard_monthly,
        },
    );
}

//! 临时救助 (temporary assistance): guidance on where and how to apply. Hanzhong's amounts
//! were not found, so no amount is invented (汉民发〔2021〕52号 二(六)).

use crate::explain::temporary as say;
use crate::outcome::{Outcome, Programme, State};
use crate::Ctx;

pub(crate) fn assess(ctx: &Ctx) -> Outcome {
    let mut outcome = Outcome::new(Programme::TemporaryAssistance);
    // 因病、因灾、因意外等导致基本生活出现严重困难: decided on the hardship, by the office.
    outcome.criterion(
        "emergency",
        ctx.say(say::emergency_criterion),
        State::Unknown,
        ctx.say(say::emergency_detail),
    );
    outcome.decide();
    ctx.write(&mut outcome.reasons, say::where_to_apply);
    ctx.write(&mut outcome.next, say::whom_to_call);
    outcome
}

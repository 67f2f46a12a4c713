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

use crate::explain::routes as say;
use crate::household::MemberName;
use crate::outcome::{Outcome, Status};
use crate::{Conditional, Ctx, TimeLimited};
use rust_decimal::Decimal;

/// Marks the route that is not used as the alternative of the one that is.
pub(crate) fn one_route_per_person(ctx: &Ctx, gradual: &mut Outcome, single: &mut [Outcome]) {
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
    if sum >= family {
        gradual.alternative = Some(ctx.say(|| {
            let names: Vec<MemberName> = alone.iter().map(|outcome| label(outcome)).collect();
            say::gradual_exit_is_alternative(family, &names, sum)
        }));
    } else {
        for outcome in alone {
            let own = outcome.monthly.unwrap_or_default();
            outcome.alternative =
                Some(ctx.say(|| say::single_person_is_alternative(family, &label(outcome), own)));
        }
    }
}

/// The member an outcome is about, as its labels name them.
fn label(outcome: &Outcome) -> MemberName {
    MemberName {
        zh: outcome.member_label.clone().unwrap_or_default(),
        en: outcome
            .member_label_in(true)
            .unwrap_or_default()
            .to_string(),
    }
}

/// The time-limited money of a counted gradual-exit outcome: its amount and its months.
pub(crate) fn time_limited(ctx: &Ctx, outcome: &Outcome) -> Option<TimeLimited> {
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
        text: ctx.say(|| say::time_limited(&first, &last, months, monthly)),
        first_month: first,
        last_month: last,
        basis: outcome.amount_basis,
    })
}

/// The conditional money of a counted price-subsidy outcome.
pub(crate) fn conditional(ctx: &Ctx, outcome: &Outcome) -> Conditional {
    let monthly = outcome.monthly.unwrap_or_default();
    Conditional {
        programme: outcome.programme,
        monthly,
        basis: outcome.amount_basis,
        text: ctx.say(|| say::conditional(monthly)),
    }
}

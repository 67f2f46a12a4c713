//! 最低生活保障 (dibao): eligibility by counted income, the monthly amount (urban: the
//! income gap; rural: the tier A–E), and the 30 % / 50 % top-ups (分类施保).

use crate::explain::dibao::{self as say, TierWhy, TopupWhy};
use crate::household::{Category, Person, Tier};
use crate::income::Counted;
use crate::outcome::{Outcome, Said, State};
use crate::policy::clause;
use crate::policy::{id, Basis, Clause, Read};
use crate::rounding;
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

/// The dibao outcome and what other programmes need from it.
#[derive(Clone, Debug)]
pub(crate) struct Dibao {
    /// The monthly standard per person (rural: the yearly standard ÷ 12).
    pub standard_monthly: Decimal,
    /// The yearly income per person below which a household qualifies.
    pub threshold_yearly: Decimal,
    /// The standard parameter, for explanations.
    pub standard: Read,
    /// Counted income is below the standard.
    pub income_below: bool,
}

/// The monthly standard per person and its parameter (worked out once per assessment:
/// dibao and every tekun member read it).
pub(crate) fn standard(ctx: &Ctx) -> Result<(Decimal, Decimal, Read), InputError> {
    if let Some(standard) = ctx.standard.get() {
        return Ok(standard);
    }
    let standard = standard_of(ctx)?;
    ctx.standard.set(Some(standard));
    Ok(standard)
}

fn standard_of(ctx: &Ctx) -> Result<(Decimal, Decimal, Read), InputError> {
    Ok(match ctx.facts.category {
        Category::Urban => {
            let used = ctx.get(id::DIBAO_URBAN_STANDARD)?;
            (used.value, used.value * Decimal::from(12), used)
        }
        Category::Rural => {
            let used = ctx.get(id::DIBAO_RURAL_STANDARD)?;
            (used.value / Decimal::from(12), used.value, used)
        }
    })
}

/// The top-up rate for one covered member (the highest that applies), with its reason.
pub(crate) fn topup_rate(
    ctx: &Ctx,
    person: &Person,
) -> Result<Option<(Read, TopupWhy)>, InputError> {
    let mut best: Option<(Read, TopupWhy)> = None;
    let age = Decimal::from(person.age);
    let elderly_age = ctx.get(id::TOPUP_ELDERLY_AGE)?;
    let minor_age = ctx.get(id::TOPUP_MINOR_AGE)?;
    if age >= elderly_age.value {
        best = Some((
            ctx.get(id::TOPUP_ELDERLY_MINOR_RATE)?,
            TopupWhy::Elderly(elderly_age.value),
        ));
    } else if age < minor_age.value {
        best = Some((ctx.get(id::TOPUP_ELDERLY_MINOR_RATE)?, TopupWhy::Minor));
    }
    let derived = ctx.person(person.index);
    let severe = derived.severely_disabled;
    if severe || derived.seriously_ill {
        let rate = ctx.get(id::TOPUP_SEVERE_RATE)?;
        if best
            .as_ref()
            .is_none_or(|(current, _)| rate.value > current.value)
        {
            let why = if severe {
                TopupWhy::SeverelyDisabled
            } else {
                TopupWhy::SeriouslyIll
            };
            best = Some((rate, why));
        }
    }
    Ok(best)
}

/// The top-ups of the given covered members: the total and one step each.
pub(crate) fn topups(
    ctx: &Ctx,
    people: &[&Person],
    standard_monthly: Decimal,
    outcome: &mut Outcome,
) -> Result<Decimal, InputError> {
    let mut total = Decimal::ZERO;
    let step_round = ctx.get(id::TOPUP_ROUND_STEP)?;
    for person in people {
        let Some((rate, why)) = topup_rate(ctx, person)? else {
            continue;
        };
        let exact = rate.value * standard_monthly;
        let amount = rounding::half_up_to_step(exact, step_round.value);
        total += amount;
        outcome.rests_on(rate.basis);
        if amount != exact {
            outcome.rests_on(step_round.basis);
        }
        ctx.step(
            outcome,
            &[&rate, &step_round],
            Basis::Published,
            &[&clause::DIBAO_TOPUP],
            || Said::DibaoTopup {
                who: ctx.who(person),
                why,
                rate: rate.value,
                standard_monthly,
                amount,
            },
        );
    }
    Ok(total)
}

/// An estimate of the rural tier from the A/B/C descriptions of a neighbouring county:
/// A when nobody can work, B when someone can but a member is severely disabled, seriously
/// ill or studying, C otherwise. Labelled assumed wherever it is used.
pub(crate) fn estimate_tier(ctx: &Ctx, people: &[&Person]) -> Result<(Tier, TierWhy), InputError> {
    let elderly = ctx.value(id::TEKUN_ELDERLY_AGE)?;
    let child = ctx.value(id::TEKUN_CHILD_AGE)?;
    let mut workers = 0;
    let mut burdened = false;
    for person in people {
        let age = Decimal::from(person.age);
        let derived = ctx.person(person.index);
        let limited = derived.severely_disabled || derived.seriously_ill;
        let studying = person.member.student != crate::household::Student::None;
        burdened |= limited || studying;
        if age >= child && age < elderly && !limited && !studying {
            workers += 1;
        }
    }
    Ok(if workers == 0 {
        (Tier::A, TierWhy::NobodyCanWork)
    } else if burdened {
        (Tier::B, TierWhy::Burdened)
    } else {
        (Tier::C, TierWhy::CanWork)
    })
}

/// The rural base amount for `size` people: the tier's amount × size, capped at the
/// income gap where policies/ says so; and, when the caseworker has not chosen a tier,
/// the range over the tiers in force, capped the same way (the payment rounding and the
/// top-ups then move the amount and its range alike, so the range always holds it).
pub(crate) fn rural_base(
    ctx: &Ctx,
    people: &[&Person],
    gap_monthly: Decimal,
    outcome: &mut Outcome,
) -> Result<Decimal, InputError> {
    let size = Decimal::from(people.len());
    let (tier, why) = match ctx.facts.tier {
        Some(tier) => (tier, TierWhy::Chosen),
        None => estimate_tier(ctx, people)?,
    };
    let chosen = why == TierWhy::Chosen;
    if !ctx.params.in_force_at(tier.param())? {
        // A chosen tier is checked with the household; an estimated one is among those
        // in force.
        return Err(tier.not_in_force(ctx.facts.date));
    }
    let amount = ctx.get(tier.param())?;
    let mut base = amount.value * size;
    outcome.rests_on(amount.basis);
    if !chosen {
        outcome.rests_on(Basis::Assumed);
        let mut lowest = amount.value;
        for other in Tier::ALL {
            if ctx.params.in_force_at(other.param())? {
                lowest = lowest.min(ctx.value(other.param())?);
            }
        }
        outcome.monthly_min = Some(lowest * size);
        outcome.monthly_max = Some(ctx.value(Tier::A.param())? * size);
        outcome.range_note = Some(ctx.say(say::tier_range_note));
    }
    outcome.level = Some(ctx.say(|| say::tier_level(tier, chosen)));
    let estimate: &[&Clause] = if chosen {
        &[&clause::DIBAO_STANDARD]
    } else {
        &[&clause::DIBAO_STANDARD, &clause::DIBAO_TIER_ESTIMATE]
    };
    let floor = if chosen {
        Basis::Published
    } else {
        Basis::Assumed
    };
    ctx.step(outcome, &[&amount], floor, estimate, || Said::DibaoTier {
        tier,
        why,
        per_person: amount.value,
        size,
        base,
    });
    let cap = ctx.get(id::DIBAO_RURAL_CAP_AT_GAP)?;
    if cap.value == Decimal::ONE {
        let gap = gap_monthly.max(Decimal::ZERO);
        if base > gap_monthly {
            outcome.rests_on(cap.basis);
            ctx.step(
                outcome,
                &[&cap],
                Basis::Published,
                &[&clause::DIBAO_STANDARD],
                || Said::DibaoCap { base, gap_monthly },
            );
            base = gap;
        }
        outcome.monthly_min = outcome.monthly_min.map(|min| min.min(gap));
        outcome.monthly_max = outcome.monthly_max.map(|max| max.min(gap));
    }
    Ok(base)
}

/// Sets a dibao outcome's amount: the base (gap or tier) plus the top-ups, per month and
/// per year; a tier range moves up by the same top-ups. Returns the monthly amount.
pub(crate) fn pay(outcome: &mut Outcome, base: Decimal, topups: Decimal) -> Decimal {
    let monthly = base + topups;
    outcome.monthly = Some(monthly);
    outcome.yearly = Some(monthly * Decimal::from(12));
    if let (Some(min), Some(max)) = (outcome.monthly_min, outcome.monthly_max) {
        outcome.monthly_min = Some(min + topups);
        outcome.monthly_max = Some(max + topups);
    }
    monthly
}

/// Rounds a payment as policies/ says (dibao.payment_round_step), and a range with it.
pub(crate) fn round_payment(
    ctx: &Ctx,
    amount: Decimal,
    outcome: &mut Outcome,
) -> Result<Decimal, InputError> {
    let step = ctx.get(id::DIBAO_PAYMENT_ROUND_STEP)?;
    let rounded = rounding::half_up_to_step(amount, step.value);
    // The rounding rule shapes the amount only when it changes it.
    if rounded != amount {
        outcome.rests_on(step.basis);
    }
    outcome.monthly_min = outcome
        .monthly_min
        .map(|min| rounding::half_up_to_step(min, step.value));
    outcome.monthly_max = outcome
        .monthly_max
        .map(|max| rounding::half_up_to_step(max, step.value));
    Ok(rounded)
}

/// The property criterion, shared by dibao, the single-person route and marginal family.
pub(crate) fn property_criterion(ctx: &Ctx, outcome: &mut Outcome) {
    let said = ctx.facts.family.property_within_limits;
    let state = State::of_answer(said);
    outcome.criterion(
        "property",
        ctx.say(say::property_criterion),
        state,
        move || say::property_detail(said),
    );
    if said.is_none() {
        outcome.missing(
            || "family.property_within_limits".into(),
            ctx.say(say::property_missing),
        );
    }
}

pub(crate) fn assess(
    ctx: &Ctx,
    counted: &Counted,
    outcome: &mut Outcome,
) -> Result<Dibao, InputError> {
    let facts = ctx.facts;
    let (standard_monthly, threshold_yearly, standard) = standard(ctx)?;
    outcome.rests_on(standard.basis);
    outcome.rests_on(counted.basis);
    if ctx.tracing() {
        ctx.show(outcome, counted.steps.iter().cloned());
    }
    let size = counted.size();
    let covered: Vec<&Person> = counted
        .covered
        .iter()
        .map(|&index| &facts.people[index])
        .collect();
    let income_below = !covered.is_empty() && counted.total_yearly < threshold_yearly * size;
    let per_person = counted.monthly_per_person();
    let nobody = covered.is_empty();
    let detail = move || {
        if nobody {
            say::all_tekun()
        } else {
            say::income_detail(per_person, standard_monthly, income_below)
        }
    };
    let state = if income_below {
        State::Met
    } else {
        State::NotMet
    };
    outcome.criterion("income", ctx.say(say::income_criterion), state, detail);
    property_criterion(ctx, outcome);
    if !covered.is_empty() {
        ctx.step(
            outcome,
            &[&standard],
            Basis::Published,
            &[&clause::DIBAO_STANDARD],
            || Said::DibaoStandard {
                category: facts.category,
                standard: standard.value,
                standard_monthly,
                threshold_yearly,
                size,
                income_yearly: counted.total_yearly,
                per_person_monthly: per_person,
                below: income_below,
            },
        );
    }
    outcome.decide();
    // An amount only where it can still be paid: not when a criterion already fails.
    if income_below && outcome.status != crate::Status::NotEligible {
        let gap_monthly = standard_monthly * size - counted.monthly_total();
        let base = match facts.category {
            Category::Urban => {
                let base = gap_monthly;
                ctx.step(
                    outcome,
                    &[&standard],
                    Basis::Published,
                    &[&clause::DIBAO_STANDARD],
                    || Said::DibaoGap {
                        standard: standard.value,
                        size,
                        income_monthly: counted.monthly_total(),
                        base,
                    },
                );
                base
            }
            Category::Rural => rural_base(ctx, &covered, gap_monthly, outcome)?,
        };
        let base = round_payment(ctx, base, outcome)?;
        let extra = topups(ctx, &covered, standard_monthly, outcome)?;
        let monthly = pay(outcome, base, extra);
        let basis = outcome.amount_basis;
        ctx.step(outcome, &[], basis, &[&clause::DIBAO_STANDARD], || {
            Said::DibaoTotal {
                base,
                extra,
                monthly,
            }
        });
        ctx.write(&mut outcome.reasons, || {
            say::reason(per_person, standard_monthly, true)
        });
    } else if !covered.is_empty() {
        ctx.write(&mut outcome.reasons, || {
            say::reason(per_person, standard_monthly, false)
        });
    }
    ctx.write(&mut outcome.next, say::how_to_apply);
    Ok(Dibao {
        standard_monthly,
        threshold_yearly,
        standard,
        income_below,
    })
}

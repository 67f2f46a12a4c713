//! 参照“单人户”纳入低保 (the single-person route): a severely disabled or seriously ill
//! member of a 脱贫 or low-income marginal family may be covered alone, as a household of
//! one, when the family as a whole does not qualify. The person's own income counts.

use crate::dibao::{self, Dibao};
use crate::explain::single_person::{self as say, FamilyKind};
use crate::household::{Category, Person};
use crate::income::Counted;
use crate::outcome::{Outcome, Programme, Said, State};
use crate::policy::clause;
use crate::policy::{id, Basis};
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

/// Adds the route's outcomes to `outcomes`: one a candidate, or one saying there is none.
pub(crate) fn assess(
    ctx: &Ctx,
    counted: &Counted,
    family: &Dibao,
    outcomes: &mut Vec<Outcome>,
) -> Result<(), InputError> {
    let facts = ctx.facts;
    let mut candidates = Vec::new();
    for &index in &counted.covered {
        let person = &facts.people[index];
        let derived = ctx.person(person.index);
        let (severe, ill) = (derived.severely_disabled, derived.seriously_ill);
        if severe || ill {
            candidates.push((person, severe));
        }
    }
    if candidates.is_empty() {
        // A severely disabled or seriously ill member supported as a tekun person is
        // outside the dibao household, and so not a candidate here: the words say so.
        let outside = facts.people.iter().any(|person| {
            let derived = ctx.person(person.index);
            !counted.covered.contains(&person.index)
                && (derived.severely_disabled || derived.seriously_ill)
        });
        let outcome = crate::outcome::add(outcomes, Programme::SinglePerson, ctx.options.text);
        outcome.criterion(
            "member",
            ctx.say(say::no_candidate_criterion),
            State::NotMet,
            move || say::no_candidate_detail(outside),
        );
        outcome.decide();
        return Ok(());
    }
    // The family is marginal when its income is at or above the dibao standard and below
    // 1.5 × it, whether or not it is recognised yet. A family below the dibao line is a
    // dibao family, never called marginal.
    let multiple = ctx.get(id::MARGINAL_INCOME_MULTIPLE)?;
    let below_marginal_line = !family.income_below
        && counted.total_yearly < family.threshold_yearly * counted.size() * multiple.value;
    for (person, severe) in candidates {
        let outcome = crate::outcome::add(outcomes, Programme::SinglePerson, ctx.options.text);
        outcome.about(person);
        outcome.criterion(
            "member",
            ctx.say(say::member_criterion),
            State::Met,
            move || say::member_detail(severe),
        );
        // 二(五): only where the family as a whole does not qualify.
        let whole_family_qualifies = family.income_below;
        outcome.criterion(
            "family_not_eligible",
            ctx.say(say::family_not_eligible_criterion),
            if whole_family_qualifies {
                State::NotMet
            } else {
                State::Met
            },
            move || say::family_not_eligible_detail(whole_family_qualifies),
        );
        // 二(一): 脱贫家庭或低保边缘家庭.
        let kind = if facts.family.poverty_alleviated {
            FamilyKind::PovertyAlleviated
        } else if facts.family.marginal {
            FamilyKind::RecognisedMarginal
        } else if below_marginal_line {
            FamilyKind::BelowMarginalLine
        } else if family.income_below {
            FamilyKind::DibaoFamily
        } else {
            FamilyKind::Neither
        };
        let family_kind = matches!(
            kind,
            FamilyKind::PovertyAlleviated
                | FamilyKind::RecognisedMarginal
                | FamilyKind::BelowMarginalLine
        );
        outcome.criterion(
            "family_kind",
            ctx.say(say::family_kind_criterion),
            if family_kind {
                State::Met
            } else {
                State::NotMet
            },
            move || say::family_kind_detail(kind, multiple.value),
        );
        // The person's own income counts.
        let own = &ctx.person(person.index).income;
        let own_yearly = own.yearly;
        let own_below = own_yearly < family.threshold_yearly;
        let own_monthly = own_yearly / Decimal::from(12);
        outcome.criterion(
            "own_income",
            ctx.say(say::own_income_criterion),
            if own_below { State::Met } else { State::NotMet },
            {
                let standard = family.standard_monthly;
                move || say::own_income_detail(own_monthly, standard, own_below)
            },
        );
        dibao::property_criterion(ctx, outcome);
        outcome.decide();
        outcome.rests_on(family.standard.basis);
        if !below_marginal_line && !facts.family.poverty_alleviated && !facts.family.marginal {
            outcome.rests_on(multiple.basis);
        }
        outcome.rests_on(own.basis);
        if ctx.tracing() {
            ctx.show(outcome, own.step.iter().cloned());
        }
        if outcome.status != crate::Status::NotEligible {
            let people: Vec<&Person> = vec![person];
            let base = match facts.category {
                Category::Urban => {
                    let gap = family.standard_monthly - own_monthly;
                    ctx.step(
                        outcome,
                        &[&family.standard],
                        Basis::Published,
                        &[&clause::SINGLE_PERSON],
                        || Said::SinglePersonGap {
                            standard: family.standard.value,
                            own_monthly,
                            gap,
                        },
                    );
                    gap
                }
                Category::Rural => {
                    dibao::rural_base(ctx, &people, family.standard_monthly - own_monthly, outcome)?
                }
            };
            let base = dibao::round_payment(ctx, base, outcome)?;
            let extra = dibao::topups(ctx, &people, family.standard_monthly, outcome)?;
            let monthly = dibao::pay(outcome, base, extra);
            ctx.write(&mut outcome.reasons, || {
                say::reason(&person.label(), monthly)
            });
        }
        if whole_family_qualifies || outcome.status == crate::Status::Eligible {
            ctx.write(&mut outcome.reasons, say::why_amounts_jump);
        }
        ctx.write(&mut outcome.next, say::how_to_apply);
    }
    Ok(())
}

//! 价格临时补贴 (price-linked temporary subsidy): paid to dibao, tekun and marginal-family
//! persons in a month when the CPI or the food CPI rise meets its trigger
//! (发改价格〔2021〕1553号; 汉民发〔2021〕52号 二(二)). The current Shaanxi amount was not
//! found: the amount per person is a parameter labelled assumed. Without the month's
//! price indices the amount is the one paid in a month that meets the trigger.

use crate::explain::price_subsidy as say;
use crate::income::Counted;
use crate::outcome::{Outcome, Programme, Said, State};
use crate::policy::clause;
use crate::policy::id;
use crate::policy::Read;
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

pub(crate) fn assess(
    ctx: &Ctx,
    programmes: &[Outcome],
    counted: &Counted,
    outcome: &mut Outcome,
) -> Result<(), InputError> {
    let cpi_trigger = ctx.get(id::PRICE_CPI_TRIGGER)?;
    let food_trigger = ctx.get(id::PRICE_FOOD_CPI_TRIGGER)?;
    let trigger_text = || ctx.say(|| say::trigger_criterion(cpi_trigger.value, food_trigger.value));
    let cpi = ctx.facts.cpi_rise;
    let food = ctx.facts.food_cpi_rise;
    let triggered = cpi.is_some_and(|rise| rise >= cpi_trigger.value)
        || food.is_some_and(|rise| rise >= food_trigger.value);
    // This month's price indices are not a fact of the household: the bureau applies the
    // rises the statistics office publishes, and nobody applies for the subsidy. Without
    // them (a resident never knows them) the subsidy is said as what it is, money paid to
    // the people covered in the months the trigger is met; a caseworker who enters the
    // month's rises learns whether this month is one.
    let month_unknown = cpi.is_none() && food.is_none();
    if month_unknown {
        ctx.write(&mut outcome.reasons, || {
            say::paid_in_trigger_months(cpi_trigger.value, food_trigger.value)
        });
    } else {
        outcome.criterion(
            "trigger",
            trigger_text(),
            if triggered { State::Met } else { State::NotMet },
            move || say::trigger_detail(cpi, food),
        );
    }
    // The persons covered: members of an eligible dibao household (or one in gradual
    // exit), people covered alone, tekun persons, and marginal-family members.
    // Only the routes that are used count: an alternative is not paid, so its people are
    // not counted twice.
    let eligible = |programme: Programme| {
        programmes
            .iter()
            .filter(move |outcome| outcome.programme == programme && outcome.counts())
    };
    let household_size = counted.covered.len();
    let mut persons = 0usize;
    let dibao_household = eligible(Programme::Dibao).next().is_some()
        || eligible(Programme::GradualExit).next().is_some();
    // Whether marginal persons are covered is read only where it decides something: a
    // marginal family that is not a dibao household.
    let covers_marginal =
        if !dibao_household && eligible(Programme::MarginalFamily).next().is_some() {
            Some(ctx.get(id::PRICE_COVERS_MARGINAL)?)
        } else {
            None
        };
    let by_marginal = covers_marginal
        .as_ref()
        .is_some_and(|rule| rule.value == Decimal::ONE);
    let whole_household = dibao_household || by_marginal;
    if whole_household {
        persons += household_size;
    } else {
        persons += eligible(Programme::SinglePerson).count();
    }
    persons += eligible(Programme::Tekun).count();
    outcome.criterion(
        "recipients",
        ctx.say(say::recipients_criterion),
        if persons > 0 {
            State::Met
        } else {
            State::NotMet
        },
        move || say::recipients_detail(persons),
    );
    outcome.decide();
    if (triggered || month_unknown) && persons > 0 {
        let per_person = ctx.get(id::PRICE_AMOUNT_PER_PERSON)?;
        let monthly = per_person.value * Decimal::from(persons);
        outcome.rests_on(per_person.basis.max(cpi_trigger.basis));
        if let Some(rule) = covers_marginal.as_ref().filter(|_| by_marginal) {
            outcome.rests_on(rule.basis);
        }
        outcome.monthly = Some(monthly);
        let basis = outcome.amount_basis;
        let params: &[&Read] = match &covers_marginal {
            Some(rule) => &[&cpi_trigger, &food_trigger, &per_person, rule],
            None => &[&cpi_trigger, &food_trigger, &per_person],
        };
        ctx.step(outcome, params, basis, &[&clause::PRICE_SUBSIDY], || {
            Said::PriceSubsidyAmount {
                per_person: per_person.value,
                persons,
                monthly,
                month_unknown,
            }
        });
        ctx.write(&mut outcome.reasons, || say::reason(monthly, month_unknown));
    }
    ctx.write(&mut outcome.next, say::how_it_is_paid);
    Ok(())
}

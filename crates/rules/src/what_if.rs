//! What if the household's income changed: monthly support against household monthly
//! income, drawn by the rules themselves (the site only plots these points).

use crate::household::{Facts, Income, IncomeKind, Money, Period};
use crate::policy::id;
use crate::{assess_facts, Household, InputError, Options};
use rust_decimal::Decimal;
use serde::Serialize;

/// One point of the curve.
#[derive(Clone, Debug, Serialize)]
pub struct Point {
    /// The household's counted income, 元/month.
    pub income: Decimal,
    /// The expected monthly support in total at that income.
    pub support: Decimal,
}

/// The curve and its landmarks.
#[derive(Clone, Debug, Serialize)]
pub struct WhatIf {
    pub points: Vec<Point>,
    /// The household's counted income now, 元/month (rounded to the fen for display).
    pub current_income: Decimal,
    /// The dibao line for the household: standard × members, 元/month.
    pub dibao_line: Decimal,
    /// The marginal-family line: multiple × standard × members, 元/month.
    pub marginal_line: Decimal,
    /// How much more income a month would take the household to the dibao line (zero
    /// when it is there already).
    pub headroom: Decimal,
}

/// How many steps the curve has between zero and its right end.
pub const STEPS: u32 = 48;

/// Sweeps the household's income from zero to twice the marginal line. The incomes of
/// the dibao household's members are replaced by one wage of its first member; members
/// supported as tekun persons keep theirs; everything else stays as given.
pub fn what_if(household: &Household) -> Result<WhatIf, InputError> {
    let facts = household.validate()?;
    let now = assess_facts(&facts, Options::FIGURES)?.0;
    let params = crate::policy::Params::new(facts.date, &facts.overrides);
    let standard = match facts.category {
        crate::Category::Urban => params.at(id::DIBAO_URBAN_STANDARD)?.value,
        crate::Category::Rural => params.at(id::DIBAO_RURAL_STANDARD)?.value / Decimal::from(12),
    };
    let multiple = params.at(id::MARGINAL_INCOME_MULTIPLE)?.value;
    let size = Decimal::from(now.household_size);
    let dibao_line = crate::rounding::for_display(standard * size);
    let marginal_line = crate::rounding::for_display(standard * size * multiple);
    let right = (marginal_line * Decimal::from(2))
        .max(Decimal::from(100))
        .ceil();
    let mut points = Vec::new();
    for index in 0..=STEPS {
        let income = (right * Decimal::from(index) / Decimal::from(STEPS)).round_dp(2);
        let support = support_at(&facts, &now.dibao_members, income)?;
        points.push(Point { income, support });
    }
    // The landmarks themselves, so that the curve's corners are exact.
    for income in [dibao_line, marginal_line] {
        for at in [income, (income - Decimal::new(1, 2)).max(Decimal::ZERO)] {
            points.push(Point {
                income: at,
                support: support_at(&facts, &now.dibao_members, at)?,
            });
        }
    }
    points.sort_by_key(|point| point.income);
    points.dedup_by(|a, b| a.income == b.income);
    let current_income = now.counted_income_monthly;
    Ok(WhatIf {
        points,
        current_income,
        dibao_line,
        marginal_line,
        headroom: (dibao_line - current_income).max(Decimal::ZERO),
    })
}

fn support_at(facts: &Facts, members: &[usize], income: Decimal) -> Result<Decimal, InputError> {
    let mut facts = facts.clone();
    let mut first = true;
    for person in facts
        .people
        .iter_mut()
        .filter(|person| members.contains(&person.index))
    {
        person.member.incomes.clear();
        person.member.employment_costs = None;
        if first {
            person.member.incomes.push(Income {
                kind: IncomeKind::Wages,
                amount: Money(income),
                per: Period::Month,
            });
            first = false;
        }
    }
    // The curve is the headline's own figure: money that comes every month (time-limited
    // and conditional money is never in it).
    Ok(assess_facts(&facts, Options::FIGURES)?.0.total_monthly)
}

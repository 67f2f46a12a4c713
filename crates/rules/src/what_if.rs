//! What if the family earned more or less: the family's money a month (its income plus
//! the support that comes every month) against its earned income, computed by the rules
//! themselves from whole assessments, so that the chart, its table, its sentence and
//! `doudi what-if` tell the headline's own figures. The site only draws these points.
//!
//! The sweep changes one thing: the earned income (wages and business income, 工资性收入
//! and 经营净收入) of the members it sweeps, scaled together, each kept where it is
//! entered; every other income, the employment costs and every other answer stay as
//! given. At the household's own earned income the household is the one given, so the
//! current point is the headline's assessment itself.

use crate::household::{Facts, Income, IncomeKind, Member, Money, Period};
use crate::outcome::Programme;
use crate::policy::id;
use crate::rounding::{self, for_display};
use crate::{assess_facts, Assessment, Household, InputError, Options};
use rust_decimal::Decimal;
use serde::Serialize;

/// One point of the curve.
#[derive(Clone, Debug, Serialize)]
pub struct Point {
    /// The swept members' earned income, 元/month: the chart's x.
    pub earned: Decimal,
    /// The support that comes every month at that income: the headline's own figure
    /// (`total_monthly`).
    pub support: Decimal,
    /// The family's money a month: every member's income as entered (except money that
    /// is not the family's to spend: assistance, awards, medical reimbursements) plus
    /// `support`: the chart's y.
    pub money: Decimal,
    /// The gradual exit at that income, when the family would be on it: 元 a month,
    /// paid for `exit_months` months on top of `money`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit_monthly: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit_months: Option<u32>,
}

/// The first income above the current one at which what comes every month changes in
/// kind (a programme starts or stops): dibao stopping where income reaches the line,
/// tekun stopping where a person's own income reaches the standard.
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    /// The earned income at which it happens, 元/month.
    pub earned: Decimal,
    /// How much more than now that is, 元/month.
    pub more: Decimal,
    /// The support every month there (it is `current.support` just below).
    pub support: Decimal,
    /// The gradual exit there, if the family would be on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit_monthly: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit_months: Option<u32>,
}

/// The curve and its landmarks.
#[derive(Clone, Debug, Serialize)]
pub struct WhatIf {
    /// The members whose earned income is swept (indices): the dibao household, or every
    /// member when nobody is in it (a tekun person alone).
    pub swept: Vec<usize>,
    /// The points, by increasing earned income from 0; `current` is among them.
    pub points: Vec<Point>,
    /// The household as given: its support is the headline's monthly total.
    pub current: Point,
    /// The family's counted income now, 元/month (as the headline shows it).
    pub counted_income: Decimal,
    /// The dibao line for the swept members: standard × their number, 元/month of
    /// counted income.
    pub dibao_line: Decimal,
    /// The marginal-family line: multiple × standard × their number.
    pub marginal_line: Decimal,
    /// The earned income at which counted income reaches each line (none when the other
    /// incomes reach it already).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dibao_line_earned: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marginal_line_earned: Option<Decimal>,
    /// What changes next as the family earns more, if anything does within the chart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_change: Option<Change>,
    /// The axes' ticks, 元/month, from 0 to each axis's end.
    pub x_ticks: Vec<Decimal>,
    pub y_ticks: Vec<Decimal>,
}

/// How many steps the curve has between zero and its right end.
pub const STEPS: u32 = 48;

/// Whether an income is earned (the sweep scales it).
fn earned_kind(kind: IncomeKind) -> bool {
    matches!(kind, IncomeKind::Wages | IncomeKind::Business)
}

/// Whether an income is the family's money to spend (the chart's y counts it).
fn spendable_kind(kind: IncomeKind) -> bool {
    !matches!(kind, IncomeKind::Excluded | IncomeKind::MedicalInsurance)
}

fn monthly(income: &Income) -> Decimal {
    match income.per {
        Period::Month => income.amount.0,
        Period::Year => income.amount.0 / Decimal::from(12),
    }
}

/// A member's earned income, 元/month, exactly.
pub fn earned_monthly(member: &Member) -> Decimal {
    member
        .incomes
        .iter()
        .filter(|income| earned_kind(income.kind))
        .map(monthly)
        .sum()
}

/// Sets the earned income of the swept members and of the family as a whole (its own
/// incomes, after the members') to `earned` a month (to the fen), from `now`, so that
/// each earned income only grows as `earned` grows (a member's counted income then never
/// falls as the family earns more): above `now`, the first earned income grows (or the
/// first member earns a wage); below it, the earned incomes are taken away from the last
/// one back. The changed amounts are written per year, where every amount to the fen a
/// month or a year is itself to the fen. `set_earned(members, family, now, now)` changes
/// nothing.
pub fn set_earned<'a>(
    members: impl IntoIterator<Item = &'a mut Member>,
    family: &'a mut [Income],
    now: Decimal,
    earned: Decimal,
) {
    if earned == now {
        return;
    }
    let twelve = Decimal::from(12);
    let yearly = |income: &Income| match income.per {
        Period::Month => income.amount.0 * twelve,
        Period::Year => income.amount.0,
    };
    let mut members: Vec<&mut Member> = members.into_iter().collect();
    let anyone_earns = members
        .iter()
        .flat_map(|member| member.incomes.iter())
        .chain(family.iter())
        .any(|income| earned_kind(income.kind));
    let target = earned * twelve;
    if !anyone_earns {
        if let Some(member) = members.first_mut() {
            member.incomes.push(Income {
                kind: IncomeKind::Wages,
                amount: Money(target),
                per: Period::Year,
            });
        }
        return;
    }
    let mut incomes: Vec<&mut Income> = members
        .into_iter()
        .flat_map(|member| member.incomes.iter_mut())
        .chain(family.iter_mut())
        .filter(|income| earned_kind(income.kind))
        .collect();
    let now_yearly: Decimal = incomes.iter().map(|income| yearly(income)).sum();
    if target >= now_yearly {
        // The first earned income grows (a member has at most 20 incomes, so none is
        // added where one can grow).
        if let Some(first) = incomes.first_mut() {
            first.amount = Money(yearly(first) + target - now_yearly);
            first.per = Period::Year;
        }
        return;
    }
    let mut remove = now_yearly - target;
    for income in incomes.iter_mut().rev() {
        if remove <= Decimal::ZERO {
            break;
        }
        let had = yearly(income);
        let taken = had.min(remove);
        income.amount = Money(had - taken);
        income.per = Period::Year;
        remove -= taken;
    }
}

/// The household with its earned income set to `earned` a month: the sweep's own
/// rewrite, for checking a point against `assess` of a whole household.
pub fn household_at(household: &Household, earned: Decimal) -> Result<Household, InputError> {
    let facts = household.validate()?;
    let now = assess_facts(&facts, Options::FIGURES)?.0;
    let swept = swept(&facts, &now);
    let earned_now = earned_now(&facts, &swept);
    let mut rewritten = household.clone();
    set_earned(
        rewritten
            .members
            .iter_mut()
            .enumerate()
            .filter(|(index, _)| swept.contains(index))
            .map(|(_, member)| member),
        &mut rewritten.family.incomes,
        earned_now,
        earned,
    );
    Ok(rewritten)
}

fn swept(facts: &Facts, now: &Assessment) -> Vec<usize> {
    if now.dibao_members.is_empty() {
        facts.people.iter().map(|person| person.index).collect()
    } else {
        now.dibao_members.clone()
    }
}

/// The earned income the sweep starts from: the swept members' and the family's own.
fn earned_now(facts: &Facts, swept: &[usize]) -> Decimal {
    let family: Decimal = facts
        .family
        .incomes
        .iter()
        .filter(|income| earned_kind(income.kind))
        .map(monthly)
        .sum();
    facts
        .people
        .iter()
        .filter(|person| swept.contains(&person.index))
        .map(|person| earned_monthly(&person.member))
        .sum::<Decimal>()
        + family
}

/// One assessment of the sweep: the household with the swept members earning `earned`.
struct At {
    earned: Decimal,
    assessment: Assessment,
}

struct Sweep<'a> {
    facts: &'a Facts<'a>,
    swept: Vec<usize>,
    earned_now: Decimal,
    /// Every member's spendable income other than the swept earned income, 元/month.
    other_spendable: Decimal,
}

impl<'a> Sweep<'a> {
    /// The household's facts with the swept members earning `earned` a month.
    fn facts_at(&self, earned: Decimal) -> Facts<'a> {
        let mut facts = self.facts.clone();
        set_earned(
            facts
                .people
                .iter_mut()
                .filter(|person| self.swept.contains(&person.index))
                .map(|person| person.member.to_mut()),
            &mut facts.family.to_mut().incomes,
            self.earned_now,
            earned,
        );
        facts
    }

    fn at(&self, earned: Decimal) -> Result<At, InputError> {
        // The curve is the headline's own figure: money that comes every month (time-
        // limited and conditional money is never in it).
        let (assessment, _) = assess_facts(&self.facts_at(earned), Options::FIGURES)?;
        Ok(At { earned, assessment })
    }

    /// The counted income a month at `earned`, as the assessment there shows it
    /// (`counted_income_monthly`), worked out without the programmes that follow it.
    fn counted_at(&self, earned: Decimal) -> Result<Decimal, InputError> {
        crate::counted_income_monthly(&self.facts_at(earned))
    }

    fn point(&self, at: &At) -> Point {
        let exit = at.assessment.time_limited.as_ref();
        Point {
            earned: for_display(at.earned),
            support: at.assessment.total_monthly,
            money: for_display(self.other_spendable + at.earned + at.assessment.total_monthly),
            exit_monthly: exit.map(|exit| exit.monthly),
            exit_months: exit.map(|exit| exit.months),
        }
    }

    /// The least earned income (to the fen) above `low` at which `differs` holds of what
    /// `probe` finds there, given that it holds at `high` and not at `low`; with what
    /// `probe` found there.
    fn bisect<T>(
        mut low: Decimal,
        mut high: Decimal,
        probe: impl Fn(Decimal) -> Result<T, InputError>,
        differs: impl Fn(&T) -> bool,
    ) -> Result<T, InputError> {
        let fen = Decimal::new(1, 2);
        let mut found = probe(high)?;
        while high - low > fen {
            let middle = rounding::sweep_income((low + high) / Decimal::from(2));
            if middle <= low || middle >= high {
                break;
            }
            let there = probe(middle)?;
            if differs(&there) {
                high = middle;
                found = there;
            } else {
                low = middle;
            }
        }
        Ok(found)
    }

    /// The earned income at which counted income reaches `line`: none when it does at 0.
    /// Only the counted income is worked out at each income tried, not the programmes.
    fn reaches(&self, line: Decimal) -> Result<Option<Decimal>, InputError> {
        let counted = |earned: Decimal| Ok((earned, self.counted_at(earned)?));
        let reached = |(_, counted): &(Decimal, Decimal)| *counted >= line;
        if reached(&counted(Decimal::ZERO)?) {
            return Ok(None);
        }
        let mut high = line.max(Decimal::ONE);
        // Counted income grows with earned income (less employment costs, which never
        // exceed the wages), so doubling reaches the line.
        for _ in 0..64 {
            if reached(&counted(high)?) {
                let (earned, _) = Sweep::bisect(Decimal::ZERO, high, counted, reached)?;
                return Ok(Some(for_display(earned)));
            }
            high *= Decimal::from(2);
        }
        Ok(None)
    }
}

/// What comes every month, by programme and member: what a change in kind changes.
fn monthly_kinds(assessment: &Assessment) -> Vec<(Programme, Option<usize>)> {
    assessment
        .monthly_parts()
        .map(|(_, outcome)| (outcome.programme, outcome.member))
        .collect()
}

/// Ticks from 0 to at least `most`, at a step of 1, 2 or 5 times a power of ten, four
/// or five of them after 0.
fn ticks(most: Decimal) -> Vec<Decimal> {
    let most = most.max(Decimal::ONE);
    let rough = most / Decimal::from(4);
    let mut power = Decimal::ONE;
    while power * Decimal::from(10) <= rough {
        power *= Decimal::from(10);
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|times| power * Decimal::from(times))
        .find(|step| *step >= rough)
        .unwrap_or(power * Decimal::from(10));
    let count = (most / step).ceil();
    let mut ticks = Vec::new();
    let mut at = Decimal::ZERO;
    while at <= count {
        ticks.push(at * step);
        at += Decimal::ONE;
    }
    ticks
}

/// Sweeps the swept members' earned income from zero to past the marginal line.
pub fn what_if(household: &Household) -> Result<WhatIf, InputError> {
    let facts = household.validate()?;
    let now = assess_facts(&facts, Options::FIGURES)?.0;
    let swept = swept(&facts, &now);
    let earned_now = earned_now(&facts, &swept);
    let spendable: Decimal = facts
        .people
        .iter()
        .flat_map(|person| person.member.incomes.iter())
        .chain(facts.family.incomes.iter())
        .filter(|income| spendable_kind(income.kind))
        .map(monthly)
        .sum();
    let sweep = Sweep {
        facts: &facts,
        earned_now,
        other_spendable: spendable - earned_now,
        swept,
    };
    let params = crate::policy::Params::new(facts.date, &facts.overrides);
    let standard = match facts.category {
        crate::Category::Urban => params.at(id::DIBAO_URBAN_STANDARD)?.value,
        crate::Category::Rural => params.at(id::DIBAO_RURAL_STANDARD)?.value / Decimal::from(12),
    };
    let multiple = params.at(id::MARGINAL_INCOME_MULTIPLE)?.value;
    let size = Decimal::from(sweep.swept.len());
    let dibao_line = for_display(standard * size);
    let marginal_line = for_display(standard * size * multiple);
    let dibao_line_earned = sweep.reaches(dibao_line)?;
    let marginal_line_earned = sweep.reaches(marginal_line)?;

    let current_at = At {
        earned: earned_now,
        assessment: now,
    };
    let right = ticks(
        [
            marginal_line_earned.unwrap_or(Decimal::ZERO) * Decimal::new(125, 2),
            earned_now * Decimal::new(125, 2),
            Decimal::from(100),
        ]
        .into_iter()
        .max()
        .unwrap_or(Decimal::ONE),
    );
    let x_max = right.last().copied().unwrap_or(Decimal::ONE);
    let mut sampled = vec![current_at];
    for index in 0..=STEPS {
        let earned = rounding::sweep_income(x_max * Decimal::from(index) / Decimal::from(STEPS));
        sampled.push(sweep.at(earned)?);
    }
    // The landmarks themselves, so that the curve's corners are exact.
    let fen = Decimal::new(1, 2);
    for line in [dibao_line_earned, marginal_line_earned]
        .into_iter()
        .flatten()
    {
        for earned in [line, (line - fen).max(Decimal::ZERO)] {
            sampled.push(sweep.at(earned)?);
        }
    }
    // What changes next: the first sampled income above now where what comes every
    // month differs in kind, narrowed to the fen.
    let kinds_now = monthly_kinds(&sampled[0].assessment);
    let differs = |assessment: &Assessment| monthly_kinds(assessment) != kinds_now;
    let first_change = sampled[1..]
        .iter()
        .filter(|at| at.earned > earned_now && differs(&at.assessment))
        .map(|at| at.earned)
        .min();
    let mut next_change = None;
    if let Some(first) = first_change {
        let there = Sweep::bisect(
            earned_now,
            first,
            |earned| sweep.at(earned),
            |at: &At| differs(&at.assessment),
        )?;
        let point = sweep.point(&there);
        next_change = Some(Change {
            earned: point.earned,
            more: rounding::for_display_pair(there.earned - earned_now, Decimal::ZERO).0,
            support: point.support,
            exit_monthly: point.exit_monthly,
            exit_months: point.exit_months,
        });
        // The corner: the point a fen below, where it has not changed yet.
        let below = there.earned - fen;
        sampled.push(there);
        if below > earned_now {
            sampled.push(sweep.at(below)?);
        }
    }
    let mut points: Vec<Point> = sampled.iter().map(|at| sweep.point(at)).collect();
    // The current income is shown with as many decimals as it takes to differ from the
    // nearest other point when it does (a yearly income's twelfth may sit a fraction of
    // a fen below a line the sweep found).
    let nearest = sampled[1..]
        .iter()
        .map(|at| at.earned)
        .filter(|earned| *earned != earned_now)
        .min_by_key(|earned| (*earned - earned_now).abs());
    if let Some(nearest) = nearest {
        points[0].earned = rounding::for_display_pair(earned_now, nearest).0;
    }
    let current = points[0].clone();
    points.sort_by_key(|point| point.earned);
    points.dedup_by(|a, b| a.earned == b.earned);
    let y_most = points
        .iter()
        .map(|point| point.money + point.exit_monthly.unwrap_or_default())
        .max()
        .unwrap_or(Decimal::ONE);
    Ok(WhatIf {
        swept: sweep.swept,
        points,
        current,
        counted_income: sampled[0].assessment.counted_income_monthly,
        dibao_line,
        marginal_line,
        dibao_line_earned,
        marginal_line_earned,
        next_change,
        x_ticks: right,
        y_ticks: ticks(y_most),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sweep finds where income reaches a line from the counted income alone
    /// (`counted_at`); it must be the figure the whole assessment there shows, at every
    /// income the sweep tries: below, at and above each line, for families with members
    /// outside the dibao household as tekun and without.
    #[test]
    fn the_counted_income_alone_is_the_whole_assessment_s() {
        let examples = [
            include_str!("../../../examples/urban-family-with-grandmother.json"),
            include_str!("../../../examples/rural-elderly-couple-tier.json"),
            include_str!("../../../examples/rural-family-estimated-tier.json"),
            include_str!("../../../examples/single-person-severe-disability.json"),
            include_str!("../../../examples/gradual-exit.json"),
            include_str!("../../../examples/marginal-family.json"),
            include_str!("../../../examples/tekun-self-care.json"),
            include_str!("../../../examples/tekun-partial-care.json"),
            include_str!("../../../examples/tekun-full-care.json"),
        ];
        let mut compared = 0;
        for json in examples {
            let household: Household = serde_json::from_str(json).expect("an example reads");
            let facts = household.validate().expect("an example is valid");
            let now = assess_facts(&facts, Options::FIGURES).expect("assesses").0;
            let swept = swept(&facts, &now);
            let sweep = Sweep {
                facts: &facts,
                earned_now: earned_now(&facts, &swept),
                other_spendable: Decimal::ZERO,
                swept,
            };
            let lines = what_if(&household).expect("sweeps");
            let mut incomes: Vec<Decimal> =
                (0..=40).map(|step| Decimal::from(step * 150)).collect();
            let fen = Decimal::new(1, 2);
            for line in [lines.dibao_line_earned, lines.marginal_line_earned]
                .into_iter()
                .flatten()
            {
                incomes.extend([line - fen, line, line + fen]);
            }
            for earned in incomes
                .into_iter()
                .filter(|earned| *earned >= Decimal::ZERO)
            {
                let whole = sweep.at(earned).expect("assesses").assessment;
                let alone = sweep.counted_at(earned).expect("counts");
                assert_eq!(alone, whole.counted_income_monthly, "earning {earned}");
                compared += 1;
            }
        }
        assert!(compared > 9 * 41);
    }
}

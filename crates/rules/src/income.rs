//! Income accounting (家庭经济状况核算): which income counts, employment costs, and the
//! household's counted income. Amounts are kept per year, exactly, so that monthly and
//! yearly entries mix without rounding; a monthly figure is derived only for display.

use crate::explain::income::{CostsFrom, Line, OutsideWhy};
use crate::household::{IncomeKind, Period, Person};
use crate::outcome::{Said, Step};
use crate::policy::clause;
use crate::policy::{id, Basis, Clause, Read};
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

/// The household's counted income under the dibao rules.
#[derive(Clone, Debug)]
pub(crate) struct Counted {
    /// Indices of the members in the dibao household: everyone living together except
    /// members who are tekun persons now (they are supported separately).
    pub covered: Vec<usize>,
    pub total_yearly: Decimal,
    /// The weakest basis of the income rules that shaped the total.
    pub basis: Basis,
    pub steps: Vec<Step>,
    /// `total_yearly` ÷ 12, and that ÷ the members covered (0 when nobody is): worked
    /// out once, when the total is known (`Counted::new`), for every rule that reads them.
    monthly: Decimal,
    per_person: Decimal,
}

impl Counted {
    fn new(covered: Vec<usize>, total_yearly: Decimal, basis: Basis, steps: Vec<Step>) -> Counted {
        let monthly = total_yearly / Decimal::from(12);
        let per_person = if covered.is_empty() {
            Decimal::ZERO
        } else {
            monthly / Decimal::from(covered.len())
        };
        Counted {
            covered,
            total_yearly,
            basis,
            steps,
            monthly,
            per_person,
        }
    }
    pub fn size(&self) -> Decimal {
        Decimal::from(self.covered.len())
    }
    pub fn monthly_total(&self) -> Decimal {
        self.monthly
    }
    pub fn monthly_per_person(&self) -> Decimal {
        self.per_person
    }
}

/// The family's own incomes as a person of the accounting: named "the family as a
/// whole", with no employment costs (they are a working member's).
fn family_person(ctx: &Ctx) -> Person<'static> {
    Person {
        index: usize::MAX,
        age: 0,
        member: std::borrow::Cow::Owned(crate::household::Member {
            incomes: ctx.facts.family.incomes.clone(),
            employment_costs: Some(crate::household::Money(Decimal::ZERO)),
            ..crate::household::Member::default()
        }),
    }
}

/// A member's counted income per year, with a step explaining it when a trace is
/// written. `for_tekun` applies the exclusions that hold for tekun only (old-age
/// allowance, medical insurance).
pub(crate) fn member_yearly(
    ctx: &Ctx,
    person: &Person,
    for_tekun: bool,
) -> Result<MemberIncome, InputError> {
    let twelve = Decimal::from(12);
    // The lines and parameters of the step are kept only when a trace is written: the
    // lines in the trace as they come, the parameters as the reads of the pension rule
    // (once an income of that kind, the same read) and of the default costs.
    let tracing = ctx.tracing() && !person.member.incomes.is_empty();
    let lines = ctx.lines_mark();
    let mut pension: Option<(Read, usize)> = None;
    let mut default_costs: Option<Read> = None;
    let mut total = Decimal::ZERO;
    let mut basis = Basis::Published;
    let mut wages_yearly = Decimal::ZERO;
    for income in &person.member.incomes {
        let yearly = match income.per {
            Period::Month => income.amount.0 * twelve,
            Period::Year => income.amount.0,
        };
        let counts = match income.kind {
            IncomeKind::Wages
            | IncomeKind::Business
            | IncomeKind::Property
            | IncomeKind::Transfer
            | IncomeKind::SupportReceived => true,
            // 二(一): “十四五”时期中央确定的城乡居民基本养老保险基础养老金不计入低保家庭、
            // 特困人员收入 (whether it still holds is in policies/).
            IncomeKind::ResidentsBasicPension => {
                let rule = ctx.get(id::INCOME_EXCLUDE_RESIDENTS_BASIC_PENSION)?;
                basis = basis.max(rule.basis);
                let counts = rule.value != Decimal::ONE;
                if tracing {
                    match &mut pension {
                        Some((_, times)) => *times += 1,
                        None => pension = Some((rule, 1)),
                    }
                }
                counts
            }
            // Not counted for tekun only.
            IncomeKind::OldAgeAllowance | IncomeKind::MedicalInsurance => !for_tekun,
            // Never counted (民发〔2021〕57号).
            IncomeKind::Excluded => false,
        };
        if income.kind == IncomeKind::Wages {
            wages_yearly += yearly;
        }
        if counts {
            total += yearly;
        }
        if tracing {
            ctx.line(Line {
                kind: income.kind,
                yearly,
                counts,
            });
        }
    }
    // 二(一): 对实现就业的低保对象，在核算就业收入时可适当扣除必要的就业成本 (the amount
    // the caseworker enters, or the default of policies/), never more than the wages.
    let mut deduction = None;
    if wages_yearly > Decimal::ZERO {
        let (costs_monthly, from) = match person.member.employment_costs {
            Some(costs) => (costs.0, CostsFrom::Caseworker),
            None => {
                let default = ctx.get(id::INCOME_EMPLOYMENT_COST_DEFAULT)?;
                let value = default.value;
                // The default only shapes the amount when it deducts something.
                if value > Decimal::ZERO {
                    basis = basis.max(default.basis);
                }
                if tracing {
                    default_costs = Some(default);
                }
                (value, CostsFrom::Default)
            }
        };
        let deducted = (costs_monthly * twelve).min(wages_yearly);
        if deducted > Decimal::ZERO {
            total -= deducted;
            deduction = Some((from, deducted));
        }
    }
    let step = if tracing {
        // The step's basis is the amount's: a parameter read but not shaping the amount
        // (a default of 0) is listed without weakening it.
        let pension = pension
            .iter()
            .flat_map(|(read, times)| std::iter::repeat_n(read, *times));
        ctx.record(
            || Said::IncomeMember {
                who: ctx.who(person),
                lines: lines..ctx.lines_mark(),
                deduction,
                total,
            },
            pension.chain(&default_costs),
            &[&clause::INCOME_EXCLUSION],
            basis,
        )
    } else {
        None
    };
    Ok(MemberIncome {
        yearly: total,
        basis,
        step,
    })
}

/// A member's counted income per year, the weakest basis of the rules that shaped it,
/// and the step that explains it.
#[derive(Clone, Debug)]
pub(crate) struct MemberIncome {
    pub yearly: Decimal,
    pub basis: Basis,
    pub step: Option<Step>,
}

/// The dibao household's counted income. Members supported as tekun persons (`outside`:
/// found eligible in this assessment, or marked as tekun now while the rules only wait
/// for information) stay out with their income: tekun support replaces dibao for them.
/// A member marked as tekun whom the rules find not eligible is counted, and a step says
/// so.
pub(crate) fn household(ctx: &Ctx, outside: &[usize]) -> Result<Counted, InputError> {
    let tracing = ctx.tracing();
    let mut covered = Vec::with_capacity(ctx.facts.people.len());
    // A step a member, the family's incomes and the sum.
    let mut steps = Vec::with_capacity(if tracing {
        ctx.facts.people.len() + 2
    } else {
        0
    });
    let mut total = Decimal::ZERO;
    let mut basis = Basis::Published;
    for person in &ctx.facts.people {
        if outside.contains(&person.index) {
            if tracing {
                let why = if person.member.tekun {
                    OutsideWhy::MarkedTekun
                } else {
                    OutsideWhy::EligibleTekun
                };
                steps.extend(step(
                    ctx,
                    Said::IncomeOutside {
                        who: ctx.who(person),
                        why,
                    },
                    &[&clause::TEKUN_OUTSIDE_HOUSEHOLD],
                ));
            }
            continue;
        }
        if person.member.tekun && tracing {
            steps.extend(step(
                ctx,
                Said::IncomeMarkedCounted {
                    who: ctx.who(person),
                },
                &[&clause::TEKUN_RULES],
            ));
        }
        let income = &ctx.person(person.index).income;
        covered.push(person.index);
        total += income.yearly;
        basis = basis.max(income.basis);
        steps.extend(income.step.iter().cloned());
    }
    // 二(一) counts the family's income: income of the family as a whole (land farmed
    // together, a family shop) is the dibao household's, counted once with it and never
    // as one member's own.
    if !covered.is_empty() && !ctx.facts.family.incomes.is_empty() {
        let family = family_person(ctx);
        let income = member_yearly(ctx, &family, false)?;
        total += income.yearly;
        basis = basis.max(income.basis);
        steps.extend(income.step);
    }
    let mut counted = Counted::new(covered, total, basis, steps);
    if tracing && !counted.covered.is_empty() {
        let said = Said::IncomeHousehold {
            size: counted.covered.len(),
            total_yearly: counted.total_yearly,
            monthly: counted.monthly_total(),
            per_person: counted.monthly_per_person(),
        };
        counted
            .steps
            .extend(step(ctx, said, &[&clause::INCOME_PER_PERSON]));
    }
    Ok(counted)
}

/// A step of the household's accounting: it reads no parameter and rests on published
/// rules.
fn step(ctx: &Ctx, said: Said, clauses: &'static [&'static Clause]) -> Option<Step> {
    ctx.record(|| said, [], clauses, Basis::Published)
}

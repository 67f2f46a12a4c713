//! Income accounting (家庭经济状况核算): which income counts, employment costs, and the
//! household's counted income. Amounts are kept per year, exactly, so that monthly and
//! yearly entries mix without rounding; a monthly figure is derived only for display.

use crate::household::{IncomeKind, Period, Person};
use crate::outcome::{Step, Text};
use crate::policy::{id, Basis};
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

const CLAUSE_EXCLUSION: &str =
    "汉民发〔2021〕52号 二(一)；最低生活保障审核确认办法（民发〔2021〕57号）";

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
}

impl Counted {
    pub fn size(&self) -> Decimal {
        Decimal::from(self.covered.len())
    }
    pub fn monthly_total(&self) -> Decimal {
        self.total_yearly / Decimal::from(12)
    }
    pub fn monthly_per_person(&self) -> Decimal {
        if self.covered.is_empty() {
            Decimal::ZERO
        } else {
            self.monthly_total() / self.size()
        }
    }
}

/// A member's counted income per year, with a step explaining it. `for_tekun` applies
/// the exclusions that hold for tekun only (old-age allowance, medical insurance).
pub(crate) fn member_yearly(
    ctx: &Ctx,
    person: &Person,
    for_tekun: bool,
) -> Result<MemberIncome, InputError> {
    let twelve = Decimal::from(12);
    let mut total = Decimal::ZERO;
    // Counted incomes are added, deductions subtracted, and incomes that do not count
    // listed apart, so that the arithmetic reads as what it is: (中文, English, 元/年).
    let mut parts: Vec<(&str, &str, Decimal)> = Vec::new();
    let mut deductions: Vec<(String, String, Decimal)> = Vec::new();
    let mut excluded: Vec<(&str, &str, Decimal)> = Vec::new();
    let mut params = Vec::new();
    let mut basis = Basis::Published;
    let mut wages_yearly = Decimal::ZERO;
    for income in &person.member.incomes {
        let yearly = match income.per {
            Period::Month => income.amount.0 * twelve,
            Period::Year => income.amount.0,
        };
        let (zh, en, counts) = match income.kind {
            IncomeKind::Wages => ("工资", "wages", true),
            IncomeKind::Business => ("经营净收入", "net business income", true),
            IncomeKind::Property => ("财产净收入", "net property income", true),
            IncomeKind::Transfer => ("转移净收入", "net transfer income", true),
            IncomeKind::SupportReceived => ("赡养（抚养、扶养）费", "support received", true),
            IncomeKind::ResidentsBasicPension => {
                let rule = ctx.get(id::INCOME_EXCLUDE_RESIDENTS_BASIC_PENSION)?;
                let excluded = rule.value == Decimal::ONE;
                basis = basis.max(rule.basis);
                params.push(rule);
                ("城乡居民基础养老金", "residents' basic pension", !excluded)
            }
            IncomeKind::OldAgeAllowance => ("高龄津贴", "old-age allowance", !for_tekun),
            IncomeKind::MedicalInsurance => ("医保报销", "medical insurance payments", !for_tekun),
            IncomeKind::Excluded => (
                "优待抚恤金、奖励、救助金等",
                "special care payments, awards, assistance and the like",
                false,
            ),
        };
        if income.kind == IncomeKind::Wages {
            wages_yearly += yearly;
        }
        if counts {
            total += yearly;
            parts.push((zh, en, yearly));
        } else {
            excluded.push((zh, en, yearly));
        }
    }
    if wages_yearly > Decimal::ZERO {
        let (costs_monthly, source_zh, source_en) = match person.member.employment_costs {
            Some(costs) => (costs.0, "经办人填写", "entered by the caseworker"),
            None => {
                let default = ctx.get(id::INCOME_EMPLOYMENT_COST_DEFAULT)?;
                let value = default.value;
                // The default only shapes the amount when it deducts something.
                if value > Decimal::ZERO {
                    basis = basis.max(default.basis);
                }
                params.push(default);
                (value, "默认值", "the default")
            }
        };
        let deduction = (costs_monthly * twelve).min(wages_yearly);
        if deduction > Decimal::ZERO {
            total -= deduction;
            deductions.push((
                format!("就业成本（{source_zh}）"),
                format!("employment costs ({source_en})"),
                deduction,
            ));
        }
    }
    if person.member.incomes.is_empty() || !ctx.options.trace {
        return Ok(MemberIncome {
            yearly: total,
            basis,
            step: None,
        });
    }
    let shown = crate::rounding::for_display;
    let sum = |english: bool| {
        let mut text = parts
            .iter()
            .map(|(zh, en, yearly)| format!("{} {}", if english { en } else { zh }, shown(*yearly)))
            .collect::<Vec<_>>()
            .join(" + ");
        if text.is_empty() {
            text.push('0');
        }
        for (zh, en, deduction) in &deductions {
            text.push_str(&format!(
                " − {} {}",
                if english { en } else { zh },
                shown(*deduction)
            ));
        }
        text
    };
    let not_counted = |english: bool| {
        if excluded.is_empty() {
            return String::new();
        }
        let list: Vec<String> = excluded
            .iter()
            .map(|(zh, en, yearly)| format!("{} {}", if english { en } else { zh }, shown(*yearly)))
            .collect();
        if english {
            format!("; not counted: {}", list.join(", "))
        } else {
            format!("；不计入：{}", list.join("、"))
        }
    };
    let about = crate::rounding::equals_sign(total / twelve) == "≈";
    // One counted income and nothing deducted: the sum is the income itself.
    let single = parts.len() <= 1 && deductions.is_empty();
    let sum = |english: bool| {
        if single {
            // sum() writes "0" when nothing counts.
            sum(english)
        } else {
            format!("{} = {}", sum(english), shown(total))
        }
    };
    let step = Step {
        text: Text::new(
            format!(
                "{}的计入收入（元/年）：{}（每月{} {} 元）{}",
                person.label,
                sum(false),
                if about { "约" } else { "" },
                shown(total / twelve),
                not_counted(false)
            ),
            format!(
                "Counted income of {} (yuan a year): {} ({}{} a month){}",
                person.label,
                sum(true),
                if about { "about " } else { "" },
                shown(total / twelve),
                not_counted(true)
            ),
        ),
        formula: if single {
            String::new()
        } else {
            let mut numbers: Vec<String> = parts
                .iter()
                .map(|(_, _, yearly)| shown(*yearly).to_string())
                .collect();
            if numbers.is_empty() {
                numbers.push("0".into());
            }
            let mut formula = numbers.join(" + ");
            for (_, _, deduction) in &deductions {
                formula.push_str(&format!(" − {}", shown(*deduction)));
            }
            formula.push_str(&format!(" = {}", shown(total)));
            formula
        },
        params,
        clause: CLAUSE_EXCLUSION.to_string(),
        basis,
    };
    Ok(MemberIncome {
        yearly: total,
        basis,
        step: Some(step),
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
    let mut covered = Vec::new();
    let mut steps = Vec::new();
    let mut total = Decimal::ZERO;
    let mut basis = Basis::Published;
    for person in &ctx.facts.people {
        if outside.contains(&person.index) {
            if ctx.options.trace {
                steps.push(Step {
                    text: Text::new(
                        format!(
                            "{}{}，按特困人员单独供养，不计入低保家庭",
                            person.label,
                            if person.member.tekun {
                                "已是特困人员"
                            } else {
                                "符合特困人员条件"
                            }
                        ),
                        format!(
                            "{} is {}: supported as a tekun person, outside the dibao household",
                            person.label,
                            if person.member.tekun {
                                "a tekun person"
                            } else {
                                "eligible as a tekun person"
                            }
                        ),
                    ),
                    formula: String::new(),
                    params: Vec::new(),
                    clause: "特困人员认定办法（民发〔2021〕43号）；汉民发〔2021〕52号 二(一)"
                        .into(),
                    basis: Basis::Published,
                });
            }
            continue;
        }
        if person.member.tekun && ctx.options.trace {
            steps.push(Step {
                text: Text::new(
                    format!(
                        "{}被标记为特困人员，但规则认为不符合特困人员条件：本次计入低保家庭，收入一并计算",
                        person.label
                    ),
                    format!(
                        "{} is marked as a tekun person, but the rules find them not eligible: counted in the dibao household, with their income",
                        person.label
                    ),
                ),
                formula: String::new(),
                params: Vec::new(),
                clause: "特困人员认定办法（民发〔2021〕43号）".into(),
                basis: Basis::Published,
            });
        }
        let income = ctx.person(person.index).income.clone();
        covered.push(person.index);
        total += income.yearly;
        basis = basis.max(income.basis);
        steps.extend(income.step);
    }
    let counted = Counted {
        covered,
        total_yearly: total,
        basis,
        steps,
    };
    let mut steps = counted.steps.clone();
    let about = |amount: Decimal| {
        if crate::rounding::equals_sign(amount) == "≈" {
            ("约", "about ")
        } else {
            ("", "")
        }
    };
    if ctx.options.trace && !counted.covered.is_empty() {
        let size = counted.covered.len();
        steps.push(Step {
            text: Text::new(
                format!(
                    "家庭共 {size} 人，计入收入每月{} {} 元，人均每月{} {} 元",
                    about(counted.monthly_total()).0,
                    crate::rounding::for_display(counted.monthly_total()),
                    about(counted.monthly_per_person()).0,
                    crate::rounding::for_display(counted.monthly_per_person())
                ),
                format!(
                    "{size} people; counted income {}{} yuan a month, {}{} per person",
                    about(counted.monthly_total()).1,
                    crate::rounding::for_display(counted.monthly_total()),
                    about(counted.monthly_per_person()).1,
                    crate::rounding::for_display(counted.monthly_per_person())
                ),
            ),
            formula: format!(
                "{} ÷ 12 ÷ {size} {} {}",
                crate::rounding::for_display(counted.total_yearly),
                crate::rounding::equals_sign(counted.monthly_per_person()),
                crate::rounding::for_display(counted.monthly_per_person())
            ),
            params: Vec::new(),
            clause: "最低生活保障审核确认办法（民发〔2021〕57号）：共同生活家庭成员人均收入".into(),
            basis: Basis::Published,
        });
    }
    Ok(Counted { steps, ..counted })
}

//! 特困人员救助供养 (tekun), per member: eligibility (民发〔2021〕43号), the basic living
//! standard (at least 1.3 × the dibao standard) and the care standard from the six-item
//! self-care assessment, at 10 % / 15 % / 25 % of the minimum wage
//! (汉民发〔2021〕52号 二(二)).
//!
//! Eligibility rests on four conditions only: no labour capacity, no source of living,
//! no able supporter, and property. The six-item assessment sets the care tier, never
//! eligibility: a member who meets the four is tekun even before the items are known,
//! with a care range from 全自理 to 全护理 until they are.

use crate::household::{DisabilityKind, Person, Student, SupporterSituation};
use crate::outcome::{Outcome, Programme, State, Status, Step, Text};
use crate::policy::{by_category, by_class, by_place, id, Basis, ParamId, Used};
use crate::rounding;
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

const CLAUSE_RULES: &str = "特困人员认定办法（民发〔2021〕43号）";
const CLAUSE_STANDARD: &str = "汉民发〔2021〕52号 二(二)：不低于我市低保标准的1.3倍";
const CLAUSE_CARE: &str = "汉民发〔2021〕52号 二(二)：不低于最低工资标准的10%、15%、25%";

/// The care tiers of the six-item assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CareTier {
    /// 全自理: all six items met.
    SelfCare,
    /// 半护理: one to three items not met.
    Partial,
    /// 全护理: four or more items not met.
    Full,
}

impl CareTier {
    fn rate_id(self) -> ParamId {
        match self {
            CareTier::SelfCare => id::TEKUN_CARE_SELF_CARE_RATE,
            CareTier::Partial => id::TEKUN_CARE_PARTIAL_RATE,
            CareTier::Full => id::TEKUN_CARE_FULL_RATE,
        }
    }

    fn label(self) -> Text {
        match self {
            CareTier::SelfCare => Text::new("全自理", "fully self-caring"),
            CareTier::Partial => Text::new("半护理", "partial care"),
            CareTier::Full => Text::new("全护理", "full care"),
        }
    }
}

/// The care tier from the count of items not met.
pub fn care_tier(lost: usize, partial_min: Decimal, full_min: Decimal) -> CareTier {
    let lost = Decimal::from(lost);
    if lost >= full_min {
        CareTier::Full
    } else if lost >= partial_min {
        CareTier::Partial
    } else {
        CareTier::SelfCare
    }
}

/// A supporter's situation as a sentence, with the ages from policies/.
pub(crate) fn situation_text(
    situation: SupporterSituation,
    dibao_elderly_age: Decimal,
    elderly_age: Decimal,
) -> Text {
    match situation {
        SupporterSituation::DibaoAged60Plus => Text::new(
            format!("{dibao_elderly_age}周岁以上的低保对象"),
            format!("a dibao recipient aged {dibao_elderly_age}+"),
        ),
        SupporterSituation::Aged70PlusLowIncome => Text::new(
            format!("{elderly_age}周岁以上且收入、财产符合规定"),
            format!("aged {elderly_age}+ with low income and property"),
        ),
        other => Text::new(other.zh(), other.en()),
    }
}

/// 无劳动能力 (民发〔2021〕43号 第十条): the reason when the member has none, and the
/// parameters that decided it.
fn no_labour_capacity(
    ctx: &Ctx,
    person: &Person,
    outcome: &mut Outcome,
) -> Result<Option<Text>, InputError> {
    let age = Decimal::from(person.age);
    let elderly = ctx.value(id::TEKUN_ELDERLY_AGE)?;
    let child = ctx.value(id::TEKUN_CHILD_AGE)?;
    if age >= elderly {
        return Ok(Some(Text::new(
            format!("{}周岁，{elderly}周岁以上", person.age),
            format!("aged {}, {elderly} or over", person.age),
        )));
    }
    if age < child {
        return Ok(Some(Text::new(
            format!("{}周岁，未满{child}周岁", person.age),
            format!("aged {}, under {child}", person.age),
        )));
    }
    if let Some(disability) = person.member.disability {
        let grade = Decimal::from(disability.grade);
        let (limit, assumed) = match disability.kind {
            DisabilityKind::Intellectual | DisabilityKind::Mental => (
                Some(ctx.value(id::TEKUN_NO_LABOUR_INTELLECTUAL_MENTAL_MAX_GRADE)?),
                None,
            ),
            DisabilityKind::Physical => (
                Some(ctx.value(id::TEKUN_NO_LABOUR_PHYSICAL_MAX_GRADE)?),
                None,
            ),
            DisabilityKind::Multiple => {
                // 43号 names intellectual, mental, physical and visual disabilities only;
                // a multiple disability is read like a physical one, an assumption.
                let rule = ctx.get(id::TEKUN_NO_LABOUR_MULTIPLE_COUNTS_AS_PHYSICAL)?;
                let limit = if rule.value == Decimal::ONE {
                    Some(ctx.value(id::TEKUN_NO_LABOUR_PHYSICAL_MAX_GRADE)?)
                } else {
                    None
                };
                (limit, Some(rule))
            }
            DisabilityKind::Visual => {
                (Some(ctx.value(id::TEKUN_NO_LABOUR_VISUAL_MAX_GRADE)?), None)
            }
            DisabilityKind::Hearing | DisabilityKind::Speech => (None, None),
        };
        if limit.is_some_and(|limit| grade <= limit) {
            let (zh_note, en_note) = match &assumed {
                Some(rule) => {
                    outcome.rests_on(rule.basis);
                    (
                        format!(
                            "（按肢体残疾对待，属{}）",
                            crate::labels::basis(rule.basis).zh
                        ),
                        format!(
                            " (read like a physical one: {})",
                            crate::labels::basis(rule.basis).en
                        ),
                    )
                }
                None => (String::new(), String::new()),
            };
            return Ok(Some(Text::new(
                format!(
                    "{}{}级残疾{zh_note}",
                    disability.kind.zh(),
                    disability.grade
                ),
                format!(
                    "grade {} {} disability{en_note}",
                    disability.grade,
                    disability_kind_en(disability.kind)
                ),
            )));
        }
    }
    // A minor who is tekun keeps support to 18, and beyond while in compulsory education,
    // senior high school or secondary vocational school.
    if person.member.tekun
        && (age < ctx.value(id::TEKUN_MINOR_AGE)?
            || matches!(
                person.member.student,
                Student::Compulsory | Student::SeniorHigh | Student::SecondaryVocational
            ))
    {
        return Ok(Some(Text::new(
            "已是特困人员的未成年人或在读学生，继续享受",
            "a tekun minor or student, who keeps support",
        )));
    }
    Ok(None)
}

fn disability_kind_en(kind: DisabilityKind) -> &'static str {
    match kind {
        DisabilityKind::Visual => "visual",
        DisabilityKind::Hearing => "hearing",
        DisabilityKind::Speech => "speech",
        DisabilityKind::Physical => "physical",
        DisabilityKind::Intellectual => "intellectual",
        DisabilityKind::Mental => "mental",
        DisabilityKind::Multiple => "multiple",
    }
}

pub(crate) fn assess(ctx: &Ctx) -> Result<Vec<Outcome>, InputError> {
    let mut outcomes = Vec::new();
    for person in &ctx.facts.people {
        if ctx.person(person.index).tekun_candidate {
            outcomes.push(assess_member(ctx, person)?);
        }
    }
    Ok(outcomes)
}

/// The care standard of one tier: rate × the minimum wage that sets it, rounded as
/// policies/ says, with its basis and the parameters read.
struct Care {
    amount: Decimal,
    basis: Basis,
    rate: Used,
    wage: Used,
    class: Used,
    follows: Used,
    step: Used,
}

impl Care {
    /// "2250 × 0.10 = 225 → 225": the wage, the rate, the product and its rounding.
    fn formula(&self) -> String {
        format!(
            "{} × {} = {} → {}",
            self.wage.value,
            self.rate.value,
            (self.rate.value * self.wage.value).normalize(),
            self.amount
        )
    }
}

fn care_amount(ctx: &Ctx, tier: CareTier) -> Result<Care, InputError> {
    let facts = ctx.facts;
    let rate = ctx.get(tier.rate_id())?;
    // Which minimum wage sets the care standard is not published: by default the
    // county's own class, in force on the assessment date (assumed); the other reading
    // is one city-wide figure, the lowest class among Hanzhong's counties.
    let follows = ctx.get(id::TEKUN_CARE_COUNTY_CLASS_WAGE)?;
    let class = if follows.value == Decimal::ONE {
        ctx.get(by_place::MIN_WAGE_CLASS_OF[facts.place.index])?
    } else {
        let mut lowest: Option<Used> = None;
        for place in crate::policy::PLACES {
            let class = ctx.get(by_place::MIN_WAGE_CLASS_OF[place.index])?;
            if lowest.as_ref().is_none_or(|seen| class.value > seen.value) {
                lowest = Some(class);
            }
        }
        lowest.ok_or_else(|| {
            InputError::new(
                "policies".into(),
                "没有县区的最低工资类区（程序错误，请报告）".into(),
                "no county has a minimum-wage class (a bug; please report it)".into(),
            )
        })?
    };
    let wage_id = usize::try_from(class.value.trunc().mantissa())
        .ok()
        .and_then(|number| by_class::MIN_WAGE_CLASS.get(number).copied().flatten())
        .ok_or_else(|| {
            InputError::new(
                "policies".into(),
                format!("没有第 {} 类区的最低工资（程序错误，请报告）", class.value),
                format!(
                    "no minimum wage for class {} (a bug; please report it)",
                    class.value
                ),
            )
        })?;
    let wage = ctx.get(wage_id)?;
    let step = ctx.get(id::TEKUN_CARE_ROUND_STEP)?;
    let amount = rounding::half_up_to_step(rate.value * wage.value, step.value);
    let basis = rate
        .basis
        .max(class.basis)
        .max(wage.basis)
        .max(step.basis)
        .max(follows.basis);
    Ok(Care {
        amount,
        basis,
        rate,
        wage,
        class,
        follows,
        step,
    })
}

fn assess_member(ctx: &Ctx, person: &Person) -> Result<Outcome, InputError> {
    let facts = ctx.facts;
    let field = |name: &str| format!("members[{}].{name}", person.index);
    let mut outcome = Outcome::new(
        Programme::Tekun,
        Text::new(
            "特困人员救助供养",
            "Support for specially impoverished persons (tekun)",
        ),
    );
    outcome.member = Some(person.index);
    outcome.member_label = Some(person.label.clone());

    let no_labour = Text::new("无劳动能力", "no labour capacity");
    match no_labour_capacity(ctx, person, &mut outcome)? {
        Some(why) => outcome.criterion("no_labour", no_labour, State::Met, why),
        None => {
            let elderly = ctx.value(id::TEKUN_ELDERLY_AGE)?;
            let child = ctx.value(id::TEKUN_CHILD_AGE)?;
            let im = ctx.value(id::TEKUN_NO_LABOUR_INTELLECTUAL_MENTAL_MAX_GRADE)?;
            let physical = ctx.value(id::TEKUN_NO_LABOUR_PHYSICAL_MAX_GRADE)?;
            let visual = ctx.value(id::TEKUN_NO_LABOUR_VISUAL_MAX_GRADE)?;
            outcome.criterion(
                "no_labour",
                no_labour,
                State::NotMet,
                Text::new(
                    format!(
                        "{}周岁（{child}至{}周岁），且不是智力、精神1–{im}级，肢体1–{physical}级或视力1–{visual}级残疾",
                        person.age,
                        elderly - Decimal::ONE
                    ),
                    format!(
                        "aged {} ({child} to {}), without a grade 1–{im} intellectual or mental, grade 1–{physical} physical or grade 1–{visual} visual disability",
                        person.age,
                        elderly - Decimal::ONE
                    ),
                ),
            );
        }
    }

    let own = ctx.person(person.index).income_for_tekun.clone();
    let (standard_monthly, threshold_yearly, standard) = crate::dibao::standard(ctx)?;
    let income_below = own.yearly < threshold_yearly;
    let (own_monthly, shown_standard) =
        rounding::for_display_pair(own.yearly / Decimal::from(12), standard_monthly);
    outcome.criterion(
        "no_income",
        Text::new(
            "无生活来源：本人收入低于低保标准",
            "no source of living: own income below the dibao standard",
        ),
        if income_below {
            State::Met
        } else {
            State::NotMet
        },
        if income_below {
            Text::new(
                format!("本人每月 {own_monthly} 元，低于标准 {shown_standard} 元"),
                format!("{own_monthly} yuan a month, below the standard of {shown_standard}"),
            )
        } else {
            Text::new(
                format!("本人每月 {own_monthly} 元，不低于标准 {shown_standard} 元"),
                format!("{own_monthly} yuan a month, not below the standard of {shown_standard}"),
            )
        },
    );
    let property = Text::new(
        "本人财产符合特困人员财产规定",
        "own property within the tekun rules",
    );
    match person.member.own_property_within_limits {
        Some(true) => outcome.criterion(
            "property",
            property,
            State::Met,
            Text::new("您填写了“符合”", "you said it is"),
        ),
        Some(false) => outcome.criterion(
            "property",
            property,
            State::NotMet,
            Text::new("您填写了“不符合”", "you said it is not"),
        ),
        None => {
            outcome.criterion(
                "property",
                property,
                State::Unknown,
                Text::new("尚未填写", "not given yet"),
            );
            outcome.missing(
                field("own_property_within_limits"),
                Text::new(
                    "本人财产是否符合特困人员财产规定",
                    "whether the person's own property is within the tekun rules",
                ),
            );
        }
    }

    let supporters_text = Text::new(
        "无法定赡养、抚养、扶养义务人，或义务人无履行能力",
        "no legal supporter, or none able to support",
    );
    match &person.member.supporters {
        None => {
            outcome.criterion(
                "supporters",
                supporters_text,
                State::Unknown,
                Text::new("尚未填写", "not given yet"),
            );
            outcome.missing(
                field("supporters"),
                Text::new(
                    "法定赡养、抚养、扶养义务人（子女、配偶、父母等）及其情况",
                    "the legal supporters (children, spouse, parents) and their situation",
                ),
            );
        }
        Some(list) if list.is_empty() => outcome.criterion(
            "supporters",
            supporters_text,
            State::Met,
            Text::new("没有法定义务人", "no legal supporter"),
        ),
        Some(list) => {
            let able: Vec<String> = list
                .iter()
                .enumerate()
                .filter(|(_, supporter)| supporter.situation == SupporterSituation::Able)
                .map(|(index, supporter)| {
                    if supporter.name.trim().is_empty() {
                        format!("义务人{}", index + 1)
                    } else {
                        supporter.name.trim().to_string()
                    }
                })
                .collect();
            if able.is_empty() {
                let dibao_elderly = ctx.value(id::TEKUN_SUPPORTER_DIBAO_ELDERLY_AGE)?;
                let elderly = ctx.value(id::TEKUN_SUPPORTER_ELDERLY_AGE)?;
                let situations: Vec<Text> = list
                    .iter()
                    .map(|supporter| situation_text(supporter.situation, dibao_elderly, elderly))
                    .collect();
                let zh: Vec<&str> = situations.iter().map(|text| text.zh.as_str()).collect();
                let en: Vec<&str> = situations.iter().map(|text| text.en.as_str()).collect();
                outcome.criterion(
                    "supporters",
                    supporters_text,
                    State::Met,
                    Text::new(
                        format!("义务人均无履行能力：{}", zh.join("、")),
                        format!("no supporter is able: {}", en.join(", ")),
                    ),
                );
            } else {
                outcome.criterion(
                    "supporters",
                    supporters_text,
                    State::NotMet,
                    Text::new(
                        format!("{} 有履行义务的能力", able.join("、")),
                        format!("{} can support", able.join(", ")),
                    ),
                );
            }
        }
    }
    outcome.decide();
    if outcome.status == Status::NotEligible {
        if person.member.tekun {
            // The flag says "tekun now"; the rules say otherwise. Say so plainly: the
            // member is counted in the dibao household with their income.
            outcome.reasons.push(Text::new(
                format!(
                    "{}被标记为特困人员，但按上面的条件，规则认为不符合特困人员条件；本次按低保家庭成员计算，其收入计入家庭收入。请核实特困身份或所填情况",
                    person.label
                ),
                format!(
                    "{} is marked as a tekun person, but by the conditions above the rules find them not eligible; this estimate counts them, with their income, in the dibao household. Please check the tekun status or the answers",
                    person.label
                ),
            ));
        } else {
            outcome.reasons.push(Text::new(
                "不符合特困人员条件；如家庭困难，可看低保或临时救助",
                "Not eligible as a tekun person; if the family is in hardship, see dibao or temporary assistance",
            ));
        }
        return Ok(outcome);
    }

    // The amounts, shown when eligible or when only information is missing.
    let basic = ctx.get(by_category::TEKUN_BASIC[facts.category.index()])?;
    let multiple = ctx.get(id::TEKUN_BASIC_MULTIPLE)?;
    let basic_step = ctx.get(id::TEKUN_BASIC_ROUND_STEP)?;
    // 二(二): not below 1.3 × the dibao standard. The published figure stands where it
    // meets that floor (it always has); where it would not, the floor is paid.
    let exact_floor = multiple.value * standard_monthly;
    let floor = rounding::up_to_step(exact_floor, basic_step.value);
    let (basic_amount, basic_basis) = if basic.value >= floor {
        (basic.value, basic.basis)
    } else {
        (
            floor,
            multiple.basis.max(basic_step.basis).max(standard.basis),
        )
    };
    outcome.rests_on(basic_basis);
    outcome.steps.extend(own.step);
    if ctx.options.trace {
        let shown_floor = rounding::for_display(exact_floor);
        outcome.steps.push(Step {
            text: Text::new(
                format!(
                    "基本生活标准：每人每月 {basic_amount} 元（不低于低保标准 {} 元的 {} 倍）",
                    rounding::for_display(standard_monthly),
                    multiple.value
                ),
                format!(
                    "Basic living standard: {basic_amount} yuan a month (at least {} × the dibao standard of {})",
                    multiple.value,
                    rounding::for_display(standard_monthly)
                ),
            ),
            formula: format!(
                "{} × {} {} {shown_floor} → {floor}; max({}, {floor}) = {basic_amount}",
                multiple.value,
                rounding::for_display(standard_monthly),
                rounding::equals_sign(exact_floor),
                basic.value
            ),
            params: vec![basic.clone(), multiple.clone(), basic_step.clone(), standard.clone()],
            clause: CLAUSE_STANDARD.into(),
            basis: basic_basis,
        });
    }
    let partial_min = ctx.get(id::TEKUN_CARE_PARTIAL_MIN_LOST)?;
    let full_min = ctx.get(id::TEKUN_CARE_FULL_MIN_LOST)?;
    let monthly = match person.member.self_care {
        Some(items) => {
            let lost: Vec<&str> = items
                .items()
                .iter()
                .filter(|(_, _, can)| !can)
                .map(|(zh, _, _)| *zh)
                .collect();
            let tier = care_tier(lost.len(), partial_min.value, full_min.value);
            let care = care_amount(ctx, tier)?;
            outcome.rests_on(care.basis);
            outcome.level = Some(tier.label());
            if ctx.options.trace {
                let label = tier.label();
                let lost_text = if lost.is_empty() {
                    "六项均能自主完成".to_string()
                } else {
                    format!("不能自主完成 {} 项：{}", lost.len(), lost.join("、"))
                };
                outcome.steps.push(Step {
                    text: Text::new(
                        format!(
                            "生活自理能力评估：{lost_text}，评为{}（{}–{} 项不能完成为半护理，{} 项以上为全护理）",
                            label.zh,
                            partial_min.value,
                            full_min.value - Decimal::ONE,
                            full_min.value
                        ),
                        format!(
                            "Self-care assessment: {} of 6 items not met: {} ({}–{} items: partial care; {} or more: full care)",
                            lost.len(),
                            label.en,
                            partial_min.value,
                            full_min.value - Decimal::ONE,
                            full_min.value
                        ),
                    ),
                    formula: match tier {
                        CareTier::SelfCare => format!("{} < {}", lost.len(), partial_min.value),
                        CareTier::Partial => format!(
                            "{} ≤ {} < {}",
                            partial_min.value,
                            lost.len(),
                            full_min.value
                        ),
                        CareTier::Full => format!("{} ≥ {}", lost.len(), full_min.value),
                    },
                    params: vec![partial_min.clone(), full_min.clone()],
                    clause: format!("{CLAUSE_RULES}：生活自理能力六项指标"),
                    basis: partial_min.basis.max(full_min.basis),
                });
                outcome.steps.push(care_step(ctx, &care));
            }
            basic_amount + care.amount
        }
        None => {
            // Eligibility does not wait for the items: the amount is a range from 全自理
            // to 全护理 until they are given.
            let least = care_amount(ctx, CareTier::SelfCare)?;
            let most = care_amount(ctx, CareTier::Full)?;
            outcome.rests_on(least.basis.max(most.basis));
            outcome.monthly_min = Some(basic_amount + least.amount);
            outcome.monthly_max = Some(basic_amount + most.amount);
            outcome.range_note = Some(Text::new(
                "护理等级未定：做生活自理能力六项评估后确定",
                "the care tier is not set yet: the six-item self-care assessment sets it",
            ));
            outcome.missing(
                field("self_care"),
                Text::new(
                    "生活自理能力六项（吃饭、穿衣、上下床、如厕、室内行走、洗澡）：决定照料护理标准",
                    "the six self-care items (eating, dressing, getting in and out of bed, toileting, walking indoors, bathing): they set the care standard",
                ),
            );
            if ctx.options.trace {
                outcome.steps.push(Step {
                    text: Text::new(
                        format!(
                            "照料护理标准：生活自理能力六项尚未评估，在全自理 {} 元与全护理 {} 元之间",
                            least.amount, most.amount
                        ),
                        format!(
                            "Care standard: the six items are not assessed yet; between {} (fully self-caring) and {} (full care)",
                            least.amount, most.amount
                        ),
                    ),
                    formula: format!("{}; {}", least.formula(), most.formula()),
                    params: vec![
                        least.rate.clone(),
                        most.rate.clone(),
                        least.follows.clone(),
                        least.class.clone(),
                        least.wage.clone(),
                        least.step.clone(),
                    ],
                    clause: CLAUSE_CARE.into(),
                    basis: least.basis.max(most.basis),
                });
            }
            basic_amount + least.amount
        }
    };
    outcome.monthly = Some(monthly);
    outcome.yearly = Some(monthly * Decimal::from(12));
    let range = outcome.monthly_min.zip(outcome.monthly_max);
    if ctx.options.trace {
        let (zh, en) = match range {
            Some((min, max)) => (
                format!("特困供养每月 {min}–{max} 元（视护理等级）"),
                format!("Tekun support: {min}–{max} yuan a month, by care tier"),
            ),
            None => (
                format!("特困供养每月合计 {monthly} 元"),
                format!("Tekun support in total: {monthly} yuan a month"),
            ),
        };
        outcome.steps.push(Step {
            text: Text::new(zh, en),
            formula: match range {
                Some((min, max)) => format!(
                    "{min} × 12 = {} … {max} × 12 = {}",
                    min * Decimal::from(12),
                    max * Decimal::from(12)
                ),
                None => format!("{monthly} × 12 = {}", monthly * Decimal::from(12)),
            },
            params: Vec::new(),
            clause: CLAUSE_STANDARD.into(),
            basis: outcome.amount_basis,
        });
    }
    let (zh, en) = match (outcome.status, range) {
        (Status::Eligible, Some((min, max))) => (
            format!("{}可能符合特困人员条件，每月约 {min}–{max} 元（基本生活 + 照料护理，护理等级待评估）", person.label),
            format!("{} may qualify as a tekun person: about {min}–{max} yuan a month (basic living + care; the care tier is still to be assessed)", person.label),
        ),
        (Status::Eligible, None) => (
            format!("{}可能符合特困人员条件，每月约 {monthly} 元（基本生活 + 照料护理）", person.label),
            format!("{} may qualify as a tekun person: about {monthly} yuan a month (basic living + care)", person.label),
        ),
        _ => (
            format!("如果{}符合特困人员条件，每月约 {} 元；还需要补充下面的信息", person.label, range.map_or(monthly.to_string(), |(min, max)| format!("{min}–{max}"))),
            format!("If {} qualifies as a tekun person, about {} yuan a month; the information below is still needed", person.label, range.map_or(monthly.to_string(), |(min, max)| format!("{min}–{max}"))),
        ),
    };
    outcome.reasons.push(Text::new(zh, en));
    outcome.next.push(Text::new(
        "本人或委托村（居）委会向镇（街道）申请；带身份证、户口簿、残疾证或诊断证明、义务人情况说明；可选择分散供养或到供养服务机构集中供养",
        "Apply at the township or street office (the village or community committee can apply for you); bring ID, the household register, any disability certificate or diagnosis, and a statement on the supporters; support can be at home or in a care home",
    ));
    Ok(outcome)
}

fn care_step(ctx: &Ctx, care: &Care) -> Step {
    let place = ctx.facts.place;
    let class = care.class.value.normalize();
    let whose = if care.follows.value == Decimal::ONE {
        Text::new(
            format!("{}（{class}类区）", place.zh),
            format!("{} (class {class})", place.en),
        )
    } else {
        Text::new(
            format!("全市最低的{class}类区"),
            format!("the city's lowest class, {class}"),
        )
    };
    Step {
        text: Text::new(
            format!(
                "照料护理标准：{}月最低工资 {} 元 × {} = {} 元",
                whose.zh, care.wage.value, care.rate.value, care.amount
            ),
            format!(
                "Care standard: the minimum wage of {} {} × {} = {} yuan",
                whose.en, care.wage.value, care.rate.value, care.amount
            ),
        ),
        formula: care.formula(),
        params: vec![
            care.rate.clone(),
            care.follows.clone(),
            care.class.clone(),
            care.wage.clone(),
            care.step.clone(),
        ],
        clause: CLAUSE_CARE.into(),
        basis: care.basis,
    }
}

//! 特困人员救助供养 (tekun), per member: eligibility (民发〔2021〕43号), the basic living
//! standard (at least 1.3 × the dibao standard) and the care standard from the six-item
//! self-care assessment, at 10 % / 15 % / 25 % of the county's minimum wage
//! (汉民发〔2021〕52号 二(二)).

use crate::household::{DisabilityKind, Person, Student, SupporterSituation};
use crate::outcome::{Outcome, Programme, State, Step, Text};
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

fn is_candidate(ctx: &Ctx, person: &Person) -> Result<bool, InputError> {
    let age = Decimal::from(person.age);
    Ok(person.member.tekun
        || age >= ctx.value("tekun.elderly_age")?
        || age < ctx.value("tekun.minor_age")?
        || person.member.disability.is_some())
}

/// 无劳动能力 (民发〔2021〕43号 第十条), with the reason.
fn no_labour_capacity(ctx: &Ctx, person: &Person) -> Result<Option<Text>, InputError> {
    let age = Decimal::from(person.age);
    if age >= ctx.value("tekun.elderly_age")? {
        return Ok(Some(Text::new(
            format!("{}周岁，60周岁以上", person.age),
            format!("aged {}, 60 or over", person.age),
        )));
    }
    if age < ctx.value("tekun.child_age")? {
        return Ok(Some(Text::new(
            format!("{}周岁，未满16周岁", person.age),
            format!("aged {}, under 16", person.age),
        )));
    }
    if let Some(disability) = person.member.disability {
        let grade = Decimal::from(disability.grade);
        let limit = match disability.kind {
            DisabilityKind::Intellectual | DisabilityKind::Mental => {
                Some(ctx.value("tekun.no_labour.intellectual_mental_max_grade")?)
            }
            DisabilityKind::Physical | DisabilityKind::Multiple => {
                Some(ctx.value("tekun.no_labour.physical_max_grade")?)
            }
            DisabilityKind::Visual => Some(ctx.value("tekun.no_labour.visual_max_grade")?),
            DisabilityKind::Hearing | DisabilityKind::Speech => None,
        };
        if limit.is_some_and(|limit| grade <= limit) {
            return Ok(Some(Text::new(
                format!("{}{}级残疾", disability.kind.zh(), disability.grade),
                format!(
                    "grade {} {:?} disability",
                    disability.grade, disability.kind
                )
                .to_lowercase(),
            )));
        }
    }
    // A minor who is tekun keeps support to 18, and beyond while in compulsory education,
    // senior high school or secondary vocational school.
    if person.member.tekun
        && (age < ctx.value("tekun.minor_age")?
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

/// The care tier from the six items.
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

pub(crate) fn assess(ctx: &Ctx) -> Result<Vec<Outcome>, InputError> {
    let mut outcomes = Vec::new();
    for person in &ctx.facts.people {
        if is_candidate(ctx, person)? {
            outcomes.push(assess_member(ctx, person)?);
        }
    }
    Ok(outcomes)
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

    match no_labour_capacity(ctx, person)? {
        Some(why) => outcome.criterion("no_labour", Text::new("无劳动能力", "no labour capacity"), State::Met, why),
        None => outcome.criterion(
            "no_labour",
            Text::new("无劳动能力", "no labour capacity"),
            State::NotMet,
            Text::new(
                "16至59周岁，且不是智力、精神一至三级，肢体一、二级或视力一级残疾",
                "aged 16 to 59 without a grade 1–3 intellectual or mental, grade 1–2 physical or grade 1 visual disability",
            ),
        ),
    }

    let own = crate::income::member_yearly(ctx, person, true)?;
    let own_yearly = own.yearly;
    let (standard_monthly, threshold_yearly, standard) = crate::dibao::standard(ctx)?;
    let own_monthly = rounding::for_display(own_yearly / Decimal::from(12));
    let shown_standard = rounding::for_display(standard_monthly);
    let income_below = own_yearly < threshold_yearly;
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
        Text::new(
            format!("本人每月 {own_monthly} 元，标准 {shown_standard} 元"),
            format!("{own_monthly} yuan a month; the standard is {shown_standard}"),
        ),
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
                    if supporter.name.is_empty() {
                        format!("义务人{}", index + 1)
                    } else {
                        supporter.name.clone()
                    }
                })
                .collect();
            if able.is_empty() {
                let situations: Vec<&str> = list
                    .iter()
                    .map(|supporter| supporter.situation.zh())
                    .collect();
                let situations_en: Vec<&str> = list
                    .iter()
                    .map(|supporter| supporter.situation.en())
                    .collect();
                outcome.criterion(
                    "supporters",
                    supporters_text,
                    State::Met,
                    Text::new(
                        format!("义务人均无履行能力：{}", situations.join("、")),
                        format!("no supporter is able: {}", situations_en.join(", ")),
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

    let care = match person.member.self_care {
        None => {
            outcome.criterion(
                "self_care",
                Text::new(
                    "已做生活自理能力评估（六项）",
                    "the six-item self-care assessment is done",
                ),
                State::Unknown,
                Text::new(
                    "尚未填写，照料护理标准无法确定",
                    "not given; the care standard cannot be set",
                ),
            );
            outcome.missing(field("self_care"), Text::new("生活自理能力六项：吃饭、穿衣、上下床、如厕、室内行走、洗澡", "the six self-care items: eating, dressing, getting in and out of bed, toileting, walking indoors, bathing"));
            None
        }
        Some(items) => {
            outcome.criterion(
                "self_care",
                Text::new(
                    "已做生活自理能力评估（六项）",
                    "the six-item self-care assessment is done",
                ),
                State::Met,
                Text::new("已填写", "given"),
            );
            Some(items)
        }
    };
    outcome.decide();
    if outcome.status == crate::Status::NotEligible {
        outcome.reasons.push(Text::new(
            "不符合特困人员条件；如家庭困难，可看低保或临时救助",
            "Not eligible as a tekun person; if the family is in hardship, see dibao or temporary assistance",
        ));
        return Ok(outcome);
    }

    // The amounts, shown when eligible or when only information is missing.
    let basic = ctx.get(match facts.category {
        crate::Category::Urban => "tekun.urban.basic",
        crate::Category::Rural => "tekun.rural.basic",
    })?;
    let multiple = ctx.get("tekun.basic_multiple")?;
    outcome.rests_on(basic.basis);
    outcome.steps.extend(own.step);
    if ctx.options.trace {
        outcome.steps.push(Step {
            text: Text::new(
                format!("基本生活标准：每人每月 {} 元（不低于低保标准 {shown_standard} 元的 {} 倍）", basic.value, multiple.value),
                format!("Basic living standard: {} yuan a month (at least {} × the dibao standard of {shown_standard})", basic.value, multiple.value),
            ),
            formula: format!("{} × {shown_standard} = {} ≤ {}", multiple.value, rounding::for_display(multiple.value * standard_monthly), basic.value),
            params: vec![basic.clone(), multiple.clone(), standard.clone()],
            clause: CLAUSE_STANDARD.into(),
            basis: basic.basis,
        });
    }
    let mut monthly = basic.value;
    if let Some(items) = care {
        let lost: Vec<&str> = items
            .items()
            .iter()
            .filter(|(_, _, can)| !can)
            .map(|(zh, _, _)| *zh)
            .collect();
        let partial_min = ctx.get("tekun.care.partial_min_lost")?;
        let full_min = ctx.get("tekun.care.full_min_lost")?;
        let tier = care_tier(lost.len(), partial_min.value, full_min.value);
        let (rate_id, zh, en) = match tier {
            CareTier::SelfCare => ("tekun.care.self_care_rate", "全自理", "fully self-caring"),
            CareTier::Partial => ("tekun.care.partial_rate", "半护理", "partial care"),
            CareTier::Full => ("tekun.care.full_rate", "全护理", "full care"),
        };
        let rate = ctx.get(rate_id)?;
        let class = ctx.get(&format!("min_wage.class_of.{}", facts.place.id))?;
        let wage = ctx.get(&format!("min_wage.class_{}", class.value.normalize()))?;
        let step = ctx.get("tekun.care.round_step")?;
        let amount = rounding::half_up_to_step(rate.value * wage.value, step.value);
        let basis = rate.basis.max(class.basis).max(wage.basis).max(step.basis);
        outcome.rests_on(basis);
        outcome.level = Some(Text::new(zh, en));
        if ctx.options.trace {
            let lost_text = if lost.is_empty() {
                "六项均能自主完成".to_string()
            } else {
                format!("不能自主完成 {} 项：{}", lost.len(), lost.join("、"))
            };
            outcome.steps.push(Step {
                text: Text::new(
                    format!("生活自理能力评估：{lost_text}，评为{zh}"),
                    format!(
                        "Self-care assessment: {} of 6 items not met: {en}",
                        lost.len()
                    ),
                ),
                formula: format!(
                    "{} 项未达 → {zh}（1–{} 项半护理，{} 项以上全护理）",
                    lost.len(),
                    full_min.value - Decimal::ONE,
                    full_min.value
                ),
                params: vec![partial_min.clone(), full_min.clone()],
                clause: format!("{CLAUSE_RULES}：生活自理能力六项指标"),
                basis: partial_min.basis.max(full_min.basis),
            });
            outcome.steps.push(Step {
                text: Text::new(
                    format!(
                        "照料护理标准：{}（{}类区）月最低工资 {} 元 × {} = {amount} 元",
                        facts.place.zh,
                        class.value.normalize(),
                        wage.value,
                        rate.value
                    ),
                    format!(
                        "Care standard: the minimum wage of {} (class {}) {} × {} = {amount} yuan",
                        facts.place.en,
                        class.value.normalize(),
                        wage.value,
                        rate.value
                    ),
                ),
                formula: format!(
                    "{} × {} = {} → {amount}",
                    wage.value,
                    rate.value,
                    rate.value * wage.value
                ),
                params: vec![rate.clone(), class.clone(), wage.clone(), step.clone()],
                clause: CLAUSE_CARE.into(),
                basis,
            });
        }
        monthly += amount;
    }
    outcome.monthly = Some(monthly);
    outcome.yearly = Some(monthly * Decimal::from(12));
    if ctx.options.trace {
        outcome.steps.push(Step {
            text: Text::new(
                format!("特困供养每月合计 {monthly} 元"),
                format!("Tekun support in total: {monthly} yuan a month"),
            ),
            formula: format!("{monthly} × 12 = {} 元/年", monthly * Decimal::from(12)),
            params: Vec::new(),
            clause: CLAUSE_STANDARD.into(),
            basis: outcome.amount_basis,
        });
    }
    outcome.reasons.push(Text::new(
        format!(
            "{}可能符合特困人员条件，每月约 {monthly} 元（基本生活 + 照料护理）",
            person.label
        ),
        format!(
            "{} may qualify as a tekun person: about {monthly} yuan a month (basic living + care)",
            person.label
        ),
    ));
    outcome.next.push(Text::new(
        "本人或委托村（居）委会向镇（街道）申请；带身份证、户口簿、残疾证或诊断证明、义务人情况说明；可选择分散供养或到供养服务机构集中供养",
        "Apply at the township or street office (the village or community committee can apply for you); bring ID, the household register, any disability certificate or diagnosis, and a statement on the supporters; support can be at home or in a care home",
    ));
    Ok(outcome)
}

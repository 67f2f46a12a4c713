//! 特困人员救助供养 (tekun), per member: eligibility (民发〔2021〕43号), the basic living
//! standard (at least 1.3 × the dibao standard) and the care standard from the six-item
//! self-care assessment, at 10 % / 15 % / 25 % of the minimum wage
//! (汉民发〔2021〕52号 二(二)).
//!
//! Eligibility rests on four conditions only: no labour capacity, no source of living,
//! no able supporter, and property. The six-item assessment sets the care tier, never
//! eligibility: a member who meets the four is tekun even before the items are known,
//! with a care range from 全自理 to 全护理 until they are.

use crate::explain::tekun::{self as say, NoLabourWhy, Supporters};
use crate::household::{DisabilityKind, Person, Student, SupporterSituation};
use crate::outcome::{Outcome, Programme, Said, State, Status};
use crate::policy::clause;
use crate::policy::{by_category, by_class, by_place, id, Basis, ParamId, Read};
use crate::rounding;
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

/// A supporter's situation in words (the site's choices and the rules' criterion say the
/// same); the words live in the explanation layer.
pub(crate) use crate::explain::tekun::situation_text;

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

/// 无劳动能力 (民发〔2021〕43号 第十条): 60周岁以上的老年人；未满16周岁的未成年人；残疾等级
/// 为一、二、三级的智力、精神残疾人，残疾等级为一、二级的肢体残疾人，残疾等级为一级的视力
/// 残疾人 (the ages and grades from policies/). Why the member has none, or `None` when
/// they have labour capacity.
fn no_labour_capacity(
    ctx: &Ctx,
    person: &Person,
    outcome: &mut Outcome,
) -> Result<Option<NoLabourWhy>, InputError> {
    let age = Decimal::from(person.age);
    let elderly = ctx.value(id::TEKUN_ELDERLY_AGE)?;
    let child = ctx.value(id::TEKUN_CHILD_AGE)?;
    if age >= elderly {
        return Ok(Some(NoLabourWhy::Elderly {
            age: person.age,
            elderly,
        }));
    }
    if age < child {
        return Ok(Some(NoLabourWhy::Child {
            age: person.age,
            child,
        }));
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
                (limit, Some(rule.basis))
            }
            DisabilityKind::Visual => {
                (Some(ctx.value(id::TEKUN_NO_LABOUR_VISUAL_MAX_GRADE)?), None)
            }
            DisabilityKind::Hearing | DisabilityKind::Speech => (None, None),
        };
        if limit.is_some_and(|limit| grade <= limit) {
            if let Some(basis) = assumed {
                outcome.rests_on(basis);
            }
            return Ok(Some(NoLabourWhy::Disabled {
                kind: disability.kind,
                grade: disability.grade,
                read_as_physical: assumed,
            }));
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
        return Ok(Some(NoLabourWhy::TekunMinorOrStudent));
    }
    Ok(None)
}

pub(crate) fn assess(ctx: &Ctx) -> Result<Vec<Outcome>, InputError> {
    let mut outcomes = Vec::new();
    for person in &ctx.facts.people {
        if ctx.person(person.index).tekun_candidate {
            let outcome = crate::outcome::add(&mut outcomes, Programme::Tekun, ctx.options.text);
            assess_member(ctx, person, outcome)?;
        }
    }
    Ok(outcomes)
}

/// The care standard of one tier: rate × the minimum wage that sets it, rounded as
/// policies/ says, with its basis and the parameters read.
struct Care {
    amount: Decimal,
    basis: Basis,
    rate: Read,
    wage: Read,
    class: Read,
    follows: Read,
    step: Read,
}

/// 二(二): 按照不低于我市最低工资标准的10%、15%、25%的比例分别落实全自理、半护理、全护理
/// 特困人员照料护理标准.
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
        let mut lowest: Option<Read> = None;
        for place in crate::policy::PLACES {
            let class = ctx.get(by_place::MIN_WAGE_CLASS_OF[place.index])?;
            if lowest.as_ref().is_none_or(|seen| class.value > seen.value) {
                lowest = Some(class);
            }
        }
        lowest.ok_or_else(say::no_wage_class)?
    };
    let wage_id = usize::try_from(class.value.trunc().mantissa())
        .ok()
        .and_then(|number| by_class::MIN_WAGE_CLASS.get(number).copied().flatten())
        .ok_or_else(|| say::no_wage_for_class(class.value))?;
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

/// One member looked at for tekun (民发〔2021〕43号): 无劳动能力、无生活来源、无法定赡养、
/// 抚养、扶养义务人或者其法定义务人无履行义务能力, and own property within the tekun rules.
/// A legal supporter who lives in the household and is able by what the household says,
/// when the member's supporters are not given: the parents of a child of the applicant,
/// the spouse, adult children, the children of a parent of the applicant. Able means of
/// age (18), under the age from which a supporter on dibao is unable (60), not severely
/// disabled and not a tekun person: none of the situations in which 民发〔2021〕43号
/// counts a supporter unable can then hold (one living here is neither missing nor in
/// prison). Anyone else is asked about.
pub(crate) fn household_supporter<'a>(
    ctx: &'a Ctx,
    person: &Person,
) -> Result<Option<&'a Person<'a>>, InputError> {
    use crate::household::Relation;
    let minor = ctx.value(id::TEKUN_MINOR_AGE)?;
    let unable_from = ctx.value(id::TEKUN_SUPPORTER_DIBAO_ELDERLY_AGE)?;
    let supports = |other: Relation| -> bool {
        match person.member.relation {
            Relation::Child => matches!(other, Relation::Applicant | Relation::Spouse),
            Relation::Applicant => matches!(other, Relation::Spouse | Relation::Child),
            Relation::Spouse => matches!(other, Relation::Applicant | Relation::Child),
            Relation::Parent => matches!(other, Relation::Applicant | Relation::Sibling),
            _ => false,
        }
    };
    Ok(ctx.facts.people.iter().find(|other| {
        let age = Decimal::from(other.age);
        other.index != person.index
            && supports(other.member.relation)
            && age >= minor
            && age < unable_from
            && !other.member.tekun
            && !ctx.person(other.index).severely_disabled
    }))
}

fn assess_member(ctx: &Ctx, person: &Person, outcome: &mut Outcome) -> Result<(), InputError> {
    let facts = ctx.facts;
    let field = |name: &str| format!("members[{}].{name}", person.index);
    outcome.about(person);

    match no_labour_capacity(ctx, person, outcome)? {
        Some(why) => outcome.criterion(
            "no_labour",
            ctx.say(say::no_labour_criterion),
            State::Met,
            move || say::no_labour(why),
        ),
        None => {
            let elderly = ctx.value(id::TEKUN_ELDERLY_AGE)?;
            let child = ctx.value(id::TEKUN_CHILD_AGE)?;
            let im = ctx.value(id::TEKUN_NO_LABOUR_INTELLECTUAL_MENTAL_MAX_GRADE)?;
            let physical = ctx.value(id::TEKUN_NO_LABOUR_PHYSICAL_MAX_GRADE)?;
            let visual = ctx.value(id::TEKUN_NO_LABOUR_VISUAL_MAX_GRADE)?;
            outcome.criterion(
                "no_labour",
                ctx.say(say::no_labour_criterion),
                State::NotMet,
                {
                    let age = person.age;
                    move || say::labour_capacity(age, child, elderly, im, physical, visual)
                },
            );
        }
    }

    // 无生活来源: own counted income (tekun rules: old-age allowance and medical
    // insurance not counted) below the dibao standard.
    let own = &ctx.person(person.index).income_for_tekun;
    let (standard_monthly, threshold_yearly, standard) = crate::dibao::standard(ctx)?;
    let income_below = own.yearly < threshold_yearly;
    outcome.criterion(
        "no_income",
        ctx.say(say::no_income_criterion),
        if income_below {
            State::Met
        } else {
            State::NotMet
        },
        {
            let yearly = own.yearly;
            move || say::no_income_detail(yearly, standard_monthly, income_below)
        },
    );

    let said = person.member.own_property_within_limits;
    let state = State::of_answer(said);
    outcome.criterion(
        "property",
        ctx.say(say::property_criterion),
        state,
        move || say::property_detail(said),
    );
    if said.is_none() {
        outcome.missing(
            || field("own_property_within_limits"),
            ctx.say(say::property_missing),
        );
    }

    // 无法定赡养、抚养、扶养义务人，或者其法定义务人无履行义务能力: no supporter, or every
    // supporter in one of the situations the rules name (two of them with ages from
    // policies/).
    let (state, supporters) = match &person.member.supporters {
        None => match household_supporter(ctx, person)? {
            Some(supporter) => (State::NotMet, Supporters::InHousehold(supporter)),
            None => (State::Unknown, Supporters::NotGiven),
        },
        Some(list) if list.is_empty() => (State::Met, Supporters::NoSupporter),
        Some(list) => {
            if list
                .iter()
                .any(|supporter| supporter.situation == SupporterSituation::Able)
            {
                (State::NotMet, Supporters::SomeAble(list))
            } else {
                (
                    State::Met,
                    Supporters::NoneAble {
                        list,
                        dibao_elderly_age: ctx.value(id::TEKUN_SUPPORTER_DIBAO_ELDERLY_AGE)?,
                        elderly_age: ctx.value(id::TEKUN_SUPPORTER_ELDERLY_AGE)?,
                    },
                )
            }
        }
    };
    // Its words name the supporters given, which the outcome does not keep: written now.
    outcome.criterion_written(
        "supporters",
        ctx.say(say::supporters_criterion),
        state,
        || say::supporters_detail(supporters),
    );
    if state == State::Unknown {
        outcome.missing(|| field("supporters"), ctx.say(say::supporters_missing));
    }
    outcome.decide();
    if outcome.status == Status::NotEligible {
        // A member marked as tekun now whom the rules find not eligible is counted in the
        // dibao household with their income; the reason says so plainly.
        ctx.write(&mut outcome.reasons, || {
            say::not_eligible(&person.label(), person.member.tekun)
        });
        return Ok(());
    }

    // The amounts, shown when eligible or when only information is missing.
    let basic = ctx.get(by_category::TEKUN_BASIC[facts.category.index()])?;
    let multiple = ctx.get(id::TEKUN_BASIC_MULTIPLE)?;
    let basic_step = ctx.get(id::TEKUN_BASIC_ROUND_STEP)?;
    // 二(二): 按照不低于我市低保标准的1.3倍的标准落实特困人员基本生活标准. The published
    // figure stands where it meets that floor (it always has); where it would not, the
    // floor, rounded up, is paid.
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
    ctx.show(outcome, own.step.iter().cloned());
    if ctx.tracing() {
        // The step's basis is the amount's: the floor's parameters are listed, as they
        // were checked, but shape the amount only where the floor is paid.
        let step = ctx.record(
            || Said::TekunBasic {
                amount: basic_amount,
                published: basic.value,
                multiple: multiple.value,
                standard_monthly,
                exact_floor,
                floor,
            },
            [&basic, &multiple, &basic_step, &standard],
            &[&clause::TEKUN_STANDARD],
            basic_basis,
        );
        ctx.show(outcome, step);
    }
    let partial_min = ctx.get(id::TEKUN_CARE_PARTIAL_MIN_LOST)?;
    let full_min = ctx.get(id::TEKUN_CARE_FULL_MIN_LOST)?;
    let monthly = match person.member.self_care {
        Some(items) => {
            // 生活自理能力六项指标: the count of items the member cannot do alone sets
            // the care tier.
            let lost = items.items().iter().filter(|(_, _, can)| !can).count();
            let tier = care_tier(lost, partial_min.value, full_min.value);
            let care = care_amount(ctx, tier)?;
            outcome.rests_on(care.basis);
            outcome.level = Some(ctx.say(|| say::care_tier(tier)));
            ctx.step(
                outcome,
                &[&partial_min, &full_min],
                Basis::Published,
                &[&clause::TEKUN_SELF_CARE],
                || Said::TekunSelfCare {
                    items,
                    tier,
                    partial_min: partial_min.value,
                    full_min: full_min.value,
                },
            );
            ctx.step(
                outcome,
                &[
                    &care.rate,
                    &care.follows,
                    &care.class,
                    &care.wage,
                    &care.step,
                ],
                Basis::Published,
                &[&clause::TEKUN_CARE],
                || Said::TekunCare {
                    place: facts.place,
                    county_class: care.follows.value == Decimal::ONE,
                    class: care.class.value,
                    wage: care.wage.value,
                    rate: care.rate.value,
                    amount: care.amount,
                },
            );
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
            outcome.range_note = Some(ctx.say(say::care_range_note));
            outcome.missing(|| field("self_care"), ctx.say(say::self_care_missing));
            ctx.step(
                outcome,
                &[
                    &least.rate,
                    &most.rate,
                    &least.follows,
                    &least.class,
                    &least.wage,
                    &least.step,
                ],
                Basis::Published,
                &[&clause::TEKUN_CARE],
                || Said::TekunCareRange {
                    wage: least.wage.value,
                    least_rate: least.rate.value,
                    least: least.amount,
                    most_rate: most.rate.value,
                    most: most.amount,
                },
            );
            basic_amount + least.amount
        }
    };
    outcome.monthly = Some(monthly);
    outcome.yearly = Some(monthly * Decimal::from(12));
    let range = outcome.monthly_min.zip(outcome.monthly_max);
    let basis = outcome.amount_basis;
    ctx.step(outcome, &[], basis, &[&clause::TEKUN_STANDARD], || {
        Said::TekunTotal { monthly, range }
    });
    let eligible = outcome.status == Status::Eligible;
    ctx.write(&mut outcome.reasons, || {
        say::reason(&person.label(), eligible, monthly, range)
    });
    ctx.write(&mut outcome.next, say::how_to_apply);
    Ok(())
}

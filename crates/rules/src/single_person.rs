//! 参照“单人户”纳入低保 (the single-person route): a severely disabled or seriously ill
//! member of a 脱贫 or low-income marginal family may be covered alone, as a household of
//! one, when the family as a whole does not qualify. The person's own income counts.

use crate::dibao::{self, Dibao};
use crate::household::{Category, Person};
use crate::income::Counted;
use crate::outcome::{Outcome, Programme, State, Step, Text};
use crate::policy::id;
use crate::rounding;
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

const CLAUSE: &str = "汉民发〔2021〕52号 二(一)、二(五)";

fn title() -> Text {
    Text::new(
        "单人户低保（重残、重病成员单独纳入）",
        "Single-person dibao (a severely disabled or seriously ill member covered alone)",
    )
}

pub(crate) fn assess(
    ctx: &Ctx,
    counted: &Counted,
    family: &Dibao,
) -> Result<Vec<Outcome>, InputError> {
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
        let mut outcome = Outcome::new(Programme::SinglePerson, title());
        outcome.criterion(
            "member",
            Text::new("有重度残疾或重病的成员", "a member who is severely disabled or seriously ill"),
            State::NotMet,
            Text::new("没有成员是重度残疾人（一、二级，或三级智力、精神残疾）或患有目录内的重病", "no member has a grade 1–2 disability (or grade 3 intellectual or mental) or a listed serious disease"),
        );
        outcome.decide();
        return Ok(vec![outcome]);
    }
    let mut outcomes = Vec::new();
    // The family is marginal when its income is at or above the dibao standard and below
    // 1.5 × it, whether or not it is recognised yet. A family below the dibao line is a
    // dibao family, never called marginal.
    let multiple = ctx.get(id::MARGINAL_INCOME_MULTIPLE)?;
    let below_marginal_line = !family.income_below
        && counted.total_yearly < family.threshold_yearly * counted.size() * multiple.value;
    for (person, severe) in candidates {
        let mut outcome = Outcome::new(Programme::SinglePerson, title());
        outcome.member = Some(person.index);
        outcome.member_label = Some(person.label.clone());
        outcome.criterion(
            "member",
            Text::new(
                "本人是重度残疾人或重病患者",
                "the person is severely disabled or seriously ill",
            ),
            State::Met,
            if severe {
                Text::new(
                    "持一、二级残疾证，或三级智力、精神残疾",
                    "grade 1–2 disability certificate, or grade 3 intellectual or mental",
                )
            } else {
                Text::new("患有目录内的重病", "has a listed serious disease")
            },
        );
        let whole_family_qualifies = family.income_below;
        outcome.criterion(
            "family_not_eligible",
            Text::new(
                "全家不符合低保条件",
                "the family as a whole does not qualify",
            ),
            if whole_family_qualifies {
                State::NotMet
            } else {
                State::Met
            },
            if whole_family_qualifies {
                Text::new(
                    "全家已按低保计算，不需单人户",
                    "the whole family qualifies for dibao",
                )
            } else {
                Text::new(
                    "家庭人均收入不低于低保标准",
                    "the family's income per person is not below the standard",
                )
            },
        );
        let family_kind =
            facts.family.poverty_alleviated || facts.family.marginal || below_marginal_line;
        outcome.criterion(
            "family_kind",
            Text::new("属于脱贫家庭或低保边缘家庭", "a family lifted out of poverty or a low-income marginal family"),
            if family_kind { State::Met } else { State::NotMet },
            if facts.family.poverty_alleviated {
                Text::new("脱贫家庭", "a family lifted out of poverty")
            } else if facts.family.marginal {
                Text::new("已认定的低保边缘家庭", "a recognised marginal family")
            } else if below_marginal_line {
                Text::new(format!("人均收入在低保标准的 1 至 {} 倍之间，属低保边缘家庭", multiple.value), format!("income per person between 1 and {} × the standard: a marginal family", multiple.value))
            } else if family.income_below {
                Text::new("人均收入低于低保标准：全家按低保计算，不是低保边缘家庭", "income per person below the standard: the whole family is a dibao family, not a marginal one")
            } else {
                Text::new(format!("人均收入不低于低保标准的 {} 倍，且不是脱贫家庭", multiple.value), format!("income per person at or above {} × the standard, and not a family lifted out of poverty", multiple.value))
            },
        );
        let own = ctx.person(person.index).income.clone();
        let own_yearly = own.yearly;
        let own_below = own_yearly < family.threshold_yearly;
        let own_monthly = own_yearly / Decimal::from(12);
        let (shown_own, shown_standard) =
            rounding::for_display_pair(own_monthly, family.standard_monthly);
        outcome.criterion(
            "own_income",
            Text::new(
                "本人计入收入低于低保标准",
                "the person's own counted income below the standard",
            ),
            if own_below { State::Met } else { State::NotMet },
            if own_below {
                Text::new(
                    format!("本人每月 {shown_own} 元，低于标准 {shown_standard} 元"),
                    format!("{shown_own} yuan a month, below the standard of {shown_standard}"),
                )
            } else {
                Text::new(
                    format!("本人每月 {shown_own} 元，不低于标准 {shown_standard} 元"),
                    format!("{shown_own} yuan a month, not below the standard of {shown_standard}"),
                )
            },
        );
        dibao::property_criterion(ctx, &mut outcome);
        outcome.decide();
        outcome.rests_on(family.standard.basis);
        if !below_marginal_line && !facts.family.poverty_alleviated && !facts.family.marginal {
            outcome.rests_on(multiple.basis);
        }
        outcome.rests_on(own.basis);
        outcome.steps.extend(own.step);
        if outcome.status != crate::Status::NotEligible {
            let people: Vec<&Person> = vec![person];
            let base = match facts.category {
                Category::Urban => {
                    let gap = family.standard_monthly - own_monthly;
                    if ctx.options.trace {
                        outcome.steps.push(Step {
                            text: Text::new(
                                "单人户按差额发放：标准 − 本人收入",
                                "Covered alone, paid the gap: standard − own income",
                            ),
                            formula: format!(
                                "{} − {} {} {}",
                                family.standard.value,
                                rounding::for_display(own_monthly),
                                rounding::equals_sign(gap),
                                rounding::for_display(gap)
                            ),
                            params: vec![family.standard.clone()],
                            clause: CLAUSE.into(),
                            basis: family.standard.basis,
                        });
                    }
                    gap
                }
                Category::Rural => dibao::rural_base(
                    ctx,
                    &people,
                    family.standard_monthly - own_monthly,
                    &mut outcome,
                )?,
            };
            let base = dibao::round_payment(ctx, base, &mut outcome)?;
            let extra = dibao::topups(ctx, &people, family.standard_monthly, &mut outcome)?;
            let monthly = dibao::pay(&mut outcome, base, extra);
            outcome.reasons.push(Text::new(
                format!("{}可参照“单人户”单独纳入低保，每月约 {monthly} 元", person.label),
                format!("{} may be covered alone as a single-person household, about {monthly} yuan a month", person.label),
            ));
        }
        // The notch at the dibao line is the rule as written: say why, do not smooth it.
        if whole_family_qualifies || outcome.status == crate::Status::Eligible {
            outcome.reasons.push(Text::new(
                "为什么会有落差：“单人户”只适用于全家不符合低保条件的家庭。家庭人均收入低于低保标准时，全家按低保计算（差额加分类施保），这时可能比单人户少；人均收入达到标准后，重残、重病成员才可单独纳入",
                "Why amounts can jump: the single-person route is only for families that do not qualify as a whole. Below the dibao line the whole family is paid dibao (the gap plus top-ups), which can be less than the single-person amount; from the line up, a severely disabled or seriously ill member can be covered alone",
            ));
        }
        outcome.next.push(Text::new(
            "向镇（街道）申请时说明按“单人户”办理，带残疾证或诊断证明",
            "When applying at the township or street office, ask for the single-person route and bring the disability certificate or diagnosis",
        ));
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

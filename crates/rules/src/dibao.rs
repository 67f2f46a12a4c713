//! 最低生活保障 (dibao): eligibility by counted income, the monthly amount (urban: the
//! income gap; rural: the tier A–E), and the 30 % / 50 % top-ups (分类施保).

use crate::household::{Category, Person, Tier};
use crate::income::Counted;
use crate::outcome::{Outcome, Programme, State, Step, Text};
use crate::policy::{id, Basis, Used};
use crate::rounding;
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

pub(crate) const CLAUSE_STANDARD: &str = "汉民发〔2021〕52号 二(二)；汉民发〔2025〕82号";
const CLAUSE_TOPUP: &str = "分类施保：陕西多地通行做法（宝鸡、渭南、陇县），汉中原文未见";
const CLAUSE_TIER_ESTIMATE: &str =
    "档次由经办人评定；本估算参照紫阳县（2016）A、B、C 档描述，属假设";

/// The dibao outcome and what other programmes need from it.
#[derive(Clone, Debug)]
pub(crate) struct Dibao {
    pub outcome: Outcome,
    /// The monthly standard per person (rural: the yearly standard ÷ 12).
    pub standard_monthly: Decimal,
    /// The yearly income per person below which a household qualifies.
    pub threshold_yearly: Decimal,
    /// The standard parameter, for explanations.
    pub standard: Used,
    /// Counted income is below the standard.
    pub income_below: bool,
}

/// The monthly standard per person and its parameter.
pub(crate) fn standard(ctx: &Ctx) -> Result<(Decimal, Decimal, Used), InputError> {
    Ok(match ctx.facts.category {
        Category::Urban => {
            let used = ctx.get(id::DIBAO_URBAN_STANDARD)?;
            (used.value, used.value * Decimal::from(12), used)
        }
        Category::Rural => {
            let used = ctx.get(id::DIBAO_RURAL_STANDARD)?;
            (used.value / Decimal::from(12), used.value, used)
        }
    })
}

/// The top-up rate for one covered member (the highest that applies), with its reason.
pub(crate) fn topup_rate(ctx: &Ctx, person: &Person) -> Result<Option<(Used, Text)>, InputError> {
    let mut best: Option<(Used, Text)> = None;
    let age = Decimal::from(person.age);
    let elderly_age = ctx.get(id::TOPUP_ELDERLY_AGE)?;
    let minor_age = ctx.get(id::TOPUP_MINOR_AGE)?;
    if age >= elderly_age.value {
        best = Some((
            ctx.get(id::TOPUP_ELDERLY_MINOR_RATE)?,
            Text::new(
                format!("{}周岁以上老人", elderly_age.value),
                format!("aged {}+", elderly_age.value),
            ),
        ));
    } else if age < minor_age.value {
        best = Some((
            ctx.get(id::TOPUP_ELDERLY_MINOR_RATE)?,
            Text::new("未成年人", "a minor"),
        ));
    }
    let derived = ctx.person(person.index);
    let severe = derived.severely_disabled;
    if severe || derived.seriously_ill {
        let rate = ctx.get(id::TOPUP_SEVERE_RATE)?;
        if best
            .as_ref()
            .is_none_or(|(current, _)| rate.value > current.value)
        {
            let why = if severe {
                Text::new("重度残疾人", "severely disabled")
            } else {
                Text::new("重病患者", "seriously ill")
            };
            best = Some((rate, why));
        }
    }
    Ok(best)
}

/// The top-ups of the given covered members: the total and one step each.
pub(crate) fn topups(
    ctx: &Ctx,
    people: &[&Person],
    standard_monthly: Decimal,
    outcome: &mut Outcome,
) -> Result<Decimal, InputError> {
    let mut total = Decimal::ZERO;
    let step_round = ctx.get(id::TOPUP_ROUND_STEP)?;
    for person in people {
        let Some((rate, why)) = topup_rate(ctx, person)? else {
            continue;
        };
        let exact = rate.value * standard_monthly;
        let amount = rounding::half_up_to_step(exact, step_round.value);
        total += amount;
        outcome.rests_on(rate.basis);
        if amount != exact {
            outcome.rests_on(step_round.basis);
        }
        if ctx.options.trace {
            outcome.steps.push(Step {
                text: Text::new(
                    format!(
                        "分类施保：{}是{}，每月增发 {amount} 元",
                        person.label, why.zh
                    ),
                    format!(
                        "Top-up: {} is {}, {amount} yuan more a month",
                        person.label, why.en
                    ),
                ),
                formula: format!(
                    "{} × {} = {} → {amount}",
                    rate.value,
                    rounding::for_display(standard_monthly),
                    rate.value * standard_monthly
                ),
                params: vec![rate.clone(), step_round.clone()],
                clause: CLAUSE_TOPUP.into(),
                basis: rate.basis.max(step_round.basis),
            });
        }
    }
    Ok(total)
}

/// An estimate of the rural tier from the A/B/C descriptions of a neighbouring county:
/// A when nobody can work, B when someone can but a member is severely disabled, seriously
/// ill or studying, C otherwise. Labelled assumed wherever it is used.
pub(crate) fn estimate_tier(ctx: &Ctx, people: &[&Person]) -> Result<(Tier, Text), InputError> {
    let elderly = ctx.value(id::TEKUN_ELDERLY_AGE)?;
    let child = ctx.value(id::TEKUN_CHILD_AGE)?;
    let mut workers = 0;
    let mut burdened = false;
    for person in people {
        let age = Decimal::from(person.age);
        let derived = ctx.person(person.index);
        let limited = derived.severely_disabled || derived.seriously_ill;
        let studying = person.member.student != crate::household::Student::None;
        burdened |= limited || studying;
        if age >= child && age < elderly && !limited && !studying {
            workers += 1;
        }
    }
    Ok(if workers == 0 {
        (
            Tier::A,
            Text::new(
                "家中没有劳动年龄且能劳动的成员",
                "nobody of working age is able to work",
            ),
        )
    } else if burdened {
        (
            Tier::B,
            Text::new(
                "有劳动力，但有重残、重病或在读成员",
                "someone can work, but a member is severely disabled, seriously ill or studying",
            ),
        )
    } else {
        (
            Tier::C,
            Text::new(
                "有劳动能力和劳动条件",
                "the family has members able to work",
            ),
        )
    })
}

/// The rural base amount for `size` people: the tier's amount × size, the range over the
/// tiers in force when the caseworker has not chosen one, and its steps.
pub(crate) fn rural_base(
    ctx: &Ctx,
    people: &[&Person],
    gap_monthly: Decimal,
    outcome: &mut Outcome,
) -> Result<Decimal, InputError> {
    let size = Decimal::from(people.len());
    let (tier, chosen, why) = match ctx.facts.tier {
        Some(tier) => (
            tier,
            true,
            Text::new("经办人评定", "assigned by the caseworker"),
        ),
        None => {
            let (tier, why) = estimate_tier(ctx, people)?;
            (tier, false, why)
        }
    };
    if !ctx.params.in_force_at(tier.param())? {
        return Err(InputError::new(
            "caseworker.rural_tier".into(),
            format!("{} 档在 {} 尚未设立", tier.letter(), ctx.facts.date),
            format!("tier {} did not exist on {}", tier.letter(), ctx.facts.date),
        ));
    }
    let amount = ctx.get(tier.param())?;
    let mut base = amount.value * size;
    outcome.rests_on(amount.basis);
    if !chosen {
        outcome.rests_on(Basis::Assumed);
        let mut lowest = amount.value;
        for other in Tier::ALL {
            if ctx.params.in_force_at(other.param())? {
                lowest = lowest.min(ctx.value(other.param())?);
            }
        }
        outcome.monthly_min = Some(lowest * size);
        outcome.monthly_max = Some(ctx.value(Tier::A.param())? * size);
        outcome.range_note = Some(Text::new(
            "档次由经办人评定，尚未确定：这里按估算的档次计算，范围是最低档到 A 档",
            "the tier is assigned by the caseworker and not decided yet: this uses an estimated tier; the range runs from the lowest tier to tier A",
        ));
    }
    outcome.level = Some(Text::new(
        format!(
            "{}档{}",
            tier.letter(),
            if chosen { "" } else { "（估算）" }
        ),
        format!(
            "tier {}{}",
            tier.letter(),
            if chosen { "" } else { " (estimate)" }
        ),
    ));
    if ctx.options.trace {
        outcome.steps.push(Step {
            text: Text::new(
                format!(
                    "农村低保按档次发放：{} 档（{}），每人每月 {} 元",
                    tier.letter(),
                    why.zh,
                    amount.value
                ),
                format!(
                    "Rural dibao is paid by tier: tier {} ({}), {} yuan per person a month",
                    tier.letter(),
                    why.en,
                    amount.value
                ),
            ),
            formula: format!("{} × {size} = {base}", amount.value),
            params: vec![amount.clone()],
            clause: if chosen {
                CLAUSE_STANDARD.into()
            } else {
                format!("{CLAUSE_STANDARD}；{CLAUSE_TIER_ESTIMATE}")
            },
            basis: if chosen { amount.basis } else { Basis::Assumed },
        });
    }
    let cap = ctx.get(id::DIBAO_RURAL_CAP_AT_GAP)?;
    if cap.value == Decimal::ONE && base > gap_monthly {
        outcome.rests_on(cap.basis);
        if ctx.options.trace {
            outcome.steps.push(Step {
                text: Text::new(
                    format!(
                        "按差额封顶：不超过收入差额 {}",
                        rounding::for_display(gap_monthly)
                    ),
                    "Capped at the income gap",
                ),
                formula: format!(
                    "min({base}, {}) = {}",
                    rounding::for_display(gap_monthly),
                    rounding::for_display(gap_monthly)
                ),
                params: vec![cap.clone()],
                clause: CLAUSE_STANDARD.into(),
                basis: cap.basis,
            });
        }
        base = gap_monthly.max(Decimal::ZERO);
    }
    Ok(base)
}

/// Sets a dibao outcome's amount: the base (gap or tier) plus the top-ups, per month and
/// per year; a tier range moves up by the same top-ups. Returns the monthly amount.
pub(crate) fn pay(outcome: &mut Outcome, base: Decimal, topups: Decimal) -> Decimal {
    let monthly = base + topups;
    outcome.monthly = Some(monthly);
    outcome.yearly = Some(monthly * Decimal::from(12));
    if let (Some(min), Some(max)) = (outcome.monthly_min, outcome.monthly_max) {
        outcome.monthly_min = Some(min + topups);
        outcome.monthly_max = Some(max + topups);
    }
    monthly
}

/// Rounds a payment as policies/ says (dibao.payment_round_step).
pub(crate) fn round_payment(
    ctx: &Ctx,
    amount: Decimal,
    outcome: &mut Outcome,
) -> Result<Decimal, InputError> {
    let step = ctx.get(id::DIBAO_PAYMENT_ROUND_STEP)?;
    let rounded = rounding::half_up_to_step(amount, step.value);
    // The rounding rule shapes the amount only when it changes it.
    if rounded != amount {
        outcome.rests_on(step.basis);
    }
    Ok(rounded)
}

/// The property criterion, shared by dibao, the single-person route and marginal family.
pub(crate) fn property_criterion(ctx: &Ctx, outcome: &mut Outcome) {
    let text = Text::new(
        "家庭财产符合当地规定",
        "family property within the local limits",
    );
    match ctx.facts.family.property_within_limits {
        Some(true) => outcome.criterion(
            "property",
            text,
            State::Met,
            Text::new("您填写了“符合”", "you said it is"),
        ),
        Some(false) => outcome.criterion(
            "property",
            text,
            State::NotMet,
            Text::new("您填写了“不符合”", "you said it is not"),
        ),
        None => {
            outcome.criterion(
                "property",
                text,
                State::Unknown,
                Text::new("尚未填写", "not given yet"),
            );
            outcome.missing(
                "family.property_within_limits".into(),
                Text::new("家庭财产（存款、房产、车辆等）是否符合当地规定", "whether the family's property (savings, homes, vehicles) is within the local limits"),
            );
        }
    }
}

pub(crate) fn assess(ctx: &Ctx, counted: &Counted) -> Result<Dibao, InputError> {
    let facts = ctx.facts;
    let mut outcome = Outcome::new(
        Programme::Dibao,
        Text::new("最低生活保障（低保）", "Minimum living guarantee (dibao)"),
    );
    let (standard_monthly, threshold_yearly, standard) = standard(ctx)?;
    outcome.rests_on(standard.basis);
    outcome.rests_on(counted.basis);
    outcome.steps.extend(counted.steps.iter().cloned());
    let size = counted.size();
    let covered: Vec<&Person> = counted
        .covered
        .iter()
        .map(|&index| &facts.people[index])
        .collect();
    let income_below = !covered.is_empty() && counted.total_yearly < threshold_yearly * size;
    // Shown with enough decimals that "below" and "not below" never read false.
    let (per_person, shown_standard) =
        rounding::for_display_pair(counted.monthly_per_person(), standard_monthly);
    let criterion = Text::new(
        "家庭人均计入收入低于低保标准",
        "counted income per person below the dibao standard",
    );
    if covered.is_empty() {
        outcome.criterion(
            "income",
            criterion,
            State::NotMet,
            Text::new(
                "所有成员都按特困人员供养",
                "every member is supported as a tekun person",
            ),
        );
    } else if income_below {
        outcome.criterion(
            "income",
            criterion,
            State::Met,
            Text::new(
                format!("人均每月 {per_person} 元，低于标准 {shown_standard} 元"),
                format!(
                    "{per_person} yuan per person a month, below the standard of {shown_standard}"
                ),
            ),
        );
    } else {
        let above = counted.monthly_per_person() - standard_monthly;
        let (zh, en) = if above.is_zero() {
            (
                format!("人均每月 {per_person} 元，正好等于标准 {shown_standard} 元（“低于”才符合）"),
                format!("{per_person} yuan per person a month, exactly the standard of {shown_standard} (it must be below)"),
            )
        } else {
            let above = rounding::for_display_pair(above, Decimal::ZERO).0;
            (
                format!("人均每月 {per_person} 元，高于标准 {shown_standard} 元（高出 {above} 元）"),
                format!("{per_person} yuan per person a month, above the standard of {shown_standard} ({above} above)"),
            )
        };
        outcome.criterion("income", criterion, State::NotMet, Text::new(zh, en));
    }
    property_criterion(ctx, &mut outcome);
    if ctx.options.trace && !covered.is_empty() {
        let line = rounding::for_display(threshold_yearly * size);
        let income = rounding::for_display(counted.total_yearly);
        let (compared_zh, compared_en) = if income_below {
            ("高于", "above")
        } else {
            ("不高于", "not above")
        };
        let (zh, en) = match facts.category {
            Category::Urban => (
                format!(
                    "城市低保标准：每人每月 {} 元；全家每年 {line} 元，{compared_zh}家庭计入收入 {income} 元",
                    standard.value
                ),
                format!(
                    "Urban dibao standard: {} yuan per person a month; {line} a year for the family, {compared_en} its counted income of {income}",
                    standard.value
                ),
            ),
            Category::Rural => (
                format!(
                    "农村低保标准：每人每年 {} 元（每月 {shown_standard} 元）；全家每年 {line} 元，{compared_zh}家庭计入收入 {income} 元",
                    standard.value
                ),
                format!(
                    "Rural dibao standard: {} yuan per person a year ({shown_standard} a month); {line} a year for the family, {compared_en} its counted income of {income}",
                    standard.value
                ),
            ),
        };
        outcome.steps.push(Step {
            text: Text::new(zh, en),
            formula: format!(
                "{} × 12 × {size} = {line} {} {income}",
                shown_standard,
                if income_below { ">" } else { "≤" },
            ),
            params: vec![standard.clone()],
            clause: CLAUSE_STANDARD.into(),
            basis: standard.basis,
        });
    }
    outcome.decide();
    // An amount only where it can still be paid: not when a criterion already fails.
    if income_below && outcome.status != crate::Status::NotEligible {
        let gap_monthly = standard_monthly * size - counted.monthly_total();
        let base = match facts.category {
            Category::Urban => {
                let base = gap_monthly;
                if ctx.options.trace {
                    outcome.steps.push(Step {
                        text: Text::new(
                            format!("城市低保按差额发放：（标准 − 人均收入）× {size} 人"),
                            format!(
                                "Urban dibao pays the gap: (standard − income per person) × {size}"
                            ),
                        ),
                        formula: format!(
                            "{} × {size} − {} {} {}",
                            standard.value,
                            rounding::for_display(counted.monthly_total()),
                            rounding::equals_sign(base),
                            rounding::for_display(base)
                        ),
                        params: vec![standard.clone()],
                        clause: CLAUSE_STANDARD.into(),
                        basis: standard.basis,
                    });
                }
                base
            }
            Category::Rural => rural_base(ctx, &covered, gap_monthly, &mut outcome)?,
        };
        let base = round_payment(ctx, base, &mut outcome)?;
        let extra = topups(ctx, &covered, standard_monthly, &mut outcome)?;
        let monthly = pay(&mut outcome, base, extra);
        if ctx.options.trace {
            outcome.steps.push(Step {
                text: Text::new(
                    format!("低保每月合计 {monthly} 元"),
                    format!("Dibao in total: {monthly} yuan a month"),
                ),
                formula: format!("{base} + {extra} = {monthly}"),
                params: Vec::new(),
                clause: CLAUSE_STANDARD.into(),
                basis: outcome.amount_basis,
            });
        }
        outcome.reasons.push(Text::new(
            format!("家庭人均计入收入每月 {per_person} 元，低于低保标准 {shown_standard} 元"),
            format!("Counted income is {per_person} yuan per person a month, below the standard of {shown_standard}"),
        ));
    } else if !covered.is_empty() {
        outcome.reasons.push(Text::new(
            format!("家庭人均计入收入每月 {per_person} 元，不低于低保标准 {shown_standard} 元；可看看低保边缘家庭、单人户和临时救助"),
            format!("Counted income is {per_person} yuan per person a month, not below the standard of {shown_standard}; see the marginal-family, single-person and temporary-assistance routes"),
        ));
    }
    outcome.next.push(Text::new(
        "向户籍所在地（或居住证所在地）的镇人民政府（街道办事处）申请，也可由村（居）委会代为提出；带身份证、户口簿、收入和财产情况说明，残疾或大病的带残疾证、诊断证明",
        "Apply at the township office or street office (the village or community committee can apply for you); bring ID cards, the household register, a statement of income and property, and any disability certificate or diagnosis",
    ));
    Ok(Dibao {
        outcome,
        standard_monthly,
        threshold_yearly,
        standard,
        income_below,
    })
}

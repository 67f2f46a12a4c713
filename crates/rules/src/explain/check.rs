//! The words of 核一核 (check.rs): a decision compared with the rules. They say what the
//! rules give as we read them and which facts would give the decided amount; they never
//! say that a decision is wrong.

use crate::household::Tier;
use crate::labels::programme_short;
use crate::outcome::{Missing, Programme, Text};
use crate::policy::clause;
use crate::InputError;
use rust_decimal::Decimal;

use crate::check::{Decided, Lead};

/// An amount as written in a sentence: no trailing zeros ("337.5", "675").
fn yuan(amount: Decimal) -> String {
    amount.normalize().to_string()
}

pub(crate) fn agrees(programme: Programme, decided: Decimal) -> Text {
    let name = programme_short(programme);
    Text::new(
        format!(
            "一致：通知上的{}每月 {} 元，与我们按规则对这些情况算出的相同。",
            name.zh,
            yuan(decided)
        ),
        format!(
            "The same: the notice's {} of {} yuan a month is what the rules, as we read them, give for these answers.",
            name.en,
            yuan(decided)
        ),
    )
}

/// A lead as named in the list of what was tried.
fn lead_name(lead: Lead) -> (&'static str, &'static str) {
    match lead {
        Lead::RuralTier => ("另一个档次", "another tier"),
        Lead::CareTier => (
            "六项自理能力的另一种评估",
            "another reading of the six self-care items",
        ),
        Lead::HouseholdSize => ("家庭人数", "household size"),
        Lead::CountedIncome => ("计入的收入", "counted income"),
        Lead::GradualExit => ("渐退帮扶", "gradual exit"),
    }
}

pub(crate) fn differs(
    programme: Programme,
    decided: Decimal,
    ours: Decimal,
    explained: bool,
    tried: &[Lead],
) -> Text {
    let name = programme_short(programme);
    let (tried_zh, tried_en): (Vec<&str>, Vec<&str>) =
        tried.iter().map(|lead| lead_name(*lead)).unzip();
    let (then_zh, then_en) = if explained {
        (
            "下面列出哪些情况或理解会得出通知上的数。".to_string(),
            "Below are the facts or readings that would give the notice's figure.".to_string(),
        )
    } else if tried.is_empty() {
        (
            "可以请对方说明是怎么算的。".to_string(),
            "Ask how it was worked out.".to_string(),
        )
    } else {
        (
            format!("我们试过的情况（{}）都得不出通知上的数，可以请对方说明是怎么算的。", tried_zh.join("、")),
            format!(
                "None of the facts we tried ({}) gives the notice's figure: ask how it was worked out.",
                tried_en.join(", ")
            ),
        )
    };
    let by = (decided - ours).abs();
    let (more_zh, more_en) = if decided > ours {
        ("多", "more")
    } else {
        ("少", "less")
    };
    Text::new(
        format!(
            "不同：按我们对规则的理解，这些情况的{}应为每月 {} 元；通知上是 {} 元，{} {} 元。这不等于决定有误：民政部门掌握的情况可能与这里填的不同。{}",
            name.zh,
            yuan(ours),
            yuan(decided),
            more_zh,
            yuan(by),
            then_zh
        ),
        format!(
            "Different: as we read the rules, these answers give {} of {} yuan a month; the notice says {} yuan, {} yuan {}. That does not make the decision wrong: the office may know facts other than those entered here. {}",
            name.en,
            yuan(ours),
            yuan(decided),
            yuan(by),
            more_en,
            then_en
        ),
    )
}

pub(crate) fn cannot_tell(programme: Programme, missing: &[Missing]) -> Text {
    let name = programme_short(programme);
    let zh: Vec<&str> = missing.iter().map(|missing| &*missing.text.zh).collect();
    let en: Vec<&str> = missing.iter().map(|missing| &*missing.text.en).collect();
    Text::new(
        format!(
            "还不能核对：要算出{}，还需要这些情况：{}。",
            name.zh,
            if zh.is_empty() {
                "（见结果）".to_string()
            } else {
                zh.join("；")
            }
        ),
        format!(
            "Cannot check yet: the {} needs these answers first: {}.",
            name.en,
            if en.is_empty() {
                "(see the result)".to_string()
            } else {
                en.join("; ")
            }
        ),
    )
}

pub(crate) fn rural_tier(tier: Tier, gives: Decimal) -> Text {
    Text::new(
        format!(
            "若评定为 {} 档，低保为每月 {} 元（档次由经办人评定，{}）。",
            tier.letter(),
            yuan(gives),
            clause::DIBAO_STANDARD.text
        ),
        format!(
            "With tier {}, dibao would be {} yuan a month (the tier is the caseworker's to decide; {}).",
            tier.letter(),
            yuan(gives),
            clause::DIBAO_STANDARD.text_en
        ),
    )
}

pub(crate) fn without_member(name: &Text, size: usize, gives: Decimal) -> Text {
    Text::new(
        format!(
            "若不把{}算作共同生活的家庭成员（按 {} 人而不是 {} 人计算），低保为每月 {} 元（{}）。",
            name.zh,
            size.saturating_sub(1),
            size,
            yuan(gives),
            clause::INCOME_PER_PERSON.text
        ),
        format!(
            "Without {} as a family member living together ({} people instead of {}), dibao would be {} yuan a month ({}).",
            name.en,
            size.saturating_sub(1),
            size,
            yuan(gives),
            clause::INCOME_PER_PERSON.text_en
        ),
    )
}

pub(crate) fn one_more(size: usize, gives: Decimal) -> Text {
    Text::new(
        format!(
            "若多算一名没有收入的家庭成员（按 {} 人而不是 {} 人计算），低保为每月 {} 元（{}）。",
            size + 1,
            size,
            yuan(gives),
            clause::INCOME_PER_PERSON.text
        ),
        format!(
            "With one more family member without income ({} people instead of {}), dibao would be {} yuan a month ({}).",
            size + 1,
            size,
            yuan(gives),
            clause::INCOME_PER_PERSON.text_en
        ),
    )
}

pub(crate) fn counted_income(counted: Decimal, ours: Decimal, gives: Decimal) -> Text {
    Text::new(
        format!(
            "若计入的家庭收入为每月 {} 元（我们按这里填的情况计入 {} 元），低保为每月 {} 元。可以问清楚计入了哪些收入、谁的收入（{}）。",
            yuan(counted),
            yuan(ours),
            yuan(gives),
            clause::INCOME_EXCLUSION.text
        ),
        format!(
            "With a counted family income of {} yuan a month (we counted {} yuan from the answers here), dibao would be {} yuan a month. Ask which incomes, and whose, were counted ({}).",
            yuan(counted),
            yuan(ours),
            yuan(gives),
            clause::INCOME_EXCLUSION.text_en
        ),
    )
}

pub(crate) fn care_items(
    name: &Text,
    lost: usize,
    tier: &Text,
    now: Option<usize>,
    gives: Decimal,
) -> Text {
    let now_zh = now.map_or("这里还没有填写六项".to_string(), |now| {
        format!("这里填的是 {now} 项不能做到")
    });
    let now_en = now.map_or("the six items are not answered here".to_string(), |now| {
        format!("{now} not met as entered here")
    });
    let (items_zh, items_en) = if lost == 0 {
        (
            "六项都能自己做到".to_string(),
            "could do all six self-care items".to_string(),
        )
    } else {
        (
            format!("六项中有 {lost} 项不能自己做到"),
            format!("could not do {lost} of the six self-care items"),
        )
    };
    Text::new(
        format!(
            "若{}的生活自理能力{}（{}），特困供养为每月 {} 元；{}（{}）。",
            name.zh,
            items_zh,
            tier.zh,
            yuan(gives),
            now_zh,
            clause::TEKUN_CARE.text
        ),
        format!(
            "If {} {} ({}), tekun support would be {} yuan a month; {} ({}).",
            name.en,
            items_en,
            tier.en,
            yuan(gives),
            now_en,
            clause::TEKUN_CARE.text_en
        ),
    )
}

pub(crate) fn care_tier_named(named: &Text, ours: Option<&Text>) -> Text {
    Text::new(
        format!(
            "通知写的护理等级是{}，按这里填的六项评估是{}。护理等级由六项评估决定，可以请对方说明评估结果（{}）。",
            named.zh,
            ours.map_or("（未评估）", |tier| &*tier.zh),
            clause::TEKUN_CARE.text
        ),
        format!(
            "The notice names the care tier {}; the six items entered here give {}. The tier follows the six-item assessment: you can ask for its result ({}).",
            named.en,
            ours.map_or("(not assessed)", |tier| &*tier.en),
            clause::TEKUN_CARE.text_en
        ),
    )
}

pub(crate) fn gradual_exit(monthly: Decimal, months: u32) -> Text {
    Text::new(
        format!(
            "停发低保时，按这里填的情况可以享受渐退帮扶：每月 {} 元，共 {} 个月。如果通知没有提到，可以问一问（{}）。",
            yuan(monthly),
            months,
            clause::GRADUAL_EXIT.text
        ),
        format!(
            "When dibao stops, these answers qualify for gradual exit: {} yuan a month for {} months. If the notice does not mention it, ask about it ({}).",
            yuan(monthly),
            months,
            clause::GRADUAL_EXIT.text_en
        ),
    )
}

pub(crate) fn reason_income(counted: Decimal, per_person: Decimal, size: usize) -> Text {
    Text::new(
        format!(
            "通知的理由是收入超过低保标准。按这里填的情况，计入的家庭收入为每月 {} 元，{} 人，人均 {} 元（{}）。",
            yuan(counted),
            size,
            yuan(per_person),
            clause::INCOME_PER_PERSON.text
        ),
        format!(
            "The notice's reason is income above the dibao standard. From the answers here, the counted family income is {} yuan a month for {} people, {} yuan each ({}).",
            yuan(counted),
            size,
            yuan(per_person),
            clause::INCOME_PER_PERSON.text_en
        ),
    )
}

pub(crate) fn reason_property(within: Option<bool>) -> Text {
    let (zh, en) = match within {
        Some(true) => ("符合规定", "within the limits"),
        Some(false) => ("不符合规定", "not within the limits"),
        None => ("不清楚", "not known"),
    };
    Text::new(
        format!("通知的理由是家庭财产。这里填的是“{zh}”；财产以民政部门核对的结果为准，可以请对方说明核对到了哪些财产（{}）。", clause::ANSWERS_PROPERTY.text),
        format!("The notice's reason is the family's property. The answer here is “{en}”; the office's check of property decides: ask which property it found ({}).", clause::ANSWERS_PROPERTY.text_en),
    )
}

pub(crate) fn reason_supporters() -> Text {
    Text::new(
        format!("通知的理由是有赡养、抚养或扶养能力的义务人。义务人是否“有能力”，按规定的几种情形判断（如本人是特困人员、60 岁以上的低保对象、重度残疾、在监狱服刑），可以请对方说明认定了谁、为什么（{}）。", clause::TEKUN_RULES.text),
        format!("The notice's reason is a legal supporter able to support. Whether a supporter is able is judged by the cases the rules list (a tekun person, a dibao recipient aged 60 or over, severely disabled, in prison…): ask whom the office found able, and why ({}).", clause::TEKUN_RULES.text_en),
    )
}

pub(crate) fn reason_members(size: usize) -> Text {
    Text::new(
        format!("通知的理由是家庭成员的认定。共同生活的家庭成员按规定认定，这里按 {size} 人计算；可以请对方说明把哪些人算在内（{}）。", clause::INCOME_PER_PERSON.text),
        format!("The notice's reason is who counts as family. The family members living together are decided by the rules; {size} people are counted here: ask whom the office counted ({}).", clause::INCOME_PER_PERSON.text_en),
    )
}

/// What a family can do about a decision: ask for the reasons and know its rights when
/// the rules differ or money may be left out; the hotline always.
pub(crate) fn next_steps(verdict: crate::check::Verdict, left_out: bool) -> Vec<Text> {
    let mut steps = Vec::new();
    if verdict != crate::check::Verdict::Agrees || left_out {
        steps.push(Text::new(
            format!(
                "请作出决定的乡镇人民政府（街道办事处）或县（区）民政部门书面说明理由：算了哪些人、计入了哪些收入和财产（{}）。",
                clause::CHECK_REASONS.text
            ),
            format!(
                "Ask the township (street) office or the county civil affairs bureau that decided for its reasons in writing: whom it counted, and which income and property ({}).",
                clause::CHECK_REASONS.text_en
            ),
        ));
        steps.push(Text::new(
            format!(
                "对决定不服的，可以依法申请行政复议或者提起行政诉讼；复议和诉讼有期限，请在收到决定后尽早咨询（{}）。",
                clause::CHECK_REVIEW.text
            ),
            format!(
                "If you object to the decision, you can apply for administrative reconsideration or bring an administrative suit, as the law provides; both have time limits, so ask soon after the decision ({}).",
                clause::CHECK_REVIEW.text_en
            ),
        ));
    }
    steps.push(super::notices::hotline());
    steps
}

pub(crate) fn no_such_member(member: usize, count: usize) -> InputError {
    let (numbers_zh, numbers_en) = match count {
        0 => (
            "家庭没有成员".to_string(),
            "the household has no members".to_string(),
        ),
        1 => (
            "家庭只有 1 名成员，编号为 0（从 0 数起）".to_string(),
            "the household has one member, numbered 0 (counted from 0)".to_string(),
        ),
        _ => (
            format!(
                "家庭有 {count} 名成员，编号 0 到 {}（从 0 数起）",
                count - 1
            ),
            format!(
                "the household has {count} members, numbered 0 to {} (counted from 0)",
                count - 1
            ),
        ),
    };
    InputError::new(
        "decision.member".into(),
        format!("决定所说的成员 {member} 不存在：{numbers_zh}"),
        format!("the decision's member {member} does not exist: {numbers_en}"),
    )
}

pub(crate) fn member_needed(programme: Decided) -> InputError {
    let name = programme_short(programme.programme());
    InputError::new(
        "decision.member".into(),
        format!(
            "{}的决定是关于某一名成员的：请填写是哪一位（member，从 0 数起）",
            name.zh
        ),
        format!(
            "a {} decision is about one member: say which (member, counted from 0)",
            name.en
        ),
    )
}

//! The words of 最低生活保障 (dibao): its criteria, steps and reasons.

use crate::household::MemberName;
use crate::household::{Category, Tier};
use crate::outcome::Text;
use crate::rounding;
use rust_decimal::Decimal;

/// Why a covered member gets a top-up (the highest that applies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TopupWhy {
    /// Aged at least the given age.
    Elderly(Decimal),
    Minor,
    SeverelyDisabled,
    SeriouslyIll,
}

/// How the rural tier was come by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TierWhy {
    /// The caseworker assigned it.
    Chosen,
    /// Estimated: nobody of working age is able to work.
    NobodyCanWork,
    /// Estimated: someone can work, but a member is severely disabled, seriously ill or
    /// studying.
    Burdened,
    /// Estimated: the family has members able to work.
    CanWork,
}

impl TopupWhy {
    fn text(self) -> Text {
        match self {
            TopupWhy::Elderly(age) => {
                Text::new(format!("{age}周岁以上老人"), format!("aged {age}+"))
            }
            TopupWhy::Minor => Text::new("未成年人", "a minor"),
            TopupWhy::SeverelyDisabled => Text::new("重度残疾人", "severely disabled"),
            TopupWhy::SeriouslyIll => Text::new("重病患者", "seriously ill"),
        }
    }
}

impl TierWhy {
    fn text(self) -> Text {
        match self {
            TierWhy::Chosen => Text::new("经办人评定", "assigned by the caseworker"),
            TierWhy::NobodyCanWork => Text::new(
                "家中没有劳动年龄且能劳动的成员",
                "nobody of working age is able to work",
            ),
            TierWhy::Burdened => Text::new(
                "有劳动力，但有重残、重病或在读成员",
                "someone can work, but a member is severely disabled, seriously ill or studying",
            ),
            TierWhy::CanWork => Text::new(
                "有劳动能力和劳动条件",
                "the family has members able to work",
            ),
        }
    }
}

pub(crate) fn topup_step(
    label: &MemberName,
    why: TopupWhy,
    rate: Decimal,
    standard_monthly: Decimal,
    amount: Decimal,
) -> (Text, String) {
    let (label_zh, label_en) = (&label.zh, &label.en);
    let why = why.text();
    (
        Text::new(
            format!("分类施保：{label_zh}是{}，每月增发 {amount} 元", why.zh),
            format!(
                "Top-up: {label_en} is {}, {amount} yuan more a month",
                why.en
            ),
        ),
        format!(
            "{rate} × {} = {} → {amount}",
            rounding::for_display(standard_monthly),
            rate * standard_monthly
        ),
    )
}

pub(crate) fn tier_range_note() -> Text {
    Text::new(
        "档次由经办人评定，尚未确定：这里按估算的档次计算，范围是最低档到 A 档",
        "the tier is assigned by the caseworker and not decided yet: this uses an estimated tier; the range runs from the lowest tier to tier A",
    )
}

pub(crate) fn tier_level(tier: Tier, chosen: bool) -> Text {
    let (zh, en) = if chosen {
        ("", "")
    } else {
        ("（估算）", " (estimate)")
    };
    Text::new(
        format!("{}档{zh}", tier.letter()),
        format!("tier {}{en}", tier.letter()),
    )
}

pub(crate) fn tier_step(
    tier: Tier,
    why: TierWhy,
    per_person: Decimal,
    size: Decimal,
    base: Decimal,
) -> (Text, String) {
    let why = why.text();
    (
        Text::new(
            format!(
                "农村低保按档次发放：{} 档（{}），每人每月 {per_person} 元",
                tier.letter(),
                why.zh
            ),
            format!(
                "Rural dibao is paid by tier: tier {} ({}), {per_person} yuan per person a month",
                tier.letter(),
                why.en
            ),
        ),
        format!("{per_person} × {size} = {base}"),
    )
}

pub(crate) fn cap_step(base: Decimal, gap_monthly: Decimal) -> (Text, String) {
    let gap = rounding::for_display(gap_monthly);
    (
        Text::new(
            format!("按差额封顶：不超过收入差额 {gap}"),
            "Capped at the income gap",
        ),
        format!("min({base}, {gap}) = {gap}"),
    )
}

pub(crate) fn property_criterion() -> Text {
    Text::new(
        "家庭财产符合当地规定",
        "family property within the local limits",
    )
}

/// What the family said of its property: yes, no, or nothing yet.
pub(crate) fn property_detail(said: Option<bool>) -> Text {
    match said {
        Some(true) => Text::new("您填写了“符合”", "you said it is"),
        Some(false) => Text::new("您填写了“不符合”", "you said it is not"),
        None => Text::new("尚未填写", "not given yet"),
    }
}

pub(crate) fn property_missing() -> Text {
    Text::new(
        "家庭财产（存款、房产、车辆等）是否符合当地规定",
        "whether the family's property (savings, homes, vehicles) is within the local limits",
    )
}

pub(crate) fn income_criterion() -> Text {
    Text::new(
        "家庭人均计入收入低于低保标准",
        "counted income per person below the dibao standard",
    )
}

pub(crate) fn all_tekun() -> Text {
    Text::new(
        "所有成员都按特困人员供养",
        "every member is supported as a tekun person",
    )
}

/// Counted income per person against the monthly standard, with enough decimals that
/// "below" and "not below" never read false.
pub(crate) fn income_detail(
    per_person_monthly: Decimal,
    standard_monthly: Decimal,
    below: bool,
) -> Text {
    let (per_person, standard) = rounding::for_display_pair(per_person_monthly, standard_monthly);
    let above = per_person_monthly - standard_monthly;
    if below {
        Text::new(
            format!("人均每月 {per_person} 元，低于标准 {standard} 元"),
            format!("{per_person} yuan per person a month, below the standard of {standard}"),
        )
    } else if above.is_zero() {
        Text::new(
            format!("人均每月 {per_person} 元，正好等于标准 {standard} 元（“低于”才符合）"),
            format!("{per_person} yuan per person a month, exactly the standard of {standard} (it must be below)"),
        )
    } else {
        let above = rounding::for_display_pair(above, Decimal::ZERO).0;
        Text::new(
            format!("人均每月 {per_person} 元，高于标准 {standard} 元（高出 {above} 元）"),
            format!("{per_person} yuan per person a month, above the standard of {standard} ({above} above)"),
        )
    }
}

/// The standard against the family's counted income over a year. (Each argument is a
/// figure the sentence states.)
#[allow(clippy::too_many_arguments)]
pub(crate) fn standard_step(
    category: Category,
    standard: Decimal,
    standard_monthly: Decimal,
    threshold_yearly: Decimal,
    size: Decimal,
    income_yearly: Decimal,
    per_person_monthly: Decimal,
    below: bool,
) -> (Text, String) {
    let line = rounding::for_display(threshold_yearly * size);
    let income = rounding::for_display(income_yearly);
    let shown_standard = rounding::for_display_pair(per_person_monthly, standard_monthly).1;
    let (compared_zh, compared_en) = if below {
        ("高于", "above")
    } else {
        ("不高于", "not above")
    };
    let text = match category {
        Category::Urban => Text::new(
            format!(
                "城市低保标准：每人每月 {standard} 元；全家每年 {line} 元，{compared_zh}家庭计入收入 {income} 元"
            ),
            format!(
                "Urban dibao standard: {standard} yuan per person a month; {line} a year for the family, {compared_en} its counted income of {income}"
            ),
        ),
        Category::Rural => Text::new(
            format!(
                "农村低保标准：每人每年 {standard} 元（每月 {shown_standard} 元）；全家每年 {line} 元，{compared_zh}家庭计入收入 {income} 元"
            ),
            format!(
                "Rural dibao standard: {standard} yuan per person a year ({shown_standard} a month); {line} a year for the family, {compared_en} its counted income of {income}"
            ),
        ),
    };
    (
        text,
        format!(
            "{shown_standard} × 12 × {size} = {line} {} {income}",
            if below { ">" } else { "≤" },
        ),
    )
}

pub(crate) fn gap_step(
    standard: Decimal,
    size: Decimal,
    income_monthly: Decimal,
    base: Decimal,
) -> (Text, String) {
    (
        Text::new(
            format!("城市低保按差额发放：（标准 − 人均收入）× {size} 人"),
            format!("Urban dibao pays the gap: (standard − income per person) × {size}"),
        ),
        format!(
            "{standard} × {size} − {} {} {}",
            rounding::for_display(income_monthly),
            rounding::equals_sign(base),
            rounding::for_display(base)
        ),
    )
}

pub(crate) fn total_step(base: Decimal, extra: Decimal, monthly: Decimal) -> (Text, String) {
    (
        Text::new(
            format!("低保每月合计 {monthly} 元"),
            format!("Dibao in total: {monthly} yuan a month"),
        ),
        format!("{base} + {extra} = {monthly}"),
    )
}

pub(crate) fn reason(per_person_monthly: Decimal, standard_monthly: Decimal, below: bool) -> Text {
    let (per_person, standard) = rounding::for_display_pair(per_person_monthly, standard_monthly);
    if below {
        Text::new(
            format!("家庭人均计入收入每月 {per_person} 元，低于低保标准 {standard} 元"),
            format!("Counted income is {per_person} yuan per person a month, below the standard of {standard}"),
        )
    } else {
        Text::new(
            format!("家庭人均计入收入每月 {per_person} 元，不低于低保标准 {standard} 元；可看看低保边缘家庭、单人户和临时救助"),
            format!("Counted income is {per_person} yuan per person a month, not below the standard of {standard}; see the marginal-family, single-person and temporary-assistance routes"),
        )
    }
}

pub(crate) fn how_to_apply() -> Text {
    Text::new(
        "向户籍所在地（或居住证所在地）的镇人民政府（街道办事处）申请，也可由村（居）委会代为提出；带身份证、户口簿、收入和财产情况说明，残疾或大病的带残疾证、诊断证明",
        "Apply at the township office or street office (the village or community committee can apply for you); bring ID cards, the household register, a statement of income and property, and any disability certificate or diagnosis",
    )
}

//! The words of 特困人员救助供养 (tekun): its criteria, steps, reasons and labels (the
//! care tiers, the supporters' situations).

use crate::household::{DisabilityKind, SelfCare, Supporter, SupporterSituation};
use crate::household::{MemberName, Person};
use crate::outcome::Text;
use crate::policy::{Basis, Place};
use crate::rounding;
use crate::tekun::CareTier;
use crate::InputError;
use rust_decimal::Decimal;

/// Why a member has no labour capacity (民发〔2021〕43号 第十条).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NoLabourWhy {
    /// Aged `age`, at least the `elderly` age.
    Elderly { age: u32, elderly: Decimal },
    /// Aged `age`, under the `child` age.
    Child { age: u32, child: Decimal },
    /// A disability of a kind and grade that takes the labour capacity away; `read_as_physical`
    /// is the basis of reading a multiple disability like a physical one, where it was.
    Disabled {
        kind: DisabilityKind,
        grade: u8,
        read_as_physical: Option<Basis>,
    },
    /// A tekun minor or student, who keeps support.
    TekunMinorOrStudent,
}

/// What the answers about a member's legal supporters show.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Supporters<'a> {
    /// Not given yet.
    NotGiven,
    /// No legal supporter.
    NoSupporter,
    /// Supporters, none of them able (their situations, with the ages in force).
    NoneAble {
        list: &'a [Supporter],
        dibao_elderly_age: Decimal,
        elderly_age: Decimal,
    },
    /// Supporters, some of them able.
    SomeAble(&'a [Supporter]),
    /// Not given, but a legal supporter who is able lives in the household (their label).
    InHousehold(&'a Person<'a>),
}

/// A care tier's name.
pub(crate) fn care_tier(tier: CareTier) -> Text {
    match tier {
        CareTier::SelfCare => Text::new("全自理", "fully self-caring"),
        CareTier::Partial => Text::new("半护理", "partial care"),
        CareTier::Full => Text::new("全护理", "full care"),
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

pub(crate) fn no_labour_criterion() -> Text {
    Text::new("无劳动能力", "no labour capacity")
}

pub(crate) fn no_labour(why: NoLabourWhy) -> Text {
    match why {
        NoLabourWhy::Elderly { age, elderly } => Text::new(
            format!("{age}周岁，{elderly}周岁以上"),
            format!("aged {age}, {elderly} or over"),
        ),
        NoLabourWhy::Child { age, child } => Text::new(
            format!("{age}周岁，未满{child}周岁"),
            format!("aged {age}, under {child}"),
        ),
        NoLabourWhy::Disabled {
            kind,
            grade,
            read_as_physical,
        } => {
            let (zh_note, en_note) = match read_as_physical {
                Some(basis) => (
                    format!("（按肢体残疾对待，属{}）", crate::labels::basis(basis).zh),
                    format!(
                        " (read like a physical one: {})",
                        crate::labels::basis(basis).en
                    ),
                ),
                None => (String::new(), String::new()),
            };
            Text::new(
                format!("{}{grade}级残疾{zh_note}", kind.zh()),
                format!(
                    "grade {grade} {} disability{en_note}",
                    disability_kind_en(kind)
                ),
            )
        }
        NoLabourWhy::TekunMinorOrStudent => Text::new(
            "已是特困人员的未成年人或在读学生，继续享受",
            "a tekun minor or student, who keeps support",
        ),
    }
}

/// A member of working age without a disability that takes the labour capacity away:
/// the ages and grades the rules looked at.
pub(crate) fn labour_capacity(
    age: u32,
    child: Decimal,
    elderly: Decimal,
    intellectual_mental: Decimal,
    physical: Decimal,
    visual: Decimal,
) -> Text {
    let oldest = elderly - Decimal::ONE;
    Text::new(
        format!(
            "{age}周岁（{child}至{oldest}周岁），且不是智力、精神1–{intellectual_mental}级，肢体1–{physical}级或视力1–{visual}级残疾"
        ),
        format!(
            "aged {age} ({child} to {oldest}), without a grade 1–{intellectual_mental} intellectual or mental, grade 1–{physical} physical or grade 1–{visual} visual disability"
        ),
    )
}

pub(crate) fn no_income_criterion() -> Text {
    Text::new(
        "无生活来源：本人收入低于低保标准",
        "no source of living: own income below the dibao standard",
    )
}

/// The member's own counted income against the monthly standard, with enough decimals
/// that "below" and "not below" never read false.
pub(crate) fn no_income_detail(
    own_yearly: Decimal,
    standard_monthly: Decimal,
    below: bool,
) -> Text {
    // The same words as the single-person route's own income.
    super::single_person::own_income_detail(own_yearly / Decimal::from(12), standard_monthly, below)
}

pub(crate) fn property_criterion() -> Text {
    Text::new(
        "本人财产符合特困人员财产规定",
        "own property within the tekun rules",
    )
}

/// What was said of the member's own property: yes, no, or nothing yet.
pub(crate) fn property_detail(said: Option<bool>) -> Text {
    match said {
        Some(true) => Text::new("您填写了“符合”", "you said it is"),
        Some(false) => Text::new("您填写了“不符合”", "you said it is not"),
        None => not_given(),
    }
}

fn not_given() -> Text {
    Text::new("尚未填写", "not given yet")
}

pub(crate) fn property_missing() -> Text {
    Text::new(
        "本人财产是否符合特困人员财产规定",
        "whether the person's own property is within the tekun rules",
    )
}

pub(crate) fn supporters_criterion() -> Text {
    Text::new(
        "无法定赡养、抚养、扶养义务人，或义务人无履行能力",
        "no legal supporter, or none able to support",
    )
}

pub(crate) fn supporters_missing() -> Text {
    Text::new(
        "法定赡养、抚养、扶养义务人（子女、配偶、父母等）及其情况",
        "the legal supporters (children, spouse, parents) and their situation",
    )
}

/// What the supporters' answers show: none given, none, none able (their situations),
/// or who is able (by name, or "义务人2" where no name was given).
pub(crate) fn supporters_detail(supporters: Supporters) -> Text {
    match supporters {
        Supporters::NotGiven => not_given(),
        Supporters::NoSupporter => Text::new("没有法定义务人", "no legal supporter"),
        Supporters::InHousehold(supporter) => {
            let label = supporter.label();
            Text::new(
                format!("同住的{}是法定义务人，按填写的年龄和情况有履行义务的能力（如果不是这样，请填写义务人的情况）", label.zh),
                format!("{}, who lives here, is a legal supporter and, by the age and situation given, able to support (if not, give the supporters' situation)", label.en),
            )
        }
        Supporters::NoneAble {
            list,
            dibao_elderly_age,
            elderly_age,
        } => {
            let situations: Vec<Text> = list
                .iter()
                .map(|supporter| {
                    situation_text(supporter.situation, dibao_elderly_age, elderly_age)
                })
                .collect();
            let zh: Vec<&str> = situations.iter().map(|text| text.zh.as_ref()).collect();
            let en: Vec<&str> = situations.iter().map(|text| text.en.as_ref()).collect();
            Text::new(
                format!("义务人均无履行能力：{}", zh.join("、")),
                format!("no supporter is able: {}", en.join(", ")),
            )
        }
        Supporters::SomeAble(list) => {
            // (Chinese, English): the name given, or "义务人2" / "Supporter 2".
            let able: Vec<(String, String)> = list
                .iter()
                .enumerate()
                .filter(|(_, supporter)| supporter.situation == SupporterSituation::Able)
                .map(|(index, supporter)| {
                    if supporter.name.trim().is_empty() {
                        (
                            format!("义务人{}", index + 1),
                            format!("Supporter {}", index + 1),
                        )
                    } else {
                        let name = supporter.name.trim().to_string();
                        (name.clone(), name)
                    }
                })
                .collect();
            let zh: Vec<&str> = able.iter().map(|(zh, _)| zh.as_str()).collect();
            let en: Vec<&str> = able.iter().map(|(_, en)| en.as_str()).collect();
            Text::new(
                format!("{} 有履行义务的能力", zh.join("、")),
                format!("{} can support", en.join(", ")),
            )
        }
    }
}

/// Why a member is not eligible: `marked` when the input says they are tekun now (then
/// the estimate counts them in the dibao household, and says so plainly).
pub(crate) fn not_eligible(label: &MemberName, marked: bool) -> Text {
    let (label_zh, label_en) = (&label.zh, &label.en);
    if marked {
        Text::new(
            format!(
                "{label_zh}被标记为特困人员，但按上面的条件，规则认为不符合特困人员条件；本次按低保家庭成员计算，其收入计入家庭收入。请核实特困身份或所填情况"
            ),
            format!(
                "{label_en} is marked as a tekun person, but by the conditions above the rules find them not eligible; this estimate counts them, with their income, in the dibao household. Please check the tekun status or the answers"
            ),
        )
    } else {
        Text::new(
            "不符合特困人员条件；如家庭困难，可看低保或临时救助",
            "Not eligible as a tekun person; if the family is in hardship, see dibao or temporary assistance",
        )
    }
}

/// The basic living standard: the published figure against 1.3 × the dibao standard,
/// rounded up.
pub(crate) fn basic_step(
    amount: Decimal,
    published: Decimal,
    multiple: Decimal,
    standard_monthly: Decimal,
    exact_floor: Decimal,
    floor: Decimal,
) -> (Text, String) {
    let standard = rounding::for_display(standard_monthly);
    let shown_floor = rounding::for_display(exact_floor);
    (
        Text::new(
            format!(
                "基本生活标准：每人每月 {amount} 元（不低于低保标准 {standard} 元的 {multiple} 倍）"
            ),
            format!(
                "Basic living standard: {amount} yuan a month (at least {multiple} × the dibao standard of {standard})"
            ),
        ),
        format!(
            "{multiple} × {standard} {} {shown_floor} → {floor}; max({published}, {floor}) = {amount}",
            rounding::equals_sign(exact_floor),
        ),
    )
}

/// The six-item assessment and the care tier it gives.
pub(crate) fn self_care_step(
    items: &SelfCare,
    tier: CareTier,
    partial_min: Decimal,
    full_min: Decimal,
) -> (Text, String) {
    let lost: Vec<&str> = items
        .items()
        .iter()
        .filter(|(_, _, can)| !can)
        .map(|(zh, _, _)| *zh)
        .collect();
    let label = care_tier(tier);
    let lost_text = if lost.is_empty() {
        "六项均能自主完成".to_string()
    } else {
        format!("不能自主完成 {} 项：{}", lost.len(), lost.join("、"))
    };
    let partial_max = full_min - Decimal::ONE;
    (
        Text::new(
            format!(
                "生活自理能力评估：{lost_text}，评为{}（{partial_min}–{partial_max} 项不能完成为半护理，{full_min} 项以上为全护理）",
                label.zh,
            ),
            format!(
                "Self-care assessment: {} of 6 items not met: {} ({partial_min}–{partial_max} items: partial care; {full_min} or more: full care)",
                lost.len(),
                label.en,
            ),
        ),
        match tier {
            CareTier::SelfCare => format!("{} < {partial_min}", lost.len()),
            CareTier::Partial => format!("{partial_min} ≤ {} < {full_min}", lost.len()),
            CareTier::Full => format!("{} ≥ {full_min}", lost.len()),
        },
    )
}

/// "2250 × 0.10 = 225 → 225": the wage, the rate, the product and its rounding.
fn care_formula(wage: Decimal, rate: Decimal, amount: Decimal) -> String {
    format!("{wage} × {rate} = {} → {amount}", (rate * wage).normalize())
}

/// The care standard of the tier: the minimum wage that sets it (the county's class, or
/// the city's lowest) × the tier's rate.
pub(crate) fn care_step(
    place: &Place,
    county_class: bool,
    class: Decimal,
    wage: Decimal,
    rate: Decimal,
    amount: Decimal,
) -> (Text, String) {
    let class = class.normalize();
    let whose = if county_class {
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
    (
        Text::new(
            format!(
                "照料护理标准：{}月最低工资 {wage} 元 × {rate} = {amount} 元",
                whose.zh
            ),
            format!(
                "Care standard: the minimum wage of {} {wage} × {rate} = {amount} yuan",
                whose.en
            ),
        ),
        care_formula(wage, rate, amount),
    )
}

/// The care standard before the six items are assessed: from 全自理 to 全护理.
pub(crate) fn care_range_step(
    wage: Decimal,
    least_rate: Decimal,
    least: Decimal,
    most_rate: Decimal,
    most: Decimal,
) -> (Text, String) {
    (
        Text::new(
            format!(
                "照料护理标准：生活自理能力六项尚未评估，在全自理 {least} 元与全护理 {most} 元之间"
            ),
            format!(
                "Care standard: the six items are not assessed yet; between {least} (fully self-caring) and {most} (full care)"
            ),
        ),
        format!(
            "{}; {}",
            care_formula(wage, least_rate, least),
            care_formula(wage, most_rate, most)
        ),
    )
}

pub(crate) fn care_range_note() -> Text {
    Text::new(
        "护理等级未定：做生活自理能力六项评估后确定",
        "the care tier is not set yet: the six-item self-care assessment sets it",
    )
}

pub(crate) fn self_care_missing() -> Text {
    Text::new(
        "生活自理能力六项（吃饭、穿衣、上下床、如厕、室内行走、洗澡）：决定照料护理标准",
        "the six self-care items (eating, dressing, getting in and out of bed, toileting, walking indoors, bathing): they set the care standard",
    )
}

/// Tekun support a month and a year: one figure, or a range by care tier.
pub(crate) fn total_step(monthly: Decimal, range: Option<(Decimal, Decimal)>) -> (Text, String) {
    let twelve = Decimal::from(12);
    match range {
        Some((min, max)) => (
            Text::new(
                format!("特困供养每月 {min}–{max} 元（视护理等级）"),
                format!("Tekun support: {min}–{max} yuan a month, by care tier"),
            ),
            format!(
                "{min} × 12 = {} … {max} × 12 = {}",
                min * twelve,
                max * twelve
            ),
        ),
        None => (
            Text::new(
                format!("特困供养每月合计 {monthly} 元"),
                format!("Tekun support in total: {monthly} yuan a month"),
            ),
            format!("{monthly} × 12 = {}", monthly * twelve),
        ),
    }
}

/// What the member may get: `eligible`, or only if the missing information confirms it.
pub(crate) fn reason(
    label: &MemberName,
    eligible: bool,
    monthly: Decimal,
    range: Option<(Decimal, Decimal)>,
) -> Text {
    let (label_zh, label_en) = (&label.zh, &label.en);
    match (eligible, range) {
        (true, Some((min, max))) => Text::new(
            format!("{label_zh}可能符合特困人员条件，每月约 {min}–{max} 元（基本生活 + 照料护理，护理等级待评估）"),
            format!("{label_en} may qualify as a tekun person: about {min}–{max} yuan a month (basic living + care; the care tier is still to be assessed)"),
        ),
        (true, None) => Text::new(
            format!("{label_zh}可能符合特困人员条件，每月约 {monthly} 元（基本生活 + 照料护理）"),
            format!("{label_en} may qualify as a tekun person: about {monthly} yuan a month (basic living + care)"),
        ),
        (false, _) => {
            let amount = range.map_or(monthly.to_string(), |(min, max)| format!("{min}–{max}"));
            Text::new(
                format!("如果{label_zh}符合特困人员条件，每月约 {amount} 元；还需要补充下面的信息"),
                format!("If {label_en} qualifies as a tekun person, about {amount} yuan a month; the information below is still needed"),
            )
        }
    }
}

pub(crate) fn how_to_apply() -> Text {
    Text::new(
        "本人或委托村（居）委会向镇（街道）申请；带身份证、户口簿、残疾证或诊断证明、义务人情况说明；可选择分散供养或到供养服务机构集中供养",
        "Apply at the township or street office (the village or community committee can apply for you); bring ID, the household register, any disability certificate or diagnosis, and a statement on the supporters; support can be at home or in a care home",
    )
}

/// No county has a minimum-wage class (a bug in policies/).
pub(crate) fn no_wage_class() -> InputError {
    InputError::new(
        "policies".into(),
        "没有县区的最低工资类区（程序错误，请报告）".into(),
        "no county has a minimum-wage class (a bug; please report it)".into(),
    )
}

/// No minimum wage for a class (a bug in policies/).
pub(crate) fn no_wage_for_class(class: Decimal) -> InputError {
    InputError::new(
        "policies".into(),
        format!("没有第 {class} 类区的最低工资（程序错误，请报告）"),
        format!("no minimum wage for class {class} (a bug; please report it)"),
    )
}

//! The words of the one-minute check (quick.rs): what every reading assumes, what was not
//! asked and would change the answer, where heavy spending leads, and the answers' own
//! messages.

use crate::policy::clause;
use crate::quick::{Open, Spending};
use crate::Text;

pub(crate) fn range(low: rust_decimal::Decimal, high: rust_decimal::Decimal) -> Text {
    let (low, high) = (low.normalize(), high.normalize());
    if low == high {
        Text::new(format!("约 {low} 元"), format!("about {low} yuan"))
    } else {
        Text::new(format!("{low}–{high} 元"), format!("{low}–{high} yuan"))
    }
}

pub(crate) fn people_error(max: usize) -> (String, String) {
    (
        format!("请填家里共同生活的人数：1 到 {max} 之间的整数"),
        format!("Enter how many people live together: a whole number from 1 to {max}"),
    )
}

pub(crate) fn income_error(max: i64) -> (String, String) {
    (
        format!("请填全家每月的收入：0 到 {max} 元之间的金额"),
        format!("Enter the family's income a month: an amount from 0 to {max} yuan"),
    )
}

pub(crate) fn anyone_error() -> (String, String) {
    (
        "一个人不能既是70岁以上又未满18岁：勾选这两项，家里至少要有 2 人".into(),
        "One person cannot be both 70 or over and under 18: with both ticked, the family has at least 2 people".into(),
    )
}

pub(crate) fn income_assumed() -> Text {
    Text::new(
        "收入：按您填的全家月收入全部计入估算。有些收入不计入（如城乡居民基础养老金），有工作的人还可扣除必要的就业成本，所以实际可能比这里多。",
        "Income: all of the family's monthly income you gave is counted here. Some income is not counted (the residents' basic pension, for one), and those who work may have necessary work costs deducted, so the real amount may be higher.",
    )
}

pub(crate) fn property_assumed() -> Text {
    Text::new(
        "财产：按家庭财产符合当地规定估算；不符合的，不能享受低保和特困供养。",
        "Property: the family's property is taken to be within the local limits; a family above them cannot have dibao or tekun support.",
    )
}

pub(crate) fn one_each_assumed() -> Text {
    Text::new(
        "人：您勾选的每种情况按一人估算（也可能是同一个人）；如果有几个人，按人加发的钱会更多。",
        "People: each situation you ticked is taken as one person (or the same person); where several people are in it, the top-ups paid per person add up to more.",
    )
}

/// What was not asked and changes a programme's answer or amount.
pub(crate) fn open(which: Open) -> Text {
    match which {
        Open::Supporters => Text::new(
            "要看老人、孩子或残疾人有没有有能力的赡养、抚养或扶养人（子女、父母、配偶）",
            "It depends on whether the old, young or disabled member has a supporter able to support them (children, parents, spouse)",
        ),
        Open::WhoIsWhich => Text::new(
            "要看您勾选的情况是一个人还是几个人",
            "It depends on whether the situations you ticked are one person's or several people's",
        ),
        Open::SelfCare => Text::new(
            "要看生活自理能力：吃饭、穿衣、上下床、如厕、室内行走、洗澡六项中有几项做不到，它决定护理补贴",
            "It depends on self-care: how many of eating, dressing, getting in and out of bed, toileting, walking indoors and bathing the person cannot do, which sets the care allowance",
        ),
        Open::RuralTier => Text::new(
            "农村低保按档次发放，档次由乡镇（街道）评定",
            "Rural dibao is paid by tier, which the township (street) office assesses",
        ),
    }
}

/// Where heavy spending on illness or schooling leads (52号 二(五)).
pub(crate) fn heavy_spending(spending: Spending) -> Vec<Text> {
    let mut out = Vec::new();
    if spending.illness {
        out.push(Text::new(
            "看病花费大：可以向县区医疗保障部门咨询、申请医疗救助（专项救助）。",
            "Heavy spending on illness: you can ask the county's healthcare security office about medical assistance (special assistance) and apply for it.",
        ));
    }
    if spending.schooling {
        out.push(Text::new(
            "上学花费大：可以向学校或县区教育部门咨询、申请教育救助（专项救助）。",
            "Heavy spending on schooling: you can ask the school or the county's education office about education assistance (special assistance) and apply for it.",
        ));
    }
    out.push(Text::new(
        format!(
            "基本生活因此出现严重困难的，可以向乡镇（街道）申请临时救助，也可以拨打 12345 咨询。依据：{}。",
            clause::QUICK_HEAVY_SPENDING.text
        ),
        format!(
            "Where this puts the family's basic living in serious difficulty, you can apply to the township (street) office for temporary assistance, or call 12345 to ask. Basis: {}.",
            clause::QUICK_HEAVY_SPENDING.text_en
        ),
    ));
    out
}

pub(crate) fn disclaimer() -> Text {
    Text::new(
        "这是初步判断，不是决定：申请后，乡镇（街道）核对家庭的人口、收入和财产后才能确定。要算得更准，请补充每个人的情况。",
        "This is a first answer, not a decision: the township (street) office decides after checking the family's members, income and property. For a closer answer, tell us about each person.",
    )
}

//! The words of 临时救助 (temporary assistance): guidance only.

use crate::outcome::Text;
use crate::rounding;
use rust_decimal::Decimal;

pub(crate) fn emergency_criterion() -> Text {
    Text::new(
        "因病、因灾、因意外等导致基本生活出现严重困难",
        "a sudden illness, disaster or accident that leaves basic needs unmet",
    )
}

pub(crate) fn emergency_detail() -> Text {
    Text::new(
        "按具体困难审核，计算器不估算金额；有特殊重大困难的，可“一事一议”加大救助力度",
        "decided on the hardship; the calculator estimates no amount; for special, major hardship the office can decide case by case to give more",
    )
}

pub(crate) fn where_to_apply() -> Text {
    Text::new(
        "遇到急难可在急难发生地直接申请临时救助，不受户籍限制；小额救助可先行发放",
        "In an emergency, apply for temporary assistance where it happens, whatever your household registration; small sums can be paid first",
    )
}

pub(crate) fn whom_to_call() -> Text {
    Text::new(
        "拨打 12345 政务服务热线（社会救助模块），或到镇（街道）、村（社区）求助；带身份证和能说明困难的材料（诊断、事故或受灾证明）",
        "Call the 12345 hotline (social assistance), or go to the township or street office or the village or community committee; bring ID and papers showing the hardship (diagnosis, accident or disaster report)",
    )
}

/// What the family's unavoidable spending leaves it, against the dibao standard.
pub(crate) fn rigid_spending(
    spending: Decimal,
    left_per_person: Decimal,
    standard_monthly: Decimal,
    strained: bool,
) -> Text {
    let spending = rounding::for_display(spending);
    let (left, standard) = rounding::for_display_pair(left_per_person, standard_monthly);
    if strained {
        Text::new(
            format!("家庭每月必需的自付支出 {spending} 元，扣除后人均每月 {left} 元，低于低保标准 {standard} 元：按本计算器的理解，可能属于刚性支出较大导致基本生活出现严重困难的情况，可以申请医疗、教育等专项救助或临时救助（汉民发〔2021〕52号 二(五)）"),
            format!("The family pays {spending} yuan a month of unavoidable spending; what is left is {left} yuan per person a month, below the dibao standard of {standard} yuan: as this calculator reads the rules, this may be large unavoidable spending that leaves basic living in serious difficulty, for which the family can apply for special (medical, education) or temporary assistance (汉民发〔2021〕52号 II(5))"),
        )
    } else {
        Text::new(
            format!("家庭每月必需的自付支出 {spending} 元，扣除后人均每月 {left} 元，不低于低保标准 {standard} 元：按本计算器的理解，这笔支出本身还不足以说明基本生活出现严重困难（汉民发〔2021〕52号 二(五)）"),
            format!("The family pays {spending} yuan a month of unavoidable spending; what is left is {left} yuan per person a month, not below the dibao standard of {standard} yuan: as this calculator reads the rules, the spending alone does not show that basic living is in serious difficulty (汉民发〔2021〕52号 II(5))"),
        )
    }
}

pub(crate) fn special_assistance() -> Text {
    Text::new(
        "因看病、上学等必需支出过大而生活困难的，带上费用票据、诊断或就学证明，到镇（街道）申请医疗救助、教育救助或临时救助",
        "If treatment, schooling or other unavoidable spending leaves the family short, take the receipts and the diagnosis or school papers to the township or street office and apply for medical, education or temporary assistance",
    )
}

/// The trace step: income less the spending, per person, against the standard.
pub(crate) fn rigid_spending_step(
    income_monthly: Decimal,
    spending: Decimal,
    members: usize,
    left_per_person: Decimal,
    standard_monthly: Decimal,
) -> (Text, String) {
    let (left, standard) = rounding::for_display_pair(left_per_person, standard_monthly);
    let exact = (income_monthly - spending) / Decimal::from(members.max(1));
    (
        Text::new(
            "刚性支出：计入收入减去每月必需的自付支出，按人均与低保标准比较",
            "Unavoidable spending: counted income less what the family pays itself each month, per person, against the dibao standard",
        ),
        format!(
            "({} − {}) ÷ {members} {} {left} {} {standard}",
            rounding::for_display(income_monthly),
            rounding::for_display(spending),
            rounding::equals_sign(exact),
            if left_per_person < standard_monthly { "<" } else { "≥" },
        ),
    )
}

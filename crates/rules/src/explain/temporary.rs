//! The words of 临时救助 (temporary assistance): guidance only.

use crate::outcome::Text;

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

//! The words of what an assessment says beside the programmes: input it could not use as
//! given, and the next steps for every household.

use crate::household::MemberName;
use crate::outcome::Text;
use rust_decimal::Decimal;

/// A disease name not on the list of serious diseases, with the closest listed names
/// (none when nothing is close), each as (Chinese, English).
pub(crate) fn unlisted_disease(label: &MemberName, name: &str, closest: &[(&str, &str)]) -> Text {
    let (label_zh, label_en) = (&label.zh, &label.en);
    let (zh, en) = if closest.is_empty() {
        (
            "请从目录中选择病种；目录外的重病可带诊断证明向镇（街道）咨询".to_string(),
            "choose a disease from the list; for a serious illness not on it, ask the township office with the diagnosis".to_string(),
        )
    } else {
        let zh: Vec<&str> = closest.iter().map(|(zh, _)| *zh).collect();
        let en: Vec<&str> = closest.iter().map(|(_, en)| *en).collect();
        (
            format!("目录中相近的病种：{}", zh.join("、")),
            format!("close names on the list: {}", en.join(", ")),
        )
    };
    Text::new(
        format!(
            "{label_zh}填写的病种“{name}”不在大病专项救治病种目录中，本次没有按重病患者计算。{zh}"
        ),
        format!(
            "{label_en}'s illness \"{name}\" is not on the list of serious diseases, so it was not counted as a serious illness; {en}"
        ),
    )
}

/// 二(四): how to apply.
pub(crate) fn how_to_apply() -> Text {
    Text::new(
        "怎么申请：通过“e救助”微信公众号在网上申请，或到户籍所在地（或居住证所在地）的镇人民政府（街道办事处）申请；自己不方便的，村（居）委会可以代为申请（汉民发〔2021〕52号 二(四)）",
        "How to apply: online through the “e救助” (e-Jiuzhu, “e-assistance”) WeChat service, or at the township (street) office where your household is registered or where you hold a residence permit; if that is hard for you, the village or community committee can apply on your behalf (汉民发〔2021〕52号 II(4))",
    )
}

/// 二(四): the 12345 hotline.
pub(crate) fn hotline() -> Text {
    Text::new(
        "可以拨打 12345 政务服务热线，其中有社会救助服务，可以咨询、求助或反映问题（汉民发〔2021〕52号 二(四)）",
        "You can call the 12345 government service hotline, which has a social-assistance line, to ask, seek help or raise a problem (汉民发〔2021〕52号 II(4))",
    )
}

/// 二(八): the check of income and property.
pub(crate) fn checks() -> Text {
    Text::new(
        "申请后，经您书面授权，民政部门会核对家庭的收入和财产（存款、房产、车辆、社保等），请如实说明（汉民发〔2021〕52号 二(八)）",
        "After you apply, and with your written authorisation, the civil affairs office checks the family's income and property (savings, homes, vehicles, social insurance); please state them truthfully (汉民发〔2021〕52号 II(8))",
    )
}

/// 二(七): care services for those who cannot look after themselves.
pub(crate) fn care_services() -> Text {
    Text::new(
        "家中有生活不能自理的老人、未成年人或残疾人的，可以申请上门访视、照料等服务（汉民发〔2021〕52号 二(七)）",
        "Where an older person, a child or a disabled person in the family cannot look after themselves, ask for home visits and care services (汉民发〔2021〕52号 II(7))",
    )
}

/// A minor with nobody able to support them: the support for orphans and de-facto
/// unsupported children, which the calculator does not compute.
pub(crate) fn unsupported_child(label: &MemberName, minor_age: Decimal) -> Text {
    let (label_zh, label_en) = (&label.zh, &label.en);
    Text::new(
        format!(
            "{label_zh}未满{minor_age}周岁，没有能履行抚养义务的人：还可以咨询孤儿基本生活保障或事实无人抚养儿童保障（本计算器不计算这两项，请向镇（街道）或县区民政局咨询）"
        ),
        format!(
            "{label_en} is under {minor_age} with nobody able to support them: ask also about the basic living support for orphans or for de-facto unsupported children (not computed here; ask the township office or the county civil affairs bureau)"
        ),
    )
}

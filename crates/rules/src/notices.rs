//! What the assessment says beside the programmes: input it could not use as given (a
//! disease name not on the list, with the closest listed names), and the next steps the
//! seed offers every household (二(四), 二(七), 二(八)).

use crate::household::SupporterSituation;
use crate::outcome::{Outcome, Programme, Status, Text};
use crate::policy::id;
use crate::{Ctx, InputError, Notice};
use rust_decimal::Decimal;

/// How many listed names a notice offers at most.
const CLOSEST: usize = 3;

/// Notices about the input.
pub(crate) fn of(ctx: &Ctx) -> Result<Vec<Notice>, InputError> {
    let mut notices = Vec::new();
    for person in &ctx.facts.people {
        let Some(name) = &person.member.serious_illness else {
            continue;
        };
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let list = ctx.params.list("serious_disease")?;
        if list.items.contains(&name) {
            continue;
        }
        let closest = closest_names(name, list.items);
        let (zh, en) = if closest.is_empty() {
            (
                "请从目录中选择病种；目录外的重病可带诊断证明向镇（街道）咨询".to_string(),
                "choose a disease from the list; for a serious illness not on it, ask the township office with the diagnosis".to_string(),
            )
        } else {
            (
                format!("目录中相近的病种：{}", closest.join("、")),
                format!("close names on the list: {}", closest.join(", ")),
            )
        };
        notices.push(Notice {
            field: format!("members[{}].serious_illness", person.index),
            text: Text::new(
                format!(
                    "{}填写的病种“{name}”不在大病专项救治病种目录中，本次没有按重病患者计算。{zh}",
                    person.label
                ),
                format!(
                    "{}'s illness \"{name}\" is not on the list of serious diseases, so it was not counted as a serious illness; {en}",
                    person.label
                ),
            ),
        });
    }
    Ok(notices)
}

/// The listed names closest to `name`: those containing it or contained in it first, then
/// those sharing the most characters (at least two), at most [`CLOSEST`].
pub fn closest_names(name: &str, items: &[&'static str]) -> Vec<&'static str> {
    let wanted: Vec<char> = {
        let mut chars: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    };
    let mut scored: Vec<(usize, &'static str)> = items
        .iter()
        .map(|item| {
            let shared = wanted.iter().filter(|c| item.contains(**c)).count();
            let contains = item.contains(name) || name.contains(item);
            (if contains { 100 + shared } else { shared }, *item)
        })
        .filter(|(score, _)| *score >= 2)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(CLOSEST)
        .map(|(_, item)| item)
        .collect()
}

/// The next steps for the household.
pub(crate) fn next_steps(ctx: &Ctx, programmes: &[Outcome]) -> Result<Vec<Text>, InputError> {
    let mut steps = vec![
        Text::new(
            "怎么申请：通过“e救助”微信公众号在网上申请，或到户籍所在地（或居住证所在地）的镇人民政府（街道办事处）申请；自己不方便的，村（居）委会可以代为申请（汉民发〔2021〕52号 二(四)）",
            "How to apply: online through the \"e救助\" WeChat service, or at the township (street) office where your household is registered or where you hold a residence permit; if that is hard for you, the village or community committee can apply on your behalf (汉民发〔2021〕52号 二(四))",
        ),
        Text::new(
            "可以拨打 12345 政务服务热线，其中有社会救助服务，可以咨询、求助或反映问题（二(四)）",
            "You can call the 12345 government service hotline, which has a social-assistance line, to ask, seek help or raise a problem (二(四))",
        ),
        Text::new(
            "申请后，经您书面授权，民政部门会核对家庭的收入和财产（存款、房产、车辆、社保等），请如实说明（二(八)）",
            "After you apply, and with your written authorisation, the civil affairs office checks the family's income and property (savings, homes, vehicles, social insurance); please state them truthfully (二(八))",
        ),
    ];
    let tekun_eligible = programmes
        .iter()
        .any(|outcome| outcome.programme == Programme::Tekun && outcome.status == Status::Eligible);
    let mut needs_care = tekun_eligible;
    for person in &ctx.facts.people {
        if let Some(items) = person.member.self_care {
            needs_care |= items.items().iter().any(|(_, _, can)| !can);
        }
    }
    if needs_care {
        steps.push(Text::new(
            "家中有生活不能自理的老人、未成年人或残疾人的，可以申请上门访视、照料等服务（汉民发〔2021〕52号 二(七)）",
            "Where an older person, a child or a disabled person in the family cannot look after themselves, ask for home visits and care services (汉民发〔2021〕52号 二(七))",
        ));
    }
    let minor_age = ctx.value(id::TEKUN_MINOR_AGE)?;
    for person in &ctx.facts.people {
        let no_able_supporter = person.member.supporters.as_ref().is_some_and(|list| {
            list.iter()
                .all(|supporter| supporter.situation != SupporterSituation::Able)
        });
        if Decimal::from(person.age) < minor_age && no_able_supporter {
            steps.push(Text::new(
                format!(
                    "{}未满{minor_age}周岁，没有能履行抚养义务的人：还可以咨询孤儿基本生活保障或事实无人抚养儿童保障（本计算器不计算这两项，请向镇（街道）或县区民政局咨询）",
                    person.label
                ),
                format!(
                    "{} is under {minor_age} with nobody able to support them: ask also about the basic living support for orphans or for de-facto unsupported children (not computed here; ask the township office or the county civil affairs bureau)",
                    person.label
                ),
            ));
        }
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::closest_names;

    #[test]
    fn a_longer_name_finds_the_listed_one_inside_it() {
        let items = ["肺癌", "肝癌", "胃癌", "儿童白血病"];
        assert_eq!(closest_names("肺癌晚期", &items)[0], "肺癌");
        assert_eq!(closest_names("白血病", &items)[0], "儿童白血病");
        assert!(closest_names("感冒", &items).is_empty());
    }
}

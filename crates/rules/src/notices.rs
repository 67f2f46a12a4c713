//! What the assessment says beside the programmes: input it could not use as given (a
//! disease name not on the list, with the closest listed names), and the next steps the
//! seed offers every household (二(四), 二(七), 二(八)).

use crate::explain::notices as say;
use crate::household::SupporterSituation;
use crate::outcome::{Outcome, Programme, Status, Text};
use crate::policy::id;
use crate::{Ctx, InputError, Notice};
use rust_decimal::Decimal;

/// How many listed names a notice offers at most.
const CLOSEST: usize = 3;

/// Notices about the input: a serious illness given by a name not on the list of serious
/// diseases is not counted as one (facts.rs), and the notice says so at the field, with
/// the closest listed names.
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
        notices.push(Notice {
            field: format!("members[{}].serious_illness", person.index),
            text: ctx.say(|| {
                // The closest names in Chinese and, where the list has them, in English.
                let closest: Vec<(&str, &str)> = closest_names(name, list.items)
                    .into_iter()
                    .map(|item| {
                        let english = list
                            .items
                            .iter()
                            .position(|known| *known == item)
                            .and_then(|at| list.items_en.get(at))
                            .copied()
                            .unwrap_or(item);
                        (item, english)
                    })
                    .collect();
                say::unlisted_disease(&person.label(), name, &closest)
            }),
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

/// The next steps for the household: how to apply, the hotline and the check of income
/// and property (二(四), 二(八)) for everyone; care services (二(七)) where someone
/// cannot look after themselves or a member is eligible for tekun; and, for a minor with
/// no able supporter, the support for orphans and unsupported children.
pub(crate) fn next_steps(ctx: &Ctx, programmes: &[Outcome]) -> Result<Vec<Text>, InputError> {
    let minor_age = ctx.value(id::TEKUN_MINOR_AGE)?;
    // The next steps are words alone: an assessment of figures only has none (the age
    // above is still read, so that its figures not published are the same either way).
    if !ctx.options.text {
        return Ok(Vec::new());
    }
    let mut steps = Vec::new();
    ctx.write(&mut steps, say::how_to_apply);
    ctx.write(&mut steps, say::hotline);
    ctx.write(&mut steps, say::checks);
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
        ctx.write(&mut steps, say::care_services);
    }
    for person in &ctx.facts.people {
        let no_able_supporter = person.member.supporters.as_ref().is_some_and(|list| {
            list.iter()
                .all(|supporter| supporter.situation != SupporterSituation::Able)
        });
        if Decimal::from(person.age) < minor_age && no_able_supporter {
            ctx.write(&mut steps, || {
                say::unsupported_child(&person.label(), minor_age)
            });
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

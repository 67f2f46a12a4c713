//! Caseworker mode: scenarios A and B side by side, the total and each programme's
//! status and monthly amount. Both columns are the rules' own figures for each scenario;
//! the page subtracts nothing.

use super::basis_badge::basis_badge;
use crate::i18n::{self, Lang};
use doudi_rules::outcome::Outcome;
use doudi_rules::{Assessment, Decimal, Programme};
use yew::prelude::*;

/// An amount of one scenario, marked `data-compare="a:total_monthly"` (the scenario and
/// its path in that assessment) for the browser tests.
fn amount(scenario: &str, path: String, value: &Decimal) -> Html {
    html! { <span class="money" data-compare={format!("{scenario}:{path}")}>{ value.to_string() }</span> }
}

/// The programmes of both scenarios, each once: (programme, member) in A's order, then
/// those only B has.
fn rows<'a>(
    a: Option<&'a Assessment>,
    b: Option<&'a Assessment>,
) -> Vec<(Programme, Option<usize>, &'a Outcome)> {
    let mut rows: Vec<(Programme, Option<usize>, &Outcome)> = Vec::new();
    for outcome in [a, b]
        .into_iter()
        .flatten()
        .flat_map(|assessment| assessment.programmes.iter())
    {
        if !rows.iter().any(|(programme, member, _)| {
            *programme == outcome.programme && *member == outcome.member
        }) {
            rows.push((outcome.programme, outcome.member, outcome));
        }
    }
    rows
}

fn cell(
    lang: Lang,
    scenario: &str,
    assessment: Option<&Assessment>,
    programme: Programme,
    member: Option<usize>,
) -> Html {
    let Some(assessment) = assessment else {
        return html! { <td class="num">{ "—" }</td> };
    };
    let found = assessment
        .programmes
        .iter()
        .enumerate()
        .find(|(_, outcome)| outcome.programme == programme && outcome.member == member);
    match found {
        Some((at, outcome)) => html! {
            <td class="num" data-status={outcome.status.id()}>
                if let Some(monthly) = &outcome.monthly {
                    { amount(scenario, format!("programmes[{at}].monthly"), monthly) }
                } else {
                    { "—" }
                }
                <span class={format!("status {}", outcome.status.id())}>{ i18n::status(outcome.status).get(lang) }</span>
            </td>
        },
        None => html! { <td class="num">{ "—" }</td> },
    }
}

/// A view function (no state of its own). `None` for a scenario that cannot be
/// computed yet.
pub fn scenario_compare(lang: Lang, a: Option<&Assessment>, b: Option<&Assessment>) -> Html {
    let [name_a, name_b] = i18n::SCENARIO_NAMES.map(|name| name.get(lang));
    let total = |scenario: &str, assessment: Option<&Assessment>| match assessment {
        Some(assessment) => html! {
            <td class="num">
                { amount(scenario, "total_monthly".into(), &assessment.total_monthly) }
                { " " }{ basis_badge(assessment.total_basis, lang) }
            </td>
        },
        None => html! { <td class="num">{ i18n::NOT_COMPUTED.get(lang) }</td> },
    };
    html! {
        <section class="card compare" aria-labelledby="compare-title">
            <h3 id="compare-title">{ i18n::COMPARE.get(lang) }</h3>
            <p class="hint">{ i18n::COMPARE_HINT.get(lang) }</p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{ i18n::COMPARE_ITEM.get(lang) }</th>
                        <th scope="col" class="num">{ name_a }</th>
                        <th scope="col" class="num">{ name_b }</th>
                    </tr>
                </thead>
                <tbody>
                    <tr class="compare-total">
                        <th scope="row">{ i18n::TOTAL.get(lang) }</th>
                        { total("a", a) }
                        { total("b", b) }
                    </tr>
                    { for rows(a, b).into_iter().map(|(programme, member, outcome)| html! {
                        <tr data-programme={programme.id()}>
                            <th scope="row">
                                { lang.text(&outcome.title) }
                                if let Some(label) = &outcome.member_label {
                                    { " · " }{ label.clone() }
                                }
                            </th>
                            { cell(lang, "a", a, programme, member) }
                            { cell(lang, "b", b, programme, member) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

//! A gradual exit month by month.

use super::money;
use crate::i18n::{self, Lang};
use doudi_rules::Assessment;
use yew::prelude::*;

/// The timeline of the programme at `at` (a view function: no state of its own).
pub fn timeline(assessment: &Assessment, at: usize, lang: Lang) -> Html {
    let Some(outcome) = assessment.programmes.get(at) else {
        return html! {};
    };
    html! {
        <table class="timeline">
            <caption>{ i18n::TIMELINE.get(lang) }</caption>
            <thead><tr>
                <th scope="col">{ i18n::MONTH.get(lang) }</th>
                <th scope="col">{ i18n::YUAN_PER_MONTH.get(lang) }</th>
                <th scope="col">{ i18n::NOTE.get(lang) }</th>
            </tr></thead>
            <tbody>
                { for outcome.timeline.iter().enumerate().map(|(month_at, month)| html! {
                    <tr>
                        <th scope="row">{ month.month.clone() }</th>
                        <td class="num">{ money(&month.amount, format!("programmes[{at}].timeline[{month_at}].amount")) }</td>
                        <td>{ lang.text(&month.text) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

//! The doudi site. The app shows what the rules crate computes; it computes no amount.

pub mod js_api;

use doudi_rules::policy;
use yew::prelude::*;

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let rows: Vec<Html> = ["dibao.urban.standard", "dibao.rural.standard", "tekun.urban.basic", "tekun.rural.basic"]
        .iter()
        .filter_map(|id| policy::param(id))
        .filter_map(|param| param.entries.last().map(|entry| (param, entry)))
        .map(|(param, entry)| {
            html! {
                <li>
                    <strong>{ param.zh }</strong>{ "：" }
                    { entry.value.map(|value| value.to_string()).unwrap_or_default() }
                    <small>{ format!("（{} 起，{}）", entry.from, entry.source.document) }</small>
                </li>
            }
        })
        .collect();
    html! {
        <main>
            <h1>{ "兜底 · 汉中社会救助计算器" }</h1>
            <ul>{ for rows }</ul>
        </main>
    }
}

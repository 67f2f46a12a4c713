//! What if the income changed: the rules' curve of monthly support against household
//! monthly income, drawn as an inline SVG, with the dibao line, the marginal line and the
//! current income marked. The site only scales the rules' points to the drawing.

use super::{fill_html, money};
use crate::i18n::{self, Lang};
use doudi_rules::what_if::WhatIf;
use doudi_rules::Decimal;
use yew::prelude::*;

const LEFT: i64 = 48;
const TOP: i64 = 26;
const WIDTH: i64 = 296;
const HEIGHT: i64 = 150;

/// A drawing coordinate: presentation only, never shown as an amount.
fn scale(value: Decimal, max: Decimal, length: i64) -> Decimal {
    if max.is_zero() {
        return Decimal::ZERO;
    }
    (value.min(max).max(Decimal::ZERO) * Decimal::from(length) / max).round_dp(1)
}

/// The chart. `dibao_now`: dibao is expected now (the sentence then speaks of the
/// gradual exit).
pub fn what_if_chart(what_if: &WhatIf, lang: Lang, dibao_now: bool) -> Html {
    // The ends of the axes are points of the rules' curve: the last income and the
    // highest support (marked with their paths, as every amount is).
    let x_at = what_if.points.len().saturating_sub(1);
    let x_max = what_if
        .points
        .get(x_at)
        .map(|point| point.income)
        .unwrap_or(Decimal::ONE);
    let y_at = (0..what_if.points.len())
        .max_by_key(|&at| what_if.points[at].support)
        .filter(|&at| !what_if.points[at].support.is_zero());
    let y_max = y_at
        .map(|at| what_if.points[at].support)
        .unwrap_or(Decimal::ONE);
    let x = |income: Decimal| Decimal::from(LEFT) + scale(income, x_max, WIDTH);
    let y = |support: Decimal| Decimal::from(TOP + HEIGHT) - scale(support, y_max, HEIGHT);
    let line: Vec<String> = what_if
        .points
        .iter()
        .map(|point| format!("{},{}", x(point.income), y(point.support)))
        .collect();
    let bottom = TOP + HEIGHT;
    let marker = |income: Decimal, class: &'static str| {
        let at = x(income).to_string();
        html! { <line class={class} x1={at.clone()} x2={at} y1={TOP.to_string()} y2={bottom.to_string()} /> }
    };
    let sentence = if what_if.headroom > Decimal::ZERO {
        let template = if dibao_now {
            i18n::HEADROOM_EXIT
        } else {
            i18n::HEADROOM_STOP
        };
        fill_html(
            template.get(lang),
            vec![
                ("h", money(&what_if.headroom, "what_if.headroom".into())),
                (
                    "line",
                    money(&what_if.dibao_line, "what_if.dibao_line".into()),
                ),
            ],
        )
    } else {
        fill_html(
            i18n::ABOVE_LINE.get(lang),
            vec![
                (
                    "now",
                    money(&what_if.current_income, "what_if.current_income".into()),
                ),
                (
                    "line",
                    money(&what_if.dibao_line, "what_if.dibao_line".into()),
                ),
                (
                    "marginal",
                    money(&what_if.marginal_line, "what_if.marginal_line".into()),
                ),
            ],
        )
    };
    html! {
        <section class="card what-if" aria-labelledby="what-if-title">
            <h2 id="what-if-title">{ i18n::WHAT_IF.get(lang) }</h2>
            <p class="headroom">{ sentence }</p>
            <p class="hint">{ i18n::WHAT_IF_INTRO.get(lang) }</p>
            <svg viewBox="0 0 360 214" role="img" aria-labelledby="what-if-title what-if-desc" class="chart">
                <desc id="what-if-desc">{ i18n::WHAT_IF_INTRO.get(lang) }</desc>
                <line class="axis" x1={LEFT.to_string()} x2={(LEFT + WIDTH).to_string()} y1={bottom.to_string()} y2={bottom.to_string()} />
                <line class="axis" x1={LEFT.to_string()} x2={LEFT.to_string()} y1={TOP.to_string()} y2={bottom.to_string()} />
                { marker(what_if.dibao_line, "dibao-line") }
                { marker(what_if.marginal_line, "marginal-line") }
                { marker(what_if.current_income, "now-line") }
                <polyline class="curve" points={line.join(" ")} />
                if let Some(at) = y_at {
                    <text class="tick" x={(LEFT - 4).to_string()} y={(TOP + 4).to_string()} text-anchor="end"
                        data-money={format!("what_if.points[{at}].support")}>{ y_max.to_string() }</text>
                }
                <text class="tick" x={(LEFT - 4).to_string()} y={(bottom + 4).to_string()} text-anchor="end">{ "0" }</text>
                <text class="tick" x={LEFT.to_string()} y={(bottom + 16).to_string()} text-anchor="start">{ "0" }</text>
                <text class="tick" x={(LEFT + WIDTH).to_string()} y={(bottom + 16).to_string()} text-anchor="end"
                    data-money={format!("what_if.points[{x_at}].income")}>{ x_max.to_string() }</text>
                <text class="axis-label" x={(LEFT + WIDTH / 2).to_string()} y="210" text-anchor="middle">{ i18n::CHART_X.get(lang) }</text>
                <text class="axis-label" x={(LEFT - 4).to_string()} y={(TOP - 12).to_string()} text-anchor="start">{ i18n::CHART_Y.get(lang) }</text>
            </svg>
            <ul class="legend">
                <li><span class="swatch curve"></span>{ i18n::SUPPORT_COL.get(lang) }</li>
                <li><span class="swatch dibao-line"></span>{ fill_html(i18n::DIBAO_LINE.get(lang), vec![("v", money(&what_if.dibao_line, "what_if.dibao_line".into()))]) }</li>
                <li><span class="swatch marginal-line"></span>{ fill_html(i18n::MARGINAL_LINE.get(lang), vec![("v", money(&what_if.marginal_line, "what_if.marginal_line".into()))]) }</li>
                <li><span class="swatch now-line"></span>{ fill_html(i18n::NOW.get(lang), vec![("v", money(&what_if.current_income, "what_if.current_income".into()))]) }</li>
            </ul>
        </section>
    }
}

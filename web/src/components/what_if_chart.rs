//! What if the income changed: the rules' curve of monthly support against household
//! monthly income, drawn as an inline SVG, with the dibao line, the marginal line and the
//! current income marked. The site only scales the rules' points to the drawing. Static
//! markup (see markup.rs).

use super::markup::Markup;
use crate::i18n::{self, Lang};
use doudi_rules::what_if::WhatIf;
use doudi_rules::Decimal;
use yew::Html;

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

/// Writes an amount of the curve's landmarks, marked with its path.
fn money<'a>(value: &'a Decimal, path: &'static str) -> impl Fn(&mut Markup) + 'a {
    move |out: &mut Markup| out.money(value, path)
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
    let mut out = Markup::new(lang);
    out.raw("<section class=\"card what-if\" aria-labelledby=\"what-if-title\">");
    out.el("h2 id=\"what-if-title\"", "h2", i18n::WHAT_IF.get(lang));
    out.raw("<p class=\"headroom\">");
    if what_if.headroom > Decimal::ZERO {
        let template = if dibao_now {
            i18n::HEADROOM_EXIT
        } else {
            i18n::HEADROOM_STOP
        };
        out.fill(
            template.get(lang),
            &[
                ("h", &money(&what_if.headroom, "what_if.headroom")),
                ("line", &money(&what_if.dibao_line, "what_if.dibao_line")),
            ],
        );
    } else {
        out.fill(
            i18n::ABOVE_LINE.get(lang),
            &[
                (
                    "now",
                    &money(&what_if.current_income, "what_if.current_income"),
                ),
                ("line", &money(&what_if.dibao_line, "what_if.dibao_line")),
                (
                    "marginal",
                    &money(&what_if.marginal_line, "what_if.marginal_line"),
                ),
            ],
        );
    }
    out.raw("</p>");
    out.el("p class=\"hint\"", "p", i18n::WHAT_IF_INTRO.get(lang));
    out.raw("<svg viewBox=\"0 0 360 214\" role=\"img\" aria-labelledby=\"what-if-title what-if-desc\" class=\"chart\">");
    out.el(
        "desc id=\"what-if-desc\"",
        "desc",
        i18n::WHAT_IF_INTRO.get(lang),
    );
    let right = LEFT + WIDTH;
    out.raw(&format!(
        "<line class=\"axis\" x1=\"{LEFT}\" x2=\"{right}\" y1=\"{bottom}\" y2=\"{bottom}\"/>\
         <line class=\"axis\" x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{TOP}\" y2=\"{bottom}\"/>"
    ));
    for (income, class) in [
        (what_if.dibao_line, "dibao-line"),
        (what_if.marginal_line, "marginal-line"),
        (what_if.current_income, "now-line"),
    ] {
        let at = x(income);
        out.raw(&format!(
            "<line class=\"{class}\" x1=\"{at}\" x2=\"{at}\" y1=\"{TOP}\" y2=\"{bottom}\"/>"
        ));
    }
    out.raw(&format!(
        "<polyline class=\"curve\" points=\"{}\"/>",
        line.join(" ")
    ));
    let tick_x = LEFT - 4;
    if let Some(at) = y_at {
        out.raw(&format!(
            "<text class=\"tick\" x=\"{tick_x}\" y=\"{}\" text-anchor=\"end\" data-money=\"what_if.points[{at}].support\">{y_max}</text>",
            TOP + 4
        ));
    }
    out.raw(&format!(
        "<text class=\"tick\" x=\"{tick_x}\" y=\"{}\" text-anchor=\"end\">0</text>\
         <text class=\"tick\" x=\"{LEFT}\" y=\"{}\" text-anchor=\"start\">0</text>\
         <text class=\"tick\" x=\"{right}\" y=\"{}\" text-anchor=\"end\" data-money=\"what_if.points[{x_at}].income\">{x_max}</text>",
        bottom + 4,
        bottom + 16,
        bottom + 16
    ));
    out.el(
        &format!(
            "text class=\"axis-label\" x=\"{}\" y=\"210\" text-anchor=\"middle\"",
            LEFT + WIDTH / 2
        ),
        "text",
        i18n::CHART_X.get(lang),
    );
    out.el(
        &format!(
            "text class=\"axis-label\" x=\"{tick_x}\" y=\"{}\" text-anchor=\"start\"",
            TOP - 12
        ),
        "text",
        i18n::CHART_Y.get(lang),
    );
    out.raw("</svg><ul class=\"legend\"><li><span class=\"swatch curve\"></span>");
    out.text(i18n::SUPPORT_COL.get(lang));
    out.raw("</li>");
    for (class, label, value, path) in [
        (
            "dibao-line",
            i18n::DIBAO_LINE,
            &what_if.dibao_line,
            "what_if.dibao_line",
        ),
        (
            "marginal-line",
            i18n::MARGINAL_LINE,
            &what_if.marginal_line,
            "what_if.marginal_line",
        ),
        (
            "now-line",
            i18n::NOW,
            &what_if.current_income,
            "what_if.current_income",
        ),
    ] {
        out.raw(&format!("<li><span class=\"swatch {class}\"></span>"));
        out.fill(label.get(lang), &[("v", &money(value, path))]);
        out.raw("</li>");
    }
    out.raw("</ul></section>");
    out.into_html()
}

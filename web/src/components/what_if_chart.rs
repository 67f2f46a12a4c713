//! What if the family earned more or less: the rules' curve of the family's money a month
//! (its income plus the support that comes every month) against its earned income, drawn
//! as an inline SVG with the current point labelled, the dibao and marginal lines, the
//! gradual exit's months dashed above the curve, one sentence on what changes next, and
//! a table of the same points for screen readers (and anyone who prefers numbers). The
//! site only scales the rules' points and ticks to the drawing; every figure shown is one
//! of `doudi what-if`'s, marked with its path. Static markup (see markup.rs).

use super::markup::Markup;
use crate::i18n::{self, Lang};
use doudi_rules::what_if::{Point, WhatIf};
use doudi_rules::Decimal;
use yew::Html;

const LEFT: i64 = 50;
const TOP: i64 = 30;
const WIDTH: i64 = 292;
const HEIGHT: i64 = 160;
const BOTTOM: i64 = TOP + HEIGHT;

/// A drawing coordinate: presentation only, never shown as an amount.
fn scale(value: Decimal, max: Decimal, length: i64) -> Decimal {
    if max.is_zero() {
        return Decimal::ZERO;
    }
    (value.min(max).max(Decimal::ZERO) * Decimal::from(length) / max).round_dp(1)
}

/// Writes an amount of the curve, marked with its path.
fn money(value: &Decimal, path: String) -> impl Fn(&mut Markup) + '_ {
    move |out: &mut Markup| out.money(value, &path)
}

/// An amount inside the SVG (a `tspan`, marked with its path).
fn svg_money(out: &mut Markup, value: &Decimal, path: &str) {
    out.raw("<tspan class=\"money\"");
    out.attr("data-money", path);
    out.raw(">");
    out.text(&value.to_string());
    out.raw("</tspan>");
}

/// The sentence over the chart: what changes next as the family earns more.
fn sentence(out: &mut Markup, what_if: &WhatIf) {
    let lang = out.lang;
    out.raw("<p class=\"headroom\">");
    let current = &what_if.current;
    if let Some(change) = &what_if.next_change {
        out.fill(
            i18n::NEXT_CHANGE.get(lang),
            &[
                (
                    "more",
                    &money(&change.more, "what_if.next_change.more".into()),
                ),
                (
                    "earned",
                    &money(&change.earned, "what_if.next_change.earned".into()),
                ),
                (
                    "now",
                    &money(&current.support, "what_if.current.support".into()),
                ),
                (
                    "after",
                    &money(&change.support, "what_if.next_change.support".into()),
                ),
            ],
        );
        if let (Some(exit), Some(months)) = (&change.exit_monthly, change.exit_months) {
            out.raw(" ");
            out.fill(
                i18n::NEXT_CHANGE_EXIT.get(lang),
                &[
                    ("months", &|out: &mut Markup| out.text(&months.to_string())),
                    (
                        "exit",
                        &money(exit, "what_if.next_change.exit_monthly".into()),
                    ),
                ],
            );
        }
    } else if current.support > Decimal::ZERO {
        let end = what_if.x_ticks.len().saturating_sub(1);
        if let Some(x_max) = what_if.x_ticks.get(end) {
            out.fill(
                i18n::NO_CHANGE.get(lang),
                &[("end", &money(x_max, format!("what_if.x_ticks[{end}]")))],
            );
        }
    } else if what_if.counted_income >= what_if.dibao_line {
        out.fill(
            i18n::ABOVE_LINE.get(lang),
            &[
                (
                    "now",
                    &money(&what_if.counted_income, "what_if.counted_income".into()),
                ),
                (
                    "line",
                    &money(&what_if.dibao_line, "what_if.dibao_line".into()),
                ),
                (
                    "marginal",
                    &money(&what_if.marginal_line, "what_if.marginal_line".into()),
                ),
            ],
        );
    } else {
        out.text(i18n::NO_MONTHLY_NOW.get(lang));
    }
    if let (Some(exit), Some(months)) = (&current.exit_monthly, current.exit_months) {
        out.raw(" ");
        out.fill(
            i18n::EXIT_NOW.get(lang),
            &[
                ("months", &|out: &mut Markup| out.text(&months.to_string())),
                ("exit", &money(exit, "what_if.current.exit_monthly".into())),
            ],
        );
    }
    out.raw("</p>");
}

/// The rows of the table: the ticks' points, the lines' corners, the next change and its
/// corner, and the current point, in order of income.
fn table_rows(what_if: &WhatIf) -> Vec<usize> {
    let mut wanted: Vec<Decimal> = what_if.x_ticks.clone();
    let fen = Decimal::new(1, 2);
    let corners = [
        what_if.dibao_line_earned,
        what_if.marginal_line_earned,
        what_if.next_change.as_ref().map(|change| change.earned),
    ];
    for at in corners.into_iter().flatten() {
        wanted.push(at);
        wanted.push(at - fen);
    }
    wanted.push(what_if.current.earned);
    (0..what_if.points.len())
        .filter(|&at| wanted.contains(&what_if.points[at].earned))
        .collect()
}

fn table(out: &mut Markup, what_if: &WhatIf) {
    let lang = out.lang;
    let exits = what_if
        .points
        .iter()
        .any(|point| point.exit_monthly.is_some());
    out.raw("<details class=\"chart-table\"><summary>");
    out.text(i18n::CHART_TABLE.get(lang));
    out.raw("</summary><table><caption>");
    out.text(i18n::CHART_TABLE_CAPTION.get(lang));
    out.raw("</caption><thead><tr>");
    let mut heads = vec![i18n::COL_EARNED, i18n::COL_SUPPORT, i18n::COL_MONEY];
    if exits {
        heads.push(i18n::COL_EXIT);
    }
    for head in heads {
        out.el("th scope=\"col\"", "th", head.get(lang));
    }
    out.raw("</tr></thead><tbody>");
    for at in table_rows(what_if) {
        let point = &what_if.points[at];
        let is_current = point.earned == what_if.current.earned;
        let (path, point): (String, &Point) = if is_current {
            ("what_if.current".into(), &what_if.current)
        } else {
            (format!("what_if.points[{at}]"), point)
        };
        out.raw(if is_current {
            "<tr class=\"now\"><th scope=\"row\">"
        } else {
            "<tr><th scope=\"row\">"
        });
        out.money(&point.earned, &format!("{path}.earned"));
        if is_current {
            out.el("span class=\"now-mark\"", "span", i18n::NOW_MARK.get(lang));
        }
        out.raw("</th><td>");
        out.money(&point.support, &format!("{path}.support"));
        out.raw("</td><td>");
        out.money(&point.money, &format!("{path}.money"));
        if exits {
            out.raw("</td><td>");
            match &point.exit_monthly {
                Some(exit) => out.money(exit, &format!("{path}.exit_monthly")),
                None => out.text("—"),
            }
        }
        out.raw("</td></tr>");
    }
    out.raw("</tbody></table></details>");
}

/// The chart.
pub fn what_if_chart(what_if: &WhatIf, lang: Lang) -> Html {
    let x_end = what_if.x_ticks.len().saturating_sub(1);
    let y_end = what_if.y_ticks.len().saturating_sub(1);
    let x_max = what_if.x_ticks.get(x_end).copied().unwrap_or(Decimal::ONE);
    let y_max = what_if.y_ticks.get(y_end).copied().unwrap_or(Decimal::ONE);
    let x = |earned: Decimal| Decimal::from(LEFT) + scale(earned, x_max, WIDTH);
    let y = |money: Decimal| Decimal::from(BOTTOM) - scale(money, y_max, HEIGHT);
    let right = LEFT + WIDTH;

    let mut out = Markup::new(lang);
    out.raw("<section class=\"card what-if\" aria-labelledby=\"what-if-title\">");
    out.el("h2 id=\"what-if-title\"", "h2", i18n::WHAT_IF.get(lang));
    sentence(&mut out, what_if);
    out.el("p class=\"hint\"", "p", i18n::WHAT_IF_INTRO.get(lang));
    out.raw("<svg viewBox=\"0 0 360 236\" role=\"img\" aria-labelledby=\"what-if-title what-if-desc\" class=\"chart\">");
    out.el(
        "desc id=\"what-if-desc\"",
        "desc",
        i18n::WHAT_IF_DESC.get(lang),
    );
    // The grid and the ticks, the rules' own.
    for (at, tick) in what_if.y_ticks.iter().enumerate() {
        let level = y(*tick);
        out.raw(&format!(
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{right}\" y1=\"{level}\" y2=\"{level}\"/>\
             <text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">",
            LEFT - 5,
            level + Decimal::from(4)
        ));
        svg_money(&mut out, tick, &format!("what_if.y_ticks[{at}]"));
        out.raw("</text>");
    }
    for (at, tick) in what_if.x_ticks.iter().enumerate() {
        let across = x(*tick);
        let anchor = if at == 0 {
            "start"
        } else if at == x_end {
            "end"
        } else {
            "middle"
        };
        out.raw(&format!(
            "<line class=\"axis\" x1=\"{across}\" x2=\"{across}\" y1=\"{BOTTOM}\" y2=\"{}\"/>\
             <text class=\"tick\" x=\"{across}\" y=\"{}\" text-anchor=\"{anchor}\">",
            BOTTOM + 4,
            BOTTOM + 17
        ));
        svg_money(&mut out, tick, &format!("what_if.x_ticks[{at}]"));
        out.raw("</text>");
    }
    out.raw(&format!(
        "<line class=\"axis\" x1=\"{LEFT}\" x2=\"{right}\" y1=\"{BOTTOM}\" y2=\"{BOTTOM}\"/>"
    ));
    for (earned, class) in [
        (what_if.dibao_line_earned, "dibao-line"),
        (what_if.marginal_line_earned, "marginal-line"),
    ] {
        if let Some(earned) = earned.filter(|earned| *earned <= x_max) {
            let at = x(earned);
            out.raw(&format!(
                "<line class=\"{class}\" x1=\"{at}\" x2=\"{at}\" y1=\"{TOP}\" y2=\"{BOTTOM}\"/>"
            ));
        }
    }
    // The gradual exit's months: the money during the period, dashed, where the family
    // would be on it.
    let mut exit_run: Vec<String> = Vec::new();
    let mut exit_runs: Vec<Vec<String>> = Vec::new();
    for point in &what_if.points {
        match point.exit_monthly {
            Some(exit) => exit_run.push(format!("{},{}", x(point.earned), y(point.money + exit))),
            None if !exit_run.is_empty() => exit_runs.push(std::mem::take(&mut exit_run)),
            None => {}
        }
    }
    if !exit_run.is_empty() {
        exit_runs.push(exit_run);
    }
    for run in &exit_runs {
        out.raw(&format!(
            "<polyline class=\"exit\" points=\"{}\"/>",
            run.join(" ")
        ));
    }
    let line: Vec<String> = what_if
        .points
        .iter()
        .map(|point| format!("{},{}", x(point.earned), y(point.money)))
        .collect();
    out.raw(&format!(
        "<polyline class=\"curve\" points=\"{}\"/>",
        line.join(" ")
    ));
    // The current point, labelled with its money.
    let current = &what_if.current;
    let (cx, cy) = (x(current.earned), y(current.money));
    let middle = Decimal::from(LEFT + WIDTH / 2);
    let (label_x, anchor) = if cx > middle {
        (cx - Decimal::from(6), "end")
    } else {
        (cx + Decimal::from(6), "start")
    };
    let label_y = (cy - Decimal::from(10)).max(Decimal::from(12));
    out.raw(&format!(
        "<circle class=\"now\" cx=\"{cx}\" cy=\"{cy}\" r=\"5\"/>\
         <text class=\"now-label\" x=\"{label_x}\" y=\"{label_y}\" text-anchor=\"{anchor}\">"
    ));
    let label = i18n::NOW_POINT.get(lang);
    let (before, after) = label.split_once("{v}").unwrap_or((label, ""));
    out.text(before);
    svg_money(&mut out, &current.money, "what_if.current.money");
    out.text(after);
    out.raw("</text>");
    out.el(
        &format!(
            "text class=\"axis-label\" x=\"{}\" y=\"232\" text-anchor=\"middle\"",
            LEFT + WIDTH / 2
        ),
        "text",
        i18n::CHART_X.get(lang),
    );
    out.el(
        &format!(
            "text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"start\"",
            LEFT - 46,
            TOP - 16
        ),
        "text",
        i18n::CHART_Y.get(lang),
    );
    out.raw("</svg><ul class=\"legend\"><li><span class=\"swatch curve\"></span>");
    out.text(i18n::MONEY_LINE.get(lang));
    out.raw("</li>");
    if let Some(months) = what_if.points.iter().find_map(|point| point.exit_months) {
        out.raw("<li><span class=\"swatch exit\"></span>");
        out.fill(
            i18n::EXIT_LINE.get(lang),
            &[("months", &|out: &mut Markup| out.text(&months.to_string()))],
        );
        out.raw("</li>");
    }
    for (class, label, line, line_path, earned, earned_path) in [
        (
            "dibao-line",
            i18n::DIBAO_LINE,
            &what_if.dibao_line,
            "what_if.dibao_line",
            &what_if.dibao_line_earned,
            "what_if.dibao_line_earned",
        ),
        (
            "marginal-line",
            i18n::MARGINAL_LINE,
            &what_if.marginal_line,
            "what_if.marginal_line",
            &what_if.marginal_line_earned,
            "what_if.marginal_line_earned",
        ),
    ] {
        out.raw(&format!("<li><span class=\"swatch {class}\"></span><span>"));
        out.fill(label.get(lang), &[("v", &money(line, line_path.into()))]);
        match earned {
            Some(earned) => out.fill(
                i18n::LINE_AT_EARNED.get(lang),
                &[("e", &money(earned, earned_path.into()))],
            ),
            None => out.text(i18n::LINE_REACHED.get(lang)),
        }
        out.raw("</span></li>");
    }
    out.raw("<li><span class=\"swatch now\"></span><span>");
    out.fill(
        i18n::NOW_LEGEND.get(lang),
        &[
            (
                "e",
                &money(&current.earned, "what_if.current.earned".into()),
            ),
            (
                "s",
                &money(&current.support, "what_if.current.support".into()),
            ),
        ],
    );
    out.raw("</span></li></ul>");
    table(&mut out, what_if);
    out.raw("</section>");
    out.into_html()
}

//! Caseworker mode: scenarios A and B side by side: what comes every month (the rules'
//! `total_monthly`), apart from it what is time-limited or conditional, and each
//! programme's status and monthly amount (with how it is paid when not every month, and
//! whether it is an alternative that is not added). Both columns are the rules' own
//! figures for each scenario; the page subtracts nothing. Static markup (see markup.rs).

use super::markup::Markup;
use crate::i18n::{self, Lang, T};
use doudi_rules::outcome::Outcome;
use doudi_rules::{Assessment, Decimal, Payment, Programme};
use yew::Html;

/// An amount of one scenario, marked `data-compare="a:total_monthly"` (the scenario and
/// its path in that assessment) for the browser tests.
fn amount(out: &mut Markup, scenario: &str, path: &str, value: &Decimal) {
    out.raw("<span class=\"money\"");
    out.attr("data-compare", &format!("{scenario}:{path}"));
    out.raw(">");
    out.text(&value.to_string());
    out.raw("</span>");
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

const EMPTY_CELL: &str = "<td class=\"num\">—</td>";

fn cell(
    out: &mut Markup,
    scenario: &str,
    assessment: Option<&Assessment>,
    programme: Programme,
    member: Option<usize>,
) {
    let lang = out.lang;
    let found = assessment.and_then(|assessment| {
        assessment
            .programmes
            .iter()
            .enumerate()
            .find(|(_, outcome)| outcome.programme == programme && outcome.member == member)
    });
    let Some((at, outcome)) = found else {
        out.raw(EMPTY_CELL);
        return;
    };
    let status = outcome.status.id();
    out.raw(&format!("<td class=\"num\" data-status=\"{status}\">"));
    match &outcome.shown_monthly() {
        Some(monthly) => amount(out, scenario, &format!("programmes[{at}].monthly"), monthly),
        None => out.text("—"),
    }
    out.el(
        &format!("span class=\"status {status}\""),
        "span",
        i18n::status(outcome.status).get(lang),
    );
    if outcome.shown_monthly().is_some() && outcome.payment != Payment::Monthly {
        out.el(
            "span class=\"compare-note\"",
            "span",
            i18n::payment(outcome.payment).get(lang),
        );
    }
    if outcome.alternative.is_some() {
        out.el(
            "span class=\"compare-note\"",
            "span",
            i18n::ALTERNATIVE.get(lang),
        );
    }
    out.raw("</td>");
}

/// A row of money apart from the monthly total, when a scenario has it.
fn apart_row(out: &mut Markup, label: T, path: &str, [a, b]: [Option<Decimal>; 2]) {
    if a.is_none() && b.is_none() {
        return;
    }
    out.raw(&format!("<tr class=\"compare-apart\" data-row=\"{path}\">"));
    out.el("th scope=\"row\"", "th", out.label(label));
    for (scenario, value) in [("a", a), ("b", b)] {
        match value {
            Some(monthly) => {
                out.raw("<td class=\"num\">");
                amount(out, scenario, path, &monthly);
                out.raw("</td>");
            }
            None => out.raw(EMPTY_CELL),
        }
    }
    out.raw("</tr>");
}

/// A view function (no state of its own). `None` for a scenario that cannot be
/// computed yet.
pub fn scenario_compare(lang: Lang, a: Option<&Assessment>, b: Option<&Assessment>) -> Html {
    let mut out = Markup::new(lang);
    out.raw("<section class=\"card compare\" aria-labelledby=\"compare-title\">");
    out.el("h3 id=\"compare-title\"", "h3", i18n::COMPARE.get(lang));
    out.el("p class=\"hint\"", "p", i18n::COMPARE_HINT.get(lang));
    out.raw("<table><thead><tr>");
    out.el("th scope=\"col\"", "th", i18n::COMPARE_ITEM.get(lang));
    for name in i18n::SCENARIO_NAMES {
        out.el("th scope=\"col\" class=\"num\"", "th", name.get(lang));
    }
    out.raw("</tr></thead><tbody><tr class=\"compare-total\">");
    out.el("th scope=\"row\"", "th", i18n::TOTAL.get(lang));
    for (scenario, assessment) in [("a", a), ("b", b)] {
        out.raw("<td class=\"num\">");
        match assessment {
            Some(assessment) => {
                amount(
                    &mut out,
                    scenario,
                    "total_monthly",
                    &assessment.total_monthly,
                );
                out.raw(" ");
                out.badge(assessment.total_basis);
            }
            None => out.text(i18n::NOT_COMPUTED.get(lang)),
        }
        out.raw("</td>");
    }
    out.raw("</tr>");
    let limited = |assessment: Option<&Assessment>| {
        assessment.and_then(|assessment| assessment.time_limited.as_ref().map(|paid| paid.monthly))
    };
    let conditional = |assessment: Option<&Assessment>| {
        assessment.and_then(|assessment| assessment.conditional.as_ref().map(|paid| paid.monthly))
    };
    apart_row(
        &mut out,
        i18n::TIME_LIMITED,
        "time_limited.monthly",
        [limited(a), limited(b)],
    );
    apart_row(
        &mut out,
        i18n::CONDITIONAL,
        "conditional.monthly",
        [conditional(a), conditional(b)],
    );
    for (programme, member, outcome) in rows(a, b) {
        out.raw(&format!(
            "<tr data-programme=\"{}\"><th scope=\"row\">",
            programme.id()
        ));
        out.text(lang.text(&outcome.title));
        if let Some(label) = outcome.member_label_in(lang != Lang::Zh) {
            out.text(" · ");
            out.text(label);
        }
        out.raw("</th>");
        cell(&mut out, "a", a, programme, member);
        cell(&mut out, "b", b, programme, member);
        out.raw("</tr>");
    }
    out.raw("</tbody></table></section>");
    out.into_html()
}

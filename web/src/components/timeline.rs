//! A gradual exit month by month (static markup, see markup.rs).

use super::markup::Markup;
use crate::i18n;
use doudi_rules::Outcome;

/// The timeline of `outcome`, the programme at `at` of the assessment.
pub fn timeline(out: &mut Markup, outcome: &Outcome, at: usize) {
    let lang = out.lang;
    out.raw("<table class=\"timeline\">");
    out.el("caption", "caption", i18n::TIMELINE.get(lang));
    out.raw("<thead><tr>");
    for head in [i18n::MONTH, i18n::YUAN_PER_MONTH, i18n::NOTE] {
        out.el("th scope=\"col\"", "th", head.get(lang));
    }
    out.raw("</tr></thead><tbody>");
    for (month_at, month) in outcome.timeline.iter().enumerate() {
        out.raw("<tr>");
        out.el("th scope=\"row\"", "th", &month.month);
        out.raw("<td class=\"num\">");
        out.money(
            &month.amount,
            &format!("programmes[{at}].timeline[{month_at}].amount"),
        );
        out.raw("</td>");
        out.el("td", "td", lang.text(&month.text));
        out.raw("</tr>");
    }
    out.raw("</tbody></table>");
}

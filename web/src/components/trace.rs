//! "Why": every step of a programme's calculation, its arithmetic, its clause, and each
//! figure used with its value, date, document, clause and basis. Static: written as
//! markup text (see markup.rs).

use super::markup::Markup;
use crate::i18n::{self, Lang};
use doudi_rules::policy::Basis;
use doudi_rules::Assessment;
use yew::prelude::*;

/// The trace of the programme at `at` (a view function: no state of its own).
pub fn trace(assessment: &Assessment, at: usize, lang: Lang) -> Html {
    let Some(outcome) = assessment.programmes.get(at) else {
        return html! {};
    };
    let mut out = Markup::new(lang);
    if outcome.steps.is_empty() {
        out.el("p class=\"hint\"", "p", i18n::NO_STEPS.get(lang));
        return out.into_html();
    }
    let colon = out.colon();
    let zh = lang == Lang::Zh;
    out.raw("<ol class=\"trace\">");
    for (step_at, step) in outcome.steps.iter().enumerate() {
        // The step is data: its words, clause and parameters' records are made here.
        let (text, formula) = step.words();
        out.raw("<li class=\"trace-step\"><p class=\"step-text\">");
        out.text(lang.text(&text));
        out.raw(" ");
        out.badge(step.basis());
        out.raw("</p>");
        if !formula.is_empty() {
            out.raw("<p class=\"formula\">");
            out.el("span class=\"label\"", "span", i18n::FORMULA.get(lang));
            out.el("code", "code", &formula);
            out.raw("</p>");
        }
        let clause = if zh { step.clause() } else { step.clause_en() };
        if !clause.is_empty() {
            out.raw("<p class=\"clause\">");
            out.el("span class=\"label\"", "span", i18n::CLAUSE.get(lang));
            out.text(&clause);
            out.raw("</p>");
        }
        let params = step.params();
        if params.is_empty() {
            out.raw("</li>");
            continue;
        }
        out.raw("<ul class=\"params\"");
        out.attr("aria-label", i18n::PARAMETERS.get(lang));
        out.raw(">");
        for (param_at, param) in params.iter().enumerate() {
            let path = format!("programmes[{at}].steps[{step_at}].params[{param_at}]");
            out.raw(if param.basis == Basis::Published {
                "<li class=\"param\"><p>"
            } else {
                "<li class=\"param not-published\"><p>"
            });
            out.el(
                "strong",
                "strong",
                if lang == Lang::Zh { param.zh } else { param.en },
            );
            out.text(colon);
            out.money(&param.value, &format!("{path}.value"));
            out.text(&format!(" {} ", i18n::unit(param.unit).get(lang)));
            out.badge(param.basis);
            out.raw("</p>");
            if let Some(policy_value) = param.policy_value {
                out.raw("<p class=\"small\">");
                out.text(&i18n::POLICY_VALUE.get(lang).replace("{value}", ""));
                out.money(&policy_value, &format!("{path}.policy_value"));
                out.raw("</p>");
            }
            out.raw("<p class=\"small\">");
            out.text(
                &i18n::IN_FORCE_FROM
                    .get(lang)
                    .replace("{date}", &param.from.to_string()),
            );
            out.text(" · ");
            // The document and its title in the page's language (a document number is
            // the same in both).
            let (document, title) = if zh {
                (param.document, param.title)
            } else {
                (param.document_en, param.title_en)
            };
            out.text(document);
            if !title.is_empty() && title != document {
                out.text(" ");
                out.text(title);
            }
            if !param.url.is_empty() {
                // Shown, not linked: the site makes no request elsewhere, and the address
                // is where the text was read.
                out.text(&format!(
                    " · {}{colon}{}",
                    i18n::SOURCE_LINK.get(lang),
                    param.url
                ));
            }
            out.raw("</p>");
            let clause = if zh { param.clause } else { param.clause_en };
            if !clause.is_empty() {
                out.el("p class=\"small\"", "p", &out.pair(i18n::CLAUSE, clause));
            }
            if lang == Lang::Zh && !param.note_zh.is_empty() {
                out.el("p class=\"small note\"", "p", param.note_zh);
            } else if !param.note.is_empty() {
                out.el("p class=\"small note\" lang=\"en\"", "p", param.note);
            }
            out.raw("</li>");
        }
        out.raw("</ul></li>");
    }
    out.raw("</ol>");
    out.into_html()
}

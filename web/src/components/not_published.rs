//! Every figure of the result that is not published policy (inferred, assumed, or a
//! caseworker's value with the policy value it replaced), once each, so that no
//! assumption passes as policy. Static markup (see markup.rs).

use super::markup::Markup;
use crate::i18n::{self, Lang};
use doudi_rules::Assessment;
use yew::prelude::*;

/// A view function (no state of its own). `heading`: "h2" on the resident's result,
/// "h3" in the caseworker's column.
pub fn not_published(assessment: &Assessment, lang: Lang, heading: &str) -> Html {
    if assessment.not_published.is_empty() {
        return html! {};
    }
    let mut out = Markup::new(lang);
    out.raw("<section class=\"card not-published\" aria-labelledby=\"not-published-title\">");
    out.el(
        &format!("{heading} id=\"not-published-title\""),
        heading,
        i18n::NOT_PUBLISHED.get(lang),
    );
    out.el("p class=\"hint\"", "p", i18n::NOT_PUBLISHED_HINT.get(lang));
    out.raw("<ul class=\"params\">");
    for (at, used) in assessment.not_published.iter().enumerate() {
        out.raw("<li class=\"param not-published\"");
        out.attr("data-param", used.id);
        out.raw("><p>");
        out.el(
            "strong",
            "strong",
            if lang == Lang::Zh { used.zh } else { used.en },
        );
        out.text(out.colon());
        out.money(&used.value, &format!("not_published[{at}].value"));
        out.text(&format!(" {} ", i18n::unit(used.unit).get(lang)));
        out.badge(used.basis);
        out.raw("</p>");
        if let Some(policy_value) = used.policy_value {
            out.raw("<p class=\"small\">");
            out.text(&i18n::POLICY_VALUE.get(lang).replace("{value}", ""));
            out.money(&policy_value, &format!("not_published[{at}].policy_value"));
            out.raw("</p>");
        }
        out.el(
            "p class=\"small\"",
            "p",
            &if lang == Lang::Zh {
                format!("{} · {}", used.document, used.clause)
            } else {
                format!("{} · {}", used.document_en, used.clause_en)
            },
        );
        out.raw("</li>");
    }
    out.raw("</ul></section>");
    out.into_html()
}

//! What the household can do next, as the rules say it (how to apply, whom to call,
//! what will be checked, care services, support for a child without supporters). Static
//! markup (see markup.rs).

use super::markup::Markup;
use crate::i18n::{self, Lang};
use doudi_rules::Assessment;
use yew::prelude::*;

/// A view function (no state of its own).
pub fn next_steps(assessment: &Assessment, lang: Lang) -> Html {
    if assessment.next_steps.is_empty() {
        return html! {};
    }
    let mut out = Markup::new(lang);
    out.raw("<section class=\"card general-next\" aria-labelledby=\"general-next-title\" data-testid=\"next-steps\">");
    out.el(
        "h2 id=\"general-next-title\"",
        "h2",
        i18n::WHAT_NEXT.get(lang),
    );
    out.raw("<ul>");
    for next in &assessment.next_steps {
        out.el("li", "li", lang.text(next));
    }
    out.raw("</ul></section>");
    out.into_html()
}

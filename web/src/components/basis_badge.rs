//! How sure a figure is: published, inferred, assumed, or a caseworker's value. An
//! assumption is never shown as policy.

use crate::i18n::{self, Lang};
use doudi_rules::policy::Basis;
use yew::prelude::*;

/// A view function rather than a component: it has no state, and each component costs
/// download size.
pub fn basis_badge(basis: Basis, lang: Lang) -> Html {
    let class = match basis {
        Basis::Published => "published",
        Basis::Inferred => "inferred",
        Basis::Assumed => "assumed",
        Basis::Override => "override",
    };
    html! { <span class={format!("badge {class}")} data-basis={class}>{ i18n::basis(basis).get(lang) }</span> }
}

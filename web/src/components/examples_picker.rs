//! "Try an example": loads a bundled made-up household.

use crate::examples;
use crate::i18n::{self, Lang};
use crate::state::Action;
use yew::prelude::*;

/// A view function (no state of its own).
pub fn examples_picker(lang: Lang, ondispatch: &Callback<Action>) -> Html {
    html! {
        <details class="more examples">
            <summary>{ i18n::EXAMPLES.get(lang) }</summary>
            <p class="hint">{ i18n::EXAMPLES_HINT.get(lang) }</p>
            <ul class="example-list">
                { for examples::ALL.iter().map(|example| {
                    let onload = super::on(ondispatch, Action::LoadExample(example.name));
                    html! {
                        <li><button type="button" class="link-button" data-example={example.name} onclick={onload}>{ example.label.get(lang) }</button></li>
                    }
                }) }
            </ul>
        </details>
    }
}

//! Where the person is: "step 2 of 5", the step's name, and a bar.

use crate::form::Step;
use crate::i18n::{self, Lang};
use yew::prelude::*;

/// A view function (no state of its own; a component would cost download size).
pub fn progress(step: Step, lang: Lang) -> Html {
    let of = Step::ALL.len().to_string();
    let n = step.number().to_string();
    html! {
        <nav class="progress" aria-label={i18n::PROGRESS.get(lang)}>
            <ol>
                { for Step::ALL.iter().map(|each| {
                    let current = *each == step;
                    html! {
                        <li class={if current { "current" } else if *each < step { "done" } else { "" }}
                            aria-current={current.then_some("step")}>
                            <span class="visually-hidden">{ each.name().get(lang) }</span>
                        </li>
                    }
                }) }
            </ol>
            <p class="step-of">{ i18n::fill(i18n::STEP_OF.get(lang), &[("n", &n), ("of", &of)]) }</p>
        </nav>
    }
}

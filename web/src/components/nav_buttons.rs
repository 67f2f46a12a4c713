//! Back and Next at the foot of each screen; "back to the result" after an edit.

use crate::form::Step;
use crate::i18n::{self, Lang};
use crate::state::Action;
use yew::prelude::*;

pub struct NavButtonsProps {
    pub step: Step,
    pub lang: Lang,
    pub return_to: Option<Step>,
    /// A message above the buttons when Next was refused.
    pub blocked: bool,
    pub ondispatch: Callback<Action>,
}

/// A view function (no state of its own).
pub fn nav_buttons(props: NavButtonsProps) -> Html {
    let lang = props.lang;
    let next_label = match props.step {
        Step::Summary => i18n::SEE_RESULT,
        _ => i18n::NEXT,
    };
    let back_to = props
        .return_to
        .filter(|_| props.step < Step::Summary)
        .map(|to| {
            let label = if to == Step::Result {
                i18n::BACK_TO_RESULT
            } else {
                i18n::BACK_TO_SUMMARY
            };
            (to, label)
        });
    html! {
        <div class="nav">
            if props.blocked {
                <p class="error nav-error" role="alert">{ i18n::FIX_FIRST.get(lang) }</p>
            }
            <div class="nav-buttons">
                if props.step > Step::Place {
                    <button type="button" class="secondary" onclick={super::on(&props.ondispatch, Action::Back)}>{ i18n::BACK.get(lang) }</button>
                }
                if let Some((to, label)) = back_to {
                    <button type="button" class="secondary" onclick={super::on(&props.ondispatch, Action::GoTo(to))}>{ label.get(lang) }</button>
                }
                if props.step < Step::Result {
                    <button type="button" class="primary" id="next" onclick={super::on(&props.ondispatch, Action::Next)}>{ next_label.get(lang) }</button>
                } else {
                    <button type="button" class="secondary" onclick={super::on(&props.ondispatch, Action::StartOver)}>{ i18n::START_OVER.get(lang) }</button>
                }
            </div>
        </div>
    }
}

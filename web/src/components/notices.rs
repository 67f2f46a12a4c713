//! What the rules could not use as given (a disease name not on the list, with the
//! closest listed names), first on the result, each with a way to the screen where that
//! answer is changed.

use crate::form::Step;
use crate::i18n::{self, Lang};
use crate::state::Action;
use doudi_rules::Assessment;
use yew::prelude::*;

/// A view function (no state of its own). `dispatch` is `None` where every answer is on
/// the page already (caseworker mode): no button then.
pub fn notices(assessment: &Assessment, lang: Lang, dispatch: Option<&Callback<Action>>) -> Html {
    if assessment.notices.is_empty() {
        return html! {};
    }
    html! {
        <section class="card notices" aria-labelledby="notices-title" data-testid="notices">
            <h2 id="notices-title">{ i18n::NOTICES.get(lang) }</h2>
            <ul>
                { for assessment.notices.iter().map(|notice| {
                    let step = Step::of_field(&notice.field);
                    html! {
                        <li data-field={notice.field.clone()}>
                            <span class="notice-text">{ lang.text(&notice.text) }</span>
                            if let (Some(dispatch), true) = (dispatch, step < Step::Summary) {
                                { " " }
                                <button type="button" class="link-button" data-goto={step.number().to_string()}
                                    onclick={super::on(dispatch, Action::Edit(step))}>
                                    { format!("{} · {}", i18n::NOTICE_EDIT.get(lang), step.name().get(lang)) }
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

//! The list of what to fix, at the top of a screen whose Next was refused: each message
//! with the field's name in words (never its JSON path), a link that moves focus to the
//! field; the fields themselves are marked too. Also the list's entries on the summary
//! and the result, whose links open the field's screen.

use super::View;
use crate::browser;
use crate::form::{field_name, FieldError, Step};
use crate::i18n;
use crate::state::Action;
use yew::prelude::*;

/// "奶奶 · 年龄（周岁）：请填写年龄" as a link to the field. On its own screen the link
/// moves focus to the field; from the summary or the result it opens the screen first.
pub fn fix_link(view: &View, error: &FieldError) -> Html {
    let lang = view.state.lang;
    let text = format!(
        "{}：{}",
        field_name(&view.state.form, &error.field, lang),
        lang.text(&error.message)
    );
    let field = error.field.clone();
    let here = Step::of_field(&field) == view.state.step;
    let onclick = if here {
        Callback::from(move |_: MouseEvent| browser::focus_field(&field))
    } else {
        view.ondispatch
            .reform(move |_: MouseEvent| Action::Fix(field.clone()))
    };
    html! {
        <button type="button" class="link-button fix" {onclick}>{ text }</button>
    }
}

/// The list at the top of the screen, once Next was refused on it.
pub fn error_summary(view: &View) -> Html {
    let state = view.state;
    let step = state.step;
    if step >= Step::Summary || !state.attempted.contains(&step) {
        return html! {};
    }
    let errors: Vec<&FieldError> = view
        .checked
        .errors_on(step)
        .filter(|error| state.shows(error))
        .collect();
    if errors.is_empty() {
        return html! {};
    }
    let lang = state.lang;
    html! {
        <section class="problems error-summary" aria-labelledby="error-summary-title" data-testid="error-summary">
            <h3 id="error-summary-title">{ i18n::fill(i18n::ERRORS_TITLE.get(lang), &[("n", &errors.len().to_string())]) }</h3>
            <ul>{ for errors.into_iter().map(|error| html! { <li>{ fix_link(view, error) }</li> }) }</ul>
        </section>
    }
}

//! A labelled text input with its hint and its message, tied together for screen readers.
//!
//! The form's pieces are view functions, not components: the app re-renders from one
//! state anyway, and each component type adds to the download.

use crate::state::{Action, Input};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Default)]
pub struct TextFieldProps {
    pub id: String,
    /// The household field this input answers, as a JSON path (for messages and tests).
    pub field: String,
    pub label: String,
    pub value: String,
    /// Empty for none.
    pub hint: &'static str,
    pub error: Option<String>,
    /// "decimal" or "numeric" brings up the number keypad on phones; empty for none.
    pub inputmode: &'static str,
    /// "date"; empty for text.
    pub input_type: &'static str,
    /// Shown after the input, read out when it changes (e.g. "= 500 元/月").
    pub after: Option<String>,
    /// An extra class for the field ("short", "amount").
    pub class: &'static str,
    /// What a number typed in another form was read as ("按 1200 元计"), shown under the
    /// input and read out when it changes; None when typed plainly.
    pub understood: Option<String>,
}

/// The field; what is typed goes to `input`.
pub fn text_field(dispatch: &Callback<Action>, input: Input, props: TextFieldProps) -> Html {
    let oninput = dispatch.reform(move |event: InputEvent| {
        Action::Set(
            input,
            event.target_unchecked_into::<HtmlInputElement>().value(),
        )
    });
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let understood_id = format!("{}-understood", props.id);
    let described = super::described_by(
        !props.hint.is_empty(),
        &hint_id,
        props.error.is_some(),
        &error_id,
    );
    let described = match (described, props.understood.is_some()) {
        (Some(ids), true) => Some(format!("{ids} {understood_id}")),
        (None, true) => Some(understood_id.clone()),
        (ids, false) => ids,
    };
    // The paragraph is always there (empty when nothing to say), so that a screen reader
    // hears what the number was read as when it appears.
    let understood = if props.error.is_some() {
        None
    } else {
        props.understood
    };
    let class = super::field_class("field", props.class, props.error.is_some());
    html! {
        <div {class} data-field={props.field}>
            <label for={props.id.clone()}>{ props.label }</label>
            if !props.hint.is_empty() {
                <p class="hint" id={hint_id}>{ props.hint }</p>
            }
            <div class="input-row">
                <input
                    id={props.id}
                    type={if props.input_type.is_empty() { "text" } else { props.input_type }}
                    value={props.value}
                    inputmode={(!props.inputmode.is_empty()).then_some(props.inputmode)}
                    autocomplete="off"
                    aria-invalid={props.error.is_some().then_some("true")}
                    aria-describedby={described}
                    {oninput}
                />
                if let Some(after) = props.after {
                    <span class="after" aria-live="polite">{ after }</span>
                }
            </div>
            if props.inputmode == "decimal" || props.inputmode == "numeric" {
                <p class="understood" id={understood_id} aria-live="polite">{ understood.unwrap_or_default() }</p>
            }
            if let Some(error) = props.error {
                <p class="error" id={error_id}>{ error }</p>
            }
        </div>
    }
}

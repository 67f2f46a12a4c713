//! A labelled drop-down list (a view function, like all the form's pieces).

use crate::state::{Action, Input};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Default)]
pub struct SelectFieldProps {
    pub id: String,
    pub field: String,
    pub label: &'static str,
    /// (value, label) pairs.
    pub options: Vec<(String, String)>,
    pub selected: String,
    /// Empty for none.
    pub hint: &'static str,
    pub error: Option<String>,
}

/// The list; the value chosen goes to `input`.
pub fn select_field(dispatch: &Callback<Action>, input: Input, props: SelectFieldProps) -> Html {
    let onchange = dispatch.reform(move |event: Event| {
        Action::Set(
            input,
            event.target_unchecked_into::<HtmlSelectElement>().value(),
        )
    });
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let described = super::described_by(
        !props.hint.is_empty(),
        &hint_id,
        props.error.is_some(),
        &error_id,
    );
    let selected = props.selected;
    html! {
        <div class={super::field_class("field", "", props.error.is_some())} data-field={props.field}>
            <label for={props.id.clone()}>{ props.label }</label>
            if !props.hint.is_empty() {
                <p class="hint" id={hint_id}>{ props.hint }</p>
            }
            <select id={props.id} aria-describedby={described} aria-invalid={props.error.is_some().then_some("true")} {onchange}>
                { for props.options.into_iter().map(|(value, label)| {
                    let chosen = value == selected;
                    html! { <option {value} selected={chosen}>{ label }</option> }
                }) }
            </select>
            if let Some(error) = props.error {
                <p class="error" id={error_id}>{ error }</p>
            }
        </div>
    }
}

//! A question with a few answers as large radio buttons (easy to tap, all visible).

use crate::state::{Action, Input};
use yew::prelude::*;

#[derive(Default)]
pub struct ChoiceProps {
    /// The radio group's name, unique on the page.
    pub name: String,
    pub field: String,
    pub legend: &'static str,
    /// (value, label) pairs.
    pub options: Vec<(&'static str, &'static str)>,
    pub selected: &'static str,
    /// Empty for none.
    pub hint: &'static str,
}

/// The question; the value chosen goes to `input`.
pub fn choice(dispatch: &Callback<Action>, input: Input, props: ChoiceProps) -> Html {
    let hint_id = format!("{}-hint", props.name);
    let name = props.name;
    html! {
        <fieldset class="field choice" data-field={props.field} aria-describedby={(!props.hint.is_empty()).then(|| hint_id.clone())}>
            <legend>{ props.legend }</legend>
            if !props.hint.is_empty() {
                <p class="hint" id={hint_id}>{ props.hint }</p>
            }
            <div class="options">
                { for props.options.into_iter().enumerate().map(|(index, (value, label))| {
                    let id = format!("{name}-{index}");
                    let onchange = dispatch.reform(move |_: Event| Action::Set(input, value.to_string()));
                    html! {
                        <label class="option" for={id.clone()}>
                            <input type="radio" {id} name={name.clone()} {value} checked={value == props.selected} {onchange} />
                            <span>{ label }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}

//! A yes/no question as one large checkbox; it sends "yes" or "no" to its `Input`.

use crate::state::{Action, Input};
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub fn check_field(
    dispatch: &Callback<Action>,
    input: Input,
    id: String,
    field: String,
    label: &'static str,
    checked: bool,
) -> Html {
    let onchange = dispatch.reform(move |event: Event| {
        let checked = event.target_unchecked_into::<HtmlInputElement>().checked();
        Action::Set(input, if checked { "yes" } else { "no" }.to_string())
    });
    html! {
        <div class="field check" data-field={field}>
            <label class="option" for={id.clone()}>
                <input type="checkbox" {id} {checked} {onchange} />
                <span>{ label }</span>
            </label>
        </div>
    }
}

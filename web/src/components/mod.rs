//! The site's views, one per file, and the small helpers they share.
//!
//! The app holds the state, and every change re-renders from it. The views are plain
//! functions from data to `Html`; a component type per view would add to the download
//! and spare no work. The few components are those that keep something of their own
//! (the caseworker's and caseload pages' memos and workers) and [`Frozen`], which spares
//! the caseworker's page the redrawing of parts that did not change.

pub mod answers;
pub mod caseload_mode;
pub mod caseworker_mode;
pub mod caseworker_mode_switch;
pub mod caseworker_place;
pub mod caseworker_result;
pub mod check_field;
pub mod check_panel;
pub mod choice;
pub mod drafts;
pub mod error_summary;
pub mod examples_picker;
pub mod family_questions;
pub mod glossary;
pub mod header;
pub mod income_row;
pub mod markup;
pub mod member_editor;
pub mod member_situation;
pub mod members_step;
pub mod nav_buttons;
pub mod next_steps;
pub mod not_published;
pub mod notices;
pub mod place_step;
pub mod print_sheet;
pub mod programme_card;
pub mod progress;
pub mod publicity_idle;
pub mod publicity_mode;
pub mod quick_check;
pub mod read_aloud;
pub mod result_step;
pub mod scenario_compare;
pub mod select_field;
pub mod share_panel;
pub mod situations_step;
pub mod summary_step;
pub mod supporter_row;
pub mod text_field;
pub mod timeline;
pub mod total_card;
pub mod trace;
pub mod what_if_chart;

use crate::form::Checked;
use crate::i18n::T;
use crate::state::{Action, State};
use crate::tools::{Then, Tools};
use yew::prelude::*;

/// What every screen is drawn from.
pub struct View<'a> {
    pub state: &'a State,
    pub checked: &'a Checked,
    pub ondispatch: &'a Callback<Action>,
    /// The tools this module has, or their stand-ins (tools.rs).
    pub tools: &'static Tools,
    /// Hands the page over to the tools' module, to do this there (tools.rs).
    pub ask_tools: &'a Callback<Then>,
}

impl View<'_> {
    /// The message to show at a field now, in the page's language.
    pub fn error_at(&self, field: &str) -> Option<String> {
        self.checked
            .errors
            .iter()
            .find(|error| error.field == field && self.state.shows(error))
            .map(|error| self.state.lang.text(&error.message).to_string())
    }

    /// (value, label) pairs for a `choice`.
    pub fn options<const N: usize>(
        &self,
        items: [(&'static str, T); N],
    ) -> Vec<(&'static str, &'static str)> {
        items
            .into_iter()
            .map(|(value, label)| (value, label.get(self.state.lang)))
            .collect()
    }
}

/// What a [`Frozen`] part of a page is drawn from, and the part as drawn from it.
#[derive(Properties)]
pub struct FrozenProps<K: PartialEq + 'static> {
    pub by: K,
    pub html: Html,
}

impl<K: PartialEq + 'static> PartialEq for FrozenProps<K> {
    /// Equal when drawn from the same thing: the part is then neither drawn nor compared
    /// with the page again.
    fn eq(&self, other: &Self) -> bool {
        self.by == other.by
    }
}

/// A part of a page that is redrawn only when what it is drawn from (`by`) changes: the
/// caseworker's page, where a keystroke would otherwise have Yew walk some 1,300
/// elements (caseworker_mode.rs). The caller makes sure `by` holds everything `html`
/// was drawn from.
#[function_component(Frozen)]
pub fn frozen<K: PartialEq + 'static>(props: &FrozenProps<K>) -> Html {
    props.html.clone()
}

/// A button's click: sends `action` (one kind of callback for every button).
pub fn on(dispatch: &Callback<Action>, action: Action) -> Callback<yew::MouseEvent> {
    dispatch.reform(move |_| action.clone())
}

/// (value, label) pairs for a `select_field`: the index of each item and its label.
pub fn indexed<I: IntoIterator<Item = &'static str>>(labels: I) -> Vec<(String, String)> {
    labels
        .into_iter()
        .enumerate()
        .map(|(index, label)| (index.to_string(), label.to_string()))
        .collect()
}

/// The value of a yes / no / not sure answer.
pub fn tri_value(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unsure",
    }
}

pub fn described_by(hint: bool, hint_id: &str, error: bool, error_id: &str) -> Option<String> {
    match (hint, error) {
        (true, true) => Some(format!("{hint_id} {error_id}")),
        (true, false) => Some(hint_id.to_string()),
        (false, true) => Some(error_id.to_string()),
        (false, false) => None,
    }
}

pub fn field_class(base: &str, extra: &str, invalid: bool) -> String {
    let mut class = base.to_string();
    for part in [extra, if invalid { "invalid" } else { "" }] {
        if !part.is_empty() {
            class.push(' ');
            class.push_str(part);
        }
    }
    class
}

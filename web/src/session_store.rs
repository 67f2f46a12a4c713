//! The answers kept in this tab: the form as typed and the screen, in one sessionStorage
//! key, so that a reload (or a tab the phone closed in the background and restores) does
//! not lose them. sessionStorage belongs to this tab alone and is cleared when the tab is
//! closed: it keeps the "nothing stored unless asked" promise that the privacy note
//! states (localStorage is draft_store's, written only on "保存草稿"). The text is a
//! draft's (`Draft::encode`), written only when the answers or the screen change, and
//! removed when the form is back to a new one on the first screen. A publicity kiosk,
//! which serves many people, keeps nothing.

use crate::draft_store::Draft;
use crate::form::{Form, Step};

/// The one sessionStorage key the site uses.
pub const KEY: &str = "doudi.session";

/// What to keep for these answers on this screen: `None` for a new form on the first
/// screen (nothing entered: nothing is kept).
pub fn kept(form: &Form, step: Step, today: &str) -> Option<String> {
    if step == Step::Place && *form == Form::new(today) {
        return None;
    }
    Some(Draft::new(form, step, today).encode())
}

pub use imp::{forget, keep, restore};

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{kept, Draft, Form, Step, KEY};
    use std::cell::RefCell;

    thread_local! {
        /// The text last written or read, so that only a change is written.
        static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    /// Keeps the answers in this tab when they (or the screen) changed since last time.
    pub fn keep(form: &Form, step: Step, today: &str) {
        let text = kept(form, step, today);
        LAST.with(|last| {
            if *last.borrow() == text {
                return;
            }
            let Some(storage) = storage() else {
                return;
            };
            let written = match &text {
                Some(text) => storage.set_item(KEY, text).is_ok(),
                None => storage.remove_item(KEY).is_ok(),
            };
            if written {
                *last.borrow_mut() = text;
            }
        });
    }

    /// The answers kept in this tab, if any this version can read.
    pub fn restore() -> Option<Draft> {
        let text = storage()?.get_item(KEY).ok()??;
        let draft = Draft::decode(&text)?;
        LAST.with(|last| *last.borrow_mut() = Some(text));
        Some(draft)
    }

    /// Forgets the answers kept in this tab (also those of an earlier page of the tab).
    pub fn forget() {
        if let Some(storage) = storage() {
            if storage.remove_item(KEY).is_ok() {
                LAST.with(|last| *last.borrow_mut() = None);
            }
        }
    }
}

/// Outside a browser (native builds and tests): nothing is kept.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{Draft, Form, Step};

    pub fn keep(_form: &Form, _step: Step, _today: &str) {}
    pub fn restore() -> Option<Draft> {
        None
    }
    pub fn forget() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_form_on_the_first_screen_is_not_kept() {
        let form = Form::new("2026-11-29");
        assert_eq!(kept(&form, Step::Place, "2026-11-29"), None);
        assert!(kept(&form, Step::Members, "2026-11-29").is_some());
        let mut changed = form.clone();
        changed.county = "lueyang".into();
        let text = kept(&changed, Step::Place, "2026-11-29").expect("kept");
        let back = Draft::decode(&text).expect("reads back");
        assert_eq!((back.step(), back.form), (Step::Place, changed));
    }
}

//! The answers kept in this tab: the form as typed and the screen, in one sessionStorage
//! key, so that a reload (or a tab the phone closed in the background and restores) does
//! not lose them. sessionStorage belongs to this tab alone and is cleared when the tab is
//! closed: it keeps the "nothing stored unless asked" promise that the privacy note
//! states (localStorage is draft_store's, written only on "保存草稿"). The text is a
//! draft's (`Draft::encode`), written only when the answers or the screen change, and
//! removed when the form is back to a new one on the first screen. A publicity kiosk,
//! which serves many people, keeps nothing.

use crate::draft_store::Draft;
use crate::form::{Form, QuickForm, Step};

/// The one sessionStorage key the site uses.
pub const KEY: &str = "doudi.session";

/// What this tab keeps: the form, the screen, and the one-minute check's answers with
/// whether it is open.
#[derive(Clone, Copy)]
pub struct Answers<'a> {
    pub form: &'a Form,
    pub step: Step,
    pub quick: Option<&'a QuickForm>,
    pub quick_shown: bool,
}

/// What to keep for these answers on this screen: `None` for a new form on the first
/// screen and no one-minute check begun (nothing entered: nothing is kept).
pub fn kept(answers: Answers, today: &str) -> Option<String> {
    let quick = answers
        .quick
        .filter(|quick| answers.quick_shown || **quick != QuickForm::default());
    if answers.step == Step::Place && *answers.form == Form::new(today) && quick.is_none() {
        return None;
    }
    let mut draft = Draft::new(answers.form, answers.step, today);
    draft.quick = quick.map(|quick| (quick.clone(), answers.quick_shown));
    Some(draft.encode())
}

pub use imp::{forget, keep, restore};

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{kept, Answers, Draft, KEY};
    use std::cell::RefCell;

    thread_local! {
        /// The text last written or read, so that only a change is written.
        static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    /// Keeps the answers in this tab when they (or the screen) changed since last time.
    pub fn keep(answers: Answers, today: &str) {
        let text = kept(answers, today);
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
    use super::{Answers, Draft};

    pub fn keep(_answers: Answers, _today: &str) {}
    pub fn restore() -> Option<Draft> {
        None
    }
    pub fn forget() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(form: &Form, step: Step) -> Answers<'_> {
        Answers {
            form,
            step,
            quick: None,
            quick_shown: false,
        }
    }

    #[test]
    fn a_new_form_on_the_first_screen_is_not_kept() {
        let form = Form::new("2026-11-29");
        assert_eq!(kept(answers(&form, Step::Place), "2026-11-29"), None);
        assert!(kept(answers(&form, Step::Members), "2026-11-29").is_some());
        let mut changed = form.clone();
        changed.county = "lueyang".into();
        let text = kept(answers(&changed, Step::Place), "2026-11-29").expect("kept");
        let back = Draft::decode(&text).expect("reads back");
        assert_eq!(
            (back.step(), back.form, back.quick),
            (Step::Place, changed, None)
        );
    }

    #[test]
    fn the_one_minute_check_is_kept_open_or_closed_and_an_empty_closed_one_is_not() {
        let form = Form::new("2026-11-29");
        let empty = QuickForm::default();
        // Opened, nothing answered yet: kept open (a reload shows it again).
        let open = Answers {
            quick: Some(&empty),
            quick_shown: true,
            ..answers(&form, Step::Place)
        };
        let back = Draft::decode(&kept(open, "2026-11-29").expect("kept")).expect("reads");
        assert_eq!(back.quick, Some((empty.clone(), true)));
        // Closed and empty: nothing to keep.
        let closed = Answers {
            quick_shown: false,
            ..open
        };
        assert_eq!(kept(closed, "2026-11-29"), None);
        // Every answer, closed: kept with them.
        let mut quick = QuickForm {
            people: "3".into(),
            income: "1 200".into(),
            on_dibao: true,
            ..QuickForm::default()
        };
        quick.anyone.aged_70_plus = true;
        quick.anyone.seriously_ill = true;
        quick.spending.schooling = true;
        let text = kept(
            Answers {
                quick: Some(&quick),
                ..closed
            },
            "2026-11-29",
        )
        .expect("kept");
        let back = Draft::decode(&text).expect("reads");
        assert_eq!((back.form, back.quick), (form, Some((quick, false))));
    }
}

//! Share links (`#s2.…`, made and read by doudi-share; docs/share-link-format.md): the
//! link of a household and its result, and opening one, on start-up and whenever the
//! fragment changes, into the form. A link that cannot be opened (its check fails) gives
//! an empty form and says why; a link made under other rules opens with a message naming
//! both versions and what changed; a link of the old format (`#s1.…`, no check) opens
//! with a warning that it cannot be verified. What these messages say comes from
//! doudi-share's `notice`: our own texts and the link's numbers, never its text.
//!
//! The household travels in the fragment only (never the query string, so it never
//! reaches a server). The browser's own JSON turns it into text: no JSON crate in the
//! site. After a link is opened the fragment is taken out of the address, so that a
//! reload does not open it again over later changes.

use crate::draft_store;
use crate::form::{self, Form, Step};
use crate::i18n::{self, T};
use crate::state::{Action, Mode, State};
use doudi_rules::{Assessment, Household, Options, Text};
use doudi_share::{Integrity, Opened, Shared};
use std::cell::RefCell;
use std::rc::Rc;
use yew::{Callback, Reducible};

/// A message about a share link, a copy or a draft, shown where it belongs.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A link made under the rules in force now was opened.
    LinkOpened,
    /// A link made under other rules was opened: both versions, and each programme whose
    /// result differs between then and now.
    RulesChanged {
        then: String,
        now: String,
        changes: Vec<ChangeLine>,
    },
    /// A link of the old format (`#s1.…`), which carries no check, was opened: the notice
    /// it would have had (`LinkOpened` or `RulesChanged`), shown after [`LINK_UNVERIFIED`].
    Unverified(Box<Notice>),
    /// A link could not be opened, and why.
    LinkFailed(Text),
    Copied,
    /// The clipboard refused: the link is selected instead.
    CopyFailed,
    /// A draft was saved: these answers.
    DraftSaved(Rc<Form>),
    DraftNotSaved,
    Cleared,
}

/// One programme whose result changed since the link was made: its title under today's
/// rules (and the member's number, never a name from the link), then and now.
pub use doudi_share::ChangeLine;

/// Said with a link of the old format: it cannot be verified.
pub const LINK_UNVERIFIED: T = T::new(doudi_share::UNVERIFIED.zh, doudi_share::UNVERIFIED.en);

/// A household's share link and its QR code.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// `origin + path + '#' + fragment`.
    pub url: String,
}

/// What opening a link gives: its answers, and the message to show with its result.
/// An error is the reason it cannot be opened.
pub fn opened(link: &Opened, rules_now: &str) -> Result<(Form, Notice), Text> {
    let shared = &link.shared;
    let form = form::from_household(&shared.household);
    let checked = form::check(&form);
    let Some(household) = checked.household else {
        let detail = checked
            .errors
            .first()
            .map(|error| error.message.clone())
            .unwrap_or_else(|| Text::new("", ""));
        return Err(Text::new(
            format!("{}（{}）", i18n::LINK_BAD_HOUSEHOLD.zh, detail.zh),
            format!("{} ({})", i18n::LINK_BAD_HOUSEHOLD.en, detail.en),
        ));
    };
    let notice = if shared.rules == rules_now {
        Notice::LinkOpened
    } else {
        let now = doudi_rules::assess(&household, Options::QUIET)
            .map_err(|error| Text::new(error.zh, error.en))?;
        match doudi_share::notice(link, &now).rules_changed {
            Some(changed) => Notice::RulesChanged {
                then: changed.then,
                now: changed.now,
                changes: changed.changes,
            },
            None => Notice::LinkOpened,
        }
    };
    let notice = match link.integrity {
        Integrity::Checked => notice,
        Integrity::Unchecked => Notice::Unverified(Box::new(notice)),
    };
    Ok((form, notice))
}

/// What the fragment asks for: a share link opened (its result, or an empty form on
/// the first screen and why not). None when the fragment holds no link (none, or
/// `#example=…`, `#mode=…`). Takes the link out of the address.
pub fn link_action(today: &str) -> Option<Action> {
    let fragment = imp::fragment();
    let body = fragment.trim_start_matches('#');
    // Share links are base64url after "s2." (or "s1."): they never hold '='.
    if body.is_empty() || body.contains('=') {
        return None;
    }
    imp::clear_fragment();
    let result =
        imp::read(body).and_then(|link| opened(&link, doudi_rules::policy::rules_version()));
    Some(match result {
        Ok((form, notice)) => Action::Open(Box::new(form), Step::Result, Some(Rc::new(notice))),
        Err(reason) => Action::Open(
            Box::new(Form::new(today)),
            Step::Place,
            Some(Rc::new(Notice::LinkFailed(reason))),
        ),
    })
}

/// The state a visit starts with, after the fragment's link (if any) is opened and a
/// saved draft (if any) is offered: never loaded without being asked.
pub fn start_up(state: State) -> State {
    let mut actions: Vec<Action> = link_action(&state.today).into_iter().collect();
    // A publicity event's kiosk serves many people: it keeps and offers no drafts.
    if state.mode != Mode::Publicity {
        if let Some(draft) = draft_store::load() {
            actions.push(Action::OfferDraft(Some(Rc::new(draft))));
        }
    }
    if actions.is_empty() {
        return state;
    }
    let state = actions
        .into_iter()
        .fold(Rc::new(state), |state, action| state.reduce(action));
    Rc::try_unwrap(state).unwrap_or_else(|shared| (*shared).clone())
}

thread_local! {
    /// The last link made, for its household: a result re-renders often, the link
    /// changes only with the answers.
    static LAST: RefCell<Option<(Household, Rc<Link>)>> = const { RefCell::new(None) };
}

/// The share link of a household and its assessment (None outside a browser).
pub fn link(household: &Household, assessment: &Assessment) -> Option<Rc<Link>> {
    LAST.with(|last| {
        if let Some((known, link)) = &*last.borrow() {
            if known == household {
                return Some(link.clone());
            }
        }
        let fragment = imp::fragment_of(&Shared::new(household, assessment))?;
        let url = format!("{}#{fragment}", crate::browser::site_address());
        let link = Rc::new(Link { url });
        *last.borrow_mut() = Some((household.clone(), link.clone()));
        Some(link)
    })
}

thread_local! {
    /// The last QR code drawn, for its address.
    static LAST_QR: RefCell<Option<(String, Option<String>)>> = const { RefCell::new(None) };
}

/// The QR code of an address as a `data:image/svg+xml` address; None when the address
/// is too long for a code. Reached only from the tools' module (tools.rs: `ALL`).
pub fn qr_address(url: &str) -> Option<String> {
    LAST_QR.with(|last| {
        if let Some((known, qr)) = &*last.borrow() {
            if known == url {
                return qr.clone();
            }
        }
        let qr = doudi_share::qr_svg(url).map(|svg| svg_address(&svg));
        *last.borrow_mut() = Some((url.to_string(), qr.clone()));
        qr
    })
}

/// An SVG document as a `data:` address for an `<img>` (the CSP allows data: images).
fn svg_address(svg: &str) -> String {
    let mut address = String::from("data:image/svg+xml,");
    for c in svg.chars() {
        match c {
            '%' => address.push_str("%25"),
            '#' => address.push_str("%23"),
            '<' => address.push_str("%3C"),
            '>' => address.push_str("%3E"),
            '"' => address.push('\''),
            c => address.push(c),
        }
    }
    address
}

pub use imp::{copy, listen};

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{link_action, Notice};
    use crate::state::Action;
    use doudi_rules::Text;
    use doudi_share::{Opened, Shared};
    use serde::Serialize;
    use std::rc::Rc;
    use wasm_bindgen::{JsCast, JsValue};
    use yew::Callback;

    pub fn fragment() -> String {
        web_sys::window()
            .and_then(|window| window.location().hash().ok())
            .unwrap_or_default()
    }

    /// Takes the fragment out of the address, keeping the history entry's state.
    pub fn clear_fragment() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let address = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let state = history.state().unwrap_or(JsValue::NULL);
            let _ = history.replace_state_with_url(&state, "", Some(&address));
        }
    }

    /// The link's contents, through the browser's JSON: its check verified (by
    /// `decode_json`, before anything is parsed) and its form checked.
    pub fn read(body: &str) -> Result<Opened, Text> {
        let text = |error: doudi_share::ShareError| Text::new(error.zh, error.en);
        let payload = doudi_share::decode_json(body).map_err(text)?;
        let unrecognised = || text(doudi_share::unrecognised());
        let json = String::from_utf8(payload.json).map_err(|_| unrecognised())?;
        let value = js_sys::JSON::parse(&json).map_err(|_| unrecognised())?;
        let shared: Shared = serde_wasm_bindgen::from_value(value).map_err(|_| unrecognised())?;
        doudi_share::check(&shared, payload.integrity).map_err(text)?;
        Ok(Opened {
            shared,
            integrity: payload.integrity,
        })
    }

    /// The fragment (without '#') for what a link carries.
    pub fn fragment_of(shared: &Shared) -> Option<String> {
        let value = shared
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .ok()?;
        let json = String::from(js_sys::JSON::stringify(&value).ok()?);
        Some(doudi_share::encode_json(json.as_bytes()))
    }

    /// Opens a link pasted into the address bar of an open page.
    pub fn listen(
        ondispatch: Callback<Action>,
        today: String,
    ) -> Option<gloo::events::EventListener> {
        let window = web_sys::window()?;
        Some(gloo::events::EventListener::new(
            &window,
            "hashchange",
            move |_| {
                if let Some(action) = link_action(&today) {
                    ondispatch.emit(action);
                }
            },
        ))
    }

    /// Copies the link with the clipboard API; where the browser refuses (or has none),
    /// selects the link's text so that the person can copy it from the phone's menu.
    pub fn copy(text: String, ondispatch: Callback<Action>) {
        let notify = move |ok: bool| {
            if !ok {
                select_link();
            }
            let notice = if ok {
                Notice::Copied
            } else {
                Notice::CopyFailed
            };
            ondispatch.emit(Action::Notify(Some(Rc::new(notice))));
        };
        // Looked up step by step: `navigator.clipboard` is missing outside secure
        // contexts, and a call that throws must not reach the app.
        let promise = (|| {
            let window: JsValue = web_sys::window()?.into();
            let navigator = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
            let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
            if clipboard.is_undefined() || clipboard.is_null() {
                return None;
            }
            let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
                .ok()?
                .dyn_into::<js_sys::Function>()
                .ok()?;
            write
                .call1(&clipboard, &text.into())
                .ok()?
                .dyn_into::<js_sys::Promise>()
                .ok()
        })();
        match promise {
            None => notify(false),
            Some(promise) => wasm_bindgen_futures::spawn_local(async move {
                notify(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
            }),
        }
    }

    fn select_link() {
        if let Some(input) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("share-link"))
            .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let _ = input.focus();
            input.select();
        }
    }
}

/// Outside a browser (native builds and tests): no address, no clipboard.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use crate::state::Action;
    use doudi_rules::Text;
    use doudi_share::{Opened, Shared};
    use yew::Callback;

    pub fn fragment() -> String {
        String::new()
    }
    pub fn clear_fragment() {}
    pub fn read(_body: &str) -> Result<Opened, Text> {
        let error = doudi_share::unrecognised();
        Err(Text::new(error.zh, error.en))
    }
    pub fn fragment_of(_shared: &Shared) -> Option<String> {
        None
    }
    pub fn listen(_ondispatch: Callback<Action>, _today: String) -> Option<()> {
        None
    }
    pub fn copy(_text: String, _ondispatch: Callback<Action>) {}
}

/// Sends `action` after the clipboard answered (a helper for the views).
pub fn oncopy(url: String, ondispatch: &Callback<Action>) -> Callback<yew::MouseEvent> {
    let ondispatch = ondispatch.clone();
    Callback::from(move |_| copy(url.clone(), ondispatch.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use doudi_rules::Decimal;
    use doudi_share::Snapshot;

    fn example(name: &str) -> Household {
        let example = crate::examples::find(name).expect("bundled example");
        serde_json::from_str(example.json()).expect("example parses")
    }

    fn shared(name: &str) -> Shared {
        let household = example(name);
        let assessment = doudi_rules::assess(&household, Options::QUIET).unwrap();
        Shared::new(&household, &assessment)
    }

    /// A link of the current format, its check passed.
    fn checked(shared: &Shared) -> Opened {
        Opened {
            shared: shared.clone(),
            integrity: Integrity::Checked,
        }
    }

    #[test]
    fn a_link_under_todays_rules_opens_its_answers() {
        let shared = shared("urban-family-with-grandmother");
        let (form, notice) = opened(&checked(&shared), &shared.rules.clone()).unwrap();
        assert_eq!(notice, Notice::LinkOpened);
        assert_eq!(form::check(&form).household, Some(shared.household));
    }

    #[test]
    fn a_link_made_under_other_rules_names_both_versions_and_what_changed() {
        let mut shared = shared("urban-family-with-grandmother");
        let now = shared.rules.clone();
        shared.rules = "0.0.9+0badc0de".into();
        let dibao = shared
            .results
            .iter_mut()
            .find(|snapshot| snapshot.programme == "dibao")
            .unwrap();
        let today = dibao.monthly.expect("dibao is paid");
        dibao.monthly = Some(Decimal::from(1234));
        let (_, notice) = opened(&checked(&shared), &now).unwrap();
        let Notice::RulesChanged {
            then,
            now: shown_now,
            changes,
        } = notice
        else {
            panic!("expected a changed-rules notice, got {notice:?}");
        };
        assert_eq!(
            (then.as_str(), shown_now.as_str()),
            ("0.0.9+0badc0de", now.as_str())
        );
        assert_eq!(changes.len(), 1);
        let change = &changes[0];
        assert_eq!(change.programme.zh, "最低生活保障（低保）");
        assert_eq!(change.then.zh, "可能符合 1234 元/月");
        assert_eq!(change.now.zh, format!("可能符合 {today} 元/月"));
        assert_eq!(
            change.now.en,
            format!("Likely to qualify {today} yuan/month")
        );
    }

    #[test]
    fn a_link_under_other_rules_with_the_same_results_says_nothing_changed() {
        let mut shared = shared("tekun-partial-care");
        let now = shared.rules.clone();
        shared.rules = "0.0.9+0badc0de".into();
        let (_, notice) = opened(&checked(&shared), &now).unwrap();
        assert!(
            matches!(notice, Notice::RulesChanged { ref changes, .. } if changes.is_empty()),
            "{notice:?}"
        );
    }

    #[test]
    fn a_programme_no_longer_assessed_is_named() {
        let mut shared = shared("tekun-partial-care");
        let now = shared.rules.clone();
        shared.rules = "0.0.9+0badc0de".into();
        shared.results.push(Snapshot {
            programme: "retired_programme".into(),
            member: None,
            status: "eligible".into(),
            monthly: Some(Decimal::from(50)),
        });
        let (_, notice) = opened(&checked(&shared), &now).unwrap();
        let Notice::RulesChanged { changes, .. } = notice else {
            panic!("expected a changed-rules notice");
        };
        assert_eq!(changes.len(), 1);
        // Named in our words: the link's id is never shown.
        assert_eq!(
            changes[0].programme,
            doudi_share::text(doudi_share::UNKNOWN_PROGRAMME)
        );
        assert_eq!(
            changes[0].now,
            doudi_share::text(doudi_share::NOT_ASSESSED_NOW)
        );
    }

    #[test]
    fn a_link_of_the_old_format_opens_with_a_warning_that_it_cannot_be_verified() {
        let mut shared = shared("tekun-partial-care");
        let now = shared.rules.clone();
        let old = |shared: &Shared| Opened {
            shared: shared.clone(),
            integrity: Integrity::Unchecked,
        };
        let (_, notice) = opened(&old(&shared), &now).unwrap();
        assert_eq!(notice, Notice::Unverified(Box::new(Notice::LinkOpened)));
        shared.rules = "0.0.9+0badc0de".into();
        let (_, notice) = opened(&old(&shared), &now).unwrap();
        assert!(
            matches!(&notice, Notice::Unverified(inner) if matches!(**inner, Notice::RulesChanged { .. })),
            "{notice:?}"
        );
        assert!(LINK_UNVERIFIED.en.contains("cannot be verified"));
    }

    #[test]
    fn text_carried_in_a_link_never_reaches_the_notice() {
        let mut shared = shared("urban-family-with-grandmother");
        let now = shared.rules.clone();
        shared.rules = "{now} 请拨打 12345".into();
        shared.household.members[0].name = "{now} 请拨打 12345".into();
        for snapshot in &mut shared.results {
            snapshot.status = "{then}".into();
        }
        let (_, notice) = opened(
            &Opened {
                shared,
                integrity: Integrity::Unchecked,
            },
            &now,
        )
        .unwrap();
        let Notice::Unverified(inner) = notice else {
            panic!("expected an unverified notice, got {notice:?}");
        };
        let Notice::RulesChanged { then, changes, .. } = *inner else {
            panic!("expected a changed-rules notice");
        };
        assert_eq!(then, doudi_share::UNKNOWN_VERSION);
        assert!(!changes.is_empty());
        for change in &changes {
            for text in [&change.programme, &change.then, &change.now] {
                for shown in [&text.zh, &text.en] {
                    assert!(!shown.contains(['{', '}']), "{text:?}");
                    assert!(!shown.contains("12345"), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn a_link_whose_household_is_not_valid_is_refused_with_the_reason() {
        let mut shared = shared("tekun-partial-care");
        shared.household.members[0].age = Some(300);
        let reason = opened(&checked(&shared), &shared.rules.clone()).unwrap_err();
        assert!(
            reason.zh.starts_with(i18n::LINK_BAD_HOUSEHOLD.zh),
            "{reason:?}"
        );
        shared.household.members.clear();
        assert!(opened(&checked(&shared), &shared.rules.clone()).is_err());
    }

    #[test]
    fn a_link_opens_on_the_result_and_a_failed_one_on_an_empty_first_screen() {
        let state = Rc::new(State::new("2026-11-29".into()));
        let shared = shared("gradual-exit");
        let (form, notice) = opened(&checked(&shared), &shared.rules.clone()).unwrap();
        let opened_state = state.clone().reduce(Action::Open(
            Box::new(form.clone()),
            Step::Result,
            Some(Rc::new(notice)),
        ));
        assert_eq!(opened_state.step, Step::Result);
        assert_eq!(*opened_state.form, form);
        let failed = opened_state.reduce(Action::Open(
            Box::new(Form::new("2026-11-29")),
            Step::Place,
            Some(Rc::new(Notice::LinkFailed(Text::new("坏", "bad")))),
        ));
        assert_eq!(
            (failed.step, &*failed.form),
            (Step::Place, &Form::new("2026-11-29"))
        );
        assert!(matches!(
            failed.notice.as_deref(),
            Some(Notice::LinkFailed(_))
        ));
    }

    #[test]
    fn a_qr_code_becomes_an_image_address_without_raw_markup() {
        let address = svg_address("<svg a=\"1\" fill=\"#fff\" width=\"100%\"/>");
        assert!(address.starts_with("data:image/svg+xml,%3Csvg"));
        assert!(!address[19..].contains(['<', '>', '"', '#']));
        assert!(address.contains("%23fff") && address.contains("100%25"));
    }
}

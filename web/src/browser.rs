//! The few things the site asks of the browser: today's date, the `#example=NAME`
//! fragment, `<html lang>`, moving focus to a new screen, and JSON parsing of a bundled
//! example. Compiled natively as harmless stand-ins, so that native builds and tests
//! (which never run a browser) compile.

use doudi_rules::Household;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Household;
    use wasm_bindgen::JsCast;

    /// Today on the device, "YYYY-MM-DD" (local time).
    pub fn today() -> String {
        let now = js_sys::Date::new_0();
        format!(
            "{:04}-{:02}-{:02}",
            now.get_full_year(),
            now.get_month() + 1,
            now.get_date()
        )
    }

    /// The example named by `#example=NAME`, if any.
    pub fn example_in_fragment() -> Option<String> {
        fragment_value("example")
    }

    /// The value of `NAME=value` in a fragment such as `#mode=publicity&idle=2` (the
    /// share links' `#s1.…` has none).
    pub fn fragment_value(name: &str) -> Option<String> {
        let hash = web_sys::window()?.location().hash().ok()?;
        super::value_in(&hash, name)
    }

    /// Shows the mode in the address (`#mode=caseworker`, none for the resident's), so
    /// that a reload keeps it; leaves any other fragment (a share link) alone.
    pub fn show_mode_in_fragment(mode: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let hash = location.hash().unwrap_or_default();
        if !(hash.is_empty() || hash == "#" || hash.starts_with("#mode=")) {
            return;
        }
        let mut address = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if mode != "resident" {
            address.push_str("#mode=");
            address.push_str(mode);
        }
        if let Ok(history) = window.history() {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            let _ = history.replace_state_with_url(&state, "", Some(&address));
        }
    }

    /// The site's own address (origin and path, no fragment): what its QR code holds.
    pub fn site_address() -> String {
        web_sys::window()
            .map(|window| {
                let location = window.location();
                format!(
                    "{}{}",
                    location.origin().unwrap_or_default(),
                    location.pathname().unwrap_or_default()
                )
            })
            .unwrap_or_default()
    }

    pub fn set_lang(tag: &str) {
        if let Some(root) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
        {
            let _ = root.set_attribute("lang", tag);
        }
    }

    /// Scrolls to the top and moves keyboard and screen-reader focus to the element.
    pub fn focus_top(id: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        window.scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(element) = window
            .document()
            .and_then(|document| document.get_element_by_id(id))
        {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    }

    /// Moves focus to the first field with a message.
    pub fn focus_first_invalid() {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        if let Ok(Some(element)) = document.query_selector(".invalid input, .invalid select") {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    }

    /// Moves focus to the field that answers `field` (its `data-field`, a JSON path that
    /// is never shown): its first input or list, else the field itself, scrolled into
    /// view. Used by the lists of what to fix.
    pub fn focus_field(field: &str) {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        let Ok(Some(container)) = document.query_selector(&format!("[data-field=\"{field}\"]"))
        else {
            return;
        };
        let target = container
            .query_selector("input:not([disabled]), select, textarea")
            .ok()
            .flatten()
            .unwrap_or(container);
        target.scroll_into_view();
        if let Ok(element) = target.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }

    /// Makes the step an entry of the browser's history, so that the phone's own Back
    /// button goes to the previous screen instead of leaving the page (and the answers).
    pub fn remember_step(step: usize) {
        let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else {
            return;
        };
        let current = history.state().ok().and_then(|state| state.as_f64());
        let step_value = step as f64;
        if current.is_none() {
            let _ = history.replace_state(&step_value.into(), "");
        } else if current != Some(step_value) {
            let _ = history.push_state(&step_value.into(), "");
        }
    }

    /// Calls `onstep` with the step of a history entry the person went back (or
    /// forward) to. Listens while the returned value lives.
    pub fn listen_to_history(
        onstep: impl Fn(usize) + 'static,
    ) -> Option<gloo::events::EventListener> {
        let window = web_sys::window()?;
        Some(gloo::events::EventListener::new(
            &window,
            "popstate",
            move |_| {
                let state = web_sys::window()
                    .and_then(|window| window.history().ok())
                    .and_then(|history| history.state().ok());
                if let Some(step) = state.and_then(|state| state.as_f64()) {
                    onstep(step as usize);
                }
            },
        ))
    }

    /// Reads a bundled example with the browser's JSON parser (no JSON crate in the site).
    pub fn parse_household(json: &str) -> Option<Household> {
        let value = js_sys::JSON::parse(json).ok()?;
        serde_wasm_bindgen::from_value(value).ok()
    }
    /// Runs `then` once the browser has painted the next frame (in a task queued by the
    /// frame's callback): work that need not hold up what a change shows. Dropping the
    /// returned handle before the frame cancels it.
    pub fn after_paint(then: impl FnOnce() + 'static) -> gloo::render::AnimationFrame {
        gloo::render::request_animation_frame(move |_| {
            gloo::timers::callback::Timeout::new(0, then).forget();
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Household;

    pub fn today() -> String {
        "2026-11-29".into()
    }
    pub fn example_in_fragment() -> Option<String> {
        None
    }
    pub fn fragment_value(_name: &str) -> Option<String> {
        None
    }
    pub fn show_mode_in_fragment(_mode: &str) {}
    pub fn site_address() -> String {
        String::new()
    }
    pub fn set_lang(_tag: &str) {}
    pub fn focus_top(_id: &str) {}
    pub fn focus_first_invalid() {}
    pub fn focus_field(_field: &str) {}
    pub fn remember_step(_step: usize) {}
    pub fn listen_to_history(_onstep: impl Fn(usize) + 'static) -> Option<()> {
        None
    }
    /// No frames outside a browser: `then` never runs.
    pub fn after_paint(_then: impl FnOnce() + 'static) -> Pending {
        Pending
    }

    /// What `after_paint` returns outside a browser: nothing pending.
    pub struct Pending;
    pub fn parse_household(_json: &str) -> Option<Household> {
        None
    }
}

pub use imp::*;

/// The value of `name=value` among the `&`-separated pairs of a fragment ("#a=1&b=2").
pub fn value_in(fragment: &str, name: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    #[test]
    fn fragment_values_are_found_by_name() {
        let value = |fragment, name| super::value_in(fragment, name);
        assert_eq!(
            value("#example=gradual-exit", "example").as_deref(),
            Some("gradual-exit")
        );
        assert_eq!(
            value("#mode=publicity&idle=2", "idle").as_deref(),
            Some("2")
        );
        assert_eq!(
            value("#mode=publicity&idle=2", "mode").as_deref(),
            Some("publicity")
        );
        assert_eq!(value("#s1.abc", "mode"), None);
        assert_eq!(value("#modes=x", "mode"), None);
    }
}

//! The staff's tools (the caseworker's, caseload and publicity modes), the print sheet
//! and QR codes, with everything a resident's app has: the same `App`, given every tool
//! (web/src/tools.rs). An ES module of its own (Trunk builds it with `data-type="worker"`
//! and `data-bindgen-target="web"` in web/index.html), imported by
//! `window.doudi.tools()` when a resident's app is asked for one of these; it then
//! takes the page over (`takeOver`).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Nothing runs when the module loads: the resident's app says when to take over.
fn main() {}

/// Takes the page over from a resident's app, in its language (`zh-CN` or `en`), text
/// size, mode (`Mode::id`) and a publicity kiosk's idle time (seconds), and does what
/// was asked (`Then::id`: print, or nothing more).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = takeOver)]
pub fn take_over(lang: String, large_text: bool, mode: String, idle_seconds: String, then: String) {
    use doudi_web::app::Handed;
    use doudi_web::state::Mode;
    use doudi_web::tools::{self, Then};
    let lang = doudi_web::i18n::Lang::from_tag(&lang);
    doudi_web::takeover::render_in_place::<doudi_web::App>(doudi_web::app::AppProps {
        lang,
        large_text,
        handed: Some(Handed {
            mode: Mode::from_id(&mode).unwrap_or(Mode::Resident),
            idle_seconds: idle_seconds
                .parse()
                .unwrap_or(doudi_web::state::PUBLICITY_IDLE_SECONDS),
        }),
        tools: &tools::ALL,
    });
    if Then::from_id(&then) == Then::Print {
        // The print button, pressed again once the result is drawn here (its first
        // render runs in a microtask; this task comes after it).
        gloo::timers::callback::Timeout::new(0, || {
            use wasm_bindgen::JsCast;
            let button = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.get_element_by_id("print"))
                .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(button) = button {
                button.click();
            }
        })
        .forget();
    }
}

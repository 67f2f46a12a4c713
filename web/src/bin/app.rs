//! A resident's app with the rules: the five screens, the result, its explanation and
//! chart, share as a link; the staff's tools, the print sheet and QR codes are the
//! `doudi-tools` module's (src/bin/tools.rs), fetched when asked for. An ES module of its own (Trunk builds
//! it with `data-type="worker"` and `data-bindgen-target="web"` in web/index.html),
//! imported by `window.doudi.app()`: the first screen's module (src/main.rs) fetches it
//! once its screen is up, and calls `takeOver` at the first press that needs the app.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Nothing runs when the module loads: the first screen's module says when to take over.
fn main() {}

/// Takes the page over from the first screen (or from the screen the build rendered),
/// in the language (`zh-CN` or `en`) and text size it had, and gives back what was done
/// on it (web/src/takeover.rs).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = takeOver)]
pub fn take_over(lang: String, large_text: bool) {
    let lang = doudi_web::i18n::Lang::from_tag(&lang);
    // A resident's app: the staff's tools, the print sheet and QR codes come from the
    // tools' module when asked for (web/src/tools.rs).
    doudi_web::takeover::render_in_place::<doudi_web::App>(doudi_web::app::AppProps {
        lang,
        large_text,
        handed: None,
        tools: &doudi_web::tools::ON_DEMAND,
    });
}

//! 长辈版's read-aloud (朗读): the screen's questions, or the result's money and next
//! steps, spoken by the browser's own speech synthesis (offline voices on most phones),
//! in the page's language; nothing leaves the device. Shown in 长辈版 (the large-text
//! mode) only, and only in the app's modules (tools.rs: the first screen has none).
//! Where the device has no voice for the language the button says so plainly, with
//! where to get one.
//!
//! What is spoken is what the page shows, read from it at the press, one utterance per
//! piece in order: the screen's title, then on the question screens each question's
//! label (and a group's legend), on the result the money card, the next steps and a
//! checked decision's verdict and summary (核一核); on the one-minute check its
//! questions, then the first answer's total, each programme's word and range, and the
//! guidance. So
//! the spoken figures are the shown ones, which are the assessment's.

use super::View;
use crate::form::Step;
use crate::i18n::{self, Lang};
use crate::state::Action;
use yew::prelude::*;

/// The kinds of screen read aloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Spoken {
    /// A question screen: its title and questions.
    Questions,
    /// The result: its money, next steps and a checked decision.
    Result,
    /// The one-minute check: its questions, then the first answer's total and, per
    /// programme, its word and range, and the guidance.
    Quick,
}

/// What is read on a screen, in the page's order.
#[cfg(target_arch = "wasm32")]
fn selector(spoken: Spoken) -> &'static str {
    match spoken {
        Spoken::Result => "main h2.step-title, main [data-testid=\"total\"] h2, main [data-testid=\"total\"] p, main [data-testid=\"next-steps\"] h2, main [data-testid=\"next-steps\"] li, main .check-answer .verdict, main .check-answer .summary",
        Spoken::Questions => "main h2.step-title, main .step legend, main .step .field > label, main .step h3",
        Spoken::Quick => "main h2.step-title, main .step legend, main .step .field > label, main .quick-answer h3, main .quick-answer .quick-range, main .quick-guidance li",
    }
}

/// The pieces to speak: the text of each element matched and shown, its spaces collapsed.
#[cfg(target_arch = "wasm32")]
fn pieces(spoken: Spoken) -> Vec<String> {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return Vec::new();
    };
    let Ok(found) = document.query_selector_all(selector(spoken)) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|at| found.item(at)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|element| element.offset_parent().is_some())
        .filter_map(|element| {
            let text = element.text_content()?;
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (!text.is_empty()).then_some(text)
        })
        .collect()
}

/// Speaks the screen; false when the device has no voice for the language.
#[cfg(target_arch = "wasm32")]
fn speak(spoken: Spoken, lang: Lang) -> bool {
    let Some(synth) = web_sys::window().and_then(|window| window.speech_synthesis().ok()) else {
        return false;
    };
    let prefix = if lang == Lang::Zh { "zh" } else { "en" };
    let voices = synth.get_voices();
    // Each voice's language, read as a property (no method that could throw).
    let has_voice = (0..voices.length()).any(|at| {
        js_sys::Reflect::get(&voices.get(at), &"lang".into())
            .ok()
            .and_then(|lang| lang.as_string())
            .is_some_and(|lang| lang.to_ascii_lowercase().starts_with(prefix))
    });
    if !has_voice {
        return false;
    }
    synth.cancel();
    for text in pieces(spoken) {
        if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(&text) {
            utterance.set_lang(lang.tag());
            synth.speak(&utterance);
        }
    }
    true
}

#[cfg(not(target_arch = "wasm32"))]
fn speak(_spoken: Spoken, _lang: Lang) -> bool {
    false
}

/// Asks the browser to load its voices, which some load only when first asked for: once
/// a page, not on every drawing of the screen.
#[cfg(target_arch = "wasm32")]
fn wake_voices() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static WOKEN: AtomicBool = AtomicBool::new(false);
    if WOKEN.swap(true, Ordering::Relaxed) {
        return;
    }
    if let Some(synth) = web_sys::window().and_then(|window| window.speech_synthesis().ok()) {
        let _ = synth.get_voices();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn wake_voices() {}

/// The button, in 长辈版 on the resident's screens.
pub fn read_aloud(view: &View) -> Html {
    let state = view.state;
    if !state.large_text {
        return html! {};
    }
    wake_voices();
    let lang = state.lang;
    let (spoken, label) = match (state.quick_shown, state.step) {
        (true, _) => (Spoken::Quick, i18n::READ_QUICK),
        (false, Step::Result) => (Spoken::Result, i18n::READ_RESULT),
        (false, _) => (Spoken::Questions, i18n::READ_QUESTIONS),
    };
    let onclick = view
        .ondispatch
        .reform(move |_: MouseEvent| Action::NoVoice(!speak(spoken, lang)));
    html! {
        <div class="read-aloud">
            <button type="button" class="secondary" id="read-aloud" {onclick}>{ label.get(lang) }</button>
            <p class="read-aloud-status" role="status">
                if state.no_voice { { i18n::NO_VOICE.get(lang) } }
            </p>
        </div>
    }
}

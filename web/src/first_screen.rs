//! The first screen on its own: what a resident's first load runs (the `doudi-web` bin,
//! src/main.rs), so that the screen the build rendered answers at once, however slow the
//! network, before the app with the rules (the `doudi-app` module, src/bin/app.rs) has
//! arrived.
//!
//! It draws the first screen through the same views as the app (`app::page`,
//! `place_step`), so its markup is the app's (a test renders both and compares). It
//! takes the answers of the first screen, the language and the text size, through the
//! reducer's own `State::on_first_screen`; any other press (go on, an example, a mode,
//! a draft) hands the page over to the app, which takes it over as it takes over the
//! built screen (takeover.rs: the answers by id, the focus, the opened sections, and the
//! pressed button, pressed again), with the language and text size passed on. The
//! app's bytes are fetched once this module is in (before it takes the built screen
//! over, which waits for the first sign of use: src/main.rs), so they are usually there
//! by the first press, which compiles and runs them (no work for the processor before a press
//! needs the app); until the app is up, a line at the foot of the screen says it is
//! being opened (or, offline on a first visit, that it could not be, and to press
//! again).
//!
//! It hands over at once, without drawing, when the page opens on something else: a
//! link's fragment, the answers kept in this tab, or a saved draft to offer. A link
//! pasted into the address while it runs reloads the page (index.html's script), which
//! then opens on the link.

use crate::app::{page, Content};
use crate::browser;
use crate::components::place_step::place_step;
use crate::components::View;
use crate::form::Checked;
use crate::i18n;
use crate::state::{Action, State};
use yew::prelude::*;

pub use crate::takeover::Handing;

#[function_component(FirstScreen)]
pub fn first_screen() -> Html {
    let state = use_state(|| State::new(browser::today()));
    let handing = use_state(|| Handing::No);
    let ondispatch = {
        let state = state.clone();
        let handing = handing.clone();
        Callback::from(move |action: Action| match state.on_first_screen(&action) {
            Some(next) => state.set(next),
            None => {
                let handing = handing.clone();
                hand_over(Callback::from(move |now| handing.set(now)))
            }
        })
    };
    use_effect_with(state.lang, |lang| browser::set_lang(lang.tag()));
    // Nothing on the first screen is checked before a press that goes on, and that
    // press is the app's: no message shows here.
    let checked = Checked::default();
    // The first screen asks for no tool: a mode's button hands over to the app first.
    let ask_tools = Callback::noop();
    let view = View {
        state: &state,
        checked: &checked,
        ondispatch: &ondispatch,
        tools: &crate::tools::NONE,
        ask_tools: &ask_tools,
    };
    let body = place_step(&view);
    let status = match *handing {
        Handing::No => html! {},
        Handing::Waiting => {
            html! { <p class="handing" role="status">{ i18n::APP_LOADING.get(state.lang) }</p> }
        }
        Handing::Failed => {
            html! { <p class="handing failed" role="alert">{ i18n::APP_FAILED.get(state.lang) }</p> }
        }
    };
    html! {
        <>
            { page(&view, Content::Screen { notices: html! {}, body, blocked: false }) }
            { status }
        </>
    }
}

/// Hands the page over to the app once its module is here (index.html's `takeOver`
/// marks the page as a screen drawn here, with the press that asked for the app, and
/// passes on the page's language and text size as they are now).
pub fn hand_over(onchange: Callback<Handing>) {
    crate::takeover::hand_over(crate::takeover::Module::App, || Some(Vec::new()), onchange);
}

/// Whether the page opens on something other than the first screen, which only the app
/// can show: a link's fragment, the answers kept in this tab, or a saved draft to offer.
/// index.html's `doudi.waitsForUse` decides it (the start-up script asks it before any
/// wasm runs); this module takes its answer rather than deciding again.
#[cfg(target_arch = "wasm32")]
pub fn opens_elsewhere() -> bool {
    crate::takeover::call_doudi("waitsForUse").and_then(|waits| waits.as_bool()) == Some(false)
}

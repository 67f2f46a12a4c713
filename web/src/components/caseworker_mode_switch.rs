//! The modes: how they are reached (residents see their own screens, staff tools under
//! "工作人员"; a publicity kiosk shows no switch), the page of each mode other than the
//! resident's screens, and what a mode asks of the browser. The mode lives in memory and in the address (`#mode=caseworker`,
//! with `&idle=SECONDS` for the publicity kiosk's reset), never in storage.

use super::caseload_mode::CaseloadMode;
use super::caseworker_mode::CaseworkerMode;
use super::publicity_mode::publicity_mode;
use super::{on, publicity_idle, View};
use crate::browser;
use crate::i18n;
use crate::state::{Action, Mode, State};
use yew::prelude::*;

/// The state a visit starts with, in the mode named in the fragment.
pub fn from_fragment(mut state: State) -> State {
    if let Some(mode) = browser::fragment_value("mode").and_then(|id| Mode::from_id(&id)) {
        state.mode = mode;
    }
    if let Some(seconds) = browser::fragment_value("idle").and_then(|text| text.parse().ok()) {
        state.idle_seconds = seconds;
    }
    state
}

/// The class of the page: wide for the caseworker's and the caseload's tables, large
/// type at a publicity event.
pub fn app_class(state: &State) -> &'static str {
    match state.mode {
        Mode::Caseworker | Mode::Caseload if state.large_text => "app large wide",
        Mode::Caseworker | Mode::Caseload => "app wide",
        Mode::Publicity => "app large publicity",
        Mode::Resident if state.large_text => "app large",
        Mode::Resident => "app",
    }
}

/// Whether the page shows the resident's five screens: in resident mode, and for a
/// visitor working out their own household at a publicity event.
pub fn shows_screens(state: &State) -> bool {
    state.mode == Mode::Resident || (state.mode == Mode::Publicity && state.own_household)
}

/// A view function (no state of its own): how the modes are reached.
///
/// - A resident sees the resident's screens, with the staff's tools (caseworker,
///   publicity event, caseload) one tap away under "工作人员".
/// - Staff in the caseworker or caseload mode see the whole switch.
/// - A publicity kiosk shows no switch to its visitors: staff leave it by the address or
///   by the small button at the foot of the page ([`publicity_exit`]); a visitor working
///   out their own household has the way back to the examples.
pub fn mode_switch(state: &State, ondispatch: &Callback<Action>) -> Html {
    let lang = state.lang;
    let buttons = |modes: &[Mode]| -> Html {
        modes
            .iter()
            .map(|&each| {
                let name = i18n::MODE_NAMES[Mode::ALL.iter().position(|&mode| mode == each).unwrap_or(0)];
                html! {
                    <button type="button" class="mode" data-mode={each.id()} aria-pressed={if each == state.mode { "true" } else { "false" }}
                        onclick={on(ondispatch, Action::SetMode(each))}>
                        { name.get(lang) }
                    </button>
                }
            })
            .collect()
    };
    match state.mode {
        Mode::Resident => html! {
            <details class="staff">
                <summary>{ i18n::STAFF.get(lang) }</summary>
                <nav class="modes staff-modes" aria-label={i18n::MODES.get(lang)}>
                    { buttons(&[Mode::Caseworker, Mode::Publicity, Mode::Caseload]) }
                </nav>
            </details>
        },
        Mode::Publicity => html! {
            if state.own_household {
                <button type="button" class="secondary pub-back" onclick={on(ondispatch, Action::SetMode(Mode::Publicity))}>
                    { i18n::PUB_BACK.get(lang) }
                </button>
            }
        },
        Mode::Caseworker | Mode::Caseload => html! {
            <nav class="modes" aria-label={i18n::MODES.get(lang)}>
                { buttons(&Mode::ALL) }
            </nav>
        },
    }
}

/// At the foot of a publicity kiosk's page: the staff's way out (to the resident's
/// screens, where the other tools are).
pub fn publicity_exit(state: &State, ondispatch: &Callback<Action>) -> Html {
    if state.mode != Mode::Publicity {
        return html! {};
    }
    html! {
        <p class="staff-exit">
            <button type="button" class="link-button" data-mode="resident" onclick={on(ondispatch, Action::SetMode(Mode::Resident))}>
                { i18n::PUB_EXIT.get(state.lang) }
            </button>
        </p>
    }
}

/// The page of a mode other than the resident's screens.
pub fn mode_page(view: &View) -> Html {
    match view.state.mode {
        Mode::Caseworker => html! {
            <CaseworkerMode state={view.state.clone()} ondispatch={view.ondispatch.clone()} />
        },
        Mode::Caseload => html! { <CaseloadMode lang={view.state.lang} /> },
        Mode::Publicity | Mode::Resident => publicity_mode(view),
    }
}

/// The effects of the modes: the mode in the address, focus on the new page's title,
/// and the publicity kiosk's reset when nobody has used it for a while.
#[hook]
pub fn use_modes(state: &State, ondispatch: &Callback<Action>) {
    use_effect_with(state.mode, |mode| browser::show_mode_in_fragment(mode.id()));
    let first = use_mut_ref(|| true);
    use_effect_with(
        (state.mode, state.shown_example, state.own_household),
        move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                browser::focus_top("step-title");
            }
        },
    );
    let ondispatch = ondispatch.clone();
    use_effect_with(
        (state.mode == Mode::Publicity, state.idle_seconds),
        move |(publicity, seconds)| {
            let watch = publicity
                .then(|| {
                    publicity_idle::watch(*seconds, move || ondispatch.emit(Action::IdleReset))
                })
                .flatten();
            // The watch ends with this clean-up (leaving the mode).
            move || drop(watch)
        },
    );
}

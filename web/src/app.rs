//! The whole app, its one component: the state, the rules' answer, the current screen,
//! and the effects that follow a change (the page language, focus on a new screen).

use crate::browser;
use crate::components::caseworker_mode_switch::{
    app_class, from_fragment, mode_switch, publicity_exit, shows_screens, use_modes,
};
use crate::components::check_panel;
use crate::components::header::header;
use crate::components::members_step::members_step;
use crate::components::nav_buttons::{nav_buttons, NavButtonsProps};
use crate::components::place_step::place_step;
use crate::components::progress::progress;
use crate::components::result_step::{result_step, Computed};
use crate::components::situations_step::situations_step;
use crate::components::summary_step::summary_step;
use crate::components::View;
use crate::examples;
use crate::form::{self, Step};
use crate::i18n::{self, Lang};
use crate::session_store;
use crate::state::{Action, Mode, State};
use crate::takeover::{self, Handing, Module};
use crate::tools::{Then, Tools};
use std::rc::Rc;
use yew::prelude::*;

/// The state a visit starts with: today's date, or the example named in the fragment,
/// or the answers kept in this tab (a reload, or a page handed over to the tools'
/// module); and whether these were restored.
fn initial_state(handed: Option<Handed>) -> (State, bool) {
    let mut state = from_fragment(State::new(browser::today()));
    if let Some(handed) = handed {
        state.mode = handed.mode;
        state.idle_seconds = handed.idle_seconds;
    }
    let loaded = browser::example_in_fragment()
        .filter(|_| handed.is_none())
        .and_then(|name| examples::find(&name))
        .and_then(|example| browser::parse_household(example.json()))
        .map(|household| Action::Load(Box::new(form::from_household(&household))));
    let restored = match loaded {
        Some(_) => None,
        None if state.mode == Mode::Publicity => None,
        None => session_store::restore(),
    };
    let was_restored = restored.is_some();
    let action = match (loaded, &restored) {
        (Some(action), _) => Some(action),
        (None, Some(kept)) => Some(Action::Open(Box::new(kept.form.clone()), kept.step(), None)),
        (None, None) => None,
    };
    match action {
        Some(action) => {
            use yew::Reducible;
            let state = Rc::new(state).reduce(action);
            let mut state = Rc::try_unwrap(state).unwrap_or_else(|shared| (*shared).clone());
            // The one-minute check as it was: its answers, open or not.
            if let Some((quick, shown)) = restored.and_then(|kept| kept.quick) {
                state.quick = Some(Rc::new(quick));
                state.quick_shown = shown;
            }
            (state, was_restored)
        }
        None => (state, false),
    }
}

/// How the page looked when the app took it over from the first screen
/// (first_screen.rs), or the tools' module from the app (tools.rs): its language, text
/// size and mode; and the tools this module has.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct AppProps {
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or_default]
    pub large_text: bool,
    /// A page handed over by a resident's app to the tools' module: its mode.
    #[prop_or_default]
    pub handed: Option<Handed>,
    /// A resident's app has the tools on demand; the tools' module has them all.
    #[prop_or(&crate::tools::ON_DEMAND)]
    pub tools: &'static Tools,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps {
            lang: Lang::default(),
            large_text: false,
            handed: None,
            tools: &crate::tools::ON_DEMAND,
        }
    }
}

/// What a resident's app hands over to the tools' module besides the answers kept in
/// this tab (tools.rs): the mode, and a publicity kiosk's idle time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handed {
    pub mode: Mode,
    pub idle_seconds: u32,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // A share link in the fragment opens; a saved draft is offered (share_link.rs), unless
    // the answers of this tab were restored (a reload is not a new visit).
    let state = use_reducer(|| {
        let (state, restored) = initial_state(props.handed);
        let mut state = crate::share_link::start_up(state);
        state.lang = props.lang;
        state.large_text = state.large_text || props.large_text;
        if restored {
            state.draft = None;
        }
        state
    });
    // The resident's screens check the answers here; the caseworker's page checks its
    // own scenarios (caseworker_mode.rs), and the other modes none: no second check on
    // every keystroke there.
    let checked = use_memo(
        (state.form.clone(), shows_screens(&state)),
        |(form, screens)| {
            if *screens {
                form::check(form)
            } else {
                form::Checked::default()
            }
        },
    );
    // The rules run on the result screen, again whenever an answer changes.
    let on_result = state.step == Step::Result;
    let computed = use_memo(
        (on_result, checked.household.clone()),
        |(on_result, household)| household.as_ref().filter(|_| *on_result).map(Computed::of),
    );
    // 核一核: the decision typed on the result screen, checked when it or an answer changes.
    let decision_checked = use_memo(
        (
            on_result,
            checked.household.clone(),
            form::decision(&state.form),
        ),
        |(on_result, household, decision)| {
            household
                .as_ref()
                .filter(|_| *on_result)
                .and_then(|household| check_panel::run(household, decision.as_ref()))
        },
    );
    // The one-minute check, answered as its questions are.
    let quick_answered = use_memo(
        (state.quick_shown, state.quick.clone(), state.form.clone()),
        |(shown, quick, form)| match (shown, quick) {
            (true, Some(quick)) => crate::components::quick_check::run(form, quick),
            _ => None,
        },
    );
    let ondispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let lang = state.lang;
    use_effect_with(lang, |lang| browser::set_lang(lang.tag()));
    // The answers are kept in this tab (sessionStorage), written when they change; a
    // publicity kiosk keeps nothing.
    {
        let today = state.today.clone();
        use_effect_with(
            (
                state.form.clone(),
                state.step,
                state.mode,
                state.quick.clone(),
                state.quick_shown,
            ),
            move |(form, step, mode, quick, quick_shown)| {
                // Written once the change is on screen (a keystroke's frame is not held
                // up by the storage); a newer change before that frame takes its place.
                let (form, step, mode, quick, quick_shown) =
                    (form.clone(), *step, *mode, quick.clone(), *quick_shown);
                let write = browser::after_paint(move || {
                    if mode == Mode::Publicity {
                        session_store::forget();
                    } else {
                        let answers = session_store::Answers {
                            form: &form,
                            step,
                            quick: quick.as_deref(),
                            quick_shown,
                        };
                        session_store::keep(answers, &today);
                    }
                });
                move || {
                    let _ = &write;
                }
            },
        );
    }
    let first = use_mut_ref(|| true);
    // A new screen, a new part of screen 3 in 长辈版, or the one-minute check opened or
    // closed: focus on its title.
    use_effect_with((state.step, state.part(), state.quick_shown), move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            browser::focus_top("step-title");
        }
    });
    // The phone's Back button walks back through the screens (history entries).
    use_effect_with(state.step, |step| browser::remember_step(step.number()));
    {
        let ondispatch = ondispatch.clone();
        use_effect_with((), move |_| {
            let listener = browser::listen_to_history(move |number| {
                if let Some(step) = Step::ALL.get(number.wrapping_sub(1)) {
                    ondispatch.emit(Action::GoTo(*step));
                }
            });
            // The listener lives as long as the app (dropped with this clean-up).
            move || {
                let _ = &listener;
            }
        });
    }
    // A share link pasted into the address bar of the open page.
    {
        let ondispatch = ondispatch.clone();
        let today = state.today.clone();
        use_effect_with((), move |_| {
            let listener = crate::share_link::listen(ondispatch, today);
            move || {
                let _ = &listener;
            }
        });
    }
    // A link of a list of what to fix: focus on its field, once its screen is shown
    // (after the screen's own focus on its title above).
    use_effect_with(state.focus_field.clone(), |field| {
        if let Some(field) = field {
            browser::focus_field(field);
        }
    });
    use_effect_with(state.refusals, |refusals| {
        if *refusals > 0 {
            browser::focus_first_invalid();
        }
    });
    use_modes(&state, &ondispatch);
    // The tools, in a resident's app: asked for from their module (tools.rs), with the
    // answers kept in this tab at once for it to read.
    let handing = use_state(|| Handing::No);
    // The mode and idle time now, for a handing over that finishes later.
    let live = use_mut_ref(|| (state.mode, state.idle_seconds));
    *live.borrow_mut() = (state.mode, state.idle_seconds);
    let ask_tools = {
        let state = state.clone();
        let handing = handing.clone();
        let live = live.clone();
        Callback::from(move |then: Then| {
            if state.mode != Mode::Publicity {
                session_store::keep(state.answers(), &state.today);
            }
            let handing = handing.clone();
            let asked_for_a_mode = state.mode != Mode::Resident;
            let live = live.clone();
            takeover::hand_over(
                Module::Tools,
                // A mode's page asked for, and the person back on the resident's screens
                // before the tools came: no longer wanted.
                move || {
                    let (mode, idle) = *live.borrow();
                    (!asked_for_a_mode || mode != Mode::Resident).then(|| {
                        vec![
                            mode.id().to_string(),
                            idle.to_string(),
                            then.id().to_string(),
                        ]
                    })
                },
                Callback::from(move |now| handing.set(now)),
            );
        })
    };
    {
        let ask_tools = ask_tools.clone();
        use_effect_with((state.mode, props.tools.here), move |(mode, here)| {
            if !here && *mode != Mode::Resident {
                ask_tools.emit(Then::Show);
            }
        });
    }

    let step = state.step;
    let view = View {
        state: &state,
        checked: &checked,
        ondispatch: &ondispatch,
        tools: props.tools,
        ask_tools: &ask_tools,
    };
    let blocked = state.attempted.contains(&step)
        && checked
            .errors_on(step)
            .any(|error| state.in_part(&error.field));
    let content = if state.quick_shown && shows_screens(&state) {
        Content::ModePage(crate::components::quick_check::quick_screen(
            &view,
            &quick_answered,
        ))
    } else if shows_screens(&state) {
        Content::Screen {
            notices: html! {
                <>
                    { crate::components::share_panel::link_notice(&view) }
                    { crate::components::drafts::draft_offer(&view) }
                    { crate::components::error_summary::error_summary(&view) }
                </>
            },
            body: match step {
                Step::Place => place_step(&view),
                Step::Members => members_step(&view),
                Step::Situations => situations_step(&view),
                Step::Summary => summary_step(&view),
                Step::Result => result_step(
                    &view,
                    computed.as_ref().as_ref(),
                    decision_checked.as_ref().as_ref(),
                ),
            },
            blocked,
        }
    } else {
        Content::ModePage((props.tools.mode_page)(&view))
    };
    let status = match *handing {
        Handing::No => html! {},
        Handing::Waiting => {
            html! { <p class="handing" role="status">{ i18n::APP_LOADING.get(lang) }</p> }
        }
        Handing::Failed => {
            html! { <p class="handing failed" role="alert">{ i18n::TOOLS_FAILED.get(lang) }</p> }
        }
    };
    html! {
        <>
            { page(&view, content) }
            { status }
        </>
    }
}

/// What the page shows between its header and its footer.
pub(crate) enum Content {
    /// One of the resident's screens: the notices above its questions (a share link's,
    /// a draft's, the list of what to fix), its body, and whether going on is refused.
    Screen {
        notices: Html,
        body: Html,
        blocked: bool,
    },
    /// The page of another mode.
    ModePage(Html),
}

/// The page around what it shows: the header, the modes, the screen or the mode's page,
/// and the footer. The app and the first screen (first_screen.rs) both draw through it,
/// so the first screen is the same markup in each.
pub(crate) fn page(view: &View, content: Content) -> Html {
    let state = view.state;
    let ondispatch = view.ondispatch;
    let (lang, step) = (state.lang, state.step);
    html! {
        <div class={app_class(state)} data-step={step.number().to_string()} data-mode={state.mode.id()}>
            { header(lang, state.large_text, ondispatch) }
            { mode_switch(state, ondispatch) }
            {
                match content {
                    Content::Screen { notices, body, blocked } => html! {
                        <main>
                            { progress(step, lang) }
                            <h2 id="step-title" class="step-title" tabindex="-1">{ step.name().get(lang) }</h2>
                            { (view.tools.read_aloud)(view) }
                            { notices }
                            { body }
                            { nav_buttons(NavButtonsProps { step, lang, return_to: state.return_to, blocked, ondispatch: ondispatch.clone() }) }
                            { crate::components::drafts::drafts_bar(view) }
                        </main>
                    },
                    Content::ModePage(page) => page,
                }
            }
            <footer>
                { publicity_exit(state, ondispatch) }
                <p>{ i18n::PRIVACY.get(lang) }</p>
                <p>{ format!("{}：{}", i18n::RULES_VERSION.get(lang), doudi_rules::policy::rules_version()) }</p>
            </footer>
        </div>
    }
}

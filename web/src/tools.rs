//! What a resident's app leaves to a module of its own (issue 10): the staff's tools
//! (the caseworker's, caseload and publicity modes), the print sheet and the QR codes.
//!
//! Both the resident's app (`doudi-app`, src/bin/app.rs) and the tools' module
//! (`doudi-tools`, src/bin/tools.rs) are the same [`App`](crate::App); they differ in
//! the [`Tools`] they are given. Only the tools' module names [`ALL`], so only its wasm
//! holds these views (the linker drops what no code reaches). The resident's app,
//! given [`ON_DEMAND`], hands the page over to the tools' module when one is asked for:
//!
//! - a mode other than the resident's screens (the "工作人员" entry, or `#mode=` in the
//!   address): a line says it is being opened;
//! - the print button: the tools' module takes over and prints;
//! - the share panel's QR code (a section opened): the tools' module takes over with it
//!   open.
//!
//! The answers go across through the answers kept in this tab (session_store.rs,
//! written at once before the handing over), as on a reload; the language, the text
//! size, the mode and what was asked for through `takeOver` (web/index.html,
//! `window.doudi.tools()`); the focus and the opened sections through the page
//! (takeover.rs, "handed"). A publicity kiosk keeps nothing, as ever.

use crate::components::View;
use crate::i18n::{self, Lang};
use crate::state::Mode;
use doudi_rules::{Assessment, Household};
use yew::prelude::*;

/// The views a module has for the tools, or their stand-ins.
pub struct Tools {
    /// Whether the tools are in this module.
    pub here: bool,
    /// The page of a mode other than the resident's screens.
    pub mode_page: fn(&View) -> Html,
    /// A result's print sheet (hidden on screen).
    pub print_sheet: fn(&Household, &Assessment, Lang) -> Html,
    /// The QR code of an address, as an image's address (None when too long for one).
    pub qr: fn(&str) -> Option<String>,
    /// 长辈版's read-aloud button (in both the app's modules; not on the first screen's).
    pub read_aloud: fn(&View) -> Html,
}

impl PartialEq for Tools {
    /// There are three: [`ALL`], [`ON_DEMAND`] and [`NONE`].
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl std::fmt::Debug for Tools {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tools").field("here", &self.here).finish()
    }
}

/// The tools' module: every tool.
pub static ALL: Tools = Tools {
    here: true,
    mode_page: crate::components::caseworker_mode_switch::mode_page,
    print_sheet: crate::components::print_sheet::print_sheet,
    qr: crate::share_link::qr_address,
    read_aloud: crate::components::read_aloud::read_aloud,
};

/// A resident's app: the tools come from their module when asked for.
pub static ON_DEMAND: Tools = Tools {
    here: false,
    mode_page: opening_page,
    print_sheet: |_, _, _| Html::default(),
    qr: |_| None,
    read_aloud: crate::components::read_aloud::read_aloud,
};

/// The first screen's module (first_screen.rs), which draws the first screen alone and
/// asks for no tool: nothing to link.
pub static NONE: Tools = Tools {
    here: false,
    mode_page: |_| Html::default(),
    print_sheet: |_, _, _| Html::default(),
    qr: |_| None,
    read_aloud: |_| Html::default(),
};

/// What the tools' module is asked to do once it has taken over, besides showing the
/// page as it was (`takeOver`'s last argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    /// Nothing more: a mode's page, or the share panel's QR code (its section opened).
    Show,
    /// Print the result (the print button, pressed again).
    Print,
}

impl Then {
    pub fn id(self) -> &'static str {
        match self {
            Then::Show => "",
            Then::Print => "print",
        }
    }

    pub fn from_id(id: &str) -> Then {
        match id {
            "print" => Then::Print,
            _ => Then::Show,
        }
    }
}

/// A mode's page in a resident's app, while the tools' module comes: its title, and a
/// line at the foot of the page says how the opening goes (app.rs).
fn opening_page(view: &View) -> Html {
    let lang = view.state.lang;
    let mode = view.state.mode;
    let name = i18n::MODE_NAMES[Mode::ALL.iter().position(|&each| each == mode).unwrap_or(0)];
    html! {
        <main class="opening-tools">
            <h2 id="step-title" class="step-title" tabindex="-1">{ name.get(lang) }</h2>
            <p>{ i18n::TOOLS_OPENING.get(lang) }</p>
            <button type="button" class="secondary" data-mode="resident"
                onclick={crate::components::on(view.ondispatch, crate::state::Action::SetMode(Mode::Resident))}>
                { i18n::TOOLS_BACK.get(lang) }
            </button>
        </main>
    }
}

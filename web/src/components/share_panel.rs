//! "分享 / Share" on the result: the link that carries the household in its fragment,
//! its QR code (when asked for), a copy button and a word on privacy; and the message shown after a link
//! was opened (or could not be).

use super::View;
use crate::i18n::{self, Lang};
use crate::share_link::{self, Notice};
use crate::state::Action;
use crate::tools::Then;
use doudi_rules::{Assessment, Household};
use std::rc::Rc;
use yew::prelude::*;

/// The share panel of a household's result (nothing outside a browser).
pub fn share_panel(view: &View, household: &Household, assessment: &Assessment) -> Html {
    let Some(link) = share_link::link(household, assessment) else {
        return html! {};
    };
    let lang = view.state.lang;
    let status = match view.state.notice.as_deref() {
        Some(Notice::Copied) => i18n::COPIED.get(lang),
        Some(Notice::CopyFailed) => i18n::COPY_SELECTED.get(lang),
        _ => "",
    };
    // The QR code is drawn by the tools' module (tools.rs): opening it in a resident's
    // app hands the page over, which opens it there.
    let ontoggle = match view.tools.here {
        true => Callback::noop(),
        false => view.ask_tools.reform(|_: Event| Then::Show),
    };
    html! {
        <section class="card share" aria-labelledby="share-title" data-testid="share">
            <h2 id="share-title">{ i18n::SHARE.get(lang) }</h2>
            <p class="hint">{ i18n::SHARE_INTRO.get(lang) }</p>
            <p class="share-privacy">{ i18n::SHARE_PRIVACY.get(lang) }</p>
            <div class="field">
                <label for="share-link">{ i18n::SHARE_LINK.get(lang) }</label>
                <input id="share-link" type="text" readonly=true value={link.url.clone()} />
            </div>
            <button type="button" id="copy-link" class="primary" onclick={share_link::oncopy(link.url.clone(), view.ondispatch)}>
                { i18n::COPY_LINK.get(lang) }
            </button>
            <p class="copy-status" role="status">{ status }</p>
            <details class="share-qr-box" ontoggle={ontoggle}>
                <summary>{ i18n::QR_SHOW.get(lang) }</summary>
                if !view.tools.here {
                    <p class="hint" role="status">{ i18n::APP_LOADING.get(lang) }</p>
                } else if let Some(qr) = (view.tools.qr)(&link.url) {
                    <img class="share-qr" src={qr} alt={i18n::QR_ALT.get(lang)} />
                    <p class="hint">{ i18n::QR_HINT.get(lang) }</p>
                } else {
                    <p class="hint">{ i18n::QR_TOO_LONG.get(lang) }</p>
                }
            </details>
        </section>
    }
}

/// The message about a share link just opened, at the top of the screen.
pub fn link_notice(view: &View) -> Html {
    let lang = view.state.lang;
    let dismiss = html! {
        <button type="button" class="secondary dismiss" onclick={super::on(view.ondispatch, Action::Notify(None))}>
            { i18n::DISMISS.get(lang) }
        </button>
    };
    match view.state.notice.as_deref() {
        Some(Notice::LinkFailed(reason)) => html! {
            <div class="notice problems" role="alert" data-notice="link-failed">
                <p><strong>{ i18n::LINK_FAILED.get(lang) }</strong>{ lang.text(reason) }</p>
                <p>{ i18n::LINK_FAILED_AFTER.get(lang) }</p>
                { dismiss }
            </div>
        },
        // An old link carries no check: say so first, then what it would have said.
        Some(Notice::Unverified(inner)) => html! {
            <div class="notice warning" role="status" data-notice="link-unverified">
                <p><strong>{ crate::share_link::LINK_UNVERIFIED.get(lang) }</strong></p>
                { opened_body(inner, lang) }
                { dismiss }
            </div>
        },
        Some(notice @ Notice::LinkOpened) => html! {
            <div class="notice info" role="status" data-notice="link-opened">
                { opened_body(notice, lang) }
                { dismiss }
            </div>
        },
        Some(notice @ Notice::RulesChanged { .. }) => html! {
            <div class="notice warning" role="status" data-notice="rules-changed">
                { opened_body(notice, lang) }
                { dismiss }
            </div>
        },
        _ => html! {},
    }
}

/// What an opened link says: that it opened, or what changed in the rules since.
fn opened_body(notice: &Notice, lang: Lang) -> Html {
    match notice {
        Notice::RulesChanged { then, now, changes } => html! {
            <>
                <p>{ i18n::fill(i18n::RULES_CHANGED.get(lang), &[("then", then.as_str()), ("now", now.as_str())]) }</p>
                if changes.is_empty() {
                    <p>{ i18n::NOTHING_CHANGED.get(lang) }</p>
                } else {
                    <p>{ i18n::CHANGED_LIST.get(lang) }</p>
                    <ul class="changes">
                        { for changes.iter().map(|change| html! {
                            <li>
                                <strong>{ lang.text(&change.programme) }</strong>{ if lang == Lang::Zh { "：" } else { ": " } }
                                { lang.text(&change.then) }{ " → " }{ lang.text(&change.now) }
                            </li>
                        }) }
                    </ul>
                }
            </>
        },
        _ => html! { <p>{ i18n::LINK_OPENED.get(lang) }</p> },
    }
}

/// A message shown by the views (for the reducer's `Notify`).
pub fn notify(notice: Notice) -> Action {
    Action::Notify(Some(Rc::new(notice)))
}

//! Drafts on the screen: the offer to resume a saved draft (at the top, on start-up),
//! and at the foot of every screen "保存草稿 / Save draft" and "清除全部 / Clear
//! everything" (with a confirmation). Storing happens only on a click.

use super::share_panel::notify;
use super::View;
use crate::draft_store::{self, Draft};
use crate::i18n;
use crate::share_link::Notice;
use crate::state::{Action, Mode};
use std::rc::Rc;
use yew::prelude::*;

/// The offer of a draft found on this device; nothing until one is found.
pub fn draft_offer(view: &View) -> Html {
    let Some(draft) = view.state.draft.clone() else {
        return html! {};
    };
    let lang = view.state.lang;
    let onresume = {
        let dispatch = view.ondispatch.clone();
        let draft = draft.clone();
        // Its answers, on the screen it was saved on.
        Callback::from(move |_| {
            dispatch.emit(Action::Open(
                Box::new(draft.form.clone()),
                draft.step(),
                None,
            ))
        })
    };
    let now = doudi_rules::policy::rules_version();
    html! {
        <section class="card draft-offer" aria-labelledby="draft-offer-title" data-testid="draft-offer">
            <h2 id="draft-offer-title">{ i18n::DRAFT_FOUND_TITLE.get(lang) }</h2>
            <p>{ i18n::fill(i18n::DRAFT_FOUND.get(lang), &[("date", draft.saved.as_str())]) }</p>
            if !draft.same_rules() {
                <p class="draft-rules">{ i18n::fill(i18n::DRAFT_OTHER_RULES.get(lang), &[("then", draft.rules.as_str()), ("now", now)]) }</p>
            }
            <div class="nav-buttons">
                <button type="button" class="primary" id="resume-draft" onclick={onresume}>{ i18n::RESUME_DRAFT.get(lang) }</button>
                <button type="button" class="secondary" onclick={super::on(view.ondispatch, Action::OfferDraft(None))}>{ i18n::NOT_NOW.get(lang) }</button>
            </div>
        </section>
    }
}

/// Save draft and clear everything, at the foot of every screen.
pub fn drafts_bar(view: &View) -> Html {
    let state = view.state;
    // A publicity event's kiosk serves many people: it keeps no drafts.
    if state.mode == Mode::Publicity {
        return html! {};
    }
    let lang = state.lang;
    let onsave = {
        let dispatch = view.ondispatch.clone();
        let form = state.form.clone();
        let step = state.step;
        let today = state.today.clone();
        Callback::from(move |_| {
            let saved = draft_store::save(&Draft::new(&form, step, &today));
            dispatch.emit(notify(if saved {
                Notice::DraftSaved(form.clone())
            } else {
                Notice::DraftNotSaved
            }));
        })
    };
    let onclear = {
        let dispatch = view.ondispatch.clone();
        Callback::from(move |_| {
            draft_store::remove();
            dispatch.emit(Action::StartOver);
            dispatch.emit(notify(Notice::Cleared));
        })
    };
    let message = match state.notice.as_deref() {
        Some(Notice::DraftSaved(saved))
            if Rc::ptr_eq(saved, &state.form) || **saved == *state.form =>
        {
            Some(i18n::DRAFT_SAVED)
        }
        Some(Notice::DraftSaved(_)) => Some(i18n::DRAFT_STALE),
        Some(Notice::DraftNotSaved) => Some(i18n::DRAFT_NOT_SAVED),
        Some(Notice::Cleared) => Some(i18n::CLEARED),
        _ => None,
    };
    html! {
        <section class="drafts" aria-label={i18n::DRAFTS.get(lang)} data-testid="drafts">
            <p class="hint">{ i18n::DRAFT_HINT.get(lang) }</p>
            <div class="nav-buttons">
                <button type="button" class="secondary" id="save-draft" onclick={onsave}>{ i18n::SAVE_DRAFT.get(lang) }</button>
                <button type="button" class="secondary danger" id="clear-all" aria-expanded={if state.confirm_clear { "true" } else { "false" }}
                    onclick={super::on(view.ondispatch, Action::AskClear(!state.confirm_clear))}>{ i18n::CLEAR_ALL.get(lang) }</button>
            </div>
            <p class="draft-status" role="status">{ message.map(|message| message.get(lang)).unwrap_or_default() }</p>
            if state.confirm_clear {
                <div class="confirm" role="alert">
                    <p>{ i18n::CLEAR_CONFIRM.get(lang) }</p>
                    <div class="nav-buttons">
                        <button type="button" class="primary danger-fill" id="confirm-clear" onclick={onclear}>{ i18n::CLEAR_YES.get(lang) }</button>
                        <button type="button" class="secondary" onclick={super::on(view.ondispatch, Action::AskClear(false))}>{ i18n::CANCEL.get(lang) }</button>
                    </div>
                </div>
            }
        </section>
    }
}

//! Screen 2: who lives together.

use super::member_editor::member_editor;
use super::View;
use crate::i18n::{self, Lang};
use crate::state::Action;
use doudi_rules::household::MAX_MEMBERS;
use yew::prelude::*;

/// From this many members on, the limit is stated under the button, before it bites.
const SAY_LIMIT_FROM: usize = MAX_MEMBERS - 5;

/// "Add a member", with the limit stated before it bites: from 25 members the note says
/// how many at most; at 30 the button is disabled and says why; a longer list (an older
/// draft) is marked here, at the list, with the rules' message.
pub fn add_member(view: &View) -> Html {
    let lang = view.state.lang;
    let count = view.state.form.members.len();
    let max = MAX_MEMBERS.to_string();
    let error = view.error_at("members");
    let full = !view.state.form.can_add_member();
    let note = if count > MAX_MEMBERS {
        Some(i18n::fill(i18n::MEMBERS_OVER.get(lang), &[("max", &max)]))
    } else if full {
        Some(i18n::fill(i18n::MEMBERS_FULL.get(lang), &[("max", &max)]))
    } else if count >= SAY_LIMIT_FROM {
        Some(i18n::fill(
            i18n::MEMBERS_LIMIT.get(lang),
            &[("max", &max), ("n", &count.to_string())],
        ))
    } else {
        None
    };
    let class = super::field_class("field members-limit", "", error.is_some());
    html! {
        <div {class} data-field="members" id="members-limit" tabindex="-1">
            <button type="button" class="secondary add" id="add-member" disabled={full}
                aria-describedby={note.is_some().then_some("members-note")}
                onclick={super::on(view.ondispatch, Action::AddMember)}>
                { i18n::ADD_MEMBER.get(lang) }
            </button>
            if let Some(note) = note {
                <p class="hint limit" id="members-note">{ note }</p>
            }
            if let Some(error) = error {
                <p class="error" id="members-error">{ error }</p>
            }
        </div>
    }
}

pub fn members_step(view: &View) -> Html {
    let lang = view.state.lang;
    html! {
        <section class="step">
            <p class="intro">{ i18n::MEMBERS_INTRO.get(lang) }</p>
            { quick_said(view) }
            { super::answers::answer("family", lang) }
            { for (0..view.state.form.members.len()).map(|index| member_editor(view, index)) }
            { add_member(view) }
        </section>
    }
}

/// After the one-minute check's "算得更准": what it was told of who is in which
/// situation, as a reminder (no member is given a situation by guess).
fn quick_said(view: &View) -> Html {
    let lang = view.state.lang;
    let Some(said) = view.state.quick_said else {
        return html! {};
    };
    let list: Vec<&str> = [
        (said.aged_70_plus, i18n::QUICK_OLD),
        (said.under_18, i18n::QUICK_CHILD),
        (said.severely_disabled, i18n::QUICK_DISABLED),
        (said.seriously_ill, i18n::QUICK_ILL),
    ]
    .into_iter()
    .filter(|(said, _)| *said)
    .map(|(_, label)| label.get(lang))
    .collect();
    let list = list.join(if lang == Lang::Zh { "、" } else { ", " });
    html! {
        <p class="note quick-said" data-testid="quick-said">{ i18n::fill(i18n::QUICK_SAID.get(lang), &[("list", &list)]) }</p>
    }
}

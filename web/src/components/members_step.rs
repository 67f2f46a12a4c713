//! Screen 2: who lives together.

use super::member_editor::member_editor;
use super::View;
use crate::i18n;
use crate::state::Action;
use yew::prelude::*;

pub fn members_step(view: &View) -> Html {
    let lang = view.state.lang;
    html! {
        <section class="step">
            <p class="intro">{ i18n::MEMBERS_INTRO.get(lang) }</p>
            { for (0..view.state.form.members.len()).map(|index| member_editor(view, index)) }
            <button type="button" class="secondary add" id="add-member" onclick={super::on(view.ondispatch, Action::AddMember)}>
                { i18n::ADD_MEMBER.get(lang) }
            </button>
        </section>
    }
}

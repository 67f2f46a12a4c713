//! Screen 3: each member's incomes and situation, then the family questions.

use super::family_questions::family_questions;
use super::member_situation::member_situation;
use super::View;
use crate::i18n;
use yew::prelude::*;

pub fn situations_step(view: &View) -> Html {
    // Members who live with an able legal supporter are asked only "tekun now" of the
    // tekun questions (the rules say which: questions::supporters_at_home).
    let at_home = view
        .checked
        .household
        .as_ref()
        .map(doudi_rules::questions::supporters_at_home)
        .unwrap_or_default();
    html! {
        <section class="step">
            <p class="intro">{ i18n::SITUATION_INTRO.get(view.state.lang) }</p>
            <p class="hint own-income">{ i18n::OWN_INCOME_RULE.get(view.state.lang) }</p>
            { super::answers::answer("income", view.state.lang) }
            { for (0..view.state.form.members.len()).map(|index| member_situation(view, index, at_home.get(index).copied().flatten())) }
            { family_questions(view) }
        </section>
    }
}

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
    let state = view.state;
    let lang = state.lang;
    let members = state.form.members.len();
    // 长辈版 asks one part at a time: each member, then the family (State::part).
    let part = state.part();
    let shown = |at: usize| part.is_none_or(|part| part == at);
    html! {
        <section class="step">
            if let Some(part) = part {
                <p class="part" data-testid="part">{ i18n::fill(i18n::PART_OF.get(lang), &[("n", &(part + 1).to_string()), ("of", &state.parts().to_string())]) }</p>
            }
            if shown(0) {
                <p class="intro">{ i18n::SITUATION_INTRO.get(lang) }</p>
                <p class="hint own-income">{ i18n::OWN_INCOME_RULE.get(lang) }</p>
                { super::answers::answer("income", lang) }
            }
            { for (0..members).filter(|index| shown(*index)).map(|index| member_situation(view, index, at_home.get(index).copied().flatten())) }
            if shown(members) {
                { family_questions(view) }
            }
        </section>
    }
}

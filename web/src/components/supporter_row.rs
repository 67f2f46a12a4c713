//! One legal supporter of a member: name and situation. The situations are the rules'
//! own words, with the ages in force on the form's date.

use super::on;
use super::select_field::{select_field, SelectFieldProps};
use super::text_field::{text_field, TextFieldProps};
use crate::form::SupporterForm;
use crate::i18n::{self, Lang};
use crate::state::{Action, Input};
use doudi_rules::policy::Date;
use yew::prelude::*;

pub fn supporter_row(
    member: u32,
    index: usize,
    supporter: &SupporterForm,
    date: Option<Date>,
    lang: Lang,
    dispatch: &Callback<Action>,
) -> Html {
    let id = supporter.id;
    let situation_at = i18n::SUPPORTER_SITUATIONS
        .iter()
        .position(|situation| *situation == supporter.situation)
        .unwrap_or(0)
        .to_string();
    html! {
        <div class="supporter" key={id}>
            { text_field(dispatch, Input::SupporterName(member, id), TextFieldProps {
                id: format!("s{id}-name"), label: format!("{} {} · {}", i18n::SUPPORTER.get(lang), index + 1, i18n::NAME.get(lang)),
                value: supporter.name.clone(), ..Default::default()
            }) }
            { select_field(dispatch, Input::SupporterSituation(member, id), SelectFieldProps {
                id: format!("s{id}-situation"), label: i18n::SUPPORTER_SITUATION.get(lang),
                options: i18n::SUPPORTER_SITUATIONS.iter().enumerate().map(|(at, situation)| {
                    (at.to_string(), lang.text(&i18n::supporter_situation(*situation, date)).to_string())
                }).collect(),
                selected: situation_at, ..Default::default()
            }) }
            <button type="button" class="link-button danger" onclick={on(dispatch, Action::RemoveSupporter(member, id))}>
                { i18n::REMOVE_SUPPORTER.get(lang) }
            </button>
        </div>
    }
}

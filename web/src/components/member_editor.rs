//! One member on screen 2: name, age or birth date, relation.

use super::choice::{choice, ChoiceProps};
use super::select_field::{select_field, SelectFieldProps};
use super::text_field::{text_field, TextFieldProps};
use super::{indexed, on, View};
use crate::form::{understood, AgeBy, Typed};
use crate::i18n;
use crate::state::{Action, Input};
use yew::prelude::*;

pub fn member_editor(view: &View, index: usize) -> Html {
    let state = view.state;
    let lang = state.lang;
    let Some(member) = state.form.members.get(index) else {
        return html! {};
    };
    let id = member.id;
    let dispatch = view.ondispatch;
    let field = |name: &str| format!("members[{index}].{name}");
    let relation_at = i18n::RELATIONS
        .iter()
        .position(|relation| *relation == member.relation)
        .unwrap_or(0)
        .to_string();
    let age_by = if member.age_by == AgeBy::Years {
        "years"
    } else {
        "birth"
    };
    html! {
        <fieldset class="card member" key={id} data-member={index.to_string()}>
            <legend>{ format!("{} {}", i18n::MEMBER.get(lang), index + 1) }</legend>
            { text_field(dispatch, Input::Name(id), TextFieldProps {
                id: format!("m{id}-name"), field: field("name"), label: i18n::NAME.get(lang).into(), hint: i18n::NAME_HINT.get(lang),
                value: member.name.clone(), ..Default::default()
            }) }
            { choice(dispatch, Input::AgeBy(id), ChoiceProps {
                name: format!("m{id}-age-by"), legend: i18n::AGE_BY.get(lang),
                options: view.options([("years", i18n::BY_AGE), ("birth", i18n::BY_BIRTH_DATE)]), selected: age_by, ..Default::default()
            }) }
            if member.age_by == AgeBy::Years {
                { text_field(dispatch, Input::Age(id), TextFieldProps {
                    id: format!("m{id}-age"), field: field("age"), label: i18n::AGE.get(lang).into(), inputmode: "numeric", class: "short",
                    value: member.age.clone(), error: view.error_at(&field("age")),
                    understood: understood(&member.age, Typed::Years).map(|n| i18n::fill(i18n::UNDERSTOOD_YEARS.get(lang), &[("n", &n)])),
                    ..Default::default()
                }) }
            } else {
                { text_field(dispatch, Input::BirthDate(id), TextFieldProps {
                    id: format!("m{id}-birth"), field: field("birth_date"), label: i18n::BIRTH_DATE.get(lang).into(), input_type: "date",
                    value: member.birth_date.clone(), error: view.error_at(&field("birth_date")).or_else(|| view.error_at(&field("age"))),
                    ..Default::default()
                }) }
            }
            { select_field(dispatch, Input::Relation(id), SelectFieldProps {
                id: format!("m{id}-relation"), field: field("relation"), label: i18n::RELATION.get(lang),
                options: indexed(i18n::RELATIONS.iter().map(|relation| i18n::relation(*relation).get(lang))), selected: relation_at,
                ..Default::default()
            }) }
            if state.form.members.len() > 1 {
                <button type="button" class="link-button danger" onclick={on(dispatch, Action::RemoveMember(id))}>
                    { i18n::REMOVE_MEMBER.get(lang) }
                </button>
            }
        </fieldset>
    }
}

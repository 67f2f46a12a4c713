//! One member on screen 3: incomes, disability, illness, studies, and, for those who
//! could be tekun persons, the self-care items, supporters and own property.

use super::check_field::check_field;
use super::choice::{choice, ChoiceProps};
use super::income_row::income_row;
use super::select_field::{select_field, SelectFieldProps};
use super::supporter_row::supporter_row;
use super::{indexed, on, tri_value, View};
use crate::form::SupportersKnown;
use crate::i18n::{self, Lang};
use crate::state::{Action, Input};
use doudi_rules::household::{MAX_INCOMES, MAX_SUPPORTERS};
use yew::prelude::*;

/// `supporter_at_home`: a legal supporter living in the household who is able (by the
/// rules, for a resident's form): the member is then asked only "tekun now" of the tekun
/// questions (it also says whether they can support others), and told why.
pub fn member_situation(view: &View, index: usize, supporter_at_home: Option<usize>) -> Html {
    let form = &view.state.form;
    let lang = view.state.lang;
    let Some(member) = form.members.get(index) else {
        return html! {};
    };
    let id = member.id;
    let dispatch = view.ondispatch;
    let at = |name: &str| format!("members[{index}].{name}");
    let age = form
        .age_of(member)
        .map(|age| format!(" · {age} {}", i18n::YEARS_OLD.get(lang)))
        .unwrap_or_default();

    let mut disabilities = vec![(String::new(), i18n::NO_DISABILITY.get(lang).to_string())];
    disabilities.extend(indexed(
        i18n::DISABILITY_KINDS
            .iter()
            .map(|kind| i18n::disability_kind(*kind).get(lang)),
    ));
    let disability_at = member
        .disability
        .and_then(|kind| {
            i18n::DISABILITY_KINDS
                .iter()
                .position(|known| *known == kind)
        })
        .map(|at| at.to_string())
        .unwrap_or_default();
    let grade_label = i18n::GRADE.get(lang);
    // No grade is chosen for the person: grade 1 is the most severe.
    let mut grades = vec![(String::new(), i18n::CHOOSE_GRADE.get(lang).to_string())];
    grades.extend((1..=4u8).map(|grade| {
        (
            grade.to_string(),
            grade_label.replace("{n}", &grade.to_string()),
        )
    }));
    let in_force = form.in_force();
    let listed = in_force.serious_diseases;
    let mut diseases = vec![(String::new(), i18n::NO_ILLNESS.get(lang).to_string())];
    diseases.extend(listed.iter().map(|name| {
        let shown = if lang == Lang::En {
            in_force.disease_en(name)
        } else {
            name
        };
        (name.to_string(), shown.to_string())
    }));
    if !member.serious_illness.is_empty() && !listed.contains(&member.serious_illness.as_str()) {
        diseases.push((
            member.serious_illness.clone(),
            member.serious_illness.clone(),
        ));
    }
    let student_at = i18n::STUDENTS
        .iter()
        .position(|student| *student == member.student)
        .unwrap_or(0)
        .to_string();
    let supporters_known = match member.supporters_known {
        SupportersKnown::NotSure => "unsure",
        SupportersKnown::None => "none",
        SupportersKnown::Some => "some",
    };

    html! {
        <section class="card member" key={id} data-member={index.to_string()} aria-labelledby={format!("m{id}-title")}>
            <h3 id={format!("m{id}-title")}>{ format!("{}{}", member.label(index, lang), age) }</h3>
            <h4>{ i18n::INCOMES.get(lang) }</h4>
            if member.incomes.is_empty() {
                <p class="hint">{ i18n::NO_INCOME.get(lang) }</p>
            }
            { for member.incomes.iter().enumerate().map(|(income_at, income)| income_row(view, id, &format!("members[{index}]"), income_at, income)) }
            <button type="button" class="secondary add" data-add-income={index.to_string()} onclick={on(dispatch, Action::AddIncome(id))}
                disabled={!member.can_add_income()} aria-describedby={(!member.can_add_income()).then(|| format!("m{id}-incomes-full"))}>
                { i18n::ADD_INCOME.get(lang) }
            </button>
            if !member.can_add_income() {
                <p class="hint limit" id={format!("m{id}-incomes-full")}>{ i18n::fill(i18n::INCOMES_FULL.get(lang), &[("max", &MAX_INCOMES.to_string())]) }</p>
            }

            { select_field(dispatch, Input::Disability(id), SelectFieldProps {
                id: format!("m{id}-disability"), field: at("disability"), label: i18n::DISABILITY.get(lang), options: disabilities, selected: disability_at,
                ..Default::default()
            }) }
            if member.disability.is_some() {
                { select_field(dispatch, Input::DisabilityGrade(id), SelectFieldProps {
                    id: format!("m{id}-grade"), field: at("disability.grade"), label: i18n::DISABILITY_GRADE.get(lang), options: grades,
                    selected: member.disability_grade.map(|grade| grade.to_string()).unwrap_or_default(), error: view.error_at(&at("disability.grade")),
                    ..Default::default()
                }) }
            }
            { select_field(dispatch, Input::Illness(id), SelectFieldProps {
                id: format!("m{id}-illness"), field: at("serious_illness"), label: i18n::ILLNESS.get(lang),
                hint: if lang == Lang::En { i18n::ILLNESS_HINT.en } else { "" },
                options: diseases, selected: member.serious_illness.clone(),
                ..Default::default()
            }) }
            if form.could_be_student(member) {
                { select_field(dispatch, Input::Student(id), SelectFieldProps {
                    id: format!("m{id}-student"), field: at("student"), label: i18n::STUDENT.get(lang),
                    options: indexed(i18n::STUDENTS.iter().map(|student| i18n::student(*student).get(lang))), selected: student_at,
                    ..Default::default()
                }) }
            }
            if let (true, Some(supporter)) = (form.could_be_tekun(member), supporter_at_home) {
                // "Tekun now" stays: it also says whether this member can support others.
                <div class="tekun-at-home">
                    { check_field(dispatch, Input::Tekun(id), format!("m{id}-tekun"), at("tekun"), i18n::TEKUN_NOW.get(lang), member.tekun) }
                    <p class="hint" data-testid="tekun-at-home">
                        { i18n::fill(i18n::TEKUN_AT_HOME.get(lang), &[("supporter", &form.members.get(supporter).map(|other| other.label(supporter, lang)).unwrap_or_default())]) }
                    </p>
                </div>
            } else if form.could_be_tekun(member) {
                <div class="tekun">
                    <h4>{ i18n::TEKUN_SECTION.get(lang) }</h4>
                    <p class="hint">{ i18n::TEKUN_SECTION_HINT.get(lang) }</p>
                    { super::answers::answer("supporters", lang) }
                    { super::answers::answer("care_tier", lang) }
                    { check_field(dispatch, Input::Tekun(id), format!("m{id}-tekun"), at("tekun"), i18n::TEKUN_NOW.get(lang), member.tekun) }
                    { choice(dispatch, Input::SelfCareKnown(id), ChoiceProps {
                        name: format!("m{id}-selfcare"), field: at("self_care"), legend: i18n::SELF_CARE.get(lang),
                        options: view.options([("unknown", i18n::SELF_CARE_UNKNOWN), ("known", i18n::SELF_CARE_KNOWN)]),
                        selected: if member.self_care.is_some() { "known" } else { "unknown" },
                        ..Default::default()
                    }) }
                    if let Some(items) = member.self_care {
                        <fieldset class="field self-care">
                            <legend>{ i18n::SELF_CARE_ITEMS_LEGEND.get(lang) }</legend>
                            { for items.iter().enumerate().map(|(item, can)| check_field(
                                dispatch, Input::SelfCareItem(id, item), format!("m{id}-care{item}"), String::new(), i18n::self_care_item(item).get(lang), *can,
                            )) }
                        </fieldset>
                    }
                    { choice(dispatch, Input::SupportersKnown(id), ChoiceProps {
                        name: format!("m{id}-supporters"), field: at("supporters"), legend: i18n::SUPPORTERS.get(lang),
                        options: view.options([("unsure", i18n::SUPPORTERS_UNKNOWN), ("none", i18n::SUPPORTERS_NONE), ("some", i18n::SUPPORTERS_SOME)]),
                        selected: supporters_known,
                        ..Default::default()
                    }) }
                    if member.supporters_known == SupportersKnown::Some {
                        { for member.supporters.iter().enumerate().map(|(supporter_at, supporter)| supporter_row(id, supporter_at, supporter, form.parsed_date(), lang, dispatch)) }
                        <button type="button" class="secondary add" onclick={on(dispatch, Action::AddSupporter(id))}
                            disabled={!member.can_add_supporter()} aria-describedby={(!member.can_add_supporter()).then(|| format!("m{id}-supporters-full"))}>
                            { i18n::ADD_SUPPORTER.get(lang) }
                        </button>
                        if !member.can_add_supporter() {
                            <p class="hint limit" id={format!("m{id}-supporters-full")}>{ i18n::fill(i18n::SUPPORTERS_FULL.get(lang), &[("max", &MAX_SUPPORTERS.to_string())]) }</p>
                        }
                    }
                    { choice(dispatch, Input::OwnProperty(id), ChoiceProps {
                        name: format!("m{id}-own-property"), field: at("own_property_within_limits"), legend: i18n::OWN_PROPERTY.get(lang),
                        options: view.options([("yes", i18n::YES), ("no", i18n::NO), ("unsure", i18n::NOT_SURE)]), selected: tri_value(member.own_property),
                        ..Default::default()
                    }) }
                </div>
            }
        </section>
    }
}

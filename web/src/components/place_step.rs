//! Screen 1: the county or district, urban or rural, the date, and the caseworker's
//! options; "try an example" too.

use super::choice::{choice, ChoiceProps};
use super::examples_picker::examples_picker;
use super::select_field::{select_field, SelectFieldProps};
use super::text_field::{text_field, TextFieldProps};
use super::View;
use crate::form::{understood, Form, Typed};
use crate::i18n::{self, Lang};
use crate::state::Input;
use doudi_rules::policy::PLACES;
use doudi_rules::{Category, Tier};
use yew::prelude::*;

/// The counties and districts as select options, in the user's language.
pub(super) fn place_options(lang: Lang) -> Vec<(String, String)> {
    PLACES
        .iter()
        .map(|place| {
            (
                place.id.to_string(),
                if lang == Lang::Zh { place.zh } else { place.en }.to_string(),
            )
        })
        .collect()
}

/// Under the date: for a date later than today and after the latest standards the rules
/// hold, which standards it is assessed with (the rules' words; the CLI says the same on
/// stderr).
pub(super) fn future_date_note(view: &View) -> Html {
    let form = &view.state.form;
    let today = doudi_rules::household::parse_date(&view.state.today).ok();
    let notice = match (form.parsed_date(), today) {
        (Some(date), Some(today)) if date > today => {
            doudi_rules::household::standards_notice(form.category, date)
        }
        _ => None,
    };
    match notice {
        Some((zh, en)) => html! {
            <p class="hint future-date" data-testid="future-date" role="note">
                { if view.state.lang == Lang::Zh { zh } else { en } }
            </p>
        },
        None => html! {},
    }
}

/// The form's category as the choice's key.
pub(super) fn category_key(form: &Form) -> &'static str {
    if form.category == Category::Urban {
        "urban"
    } else {
        "rural"
    }
}

/// The rural tiers as select options: those in force on the form's date (tiers D and E
/// began on 2025-10-01), and the one chosen even when the date has moved out of its
/// range (the rules then say so at the field).
pub(super) fn tier_options(form: &Form, lang: Lang) -> Vec<(String, String)> {
    let in_force = form.in_force();
    let mut tiers = vec![(String::new(), i18n::TIER_NOT_YET.get(lang).to_string())];
    tiers.extend(
        Tier::ALL
            .into_iter()
            .filter(|tier| form.tier == Some(*tier) || in_force.tiers.contains(tier))
            .map(|tier| (tier.letter().to_string(), tier.letter().to_string())),
    );
    tiers
}

/// This month's CPI and food CPI rise, for the price subsidy (a caseworker's figures).
pub(super) fn cpi_fields(view: &View) -> Html {
    let form = &view.state.form;
    let lang = view.state.lang;
    let dispatch = view.ondispatch;
    html! {
        <>
            { text_field(dispatch, Input::CpiRise, TextFieldProps {
                id: "cpi".into(), field: "caseworker.cpi_rise".into(), label: i18n::CPI_RISE.get(lang).into(), hint: i18n::CPI_HINT.get(lang),
                inputmode: "decimal", value: form.cpi_rise.clone(), error: view.error_at("caseworker.cpi_rise"),
                understood: understood(&form.cpi_rise, Typed::Percent).map(|n| i18n::fill(i18n::UNDERSTOOD_PERCENT.get(lang), &[("n", &n)])),
                ..Default::default()
            }) }
            { text_field(dispatch, Input::FoodCpiRise, TextFieldProps {
                id: "food-cpi".into(), field: "caseworker.food_cpi_rise".into(), label: i18n::FOOD_CPI_RISE.get(lang).into(),
                inputmode: "decimal", value: form.food_cpi_rise.clone(), error: view.error_at("caseworker.food_cpi_rise"),
                understood: understood(&form.food_cpi_rise, Typed::Percent).map(|n| i18n::fill(i18n::UNDERSTOOD_PERCENT.get(lang), &[("n", &n)])),
                ..Default::default()
            }) }
        </>
    }
}

pub fn place_step(view: &View) -> Html {
    let form = &view.state.form;
    let lang = view.state.lang;
    let dispatch = view.ondispatch;
    let places = place_options(lang);
    let category = category_key(form);
    let tiers = tier_options(form, lang);
    let tier = form.tier.map(|tier| tier.letter()).unwrap_or("");
    let caseworker_open =
        form.tier.is_some() || !form.cpi_rise.is_empty() || !form.food_cpi_rise.is_empty();
    html! {
        <section class="step">
            <p class="ready" data-testid="ready">{ i18n::READY.get(lang) }</p>
            <p class="quick-entry"><button type="button" class="link" id="quick-start" onclick={super::on(dispatch, crate::state::Action::Quick(true))}>{ i18n::QUICK_START.get(lang) }</button></p>
            <p class="intro">{ i18n::PLACE_INTRO.get(lang) }</p>
            { select_field(dispatch, Input::County, SelectFieldProps {
                id: "county".into(), field: "county".into(), label: i18n::COUNTY.get(lang), options: places, selected: form.county.clone(),
                error: view.error_at("county"), ..Default::default()
            }) }
            { choice(dispatch, Input::Category, ChoiceProps {
                name: "category".into(), field: "category".into(), legend: i18n::CATEGORY.get(lang), hint: i18n::CATEGORY_HINT.get(lang),
                options: view.options([("urban", i18n::URBAN), ("rural", i18n::RURAL)]), selected: category,
            }) }
            { text_field(dispatch, Input::Date, TextFieldProps {
                id: "date".into(), field: "date".into(), input_type: "date", label: i18n::DATE.get(lang).into(), hint: i18n::DATE_HINT.get(lang),
                value: form.date.clone(), error: view.error_at("date"), ..Default::default()
            }) }
            { future_date_note(view) }
            <details class="more" open={caseworker_open}>
                <summary>{ i18n::CASEWORKER_OPTIONS.get(lang) }</summary>
                if form.category == Category::Rural {
                    { select_field(dispatch, Input::Tier, SelectFieldProps {
                        id: "tier".into(), field: "caseworker.rural_tier".into(), label: i18n::RURAL_TIER.get(lang), hint: i18n::TIER_HINT.get(lang),
                        options: tiers, selected: tier.into(), error: view.error_at("caseworker.rural_tier"),
                    }) }
                }
                { cpi_fields(view) }
            </details>
            { examples_picker(lang, dispatch) }
        </section>
    }
}

//! Caseworker mode: the place, the date, the caseworker's options (the rural tier among
//! those in force on the date, the CPI figures); and a value for each assumed parameter.

use super::choice::{choice, ChoiceProps};
use super::place_step::{category_key, cpi_fields, place_options, tier_options};
use super::select_field::{select_field, SelectFieldProps};
use super::text_field::{text_field, TextFieldProps};
use super::View;
use crate::i18n::{self, Lang};
use crate::state::{Action, Input};
use doudi_rules::policy;
use doudi_rules::Category;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A view function (no state of its own).
pub fn caseworker_place(view: &View) -> Html {
    let form = &view.state.form;
    let lang = view.state.lang;
    let dispatch = view.ondispatch;
    let places = place_options(lang);
    let category = category_key(form);
    let tiers = tier_options(form, lang);
    html! {
        <section class="card cw-place" aria-labelledby="cw-place-title">
            <h3 id="cw-place-title">{ i18n::CW_PLACE.get(lang) }</h3>
            <div class="cw-fields">
                { select_field(dispatch, Input::County, SelectFieldProps {
                    id: "county".into(), field: "county".into(), label: i18n::COUNTY.get(lang), options: places, selected: form.county.clone(),
                    error: view.error_at("county"), ..Default::default()
                }) }
                { text_field(dispatch, Input::Date, TextFieldProps {
                    id: "date".into(), field: "date".into(), input_type: "date", label: i18n::DATE.get(lang).into(),
                    value: form.date.clone(), error: view.error_at("date"), ..Default::default()
                }) }
            </div>
            { super::place_step::future_date_note(view) }
            { choice(dispatch, Input::Category, ChoiceProps {
                name: "category".into(), field: "category".into(), legend: i18n::CATEGORY.get(lang),
                options: view.options([("urban", i18n::URBAN), ("rural", i18n::RURAL)]), selected: category, ..Default::default()
            }) }
            if form.category == Category::Rural {
                { select_field(dispatch, Input::Tier, SelectFieldProps {
                    id: "tier".into(), field: "caseworker.rural_tier".into(), label: i18n::RURAL_TIER.get(lang), hint: i18n::CW_TIER_HINT.get(lang),
                    options: tiers, selected: form.tier.map(|tier| tier.letter()).unwrap_or("").into(),
                    error: view.error_at("caseworker.rural_tier"),
                }) }
            }
            <div class="cw-fields">
                { cpi_fields(view) }
            </div>
        </section>
    }
}

/// One input for each parameter whose value in force on the date is assumed: empty for
/// the policy value; a value typed goes to the rules as `caseworker.overrides`, which
/// label it "override".
pub fn caseworker_overrides(view: &View) -> Html {
    let lang = view.state.lang;
    let date = view
        .state
        .form
        .parsed_date()
        .unwrap_or(policy::first_modelled_date());
    let rows: Vec<Html> = doudi_rules::questions::overridable(date)
        .into_iter()
        .map(|param| {
            let id = param.id;
            let value = param.value;
            let input_id = format!("ov-{}", id.replace('.', "-"));
            let field = format!("caseworker.overrides.{id}");
            let error = view.error_at(&field);
            let text = view.state.form.overrides.get(id).cloned().unwrap_or_default();
            let oninput = view.ondispatch.reform(move |event: InputEvent| {
                Action::Set(
                    Input::Override(id),
                    event.target_unchecked_into::<HtmlInputElement>().value(),
                )
            });
            let hint_id = format!("{input_id}-hint");
            let error_id = format!("{input_id}-error");
            let described = super::described_by(true, &hint_id, error.is_some(), &error_id);
            let policy_value = i18n::fill(
                i18n::CW_POLICY_VALUE.get(lang),
                &[
                    ("value", &value.to_string()),
                    ("unit", i18n::unit(param.unit).get(lang)),
                ],
            );
            html! {
                <div class={super::field_class("field override", if text.is_empty() { "" } else { "overridden" }, error.is_some())}
                    data-field={field} data-param={id} key={id}>
                    <label for={input_id.clone()}>{ if lang == Lang::Zh { param.zh } else { param.en } }<code class="param-id">{ id }</code></label>
                    <div id={hint_id}>
                        <p class="hint">{ policy_value }</p>
                        if lang == Lang::Zh && !param.note_zh.is_empty() {
                            <p class="hint note">{ param.note_zh }</p>
                        } else if !param.note.is_empty() {
                            <p class="hint note" lang="en">{ param.note }</p>
                        }
                    </div>
                    <input id={input_id} type="text" inputmode="decimal" autocomplete="off" value={text}
                        aria-invalid={error.is_some().then_some("true")} aria-describedby={described} {oninput} />
                    if let Some(error) = error {
                        <p class="error" id={error_id}>{ error }</p>
                    }
                </div>
            }
        })
        .collect();
    html! {
        <section class="card cw-overrides" aria-labelledby="cw-overrides-title">
            <h3 id="cw-overrides-title">{ i18n::CW_OVERRIDES.get(lang) }</h3>
            <p class="hint">{ i18n::CW_OVERRIDES_HINT.get(lang) }</p>
            if rows.is_empty() {
                <p class="hint">{ i18n::CW_NO_OVERRIDES.get(lang) }</p>
            }
            { for rows }
        </section>
    }
}

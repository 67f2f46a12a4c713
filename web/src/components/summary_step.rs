//! Screen 4: the answers as a resident would check a form, each part with "Edit". The
//! answers are static markup text (see markup.rs); the buttons are `html!`.

use super::markup::Markup;
use super::View;
use crate::form::{read_number, whole_years, Typed};
use crate::form::{AgeBy, Form, MemberForm, Step, SupportersKnown};
use crate::i18n::{self, Lang, T};
use crate::state::Action;
use doudi_rules::household::{Income, Period};
use doudi_rules::policy;
use doudi_rules::Money;
use yew::prelude::*;

/// One answer: `(label, value)`.
type Row = (&'static str, String);

fn row(label: &'static str, value: String) -> Row {
    (label, value)
}

/// A list of answers as a `<dl>`.
fn rows_markup(out: &mut Markup, rows: &[Row]) {
    out.raw("<dl>");
    for (label, value) in rows {
        out.raw("<div class=\"row\">");
        out.el("dt", "dt", label);
        out.el("dd", "dd", value);
        out.raw("</div>");
    }
    out.raw("</dl>");
}

fn tri(lang: Lang, value: Option<bool>) -> String {
    match value {
        Some(true) => i18n::YES.get(lang).into(),
        Some(false) => i18n::NO.get(lang).into(),
        None => i18n::NOT_SURE.get(lang).into(),
    }
}

fn yes_no(lang: Lang, value: bool) -> String {
    if value { i18n::YES } else { i18n::NO }.get(lang).into()
}

/// "900 元 每月", or "6000 元 每年（= 500 元/月）" with the rules' own conversion.
fn income_text(
    lang: Lang,
    amount: &str,
    per: Period,
    kind: doudi_rules::household::IncomeKind,
) -> String {
    let read = read_number(amount, Typed::Yuan);
    let mut text = format!(
        "{} {} {}",
        read.map(|value| value.to_string())
            .unwrap_or_else(|| amount.trim().to_string()),
        i18n::YUAN.get(lang),
        i18n::period(per).get(lang)
    );
    if per == Period::Year {
        if let Some(value) = read {
            let monthly = Income {
                kind,
                amount: Money(value),
                per,
            }
            .monthly_for_display();
            text.push_str(&format!(
                "（= {monthly} {}）",
                i18n::YUAN_PER_MONTH.get(lang)
            ));
        }
    }
    text
}

fn member_rows(out: &mut Markup, form: &Form, index: usize, member: &MemberForm) {
    let lang = out.lang;
    let mut rows = Vec::new();
    if member.incomes.is_empty() {
        rows.push(row(i18n::INCOMES.get(lang), i18n::NONE.get(lang).into()));
    }
    for income in &member.incomes {
        rows.push(row(
            i18n::income_kind(income.kind).get(lang),
            income_text(lang, &income.amount, income.per, income.kind),
        ));
    }
    if let Some(kind) = member.disability {
        rows.push(row(
            i18n::DISABILITY.get(lang),
            match member.disability_grade {
                Some(grade) => format!(
                    "{} · {}",
                    i18n::disability_kind(kind).get(lang),
                    i18n::GRADE.get(lang).replace("{n}", &grade.to_string())
                ),
                None => format!(
                    "{} · {} {}",
                    i18n::disability_kind(kind).get(lang),
                    i18n::DISABILITY_GRADE.get(lang),
                    i18n::NOT_GIVEN.get(lang)
                ),
            },
        ));
    }
    if !member.serious_illness.is_empty() {
        let name = match lang {
            Lang::En => form
                .in_force()
                .disease_en(&member.serious_illness)
                .to_string(),
            Lang::Zh => member.serious_illness.clone(),
        };
        rows.push(row(i18n::ILLNESS.get(lang), name));
    }
    if member.student != doudi_rules::household::Student::None {
        rows.push(row(
            i18n::STUDENT.get(lang),
            i18n::student(member.student).get(lang).into(),
        ));
    }
    if !member.employment_costs.trim().is_empty() {
        rows.push(row(
            i18n::EMPLOYMENT_COSTS.get(lang),
            format!(
                "{} {}",
                member.employment_costs.trim(),
                i18n::PRESET.get(lang)
            ),
        ));
    }
    if form.could_be_tekun(member) {
        if member.tekun {
            rows.push(row(i18n::TEKUN_NOW.get(lang), i18n::YES.get(lang).into()));
        }
        let care = match member.self_care {
            None => i18n::SELF_CARE_UNKNOWN.get(lang).to_string(),
            Some(items) => {
                let cannot: Vec<&str> = items
                    .iter()
                    .enumerate()
                    .filter(|(_, can)| !**can)
                    .map(|(item, _)| i18n::self_care_name(item).get(lang))
                    .collect();
                if cannot.is_empty() {
                    T::new("六项都能自己完成", "can do all six alone")
                        .get(lang)
                        .to_string()
                } else {
                    format!(
                        "{}{}",
                        T::new("不能自己完成：", "cannot do alone: ").get(lang),
                        cannot.join(if lang == Lang::Zh { "、" } else { ", " })
                    )
                }
            }
        };
        rows.push(row(i18n::SELF_CARE.get(lang), care));
        let supporters = match member.supporters_known {
            SupportersKnown::NotSure => i18n::SUPPORTERS_UNKNOWN.get(lang).to_string(),
            SupportersKnown::None => i18n::SUPPORTERS_NONE.get(lang).to_string(),
            SupportersKnown::Some => member
                .supporters
                .iter()
                .enumerate()
                .map(|(at, supporter)| {
                    let name = if supporter.name.trim().is_empty() {
                        format!("{} {}", i18n::SUPPORTER.get(lang), at + 1)
                    } else {
                        supporter.name.trim().to_string()
                    };
                    format!(
                        "{name}（{}）",
                        lang.text(&i18n::supporter_situation(
                            supporter.situation,
                            form.parsed_date()
                        ))
                    )
                })
                .collect::<Vec<_>>()
                .join(if lang == Lang::Zh { "；" } else { "; " }),
        };
        rows.push(row(i18n::SUPPORTERS.get(lang), supporters));
        rows.push(row(
            i18n::OWN_PROPERTY.get(lang),
            tri(lang, member.own_property),
        ));
    }
    out.raw(&format!(
        "<div class=\"summary-member\" data-member=\"{index}\">"
    ));
    out.el("h4", "h4", &member.label(index, lang));
    rows_markup(out, &rows);
    out.raw("</div>");
}

pub fn summary_step(view: &View) -> Html {
    let form = &view.state.form;
    let lang = view.state.lang;
    let dispatch = view.ondispatch;
    let edit = |step: Step| {
        html! {
            <button type="button" class="edit" data-edit={step.number().to_string()} onclick={super::on(dispatch, Action::Edit(step))}
                aria-label={format!("{} · {}", i18n::EDIT.get(lang), step.name().get(lang))}>{ i18n::EDIT.get(lang) }</button>
        }
    };
    let place = policy::place(&form.county)
        .map(|place| if lang == Lang::Zh { place.zh } else { place.en })
        .unwrap_or("?");
    let date = if form.date.trim().is_empty() {
        i18n::NOT_GIVEN.get(lang).to_string()
    } else {
        form.date.clone()
    };
    let mut place_rows = vec![
        row(i18n::COUNTY.get(lang), place.to_string()),
        row(
            i18n::CATEGORY.get(lang),
            i18n::category(form.category).get(lang).to_string(),
        ),
        row(i18n::DATE.get(lang), date),
    ];
    if form.category == doudi_rules::Category::Rural {
        place_rows.push(row(
            i18n::RURAL_TIER.get(lang),
            form.tier
                .map(|tier| tier.letter().to_string())
                .unwrap_or_else(|| i18n::TIER_NOT_YET.get(lang).into()),
        ));
    }
    for (label, value) in [
        (i18n::CPI_RISE, &form.cpi_rise),
        (i18n::FOOD_CPI_RISE, &form.food_cpi_rise),
    ] {
        if !value.trim().is_empty() {
            place_rows.push(row(label.get(lang), value.trim().to_string()));
        }
    }
    for (id, value) in &form.overrides {
        place_rows.push(row(
            i18n::OVERRIDES.get(lang),
            format!("{id} = {}", value.trim()),
        ));
    }
    let mut member_list = Markup::new(lang);
    member_list.raw("<ol class=\"member-list\">");
    for (index, member) in form.members.iter().enumerate() {
        let age = match member.age_by {
            AgeBy::Years if !member.age.trim().is_empty() => format!(
                "{} {}",
                whole_years(&member.age)
                    .map(|age| age.to_string())
                    .unwrap_or_else(|| member.age.trim().to_string()),
                i18n::YEARS_OLD.get(lang)
            ),
            AgeBy::BirthDate if !member.birth_date.trim().is_empty() => format!(
                "{} {}",
                i18n::BIRTH_DATE.get(lang),
                member.birth_date.trim()
            ),
            _ => i18n::NOT_GIVEN.get(lang).to_string(),
        };
        member_list.el(
            "li",
            "li",
            &format!(
                "{} · {} · {}",
                member.label(index, lang),
                age,
                i18n::relation(member.relation).get(lang)
            ),
        );
    }
    member_list.raw("</ol>");
    let family = &form.family;
    let mut family_rows = vec![
        row(i18n::PROPERTY.get(lang), tri(lang, family.property)),
        row(
            i18n::POVERTY_ALLEVIATED.get(lang),
            yes_no(lang, family.poverty_alleviated),
        ),
        row(i18n::MARGINAL.get(lang), yes_no(lang, family.marginal)),
        row(i18n::ON_DIBAO.get(lang), yes_no(lang, family.on_dibao)),
    ];
    for income in &family.incomes {
        family_rows.push(row(
            i18n::FAMILY_INCOMES.get(lang),
            format!(
                "{} · {}",
                i18n::income_kind(income.kind).get(lang),
                income_text(lang, &income.amount, income.per, income.kind)
            ),
        ));
    }
    if family.on_dibao {
        let current = if family.current_dibao.trim().is_empty() {
            i18n::NOT_GIVEN.get(lang).to_string()
        } else {
            format!(
                "{} {}",
                read_number(&family.current_dibao, Typed::Yuan)
                    .map(|value| value.to_string())
                    .unwrap_or_else(|| family.current_dibao.trim().to_string()),
                i18n::YUAN.get(lang)
            )
        };
        family_rows.push(row(i18n::CURRENT_DIBAO.get(lang), current));
    }
    for fact in crate::form::plain_family_facts() {
        let typed = family.facts.get(fact.path).map_or("", |text| text.trim());
        let shown = match fact.kind {
            _ if typed.is_empty() => continue,
            doudi_rules::fields::Kind::Flag => yes_no(lang, typed == "1").to_string(),
            _ => format!(
                "{} {}",
                read_number(typed, Typed::Yuan)
                    .map(|value| value.to_string())
                    .unwrap_or_else(|| typed.to_string()),
                i18n::YUAN.get(lang)
            ),
        };
        family_rows.push(row(T::of(fact.label).get(lang), shown));
    }
    let mut place_list = Markup::new(lang);
    rows_markup(&mut place_list, &place_rows);
    let mut situations = Markup::new(lang);
    for (index, member) in form.members.iter().enumerate() {
        member_rows(&mut situations, form, index, member);
    }
    situations.raw("<div class=\"summary-member\">");
    situations.el("h4", "h4", i18n::FAMILY.get(lang));
    rows_markup(&mut situations, &family_rows);
    situations.raw("</div>");
    let problems: Vec<Html> = view
        .checked
        .errors
        .iter()
        .map(|error| {
            html! {
                <li>
                    { format!("{} · ", Step::of_field(&error.field).name().get(lang)) }
                    { super::error_summary::fix_link(view, error) }
                </li>
            }
        })
        .collect();
    html! {
        <section class="step summary">
            <p class="intro">{ i18n::SUMMARY_INTRO.get(lang) }</p>
            if !problems.is_empty() {
                <div class="problems" role="alert">
                    <p>{ i18n::STILL_TO_FIX.get(lang) }</p>
                    <ul>{ for problems }</ul>
                </div>
            }
            <section class="card" aria-labelledby="sum-1">
                <div class="card-head"><h3 id="sum-1">{ Step::Place.name().get(lang) }</h3>{ edit(Step::Place) }</div>
                { place_list.into_html() }
            </section>
            <section class="card" aria-labelledby="sum-2">
                <div class="card-head"><h3 id="sum-2">{ Step::Members.name().get(lang) }</h3>{ edit(Step::Members) }</div>
                { member_list.into_html() }
            </section>
            <section class="card" aria-labelledby="sum-3">
                <div class="card-head"><h3 id="sum-3">{ Step::Situations.name().get(lang) }</h3>{ edit(Step::Situations) }</div>
                { situations.into_html() }
            </section>
        </section>
    }
}

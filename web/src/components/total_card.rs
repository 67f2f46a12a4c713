//! The household's money, first and large: what comes every month (the rules'
//! `total_monthly`, one route per person), with its range and what the range depends on;
//! below it, apart and never added, the money paid for a limited period (gradual exit)
//! and the money paid only in months when the price trigger is met (price subsidy).
//! Static markup (see markup.rs).

use super::markup::Markup;
use crate::i18n::{self, Lang};
use doudi_rules::policy::Basis;
use doudi_rules::{Assessment, Decimal, Programme, Text};
use yew::prelude::*;

/// The title of the counted outcome of `programme`, as the rules name it.
fn title_of(assessment: &Assessment, programme: Programme, lang: Lang) -> &str {
    assessment
        .programmes
        .iter()
        .find(|outcome| outcome.programme == programme && outcome.counts())
        .map(|outcome| lang.text(&outcome.title))
        .unwrap_or_default()
}

/// The monthly figure, large, with its basis badge; its range, with what each counted
/// outcome's range depends on.
fn figure(out: &mut Markup, assessment: &Assessment) {
    let lang = out.lang;
    out.raw("<p class=\"big\">");
    out.money(&assessment.total_monthly, "total_monthly");
    out.unit(i18n::YUAN_PER_MONTH);
    out.badge(assessment.total_basis);
    out.raw("</p>");
    make_up(out, assessment);
    let (Some(min), Some(max)) = (assessment.total_monthly_min, assessment.total_monthly_max)
    else {
        return;
    };
    out.raw("<p class=\"range\">");
    out.fill(
        i18n::RANGE.get(lang),
        &[
            ("min", &|out: &mut Markup| {
                out.money(&min, "total_monthly_min")
            }),
            ("max", &|out: &mut Markup| {
                out.money(&max, "total_monthly_max")
            }),
        ],
    );
    out.raw("</p>");
    let mut notes = assessment
        .programmes
        .iter()
        .filter(|outcome| outcome.counts())
        .filter_map(|outcome| {
            Some((
                outcome.member_label_in(lang != Lang::Zh),
                outcome.range_note.as_ref()?,
            ))
        })
        .peekable();
    if notes.peek().is_none() {
        return;
    }
    out.raw("<div class=\"range-notes\">");
    out.el("p class=\"small\"", "p", i18n::RANGE_BECAUSE.get(lang));
    out.raw("<ul>");
    for (label, note) in notes {
        out.raw("<li>");
        if let Some(label) = label {
            out.text(label);
            out.text(if lang == Lang::Zh { "，" } else { ": " });
        }
        out.text(lang.text(note));
        out.raw("</li>");
    }
    out.raw("</ul></div>");
}

/// The total's make-up in one line, as `doudi explain` says it: "其中：低保 1020 元 +
/// 特困供养（王秀英）780 元" (the rules' parts of the total, which add up to it).
fn make_up(out: &mut Markup, assessment: &Assessment) {
    let lang = out.lang;
    let zh = lang == Lang::Zh;
    let mut parts = assessment.monthly_parts().peekable();
    if parts.peek().is_none() {
        return;
    }
    out.raw("<p class=\"make-up\" data-testid=\"make-up\">");
    out.text(i18n::MADE_UP_OF.get(lang));
    let colon = out.colon();
    out.text(colon);
    let mut first = true;
    for (at, outcome) in parts {
        if !first {
            out.text(" + ");
        }
        first = false;
        let name = doudi_rules::labels::programme_short(outcome.programme);
        out.text(if zh { name.zh } else { name.en });
        match outcome.member_label_in(lang != Lang::Zh) {
            Some(label) => {
                out.text(if zh { "（" } else { " (" });
                out.text(label);
                out.text(if zh { "）" } else { ") " });
            }
            None => out.text(" "),
        }
        // The parts add up to the headline: each outcome's amount (its range is on the
        // range line).
        let monthly = outcome.monthly.unwrap_or_default();
        out.money(&monthly, &format!("programmes[{at}].monthly"));
        out.text(" ");
        out.text(i18n::YUAN.get(lang));
    }
    out.raw("</p>");
}

/// One kind of money apart from the monthly figure.
fn apart_item(
    out: &mut Markup,
    kind: &str,
    label: i18n::T,
    name: &str,
    path: &str,
    (monthly, basis, text): (&Decimal, Basis, &Text),
    data: &[(&str, &str)],
) {
    out.raw(&format!(
        "<div class=\"apart-item {kind}\" data-testid=\"{kind}\""
    ));
    for (name, value) in data {
        out.attr(name, value);
    }
    out.raw(">");
    out.el("p class=\"apart-kind\"", "p", out.label(label));
    out.raw("<p class=\"apart-amount\">");
    out.el("span class=\"apart-name\"", "span", name);
    out.money(monthly, path);
    out.unit(i18n::YUAN_PER_MONTH);
    out.badge(basis);
    out.raw("</p>");
    out.el("p class=\"apart-text\"", "p", out.lang.text(text));
    out.raw("</div>");
}

/// The money that is not every month's, each kind on its own, never added up.
fn apart(out: &mut Markup, assessment: &Assessment) {
    let lang = out.lang;
    if assessment.time_limited.is_none() && assessment.conditional.is_none() {
        return;
    }
    out.raw("<div class=\"apart\" data-testid=\"apart\">");
    if let Some(limited) = &assessment.time_limited {
        let months = limited.months.to_string();
        apart_item(
            out,
            "time-limited",
            i18n::TIME_LIMITED,
            title_of(assessment, limited.programme, lang),
            "time_limited.monthly",
            (&limited.monthly, limited.basis, &limited.text),
            &[
                ("data-programme", limited.programme.id()),
                ("data-months", &months),
                ("data-first", &limited.first_month),
                ("data-last", &limited.last_month),
            ],
        );
    }
    if let Some(conditional) = &assessment.conditional {
        apart_item(
            out,
            "conditional",
            i18n::CONDITIONAL,
            title_of(assessment, conditional.programme, lang),
            "conditional.monthly",
            (&conditional.monthly, conditional.basis, &conditional.text),
            &[("data-programme", conditional.programme.id())],
        );
    }
    out.raw("</div>");
}

/// The publicity mode's card: the heading, the figure and, apart from it, the money that
/// is not every month's.
pub fn publicity_total(assessment: &Assessment, lang: Lang) -> Html {
    let mut out = Markup::new(lang);
    out.raw("<section class=\"card total pub-total\" aria-labelledby=\"total-title\">");
    out.el("h3 id=\"total-title\"", "h3", i18n::TOTAL.get(lang));
    figure(&mut out, assessment);
    apart(&mut out, assessment);
    out.raw("</section>");
    out.into_html()
}

/// A view function (no state of its own).
pub fn total_card(assessment: &Assessment, lang: Lang) -> Html {
    let mut out = Markup::new(lang);
    out.raw("<section class=\"card total\" aria-labelledby=\"total-title\" data-testid=\"total\">");
    out.el("h2 id=\"total-title\"", "h2", i18n::TOTAL.get(lang));
    figure(&mut out, assessment);
    if assessment.total_basis != Basis::Published {
        out.el("p class=\"small\"", "p", i18n::BASIS_NOTE.get(lang));
    }
    let something_apart = assessment.time_limited.is_some() || assessment.conditional.is_some();
    if assessment.total_monthly.is_zero()
        && assessment.total_monthly_max.is_none_or(|max| max.is_zero())
    {
        let nothing = if something_apart {
            i18n::NOTHING_MONTHLY
        } else {
            i18n::NOTHING_YET
        };
        out.el("p", "p", nothing.get(lang));
    }
    apart(&mut out, assessment);
    out.el(
        "p class=\"disclaimer\"",
        "p",
        lang.text(&assessment.disclaimer),
    );
    out.raw("</section>");
    out.into_html()
}

/// The household's counted income in one line ("家庭计入收入每月 1500 元，共 4 人，人均每月
/// 375 元"): below the next steps, where the programmes begin, so that the result's first
/// screen holds the total, its make-up and the next steps.
pub fn counted_income(assessment: &Assessment, lang: Lang) -> Html {
    let mut out = Markup::new(lang);
    if assessment.household_size > 0 {
        let size = assessment.household_size.to_string();
        out.raw("<p class=\"counted\">");
        out.fill(
            i18n::COUNTED_INCOME.get(lang),
            &[
                ("total", &|out: &mut Markup| {
                    out.money(&assessment.counted_income_monthly, "counted_income_monthly")
                }),
                ("size", &|out: &mut Markup| out.text(&size)),
                ("per", &|out: &mut Markup| {
                    out.money(
                        &assessment.counted_income_per_person_monthly,
                        "counted_income_per_person_monthly",
                    )
                }),
            ],
        );
        out.raw("</p>");
    }
    out.into_html()
}

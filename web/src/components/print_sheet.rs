//! The printed explanation sheet: what a caseworker hands to a family (A4, one or two
//! pages for a family of five, nothing under 9 pt). A QR code of the share link that
//! reopens the whole explanation on a phone (in the tools' module, tools.rs, like the sheet); the answers in short; the money as on
//! screen: what comes every month, and apart from it (never added) what is time-limited
//! and what is paid only in some months; what the rules could not use as given; each
//! programme's outcome and amount (an alternative that is not added marked as such; no
//! amount while answers are missing; one line for a programme that does not qualify);
//! what to do next; the steps of what the family may get with their arithmetic; every
//! figure that is not published policy with its value, date, document and status (the
//! clauses and reasoning of every figure are in the explanation the QR code opens); the
//! rules version, the assessment date, and lines for the caseworker's and the family's
//! signatures. Labels come from the rules' table (`doudi_rules::labels`). Hidden on screen (`hidden`); the print stylesheet at the
//! end of style.css shows it, and only it, when the result page is printed. Every
//! figure is the rules' own.
//!
//! Why markup text and not `html!`: the sheet is static (no event, no input), and each
//! element of `html!` costs the download a few hundred bytes of code; written as text
//! (every piece of text escaped) the whole sheet costs about a fifth as much.

use super::markup::{basis_id, Markup};
use super::View;
use crate::i18n::{self, Lang, T};
use crate::tools::Then;
use doudi_rules::household::{Income, Period, Student};
use doudi_rules::policy::{self, Basis, Used};
use doudi_rules::{Assessment, Household, Member, Payment, Programme, Status, Text};
use yew::prelude::*;

/// The "打印 / Print" button, with what it prints.
///
/// In a resident's app the sheet is in the tools' module (tools.rs): the button hands
/// the page over to it, which prints.
pub fn print_card(view: &View) -> Html {
    let lang = view.state.lang;
    let onclick = match view.tools.here {
        true => Callback::from(|_| print()),
        false => view.ask_tools.reform(|_| Then::Print),
    };
    html! {
        <section class="card print-card" aria-labelledby="print-title">
            <h2 id="print-title">{ i18n::PRINT_TITLE.get(lang) }</h2>
            <p class="hint">{ i18n::PRINT_HINT.get(lang) }</p>
            <button type="button" id="print" class="primary" {onclick}>{ i18n::PRINT.get(lang) }</button>
        </section>
    }
}

#[cfg(target_arch = "wasm32")]
fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn print() {}

/// The sheet, hidden on screen.
pub fn print_sheet(household: &Household, assessment: &Assessment, lang: Lang) -> Html {
    Html::from_html_unchecked(sheet(household, assessment, lang).into())
}

/// The sheet's markup writer (shared with the static views on screen).
type Out = Markup;

/// A figure's status on paper: " <span class=\"sheet-basis …\">已公布</span>".
fn sheet_basis(out: &mut Out, basis: Basis) {
    out.raw(" ");
    out.el(
        &format!("span class=\"sheet-basis {}\"", basis_id(basis)),
        "span",
        i18n::basis(basis).get(out.lang),
    );
}

/// A table's head: `<table class><thead><tr><th>…</th></tr></thead><tbody>`.
fn table(out: &mut Out, class: &str, heads: &[T]) {
    out.raw(&format!("<table class=\"sheet-table {class}\"><thead><tr>"));
    for head in heads {
        out.el("th scope=\"col\"", "th", head.get(out.lang));
    }
    out.raw("</tr></thead><tbody>");
}

fn yes_no(lang: Lang, value: bool) -> &'static str {
    if value { i18n::YES } else { i18n::NO }.get(lang)
}

/// "工资性收入 900 元 每月", or "… 3600 元 每年（= 300 元/月）" with the rules' own
/// conversion.
fn income_text(income: &Income, lang: Lang) -> String {
    let mut text = format!(
        "{} {} {} {}",
        i18n::income_kind(income.kind).get(lang),
        income.amount.0,
        i18n::YUAN.get(lang),
        i18n::period(income.per).get(lang)
    );
    if income.per == Period::Year {
        text.push_str(&format!(
            "（= {} {}）",
            income.monthly_for_display(),
            i18n::YUAN_PER_MONTH.get(lang)
        ));
    }
    text
}

/// What else is known of a member, in one line.
fn member_facts(out: &Out, member: &Member, date: policy::Date) -> String {
    let lang = out.lang;
    let mut facts: Vec<String> = Vec::new();
    if let Some(disability) = member.disability {
        facts.push(out.pair(
            i18n::DISABILITY,
            &format!(
                "{} {}",
                i18n::disability_kind(disability.kind).get(lang),
                i18n::GRADE
                    .get(lang)
                    .replace("{n}", &disability.grade.to_string())
            ),
        ));
    }
    if let Some(illness) = &member.serious_illness {
        let name = match out.lang {
            Lang::En => doudi_rules::questions::in_force(date).disease_en(illness),
            Lang::Zh => illness,
        };
        facts.push(out.pair(i18n::ILLNESS_SHORT, name));
    }
    if member.student != Student::None {
        facts.push(i18n::student(member.student).get(lang).to_string());
    }
    if member.tekun {
        facts.push(i18n::TEKUN_NOW.get(lang).to_string());
    }
    if let Some(care) = member.self_care {
        let cannot: Vec<&str> = care
            .items()
            .iter()
            .enumerate()
            .filter(|(_, (_, _, can))| !can)
            .map(|(index, _)| i18n::self_care_name(index).get(lang))
            .collect();
        facts.push(if cannot.is_empty() {
            i18n::SELF_CARE_ALL.get(lang).to_string()
        } else {
            format!(
                "{}{}",
                i18n::SELF_CARE_CANNOT.get(lang),
                cannot.join(if lang == Lang::Zh { "、" } else { ", " })
            )
        });
    }
    if let Some(supporters) = &member.supporters {
        let list = if supporters.is_empty() {
            i18n::SUPPORTERS_NONE.get(lang).to_string()
        } else {
            supporters
                .iter()
                .map(|supporter| {
                    format!(
                        "{}（{}）",
                        supporter.name,
                        lang.text(&i18n::supporter_situation(supporter.situation, Some(date)))
                    )
                })
                .collect::<Vec<_>>()
                .join(if lang == Lang::Zh { "、" } else { ", " })
        };
        facts.push(out.pair(i18n::SUPPORTERS_SHORT, &list));
    }
    if let Some(own) = member.own_property_within_limits {
        facts.push(out.pair(i18n::OWN_PROPERTY, yes_no(lang, own)));
    }
    if let Some(costs) = member.employment_costs {
        facts.push(out.pair(i18n::EMPLOYMENT_COSTS, &costs.0.to_string()));
    }
    facts.join(out.sep())
}

/// The household's answers in short: where, one row per member, the family.
fn answers(out: &mut Out, household: &Household) {
    let lang = out.lang;
    let place = policy::place(&household.county)
        .map(|place| if lang == Lang::Zh { place.zh } else { place.en })
        .unwrap_or(household.county.as_str());
    out.el("h2", "h2", i18n::SHEET_ANSWERS.get(lang));
    let where_ = format!(
        "{} · {}",
        out.pair(i18n::COUNTY, place),
        i18n::category(household.category).get(lang)
    );
    out.el("p class=\"sheet-place\"", "p", &where_);
    table(
        out,
        "sheet-members",
        &[
            i18n::MEMBER,
            i18n::BY_AGE,
            i18n::RELATION_SHORT,
            i18n::INCOMES,
            i18n::OTHER_FACTS,
        ],
    );
    for (index, member) in household.members.iter().enumerate() {
        let name = if member.name.trim().is_empty() {
            format!("{} {}", i18n::MEMBER.get(lang), index + 1)
        } else {
            member.name.clone()
        };
        let age = match (member.age, member.birth_date) {
            (_, Some(birth)) => format!("{} {birth}", i18n::BIRTH_DATE.get(lang)),
            (Some(age), None) => age.to_string(),
            (None, None) => String::new(),
        };
        let incomes = if member.incomes.is_empty() {
            i18n::NONE.get(lang).to_string()
        } else {
            member
                .incomes
                .iter()
                .map(|income| income_text(income, lang))
                .collect::<Vec<_>>()
                .join(out.sep())
        };
        let facts = member_facts(out, member, household.date);
        out.raw("<tr>");
        for cell in [
            name.as_str(),
            &age,
            i18n::relation(member.relation).get(lang),
            &incomes,
            &facts,
        ] {
            out.el("td", "td", cell);
        }
        out.raw("</tr>");
    }
    out.raw("</tbody></table>");

    let family_facts = &household.family;
    let mut family = vec![out.pair(
        i18n::PROPERTY,
        match family_facts.property_within_limits {
            Some(within) => yes_no(lang, within),
            None => i18n::NOT_SURE.get(lang),
        },
    )];
    for (label, value) in [
        (i18n::POVERTY_ALLEVIATED, family_facts.poverty_alleviated),
        (i18n::MARGINAL, family_facts.marginal),
        (i18n::ON_DIBAO, family_facts.on_dibao),
    ] {
        if value {
            family.push(label.get(lang).to_string());
        }
    }
    if let Some(current) = family_facts.current_dibao_monthly {
        family.push(out.pair(i18n::CURRENT_DIBAO, &current.0.to_string()));
    }
    for fact in crate::form::plain_family_facts() {
        if let doudi_rules::fields::Io::Household { get, .. } = fact.io {
            let cell = get(household);
            let shown = match fact.kind {
                _ if cell.is_empty() => continue,
                doudi_rules::fields::Kind::Flag => yes_no(lang, cell == "1"),
                _ => &cell,
            };
            family.push(out.pair(T::of(fact.label), shown));
        }
    }
    if !family_facts.incomes.is_empty() {
        let incomes: Vec<String> = family_facts
            .incomes
            .iter()
            .map(|income| income_text(income, lang))
            .collect();
        family.push(out.pair(i18n::FAMILY_INCOMES, &incomes.join(out.sep())));
    }
    let caseworker = &household.caseworker;
    if let Some(tier) = caseworker.rural_tier {
        family.push(out.pair(i18n::RURAL_TIER, tier.letter()));
    }
    for (label, value) in [
        (i18n::CPI_RISE, caseworker.cpi_rise),
        (i18n::FOOD_CPI_RISE, caseworker.food_cpi_rise),
    ] {
        if let Some(value) = value {
            family.push(out.pair(label, &value.0.to_string()));
        }
    }
    for (id, value) in &caseworker.overrides {
        family.push(out.pair(i18n::OVERRIDES, &format!("{id} = {}", value.0)));
    }
    out.raw("<p class=\"sheet-family\">");
    out.el("strong", "strong", &out.pair(i18n::FAMILY, ""));
    out.text(&family.join(out.sep()));
    out.raw("</p>");
}

fn title(assessment: &Assessment, at: usize, lang: Lang) -> String {
    let outcome = &assessment.programmes[at];
    match outcome.member_label_in(lang != Lang::Zh) {
        Some(label) => format!("{} · {label}", lang.text(&outcome.title)),
        None => lang.text(&outcome.title).to_string(),
    }
}

/// The title of the counted outcome of `programme`.
fn counted_title(assessment: &Assessment, programme: Programme, lang: Lang) -> String {
    assessment
        .programmes
        .iter()
        .find(|outcome| outcome.programme == programme && outcome.counts())
        .map(|outcome| lang.text(&outcome.title).to_string())
        .unwrap_or_default()
}

/// A line of money apart from the monthly total: "限期发放（不计入每月合计）：渐退帮扶
/// 1628 元/月（假设）；2026-12 至 2027-05，…".
fn apart_line(
    out: &mut Out,
    kind: &str,
    label: T,
    name: &str,
    path: &str,
    (monthly, basis, text): (&doudi_rules::Decimal, Basis, &str),
) {
    out.raw(&format!("<p class=\"sheet-apart\" data-print=\"{kind}\">"));
    out.text(&out.pair(label, name));
    out.text(" ");
    out.el(
        &format!("strong data-print-money=\"{path}\""),
        "strong",
        &monthly.to_string(),
    );
    out.text(&format!(" {}", i18n::YUAN_PER_MONTH.get(out.lang)));
    sheet_basis(out, basis);
    out.text(out.sep());
    out.text(text);
    out.raw("</p>");
}

/// The money (every month's, then apart from it what is time-limited or conditional),
/// what the rules could not use as given, and the outcome of every programme in a table.
fn results(out: &mut Out, assessment: &Assessment) {
    let lang = out.lang;
    out.el("h2", "h2", i18n::SHEET_RESULTS.get(lang));
    out.raw("<p class=\"sheet-total\">");
    out.text(&out.pair(i18n::TOTAL, ""));
    out.el(
        "strong data-print-money=\"total_monthly\"",
        "strong",
        &assessment.total_monthly.to_string(),
    );
    out.text(&format!(" {}", i18n::YUAN_PER_MONTH.get(lang)));
    sheet_basis(out, assessment.total_basis);
    if let (Some(min), Some(max)) = (assessment.total_monthly_min, assessment.total_monthly_max) {
        out.text(&format!(
            " {}",
            i18n::fill(
                i18n::RANGE.get(lang),
                &[("min", &min.to_string()), ("max", &max.to_string())]
            )
        ));
        for outcome in assessment
            .programmes
            .iter()
            .filter(|outcome| outcome.counts())
        {
            if let Some(note) = &outcome.range_note {
                out.text(out.sep());
                if let Some(label) = outcome.member_label_in(lang != Lang::Zh) {
                    out.text(label);
                    out.text(if lang == Lang::Zh { "，" } else { ": " });
                }
                out.text(lang.text(note));
            }
        }
    }
    out.raw("</p>");
    if let Some(limited) = &assessment.time_limited {
        let name = counted_title(assessment, limited.programme, lang);
        apart_line(
            out,
            "time_limited",
            i18n::TIME_LIMITED,
            &name,
            "time_limited.monthly",
            (&limited.monthly, limited.basis, lang.text(&limited.text)),
        );
    }
    if let Some(conditional) = &assessment.conditional {
        let name = counted_title(assessment, conditional.programme, lang);
        apart_line(
            out,
            "conditional",
            i18n::CONDITIONAL,
            &name,
            "conditional.monthly",
            (
                &conditional.monthly,
                conditional.basis,
                lang.text(&conditional.text),
            ),
        );
    }
    for notice in &assessment.notices {
        out.raw("<p class=\"sheet-notice\">");
        out.el("strong", "strong", &out.pair(i18n::NOTICES, ""));
        out.text(lang.text(&notice.text));
        out.raw("</p>");
    }
    if assessment.household_size > 0 {
        let counted = i18n::fill(
            i18n::COUNTED_INCOME.get(lang),
            &[
                ("total", &assessment.counted_income_monthly.to_string()),
                ("size", &assessment.household_size.to_string()),
                (
                    "per",
                    &assessment.counted_income_per_person_monthly.to_string(),
                ),
            ],
        );
        out.el("p", "p", &counted);
    }
    table(
        out,
        "sheet-outcomes",
        &[
            i18n::COL_PROGRAMME,
            i18n::COL_RESULT,
            i18n::COL_AMOUNT,
            i18n::NOTE,
        ],
    );
    for (at, outcome) in assessment.programmes.iter().enumerate() {
        let amount = match (outcome.shown_monthly(), outcome.shown_range()) {
            (_, Some((min, max))) => format!("{min}–{max}"),
            (Some(monthly), None) => monthly.to_string(),
            _ => String::new(),
        };
        let mut notes: Vec<String> = Vec::new();
        if let Some(text) = &outcome.alternative {
            notes.push(out.pair(i18n::ALTERNATIVE, lang.text(text)));
        }
        if outcome.shown_monthly().is_some() && outcome.payment != Payment::Monthly {
            notes.push(i18n::payment(outcome.payment).get(lang).to_string());
        }
        if let Some(level) = &outcome.level {
            notes.push(out.pair(i18n::LEVEL, lang.text(level)));
        }
        // On paper, a programme that does not qualify is one line: its reasons are on
        // screen (and two A4 pages hold a family of five at 9 pt).
        if outcome.status != Status::NotEligible {
            notes.extend(
                outcome
                    .reasons
                    .iter()
                    .map(|reason| lang.text(reason).to_string()),
            );
        }
        if outcome.status == Status::NeedsMoreInformation && !outcome.missing.is_empty() {
            let missing: Vec<&str> = outcome
                .missing
                .iter()
                .map(|missing| lang.text(&missing.text))
                .collect();
            notes.push(format!(
                "{}{}",
                i18n::MISSING.get(lang),
                missing.join(out.sep())
            ));
        }
        out.raw(&format!(
            "<tr data-programme=\"{}\" data-status=\"{}\" data-payment=\"{}\"{}>",
            outcome.programme.id(),
            outcome.status.id(),
            outcome.payment.id(),
            if outcome.alternative.is_some() {
                " data-alternative=\"true\""
            } else {
                ""
            }
        ));
        out.el("td", "td", &title(assessment, at, lang));
        out.raw("<td>");
        out.text(i18n::status(outcome.status).get(lang));
        if outcome.alternative.is_some() {
            out.el(
                "span class=\"sheet-small sheet-alt\"",
                "span",
                i18n::ALTERNATIVE.get(lang),
            );
        }
        out.raw("</td>");
        out.el(
            &format!("td class=\"num\" data-print-money=\"programmes[{at}].monthly\""),
            "td",
            &amount,
        );
        out.el("td", "td", &notes.join(out.sep()));
        out.raw("</tr>");
    }
    out.raw("</tbody></table>");
}

/// What the household can do next, as the rules say it.
fn next_steps(out: &mut Out, assessment: &Assessment) {
    if assessment.next_steps.is_empty() {
        return;
    }
    let lang = out.lang;
    out.el("h3", "h3", i18n::WHAT_NEXT.get(lang));
    out.raw("<ul class=\"sheet-next\">");
    for next in &assessment.next_steps {
        out.el("li", "li", lang.text(next));
    }
    out.raw("</ul>");
}

/// Every step of every programme that has any; a step already listed under an earlier
/// programme (the incomes counted, shared by dibao and the marginal family) is not
/// repeated.
fn steps(out: &mut Out, assessment: &Assessment) {
    let lang = out.lang;
    out.el("h2", "h2", i18n::SHEET_STEPS.get(lang));
    let mut seen: Vec<(Text, String)> = Vec::new();
    for (at, outcome) in assessment.programmes.iter().enumerate() {
        // The steps of what the family may get (those of the others are on screen).
        if outcome.steps.is_empty() || outcome.status == Status::NotEligible {
            continue;
        }
        let heading = format!(
            "{} · {}",
            title(assessment, at, lang),
            i18n::status(outcome.status).get(lang)
        );
        out.el("h3", "h3", &heading);
        // The steps are data: put into words here, once each.
        let fresh: Vec<_> = outcome
            .steps
            .iter()
            .filter_map(|step| {
                let (text, formula) = step.words();
                let new = !seen
                    .iter()
                    .any(|(zh, seen_formula)| zh.zh == text.zh && *seen_formula == formula);
                seen.push((text.clone(), formula.clone()));
                new.then_some((text, formula, step.basis()))
            })
            .collect();
        if fresh.len() < outcome.steps.len() {
            out.el("p class=\"sheet-small\"", "p", i18n::STEPS_ABOVE.get(lang));
        }
        if fresh.is_empty() {
            continue;
        }
        out.raw("<ol class=\"sheet-steps\">");
        for (text, formula, basis) in fresh {
            out.raw("<li>");
            out.text(lang.text(&text));
            if !formula.is_empty() {
                out.raw(" ");
                out.el("code", "code", &formula);
            }
            if basis != Basis::Published {
                sheet_basis(out, basis);
            }
            out.raw("</li>");
        }
        out.raw("</ol>");
    }
}

/// The figures that are not published policy (inferred or assumed), once each, with
/// their date and document: on paper a family must see which figures are not official.
/// The published ones are in the steps with their values; the clause and the reasoning
/// of every figure are in the full explanation the QR code opens.
fn figures(out: &mut Out, assessment: &Assessment) {
    let lang = out.lang;
    out.el("h2", "h2", i18n::SHEET_FIGURES.get(lang));
    let mut used: Vec<Used> = Vec::new();
    // The figures of the steps printed, and every figure that is not published policy.
    out.el("p", "p", i18n::SHEET_FIGURES_NOTE.get(lang));
    if assessment.not_published.is_empty() {
        return;
    }
    for param in &assessment.not_published {
        if !used.iter().any(|known| {
            known.id == param.id && known.value == param.value && known.from == param.from
        }) {
            used.push(param);
        }
    }
    table(
        out,
        "sheet-figures",
        &[
            i18n::COL_FIGURE,
            i18n::COL_VALUE,
            i18n::COL_FROM,
            i18n::COL_SOURCE,
            i18n::COL_STATUS,
        ],
    );
    for param in used {
        out.raw("<tr>");
        out.el(
            "td",
            "td",
            if lang == Lang::Zh { param.zh } else { param.en },
        );
        out.el(
            "td class=\"num\"",
            "td",
            &format!("{} {}", param.value, i18n::unit(param.unit).get(lang)),
        );
        out.el("td", "td", &param.from.to_string());
        out.el(
            "td",
            "td",
            if lang == Lang::Zh {
                param.document
            } else {
                param.document_en
            },
        );
        out.raw("<td>");
        sheet_basis(out, param.basis);
        out.raw("</td></tr>");
    }
    out.raw("</tbody></table>");
}

/// The sheet's markup.
fn sheet(household: &Household, assessment: &Assessment, lang: Lang) -> String {
    let mut out = Out {
        html: String::with_capacity(16 * 1024),
        lang,
    };
    out.raw("<section class=\"print-sheet\" hidden data-testid=\"print-sheet\">");
    // A QR code of the share link, to reopen this calculation on a phone (None outside a
    // browser, or when the link is too long for a code).
    if let Some(qr) = crate::share_link::link(household, assessment)
        .and_then(|link| crate::share_link::qr_address(&link.url))
    {
        out.raw("<figure class=\"sheet-qr\" data-testid=\"sheet-qr\"><img");
        out.attr("src", &qr);
        out.attr("alt", i18n::SHEET_QR.get(lang));
        out.raw(">");
        out.el("figcaption", "figcaption", i18n::SHEET_QR.get(lang));
        out.raw("</figure>");
    }
    out.el(
        "h1 class=\"sheet-title\"",
        "h1",
        i18n::SHEET_TITLE.get(lang),
    );
    out.raw("<p class=\"sheet-meta\">");
    out.text(&out.pair(i18n::SHEET_DATE, ""));
    out.el(
        "strong class=\"sheet-date\"",
        "strong",
        &assessment.date.to_string(),
    );
    out.text(" · ");
    out.text(&out.pair(i18n::RULES_VERSION, ""));
    out.el(
        "strong class=\"sheet-version\"",
        "strong",
        assessment.rules_version,
    );
    out.raw("</p>");
    answers(&mut out, household);
    results(&mut out, assessment);
    next_steps(&mut out, assessment);
    steps(&mut out, assessment);
    figures(&mut out, assessment);
    out.el(
        "p class=\"sheet-small\"",
        "p",
        i18n::SHEET_STATUS_NOTE.get(lang),
    );
    out.el(
        "p class=\"sheet-disclaimer\"",
        "p",
        lang.text(&assessment.disclaimer),
    );
    out.raw("<div class=\"sheet-sign\">");
    out.el(
        "p data-testid=\"caseworker-line\"",
        "p",
        i18n::SHEET_CASEWORKER.get(lang),
    );
    out.el("p", "p", i18n::SHEET_SIGNATURE.get(lang));
    out.raw("</div></section>");
    out.html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> (Household, Assessment) {
        let example = crate::examples::find(name).expect("bundled example");
        let household: Household = serde_json::from_str(example.json()).expect("example parses");
        let assessment =
            doudi_rules::assess(&household, doudi_rules::Options::default()).expect("assessed");
        (household, assessment)
    }

    #[test]
    fn the_sheet_has_every_figure_the_version_the_date_and_the_signature_lines() {
        let (household, assessment) = example("urban-family-with-grandmother");
        let html = sheet(&household, &assessment, Lang::Zh);
        assert!(html.contains(&format!(
            "data-print-money=\"total_monthly\">{}<",
            assessment.total_monthly
        )));
        for (at, outcome) in assessment.programmes.iter().enumerate() {
            if let Some(monthly) = outcome.shown_monthly() {
                assert!(html.contains(&format!(
                    "data-print-money=\"programmes[{at}].monthly\">{monthly}<"
                )));
            }
        }
        for used in &assessment.not_published {
            assert!(html.contains(&used.value.to_string()), "{}", used.id);
        }
        assert!(html.contains(assessment.rules_version));
        assert!(html.contains(&assessment.date.to_string()));
        assert!(html.contains("经办人：________　日期：________"));
        assert!(html.contains("申请人（或家属）签字"));
    }

    /// A text as the sheet writes it (escaped).
    fn escaped(text: &str) -> String {
        let mut out = Out {
            html: String::new(),
            lang: Lang::Zh,
        };
        out.text(text);
        out.html
    }

    fn fixture(json: &str) -> (Household, Assessment) {
        let household: Household = serde_json::from_str(json).expect("fixture parses");
        let assessment =
            doudi_rules::assess(&household, doudi_rules::Options::default()).expect("assessed");
        (household, assessment)
    }

    /// The total's paragraph: from its start to its end.
    fn total_paragraph(html: &str) -> &str {
        let start = html.find("<p class=\"sheet-total\">").expect("total");
        let end = start + html[start..].find("</p>").expect("end of total");
        &html[start..end]
    }

    #[test]
    fn time_limited_money_is_a_line_of_its_own_never_in_the_monthly_total() {
        let (household, assessment) = example("gradual-exit");
        let limited = assessment.time_limited.as_ref().expect("gradual exit");
        for lang in [Lang::Zh, Lang::En] {
            let html = sheet(&household, &assessment, lang);
            let total = total_paragraph(&html);
            assert!(total.contains(&format!(
                "data-print-money=\"total_monthly\">{}<",
                assessment.total_monthly
            )));
            assert!(!total.contains(&limited.monthly.to_string()), "{total}");
            assert!(html.contains(&format!(
                "data-print-money=\"time_limited.monthly\">{}<",
                limited.monthly
            )));
            assert!(html.contains(i18n::TIME_LIMITED.get(lang)));
            assert!(html.contains(&escaped(lang.text(&limited.text))));
            assert!(html.contains(i18n::payment(Payment::TimeLimited).get(lang)));
            for next in &assessment.next_steps {
                assert!(html.contains(&escaped(lang.text(next))));
            }
        }
    }

    #[test]
    fn conditional_money_alternatives_and_notices_are_marked() {
        let (household, assessment) = fixture(include_str!(
            "../../../tests/browser/fixtures/price-subsidy-trigger.json"
        ));
        let conditional = assessment.conditional.as_ref().expect("price subsidy");
        let html = sheet(&household, &assessment, Lang::Zh);
        assert!(html.contains(&format!(
            "data-print-money=\"conditional.monthly\">{}<",
            conditional.monthly
        )));
        assert!(html.contains("有条件发放（不计入每月合计）"));
        assert!(html.contains(conditional.text.zh.as_ref()));

        let (household, assessment) = fixture(include_str!(
            "../../../tests/browser/fixtures/gradual-exit-single-person.json"
        ));
        assert!(assessment
            .programmes
            .iter()
            .any(|outcome| outcome.alternative.is_some()));
        assert!(!assessment.notices.is_empty());
        let html = sheet(&household, &assessment, Lang::Zh);
        assert!(html.contains("data-alternative=\"true\""));
        assert!(html.contains("可选方案，未计入合计"));
        for notice in &assessment.notices {
            assert!(html.contains(&escaped(&notice.text.zh)));
        }
    }

    #[test]
    fn typed_text_is_escaped() {
        let (mut household, _) = example("tekun-partial-care");
        household.members[0].name = "<img src=x onerror=alert(1)>&\"'".into();
        let assessment = doudi_rules::assess(&household, doudi_rules::Options::default()).unwrap();
        let html = sheet(&household, &assessment, Lang::En);
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;"));
    }
}

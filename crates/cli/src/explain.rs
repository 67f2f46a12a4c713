//! `doudi explain`: the assessment as plain text a caseworker can read out or print, in
//! Chinese (the default) or English, every figure with its basis, document and date.
//! Labels come from the rules' one table (`doudi_rules::labels`), as on the site.

use doudi_rules::labels::{self, Label};
use doudi_rules::outcome::State;
use doudi_rules::{Assessment, Decimal, Household, Payment, Text};
use std::fmt::Write as _;

/// The language of the explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    fn text(self, text: &Text) -> &str {
        match self {
            Lang::Zh => &text.zh,
            Lang::En => &text.en,
        }
    }

    fn label(self, label: Label) -> &'static str {
        match self {
            Lang::Zh => label.zh,
            Lang::En => label.en,
        }
    }

    /// Picks the Chinese or the English form of a fixed phrase.
    fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// An amount that is a range, with its unit: "min–max 元" when the amount is the least of
/// it (a care tier not yet assessed), else "约 X 元（范围 min–max 元）" (an estimated tier).
fn range(lang: Lang, amount: Decimal, min: Decimal, max: Decimal) -> String {
    match (lang, amount == min) {
        (Lang::Zh, true) => format!("{min}–{max} 元"),
        (Lang::En, true) => format!("{min}–{max} yuan"),
        (Lang::Zh, false) => format!("约 {amount} 元（范围 {min}–{max} 元）"),
        (Lang::En, false) => format!("about {amount} yuan (range {min}–{max})"),
    }
}

pub fn render(household: &Household, assessment: &Assessment, lang: Lang) -> String {
    let mut text = String::new();
    let zh = lang == Lang::Zh;
    let _ = writeln!(
        text,
        "{}{}{}",
        lang.pick(
            "兜底 · 汉中社会救助估算（规则版本 ",
            "doudi · Hanzhong social assistance estimate (rules version "
        ),
        assessment.rules_version,
        lang.pick("）", ")")
    );
    if zh {
        let _ = writeln!(
            text,
            "评估日期 {}　{}　{}低保　共同生活 {} 人（纳入低保家庭 {} 人）",
            assessment.date,
            assessment.county.zh,
            assessment.category.zh(),
            household.members.len(),
            assessment.household_size
        );
        let _ = writeln!(
            text,
            "家庭计入收入每月 {} 元，人均每月 {} 元",
            assessment.counted_income_monthly, assessment.counted_income_per_person_monthly
        );
    } else {
        let _ = writeln!(
            text,
            "Date {}  {}  {} dibao  {} living together ({} in the dibao household)",
            assessment.date,
            assessment.county.en,
            assessment.category.en(),
            household.members.len(),
            assessment.household_size
        );
        let _ = writeln!(
            text,
            "Counted household income: {} yuan a month, {} per person",
            assessment.counted_income_monthly, assessment.counted_income_per_person_monthly
        );
    }
    // The basis of a total of nothing says nothing: shown only for an amount.
    let basis = if assessment.total_monthly.is_zero() && assessment.total_monthly_max.is_none() {
        String::new()
    } else {
        format!(
            "{}{}{}",
            lang.pick("（依据：", " (basis: "),
            lang.label(labels::basis(assessment.total_basis)),
            lang.pick("）", ")")
        )
    };
    let unit = lang.pick(" 元", " yuan");
    let _ = match (assessment.total_monthly_min, assessment.total_monthly_max) {
        (Some(min), Some(max)) => writeln!(
            text,
            "{}{}{}{basis}",
            lang.label(labels::PAID_EVERY_MONTH),
            lang.pick("：", ": "),
            range(lang, assessment.total_monthly, min, max)
        ),
        _ => writeln!(
            text,
            "{}{}{}{unit}{basis}",
            lang.label(labels::PAID_EVERY_MONTH),
            lang.pick("：", ": "),
            assessment.total_monthly,
        ),
    };
    let parts: Vec<String> = assessment
        .monthly_parts()
        .map(|(_, outcome)| {
            let who = outcome
                .member_label_in(lang == Lang::En)
                .map(|label| format!("{}{label}{}", lang.pick("（", " ("), lang.pick("）", ")")))
                .unwrap_or_default();
            // The parts add up to the headline: each outcome's amount, its range on the
            // range line below.
            let amount = outcome.monthly.unwrap_or_default();
            // "低保 550 元", "特困供养（王秀英）1218 元"; "dibao 550 yuan".
            let space = if who.is_empty() || !zh { " " } else { "" };
            format!(
                "{}{who}{space}{amount}{unit}",
                lang.label(labels::programme_short(outcome.programme))
            )
        })
        .collect();
    if !parts.is_empty() {
        let _ = writeln!(
            text,
            "  {}{}{}",
            lang.label(labels::MADE_UP_OF),
            lang.pick("：", ": "),
            parts.join(" + ")
        );
    }
    for outcome in &assessment.programmes {
        if let (Some(note), true) = (&outcome.range_note, outcome.counts()) {
            let who = outcome
                .member_label_in(lang == Lang::En)
                .map(|label| format!("{label}{}", lang.pick("，", ": ")))
                .unwrap_or_default();
            let _ = writeln!(
                text,
                "  {}{who}{}",
                lang.pick("范围：", "Range: "),
                lang.text(note)
            );
        }
    }
    if let Some(limited) = &assessment.time_limited {
        let _ = writeln!(
            text,
            "{}{}{}{}",
            lang.label(labels::TIME_LIMITED),
            lang.pick("：渐退帮扶，", ": gradual exit, "),
            lang.text(&limited.text),
            format_args!(
                "{}{}{}",
                lang.pick("（", " ("),
                lang.label(labels::basis(limited.basis)),
                lang.pick("）", ")")
            )
        );
    }
    if let Some(conditional) = &assessment.conditional {
        let _ = writeln!(
            text,
            "{}{}{}{}{}{}",
            lang.label(labels::CONDITIONAL),
            lang.pick("：价格临时补贴，", ": price subsidy, "),
            lang.text(&conditional.text),
            lang.pick("（", " ("),
            lang.label(labels::basis(conditional.basis)),
            lang.pick("）", ")")
        );
    }
    for notice in &assessment.notices {
        let _ = writeln!(
            text,
            "{}{}",
            lang.pick("请注意：", "Please note: "),
            lang.text(&notice.text)
        );
    }
    text.push('\n');
    for outcome in &assessment.programmes {
        let who = outcome
            .member_label_in(lang == Lang::En)
            .map(|label| format!(" · {label}"))
            .unwrap_or_default();
        let amount = match (outcome.shown_monthly(), outcome.shown_range()) {
            (Some(monthly), Some((min, max))) => format!(
                "{}{}{}",
                if monthly == min {
                    lang.pick(" — 每月 ", " — ")
                } else {
                    lang.pick(" — 每月", " — ")
                },
                range(lang, monthly, min, max),
                lang.pick("", " a month")
            ),
            // Money paid only in some months is not "每月": its payment says when.
            (Some(monthly), None) if outcome.payment == Payment::Conditional => {
                format!(" — {monthly}{}", lang.pick(" 元", " yuan"))
            }
            (Some(monthly), None) => format!(
                "{}{monthly}{}",
                lang.pick(" — 每月 ", " — "),
                lang.pick(" 元", " yuan a month")
            ),
            _ => String::new(),
        };
        let payment = if outcome.shown_monthly().is_some() && outcome.payment != Payment::Monthly {
            format!(
                "{}{}{}",
                lang.pick("（", " ("),
                lang.label(labels::payment(outcome.payment)),
                lang.pick("）", ")")
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            text,
            "{}{}{who}{}{}{amount}{payment}",
            lang.pick("【", "["),
            lang.text(&outcome.title),
            lang.pick("】", "] "),
            lang.label(labels::status(outcome.status))
        );
        if let Some(alternative) = &outcome.alternative {
            let _ = writeln!(
                text,
                "  {}{}{}",
                lang.label(labels::ALTERNATIVE),
                lang.pick("：", ": "),
                lang.text(alternative)
            );
        }
        if let Some(level) = &outcome.level {
            let _ = writeln!(
                text,
                "  {}{}",
                lang.pick("档次/等级：", "Level: "),
                lang.text(level)
            );
        }
        for criterion in &outcome.criteria {
            let mark = match criterion.state {
                State::Met => "✓",
                State::NotMet => "✗",
                State::Unknown => "？",
            };
            let _ = writeln!(
                text,
                "  {mark} {}{}{}",
                lang.text(&criterion.text),
                lang.pick("：", ": "),
                lang.text(&criterion.detail())
            );
        }
        for missing in &outcome.missing {
            let _ = writeln!(
                text,
                "  {}{}",
                lang.pick("需补充：", "Still needed: "),
                lang.text(&missing.text)
            );
        }
        for reason in &outcome.reasons {
            let _ = writeln!(
                text,
                "  {}{}",
                lang.pick("说明：", "Note: "),
                lang.text(reason)
            );
        }
        if !outcome.steps.is_empty() {
            let _ = writeln!(
                text,
                "  {}",
                lang.pick("计算步骤：", "How it was worked out:")
            );
        }
        for (number, step) in outcome.steps.iter().enumerate() {
            // The step is data: its words and its figures' records are made here.
            let (words, formula) = step.words();
            let _ = writeln!(text, "   {}. {}", number + 1, lang.text(&words));
            if !formula.is_empty() {
                let _ = writeln!(
                    text,
                    "      {}{}",
                    lang.pick("算式：", "Arithmetic: "),
                    formula
                );
            }
            let sep = lang.pick("；", "; ");
            for used in &step.params() {
                let _ = writeln!(
                    text,
                    "      {}{} = {}{}{}{}{sep}{}{sep}{}{}",
                    lang.pick("依据：", "Figure: "),
                    if zh { used.zh } else { used.en },
                    used.value,
                    lang.pick("（", " ("),
                    used.from,
                    lang.pick(" 起", " on"),
                    match (zh, used.document.is_empty()) {
                        (true, true) => used.title,
                        (true, false) => used.document,
                        (false, true) => used.title_en,
                        (false, false) => used.document_en,
                    },
                    lang.label(labels::basis(used.basis)),
                    lang.pick("）", ")")
                );
            }
            let _ = writeln!(
                text,
                "      {}{}",
                lang.pick("条款：", "Clause: "),
                if zh { step.clause() } else { step.clause_en() }
            );
        }
        for month in &outcome.timeline {
            let _ = writeln!(
                text,
                "   {}  {} {}  {}",
                month.month,
                month.amount,
                lang.pick("元", "yuan"),
                lang.text(&month.text)
            );
        }
        if outcome.status != doudi_rules::Status::NotEligible {
            for next in &outcome.next {
                let _ = writeln!(
                    text,
                    "  {}{}",
                    lang.pick("下一步：", "Next: "),
                    lang.text(next)
                );
            }
        }
        text.push('\n');
    }
    let _ = writeln!(text, "{}", lang.pick("下一步怎么办：", "What to do next:"));
    for next in &assessment.next_steps {
        let _ = writeln!(text, "  - {}", lang.text(next));
    }
    text.push('\n');
    if !assessment.not_published.is_empty() {
        let _ = writeln!(
            text,
            "{}",
            lang.pick(
                "以下数字不是已公布的汉中政策（推断、假设或经办人调整），仅供估算：",
                "These figures are not published Hanzhong policy (inferred, assumed or a caseworker's override); for estimates only:"
            )
        );
        for used in &assessment.not_published {
            let note = match lang {
                Lang::Zh if !used.note_zh.is_empty() => used.note_zh,
                _ => used.note,
            };
            let _ = writeln!(
                text,
                "  - {}{}{}{} = {}{}{}{}{note}",
                if zh { used.zh } else { used.en },
                lang.pick("（", " ("),
                used.id,
                lang.pick("）", ")"),
                used.value,
                lang.pick("，", ", "),
                lang.label(labels::basis(used.basis)),
                lang.pick("：", ": ")
            );
        }
        text.push('\n');
    }
    let _ = writeln!(text, "{}", lang.text(&assessment.disclaimer));
    let _ = writeln!(
        text,
        "{}",
        lang.pick(
            "经办人：________________　日期：____________",
            "Caseworker: ________________  Date: ____________"
        )
    );
    text
}

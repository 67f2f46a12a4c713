//! `doudi check`: a decision checked against the rules (核一核), as text a family or a
//! caseworker can read, in Chinese (the default) or English; `--json` gives the check
//! itself. Every sentence is the rules' own (`doudi_rules::check`).

use crate::explain::Lang;
use doudi_rules::check::Check;
use doudi_rules::labels::{self, check, quick};
use std::fmt::Write as _;

pub fn render(check: &Check, lang: Lang) -> String {
    let mut text = String::new();
    let say = |label: labels::Label| if lang == Lang::Zh { label.zh } else { label.en };
    let words = |text: &doudi_rules::Text| -> String {
        if lang == Lang::Zh {
            text.zh.to_string()
        } else {
            text.en.to_string()
        }
    };
    let a_month = |amount: rust_decimal::Decimal| {
        let amount = amount.normalize();
        if lang == Lang::Zh {
            format!("每月 {amount} 元")
        } else {
            format!("{amount} yuan a month")
        }
    };
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    let programme = labels::programme_short(check.programme);
    let _ = writeln!(text, "{}{colon}{}", say(check::TITLE), say(programme));
    let _ = writeln!(
        text,
        "{}{colon}{}",
        say(check::NOTICE),
        a_month(check.decision.monthly.0)
    );
    let ours = check
        .ours
        .map_or_else(|| say(check::MORE_NEEDED).to_string(), a_month);
    let _ = writeln!(text, "{}{colon}{ours}", say(check::RULES));
    let _ = writeln!(text, "{}{colon}{}", say(check::DATE), check.date);
    let _ = writeln!(text, "\n{}", words(&check.summary));
    if let Some(reason) = &check.reason {
        let _ = writeln!(text, "{}", words(reason));
    }
    for (heading, list) in [
        (check::WOULD_GIVE, &check.explanations),
        (check::LEFT_OUT, &check.left_out),
    ] {
        if !list.is_empty() {
            let _ = writeln!(text, "\n{}{}", say(heading), colon.trim_end());
            for explanation in list {
                let _ = writeln!(text, "  - {}", words(&explanation.text));
            }
        }
    }
    let _ = writeln!(text, "\n{}{}", say(check::WHAT_TO_DO), colon.trim_end());
    for step in &check.next_steps {
        let _ = writeln!(text, "  - {}", words(step));
    }
    text
}

/// `doudi quick`: the one-minute check's first answer (doudi_rules::quick), per
/// programme its word (可能符合 / 需要补充 / 暂不符合), its range and why; then what the
/// estimate assumes and, for heavy spending, where to turn.
pub fn quick(answer: &doudi_rules::quick::QuickAnswer, lang: Lang) -> String {
    use doudi_rules::quick::Range;
    let mut text = String::new();
    let zh = lang == Lang::Zh;
    let say = |label: labels::Label| if zh { label.zh } else { label.en };
    let words = |text: &doudi_rules::Text| -> String {
        if zh {
            text.zh.to_string()
        } else {
            text.en.to_string()
        }
    };
    let range = |range: &Range| words(&range.text());
    let colon = if zh { "：" } else { ": " };
    let place = if zh {
        answer.county.zh
    } else {
        answer.county.en
    };
    let category = if zh {
        answer.category.zh()
    } else {
        answer.category.en()
    };
    let people = if zh {
        format!("{} 人", answer.people)
    } else {
        format!("{} people", answer.people)
    };
    let _ = writeln!(
        text,
        "{}{colon}{place} · {category} · {people} · {}{colon}{}",
        say(quick::TITLE),
        say(check::DATE),
        answer.date
    );
    let _ = writeln!(
        text,
        "{}{colon}{}",
        say(quick::MONTHLY),
        range(&answer.monthly)
    );
    for programme in &answer.programmes {
        let amount = programme.range.as_ref().map(|each| {
            let how = match programme.payment {
                doudi_rules::Payment::Monthly => say(labels::PAID_EVERY_MONTH),
                payment => say(labels::payment(payment)),
            };
            format!(" · {} · {how}", range(each))
        });
        let _ = writeln!(
            text,
            "\n{}{colon}{}{}",
            words(&programme.title),
            say(quick::likely(programme.likely)),
            amount.unwrap_or_default()
        );
        if !programme.why.is_empty() {
            let _ = writeln!(text, "  {}", words(&programme.why));
        }
        for need in &programme.needs {
            let _ = writeln!(text, "  - {}", words(need));
        }
    }
    let _ = writeln!(text, "\n{}{}", say(quick::ASSUMED), colon.trim_end());
    for assumption in &answer.assumptions {
        let _ = writeln!(text, "  - {}", words(assumption));
    }
    if !answer.guidance.is_empty() {
        let _ = writeln!(text, "\n{}{}", say(quick::HEAVY_SPENDING), colon.trim_end());
        for guidance in &answer.guidance {
            let _ = writeln!(text, "  - {}", words(guidance));
        }
    }
    let _ = writeln!(text, "\n{}", words(&answer.disclaimer));
    text
}

/// `doudi answers`: the plain answers (doudi_rules::answers), each with its clauses and
/// how sure it is.
pub fn answers(lang: Lang) -> String {
    let mut text = String::new();
    let zh = lang == Lang::Zh;
    for answer in &doudi_rules::answers::ALL {
        let basis = labels::basis(answer.basis);
        let clauses: Vec<&str> = answer
            .clauses
            .iter()
            .map(|clause| if zh { clause.text } else { clause.text_en })
            .collect();
        let _ = writeln!(
            text,
            "{}\n{}\n{}{}{}{}{}\n",
            if zh {
                answer.question_zh
            } else {
                answer.question_en
            },
            if zh {
                answer.answer_zh
            } else {
                answer.answer_en
            },
            if zh { "依据：" } else { "Based on: " },
            clauses.join(if zh { "；" } else { "; " }),
            if zh { "（" } else { " (" },
            if zh { basis.zh } else { basis.en },
            if zh { "）" } else { ")" },
        );
    }
    text
}

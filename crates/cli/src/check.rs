//! `doudi check`: a decision checked against the rules (核一核), as text a family or a
//! caseworker can read, in Chinese (the default) or English; `--json` gives the check
//! itself. Every sentence is the rules' own (`doudi_rules::check`).

use crate::explain::Lang;
use doudi_rules::check::Check;
use doudi_rules::labels;
use std::fmt::Write as _;

pub fn render(check: &Check, lang: Lang) -> String {
    let mut text = String::new();
    let name = labels::programme_short(check.programme);
    let pick = |zh: &'static str, en: &'static str| if lang == Lang::Zh { zh } else { en };
    let words = |text: &doudi_rules::Text| -> String {
        if lang == Lang::Zh {
            text.zh.to_string()
        } else {
            text.en.to_string()
        }
    };
    let decided = check.decision.monthly.0.normalize();
    let _ = writeln!(
        text,
        "{}{}",
        pick("核一核：", "Check a decision: "),
        if lang == Lang::Zh { name.zh } else { name.en }
    );
    let _ = writeln!(
        text,
        "{}{}",
        pick("通知上：每月 ", "The notice: "),
        if lang == Lang::Zh {
            format!("{decided} 元")
        } else {
            format!("{decided} yuan a month")
        }
    );
    match check.ours {
        Some(ours) => {
            let ours = ours.normalize();
            let _ = writeln!(
                text,
                "{}{}",
                pick("按规则：每月 ", "The rules: "),
                if lang == Lang::Zh {
                    format!("{ours} 元")
                } else {
                    format!("{ours} yuan a month")
                }
            );
        }
        None => {
            let _ = writeln!(
                text,
                "{}",
                pick("按规则：还需要补充情况", "The rules: more answers needed")
            );
        }
    }
    let _ = writeln!(text, "\n{}", words(&check.summary));
    if let Some(reason) = &check.reason {
        let _ = writeln!(text, "{}", words(reason));
    }
    if !check.explanations.is_empty() {
        let _ = writeln!(
            text,
            "\n{}",
            pick(
                "哪些情况会得出通知上的数：",
                "What would give the notice's figure:"
            )
        );
        for explanation in &check.explanations {
            let _ = writeln!(text, "  - {}", words(&explanation.text));
        }
    }
    if !check.left_out.is_empty() {
        let _ = writeln!(
            text,
            "\n{}",
            pick("通知可能没有提到的：", "What the notice may leave out:")
        );
        for explanation in &check.left_out {
            let _ = writeln!(text, "  - {}", words(&explanation.text));
        }
    }
    let _ = writeln!(text, "\n{}", pick("可以怎么做：", "What you can do:"));
    for step in &check.next_steps {
        let _ = writeln!(text, "  - {}", words(step));
    }
    text
}

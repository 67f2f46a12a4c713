//! `doudi explain`: the assessment as plain Chinese text a caseworker can read out or
//! print, every figure with its basis, document and date.

use doudi_rules::household::basis_label;
use doudi_rules::outcome::State;
use doudi_rules::{Assessment, Household, Status};
use std::fmt::Write as _;

fn status_zh(status: Status) -> &'static str {
    match status {
        Status::Eligible => "可能符合",
        Status::NotEligible => "不符合",
        Status::NeedsMoreInformation => "需补充信息",
    }
}

pub fn render(household: &Household, assessment: &Assessment) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "兜底 · 汉中社会救助估算（规则版本 {}）",
        assessment.rules_version
    );
    let _ = writeln!(
        text,
        "评估日期 {}　{}　{}低保　共同生活 {} 人（纳入低保计算 {} 人）",
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
    let total = match (assessment.total_monthly_min, assessment.total_monthly_max) {
        (Some(min), Some(max)) => format!(
            "约 {} 元（视档次 {min}–{max} 元）",
            assessment.total_monthly
        ),
        _ => format!("{} 元", assessment.total_monthly),
    };
    let _ = writeln!(
        text,
        "预计每月合计：{total}（依据：{}）\n",
        basis_label(assessment.total_basis)
    );
    for outcome in &assessment.programmes {
        let who = outcome
            .member_label
            .as_ref()
            .map(|label| format!("（{label}）"))
            .unwrap_or_default();
        let amount = match outcome.monthly {
            Some(monthly) => format!(" — 每月 {monthly} 元"),
            None => String::new(),
        };
        let _ = writeln!(
            text,
            "【{}{who}】{}{amount}",
            outcome.title.zh,
            status_zh(outcome.status)
        );
        if let Some(level) = &outcome.level {
            let _ = writeln!(text, "  档次：{}", level.zh);
        }
        for criterion in &outcome.criteria {
            let mark = match criterion.state {
                State::Met => "✓",
                State::NotMet => "✗",
                State::Unknown => "？",
            };
            let _ = writeln!(
                text,
                "  {mark} {}：{}",
                criterion.text.zh, criterion.detail.zh
            );
        }
        for missing in &outcome.missing {
            let _ = writeln!(text, "  需补充：{}", missing.text.zh);
        }
        for reason in &outcome.reasons {
            let _ = writeln!(text, "  说明：{}", reason.zh);
        }
        if !outcome.steps.is_empty() {
            let _ = writeln!(text, "  计算步骤：");
        }
        for (number, step) in outcome.steps.iter().enumerate() {
            let _ = writeln!(text, "   {}. {}", number + 1, step.text.zh);
            let _ = writeln!(text, "      算式：{}", step.formula);
            for used in &step.params {
                let _ = writeln!(
                    text,
                    "      依据：{} = {}（{} 起；{}；{}）",
                    used.zh,
                    used.value,
                    used.from,
                    if used.document.is_empty() {
                        used.title
                    } else {
                        used.document
                    },
                    basis_label(used.basis)
                );
            }
            let _ = writeln!(text, "      条款：{}", step.clause);
        }
        for month in &outcome.timeline {
            let _ = writeln!(
                text,
                "   {}  {} 元  {}",
                month.month, month.amount, month.text.zh
            );
        }
        for next in &outcome.next {
            let _ = writeln!(text, "  下一步：{next}", next = next.zh);
        }
        text.push('\n');
    }
    if !assessment.not_published.is_empty() {
        let _ = writeln!(
            text,
            "以下数字不是已公布的汉中政策（推断、假设或经办人调整），仅供估算："
        );
        for used in &assessment.not_published {
            let _ = writeln!(
                text,
                "  - {}（{}）= {}，{}：{}",
                used.zh,
                used.id,
                used.value,
                basis_label(used.basis),
                if used.note_zh.is_empty() {
                    used.note
                } else {
                    used.note_zh
                }
            );
        }
        text.push('\n');
    }
    let _ = writeln!(text, "{}", assessment.disclaimer.zh);
    let _ = writeln!(text, "经办人：________________　日期：____________");
    text
}

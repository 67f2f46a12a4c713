//! `doudi reform CASELOAD.csv REFORM.toml`: what a reform would cost over a caseload
//! (doudi_caseload::reform), as a summary a finance bureau can read, in Chinese (the
//! default) or English. Every figure is an exact decimal.

use crate::explain::Lang;
use doudi_caseload::reform::{Costing, Line};
use doudi_rules::reform::Reform;
use doudi_rules::Decimal;
use std::fmt::Write as _;

/// Reads a reform file (TOML, docs/reform-format.md) and checks it.
pub use doudi_caseload::reform::read;

fn yuan(amount: Decimal) -> String {
    amount.normalize().to_string()
}

fn signed(amount: Decimal) -> String {
    if amount > Decimal::ZERO {
        format!("+{}", yuan(amount))
    } else {
        yuan(amount)
    }
}

pub fn render(costing: &Costing, reform: &Reform, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let t = |zh_text: &str, en_text: &str| {
        if zh {
            zh_text.to_string()
        } else {
            en_text.to_string()
        }
    };
    let mut out = String::new();
    let name = if zh {
        &costing.reform.zh
    } else {
        &costing.reform.en
    };
    let _ = writeln!(out, "{}{name}", t("改革方案：", "Reform: "));
    for change in reform.changes() {
        let param = change.param.param();
        let _ = writeln!(
            out,
            "  - {}（{}）{} {}{}",
            if zh { param.zh } else { param.en },
            param.id,
            t("自", "from"),
            change.from,
            if zh {
                format!(" 起为 {}", yuan(change.value))
            } else {
                format!(": {}", yuan(change.value))
            },
        );
    }
    let dates = costing
        .dates
        .map(|(low, high)| {
            if low == high {
                low.to_string()
            } else {
                format!("{low} – {high}")
            }
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}",
        if zh {
            format!(
                "测算对象：{} 户、{} 人（评估日期 {dates}）；{} 户有错误，未计入。",
                costing.assessed.households, costing.assessed.people, costing.failed
            )
        } else {
            format!("Caseload: {} households, {} people (assessed on {dates}); {} with errors, left out.", costing.assessed.households, costing.assessed.people, costing.failed)
        }
    );
    let _ = writeln!(
        out,
        "{}",
        t(
            "静态测算：只按名单上的家庭和他们现在的情况计算，不估计新申请的人数和人们行为的变化。",
            "A static costing: the households listed, as they are now; new applications and changes in behaviour are not modelled.",
        )
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}",
        if zh {
            format!(
                "每月合计：{} 元 → {} 元，变化 {} 元（一年 {} 元）",
                yuan(costing.monthly_before),
                yuan(costing.monthly_after),
                signed(costing.monthly_change()),
                signed(costing.yearly_change()),
            )
        } else {
            format!(
                "Every month in all: {} → {} yuan, a change of {} yuan ({} yuan a year)",
                yuan(costing.monthly_before),
                yuan(costing.monthly_after),
                signed(costing.monthly_change()),
                signed(costing.yearly_change()),
            )
        }
    );
    if costing.monthly_low_before != costing.monthly_before
        || costing.monthly_low_after != costing.monthly_after
    {
        let _ = writeln!(
            out,
            "{}",
            if zh {
                format!(
                    "其中有的金额是范围（农村低保档次或护理等级还没评定）：都按最低算，每月合计 {} 元 → {} 元",
                    yuan(costing.monthly_low_before),
                    yuan(costing.monthly_low_after)
                )
            } else {
                format!(
                    "Some amounts are ranges (a rural tier or care tier not yet assessed): all at their lowest, every month in all {} → {} yuan",
                    yuan(costing.monthly_low_before),
                    yuan(costing.monthly_low_after)
                )
            }
        );
    }
    if !costing.time_limited_before.is_zero() || !costing.time_limited_after.is_zero() {
        let _ = writeln!(
            out,
            "{}{} → {}{}",
            t(
                "限期发放（渐退帮扶，不计入每月合计）：每月 ",
                "Time-limited (gradual exit, not in the monthly total), a month: "
            ),
            yuan(costing.time_limited_before),
            yuan(costing.time_limited_after),
            t(" 元", " yuan"),
        );
    }
    let count = |label_zh: &str, label_en: &str, count: doudi_caseload::reform::Count| {
        if zh {
            format!("  {label_zh}：{} 户、{} 人", count.households, count.people)
        } else {
            format!(
                "  {label_en}: {} households, {} people",
                count.households, count.people
            )
        }
    };
    let _ = writeln!(
        out,
        "{}",
        count(
            "新纳入（按月有钱）",
            "Newly with money every month",
            costing.newly_eligible
        )
    );
    let _ = writeln!(
        out,
        "{}",
        count(
            "不再按月有钱",
            "No longer with money every month",
            costing.no_longer_eligible
        )
    );
    let _ = writeln!(out, "{}", count("增加", "Gaining", costing.gaining));
    let _ = writeln!(out, "{}", count("减少", "Losing", costing.losing));
    let _ = writeln!(out, "{}", count("不变", "Unchanged", costing.unchanged));
    let _ = writeln!(
        out,
        "{}{}{}",
        t(
            "每户每月变化的中位数：",
            "Median change a household a month: "
        ),
        signed(costing.median_change),
        costing
            .median_change_of_changed
            .map(|median| if zh {
                format!("（有变化的家庭中：{}）", signed(median))
            } else {
                format!(" (among those that change: {})", signed(median))
            })
            .unwrap_or_default(),
    );
    for (label, changed) in [
        (t("增加最多：", "Largest gain: "), &costing.largest_gain),
        (t("减少最多：", "Largest loss: "), &costing.largest_loss),
    ] {
        if let Some(changed) = changed {
            let _ = writeln!(
                out,
                "{label}{} {} → {}（{}）",
                changed.id,
                yuan(changed.before),
                yuan(changed.after),
                signed(changed.after - changed.before),
            );
        }
    }
    let table = |out: &mut String, heading: String, lines: &[Line]| {
        let _ = writeln!(out, "\n{heading}");
        for line in lines {
            let _ = writeln!(
                out,
                "  {}  {} {}  {} → {}  {}",
                if zh { &line.label.zh } else { &line.label.en },
                line.households,
                t("户", "households"),
                yuan(line.before),
                yuan(line.after),
                signed(line.change()),
            );
        }
    };
    table(
        &mut out,
        t("按项目（每月，元）：", "By programme (a month, yuan):"),
        &costing.by_programme,
    );
    table(
        &mut out,
        t(
            "按县区（每月合计，元）：",
            "By county (the monthly total, yuan):",
        ),
        &costing.by_county,
    );
    table(
        &mut out,
        t(
            "城市、农村（每月合计，元）：",
            "Urban and rural (the monthly total, yuan):",
        ),
        &costing.by_category,
    );
    out
}

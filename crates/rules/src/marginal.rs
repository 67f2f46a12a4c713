//! 低保边缘家庭 (low-income marginal family): counted income per person at or above the
//! dibao standard but below 1.5 × it, property within the conditions. It brings no cash
//! of its own but opens medical, education, housing and employment assistance, the
//! single-person route, and the price subsidy.

use crate::dibao::{self, Dibao};
use crate::income::Counted;
use crate::outcome::{Outcome, Programme, State, Step, Text};
use crate::policy::id;
use crate::rounding;
use crate::{Ctx, InputError};

const CLAUSE: &str = "汉民发〔2021〕52号 二(一)（低保边缘家庭指汉民发〔2020〕132号中的低收入家庭）；民政部 财政部 2020 年通知";

pub(crate) fn assess(ctx: &Ctx, counted: &Counted, dibao: &Dibao) -> Result<Outcome, InputError> {
    let mut outcome = Outcome::new(
        Programme::MarginalFamily,
        Text::new("低保边缘家庭", "Low-income marginal family"),
    );
    let multiple = ctx.get(id::MARGINAL_INCOME_MULTIPLE)?;
    outcome.rests_on(multiple.basis);
    outcome.rests_on(counted.basis);
    let line_yearly = dibao.threshold_yearly * multiple.value;
    let size = counted.size();
    let exact_per_person = counted.monthly_per_person();
    let exact_line = dibao.standard_monthly * multiple.value;
    let (per_person, standard) =
        rounding::for_display_pair(exact_per_person, dibao.standard_monthly);
    let (per_person_vs_line, line_monthly) =
        rounding::for_display_pair(exact_per_person, exact_line);
    // The texts say "高于" (above) the dibao standard. Read literally, a family exactly at
    // the standard would fall into no programme; we read it as "at or above", and say so.
    let at_or_above = !counted.covered.is_empty() && !dibao.income_below;
    let exactly = at_or_above && counted.total_yearly == dibao.threshold_yearly * size;
    outcome.criterion(
        "above_standard",
        Text::new(
            "人均收入达到或高于低保标准",
            "income per person at or above the dibao standard",
        ),
        if at_or_above {
            State::Met
        } else {
            State::NotMet
        },
        if exactly {
            Text::new(
                format!("人均每月 {per_person} 元，正好等于标准 {standard} 元：原文为“高于”，本计算器按“达到或高于”理解"),
                format!("{per_person} yuan a month, exactly the standard of {standard}: the text says \"above\"; we read it as \"at or above\""),
            )
        } else if at_or_above {
            Text::new(
                format!("人均每月 {per_person} 元，高于标准 {standard} 元"),
                format!("{per_person} yuan a month, above the standard of {standard}"),
            )
        } else if counted.covered.is_empty() {
            Text::new(
                "所有成员都按特困人员供养",
                "every member is supported as a tekun person",
            )
        } else {
            Text::new(
                "收入低于低保标准，请看低保",
                "income is below the dibao standard; see dibao",
            )
        },
    );
    let below_line = !counted.covered.is_empty() && counted.total_yearly < line_yearly * size;
    outcome.criterion(
        "below_line",
        Text::new(
            format!("人均收入低于低保标准的 {} 倍", multiple.value),
            format!("income per person below {} × the standard", multiple.value),
        ),
        if below_line {
            State::Met
        } else {
            State::NotMet
        },
        if counted.covered.is_empty() {
            Text::new(
                "所有成员都按特困人员供养",
                "every member is supported as a tekun person",
            )
        } else if below_line {
            Text::new(
                format!("人均每月 {per_person_vs_line} 元，低于界线 {line_monthly} 元"),
                format!("{per_person_vs_line} yuan a month, below the line of {line_monthly}"),
            )
        } else {
            Text::new(
                format!("人均每月 {per_person_vs_line} 元，不低于界线 {line_monthly} 元"),
                format!("{per_person_vs_line} yuan a month, not below the line of {line_monthly}"),
            )
        },
    );
    dibao::property_criterion(ctx, &mut outcome);
    outcome.decide();
    if ctx.options.trace && !counted.covered.is_empty() {
        outcome.steps.extend(counted.steps.iter().cloned());
        outcome.steps.push(Step {
            text: Text::new(
                format!(
                    "低保边缘界线：低保标准 × {} = 每人每月 {line_monthly} 元",
                    multiple.value
                ),
                format!(
                    "Marginal line: the standard × {} = {line_monthly} yuan per person a month",
                    multiple.value
                ),
            ),
            formula: format!(
                "{} × {} {} {line_monthly}; {per_person_vs_line} {} {line_monthly}",
                rounding::for_display(dibao.standard_monthly),
                multiple.value,
                rounding::equals_sign(exact_line),
                if below_line { "<" } else { "≥" }
            ),
            params: vec![dibao.standard.clone(), multiple.clone()],
            clause: CLAUSE.into(),
            basis: multiple.basis,
        });
    }
    if ctx.options.trace && at_or_above {
        outcome.steps.push(Step {
            text: Text::new(
                "界线的理解：原文为人均收入“高于”低保标准；本计算器把正好等于标准也算作边缘家庭（达到或高于）",
                "Reading of the line: the text says income \"above\" the standard; we count income exactly at the standard as marginal (at or above)",
            ),
            formula: String::new(),
            params: Vec::new(),
            clause: CLAUSE.into(),
            basis: crate::policy::Basis::Assumed,
        });
    }
    if outcome.status == crate::Status::Eligible {
        outcome.reasons.push(Text::new(
            "可申请认定为低保边缘家庭：没有按月现金，但可获得医疗、教育、住房、就业等专项救助，重残重病成员可按“单人户”纳入低保",
            "The family may be recognised as a low-income marginal family: no monthly cash, but medical, education, housing and employment assistance, and the single-person route for severely disabled or seriously ill members",
        ));
        outcome.next.push(Text::new(
            "向镇（街道）申请低收入人口认定",
            "Apply at the township or street office to be recognised as low-income",
        ));
    }
    Ok(outcome)
}

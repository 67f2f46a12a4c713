//! 价格临时补贴 (price-linked temporary subsidy): paid to dibao, tekun and marginal-family
//! persons in a month when the CPI or the food CPI rise meets its trigger
//! (发改价格〔2021〕1553号; 汉民发〔2021〕52号 二(二)). The current Shaanxi amount was not
//! found: the amount per person is a parameter labelled assumed.

use crate::income::Counted;
use crate::outcome::{Outcome, Programme, State, Step, Text};
use crate::policy::id;
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

const CLAUSE: &str = "汉民发〔2021〕52号 二(二)；启动条件：2016年国家价格联动机制及陕西2016年实施办法（现行国家文件为发改价格〔2021〕1553号，原文未见）";

pub(crate) fn assess(
    ctx: &Ctx,
    programmes: &[Outcome],
    counted: &Counted,
) -> Result<Outcome, InputError> {
    let mut outcome = Outcome::new(
        Programme::PriceSubsidy,
        Text::new("价格临时补贴", "Price-linked temporary subsidy"),
    );
    let cpi_trigger = ctx.get(id::PRICE_CPI_TRIGGER)?;
    let food_trigger = ctx.get(id::PRICE_FOOD_CPI_TRIGGER)?;
    let trigger_text = Text::new(
        format!(
            "当月 CPI 同比涨幅达到 {}%，或食品 CPI 涨幅达到 {}%",
            cpi_trigger.value, food_trigger.value
        ),
        format!(
            "this month's CPI rise reaches {}%, or the food CPI rise reaches {}%",
            cpi_trigger.value, food_trigger.value
        ),
    );
    let cpi = ctx.facts.cpi_rise;
    let food = ctx.facts.food_cpi_rise;
    let triggered = cpi.is_some_and(|rise| rise >= cpi_trigger.value)
        || food.is_some_and(|rise| rise >= food_trigger.value);
    if cpi.is_none() && food.is_none() {
        outcome.criterion(
            "trigger",
            trigger_text,
            State::Unknown,
            Text::new(
                "未填写当月物价涨幅（由经办人填写）",
                "this month's price index is not given (a caseworker enters it)",
            ),
        );
        outcome.missing(
            "caseworker.cpi_rise".into(),
            Text::new(
                "当月居民消费价格指数（CPI）及食品 CPI 同比涨幅",
                "this month's CPI and food CPI rise, year on year",
            ),
        );
    } else {
        let shown = |rise: Option<Decimal>| {
            rise.map(|rise| format!("{rise}%"))
                .unwrap_or_else(|| "—".into())
        };
        outcome.criterion(
            "trigger",
            trigger_text,
            if triggered { State::Met } else { State::NotMet },
            Text::new(
                format!("CPI {}，食品 CPI {}", shown(cpi), shown(food)),
                format!("CPI {}, food CPI {}", shown(cpi), shown(food)),
            ),
        );
    }
    // The persons covered: members of an eligible dibao household (or one in gradual
    // exit), people covered alone, tekun persons, and marginal-family members.
    // Only the routes that are used count: an alternative is not paid, so its people are
    // not counted twice.
    let eligible = |programme: Programme| {
        programmes
            .iter()
            .filter(move |outcome| outcome.programme == programme && outcome.counts())
    };
    let household_size = counted.covered.len();
    let mut persons = 0usize;
    let dibao_household = eligible(Programme::Dibao).next().is_some()
        || eligible(Programme::GradualExit).next().is_some();
    // Whether marginal persons are covered is read only where it decides something: a
    // marginal family that is not a dibao household.
    let covers_marginal =
        if !dibao_household && eligible(Programme::MarginalFamily).next().is_some() {
            Some(ctx.get(id::PRICE_COVERS_MARGINAL)?)
        } else {
            None
        };
    let by_marginal = covers_marginal
        .as_ref()
        .is_some_and(|rule| rule.value == Decimal::ONE);
    let whole_household = dibao_household || by_marginal;
    if whole_household {
        persons += household_size;
    } else {
        persons += eligible(Programme::SinglePerson).count();
    }
    persons += eligible(Programme::Tekun).count();
    outcome.criterion(
        "recipients",
        Text::new(
            "有低保、特困或低保边缘人员",
            "someone receives dibao or tekun support, or is in a marginal family",
        ),
        if persons > 0 {
            State::Met
        } else {
            State::NotMet
        },
        Text::new(
            format!("按本次估算共 {persons} 人"),
            format!("{persons} people in this estimate"),
        ),
    );
    outcome.decide();
    if triggered && persons > 0 {
        let per_person = ctx.get(id::PRICE_AMOUNT_PER_PERSON)?;
        let monthly = per_person.value * Decimal::from(persons);
        outcome.rests_on(per_person.basis.max(cpi_trigger.basis));
        if let Some(rule) = covers_marginal.as_ref().filter(|_| by_marginal) {
            outcome.rests_on(rule.basis);
        }
        outcome.monthly = Some(monthly);
        if ctx.options.trace {
            outcome.steps.push(Step {
                text: Text::new(
                    format!(
                        "物价涨幅达到启动条件：每人每月 {} 元 × {persons} 人",
                        per_person.value
                    ),
                    format!(
                        "The trigger is met: {} yuan per person × {persons}",
                        per_person.value
                    ),
                ),
                formula: format!("{} × {persons} = {monthly}", per_person.value),
                params: [
                    cpi_trigger.clone(),
                    food_trigger.clone(),
                    per_person.clone(),
                ]
                .into_iter()
                .chain(covers_marginal.clone())
                .collect(),
                clause: CLAUSE.into(),
                basis: outcome.amount_basis,
            });
        }
        outcome.reasons.push(Text::new(
            format!("本月物价涨幅达到启动条件，补贴约 {monthly} 元（金额为假设）"),
            format!(
                "This month's price rise meets the trigger: about {monthly} yuan (amount assumed)"
            ),
        ));
    }
    outcome.next.push(Text::new(
        "价格临时补贴由民政部门随低保、特困金一并发放，无需另行申请",
        "The subsidy is paid with dibao or tekun support; no separate application",
    ));
    Ok(outcome)
}

//! The words of 价格临时补贴 (the price-linked temporary subsidy).

use crate::outcome::Text;
use rust_decimal::Decimal;

pub(crate) fn trigger_criterion(cpi_trigger: Decimal, food_trigger: Decimal) -> Text {
    Text::new(
        format!("当月 CPI 同比涨幅达到 {cpi_trigger}%，或食品 CPI 涨幅达到 {food_trigger}%"),
        format!(
            "this month's CPI rise reaches {cpi_trigger}%, or the food CPI rise reaches {food_trigger}%"
        ),
    )
}

pub(crate) fn paid_in_trigger_months(cpi_trigger: Decimal, food_trigger: Decimal) -> Text {
    Text::new(
        format!("在当月 CPI 同比涨幅达到 {cpi_trigger}% 或食品 CPI 涨幅达到 {food_trigger}% 的月份发放；涨幅由民政部门按统计部门公布的数据确定，家庭不用填写"),
        format!("paid in a month when the CPI rise reaches {cpi_trigger}% or the food CPI rise reaches {food_trigger}% year on year; the civil-affairs office applies the published figures, and a family has nothing to enter"),
    )
}

pub(crate) fn trigger_detail(cpi: Option<Decimal>, food: Option<Decimal>) -> Text {
    let shown = |rise: Option<Decimal>| {
        rise.map(|rise| format!("{rise}%"))
            .unwrap_or_else(|| "—".into())
    };
    Text::new(
        format!("CPI {}，食品 CPI {}", shown(cpi), shown(food)),
        format!("CPI {}, food CPI {}", shown(cpi), shown(food)),
    )
}

pub(crate) fn recipients_criterion() -> Text {
    Text::new(
        "有低保、特困或低保边缘人员",
        "someone receives dibao or tekun support, or is in a marginal family",
    )
}

pub(crate) fn recipients_detail(persons: usize) -> Text {
    Text::new(
        format!("按本次估算共 {persons} 人"),
        format!("{persons} people in this estimate"),
    )
}

pub(crate) fn amount_step(
    per_person: Decimal,
    persons: usize,
    monthly: Decimal,
    month_unknown: bool,
) -> (Text, String) {
    let text = if month_unknown {
        Text::new(
            format!("在达到启动条件的月份：每人每月 {per_person} 元 × {persons} 人"),
            format!("In a month that meets the trigger: {per_person} yuan per person × {persons}"),
        )
    } else {
        Text::new(
            format!("物价涨幅达到启动条件：每人每月 {per_person} 元 × {persons} 人"),
            format!("The trigger is met: {per_person} yuan per person × {persons}"),
        )
    };
    (text, format!("{per_person} × {persons} = {monthly}"))
}

pub(crate) fn reason(monthly: Decimal, month_unknown: bool) -> Text {
    if month_unknown {
        Text::new(
            format!("在达到启动条件的月份，补贴约 {monthly} 元（金额为假设），不计入每月合计"),
            format!("In a month that meets the trigger: about {monthly} yuan (amount assumed), not in the monthly figure"),
        )
    } else {
        Text::new(
            format!("本月物价涨幅达到启动条件，补贴约 {monthly} 元（金额为假设）"),
            format!(
                "This month's price rise meets the trigger: about {monthly} yuan (amount assumed)"
            ),
        )
    }
}

pub(crate) fn how_it_is_paid() -> Text {
    Text::new(
        "价格临时补贴由民政部门随低保、特困金一并发放，无需另行申请",
        "The subsidy is paid with dibao or tekun support; no separate application",
    )
}

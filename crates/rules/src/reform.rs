//! A reform: new values for parameters of policies/ from a date (a standard raised, a new
//! tier, another top-up rate), to cost over a caseload what it would change
//! (docs/reform-format.md). The rules read a reform's value wherever they read the
//! parameter on or after its date, and mark it as the reform's ([`Basis::Reform`]): a
//! reform's figure is never shown as published policy. The file's own format (TOML) is
//! read outside this crate, which does no I/O; here a reform is checked against the
//! parameters it names.

use crate::household::{parse_date, short};
use crate::policy::{param_id, Date, ParamId, Unit};
use crate::{InputError, Text};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// A reform as written (docs/reform-format.md).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReformInput {
    /// What the reform is called, in Chinese (and English, where given).
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(rename = "change")]
    pub changes: Vec<ChangeInput>,
}

/// One new value as written: the parameter's id, from when, the value (a string, so that
/// no digit is lost).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeInput {
    pub param: String,
    pub from: String,
    pub value: String,
}

/// A reform checked: every parameter known, every value in its unit's range, every date
/// within what is modelled.
#[derive(Clone, Debug, PartialEq)]
pub struct Reform {
    pub name: Text,
    /// By parameter, the new values in the order of their dates.
    changes: Vec<Change>,
}

/// One new value of a parameter, from a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub param: ParamId,
    pub from: Date,
    pub value: Decimal,
}

/// The most changes a reform may have.
pub const MAX_CHANGES: usize = 200;

/// What a value of a unit may be: from, to, and whether whole.
fn range(unit: Unit) -> (Decimal, Decimal, bool) {
    let d = Decimal::from;
    match unit {
        Unit::YuanPersonMonth => (d(0), d(100_000), false),
        Unit::YuanPersonYear => (d(0), d(1_200_000), false),
        Unit::YuanMonth => (d(0), d(1_000_000), false),
        Unit::Ratio => (d(0), d(10), false),
        Unit::Percent => (d(0), d(100), false),
        Unit::Months => (d(0), d(120), true),
        Unit::Age => (d(0), d(150), true),
        Unit::Grade => (d(1), d(4), true),
        Unit::Count => (d(0), d(6), true),
        Unit::WageClass => (d(1), d(3), true),
        Unit::YuanStep => (d(0), d(crate::household::MAX_ROUND_STEP), false),
        Unit::Flag => (d(0), d(1), true),
    }
}

impl ReformInput {
    /// Checks the reform, each error at its field (`change[2].value`).
    pub fn check(&self) -> Result<Reform, InputError> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(InputError::new(
                "name".into(),
                "请给方案起一个名字（100 个字以内）".into(),
                "give the reform a name (at most 100 characters)".into(),
            ));
        }
        if self.changes.is_empty() || self.changes.len() > MAX_CHANGES {
            return Err(InputError::new(
                "change".into(),
                format!("方案要改 1 到 {MAX_CHANGES} 个参数的值"),
                format!("a reform changes the values of 1 to {MAX_CHANGES} parameters"),
            ));
        }
        let first = crate::policy::first_modelled_date();
        let last = crate::household::last_assessable_date();
        let mut changes = Vec::with_capacity(self.changes.len());
        for (at, change) in self.changes.iter().enumerate() {
            let field = |name: &str| format!("change[{at}].{name}");
            let Some(param) = param_id(change.param.trim()) else {
                return Err(InputError::new(
                    field("param"),
                    format!(
                        "没有这个参数：“{}”；参数见 doudi policy check",
                        short(&change.param)
                    ),
                    format!(
                        "no such parameter: \"{}\"; see doudi policy check for the parameters",
                        short(&change.param)
                    ),
                ));
            };
            let from = parse_date(change.from.trim())
                .map_err(|(zh, en)| InputError::new(field("from"), zh, en))?;
            if from < first || from > last {
                return Err(InputError::new(
                    field("from"),
                    format!("日期 {from} 不在本计算器收录的范围内（{first} 到 {last}）"),
                    format!("the date {from} is outside what this calculator models ({first} to {last})"),
                ));
            }
            let unit = param.param().unit;
            let (low, high, whole) = range(unit);
            let value = Decimal::from_str(change.value.trim()).ok().filter(|value| {
                *value >= low && *value <= high && (!whole || value.fract().is_zero())
            });
            let Some(value) = value else {
                let kind = if whole { "整数" } else { "数" };
                let kind_en = if whole { "a whole number" } else { "a number" };
                return Err(InputError::new(
                    field("value"),
                    format!(
                        "“{}”不行：{} 的值要是 {low} 到 {high} 之间的{kind}",
                        short(&change.value),
                        param.param().id
                    ),
                    format!(
                        "\"{}\" will not do: {} takes {kind_en} from {low} to {high}",
                        short(&change.value),
                        param.param().id
                    ),
                ));
            };
            if changes
                .iter()
                .any(|done: &Change| done.param == param && done.from == from)
            {
                return Err(InputError::new(
                    field("from"),
                    format!("{} 在 {from} 已经有一个新值", param.param().id),
                    format!("{} has a new value from {from} already", param.param().id),
                ));
            }
            changes.push(Change { param, from, value });
        }
        changes.sort_by_key(|change| (change.param.0, change.from));
        let name_en = match self.name_en.trim() {
            "" => name,
            name_en => name_en,
        };
        Ok(Reform {
            name: Text::new(name.to_string(), name_en.to_string()),
            changes,
        })
    }
}

impl Reform {
    /// The reform's value of a parameter on a date: its latest change from on or before
    /// the date.
    pub fn value_on(&self, param: ParamId, date: Date) -> Option<Decimal> {
        self.change_on(param, date).map(|change| change.value)
    }

    /// The change in force for a parameter on a date: its latest from on or before it.
    pub fn change_on(&self, param: ParamId, date: Date) -> Option<&Change> {
        self.changes
            .iter()
            .rfind(|change| change.param == param && change.from <= date)
    }

    pub fn changes(&self) -> &[Change] {
        &self.changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::Household;

    fn reform(changes: &[(&str, &str, &str)]) -> Reform {
        ReformInput {
            name: "测试".into(),
            name_en: String::new(),
            changes: changes
                .iter()
                .map(|(param, from, value)| ChangeInput {
                    param: param.to_string(),
                    from: from.to_string(),
                    value: value.to_string(),
                })
                .collect(),
        }
        .check()
        .expect("a good reform")
    }

    #[test]
    fn a_tier_the_reform_brings_in_is_assessed_under_it_and_marked_as_the_reforms() {
        let household: Household = serde_json::from_str(
            r#"{"county":"chenggu","category":"rural","date":"2025-06-01",
                "family":{"property_within_limits":true},"caseworker":{"rural_tier":"D"},
                "members":[{"age":44},{"age":41,"relation":"spouse"}]}"#,
        )
        .unwrap();
        // Without the reform, tier D is not in force on the date.
        let refused = crate::assess(&household, crate::Options::FIGURES).unwrap_err();
        assert_eq!(refused.field, "caseworker.rural_tier");
        let early = reform(&[("dibao.rural.tier_d", "2025-06-01", "190")]);
        let assessed = crate::assess_under(&household, crate::Options::FIGURES, &early).unwrap();
        // 190 × 2 = 380, the reform's figure.
        assert_eq!(assessed.total_monthly, Decimal::from(380));
        assert_eq!(assessed.total_basis, crate::policy::Basis::Reform);
        // A reform from a later date leaves the date's figures alone: still refused.
        let late = reform(&[("dibao.rural.tier_d", "2025-07-01", "190")]);
        assert!(crate::assess_under(&household, crate::Options::FIGURES, &late).is_err());
    }

    #[test]
    fn a_reformed_figure_names_the_reform_and_its_date_not_policys_document() {
        let household: Household = serde_json::from_str(
            r#"{"county":"hantai","category":"urban","date":"2026-11-01",
                "family":{"property_within_limits":true},"members":[{"age":40}]}"#,
        )
        .unwrap();
        let rise = reform(&[("dibao.urban.standard", "2026-10-01", "700")]);
        let assessed = crate::assess_under(&household, crate::Options::FULL, &rise).unwrap();
        let used = assessed
            .not_published
            .iter()
            .find(|used| used.id == "dibao.urban.standard")
            .expect("the reformed standard is listed as not published");
        assert_eq!(used.basis, crate::policy::Basis::Reform);
        assert_eq!(used.value, Decimal::from(700));
        assert_eq!(used.policy_value, Some(Decimal::from(675)));
        assert_eq!(used.from, Date::new(2026, 10, 1));
        assert_eq!(used.document, "改革方案");
        assert!(used.clause.is_empty() && used.url.is_empty());
    }

    #[test]
    fn the_latest_change_on_or_before_the_date_is_read() {
        let steps = reform(&[
            ("dibao.urban.standard", "2026-01-01", "690"),
            ("dibao.urban.standard", "2026-06-01", "700"),
        ]);
        let id = crate::policy::param_id("dibao.urban.standard").unwrap();
        assert_eq!(steps.value_on(id, Date::new(2025, 12, 31)), None);
        assert_eq!(
            steps.value_on(id, Date::new(2026, 1, 1)),
            Some(Decimal::from(690))
        );
        assert_eq!(
            steps.value_on(id, Date::new(2026, 5, 31)),
            Some(Decimal::from(690))
        );
        assert_eq!(
            steps.value_on(id, Date::new(2026, 6, 1)),
            Some(Decimal::from(700))
        );
    }
}

//! Runs every case in tests/reform-cases/*.toml: a reform (docs/reform-format.md), a
//! small caseload of households, and what the costing should say. The comments in the
//! files show the arithmetic and the clause. For every case, the sums of the summary are
//! checked against the households one by one (each assessed both ways): the change of
//! the monthly total, by programme, by county and by category.
//!
//! Keys of `expect`: `monthly_before`, `monthly_after`, `monthly_change`,
//! `monthly_low_before`, `monthly_low_after` (every range at its lowest),
//! `yearly_change`, `newly_eligible`, `no_longer_eligible`, `gaining`, `losing`,
//! `unchanged` (households), `newly_eligible_people`, `median_change`,
//! `largest_gain` (the household's id), `PROGRAMME.change` (dibao, single_person, tekun,
//! gradual_exit), `county.ID.change`, `category.ID.change`, `failed`, `basis` (the
//! reform's figures are the reform's: the basis of the total after it, for every
//! household whose total it changes), and
//! `error.field` (the reform is refused at this field).

use doudi_caseload::reform::{cost_households, Costing, Line};
use doudi_rules::reform::ReformInput;
use doudi_rules::{assess, assess_under, Household, Options};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    expect: BTreeMap<String, String>,
    reform: ReformInput,
    #[serde(default)]
    household: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    id: String,
    #[serde(flatten)]
    household: Household,
}

fn load_all() -> Vec<(String, Case)> {
    doudi_tests::load_cases("reform-cases")
}

fn line_change(lines: &[Line], id: &str) -> Option<String> {
    lines
        .iter()
        .find(|line| line.id == id)
        .map(|line| line.change().to_string())
}

fn field(costing: &Costing, key: &str) -> Result<Option<String>, String> {
    let some = |value: String| Ok(Some(value));
    Ok(match key {
        "monthly_before" => return some(costing.monthly_before.to_string()),
        "monthly_after" => return some(costing.monthly_after.to_string()),
        "monthly_change" => return some(costing.monthly_change().to_string()),
        "monthly_low_before" => return some(costing.monthly_low_before.to_string()),
        "monthly_low_after" => return some(costing.monthly_low_after.to_string()),
        "yearly_change" => return some(costing.yearly_change().to_string()),
        "newly_eligible" => return some(costing.newly_eligible.households.to_string()),
        "newly_eligible_people" => return some(costing.newly_eligible.people.to_string()),
        "no_longer_eligible" => return some(costing.no_longer_eligible.households.to_string()),
        "gaining" => return some(costing.gaining.households.to_string()),
        "losing" => return some(costing.losing.households.to_string()),
        "unchanged" => return some(costing.unchanged.households.to_string()),
        "failed" => return some(costing.failed.to_string()),
        "median_change" => return some(costing.median_change.to_string()),
        "largest_gain" => costing.largest_gain.as_ref().map(|gain| gain.id.clone()),
        _ => {
            let parts: Vec<&str> = key.split('.').collect();
            match parts.as_slice() {
                ["county", id, "change"] => line_change(&costing.by_county, id),
                ["category", id, "change"] => line_change(&costing.by_category, id),
                [programme, "change"] => line_change(&costing.by_programme, programme),
                _ => return Err(format!("unknown key {key}")),
            }
        }
    })
}

fn same(actual: &Option<String>, expected: &str) -> bool {
    match (actual, expected) {
        (None, "none") => true,
        (None, _) => false,
        (Some(actual), expected) => {
            match (Decimal::from_str(actual), Decimal::from_str(expected)) {
                (Ok(a), Ok(b)) => a == b,
                _ => actual == expected,
            }
        }
    }
}

#[test]
fn every_reform_case_holds_and_its_sums_are_the_households() {
    let all = load_all();
    assert!(all.len() >= 6, "only {} cases", all.len());
    let mut failures = Vec::new();
    for (file, case) in &all {
        let checked = case.reform.check();
        if let Some(expected) = case.expect.get("error.field") {
            match &checked {
                Err(error) if &error.field == expected => {}
                Err(error) => failures.push(format!(
                    "{file}: {}\n    refused at {}, not {expected}",
                    case.name, error.field
                )),
                Ok(_) => failures.push(format!(
                    "{file}: {}\n    accepted, but an error was expected",
                    case.name
                )),
            }
            continue;
        }
        let reform = match checked {
            Ok(reform) => reform,
            Err(error) => {
                failures.push(format!("{file}: {}\n    refused: {error}", case.name));
                continue;
            }
        };
        let costing = cost_households(
            case.household
                .iter()
                .map(|entry| (entry.id.as_str(), &entry.household)),
            &reform,
        );
        for (key, expected) in &case.expect {
            if key == "basis" {
                let basis: Vec<String> = case
                    .household
                    .iter()
                    .filter_map(|entry| {
                        let before = assess(&entry.household, Options::FIGURES).ok()?;
                        let after =
                            assess_under(&entry.household, Options::FIGURES, &reform).ok()?;
                        (after.total_monthly != before.total_monthly).then_some(after)
                    })
                    .map(|after| format!("{:?}", after.total_basis).to_lowercase())
                    .collect();
                if basis.iter().any(|basis| basis != expected) {
                    failures.push(format!(
                        "{file}: {}\n    basis: expected {expected}, got {basis:?}",
                        case.name
                    ));
                }
                continue;
            }
            match field(&costing, key) {
                Ok(value) if same(&value, expected) => {}
                Ok(value) => failures.push(format!(
                    "{file}: {}\n    {key}: expected {expected}, got {}",
                    case.name,
                    value.unwrap_or_else(|| "none".into())
                )),
                Err(error) => failures.push(format!("{file}: {}\n    {error}", case.name)),
            }
        }
        // The sums are the households': each assessed both ways here.
        let mut change = Decimal::ZERO;
        let mut by_county: BTreeMap<String, Decimal> = BTreeMap::new();
        for entry in &case.household {
            let (Ok(before), Ok(after)) = (
                assess(&entry.household, Options::FIGURES),
                assess_under(&entry.household, Options::FIGURES, &reform),
            ) else {
                continue;
            };
            change += after.total_monthly - before.total_monthly;
            *by_county.entry(before.county.id.to_string()).or_default() +=
                after.total_monthly - before.total_monthly;
        }
        if change != costing.monthly_change() {
            failures.push(format!(
                "{file}: {}\n    the households change by {change}, the summary by {}",
                case.name,
                costing.monthly_change()
            ));
        }
        for line in &costing.by_county {
            if by_county.get(line.id) != Some(&line.change()) {
                failures.push(format!(
                    "{file}: {}\n    county {}: the summary's {} is not its households'",
                    case.name,
                    line.id,
                    line.change()
                ));
            }
        }
        let categories: Decimal = costing.by_category.iter().map(Line::change).sum();
        let programmes: Decimal = costing.by_programme.iter().map(Line::change).sum();
        let limited = costing.time_limited_after - costing.time_limited_before;
        if categories != change || programmes != change + limited {
            failures.push(format!("{file}: {}\n    by category {categories}, by programme {programmes} (with {limited} time-limited), households {change}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

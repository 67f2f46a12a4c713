//! Runs every case in tests/cases/*.toml: a household, a date and the expected outcome,
//! with the arithmetic and the clause in the file's comments. Every failing case is
//! reported, not just the first.
//!
//! Keys of `expect`:
//! - top level: `total_monthly`, `total_monthly_min`, `total_monthly_max`, `total_basis`,
//!   `household_size`, `counted_income_monthly`, `counted_income_per_person_monthly`;
//! - a programme: `PROGRAMME.FIELD` or, for outcomes about one member,
//!   `PROGRAMME#MEMBER.FIELD` (MEMBER is the index in `members`), where PROGRAMME is one
//!   of dibao, single_person, gradual_exit, marginal_family, tekun, price_subsidy,
//!   temporary_assistance and FIELD is one of status, monthly, yearly, monthly_min,
//!   monthly_max, amount_basis, level (the Chinese label), missing (the missing fields,
//!   joined by ","), timeline_months (paid months), timeline_first (YYYY-MM), criterion.ID
//!   (met | not_met | unknown);
//! - `error.field`: the input is rejected and the error names this field.
//!
//! Amounts compare as decimals ("1225" equals "1225.00"); `none` means absent.

use doudi_rules::outcome::Outcome;
use doudi_rules::{assess, Assessment, Household, Options};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    expect: BTreeMap<String, String>,
    household: Household,
}

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("cases")
}

fn load_all() -> Vec<(String, Case)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut all = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let file: CaseFile =
            toml::from_str(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert!(!file.case.is_empty(), "{name} has no case");
        for case in file.case {
            all.push((name.clone(), case));
        }
    }
    all
}

fn same(actual: Option<String>, expected: &str) -> bool {
    match (actual, expected) {
        (None, "none") => true,
        (None, _) => false,
        (Some(actual), expected) => match (Decimal::from_str(&actual), Decimal::from_str(expected))
        {
            (Ok(a), Ok(b)) => a == b,
            _ => actual == expected,
        },
    }
}

fn json_str<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value).unwrap() {
        serde_json::Value::String(text) => text,
        other => other.to_string(),
    }
}

fn outcome_field(outcome: &Outcome, field: &str) -> Option<String> {
    let amount = |value: Option<Decimal>| value.map(|value| value.to_string());
    match field {
        "status" => Some(outcome.status.id().to_string()),
        "monthly" => amount(outcome.monthly),
        "yearly" => amount(outcome.yearly),
        "monthly_min" => amount(outcome.monthly_min),
        "monthly_max" => amount(outcome.monthly_max),
        "amount_basis" => Some(json_str(&outcome.amount_basis)),
        "level" => outcome.level.as_ref().map(|level| level.zh.clone()),
        "missing" => Some(
            outcome
                .missing
                .iter()
                .map(|missing| missing.field.as_str())
                .collect::<Vec<_>>()
                .join(","),
        ),
        "timeline_months" => Some(
            outcome
                .timeline
                .iter()
                .filter(|month| !month.amount.is_zero())
                .count()
                .to_string(),
        ),
        "timeline_first" => outcome.timeline.first().map(|month| month.month.clone()),
        _ => field.strip_prefix("criterion.").and_then(|id| {
            outcome
                .criteria
                .iter()
                .find(|criterion| criterion.id == id)
                .map(|criterion| json_str(&criterion.state))
        }),
    }
}

fn actual(assessment: &Assessment, key: &str) -> Result<Option<String>, String> {
    let amount = |value: Option<Decimal>| Ok(value.map(|value| value.to_string()));
    match key {
        "total_monthly" => return amount(Some(assessment.total_monthly)),
        "total_monthly_min" => return amount(assessment.total_monthly_min),
        "total_monthly_max" => return amount(assessment.total_monthly_max),
        "total_basis" => return Ok(Some(json_str(&assessment.total_basis))),
        "household_size" => return Ok(Some(assessment.household_size.to_string())),
        "counted_income_monthly" => return amount(Some(assessment.counted_income_monthly)),
        "counted_income_per_person_monthly" => {
            return amount(Some(assessment.counted_income_per_person_monthly))
        }
        _ => {}
    }
    let (target, field) = key
        .split_once('.')
        .ok_or_else(|| format!("unknown key {key}"))?;
    let (programme, member) = match target.split_once('#') {
        Some((programme, member)) => (
            programme,
            Some(
                member
                    .parse::<usize>()
                    .map_err(|_| format!("bad member in {key}"))?,
            ),
        ),
        None => (target, None),
    };
    let outcome = assessment
        .programmes
        .iter()
        .find(|outcome| {
            outcome.programme.id() == programme && (member.is_none() || outcome.member == member)
        })
        .ok_or_else(|| format!("no outcome {target}"))?;
    Ok(outcome_field(outcome, field))
}

#[test]
fn every_case_in_tests_cases_holds() {
    let mut failures = Vec::new();
    let all = load_all();
    for (file, case) in &all {
        let result = assess(&case.household, Options::default());
        // The same case without traces must give the same amounts.
        let quiet = assess(&case.household, Options { trace: false });
        for (key, expected) in &case.expect {
            let got = match (&result, key.as_str()) {
                (Err(error), "error.field") => Ok(Some(error.field.clone())),
                (Err(error), _) => Err(format!("rejected: {error}")),
                (Ok(_), "error.field") => Err("accepted, but an error was expected".to_string()),
                (Ok(assessment), key) => actual(assessment, key),
            };
            match got {
                Ok(value) if same(value.clone(), expected) => {}
                Ok(value) => failures.push(format!(
                    "{file}: {}\n    {key}: expected {expected}, got {}",
                    case.name,
                    value.unwrap_or_else(|| "none".into())
                )),
                Err(error) => failures.push(format!("{file}: {}\n    {key}: {error}", case.name)),
            }
        }
        if let (Ok(full), Ok(quiet)) = (&result, &quiet) {
            if full.total_monthly != quiet.total_monthly {
                failures.push(format!(
                    "{file}: {}\n    the total differs without traces",
                    case.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

#[test]
fn there_are_at_least_eighty_cases_and_every_name_is_a_sentence() {
    let all = load_all();
    assert!(all.len() >= 80, "only {} cases", all.len());
    for (file, case) in &all {
        assert!(
            case.name.split_whitespace().count() >= 5,
            "{file}: \"{}\" is not a sentence",
            case.name
        );
        assert!(
            !case.expect.is_empty(),
            "{file}: \"{}\" expects nothing",
            case.name
        );
    }
    let mut names: Vec<&str> = all.iter().map(|(_, case)| case.name.as_str()).collect();
    names.sort();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "two cases share a name");
}

//! Runs every case in tests/quick-cases/*.toml: the one-minute check's answers
//! (`doudi quick`), what it should say per programme, and households that fit the
//! answers, whose full assessment must fall within the ranges it gives. The comments in
//! the files show the arithmetic and the clause.
//!
//! Keys of `expect`:
//! - `monthly`: the range of the money every month, "LOW-HIGH";
//! - `PROGRAMME` (dibao, single_person, tekun, gradual_exit, marginal_family,
//!   price_subsidy, temporary_assistance): may | needs_more | unlikely | absent;
//! - `PROGRAMME.range`: "LOW-HIGH" or none; `PROGRAMME.open`: what it depends on (ids
//!   joined by ",");
//! - `says…` / `never_says…`: the answer's text, Chinese or English, must or must not
//!   contain the value; `guidance`: how many lines of guidance;
//! - `error.field`: the answers are refused at this field.
//!
//! Each `[[case.fits]]` is a household that fits the answers (the people, the income
//! all counted, the situations): its monthly total lies within `monthly`, and each
//! programme it is eligible for has its amount within that programme's range, and is not
//! answered 暂不符合.

use doudi_rules::quick::{quick, Likely, Quick, QuickAnswer, Range};
use doudi_rules::{assess, Household, Options, Status};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    expect: BTreeMap<String, String>,
    quick: Quick,
    #[serde(default)]
    fits: Vec<Household>,
}

fn load_all() -> Vec<(String, Case)> {
    doudi_tests::load_cases("quick-cases")
}

fn range_text(range: Option<&Range>) -> String {
    range.map_or("none".into(), |range| {
        format!("{}-{}", range.low.normalize(), range.high.normalize())
    })
}

fn same_range(actual: &str, expected: &str) -> bool {
    let parse = |text: &str| -> Option<(Decimal, Decimal)> {
        let (low, high) = text.split_once('-')?;
        Some((Decimal::from_str(low).ok()?, Decimal::from_str(high).ok()?))
    };
    match (parse(actual), parse(expected)) {
        (Some(a), Some(b)) => a == b,
        _ => actual == expected,
    }
}

fn all_text(answer: &QuickAnswer) -> String {
    let mut texts = vec![&answer.disclaimer];
    for programme in &answer.programmes {
        texts.push(&programme.why);
        texts.extend(programme.needs.iter());
    }
    texts.extend(answer.assumptions.iter());
    texts.extend(answer.guidance.iter());
    texts
        .iter()
        .flat_map(|text| [text.zh.to_string(), text.en.to_string()])
        .collect::<Vec<_>>()
        .join("\n")
}

fn field(answer: &QuickAnswer, key: &str) -> Result<String, String> {
    if key == "monthly" {
        return Ok(range_text(Some(&answer.monthly)));
    }
    if key == "guidance" {
        return Ok(answer.guidance.len().to_string());
    }
    let (programme, what) = key.split_once('.').unwrap_or((key, ""));
    let found = answer
        .programmes
        .iter()
        .find(|each| each.programme.id() == programme);
    match (found, what) {
        (None, "") => Ok("absent".into()),
        (None, _) => Err(format!("{programme} is not in the answer")),
        (Some(found), "") => Ok(found.likely.id().into()),
        (Some(found), "range") => Ok(range_text(found.range.as_ref())),
        (Some(found), "open") => Ok(found
            .open
            .iter()
            .map(|open| open.id())
            .collect::<Vec<_>>()
            .join(",")),
        _ => Err(format!("unknown key {key}")),
    }
}

/// A household that fits the answers gets, in full, what the first answer's ranges hold.
fn fits(answer: &QuickAnswer, household: &Household) -> Result<(), String> {
    let full = assess(household, Options::QUIET).map_err(|error| error.to_string())?;
    let total = full.total_monthly;
    if !answer.monthly.contains(total) {
        return Err(format!(
            "its monthly total {total} is outside {}",
            range_text(Some(&answer.monthly))
        ));
    }
    for outcome in full
        .programmes
        .iter()
        .filter(|outcome| outcome.status == Status::Eligible)
    {
        let Some(first) = answer
            .programmes
            .iter()
            .find(|each| each.programme == outcome.programme)
        else {
            return Err(format!(
                "it is eligible for {}, which the first answer leaves out",
                outcome.programme.id()
            ));
        };
        if first.likely == Likely::Unlikely {
            return Err(format!(
                "it is eligible for {}, answered 暂不符合",
                outcome.programme.id()
            ));
        }
        if let (Some(range), Some(monthly)) = (&first.range, outcome.monthly) {
            if !range.contains(monthly) {
                return Err(format!(
                    "its {} of {monthly} is outside {}",
                    outcome.programme.id(),
                    range_text(Some(range))
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn every_quick_case_holds() {
    let mut failures = Vec::new();
    let all = load_all();
    assert!(all.len() >= 8, "only {} cases", all.len());
    for (file, case) in &all {
        let result = quick(&case.quick);
        for (key, expected) in &case.expect {
            let got = match (&result, key.as_str()) {
                (Err(error), "error.field") => Ok(error.field.clone()),
                (Err(error), _) => Err(format!("refused: {error}")),
                (Ok(_), "error.field") => Err("answered, but an error was expected".into()),
                (Ok(answer), key) if key.starts_with("says") || key.starts_with("never_says") => {
                    let text = all_text(answer);
                    let holds = text.contains(expected.as_str()) == key.starts_with("says");
                    Ok(if holds {
                        expected.clone()
                    } else {
                        format!("the text: {text}")
                    })
                }
                (Ok(answer), key) => field(answer, key),
            };
            match got {
                Ok(value) if same_range(&value, expected) => {}
                Ok(value) => failures.push(format!(
                    "{file}: {}\n    {key}: expected {expected}, got {value}",
                    case.name
                )),
                Err(error) => failures.push(format!("{file}: {}\n    {key}: {error}", case.name)),
            }
        }
        if let Ok(answer) = &result {
            for (index, household) in case.fits.iter().enumerate() {
                if let Err(error) = fits(answer, household) {
                    failures.push(format!("{file}: {}\n    fits[{index}]: {error}", case.name));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_quick_case_name_is_a_sentence() {
    for (file, case) in load_all() {
        assert!(
            case.name.split_whitespace().count() >= 5,
            "{file}: {:?} is not a sentence",
            case.name
        );
    }
}

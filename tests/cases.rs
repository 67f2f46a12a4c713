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
//!   Also `payment` (monthly | time_limited | conditional | no_cash), `alternative` (`yes`
//!   when the outcome is an alternative that is not added), and `says…` / `never_says…`
//!   (any key starting so: the text, Chinese or English, of the outcome's criteria,
//!   reasons, next steps, steps, formulas, alternative and range note must contain / must not contain
//!   the value);
//! - money apart from the monthly total: `time_limited_monthly`, `time_limited_months`,
//!   `time_limited_until` (YYYY-MM), `conditional_monthly`;
//! - `dibao_members` (indices joined by ","), `notices` (the fields joined by ","),
//!   `notices_say…`, `next_steps_say…` and `not_published_says…` / `not_published_never_says…`
//!   (the text, or the ids of the figures that are not published policy, must or must not
//!   contain the value);
//! - the what-if sweep (`doudi what-if`, the site's chart): `what_if.FIELD` where FIELD is
//!   one of current_earned, current_support, current_money, counted_income, dibao_line,
//!   marginal_line, dibao_line_earned, marginal_line_earned, next_change_earned,
//!   next_change_more, next_change_support, next_change_exit_monthly, swept (indices
//!   joined by ",");
//! - 核一核, for a case with a `decision` (`doudi check`): `check.FIELD` where FIELD is
//!   one of verdict (agrees | differs | cannot_tell), ours, difference, leads (the
//!   explanations' kinds, in order, joined by ","), left_out (the same for money a notice
//!   may leave out), next_steps (how many), date (whose standards were used), says… /
//!   never_says… (the text, Chinese or English, of the summary, reason, explanations
//!   and left-out money), error_field (the check is refused at this field);
//! - `error.field`: the input is rejected and the error names this field.
//!
//! Amounts compare as decimals ("1225" equals "1225.00"); `none` means absent.

use doudi_rules::check::{check, Check, Decision};
use doudi_rules::outcome::Outcome;
use doudi_rules::what_if::{household_at, what_if, WhatIf};
use doudi_rules::{assess, Assessment, Household, Options};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    expect: BTreeMap<String, String>,
    household: Household,
    /// A decision to check against the rules (`check.…` keys).
    #[serde(default)]
    decision: Option<Decision>,
}

fn load_all() -> Vec<(String, Case)> {
    doudi_tests::load_cases("cases")
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

/// Every sentence of an outcome, Chinese and English, for the `says` checks.
fn outcome_text(outcome: &Outcome) -> String {
    let mut all = Vec::new();
    let mut push = |text: &doudi_rules::Text| {
        all.push(text.zh.to_string());
        all.push(text.en.to_string());
    };
    for criterion in &outcome.criteria {
        push(&criterion.text);
        push(&criterion.detail());
    }
    for reason in &outcome.reasons {
        push(reason);
    }
    for next in &outcome.next {
        push(next);
    }
    for step in &outcome.steps {
        push(&step.words().0);
    }
    if let Some(text) = &outcome.alternative {
        push(text);
    }
    if let Some(text) = &outcome.range_note {
        push(text);
    }
    if let Some(text) = &outcome.level {
        push(text);
    }
    for step in &outcome.steps {
        all.push(step.words().1);
    }
    all.join("\n")
}

/// `says…` gives back the value when the text contains it; `never_says…` gives it back
/// when the text does not.
fn text_check(text: &str, field: &str, expected: &str) -> Option<Option<String>> {
    if field.starts_with("never_says") {
        Some(Some(if text.contains(expected) {
            format!("<found in: {text}>")
        } else {
            expected.to_string()
        }))
    } else if field.starts_with("says") || field.starts_with("say") {
        Some(Some(if text.contains(expected) {
            expected.to_string()
        } else {
            format!("<not in: {text}>")
        }))
    } else {
        None
    }
}

fn outcome_field(outcome: &Outcome, field: &str, expected: &str) -> Option<String> {
    let amount = |value: Option<Decimal>| value.map(|value| value.to_string());
    if let Some(checked) = text_check(&outcome_text(outcome), field, expected) {
        return checked;
    }
    match field {
        "payment" => Some(outcome.payment.id().to_string()),
        "alternative" => outcome.alternative.as_ref().map(|_| "yes".to_string()),
        "status" => Some(outcome.status.id().to_string()),
        "monthly" => amount(outcome.monthly),
        "yearly" => amount(outcome.yearly),
        "monthly_min" => amount(outcome.monthly_min),
        "monthly_max" => amount(outcome.monthly_max),
        "amount_basis" => Some(json_str(&outcome.amount_basis)),
        "level" => outcome.level.as_ref().map(|level| level.zh.to_string()),
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

fn actual(assessment: &Assessment, key: &str, expected: &str) -> Result<Option<String>, String> {
    let amount = |value: Option<Decimal>| Ok(value.map(|value| value.to_string()));
    let joined = |texts: Vec<&doudi_rules::Text>| {
        texts
            .iter()
            .flat_map(|text| [text.zh.as_ref(), text.en.as_ref()])
            .collect::<Vec<_>>()
            .join("\n")
    };
    if let Some(field) = key.strip_prefix("notices_") {
        let text = joined(
            assessment
                .notices
                .iter()
                .map(|notice| &notice.text)
                .collect(),
        );
        return Ok(text_check(&text, field, expected).flatten());
    }
    if let Some(field) = key.strip_prefix("not_published_") {
        let ids: Vec<&str> = assessment
            .not_published
            .iter()
            .map(|used| used.id)
            .collect();
        return Ok(text_check(&ids.join(","), field, expected).flatten());
    }
    if let Some(field) = key.strip_prefix("next_steps_") {
        let text = joined(assessment.next_steps.iter().collect());
        return Ok(text_check(&text, field, expected).flatten());
    }
    let limited = assessment.time_limited.as_ref();
    match key {
        "time_limited_monthly" => return amount(limited.map(|limited| limited.monthly)),
        "time_limited_months" => return Ok(limited.map(|limited| limited.months.to_string())),
        "time_limited_until" => return Ok(limited.map(|limited| limited.last_month.clone())),
        "conditional_monthly" => {
            return amount(assessment.conditional.as_ref().map(|paid| paid.monthly))
        }
        "dibao_members" => {
            return Ok(Some(
                assessment
                    .dibao_members
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
            ))
        }
        "notices" => {
            return Ok(Some(
                assessment
                    .notices
                    .iter()
                    .map(|notice| notice.field.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
            ))
        }
        _ => {}
    }
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
    Ok(outcome_field(outcome, field, expected))
}

/// A field of a decision checked against the rules.
fn check_field(checked: &Check, field: &str, expected: &str) -> Result<Option<String>, String> {
    let amount = |value: Option<Decimal>| Ok(value.map(|value| value.to_string()));
    let leads = |list: &[doudi_rules::check::Explanation]| {
        Ok(Some(
            list.iter()
                .map(|each| each.lead.id())
                .collect::<Vec<_>>()
                .join(","),
        ))
    };
    if field.starts_with("says") || field.starts_with("never_says") {
        let text: Vec<&doudi_rules::Text> = std::iter::once(&checked.summary)
            .chain(checked.reason.iter())
            .chain(checked.explanations.iter().map(|each| &each.text))
            .chain(checked.left_out.iter().map(|each| &each.text))
            .collect();
        let text = text
            .iter()
            .flat_map(|text| [text.zh.as_ref(), text.en.as_ref()])
            .collect::<Vec<_>>()
            .join("\n");
        return Ok(text_check(&text, field, expected).flatten());
    }
    match field {
        "verdict" => Ok(Some(checked.verdict.id().to_string())),
        "date" => Ok(Some(checked.date.to_string())),
        "ours" => amount(checked.ours),
        "difference" => amount(checked.difference),
        "leads" => leads(&checked.explanations),
        "left_out" => leads(&checked.left_out),
        "next_steps" => Ok(Some(checked.next_steps.len().to_string())),
        _ => Err(format!("unknown check field {field}")),
    }
}

/// A field of the what-if sweep.
fn what_if_field(curve: &WhatIf, field: &str) -> Result<Option<String>, String> {
    let amount = |value: Option<Decimal>| Ok(value.map(|value| value.to_string()));
    let change = curve.next_change.as_ref();
    match field {
        "current_earned" => amount(Some(curve.current.earned)),
        "current_support" => amount(Some(curve.current.support)),
        "current_money" => amount(Some(curve.current.money)),
        "counted_income" => amount(Some(curve.counted_income)),
        "dibao_line" => amount(Some(curve.dibao_line)),
        "marginal_line" => amount(Some(curve.marginal_line)),
        "dibao_line_earned" => amount(curve.dibao_line_earned),
        "marginal_line_earned" => amount(curve.marginal_line_earned),
        "next_change_earned" => amount(change.map(|change| change.earned)),
        "next_change_more" => amount(change.map(|change| change.more)),
        "next_change_support" => amount(change.map(|change| change.support)),
        "next_change_exit_monthly" => amount(change.and_then(|change| change.exit_monthly)),
        "swept" => Ok(Some(
            curve
                .swept
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(","),
        )),
        _ => Err(format!("unknown what_if field {field}")),
    }
}

/// What must hold of the sweep of every household the rules accept: its current point is
/// the headline (the monthly total and the gradual exit), it is on the curve, and the
/// curve's points are `assess` of the household rewritten to that income.
fn what_if_holds(household: &Household, headline: &Assessment) -> Result<(), String> {
    let curve = what_if(household).map_err(|error| format!("what-if refused: {error}"))?;
    let current = &curve.current;
    if current.support != headline.total_monthly {
        return Err(format!(
            "the chart's current support is {}, the headline's total {}",
            current.support, headline.total_monthly
        ));
    }
    let exit = headline.time_limited.as_ref();
    if current.exit_monthly != exit.map(|exit| exit.monthly)
        || current.exit_months != exit.map(|exit| exit.months)
    {
        return Err("the chart's current gradual exit is not the headline's".into());
    }
    if !curve
        .points
        .iter()
        .any(|point| point.earned == current.earned && point.money == current.money)
    {
        return Err("the current point is not on the curve".into());
    }
    if curve.points.first().map(|point| point.earned) != Some(Decimal::ZERO) {
        return Err("the curve does not start at 0".into());
    }
    if curve
        .points
        .windows(2)
        .any(|pair| pair[0].earned >= pair[1].earned)
    {
        return Err("the curve's incomes do not increase".into());
    }
    let mut checked: Vec<Decimal> = vec![curve.points[curve.points.len() - 1].earned];
    checked.extend(curve.next_change.as_ref().map(|change| change.earned));
    checked.extend(curve.dibao_line_earned);
    for earned in checked {
        let point = curve
            .points
            .iter()
            .find(|point| point.earned == earned)
            .ok_or_else(|| format!("no point at {earned}"))?;
        let rewritten = household_at(household, earned).map_err(|error| error.to_string())?;
        let there = assess(&rewritten, Options::FIGURES).map_err(|error| error.to_string())?;
        if there.total_monthly != point.support {
            return Err(format!(
                "at earned income {earned} the curve says {} but assess says {}",
                point.support, there.total_monthly
            ));
        }
    }
    Ok(())
}

/// What an assessment decides, apart from its words: each outcome's status, amounts,
/// range, basis and route, the totals and the money apart from them.
fn figures_of(assessment: &doudi_rules::Assessment) -> String {
    let outcomes: Vec<String> = assessment
        .programmes
        .iter()
        .map(|outcome| {
            format!(
                "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} alternative {}",
                outcome.programme,
                outcome.member,
                outcome.status,
                outcome.payment,
                outcome.monthly,
                outcome.yearly,
                outcome.monthly_min,
                outcome.monthly_max,
                outcome.amount_basis,
                outcome.alternative.is_some()
            )
        })
        .collect();
    let limited = assessment.time_limited.as_ref().map(|paid| {
        (
            paid.monthly,
            paid.months,
            &paid.first_month,
            &paid.last_month,
            paid.basis,
        )
    });
    let used: Vec<&str> = assessment
        .not_published
        .iter()
        .map(|used| used.id)
        .collect();
    format!(
        "members {:?} income {} {} total {} {:?} {:?} {:?} limited {limited:?} conditional {:?} not published {used:?} outcomes {outcomes:?}",
        assessment.dibao_members,
        assessment.counted_income_monthly,
        assessment.counted_income_per_person_monthly,
        assessment.total_monthly,
        assessment.total_monthly_min,
        assessment.total_monthly_max,
        assessment.total_basis,
        assessment.conditional.as_ref().map(|paid| (paid.monthly, paid.basis)),
    )
}

#[test]
fn every_case_in_tests_cases_holds() {
    let mut failures = Vec::new();
    let all = load_all();
    for (file, case) in &all {
        let result = assess(&case.household, Options::default());
        // The same case without traces must give the same amounts.
        let quiet = assess(&case.household, Options::QUIET);
        for (key, expected) in &case.expect {
            let got = match (&result, key.as_str()) {
                (Err(error), "error.field") => Ok(Some(error.field.clone())),
                (Err(error), _) => Err(format!("rejected: {error}")),
                (Ok(_), "error.field") => Err("accepted, but an error was expected".to_string()),
                (Ok(_), key) if key.starts_with("check.") => match &case.decision {
                    Some(decision) => match check(&case.household, decision) {
                        Err(error) if key == "check.error_field" => Ok(Some(error.field.clone())),
                        Err(error) => Err(error.to_string()),
                        Ok(_) if key == "check.error_field" => {
                            Err("checked, but an error was expected".to_string())
                        }
                        Ok(checked) => check_field(&checked, &key["check.".len()..], expected),
                    },
                    None => Err("a check.… key needs a decision".to_string()),
                },
                (Ok(_), key) if key.starts_with("what_if.") => what_if(&case.household)
                    .map_err(|error| error.to_string())
                    .and_then(|curve| what_if_field(&curve, &key["what_if.".len()..])),
                (Ok(assessment), key) => actual(assessment, key, expected),
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
        if let Ok(full) = &result {
            if let Err(error) = what_if_holds(&case.household, full) {
                failures.push(format!("{file}: {}\n    what-if: {error}", case.name));
            }
            // The one-line make-up of the total adds up to it.
            let parts: Decimal = full
                .monthly_parts()
                .filter_map(|(_, outcome)| outcome.monthly)
                .sum();
            if parts != full.total_monthly {
                failures.push(format!(
                    "{file}: {}\n    the parts of the total add up to {parts}, not {}",
                    case.name, full.total_monthly
                ));
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
        // Figures only (the caseload engine, the what-if sweep) decides the same: every
        // status, amount, range, basis and route, without words, criteria or labels.
        let figures = assess(&case.household, Options::FIGURES);
        match (&result, &figures) {
            (Ok(full), Ok(figures)) if figures_of(full) != figures_of(figures) => {
                failures.push(format!(
                    "{file}: {}\n    figures only decides otherwise:\n    {}\n    {}",
                    case.name,
                    figures_of(full),
                    figures_of(figures)
                ))
            }
            (Ok(_), Err(_)) | (Err(_), Ok(_)) => failures.push(format!(
                "{file}: {}\n    figures only is accepted or refused otherwise",
                case.name
            )),
            _ => {}
        }
        // The trace without words (its steps recorded as data) decides the same, and its
        // steps, put into words, are those of the full assessment, word for word.
        let traced = assess(&case.household, Options::TRACE);
        match (&result, &traced) {
            (Ok(full), Ok(traced)) => {
                if figures_of(full) != figures_of(traced) {
                    failures.push(format!(
                        "{file}: {}\n    the trace without words decides otherwise",
                        case.name
                    ));
                }
                let steps = |assessment: &doudi_rules::Assessment| {
                    serde_json::to_string(
                        &assessment
                            .programmes
                            .iter()
                            .map(|outcome| &outcome.steps)
                            .collect::<Vec<_>>(),
                    )
                    .expect("steps serialise")
                };
                if steps(full) != steps(traced) {
                    failures.push(format!(
                        "{file}: {}\n    the trace without words has other steps:\n    {}\n    {}",
                        case.name,
                        steps(full),
                        steps(traced)
                    ));
                }
            }
            (Ok(_), Err(_)) | (Err(_), Ok(_)) => failures.push(format!(
                "{file}: {}\n    the trace without words is accepted or refused otherwise",
                case.name
            )),
            _ => {}
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

/// Every parameter in policies/ is read by some rule: the cases, and one tekun person
/// with a care tier in every county (whose class and wage the care standard reads), read
/// them all between them. A parameter no rule reads would be a number that pretends to
/// matter; remove it or write the rule.
#[test]
fn every_parameter_in_policies_is_read_by_some_rule() {
    let mut read = std::collections::BTreeSet::new();
    let mut households: Vec<Household> = load_all()
        .into_iter()
        .map(|(_, case)| case.household)
        .collect();
    for place in doudi_rules::policy::PLACES {
        for date in ["2023-04-30", "2023-05-01", "2026-11-01"] {
            let json = serde_json::json!({
                "county": place.id, "category": "rural", "date": date,
                "members": [{ "age": 80, "tekun": true, "supporters": [], "own_property_within_limits": true,
                    "self_care": { "eating": true, "dressing": true, "getting_in_and_out_of_bed": true,
                        "toileting": true, "walking_indoors": true, "bathing": false } }]
            });
            households.push(serde_json::from_value(json).unwrap());
        }
    }
    for household in &households {
        if let Ok((_, ids)) = doudi_rules::assess_listing_reads(household, Options::default()) {
            read.extend(ids);
        }
    }
    let unread: Vec<&str> = doudi_rules::policy::PARAMS
        .iter()
        .map(|param| param.id)
        .filter(|id| !read.contains(id))
        .collect();
    assert!(
        unread.is_empty(),
        "parameters that no rule reads: {}",
        unread.join(", ")
    );
}

/// Every clause of policies/clauses.toml is cited by some rule (as `clause::NAME` in the
/// rules crate's source), and every clause a step shows comes from that file: a clause
/// no rule cites would be law we claim to implement and do not.
#[test]
fn every_clause_in_policies_is_cited_by_some_rule() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/rules/src");
    let mut source = String::new();
    let mut dirs = vec![dir];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                source.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let uncited: Vec<&str> = doudi_rules::policy::clause::ALL
        .iter()
        .filter(|clause| {
            let name: String = clause
                .id
                .chars()
                .map(|c| {
                    if c == '.' || c == '-' {
                        '_'
                    } else {
                        c.to_ascii_uppercase()
                    }
                })
                .collect();
            !source.contains(&format!("clause::{name}"))
        })
        .map(|clause| clause.id)
        .collect();
    assert!(
        uncited.is_empty(),
        "clauses no rule cites: {}",
        uncited.join(", ")
    );
    let texts: Vec<&str> = doudi_rules::policy::clause::ALL
        .iter()
        .map(|clause| clause.text)
        .collect();
    for (file, case) in load_all() {
        let Ok(assessment) = assess(&case.household, Options::default()) else {
            continue;
        };
        for outcome in &assessment.programmes {
            for step in &outcome.steps {
                let clause = step.clause();
                for part in clause.split('；').filter(|part| !part.is_empty()) {
                    assert!(
                        texts.iter().any(|text| text.split('；').any(|known| known == part)),
                        "{file}: {}: a step cites \"{part}\", which is not in policies/clauses.toml",
                        case.name
                    );
                }
                // The English is the same clauses' English, in the same order.
                let mut rest = clause.as_str();
                let mut english = Vec::new();
                while !rest.is_empty() {
                    let clause = doudi_rules::policy::clause::ALL
                        .iter()
                        .filter(|clause| {
                            rest.strip_prefix(clause.text)
                                .is_some_and(|after| after.is_empty() || after.starts_with('；'))
                        })
                        .max_by_key(|clause| clause.text.len())
                        .unwrap_or_else(|| {
                            panic!("{file}: {}: \"{rest}\" is not a clause", case.name)
                        });
                    english.push(clause.text_en);
                    rest = rest[clause.text.len()..].trim_start_matches('；');
                }
                assert_eq!(
                    step.clause_en(),
                    english.join("; "),
                    "{file}: {}: the step's English clause is not its clauses' English",
                    case.name
                );
            }
        }
    }
}

/// Validation never stops at the first problem: every error comes back at once, each at
/// its field, in the order of the fields, and no message echoes a long value whole.
#[test]
fn validation_returns_every_error_at_once() {
    let long = "x".repeat(10_000);
    let household: Household = serde_json::from_value(serde_json::json!({
        "county": long, "category": "urban", "date": "2026-11-01",
        "members": [
            { "age": 400 },
            { "age": 40, "incomes": [{ "kind": "wages", "amount": "-5" }] },
            { "age": 40, "birth_date": "1986-01-01" }
        ],
        "caseworker": { "overrides": { "dibao.urban.standard": "700" } }
    }))
    .unwrap();
    let (facts, errors) = household.check();
    assert!(facts.is_none());
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "county",
            "members[0].age",
            "members[1].incomes[0].amount",
            "members[2].age",
            "caseworker.overrides.dibao.urban.standard"
        ]
    );
    assert!(errors[0].zh.chars().count() < 200, "{}", errors[0].zh);
    assert_eq!(household.validate().unwrap_err().field, "county");
}

/// An amount the household format writes, it reads back: a CPI rise typed with 19
/// decimals (".1234567890123456789") is written as "0.1234567890123456789".
#[test]
fn an_amount_written_by_the_household_format_reads_back() {
    let typed = doudi_rules::household::parse_amount(".1234567890123456789").unwrap();
    let written = doudi_rules::Money(typed);
    let json = serde_json::to_string(&written).unwrap();
    let read: doudi_rules::Money = serde_json::from_str(&json).unwrap();
    assert_eq!(read, written, "{json}");
}

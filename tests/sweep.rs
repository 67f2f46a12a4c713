//! The date sweep: on the first and the last day of every month from the first modelled
//! date to twelve months after 2026-11-29, in every county and both categories, a simple
//! household, a household with a tekun candidate (whose care amount looks up the county's
//! minimum wage) and a richer household (top-ups, the single-person route, gradual exit, the
//! price subsidy, the residents' pension) are all assessed without error; and every
//! parameter in policies/ resolves to exactly one dated entry on every such date, with a
//! value wherever the rules need one. A date one day before the first modelled date is
//! refused, naming the field "date".

use doudi_rules::policy::{self, Date, Param, LISTS, PARAMS, PLACES};
use doudi_rules::{assess, Household, Options, Status};
use serde_json::{json, Value};

/// The sweep ends twelve months after 2026-11-29.
const END: Date = Date::new(2027, 11, 29);

/// Parameters that may say "none" (not in force) on some dates: the rules ask whether they
/// are in force before using them. Every other parameter must have a value on every date.
const OPTIONAL: &[&str] = &["dibao.rural.tier_d", "dibao.rural.tier_e"];

/// The first and the last day of every month from `first` to `END`, within that range,
/// and `END` itself.
fn sweep_dates() -> Vec<Date> {
    let first = policy::first_modelled_date();
    let mut dates = Vec::new();
    let (mut year, mut month) = (first.year, first.month);
    while (year, month) <= (END.year, END.month) {
        for day in [1, doudi_policy::days_in_month(year, month)] {
            let date = Date::new(year, month, day);
            if date >= first && date <= END {
                dates.push(date);
            }
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    dates.push(first);
    dates.push(END);
    dates.sort();
    dates.dedup();
    dates
}

fn day_before(date: Date) -> Date {
    if date.day > 1 {
        Date::new(date.year, date.month, date.day - 1)
    } else if date.month > 1 {
        Date::new(
            date.year,
            date.month - 1,
            doudi_policy::days_in_month(date.year, date.month - 1),
        )
    } else {
        Date::new(date.year - 1, 12, 31)
    }
}

fn household(value: Value) -> Household {
    serde_json::from_value(value).expect("the sweep's households are valid JSON households")
}

/// Two adults with low wages and a child: dibao (urban gap or estimated rural tier with
/// its range), the minor's top-up, a tekun outcome for the child.
fn simple(county: &str, category: &str, date: Date) -> Household {
    household(json!({
        "county": county, "category": category, "date": date.to_string(),
        "family": { "property_within_limits": true },
        "members": [
            { "age": 40, "incomes": [{ "kind": "wages", "amount": "500" }] },
            { "age": 38 },
            { "age": 10, "relation": "child", "student": "compulsory" }
        ]
    }))
}

/// A 75-year-old tekun candidate with a self-care assessment (one item lost), no supporter
/// and property within the rules, so that the basic standard, the care tier and the
/// minimum wage of the county's class are all looked up; a price index is given.
fn tekun_candidate(county: &str, category: &str, date: Date) -> Household {
    household(json!({
        "county": county, "category": category, "date": date.to_string(),
        "family": { "property_within_limits": true },
        "caseworker": { "cpi_rise": "3.6", "food_cpi_rise": "6.1" },
        "members": [{
            "age": 75,
            "supporters": [],
            "own_property_within_limits": true,
            "incomes": [{ "kind": "old_age_allowance", "amount": "100" }, { "kind": "medical_insurance", "amount": "50" }],
            "self_care": { "eating": true, "dressing": true, "getting_in_and_out_of_bed": true, "toileting": true, "walking_indoors": true, "bathing": false }
        }]
    }))
}

/// A better-off 脱贫 family on dibao whose income rose: gradual exit with the current amount,
/// a severely disabled member covered alone, the residents' pension, employment costs, a
/// tekun grandmother outside the dibao household, and the price subsidy.
fn rich(county: &str, category: &str, date: Date) -> Household {
    household(json!({
        "county": county, "category": category, "date": date.to_string(),
        "family": { "property_within_limits": true, "poverty_alleviated": true, "on_dibao": true, "current_dibao_monthly": "400" },
        "caseworker": { "cpi_rise": "3.5" },
        "members": [
            { "age": 45, "employment_costs": "100", "incomes": [{ "kind": "wages", "amount": "2600" }] },
            { "age": 44, "incomes": [{ "kind": "business", "amount": "9000", "per": "year" }] },
            { "age": 20, "disability": { "kind": "intellectual", "grade": 3 }, "incomes": [{ "kind": "residents_basic_pension", "amount": "150" }] },
            { "age": 80, "tekun": true, "supporters": [], "own_property_within_limits": true,
              "self_care": { "eating": false, "dressing": false, "getting_in_and_out_of_bed": false, "toileting": false, "walking_indoors": true, "bathing": false } }
        ]
    }))
}

/// A rural household below the line with a tier chosen by the caseworker.
fn rural_tier(county: &str, date: Date, tier: &str) -> Household {
    household(json!({
        "county": county, "category": "rural", "date": date.to_string(),
        "family": { "property_within_limits": true },
        "caseworker": { "rural_tier": tier, "overrides": { "dibao.rural.cap_at_gap": "1" } },
        "members": [{ "age": 50, "incomes": [{ "kind": "wages", "amount": "100" }] }, { "age": 71 }]
    }))
}

#[test]
fn every_county_category_and_month_is_assessed() {
    let dates = sweep_dates();
    assert!(
        dates.len() > 100,
        "the sweep has only {} dates",
        dates.len()
    );
    assert_eq!(PLACES.len(), 11, "Hanzhong has 11 county-level units");
    let tiers_new = Date::new(2025, 10, 1);
    let mut failures = Vec::new();
    let mut assessed = 0usize;
    for &date in &dates {
        for place in PLACES {
            for category in ["urban", "rural"] {
                for (what, household) in [
                    ("simple", simple(place.id, category, date)),
                    ("tekun candidate", tekun_candidate(place.id, category, date)),
                    ("rich", rich(place.id, category, date)),
                ] {
                    assessed += 1;
                    match assess(&household, Options::default()) {
                        Err(error) => {
                            failures.push(format!("{date} {} {category} {what}: {error}", place.id))
                        }
                        Ok(assessment) => {
                            if what == "tekun candidate" {
                                // The care amount needs the minimum wage: the outcome must
                                // carry the basic standard plus care, with its care tier.
                                let tekun = assessment.programmes.iter().find(|outcome| {
                                    outcome.programme == doudi_rules::Programme::Tekun
                                });
                                match tekun {
                                    Some(outcome) if outcome.status == Status::Eligible && outcome.level.is_some() && outcome.monthly.is_some() => {}
                                    _ => failures.push(format!("{date} {} {category} {what}: no tekun amount with a care tier", place.id)),
                                }
                            }
                        }
                    }
                }
            }
            for tier in ["A", "B", "C", "D", "E"] {
                assessed += 1;
                let result = assess(&rural_tier(place.id, date, tier), Options::QUIET);
                let exists = !matches!(tier, "D" | "E") || date >= tiers_new;
                match (exists, result) {
                    (true, Ok(_)) => {}
                    (false, Err(error)) if error.field == "caseworker.rural_tier" => {}
                    (true, Err(error)) => {
                        failures.push(format!("{date} {} tier {tier}: {error}", place.id))
                    }
                    (false, Ok(_)) => failures.push(format!(
                        "{date} {} tier {tier}: accepted before the tier existed",
                        place.id
                    )),
                    (false, Err(error)) => failures.push(format!(
                        "{date} {} tier {tier}: refused on the wrong field: {error}",
                        place.id
                    )),
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {assessed} assessments failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The entries of a parameter that cover a date: from ≤ date < the next entry's from.
fn covering(param: &Param, date: Date) -> usize {
    param
        .entries
        .iter()
        .enumerate()
        .filter(|(index, entry)| {
            entry.from <= date
                && param
                    .entries
                    .get(index + 1)
                    .is_none_or(|next| next.from > date)
        })
        .count()
}

#[test]
fn every_parameter_has_exactly_one_entry_on_every_date() {
    let dates = sweep_dates();
    let mut problems = Vec::new();
    for param in PARAMS {
        if param.entries.is_empty() {
            problems.push(format!("{}: no entries at all", param.id));
            continue;
        }
        for pair in param.entries.windows(2) {
            if pair[0].from >= pair[1].from {
                problems.push(format!(
                    "{}: entries {} and {} are not in increasing order",
                    param.id, pair[0].from, pair[1].from
                ));
            }
        }
        for &date in &dates {
            let count = covering(param, date);
            if count != 1 {
                problems.push(format!("{} on {date}: {count} entries in force", param.id));
                continue;
            }
            let Some(entry) = param.entry_on(date) else {
                problems.push(format!("{} on {date}: entry_on finds nothing", param.id));
                continue;
            };
            if entry.value.is_none() && !OPTIONAL.contains(&param.id) {
                problems.push(format!(
                    "{} on {date}: not in force, but the rules need it (entry from {})",
                    param.id, entry.from
                ));
            }
        }
    }
    for list in LISTS {
        for &date in &dates {
            if !list.entries.iter().any(|entry| entry.from <= date) {
                problems.push(format!("list {} on {date}: no version in force", list.id));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "parameters without exactly one value on a swept date:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_optional_tiers_exist_from_october_2025() {
    let new = Date::new(2025, 10, 1);
    for id in OPTIONAL {
        let param = policy::param(id).unwrap_or_else(|| panic!("{id} is defined"));
        for date in sweep_dates() {
            let has_value = param
                .entry_on(date)
                .is_some_and(|entry| entry.value.is_some());
            assert_eq!(has_value, date >= new, "{id} on {date}");
        }
    }
}

#[test]
fn the_day_before_the_first_modelled_date_is_refused_on_the_date_field() {
    let before = day_before(policy::first_modelled_date());
    for place in PLACES {
        for category in ["urban", "rural"] {
            for household in [
                simple(place.id, category, before),
                tekun_candidate(place.id, category, before),
            ] {
                match assess(&household, Options::default()) {
                    Ok(_) => panic!("{before} ({} {category}) was assessed, but it is before the first modelled date", place.id),
                    Err(error) => assert_eq!(error.field, "date", "{before}: {error}"),
                }
            }
        }
    }
    // The first modelled date itself is accepted.
    assert!(assess(
        &simple("hantai", "urban", policy::first_modelled_date()),
        Options::default()
    )
    .is_ok());
}

#[test]
fn the_sweep_dates_cover_the_whole_range() {
    let dates = sweep_dates();
    assert_eq!(dates.first().copied(), Some(policy::first_modelled_date()));
    assert_eq!(dates.last().copied(), Some(END));
    assert!(dates.contains(&Date::new(2025, 9, 30)) && dates.contains(&Date::new(2025, 10, 1)));
    assert!(dates.contains(&Date::new(2024, 2, 29)), "leap day 2024");
    assert_eq!(day_before(Date::new(2023, 1, 1)), Date::new(2022, 12, 31));
    assert_eq!(day_before(Date::new(2024, 3, 1)), Date::new(2024, 2, 29));
}

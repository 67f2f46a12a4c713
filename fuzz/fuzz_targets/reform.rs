//! A reform file's bytes (docs/reform-format.md), read as `doudi reform` and the site's
//! caseload worker read it (`doudi_caseload::reform::read`), then a small caseload costed
//! under it.
//!
//! Checks: reading never panics; a refusal names a field (`reform`, `name`, `change`, or
//! `change[N].param|from|value` with N a change of the file) in both languages; a reform
//! read has 1 to 200 changes, each value read back on its own date; the costing of the
//! example caseload under it never panics, and its monthly change is the sum over its
//! households assessed one by one.
#![no_main]

use doudi_caseload::reform::{cost, read};
use doudi_rules::Decimal;
use libfuzzer_sys::fuzz_target;

const CASELOAD: &[u8] = include_bytes!("../../examples/caseload.csv");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let reform = match read(text) {
        Ok(reform) => reform,
        Err(error) => {
            let field = error.field.as_str();
            let known = matches!(field, "reform" | "name" | "change")
                || field
                    .strip_prefix("change[")
                    .and_then(|rest| rest.split_once("]."))
                    .is_some_and(|(at, name)| {
                        at.parse::<usize>().is_ok() && matches!(name, "param" | "from" | "value")
                    });
            assert!(known, "a refusal at an unknown field: {field}");
            assert!(!error.zh.is_empty() && !error.en.is_empty(), "a refusal without words");
            return;
        }
    };
    let changes = reform.changes();
    assert!(!changes.is_empty() && changes.len() <= 200);
    for change in changes {
        let latest = changes
            .iter()
            .filter(|other| other.param == change.param && other.from <= change.from)
            .max_by_key(|other| other.from)
            .map(|other| other.value);
        assert_eq!(reform.value_on(change.param, change.from), latest);
    }
    let costing = cost(&mut || Ok(CASELOAD), &reform, &mut |_, _| {}).expect("the example caseload reads");
    let mut groups = doudi_caseload::plan(&mut || Ok(CASELOAD))
        .and_then(|plan| plan.groups(CASELOAD))
        .expect("the example caseload reads");
    let columns = groups.columns().clone();
    let mut sum = Decimal::ZERO;
    for group in groups.by_ref() {
        let group = group.expect("the example caseload reads");
        let Ok(household) = group.household(&columns) else {
            continue;
        };
        let (Ok(before), Ok(after)) = (
            doudi_rules::assess(&household, doudi_rules::Options::FIGURES),
            doudi_rules::assess_under(&household, doudi_rules::Options::FIGURES, &reform),
        ) else {
            continue;
        };
        sum += after.total_monthly - before.total_monthly;
    }
    assert_eq!(costing.monthly_change(), sum, "the summary is not its households'");
});

//! A household file's bytes, read as `doudi assess FILE` reads them (the CLI's own
//! `utf8_text` and `parse_household` in crates/cli/src/input.rs, compiled in), then checked, assessed and written out as the CLI writes it (JSON,
//! and `doudi explain` in Chinese and English).
//!
//! Checks: a household read back from its own JSON is the same household; `check` gives
//! facts exactly when it finds no error, and `assess` fails with its first error; error
//! messages stay short whatever the input (they quote a prefix of a bad value, never the
//! whole); an assessment's own arithmetic holds (see `check_assessment`).
#![no_main]

use doudi_fuzz::{check_assessment, explain, parse_household, read_household};
use doudi_rules::Options;
use libfuzzer_sys::fuzz_target;

/// The longest error message accepted, in bytes (the longest we write lists the counties).
const MESSAGE_MAX: usize = 1024;

fuzz_target!(|data: &[u8]| {
    let household = match read_household(data) {
        Ok(household) => household,
        Err(error) => {
            assert!(
                error.zh.len() <= MESSAGE_MAX && error.en.len() <= MESSAGE_MAX,
                "a read error of {} bytes: {error}",
                error.zh.len() + error.en.len()
            );
            return;
        }
    };
    // What `doudi assess` says on stderr of a date past the latest standard.
    let _ = household.standards_notice();
    let json = serde_json::to_string(&household).expect("a household serialises");
    let again = parse_household(&json)
        .unwrap_or_else(|error| panic!("its own JSON does not read back: {error}\n{json}"));
    assert_eq!(
        again, household,
        "its own JSON reads back as another household"
    );

    let (facts, errors) = household.check();
    assert_eq!(
        facts.is_some(),
        errors.is_empty(),
        "check: facts and errors disagree"
    );
    for error in &errors {
        assert!(!error.field.is_empty(), "an error without a field: {error}");
        assert!(
            error.zh.len() <= MESSAGE_MAX && error.en.len() <= MESSAGE_MAX,
            "an error message of {} bytes at {}",
            error.zh.len() + error.en.len(),
            error.field
        );
    }
    let assessed = doudi_rules::assess(&household, Options::default());
    match (&assessed, errors.first()) {
        (Err(error), Some(first)) => assert_eq!(error, first, "assess fails with another error"),
        (Ok(_), Some(first)) => panic!("assess succeeds although check finds {first}"),
        _ => {}
    }
    if let Ok(assessment) = assessed {
        check_assessment(&assessment, "household_json");
        let out = serde_json::to_string_pretty(&assessment).expect("an assessment serialises");
        assert!(!out.is_empty());
        let zh = explain::render(&household, &assessment, explain::Lang::Zh);
        let en = explain::render(&household, &assessment, explain::Lang::En);
        assert!(!zh.is_empty() && !en.is_empty());
    }
});

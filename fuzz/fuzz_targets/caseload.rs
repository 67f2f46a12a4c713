//! A caseload file's bytes (any encoding, any shape), run as `doudi batch` runs it
//! (`stream_parallel`, here on two workers, trace on) and as the site runs it (`stream`,
//! one thread, figures only), each into a Vec<u8>.
//!
//! Checks: both give the same bytes and the same summary, or the same error; the result is
//! UTF-8 CSV with a BOM and a header, one row per household counted in the summary, and
//! as many error rows as the summary says failed.
#![no_main]

use doudi_caseload::{stream, stream_parallel, Settings};
use doudi_fuzz::result_rows;
use doudi_rules::InputError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut single = Vec::new();
    let quick = Settings {
        trace: false,
        bom: true,
        reform: None,
    };
    let one = stream(&mut || Ok(data), &mut single, quick, &mut |_, _| {});
    let mut parallel = Vec::new();
    let full = Settings {
        trace: true,
        bom: true,
        reform: None,
    };
    let two = stream_parallel(&mut || Ok(data), &mut parallel, full, 2);
    match (one, two) {
        (Ok(summary), Ok(other)) => {
            assert_eq!(summary, other, "the summaries differ");
            assert!(
                single == parallel,
                "one thread and two workers write different bytes"
            );
            let text = std::str::from_utf8(&single).expect("the result is UTF-8");
            assert!(text.starts_with(doudi_caseload::BOM), "no BOM");
            let rows = result_rows(text);
            assert_eq!(rows.len(), summary.households, "rows and summary differ");
            let failed = rows
                .iter()
                .filter(|row| row.get("error").is_some_and(|error| !error.is_empty()))
                .count();
            assert_eq!(failed, summary.failed, "error rows and summary differ");
        }
        (Err(one), Err(two)) => {
            let (one, two) = (InputError::from(one), InputError::from(two));
            assert_eq!(one, two, "the two runs fail differently");
        }
        (one, two) => panic!(
            "one run fails, the other does not: one thread {:?}, two workers {:?}",
            one.map_err(InputError::from),
            two.map_err(InputError::from)
        ),
    }
});

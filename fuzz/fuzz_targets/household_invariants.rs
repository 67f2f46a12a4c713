//! Structure-aware: a household that looks like one a caseworker would type, built from
//! the fuzzer's bytes with `arbitrary`'s primitives (`doudi_fuzz::household`), and the
//! invariants of ARCHITECTURE.md and issue 12 checked on it:
//!
//! 1. the total is the sum of its parts: `total_monthly` adds exactly the counted
//!    (`Outcome::counts`) outcomes paid monthly (`Payment::Monthly`), its range the sum of
//!    their ranges; time-limited and conditional money is reported apart, never added;
//! 2. every amount lies within its range (`monthly_min` ≤ `monthly` ≤ `monthly_max`);
//! 3. trace on, trace off and figures only give the same figures and decisions (or the
//!    same error);
//! 4. batch = assess: the household written as a caseload (`doudi_fuzz::caseload_csv`)
//!    and run through the caseload engine gives the row the assessment says;
//! 5. the share link round trip: the link made for it opens, checked, as the same
//!    household, total and results, with no "rules changed" notice; its JSON reads back
//!    through the CLI's parser as the same household;
//! 6. support never rises when only one income rises: `total_monthly` (money that comes
//!    every month) with one income of one member raised is at most what it was, unless a
//!    documented rule explains the rise (`doudi_fuzz::rise_explained`: the single-person
//!    notch at the dibao line; a member marked tekun whose tekun outcome waits for
//!    information rejoining the dibao household once their income reaches the tekun
//!    line). Only `total_monthly` is compared: time-limited (gradual exit) and
//!    conditional (price subsidy) money is not;
//! 7. a question the site does not ask cannot change a result: a member living with an
//!    able legal supporter (`questions::supporters_at_home`) is not eligible for tekun,
//!    whatever is answered to the tekun questions the site then leaves out (self-care,
//!    own property, supporters elsewhere).
#![no_main]

use arbitrary::Unstructured;
use doudi_caseload::{run_bytes, Settings};
use doudi_fuzz::{
    caseload_csv, caseload_form, check_assessment, check_row, figures_differ, household,
    parse_household, raise_one_income, result_rows, rise_explained,
};
use doudi_rules::Options;
use doudi_share::{decode, encode, notice, Integrity, Shared, MAX_FRAGMENT};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(household) = household(&mut u) else {
        return;
    };

    // 5 (JSON): the household format reads back what it writes, through the CLI's parser.
    let json = serde_json::to_string(&household).expect("a household serialises");
    let read = parse_household(&json)
        .unwrap_or_else(|error| panic!("its JSON does not read back: {error}\n{json}"));
    assert_eq!(
        read, household,
        "its JSON reads back as another household\n{json}"
    );

    // 3: trace and words change no figure.
    let full = doudi_rules::assess(&household, Options::FULL);
    let quiet = doudi_rules::assess(&household, Options::QUIET);
    let figures = doudi_rules::assess(&household, Options::FIGURES);
    match (&full, &quiet, &figures) {
        (Ok(full), Ok(quiet), Ok(figures)) => {
            if let Some(difference) = figures_differ(full, quiet, true) {
                panic!("trace on and off differ: {difference}\n{json}");
            }
            if let Some(difference) = figures_differ(full, figures, false) {
                panic!("with and without words differ: {difference}\n{json}");
            }
        }
        (Err(a), Err(b), Err(c)) => {
            assert_eq!(a, b, "trace on and off fail differently");
            assert_eq!(
                a.field, c.field,
                "with and without words fail at different fields"
            );
        }
        _ => panic!(
            "the options decide whether it fails: full {:?}, quiet {:?}, figures {:?}\n{json}",
            full.as_ref().err(),
            quiet.as_ref().err(),
            figures.as_ref().err()
        ),
    }

    // 1, 2 and one route per person.
    if let Ok(assessment) = &full {
        check_assessment(assessment, "household_invariants");
    }

    // 4: batch = assess.
    if let Some(form) = caseload_form(&household) {
        let csv = caseload_csv("F1", &form);
        let settings = Settings {
            trace: false,
            bom: true,
            reform: None,
        };
        let (out, summary) = run_bytes(csv.as_bytes(), settings, &mut |_, _| {})
            .unwrap_or_else(|error| panic!("the caseload is refused: {error}\n{csv}"));
        let rows = result_rows(&out);
        assert_eq!(rows.len(), 1, "one household, {} rows\n{csv}", rows.len());
        assert_eq!(summary.households, 1);
        let assessed = doudi_rules::assess(&form, Options::FIGURES);
        check_row(&rows[0], &assessed, &format!("batch = assess\n{csv}"));
    }

    // 5: the share link round trip.
    if let Ok(assessment) = &full {
        let shared = Shared::new(&household, assessment);
        let link = encode(&shared);
        if link.len() <= MAX_FRAGMENT {
            let opened = decode(&link)
                .unwrap_or_else(|error| panic!("its link does not open: {}\n{json}", error.en));
            assert_eq!(opened.integrity, Integrity::Checked);
            assert_eq!(
                opened.shared.household, household,
                "its link opens as another household"
            );
            assert_eq!(opened.shared, shared, "its link opens with other results");
            let said = notice(&opened, assessment);
            assert!(!said.unverified && said.rules_changed.is_none());
        }
    }

    // 7: a question the site does not ask cannot change a result. A member who lives
    // with an able legal supporter (`questions::supporters_at_home`) is asked no tekun
    // question but "tekun now" (which also says whether they can support others): they
    // are not eligible for tekun, and other answers to self-care and own property leave
    // every figure and decision as it is.
    if let Ok(before) = &figures {
        let at_home = doudi_rules::questions::supporters_at_home(&household);
        for (index, supporter) in at_home.iter().enumerate() {
            let Some(supporter) = supporter else { continue };
            // Only a member the tekun rules look at has tekun questions at all.
            let Some(tekun) = before.programmes.iter().find(|outcome| {
                outcome.programme == doudi_rules::Programme::Tekun && outcome.member == Some(index)
            }) else {
                continue;
            };
            assert_eq!(
                tekun.status,
                doudi_rules::Status::NotEligible,
                "member {index} lives with able supporter {supporter} but tekun is {:?}\n{json}",
                tekun.status
            );
            for flip in [false, true] {
                let mut other = household.clone();
                let member = &mut other.members[index];
                member.own_property_within_limits = Some(flip);
                member.self_care = Some(doudi_rules::household::SelfCare {
                    eating: flip,
                    dressing: flip,
                    getting_in_and_out_of_bed: flip,
                    toileting: flip,
                    walking_indoors: flip,
                    bathing: flip,
                });
                let after = doudi_rules::assess(&other, Options::FIGURES)
                    .unwrap_or_else(|error| panic!("other tekun answers refused: {error}\n{json}"));
                if let Some(tekun) = after.programmes.iter().find(|outcome| {
                    outcome.programme == doudi_rules::Programme::Tekun
                        && outcome.member == Some(index)
                }) {
                    assert_eq!(
                        tekun.status,
                        doudi_rules::Status::NotEligible,
                        "other tekun answers make member {index} eligible\n{json}"
                    );
                }
                // Every amount and decision (the criteria of this member's tekun outcome do
                // follow the answers: they are those answers; its status does not).
                let decisions = |assessment: &doudi_rules::Assessment| {
                    (
                        assessment.total_monthly,
                        assessment.total_monthly_min,
                        assessment.total_monthly_max,
                        assessment.dibao_members.clone(),
                        assessment
                            .programmes
                            .iter()
                            .map(|outcome| {
                                (
                                    outcome.programme,
                                    outcome.member,
                                    outcome.status,
                                    outcome.monthly,
                                    outcome.monthly_min,
                                    outcome.monthly_max,
                                )
                            })
                            .collect::<Vec<_>>(),
                    )
                };
                assert_eq!(
                    decisions(before),
                    decisions(&after),
                    "a tekun answer not asked of member {index} changes a result\n{json}"
                );
            }
        }
    }

    // 6: support never rises when only one income rises.
    let Ok(lower) = &figures else {
        return;
    };
    let Ok(Some(raised)) = raise_one_income(&mut u, &household) else {
        return;
    };
    let Ok(higher) = doudi_rules::assess(&raised, Options::FIGURES) else {
        return;
    };
    if higher.total_monthly > lower.total_monthly && rise_explained(lower, &higher).is_none() {
        let raised_json = serde_json::to_string(&raised).unwrap_or_default();
        panic!(
            "the monthly total rises from {} to {} when one income rises\nbefore: {json}\nafter:  {raised_json}",
            lower.total_monthly, higher.total_monthly
        );
    }
});

//! The what-if sweep (crates/rules/src/what_if.rs, `doudi what-if`, the site's chart) on
//! a household built from the fuzzer's bytes (see `doudi_fuzz::household`).
//!
//! Checks: the sweep works for every household `assess` accepts; its points start at
//! earned income 0 and strictly increase, no support is negative, the lines are in
//! order; its current point is the headline (`total_monthly`, the gradual exit) and lies
//! on the curve; at a point chosen by the fuzzer, the support is the monthly total
//! `assess` gives for the same household with that income written in (the sweep's own
//! rewrite, `what_if::household_at`); the next change is where what comes every month
//! changes; and along the curve support never rises, except where a documented rule says
//! so (`doudi_fuzz::rise_explained`).
#![no_main]

use arbitrary::Unstructured;
use doudi_fuzz::{household, rise_explained};
use doudi_rules::what_if::household_at;
use doudi_rules::{Decimal, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(household) = household(&mut u) else {
        return;
    };
    let Ok(now) = doudi_rules::assess(&household, Options::FIGURES) else {
        assert!(
            doudi_rules::what_if::what_if(&household).is_err(),
            "what-if works on a household assess refuses"
        );
        return;
    };
    let curve = match doudi_rules::what_if::what_if(&household) {
        Ok(curve) => curve,
        Err(error) => panic!("what-if fails on a household assess accepts: {error}"),
    };
    let points = &curve.points;
    assert!(!points.is_empty(), "no points");
    assert!(
        points[0].earned.is_zero(),
        "the curve starts at {}",
        points[0].earned
    );
    for pair in points.windows(2) {
        assert!(pair[0].earned < pair[1].earned, "incomes not increasing");
    }
    for point in points {
        assert!(!point.support.is_sign_negative() || point.support.is_zero());
    }
    assert!(
        curve.dibao_line <= curve.marginal_line,
        "dibao line above the marginal line"
    );
    assert_eq!(curve.current.support, now.total_monthly, "current point");
    assert_eq!(
        curve.current.exit_monthly,
        now.time_limited.as_ref().map(|exit| exit.monthly),
        "current gradual exit"
    );
    assert!(
        points
            .iter()
            .any(|point| point.earned == curve.current.earned && point.money == curve.current.money),
        "the current point is not on the curve"
    );
    assert_eq!(curve.counted_income, now.counted_income_monthly);

    let assess_at = |earned: Decimal| {
        household_at(&household, earned)
            .ok()
            .and_then(|rewritten| doudi_rules::assess(&rewritten, Options::FIGURES).ok())
    };
    if let Some(change) = &curve.next_change {
        assert!(change.earned > curve.current.earned || change.more > Decimal::ZERO);
        if let Some(there) = assess_at(change.earned) {
            assert_eq!(there.total_monthly, change.support, "at the next change");
        }
    }
    let Ok(index) = u.choose_index(points.len()) else {
        return;
    };
    let point = &points[index];
    if point.earned != curve.current.earned {
        if let Some(there) = assess_at(point.earned) {
            assert_eq!(
                there.total_monthly, point.support,
                "at earned income {} the curve says {} but assess says {}",
                point.earned, point.support, there.total_monthly
            );
        }
    }
    for pair in points.windows(2) {
        if pair[1].support <= pair[0].support {
            continue;
        }
        if let (Some(lower), Some(higher)) = (assess_at(pair[0].earned), assess_at(pair[1].earned))
        {
            assert!(
                rise_explained(&lower, &higher).is_some(),
                "support rises from {} to {} as earned income rises from {} to {} in the household\n{}",
                pair[0].support,
                pair[1].support,
                pair[0].earned,
                pair[1].earned,
                serde_json::to_string(&household).unwrap_or_default()
            );
        }
    }
});

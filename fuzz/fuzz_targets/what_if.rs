//! The what-if sweep (crates/rules/src/what_if.rs, `doudi what-if`, the site's chart) on
//! a household built from the fuzzer's bytes (see `doudi_fuzz::household`).
//!
//! Checks: the sweep works for every household `assess` accepts; its points start at
//! income 0 and strictly increase, no support is negative, the lines are in order and the
//! headroom is the distance to the dibao line; at a point chosen by the fuzzer, the
//! support is the monthly total `assess` gives for the same household with that income
//! written in (the sweep's rewrite: the dibao household's incomes replaced by one wage of
//! its first member); and along the curve support never rises, except where a documented
//! rule says so (`doudi_fuzz::rise_explained`).
#![no_main]

use arbitrary::Unstructured;
use doudi_fuzz::{household, rise_explained};
use doudi_rules::household::{Income, IncomeKind, Money, Period};
use doudi_rules::{Decimal, Household, Options};
use libfuzzer_sys::fuzz_target;

/// The household with the dibao household's incomes replaced by one wage of its first
/// member, as the sweep does it.
fn at_income(household: &Household, members: &[usize], income: Decimal) -> Household {
    let mut rewritten = household.clone();
    let mut first = true;
    for (index, member) in rewritten.members.iter_mut().enumerate() {
        if !members.contains(&index) {
            continue;
        }
        member.incomes.clear();
        member.employment_costs = None;
        if first {
            member.incomes.push(Income {
                kind: IncomeKind::Wages,
                amount: Money(income),
                per: Period::Month,
            });
            first = false;
        }
    }
    rewritten
}

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
        points[0].income.is_zero(),
        "the curve starts at {}",
        points[0].income
    );
    for pair in points.windows(2) {
        assert!(pair[0].income < pair[1].income, "incomes not increasing");
    }
    for point in points {
        assert!(!point.support.is_sign_negative() || point.support.is_zero());
    }
    assert!(
        curve.dibao_line <= curve.marginal_line,
        "dibao line above the marginal line"
    );
    assert_eq!(
        curve.headroom,
        (curve.dibao_line - curve.current_income).max(Decimal::ZERO)
    );
    assert_eq!(curve.current_income, now.counted_income_monthly);

    let Ok(index) = u.choose_index(points.len()) else {
        return;
    };
    let point = &points[index];
    let rewritten = at_income(&household, &now.dibao_members, point.income);
    if let Ok(there) = doudi_rules::assess(&rewritten, Options::FIGURES) {
        assert_eq!(
            there.total_monthly, point.support,
            "at income {} the curve says {} but assess says {}",
            point.income, point.support, there.total_monthly
        );
    }
    for pair in points.windows(2) {
        if pair[1].support <= pair[0].support {
            continue;
        }
        let assess_at = |income| {
            doudi_rules::assess(
                &at_income(&household, &now.dibao_members, income),
                Options::FIGURES,
            )
        };
        if let (Ok(lower), Ok(higher)) = (assess_at(pair[0].income), assess_at(pair[1].income)) {
            assert!(
                rise_explained(&lower, &higher).is_some(),
                "support rises from {} to {} as income rises from {} to {}\n{}",
                pair[0].support,
                pair[1].support,
                pair[0].income,
                pair[1].income,
                serde_json::to_string(&at_income(&household, &now.dibao_members, pair[1].income))
                    .unwrap_or_default()
            );
        }
    }
});

//! A valid household's share link always opens: every amount the household format reads
//! (up to 32 characters, so as many decimals as a `Decimal` holds) is written back so
//! that it reads again, and the link carries it as written. The CPI rises are the
//! fields a person types with many decimals (and the ones the issue found: a rise of
//! 19 decimals made a link that could not be opened).

use doudi_rules::household::parse_amount;
use doudi_rules::{Household, Money, Options};
use doudi_share::{decode, encode, Integrity, Shared};

/// A household with these CPI rises, when the household format reads them.
fn household(cpi: &str, food: &str) -> Option<Household> {
    let mut household: Household = serde_json::from_str(
        r#"{"county":"hantai","category":"urban","date":"2026-11-01","family":{"property_within_limits":true},
            "members":[{"age":40,"incomes":[{"kind":"wages","amount":"300"}]}]}"#,
    )
    .unwrap();
    household.caseworker.cpi_rise = Some(Money(parse_amount(cpi).ok()?));
    household.caseworker.food_cpi_rise = Some(Money(parse_amount(food).ok()?));
    Some(household)
}

#[test]
fn a_valid_household_with_the_longest_amounts_makes_a_link_that_opens() {
    let typed = [
        ".1234567890123456789",
        "-.123456789012345678",
        ".1234567890123456789012345678",
        ".1234567890123456789012345678901",
        "-.1234567890123456789012345678901",
        "99.99999999999999999999999999999",
        "-99.9999999999999999999999999999",
        "0000000000000000000000000003.500",
        "3.5000000000000000000000000000000",
        "0.0000000000000000000000000000001",
        "1,0.5",
        "  7 ",
        "-0",
        "100",
        "-100",
    ];
    let mut checked = 0;
    for cpi in typed {
        for food in [cpi, "6"] {
            let Some(household) = household(cpi, food) else {
                continue;
            };
            // Only households that validate make links.
            let Ok(assessment) = doudi_rules::assess(&household, Options::default()) else {
                continue;
            };
            let shared = Shared::new(&household, &assessment);
            let opened = decode(&encode(&shared))
                .unwrap_or_else(|error| panic!("{cpi} / {food}: {}", error.en));
            assert_eq!(opened.integrity, Integrity::Checked);
            assert_eq!(opened.shared, shared, "{cpi} / {food}");
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} households made links");
}

#[test]
fn every_amount_the_household_format_writes_it_reads_back() {
    for digits in 1..=31 {
        for sign in ["", "-"] {
            let typed = format!("{sign}.{}", "9".repeat(digits));
            let Ok(amount) = parse_amount(&typed) else {
                continue;
            };
            let written = serde_json::to_string(&Money(amount)).unwrap();
            let read: Money = serde_json::from_str(&written)
                .unwrap_or_else(|error| panic!("{typed} written as {written}: {error}"));
            assert_eq!(read, Money(amount), "{typed} written as {written}");
        }
    }
}

//! Every rounding the rules do, in one place, each named for the rule it implements.
//! Nothing else in the crate rounds money.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half up (away from zero at .5) to a multiple of `step`, as for top-ups
/// (渭南: 0.3 × 403 = 120.9 → 121) and care amounts (太白县: 0.15 × 1950 = 292.5 → 293).
pub fn half_up_to_step(amount: Decimal, step: Decimal) -> Decimal {
    if step <= Decimal::ZERO {
        return amount;
    }
    // A step of 1, 0.1, 0.01…: the same as rounding to its decimal places, without the
    // division (the usual steps: 1 元 for top-ups and care, 0.01 元 for payments).
    if step.mantissa() == 1 {
        return amount
            .round_dp_with_strategy(step.scale(), RoundingStrategy::MidpointAwayFromZero)
            .normalize();
    }
    ((amount / step).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero) * step)
        .normalize()
}

/// Rounds up to the next multiple of `step`, as the city appears to do for the tekun
/// basic living standard (1.3 × 675 = 877.5 → 880).
pub fn up_to_step(amount: Decimal, step: Decimal) -> Decimal {
    if step <= Decimal::ZERO {
        return amount;
    }
    ((amount / step).ceil() * step).normalize()
}

/// An earned income the what-if sweep tries (a point of the curve, or a step of its
/// search for a line or a change), to the fen as a household's amounts are given.
pub fn sweep_income(amount: Decimal) -> Decimal {
    amount
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// A figure shown to people (a per-capita income, a conversion from yearly to monthly),
/// rounded half up to the fen for display only: never fed back into a rule.
pub fn for_display(amount: Decimal) -> Decimal {
    amount
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Two figures to be compared in a sentence ("人均 474.996 元，低于标准 475 元"), shown
/// to the fen, or with as many more decimals (up to six) as it takes for the shown
/// figures to differ when the exact ones differ, so that no comparison reads false after
/// rounding. Display only.
pub fn for_display_pair(a: Decimal, b: Decimal) -> (Decimal, Decimal) {
    for places in 2..=6 {
        let shown = |amount: Decimal| {
            amount
                .round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
                .normalize()
        };
        let (shown_a, shown_b) = (shown(a), shown(b));
        if (shown_a == shown_b) == (a == b) || places == 6 {
            return (shown_a, shown_b);
        }
    }
    (for_display(a), for_display(b))
}

/// The sign to write before a figure shown for display: "=" when the shown figure is
/// the exact one, "≈" when display rounding changed it.
pub fn equals_sign(exact: Decimal) -> &'static str {
    if for_display(exact) == exact.normalize() {
        "="
    } else {
        "≈"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn half_up_rounds_the_midpoint_up() {
        assert_eq!(half_up_to_step(d("120.9"), d("1")), d("121"));
        assert_eq!(half_up_to_step(d("292.5"), d("1")), d("293"));
        assert_eq!(half_up_to_step(d("292.49"), d("1")), d("292"));
        assert_eq!(half_up_to_step(d("10.005"), d("0.01")), d("10.01"));
        assert_eq!(half_up_to_step(d("10.0049"), d("0.01")), d("10"));
        assert_eq!(half_up_to_step(d("-120.5"), d("1")), d("-121"));
    }

    #[test]
    fn a_step_that_is_a_power_of_ten_rounds_as_the_division_does() {
        // The short path (steps of 1, 0.1, 0.01…) against the division it replaces.
        let by_division = |amount: Decimal, step: Decimal| {
            ((amount / step).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
                * step)
                .normalize()
        };
        for step in ["1", "0.1", "0.01", "0.001"] {
            for amount in [
                "0",
                "0.5",
                "1.5",
                "2.5",
                "120.9",
                "292.5",
                "292.49",
                "10.005",
                "10.0049",
                "-0.5",
                "-2.5",
                "877.4999",
                "1416.666666666666666666666667",
                "0.004",
                "0.005",
            ] {
                let (amount, step) = (d(amount), d(step));
                // As written, not only equal: 10 and 10.00 are equal but print apart.
                assert_eq!(
                    half_up_to_step(amount, step).to_string(),
                    by_division(amount, step).to_string(),
                    "{amount} to a step of {step}"
                );
            }
        }
    }

    #[test]
    fn a_pair_that_differs_is_shown_with_enough_decimals_to_differ() {
        let per_person = d("1424.99") / d("3");
        assert_eq!(for_display(per_person), d("475"));
        assert_eq!(
            for_display_pair(per_person, d("475")),
            (d("474.997"), d("475"))
        );
        assert_eq!(for_display_pair(d("475"), d("475")), (d("475"), d("475")));
        assert_eq!(
            for_display_pair(d("400.5"), d("475")),
            (d("400.5"), d("475"))
        );
    }

    #[test]
    fn the_sign_says_when_a_figure_was_rounded() {
        assert_eq!(equals_sign(d("33.5")), "=");
        assert_eq!(equals_sign(d("100") / d("3")), "≈");
    }

    #[test]
    fn up_to_step_rounds_to_the_next_five() {
        assert_eq!(up_to_step(d("877.5"), d("5")), d("880"));
        assert_eq!(up_to_step(d("851.5"), d("5")), d("855"));
        assert_eq!(up_to_step(d("880"), d("5")), d("880"));
    }
}

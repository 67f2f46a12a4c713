//! What the fuzz targets share: the CLI's own household parser, a structure-aware
//! household generator (from `arbitrary`'s primitives, without touching the rules
//! crate's types), the caseload CSV of a household, and the checks the targets assert.
//!
//! A panic anywhere is a finding: libFuzzer saves the input under fuzz/artifacts/.

use arbitrary::{Result, Unstructured};
use doudi_rules::household::{
    Caseworker, Disability, DisabilityKind, Family, Income, IncomeKind, Member, Money, Period,
    Relation, SelfCare, Student, Supporter,
};
use doudi_rules::policy::{self, Date};
use doudi_rules::{Assessment, Category, Decimal, Household, InputError, Payment, Programme, Tier};
use std::collections::BTreeMap;

/// The CLI's text renderer (`doudi explain`): its source, compiled in as it is (crates/cli
/// is a binary without a library).
#[allow(dead_code, clippy::all)]
#[path = "../../crates/cli/src/explain.rs"]
pub mod explain;

/// The CLI's input functions (crates/cli/src/input.rs), compiled in as they are
/// (crates/cli is a binary without a library): `utf8_text` (a file's bytes to text) and
/// `parse_household` (text to a household).
#[allow(dead_code, clippy::all)]
#[path = "../../crates/cli/src/input.rs"]
mod cli_input;

mod cli {
    pub use super::cli_input::parse_household;
    use super::cli_input::utf8_text;
    use doudi_rules::{Household, InputError};

    /// A file's bytes to a household, as `read_household` in main.rs does after reading.
    pub fn read(bytes: &[u8]) -> Result<Household, InputError> {
        parse_household(&utf8_text(bytes.to_vec())?)
    }
}

/// Reads household JSON as `doudi assess FILE` reads the file's bytes (within the size
/// limit): UTF-8 text, then the CLI's `parse_household`.
pub fn read_household(bytes: &[u8]) -> std::result::Result<Household, InputError> {
    cli::read(bytes)
}

/// Parses household JSON text as `doudi assess FILE` does (the CLI's `parse_household`).
pub fn parse_household(text: &str) -> std::result::Result<Household, InputError> {
    cli::parse_household(text)
}

// ---- A household from arbitrary primitives ---------------------------------------

const COUNTY_NOISE: &[&str] = &["", "Hantai", " hantai", "汉台区", "nowhere", "=1+1", "a,b"];
const NAMES: &[&str] = &[
    "",
    "李建军",
    "张丽",
    "member",
    " 刘桂兰 ",
    "=HYPERLINK(\"x\")",
    "a,b",
    "say \"hi\"",
    "line\nbreak",
    "+1",
    "@x",
    "\u{feff}bom",
    "奶奶",
];
const ILLNESS_NOISE: &[&str] = &["", "感冒", " ", "cancer", "肺 癌"];
pub const INCOME_KINDS: [IncomeKind; 9] = IncomeKind::ALL;

/// An amount of money: mostly what households have (whole yuan or fen, up to a few
/// thousand), sometimes large (past the 1,000,000 limit), sometimes hostile (negative,
/// more decimals than fen, the extremes of i64).
pub fn amount(u: &mut Unstructured) -> Result<Money> {
    let value = match u.int_in_range(0u8..=15)? {
        0..=7 => Decimal::from(u.int_in_range(0i64..=3000)?),
        8..=11 => Decimal::new(u.int_in_range(0i64..=500_000)?, 2),
        12 => Decimal::from(u.int_in_range(0i64..=1_300_000)?),
        13 => Decimal::new(u.int_in_range(0i64..=12_000_000)?, 1),
        14 => Decimal::new(u.int_in_range(-1000i64..=1000)?, u.int_in_range(0u32..=4)?),
        _ => Decimal::new(u.arbitrary::<i64>()?, u.int_in_range(0u32..=28)?),
    };
    Ok(Money(value))
}

/// A percentage rise (CPI): one decimal, -10 % to 15 %, now and then anything.
fn rise(u: &mut Unstructured) -> Result<Money> {
    Ok(Money(if u.ratio(1u8, 16)? {
        Decimal::new(
            u.int_in_range(-20_000i64..=20_000)?,
            u.int_in_range(0u32..=4)?,
        )
    } else {
        Decimal::new(u.int_in_range(-100i64..=150)?, 1)
    }))
}

fn pick<'a, T>(u: &mut Unstructured, items: &'a [T]) -> Result<&'a T> {
    u.choose(items)
}

/// A valid date from a year before the first modelled date to a few years after today's
/// standards (a date past the published ones uses the latest).
fn date(u: &mut Unstructured) -> Result<Date> {
    let first = policy::first_modelled_date();
    let year = u.int_in_range(first.year.saturating_sub(1)..=2031)?;
    let month = u.int_in_range(1u8..=12)?;
    let day = u.int_in_range(1u8..=doudi_policy::days_in_month(year, month))?;
    Ok(Date::new(year, month, day))
}

fn serious_disease_names() -> &'static [&'static str] {
    policy::LISTS
        .iter()
        .find(|list| list.id == "serious_disease")
        .and_then(|list| list.entries.last())
        .map(|entry| entry.items)
        .unwrap_or(&[])
}

fn member(u: &mut Unstructured, date: Date, index: usize) -> Result<Member> {
    let (age, birth_date) = match u.int_in_range(0u8..=19)? {
        0 => (None, None),
        1 => (Some(u.int_in_range(0u32..=130)?), Some(date)),
        2..=4 => {
            let years = u.int_in_range(0u16..=105)?;
            let year = date.year.saturating_sub(years).max(1900);
            let month = u.int_in_range(1u8..=12)?;
            let day = u.int_in_range(1u8..=doudi_policy::days_in_month(year, month))?;
            (None, Some(Date::new(year, month, day)))
        }
        5 => (Some(u.int_in_range(0u32..=200)?), None),
        _ => (Some(u.int_in_range(0u32..=100)?), None),
    };
    let relation = if index == 0 {
        Relation::Applicant
    } else {
        *pick(u, &Relation::ALL)?
    };
    let disability = if u.ratio(1u8, 5)? {
        Some(Disability {
            kind: *pick(u, &DisabilityKind::ALL)?,
            grade: if u.ratio(1u8, 20)? {
                u.arbitrary()?
            } else {
                u.int_in_range(1u8..=4)?
            },
        })
    } else {
        None
    };
    let serious_illness = match u.int_in_range(0u8..=9)? {
        0 => Some(pick(u, serious_disease_names())?.to_string()),
        1 => Some(pick(u, ILLNESS_NOISE)?.to_string()),
        _ => None,
    };
    let mut incomes = Vec::new();
    for _ in 0..u.int_in_range(0u8..=4)? {
        incomes.push(Income {
            kind: *pick(u, &INCOME_KINDS)?,
            amount: amount(u)?,
            per: if u.ratio(1u8, 6)? {
                Period::Year
            } else {
                Period::Month
            },
        });
    }
    let employment_costs = if u.ratio(1u8, 6)? {
        Some(amount(u)?)
    } else {
        None
    };
    let self_care = if u.ratio(2u8, 5)? {
        Some(SelfCare {
            eating: u.arbitrary()?,
            dressing: u.arbitrary()?,
            getting_in_and_out_of_bed: u.arbitrary()?,
            toileting: u.arbitrary()?,
            walking_indoors: u.arbitrary()?,
            bathing: u.arbitrary()?,
        })
    } else {
        None
    };
    let supporters = if u.ratio(1u8, 2)? {
        let mut list = Vec::new();
        for _ in 0..u.int_in_range(0u8..=3)? {
            list.push(Supporter {
                name: pick(u, NAMES)?.to_string(),
                situation: *pick(u, &doudi_rules::questions::SUPPORTER_SITUATIONS)?,
            });
        }
        Some(list)
    } else {
        None
    };
    Ok(Member {
        name: pick(u, NAMES)?.to_string(),
        age,
        birth_date,
        relation,
        disability,
        serious_illness,
        student: *pick(u, &Student::ALL)?,
        incomes,
        employment_costs,
        tekun: u.ratio(1u8, 8)?,
        self_care,
        supporters,
        own_property_within_limits: u.arbitrary()?,
    })
}

/// Replacements for assumed parameters: mostly a value the parameter's unit allows,
/// sometimes not (which must be refused with a message).
fn overrides(u: &mut Unstructured, date: Date) -> Result<BTreeMap<String, Money>> {
    let mut found = BTreeMap::new();
    if !u.ratio(1u8, 6)? {
        return Ok(found);
    }
    let assumed: Vec<&'static policy::Param> = policy::PARAMS
        .iter()
        .filter(|param| {
            param
                .entry_on(date)
                .is_some_and(|entry| entry.status == policy::Status::Assumed)
        })
        .collect();
    for _ in 0..u.int_in_range(1u8..=3)? {
        let id = if assumed.is_empty() || u.ratio(1u8, 10)? {
            pick(u, policy::PARAMS)?.id.to_string()
        } else {
            pick(u, &assumed)?.id.to_string()
        };
        let value = match u.int_in_range(0u8..=5)? {
            0 => Money(Decimal::ZERO),
            1 => Money(Decimal::ONE),
            2 => Money(Decimal::new(u.int_in_range(0i64..=1000)?, 2)),
            3 => Money(Decimal::from(u.int_in_range(0i64..=40)?)),
            _ => amount(u)?,
        };
        found.insert(id, value);
    }
    Ok(found)
}

/// A household that looks like one a caseworker would type, built from the fuzzer's
/// bytes: a known county (now and then not), a valid date around the modelled years, one
/// to six members (now and then none, or more than the limit), their incomes, disability,
/// self-care and supporters, the family's facts and the caseworker's.
pub fn household(u: &mut Unstructured) -> Result<Household> {
    let county = if u.ratio(1u8, 20)? {
        pick(u, COUNTY_NOISE)?.to_string()
    } else {
        pick(u, policy::PLACES)?.id.to_string()
    };
    let category = if u.arbitrary()? {
        Category::Rural
    } else {
        Category::Urban
    };
    let date = date(u)?;
    let count = match u.int_in_range(0u8..=63)? {
        0 => 0,
        1 => u.int_in_range(7usize..=32)?,
        _ => u.int_in_range(1usize..=6)?,
    };
    let mut members = Vec::with_capacity(count);
    for index in 0..count {
        members.push(member(u, date, index)?);
    }
    let on_dibao = u.ratio(1u8, 4)?;
    // Income of the family as a whole (a farm, a shop), now and then.
    let mut family_incomes = Vec::new();
    if u.ratio(1u8, 6)? {
        for _ in 0..u.int_in_range(1u8..=2)? {
            family_incomes.push(Income {
                kind: *pick(u, &INCOME_KINDS)?,
                amount: amount(u)?,
                per: if u.arbitrary()? {
                    Period::Year
                } else {
                    Period::Month
                },
            });
        }
    }
    let family = Family {
        incomes: family_incomes,
        rigid_spending_monthly: if u.ratio(1u8, 8)? {
            Some(amount(u)?)
        } else {
            None
        },
        poverty_alleviated: u.ratio(1u8, 5)?,
        marginal: u.ratio(1u8, 10)?,
        property_within_limits: match u.int_in_range(0u8..=9)? {
            0 => None,
            1 => Some(false),
            _ => Some(true),
        },
        on_dibao,
        // What a family on dibao receives now: mostly within what it could receive (the
        // rules refuse more than the standard and the top-ups allow), sometimes anything.
        current_dibao_monthly: if on_dibao && u.ratio(3u8, 4)? {
            let most = 500 * i64::try_from(count.max(1)).unwrap_or(1);
            Some(Money(Decimal::from(u.int_in_range(0i64..=most)?)))
        } else if on_dibao || u.ratio(1u8, 20)? {
            Some(amount(u)?)
        } else {
            None
        },
    };
    let caseworker = Caseworker {
        rural_tier: if u.arbitrary()? {
            Some(*pick(u, &Tier::ALL)?)
        } else {
            None
        },
        overrides: overrides(u, date)?,
        cpi_rise: if u.ratio(3u8, 4)? {
            Some(rise(u)?)
        } else {
            None
        },
        food_cpi_rise: if u.ratio(1u8, 2)? {
            Some(rise(u)?)
        } else {
            None
        },
    };
    Ok(Household {
        county,
        category,
        date,
        members,
        family,
        caseworker,
    })
}

// ---- The caseload CSV of a household ------------------------------------------------

/// The household as a caseload can carry it (docs/batch-format.md), or None when it
/// holds something no caseload column can: overrides, a yearly income, medical-insurance
/// payments, or no member. Incomes of one kind are added up (one column per kind), text
/// is trimmed (the reader trims cells) and supporters lose their names (the column holds
/// situations only).
pub fn caseload_form(household: &Household) -> Option<Household> {
    // A caseload has no column for the family's own incomes (yet).
    if !household.caseworker.overrides.is_empty()
        || household.members.is_empty()
        || !household.family.incomes.is_empty()
    {
        return None;
    }
    let mut form = household.clone();
    form.county = form.county.trim().to_string();
    for member in &mut form.members {
        member.name = member.name.trim().to_string();
        member.serious_illness = member
            .serious_illness
            .as_ref()
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty());
        if let Some(supporters) = &mut member.supporters {
            for supporter in supporters {
                supporter.name.clear();
            }
        }
        let mut sums: Vec<(IncomeKind, Decimal)> = Vec::new();
        for income in &member.incomes {
            if income.per == Period::Year || income.kind == IncomeKind::MedicalInsurance {
                return None;
            }
            match sums.iter_mut().find(|(kind, _)| *kind == income.kind) {
                Some((_, sum)) => *sum = sum.checked_add(income.amount.0)?,
                None => sums.push((income.kind, income.amount.0)),
            }
        }
        // In the order of the columns, as the reader gives them back.
        member.incomes = INCOME_KINDS
            .iter()
            .filter_map(|kind| {
                sums.iter()
                    .find(|(summed, _)| summed == kind)
                    .map(|(_, sum)| Income {
                        kind: *kind,
                        amount: Money(*sum),
                        per: Period::Month,
                    })
            })
            .collect();
    }
    Some(form)
}

/// The rows of a household in the caseload format (the caseload's own writer, from the
/// rules' field table); household columns on the first row only. Give it a
/// [`caseload_form`].
pub fn caseload_rows(out: &mut String, id: &str, household: &Household) {
    doudi_caseload::household::write_rows(out, id, household);
}

/// A caseload of one household (header and rows).
pub fn caseload_csv(id: &str, household: &Household) -> String {
    let mut out = doudi_caseload::INPUT_COLUMNS.join(",");
    out.push('\n');
    caseload_rows(&mut out, id, household);
    out
}

/// The result rows of a caseload run (BOM stripped), as maps from column to cell.
pub fn result_rows(output: &str) -> Vec<BTreeMap<String, String>> {
    let output = output.strip_prefix(doudi_caseload::BOM).unwrap_or(output);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(output.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("the result has a header")
        .iter()
        .map(str::to_string)
        .collect();
    reader
        .records()
        .map(|record| {
            let record = record.expect("the result is CSV");
            header
                .iter()
                .cloned()
                .zip(record.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

// ---- Checks -------------------------------------------------------------------------

fn shown(amount: Option<Decimal>) -> String {
    amount
        .map(|amount| amount.normalize().to_string())
        .unwrap_or_default()
}

fn status_of(assessment: &Assessment, programme: Programme) -> String {
    assessment
        .programmes
        .iter()
        .find(|outcome| outcome.programme == programme)
        .map(|outcome| outcome.status.id().to_string())
        .unwrap_or_default()
}

/// Panics unless a caseload result row says what the assessment says (the columns of
/// docs/batch-format.md that carry figures and statuses), or is an error row when the
/// assessment is an error.
pub fn check_row(
    row: &BTreeMap<String, String>,
    assessed: &std::result::Result<Assessment, InputError>,
    what: &str,
) {
    let cell = |column: &str| row.get(column).cloned();
    let error = cell("error").unwrap_or_default();
    match assessed {
        Err(expected) => assert!(
            !error.is_empty(),
            "{what}: assess gives an error ({expected}) but the caseload row has none: {row:?}"
        ),
        Ok(assessment) => {
            assert!(
                error.is_empty(),
                "{what}: assess succeeds but the caseload row is an error: {error}"
            );
            let expected = [
                ("members", assessment.household_size.to_string()),
                ("dibao_status", status_of(assessment, Programme::Dibao)),
                ("total_monthly", shown(Some(assessment.total_monthly))),
                ("total_monthly_min", shown(assessment.total_monthly_min)),
                ("total_monthly_max", shown(assessment.total_monthly_max)),
                (
                    "gradual_exit_status",
                    status_of(assessment, Programme::GradualExit),
                ),
                (
                    "time_limited_monthly",
                    shown(assessment.time_limited.as_ref().map(|paid| paid.monthly)),
                ),
                (
                    "time_limited_months",
                    assessment
                        .time_limited
                        .as_ref()
                        .map(|paid| paid.months.to_string())
                        .unwrap_or_default(),
                ),
                (
                    "conditional_monthly",
                    shown(assessment.conditional.as_ref().map(|paid| paid.monthly)),
                ),
                (
                    "marginal_family_status",
                    status_of(assessment, Programme::MarginalFamily),
                ),
            ];
            for (column, want) in expected {
                if let Some(got) = cell(column) {
                    assert_eq!(
                        got, want,
                        "{what}: column {column}: caseload {got:?}, assess {want:?}"
                    );
                }
            }
        }
    }
}

/// Whether two assessments carry the same figures and decisions (what the trace and the
/// words must never change): totals and ranges, the money apart from the total, the
/// dibao household, every outcome's status, payment, route and amounts; and, when `b`
/// has words (`Options::text`), the criteria states and missing fields too; when it has
/// none, it must list no criterion, missing field or member label (its statuses come
/// from a tally of the criteria). The first difference, if any.
pub fn figures_differ(a: &Assessment, b: &Assessment, b_has_words: bool) -> Option<String> {
    macro_rules! same {
        ($left:expr, $right:expr, $what:expr) => {
            if $left != $right {
                return Some(format!("{}: {:?} != {:?}", $what, $left, $right));
            }
        };
    }
    same!(a.rules_version, b.rules_version, "rules_version");
    same!(a.date, b.date, "date");
    same!(a.household_size, b.household_size, "household_size");
    same!(a.dibao_members, b.dibao_members, "dibao_members");
    same!(
        a.counted_income_monthly,
        b.counted_income_monthly,
        "counted_income_monthly"
    );
    same!(
        a.counted_income_per_person_monthly,
        b.counted_income_per_person_monthly,
        "counted_income_per_person_monthly"
    );
    same!(a.total_monthly, b.total_monthly, "total_monthly");
    same!(
        a.total_monthly_min,
        b.total_monthly_min,
        "total_monthly_min"
    );
    same!(
        a.total_monthly_max,
        b.total_monthly_max,
        "total_monthly_max"
    );
    same!(a.total_basis, b.total_basis, "total_basis");
    let limited = |x: &Assessment| {
        x.time_limited.as_ref().map(|paid| {
            (
                paid.monthly,
                paid.months,
                paid.first_month.clone(),
                paid.last_month.clone(),
                paid.basis,
            )
        })
    };
    same!(limited(a), limited(b), "time_limited");
    let conditional = |x: &Assessment| {
        x.conditional
            .as_ref()
            .map(|paid| (paid.monthly, paid.basis))
    };
    same!(conditional(a), conditional(b), "conditional");
    let published = |x: &Assessment| {
        x.not_published
            .iter()
            .map(|used| used.id)
            .collect::<Vec<_>>()
    };
    same!(published(a), published(b), "not_published");
    same!(a.programmes.len(), b.programmes.len(), "number of outcomes");
    for (index, (x, y)) in a.programmes.iter().zip(&b.programmes).enumerate() {
        let at = |field: &str| format!("programmes[{index}] ({:?}).{field}", x.programme);
        same!(x.programme, y.programme, at("programme"));
        same!(x.member, y.member, at("member"));
        same!(x.status, y.status, at("status"));
        same!(x.payment, y.payment, at("payment"));
        same!(
            x.alternative.is_some(),
            y.alternative.is_some(),
            at("alternative")
        );
        same!(x.monthly, y.monthly, at("monthly"));
        same!(x.yearly, y.yearly, at("yearly"));
        same!(x.monthly_min, y.monthly_min, at("monthly_min"));
        same!(x.monthly_max, y.monthly_max, at("monthly_max"));
        same!(x.amount_basis, y.amount_basis, at("amount_basis"));
        let criteria = |outcome: &doudi_rules::Outcome| {
            outcome
                .criteria
                .iter()
                .map(|criterion| (criterion.id, criterion.state))
                .collect::<Vec<_>>()
        };
        let missing = |outcome: &doudi_rules::Outcome| {
            outcome
                .missing
                .iter()
                .map(|missing| missing.field.clone())
                .collect::<Vec<_>>()
        };
        if b_has_words {
            same!(criteria(x), criteria(y), at("criteria"));
            same!(missing(x), missing(y), at("missing"));
        } else {
            same!(y.criteria.len(), 0, at("criteria (figures only)"));
            same!(y.missing.len(), 0, at("missing (figures only)"));
            same!(y.member_label.is_some(), false, at("member_label (figures only)"));
        }
        let timeline = |outcome: &doudi_rules::Outcome| {
            outcome
                .timeline
                .iter()
                .map(|month| (month.month.clone(), month.amount))
                .collect::<Vec<_>>()
        };
        same!(timeline(x), timeline(y), at("timeline"));
    }
    None
}

/// Panics unless the assessment's own arithmetic holds: the monthly total is the sum of
/// the counted outcomes paid every month (and its range the sum of their ranges), money
/// for a limited period or on a trigger comes from a counted outcome of that kind and is
/// never in the total, every amount lies within its range, no amount is negative, and a
/// person has one route.
pub fn check_assessment(assessment: &Assessment, what: &str) {
    let mut total = Decimal::ZERO;
    let mut low = Decimal::ZERO;
    let mut high = Decimal::ZERO;
    let mut ranged = false;
    let mut limited = None;
    let mut conditional = None;
    for outcome in &assessment.programmes {
        let programme = outcome.programme;
        for amount in [
            outcome.monthly,
            outcome.yearly,
            outcome.monthly_min,
            outcome.monthly_max,
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                !amount.is_sign_negative() || amount.is_zero(),
                "{what}: {programme:?} has a negative amount {amount}"
            );
        }
        assert_eq!(
            outcome.monthly_min.is_some(),
            outcome.monthly_max.is_some(),
            "{what}: {programme:?} has half a range"
        );
        if let (Some(min), Some(max)) = (outcome.monthly_min, outcome.monthly_max) {
            let monthly = outcome.monthly.unwrap_or_default();
            assert!(
                min <= monthly && monthly <= max,
                "{what}: {programme:?} (member {:?}, {:?}) amount {monthly} outside its range {min} … {max}",
                outcome.member,
                outcome.status,
            );
        }
        let expected_payment = match programme {
            Programme::Dibao | Programme::SinglePerson | Programme::Tekun => Payment::Monthly,
            Programme::GradualExit => Payment::TimeLimited,
            Programme::PriceSubsidy => Payment::Conditional,
            Programme::MarginalFamily | Programme::TemporaryAssistance => Payment::NoCash,
        };
        assert_eq!(
            outcome.payment, expected_payment,
            "{what}: {programme:?} is paid as {:?}",
            outcome.payment
        );
        if !outcome.counts() {
            continue;
        }
        let Some(monthly) = outcome.monthly else {
            continue;
        };
        match outcome.payment {
            Payment::Monthly => {
                total += monthly;
                low += outcome.monthly_min.unwrap_or(monthly);
                high += outcome.monthly_max.unwrap_or(monthly);
                ranged |= outcome.monthly_min.is_some();
            }
            Payment::TimeLimited => limited = Some(monthly),
            Payment::Conditional => conditional = Some(monthly),
            Payment::NoCash => {}
        }
    }
    assert_eq!(
        assessment.total_monthly, total,
        "{what}: total_monthly is not the sum of the counted monthly outcomes"
    );
    if ranged {
        assert_eq!(
            assessment.total_monthly_min,
            Some(low),
            "{what}: total_monthly_min"
        );
        assert_eq!(
            assessment.total_monthly_max,
            Some(high),
            "{what}: total_monthly_max"
        );
    } else {
        assert_eq!(
            assessment.total_monthly_min, None,
            "{what}: total_monthly_min without a range"
        );
        assert_eq!(
            assessment.total_monthly_max, None,
            "{what}: total_monthly_max without a range"
        );
    }
    if let (Some(min), Some(max)) = (assessment.total_monthly_min, assessment.total_monthly_max) {
        assert!(
            min <= assessment.total_monthly && assessment.total_monthly <= max,
            "{what}: total {} outside its range {min} … {max}",
            assessment.total_monthly
        );
    }
    if let Some(paid) = &assessment.time_limited {
        assert_eq!(
            Some(paid.monthly),
            limited,
            "{what}: time_limited does not come from the counted gradual exit"
        );
    }
    assert_eq!(
        assessment.conditional.as_ref().map(|paid| paid.monthly),
        conditional,
        "{what}: conditional does not come from the counted price subsidy"
    );
    // One person, one route: tekun members are outside the dibao household; the
    // single-person route is counted only when the family's dibao is not, and never
    // together with gradual exit.
    let counted = |programme: Programme| {
        assessment
            .programmes
            .iter()
            .filter(move |outcome| outcome.programme == programme && outcome.counts())
    };
    for tekun in counted(Programme::Tekun) {
        if let Some(member) = tekun.member {
            assert!(
                !assessment.dibao_members.contains(&member),
                "{what}: member {member} is counted as tekun and in the dibao household"
            );
        }
    }
    if counted(Programme::SinglePerson).next().is_some() {
        assert!(
            counted(Programme::Dibao).next().is_none(),
            "{what}: the single-person route and the family's dibao are both counted"
        );
        assert!(
            counted(Programme::GradualExit).next().is_none(),
            "{what}: the single-person route and gradual exit are both counted"
        );
    }
}

/// The members whose single-person route is counted.
pub fn single_person_members(assessment: &Assessment) -> Vec<usize> {
    assessment
        .programmes
        .iter()
        .filter(|outcome| outcome.programme == Programme::SinglePerson && outcome.counts())
        .filter_map(|outcome| outcome.member)
        .collect()
}

/// The same household with one income of one member raised (an income given, or a new
/// one of a kind that counts for dibao), and nothing else changed; None when the household
/// has no member.
pub fn raise_one_income(u: &mut Unstructured, household: &Household) -> Result<Option<Household>> {
    if household.members.is_empty() {
        return Ok(None);
    }
    let mut raised = household.clone();
    let index = u.choose_index(raised.members.len())?;
    let member = &mut raised.members[index];
    let delta = if u.arbitrary()? {
        Decimal::from(u.int_in_range(1i64..=3000)?)
    } else {
        Decimal::new(u.int_in_range(1i64..=300_000)?, 2)
    };
    if !member.incomes.is_empty() && u.arbitrary()? {
        let income = u.choose_index(member.incomes.len())?;
        let amount = &mut member.incomes[income].amount.0;
        let Some(sum) = amount.checked_add(delta) else {
            return Ok(None);
        };
        *amount = sum;
    } else {
        member.incomes.push(Income {
            kind: *pick(
                u,
                &[
                    IncomeKind::Wages,
                    IncomeKind::Business,
                    IncomeKind::Property,
                    IncomeKind::Transfer,
                    IncomeKind::SupportReceived,
                ],
            )?,
            amount: Money(delta),
            per: if u.ratio(1u8, 6)? {
                Period::Year
            } else {
                Period::Month
            },
        });
    }
    Ok(Some(raised))
}

/// Why the monthly total may rise when only income rises, where a rule says so; None when
/// no documented rule explains it.
///
/// - The single-person notch (crates/rules/src/single_person.rs, "the notch at the dibao
///   line is the rule as written"): the single-person route is only for a family that
///   does not qualify as a whole, so when the family's income reaches the dibao line a
///   severely disabled or seriously ill member may be covered alone, for more than the
///   family's dibao gave.
/// - A pending tekun member rejoins the dibao household (crates/rules/src/lib.rs: "a
///   member marked as tekun now stays out while the rules only wait for information; one
///   the rules find not eligible rejoins the household with their income"): while their
///   tekun outcome waits for information it is not counted and they are outside the
///   dibao household; once their own income reaches the tekun line they are not eligible,
///   rejoin the household, and its dibao (with their top-up) is counted.
/// - The lower total is the least of a range (docs/assessment-format.md: "the least amount
///   where a tekun care tier is not yet assessed"): a tekun member whose self-care is not
///   assessed is counted at the basic living amount alone, with the care amounts in the
///   range above it. When their income reaches the tekun line they rejoin the dibao
///   household, whose amount is an estimate, not a least amount; the support has not risen
///   while the higher total is within the lower's range (a fuzz finding: 1800–2693 at
///   337.50 元, about 1895 at 450 元).
pub fn rise_explained(lower: &Assessment, higher: &Assessment) -> Option<&'static str> {
    let before = single_person_members(lower);
    if single_person_members(higher)
        .iter()
        .any(|member| !before.contains(member))
    {
        return Some("single-person route opened");
    }
    let pending_tekun = |member: usize| {
        lower.programmes.iter().any(|outcome| {
            outcome.programme == Programme::Tekun
                && outcome.member == Some(member)
                && outcome.status == doudi_rules::Status::NeedsMoreInformation
        })
    };
    if higher
        .dibao_members
        .iter()
        .any(|member| !lower.dibao_members.contains(member) && pending_tekun(*member))
    {
        return Some("a pending tekun member rejoined the dibao household");
    }
    if lower
        .total_monthly_max
        .is_some_and(|most| higher.total_monthly <= most)
    {
        return Some("the lower total is the least of a range that holds the higher");
    }
    None
}

//! Property tests (proptest), each at a modest number of cases so that the suite stays fast:
//! - amounts are never negative: every outcome's monthly, yearly, min and max, and the
//!   total with its range;
//! - the dibao amount never rises when counted income rises (same household, more wages),
//!   urban and rural, with the tier chosen or estimated;
//! - the programmes together: no member is paid every month by two routes (tekun, the
//!   dibao household, the single-person route, gradual exit); a family on dibao is
//!   neither leaving it nor a marginal family; the monthly total is the sum of its parts,
//!   all of them paid every month; each status is what its criteria say, and an outcome
//!   that waits for information asks for it; figures only decides what the whole
//!   assessment decides;
//! - a reform that sets a parameter to the value in force decides as no reform;
//! - the what-if chart: its current support is the headline's total, every point is what
//!   `assess` says at that income, and the next change is where what comes every month
//!   first changes in kind;
//! - no input panics: arbitrary JSON trees, and valid households with random deletions and
//!   random values in place of fields, go through `serde_json::from_value::<Household>` and
//!   `assess` (and `what_if`) and come back as Ok or Err.

use doudi_rules::fields::Named;
use doudi_rules::household::{DisabilityKind, IncomeKind, Period, Student, SupporterSituation};
use doudi_rules::outcome::State;
use doudi_rules::policy::{Date, PLACES};
use doudi_rules::reform::{ChangeInput, ReformInput};
use doudi_rules::what_if::{household_at, what_if};
use doudi_rules::{
    assess, assess_under, Category, Decimal, Household, Options, Outcome, Payment, Programme,
    Status,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Map, Value};

const CASES: u32 = 256;

/// `CASES` cases per property, or PROPTEST_CASES when set (for a longer hunt).
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---- generators of valid households (as JSON) ----------------------------------------

fn county() -> impl Strategy<Value = String> {
    (0..PLACES.len()).prop_map(|index| PLACES[index].id.to_string())
}

/// A date from the first modelled date (2023-01-01) to 2027-11-29, as "YYYY-MM-DD".
fn date() -> impl Strategy<Value = String> {
    (2023u16..=2027, 1u8..=12, 1u8..=31).prop_map(|(year, month, day)| {
        let day = day.min(doudi_policy::days_in_month(year, month));
        let date = Date::new(year, month, day).min(Date::new(2027, 11, 29));
        date.to_string()
    })
}

/// An amount in fen, written as "123.45" or, when whole, sometimes as a JSON integer.
fn amount(max_fen: u64) -> impl Strategy<Value = Value> {
    (0..=max_fen, any::<bool>()).prop_map(|(fen, integer)| {
        if integer && fen % 100 == 0 {
            json!(fen / 100)
        } else {
            json!(format!("{}.{:02}", fen / 100, fen % 100))
        }
    })
}

fn income() -> impl Strategy<Value = Value> {
    let kinds = prop::sample::select(IncomeKind::NAMES.to_vec());
    (
        kinds,
        amount(1_500_000),
        prop::sample::select(Period::NAMES.to_vec()),
    )
        .prop_map(|(kind, amount, per)| {
            let amount = if per == "year" {
                // A yearly figure of up to 12 × 15000 yuan.
                match amount {
                    Value::String(text) => json!(format!(
                        "{}",
                        text.parse::<Decimal>().unwrap() * Decimal::from(12)
                    )),
                    Value::Number(number) => json!(number.as_u64().unwrap() * 12),
                    other => other,
                }
            } else {
                amount
            };
            json!({ "kind": kind, "amount": amount, "per": per })
        })
}

fn self_care() -> impl Strategy<Value = Value> {
    prop::array::uniform6(any::<bool>()).prop_map(|items| {
        json!({
            "eating": items[0], "dressing": items[1], "getting_in_and_out_of_bed": items[2],
            "toileting": items[3], "walking_indoors": items[4], "bathing": items[5]
        })
    })
}

fn supporters() -> impl Strategy<Value = Value> {
    let situation = prop::sample::select(SupporterSituation::NAMES.to_vec());
    prop::collection::vec(
        situation.prop_map(|situation| json!({ "situation": situation })),
        0..3,
    )
    .prop_map(Value::Array)
}

fn member(may_be_tekun: bool) -> impl Strategy<Value = Value> {
    let disability = prop::option::weighted(
        0.3,
        (
            prop::sample::select(DisabilityKind::NAMES.to_vec()),
            1u8..=4,
        )
            .prop_map(|(kind, grade)| json!({ "kind": kind, "grade": grade })),
    );
    let illness = prop::option::weighted(
        0.2,
        prop::sample::select(vec!["肺癌", "脑卒中", "儿童白血病", "高血压", "糖尿病"]),
    );
    let student = prop::sample::select(Student::NAMES.to_vec());
    (
        (
            0u32..=105,
            disability,
            illness,
            student,
            prop::collection::vec(income(), 0..3),
        ),
        (
            prop::option::weighted(0.2, amount(100_000)),
            prop::bool::weighted(if may_be_tekun { 0.15 } else { 0.0 }),
            prop::option::weighted(0.4, self_care()),
            prop::option::weighted(0.5, supporters()),
            prop::option::of(any::<bool>()),
        ),
    )
        .prop_map(
            |(
                (age, disability, illness, student, incomes),
                (costs, tekun, care, supporters, property),
            )| {
                let mut member = Map::new();
                member.insert("age".into(), json!(age));
                member.insert("student".into(), json!(student));
                member.insert("incomes".into(), Value::Array(incomes));
                member.insert("tekun".into(), json!(tekun));
                for (key, value) in [
                    ("disability", disability),
                    ("serious_illness", illness.map(|name| json!(name))),
                    ("employment_costs", costs),
                    ("self_care", care),
                    ("supporters", supporters),
                    (
                        "own_property_within_limits",
                        property.map(|flag| json!(flag)),
                    ),
                ] {
                    if let Some(value) = value {
                        member.insert(key.into(), value);
                    }
                }
                Value::Object(member)
            },
        )
}

fn overrides() -> impl Strategy<Value = Value> {
    // Parameters that are assumed on every modelled date, so a caseworker may replace them.
    let one = prop_oneof![
        prop::sample::select(vec!["0", "1"])
            .prop_map(|value| ("dibao.rural.cap_at_gap", value.to_string())),
        (0u32..=24).prop_map(|months| ("gradual_exit.months", months.to_string())),
        prop::sample::select(vec!["0", "0.5", "0.75", "1"])
            .prop_map(|ratio| ("gradual_exit.pay_ratio", ratio.to_string())),
        (0u32..=400).prop_map(|costs| ("income.employment_cost_default", costs.to_string())),
        (0u32..=100).prop_map(|yuan| ("price.amount_per_person", yuan.to_string())),
        prop::sample::select(vec!["0.01", "0.1", "1"])
            .prop_map(|step| ("dibao.payment_round_step", step.to_string())),
    ];
    prop::collection::vec(one, 0..3).prop_map(|pairs| {
        let mut map = Map::new();
        for (id, value) in pairs {
            map.insert(id.to_string(), json!(value));
        }
        Value::Object(map)
    })
}

fn percent() -> impl Strategy<Value = Value> {
    (-20i32..=90).prop_map(|tenths| json!(format!("{}", Decimal::new(i64::from(tenths), 1))))
}

/// A valid household (it may still be refused, e.g. a tier D chosen before it existed).
fn valid_household() -> impl Strategy<Value = Value> {
    (
        (
            county(),
            prop::sample::select(Category::NAMES.to_vec()),
            date(),
            prop::collection::vec(member(true), 1..6),
        ),
        (
            any::<bool>(),
            any::<bool>(),
            prop::option::weighted(0.8, any::<bool>()),
            any::<bool>(),
            prop::option::weighted(0.5, amount(300_000)),
        ),
        (
            prop::option::weighted(0.5, prop::sample::select(vec!["A", "B", "C", "D", "E"])),
            overrides(),
            prop::option::weighted(0.5, percent()),
            prop::option::weighted(0.3, percent()),
        ),
    )
        .prop_map(
            |(
                (county, category, date, members),
                (alleviated, marginal, property, on_dibao, current),
                (tier, overrides, cpi, food),
            )| {
                let mut family = Map::new();
                family.insert("poverty_alleviated".into(), json!(alleviated));
                family.insert("marginal".into(), json!(marginal));
                family.insert("on_dibao".into(), json!(on_dibao));
                if let Some(property) = property {
                    family.insert("property_within_limits".into(), json!(property));
                }
                if let Some(current) = current {
                    family.insert("current_dibao_monthly".into(), current);
                }
                let mut caseworker = Map::new();
                caseworker.insert("overrides".into(), overrides);
                if let Some(tier) = tier {
                    caseworker.insert("rural_tier".into(), json!(tier));
                }
                if let Some(cpi) = cpi {
                    caseworker.insert("cpi_rise".into(), cpi);
                }
                if let Some(food) = food {
                    caseworker.insert("food_cpi_rise".into(), food);
                }
                json!({
                    "county": county, "category": category, "date": date,
                    "members": members, "family": family, "caseworker": caseworker
                })
            },
        )
}

fn parse(value: &Value) -> Household {
    serde_json::from_value(value.clone()).unwrap_or_else(|error| {
        panic!("the generator made an invalid household ({error}): {value}")
    })
}

// ---- amounts are never negative ----------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn amounts_are_never_negative(value in valid_household()) {
        let household = parse(&value);
        if let Ok(assessment) = assess(&household, Options::default()) {
            let zero = Decimal::ZERO;
            prop_assert!(assessment.total_monthly >= zero, "total {}", assessment.total_monthly);
            for amount in [assessment.total_monthly_min, assessment.total_monthly_max].into_iter().flatten() {
                prop_assert!(amount >= zero, "total range {amount}");
            }
            prop_assert!(assessment.counted_income_monthly >= zero);
            for outcome in &assessment.programmes {
                for (field, amount) in [("monthly", outcome.monthly), ("yearly", outcome.yearly), ("monthly_min", outcome.monthly_min), ("monthly_max", outcome.monthly_max)] {
                    if let Some(amount) = amount {
                        prop_assert!(amount >= zero, "{:?} {field} is {amount}", outcome.programme);
                    }
                }
                if let (Some(min), Some(max)) = (outcome.monthly_min, outcome.monthly_max) {
                    prop_assert!(min <= max, "{:?}: min {min} > max {max}", outcome.programme);
                }
                for month in &outcome.timeline {
                    prop_assert!(month.amount >= zero, "{:?} timeline {} is {}", outcome.programme, month.month, month.amount);
                }
            }
        }
    }
}

// ---- the dibao amount never rises with income --------------------------------------

/// A household with property within the limits and `fen` of wages added to member 0.
/// Member 0 is not tekun and has a supporter able to support, so that member 0 can never
/// be found eligible for tekun: otherwise a rise in wages could move member 0 from tekun
/// into the dibao household (tekun replaces dibao for an eligible member), and the dibao
/// household would not be the same household any more.
fn with_wages(base: &Value, fen: u64) -> Household {
    let mut value = base.clone();
    let first = &mut value["members"][0];
    first["tekun"] = json!(false);
    first["supporters"] = json!([{ "situation": "able" }]);
    let wage = json!({ "kind": "wages", "amount": format!("{}.{:02}", fen / 100, fen % 100) });
    match first.get_mut("incomes") {
        Some(Value::Array(incomes)) => incomes.push(wage),
        _ => first["incomes"] = json!([wage]),
    }
    value["family"]["property_within_limits"] = json!(true);
    parse(&value)
}

fn dibao_monthly(household: &Household) -> Option<Decimal> {
    let assessment = assess(household, Options::QUIET).ok()?;
    let dibao = assessment
        .programmes
        .iter()
        .find(|outcome| outcome.programme == Programme::Dibao)?;
    Some(dibao.monthly.unwrap_or(Decimal::ZERO))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_dibao_amount_never_rises_when_wages_rise(
        base in valid_household(),
        category in prop::sample::select(Category::NAMES.to_vec()),
        tier in prop::option::of(prop::sample::select(vec!["A", "B", "C"])),
        wages in 0u64..=300_000,
        more in 1u64..=300_000,
    ) {
        let mut base = base;
        base["category"] = json!(category);
        match tier {
            Some(tier) => base["caseworker"]["rural_tier"] = json!(tier),
            None => { base["caseworker"].as_object_mut().unwrap().remove("rural_tier"); }
        }
        let lower = with_wages(&base, wages);
        let higher = with_wages(&base, wages + more);
        if let (Some(before), Some(after)) = (dibao_monthly(&lower), dibao_monthly(&higher)) {
            prop_assert!(after <= before, "{category} tier {tier:?}: {before} with {wages} fen of wages, {after} with {} fen", wages + more);
        }
    }
}

// ---- the programmes together: one route a person, a total that adds up -------------

/// The members an outcome pays every month, where it is counted: the dibao household
/// for dibao (and for gradual exit, the same family leaving it), the member for the
/// single-person route and tekun.
fn paid_members(assessment: &doudi_rules::Assessment, outcome: &Outcome) -> Vec<usize> {
    if !outcome.counts() || outcome.monthly.is_none() {
        return Vec::new();
    }
    match outcome.programme {
        Programme::Dibao | Programme::GradualExit => assessment.dibao_members.clone(),
        Programme::SinglePerson | Programme::Tekun => outcome.member.into_iter().collect(),
        _ => Vec::new(),
    }
}

/// What an outcome decided, as figures (status, amounts, whether it is an alternative),
/// apart from its basis.
fn figures(outcome: &Outcome) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {}",
        outcome.programme,
        outcome.member,
        outcome.status,
        outcome.monthly,
        outcome.yearly,
        outcome.monthly_min,
        outcome.monthly_max,
        outcome.alternative.is_some(),
    )
}

proptest! {
    #![proptest_config(config())]

    /// 汉民发〔2021〕52号 and the notes' "alternatives are not added": one person is
    /// supported by one route at a time (tekun, the dibao household, the single-person
    /// route, gradual exit); a family on dibao is neither leaving it nor a marginal
    /// family; the monthly total is exactly the money that comes every month.
    #[test]
    fn one_route_a_person_and_a_total_that_adds_up(value in valid_household()) {
        let household = parse(&value);
        let Ok(assessment) = assess(&household, Options::default()) else {
            return Ok(());
        };
        let mut paid: Vec<(usize, Programme)> = Vec::new();
        for outcome in &assessment.programmes {
            for member in paid_members(&assessment, outcome) {
                if let Some((_, first)) = paid.iter().find(|(seen, _)| *seen == member) {
                    prop_assert!(false, "member {member} is paid by {first:?} and by {:?}", outcome.programme);
                }
                paid.push((member, outcome.programme));
            }
        }
        let counts = |programme: Programme| {
            assessment
                .programmes
                .iter()
                .any(|outcome| outcome.programme == programme && outcome.counts())
        };
        if counts(Programme::Dibao) {
            prop_assert!(!counts(Programme::GradualExit), "dibao and gradual exit both counted");
            prop_assert!(!counts(Programme::MarginalFamily), "dibao and the marginal family both counted");
        }
        // A tekun member who is counted is not in the dibao household.
        for outcome in &assessment.programmes {
            if outcome.programme == Programme::Tekun && outcome.status == Status::Eligible {
                if let Some(member) = outcome.member {
                    prop_assert!(!assessment.dibao_members.contains(&member), "tekun member {member} is also in the dibao household");
                }
            }
        }
        prop_assert_eq!(assessment.household_size, assessment.dibao_members.len());
        let parts: Decimal = assessment
            .monthly_parts()
            .filter_map(|(_, outcome)| outcome.monthly)
            .sum();
        prop_assert_eq!(parts, assessment.total_monthly);
        for (_, outcome) in assessment.monthly_parts() {
            prop_assert_eq!(outcome.payment, Payment::Monthly, "{:?} is in the monthly total", outcome.programme);
        }
        if let Some(limited) = &assessment.time_limited {
            prop_assert!(counts(limited.programme), "time-limited money from an outcome that is not counted");
        }
    }

    /// "Cards built on unanswered questions": an outcome's status is what its criteria
    /// say (any not met: not eligible; else any unknown: more information needed, with
    /// the question asked; else eligible).
    #[test]
    fn every_status_is_what_its_criteria_say(value in valid_household()) {
        let household = parse(&value);
        let Ok(assessment) = assess(&household, Options::default()) else {
            return Ok(());
        };
        for outcome in &assessment.programmes {
            let not_met = outcome.criteria.iter().any(|criterion| criterion.state == State::NotMet);
            let unknown = outcome.criteria.iter().any(|criterion| criterion.state == State::Unknown);
            let at = format!("{:?} (member {:?})", outcome.programme, outcome.member);
            if outcome.criteria.is_empty() {
                continue;
            }
            match outcome.status {
                Status::Eligible => prop_assert!(!not_met && !unknown, "{at} eligible with a criterion not met or unknown"),
                Status::NotEligible => prop_assert!(not_met, "{at} not eligible with every criterion met or unknown"),
                Status::NeedsMoreInformation => {
                    prop_assert!(!not_met && unknown, "{at} waits for information, not_met {not_met}, unknown {unknown}");
                    // Temporary assistance is decided on the hardship by the office, case
                    // by case: nothing the calculator could ask settles it.
                    if outcome.programme != Programme::TemporaryAssistance {
                        prop_assert!(!outcome.missing.is_empty(), "{at} waits for information and asks nothing");
                    }
                }
            }
        }
    }

    /// Figures only decides what the whole assessment decides: the what-if chart and the
    /// caseload read figures only, the cards read the whole.
    #[test]
    fn figures_only_decides_what_the_whole_assessment_decides(value in valid_household()) {
        let household = parse(&value);
        let whole = assess(&household, Options::default());
        let figures_only = assess(&household, Options::FIGURES);
        match (whole, figures_only) {
            (Ok(whole), Ok(figures_only)) => {
                prop_assert_eq!(whole.total_monthly, figures_only.total_monthly);
                prop_assert_eq!(whole.total_monthly_min, figures_only.total_monthly_min);
                prop_assert_eq!(whole.total_monthly_max, figures_only.total_monthly_max);
                prop_assert_eq!(&whole.dibao_members, &figures_only.dibao_members);
                prop_assert_eq!(whole.counted_income_monthly, figures_only.counted_income_monthly);
                let a: Vec<(String, _)> = whole.programmes.iter().map(|outcome| (figures(outcome), outcome.amount_basis)).collect();
                let b: Vec<(String, _)> = figures_only.programmes.iter().map(|outcome| (figures(outcome), outcome.amount_basis)).collect();
                prop_assert_eq!(a, b);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.field, b.field),
            (a, b) => prop_assert!(false, "the whole assessment {:?}, figures only {:?}", a.is_ok(), b.is_ok()),
        }
    }
}

// ---- the what-if chart tells what the total tells -------------------------------------

proptest! {
    // Each case assesses the household again at every point of its curve: a quarter of
    // the cases of the other properties.
    #![proptest_config(ProptestConfig { cases: config().cases / 4, ..config() })]

    /// "One truth in chart and total": the chart's current support is the headline's
    /// monthly total (and its gradual exit the headline's), every point of the curve is
    /// what `assess` gives for the household rewritten to that earned income, and the
    /// next change is where what comes every month first changes in kind: there the
    /// programmes in the total differ from now, one fen below they do not.
    #[test]
    fn every_point_of_the_what_if_chart_is_what_assess_says_there(value in valid_household()) {
        let household = parse(&value);
        let Ok(headline) = assess(&household, Options::FIGURES) else {
            return Ok(());
        };
        let curve = match what_if(&household) {
            Ok(curve) => curve,
            Err(error) => {
                prop_assert!(false, "what-if refused a household assess took: {error:?}");
                return Ok(());
            }
        };
        prop_assert_eq!(curve.current.support, headline.total_monthly);
        prop_assert_eq!(curve.current.exit_monthly, headline.time_limited.as_ref().map(|exit| exit.monthly));
        let at = |earned: Decimal| -> Result<doudi_rules::Assessment, TestCaseError> {
            let rewritten = household_at(&household, earned)
                .map_err(|error| TestCaseError::fail(format!("rewrite at {earned}: {error:?}")))?;
            assess(&rewritten, Options::FIGURES)
                .map_err(|error| TestCaseError::fail(format!("assess at {earned}: {error:?}")))
        };
        // What comes every month, in kind: the programmes (and members) in the total.
        let kinds = |assessment: &doudi_rules::Assessment| -> Vec<(Programme, Option<usize>)> {
            assessment
                .monthly_parts()
                .map(|(_, outcome)| (outcome.programme, outcome.member))
                .collect()
        };
        for point in &curve.points {
            prop_assert_eq!(at(point.earned)?.total_monthly, point.support, "at earned {}", point.earned);
        }
        if let Some(change) = &curve.next_change {
            let there = at(change.earned)?;
            prop_assert_eq!(there.total_monthly, change.support, "at the next change {}", change.earned);
            prop_assert_ne!(kinds(&there), kinds(&headline), "nothing changes in kind at {}", change.earned);
            let below = change.earned - Decimal::new(1, 2);
            if below >= curve.current.earned {
                prop_assert_eq!(kinds(&at(below)?), kinds(&headline), "a change in kind before {}", change.earned);
            }
        }
    }
}

// ---- a reform that changes nothing changes nothing ------------------------------------

/// What an assessment decided, apart from its words and its bases (a reform's value is
/// marked as the reform's even where it equals policy's).
fn decided(assessment: &doudi_rules::Assessment) -> String {
    let outcomes: Vec<String> = assessment.programmes.iter().map(figures).collect();
    format!(
        "{} {:?} {:?} {:?} {} {:?} {:?}",
        assessment.total_monthly,
        assessment.total_monthly_min,
        assessment.total_monthly_max,
        assessment.dibao_members,
        assessment.counted_income_monthly,
        assessment
            .time_limited
            .as_ref()
            .map(|limited| (limited.monthly, limited.months)),
        outcomes,
    )
}

proptest! {
    #![proptest_config(config())]

    /// Reform costing reads a reform's value wherever the rules read the parameter: a
    /// reform that sets any parameter, from the assessment date, to the value policy has
    /// then decides exactly what no reform decides (only the bases differ, the reform's
    /// being marked as such).
    #[test]
    fn a_reform_to_the_values_in_force_decides_as_no_reform(value in valid_household(), which in any::<Index>()) {
        let household = parse(&value);
        let Ok(plain) = assess(&household, Options::FIGURES) else {
            return Ok(());
        };
        let in_force: Vec<(&str, Decimal)> = doudi_rules::policy::PARAMS
            .iter()
            .filter_map(|param| {
                let id = doudi_rules::policy::param_id(param.id)?;
                let (value, _) = doudi_rules::policy::value_on(id, household.date)?;
                Some((param.id, value))
            })
            .collect();
        let (param, current) = in_force[which.index(in_force.len())];
        let reform = ReformInput {
            name: "不变".into(),
            name_en: "no change".into(),
            changes: vec![ChangeInput {
                param: param.into(),
                from: household.date.to_string(),
                value: current.to_string(),
            }],
        };
        let reform = match reform.check() {
            Ok(reform) => reform,
            Err(error) => {
                prop_assert!(false, "{param} = {current} from {} refused: {error:?}", household.date);
                return Ok(());
            }
        };
        let under = assess_under(&household, Options::FIGURES, &reform);
        prop_assert!(under.is_ok(), "{param}: the reform refused a household assess took: {:?}", under.err());
        if let Ok(under) = under {
            prop_assert_eq!(decided(&under), decided(&plain), "{} = {}", param, current);
        }
    }
}

// ---- no input panics ----------------------------------------------------------------

const KEYS: &[&str] = &[
    "county",
    "category",
    "date",
    "members",
    "family",
    "caseworker",
    "age",
    "birth_date",
    "name",
    "relation",
    "disability",
    "kind",
    "grade",
    "serious_illness",
    "student",
    "incomes",
    "amount",
    "per",
    "employment_costs",
    "tekun",
    "self_care",
    "supporters",
    "situation",
    "own_property_within_limits",
    "poverty_alleviated",
    "marginal",
    "property_within_limits",
    "on_dibao",
    "current_dibao_monthly",
    "rural_tier",
    "overrides",
    "cpi_rise",
    "food_cpi_rise",
    "eating",
    "x",
];

const STRINGS: &[&str] = &[
    "",
    "hantai",
    "foping",
    "xian",
    "urban",
    "rural",
    "A",
    "D",
    "F",
    "wages",
    "excluded",
    "year",
    "month",
    "able",
    "physical",
    "2026-11-01",
    "2023-01-01",
    "2022-12-31",
    "2999-12-31",
    "1900-01-01",
    "2024-02-29",
    "2023-02-29",
    "2026-13-01",
    "0",
    "-0",
    "-1",
    "0.005",
    "1,000",
    "１０",
    "99999999999999999999",
    "9999999999999999999999999999",
    "1e5",
    ".",
    "-",
    "3.5",
    "肺癌",
    "dibao.rural.cap_at_gap",
    "gradual_exit.months",
    "min_wage.class_of.hantai",
    "dibao.urban.standard",
    "NaN",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|number| json!(number)),
        any::<u64>().prop_map(|number| json!(number)),
        prop::sample::select(vec![
            0i64,
            1,
            -1,
            4,
            5,
            30,
            31,
            120,
            121,
            255,
            256,
            4_294_967_296
        ])
        .prop_map(|number| json!(number)),
        (-1.0e12f64..1.0e12).prop_map(|number| json!(number)),
        prop::sample::select(STRINGS.to_vec()).prop_map(|text| json!(text)),
        "[a-z0-9.\\-]{0,12}".prop_map(Value::String),
    ]
}

fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS.to_vec()), inner), 0..8).prop_map(
                |pairs| {
                    Value::Object(
                        pairs
                            .into_iter()
                            .map(|(key, value)| (key.to_string(), value))
                            .collect(),
                    )
                }
            ),
        ]
    })
}

/// A step on a path into a JSON tree.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    At(usize),
}

fn paths(value: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                prefix.push(Step::Key(key.clone()));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                prefix.push(Step::At(index));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn node<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut current = value;
    for step in path {
        current = match step {
            Step::Key(key) => current.get_mut(key.as_str())?,
            Step::At(index) => current.get_mut(*index)?,
        };
    }
    Some(current)
}

/// A change to a household: delete the node at a path, or put a new value there.
#[derive(Clone, Debug)]
enum Mutation {
    Delete(Index),
    Replace(Index, Value),
    AddKey(Index, &'static str, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::Delete),
        (any::<Index>(), tree()).prop_map(|(at, value)| Mutation::Replace(at, value)),
        (any::<Index>(), prop::sample::select(KEYS.to_vec()), leaf())
            .prop_map(|(at, key, value)| Mutation::AddKey(at, key, value)),
    ]
}

fn apply(value: &mut Value, mutation: &Mutation) {
    let mut all = Vec::new();
    paths(value, &mut Vec::new(), &mut all);
    match mutation {
        Mutation::Delete(at) => {
            let path = at.get(&all).clone();
            let Some((last, parent)) = path.split_last() else {
                return;
            };
            match (node(value, parent), last) {
                (Some(Value::Object(map)), Step::Key(key)) => {
                    map.remove(key);
                }
                (Some(Value::Array(items)), Step::At(index)) if *index < items.len() => {
                    items.remove(*index);
                }
                _ => {}
            }
        }
        Mutation::Replace(at, new) => {
            let path = at.get(&all).clone();
            if let Some(target) = node(value, &path) {
                *target = new.clone();
            }
        }
        Mutation::AddKey(at, key, new) => {
            let path = at.get(&all).clone();
            if let Some(Value::Object(map)) = node(value, &path) {
                map.insert((*key).to_string(), new.clone());
            }
        }
    }
}

/// Everything the site and the CLI do with a household, none of which may panic.
fn run_everything(value: Value) {
    if let Ok(household) = serde_json::from_value::<Household>(value) {
        let _ = assess(&household, Options::default());
        let _ = assess(&household, Options::QUIET);
        let _ = doudi_rules::what_if::what_if(&household);
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_json_never_panics(value in tree()) {
        run_everything(value);
    }

    #[test]
    fn arbitrary_json_with_the_right_top_level_keys_never_panics(
        county in prop_oneof![county().prop_map(Value::String), leaf()],
        category in prop_oneof![Just(json!("urban")), Just(json!("rural")), leaf()],
        date in prop_oneof![date().prop_map(Value::String), leaf()],
        members in prop_oneof![tree(), prop::collection::vec(tree(), 0..4).prop_map(Value::Array)],
        family in tree(),
        caseworker in tree(),
    ) {
        run_everything(json!({ "county": county, "category": category, "date": date, "members": members, "family": family, "caseworker": caseworker }));
    }

    #[test]
    fn mutated_households_never_panic(base in valid_household(), mutations in prop::collection::vec(mutation(), 1..5)) {
        let mut value = base;
        for mutation in &mutations {
            apply(&mut value, mutation);
        }
        run_everything(value);
    }
}

#[test]
fn the_household_generator_makes_households_that_are_mostly_assessed() {
    // A guard against a generator that only makes refused households, which would make
    // the properties above vacuous.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = valid_household();
    let mut assessed = 0;
    for _ in 0..200 {
        let value = strategy.new_tree(&mut runner).unwrap().current();
        if assess(&parse(&value), Options::QUIET).is_ok() {
            assessed += 1;
        }
    }
    assert!(
        assessed >= 120,
        "only {assessed} of 200 generated households were assessed"
    );
}

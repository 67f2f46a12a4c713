//! doudi-rules: Hanzhong City's social-assistance rules (汉民发〔2021〕52号 and the national
//! and Shaanxi rules it rests on) as a pure function from a household and a date to what
//! the household can expect, why, and on which clause each step rests.
//!
//! The crate does no I/O and knows nothing of the browser: the CLI and the site call
//! [`assess`]. Money is `rust_decimal::Decimal` throughout; floats are forbidden by lint.
//! Every number comes from policies/ (compiled in by build.rs) through [`policy::Params`].

#![deny(clippy::float_arithmetic, clippy::float_cmp, clippy::as_conversions)]
#![deny(unsafe_code)]

pub mod household;
pub mod outcome;
pub mod policy;
pub mod rounding;
pub mod what_if;

mod dibao;
mod gradual_exit;
mod income;
mod marginal;
mod price_subsidy;
mod single_person;
mod tekun;
mod temporary;

pub use household::{Category, Household, Member, Money, Tier};
pub use outcome::{Outcome, Programme, Status, Text};
pub use rust_decimal::Decimal;

use household::Facts;
use policy::{Basis, LookupError, Params, Used};
use serde::Serialize;

/// What to compute besides the outcomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Build the explanation trace (steps with formulas and parameters). Off for bulk
    /// runs that need only the amounts.
    pub trace: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { trace: true }
    }
}

/// A field of the input that is wrong, and why, in Chinese and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// The field as a JSON path, e.g. "members[0].age".
    pub field: String,
    pub zh: String,
    pub en: String,
}

impl InputError {
    pub fn new(field: String, zh: String, en: String) -> InputError {
        InputError { field, zh, en }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} / {}", self.field, self.zh, self.en)
    }
}

impl From<LookupError> for InputError {
    fn from(error: LookupError) -> InputError {
        match error {
            LookupError::BeforeFirstValue { id, date, first } => InputError::new(
                "date".into(),
                format!("{date} 不在已收录的政策范围内：参数 {id} 自 {first} 起才有记录"),
                format!("{date} is outside the modelled rules: parameter {id} is recorded from {first} on"),
            ),
            LookupError::NotInForce { id, date } => InputError::new(
                "date".into(),
                format!("参数 {id} 在 {date} 不适用"),
                format!("parameter {id} is not in force on {date}"),
            ),
            LookupError::Unknown { id } => InputError::new(
                "policies".into(),
                format!("规则引用了未定义的参数 {id}（程序错误，请报告）"),
                format!("the rules use an undefined parameter {id} (a bug; please report it)"),
            ),
        }
    }
}

/// The place as shown in results.
#[derive(Clone, Debug, Serialize)]
pub struct PlaceOut {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

/// What a household can expect.
#[derive(Clone, Debug, Serialize)]
pub struct Assessment {
    /// The crate's version and a digest of the policies it was built with.
    pub rules_version: String,
    pub date: policy::Date,
    pub county: PlaceOut,
    pub category: Category,
    pub household_size: usize,
    /// The household's counted income per month, 元 (for display; rounded to the fen).
    pub counted_income_monthly: Decimal,
    /// Counted income per person per month, 元 (for display; rounded to the fen).
    pub counted_income_per_person_monthly: Decimal,
    /// The expected monthly support in total: the sum of the eligible outcomes' amounts.
    pub total_monthly: Decimal,
    /// The range of the total where an amount is a range (an undecided rural tier).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_monthly_min: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_monthly_max: Option<Decimal>,
    /// The weakest basis among the figures the total rests on.
    pub total_basis: Basis,
    pub programmes: Vec<Outcome>,
    /// Every figure used that is not published policy (inferred, assumed or overridden),
    /// once each, so that no assumption passes as policy.
    pub not_published: Vec<Used>,
    pub disclaimer: Text,
}

/// Shared state of one assessment.
pub(crate) struct Ctx<'a> {
    pub facts: &'a Facts,
    pub params: Params<'a>,
    pub options: Options,
    used: std::cell::RefCell<Vec<Used>>,
}

impl Ctx<'_> {
    /// A parameter's value in force on the assessment date, remembered for the list of
    /// figures that are not published policy.
    pub fn get(&self, id: &str) -> Result<Used, InputError> {
        let used = self.params.get(id)?;
        if used.basis != Basis::Published {
            let mut all = self.used.borrow_mut();
            if !all.iter().any(|seen| seen.id == used.id) {
                all.push(used.clone());
            }
        }
        Ok(used)
    }

    pub fn value(&self, id: &str) -> Result<Decimal, InputError> {
        Ok(self.get(id)?.value)
    }
}

/// Assesses a household: every programme's outcome, amount and explanation.
pub fn assess(household: &Household, options: Options) -> Result<Assessment, InputError> {
    let facts = household.validate()?;
    assess_facts(&facts, options)
}

pub(crate) fn assess_facts(facts: &Facts, options: Options) -> Result<Assessment, InputError> {
    let ctx = Ctx {
        facts,
        params: Params::new(facts.date, &facts.overrides),
        options,
        used: Default::default(),
    };
    // Tekun first: a member eligible for tekun is supported as such, and tekun support
    // replaces dibao for that member, so the dibao household leaves them out.
    let tekun = tekun::assess(&ctx)?;
    let tekun_eligible: Vec<usize> = tekun
        .iter()
        .filter(|outcome| outcome.status == Status::Eligible)
        .filter_map(|outcome| outcome.member)
        .collect();
    let counted = income::household(&ctx, &tekun_eligible)?;
    let dibao = dibao::assess(&ctx, &counted)?;
    let mut programmes = vec![dibao.outcome.clone()];
    programmes.extend(single_person::assess(&ctx, &counted, &dibao)?);
    programmes.push(gradual_exit::assess(&ctx, &counted, &dibao)?);
    programmes.push(marginal::assess(&ctx, &counted, &dibao)?);
    programmes.extend(tekun);
    let price = price_subsidy::assess(&ctx, &programmes, &counted)?;
    programmes.push(price);
    programmes.push(temporary::assess());

    let mut total = Decimal::ZERO;
    let mut total_min = Decimal::ZERO;
    let mut total_max = Decimal::ZERO;
    let mut ranged = false;
    let mut total_basis = Basis::Published;
    for outcome in programmes
        .iter()
        .filter(|outcome| outcome.status == Status::Eligible)
    {
        if let Some(monthly) = outcome.monthly {
            total += monthly;
            total_min += outcome.monthly_min.unwrap_or(monthly);
            total_max += outcome.monthly_max.unwrap_or(monthly);
            ranged |= outcome.monthly_min.is_some();
            total_basis = total_basis.max(outcome.amount_basis);
        }
    }
    let mut not_published = ctx.used.into_inner();
    not_published.sort_by(|a, b| a.id.cmp(b.id));
    Ok(Assessment {
        rules_version: policy::rules_version(),
        date: facts.date,
        county: PlaceOut { id: facts.place.id, zh: facts.place.zh, en: facts.place.en },
        category: facts.category,
        household_size: counted.covered.len(),
        counted_income_monthly: rounding::for_display(counted.monthly_total()),
        counted_income_per_person_monthly: rounding::for_display(counted.monthly_per_person()),
        total_monthly: total,
        total_monthly_min: ranged.then_some(total_min),
        total_monthly_max: ranged.then_some(total_max),
        total_basis,
        programmes,
        not_published,
        disclaimer: Text::new(
            "估算结果，以当地民政部门审核为准。本计算器只在您的设备上计算，不上传任何信息。",
            "An estimate: the local civil affairs office decides. Computed on your device only; nothing is uploaded.",
        ),
    })
}

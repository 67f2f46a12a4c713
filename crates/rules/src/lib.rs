//! doudi-rules: Hanzhong City's social-assistance rules (汉民发〔2021〕52号 and the national
//! and Shaanxi rules it rests on) as a pure function from a household and a date to what
//! the household can expect, why, and on which clause each step rests.
//!
//! The crate does no I/O and knows nothing of the browser: the CLI and the site call
//! [`assess`]. Money is `rust_decimal::Decimal` throughout; floats are forbidden by lint.
//! Every number comes from policies/ (compiled in by build.rs) through [`policy::Params`].

#![deny(clippy::float_arithmetic, clippy::float_cmp, clippy::as_conversions)]
#![deny(unsafe_code)]

pub mod check;
pub mod fields;
/// Plain answers to the questions people ask, with their clauses (explain/answers.rs).
pub use explain::answers;
pub mod household;
pub mod labels;
pub mod outcome;
pub mod policy;
pub mod questions;
pub mod quick;
pub mod reform;
pub mod rounding;
pub mod what_if;

mod dibao;
mod explain;
mod facts;
mod gradual_exit;
mod income;
mod marginal;
mod notices;
mod price_subsidy;
mod routes;
mod single_person;
mod tekun;
mod temporary;

pub use household::{Category, Household, Member, Money, Tier};
use outcome::Said;
pub use outcome::{Outcome, Payment, Programme, Status, Step, Steps, StepsIter, Text};
pub use rust_decimal::Decimal;

use household::Facts;
use policy::{id, Basis, Clause, LookupError, ParamId, Params, Read};
use serde::Serialize;

/// What to put into an assessment besides its figures. The rules decide the same way
/// whatever these say; they only choose how much of the explanation is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Record the explanation trace: each step as data (what it computed, the parameters
    /// it read, its clauses), put into words only when it is read or serialised. It does
    /// not need `text`: a trace without words is a caseload's record of how each amount
    /// was reached.
    pub trace: bool,
    /// Write the words: criteria, reasons, notices, next steps, the missing facts and
    /// the members' labels. Without them the assessment carries its figures and
    /// statuses only (an outcome's title, a label, stays; a tally of its criteria's
    /// states decides it, the same as with words): every sentence empty
    /// ([`Text::EMPTY`]), no criterion, missing fact or member label listed. For bulk
    /// runs (the caseload engine, the what-if sweep, a reform's costing) that read none.
    pub text: bool,
}

impl Options {
    /// Everything: words and the explanation trace (what a person reads).
    pub const FULL: Options = Options {
        trace: true,
        text: true,
    };
    /// Words without the trace.
    pub const QUIET: Options = Options {
        trace: false,
        text: true,
    };
    /// Figures only: no words, no trace.
    pub const FIGURES: Options = Options {
        trace: false,
        text: false,
    };
    /// Figures and the trace, as data, without the criteria's and reasons' words: the
    /// steps read as they do with `FULL` (tests/cases.rs checks it on every data case).
    pub const TRACE: Options = Options {
        trace: true,
        text: false,
    };
}

impl Default for Options {
    fn default() -> Options {
        Options::FULL
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
    pub rules_version: &'static str,
    pub date: policy::Date,
    pub county: PlaceOut,
    pub category: Category,
    /// How many members are in the dibao household (members supported as tekun persons
    /// are not).
    pub household_size: usize,
    /// The members in the dibao household, as indices into the household's members.
    pub dibao_members: Vec<usize>,
    /// The household's counted income per month, 元 (for display; rounded to the fen).
    pub counted_income_monthly: Decimal,
    /// Counted income per person per month, 元 (for display; rounded to the fen).
    pub counted_income_per_person_monthly: Decimal,
    /// The support that comes every month: the sum of the eligible outcomes paid every
    /// month (dibao, the single-person route, tekun), one route per person. Time-limited
    /// and conditional money is never in it: see `time_limited` and `conditional`.
    pub total_monthly: Decimal,
    /// The range of the monthly total where an amount is a range (an undecided rural
    /// tier, a care tier not yet assessed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_monthly_min: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_monthly_max: Option<Decimal>,
    /// The weakest basis among the figures the total rests on.
    pub total_basis: Basis,
    /// Money paid every month for a limited period only (gradual exit), apart from the
    /// monthly total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_limited: Option<TimeLimited>,
    /// Money paid only in months when a trigger is met (the price subsidy), apart from
    /// the monthly total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditional: Option<Conditional>,
    pub programmes: Vec<Outcome>,
    /// What the rules could not use as given, at the field concerned (a disease name not
    /// on the list, with the closest listed names).
    pub notices: Vec<Notice>,
    /// What the household can do next, whatever the programmes say: how to apply, whom
    /// to call, what will be checked.
    pub next_steps: Vec<Text>,
    /// Every figure used that is not published policy (inferred, assumed or overridden),
    /// once each, so that no assumption passes as policy.
    pub not_published: policy::NotPublished,
    pub disclaimer: Text,
}

impl Assessment {
    /// The money a month for a limited period (gradual exit), 0 when none: apart from
    /// `total_monthly`.
    pub fn time_limited_monthly(&self) -> Decimal {
        self.time_limited
            .as_ref()
            .map(|limited| limited.monthly)
            .unwrap_or_default()
    }

    /// The parts of the monthly total, in the order of `programmes`: each outcome whose
    /// amount `total_monthly` adds (one route per person). The one-line make-up of the
    /// total ("其中：低保 1020 元 + 特困人员救助供养（张三）780 元") is built from it.
    pub fn monthly_parts(&self) -> impl Iterator<Item = (usize, &Outcome)> {
        self.programmes
            .iter()
            .enumerate()
            .filter(|(_, outcome)| outcome.in_monthly_total())
    }
}

/// Money paid every month for a limited period (gradual exit).
#[derive(Clone, Debug, Serialize)]
pub struct TimeLimited {
    pub programme: Programme,
    /// 元 a month during the period.
    pub monthly: Decimal,
    /// How many months are paid.
    pub months: u32,
    /// The first and last month paid, "YYYY-MM".
    pub first_month: String,
    pub last_month: String,
    pub basis: Basis,
    pub text: Text,
}

/// Money paid only in months when a trigger is met (the price subsidy).
#[derive(Clone, Debug, Serialize)]
pub struct Conditional {
    pub programme: Programme,
    /// 元 in a month when the trigger is met.
    pub monthly: Decimal,
    pub basis: Basis,
    pub text: Text,
}

/// Something the rules could not use as given.
#[derive(Clone, Debug, Serialize)]
pub struct Notice {
    /// The input field, as a JSON path ("members[1].serious_illness").
    pub field: String,
    pub text: Text,
}

/// How many 64-bit words hold a bit for every parameter (a test checks that they do).
const USED_WORDS: usize = 4;

/// Shared state of one assessment.
pub(crate) struct Ctx<'a> {
    pub facts: &'a Facts<'a>,
    pub params: Params<'a>,
    pub options: Options,
    /// The parameters read whose value is not published policy, a bit each by id (the
    /// value is read again from `params` for the list: the same on every read).
    used: [std::cell::Cell<u64>; USED_WORDS],
    /// The dibao standard (dibao::standard), once worked out.
    standard: std::cell::Cell<Option<(Decimal, Decimal, Read)>>,
    /// Every parameter read, for the check that each one in policies/ is read by some
    /// rule.
    read: std::cell::RefCell<std::collections::BTreeSet<&'static str>>,
    /// Whether to record the reads (only for that check: it costs time).
    record_reads: bool,
    /// What the rules derive about each member, once (facts.rs).
    people: Vec<facts::PersonFacts>,
    /// Policy's values on the date, where no reform or override applies (`Ctx::get`'s
    /// usual path).
    in_force: Option<policy::InForce>,
    /// The trace being recorded, when one is (`Options::trace`): sealed when the context
    /// is dropped, at the end of the assessment.
    recorder: Option<outcome::Recorder>,
    /// Who each member is, for the steps that name them (only when a trace is recorded).
    who: Vec<outcome::Who>,
}

impl Ctx<'_> {
    /// A parameter's value in force on the assessment date, remembered for the list of
    /// figures that are not published policy.
    #[inline]
    pub fn get(&self, id: ParamId) -> Result<Read, InputError> {
        // Policy's value in force, the usual case: an index into the date's values.
        if let Some(read) = self.in_force.and_then(|in_force| in_force.read(id)) {
            if !self.record_reads {
                if read.basis != Basis::Published {
                    self.mark_not_published(id);
                }
                return Ok(*read);
            }
        }
        self.get_slow(id)
    }

    /// [`Ctx::get`] under a reform or overrides, for a parameter with no value on the
    /// date, or when the reads are recorded.
    #[inline(never)]
    fn get_slow(&self, id: ParamId) -> Result<Read, InputError> {
        let read = self.params.read(id)?;
        if self.record_reads {
            self.record_read(id);
        }
        if read.basis != Basis::Published {
            self.mark_not_published(id);
        }
        Ok(read)
    }

    /// Remembers that a parameter read is not published policy (for the list of such
    /// figures).
    fn mark_not_published(&self, id: ParamId) {
        let index = policy::name_rank(id);
        if let Some(word) = self.used.get(index / 64) {
            word.set(word.get() | 1 << (index % 64));
        }
    }

    /// Records a parameter read, for the check that every parameter is read by some rule
    /// (out of line: the reads of an assessment never take this path).
    #[cold]
    #[inline(never)]
    fn record_read(&self, id: ParamId) {
        self.read.borrow_mut().insert(id.param().id);
    }

    /// The derived facts of the member at `index` (an index into the members, always
    /// valid: the facts are derived for every member before any programme runs).
    pub fn person(&self, index: usize) -> &facts::PersonFacts {
        &self.people[index]
    }

    #[inline]
    pub fn value(&self, id: ParamId) -> Result<Decimal, InputError> {
        Ok(self.get(id)?.value)
    }

    /// Words, written only when the assessment carries words (`Options::text`); the
    /// sentences themselves live in the explanation layer (explain/).
    pub fn say(&self, words: impl FnOnce() -> Text) -> Text {
        if self.options.text {
            words()
        } else {
            Text::EMPTY
        }
    }

    /// Adds words to a list (reasons, next steps), only when the assessment carries
    /// words: a run of figures only leaves the list empty.
    pub fn write(&self, list: &mut Vec<Text>, words: impl FnOnce() -> Text) {
        if self.options.text {
            list.push(words());
        }
    }

    /// Whether the explanation trace is being recorded.
    pub fn tracing(&self) -> bool {
        self.options.trace
    }

    /// Records a step of the explanation trace, when one is recorded, as data: what it
    /// says (`said`, called only then: the values computed), the parameters it names
    /// (copied, not yet written out in full) and its clauses; its basis is computed: the
    /// weakest among those parameters and `floor` (`Basis::Assumed` for a step that is
    /// an estimate of ours). The explanation layer puts it into words when it is read
    /// ([`outcome::Step::words`]).
    pub(crate) fn step(
        &self,
        outcome: &mut Outcome,
        params: &[&Read],
        floor: Basis,
        clauses: &'static [&'static Clause],
        said: impl FnOnce() -> Said,
    ) {
        if !self.tracing() {
            return;
        }
        let basis = params.iter().map(|read| read.basis).fold(floor, Basis::max);
        let params = params.iter().copied();
        let step = self.record(said, params, clauses, basis);
        self.show(outcome, step);
    }

    /// Adds steps recorded in this assessment to the end of an outcome's (a step shown by
    /// several outcomes is recorded once).
    pub(crate) fn show(
        &self,
        outcome: &mut Outcome,
        steps: impl IntoIterator<Item = outcome::Step>,
    ) {
        if let Some(recorder) = &self.recorder {
            recorder.show(&mut outcome.steps, steps);
        }
    }

    /// Records a step with the basis given (for a step whose basis is not simply the
    /// weakest of its parameters'), when a trace is recorded; `None` otherwise.
    pub(crate) fn record<'r>(
        &self,
        said: impl FnOnce() -> Said,
        params: impl IntoIterator<Item = &'r Read>,
        clauses: &'static [&'static Clause],
        basis: Basis,
    ) -> Option<outcome::Step> {
        let recorder = self.recorder.as_ref()?;
        Some(recorder.record(said(), params, clauses, basis))
    }

    /// Adds a line of a member's income step to the trace, when one is recorded.
    pub(crate) fn line(&self, line: explain::income::Line) {
        if let Some(recorder) = &self.recorder {
            recorder.line(line);
        }
    }

    /// Where the next line of an income step will be in the trace (0 without one): the
    /// step's lines run from there to [`Ctx::lines_mark`] once they are added.
    pub(crate) fn lines_mark(&self) -> usize {
        self.recorder
            .as_ref()
            .map_or(0, outcome::Recorder::lines_len)
    }

    /// Who a step is about: the member's label is made when the step is put into words;
    /// a name is kept once an assessment, shared by every step that names the member.
    pub(crate) fn who(&self, person: &household::Person) -> outcome::Who {
        match self.who.get(person.index) {
            Some(who) => who.clone(),
            None if person.index == usize::MAX => outcome::Who::Family,
            None => outcome::Who::Number(person.index),
        }
    }
}

/// Assesses a household: every programme's outcome, amount and explanation.
pub fn assess(household: &Household, options: Options) -> Result<Assessment, InputError> {
    let facts = household.validate()?;
    Ok(assess_facts(&facts, options)?.0)
}

/// Assesses a household and lists every parameter the rules read for it (for the check
/// that every parameter in policies/ is read by some rule).
#[doc(hidden)]
pub fn assess_listing_reads(
    household: &Household,
    options: Options,
) -> Result<(Assessment, Vec<&'static str>), InputError> {
    let facts = household.validate()?;
    assess_with(&facts, options, true)
}

pub(crate) fn assess_facts(
    facts: &Facts,
    options: Options,
) -> Result<(Assessment, Vec<&'static str>), InputError> {
    assess_with(facts, options, false)
}

impl<'a> Ctx<'a> {
    /// The context of an assessment: the date's parameters, and each member's derived
    /// facts (facts.rs).
    pub(crate) fn new(
        facts: &'a Facts<'a>,
        options: Options,
        record_reads: bool,
        reform: Option<&'a reform::Reform>,
    ) -> Result<Ctx<'a>, InputError> {
        let params = Params::new(facts.date, &facts.overrides).under(reform);
        let mut ctx = Ctx {
            facts,
            in_force: params.policy_in_force(),
            params,
            options,
            used: Default::default(),
            standard: Default::default(),
            read: Default::default(),
            record_reads,
            people: Vec::new(),
            recorder: options
                .trace
                .then(|| outcome::Recorder::for_members(facts.people.len())),
            who: Vec::new(),
        };
        if let Some(recorder) = &ctx.recorder {
            ctx.who = facts
                .people
                .iter()
                .map(|person| recorder.who(person))
                .collect();
        }
        ctx.people = facts::derive(&ctx)?;
        Ok(ctx)
    }
}

fn assess_with(
    facts: &Facts,
    options: Options,
    record_reads: bool,
) -> Result<(Assessment, Vec<&'static str>), InputError> {
    assess_with_reform(facts, options, record_reads, None)
}

/// Assesses a household under a reform (reform.rs): its values in place of policy's
/// from their dates, each marked as the reform's. The same household without one is
/// [`assess`].
pub fn assess_under(
    household: &Household,
    options: Options,
    reform: &reform::Reform,
) -> Result<Assessment, InputError> {
    let facts = household.validate_under(Some(reform))?;
    Ok(assess_with_reform(&facts, options, false, Some(reform))?.0)
}

/// The tekun outcomes and the dibao household's counted income: the first steps of every
/// assessment. Tekun first: a member eligible for tekun is supported as such, and tekun
/// support replaces dibao for that member, so the dibao household leaves them out. A
/// member marked as tekun now stays out while the rules only wait for information; one
/// the rules find not eligible rejoins the household with their income.
fn tekun_and_counted(ctx: &Ctx) -> Result<(Vec<Outcome>, income::Counted), InputError> {
    let tekun = tekun::assess(ctx)?;
    let outside: Vec<usize> = tekun
        .iter()
        .filter(|outcome| {
            outcome.status == Status::Eligible
                || (outcome.status == Status::NeedsMoreInformation
                    && outcome
                        .member
                        .is_some_and(|index| ctx.facts.people[index].member.tekun))
        })
        .filter_map(|outcome| outcome.member)
        .collect();
    let counted = income::household(ctx, &outside)?;
    Ok((tekun, counted))
}

/// The counted income a month of the dibao household, as an assessment of figures only
/// shows it (`Assessment::counted_income_monthly`), without the programmes after it:
/// what the what-if sweep looks for when it finds where income reaches a line.
pub(crate) fn counted_income_monthly(facts: &Facts) -> Result<Decimal, InputError> {
    let ctx = Ctx::new(facts, Options::FIGURES, false, None)?;
    let (_, counted) = tekun_and_counted(&ctx)?;
    Ok(rounding::for_display(counted.monthly_total()))
}

fn assess_with_reform(
    facts: &Facts,
    options: Options,
    record_reads: bool,
    reform: Option<&reform::Reform>,
) -> Result<(Assessment, Vec<&'static str>), InputError> {
    let ctx = Ctx::new(facts, options, record_reads, reform)?;
    let (tekun, counted) = tekun_and_counted(&ctx)?;
    // Each outcome is worked out in its place in the list (dibao, the single-person
    // route's, gradual exit, marginal family, price subsidy, temporary assistance), not
    // moved there; tekun's, worked out first in their own list, are moved in once.
    let words = options.text;
    let mut programmes = Vec::with_capacity(6 + facts.people.len() + tekun.len());
    let dibao = dibao::assess(
        &ctx,
        &counted,
        outcome::add(&mut programmes, Programme::Dibao, words),
    )?;
    let single = programmes.len();
    single_person::assess(&ctx, &counted, &dibao, &mut programmes)?;
    let gradual = programmes.len();
    gradual_exit::assess(
        &ctx,
        &counted,
        &dibao,
        outcome::add(&mut programmes, Programme::GradualExit, words),
    )?;
    let (before, from_gradual) = programmes.split_at_mut(gradual);
    if let (Some(singles), Some(gradual)) = (before.get_mut(single..), from_gradual.first_mut()) {
        routes::one_route_per_person(&ctx, gradual, singles);
    }
    marginal::assess(
        &ctx,
        &counted,
        &dibao,
        outcome::add(&mut programmes, Programme::MarginalFamily, words),
    )?;
    programmes.extend(tekun);
    let price = programmes.len();
    outcome::add(&mut programmes, Programme::PriceSubsidy, words);
    let (before, from_price) = programmes.split_at_mut(price);
    if let Some(outcome) = from_price.first_mut() {
        price_subsidy::assess(&ctx, before, &counted, outcome)?;
    }
    temporary::assess(
        &ctx,
        &counted,
        &dibao,
        outcome::add(&mut programmes, Programme::TemporaryAssistance, words),
    );

    let mut total = Decimal::ZERO;
    let mut total_min = Decimal::ZERO;
    let mut total_max = Decimal::ZERO;
    let mut ranged = false;
    let mut total_basis = Basis::Published;
    let mut time_limited = None;
    let mut conditional = None;
    for outcome in programmes.iter().filter(|outcome| outcome.counts()) {
        let Some(monthly) = outcome.monthly else {
            continue;
        };
        match outcome.payment {
            Payment::Monthly if outcome.in_monthly_total() => {
                total += monthly;
                total_min += outcome.monthly_min.unwrap_or(monthly);
                total_max += outcome.monthly_max.unwrap_or(monthly);
                ranged |= outcome.monthly_min.is_some();
                total_basis = total_basis.max(outcome.amount_basis);
            }
            Payment::TimeLimited => time_limited = routes::time_limited(&ctx, outcome),
            Payment::Conditional => conditional = Some(routes::conditional(&ctx, outcome)),
            Payment::Monthly | Payment::NoCash => {}
        }
    }
    let notices = notices::of(&ctx)?;
    let next_steps = notices::next_steps(&ctx, &programmes)?;
    let disclaimer = ctx.say(explain::disclaimer);
    let used = ctx.used.each_ref().map(std::cell::Cell::get);
    let count: u32 = used.iter().map(|word| word.count_ones()).sum();
    let mut not_published = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    // The bits are by the ids' places in the order of their names: walked in that order.
    let by_name = if count > 0 {
        policy::ids_by_name()
    } else {
        &[]
    };
    for (at, word) in used.iter().enumerate() {
        let mut word = *word;
        while word != 0 {
            let bit = usize::try_from(word.trailing_zeros()).unwrap_or_default();
            word &= word - 1;
            if let Some(id) = by_name.get(at * 64 + bit) {
                not_published.push(ctx.get(*id)?);
            }
        }
    }
    let not_published = policy::NotPublished(not_published);
    let read = ctx.read.into_inner().into_iter().collect();
    let counted_income_monthly = rounding::for_display(counted.monthly_total());
    let counted_income_per_person_monthly = rounding::for_display(counted.monthly_per_person());
    Ok((
        Assessment {
            rules_version: policy::rules_version(),
            date: facts.date,
            county: PlaceOut {
                id: facts.place.id,
                zh: facts.place.zh,
                en: facts.place.en,
            },
            category: facts.category,
            household_size: counted.covered.len(),
            dibao_members: counted.covered,
            counted_income_monthly,
            counted_income_per_person_monthly,
            total_monthly: total,
            total_monthly_min: ranged.then_some(total_min),
            total_monthly_max: ranged.then_some(total_max),
            total_basis,
            time_limited,
            conditional,
            programmes,
            notices,
            next_steps,
            not_published,
            disclaimer,
        },
        read,
    ))
}

/// A supporter's situation in words, with the ages in force on `date` (for the site's
/// choices, so that they say what the rules read).
pub fn supporter_situation_label(
    situation: household::SupporterSituation,
    date: policy::Date,
) -> Result<Text, InputError> {
    let overrides = std::collections::BTreeMap::new();
    let params = Params::new(date, &overrides);
    Ok(tekun::situation_text(
        situation,
        params.at(id::TEKUN_SUPPORTER_DIBAO_ELDERLY_AGE)?.value,
        params.at(id::TEKUN_SUPPORTER_ELDERLY_AGE)?.value,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_bit_for_every_parameter() {
        assert!(crate::policy::PARAMS.len() <= super::USED_WORDS * 64);
    }
}

//! What an assessment says: each programme's outcome, its criteria, its amount, and the
//! explanation trace (ordered steps, each with its arithmetic, parameters and clause).

use crate::policy::{Basis, Clause, Date, Read, Used};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

/// A sentence in Chinese and English. A fixed sentence borrows its words from the
/// program (no allocation); one with figures in it owns them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Text {
    /// No words: what an assessment of figures only carries where a sentence would be.
    pub const EMPTY: Text = Text {
        zh: Cow::Borrowed(""),
        en: Cow::Borrowed(""),
    };

    pub fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
}

/// The programmes of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// 最低生活保障.
    Dibao,
    /// 参照“单人户”纳入低保.
    SinglePerson,
    /// 渐退帮扶.
    GradualExit,
    /// 低保边缘家庭.
    MarginalFamily,
    /// 特困人员救助供养.
    Tekun,
    /// 价格临时补贴.
    PriceSubsidy,
    /// 临时救助.
    TemporaryAssistance,
}

impl Programme {
    /// Every programme, in the order an assessment lists them.
    pub const ALL: [Programme; 7] = [
        Programme::Dibao,
        Programme::SinglePerson,
        Programme::GradualExit,
        Programme::MarginalFamily,
        Programme::Tekun,
        Programme::PriceSubsidy,
        Programme::TemporaryAssistance,
    ];

    /// The programme's place in [`Programme::ALL`].
    pub fn index(self) -> usize {
        match self {
            Programme::Dibao => 0,
            Programme::SinglePerson => 1,
            Programme::GradualExit => 2,
            Programme::MarginalFamily => 3,
            Programme::Tekun => 4,
            Programme::PriceSubsidy => 5,
            Programme::TemporaryAssistance => 6,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Programme::Dibao => "dibao",
            Programme::SinglePerson => "single_person",
            Programme::GradualExit => "gradual_exit",
            Programme::MarginalFamily => "marginal_family",
            Programme::Tekun => "tekun",
            Programme::PriceSubsidy => "price_subsidy",
            Programme::TemporaryAssistance => "temporary_assistance",
        }
    }
}

/// The three outcomes a programme can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Eligible,
    NotEligible,
    NeedsMoreInformation,
}

impl Status {
    /// Every status, in the order declared.
    pub const ALL: [Status; 3] = [
        Status::Eligible,
        Status::NotEligible,
        Status::NeedsMoreInformation,
    ];

    /// The status's place in [`Status::ALL`].
    pub fn index(self) -> usize {
        match self {
            Status::Eligible => 0,
            Status::NotEligible => 1,
            Status::NeedsMoreInformation => 2,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::NotEligible => "not_eligible",
            Status::NeedsMoreInformation => "needs_more_information",
        }
    }
}

/// How an outcome's money comes, so that a "monthly" figure only ever adds money that
/// comes every month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payment {
    /// Every month while the conditions hold (dibao, the single-person route, tekun):
    /// counted in the assessment's `total_monthly`.
    Monthly,
    /// Every month for a limited period that ends on a date (gradual exit): shown apart,
    /// with its months, never added to the monthly total.
    TimeLimited,
    /// Only in months when a trigger is met (the price subsidy): shown apart, never added
    /// to the monthly total.
    Conditional,
    /// No cash of its own: a recognition that opens other help (the marginal family), or
    /// help decided case by case (temporary assistance).
    NoCash,
}

impl Payment {
    pub fn id(self) -> &'static str {
        match self {
            Payment::Monthly => "monthly",
            Payment::TimeLimited => "time_limited",
            Payment::Conditional => "conditional",
            Payment::NoCash => "no_cash",
        }
    }
}

/// Whether a criterion is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Met,
    NotMet,
    Unknown,
}

impl State {
    /// The state of a yes / no answer: yes met, no not met, not given unknown.
    pub(crate) fn of_answer(said: Option<bool>) -> State {
        match said {
            Some(true) => State::Met,
            Some(false) => State::NotMet,
            None => State::Unknown,
        }
    }
}

/// One condition of a programme, with what decided it.
#[derive(Clone, Debug, Serialize)]
pub struct Criterion {
    pub id: &'static str,
    pub text: Text,
    pub state: State,
    /// What decided it, in words: written when it is read ([`Criterion::detail`]) or
    /// serialised (as `detail`, a text like `text`), not when the rules decide.
    detail: Later,
}

impl Criterion {
    /// What decided the criterion, in words (the figures it compared, the answer given).
    pub fn detail(&self) -> Text {
        self.detail.text()
    }
}

/// Words the explanation layer writes when they are read: a sentence of explain/ with
/// the values the rules decided, kept as the call that writes it. The rules decide
/// without writing it; a person who reads the outcome (the CLI's explanation, the site's
/// card, the JSON) has it written then, every time the same.
#[derive(Clone)]
pub struct Later(LaterWords);

#[derive(Clone)]
enum LaterWords {
    /// Written already (words that rest on what an outcome cannot keep, such as a list
    /// of the household's supporters).
    Ready(Text),
    /// Written when read.
    Call(std::sync::Arc<dyn Fn() -> Text + Send + Sync>),
}

impl Later {
    /// Words to write when they are read.
    pub(crate) fn call(words: impl Fn() -> Text + Send + Sync + 'static) -> Later {
        Later(LaterWords::Call(std::sync::Arc::new(words)))
    }

    /// Words written already.
    pub(crate) fn ready(words: Text) -> Later {
        Later(LaterWords::Ready(words))
    }

    /// The words.
    pub fn text(&self) -> Text {
        match &self.0 {
            LaterWords::Ready(text) => text.clone(),
            LaterWords::Call(words) => words(),
        }
    }
}

impl std::fmt::Debug for Later {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl Serialize for Later {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.text().serialize(serializer)
    }
}

/// A piece of information the outcome is waiting for.
#[derive(Clone, Debug, Serialize)]
pub struct Missing {
    /// The input field, as a JSON path ("members[1].self_care").
    pub field: String,
    pub text: Text,
}

/// One step of the explanation, recorded as data: what it says (`Said`, the values it
/// computed), the parameters it read and the clauses it implements. Its words, formula,
/// the parameters' full records and the clauses' text are made by the explanation layer
/// only when asked for ([`Step::words`], [`Step::params`], [`Step::clause`], and when the
/// step is serialised, with the same fields as ever: `text`, `formula`, `params`,
/// `clause`, `clause_en`, `basis`).
///
/// The steps of one assessment live together in its [`Trace`], recorded one after the
/// other while the rules run and sealed when they are done; a step is a place in it.
/// Recording one costs no allocation of its own, and a step that several outcomes show
/// (a member's counted income in dibao's and the marginal family's trace) is the same
/// place, not a copy.
#[derive(Clone, Debug)]
pub struct Step {
    trace: std::sync::Arc<std::sync::OnceLock<Trace>>,
    index: usize,
}

/// The steps of one assessment, in the order recorded, and the parameters they read (each
/// step's a run of `reads`), and which outcome shows which step (`shown`: the outcome's
/// list and the step, in the order shown).
#[derive(Debug, Default)]
pub(crate) struct Trace {
    steps: Vec<Recorded>,
    reads: Vec<Read>,
    shown: Vec<(usize, usize)>,
    /// The lines of the members' income steps (each step's a run of them).
    lines: Vec<crate::explain::income::Line>,
    /// The members' names given, one after the other (`Who::Named` is a run of them).
    pub(crate) names: String,
}

thread_local! {
    /// The buffers of traces no longer read, emptied, for the next assessment's (at most
    /// [`SPARE_TRACES`], each no larger than [`SPARE_ROOM`] steps).
    static SPARE: std::cell::RefCell<Vec<Trace>> = const { std::cell::RefCell::new(Vec::new()) };
}

const SPARE_TRACES: usize = 4;
const SPARE_ROOM: usize = 1024;

impl Drop for Trace {
    /// Keeps the buffers for the next trace (see [`SPARE`]), when they are worth keeping.
    fn drop(&mut self) {
        if self.steps.capacity() == 0 || self.steps.capacity() > SPARE_ROOM {
            return;
        }
        // Not while the thread's spares are being dropped themselves (try_with fails
        // then), nor beyond a few (the buffers are then freed with this trace).
        let _ = SPARE.try_with(|spare| {
            let Ok(mut spare) = spare.try_borrow_mut() else {
                return;
            };
            if spare.len() >= SPARE_TRACES {
                return;
            }
            let mut buffers = Trace {
                steps: std::mem::take(&mut self.steps),
                reads: std::mem::take(&mut self.reads),
                shown: std::mem::take(&mut self.shown),
                lines: std::mem::take(&mut self.lines),
                names: std::mem::take(&mut self.names),
            };
            buffers.steps.clear();
            buffers.reads.clear();
            buffers.shown.clear();
            buffers.lines.clear();
            buffers.names.clear();
            spare.push(buffers);
        });
    }
}

impl Trace {
    /// A run of the income lines.
    pub(crate) fn lines(&self, run: &std::ops::Range<usize>) -> &[crate::explain::income::Line] {
        self.lines.get(run.clone()).unwrap_or_default()
    }
}

/// An outcome's steps, in order: a list in its assessment's trace (empty when no trace
/// was recorded). Read with [`Steps::iter`], or `for step in &outcome.steps`; serialised
/// as the list of its steps.
#[derive(Clone, Debug, Default)]
pub struct Steps {
    trace: Option<std::sync::Arc<std::sync::OnceLock<Trace>>>,
    list: usize,
    len: usize,
}

impl Steps {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The steps, in the order the outcome shows them.
    pub fn iter(&self) -> StepsIter<'_> {
        let shown = match (&self.trace, self.len) {
            (Some(trace), 1..) => trace.get().map_or(&[][..], |trace| &trace.shown[..]),
            _ => &[],
        };
        StepsIter {
            steps: self,
            shown: shown.iter(),
        }
    }
}

/// An outcome's steps, one by one ([`Steps::iter`]).
#[derive(Clone, Debug)]
pub struct StepsIter<'a> {
    steps: &'a Steps,
    shown: std::slice::Iter<'a, (usize, usize)>,
}

impl Iterator for StepsIter<'_> {
    type Item = Step;

    fn next(&mut self) -> Option<Step> {
        let trace = self.steps.trace.as_ref()?;
        let list = self.steps.list;
        let (_, index) = self.shown.find(|(shown, _)| *shown == list)?;
        Some(Step {
            trace: trace.clone(),
            index: *index,
        })
    }
}

impl<'a> IntoIterator for &'a Steps {
    type Item = Step;
    type IntoIter = StepsIter<'a>;

    fn into_iter(self) -> StepsIter<'a> {
        self.iter()
    }
}

impl Serialize for Steps {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[derive(Debug)]
struct Recorded {
    said: Said,
    /// The step's parameters, in its trace's `reads`.
    reads: std::ops::Range<usize>,
    clauses: &'static [&'static Clause],
    basis: Basis,
}

/// Records the steps of one assessment (in its context, `Ctx`): each step is written to
/// the trace being recorded, and the steps handed out all point to the place where the
/// trace will be once sealed. Sealing happens when the recorder is dropped, i.e. when
/// the assessment's context is: nothing outside the crate ever sees a step before.
#[derive(Debug)]
pub(crate) struct Recorder {
    recording: std::cell::RefCell<Trace>,
    sealed: std::sync::Arc<std::sync::OnceLock<Trace>>,
    /// How many outcomes' lists of steps have been started.
    lists: std::cell::Cell<usize>,
}

impl Recorder {
    /// A recorder with room for the usual trace of a household of `members`: about four
    /// steps a member (income, tekun) and a dozen for the household, each reading a
    /// parameter or two; made once rather than grown step by step.
    ///
    /// The buffers are those of an earlier trace no longer read, where there is one (see
    /// [`SPARE`]), so that a caseload assessed one household after another allocates
    /// them once.
    pub(crate) fn for_members(members: usize) -> Recorder {
        let room = 12 + 4 * members;
        let mut trace = SPARE
            .try_with(|spare| spare.try_borrow_mut().ok()?.pop())
            .ok()
            .flatten()
            .unwrap_or_default();
        trace.steps.reserve(room);
        trace.reads.reserve(2 * room);
        trace.shown.reserve(2 * room);
        trace.lines.reserve(2 * members);
        trace.names.reserve(8 * members);
        Recorder {
            recording: std::cell::RefCell::new(trace),
            sealed: Default::default(),
            lists: Default::default(),
        }
    }

    /// Adds steps recorded here to the end of an outcome's list (starting the list at
    /// its first step).
    pub(crate) fn show(&self, steps: &mut Steps, added: impl IntoIterator<Item = Step>) {
        if steps.trace.is_none() {
            steps.trace = Some(self.sealed.clone());
            steps.list = self.lists.get();
            self.lists.set(steps.list + 1);
        }
        let mut trace = self.recording.borrow_mut();
        for step in added {
            trace.shown.push((steps.list, step.index));
            steps.len += 1;
        }
    }

    /// Who a member is, for the steps that name them: their name, if they have one, is
    /// kept in the trace.
    pub(crate) fn who(&self, person: &crate::household::Person) -> Who {
        if person.index == usize::MAX {
            return Who::Family;
        }
        let name = person.member.name.trim();
        if name.is_empty() {
            return Who::Number(person.index);
        }
        let names = &mut self.recording.borrow_mut().names;
        let start = names.len();
        names.push_str(name);
        Who::Named(start..names.len())
    }

    /// Adds a line of a member's income step; the step names its run of lines.
    pub(crate) fn line(&self, line: crate::explain::income::Line) {
        self.recording.borrow_mut().lines.push(line);
    }

    /// How many lines there are: where the next one will be.
    pub(crate) fn lines_len(&self) -> usize {
        self.recording.borrow().lines.len()
    }

    /// Records a step and returns it.
    pub(crate) fn record<'r>(
        &self,
        said: Said,
        reads: impl IntoIterator<Item = &'r Read>,
        clauses: &'static [&'static Clause],
        basis: Basis,
    ) -> Step {
        let mut trace = self.recording.borrow_mut();
        let start = trace.reads.len();
        trace.reads.extend(reads.into_iter().copied());
        let end = trace.reads.len();
        let index = trace.steps.len();
        trace.steps.push(Recorded {
            said,
            reads: start..end,
            clauses,
            basis,
        });
        Step {
            trace: self.sealed.clone(),
            index,
        }
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        let _ = self.sealed.set(std::mem::take(self.recording.get_mut()));
    }
}

impl Step {
    /// The recorded step and its parameters; `None` only for a step read while its
    /// assessment is still running, which nothing outside the rules can do.
    fn recorded(&self) -> Option<(&Recorded, &[Read])> {
        let trace = self.trace.get()?;
        let step = trace.steps.get(self.index)?;
        let reads = trace.reads.get(step.reads.clone())?;
        Some((step, reads))
    }

    /// The weakest basis among the step's parameters (or the step's own, where the step
    /// is an estimate of ours).
    pub fn basis(&self) -> Basis {
        self.recorded()
            .map_or(Basis::Published, |(step, _)| step.basis)
    }

    /// The step's sentence and its arithmetic with the numbers (e.g. "675 × 3 − 1200 =
    /// 825"; empty where the step has none).
    pub fn words(&self) -> (Text, String) {
        match (self.trace.get(), self.recorded()) {
            (Some(trace), Some((step, _))) => crate::explain::step(&step.said, trace),
            _ => (Text::EMPTY, String::new()),
        }
    }

    /// The full record of each parameter the step read: names, value, source, status.
    pub fn params(&self) -> Vec<Used> {
        self.recorded().map_or_else(Vec::new, |(_, reads)| {
            reads.iter().map(Read::used).collect()
        })
    }

    /// The clauses the step implements, e.g. "汉民发〔2021〕52号 二(二)", joined with "；".
    pub fn clause(&self) -> String {
        self.clauses_joined(|clause| clause.text, "；")
    }

    /// The same in English, e.g. "汉民发〔2021〕52号 II(2)" (document numbers as they
    /// are), joined with "; ".
    pub fn clause_en(&self) -> String {
        self.clauses_joined(|clause| clause.text_en, "; ")
    }

    fn clauses_joined(&self, text: fn(&Clause) -> &'static str, separator: &str) -> String {
        let Some((step, _)) = self.recorded() else {
            return String::new();
        };
        let texts: Vec<&str> = step.clauses.iter().map(|clause| text(clause)).collect();
        texts.join(separator)
    }
}

impl Serialize for Step {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (text, formula) = self.words();
        let mut step = serializer.serialize_struct("Step", 6)?;
        step.serialize_field("text", &text)?;
        step.serialize_field("formula", &formula)?;
        step.serialize_field("params", &self.params())?;
        step.serialize_field("clause", &self.clause())?;
        step.serialize_field("clause_en", &self.clause_en())?;
        step.serialize_field("basis", &self.basis())?;
        step.end()
    }
}

/// Who a step is about, kept cheaply (a number, or the name given); its label ("成员2",
/// "Member 2", the name) is made only when the step is put into words.
#[derive(Clone, Debug)]
pub(crate) enum Who {
    /// The family's incomes as a whole.
    Family,
    /// The member at this index, with no name given.
    Number(usize),
    /// A name given: a run of the trace's names (each member's kept once an
    /// assessment).
    Named(std::ops::Range<usize>),
}

impl Who {
    /// The member's label, with `names` the trace's names.
    pub(crate) fn label(&self, names: &str) -> crate::household::MemberName {
        use crate::household::MemberName;
        match self {
            Who::Family => MemberName::family(),
            Who::Number(index) => MemberName::numbered(*index),
            Who::Named(run) => MemberName::named(names.get(run.clone()).unwrap_or_default()),
        }
    }
}

/// What a step says, as data: one variant per kind of step, holding the values the rule
/// computed. `explain::step` turns it into words and arithmetic.
#[derive(Clone, Debug)]
pub(crate) enum Said {
    IncomeMember {
        who: Who,
        /// The run of the trace's income lines.
        lines: std::ops::Range<usize>,
        deduction: Option<(crate::explain::income::CostsFrom, Decimal)>,
        total: Decimal,
    },
    IncomeOutside {
        who: Who,
        why: crate::explain::income::OutsideWhy,
    },
    IncomeMarkedCounted {
        who: Who,
    },
    IncomeHousehold {
        size: usize,
        total_yearly: Decimal,
        monthly: Decimal,
        per_person: Decimal,
    },
    DibaoStandard {
        category: crate::household::Category,
        standard: Decimal,
        standard_monthly: Decimal,
        threshold_yearly: Decimal,
        size: Decimal,
        income_yearly: Decimal,
        per_person_monthly: Decimal,
        below: bool,
    },
    DibaoGap {
        standard: Decimal,
        size: Decimal,
        income_monthly: Decimal,
        base: Decimal,
    },
    DibaoTier {
        tier: crate::household::Tier,
        why: crate::explain::dibao::TierWhy,
        per_person: Decimal,
        size: Decimal,
        base: Decimal,
    },
    DibaoCap {
        base: Decimal,
        gap_monthly: Decimal,
    },
    DibaoTopup {
        who: Who,
        why: crate::explain::dibao::TopupWhy,
        rate: Decimal,
        standard_monthly: Decimal,
        amount: Decimal,
    },
    DibaoTotal {
        base: Decimal,
        extra: Decimal,
        monthly: Decimal,
    },
    SinglePersonGap {
        standard: Decimal,
        own_monthly: Decimal,
        gap: Decimal,
    },
    GradualExitReading,
    GradualExitPeriod {
        count: u32,
        current: Decimal,
        ratio: Decimal,
        monthly: Decimal,
    },
    MarginalLine {
        standard_monthly: Decimal,
        multiple: Decimal,
        per_person_monthly: Decimal,
        below: bool,
    },
    MarginalReading,
    PriceSubsidyAmount {
        per_person: Decimal,
        persons: usize,
        monthly: Decimal,
        month_unknown: bool,
    },
    TekunBasic {
        amount: Decimal,
        published: Decimal,
        multiple: Decimal,
        standard_monthly: Decimal,
        exact_floor: Decimal,
        floor: Decimal,
    },
    TekunSelfCare {
        items: crate::household::SelfCare,
        tier: crate::tekun::CareTier,
        partial_min: Decimal,
        full_min: Decimal,
    },
    TekunCare {
        place: &'static crate::policy::Place,
        county_class: bool,
        class: Decimal,
        wage: Decimal,
        rate: Decimal,
        amount: Decimal,
    },
    TekunCareRange {
        wage: Decimal,
        least_rate: Decimal,
        least: Decimal,
        most_rate: Decimal,
        most: Decimal,
    },
    TekunTotal {
        monthly: Decimal,
        range: Option<(Decimal, Decimal)>,
    },
    TemporaryRigidSpending {
        income_monthly: Decimal,
        spending: Decimal,
        members: usize,
        left_per_person: Decimal,
        standard_monthly: Decimal,
    },
}

/// One month of a timeline (gradual exit).
#[derive(Clone, Debug, Serialize)]
pub struct TimelineMonth {
    /// "YYYY-MM".
    pub month: String,
    pub amount: Decimal,
    pub text: Text,
}

/// What one programme gives one household (or one member).
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    pub programme: Programme,
    /// The member this outcome is about (index into the household's members).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member_label: Option<String>,
    /// The same for English readers: the name given, or "Member 2" where the Chinese is
    /// "成员2" (no name was given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member_label_en: Option<String>,
    pub title: Text,
    pub status: Status,
    /// How the money comes: every month, for a limited period, or only in some months.
    pub payment: Payment,
    /// Set when the person (or family) qualifies here but is supported by another route
    /// instead, which is counted; this outcome's amount is then never added. The text
    /// names the route used and why (one person, one route).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative: Option<Text>,
    /// The monthly amount, 元. For an estimate within a range, the estimate; for a range
    /// that depends on a fact not yet given (the care tier), the amount that is sure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yearly: Option<Decimal>,
    /// The range of the monthly amount when it depends on something not yet decided
    /// (the rural tier, chosen by the caseworker).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_min: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_max: Option<Decimal>,
    /// What the range depends on ("the tier is not decided yet").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_note: Option<Text>,
    /// The weakest basis among the figures the amount rests on.
    pub amount_basis: Basis,
    /// A short label of the level reached: the rural tier, the care tier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Text>,
    pub criteria: Vec<Criterion>,
    pub reasons: Vec<Text>,
    pub missing: Vec<Missing>,
    pub steps: Steps,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<TimelineMonth>,
    /// What to do next, for this programme.
    pub next: Vec<Text>,
    /// Whether the criteria, the missing facts and the member's labels are written: not
    /// in an assessment of figures only, which the tally alone decides.
    #[serde(skip)]
    words: bool,
    /// How many criteria are not met, and how many unknown (what `decide` reads).
    #[serde(skip)]
    tally: Tally,
}

/// How many criteria of an outcome are in each undecided or failed state.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    not_met: u8,
    unknown: u8,
}

/// Adds a programme's outcome, not decided yet, to `list` and returns it, to be worked
/// out where it stays (an outcome is large: made in place, not moved from programme to
/// list).
#[inline]
pub(crate) fn add(list: &mut Vec<Outcome>, programme: Programme, words: bool) -> &mut Outcome {
    list.push(Outcome::new(programme, words));
    match list.last_mut() {
        Some(outcome) => outcome,
        None => unreachable!("an outcome was just added"),
    }
}

impl Outcome {
    /// A programme's outcome, not decided yet, titled from the one table of labels;
    /// with its criteria, missing facts and member's labels written when `words`.
    #[inline]
    pub(crate) fn new(programme: Programme, words: bool) -> Outcome {
        let title = crate::labels::programme(programme);
        Outcome {
            programme,
            member: None,
            member_label: None,
            member_label_en: None,
            title: Text::new(title.zh, title.en),
            status: Status::NeedsMoreInformation,
            payment: match programme {
                Programme::Dibao | Programme::SinglePerson | Programme::Tekun => Payment::Monthly,
                Programme::GradualExit => Payment::TimeLimited,
                Programme::PriceSubsidy => Payment::Conditional,
                Programme::MarginalFamily | Programme::TemporaryAssistance => Payment::NoCash,
            },
            alternative: None,
            monthly: None,
            yearly: None,
            monthly_min: None,
            monthly_max: None,
            range_note: None,
            amount_basis: Basis::Published,
            level: None,
            criteria: Vec::new(),
            reasons: Vec::new(),
            missing: Vec::new(),
            steps: Steps::default(),
            timeline: Vec::new(),
            next: Vec::new(),
            words,
            tally: Tally::default(),
        }
    }

    /// Names the member this outcome is about (their labels only when it has words).
    pub(crate) fn about(&mut self, person: &crate::household::Person) {
        self.member = Some(person.index);
        if self.words {
            let label = person.label();
            self.member_label = Some(label.zh);
            self.member_label_en = Some(label.en);
        }
    }

    /// The member's label in Chinese or English (`english`), if the outcome is a member's.
    pub fn member_label_in(&self, english: bool) -> Option<&str> {
        if english {
            self.member_label_en
                .as_deref()
                .or(self.member_label.as_deref())
        } else {
            self.member_label.as_deref()
        }
    }

    /// A criterion and its state; with words, its text and what decided it, `detail`: a
    /// call of the explanation layer, made when the criterion is read (see [`Later`]).
    #[inline]
    pub(crate) fn criterion(
        &mut self,
        id: &'static str,
        text: Text,
        state: State,
        detail: impl Fn() -> Text + Send + Sync + 'static,
    ) {
        self.criterion_with(id, text, state, || Later::call(detail));
    }

    /// [`Outcome::criterion`] with its detail written already (words that rest on what
    /// an outcome cannot keep).
    pub(crate) fn criterion_written(
        &mut self,
        id: &'static str,
        text: Text,
        state: State,
        detail: impl FnOnce() -> Text,
    ) {
        self.criterion_with(id, text, state, || Later::ready(detail()));
    }

    #[inline]
    fn criterion_with(
        &mut self,
        id: &'static str,
        text: Text,
        state: State,
        detail: impl FnOnce() -> Later,
    ) {
        match state {
            State::NotMet => self.tally.not_met = self.tally.not_met.saturating_add(1),
            State::Unknown => self.tally.unknown = self.tally.unknown.saturating_add(1),
            State::Met => {}
        }
        if self.words {
            self.criteria.push(Criterion {
                id,
                text,
                state,
                detail: detail(),
            });
        }
    }

    /// A fact the outcome waits for, at its input field (a JSON path, written only when
    /// the outcome has words).
    pub(crate) fn missing(&mut self, field: impl FnOnce() -> String, text: Text) {
        if !self.words {
            return;
        }
        let field = field();
        if !self.missing.iter().any(|missing| missing.field == field) {
            self.missing.push(Missing { field, text });
        }
    }

    /// Decides the status from the criteria: one not met → not eligible; otherwise one
    /// unknown → needs more information; otherwise eligible. The failed and unknown
    /// criteria come first in the list, as users read them first.
    pub(crate) fn decide(&mut self) {
        self.status = if self.tally.not_met > 0 {
            Status::NotEligible
        } else if self.tally.unknown > 0 {
            Status::NeedsMoreInformation
        } else {
            Status::Eligible
        };
        // Once a criterion is not met, no missing fact can change the outcome: asking for
        // it would only waste the family's time.
        if self.status == Status::NotEligible {
            self.missing.clear();
        }
        let rank = |criterion: &Criterion| match criterion.state {
            State::NotMet => 0,
            State::Unknown => 1,
            State::Met => 2,
        };
        if !self.criteria.is_sorted_by_key(rank) {
            self.criteria.sort_by_key(rank);
        }
    }

    /// The amount to show with this outcome: none while it needs more information, where
    /// an amount would read as money the family will get although it rests on questions
    /// not answered yet (the amount it would have stays in `monthly` and in the steps).
    /// The CLI's explanation, the site's cards, the print sheet and the comparison of
    /// scenarios all show this.
    pub fn shown_monthly(&self) -> Option<Decimal> {
        self.monthly
            .filter(|_| self.status != Status::NeedsMoreInformation)
    }

    /// The range to show with the amount ([`Outcome::shown_monthly`]), if it has one.
    pub fn shown_range(&self) -> Option<(Decimal, Decimal)> {
        match (self.shown_monthly(), self.monthly_min, self.monthly_max) {
            (Some(_), Some(min), Some(max)) => Some((min, max)),
            _ => None,
        }
    }

    /// Whether this outcome's amount is a part of the monthly total (`total_monthly`):
    /// counted, paid every month, with an amount.
    pub fn in_monthly_total(&self) -> bool {
        self.counts() && self.payment == Payment::Monthly && self.monthly.is_some()
    }

    /// Whether this outcome's amount is counted where its kind of money is added up: it
    /// is eligible and not an alternative to a route that is used instead.
    pub fn counts(&self) -> bool {
        self.status == Status::Eligible && self.alternative.is_none()
    }

    /// Records the amount's basis: the weakest of what it rests on.
    pub(crate) fn rests_on(&mut self, basis: Basis) {
        self.amount_basis = self.amount_basis.max(basis);
    }
}

/// A month as "YYYY-MM" (a year of four digits, as `format!("{year:04}-{month:02}")`
/// writes it), without the formatting machinery: the gradual-exit timeline writes one
/// for every month.
pub(crate) fn month_text(year: u16, month: u8) -> String {
    if year > 9999 || month > 99 {
        return format!("{year:04}-{month:02}");
    }
    let digit = |value: u16| char::from(b'0' + u8::try_from(value % 10).unwrap_or(0));
    let month = u16::from(month);
    let mut text = String::with_capacity(7);
    text.push(digit(year / 1000));
    text.push(digit(year / 100));
    text.push(digit(year / 10));
    text.push(digit(year));
    text.push('-');
    text.push(digit(month / 10));
    text.push(digit(month));
    text
}

/// Months after a date: the first day of the month `offset` months after `date`'s month.
pub fn month_after(date: Date, offset: u32) -> (u16, u8) {
    let index = u32::from(date.year) * 12 + u32::from(date.month) - 1 + offset;
    (
        u16::try_from(index / 12).unwrap_or(u16::MAX),
        u8::try_from(index % 12 + 1).unwrap_or(12),
    )
}

#[cfg(test)]
mod tests {
    use super::{Programme, Status};

    #[test]
    fn each_programme_and_status_is_at_its_index() {
        for (at, programme) in Programme::ALL.into_iter().enumerate() {
            assert_eq!(programme.index(), at, "{programme:?}");
        }
        for (at, status) in Status::ALL.into_iter().enumerate() {
            assert_eq!(status.index(), at, "{status:?}");
        }
    }

    #[test]
    fn a_month_is_written_as_format_writes_it() {
        for year in [0, 7, 99, 999, 1900, 2026, 2999, 9999, 10000, u16::MAX] {
            for month in [1, 9, 10, 12, 100] {
                assert_eq!(
                    super::month_text(year, month),
                    format!("{year:04}-{month:02}")
                );
            }
        }
    }
}

#[cfg(test)]
mod trace_tests {
    use crate::{assess, Household, Options};

    fn example(name: &str) -> Household {
        let path = format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).expect("the example reads");
        serde_json::from_str(&text).expect("the example is a household")
    }

    fn steps(assessment: &crate::Assessment) -> String {
        let lists: Vec<_> = assessment.programmes.iter().map(|o| &o.steps).collect();
        serde_json::to_string(&lists).expect("steps serialise")
    }

    /// A criterion's detail is written when it is read: the same words each time, and
    /// the same in the JSON as read; without words there are no criteria.
    #[test]
    fn a_criterion_s_detail_is_written_when_read_the_same_each_time() {
        let family = example("urban-family-with-grandmother.json");
        let assessment = assess(&family, Options::FULL).expect("assesses");
        let json = serde_json::to_value(&assessment).expect("serialises");
        let mut details = 0;
        for (at, outcome) in assessment.programmes.iter().enumerate() {
            for (place, criterion) in outcome.criteria.iter().enumerate() {
                let detail = criterion.detail();
                assert_eq!(detail, criterion.detail());
                let written = &json["programmes"][at]["criteria"][place]["detail"];
                assert_eq!(written["zh"], detail.zh.as_ref());
                assert_eq!(written["en"], detail.en.as_ref());
                details += usize::from(!detail.is_empty());
            }
        }
        assert!(details > 10, "the family's criteria say what decided them");
        let figures = assess(&family, Options::FIGURES).expect("assesses");
        assert!(figures
            .programmes
            .iter()
            .all(|outcome| outcome.criteria.is_empty()));
    }

    /// A trace's buffers are taken for a later trace only once nothing reads it: an
    /// assessment kept while others are made and dropped reads as it did.
    #[test]
    fn a_trace_kept_reads_the_same_while_others_come_and_go() {
        let family = example("urban-family-with-grandmother.json");
        let tekun = example("tekun-partial-care.json");
        let kept = assess(&family, Options::TRACE).expect("assesses");
        let before = steps(&kept);
        assert!(before.len() > 100, "the family has steps: {before}");
        for _ in 0..SPARE_ROUNDS {
            let other = assess(&tekun, Options::TRACE).expect("assesses");
            assert_ne!(steps(&other), before);
        }
        assert_eq!(steps(&kept), before);
        drop(kept);
        let again = assess(&family, Options::TRACE).expect("assesses");
        assert_eq!(steps(&again), before);
    }

    const SPARE_ROUNDS: usize = super::SPARE_TRACES + 2;
}

//! The policies compiled in from policies/*.toml, and the lookup of a parameter on a
//! date. A date before a parameter's first value is an error naming both, never zero.

pub use doudi_policy::{Date, Status, Unit};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// A document that values rest on.
#[derive(Debug, Serialize)]
pub struct Source {
    pub id: &'static str,
    pub document: &'static str,
    /// The document in English: a number as it is, a description translated.
    pub document_en: &'static str,
    pub title: &'static str,
    pub title_en: &'static str,
    pub issuer: &'static str,
    pub date: &'static str,
    pub url: &'static str,
    pub note: &'static str,
}

/// A county-level unit of Hanzhong.
#[derive(Debug, Serialize)]
pub struct Place {
    /// Its position in PLACES (the key of the `by_place` breakdowns).
    #[serde(skip)]
    pub index: usize,
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

/// A named number with its whole dated history.
#[derive(Debug)]
pub struct Param {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub unit: Unit,
    pub file: &'static str,
    pub entries: &'static [Entry],
}

/// One dated value: in force from `from` until the next entry's date.
#[derive(Debug)]
pub struct Entry {
    pub from: Date,
    /// `None`: the parameter did not exist from `from` on.
    pub value: Option<Decimal>,
    pub status: Status,
    pub source: &'static Source,
    pub clause: &'static str,
    /// The clause in English (document numbers as they are).
    pub clause_en: &'static str,
    pub note: &'static str,
    pub note_zh: &'static str,
}

/// A named list of names with its dated history.
#[derive(Debug)]
pub struct List {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub entries: &'static [ListEntry],
}

/// A clause a rule cites (policies/clauses.toml): the words an explanation step shows as
/// its basis in law, whether the law says it or it is our reading or claim, and the
/// documents it rests on.
#[derive(Debug)]
pub struct Clause {
    pub id: &'static str,
    pub text: &'static str,
    /// The text in English (document numbers as they are).
    pub text_en: &'static str,
    pub status: Status,
    pub sources: &'static [&'static Source],
    pub note: &'static str,
}

/// One dated version of a list.
#[derive(Debug)]
pub struct ListEntry {
    pub from: Date,
    pub items: &'static [&'static str],
    /// The items' English names in the same order (empty when not given).
    pub items_en: &'static [&'static str],
    pub status: Status,
    /// The source, as its index in [`SOURCES`] (see [`ListEntry::source`]): an index,
    /// so that code reading a list's items does not link every source's texts.
    pub source: u16,
    pub clause: &'static str,
    pub note: &'static str,
}

impl ListEntry {
    pub fn source(&self) -> &'static Source {
        SOURCES[usize::from(self.source)]
    }
}

/// A parameter, as its index in [`PARAMS`]. The generated constants in [`id`] and the
/// breakdowns ([`by_place`], [`by_category`], [`by_tier`], [`by_class`]) are the only
/// way the rules name a parameter, so a misspelt id does not compile and a lookup is an
/// index, not a search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ParamId(pub u16);

impl ParamId {
    pub fn param(self) -> &'static Param {
        &PARAMS[usize::from(self.0)]
    }
}

include!(concat!(env!("OUT_DIR"), "/policies.rs"));

/// The version of the rules: the crate's version, a digest of the policy files and a
/// digest of the rules' code ("0.1.0+759aeeeb.3f2a9c1d"). Either digest changes when the
/// figures or the logic change.
pub fn rules_version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        format!(
            "{}+{}.{}",
            env!("CARGO_PKG_VERSION"),
            &POLICY_DIGEST[..8],
            &CODE_DIGEST[..8]
        )
    })
}

/// The earliest date for which every programme is modelled: the latest first date among
/// the parameters the programmes cannot do without.
pub fn first_modelled_date() -> Date {
    FIRST_MODELLED
}

/// The value in force on a date and the date it took effect, from the values alone
/// ([`VALUES`]): for code that checks or asks and explains nothing, which then links no
/// parameter's names, sources or notes (the first screen's module). `None` before the
/// first value or where the parameter is not in force.
pub fn value_on(id: ParamId, date: Date) -> Option<(Decimal, Date)> {
    let (from, value) = VALUES
        .get(usize::from(id.0))?
        .iter()
        .rev()
        .find(|(from, _)| *from <= date)?;
    Some(((*value)?, *from))
}

pub fn place(id: &str) -> Option<&'static Place> {
    PLACES.iter().find(|place| place.id == id)
}

pub fn param(id: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|param| param.id == id)
}

/// The typed id of a parameter named by a string (for input that names parameters:
/// a caseworker's overrides).
pub fn param_id(id: &str) -> Option<ParamId> {
    PARAMS
        .iter()
        .position(|param| param.id == id)
        .and_then(|index| u16::try_from(index).ok())
        .map(ParamId)
}

impl Param {
    /// The entry in force on `date`, if the parameter's history reaches back that far.
    pub fn entry_on(&self, date: Date) -> Option<&'static Entry> {
        self.entries.iter().rev().find(|entry| entry.from <= date)
    }
}

/// Where a value came from: one of the policy statuses, or a caseworker's override.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Published,
    Inferred,
    Assumed,
    /// A caseworker replaced an assumed value for this assessment.
    Override,
    /// A reform's value (reform.rs): a scenario being costed, never policy.
    Reform,
}

impl From<Status> for Basis {
    fn from(status: Status) -> Basis {
        match status {
            Status::Published => Basis::Published,
            Status::Inferred => Basis::Inferred,
            Status::Assumed => Basis::Assumed,
        }
    }
}

/// A parameter's value as used in one assessment, with everything the explanation shows.
#[derive(Clone, Debug, Serialize)]
pub struct Used {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub unit: Unit,
    pub value: Decimal,
    /// The date the value is in force from.
    pub from: Date,
    pub basis: Basis,
    /// What policy says when a caseworker's override replaced it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_value: Option<Decimal>,
    pub document: &'static str,
    /// The document in English: a number (汉民发〔2025〕82号) as it is, a description
    /// ("doudi project assumption") translated.
    pub document_en: &'static str,
    pub title: &'static str,
    pub title_en: &'static str,
    pub url: &'static str,
    pub clause: &'static str,
    /// The clause in English (document numbers as they are).
    pub clause_en: &'static str,
    /// Why the value has its status, in English and Chinese (empty when none).
    #[serde(skip_serializing_if = "str::is_empty")]
    pub note: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub note_zh: &'static str,
}

/// A parameter as a rule reads it: its value on the date and its basis, small enough to
/// copy. The full record ([`Used`], with its names, source and notes) is written only for
/// an explanation step or the list of figures that are not published.
#[derive(Clone, Copy, Debug)]
pub struct Read {
    pub id: ParamId,
    pub value: Decimal,
    pub basis: Basis,
    /// What policy says when a caseworker's override or a reform replaced it.
    pub policy_value: Option<Decimal>,
    entry: &'static Entry,
    /// The date a reform's value is in force from, when it is a reform's.
    reform_from: Option<Date>,
}

impl Read {
    /// The full record of the value read. A reform's value is the reform's, from its
    /// date: no policy document is named for it (what policy says is `policy_value`).
    pub fn used(&self) -> Used {
        let param = self.id.param();
        let entry = self.entry;
        if let Some(from) = self.reform_from {
            return Used {
                id: param.id,
                zh: param.zh,
                en: param.en,
                unit: param.unit,
                value: self.value,
                from,
                basis: self.basis,
                policy_value: self.policy_value,
                document: "改革方案",
                document_en: "Reform scenario",
                title: "测算用的新值，不是现行政策",
                title_en: "a new value for costing, not policy in force",
                url: "",
                clause: "",
                clause_en: "",
                note: "",
                note_zh: "",
            };
        }
        Used {
            id: param.id,
            zh: param.zh,
            en: param.en,
            unit: param.unit,
            value: self.value,
            from: entry.from,
            basis: self.basis,
            policy_value: self.policy_value,
            document: entry.source.document,
            document_en: entry.source.document_en,
            title: entry.source.title,
            title_en: entry.source.title_en,
            url: entry.source.url,
            clause: entry.clause,
            clause_en: entry.clause_en,
            note: entry.note,
            note_zh: entry.note_zh,
        }
    }
}

/// Why a parameter could not be had on a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LookupError {
    /// The parameter's history starts after the date.
    BeforeFirstValue {
        id: &'static str,
        date: Date,
        first: Date,
    },
    /// The parameter had ended, or not begun, on the date (an explicit "none" entry).
    NotInForce { id: &'static str, date: Date },
    /// A rule asked for a parameter that policies/ does not define: a programming error
    /// caught by the date-sweep test, reported rather than panicking.
    Unknown { id: String },
}

/// The parameters on one assessment date, with a caseworker's overrides.
#[derive(Clone, Debug)]
pub struct Params<'a> {
    pub date: Date,
    overrides: &'a BTreeMap<String, Decimal>,
    /// A reform's new values, read in place of policy's from their dates.
    reform: Option<&'a crate::reform::Reform>,
    /// Every parameter's policy value on the date, looked up once (see [`Eras`]) at the
    /// first read: a read is then an index. Not at `new`, so that code that makes a
    /// `Params` for its lists alone (`questions::in_force`, on the site's first screen)
    /// links no parameter's record.
    era: std::cell::OnceCell<&'static [Slot]>,
}

/// A parameter's policy value in force over a stretch of dates on which no parameter
/// changes (an era), as [`Params::read`] finds it before any reform or override.
#[derive(Clone, Copy, Debug)]
enum Slot {
    Value(Read),
    /// The date is before the parameter's first value.
    BeforeFirstValue,
    /// The parameter is not in force (an explicit "none" entry).
    NotInForce,
}

/// Every parameter's policy value on a date (its era's), with no reform or override.
#[derive(Clone, Copy, Debug)]
pub(crate) struct InForce(&'static [Slot]);

impl InForce {
    /// The parameter's value, `None` where it has none on the date (an error, which
    /// [`Params::read`] words).
    #[inline]
    pub(crate) fn read(self, id: ParamId) -> Option<&'static Read> {
        match self.0.get(usize::from(id.0)) {
            Some(Slot::Value(read)) => Some(read),
            _ => None,
        }
    }
}

/// The eras of the parameters' histories: every date on which some parameter's value
/// changes, in order, each with every parameter's value from then until the next. Any
/// date before the first is in the era `before`. Built once, on the first lookup.
struct Eras {
    starts: Vec<Date>,
    slots: Vec<Vec<Slot>>,
    before: Vec<Slot>,
}

fn slot_on(index: usize, date: Date) -> Slot {
    let param = &PARAMS[index];
    let id = ParamId(u16::try_from(index).unwrap_or(u16::MAX));
    match param.entry_on(date) {
        None => Slot::BeforeFirstValue,
        Some(Entry { value: None, .. }) => Slot::NotInForce,
        Some(
            entry @ Entry {
                value: Some(value), ..
            },
        ) => Slot::Value(Read {
            id,
            value: *value,
            basis: entry.status.into(),
            policy_value: None,
            entry,
            reform_from: None,
        }),
    }
}

fn eras() -> &'static Eras {
    static ERAS: std::sync::OnceLock<Eras> = std::sync::OnceLock::new();
    ERAS.get_or_init(|| {
        let mut starts: Vec<Date> = PARAMS
            .iter()
            .flat_map(|param| param.entries.iter().map(|entry| entry.from))
            .collect();
        starts.sort();
        starts.dedup();
        let all = |date: Date| {
            (0..PARAMS.len())
                .map(|index| slot_on(index, date))
                .collect()
        };
        Eras {
            slots: starts.iter().map(|date| all(*date)).collect(),
            before: (0..PARAMS.len()).map(|_| Slot::BeforeFirstValue).collect(),
            starts,
        }
    })
}

/// Every parameter's policy value on `date`.
fn era_of(date: Date) -> &'static [Slot] {
    let eras = eras();
    // The era whose start is the last on or before the date.
    match eras.starts.partition_point(|start| *start <= date) {
        0 => &eras.before,
        after => &eras.slots[after - 1],
    }
}

/// Each parameter's place in the order of their names ([`ids_by_name`] turned round): a
/// set of parameters kept as bits by this place lists them by name as it is walked.
pub(crate) fn name_rank(id: ParamId) -> usize {
    static RANKS: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();
    let ranks = RANKS.get_or_init(|| {
        let mut ranks = vec![0; PARAMS.len()];
        for (rank, id) in ids_by_name().iter().enumerate() {
            if let Some(place) = ranks.get_mut(usize::from(id.0)) {
                *place = rank;
            }
        }
        ranks
    });
    ranks.get(usize::from(id.0)).copied().unwrap_or_default()
}

/// The figures an assessment used that are not published policy (inferred, assumed,
/// overridden or a reform's), in the order of their ids' names, once each: kept as the
/// values read, their full records ([`Used`]) made when they are listed or serialised.
#[derive(Clone, Debug, Default)]
pub struct NotPublished(pub(crate) Vec<Read>);

impl NotPublished {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each figure's full record: names, value, source, status.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Used> + '_ {
        self.0.iter().map(Read::used)
    }
}

impl<'a> IntoIterator for &'a NotPublished {
    type Item = Used;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, Read>, fn(&Read) -> Used>;

    fn into_iter(self) -> Self::IntoIter {
        let used: fn(&Read) -> Used = Read::used;
        self.0.iter().map(used)
    }
}

impl Serialize for NotPublished {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// The parameters' ids in the order of their names (for lists sorted by name).
pub(crate) fn ids_by_name() -> &'static [ParamId] {
    static IDS: std::sync::OnceLock<Vec<ParamId>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        let mut ids: Vec<ParamId> = (0..PARAMS.len())
            .filter_map(|index| u16::try_from(index).ok().map(ParamId))
            .collect();
        ids.sort_by(|a, b| a.param().id.cmp(b.param().id));
        ids
    })
}

impl<'a> Params<'a> {
    pub fn new(date: Date, overrides: &'a BTreeMap<String, Decimal>) -> Params<'a> {
        Params {
            date,
            overrides,
            reform: None,
            era: std::cell::OnceCell::new(),
        }
    }

    /// The same parameters under a reform.
    pub fn under(self, reform: Option<&'a crate::reform::Reform>) -> Params<'a> {
        Params { reform, ..self }
    }

    /// The value in force on the assessment date, by name (for callers outside the
    /// rules, which name parameters by their typed ids: see [`Params::at`]).
    pub fn get(&self, id: &str) -> Result<Used, LookupError> {
        let id = param_id(id).ok_or_else(|| LookupError::Unknown { id: id.to_string() })?;
        self.at(id)
    }

    /// The value in force on the assessment date, with its full record.
    pub fn at(&self, id: ParamId) -> Result<Used, LookupError> {
        Ok(self.read(id)?.used())
    }

    /// The policy values in force on the date, when reads are policy's alone (`None`
    /// under a reform or overrides): a read of a value in force is then an index.
    pub(crate) fn policy_in_force(&self) -> Option<InForce> {
        (self.reform.is_none() && self.overrides.is_empty())
            .then(|| InForce(self.era.get_or_init(|| era_of(self.date))))
    }

    /// The value in force on the assessment date, as a rule reads it.
    pub fn read(&self, id: ParamId) -> Result<Read, LookupError> {
        let slot = self
            .era
            .get_or_init(|| era_of(self.date))
            .get(usize::from(id.0))
            .copied()
            .unwrap_or(Slot::BeforeFirstValue);
        if self.reform.is_none() && self.overrides.is_empty() {
            if let Slot::Value(read) = slot {
                return Ok(read);
            }
        }
        self.read_slow(id, slot)
    }

    /// [`Params::read`] under a reform or overrides, or for a parameter without a value.
    #[cold]
    fn read_slow(&self, id: ParamId, slot: Slot) -> Result<Read, LookupError> {
        let param = id.param();
        let (policy, entry) = match slot {
            Slot::Value(read) => (Some(read.value), read.entry),
            Slot::NotInForce => match param.entry_on(self.date) {
                Some(entry) => (None, entry),
                None => return Err(self.before_first_value(param)),
            },
            Slot::BeforeFirstValue => return Err(self.before_first_value(param)),
        };
        let reformed = self
            .reform
            .and_then(|reform| reform.change_on(id, self.date));
        let mut read = match (policy, reformed) {
            // A reform's value, in place of policy's (or where policy has none: a new
            // tier), marked as the reform's.
            (policy, Some(change)) => Read {
                id,
                value: change.value,
                basis: Basis::Reform,
                policy_value: policy,
                entry,
                reform_from: Some(change.from),
            },
            (Some(value), None) => Read {
                id,
                value,
                basis: entry.status.into(),
                policy_value: None,
                entry,
                reform_from: None,
            },
            (None, None) => {
                return Err(LookupError::NotInForce {
                    id: param.id,
                    date: self.date,
                })
            }
        };
        let value = read.value;
        if !self.overrides.is_empty() {
            if let Some(&replacement) = self.overrides.get(param.id) {
                read.policy_value = Some(value);
                read.value = replacement;
                read.basis = Basis::Override;
            }
        }
        Ok(read)
    }

    fn before_first_value(&self, param: &'static Param) -> LookupError {
        LookupError::BeforeFirstValue {
            id: param.id,
            date: self.date,
            first: param
                .entries
                .first()
                .map(|entry| entry.from)
                .unwrap_or(self.date),
        }
    }

    /// Whether the parameter has a value in force on the date (an explicit "none" entry
    /// says it has not), by name.
    pub fn in_force(&self, id: &str) -> Result<bool, LookupError> {
        let id = param_id(id).ok_or_else(|| LookupError::Unknown { id: id.to_string() })?;
        self.in_force_at(id)
    }

    /// Whether the parameter has a value in force on the date.
    pub fn in_force_at(&self, id: ParamId) -> Result<bool, LookupError> {
        match self.read(id) {
            Ok(_) => Ok(true),
            Err(LookupError::NotInForce { .. }) => Ok(false),
            Err(error) => Err(error),
        }
    }

    /// The list in force on the assessment date.
    pub fn list(&self, id: &str) -> Result<&'static ListEntry, LookupError> {
        let list = LISTS
            .iter()
            .find(|list| list.id == id)
            .ok_or_else(|| LookupError::Unknown { id: id.to_string() })?;
        list.entries
            .iter()
            .rev()
            .find(|entry| entry.from <= self.date)
            .ok_or(LookupError::BeforeFirstValue {
                id: list.id,
                date: self.date,
                first: list
                    .entries
                    .first()
                    .map(|entry| entry.from)
                    .unwrap_or(self.date),
            })
    }
}

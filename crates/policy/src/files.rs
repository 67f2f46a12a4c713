//! Loading policies/ from files, validating it, and generating Rust tables.

use crate::{Date, Status, Unit};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::str::FromStr;

// ---- Raw files -------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSources {
    sources: BTreeMap<String, RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    document: String,
    /// The document in English: a number stays as it is, a description is translated.
    #[serde(default)]
    document_en: String,
    title: String,
    #[serde(default)]
    title_en: String,
    issuer: String,
    date: String,
    url: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlaces {
    place: Vec<Place>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParams {
    #[serde(default)]
    param: Vec<RawParam>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParam {
    id: String,
    zh: String,
    en: String,
    unit: Unit,
    values: Vec<RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    from: String,
    value: String,
    status: Status,
    source: String,
    clause: String,
    /// The clause in English (document numbers stay as they are).
    #[serde(default)]
    clause_en: String,
    /// Why this status, what is unknown: in English for maintainers…
    #[serde(default)]
    note: String,
    /// …and in Chinese for residents and caseworkers.
    #[serde(default)]
    note_zh: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClauses {
    clause: Vec<Clause>,
}

/// A clause the rules cite: the words an explanation step shows as its basis in law, and
/// whether the law says it (published) or it is a reading or claim of ours (inferred,
/// assumed), with the documents it rests on.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub id: String,
    pub text: String,
    /// The text in English (document numbers stay as they are).
    #[serde(default)]
    pub text_en: String,
    pub status: Status,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLists {
    list: Vec<RawList>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    id: String,
    zh: String,
    en: String,
    values: Vec<RawListValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawListValue {
    from: String,
    items: Vec<String>,
    /// The items' English names, in the same order (optional).
    #[serde(default)]
    items_en: Vec<String>,
    status: Status,
    source: String,
    clause: String,
    #[serde(default)]
    note: String,
}

// ---- Validated types -------------------------------------------------------------

/// A document that values rest on.
#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub document: String,
    pub document_en: String,
    pub title: String,
    pub title_en: String,
    pub issuer: String,
    pub date: String,
    pub url: String,
    pub note: String,
}

/// A county-level unit of Hanzhong.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub zh: String,
    pub en: String,
}

/// One dated value of a parameter.
#[derive(Clone, Debug)]
pub struct Value {
    pub from: Date,
    /// `None` states that the parameter did not exist from `from` on.
    pub value: Option<Decimal>,
    pub status: Status,
    pub source: String,
    pub clause: String,
    pub clause_en: String,
    pub note: String,
    pub note_zh: String,
}

/// A named number with its whole dated history.
#[derive(Clone, Debug)]
pub struct Param {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub unit: Unit,
    /// The file (without .toml) the parameter is defined in: the programme.
    pub file: String,
    pub values: Vec<Value>,
}

/// One dated version of a list of names.
#[derive(Clone, Debug)]
pub struct ListValue {
    pub from: Date,
    pub items: Vec<String>,
    /// The items' English names in the same order, or none.
    pub items_en: Vec<String>,
    pub status: Status,
    pub source: String,
    pub clause: String,
    pub note: String,
}

/// A named list of names with its dated history.
#[derive(Clone, Debug)]
pub struct List {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub values: Vec<ListValue>,
}

/// Everything in policies/, validated.
#[derive(Clone, Debug)]
pub struct PolicySet {
    pub sources: Vec<Source>,
    pub places: Vec<Place>,
    pub params: Vec<Param>,
    pub lists: Vec<List>,
    pub clauses: Vec<Clause>,
    /// A digest of the files' bytes: changes whenever any policy file changes.
    pub digest: u64,
}

impl PolicySet {
    pub fn param(&self, id: &str) -> Option<&Param> {
        self.params.iter().find(|param| param.id == id)
    }
}

/// Loads and validates every file of a policies/ folder. The error lists every problem
/// found, one a line, each naming the file and the parameter.
pub fn load(dir: &Path) -> Result<PolicySet, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|error| format!("{}: {error}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    let mut files = Vec::new();
    for name in names {
        let text =
            std::fs::read_to_string(dir.join(&name)).map_err(|error| format!("{name}: {error}"))?;
        files.push((name, text));
    }
    parse(&files)
}

/// Validates the given (file name, text) pairs as a policies/ folder.
pub fn parse(files: &[(String, String)]) -> Result<PolicySet, String> {
    let mut errors: Vec<String> = Vec::new();
    let mut sources = Vec::new();
    let mut places = Vec::new();
    let mut params = Vec::new();
    let mut lists = Vec::new();
    let mut clauses = Vec::new();
    let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, text) in files {
        for byte in name.bytes().chain(text.bytes()) {
            digest = (digest ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
        }
        let stem = name.trim_end_matches(".toml").to_string();
        let result = match stem.as_str() {
            "sources" => toml::from_str::<RawSources>(text).map(|raw| {
                for (id, source) in raw.sources {
                    sources.push(Source {
                        id,
                        document: source.document,
                        document_en: source.document_en,
                        title: source.title,
                        title_en: source.title_en,
                        issuer: source.issuer,
                        date: source.date,
                        url: source.url,
                        note: source.note,
                    });
                }
            }),
            "places" => toml::from_str::<RawPlaces>(text).map(|raw| places = raw.place),
            "clauses" => toml::from_str::<RawClauses>(text).map(|raw| clauses = raw.clause),
            "lists" => toml::from_str::<RawLists>(text).map(|raw| {
                for list in raw.list {
                    let mut values = Vec::new();
                    for value in list.values {
                        if !value.items_en.is_empty() && value.items_en.len() != value.items.len() {
                            errors.push(format!(
                                "{name}: list {}: {} English names for {} items",
                                list.id,
                                value.items_en.len(),
                                value.items.len()
                            ));
                        }
                        match Date::parse(&value.from) {
                            Ok(from) => values.push(ListValue {
                                from,
                                items: value.items,
                                items_en: value.items_en,
                                status: value.status,
                                source: value.source,
                                clause: value.clause,
                                note: value.note,
                            }),
                            Err(error) => errors.push(format!("{name}: list {}: {error}", list.id)),
                        }
                    }
                    lists.push(List { id: list.id, zh: list.zh, en: list.en, values });
                }
            }),
            _ => toml::from_str::<RawParams>(text).map(|raw| {
                for param in raw.param {
                    let mut values = Vec::new();
                    for value in param.values {
                        let from = match Date::parse(&value.from) {
                            Ok(from) => from,
                            Err(error) => {
                                errors.push(format!("{name}: {}: {error}", param.id));
                                continue;
                            }
                        };
                        let amount = if value.value == "none" {
                            None
                        } else {
                            match Decimal::from_str(&value.value) {
                                Ok(amount) => Some(amount),
                                Err(_) => {
                                    errors.push(format!(
                                        "{name}: {} from {from}: value \"{}\" is not a decimal number or \"none\"",
                                        param.id, value.value
                                    ));
                                    continue;
                                }
                            }
                        };
                        values.push(Value {
                            from,
                            value: amount,
                            status: value.status,
                            source: value.source,
                            clause: value.clause,
                            clause_en: value.clause_en,
                            note: value.note,
                            note_zh: value.note_zh,
                        });
                    }
                    params.push(Param { id: param.id, zh: param.zh, en: param.en, unit: param.unit, file: stem.clone(), values });
                }
            }),
        };
        if let Err(error) = result {
            errors.push(format!("{name}: {error}"));
        }
    }
    let set = PolicySet {
        sources,
        places,
        params,
        lists,
        clauses,
        digest,
    };
    errors.extend(check(&set));
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(errors.join("\n"))
    }
}

/// Checks a text shown to English readers: it must be given, and hold no Chinese other
/// than document numbers (汉民发〔2021〕52号 stays as it is in English).
fn english(errors: &mut Vec<String>, at: &str, field: &str, text: &str) {
    if text.trim().is_empty() {
        errors.push(format!(
            "{at}: {field} is missing: the English is required (document numbers stay as they are)"
        ));
        return;
    }
    let stray = crate::stray_chinese(text);
    if !stray.is_empty() {
        errors.push(format!(
            "{at}: {field} has Chinese other than document numbers: \"{}\"",
            stray.join("\", \"")
        ));
    }
}

/// The checks that make a set valid beyond its syntax.
fn check(set: &PolicySet) -> Vec<String> {
    let mut errors = Vec::new();
    let source_ids: BTreeSet<&str> = set
        .sources
        .iter()
        .map(|source| source.id.as_str())
        .collect();
    if set.places.is_empty() {
        errors.push("places.toml: no place is defined".to_string());
    }
    for source in &set.sources {
        let at = format!("sources.toml: source {}", source.id);
        english(&mut errors, &at, "document_en", &source.document_en);
        english(&mut errors, &at, "title_en", &source.title_en);
    }
    let mut clause_ids = BTreeSet::new();
    for clause in &set.clauses {
        if !clause_ids.insert(clause.id.as_str()) {
            errors.push(format!(
                "clauses.toml: clause {} is defined twice",
                clause.id
            ));
        }
        if clause.text.trim().is_empty() {
            errors.push(format!("clauses.toml: clause {} has no text", clause.id));
        }
        english(
            &mut errors,
            &format!("clauses.toml: clause {}", clause.id),
            "text_en",
            &clause.text_en,
        );
        if clause.sources.is_empty() {
            errors.push(format!(
                "clauses.toml: clause {} names no source",
                clause.id
            ));
        }
        for source in &clause.sources {
            if !source_ids.contains(source.as_str()) {
                errors.push(format!(
                    "clauses.toml: clause {}: unknown source \"{source}\"",
                    clause.id
                ));
            }
        }
        if clause.status != Status::Published && clause.note.trim().is_empty() {
            errors.push(format!(
                "clauses.toml: clause {} is {}: its note must say why",
                clause.id,
                clause.status.name().to_lowercase()
            ));
        }
    }
    let mut seen = BTreeSet::new();
    for param in &set.params {
        if !seen.insert(param.id.as_str()) {
            errors.push(format!(
                "{}.toml: parameter {} is defined twice",
                param.file, param.id
            ));
        }
        if param.values.is_empty() {
            errors.push(format!("{}.toml: {} has no value", param.file, param.id));
        }
        english(
            &mut errors,
            &format!("{}.toml: {}", param.file, param.id),
            "en",
            &param.en,
        );
        for pair in param.values.windows(2) {
            if pair[1].from <= pair[0].from {
                errors.push(format!(
                    "{}.toml: {}: dates must strictly increase ({} then {})",
                    param.file, param.id, pair[0].from, pair[1].from
                ));
            }
        }
        for value in &param.values {
            if !source_ids.contains(value.source.as_str()) {
                errors.push(format!(
                    "{}.toml: {} from {}: unknown source \"{}\"",
                    param.file, param.id, value.from, value.source
                ));
            }
            if value.clause.trim().is_empty() {
                errors.push(format!(
                    "{}.toml: {} from {}: the clause is empty",
                    param.file, param.id, value.from
                ));
            }
            let at = format!("{}.toml: {} from {}", param.file, param.id, value.from);
            english(&mut errors, &at, "clause_en", &value.clause_en);
            if !value.note.is_empty() {
                english(&mut errors, &at, "note", &value.note);
            }
            if let Some(amount) = value.value {
                if amount.is_sign_negative() {
                    errors.push(format!(
                        "{}.toml: {} from {}: negative value {amount}",
                        param.file, param.id, value.from
                    ));
                }
                if param.unit == Unit::Flag && amount != Decimal::ZERO && amount != Decimal::ONE {
                    errors.push(format!(
                        "{}.toml: {} from {}: a flag is 0 or 1, not {amount}",
                        param.file, param.id, value.from
                    ));
                }
                if param.unit == Unit::Ratio && amount > Decimal::from(10) {
                    errors.push(format!(
                        "{}.toml: {} from {}: ratio {amount} is absurd",
                        param.file, param.id, value.from
                    ));
                }
            }
        }
    }
    for list in &set.lists {
        english(
            &mut errors,
            &format!("lists.toml: {}", list.id),
            "en",
            &list.en,
        );
        for value in &list.values {
            for item in &value.items_en {
                english(
                    &mut errors,
                    &format!("lists.toml: {} from {}", list.id, value.from),
                    "items_en",
                    item,
                );
            }
            if !source_ids.contains(value.source.as_str()) {
                errors.push(format!(
                    "lists.toml: {} from {}: unknown source \"{}\"",
                    list.id, value.from, value.source
                ));
            }
        }
        for pair in list.values.windows(2) {
            if pair[1].from <= pair[0].from {
                errors.push(format!(
                    "lists.toml: {}: dates must strictly increase",
                    list.id
                ));
            }
        }
    }
    for place in &set.places {
        english(
            &mut errors,
            &format!("places.toml: {}", place.id),
            "en",
            &place.en,
        );
        if set
            .param(&format!("min_wage.class_of.{}", place.id))
            .is_none()
        {
            errors.push(format!(
                "min_wage.toml: no min_wage.class_of.{} for place {}",
                place.id, place.zh
            ));
        }
    }
    errors.extend(check_tekun_floor(set));
    errors
}

/// 汉民发〔2021〕52号 二(二): the tekun basic living standard is at least 1.3 × the dibao
/// standard. Checked at every date where either changes, so a data entry slip cannot
/// ship.
fn check_tekun_floor(set: &PolicySet) -> Vec<String> {
    let mut errors = Vec::new();
    let (Some(multiple), Some(urban), Some(rural), Some(tekun_urban), Some(tekun_rural)) = (
        set.param("tekun.basic_multiple"),
        set.param("dibao.urban.standard"),
        set.param("dibao.rural.standard"),
        set.param("tekun.urban.basic"),
        set.param("tekun.rural.basic"),
    ) else {
        return vec!["policies: one of tekun.basic_multiple, dibao.urban.standard, dibao.rural.standard, tekun.urban.basic, tekun.rural.basic is missing".to_string()];
    };
    let dates: BTreeSet<Date> = [urban, rural, tekun_urban, tekun_rural]
        .iter()
        .flat_map(|param| param.values.iter().map(|value| value.from))
        .collect();
    for date in dates {
        let at = |param: &Param| value_at(param, date);
        if let (Some(multiple), Some(standard), Some(tekun)) =
            (at(multiple), at(urban), at(tekun_urban))
        {
            if tekun < standard * multiple {
                errors.push(format!("tekun.urban.basic {tekun} on {date} is below {multiple} × urban dibao {standard}"));
            }
        }
        if let (Some(multiple), Some(standard_year), Some(tekun)) =
            (at(multiple), at(rural), at(tekun_rural))
        {
            if tekun * Decimal::from(12) < standard_year * multiple {
                errors.push(format!("tekun.rural.basic {tekun}/month on {date} is below {multiple} × rural dibao {standard_year}/year"));
            }
        }
    }
    errors
}

/// The value in force on a date, if any.
pub fn value_at(param: &Param, date: Date) -> Option<Decimal> {
    param
        .values
        .iter()
        .rev()
        .find(|value| value.from <= date)
        .and_then(|value| value.value)
}

/// Writes the Rust source of the compiled tables. The generated code names the types of
/// the rules crate's `policy` module: `Source`, `Param`, `Entry`, `Place`, `List`,
/// `ListEntry`, `Date`, `Status`, `Unit` and `Decimal`.
pub fn generate(set: &PolicySet) -> String {
    let mut out = String::new();
    let source_index = |id: &str| {
        set.sources
            .iter()
            .position(|source| source.id == id)
            .unwrap_or(0)
    };
    let _ = writeln!(
        out,
        "// Generated by doudi-policy from policies/*.toml. Do not edit."
    );
    let _ = writeln!(
        out,
        "pub const POLICY_DIGEST: &str = \"{:016x}\";",
        set.digest
    );
    for (index, source) in set.sources.iter().enumerate() {
        let _ = writeln!(
            out,
            "static SOURCE_{index}: Source = Source {{ id: {:?}, document: {:?}, document_en: {:?}, title: {:?}, title_en: {:?}, issuer: {:?}, date: {:?}, url: {:?}, note: {:?} }};",
            source.id, source.document, source.document_en, source.title, source.title_en, source.issuer, source.date, source.url, source.note
        );
    }
    let _ = writeln!(out, "pub static SOURCES: &[&Source] = &[");
    for index in 0..set.sources.len() {
        let _ = writeln!(out, "    &SOURCE_{index},");
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(out, "pub static PLACES: &[Place] = &[");
    for (index, place) in set.places.iter().enumerate() {
        let _ = writeln!(
            out,
            "    Place {{ index: {index}, id: {:?}, zh: {:?}, en: {:?} }},",
            place.id, place.zh, place.en
        );
    }
    let _ = writeln!(out, "];");
    out.push_str(&typed_ids(set));
    let _ = writeln!(out, "pub static PARAMS: &[Param] = &[");
    for param in &set.params {
        let _ = writeln!(
            out,
            "    Param {{ id: {:?}, zh: {:?}, en: {:?}, unit: Unit::{}, file: {:?}, entries: &[",
            param.id,
            param.zh,
            param.en,
            param.unit.name(),
            param.file
        );
        for value in &param.values {
            let amount = optional_literal(value.value);
            let _ = writeln!(
                out,
                "        Entry {{ from: Date::new({}, {}, {}), value: {amount}, status: Status::{}, source: &SOURCE_{}, clause: {:?}, clause_en: {:?}, note: {:?}, note_zh: {:?} }},",
                value.from.year,
                value.from.month,
                value.from.day,
                value.status.name(),
                source_index(&value.source),
                value.clause,
                value.clause_en,
                value.note,
                value.note_zh
            );
        }
        let _ = writeln!(out, "    ] }},");
    }
    let _ = writeln!(out, "];");
    // The values alone, in the order of PARAMS: what a check that explains nothing
    // reads, so that code which needs a value does not link every source's texts (the
    // first screen's module reads the dibao standard's history and nothing else).
    let _ = writeln!(
        out,
        "/// Each parameter's values by date, in the order of PARAMS, without their records.\npub static VALUES: &[&[(Date, Option<Decimal>)]] = &["
    );
    for param in &set.params {
        let entries: Vec<String> = param
            .values
            .iter()
            .map(|value| {
                let amount = optional_literal(value.value);
                format!(
                    "(Date::new({}, {}, {}), {amount})",
                    value.from.year, value.from.month, value.from.day
                )
            })
            .collect();
        let _ = writeln!(out, "    &[{}],", entries.join(", "));
    }
    let _ = writeln!(out, "];");
    // The earliest date on which every parameter has a value: worked out here, once,
    // rather than over every parameter at each validation.
    let first = set
        .params
        .iter()
        .filter_map(|param| param.values.first().map(|value| value.from))
        .max()
        .unwrap_or(Date::new(2023, 1, 1));
    let _ = writeln!(
        out,
        "/// The latest first date among the parameters: the first on which each has a value.\npub const FIRST_MODELLED: Date = Date::new({}, {}, {});",
        first.year, first.month, first.day
    );
    let latest = set
        .params
        .iter()
        .flat_map(|param| param.values.iter().map(|value| value.from))
        .chain(
            set.lists
                .iter()
                .flat_map(|list| list.values.iter().map(|value| value.from)),
        )
        .max()
        .unwrap_or(Date::new(2023, 1, 1));
    let _ = writeln!(
        out,
        "/// The latest date from which any value or list of policies/ is in force.\npub const LATEST_ENTRY: Date = Date::new({}, {}, {});",
        latest.year, latest.month, latest.day
    );
    let _ = writeln!(
        out,
        "/// One constant per clause of policies/clauses.toml: what a rule cites.\npub mod clause {{\n    use super::{{Clause, Status}};"
    );
    for clause in &set.clauses {
        let sources: Vec<String> = clause
            .sources
            .iter()
            .map(|source| format!("&super::SOURCE_{}", source_index(source)))
            .collect();
        let _ = writeln!(
            out,
            "    pub const {}: Clause = Clause {{ id: {:?}, text: {:?}, text_en: {:?}, status: Status::{}, sources: &[{}], note: {:?} }};",
            const_name(&clause.id),
            clause.id,
            clause.text,
            clause.text_en,
            clause.status.name(),
            sources.join(", "),
            clause.note
        );
    }
    let _ = writeln!(out, "    pub const ALL: &[Clause] = &[");
    for clause in &set.clauses {
        let _ = writeln!(out, "        {},", const_name(&clause.id));
    }
    let _ = writeln!(out, "    ];\n}}");
    let _ = writeln!(out, "pub static LISTS: &[List] = &[");
    for list in &set.lists {
        let _ = writeln!(
            out,
            "    List {{ id: {:?}, zh: {:?}, en: {:?}, entries: &[",
            list.id, list.zh, list.en
        );
        for value in &list.values {
            let _ = writeln!(
                out,
                "        ListEntry {{ from: Date::new({}, {}, {}), items: &{:?}, items_en: &{:?}, status: Status::{}, source: {}, clause: {:?}, note: {:?} }},",
                value.from.year,
                value.from.month,
                value.from.day,
                value.items,
                value.items_en,
                value.status.name(),
                source_index(&value.source),
                value.clause,
                value.note
            );
        }
        let _ = writeln!(out, "    ] }},");
    }
    let _ = writeln!(out, "];");
    out
}

/// The Rust constant name of a parameter id: "dibao.urban.standard" →
/// "DIBAO_URBAN_STANDARD".
pub fn const_name(id: &str) -> String {
    id.chars()
        .map(|c| match c {
            '.' | '-' => '_',
            other => other.to_ascii_uppercase(),
        })
        .collect()
}

/// The typed parameter ids: one constant per parameter (`id::DIBAO_URBAN_STANDARD`, an
/// index into `PARAMS`, so a misspelt id does not compile and a lookup is an index), and
/// the breakdowns the rules select from by a typed key:
/// - `by_place::X`: `[ParamId; PLACES]` for ids `x.<place id>`, in the order of PLACES;
/// - `by_category::X`: `[urban, rural]` for ids with an `urban` / `rural` segment;
/// - `by_tier::X`: `[A, B, C, D, E]` for ids ending `tier_a` … `tier_e`;
/// - `by_class::X`: `[Option<ParamId>; 4]` indexed by wage class for ids ending
///   `class_1` … `class_3`.
///
/// A breakdown with a member missing is left out, so a rule that needs it does not
/// compile.
fn typed_ids(set: &PolicySet) -> String {
    let mut out = String::new();
    let position = |id: &str| set.params.iter().position(|param| param.id == id);
    let _ = writeln!(out, "/// One constant per parameter: its index in PARAMS.");
    let _ = writeln!(
        out,
        "pub mod id {{
    use super::ParamId;"
    );
    for (index, param) in set.params.iter().enumerate() {
        let _ = writeln!(
            out,
            "    /// `{}`: {}\n    pub const {}: ParamId = ParamId({index});",
            param.id,
            param.en,
            const_name(&param.id)
        );
    }
    let _ = writeln!(out, "}}");
    let place_ids: Vec<&str> = set.places.iter().map(|place| place.id.as_str()).collect();
    let mut by_place: Vec<String> = Vec::new();
    let mut by_category: Vec<String> = Vec::new();
    let mut by_tier: Vec<String> = Vec::new();
    let mut by_class: Vec<String> = Vec::new();
    for param in &set.params {
        let segments: Vec<&str> = param.id.split('.').collect();
        let Some((last, prefix)) = segments.split_last() else {
            continue;
        };
        let prefix = prefix.join(".");
        if *last == place_ids[0] {
            let ids: Option<Vec<usize>> = place_ids
                .iter()
                .map(|place| position(&format!("{prefix}.{place}")))
                .collect();
            if let Some(ids) = ids {
                by_place.push(format!(
                    "    pub const {}: [ParamId; {}] = [{}];",
                    const_name(&prefix),
                    ids.len(),
                    ids.iter()
                        .map(|index| format!("ParamId({index})"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        if *last == "tier_a" {
            let ids: Option<Vec<usize>> = ["a", "b", "c", "d", "e"]
                .iter()
                .map(|tier| position(&format!("{prefix}.tier_{tier}")))
                .collect();
            if let Some(ids) = ids {
                by_tier.push(format!(
                    "    pub const {}_TIER: [ParamId; 5] = [{}];",
                    const_name(&prefix),
                    ids.iter()
                        .map(|index| format!("ParamId({index})"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        if last.starts_with("class_") && last[6..].parse::<u8>().is_ok() {
            let name = format!("{}_CLASS", const_name(&prefix));
            if !by_class
                .iter()
                .any(|line| line.contains(&format!(" {name}:")))
            {
                let entries: Vec<String> = (0..4)
                    .map(|class| match position(&format!("{prefix}.class_{class}")) {
                        Some(index) => format!("Some(ParamId({index}))"),
                        None => "None".to_string(),
                    })
                    .collect();
                by_class.push(format!(
                    "    pub const {name}: [Option<ParamId>; 4] = [{}];",
                    entries.join(", ")
                ));
            }
        }
        if let Some(at) = segments.iter().position(|segment| *segment == "urban") {
            let with = |category: &str| {
                let mut parts = segments.clone();
                parts[at] = category;
                position(&parts.join("."))
            };
            let mut without = segments.clone();
            without.remove(at);
            if let (Some(urban), Some(rural)) = (with("urban"), with("rural")) {
                by_category.push(format!(
                    "    pub const {}: [ParamId; 2] = [ParamId({urban}), ParamId({rural})];",
                    const_name(&without.join("."))
                ));
            }
        }
    }
    for (module, doc, lines) in [
        ("by_place", "Per place, in the order of PLACES.", by_place),
        ("by_category", "Per category: [urban, rural].", by_category),
        ("by_tier", "Per rural tier: [A, B, C, D, E].", by_tier),
        (
            "by_class",
            "Per minimum-wage class, indexed by the class number.",
            by_class,
        ),
    ] {
        let _ = writeln!(
            out,
            "/// {doc}\npub mod {module} {{\n    #[allow(unused_imports)]\n    use super::ParamId;"
        );
        for line in lines {
            let _ = writeln!(out, "{line}");
        }
        let _ = writeln!(out, "}}");
    }
    out
}

/// A value that may be absent (not in force), as a const expression.
fn optional_literal(value: Option<Decimal>) -> String {
    value.map_or_else(|| "None".to_string(), decimal_literal)
}

/// A const expression that rebuilds the decimal exactly.
fn decimal_literal(amount: Decimal) -> String {
    let mantissa = amount.mantissa().unsigned_abs();
    let lo = (mantissa & 0xffff_ffff) as u32;
    let mid = ((mantissa >> 32) & 0xffff_ffff) as u32;
    let hi = ((mantissa >> 64) & 0xffff_ffff) as u32;
    format!(
        "Some(Decimal::from_parts({lo}, {mid}, {hi}, {}, {}))",
        amount.is_sign_negative(),
        amount.scale()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(params: &str) -> Vec<(String, String)> {
        vec![
            ("places.toml".into(), "[[place]]\nid = \"hantai\"\nzh = \"汉台区\"\nen = \"Hantai\"\n".into()),
            ("sources.toml".into(), "[sources.a]\ndocument = \"d\"\ndocument_en = \"d\"\ntitle = \"t\"\ntitle_en = \"t\"\nissuer = \"i\"\ndate = \"\"\nurl = \"\"\n".into()),
            ("x.toml".into(), params.into()),
        ]
    }

    #[test]
    fn a_date_that_does_not_exist_is_rejected() {
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2024-2-01").is_err());
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let text = "[[param]]\nid = \"a\"\nzh = \"a\"\nen = \"a\"\nunit = \"ratio\"\ncolour = \"red\"\nvalues = []\n";
        let error = parse(&files(text)).unwrap_err();
        assert!(error.contains("colour"), "{error}");
    }

    #[test]
    fn dates_that_do_not_increase_are_rejected() {
        let text = "[[param]]\nid = \"a\"\nzh = \"a\"\nen = \"a\"\nunit = \"ratio\"\n\
            [[param.values]]\nfrom = \"2024-01-01\"\nvalue = \"1\"\nstatus = \"assumed\"\nsource = \"a\"\nclause = \"c\"\n\
            [[param.values]]\nfrom = \"2023-01-01\"\nvalue = \"2\"\nstatus = \"assumed\"\nsource = \"a\"\nclause = \"c\"\n";
        let error = parse(&files(text)).unwrap_err();
        assert!(error.contains("strictly increase"), "{error}");
    }

    #[test]
    fn a_float_value_is_rejected_because_values_are_quoted_strings() {
        let text = "[[param]]\nid = \"a\"\nzh = \"a\"\nen = \"a\"\nunit = \"ratio\"\n\
            [[param.values]]\nfrom = \"2024-01-01\"\nvalue = 0.3\nstatus = \"assumed\"\nsource = \"a\"\nclause = \"c\"\n";
        assert!(parse(&files(text)).is_err());
    }

    #[test]
    fn an_unknown_source_is_rejected() {
        let text = "[[param]]\nid = \"a\"\nzh = \"a\"\nen = \"a\"\nunit = \"ratio\"\n\
            [[param.values]]\nfrom = \"2024-01-01\"\nvalue = \"0.3\"\nstatus = \"assumed\"\nsource = \"nowhere\"\nclause = \"c\"\n";
        let error = parse(&files(text)).unwrap_err();
        assert!(error.contains("unknown source"), "{error}");
    }

    #[test]
    fn a_clause_without_english_is_rejected_and_english_with_chinese_too() {
        let value = |clause_en: &str| {
            format!(
                "[[param]]\nid = \"a\"\nzh = \"a\"\nen = \"a\"\nunit = \"ratio\"\n\
                [[param.values]]\nfrom = \"2024-01-01\"\nvalue = \"0.3\"\nstatus = \"assumed\"\nsource = \"a\"\nclause = \"汉民发〔2021〕52号 二(二)\"\n{clause_en}"
            )
        };
        let error = parse(&files(&value(""))).unwrap_err();
        assert!(
            error.contains("a from 2024-01-01: clause_en is missing"),
            "{error}"
        );
        let error = parse(&files(&value(
            "clause_en = \"汉民发〔2021〕52号 二(二)\"\n",
        )))
        .unwrap_err();
        assert!(
            error.contains("clause_en has Chinese other than document numbers: \"二\", \"二\""),
            "{error}"
        );
        let error =
            parse(&files(&value("clause_en = \"汉民发〔2021〕52号 II(2)\"\n"))).unwrap_err();
        assert!(!error.contains("clause_en"), "{error}");
        let mut set = files(&value("clause_en = \"汉民发〔2021〕52号 II(2)\"\n"));
        set.push((
            "clauses.toml".into(),
            "[[clause]]\nid = \"c\"\ntext = \"t\"\nstatus = \"published\"\nsources = [\"a\"]\n"
                .into(),
        ));
        let error = parse(&set).unwrap_err();
        assert!(error.contains("clause c: text_en is missing"), "{error}");
    }

    #[test]
    fn decimal_literals_keep_every_digit() {
        let amount = Decimal::from_str("1234567.891").unwrap();
        assert_eq!(
            decimal_literal(amount),
            "Some(Decimal::from_parts(1234567891, 0, 0, false, 3))"
        );
    }
}

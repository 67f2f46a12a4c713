//! Records to households: the header read into [`Columns`], rows grouped into
//! [`Group`]s (consecutive rows with one household_id), and the checks that need more
//! than one row: an id used by rows that are not next to each other, an empty id, rows
//! without an id right after a household, a row with the wrong number of cells, a row
//! too long to keep (its household gets an error row; the run goes on).
//!
//! A caseload is read twice. The survey ([`plan`]) reads the header, finds the encoding,
//! counts the households and notes every id used by more than one run of rows (a set of
//! 64-bit fingerprints of the ids, so that every part of a split household can be
//! marked, even the first, whose row is written before the second part is read). The
//! second pass ([`Plan::groups`]) gives the households one at a time.

use crate::input::{ReadError, Records, TextEncoding, MAX_CELLS, MAX_RECORD_BYTES};
use crate::{quoted, Error, INPUT_COLUMNS};
use doudi_rules::household::MAX_MEMBERS;
use doudi_rules::InputError;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::io::{self, Read};

/// Where each input column is in the file.
#[derive(Clone, Debug)]
pub struct Columns {
    at: [Option<usize>; INPUT_COLUMNS.len()],
    width: usize,
}

impl Columns {
    /// Reads the header. Errors on an unknown, unnamed or repeated column, or a missing
    /// required one: the whole file is refused. Empty cells at the end of the header (a
    /// spreadsheet's formatted but empty columns) are not columns.
    fn from_header(names: &[&str]) -> Result<Columns, InputError> {
        let named = names.len()
            - names
                .iter()
                .rev()
                .take_while(|name| name.is_empty())
                .count();
        let names = &names[..named];
        if names.is_empty() {
            return Err(InputError::new(
                "csv".into(),
                "文件为空，或第一行不是表头".into(),
                "the file is empty, or its first line is not a header".into(),
            ));
        }
        let mut at = [None; INPUT_COLUMNS.len()];
        for (position, name) in names.iter().enumerate() {
            let number = position + 1;
            if name.is_empty() {
                return Err(InputError::new(
                    format!("csv column {number}"),
                    format!("表头第 {number} 列没有列名"),
                    format!("column {number} of the header has no name"),
                ));
            }
            let Some(column) = INPUT_COLUMNS.iter().position(|known| known == name) else {
                let name = quoted(name);
                return Err(InputError::new(
                    format!("csv.{name}"),
                    format!("未知的列“{name}”"),
                    format!("unknown column \"{name}\""),
                ));
            };
            if let Some(earlier) = at[column] {
                let earlier: usize = earlier;
                return Err(InputError::new(
                    format!("csv.{name}"),
                    format!(
                        "列“{name}”出现两次（第 {} 列和第 {number} 列）",
                        earlier + 1
                    ),
                    format!(
                        "the column \"{name}\" appears twice (columns {} and {number})",
                        earlier + 1
                    ),
                ));
            }
            at[column] = Some(position);
        }
        for required in ["household_id", "county", "category", "date"] {
            if !names.contains(&required) {
                return Err(InputError::new(
                    format!("csv.{required}"),
                    format!("缺少必需的列“{required}”"),
                    format!("the required column \"{required}\" is missing"),
                ));
            }
        }
        Ok(Columns {
            at,
            width: names.len(),
        })
    }

    /// How many columns there are: a row has as many cells (or more, all empty).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the file has an input column (an index into INPUT_COLUMNS).
    pub fn has(&self, column: usize) -> bool {
        self.at[column].is_some()
    }
}

/// One member row: its physical line and its cells (without the spaces around them).
#[derive(Clone, Debug)]
pub struct Row {
    pub line: usize,
    text: String,
    ends: Vec<u32>,
}

impl Row {
    /// The cell of an input column (an index into INPUT_COLUMNS); "" when the file has no
    /// such column or the row is short.
    pub fn cell(&self, columns: &Columns, column: usize) -> &str {
        match columns.at[column] {
            Some(at) if at < self.ends.len() => {
                let start = if at == 0 {
                    0
                } else {
                    self.ends[at - 1] as usize
                };
                &self.text[start..self.ends[at] as usize]
            }
            _ => "",
        }
    }
}

/// A household: consecutive rows with the same household_id (or consecutive rows with
/// none), and what is wrong with them as a group, if anything.
#[derive(Clone, Debug)]
pub struct Group {
    pub id: String,
    /// The physical line of its first row.
    pub line: usize,
    /// Its rows; at most MAX_MEMBERS + 1 are kept (the rules refuse more).
    pub rows: Vec<Row>,
    /// How many rows it has in the file.
    pub input_rows: usize,
    /// A problem found in reading: the household gets an error row.
    pub problem: Option<InputError>,
    /// The line of the rows right after it when they have no household_id (they may be
    /// its members): the household gets an error row, unless its rows have a problem
    /// of their own.
    pub unnamed_after: Option<usize>,
}

impl Group {
    /// The error for rows without an id right after this household.
    pub(crate) fn unnamed_after_problem(&self) -> Option<InputError> {
        let after = self.unnamed_after?;
        Some(InputError::new(
            format!("csv line {}: household_id", self.line),
            format!("紧随本户之后的第 {after} 行没有户编号：若是本户成员，请填上本户的户编号"),
            format!(
                "the row right after this household (line {after}) has no household_id: if it is a member of this household, give it this household's id"
            ),
        ))
    }
}

/// A row as read: its id, its cells (when kept), its line, its number of cells when
/// that is not the header's, and whether it was too long to keep.
struct RowRead {
    /// The row's household_id; `None` when it is the id [`Grouper::row`] was given (the
    /// household being read goes on: no copy of its id is made).
    id: Option<String>,
    row: Option<Row>,
    line: usize,
    wrong_width: Option<usize>,
    too_long: bool,
}

/// The error for a row too long to keep (see [`crate::input::Records::too_long`]).
fn too_long(line: usize) -> InputError {
    let mib = MAX_RECORD_BYTES >> 20;
    InputError::new(
        format!("csv line {line}"),
        format!(
            "第 {line} 行过长（超过 {mib} MiB 或 {MAX_CELLS} 个单元格），没有读取：请检查这一行（是否有未闭合的引号，把后面的行都并进了一个单元格？）"
        ),
        format!(
            "line {line} is too long (over {mib} MiB or {MAX_CELLS} cells) and was not read: check it (an unclosed quote running on over the lines after it?)"
        ),
    )
}

/// Rows to groups; `keep`: whether to keep the cells (the survey does not).
struct Grouper<R> {
    records: Records<R>,
    columns: Columns,
    keep: bool,
    /// The first row of the next group, read to see where this one ends.
    next: Option<RowRead>,
}

impl<R: Read> Grouper<R> {
    /// Opens the file and reads its header.
    fn new(raw: R, fallback: TextEncoding, keep: bool) -> Result<Grouper<R>, Failure> {
        let mut records = Records::new(raw, fallback)?;
        if !records.next_record()? {
            return Err(Failure::Input(InputError::new(
                "csv".into(),
                "文件为空，没有表头".into(),
                "the file is empty: it has no header".into(),
            )));
        }
        if records.too_long() {
            return Err(Failure::Input(InputError::new(
                "csv line 1".into(),
                "表头过长，不是本计算器的表头：请检查文件".into(),
                "the header is too long to be this calculator's header: check the file".into(),
            )));
        }
        let names: Vec<&str> = (0..records.cells()).map(|at| records.cell(at)).collect();
        let columns = Columns::from_header(&names).map_err(Failure::Input)?;
        Ok(Grouper {
            records,
            columns,
            keep,
            next: None,
        })
    }

    /// The next row that is not blank; its id is copied only when it is not `same_as`.
    fn row(&mut self, same_as: Option<&str>) -> Result<Option<RowRead>, Failure> {
        if let Some(next) = self.next.take() {
            return Ok(Some(next));
        }
        loop {
            if !self.records.next_record()? {
                return Ok(None);
            }
            let records = &self.records;
            let cells = records.cells();
            if (0..cells).all(|at| records.cell(at).is_empty()) {
                continue;
            }
            let line = usize::try_from(records.line()).unwrap_or(usize::MAX);
            let id = self.columns.at[crate::HOUSEHOLD_ID]
                .map(|at| records.cell(at))
                .unwrap_or("");
            let id = (same_as != Some(id)).then(|| id.to_string());
            let too_long = records.too_long();
            let row = (self.keep && !too_long).then(|| {
                let mut text = String::with_capacity(records.text_len());
                let mut ends = Vec::with_capacity(cells);
                records.each_cell(|cell| {
                    text.push_str(cell);
                    ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
                });
                Row { line, text, ends }
            });
            // Empty cells past the last column are nothing (spreadsheets write them).
            let width = self.columns.width;
            let wrong_width = (!too_long
                && (cells < width || (width..cells).any(|at| !records.cell(at).is_empty())))
            .then_some(cells);
            return Ok(Some(RowRead {
                id,
                row,
                line,
                wrong_width,
                too_long,
            }));
        }
    }

    /// The next household.
    fn group(&mut self) -> Result<Option<Group>, Failure> {
        let Some(RowRead {
            id,
            row,
            line,
            wrong_width,
            too_long: first_too_long,
        }) = self.row(None)?
        else {
            return Ok(None);
        };
        let id = id.unwrap_or_default();
        let width = self.columns.width;
        let width_problem = |line: usize, cells: usize| {
            InputError::new(
                format!("csv line {line}"),
                format!("第 {line} 行有 {cells} 个单元格，表头有 {width} 个"),
                format!("line {line} has {cells} cells; the header has {width}"),
            )
        };
        let mut group = Group {
            id,
            line,
            rows: row.into_iter().collect(),
            input_rows: 1,
            problem: if first_too_long {
                Some(too_long(line))
            } else {
                wrong_width.map(|cells| width_problem(line, cells))
            },
            unnamed_after: None,
        };
        let mut last_line = line;
        while let Some(next) = self.row(Some(&group.id))? {
            if next.id.is_some() {
                self.next = Some(next);
                break;
            }
            let RowRead {
                row,
                line,
                wrong_width,
                too_long: next_too_long,
                ..
            } = next;
            group.input_rows += 1;
            last_line = line;
            if let (Some(row), true) = (row, group.rows.len() <= MAX_MEMBERS) {
                group.rows.push(row);
            }
            if group.problem.is_none() {
                if next_too_long {
                    group.problem = Some(too_long(line));
                } else if let Some(cells) = wrong_width {
                    group.problem = Some(width_problem(line, cells));
                }
            }
        }
        if group.problem.is_none() && group.id.is_empty() {
            let lines = if last_line == group.line {
                format!("第 {} 行", group.line)
            } else {
                format!("第 {}–{last_line} 行", group.line)
            };
            let en = if last_line == group.line {
                format!("line {} has", group.line)
            } else {
                format!("lines {}–{last_line} have", group.line)
            };
            group.problem = Some(InputError::new(
                format!("csv line {}: household_id", group.line),
                format!("{lines}没有户编号"),
                format!("{en} no household_id"),
            ));
        }
        group.unnamed_after = match &self.next {
            Some(next) if next.id.as_deref() == Some("") && !group.id.is_empty() => Some(next.line),
            _ => None,
        };
        Ok(Some(group))
    }
}

/// A failure inside the reader: bytes not in the encoding tried are kept apart, for
/// [`plan`] to try the next encoding.
enum Failure {
    Read(ReadError),
    Input(InputError),
}

impl From<ReadError> for Failure {
    fn from(error: ReadError) -> Failure {
        Failure::Read(error)
    }
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Error {
        match failure {
            Failure::Read(error) => read_error(error),
            Failure::Input(error) => Error::Input(error),
        }
    }
}

fn read_error(error: ReadError) -> Error {
    match error {
        ReadError::Io(error) => Error::Read(error),
        ReadError::Malformed { encoding, line, .. } => Error::Input(undecodable(encoding, line)),
    }
}

/// The error for bytes that are not valid in the encoding a file is read in (for the
/// site too, whose browser decodes).
pub fn undecodable(encoding: TextEncoding, line: u64) -> InputError {
    let name = encoding.name();
    InputError::new(
        format!("csv line {line}"),
        format!("第 {line} 行有不是 {name} 的字节：请将文件另存为 UTF-8 或 GBK（GB18030）编码的 CSV"),
        format!(
            "line {line} has bytes that are not {name}: save the file again as CSV in UTF-8 or GBK (GB18030)"
        ),
    )
}

/// A 64-bit fingerprint of a household id (SipHash with fixed keys: the same every run).
fn fingerprint(id: &str) -> u64 {
    #[allow(deprecated)]
    let mut hasher = std::hash::SipHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

/// Fingerprints are hashes already: the tables use them as they are.
#[derive(Default)]
struct AsIs(u64);

impl Hasher for AsIs {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*byte);
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// A table keyed by fingerprints.
type ByPrint<V> = HashMap<u64, V, BuildHasherDefault<AsIs>>;

/// Runs of rows (after the first) whose id has been used by an earlier run, by the id's
/// fingerprint: their lines and ids (the first few), and how many there are.
#[derive(Default, Debug)]
struct Repeat {
    later: Vec<(usize, String)>,
    more: usize,
    /// The first run's line and id, once the second pass has met it.
    first: Option<(usize, String)>,
}

/// Later runs of one id listed by line in a message; the others are counted.
const LISTED: usize = 8;

/// What the survey found: how to read the file, how many households it has, and which
/// ids are used by rows that are not next to each other.
#[derive(Debug)]
pub struct Plan {
    encoding: TextEncoding,
    households: usize,
    repeats: ByPrint<Repeat>,
}

/// Reads a caseload once, through: its encoding (a byte-order mark; else UTF-8, and
/// GB18030 when it is not UTF-8), its header, its households and its repeated ids.
/// Errors when the file cannot be used at all (the header, bytes in no encoding, a line
/// too long, or a read error). `open` gives the file from its start, each time called.
pub fn plan<R: Read>(open: &mut dyn FnMut() -> io::Result<R>) -> Result<Plan, Error> {
    match survey(open().map_err(Error::Read)?, TextEncoding::Utf8) {
        Err(Failure::Read(error)) if error.means_gb18030() => {
            Ok(survey(open().map_err(Error::Read)?, TextEncoding::Gb18030)?)
        }
        result => Ok(result?),
    }
}

fn survey<R: Read>(raw: R, fallback: TextEncoding) -> Result<Plan, Failure> {
    let mut grouper = Grouper::new(raw, fallback, false)?;
    let encoding = grouper.records.encoding();
    let mut seen: ByPrint<()> = ByPrint::default();
    let mut repeats: ByPrint<Repeat> = ByPrint::default();
    let mut households = 0;
    while let Some(group) = grouper.group()? {
        households += 1;
        if group.id.is_empty() {
            continue;
        }
        let print = fingerprint(&group.id);
        if seen.insert(print, ()).is_some() {
            let repeat = repeats.entry(print).or_default();
            if repeat.later.len() < LISTED {
                repeat.later.push((group.line, group.id));
            } else {
                repeat.more += 1;
            }
        }
    }
    Ok(Plan {
        encoding,
        households,
        repeats,
    })
}

impl Plan {
    /// How many households (result rows) the caseload has.
    pub fn households(&self) -> usize {
        self.households
    }

    /// The encoding the file is read in: "UTF-8", "GB18030", "UTF-16LE" or "UTF-16BE".
    pub fn encoding(&self) -> &'static str {
        self.encoding.name()
    }

    /// The households, read from the file's start (`raw`), one at a time.
    pub fn groups<R: Read>(self, raw: R) -> Result<Groups<R>, Error> {
        let grouper = Grouper::new(raw, self.encoding, true)?;
        Ok(Groups {
            columns: grouper.columns.clone(),
            grouper,
            repeats: self.repeats,
        })
    }
}

/// The households of a caseload, in file order (see [`Plan::groups`]).
pub struct Groups<R> {
    grouper: Grouper<R>,
    columns: Columns,
    repeats: ByPrint<Repeat>,
}

impl<R: Read> Groups<R> {
    /// Where the columns are: for [`Group::result_into`].
    pub fn columns(&self) -> &Columns {
        &self.columns
    }

    fn next_group(&mut self) -> Result<Option<Group>, Error> {
        let Some(mut group) = self.grouper.group()? else {
            return Ok(None);
        };
        // Every run of a repeated id is noted, even one with a problem of its own.
        if !self.repeats.is_empty() && !group.id.is_empty() {
            if let Some(repeat) = self.repeats.get_mut(&fingerprint(&group.id)) {
                let is_later = repeat.first.is_some();
                if !is_later {
                    repeat.first = Some((group.line, group.id.clone()));
                }
                // In file order: the first run, the later ones as the survey listed them,
                // then this one if it is past the list.
                let mut lines: Vec<usize> = repeat
                    .first
                    .iter()
                    .chain(&repeat.later)
                    .filter(|(_, id)| *id == group.id)
                    .map(|(line, _)| *line)
                    .collect();
                if !lines.contains(&group.line) {
                    lines.push(group.line);
                }
                // Two ids with one fingerprint (about one chance in 40 million for a
                // million households) are told apart here: only the same id counts.
                if lines.len() > 1 && group.problem.is_none() {
                    let more = if repeat.later.len() >= LISTED {
                        repeat.more
                    } else {
                        0
                    };
                    group.problem = Some(repeated(&group, &lines, more));
                }
            }
        }
        Ok(Some(group))
    }
}

impl<R: Read> Iterator for Groups<R> {
    type Item = Result<Group, Error>;

    fn next(&mut self) -> Option<Result<Group, Error>> {
        self.next_group().transpose()
    }
}

fn repeated(group: &Group, lines: &[usize], more: usize) -> InputError {
    let numbers: Vec<String> = lines.iter().map(usize::to_string).collect();
    let id = quoted(&group.id);
    let (more_zh, en_list) = match numbers.split_last() {
        _ if more > 0 => (
            format!("，另有 {more} 段"),
            format!("{} and {more} more", numbers.join(", ")),
        ),
        Some((last, [])) => (String::new(), last.clone()),
        Some((last, rest)) => (String::new(), format!("{} and {last}", rest.join(", "))),
        None => (String::new(), String::new()),
    };
    InputError::new(
        format!("csv line {}: household_id", group.line),
        format!(
            "户编号“{id}”用于不相邻的几段行（分别从第 {} 行开始{more_zh}）：一户的各行须相邻，请合并或改用不同的户编号",
            numbers.join("、")
        ),
        format!(
            "the household_id \"{id}\" is used by rows that are not next to each other (runs starting at lines {en_list}): a household's rows must be next to each other; join them or give them different ids"
        ),
    )
}

#[cfg(test)]
mod tests {
    use crate::{run_bytes, Settings};

    fn rows(csv: &str) -> Vec<String> {
        let (out, _) = run_bytes(csv.as_bytes(), Settings::default(), &mut |_, _| {}).unwrap();
        out.lines().skip(1).map(str::to_string).collect()
    }

    #[test]
    fn a_row_too_long_is_an_error_row_and_the_run_goes_on() {
        let huge = "x".repeat(crate::input::MAX_RECORD_BYTES + 1);
        let csv = format!(
            "household_id,county,category,date,property_within_limits,name,age,wages_monthly\n\
             h1,hantai,urban,2026-01-01,1,a,40,300\n\
             h2,hantai,urban,2026-01-01,1,\"{huge}\",40,300\n\
             h2,hantai,urban,2026-01-01,1,b,40,300\n\
             h3,hantai,urban,2026-01-01,1,c,40,300\n"
        );
        let rows = rows(&csv);
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert!(rows[0].starts_with("h1,1,eligible,375,"), "{}", rows[0]);
        assert!(rows[1].starts_with("h2,2,"), "{}", rows[1]);
        assert!(rows[1].contains("csv line 3: 第 3 行过长"), "{}", rows[1]);
        assert!(rows[1].contains("line 3 is too long"), "{}", rows[1]);
        assert!(
            rows[1].len() < 1000,
            "the error row quotes nothing of the row"
        );
        assert!(rows[2].starts_with("h3,1,eligible,375,"), "{}", rows[2]);
    }

    #[test]
    fn a_header_too_long_stops_the_run() {
        let csv = format!(
            "household_id,{}\n",
            "x".repeat(crate::input::MAX_RECORD_BYTES)
        );
        let error = run_bytes(csv.as_bytes(), Settings::default(), &mut |_, _| {}).unwrap_err();
        assert_eq!(error.field, "csv line 1");
    }
}

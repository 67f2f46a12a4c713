//! A caseload as CSV (one row per member; consecutive rows with the same household_id
//! form a household) in, one result row per household out. The columns are documented
//! in docs/batch-format.md. Shared by `doudi batch` and the site's caseload mode, so
//! that both write the same bytes.
//!
//! - [`input`]: bytes to records. The encoding is detected (a byte-order mark; else
//!   UTF-8, else GB18030/GBK, as Excel on Chinese Windows saves "CSV") and decoded by
//!   encoding_rs (natively; the site's browser decodes, by the same rules: [`sniff`]);
//!   records are split by csv-core, each with its physical line.
//! - [`group`]: records to households, and the checks across rows (an id used by rows
//!   that are not next to each other, an empty id, a row of the wrong width). The file
//!   is read twice: a survey ([`plan`]) that refuses a file that cannot be used before
//!   anything is written and notes repeated ids, then the households one at a time
//!   ([`Plan::groups`]).
//! - [`household`]: a household's rows to the rules' `Household`.
//! - [`output`]: the result rows, their text cells safe in a spreadsheet, the BOM.
//! - [`stream`] (one thread; the site takes the same steps a chunk at a time) and
//!   [`stream_parallel`] (all cores, for `doudi batch`): read a household, assess it,
//!   write its row, forget it. Memory stays flat whatever the file's size, apart from
//!   the survey's fingerprints of the ids (8 bytes and some table space per household;
//!   freed before the second pass).
//!
//! A household with bad input gets a row with its error; the others are still computed.

pub mod group;
pub mod household;
pub mod input;
pub mod output;
#[cfg(not(target_arch = "wasm32"))]
mod parallel;
pub mod reform;

pub use group::{plan, undecodable, Columns, Group, Groups, Plan, Row};
pub use input::{sniff, TextEncoding};
pub use output::{
    error_row, is_error, neutralise, reform_error_row, reform_row, table, write_header,
    write_header_in, write_row, write_row_in, BOM, OUTPUT_COLUMNS, REFORM_OUTPUT_COLUMNS,
};
#[cfg(not(target_arch = "wasm32"))]
pub use parallel::stream_parallel;

use doudi_rules::{fields, InputError, Options};
use std::io::{self, Read, Write};

/// The input columns, in order: the household's id, then every fact of the rules' field
/// table that has a column (`doudi_rules::fields`). Household columns are read from a
/// household's first row.
pub const INPUT_COLUMNS: &[&str] = &input_columns();

const fn input_columns() -> [&'static str; 1 + fields::COLUMN_COUNT] {
    let mut columns = [""; 1 + fields::COLUMN_COUNT];
    columns[0] = "household_id";
    let mut at = 0;
    while at < fields::COLUMN_COUNT {
        columns[at + 1] = fields::COLUMNS[at];
        at += 1;
    }
    columns
}

/// The position of an input column, checked when compiling.
const fn column(name: &str) -> usize {
    let mut at = 0;
    while at < INPUT_COLUMNS.len() {
        let known = INPUT_COLUMNS[at].as_bytes();
        let wanted = name.as_bytes();
        if known.len() == wanted.len() {
            let mut same = true;
            let mut byte = 0;
            while byte < known.len() {
                if known[byte] != wanted[byte] {
                    same = false;
                }
                byte += 1;
            }
            if same {
                return at;
            }
        }
        at += 1;
    }
    panic!("not an input column")
}

pub(crate) const HOUSEHOLD_ID: usize = column("household_id");

/// The table's facts with a column: each one's position in [`INPUT_COLUMNS`], its name
/// and its reader (`fields::READERS`, which links no writer).
pub(crate) fn facts() -> impl Iterator<Item = (usize, &'static str, fields::Reader)> {
    fields::COLUMNS
        .iter()
        .zip(fields::READERS)
        .enumerate()
        .map(|(at, (name, reader))| (at + 1, *name, reader))
}

/// A value quoted in a message: at most 40 characters of it.
pub(crate) fn quoted(text: &str) -> String {
    const SHOWN: usize = 40;
    match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Why a run stopped.
#[derive(Debug)]
pub enum Error {
    /// The file cannot be used at all: no header or a wrong one, bytes in no encoding we
    /// read, a line too long. Nothing is written.
    Input(InputError),
    /// Reading the file failed.
    Read(io::Error),
    /// Writing the results failed.
    Write(io::Error),
}

impl From<Error> for InputError {
    fn from(error: Error) -> InputError {
        match error {
            Error::Input(error) => error,
            Error::Read(error) => InputError::new(
                "input".into(),
                format!("无法读取：{error}"),
                format!("cannot read: {error}"),
            ),
            Error::Write(error) => InputError::new(
                "output".into(),
                format!("无法写出结果：{error}"),
                format!("cannot write the result: {error}"),
            ),
        }
    }
}

/// How to run a caseload.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Build the rules' explanation trace (it changes no figure of the result row).
    pub trace: bool,
    /// Start the result with a UTF-8 byte-order mark (`--no-bom` turns it off).
    pub bom: bool,
    /// Assess each household under this reform as well (`--reform`): the rows are then
    /// the reform's (`REFORM_OUTPUT_COLUMNS`).
    pub reform: Option<&'static doudi_rules::reform::Reform>,
}

impl Settings {
    /// What the rules record for each household: the trace as data with it, figures
    /// only without it. Never the words: a result row holds figures and statuses, the
    /// same either way.
    pub(crate) fn options(self) -> Options {
        if self.trace {
            Options::TRACE
        } else {
            Options::FIGURES
        }
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            trace: true,
            bom: true,
            reform: None,
        }
    }
}

/// What a run did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Result rows written (households).
    pub households: usize,
    /// Of which error rows.
    pub failed: usize,
    /// The encoding the file was read in ("UTF-8", "GB18030", "UTF-16LE", "UTF-16BE").
    pub encoding: &'static str,
}

impl Summary {
    /// The summary line `doudi batch` prints on stderr.
    pub fn line(&self) -> String {
        let succeeded = self.households - self.failed;
        format!(
            "共 {} 户：成功 {succeeded} 户，出错 {} 户（文件编码 {}） / {} households: {succeeded} succeeded, {} failed (read as {})",
            self.households, self.failed, self.encoding, self.households, self.failed, self.encoding
        )
    }
}

/// Output gathered before it is written: about this many bytes.
const FLUSH_AT: usize = 64 * 1024;

/// Runs a caseload on one thread, streaming: reads it twice through `open` (see
/// [`plan`]), writes the result to `out` a household at a time, and tells `progress`
/// (households done, households in all) as it goes.
pub fn stream<R: Read>(
    open: &mut dyn FnMut() -> io::Result<R>,
    out: &mut dyn Write,
    settings: Settings,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Summary, Error> {
    let plan = plan(open)?;
    let total = plan.households();
    let mut summary = Summary {
        households: 0,
        failed: 0,
        encoding: plan.encoding(),
    };
    let mut groups = plan.groups(open().map_err(Error::Read)?)?;
    let columns = groups.columns().clone();
    let table = output::table(settings.reform.is_some());
    let mut text = String::with_capacity(FLUSH_AT + 4096);
    output::write_header_in(&mut text, settings.bom, table);
    let mut record = Vec::new();
    for group in groups.by_ref() {
        group?.row_into(&columns, settings, &mut record);
        summary.households += 1;
        if is_error(&record) {
            summary.failed += 1;
        }
        output::write_row_in(&mut text, &record, table);
        if text.len() >= FLUSH_AT {
            out.write_all(text.as_bytes()).map_err(Error::Write)?;
            text.clear();
        }
        progress(summary.households, total);
    }
    out.write_all(text.as_bytes()).map_err(Error::Write)?;
    Ok(summary)
}

/// Runs a caseload held in memory (any encoding [`plan`] reads), giving the whole
/// result. The same bytes as [`stream`] and `doudi batch`.
pub fn run_bytes(
    bytes: &[u8],
    settings: Settings,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(String, Summary), InputError> {
    let mut out = Vec::new();
    let summary = stream(&mut || Ok(bytes), &mut out, settings, progress)?;
    // Every cell written is UTF-8 text.
    Ok((String::from_utf8_lossy(&out).into_owned(), summary))
}

/// Runs a caseload, with the byte-order mark. Errors only when the CSV itself cannot be
/// read (no header, a wrong column); a bad household gets an error row.
pub fn run(text: &str, options: Options) -> Result<String, InputError> {
    run_with_progress(text, options, &mut |_, _| {})
}

/// Runs a caseload, telling `progress` (households done, households in all) as it goes.
pub fn run_with_progress(
    text: &str,
    options: Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<String, InputError> {
    let settings = Settings {
        trace: options.trace,
        bom: true,
        reform: None,
    };
    run_bytes(text.as_bytes(), settings, progress).map(|(out, _)| out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use doudi_rules::policy::Basis;

    fn quick() -> Options {
        Options::QUIET
    }

    /// The result rows (without the BOM and the header) of a caseload.
    fn rows(csv: &str) -> Vec<Vec<String>> {
        let out = run(csv, quick()).unwrap();
        let out = out.strip_prefix(BOM).expect("the result starts with a BOM");
        csv::ReaderBuilder::new()
            .from_reader(out.as_bytes())
            .records()
            .map(|record| record.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    fn error(row: &[String]) -> &str {
        row.last().unwrap()
    }

    const HEADER: &str =
        "household_id,county,category,date,property_within_limits,name,age,wages_monthly";

    #[test]
    fn a_bad_household_gets_an_error_row_and_the_others_are_computed() {
        let csv = format!(
            "{HEADER}\nh1,hantai,urban,2026-01-01,1,a,40,300\nh2,hantai,urban,2026-01-01,1,b,400,0\n"
        );
        let rows = rows(&csv);
        assert_eq!(rows.len(), 2);
        // 675 − 300 = 375 (urban gap, one person).
        assert_eq!(rows[0][..4], ["h1", "1", "eligible", "375"]);
        assert_eq!(rows[1][0], "h2");
        assert!(error(&rows[1]).contains("members[0].age"), "{:?}", rows[1]);
    }

    #[test]
    fn basis_names_are_those_of_the_json_output() {
        for basis in [
            Basis::Published,
            Basis::Inferred,
            Basis::Assumed,
            Basis::Override,
        ] {
            assert_eq!(
                serde_json::to_value(basis).unwrap(),
                serde_json::Value::String(output::basis_name(basis).into())
            );
        }
    }

    #[test]
    fn the_columns_are_the_field_tables() {
        assert_eq!(INPUT_COLUMNS[0], "household_id");
        assert_eq!(INPUT_COLUMNS[column("age")], "age");
        for (at, name, _) in facts() {
            assert_eq!(INPUT_COLUMNS[at], name);
        }
        assert_eq!(facts().count() + 1, INPUT_COLUMNS.len());
        let household: Vec<&str> = facts()
            .filter(|(_, _, reader)| matches!(reader, fields::Reader::Household(_)))
            .map(|(at, _, _)| INPUT_COLUMNS[at])
            .collect();
        assert_eq!(household.first(), Some(&"county"));
        assert_eq!(household.last(), Some(&"rigid_spending_monthly"));
        assert_eq!(household.len(), 12);
    }

    #[test]
    fn write_row_writes_what_the_csv_writer_writes() {
        let cells = [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "line\nbreak",
            "cr\rhere",
            "\"",
            ",",
            " spaced ",
            "“中文”不是有效取值",
            "csv line 10: age: “-3”不是年龄 / \"-3\" is not an age",
            "#",
            "'",
        ];
        let records: Vec<Vec<String>> = (0..cells.len())
            .map(|start| {
                (0..OUTPUT_COLUMNS.len())
                    .map(|at| cells[(start + at) % cells.len()].to_string())
                    .collect()
            })
            .collect();
        let mut writer = csv::Writer::from_writer(Vec::new());
        let mut ours = String::new();
        for record in &records {
            writer.write_record(record).unwrap();
            write_row(&mut ours, record);
        }
        let theirs = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn formulas_open_as_text_and_numbers_stay_numbers() {
        let ids = ["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "=1+2,3"];
        let mut csv = format!("{HEADER}\n");
        for id in ids {
            let id = format!("\"{}\"", id.replace('"', "\"\""));
            csv.push_str(&format!("{id},hantai,urban,2026-01-01,1,a,40,300\n"));
        }
        // A household in error echoes its bad cell in the error text.
        csv.push_str("=bad,hantai,urban,2026-01-01,1,b,=1+1,0\n");
        let rows = rows(&csv);
        assert_eq!(rows.len(), ids.len() + 1);
        for (row, id) in rows.iter().zip(ids) {
            assert_eq!(row[0], format!("'{id}"));
            assert_eq!(row[3], "375", "{row:?}");
            assert_eq!(error(row), "");
        }
        assert_eq!(rows[ids.len()][0], "'=bad");
        for row in &rows {
            for (cell, column) in row.iter().zip(OUTPUT_COLUMNS) {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{column}: {cell:?}"
                );
            }
        }
    }

    #[test]
    fn neutralise_prefixes_what_a_spreadsheet_would_run() {
        for cell in ["=1", "+1", "-1", "@A1", "\tx", "\rx"] {
            assert_eq!(neutralise(cell), format!("'{cell}"));
        }
        for cell in ["", "1", "HZ-001", "'=1", " =1", "＝1", "csv line 2: age"] {
            assert_eq!(neutralise(cell), cell);
        }
        // Only text columns: a number column is written as it is.
        let mut record: Vec<String> = vec!["-1".into(); OUTPUT_COLUMNS.len()];
        record[0] = "=id".into();
        let mut out = String::new();
        write_row(&mut out, &record);
        assert!(out.starts_with("'=id,-1,'-1,-1,"), "{out}");
    }

    #[test]
    fn the_result_starts_with_a_bom_unless_told_not_to() {
        let csv = format!("{HEADER}\nh1,hantai,urban,2026-01-01,1,a,40,300\n");
        let with = run(&csv, quick()).unwrap();
        assert!(with.starts_with("\u{feff}household_id,members,"));
        let settings = Settings {
            trace: false,
            bom: false,
            reform: None,
        };
        let (without, summary) = run_bytes(csv.as_bytes(), settings, &mut |_, _| {}).unwrap();
        assert_eq!(without, with.trim_start_matches(BOM));
        assert_eq!(summary.households, 1);
        assert_eq!(summary.failed, 0);
        assert_eq!(summary.encoding, "UTF-8");
    }

    #[test]
    fn an_unknown_column_is_rejected() {
        let error = run(
            "household_id,county,category,date,colour\n",
            Options::default(),
        )
        .unwrap_err();
        assert_eq!(error.field, "csv.colour");
    }

    #[test]
    fn a_repeated_or_unnamed_column_is_rejected() {
        let error = run(
            "household_id,county,category,date,age,name,age\nh,hantai,urban,2026-01-01,1,a,2\n",
            quick(),
        )
        .unwrap_err();
        assert_eq!(error.field, "csv.age");
        assert!(error.en.contains("columns 5 and 7"), "{}", error.en);
        let error = run("household_id,county,,date\n", quick()).unwrap_err();
        assert_eq!(error.field, "csv column 3");
        let error = run("", quick()).unwrap_err();
        assert_eq!(error.field, "csv");
        let error = run("household_id,county,category\n", quick()).unwrap_err();
        assert_eq!(error.field, "csv.date");
    }

    /// A caseload in Chinese with every kind of cell, for the encodings.
    const CHINESE: &str = "household_id,county,category,date,property_within_limits,name,age,relation,wages_monthly,serious_illness,supporters\n\
        户-001,hantai,urban,2026-11-29,是,李建军,42,applicant,900,,\n\
        户-001,,,,,张丽,40,spouse,600,,\n\
        户-002,ningqiang,rural,2026-11-29,1,何永平,45,,,乳腺癌,none\n\
        户-003,hantai,urban,2026-11-29,1,钱多多,-3,,,,\n";

    #[test]
    fn gbk_and_utf16_caseloads_read_as_utf8_does() {
        let expected = run(CHINESE, quick()).unwrap();
        assert!(expected.contains("\n户-001,2,not_eligible,"), "{expected}");
        assert!(expected.contains("\n户-002,1,eligible,713,"), "{expected}");
        assert!(expected.contains("“-3”不是年龄"), "{expected}");
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(CHINESE);
        assert!(!unmappable);
        assert!(
            std::str::from_utf8(&gbk).is_err(),
            "GBK bytes are not UTF-8"
        );
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(CHINESE.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(CHINESE.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let utf16le_unmarked: Vec<u8> = CHINESE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let utf8_bom: Vec<u8> = "\u{feff}".bytes().chain(CHINESE.bytes()).collect();
        for (bytes, encoding) in [
            (gbk.to_vec(), "GB18030"),
            (utf16le, "UTF-16LE"),
            (utf16be, "UTF-16BE"),
            (utf16le_unmarked, "UTF-16LE"),
            (utf8_bom, "UTF-8"),
        ] {
            let settings = Settings {
                trace: false,
                bom: true,
                reform: None,
            };
            let (out, summary) = run_bytes(&bytes, settings, &mut |_, _| {}).unwrap();
            assert_eq!(out, expected, "{encoding}");
            assert_eq!(summary.encoding, encoding);
            assert_eq!((summary.households, summary.failed), (3, 1));
        }
    }

    #[test]
    fn excel_unicode_text_is_tab_separated() {
        let tabbed = CHINESE.replace(',', "\t");
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(tabbed.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let settings = Settings {
            trace: false,
            bom: true,
            reform: None,
        };
        let (out, _) = run_bytes(&bytes, settings, &mut |_, _| {}).unwrap();
        assert_eq!(out, run(CHINESE, quick()).unwrap());
    }

    #[test]
    fn bytes_in_no_encoding_are_refused_with_their_line() {
        // Valid UTF-8 Chinese, then a byte that is not: damaged UTF-8, not GB18030.
        let mut bytes = CHINESE.repeat(3).into_bytes();
        bytes.extend_from_slice(b"\xff\xff,x\n");
        let error = run_bytes(&bytes, Settings::default(), &mut |_, _| {}).unwrap_err();
        assert_eq!(error.field, "csv line 16");
        assert!(error.en.contains("not UTF-8"), "{}", error.en);
        // Not GB18030 either.
        let error = run_bytes(
            b"household_id,county,category,date\nA,\x81\x20,urban,2026-01-01\n",
            Settings::default(),
            &mut |_, _| {},
        )
        .unwrap_err();
        assert_eq!(error.field, "csv line 2");
        assert!(error.en.contains("not GB18030"), "{}", error.en);
    }

    #[test]
    fn grouping_errors_name_physical_lines_and_the_run_goes_on() {
        let csv =
            "household_id,county,category,date,property_within_limits,name,age,wages_monthly\n\
            \n\
            A,hantai,urban,2026-01-01,1,\"two\nlines\",40,300\n\
            B,hantai,urban,2026-01-01,1,b,30,0\n\
            A,hantai,urban,2026-01-01,1,c,30,0\n\
            ,,,,,,,\n\
            C,hantai,urban,2026-01-01,1,d,30,0\n\
            C,nanzheng,urban,2026-01-01,,e,30,0\n\
            D,hantai,urban,2026-01-01,1,f,30\n\
            E,hantai,urban,2026-01-01,1,g,30,0\n\
            ,hantai,urban,2026-01-01,1,h,30,0\n\
            ,,,,,i,30,0\n\
            F,hantai,urban,2026-01-01,1,j,30,300\n\
            F,hantai,urban,2026-01-01,1,k,30,0\n\
            G,hantai,urban,2026-01-01,1,l,30,0\n\
            A,,,,,m,30,0\n";
        let rows = rows(csv);
        let ids: Vec<&str> = rows.iter().map(|row| row[0].as_str()).collect();
        assert_eq!(ids, ["A", "B", "A", "C", "D", "E", "", "F", "G", "A"]);
        let errors: Vec<&str> = rows.iter().map(|row| error(row)).collect();
        // A: three runs, at lines 3, 6 and 17 (line 3's name has a line break).
        for at in [0, 2, 9] {
            assert!(
                errors[at].starts_with("csv line ")
                    && errors[at].contains("runs starting at lines 3, 6 and 17"),
                "{}",
                errors[at]
            );
        }
        assert!(errors[0].starts_with("csv line 3: household_id: "));
        assert!(errors[2].starts_with("csv line 6: household_id: "));
        assert!(errors[9].starts_with("csv line 17: household_id: "));
        assert_eq!(errors[1], "");
        // C: a later row with another county (line 9).
        assert!(
            errors[3].starts_with("csv line 9: county: ") && errors[3].contains("(line 8)"),
            "{}",
            errors[3]
        );
        // D: a row with a cell missing (line 10).
        assert!(
            errors[4].starts_with("csv line 10: ") && errors[4].contains("has 7 cells"),
            "{}",
            errors[4]
        );
        // E: rows without an id right after it; those rows: one error row.
        assert!(errors[5].contains("line 12"), "{}", errors[5]);
        assert!(
            errors[6].starts_with("csv line 12: household_id: ")
                && errors[6].contains("lines 12–13 have no household_id"),
            "{}",
            errors[6]
        );
        assert_eq!(rows[6][1], "2");
        // F: two members, the second row repeating nothing; computed: 675 × 2 − 300.
        assert_eq!(rows[7][..4], ["F", "2", "eligible", "1050"]);
        assert_eq!(errors[7], "");
        assert_eq!(errors[8], "");
    }

    #[test]
    fn empty_cells_past_the_last_column_are_nothing() {
        // As a spreadsheet writes them, in the header and in rows.
        let csv = "household_id,county,category,date,property_within_limits,age,wages_monthly,,\n\
            h1,hantai,urban,2026-01-01,1,40,300,,\n\
            h2,hantai,urban,2026-01-01,1,40,300\n\
            h3,hantai,urban,2026-01-01,1,40,300,,,,\n\
            h4,hantai,urban,2026-01-01,1,40,300,,x\n\
            h5,hantai,urban,2026-01-01,1,40\n";
        let rows = rows(csv);
        for row in &rows[..3] {
            assert_eq!(row[3], "375", "{row:?}");
        }
        assert!(error(&rows[3]).starts_with("csv line 5: "), "{:?}", rows[3]);
        assert!(
            error(&rows[4]).contains("has 6 cells; the header has 7"),
            "{:?}",
            rows[4]
        );
    }

    #[test]
    fn a_split_household_is_found_when_its_first_part_has_another_problem() {
        let csv = format!(
            "{HEADER}\nA,hantai,urban,2026-01-01,1,a,40\nB,hantai,urban,2026-01-01,1,b,40,0\nA,hantai,urban,2026-01-01,1,c,40,0\n"
        );
        let rows = rows(&csv);
        assert!(error(&rows[0]).contains("has 7 cells"), "{:?}", rows[0]);
        assert_eq!(error(&rows[1]), "");
        assert!(
            error(&rows[2]).contains("runs starting at lines 2 and 4"),
            "{:?}",
            rows[2]
        );
    }

    #[test]
    fn an_id_split_many_times_lists_the_first_runs_and_counts_the_others() {
        let mut csv = format!("{HEADER}\n");
        for at in 0..12 {
            csv.push_str("A,hantai,urban,2026-01-01,1,a,40,0\n");
            csv.push_str(&format!("B{at},hantai,urban,2026-01-01,1,b,40,0\n"));
        }
        let rows = rows(&csv);
        let a_rows: Vec<&Vec<String>> = rows.iter().filter(|row| row[0] == "A").collect();
        assert_eq!(a_rows.len(), 12);
        assert!(
            error(a_rows[0]).contains("lines 2, 4, 6, 8, 10, 12, 14, 16, 18 and 3 more)"),
            "{}",
            error(a_rows[0])
        );
        assert!(error(a_rows[0])
            .contains("（分别从第 2、4、6、8、10、12、14、16、18 行开始，另有 3 段）"));
        // Past the list: still an error, with the listed ones and its own line.
        assert!(error(a_rows[11]).starts_with("csv line 24: household_id: "));
        assert!(
            error(a_rows[11]).contains("18, 24 and 3 more)"),
            "{}",
            error(a_rows[11])
        );
        for row in rows.iter().filter(|row| row[0] != "A") {
            assert_eq!(error(row), "");
        }
    }

    #[test]
    fn the_same_household_columns_on_later_rows_are_accepted() {
        let csv = format!(
            "{HEADER}\nF,hantai,urban,2026-01-01,1,j,30,300\nF,hantai,urban,2026-01-01,1,k,30,0\n"
        );
        let rows = rows(&csv);
        assert_eq!(rows[0][..4], ["F", "2", "eligible", "1050"]);
    }

    #[test]
    fn a_household_of_too_many_rows_is_an_error_in_bounded_memory() {
        let mut csv = format!("{HEADER}\n");
        for _ in 0..1000 {
            csv.push_str("big,hantai,urban,2026-01-01,1,a,40,0\n");
        }
        let rows = rows(&csv);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0][1], "1000");
        assert!(error(&rows[0]).contains("members"), "{:?}", rows[0]);
    }

    #[test]
    fn progress_counts_every_household_of_the_total() {
        let csv = format!(
            "{HEADER}\nh1,hantai,urban,2026-01-01,1,a,40,300\nh2,hantai,urban,2026-01-01,1,b,40,0\n"
        );
        let mut seen = Vec::new();
        run_with_progress(&csv, quick(), &mut |done, total| seen.push((done, total))).unwrap();
        assert_eq!(seen, [(1, 2), (2, 2)]);
    }

    #[test]
    fn long_values_are_quoted_short_in_messages() {
        let long = "x".repeat(10_000);
        let csv = format!("{HEADER}\nh1,hantai,urban,2026-01-01,1,a,{long},300\n");
        let rows = rows(&csv);
        assert!(error(&rows[0]).len() < 300, "{}", error(&rows[0]).len());
        assert!(error(&rows[0]).contains("xxxx…"));
    }

    /// A caseload of `count` households, some in error, one split.
    fn generated(count: usize) -> String {
        let mut csv = format!("{HEADER}\n");
        for at in 0..count {
            let age = if at % 97 == 5 { 400 } else { 20 + at % 70 };
            csv.push_str(&format!(
                "H{at},hantai,{},2026-01-01,1,a,{age},{}\n",
                if at % 3 == 0 { "rural" } else { "urban" },
                at % 1000
            ));
            if at % 4 == 0 {
                csv.push_str(&format!("H{at},,,,,b,{},0\n", at % 90));
            }
        }
        csv.push_str("H7,hantai,urban,2026-01-01,1,c,30,0\n");
        csv
    }

    #[test]
    fn every_core_writes_the_bytes_of_one() {
        let csv = generated(3000);
        let settings = Settings {
            trace: false,
            bom: true,
            reform: None,
        };
        let (one, summary) = run_bytes(csv.as_bytes(), settings, &mut |_, _| {}).unwrap();
        assert_eq!(summary.households, 3001);
        assert!(summary.failed > 30, "{summary:?}");
        assert!(
            one.contains("\nH7,1,,"),
            "the split household's first part is an error"
        );
        for workers in [2, 3, 8] {
            let mut out = Vec::new();
            let parallel =
                stream_parallel(&mut || Ok(csv.as_bytes()), &mut out, settings, workers).unwrap();
            assert_eq!(parallel, summary);
            assert!(out == one.as_bytes(), "{workers} workers");
        }
    }

    #[test]
    fn a_write_error_stops_every_thread() {
        struct Broken(usize);
        impl Write for Broken {
            fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
                if self.0 == 0 {
                    return Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"));
                }
                self.0 -= 1;
                Ok(bytes.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let csv = generated(20_000);
        let error = stream_parallel(
            &mut || Ok(csv.as_bytes()),
            &mut Broken(3),
            Settings::default(),
            2,
        )
        .unwrap_err();
        assert!(matches!(error, Error::Write(_)), "{error:?}");
    }
}

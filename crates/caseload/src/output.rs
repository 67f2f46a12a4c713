//! The result CSV: one row per household, its cells safe in a spreadsheet.

use crate::group::{Columns, Group};
use crate::household::{conflict, household_of};
use doudi_rules::policy::Basis;
use doudi_rules::{Assessment, Decimal, InputError, Options, Programme, Status};

/// The output columns, with whether each holds text (`true`: neutralised against
/// formulas, see [`neutralise`]) or a number or fixed word of ours (`false`). Money that
/// comes every month (`total_monthly`, one route per person) is kept apart from money
/// for a limited period (`time_limited_*`: gradual exit) and money paid only in months
/// when a trigger is met (`conditional_monthly`: the price subsidy); neither of those is
/// ever in `total_monthly`.
const COLUMNS: [(&str, bool); 18] = [
    ("household_id", true),
    ("members", false),
    ("dibao_status", true),
    ("dibao_monthly", false),
    ("single_person_monthly", false),
    ("tekun_eligible", false),
    ("tekun_monthly", false),
    ("total_monthly", false),
    ("total_monthly_min", false),
    ("total_monthly_max", false),
    ("total_basis", true),
    ("gradual_exit_status", true),
    ("time_limited_monthly", false),
    ("time_limited_months", false),
    ("time_limited_until", true),
    ("conditional_monthly", false),
    ("marginal_family_status", true),
    ("error", true),
];

/// The output columns of a run under a reform (`doudi batch --reform`): each amount
/// before (as the rules are) and after (under the reform), and the change of the monthly
/// total. The same rules of text and numbers.
const REFORM_COLUMNS: [(&str, bool); 15] = [
    ("household_id", true),
    ("members", false),
    ("total_monthly", false),
    ("reform_total_monthly", false),
    ("change_monthly", false),
    ("dibao_monthly", false),
    ("reform_dibao_monthly", false),
    ("single_person_monthly", false),
    ("reform_single_person_monthly", false),
    ("tekun_monthly", false),
    ("reform_tekun_monthly", false),
    ("time_limited_monthly", false),
    ("reform_time_limited_monthly", false),
    ("reform_total_basis", true),
    ("error", true),
];

/// The output columns under a reform, in order.
pub const REFORM_OUTPUT_COLUMNS: &[&str] = &{
    let mut names = [""; REFORM_COLUMNS.len()];
    let mut at = 0;
    while at < REFORM_COLUMNS.len() {
        names[at] = REFORM_COLUMNS[at].0;
        at += 1;
    }
    names
};

/// The columns of a run: the usual ones, or a reform's.
pub fn table(reform: bool) -> &'static [(&'static str, bool)] {
    if reform {
        &REFORM_COLUMNS
    } else {
        &COLUMNS
    }
}

/// The output columns, in order.
pub const OUTPUT_COLUMNS: &[&str] = &{
    let mut names = [""; COLUMNS.len()];
    let mut at = 0;
    while at < COLUMNS.len() {
        names[at] = COLUMNS[at].0;
        at += 1;
    }
    names
};

/// The byte-order mark the result starts with (unless turned off): Excel on Chinese
/// Windows reads a CSV without it as GBK.
pub const BOM: char = '\u{feff}';

/// A text cell that a spreadsheet would take for a formula (it starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading apostrophe, as OWASP recommends
/// against CSV injection; any other cell is written as it is.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Appends one output row to `out` exactly as `doudi batch` writes it: the text columns
/// neutralised ([`neutralise`]; a row of another width is taken as all text), a cell
/// quoted when it holds a comma, a quote, a CR or an LF (quotes inside doubled), the
/// row ended by LF. What the csv crate's writer writes, without its float formatting
/// (about 5 KB gzip on the site).
pub fn write_row(out: &mut String, record: &[String]) {
    write_row_in(out, record, &COLUMNS);
}

/// [`write_row`] for a run with the columns of `table` (a reform's).
pub fn write_row_in(out: &mut String, record: &[String], table: &[(&str, bool)]) {
    let widths_match = record.len() == table.len();
    for (at, cell) in record.iter().enumerate() {
        if at > 0 {
            out.push(',');
        }
        let text = !widths_match || table[at].1;
        let cell = if text {
            neutralise(cell)
        } else {
            cell.as_str().into()
        };
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push('\n');
}

/// Starts the result: the byte-order mark (when `bom`) and the header row.
pub fn write_header(out: &mut String, bom: bool) {
    write_header_in(out, bom, &COLUMNS);
}

/// [`write_header`] for a run with the columns of `table` (a reform's).
pub fn write_header_in(out: &mut String, bom: bool, table: &[(&str, bool)]) {
    if bom {
        out.push(BOM);
    }
    let header: Vec<String> = table.iter().map(|(name, _)| name.to_string()).collect();
    write_row_in(out, &header, table);
}

/// Whether a result row is an error row.
pub fn is_error(record: &[String]) -> bool {
    record.last().is_some_and(|error| !error.is_empty())
}

impl Group {
    /// This household as the rules take it, or what is wrong with its rows: the rows as
    /// a group first (their width, their id, household columns that differ, members
    /// perhaps left without an id), then what they say.
    pub fn household(&self, columns: &Columns) -> Result<doudi_rules::Household, InputError> {
        match &self.problem {
            Some(problem) => Err(problem.clone()),
            None => conflict(columns, self)
                .and_then(|()| self.unnamed_after_problem().map_or(Ok(()), Err))
                .and_then(|()| household_of(columns, self)),
        }
    }

    /// This household's row in a run with `settings` (its result, or under a reform its
    /// amounts both ways), written over `record`, whose cells' room is used again: a run
    /// writes a row for every household, each with a dozen and a half cells.
    pub fn row_into(&self, columns: &Columns, settings: crate::Settings, record: &mut Vec<String>) {
        match settings.reform {
            None => self.result_into(columns, settings.options(), record),
            Some(reform) => {
                *record = match self.both_ways(columns, settings.options(), reform) {
                    Ok((_, before, after)) => reform_row(&self.id, &before, &after),
                    Err(error) => reform_error_row(&self.id, self.input_rows, &error),
                }
            }
        }
    }

    /// This household, and its assessments under the rules as they are and under a
    /// reform: what a reform's row and its costing are made of.
    pub fn both_ways(
        &self,
        columns: &Columns,
        options: Options,
        reform: &doudi_rules::reform::Reform,
    ) -> Result<(doudi_rules::Household, Assessment, Assessment), InputError> {
        let household = self.household(columns)?;
        let before = doudi_rules::assess(&household, options)?;
        let after = doudi_rules::assess_under(&household, options, reform)?;
        Ok((household, before, after))
    }

    /// This household's result row (its cells as they are, not yet neutralised): its
    /// outcome, or its error; written over `record`, whose cells' room is used again
    /// (the site's caseload worker writes every household's row into one record).
    pub fn result_into(&self, columns: &Columns, options: Options, record: &mut Vec<String>) {
        let assessed = self
            .household(columns)
            .and_then(|household| doudi_rules::assess(&household, options));
        match assessed {
            Ok(assessment) => result_row_into(record, &self.id, &assessment),
            Err(error) => *record = error_row(&self.id, self.input_rows, &error),
        }
    }
}

/// An error row: the id, the number of input rows, and the error.
pub fn error_row(id: &str, rows: usize, error: &InputError) -> Vec<String> {
    error_row_of(COLUMNS.len(), id, rows, error)
}

/// An error row `width` cells wide: the id, the number of input rows, and the error last.
fn error_row_of(width: usize, id: &str, rows: usize, error: &InputError) -> Vec<String> {
    let mut record = vec![String::new(); width];
    record[0] = id.to_string();
    record[1] = rows.to_string();
    record[width - 1] = format!("{}: {} / {}", error.field, error.zh, error.en);
    record
}

/// The cells of a row being written over, in order.
struct Cells<'r>(std::slice::IterMut<'r, String>);

impl Cells<'_> {
    /// The next cell, emptied.
    fn next(&mut self) -> Option<&mut String> {
        let cell = self.0.next()?;
        cell.clear();
        Some(cell)
    }

    fn text(&mut self, text: &str) {
        if let Some(cell) = self.next() {
            cell.push_str(text);
        }
    }

    fn number(&mut self, number: impl std::fmt::Display) {
        use std::fmt::Write;
        if let Some(cell) = self.next() {
            // Writing to a String cannot fail.
            let _ = write!(cell, "{number}");
        }
    }

    /// An amount as the result shows it (`normalize`d: "1013", not "1013.00"), or an
    /// empty cell.
    fn amount(&mut self, amount: Option<Decimal>) {
        match amount {
            Some(amount) => self.number(amount.normalize()),
            None => self.text(""),
        }
    }
}

/// A household's result row, written over `record`.
fn result_row_into(record: &mut Vec<String>, id: &str, assessment: &Assessment) {
    let find = |programme: Programme| {
        assessment
            .programmes
            .iter()
            .filter(move |outcome| outcome.programme == programme)
    };
    let status = |programme: Programme| {
        find(programme)
            .next()
            .map_or("", |outcome| outcome.status.id())
    };
    // Only routes that are used: an alternative is never added.
    let eligible_sum = |programme: Programme| used_sum(assessment, programme);
    let limited = assessment.time_limited.as_ref();
    record.resize_with(COLUMNS.len(), String::new);
    let mut cells = Cells(record.iter_mut());
    cells.text(id);
    cells.number(assessment.household_size);
    cells.text(status(Programme::Dibao));
    cells.amount(Some(eligible_sum(Programme::Dibao)));
    cells.amount(Some(eligible_sum(Programme::SinglePerson)));
    cells.number(
        find(Programme::Tekun)
            .filter(|outcome| outcome.status == Status::Eligible)
            .count(),
    );
    cells.amount(Some(eligible_sum(Programme::Tekun)));
    cells.amount(Some(assessment.total_monthly));
    cells.amount(assessment.total_monthly_min);
    cells.amount(assessment.total_monthly_max);
    cells.text(basis_name(assessment.total_basis));
    cells.text(status(Programme::GradualExit));
    cells.amount(limited.map(|limited| limited.monthly));
    match limited {
        Some(limited) => cells.number(limited.months),
        None => cells.text(""),
    }
    cells.text(limited.map_or("", |limited| limited.last_month.as_str()));
    cells.amount(assessment.conditional.as_ref().map(|paid| paid.monthly));
    cells.text(status(Programme::MarginalFamily));
    cells.text("");
}

/// An error row under a reform: the id, the number of input rows, and the error.
pub fn reform_error_row(id: &str, rows: usize, error: &InputError) -> Vec<String> {
    error_row_of(REFORM_COLUMNS.len(), id, rows, error)
}

/// Each programme's money in an assessment, as the result row adds it: only the routes
/// used.
fn used_sum(assessment: &Assessment, programme: Programme) -> Decimal {
    assessment
        .programmes
        .iter()
        .filter(|outcome| outcome.programme == programme && outcome.counts())
        .filter_map(|outcome| outcome.monthly)
        .sum()
}

/// A household's row under a reform: each amount before and after.
pub fn reform_row(id: &str, before: &Assessment, after: &Assessment) -> Vec<String> {
    let shown = |amount: Decimal| amount.normalize().to_string();
    let mut record = vec![
        id.to_string(),
        before.household_size.to_string(),
        shown(before.total_monthly),
        shown(after.total_monthly),
        shown(after.total_monthly - before.total_monthly),
    ];
    for programme in [Programme::Dibao, Programme::SinglePerson, Programme::Tekun] {
        record.push(shown(used_sum(before, programme)));
        record.push(shown(used_sum(after, programme)));
    }
    record.push(shown(before.time_limited_monthly()));
    record.push(shown(after.time_limited_monthly()));
    record.push(basis_name(after.total_basis).to_string());
    record.push(String::new());
    record
}

/// A basis as the JSON output names it (`Basis` serialises in lower case). Written out
/// rather than serialised: serde_json (and the float formatting and parsing it brings)
/// would add about 10 KB gzip to the site, whose caseload mode runs this code.
pub(crate) fn basis_name(basis: Basis) -> &'static str {
    match basis {
        Basis::Published => "published",
        Basis::Inferred => "inferred",
        Basis::Assumed => "assumed",
        Basis::Override => "override",
        Basis::Reform => "reform",
    }
}

//! A group of rows to the rules' `Household`: household columns from the first row
//! (a later row may repeat them or leave them empty, never differ), member columns from
//! every row. Every column is a fact of the rules' field table (`doudi_rules::fields`),
//! read and written by the table's own functions; errors name the physical line and the
//! column.

use crate::group::{Columns, Group, Row};
use crate::*;
use doudi_rules::fields::{self, Io, Problem, Reader};
use doudi_rules::{Household, InputError, Member};

/// A cell the table's function could not read, in words, at its line and column.
fn refused(column: &str, line: usize, text: &str, problem: Problem) -> InputError {
    let text = quoted(text);
    let (zh, en) = match problem {
        Problem::Choice => (
            format!("“{text}”不是 {column} 的有效取值"),
            format!("\"{text}\" is not a valid {column}"),
        ),
        Problem::Is(zh, en) => (format!("“{text}”{zh}"), format!("\"{text}\" {en}")),
        Problem::Said(zh, en) => (zh, en),
    };
    InputError::new(format!("csv line {line}: {column}"), zh, en)
}

/// A later row of a household whose household column differs from the first row's.
pub(crate) fn conflict(columns: &Columns, group: &Group) -> Result<(), InputError> {
    let Some((first, rows)) = group.rows.split_first() else {
        return Ok(());
    };
    for row in rows {
        for (column, name, reader) in facts() {
            if !matches!(reader, Reader::Household(_)) {
                continue;
            }
            let later = row.cell(columns, column);
            let earlier = first.cell(columns, column);
            if !later.is_empty() && later != earlier {
                let (line, first_line) = (row.line, first.line);
                let (later, earlier) = (quoted(later), quoted(earlier));
                return Err(InputError::new(
                    format!("csv line {line}: {name}"),
                    format!(
                        "“{later}”与本户第一行（第 {first_line} 行）的“{earlier}”不同：户的列只在第一行填写，其他行留空或填相同的值"
                    ),
                    format!(
                        "\"{later}\" differs from \"{earlier}\" on the household's first row (line {first_line}): give household columns on the first row, and leave them empty or the same on the others"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The household of a group of rows (household columns that differ between its rows
/// are checked apart, by `conflict`).
pub fn household_of(columns: &Columns, group: &Group) -> Result<Household, InputError> {
    let Some(first) = group.rows.first() else {
        return Err(InputError::new(
            format!("csv line {}", group.line),
            "这一户没有行".into(),
            "this household has no rows".into(),
        ));
    };
    let mut household = fields::empty_household();
    for (column, name, reader) in facts() {
        if let Reader::Household(put) = reader {
            let text = first.cell(columns, column);
            put(&mut household, text)
                .map_err(|problem| refused(name, first.line, text, problem))?;
        }
    }
    household.members.reserve(group.rows.len());
    for row in &group.rows {
        household.members.push(member_of(columns, row)?);
    }
    Ok(household)
}

fn member_of(columns: &Columns, row: &Row) -> Result<Member, InputError> {
    let mut member = Member::default();
    for (column, name, reader) in facts() {
        if let Reader::Member(put) = reader {
            let text = row.cell(columns, column);
            put(&mut member, text).map_err(|problem| refused(name, row.line, text, problem))?;
        }
    }
    Ok(member)
}

/// Appends a household's rows in the caseload format, every column in
/// [`INPUT_COLUMNS`]' order, its household columns on the first row only, each cell
/// quoted where CSV needs it. What a member holds that no column can (a yearly income,
/// a second income of one kind, supporters' names, overrides, the family's shared
/// income) is not written: see docs/batch-format.md.
pub fn write_rows(out: &mut String, id: &str, household: &Household) {
    for (position, member) in household.members.iter().enumerate() {
        let mut cells = Vec::with_capacity(INPUT_COLUMNS.len());
        cells.push(id.to_string());
        for field in fields::FIELDS
            .iter()
            .filter(|field| !field.column.is_empty())
        {
            cells.push(match field.io {
                Io::Household { get, .. } if position == 0 => get(household),
                Io::Member { get, .. } => get(member),
                _ => String::new(),
            });
        }
        for (at, cell) in cells.iter().enumerate() {
            if at > 0 {
                out.push(',');
            }
            if cell.contains([',', '"', '\n', '\r']) || cell.trim() != cell {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(cell);
            }
        }
        out.push('\n');
    }
}

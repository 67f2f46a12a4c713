//! A group of rows to the rules' `Household`: household columns from the first row
//! (a later row may repeat them or leave them empty, never differ), member columns from
//! every row. Errors name the physical line and the column.

use crate::group::{Columns, Group, Row};
use crate::*;
use doudi_rules::household::{
    parse_amount, parse_date, Caseworker, Disability, DisabilityKind, Family, Income, IncomeKind,
    Member, Money, Period, Relation, SelfCare, Student, Supporter, SupporterSituation,
};
use doudi_rules::{Category, Household, InputError, Tier};
use serde::de::value::StrDeserializer;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

/// Reads one cell as a value of a serde enum named in snake case ("rural", "wages"),
/// through serde's own string deserializer (no JSON involved).
pub(crate) fn enum_cell<T: DeserializeOwned>(
    field: &str,
    line: usize,
    text: &str,
) -> Result<T, InputError> {
    T::deserialize(StrDeserializer::<serde::de::value::Error>::new(text)).map_err(|_| {
        let text = quoted(text);
        InputError::new(
            format!("csv line {line}: {field}"),
            format!("“{text}”不是 {field} 的有效取值"),
            format!("\"{text}\" is not a valid {field}"),
        )
    })
}

fn bool_cell(field: &str, line: usize, text: &str) -> Result<Option<bool>, InputError> {
    match text.to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "1" | "true" | "yes" | "y" | "是" => Ok(Some(true)),
        "0" | "false" | "no" | "n" | "否" => Ok(Some(false)),
        _ => {
            let text = quoted(text);
            Err(InputError::new(
                format!("csv line {line}: {field}"),
                format!("“{text}”应为 1 或 0"),
                format!("\"{text}\" should be 1 or 0"),
            ))
        }
    }
}

fn amount_cell(field: &str, line: usize, text: &str) -> Result<Option<Money>, InputError> {
    if text.is_empty() {
        return Ok(None);
    }
    parse_amount(text)
        .map(|amount| Some(Money(amount)))
        .map_err(|_| {
            let text = quoted(text);
            InputError::new(
                format!("csv line {line}: {field}"),
                format!("“{text}”不是有效的金额"),
                format!("\"{text}\" is not an amount"),
            )
        })
}

/// A later row of a household whose household column differs from the first row's.
pub(crate) fn conflict(columns: &Columns, group: &Group) -> Result<(), InputError> {
    let Some((first, rows)) = group.rows.split_first() else {
        return Ok(());
    };
    for row in rows {
        for column in HOUSEHOLD_COLUMNS {
            let later = row.cell(columns, column);
            let earlier = first.cell(columns, column);
            if !later.is_empty() && later != earlier {
                let name = INPUT_COLUMNS[column];
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
    let line = first.line;
    let get = |column: usize| first.cell(columns, column);
    let date = parse_date(get(DATE))
        .map_err(|(zh, en)| InputError::new(format!("csv line {line}: date"), zh, en))?;
    let tier_text = get(RURAL_TIER);
    let rural_tier: Option<Tier> = if tier_text.is_empty() {
        None
    } else {
        Some(enum_cell(
            "rural_tier",
            line,
            &tier_text.to_ascii_uppercase(),
        )?)
    };
    let mut members = Vec::with_capacity(group.rows.len());
    for row in &group.rows {
        members.push(member_of(columns, row)?);
    }
    let category: Category = enum_cell("category", line, get(CATEGORY))?;
    Ok(Household {
        county: get(COUNTY).to_string(),
        category,
        date,
        members,
        family: Family {
            poverty_alleviated: bool_cell("poverty_alleviated", line, get(POVERTY_ALLEVIATED))?
                .unwrap_or(false),
            marginal: bool_cell("marginal", line, get(MARGINAL))?.unwrap_or(false),
            property_within_limits: bool_cell(
                "property_within_limits",
                line,
                get(PROPERTY_WITHIN_LIMITS),
            )?,
            on_dibao: bool_cell("on_dibao", line, get(ON_DIBAO))?.unwrap_or(false),
            current_dibao_monthly: amount_cell(
                "current_dibao_monthly",
                line,
                get(CURRENT_DIBAO_MONTHLY),
            )?,
            // Income of the family as a whole has no column yet: a caseload gives it
            // under the member who receives it (docs/batch-format.md).
            incomes: Vec::new(),
        },
        caseworker: Caseworker {
            rural_tier,
            overrides: BTreeMap::new(),
            cpi_rise: amount_cell("cpi_rise", line, get(CPI_RISE))?,
            food_cpi_rise: amount_cell("food_cpi_rise", line, get(FOOD_CPI_RISE))?,
        },
    })
}

fn member_of(columns: &Columns, row: &Row) -> Result<Member, InputError> {
    let line = row.line;
    let cell = |column: usize| row.cell(columns, column);
    let age_text = cell(AGE);
    let age = if age_text.is_empty() {
        None
    } else {
        Some(age_text.parse::<u32>().map_err(|_| {
            let age_text = quoted(age_text);
            InputError::new(
                format!("csv line {line}: age"),
                format!("“{age_text}”不是年龄"),
                format!("\"{age_text}\" is not an age"),
            )
        })?)
    };
    let birth_text = cell(BIRTH_DATE);
    let birth_date =
        if birth_text.is_empty() {
            None
        } else {
            Some(parse_date(birth_text).map_err(|(zh, en)| {
                InputError::new(format!("csv line {line}: birth_date"), zh, en)
            })?)
        };
    let kind_text = cell(DISABILITY_KIND);
    let disability = if kind_text.is_empty() {
        None
    } else {
        let kind: DisabilityKind = enum_cell("disability_kind", line, kind_text)?;
        let grade_text = cell(DISABILITY_GRADE);
        let grade = grade_text.parse::<u8>().map_err(|_| {
            let grade_text = quoted(grade_text);
            InputError::new(
                format!("csv line {line}: disability_grade"),
                format!("“{grade_text}”不是残疾等级"),
                format!("\"{grade_text}\" is not a disability grade"),
            )
        })?;
        Some(Disability { kind, grade })
    };
    let mut incomes = Vec::new();
    for (column, kind) in [
        (WAGES_MONTHLY, IncomeKind::Wages),
        (BUSINESS_MONTHLY, IncomeKind::Business),
        (PROPERTY_INCOME_MONTHLY, IncomeKind::Property),
        (TRANSFER_MONTHLY, IncomeKind::Transfer),
        (SUPPORT_RECEIVED_MONTHLY, IncomeKind::SupportReceived),
        (
            RESIDENTS_BASIC_PENSION_MONTHLY,
            IncomeKind::ResidentsBasicPension,
        ),
        (OLD_AGE_ALLOWANCE_MONTHLY, IncomeKind::OldAgeAllowance),
        (EXCLUDED_MONTHLY, IncomeKind::Excluded),
    ] {
        if let Some(amount) = amount_cell(INPUT_COLUMNS[column], line, cell(column))? {
            incomes.push(Income {
                kind,
                amount,
                per: Period::Month,
            });
        }
    }
    let care_text = cell(SELF_CARE);
    let self_care = if care_text.is_empty() {
        None
    } else {
        let flags: Vec<bool> = care_text
            .chars()
            .filter_map(|c| match c {
                '1' => Some(true),
                '0' => Some(false),
                _ => None,
            })
            .collect();
        if flags.len() != 6 || care_text.chars().count() != 6 {
            let care_text = quoted(care_text);
            return Err(InputError::new(
                format!("csv line {line}: self_care"),
                format!("“{care_text}”应为 6 位 1/0（吃饭、穿衣、上下床、如厕、室内行走、洗澡）"),
                format!("\"{care_text}\" should be six 1/0 digits (eating, dressing, bed, toileting, walking, bathing)"),
            ));
        }
        Some(SelfCare {
            eating: flags[0],
            dressing: flags[1],
            getting_in_and_out_of_bed: flags[2],
            toileting: flags[3],
            walking_indoors: flags[4],
            bathing: flags[5],
        })
    };
    let supporters = match cell(SUPPORTERS) {
        "" => None,
        "none" => Some(Vec::new()),
        list => Some(
            list.split(';')
                .map(|situation| {
                    enum_cell::<SupporterSituation>("supporters", line, situation.trim()).map(
                        |situation| Supporter {
                            name: String::new(),
                            situation,
                        },
                    )
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    let relation_text = cell(RELATION);
    let student_text = cell(STUDENT);
    let illness = cell(SERIOUS_ILLNESS);
    Ok(Member {
        name: cell(NAME).to_string(),
        age,
        birth_date,
        relation: if relation_text.is_empty() {
            Relation::Applicant
        } else {
            enum_cell("relation", line, relation_text)?
        },
        disability,
        serious_illness: if illness.is_empty() {
            None
        } else {
            Some(illness.to_string())
        },
        student: if student_text.is_empty() {
            Student::None
        } else {
            enum_cell("student", line, student_text)?
        },
        incomes,
        employment_costs: amount_cell(
            "employment_costs_monthly",
            line,
            cell(EMPLOYMENT_COSTS_MONTHLY),
        )?,
        tekun: bool_cell("tekun", line, cell(TEKUN))?.unwrap_or(false),
        self_care,
        supporters,
        own_property_within_limits: bool_cell(
            "own_property_within_limits",
            line,
            cell(OWN_PROPERTY_WITHIN_LIMITS),
        )?,
    })
}

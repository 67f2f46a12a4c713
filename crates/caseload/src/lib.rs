//! A caseload as CSV (one row per member; consecutive rows with the same
//! household_id form a household), one result row per household. The columns are
//! documented in docs/batch-format.md. A household with bad input gets a row with its
//! error; the others are still computed.

use doudi_rules::household::{
    parse_amount, Caseworker, Disability, DisabilityKind, Family, Income, IncomeKind, Member,
    Money, Period, Relation, SelfCare, Student, Supporter, SupporterSituation,
};
use doudi_rules::policy::Basis;
use doudi_rules::policy::Date;
use doudi_rules::{
    Assessment, Category, Decimal, Household, InputError, Options, Programme, Status, Tier,
};
use serde::de::value::StrDeserializer;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

/// The input columns, in order. Household columns are read from a household's first row.
pub const INPUT_COLUMNS: &[&str] = &[
    "household_id",
    "county",
    "category",
    "date",
    "poverty_alleviated",
    "marginal",
    "property_within_limits",
    "on_dibao",
    "current_dibao_monthly",
    "rural_tier",
    "cpi_rise",
    "food_cpi_rise",
    "name",
    "age",
    "birth_date",
    "relation",
    "disability_kind",
    "disability_grade",
    "serious_illness",
    "student",
    "wages_monthly",
    "business_monthly",
    "property_income_monthly",
    "transfer_monthly",
    "support_received_monthly",
    "residents_basic_pension_monthly",
    "old_age_allowance_monthly",
    "excluded_monthly",
    "employment_costs_monthly",
    "tekun",
    "self_care",
    "supporters",
    "own_property_within_limits",
];

/// The output columns. Money that comes every month (`total_monthly`, one route per
/// person) is kept apart from money for a limited period (`time_limited_*`: gradual exit)
/// and money paid only in months when a trigger is met (`conditional_monthly`: the price
/// subsidy); neither of those is ever in `total_monthly`.
pub const OUTPUT_COLUMNS: &[&str] = &[
    "household_id",
    "members",
    "dibao_status",
    "dibao_monthly",
    "single_person_monthly",
    "tekun_eligible",
    "tekun_monthly",
    "total_monthly",
    "total_monthly_min",
    "total_monthly_max",
    "total_basis",
    "gradual_exit_status",
    "time_limited_monthly",
    "time_limited_months",
    "time_limited_until",
    "conditional_monthly",
    "marginal_family_status",
    "error",
];

/// One CSV row: column name → cell.
pub type Row = BTreeMap<String, String>;

/// Runs a caseload. Errors only when the CSV itself cannot be read (no header, or a
/// missing column); a bad household gets an error row.
pub fn run(text: &str, options: Options) -> Result<String, InputError> {
    run_with_progress(text, options, &mut |_, _| {})
}

/// Runs a caseload, telling `progress` (households done, households in all) as it goes.
pub fn run_with_progress(
    text: &str,
    options: Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<String, InputError> {
    let groups = parse(text)?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(OUTPUT_COLUMNS).map_err(write_error)?;
    for (done, (id, rows)) in groups.iter().enumerate() {
        writer
            .write_record(result_for(id, rows, options))
            .map_err(write_error)?;
        progress(done + 1, groups.len());
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| write_error(error.into_error().into()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Appends one output row to `out` exactly as `run` writes it (the csv crate's default
/// writer: a cell is quoted when it holds a comma, a quote, a CR or an LF, quotes inside
/// doubled; each row ends with LF). For the site, which writes its rows a chunk at a
/// time: the csv crate's writer would bring float parsing along (about 5 KB gzip).
pub fn write_row(out: &mut String, record: &[String]) {
    for (at, cell) in record.iter().enumerate() {
        if at > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push('\n');
}

fn write_error(error: csv::Error) -> InputError {
    InputError::new(
        "output".into(),
        format!("无法写出结果：{error}"),
        format!("cannot write the result: {error}"),
    )
}

/// The households of a caseload: (household_id, rows with their line numbers).
pub type Groups = Vec<(String, Vec<(usize, Row)>)>;

/// One household's result row: its outcome, or its error.
pub fn result_for(id: &str, rows: &[(usize, Row)], options: Options) -> Vec<String> {
    match household_of(rows).and_then(|household| doudi_rules::assess(&household, options)) {
        Ok(assessment) => result_row(id, &assessment),
        Err(error) => {
            let mut record = vec![String::new(); OUTPUT_COLUMNS.len()];
            record[0] = id.to_string();
            record[1] = rows.len().to_string();
            record[OUTPUT_COLUMNS.len() - 1] =
                format!("{}: {} / {}", error.field, error.zh, error.en);
            record
        }
    }
}

/// Reads the CSV into households. Errors when the header is missing or wrong, or a
/// line cannot be read.
pub fn parse(text: &str) -> Result<Groups, InputError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|error| {
            InputError::new(
                "csv".into(),
                format!("无法读取表头：{error}"),
                format!("cannot read the header: {error}"),
            )
        })?
        .iter()
        .map(str::to_string)
        .collect();
    for header in &headers {
        if !INPUT_COLUMNS.contains(&header.as_str()) {
            return Err(InputError::new(
                format!("csv.{header}"),
                format!("未知的列“{header}”"),
                format!("unknown column \"{header}\""),
            ));
        }
    }
    for required in ["household_id", "county", "category", "date"] {
        if !headers.iter().any(|header| header == required) {
            return Err(InputError::new(
                format!("csv.{required}"),
                format!("缺少必需的列“{required}”"),
                format!("the required column \"{required}\" is missing"),
            ));
        }
    }
    let mut groups: Groups = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = record.map_err(|error| {
            InputError::new(
                format!("csv line {line}"),
                format!("第 {line} 行无法读取：{error}"),
                format!("line {line} cannot be read: {error}"),
            )
        })?;
        let row: Row = headers
            .iter()
            .cloned()
            .zip(record.iter().map(str::to_string))
            .collect();
        let id = row.get("household_id").cloned().unwrap_or_default();
        match groups.last_mut() {
            Some((last, rows)) if *last == id => rows.push((line, row)),
            _ => groups.push((id, vec![(line, row)])),
        }
    }
    Ok(groups)
}

fn result_row(id: &str, assessment: &Assessment) -> Vec<String> {
    let find = |programme: Programme| {
        assessment
            .programmes
            .iter()
            .filter(move |outcome| outcome.programme == programme)
    };
    let status = |programme: Programme| {
        find(programme)
            .next()
            .map(|outcome| outcome.status.id().to_string())
            .unwrap_or_default()
    };
    // Only routes that are used: an alternative is never added.
    let eligible_sum = |programme: Programme| -> Decimal {
        find(programme)
            .filter(|outcome| outcome.counts())
            .filter_map(|outcome| outcome.monthly)
            .sum()
    };
    let shown = |amount: Option<Decimal>| {
        amount
            .map(|amount| amount.normalize().to_string())
            .unwrap_or_default()
    };
    let basis = basis_name(assessment.total_basis).to_string();
    let limited = assessment.time_limited.as_ref();
    vec![
        id.to_string(),
        assessment.household_size.to_string(),
        status(Programme::Dibao),
        shown(Some(eligible_sum(Programme::Dibao))),
        shown(Some(eligible_sum(Programme::SinglePerson))),
        find(Programme::Tekun)
            .filter(|outcome| outcome.status == Status::Eligible)
            .count()
            .to_string(),
        shown(Some(eligible_sum(Programme::Tekun))),
        shown(Some(assessment.total_monthly)),
        shown(assessment.total_monthly_min),
        shown(assessment.total_monthly_max),
        basis,
        status(Programme::GradualExit),
        shown(limited.map(|limited| limited.monthly)),
        limited
            .map(|limited| limited.months.to_string())
            .unwrap_or_default(),
        limited
            .map(|limited| limited.last_month.clone())
            .unwrap_or_default(),
        shown(assessment.conditional.as_ref().map(|paid| paid.monthly)),
        status(Programme::MarginalFamily),
        String::new(),
    ]
}

/// A basis as the JSON output names it (`Basis` serialises in lower case). Written out
/// rather than serialised: serde_json (and the float formatting and parsing it brings)
/// would add about 10 KB gzip to the site, whose caseload mode runs this code.
fn basis_name(basis: Basis) -> &'static str {
    match basis {
        Basis::Published => "published",
        Basis::Inferred => "inferred",
        Basis::Assumed => "assumed",
        Basis::Override => "override",
    }
}

/// Reads one cell as a value of a serde enum named in snake case ("rural", "wages"),
/// through serde's own string deserializer (no JSON involved).
fn enum_cell<T: DeserializeOwned>(field: &str, line: usize, text: &str) -> Result<T, InputError> {
    T::deserialize(StrDeserializer::<serde::de::value::Error>::new(text)).map_err(|_| {
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
        _ => Err(InputError::new(
            format!("csv line {line}: {field}"),
            format!("“{text}”应为 1 或 0"),
            format!("\"{text}\" should be 1 or 0"),
        )),
    }
}

fn amount_cell(field: &str, line: usize, text: &str) -> Result<Option<Money>, InputError> {
    if text.is_empty() {
        return Ok(None);
    }
    parse_amount(text)
        .map(|amount| Some(Money(amount)))
        .map_err(|message| {
            InputError::new(
                format!("csv line {line}: {field}"),
                message.clone(),
                message,
            )
        })
}

/// The household of a group of rows (household columns from the first row).
pub fn household_of(rows: &[(usize, Row)]) -> Result<Household, InputError> {
    let (first_line, first) = &rows[0];
    let get = |row: &Row, key: &str| row.get(key).map(String::as_str).unwrap_or("").to_string();
    let line = *first_line;
    let date_text = get(first, "date");
    let date = Date::parse(&date_text).map_err(|_| {
        InputError::new(
            format!("csv line {line}: date"),
            format!("“{date_text}”不是日期（YYYY-MM-DD）"),
            format!("\"{date_text}\" is not a date (YYYY-MM-DD)"),
        )
    })?;
    let tier_text = get(first, "rural_tier");
    let rural_tier: Option<Tier> = if tier_text.is_empty() {
        None
    } else {
        Some(enum_cell(
            "rural_tier",
            line,
            &tier_text.to_ascii_uppercase(),
        )?)
    };
    let mut members = Vec::new();
    for (line, row) in rows {
        let line = *line;
        let cell = |key: &str| get(row, key);
        let age_text = cell("age");
        let age = if age_text.is_empty() {
            None
        } else {
            Some(age_text.parse::<u32>().map_err(|_| {
                InputError::new(
                    format!("csv line {line}: age"),
                    format!("“{age_text}”不是年龄"),
                    format!("\"{age_text}\" is not an age"),
                )
            })?)
        };
        let birth_text = cell("birth_date");
        let birth_date = if birth_text.is_empty() {
            None
        } else {
            Some(Date::parse(&birth_text).map_err(|error| {
                InputError::new(format!("csv line {line}: birth_date"), error.clone(), error)
            })?)
        };
        let kind_text = cell("disability_kind");
        let disability = if kind_text.is_empty() {
            None
        } else {
            let kind: DisabilityKind = enum_cell("disability_kind", line, &kind_text)?;
            let grade_text = cell("disability_grade");
            let grade = grade_text.parse::<u8>().map_err(|_| {
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
            ("wages_monthly", IncomeKind::Wages),
            ("business_monthly", IncomeKind::Business),
            ("property_income_monthly", IncomeKind::Property),
            ("transfer_monthly", IncomeKind::Transfer),
            ("support_received_monthly", IncomeKind::SupportReceived),
            (
                "residents_basic_pension_monthly",
                IncomeKind::ResidentsBasicPension,
            ),
            ("old_age_allowance_monthly", IncomeKind::OldAgeAllowance),
            ("excluded_monthly", IncomeKind::Excluded),
        ] {
            if let Some(amount) = amount_cell(column, line, &cell(column))? {
                incomes.push(Income {
                    kind,
                    amount,
                    per: Period::Month,
                });
            }
        }
        let care_text = cell("self_care");
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
        let supporters_text = cell("supporters");
        let supporters = match supporters_text.as_str() {
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
        let relation_text = cell("relation");
        let student_text = cell("student");
        let illness = cell("serious_illness");
        members.push(Member {
            name: cell("name"),
            age,
            birth_date,
            relation: if relation_text.is_empty() {
                Relation::Applicant
            } else {
                enum_cell("relation", line, &relation_text)?
            },
            disability,
            serious_illness: if illness.is_empty() {
                None
            } else {
                Some(illness)
            },
            student: if student_text.is_empty() {
                Student::None
            } else {
                enum_cell("student", line, &student_text)?
            },
            incomes,
            employment_costs: amount_cell(
                "employment_costs_monthly",
                line,
                &cell("employment_costs_monthly"),
            )?,
            tekun: bool_cell("tekun", line, &cell("tekun"))?.unwrap_or(false),
            self_care,
            supporters,
            own_property_within_limits: bool_cell(
                "own_property_within_limits",
                line,
                &cell("own_property_within_limits"),
            )?,
        });
    }
    let category: Category = enum_cell("category", line, &get(first, "category"))?;
    Ok(Household {
        county: get(first, "county"),
        category,
        date,
        members,
        family: Family {
            poverty_alleviated: bool_cell(
                "poverty_alleviated",
                line,
                &get(first, "poverty_alleviated"),
            )?
            .unwrap_or(false),
            marginal: bool_cell("marginal", line, &get(first, "marginal"))?.unwrap_or(false),
            property_within_limits: bool_cell(
                "property_within_limits",
                line,
                &get(first, "property_within_limits"),
            )?,
            on_dibao: bool_cell("on_dibao", line, &get(first, "on_dibao"))?.unwrap_or(false),
            current_dibao_monthly: amount_cell(
                "current_dibao_monthly",
                line,
                &get(first, "current_dibao_monthly"),
            )?,
        },
        caseworker: Caseworker {
            rural_tier,
            overrides: BTreeMap::new(),
            cpi_rise: amount_cell("cpi_rise", line, &get(first, "cpi_rise"))?,
            food_cpi_rise: amount_cell("food_cpi_rise", line, &get(first, "food_cpi_rise"))?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_household_gets_an_error_row_and_the_others_are_computed() {
        let csv = "household_id,county,category,date,property_within_limits,age,wages_monthly\n\
                   h1,hantai,urban,2026-01-01,1,40,300\n\
                   h2,hantai,urban,2026-01-01,1,400,0\n";
        let out = run(csv, Options { trace: false }).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        // 675 − 300 = 375 (urban gap, one person).
        assert!(lines[1].starts_with("h1,1,eligible,375,"), "{}", lines[1]);
        assert!(
            lines[2].starts_with("h2,") && lines[2].contains("members[0].age"),
            "{}",
            lines[2]
        );
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
                serde_json::Value::String(basis_name(basis).into())
            );
        }
    }

    #[test]
    fn enum_cells_read_the_json_names() {
        let relation: Relation = enum_cell("relation", 2, "grandparent").unwrap();
        assert_eq!(relation, Relation::Grandparent);
        let situation: SupporterSituation = enum_cell("supporters", 2, "in_prison").unwrap();
        assert_eq!(situation, SupporterSituation::InPrison);
        let tier: Tier = enum_cell("rural_tier", 2, "B").unwrap();
        assert_eq!(tier, Tier::B);
        let error = enum_cell::<Category>("category", 7, "Urban").unwrap_err();
        assert_eq!(error.field, "csv line 7: category");
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
    fn an_unknown_column_is_rejected() {
        let error = run(
            "household_id,county,category,date,colour\n",
            Options::default(),
        )
        .unwrap_err();
        assert_eq!(error.field, "csv.colour");
    }
}

//! The catalogue of bad inputs (tests/bad-inputs/catalogue.json), run through `doudi
//! assess` (the built binary) and through the caseload reader (doudi-caseload, as `doudi
//! batch` and the site's caseload mode run it): each input is refused with its message at
//! the named field, in Chinese and English, in words of ours (never serde's), quoting at
//! most a short prefix of any value; and each input at a limit that the catalogue lists
//! as accepted is accepted by both. tests/browser/bad-inputs.spec.ts runs the same
//! catalogue through the JS API.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const DOUDI: &str = env!("CARGO_BIN_EXE_doudi");

fn catalogue() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bad-inputs/catalogue.json");
    let text = std::fs::read_to_string(&path).expect("tests/bad-inputs/catalogue.json");
    serde_json::from_str(&text).expect("the catalogue is JSON")
}

fn entries(key: &str) -> Vec<Value> {
    catalogue()[key].as_array().expect("a list").clone()
}

/// What a channel expects of an entry: a field and fragments of both messages, or a
/// reason to skip it.
#[derive(Debug)]
enum Expect {
    Error {
        field: String,
        zh: Vec<String>,
        en: Vec<String>,
    },
    Skip,
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item.as_str().expect("a string").to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn expect(entry: &Value, channel: &str) -> Expect {
    match &entry[channel] {
        Value::String(text) => {
            assert!(
                text.starts_with("skip: ") && text.len() > 12,
                "{}: {channel}: \"skip: why\"",
                entry["name"]
            );
            Expect::Skip
        }
        Value::Object(own) => Expect::Error {
            field: own["field"].as_str().expect("a field").to_string(),
            zh: strings(&own["zh"]),
            en: strings(&own["en"]),
        },
        _ => Expect::Error {
            field: entry["field"].as_str().expect("a field").to_string(),
            zh: strings(&entry["zh"]),
            en: strings(&entry["en"]),
        },
    }
}

/// The string of `chars` characters an entry's `long` asks for.
fn long_string(long: &Value) -> String {
    let chars = usize::try_from(long["chars"].as_u64().expect("chars")).unwrap();
    long["fill"].as_str().unwrap_or("x").repeat(chars)
}

/// An entry's household, with its `long` string put in place.
fn household(entry: &Value) -> Option<Value> {
    let mut household = entry.get("household")?.clone();
    if let Some(long) = entry.get("long") {
        let mut at = &mut household;
        for step in long["at"].as_array().expect("a path") {
            at = match step {
                Value::String(key) => &mut at[key.as_str()],
                Value::Number(index) => &mut at[usize::try_from(index.as_u64().unwrap()).unwrap()],
                _ => panic!("a path of keys and indices"),
            };
        }
        *at = Value::String(long_string(long));
    }
    Some(household)
}

/// The JSON text an entry gives `doudi assess`.
fn json_text(entry: &Value) -> Option<String> {
    match household(entry) {
        Some(household) => Some(household.to_string()),
        None => entry
            .get("text")
            .map(|text| text.as_str().unwrap().to_string()),
    }
}

/// Words of serde's that a person must never see, and its form of a position.
fn raw_serde(message: &str) -> Option<&'static str> {
    [
        "invalid type:",
        "invalid value:",
        "unknown variant `",
        "unknown field `",
        "missing field `",
        "duplicate field `",
        "expected one of",
        "expected u",
        "expected struct",
        "EOF while parsing",
        "trailing characters",
    ]
    .into_iter()
    .find(|raw| message.contains(raw))
    .or_else(|| {
        // serde_json's "at line 1 column 81" (ours has a comma: "line 1, column 81").
        let at = message.find(" at line ")?;
        let rest = &message[at + 9..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        (digits > 0 && rest[digits..].starts_with(" column ")).then_some("at line N column M")
    })
}

/// Checks a message against an expectation: the field, every fragment, no raw serde, a
/// bounded length.
fn check(
    failures: &mut Vec<String>,
    channel: &str,
    name: &str,
    (field, zh, en): (&str, &str, &str),
    expected: &Expect,
) {
    let Expect::Error {
        field: want,
        zh: want_zh,
        en: want_en,
    } = expected
    else {
        return;
    };
    let mut problems = Vec::new();
    if field != want {
        problems.push(format!("field {field:?}, expected {want:?}"));
    }
    for fragment in want_zh {
        if !zh.contains(fragment.as_str()) {
            problems.push(format!("zh lacks {fragment:?}"));
        }
    }
    for fragment in want_en {
        if !en.contains(fragment.as_str()) {
            problems.push(format!("en lacks {fragment:?}"));
        }
    }
    for message in [zh, en] {
        if let Some(raw) = raw_serde(message) {
            problems.push(format!("raw serde words {raw:?}"));
        }
        if message.chars().count() > 400 {
            problems.push(format!(
                "a message of {} characters",
                message.chars().count()
            ));
        }
        if message.trim().is_empty() {
            problems.push("an empty message".into());
        }
    }
    if !problems.is_empty() {
        failures.push(format!(
            "{channel}: {name}\n    {}\n    got {field}: {zh} / {en}",
            problems.join("; ")
        ));
    }
}

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("doudi-bad-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `doudi assess` on a file: exit status, stdout, stderr.
fn assess_file(path: &Path) -> (Option<i32>, Vec<u8>, String) {
    let output = Command::new(DOUDI)
        .args(["assess", path.to_str().unwrap()])
        .output()
        .expect("doudi runs");
    (
        output.status.code(),
        output.stdout,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The field and both messages of `doudi assess`'s stderr ("输入有误 / invalid input:
/// FIELD\n  ZH\n  EN").
fn parse_stderr(stderr: &str) -> Option<(String, String, String)> {
    let mut lines = stderr.lines();
    let field = lines.next()?.strip_prefix("输入有误 / invalid input: ")?;
    let zh = lines.next()?.strip_prefix("  ")?;
    let en = lines.next()?.strip_prefix("  ")?;
    Some((field.to_string(), zh.to_string(), en.to_string()))
}

#[test]
fn the_catalogue_has_fifty_entries_each_a_sentence_with_both_messages() {
    let all = entries("entries");
    assert!(all.len() >= 50, "only {} entries", all.len());
    let mut names: Vec<&str> = all
        .iter()
        .map(|entry| entry["name"].as_str().unwrap())
        .collect();
    for entry in &all {
        let name = entry["name"].as_str().unwrap();
        assert!(
            name.split_whitespace().count() >= 5,
            "not a sentence: {name}"
        );
        let inputs = ["household", "text", "csv"]
            .iter()
            .filter(|key| entry.get(**key).is_some())
            .count();
        assert_eq!(inputs, 1, "{name}: one of household, text or csv");
        assert!(
            !strings(&entry["zh"]).is_empty() && !strings(&entry["en"]).is_empty(),
            "{name}: both messages"
        );
        assert!(entry["field"].is_string(), "{name}: a field");
    }
    names.sort();
    let count = names.len();
    names.dedup();
    assert_eq!(count, names.len(), "two entries share a name");
}

#[test]
fn every_bad_input_is_refused_by_doudi_assess_with_its_message_at_its_field() {
    let dir = scratch();
    let mut failures = Vec::new();
    let mut run = 0;
    for (index, entry) in entries("entries").iter().enumerate() {
        let name = entry["name"].as_str().unwrap();
        let Some(text) = json_text(entry) else {
            continue;
        };
        let expected = expect(entry, "cli");
        if matches!(expected, Expect::Skip) {
            continue;
        }
        let path = dir.join(format!("{index}.json"));
        std::fs::write(&path, &text).unwrap();
        let (status, stdout, stderr) = assess_file(&path);
        std::fs::remove_file(&path).ok();
        run += 1;
        if status != Some(2) || !stdout.is_empty() {
            failures.push(format!(
                "cli: {name}\n    exit {status:?}, {} bytes on stdout; stderr {stderr}",
                stdout.len()
            ));
            continue;
        }
        if stderr.len() > 2000 {
            failures.push(format!("cli: {name}\n    {} bytes on stderr", stderr.len()));
        }
        match parse_stderr(&stderr) {
            Some((field, zh, en)) => {
                check(&mut failures, "cli", name, (&field, &zh, &en), &expected)
            }
            None => failures.push(format!("cli: {name}\n    stderr not of the form: {stderr}")),
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(run >= 50, "only {run} entries ran through the CLI");
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_huge_household_on_standard_input_is_refused_after_a_megabyte() {
    let entry = entries("entries")
        .into_iter()
        .find(|entry| {
            entry.get("long").is_some()
                && entry.get("household").is_some()
                && entry["long"]["chars"].as_u64() > Some(1 << 24)
        })
        .expect("a generated entry of many megabytes");
    let text = json_text(&entry).unwrap();
    let mut child = Command::new(DOUDI)
        .args(["assess", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("doudi runs");
    let mut stdin = child.stdin.take().unwrap();
    // doudi stops reading after the limit: the rest may not be taken.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(text.as_bytes());
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    let (field, zh, _) = parse_stderr(&stderr).expect("a message");
    assert_eq!(field, "input");
    assert!(zh.contains("内容太大（超过 1 MB）"), "{zh}");
}

/// An input column of the caseload, or the reason a household cannot be said as rows.
type Cells = Result<Vec<(String, String)>, String>;

/// A JSON scalar as a caseload cell ("" for null).
fn cell(value: &Value) -> Result<String, String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        Value::Number(number) => Ok(number.to_string()),
        Value::Bool(yes) => Ok(if *yes { "1" } else { "0" }.into()),
        Value::Null => Ok(String::new()),
        _ => Err("a list or an object where a caseload has one cell".into()),
    }
}

fn income_column(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "wages" => "wages_monthly",
        "business" => "business_monthly",
        "property" => "property_income_monthly",
        "transfer" => "transfer_monthly",
        "support_received" => "support_received_monthly",
        "residents_basic_pension" => "residents_basic_pension_monthly",
        "old_age_allowance" => "old_age_allowance_monthly",
        "excluded" => "excluded_monthly",
        _ => return None,
    })
}

/// A member as caseload cells.
fn member_cells(member: &Value) -> Cells {
    let member = member.as_object().ok_or("a member that is not an object")?;
    let mut cells = Vec::new();
    for (key, value) in member {
        match key.as_str() {
            "name"
            | "age"
            | "birth_date"
            | "relation"
            | "serious_illness"
            | "student"
            | "tekun"
            | "own_property_within_limits" => cells.push((key.clone(), cell(value)?)),
            "employment_costs" => cells.push(("employment_costs_monthly".into(), cell(value)?)),
            "disability" => {
                let disability = value
                    .as_object()
                    .ok_or("a disability that is not an object")?;
                cells.push(("disability_kind".into(), cell(&disability["kind"])?));
                cells.push(("disability_grade".into(), cell(&disability["grade"])?));
            }
            "incomes" => {
                for income in value.as_array().ok_or("incomes that are not a list")? {
                    if income.get("per").is_some_and(|per| per != "month") {
                        return Err("a yearly income".into());
                    }
                    let column = income["kind"]
                        .as_str()
                        .and_then(income_column)
                        .ok_or("an income kind with no column")?;
                    if cells.iter().any(|(name, _)| name == column) {
                        return Err("two incomes of one kind".into());
                    }
                    cells.push((column.into(), cell(&income["amount"])?));
                }
            }
            "self_care" => {
                let items = value.as_object().ok_or("self-care that is not an object")?;
                let digits: String = [
                    "eating",
                    "dressing",
                    "getting_in_and_out_of_bed",
                    "toileting",
                    "walking_indoors",
                    "bathing",
                ]
                .iter()
                .filter_map(|item| items.get(*item))
                .map(|done| if done == true { '1' } else { '0' })
                .collect();
                cells.push(("self_care".into(), digits));
            }
            "supporters" => {
                let supporters = value.as_array().ok_or("supporters that are not a list")?;
                if supporters
                    .iter()
                    .any(|supporter| supporter.get("name").is_some())
                {
                    return Err("supporters' names".into());
                }
                let situations: Vec<String> = supporters
                    .iter()
                    .map(|supporter| cell(&supporter["situation"]))
                    .collect::<Result<_, _>>()?;
                let text = if situations.is_empty() {
                    "none".to_string()
                } else {
                    situations.join(";")
                };
                cells.push(("supporters".into(), text));
            }
            other => return Err(format!("the member field {other}")),
        }
    }
    Ok(cells)
}

/// A household as a caseload (one row per member, household id "H1"), or why it cannot
/// be one.
fn caseload(household: &Value) -> Result<String, String> {
    let columns = doudi_caseload::INPUT_COLUMNS;
    let object = household.as_object().ok_or("not an object")?;
    let mut first = vec![("household_id".to_string(), "H1".to_string())];
    for (key, value) in object {
        match key.as_str() {
            "county" | "category" | "date" => first.push((key.clone(), cell(value)?)),
            "members" => {}
            "family" => {
                for (key, value) in value.as_object().ok_or("family")? {
                    first.push((key.clone(), cell(value)?));
                }
            }
            "caseworker" => {
                for (key, value) in value.as_object().ok_or("caseworker")? {
                    if key == "overrides" {
                        return Err("overrides".into());
                    }
                    first.push((key.clone(), cell(value)?));
                }
            }
            other => return Err(format!("the field {other}")),
        }
    }
    let members = object
        .get("members")
        .and_then(Value::as_array)
        .ok_or("members that are not a list")?;
    let mut rows = Vec::new();
    for (index, member) in members.iter().enumerate() {
        let mut cells = member_cells(member)?;
        if index == 0 {
            cells.extend(first.iter().cloned());
        } else {
            cells.push(("household_id".into(), "H1".into()));
        }
        rows.push(cells);
    }
    let quote = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
    let mut text = columns.join(",");
    text.push('\n');
    for cells in rows {
        let row: Vec<String> = columns
            .iter()
            .map(|column| {
                cells
                    .iter()
                    .find(|(name, _)| name == column)
                    .map_or(String::new(), |(_, value)| quote(value))
            })
            .collect();
        if let Some((name, _)) = cells
            .iter()
            .find(|(name, _)| !columns.contains(&name.as_str()))
        {
            return Err(format!("no column {name}"));
        }
        text.push_str(&row.join(","));
        text.push('\n');
    }
    Ok(text)
}

/// The caseload an entry gives, if any.
fn caseload_text(entry: &Value) -> Option<Result<String, String>> {
    if let Some(csv) = entry.get("csv") {
        let mut text = csv.as_str().unwrap().to_string();
        if let Some(long) = entry.get("long") {
            text.push_str(&long_string(long));
        }
        return Some(Ok(text));
    }
    household(entry).map(|household| caseload(&household))
}

/// The result rows of a caseload (or the error that stops it).
fn run_caseload(text: &str) -> Result<Vec<Vec<String>>, doudi_rules::InputError> {
    let settings = doudi_caseload::Settings::default();
    let (out, _) = doudi_caseload::run_bytes(text.as_bytes(), settings, &mut |_, _| {})?;
    let out = out.trim_start_matches('\u{feff}');
    Ok(csv::ReaderBuilder::new()
        .from_reader(out.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_string).collect())
        .collect())
}

#[test]
fn every_bad_input_the_caseload_can_say_is_refused_by_the_caseload_reader() {
    let mut failures = Vec::new();
    let mut run = 0;
    for entry in entries("entries") {
        let name = entry["name"].as_str().unwrap();
        let expected = expect(&entry, "caseload");
        let Some(text) = caseload_text(&entry) else {
            continue;
        };
        let text = match (text, &expected) {
            (Ok(text), Expect::Error { .. }) => text,
            (Err(_), Expect::Skip) => continue,
            (Ok(_), Expect::Skip) => continue,
            (Err(why), Expect::Error { .. }) => {
                failures.push(format!(
                    "caseload: {name}\n    cannot be rows ({why}): say \"skip: why\""
                ));
                continue;
            }
        };
        run += 1;
        let whole_file = entry["whole_file"] == true;
        match (run_caseload(&text), whole_file) {
            (Err(error), true) => check(
                &mut failures,
                "caseload",
                name,
                (&error.field, &error.zh, &error.en),
                &expected,
            ),
            (Err(error), false) => failures.push(format!(
                "caseload: {name}\n    the whole file was refused: {error}"
            )),
            (Ok(_), true) => failures.push(format!("caseload: {name}\n    the file was read")),
            (Ok(rows), false) => {
                let errors: Vec<&String> = rows
                    .iter()
                    .filter_map(|row| row.last())
                    .filter(|error| !error.is_empty())
                    .collect();
                let Expect::Error { field, .. } = &expected else {
                    unreachable!()
                };
                // "FIELD: ZH / EN", the field first.
                let found = errors
                    .iter()
                    .find(|error| error.starts_with(&format!("{field}: ")))
                    .or(errors.first());
                match found {
                    Some(error) => {
                        let (field_got, rest) = error.split_once(": ").unwrap_or(("", error));
                        let (field_got, rest) =
                            if field_got.starts_with("csv line") && field.contains(": ") {
                                // "csv line 2: age: …": the field has a colon of its own.
                                let (column, rest) = rest.split_once(": ").unwrap_or(("", rest));
                                (format!("{field_got}: {column}"), rest)
                            } else {
                                (field_got.to_string(), rest)
                            };
                        let (zh, en) = rest.split_once(" / ").unwrap_or((rest, ""));
                        check(
                            &mut failures,
                            "caseload",
                            name,
                            (&field_got, zh, en),
                            &expected,
                        );
                        if error.len() > 2000 {
                            failures.push(format!(
                                "caseload: {name}\n    an error cell of {} bytes",
                                error.len()
                            ));
                        }
                    }
                    None => failures.push(format!("caseload: {name}\n    no error row: {rows:?}")),
                }
            }
        }
    }
    assert!(
        run >= 40,
        "only {run} entries ran through the caseload reader"
    );
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_input_at_a_limit_is_accepted_by_doudi_assess_and_the_caseload_reader() {
    let dir = scratch();
    let mut failures = Vec::new();
    for (index, entry) in entries("accepted").iter().enumerate() {
        let name = entry["name"].as_str().unwrap();
        let text = json_text(entry).expect("household or text");
        let path = dir.join(format!("accepted-{index}.json"));
        std::fs::write(&path, &text).unwrap();
        let (status, stdout, stderr) = assess_file(&path);
        if status != Some(0) || serde_json::from_slice::<Value>(&stdout).is_err() {
            failures.push(format!("cli: {name}\n    exit {status:?}: {stderr}"));
        }
        if let Some(Ok(csv)) = caseload_text(entry) {
            match run_caseload(&csv) {
                Ok(rows)
                    if rows
                        .iter()
                        .all(|row| row.last().is_some_and(String::is_empty)) => {}
                other => failures.push(format!("caseload: {name}\n    {other:?}")),
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

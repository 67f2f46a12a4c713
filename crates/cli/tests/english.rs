//! `doudi explain --lang en` is English: for every example (examples/*.json) and every
//! household of the data cases (tests/cases/*.toml), the explanation holds no Chinese
//! but document numbers (汉民发〔2021〕52号: they stay as they are in English), what the
//! input itself gave in Chinese (names of people, a disease name typed in), and the name
//! of the "e救助" WeChat service, which a resident types to find it. The same holds for
//! `doudi check --lang en` on every decision of the data cases and examples/check/, and
//! for `doudi answers --lang en`.

use doudi_policy::stray_chinese;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const DOUDI: &str = env!("CARGO_BIN_EXE_doudi");

/// Chinese that English text may hold beside document numbers and the input's own words:
/// the name of the WeChat service one applies through, searched for by that name.
const NAMES: &[&str] = &["e救助"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The files of a folder (those ending in `ext`), sorted, with their paths.
fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|found| found == ext))
        .collect();
    paths.sort();
    paths
}

/// Every JSON file of a folder, with its path.
fn json_files(dir: &str) -> Vec<(String, Value)> {
    files(dir, "json")
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (
                path.display().to_string(),
                serde_json::from_str(&text).unwrap(),
            )
        })
        .collect()
}

/// What `pick` takes of each data case of a folder's TOML files (cases it gives none
/// are left out), with the file and the case's name.
fn case_inputs(dir: &str, pick: impl Fn(&toml::Value) -> Option<Value>) -> Vec<(String, Value)> {
    let mut all = Vec::new();
    for path in files(dir, "toml") {
        let file: toml::Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in file.get("case").and_then(|cases| cases.as_array()).unwrap() {
            let Some(input) = pick(case) else {
                continue;
            };
            let name = case
                .get("name")
                .and_then(|name| name.as_str())
                .unwrap_or("");
            all.push((format!("{}: {name}", path.display()), input));
        }
    }
    all
}

/// Every household to explain, with where it comes from.
fn households() -> Vec<(String, Value)> {
    let mut all = json_files("examples");
    all.extend(case_inputs("tests/cases", |case| {
        case.get("household")
            .map(|household| serde_json::to_value(household).unwrap())
    }));
    all
}

/// Every string of the input that holds Chinese (names, disease names…).
fn given(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) if !stray_chinese(text).is_empty() => {
            out.push(text.clone());
            out.push(text.trim().to_string());
        }
        Value::Array(items) => items.iter().for_each(|item| given(item, out)),
        Value::Object(fields) => fields.values().for_each(|field| given(field, out)),
        _ => {}
    }
}

/// The lines of an English explanation that hold Chinese other than document numbers,
/// the input's own words and [`NAMES`].
fn chinese_lines(text: &str, input: &Value) -> Vec<String> {
    let mut allowed = Vec::new();
    given(input, &mut allowed);
    allowed.extend(NAMES.iter().map(|name| name.to_string()));
    // The longest first, so a name that contains another is taken out whole.
    allowed.sort_by_key(|text| std::cmp::Reverse(text.chars().count()));
    text.lines()
        .filter(|line| {
            let mut rest = line.to_string();
            for text in &allowed {
                if !text.is_empty() {
                    rest = rest.replace(text.as_str(), " ");
                }
            }
            !stray_chinese(&rest).is_empty()
        })
        .map(str::to_string)
        .collect()
}

/// `doudi COMMAND - --lang en` on the input, its output when it succeeds.
fn english(command: &str, input: &Value) -> Option<String> {
    let mut child = Command::new(DOUDI)
        .args([command, "-", "--lang", "en"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the doudi binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    output
        .status
        .success()
        .then(|| String::from_utf8(output.stdout).unwrap())
}

#[test]
fn the_check_finds_chinese_that_is_not_a_document_number_or_a_name() {
    let input: Value = serde_json::json!({ "members": [{ "name": "王秀英" }] });
    assert!(chinese_lines(
        "Clause: 汉民发〔2021〕52号 II(2); 王秀英 via “e救助”",
        &input
    )
    .is_empty());
    assert_eq!(
        chinese_lines(
            "ok\nClause: 汉民发〔2021〕52号 二(二)\nFigure: x (doudi 项目假定值)",
            &input
        ),
        vec![
            "Clause: 汉民发〔2021〕52号 二(二)",
            "Figure: x (doudi 项目假定值)"
        ]
    );
    assert_eq!(chinese_lines("成员1 is a tekun person", &input).len(), 1);
}

/// Runs `doudi COMMAND --lang en` on each input: how many it could run (input the rules
/// refuse has no output: its messages are in both languages by design), and each line
/// that holds Chinese other than document numbers and the input's own words.
fn stray_lines(command: &str, inputs: Vec<(String, Value)>) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut ran = 0;
    for (name, input) in inputs {
        let Some(text) = english(command, &input) else {
            continue;
        };
        ran += 1;
        for line in chinese_lines(&text, &input) {
            failures.push(format!("{name}:\n    {}", line.trim()));
        }
    }
    (ran, failures)
}

#[test]
fn every_english_explanation_is_in_english_but_document_numbers_and_names() {
    let (explained, failures) = stray_lines("explain", households());
    assert!(
        explained > 300,
        "only {explained} households were explained"
    );
    assert!(
        failures.is_empty(),
        "{} lines of English explanations hold Chinese other than document numbers and the input's names:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every decision to check (核一核), household and decision together, with where it
/// comes from.
fn decisions() -> Vec<(String, Value)> {
    let mut all = json_files("examples/check");
    all.extend(case_inputs("tests/cases", |case| {
        let (household, decision) = (case.get("household")?, case.get("decision")?);
        Some(serde_json::json!({ "household": household, "decision": decision }))
    }));
    all
}

#[test]
fn every_english_check_of_a_decision_is_in_english_but_document_numbers_and_names() {
    let (checked, failures) = stray_lines("check", decisions());
    assert!(checked >= 10, "only {checked} decisions were checked");
    assert!(
        failures.is_empty(),
        "{} lines of English checks hold Chinese other than document numbers and the input's names:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_english_plain_answers_are_in_english_but_document_numbers() {
    let output = Command::new(DOUDI)
        .args(["answers", "--lang", "en"])
        .current_dir(root())
        .output()
        .expect("the doudi binary runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.matches("Based on: ").count(), 8, "{text}");
    let lines = chinese_lines(&text, &Value::Null);
    assert!(
        lines.is_empty(),
        "English answers hold Chinese:\n{}",
        lines.join("\n")
    );
}

/// Every answer set of the one-minute check: examples/quick/ and tests/quick-cases/ (but
/// those it refuses).
fn quick_answers() -> Vec<(String, Value)> {
    let mut all = json_files("examples/quick");
    all.extend(case_inputs("tests/quick-cases", |case| {
        let refused = case
            .get("expect")
            .is_some_and(|expect| expect.get("error.field").is_some());
        case.get("quick")
            .filter(|_| !refused)
            .map(|quick| serde_json::to_value(quick).unwrap())
    }));
    all
}

#[test]
fn every_english_first_answer_is_in_english_but_document_numbers() {
    let (checked, failures) = stray_lines("quick", quick_answers());
    assert!(checked >= 8, "only {checked} answer sets were checked");
    assert!(
        failures.is_empty(),
        "{} lines of English first answers hold Chinese other than document numbers:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

//! Runs the built `doudi` binary on the shipped examples and on bad input.
//!
//! - every examples/*.json with `assess` and `explain`: exit 0, the JSON parses, and the
//!   outcome the example was written to show (asserted below, with the arithmetic worked
//!   out by hand from docs/household-format.md and /work/shared/policy-facts.md);
//! - examples/caseload.csv with `batch` (with and without the trace);
//! - bad input (malformed JSON, an unknown field, a negative amount, an empty file, a
//!   directory, a missing file): exit status 2, a message on stderr naming the field (or
//!   the file), nothing on stdout;
//! - `doudi policy check` exits 0; `doudi schema` is valid JSON;
//! - the docs name every batch column, and the complete example of
//!   docs/household-format.md is accepted.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const DOUDI: &str = env!("CARGO_BIN_EXE_doudi");

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn examples() -> PathBuf {
    root().join("examples")
}

fn run(args: &[&str]) -> Output {
    Command::new(DOUDI)
        .args(args)
        .current_dir(root())
        .output()
        .expect("the doudi binary runs")
}

fn run_with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(DOUDI)
        .args(args)
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
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_ok(output: &Output, what: &str) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{what}: exit status {:?}\nstderr: {}",
        output.status.code(),
        text(&output.stderr)
    );
}

fn json_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(examples())
        .expect("examples/ exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn assess(path: &Path) -> Value {
    let output = run(&["assess", path.to_str().unwrap()]);
    assert_ok(&output, &format!("assess {}", path.display()));
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("assess {}: not JSON: {error}", path.display()))
}

/// The outcomes of one programme (tekun and single-person give one per member).
fn outcomes<'a>(assessment: &'a Value, programme: &str) -> Vec<&'a Value> {
    assessment["programmes"]
        .as_array()
        .expect("programmes is an array")
        .iter()
        .filter(|outcome| outcome["programme"] == programme)
        .collect()
}

/// The only outcome of a programme, or the one about `member`.
fn outcome<'a>(assessment: &'a Value, programme: &str, member: Option<u64>) -> &'a Value {
    let all = outcomes(assessment, programme);
    let found: Vec<&Value> = match member {
        None => all,
        Some(index) => all
            .into_iter()
            .filter(|outcome| outcome["member"].as_u64() == Some(index))
            .collect(),
    };
    assert_eq!(
        found.len(),
        1,
        "one {programme} outcome for member {member:?}"
    );
    found[0]
}

fn status<'a>(assessment: &'a Value, programme: &str, member: Option<u64>) -> &'a str {
    outcome(assessment, programme, member)["status"]
        .as_str()
        .unwrap()
}

/// A decimal as the output writes it (a JSON string), compared by value: "1606" and
/// "1606.00" are the same amount.
fn amount(value: &Value) -> String {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("an amount, not {value}"));
    let number: rust_decimal::Decimal = text.parse().unwrap();
    number.normalize().to_string()
}

fn monthly(assessment: &Value, programme: &str, member: Option<u64>) -> String {
    amount(&outcome(assessment, programme, member)["monthly"])
}

fn level(assessment: &Value, programme: &str, member: Option<u64>) -> String {
    outcome(assessment, programme, member)["level"]["zh"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// What each example was written to show. Every examples/*.json must have an entry.
fn check_example(name: &str, a: &Value) {
    match name {
        "urban-family-with-grandmother.json" => {
            // 4 people, counted wages 900 + 600 = 1500 (the grandmother's basic pension
            // is not counted): 375 per person < 675. Gap 675 × 4 − 1500 = 1200; top-ups
            // for the grandmother (78) and the child (12): 2 × round(0.3 × 675 = 202.5)
            // = 2 × 203 = 406. 1200 + 406 = 1606.
            assert_eq!(status(a, "dibao", None), "eligible");
            assert_eq!(monthly(a, "dibao", None), "1606");
            assert_eq!(amount(&a["total_monthly"]), "1606");
            assert_eq!(a["household_size"], 4);
            assert_eq!(amount(&a["counted_income_per_person_monthly"]), "375");
            // The son is able to support his mother, the parents their child.
            assert_eq!(status(a, "tekun", Some(2)), "not_eligible");
            assert_eq!(status(a, "tekun", Some(3)), "not_eligible");
            assert_eq!(status(a, "marginal_family", None), "not_eligible");
        }
        "rural-elderly-couple-tier.json" => {
            // Tier B 370 × 2 = 740; the husband (71) gets round(0.3 × 475 = 142.5) = 143;
            // the wife (66) none. 740 + 143 = 883.
            assert_eq!(status(a, "dibao", None), "eligible");
            assert_eq!(monthly(a, "dibao", None), "883");
            assert_eq!(level(a, "dibao", None), "B档");
            assert!(outcome(a, "dibao", None).get("monthly_min").is_none());
            assert_eq!(amount(&a["total_monthly"]), "883");
        }
        "tekun-self-care.json" => {
            // Rural basic 620 + 10 % of 佛坪 (class 3) 2140 = 214: 834.
            assert_eq!(status(a, "tekun", Some(0)), "eligible");
            assert_eq!(level(a, "tekun", Some(0)), "全自理");
            assert_eq!(monthly(a, "tekun", Some(0)), "834");
        }
        "tekun-partial-care.json" => {
            // Urban basic 880 + 15 % of 城固 (class 2) 2250 = 337.5 → 338: 1218. Her only
            // son is in prison; two items lost.
            assert_eq!(status(a, "tekun", Some(0)), "eligible");
            assert_eq!(level(a, "tekun", Some(0)), "半护理");
            assert_eq!(monthly(a, "tekun", Some(0)), "1218");
        }
        "tekun-full-care.json" => {
            // Rural basic 620 + 25 % of 宁强 (class 3) 2140 = 535: 1155. Grade-1
            // physical disability at 45; five items lost.
            assert_eq!(status(a, "tekun", Some(0)), "eligible");
            assert_eq!(level(a, "tekun", Some(0)), "全护理");
            assert_eq!(monthly(a, "tekun", Some(0)), "1155");
        }
        "single-person-severe-disability.json" => {
            // Family: (2500 × 12 + 6000) ÷ 12 ÷ 3 = 1000 per person ≥ 475: not eligible.
            // The son alone: tier A 475 + severe top-up round(0.5 × 475 = 237.5) = 238:
            // 713.
            assert_eq!(status(a, "dibao", None), "not_eligible");
            assert_eq!(status(a, "single_person", Some(2)), "eligible");
            assert_eq!(monthly(a, "single_person", Some(2)), "713");
            assert_eq!(amount(&a["total_monthly"]), "713");
            assert_eq!(status(a, "tekun", Some(2)), "not_eligible");
        }
        "gradual-exit.json" => {
            // (2000 + 600) ÷ 3 = 866.67 ≥ 675: dibao ends; 6 months at the current 1628,
            // then a month at 0.
            assert_eq!(status(a, "dibao", None), "not_eligible");
            assert_eq!(status(a, "gradual_exit", None), "eligible");
            assert_eq!(monthly(a, "gradual_exit", None), "1628");
            let timeline = outcome(a, "gradual_exit", None)["timeline"]
                .as_array()
                .expect("a timeline");
            assert_eq!(timeline.len(), 7);
            assert_eq!(timeline[0]["month"], "2026-12");
            assert_eq!(timeline[5]["month"], "2027-05");
            assert_eq!(amount(&timeline[5]["amount"]), "1628");
            assert_eq!(amount(&timeline[6]["amount"]), "0");
            assert_eq!(outcome(a, "gradual_exit", None)["amount_basis"], "assumed");
            // Paid for its months only: apart from the monthly total.
            assert_eq!(outcome(a, "gradual_exit", None)["payment"], "time_limited");
            assert_eq!(amount(&a["total_monthly"]), "0");
            assert_eq!(amount(&a["time_limited"]["monthly"]), "1628");
            assert_eq!(a["time_limited"]["months"], 6);
            assert_eq!(a["time_limited"]["last_month"], "2027-05");
        }
        "marginal-family.json" => {
            // 2400 ÷ 3 = 800: 675 ≤ 800 < 1012.5. The son's student grant is not counted.
            assert_eq!(status(a, "dibao", None), "not_eligible");
            assert_eq!(status(a, "marginal_family", None), "eligible");
            assert_eq!(amount(&a["counted_income_per_person_monthly"]), "800");
            assert_eq!(amount(&a["total_monthly"]), "0");
        }
        "rural-family-estimated-tier.json" => {
            // (4800 + 800 × 12) ÷ 12 ÷ 3 = 400 < 475. Estimated tier B: 370 × 3 = 1110,
            // range E 150 × 3 = 450 to A 475 × 3 = 1425; top-ups: the mother (乳腺癌)
            // 238, the daughter (15) 143: 381. 1491, range 831–1806.
            let dibao = outcome(a, "dibao", None);
            assert_eq!(dibao["status"], "eligible");
            assert_eq!(monthly(a, "dibao", None), "1491");
            assert_eq!(amount(&dibao["monthly_min"]), "831");
            assert_eq!(amount(&dibao["monthly_max"]), "1806");
            assert!(level(a, "dibao", None).contains("估算"));
            assert_eq!(dibao["amount_basis"], "assumed");
            assert_eq!(amount(&a["total_monthly_min"]), "831");
            assert_eq!(amount(&a["total_monthly_max"]), "1806");
        }
        other => panic!("examples/{other} has no expected outcome in crates/cli/tests/examples.rs"),
    }
}

#[test]
fn every_example_gives_its_intended_outcome() {
    let files = json_files();
    assert!(files.len() >= 9, "the nine examples are present");
    for path in &files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let assessment = assess(path);
        for key in [
            "rules_version",
            "date",
            "county",
            "total_monthly",
            "total_basis",
            "programmes",
            "not_published",
            "disclaimer",
        ] {
            assert!(assessment.get(key).is_some(), "{name}: no {key}");
        }
        assert_eq!(assessment["date"], "2026-11-29", "{name}");
        // Every basis is one of the four names.
        for outcome in assessment["programmes"].as_array().unwrap() {
            let basis = outcome["amount_basis"].as_str().unwrap();
            assert!(
                ["published", "inferred", "assumed", "override"].contains(&basis),
                "{name}: {basis}"
            );
            for step in outcome["steps"].as_array().unwrap() {
                for param in step["params"].as_array().unwrap() {
                    let basis = param["basis"].as_str().unwrap();
                    assert!(
                        ["published", "inferred", "assumed", "override"].contains(&basis),
                        "{name}: {basis}"
                    );
                }
            }
        }
        check_example(name, &assessment);
    }
}

#[test]
fn every_example_member_has_a_chinese_name() {
    for path in json_files() {
        let household: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for member in household["members"].as_array().unwrap() {
            let name = member["name"].as_str().unwrap_or("");
            assert!(
                !name.is_empty() && name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}: member name {name:?}",
                path.display()
            );
        }
    }
}

#[test]
fn every_example_explains() {
    for path in json_files() {
        let output = run(&["explain", path.to_str().unwrap()]);
        assert_ok(&output, &format!("explain {}", path.display()));
        let out = text(&output.stdout);
        assert!(out.contains("规则版本"), "{}: {out}", path.display());
        assert!(out.contains("以当地民政部门审核为准"), "{}", path.display());
        // The explanation names each member that has an outcome of their own.
        let assessment = assess(&path);
        for outcome in assessment["programmes"].as_array().unwrap() {
            if let Some(label) = outcome["member_label"].as_str() {
                assert!(
                    out.contains(label),
                    "{}: {label} not in the explanation",
                    path.display()
                );
            }
        }
        assert!(
            output.stderr.is_empty(),
            "{}: {}",
            path.display(),
            text(&output.stderr)
        );
    }
}

/// The explanation in either language says what each outcome's status is in the words
/// of the one label table, states the monthly total the JSON gives, and keeps
/// time-limited money on a line of its own.
#[test]
fn every_example_explains_in_chinese_and_english_with_the_same_labels_and_total() {
    for path in json_files() {
        let assessment = assess(&path);
        let total = amount(&assessment["total_monthly"]);
        for (lang, statuses, monthly, limited) in [
            (
                "zh",
                ["可能符合", "暂不符合", "还需要补充信息"],
                "每月按月可得：",
                "限期发放（不计入每月合计）",
            ),
            (
                "en",
                [
                    "Likely to qualify",
                    "Does not qualify for now",
                    "More information needed",
                ],
                "Paid every month: ",
                "For a limited period (not in the monthly figure)",
            ),
        ] {
            let output = run(&["explain", path.to_str().unwrap(), "--lang", lang]);
            assert_ok(
                &output,
                &format!("explain {} --lang {lang}", path.display()),
            );
            let out = text(&output.stdout);
            let headline = out
                .lines()
                .find(|line| line.starts_with(monthly))
                .unwrap_or_else(|| panic!("{}: no monthly line", path.display()));
            assert!(
                headline.contains(&total),
                "{}: {headline} lacks {total}",
                path.display()
            );
            assert_eq!(
                out.contains(limited),
                assessment.get("time_limited").is_some(),
                "{}",
                path.display()
            );
            for outcome in assessment["programmes"].as_array().unwrap() {
                let label = match outcome["status"].as_str().unwrap() {
                    "eligible" => statuses[0],
                    "not_eligible" => statuses[1],
                    _ => statuses[2],
                };
                assert!(out.contains(label), "{}: {label}", path.display());
            }
            if lang == "en" {
                for old in ["需补充信息", "不符合 —"] {
                    assert!(!out.contains(old), "{}: {old}", path.display());
                }
            }
        }
    }
}

#[test]
fn examples_read_from_stdin_give_the_same_assessment() {
    let path = examples().join("urban-family-with-grandmother.json");
    let from_file = run(&["assess", path.to_str().unwrap()]);
    let from_stdin = run_with_stdin(&["assess", "-"], &std::fs::read_to_string(&path).unwrap());
    assert_ok(&from_stdin, "assess -");
    assert_eq!(from_file.stdout, from_stdin.stdout);
}

/// The caseload rows, by household_id.
fn batch_rows(args: &[&str]) -> (Vec<String>, Vec<std::collections::BTreeMap<String, String>>) {
    let output = run(args);
    assert_ok(&output, "batch");
    let out = text(&output.stdout);
    // The result starts with a UTF-8 byte-order mark (for Excel), unless --no-bom.
    let out = if args.contains(&"--no-bom") {
        assert!(!out.starts_with('\u{feff}'));
        out.as_str()
    } else {
        out.strip_prefix('\u{feff}')
            .expect("a byte-order mark first")
    };
    let mut lines = out.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect();
    let rows = lines
        .map(|line| {
            // The example's output has no quoted cells (no commas in any value).
            header
                .iter()
                .cloned()
                .zip(line.split(',').map(str::to_string))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn the_example_caseload_runs() {
    let csv = examples().join("caseload.csv");
    let (header, rows) = batch_rows(&["batch", csv.to_str().unwrap()]);
    assert_eq!(header, doudi_caseload::OUTPUT_COLUMNS);
    assert!(rows.len() >= 10, "10+ households");
    let input = std::fs::read_to_string(&csv).unwrap();
    let households: std::collections::BTreeSet<&str> = input
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap())
        .collect();
    assert_eq!(rows.len(), households.len(), "one output row per household");
    let row = |id: &str| {
        rows.iter()
            .find(|row| row["household_id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    for row in &rows {
        assert_eq!(
            row["error"], "",
            "{}: {}",
            row["household_id"], row["error"]
        );
    }
    // The same households as the JSON examples, with the same amounts.
    assert_eq!(row("HZ-001")["dibao_monthly"], "1606");
    assert_eq!(row("HZ-001")["members"], "4");
    assert_eq!(row("HZ-002")["dibao_monthly"], "883");
    assert_eq!(row("HZ-003")["tekun_monthly"], "834");
    assert_eq!(row("HZ-004")["tekun_monthly"], "1218");
    assert_eq!(row("HZ-005")["tekun_monthly"], "1155");
    assert_eq!(row("HZ-006")["single_person_monthly"], "713");
    assert_eq!(row("HZ-007")["gradual_exit_status"], "eligible");
    // Gradual exit is paid for its months only: apart from the monthly total.
    assert_eq!(row("HZ-007")["time_limited_monthly"], "1628");
    assert_eq!(row("HZ-007")["time_limited_months"], "6");
    assert_eq!(row("HZ-007")["total_monthly"], "0");
    assert_eq!(row("HZ-008")["marginal_family_status"], "eligible");
    assert_eq!(row("HZ-009")["total_monthly_min"], "831");
    assert_eq!(row("HZ-009")["total_monthly_max"], "1806");
    // 邓小红 700 + 300 support = 1000 ÷ 3 = 333.33 < 475; tier C 265 × 3 = 795, two
    // children 2 × 143: 1081.
    assert_eq!(row("HZ-010")["dibao_monthly"], "1081");
    assert_eq!(row("HZ-011")["dibao_status"], "not_eligible");
    assert_eq!(row("HZ-012")["dibao_status"], "needs_more_information");
    // CPI 3.6 % ≥ 3.5 %: tier A 475 every month; the 30 (assumed) price subsidy only in
    // trigger months, apart from the monthly total.
    assert_eq!(row("HZ-013")["conditional_monthly"], "30");
    assert_eq!(row("HZ-013")["total_monthly"], "475");
    assert_eq!(row("HZ-013")["total_basis"], "assumed");

    // Without the trace the amounts are the same; without the BOM too.
    let (_, quick) = batch_rows(&["batch", csv.to_str().unwrap(), "--no-trace"]);
    assert_eq!(rows, quick);
    let (_, plain) = batch_rows(&["batch", "--no-bom", csv.to_str().unwrap(), "--no-trace"]);
    assert_eq!(rows, plain);
}

/// Runs a command that must fail on bad input: exit 2, nothing on stdout, and stderr
/// containing `expected`.
fn assert_rejected(args: &[&str], expected: &str) {
    let output = run(args);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{args:?}: stderr {stderr}");
    assert!(
        output.stdout.is_empty(),
        "{args:?}: stdout {}",
        text(&output.stdout)
    );
    assert!(
        stderr.contains(expected),
        "{args:?}: stderr {stderr:?} should name {expected:?}"
    );
}

/// A scratch directory of this test process.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("doudi-cli-tests-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn bad_input_exits_with_status_2_and_names_the_field() {
    let dir = scratch("bad");
    let write = |name: &str, content: &str| {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        path.to_str().unwrap().to_string()
    };
    let malformed = write("malformed.json", "{\"county\": \"hantai\", \"category\": ");
    let unknown = write(
        "unknown.json",
        r#"{"county":"hantai","category":"urban","date":"2026-11-29","members":[{"age":30,"colour":"red"}]}"#,
    );
    let negative = write(
        "negative.json",
        r#"{"county":"hantai","category":"urban","date":"2026-11-29","members":[{"age":30,"incomes":[{"kind":"wages","amount":"-500"}]}]}"#,
    );
    let fraction = write(
        "fraction.json",
        r#"{"county":"hantai","category":"urban","date":"2026-11-29","members":[{"age":30,"incomes":[{"kind":"wages","amount":12.5}]}]}"#,
    );
    let county = write(
        "county.json",
        r#"{"county":"xian","category":"urban","date":"2026-11-29","members":[{"age":30}]}"#,
    );
    let early = write(
        "early.json",
        r#"{"county":"hantai","category":"urban","date":"2020-01-01","members":[{"age":30}]}"#,
    );
    let empty = write("empty.json", "");
    let directory = dir.join("a-directory");
    std::fs::create_dir_all(&directory).unwrap();
    let directory = directory.to_str().unwrap().to_string();
    let missing = dir.join("no-such-file.json").to_str().unwrap().to_string();

    for command in ["assess", "explain", "what-if"] {
        assert_rejected(&[command, &malformed], "category");
        assert_rejected(&[command, &unknown], "members[0].colour");
        assert_rejected(&[command, &negative], "members[0].incomes[0].amount");
        assert_rejected(&[command, &fraction], "members[0].incomes[0].amount");
        assert_rejected(&[command, &county], "county");
        assert_rejected(&[command, &early], "date");
        assert_rejected(&[command, &empty], "input");
        assert_rejected(&[command, &directory], &directory);
        assert_rejected(&[command, &missing], &missing);
    }
    assert_rejected(&["batch", &directory], &directory);
    assert_rejected(&["batch", &missing], &missing);
    let bad_header = write("bad.csv", "household_id,county,category,date,colour\n");
    assert_rejected(&["batch", &bad_header], "csv.colour");
    let twice = write("twice.csv", "household_id,county,category,date,age,age\n");
    assert_rejected(&["batch", &twice], "csv.age");
    assert_rejected(&["batch", &twice], "columns 5 and 6");
    // Bytes neither UTF-8 nor GB18030 (a GB18030 lead byte before a space).
    let not_text = dir.join("binary.csv");
    std::fs::write(
        &not_text,
        b"household_id,county,category,date\nA,\x81\x20,urban,2026-11-29\n",
    )
    .unwrap();
    assert_rejected(&["batch", not_text.to_str().unwrap()], "csv line 2");
    assert_rejected(&["batch", &bad_header, "--bom"], "--bom");
    assert_rejected(&["batch", &bad_header, "--threads", "0"], "--threads");
    assert_rejected(&["batch"], "no file given");
    assert_rejected(&["frobnicate"], "frobnicate");
    assert_rejected(&[], "doudi");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bad_household_in_a_caseload_gets_an_error_row() {
    let dir = scratch("caseload");
    let path = dir.join("mixed.csv");
    std::fs::write(
        &path,
        "household_id,county,category,date,property_within_limits,name,age,wages_monthly\n\
         A,hantai,urban,2026-11-29,1,王芳,40,300\n\
         B,hantai,urban,2026-11-29,1,李明,400,0\n",
    )
    .unwrap();
    let (_, rows) = batch_rows(&["batch", path.to_str().unwrap()]);
    assert_eq!(rows.len(), 2);
    // 675 − 300 = 375.
    assert_eq!(rows[0]["dibao_monthly"], "375");
    assert!(
        rows[1]["error"].contains("members[0].age"),
        "{}",
        rows[1]["error"]
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn policy_check_passes() {
    let output = run(&["policy", "check"]);
    assert_ok(&output, "policy check");
    assert!(text(&output.stdout).trim_end().ends_with("OK"));
}

#[test]
fn the_schema_is_json() {
    let output = run(&["schema"]);
    assert_ok(&output, "schema");
    let schema: Value = serde_json::from_slice(&output.stdout).expect("the schema is JSON");
    assert!(schema["properties"]["members"].is_object());
    for required in ["county", "category", "date", "members"] {
        assert!(
            schema["required"]
                .as_array()
                .unwrap()
                .iter()
                .any(|field| field == required),
            "{required}"
        );
    }
}

#[test]
fn the_batch_doc_names_every_column() {
    let doc =
        std::fs::read_to_string(root().join("docs/batch-format.md")).expect("docs/batch-format.md");
    for column in doudi_caseload::INPUT_COLUMNS
        .iter()
        .chain(doudi_caseload::OUTPUT_COLUMNS)
    {
        assert!(
            doc.contains(&format!("`{column}`")),
            "docs/batch-format.md does not describe `{column}`"
        );
    }
}

#[test]
fn the_batch_doc_example_gives_its_output() {
    let doc =
        std::fs::read_to_string(root().join("docs/batch-format.md")).expect("docs/batch-format.md");
    let example = &doc[doc.find("## Example").expect("an Example section")..];
    let mut blocks = example
        .split("```csv\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap());
    let (input, output) = (blocks.next().unwrap(), blocks.next().unwrap());
    let dir = scratch("doc-example");
    let (out, _) = batch_file(&dir, "example.csv", input.as_bytes(), &["--no-bom"]);
    assert_eq!(text(&out), output);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_household_doc_examples_are_accepted() {
    let doc = std::fs::read_to_string(root().join("docs/household-format.md"))
        .expect("docs/household-format.md");
    let mut found = 0;
    for block in doc.split("```json").skip(1) {
        let block = block.split("```").next().unwrap();
        if !block.contains("\"county\"") || !block.contains("\"members\"") {
            continue;
        }
        found += 1;
        let output = run_with_stdin(&["assess", "-"], block);
        assert_ok(
            &output,
            &format!("the example of docs/household-format.md:\n{block}"),
        );
    }
    assert!(
        found >= 1,
        "docs/household-format.md has a complete example"
    );
}

/// Writes a scratch file, runs `doudi batch` on it, and gives the output and stderr.
fn batch_file(dir: &Path, name: &str, bytes: &[u8], options: &[&str]) -> (Vec<u8>, String) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let mut args = vec!["batch", path.to_str().unwrap()];
    args.extend_from_slice(options);
    let output = run(&args);
    assert_ok(&output, name);
    (output.stdout, text(&output.stderr))
}

/// A result CSV read with the csv crate: its rows (header first), without the BOM.
fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
    let bytes = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a BOM first");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|record| record.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn a_result_csv_opens_as_text_in_a_spreadsheet() {
    let dir = scratch("formulas");
    let ids = ["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)"];
    let mut input = String::from(
        "household_id,county,category,date,property_within_limits,age,wages_monthly\n",
    );
    for id in ids {
        input.push_str(&format!(
            "\"{}\",hantai,urban,2026-11-29,1,40,300\n",
            id.replace('"', "\"\"")
        ));
    }
    input.push_str("\"=bad\",hantai,urban,2026-11-29,1,=1+1,0\n");
    let (out, stderr) = batch_file(&dir, "formulas.csv", input.as_bytes(), &[]);
    let rows = read_back(&out);
    assert_eq!(rows[0], doudi_caseload::OUTPUT_COLUMNS);
    assert_eq!(rows.len(), ids.len() + 2);
    for (row, id) in rows[1..].iter().zip(ids) {
        // Every cell of the id column opens as text.
        assert_eq!(row[0], format!("'{id}"));
        assert!(row[0].starts_with('\''));
        // A number stays a number: 675 − 300.
        assert_eq!(row[3], "375");
    }
    assert_eq!(rows[5][0], "'=bad");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run as a formula"
            );
        }
    }
    assert!(
        stderr.contains("5 households: 4 succeeded, 1 failed"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A caseload in Chinese, as a county office's spreadsheet holds it.
const OFFICE_CASELOAD: &str = "household_id,county,category,date,property_within_limits,rural_tier,name,age,relation,wages_monthly,business_monthly,residents_basic_pension_monthly,serious_illness,supporters\n\
    汉台-001,hantai,urban,2026-11-29,是,,李建军,42,applicant,900,,,,\n\
    汉台-001,,,,,,张丽,40,spouse,600,,,,\n\
    汉台-001,,,,,,刘桂兰,78,parent,,,200,,able\n\
    洋县-002,yangxian,rural,2026-11-29,1,B,赵德明,71,applicant,,300,200,,able\n\
    洋县-002,,,,,,孙桂芳,66,spouse,,,200,,able\n\
    宁强-005,ningqiang,rural,2026-11-29,1,,何永平,45,applicant,,,,乳腺癌,none\n";

#[test]
fn gbk_and_utf16_caseloads_from_excel_are_read() {
    let dir = scratch("encodings");
    let (utf8, stderr) = batch_file(&dir, "utf8.csv", OFFICE_CASELOAD.as_bytes(), &[]);
    assert!(stderr.contains("read as UTF-8"), "{stderr}");
    let rows = read_back(&utf8);
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[1][0], "汉台-001");
    assert_eq!(rows[2][..4], ["洋县-002", "2", "eligible", "883"]);
    for row in &rows[1..] {
        assert_eq!(row.last().unwrap(), "", "{row:?}");
    }

    // Excel on Chinese Windows: "CSV (逗号分隔)" is GBK.
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(OFFICE_CASELOAD);
    assert!(!unmappable && std::str::from_utf8(&gbk).is_err());
    let (out, stderr) = batch_file(&dir, "gbk.csv", &gbk, &[]);
    assert!(out == utf8, "GBK: {}", text(&out));
    assert!(stderr.contains("read as GB18030"), "{stderr}");

    // "Unicode 文本" is UTF-16LE with a BOM, tab-separated. (encoding_rs encodes no
    // UTF-16, as the Encoding Standard has it: std's encode_utf16 makes the bytes.)
    let tabbed = OFFICE_CASELOAD.replace(',', "\t");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(tabbed.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (out, stderr) = batch_file(&dir, "unicode.txt", &utf16, &[]);
    assert!(out == utf8, "UTF-16LE: {}", text(&out));
    assert!(stderr.contains("read as UTF-16LE"), "{stderr}");
    // The same as comma-separated UTF-16LE.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(OFFICE_CASELOAD.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (out, _) = batch_file(&dir, "utf16.csv", &utf16, &[]);
    assert!(out == utf8);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn split_conflicting_and_unnamed_households_are_error_rows_by_physical_line() {
    let dir = scratch("grouping");
    let input = "household_id,county,category,date,property_within_limits,name,age,wages_monthly\n\
        \n\
        A,hantai,urban,2026-11-29,1,\"王\n芳\",40,0\n\
        B,hantai,urban,2026-11-29,1,李明,30,300\n\
        A,hantai,urban,2026-11-29,1,张伟,30,0\n\
        C,hantai,urban,2026-11-29,1,赵六,30,0\n\
        C,nanzheng,,,,钱七,30,0\n\
        ,hantai,urban,2026-11-29,1,孙八,30,0\n\
        D,hantai,urban,2026-11-29,1,周九,30,300\n";
    let (out, stderr) = batch_file(&dir, "grouping.csv", input.as_bytes(), &[]);
    let rows = read_back(&out);
    let error = |at: usize| rows[at].last().unwrap().clone();
    let ids: Vec<&str> = rows[1..].iter().map(|row| row[0].as_str()).collect();
    assert_eq!(ids, ["A", "B", "A", "C", "", "D"]);
    // Both parts of A, at their physical lines (3, after a blank line; 6, after a
    // name with a line break in it).
    assert!(
        error(1).starts_with("csv line 3: household_id: "),
        "{}",
        error(1)
    );
    assert!(error(1).contains("lines 3 and 6"), "{}", error(1));
    assert!(
        error(3).starts_with("csv line 6: household_id: "),
        "{}",
        error(3)
    );
    // The rest goes on.
    assert_eq!(rows[2][..4], ["B", "1", "eligible", "375"]);
    assert!(error(4).starts_with("csv line 8: county: "), "{}", error(4));
    assert!(error(4).contains("line 7"), "{}", error(4));
    assert!(
        error(5).starts_with("csv line 9: household_id: "),
        "{}",
        error(5)
    );
    assert_eq!(rows[6][..4], ["D", "1", "eligible", "375"]);
    assert!(
        stderr.contains("6 households: 2 succeeded, 4 failed"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn batch_streams_the_bytes_of_run_on_any_number_of_threads() {
    let dir = scratch("streaming");
    let example = std::fs::read(examples().join("caseload.csv")).unwrap();
    // The example many times over, with an id per copy (and a few split households).
    let text = String::from_utf8(example).unwrap();
    let (header, body) = text.split_once('\n').unwrap();
    let mut input = format!("{header}\n");
    for copy in 0..120 {
        for line in body.lines() {
            let (id, rest) = line.split_once(',').unwrap();
            let id = if copy % 50 == 7 && id == "HZ-003" {
                "HZ-split".to_string()
            } else {
                format!("{id}-{copy}")
            };
            input.push_str(&format!("{id},{rest}\n"));
        }
    }
    let expected = doudi_caseload::run(&input, doudi_rules::Options::QUIET).unwrap();
    for threads in ["1", "2", "5"] {
        let (out, _) = batch_file(
            &dir,
            "big.csv",
            input.as_bytes(),
            &["--no-trace", "--threads", threads],
        );
        assert!(out == expected.as_bytes(), "--threads {threads}");
    }
    let (out, _) = batch_file(&dir, "big.csv", input.as_bytes(), &[]);
    assert!(out == expected.as_bytes(), "all cores, trace on");
    // Standard input: the same.
    let output = run_with_stdin(&["batch", "-", "--no-trace"], &input);
    assert_ok(&output, "batch -");
    assert!(output.stdout == expected.as_bytes());
    assert!(expected.contains("HZ-split"));
    std::fs::remove_dir_all(&dir).ok();
}

/// 核一核: each examples/check/ file gives the verdict it was written to show (the
/// arithmetic is in examples/README.md), in JSON and in both languages' text.
#[test]
fn every_check_example_gives_its_verdict() {
    // (file, verdict, ours, difference, leads, left out)
    let expected = [
        // 675 × 4 − 1500 + 203 + 203 = 1606; 1200 is 406 less. A counted income of 1906
        // gives 675 × 4 − 1906 + 406 = 1200; no household size does.
        (
            "dibao-lower-counting-other-income.json",
            "differs",
            "1606",
            Some("-406"),
            "counted_income",
            "",
        ),
        // Income 2600 for 3 ≥ 675 × 3: no dibao, as the notice says; gradual exit 1628 for
        // 6 months is left out.
        (
            "dibao-stopped-without-gradual-exit.json",
            "agrees",
            "0",
            None,
            "",
            "gradual_exit",
        ),
        // 880 + 15 % × 2250 (337.5 → 338) = 1218; 1105 = 880 + 225 is the self-caring
        // amount: the six items read as all met, and the named tier, explain it.
        (
            "tekun-notice-names-self-care.json",
            "differs",
            "1218",
            Some("-113"),
            "care_tier,care_tier",
            "",
        ),
    ];
    let files: Vec<String> = std::fs::read_dir(examples().join("check"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files.len(),
        expected.len(),
        "a check example without its expected verdict: {files:?}"
    );
    for (file, verdict, ours, difference, leads, left_out) in expected {
        let path = format!("examples/check/{file}");
        let output = run(&["check", &path, "--json"]);
        assert_ok(&output, &path);
        let check: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(check["verdict"], verdict, "{file}");
        assert_eq!(amount(&check["ours"]), ours, "{file}");
        assert_eq!(
            check.get("difference").map(amount).as_deref(),
            difference,
            "{file}"
        );
        let ids = |key: &str| -> String {
            check[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|item| item["lead"].as_str().unwrap())
                .collect::<Vec<_>>()
                .join(",")
        };
        assert_eq!(ids("explanations"), leads, "{file}");
        assert_eq!(ids("left_out"), left_out, "{file}");
        for lang in ["zh", "en"] {
            let output = run(&["check", &path, "--lang", lang]);
            assert_ok(&output, &path);
            let text = text(&output.stdout);
            assert!(
                text.contains(&format!(" {ours} ")),
                "{file} ({lang}) does not say {ours}:\n{text}"
            );
        }
    }
}

#[test]
fn a_check_naming_a_member_the_household_lacks_or_a_bad_amount_exits_with_status_2() {
    let input = r#"{"household":{"county":"hantai","category":"urban","date":"2026-11-01","members":[{"age":40}]},"decision":{"programme":"tekun","member":3,"monthly":"1105"}}"#;
    let output = run_with_stdin(&["check", "-"], input);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("decision.member"), "{stderr}");
    assert!(stderr.contains("家庭只有 1 名成员"), "{stderr}");
    assert!(stderr.contains("the household has one member"), "{stderr}");
    for (amount, says) in [
        ("-5", "金额不能为负数"),
        ("1105.001", "最多保留两位小数"),
        ("2000000", "过大"),
    ] {
        let input = input.replace(
            r#""member":3,"monthly":"1105""#,
            &format!(r#""member":0,"monthly":"{amount}""#),
        );
        let output = run_with_stdin(&["check", "-"], &input);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{amount}: {stderr}");
        assert!(
            stderr.contains("decision.monthly") && stderr.contains(says),
            "{amount}: {stderr}"
        );
    }
}

//! `doudi batch --reform` and `doudi reform` on the example caseload: the per-household
//! rows add up to the summary's change, every column by its name; a negative change is a
//! number in a spreadsheet, not text; a bad reform is refused at its field.

use std::path::{Path, PathBuf};
use std::process::Command;

const DOUDI: &str = env!("CARGO_BIN_EXE_doudi");

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> (String, String, i32) {
    let output = Command::new(DOUDI)
        .args(args)
        .current_dir(root())
        .output()
        .expect("doudi runs");
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn the_rows_under_a_reform_add_up_to_the_summary() {
    for path in [
        "examples/reform/urban-standard-700.toml",
        "examples/reform/urban-standard-660.toml",
    ] {
        let (csv, _, status) = run(&[
            "batch",
            "examples/caseload.csv",
            "--reform",
            path,
            "--no-bom",
        ]);
        assert_eq!(status, 0);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let at = |name: &str| headers.iter().position(|header| header == name).unwrap();
        let mut change = rust_decimal::Decimal::ZERO;
        let mut rows = 0;
        for record in reader.records() {
            let record = record.unwrap();
            let cell =
                |name: &str| rust_decimal::Decimal::from_str_exact(&record[at(name)]).unwrap();
            assert_eq!(
                cell("change_monthly"),
                cell("reform_total_monthly") - cell("total_monthly")
            );
            assert!(record[at("error")].is_empty());
            change += cell("change_monthly");
            rows += 1;
        }
        assert_eq!(rows, 13);
        let text = std::fs::read_to_string(root().join(path)).unwrap();
        let reform =
            doudi_rules::reform::ReformInput::check(&toml::from_str(&text).unwrap()).unwrap();
        let costing = doudi_caseload::reform::cost(
            &mut || std::fs::File::open(root().join("examples/caseload.csv")),
            &reform,
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(costing.monthly_change(), change, "{}", reform.name.en);
        // The summary says the same.
        let (summary, _, status) = run(&["reform", "examples/caseload.csv", path, "--lang", "en"]);
        assert_eq!(status, 0);
        let signed = if change > rust_decimal::Decimal::ZERO {
            format!("+{change}")
        } else {
            change.to_string()
        };
        assert!(
            summary.contains(&format!("a change of {signed} yuan")),
            "{summary}"
        );
        assert!(summary.contains("static costing"), "{summary}");
    }
}

#[test]
fn a_cut_is_written_as_a_negative_number_not_as_text() {
    let (csv, _, _) = run(&[
        "batch",
        "examples/caseload.csv",
        "--reform",
        "examples/reform/urban-standard-660.toml",
        "--no-bom",
    ]);
    assert!(
        csv.lines().any(|line| line.contains(",-")),
        "a negative change is there:\n{csv}"
    );
    assert!(
        !csv.contains("'-"),
        "no negative number is neutralised as text:\n{csv}"
    );
}

#[test]
fn a_bad_reform_is_refused_at_its_field_in_both_languages() {
    let file = std::env::temp_dir().join("doudi-bad-reform.toml");
    std::fs::write(&file, "name = \"x\"\n[[change]]\nparam = \"topup.severe_rate\"\nfrom = \"2026-10-01\"\nvalue = \"60\"\n").unwrap();
    let (_, stderr, status) = run(&[
        "reform",
        "examples/caseload.csv",
        &file.display().to_string(),
    ]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("change[0].value"), "{stderr}");
    assert!(
        stderr.contains("不行") && stderr.contains("will not do"),
        "{stderr}"
    );
}

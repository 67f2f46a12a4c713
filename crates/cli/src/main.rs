//! doudi: the caseworkers' command-line tool. Reads households, prints assessments.
//! Exit status: 0 on success, 2 on bad input (with a message naming the field), 1 when
//! the output cannot be written.

mod explain;

use doudi_rules::{Household, InputError, Options};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
doudi — 汉中社会救助计算器 / Hanzhong social-assistance calculator

用法 / usage:
  doudi assess FILE|-        household JSON in, assessment JSON out
  doudi explain FILE|- [--lang en]
                             the same assessment as readable text (Chinese, or English)
  doudi what-if FILE|-       monthly support against household income (JSON)
  doudi batch IN.csv|- [--no-trace] [--no-bom] [--threads N]
                             a caseload in (docs/batch-format.md; UTF-8, GBK or UTF-16),
                             one CSV row per household out, streamed on every core
  doudi policy check [DIR]   validate policies/ and list every parameter with its status
  doudi schema               the JSON Schema of the household input
";

/// A failure: the message and the exit status.
struct Failure {
    message: String,
    status: u8,
}

impl From<InputError> for Failure {
    fn from(error: InputError) -> Failure {
        Failure {
            message: format!(
                "输入有误 / invalid input: {}\n  {}\n  {}",
                error.field, error.zh, error.en
            ),
            status: 2,
        }
    }
}

fn usage_error(message: &str) -> Failure {
    Failure {
        message: format!("{message}\n\n{USAGE}"),
        status: 2,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = std::io::stdout().lock();
    match run(&args, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(failure.status)
        }
    }
}

fn run(args: &[String], out: &mut dyn Write) -> Result<(), Failure> {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let text = match args.as_slice() {
        ["assess", path] => {
            let household = read_household(path)?;
            let assessment = doudi_rules::assess(&household, Options::default())?;
            to_json(&assessment)
        }
        ["explain", path] | ["explain", path, "--lang", "zh"] => {
            let household = read_household(path)?;
            let assessment = doudi_rules::assess(&household, Options::default())?;
            explain::render(&household, &assessment, explain::Lang::Zh)
        }
        ["explain", path, "--lang", "en"] => {
            let household = read_household(path)?;
            let assessment = doudi_rules::assess(&household, Options::default())?;
            explain::render(&household, &assessment, explain::Lang::En)
        }
        ["what-if", path] => {
            let household = read_household(path)?;
            to_json(&doudi_rules::what_if::what_if(&household)?)
        }
        ["batch", rest @ ..] => return batch(rest, out),
        ["policy", "check"] => policy_check("policies")?,
        ["policy", "check", dir] => policy_check(dir)?,
        ["schema"] => to_json(&schemars::schema_for!(Household)),
        ["help"] | ["--help"] | ["-h"] => USAGE.to_string(),
        [] => return Err(usage_error("缺少命令 / no command given")),
        _ => {
            return Err(usage_error(&format!(
                "未知的命令 / unknown command: {}",
                args.join(" ")
            )))
        }
    };
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|error| Failure {
            message: format!("cannot write the output: {error}"),
            status: 1,
        })
}

/// `doudi batch IN.csv|- [--no-trace] [--no-bom] [--threads N]`: streams the results to
/// `out` (the file is read twice: standard input is first copied to a temporary file),
/// and a summary to stderr.
fn batch(args: &[&str], out: &mut dyn Write) -> Result<(), Failure> {
    let mut settings = doudi_caseload::Settings::default();
    let mut path = None;
    let mut threads = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match *arg {
            "--no-trace" => settings.trace = false,
            "--no-bom" => settings.bom = false,
            "--threads" => {
                let count = args.next().and_then(|count| count.parse::<usize>().ok());
                threads = Some(count.filter(|count| *count > 0).ok_or_else(|| {
                    usage_error("--threads 需要一个正整数 / --threads needs a number, 1 or more")
                })?);
            }
            option if option.starts_with("--") => {
                return Err(usage_error(&format!(
                    "未知的选项 / unknown option: {option}"
                )))
            }
            file if path.is_none() => path = Some(file),
            extra => return Err(usage_error(&format!("多余的参数 / one file only: {extra}"))),
        }
    }
    let path = path.ok_or_else(|| usage_error("缺少文件 / no file given: doudi batch IN.csv"))?;
    let spooled = if path == "-" {
        Some(Spool::stdin()?)
    } else {
        None
    };
    let file: &Path = spooled
        .as_ref()
        .map_or(Path::new(path), |spool| spool.path.as_path());
    let workers = threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, out);
    let written = doudi_caseload::stream_parallel(
        &mut || std::fs::File::open(file),
        &mut out,
        settings,
        workers,
    )
    .and_then(|summary| {
        out.flush().map_err(doudi_caseload::Error::Write)?;
        Ok(summary)
    });
    let summary = written.map_err(|error| match error {
        doudi_caseload::Error::Input(error) => Failure::from(error),
        doudi_caseload::Error::Read(error) => Failure {
            message: format!("无法读取 / cannot read {path}: {error}"),
            status: 2,
        },
        doudi_caseload::Error::Write(error) => Failure {
            message: format!("cannot write the output: {error}"),
            status: 1,
        },
    })?;
    eprintln!("{}", summary.line());
    Ok(())
}

/// Standard input copied to a temporary file, readable by this user only (removed when
/// dropped).
struct Spool {
    path: PathBuf,
}

impl Spool {
    fn stdin() -> Result<Spool, Failure> {
        let failure = |error: std::io::Error| Failure {
            message: format!("无法读取 / cannot read standard input: {error}"),
            status: 2,
        };
        let mut attempt = 0;
        let (spool, mut file) = loop {
            let path = std::env::temp_dir()
                .join(format!("doudi-batch-{}-{attempt}.csv", std::process::id()));
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            // Names and incomes: readable by this user only.
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            match options.open(&path) {
                Ok(file) => break (Spool { path }, file),
                Err(error)
                    if error.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 =>
                {
                    attempt += 1
                }
                Err(error) => return Err(failure(error)),
            }
        };
        std::io::copy(&mut std::io::stdin().lock(), &mut file).map_err(failure)?;
        Ok(spool)
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn read_text(path: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|read| text = read)
    };
    result.map_err(|error| Failure {
        message: format!("无法读取 / cannot read {path}: {error}"),
        status: 2,
    })?;
    Ok(text)
}

fn read_household(path: &str) -> Result<Household, Failure> {
    parse_household(&read_text(path)?).map_err(Failure::from)
}

/// Parses household JSON, naming the field at fault on error.
pub fn parse_household(text: &str) -> Result<Household, InputError> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        let field = if path == "." || path.is_empty() {
            "input".to_string()
        } else {
            path
        };
        InputError::new(
            field,
            format!("格式有误：{inner}"),
            format!("malformed: {inner}"),
        )
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serialising our own types to a string cannot fail: they have string keys only.
    let mut text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"));
    text.push('\n');
    text
}

fn policy_check(dir: &str) -> Result<String, Failure> {
    let set = doudi_policy::load(std::path::Path::new(dir)).map_err(|errors| Failure {
        message: format!("policies/ 有误 / is not valid:\n{errors}"),
        status: 2,
    })?;
    let mut text = String::new();
    let mut counts = [0usize; 3];
    for param in &set.params {
        text.push_str(&format!("{}  {}（{}）\n", param.id, param.zh, param.en));
        for value in &param.values {
            let index = match value.status {
                doudi_policy::Status::Published => 0,
                doudi_policy::Status::Inferred => 1,
                doudi_policy::Status::Assumed => 2,
            };
            counts[index] += 1;
            let shown = value
                .value
                .map(|value| value.to_string())
                .unwrap_or_else(|| "none".into());
            text.push_str(&format!(
                "    {} 起  {:>8}  {:<9}  {}\n",
                value.from,
                shown,
                value.status.name().to_lowercase(),
                value.source
            ));
        }
    }
    text.push_str(&format!(
        "\n{} parameters, {} lists, {} places, {} sources; values: {} published, {} inferred, {} assumed. OK\n",
        set.params.len(),
        set.lists.len(),
        set.places.len(),
        set.sources.len(),
        counts[0],
        counts[1],
        counts[2]
    ));
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_args(args: &[&str]) -> Result<String, Failure> {
        let args: Vec<String> = args.iter().map(|arg| arg.to_string()).collect();
        let mut out = Vec::new();
        run(&args, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn an_unknown_field_names_its_path() {
        let error = parse_household(r#"{"county":"hantai","category":"urban","date":"2026-01-01","members":[{"age":30,"colour":"red"}]}"#).unwrap_err();
        assert_eq!(error.field, "members[0].colour");
        assert!(error.en.contains("colour"), "{}", error.en);
    }

    #[test]
    fn a_fractional_json_number_must_be_quoted() {
        let error = parse_household(r#"{"county":"hantai","category":"urban","date":"2026-01-01","members":[{"age":30,"incomes":[{"kind":"wages","amount":12.5}]}]}"#).unwrap_err();
        assert_eq!(error.field, "members[0].incomes[0].amount");
    }

    #[test]
    fn an_unknown_command_exits_with_status_2() {
        assert_eq!(
            run_args(&["frobnicate"])
                .err()
                .map(|failure| failure.status),
            Some(2)
        );
    }

    #[test]
    fn policy_check_passes_on_the_shipped_policies() {
        let text = run_args(&[
            "policy",
            "check",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../policies"),
        ])
        .ok()
        .unwrap();
        assert!(text.contains("dibao.urban.standard"));
        assert!(text.trim_end().ends_with("OK"));
    }

    #[test]
    fn the_schema_describes_the_household() {
        let text = run_args(&["schema"]).ok().unwrap();
        assert!(text.contains("\"members\""));
    }
}

//! doudi: the caseworkers' command-line tool. Reads households, prints assessments.
//! Exit status: 0 on success, 2 on bad input (with a message naming the field), 1 when
//! the output cannot be written.

mod check;
mod explain;
mod input;
mod reform;

use doudi_rules::household::{too_large, MAX_HOUSEHOLD_BYTES};
use doudi_rules::policy::Date;
use doudi_rules::{Household, InputError, Options};
use input::{parse_household, utf8_text};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
doudi — 汉中社会救助计算器 / Hanzhong social-assistance calculator

用法 / usage:
  doudi assess FILE|- [--reform REFORM.toml]
                             household JSON in, assessment JSON out (under a reform:
                             its values in place of policy's, marked as the reform's)
  doudi explain FILE|- [--lang en]
                             the same assessment as readable text (Chinese, or English)
  doudi what-if FILE|-       monthly support against household income (JSON)
  doudi check FILE|- [--lang en | --json]
                             核一核: a decision (programme, amount, tier, reason, date)
                             checked against the rules for the same household
                             (docs/check-format.md)
  doudi quick FILE|- [--lang en | --json]
                             a first answer from six questions (place, people, income,
                             who is old, young, disabled or ill, dibao now): per
                             programme 可能符合 / 需要补充 / 暂不符合 and a range
                             (docs/quick-format.md)
  doudi reform CASELOAD.csv REFORM.toml [--lang en]
                             what a reform (new values of parameters from a date,
                             docs/reform-format.md) would change over a caseload: who
                             gains, loses, is newly covered; the cost by programme,
                             county and category; static, exact
  doudi batch IN.csv|- [--no-trace] [--no-bom] [--threads N] [--reform REFORM.toml]
                             a caseload in (docs/batch-format.md; UTF-8, GBK or UTF-16),
                             one CSV row per household out, streamed on every core;
                             with --reform, each amount before and under the reform
                             (docs/reform-format.md)
  doudi answers [--lang en]  plain answers to the questions people ask (who counts as
                             family, which income counts…), each with its clauses
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
        ["assess", path, "--reform", file] => {
            let household = read_household(path)?;
            let reform = reform::read(&utf8_text(read_bytes(file)?)?)?;
            let assessment = doudi_rules::assess_under(&household, Options::default(), &reform)?;
            note_future_date(&household);
            to_json(&assessment)
        }
        ["assess", path] => {
            let household = read_household(path)?;
            let assessment = doudi_rules::assess(&household, Options::default())?;
            note_future_date(&household);
            to_json(&assessment)
        }
        ["explain", path] | ["explain", path, "--lang", "zh"] => {
            let household = read_household(path)?;
            let assessment = doudi_rules::assess(&household, Options::default())?;
            note_future_date(&household);
            explain::render(&household, &assessment, explain::Lang::Zh)
        }
        ["explain", path, "--lang", "en"] => {
            let household = read_household(path)?;
            let assessment = doudi_rules::assess(&household, Options::default())?;
            note_future_date(&household);
            explain::render(&household, &assessment, explain::Lang::En)
        }
        ["what-if", path] => {
            let household = read_household(path)?;
            let what_if = doudi_rules::what_if::what_if(&household)?;
            note_future_date(&household);
            to_json(&what_if)
        }
        ["check", path, rest @ ..] => {
            let input: doudi_rules::check::CheckInput =
                input::parse(&utf8_text(read_bytes(path)?)?)?;
            let checked = doudi_rules::check::check(&input.household, &input.decision)?;
            note_future_date(&input.household);
            match rest {
                [] | ["--lang", "zh"] => check::render(&checked, explain::Lang::Zh),
                ["--lang", "en"] => check::render(&checked, explain::Lang::En),
                ["--json"] => to_json(&checked),
                _ => {
                    return Err(usage_error(&format!(
                        "未知的选项 / unknown option: {}",
                        rest.join(" ")
                    )))
                }
            }
        }
        ["quick", path, rest @ ..] => {
            let answers: doudi_rules::quick::Quick = input::parse(&utf8_text(read_bytes(path)?)?)?;
            let answer = doudi_rules::quick::quick(&answers)?;
            match rest {
                [] | ["--lang", "zh"] => check::quick(&answer, explain::Lang::Zh),
                ["--lang", "en"] => check::quick(&answer, explain::Lang::En),
                ["--json"] => to_json(&answer),
                _ => {
                    return Err(usage_error(&format!(
                        "未知的选项 / unknown option: {}",
                        rest.join(" ")
                    )))
                }
            }
        }
        ["reform", caseload, file, rest @ ..] => {
            let lang = match rest {
                [] | ["--lang", "zh"] => explain::Lang::Zh,
                ["--lang", "en"] => explain::Lang::En,
                _ => {
                    return Err(usage_error(&format!(
                        "未知的选项 / unknown option: {}",
                        rest.join(" ")
                    )))
                }
            };
            let reform = reform::read(&utf8_text(read_bytes(file)?)?)?;
            let path = Path::new(caseload);
            let costing = doudi_caseload::reform::cost(
                &mut || std::fs::File::open(path),
                &reform,
                &mut |_, _| {},
            )
            .map_err(InputError::from)?;
            reform::render(&costing, &reform, lang)
        }
        ["batch", rest @ ..] => return batch(rest, out),
        ["policy", "check"] => policy_check("policies")?,
        ["policy", "check", dir] => policy_check(dir)?,
        ["schema"] => to_json(&schemars::schema_for!(Household)),
        ["answers"] | ["answers", "--lang", "zh"] => check::answers(explain::Lang::Zh),
        ["answers", "--lang", "en"] => check::answers(explain::Lang::En),
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
            "--reform" => {
                let file = args.next().ok_or_else(|| {
                    usage_error("--reform 需要一个方案文件 / --reform needs a reform file")
                })?;
                let reform = reform::read(&utf8_text(read_bytes(file)?)?)?;
                // Lives as long as the run, which is the process.
                settings.reform = Some(Box::leak(Box::new(reform)));
            }
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

/// The bytes of a household file (or standard input), at most
/// [`MAX_HOUSEHOLD_BYTES`]: a larger file is refused before it is read (by its size) or
/// as soon as the limit is passed (standard input), never held whole.
fn read_bytes(path: &str) -> Result<Vec<u8>, Failure> {
    let cannot = |error: std::io::Error| Failure {
        message: format!("无法读取 / cannot read {path}: {error}"),
        status: 2,
    };
    let limit = u64::try_from(MAX_HOUSEHOLD_BYTES).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
    } else {
        let file = std::fs::File::open(path).map_err(cannot)?;
        if let Ok(metadata) = file.metadata() {
            if metadata.is_file() && metadata.len() > limit {
                return Err(too_large(Some(metadata.len())).into());
            }
        }
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
    }
    if bytes.len() > MAX_HOUSEHOLD_BYTES {
        return Err(too_large(None).into());
    }
    Ok(bytes)
}

fn read_household(path: &str) -> Result<Household, Failure> {
    let text = utf8_text(read_bytes(path)?)?;
    Ok(parse_household(&text)?)
}

/// After an assessment: says on stderr which standards a date after today uses.
fn note_future_date(household: &Household) {
    if let Some((zh, en)) = future_date_notice(household, today()) {
        eprintln!("注意 / note: date\n  {zh}\n  {en}");
    }
}

/// What standards a date later than today is assessed with, when it is after the
/// latest standard the rules hold (said on stderr: the output is the same every day).
fn future_date_notice(household: &Household, today: Option<Date>) -> Option<(String, String)> {
    match today {
        Some(today) if household.date > today => household.standards_notice(),
        _ => None,
    }
}

/// Today in China (UTC+8), from the system clock.
fn today() -> Option<Date> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    civil_date(i64::try_from((seconds + 8 * 3600) / 86_400).ok()?)
}

/// The date `days` days after 1970-01-01 (the proleptic Gregorian calendar; Howard
/// Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> Option<Date> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Some(Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    ))
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

    const HOUSEHOLD: &str =
        r#"{"county":"hantai","category":"urban","date":"2026-11-01","members":[{"age":30}]}"#;

    #[test]
    fn a_byte_order_mark_is_read_and_trailing_content_is_not() {
        assert!(parse_household(&format!("\u{feff}{HOUSEHOLD}")).is_ok());
        assert!(parse_household(&format!("{HOUSEHOLD}\n\n")).is_ok());
        let error = parse_household(&format!("{HOUSEHOLD} {{}}")).unwrap_err();
        assert_eq!(error.field, "input");
        assert!(
            error.en.contains("more after the household"),
            "{}",
            error.en
        );
        let error = parse_household(&format!("\u{feff}\u{feff}{HOUSEHOLD}")).unwrap_err();
        assert_eq!(error.field, "input");
    }

    #[test]
    fn a_household_above_the_size_limit_is_refused_unread() {
        let text = format!("{HOUSEHOLD}{}", " ".repeat(MAX_HOUSEHOLD_BYTES));
        let error = parse_household(&text).unwrap_err();
        assert_eq!(error.field, "input");
        assert!(error.zh.contains("内容太大"), "{}", error.zh);
    }

    #[test]
    fn bytes_that_are_not_utf8_name_their_line() {
        let error = utf8_text(b"{\n\"county\": \"\xba\xba\"}".to_vec()).unwrap_err();
        assert_eq!(error.field, "input");
        assert!(error.en.starts_with("line 2 "), "{}", error.en);
    }

    #[test]
    fn the_calendar_counts_days_from_1970() {
        for (days, date) in [
            (0, Date::new(1970, 1, 1)),
            (11_017, Date::new(2000, 3, 1)),
            (19_782, Date::new(2024, 2, 29)),
            (20_787, Date::new(2026, 11, 30)),
            (21_183, Date::new(2027, 12, 31)),
        ] {
            assert_eq!(civil_date(days), Some(date), "{days}");
        }
    }

    #[test]
    fn only_a_date_after_today_and_the_latest_standards_is_told_its_standards() {
        let mut household = parse_household(HOUSEHOLD).unwrap();
        household.date = doudi_rules::household::last_assessable_date();
        let today = Some(Date::new(2026, 11, 30));
        assert!(future_date_notice(&household, today).is_some());
        assert!(future_date_notice(&household, Some(household.date)).is_none());
        household.date = doudi_rules::household::latest_standard_date();
        assert!(future_date_notice(&household, Some(Date::new(2020, 1, 1))).is_none());
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

//! Batch benchmark: how many households per second doudi assesses.
//!
//!     cargo bench -p doudi-cli --bench batch
//!
//! Generates 100 000 varied households deterministically (an LCG, fixed seed), then times
//!
//! 1. `doudi_rules::assess` in a loop: with the trace and the words (`Options::FULL`), with
//!    the trace recorded as data and no words (`Options::TRACE`), and figures only
//!    (`Options::FIGURES`);
//! 2. `doudi_caseload::run` (parse the CSV, assess, write the result CSV, one thread)
//!    in-process, trace on and off;
//! 3. the optimised `doudi batch` binary (the one Cargo built for this bench, i.e.
//!    target/release/doudi) on the same caseload written to a temporary CSV file, with
//!    and without `--no-trace`, on one thread (`--threads 1`) and on every core; each
//!    output must be byte for byte that of step 2.
//!
//! It prints households per second for each. Set DOUDI_BENCH_HOUSEHOLDS to change the
//! count. Run without `--bench` (as `cargo test --benches` does) it checks itself on
//! 1 000 households only. DOUDI_BENCH_ONLY=rules times step 1 only. With DOUDI_BENCH_CSV=FILE it only writes the generated
//! caseload to FILE, a household at a time (any size, in flat memory), and stops:
//!
//!     DOUDI_BENCH_CSV=/tmp/1m.csv DOUDI_BENCH_HOUSEHOLDS=1000000 \
//!         cargo bench -p doudi-cli --bench batch

use doudi_rules::household::{
    Caseworker, Disability, DisabilityKind, Family, Income, IncomeKind, Member, Money, Period,
    Relation, SelfCare, Student, Supporter, SupporterSituation,
};
use doudi_rules::policy::Date;
use doudi_rules::{Category, Decimal, Household, Options, Programme, Status, Tier};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Knuth's MMIX linear congruential generator.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    /// A number in 0..n.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// True with probability percent / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    /// A whole amount in 元 from `low` to `high`, in steps of 10.
    fn yuan(&mut self, low: u64, high: u64) -> Money {
        let steps = (high - low) / 10 + 1;
        Money(Decimal::from(low + self.below(steps) * 10))
    }
}

const COUNTIES: [&str; 11] = [
    "hantai",
    "nanzheng",
    "chenggu",
    "yangxian",
    "xixiang",
    "mianxian",
    "ningqiang",
    "lueyang",
    "zhenba",
    "liuba",
    "foping",
];
const SURNAMES: [&str; 12] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
];
const GIVEN: [&str; 12] = [
    "秀英", "建军", "桂兰", "志强", "丽", "小雨", "德明", "春花", "永平", "海涛", "玉梅", "浩",
];
const ILLNESSES: [&str; 5] = ["乳腺癌", "肺癌", "终末期肾病", "脑卒中", "白内障"];

fn member(rng: &mut Lcg, relation: Relation, age: u32) -> Member {
    let mut incomes = Vec::new();
    let working = (18..60).contains(&age);
    if working && rng.chance(60) {
        incomes.push(Income {
            kind: IncomeKind::Wages,
            amount: rng.yuan(200, 3500),
            per: Period::Month,
        });
    }
    if working && rng.chance(25) {
        incomes.push(Income {
            kind: IncomeKind::Business,
            amount: rng.yuan(0, 800),
            per: Period::Month,
        });
    }
    if rng.chance(5) {
        incomes.push(Income {
            kind: IncomeKind::Property,
            amount: rng.yuan(0, 300),
            per: Period::Month,
        });
    }
    if age >= 60 {
        incomes.push(Income {
            kind: IncomeKind::ResidentsBasicPension,
            amount: rng.yuan(150, 250),
            per: Period::Month,
        });
        if rng.chance(15) {
            incomes.push(Income {
                kind: IncomeKind::Transfer,
                amount: rng.yuan(500, 2500),
                per: Period::Month,
            });
        }
        if rng.chance(30) {
            incomes.push(Income {
                kind: IncomeKind::SupportReceived,
                amount: rng.yuan(0, 500),
                per: Period::Month,
            });
        }
        if age >= 80 {
            incomes.push(Income {
                kind: IncomeKind::OldAgeAllowance,
                amount: rng.yuan(50, 200),
                per: Period::Month,
            });
        }
    }
    if age < 25 && rng.chance(10) {
        incomes.push(Income {
            kind: IncomeKind::Excluded,
            amount: rng.yuan(100, 300),
            per: Period::Month,
        });
    }
    let disability = rng.chance(8).then(|| Disability {
        kind: *rng.pick(&DisabilityKind::ALL),
        grade: 1 + rng.below(4) as u8,
    });
    let serious_illness = rng.chance(5).then(|| rng.pick(&ILLNESSES).to_string());
    let student = match age {
        6..=15 => Student::Compulsory,
        16..=18 if rng.chance(70) => {
            *rng.pick(&[Student::SeniorHigh, Student::SecondaryVocational])
        }
        19..=22 if rng.chance(30) => Student::Higher,
        _ => Student::None,
    };
    // Facts for a tekun candidate, known most of the time.
    let candidate = !(18..60).contains(&age) || disability.is_some();
    let self_care = (candidate && rng.chance(70)).then(|| {
        let lost = if rng.chance(50) { 0 } else { rng.below(7) };
        let mut items = [true; 6];
        for item in items.iter_mut().take(lost as usize) {
            *item = false;
        }
        SelfCare {
            eating: items[5],
            dressing: items[4],
            getting_in_and_out_of_bed: items[3],
            toileting: items[2],
            walking_indoors: items[1],
            bathing: items[0],
        }
    });
    let supporters = (candidate && rng.chance(85)).then(|| {
        (0..rng.below(3))
            .map(|_| Supporter {
                name: String::new(),
                situation: if rng.chance(60) {
                    SupporterSituation::Able
                } else {
                    *rng.pick(&doudi_rules::questions::SUPPORTER_SITUATIONS)
                },
            })
            .collect()
    });
    Member {
        name: format!("{}{}", rng.pick(&SURNAMES), rng.pick(&GIVEN)),
        age: Some(age),
        birth_date: None,
        relation,
        disability,
        serious_illness,
        student,
        incomes,
        employment_costs: None,
        tekun: rng.chance(1),
        self_care,
        supporters,
        own_property_within_limits: candidate.then(|| rng.chance(90)),
    }
}

fn household(rng: &mut Lcg) -> Household {
    let dates = [
        Date::new(2023, 6, 15),
        Date::new(2024, 3, 1),
        Date::new(2025, 10, 1),
        Date::new(2026, 11, 29),
    ];
    let date = *rng.pick(&dates);
    let category = if rng.chance(55) {
        Category::Rural
    } else {
        Category::Urban
    };
    let mut members = Vec::new();
    let shape = rng.below(6);
    let adult = 20 + rng.below(70) as u32;
    members.push(member(rng, Relation::Applicant, adult));
    if shape >= 1 && adult < 85 {
        let spouse_age = (adult as i64 + rng.below(11) as i64 - 5).clamp(18, 95) as u32;
        members.push(member(rng, Relation::Spouse, spouse_age));
    }
    if shape >= 2 && adult < 60 {
        for _ in 0..1 + rng.below(3) {
            let child_age = rng.below(u64::from(adult - 18).min(30)) as u32;
            members.push(member(rng, Relation::Child, child_age));
        }
    }
    if shape >= 4 && adult < 55 {
        let parent_age = adult + 22 + rng.below(10) as u32;
        members.push(member(rng, Relation::Parent, parent_age));
    }
    let on_dibao = rng.chance(15);
    let tiers_in_force: &[Tier] = if date >= Date::new(2025, 10, 1) {
        &Tier::ALL
    } else {
        &Tier::ALL[..3]
    };
    // What a family on dibao receives now: up to 650 a member, under the least any
    // household could receive (the rural tier A with the 50 % top-up of 2023, 675 a
    // member), so that no generated household is refused as implausible.
    let size = Decimal::from(members.len());
    Household {
        county: rng.pick(&COUNTIES).to_string(),
        category,
        date,
        members,
        family: Family {
            poverty_alleviated: rng.chance(15),
            marginal: rng.chance(5),
            property_within_limits: if rng.chance(90) {
                Some(rng.chance(92))
            } else {
                None
            },
            on_dibao,
            current_dibao_monthly: on_dibao.then(|| Money(rng.yuan(100, 650).0 * size)),
            // The caseload has no column for the family's shared income.
            incomes: Vec::new(),
            rigid_spending_monthly: rng.chance(10).then(|| rng.yuan(0, 2000)),
        },
        caseworker: Caseworker {
            rural_tier: (category == Category::Rural && rng.chance(50))
                .then(|| *rng.pick(tiers_in_force)),
            overrides: Default::default(),
            cpi_rise: rng
                .chance(80)
                .then(|| Money(Decimal::new(rng.below(50) as i64, 1))),
            food_cpi_rise: rng
                .chance(50)
                .then(|| Money(Decimal::new(rng.below(80) as i64 - 20, 1))),
        },
    }
}

/// The caseload as CSV in the batch format (docs/batch-format.md), every column.
fn to_csv(households: &[Household]) -> String {
    let mut out = doudi_caseload::INPUT_COLUMNS.join(",");
    out.push('\n');
    for (index, household) in households.iter().enumerate() {
        csv_rows(&mut out, index, household);
    }
    out
}

/// Appends the rows of household number `index` (its id: `B` and the number), written by
/// the caseload's own writer (the rules' field table).
fn csv_rows(out: &mut String, index: usize, household: &Household) {
    doudi_caseload::household::write_rows(out, &format!("B{index:06}"), household);
}

/// `DOUDI_BENCH_CSV=FILE`: writes the generated caseload of `count` households to FILE,
/// a household at a time (for measuring `doudi batch` on a file of any size), and stops.
fn write_caseload(path: &str, count: usize) {
    use std::io::Write;
    let file = std::fs::File::create(path).expect("create the caseload file");
    let mut file = std::io::BufWriter::new(file);
    let mut rng = Lcg(0x5eed_d0d1_2026_1129);
    let mut text = doudi_caseload::INPUT_COLUMNS.join(",");
    text.push('\n');
    let mut members = 0;
    for index in 0..count {
        let household = household(&mut rng);
        members += household.members.len();
        csv_rows(&mut text, index, &household);
        if text.len() > 1 << 16 {
            file.write_all(text.as_bytes()).expect("write the caseload");
            text.clear();
        }
    }
    file.write_all(text.as_bytes()).expect("write the caseload");
    file.flush().expect("write the caseload");
    println!("{path}: {count} households, {members} members");
}

fn report(label: &str, count: usize, elapsed: Duration) {
    let seconds = elapsed.as_secs_f64();
    println!(
        "{label:<46} {count:>7} households in {seconds:>7.3} s = {:>9.0} households/s ({:.2} µs each)",
        count as f64 / seconds,
        seconds * 1e6 / count as f64
    );
}

/// What a run found: outcomes by programme and status, households in error, the sum of
/// the totals. Returned so that nothing is optimised away and the modes can be compared.
/// The outcomes are counted in an array by the enums' positions (a map keyed by names
/// cost about 2,300 instructions a household, a tenth of what was being timed).
#[derive(Debug, PartialEq)]
struct Tally {
    outcomes: [[usize; Status::ALL.len()]; Programme::ALL.len()],
    errors: usize,
    total: Decimal,
}

fn assess_with(households: &[Household], options: Options) -> Tally {
    assess_reading(households, options, false)
}

/// [`assess_with`], and with `read` every word an explanation shows read as well, as
/// `doudi explain --trace` or the site's cards and trace read them: each criterion's
/// detail, and each step's sentence and arithmetic, parameters and clauses. The rules
/// write a criterion's detail and a step's words only when they are read, so
/// `Options::FULL` alone does not count them.
fn assess_reading(households: &[Household], options: Options, read: bool) -> Tally {
    let mut tally = Tally {
        outcomes: Default::default(),
        errors: 0,
        total: Decimal::ZERO,
    };
    for household in households {
        match doudi_rules::assess(black_box(household), options) {
            Ok(assessment) => {
                for outcome in &assessment.programmes {
                    tally.outcomes[outcome.programme.index()][outcome.status.index()] += 1;
                }
                tally.total += assessment.total_monthly;
                if read {
                    read_every_word(&assessment);
                }
                black_box(&assessment);
            }
            Err(error) => {
                tally.errors += 1;
                black_box(error);
            }
        }
    }
    tally
}

/// Every word of `assessment` that an explanation shows, made and dropped.
fn read_every_word(assessment: &doudi_rules::Assessment) {
    for outcome in &assessment.programmes {
        for criterion in &outcome.criteria {
            black_box(criterion.detail());
        }
        for step in outcome.steps.iter() {
            black_box(step.words());
            black_box(step.params());
            black_box(step.clause());
            black_box(step.clause_en());
        }
    }
}

fn main() {
    let benchmarking = std::env::args().any(|arg| arg == "--bench");
    let count: usize = std::env::var("DOUDI_BENCH_HOUSEHOLDS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(if benchmarking { 100_000 } else { 1_000 });
    if let Ok(path) = std::env::var("DOUDI_BENCH_CSV") {
        write_caseload(&path, count);
        return;
    }

    let started = Instant::now();
    let mut rng = Lcg(0x5eed_d0d1_2026_1129);
    let households: Vec<Household> = (0..count).map(|_| household(&mut rng)).collect();
    // DOUDI_BENCH_ONLY=figures generates the caseload, assesses it (DOUDI_BENCH_ROUNDS times, once
    // by default), figures only, and stops: for counting instructions with callgrind, generation
    // cancelled out (scripts/bench-instructions.sh).
    // DOUDI_BENCH_ONLY=traced does the same with the trace and the words; =words with the words
    // and no trace; =trace with the trace (as data) and no words; =read with the trace and
    // every word an explanation shows read as well (read_every_word).
    let only = std::env::var("DOUDI_BENCH_ONLY").unwrap_or_default();
    let options = match only.as_str() {
        "figures" => Some(Options::FIGURES),
        "words" => Some(Options::QUIET),
        "traced" | "read" => Some(Options::FULL),
        "trace" => Some(Options::TRACE),
        _ => None,
    };
    let read = only == "read";
    if let Some(options) = options {
        // DOUDI_BENCH_ROUNDS=R assesses the caseload R times (1 unless set): the
        // difference between two and one round is the assessment alone.
        let rounds: usize = std::env::var("DOUDI_BENCH_ROUNDS")
            .ok()
            .and_then(|text| text.parse().ok())
            .unwrap_or(1);
        for _ in 0..rounds {
            let tally = assess_reading(&households, options, read);
            println!("{} households, total of the totals {}", count, tally.total);
        }
        return;
    }

    let members: usize = households
        .iter()
        .map(|household| household.members.len())
        .sum();
    let csv = to_csv(&households);
    println!(
        "doudi batch benchmark: {count} households, {members} members, CSV {:.1} MB (generated in {:.2} s)",
        csv.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    // Warm up (page in code and tables).
    let warm = count.min(1_000);
    assess_with(&households[..warm], Options::FULL);

    // Each mode is timed DOUDI_BENCH_RUNS times (5 when benchmarking), the modes taking
    // turns, and reported by its fastest run and its median: on a shared machine a run is
    // only ever slowed down, so the fastest is the closest to the rules' own cost.
    let runs: usize = std::env::var("DOUDI_BENCH_RUNS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(if benchmarking { 5 } else { 1 })
        .max(1);
    let modes = [
        ("doudi_rules::assess, trace on", Options::FULL),
        (
            "doudi_rules::assess, trace on without words",
            Options::TRACE,
        ),
        ("doudi_rules::assess, trace off", Options::FIGURES),
    ];
    let mut times = vec![Vec::with_capacity(runs); modes.len()];
    let mut tallies = Vec::with_capacity(modes.len());
    for run in 0..runs {
        for (at, (_, options)) in modes.iter().enumerate() {
            let started = Instant::now();
            let tally = assess_with(&households, *options);
            times[at].push(started.elapsed());
            if run == 0 {
                tallies.push(tally);
            }
        }
    }
    for ((label, _), times) in modes.iter().zip(&mut times) {
        times.sort();
        report(label, count, times[0]);
        if runs > 1 {
            let median = times[runs / 2];
            println!(
                "{:<46} {:>7} runs: fastest above, median {:.2} µs each",
                "",
                runs,
                median.as_secs_f64() * 1e6 / count as f64
            );
        }
    }
    let [traced, recorded, quick] = <[Tally; 3]>::try_from(tallies).expect("a tally a mode");
    assert_eq!(recorded, quick, "the trace changes no amount and no status");
    assert_eq!(traced, quick, "the trace changes no amount and no status");
    println!(
        "  {} households with input errors; total of the totals {} 元/月; outcomes:",
        quick.errors, quick.total
    );
    let mut line = String::new();
    let counted = Programme::ALL
        .iter()
        .zip(&quick.outcomes)
        .flat_map(|(programme, row)| {
            Status::ALL
                .iter()
                .zip(row)
                .filter(|(_, count)| **count > 0)
                .map(move |(status, count)| (programme.id(), status.id(), count))
        });
    for (programme, status, count) in counted {
        line.push_str(&format!("  {programme}/{status} {count}"));
        if line.len() > 80 {
            println!("  {}", line.trim_start());
            line.clear();
        }
    }
    if !line.is_empty() {
        println!("  {}", line.trim_start());
    }

    // DOUDI_BENCH_ONLY=rules stops here (for profiling the rules alone).
    if std::env::var("DOUDI_BENCH_ONLY").is_ok_and(|only| only == "rules") {
        return;
    }

    let mut in_process = String::new();
    for trace in [true, false] {
        let started = Instant::now();
        let out = doudi_caseload::run(&csv, Options { trace, text: trace })
            .expect("the generated caseload reads");
        report(
            &format!(
                "doudi_caseload::run (CSV in and out), trace {}",
                if trace { "on" } else { "off" }
            ),
            count,
            started.elapsed(),
        );
        assert_eq!(
            out.lines().count(),
            count + 1,
            "one result row per household"
        );
        // The CSV path gives the same households the same totals.
        let error_rows = out
            .lines()
            .skip(1)
            .filter(|line| !line.ends_with(','))
            .count();
        assert_eq!(error_rows, quick.errors, "the same households are in error");
        in_process = out;
    }

    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_doudi"));
    if !binary.exists() {
        println!("{} not built: skipping the binary timing", binary.display());
        return;
    }
    let path = std::env::temp_dir().join(format!("doudi-bench-{}-{count}.csv", std::process::id()));
    std::fs::write(&path, &csv).expect("write the caseload");
    let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
    for (options, label) in [
        (
            &["--no-trace", "--threads", "1"][..],
            "batch --no-trace --threads 1".to_string(),
        ),
        (
            &["--no-trace"][..],
            format!("batch --no-trace ({cores} cores)"),
        ),
        (&["--threads", "1"][..], "batch --threads 1".to_string()),
        (&[][..], format!("batch ({cores} cores)")),
    ] {
        let mut args = vec!["batch", path.to_str().unwrap()];
        args.extend_from_slice(options);
        let started = Instant::now();
        let output = std::process::Command::new(binary)
            .args(&args)
            .output()
            .expect("doudi runs");
        let elapsed = started.elapsed();
        assert!(
            output.status.success(),
            "doudi batch failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        // Streamed on any number of threads: the bytes of doudi_caseload::run.
        assert!(
            output.stdout == in_process.as_bytes(),
            "`doudi {label}` differs from doudi_caseload::run"
        );
        report(&format!("`doudi {label}` (process)"), count, elapsed);
    }
    println!("  binary: {}", binary.display());
    std::fs::remove_file(&path).ok();
}

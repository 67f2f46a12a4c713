//! What a reform would cost over a caseload (`doudi reform`; docs/reform-format.md): each
//! household assessed twice, under the rules as they are and under the reform
//! (`doudi_rules::assess_under`), one at a time, and the differences summed, exactly.
//! Static costing: who applies, and how people behave, are as in the caseload; take-up
//! and behaviour are not modelled.

use crate::group::plan;
use crate::Error;
use doudi_rules::policy::Date;
use doudi_rules::reform::Reform;
use doudi_rules::reform::ReformInput;
use doudi_rules::InputError;
use doudi_rules::{
    Assessment, Category, Decimal, Household, Options, Payment, Programme, Status, Text,
};
use std::collections::BTreeMap;
use std::io::Read;

/// Reads a reform file (TOML, docs/reform-format.md) and checks it: a message at the
/// field concerned, in Chinese and English.
pub fn read(text: &str) -> Result<Reform, InputError> {
    let input: ReformInput = toml::from_str(text).map_err(|error| {
        let message = error.message().to_string();
        InputError::new(
            "reform".into(),
            format!("方案文件读不了（格式见 docs/reform-format.md）：{message}"),
            format!(
                "the reform file cannot be read (its format: docs/reform-format.md): {message}"
            ),
        )
    })?;
    input.check()
}

/// Households and the people in them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub households: usize,
    pub people: usize,
}

impl Count {
    fn add(&mut self, people: usize) {
        self.households += 1;
        self.people += people;
    }
}

/// The money a month of one part of the caseload (a programme, a county, a category),
/// before and after the reform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Its id (`dibao`, `hantai`, `urban`).
    pub id: &'static str,
    pub label: Text,
    /// Households with money from it, before or after.
    pub households: usize,
    pub before: Decimal,
    pub after: Decimal,
}

impl Line {
    /// A line with nothing in it yet.
    fn empty(id: &'static str, label: Text) -> Line {
        Line {
            id,
            label,
            households: 0,
            before: Decimal::ZERO,
            after: Decimal::ZERO,
        }
    }

    pub fn change(&self) -> Decimal {
        self.after - self.before
    }
}

/// One household's change, for the largest gainer and loser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    pub id: String,
    pub before: Decimal,
    pub after: Decimal,
}

/// What a reform would change over a caseload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Costing {
    pub reform: Text,
    /// Households assessed (both ways), and the people in them.
    pub assessed: Count,
    /// Households with an error (bad rows, or a date the reform or the rules refuse),
    /// left out of every figure below.
    pub failed: usize,
    /// The earliest and latest assessment date in the caseload.
    pub dates: Option<(Date, Date)>,
    /// With money every month after the reform and not before, and the other way round.
    pub newly_eligible: Count,
    pub no_longer_eligible: Count,
    pub gaining: Count,
    pub losing: Count,
    pub unchanged: Count,
    /// The money every month (the monthly totals), before and after.
    pub monthly_before: Decimal,
    pub monthly_after: Decimal,
    /// The same with every amount that is a range (a rural tier not yet assessed, a care
    /// tier not yet known) at its lowest: what the money every month could come down to.
    pub monthly_low_before: Decimal,
    pub monthly_low_after: Decimal,
    /// Money for a limited period (gradual exit) a month, before and after: apart.
    pub time_limited_before: Decimal,
    pub time_limited_after: Decimal,
    pub by_programme: Vec<Line>,
    pub by_county: Vec<Line>,
    pub by_category: Vec<Line>,
    /// The median household's change a month, over all households assessed and over
    /// those whose money changed.
    pub median_change: Decimal,
    pub median_change_of_changed: Option<Decimal>,
    pub largest_gain: Option<Changed>,
    pub largest_loss: Option<Changed>,
}

impl Costing {
    pub fn monthly_change(&self) -> Decimal {
        self.monthly_after - self.monthly_before
    }

    /// A year of the monthly change (twelve months of it: a static costing).
    pub fn yearly_change(&self) -> Decimal {
        self.monthly_change() * Decimal::from(12)
    }
}

/// The programmes whose money the monthly total adds, and gradual exit's apart.
const PROGRAMMES: [Programme; 4] = [
    Programme::Dibao,
    Programme::SinglePerson,
    Programme::Tekun,
    Programme::GradualExit,
];

fn has_monthly(assessment: &Assessment) -> bool {
    assessment
        .programmes
        .iter()
        .any(|outcome| outcome.status == Status::Eligible && outcome.payment == Payment::Monthly)
}

/// Each programme's money a month in an assessment: what the monthly total adds (one
/// route per person), and gradual exit's time-limited money.
fn by_programme(assessment: &Assessment) -> [Decimal; 4] {
    let mut out = [Decimal::ZERO; 4];
    for (_, outcome) in assessment.monthly_parts() {
        if let Some(at) = PROGRAMMES
            .iter()
            .position(|each| *each == outcome.programme)
        {
            out[at] += outcome.monthly.unwrap_or_default();
        }
    }
    out[3] += assessment.time_limited_monthly();
    out
}

fn median(values: &mut [Decimal]) -> Option<Decimal> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let middle = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / Decimal::from(2)
    })
}

/// Costs a reform over a caseload read from `open` (read twice, as `doudi batch` reads
/// it), telling `progress` (households done, households in all) as it goes.
pub fn cost<R: Read>(
    open: &mut dyn FnMut() -> std::io::Result<R>,
    reform: &Reform,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Costing, Error> {
    let plan = plan(open)?;
    let total = plan.households();
    let mut groups = plan.groups(open().map_err(Error::Read)?)?;
    let columns = groups.columns().clone();
    let mut tally = Tally::new(reform);
    let mut done = 0;
    for group in groups.by_ref() {
        let group = group?;
        done += 1;
        match group.household(&columns) {
            Ok(household) => tally.add(&group.id, &household),
            Err(_) => tally.fail(),
        }
        progress(done, total);
    }
    Ok(tally.finish())
}

/// Costs a reform over households given one by one, each with its id: the same sums as
/// [`cost`] over a CSV of them.
pub fn cost_households<'h>(
    households: impl IntoIterator<Item = (&'h str, &'h Household)>,
    reform: &Reform,
) -> Costing {
    let mut tally = Tally::new(reform);
    for (id, household) in households {
        tally.add(id, household);
    }
    tally.finish()
}

/// The sums as the households come: [`cost`] and [`cost_households`] feed it, and the
/// site's caseload worker, which writes each household's row as well (one assessment
/// each way serves both).
pub struct Tally<'r> {
    reform: &'r Reform,
    costing: Costing,
    counties: BTreeMap<&'static str, Line>,
    categories: BTreeMap<&'static str, Line>,
    changes: Vec<Decimal>,
}

impl<'r> Tally<'r> {
    pub fn new(reform: &'r Reform) -> Tally<'r> {
        Tally {
            reform,
            costing: Costing {
                reform: reform.name.clone(),
                assessed: Count::default(),
                failed: 0,
                dates: None,
                newly_eligible: Count::default(),
                no_longer_eligible: Count::default(),
                gaining: Count::default(),
                losing: Count::default(),
                unchanged: Count::default(),
                monthly_before: Decimal::ZERO,
                monthly_after: Decimal::ZERO,
                monthly_low_before: Decimal::ZERO,
                monthly_low_after: Decimal::ZERO,
                time_limited_before: Decimal::ZERO,
                time_limited_after: Decimal::ZERO,
                by_programme: PROGRAMMES
                    .iter()
                    .map(|programme| {
                        let label = doudi_rules::labels::programme_short(*programme);
                        // Gradual exit's money is time-limited: never in the monthly
                        // total, and its line says so.
                        let label = match programme {
                            Programme::GradualExit => {
                                let apart = doudi_rules::labels::TIME_LIMITED;
                                Text::new(
                                    format!("{} · {}", label.zh, apart.zh),
                                    format!("{} · {}", label.en, apart.en),
                                )
                            }
                            _ => Text::new(label.zh, label.en),
                        };
                        Line::empty(programme.id(), label)
                    })
                    .collect(),
                by_county: Vec::new(),
                by_category: Vec::new(),
                median_change: Decimal::ZERO,
                median_change_of_changed: None,
                largest_gain: None,
                largest_loss: None,
            },
            counties: BTreeMap::new(),
            categories: BTreeMap::new(),
            changes: Vec::new(),
        }
    }

    /// One household, assessed both ways; one the rules refuse either way counts as
    /// failed.
    pub fn add(&mut self, id: &str, household: &Household) {
        let both = doudi_rules::assess(household, Options::FIGURES).and_then(|before| {
            let after = doudi_rules::assess_under(household, Options::FIGURES, self.reform)?;
            Ok((before, after))
        });
        match both {
            Ok((before, after)) => self.add_assessed(id, household, &before, &after),
            Err(_) => self.fail(),
        }
    }

    /// A household that could not be read or assessed.
    pub fn fail(&mut self) {
        self.costing.failed += 1;
    }

    /// One household assessed both ways by the caller.
    pub fn add_assessed(
        &mut self,
        id: &str,
        household: &Household,
        before: &Assessment,
        after: &Assessment,
    ) {
        let costing = &mut self.costing;
        let people = household.members.len();
        costing.assessed.add(people);
        costing.dates = Some(match costing.dates {
            None => (household.date, household.date),
            Some((low, high)) => (low.min(household.date), high.max(household.date)),
        });
        let (was, is) = (has_monthly(before), has_monthly(after));
        if is && !was {
            costing.newly_eligible.add(people);
        }
        if was && !is {
            costing.no_longer_eligible.add(people);
        }
        let change = after.total_monthly - before.total_monthly;
        match change.cmp(&Decimal::ZERO) {
            std::cmp::Ordering::Greater => costing.gaining.add(people),
            std::cmp::Ordering::Less => costing.losing.add(people),
            std::cmp::Ordering::Equal => costing.unchanged.add(people),
        }
        costing.monthly_before += before.total_monthly;
        costing.monthly_after += after.total_monthly;
        costing.monthly_low_before += before.total_monthly_min.unwrap_or(before.total_monthly);
        costing.monthly_low_after += after.total_monthly_min.unwrap_or(after.total_monthly);
        costing.time_limited_before += before.time_limited_monthly();
        costing.time_limited_after += after.time_limited_monthly();
        let (parts_before, parts_after) = (by_programme(before), by_programme(after));
        for (at, line) in costing.by_programme.iter_mut().enumerate() {
            line.before += parts_before[at];
            line.after += parts_after[at];
            if !parts_before[at].is_zero() || !parts_after[at].is_zero() {
                line.households += 1;
            }
        }
        let category_id = match household.category {
            Category::Urban => "urban",
            Category::Rural => "rural",
        };
        let county = self.counties.entry(before.county.id).or_insert_with(|| {
            Line::empty(
                before.county.id,
                Text::new(before.county.zh, before.county.en),
            )
        });
        county.households += 1;
        county.before += before.total_monthly;
        county.after += after.total_monthly;
        let category = self.categories.entry(category_id).or_insert_with(|| {
            Line::empty(
                category_id,
                Text::new(household.category.zh(), household.category.en()),
            )
        });
        category.households += 1;
        category.before += before.total_monthly;
        category.after += after.total_monthly;
        let changed = Changed {
            id: id.to_string(),
            before: before.total_monthly,
            after: after.total_monthly,
        };
        let gain = |changed: &Changed| changed.after - changed.before;
        if change > Decimal::ZERO
            && costing
                .largest_gain
                .as_ref()
                .is_none_or(|best| change > gain(best))
        {
            costing.largest_gain = Some(changed.clone());
        }
        if change < Decimal::ZERO
            && costing
                .largest_loss
                .as_ref()
                .is_none_or(|worst| change < gain(worst))
        {
            costing.largest_loss = Some(changed);
        }
        self.changes.push(change);
    }

    /// The changes a month of the households so far, for a chart of their spread.
    pub fn changes(&self) -> &[Decimal] {
        &self.changes
    }

    pub fn finish(mut self) -> Costing {
        let costing = &mut self.costing;
        costing.median_change = median(&mut self.changes).unwrap_or_default();
        let mut changed: Vec<Decimal> = self
            .changes
            .into_iter()
            .filter(|change| !change.is_zero())
            .collect();
        costing.median_change_of_changed = median(&mut changed);
        costing.by_county = self.counties.into_values().collect();
        costing.by_category = self.categories.into_values().collect();
        self.costing
    }
}

//! 一分钟初步判断: a first answer from at most six questions (place and category, how many
//! people, the family's monthly income, whether anyone is 70 or over, under 18, severely
//! disabled or seriously ill, whether the family has dibao now), and, if the person says
//! so, heavy spending on illness or schooling (刚性支出, 汉民发〔2021〕52号 二(五)).
//!
//! The rules are not read a second time here. The answers leave facts open (who is which,
//! whether someone outside supports the old or disabled member, how much care they need),
//! so each way of filling them in (a *reading*) is written as a whole household and
//! assessed by [`crate::assess`]; per programme the readings agree (可能符合: all
//! eligible; 暂不符合: none) or not (需要补充: it depends on what was not asked), and the
//! range is the lowest and highest amount over the readings. What every reading assumes
//! (the income all counted, the property within the limits, one person for each
//! situation) is said beside the answer. The words are explain/quick.rs.

use crate::check::with_lost;
use crate::explain::quick as say;
use crate::household::{
    Category, Disability, DisabilityKind, Family, Income, IncomeKind, Member, Money, Period,
    Relation, Student, Supporter, SupporterSituation, MAX_MEMBERS, MAX_MONTHLY_AMOUNT,
};
use crate::outcome::{Payment, Programme, Status, Text};
use crate::policy::Date;
use crate::{assess, Assessment, Household, InputError, Options, PlaceOut};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The answers of the one-minute check (docs/quick-format.md).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quick {
    /// The county or district id from policies/places.toml.
    pub county: String,
    pub category: Category,
    /// Whose standards: "YYYY-MM-DD".
    #[serde(deserialize_with = "crate::household::strict_date")]
    pub date: Date,
    /// How many people live together as one family.
    pub people: u32,
    /// The family's income a month, all of it, 元.
    pub monthly_income: Money,
    /// Whether anyone in the family is in each situation.
    #[serde(default)]
    pub anyone: Anyone,
    /// Whether the family receives dibao now.
    #[serde(default)]
    pub on_dibao: bool,
    /// Heavy spending that strains the family's living (刚性支出).
    #[serde(default)]
    pub heavy_spending: Spending,
}

/// Whether anyone in the family is in each situation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anyone {
    #[serde(default)]
    pub aged_70_plus: bool,
    #[serde(default)]
    pub under_18: bool,
    #[serde(default)]
    pub severely_disabled: bool,
    #[serde(default)]
    pub seriously_ill: bool,
}

/// Heavy spending that strains the family's living (刚性支出).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spending {
    /// On illness: treatment, medicines, care.
    #[serde(default)]
    pub illness: bool,
    /// On schooling.
    #[serde(default)]
    pub schooling: bool,
}

impl Spending {
    pub fn any(self) -> bool {
        self.illness || self.schooling
    }
}

/// A first answer for one programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Likely {
    /// 可能符合: eligible however the open facts are filled in.
    May,
    /// 需要补充: it depends on what was not asked.
    NeedsMore,
    /// 暂不符合: not eligible however they are filled in.
    Unlikely,
}

impl Likely {
    pub fn id(self) -> &'static str {
        match self {
            Likely::May => "may",
            Likely::NeedsMore => "needs_more",
            Likely::Unlikely => "unlikely",
        }
    }
}

/// The lowest and highest amount over the readings, 元 a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Range {
    pub low: Decimal,
    pub high: Decimal,
}

impl Range {
    fn of(values: impl Iterator<Item = (Decimal, Decimal)>) -> Option<Range> {
        values.fold(None, |range: Option<Range>, (low, high)| {
            Some(match range {
                None => Range { low, high },
                Some(range) => Range {
                    low: range.low.min(low),
                    high: range.high.max(high),
                },
            })
        })
    }

    pub fn contains(&self, amount: Decimal) -> bool {
        self.low <= amount && amount <= self.high
    }

    /// The range in words: "约 1628 元" where it is one amount, else "293–1183 元"; the
    /// CLI and the site say it alike.
    pub fn text(&self) -> Text {
        say::range(self.low, self.high)
    }
}

/// What was not asked and changes a programme's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Open {
    /// Whether the old, young or disabled member has a supporter able to support them.
    Supporters,
    /// Whether the situations are one person's or several people's.
    WhoIsWhich,
    /// How many of the six self-care items the member can do (the care tier).
    SelfCare,
    /// The rural tier, assessed by the office.
    RuralTier,
}

impl Open {
    pub const ALL: [Open; 4] = [
        Open::Supporters,
        Open::WhoIsWhich,
        Open::SelfCare,
        Open::RuralTier,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Open::Supporters => "supporters",
            Open::WhoIsWhich => "who_is_which",
            Open::SelfCare => "self_care",
            Open::RuralTier => "rural_tier",
        }
    }
}

/// One programme's first answer.
#[derive(Clone, Debug, Serialize)]
pub struct QuickProgramme {
    pub programme: Programme,
    pub title: Text,
    pub likely: Likely,
    pub payment: Payment,
    /// The amount a month over the readings where it is given; none for help without
    /// cash of its own, or where no reading gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
    /// Why, in one sentence, from the rules' own criterion.
    pub why: Text,
    /// What was not asked and changes the answer or the amount.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub open: Vec<Open>,
    /// The same, and what the rules still ask for, in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Text>,
}

/// The one-minute check's answer.
#[derive(Clone, Debug, Serialize)]
pub struct QuickAnswer {
    pub rules_version: String,
    pub date: Date,
    pub county: PlaceOut,
    pub category: Category,
    pub people: u32,
    /// The money that comes every month (one route per person; time-limited and
    /// conditional money apart), lowest and highest over the readings.
    pub monthly: Range,
    pub programmes: Vec<QuickProgramme>,
    /// What every reading assumes.
    pub assumptions: Vec<Text>,
    /// Where heavy spending leads (special and temporary assistance), when it was said.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub guidance: Vec<Text>,
    /// How many households were assessed.
    pub readings: usize,
    pub disclaimer: Text,
}

/// The programmes in the order the answer lists them.
const ORDER: [Programme; 7] = [
    Programme::Dibao,
    Programme::SinglePerson,
    Programme::Tekun,
    Programme::GradualExit,
    Programme::MarginalFamily,
    Programme::PriceSubsidy,
    Programme::TemporaryAssistance,
];

/// The ages a reading gives: an old member, a child, an adult with a condition, another
/// adult. Within each group the rules treat every age alike (70 and over; under 18 and
/// at school; 18 to 59, able to support).
const OLD: u32 = 75;
const CHILD: u32 = 10;
const ADULT_WITH_CONDITION: u32 = 45;
const ADULT: u32 = 40;

/// How the open facts are filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Reading {
    /// One person for each situation (else as few people as can carry them).
    spread: bool,
    /// The old, young or disabled members have a supporter able to support them.
    supported: bool,
    /// Self-care items not met by those members (0 or all 6).
    lost: usize,
}

/// A member of a reading's household.
struct Person {
    age: u32,
    disabled: bool,
    ill: bool,
    /// Old, young or disabled: could be a tekun person.
    could_be_tekun: bool,
}

impl Person {
    fn plain(age: u32) -> Person {
        Person {
            age,
            disabled: false,
            ill: false,
            could_be_tekun: !(18..OLD).contains(&age),
        }
    }
}

/// The people who carry the situations said: as few as can (packed), or one each.
fn carriers(anyone: Anyone, spread: bool) -> Vec<Person> {
    let (old, child, disabled, ill) = (
        anyone.aged_70_plus,
        anyone.under_18,
        anyone.severely_disabled,
        anyone.seriously_ill,
    );
    let mut people = Vec::new();
    if spread {
        if old {
            people.push(Person::plain(OLD));
        }
        if child {
            people.push(Person::plain(CHILD));
        }
        for (flag, disabled) in [(disabled, true), (ill, false)] {
            if flag {
                let mut person = Person::plain(ADULT_WITH_CONDITION);
                person.disabled = disabled;
                person.ill = !disabled;
                person.could_be_tekun = disabled;
                people.push(person);
            }
        }
        return people;
    }
    if old {
        people.push(Person::plain(OLD));
    }
    if child {
        people.push(Person::plain(CHILD));
    }
    if (disabled || ill) && people.is_empty() {
        people.push(Person::plain(ADULT_WITH_CONDITION));
    }
    if let Some(first) = people.first_mut() {
        first.disabled = disabled;
        first.ill = ill;
        first.could_be_tekun |= disabled;
    }
    people
}

fn count(anyone: Anyone) -> usize {
    [
        anyone.aged_70_plus,
        anyone.under_18,
        anyone.severely_disabled,
        anyone.seriously_ill,
    ]
    .into_iter()
    .filter(|flag| *flag)
    .count()
}

impl Quick {
    /// The answers' own checks, each at its field.
    fn validate(&self) -> Result<(), InputError> {
        let people = usize::try_from(self.people).unwrap_or(usize::MAX);
        if people == 0 || people > MAX_MEMBERS {
            let (zh, en) = say::people_error(MAX_MEMBERS);
            return Err(InputError::new("people".into(), zh, en));
        }
        let income = self.monthly_income.0;
        if income.is_sign_negative() || income > Decimal::from(MAX_MONTHLY_AMOUNT) {
            let (zh, en) = say::income_error(MAX_MONTHLY_AMOUNT);
            return Err(InputError::new("monthly_income".into(), zh, en));
        }
        if carriers(self.anyone, false).len() > people {
            let (zh, en) = say::anyone_error();
            return Err(InputError::new("anyone".into(), zh, en));
        }
        Ok(())
    }

    /// The readings the answers leave open.
    fn readings(&self) -> Vec<Reading> {
        let people = usize::try_from(self.people).unwrap_or(usize::MAX);
        let packed = carriers(self.anyone, false);
        let spreads: &[bool] = if count(self.anyone) > packed.len() && count(self.anyone) <= people
        {
            &[false, true]
        } else {
            &[false]
        };
        let candidates =
            packed.iter().any(|person| person.could_be_tekun) || self.anyone.severely_disabled;
        let (supported, lost): (&[bool], &[usize]) = if candidates {
            (&[true, false], &[0, 6])
        } else {
            (&[true], &[0])
        };
        let mut readings = Vec::new();
        for &spread in spreads {
            for &supported in supported {
                for &lost in lost {
                    readings.push(Reading {
                        spread,
                        supported,
                        lost,
                    });
                }
            }
        }
        readings
    }

    /// The household of a reading: the people who carry the situations, then adults of
    /// working age; the family's income as one income of the family, wages, all counted;
    /// the property within the limits.
    fn household(&self, reading: Reading) -> Household {
        let mut people = carriers(self.anyone, reading.spread);
        let total = usize::try_from(self.people).unwrap_or(usize::MAX);
        let adults = total.saturating_sub(people.len());
        // An adult of working age applies where there is one.
        let mut order: Vec<Person> = (0..adults).map(|_| Person::plain(ADULT)).collect();
        order.append(&mut people);
        let disease = crate::questions::in_force(self.date)
            .serious_diseases
            .first()
            .map(|name| name.to_string());
        let applicant_old = order.first().is_some_and(|person| person.age >= OLD);
        let mut spouse = false;
        let members = order
            .iter()
            .enumerate()
            .map(|(index, person)| {
                let relation = if index == 0 {
                    Relation::Applicant
                } else if person.age < 18 {
                    if applicant_old {
                        Relation::Grandchild
                    } else {
                        Relation::Child
                    }
                } else if person.age >= OLD {
                    Relation::Parent
                } else if applicant_old {
                    Relation::Child
                } else if !spouse {
                    spouse = true;
                    Relation::Spouse
                } else {
                    Relation::Sibling
                };
                let supporters = match (person.could_be_tekun, reading.supported) {
                    (false, _) => None,
                    (true, true) => Some(vec![Supporter {
                        name: String::new(),
                        situation: SupporterSituation::Able,
                    }]),
                    // Unsupported from outside: the household's own adults, if any, are
                    // supporters by the rules (tekun.rs, `household_supporter`).
                    (true, false) if adults > 0 => None,
                    (true, false) => Some(Vec::new()),
                };
                Member {
                    age: Some(person.age),
                    relation,
                    disability: person.disabled.then_some(Disability {
                        kind: DisabilityKind::Physical,
                        grade: 1,
                    }),
                    serious_illness: if person.ill { disease.clone() } else { None },
                    student: if person.age < 18 {
                        Student::Compulsory
                    } else {
                        Student::None
                    },
                    self_care: person.could_be_tekun.then(|| with_lost(reading.lost)),
                    supporters,
                    own_property_within_limits: Some(true),
                    ..Member::default()
                }
            })
            .collect();
        let income = self.monthly_income.0;
        Household {
            county: self.county.clone(),
            category: self.category,
            date: self.date,
            members,
            family: Family {
                property_within_limits: Some(true),
                on_dibao: self.on_dibao,
                incomes: if income.is_zero() {
                    Vec::new()
                } else {
                    vec![Income {
                        kind: IncomeKind::Wages,
                        amount: Money(income),
                        per: Period::Month,
                    }]
                },
                ..Family::default()
            },
            caseworker: Default::default(),
        }
    }
}

/// A programme in one reading: eligible, needing more, or not; and, when eligible, its
/// lowest and highest amount a month (the members' summed).
struct Seen {
    status: Status,
    amount: Option<(Decimal, Decimal)>,
}

fn seen(assessment: &Assessment, programme: Programme) -> Seen {
    let outcomes: Vec<_> = assessment
        .programmes
        .iter()
        .filter(|outcome| outcome.programme == programme)
        .collect();
    let eligible: Vec<_> = outcomes
        .iter()
        .filter(|outcome| outcome.status == Status::Eligible)
        .collect();
    let status = if !eligible.is_empty() {
        Status::Eligible
    } else if outcomes
        .iter()
        .any(|outcome| outcome.status == Status::NeedsMoreInformation)
    {
        Status::NeedsMoreInformation
    } else {
        Status::NotEligible
    };
    let amounts: Vec<(Decimal, Decimal)> = eligible
        .iter()
        .filter_map(|outcome| {
            let monthly = outcome.monthly?;
            Some((
                outcome.monthly_min.unwrap_or(monthly),
                outcome.monthly_max.unwrap_or(monthly),
            ))
        })
        .collect();
    let amount = (!amounts.is_empty()).then(|| {
        amounts
            .iter()
            .fold((Decimal::ZERO, Decimal::ZERO), |(low, high), (l, h)| {
                (low + l, high + h)
            })
    });
    Seen { status, amount }
}

/// The one-minute check: per programme, what the readings of the answers agree on, and
/// the range of the amounts.
pub fn quick(answers: &Quick) -> Result<QuickAnswer, InputError> {
    answers.validate()?;
    let readings = answers.readings();
    let mut assessed = Vec::with_capacity(readings.len());
    for reading in &readings {
        let assessment = assess(&answers.household(*reading), Options::QUIET).map_err(|error| {
            // The answers' fields are the household's where they are the same (county,
            // category, date); anything else of a reading's household is the family's
            // make-up, asked as the number of people.
            let field = match error.field.as_str() {
                "county" | "category" | "date" => error.field.clone(),
                _ => "people".to_string(),
            };
            InputError::new(field, error.zh, error.en)
        })?;
        assessed.push((*reading, assessment));
    }
    let first = &assessed[0].1;
    let programmes = ORDER
        .iter()
        .filter_map(|&programme| programme_answer(answers, programme, &assessed))
        .collect();
    let monthly = Range::of(assessed.iter().map(|(_, assessment)| {
        (
            assessment
                .total_monthly_min
                .unwrap_or(assessment.total_monthly),
            assessment
                .total_monthly_max
                .unwrap_or(assessment.total_monthly),
        )
    }))
    .unwrap_or(Range {
        low: Decimal::ZERO,
        high: Decimal::ZERO,
    });
    let mut assumptions = vec![say::income_assumed(), say::property_assumed()];
    if count(answers.anyone) > 0 {
        assumptions.push(say::one_each_assumed());
    }
    let guidance = if answers.heavy_spending.any() {
        say::heavy_spending(answers.heavy_spending)
    } else {
        Vec::new()
    };
    Ok(QuickAnswer {
        rules_version: first.rules_version.to_string(),
        date: answers.date,
        county: first.county.clone(),
        category: answers.category,
        people: answers.people,
        monthly,
        programmes,
        assumptions,
        guidance,
        readings: assessed.len(),
        disclaimer: say::disclaimer(),
    })
}

fn programme_answer(
    answers: &Quick,
    programme: Programme,
    assessed: &[(Reading, Assessment)],
) -> Option<QuickProgramme> {
    let seens: Vec<(Reading, Seen, &Assessment)> = assessed
        .iter()
        .map(|(reading, assessment)| (*reading, seen(assessment, programme), assessment))
        .collect();
    // A programme the rules do not look at for this family (no member could be a tekun
    // person, say) is left out.
    let payment = assessed.iter().find_map(|(_, assessment)| {
        assessment
            .programmes
            .iter()
            .find(|outcome| outcome.programme == programme)
            .map(|outcome| outcome.payment)
    })?;
    let all = |status: Status| seens.iter().all(|(_, seen, _)| seen.status == status);
    let likely = if all(Status::Eligible) {
        Likely::May
    } else if all(Status::NotEligible) {
        Likely::Unlikely
    } else {
        Likely::NeedsMore
    };
    let range = Range::of(seens.iter().filter_map(|(_, seen, _)| seen.amount))
        .filter(|_| payment != Payment::NoCash);
    // What was not asked and changes it: two readings alike but in one respect, with
    // another status or amount.
    let mut open = Vec::new();
    for (a, seen_a, _) in &seens {
        for (b, seen_b, _) in &seens {
            let differ = seen_a.status != seen_b.status || seen_a.amount != seen_b.amount;
            if !differ {
                continue;
            }
            let which = if a.spread != b.spread && a.supported == b.supported && a.lost == b.lost {
                Some(Open::WhoIsWhich)
            } else if a.supported != b.supported && a.spread == b.spread && a.lost == b.lost {
                Some(Open::Supporters)
            } else if a.lost != b.lost && a.spread == b.spread && a.supported == b.supported {
                Some(Open::SelfCare)
            } else {
                None
            };
            if let Some(which) = which {
                if !open.contains(&which) {
                    open.push(which);
                }
            }
        }
    }
    let tier_open = answers.category == Category::Rural
        && programme == Programme::Dibao
        && seens
            .iter()
            .any(|(_, seen, _)| seen.amount.is_some_and(|(low, high)| low != high));
    if tier_open {
        open.push(Open::RuralTier);
    }
    open.sort_by_key(|which| Open::ALL.iter().position(|each| each == which));
    let mut needs: Vec<Text> = open.iter().map(|which| say::open(*which)).collect();
    // What the rules themselves still ask for, in any reading (the current dibao amount
    // for gradual exit, the price index for the subsidy).
    for (_, _, assessment) in &seens {
        for outcome in assessment
            .programmes
            .iter()
            .filter(|outcome| outcome.programme == programme)
        {
            for missing in &outcome.missing {
                if !missing.text.is_empty() && !needs.contains(&missing.text) {
                    needs.push(missing.text.clone());
                }
            }
        }
    }
    // Why, from the rules' own criteria: for a programme that holds, what holds; for one
    // that does not, what does not, in the readings most in the family's favour
    // (unsupported, the most care: they come last). Where it depends on what was not
    // asked, the list of what it depends on says it; else the rules' own reason (where
    // temporary assistance is decided).
    let why = seens
        .iter()
        .rev()
        .find_map(|(_, _, assessment)| {
            let outcome = assessment
                .programmes
                .iter()
                .find(|outcome| outcome.programme == programme)?;
            let state = match likely {
                Likely::May => crate::outcome::State::Met,
                Likely::Unlikely => crate::outcome::State::NotMet,
                Likely::NeedsMore if open.is_empty() => return outcome.reasons.first().cloned(),
                Likely::NeedsMore => return None,
            };
            outcome
                .criteria
                .iter()
                .filter(|criterion| criterion.state == state)
                .map(|criterion| criterion.detail())
                .find(|detail| !detail.is_empty())
                .or_else(|| outcome.reasons.first().cloned())
        })
        .unwrap_or(Text::EMPTY);
    Some(QuickProgramme {
        programme,
        title: {
            let label = crate::labels::programme(programme);
            Text::new(label.zh, label.en)
        },
        likely,
        payment,
        range,
        why,
        open,
        needs,
    })
}

//! The answers as typed (strings, so nothing a person typed is lost even when it is not
//! valid yet), their conversion into a `doudi_rules::Household`, and the messages that
//! say, at each field, what to fix. Pure: no browser, no amounts computed.

use crate::i18n::{self, T};
use doudi_rules::check::{Decided, DecidedCare, Decision, Reason};
use doudi_rules::fields::{self, Asked};
use doudi_rules::household::{
    age_on, parse_amount, Caseworker, Disability, DisabilityKind, Family, Income, IncomeKind,
    Period, Relation, SelfCare, Student, Supporter, SupporterSituation, MAX_INCOMES, MAX_MEMBERS,
    MAX_SUPPORTERS,
};
use doudi_rules::policy::{self, Date};
use doudi_rules::Decimal;
use doudi_rules::{Category, Household, Member, Money, Text, Tier};
use std::collections::BTreeMap;

/// The five screens, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Place,
    Members,
    Situations,
    Summary,
    Result,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Place,
        Step::Members,
        Step::Situations,
        Step::Summary,
        Step::Result,
    ];

    pub fn number(self) -> usize {
        match self {
            Step::Place => 1,
            Step::Members => 2,
            Step::Situations => 3,
            Step::Summary => 4,
            Step::Result => 5,
        }
    }

    pub fn name(self) -> T {
        i18n::STEP_NAMES[self.number() - 1]
    }

    pub fn next(self) -> Step {
        Step::ALL
            .get(self.number())
            .copied()
            .unwrap_or(Step::Result)
    }

    pub fn previous(self) -> Step {
        Step::ALL
            .get(self.number().saturating_sub(2))
            .copied()
            .unwrap_or(Step::Place)
    }

    /// The screen where a field (a JSON path of the household) is asked: the rules'
    /// field table says (`doudi_rules::fields`).
    pub fn of_field(field: &str) -> Step {
        match fields::asked(field) {
            Some(Asked::Place) => Step::Place,
            Some(Asked::Members) => Step::Members,
            Some(Asked::Situations) => Step::Situations,
            None if field.starts_with("caseworker") => Step::Place,
            None if field.starts_with("members[")
                || field.starts_with("family")
                || field == "emergency" =>
            {
                Step::Situations
            }
            None => Step::Summary,
        }
    }
}

/// Age given as years or as a birth date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AgeBy {
    #[default]
    Years,
    BirthDate,
}

/// A yes / no / not sure answer.
pub type Tri = Option<bool>;

#[derive(Clone, Debug, PartialEq)]
pub struct IncomeForm {
    pub id: u32,
    pub kind: IncomeKind,
    pub amount: String,
    pub per: Period,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SupporterForm {
    pub id: u32,
    pub name: String,
    pub situation: SupporterSituation,
}

/// What is known of a member's legal supporters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SupportersKnown {
    #[default]
    NotSure,
    None,
    Some,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MemberForm {
    pub id: u32,
    pub name: String,
    pub age_by: AgeBy,
    pub age: String,
    pub birth_date: String,
    pub relation: Relation,
    pub incomes: Vec<IncomeForm>,
    pub disability: Option<DisabilityKind>,
    /// `None` until chosen: nothing severe is assumed.
    pub disability_grade: Option<u8>,
    /// The disease's name as on the list; empty for none.
    pub serious_illness: String,
    pub student: Student,
    pub tekun: bool,
    /// `None` until the six items are answered.
    pub self_care: Option<[bool; 6]>,
    pub supporters_known: SupportersKnown,
    pub supporters: Vec<SupporterForm>,
    pub own_property: Tri,
    /// Kept from a loaded household (a caseworker's figure); not asked on the form.
    pub employment_costs: String,
}

impl MemberForm {
    pub fn new(id: u32, relation: Relation) -> MemberForm {
        MemberForm {
            id,
            name: String::new(),
            age_by: AgeBy::Years,
            age: String::new(),
            birth_date: String::new(),
            relation,
            incomes: Vec::new(),
            disability: None,
            disability_grade: None,
            serious_illness: String::new(),
            student: Student::None,
            tekun: false,
            self_care: None,
            supporters_known: SupportersKnown::NotSure,
            supporters: Vec::new(),
            own_property: None,
            employment_costs: String::new(),
        }
    }

    /// Whether another income may be added (the rules take at most `MAX_INCOMES`).
    pub fn can_add_income(&self) -> bool {
        self.incomes.len() < MAX_INCOMES
    }

    /// Whether another supporter may be added (at most `MAX_SUPPORTERS`).
    pub fn can_add_supporter(&self) -> bool {
        self.supporters.len() < MAX_SUPPORTERS
    }

    /// The label shown for the member: the name, or "成员 2".
    pub fn label(&self, index: usize, lang: i18n::Lang) -> String {
        let name = self.name.trim();
        if name.is_empty() {
            format!("{} {}", i18n::MEMBER.get(lang), index + 1)
        } else {
            name.to_string()
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FamilyForm {
    pub property: Tri,
    pub poverty_alleviated: bool,
    pub marginal: bool,
    pub on_dibao: bool,
    pub current_dibao: String,
    /// Income of the family as a whole (a farm worked together, a family shop).
    pub incomes: Vec<IncomeForm>,
    /// The family's facts the site asks plainly (the rules' field table's `plain` rows,
    /// [`plain_family_facts`]), as typed, by their path.
    pub facts: BTreeMap<String, String>,
}

/// The family's facts that the site asks with the plain question of their kind: the
/// rows of the rules' field table marked `plain`, asked on screen 3 after the family's
/// own questions, shown on the summary and the print sheet, kept in drafts by name.
pub fn plain_family_facts() -> impl Iterator<Item = &'static fields::Field> {
    fields::PLAIN_HOUSEHOLD
        .iter()
        .filter(|fact| fact.path.starts_with("family."))
}

impl FamilyForm {
    /// Whether another income of the family may be added.
    pub fn can_add_income(&self) -> bool {
        self.incomes.len() < MAX_INCOMES
    }
}

/// 核一核: what a decision notice or a payment says, as typed (the result screen's
/// "check a decision"). Empty `programme`: nothing is checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DecisionForm {
    /// A `Decided` id ("dibao", "tekun"…), or empty.
    pub programme: String,
    /// The member's id (`MemberForm::id`, stable when others are removed), for tekun and
    /// the single-person route.
    pub member: String,
    /// The amount a month, as typed.
    pub monthly: String,
    /// A tier letter ("A"…"E"), or empty for none named.
    pub rural_tier: String,
    /// A `DecidedCare` id, or empty for none named.
    pub care_tier: String,
    /// A `Reason` id, or empty for none given.
    pub reason: String,
    /// The notice's date ("YYYY-MM-DD"), or empty for the household's date.
    pub date: String,
}

/// The decision typed, read for the rules: `None` while no programme is chosen or no
/// amount typed, a message at `decision.monthly` or `decision.date` when the amount or
/// the date cannot be read.
pub fn decision(whole: &Form) -> Option<Result<Decision, FieldError>> {
    let form = &whole.decision;
    let programme = Decided::ALL
        .into_iter()
        .find(|decided| decided.id() == form.programme)?;
    let monthly = match amount(&form.monthly, Typed::Yuan)? {
        Ok(monthly) => monthly,
        Err(()) => {
            return Some(Err(FieldError {
                field: "decision.monthly".into(),
                message: i18n::ERR_AMOUNT.text(),
                required: false,
            }))
        }
    };
    let date = match form.date.trim() {
        "" => None,
        text => match doudi_rules::household::parse_date(text) {
            Ok(date) => Some(date),
            Err(_) => {
                return Some(Err(FieldError {
                    field: "decision.date".into(),
                    message: i18n::ERR_DATE.text(),
                    required: false,
                }))
            }
        },
    };
    Some(Ok(Decision {
        programme,
        date,
        // The first member until one is chosen (the list shows the first chosen).
        member: programme.of_a_member().then(|| {
            whole
                .members
                .iter()
                .position(|member| member.id.to_string() == form.member)
                .unwrap_or(0)
        }),
        monthly,
        rural_tier: Tier::ALL
            .into_iter()
            .find(|tier| tier.letter() == form.rural_tier)
            .filter(|_| programme == Decided::Dibao),
        care_tier: DecidedCare::ALL
            .into_iter()
            .find(|care| care.id() == form.care_tier)
            .filter(|_| programme == Decided::Tekun),
        reason: Reason::ALL
            .into_iter()
            .find(|reason| reason.id() == form.reason),
    }))
}

/// All the answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub county: String,
    pub category: Category,
    pub date: String,
    pub tier: Option<Tier>,
    pub cpi_rise: String,
    pub food_cpi_rise: String,
    /// A caseworker's replacements of assumed parameters, by parameter id, as typed
    /// (asked in caseworker mode; a loaded household brings its own).
    pub overrides: BTreeMap<String, String>,
    pub members: Vec<MemberForm>,
    pub family: FamilyForm,
    /// The next id for a member, income or supporter (ids keep list items stable).
    pub next_id: u32,
    /// 核一核: a decision to check against the rules, on the result screen.
    pub decision: DecisionForm,
}

impl Form {
    /// A new form: the first place, urban, on `today`, with one member, the applicant.
    pub fn new(today: &str) -> Form {
        Form {
            county: policy::PLACES
                .first()
                .map(|place| place.id.to_string())
                .unwrap_or_default(),
            category: Category::Urban,
            date: today.to_string(),
            tier: None,
            cpi_rise: String::new(),
            food_cpi_rise: String::new(),
            overrides: BTreeMap::new(),
            members: vec![MemberForm::new(1, Relation::Applicant)],
            family: FamilyForm::default(),
            next_id: 2,
            decision: DecisionForm::default(),
        }
    }

    /// Whether another member may be added (the rules take at most `MAX_MEMBERS`).
    pub fn can_add_member(&self) -> bool {
        self.members.len() < MAX_MEMBERS
    }

    pub fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// The assessment date, if it is a valid date.
    pub fn parsed_date(&self) -> Option<Date> {
        doudi_rules::household::parse_date(self.date.trim()).ok()
    }

    /// A member's age on the assessment date, when it can be told from the answers.
    pub fn age_of(&self, member: &MemberForm) -> Option<u32> {
        match member.age_by {
            AgeBy::Years => whole_years(&member.age),
            AgeBy::BirthDate => age_on(
                doudi_rules::household::parse_date(member.birth_date.trim()).ok()?,
                self.parsed_date()?,
            ),
        }
    }

    /// What is in force on the form's date, as the rules say (the first modelled date
    /// while the date is not valid yet).
    pub fn in_force(&self) -> doudi_rules::questions::InForce {
        doudi_rules::questions::in_force(
            self.parsed_date().unwrap_or(policy::first_modelled_date()),
        )
    }

    /// Whether the tekun questions matter for this member: the rules' own test
    /// (aged 60 or over, under 18, disabled, or tekun already) on what the form knows.
    pub fn could_be_tekun(&self, member: &MemberForm) -> bool {
        self.in_force().could_be_tekun(
            self.age_of(member),
            member.disability.is_some(),
            member.tekun,
        )
    }

    /// Whether to ask about studying: under 25, or age not known yet.
    pub fn could_be_student(&self, member: &MemberForm) -> bool {
        member.student != Student::None
            || self
                .age_of(member)
                .is_none_or(|age| age < STUDENT_AGE_LIMIT)
    }

    /// The names on the serious-disease list in force on the date.
    pub fn serious_diseases(&self) -> &'static [&'static str] {
        self.in_force().serious_diseases
    }
}

/// Studying matters for the rules (tier estimate, tekun minors) only for the young.
pub const STUDENT_AGE_LIMIT: u32 = 25;

/// A message at a field. `required` messages (something not filled in yet) are shown only
/// after the person tried to go on; the others as soon as the field is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// The household field as a JSON path, as the rules name it ("members[1].age").
    pub field: String,
    pub message: Text,
    pub required: bool,
}

/// A field's name as a person reads it ("奶奶 · 年龄（周岁）", "成员 2 · 第 1 项收入的金额"),
/// for the list of what to fix and the caseworker's messages: never the JSON path.
pub fn field_name(form: &Form, field: &str, lang: i18n::Lang) -> String {
    let label = |fact: &fields::About| i18n::T::of(fact.label).get(lang).to_string();
    if let Some(rest) = field.strip_prefix("family.incomes") {
        let number = rest
            .strip_prefix('[')
            .and_then(|rest| rest.split_once(']'))
            .and_then(|(at, _)| at.parse::<usize>().ok());
        let part = match number {
            Some(at) => i18n::fill(
                i18n::FIELD_INCOME_AMOUNT.get(lang),
                &[("n", &(at + 1).to_string())],
            ),
            None => i18n::INCOMES.get(lang).to_string(),
        };
        return format!("{} · {part}", i18n::FAMILY_INCOMES.get(lang));
    }
    if let Some(id) = field.strip_prefix("caseworker.overrides.") {
        let date = form.parsed_date().unwrap_or(policy::first_modelled_date());
        let name = doudi_rules::questions::overridable(date)
            .into_iter()
            .find(|param| param.id == id)
            .map(|param| {
                if lang == i18n::Lang::Zh {
                    param.zh
                } else {
                    param.en
                }
            })
            .unwrap_or(i18n::FIELD_OTHER.get(lang));
        return format!("{} · {name}", i18n::OVERRIDES.get(lang));
    }
    let Some((index, tail)) = field
        .strip_prefix("members[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(index, tail)| Some((index.parse::<usize>().ok()?, tail)))
    else {
        return fields::of_path(field)
            .map(label)
            .unwrap_or_else(|| i18n::FIELD_OTHER.get(lang).to_string());
    };
    let member = form
        .members
        .get(index)
        .map(|member| member.label(index, lang))
        .unwrap_or_else(|| format!("{} {}", i18n::MEMBER.get(lang), index + 1));
    let tail = tail.trim_start_matches('.');
    let numbered = |template: T, list: &str| {
        tail.strip_prefix(list)
            .and_then(|rest| rest.strip_prefix('['))
            .and_then(|rest| rest.split_once(']'))
            .and_then(|(at, _)| at.parse::<usize>().ok())
            .map(|at| i18n::fill(template.get(lang), &[("n", &(at + 1).to_string())]))
    };
    let part = if tail.is_empty() {
        None
    } else if let Some(income) = numbered(i18n::FIELD_INCOME_AMOUNT, "incomes") {
        Some(income)
    } else if let Some(supporter) = numbered(i18n::FIELD_SUPPORTER, "supporters") {
        Some(supporter)
    } else {
        Some(
            fields::of_path(field)
                .filter(|fact| fact.path != fields::MEMBERS.path)
                .map(label)
                .unwrap_or_else(|| i18n::FIELD_OTHER.get(lang).to_string()),
        )
    };
    match part {
        Some(part) => format!("{member} · {part}"),
        None => member,
    }
}

/// The answers checked: the household when every answer is valid, and the messages.
/// (The default: nothing checked, for a page that shows no answers.)
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    pub household: Option<Household>,
    pub errors: Vec<FieldError>,
}

impl Checked {
    pub fn errors_on(&self, step: Step) -> impl Iterator<Item = &FieldError> {
        self.errors
            .iter()
            .filter(move |error| Step::of_field(&error.field) == step)
    }
}

struct Errors(Vec<FieldError>);

impl Errors {
    fn push(&mut self, field: String, message: T, required: bool) {
        self.0.push(FieldError {
            field,
            message: message.text(),
            required,
        });
    }
}

/// What a number typed into a field may come with: the unit words a person writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typed {
    /// "¥1200", "1200元".
    Yuan,
    /// "70岁", "70 周岁".
    Years,
    /// "0.8%".
    Percent,
    /// Digits only (a caseworker's parameter: months, ratios, yuan).
    Plain,
}

/// A number as a person types it, as plain ASCII: full-width digits (１２００, the default
/// of many Chinese keyboards), the full-width or Chinese point (．。), the full-width
/// minus, spaces (also the full-width one), thousands commas (, and ，, only between
/// groups of three digits: "1,5" could mean 1.5 and is not read), and the field's unit
/// words ("¥", "￥", "元", "岁", "%"). `None` when it cannot be read that way; the rules
/// then read (and check) the plain text. Typing, not rules: money is parsed by the
/// rules' `parse_amount` into a `Decimal` afterwards, never through a float.
pub fn plain_number(text: &str, typed: Typed) -> Option<String> {
    let mut plain: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10).unwrap_or(c),
            '．' | '。' => '.',
            '，' => ',',
            '－' | '−' => '-',
            '％' => '%',
            '￥' => '¥',
            c => c,
        })
        .collect();
    let (prefixes, suffixes): (&[&str], &[&str]) = match typed {
        Typed::Yuan => (&["¥", "RMB"], &["元整", "元", "块钱", "块"]),
        Typed::Years => (&[], &["周岁", "岁"]),
        Typed::Percent => (&[], &["%"]),
        Typed::Plain => (&[], &[]),
    };
    for prefix in prefixes {
        if let Some(rest) = plain.strip_prefix(prefix) {
            plain = rest.to_string();
            break;
        }
    }
    for suffix in suffixes {
        if let Some(rest) = plain.strip_suffix(suffix) {
            plain = rest.to_string();
            break;
        }
    }
    if plain.ends_with('.') && plain.len() > 1 {
        plain.pop();
    }
    if plain.contains(',') {
        let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
        let mut groups = whole.trim_start_matches('-').split(',');
        let first = groups.next().unwrap_or("");
        let digits = |group: &str| group.bytes().all(|b| b.is_ascii_digit());
        let grouped = (1..=3).contains(&first.len())
            && digits(first)
            && groups.all(|group| group.len() == 3 && digits(group))
            && !fraction.contains(',');
        if !grouped {
            return None;
        }
        plain = plain.replace(',', "");
    }
    Some(plain)
}

/// An age typed in whole years ("70", "７０", "70岁").
pub fn whole_years(text: &str) -> Option<u32> {
    plain_number(text, Typed::Years)?.parse().ok()
}

/// A number typed into a field, read as the rules' `Decimal`.
pub fn read_number(text: &str, typed: Typed) -> Option<Decimal> {
    parse_amount(&plain_number(text, typed)?).ok()
}

/// What a number typed differently from its plain form ("１２００", "1,200元") is read as,
/// to show back at the field ("按 1200 元计"); `None` when it was typed plainly, is
/// empty, or cannot be read (its message says so).
pub fn understood(text: &str, typed: Typed) -> Option<String> {
    let shown = match typed {
        Typed::Years => whole_years(text)?.to_string(),
        _ => read_number(text, typed)?.to_string(),
    };
    (shown != text.trim()).then_some(shown)
}

fn amount(text: &str, typed: Typed) -> Option<Result<Money, ()>> {
    if text.trim().is_empty() {
        return None;
    }
    Some(read_number(text, typed).map(Money).ok_or(()))
}

/// Checks the answers and builds the household. Answers that cannot be read are left out
/// of a lenient household, which the rules then validate too, so that their messages
/// (too large, negative, an impossible age) appear at their fields as well.
pub fn check(form: &Form) -> Checked {
    let mut errors = Errors(Vec::new());
    let date = match form.parsed_date() {
        Some(date) => date,
        None => {
            errors.push("date".into(), i18n::ERR_DATE, form.date.trim().is_empty());
            policy::first_modelled_date()
        }
    };
    let mut caseworker = Caseworker {
        rural_tier: if form.category == Category::Rural {
            form.tier
        } else {
            None
        },
        ..Default::default()
    };
    for (id, text) in &form.overrides {
        match amount(text, Typed::Plain) {
            None => {}
            Some(Ok(value)) => {
                caseworker.overrides.insert(id.clone(), value);
            }
            Some(Err(())) => errors.push(
                format!("caseworker.overrides.{id}"),
                i18n::ERR_NUMBER,
                false,
            ),
        }
    }
    for (field, text, slot) in [
        (
            "caseworker.cpi_rise",
            &form.cpi_rise,
            &mut caseworker.cpi_rise,
        ),
        (
            "caseworker.food_cpi_rise",
            &form.food_cpi_rise,
            &mut caseworker.food_cpi_rise,
        ),
    ] {
        match amount(text, Typed::Percent) {
            None => {}
            Some(Ok(value)) => *slot = Some(value),
            Some(Err(())) => errors.push(field.into(), i18n::ERR_PERCENT, false),
        }
    }
    let mut members = Vec::new();
    for (index, member) in form.members.iter().enumerate() {
        let at = |name: &str| format!("members[{index}].{name}");
        let mut out = Member {
            name: member.name.trim().to_string(),
            relation: member.relation,
            ..Default::default()
        };
        match member.age_by {
            AgeBy::Years => match member.age.trim() {
                "" => errors.push(at("age"), i18n::ERR_REQUIRED_AGE, true),
                text => match whole_years(text) {
                    Some(age) => out.age = Some(age),
                    None => errors.push(at("age"), i18n::ERR_AGE_NUMBER, false),
                },
            },
            AgeBy::BirthDate => match member.birth_date.trim() {
                "" => errors.push(at("birth_date"), i18n::ERR_REQUIRED_BIRTH, true),
                text => match doudi_rules::household::parse_date(text) {
                    Ok(birth) => out.birth_date = Some(birth),
                    Err(_) => errors.push(at("birth_date"), i18n::ERR_DATE, false),
                },
            },
        }
        // A disability without its grade is not one the rules can use (the grade decides
        // "severely disabled"); nothing is assumed: the person chooses it.
        if let Some(kind) = member.disability {
            match member.disability_grade {
                Some(grade) => out.disability = Some(Disability { kind, grade }),
                None => errors.push(at("disability.grade"), i18n::ERR_REQUIRED_GRADE, true),
            }
        }
        let illness = member.serious_illness.trim();
        out.serious_illness = (!illness.is_empty()).then(|| illness.to_string());
        out.student = member.student;
        for (income_index, income) in member.incomes.iter().enumerate() {
            match amount(&income.amount, Typed::Yuan) {
                None => errors.push(
                    at(&format!("incomes[{income_index}].amount")),
                    i18n::ERR_REQUIRED_AMOUNT,
                    true,
                ),
                Some(Err(())) => errors.push(
                    at(&format!("incomes[{income_index}].amount")),
                    i18n::ERR_AMOUNT,
                    false,
                ),
                Some(Ok(value)) => out.incomes.push(Income {
                    kind: income.kind,
                    amount: value,
                    per: income.per,
                }),
            }
        }
        match amount(&member.employment_costs, Typed::Yuan) {
            None => {}
            Some(Ok(value)) => out.employment_costs = Some(value),
            Some(Err(())) => errors.push(at("employment_costs"), i18n::ERR_AMOUNT, false),
        }
        if form.could_be_tekun(member) {
            out.tekun = member.tekun;
            out.self_care = member.self_care.map(|items| SelfCare {
                eating: items[0],
                dressing: items[1],
                getting_in_and_out_of_bed: items[2],
                toileting: items[3],
                walking_indoors: items[4],
                bathing: items[5],
            });
            out.supporters = match member.supporters_known {
                SupportersKnown::NotSure => None,
                SupportersKnown::None => Some(Vec::new()),
                SupportersKnown::Some => Some(
                    member
                        .supporters
                        .iter()
                        .map(|supporter| Supporter {
                            name: supporter.name.trim().to_string(),
                            situation: supporter.situation,
                        })
                        .collect(),
                ),
            };
            out.own_property_within_limits = member.own_property;
        }
        members.push(out);
    }
    let mut family = Family {
        poverty_alleviated: form.family.poverty_alleviated,
        marginal: form.family.marginal,
        property_within_limits: form.family.property,
        on_dibao: form.family.on_dibao,
        current_dibao_monthly: None,
        incomes: Vec::new(),
        rigid_spending_monthly: None,
    };
    // The plain facts as the table's cells: an amount as understood, a flag as 1 or 0.
    let mut plain_cells = Vec::new();
    for fact in plain_family_facts() {
        let text = form.family.facts.get(fact.path).map_or("", String::as_str);
        let cell = match fact.kind {
            fields::Kind::Amount => match amount(text, Typed::Yuan) {
                None => String::new(),
                Some(Ok(value)) => value.0.to_string(),
                Some(Err(())) => {
                    errors.push(fact.path.into(), i18n::ERR_AMOUNT, false);
                    continue;
                }
            },
            _ => text.trim().to_string(),
        };
        plain_cells.push((fact, cell));
    }
    for (income_index, income) in form.family.incomes.iter().enumerate() {
        let field = format!("family.incomes[{income_index}].amount");
        match amount(&income.amount, Typed::Yuan) {
            None => errors.push(field, i18n::ERR_REQUIRED_AMOUNT, true),
            Some(Err(())) => errors.push(field, i18n::ERR_AMOUNT, false),
            Some(Ok(value)) => family.incomes.push(Income {
                kind: income.kind,
                amount: value,
                per: income.per,
            }),
        }
    }
    if form.family.on_dibao {
        match amount(&form.family.current_dibao, Typed::Yuan) {
            None => {}
            Some(Ok(value)) => family.current_dibao_monthly = Some(value),
            Some(Err(())) => errors.push(
                "family.current_dibao_monthly".into(),
                i18n::ERR_AMOUNT,
                false,
            ),
        }
    }
    let mut household = Household {
        county: form.county.clone(),
        category: form.category,
        date,
        members,
        family,
        caseworker,
    };
    for (fact, cell) in plain_cells {
        if let fields::Io::Household { put, .. } = fact.io {
            if put(&mut household, &cell).is_err() {
                errors.push(fact.path.into(), i18n::ERR_AMOUNT, false);
            }
        }
    }

    // The rules' own checks report the first problem only. Checking the place and
    // members without their incomes first lets a problem on an early screen show even
    // when a later screen has one too.
    let mut early = household.clone();
    for member in &mut early.members {
        member.incomes.clear();
        member.employment_costs = None;
    }
    early.family.current_dibao_monthly = None;
    early.family.rigid_spending_monthly = None;
    early.caseworker = Caseworker::default();
    for candidate in [&early, &household] {
        if let Err(error) = candidate.validate() {
            let seen = errors.0.iter().any(|known| {
                known.field == error.field
                    || (error.field.ends_with(".age")
                        && known.field.starts_with(error.field.trim_end_matches("age")))
            });
            if !seen {
                errors.0.push(FieldError {
                    field: error.field,
                    message: Text::new(error.zh, error.en),
                    required: false,
                });
            }
        }
    }
    let household = errors.0.is_empty().then_some(household);
    Checked {
        household,
        errors: errors.0,
    }
}

/// The form for a household (a bundled example): every answer as text.
pub fn from_household(household: &Household) -> Form {
    let mut form = Form::new(&household.date.to_string());
    form.county = household.county.clone();
    form.category = household.category;
    form.tier = household.caseworker.rural_tier;
    form.cpi_rise = household
        .caseworker
        .cpi_rise
        .map(|value| value.0.to_string())
        .unwrap_or_default();
    form.food_cpi_rise = household
        .caseworker
        .food_cpi_rise
        .map(|value| value.0.to_string())
        .unwrap_or_default();
    form.overrides = household
        .caseworker
        .overrides
        .iter()
        .map(|(id, value)| (id.clone(), value.0.to_string()))
        .collect();
    form.members.clear();
    for member in &household.members {
        let id = form.take_id();
        let mut out = MemberForm::new(id, member.relation);
        out.name = member.name.clone();
        match (member.age, member.birth_date) {
            (_, Some(birth)) => {
                out.age_by = AgeBy::BirthDate;
                out.birth_date = birth.to_string();
            }
            (Some(age), None) => out.age = age.to_string(),
            (None, None) => {}
        }
        for income in &member.incomes {
            let id = form.take_id();
            out.incomes.push(IncomeForm {
                id,
                kind: income.kind,
                amount: income.amount.0.to_string(),
                per: income.per,
            });
        }
        if let Some(disability) = member.disability {
            out.disability = Some(disability.kind);
            out.disability_grade = Some(disability.grade);
        }
        out.serious_illness = member.serious_illness.clone().unwrap_or_default();
        out.student = member.student;
        out.tekun = member.tekun;
        out.self_care = member
            .self_care
            .map(|care| care.items().map(|(_, _, can)| can));
        match &member.supporters {
            None => out.supporters_known = SupportersKnown::NotSure,
            Some(list) if list.is_empty() => out.supporters_known = SupportersKnown::None,
            Some(list) => {
                out.supporters_known = SupportersKnown::Some;
                for supporter in list {
                    let id = form.take_id();
                    out.supporters.push(SupporterForm {
                        id,
                        name: supporter.name.clone(),
                        situation: supporter.situation,
                    });
                }
            }
        }
        out.own_property = member.own_property_within_limits;
        out.employment_costs = member
            .employment_costs
            .map(|value| value.0.to_string())
            .unwrap_or_default();
        form.members.push(out);
    }
    form.family = FamilyForm {
        property: household.family.property_within_limits,
        poverty_alleviated: household.family.poverty_alleviated,
        marginal: household.family.marginal,
        on_dibao: household.family.on_dibao,
        current_dibao: household
            .family
            .current_dibao_monthly
            .map(|value| value.0.to_string())
            .unwrap_or_default(),
        incomes: Vec::new(),
        facts: BTreeMap::new(),
    };
    for fact in plain_family_facts() {
        if let fields::Io::Household { get, .. } = fact.io {
            let cell = get(household);
            if !cell.is_empty() {
                form.family.facts.insert(fact.path.to_string(), cell);
            }
        }
    }
    for income in &household.family.incomes {
        let id = form.take_id();
        form.family.incomes.push(IncomeForm {
            id,
            kind: income.kind,
            amount: income.amount.0.to_string(),
            per: income.per,
        });
    }
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use doudi_rules::Decimal;

    fn household(json: &str) -> Household {
        serde_json::from_str(json).expect("example parses")
    }

    #[test]
    fn every_example_round_trips_through_the_form() {
        for (name, json) in crate::examples::ALL
            .iter()
            .map(|example| (example.name, example.json()))
        {
            let original = household(json);
            let checked = check(&from_household(&original));
            assert_eq!(checked.errors, vec![], "{name}");
            assert_eq!(checked.household.as_ref(), Some(&original), "{name}");
        }
    }

    #[test]
    fn a_new_form_asks_for_the_age_first() {
        let checked = check(&Form::new("2026-11-29"));
        assert!(checked.household.is_none());
        assert_eq!(checked.errors.len(), 1);
        assert_eq!(checked.errors[0].field, "members[0].age");
        assert!(checked.errors[0].required);
    }

    #[test]
    fn bad_text_is_kept_and_named_at_its_field() {
        let mut form = Form::new("2026-11-29");
        form.members[0].age = "4O".into();
        form.members[0].incomes.push(IncomeForm {
            id: 9,
            kind: IncomeKind::Wages,
            amount: "1,2x".into(),
            per: Period::Month,
        });
        let checked = check(&form);
        let fields: Vec<&str> = checked
            .errors
            .iter()
            .map(|error| error.field.as_str())
            .collect();
        assert_eq!(fields, ["members[0].age", "members[0].incomes[0].amount"]);
        assert_eq!(form.members[0].age, "4O");
    }

    #[test]
    fn the_rules_messages_reach_their_fields() {
        let mut form = Form::new("2026-11-29");
        form.members[0].age = "40".into();
        form.members[0].incomes.push(IncomeForm {
            id: 9,
            kind: IncomeKind::Wages,
            amount: "-5".into(),
            per: Period::Month,
        });
        let checked = check(&form);
        assert_eq!(checked.errors.len(), 1);
        assert_eq!(checked.errors[0].field, "members[0].incomes[0].amount");
        assert_eq!(Step::of_field(&checked.errors[0].field), Step::Situations);
    }

    #[test]
    fn overrides_are_kept_as_typed_and_passed_to_the_rules_when_valid() {
        let mut form = Form::new("2026-11-29");
        form.members[0].age = "40".into();
        form.overrides
            .insert("gradual_exit.months".into(), " 12 ".into());
        let checked = check(&form);
        let household = checked.household.expect("valid");
        assert_eq!(
            household.caseworker.overrides.get("gradual_exit.months"),
            Some(&Money(Decimal::from(12)))
        );
        form.overrides
            .insert("gradual_exit.months".into(), "12个月".into());
        let checked = check(&form);
        assert_eq!(checked.errors.len(), 1);
        assert_eq!(
            checked.errors[0].field,
            "caseworker.overrides.gradual_exit.months"
        );
        assert_eq!(form.overrides["gradual_exit.months"], "12个月");
        // The rules' own check: only assumed parameters, within their range.
        form.overrides
            .insert("gradual_exit.months".into(), "99".into());
        let checked = check(&form);
        assert_eq!(
            checked.errors[0].field,
            "caseworker.overrides.gradual_exit.months"
        );
    }

    #[test]
    fn fields_map_to_their_screens() {
        assert_eq!(Step::of_field("county"), Step::Place);
        assert_eq!(Step::of_field("caseworker.rural_tier"), Step::Place);
        assert_eq!(Step::of_field("members"), Step::Members);
        assert_eq!(Step::of_field("members[2].birth_date"), Step::Members);
        assert_eq!(Step::of_field("members[2].self_care"), Step::Situations);
        assert_eq!(
            Step::of_field("family.property_within_limits"),
            Step::Situations
        );
    }

    #[test]
    fn numbers_are_read_as_people_type_them() {
        let yuan = |text: &str| read_number(text, Typed::Yuan).map(|value| value.to_string());
        for typed in [
            "1200",
            "１２００",
            "1200元",
            "１２００元",
            "¥1200",
            "￥1200",
            "￥１２００",
            "1,200",
            "1，200",
            " 1 200 ",
            "1200 元",
            "1200.",
            "RMB1200",
            "1200块",
        ] {
            assert_eq!(yuan(typed).as_deref(), Some("1200"), "{typed:?}");
        }
        assert_eq!(yuan("１２００．５０").as_deref(), Some("1200.50"));
        assert_eq!(yuan("1200。5").as_deref(), Some("1200.5"));
        assert_eq!(yuan("1,234,567.8").as_deref(), Some("1234567.8"));
        assert_eq!(yuan("－5").as_deref(), Some("-5"));
        // Not read: a comma that is not a thousands separator, letters, two points, a
        // unit of another field.
        for typed in [
            "1,5", "12,00", "1,2x", "1.2.3", "abc", "1200岁", "12个月", "¥", "元",
        ] {
            assert_eq!(yuan(typed), None, "{typed:?}");
        }
        assert_eq!(whole_years("７０岁"), Some(70));
        assert_eq!(whole_years("70 周岁"), Some(70));
        assert_eq!(whole_years("4O"), None);
        assert_eq!(
            read_number("0.8％", Typed::Percent).map(|value| value.to_string()),
            Some("0.8".into())
        );
        assert_eq!(read_number("12个月", Typed::Plain), None);
    }

    #[test]
    fn what_was_understood_is_said_only_when_typed_another_way() {
        assert_eq!(understood("1200", Typed::Yuan), None);
        assert_eq!(understood(" 1200.50 ", Typed::Yuan), None);
        assert_eq!(understood("", Typed::Yuan), None);
        assert_eq!(understood("12x", Typed::Yuan), None);
        assert_eq!(understood("１２００", Typed::Yuan).as_deref(), Some("1200"));
        assert_eq!(understood("1,200元", Typed::Yuan).as_deref(), Some("1200"));
        assert_eq!(understood("７０", Typed::Years).as_deref(), Some("70"));
    }

    #[test]
    fn full_width_answers_give_the_same_household_as_plain_ones() {
        let mut plain = Form::new("2026-11-29");
        plain.members[0].age = "45".into();
        plain.members[0].incomes.push(IncomeForm {
            id: 9,
            kind: IncomeKind::Wages,
            amount: "1200".into(),
            per: Period::Month,
        });
        let mut typed = plain.clone();
        typed.members[0].age = "４５岁".into();
        typed.members[0].incomes[0].amount = "￥１，２００元".into();
        let plain = check(&plain);
        assert_eq!(plain.errors, vec![]);
        assert_eq!(check(&typed).household, plain.household);
    }

    #[test]
    fn a_disability_grade_is_never_assumed() {
        let mut form = Form::new("2026-11-29");
        form.members[0].age = "45".into();
        form.members[0].disability = Some(DisabilityKind::Physical);
        assert_eq!(form.members[0].disability_grade, None);
        let checked = check(&form);
        assert!(checked.household.is_none());
        assert_eq!(checked.errors.len(), 1);
        assert_eq!(checked.errors[0].field, "members[0].disability.grade");
        assert!(checked.errors[0].required);
        assert_eq!(Step::of_field(&checked.errors[0].field), Step::Situations);
        form.members[0].disability_grade = Some(3);
        let household = check(&form).household.expect("valid");
        assert_eq!(
            household.members[0]
                .disability
                .map(|disability| disability.grade),
            Some(3)
        );
    }

    #[test]
    fn fields_are_named_in_words_never_as_paths() {
        let mut form = Form::new("2026-11-29");
        form.members.push(MemberForm::new(2, Relation::Spouse));
        form.members[1].name = "奶奶".into();
        let zh = |field: &str| field_name(&form, field, i18n::Lang::Zh);
        assert_eq!(zh("members[0].age"), "成员 1 · 年龄（周岁）");
        assert_eq!(
            zh("members[1].incomes[0].amount"),
            "奶奶 · 第 1 项收入的金额"
        );
        assert_eq!(zh("members[1].disability.grade"), "奶奶 · 残疾等级");
        assert_eq!(zh("members[1].supporters[2].name"), "奶奶 · 第 3 位义务人");
        assert_eq!(zh("members"), "家庭成员人数");
        assert_eq!(zh("family.current_dibao_monthly"), i18n::CURRENT_DIBAO.zh);
        assert!(zh("caseworker.overrides.gradual_exit.months").starts_with(i18n::OVERRIDES.zh));
        assert_eq!(
            field_name(&form, "members[0].incomes[0].amount", i18n::Lang::En),
            "Member 1 · amount of income 1"
        );
        for field in [
            "members[0].incomes[0].amount",
            "caseworker.overrides.x",
            "emergency",
            "members[9].self_care.eating",
        ] {
            let name = zh(field);
            assert!(
                !name.contains('[') && !name.contains('.') && !name.contains('_'),
                "{field}: {name}"
            );
        }
    }

    #[test]
    fn tekun_questions_are_asked_of_the_old_the_young_and_the_disabled() {
        let mut form = Form::new("2026-11-29");
        for (age, asked) in [("59", false), ("60", true), ("17", true), ("18", false)] {
            form.members[0].age = age.into();
            assert_eq!(form.could_be_tekun(&form.members[0]), asked, "age {age}");
        }
        form.members[0].disability = Some(DisabilityKind::Hearing);
        assert!(form.could_be_tekun(&form.members[0]));
    }
}

/// The one-minute check's answers as typed (the place, the category and the date are the
/// first screen's): how many people, the family's income a month, who is in which
/// situation, dibao now, heavy spending.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuickForm {
    pub people: String,
    pub income: String,
    pub anyone: doudi_rules::quick::Anyone,
    pub on_dibao: bool,
    pub spending: doudi_rules::quick::Spending,
}

/// The one-minute check's answers read for the rules: `None` until the people and the
/// income are both given; a message at `people` or `monthly_income` when one cannot be
/// read.
pub fn quick(
    form: &Form,
    answers: &QuickForm,
) -> Option<Result<doudi_rules::quick::Quick, FieldError>> {
    let error = |field: &str, message: T| {
        Some(Err(FieldError {
            field: field.into(),
            message: message.text(),
            required: false,
        }))
    };
    if answers.people.trim().is_empty() || answers.income.trim().is_empty() {
        return None;
    }
    let Some(people) = whole_years(&answers.people) else {
        return error("people", i18n::QUICK_ERR_PEOPLE);
    };
    let Some(income) = read_number(&answers.income, Typed::Yuan) else {
        return error("monthly_income", i18n::ERR_AMOUNT);
    };
    let Some(date) = form.parsed_date() else {
        return error("date", i18n::ERR_DATE);
    };
    Some(Ok(doudi_rules::quick::Quick {
        county: form.county.clone(),
        category: form.category,
        date,
        people,
        monthly_income: Money(income),
        anyone: answers.anyone,
        on_dibao: answers.on_dibao,
        heavy_spending: answers.spending,
    }))
}

/// "算得更准": the full flow's answers from the one-minute check's, nothing typed again.
/// The place and date are the same answers; the members are as many rows as people said
/// (the applicant first, the others' relation and age to be given); the income is the
/// family's, as wages, a month (to be split between the members, or its kind changed, on
/// screen 3); dibao now as said. The relations are those "add a member" gives (a
/// spouse, then children), to be corrected. Who is old, young, disabled or ill is not guessed: the
/// members' screen reminds the person of what they said.
pub fn from_quick(form: &Form, answers: &QuickForm) -> Form {
    let mut next = Form {
        members: Vec::new(),
        ..form.clone()
    };
    let people = whole_years(&answers.people)
        .unwrap_or(1)
        .clamp(1, u32::try_from(MAX_MEMBERS).unwrap_or(1));
    for index in 0..people {
        let id = next.take_id();
        // As "add a member" does: a spouse, then children, to be corrected on screen.
        let relation = match index {
            0 => Relation::Applicant,
            1 => Relation::Spouse,
            _ => Relation::Child,
        };
        next.members.push(MemberForm::new(id, relation));
    }
    next.family = FamilyForm {
        on_dibao: answers.on_dibao,
        ..FamilyForm::default()
    };
    if let Some(income) =
        read_number(&answers.income, Typed::Yuan).filter(|income| !income.is_zero())
    {
        let id = next.take_id();
        next.family.incomes.push(IncomeForm {
            id,
            kind: IncomeKind::Wages,
            amount: income.normalize().to_string(),
            per: Period::Month,
        });
    }
    next
}

//! The household as given (serde types that mirror the JSON, unknown fields rejected),
//! and its validation into facts the rules can trust: ages known, amounts sane.

use crate::policy::{self, Date};
use crate::InputError;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A household to assess: where, when, who, and what a caseworker knows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Household {
    /// The county or district id from policies/places.toml, e.g. "hantai".
    pub county: String,
    /// Urban (城市) or rural (农村) dibao category.
    pub category: Category,
    /// The assessment date: the standards in force on this date apply.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub date: Date,
    /// The members living together (共同生活的家庭成员).
    pub members: Vec<Member>,
    #[serde(default)]
    pub family: Family,
    #[serde(default)]
    pub caseworker: Caseworker,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Category {
    #[default]
    Urban,
    Rural,
}

impl Category {
    /// The key of the `by_category` breakdowns: urban 0, rural 1.
    pub fn index(self) -> usize {
        match self {
            Category::Urban => 0,
            Category::Rural => 1,
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Category::Urban => "城市",
            Category::Rural => "农村",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Category::Urban => "urban",
            Category::Rural => "rural",
        }
    }
}

/// Facts about the family as a whole.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Family {
    /// A family lifted out of poverty (脱贫家庭).
    #[serde(default)]
    pub poverty_alleviated: bool,
    /// Already recognised as a low-income marginal family (低保边缘家庭).
    #[serde(default)]
    pub marginal: bool,
    /// Whether the family's property is within the dibao property conditions; absent when
    /// not known.
    #[serde(default)]
    pub property_within_limits: Option<bool>,
    /// The family receives dibao now.
    #[serde(default)]
    pub on_dibao: bool,
    /// What the family receives now each month, in 元 (for gradual exit).
    #[serde(default)]
    pub current_dibao_monthly: Option<Money>,
}

/// What a caseworker knows or decides.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Caseworker {
    /// The rural tier (档次) the caseworker assigned, A to E.
    #[serde(default)]
    pub rural_tier: Option<Tier>,
    /// Replacements for assumed parameters, by parameter id.
    #[serde(default)]
    pub overrides: BTreeMap<String, Money>,
    /// This month's CPI rise year on year, in percent (e.g. "3.6").
    #[serde(default)]
    pub cpi_rise: Option<Money>,
    /// This month's food CPI rise year on year, in percent.
    #[serde(default)]
    pub food_cpi_rise: Option<Money>,
}

/// The rural dibao tiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Tier {
    A,
    B,
    C,
    D,
    E,
}

impl Tier {
    pub const ALL: [Tier; 5] = [Tier::A, Tier::B, Tier::C, Tier::D, Tier::E];
    pub fn letter(self) -> &'static str {
        match self {
            Tier::A => "A",
            Tier::B => "B",
            Tier::C => "C",
            Tier::D => "D",
            Tier::E => "E",
        }
    }
    /// The parameter that holds this tier's amount.
    pub fn param(self) -> policy::ParamId {
        policy::by_tier::DIBAO_RURAL_TIER[self.index()]
    }
    /// The key of the `by_tier` breakdowns: A 0 … E 4.
    pub fn index(self) -> usize {
        match self {
            Tier::A => 0,
            Tier::B => 1,
            Tier::C => 2,
            Tier::D => 3,
            Tier::E => 4,
        }
    }
    /// The name of the parameter that holds this tier's amount (for callers outside the
    /// rules that name parameters by string).
    pub fn param_id(self) -> &'static str {
        match self {
            Tier::A => "dibao.rural.tier_a",
            Tier::B => "dibao.rural.tier_b",
            Tier::C => "dibao.rural.tier_c",
            Tier::D => "dibao.rural.tier_d",
            Tier::E => "dibao.rural.tier_e",
        }
    }
}

/// One member of the household.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// A label for the member, shown in results ("奶奶", "member 2").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Age in whole years on the assessment date; give this or `birth_date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub birth_date: Option<Date>,
    #[serde(default)]
    pub relation: Relation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability: Option<Disability>,
    /// The name of a serious disease on the national list, if the member has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serious_illness: Option<String>,
    #[serde(default)]
    pub student: Student,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incomes: Vec<Income>,
    /// Necessary employment costs (就业成本) a caseworker deducts from this member's
    /// wages, 元/month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment_costs: Option<Money>,
    /// The member is a tekun (特困) person now, supported separately.
    #[serde(default)]
    pub tekun: bool,
    /// The six-item self-care assessment, for a tekun candidate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_care: Option<SelfCare>,
    /// The member's legal supporters (法定赡养、抚养、扶养义务人); absent when not known,
    /// empty when there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supporters: Option<Vec<Supporter>>,
    /// Whether the member's own property is within the tekun property rules; absent when
    /// not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_property_within_limits: Option<bool>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    #[default]
    Applicant,
    Spouse,
    Child,
    Parent,
    Grandchild,
    Grandparent,
    Sibling,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Disability {
    pub kind: DisabilityKind,
    /// 1 (most severe) to 4, as on the disability certificate.
    pub grade: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DisabilityKind {
    Visual,
    Hearing,
    Speech,
    Physical,
    Intellectual,
    Mental,
    Multiple,
}

impl DisabilityKind {
    pub fn zh(self) -> &'static str {
        match self {
            DisabilityKind::Visual => "视力",
            DisabilityKind::Hearing => "听力",
            DisabilityKind::Speech => "言语",
            DisabilityKind::Physical => "肢体",
            DisabilityKind::Intellectual => "智力",
            DisabilityKind::Mental => "精神",
            DisabilityKind::Multiple => "多重",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Student {
    #[default]
    None,
    Compulsory,
    SeniorHigh,
    SecondaryVocational,
    Higher,
}

/// One income of a member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Income {
    pub kind: IncomeKind,
    /// After personal income tax and the member's own social-insurance contributions.
    pub amount: Money,
    #[serde(default)]
    pub per: Period,
}

impl Income {
    /// The income per month, for showing a yearly entry's conversion ("= 500 元/月");
    /// rounded to the fen for display only. The rules themselves keep yearly amounts exact.
    pub fn monthly_for_display(&self) -> Decimal {
        match self.per {
            Period::Month => self.amount.0,
            Period::Year => crate::rounding::for_display(self.amount.0 / Decimal::from(12)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IncomeKind {
    /// 工资性收入.
    Wages,
    /// 经营净收入.
    Business,
    /// 财产净收入.
    Property,
    /// 转移净收入 other than the kinds below (pensions other than the residents' basic
    /// pension, for example).
    Transfer,
    /// 赡养费、抚养费、扶养费 actually received from people living apart.
    SupportReceived,
    /// 城乡居民基本养老保险基础养老金.
    ResidentsBasicPension,
    /// 高龄津贴: not counted for tekun.
    OldAgeAllowance,
    /// 基本医疗保险报销: not counted for tekun.
    MedicalInsurance,
    /// Kinds never counted (民发〔2021〕57号): 优待抚恤金, family-planning rewards,
    /// scholarships, awards, social-assistance money and goods.
    Excluded,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Period {
    #[default]
    Month,
    Year,
}

/// The six-item self-care assessment (民发〔2021〕43号): true where the person can do it
/// alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SelfCare {
    pub eating: bool,
    pub dressing: bool,
    pub getting_in_and_out_of_bed: bool,
    pub toileting: bool,
    pub walking_indoors: bool,
    pub bathing: bool,
}

impl SelfCare {
    /// The items with their Chinese and English names, in the order of the assessment.
    pub fn items(&self) -> [(&'static str, &'static str, bool); 6] {
        [
            ("自主吃饭", "eating", self.eating),
            ("自主穿衣", "dressing", self.dressing),
            (
                "自主上下床",
                "getting in and out of bed",
                self.getting_in_and_out_of_bed,
            ),
            ("自主如厕", "toileting", self.toileting),
            ("室内自主行走", "walking indoors", self.walking_indoors),
            ("自主洗澡", "bathing", self.bathing),
        ]
    }
}

/// A legal supporter and whether they can support.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Supporter {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub situation: SupporterSituation,
}

/// The situations of 民发〔2021〕43号 in which a supporter counts as unable to support,
/// and `Able` for everyone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SupporterSituation {
    Able,
    /// The supporter is a tekun person.
    Tekun,
    /// A dibao recipient aged 60 or over.
    DibaoAged60Plus,
    /// Aged 70 or over, with income below last year's local per-capita disposable income
    /// and property within the low-income rules.
    Aged70PlusLowIncome,
    /// Severely disabled (or grade-3 intellectual or mental), with the same income test.
    SeverelyDisabledLowIncome,
    /// Without civil capacity.
    NoCivilCapacity,
    /// Missing (宣告失踪).
    Missing,
    /// In prison (服刑).
    InPrison,
}

impl SupporterSituation {
    pub fn zh(self) -> &'static str {
        match self {
            SupporterSituation::Able => "有赡养（抚养、扶养）能力",
            SupporterSituation::Tekun => "本人是特困人员",
            SupporterSituation::DibaoAged60Plus => "60周岁以上的低保对象",
            SupporterSituation::Aged70PlusLowIncome => "70周岁以上且收入、财产符合规定",
            SupporterSituation::SeverelyDisabledLowIncome => "重度残疾且收入、财产符合规定",
            SupporterSituation::NoCivilCapacity => "无民事行为能力",
            SupporterSituation::Missing => "被宣告失踪",
            SupporterSituation::InPrison => "在监狱服刑",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            SupporterSituation::Able => "able to support",
            SupporterSituation::Tekun => "a tekun person",
            SupporterSituation::DibaoAged60Plus => "a dibao recipient aged 60+",
            SupporterSituation::Aged70PlusLowIncome => "aged 70+ with low income and property",
            SupporterSituation::SeverelyDisabledLowIncome => {
                "severely disabled with low income and property"
            }
            SupporterSituation::NoCivilCapacity => "without civil capacity",
            SupporterSituation::Missing => "declared missing",
            SupporterSituation::InPrison => "in prison",
        }
    }
}

/// An amount of money or a rate, exact. Written in JSON as a string ("1234.5") or a
/// whole number (1234); a number with a fraction must be quoted, because JSON numbers
/// pass through binary floating point in most tools and lose digits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Money(pub Decimal);

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Money {
    fn schema_name() -> String {
        "Money".into()
    }
    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::{InstanceType, SchemaObject, SingleOrVec};
        SchemaObject {
            instance_type: Some(SingleOrVec::Vec(vec![
                InstanceType::String,
                InstanceType::Integer,
            ])),
            metadata: Some(Box::new(schemars::schema::Metadata {
                description: Some(
                    "An exact amount: a string such as \"1234.50\" or a whole number".into(),
                ),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Money;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an amount written as a string such as \"1234.50\" or a whole number")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Money, E> {
                parse_amount(text).map(Money).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Money, E> {
                Ok(Money(Decimal::from(value)))
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Money, E> {
                Ok(Money(Decimal::from(value)))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Parses an amount typed by a person: digits with at most one decimal point, an
/// optional leading minus (rejected later with a message), spaces and thousands commas
/// (，too) allowed.
pub fn parse_amount(text: &str) -> Result<Decimal, String> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '，' && *c != ' ')
        .collect();
    let valid = !cleaned.is_empty()
        && cleaned
            .trim_start_matches('-')
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
        && cleaned.matches('.').count() <= 1
        && cleaned
            .trim_start_matches('-')
            .chars()
            .any(|c| c.is_ascii_digit())
        && cleaned.len() <= 32;
    if !valid {
        return Err(format!("\"{text}\" is not an amount (不是有效的金额)"));
    }
    cleaned
        .parse::<Decimal>()
        .map_err(|_| format!("\"{text}\" is not an amount (不是有效的金额)"))
}

// ---- Validation --------------------------------------------------------------------

/// The largest amount of one income we accept, per month (per year: 12 times this).
pub const MAX_MONTHLY_AMOUNT: i64 = 1_000_000;
/// The oldest age we accept.
pub const MAX_AGE: u32 = 120;
/// The most members one household may have.
pub const MAX_MEMBERS: usize = 30;

/// A member as the rules see it.
#[derive(Clone, Debug)]
pub struct Person {
    pub index: usize,
    pub label: String,
    pub age: u32,
    pub member: Member,
}

/// A validated household.
#[derive(Clone, Debug)]
pub struct Facts {
    pub place: &'static policy::Place,
    pub category: Category,
    pub date: Date,
    pub people: Vec<Person>,
    pub family: Family,
    pub tier: Option<Tier>,
    pub overrides: BTreeMap<String, Decimal>,
    pub cpi_rise: Option<Decimal>,
    pub food_cpi_rise: Option<Decimal>,
}

fn check_amount(field: String, amount: Decimal, max: Decimal) -> Option<InputError> {
    if amount.is_sign_negative() && !amount.is_zero() {
        return Some(InputError::new(
            field,
            format!("金额不能为负数（{amount}）"),
            format!("the amount cannot be negative ({amount})"),
        ));
    }
    if amount > max {
        return Some(InputError::new(
            field,
            format!("金额 {amount} 过大，请检查（上限 {max}）"),
            format!("the amount {amount} is too large; please check it (at most {max})"),
        ));
    }
    if amount.scale() > 2 && amount.normalize().scale() > 2 {
        return Some(InputError::new(
            field,
            format!("金额 {amount} 最多保留两位小数（分）"),
            format!("the amount {amount} has more than two decimals (fen)"),
        ));
    }
    None
}

/// Whole years between a birth date and a date.
pub fn age_on(birth: Date, date: Date) -> Option<u32> {
    if birth > date {
        return None;
    }
    let mut years = u32::from(date.year - birth.year);
    if (date.month, date.day) < (birth.month, birth.day) {
        years = years.saturating_sub(1);
    }
    Some(years)
}

impl Household {
    /// Checks the household and turns it into facts; the first error, if any. See
    /// [`Household::check`] for every error at once.
    pub fn validate(&self) -> Result<Facts, InputError> {
        let (facts, mut errors) = self.check();
        match facts {
            Some(facts) if errors.is_empty() => Ok(facts),
            _ => Err(if errors.is_empty() {
                InputError::new(
                    "household".into(),
                    "无法读取这户的情况".into(),
                    "the household cannot be read".into(),
                )
            } else {
                errors.remove(0)
            }),
        }
    }

    /// Checks the household: validation never stops at the first problem. It returns
    /// the facts when there is no error, and every error found, each naming its field
    /// (as a JSON path) in Chinese and English, in the order of the fields.
    pub fn check(&self) -> (Option<Facts>, Vec<InputError>) {
        let mut errors = Vec::new();
        let place = policy::place(&self.county);
        if place.is_none() {
            let known: Vec<&str> = policy::PLACES.iter().map(|place| place.id).collect();
            errors.push(InputError::new(
                "county".into(),
                format!(
                    "未知的县区“{}”；可选：{}",
                    short(&self.county),
                    known.join("、")
                ),
                format!(
                    "unknown county or district \"{}\"; one of: {}",
                    short(&self.county),
                    known.join(", ")
                ),
            ));
        }
        let first = policy::first_modelled_date();
        if self.date < first {
            errors.push(InputError::new(
                "date".into(),
                format!("{} 早于本计算器收录的最早标准（{first} 起）", self.date),
                format!(
                    "{} is before the earliest standard modelled ({first} on)",
                    self.date
                ),
            ));
        }
        if self.members.is_empty() {
            errors.push(InputError::new(
                "members".into(),
                "请至少填写一位家庭成员".into(),
                "add at least one member".into(),
            ));
        }
        if self.members.len() > MAX_MEMBERS {
            errors.push(InputError::new(
                "members".into(),
                format!("共同生活的成员最多 {MAX_MEMBERS} 人"),
                format!("at most {MAX_MEMBERS} members live together"),
            ));
        }
        let monthly_max = Decimal::from(MAX_MONTHLY_AMOUNT);
        let mut people = Vec::new();
        for (index, member) in self.members.iter().enumerate().take(MAX_MEMBERS) {
            let at = |field: &str| format!("members[{index}].{field}");
            let age = match (member.age, member.birth_date) {
                (Some(_), Some(_)) => {
                    errors.push(InputError::new(
                        at("age"),
                        "请只填年龄或出生日期其中一项".into(),
                        "give the age or the birth date, not both".into(),
                    ));
                    None
                }
                (None, None) => {
                    errors.push(InputError::new(
                        at("age"),
                        "请填写年龄或出生日期".into(),
                        "give the age or the birth date".into(),
                    ));
                    None
                }
                (Some(age), None) => Some(age),
                (None, Some(birth)) => {
                    let age = age_on(birth, self.date);
                    if age.is_none() {
                        errors.push(InputError::new(
                            at("birth_date"),
                            format!("出生日期 {birth} 晚于评估日期"),
                            format!("the birth date {birth} is after the assessment date"),
                        ));
                    }
                    age
                }
            };
            if let Some(age) = age.filter(|age| *age > MAX_AGE) {
                errors.push(InputError::new(
                    at("age"),
                    format!("年龄 {age} 不可能，请检查"),
                    format!("an age of {age} is impossible; please check it"),
                ));
            }
            if let Some(disability) = member.disability {
                if !(1..=4).contains(&disability.grade) {
                    errors.push(InputError::new(
                        at("disability.grade"),
                        format!("残疾等级应为 1 至 4 级，不是 {}", disability.grade),
                        format!("the disability grade is 1 to 4, not {}", disability.grade),
                    ));
                }
            }
            for (income_index, income) in member.incomes.iter().enumerate() {
                let max = match income.per {
                    Period::Month => monthly_max,
                    Period::Year => monthly_max * Decimal::from(12),
                };
                errors.extend(check_amount(
                    at(&format!("incomes[{income_index}].amount")),
                    income.amount.0,
                    max,
                ));
            }
            if let Some(costs) = member.employment_costs {
                errors.extend(check_amount(at("employment_costs"), costs.0, monthly_max));
            }
            let label = if member.name.trim().is_empty() {
                format!("成员{}", index + 1)
            } else {
                member.name.trim().to_string()
            };
            people.push(Person {
                index,
                label,
                age: age.unwrap_or(0),
                member: member.clone(),
            });
        }
        if let Some(current) = self.family.current_dibao_monthly {
            errors.extend(check_amount(
                "family.current_dibao_monthly".into(),
                current.0,
                monthly_max,
            ));
        }
        let mut overrides = BTreeMap::new();
        for (id, value) in &self.caseworker.overrides {
            match self.check_override(id, value.0) {
                Ok(()) => {
                    overrides.insert(id.clone(), value.0);
                }
                Err(error) => errors.push(error),
            }
        }
        for (field, rise) in [
            ("caseworker.cpi_rise", self.caseworker.cpi_rise),
            ("caseworker.food_cpi_rise", self.caseworker.food_cpi_rise),
        ] {
            if let Some(rise) = rise {
                if rise.0.abs() > Decimal::from(100) {
                    errors.push(InputError::new(
                        field.into(),
                        format!("涨幅 {}% 不可能，请检查", rise.0),
                        format!("a rise of {}% is impossible; please check it", rise.0),
                    ));
                }
            }
        }
        let facts = match place {
            Some(place) if errors.is_empty() => Some(Facts {
                place,
                category: self.category,
                date: self.date,
                people,
                family: self.family.clone(),
                tier: self.caseworker.rural_tier,
                overrides,
                cpi_rise: self.caseworker.cpi_rise.map(|rise| rise.0),
                food_cpi_rise: self.caseworker.food_cpi_rise.map(|rise| rise.0),
            }),
            _ => None,
        };
        (facts, errors)
    }

    /// Checks one caseworker override: a parameter that exists, is assumed on the date,
    /// and a value its unit allows.
    fn check_override(&self, id: &str, value: Decimal) -> Result<(), InputError> {
        let field = format!("caseworker.overrides.{}", short(id));
        let none = BTreeMap::new();
        let params = policy::Params::new(self.date, &none);
        let param = policy::param(id).ok_or_else(|| {
            InputError::new(
                field.clone(),
                format!("没有名为 {} 的参数", short(id)),
                format!("there is no parameter named {}", short(id)),
            )
        })?;
        let used = params.get(id).map_err(|_| {
            InputError::new(
                field.clone(),
                format!("参数 {id} 在 {} 不适用", self.date),
                format!("the parameter {id} is not in force on {}", self.date),
            )
        })?;
        if used.basis != policy::Basis::Assumed {
            return Err(InputError::new(
                field,
                format!(
                    "只能替换“假设”的参数；{}（{id}）是{}",
                    param.zh,
                    crate::labels::basis(used.basis).zh
                ),
                format!(
                    "only assumed parameters can be overridden; {} ({id}) is {}",
                    param.en,
                    crate::labels::basis(used.basis).en
                ),
            ));
        }
        let limit = match param.unit {
            policy::Unit::Flag => Some(Decimal::ONE),
            policy::Unit::Months => Some(Decimal::from(36)),
            policy::Unit::WageClass => Some(Decimal::from(3)),
            policy::Unit::Ratio => Some(Decimal::from(10)),
            _ => None,
        };
        if let Some(limit) = limit {
            if value > limit || value.is_sign_negative() {
                return Err(InputError::new(
                    field,
                    format!(
                        "{}（{id}）的取值应在 0 到 {limit} 之间，不是 {value}",
                        param.zh
                    ),
                    format!(
                        "{} ({id}) must be between 0 and {limit}, not {value}",
                        param.en
                    ),
                ));
            }
        }
        if param.unit == policy::Unit::Flag && value != Decimal::ZERO && value != Decimal::ONE {
            return Err(InputError::new(
                field,
                format!("{id} 只能是 0 或 1"),
                format!("{id} is 0 or 1"),
            ));
        }
        let whole = matches!(
            param.unit,
            policy::Unit::WageClass
                | policy::Unit::Months
                | policy::Unit::Age
                | policy::Unit::Count
                | policy::Unit::Grade
        );
        if whole && !value.fract().is_zero() {
            return Err(InputError::new(
                field,
                format!("{id} 应为整数，不是 {value}"),
                format!("{id} is a whole number, not {value}"),
            ));
        }
        if param.unit == policy::Unit::WageClass && value < Decimal::ONE {
            return Err(InputError::new(
                field,
                format!("{id} 只能是 1、2 或 3 类区"),
                format!("{id} is class 1, 2 or 3"),
            ));
        }
        match check_amount(field, value, Decimal::from(MAX_MONTHLY_AMOUNT)) {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

/// At most the first 40 characters of a value typed by someone, for an error message:
/// a message never echoes a whole hostile value.
fn short(text: &str) -> String {
    const LIMIT: usize = 40;
    if text.chars().count() <= LIMIT {
        text.to_string()
    } else {
        let mut shown: String = text.chars().take(LIMIT).collect();
        shown.push('…');
        shown
    }
}

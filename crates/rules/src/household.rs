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
    /// The assessment date: the standards in force on this date apply. Strictly
    /// "YYYY-MM-DD" (see [`parse_date`]).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    #[serde(deserialize_with = "strict_date")]
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
    /// Income of the family as a whole rather than of one member (land farmed together,
    /// a family shop): counted in the dibao household's income, never in one member's
    /// own (a member's own income, which the tekun and single-person tests read, is what
    /// is entered under that member).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incomes: Vec<Income>,
    /// Unavoidable spending the family pays itself each month (刚性支出: treatment,
    /// medicines, care, schooling), in 元; absent when not given. It changes no amount:
    /// where it leaves the family's income below the dibao line, the family is pointed
    /// to special and temporary assistance (汉民发〔2021〕52号 二(五)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rigid_spending_monthly: Option<Money>,
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
    /// The error for a tier chosen on a date before it was set up (tiers D and E date
    /// from 2025-10-01).
    pub(crate) fn not_in_force(self, date: Date) -> InputError {
        InputError::new(
            "caseworker.rural_tier".into(),
            format!("{} 档在 {date} 尚未设立", self.letter()),
            format!("tier {} did not exist on {date}", self.letter()),
        )
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
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict_optional_date"
    )]
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

impl Relation {
    /// Every relation, in the order the site lists them.
    pub const ALL: [Relation; 8] = [
        Relation::Applicant,
        Relation::Spouse,
        Relation::Child,
        Relation::Parent,
        Relation::Grandchild,
        Relation::Grandparent,
        Relation::Sibling,
        Relation::Other,
    ];
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
    /// Every kind, in the order of the disability certificate (and of the site's list).
    pub const ALL: [DisabilityKind; 7] = [
        DisabilityKind::Visual,
        DisabilityKind::Hearing,
        DisabilityKind::Speech,
        DisabilityKind::Physical,
        DisabilityKind::Intellectual,
        DisabilityKind::Mental,
        DisabilityKind::Multiple,
    ];
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

impl Student {
    /// Every answer, in the order the site lists them.
    pub const ALL: [Student; 5] = [
        Student::None,
        Student::Compulsory,
        Student::SeniorHigh,
        Student::SecondaryVocational,
        Student::Higher,
    ];
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

impl IncomeKind {
    /// Every kind, in the order the site lists them.
    pub const ALL: [IncomeKind; 9] = [
        IncomeKind::Wages,
        IncomeKind::Business,
        IncomeKind::Property,
        IncomeKind::Transfer,
        IncomeKind::SupportReceived,
        IncomeKind::ResidentsBasicPension,
        IncomeKind::OldAgeAllowance,
        IncomeKind::MedicalInsurance,
        IncomeKind::Excluded,
    ];
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
/// (，too) allowed. The error is a message in both languages (see [`shape_error`]),
/// quoting at most [`SHOWN_CHARS`] characters of the text.
pub fn parse_amount(text: &str) -> Result<Decimal, String> {
    // Thousands separators and spaces taken out; copied only when there are some.
    let trimmed = text.trim();
    let separator = |c: char| c == ',' || c == '，' || c == ' ';
    let cleaned: std::borrow::Cow<str> = if trimmed.contains(separator) {
        trimmed
            .chars()
            .filter(|c| !separator(*c))
            .collect::<String>()
            .into()
    } else {
        trimmed.into()
    };
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
        return Err(not_an_amount(text));
    }
    cleaned.parse::<Decimal>().map_err(|_| not_an_amount(text))
}

fn not_an_amount(text: &str) -> String {
    let shown = short(text);
    in_both(
        &format!("“{shown}”不是有效的金额：金额写成字符串（如 \"1234.50\"）或整数"),
        &format!(
            "\"{shown}\" is not an amount: write an amount as a string such as \"1234.50\" or a whole number"
        ),
    )
}

/// Parses a date written "YYYY-MM-DD", strictly: four, two and two ASCII digits with a
/// hyphen between them (no sign, no space, no single-digit month), a year from 1900 to
/// 2999, and a day that exists (2026-02-30 does not). The error says which, in Chinese
/// and English, quoting at most [`SHOWN_CHARS`] characters of the text.
pub fn parse_date(text: &str) -> Result<Date, (String, String)> {
    let bytes = text.as_bytes();
    let form = bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, byte)| match at {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if !form {
        let shown = short(text);
        return Err((
            format!("“{shown}”不是 YYYY-MM-DD 形式的日期（四位年、两位月、两位日，如 2026-11-01）"),
            format!(
                "\"{shown}\" is not a date of the form YYYY-MM-DD (four digits for the year, two for the month, two for the day, e.g. 2026-11-01)"
            ),
        ));
    }
    let number = |from: usize, to: usize| {
        bytes[from..to]
            .iter()
            .fold(0u16, |number, byte| number * 10 + u16::from(byte - b'0'))
    };
    let (year, month, day) = (number(0, 4), number(5, 7), number(8, 10));
    if !(1900..=2999).contains(&year) {
        let shown = short(text);
        return Err((
            format!("“{shown}”的年份 {year} 不可能：应在 1900 至 2999 之间"),
            format!("\"{shown}\" has the year {year}, which is impossible: 1900 to 2999"),
        ));
    }
    let month = u8::try_from(month).unwrap_or(u8::MAX);
    if !(1..=12).contains(&month) {
        let shown = short(text);
        return Err((
            format!("“{shown}”的月份 {month:02} 不存在：月份为 01 至 12"),
            format!("\"{shown}\" has the month {month:02}, which does not exist: 01 to 12"),
        ));
    }
    let days = doudi_policy::days_in_month(year, month);
    let day = u8::try_from(day).unwrap_or(u8::MAX);
    if day == 0 || day > days {
        let shown = short(text);
        return Err((
            format!("“{shown}”不是真实的日期：{year} 年 {month} 月只有 {days} 天"),
            format!("\"{shown}\" is not a real date: {year}-{month:02} has {days} days"),
        ));
    }
    Ok(Date::new(year, month, day))
}

/// A date read by [`parse_date`]: how the household's `date` and `birth_date` are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrictDate(pub Date);

impl<'de> Deserialize<'de> for StrictDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<StrictDate, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = StrictDate;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date written \"YYYY-MM-DD\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<StrictDate, E> {
                parse_date(text)
                    .map(StrictDate)
                    .map_err(|(zh, en)| E::custom(in_both(&zh, &en)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

pub(crate) fn strict_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Date, D::Error> {
    StrictDate::deserialize(deserializer).map(|date| date.0)
}

pub(crate) fn strict_optional_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Date>, D::Error> {
    Option::<StrictDate>::deserialize(deserializer).map(|date| date.map(|date| date.0))
}

// ---- Limits ------------------------------------------------------------------------

/// The largest amount of one income we accept, per month (per year: 12 times this).
pub const MAX_MONTHLY_AMOUNT: i64 = 1_000_000;
/// The oldest age we accept.
pub const MAX_AGE: u32 = 120;
/// The most members one household may have.
pub const MAX_MEMBERS: usize = 30;
/// The most incomes one member may have: there are nine kinds, and a second entry of a
/// kind (two jobs, a monthly and a yearly part) is rare; twenty leaves room and keeps a
/// household (and its explanation, which shows each income) of a bounded size.
pub const MAX_INCOMES: usize = 20;
/// The most legal supporters one member may have (parents, children, a spouse,
/// grandparents…): twenty, for the same reason.
pub const MAX_SUPPORTERS: usize = 20;
/// The longest name, disease name or supporter name, in characters: a name or a label
/// ("奶奶", "member 2") is a few characters; the explanation repeats it.
pub const MAX_TEXT_CHARS: usize = 100;
/// The largest household JSON read, in bytes (1 MiB), checked before anything is parsed
/// (the CLI's `doudi assess`, the JS API given text): a household of 30 members with 20
/// incomes each and long names is under 100 KB.
pub const MAX_HOUSEHOLD_BYTES: usize = 1 << 20;
/// How long after the latest dated value in policies/ an assessment date may be, in
/// years: until then a date is assessed with the latest standards (and told so: see
/// [`Household::standards_notice`]); Hanzhong's standards have changed every year or
/// two, so a later date would most likely be assessed with standards no longer in force.
pub const HORIZON_YEARS: u16 = 2;
/// The largest rounding step (`yuan_step`) a caseworker may set, in 元: a larger step
/// rounds small amounts away altogether (a step of 1 000 000 rounds every dibao to 0).
pub const MAX_ROUND_STEP: i64 = 10;
/// The most characters of a value typed by someone that a message quotes.
pub const SHOWN_CHARS: usize = 40;

/// The latest date from which a value in policies/ is in force (a standard, a wage, a
/// list): what a later assessment date uses.
pub fn latest_standard_date() -> Date {
    policy::LATEST_ENTRY
}

/// The last assessment date accepted: the day before the [`HORIZON_YEARS`]th
/// anniversary of [`latest_standard_date`] (2026-01-01 gives 2027-12-31).
pub fn last_assessable_date() -> Date {
    let latest = latest_standard_date();
    let year = latest.year + HORIZON_YEARS;
    let day = latest
        .day
        .min(doudi_policy::days_in_month(year, latest.month));
    if day > 1 {
        Date::new(year, latest.month, day - 1)
    } else if latest.month > 1 {
        let month = latest.month - 1;
        Date::new(year, month, doudi_policy::days_in_month(year, month))
    } else {
        Date::new(year - 1, 12, 31)
    }
}

// ---- Validation --------------------------------------------------------------------

/// How results name a member: the name given (the same in both languages), or
/// "成员2" / "Member 2" when none was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberName {
    pub zh: String,
    pub en: String,
}

impl MemberName {
    /// The family's incomes as a whole, accounted as a person.
    pub(crate) fn family() -> MemberName {
        let (zh, en) = crate::explain::income::family_as_a_whole();
        MemberName {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The member at `index`, with no name given: "成员2", "Member 2".
    pub(crate) fn numbered(index: usize) -> MemberName {
        MemberName {
            zh: format!("成员{}", index + 1),
            en: format!("Member {}", index + 1),
        }
    }

    /// A name given, in either language.
    pub(crate) fn named(name: &str) -> MemberName {
        MemberName {
            zh: name.to_string(),
            en: name.to_string(),
        }
    }
}

/// A member as the rules see it: the member as given, borrowed from the household
/// (owned only where the rules rewrite it: the what-if sweep, the family's own incomes).
#[derive(Clone, Debug)]
pub struct Person<'a> {
    /// The index into the household's members (`usize::MAX` for the family's own
    /// incomes, accounted as a person).
    pub index: usize,
    pub age: u32,
    pub member: std::borrow::Cow<'a, Member>,
}

impl Person<'_> {
    /// How results name this member: written only when words are (an assessment of
    /// figures only names nobody).
    pub fn label(&self) -> MemberName {
        if self.index == usize::MAX {
            return MemberName::family();
        }
        let name = self.member.name.trim();
        if name.is_empty() {
            MemberName::numbered(self.index)
        } else {
            MemberName::named(name)
        }
    }
}

/// A validated household, borrowing the household's members and family.
#[derive(Clone, Debug)]
pub struct Facts<'a> {
    pub place: &'static policy::Place,
    pub category: Category,
    pub date: Date,
    pub people: Vec<Person<'a>>,
    pub family: std::borrow::Cow<'a, Family>,
    pub tier: Option<Tier>,
    pub overrides: BTreeMap<String, Decimal>,
    pub cpi_rise: Option<Decimal>,
    pub food_cpi_rise: Option<Decimal>,
}

/// `field` names the field; it is written only when there is an error to report.
pub(crate) fn check_amount(
    field: impl FnOnce() -> String,
    amount: Decimal,
    max: Decimal,
) -> Option<InputError> {
    if amount.is_sign_negative() && !amount.is_zero() {
        return Some(InputError::new(
            field(),
            format!("金额不能为负数（{amount}）"),
            format!("the amount cannot be negative ({amount})"),
        ));
    }
    if amount > max {
        return Some(InputError::new(
            field(),
            format!("金额 {amount} 过大，请检查（上限 {max}）"),
            format!("the amount {amount} is too large; please check it (at most {max})"),
        ));
    }
    if amount.scale() > 2 && amount.normalize().scale() > 2 {
        return Some(InputError::new(
            field(),
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

/// A text typed by someone (a name, a disease) longer than [`MAX_TEXT_CHARS`].
fn check_text(field: impl FnOnce() -> String, text: &str) -> Option<InputError> {
    let count = text.chars().count();
    (count > MAX_TEXT_CHARS).then(|| {
        let shown = short(text);
        InputError::new(
            field(),
            format!("“{shown}”太长（{count} 个字）：最多 {MAX_TEXT_CHARS} 个字"),
            format!("\"{shown}\" is too long ({count} characters): at most {MAX_TEXT_CHARS}"),
        )
    })
}

/// A percentage for a message: 0.5 → "50%".
fn percent(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::ONE_HUNDRED).normalize())
}

/// The most dibao a household could receive a month on its date, and how it is made
/// up: every member covered at the largest amount per person (the urban standard, or
/// the highest rural tier in force) with the highest top-up (the larger top-up rate ×
/// the monthly standard, rounded as top-ups are).
struct Ceiling {
    members: usize,
    /// The largest dibao per person, before top-ups.
    base: Decimal,
    /// The monthly standard the top-up is a share of.
    standard: Decimal,
    rate: Decimal,
    top_up: Decimal,
    total: Decimal,
}

/// For a date after [`latest_standard_date`], which standards it is assessed with, in
/// Chinese and English ("按 2026-01-01 起执行的标准计算…"): a later change is not known to
/// the calculator. None for an earlier date, whose own values are known. (The CLI says it
/// on stderr, the site under the date, for a date later than today.)
pub fn standards_notice(category: Category, date: Date) -> Option<(String, String)> {
    let latest = latest_standard_date();
    if date <= latest {
        return None;
    }
    let last = last_assessable_date();
    let standard = match category {
        Category::Urban => policy::id::DIBAO_URBAN_STANDARD,
        Category::Rural => policy::id::DIBAO_RURAL_STANDARD,
    };
    let in_force = policy::value_on(standard, date);
    let (dibao_zh, dibao_en) = match in_force {
        Some((value, from)) => (
            format!(
                "（其中{}低保标准 {value} 元自 {from} 起执行）",
                category.zh()
            ),
            format!(
                " (the {} dibao standard, {value} 元, from {from})",
                category.en()
            ),
        ),
        None => (String::new(), String::new()),
    };
    Some((
        format!(
            "{date} 晚于本计算器收录的最新标准：按 {latest} 起执行的标准计算{dibao_zh}；此后如有调整，本计算器尚未收录，以当地民政部门为准（本计算器计算到 {last} 为止）"
        ),
        format!(
            "{date} is after the latest standards this calculator holds: it is assessed with the standards in force from {latest}{dibao_en}; a later change is not included, and the local civil-affairs office has the final word (dates up to {last} are assessed)"
        ),
    ))
}

/// A parameter's value in force on a date (none before its first value, or where it is
/// not in force), without the record a rule's lookup builds: for the checks, which
/// explain nothing.
fn value_on(id: policy::ParamId, date: Date) -> Option<Decimal> {
    policy::value_on(id, date).map(|(value, _)| value)
}

/// The dibao standard of a category a month on a date (rural: the yearly standard / 12).
fn monthly_standard(category: Category, date: Date) -> Option<Decimal> {
    match category {
        Category::Urban => value_on(policy::id::DIBAO_URBAN_STANDARD, date),
        Category::Rural => {
            value_on(policy::id::DIBAO_RURAL_STANDARD, date).map(|year| year / Decimal::from(12))
        }
    }
}

impl Household {
    fn dibao_ceiling(&self) -> Option<Ceiling> {
        let value = |id: policy::ParamId| value_on(id, self.date);
        let standard = monthly_standard(self.category, self.date)?;
        let base = match self.category {
            Category::Urban => standard,
            Category::Rural => Tier::ALL
                .iter()
                .filter_map(|tier| value(tier.param()))
                .fold(standard, Decimal::max),
        };
        let rate =
            value(policy::id::TOPUP_ELDERLY_MINOR_RATE)?.max(value(policy::id::TOPUP_SEVERE_RATE)?);
        let top_up =
            crate::rounding::half_up_to_step(standard * rate, value(policy::id::TOPUP_ROUND_STEP)?);
        let members = self.members.len();
        Some(Ceiling {
            members,
            base,
            standard,
            rate,
            top_up,
            total: (base + top_up) * Decimal::from(members),
        })
    }

    /// For a date after [`latest_standard_date`], which standards it is assessed with,
    /// in Chinese and English ("按 2026-01-01 起执行的标准计算…"): a later change is not
    /// known to the calculator. None for an earlier date, whose own values are known.
    pub fn standards_notice(&self) -> Option<(String, String)> {
        standards_notice(self.category, self.date)
    }

    /// Checks the household and turns it into facts; the first error, if any. See
    /// [`Household::check`] for every error at once.
    pub fn validate(&self) -> Result<Facts<'_>, InputError> {
        self.validate_under(None)
    }

    /// [`Household::validate`] under a reform (reform.rs), whose values the checks read
    /// where they read policy's: a tier the reform brings in exists on the date.
    pub fn validate_under(
        &self,
        reform: Option<&crate::reform::Reform>,
    ) -> Result<Facts<'_>, InputError> {
        let (facts, mut errors) = self.check_under(reform);
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
    /// (as a JSON path) in Chinese and English, in the order of the fields. Past a limit
    /// (members, incomes, supporters) the extra entries are not checked one by one.
    pub fn check(&self) -> (Option<Facts<'_>>, Vec<InputError>) {
        self.check_under(None)
    }

    /// [`Household::check`] under a reform.
    pub fn check_under(
        &self,
        reform: Option<&crate::reform::Reform>,
    ) -> (Option<Facts<'_>>, Vec<InputError>) {
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
        let last = last_assessable_date();
        if self.date > last {
            let latest = latest_standard_date();
            errors.push(InputError::new(
                "date".into(),
                format!(
                    "评估日期 {} 太晚：本计算器收录的最新标准自 {latest} 起执行，此后 {HORIZON_YEARS} 年内（到 {last} 为止）的日期按它计算；更晚的标准尚未公布，无法计算",
                    self.date
                ),
                format!(
                    "the assessment date {} is too late: the latest standards this calculator holds are in force from {latest}, and dates within {HORIZON_YEARS} years of that (up to {last}) are assessed with them; later standards are not published yet",
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
                format!(
                    "共同生活的成员最多 {MAX_MEMBERS} 人，这里有 {} 人",
                    self.members.len()
                ),
                format!(
                    "at most {MAX_MEMBERS} members live together; there are {} here",
                    self.members.len()
                ),
            ));
        }
        let monthly_max = Decimal::from(MAX_MONTHLY_AMOUNT);
        let mut people = Vec::with_capacity(self.members.len().min(MAX_MEMBERS));
        for (index, member) in self.members.iter().enumerate().take(MAX_MEMBERS) {
            let at = |field: &str| format!("members[{index}].{field}");
            errors.extend(check_text(|| at("name"), &member.name));
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
            if let Some(illness) = &member.serious_illness {
                errors.extend(check_text(|| at("serious_illness"), illness));
            }
            if member.incomes.len() > MAX_INCOMES {
                let count = member.incomes.len();
                errors.push(InputError::new(
                    at("incomes"),
                    format!("每位成员最多填 {MAX_INCOMES} 项收入，这里有 {count} 项：同一类的收入请合并为一项"),
                    format!(
                        "at most {MAX_INCOMES} incomes per member; this member has {count}: add up incomes of one kind into one"
                    ),
                ));
            }
            for (income_index, income) in member.incomes.iter().enumerate().take(MAX_INCOMES) {
                let max = match income.per {
                    Period::Month => monthly_max,
                    Period::Year => monthly_max * Decimal::from(12),
                };
                errors.extend(check_amount(
                    || at(&format!("incomes[{income_index}].amount")),
                    income.amount.0,
                    max,
                ));
            }
            if let Some(costs) = member.employment_costs {
                errors.extend(check_amount(
                    || at("employment_costs"),
                    costs.0,
                    monthly_max,
                ));
            }
            if let Some(supporters) = &member.supporters {
                if supporters.len() > MAX_SUPPORTERS {
                    let count = supporters.len();
                    errors.push(InputError::new(
                        at("supporters"),
                        format!("每位成员最多填 {MAX_SUPPORTERS} 位法定义务人，这里有 {count} 位"),
                        format!(
                            "at most {MAX_SUPPORTERS} legal supporters per member; this member has {count}"
                        ),
                    ));
                }
                for (supporter_index, supporter) in
                    supporters.iter().enumerate().take(MAX_SUPPORTERS)
                {
                    errors.extend(check_text(
                        || at(&format!("supporters[{supporter_index}].name")),
                        &supporter.name,
                    ));
                }
            }
            people.push(Person {
                index,
                age: age.unwrap_or(0),
                member: std::borrow::Cow::Borrowed(member),
            });
        }
        if self.family.incomes.len() > MAX_INCOMES {
            let count = self.family.incomes.len();
            errors.push(InputError::new(
                "family.incomes".into(),
                format!("全家共同的收入最多填 {MAX_INCOMES} 项，这里有 {count} 项：同一类的收入请合并为一项"),
                format!(
                    "at most {MAX_INCOMES} incomes of the family as a whole; there are {count}: add up incomes of one kind into one"
                ),
            ));
        }
        for (income_index, income) in self.family.incomes.iter().enumerate().take(MAX_INCOMES) {
            let max = match income.per {
                Period::Month => monthly_max,
                Period::Year => monthly_max * Decimal::from(12),
            };
            errors.extend(check_amount(
                || format!("family.incomes[{income_index}].amount"),
                income.amount.0,
                max,
            ));
        }
        if let Some(spending) = self.family.rigid_spending_monthly {
            errors.extend(check_amount(
                || "family.rigid_spending_monthly".into(),
                spending.0,
                monthly_max,
            ));
        }
        if let Some(current) = self.family.current_dibao_monthly {
            let field = "family.current_dibao_monthly";
            match check_amount(|| field.into(), current.0, monthly_max) {
                Some(error) => errors.push(error),
                None => errors.extend(self.check_current_dibao(current.0)),
            }
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
        // A chosen tier must exist on the date, whether or not this household's income
        // reaches the part of the rules that uses it (what-if sweeps income down to 0).
        if let Some(tier) = self.caseworker.rural_tier {
            let dated = first <= self.date && self.date <= last;
            let reformed =
                reform.is_some_and(|reform| reform.value_on(tier.param(), self.date).is_some());
            if self.category == Category::Rural
                && dated
                && value_on(tier.param(), self.date).is_none()
                && !reformed
            {
                errors.push(tier.not_in_force(self.date));
            }
        }
        let facts = match place {
            Some(place) if errors.is_empty() => Some(Facts {
                place,
                category: self.category,
                date: self.date,
                people,
                family: std::borrow::Cow::Borrowed(&self.family),
                tier: self.caseworker.rural_tier,
                overrides,
                cpi_rise: self.caseworker.cpi_rise.map(|rise| rise.0),
                food_cpi_rise: self.caseworker.food_cpi_rise.map(|rise| rise.0),
            }),
            _ => None,
        };
        (facts, errors)
    }

    /// The dibao a family receives now is at most what it could receive on the date
    /// (see [`Ceiling`]); a larger figure is a typing slip (a digit too many, a year's
    /// sum), and would carry over into gradual exit as it stands.
    fn check_current_dibao(&self, current: Decimal) -> Option<InputError> {
        let ceiling = self.dibao_ceiling()?;
        if current <= ceiling.total {
            return None;
        }
        let Ceiling {
            members,
            base,
            standard,
            rate,
            top_up,
            total,
        } = ceiling;
        let standard = crate::rounding::for_display(standard);
        let rate = percent(rate);
        let (kind_zh, kind_en) = match self.category {
            Category::Urban => ("城市低保标准", "the urban dibao standard"),
            Category::Rural => ("农村低保最高档", "the highest rural tier"),
        };
        Some(InputError::new(
            "family.current_dibao_monthly".into(),
            format!(
                "现在每月领取的低保金 {current} 元超过了这户最多可能领取的 {total} 元：{members} 人 ×（{kind_zh} {base} 元 + 最高分类施保增发 {top_up} 元，即 {standard} 元的 {rate}）= {total} 元；请检查金额（是否多输了一位，或填成了全年的金额）"
            ),
            format!(
                "the dibao received now, {current} 元 a month, is more than this household could receive: {members} members × ({kind_en}, {base} 元, + the highest top-up, {top_up} 元, {rate} of {standard} 元) = {total} 元; please check the amount (a digit too many, or a year's sum?)"
            ),
        ))
    }

    /// Checks one caseworker override: a parameter that exists, is assumed on the date,
    /// and a value inside the range of [`Household::override_range`].
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
        let range = self.override_range(param.unit);
        if value < range.low || value > range.high || value.is_sign_negative() {
            let (low, high) = (range.low, range.high);
            return Err(InputError::new(
                field,
                format!(
                    "{}（{id}）的取值应在 {low} 到 {high} 之间，不是 {value}（{}）",
                    param.zh, range.zh
                ),
                format!(
                    "{} ({id}) must be between {low} and {high}, not {value} ({})",
                    param.en, range.en
                ),
            ));
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
        match check_amount(|| field, value, Decimal::from(MAX_MONTHLY_AMOUNT)) {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// The values a caseworker may give an assumed parameter of this unit on the
    /// household's date, and why: ranges that keep the result meaningful.
    pub fn override_range(&self, unit: policy::Unit) -> OverrideRange {
        use policy::Unit;
        let whole = |low: i64, high: i64, zh: &str, en: &str| OverrideRange {
            low: Decimal::from(low),
            high: Decimal::from(high),
            zh: zh.to_string(),
            en: en.to_string(),
        };
        match unit {
            Unit::Flag => whole(0, 1, "1 表示是，0 表示否", "1 means yes, 0 means no"),
            Unit::WageClass => {
                // The classes whose wage policies/ records on the date (Shaanxi has
                // classes 1 to 3; Hanzhong's counties are in 2 and 3, and class 1's wage
                // is not recorded): another class would leave the care amount without a
                // wage.
                let recorded: Vec<i64> = (1..=3_i64)
                    .filter(|class| {
                        usize::try_from(*class)
                            .ok()
                            .and_then(|class| policy::by_class::MIN_WAGE_CLASS[class])
                            .is_some_and(|id| value_on(id, self.date).is_some())
                    })
                    .collect();
                let names = |zh: bool| -> Vec<String> {
                    recorded
                        .iter()
                        .map(|class| {
                            if zh {
                                ["", "一", "二", "三"][usize::try_from(*class).unwrap_or(0)]
                                    .to_string()
                            } else {
                                class.to_string()
                            }
                        })
                        .collect()
                };
                OverrideRange {
                    low: Decimal::from(recorded.first().copied().unwrap_or(2)),
                    high: Decimal::from(recorded.last().copied().unwrap_or(3)),
                    zh: format!(
                        "本计算器收录的是陕西最低工资{}类区的标准，汉中各县区都在其中",
                        names(true).join("、")
                    ),
                    en: format!(
                        "the calculator records Shaanxi's minimum wage for classes {}, where every Hanzhong county is",
                        names(false).join(" and ")
                    ),
                }
            }
            Unit::Months => whole(1, 36, "期限以月计，1 至 36 个月", "a period of 1 to 36 months"),
            Unit::Ratio => whole(0, 1, "比例在 0 到 1 之间（0% 至 100%）", "a share is from 0 to 1 (0% to 100%)"),
            Unit::Percent => whole(0, 100, "百分数在 0 到 100 之间", "a percentage is from 0 to 100"),
            Unit::Age => whole(0, i64::from(MAX_AGE), "年龄在 0 到 120 岁之间", "an age is from 0 to 120"),
            Unit::Grade => whole(1, 4, "残疾等级为 1 至 4 级", "disability grades are 1 to 4"),
            Unit::Count => whole(0, 6, "自理能力评估共 6 项", "the self-care assessment has 6 items"),
            Unit::YuanStep => OverrideRange {
                low: Decimal::new(1, 2),
                high: Decimal::from(MAX_ROUND_STEP),
                zh: format!("取整单位在 0.01 元（分）到 {MAX_ROUND_STEP} 元之间：更大的单位会把小额的救助整个抹去"),
                en: format!("a rounding step is from 0.01 元 (a fen) to {MAX_ROUND_STEP} 元: a larger step rounds small amounts away altogether"),
            },
            Unit::YuanPersonMonth | Unit::YuanMonth | Unit::YuanPersonYear => {
                let standard = monthly_standard(self.category, self.date)
                    .map(crate::rounding::for_display)
                    .unwrap_or(Decimal::ZERO);
                let (high, per_zh, per_en) = if unit == Unit::YuanPersonYear {
                    (standard * Decimal::from(12), "每年", "a year")
                } else {
                    (standard, "每月", "a month")
                };
                let (kind_zh, kind_en) = (self.category.zh(), self.category.en());
                OverrideRange {
                    low: Decimal::ZERO,
                    high,
                    zh: format!("一项假设的金额不超过{per_zh}的{kind_zh}低保标准（{high} 元）：更大的数会盖过它所调整的救助本身"),
                    en: format!("an assumed amount is at most the {kind_en} dibao standard {per_en} ({high} 元): more would outweigh the support it adjusts"),
                }
            }
        }
    }
}

/// What an override of an assumed parameter may be: from `low` to `high`, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverrideRange {
    pub low: Decimal,
    pub high: Decimal,
    pub zh: String,
    pub en: String,
}

/// At most the first [`SHOWN_CHARS`] characters of a value typed by someone, for an
/// error message: a message never echoes a whole hostile value, and control and
/// direction-changing characters are shown escaped (`\u{1b}`), never acted on by a
/// terminal or a page.
pub fn short(text: &str) -> String {
    let mut shown = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == SHOWN_CHARS {
            shown.push('…');
            break;
        }
        let hidden = c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}');
        if hidden {
            shown.extend(c.escape_unicode());
        } else {
            shown.push(c);
        }
    }
    shown
}

// ---- Errors in the shape of the input ----------------------------------------------

/// Household JSON above [`MAX_HOUSEHOLD_BYTES`] (its size in bytes, when known): refused
/// before it is read.
pub fn too_large(size: Option<u64>) -> InputError {
    let (zh_size, en_size) = match size {
        Some(size) => (format!("{size} 字节"), format!("{size} bytes")),
        None => ("超过 1 MB".to_string(), "over 1 MB".to_string()),
    };
    InputError::new(
        "input".into(),
        format!(
            "内容太大（{zh_size}）：一户的 JSON 最多 1 MB（{MAX_HOUSEHOLD_BYTES} 字节），通常只有几 KB；请检查是否选错了文件"
        ),
        format!(
            "the input is too large ({en_size}): a household's JSON is at most 1 MB ({MAX_HOUSEHOLD_BYTES} bytes), and usually a few KB; check that this is the right file"
        ),
    )
}

/// Household JSON that is empty (or only white space).
pub fn empty_input() -> InputError {
    InputError::new(
        "input".into(),
        "内容是空的：请给出一户的 JSON（见 docs/household-format.md）".into(),
        "the input is empty: give a household as JSON (see docs/household-format.md)".into(),
    )
}

/// Separates the Chinese and English halves of a message carried through serde's
/// one-string errors ([`parse_amount`], [`parse_date`]); [`shape_error`] splits them
/// again. A control character, so that it never comes from a quoted value ([`short`]
/// escapes those).
const HALVES: char = '\u{1f}';

/// A message in both languages, carried through serde's one-string errors: what
/// [`shape_error`] splits again.
pub fn in_both(zh: &str, en: &str) -> String {
    format!("{HALVES}{zh}{HALVES}{en}")
}

/// An error a JSON reader gave (serde_json's, or serde's own messages through
/// serde_wasm_bindgen) at a path ("members[0].age"; "" for the whole input), as a
/// sentence in Chinese and English at the field: what the field should be and what it
/// was, quoting at most [`SHOWN_CHARS`] characters of any value. Never serde's raw
/// words ("invalid type: …, expected u32").
pub fn shape_error(path: &str, message: &str) -> InputError {
    let (message, position) = split_position(message);
    let field = field_of(path);
    let at = |name: &str| join_field(&field, name);
    let (zh_at, en_at) = match position {
        Some((line, column)) => (
            format!("（第 {line} 行第 {column} 列）"),
            format!(" at line {line}, column {column}"),
        ),
        None => (String::new(), String::new()),
    };
    // Only a message that starts with the mark is ours: serde's own start with its words,
    // and a name from the input (which may hold the mark) comes after them.
    if let Some((zh, en)) = message
        .strip_prefix(HALVES)
        .and_then(|ours| ours.split_once(HALVES))
    {
        return InputError::new(field, zh.into(), en.into());
    }
    // serde reads an object also from a list of its fields in order: an error inside
    // such a list is about the object given as a list.
    if let Some(object) = object_given_as_list(&field) {
        let (expected_zh, expected_en) =
            expected_at(&object).unwrap_or_else(|| ("对象 {…}".into(), "an object {…}".into()));
        return InputError::new(
            object,
            format!("应为{}，不能是列表 […]", spaced(&expected_zh)),
            format!("must be {expected_en}, not a list […]"),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        // serde writes "unknown field `NAME`, expected one of `a`, `b`" (or "…`NAME`,
        // there are no fields"). NAME is the input's and may hold backticks and those very
        // words, so it ends where serde's own tail begins, the last such tail; the names
        // listed there are declared fields, and only identifiers are taken from it.
        let (raw, rest) = input_name_and_tail(rest, "`, there are no fields");
        let name = short(raw);
        let known = declared_names_in(rest);
        let (zh_known, en_known) = if known.is_empty() {
            (String::new(), String::new())
        } else {
            (
                format!("；这里可用的字段：{}", known.join("、")),
                format!("; the fields here are: {}", known.join(", ")),
            )
        };
        // The path names the field by the input's own name: quoted no longer than the
        // message quotes it.
        let field = match field.strip_suffix(raw) {
            Some(parent) => format!("{parent}{name}"),
            None => at(&name),
        };
        return InputError::new(
            field,
            format!("未知的字段“{name}”{zh_known}"),
            format!("unknown field \"{name}\"{en_known}"),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = short(rest.split('`').next().unwrap_or(rest));
        return InputError::new(
            at(&name),
            format!("缺少必填的字段“{name}”"),
            format!("the field \"{name}\" is required"),
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        let name = short(rest.split('`').next().unwrap_or(rest));
        let field = if field.ends_with(&name) {
            field.clone()
        } else {
            at(&name)
        };
        return InputError::new(
            field,
            format!("字段“{name}”写了两次：每个字段只能写一次"),
            format!("the field \"{name}\" is given twice: give each field once"),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        // serde writes "unknown variant `VALUE`, expected one of `a`, `b`" (or "…`VALUE`,
        // expected `a` or `b`", "…`VALUE`, there are no variants"). VALUE is the input's,
        // as with an unknown field's name above.
        let (value, rest) = input_name_and_tail(rest, "`, there are no variants");
        let value = short(value);
        let known = declared_names_in(rest);
        return InputError::new(
            field,
            format!("“{value}”不是可用的取值；可选：{}", known.join("、")),
            format!("\"{value}\" is not one of: {}", known.join(", ")),
        );
    }
    let wrong = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some(rest) = wrong {
        // The last ", expected " (searching forwards: the site's wasm has no backward
        // string search).
        let (given, expected) = match rest.match_indices(", expected ").last() {
            Some((at, _)) => (&rest[..at], &rest[at + 11..]),
            None => (rest, ""),
        };
        let (given_zh, given_en) = describe_given(given);
        let amount = is_amount_field(&field);
        if amount && given.starts_with("floating point") {
            let number = short(given.split('`').nth(1).unwrap_or(""));
            return InputError::new(
                field,
                format!("带小数的金额要加引号：写成 \"{number}\"，不要写成 {number}（JSON 数字在多数工具里要经过二进制浮点，会丢失位数）"),
                format!("an amount with a fraction must be quoted: write \"{number}\", not {number} (JSON numbers pass through binary floating point in most tools and lose digits)"),
            );
        }
        let (expected_zh, expected_en) =
            expected_at(&field).unwrap_or_else(|| describe_expected(expected));
        return InputError::new(
            field,
            format!("应为{}，不能是{given_zh}", spaced(&expected_zh)),
            format!("must be {expected_en}, not {given_en}"),
        );
    }
    // serde_json says only "expected value" for a number or a list where one of the
    // names of an enum should be.
    if message == "expected value" && field != "input" {
        if let Some((expected_zh, expected_en)) = expected_at(&field) {
            return InputError::new(
                field,
                format!("应为{}{zh_at}", spaced(&expected_zh)),
                format!("must be {expected_en}{en_at}"),
            );
        }
    }
    let syntax = SYNTAX
        .iter()
        .find(|(start, _, _)| message.starts_with(start))
        .map(|(_, zh, en)| (zh.replace("{at}", &zh_at), en.replace("{at}", &en_at)))
        .or_else(|| {
            let rest = message.strip_prefix("expected ")?;
            let wanted = backticked(rest);
            let wanted = if wanted.is_empty() {
                short(rest)
            } else {
                wanted.join(" / ")
            };
            Some((
                format!("JSON 的写法有误{zh_at}：这里应为 {wanted}"),
                format!("the JSON is malformed{en_at}: {wanted} expected"),
            ))
        });
    let (zh, en) = syntax.unwrap_or_else(|| {
        let shown = short(message);
        (
            format!("格式有误{zh_at}：{shown}"),
            format!("malformed{en_at}: {shown}"),
        )
    });
    InputError::new(field, zh, en)
}

/// Splits serde's "NAME`, expected …" (after its opening "… `") into the input's NAME
/// and serde's tail. NAME may hold backticks and serde's very words, so it ends where
/// the last such tail begins (`", expected"`, or `none`, serde's words for an empty list).
fn input_name_and_tail<'a>(rest: &'a str, none: &str) -> (&'a str, &'a str) {
    let end = rest
        .rfind("`, expected")
        .or_else(|| rest.rfind(none))
        .unwrap_or(rest.len());
    let (name, tail) = rest.split_at(end);
    (name, tail.strip_prefix('`').unwrap_or(tail))
}

/// The names serde lists in its tail as declared (fields or values): only identifiers
/// are taken, so a piece of the input's own name never passes as one.
fn declared_names_in(tail: &str) -> Vec<String> {
    backticked(tail)
        .into_iter()
        .filter(|known| {
            !known.is_empty() && known.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect()
}

/// serde_json's syntax errors (by how their message starts), in sentences; `{at}` is
/// where ("（第 1 行第 83 列）", " at line 1, column 83").
const SYNTAX: &[(&str, &str, &str)] = &[
    (
        "EOF while parsing",
        "JSON 不完整，提前结束了{at}：是否少了右括号、右方括号或引号？",
        "the JSON is incomplete: it ends early{at} (a closing brace, bracket or quote missing?)",
    ),
    (
        "trailing characters",
        "这户的 JSON 结束后还有多余的内容{at}：一个文件只写一户，且只写一次",
        "there is more after the household's JSON{at}: a file holds one household, once",
    ),
    (
        "trailing comma",
        "有多余的逗号{at}：最后一项之后不加逗号",
        "a comma with nothing after it{at}: no comma after the last item",
    ),
    (
        "expected value",
        "这里应有一个值{at}：字符串、数字、true、false、null、对象或列表",
        "a value is expected{at}: a string, a number, true, false, null, an object or a list",
    ),
    (
        "key must be a string",
        "字段名要加双引号{at}，如 \"age\"",
        "a field name must be in double quotes{at}, such as \"age\"",
    ),
    (
        "control character",
        "字符串中不能直接换行或有其他控制字符{at}：换行写成 \\n",
        "a string cannot hold a line break or other control character as it is{at}: write a line break as \\n",
    ),
    (
        "invalid escape",
        "字符串中的转义（\\ 开头）写法有误{at}",
        "an escape (starting with \\) in a string is badly written{at}",
    ),
    (
        "invalid unicode code point",
        "字符串中的转义（\\ 开头）写法有误{at}",
        "an escape (starting with \\) in a string is badly written{at}",
    ),
    (
        "lone leading surrogate",
        "字符串中的转义（\\ 开头）写法有误{at}",
        "an escape (starting with \\) in a string is badly written{at}",
    ),
    (
        "unexpected end of hex escape",
        "字符串中的转义（\\ 开头）写法有误{at}",
        "an escape (starting with \\) in a string is badly written{at}",
    ),
    (
        "invalid number",
        "数字无效或超出范围{at}",
        "a number is not valid or out of range{at}",
    ),
    (
        "number out of range",
        "数字无效或超出范围{at}",
        "a number is not valid or out of range{at}",
    ),
    (
        "recursion limit exceeded",
        "嵌套的层数太多{at}",
        "too deeply nested{at}",
    ),
];

/// Words after a Chinese verb: a space before Latin letters or digits.
fn spaced(words: &str) -> String {
    if words.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '"') {
        format!(" {words}")
    } else {
        words.to_string()
    }
}

/// A message without serde_json's " at line 3 column 7", and that position.
fn split_position(message: &str) -> (&str, Option<(u64, u64)>) {
    if let Some((at, _)) = message.match_indices(" at line ").last() {
        let (text, place) = (&message[..at], &message[at + 9..]);
        if let Some((line, column)) = place.split_once(" column ") {
            if let (Ok(line), Ok(column)) = (line.parse(), column.parse()) {
                return (text, Some((line, column)));
            }
        }
    }
    (message, None)
}

/// A reader's path as a field: "" (or serde_path_to_error's "." and "?" for what it
/// could not name) is the whole input.
fn field_of(path: &str) -> String {
    let mut path = path.trim_matches('.');
    while let Some(rest) = path.strip_suffix(".?").or_else(|| path.strip_suffix('?')) {
        path = rest.trim_end_matches('.');
    }
    if path.is_empty() {
        "input".to_string()
    } else {
        path.to_string()
    }
}

/// For a path through a list where an object belongs ("members[0][0]", "[1]"), the
/// object's field ("members[0]", "input"). Only members, incomes and supporters are
/// lists.
fn object_given_as_list(field: &str) -> Option<String> {
    let mut at = 0;
    for segment in field.split('.') {
        let name_end = segment.find('[').unwrap_or(segment.len());
        let name = &segment[..name_end];
        let mut indices = segment[name_end..].match_indices('[');
        if let Some((first, _)) = indices.next() {
            let list = matches!(name, "members" | "incomes" | "supporters");
            let wrong = if list {
                indices.next().map(|(second, _)| second)
            } else {
                Some(first)
            };
            if let Some(wrong) = wrong {
                let object = &field[..at + name_end + wrong];
                return Some(if object.is_empty() || object == "input" {
                    "input".to_string()
                } else {
                    object.to_string()
                });
            }
        }
        at += segment.len() + 1;
    }
    None
}

fn join_field(field: &str, name: &str) -> String {
    if field == "input" {
        name.to_string()
    } else {
        format!("{field}.{name}")
    }
}

/// The `names` between backticks in a serde message, each shortened.
fn backticked(text: &str) -> Vec<String> {
    text.split('`').skip(1).step_by(2).map(short).collect()
}

/// Whether a field holds an amount of money (or a rate written as one).
fn is_amount_field(field: &str) -> bool {
    last_segment(field) == "amount"
        || field.starts_with("caseworker.overrides.")
        || crate::fields::of_path(field)
            .is_some_and(|fact| fact.kind == crate::fields::Kind::Amount)
}

/// The last name of a field path, without an index: "members[0].incomes[1]" → "incomes".
fn last_segment(field: &str) -> &str {
    // Forwards: the site's wasm carries no backward search.
    let last = field.split('.').fold(field, |_, segment| segment);
    last.split('[').next().unwrap_or(last)
}

/// What a value serde found is, in words: "integer `5`" → "the number 5".
fn describe_given(given: &str) -> (String, String) {
    let quoted = |rest: &str| short(rest.split('`').nth(1).unwrap_or(rest));
    if let Some(rest) = given.strip_prefix("string ") {
        let text = short(rest.trim_matches('"'));
        (format!("文字“{text}”"), format!("the text \"{text}\""))
    } else if given.starts_with("integer") || given.starts_with("floating point") {
        // A JavaScript number is a float: 42 comes as "42.0".
        let number = quoted(given);
        let number = number
            .strip_suffix(".0")
            .map_or(number.clone(), str::to_string);
        (format!("数字 {number}"), format!("the number {number}"))
    } else if given.starts_with("boolean") {
        let value = quoted(given);
        (value.clone(), value)
    } else if given == "null" || given == "unit value" || given == "Option value" {
        ("空值 null".into(), "null".into())
    } else if given == "map" || given.starts_with("JsValue(Object(") {
        // serde_wasm_bindgen names a JS value it has no word for as "JsValue(…)".
        ("对象 {…}".into(), "an object {…}".into())
    } else if given.starts_with("JsValue(") {
        (
            "另一种 JavaScript 值".into(),
            "another kind of JavaScript value".into(),
        )
    } else if given == "sequence" {
        ("列表 […]".into(), "a list […]".into())
    } else {
        let shown = short(given);
        (shown.clone(), shown)
    }
}

/// What serde expected, in words, when the field does not say.
fn describe_expected(expected: &str) -> (String, String) {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => {
            ("不小于 0 的整数".into(), "a whole number, 0 or more".into())
        }
        "a boolean" => ("true 或 false".into(), "true or false".into()),
        "a string" => ("文字（字符串）".into(), "text (a string)".into()),
        "a sequence" => ("列表 […]".into(), "a list […]".into()),
        "a map" => ("对象 {…}".into(), "an object {…}".into()),
        _ if expected.starts_with("struct ") => ("对象 {…}".into(), "an object {…}".into()),
        _ => {
            let shown = short(expected);
            (shown.clone(), shown)
        }
    }
}

/// The names a serde type declares: a struct's fields or an enum's values, in the order
/// declared (`[]` for anything else). Read by a deserializer that only notes the names
/// the type asks for and reads nothing, so that no second copy of the type's reading is
/// compiled in (the site's wasm counts every byte).
pub fn declared_names<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(NamesProbe) {
        Ok(_) => &[],
        Err(Names(names)) => names,
    }
}

struct NamesProbe;

#[derive(Debug)]
struct Names(&'static [&'static str]);

impl std::fmt::Display for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join(", "))
    }
}

impl std::error::Error for Names {}

impl serde::de::Error for Names {
    fn custom<T: std::fmt::Display>(_: T) -> Names {
        Names(&[])
    }
}

impl<'de> serde::Deserializer<'de> for NamesProbe {
    type Error = Names;
    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Names> {
        Err(Names(&[]))
    }
    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Names> {
        Err(Names(fields))
    }
    fn deserialize_enum<V: serde::de::Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Names> {
        Err(Names(variants))
    }
    // Written out rather than forwarded by the macro below, whose list would name the
    // float types (tests/no_floats.rs keeps the rules free of them).
    fn deserialize_f32<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Names> {
        self.deserialize_any(visitor)
    }
    fn deserialize_f64<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Names> {
        self.deserialize_any(visitor)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map identifier
        ignored_any
    }
}

/// What a field holds, by its last name ("members[]": an item of the list), in words.
const EXPECTED: &[(&str, &str, &str)] = &[
    (
        "input",
        "一户的 JSON 对象 {…}",
        "a household as a JSON object {…}",
    ),
    (
        "members[]",
        "一位成员的对象 {…}",
        "an object {…} for one member",
    ),
    (
        "incomes[]",
        "一项收入的对象 {\"kind\": …, \"amount\": …}",
        "an object {\"kind\": …, \"amount\": …} for one income",
    ),
    (
        "supporters[]",
        "一位义务人的对象 {\"situation\": …}",
        "an object {\"situation\": …} for one supporter",
    ),
    ("members", "列表 […]", "a list […]"),
    ("incomes", "列表 […]", "a list […]"),
    ("supporters", "列表 […]", "a list […]"),
    ("family", "对象 {…}", "an object {…}"),
    ("caseworker", "对象 {…}", "an object {…}"),
    ("disability", "对象 {…}", "an object {…}"),
    ("self_care", "对象 {…}", "an object {…}"),
    ("overrides", "对象 {…}", "an object {…}"),
    (
        "county",
        "县区编号，如 \"hantai\"",
        "a county id such as \"hantai\"",
    ),
    (
        "date",
        "YYYY-MM-DD 形式的日期，写成字符串（如 \"2026-11-01\"）",
        "a date written as a string \"YYYY-MM-DD\" (e.g. \"2026-11-01\")",
    ),
    (
        "birth_date",
        "YYYY-MM-DD 形式的日期，写成字符串（如 \"2026-11-01\"）",
        "a date written as a string \"YYYY-MM-DD\" (e.g. \"2026-11-01\")",
    ),
    (
        "age",
        "0 至 120 的整数（岁）",
        "a whole number of years from 0 to 120",
    ),
    ("grade", "1 至 4 的整数", "a whole number from 1 to 4"),
    ("name", "文字（字符串）", "text (a string)"),
    ("serious_illness", "文字（字符串）", "text (a string)"),
    (
        "amount",
        "金额，写成字符串（如 \"1234.50\"）或整数",
        "an amount, as a string such as \"1234.50\" or a whole number",
    ),
    (
        "cpi_rise",
        "涨幅的百分数，写成字符串（如 \"3.6\"）或整数",
        "a rise in percent, as a string such as \"3.6\" or a whole number",
    ),
    ("true_or_false", "true 或 false", "true or false"),
];

/// What a field of the household should hold, by its name, in words.
fn expected_at(field: &str) -> Option<(String, String)> {
    let last = last_segment(field);
    let parent = match field.match_indices('.').fold(None, |_, dot| Some(dot)) {
        Some((at, _)) => last_segment(&field[..at]),
        None => "",
    };
    // A fact of the field table that is a choice names its choices; the entries of lists
    // (an income's kind and period, a supporter's situation) are not rows of their own.
    let fact = crate::fields::of_path(field);
    let names: Option<&[&str]> = match (fact.map(|fact| fact.kind), last) {
        (Some(crate::fields::Kind::Choice(names)), _) => Some(names),
        (_, "per") => Some(declared_names::<Period>()),
        (_, "situation") => Some(declared_names::<SupporterSituation>()),
        (_, "kind") if parent != "disability" => Some(declared_names::<IncomeKind>()),
        _ => None,
    };
    if let Some(names) = names {
        return Some((
            format!("以下之一：{}", names.join("、")),
            format!("one of: {}", names.join(", ")),
        ));
    }
    let key = if field == "input" {
        "input".to_string()
    } else if matches!(last, "cpi_rise" | "food_cpi_rise") {
        "cpi_rise".to_string()
    } else if is_amount_field(field) {
        "amount".to_string()
    } else if SELF_CARE_ITEMS.contains(&last)
        || fact.is_some_and(|fact| {
            matches!(
                fact.kind,
                crate::fields::Kind::Flag | crate::fields::Kind::Answer
            )
        })
    {
        "true_or_false".to_string()
    } else if field.ends_with(']') {
        format!("{last}[]")
    } else {
        last.to_string()
    };
    EXPECTED
        .iter()
        .find(|(name, _, _)| *name == key)
        .map(|(_, zh, en)| (zh.to_string(), en.to_string()))
}

/// The self-care items, each true or false (the other facts that are true or false are
/// the field table's flags and answers).
const SELF_CARE_ITEMS: &[&str] = &[
    "eating",
    "dressing",
    "getting_in_and_out_of_bed",
    "toileting",
    "walking_indoors",
    "bathing",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_values_alone_are_the_params_values_and_the_latest_date_is_theirs() {
        assert_eq!(policy::VALUES.len(), policy::PARAMS.len());
        for (param, values) in policy::PARAMS.iter().zip(policy::VALUES) {
            let entries: Vec<(Date, Option<Decimal>)> = param
                .entries
                .iter()
                .map(|entry| (entry.from, entry.value))
                .collect();
            assert_eq!(&entries[..], *values, "{}", param.id);
        }
        let latest = policy::PARAMS
            .iter()
            .flat_map(|param| param.entries.iter().map(|entry| entry.from))
            .chain(
                policy::LISTS
                    .iter()
                    .flat_map(|list| list.entries.iter().map(|entry| entry.from)),
            )
            .max();
        assert_eq!(Some(latest_standard_date()), latest);
    }

    fn household(date: &str, category: Category, members: usize) -> Household {
        Household {
            county: "hantai".into(),
            category,
            date: parse_date(date).unwrap(),
            members: vec![
                Member {
                    age: Some(40),
                    ..Member::default()
                };
                members
            ],
            family: Family::default(),
            caseworker: Caseworker::default(),
        }
    }

    #[test]
    fn dates_are_read_strictly() {
        assert_eq!(parse_date("2026-02-28").unwrap(), Date::new(2026, 2, 28));
        assert_eq!(parse_date("2024-02-29").unwrap(), Date::new(2024, 2, 29));
        for bad in [
            "2026-+1-01",
            "2026-1-01",
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            " 2026-01-01",
            "2026/01/01",
            "２０２６-01-01",
            "1899-12-31",
            "2023-02-29",
            "",
        ] {
            let (zh, en) = parse_date(bad).unwrap_err();
            assert!(
                zh.contains(&short(bad)) && en.contains(&short(bad)),
                "{bad}: {zh} / {en}"
            );
        }
        assert!(parse_date("2026-02-30")
            .unwrap_err()
            .1
            .contains("2026-02 has 28 days"));
    }

    #[test]
    fn the_horizon_is_two_years_after_the_latest_standard() {
        let latest = latest_standard_date();
        let last = last_assessable_date();
        assert_eq!(
            last.year,
            latest.year + HORIZON_YEARS - u16::from(latest.month == 1 && latest.day == 1)
        );
        assert!(last > latest);
        // With the policies of 2026-11: the latest value is the minimum wage of 2026-01-01.
        if latest == Date::new(2026, 1, 1) {
            assert_eq!(last, Date::new(2027, 12, 31));
        }
    }

    #[test]
    fn a_quoted_value_is_short_and_inert() {
        let long = "x".repeat(10_000);
        assert_eq!(short(&long).chars().count(), SHOWN_CHARS + 1);
        assert_eq!(short("a\u{1b}[31mb\n"), "a\\u{1b}[31mb\\u{a}");
        assert_eq!(short("\u{202e}abc"), "\\u{202e}abc");
        assert!(!short(&format!("{HALVES}")).contains(HALVES));
    }

    #[test]
    fn every_assumed_value_lies_inside_its_own_override_range() {
        for param in policy::PARAMS {
            for entry in param.entries {
                let (Some(value), policy::Status::Assumed) = (entry.value, entry.status) else {
                    continue;
                };
                for category in [Category::Urban, Category::Rural] {
                    let mut household = household("2026-11-01", category, 1);
                    household.date = entry.from.max(policy::first_modelled_date());
                    let range = household.override_range(param.unit);
                    assert!(
                        range.low <= value && value <= range.high,
                        "{} = {value} from {}: outside {}..{}",
                        param.id,
                        entry.from,
                        range.low,
                        range.high
                    );
                }
            }
        }
    }

    #[test]
    fn the_ceiling_of_the_current_dibao_follows_the_date() {
        // 2026: urban 675 + round(675 × 50%) = 675 + 338 = 1013 a person.
        let urban = household("2026-11-01", Category::Urban, 3)
            .dibao_ceiling()
            .unwrap();
        assert_eq!(urban.total, Decimal::from(3039));
        // Rural 2026: tier A 475 (= 5700 / 12) + round(475 × 50%) = 475 + 238 = 713.
        let rural = household("2026-11-01", Category::Rural, 1)
            .dibao_ceiling()
            .unwrap();
        assert_eq!(rural.total, Decimal::from(713));
        // 2024: urban 655 + round(327.5) = 983; rural 450 + 225 = 675.
        let urban = household("2024-06-01", Category::Urban, 1)
            .dibao_ceiling()
            .unwrap();
        assert_eq!(urban.total, Decimal::from(983));
        let rural = household("2024-06-01", Category::Rural, 2)
            .dibao_ceiling()
            .unwrap();
        assert_eq!(rural.total, Decimal::from(1350));
    }

    #[test]
    fn a_future_date_says_which_standards_it_uses() {
        let latest = latest_standard_date();
        let on = household(&latest.to_string(), Category::Urban, 1);
        assert_eq!(on.standards_notice(), None);
        let mut later = on.clone();
        later.date = last_assessable_date();
        let (zh, en) = later.standards_notice().unwrap();
        assert!(
            zh.contains(&format!("按 {latest} 起执行的标准计算")),
            "{zh}"
        );
        assert!(
            en.contains(&format!("standards in force from {latest}")),
            "{en}"
        );
    }

    #[test]
    fn serde_messages_become_sentences_at_the_field() {
        let error = shape_error(
            "members[0].age",
            "invalid type: string \"abc\", expected u32 at line 1 column 81",
        );
        assert_eq!(error.field, "members[0].age");
        assert!(
            error.zh.contains("0 至 120 的整数") && error.zh.contains("“abc”"),
            "{}",
            error.zh
        );
        assert!(error.en.contains("not the text \"abc\""), "{}", error.en);
        let error = shape_error(
            "members[0].incomes[0]",
            "missing field `kind` at line 1 column 95",
        );
        assert_eq!(error.field, "members[0].incomes[0].kind");
        let error = shape_error(
            "members[0].colour",
            "unknown field `colour`, expected `name` or `age`",
        );
        assert_eq!(error.field, "members[0].colour");
        assert!(error.en.contains("name, age"), "{}", error.en);
        let error = shape_error(
            "members[0].relation",
            "unknown variant `boss`, expected `applicant` or `spouse`",
        );
        assert!(error.zh.contains("可选：applicant、spouse"), "{}", error.zh);
        let error = shape_error(
            "members[0].incomes[0].amount",
            "invalid type: floating point `12.5`, expected an amount",
        );
        assert!(error.en.contains("write \"12.5\""), "{}", error.en);
        let error = shape_error("", "trailing characters at line 3 column 2");
        assert_eq!(error.field, "input");
        assert!(error.zh.contains("（第 3 行第 2 列）"), "{}", error.zh);
        assert!(error.en.contains(" at line 3, column 2"), "{}", error.en);
        let error = shape_error("members[0][1]", "invalid type: map, expected a string");
        assert_eq!(error.field, "members[0]");
        assert!(
            error
                .en
                .contains("an object {…} for one member, not a list"),
            "{}",
            error.en
        );
        let error = shape_error("[0]", "invalid type: map, expected a string");
        assert_eq!(error.field, "input");
        assert_eq!(
            object_given_as_list("members[0].disability[1]").as_deref(),
            Some("members[0].disability")
        );
        assert_eq!(object_given_as_list("members[2].incomes[0].amount"), None);
        let error = shape_error(
            "members[0].kind",
            "invalid type: integer `1`, expected enum",
        );
        assert!(error.en.contains("one of: wages"), "{}", error.en);
        let error = shape_error(
            "members[0].disability.kind",
            "invalid type: integer `1`, expected enum",
        );
        assert!(error.en.contains("one of: visual"), "{}", error.en);
        let long = format!(
            "invalid type: string \"{}\", expected u32",
            "y".repeat(100_000)
        );
        let error = shape_error("members[0].age", &long);
        assert!(error.zh.len() < 300 && error.en.len() < 300);
        for raw in ["invalid type", "expected u32", "at line"] {
            assert!(!error.en.contains(raw), "{}", error.en);
        }
        let (zh, en) = parse_date("2026-+1-01").unwrap_err();
        let error = shape_error("date", &format!("{} at line 1 column 9", in_both(&zh, &en)));
        assert_eq!((error.zh, error.en), (zh, en));
    }

    #[test]
    fn enum_names_are_read_from_serde() {
        assert_eq!(declared_names::<Category>(), ["urban", "rural"]);
        assert_eq!(declared_names::<Tier>(), ["A", "B", "C", "D", "E"]);
        assert!(declared_names::<IncomeKind>().contains(&"support_received"));
        assert_eq!(declared_names::<Disability>(), ["kind", "grade"]);
        assert!(declared_names::<Money>().is_empty());
    }
}

//! One table of the household's facts: for each, its JSON path, its column in a
//! caseload CSV, its label in Chinese and English, the screen of the site that asks it,
//! its kind (with its choices, by name), and how a CSV cell is read into a [`Household`]
//! and written back. The caseload reader and writer, the site's error routing, field
//! names, summary, print sheet and drafts all read this table, so adding a fact is one
//! row here plus the rule that reads it (ARCHITECTURE.md, "Adding a fact").
//!
//! Choices are stored and exchanged by name (the serde name: "rural", "senior_high",
//! "in_prison"), never by an index into a list of labels ([`Named`]).

use crate::household::{
    parse_amount, parse_date, Category, Disability, DisabilityKind, Family, Household, Income,
    IncomeKind, Member, Money, Period, Relation, SelfCare, Student, Supporter, SupporterSituation,
    Tier,
};
use crate::policy::Date;

pub use crate::labels::Label;

const fn label(zh: &'static str, en: &'static str) -> Label {
    Label::new(zh, en)
}

/// The screen of the site where a fact is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asked {
    /// Screen 1: where, when, and the caseworker's options.
    Place,
    /// Screen 2: who lives together.
    Members,
    /// Screen 3: each member's situation, then the family's.
    Situations,
}

/// What kind of answer a fact takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// One of these names.
    Choice(&'static [&'static str]),
    Date,
    /// A whole number (an age, a grade).
    Whole,
    /// Yes or no, no by default.
    Flag,
    /// Yes, no, or not known.
    Answer,
    /// An amount in 元 a month, or not given.
    Amount,
    /// The six self-care items, each yes or no.
    SelfCare,
    /// Supporters' situations.
    Supporters,
    /// A list of entries, each asked on its own (members, incomes, overrides).
    List,
}

/// Why a CSV cell could not be read. The reader puts it into words with the column's
/// name and the cell's text (doudi_caseload's messages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not one of the column's names.
    Choice,
    /// The cell's text, then these words: “{text}”不是有效的金额.
    Is(&'static str, &'static str),
    /// A whole message in each language.
    Said(String, String),
}

/// How the caseload CSV reads and writes a fact.
#[derive(Clone, Copy)]
pub enum Io {
    /// Read from a household's first row.
    Household {
        get: fn(&Household) -> String,
        put: fn(&mut Household, &str) -> Result<(), Problem>,
    },
    /// Read from each member's row.
    Member {
        get: fn(&Member) -> String,
        put: fn(&mut Member, &str) -> Result<(), Problem>,
    },
    /// Not a caseload column.
    Apart,
}

/// One fact of a household.
#[derive(Clone, Copy)]
pub struct Field {
    /// Its JSON path, with `[]` for any entry of a list ("members[].age"); "" for a
    /// caseload column that has no path of its own (an income column, which adds an
    /// entry to `members[].incomes`).
    pub path: &'static str,
    /// Its caseload CSV column; "" when it has none.
    pub column: &'static str,
    pub label: Label,
    pub asked: Asked,
    pub kind: Kind,
    /// The site asks it with the plain question of its kind (its label, a field for an
    /// amount, yes or no for a flag) and shows it on the summary and the print sheet
    /// the same way, with nothing written for it in the site: a fact that needs a
    /// question of its own has `false`.
    pub plain: bool,
    pub io: Io,
}

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field")
            .field("path", &self.path)
            .field("column", &self.column)
            .finish()
    }
}

// ---- Names -----------------------------------------------------------------------------

/// A choice known by its serde name: what drafts, links and CSV cells store.
pub trait Named: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    const NAMES: &'static [&'static str];
    fn name(self) -> &'static str {
        let at = Self::ALL.iter().position(|value| *value == self);
        at.and_then(|at| Self::NAMES.get(at)).copied().unwrap_or("")
    }
    fn from_name(name: &str) -> Option<Self> {
        let at = Self::NAMES.iter().position(|known| *known == name)?;
        Self::ALL.get(at).copied()
    }
}

macro_rules! named {
    ($type:ty, $all:expr, [$($name:literal),* $(,)?]) => {
        impl Named for $type {
            const ALL: &'static [Self] = &$all;
            const NAMES: &'static [&'static str] = &[$($name),*];
        }
    };
}

named!(
    Category,
    [Category::Urban, Category::Rural],
    ["urban", "rural"]
);
named!(
    Relation,
    Relation::ALL,
    [
        "applicant",
        "spouse",
        "child",
        "parent",
        "grandchild",
        "grandparent",
        "sibling",
        "other"
    ]
);
named!(
    DisabilityKind,
    DisabilityKind::ALL,
    [
        "visual",
        "hearing",
        "speech",
        "physical",
        "intellectual",
        "mental",
        "multiple"
    ]
);
named!(
    Student,
    Student::ALL,
    [
        "none",
        "compulsory",
        "senior_high",
        "secondary_vocational",
        "higher"
    ]
);
named!(Tier, Tier::ALL, ["A", "B", "C", "D", "E"]);
named!(
    SupporterSituation,
    crate::questions::SUPPORTER_SITUATIONS,
    [
        "able",
        "tekun",
        "dibao_aged60_plus",
        "aged70_plus_low_income",
        "severely_disabled_low_income",
        "no_civil_capacity",
        "missing",
        "in_prison",
    ]
);
named!(
    IncomeKind,
    IncomeKind::ALL,
    [
        "wages",
        "business",
        "property",
        "transfer",
        "support_received",
        "residents_basic_pension",
        "old_age_allowance",
        "medical_insurance",
        "excluded",
    ]
);
named!(Period, [Period::Month, Period::Year], ["month", "year"]);

// ---- Cells -----------------------------------------------------------------------------

const NOT_AN_AMOUNT: Problem = Problem::Is("不是有效的金额", "is not an amount");

fn flag(text: &str) -> Result<Option<bool>, Problem> {
    // Any case of the ASCII words, compared in place (a caseload has a flag a column).
    let said = |words: &[&str]| words.iter().any(|word| text.eq_ignore_ascii_case(word));
    if text.is_empty() {
        Ok(None)
    } else if said(&["1", "true", "yes", "y", "是"]) {
        Ok(Some(true))
    } else if said(&["0", "false", "no", "n", "否"]) {
        Ok(Some(false))
    } else {
        Err(Problem::Is("应为 1 或 0", "should be 1 or 0"))
    }
}

fn flag_cell(value: bool) -> String {
    if value { "1" } else { "0" }.to_string()
}

fn answer_cell(value: Option<bool>) -> String {
    value.map(flag_cell).unwrap_or_default()
}

fn amount(text: &str) -> Result<Option<Money>, Problem> {
    if text.is_empty() {
        return Ok(None);
    }
    parse_amount(text)
        .map(|amount| Some(Money(amount)))
        .map_err(|_| NOT_AN_AMOUNT)
}

fn amount_cell(value: Option<Money>) -> String {
    value.map(|money| money.0.to_string()).unwrap_or_default()
}

fn choice<T: Named>(text: &str) -> Result<T, Problem> {
    T::from_name(text).ok_or(Problem::Choice)
}

/// A choice, or the type's default when the cell is empty.
fn choice_or_default<T: Named + Default>(text: &str) -> Result<T, Problem> {
    if text.is_empty() {
        Ok(T::default())
    } else {
        choice(text)
    }
}

fn date(text: &str) -> Result<Date, Problem> {
    parse_date(text).map_err(|(zh, en)| Problem::Said(zh, en))
}

fn optional_text(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

fn member_income(member: &mut Member, kind: IncomeKind, text: &str) -> Result<(), Problem> {
    if let Some(amount) = amount(text)? {
        member.incomes.push(Income {
            kind,
            amount,
            per: Period::Month,
        });
    }
    Ok(())
}

fn member_income_cell(member: &Member, kind: IncomeKind) -> String {
    member
        .incomes
        .iter()
        .find(|income| income.kind == kind)
        .map(|income| income.amount.0.to_string())
        .unwrap_or_default()
}

fn self_care(text: &str) -> Result<Option<SelfCare>, Problem> {
    if text.is_empty() {
        return Ok(None);
    }
    let flags: Vec<bool> = text
        .chars()
        .filter_map(|c| match c {
            '1' => Some(true),
            '0' => Some(false),
            _ => None,
        })
        .collect();
    if flags.len() != 6 || text.chars().count() != 6 {
        return Err(Problem::Is(
            "应为 6 位 1/0（吃饭、穿衣、上下床、如厕、室内行走、洗澡）",
            "should be six 1/0 digits (eating, dressing, bed, toileting, walking, bathing)",
        ));
    }
    Ok(Some(SelfCare {
        eating: flags[0],
        dressing: flags[1],
        getting_in_and_out_of_bed: flags[2],
        toileting: flags[3],
        walking_indoors: flags[4],
        bathing: flags[5],
    }))
}

fn self_care_cell(value: Option<SelfCare>) -> String {
    value
        .map(|care| {
            care.items()
                .iter()
                .map(|(_, _, can)| if *can { '1' } else { '0' })
                .collect()
        })
        .unwrap_or_default()
}

fn supporters(text: &str) -> Result<Option<Vec<Supporter>>, Problem> {
    match text {
        "" => Ok(None),
        "none" => Ok(Some(Vec::new())),
        list => list
            .split(';')
            .map(|situation| {
                choice::<SupporterSituation>(situation.trim()).map(|situation| Supporter {
                    name: String::new(),
                    situation,
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
    }
}

fn supporters_cell(value: &Option<Vec<Supporter>>) -> String {
    match value {
        None => String::new(),
        Some(list) if list.is_empty() => "none".into(),
        Some(list) => list
            .iter()
            .map(|supporter| supporter.situation.name())
            .collect::<Vec<_>>()
            .join(";"),
    }
}

fn whole<N: std::str::FromStr>(text: &str, problem: Problem) -> Result<N, Problem> {
    text.parse::<N>().map_err(|_| problem)
}

// ---- The table -------------------------------------------------------------------------

pub const COUNTY: Field = Field {
    path: "county",
    column: "county",
    label: label("县（区）", "County or district"),
    asked: Asked::Place,
    kind: Kind::Text,
    plain: false,
    io: Io::Household {
        get: |household| household.county.clone(),
        put: |household, text| {
            household.county = text.to_string();
            Ok(())
        },
    },
};

pub const CATEGORY: Field = Field {
    path: "category",
    column: "category",
    label: label("城市还是农村", "Urban or rural"),
    asked: Asked::Place,
    kind: Kind::Choice(Category::NAMES),
    plain: false,
    io: Io::Household {
        get: |household| household.category.name().to_string(),
        put: |household, text| {
            household.category = choice(text)?;
            Ok(())
        },
    },
};

pub const DATE: Field = Field {
    path: "date",
    column: "date",
    label: label("按哪一天的标准计算", "Standards in force on"),
    asked: Asked::Place,
    kind: Kind::Date,
    plain: false,
    io: Io::Household {
        get: |household| household.date.to_string(),
        put: |household, text| {
            household.date = date(text)?;
            Ok(())
        },
    },
};

pub const POVERTY_ALLEVIATED: Field = Field {
    path: "family.poverty_alleviated",
    column: "poverty_alleviated",
    label: label(
        "是脱贫家庭（含脱贫不稳定户）",
        "A family lifted out of poverty",
    ),
    asked: Asked::Situations,
    kind: Kind::Flag,
    plain: false,
    io: Io::Household {
        get: |household| flag_cell(household.family.poverty_alleviated),
        put: |household, text| {
            household.family.poverty_alleviated = flag(text)?.unwrap_or(false);
            Ok(())
        },
    },
};

pub const MARGINAL: Field = Field {
    path: "family.marginal",
    column: "marginal",
    label: label(
        "已被认定为低保边缘家庭",
        "Already recognised as a low-income marginal family",
    ),
    asked: Asked::Situations,
    kind: Kind::Flag,
    plain: false,
    io: Io::Household {
        get: |household| flag_cell(household.family.marginal),
        put: |household, text| {
            household.family.marginal = flag(text)?.unwrap_or(false);
            Ok(())
        },
    },
};

pub const PROPERTY: Field = Field {
    path: "family.property_within_limits",
    column: "property_within_limits",
    label: label(
        "家庭财产（存款、房产、车辆等）符合当地低保规定",
        "Family property (savings, homes, vehicles) within the local dibao limits",
    ),
    asked: Asked::Situations,
    kind: Kind::Answer,
    plain: false,
    io: Io::Household {
        get: |household| answer_cell(household.family.property_within_limits),
        put: |household, text| {
            household.family.property_within_limits = flag(text)?;
            Ok(())
        },
    },
};

pub const ON_DIBAO: Field = Field {
    path: "family.on_dibao",
    column: "on_dibao",
    label: label("目前正在享受低保", "Receives dibao now"),
    asked: Asked::Situations,
    kind: Kind::Flag,
    plain: false,
    io: Io::Household {
        get: |household| flag_cell(household.family.on_dibao),
        put: |household, text| {
            household.family.on_dibao = flag(text)?.unwrap_or(false);
            Ok(())
        },
    },
};

pub const CURRENT_DIBAO: Field = Field {
    path: "family.current_dibao_monthly",
    column: "current_dibao_monthly",
    label: label(
        "目前每月领取的低保金（元）",
        "Dibao received now each month (yuan)",
    ),
    asked: Asked::Situations,
    kind: Kind::Amount,
    plain: false,
    io: Io::Household {
        get: |household| amount_cell(household.family.current_dibao_monthly),
        put: |household, text| {
            household.family.current_dibao_monthly = amount(text)?;
            Ok(())
        },
    },
};

/// The fact added to show how a fact is added (ARCHITECTURE.md): this row, and the rule
/// that reads it (temporary.rs, 汉民发〔2021〕52号 二(五)).
pub const RIGID_SPENDING: Field = Field {
    path: "family.rigid_spending_monthly",
    column: "rigid_spending_monthly",
    label: label(
        "每月看病、上学等必需的自付支出（元，可不填）",
        "Unavoidable spending on treatment, schooling and the like, paid by the family each month (yuan, optional)",
    ),
    asked: Asked::Situations,
    kind: Kind::Amount,
    plain: true,
    io: Io::Household {
        get: |household| amount_cell(household.family.rigid_spending_monthly),
        put: |household, text| {
            household.family.rigid_spending_monthly = amount(text)?;
            Ok(())
        },
    },
};

pub const FAMILY_INCOMES: Field = Field {
    path: "family.incomes",
    column: "",
    label: label("全家共同的收入", "The family's shared income"),
    asked: Asked::Situations,
    kind: Kind::List,
    plain: false,
    io: Io::Apart,
};

pub const RURAL_TIER: Field = Field {
    path: "caseworker.rural_tier",
    column: "rural_tier",
    label: label("已评定的农村低保档次", "Rural dibao tier already assigned"),
    asked: Asked::Place,
    kind: Kind::Choice(Tier::NAMES),
    plain: false,
    io: Io::Household {
        get: |household| {
            household
                .caseworker
                .rural_tier
                .map(|tier| tier.name().to_string())
                .unwrap_or_default()
        },
        put: |household, text| {
            household.caseworker.rural_tier = if text.is_empty() {
                None
            } else {
                Some(choice(&text.to_ascii_uppercase())?)
            };
            Ok(())
        },
    },
};

pub const CPI_RISE: Field = Field {
    path: "caseworker.cpi_rise",
    column: "cpi_rise",
    label: label(
        "本月 CPI 同比涨幅（%）",
        "This month's CPI rise year on year (%)",
    ),
    asked: Asked::Place,
    kind: Kind::Amount,
    plain: false,
    io: Io::Household {
        get: |household| amount_cell(household.caseworker.cpi_rise),
        put: |household, text| {
            household.caseworker.cpi_rise = amount(text)?;
            Ok(())
        },
    },
};

pub const FOOD_CPI_RISE: Field = Field {
    path: "caseworker.food_cpi_rise",
    column: "food_cpi_rise",
    label: label(
        "本月食品 CPI 同比涨幅（%）",
        "This month's food CPI rise year on year (%)",
    ),
    asked: Asked::Place,
    kind: Kind::Amount,
    plain: false,
    io: Io::Household {
        get: |household| amount_cell(household.caseworker.food_cpi_rise),
        put: |household, text| {
            household.caseworker.food_cpi_rise = amount(text)?;
            Ok(())
        },
    },
};

pub const OVERRIDES: Field = Field {
    path: "caseworker.overrides",
    column: "",
    label: label(
        "经办人替换的假设值",
        "Assumed values replaced by the caseworker",
    ),
    asked: Asked::Place,
    kind: Kind::List,
    plain: false,
    io: Io::Apart,
};

pub const MEMBERS: Field = Field {
    path: "members",
    column: "",
    label: label("家庭成员人数", "Number of members"),
    asked: Asked::Members,
    kind: Kind::List,
    plain: false,
    io: Io::Apart,
};

pub const NAME: Field = Field {
    path: "members[].name",
    column: "name",
    label: label("称呼（可不填）", "Name (optional)"),
    asked: Asked::Members,
    kind: Kind::Text,
    plain: false,
    io: Io::Member {
        get: |member| member.name.clone(),
        put: |member, text| {
            member.name = text.to_string();
            Ok(())
        },
    },
};

pub const AGE: Field = Field {
    path: "members[].age",
    column: "age",
    label: label("年龄（周岁）", "Age (whole years)"),
    asked: Asked::Members,
    kind: Kind::Whole,
    plain: false,
    io: Io::Member {
        get: |member| member.age.map(|age| age.to_string()).unwrap_or_default(),
        put: |member, text| {
            member.age = if text.is_empty() {
                None
            } else {
                Some(whole(text, Problem::Is("不是年龄", "is not an age"))?)
            };
            Ok(())
        },
    },
};

pub const BIRTH_DATE: Field = Field {
    path: "members[].birth_date",
    column: "birth_date",
    label: label("出生日期", "Birth date"),
    asked: Asked::Members,
    kind: Kind::Date,
    plain: false,
    io: Io::Member {
        get: |member| {
            member
                .birth_date
                .map(|date| date.to_string())
                .unwrap_or_default()
        },
        put: |member, text| {
            member.birth_date = if text.is_empty() {
                None
            } else {
                Some(date(text)?)
            };
            Ok(())
        },
    },
};

pub const RELATION: Field = Field {
    path: "members[].relation",
    column: "relation",
    label: label("与申请人的关系", "Relation to the applicant"),
    asked: Asked::Members,
    kind: Kind::Choice(Relation::NAMES),
    plain: false,
    io: Io::Member {
        get: |member| member.relation.name().to_string(),
        put: |member, text| {
            member.relation = choice_or_default(text)?;
            Ok(())
        },
    },
};

pub const DISABILITY: Field = Field {
    path: "members[].disability",
    column: "disability_kind",
    label: label("残疾（持残疾证）", "Disability (with a certificate)"),
    asked: Asked::Situations,
    kind: Kind::Choice(DisabilityKind::NAMES),
    plain: false,
    io: Io::Member {
        get: |member| {
            member
                .disability
                .map(|disability| disability.kind.name().to_string())
                .unwrap_or_default()
        },
        put: |member, text| {
            member.disability = if text.is_empty() {
                None
            } else {
                // The grade is the next column's (0 until it is read).
                Some(Disability {
                    kind: choice(text)?,
                    grade: 0,
                })
            };
            Ok(())
        },
    },
};

pub const DISABILITY_GRADE: Field = Field {
    path: "members[].disability.grade",
    column: "disability_grade",
    label: label("残疾等级", "Disability grade"),
    asked: Asked::Situations,
    kind: Kind::Whole,
    plain: false,
    io: Io::Member {
        get: |member| {
            member
                .disability
                .map(|disability| disability.grade.to_string())
                .unwrap_or_default()
        },
        // Read only with a kind of disability (the column before), and required then.
        put: |member, text| {
            if let Some(disability) = &mut member.disability {
                disability.grade = whole(
                    text,
                    Problem::Is("不是残疾等级", "is not a disability grade"),
                )?;
            }
            Ok(())
        },
    },
};

pub const ILLNESS: Field = Field {
    path: "members[].serious_illness",
    column: "serious_illness",
    label: label(
        "重病（国家大病专项救治病种）",
        "Serious illness (national special-treatment list)",
    ),
    asked: Asked::Situations,
    kind: Kind::Text,
    plain: false,
    io: Io::Member {
        get: |member| member.serious_illness.clone().unwrap_or_default(),
        put: |member, text| {
            member.serious_illness = optional_text(text);
            Ok(())
        },
    },
};

pub const STUDENT: Field = Field {
    path: "members[].student",
    column: "student",
    label: label("在读情况", "Studying"),
    asked: Asked::Situations,
    kind: Kind::Choice(Student::NAMES),
    plain: false,
    io: Io::Member {
        get: |member| member.student.name().to_string(),
        put: |member, text| {
            member.student = choice_or_default(text)?;
            Ok(())
        },
    },
};

pub const INCOMES: Field = Field {
    path: "members[].incomes",
    column: "",
    label: label("收入", "Income"),
    asked: Asked::Situations,
    kind: Kind::List,
    plain: false,
    io: Io::Apart,
};

/// A caseload column of one kind of a member's income, a month.
macro_rules! income_column {
    ($name:ident, $column:literal, $kind:expr, $zh:literal, $en:literal) => {
        pub const $name: Field = Field {
            path: "",
            column: $column,
            label: label($zh, $en),
            asked: Asked::Situations,
            kind: Kind::Amount,
            plain: false,
            io: Io::Member {
                get: |member| member_income_cell(member, $kind),
                put: |member, text| member_income(member, $kind, text),
            },
        };
    };
}

income_column!(
    WAGES,
    "wages_monthly",
    IncomeKind::Wages,
    "工资性收入（元/月）",
    "Wages (yuan a month)"
);
income_column!(
    BUSINESS,
    "business_monthly",
    IncomeKind::Business,
    "经营净收入（元/月）",
    "Net business income (yuan a month)"
);
income_column!(
    PROPERTY_INCOME,
    "property_income_monthly",
    IncomeKind::Property,
    "财产净收入（元/月）",
    "Net property income (yuan a month)"
);
income_column!(
    TRANSFER,
    "transfer_monthly",
    IncomeKind::Transfer,
    "转移净收入（元/月）",
    "Net transfer income (yuan a month)"
);
income_column!(
    SUPPORT_RECEIVED,
    "support_received_monthly",
    IncomeKind::SupportReceived,
    "赡养、抚养、扶养费（元/月）",
    "Support received from relatives (yuan a month)"
);
income_column!(
    BASIC_PENSION,
    "residents_basic_pension_monthly",
    IncomeKind::ResidentsBasicPension,
    "城乡居民基础养老金（元/月）",
    "Residents' basic pension (yuan a month)"
);
income_column!(
    OLD_AGE_ALLOWANCE,
    "old_age_allowance_monthly",
    IncomeKind::OldAgeAllowance,
    "高龄津贴（元/月）",
    "Old-age allowance (yuan a month)"
);
income_column!(
    EXCLUDED,
    "excluded_monthly",
    IncomeKind::Excluded,
    "不计入的收入（元/月）",
    "Income never counted (yuan a month)"
);

pub const EMPLOYMENT_COSTS: Field = Field {
    path: "members[].employment_costs",
    column: "employment_costs_monthly",
    label: label(
        "就业成本扣除（元/月）",
        "Employment costs deducted (yuan/month)",
    ),
    asked: Asked::Situations,
    kind: Kind::Amount,
    plain: false,
    io: Io::Member {
        get: |member| amount_cell(member.employment_costs),
        put: |member, text| {
            member.employment_costs = amount(text)?;
            Ok(())
        },
    },
};

pub const TEKUN_NOW: Field = Field {
    path: "members[].tekun",
    column: "tekun",
    label: label(
        "本人目前已是特困人员",
        "Already a tekun (specially impoverished) person now",
    ),
    asked: Asked::Situations,
    kind: Kind::Flag,
    plain: false,
    io: Io::Member {
        get: |member| flag_cell(member.tekun),
        put: |member, text| {
            member.tekun = flag(text)?.unwrap_or(false);
            Ok(())
        },
    },
};

pub const SELF_CARE: Field = Field {
    path: "members[].self_care",
    column: "self_care",
    label: label("生活自理能力（六项）", "Self-care (six items)"),
    asked: Asked::Situations,
    kind: Kind::SelfCare,
    plain: false,
    io: Io::Member {
        get: |member| self_care_cell(member.self_care),
        put: |member, text| {
            member.self_care = self_care(text)?;
            Ok(())
        },
    },
};

pub const SUPPORTERS: Field = Field {
    path: "members[].supporters",
    column: "supporters",
    label: label(
        "法定赡养、抚养、扶养义务人（子女、配偶、父母等）",
        "Legal supporters (children, spouse, parents)",
    ),
    asked: Asked::Situations,
    kind: Kind::Supporters,
    plain: false,
    io: Io::Member {
        get: |member| supporters_cell(&member.supporters),
        put: |member, text| {
            member.supporters = supporters(text)?;
            Ok(())
        },
    },
};

pub const OWN_PROPERTY: Field = Field {
    path: "members[].own_property_within_limits",
    column: "own_property_within_limits",
    label: label(
        "本人财产符合特困人员财产规定",
        "Own property within the tekun rules",
    ),
    asked: Asked::Situations,
    kind: Kind::Answer,
    plain: false,
    io: Io::Member {
        get: |member| answer_cell(member.own_property_within_limits),
        put: |member, text| {
            member.own_property_within_limits = flag(text)?;
            Ok(())
        },
    },
};

/// Every fact, in the caseload's column order.
pub const FIELDS: &[Field] = &[
    COUNTY,
    CATEGORY,
    DATE,
    POVERTY_ALLEVIATED,
    MARGINAL,
    PROPERTY,
    ON_DIBAO,
    CURRENT_DIBAO,
    RURAL_TIER,
    CPI_RISE,
    FOOD_CPI_RISE,
    RIGID_SPENDING,
    FAMILY_INCOMES,
    OVERRIDES,
    MEMBERS,
    NAME,
    AGE,
    BIRTH_DATE,
    RELATION,
    DISABILITY,
    DISABILITY_GRADE,
    ILLNESS,
    STUDENT,
    INCOMES,
    WAGES,
    BUSINESS,
    PROPERTY_INCOME,
    TRANSFER,
    SUPPORT_RECEIVED,
    BASIC_PENSION,
    OLD_AGE_ALLOWANCE,
    EXCLUDED,
    EMPLOYMENT_COSTS,
    TEKUN_NOW,
    SELF_CARE,
    SUPPORTERS,
    OWN_PROPERTY,
];

/// How many facts have a caseload column.
pub const COLUMN_COUNT: usize = {
    let mut count = 0;
    let mut at = 0;
    while at < FIELDS.len() {
        if !FIELDS[at].column.is_empty() {
            count += 1;
        }
        at += 1;
    }
    count
};

/// The caseload columns, in the table's order.
pub const COLUMNS: [&str; COLUMN_COUNT] = {
    let mut columns = [""; COLUMN_COUNT];
    let (mut at, mut next) = (0, 0);
    while at < FIELDS.len() {
        if !FIELDS[at].column.is_empty() {
            columns[next] = FIELDS[at].column;
            next += 1;
        }
        at += 1;
    }
    columns
};

const PLAIN_FAMILY_COUNT: usize = {
    let mut count = 0;
    let mut at = 0;
    while at < FIELDS.len() {
        if FIELDS[at].plain && matches!(FIELDS[at].io, Io::Household { .. }) {
            count += 1;
        }
        at += 1;
    }
    count
};

/// The household's facts asked plainly (`plain`), made when compiling: a site that asks
/// them reaches these rows' functions alone, not every row's.
pub const PLAIN_HOUSEHOLD: [Field; PLAIN_FAMILY_COUNT] = {
    let mut plain = [RIGID_SPENDING; PLAIN_FAMILY_COUNT];
    let (mut at, mut next) = (0, 0);
    while at < FIELDS.len() {
        if FIELDS[at].plain && matches!(FIELDS[at].io, Io::Household { .. }) {
            plain[next] = FIELDS[at];
            next += 1;
        }
        at += 1;
    }
    plain
};

/// A fact without its reader and writer: what a screen needs to route, name and ask it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct About {
    pub path: &'static str,
    pub label: Label,
    pub asked: Asked,
    pub kind: Kind,
    pub plain: bool,
}

/// The table without its functions, made when compiling: code that only routes, names or
/// asks facts reads this and links none of the readers and writers (the site's first
/// screen, whose bytes count).
pub const ABOUT: [About; FIELDS.len()] = {
    let mut about = [About {
        path: "",
        label: label("", ""),
        asked: Asked::Place,
        kind: Kind::Text,
        plain: false,
    }; FIELDS.len()];
    let mut at = 0;
    while at < FIELDS.len() {
        let field = &FIELDS[at];
        about[at] = About {
            path: field.path,
            label: field.label,
            asked: field.asked,
            kind: field.kind,
            plain: field.plain,
        };
        at += 1;
    }
    about
};

/// How a caseload column is read: a row's reader alone.
#[derive(Clone, Copy)]
pub enum Reader {
    Household(fn(&mut Household, &str) -> Result<(), Problem>),
    Member(fn(&mut Member, &str) -> Result<(), Problem>),
}

/// The readers of the caseload columns, in [`COLUMNS`]' order, made when compiling: a
/// reader of caseloads (the site's caseload worker) links these and none of the writers.
pub const READERS: [Reader; COLUMN_COUNT] = {
    let mut readers = [Reader::Member(|_, _| Ok(())); COLUMN_COUNT];
    let (mut at, mut next) = (0, 0);
    while at < FIELDS.len() {
        match FIELDS[at].io {
            Io::Household { put, .. } => {
                readers[next] = Reader::Household(put);
                next += 1;
            }
            Io::Member { put, .. } => {
                readers[next] = Reader::Member(put);
                next += 1;
            }
            Io::Apart => {}
        }
        at += 1;
    }
    readers
};

/// The table's paths and screens alone, made when compiling, for routing a message to
/// its screen without linking the labels (the site's first screen routes its messages).
const PATHS: [(&str, Asked); FIELDS.len()] = {
    let mut paths = [("", Asked::Place); FIELDS.len()];
    let mut at = 0;
    while at < FIELDS.len() {
        paths[at] = (FIELDS[at].path, FIELDS[at].asked);
        at += 1;
    }
    paths
};

/// The row of the fact a JSON path names ("members[2].incomes[0].amount" is
/// `INCOMES`'s): the longest path of the table that the path, its list indices left out,
/// starts with.
fn row_of(path: &str) -> Option<usize> {
    let general = without_indices(path);
    PATHS
        .iter()
        .enumerate()
        .filter(|(_, (known, _))| {
            !known.is_empty()
                && general.starts_with(known)
                && matches!(
                    general[known.len()..].chars().next(),
                    None | Some('.') | Some('[')
                )
        })
        .max_by_key(|(_, (known, _))| known.len())
        .map(|(at, _)| at)
}

/// The fact a JSON path names (see [`row_of`]).
pub fn of_path(path: &str) -> Option<&'static About> {
    row_of(path).map(|at| &ABOUT[at])
}

/// The screen that asks the fact a JSON path names.
pub fn asked(path: &str) -> Option<Asked> {
    row_of(path).map(|at| PATHS[at].1)
}

/// "members[2].incomes[0].amount" → "members[].incomes[].amount".
pub fn without_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut inside = false;
    for c in path.chars() {
        match c {
            '[' => {
                inside = true;
                out.push('[');
            }
            ']' => {
                inside = false;
                out.push(']');
            }
            _ if inside => {}
            _ => out.push(c),
        }
    }
    out
}

/// A household with nothing in it yet, for a reader to fill in (the date is the
/// earliest the rules know until the date column is read).
pub fn empty_household() -> Household {
    Household {
        county: String::new(),
        category: Category::Urban,
        date: crate::policy::first_modelled_date(),
        members: Vec::new(),
        family: Family::default(),
        caseworker: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_name<T: serde::Serialize>(value: &T) -> String {
        match serde_json::to_value(value) {
            Ok(serde_json::Value::String(name)) => name,
            other => panic!("not a name: {other:?}"),
        }
    }

    fn names_are_serde_names<T: Named + serde::Serialize + serde::de::DeserializeOwned>() {
        assert_eq!(T::ALL.len(), T::NAMES.len());
        for value in T::ALL {
            assert_eq!(value.name(), serde_name(value));
            assert!(T::from_name(value.name()) == Some(*value));
        }
        assert!(T::from_name("no such name").is_none());
    }

    #[test]
    fn every_name_is_the_serde_name() {
        names_are_serde_names::<Category>();
        names_are_serde_names::<Relation>();
        names_are_serde_names::<DisabilityKind>();
        names_are_serde_names::<Student>();
        names_are_serde_names::<Tier>();
        names_are_serde_names::<SupporterSituation>();
        names_are_serde_names::<IncomeKind>();
        names_are_serde_names::<Period>();
    }

    #[test]
    fn columns_and_paths_are_each_used_once() {
        let mut columns: Vec<&str> = COLUMNS.to_vec();
        columns.sort();
        columns.dedup();
        assert_eq!(columns.len(), COLUMN_COUNT);
        let mut paths: Vec<&str> = FIELDS
            .iter()
            .map(|field| field.path)
            .filter(|path| !path.is_empty())
            .collect();
        let count = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), count);
        for field in FIELDS {
            assert_eq!(
                field.column.is_empty(),
                matches!(field.io, Io::Apart),
                "{field:?}: a column is read and written, and only a column"
            );
        }
    }

    #[test]
    fn a_path_finds_its_fact() {
        let column = |path: &str| of_path(path).map(|field| field.label.zh);
        assert_eq!(column("members[3].age"), Some(AGE.label.zh));
        assert_eq!(
            column("members[0].disability.grade"),
            Some(DISABILITY_GRADE.label.zh)
        );
        assert_eq!(
            column("members[0].disability.kind"),
            Some(DISABILITY.label.zh)
        );
        assert_eq!(
            column("members[1].incomes[2].amount"),
            Some(INCOMES.label.zh)
        );
        assert_eq!(
            column("family.incomes[0].per"),
            Some(FAMILY_INCOMES.label.zh)
        );
        assert_eq!(column("members"), Some(MEMBERS.label.zh));
        assert_eq!(column("members[4]"), Some(MEMBERS.label.zh));
        assert_eq!(column("caseworker.overrides.x"), Some(OVERRIDES.label.zh));
        // "family.on_dibao" is not "family.on_dibao_x"'s prefix in the table's sense.
        assert_eq!(column("family.on_dibaox"), None);
        assert_eq!(column("emergency"), None);
    }

    #[test]
    fn every_member_cell_reads_back_what_it_wrote() {
        let member = Member {
            name: "奶奶".into(),
            age: Some(74),
            birth_date: None,
            relation: Relation::Grandparent,
            disability: Some(Disability {
                kind: DisabilityKind::Physical,
                grade: 2,
            }),
            serious_illness: Some("肺癌".into()),
            student: Student::SeniorHigh,
            incomes: vec![Income {
                kind: IncomeKind::Wages,
                amount: Money(rust_decimal::Decimal::new(123450, 2)),
                per: Period::Month,
            }],
            employment_costs: Some(Money(rust_decimal::Decimal::from(100))),
            tekun: true,
            self_care: Some(SelfCare {
                eating: true,
                dressing: false,
                getting_in_and_out_of_bed: true,
                toileting: true,
                walking_indoors: false,
                bathing: false,
            }),
            supporters: Some(vec![Supporter {
                name: String::new(),
                situation: SupporterSituation::InPrison,
            }]),
            own_property_within_limits: Some(false),
        };
        let mut read = Member::default();
        for field in FIELDS {
            if let Io::Member { get, put } = field.io {
                put(&mut read, &get(&member)).unwrap_or_else(|_| panic!("{field:?}"));
            }
        }
        assert_eq!(read, member);
    }
}

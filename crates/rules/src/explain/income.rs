//! The words of income accounting: the names of the kinds of income, a member's counted
//! income, and who is in the dibao household.

use crate::household::IncomeKind;
use crate::household::MemberName;
use crate::outcome::Text;
use crate::rounding::{equals_sign, for_display as shown};
use rust_decimal::Decimal;

/// One income of a member as the rules counted it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    pub kind: IncomeKind,
    /// 元 a year.
    pub yearly: Decimal,
    /// Whether it is counted (otherwise it is listed as not counted).
    pub counts: bool,
}

/// Where the employment costs deducted from wages come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CostsFrom {
    /// The caseworker entered them.
    Caseworker,
    /// The default of policies/.
    Default,
}

/// Why a member is outside the dibao household.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OutsideWhy {
    /// Marked as a tekun person now.
    MarkedTekun,
    /// Found eligible for tekun in this assessment.
    EligibleTekun,
}

/// The name of a kind of income, in Chinese and English.
pub(crate) fn kind(kind: IncomeKind) -> (&'static str, &'static str) {
    match kind {
        IncomeKind::Wages => ("工资", "wages"),
        IncomeKind::Business => ("经营净收入", "net business income"),
        IncomeKind::Property => ("财产净收入", "net property income"),
        IncomeKind::Transfer => ("转移净收入", "net transfer income"),
        IncomeKind::SupportReceived => ("赡养（抚养、扶养）费", "support received"),
        IncomeKind::ResidentsBasicPension => ("城乡居民基础养老金", "residents' basic pension"),
        IncomeKind::OldAgeAllowance => ("高龄津贴", "old-age allowance"),
        IncomeKind::MedicalInsurance => ("医保报销", "medical insurance payments"),
        IncomeKind::Excluded => (
            "优待抚恤金、奖励、救助金等",
            "special care payments, awards, assistance and the like",
        ),
    }
}

impl CostsFrom {
    fn text(self) -> (&'static str, &'static str) {
        match self {
            CostsFrom::Caseworker => ("经办人填写", "entered by the caseworker"),
            CostsFrom::Default => ("默认值", "the default"),
        }
    }
}

/// A member's counted income a year: the counted incomes added, the employment costs
/// subtracted, the incomes that do not count listed apart, so that the arithmetic reads
/// as what it is.
/// The name of the family's own incomes in the accounting.
pub(crate) fn family_as_a_whole() -> (&'static str, &'static str) {
    ("全家共同", "the family as a whole")
}

pub(crate) fn member_step(
    label: &MemberName,
    lines: &[Line],
    deduction: Option<(CostsFrom, Decimal)>,
    total: Decimal,
) -> (Text, String) {
    let (label_zh, label_en) = (&label.zh, &label.en);
    let twelve = Decimal::from(12);
    let counted = || lines.iter().filter(|line| line.counts);
    let deduction = deduction.map(|(from, amount)| {
        let (zh, en) = from.text();
        (
            format!("就业成本（{zh}）"),
            format!("employment costs ({en})"),
            amount,
        )
    });
    let sum = |english: bool| {
        let mut text = counted()
            .map(|line| {
                let (zh, en) = kind(line.kind);
                format!("{} {}", if english { en } else { zh }, shown(line.yearly))
            })
            .collect::<Vec<_>>()
            .join(" + ");
        if text.is_empty() {
            text.push('0');
        }
        if let Some((zh, en, amount)) = &deduction {
            text.push_str(&format!(
                " − {} {}",
                if english { en } else { zh },
                shown(*amount)
            ));
        }
        text
    };
    let not_counted = |english: bool| {
        let list: Vec<String> = lines
            .iter()
            .filter(|line| !line.counts)
            .map(|line| {
                let (zh, en) = kind(line.kind);
                format!("{} {}", if english { en } else { zh }, shown(line.yearly))
            })
            .collect();
        if list.is_empty() {
            String::new()
        } else if english {
            format!("; not counted: {}", list.join(", "))
        } else {
            format!("；不计入：{}", list.join("、"))
        }
    };
    let about = equals_sign(total / twelve) == "≈";
    // One counted income and nothing deducted: the sum is the income itself.
    let single = counted().count() <= 1 && deduction.is_none();
    let sum = |english: bool| {
        if single {
            // sum() writes "0" when nothing counts.
            sum(english)
        } else {
            format!("{} = {}", sum(english), shown(total))
        }
    };
    let text = Text::new(
        format!(
            "{label_zh}的计入收入（元/年）：{}（每月{} {} 元）{}",
            sum(false),
            if about { "约" } else { "" },
            shown(total / twelve),
            not_counted(false)
        ),
        format!(
            "Counted income of {label_en} (yuan a year): {} ({}{} a month){}",
            sum(true),
            if about { "about " } else { "" },
            shown(total / twelve),
            not_counted(true)
        ),
    );
    let formula = if single {
        String::new()
    } else {
        let mut numbers: Vec<String> = counted()
            .map(|line| shown(line.yearly).to_string())
            .collect();
        if numbers.is_empty() {
            numbers.push("0".into());
        }
        let mut formula = numbers.join(" + ");
        if let Some((_, _, amount)) = &deduction {
            formula.push_str(&format!(" − {}", shown(*amount)));
        }
        formula.push_str(&format!(" = {}", shown(total)));
        formula
    };
    (text, formula)
}

/// A member supported as a tekun person, outside the dibao household.
pub(crate) fn outside_step(label: &MemberName, why: OutsideWhy) -> (Text, String) {
    let (label_zh, label_en) = (&label.zh, &label.en);
    let (zh, en) = match why {
        OutsideWhy::MarkedTekun => ("已是特困人员", "a tekun person"),
        OutsideWhy::EligibleTekun => ("符合特困人员条件", "eligible as a tekun person"),
    };
    (
        Text::new(
            format!("{label_zh}{zh}，按特困人员单独供养，不计入低保家庭"),
            format!("{label_en} is {en}: supported as a tekun person, outside the dibao household"),
        ),
        String::new(),
    )
}

/// A member marked as a tekun person whom the rules find not eligible: counted in the
/// dibao household.
pub(crate) fn marked_counted_step(label: &MemberName) -> (Text, String) {
    let (label_zh, label_en) = (&label.zh, &label.en);
    (
        Text::new(
            format!(
                "{label_zh}被标记为特困人员，但规则认为不符合特困人员条件：本次计入低保家庭，收入一并计算"
            ),
            format!(
                "{label_en} is marked as a tekun person, but the rules find them not eligible: counted in the dibao household, with their income"
            ),
        ),
        String::new(),
    )
}

/// The dibao household's counted income, a month and per person.
pub(crate) fn household_step(
    size: usize,
    total_yearly: Decimal,
    monthly: Decimal,
    per_person: Decimal,
) -> (Text, String) {
    let about = |amount: Decimal| {
        if equals_sign(amount) == "≈" {
            ("约", "about ")
        } else {
            ("", "")
        }
    };
    (
        Text::new(
            format!(
                "家庭共 {size} 人，计入收入每月{} {} 元，人均每月{} {} 元",
                about(monthly).0,
                shown(monthly),
                about(per_person).0,
                shown(per_person)
            ),
            format!(
                "{size} people; counted income {}{} yuan a month, {}{} per person",
                about(monthly).1,
                shown(monthly),
                about(per_person).1,
                shown(per_person)
            ),
        ),
        format!(
            "{} ÷ 12 ÷ {size} {} {}",
            shown(total_yearly),
            equals_sign(per_person),
            shown(per_person)
        ),
    )
}

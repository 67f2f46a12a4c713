//! The words of 参照“单人户”纳入低保 (the single-person route).

use crate::household::MemberName;
use crate::outcome::Text;
use crate::rounding;
use rust_decimal::Decimal;

/// What kind of family the person's is, for the "family kind" criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FamilyKind {
    PovertyAlleviated,
    RecognisedMarginal,
    /// Income between 1 and the marginal multiple × the standard.
    BelowMarginalLine,
    /// Income below the standard: a dibao family.
    DibaoFamily,
    /// Income at or above the marginal line, and not lifted out of poverty.
    Neither,
}

pub(crate) fn no_candidate_criterion() -> Text {
    Text::new(
        "有重度残疾或重病的成员",
        "a member who is severely disabled or seriously ill",
    )
}

/// `outside`: a severely disabled or seriously ill member is supported as a tekun person,
/// outside the dibao household.
pub(crate) fn no_candidate_detail(outside: bool) -> Text {
    if outside {
        return Text::new(
            "纳入低保家庭的成员中没有重度残疾人或重病患者；按特困人员供养的成员不走单人户",
            "no member of the dibao household is severely disabled or seriously ill; a member supported as a tekun person is not covered alone as well",
        );
    }
    Text::new(
        "没有成员是重度残疾人（一、二级，或三级智力、精神残疾）或患有目录内的重病",
        "no member has a grade 1–2 disability (or grade 3 intellectual or mental) or a listed serious disease",
    )
}

pub(crate) fn member_criterion() -> Text {
    Text::new(
        "本人是重度残疾人或重病患者",
        "the person is severely disabled or seriously ill",
    )
}

pub(crate) fn member_detail(severe: bool) -> Text {
    if severe {
        Text::new(
            "持一、二级残疾证，或三级智力、精神残疾",
            "grade 1–2 disability certificate, or grade 3 intellectual or mental",
        )
    } else {
        Text::new("患有目录内的重病", "has a listed serious disease")
    }
}

pub(crate) fn family_not_eligible_criterion() -> Text {
    Text::new(
        "全家不符合低保条件",
        "the family as a whole does not qualify",
    )
}

pub(crate) fn family_not_eligible_detail(whole_family_qualifies: bool) -> Text {
    if whole_family_qualifies {
        Text::new(
            "全家已按低保计算，不需单人户",
            "the whole family qualifies for dibao",
        )
    } else {
        Text::new(
            "家庭人均收入不低于低保标准",
            "the family's income per person is not below the standard",
        )
    }
}

pub(crate) fn family_kind_criterion() -> Text {
    Text::new(
        "属于脱贫家庭或低保边缘家庭",
        "a family lifted out of poverty or a low-income marginal family",
    )
}

pub(crate) fn family_kind_detail(kind: FamilyKind, multiple: Decimal) -> Text {
    match kind {
        FamilyKind::PovertyAlleviated => Text::new("脱贫家庭", "a family lifted out of poverty"),
        FamilyKind::RecognisedMarginal => {
            Text::new("已认定的低保边缘家庭", "a recognised marginal family")
        }
        FamilyKind::BelowMarginalLine => Text::new(
            format!("人均收入在低保标准的 1 至 {multiple} 倍之间，属低保边缘家庭"),
            format!("income per person between 1 and {multiple} × the standard: a marginal family"),
        ),
        FamilyKind::DibaoFamily => Text::new(
            "人均收入低于低保标准：全家按低保计算，不是低保边缘家庭",
            "income per person below the standard: the whole family is a dibao family, not a marginal one",
        ),
        FamilyKind::Neither => Text::new(
            format!("人均收入不低于低保标准的 {multiple} 倍，且不是脱贫家庭"),
            format!("income per person at or above {multiple} × the standard, and not a family lifted out of poverty"),
        ),
    }
}

pub(crate) fn own_income_criterion() -> Text {
    Text::new(
        "本人计入收入低于低保标准",
        "the person's own counted income below the standard",
    )
}

pub(crate) fn own_income_detail(
    own_monthly: Decimal,
    standard_monthly: Decimal,
    below: bool,
) -> Text {
    let (own, standard) = rounding::for_display_pair(own_monthly, standard_monthly);
    if below {
        Text::new(
            format!("本人每月 {own} 元，低于标准 {standard} 元"),
            format!("{own} yuan a month, below the standard of {standard}"),
        )
    } else {
        Text::new(
            format!("本人每月 {own} 元，不低于标准 {standard} 元"),
            format!("{own} yuan a month, not below the standard of {standard}"),
        )
    }
}

pub(crate) fn gap_step(standard: Decimal, own_monthly: Decimal, gap: Decimal) -> (Text, String) {
    (
        Text::new(
            "单人户按差额发放：标准 − 本人收入",
            "Covered alone, paid the gap: standard − own income",
        ),
        format!(
            "{standard} − {} {} {}",
            rounding::for_display(own_monthly),
            rounding::equals_sign(gap),
            rounding::for_display(gap)
        ),
    )
}

pub(crate) fn reason(label: &MemberName, monthly: Decimal) -> Text {
    let (label_zh, label_en) = (&label.zh, &label.en);
    Text::new(
        format!("{label_zh}可参照“单人户”单独纳入低保，每月约 {monthly} 元"),
        format!("{label_en} may be covered alone as a single-person household, about {monthly} yuan a month"),
    )
}

/// The notch at the dibao line is the rule as written: say why, do not smooth it.
pub(crate) fn why_amounts_jump() -> Text {
    Text::new(
        "为什么会有落差：“单人户”只适用于全家不符合低保条件的家庭。家庭人均收入低于低保标准时，全家按低保计算（差额加分类施保），这时可能比单人户少；人均收入达到标准后，重残、重病成员才可单独纳入",
        "Why amounts can jump: the single-person route is only for families that do not qualify as a whole. Below the dibao line the whole family is paid dibao (the gap plus top-ups), which can be less than the single-person amount; from the line up, a severely disabled or seriously ill member can be covered alone",
    )
}

pub(crate) fn how_to_apply() -> Text {
    Text::new(
        "向镇（街道）申请时说明按“单人户”办理，带残疾证或诊断证明",
        "When applying at the township or street office, ask for the single-person route and bring the disability certificate or diagnosis",
    )
}

//! 核一核: a decision checked against the rules (issue 14).
//!
//! A family enters what a decision notice or a payment says (the programme, the amount a
//! month, the rural tier or care tier it names, the reason given) beside its household.
//! The rules assess the household as given ([`crate::assess`]) and say whether they give
//! the same amount. Where they do not, they look for the facts or readings that would
//! give the decided amount, each tried as a whole assessment of a rewritten household:
//!
//! - another rural tier (the tier is the caseworker's to decide);
//! - a care tier from a different count of the six self-care items;
//! - a household counted with one member fewer, or one more without income;
//! - a different counted income (found to the fen: the dibao amount falls as the earned
//!   income rises, the what-if sweep's rewrite);
//! - a dibao stopped where gradual exit would be paid.
//!
//! It never says the decision is wrong: "the rules as we read them give X; these facts
//! would give Y". Every sentence is the explanation layer's (`explain::check`).

use crate::explain::check as say;
use crate::household::{Household, Member, Money, Relation, SelfCare, Tier};
use crate::outcome::{Missing, Programme, Status, Text};
use crate::policy::Date;
use crate::tekun::CareTier;
use crate::{assess, Assessment, InputError, Options};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What a decision notice or a payment says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The programme decided.
    pub programme: Decided,
    /// Whose: the member's index in `members`, for tekun and the single-person route.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<usize>,
    /// The amount a month decided or paid, 元; 0 for a refusal or a stop.
    pub monthly: Money,
    /// The rural tier the decision names (rural dibao).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rural_tier: Option<Tier>,
    /// The care tier the decision names (tekun).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care_tier: Option<DecidedCare>,
    /// The reason the decision gives, from the notice's usual list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The date of the notice or payment ("YYYY-MM-DD"): the check uses the standards in
    /// force then, not those of the household's date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::household::strict_optional_date"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub date: Option<Date>,
}

/// The programmes a decision can be checked for: those paid every month or for months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decided {
    Dibao,
    SinglePerson,
    Tekun,
    GradualExit,
}

impl Decided {
    pub const ALL: [Decided; 4] = [
        Decided::Dibao,
        Decided::SinglePerson,
        Decided::Tekun,
        Decided::GradualExit,
    ];

    /// The name in the input (`"single_person"`).
    pub fn id(self) -> &'static str {
        match self {
            Decided::Dibao => "dibao",
            Decided::SinglePerson => "single_person",
            Decided::Tekun => "tekun",
            Decided::GradualExit => "gradual_exit",
        }
    }

    /// Whether the decision is about one member (tekun, the single-person route).
    pub fn of_a_member(self) -> bool {
        matches!(self, Decided::Tekun | Decided::SinglePerson)
    }

    pub fn programme(self) -> Programme {
        match self {
            Decided::Dibao => Programme::Dibao,
            Decided::SinglePerson => Programme::SinglePerson,
            Decided::Tekun => Programme::Tekun,
            Decided::GradualExit => Programme::GradualExit,
        }
    }
}

/// A care tier as a decision names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DecidedCare {
    /// 全自理.
    SelfCare,
    /// 半护理.
    Partial,
    /// 全护理.
    Full,
}

impl DecidedCare {
    pub const ALL: [DecidedCare; 3] = [
        DecidedCare::SelfCare,
        DecidedCare::Partial,
        DecidedCare::Full,
    ];

    /// The name in the input (`"self_care"`).
    pub fn id(self) -> &'static str {
        match self {
            DecidedCare::SelfCare => "self_care",
            DecidedCare::Partial => "partial",
            DecidedCare::Full => "full",
        }
    }

    fn tier(self) -> CareTier {
        match self {
            DecidedCare::SelfCare => CareTier::SelfCare,
            DecidedCare::Partial => CareTier::Partial,
            DecidedCare::Full => CareTier::Full,
        }
    }
}

/// The reasons a notice usually gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// 家庭人均收入超过（或达到）当地低保标准.
    IncomeAboveLine,
    /// 家庭财产不符合规定.
    Property,
    /// 有法定赡养、抚养、扶养义务人且有能力.
    Supporters,
    /// 家庭成员（户籍、共同生活）认定.
    HouseholdMembers,
    /// 其他.
    Other,
}

impl Reason {
    pub const ALL: [Reason; 5] = [
        Reason::IncomeAboveLine,
        Reason::Property,
        Reason::Supporters,
        Reason::HouseholdMembers,
        Reason::Other,
    ];

    /// The name in the input (`"income_above_line"`).
    pub fn id(self) -> &'static str {
        match self {
            Reason::IncomeAboveLine => "income_above_line",
            Reason::Property => "property",
            Reason::Supporters => "supporters",
            Reason::HouseholdMembers => "household_members",
            Reason::Other => "other",
        }
    }
}

/// A household and a decision about it: `doudi check`'s input (docs/check-format.md).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInput {
    pub household: Household,
    pub decision: Decision,
}

/// How the decision compares with what the rules give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The rules give the same amount.
    Agrees,
    /// The rules give another amount.
    Differs,
    /// The rules need answers the household does not give yet.
    CannotTell,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Agrees => "agrees",
            Verdict::Differs => "differs",
            Verdict::CannotTell => "cannot_tell",
        }
    }
}

/// What a reading or a fact would change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lead {
    RuralTier,
    CareTier,
    HouseholdSize,
    CountedIncome,
    GradualExit,
}

impl Lead {
    pub fn id(self) -> &'static str {
        match self {
            Lead::RuralTier => "rural_tier",
            Lead::CareTier => "care_tier",
            Lead::HouseholdSize => "household_size",
            Lead::CountedIncome => "counted_income",
            Lead::GradualExit => "gradual_exit",
        }
    }
}

/// A fact or reading that would give the decided amount (or, for gradual exit, money the
/// decision leaves out), with what it gives.
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    pub lead: Lead,
    /// What the programme would be a month with it.
    pub gives: Decimal,
    pub text: Text,
}

/// A decision checked.
#[derive(Clone, Debug, Serialize)]
pub struct Check {
    pub decision: Decision,
    pub programme: Programme,
    /// The date whose standards were used: the decision's, or else the household's.
    pub date: Date,
    /// What the rules give a month for the same household (0 when not eligible); none
    /// while they need more answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ours: Option<Decimal>,
    pub verdict: Verdict,
    /// The decided amount less ours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<Decimal>,
    /// What the rules still need, when they cannot tell.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<Missing>,
    /// The sentence that sums it up.
    pub summary: Text,
    /// What the reason given rests on, in the rules' terms, when a reason is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// What would give the decided amount: those the reason points to first. Empty when
    /// the amounts agree, or when nothing tried gives it (the summary then says so).
    pub explanations: Vec<Explanation>,
    /// Money the rules give beside the decision that a notice may leave out (gradual exit
    /// when dibao stops).
    pub left_out: Vec<Explanation>,
    /// What the family can do.
    pub next_steps: Vec<Text>,
}

/// The amount of `programme` (for `member`) in an assessment: its amount when eligible,
/// 0 when not, none while it needs more answers or is not assessed.
fn amount_of(
    assessment: &Assessment,
    programme: Programme,
    member: Option<usize>,
) -> Option<Decimal> {
    let outcome = assessment.programmes.iter().find(|outcome| {
        outcome.programme == programme && (member.is_none() || outcome.member == member)
    })?;
    match outcome.status {
        Status::Eligible => Some(outcome.monthly.unwrap_or_default()),
        Status::NotEligible => Some(Decimal::ZERO),
        Status::NeedsMoreInformation => None,
    }
}

fn figures(household: &Household) -> Option<Assessment> {
    assess(household, Options::FIGURES).ok()
}

/// The self-care answers with `lost` items not met (the last items first: bathing,
/// walking indoors…), the others met.
pub(crate) fn with_lost(lost: usize) -> SelfCare {
    let met = |position: usize| position < 6 - lost;
    SelfCare {
        eating: met(0),
        dressing: met(1),
        getting_in_and_out_of_bed: met(2),
        toileting: met(3),
        walking_indoors: met(4),
        bathing: met(5),
    }
}

fn lost_items(care: &SelfCare) -> usize {
    care.items().iter().filter(|(_, _, can)| !can).count()
}

/// A member's name as the explanation says it.
fn name_of(household: &Household, index: usize) -> Text {
    match household
        .members
        .get(index)
        .map(|member| member.name.trim())
    {
        Some(name) if !name.is_empty() => Text::new(name.to_string(), name.to_string()),
        _ => Text::new(
            format!("成员{}", index + 1),
            format!("member {}", index + 1),
        ),
    }
}

/// Checks a decision against the rules for the same household.
pub fn check(household: &Household, decision: &Decision) -> Result<Check, InputError> {
    let programme = decision.programme.programme();
    let member_based = decision.programme.of_a_member();
    if let Some(member) = decision.member {
        if member >= household.members.len() {
            return Err(say::no_such_member(member, household.members.len()));
        }
    } else if member_based {
        return Err(say::member_needed(decision.programme));
    }
    let max = Decimal::from(crate::household::MAX_MONTHLY_AMOUNT);
    if let Some(error) =
        crate::household::check_amount(|| "decision.monthly".into(), decision.monthly.0, max)
    {
        return Err(error);
    }
    // The tier is the caseworker's to decide: a decision that names one is read with it,
    // where the household does not give one.
    let mut read = household.clone();
    if decision.programme == Decided::Dibao && read.caseworker.rural_tier.is_none() {
        read.caseworker.rural_tier = decision.rural_tier;
    }
    // On the notice's date, with the standards then in force.
    if let Some(date) = decision.date {
        read.date = date;
    }
    let assessment = assess(&read, Options::QUIET).map_err(|mut error| {
        if decision.date.is_some() && error.field == "date" {
            error.field = "decision.date".into();
        }
        error
    })?;
    let member = decision.member.filter(|_| member_based);
    let ours = amount_of(&assessment, programme, member);
    let decided = decision.monthly.0;
    let missing = match ours {
        Some(_) => Vec::new(),
        None => assessment
            .programmes
            .iter()
            .find(|outcome| {
                outcome.programme == programme && (member.is_none() || outcome.member == member)
            })
            .map(|outcome| outcome.missing.clone())
            .unwrap_or_default(),
    };
    let verdict = match ours {
        None => Verdict::CannotTell,
        Some(ours) if ours == decided => Verdict::Agrees,
        Some(_) => Verdict::Differs,
    };
    let mut explanations = Vec::new();
    if verdict != Verdict::Agrees {
        leads(&read, &assessment, decision, member, &mut explanations);
    }
    // Those the reason given points to first.
    let pointed = decision.reason.map(|reason| match reason {
        Reason::IncomeAboveLine => Lead::CountedIncome,
        Reason::HouseholdMembers => Lead::HouseholdSize,
        Reason::Property | Reason::Supporters | Reason::Other => Lead::GradualExit,
    });
    explanations.sort_by_key(|explanation| Some(explanation.lead) != pointed);
    // A stop where gradual exit would be paid: said whatever the amounts, as it is money
    // the decision leaves out.
    let mut left_out = Vec::new();
    if decision.programme == Decided::Dibao && decided.is_zero() {
        if let Some(exit) = assessment.time_limited.as_ref() {
            left_out.push(Explanation {
                lead: Lead::GradualExit,
                gives: exit.monthly,
                text: say::gradual_exit(exit.monthly, exit.months),
            });
        }
    }
    let difference = ours
        .map(|ours| decided - ours)
        .filter(|_| verdict == Verdict::Differs);
    let summary = match (verdict, ours) {
        (Verdict::Agrees, _) => say::agrees(programme, decided),
        (Verdict::Differs, Some(ours)) => say::differs(
            programme,
            decided,
            ours,
            !explanations.is_empty(),
            &tried(household, decision),
        ),
        _ => say::cannot_tell(programme, &missing),
    };
    let reason = decision.reason.and_then(|reason| match reason {
        Reason::IncomeAboveLine => Some(say::reason_income(
            assessment.counted_income_monthly,
            assessment.counted_income_per_person_monthly,
            assessment.household_size,
        )),
        Reason::Property => Some(say::reason_property(read.family.property_within_limits)),
        Reason::Supporters => Some(say::reason_supporters()),
        Reason::HouseholdMembers => Some(say::reason_members(assessment.household_size)),
        Reason::Other => None,
    });
    let next_steps = say::next_steps(verdict, !left_out.is_empty());
    Ok(Check {
        decision: decision.clone(),
        programme,
        date: read.date,
        ours,
        verdict,
        difference,
        missing,
        summary,
        reason,
        explanations,
        left_out,
        next_steps,
    })
}

/// What `leads` tries for a decision, in its order.
fn tried(household: &Household, decision: &Decision) -> Vec<Lead> {
    match decision.programme {
        Decided::Dibao if household.category == crate::household::Category::Rural => {
            vec![Lead::RuralTier, Lead::HouseholdSize, Lead::CountedIncome]
        }
        Decided::Dibao => vec![Lead::HouseholdSize, Lead::CountedIncome],
        Decided::Tekun => vec![Lead::CareTier],
        Decided::SinglePerson | Decided::GradualExit => Vec::new(),
    }
}

/// The facts and readings that would give the decided amount.
fn leads(
    household: &Household,
    assessment: &Assessment,
    decision: &Decision,
    member: Option<usize>,
    out: &mut Vec<Explanation>,
) {
    let programme = decision.programme.programme();
    let decided = decision.monthly.0;
    let gives =
        |rewritten: &Household| figures(rewritten).and_then(|a| amount_of(&a, programme, member));
    match decision.programme {
        Decided::Dibao => {
            // Another rural tier: every tier in force, the decided one first.
            if household.category == crate::household::Category::Rural {
                let mut tiers: Vec<Tier> = decision.rural_tier.into_iter().collect();
                tiers.extend(
                    Tier::ALL
                        .iter()
                        .copied()
                        .filter(|tier| Some(*tier) != decision.rural_tier),
                );
                for tier in tiers {
                    if household.caseworker.rural_tier == Some(tier) {
                        continue;
                    }
                    let mut rewritten = household.clone();
                    rewritten.caseworker.rural_tier = Some(tier);
                    if gives(&rewritten) == Some(decided) {
                        out.push(Explanation {
                            lead: Lead::RuralTier,
                            gives: decided,
                            text: say::rural_tier(tier, decided),
                        });
                    }
                }
            }
            // One member fewer in the household, or one more without income.
            let size = assessment.household_size;
            for index in 0..household.members.len() {
                if household.members.len() < 2 {
                    break;
                }
                let mut rewritten = household.clone();
                rewritten.members.remove(index);
                if gives(&rewritten) == Some(decided) {
                    out.push(Explanation {
                        lead: Lead::HouseholdSize,
                        gives: decided,
                        text: say::without_member(&name_of(household, index), size, decided),
                    });
                }
            }
            let mut rewritten = household.clone();
            rewritten.members.push(Member {
                age: Some(40),
                relation: Relation::Other,
                ..Member::default()
            });
            if gives(&rewritten) == Some(decided) {
                out.push(Explanation {
                    lead: Lead::HouseholdSize,
                    gives: decided,
                    text: say::one_more(size, decided),
                });
            }
            // A different counted income.
            if let Some(counted) = counted_income_giving(household, programme, decided) {
                if counted != assessment.counted_income_monthly {
                    out.push(Explanation {
                        lead: Lead::CountedIncome,
                        gives: decided,
                        text: say::counted_income(
                            counted,
                            assessment.counted_income_monthly,
                            decided,
                        ),
                    });
                }
            }
        }
        Decided::Tekun => {
            let Some(index) = member else {
                return;
            };
            let now = household.members[index].self_care.as_ref().map(lost_items);
            for lost in 0..=6 {
                if Some(lost) == now {
                    continue;
                }
                let mut rewritten = household.clone();
                rewritten.members[index].self_care = Some(with_lost(lost));
                // With its words: the care tier's name is the outcome's level.
                let Ok(then) = assess(&rewritten, Options::QUIET) else {
                    continue;
                };
                if amount_of(&then, programme, member) == Some(decided) {
                    let tier = then
                        .programmes
                        .iter()
                        .find(|outcome| {
                            outcome.programme == Programme::Tekun && outcome.member == Some(index)
                        })
                        .and_then(|outcome| outcome.level.clone())
                        .unwrap_or(Text::EMPTY);
                    out.push(Explanation {
                        lead: Lead::CareTier,
                        gives: decided,
                        text: say::care_items(
                            &name_of(household, index),
                            lost,
                            &tier,
                            now,
                            decided,
                        ),
                    });
                }
            }
            if let Some(care) = decision.care_tier {
                let tier_now = assessment
                    .programmes
                    .iter()
                    .find(|outcome| {
                        outcome.programme == Programme::Tekun && outcome.member == Some(index)
                    })
                    .and_then(|outcome| outcome.level.as_ref());
                let named = crate::explain::tekun::care_tier(care.tier());
                if tier_now.map(|tier| &tier.zh) != Some(&named.zh) {
                    out.push(Explanation {
                        lead: Lead::CareTier,
                        gives: decided,
                        text: say::care_tier_named(&named, tier_now),
                    });
                }
            }
        }
        Decided::SinglePerson | Decided::GradualExit => {}
    }
}

/// The household's counted income a month at which `programme` would be `decided`: the
/// lowest earned income giving it (the amount falls as the earned income rises), found
/// to the fen; none when no earned income gives it.
fn counted_income_giving(
    household: &Household,
    programme: Programme,
    decided: Decimal,
) -> Option<Decimal> {
    use crate::what_if::household_at;
    let at = |fen: i64| -> Option<(Decimal, Decimal)> {
        let rewritten = household_at(household, Decimal::new(fen, 2)).ok()?;
        let assessment = figures(&rewritten)?;
        Some((
            amount_of(&assessment, programme, None)?,
            assessment.counted_income_monthly,
        ))
    };
    // The amount at no earned income is the most earnings can give.
    let (most, _) = at(0)?;
    if decided > most {
        return None;
    }
    // The lowest earned income (in fen) at which the amount is at most the decided one.
    let (mut low, mut high) = (0_i64, 100_000_000_i64);
    if at(high)?.0 > decided {
        return None;
    }
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if at(middle)?.0 <= decided {
            high = middle;
        } else {
            low = middle;
        }
    }
    let point = if at(low)?.0 <= decided { low } else { high };
    let (amount, counted) = at(point)?;
    (amount == decided).then_some(counted)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids the site puts in its lists are the names the input reads.
    #[test]
    fn every_id_is_its_name_in_the_input() {
        let name = |value: serde_json::Value| value.as_str().unwrap().to_string();
        for decided in Decided::ALL {
            assert_eq!(name(serde_json::to_value(decided).unwrap()), decided.id());
        }
        for care in DecidedCare::ALL {
            assert_eq!(name(serde_json::to_value(care).unwrap()), care.id());
        }
        for reason in Reason::ALL {
            assert_eq!(name(serde_json::to_value(reason).unwrap()), reason.id());
        }
    }
}

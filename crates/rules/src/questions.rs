//! What the site asks, as the rules see it: which questions apply to a member, and what
//! is in force on a date (the rural tiers, the serious-disease list). The site calls
//! these instead of reading the rules' tables, so a question is asked exactly when a
//! rule can use its answer.

use crate::household::{SupporterSituation, Tier};
use crate::policy::{id, Date, Params};
use crate::Text;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// What is in force on a date, for the questions.
#[derive(Clone, Debug)]
pub struct InForce {
    pub date: Date,
    /// The rural tiers that exist on the date (D and E from 2025-10-01).
    pub tiers: Vec<Tier>,
    /// The names on the serious-disease list, and their English names in the same order
    /// (empty when not given).
    pub serious_diseases: &'static [&'static str],
    pub serious_diseases_en: &'static [&'static str],
    /// Tekun: "elderly" from this age, "minor" below this one.
    pub tekun_elderly_age: u32,
    pub tekun_minor_age: u32,
    /// The supporter situations, in words with the ages of the date.
    pub supporter_situations: Vec<(SupporterSituation, Text)>,
}

/// The supporter situations in the order the site lists them.
pub const SUPPORTER_SITUATIONS: [SupporterSituation; 8] = [
    SupporterSituation::Able,
    SupporterSituation::Tekun,
    SupporterSituation::DibaoAged60Plus,
    SupporterSituation::Aged70PlusLowIncome,
    SupporterSituation::SeverelyDisabledLowIncome,
    SupporterSituation::NoCivilCapacity,
    SupporterSituation::Missing,
    SupporterSituation::InPrison,
];

/// What is in force on `date`; a date outside the modelled rules falls back to the first
/// modelled date (the site then says at the date field that it is outside).
pub fn in_force(date: Date) -> InForce {
    let first = crate::policy::first_modelled_date();
    let date = if date < first { first } else { date };
    // Values alone (policy::value_on): the first screen asks with these and explains
    // nothing, so no parameter's record is linked into its module.
    let value = |id| crate::policy::value_on(id, date).map(|(value, _)| value);
    let whole = |id| value(id).and_then(|value| u32::try_from(value.trunc().mantissa()).ok());
    let dibao_elderly = value(id::TEKUN_SUPPORTER_DIBAO_ELDERLY_AGE).unwrap_or(Decimal::from(60));
    let elderly = value(id::TEKUN_SUPPORTER_ELDERLY_AGE).unwrap_or(Decimal::from(70));
    let none = BTreeMap::new();
    let params = Params::new(date, &none);
    InForce {
        date,
        tiers: Tier::ALL
            .into_iter()
            .filter(|tier| value(tier.param()).is_some())
            .collect(),
        serious_diseases: params
            .list("serious_disease")
            .map(|entry| entry.items)
            .unwrap_or(&[]),
        serious_diseases_en: params
            .list("serious_disease")
            .map(|entry| entry.items_en)
            .unwrap_or(&[]),
        tekun_elderly_age: whole(id::TEKUN_ELDERLY_AGE).unwrap_or(60),
        tekun_minor_age: whole(id::TEKUN_MINOR_AGE).unwrap_or(18),
        supporter_situations: SUPPORTER_SITUATIONS
            .into_iter()
            .map(|situation| {
                (
                    situation,
                    crate::tekun::situation_text(situation, dibao_elderly, elderly),
                )
            })
            .collect(),
    }
}

impl InForce {
    /// A disease's name in English where the list gives one; else the name as given.
    pub fn disease_en<'a>(&self, name: &'a str) -> &'a str {
        self.serious_diseases
            .iter()
            .position(|known| *known == name)
            .and_then(|at| self.serious_diseases_en.get(at).copied())
            .unwrap_or(name)
    }

    /// Whether the tekun questions (supporters, own property, self-care) apply to a
    /// member: marked as tekun now, disabled, or of an age the tekun rules look at. The
    /// same test as the rules' own (facts.rs), on what the form knows so far.
    pub fn could_be_tekun(&self, age: Option<u32>, disabled: bool, marked_tekun: bool) -> bool {
        marked_tekun
            || disabled
            || age.is_some_and(|age| age >= self.tekun_elderly_age || age < self.tekun_minor_age)
    }
}

/// For each member of a household, a legal supporter who lives in it and is able by what
/// the household says, as the tekun rule reads it (tekun.rs, `household_supporter`), when
/// the member's supporters are not given: such a member is not a tekun person whatever is
/// said of supporters elsewhere, of self-care or of property, so none of the tekun
/// questions can change a result and the site does not ask them. All `None` for a
/// household the rules refuse (the site then asks).
pub fn supporters_at_home(household: &crate::Household) -> Vec<Option<usize>> {
    let mut found = vec![None; household.members.len()];
    let Ok(facts) = household.validate() else {
        return found;
    };
    let Ok(ctx) = crate::Ctx::new(&facts, crate::Options::FIGURES, false, None) else {
        return found;
    };
    for person in &facts.people {
        if person.member.supporters.is_some() {
            continue;
        }
        if let Ok(Some(supporter)) = crate::tekun::household_supporter(&ctx, person) {
            found[person.index] = Some(supporter.index);
        }
    }
    found
}

/// The figures a caseworker may change for one assessment on `date`: every parameter
/// whose value in force is assumed (a published or inferred figure is policy, not a
/// caseworker's choice), with its full record, in the order of policies/.
pub fn overridable(date: Date) -> Vec<crate::policy::Used> {
    let overrides = BTreeMap::new();
    let params = Params::new(date, &overrides);
    (0..crate::policy::PARAMS.len())
        .filter_map(|index| u16::try_from(index).ok())
        .filter_map(|index| params.at(crate::policy::ParamId(index)).ok())
        .filter(|used| used.basis == crate::policy::Basis::Assumed)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_d_and_e_exist_from_october_2025() {
        assert_eq!(in_force(Date::new(2025, 9, 30)).tiers.len(), 3);
        assert_eq!(in_force(Date::new(2025, 10, 1)).tiers.len(), 5);
    }

    #[test]
    fn the_tekun_questions_apply_to_the_old_the_young_and_the_disabled() {
        let now = in_force(Date::new(2026, 11, 1));
        assert!(now.could_be_tekun(Some(60), false, false));
        assert!(!now.could_be_tekun(Some(59), false, false));
        assert!(now.could_be_tekun(Some(17), false, false));
        assert!(!now.could_be_tekun(Some(18), false, false));
        assert!(now.could_be_tekun(Some(40), true, false));
        assert!(now.could_be_tekun(None, false, true));
        assert!(!now.could_be_tekun(None, false, false));
        assert!(now.supporter_situations[2].1.zh.contains("60周岁"));
    }
}

#[cfg(test)]
mod supporters_at_home_tests {
    use super::supporters_at_home;
    use crate::Household;

    fn household(members: &str) -> Household {
        serde_json::from_str(&format!(
            r#"{{"county": "hantai", "category": "urban", "date": "2026-11-01", "members": {members}}}"#
        ))
        .expect("a household")
    }

    #[test]
    fn a_child_living_with_an_able_parent_is_asked_no_tekun_question() {
        // Both parents 40 and 38: the first of them answers (the applicant).
        let found = supporters_at_home(&household(
            r#"[{"age": 40}, {"age": 38, "relation": "spouse"}, {"age": 8, "relation": "child"}]"#,
        ));
        assert_eq!(found[2], Some(0));
    }

    #[test]
    fn a_child_whose_only_parent_is_severely_disabled_is_asked() {
        // Grade 1 disability: not able by what the household says, so supporters
        // elsewhere (and the other tekun questions) may decide.
        let found = supporters_at_home(&household(
            r#"[{"age": 40, "disability": {"kind": "physical", "grade": 1}}, {"age": 8, "relation": "child"}]"#,
        ));
        assert_eq!(found[1], None);
    }

    #[test]
    fn a_parent_of_60_is_not_an_able_supporter_but_one_of_59_is() {
        // 60 is the age from which a supporter on dibao is unable (policies/).
        let at = |age: u32| {
            supporters_at_home(&household(&format!(
                r#"[{{"age": {age}}}, {{"age": 8, "relation": "child"}}]"#
            )))[1]
        };
        assert_eq!(at(59), Some(0));
        assert_eq!(at(60), None);
    }

    #[test]
    fn supporters_given_are_not_replaced() {
        let found = supporters_at_home(&household(
            r#"[{"age": 40}, {"age": 8, "relation": "child", "supporters": []}]"#,
        ));
        assert_eq!(found[1], None);
    }
}

/// A parameter of policies/ as a reform picks it: its id, its names, and its value in
/// force on a date (none where it is not in force then, as tiers D and E before
/// 2025-10-01).
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub value: Option<Decimal>,
}

/// Every parameter of policies/ with its value on `date`, in the order of policies/: what
/// the site offers to change in a reform (the caseload mode's, the caseworker's
/// "same household, new rules").
pub fn parameters(date: Date) -> Vec<Parameter> {
    crate::policy::PARAMS
        .iter()
        .enumerate()
        .filter_map(|(index, param)| {
            let id = crate::policy::ParamId(u16::try_from(index).ok()?);
            Some(Parameter {
                id: param.id,
                zh: param.zh,
                en: param.en,
                value: crate::policy::value_on(id, date).map(|(value, _)| value),
            })
        })
        .collect()
}

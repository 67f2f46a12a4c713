//! Facts derived once per assessment (ripgrep's LowArgs → HiArgs): for every member, from
//! the parameters in force on the date, whether they are severely disabled or seriously
//! ill, whether they are looked at for tekun, and their counted income for dibao and for
//! tekun. The programmes read these; none derives them again.

use crate::household::{DisabilityKind, IncomeKind, Person};
use crate::income::{self, MemberIncome};
use crate::policy::id;
use crate::{Ctx, InputError};
use rust_decimal::Decimal;

/// What the rules derive about one member.
#[derive(Clone, Debug)]
pub(crate) struct PersonFacts {
    /// 重度残疾人 (汉民发〔2021〕52号 二(一)).
    pub severely_disabled: bool,
    /// 重病患者 (汉民发〔2021〕52号 二(一)): a disease on the national list.
    pub seriously_ill: bool,
    /// Looked at for tekun: marked as tekun now, elderly, a minor, or disabled.
    pub tekun_candidate: bool,
    /// Counted income under the dibao rules, per year.
    pub income: MemberIncome,
    /// Counted income under the tekun rules (old-age allowance and medical insurance not
    /// counted), per year.
    pub income_for_tekun: MemberIncome,
}

/// Derives every member's facts.
pub(crate) fn derive(ctx: &Ctx) -> Result<Vec<PersonFacts>, InputError> {
    let mut people = Vec::with_capacity(ctx.facts.people.len());
    for person in &ctx.facts.people {
        people.push({
            let income = income::member_yearly(ctx, person, false)?;
            // The tekun reckoning differs only where an income is one that tekun does
            // not count; otherwise it is the same figure, not worked out twice.
            let differs = person.member.incomes.iter().any(|income| {
                matches!(
                    income.kind,
                    IncomeKind::OldAgeAllowance | IncomeKind::MedicalInsurance
                )
            });
            let income_for_tekun = if differs {
                income::member_yearly(ctx, person, true)?
            } else {
                income.clone()
            };
            PersonFacts {
                severely_disabled: severely_disabled(ctx, person)?,
                seriously_ill: seriously_ill(ctx, person)?,
                tekun_candidate: tekun_candidate(ctx, person)?,
                income,
                income_for_tekun,
            }
        });
    }
    Ok(people)
}

/// 重度残疾人 (汉民发〔2021〕52号 二(一)): a certificate of grade 1 or 2 of any kind, or
/// grade 3 intellectual or mental.
fn severely_disabled(ctx: &Ctx, person: &Person) -> Result<bool, InputError> {
    let Some(disability) = person.member.disability else {
        return Ok(false);
    };
    let grade = Decimal::from(disability.grade);
    if grade <= ctx.value(id::DISABILITY_SEVERE_MAX_GRADE)? {
        return Ok(true);
    }
    Ok(matches!(
        disability.kind,
        DisabilityKind::Intellectual | DisabilityKind::Mental
    ) && grade <= ctx.value(id::DISABILITY_SEVERE_MAX_GRADE_INTELLECTUAL_MENTAL)?)
}

/// 重病患者 (汉民发〔2021〕52号 二(一)): a disease on the national list.
fn seriously_ill(ctx: &Ctx, person: &Person) -> Result<bool, InputError> {
    let Some(name) = &person.member.serious_illness else {
        return Ok(false);
    };
    let name = name.trim();
    let list = ctx.params.list("serious_disease")?;
    Ok(list.items.contains(&name))
}

/// Whether a member is looked at for tekun: marked as tekun now, elderly, a minor, or
/// disabled.
fn tekun_candidate(ctx: &Ctx, person: &Person) -> Result<bool, InputError> {
    let age = Decimal::from(person.age);
    Ok(person.member.tekun
        || age >= ctx.value(id::TEKUN_ELDERLY_AGE)?
        || age < ctx.value(id::TEKUN_MINOR_AGE)?
        || person.member.disability.is_some())
}

//! The explanation layer: every sentence an assessment says, in Chinese and English.
//!
//! The programmes decide (figures, statuses, criteria states) and name what they found;
//! the words for it are written here, and only when an explanation is asked for
//! (`Options::text`, `Options::trace`): a programme calls `ctx.say(|| explain::…)` or
//! `ctx.step(…, || explain::…)`, and neither closure runs for a run of figures only.
//! One file per programme; the labels of statuses, bases and payments are in
//! `labels.rs`.

pub mod answers;
pub(crate) mod check;
pub(crate) mod dibao;
pub(crate) mod gradual_exit;
pub(crate) mod income;
pub(crate) mod marginal;
pub(crate) mod notices;
pub(crate) mod price_subsidy;
pub(crate) mod quick;
pub(crate) mod routes;
pub(crate) mod single_person;
pub(crate) mod tekun;
pub(crate) mod temporary;

use crate::outcome::{Said, Text};

/// A step of the trace in words: its sentence and its arithmetic with the numbers.
pub(crate) fn step(said: &Said, trace: &crate::outcome::Trace) -> (Text, String) {
    match said {
        Said::IncomeMember {
            who,
            lines,
            deduction,
            total,
        } => income::member_step(
            &who.label(&trace.names),
            trace.lines(lines),
            *deduction,
            *total,
        ),
        Said::IncomeOutside { who, why } => income::outside_step(&who.label(&trace.names), *why),
        Said::IncomeMarkedCounted { who } => income::marked_counted_step(&who.label(&trace.names)),
        &Said::IncomeHousehold {
            size,
            total_yearly,
            monthly,
            per_person,
        } => income::household_step(size, total_yearly, monthly, per_person),
        &Said::DibaoStandard {
            category,
            standard,
            standard_monthly,
            threshold_yearly,
            size,
            income_yearly,
            per_person_monthly,
            below,
        } => dibao::standard_step(
            category,
            standard,
            standard_monthly,
            threshold_yearly,
            size,
            income_yearly,
            per_person_monthly,
            below,
        ),
        &Said::DibaoGap {
            standard,
            size,
            income_monthly,
            base,
        } => dibao::gap_step(standard, size, income_monthly, base),
        &Said::DibaoTier {
            tier,
            why,
            per_person,
            size,
            base,
        } => dibao::tier_step(tier, why, per_person, size, base),
        &Said::DibaoCap { base, gap_monthly } => dibao::cap_step(base, gap_monthly),
        Said::DibaoTopup {
            who,
            why,
            rate,
            standard_monthly,
            amount,
        } => dibao::topup_step(
            &who.label(&trace.names),
            *why,
            *rate,
            *standard_monthly,
            *amount,
        ),
        &Said::DibaoTotal {
            base,
            extra,
            monthly,
        } => dibao::total_step(base, extra, monthly),
        &Said::SinglePersonGap {
            standard,
            own_monthly,
            gap,
        } => single_person::gap_step(standard, own_monthly, gap),
        Said::GradualExitReading => gradual_exit::reading_step(),
        &Said::GradualExitPeriod {
            count,
            current,
            ratio,
            monthly,
        } => gradual_exit::period_step(count, current, ratio, monthly),
        &Said::MarginalLine {
            standard_monthly,
            multiple,
            per_person_monthly,
            below,
        } => marginal::line_step(standard_monthly, multiple, per_person_monthly, below),
        Said::MarginalReading => marginal::reading_step(),
        &Said::PriceSubsidyAmount {
            per_person,
            persons,
            monthly,
            month_unknown,
        } => price_subsidy::amount_step(per_person, persons, monthly, month_unknown),
        &Said::TekunBasic {
            amount,
            published,
            multiple,
            standard_monthly,
            exact_floor,
            floor,
        } => tekun::basic_step(
            amount,
            published,
            multiple,
            standard_monthly,
            exact_floor,
            floor,
        ),
        Said::TekunSelfCare {
            items,
            tier,
            partial_min,
            full_min,
        } => tekun::self_care_step(items, *tier, *partial_min, *full_min),
        &Said::TekunCare {
            place,
            county_class,
            class,
            wage,
            rate,
            amount,
        } => tekun::care_step(place, county_class, class, wage, rate, amount),
        &Said::TekunCareRange {
            wage,
            least_rate,
            least,
            most_rate,
            most,
        } => tekun::care_range_step(wage, least_rate, least, most_rate, most),
        &Said::TekunTotal { monthly, range } => tekun::total_step(monthly, range),
        &Said::TemporaryRigidSpending {
            income_monthly,
            spending,
            members,
            left_per_person,
            standard_monthly,
        } => temporary::rigid_spending_step(
            income_monthly,
            spending,
            members,
            left_per_person,
            standard_monthly,
        ),
    }
}

/// What every assessment says of itself.
pub(crate) fn disclaimer() -> Text {
    Text::new(
        "估算结果，以当地民政部门审核为准。本计算器只在您的设备上计算，不上传任何信息。",
        "An estimate: the local civil affairs office decides. Computed on your device only; nothing is uploaded.",
    )
}

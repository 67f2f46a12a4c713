//! The household's expected monthly support in total, first and large.

use super::basis_badge::basis_badge;
use super::{fill_html, money};
use crate::i18n::{self, Lang};
use doudi_rules::Assessment;
use yew::prelude::*;

/// The total, large, with its basis badge and, for an undecided rural tier, its range.
pub fn total_figure(assessment: &Assessment, lang: Lang) -> Html {
    html! {
        <>
            <p class="big">
                { money(&assessment.total_monthly, "total_monthly".into()) }
                <span class="unit">{ i18n::YUAN_PER_MONTH.get(lang) }</span>
                { basis_badge(assessment.total_basis, lang) }
            </p>
            if let (Some(min), Some(max)) = (assessment.total_monthly_min, assessment.total_monthly_max) {
                <p class="range">{ fill_html(i18n::RANGE.get(lang), vec![
                    ("min", money(&min, "total_monthly_min".into())),
                    ("max", money(&max, "total_monthly_max".into())),
                ]) }</p>
            }
        </>
    }
}

/// A view function (no state of its own).
pub fn total_card(assessment: &Assessment, lang: Lang) -> Html {
    let size = assessment.household_size.to_string();
    html! {
        <section class="card total" aria-labelledby="total-title" data-testid="total">
            <h2 id="total-title">{ i18n::TOTAL.get(lang) }</h2>
            { total_figure(assessment, lang) }
            if assessment.total_basis != doudi_rules::policy::Basis::Published {
                <p class="small">{ i18n::BASIS_NOTE.get(lang) }</p>
            }
            if assessment.total_monthly.is_zero() {
                <p>{ i18n::NOTHING_YET.get(lang) }</p>
            }
            if assessment.household_size > 0 {
                <p class="counted">{ fill_html(i18n::COUNTED_INCOME.get(lang), vec![
                    ("total", money(&assessment.counted_income_monthly, "counted_income_monthly".into())),
                    ("size", html! { { size } }),
                    ("per", money(&assessment.counted_income_per_person_monthly, "counted_income_per_person_monthly".into())),
                ]) }</p>
            }
            <p class="disclaimer">{ lang.text(&assessment.disclaimer) }</p>
        </section>
    }
}

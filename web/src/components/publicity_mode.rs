//! Publicity-event mode, for a tablet or a projected screen: large type, a few made-up
//! households one tap away with their result in big cards, "work out your own", and a
//! QR code of the site so that visitors can take it home on their phones. After a few
//! idle minutes it starts over (see publicity_idle.rs).

use super::markup::Markup;
use super::total_card::publicity_total;
use super::{on, View};
use crate::browser;
use crate::examples;
use crate::i18n::{self, Lang};
use crate::state::Action;
use doudi_rules::{Options, Payment, Status};
use yew::prelude::*;

/// The examples offered, by name: one of each kind of help.
const SHOWN: [&str; 6] = [
    "urban-family-with-grandmother",
    "rural-elderly-couple-tier",
    "single-person-severe-disability",
    "tekun-partial-care",
    "gradual-exit",
    "marginal-family",
];

/// A view function (no state of its own).
pub fn publicity_mode(view: &View) -> Html {
    let state = view.state;
    let lang = state.lang;
    let dispatch = view.ondispatch;
    let body = match state.shown_example.and_then(|at| examples::ALL.get(at)) {
        Some(example) => example_result(example, lang, dispatch),
        None => html! {
            <>
                <h2 id="step-title" class="step-title" tabindex="-1">{ i18n::PUB_TITLE.get(lang) }</h2>
                <p class="intro">{ i18n::PUB_INTRO.get(lang) }</p>
                <ul class="pub-examples">
                    { for examples::ALL.iter().enumerate().filter(|(_, example)| SHOWN.contains(&example.name)).map(|(at, example)| html! {
                        <li>
                            <button type="button" class="pub-example" data-example={example.name} onclick={on(dispatch, Action::ShowExample(Some(at)))}>
                                { example.label.get(lang) }
                            </button>
                        </li>
                    }) }
                </ul>
                <button type="button" class="primary pub-own" onclick={on(dispatch, Action::EnterOwn)}>{ i18n::PUB_OWN.get(lang) }</button>
            </>
        },
    };
    let seconds = state.idle_seconds;
    let idle = if seconds.is_multiple_of(60) {
        i18n::fill(
            i18n::PUB_IDLE_MINUTES.get(lang),
            &[("n", &(seconds / 60).to_string())],
        )
    } else {
        i18n::fill(
            i18n::PUB_IDLE_SECONDS.get(lang),
            &[("n", &seconds.to_string())],
        )
    };
    html! {
        <main class="publicity">
            { body }
            { site_qr(lang) }
            <p class="small pub-idle">{ idle }</p>
        </main>
    }
}

/// An example's result: the total and each programme's status and amount, big.
fn example_result(example: &examples::Example, lang: Lang, dispatch: &Callback<Action>) -> Html {
    let assessment = browser::parse_household(example.json())
        .map(|household| doudi_rules::assess(&household, Options::QUIET));
    let back = html! {
        <button type="button" class="secondary pub-back" onclick={on(dispatch, Action::ShowExample(None))}>{ i18n::PUB_BACK.get(lang) }</button>
    };
    let Some(Ok(assessment)) = assessment else {
        return back;
    };
    // What the household can get first.
    let mut order: Vec<usize> = (0..assessment.programmes.len()).collect();
    order.sort_by_key(|&at| {
        let outcome = &assessment.programmes[at];
        (
            outcome.status != Status::Eligible,
            outcome.alternative.is_some(),
        )
    });
    let mut cards = Markup::new(lang);
    cards.raw("<ul class=\"pub-cards\">");
    for at in order {
        let outcome = &assessment.programmes[at];
        let status = outcome.status.id();
        cards.raw(&format!(
            "<li class=\"card pub-card {status}\" data-programme=\"{}\" data-status=\"{status}\" data-index=\"{at}\">",
            outcome.programme.id()
        ));
        let title = match outcome.member_label_in(lang != Lang::Zh) {
            Some(label) => format!("{} · {label}", lang.text(&outcome.title)),
            None => lang.text(&outcome.title).to_string(),
        };
        cards.el("h3", "h3", &title);
        cards.raw("<p>");
        cards.el(
            &format!("span class=\"status {status}\""),
            "span",
            i18n::status(outcome.status).get(lang),
        );
        cards.raw("</p>");
        if let Some(text) = &outcome.alternative {
            cards.raw("<p>");
            cards.el(
                "span class=\"tag alt\"",
                "span",
                i18n::ALTERNATIVE.get(lang),
            );
            cards.raw("</p>");
            cards.el("p class=\"alternative-text\"", "p", lang.text(text));
        }
        if let (Some(monthly), Status::Eligible) = (outcome.monthly, outcome.status) {
            cards.raw("<p class=\"amount\">");
            cards.money(&monthly, &format!("programmes[{at}].monthly"));
            cards.unit(i18n::YUAN_PER_MONTH);
            cards.raw("</p>");
            if outcome.payment != Payment::Monthly {
                cards.raw("<p class=\"payment\">");
                cards.el(
                    &format!("span class=\"tag pay {}\"", outcome.payment.id()),
                    "span",
                    i18n::payment(outcome.payment).get(lang),
                );
                cards.raw("</p>");
            }
        }
        if let Some(level) = &outcome.level {
            cards.raw("<p class=\"level\">");
            cards.el("span class=\"tag\"", "span", lang.text(level));
            cards.raw("</p>");
        }
        for reason in &outcome.reasons {
            cards.el("p class=\"reason\"", "p", lang.text(reason));
        }
        cards.raw("</li>");
    }
    cards.raw("</ul>");
    cards.el(
        "p class=\"disclaimer\"",
        "p",
        lang.text(&assessment.disclaimer),
    );
    html! {
        <>
            { back.clone() }
            <h2 id="step-title" class="step-title" tabindex="-1" data-example={example.name}>{ example.label.get(lang) }</h2>
            { publicity_total(&assessment, lang) }
            { cards.into_html() }
            { back }
        </>
    }
}

/// The QR code of the site's own address (no fragment: nothing of a household).
fn site_qr(lang: Lang) -> Html {
    let address = browser::site_address();
    let Some(svg) = doudi_share::qr_svg(&address) else {
        return html! {};
    };
    html! {
        <section class="card pub-qr" aria-labelledby="pub-qr-title">
            <h3 id="pub-qr-title">{ i18n::PUB_QR.get(lang) }</h3>
            <div class="qr" role="img" aria-label={address.clone()}>{ Html::from_html_unchecked(AttrValue::from(svg)) }</div>
            <p class="small pub-address">{ address }</p>
        </section>
    }
}

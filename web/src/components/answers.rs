//! Plain answers to the questions people ask (doudi_rules::answers: fixed text in both
//! languages, each with its clauses and how sure it is), beside the questions they
//! explain, all together at the foot of the result, and from each programme's "why".
//! Static markup (see markup.rs), but for the "why" buttons.

use super::markup::Markup;
use crate::i18n::{self, Lang};
use doudi_rules::answers::{self, Answer};
use yew::prelude::*;

fn write(out: &mut Markup, answer: &Answer, anchored: bool) {
    let zh = out.lang == Lang::Zh;
    out.raw("<details class=\"answer\"");
    if anchored {
        out.attr("id", &format!("answer-{}", answer.id));
    }
    out.attr("data-answer", answer.id);
    out.raw("><summary>");
    out.text(if zh {
        answer.question_zh
    } else {
        answer.question_en
    });
    out.raw("</summary>");
    out.el(
        "p",
        "p",
        if zh {
            answer.answer_zh
        } else {
            answer.answer_en
        },
    );
    out.raw("<p class=\"cite\">");
    out.text(out.label(i18n::ANSWER_BASIS));
    let clauses: Vec<&str> = answer
        .clauses
        .iter()
        .map(|clause| if zh { clause.text } else { clause.text_en })
        .collect();
    out.text(&clauses.join(out.sep()));
    out.raw(" ");
    out.badge(answer.basis);
    out.raw("</p></details>");
}

/// One answer, beside the question it explains.
pub fn answer(id: &str, lang: Lang) -> Html {
    let Some(answer) = answers::find(id) else {
        return Html::default();
    };
    let mut out = Markup::new(lang);
    write(&mut out, answer, false);
    out.into_html()
}

/// Every answer, at the foot of the result, each with an id (`answer-family`) that the
/// programmes' "why" opens (`links`).
pub fn all(lang: Lang) -> Html {
    let mut out = Markup::new(lang);
    out.raw("<section class=\"card answers\" aria-labelledby=\"answers-title\" data-testid=\"answers\">");
    out.el(
        "h2 id=\"answers-title\"",
        "h2",
        i18n::ANSWERS_TITLE.get(lang),
    );
    for answer in &answers::ALL {
        write(&mut out, answer, true);
    }
    out.raw("</section>");
    out.into_html()
}

/// Opens an answer at the foot of the result and brings it into view (no fragment: the
/// address's fragment is a share link's).
#[cfg(target_arch = "wasm32")]
fn open(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(answer) = document.get_element_by_id(&format!("answer-{id}")) {
        let _ = answer.set_attribute("open", "");
        answer.scroll_into_view();
        if let Some(summary) = answer
            .query_selector("summary")
            .ok()
            .flatten()
            .and_then(|summary| summary.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = summary.focus();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn open(_id: &str) {}

/// The questions that explain a programme's outcome, in its "why": each opens its answer
/// at the foot of the result.
pub fn links(programme: doudi_rules::Programme, lang: Lang) -> Html {
    let ids = answers::for_programme(programme);
    if ids.is_empty() {
        return Html::default();
    }
    let zh = lang == Lang::Zh;
    html! {
        <div class="answer-links">
            <p>{ i18n::ANSWERS_TITLE.get(lang) }</p>
            <ul>
                { for ids.iter().filter_map(|id| answers::find(id)).map(|answer| {
                    let id = answer.id;
                    html! {
                        <li>
                            <button type="button" class="link-button" data-open-answer={id} onclick={Callback::from(move |_: MouseEvent| open(id))}>
                                { if zh { answer.question_zh } else { answer.question_en } }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

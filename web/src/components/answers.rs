//! Plain answers to the questions people ask (doudi_rules::answers: fixed text in both
//! languages, each with its clauses and how sure it is), beside the questions they
//! explain and all together at the foot of the result. Static markup (see markup.rs).

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

/// Every answer, at the foot of the result; each can be linked to (`#answer-family`).
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

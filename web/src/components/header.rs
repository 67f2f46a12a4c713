//! The page header: the title, the language switch and the large-text switch.

use crate::i18n::{self, Lang};
use crate::state::Action;
use yew::prelude::*;

pub fn header(lang: Lang, large_text: bool, ondispatch: &Callback<Action>) -> Html {
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    html! {
        <header class="top">
            <div class="tools">
                <button type="button" class="tool" lang={other.tag()} aria-label={i18n::SWITCH_LANGUAGE_LABEL.get(lang)}
                    onclick={super::on(ondispatch, Action::SetLang(other))}>
                    { i18n::SWITCH_LANGUAGE.get(lang) }
                </button>
                <button type="button" class="tool" aria-pressed={if large_text { "true" } else { "false" }}
                    aria-label={i18n::LARGE_TEXT_LABEL.get(lang)} onclick={super::on(ondispatch, Action::ToggleLargeText)}>
                    { i18n::LARGE_TEXT.get(lang) }
                </button>
            </div>
            <h1>{ i18n::APP_TITLE.get(lang) }</h1>
            <p class="tagline">{ i18n::APP_TAGLINE.get(lang) }</p>
        </header>
    }
}

//! Static markup written as text, for the views that have no event and no input: the
//! result's money, the trace, the timeline, the chart, the lists of figures and of next
//! steps, the print sheet. Each element of `html!` costs the download a few hundred bytes
//! of code; written as text (every piece of text and every attribute escaped) the same
//! view costs a fraction of that. Views with buttons or fields stay in `html!`, with the
//! static parts inside them written here.

use crate::i18n::{self, Lang, T};
use doudi_rules::policy::Basis;
use doudi_rules::Decimal;
use yew::{AttrValue, Html};

/// Markup under construction; every text goes through `text`, which escapes it.
pub struct Markup {
    pub html: String,
    pub lang: Lang,
}

/// Writes a piece of markup: what fills a placeholder of a label.
pub type Piece<'a> = &'a dyn Fn(&mut Markup);

/// The class (and `data-basis`) of a basis.
pub fn basis_id(basis: Basis) -> &'static str {
    match basis {
        Basis::Published => "published",
        Basis::Inferred => "inferred",
        Basis::Assumed => "assumed",
        Basis::Override => "override",
        Basis::Reform => "reform",
    }
}

// The writers are called from hundreds of places: kept out of line, each call costs the
// download a call instruction instead of a copy of the writer.
impl Markup {
    pub fn new(lang: Lang) -> Markup {
        Markup {
            html: String::with_capacity(2048),
            lang,
        }
    }

    /// Markup written by the caller (tags and attributes it controls).
    #[inline(never)]
    pub fn raw(&mut self, markup: &str) {
        self.html.push_str(markup);
    }

    /// Text, escaped (also fit for an attribute's value in double quotes).
    #[inline(never)]
    pub fn text(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '&' => self.html.push_str("&amp;"),
                '<' => self.html.push_str("&lt;"),
                '>' => self.html.push_str("&gt;"),
                '"' => self.html.push_str("&quot;"),
                '\'' => self.html.push_str("&#39;"),
                c => self.html.push(c),
            }
        }
    }

    /// `<open>text</close>`, e.g. `el("td class=\"num\"", "td", "1606")`.
    #[inline(never)]
    pub fn el(&mut self, open: &str, close: &str, text: &str) {
        self.raw("<");
        self.raw(open);
        self.raw(">");
        self.text(text);
        self.raw("</");
        self.raw(close);
        self.raw(">");
    }

    /// ` name="value"`, the value escaped.
    #[inline(never)]
    pub fn attr(&mut self, name: &str, value: &str) {
        self.raw(" ");
        self.raw(name);
        self.raw("=\"");
        self.text(value);
        self.raw("\"");
    }

    pub fn label(&self, label: T) -> &'static str {
        label.get(self.lang)
    }

    pub fn sep(&self) -> &'static str {
        if self.lang == Lang::Zh {
            "；"
        } else {
            "; "
        }
    }

    pub fn colon(&self) -> &'static str {
        if self.lang == Lang::Zh {
            "："
        } else {
            ": "
        }
    }

    /// "label：value".
    #[inline(never)]
    pub fn pair(&self, label: T, value: &str) -> String {
        format!("{}{}{value}", self.label(label), self.colon())
    }

    /// An amount as the rules computed it, marked with its path in the assessment (or in
    /// `what_if`) so that the browser tests can compare it with the CLI's output.
    #[inline(never)]
    pub fn money(&mut self, value: &Decimal, path: &str) {
        self.raw("<span class=\"money\"");
        self.attr("data-money", path);
        self.raw(">");
        self.text(&value.to_string());
        self.raw("</span>");
    }

    /// How sure a figure is: published, inferred, assumed, or a caseworker's value. An
    /// assumption is never shown as policy.
    #[inline(never)]
    pub fn badge(&mut self, basis: Basis) {
        let id = basis_id(basis);
        self.raw(&format!("<span class=\"badge {id}\" data-basis=\"{id}\">"));
        self.text(i18n::basis(basis).get(self.lang));
        self.raw("</span>");
    }

    /// A label with `{name}` placeholders, each filled by a writer.
    #[inline(never)]
    pub fn fill(&mut self, template: &str, values: &[(&str, Piece)]) {
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            let Some(length) = rest[start..].find('}') else {
                break;
            };
            let name = &rest[start + 1..start + length];
            self.text(&rest[..start]);
            match values.iter().find(|(known, _)| *known == name) {
                Some((_, write)) => write(self),
                None => self.text(&rest[start..=start + length]),
            }
            rest = &rest[start + length + 1..];
        }
        self.text(rest);
    }

    /// The unit after an amount: `<span class="unit">元/月</span>`.
    #[inline(never)]
    pub fn unit(&mut self, unit: T) {
        self.raw("<span class=\"unit\">");
        self.text(unit.get(self.lang));
        self.raw("</span>");
    }

    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.html))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_placeholders_filled() {
        let mut out = Markup::new(Lang::Zh);
        out.raw("<p");
        out.attr("data-x", "a\"b<");
        out.raw(">");
        out.fill(
            "<{n}> & {m} {other}",
            &[
                ("n", &|out: &mut Markup| {
                    out.money(&Decimal::from(5), "x[0]")
                }),
                ("m", &|out: &mut Markup| out.text("'")),
            ],
        );
        out.raw("</p>");
        assert_eq!(
            out.html,
            "<p data-x=\"a&quot;b&lt;\">&lt;<span class=\"money\" data-money=\"x[0]\">5</span>&gt; &amp; &#39; {other}</p>"
        );
    }
}

//! Amounts below 1 with many decimals, written so that the household format reads them.
//!
//! An amount (`Money`) is written as its decimal text, "0.1234567890123456789" for a CPI
//! rise typed as ".1234567890123456789"; but the household format reads at most 20
//! characters of an amount, and the leading "0" makes the text 21. Such a household is
//! valid, yet its link could not be read back. Before a payload is deflated (and again
//! after a link is inflated, for old links) every such string value loses its leading
//! "0": ".1234567890123456789" is the same amount, with the same number of decimals.
//!
//! The scan knows just enough JSON to tell keys (a string followed by ':') from values;
//! free text (the value of a `name` or `serious_illness` key) is never touched.
//! Malformed input is copied as it is (the JSON parser that reads it next refuses it).

/// The household fields whose values are free text.
const FREE_TEXT: [&[u8]; 2] = [b"name", b"serious_illness"];

/// The longest amount text the household format reads.
const LONGEST_AMOUNT: usize = 20;

/// `json` with every string value of the form `-?0.ddd…` longer than
/// [`LONGEST_AMOUNT`] written without its leading zero.
pub fn shorten(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    let mut key: &[u8] = b"";
    let mut rest = json;
    while let Some(quote) = rest.iter().position(|&b| b == b'"') {
        out.extend_from_slice(&rest[..=quote]);
        let string = &rest[quote + 1..];
        // The closing quote: the first not escaped by a backslash.
        let mut at = 0;
        while at < string.len() && string[at] != b'"' {
            at += if string[at] == b'\\' { 2 } else { 1 };
        }
        if at >= string.len() {
            out.extend_from_slice(string);
            return out;
        }
        let (content, after) = (&string[..at], &string[at..]);
        if after[1..].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':') {
            key = content;
            out.extend_from_slice(content);
        } else {
            match shortened(content) {
                Some((sign, fraction)) if !FREE_TEXT.contains(&key) => {
                    out.extend_from_slice(sign);
                    out.extend_from_slice(fraction);
                }
                _ => out.extend_from_slice(content),
            }
        }
        out.push(b'"');
        rest = &after[1..];
    }
    out.extend_from_slice(rest);
    out
}

/// `-0.ddd…` or `0.ddd…`, too long to be read: its sign and `.ddd…`.
fn shortened(text: &[u8]) -> Option<(&[u8], &[u8])> {
    let (sign, unsigned) = match text.strip_prefix(b"-") {
        Some(rest) => (&b"-"[..], rest),
        None => (&b""[..], text),
    };
    let fraction = unsigned.strip_prefix(b"0")?;
    (text.len() > LONGEST_AMOUNT
        && fraction.len() > 1
        && fraction[0] == b'.'
        && fraction[1..].iter().all(u8::is_ascii_digit))
    .then_some((sign, fraction))
}

#[cfg(test)]
mod tests {
    use super::shorten;

    fn shortened(json: &str) -> String {
        String::from_utf8(shorten(json.as_bytes())).unwrap()
    }

    #[test]
    fn long_amounts_below_one_lose_their_leading_zero() {
        assert_eq!(
            shortened(
                r#"{"caseworker":{"cpi_rise":"0.1234567890123456789","food_cpi_rise":"-0.123456789012345678","overrides":{"x":"0.1234567890123456789"}}}"#
            ),
            r#"{"caseworker":{"cpi_rise":".1234567890123456789","food_cpi_rise":"-.123456789012345678","overrides":{"x":".1234567890123456789"}}}"#
        );
        assert_eq!(
            shortened(
                r#"{"members":[{"name":"a","incomes":[{"amount" : "0.1234567890123456789"}]}]}"#
            ),
            r#"{"members":[{"name":"a","incomes":[{"amount" : ".1234567890123456789"}]}]}"#
        );
    }

    #[test]
    fn everything_else_is_kept_byte_for_byte() {
        for json in [
            r#"{"a":"0.123456789012345678","b":"1.1234567890123456789","c":"0.12345678901234567x9"}"#,
            r#"{"a":"00.123456789012345678","b":"0.","c":"-0.1234567890123456789-"}"#,
            r#"{"members":[{"name":"0.1234567890123456789","serious_illness":"0.1234567890123456789"}]}"#,
            r#"{"supporters":[{"name":"0.1234567890123456789"}],"0.1234567890123456789":1}"#,
            r#"{"a":"x\"0.1234567890123456789","b":["\\",{"name":"0.1234567890123456789"}]}"#,
            r#"{"a":"0.12345678901234567890"#,
            "\"",
            "",
            "{[}]\\\"",
            "\"\\",
            "{\"name\":[\"0.1234567890123456789\"]}",
        ] {
            assert_eq!(shortened(json), json);
        }
    }
}

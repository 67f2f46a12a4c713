//! The rules exported to JavaScript, so that any page (and the browser tests) can call
//! the same `assess` as the site and the CLI.
//!
//! A wasm module of its own, not part of a resident's first load: Trunk builds it
//! (`data-type="worker"` with `data-bindgen-target="web"` in web/index.html) as the ES
//! module doudi-api.js, and index.html's `window.doudi.load()` imports it on first use
//! and resolves to its exports (docs/assessment-format.md, "From JavaScript").

use doudi_rules::household::{
    self, Caseworker, Category, Disability, DisabilityKind, Family, Income, IncomeKind, Member,
    Period, Relation, SelfCare, Student, Supporter, SupporterSituation, Tier, MAX_HOUSEHOLD_BYTES,
};
use doudi_rules::{Household, InputError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Nothing runs when the module loads: it only exports.
fn main() {}

/// Assesses a household: the JSON of docs/household-format.md, as a JS object or as
/// JSON text (read as `doudi assess` reads a file: at most 1 MB, a UTF-8 byte-order mark
/// allowed before it, nothing after it). Returns the assessment, or throws an object
/// `{ field, zh, en }` naming the field at fault (a JSON path) in Chinese and English,
/// with the same sentences as the CLI.
#[wasm_bindgen(js_name = assess)]
pub fn assess(household: JsValue) -> Result<JsValue, JsValue> {
    let household = read(household).map_err(|error| to_js(&error))?;
    let assessment = doudi_rules::assess(&household, doudi_rules::Options::default())
        .map_err(|error| to_js(&error))?;
    Ok(to_js(&assessment))
}

fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// The rules version (crate version and policy digest).
#[wasm_bindgen(js_name = rulesVersion)]
pub fn rules_version() -> String {
    doudi_rules::policy::rules_version().to_string()
}

/// A household from a JS object, or from JSON text.
fn read(value: JsValue) -> Result<Household, InputError> {
    let value = match value.dyn_ref::<js_sys::JsString>() {
        Some(text) => parse_text(text)?,
        None => value,
    };
    // serde_wasm_bindgen reads a struct by its fields' names: it would pass over a field
    // it does not know, and read a list as an object with no fields. The object is
    // walked first, a field at a time, and the first field at fault named.
    if let Some((path, message)) = locate(&value) {
        return Err(household::shape_error(&path, &message));
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|error| household::shape_error("", &words(&error)))
}

/// serde's message in a serde_wasm_bindgen error (which reads "Error: …").
fn words(error: &serde_wasm_bindgen::Error) -> String {
    let text = error.to_string();
    text.strip_prefix("Error: ").unwrap_or(&text).to_string()
}

/// JSON text to a JS value: its length checked before it is copied into the module, a
/// byte-order mark dropped, the browser's JSON.parse, and its errors put in the words
/// of serde_json's (which `household::shape_error` turns into sentences), so that the
/// messages are the CLI's.
fn parse_text(text: &js_sys::JsString) -> Result<JsValue, InputError> {
    // A UTF-16 unit is at least one byte of UTF-8.
    let units = usize::try_from(text.length()).unwrap_or(usize::MAX);
    if units > MAX_HOUSEHOLD_BYTES {
        return Err(household::too_large(None));
    }
    let text = String::from(text);
    if text.len() > MAX_HOUSEHOLD_BYTES {
        return Err(household::too_large(u64::try_from(text.len()).ok()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(household::empty_input());
    }
    js_sys::JSON::parse(text).map_err(|error| {
        let message = error
            .dyn_ref::<js_sys::Error>()
            .map(|error| String::from(error.message()))
            .unwrap_or_default();
        household::shape_error("", &serde_words(&message, text))
    })
}

/// A JSON.parse message (V8's: "Unexpected non-whitespace character after JSON at
/// position 80") in serde_json's words, with its line and column in `text`.
fn serde_words(message: &str, text: &str) -> String {
    let words = if message.contains("after JSON") {
        "trailing characters"
    } else if message.contains("end of JSON input") || message.contains("Unterminated string") {
        "EOF while parsing a value"
    } else if message.contains("control character") {
        "control character in a string"
    } else if message.contains("escape") || message.contains("Unicode") {
        "invalid escape"
    } else if message.contains("property name") {
        "key must be a string"
    } else if message.contains("Expected ',' or '}'") {
        "expected `,` or `}`"
    } else if message.contains("Expected ',' or ']'") {
        "expected `,` or `]`"
    } else if message.contains("Expected ':'") {
        "expected `:`"
    } else if message.contains("number") || message.contains("Exponent") {
        "invalid number"
    } else {
        "expected value"
    };
    // "at position 80": a count of UTF-16 units into the text.
    let position = message
        .split_once("at position ")
        .and_then(|(_, rest)| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<usize>().ok()
        })
        .map(|units| {
            let (mut line, mut column, mut counted) = (1, 1, 0);
            for c in text.chars() {
                if counted >= units {
                    break;
                }
                counted += c.len_utf16();
                if c == '\n' {
                    line += 1;
                    column = 1;
                } else {
                    column += 1;
                }
            }
            format!(" at line {line} column {column}")
        })
        .unwrap_or_default();
    format!("{words}{position}")
}

// ---- Where a JS object fails to read ------------------------------------------------
//
// serde_wasm_bindgen names no path, reads a struct by its fields' names (passing over a
// field it does not know) and reads a list as an object with no fields. So the object is
// walked first, a field at a time, down to the first field at fault: its path and the
// message serde would give there (in serde's words, which `household::shape_error` turns
// into sentences, as for the CLI). The walk checks each value itself, with the names
// serde declares (`declared_names`) and the household format's own readers of amounts
// and dates: no second copy of serde's reading is compiled in (the site's wasm counts
// every byte).

type Found = Option<(String, String)>;
/// The check of one named field of an object (None: nothing wrong found there).
type Field = fn(&str, &JsValue, String) -> Found;
/// The check of one item of a list, at its path.
type Item = fn(&JsValue, String) -> Found;

fn locate(value: &JsValue) -> Found {
    object(
        value,
        "",
        household::declared_names::<Household>(),
        &["county", "category", "date", "members"],
        household_field,
    )
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// A JS value in serde's words for what it found ("sequence", "string \"ab\"").
fn found(value: &JsValue) -> String {
    if js_sys::Array::is_array(value) {
        "sequence".into()
    } else if value.is_null() || value.is_undefined() {
        "null".into()
    } else if let Some(number) = value.as_f64() {
        format!("floating point `{number}`")
    } else if let Some(yes) = value.as_bool() {
        format!("boolean `{yes}`")
    } else if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        // Only the start of it: a message quotes no more.
        format!("string \"{}\"", String::from(text.slice(0, 64)))
    } else {
        "map".into()
    }
}

fn wrong(value: &JsValue, path: String, expected: &str) -> Found {
    Some((
        path,
        format!("invalid type: {}, expected {expected}", found(value)),
    ))
}

fn text(value: &JsValue, path: String) -> Found {
    if value.is_string() {
        None
    } else {
        wrong(value, path, "a string")
    }
}

fn boolean(value: &JsValue, path: String) -> Found {
    if value.as_bool().is_some() {
        None
    } else {
        wrong(value, path, "a boolean")
    }
}

/// A whole number from 0 to `max` (`name`: serde's name of the type).
fn whole(value: &JsValue, path: String, max: f64, name: &str) -> Found {
    match value.as_f64() {
        Some(number) if number.fract() == 0.0 && (0.0..=max).contains(&number) => None,
        Some(_) => Some((
            path,
            format!("invalid value: {}, expected {name}", found(value)),
        )),
        None => wrong(value, path, name),
    }
}

/// One of the names of an enum.
fn one_of(value: &JsValue, path: String, names: &[&str]) -> Found {
    let listed: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match value.as_string() {
        Some(name) if names.contains(&name.as_str()) => None,
        Some(name) => Some((
            path,
            format!(
                "unknown variant `{name}`, expected one of {}",
                listed.join(", ")
            ),
        )),
        None => wrong(value, path, "one of the names"),
    }
}

/// A date, read as the household format reads it.
fn date(value: &JsValue, path: String) -> Found {
    match value.as_string() {
        Some(text) => household::parse_date(&text)
            .err()
            .map(|(zh, en)| (path, household::in_both(&zh, &en))),
        None => wrong(value, path, "a date"),
    }
}

/// An amount, read as the household format reads it.
fn money(value: &JsValue, path: String) -> Found {
    match (value.as_string(), value.as_f64()) {
        (Some(text), _) => household::parse_amount(&text)
            .err()
            .map(|message| (path, message)),
        (None, Some(number)) if number.fract() == 0.0 && number.abs() < 1e15 => None,
        _ => wrong(value, path, "an amount"),
    }
}

/// The fields of a plain object (not a list, not null).
fn entries(value: &JsValue) -> Option<Vec<(String, JsValue)>> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return None;
    }
    let object: &js_sys::Object = value.unchecked_ref();
    Some(
        js_sys::Object::entries(object)
            .iter()
            .filter_map(|pair| {
                let pair: js_sys::Array = pair.unchecked_into();
                Some((pair.get(0).as_string()?, pair.get(1)))
            })
            .collect(),
    )
}

/// An object: a plain object, its fields among `known` (when the type names its
/// fields), each by `field`, and none of `required` missing.
fn object(value: &JsValue, path: &str, known: &[&str], required: &[&str], field: Field) -> Found {
    let Some(entries) = entries(value) else {
        return wrong(value, path.to_string(), "an object");
    };
    for (name, child) in &entries {
        if !known.is_empty() && !known.contains(&name.as_str()) {
            let listed: Vec<String> = known.iter().map(|name| format!("`{name}`")).collect();
            let message = format!(
                "unknown field `{name}`, expected one of {}",
                listed.join(", ")
            );
            return Some((join(path, name), message));
        }
        if let Some(found) = field(name, child, join(path, name)) {
            return Some(found);
        }
    }
    let present = |name: &&str| {
        entries
            .iter()
            .any(|(key, value)| key == name && !value.is_undefined())
    };
    required
        .iter()
        .find(|name| !present(name))
        .map(|name| (path.to_string(), format!("missing field `{name}`")))
}

/// A list: each item by `item`.
fn list(value: &JsValue, path: String, item: Item) -> Found {
    if !js_sys::Array::is_array(value) {
        return wrong(value, path, "a sequence");
    }
    let items: &js_sys::Array = value.unchecked_ref();
    for (index, child) in items.iter().enumerate() {
        if let Some(found) = item(&child, format!("{path}[{index}]")) {
            return Some(found);
        }
    }
    None
}

/// An optional field: null is fine.
fn optional(value: &JsValue, path: String, read: fn(&JsValue, String) -> Found) -> Found {
    if value.is_null() || value.is_undefined() {
        None
    } else {
        read(value, path)
    }
}

fn household_field(name: &str, value: &JsValue, path: String) -> Found {
    match name {
        "county" => text(value, path),
        "category" => one_of(value, path, household::declared_names::<Category>()),
        "date" => date(value, path),
        "members" => list(value, path, |value, path| {
            let known = household::declared_names::<Member>();
            object(value, &path, known, &[], member_field)
        }),
        "family" => {
            let known = household::declared_names::<Family>();
            object(value, &path, known, &[], family_field)
        }
        _ => {
            let known = household::declared_names::<Caseworker>();
            object(value, &path, known, &[], caseworker_field)
        }
    }
}

fn member_field(name: &str, value: &JsValue, path: String) -> Found {
    match name {
        "name" => text(value, path),
        "age" => optional(value, path, |value, path| {
            whole(value, path, 4_294_967_295.0, "u32")
        }),
        "birth_date" => optional(value, path, date),
        "relation" => one_of(value, path, household::declared_names::<Relation>()),
        "disability" => optional(value, path, |value, path| {
            let known = household::declared_names::<Disability>();
            object(value, &path, known, known, |name, value, path| match name {
                "kind" => one_of(value, path, household::declared_names::<DisabilityKind>()),
                _ => whole(value, path, 255.0, "u8"),
            })
        }),
        "serious_illness" => optional(value, path, text),
        "student" => one_of(value, path, household::declared_names::<Student>()),
        "incomes" => list(value, path, |value, path| {
            let known = household::declared_names::<Income>();
            object(
                value,
                &path,
                known,
                &known[..2],
                |name, value, path| match name {
                    "kind" => one_of(value, path, household::declared_names::<IncomeKind>()),
                    "amount" => money(value, path),
                    _ => one_of(value, path, household::declared_names::<Period>()),
                },
            )
        }),
        "employment_costs" => optional(value, path, money),
        "self_care" => optional(value, path, |value, path| {
            let known = household::declared_names::<SelfCare>();
            object(value, &path, known, known, |_, value, path| {
                boolean(value, path)
            })
        }),
        "supporters" => optional(value, path, |value, path| {
            list(value, path, |value, path| {
                let known = household::declared_names::<Supporter>();
                object(
                    value,
                    &path,
                    known,
                    &["situation"],
                    |name, value, path| match name {
                        "name" => text(value, path),
                        _ => one_of(
                            value,
                            path,
                            household::declared_names::<SupporterSituation>(),
                        ),
                    },
                )
            })
        }),
        "own_property_within_limits" => optional(value, path, boolean),
        _ => boolean(value, path),
    }
}

fn family_field(name: &str, value: &JsValue, path: String) -> Found {
    match name {
        "current_dibao_monthly" => optional(value, path, money),
        "property_within_limits" => optional(value, path, boolean),
        _ => boolean(value, path),
    }
}

fn caseworker_field(name: &str, value: &JsValue, path: String) -> Found {
    match name {
        "rural_tier" => optional(value, path, |value, path| {
            one_of(value, path, household::declared_names::<Tier>())
        }),
        "overrides" => object(value, &path, &[], &[], |_, value, path| money(value, path)),
        _ => optional(value, path, money),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_of_a_struct_are_read_from_serde() {
        assert_eq!(household::declared_names::<Disability>(), ["kind", "grade"]);
        assert!(household::declared_names::<Household>().contains(&"members"));
        assert!(
            household::declared_names::<std::collections::BTreeMap<String, household::Money>>()
                .is_empty()
        );
        assert_eq!(
            &household::declared_names::<Income>()[..2],
            ["kind", "amount"]
        );
    }

    #[test]
    fn v8_messages_read_as_serde_json_would_say_them() {
        let text = format!("{}\n{} {{}}", "x".repeat(10), "y".repeat(79));
        assert_eq!(
            serde_words(
                "Unexpected non-whitespace character after JSON at position 91 (line 2 column 81)",
                &text
            ),
            "trailing characters at line 2 column 81"
        );
        assert_eq!(
            serde_words("Unexpected end of JSON input", ""),
            "EOF while parsing a value"
        );
        let error = household::shape_error(
            "",
            &serde_words(
                "Unexpected non-whitespace character after JSON at position 80",
                &"z".repeat(90),
            ),
        );
        assert_eq!(error.field, "input");
        assert!(
            error
                .en
                .contains("more after the household's JSON at line 1, column 81"),
            "{}",
            error.en
        );
    }
}

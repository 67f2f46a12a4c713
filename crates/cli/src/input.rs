//! Reading a household: a file's bytes to UTF-8 text, the text to a household. The fuzz
//! targets compile this file in as it is (fuzz/src/lib.rs), so the household target reads
//! a file exactly as `doudi assess FILE` does and cannot drift from it.

use doudi_rules::household::{empty_input, shape_error, too_large, MAX_HOUSEHOLD_BYTES};
use doudi_rules::{Household, InputError};

/// Bytes as UTF-8 text, naming the line of the first byte that is not.
pub fn utf8_text(bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|byte| **byte == b'\n').count() + 1;
        InputError::new(
            "input".into(),
            format!("第 {line} 行有不是 UTF-8 的字节：JSON 文件要用 UTF-8 编码保存"),
            format!("line {line} has bytes that are not UTF-8: save the JSON file as UTF-8"),
        )
    })
}

/// Parses household JSON: at most [`MAX_HOUSEHOLD_BYTES`], a UTF-8 byte-order mark
/// allowed before it, nothing but white space after it. An error names the field at
/// fault in a sentence in Chinese and English (`household::shape_error`), never in
/// serde's own words, and quotes at most a short prefix of any value.
pub fn parse_household(text: &str) -> Result<Household, InputError> {
    parse(text)
}

/// Parses any input the CLI reads as JSON (a household; `doudi check`'s household and
/// decision) the same way as [`parse_household`].
pub fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, InputError> {
    if text.len() > MAX_HOUSEHOLD_BYTES {
        return Err(too_large(u64::try_from(text.len()).ok()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(empty_input());
    }
    // serde would read a list of the fields in order as a household.
    if text.trim_start().starts_with('[') {
        return Err(shape_error(
            "",
            "invalid type: sequence, expected a household",
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        shape_error(&path, &error.into_inner().to_string())
    })?;
    deserializer
        .end()
        .map_err(|error| shape_error("", &error.to_string()))?;
    Ok(value)
}

//! The rules exported to JavaScript, so that any page (and the browser tests) can call
//! the same `assess` as the site and the CLI.

use wasm_bindgen::prelude::*;

/// Assesses a household (the JSON of docs/household-format.md as a JS object). Returns
/// the assessment, or throws an object `{ field, zh, en }` naming the field at fault.
#[wasm_bindgen(js_name = assess)]
pub fn assess(household: JsValue) -> Result<JsValue, JsValue> {
    let household: doudi_rules::Household =
        serde_wasm_bindgen::from_value(household).map_err(|error| {
            let error = doudi_rules::InputError::new(
                "input".into(),
                format!("输入格式有误：{error}"),
                format!("malformed input: {error}"),
            );
            to_js(&error)
        })?;
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
    doudi_rules::policy::rules_version()
}

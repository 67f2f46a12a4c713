//! The site's caseload mode, off the page's thread: a web worker that runs a caseload CSV
//! through doudi-caseload, the code of `doudi batch`, and posts back the progress, the
//! result CSV (byte for byte what `doudi batch` writes, with its byte-order mark) and the
//! first rows for the page's preview.
//!
//! A module of its own, so that a resident's first load carries none of it: the page
//! (web/src/components/caseload_mode.rs) starts this worker only when a caseload is run,
//! and ends it (`terminate`) to stop a run. Trunk builds it (`data-type="worker"` in
//! web/index.html) as `doudi-caseload-worker_loader.js`, which loads the module.
//!
//! The messages (plain objects; `kind` says which):
//! - worker → page `{ kind: "ready" }` once it listens (a message sent before would be
//!   lost while the module compiles);
//! - page → worker `{ bytes: Uint8Array }`, the file as it is;
//! - worker → page `{ kind: "progress", done, total }` every `CHUNK` households;
//! - worker → page `{ kind: "done", csv, total, errors, columns, preview }`, `csv` the
//!   result's bytes as an ArrayBuffer (transferred);
//! - worker → page `{ kind: "failed", zh, en }` when the file cannot be read at all.

use doudi_caseload::{
    is_error, plan, sniff, undecodable, write_header, write_row, TextEncoding, OUTPUT_COLUMNS,
};
use doudi_rules::{InputError, Options};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Households between two progress messages.
const CHUNK: usize = 200;
/// Result rows the page shows; the download has them all.
const PREVIEW_ROWS: usize = 10;
/// The columns of the preview, by name (doudi_caseload::OUTPUT_COLUMNS): money that
/// comes every month apart from the time-limited and the conditional.
const PREVIEW_COLUMNS: [&str; 8] = [
    "household_id",
    "members",
    "dibao_status",
    "total_monthly",
    "total_basis",
    "time_limited_monthly",
    "conditional_monthly",
    "error",
];

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let onmessage = {
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let bytes = Reflect::get(&event.data(), &"bytes".into())
                .ok()
                .and_then(|bytes| bytes.dyn_into::<Uint8Array>().ok())
                .map(|bytes| bytes.to_vec())
                .unwrap_or_default();
            run(&scope, bytes);
        })
    };
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post(&scope, "ready", &[]);
}

/// Posts `{ kind, ...fields }` to the page.
fn post(scope: &DedicatedWorkerGlobalScope, kind: &str, fields: &[(&str, JsValue)]) {
    let _ = scope.post_message(&message(kind, fields));
}

fn message(kind: &str, fields: &[(&str, JsValue)]) -> Object {
    let message = Object::new();
    let _ = Reflect::set(&message, &"kind".into(), &kind.into());
    for (name, value) in fields {
        let _ = Reflect::set(&message, &(*name).into(), value);
    }
    message
}

fn failed(scope: &DedicatedWorkerGlobalScope, error: InputError) {
    let zh = format!("{}：{}", error.field, error.zh);
    let en = format!("{}: {}", error.field, error.en);
    post(scope, "failed", &[("zh", zh.into()), ("en", en.into())]);
}

/// Surveys the caseload once, then computes it a household at a time, as `doudi batch`
/// does (doudi_caseload::stream), keeping the first rows for the preview.
fn run(scope: &DedicatedWorkerGlobalScope, bytes: Vec<u8>) {
    // Another encoding than UTF-8 (GBK, UTF-16) decoded by the browser first.
    let bytes = match utf8_of(bytes) {
        Ok(bytes) => bytes,
        Err(error) => return failed(scope, error),
    };
    // The survey (encoding, header, households, repeated ids), then the households.
    let surveyed = plan(&mut || Ok(bytes.as_slice()))
        .and_then(|plan| Ok((plan.households(), plan.groups(bytes.as_slice())?)));
    let (total, mut groups) = match surveyed {
        Ok(surveyed) => surveyed,
        Err(error) => return failed(scope, error.into()),
    };
    let columns = groups.columns().clone();
    let shown: Vec<usize> = PREVIEW_COLUMNS
        .iter()
        .filter_map(|name| OUTPUT_COLUMNS.iter().position(|column| column == name))
        .collect();
    let mut out = String::new();
    write_header(&mut out, true);
    let (mut done, mut errors) = (0usize, 0usize);
    let preview = Array::new();
    let progress = |done: usize| {
        post(
            scope,
            "progress",
            &[("done", done.into()), ("total", total.into())],
        )
    };
    progress(0);
    for group in groups.by_ref() {
        let group = match group {
            Ok(group) => group,
            Err(error) => return failed(scope, error.into()),
        };
        // The trace changes no figure of the results; without it, it is faster.
        let record = group.result(&columns, Options::FIGURES);
        if is_error(&record) {
            errors += 1;
        }
        write_row(&mut out, &record);
        if preview.length() < PREVIEW_ROWS as u32 {
            let row: Array = shown
                .iter()
                .map(|&column| JsValue::from(record.get(column).map(String::as_str).unwrap_or("")))
                .collect();
            preview.push(&row);
        }
        done += 1;
        if done % CHUNK == 0 {
            progress(done);
        }
    }
    let names: Array = shown
        .iter()
        .map(|&column| JsValue::from(OUTPUT_COLUMNS[column]))
        .collect();
    // The result's bytes (UTF-8, as `doudi batch` writes them), handed over rather than
    // copied: the page makes its download of them as they are.
    let csv = Uint8Array::from(out.as_bytes()).buffer();
    drop(out);
    let finished = message(
        "done",
        &[
            ("csv", csv.clone().into()),
            ("total", done.into()),
            ("errors", errors.into()),
            ("columns", names.into()),
            ("preview", preview.into()),
        ],
    );
    let _ = scope.post_message_with_transfer(&finished, &Array::of1(&csv));
}

/// The caseload's bytes as UTF-8, by the rules `doudi batch` follows
/// (doudi_caseload::sniff): UTF-8 as it is (the reader skips a byte-order mark);
/// GB18030/GBK and UTF-16 decoded by the browser's TextDecoder, the WHATWG Encoding
/// Standard that `doudi batch` decodes by too (with encoding_rs, which the site leaves
/// out: it would add about 124 KB gzip).
fn utf8_of(bytes: Vec<u8>) -> Result<Vec<u8>, InputError> {
    let (encoding, mark) = sniff(&bytes).map_err(|line| undecodable(TextEncoding::Utf8, line))?;
    if encoding == TextEncoding::Utf8 {
        return Ok(bytes);
    }
    let body = &bytes[mark..];
    if let Some(text) = browser_decode(encoding.label(), body, true) {
        return Ok(text.into_bytes());
    }
    // Not valid in that encoding: the line of the first byte that is not.
    let line = browser_decode(encoding.label(), body, false)
        .map(|text| {
            let bad = text.find('\u{fffd}').unwrap_or(text.len());
            text[..bad].matches('\n').count() as u64 + 1
        })
        .unwrap_or(1);
    Err(undecodable(encoding, line))
}

/// `new TextDecoder(label, { fatal }).decode(bytes)`; None when it throws.
fn browser_decode(label: &str, bytes: &[u8], fatal: bool) -> Option<String> {
    let class: js_sys::Function = Reflect::get(&js_sys::global(), &"TextDecoder".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    Reflect::set(&options, &"fatal".into(), &JsValue::from_bool(fatal)).ok()?;
    let decoder = Reflect::construct(&class, &Array::of2(&label.into(), &options)).ok()?;
    let decode: js_sys::Function = Reflect::get(&decoder, &"decode".into())
        .ok()?
        .dyn_into()
        .ok()?;
    decode
        .call1(&decoder, &Uint8Array::from(bytes))
        .ok()?
        .as_string()
}

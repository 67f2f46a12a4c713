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
//! - page → worker `{ bytes: Uint8Array, reform?: string }`, the file as it is, and a
//!   reform's TOML (docs/reform-format.md) to cost it: the rows are then each
//!   household's amounts before and under the reform (`doudi batch --reform`), and
//!   `done` carries the summary (`doudi reform`'s figures, every amount a decimal string);
//! - worker → page `{ kind: "progress", done, total }` every `CHUNK` households;
//! - worker → page `{ kind: "done", csv, total, errors, columns, preview }`, `csv` the
//!   result's bytes as an ArrayBuffer (transferred);
//! - worker → page `{ kind: "failed", zh, en }` when the file cannot be read at all.

use doudi_caseload::reform::{Costing, Line, Tally};
use doudi_caseload::{
    is_error, plan, reform_error_row, reform_row, sniff, table, undecodable, write_header_in,
    write_row_in, TextEncoding,
};
use doudi_rules::reform::Reform;
use doudi_rules::Decimal;
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
/// The preview's columns under a reform.
const REFORM_PREVIEW_COLUMNS: [&str; 7] = [
    "household_id",
    "members",
    "total_monthly",
    "reform_total_monthly",
    "change_monthly",
    "reform_total_basis",
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
            let reform = Reflect::get(&event.data(), &"reform".into())
                .ok()
                .and_then(|reform| reform.as_string())
                .filter(|reform| !reform.trim().is_empty());
            run(&scope, bytes, reform);
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
fn run(scope: &DedicatedWorkerGlobalScope, bytes: Vec<u8>, reform: Option<String>) {
    let reform: Option<Reform> = match reform.as_deref().map(doudi_caseload::reform::read) {
        None => None,
        Some(Ok(reform)) => Some(reform),
        Some(Err(error)) => return failed(scope, error),
    };
    let mut tally = reform.as_ref().map(Tally::new);
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
    let table = table(reform.is_some());
    let preview_columns: &[&str] = match reform {
        Some(_) => &REFORM_PREVIEW_COLUMNS,
        None => &PREVIEW_COLUMNS,
    };
    let shown: Vec<usize> = preview_columns
        .iter()
        .filter_map(|name| table.iter().position(|(column, _)| column == name))
        .collect();
    let mut out = String::new();
    write_header_in(&mut out, true, table);
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
    // One record, its cells written over for each household (Group::result_into).
    let mut record = Vec::new();
    for group in groups.by_ref() {
        let group = match group {
            Ok(group) => group,
            Err(error) => return failed(scope, error.into()),
        };
        // The trace changes no figure of the results; without it, it is faster.
        match (&reform, &mut tally) {
            (Some(reform), Some(tally)) => record = reformed(&group, &columns, reform, tally),
            _ => group.result_into(&columns, Options::FIGURES, &mut record),
        }
        if is_error(&record) {
            errors += 1;
        }
        write_row_in(&mut out, &record, table);
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
        .map(|&column| JsValue::from(table[column].0))
        .collect();
    let summary = tally.map(|tally| {
        let spread = spread(tally.changes());
        summary(&tally.finish(), reform.as_ref(), spread)
    });
    // The module's memory at its largest (wasm memory only grows): for the benchmark.
    let memory = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| {
            memory
                .buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length()
        })
        .unwrap_or(0);
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
            ("summary", summary.map_or(JsValue::NULL, JsValue::from)),
            ("memory", memory.into()),
        ],
    );
    let _ = scope.post_message_with_transfer(&finished, &Array::of1(&csv));
}

/// A household's row under a reform, assessed once each way for the row and the sums.
fn reformed(
    group: &doudi_caseload::Group,
    columns: &doudi_caseload::Columns,
    reform: &Reform,
    tally: &mut Tally,
) -> Vec<String> {
    match group.both_ways(columns, Options::FIGURES, reform) {
        Ok((household, before, after)) => {
            tally.add_assessed(&group.id, &household, &before, &after);
            reform_row(&group.id, &before, &after)
        }
        Err(error) => {
            tally.fail();
            reform_error_row(&group.id, group.input_rows, &error)
        }
    }
}

/// How many households' changes a month fall in each band: a loss of 100 or more, a
/// smaller loss, none, a gain up to 50, up to 100, up to 200, more (the page's chart of
/// their spread, i18n::CL_BANDS).
fn spread(changes: &[Decimal]) -> Vec<usize> {
    let mut counts = vec![0; 7];
    let at = |yuan: i64| Decimal::from(yuan);
    for change in changes {
        let band = if *change <= at(-100) {
            0
        } else if *change < Decimal::ZERO {
            1
        } else if change.is_zero() {
            2
        } else if *change <= at(50) {
            3
        } else if *change <= at(100) {
            4
        } else if *change <= at(200) {
            5
        } else {
            6
        };
        counts[band] += 1;
    }
    counts
}

fn text(value: Decimal) -> JsValue {
    JsValue::from(value.normalize().to_string())
}

fn lines(lines: &[Line]) -> Array {
    lines
        .iter()
        .map(|line| {
            JsValue::from(message(
                "line",
                &[
                    ("id", line.id.into()),
                    ("zh", line.label.zh.as_ref().into()),
                    ("en", line.label.en.as_ref().into()),
                    ("households", line.households.into()),
                    ("before", text(line.before)),
                    ("after", text(line.after)),
                    ("change", text(line.change())),
                ],
            ))
        })
        .collect()
}

/// The summary for the page: every amount a decimal string, as `doudi reform` prints it.
fn summary(costing: &Costing, reform: Option<&Reform>, spread: Vec<usize>) -> Object {
    // The reform's values, each with its parameter's names: the summary says what it
    // costed.
    let changes: Array = reform
        .map(|reform| reform.changes().to_vec())
        .unwrap_or_default()
        .iter()
        .map(|change| {
            let param = change.param.param();
            JsValue::from(message(
                "change",
                &[
                    ("id", param.id.into()),
                    ("zh", param.zh.into()),
                    ("en", param.en.into()),
                    ("from", change.from.to_string().into()),
                    ("value", text(change.value)),
                ],
            ))
        })
        .collect();
    let count = |count: doudi_caseload::reform::Count| -> JsValue {
        Array::of2(&count.households.into(), &count.people.into()).into()
    };
    let changed = |changed: &Option<doudi_caseload::reform::Changed>| -> JsValue {
        changed.as_ref().map_or(JsValue::NULL, |changed| {
            Array::of3(
                &changed.id.as_str().into(),
                &text(changed.before),
                &text(changed.after),
            )
            .into()
        })
    };
    let dates = costing
        .dates
        .map(|(low, high)| Array::of2(&low.to_string().into(), &high.to_string().into()).into())
        .unwrap_or(JsValue::NULL);
    message(
        "summary",
        &[
            ("zh", costing.reform.zh.as_ref().into()),
            ("en", costing.reform.en.as_ref().into()),
            ("changes", changes.into()),
            ("assessed", count(costing.assessed)),
            ("failed", costing.failed.into()),
            ("dates", dates),
            ("newly", count(costing.newly_eligible)),
            ("noLonger", count(costing.no_longer_eligible)),
            ("gaining", count(costing.gaining)),
            ("losing", count(costing.losing)),
            ("unchanged", count(costing.unchanged)),
            ("before", text(costing.monthly_before)),
            ("after", text(costing.monthly_after)),
            ("change", text(costing.monthly_change())),
            ("yearly", text(costing.yearly_change())),
            ("lowBefore", text(costing.monthly_low_before)),
            ("lowAfter", text(costing.monthly_low_after)),
            ("limitedBefore", text(costing.time_limited_before)),
            ("limitedAfter", text(costing.time_limited_after)),
            ("median", text(costing.median_change)),
            (
                "medianChanged",
                costing.median_change_of_changed.map_or(JsValue::NULL, text),
            ),
            ("largestGain", changed(&costing.largest_gain)),
            ("largestLoss", changed(&costing.largest_loss)),
            ("programmes", lines(&costing.by_programme).into()),
            ("counties", lines(&costing.by_county).into()),
            ("categories", lines(&costing.by_category).into()),
            (
                "spread",
                spread
                    .into_iter()
                    .map(JsValue::from)
                    .collect::<Array>()
                    .into(),
            ),
        ],
    )
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

//! Caseload mode: a CSV caseload in the format of `doudi batch` (UTF-8, GBK or UTF-16, as
//! the command line reads it), computed on the device with the very code of the command
//! line (doudi-caseload: the survey, then the households one at a time), a chunk of
//! households at a time so that the page keeps answering, with a progress bar; the
//! results as a CSV file to download, byte for byte what `doudi batch` writes for the
//! same file (with its byte-order mark).
//!
//! A component of its own, unlike the views: the run goes on between renders (it yields
//! to the browser after each chunk) and keeps its progress here, not in the app's state.

use super::markup::Markup;
use crate::i18n::{self, Lang};
use doudi_caseload::{
    is_error, plan, sniff, undecodable, write_header, write_row, TextEncoding, OUTPUT_COLUMNS,
};
use doudi_rules::{InputError, Options};
use gloo::file::callbacks::FileReader;
use gloo::file::{Blob, File, ObjectUrl};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Households computed between two yields to the browser (a few milliseconds' work).
const CHUNK: usize = 200;
/// Result rows shown on the page; the download has them all.
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

/// The positions of the preview's columns in a result row.
fn preview_columns() -> Vec<usize> {
    PREVIEW_COLUMNS
        .iter()
        .filter_map(|name| OUTPUT_COLUMNS.iter().position(|column| column == name))
        .collect()
}

const EXAMPLE: &[u8] = include_bytes!("../../../examples/caseload.csv");

#[derive(Properties, PartialEq)]
pub struct CaseloadModeProps {
    pub lang: Lang,
}

/// The download: an object URL of the results, released when no render holds it.
struct Download {
    url: ObjectUrl,
    file_name: String,
}

#[derive(Clone)]
enum Run {
    Idle,
    Reading {
        name: String,
    },
    Running {
        name: String,
        done: usize,
        total: usize,
    },
    Done {
        name: String,
        total: usize,
        errors: usize,
        preview: Rc<Vec<Vec<String>>>,
        download: Rc<Download>,
    },
    Stopped,
    Failed {
        zh: String,
        en: String,
    },
}

/// What the run in progress needs between chunks: its number (a newer run, or leaving
/// the mode, stops it) and the file being read.
#[derive(Default)]
struct Shared {
    generation: u32,
    reader: Option<FileReader>,
}

#[function_component(CaseloadMode)]
pub fn caseload_mode(props: &CaseloadModeProps) -> Html {
    let lang = props.lang;
    let run = use_state(|| Run::Idle);
    let shared = use_mut_ref(Shared::default);
    {
        // Leaving the mode stops the run.
        let shared = shared.clone();
        use_effect_with((), move |_| move || shared.borrow_mut().generation += 1);
    }
    let onfile = {
        let run = run.clone();
        let shared = shared.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Choosing the same file again starts again.
            input.set_value("");
            let file = File::from(file);
            let name = file.name();
            let mine = next_generation(&shared);
            run.set(Run::Reading { name: name.clone() });
            let reader = {
                let run = run.clone();
                let shared = shared.clone();
                gloo::file::callbacks::read_as_bytes(&file, move |bytes| match bytes {
                    Ok(bytes) => start(name, bytes, mine, run, shared),
                    Err(error) => run.set(Run::Failed {
                        zh: error.to_string(),
                        en: error.to_string(),
                    }),
                })
            };
            shared.borrow_mut().reader = Some(reader);
        })
    };
    let onexample = {
        let run = run.clone();
        let shared = shared.clone();
        Callback::from(move |_: MouseEvent| {
            let mine = next_generation(&shared);
            run.set(Run::Reading {
                name: "caseload.csv".into(),
            });
            start(
                "caseload.csv".into(),
                EXAMPLE.to_vec(),
                mine,
                run.clone(),
                shared.clone(),
            );
        })
    };
    let onstop = {
        let run = run.clone();
        let shared = shared.clone();
        Callback::from(move |_: MouseEvent| {
            next_generation(&shared);
            run.set(Run::Stopped);
        })
    };
    let busy = matches!(*run, Run::Reading { .. } | Run::Running { .. });
    let status = status(lang, &run);
    html! {
        <main class="caseload">
            <h2 id="step-title" class="step-title" tabindex="-1">{ i18n::CL_TITLE.get(lang) }</h2>
            <p class="intro">{ i18n::CL_INTRO.get(lang) }</p>
            <div class="field cl-file">
                <label for="cl-file">{ i18n::CL_FILE.get(lang) }</label>
                <input id="cl-file" type="file" accept=".csv,text/csv" onchange={onfile} />
            </div>
            <div class="cl-buttons">
                <button type="button" class="secondary" id="cl-example" onclick={onexample}>{ i18n::CL_EXAMPLE.get(lang) }</button>
                if busy {
                    <button type="button" class="secondary" id="cl-stop" onclick={onstop}>{ i18n::CL_STOP.get(lang) }</button>
                }
            </div>
            { status }
        </main>
    }
}

fn next_generation(shared: &Rc<RefCell<Shared>>) -> u32 {
    let mut shared = shared.borrow_mut();
    shared.generation += 1;
    shared.reader = None;
    shared.generation
}

/// Surveys the caseload once, then computes it a chunk of households at a time, yielding
/// to the browser in between; stops when another run starts.
fn start(
    name: String,
    bytes: Vec<u8>,
    mine: u32,
    run: UseStateHandle<Run>,
    shared: Rc<RefCell<Shared>>,
) {
    let current = move || shared.borrow().generation == mine;
    yew::platform::spawn_local(async move {
        // Let "reading" show before the survey, the one step that is not cut in chunks.
        yew::platform::time::sleep(Duration::ZERO).await;
        if !current() {
            return;
        }
        let failed = |error: InputError| Run::Failed {
            zh: format!("{}：{}", error.field, error.zh),
            en: format!("{}: {}", error.field, error.en),
        };
        // Another encoding than UTF-8 (GBK, UTF-16) decoded by the browser first.
        let bytes = match utf8_of(bytes) {
            Ok(bytes) => bytes,
            Err(error) => {
                run.set(failed(error));
                return;
            }
        };
        // The survey (encoding, header, households, repeated ids), then the households.
        let surveyed = plan(&mut || Ok(bytes.as_slice()))
            .and_then(|plan| Ok((plan.households(), plan.groups(bytes.as_slice())?)));
        let (total, mut groups) = match surveyed {
            Ok(surveyed) => surveyed,
            Err(error) => {
                run.set(failed(error.into()));
                return;
            }
        };
        let columns = groups.columns().clone();
        // Row by row, as `doudi batch` writes them (doudi_caseload::write_row), with its
        // byte-order mark.
        let mut out = String::new();
        write_header(&mut out, true);
        let mut errors = 0;
        let mut preview = Vec::new();
        let mut done = 0;
        run.set(Run::Running {
            name: name.clone(),
            done,
            total,
        });
        let mut more = true;
        while more {
            yew::platform::time::sleep(Duration::ZERO).await;
            if !current() {
                return;
            }
            for _ in 0..CHUNK {
                let group = match groups.next() {
                    Some(Ok(group)) => group,
                    Some(Err(error)) => {
                        run.set(failed(error.into()));
                        return;
                    }
                    None => {
                        more = false;
                        break;
                    }
                };
                // The trace changes no figure of the results; without it, it is faster.
                let record = group.result(&columns, Options::FIGURES);
                if is_error(&record) {
                    errors += 1;
                }
                write_row(&mut out, &record);
                if preview.len() < PREVIEW_ROWS {
                    preview.push(record);
                }
                done += 1;
            }
            run.set(Run::Running {
                name: name.clone(),
                done,
                total,
            });
        }
        yew::platform::time::sleep(Duration::ZERO).await;
        if !current() {
            return;
        }
        let blob = Blob::new_with_options(out.as_str(), Some("text/csv;charset=utf-8"));
        let stem = name.strip_suffix(".csv").unwrap_or(&name);
        let download = Download {
            url: ObjectUrl::from(blob),
            file_name: format!("{stem}-results.csv"),
        };
        run.set(Run::Done {
            name,
            total,
            errors,
            preview: Rc::new(preview),
            download: Rc::new(download),
        });
    });
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
    use wasm_bindgen::{JsCast, JsValue};
    let class: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"TextDecoder".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"fatal".into(), &JsValue::from_bool(fatal)).ok()?;
    let decoder =
        js_sys::Reflect::construct(&class, &js_sys::Array::of2(&label.into(), &options)).ok()?;
    let decode: js_sys::Function = js_sys::Reflect::get(&decoder, &"decode".into())
        .ok()?
        .dyn_into()
        .ok()?;
    decode
        .call1(&decoder, &js_sys::Uint8Array::from(bytes))
        .ok()?
        .as_string()
}

/// The progress bar and its line: `done` of `total` households.
fn progress(out: &mut Markup, done: usize, total: usize) {
    out.raw(&format!(
        "<progress id=\"cl-progress\" max=\"{total}\" value=\"{done}\" aria-labelledby=\"cl-progress-text\"></progress>\
         <p id=\"cl-progress-text\" data-done=\"{done}\" data-total=\"{total}\">"
    ));
    let (done, total) = (done.to_string(), total.to_string());
    out.text(&i18n::fill(
        i18n::CL_PROGRESS.get(out.lang),
        &[("done", &done), ("total", &total)],
    ));
    out.raw("</p>");
}

/// Where the run is (static markup, see markup.rs).
fn status(lang: Lang, run: &Run) -> Html {
    let mut out = Markup::new(lang);
    match run {
        Run::Idle => {}
        Run::Reading { name } => out.el(
            "p class=\"cl-reading\"",
            "p",
            &i18n::fill(i18n::CL_READING.get(lang), &[("name", name)]),
        ),
        Run::Running { name, done, total } => {
            out.raw("<div class=\"cl-progress\">");
            out.el("p class=\"small cl-name\"", "p", name);
            progress(&mut out, *done, *total);
            out.raw("</div>");
        }
        Run::Done {
            name,
            total,
            errors,
            preview,
            download,
        } => {
            out.raw("<div class=\"cl-done\">");
            progress(&mut out, *total, *total);
            let summary = i18n::fill(
                i18n::CL_DONE.get(lang),
                &[
                    ("name", name),
                    ("total", &total.to_string()),
                    ("errors", &errors.to_string()),
                ],
            );
            out.el("p role=\"status\" class=\"cl-summary\"", "p", &summary);
            out.raw("<a class=\"button primary\" id=\"cl-download\"");
            out.attr("href", &download.url);
            out.attr("download", &download.file_name);
            out.raw(">");
            out.text(i18n::CL_DOWNLOAD.get(lang));
            out.raw("</a>");
            preview_table(&mut out, preview);
            out.raw("</div>");
        }
        Run::Stopped => out.el("p role=\"status\"", "p", i18n::CL_STOPPED.get(lang)),
        Run::Failed { zh, en } => {
            out.raw("<div class=\"problems\" role=\"alert\">");
            out.el("p", "p", i18n::CL_CANNOT_READ.get(lang));
            out.el(
                "p class=\"cl-error\"",
                "p",
                if lang == Lang::Zh { zh } else { en },
            );
            out.raw("</div>");
        }
    }
    out.into_html()
}

fn preview_table(out: &mut Markup, rows: &[Vec<String>]) {
    if rows.is_empty() {
        return;
    }
    let caption = i18n::fill(
        i18n::CL_PREVIEW.get(out.lang),
        &[("n", &rows.len().to_string())],
    );
    let columns = preview_columns();
    out.raw("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\"");
    out.attr("aria-label", &caption);
    out.raw("><table class=\"cl-preview\">");
    out.el("caption", "caption", &caption);
    out.raw("<thead><tr>");
    for &column in &columns {
        out.el("th scope=\"col\"", "th", OUTPUT_COLUMNS[column]);
    }
    out.raw("</tr></thead><tbody>");
    for row in rows {
        out.raw("<tr>");
        for &column in &columns {
            out.el(
                "td",
                "td",
                row.get(column).map(String::as_str).unwrap_or_default(),
            );
        }
        out.raw("</tr>");
    }
    out.raw("</tbody></table></div>");
}

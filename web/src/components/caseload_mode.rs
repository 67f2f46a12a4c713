//! Caseload mode: a CSV caseload in the format of `doudi batch` (UTF-8, GBK or UTF-16, as
//! the command line reads it), computed on the device with the very code of the command
//! line (doudi-caseload) in a web worker of its own (web/caseload-worker), so that the
//! page keeps answering and a resident's first load carries none of it; a progress bar;
//! the results as a CSV file to download, byte for byte what `doudi batch` writes for the
//! same file (with its byte-order mark).
//!
//! With a reform (docs/reform-format.md: parameters picked from those of policies/ with
//! their values in force, or a reform file loaded), each household is computed under the
//! rules as they are and under the reform, and the page shows the worker's summary (what
//! `doudi reform` prints: who gains, loses, is newly covered; the cost by programme,
//! county and category; the spread of the changes) as tables and charts; the download is
//! `doudi batch --reform`'s file. Every figure is the worker's, a decimal string.
//!
//! A component of its own, unlike the views: the run goes on between renders and keeps
//! its progress here, not in the app's state.

use super::markup::Markup;
use crate::i18n::{self, Lang};
use doudi_rules::Decimal;
use gloo::file::callbacks::FileReader;
use gloo::file::{Blob, File, ObjectUrl};
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, MessageEvent, Worker};
use yew::prelude::*;

/// The worker's loader, which Trunk writes beside index.html (web/index.html names the
/// worker's crate with `data-type="worker"`).
const WORKER: &str = "./doudi-caseload-worker_loader.js";

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

/// A reform's summary as the worker sends it: every amount a decimal string.
struct Summary {
    name: (String, String),
    /// The reform's values: the parameter's names, from, value.
    changes: Vec<((String, String), String, String)>,
    assessed: (usize, usize),
    failed: usize,
    dates: String,
    counts: [(usize, usize); 5],
    before: String,
    after: String,
    change: String,
    yearly: String,
    /// The money every month with every range at its lowest, before and after.
    low: (String, String),
    median: String,
    largest: [Option<(String, String, String)>; 2],
    programmes: Vec<SummaryLine>,
    counties: Vec<SummaryLine>,
    categories: Vec<SummaryLine>,
    spread: Vec<usize>,
}

/// One line of a summary's table: a programme, a county or a category.
struct SummaryLine {
    label: (String, String),
    households: usize,
    before: String,
    after: String,
    change: String,
}

/// The first result rows, with their columns' names, for the preview.
struct Preview {
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
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
        preview: Rc<Preview>,
        download: Rc<Download>,
        summary: Option<Rc<Summary>>,
        /// The worker's memory at its largest, in bytes (for the benchmark).
        memory: usize,
    },
    Stopped,
    Failed {
        zh: String,
        en: String,
    },
}

/// The worker computing a run, and its message and error handlers (kept alive while it
/// runs).
struct Running {
    worker: Worker,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(JsValue)>,
}

/// What the run in progress needs: its number (a newer run, or leaving the mode, stops
/// it), the file being read, and the worker computing it with its message handlers.
#[derive(Default)]
struct Shared {
    generation: u32,
    reader: Option<FileReader>,
    worker: Option<Running>,
}

impl Shared {
    /// Ends the run in progress, if any: the reading, and the worker.
    fn stop(&mut self) {
        self.generation += 1;
        self.reader = None;
        if let Some(running) = self.worker.take() {
            running.worker.terminate();
        }
    }
}

#[function_component(CaseloadMode)]
pub fn caseload_mode(props: &CaseloadModeProps) -> Html {
    let lang = props.lang;
    let run = use_state(|| Run::Idle);
    let shared = use_mut_ref(Shared::default);
    // The reform, as TOML (docs/reform-format.md), and the picker that adds to it.
    let reform = use_state(String::new);
    let pick = use_state(|| (String::new(), String::new(), crate::browser::today()));
    let reform_reader = use_mut_ref(|| None::<FileReader>);
    {
        // Leaving the mode stops the run.
        let shared = shared.clone();
        use_effect_with((), move |_| move || shared.borrow_mut().stop());
    }
    let onfile = {
        let run = run.clone();
        let shared = shared.clone();
        let reform = reform.clone();
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
                let reform = (*reform).clone();
                gloo::file::callbacks::read_as_bytes(&file, move |bytes| match bytes {
                    Ok(bytes) => start(name, bytes, reform, mine, run, shared),
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
        let reform = reform.clone();
        Callback::from(move |_: MouseEvent| {
            let mine = next_generation(&shared);
            run.set(Run::Reading {
                name: "caseload.csv".into(),
            });
            start(
                "caseload.csv".into(),
                EXAMPLE.to_vec(),
                (*reform).clone(),
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
    let reform_section = reform_section(lang, &reform, &pick, &reform_reader);
    html! {
        <main class="caseload">
            <h2 id="step-title" class="step-title" tabindex="-1">{ i18n::CL_TITLE.get(lang) }</h2>
            <p class="intro">{ i18n::CL_INTRO.get(lang) }</p>
            <div class="field cl-file">
                <label for="cl-file">{ i18n::CL_FILE.get(lang) }</label>
                <input id="cl-file" type="file" accept=".csv,text/csv" onchange={onfile} />
            </div>
            { reform_section }
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

/// Stops the run in progress; the new run's number.
fn next_generation(shared: &Rc<RefCell<Shared>>) -> u32 {
    let mut shared = shared.borrow_mut();
    shared.stop();
    shared.generation
}

/// A field of the worker's message.
fn field(message: &JsValue, name: &str) -> JsValue {
    Reflect::get(message, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn count(message: &JsValue, name: &str) -> usize {
    field(message, name).as_f64().unwrap_or(0.0) as usize
}

fn strings(value: JsValue) -> Vec<String> {
    Array::from(&value)
        .iter()
        .map(|cell| cell.as_string().unwrap_or_default())
        .collect()
}

/// Starts the worker and hands it the caseload; its messages move the run on until it
/// is done, fails, or another run (or leaving the mode) ends it.
fn start(
    name: String,
    bytes: Vec<u8>,
    reform: String,
    mine: u32,
    run: UseStateHandle<Run>,
    shared: Rc<RefCell<Shared>>,
) {
    if shared.borrow().generation != mine {
        return;
    }
    let worker = match Worker::new(WORKER) {
        Ok(worker) => worker,
        Err(_) => return run.set(not_started()),
    };
    let onmessage = {
        let worker = worker.clone();
        let run = run.clone();
        let shared = shared.clone();
        let mut bytes = Some(bytes);
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if shared.borrow().generation != mine {
                return;
            }
            let message = event.data();
            match field(&message, "kind").as_string().as_deref() {
                Some("ready") => {
                    let job = Object::new();
                    let file = Uint8Array::from(bytes.take().unwrap_or_default().as_slice());
                    let _ = Reflect::set(&job, &"bytes".into(), &file);
                    if !reform.trim().is_empty() {
                        let _ = Reflect::set(&job, &"reform".into(), &reform.as_str().into());
                    }
                    let _ = worker.post_message_with_transfer(&job, &Array::of1(&file.buffer()));
                }
                Some("progress") => run.set(Run::Running {
                    name: name.clone(),
                    done: count(&message, "done"),
                    total: count(&message, "total"),
                }),
                Some("done") => {
                    // The worker's bytes, straight into the download (never through
                    // this module's memory).
                    let csv = field(&message, "csv")
                        .dyn_into::<js_sys::ArrayBuffer>()
                        .unwrap_or_else(|_| js_sys::ArrayBuffer::new(0));
                    let blob = Blob::new_with_options(csv, Some("text/csv;charset=utf-8"));
                    let stem = name.strip_suffix(".csv").unwrap_or(&name);
                    let summary = summary_of(&field(&message, "summary"));
                    let download = Download {
                        url: ObjectUrl::from(blob),
                        file_name: match summary {
                            Some(_) => format!("{stem}-reform-results.csv"),
                            None => format!("{stem}-results.csv"),
                        },
                    };
                    let preview = Preview {
                        columns: strings(field(&message, "columns")),
                        rows: Array::from(&field(&message, "preview"))
                            .iter()
                            .map(strings)
                            .collect(),
                    };
                    run.set(Run::Done {
                        name: name.clone(),
                        total: count(&message, "total"),
                        errors: count(&message, "errors"),
                        preview: Rc::new(preview),
                        download: Rc::new(download),
                        summary: summary.map(Rc::new),
                        memory: count(&message, "memory"),
                    });
                    // Ended, not dropped: this handler is running (the next run or
                    // leaving the mode drops it).
                    worker.terminate();
                }
                _ => {
                    run.set(Run::Failed {
                        zh: field(&message, "zh").as_string().unwrap_or_default(),
                        en: field(&message, "en").as_string().unwrap_or_default(),
                    });
                    // Ended, not dropped: this handler is running (the next run or
                    // leaving the mode drops it).
                    worker.terminate();
                }
            }
        })
    };
    // The worker's file could not be loaded (offline before it was ever fetched) or it
    // stopped with an error.
    let onerror = {
        let run = run.clone();
        let shared = shared.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if shared.borrow().generation == mine {
                run.set(not_started());
            }
        })
    };
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    shared.borrow_mut().worker = Some(Running {
        worker,
        _onmessage: onmessage,
        _onerror: onerror,
    });
}

fn not_started() -> Run {
    Run::Failed {
        zh: i18n::CL_NO_WORKER.zh.to_string(),
        en: i18n::CL_NO_WORKER.en.to_string(),
    }
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
            summary: reform_summary,
            memory,
        } => {
            out.raw("<div class=\"cl-done\"");
            out.attr("data-worker-memory", &memory.to_string());
            out.raw(">");
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
            if let Some(reform_summary) = reform_summary {
                summary_view(&mut out, reform_summary);
            }
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

fn preview_table(out: &mut Markup, preview: &Preview) {
    if preview.rows.is_empty() {
        return;
    }
    let caption = i18n::fill(
        i18n::CL_PREVIEW.get(out.lang),
        &[("n", &preview.rows.len().to_string())],
    );
    out.raw("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\"");
    out.attr("aria-label", &caption);
    out.raw("><table class=\"cl-preview\">");
    out.el("caption", "caption", &caption);
    out.raw("<thead><tr>");
    for column in &preview.columns {
        out.el("th scope=\"col\"", "th", column);
    }
    out.raw("</tr></thead><tbody>");
    for row in &preview.rows {
        out.raw("<tr>");
        for cell in row {
            out.el("td", "td", cell);
        }
        out.raw("</tr>");
    }
    out.raw("</tbody></table></div>");
}

/// The parameters of policies/ as a select's options: each id, and its names with its
/// value on `date` (— where it is not in force then), for a reform's picker here and in
/// the caseworker's "same household, new rules".
pub(super) fn parameter_options(
    date: Option<doudi_rules::policy::Date>,
    lang: Lang,
) -> Vec<(String, String)> {
    date.map(doudi_rules::questions::parameters)
        .unwrap_or_default()
        .into_iter()
        .map(|each| {
            let now = each
                .value
                .map(|value| value.normalize().to_string())
                .unwrap_or_else(|| "—".into());
            let name = if lang == Lang::Zh { each.zh } else { each.en };
            (each.id.to_string(), format!("{name}（{}）：{now}", each.id))
        })
        .collect()
}

/// The reform's section: the picker of a parameter, its new value and date, the reform's
/// text, a file to load into it.
fn reform_section(
    lang: Lang,
    reform: &UseStateHandle<String>,
    pick: &UseStateHandle<(String, String, String)>,
    reader: &Rc<RefCell<Option<FileReader>>>,
) -> Html {
    let (param, value, from) = (**pick).clone();
    let date = doudi_rules::household::parse_date(&from).ok();
    let options = parameter_options(date, lang);
    let set = |at: usize| {
        let pick = pick.clone();
        move |text: String| {
            let mut next = (*pick).clone();
            match at {
                0 => next.0 = text,
                1 => next.1 = text,
                _ => next.2 = text,
            }
            pick.set(next);
        }
    };
    let onparam = {
        let set = set(0);
        Callback::from(move |event: Event| {
            set(event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value())
        })
    };
    let onvalue = {
        let set = set(1);
        Callback::from(move |event: InputEvent| {
            set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onfrom = {
        let set = set(2);
        Callback::from(move |event: InputEvent| {
            set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onadd = {
        let reform = reform.clone();
        let (param, value, from) = (param.clone(), value.clone(), from.clone());
        let name = i18n::CL_REFORM_NAME.get(lang);
        Callback::from(move |_: MouseEvent| {
            // Nothing chosen yet: the list's first, as the select shows it.
            let param = if param.is_empty() {
                doudi_rules::household::parse_date(&from)
                    .ok()
                    .and_then(|date| {
                        doudi_rules::questions::parameters(date)
                            .first()
                            .map(|first| first.id.to_string())
                    })
                    .unwrap_or_default()
            } else {
                param.clone()
            };
            let mut text = (*reform).clone();
            if !text
                .lines()
                .any(|line| line.trim_start().starts_with("name"))
            {
                text = format!("name = \"{name}\"\n{text}");
            }
            // Quotes and backslashes in what was typed cannot end the TOML string.
            let quoted = |text: &str| text.replace(['"', '\\', '\n', '\r'], "");
            text.push_str(&format!(
                "\n[[change]]\nparam = \"{}\"\nfrom = \"{}\"\nvalue = \"{}\"\n",
                quoted(&param),
                quoted(from.trim()),
                quoted(value.trim())
            ));
            reform.set(text);
        })
    };
    let ontext = {
        let reform = reform.clone();
        Callback::from(move |event: InputEvent| {
            reform.set(
                event
                    .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            )
        })
    };
    let onclear = {
        let reform = reform.clone();
        Callback::from(move |_: MouseEvent| reform.set(String::new()))
    };
    let onload = {
        let reform = reform.clone();
        let reader = reader.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let reform = reform.clone();
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(
                &File::from(file),
                move |text| {
                    if let Ok(text) = text {
                        reform.set(text);
                    }
                },
            ));
        })
    };
    html! {
        <details class="more cl-reform" open={!reform.is_empty()}>
            <summary>{ i18n::CL_REFORM.get(lang) }</summary>
            <p class="hint">{ i18n::CL_REFORM_INTRO.get(lang) }</p>
            <div class="field">
                <label for="cl-param">{ i18n::CL_PARAM.get(lang) }</label>
                <select id="cl-param" onchange={onparam}>
                    { for options.into_iter().map(|(id, label)| html! { <option value={id.clone()} selected={id == param}>{ label }</option> }) }
                </select>
            </div>
            <div class="field short">
                <label for="cl-value">{ i18n::CL_VALUE.get(lang) }</label>
                <input id="cl-value" inputmode="decimal" value={value} oninput={onvalue} />
            </div>
            <div class="field">
                <label for="cl-from">{ i18n::CL_FROM.get(lang) }</label>
                <input id="cl-from" type="date" value={from} oninput={onfrom} />
            </div>
            <button type="button" class="secondary" id="cl-add" onclick={onadd}>{ i18n::CL_ADD.get(lang) }</button>
            <div class="field">
                <label for="cl-reform-text">{ i18n::CL_REFORM_TEXT.get(lang) }</label>
                <textarea id="cl-reform-text" rows="10" spellcheck="false" autocomplete="off" value={(**reform).clone()} oninput={ontext} />
            </div>
            <div class="field cl-file">
                <label for="cl-reform-file">{ i18n::CL_REFORM_FILE.get(lang) }</label>
                <input id="cl-reform-file" type="file" accept=".toml,text/plain" onchange={onload} />
            </div>
            <button type="button" class="link" id="cl-reform-clear" onclick={onclear}>{ i18n::CL_REFORM_CLEAR.get(lang) }</button>
            <p class="hint">{ i18n::CL_STATIC.get(lang) }</p>
        </details>
    }
}

fn text_of(message: &JsValue, name: &str) -> String {
    field(message, name).as_string().unwrap_or_default()
}

fn pair(value: JsValue) -> (usize, usize) {
    let pair = Array::from(&value);
    (
        pair.get(0).as_f64().unwrap_or(0.0) as usize,
        pair.get(1).as_f64().unwrap_or(0.0) as usize,
    )
}

fn lines_of(value: JsValue) -> Vec<SummaryLine> {
    Array::from(&value)
        .iter()
        .map(|line| SummaryLine {
            label: (text_of(&line, "zh"), text_of(&line, "en")),
            households: count(&line, "households"),
            before: text_of(&line, "before"),
            after: text_of(&line, "after"),
            change: text_of(&line, "change"),
        })
        .collect()
}

/// The worker's summary of a reform's run; none without a reform.
fn summary_of(value: &JsValue) -> Option<Summary> {
    if value.is_null() || value.is_undefined() {
        return None;
    }
    let largest = |name: &str| {
        let found = field(value, name);
        (!found.is_null() && !found.is_undefined()).then(|| {
            let parts = strings(found);
            (
                parts.first().cloned().unwrap_or_default(),
                parts.get(1).cloned().unwrap_or_default(),
                parts.get(2).cloned().unwrap_or_default(),
            )
        })
    };
    let dates = strings(field(value, "dates"));
    Some(Summary {
        name: (text_of(value, "zh"), text_of(value, "en")),
        changes: Array::from(&field(value, "changes"))
            .iter()
            .map(|change| {
                let id = text_of(&change, "id");
                (
                    (
                        format!("{}（{id}）", text_of(&change, "zh")),
                        format!("{} ({id})", text_of(&change, "en")),
                    ),
                    text_of(&change, "from"),
                    text_of(&change, "value"),
                )
            })
            .collect(),
        assessed: pair(field(value, "assessed")),
        failed: count(value, "failed"),
        dates: match dates.as_slice() {
            [low, high] if low != high => format!("{low} – {high}"),
            [low, ..] => low.clone(),
            [] => String::new(),
        },
        counts: ["newly", "noLonger", "gaining", "losing", "unchanged"]
            .map(|name| pair(field(value, name))),
        before: text_of(value, "before"),
        after: text_of(value, "after"),
        change: text_of(value, "change"),
        yearly: text_of(value, "yearly"),
        low: (text_of(value, "lowBefore"), text_of(value, "lowAfter")),
        median: text_of(value, "median"),
        largest: [largest("largestGain"), largest("largestLoss")],
        programmes: lines_of(field(value, "programmes")),
        counties: lines_of(field(value, "counties")),
        categories: lines_of(field(value, "categories")),
        spread: Array::from(&field(value, "spread"))
            .iter()
            .map(|count| count.as_f64().unwrap_or(0.0) as usize)
            .collect(),
    })
}

/// A change with its sign ("+50", "-10", "0").
fn signed(change: &str) -> String {
    if change.starts_with('-') || change == "0" {
        change.to_string()
    } else {
        format!("+{change}")
    }
}

/// The reform's summary: what was costed, who is affected, the tables and the charts.
fn summary_view(out: &mut Markup, summary: &Summary) {
    let lang = out.lang;
    let pick = |pair: &(String, String)| {
        if lang == Lang::Zh {
            pair.0.clone()
        } else {
            pair.1.clone()
        }
    };
    out.raw("<section class=\"card cl-reform-summary\" data-testid=\"reform-summary\" aria-labelledby=\"cl-reform-title\">");
    out.el(
        "h3 id=\"cl-reform-title\"",
        "h3",
        &i18n::fill(
            i18n::CL_SUMMARY_TITLE.get(lang),
            &[("name", &pick(&summary.name))],
        ),
    );
    out.raw("<ul class=\"cl-changes\">");
    for (name, from, value) in &summary.changes {
        out.el(
            "li",
            "li",
            &i18n::fill(
                i18n::CL_CHANGE_LINE.get(lang),
                &[("name", &pick(name)), ("from", from), ("value", value)],
            ),
        );
    }
    out.raw("</ul>");
    out.el(
        "p",
        "p",
        &i18n::fill(
            i18n::CL_CASELOAD_LINE.get(lang),
            &[
                ("households", &summary.assessed.0.to_string()),
                ("people", &summary.assessed.1.to_string()),
                ("dates", &summary.dates),
                ("failed", &summary.failed.to_string()),
            ],
        ),
    );
    out.el("p class=\"small\"", "p", i18n::CL_STATIC.get(lang));
    out.raw("<p class=\"big cl-change\"");
    out.attr("data-change", &summary.change);
    out.raw(">");
    out.text(&i18n::fill(
        i18n::CL_MONTHLY_LINE.get(lang),
        &[
            ("before", &summary.before),
            ("after", &summary.after),
            ("change", &signed(&summary.change)),
            ("yearly", &signed(&summary.yearly)),
        ],
    ));
    out.raw("</p>");
    if summary.low.0 != summary.before || summary.low.1 != summary.after {
        out.el(
            "p class=\"cl-low\"",
            "p",
            &i18n::fill(
                i18n::CL_LOW_LINE.get(lang),
                &[("before", &summary.low.0), ("after", &summary.low.1)],
            ),
        );
    }
    out.el("h4", "h4", i18n::CL_WHO.get(lang));
    out.raw("<ul class=\"cl-who\">");
    let labels = [
        i18n::CL_NEWLY,
        i18n::CL_NO_LONGER,
        i18n::CL_GAINING,
        i18n::CL_LOSING,
        i18n::CL_UNCHANGED,
    ];
    let ids = ["newly", "no-longer", "gaining", "losing", "unchanged"];
    for ((label, id), (households, people)) in labels.iter().zip(ids).zip(summary.counts) {
        out.raw("<li");
        out.attr("data-who", id);
        out.attr("data-households", &households.to_string());
        out.raw(">");
        out.text(&format!(
            "{}{}{}",
            label.get(lang),
            if lang == Lang::Zh { "：" } else { ": " },
            i18n::fill(
                i18n::CL_HOUSEHOLDS_PEOPLE.get(lang),
                &[
                    ("households", &households.to_string()),
                    ("people", &people.to_string())
                ]
            )
        ));
        out.raw("</li>");
    }
    out.raw("</ul>");
    out.el(
        "p",
        "p",
        &i18n::fill(
            i18n::CL_MEDIAN.get(lang),
            &[("median", &signed(&summary.median))],
        ),
    );
    for (label, largest) in [i18n::CL_LARGEST_GAIN, i18n::CL_LARGEST_LOSS]
        .iter()
        .zip(&summary.largest)
    {
        if let Some((id, before, after)) = largest {
            out.el(
                "p",
                "p",
                &i18n::fill(
                    label.get(lang),
                    &[("id", id), ("before", before), ("after", after)],
                ),
            );
        }
    }
    table(
        out,
        i18n::CL_BY_PROGRAMME.get(lang),
        &summary.programmes,
        "cl-programmes",
    );
    bars(out, i18n::CL_BY_COUNTY.get(lang), &summary.counties);
    table(
        out,
        i18n::CL_BY_COUNTY.get(lang),
        &summary.counties,
        "cl-counties",
    );
    table(
        out,
        i18n::CL_BY_CATEGORY.get(lang),
        &summary.categories,
        "cl-categories",
    );
    spread(out, summary);
    out.raw("</section>");
}

/// A table of lines: households, before, after, change.
fn table(out: &mut Markup, caption: &str, lines: &[SummaryLine], class: &str) {
    let lang = out.lang;
    out.raw("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\"");
    out.attr("aria-label", caption);
    out.raw("><table");
    out.attr("class", class);
    out.raw(">");
    out.el("caption", "caption", caption);
    out.raw("<thead><tr>");
    for heading in [
        i18n::CL_COL_PART,
        i18n::CL_COL_HOUSEHOLDS,
        i18n::CL_COL_BEFORE,
        i18n::CL_COL_AFTER,
        i18n::CL_COL_CHANGE,
    ] {
        out.el("th scope=\"col\"", "th", heading.get(lang));
    }
    out.raw("</tr></thead><tbody>");
    for line in lines {
        out.raw("<tr>");
        out.el(
            "th scope=\"row\"",
            "th",
            if lang == Lang::Zh {
                &line.label.0
            } else {
                &line.label.1
            },
        );
        out.el("td", "td", &line.households.to_string());
        out.el("td", "td", &line.before);
        out.el("td", "td", &line.after);
        out.el("td", "td", &signed(&line.change));
        out.raw("</tr>");
    }
    out.raw("</tbody></table></div>");
}

/// Horizontal bars in SVG (attributes, no inline style: the page's CSP), each with its
/// label and its figure written beside it: the chart says nothing the table does not.
/// Lengths in decimals too: no float between the worker's figures and the bars.
fn bar_chart(out: &mut Markup, title: &str, bars: &[(String, Decimal, String)], class: &str) {
    let d = Decimal::from;
    let (height, label_width, width) = (d(26), d(120), d(360));
    let room = width - label_width - d(70);
    let most = bars
        .iter()
        .map(|(_, value, _)| value.abs())
        .max()
        .unwrap_or_default();
    let total_height = height * d(i64::try_from(bars.len()).unwrap_or(0)) + d(8);
    out.raw(&format!(
        "<figure class=\"cl-chart {class}\"><svg width=\"100%\" viewBox=\"0 0 {width} {total_height}\" role=\"img\""
    ));
    out.attr("aria-label", title);
    out.raw(">");
    for (at, (label, value, shown)) in bars.iter().enumerate() {
        let y = height * d(i64::try_from(at).unwrap_or(0)) + d(4);
        let length = if most.is_zero() {
            Decimal::ZERO
        } else {
            (value.abs() / most * room).round_dp(1)
        };
        // Presentation attributes, not styles: the style sheet (a resident's first load)
        // carries nothing for this page.
        out.raw(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"14\" fill=\"#1d2430\">",
            y + d(16)
        ));
        out.text(label);
        out.raw("</text>");
        out.raw(&format!(
            "<rect x=\"{label_width}\" y=\"{}\" width=\"{length}\" height=\"18\" fill=\"{}\"></rect>",
            y + d(2),
            if value.is_sign_negative() && !value.is_zero() { "#a15c00" } else { "#0b57a4" }
        ));
        out.raw(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"14\" fill=\"#1d2430\">",
            label_width + length + d(4),
            y + d(16)
        ));
        out.text(shown);
        out.raw("</text>");
    }
    out.raw("</svg>");
    out.el("figcaption", "figcaption", title);
    out.raw("</figure>");
}

/// The change of the monthly total by county, as bars (the figures are the table's).
fn bars(out: &mut Markup, title: &str, lines: &[SummaryLine]) {
    let lang = out.lang;
    let bars: Vec<(String, Decimal, String)> = lines
        .iter()
        .map(|line| {
            (
                if lang == Lang::Zh {
                    line.label.0.clone()
                } else {
                    line.label.1.clone()
                },
                line.change.parse::<Decimal>().unwrap_or_default(),
                signed(&line.change),
            )
        })
        .collect();
    bar_chart(out, title, &bars, "cl-county-chart");
}

/// How the households' changes spread, in the worker's bands, as bars of households.
fn spread(out: &mut Markup, summary: &Summary) {
    let lang = out.lang;
    let bars: Vec<(String, Decimal, String)> = i18n::CL_BANDS
        .iter()
        .zip(&summary.spread)
        .map(|(band, count)| {
            (
                band.get(lang).to_string(),
                Decimal::from(u64::try_from(*count).unwrap_or(0)),
                count.to_string(),
            )
        })
        .collect();
    bar_chart(out, i18n::CL_SPREAD.get(lang), &bars, "cl-spread-chart");
}

//! Caseload mode: a CSV caseload in the format of `doudi batch` (UTF-8, GBK or UTF-16, as
//! the command line reads it), computed on the device with the very code of the command
//! line (doudi-caseload) in a web worker of its own (web/caseload-worker), so that the
//! page keeps answering and a resident's first load carries none of it; a progress bar;
//! the results as a CSV file to download, byte for byte what `doudi batch` writes for the
//! same file (with its byte-order mark).
//!
//! A component of its own, unlike the views: the run goes on between renders and keeps
//! its progress here, not in the app's state.

use super::markup::Markup;
use crate::i18n::{self, Lang};
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
    {
        // Leaving the mode stops the run.
        let shared = shared.clone();
        use_effect_with((), move |_| move || shared.borrow_mut().stop());
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
                    let download = Download {
                        url: ObjectUrl::from(blob),
                        file_name: format!("{stem}-results.csv"),
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

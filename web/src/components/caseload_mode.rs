//! Caseload mode: a CSV caseload in the format of `doudi batch`, computed on the device
//! with the very code of the command line (doudi-caseload), a chunk of households at a
//! time so that the page keeps answering, with a progress bar; the results as a CSV
//! file to download, byte for byte what `doudi batch` writes for the same file.
//!
//! A component of its own, unlike the views: the run goes on between renders (it yields
//! to the browser after each chunk) and keeps its progress here, not in the app's state.

use crate::i18n::{self, Lang};
use doudi_caseload::{parse, result_for, write_row, OUTPUT_COLUMNS};
use doudi_rules::Options;
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
/// The columns of the preview.
const PREVIEW_COLUMNS: [usize; 6] = [0, 1, 2, 11, 14, 15];

const EXAMPLE: &str = include_str!("../../../examples/caseload.csv");

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
                gloo::file::callbacks::read_as_text(&file, move |text| match text {
                    Ok(text) => start(name, text, mine, run, shared),
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
                EXAMPLE.to_string(),
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
    let status = match &*run {
        Run::Idle => html! {},
        Run::Reading { name } => html! {
            <p class="cl-reading">{ i18n::fill(i18n::CL_READING.get(lang), &[("name", name)]) }</p>
        },
        Run::Running { name, done, total } => html! {
            <div class="cl-progress">
                <p class="small cl-name">{ name }</p>
                <progress id="cl-progress" max={total.to_string()} value={done.to_string()} aria-labelledby="cl-progress-text"></progress>
                <p id="cl-progress-text" data-done={done.to_string()} data-total={total.to_string()}>
                    { i18n::fill(i18n::CL_PROGRESS.get(lang), &[("done", &done.to_string()), ("total", &total.to_string())]) }
                </p>
            </div>
        },
        Run::Done {
            name,
            total,
            errors,
            preview,
            download,
        } => html! {
            <div class="cl-done">
                <progress id="cl-progress" max={total.to_string()} value={total.to_string()} aria-labelledby="cl-progress-text"></progress>
                <p id="cl-progress-text" data-done={total.to_string()} data-total={total.to_string()}>
                    { i18n::fill(i18n::CL_PROGRESS.get(lang), &[("done", &total.to_string()), ("total", &total.to_string())]) }
                </p>
                <p role="status" class="cl-summary">{ i18n::fill(i18n::CL_DONE.get(lang), &[("name", name), ("total", &total.to_string()), ("errors", &errors.to_string())]) }</p>
                <a class="button primary" id="cl-download" href={download.url.to_string()} download={download.file_name.clone()}>{ i18n::CL_DOWNLOAD.get(lang) }</a>
                { preview_table(lang, preview) }
            </div>
        },
        Run::Stopped => html! { <p role="status">{ i18n::CL_STOPPED.get(lang) }</p> },
        Run::Failed { zh, en } => html! {
            <div class="problems" role="alert">
                <p>{ i18n::CL_CANNOT_READ.get(lang) }</p>
                <p class="cl-error">{ if lang == Lang::Zh { zh } else { en } }</p>
            </div>
        },
    };
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

/// Parses the caseload once, then computes it a chunk at a time, yielding to the
/// browser in between; stops when another run starts.
fn start(
    name: String,
    text: String,
    mine: u32,
    run: UseStateHandle<Run>,
    shared: Rc<RefCell<Shared>>,
) {
    let current = move || shared.borrow().generation == mine;
    yew::platform::spawn_local(async move {
        // Let "reading" show before the parse, the one step that is not cut in chunks.
        yew::platform::time::sleep(Duration::ZERO).await;
        if !current() {
            return;
        }
        let groups = match parse(&text) {
            Ok(groups) => groups,
            Err(error) => {
                run.set(Run::Failed {
                    zh: format!("{}：{}", error.field, error.zh),
                    en: format!("{}: {}", error.field, error.en),
                });
                return;
            }
        };
        drop(text);
        let total = groups.len();
        // Row by row, as `doudi batch` writes them (doudi_caseload::write_row).
        let mut out = String::new();
        let header: Vec<String> = OUTPUT_COLUMNS
            .iter()
            .map(|column| column.to_string())
            .collect();
        write_row(&mut out, &header);
        let mut errors = 0;
        let mut preview = Vec::new();
        let mut done = 0;
        run.set(Run::Running {
            name: name.clone(),
            done,
            total,
        });
        for chunk in groups.chunks(CHUNK) {
            yew::platform::time::sleep(Duration::ZERO).await;
            if !current() {
                return;
            }
            for (id, rows) in chunk {
                // The trace changes no figure of the results; without it, it is faster.
                let record = result_for(id, rows, Options { trace: false });
                if record.last().is_some_and(|error| !error.is_empty()) {
                    errors += 1;
                }
                write_row(&mut out, &record);
                if preview.len() < PREVIEW_ROWS {
                    preview.push(record);
                }
            }
            done += chunk.len();
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

fn preview_table(lang: Lang, rows: &[Vec<String>]) -> Html {
    if rows.is_empty() {
        return html! {};
    }
    let caption = i18n::fill(
        i18n::CL_PREVIEW.get(lang),
        &[("n", &rows.len().to_string())],
    );
    html! {
        <div class="table-scroll" role="region" aria-label={caption.clone()} tabindex="0">
            <table class="cl-preview">
                <caption>{ caption }</caption>
                <thead>
                    <tr>{ for PREVIEW_COLUMNS.iter().map(|&column| html! { <th scope="col">{ OUTPUT_COLUMNS[column] }</th> }) }</tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr>{ for PREVIEW_COLUMNS.iter().map(|&column| html! { <td>{ row.get(column).cloned().unwrap_or_default() }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

//! The app taking over the first screen that the build rendered into index.html
//! (src/bin/prerender.rs, the same `App` rendered to HTML; scripts/post-build.py puts it
//! in `<div id="app" data-prerendered>`). A resident sees and can answer that screen
//! before any wasm has arrived; when it has, the screen has been presented
//! (`when_painted`) and the person has begun to use it (the first screen's module runs
//! only then: Trunk.toml's start-up script and index.html's `whenUsed`, so that loading
//! the page runs no long task of ours), the app
//! renders the same markup in its place within one task (no
//! frame shows the gap, so nothing flashes or moves), and gets back what the person did
//! meanwhile, through the app's own event handlers:
//!
//! - every answer that differs from the page as built (a value typed, a county chosen, a
//!   box ticked), by the control's id;
//! - the control that had the focus, and the sections (`<details>`) opened;
//! - the last button pressed (web/index.html's small script notes its id, or else its
//!   position among the screen's buttons), pressed again.
//!
//! When the app opens on another screen than the first (a link's fragment, answers kept
//! in this tab: the page's script then hides the built screen's questions), nothing is
//! given back: nothing could be answered there.
//!
//! Why not Yew's hydration, which keeps the built elements: it added 16 KB gzip to the
//! first load (measured 2026-11-30), and any difference between the built screen and the
//! app's first render (a saved draft offered, say) would stop the app. Chromium keeps
//! the built screen's paint as the largest contentful paint when the same element is
//! put in its place once that paint has been reported (checked in
//! tests/browser/first-screen.spec.ts).

/// An answer given on the built screen.
#[cfg(target_arch = "wasm32")]
#[derive(Debug)]
pub enum Answer {
    /// A radio button or a box, checked or not.
    Checked(bool),
    /// A field's text (its `input` event).
    Typed(String),
    /// A select's choice (its `change` event).
    Chosen(String),
}

/// What the person did on the built screen, to give back once the app has rendered.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Default)]
pub struct Kept {
    /// Each changed control's id and answer.
    answers: Vec<(String, Answer)>,
    focus: Option<String>,
    /// The button pressed: `#` and its id, or its position among the page's buttons.
    pressed: Option<String>,
    /// The positions, among the screen's `<details>`, of those opened.
    opened: Vec<u32>,
}

/// Where a handing over to another module stands, for the line at the foot of the
/// screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handing {
    /// Not asked for: this module answers on its own.
    No,
    /// The other module is on its way.
    Waiting,
    /// It could not be fetched (offline on a first visit); a press tries again.
    Failed,
}

/// The modules that take the page over from the one running, each loaded by a function
/// of `window.doudi` (web/index.html) that resolves to an object with `takeOver`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    /// The resident's app with the rules (`doudi-app`), from the first screen's module.
    App,
    /// The staff's tools, the print sheet and QR codes (`doudi-tools`), from the app.
    Tools,
}

impl Module {
    /// Its loader's name in `window.doudi`.
    #[cfg(target_arch = "wasm32")]
    fn loader(self) -> &'static str {
        match self {
            Module::App => "app",
            Module::Tools => "tools",
        }
    }
}

/// The app's root element, the `<div id="app">` of index.html.
pub const ROOT: &str = "app";

/// Whether index.html's script marked the page `restoring`: it opens on a link's
/// fragment or on the answers kept in this tab, which the built screen does not show.
#[cfg(target_arch = "wasm32")]
pub fn restoring(document: &web_sys::Document) -> bool {
    document
        .document_element()
        .and_then(|html| html.get_attribute("class"))
        .is_some_and(|classes| classes.split_whitespace().any(|class| class == "restoring"))
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{Answer, Kept, ROOT};
    use js_sys::{Array, Function, Object, Reflect};
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Element, HtmlElement};

    fn get(target: &JsValue, name: &str) -> JsValue {
        Reflect::get(target, &name.into()).unwrap_or(JsValue::UNDEFINED)
    }

    fn text(target: &JsValue, name: &str) -> String {
        get(target, name).as_string().unwrap_or_default()
    }

    /// The value a select had as built: its option marked `selected`, else its first.
    fn built_choice(select: &Element) -> String {
        select
            .query_selector("option[selected]")
            .ok()
            .flatten()
            .or_else(|| select.query_selector("option").ok().flatten())
            .map(|option| text(&option, "value"))
            .unwrap_or_default()
    }

    /// Reads what changed on the built screen, and unmarks it (the caller empties the
    /// root). None when there was no built screen.
    pub fn take(root: &Element) -> Option<Kept> {
        if !root.has_attribute("data-prerendered") {
            return None;
        }
        let document = web_sys::window()?.document()?;
        let restoring = super::restoring(&document);
        let mut kept = Kept::default();
        // A screen the first screen's module drew ("live": first_screen.rs hands over)
        // carries its answers in its controls' values, not in its markup: every one is
        // given back, as it is.
        let live = root.get_attribute("data-prerendered").as_deref() == Some("live");
        // A page the app drew, handed to the tools' module ("handed": tools.rs): its
        // answers come through the answers kept in this tab, and what it asked for
        // through `takeOver`; only the focus and the opened sections are given back.
        let handed = root.get_attribute("data-prerendered").as_deref() == Some("handed");
        if handed || !restoring {
            let controls = match handed {
                true => None,
                false => Some(root.query_selector_all("input, select, textarea").ok()?),
            };
            let controls = controls.iter().flat_map(|controls| {
                (0..controls.length()).filter_map(|index| controls.get(index))
            });
            for control in controls {
                let id = text(&control, "id");
                if id.is_empty() {
                    continue;
                }
                let kind = text(&control, "type");
                if kind == "radio" || kind == "checkbox" {
                    // A radio button is given back when chosen (choosing it unchecks the
                    // one that was: its `change` would choose that one again).
                    let checked = get(&control, "checked").is_truthy();
                    let changed = live || checked != get(&control, "defaultChecked").is_truthy();
                    if changed && (checked || kind == "checkbox") {
                        kept.answers.push((id, Answer::Checked(checked)));
                    }
                } else if let Some(select) = control
                    .dyn_ref::<Element>()
                    .filter(|element| element.tag_name() == "SELECT")
                {
                    let value = text(&control, "value");
                    if live || value != built_choice(select) {
                        kept.answers.push((id, Answer::Chosen(value)));
                    }
                } else {
                    let value = text(&control, "value");
                    if live || value != text(&control, "defaultValue") {
                        kept.answers.push((id, Answer::Typed(value)));
                    }
                }
            }
            kept.focus = document
                .active_element()
                .map(|element| element.id())
                .filter(|id| !id.is_empty());
            if let Ok(details) = root.query_selector_all("details") {
                kept.opened = (0..details.length())
                    .filter(|&index| {
                        details
                            .get(index)
                            .is_some_and(|item| get(&item, "open").is_truthy())
                    })
                    .collect();
            }
            kept.pressed = root.get_attribute("data-pressed").filter(|_| !handed);
        }
        root.remove_attribute("data-prerendered").ok()?;
        root.remove_attribute("data-pressed").ok()?;
        root.remove_attribute("data-painted").ok()?;
        Some(kept)
    }

    /// Runs `run`, in a task of its own, once the built screen has been presented:
    /// index.html's script marks the root `data-painted` when the browser reports the
    /// page's largest contentful paint (or after a second, where it reports none).
    /// Replacing the screen before that would make the app's copy of it the largest
    /// contentful paint, as late as the wasm. Never in the task that called it (the
    /// module's start): two shorter tasks block the page less than one long one. Nor
    /// while a button is held down on the built screen (index.html marks the root
    /// `data-pressing`): a press whose release came on the new screen would be lost, as
    /// its button would be gone; once released, its click is noted and pressed again.
    pub fn when_painted(root: Element, run: impl FnOnce() + 'static) {
        fn wait(root: Element, run: Box<dyn FnOnce()>, first: bool) {
            if !first && root.has_attribute("data-painted") && !root.has_attribute("data-pressing")
            {
                return run();
            }
            let Some(window) = web_sys::window() else {
                return run();
            };
            let slot = Rc::new(Cell::new(Some((root, run))));
            let later = slot.clone();
            let task = Closure::once_into_js(move || {
                if let Some((root, run)) = later.take() {
                    wait(root, run, false);
                }
            });
            let delay = if first { 0 } else { 16 };
            if window
                .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), delay)
                .is_err()
            {
                if let Some((_, run)) = slot.take() {
                    run();
                }
            }
        }
        wait(root, Box::new(run), true);
    }

    /// `new Class(kind, { bubbles: true })` dispatched on `target`.
    fn fire(target: &JsValue, class: &str, kind: &str) {
        let Ok(class) = get(&js_sys::global(), class).dyn_into::<Function>() else {
            return;
        };
        let init = Object::new();
        let _ = Reflect::set(&init, &"bubbles".into(), &JsValue::TRUE);
        let Ok(event) = Reflect::construct(&class, &Array::of2(&kind.into(), &init)) else {
            return;
        };
        if let Ok(dispatch) = get(target, "dispatchEvent").dyn_into::<Function>() {
            let _ = dispatch.call1(target, &event);
        }
    }

    /// The next task: the app has rendered what the answers given back so far changed.
    async fn next_task() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// Gives back to the rendered app what the person did on the built screen. An answer
    /// whose control the app shows only after an earlier answer (the rural tier, once
    /// "rural" is chosen) is given back once the app has rendered that answer.
    pub async fn give_back(kept: Kept) {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        let mut answers = kept.answers;
        for _ in 0..3 {
            let mut missing = Vec::new();
            for (id, answer) in answers {
                let Some(control) = document.get_element_by_id(&id) else {
                    missing.push((id, answer));
                    continue;
                };
                let control: JsValue = control.into();
                let (property, value, class, kind) = match &answer {
                    Answer::Checked(checked) => {
                        ("checked", JsValue::from_bool(*checked), "Event", "change")
                    }
                    Answer::Typed(text) => {
                        ("value", JsValue::from_str(text), "InputEvent", "input")
                    }
                    Answer::Chosen(text) => ("value", JsValue::from_str(text), "Event", "change"),
                };
                let _ = Reflect::set(&control, &property.into(), &value);
                fire(&control, class, kind);
            }
            if missing.is_empty() {
                break;
            }
            answers = missing;
            next_task().await;
        }
        if let Some(details) = document
            .get_element_by_id(ROOT)
            .and_then(|root| root.query_selector_all("details").ok())
        {
            for &index in &kept.opened {
                if let Some(item) = details.get(index) {
                    let _ = Reflect::set(&item, &"open".into(), &JsValue::TRUE);
                }
            }
        }
        if let Some(id) = &kept.focus {
            if let Some(element) = document
                .get_element_by_id(id)
                .and_then(|element| element.dyn_into::<HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        }
        if let Some(pressed) = &kept.pressed {
            let button = match pressed.strip_prefix('#') {
                Some(id) => document.get_element_by_id(id).map(web_sys::Node::from),
                None => document
                    .get_element_by_id(ROOT)
                    .and_then(|root| root.query_selector_all("button").ok())
                    .zip(pressed.parse().ok())
                    .and_then(|(buttons, index)| buttons.get(index)),
            }
            .and_then(|button| button.dyn_into::<HtmlElement>().ok());
            if let Some(button) = button {
                button.click();
            }
        }
    }
}

/// Handing the page over to another module: one at a time, a press meanwhile waits.
#[cfg(target_arch = "wasm32")]
mod handing {
    use super::{Handing, Module};
    use js_sys::{Array, Function, Promise, Reflect};
    use std::cell::Cell;
    use wasm_bindgen::{JsCast, JsValue};
    use yew::Callback;

    thread_local! {
        /// A handing over is under way: another press waits for it.
        static UNDER_WAY: Cell<bool> = const { Cell::new(false) };
    }

    /// Calls `window.doudi[name]()` (web/index.html), giving back what it returns.
    pub fn call_doudi(name: &str) -> Option<JsValue> {
        let window: JsValue = web_sys::window()?.into();
        let doudi = Reflect::get(&window, &"doudi".into()).ok()?;
        let function = Reflect::get(&doudi, &name.into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        function.call0(&doudi).ok()
    }

    /// Hands the page over to `module` once it is here: its `takeOver(args…)` draws the
    /// page in place of this module's (takeover.rs, `render_in_place`). The arguments are
    /// asked for when the module has come, so that they are the page's as it is then;
    /// none means it is no longer wanted (the person went back meanwhile), and this
    /// module keeps the page.
    pub fn hand_over(
        module: Module,
        args: impl FnOnce() -> Option<Vec<String>> + 'static,
        onchange: Callback<Handing>,
    ) {
        if UNDER_WAY.with(|under_way| under_way.replace(true)) {
            return;
        }
        let loading =
            call_doudi(module.loader()).and_then(|loading| loading.dyn_into::<Promise>().ok());
        let Some(loading) = loading else {
            UNDER_WAY.with(|under_way| under_way.set(false));
            return onchange.emit(Handing::Failed);
        };
        onchange.emit(Handing::Waiting);
        wasm_bindgen_futures::spawn_local(async move {
            let module = wasm_bindgen_futures::JsFuture::from(loading).await;
            let Some(args) = args() else {
                UNDER_WAY.with(|under_way| under_way.set(false));
                return onchange.emit(Handing::No);
            };
            let args: Array = args.iter().map(|arg| JsValue::from_str(arg)).collect();
            let take_over = module.as_ref().ok().and_then(|module| {
                let take_over = Reflect::get(module, &"takeOver".into()).ok()?;
                Some((module.clone(), take_over.dyn_into::<Function>().ok()?))
            });
            let done = take_over
                .is_some_and(|(module, take_over)| take_over.apply(&module, &args).is_ok());
            if !done {
                UNDER_WAY.with(|under_way| under_way.set(false));
                onchange.emit(Handing::Failed);
            }
        });
    }
}

#[cfg(target_arch = "wasm32")]
pub use handing::{call_doudi, hand_over};

/// Native builds (tests, the prerender) have no other module to hand over to.
#[cfg(not(target_arch = "wasm32"))]
pub fn hand_over(
    _module: Module,
    _args: impl FnOnce() -> Option<Vec<String>> + 'static,
    onchange: yew::Callback<Handing>,
) {
    onchange.emit(Handing::Failed);
}

#[cfg(target_arch = "wasm32")]
pub use imp::{give_back, take, when_painted};

/// Renders `Root` in the place of what `<div id="app">` shows now (the screen the build
/// rendered, or the first screen's module's copy of it), within one task, and gives back
/// what the person did there. The new root is a fresh element: the listeners of the
/// first screen's module stay with the old one.
#[cfg(target_arch = "wasm32")]
pub fn render_in_place<Root>(props: Root::Properties)
where
    Root: yew::BaseComponent,
{
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id(ROOT) else {
        yew::Renderer::<Root>::with_props(props).render();
        return;
    };
    let kept = take(&root);
    let fresh = match document.create_element("div") {
        Ok(fresh) => fresh,
        Err(_) => return,
    };
    fresh.set_id(ROOT);
    if root.replace_with_with_node_1(&fresh).is_err() {
        return;
    }
    yew::Renderer::<Root>::with_root_and_props(fresh, props).render();
    // The first render runs in a microtask queued by `render`; this one runs after it,
    // still before the browser paints.
    if let Some(kept) = kept {
        wasm_bindgen_futures::spawn_local(give_back(kept));
    }
}

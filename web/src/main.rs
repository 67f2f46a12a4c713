//! A resident's first load: the first screen on its own (first_screen.rs), small. The
//! screen the build rendered (src/bin/prerender.rs, in index.html's `<div id="app">`)
//! is plain controls that take answers with no wasm run; this module is compiled once
//! the screen is painted but runs only at the first sign of use (Trunk.toml's start-up
//! script and index.html's `whenUsed`), and takes the screen over then, so that loading
//! the page runs no long task of ours. The app with the rules is the `doudi-app` module
//! (src/bin/app.rs), fetched once this module is in and taking over at the first press
//! that needs it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use doudi_web::first_screen::{self, Handing};
    use doudi_web::takeover;
    // A link, the answers kept in this tab or a saved draft: only the app can show them.
    // Should its module not come (offline on a first visit), the first screen shows.
    if first_screen::opens_elsewhere() {
        first_screen::hand_over(yew::Callback::from(|handing| {
            if handing == Handing::Failed {
                start();
                answering();
            }
        }));
        return;
    }
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(takeover::ROOT));
    match root {
        // The built screen is a page of plain controls, which answer with no wasm run:
        // this module runs only at the first sign that the person is using it (Trunk.toml's
        // start-up script waits for index.html's `whenUsed`), so that loading the page
        // runs no long task of ours; and it takes the screen over only once presented, so
        // that its paint is the page's largest, however fast the wasm came.
        Some(root) if root.has_attribute("data-prerendered") => takeover::when_painted(root, start),
        _ => start(),
    }
    answering();
}

/// The first screen takes over the built one (and any answers given there meanwhile).
#[cfg(target_arch = "wasm32")]
fn start() {
    doudi_web::takeover::render_in_place::<doudi_web::first_screen::FirstScreen>(());
}

/// This module is ready to answer the first screen (index.html's `doudi.ready`, which
/// the page's start-up script has called already when the module waited for the first
/// use): the mark that ends a resident's first load (tests/browser/first-load.spec.ts),
/// then the app's module fetched (the network only).
#[cfg(target_arch = "wasm32")]
fn answering() {
    doudi_web::takeover::call_doudi("ready");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    yew::Renderer::<doudi_web::first_screen::FirstScreen>::new().render();
}

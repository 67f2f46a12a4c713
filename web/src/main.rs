//! A resident's first load: the first screen on its own (first_screen.rs), small, so
//! that the screen the build rendered (src/bin/prerender.rs, in index.html's
//! `<div id="app">`) answers at once. The app with the rules is the `doudi-app` module
//! (src/bin/app.rs), fetched once this screen is up and taking over at the first press
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
            }
        }));
        return;
    }
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(takeover::ROOT));
    match root {
        // The built screen is presented before it is replaced, so that its paint is the
        // page's largest, however fast the wasm came.
        Some(root) if root.has_attribute("data-prerendered") => takeover::when_painted(root, start),
        _ => start(),
    }
}

/// The first screen takes over the built one, then fetches the app's module.
#[cfg(target_arch = "wasm32")]
fn start() {
    use doudi_web::first_screen::{self, FirstScreen};
    doudi_web::takeover::render_in_place::<FirstScreen>(());
    // The first screen is up: what came before this mark is a resident's first load
    // (tests/browser/first-load.spec.ts); the app's module comes after it.
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark("doudi-first-screen");
    }
    first_screen::fetch_app();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    yew::Renderer::<doudi_web::first_screen::FirstScreen>::new().render();
}

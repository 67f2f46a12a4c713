//! The doudi site: mounts the app. Everything shown is computed by doudi-rules.
//!
//! index.html holds the first screen as the build rendered it (src/bin/prerender.rs), in
//! `<div id="app">`; the app takes it over and gives back what the person did on it
//! meanwhile (takeover.rs).

#[cfg(target_arch = "wasm32")]
fn main() {
    use doudi_web::takeover;
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(takeover::ROOT));
    match root {
        // The built screen is presented before the app replaces it, so that its paint
        // is the page's largest, however fast the wasm came.
        Some(root) if root.has_attribute("data-prerendered") => {
            takeover::when_painted(root.clone(), move || take_over(root))
        }
        Some(root) => take_over(root),
        None => {
            yew::Renderer::<doudi_web::App>::new().render();
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn take_over(root: web_sys::Element) {
    use doudi_web::takeover;
    let kept = takeover::take(&root);
    root.set_inner_html("");
    yew::Renderer::<doudi_web::App>::with_root(root).render();
    // The first render runs in a microtask queued by `render`; this one runs after it,
    // still before the browser paints.
    if let Some(kept) = kept {
        wasm_bindgen_futures::spawn_local(async move { takeover::give_back(kept) });
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    yew::Renderer::<doudi_web::App>::new().render();
}

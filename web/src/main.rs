//! The doudi site: mounts the app. Everything shown is computed by doudi-rules.
//!
//! index.html holds the first screen as the build rendered it (src/bin/prerender.rs), in
//! `<div id="app">`; the app takes its place and gives back what the person did on it
//! meanwhile (takeover.rs).

#[cfg(target_arch = "wasm32")]
fn main() {
    use doudi_web::takeover;
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(takeover::ROOT));
    let Some(root) = root else {
        yew::Renderer::<doudi_web::App>::new().render();
        return;
    };
    let kept = takeover::take(&root);
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

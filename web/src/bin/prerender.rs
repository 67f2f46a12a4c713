//! The site's first screen as HTML, rendered at build time from the app itself (Yew's
//! server renderer, natively), so that a resident sees and can answer it before any wasm
//! has arrived. scripts/build-web.sh runs it:
//!
//!     cargo run -p doudi-web --features ssr --bin prerender > target/prerender.html
//!
//! and scripts/post-build.py puts the markup into dist/index.html's `<div id="app">`,
//! which the app takes over (src/takeover.rs). One source for the screen: the build
//! renders the same `App`, on its first screen, that the browser runs.

fn main() {
    let html = futures::executor::block_on(
        yew::LocalServerRenderer::<doudi_web::App>::new()
            .hydratable(false)
            .render(),
    );
    print!("{html}");
}

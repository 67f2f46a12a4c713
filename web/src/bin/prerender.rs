//! The site's first screen as HTML, rendered at build time from the app itself (Yew's
//! server renderer, natively), so that a resident sees and can answer it before any wasm
//! has arrived. scripts/build-web.sh runs it:
//!
//!     cargo run -p doudi-web --features ssr --bin prerender > target/prerender.html
//!
//! and scripts/post-build.py puts the markup into dist/index.html's `<div id="app">`,
//! which the first screen's module takes over (src/main.rs, src/takeover.rs). One
//! source for the screen: the build renders the same `App`, on its first screen, that
//! the browser runs; and it renders the first screen's module (`FirstScreen`, which the
//! browser runs first) too, and fails when the two differ, since the app later takes
//! the page over from it (src/first_screen.rs).

fn render<Root: yew::BaseComponent>() -> String
where
    Root::Properties: Default,
{
    futures::executor::block_on(
        yew::LocalServerRenderer::<Root>::new()
            .hydratable(false)
            .render(),
    )
}

fn main() {
    let app = render::<doudi_web::App>();
    let first = render::<doudi_web::first_screen::FirstScreen>();
    if app != first {
        // Where they part, with some of each around it (by characters: the text is
        // Chinese).
        let at = app
            .chars()
            .zip(first.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let around =
            |html: &str| -> String { html.chars().skip(at.saturating_sub(80)).take(200).collect() };
        eprintln!(
            "prerender: the first screen's module draws another first screen than the app, from character {at}:\n  app:          {}\n  first screen: {}",
            around(&app),
            around(&first)
        );
        std::process::exit(1);
    }
    print!("{app}");
}

//! The doudi site: mounts the app. Everything shown is computed by doudi-rules.

fn main() {
    yew::Renderer::<doudi_web::App>::new().render();
}

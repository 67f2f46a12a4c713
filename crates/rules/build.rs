//! Compiles policies/*.toml into Rust tables at build time: the rules crate (and so the
//! site) carries no TOML parser, and a policy file that fails validation fails the build.

use std::path::PathBuf;

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = manifest.join("../../policies");
    println!("cargo:rerun-if-changed={}", dir.display());
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            println!("cargo:rerun-if-changed={}", entry.path().display());
        }
    }
    let set = match doudi_policy::load(&dir) {
        Ok(set) => set,
        Err(errors) => {
            eprintln!("policies/ is not valid:\n{errors}");
            std::process::exit(1);
        }
    };
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("policies.rs");
    std::fs::write(&out, doudi_policy::generate(&set)).expect("OUT_DIR is writable");
}

//! Copies the CLI's own input functions (`utf8_text`, `parse_household`) out of
//! crates/cli/src/main.rs into the fuzz library at build time, so that the household
//! target reads a file exactly as `doudi assess FILE` does and never drifts from it.
//! crates/cli is a binary without a library; compiling all of main.rs in would bring the
//! policy-file reader and the JSON Schema generator into every fuzz build.
//!
//! Each function is taken from its `fn NAME(` line to the first line that is just `}`.
//! When one is not found the build fails, naming it.

use std::path::Path;

const FUNCTIONS: &[&str] = &["utf8_text", "parse_household"];

fn main() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/cli/src/main.rs");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", source.display()));
    let lines: Vec<&str> = text.lines().collect();
    let mut out = format!("// Copied from {} by fuzz/build.rs.\n", source.display());
    for name in FUNCTIONS {
        let start = lines
            .iter()
            .position(|line| {
                let line = line.trim_start_matches("pub ").trim_start_matches("pub(crate) ");
                line.starts_with(&format!("fn {name}("))
            })
            .unwrap_or_else(|| {
                panic!(
                    "fuzz/build.rs: no `fn {name}(` in {}: update FUNCTIONS and the household target",
                    source.display()
                )
            });
        let end = lines[start..]
            .iter()
            .position(|line| *line == "}")
            .unwrap_or_else(|| panic!("fuzz/build.rs: `fn {name}` has no closing line"));
        for line in &lines[start..=start + end] {
            out.push_str(line);
            out.push('\n');
        }
    }
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("cli_input.rs");
    std::fs::write(&target, out).expect("write cli_input.rs");
}

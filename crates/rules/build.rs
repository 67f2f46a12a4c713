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
    // The rules' own code is part of the rules: a change of logic changes rules_version
    // as a change of policy does, so a share link or draft made before it says so.
    let src = manifest.join("src");
    println!("cargo:rerun-if-changed={}", src.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&src)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    files.retain(|path| path.extension().is_some_and(|ext| ext == "rs"));
    files.sort();
    // FNV-1a, 64 bits: stable across platforms and Rust versions (unlike DefaultHasher).
    let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        let bytes = std::fs::read(path).unwrap_or_default();
        for byte in name.unwrap_or_default().bytes().chain(bytes) {
            digest ^= u64::from(byte);
            digest = digest.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut code = doudi_policy::generate(&set);
    code.push_str(&format!(
        "/// A digest of the rules crate's source files.\npub const CODE_DIGEST: &str = \"{digest:016x}\";\n"
    ));
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("policies.rs");
    std::fs::write(&out, code).expect("OUT_DIR is writable");
}

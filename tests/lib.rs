//! Test-only package: see the tests in tests/*.rs. What they share: reading data cases.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile<C> {
    case: Vec<C>,
}

/// Every case of the TOML files of `dir` (relative to tests/), in the files' order, each
/// with its file's name; a file that cannot be read, or has no case, fails the test.
pub fn load_cases<C: DeserializeOwned>(dir: &str) -> Vec<(String, C)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut all = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let file: CaseFile<C> =
            toml::from_str(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert!(!file.case.is_empty(), "{name} has no case");
        all.extend(file.case.into_iter().map(|case| (name.clone(), case)));
    }
    all
}

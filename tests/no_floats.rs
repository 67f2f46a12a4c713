//! Money is exact: the rules and the policy crate use `rust_decimal::Decimal`, never binary
//! floating point. This test scans every .rs file under crates/rules/src and
//! crates/policy/src for the tokens `f32` and `f64` as whole words (including a numeric
//! literal's suffix, as in `1.0f64`), outside comments, and fails if any appears. String
//! literals are scanned too: the policy crate generates Rust source, and a float written
//! into it would reach the rules.

use std::path::{Path, PathBuf};

const FORBIDDEN: [&str; 2] = ["f32", "f64"];

/// The source with every comment (line, doc and nested block comments) replaced by
/// spaces, newlines kept so that line numbers stay right. String and character literals
/// are kept as they are, so that a "//" inside a string does not start a comment.
fn strip_comments(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0usize;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !is_ident_char(i.checked_sub(1).map(|j| chars[j]))
        {
            // A raw string r"…" or r#"…"#: copy it whole.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                match chars.get(j) {
                    None => break,
                    Some('"') if (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) => {
                        j += 1 + hashes;
                        break;
                    }
                    _ => j += 1,
                }
            }
            out.extend(&chars[i..j.min(chars.len())]);
            i = j;
        } else if c == '"' {
            // An ordinary string: copy it, with its escapes.
            out.push(c);
            i += 1;
            while i < chars.len() {
                out.push(chars[i]);
                if chars[i] == '\\' && i + 1 < chars.len() {
                    out.push(chars[i + 1]);
                    i += 2;
                    continue;
                }
                i += 1;
                if chars[i - 1] == '"' {
                    break;
                }
            }
        } else if c == '\'' {
            // A character literal ('"', '\'', '/') is copied whole; a lifetime is just a quote.
            let literal_end = if next == Some('\\') {
                (i + 3..chars.len().min(i + 12)).find(|&j| chars[j] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match literal_end {
                Some(end) => {
                    out.extend(&chars[i..=end]);
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The forbidden tokens in code that has no comments left: (line, token).
fn float_tokens(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in code.lines().enumerate() {
        let mut word = String::new();
        for c in line.chars().chain(std::iter::once(' ')) {
            if c.is_alphanumeric() || c == '_' {
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                let whole = FORBIDDEN.contains(&word.as_str());
                // A numeric literal with a float suffix: 1f64, 2.5_f32 (the "2." is split
                // off at the dot, leaving "5_f32").
                let suffixed = word.starts_with(|c: char| c.is_ascii_digit())
                    && FORBIDDEN.iter().any(|token| word.ends_with(token));
                if whole || suffixed {
                    found.push((number + 1, word.clone()));
                }
                word.clear();
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_rules_and_the_policy_crate_use_no_floats() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["crates/rules/src", "crates/policy/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    files.sort();
    assert!(
        files.len() >= 10,
        "only {} source files found: is the path right?",
        files.len()
    );
    let mut found = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for (line, token) in float_tokens(&strip_comments(&source)) {
            let shown = file
                .strip_prefix(&root)
                .unwrap_or(file)
                .display()
                .to_string();
            found.push(format!("{shown}:{line}: {token}"));
        }
    }
    assert!(
        found.is_empty(),
        "floating point in the rules or the policy crate:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_floats_in_code_and_ignores_comments() {
    let code = r##"
        let a: f64 = 1.0; // f32 in a comment
        /* f64 in a block /* nested f32 */ still f64 */ let b = 2;
        /// doc f64
        //! inner doc f32
        let c = x as f32;
        let d = 1f64 + 2.5_f32;
        let e = "http://example.com"; let g: f64 = 0.0;
        let h = '"'; let i: f32 = 0.0; let q = '\''; // '"' f64
        let s = r#"// not a comment f64"#;
        fn keep<'a>(x: &'a str) -> f64 { 0.0 }
        let not_a_float = f640 + af64 + f64_total + u64::MAX;
    "##;
    let found: Vec<(usize, String)> = float_tokens(&strip_comments(code));
    let lines: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, vec![2, 6, 7, 7, 8, 9, 10, 11], "found {found:?}");
}

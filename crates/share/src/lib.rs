//! Share links that need no server: the household travels in the URL fragment (never the
//! query string, so it never reaches a server), deflated and base64url-encoded, with a
//! format version, the rules version it was made under, and the key results of that
//! time, so that a link made today still opens after a policy update and can say what
//! changed.
//!
//! Form: `#s1.<base64url(deflate(JSON))>`. A tampered, truncated or unknown-version
//! fragment is an error with a message in Chinese and English, never a panic.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use doudi_rules::{Assessment, Decimal, Household, Status};
use serde::{Deserialize, Serialize};

/// The format version written in every link.
pub const FORMAT: u32 = 1;
const PREFIX: &str = "s1.";
/// The largest fragment accepted, in characters, and the largest inflated payload: a
/// household of 30 members fits in a few kilobytes; more is tampering or a zip bomb.
pub const MAX_FRAGMENT: usize = 16 * 1024;
pub const MAX_PAYLOAD: usize = 64 * 1024;

/// One programme's result at the time the link was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub programme: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<usize>,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly: Option<Decimal>,
}

/// What a link carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shared {
    /// The rules version the link was made under.
    pub rules: String,
    pub household: Household,
    /// The expected monthly total then.
    pub total_monthly: Decimal,
    pub results: Vec<Snapshot>,
}

impl Shared {
    /// What to put in a link for this household and its assessment.
    pub fn new(household: &Household, assessment: &Assessment) -> Shared {
        Shared {
            rules: assessment.rules_version.clone(),
            household: household.clone(),
            total_monthly: assessment.total_monthly,
            results: assessment
                .programmes
                .iter()
                .map(|outcome| Snapshot {
                    programme: outcome.programme.id().to_string(),
                    member: outcome.member,
                    status: outcome.status.id().to_string(),
                    monthly: if outcome.status == Status::Eligible {
                        outcome.monthly
                    } else {
                        None
                    },
                })
                .collect(),
        }
    }
}

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareError {
    pub zh: String,
    pub en: String,
}

impl ShareError {
    fn new(zh: &str, en: &str) -> ShareError {
        ShareError {
            zh: zh.to_string(),
            en: en.to_string(),
        }
    }
}

/// The fragment (without '#') for a share link, from the JSON text of a [`Shared`].
/// The site serialises with the browser's own JSON (no JSON library in the wasm); the
/// CLI and tests use [`encode`].
pub fn encode_json(json: &[u8]) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(json, 9);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(deflated))
}

/// The JSON text of a [`Shared`] from a fragment (with or without '#'): the format
/// version checked, the payload decoded and inflated within [`MAX_PAYLOAD`].
pub fn decode_json(fragment: &str) -> Result<Vec<u8>, ShareError> {
    let fragment = fragment.trim().trim_start_matches('#');
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::new(
            "分享链接过长，可能已损坏",
            "the share link is too long; it may be damaged",
        ));
    }
    let Some(body) = fragment.strip_prefix(PREFIX) else {
        let version = fragment
            .strip_prefix('s')
            .and_then(|rest| rest.split('.').next())
            .and_then(|number| number.parse::<u32>().ok());
        return Err(match version {
            Some(version) if version > FORMAT => ShareError::new(
                "这个分享链接来自更新版本的计算器，请刷新页面后再打开",
                "this share link was made by a newer version of the calculator; reload the page and open it again",
            ),
            _ => ShareError::new("这不是有效的分享链接", "this is not a valid share link"),
        });
    };
    let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|_| {
        ShareError::new(
            "分享链接不完整或被改动过（编码有误）",
            "the share link is incomplete or altered (bad encoding)",
        )
    })?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_PAYLOAD).map_err(|_| {
        ShareError::new(
            "分享链接不完整或被改动过（无法解压）",
            "the share link is incomplete or altered (cannot decompress)",
        )
    })
}

/// The message for a payload whose JSON is not a [`Shared`].
pub fn unrecognised() -> ShareError {
    ShareError::new(
        "分享链接的内容无法识别",
        "the share link's content is not recognised",
    )
}

/// The fragment (without '#') for a share link.
#[cfg(feature = "json")]
pub fn encode(shared: &Shared) -> String {
    // Serialising our own types cannot fail: string keys only.
    encode_json(&serde_json::to_vec(shared).unwrap_or_default())
}

/// Reads a fragment (with or without '#').
#[cfg(feature = "json")]
pub fn decode(fragment: &str) -> Result<Shared, ShareError> {
    serde_json::from_slice::<Shared>(&decode_json(fragment)?).map_err(|_| unrecognised())
}

/// A programme whose result differs between the link and now.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub programme: String,
    pub member: Option<usize>,
    pub then: Snapshot,
    pub now: Option<Snapshot>,
}

/// The programmes whose status or amount differ between a link's snapshot and a fresh
/// assessment of the same household.
pub fn changes(shared: &Shared, now: &Assessment) -> Vec<Change> {
    let current = Shared::new(&shared.household, now).results;
    shared
        .results
        .iter()
        .filter_map(|then| {
            let found = current
                .iter()
                .find(|snapshot| {
                    snapshot.programme == then.programme && snapshot.member == then.member
                })
                .cloned();
            (found.as_ref() != Some(then)).then(|| Change {
                programme: then.programme.clone(),
                member: then.member,
                then: then.clone(),
                now: found,
            })
        })
        .collect()
}

/// The QR code of a text as an SVG document (black modules on white, a 4-module quiet
/// zone), or None when the text is too long for a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Low).ok()?;
    let size = code.size();
    let border = 4;
    let total = size + border * 2;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {total} {total}\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;
    use doudi_rules::Options;

    fn household() -> Household {
        serde_json::from_str(
            r#"{"county":"hantai","category":"urban","date":"2026-11-29","family":{"property_within_limits":true},
                "members":[{"name":"王秀英","age":72,"incomes":[{"kind":"wages","amount":"300.5"}]},{"age":40}]}"#,
        )
        .unwrap()
    }

    fn shared() -> Shared {
        let household = household();
        let assessment = doudi_rules::assess(&household, Options { trace: false }).unwrap();
        Shared::new(&household, &assessment)
    }

    #[test]
    fn a_link_round_trips_the_household_and_its_results() {
        let shared = shared();
        let fragment = encode(&shared);
        assert!(fragment.starts_with("s1."));
        assert!(fragment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
        assert_eq!(decode(&format!("#{fragment}")).unwrap(), shared);
    }

    #[test]
    fn a_truncated_link_is_an_error() {
        let fragment = encode(&shared());
        for cut in [4, fragment.len() / 2, fragment.len() - 3] {
            assert!(decode(&fragment[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn a_tampered_link_is_an_error() {
        let fragment = encode(&shared());
        let mut bytes = fragment.into_bytes();
        let middle = bytes.len() / 2;
        bytes[middle] = if bytes[middle] == b'A' { b'B' } else { b'A' };
        assert!(decode(&String::from_utf8(bytes).unwrap()).is_err());
    }

    #[test]
    fn an_unknown_version_says_so() {
        assert!(decode("s9.abc").unwrap_err().en.contains("newer version"));
        assert!(decode("hello").unwrap_err().en.contains("not a valid"));
        assert!(decode("").is_err());
    }

    #[test]
    fn changed_results_are_listed() {
        let mut shared = shared();
        assert!(changes(
            &shared,
            &doudi_rules::assess(&shared.household, Options::default()).unwrap()
        )
        .is_empty());
        shared.results[0].monthly = Some(Decimal::from(1));
        let now = doudi_rules::assess(&shared.household, Options::default()).unwrap();
        assert_eq!(changes(&shared, &now).len(), 1);
    }

    #[test]
    fn a_qr_code_is_an_svg() {
        let svg = qr_svg("http://127.0.0.1:8080/#s1.abc").unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("<path"));
    }
}

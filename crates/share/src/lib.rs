//! Share links that need no server: the household travels in the URL fragment (never the
//! query string, so it never reaches a server), deflated and base64url-encoded, with a
//! format version, the rules version it was made under, and the key results of that
//! time, so that a link made today still opens after a policy update and can say what
//! changed.
//!
//! Form (docs/share-link-format.md): `#s2.<base64url(deflate(JSON) ‖ CRC-32)>`. The
//! CRC-32 of the deflated bytes is checked before anything is inflated, parsed or shown:
//! a changed character is found for certain, a truncated or cut link all but certainly,
//! and either gives [`INCOMPLETE`]. Links of the old form `#s1.…` (no check) still open,
//! marked [`Integrity::Unchecked`], and the site says they cannot be verified
//! ([`UNVERIFIED`]). What is said on opening a link ([`notice`]) is built only from our
//! own texts and the link's numbers, never from text carried in the link. A bad or
//! unknown-version fragment is an error with a message in Chinese and English, never a
//! panic.

mod checksum;
mod notice;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use doudi_rules::{Assessment, Decimal, Household, Status};
use serde::{Deserialize, Serialize};

pub use checksum::crc32;
pub use notice::{
    is_rules_version, notice, shown_rules_version, text, ChangeLine, Notice, RulesChanged,
    INCOMPLETE, NOT_ASSESSED_NOW, UNKNOWN_PROGRAMME, UNKNOWN_STATUS, UNKNOWN_VERSION, UNVERIFIED,
};

/// The format version of every link made now.
pub const FORMAT: u32 = 2;
const PREFIX: &str = "s2.";
/// The old format, without a check: still read, never written.
const OLD_PREFIX: &str = "s1.";
/// The bytes of the check after the deflated payload.
const CHECK_BYTES: usize = 4;
/// The largest fragment accepted, in characters, and the largest inflated payload: a
/// household of 30 members fits in a few kilobytes; more is tampering or a zip bomb.
pub const MAX_FRAGMENT: usize = 16 * 1024;
pub const MAX_PAYLOAD: usize = 64 * 1024;

/// One programme's result at the time the link was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// The programme's id ("dibao"): looked up, never shown.
    pub programme: String,
    /// The member's index, for a programme of one member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<usize>,
    /// The status's id ("eligible"): looked up, never shown.
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly: Option<Decimal>,
}

/// What a link carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shared {
    /// The rules version the link was made under (see [`is_rules_version`]).
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
            rules: assessment.rules_version.to_string(),
            household: household.clone(),
            total_monthly: assessment.total_monthly,
            results: snapshots(assessment),
        }
    }
}

/// The key results of an assessment.
fn snapshots(assessment: &Assessment) -> Vec<Snapshot> {
    assessment
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
        .collect()
}

/// Whether a link's payload was checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Integrity {
    /// A link of the current format: its check passed.
    Checked,
    /// A link of the old format (`s1.`), which carries no check: it cannot be verified.
    Unchecked,
}

/// A link's payload: the JSON text of a [`Shared`], and whether it was checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payload {
    pub json: Vec<u8>,
    pub integrity: Integrity,
}

/// A link opened: what it carries, and whether it was checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub shared: Shared,
    pub integrity: Integrity,
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

    fn incomplete() -> ShareError {
        ShareError::new(INCOMPLETE.zh, INCOMPLETE.en)
    }
}

/// The fragment (without '#') for a share link, from the JSON text of a [`Shared`]:
/// always of the current format. The site serialises with the browser's own JSON (no
/// JSON library in the wasm); the CLI and tests use [`encode`].
pub fn encode_json(json: &[u8]) -> String {
    let mut bytes = miniz_oxide::deflate::compress_to_vec(json, 9);
    let check = crc32(&bytes);
    bytes.extend_from_slice(&check.to_le_bytes());
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The JSON text of a [`Shared`] from a fragment (with or without '#'): the format
/// version read; for the current format the check verified before anything is
/// inflated; the payload inflated within [`MAX_PAYLOAD`]. After parsing the JSON, pass
/// the result through [`check`].
pub fn decode_json(fragment: &str) -> Result<Payload, ShareError> {
    let fragment = fragment.trim().trim_start_matches('#');
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::new(
            "分享链接过长，可能已损坏",
            "the share link is too long; it may be damaged",
        ));
    }
    let (body, integrity) = if let Some(body) = fragment.strip_prefix(PREFIX) {
        (body, Integrity::Checked)
    } else if let Some(body) = fragment.strip_prefix(OLD_PREFIX) {
        (body, Integrity::Unchecked)
    } else {
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
    let mut deflated = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| ShareError::incomplete())?;
    if integrity == Integrity::Checked {
        let Some(at) = deflated.len().checked_sub(CHECK_BYTES) else {
            return Err(ShareError::incomplete());
        };
        let check = deflated.split_off(at);
        if check != crc32(&deflated).to_le_bytes() {
            return Err(ShareError::incomplete());
        }
    }
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_PAYLOAD)
        .map_err(|_| ShareError::incomplete())?;
    Ok(Payload { json, integrity })
}

/// The message for a payload whose JSON is not a [`Shared`].
pub fn unrecognised() -> ShareError {
    ShareError::new(
        "分享链接的内容无法识别",
        "the share link's content is not recognised",
    )
}

/// Whether a [`Shared`] parsed from a payload of this integrity may be opened: a link of
/// the current format must name its rules version, programmes and statuses in the form
/// this calculator writes them (else [`unrecognised`]). An old link is taken as it is;
/// what is shown of it goes through [`notice`] all the same.
pub fn check(shared: &Shared, integrity: Integrity) -> Result<(), ShareError> {
    if integrity == Integrity::Checked && !well_formed(shared) {
        return Err(unrecognised());
    }
    Ok(())
}

fn well_formed(shared: &Shared) -> bool {
    let id = |text: &str| {
        !text.is_empty()
            && text.len() <= 40
            && text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
    };
    is_rules_version(&shared.rules)
        && shared
            .results
            .iter()
            .all(|snapshot| id(&snapshot.programme) && id(&snapshot.status))
}

/// The fragment (without '#') for a share link.
#[cfg(feature = "json")]
pub fn encode(shared: &Shared) -> String {
    // Serialising our own types cannot fail: string keys only.
    encode_json(&serde_json::to_vec(shared).unwrap_or_default())
}

/// Reads a fragment (with or without '#').
#[cfg(feature = "json")]
pub fn decode(fragment: &str) -> Result<Opened, ShareError> {
    let payload = decode_json(fragment)?;
    let shared = serde_json::from_slice::<Shared>(&payload.json).map_err(|_| unrecognised())?;
    check(&shared, payload.integrity)?;
    Ok(Opened {
        shared,
        integrity: payload.integrity,
    })
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
    let current = snapshots(now);
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
        let assessment = doudi_rules::assess(&household, Options::QUIET).unwrap();
        Shared::new(&household, &assessment)
    }

    #[test]
    fn a_link_round_trips_the_household_and_its_results() {
        let shared = shared();
        let fragment = encode(&shared);
        assert!(fragment.starts_with("s2."));
        assert!(fragment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
        assert_eq!(
            decode(&format!("#{fragment}")).unwrap(),
            Opened {
                shared,
                integrity: Integrity::Checked
            }
        );
    }

    #[test]
    fn a_truncated_link_is_an_error() {
        let fragment = encode(&shared());
        for cut in [
            3,
            4,
            8,
            fragment.len() / 2,
            fragment.len() - 3,
            fragment.len() - 1,
        ] {
            assert_eq!(
                decode(&fragment[..cut]).unwrap_err().en,
                INCOMPLETE.en,
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn a_tampered_link_is_an_error() {
        let fragment = encode(&shared());
        let mut bytes = fragment.into_bytes();
        let middle = bytes.len() / 2;
        bytes[middle] = if bytes[middle] == b'A' { b'B' } else { b'A' };
        let error = decode(&String::from_utf8(bytes).unwrap()).unwrap_err();
        assert_eq!(
            (error.zh.as_str(), error.en.as_str()),
            (
                "链接不完整或被改动，无法打开",
                "The link is incomplete or has been changed"
            )
        );
    }

    #[test]
    fn an_unknown_version_says_so() {
        assert!(decode("s9.abc").unwrap_err().en.contains("newer version"));
        assert!(decode("s3.abc").unwrap_err().en.contains("newer version"));
        assert!(decode("s0.abc").unwrap_err().en.contains("not a valid"));
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

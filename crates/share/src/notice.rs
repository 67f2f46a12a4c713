//! What is said when a link is opened: that an old link cannot be verified, and which
//! results changed since a link was made under other rules. Built only from our own
//! texts (the rules' programme titles and status labels, the texts below) and the link's
//! numbers (amounts, member numbers) and ids (programme and status ids, looked up, never
//! shown): no text carried in a link (a rules version that is not one, a programme id, a
//! member's name) ever reaches the notice.

use crate::{changes, Change, Integrity, Opened, Snapshot};
use doudi_rules::labels::{self, Label};
use doudi_rules::{Assessment, Status, Text};

/// Why a link cannot be opened: it does not pass its check (or, for an old link, cannot
/// be decoded or inflated).
pub const INCOMPLETE: Label = Label::new(
    "链接不完整或被改动，无法打开",
    "The link is incomplete or has been changed",
);

/// Said with every link of the old format (`s1.`), which carries no check.
pub const UNVERIFIED: Label = Label::new(
    "这是旧格式的分享链接，没有校验码，无法确认它完整、没有被改动。请核对下面的答案和结果是否和发链接的人说的一致。",
    "This share link is in the old format, which carries no check: it cannot be verified that it is complete and unchanged. Check that the answers and the result below are what the sender meant.",
);

/// What a change line says of a programme the rules in force now do not assess.
pub const NOT_ASSESSED_NOW: Label = Label::new("现在不再计算这一项", "no longer assessed");
/// The name of a programme of the link that the rules in force now do not assess.
pub const UNKNOWN_PROGRAMME: Label = Label::new("当时计算的一项", "an item worked out then");
/// A status of the link that this version does not know.
pub const UNKNOWN_STATUS: Label = Label::new("无法识别的结果", "an unrecognised result");
/// Shown for a link's rules version that does not have the form of one.
pub const UNKNOWN_VERSION: &str = "?";
const YUAN_PER_MONTH: Label = Label::new("元/月", "yuan/month");

/// What to say when a link is opened.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// The link is of the old format, without a check: say [`UNVERIFIED`].
    pub unverified: bool,
    /// Set when the link was made under other rules than those in force now.
    pub rules_changed: Option<RulesChanged>,
}

/// A link made under other rules: both versions and what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct RulesChanged {
    /// The link's rules version when it has the form of one (digits, lowercase hex
    /// digits, dots and a plus: see [`is_rules_version`]), else [`UNKNOWN_VERSION`].
    pub then: String,
    /// The rules version in force now.
    pub now: String,
    /// Each programme whose result differs between then and now.
    pub changes: Vec<ChangeLine>,
}

/// One programme whose result differs between the link and now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeLine {
    /// The programme's title under the rules in force now ("最低生活保障（低保） · 成员2"),
    /// or [`UNKNOWN_PROGRAMME`].
    pub programme: Text,
    /// "可能符合 1606 元/月", or the status alone.
    pub then: Text,
    pub now: Text,
}

/// What to say when `opened` is shown beside `now`, the assessment of its household
/// under the rules in force now.
pub fn notice(opened: &Opened, now: &Assessment) -> Notice {
    let shared = &opened.shared;
    Notice {
        unverified: opened.integrity == Integrity::Unchecked,
        rules_changed: (shared.rules != now.rules_version).then(|| RulesChanged {
            then: shown_rules_version(&shared.rules),
            now: now.rules_version.to_string(),
            changes: changes(shared, now)
                .iter()
                .map(|change| change_line(change, now))
                .collect(),
        }),
    }
}

/// Whether `text` has the form of a rules version: `MAJOR.MINOR.PATCH` (numbers), then
/// optionally `+` and one to four dot-separated groups of lowercase hex digits
/// (`0.1.0+1a2b3c4d.5e6f7a8b`); each group 1 to 16 characters, 64 in all.
pub fn is_rules_version(text: &str) -> bool {
    let (release, digests) = text.split_once('+').unwrap_or((text, "0"));
    text.len() <= 64
        && groups(release, |b| b.is_ascii_digit()) == Some(3)
        && groups(digests, |b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            .is_some_and(|count| count <= 4)
}

/// The number of dot-separated groups of `text`, when each has 1 to 16 allowed bytes.
fn groups(text: &str, allowed: fn(u8) -> bool) -> Option<usize> {
    let (mut count, mut length) = (1, 0);
    for byte in text.bytes() {
        if byte == b'.' && length > 0 {
            count += 1;
            length = 0;
        } else if allowed(byte) && length < 16 {
            length += 1;
        } else {
            return None;
        }
    }
    (length > 0).then_some(count)
}

/// A link's rules version as it may be shown.
pub fn shown_rules_version(rules: &str) -> String {
    if is_rules_version(rules) {
        rules.to_string()
    } else {
        UNKNOWN_VERSION.to_string()
    }
}

fn change_line(change: &Change, now: &Assessment) -> ChangeLine {
    let title = now
        .programmes
        .iter()
        .find(|outcome| {
            outcome.programme.id() == change.programme && outcome.member == change.member
        })
        .map(|outcome| outcome.title.clone())
        .unwrap_or_else(|| text(UNKNOWN_PROGRAMME));
    let programme = match change.member {
        Some(index) => {
            let number = index.saturating_add(1);
            Text::new(
                format!("{} · 成员{number}", title.zh),
                format!("{} · member {number}", title.en),
            )
        }
        None => title,
    };
    ChangeLine {
        programme,
        then: snapshot_text(&change.then),
        now: change
            .now
            .as_ref()
            .map(snapshot_text)
            .unwrap_or_else(|| text(NOT_ASSESSED_NOW)),
    }
}

/// "可能符合 1606 元/月", or the status alone.
fn snapshot_text(snapshot: &Snapshot) -> Text {
    let status = [
        Status::Eligible,
        Status::NotEligible,
        Status::NeedsMoreInformation,
    ]
    .into_iter()
    .find(|status| status.id() == snapshot.status)
    .map(labels::status)
    .unwrap_or(UNKNOWN_STATUS);
    match snapshot.monthly {
        Some(monthly) => Text::new(
            format!("{} {monthly} {}", status.zh, YUAN_PER_MONTH.zh),
            format!("{} {monthly} {}", status.en, YUAN_PER_MONTH.en),
        ),
        None => text(status),
    }
}

/// A label as a [`Text`].
pub fn text(label: Label) -> Text {
    Text::new(label.zh, label.en)
}

#[cfg(test)]
mod tests {
    use super::is_rules_version;

    #[test]
    fn rules_versions_have_one_form() {
        for good in [
            "0.1.0+1a2b3c4d.5e6f7a8b",
            "0.0.9+0badc0de",
            "1.2.3",
            "10.20.30+0",
        ] {
            assert!(is_rules_version(good), "{good}");
        }
        for bad in [
            "",
            "{now}",
            "0.1.0+{now}",
            "0.1.0+ABCDEF",
            "0.1.0+abc def",
            "0.1.0+abc+def",
            "0.1.0 请拨打电话",
            "0.1",
            "0.1.0.",
            "0.1.0+",
            "0.1.0+a..b",
            "0.1.0+a.b.c.d.e",
            "0.1.0+00000000000000000",
            "-1.0.0",
        ] {
            assert!(!is_rules_version(bad), "{bad}");
        }
    }
}

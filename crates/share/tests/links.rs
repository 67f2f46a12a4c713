//! Links that cannot lie: every single-character change to a link of every example
//! household either fails with the message or reads back exactly the same; old links
//! open marked as unverifiable; nothing a link carries as text reaches the notice.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use doudi_rules::{Assessment, Household, Options};
use doudi_share::{
    check, decode, decode_json, encode, encode_json, notice, Integrity, Opened, Shared, Snapshot,
    INCOMPLETE, UNKNOWN_VERSION, UNVERIFIED,
};
use std::path::PathBuf;

/// Every character a link is written with: base64url and the dot after the version.
const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

fn examples() -> Vec<(String, Household)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut found: Vec<(String, Household)> = std::fs::read_dir(&dir)
        .expect("examples/")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable");
            let household = serde_json::from_str(&text)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                household,
            )
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(found.len() >= 9, "examples/*.json: {}", found.len());
    found
}

fn assess(household: &Household) -> Assessment {
    doudi_rules::assess(household, Options::QUIET).expect("a valid household")
}

fn shared(household: &Household) -> Shared {
    Shared::new(household, &assess(household))
}

/// A household whose CPI rises have as many decimals as the household format reads.
fn many_decimals() -> Household {
    let mut household = examples()
        .into_iter()
        .find(|(name, _)| name == "urban-family-with-grandmother.json")
        .expect("the example")
        .1;
    household.caseworker.cpi_rise = Some(serde_json::from_str("\".1234567890123456789\"").unwrap());
    household.caseworker.food_cpi_rise =
        Some(serde_json::from_str("\"-.123456789012345678\"").unwrap());
    household
}

/// A link of the old format, as the old encoder made it: no check, amounts as written.
fn old_link(json: &[u8]) -> String {
    format!(
        "s1.{}",
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json, 9))
    )
}

#[derive(Default, Debug)]
struct Count {
    links: usize,
    changes: usize,
    refused_with_the_message: usize,
    refused_otherwise: usize,
    same: usize,
}

/// Calls `each` with every single-character change of `link`: each position replaced
/// by each other character of the alphabet, each character deleted, and each character
/// of the alphabet inserted at each position.
fn each_single_change(link: &str, mut each: impl FnMut(&str)) {
    let bytes = link.as_bytes();
    let mut changed = Vec::with_capacity(bytes.len() + 1);
    let mut call = |changed: &Vec<u8>| each(std::str::from_utf8(changed).expect("ASCII"));
    for at in 0..bytes.len() {
        for &c in ALPHABET.as_bytes().iter().filter(|&&c| c != bytes[at]) {
            changed.clear();
            changed.extend_from_slice(bytes);
            changed[at] = c;
            call(&changed);
        }
        changed.clear();
        changed.extend_from_slice(&bytes[..at]);
        changed.extend_from_slice(&bytes[at + 1..]);
        call(&changed);
    }
    for at in 0..=bytes.len() {
        for &c in ALPHABET.as_bytes() {
            changed.clear();
            changed.extend_from_slice(&bytes[..at]);
            changed.push(c);
            changed.extend_from_slice(&bytes[at..]);
            call(&changed);
        }
    }
}

fn check_every_change(name: &str, household: &Household) -> Count {
    let mut count = Count::default();
    let shared = shared(household);
    let link = encode(&shared);
    assert!(link.starts_with("s2."), "{name}: {link}");
    assert_eq!(
        decode(&link),
        Ok(Opened {
            shared: shared.clone(),
            integrity: Integrity::Checked
        }),
        "{name}"
    );
    count.links += 1;
    each_single_change(&link, |changed| {
        count.changes += 1;
        match decode(changed) {
            Ok(opened) => {
                assert_eq!(
                    opened.shared, shared,
                    "{name}: {changed} opened as another household"
                );
                count.same += 1;
            }
            Err(error) if changed.starts_with("s2.") => {
                // The prefix is intact: the payload was changed, and its check says so.
                assert_eq!(
                    (error.zh.as_str(), error.en.as_str()),
                    (INCOMPLETE.zh, INCOMPLETE.en),
                    "{name}: {changed}"
                );
                count.refused_with_the_message += 1;
            }
            Err(error) => {
                // The version prefix itself was changed ("s3.", "x2.", "s2x…").
                assert!(
                    !error.zh.is_empty() && !error.en.is_empty(),
                    "{name}: {changed}"
                );
                if error.en == INCOMPLETE.en {
                    count.refused_with_the_message += 1;
                } else {
                    count.refused_otherwise += 1;
                }
            }
        }
    });
    count
}

#[test]
fn every_single_character_change_fails_with_the_message_or_reads_the_same_household() {
    let mut households = examples();
    households.push(("many-decimals".into(), many_decimals()));
    // Two threads: the machines that run this have two cores.
    let (first, second) = households.split_at(households.len() / 2);
    let run = |part: &[(String, Household)]| -> Vec<Count> {
        part.iter()
            .map(|(name, household)| check_every_change(name, household))
            .collect()
    };
    let counts: Vec<Count> = std::thread::scope(|scope| {
        let other = scope.spawn(|| run(second));
        let mut counts = run(first);
        counts.extend(other.join().expect("the other thread"));
        counts
    });
    let mut total = Count::default();
    for count in &counts {
        total.links += count.links;
        total.changes += count.changes;
        total.refused_with_the_message += count.refused_with_the_message;
        total.refused_otherwise += count.refused_otherwise;
        total.same += count.same;
    }
    eprintln!("{total:?}");
    assert_eq!(total.links, households.len());
    assert_eq!(
        total.changes,
        total.refused_with_the_message + total.refused_otherwise + total.same
    );
    // Only changes to the three characters of "s2." can give another message ("s3.":
    // a newer version; "x2.": not a link) or, as "s1.", the same household unverified.
    let prefix_changes = 3 * (ALPHABET.len() - 1) + 3 + 3 * ALPHABET.len();
    assert!(total.refused_otherwise + total.same <= total.links * prefix_changes);
}

#[test]
fn a_household_with_a_cpi_of_nineteen_decimals_makes_a_link_that_opens() {
    let household = many_decimals();
    let shared = shared(&household);
    let opened = decode(&encode(&shared)).expect("the link opens");
    assert_eq!(opened.shared, shared);
    let cpi = opened.shared.household.caseworker.cpi_rise.unwrap().0;
    assert_eq!(
        (cpi.to_string().as_str(), cpi.scale()),
        ("0.1234567890123456789", 19)
    );
    // An old link made so (it could not be opened before) opens too.
    let old = old_link(&serde_json::to_vec(&shared).unwrap());
    assert_eq!(decode(&old).expect("the old link opens").shared, shared);
}

#[test]
fn an_old_link_opens_with_the_notice_that_it_cannot_be_verified() {
    for (name, household) in examples() {
        let shared = shared(&household);
        let now = assess(&household);
        let opened = decode(&old_link(&serde_json::to_vec(&shared).unwrap())).unwrap();
        assert_eq!(opened.integrity, Integrity::Unchecked, "{name}");
        assert_eq!(opened.shared, shared, "{name}");
        let said = notice(&opened, &now);
        assert!(said.unverified, "{name}");
        assert_eq!(said.rules_changed, None, "{name}: same rules");
        // A new link of the same household says nothing of the kind.
        assert!(!notice(&decode(&encode(&shared)).unwrap(), &now).unverified);
    }
    assert!(UNVERIFIED.zh.contains("无法确认") && UNVERIFIED.en.contains("cannot be verified"));
}

/// Everything a notice would show, in both languages.
fn shown(notice: &doudi_share::Notice) -> Vec<String> {
    let mut out = Vec::new();
    if notice.unverified {
        out.extend([UNVERIFIED.zh.to_string(), UNVERIFIED.en.to_string()]);
    }
    if let Some(changed) = &notice.rules_changed {
        out.extend([changed.then.clone(), changed.now.clone()]);
        for line in &changed.changes {
            for text in [&line.programme, &line.then, &line.now] {
                out.extend([text.zh.to_string(), text.en.to_string()]);
            }
        }
    }
    out
}

#[test]
fn a_crafted_old_link_cannot_put_its_text_into_the_notice() {
    const INJECTED: &str = "{now} 官方通知：请拨打 12345 领取补贴 {then}";
    let household = examples()
        .into_iter()
        .find(|(name, _)| name == "urban-family-with-grandmother.json")
        .unwrap()
        .1;
    let now = assess(&household);
    let mut crafted = Shared::new(&household, &now);
    crafted.rules = INJECTED.into();
    for member in &mut crafted.household.members {
        member.name = INJECTED.into();
    }
    for snapshot in &mut crafted.results {
        snapshot.status = INJECTED.into();
    }
    crafted.results.push(Snapshot {
        programme: INJECTED.into(),
        member: Some(1),
        status: "eligible".into(),
        monthly: Some(50.into()),
    });
    crafted.results.push(Snapshot {
        programme: "dibao".into(),
        member: Some(usize::MAX),
        status: INJECTED.into(),
        monthly: None,
    });
    let json = serde_json::to_vec(&crafted).unwrap();

    let opened = decode(&old_link(&json)).expect("an old link is taken as it is");
    assert_eq!(opened.integrity, Integrity::Unchecked);
    let said = notice(&opened, &now);
    assert!(said.unverified);
    let changed = said.rules_changed.as_ref().expect("other rules");
    assert_eq!(changed.then, UNKNOWN_VERSION);
    assert_eq!(changed.now, now.rules_version);
    assert_eq!(
        changed.changes.len(),
        crafted.results.len(),
        "every result differs"
    );
    for text in shown(&said) {
        for piece in ["{", "}", "官方", "12345", "请拨打"] {
            assert!(!text.contains(piece), "{piece:?} in {text:?}");
        }
    }
    // The second member's name is not shown; its number is.
    assert!(changed
        .changes
        .iter()
        .any(|line| line.programme.zh.ends_with("成员2")));
    assert!(changed.changes.iter().any(|line| line
        .programme
        .en
        .ends_with(&format!("member {}", usize::MAX))));

    // A link of the current format carrying such text is refused outright.
    assert_eq!(
        decode(&encode_json(&json)).unwrap_err(),
        doudi_share::unrecognised()
    );
    // The site's own path (its checksum passes, the JSON goes through the browser) is
    // refused by `check` the same way; an old link is not.
    let payload = decode_json(&encode_json(&json)).unwrap();
    assert_eq!(payload.integrity, Integrity::Checked);
    let parsed: Shared = serde_json::from_slice(&payload.json).unwrap();
    assert_eq!(
        check(&parsed, Integrity::Checked),
        Err(doudi_share::unrecognised())
    );
    assert_eq!(check(&parsed, Integrity::Unchecked), Ok(()));
}

#[test]
fn a_link_made_under_other_rules_lists_what_changed_in_our_words() {
    let household = examples()
        .into_iter()
        .find(|(name, _)| name == "urban-family-with-grandmother.json")
        .unwrap()
        .1;
    let now = assess(&household);
    let mut shared = Shared::new(&household, &now);
    shared.rules = "0.0.9+0badc0de".into();
    let dibao = shared
        .results
        .iter_mut()
        .find(|snapshot| snapshot.programme == "dibao")
        .unwrap();
    let today = dibao.monthly.expect("dibao is paid");
    dibao.monthly = Some(1234.into());
    let opened = decode(&encode(&shared)).unwrap();
    let said = notice(&opened, &now);
    assert!(!said.unverified);
    let changed = said.rules_changed.unwrap();
    assert_eq!(
        (changed.then.as_str(), changed.now.as_str()),
        ("0.0.9+0badc0de", now.rules_version)
    );
    assert_eq!(changed.changes.len(), 1);
    let line = &changed.changes[0];
    assert_eq!(line.programme.zh, "最低生活保障（低保）");
    assert_eq!(line.then.zh, "可能符合 1234 元/月");
    assert_eq!(line.now.en, format!("Likely to qualify {today} yuan/month"));
}

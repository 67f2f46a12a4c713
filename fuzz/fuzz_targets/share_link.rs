//! A share link's fragment (`#s2.…`, `#s1.…`, anything), opened as the site opens it:
//! `decode` (version, CRC-32, inflate within the limit, JSON, form check), then the
//! household assessed under today's rules and the notice built.
//!
//! Checks: a link that opens is one `decode_json` reads too; a checked link names a rules
//! version of our form and, made again, opens as the same content; the link the site
//! makes for the opened household (today's rules and results) opens, checked, as the
//! same household; the notice says "unverified" exactly for old links and shows a rules
//! version only in our form.
#![no_main]

use doudi_fuzz::check_assessment;
use doudi_rules::Options;
use doudi_share::{
    decode, decode_json, encode, is_rules_version, notice, Integrity, Shared, MAX_FRAGMENT,
    UNKNOWN_VERSION,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(fragment) = std::str::from_utf8(data) else {
        return;
    };
    let payload = decode_json(fragment);
    let Ok(opened) = decode(fragment) else {
        return;
    };
    let payload = payload.expect("decode opens a link that decode_json refuses");
    assert_eq!(payload.integrity, opened.integrity);
    if opened.integrity == Integrity::Checked {
        assert!(
            is_rules_version(&opened.shared.rules),
            "a checked link with rules {:?}",
            opened.shared.rules
        );
    }
    if opened.integrity == Integrity::Checked {
        // A checked link made again opens as the same content.
        let again = encode(&opened.shared);
        if again.len() <= MAX_FRAGMENT {
            let reopened = decode(&again).expect("a checked link made again does not open");
            assert_eq!(reopened.integrity, Integrity::Checked);
            assert_eq!(
                reopened.shared, opened.shared,
                "a link made again opens as another"
            );
        }
    }
    if let Ok(now) = doudi_rules::assess(&opened.shared.household, Options::QUIET) {
        check_assessment(&now, "share_link");
        // The link the site makes for the household it opened (today's rules and
        // results) opens, checked, as the same household.
        let link = encode(&Shared::new(&opened.shared.household, &now));
        if link.len() <= MAX_FRAGMENT {
            let reopened = decode(&link).expect("the link of an opened household does not open");
            assert_eq!(reopened.integrity, Integrity::Checked);
            assert_eq!(reopened.shared.household, opened.shared.household);
        }
        let said = notice(&opened, &now);
        assert_eq!(said.unverified, opened.integrity == Integrity::Unchecked);
        if let Some(changed) = said.rules_changed {
            assert!(
                changed.then == UNKNOWN_VERSION || is_rules_version(&changed.then),
                "the notice shows {:?} as a rules version",
                changed.then
            );
            assert_eq!(changed.now, now.rules_version);
        }
    }
});

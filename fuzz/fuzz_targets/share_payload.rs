//! A share link's payload as it comes out of inflation (the JSON text of a `Shared`,
//! past the CRC-32 check), read and opened as `decode` and the site do; and the same
//! bytes through a whole link.
//!
//! Checks: a payload that parses is accepted or refused by `check` as our form says, and
//! opening its household never panics; any payload within the size limit goes through
//! `encode_json` → `decode_json` unchanged and checked, and through an old-format link
//! (raw deflate, no check) unchanged and unchecked.
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use doudi_fuzz::check_assessment;
use doudi_rules::Options;
use doudi_share::{
    changes, check, decode_json, encode_json, is_rules_version, notice, Integrity, Opened, Shared,
    MAX_FRAGMENT, MAX_PAYLOAD,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(shared) = serde_json::from_slice::<Shared>(data) {
        let checked = check(&shared, Integrity::Checked);
        assert!(
            check(&shared, Integrity::Unchecked).is_ok(),
            "an old link is refused"
        );
        if checked.is_ok() {
            assert!(is_rules_version(&shared.rules));
        }
        if let Ok(now) = doudi_rules::assess(&shared.household, Options::QUIET) {
            check_assessment(&now, "share_payload");
            let listed = changes(&shared, &now);
            assert!(listed.len() <= shared.results.len());
            for integrity in [Integrity::Checked, Integrity::Unchecked] {
                let opened = Opened {
                    shared: shared.clone(),
                    integrity,
                };
                let said = notice(&opened, &now);
                assert_eq!(said.unverified, integrity == Integrity::Unchecked);
            }
        }
    }
    if data.len() <= MAX_PAYLOAD {
        let link = encode_json(data);
        if link.len() <= MAX_FRAGMENT {
            let payload = decode_json(&link).expect("a link of our own does not open");
            assert_eq!(payload.integrity, Integrity::Checked);
            assert!(payload.json == data, "a payload changes through a link");
        }
        let old = format!(
            "s1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(data, 9))
        );
        if old.len() <= MAX_FRAGMENT {
            let payload = decode_json(&old).expect("an old link does not open");
            assert_eq!(payload.integrity, Integrity::Unchecked);
            assert!(
                payload.json == data,
                "a payload changes through an old link"
            );
        }
    }
});

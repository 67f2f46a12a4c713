//! CRC-32 (the IEEE polynomial of zlib, gzip and PNG), four bits at a time from a table
//! of 16 entries built at compile time: a few lines and 64 bytes, so that the site's
//! WebAssembly stays small. A link's payload is a few hundred bytes.

const POLYNOMIAL: u32 = 0xEDB8_8320;

/// The CRC of each four-bit value.
const NIBBLES: [u32; 16] = {
    let mut table = [0u32; 16];
    let mut nibble = 0;
    while nibble < 16 {
        let mut crc = nibble as u32;
        let mut bit = 0;
        while bit < 4 {
            crc = (crc >> 1) ^ (POLYNOMIAL & (crc & 1).wrapping_neg());
            bit += 1;
        }
        table[nibble] = crc;
        nibble += 1;
    }
    table
};

/// The CRC-32 of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        crc = (crc >> 4) ^ NIBBLES[(crc & 0xF) as usize];
        crc = (crc >> 4) ^ NIBBLES[(crc & 0xF) as usize];
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::{crc32, POLYNOMIAL};

    /// The same, one bit at a time.
    fn bitwise(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = (crc >> 1) ^ (POLYNOMIAL & (crc & 1).wrapping_neg());
            }
        }
        !crc
    }

    #[test]
    fn the_standard_check_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
        let all: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
        for end in 0..all.len() {
            assert_eq!(crc32(&all[..end]), bitwise(&all[..end]));
        }
    }
}

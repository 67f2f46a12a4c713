//! Bytes in, records out: the text encoding detected and decoded, the CSV split into
//! records (by csv-core), each with the physical line it starts on.
//!
//! Natively the bytes are decoded by encoding_rs (UTF-8, GB18030, UTF-16). On the site
//! (wasm) encoding_rs is left out: it would add about 124 KB gzip (all its decoders link
//! in together); there the reader takes UTF-8 only, validated by std, and the page first
//! decodes other encodings with the browser's TextDecoder (the same WHATWG Encoding
//! Standard that encoding_rs implements), chosen by [`sniff`], the same rules.
//!
//! Everything here works on fixed buffers: a caseload of any size is read in constant
//! memory. A record longer than [`MAX_RECORD_BYTES`] (or with more than [`MAX_CELLS`]
//! cells) is read to its end without being kept: the cells before the limit are kept,
//! and [`Records::too_long`] says so (its household gets an error row).

use std::io::{self, Read};

/// Raw bytes read at a time, and the size of the decoded text buffer.
const BUFFER: usize = 64 * 1024;
/// The longest record (one CSV row, quoted line breaks included) we keep.
pub const MAX_RECORD_BYTES: usize = 1 << 20;
/// The most cells in one record.
pub const MAX_CELLS: usize = 1024;
/// Valid multi-byte UTF-8 characters seen before the first byte that is not UTF-8 from
/// which a file is taken for damaged UTF-8 rather than GB18030: GB18030 text read as
/// UTF-8 fails within its first few characters.
const UTF8_EVIDENCE: u64 = 8;

/// The encodings a caseload may be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    /// GB18030, which GBK (Excel's "CSV" on Chinese Windows) is a part of.
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl TextEncoding {
    /// Its name, as the summary gives it.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Gb18030 => "GB18030",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
        }
    }

    /// Its WHATWG label (for the browser's TextDecoder).
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Gb18030 => "gb18030",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
        }
    }
}

/// The encoding the first bytes of a file state: a byte-order mark (its encoding and
/// length), or a header in UTF-16 without one (a NUL beside the first ASCII letter).
pub fn stated_encoding(first: &[u8]) -> Option<(TextEncoding, usize)> {
    match first {
        [0xEF, 0xBB, 0xBF, ..] => Some((TextEncoding::Utf8, 3)),
        [0xFF, 0xFE, ..] => Some((TextEncoding::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => Some((TextEncoding::Utf16Be, 2)),
        [first, 0, ..] if *first != 0 => Some((TextEncoding::Utf16Le, 0)),
        [0, second, ..] if *second != 0 => Some((TextEncoding::Utf16Be, 0)),
        _ => None,
    }
}

/// What a caseload held in memory is in, by the rules the reader follows: the encoding
/// its first bytes state ([`stated_encoding`]); else UTF-8 when it is valid UTF-8; else
/// GB18030, unless the bytes that are not UTF-8 come after valid Chinese (or other
/// non-ASCII) UTF-8 text: then it is a damaged UTF-8 file, `Err(line)`.
/// `Ok((encoding, length of the byte-order mark))`.
pub fn sniff(bytes: &[u8]) -> Result<(TextEncoding, usize), u64> {
    if let Some(stated) = stated_encoding(bytes) {
        return Ok(stated);
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok((TextEncoding::Utf8, 0)),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let characters = count_where(valid, |byte| byte >= 0xC0);
            if characters < UTF8_EVIDENCE {
                Ok((TextEncoding::Gb18030, 0))
            } else {
                Err(count(valid, b'\n') + 1)
            }
        }
    }
}

/// Why the input could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// Bytes that are not valid in the encoding being decoded, on a physical line.
    Malformed {
        encoding: TextEncoding,
        line: u64,
        /// Valid non-ASCII characters decoded before them.
        characters_before: u64,
        /// The encoding was stated by a byte-order mark (or a UTF-16 pattern).
        stated: bool,
    },
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> ReadError {
        ReadError::Io(error)
    }
}

impl ReadError {
    /// For the survey: a malformed byte in a file taken for UTF-8 without reason to
    /// (no byte-order mark) and with no valid UTF-8 before it means GB18030.
    pub fn means_gb18030(&self) -> bool {
        matches!(
            self,
            ReadError::Malformed {
                encoding: TextEncoding::Utf8,
                characters_before,
                stated: false,
                ..
            } if *characters_before < UTF8_EVIDENCE
        )
    }
}

/// The raw bytes of a file and its encoding: stated by its first bytes
/// ([`stated_encoding`]), or else `fallback` (UTF-8 first; GB18030 when that fails).
struct Decoding<R> {
    raw: R,
    buffer: Box<[u8]>,
    start: usize,
    end: usize,
    raw_eof: bool,
    #[cfg(not(target_arch = "wasm32"))]
    finished: bool,
    encoding: TextEncoding,
    stated: bool,
    #[cfg(not(target_arch = "wasm32"))]
    decoder: encoding_rs::Decoder,
    /// Line breaks ('\n') decoded so far: where a malformed byte is.
    newlines: u64,
    /// Non-ASCII characters decoded so far.
    characters: u64,
}

impl<R: Read> Decoding<R> {
    fn new(mut raw: R, fallback: TextEncoding) -> io::Result<Decoding<R>> {
        let mut buffer = vec![0; BUFFER].into_boxed_slice();
        let mut end = 0;
        let mut raw_eof = false;
        while end < 3 {
            match raw.read(&mut buffer[end..]) {
                Ok(0) => {
                    raw_eof = true;
                    break;
                }
                Ok(read) => end += read,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
        let (encoding, start, stated) = match stated_encoding(&buffer[..end]) {
            Some((encoding, bom)) => (encoding, bom, true),
            None => (fallback, 0, false),
        };
        Ok(Decoding {
            raw,
            buffer,
            start,
            end,
            raw_eof,
            #[cfg(not(target_arch = "wasm32"))]
            finished: false,
            encoding,
            stated,
            #[cfg(not(target_arch = "wasm32"))]
            decoder: match encoding {
                TextEncoding::Utf8 => encoding_rs::UTF_8,
                TextEncoding::Gb18030 => encoding_rs::GB18030,
                TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
                TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            }
            .new_decoder_without_bom_handling(),
            newlines: 0,
            characters: 0,
        })
    }

    fn malformed(&self) -> ReadError {
        ReadError::Malformed {
            encoding: self.encoding,
            line: self.newlines + 1,
            characters_before: self.characters,
            stated: self.stated,
        }
    }

    /// Counts what was decoded into `decoded`.
    fn decoded(&mut self, decoded: &[u8]) {
        self.newlines += count(decoded, b'\n');
        self.characters += count_where(decoded, |byte| byte >= 0xC0);
    }

    /// More raw bytes when all are used (none: `raw_eof`).
    #[cfg(not(target_arch = "wasm32"))]
    fn read_raw(&mut self) -> Result<(), ReadError> {
        while self.start == self.end && !self.raw_eof {
            self.start = 0;
            self.end = 0;
            match self.raw.read(&mut self.buffer) {
                Ok(0) => self.raw_eof = true,
                Ok(read) => self.end = read,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error.into()),
            }
        }
        Ok(())
    }

    /// Decodes into `out` (at least 16 bytes), as UTF-8; 0 at the end of the input.
    #[cfg(not(target_arch = "wasm32"))]
    fn decode(&mut self, out: &mut [u8]) -> Result<usize, ReadError> {
        use encoding_rs::DecoderResult;
        loop {
            if self.finished {
                return Ok(0);
            }
            self.read_raw()?;
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.buffer[self.start..self.end],
                out,
                self.raw_eof,
            );
            self.start += read;
            self.decoded(&out[..written]);
            match result {
                DecoderResult::Malformed(..) => return Err(self.malformed()),
                DecoderResult::OutputFull => return Ok(written),
                DecoderResult::InputEmpty => {
                    if self.raw_eof {
                        self.finished = true;
                    }
                    if written > 0 {
                        return Ok(written);
                    }
                }
            }
        }
    }

    /// Decodes into `out` (at least 16 bytes): UTF-8 only, on the site.
    #[cfg(target_arch = "wasm32")]
    fn decode(&mut self, out: &mut [u8]) -> Result<usize, ReadError> {
        self.copy_utf8(out)
    }

    /// Copies UTF-8 into `out` (at least 16 bytes), validated by std; 0 at the end of the
    /// input. On the site, whose page decodes any other encoding first.
    #[cfg(any(target_arch = "wasm32", test))]
    fn copy_utf8(&mut self, out: &mut [u8]) -> Result<usize, ReadError> {
        if self.encoding != TextEncoding::Utf8 {
            return Err(self.malformed());
        }
        loop {
            // Bytes enough for a whole character, unless at the end.
            if self.end - self.start < 4 && !self.raw_eof {
                self.buffer.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
                match self.raw.read(&mut self.buffer[self.end..]) {
                    Ok(0) => self.raw_eof = true,
                    Ok(read) => self.end += read,
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                    Err(error) => return Err(error.into()),
                }
                continue;
            }
            if self.start == self.end {
                return Ok(0);
            }
            let available = (self.end - self.start).min(out.len());
            let valid = match std::str::from_utf8(&self.buffer[self.start..][..available]) {
                Ok(_) => available,
                Err(error) if error.valid_up_to() > 0 => error.valid_up_to(),
                Err(_) => return Err(self.malformed()),
            };
            out[..valid].copy_from_slice(&self.buffer[self.start..][..valid]);
            self.start += valid;
            self.decoded(&out[..valid]);
            return Ok(valid);
        }
    }
}

fn count(bytes: &[u8], byte: u8) -> u64 {
    count_where(bytes, |b| b == byte)
}

/// How many bytes meet `test`: every byte read is counted (line breaks, characters), so
/// in runs of at most 255 bytes tallied in a byte, which the compiler does sixteen or
/// more bytes at a time, and not one byte at a time into a 64-bit count.
fn count_where(bytes: &[u8], test: impl Fn(u8) -> bool) -> u64 {
    bytes
        .chunks(255)
        .map(|run| {
            u64::from(
                run.iter()
                    .fold(0u8, |tally, &byte| tally.wrapping_add(u8::from(test(byte)))),
            )
        })
        .sum()
}

/// CSV records of decoded text, each with the physical line it starts on: line breaks
/// (LF, CRLF or a lone CR) are counted in every byte read, blank lines and line breaks
/// inside quoted cells included.
pub struct Records<R> {
    input: Decoding<R>,
    text: Box<[u8]>,
    start: usize,
    end: usize,
    eof: bool,
    core: csv_core::Reader,
    delimiter: u8,
    /// Line breaks before `start`.
    breaks: u64,
    previous_cr: bool,
    fields: Vec<u8>,
    ends: Vec<usize>,
    fields_len: usize,
    ends_len: usize,
    line: u64,
    /// The last record went past [`MAX_RECORD_BYTES`] or [`MAX_CELLS`].
    too_long: bool,
    /// Where the rest of a record too long is read to, and forgotten.
    spill: Box<[u8]>,
    spill_ends: Box<[usize]>,
}

impl<R: Read> Records<R> {
    /// Opens a caseload: detects its encoding ([`stated_encoding`], else `fallback`) and
    /// its delimiter (a tab when the header line has tabs and no comma, as Excel's
    /// "Unicode text" writes it; else a comma).
    pub fn new(raw: R, fallback: TextEncoding) -> Result<Records<R>, ReadError> {
        let mut records = Records {
            input: Decoding::new(raw, fallback)?,
            text: vec![0; BUFFER].into_boxed_slice(),
            start: 0,
            end: 0,
            eof: false,
            core: csv_core::Reader::new(),
            delimiter: b',',
            breaks: 0,
            previous_cr: false,
            fields: vec![0; 4096],
            ends: vec![0; 64],
            fields_len: 0,
            ends_len: 0,
            line: 0,
            too_long: false,
            spill: vec![0; 4096].into_boxed_slice(),
            spill_ends: vec![0; 64].into_boxed_slice(),
        };
        // The header line (or as much of it as the buffer holds) decides the delimiter.
        while !records.eof
            && records.end < BUFFER / 2
            && !records.text[..records.end]
                .iter()
                .any(|b| *b == b'\n' || *b == b'\r')
        {
            records.fill()?;
        }
        let first_line = records.text[..records.end]
            .split(|b| *b == b'\n' || *b == b'\r')
            .next()
            .unwrap_or(&[]);
        if first_line.contains(&b'\t') && !first_line.contains(&b',') {
            records.delimiter = b'\t';
        }
        records.core = csv_core::ReaderBuilder::new()
            .delimiter(records.delimiter)
            .build();
        Ok(records)
    }

    pub fn encoding(&self) -> TextEncoding {
        self.input.encoding
    }

    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// More decoded text after `end` (keeping what is not yet read); sets `eof`.
    fn fill(&mut self) -> Result<(), ReadError> {
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        } else if BUFFER - self.end < 1024 {
            self.text.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if BUFFER - self.end < 16 {
            return Ok(());
        }
        let written = self.input.decode(&mut self.text[self.end..])?;
        if written == 0 {
            self.eof = true;
        }
        self.end += written;
        Ok(())
    }

    /// Counts the line breaks in text consumed (CRLF once).
    fn consumed(&mut self, from: usize, to: usize) {
        let bytes = &self.text[from..to];
        if bytes.is_empty() {
            return;
        }
        if !self.previous_cr && !bytes.contains(&b'\r') {
            self.breaks += count(bytes, b'\n');
            self.previous_cr = false;
            return;
        }
        for &byte in bytes {
            if byte == b'\r' || (byte == b'\n' && !self.previous_cr) {
                self.breaks += 1;
            }
            self.previous_cr = byte == b'\r';
        }
    }

    /// Reads the next record; false at the end. Its cells are then [`Records::cell`],
    /// and [`Records::line`] the physical line it starts on.
    pub fn next_record(&mut self) -> Result<bool, ReadError> {
        // Blank lines before the record: counted, then skipped.
        loop {
            if self.start == self.end {
                if self.eof {
                    break;
                }
                self.fill()?;
                continue;
            }
            let byte = self.text[self.start];
            if byte != b'\n' && byte != b'\r' {
                break;
            }
            self.consumed(self.start, self.start + 1);
            self.start += 1;
        }
        self.line = self.breaks + 1;
        let (mut outlen, mut endlen) = (0, 0);
        // Past a limit the record is read on to its end, into the spill, and forgotten.
        let mut over = false;
        loop {
            if self.start == self.end && !self.eof {
                self.fill()?;
                continue;
            }
            let input = &self.text[self.start..self.end];
            let (result, read, written, ended) = if over {
                self.core
                    .read_record(input, &mut self.spill, &mut self.spill_ends)
            } else {
                self.core
                    .read_record(input, &mut self.fields[outlen..], &mut self.ends[endlen..])
            };
            self.consumed(self.start, self.start + read);
            self.start += read;
            if !over {
                outlen += written;
                endlen += ended;
            }
            match result {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull if !over => {
                    if self.fields.len() >= MAX_RECORD_BYTES {
                        over = true;
                    } else {
                        let longer = self.fields.len() * 2;
                        self.fields.resize(longer, 0);
                    }
                }
                csv_core::ReadRecordResult::OutputEndsFull if !over => {
                    if self.ends.len() >= MAX_CELLS {
                        over = true;
                    } else {
                        let longer = self.ends.len() * 2;
                        self.ends.resize(longer, 0);
                    }
                }
                csv_core::ReadRecordResult::OutputFull
                | csv_core::ReadRecordResult::OutputEndsFull => {}
                csv_core::ReadRecordResult::Record => {
                    self.fields_len = outlen;
                    self.ends_len = endlen;
                    self.too_long = over;
                    return Ok(true);
                }
                csv_core::ReadRecordResult::End => {
                    self.fields_len = 0;
                    self.ends_len = 0;
                    self.too_long = over;
                    return Ok(over);
                }
            }
        }
    }

    /// Whether the last record went past [`MAX_RECORD_BYTES`] or [`MAX_CELLS`]: then
    /// only its cells before the limit are kept (and a cell cut at the limit is not).
    pub fn too_long(&self) -> bool {
        self.too_long
    }

    /// The physical line (from 1) the last record starts on.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// How many bytes the last record's cells hold in all (their spaces included).
    pub fn text_len(&self) -> usize {
        self.fields_len
    }

    /// How many cells the last record has.
    pub fn cells(&self) -> usize {
        self.ends_len
    }

    /// A cell of the last record, without the spaces around it ("" past its end).
    pub fn cell(&self, at: usize) -> &str {
        if at >= self.ends_len {
            return "";
        }
        let start = if at == 0 { 0 } else { self.ends[at - 1] };
        let bytes = &self.fields[start..self.ends[at].min(self.fields_len)];
        // Decoded text split at ASCII delimiters and quotes is always valid UTF-8.
        trim(std::str::from_utf8(bytes).unwrap_or("\u{fffd}"))
    }

    /// Each cell of the last record in turn, as [`Records::cell`] gives it: the record's
    /// text is checked as UTF-8 once, not cell by cell.
    pub fn each_cell(&self, mut each: impl FnMut(&str)) {
        let Ok(text) = std::str::from_utf8(&self.fields[..self.fields_len]) else {
            (0..self.cells()).for_each(|at| each(self.cell(at)));
            return;
        };
        let mut start = 0;
        for &end in &self.ends[..self.ends_len] {
            // A cell's ends are where the reader split the text, at ASCII bytes: always
            // on a character's boundary.
            each(trim(
                text.get(start..end.min(self.fields_len))
                    .unwrap_or("\u{fffd}"),
            ));
            start = end;
        }
    }
}

/// A cell without the spaces around it (`str::trim`), looked at only where its first or
/// last byte may be a space: most cells are empty, or begin and end with a letter or a
/// digit.
fn trim(cell: &str) -> &str {
    // An ASCII byte that is not whitespace (`char::is_whitespace` also counts the
    // vertical tab, which `u8::is_ascii_whitespace` does not).
    let plain = |byte: u8| byte.is_ascii() && !byte.is_ascii_whitespace() && byte != 0x0B;
    match cell.as_bytes() {
        [] => cell,
        [first, .., last] if plain(*first) && plain(*last) => cell,
        [only] if plain(*only) => cell,
        _ => cell.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cell_gives_what_cell_gives() {
        let text = "a, b ,\"c,\n d\" ,, \u{3000}王 ,\"\"\"q\"\"\"\n1,2\r\n\n\t,x\u{b}\n";
        let mut records = Records::new(text.as_bytes(), TextEncoding::Utf8).unwrap();
        let mut seen = 0;
        while records.next_record().unwrap() {
            let one_by_one: Vec<String> = (0..records.cells())
                .map(|at| records.cell(at).to_string())
                .collect();
            let mut in_turn = Vec::new();
            records.each_cell(|cell| in_turn.push(cell.to_string()));
            assert_eq!(in_turn, one_by_one);
            seen += 1;
        }
        assert_eq!(seen, 3);
    }

    #[test]
    fn a_cell_is_trimmed_as_str_trim_trims_it() {
        for cell in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{b}a",
            "a\u{b}",
            "\u{3000}王\u{3000}",
            "王",
            "\u{85}1",
            "1\u{a0}",
            "\t1,2\r",
            "12",
            "1 2",
            "\u{c}x\u{c}",
        ] {
            assert_eq!(trim(cell), cell.trim(), "{cell:?}");
        }
    }

    #[test]
    fn a_count_in_runs_is_the_count_byte_by_byte() {
        // Every byte a match (a run's tally at its most, 255), none, and a mix, across
        // the runs' edges.
        for length in [0, 1, 254, 255, 256, 510, 511, 1000, 70_000] {
            let all = vec![b'\n'; length];
            let mixed: Vec<u8> = (0..length)
                .map(|at| [b'\n', b'a', 0xE4, b'\r', 0xC0, 0xBF][at % 6])
                .collect();
            for bytes in [&all, &mixed] {
                let naive = bytes.iter().filter(|&&byte| byte == b'\n').count() as u64;
                assert_eq!(count(bytes, b'\n'), naive, "length {length}");
                let high = bytes.iter().filter(|&&byte| byte >= 0xC0).count() as u64;
                assert_eq!(count_where(bytes, |byte| byte >= 0xC0), high);
            }
        }
    }

    fn read_all(bytes: &[u8]) -> Result<Vec<(u64, Vec<String>)>, ReadError> {
        let mut records = Records::new(bytes, TextEncoding::Utf8)?;
        let mut out = Vec::new();
        while records.next_record()? {
            let cells = (0..records.cells())
                .map(|at| records.cell(at).to_string())
                .collect();
            out.push((records.line(), cells));
        }
        Ok(out)
    }

    #[test]
    fn lines_are_physical_lines() {
        let text = "a,b\n\n1,\"x\ny\"\r\n\r\n2,z\r3,w\n\n\n4,\"\"\"q\"\"\"";
        let lines: Vec<(u64, Vec<String>)> = read_all(text.as_bytes()).unwrap();
        let numbers: Vec<u64> = lines.iter().map(|(line, _)| *line).collect();
        assert_eq!(numbers, [1, 3, 6, 7, 10]);
        assert_eq!(lines[1].1, ["1", "x\ny"]);
        assert_eq!(lines[4].1, ["4", "\"q\""]);
    }

    #[test]
    fn lines_are_counted_across_buffers() {
        let mut text = String::from("id,name\n");
        for at in 0..20_000 {
            text.push_str(&format!("{at},\"n\r\n{at}\"\r\n"));
        }
        let lines = read_all(text.as_bytes()).unwrap();
        assert_eq!(lines.len(), 20_001);
        for (at, (line, cells)) in lines.iter().skip(1).enumerate() {
            assert_eq!(*line, 2 + 2 * at as u64);
            assert_eq!(cells[0], at.to_string());
        }
    }

    #[test]
    fn a_tab_separated_header_means_tabs() {
        let records = Records::new(
            &b"household_id\tcounty\nA\thantai\n"[..],
            TextEncoding::Utf8,
        )
        .unwrap();
        assert_eq!(records.delimiter(), b'\t');
        let records = Records::new(
            &b"household_id,county\nA,\"a\tb\"\n"[..],
            TextEncoding::Utf8,
        )
        .unwrap();
        assert_eq!(records.delimiter(), b',');
    }

    #[test]
    fn a_record_too_long_is_read_past_and_the_next_is_read() {
        for (tail, cut) in [
            // One huge quoted cell over three lines.
            (
                format!(
                    "\"{}\n\n{}\"",
                    "x".repeat(MAX_RECORD_BYTES),
                    "y".repeat(70_000)
                ),
                1,
            ),
            // More cells than allowed.
            (",".repeat(MAX_CELLS + 5), 1),
        ] {
            let text = format!("a,b\nid-1,{tail}\nid-2,ok\n");
            let mut records = Records::new(text.as_bytes(), TextEncoding::Utf8).unwrap();
            let mut read = Vec::new();
            while records.next_record().unwrap() {
                read.push((
                    records.line(),
                    records.too_long(),
                    records.cell(0).to_string(),
                ));
                assert!(records.cells() <= MAX_CELLS);
            }
            let after = 2 + tail.matches('\n').count() as u64 + 1;
            assert_eq!(
                read,
                [
                    (1, false, "a".to_string()),
                    (2, true, "id-1".to_string()),
                    (after, false, "id-2".to_string())
                ],
                "{cut}"
            );
        }
    }

    #[test]
    fn a_record_too_long_at_the_end_of_the_file_is_still_a_record() {
        let text = format!("a,b\n1,\"{}", "x".repeat(MAX_RECORD_BYTES + 10));
        let mut records = Records::new(text.as_bytes(), TextEncoding::Utf8).unwrap();
        assert!(records.next_record().unwrap());
        assert!(records.next_record().unwrap());
        assert!(records.too_long());
        assert_eq!(records.cell(0), "1");
        assert!(!records.next_record().unwrap());
    }

    /// A reader that gives a few bytes at a time (as a pipe may).
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            self.1 = self.1 % 7 + 1;
            let count = self.1.min(out.len()).min(self.0.len());
            out[..count].copy_from_slice(&self.0[..count]);
            self.0 = &self.0[count..];
            Ok(count)
        }
    }

    /// Everything `decode` (encoding_rs) or `copy_utf8` (std, the site's) gives.
    fn decoded(bytes: &[u8], site: bool) -> Result<Vec<u8>, ReadError> {
        let mut decoding = Decoding::new(Trickle(bytes, 0), TextEncoding::Utf8)?;
        let mut all = Vec::new();
        let mut out = [0; 16];
        loop {
            let written = if site {
                decoding.copy_utf8(&mut out)?
            } else {
                decoding.decode(&mut out)?
            };
            if written == 0 {
                return Ok(all);
            }
            all.extend_from_slice(&out[..written]);
        }
    }

    #[test]
    fn the_sites_utf8_reader_reads_as_encoding_rs_does() {
        let text = "户编号,姓名\n汉台-001,李建军😀\r\n\n洋县,\"赵\n德明\"\n".repeat(50);
        let bom: Vec<u8> = "\u{feff}".bytes().chain(text.bytes()).collect();
        for bytes in [text.as_bytes(), &bom[..]] {
            assert_eq!(decoded(bytes, true).unwrap(), text.as_bytes());
            assert_eq!(decoded(bytes, false).unwrap(), text.as_bytes());
        }
        let mut bad = text.clone().into_bytes();
        bad.extend_from_slice(b"x\xe6\x9d\n");
        for site in [true, false] {
            match decoded(&bad, site) {
                Err(ReadError::Malformed { line, .. }) => assert_eq!(line, 251, "{site}"),
                other => panic!("{other:?}"),
            }
        }
        // Cut short at the very end.
        let mut cut = text.into_bytes();
        cut.extend_from_slice(b"\xe6\x9d");
        assert!(decoded(&cut, true).is_err());
        assert!(decoded(&cut, false).is_err());
    }

    #[test]
    fn sniff_follows_the_readers_rules() {
        assert_eq!(sniff(b"a,b\n"), Ok((TextEncoding::Utf8, 0)));
        assert_eq!(sniff(b"\xef\xbb\xbfa"), Ok((TextEncoding::Utf8, 3)));
        assert_eq!(sniff(b"\xff\xfea\0"), Ok((TextEncoding::Utf16Le, 2)));
        assert_eq!(sniff(b"\xfe\xff\0a"), Ok((TextEncoding::Utf16Be, 2)));
        assert_eq!(sniff(b"a\0,\0"), Ok((TextEncoding::Utf16Le, 0)));
        assert_eq!(sniff(b"\0a\0,"), Ok((TextEncoding::Utf16Be, 0)));
        let (gbk, _, _) = encoding_rs::GBK.encode("户编号,县\n汉台,李\n");
        assert_eq!(sniff(&gbk), Ok((TextEncoding::Gb18030, 0)));
        let damaged = "户编号,县\n汉台,李建军\n".repeat(2) + "\u{0}";
        let mut damaged = damaged.into_bytes();
        damaged.pop();
        damaged.extend_from_slice(b"\xff\n");
        assert_eq!(sniff(&damaged), Err(5));
    }

    #[test]
    fn malformed_bytes_name_their_line() {
        let error = read_all(b"a,b\n1,2\n3,\xff\n").unwrap_err();
        assert!(
            matches!(error, ReadError::Malformed { line: 3, .. }),
            "{error:?}"
        );
        assert!(error.means_gb18030());
    }
}

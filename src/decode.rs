//! Decode: bytes in, text out — the stage before [`parse`](crate::parse).
//!
//! OCR output reaches archives in many encodings: Chinese OCR often writes
//! GB18030/GBK or Big5, Windows tools write UTF-16 with a byte order mark,
//! and files travel with CRLF or old Mac CR line ends. The parsers want one
//! thing: a `&str` whose lines end in `\n` and whose pages are cut by form
//! feeds. This module turns raw bytes into that, and refuses what it cannot
//! turn into text without loss:
//!
//! * a byte order mark is honoured and wins over any named encoding (it is
//!   the file's own statement);
//! * otherwise UTF-8 is assumed ([`EncodingChoice::Utf8`]), or a named
//!   encoding is used ([`EncodingChoice::Named`], any label encoding_rs
//!   knows), or the encoding is detected ([`EncodingChoice::Auto`]: UTF-8
//!   when valid, UTF-16 without a mark from its NUL bytes, else chardetng,
//!   the detector Firefox uses);
//! * decoding is strict: a byte sequence that is not valid in the encoding
//!   is an error naming its byte offset, never a silent U+FFFD, because a
//!   replaced byte is lost text;
//! * input dominated by NULs and other control characters is refused as
//!   binary (a file passed by mistake) rather than repaired into garbage;
//! * CRLF and lone CR become `\n`, so provenance line numbers count lines as
//!   an editor shows them; every other character, control characters
//!   included, is kept in place.

use std::fmt;
use std::str::FromStr;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Which encoding to read the input in (a byte order mark overrides it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    /// UTF-8, strictly: an invalid byte is an error.
    #[default]
    Utf8,
    /// Detect the encoding from the bytes.
    Auto,
    /// One named encoding (a WHATWG label such as `gb18030`, `big5`,
    /// `shift_jis`, `euc-kr`, `utf-16le`, `windows-1252`).
    Named(&'static Encoding),
}

/// An encoding label that names no encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEncoding(pub String);

impl fmt::Display for UnknownEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown encoding {:?}: use auto, or a label such as utf-8, gb18030, gbk, big5, shift_jis, \
             euc-jp, euc-kr, utf-16le, utf-16be, windows-1252, iso-8859-2",
            self.0
        )
    }
}

impl std::error::Error for UnknownEncoding {}

impl FromStr for EncodingChoice {
    type Err = UnknownEncoding;

    fn from_str(label: &str) -> Result<Self, Self::Err> {
        if label.trim().eq_ignore_ascii_case("auto") {
            return Ok(EncodingChoice::Auto);
        }
        // `for_label_no_replacement`: the "replacement" encoding (labels such
        // as iso-2022-kr) decodes everything to one U+FFFD — never wanted.
        match Encoding::for_label_no_replacement(label.trim().as_bytes()) {
            Some(encoding) if encoding == UTF_8 => Ok(EncodingChoice::Utf8),
            Some(encoding) => Ok(EncodingChoice::Named(encoding)),
            None => Err(UnknownEncoding(label.to_string())),
        }
    }
}

/// How the encoding of a decoded input was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    /// The input's byte order mark.
    ByteOrderMark,
    /// Nothing said otherwise: UTF-8.
    Default,
    /// Named by the caller.
    Named,
    /// Detected from the bytes.
    Detected,
}

impl fmt::Display for EncodingSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EncodingSource::ByteOrderMark => "from its byte order mark",
            EncodingSource::Default => "the default",
            EncodingSource::Named => "as named",
            EncodingSource::Detected => "detected",
        })
    }
}

/// How many line ends were rewritten to `\n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineEnds {
    /// `\r\n` pairs.
    pub crlf: usize,
    /// `\r` not followed by `\n`.
    pub lone_cr: usize,
}

/// Decoded input, ready for [`repair`](crate::repair()).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with `\n` line ends and without a byte order mark.
    pub text: String,
    /// The encoding the bytes were read in.
    pub encoding: &'static Encoding,
    pub source: EncodingSource,
    pub line_ends: LineEnds,
}

/// Why bytes could not be turned into text without loss.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// No encoding was named and the bytes are not UTF-8.
    InvalidUtf8 {
        /// Byte offset of the first byte that starts no valid character.
        offset: usize,
    },
    /// The bytes are not valid in the encoding that was named, detected or
    /// marked.
    Malformed {
        encoding: &'static Encoding,
        source: EncodingSource,
        /// Byte offset of the first malformed sequence.
        offset: usize,
    },
    /// The input is mostly NULs and other control characters.
    Binary {
        /// Control characters (other than tab, line ends and form feed).
        controls: usize,
        /// All characters (or bytes, when the input could not be decoded).
        total: usize,
        /// Byte offset of the first NUL, if any.
        first_nul: Option<usize>,
        /// The UTF-16 its NULs suggest, when they gather on one side of the
        /// byte pairs (UTF-16 without a byte order mark, read as bytes).
        looks_like: Option<&'static Encoding>,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { offset } => write!(
                f,
                "not valid UTF-8: the byte at offset {offset} starts no UTF-8 character; the text is \
                 probably in a legacy encoding (Chinese OCR often writes GB18030/GBK or Big5): name the \
                 encoding or have it detected"
            ),
            DecodeError::Malformed { encoding, source, offset } => write!(
                f,
                "not valid {} ({source}): the bytes at offset {offset} form no {} character; name the \
                 right encoding",
                encoding.name(),
                encoding.name()
            ),
            DecodeError::Binary { controls, total, first_nul, looks_like } => {
                write!(
                    f,
                    "looks like binary data, not text: {controls} of {total} characters are NUL or other \
                     control characters"
                )?;
                if let Some(offset) = first_nul {
                    write!(f, " (the first NUL at byte offset {offset})")?;
                }
                if let Some(encoding) = looks_like {
                    write!(f, "; its NUL bytes look like {} without a byte order mark", encoding.name())?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Share of control characters above which input counts as binary, and the
/// least number of them for that (a few stray controls in a short text are
/// OCR noise, kept in place).
const BINARY_SHARE: f64 = 0.10;
const BINARY_MIN_CONTROLS: usize = 8;

/// Decodes `bytes` as `choice` says (a byte order mark wins), refuses
/// binary input, and normalises line ends to `\n`.
///
/// ```
/// use restitch::decode::{decode, EncodingChoice};
/// let gbk = [0xC4, 0xE3, 0xBA, 0xC3, 0x0D, 0x0A]; // "你好\r\n" in GBK
/// let decoded = decode(&gbk, "gb18030".parse().unwrap()).unwrap();
/// assert_eq!(decoded.text, "你好\n");
/// assert!(decode(&gbk, EncodingChoice::Utf8).is_err());
/// ```
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Result<Decoded, DecodeError> {
    let (encoding, source, bom) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, EncodingSource::ByteOrderMark, bom),
        None => match choice {
            EncodingChoice::Utf8 => (UTF_8, EncodingSource::Default, 0),
            EncodingChoice::Named(encoding) => (encoding, EncodingSource::Named, 0),
            EncodingChoice::Auto => (detect(bytes), EncodingSource::Detected, 0),
        },
    };
    let text = decode_strict(encoding, &bytes[bom..]).map_err(|offset| {
        let offset = offset + bom;
        if let Some(binary) = binary_bytes(bytes, encoding) {
            binary
        } else if source == EncodingSource::Default {
            DecodeError::InvalidUtf8 { offset }
        } else {
            DecodeError::Malformed { encoding, source, offset }
        }
    })?;
    if let Some(binary) = binary_text(&text, bytes, encoding) {
        return Err(binary);
    }
    let (text, line_ends) = normalize_line_ends(text);
    Ok(Decoded { text, encoding, source, line_ends })
}

/// Decodes without replacement; `Err` holds the byte offset of the first
/// malformed sequence.
fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    if encoding == UTF_8 {
        return std::str::from_utf8(bytes).map(str::to_string).map_err(|e| e.valid_up_to());
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len() * 3);
    let mut text = String::with_capacity(capacity);
    let mut read_total = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut text, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            // The capacity above is an upper bound, but stay total if not.
            DecoderResult::OutputFull => text.reserve(bytes.len() - read_total + 16),
            // `bad` bytes were malformed and `extra` bytes after them were
            // read too; the sequence starts before both.
            DecoderResult::Malformed(bad, extra) => {
                return Err(read_total.saturating_sub(bad as usize + extra as usize));
            }
        }
    }
}

/// Guesses the encoding of bytes without a byte order mark.
fn detect(bytes: &[u8]) -> &'static Encoding {
    // UTF-16 first: ASCII in UTF-16 is valid UTF-8 too (with NULs between).
    if let Some(utf16) = detect_utf16(bytes) {
        return utf16;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

/// UTF-16 without a mark, recognised from its ASCII characters (spaces,
/// line ends, digits, Latin letters): their high byte is NUL, so NULs gather
/// at the odd positions (little-endian) or the even ones (big-endian) — in
/// Chinese text too, from its line ends alone — and are much rarer at the
/// others (only characters at U+xx00 put a NUL there). Binary data has
/// NULs on both sides alike. Text with no ASCII at all shows no pattern and
/// has to be named.
fn detect_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let pairs = bytes.len() / 2;
    if pairs < 2 || bytes.len() % 2 != 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // At least one pair in 50 has a NUL on that side, and the other side
    // has at most a quarter as many (Chinese pages measured: an eighth, from
    // characters such as 一, U+4E00).
    let gathered = |n: usize, other: usize| n * 50 >= pairs && other * 4 <= n;
    if gathered(odd, even) {
        Some(UTF_16LE)
    } else if gathered(even, odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A control character that text does not carry in bulk: C0 controls other
/// than tab, line feed, carriage return and form feed, and DEL.
fn is_binary_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{000C}') && (c as u32) < 0x80) || c == '\u{007F}'
}

fn first_nul(bytes: &[u8], encoding: &'static Encoding) -> Option<usize> {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        // A NUL character is a pair of NUL bytes at an even offset (a
        // byte order mark is two bytes, so the pairs stay aligned).
        bytes.chunks_exact(2).position(|p| p == [0, 0]).map(|i| i * 2)
    } else {
        bytes.iter().position(|&b| b == 0)
    }
}

fn binary_verdict(
    controls: usize,
    total: usize,
    bytes: &[u8],
    encoding: &'static Encoding,
) -> Option<DecodeError> {
    let binary = controls >= BINARY_MIN_CONTROLS && controls as f64 >= BINARY_SHARE * total as f64;
    let decoded_as_utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    binary.then(|| DecodeError::Binary {
        controls,
        total,
        first_nul: first_nul(bytes, encoding),
        looks_like: if decoded_as_utf16 { None } else { detect_utf16(bytes) },
    })
}

/// Binary by its decoded characters.
fn binary_text(text: &str, bytes: &[u8], encoding: &'static Encoding) -> Option<DecodeError> {
    let (mut controls, mut total) = (0, 0);
    for c in text.chars() {
        total += 1;
        controls += usize::from(is_binary_control(c));
    }
    if controls < BINARY_MIN_CONTROLS {
        return None;
    }
    binary_verdict(controls, total, bytes, encoding)
}

/// Binary by its raw bytes, for input that could not be decoded at all: the
/// error then says "binary" rather than "not UTF-8 at offset N". UTF-16
/// carries NUL bytes in every ASCII character, so it is not judged by bytes.
fn binary_bytes(bytes: &[u8], encoding: &'static Encoding) -> Option<DecodeError> {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        return None;
    }
    let controls = bytes.iter().filter(|&&b| is_binary_control(char::from(b))).count();
    binary_verdict(controls, bytes.len(), bytes, encoding)
}

/// Rewrites CRLF and lone CR as `\n`, counting each.
///
/// ```
/// let (text, ends) = restitch::decode::normalize_line_ends("a\r\nb\rc\n".to_string());
/// assert_eq!(text, "a\nb\nc\n");
/// assert_eq!((ends.crlf, ends.lone_cr), (1, 1));
/// ```
pub fn normalize_line_ends(text: String) -> (String, LineEnds) {
    let mut ends = LineEnds::default();
    if !text.contains('\r') {
        return (text, ends);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('\r') {
        out.push_str(&rest[..at]);
        out.push('\n');
        if rest[at + 1..].starts_with('\n') {
            ends.crlf += 1;
            rest = &rest[at + 2..];
        } else {
            ends.lone_cr += 1;
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    (out, ends)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    const ZH: &str = "近日来，面对本地持续降雨的形势，镇水务站多措并举，切实守好各村各组防汛安全线。\n";

    #[test]
    fn utf8_is_the_default_and_strict() {
        let decoded = decode(ZH.as_bytes(), EncodingChoice::Utf8).unwrap();
        assert_eq!(decoded.text, ZH);
        assert_eq!((decoded.encoding, decoded.source), (UTF_8, EncodingSource::Default));
        let err = decode(b"abc\xff\xfe", EncodingChoice::Utf8).unwrap_err();
        assert_eq!(err, DecodeError::InvalidUtf8 { offset: 3 });
        assert!(err.to_string().contains("offset 3"), "{err}");
    }

    #[test]
    fn named_legacy_encodings_round_trip() {
        for label in ["gb18030", "gbk", "big5", "shift_jis", "euc-jp", "euc-kr"] {
            let EncodingChoice::Named(encoding) = label.parse().unwrap() else { panic!("{label}") };
            let text = match label {
                "big5" => "近日來，面對持續降雨。\n",
                "shift_jis" | "euc-jp" => "東京の天気は晴れ。\n",
                "euc-kr" => "서울 날씨 맑음.\n",
                _ => ZH,
            };
            let decoded = decode(&encode(encoding, text), EncodingChoice::Named(encoding)).unwrap();
            assert_eq!(decoded.text, text, "{label}");
            assert_eq!(decoded.source, EncodingSource::Named);
        }
    }

    #[test]
    fn auto_detects_gbk_big5_and_utf16_without_mark() {
        let gbk = encode(encoding_rs::GBK, &ZH.repeat(3));
        let decoded = decode(&gbk, EncodingChoice::Auto).unwrap();
        assert_eq!(decoded.text, ZH.repeat(3));
        assert_eq!(decoded.source, EncodingSource::Detected);
        let big5_text =
            "近日來，面對本地持續降雨多日不停的形勢，鎮水務站多措並舉，切實守好各村各組防汛安全線。\n";
        let big5 = encode(encoding_rs::BIG5, big5_text);
        assert_eq!(decode(&big5, EncodingChoice::Auto).unwrap().text, big5_text);
        let latin = "The council met on Tuesday.\nIt voted.\n";
        assert_eq!(decode(&utf16le(latin), EncodingChoice::Auto).unwrap().encoding, UTF_16LE);
        assert_eq!(decode(&utf16be(latin), EncodingChoice::Auto).unwrap().text, latin);
        // Chinese UTF-16 without a mark: its line ends and spaces give it away.
        let page = "近日来，面对本地持续 降雨的形势，\n镇水务站多措并举。\n\n切实守好 防汛安全线。\n";
        let decoded = decode(&utf16le(page), EncodingChoice::Auto).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding), (page, UTF_16LE));
        assert_eq!(decode(&utf16be(page), EncodingChoice::Auto).unwrap().text, page);
        // Not asked to detect, it is refused with a hint.
        let err = decode(&utf16le(&page.repeat(3)), EncodingChoice::Utf8).unwrap_err();
        assert!(matches!(err, DecodeError::Binary { looks_like: Some(e), .. } if e == UTF_16LE), "{err:?}");
        assert!(err.to_string().contains("UTF-16LE without a byte order mark"), "{err}");
        // Valid UTF-8 stays UTF-8.
        assert_eq!(decode(ZH.as_bytes(), EncodingChoice::Auto).unwrap().encoding, UTF_8);
    }

    #[test]
    fn a_byte_order_mark_wins() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(utf16le(ZH));
        for choice in [EncodingChoice::Utf8, EncodingChoice::Auto, "big5".parse().unwrap()] {
            let decoded = decode(&bytes, choice).unwrap();
            assert_eq!(decoded.text, ZH);
            assert_eq!((decoded.encoding, decoded.source), (UTF_16LE, EncodingSource::ByteOrderMark));
        }
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(utf16be(ZH));
        assert_eq!(decode(&bytes, EncodingChoice::Utf8).unwrap().text, ZH);
        let bytes = [b"\xEF\xBB\xBF".as_slice(), ZH.as_bytes()].concat();
        assert_eq!(decode(&bytes, "gb18030".parse().unwrap()).unwrap().text, ZH);
    }

    #[test]
    fn malformed_named_input_names_the_offset() {
        // A lone lead byte at the end is not GB18030.
        let mut bytes = encode(encoding_rs::GB18030, "你好");
        bytes.push(0x81);
        let err = decode(&bytes, "gb18030".parse().unwrap()).unwrap_err();
        assert!(matches!(err, DecodeError::Malformed { offset: 4, .. }), "{err:?}");
        // An odd byte count is not UTF-16.
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(utf16le("ab"));
        bytes.push(b'c');
        let err = decode(&bytes, EncodingChoice::Utf8).unwrap_err();
        assert!(matches!(err, DecodeError::Malformed { offset: 6, .. }), "{err:?}");
        assert!(err.to_string().contains("UTF-16LE"), "{err}");
    }

    #[test]
    fn binary_input_is_refused_but_stray_controls_are_kept() {
        let mut binary = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0".to_vec();
        binary.extend(std::iter::repeat_n(0u8, 200));
        for choice in [EncodingChoice::Utf8, EncodingChoice::Auto] {
            let err = decode(&binary, choice).unwrap_err();
            assert!(matches!(err, DecodeError::Binary { first_nul: Some(7), .. }), "{err:?}");
            assert!(err.to_string().contains("binary"), "{err}");
        }
        // Invalid UTF-8 with many NULs: binary, not "invalid at offset".
        let err = decode(b"\xff\xfd\xfc\0\0\0\0\0\0\0\0\0\0\0\0", EncodingChoice::Utf8).unwrap_err();
        assert!(matches!(err, DecodeError::Binary { .. }), "{err:?}");
        // UTF-32 is not read: its mark looks like UTF-16's, and the NULs
        // of its high halves then make it binary.
        let utf32: Vec<u8> = [0xFEFF_u32].iter().chain(&[0x4E2D; 20]).flat_map(|c| c.to_le_bytes()).collect();
        assert!(matches!(decode(&utf32, EncodingChoice::Auto), Err(DecodeError::Binary { .. })));
        let text = "第一行\u{0007}\u{0000}中\n\u{000B}尾。\u{001B}[0m\n";
        assert_eq!(decode(text.as_bytes(), EncodingChoice::Utf8).unwrap().text, text);
    }

    #[test]
    fn line_ends_are_normalised_and_counted() {
        let decoded = decode("一\r\n二\r三\n\r\n四\r".as_bytes(), EncodingChoice::Utf8).unwrap();
        assert_eq!(decoded.text, "一\n二\n三\n\n四\n");
        assert_eq!(decoded.line_ends, LineEnds { crlf: 2, lone_cr: 2 });
        let (text, ends) = normalize_line_ends("\u{000C}\r\r\n".to_string());
        assert_eq!((text.as_str(), ends), ("\u{000C}\n\n", LineEnds { crlf: 1, lone_cr: 1 }));
    }

    #[test]
    fn labels_parse_and_unknown_ones_are_explained() {
        assert_eq!("AUTO".parse::<EncodingChoice>(), Ok(EncodingChoice::Auto));
        assert_eq!("utf8".parse::<EncodingChoice>(), Ok(EncodingChoice::Utf8));
        assert_eq!("utf-16".parse::<EncodingChoice>(), Ok(EncodingChoice::Named(UTF_16LE)));
        let err = "klingon".parse::<EncodingChoice>().unwrap_err();
        assert!(err.to_string().contains("gb18030"), "{err}");
        assert!("iso-2022-kr".parse::<EncodingChoice>().is_err());
    }

    #[test]
    fn empty_input_is_empty_text() {
        for choice in [EncodingChoice::Utf8, EncodingChoice::Auto] {
            assert_eq!(decode(b"", choice).unwrap().text, "");
        }
        assert_eq!(decode(b"\xEF\xBB\xBF", EncodingChoice::Utf8).unwrap().text, "");
    }
}

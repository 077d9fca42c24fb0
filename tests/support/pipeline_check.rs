//! The invariants the fuzz target asserts, shared with the regression test
//! that replays its findings (`tests/fuzz_regressions.rs` and
//! `fuzz/fuzz_targets/pipeline.rs` both include this file), so the two can
//! never drift apart.
//!
//! The first byte steers the run (which encoding to decode with, which
//! language rules, reordering or not, or — bit 0x40 — no decoding at all:
//! valid UTF-8 straight into the library, CR and control characters as they
//! are); the rest is the input file. Inputs the decoder refuses end the run
//! (refusing is a clear error, not a bug);
//! everything else must come out with every non-whitespace character kept
//! exactly once, without the conservation fallback firing, render to text,
//! JSON that parses and a diff without panicking, and give the same output
//! twice.

use restitch::decode::{decode, EncodingChoice};
use restitch::eval::metrics::conservation;
use restitch::{render, repair, Lang, Options};

fn encoding(steer: u8) -> EncodingChoice {
    let label = match steer % 8 {
        0..=2 => return EncodingChoice::Utf8,
        3 => return EncodingChoice::Auto,
        4 => "gb18030",
        5 => "utf-16le",
        6 => "big5",
        _ => "shift_jis",
    };
    label.parse().expect("a label encoding_rs knows")
}

fn options(steer: u8) -> Options {
    let lang = match (steer >> 3) % 4 {
        0 | 1 => Lang::Auto,
        2 => Lang::Zh,
        _ => Lang::En,
    };
    Options { lang, reorder: steer & 0x80 == 0, ..Options::default() }
}

/// Runs the whole pipeline on one fuzz input and panics when an invariant
/// breaks.
pub fn check(data: &[u8]) {
    let Some((&steer, bytes)) = data.split_first() else { return };
    let decoded;
    let text = if steer & 0x40 != 0 {
        // The library's own contract: any text, as a caller hands it over.
        let Ok(text) = std::str::from_utf8(bytes) else { return };
        text
    } else {
        let Ok(text) = decode(bytes, encoding(steer)) else { return };
        decoded = text;
        assert!(!decoded.text.contains('\r'), "line ends not normalised");
        decoded.text.as_str()
    };

    let repaired = repair(text, &options(steer));
    for page in &repaired.pages {
        assert!(page.fallback.is_none(), "conservation fallback fired: {:?}", page.fallback);
    }
    let hyphens = repaired.removed_hyphens();
    assert_eq!(conservation(text, &repaired.all_text(), hyphens), (0, 0), "characters lost or added");

    let plain = render::text::render(&repaired);
    // The text rendering adds separators and line labels, but loses nothing.
    assert_eq!(conservation(text, &plain, hyphens).0, 0, "text rendering lost characters");
    let json = render::json::render(&repaired);
    serde_json::from_str::<serde_json::Value>(&json).expect("JSON output parses");
    let _ = render::diff::render(text, &repaired, &plain, false);

    // Deterministic: the same input gives the same output.
    assert_eq!(render::text::render(&repair(text, &options(steer))), plain, "output not deterministic");
}

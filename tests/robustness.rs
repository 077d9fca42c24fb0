//! Inputs that have made text tools hang or blow up: one enormous line, very
//! many lines, a sea of blank lines, control characters, deep nesting,
//! binary data. Each must finish (cost grows about linearly; these sizes run
//! in seconds in a debug build, the README's "Input handling and limits"
//! gives release timings at full size) and keep every character.

use std::time::Duration;

use restitch::decode::{decode, DecodeError, EncodingChoice};
use restitch::eval::metrics::conservation;
use restitch::{repair, Options};

/// Fails (instead of hanging the suite) when `work` runs past `limit`:
/// generous, for a loaded debug build, but far below what a quadratic
/// blow-up at these sizes would take.
fn within<T: Send + 'static>(limit: Duration, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(work()));
    receive.recv_timeout(limit).unwrap_or_else(|_| panic!("did not finish within {limit:?}"))
}

fn assert_conserved(text: &str) {
    let text = text.to_string();
    within(Duration::from_secs(120), move || {
        let repaired = repair(&text, &Options::default());
        let hyphens = repaired.removed_hyphens();
        assert_eq!(conservation(&text, &repaired.all_text(), hyphens), (0, 0));
    });
}

/// A deterministic stream of Han characters.
fn han_text(count: usize, seed: u32) -> Vec<char> {
    let mut state = seed;
    (0..count)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            char::from_u32(0x4E00 + (state >> 8) % 2000).unwrap()
        })
        .collect()
}

#[test]
fn one_long_line_of_many_printed_lines() {
    let chars = han_text(60_000, 7);
    let line: Vec<String> = chars.chunks(12).map(|c| c.iter().collect()).collect();
    assert_conserved(&line.join(" "));
}

#[test]
fn many_short_lines_in_one_block() {
    let chars = han_text(60_000, 11);
    let lines: Vec<String> = chars.chunks(12).map(|c| c.iter().collect()).collect();
    assert_conserved(&lines.join("\n"));
}

#[test]
fn a_hundred_thousand_blank_lines() {
    let text = format!("标题一则\n{}正文。\n", "\n".repeat(100_000));
    assert_conserved(&text);
}

#[test]
fn control_characters_and_crlf_are_kept_or_normalised() {
    assert_conserved("第一行\r\n第二行\u{0007}\u{0000}中\r\n\u{000B}尾。\r");
    assert_conserved("a\u{0000}b\tc  d\u{001B}[0m e-\nf");
}

#[test]
fn deeply_nested_brackets() {
    let text = format!("{}中{}", "（(".repeat(5_000), "）)".repeat(5_000));
    assert_conserved(&text);
}

#[test]
fn one_long_line_of_glued_cjk_without_spaces() {
    let line: String = han_text(60_000, 13).into_iter().collect();
    assert_conserved(&line);
}

#[test]
fn one_long_latin_line() {
    let words = ["the", "council", "met", "on", "Tuesday", "and", "voted", "to", "re-", "pair", "roads."];
    let mut state = 5u32;
    let line: Vec<&str> = (0..40_000)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            words[(state >> 8) as usize % words.len()]
        })
        .collect();
    assert_conserved(&line.join(" "));
}

#[test]
fn one_enormous_word() {
    assert_conserved(&"a".repeat(1_000_000));
    assert_conserved(&"中".repeat(200_000));
}

#[test]
fn a_hundred_thousand_one_character_lines() {
    let chars = han_text(100_000, 17);
    let lines: Vec<String> = chars.iter().map(char::to_string).collect();
    assert_conserved(&lines.join("\n"));
}

#[test]
fn many_pages_of_form_feeds() {
    let pages: Vec<String> = han_text(20_000, 19).chunks(2).map(|c| c.iter().collect()).collect();
    assert_conserved(&pages.join("\u{000C}"));
}

#[test]
fn large_binary_and_invalid_inputs_are_refused_quickly() {
    within(Duration::from_secs(60), || {
        let mut binary = vec![0u8; 4_000_000];
        for (i, byte) in binary.iter_mut().enumerate().step_by(7) {
            *byte = (i % 251) as u8;
        }
        for choice in [EncodingChoice::Utf8, EncodingChoice::Auto] {
            assert!(matches!(decode(&binary, choice), Err(DecodeError::Binary { .. })), "{choice:?}");
        }
        let mut text = "中".repeat(1_000_000).into_bytes();
        text.push(0xFF);
        assert_eq!(decode(&text, EncodingChoice::Utf8), Err(DecodeError::InvalidUtf8 { offset: 3_000_000 }));
        // Detection reads the whole input once.
        let text = "中文报道。\r\n".repeat(200_000);
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let decoded = decode(&gbk, EncodingChoice::Auto).expect("GBK detected");
        assert_eq!(decoded.line_ends.crlf, 200_000);
    });
}

/// A page of a hundred thousand Latin lines of a word or a mark each: a
/// short line followed by a capital asks for the widths of the measuring
/// lines above it, which once scanned the page back to its top for every
/// line (quadratic: 3.9 s for the release binary at this size against
/// 1.3 s now, and the gap grows with the square of the line count).
#[test]
fn a_hundred_thousand_short_latin_lines() {
    let words = ["a", "I", "of", "b.", "-", "|"];
    let mut state = 23u32;
    let lines: Vec<&str> = (0..100_000)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            words[(state >> 8) as usize % words.len()]
        })
        .collect();
    let text = lines.join("\n");
    within(Duration::from_secs(60), move || {
        let repaired = repair(&text, &Options::default());
        assert_eq!(conservation(&text, &repaired.all_text(), repaired.removed_hyphens()), (0, 0));
    });
}

/// The splice pass over the chains ([`splice_skipped`]) once rescanned
/// every piece after each splice it made, quadratic in the pieces of a
/// page where many chains go back between others (a long input of many
/// articles without form feeds: 1 MB of a real Chinese page repeated took
/// 0.96 s, 4 MB 9.1 s). Here 60,000 one-piece chains each belong between
/// the two pieces of a chain around them: the old pass, in a release
/// build, took 4.2 s for 10,000 and 14.6 s for 20,000 (so about two
/// minutes here, failing the bound); this one takes well under a second
/// even in a debug build.
///
/// [`splice_skipped`]: restitch::assemble::chains::splice_skipped
#[test]
fn sixty_thousand_skipped_chains_are_spliced_back() {
    use restitch::assemble::chains::{splice_skipped, Chain};
    use restitch::parse::PieceId;
    use restitch::score::{Junction, Placement};

    let count = 60_000;
    let junction = |from: usize, to: usize, score: f32| Junction {
        from: PieceId(from),
        to: PieceId(to),
        placement: Placement::NextLine,
        score,
    };
    // Per group of three pieces: the chain A -> C skipping B, and the
    // junctions A -> B and B -> C, which together outscore A -> C.
    let mut chains = Vec::new();
    let mut junctions = Vec::new();
    for group in 0..count {
        let (a, b, c) = (3 * group, 3 * group + 1, 3 * group + 2);
        chains.push(Chain { pieces: vec![PieceId(a), PieceId(c)], scores: vec![1.0] });
        chains.push(Chain { pieces: vec![PieceId(b)], scores: Vec::new() });
        junctions.extend([junction(a, c, 1.0), junction(a, b, 2.0), junction(b, c, 2.0)]);
    }
    let spliced = within(Duration::from_secs(30), move || splice_skipped(chains, &junctions, 0.0));
    assert_eq!(spliced.len(), count);
    assert!(spliced.iter().all(|chain| chain.pieces.len() == 3));
}

//! Inputs that have made text tools hang or blow up: one enormous line, very
//! many lines, a sea of blank lines, control characters. Each must finish
//! (cost grows about linearly; these sizes run in seconds in a debug build)
//! and keep every character.

use restitch::eval::metrics::conservation;
use restitch::{repair, Options};

fn assert_conserved(text: &str) {
    let repaired = repair(text, &Options::default());
    let hyphens = repaired.removed_hyphens();
    assert_eq!(conservation(text, &repaired.all_text(), hyphens), (0, 0));
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

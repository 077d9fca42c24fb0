//! Diagnostic: how well the engine's headline labels match the gold titles
//! on real-OCR pages, split by whether the page sets every printed line
//! apart (sparse-text OCR).
//!
//! In: the corpus (dev cases by default; `--heldout` or `--all`), optional
//! case names to list every mislabelled piece. Out: per page the pieces
//! labelled Headline that hold no gold title text (false), the pieces of
//! gold titles left as body (missed), and the labelled title pieces (hit),
//! then the totals for sparse and other pages. Why: a body line taken for a
//! headline opens an article of its own; a headline left as body leaves
//! its article unopened.
//!
//! A piece counts as title text when at least half its character trigrams
//! (whitespace dropped) occur in one gold title: OCR misreads a glyph here
//! and there.
#[path = "shared/mod.rs"]
mod shared;
use shared::real_ocr_cases;
use std::collections::HashSet;

use restitch::parse::{self, classify::lines_set_apart, Role};

fn squeeze(text: &str) -> Vec<char> {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn grams(chars: &[char]) -> HashSet<Vec<char>> {
    chars.windows(3.min(chars.len().max(1))).map(<[char]>::to_vec).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cases, detail) = real_ocr_cases(&args);
    // [sparse?][hit, false, missed, false subhead]
    let mut totals = [[0usize; 4]; 2];
    for case in &cases {
        let page = &parse::parse_document(&case.input, None)[0];
        let sparse = lines_set_apart(page);
        let titles: Vec<HashSet<Vec<char>>> = case
            .gold
            .articles
            .iter()
            .filter_map(|a| a.title.as_deref())
            .map(|t| grams(&squeeze(t)))
            .collect();
        let mut counts = [0usize; 4];
        let mut notes = Vec::new();
        for piece in &page.pieces {
            let chars = squeeze(&piece.text);
            if chars.len() < 3 {
                continue;
            }
            let mine = grams(&chars);
            let share = titles
                .iter()
                .map(|t| mine.iter().filter(|g| t.contains(*g)).count() as f32 / mine.len() as f32)
                .fold(0.0, f32::max);
            let in_title = share >= 0.5;
            let kind = match (piece.role, in_title) {
                (Role::Headline, true) | (Role::Subhead, true) => 0,
                (Role::Headline, false) => 1,
                (Role::Body, true) => 2,
                (Role::Subhead, false) => 3,
                _ => continue,
            };
            counts[kind] += 1;
            if kind != 0 {
                // The piece's line, each piece with its gap and role, so
                // a miss shows what OCR glued it to.
                let line = &page.lines[piece.line];
                let context: Vec<String> = page.pieces[line.pieces.clone()]
                    .iter()
                    .map(|p| format!("[{:?} {:?} {:.0}] {}", p.gap, p.role, p.cells, p.text.trim()))
                    .collect();
                notes.push(format!(
                    "    {} line {} {:?} | {}\n        {}",
                    ["hit", "FALSE", "MISSED", "false-sub"][kind],
                    piece.line,
                    piece.role,
                    piece.text,
                    context.join("  ")
                ));
            }
        }
        println!(
            "{:<12} {} hit {:>2} false {:>2} missed {:>2} false-sub {:>2}",
            case.name,
            if sparse { "sparse" } else { "dense " },
            counts[0],
            counts[1],
            counts[2],
            counts[3]
        );
        if detail || args.iter().any(|a| a == "--list") {
            for note in notes {
                println!("{note}");
            }
        }
        for k in 0..4 {
            totals[usize::from(sparse)][k] += counts[k];
        }
    }
    for (sparse, t) in totals.iter().enumerate() {
        println!(
            "{}: hit {} false {} missed {} false-sub {}",
            if sparse == 1 { "sparse pages" } else { "dense pages " },
            t[0],
            t[1],
            t[2],
            t[3]
        );
    }
}

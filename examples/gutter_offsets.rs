//! Diagnostic: where glued lines were cut against where their gold gutters
//! stand, on real-OCR pages. Each input line's letters are laid on the gold
//! text by 6-letter stretches that occur once there; a jump in the implied
//! start marks a gutter, put on the one word boundary between the last
//! stretch before and the first after it (skipped where several fit). Each
//! gutter is counted as cut (a piece boundary there), one word off (a
//! piece boundary at the neighbouring word boundary instead: `early` or
//! `late`), further off, or missed. Why: to tell a cutter that chose the
//! wrong boundary from one that saw no gutter. Reads gold, so it is a
//! measuring stick only; the engine never does.
//! Usage: gutter_offsets [-v] CASE_DIR...
use restitch::eval::corpus;
use restitch::eval::placement::{letters_and_digits, GoldText};
use restitch::parse;

const WINDOW: usize = 6;
const SLACK: isize = 3;
const SEGMENT_MIN: usize = 3;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let mut total = [0usize; 6];
    for dir in args.iter().filter(|a| !a.starts_with('-')) {
        let case = corpus::load_case(std::path::Path::new(dir)).expect("a case");
        let page = &parse::parse_document(&case.input, None)[0];
        let gold = GoldText::new(&case);
        // cut, early, late, further, missed, ambiguous
        let mut counts = [0usize; 6];
        for line in &page.lines {
            let pieces: Vec<&str> =
                page.pieces[line.pieces.clone()].iter().map(|p| p.text.as_str()).collect();
            let mut word_bounds: Vec<usize> = Vec::new(); // letter offsets of word starts after the first
            let mut cuts: Vec<usize> = Vec::new();
            let mut letters: Vec<char> = Vec::new();
            let mut words: Vec<String> = Vec::new();
            for (p, text) in pieces.iter().enumerate() {
                if p > 0 {
                    cuts.push(letters.len());
                }
                for (w, word) in text.split_whitespace().enumerate() {
                    if (p > 0 || w > 0) && !word_bounds.contains(&letters.len()) {
                        word_bounds.push(letters.len());
                    }
                    words.push(word.to_string());
                    letters.extend(letters_and_digits(word));
                }
            }
            if letters.len() < 2 * WINDOW {
                continue;
            }
            // segments of constant implied start: (start, first offset, last offset, windows)
            let mut segments: Vec<(isize, usize, usize, usize)> = Vec::new();
            for offset in 0..=letters.len() - WINDOW {
                let found = gold.occurrences(&letters[offset..offset + WINDOW]);
                if found.len() != 1 {
                    continue;
                }
                let start = found[0] as isize - offset as isize;
                match segments.last_mut() {
                    Some(s) if (start - s.0).abs() <= SLACK => {
                        s.2 = offset;
                        s.3 += 1;
                    }
                    _ => segments.push((start, offset, offset, 1)),
                }
            }
            segments.retain(|s| s.3 >= SEGMENT_MIN);
            let mut merged: Vec<(isize, usize, usize, usize)> = Vec::new();
            for s in segments {
                match merged.last_mut() {
                    Some(m) if (s.0 - m.0).abs() <= SLACK => {
                        m.2 = s.2;
                        m.3 += s.3;
                    }
                    _ => merged.push(s),
                }
            }
            for pair in merged.windows(2) {
                // stretch each side letter by letter while it still matches the gold
                let at_gold = |start: isize, i: usize| {
                    let g = start + i as isize;
                    g >= 0 && (g as usize) < gold.chars.len() && gold.chars[g as usize] == letters[i]
                };
                let mut end_left = pair[0].2 + WINDOW;
                while end_left < letters.len() && at_gold(pair[0].0, end_left) {
                    end_left += 1;
                }
                let mut start_right = pair[1].1;
                while start_right > 0 && at_gold(pair[1].0, start_right - 1) {
                    start_right -= 1;
                }
                let (low, high) = (end_left.min(start_right), end_left.max(start_right));
                let fits: Vec<usize> = (0..word_bounds.len())
                    .filter(|&i| word_bounds[i] >= low && word_bounds[i] <= high)
                    .collect();
                if fits.len() != 1 {
                    counts[5] += 1;
                    continue;
                }
                let at = fits[0];
                let kind = if cuts.contains(&word_bounds[at]) {
                    0
                } else if at > 0 && cuts.contains(&word_bounds[at - 1]) {
                    1
                } else if at + 1 < word_bounds.len() && cuts.contains(&word_bounds[at + 1]) {
                    2
                } else if cuts.iter().any(|&c| c > pair[0].1 && c < pair[1].2) {
                    3
                } else {
                    4
                };
                counts[kind] += 1;
                if verbose && kind > 0 {
                    let names = ["cut", "early", "late", "further", "missed"];
                    // words[at] is the first word after the true gutter (word_bounds[i] starts words[i+1])
                    let left = words[..at + 1].join(" ");
                    let right = words[at + 1..].join(" ");
                    println!(
                        "{}\t{}\tL{}\t{} || {}\t[{}]",
                        case.name,
                        names[kind],
                        line.number,
                        left,
                        right,
                        pieces.join(" | ")
                    );
                }
            }
        }
        println!(
            "{}\tcut {}\tearly {}\tlate {}\tfurther {}\tmissed {}\tambiguous {}",
            case.name, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]
        );
        for k in 0..6 {
            total[k] += counts[k];
        }
    }
    println!(
        "TOTAL\tcut {}\tearly {}\tlate {}\tfurther {}\tmissed {}\tambiguous {}",
        total[0], total[1], total[2], total[3], total[4], total[5]
    );
}

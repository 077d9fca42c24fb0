//! What one piece of a glued line, and one cut between two of its words,
//! cost.
//!
//! In: a line's words and a column width. Out: a piece's cost (its length
//! against the width, in squared standard deviations, plus what its inner
//! words say: a hyphenated word or noise inside it) and a cut's cost (a
//! hyphenated word or noise beside it, words that read on across it). Why:
//! both dynamic programmes, the cut at one width ([`super::line_cut`]) and
//! the cut across a layout's columns ([`super::layout`]), sum these costs;
//! they live in one place with the weights of the evidence.

use std::ops::Range;

use super::width::ColumnWidth;
use super::word::{span, Word};

/// One standard deviation of a column line's length around its column's
/// width, as a share of the width: proportional type.
const WIDTH_SPREAD: f32 = 0.12;

/// A piece that ends its paragraph may be short: its shortfall counts only
/// this much.
const PARAGRAPH_END_SHORTFALL: f32 = 0.1;

/// What the text at a word boundary says about a column gutter there, in
/// units of a squared standard deviation of length: below zero for a
/// gutter, above for running text.
pub(super) mod evidence {
    /// A hyphenated word ends a printed line.
    pub const HYPHEN_BEFORE_CUT: f32 = -2.0;
    /// ...so one inside a piece means a gutter was missed.
    pub const HYPHEN_INSIDE: f32 = 4.0;
    /// Specks of noise stand where the gutter was.
    pub const NOISE_AT_CUT: f32 = -1.0;
    pub const NOISE_INSIDE: f32 = 1.0;
    /// A line leaves one of its run's columns out: that column has ended
    /// or not yet begun, which happens at the edges of articles only.
    pub const COLUMN_LEFT_OUT: f32 = 9.0;
    /// Per log10 unit of word lift: words that often follow each other in
    /// prose ("of" + "the") run on inside a column line, so a cut between
    /// them is less likely than one between words never seen together
    /// (dev: share of printed lines found among the pieces of the Latin
    /// real-OCR pages 0.806 -> 0.809 and F1 of `real-ocr en` 0.782 ->
    /// 0.783 at 0.5 and 1; at 1.5 and 2 the pieces gain more, 0.810, but a
    /// page whose two-line headline sits above its neighbour's dateline
    /// loses its body to the neighbour's headline, 0.761).
    pub const READS_ON: f32 = 1.0;
}

/// Running counts of what a line's words are, so that what a stretch of
/// them holds reads in constant time: the cuts below weigh every stretch
/// of the line, in every column.
pub(super) struct WordCounts {
    /// Per `i`, how many of `words[..i]` stand where a cut must be (see
    /// [`Word::forces_cut`]).
    stops: Vec<u32>,
    /// Per `i`, how many of `words[..i]` are hyphenated.
    hyphenated: Vec<u32>,
    /// Per `i`, how many of `words[..i]` are noise.
    noise: Vec<u32>,
}

impl WordCounts {
    pub(super) fn new(words: &[Word]) -> Self {
        let running = |is: fn(&Word) -> bool| {
            std::iter::once(0)
                .chain(words.iter().scan(0, |count, word| {
                    *count += u32::from(is(word));
                    Some(*count)
                }))
                .collect()
        };
        WordCounts {
            stops: running(Word::forces_cut),
            hyphenated: running(|w| w.hyphenated),
            noise: running(|w| w.noise),
        }
    }

    /// How many of `words[range]` count in `running`.
    fn within(running: &[u32], range: Range<usize>) -> u32 {
        running[range.end] - running[range.start]
    }
}

/// What one piece of `words[range]` costs at `width`: its length against
/// the width, and hyphenated words or noise inside it. A piece across a
/// gutter OCR already left is impossible.
pub(super) fn piece_cost(
    words: &[Word],
    counts: &WordCounts,
    range: Range<usize>,
    width: ColumnWidth,
) -> f32 {
    let (start, end) = (range.start, range.end);
    if WordCounts::within(&counts.stops, start + 1..end) > 0 {
        return f32::INFINITY;
    }
    let last = &words[end - 1];
    let length = span(words, &range) as f32;
    let z = (length - width.0) / (WIDTH_SPREAD * width.0);
    let mut cost = if z < 0.0 && last.ends_sentence { z * z * PARAGRAPH_END_SHORTFALL } else { z * z };
    // One addition per word, as the words come: the same sum to the bit.
    for _ in 0..WordCounts::within(&counts.hyphenated, start..end - 1) {
        cost += evidence::HYPHEN_INSIDE;
    }
    // Noise at a piece's edge stands in the gutter; only its inner words count.
    if end - start > 2 {
        for _ in 0..WordCounts::within(&counts.noise, start + 1..end - 1) {
            cost += evidence::NOISE_INSIDE;
        }
    }
    cost
}

/// What a cut between `words[at - 1]` and `words[at]` costs.
pub(super) fn cut_cost(words: &[Word], at: usize) -> f32 {
    let (before, after) = (&words[at - 1], &words[at]);
    let mut cost = 0.0;
    if before.hyphenated {
        cost += evidence::HYPHEN_BEFORE_CUT;
    }
    if before.noise || after.noise {
        cost += evidence::NOISE_AT_CUT;
    }
    cost + evidence::READS_ON * before.reads_on
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::glued::latin::words::words;
    use crate::parse::word_language;

    #[test]
    fn a_piece_costs_what_its_words_walked_one_by_one_cost() {
        // Hyphens, noise and a gutter at the edges and inside of pieces.
        let chars: Vec<char> = "the con- | struction of - new homes re- | mains slow".chars().collect();
        let mut words = words(&chars, 0, word_language::model(), false);
        words[6].after_gutter = true;
        assert!(words[1].hyphenated && words[2].noise && words[5].noise);
        // The cost as the words of the piece are walked.
        let walked = |range: Range<usize>, width: ColumnWidth| {
            let inner = &words[range.clone()];
            if inner.iter().skip(1).any(Word::forces_cut) {
                return f32::INFINITY;
            }
            let last = &words[range.end - 1];
            let z = ((last.end - words[range.start].start) as f32 - width.0) / (WIDTH_SPREAD * width.0);
            let mut cost =
                if z < 0.0 && last.ends_sentence { z * z * PARAGRAPH_END_SHORTFALL } else { z * z };
            for word in &inner[..inner.len() - 1] {
                if word.hyphenated {
                    cost += evidence::HYPHEN_INSIDE;
                }
            }
            for word in inner.iter().skip(1).take(inner.len().saturating_sub(2)) {
                if word.noise {
                    cost += evidence::NOISE_INSIDE;
                }
            }
            cost
        };
        let counts = WordCounts::new(&words);
        for width in [ColumnWidth(12.0), ColumnWidth(30.5)] {
            for end in 1..=words.len() {
                for start in 0..end {
                    let (fast, slow) =
                        (piece_cost(&words, &counts, start..end, width), walked(start..end, width));
                    assert_eq!(fast.to_bits(), slow.to_bits(), "{start}..{end}");
                }
            }
        }
    }

    #[test]
    fn a_cut_between_words_that_read_on_costs_more() {
        let chars: Vec<char> = "the united states said".chars().collect();
        let words = words(&chars, 0, word_language::model(), false);
        assert!(words[1].reads_on > 0.0, "{:?}", words[1]);
        // Between "united" and "states" against between "states" and "said".
        assert!(cut_cost(&words, 2) > cut_cost(&words, 3));
        assert_eq!(words[3].reads_on, 0.0);
    }
}

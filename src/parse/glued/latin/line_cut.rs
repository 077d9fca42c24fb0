//! One glued line cut at one column width.
//!
//! In: a line's words, the column width (and the rightmost column's where
//! it differs), and how many pieces when that is known. Out: the cheapest
//! cut as word ranges, found by a dynamic programme over the word
//! boundaries; or only the cuts the words force ([`forced_cuts`]). Why:
//! proportional type lets a column line run about a fifth either way of the
//! width, so no fixed position marks a gutter; the cheapest sum of piece
//! and cut costs ([`super::cost`]) does.

use std::ops::Range;

use super::cost::{cut_cost, piece_cost, WordCounts};
use super::width::ColumnWidth;
use super::word::{word_text, Word};

/// [`cut_words_with_last`] with every piece weighed at `width` (tests only).
#[cfg(test)]
pub(super) fn cut_words(words: &[Word], width: ColumnWidth, pieces: Option<usize>) -> Vec<Range<usize>> {
    cut_words_with_last(words, width, width, pieces)
}

/// The cheapest way to cut a line's words into pieces at `width`, its last
/// piece weighed at `last` (the width of a run's rightmost column where it
/// differs from the others), as word ranges in order: into exactly
/// `pieces` pieces when given (and possible), else into as many as the
/// cost finds best.
pub(super) fn cut_words_with_last(
    words: &[Word],
    width: ColumnWidth,
    last: ColumnWidth,
    pieces: Option<usize>,
) -> Vec<Range<usize>> {
    let n = words.len();
    if n == 0 {
        return Vec::new();
    }
    // Without a count, one layer in which any number of pieces may end.
    let layers = pieces.map_or(1, |k| k.min(n));
    let counts = WordCounts::new(words);
    // best[layer][end]: cheapest cost of words[..end] in layer + 1 pieces
    // (any number when free), with where its last piece starts.
    let mut best = vec![vec![(f32::INFINITY, 0usize); n + 1]; layers];
    for layer in 0..layers {
        for end in 1..=n {
            for start in 0..end {
                let before = match (start, layer, pieces) {
                    (0, 0, _) => 0.0,
                    (0, _, _) | (_, 0, Some(_)) => continue,
                    (_, _, None) => best[0][start].0,
                    (_, _, Some(_)) => best[layer - 1][start].0,
                };
                let cut = if start > 0 { cut_cost(words, start) } else { 0.0 };
                let piece_width = if end == n { last } else { width };
                let cost = before + cut + piece_cost(words, &counts, start..end, piece_width);
                if cost < best[layer][end].0 {
                    best[layer][end] = (cost, start);
                }
            }
        }
    }
    let mut layer = layers - 1;
    if !best[layer][n].0.is_finite() {
        // No cut possible at all: the line stays one piece.
        return if pieces.is_some() {
            cut_words_with_last(words, width, last, None)
        } else {
            std::iter::once(0..n).collect()
        };
    }
    let mut ranges = Vec::new();
    let mut end = n;
    while end > 0 {
        let start = best[layer][end].1;
        ranges.push(start..end);
        end = start;
        if pieces.is_some() {
            layer = layer.saturating_sub(1);
        }
    }
    ranges.reverse();
    ranges
}

/// A line's words cut only where a piece must start: after a gutter OCR
/// left, at a dateline, at a credit's edges.
pub(super) fn forced_cuts(words: &[Word]) -> Vec<Range<usize>> {
    cut_before(words, |i| words[i].forces_cut())
}

/// A line's words cut before every word after the first that `starts_piece`
/// picks (by index), as word ranges in order.
pub(super) fn cut_before(words: &[Word], starts_piece: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut starts: Vec<usize> = (1..words.len()).filter(|&i| starts_piece(i)).collect();
    starts.insert(0, 0);
    starts.push(words.len());
    starts.windows(2).map(|pair| pair[0]..pair[1]).collect()
}

/// A line no glued run took, holding a dateline or a credit after other
/// words: it glues columns whatever its length. Cut before the dateline (or
/// at the credit's edges), at the gutters OCR left, and before the gutter
/// specks ("_", "|") after the dateline, which stand where the next gutter
/// was. `None` for a line with no such word.
pub(super) fn cut_at_column_partings(words: &[Word], text: &[char]) -> Option<Vec<Range<usize>>> {
    let dateline = words.iter().position(Word::parts_columns)?;
    let speck = |word: &Word| word.noise && word_text(text, word).is_empty();
    Some(cut_before(words, |i| words[i].forces_cut() || (i > dateline && speck(&words[i]))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::glued::latin::fixtures::*;
    use crate::parse::glued::latin::words::words;
    use crate::parse::word_language;

    #[test]
    fn a_narrow_rightmost_column_moves_the_last_cut_right() {
        let chars: Vec<char> = "one two three four five six seven eight nine".chars().collect();
        let words = words(&chars, 0, word_language::model(), false);
        let equal = cut_words(&words, ColumnWidth(21.5), Some(2));
        let narrow = cut_words_with_last(&words, ColumnWidth(30.0), ColumnWidth(10.0), Some(2));
        assert_eq!(equal.len(), 2);
        assert_eq!(narrow, vec![0..7, 7..9], "{equal:?}");
        assert!(equal[1].len() > narrow[1].len());
    }

    #[test]
    fn words_that_read_on_tip_a_cut_of_near_equal_lengths() {
        // Two cuts of equal fit to the width (pieces of 7 and 11
        // characters, or 11 and 7): inside "of the", or between two words
        // never seen together. Lengths alone keep the first found.
        let chars: Vec<char> = "zorb of the vel qua".chars().collect();
        let words = words(&chars, 0, word_language::model(), false);
        let ranges = cut_words(&words, ColumnWidth(9.0), Some(2));
        assert_eq!(ranges, vec![0..3, 3..5], "{ranges:?}");
    }

    #[test]
    fn a_hyphenated_word_ends_its_column_line() {
        // Equal shares would cut after "were"; the hyphen says the column ends at "re-".
        assert_eq!(
            pieces_of("City planners were re- luctant to offer public hear-", 24.0),
            ["City planners were re-", "luctant to offer public hear-"]
        );
    }

    #[test]
    fn a_sentence_end_inside_a_column_line_is_no_gutter() {
        // The lengths put the gutter one word after the sentence end.
        let text = "trade grew in March. It fell back in April and May";
        let words = line(text);
        let cut = cut_words(&words, ColumnWidth(26.0), Some(2));
        assert_eq!(cut, [0..5, 5..11]);
    }

    #[test]
    fn gutter_noise_marks_the_cut() {
        let pieces = pieces_of("and the media was a priority. | what more we can do in", 26.0);
        assert_eq!(pieces.len(), 2);
        assert!(pieces[0].ends_with('|') || pieces[1].starts_with('|'), "{pieces:?}");
    }
}

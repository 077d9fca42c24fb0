//! Whether a run's cut reads as column lines wrapped greedily at one
//! measure.
//!
//! In: a run's lines and one cut of them. Out: the share of its column
//! lines that break before a word that would still have fitted
//! ([`wrap_misses`]). Why: type set by filling each line breaks only where
//! the next word no longer fits, so at the true column count almost no
//! line misses, while a count that merges or splits columns puts line ends
//! anywhere. [`super::run_cut`] weighs two column counts by it where the
//! page's width leaves a run's count in doubt.

use std::ops::Range;

use super::median;
use super::word::{span, Word};

/// A run's full lines hold a column count at least this far from a whole
/// number at the page's width before other counts are tried.
pub(super) const AMBIGUOUS_COUNT: f32 = 0.25;

/// Most of a count's column lines that may break before a word that would
/// have fitted for the count to show a set measure: type set by filling
/// each line breaks so almost always; a count whose lines miss more says
/// nothing (proportional type in OCR, where characters count unevenly).
pub(super) const WRAP_MISSES_MAX: f32 = 0.2;

/// Another count replaces the page width's only when its lines miss at
/// most this share as often: a clear win, not noise.
pub(super) const WRAP_WIN_SHARE: f32 = 0.5;

/// Share of a run's column lines, read from `cuts`, that break before a
/// word that would have fitted: the line's length, a space and the first
/// word of the same column's line below within the column's width (the
/// width its longer lines show). Why: a column is set by filling each line
/// as far as the measure allows, so at the true column count a line breaks
/// only where the next word does not fit; a count that merges or splits
/// columns puts line ends anywhere. Only rows cut into the run's usual
/// number of pieces count, and a line ending a sentence (a paragraph's
/// last line) or a hyphenated word says nothing. 1 when nothing counts.
pub(super) fn wrap_misses(run: &[&[Word]], cuts: &[Vec<Range<usize>>]) -> f32 {
    let Some(pieces) = median(cuts.iter().map(|c| c.len() as f32).collect()) else { return 1.0 };
    let pieces = pieces as usize;
    if pieces < 2 {
        return 1.0;
    }
    let mut misses = 0usize;
    let mut checked = 0usize;
    for column in 0..pieces {
        let mut lengths: Vec<usize> = run
            .iter()
            .zip(cuts)
            .filter(|(_, ranges)| ranges.len() == pieces)
            .map(|(words, ranges)| span(words, &ranges[column]))
            .collect();
        lengths.sort_unstable();
        let Some(&width) = lengths.get(lengths.len() * 9 / 10) else { continue };
        for line in 0..run.len().saturating_sub(1) {
            let (here, below) = (&cuts[line], &cuts[line + 1]);
            if here.len() != pieces || below.len() != pieces {
                continue;
            }
            let (words, range) = (run[line], &here[column]);
            let last = &words[range.end - 1];
            if last.ends_sentence || last.hyphenated {
                continue;
            }
            let next = &run[line + 1][below[column].start];
            checked += 1;
            if span(words, range) + 1 + (next.end - next.start) <= width {
                misses += 1;
            }
        }
    }
    if checked == 0 {
        1.0
    } else {
        misses as f32 / checked as f32
    }
}

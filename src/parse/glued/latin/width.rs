//! The width of a glued run's columns, read from where hyphenated words end.
//!
//! In: the words of glued lines. Out: a [`ColumnWidth`] (characters in one
//! column line): the page's before any run is looked at ([`page_width`]),
//! and a run's or a part's own ([`width_from_hyphens`]). Why: a hyphenated
//! word ends a printed column line, so inside a glued line the ends of such
//! words fall near multiples of the column pitch (counted from the line's
//! start, or from the word after a sentence end before it, where a
//! paragraph's short last line let the next column start early); every cut
//! weighs a piece's length against that width.

use super::word::{line_length, Word};

/// The width of one Latin newspaper column, in characters, when the page
/// shows none on its own.
const LATIN_COLUMN_GUESS: f32 = 36.0;

/// Fewest hyphenated words inside lines from which a width is read.
pub(super) const HYPHEN_EVIDENCE_MIN: usize = 3;

/// How near, on average, hyphenated words must end to a column boundary
/// for a width to explain them (see [`ColumnWidth::closeness`]; OCR and
/// compounds like "pre- and" stray).
const HYPHEN_FIT_MIN: f32 = 0.5;

/// A width fits the hyphens about as well as the best one when it scores
/// at least this share of the best.
const HYPHEN_NEAR_BEST: f32 = 0.9;

/// How far a hyphenated word's end may stand from a column boundary, as a
/// share of the pitch: proportional type.
const HYPHEN_SLACK: f32 = 0.2;

/// The widest column, in characters, a glued line's hyphens are fitted to:
/// newspaper columns hold some 20 to 70 characters, a page-wide one about
/// 120.
const WIDEST_COLUMN: f32 = 160.0;

/// The width, in characters, of the column lines of a glued run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ColumnWidth(pub(super) f32);

impl ColumnWidth {
    /// Width plus the one space of the gutter: how far apart columns start.
    pub(super) fn pitch(self) -> f32 {
        self.0 + 1.0
    }

    /// How many columns a line of `length` characters holds.
    pub(super) fn columns_in(self, length: usize) -> f32 {
        (length as f32 + 1.0) / self.pitch()
    }

    /// True when a word ending at `end` (counted from the line's start)
    /// stands near the end of a column.
    fn fits(self, end: usize) -> bool {
        self.closeness(end) > 0.0
    }

    /// True when a hyphenated word stands near the end of a column counted
    /// from either place its column may start (see [`HyphenEnd`]).
    pub(super) fn fits_either(self, end: &HyphenEnd) -> bool {
        self.fits(end.from_line) || end.from_paragraph.is_some_and(|e| self.fits(e))
    }

    /// How near a word ending at `end` stands to the end of a column: 1 at
    /// it, falling to 0 at [`HYPHEN_SLACK`] of a pitch away.
    fn closeness(self, end: usize) -> f32 {
        let columns = self.columns_in(end).round().max(1.0);
        let off = (end as f32 + 1.0 - columns * self.pitch()).abs();
        (1.0 - off / (HYPHEN_SLACK * self.pitch())).max(0.0)
    }
}

/// Where hyphenated words end inside lines (not at a line's end), counted
/// from the line's first word: the character position just after each.
pub(super) fn inner_hyphen_ends<'a>(lines: impl IntoIterator<Item = &'a [Word]>) -> Vec<usize> {
    inner_hyphen_origins(lines).into_iter().map(|end| end.from_line).collect()
}

/// Where one inner hyphenated word ends, from each place its column may
/// start: the line's first word, and the word after the last sentence end
/// before it (a paragraph's short last line leaves its column early, and
/// the columns after it then start that much further left than a full
/// line's would).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct HyphenEnd {
    pub(super) from_line: usize,
    pub(super) from_paragraph: Option<usize>,
}

impl From<usize> for HyphenEnd {
    fn from(from_line: usize) -> Self {
        HyphenEnd { from_line, from_paragraph: None }
    }
}

/// [`inner_hyphen_ends`] with each end also counted from the start of the
/// paragraph line that may open its column (see [`HyphenEnd`]).
pub(super) fn inner_hyphen_origins<'a>(lines: impl IntoIterator<Item = &'a [Word]>) -> Vec<HyphenEnd> {
    lines
        .into_iter()
        .flat_map(|words| {
            let inner = &words[..words.len().saturating_sub(1)];
            inner.iter().enumerate().filter(|(_, w)| w.hyphenated).map(move |(index, w)| {
                let opening = (1..index).rev().find(|&i| words[i - 1].ends_sentence);
                HyphenEnd {
                    from_line: w.end - words[0].start,
                    from_paragraph: opening.map(|i| w.end - words[i].start),
                }
            })
        })
        .collect()
}

/// The column width that puts inner hyphenated words nearest to a
/// column's end: among the widths that fit them about as well as the best,
/// the widest, because any fraction of the true pitch fits as well. `None`
/// when the words are too few or no width fits most of them.
fn width_from_hyphens(ends: &[HyphenEnd], narrowest: f32, widest: f32) -> Option<ColumnWidth> {
    if ends.len() < HYPHEN_EVIDENCE_MIN {
        return None;
    }
    // Each width scored twice: on the ends counted from the line's start
    // only, and with the paragraph starts too. The best width is judged
    // on the first, as before; a width is kept when its second score
    // comes near that best, so a paragraph's short line before a hyphen
    // no longer rules the true pitch out, while the freedom of a second
    // origin lifts no fraction of it above the rest.
    let mut scored: Vec<(ColumnWidth, f32, f32)> = Vec::new();
    let mut width = narrowest;
    // No printed column is wider than that: on one long line (a text
    // without line breaks) the widths to try would grow with the line.
    while width <= widest.min(WIDEST_COLUMN) {
        let candidate = ColumnWidth(width);
        let from_line: f32 = ends.iter().map(|end| candidate.closeness(end.from_line)).sum();
        let either: f32 = ends
            .iter()
            .map(|end| {
                let from_paragraph = end.from_paragraph.map_or(0.0, |e| candidate.closeness(e));
                candidate.closeness(end.from_line).max(from_paragraph)
            })
            .sum();
        scored.push((candidate, from_line / ends.len() as f32, either / ends.len() as f32));
        width += 0.5;
    }
    let best = scored.iter().map(|(_, score, _)| *score).fold(0.0, f32::max);
    if best < HYPHEN_FIT_MIN {
        return None;
    }
    scored
        .into_iter()
        .rev()
        .find(|(_, _, score)| *score >= HYPHEN_NEAR_BEST * best)
        .map(|(width, _, _)| width)
}

/// The narrowest column, in characters, whose width hyphens are fitted to.
const NARROWEST_COLUMN: f32 = 10.0;

/// The column width the inner hyphenated words of `lines` show (see
/// [`width_from_hyphens`]): no narrower than [`NARROWEST_COLUMN`], no wider
/// than half the longest line, which holds two columns at least.
pub(super) fn width_from_line_hyphens(lines: &[&[Word]]) -> Option<ColumnWidth> {
    let longest = lines.iter().map(|w| line_length(w)).max().unwrap_or(0) as f32;
    width_from_hyphens(&inner_hyphen_origins(lines.iter().copied()), NARROWEST_COLUMN, longest / 2.0)
}

/// A page's column width before any run is looked at: from inner
/// hyphenated words, else from lines that are clearly one column, else a
/// common newspaper measure.
pub(super) fn page_width(lines: &[Option<Vec<Word>>]) -> ColumnWidth {
    let lines: Vec<&[Word]> = lines.iter().flatten().map(Vec::as_slice).collect();
    if let Some(width) = width_from_line_hyphens(&lines) {
        return width;
    }
    let lengths = lines.iter().map(|w| line_length(w));
    let mut single: Vec<usize> = lengths.filter(|n| (20..50).contains(n)).collect();
    single.sort_unstable();
    if single.len() >= 5 {
        ColumnWidth(single[single.len() * 2 / 3] as f32)
    } else {
        ColumnWidth(LATIN_COLUMN_GUESS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::glued::latin::fixtures::*;

    #[test]
    fn width_is_the_widest_pitch_the_hyphens_fit() {
        // Hyphenated words end at columns of width 24; half that fits as well.
        let ends = |ends: &[usize]| ends.iter().map(|&end| HyphenEnd::from(end)).collect::<Vec<_>>();
        let width = width_from_hyphens(&ends(&[24, 49, 23, 74, 50]), 10.0, 60.0).unwrap();
        assert!((width.0 - 24.0).abs() <= 1.0, "{width:?}");
        assert_eq!(width_from_hyphens(&ends(&[24, 49]), 10.0, 60.0), None);
    }

    #[test]
    fn a_short_paragraph_line_before_a_hyphen_keeps_the_true_pitch() {
        // Columns of width 24; on two lines the first column is a
        // paragraph's short last line, so the hyphens after it end 13
        // characters early counted from the line, in step with a pitch of
        // about 12.5 only, and from the paragraph start on the true pitch.
        let line_only = [24, 49, 74, 37, 62].map(HyphenEnd::from);
        let narrow = width_from_hyphens(&line_only, 10.0, 60.0).unwrap();
        assert!(narrow.0 < 14.0, "{narrow:?}");
        let mut with_paragraphs = line_only.clone();
        with_paragraphs[3].from_paragraph = Some(24);
        with_paragraphs[4].from_paragraph = Some(49);
        let width = width_from_hyphens(&with_paragraphs, 10.0, 60.0).unwrap();
        assert!((width.0 - 24.0).abs() <= 1.0, "{width:?}");
    }

    #[test]
    fn hyphen_ends_count_from_the_word_after_a_sentence_end() {
        let words = line("it ended. the next col- umn goes on here");
        let ends = inner_hyphen_origins([words.as_slice()]);
        assert_eq!(ends, [HyphenEnd { from_line: 23, from_paragraph: Some(13) }]);
        // No sentence end before the hyphen: only the line's start.
        let words = line("it ended the next col- umn goes on. here");
        assert_eq!(inner_hyphen_origins([words.as_slice()]), [HyphenEnd::from(22)]);
    }
}

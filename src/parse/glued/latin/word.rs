//! One word of a glued Latin line, and the measures every cutter takes of
//! a run of them.
//!
//! In: nothing of its own; [`super::words`] builds the [`Word`]s of a line.
//! Out: the [`Word`] type (a word's place in its line and what it says
//! about a gutter beside it) and the lengths and texts read off words.
//! Why: every stage of the cutter reads words; the type stands apart from
//! the reading of a line so that the stages that mark words (datelines,
//! credits) and the stages that cut at them depend on it, not on each other.

use std::ops::Range;

/// One space-separated word of a line, by character positions in the
/// line, with what it says about the gutter next to it.
#[derive(Debug, Clone, Copy)]
pub(in crate::parse::glued) struct Word {
    pub(in crate::parse::glued) start: usize,
    pub(in crate::parse::glued) end: usize,
    /// First word of a piece the line was already cut into at a gutter of
    /// two or more spaces: a cut must stay there.
    pub(super) after_gutter: bool,
    /// Ends with a line-end hyphen after a letter ("through-", "re-").
    pub(super) hyphenated: bool,
    /// No letter or digit at all ("|", "_", "—"): a speck in the gutter.
    pub(super) noise: bool,
    /// A word of rule glyphs only ("|"): OCR's reading of a column rule
    /// or the gutter's edge, which text never holds between two words.
    pub(super) rule: bool,
    pub(super) ends_sentence: bool,
    /// Opens a newswire dateline ("PLACE, Mon 26 -") that does not open its
    /// piece: a dateline only ever opens a paragraph, so the words before
    /// it belong to another column or a headline, and a cut must stand here.
    pub(super) opens_dateline: bool,
    /// Opens a credit ("By Jane Doe, Agency") that does not open its piece,
    /// or is the first word after one: a credit stands alone at a
    /// column's foot, so the words around it belong to other columns.
    pub(super) credit_edge: bool,
    /// Follows a newswire dateline that opens its piece and broke right
    /// after its month ("PLACE, Mon"), and starts in lower case: the
    /// dateline's line ends there, and the words from here on are another
    /// column's.
    pub(super) after_broken_dateline: bool,
    /// How much more often the next word of the piece follows this one in
    /// English prose than it stands on its own (log10, positive only; 0
    /// for a pair the word model never saw): running text, no gutter.
    pub(super) reads_on: f32,
}

impl Word {
    /// Opens or closes a stretch that stands alone in its column (a
    /// dateline, a credit): the words before it belong elsewhere.
    pub(super) fn parts_columns(&self) -> bool {
        self.opens_dateline || self.credit_edge || self.after_broken_dateline
    }

    /// A cut must stand before this word: OCR left a gutter here, or it
    /// parts columns.
    pub(super) fn forces_cut(&self) -> bool {
        self.after_gutter || self.parts_columns()
    }
}

/// Characters from the first word of `range` to its last.
pub(super) fn span(words: &[Word], range: &Range<usize>) -> usize {
    words[range.end - 1].end - words[range.start].start
}

/// Characters from a line's first word to its last.
pub(super) fn line_length(words: &[Word]) -> usize {
    words.last().map_or(0, |last| last.end - words[0].start)
}

/// The text of a word, gutter specks glued to its end left off.
pub(super) fn word_text(text: &[char], word: &Word) -> String {
    text[word.start..word.end].iter().collect::<String>().trim_end_matches(['_', '|', '~']).to_string()
}

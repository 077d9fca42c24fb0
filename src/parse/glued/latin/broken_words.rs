//! The second half of a word broken at a column line's end, set back in
//! its column.
//!
//! In: one row's cut, the cut of the row above, and both rows' words and
//! text. Out: the row's cut with a cut moved one word left where the word
//! before it completes the word hyphenated at the end of the next column's
//! line above ([`rehome_completing_words`]). Why: the cut weighs lengths,
//! and may leave that half at the end of the column to its left: a false
//! half-word there, and the true one taken from its column.

use std::ops::Range;

use super::word::{word_text, Word};

/// Moves a cut one word left where the word before it is the second half of
/// the word broken at the end of the next column's line above. Why: a
/// column line starts with the half of a word hyphenated at the end of the
/// column's line above it, and the cut, weighing lengths only, may leave that
/// half at the end of the column to its left (a wrong cut that makes a false
/// half-word there and takes the true one from its column). Only a half that
/// completes a known word, where the word the cut now starts with does not,
/// is moved.
pub(super) fn rehome_completing_words(
    above: &[Range<usize>],
    words_above: &[Word],
    text_above: &[char],
    here: &mut [Range<usize>],
    words: &[Word],
    text: &[char],
) {
    for column in 0..here.len().saturating_sub(1) {
        let Some(column_above) = above.get(column + 1) else { break };
        if column_above.is_empty() || here[column].len() < 2 || here[column + 1].is_empty() {
            continue;
        }
        let broken = &words_above[column_above.end - 1];
        let (last, next) = (&words[here[column].end - 1], &words[here[column + 1].start]);
        if !broken.hyphenated || next.after_gutter {
            continue;
        }
        let broken = word_text(text_above, broken);
        // The broken word without its leading marks and its hyphen.
        let mut stem = broken.trim_start_matches(|c: char| !c.is_alphanumeric()).chars();
        stem.next_back();
        let stem = stem.as_str();
        let half = |word: &Word| {
            let text = word_text(text, word);
            let text = text.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
            text.starts_with(char::is_lowercase).then_some(text)
        };
        let Some(half_word) = half(last) else { continue };
        let completes = |tail: &str| crate::parse::words::is_english_word(&format!("{stem}{tail}"));
        if completes(&half_word) && !half(next).is_some_and(|tail| completes(&tail)) {
            here[column].end -= 1;
            here[column + 1].start -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::glued::latin::words::words;
    use crate::parse::word_language;

    #[test]
    fn the_half_of_a_word_broken_above_moves_to_its_column() {
        let above_text: Vec<char> = "old town walls the new con-".chars().collect();
        let text: Vec<char> = "river bank struction went on".chars().collect();
        let (words_above, words) = (
            words(&above_text, 0, word_language::model(), false),
            words(&text, 0, word_language::model(), false),
        );
        let above = [0..3, 3..6];
        let mut here = [0..3, 3..5];
        rehome_completing_words(&above, &words_above, &above_text, &mut here, &words, &text);
        assert_eq!(here, [0..2, 2..5]);
        // A half that completes nothing stays where the lengths put it.
        let text: Vec<char> = "river bank stone went on".chars().collect();
        let words = super::super::words::words(&text, 0, word_language::model(), false);
        let mut here = [0..3, 3..5];
        rehome_completing_words(&above, &words_above, &above_text, &mut here, &words, &text);
        assert_eq!(here, [0..3, 3..5]);
    }
}

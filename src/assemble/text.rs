//! Join the pieces of a paragraph into clean text.
//!
//! In: pieces in reading order. Out: one string, and the hyphens that the
//! join removed. Why: printed line breaks are not text. Between two CJK
//! characters a line break is nothing (CSS Text 3, segment break
//! transformation); elsewhere it is one space; a soft hyphen at a Latin line
//! end is removed and the word joined, a real hyphen is kept without a space.

use crate::parse::chars::is_wide;
use crate::score::latin::{hyphen, Hyphen, Vocabulary};

/// Text made from pieces, with what the joins removed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Joined {
    pub text: String,
    /// Line-end hyphens removed by joins, as characters.
    pub removed_hyphens: Vec<char>,
}

/// Joins piece texts with the separator each junction calls for. In CJK text
/// (`cjk`) a line break is nothing unless Latin letters or digits meet on
/// both sides; OCR often writes half-width punctuation there ("措施," + "把").
pub fn join<'a>(pieces: impl IntoIterator<Item = &'a str>, vocabulary: &Vocabulary, cjk: bool) -> Joined {
    let mut joined = Joined::default();
    for piece in pieces {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        if joined.text.is_empty() {
            joined.text.push_str(piece);
            continue;
        }
        // The hyphen rule reads only the last word: hand it a bounded tail
        // so that joining stays linear in the length of the paragraph.
        let tail_start = joined.text.char_indices().rev().nth(64).map_or(0, |(i, _)| i);
        match hyphen(&joined.text[tail_start..], piece, vocabulary) {
            Some(Hyphen::Join) => {
                if let Some(mark) = joined.text.pop() {
                    joined.removed_hyphens.push(mark);
                }
            }
            Some(Hyphen::Keep) => {}
            None => {
                let last = joined.text.chars().next_back();
                let first = piece.chars().next();
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_wide(c));
                let no_space = match (last, first) {
                    (Some(a), Some(b)) if is_wide(a) && is_wide(b) => true,
                    _ => cjk && !(latin(last) && latin(first)),
                };
                if !no_space {
                    joined.text.push(' ');
                }
            }
        }
        joined.text.push_str(piece);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_joins_without_space_latin_with_one() {
        let v = Vocabulary::default();
        assert_eq!(join(["天气", "转凉"], &v, true).text, "天气转凉");
        assert_eq!(join(["the quick", "brown fox"], &v, false).text, "the quick brown fox");
        assert_eq!(join(["采取措施,", "把工作"], &v, true).text, "采取措施,把工作");
        assert_eq!(join(["in English", "words"], &v, true).text, "in English words");
    }

    #[test]
    fn soft_hyphens_are_removed_and_reported() {
        let v = Vocabulary::default();
        let joined = join(["the gov-", "ernment said"], &v, false);
        assert_eq!(joined.text, "the government said");
        assert_eq!(joined.removed_hyphens, vec!['-']);
        assert_eq!(join(["die EU-", "Staaten"], &v, false).text, "die EU-Staaten");
    }
}

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

/// Joins piece texts with the separator each junction calls for.
pub fn join<'a>(pieces: impl IntoIterator<Item = &'a str>, vocabulary: &Vocabulary) -> Joined {
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
        match hyphen(&joined.text, piece, vocabulary) {
            Some(Hyphen::Join) => {
                if let Some(mark) = joined.text.pop() {
                    joined.removed_hyphens.push(mark);
                }
            }
            Some(Hyphen::Keep) => {}
            None => {
                let last = joined.text.chars().next_back();
                let first = piece.chars().next();
                let both_wide = matches!((last, first), (Some(a), Some(b)) if is_wide(a) && is_wide(b));
                if !both_wide {
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
        assert_eq!(join(["多", "点暴发"], &v).text, "多点暴发");
        assert_eq!(join(["the quick", "brown fox"], &v).text, "the quick brown fox");
        assert_eq!(join(["共排查", "24128 户"], &v).text, "共排查 24128 户");
    }

    #[test]
    fn soft_hyphens_are_removed_and_reported() {
        let v = Vocabulary::default();
        let joined = join(["the gov-", "ernment said"], &v);
        assert_eq!(joined.text, "the government said");
        assert_eq!(joined.removed_hyphens, vec!['-']);
        assert_eq!(join(["die EU-", "Staaten"], &v).text, "die EU-Staaten");
    }
}

//! Latin-script signals: hyphenated line ends and sentence continuation.
//!
//! In: the two sides of a junction and the page's own vocabulary. Out:
//! whether a line-end hyphen is a soft break to remove ("gov-" + "ernment")
//! or a real hyphen to keep ("well-" + "known", "EU-" + "Staaten", "10-" +
//! "20"), and whether the right side reads as the same sentence going on.
//! Why: a wrong join cannot be undone by the reader, a kept hyphen can, so
//! joins are made only where the evidence allows.

use std::collections::HashSet;

use crate::parse::chars::{is_line_end_hyphen, is_wide};

/// Lower-cased words of a page, with and without their inner hyphens, as
/// evidence of how the page itself spells a word.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut words = HashSet::new();
        for text in texts {
            for word in text.split_whitespace() {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                if word.is_empty() || word.ends_with('-') {
                    continue;
                }
                words.insert(word.to_lowercase());
            }
        }
        Vocabulary { words }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(&word.to_lowercase())
    }
}

/// What to do with a hyphen at the end of a printed line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hyphen {
    /// A soft break: drop the hyphen and join the word.
    Join,
    /// A real hyphen (compound, range, elided conjunction): keep it, no space.
    Keep,
}

/// Words that follow an elided compound part ("Ein- und Ausfuhr", "pre- and
/// post-war"): the hyphen before them is always real.
const CONJUNCTIONS: [&str; 8] = ["und", "oder", "and", "or", "et", "ou", "bzw.", "sowie"];

/// Decides a line-end hyphen between `left` (ending with the hyphen) and
/// `right`. Returns `None` when `left` does not end with a hyphen after a
/// letter.
pub fn hyphen(left: &str, right: &str, vocabulary: &Vocabulary) -> Option<Hyphen> {
    let left = left.trim_end();
    let last = left.chars().next_back()?;
    if !is_line_end_hyphen(last) {
        return None;
    }
    let stem = left[..left.len() - last.len_utf8()].rsplit(char::is_whitespace).next().unwrap_or("");
    let before = stem.chars().next_back()?;
    if is_wide(before) || right.chars().next().is_some_and(is_wide) {
        // CJK text has no end-of-line hyphenation: a dash there is text.
        return Some(Hyphen::Keep);
    }
    if !before.is_alphabetic() {
        // "10-" + "20": a range.
        return Some(Hyphen::Keep);
    }
    let next_word = right.split_whitespace().next().unwrap_or("");
    let tail = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let first = tail.chars().next()?;
    if CONJUNCTIONS.contains(&tail) || first.is_uppercase() || !first.is_alphabetic() {
        return Some(Hyphen::Keep);
    }
    // Fraktur hyphens and the soft hyphen only ever mark a break.
    if matches!(last, '¬' | '⸗' | '\u{00AD}') {
        return Some(Hyphen::Join);
    }
    let stem_word = stem.trim_start_matches(|c: char| !c.is_alphanumeric());
    let joined = format!("{stem_word}{tail}");
    let hyphenated = format!("{stem_word}-{tail}");
    if vocabulary.contains(&joined) {
        return Some(Hyphen::Join);
    }
    if vocabulary.contains(&hyphenated) {
        return Some(Hyphen::Keep);
    }
    // Both halves standing as words of their own on the page, the joined
    // form nowhere: a compound.
    let standalone = |w: &str| w.chars().count() >= 3 && vocabulary.contains(w);
    if standalone(stem_word) && standalone(tail) {
        return Some(Hyphen::Keep);
    }
    Some(Hyphen::Join)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_breaks_join_and_compounds_keep() {
        let vocabulary = Vocabulary::from_texts(["the government said it was well known and known well"]);
        assert_eq!(hyphen("the gov-", "ernment", &vocabulary), Some(Hyphen::Join));
        assert_eq!(hyphen("it was well-", "known", &vocabulary), Some(Hyphen::Keep));
        assert_eq!(hyphen("die EU-", "Staaten", &vocabulary), Some(Hyphen::Keep));
        assert_eq!(hyphen("Ein-", "und Ausfuhr", &vocabulary), Some(Hyphen::Keep));
        assert_eq!(hyphen("pages 10-", "20", &vocabulary), Some(Hyphen::Keep));
        assert_eq!(hyphen("no hyphen", "here", &vocabulary), None);
        assert_eq!(hyphen("一天-", "调度", &vocabulary), Some(Hyphen::Keep));
    }

    #[test]
    fn page_spelling_wins() {
        let vocabulary = Vocabulary::from_texts(["a long-term plan"]);
        assert_eq!(hyphen("long-", "term", &vocabulary), Some(Hyphen::Keep));
    }
}

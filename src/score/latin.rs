//! Latin-script signals: hyphenated line ends and sentence continuation.
//!
//! In: the two sides of a junction, the page's own vocabulary and a shipped
//! English word list. Out:
//! whether a line-end hyphen is a soft break to remove ("gov-" + "ernment")
//! or a real hyphen to keep ("well-" + "known", "EU-" + "Staaten", "10-" +
//! "20"), and whether the right side reads as the same sentence going on.
//! Why: a wrong join cannot be undone by the reader, a kept hyphen can, so
//! joins are made only where the evidence allows.

use std::collections::HashSet;

use crate::parse::chars::{follows_elided_compound, is_line_end_hyphen, is_wide, lower_case};
use crate::parse::words::is_english_word;

/// Lower-cased words of a page, with and without their inner hyphens, as
/// evidence of how the page itself spells a word.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    words: HashSet<String>,
    /// Most of the page's longer words are in the shipped English list: the
    /// list may speak for the page's broken words (on a German or French
    /// page it knows the short stems of other words, "er-" + "ror").
    english: bool,
}

/// Shortest word counted when telling an English page: shorter ones are
/// shared by the Latin-script languages ("die", "an", "son").
const ENGLISH_TEST_CHARS: usize = 4;

/// Share of a page's longer words the English list must know for the page
/// to count as English.
const ENGLISH_SHARE: f32 = 0.5;

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
        let long: Vec<&String> = words
            .iter()
            .filter(|w| w.chars().count() >= ENGLISH_TEST_CHARS && w.chars().all(char::is_alphabetic))
            .collect();
        let known = long.iter().filter(|w| is_english_word(w)).count();
        let english = !long.is_empty() && known as f32 >= ENGLISH_SHARE * long.len() as f32;
        Vocabulary { words, english }
    }

    /// Whether most of the page's longer words are English.
    pub fn is_english(&self) -> bool {
        self.english
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(lower_case(word).as_ref())
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

/// The two halves of a word broken at a line-end hyphen: the left side's
/// last word without its hyphen, the right side's first word, and the mark.
struct Broken<'a> {
    stem: &'a str,
    tail: &'a str,
    mark: char,
    /// The character before the hyphen.
    before: char,
}

fn broken<'a>(left: &'a str, right: &'a str) -> Option<Broken<'a>> {
    let left = left.trim_end();
    let mark = left.chars().next_back()?;
    if !is_line_end_hyphen(mark) {
        return None;
    }
    let stem = left[..left.len() - mark.len_utf8()].rsplit(char::is_whitespace).next().unwrap_or("");
    let before = stem.chars().next_back()?;
    let next_word = right.split_whitespace().next().unwrap_or("");
    let tail = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let stem = stem.trim_start_matches(|c: char| !c.is_alphanumeric());
    Some(Broken { stem, tail, mark, before })
}

/// Decides a line-end hyphen between `left` (ending with the hyphen) and
/// `right`. Returns `None` when `left` does not end with a hyphen after a
/// letter.
pub fn hyphen(left: &str, right: &str, vocabulary: &Vocabulary) -> Option<Hyphen> {
    hyphen_with(left, right, vocabulary, true)
}

/// [`hyphen`], judged on the page's own words alone. The junction scorer
/// asks this one: its weights were fitted on it, and the word list there
/// moved no corpus score (dev F1 0.791 with the page alone, 0.789 with the
/// list).
pub fn hyphen_on_page(left: &str, right: &str, vocabulary: &Vocabulary) -> Option<Hyphen> {
    hyphen_with(left, right, vocabulary, false)
}

/// Whether a line-end hyphen before `right` completes a known word (on the
/// page, or in the English list on an English page): `None` when `left`
/// does not end with a hyphen after a letter or `right` does not start with
/// a lower-case word. Why: [`hyphen`] decides how to join a break it is
/// given, joining what it does not know; choosing *which* line a break goes
/// on to needs evidence that the two halves belong together.
///
/// A stray mark standing alone before the right side's first word (OCR
/// reads a speck of dirt as a quote or a dot) is read past: the word after
/// it is the one that completes the break or not.
pub fn completes_word(left: &str, right: &str, vocabulary: &Vocabulary) -> Option<bool> {
    let Broken { stem, tail, before, .. } = broken(left, past_specks(right))?;
    if !before.is_alphabetic() || is_wide(before) || !tail.starts_with(char::is_lowercase) {
        return None;
    }
    let joined = format!("{stem}{tail}");
    Some(vocabulary.contains(&joined) || (vocabulary.english && is_english_word(&joined)))
}

/// Whether the first word of `right` (past specks) is an English word on its
/// own: then a stem before it ("re-", "co-") makes a word with any number of
/// line starts, which says little about which one goes on.
pub fn tail_is_a_word(right: &str) -> bool {
    let next = past_specks(right).split_whitespace().next().unwrap_or("");
    is_english_word(next.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// Longest run of marks read as a speck: one or two glyphs with no letter
/// or digit (a quote, a dot, a comma).
const SPECK_CHARS: usize = 2;

/// `text` without the lone specks before its first word.
fn past_specks(text: &str) -> &str {
    let mut rest = text.trim_start();
    while let Some(word) = rest.split_whitespace().next() {
        let speck = word.chars().count() <= SPECK_CHARS && !word.chars().any(char::is_alphanumeric);
        if !speck || word.len() == rest.len() {
            break;
        }
        rest = rest[word.len()..].trim_start();
    }
    rest
}

/// True when `left` breaks a word at a line-end hyphen (a lower-case letter
/// before it) and `right` goes on with a capital, on a page where capitals
/// start sentences: the second half of a broken word starts in lower case,
/// so such a junction leaves the word dangling (ocr-en-003: a column's
/// broken word taken on to a paragraph start of the next column). Compounds
/// that take a capital after a hyphen ("anti-American") are rare at a line
/// end in English and French, common in German ("Ost-Region"), where every noun
/// takes a capital and the test is off. (Marks and quotes after the hyphen
/// were tried as well: ocr-de-004 and ocr-en-002 lost.)
pub fn hyphen_dangles(left: &str, right: &str, capitals_start_sentences: bool) -> bool {
    let mut tail = left.trim_end().chars().rev();
    let (Some(mark), Some(before)) = (tail.next(), tail.next()) else { return false };
    let Some(first) = right.trim_start().chars().next() else { return false };
    capitals_start_sentences && is_line_end_hyphen(mark) && before.is_lowercase() && first.is_uppercase()
}

fn hyphen_with(left: &str, right: &str, vocabulary: &Vocabulary, word_list: bool) -> Option<Hyphen> {
    let known = |word: &str| vocabulary.contains(word) || (word_list && is_english_word(word));
    let Broken { stem, tail, mark, before } = broken(left, right)?;
    if is_wide(before) || right.chars().next().is_some_and(is_wide) {
        // CJK text has no end-of-line hyphenation: a dash there is text.
        return Some(Hyphen::Keep);
    }
    if !before.is_alphabetic() {
        // "10-" + "20": a range.
        return Some(Hyphen::Keep);
    }
    let first = tail.chars().next()?;
    if follows_elided_compound(tail) || first.is_uppercase() || !first.is_alphabetic() {
        return Some(Hyphen::Keep);
    }
    // Fraktur hyphens and the soft hyphen only ever mark a break.
    if matches!(mark, '¬' | '⸗' | '\u{00AD}') {
        return Some(Hyphen::Join);
    }
    let joined = format!("{stem}{tail}");
    let hyphenated = format!("{stem}-{tail}");
    if known(&joined) {
        return Some(Hyphen::Join);
    }
    if vocabulary.contains(&hyphenated) {
        return Some(Hyphen::Keep);
    }
    // Both halves words of their own, the joined form unknown: a compound
    // ("anti-" + "doping", "well-" + "known").
    // Each source must know both halves: a page's words include the
    // fragments of its other broken words, and short stems of other
    // languages ("com", "par") are English abbreviations. A capitalised
    // stem is most often a name broken anywhere ("Ger-" + "main").
    let long_enough = stem.chars().count() >= 3 && tail.chars().count() >= 3;
    let on_page = vocabulary.contains(stem) && vocabulary.contains(tail);
    let in_list =
        word_list && stem.starts_with(char::is_lowercase) && is_english_word(stem) && is_english_word(tail);
    if long_enough && (on_page || in_list) {
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
    fn the_word_list_knows_words_the_page_does_not() {
        let empty = Vocabulary::default();
        assert_eq!(hyphen("showers contin-", "ued", &empty), Some(Hyphen::Join));
        assert_eq!(hyphen("the anti-", "doping fight", &empty), Some(Hyphen::Keep));
        assert_eq!(hyphen("an award-", "winning film", &empty), Some(Hyphen::Keep));
        assert_eq!(hyphen("Ger-", "main", &empty), Some(Hyphen::Join), "a name broken anywhere");
        assert_eq!(hyphen_on_page("showers contin-", "ued", &empty), Some(Hyphen::Join));
        assert_eq!(hyphen_on_page("an award-", "winning film", &empty), Some(Hyphen::Join));
    }

    #[test]
    fn a_break_completes_a_known_word_or_not() {
        let english = Vocabulary::from_texts(["the speech was given over the weekend"]);
        assert_eq!(completes_word("a highly per-", "sonal speech", &english), Some(true));
        assert_eq!(completes_word("a highly per-", "the weekend", &english), Some(false));
        assert_eq!(completes_word("no hyphen", "here", &english), None);
        assert_eq!(completes_word("the Anglo-", "French", &english), None);
        // A speck read as a quote before the second half.
        assert_eq!(completes_word("a highly per-", "\u{2018} sonal speech", &english), Some(true));
        assert_eq!(completes_word("a highly per-", ". the weekend", &english), Some(false));
        assert_eq!(completes_word("a highly per-", "\"Sonal", &english), None);
    }

    #[test]
    fn the_english_list_speaks_only_for_an_english_page() {
        let english = Vocabulary::from_texts(["the report said that prices would rise again this year"]);
        let german = Vocabulary::from_texts(["der Bericht sagte dass die Preise wieder steigen würden"]);
        assert_eq!(completes_word("the report in er-", "ror said", &english), Some(true));
        assert_eq!(completes_word("die Zahl ist er-", "ror", &german), Some(false));
        // The page's own words still count.
        assert_eq!(completes_word("die Prei-", "se", &german), Some(true));
        assert!(tail_is_a_word("\u{2018} turn of the tide"));
        assert!(!tail_is_a_word("ceived by all"));
    }

    #[test]
    fn a_broken_word_taken_on_to_a_capital_dangles_where_capitals_start_sentences() {
        assert!(hyphen_dangles("the new govern-", "Ministers said", true));
        assert!(!hyphen_dangles("the new govern-", "ment said", true));
        // German: a compound's noun keeps its capital.
        assert!(!hyphen_dangles("die Ost-", "Region", false));
        // A capital right before the hyphen: a compound of an abbreviation.
        assert!(!hyphen_dangles("the UN-", "Backed plan", true));
        assert!(!hyphen_dangles("no hyphen", "Here", true));
    }

    #[test]
    fn page_spelling_wins() {
        let vocabulary = Vocabulary::from_texts(["a long-term plan"]);
        assert_eq!(hyphen("long-", "term", &vocabulary), Some(Hyphen::Keep));
    }
}

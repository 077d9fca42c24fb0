//! The shipped word lists: which Chinese dictionary words run across a
//! cut, and which English words exist.
//!
//! In: the text on both sides of a cut (a printed line break, a column
//! junction). Out: the length of the longest dictionary word that the cut
//! splits, or 0. Why: both the parser (is this a column boundary inside a
//! glued run?) and the scorer (does piece B continue piece A?) ask the same
//! question, and parsing comes first in the pipeline, so the word list
//! lives here and `score::lexicon` builds its signal on it.
//!
//! The words are jieba's dictionary (349,045 entries, MIT licence), shipped
//! in `data/zh_words.fst`; nothing is downloaded. A word spans the cut when
//! the last characters of the left text and the first of the right one form
//! it.
//!
//! The English list (SCOWL) tells whether the halves of a word broken at a
//! line-end hyphen make a word: the glued-column cutter and the Latin
//! signals of `score::latin` both ask it.

use std::sync::OnceLock;

use fst::raw::{Fst, Node};
use fst::Set;

use super::chars::{is_han, lower_case, trim_gutter_noise, trim_stray_head};

/// How many characters of each side a spanning word may take.
const CONTEXT: usize = 4;

/// The word list, an FST set built from jieba's dictionary by
/// `examples/build_dictionary.rs` (see `data/README.md`).
static WORDS: &[u8] = include_bytes!("../../data/zh_words.fst");

fn dictionary() -> &'static Set<&'static [u8]> {
    static SET: OnceLock<Set<&'static [u8]>> = OnceLock::new();
    SET.get_or_init(|| Set::new(WORDS).expect("the shipped word list is a valid FST set"))
}

/// Opens the word list now rather than at the first junction. (It is read
/// in place from the binary, so this costs microseconds.)
pub fn warm_up() {
    let _ = dictionary();
}

/// Length in characters of the longest dictionary word that runs across the
/// junction — ends of the left text joined to starts of the right — or 0.
/// Only Han characters count: a junction at punctuation carries no word.
pub fn spanning_word(left: &str, right: &str) -> usize {
    Tail::new(left).spanning_word(right)
}

/// The end of a left text, walked into the word list once: a piece meets
/// two dozen candidate successors, and only their heads differ.
pub struct Tail {
    /// For each start among the last characters that some word begins
    /// with: how many characters it takes, and where the walk stands.
    walks: Vec<(usize, Node<'static>)>,
}

impl Tail {
    pub fn new(left: &str) -> Self {
        let left = trim_gutter_noise(left);
        let tail_start = left.char_indices().rev().take(CONTEXT).last().map_or(left.len(), |(i, _)| i);
        let tail = &left[tail_start..];
        if !tail.chars().next_back().is_some_and(is_han) {
            return Tail { walks: Vec::new() };
        }
        let words = dictionary().as_fst();
        let starts: Vec<usize> = tail.char_indices().map(|(i, _)| i).collect();
        let walks = starts
            .iter()
            .enumerate()
            .filter_map(|(index, &start)| {
                let node = follow(words, words.root(), &tail.as_bytes()[start..])?;
                Some((starts.len() - index, node))
            })
            .collect();
        Tail { walks }
    }

    /// Length of the longest word running from this tail into `right`, or 0.
    pub fn spanning_word(&self, right: &str) -> usize {
        let right = trim_stray_head(right);
        if self.walks.is_empty() || !right.chars().next().is_some_and(is_han) {
            return 0;
        }
        let words = dictionary().as_fst();
        let mut best = 0;
        for &(tail_chars, mut node) in &self.walks {
            // Every word this walk passes after the junction spans it.
            for (head_chars, c) in right.chars().take(CONTEXT).enumerate() {
                let mut encoded = [0u8; 4];
                let Some(next) = follow(words, node, c.encode_utf8(&mut encoded).as_bytes()) else { break };
                node = next;
                if node.is_final() {
                    best = best.max(tail_chars + head_chars + 1);
                }
            }
        }
        best
    }
}

/// Follows `bytes` from `node` in the word list; `None` where no word
/// goes on that way.
fn follow<'f>(words: &'f Fst<&[u8]>, mut node: Node<'f>, bytes: &[u8]) -> Option<Node<'f>> {
    for &byte in bytes {
        let input = node.find_input(byte)?;
        node = words.node(node.transition(input).addr);
    }
    Some(node)
}

/// English words (SCOWL's American and British lists, 75,119 words,
/// lower-cased; permissive licence, see `data/SCOWL-COPYRIGHT.txt`), built
/// by `examples/build_dictionary.rs`. Other languages rely on the page's
/// own vocabulary.
static ENGLISH_WORDS: &[u8] = include_bytes!("../../data/en_words.fst");

fn english_words() -> &'static Set<&'static [u8]> {
    static SET: OnceLock<Set<&'static [u8]>> = OnceLock::new();
    SET.get_or_init(|| Set::new(ENGLISH_WORDS).expect("the shipped English word list is a valid FST set"))
}

/// True when `word` is a word of the shipped English list (any case).
pub fn is_english_word(word: &str) -> bool {
    english_words().contains(lower_case(word).as_bytes())
}

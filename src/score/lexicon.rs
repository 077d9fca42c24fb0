//! Word signal for Chinese: does a dictionary word span the junction?
//!
//! In: the text on both sides of a candidate junction. Out: how strongly the
//! words of the language say the two pieces were one text — "基础设" + "施"
//! forms 基础设施, "公交车的实" + "时" forms 实时. Why: a printed line break falls
//! inside words all the time, and a true continuation completes the word
//! that the line cut, while a wrong neighbour almost never does.
//!
//! The words are jieba's dictionary (349,045 entries, MIT licence), shipped
//! in `data/zh_words.fst`; nothing is downloaded. A word spans the junction
//! when the last characters of the left piece and the first of the right
//! one form it. (Running jieba's segmenter over the joined context instead
//! gave the same corpus scores at four times the cost, plus 0.15 s to load
//! its dictionary in every process.)

use std::sync::OnceLock;

use fst::raw::{Fst, Node};
use fst::Set;

use crate::parse::chars::{is_han, trim_gutter_noise};

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
        let right = trim_gutter_noise(right);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completed_words_span_the_junction() {
        assert!(spanning_word("通过手机查询公交车的实", "时位置,出行") >= 2);
        assert!(spanning_word("这座城市的基础设", "施建设") >= 2);
    }

    #[test]
    fn one_tail_serves_every_candidate() {
        let tail = Tail::new("这座城市的基础设");
        for right in ["施建设", "天气晴朗", "，然后"] {
            assert_eq!(tail.spanning_word(right), spanning_word("这座城市的基础设", right), "{right}");
        }
        assert_eq!(tail.spanning_word("施建设"), 4);
    }

    #[test]
    fn gutter_noise_at_the_junction_hides_no_word() {
        assert!(spanning_word("这座城市的基础设 |", "| 施建设") >= 2);
        assert!(spanning_word("这座城市的基础设", ".施建设") >= 2);
    }

    #[test]
    fn punctuation_and_wrong_neighbours_carry_no_word() {
        assert_eq!(spanning_word("今天完成了。", "明天继续"), 0);
        assert_eq!(spanning_word("基础设", "天气晴朗"), 0);
    }
}

//! Language-model signal for Chinese: do the characters read on across the
//! junction?
//!
//! In: the text on both sides of a candidate junction "piece B continues
//! piece A". Out: the *lift* of the junction — how much more likely B's first
//! characters are after A's last ones, under a character n-gram model of
//! written Chinese, than on their own — in log10 units, clipped; `None` when
//! A does not end or B does not start with a Han character. Why: a printed
//! line break falls anywhere in a sentence, and the dictionary signal
//! (`lexicon`) only sees a cut inside a listed word; most cuts fall between
//! words, where only how often characters follow each other in real text
//! tells a true continuation ("的" + "发展") from a wrong neighbour.
//!
//! The model counts characters, pairs and triples of adjacent Han
//! characters in about 2.7 million characters of Chinese statutes and two
//! government work reports (official documents, none of them newspaper
//! text: sources and the builder in `data/README.md`), pruned and shipped as an
//! FST map in `data/zh_chars.fst`, read in place from the binary. It scores
//! with stupid backoff (Brants et al. 2007): a triple's relative frequency
//! when it was seen, else 0.4 times the pair's, else 0.4 times the
//! character's own frequency.

use std::sync::OnceLock;

use fst::raw::{Node, Output};
use fst::Map;

use crate::parse::chars::{is_han, trim_gutter_noise, trim_stray_head};

/// The counts, built by `examples/build_language_model.rs`.
static COUNTS: &[u8] = include_bytes!("../../data/zh_chars.fst");

/// The key under which the builder stores the total number of characters.
const TOTAL_KEY: &str = "#";

/// The longest n-gram the model counts.
const MAX_ORDER: usize = 3;

/// Weight of a shorter context when the longer one was never seen.
const BACKOFF: f64 = 0.4;

/// Lift is clipped to this range: past it, a junction is as sure as can be.
const LIFT_RANGE: (f32, f32) = (-2.0, 3.0);

/// A character n-gram model: counts of Han characters, pairs and triples.
pub struct Model {
    counts: Map<&'static [u8]>,
    total: f64,
}

/// The shipped model, opened once (in place: this costs microseconds).
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(COUNTS).expect("the shipped language model is a valid FST map"))
}

impl Model {
    /// A model over an FST map of n-gram counts with the total under `#`.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Model, fst::Error> {
        let counts = Map::new(bytes)?;
        let total = counts.get(TOTAL_KEY).unwrap_or(0).max(1) as f64;
        Ok(Model { counts, total })
    }

    /// How often the characters occurred in a row in the training text (0
    /// when never, or pruned).
    pub fn count(&self, gram: &[char]) -> u64 {
        // The model holds nothing longer than a triple (and a longer gram
        // would not fit the key buffer).
        if gram.len() > MAX_ORDER {
            return 0;
        }
        let mut key = [0u8; 4 * MAX_ORDER];
        let mut len = 0;
        for c in gram {
            len += c.encode_utf8(&mut key[len..]).len();
        }
        self.counts.get(&key[..len]).unwrap_or(0)
    }

    /// The walk at the empty gram.
    fn root(&self) -> Walk<'_> {
        Walk { node: self.counts.as_fst().root(), output: Output::zero() }
    }

    /// The walk one character on; `None` when no counted gram goes on so.
    fn step<'m>(&'m self, walk: Walk<'m>, c: char) -> Option<Walk<'m>> {
        let fst = self.counts.as_fst();
        let mut encoded = [0u8; 4];
        let (mut node, mut output) = (walk.node, walk.output);
        for &byte in c.encode_utf8(&mut encoded).as_bytes() {
            let transition = node.transition(node.find_input(byte)?);
            output = output.cat(transition.out);
            node = fst.node(transition.addr);
        }
        Some(Walk { node, output })
    }

    /// log10 of the character's own probability. An unseen character counts
    /// as half an occurrence, so it is rare but not impossible.
    pub fn unigram_log10(&self, c: char) -> f64 {
        let count = self.count(&[c]) as f64;
        ((count.max(0.5)) / self.total).log10()
    }

    /// log10 of the stupid-backoff score of `c` after `history` (its last
    /// two characters count; fewer is fine).
    pub fn conditional_log10(&self, history: &[char], c: char) -> f64 {
        let history = &history[history.len().saturating_sub(2)..];
        let mut penalty = 0.0;
        for start in 0..history.len() {
            let context = &history[start..];
            let context_count = self.count(context);
            if context_count > 0 {
                let mut gram = context.to_vec();
                gram.push(c);
                let count = self.count(&gram);
                if count > 0 {
                    return penalty + (count as f64 / context_count as f64).log10();
                }
            }
            penalty += BACKOFF.log10();
        }
        penalty + self.unigram_log10(c)
    }
}

/// The end of a left piece as the model reads it: its last two Han
/// characters, walked into the counts once for all of the piece's
/// candidates (only the right side's characters differ between them).
#[derive(Debug, Clone)]
pub struct Tail<'m> {
    /// For the last two characters and then the last one: the count of
    /// that context and where its walk into the counts stands (`None` when
    /// no counted gram starts with it).
    contexts: Vec<(u64, Option<Walk<'m>>)>,
}

impl<'m> Tail<'m> {
    /// `None` unless the text ends with a Han character.
    pub fn new(model: &'m Model, left: &str) -> Option<Tail<'m>> {
        let left = trim_gutter_noise(left);
        let mut history: Vec<char> = left.chars().rev().take_while(|&c| is_han(c)).take(2).collect();
        if history.is_empty() {
            return None;
        }
        history.reverse();
        let contexts = (0..history.len())
            .map(|start| {
                let walk = history[start..].iter().try_fold(model.root(), |walk, &c| model.step(walk, c));
                (walk.map_or(0, |w| w.count()), walk)
            })
            .collect();
        Some(Tail { contexts })
    }
}

/// The start of a right piece as the model reads it: its first two Han
/// characters and what does not depend on the left side, looked up once
/// for all the pieces that may precede it.
#[derive(Debug, Clone)]
pub struct Head {
    first: char,
    second: Option<char>,
    first_log10: f64,
    /// log10 of the second character's score after the first.
    second_after_first: f64,
}

impl Head {
    /// `None` unless the text starts with a Han character.
    pub fn new(model: &Model, right: &str) -> Option<Head> {
        let right = trim_stray_head(right);
        let mut chars = right.chars().take_while(|&c| is_han(c));
        let first = chars.next()?;
        let second = chars.next();
        Some(Head {
            first,
            second,
            first_log10: model.unigram_log10(first),
            second_after_first: second.map_or(0.0, |c| model.conditional_log10(&[first], c)),
        })
    }
}

/// The junction's lift: for B's first character, log10 of its score after
/// A's last two characters minus log10 of its own probability; for B's
/// second character, what knowing A's last character adds to the score that
/// B's first one alone gives (only when the triple was seen: an unseen
/// triple is no evidence, the model being pruned). `None` unless A ends and
/// B starts with a Han character.
pub fn lift(left: &str, right: &str) -> Option<f32> {
    lift_with(model(), left, right)
}

/// [`lift`] under a given model.
pub fn lift_with(model: &Model, left: &str, right: &str) -> Option<f32> {
    Some(lift_between(model, &Tail::new(model, left)?, &Head::new(model, right)?))
}

/// [`lift`] from a prepared tail and head: the same backoff as
/// [`Model::conditional_log10`], with what depends on one side only looked
/// up once per piece.
pub fn lift_between(model: &Model, tail: &Tail, head: &Head) -> f32 {
    // (A's last, B's first): the last context's walk one character on;
    // the triple for B's second character goes on from it.
    let last = tail.contexts.len() - 1;
    let pair_walk = tail.contexts[last].1.and_then(|walk| model.step(walk, head.first));
    let pair_count = pair_walk.map_or(0, |w| w.count());
    let mut first_given_tail = None;
    let mut penalty = 0.0;
    for (start, &(context_count, walk)) in tail.contexts.iter().enumerate() {
        if context_count > 0 {
            let count = if start == last {
                pair_count
            } else {
                walk.and_then(|w| model.step(w, head.first)).map_or(0, |w| w.count())
            };
            if count > 0 {
                first_given_tail = Some(penalty + (count as f64 / context_count as f64).log10());
                break;
            }
        }
        penalty += BACKOFF.log10();
    }
    let first_given_tail = first_given_tail.unwrap_or(penalty + head.first_log10);
    let mut lift = first_given_tail - head.first_log10;
    if let Some(second) = head.second {
        let triple = pair_walk.and_then(|w| model.step(w, second)).map_or(0, |w| w.count());
        if triple > 0 {
            // A seen triple means a seen pair: its score is the plain ratio.
            lift += (triple as f64 / pair_count.max(1) as f64).log10() - head.second_after_first;
        }
    }
    (lift as f32).clamp(LIFT_RANGE.0, LIFT_RANGE.1)
}

/// Where a walk into the counts stands after some characters: the node
/// reached and the output gathered on the way.
#[derive(Debug, Clone, Copy)]
struct Walk<'m> {
    node: Node<'m>,
    output: Output,
}

impl Walk<'_> {
    /// The count of the gram walked, 0 when it is no key.
    fn count(&self) -> u64 {
        if self.node.is_final() {
            self.output.cat(self.node.final_output()).value()
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frequent_pair_scores_above_a_rare_one() {
        let m = model();
        // 发展 is among the commonest pairs of official prose; 展发 is not.
        assert!(m.count(&['发', '展']) > 100);
        assert!(m.conditional_log10(&['发'], '展') > m.conditional_log10(&['展'], '发') + 1.0);
        assert!(m.conditional_log10(&['经', '济'], '发') > m.unigram_log10('发'));
    }

    #[test]
    fn unknown_characters_and_empty_input_do_not_panic() {
        let m = model();
        assert_eq!(m.count(&[]), 0);
        assert_eq!(m.count(&['发', '展', '发', '展']), 0, "longer than the model's order");
        assert_eq!(m.count(&['\u{2A6D6}', '\u{2A6D6}', '\u{2A6D6}']), 0);
        assert!(m.unigram_log10('\u{2A6D6}').is_finite());
        assert!(m.conditional_log10(&[], '\u{2A6D6}').is_finite());
        assert!(m.conditional_log10(&['\u{2A6D6}', '龘'], '\u{2A6D6}').is_finite());
        assert_eq!(lift("", ""), None);
        assert_eq!(lift("发", ""), None);
        assert_eq!(lift("", "展"), None);
        assert!(lift("\u{2A6D6}", "\u{2A6D6}").is_some());
    }

    #[test]
    fn only_han_on_both_sides_has_a_lift() {
        assert_eq!(lift("今天完成了。", "明天继续"), None);
        assert_eq!(lift("今天完成了", "，明天继续"), None);
        assert_eq!(lift("the end", "of it"), None);
        assert!(lift("今天完成 |", "| 了任务").is_some());
    }

    #[test]
    fn a_true_continuation_lifts_above_a_wrong_neighbour() {
        let good = lift("推动经济社会高质量发", "展，不断满足人民").unwrap();
        let bad = lift("推动经济社会高质量发", "午时分，天气晴朗").unwrap();
        assert!(good > 1.0, "{good}");
        assert!(good > bad + 1.0, "{good} vs {bad}");
        let good = lift("坚持以人民为中心的", "发展思想").unwrap();
        let bad = lift("坚持以人民为中心的", "了之后再说").unwrap();
        assert!(good > bad, "{good} vs {bad}");
    }

    #[test]
    fn prepared_sides_give_the_plain_backoff_lift() {
        // The lift as first written: every score looked up afresh.
        fn plain(model: &Model, left: &str, right: &str) -> Option<f32> {
            let mut history: Vec<char> = left.chars().rev().take_while(|&c| is_han(c)).take(2).collect();
            history.reverse();
            let head: Vec<char> = right.chars().take_while(|&c| is_han(c)).take(2).collect();
            let (&a_last, &b_first) = (history.last()?, head.first()?);
            let mut lift = model.conditional_log10(&history, b_first) - model.unigram_log10(b_first);
            if let Some(&b_second) = head.get(1) {
                if model.count(&[a_last, b_first, b_second]) > 0 {
                    lift += model.conditional_log10(&[a_last, b_first], b_second)
                        - model.conditional_log10(&[b_first], b_second);
                }
            }
            Some((lift as f32).clamp(LIFT_RANGE.0, LIFT_RANGE.1))
        }
        let m = model();
        let lefts = ["推动经济社会高质量发", "坚持以人民为中心的", "龘", "发", "人民", "国"];
        let rights = ["展，不断满足人民", "发展思想", "了之后再说", "午时分", "龘龘", "展", "家"];
        for left in lefts {
            for right in rights {
                let (prepared, plain) = (lift(left, right).unwrap(), plain(m, left, right).unwrap());
                assert!((prepared - plain).abs() < 1e-5, "{left}|{right}: {prepared} vs {plain}");
            }
        }
    }

    #[test]
    fn lift_stays_in_its_range() {
        for (left, right) in [("发", "展"), ("的", "的"), ("龘", "龘"), ("人民", "群众")] {
            let lift = lift(left, right).unwrap();
            assert!((LIFT_RANGE.0..=LIFT_RANGE.1).contains(&lift), "{left}{right}: {lift}");
        }
    }
}

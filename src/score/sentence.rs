//! Sentence-state signal: does the junction fall inside a sentence or
//! between sentences, and does that fit the two pieces?
//!
//! In: the two pieces' texts. Out: [`SentenceState`], a few facts about the
//! ends that meet. Why: a piece that stops mid-sentence must be continued by
//! a piece that starts mid-sentence; CJK typesetting never starts a printed
//! line with a comma or a full stop, so such a piece is always a continuation.

use crate::parse::chars::{ends_sentence, is_line_end_hyphen, is_line_start_forbidden, is_opening};

/// The facts about one junction's two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceState {
    /// The left piece ends a sentence.
    pub left_ends: bool,
    /// The left piece ends in a comma-like pause.
    pub left_pauses: bool,
    /// The right piece starts with a mark no printed line may start with.
    pub right_continues: bool,
    /// The right piece starts like a sentence (opening quote, capital letter).
    pub right_starts: bool,
    /// The left piece ends with a hyphen-like mark.
    pub left_hyphen: bool,
}

pub fn state(left: &str, right: &str) -> SentenceState {
    let first = right.chars().next().unwrap_or(' ');
    let last = left.trim_end().chars().next_back().unwrap_or(' ');
    SentenceState {
        left_ends: ends_sentence(left),
        left_pauses: matches!(last, '，' | ',' | '、' | '：' | ':' | '；'),
        right_continues: is_line_start_forbidden(first) || first.is_lowercase(),
        right_starts: is_opening(first) || first.is_uppercase(),
        left_hyphen: is_line_end_hyphen(last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comma_at_line_start_is_a_continuation() {
        let s = state("他们说", "，这是");
        assert!(s.right_continues && !s.left_ends);
    }

    #[test]
    fn sentence_end_then_capital() {
        let s = state("It rained.", "The match");
        assert!(s.left_ends && s.right_starts);
    }

    #[test]
    fn hyphen_at_line_end() {
        assert!(state("gov-", "ernment").left_hyphen);
    }
}

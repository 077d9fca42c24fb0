//! Sentence-state signal: does the junction fall inside a sentence or
//! between sentences, and does that fit the two pieces?
//!
//! In: the two pieces' texts. Out: [`SentenceState`], a few facts about the
//! ends that meet. Why: a piece that stops mid-sentence must be continued by
//! a piece that starts mid-sentence; CJK typesetting never starts a printed
//! line with a comma or a full stop, so such a piece is always a continuation.

use crate::parse::chars::{ends_sentence, is_line_end_hyphen, is_line_start_forbidden, is_opening, PAUSES};

/// The facts about one junction's two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceState {
    /// The left piece ends a sentence.
    pub left_ends: bool,
    /// The left piece ends in a comma-like pause.
    pub left_pauses: bool,
    /// The right piece starts with a mark no printed line may start with.
    pub right_continues: bool,
    /// The right piece starts with a lower-case letter (Latin scripts).
    pub right_lower: bool,
    /// The right piece starts like a sentence (opening quote, capital letter).
    pub right_starts: bool,
    /// The left piece ends with a hyphen-like mark.
    pub left_hyphen: bool,
    /// The left piece ends with a bare full stop after a word that is no
    /// abbreviation, so nothing may follow in lower case.
    pub left_full_stop: bool,
}

pub fn state(left: &str, right: &str) -> SentenceState {
    let first = right.chars().next().unwrap_or(' ');
    let last = left.trim_end().chars().next_back().unwrap_or(' ');
    SentenceState {
        left_ends: ends_sentence(left),
        left_pauses: PAUSES.contains(&last) || last == ':',
        right_continues: is_line_start_forbidden(first) || first.is_lowercase(),
        right_lower: first.is_lowercase(),
        right_starts: is_opening(first) || first.is_uppercase(),
        left_hyphen: is_line_end_hyphen(last),
        left_full_stop: ends_with_full_stop(left),
    }
}

/// A Latin full stop that closes a sentence for certain: a bare `.` (a
/// question or exclamation mark, an ellipsis or a closing quote may be
/// followed by "she said" in lower case) after a word of three or more
/// letters with no inner stop (`Mr.`, `U.S.`, `p.m.` are abbreviations, and
/// so is a word set in capitals, as `etc.` and `approx.` below are).
fn ends_with_full_stop(text: &str) -> bool {
    let Some(word) = text.trim_end().strip_suffix('.') else { return false };
    if word.ends_with('.') {
        return false;
    }
    let last = word.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"').next().unwrap_or("");
    let letters = last.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && last.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
        && !last.chars().all(|c| !c.is_lowercase())
        && !ABBREVIATIONS.contains(&last.to_lowercase().as_str())
}

/// Lower-case abbreviations of three or more letters that end in a stop
/// inside a sentence (English, French, German).
const ABBREVIATIONS: &[&str] = &[
    "etc", "approx", "incl", "cf", "vol", "vols", "nos", "env", "usw", "bzw", "vgl", "ca", "resp", "esp",
    "vs",
];

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
    fn a_bare_full_stop_after_a_word_forbids_a_lower_case_start() {
        assert!(state("It rained all day.", "the").left_full_stop);
        for open in
            ["he asked \"Why?\"", "Ask Mr.", "the U.S.", "pens, inks etc.", "at 5 p.m.", "Wait...", "the UN."]
        {
            assert!(!state(open, "and").left_full_stop, "{open}");
        }
    }

    #[test]
    fn hyphen_at_line_end() {
        assert!(state("gov-", "ernment").left_hyphen);
    }
}

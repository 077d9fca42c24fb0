//! The words of a glued Latin line, and what each says about a gutter
//! beside it.
//!
//! In: the pieces of one OCR line (body text) and the page's word model.
//! Out: its [`Word`]s, by character position in the line: hyphenated (an
//! elided compound part, "Ein- und", excepted), noise or a rule glyph, a
//! sentence end, the first word after a gutter OCR left, how well the next
//! word reads on from it in prose; and the words that part columns: a
//! newswire dateline inside the line, a place-and-dash dateline after the
//! line's own, a dateline broken after its month, a credit's edges. Why:
//! every cut weighs these signs, over and over; they are read once per
//! line.

use super::datelines::{mark_credits, mark_datelines};
use super::word::Word;
use crate::parse::chars::{ends_sentence, follows_elided_compound, is_line_end_hyphen};
use crate::parse::classify::is_latin_dateline_start;
use crate::parse::word_language::{self, Model};
use crate::parse::{Piece, Role};

/// The words of a piece's text, placed at `offset` in its line; how well
/// each reads on into the next is asked of the page's word model
/// (`language`).
pub(super) fn words(
    chars: &[char],
    offset: usize,
    language: &Model,
    line_opens_with_dateline: bool,
) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut previous_text: Option<String> = None;
    let mut index = 0;
    while index < chars.len() {
        if chars[index].is_whitespace() {
            index += 1;
            continue;
        }
        let start = index;
        while index < chars.len() && !chars[index].is_whitespace() {
            index += 1;
        }
        let word = &chars[start..index];
        let text: String = word.iter().collect();
        // Gutter specks glued to the word ("re-__") are not part of it.
        let bare = text.trim_end_matches(['_', '|', '~']);
        let mut tail = bare.chars().rev();
        let hyphenated =
            tail.next().is_some_and(is_line_end_hyphen) && tail.next().is_some_and(char::is_alphabetic);
        if let (Some(previous), Some(last)) = (words.last_mut(), previous_text.as_deref()) {
            previous.reads_on = word_language::word_lift_with(language, last, &text).unwrap_or(0.0).max(0.0);
        }
        words.push(Word {
            start: offset + start,
            end: offset + index,
            after_gutter: false,
            hyphenated,
            noise: !word.iter().any(|c| c.is_alphanumeric()),
            rule: word.iter().all(|&c| crate::parse::chars::is_rule_glyph(c)),
            ends_sentence: ends_sentence(&text),
            opens_dateline: false,
            credit_edge: false,
            after_broken_dateline: false,
            reads_on: 0.0,
        });
        previous_text = Some(text);
    }
    mark_datelines(&mut words, chars, offset, line_opens_with_dateline);
    let texts: Vec<String> =
        words.iter().map(|w| chars[w.start - offset..w.end - offset].iter().collect()).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    // "Ein- und Ausfuhr": a hyphen before a conjunction elides a compound
    // part inside the printed line; it marks no column's end (German
    // prose holds one every few paragraphs, and three of them read as a
    // narrow column width that cut a whole page of one-column lines).
    for index in 1..words.len() {
        if words[index - 1].hyphenated && follows_elided_compound(texts[index]) {
            words[index - 1].hyphenated = false;
        }
    }
    mark_credits(&mut words, &texts);
    words
}

/// The words of a line of body pieces, in line character positions; `None`
/// for a line holding a byline or nothing, which is left as it is.
pub(in crate::parse::glued) fn line_words(pieces: &[Piece], language: &Model) -> Option<Vec<Word>> {
    if pieces.is_empty() || pieces.iter().any(|p| p.role != Role::Body) {
        return None;
    }
    let mut all = Vec::new();
    let opens_with_dateline = is_latin_dateline_start(&pieces[0].text);
    for (index, piece) in pieces.iter().enumerate() {
        let chars: Vec<char> = piece.text.chars().collect();
        let mut piece_words = words(&chars, piece.span.start, language, opens_with_dateline && index == 0);
        if let Some(first) = piece_words.first_mut() {
            first.after_gutter = index > 0;
        }
        all.extend(piece_words);
    }
    (!all.is_empty()).then_some(all)
}

#[cfg(test)]
mod tests {
    use crate::parse::glued::latin::fixtures::*;
    use crate::parse::parse_page;

    #[test]
    fn a_hyphen_before_a_conjunction_ends_no_column_line() {
        let words = line("Wahl der Parlaments- und Stadtrat- oder Ein- und aus");
        assert!(words.iter().all(|w| !w.hyphenated));
        assert!(line("Wahl der Parlaments- wahlen")[2].hyphenated);
        // One-column lines with such hyphens stay whole: they set no width.
        let page = parse_page(
            "müssen Parlaments- und Präsidenten\nwahlen aufgrund ihres Wohn- oder\nGeschäftssitzes einer Debit- oder\nKreditkarte aus dem Land der Käufer\nwie die Kommission am Mittwoch sagte\n",
            0,
            1,
        );
        assert_eq!(page.pieces.len(), 5);
    }
}

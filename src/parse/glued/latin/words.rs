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

use crate::parse::chars::{ends_sentence, follows_elided_compound, is_line_end_hyphen};
use crate::parse::classify::{
    dateline_broken_before_lower_case, is_latin_dateline_start, is_newswire_dateline_start,
    is_place_dash_dateline_start, latin_credit_len,
};
use crate::parse::word_language::{self, Model};
use crate::parse::{Piece, Role};

/// One space-separated word of a line, by character positions in the
/// line, with what it says about the gutter next to it.
#[derive(Debug, Clone, Copy)]
pub(in crate::parse::glued) struct Word {
    pub(in crate::parse::glued) start: usize,
    pub(in crate::parse::glued) end: usize,
    /// First word of a piece the line was already cut into at a gutter of
    /// two or more spaces: a cut must stay there.
    pub(super) after_gutter: bool,
    /// Ends with a line-end hyphen after a letter ("through-", "re-").
    pub(super) hyphenated: bool,
    /// No letter or digit at all ("|", "_", "—"): a speck in the gutter.
    pub(super) noise: bool,
    /// A word of rule glyphs only ("|"): OCR's reading of a column rule
    /// or the gutter's edge, which text never holds between two words.
    pub(super) rule: bool,
    pub(super) ends_sentence: bool,
    /// Opens a newswire dateline ("PLACE, Mon 26 -") that does not open its
    /// piece: a dateline only ever opens a paragraph, so the words before
    /// it belong to another column or a headline, and a cut must stand here.
    pub(super) opens_dateline: bool,
    /// Opens a credit ("By Jane Doe, Agency") that does not open its piece,
    /// or is the first word after one: a credit stands alone at a
    /// column's foot, so the words around it belong to other columns.
    pub(super) credit_edge: bool,
    /// Follows a newswire dateline that opens its piece and broke right
    /// after its month ("PLACE, Mon"), and starts in lower case: the
    /// dateline's line ends there, and the words from here on are another
    /// column's.
    pub(super) after_broken_dateline: bool,
    /// How much more often the next word of the piece follows this one in
    /// English prose than it stands on its own (log10, positive only; 0
    /// for a pair the word model never saw): running text, no gutter.
    pub(super) reads_on: f32,
}

impl Word {
    /// Opens or closes a stretch that stands alone in its column (a
    /// dateline, a credit): the words before it belong elsewhere.
    pub(super) fn parts_columns(&self) -> bool {
        self.opens_dateline || self.credit_edge || self.after_broken_dateline
    }

    /// A cut must stand before this word: OCR left a gutter here, or it
    /// parts columns.
    pub(super) fn forces_cut(&self) -> bool {
        self.after_gutter || self.parts_columns()
    }
}

/// How many words from a word on decide whether it opens a dateline:
/// leading marks, a place of up to three words, the day and its dash within
/// the next six (see [`is_newswire_dateline_start`]), with room to spare.
pub(super) const DATELINE_WORDS: usize = 12;

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
    // The first word of a dateline: one that opens it where the word
    // before does not (a place of two words, "PORT HOLM", opens at its first).
    // A dateline is read within its first words (a place of three words at
    // most, then six), so a word's next few words are enough: copying the
    // whole rest of the line for every word made one long line quadratic.
    let rest = |index: usize| {
        let last = &words[(index + DATELINE_WORDS).min(words.len()) - 1];
        chars[words[index].start - offset..last.end - offset].iter().collect::<String>()
    };
    let mut opens: Vec<bool> =
        (0..words.len()).map(|index| is_newswire_dateline_start(&rest(index))).collect();
    let broken_dateline = if words.is_empty() { None } else { dateline_broken_before_lower_case(&rest(0)) };
    // A place-and-dash dateline ("Ort – Text") inside a line only where the
    // line itself opens with a dateline, and only after that dateline's
    // dash: articles set side by side start on the same row, so their
    // datelines share a line, while a dash between two capitalised words
    // elsewhere is as often a title's ("Gesetze – Rekord") or a sentence's.
    if line_opens_with_dateline {
        let is_dash_word = |w: &Word| {
            chars[w.start - offset..w.end - offset].first().is_some_and(|&c| matches!(c, '-' | '–' | '—'))
        };
        if let Some(first_dash) = words.iter().position(is_dash_word) {
            for (index, opens) in opens.iter_mut().enumerate().skip(first_dash + 1) {
                *opens = *opens || is_place_dash_dateline_start(&rest(index));
            }
        }
    }
    for index in 1..words.len() {
        words[index].opens_dateline = opens[index] && !opens[index - 1];
    }
    if let Some(after) = broken_dateline.and_then(|n| words.get_mut(n)) {
        after.after_broken_dateline = true;
    }
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
    for index in 1..words.len() {
        if let Some(length) = latin_credit_len(&texts[index..]) {
            words[index].credit_edge = true;
            if let Some(after) = words.get_mut(index + length) {
                after.credit_edge = true;
            }
        }
    }
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

/// Characters from a line's first word to its last.
pub(super) fn line_length(words: &[Word]) -> usize {
    words.last().map_or(0, |last| last.end - words[0].start)
}

/// The text of a word, gutter specks glued to its end left off.
pub(super) fn word_text(text: &[char], word: &Word) -> String {
    text[word.start..word.end].iter().collect::<String>().trim_end_matches(['_', '|', '~']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn a_dateline_inside_a_line_opens_a_piece() {
        // Lengths alone would cut after "CITY,"; a dateline opens its paragraph.
        assert_eq!(
            pieces_of("the new bridge would open in the spring now HARBOUR CITY, May 4 - The", 34.0),
            ["the new bridge would open in the spring now", "HARBOUR CITY, May 4 - The"]
        );
        // The first word of a two-word place is the one that opens it.
        let words = line("work on it HARBOUR CITY, May 4 - The");
        let opens: Vec<bool> = words.iter().map(|w| w.opens_dateline).collect();
        assert_eq!(opens, [false, false, false, true, false, false, false, false, false]);
    }

    #[test]
    fn a_place_dash_dateline_opens_a_piece_only_in_a_line_opening_with_a_dateline() {
        // Two articles set side by side start on one row: the second's
        // "Place - Text" stands inside the line that the first's opens.
        let opens = |text: &str| {
            line(text)
                .iter()
                .enumerate()
                .filter(|(_, w)| w.opens_dateline)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        assert_eq!(opens("Lakeside - The council met on the bridge and Hillford - Two new"), [9]);
        assert_eq!(opens("Port de Mar - The council met on and Hillford - Two new"), [9]);
        // A dash between capitalised words elsewhere is a title's or a sentence's.
        assert!(opens("the council met on the bridge and Hillford - Two new").is_empty());
        assert!(opens("Record spring for the Harbour Council - Two new").is_empty());
    }

    #[test]
    fn a_credit_inside_a_glued_line_is_cut_off_on_both_sides() {
        // Lengths alone keep "By Jane" with the words before it; a credit
        // set at a column's foot stands alone between two columns' lines.
        assert_eq!(
            pieces_of("the new bridge would open in the spring By Jane Doe, Agency the river", 34.0),
            ["the new bridge would open in the spring", "By Jane Doe, Agency", "the river"]
        );
        // A capitalised "By" before fewer than two names opens no credit.
        let words = line("shares fell. By Monday they rose again");
        assert!(words.iter().all(|w| !w.credit_edge));
    }

    #[test]
    fn a_short_line_ending_in_a_credit_is_cut_before_it_and_labelled() {
        let page = parse_page("the harbour was quiet. By Jane Doe,\n", 0, 1);
        assert_eq!(texts(&page), ["the harbour was quiet.", "By Jane Doe,"]);
        assert_eq!(page.pieces[1].role, Role::Byline);
    }

    #[test]
    fn a_short_line_holding_a_dateline_is_cut_before_it_and_at_specks() {
        let page = parse_page(
            "closing second line HARBOUR, May 4 - _ of the river.
",
            0,
            1,
        );
        assert_eq!(texts(&page), ["closing second line", "HARBOUR, May 4 -", "_ of the river."]);
        // A dateline opening its line is left whole.
        let page = parse_page(
            "HARBOUR, May 4 - _ of the river.
",
            0,
            1,
        );
        assert_eq!(texts(&page), ["HARBOUR, May 4 - _ of the river."]);
    }

    #[test]
    fn a_dateline_broken_after_its_month_ends_its_piece_before_lower_case() {
        // The day went to the next printed line; the lower-case words
        // after the month are another column's.
        let page = parse_page("HARBOUR, Qld., May closing the old quay.\n", 0, 1);
        assert_eq!(texts(&page), ["HARBOUR, Qld., May", "closing the old quay."]);
        // A capital after the month goes on with the dateline's own text.
        let page = parse_page("HARBOUR, Qld., May Trade grew by a fifth.\n", 0, 1);
        assert_eq!(texts(&page), ["HARBOUR, Qld., May Trade grew by a fifth."]);
    }
}

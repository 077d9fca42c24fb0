//! Datelines and credits inside a glued Latin line: stretches that stand
//! alone in their column, so the words around them belong to others.
//!
//! In: a line's words and its text. Out: the words flagged where they open
//! a newswire dateline inside the line, a place-and-dash dateline after the
//! line's own, the lower-case words after a dateline broken after its month
//! ([`mark_datelines`]), the edges of a credit ([`mark_credits`]). A line
//! no glued run took is cut at those words by
//! [`super::line_cut::cut_at_column_partings`].
//! Why: a dateline only ever opens a paragraph, and a credit stands alone
//! at a column's foot; where OCR glued either to other words, a cut must
//! stand there, whatever the line's length says.

use super::word::Word;
use crate::parse::classify::{
    dateline_broken_before_lower_case, is_newswire_dateline_start, is_place_dash_dateline_start,
    latin_credit_len,
};

/// How many words from a word on decide whether it opens a dateline:
/// leading marks, a place of up to three words, the day and its dash within
/// the next six (see [`is_newswire_dateline_start`]), with room to spare.
const DATELINE_WORDS: usize = 12;

/// Flags the words of a line that open a dateline inside it, or follow a
/// dateline that opens the line and broke after its month (`words` read
/// from `chars`, placed at `offset` in the line).
pub(super) fn mark_datelines(
    words: &mut [Word],
    chars: &[char],
    offset: usize,
    line_opens_with_dateline: bool,
) {
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
}

/// Flags the words of a line that open a credit not opening the line, and
/// the first word after each credit (`texts`: the words' texts).
pub(super) fn mark_credits(words: &mut [Word], texts: &[&str]) {
    for index in 1..words.len() {
        if let Some(length) = latin_credit_len(&texts[index..]) {
            words[index].credit_edge = true;
            if let Some(after) = words.get_mut(index + length) {
                after.credit_edge = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::glued::latin::fixtures::*;
    use crate::parse::{parse_page, Role};

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

//! A run's rightmost column, its width read from column rules OCR saw as
//! bars ("|").
//!
//! In: the words of a run's lines. Out: the width of the rightmost column
//! where bars lead it on enough lines ([`last_column_from_rules`]). Why: a
//! sidebar's column is narrower than the body's beside it; weighed at the
//! body's width, its lines would be cut short or merged.

use super::median;
use super::runs::GLUED_MIN_PITCHES;
use super::width::ColumnWidth;
use super::word::{span, Word};

/// Fewest lines of a run whose bars ("|") show its rightmost column's
/// width (dev: 2 to 8 cut alike).
const RULED_LINES_MIN: usize = 3;

/// Least share of a run's lines whose bars show its rightmost column's
/// width: a bar or two in a long run may be OCR's reading of a letter.
const RULED_SHARE_MIN: f32 = 0.25;

/// The width of a run's rightmost column where column rules OCR read as
/// bars ("|") lead it on enough of the run's lines: the characters from
/// the word after the last bar to the line's end. Why: a sidebar's column
/// is narrower than the body's beside it, and the bars, where OCR saw
/// them, show how wide it is for the lines where it saw none.
///
/// Where the tail is itself much wider than the columns between two bars
/// (at least [`GLUED_MIN_PITCHES`] of them), the last rule stands before
/// a body column that an unruled column (a sidebar set off by white space
/// alone) follows, glued on with one space: the rightmost column is then
/// what the tail holds beyond one ruled column and its gutter.
pub(super) fn last_column_from_rules(run: &[&[Word]]) -> Option<ColumnWidth> {
    let tails: Vec<f32> = run
        .iter()
        .filter_map(|words| {
            let bar = (1..words.len().saturating_sub(1)).rev().find(|&i| words[i].rule)?;
            Some(span(words, &(bar + 1..words.len())) as f32)
        })
        .collect();
    let enough = tails.len() >= RULED_LINES_MIN && tails.len() as f32 >= RULED_SHARE_MIN * run.len() as f32;
    if !enough {
        return None;
    }
    let tail = median(tails)?;
    match median(ruled_column_spans(run)) {
        Some(ruled) if tail >= GLUED_MIN_PITCHES * ruled => {
            Some(ColumnWidth(tail - ColumnWidth(ruled).pitch()))
        }
        _ => Some(ColumnWidth(tail)),
    }
}

/// The spans, in characters, of the text between two bars ("|") on the
/// same line: the width of a column that rules stand on both sides of.
fn ruled_column_spans(run: &[&[Word]]) -> Vec<f32> {
    run.iter()
        .flat_map(|words| {
            let bars: Vec<usize> = (0..words.len()).filter(|&i| words[i].rule).collect();
            bars.windows(2)
                .filter(|pair| pair[1] > pair[0] + 1)
                .map(|pair| span(words, &(pair[0] + 1..pair[1])) as f32)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::glued::latin::words::words;
    use crate::parse::word_language;

    #[test]
    fn bars_on_enough_lines_give_the_rightmost_column_its_width() {
        let lines: Vec<Vec<Word>> = [
            "the body runs on here and then | the side",
            "more of the body text runs here | bar led",
            "and the body goes on at length | narrow",
            "the body runs on and on and on here too",
        ]
        .iter()
        .map(|line| words(&line.chars().collect::<Vec<_>>(), 0, word_language::model(), false))
        .collect();
        let run: Vec<&[Word]> = lines.iter().map(Vec::as_slice).collect();
        assert!(run[0][7].rule && !run[0][6].rule);
        // Tails of 8, 7 and 6 characters: their median.
        assert_eq!(last_column_from_rules(&run), Some(ColumnWidth(7.0)));
        // Two bars are too few to read a column from.
        assert_eq!(last_column_from_rules(&run[1..]), None);
    }

    #[test]
    fn a_tail_wider_than_the_ruled_columns_holds_a_glued_unruled_column() {
        // Two ruled columns of about 12 characters, then a last rule before
        // a 12-character column with a narrower unruled one glued on.
        let lines: Vec<Vec<Word>> = [
            "left text go | middle words | right column glim side bit",
            "more left on | centre words | then a column flox other aa",
            "and the left | others words | lastly columns roam narrow",
        ]
        .iter()
        .map(|line| words(&line.chars().collect::<Vec<_>>(), 0, word_language::model(), false))
        .collect();
        let run: Vec<&[Word]> = lines.iter().map(Vec::as_slice).collect();
        assert_eq!(median(ruled_column_spans(&run)), Some(12.0));
        // Tails of 26, 27 and 26 characters hold a 12-character column, a
        // space and the narrow column's 13.
        assert_eq!(last_column_from_rules(&run), Some(ColumnWidth(13.0)));
    }
}

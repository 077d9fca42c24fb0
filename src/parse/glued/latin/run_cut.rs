//! A run of glued lines cut jointly, at one width for the run.
//!
//! In: the words of a run's lines and the page's column width. Out: each
//! line's word ranges. Why: one line alone says little about where its
//! gutters stand, while the lines of a run share their columns. So the run
//! gets a width (from its own hyphens, else the page's, else the column
//! count whose lines read as greedily wrapped, see [`super::wrapping`]), is
//! cut and its width read again from the pieces for a few rounds, and every
//! line is then cut into as many pieces as its neighbours hold, so that a
//! column keeps its slot from line to line. A run whose hyphens show
//! unequal columns or another column count is cut by that layout instead
//! ([`super::layout`]).

use std::ops::Range;

use super::layout::{
    cut_run_in_columns, full_length, layout_from_hyphens, layout_overrides, split_wide_columns, PASSES,
};
use super::line_cut::cut_words_with_last;
use super::median;
use super::ruled::last_column_from_rules;
use super::width::{width_from_line_hyphens, ColumnWidth};
use super::word::{line_length, span, Word};
use super::wrapping::{wrap_misses, AMBIGUOUS_COUNT, WRAP_MISSES_MAX, WRAP_WIN_SHARE};

/// A line is cut into as many pieces as most lines within this many lines
/// of it hold: a column keeps its slot, whatever one line's text suggests.
const COUNT_WINDOW: usize = 2;

/// Cuts the lines of one run of glued lines: a width for the run, then
/// rounds of cutting and re-estimating it, then every line cut again into
/// as many pieces as its neighbours hold, so that a column keeps its slot
/// from line to line. Returns each line's word ranges.
pub(super) fn cut_run(run: &[&[Word]], page: ColumnWidth) -> Vec<Vec<Range<usize>>> {
    let hyphen_width = width_from_line_hyphens(run);
    let cuts = cut_run_at(run, hyphen_width.unwrap_or(page));
    // Without hyphens of its own, a run's width comes from the page, which
    // other blocks set: where the run's full lines hold a column count
    // between two whole numbers at that width, the count whose cut reads
    // as greedily wrapped column lines wins.
    let Some(full) = full_length(run) else { return cuts };
    let columns = page.columns_in(full.round() as usize);
    if hyphen_width.is_some() || (columns - columns.round()).abs() < AMBIGUOUS_COUNT {
        return cuts;
    }
    let mut best_misses = wrap_misses(run, &cuts);
    let mut best = cuts;
    for count in [columns.floor(), columns.ceil()] {
        if count < 2.0 {
            continue;
        }
        let width = ColumnWidth((full + 1.0) / count - 1.0);
        let other = cut_run_at(run, width);
        let misses = wrap_misses(run, &other);
        if misses <= WRAP_MISSES_MAX && misses <= WRAP_WIN_SHARE * best_misses {
            (best, best_misses) = (other, misses);
        }
    }
    best
}

/// [`cut_run`] at a given starting width (the run's own from its hyphens,
/// else the page's or a column count's).
fn cut_run_at(run: &[&[Word]], start: ColumnWidth) -> Vec<Vec<Range<usize>>> {
    let lengths: Vec<usize> = run.iter().map(|w| line_length(w)).collect();
    // The run's own lines say how wide a column is once their column count is known.
    let per_column: Vec<f32> = lengths
        .iter()
        .filter_map(|&length| {
            let columns = start.columns_in(length).round();
            (columns >= 2.0).then(|| (length as f32 + 1.0) / columns - 1.0)
        })
        .collect();
    let mut width = median(per_column).map_or(start, ColumnWidth);
    if let Some(layout) = layout_from_hyphens(run).map(|layout| split_wide_columns(layout, width)) {
        if full_length(run).is_some_and(|full| layout_overrides(&layout, width, full)) {
            return cut_run_in_columns(run, layout);
        }
    }
    let mut cuts: Vec<Vec<Range<usize>>> = Vec::new();
    // Where bars show the rightmost column's own width, its pieces are
    // weighed at it: a sidebar keeps its narrower measure.
    let rightmost = last_column_from_rules(run);
    for _ in 0..PASSES {
        let last = rightmost.unwrap_or(width);
        cuts = run.iter().map(|words| cut_words_with_last(words, width, last, None)).collect();
        // Full column lines only: a paragraph's last line is short.
        let full: Vec<f32> = run
            .iter()
            .zip(&cuts)
            .filter(|(_, ranges)| ranges.len() >= 2)
            .flat_map(|(words, ranges)| {
                ranges.iter().filter(|r| !words[r.end - 1].ends_sentence).map(|r| span(words, r) as f32)
            })
            .collect();
        match median(full) {
            Some(next) if (next - width.0).abs() >= 0.5 => width = ColumnWidth(next),
            _ => break,
        }
    }
    let counts: Vec<usize> = cuts.iter().map(Vec::len).collect();
    (0..run.len())
        .map(|line| {
            let window = line.saturating_sub(COUNT_WINDOW)..(line + COUNT_WINDOW + 1).min(run.len());
            let mut near: Vec<usize> = counts[window].to_vec();
            near.sort_unstable();
            let pieces = near[near.len() / 2];
            // A line too short to fill all but one of its neighbours'
            // columns is a row where columns have ended (an article's
            // last lines): forcing the count would cut its few column
            // lines into stubs, each a false column line.
            let edge = line + 1 == run.len();
            if pieces == counts[line] || (edge && pieces as f32 > width.columns_in(lengths[line]) + 1.0) {
                cuts[line].clone()
            } else {
                cut_words_with_last(run[line], width, rightmost.unwrap_or(width), Some(pieces))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::glued::latin::fixtures::*;
    use crate::parse::glued::latin::line_cut::cut_words;

    #[test]
    fn a_line_takes_as_many_pieces_as_its_neighbours() {
        let full = line("the new bridge will open after four years of work and the council said the costs have risen for all");
        let short = line("rules in force. Richardson, now a member though normal activity named.");
        assert_eq!(cut_words(&short, ColumnWidth(23.0), None).len(), 3);
        let run = [full.as_slice(), full.as_slice(), short.as_slice(), full.as_slice(), full.as_slice()];
        let cuts = cut_run(&run, ColumnWidth(23.0));
        assert!(cuts.iter().all(|c| c.len() == 4), "{cuts:?}");
    }

    #[test]
    fn a_runs_last_line_too_short_for_its_neighbours_columns_keeps_its_own_cut() {
        let full = line("the new bridge will open after four years of work and the council said the costs have risen for all");
        let short = line("the mayor thanked the workers of the region for their patience");
        let run = [full.as_slice(), full.as_slice(), full.as_slice(), short.as_slice()];
        let cuts = cut_run(&run, ColumnWidth(23.0));
        assert!(cuts[..3].iter().all(|c| c.len() == 4), "{cuts:?}");
        assert!(cuts[3].len() < 4, "{cuts:?}");
        // Inside the run the same line still takes its neighbours' count.
        let run = [full.as_slice(), full.as_slice(), short.as_slice(), full.as_slice(), full.as_slice()];
        assert_eq!(cut_run(&run, ColumnWidth(23.0))[2].len(), 4);
    }

    /// Invented prose wrapped greedily into lines of at most `width` characters.
    fn wrapped(text: &str, width: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            if !current.is_empty() && current.len() + 1 + word.len() > width {
                lines.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        lines.push(current);
        lines
    }

    #[test]
    fn a_runs_column_count_is_the_one_whose_lines_break_where_the_next_word_no_longer_fits() {
        let prose = "the harbour board met on a wet morning to weigh new plans for the old quay \
                     where boats once landed fish and salt and timber from the north while \
                     traders asked for more room to store goods and a wider road to the market";
        let columns: Vec<Vec<String>> = (0..3).map(|_| wrapped(prose, 20)).collect();
        let rows = columns[0].len() - 1;
        let glued: Vec<String> = (0..rows)
            .map(|row| columns.iter().map(|column| column[row].as_str()).collect::<Vec<_>>().join(" "))
            .collect();
        let words: Vec<Vec<Word>> = glued.iter().map(|row| line(row)).collect();
        let run: Vec<&[Word]> = words.iter().map(Vec::as_slice).collect();
        // A page width from other blocks that puts the rows between two and
        // three columns.
        let page = ColumnWidth(25.0);
        let columns_in = page.columns_in(full_length(&run).unwrap().round() as usize);
        assert!((columns_in - columns_in.round()).abs() >= AMBIGUOUS_COUNT, "{columns_in}");
        let cuts = cut_run(&run, page);
        for (row, ranges) in cuts.iter().enumerate() {
            assert_eq!(ranges.len(), 3, "{}", glued[row]);
        }
        // The merged count misses many breaks, the true one none.
        assert!(wrap_misses(&run, &cut_run_at(&run, ColumnWidth(31.0))) > WRAP_MISSES_MAX);
        assert_eq!(wrap_misses(&run, &cuts), 0.0);
    }
}

//! Which lines of a page are glued runs, and where a run parts.
//!
//! In: the words of a page's lines and the page's column width. Out: the
//! runs of long lines as ranges of lines ([`glued_runs`]): lines at least
//! [`GLUED_MIN_PITCHES`] column pitches long, or a bridge between two such,
//! grown to their block's edge where the rows there are about as long
//! ([`grow_runs`]); and a run split into parts of one column width at a
//! blank line ([`parts_of_like_width`]). Why: only a line longer than a
//! column can run holds glued columns, one long line alone may be a wide
//! headline or a table row, and each part is cut at one width.

use std::ops::Range;

use super::median;
use super::width::{inner_hyphen_origins, width_from_line_hyphens, ColumnWidth};
use super::word::{line_length, Word};
use crate::parse::Page;

/// A line at least this many column pitches long may be glued columns.
pub(super) const GLUED_MIN_PITCHES: f32 = 1.6;

/// A line between two long lines at least this many column pitches long
/// holds more than one column (dev plateau 1.0 to 1.1; 1.2 loses most of
/// what it brings to ocr-en-001).
const BRIDGE_MIN_PITCHES: f32 = 1.1;

/// Fewest long lines in a row taken for glued columns: one long line may be
/// a wide headline or a table row.
pub(super) const RUN_MIN_LINES: usize = 3;

/// The runs of glued lines on a page, as ranges of lines: lines at least
/// [`GLUED_MIN_PITCHES`] of the page's column pitch long, with the lines
/// that bridge two of them, grown to their block's edge ([`grow_runs`]).
pub(super) fn glued_runs(page: &Page, lines: &[Option<Vec<Word>>], width: ColumnWidth) -> Vec<Range<usize>> {
    let long: Vec<bool> = lines
        .iter()
        .map(|words| words.as_ref().is_some_and(|w| width.columns_in(line_length(w)) >= GLUED_MIN_PITCHES))
        .collect();
    // A line between two long lines, longer than one column can run, is a
    // glued row whose one column ends its paragraph: it keeps the run whole.
    let long: Vec<bool> = (0..long.len())
        .map(|i| {
            long[i]
                || (i > 0
                    && i + 1 < long.len()
                    && long[i - 1]
                    && long[i + 1]
                    && lines[i]
                        .as_ref()
                        .is_some_and(|w| width.columns_in(line_length(w)) >= BRIDGE_MIN_PITCHES))
        })
        .collect();
    flagged_runs(&grow_runs(page, lines, &long))
}

/// Grows each run of long lines (at least [`RUN_MIN_LINES`]) by the lines
/// between it and its block's top or bottom edge, when every one of them
/// is about as long as the run's lines ([`GROW_SHARE`] of their median).
///
/// Why: "long" is measured against the page's column width, which other
/// blocks set; where a block's columns are narrower, its glued rows come
/// out just short of the mark now and then, and a few such rows at the
/// top of the block (where every column starts full) stayed whole while
/// the rows below them were cut, each a two-column line read as one.
/// Only the rows up to the block's edge: a short row between two runs
/// inside a block is where columns end, and the runs' own rules (the
/// bridge above, the slot count) handle it.
fn grow_runs(page: &Page, lines: &[Option<Vec<Word>>], long: &[bool]) -> Vec<bool> {
    let length = |i: usize| lines[i].as_ref().map_or(0, |w| line_length(w)) as f32;
    let mut grown = long.to_vec();
    for run in flagged_runs(long) {
        let (start, end) = (run.start, run.end);
        if end - start >= RUN_MIN_LINES {
            let Some(typical) = median((start..end).map(length).collect()) else { break };
            let fits = |i: usize| length(i) >= GROW_SHARE * typical;
            // Only the rows between the run and its block's edge: there
            // every column of the block is still (or already) running.
            let block = &page.blocks[page.lines[start].block];
            if block.start < start && (block.start..start).all(|i| !long[i] && fits(i)) {
                grown[block.start..start].iter_mut().for_each(|g| *g = true);
            }
            let block = &page.blocks[page.lines[end - 1].block];
            if block.end > end && (end..block.end).all(|i| !long[i] && fits(i)) {
                grown[end..block.end].iter_mut().for_each(|g| *g = true);
            }
        }
    }
    grown
}

/// The maximal runs of consecutive `true` flags, as ranges of indices.
fn flagged_runs(flags: &[bool]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    while start < flags.len() {
        if !flags[start] {
            start += 1;
            continue;
        }
        let end = (start..flags.len()).find(|&i| !flags[i]).unwrap_or(flags.len());
        runs.push(start..end);
        start = end;
    }
    runs
}

/// Share of a glued run's median length the rows between it and its
/// block's edge must reach to join it (dev plateau 0.75 to 0.92).
const GROW_SHARE: f32 = 0.85;

/// Splits a run of glued lines (given with the block of each) into parts
/// of one column width each: at a blank line where the hyphenated words
/// after it no longer end near the columns before it. A page may hold
/// three wide columns above four narrow ones, their lines as long.
pub(super) fn parts_of_like_width(run: &[&[Word]], blocks: &[usize]) -> Vec<Range<usize>> {
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    while start < run.len() {
        let end = (start..run.len()).find(|&i| blocks[i] != blocks[start]).unwrap_or(run.len());
        let fits = parts.last().is_none_or(|group| {
            let Some(width) = width_from_line_hyphens(&run[group.clone()]) else { return true };
            let ends = inner_hyphen_origins(run[start..end].iter().copied());
            let fitting = ends.iter().filter(|end| width.fits_either(end)).count();
            ends.is_empty() || 2 * fitting >= ends.len()
        });
        match parts.last_mut() {
            Some(group) if fits => group.end = end,
            _ => parts.push(start..end),
        }
        start = end;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::glued::latin::fixtures::*;
    use crate::parse::glued::latin::width::inner_hyphen_ends;
    use crate::parse::parse_page;

    #[test]
    fn rows_at_a_blocks_top_as_long_as_its_glued_run_are_cut_with_it() {
        // One-column lines set the page's column width at about 43
        // characters; the glued block below has two columns of about 36, its
        // first rows a little short of 1.6 pitches of the page's width, the
        // rows below them over it.
        let single = "The harbour board met late on Tuesday night\n\
                      to hear the plans for a second ferry berth\n\
                      on the north side of the old fishing quay.\n\
                      Members asked for a study of the tides and\n\
                      of the traffic the new berth would bring to\n\
                      the narrow streets behind the market hall.\n";
        let rows = "Officials said the new timetable the weekend service would now run\n\
                    starts in May and adds two trains until midnight for the first time\n\
                    an hour between the coast and the in ten years, and that the old\n\
                    capital during the busy summer months station at the harbour would reopen\n\
                    when tourists crowd the old carriages after repairs to its roof and to the\n\
                    and the platforms are packed at noon. footbridge across the four tracks.\n";
        let page = parse_page(&format!("{single}\n{rows}"), 0, 1);
        let first_row =
            page.lines.iter().find(|l| page.pieces[l.pieces.start].text.starts_with("Officials")).unwrap();
        let first: Vec<&str> =
            page.pieces[first_row.pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(first, vec!["Officials said the new timetable", "the weekend service would now run"]);
        // The one-column lines above, in a block of their own, stay whole.
        assert_eq!(page.lines[0].pieces.len(), 1);
    }

    #[test]
    fn a_blank_line_parts_runs_whose_hyphens_disagree() {
        let wide = line("the river park maintaining the gardens since thou- sand days still in the hands of workers, middle- men");
        let narrow = line(
            "governing body has met anti hop- ing officials, coaches and ath- lete Michael Richardson, now a",
        );
        let run = [wide.as_slice(), wide.as_slice(), narrow.as_slice(), narrow.as_slice()];
        let ends = |lines: &[&[Word]]| inner_hyphen_ends(lines.iter().copied());
        assert_eq!(
            parts_of_like_width(&run, &[0, 0, 1, 1]),
            [0..2, 2..4],
            "{:?} {:?} {:?}",
            ends(&run[..2]),
            ends(&run[2..]),
            width_from_line_hyphens(&run[..2])
        );
        // Lines of one width stay one part across a blank line.
        assert_eq!(parts_of_like_width(&run[..2], &[0, 1]).len(), 1);
    }

    #[test]
    fn a_short_glued_row_between_long_ones_is_cut_with_them() {
        let text = "The council said on Monday that the new bridge would open in the spring next year\n\
                    after four years of work and delays caused by floods and the rising costs of steel\n\
                    and concrete. Local traders welcomed the news and the mayor thanked the workers.\n\
                    labour. The mayor thanked the workers who built it\n\
                    The council also said that the market would move to the square the spring after\n\
                    that, once the roads around it were mended and the old car park was cleared away\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(page.lines[3].pieces.len(), 2, "{:?}", texts(&page));
        assert_eq!(page.pieces[page.lines[3].pieces.start].text, "labour.");
    }
}

//! Latin-script lines that are side-by-side columns joined by single spaces.
//!
//! In: a parsed Latin-script page. Out: runs of over-long lines cut at word
//! boundaries into one piece per printed column line. Why: OCR (Tesseract
//! with --psm 4 or 6) reads a multi-column page straight across and keeps a
//! single space, or a speck of noise, where the gutter was; every later
//! stage needs the printed lines back.
//!
//! How: a column's width is read from where line-end hyphens stand inside
//! glued lines (a hyphenated word ends a printed column line, so those
//! positions fall near multiples of the column pitch; counted from the
//! line's start, or from the word after a sentence end before it, where a
//! paragraph's short last line let the next column start early), else from
//! lines that are clearly one column. Each run of long lines gets its own width, and
//! every line of it is cut by a dynamic programme over its word boundaries
//! that weighs each piece's length against the width (proportional type
//! lets a column line run about a fifth either way) together with what a
//! boundary shows: a hyphenated word or gutter noise before it. (A
//! sentence end with a capital after it is no sign of a gutter: sentences
//! end inside column lines as often, and a paragraph's last line is
//! already let off its shortfall.) The width is then re-estimated from the
//! pieces and the run cut again.
//!
//! Where a run's hyphenated words, each taken as a share of its own line
//! (the characters before a column boundary drift with the letters a line
//! holds, its share much less), show another column count than that width,
//! or columns of different widths (a sidebar), the run is cut into those
//! columns instead: each line's pieces in order, each at its own column's
//! width, a column left out only at a cost.
//!
//! The parts, in the order a page goes through them: [`words`] reads each
//! line's [`word`]s and what each says about a gutter, with [`datelines`]
//! flagging the datelines and credits that part columns (a line no run
//! takes is cut at them by [`line_cut`]); [`width`] reads
//! the page's column width from hyphens; [`runs`] finds the runs of long
//! lines and parts them at blank lines where the width changes, and
//! [`titles`] keeps the titles among them whole; [`run_cut`] cuts each
//! run jointly at one width, each line by [`line_cut`] with the costs of
//! [`cost`], choosing a column count by [`wrapping`] and a sidebar's width
//! by [`ruled`], or hands the run to [`layout`] where its hyphens show
//! unequal or other columns; [`broken_words`] sets the half of a broken
//! word back in its column; [`pieces`] turns the word ranges back into
//! pieces.

mod broken_words;
mod cost;
mod datelines;
#[cfg(test)]
mod fixtures;
mod layout;
mod line_cut;
mod pieces;
mod ruled;
mod run_cut;
mod runs;
mod titles;
mod width;
mod word;
mod words;
mod wrapping;

pub(super) use pieces::{cut_piece, whole_line};
pub(super) use word::Word;
pub(super) use words::line_words;

use std::ops::Range;

use crate::parse::stats::median;
use crate::parse::{Page, Role};
use broken_words::rehome_completing_words;
use line_cut::cut_at_column_partings;
use pieces::{cut_pieces, line_chars};
use run_cut::cut_run;
use runs::{glued_runs, parts_of_like_width, RUN_MIN_LINES};
use titles::{title_block_over_run, title_line_after_run, title_line_over_rows};
use width::{page_width, ColumnWidth};

/// Each line's word ranges where a cut took it, `None` for a line left as
/// it is.
type LineCuts = Vec<Option<Vec<Range<usize>>>>;

/// Cuts runs of long Latin lines, side-by-side columns that OCR joined with
/// single spaces, into one piece per printed column line.
pub fn cut_latin_glued_lines(page: &mut Page) {
    if page.is_cjk() {
        return;
    }
    let language = page.word_model();
    let lines: Vec<Option<Vec<Word>>> =
        page.lines.iter().map(|line| line_words(&page.pieces[line.pieces.clone()], language)).collect();
    let width = page_width(&lines);
    let (mut cut_lines, title_lines) = cut_glued_runs(page, &lines, width);
    for line in title_lines {
        for piece in &mut page.pieces[page.lines[line].pieces.clone()] {
            piece.role = Role::Headline;
        }
    }
    let dateline_inside = lines.iter().flatten().flatten().any(Word::parts_columns);
    if cut_lines.iter().all(Option::is_none) && !dateline_inside {
        return;
    }
    let texts = line_chars(page);
    for index in 1..cut_lines.len() {
        let (above, here) = cut_lines.split_at_mut(index);
        if let (Some(above), Some(here), Some(words_above), Some(words)) =
            (&above[index - 1], &mut here[0], &lines[index - 1], &lines[index])
        {
            rehome_completing_words(above, words_above, &texts[index - 1], here, words, &texts[index]);
        }
    }
    for ((slot, words), text) in cut_lines.iter_mut().zip(&lines).zip(&texts) {
        let Some(words) = words else { continue };
        if slot.is_none() {
            *slot = cut_at_column_partings(words, text);
        }
    }
    page.recut_lines(|line_index, pieces| match (&cut_lines[line_index], &lines[line_index]) {
        (Some(ranges), Some(words)) if ranges.len() > pieces.len() => cut_pieces(pieces, words, ranges),
        _ => pieces.to_vec(),
    });
}

/// The word ranges of every line of a page's glued runs (`None` for a line
/// no run took), with the lines found to be titles among the runs' long
/// lines, which stay whole. A run loses the title block at its head, parts
/// at a title line inside it, leaves out a title read after its rows, and
/// is cut part by part, each part at its own width.
fn cut_glued_runs(page: &Page, lines: &[Option<Vec<Word>>], width: ColumnWidth) -> (LineCuts, Vec<usize>) {
    let mut cut_lines: LineCuts = vec![None; page.lines.len()];
    let mut title_lines: Vec<usize> = Vec::new();
    for run in glued_runs(page, lines, width) {
        let (mut start, end) = (run.start, run.end);
        // A deck of title lines standing over the glued body is no glued
        // row, but the title of what follows.
        // The run opens its block, and the block goes on below it.
        let opens_block = page.blocks[page.lines[start].block].start == start
            && page.lines.get(end).is_some_and(|l| l.block == page.lines[end - 1].block);
        let title = title_block_over_run(&lines[start..end], &page.lines[start..end], opens_block);
        title_lines.extend(start..start + title);
        start += title;
        // A title line alone in its block that the rows below it cannot
        // hold parts the run: the rows on either side are cut apart.
        let inner: Vec<usize> = (start..end).filter(|&i| title_line_over_rows(page, lines, i, end)).collect();
        title_lines.extend(&inner);
        let bounds: Vec<usize> = std::iter::once(start)
            .chain(inner.iter().flat_map(|&i| [i, i + 1]))
            .chain(std::iter::once(end))
            .collect();
        for segment in bounds.chunks(2) {
            let (start, end) = (segment[0], segment[1]);
            if end < start + RUN_MIN_LINES {
                continue;
            }
            // A title read after the rows is left out of them, uncut.
            let rows_end = if title_line_after_run(page, lines, end - 1) {
                title_lines.push(end - 1);
                end - 1
            } else {
                end
            };
            let run: Vec<&[Word]> =
                lines[start..rows_end].iter().map(|w| w.as_deref().unwrap_or(&[])).collect();
            let blocks: Vec<usize> = page.lines[start..rows_end].iter().map(|l| l.block).collect();
            for part in parts_of_like_width(&run, &blocks) {
                let cuts = cut_run(&run[part.clone()], width);
                for (slot, ranges) in cut_lines[start + part.start..start + part.end].iter_mut().zip(cuts) {
                    *slot = Some(ranges);
                }
            }
        }
    }
    (cut_lines, title_lines)
}

#[cfg(test)]
mod tests {
    use crate::parse::glued::latin::fixtures::*;
    use crate::parse::{parse_page, Gap};

    #[test]
    fn latin_columns_glued_by_single_spaces_are_cut() {
        let text = "The council said on Monday that the new bridge would open in the spring next year\n\
                    after four years of work and delays caused by floods and the rising costs of steel\n\
                    and concrete. Local traders welcomed the news and the mayor thanked the workers.\n";
        let page = parse_page(text, 0, 1);
        assert!(page.lines.iter().all(|l| l.pieces.len() == 2), "{:?}", texts(&page));
        assert_eq!(page.pieces[1].gap, Gap::Glued);
    }

    #[test]
    fn ordinary_latin_lines_are_left_alone() {
        let page = parse_page("The council said on Monday that\nthe new bridge would open in the\nspring next year after four years\n", 0, 1);
        assert_eq!(page.pieces.len(), 3);
    }

    #[test]
    fn ocr_gutters_stay_cuts_and_spans_stay_true() {
        let text = "Co said its first quarter, ending  be due to expenses related to the acquisitions in the middle\n\
                    February 28, profits may be below  acquisitions in the middle of the current quarter of seven\n\
                    the 2.4 mln dlrs, or 15 cts a share earned in the first quarter of Sealy Inc, as well as 82 pct\n";
        let page = parse_page(text, 0, 1);
        for (line, raw) in page.lines.iter().zip(text.lines()) {
            let raw: Vec<char> = raw.chars().collect();
            assert_eq!(page.pieces[line.pieces.clone()].len(), 3, "{:?}", texts(&page));
            for piece in &page.pieces[line.pieces.clone()] {
                let spanned: String = raw[piece.span.start..piece.span.end].iter().collect();
                assert_eq!(spanned, piece.text);
            }
        }
        assert_eq!(page.pieces[0].text, "Co said its first quarter, ending");
    }
}

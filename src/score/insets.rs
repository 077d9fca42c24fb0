//! Inset signal: a run of printed lines written one per input line, set
//! between paragraphs written one per input line, is another column.
//!
//! In: a parsed page. Out: [`Inset`]s, each a *paragraph line* (a whole
//! paragraph of a CJK column on one input line, its printed lines cut at
//! line-break spaces), the run of single printed lines after it, and the
//! next paragraph line of the same column width below the run.
//!
//! Why: OCR that writes every paragraph of one column as one input line, but
//! another column one printed line per input line, has read them as two
//! layout regions; where it prints the second between two paragraph lines of
//! the first, the first's text does not run on into the region it happens
//! to print next but into its own next paragraph line, and the region's last
//! line does not run back into the paragraphs. The layout signal offers the
//! junction across the inset and treats the junctions into and out of it as
//! junctions between blocks ([`super::layout`]).

use std::ops::Range;

use crate::parse::stats::median;
use crate::parse::{Gap, Page, Role};

use super::width;

/// Paragraph lines with fewer printed lines than this are too short to show
/// that their column writes paragraphs one per input line.
const MIN_PARAGRAPH_PIECES: usize = 3;

/// Printed lines narrower than this (in cells) fill no column: a line cut
/// into such short parts is one printed line that OCR wrote with spaces
/// inside (around brackets, figures, quotes), not a paragraph of printed
/// lines. Why: where every printed line stands alone (sparse-text OCR), a
/// line like "享”试点县 (市、区) 之一" otherwise passed for a paragraph line
/// four cells wide, and the next such line 60 lines below for its
/// continuation, so a whole article between them counted as an inset
/// (dev ocr-zh-032 0.309 -> 0.346). Newspaper columns hold eight or more
/// characters a line; no other corpus page moves.
const MIN_COLUMN_CELLS: f32 = 8.0;

/// An inset is at least this many input lines of single printed lines: a
/// shorter run is a short paragraph or a heading set in the same column.
const MIN_INSET_LINES: usize = 6;

/// The paragraph column is looked for again at most this many input lines
/// below, about the printed lines of a page-high column.
const MAX_INSET_LINES: usize = 80;

/// The paragraph line below the inset continues the one above it only when
/// their column widths agree this well (as the width signal's mismatch).
const MIN_WIDTH_AGREEMENT: f32 = 0.85;

/// A run of input lines written one printed line each, between two
/// paragraph lines of one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inset {
    /// The paragraph line above the run (index into [`Page::lines`]).
    pub before: usize,
    /// The run itself.
    pub lines: Range<usize>,
    /// The paragraph line below the run, where the text of `before` goes on.
    pub after: usize,
}

/// The median width of a line's printed lines but its last when it is a
/// paragraph line of body text with at least `min_pieces` printed lines cut at line-break
/// spaces, as wide as a column ([`MIN_COLUMN_CELLS`]), else `None`.
fn paragraph_width(page: &Page, line: usize, min_pieces: usize) -> Option<f32> {
    let pieces = &page.pieces[page.lines[line].pieces.clone()];
    let paragraph = pieces.len() >= min_pieces
        && pieces.iter().all(|p| p.role == Role::Body)
        && pieces[1..].iter().all(|p| p.gap == Gap::BreakSpace);
    // Every printed line of a paragraph but its last fills the column.
    if !paragraph {
        return None;
    }
    let width = median(pieces[..pieces.len() - 1].iter().map(|p| p.cells).collect())?;
    (width >= MIN_COLUMN_CELLS).then_some(width)
}

/// The insets of a page, top to bottom, not overlapping.
pub fn insets(page: &Page) -> Vec<Inset> {
    let mut out = Vec::new();
    let mut line = 0;
    while line < page.lines.len() {
        let Some(found) = inset_after(page, line) else {
            line += 1;
            continue;
        };
        line = found.after;
        out.push(found);
    }
    out
}

/// The inset right below `before`, if `before` is a paragraph line followed
/// by enough single printed lines and, within reach, by a paragraph line of
/// its own width.
fn inset_after(page: &Page, before: usize) -> Option<Inset> {
    let width = paragraph_width(page, before, MIN_PARAGRAPH_PIECES)?;
    let start = before + 1;
    let single = |line: usize| page.lines.get(line).is_some_and(|l| l.pieces.len() == 1);
    if !(start..start + MIN_INSET_LINES).all(single) {
        return None;
    }
    let end = (start + MAX_INSET_LINES).min(page.lines.len());
    for line in start + MIN_INSET_LINES..end {
        if let Some(other) = paragraph_width(page, line, 2) {
            if width::agreement(width, other) >= MIN_WIDTH_AGREEMENT {
                return Some(Inset { before, lines: start..line, after: line });
            }
        }
        // A line of three or more pieces is neither a printed line nor two
        // glued ones: the run of single lines is over without the paragraphs
        // coming back.
        if page.lines[line].pieces.len() > 2 {
            return None;
        }
    }
    None
}

/// For each line, the index in `insets` of the inset holding it.
pub fn inset_of_lines(page: &Page, insets: &[Inset]) -> Vec<Option<usize>> {
    let mut of = vec![None; page.lines.len()];
    for (index, inset) in insets.iter().enumerate() {
        for slot in &mut of[inset.lines.clone()] {
            *slot = Some(index);
        }
    }
    of
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    /// A paragraph line of five printed lines, `lines` single printed lines
    /// of a narrow column, then the paragraph line that goes on.
    fn page_with_inset(lines: usize, after: &str) -> Page {
        let mut text = String::from(
            "连日来各地认真落实 防控措施并切实做好 各项服务保障工作以 确保群众生活平稳有 序同时还加强了检查\n\n",
        );
        for _ in 0..lines {
            text.push_str("今年以来该县\n\n");
        }
        text.push_str(after);
        text.push('\n');
        parse_page(&text, 0, 1)
    }

    #[test]
    fn single_lines_between_paragraph_lines_are_an_inset() {
        let page = page_with_inset(8, "和督导工作取得了良 好的效果群众满意");
        assert_eq!(insets(&page), vec![Inset { before: 0, lines: 1..9, after: 9 }]);
        let of = inset_of_lines(&page, &insets(&page));
        assert_eq!(of[0], None);
        assert_eq!(of[1], Some(0));
        assert_eq!(of[9], None);
    }

    #[test]
    fn a_line_cut_into_parts_narrower_than_a_column_is_no_paragraph_line() {
        // One printed line with spaces inside, above and below the run:
        // its parts are four cells wide, no column's lines.
        let mut text = String::from("今年以来 (东、西) 两岸居民\n\n");
        for _ in 0..8 {
            text.push_str("今年以来该县\n\n");
        }
        text.push_str("各地认真 落实防控措施\n");
        let page = parse_page(&text, 0, 1);
        assert_eq!(page.lines[0].pieces.len(), 3);
        assert!(insets(&page).is_empty());
        assert_eq!(insets(&page_with_inset(8, "和督导工作取得了良 好的效果群众满意")).len(), 1);
    }

    #[test]
    fn a_short_run_is_no_inset() {
        let page = page_with_inset(MIN_INSET_LINES - 1, "和督导工作取得了良 好的效果群众满意");
        assert!(insets(&page).is_empty());
    }

    #[test]
    fn the_paragraphs_must_come_back_at_their_own_width() {
        // Printed lines of five cells below, not of nine: another column.
        let page = page_with_inset(8, "和督导工作 取得了良好");
        assert!(insets(&page).is_empty());
    }
}

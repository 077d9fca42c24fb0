//! Cut runs that hold two or more printed lines glued together.
//!
//! In: a parsed page. Out: the same page with glued runs cut into one piece
//! per printed line. Why: OCR reads side-by-side columns across, gluing a
//! line of each column into one run, with no gutter at all (CJK) or a single
//! space (Latin); every later stage needs the printed lines back.
//! CJK runs are cut at their column's width (`cjk`), Latin runs at the
//! spaces that best fit the block's column widths (`latin`); the
//! headline rows of Latin articles set side by side are cut apart where
//! their type style changes (`headline_rows`).

mod cjk;
mod headline_rows;
mod latin;

pub use cjk::{cut_glued_credits, cut_glued_pieces, mend_split_lines};
pub use headline_rows::{cut_latin_headline_rows, cut_latin_headlines_beside_columns};
pub use latin::cut_latin_glued_lines;

use super::chars::cells;
use super::{Gap, Piece};

/// The characters `start..end` of `piece` as a piece of their own; every
/// part after the first is glued to the one before.
pub(super) fn part(piece: &Piece, chars: &[char], start: usize, end: usize, first: bool) -> Piece {
    let text: String = chars[start..end].iter().collect();
    let mut part = piece.clone();
    part.cells = cells(&text);
    part.text = text;
    part.span.start = piece.span.start + start;
    part.span.end = piece.span.start + end;
    if !first {
        part.gap = Gap::Glued;
    }
    part
}

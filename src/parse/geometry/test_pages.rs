//! Test pages: invented word boxes and OCR pages shared by the geometry's
//! unit tests.
//!
//! In: the text, boxes and rows a test names. Out: the [`Word`]s,
//! [`OcrPage`]s, [`Atom`]s and [`Scales`] the geometry reads. Why: the tests
//! of the XY-cut, the line measures, the regions' order and the page as a
//! whole build their pages the same way; one builder each keeps them from
//! drifting apart. Built only for tests.

use super::{Atom, BBox, OcrPage};
use crate::formats::{Block, TextLine, Word};

pub(super) fn word(text: &str, x0: i32, y0: i32, x1: i32, y1: i32) -> Word {
    Word { id: None, text: text.into(), bbox: Some(BBox { x0, y0, x1, y1 }), confidence: None }
}

/// A page of one block holding `lines`, none with ids or boxes of its own.
pub(super) fn one_block(lines: Vec<TextLine>) -> OcrPage {
    OcrPage { id: None, size: None, blocks: vec![Block { id: None, bbox: None, lines }] }
}

/// An OCR line of `words`, without id or box of its own.
pub(super) fn line_of(words: Vec<Word>) -> TextLine {
    TextLine { id: None, bbox: None, words }
}

pub(super) fn atom(text: &str, x0: i32, x1: i32, line: usize, tall: bool) -> Atom {
    let bbox = BBox { x0, y0: 0, x1, y1: 60 };
    Atom {
        text: text.into(),
        bbox,
        line,
        word: 0,
        block: 0,
        strong: true,
        line_size: 60.0,
        tall,
        boxed_as_headline: false,
        on_rule: false,
    }
}

/// An atom with a whole box, on the line numbered by its top.
pub(super) fn placed(text: &str, x0: i32, y0: i32, x1: i32, y1: i32, tall: bool) -> Atom {
    Atom { bbox: BBox { x0, y0, x1, y1 }, ..atom(text, x0, x1, y0 as usize, tall) }
}

/// An atom with a whole box on line `line`, its line not yet measured.
pub(super) fn on_line(text: &str, x0: i32, y0: i32, x1: i32, y1: i32, line: usize) -> Atom {
    Atom { bbox: BBox { x0, y0, x1, y1 }, line_size: 0.0, ..atom(text, x0, x1, line, false) }
}

/// Two Latin columns of twenty rows glued row by row (psm 4), a 30 px
/// gutter; in row 10 the left column's last word box reaches 25 px into
/// the gutter and is `intruder_height` high.
pub(super) fn latin_columns_with_an_intruder(intruder_height: i32) -> OcrPage {
    let lines = (0..20)
        .map(|row| {
            let y = row * 30;
            let (reach, height) = if row == 10 { (175, intruder_height) } else { (150, 20) };
            line_of(vec![
                word(&format!("left{row}"), 0, y, 100, y + 20),
                word("end", 110, y + 20 - height, reach, y + 20),
                word(&format!("right{row}"), 180, y, 330, y + 20),
            ])
        })
        .collect();
    one_block(lines)
}

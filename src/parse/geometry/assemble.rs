//! The page put together: measured regions in, a [`Page`] out.
//!
//! In: the regions of the cut, read headline by headline, each with its
//! printed lines, their extents and headline type (see
//! [`super::measure_lines`] and [`super::settle_headline_type`]); then the
//! page's column rules and its words without coordinates. Out: the
//! [`Page`] every later stage shares, its roles settled (step 4 of the
//! module doc, see [`settle_roles`]) and its language found. Why a stage of
//! its own: the page's lines, blocks and regions are built in one pass
//! whose bookkeeping (a block closed where the next opens, one headline
//! flag per piece, one size and one smeared flag per line) is the same for
//! the placed text, the rules and the unboxed words.

use std::ops::Range;

use super::lines::{join_words, pieces_of_line};
use super::roles::settle_roles;
use super::{
    has_square_glyph, height, is_rule_mark, printed_line_size, Atom, BBox, MeasuredRegion, PageWords,
    BLOCK_PITCH,
};
use crate::parse::chars::cells;
use crate::parse::{classify, Gap, Line, Page, Piece, Role, Script, SourceSpan};

/// A page being put together, with what [`settle_roles`] reads beside it.
pub(super) struct Assembly {
    page: Page,
    /// Per piece, whether its line is set in headline type.
    tall: Vec<bool>,
    /// Per printed line of the placed text, whether it holds only CJK
    /// glyphs smeared along it (see [`has_square_glyph`]): no heading,
    /// whatever its text's shape.
    smeared: Vec<bool>,
    /// Per printed line of the placed text, its glyph size (see
    /// [`printed_line_size`]).
    sizes: Vec<f32>,
    /// The pieces of the column rules (see [`Assembly::push_rule_marks`]).
    rule_pieces: Range<usize>,
}

impl Assembly {
    /// An empty page numbered `index` in `script`.
    pub(super) fn new(index: usize, script: Script) -> Self {
        Assembly {
            page: Page::empty(index, script),
            tall: Vec::new(),
            smeared: Vec::new(),
            sizes: Vec::new(),
            rule_pieces: 0..0,
        }
    }

    /// Closes the page's last block (if any) at its last line, and opens
    /// an empty one after it.
    fn open_block(&mut self) {
        self.close_block();
        self.page.blocks.push(self.page.lines.len()..self.page.lines.len());
    }

    /// Closes the page's last block (if any) at its last line.
    fn close_block(&mut self) {
        if let Some(last) = self.page.blocks.last_mut() {
            last.end = self.page.lines.len();
        }
    }

    /// Appends the measured regions as the page's regions, in their order,
    /// each printed line as a line of the page. Inside a region a block
    /// ends where the next line stands more than [`BLOCK_PITCH`] body line
    /// pitches (`pitch`) below, centre to centre (a paragraph gap, a
    /// subhead's space), or where headline type starts or stops (a headline
    /// above its body); between two headline lines only at a gap as high
    /// as a line of theirs (a headline's lines are set further apart than
    /// the body's).
    pub(super) fn push_regions(&mut self, words: &PageWords, regions: Vec<MeasuredRegion>, pitch: f32) {
        let atoms = &words.atoms;
        let headline_glyph = words.headline_ratio * words.glyph;
        let centre = |b: &BBox| (b.y0 + b.y1) as f32 / 2.0;
        for (lines, measured) in regions {
            let first_line = self.page.lines.len();
            for (index, line) in lines.into_iter().enumerate() {
                let (extent, is_tall) = measured[index];
                let new_block = index == 0 || {
                    let (above, above_tall) = measured[index - 1];
                    if is_tall && above_tall {
                        (extent.y0 - above.y1) as f32 > height(&extent).min(height(&above))
                    } else {
                        centre(&extent) - centre(&above) > BLOCK_PITCH * pitch || is_tall != above_tall
                    }
                };
                if new_block {
                    self.open_block();
                }
                self.smeared
                    .push(words.script == Script::Cjk && !has_square_glyph(atoms, &line, headline_glyph));
                self.sizes.push(printed_line_size(words, &line));
                self.push_line(atoms, &line, is_tall);
            }
            self.page.regions.push(first_line..self.page.lines.len());
        }
    }

    /// Appends the page's column rules read as bars (see [`is_rule_mark`])
    /// in file order, a block of their own, one line per OCR line: they
    /// stand in no column's text, and [`Assembly::finish`] makes them
    /// fragments of no article.
    pub(super) fn push_rule_marks(&mut self, atoms: &[Atom]) {
        let rules: Vec<usize> = (0..atoms.len()).filter(|&a| is_rule_mark(&atoms[a].text)).collect();
        let first_rule_piece = self.page.pieces.len();
        if !rules.is_empty() {
            self.open_block();
            for line in rules.chunk_by(|&a, &b| atoms[a].line == atoms[b].line) {
                self.push_line(atoms, line, false);
            }
        }
        self.rule_pieces = first_rule_piece..self.page.pieces.len();
    }

    /// Appends the words without any coordinates (`unboxed`), kept in file
    /// order in a block of their own, one line per OCR line: nothing is
    /// dropped, though nothing places them.
    pub(super) fn push_unboxed(&mut self, unboxed: &[Atom]) {
        if unboxed.is_empty() {
            return;
        }
        self.open_block();
        let all: Vec<usize> = (0..unboxed.len()).collect();
        for line in all.chunk_by(|&a, &b| unboxed[a].line == unboxed[b].line) {
            self.push_line(unboxed, line, false);
        }
    }

    /// The finished page: its last block closed, its pieces' roles settled
    /// (see [`settle_roles`]; lines appended after the placed text count as
    /// not smeared and of the body glyph size `glyph`), its language found.
    pub(super) fn finish(mut self, glyph: f32) -> Page {
        self.close_block();
        let lines = self.page.lines.len();
        self.smeared.resize(lines, false);
        self.sizes.resize(lines, glyph);
        settle_roles(&mut self.page, &self.tall, &self.smeared, &self.sizes, self.rule_pieces);
        self.page.find_language();
        self.page
    }

    /// Appends the printed line `words` (indices into `atoms`) as one line
    /// of the page's last block, cut into pieces where its words stand
    /// apart (see [`pieces_of_line`]); each piece carries its provenance
    /// (OCR line and word range), its box, and `is_tall` for its headline
    /// type; a credit line is a byline from the start.
    fn push_line(&mut self, atoms: &[Atom], words: &[usize], is_tall: bool) {
        let page = &mut self.page;
        let line_index = page.lines.len();
        let block = page.blocks.len().saturating_sub(1);
        let first_piece = page.pieces.len();
        for (slot, piece) in pieces_of_line(atoms, words).into_iter().enumerate() {
            let text = join_words(atoms, &piece);
            let byline = classify::is_byline(&text);
            let first = &atoms[piece[0]];
            let last = &atoms[*piece.last().expect("pieces are never empty")];
            let boxed = first.bbox.x1 > first.bbox.x0 || first.bbox.y1 > first.bbox.y0;
            page.pieces.push(Piece {
                cells: cells(&text),
                text,
                span: SourceSpan { line: first.line, start: first.word, end: last.word + 1 },
                line: line_index,
                slot,
                block,
                gap: if slot == 0 { Gap::LineStart } else { Gap::Cut },
                role: if byline { Role::Byline } else { Role::Body },
                bbox: boxed
                    .then(|| piece.iter().map(|&a| atoms[a].bbox).reduce(BBox::union).expect("non-empty")),
            });
            self.tall.push(is_tall);
        }
        let number = atoms[words[0]].line;
        page.lines.push(Line { number, pieces: first_piece..page.pieces.len(), block });
    }
}

//! From word ranges back to pieces.
//!
//! In: a line's pieces and the word ranges it is cut into. Out: the pieces
//! cut at those ranges, the gutter spaces between them in none, a part
//! that is a credit labelled a byline ([`cut_piece`]); and a line's pieces
//! joined again into one ([`whole_line`]). Why: the Latin cutters (this
//! one and the headline rows') reason about words in line positions,
//! while the page holds pieces.

use std::ops::Range;

use super::super::part;
use super::word::Word;
use crate::parse::classify::is_byline;
use crate::parse::{Gap, Page, Piece, Role};

/// The pieces of one OCR line joined again into one piece, the spaces
/// between them restored.
pub(in crate::parse::glued) fn whole_line(pieces: &[Piece]) -> Piece {
    let mut whole = pieces[0].clone();
    for piece in &pieces[1..] {
        let spaces = piece.span.start.saturating_sub(whole.span.end);
        whole.text.push_str(&" ".repeat(spaces));
        whole.text.push_str(&piece.text);
        whole.span.end = piece.span.end;
    }
    whole.cells = crate::parse::chars::cells(&whole.text);
    whole
}

/// Cuts a piece into the given word ranges; the spaces between the ranges
/// are the gutter and belong to no piece. A column's part of a glued row
/// may be a credit line of its own ("By Jane Doe", "APA, 30.4.2016"), as a
/// part a wider gutter sets apart is (see `parse::piece::split_line`).
pub(in crate::parse::glued) fn cut_piece(
    piece: &Piece,
    words: &[Word],
    ranges: &[Range<usize>],
) -> Vec<Piece> {
    if ranges.len() <= 1 {
        return vec![piece.clone()];
    }
    let chars: Vec<char> = piece.text.chars().collect();
    let local = |position: usize| position - piece.span.start;
    ranges
        .iter()
        .enumerate()
        .map(|(index, range)| {
            let mut cut =
                part(piece, &chars, local(words[range.start].start), local(words[range.end - 1].end), true);
            if index > 0 {
                cut.gap = Gap::Glued;
            }
            if cut.role == Role::Body && is_byline(&cut.text) {
                cut.role = Role::Byline;
            }
            cut
        })
        .collect()
}

/// Each line's characters, at their positions in the line: its pieces
/// joined again, padded to where the first starts; empty for a line with
/// no pieces.
pub(super) fn line_chars(page: &Page) -> Vec<Vec<char>> {
    page.lines
        .iter()
        .map(|line| {
            let pieces = &page.pieces[line.pieces.clone()];
            if pieces.is_empty() {
                return Vec::new();
            }
            let whole = whole_line(pieces);
            // Character positions in the line: pad to where the first piece starts.
            let mut chars = vec![' '; whole.span.start];
            chars.extend(whole.text.chars());
            chars
        })
        .collect()
}

/// The pieces of one OCR line cut at a line's word ranges, each piece at
/// the ranges that start inside it: a cut never crosses a gutter OCR left.
pub(super) fn cut_pieces(pieces: &[Piece], words: &[Word], ranges: &[Range<usize>]) -> Vec<Piece> {
    let mut out = Vec::new();
    for piece in pieces {
        // The ranges inside this piece: a cut never crosses a gutter OCR left.
        let inside: Vec<Range<usize>> = ranges
            .iter()
            .filter(|r| words[r.start].start >= piece.span.start && words[r.start].start < piece.span.end)
            .cloned()
            .collect();
        out.extend(cut_piece(piece, words, &inside));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::parse::glued::latin::fixtures::*;
    use crate::parse::{parse_page, Role};

    #[test]
    fn a_credit_cut_off_a_glued_row_is_a_byline() {
        let text = "The council said on Monday that the new bridge would open in the spring next year\n\
                    after four years of work and delays caused by floods and the rising costs of steel\n\
                    and concrete. Local traders welcomed it. and the mayor thanked the workers.\n\
                    Traders now hope for many more visitors. Anna Maria Schmidt-Berger, 30.4.2016\n";
        let page = parse_page(text, 0, 1);
        let credit = page.pieces.iter().find(|p| p.text == "Anna Maria Schmidt-Berger, 30.4.2016");
        assert_eq!(credit.map(|p| p.role), Some(Role::Byline), "{:?}", texts(&page));
    }
}

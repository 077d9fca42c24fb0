//! Roles from geometry: a laid-out page in, its pieces' roles settled out.
//!
//! In: the [`Page`] the geometry built, each piece's headline type from
//! glyph size, and the pieces that are column rules. Out: the same page
//! with roles: the text classifier's labels, overruled where glyph size
//! shows better (a tall line is a headline, a short line set in body type
//! inside running text is body), column rules as fragments. Also the one
//! role that needs regions rather than lines: a headline set over columns
//! of its own in body type ([`spanning_heads`]). Why: plain text shows a
//! heading only by its shape; boxes show its size and the space around it.

use super::lines::{join_words, printed_lines};
use super::{Atom, BBox, Page, Role, SPANNING_COLUMN_SHARE, SPANNING_HEAD_GAP, SPANNING_HEAD_LINES};
use crate::parse::chars::ends_sentence;
use crate::parse::classify;

/// Labels the pieces of `page`: the classifier's roles, then glyph height
/// (`tall`, one per piece) over them, then the pieces of column rules
/// (`rule_pieces`) as fragments.
pub(super) fn settle_roles(
    page: &mut Page,
    tall: &[bool],
    smeared: &[bool],
    rule_pieces: std::ops::Range<usize>,
) {
    unseat_misplaced_credits(page);
    // Boxes keep side-by-side headlines apart already.
    let _side_by_side = classify::label_page(page);
    // A line OCR read as glyphs smeared along it shows no printed line's
    // shape: its short text is no heading.
    for piece in &mut page.pieces {
        if smeared[piece.line] && piece.role.is_heading() {
            piece.role = Role::Body;
        }
    }
    // Per line, whether the classifier left all of it body text.
    let body_line: Vec<bool> = page
        .lines
        .iter()
        .map(|line| page.pieces[line.pieces.clone()].iter().all(|p| !p.role.is_heading()))
        .collect();
    for (piece, &is_tall) in page.pieces.iter_mut().zip(tall) {
        // Glyph height is the better headline evidence: a short body line
        // standing alone is not a headline, a tall line is one.
        if is_tall && piece.role != Role::Byline {
            piece.role = Role::Headline;
        } else if piece.role.is_heading() && !is_tall {
            piece.role = if in_running_text(&page.blocks[piece.block], piece.line, &body_line) {
                Role::Body
            } else {
                Role::Subhead
            };
        }
    }
    for piece in &mut page.pieces[rule_pieces] {
        piece.role = Role::Fragment;
    }
}

/// Sets back to body text a piece labelled a byline that does not stand
/// like a credit. A bare list of names (see [`classify::is_name_list`])
/// must stand on a printed line of its own, and not between two lines of
/// one block (it ends a column stretch or stands apart): randomly spaced
/// CJK OCR reads running text as a name list. Any other credit (a credit
/// word, brackets) is unseated only where it stands inside running text:
/// after text on its printed line that ends no sentence, with lines of its
/// block above and below (an abbreviation in brackets, "(ABC)", that OCR
/// set apart from the words before it at a wide space; a credit trailing
/// its article's last sentence follows a sentence end). Why: a byline
/// closes its article.
fn unseat_misplaced_credits(page: &mut Page) {
    for index in 0..page.pieces.len() {
        let piece = &page.pieces[index];
        if piece.role != Role::Byline {
            continue;
        }
        let line = &page.lines[piece.line];
        let block = &page.blocks[line.block];
        let shares_line = line.pieces.len() > 1;
        let between_lines = piece.line > block.start && piece.line + 1 < block.end;
        if !classify::is_name_list(&piece.text) {
            let after_running_text =
                index > line.pieces.start && !ends_sentence(page.pieces[index - 1].text.trim_end());
            if between_lines && after_running_text {
                page.pieces[index].role = Role::Body;
            }
            continue;
        }
        if shares_line || between_lines {
            page.pieces[index].role = Role::Body;
        }
    }
}

/// Regions set as a headline over columns of their own: a few printed
/// lines that do not end a sentence, with two or more narrower regions
/// starting right under them, side by side within their width. A headline
/// need not be set larger than body type (a news agency's wire layout, a
/// tabloid's long headline), but body text never runs across the columns
/// of its own article.
pub(super) fn spanning_heads(atoms: &[Atom], regions: &[Vec<usize>], glyph: f32) -> Vec<bool> {
    let extent = |region: &[usize]| {
        let strong: Vec<usize> = region.iter().copied().filter(|&a| atoms[a].strong).collect();
        let chosen = if strong.is_empty() { region } else { &strong };
        chosen.iter().map(|&a| atoms[a].bbox).reduce(BBox::union).expect("regions are never empty")
    };
    let boxes: Vec<BBox> = regions.iter().map(|r| extent(r)).collect();
    regions
        .iter()
        .enumerate()
        .map(|(index, region)| {
            let head = boxes[index];
            let lines = printed_lines(atoms, region.clone());
            if lines.len() > SPANNING_HEAD_LINES {
                return false;
            }
            let text = lines.last().map(|words| join_words(atoms, words)).unwrap_or_default();
            if ends_sentence(text.trim_end()) {
                return false;
            }
            let width = (head.x1 - head.x0) as f32;
            let columns: Vec<BBox> = boxes
                .iter()
                .enumerate()
                .filter(|&(other, b)| {
                    other != index
                        && b.y0 >= head.y1
                        && ((b.y0 - head.y1) as f32) <= SPANNING_HEAD_GAP * glyph
                        && b.x0 as f32 >= head.x0 as f32 - glyph
                        && b.x1 as f32 <= head.x1 as f32 + glyph
                        && ((b.x1 - b.x0) as f32) < SPANNING_COLUMN_SHARE * width
                })
                .map(|(_, b)| *b)
                .collect();
            columns.iter().any(|a| columns.iter().any(|b| a.x1 <= b.x0))
        })
        .collect()
}

/// True when `line` stands inside running text: body text right above it
/// in its block and a line right below it in its block. The classifier
/// reads a short line after a paragraph end as a heading (in plain text a
/// heading shows only by its shape), but with coordinates a heading set in
/// body type stands apart: a block ends under it (a gap, a change of type).
/// A paragraph's first line, indented and set close between body lines,
/// is body text; a heading's second line (a heading line above it) and a
/// line ending its block keep their role.
pub(super) fn in_running_text(block: &std::ops::Range<usize>, line: usize, body_line: &[bool]) -> bool {
    line > block.start && body_line[line - 1] && line + 1 < block.end
}

//! Roles from geometry: a laid-out page in, its pieces' roles settled out.
//!
//! In: the [`Page`] the geometry built, each piece's headline type from
//! glyph size, and the pieces that are column rules. Out: the same page
//! with roles: the text classifier's labels, overruled where glyph size
//! shows better (a tall line is a headline, a short line set in body type
//! inside running text is body, and so is a CJK column's first line that
//! goes on with its article's text), column rules as fragments. Also the one
//! role that needs regions rather than lines: a headline set over columns
//! of its own in body type ([`spanning_heads`]). Why: plain text shows a
//! heading only by its shape; boxes show its size and the space around it.

use super::lines::{join_words, printed_lines};
use super::{Atom, BBox, Page, Role, SPANNING_COLUMN_SHARE, SPANNING_HEAD_GAP, SPANNING_HEAD_LINES};
use crate::parse::chars::ends_sentence;
use crate::parse::classify;
use crate::parse::Script;

/// Labels the pieces of `page`: the classifier's roles, then glyph height
/// (`tall`, one per piece) over them, then the pieces of column rules
/// (`rule_pieces`) as fragments.
pub(super) fn settle_roles(
    page: &mut Page,
    tall: &[bool],
    smeared: &[bool],
    sizes: &[f32],
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
    // Per line, whether it is a column's first line set as body text (on
    // CJK pages; see [`body_at_column_head`]).
    let column_body: Vec<bool> = (0..page.lines.len())
        .map(|line| {
            page.script == Script::Cjk
                && (body_at_column_head(page, line, sizes, tall)
                    || opens_paragraph_under_body_lines(page, line, sizes, tall, &body_line))
        })
        .collect();
    for (piece, &is_tall) in page.pieces.iter_mut().zip(tall) {
        // Glyph height is the better headline evidence: a short body line
        // standing alone is not a headline, a tall line is one.
        if is_tall && piece.role != Role::Byline {
            piece.role = Role::Headline;
        } else if piece.role.is_heading() && !is_tall {
            piece.role = if in_running_text(&page.blocks[piece.block], piece.line, &body_line)
                || column_body[piece.line]
            {
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

/// A CJK paragraph's first line is indented by about two cells (one cell
/// or more, at most this many, in glyph sizes of the lines below)...
const PARAGRAPH_INDENT: std::ops::RangeInclusive<f32> = 1.2..=2.6;
/// ... and runs on to its column's right edge: it ends at most this many
/// glyph sizes short of the lines below it (a full-width mark at a line's
/// end is boxed over half its cell).
const RUNS_TO_EDGE: f32 = 1.0;
/// A line starts flush when it starts at most this many glyph sizes right
/// of its block's usual left edge.
const FLUSH: f32 = 0.5;
/// A headline stands over a column when its foot lies at most this many
/// glyph sizes above the column's first line (or half a glyph below its top).
const HEADLINE_OVER_COLUMN: std::ops::RangeInclusive<f32> = -0.5..=2.0;
/// Columns side by side start level: their first lines' tops lie at most
/// this many glyph sizes apart...
const LEVEL_TOPS: f32 = 1.0;
/// ... and their gutter is at most this many glyph sizes wide.
const BESIDE_GUTTER: f32 = 2.0;

/// The box of `line`'s pieces, if any is boxed.
fn line_box(page: &Page, line: usize) -> Option<BBox> {
    page.pieces[page.lines[line].pieces.clone()].iter().filter_map(|p| p.bbox).reduce(BBox::union)
}

/// The text of `line`, its pieces joined.
fn line_text(page: &Page, line: usize) -> String {
    page.pieces[page.lines[line].pieces.clone()].iter().map(|p| p.text.as_str()).collect()
}

/// A column's first line measured against the lines of its block below it.
struct ColumnHead {
    /// Index of the region (column stretch) it opens.
    region: usize,
    /// Its box.
    own: BBox,
    /// The boxes of its block's lines below it, top to bottom (never empty).
    below: Vec<BBox>,
    /// The glyph size of the lines below (the median of their sizes).
    glyph: f32,
    /// The lines below's usual left and right edges (medians).
    left: f32,
    right: f32,
}

impl ColumnHead {
    /// `line` measured, when it is the first line of both its region and
    /// its block and has lines of its block below it (`sizes`: glyph size
    /// per printed line).
    fn measure(page: &Page, line: usize, sizes: &[f32]) -> Option<Self> {
        let block = &page.blocks[page.lines[line].block];
        if line != block.start || line + 1 >= block.end {
            return None;
        }
        let region = page.regions.iter().position(|r| r.start == line)?;
        let own = line_box(page, line)?;
        let below: Vec<BBox> = (line + 1..block.end).filter_map(|l| line_box(page, l)).collect();
        Some(Self {
            region,
            own,
            glyph: super::median((line + 1..block.end).map(|l| sizes[l]).collect())?,
            left: super::median(below.iter().map(|b| b.x0 as f32).collect())?,
            right: super::median(below.iter().map(|b| b.x1 as f32).collect())?,
            below,
        })
    }

    /// How far (in glyph sizes) `b` starts right of the lines below's left edge.
    fn indent(&self, b: &BBox) -> f32 {
        (b.x0 as f32 - self.left) / self.glyph
    }

    /// True when `b` ends within [`RUNS_TO_EDGE`] of the lines below's right edge.
    fn runs_to_edge(&self, b: &BBox) -> bool {
        (self.right - b.x1 as f32) / self.glyph <= RUNS_TO_EDGE
    }
}

/// True when `line`, a CJK column's first line that the text classifier
/// took for a heading (a pause inside, no sentence end), is body text by
/// its place: it opens a paragraph of the article whose headline runs over
/// the column (see [`opens_paragraph_under_headline`]), or it
/// carries on the sentence the column beside it broke off (see
/// [`continues_left_column`]). Such a line at the top of its block would
/// otherwise stay a subhead and open an article of its own. Per piece,
/// `tall` says whether its line is headline type; `sizes` is the glyph size
/// per printed line.
fn body_at_column_head(page: &Page, line: usize, sizes: &[f32], tall: &[bool]) -> bool {
    let Some(head) = ColumnHead::measure(page, line, sizes) else { return false };
    opens_paragraph_under_headline(page, &head, tall) || continues_left_column(page, line, &head)
}

/// True when the column's first line stands as a paragraph's first line
/// of the article whose headline stands over it: indented by about two
/// cells ([`PARAGRAPH_INDENT`]) and run on to the right edge
/// ([`RUNS_TO_EDGE`]), right under a headline (its lines together, the
/// headline-type lines of one block) that covers the line's start, the
/// column before it in reading order not closed by a byline. Why: a
/// subhead is set flush or centred, never indented and run on to the edge;
/// an article's first column opens with such a paragraph under its own
/// headline as much as a later column under a headline spanning it; a
/// headless column after a byline opens an article whatever its first
/// line's shape.
fn opens_paragraph_under_headline(page: &Page, head: &ColumnHead, tall: &[bool]) -> bool {
    let own = head.own;
    if !PARAGRAPH_INDENT.contains(&head.indent(&own)) || !head.runs_to_edge(&own) {
        return false;
    }
    let after_byline = head.region > 0 && {
        let previous = &page.regions[head.region - 1];
        !previous.is_empty()
            && page.pieces[page.lines[previous.end - 1].pieces.clone()].iter().any(|p| p.role == Role::Byline)
    };
    if after_byline {
        return false;
    }
    let is_tall = |line: usize| {
        let pieces = &page.lines[line].pieces;
        !pieces.is_empty() && tall[pieces.start]
    };
    page.blocks.iter().any(|block| {
        // A headline's lines together: a short last line need not reach
        // over the column that its first line stands over.
        let Some(headline) =
            block.clone().filter(|&l| is_tall(l)).filter_map(|l| line_box(page, l)).reduce(BBox::union)
        else {
            return false;
        };
        let above = (own.y0 - headline.y1) as f32 / head.glyph;
        HEADLINE_OVER_COLUMN.contains(&above) && headline.x0 <= own.x0 && headline.x1 > own.x0
    })
}

/// How many body lines right above a line measure its column's edges (see
/// [`opens_paragraph_under_body_lines`]).
const COLUMN_LINES_ABOVE: usize = 3;
/// A line stands right under another when the space between them is at
/// most this many glyph sizes (a column's line spacing).
const LINE_SPACING: f32 = 1.0;

/// True when `line`, a CJK line in body type that the text classifier
/// took for a heading, opens a paragraph inside running text: right under
/// it (within [`LINE_SPACING`]) stand body lines of its column, and against
/// their edges (the medians of up to [`COLUMN_LINES_ABOVE`] lines, stepping
/// up the column) it is indented by about two cells ([`PARAGRAPH_INDENT`])
/// and runs on to the right edge ([`RUNS_TO_EDGE`]). Why: the cut parts a
/// column at a paragraph's start at times (a gap lined up across the
/// columns, a column's last line), and the indented line then opens a
/// region of its own; a subhead is set flush or centred with space above
/// it, never indented and run on to the edge at the column's line spacing.
/// `tall` (per piece) and `body_line` (per line) say which lines above are
/// body text.
fn opens_paragraph_under_body_lines(
    page: &Page,
    line: usize,
    sizes: &[f32],
    tall: &[bool],
    body_line: &[bool],
) -> bool {
    let Some(own) = line_box(page, line) else { return false };
    let is_body = |index: usize| {
        let pieces = &page.lines[index].pieces;
        !pieces.is_empty() && body_line[index] && !tall[pieces.start]
    };
    // The nearest body line right above `b` in its column.
    let right_above = |b: &BBox, glyph: f32| {
        (0..page.lines.len())
            .filter(|&other| other != line && is_body(other))
            .filter_map(|other| line_box(page, other).map(|a| (other, a)))
            .filter(|(_, a)| {
                let overlap = a.x1.min(b.x1) - a.x0.max(b.x0);
                let narrower = (a.x1 - a.x0).min(b.x1 - b.x0);
                a.y1 <= b.y1
                    && a.y0 < b.y0
                    && 2 * overlap > narrower
                    && ((b.y0 - a.y1) as f32) <= LINE_SPACING * glyph
            })
            .max_by_key(|(_, a)| a.y1)
    };
    let mut column: Vec<(usize, BBox)> = Vec::new();
    let mut lowest = own;
    while column.len() < COLUMN_LINES_ABOVE {
        let glyph = column.first().map_or(sizes[line], |&(l, _)| sizes[l]);
        let Some((above, b)) = right_above(&lowest, glyph) else { break };
        column.push((above, b));
        lowest = b;
    }
    if column.is_empty() {
        return false;
    }
    let (Some(glyph), Some(left), Some(right)) = (
        super::median(column.iter().map(|&(l, _)| sizes[l]).collect()),
        super::median(column.iter().map(|(_, b)| b.x0 as f32).collect()),
        super::median(column.iter().map(|(_, b)| b.x1 as f32).collect()),
    ) else {
        return false;
    };
    let indent = (own.x0 as f32 - left) / glyph;
    PARAGRAPH_INDENT.contains(&indent) && (right - own.x1 as f32) / glyph <= RUNS_TO_EDGE
}

/// True when the column's first line carries on the text of the column
/// beside it on the left: that column starts level with it (within
/// [`LEVEL_TOPS`], a gutter of at most [`BESIDE_GUTTER`] apart), its last
/// line runs on to its right edge and ends no sentence; the line runs on to
/// the right edge itself and the line below it goes on flush ([`FLUSH`])
/// and full. Why: a sentence broken at a column's foot goes on at the next
/// column's head, flush and full; a subhead at a column's head follows a
/// column that ended its text, and under it a paragraph opens indented (or
/// its own short last line follows).
fn continues_left_column(page: &Page, line: usize, head: &ColumnHead) -> bool {
    let own = head.own;
    let next = head.below[0];
    if !head.runs_to_edge(&own) || !head.runs_to_edge(&next) || head.indent(&next) > FLUSH {
        return false;
    }
    page.regions.iter().any(|region| {
        if region.is_empty() || region.contains(&line) {
            return false;
        }
        let boxes: Vec<BBox> = region.clone().filter_map(|l| line_box(page, l)).collect();
        let (Some(first), Some(last)) = (boxes.first(), boxes.last()) else { return false };
        let Some(column_right) = super::median(boxes.iter().map(|b| b.x1 as f32).collect()) else {
            return false;
        };
        let gutter = (own.x0 as f32 - column_right) / head.glyph;
        (0.0..=BESIDE_GUTTER).contains(&gutter)
            && ((first.y0 - own.y0) as f32 / head.glyph).abs() <= LEVEL_TOPS
            && (column_right - last.x1 as f32) / head.glyph <= RUNS_TO_EDGE
            && !ends_sentence(line_text(page, region.end - 1).trim_end())
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::*;
    use super::*;
    use crate::parse::{Gap, Line, Piece, SourceSpan};

    /// Glyph size of the invented pages below (one cell).
    const CELL: i32 = 40;

    /// A printed line: its text, left edge, top and right edge.
    type Printed = (&'static str, i32, i32, i32);

    /// A page of columns: per region, its printed lines as (text, x0, y0,
    /// x1), one piece each, 40 px high, one block per region; `tall` marks
    /// the regions set in headline type.
    fn page_of(regions: &[(&[Printed], bool)]) -> (Page, Vec<bool>, Vec<f32>) {
        let mut page = Page::empty(0, Script::Cjk);
        let mut tall = Vec::new();
        let mut sizes = Vec::new();
        for &(lines, is_tall) in regions {
            let first = page.lines.len();
            let block = page.blocks.len();
            for &(text, x0, y0, x1) in lines {
                let line = page.lines.len();
                page.pieces.push(Piece {
                    text: text.into(),
                    span: SourceSpan { line: line + 1, start: 0, end: 1 },
                    line,
                    slot: 0,
                    block,
                    gap: Gap::LineStart,
                    cells: text.chars().count() as f32,
                    role: Role::Body,
                    bbox: Some(BBox { x0, y0, x1, y1: y0 + CELL }),
                });
                page.lines.push(Line { number: line + 1, pieces: line..line + 1, block });
                tall.push(is_tall);
                sizes.push(if is_tall { 2.0 * CELL as f32 } else { CELL as f32 });
            }
            page.blocks.push(first..page.lines.len());
            page.regions.push(first..page.lines.len());
        }
        (page, tall, sizes)
    }

    /// A column of full body lines from x 0 to 400, starting at `top`,
    /// shifted right by `x`.
    fn body_column(x: i32, top: i32) -> Vec<Printed> {
        (0..4).map(|row| ("甲乙丙丁戊己庚辛壬癸", x, top + 60 * (row + 1), x + 400)).collect()
    }

    #[test]
    fn an_indented_full_first_line_under_a_headline_spanning_columns_is_body() {
        // A headline over two columns; the right column opens with a
        // paragraph's first line, two cells in and run on to the edge.
        let mut right: Vec<Printed> = vec![("甲乙丙，丁戊己庚辛", 520, 140, 920)];
        right.extend(body_column(440, 140));
        let left = body_column(0, 140);
        let headline: &[Printed] = &[("甲乙丙丁戊己庚辛壬癸", 0, 60, 840)];
        let (page, tall, sizes) = page_of(&[(headline, true), (&left, false), (&right, false)]);
        let first = page.regions[2].start;
        assert!(body_at_column_head(&page, first, &sizes, &tall));
        // Set flush, it may be a subhead.
        let mut flush = right.clone();
        flush[0].1 = 440;
        let (page, tall, sizes) = page_of(&[(headline, true), (&left, false), (&flush, false)]);
        assert!(!body_at_column_head(&page, first, &sizes, &tall));
        // Centred (ending as far from the right edge), it is a subhead.
        let mut centred = right.clone();
        centred[0].3 = 760;
        let (page, tall, sizes) = page_of(&[(headline, true), (&left, false), (&centred, false)]);
        assert!(!body_at_column_head(&page, first, &sizes, &tall));
        // With no headline over its start, the column may open an article
        // of its own.
        let narrow: &[Printed] = &[("甲乙丙丁戊", 600, 60, 840)];
        let (page, tall, sizes) = page_of(&[(narrow, true), (&left, false), (&right, false)]);
        assert!(!body_at_column_head(&page, first, &sizes, &tall));
    }

    #[test]
    fn an_indented_full_first_line_under_its_own_headline_is_body() {
        // A headline over the right column only: the column is its
        // article's first, and its first line opens a paragraph.
        let mut right: Vec<Printed> = vec![("甲乙丙，丁戊己庚辛", 520, 140, 920)];
        right.extend(body_column(440, 140));
        let left = body_column(0, 140);
        let own: &[Printed] = &[("甲乙丙丁戊", 440, 60, 840)];
        let (page, tall, sizes) = page_of(&[(own, true), (&left, false), (&right, false)]);
        assert!(body_at_column_head(&page, page.regions[2].start, &sizes, &tall));
    }

    #[test]
    fn a_headlines_short_last_line_leaves_the_column_under_its_first_line() {
        // A two-line headline over both columns; its short last line ends
        // left of the right column, whose first line opens a paragraph.
        let mut right: Vec<Printed> = vec![("甲乙丙，丁戊己庚辛", 520, 140, 920)];
        right.extend(body_column(440, 140));
        let left = body_column(0, 140);
        let headline: &[Printed] = &[("甲乙丙丁戊己庚辛壬癸", 0, 0, 840), ("甲乙", 0, 50, 200)];
        let (mut page, tall, sizes) = page_of(&[(headline, true), (&left, false), (&right, false)]);
        // Both headline lines in one block (the page builder gives each
        // region one already).
        assert_eq!(page.blocks[0], 0..2);
        let first = page.regions[2].start;
        assert!(body_at_column_head(&page, first, &sizes, &tall));
        // Its lines apart, the last one alone stands over no column.
        page.blocks = vec![0..1, 1..2, 2..6, 6..11];
        for (index, line) in page.lines.iter_mut().enumerate() {
            line.block = page.blocks.iter().position(|b| b.contains(&index)).unwrap();
        }
        let first_below = page.regions[2].start;
        assert!(!body_at_column_head(&page, first_below, &sizes, &tall));
    }

    #[test]
    fn an_indented_full_line_right_under_body_lines_opens_a_paragraph() {
        // A column of body lines, then a paragraph's first line in a block
        // (and region) of its own: indented two cells, run on to the edge.
        let column = body_column(0, 0);
        let opening: &[Printed] = &[("甲乙丙丁，戊己庚辛", 80, 300, 400)];
        let (page, tall, sizes) = page_of(&[(&column, false), (opening, false)]);
        let line = page.regions[1].start;
        let body_line: Vec<bool> = vec![true; page.lines.len()];
        assert!(opens_paragraph_under_body_lines(&page, line, &sizes, &tall, &body_line));
        // Flush, it may be a subhead.
        let flush: &[Printed] = &[("甲乙丙丁，戊己庚辛", 0, 300, 400)];
        let (page, tall, sizes) = page_of(&[(&column, false), (flush, false)]);
        assert!(!opens_paragraph_under_body_lines(&page, line, &sizes, &tall, &body_line));
        // Centred, ending short of the edge, it is a subhead.
        let centred: &[Printed] = &[("甲乙丙丁戊", 80, 300, 320)];
        let (page, tall, sizes) = page_of(&[(&column, false), (centred, false)]);
        assert!(!opens_paragraph_under_body_lines(&page, line, &sizes, &tall, &body_line));
        // With space over it (a band of more than a line), it stands apart.
        let apart: &[Printed] = &[("甲乙丙丁，戊己庚辛", 80, 360, 400)];
        let (page, tall, sizes) = page_of(&[(&column, false), (apart, false)]);
        assert!(!opens_paragraph_under_body_lines(&page, line, &sizes, &tall, &body_line));
    }

    #[test]
    fn an_indented_first_line_after_a_byline_keeps_its_heading_role() {
        let mut right: Vec<Printed> = vec![("甲乙丙，丁戊己庚辛", 520, 140, 920)];
        right.extend(body_column(440, 140));
        let headline: &[Printed] = &[("甲乙丙丁戊己庚辛壬癸", 0, 60, 840)];
        let left = body_column(0, 140);
        let (mut page, tall, sizes) = page_of(&[(headline, true), (&left, false), (&right, false)]);
        let last_of_left = page.regions[1].end - 1;
        page.pieces[last_of_left].role = Role::Byline;
        assert!(!body_at_column_head(&page, page.regions[2].start, &sizes, &tall));
    }

    #[test]
    fn a_flush_first_line_carrying_on_the_left_columns_sentence_is_body() {
        // The left column's last line runs full and ends no sentence; the
        // right column goes on flush and full, and so does its next line.
        let left = body_column(0, 0);
        let mut right: Vec<Printed> = vec![("甲乙丙丁，戊己庚辛壬", 440, 60, 840)];
        right.extend(body_column(440, 60));
        let (page, tall, sizes) = page_of(&[(&left, false), (&right, false)]);
        let first = page.regions[1].start;
        assert!(body_at_column_head(&page, first, &sizes, &tall));
        // After a sentence end at the left column's foot, a subhead may open.
        let mut ended = left.clone();
        ended[3].0 = "甲乙丙丁戊己庚辛壬。";
        let (page, tall, sizes) = page_of(&[(&ended, false), (&right, false)]);
        assert!(!body_at_column_head(&page, first, &sizes, &tall));
        // A paragraph opening indented under it shows a subhead.
        let mut indented = right.clone();
        indented[1].1 = 520;
        let (page, tall, sizes) = page_of(&[(&left, false), (&indented, false)]);
        assert!(!body_at_column_head(&page, first, &sizes, &tall));
        // So does a short second line (a subhead's last).
        let mut short = right.clone();
        short[1].3 = 640;
        let (page, tall, sizes) = page_of(&[(&left, false), (&short, false)]);
        assert!(!body_at_column_head(&page, first, &sizes, &tall));
    }

    #[test]
    fn a_heading_set_between_body_lines_of_one_block_is_running_text() {
        // Lines 0..5 form one block; the classifier made lines 2 and 3
        // headings.
        let body_line = [true, true, false, false, true];
        let block = 0..5;
        // Body above and a line below: a paragraph's first line.
        assert!(in_running_text(&block, 2, &body_line));
        // Under a heading line (a heading's second line), the block's
        // first line and its last line keep their role.
        assert!(!in_running_text(&block, 3, &body_line));
        assert!(!in_running_text(&block, 0, &body_line));
        assert!(!in_running_text(&block, 4, &body_line));
        // A line ending its block (a gap or a change of type under it).
        assert!(!in_running_text(&(0..3), 2, &body_line));
    }

    #[test]
    fn a_region_over_two_columns_of_its_own_is_a_headline() {
        let head = |text: &str| {
            vec![
                placed(text, 0, 0, 600, 40, false),
                placed("left column", 0, 80, 280, 110, false),
                placed("right column", 320, 80, 600, 110, false),
            ]
        };
        let regions = vec![vec![0], vec![1], vec![2]];
        assert_eq!(spanning_heads(&head("Wide Headline Words"), &regions, 30.0), vec![true, false, false]);
        // A lead paragraph across the columns ends a sentence.
        assert_eq!(spanning_heads(&head("A lead paragraph ends."), &regions, 30.0), vec![false; 3]);
        // Over one column only it is that column's first lines.
        assert_eq!(spanning_heads(&head("Wide Headline Words"), &regions[..2], 30.0), vec![false; 2]);
    }
}

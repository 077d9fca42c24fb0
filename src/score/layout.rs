//! Layout signal: which pieces could follow a piece, judged by where they
//! stand in the input.
//!
//! In: a parsed [`Page`]. Out: candidate [`Link`]s "B may continue A", each
//! with the [`Placement`] that suggests it. Why: the layout the text still
//! shows (the piece to the right, the piece in the same column slot one line
//! down, the top of the next column, the start of another block) narrows
//! every piece's successor to a handful; the text signals then choose among
//! those few rather than among all pieces, where they are weak.
//!
//! Cost: every piece gets a bounded number of candidates (block starts are
//! taken from a window of nearby blocks), so scoring grows linearly with the
//! input.

use crate::parse::chars::is_line_end_hyphen;
use crate::parse::classify::{is_dateline_start, is_latin_dateline_start};
use crate::parse::{rules, Gap, Page, Piece, PieceId, Role};

use super::heads::right_bodies_start_higher;

/// How many blocks before and after a piece's own block may hold the start
/// of its continuation. Columns out of order rarely travel further on a page:
/// on the corpus a window of 8 scores as well as one of 24 (dev F1 0.737
/// against 0.736) with half the candidates to score, though it holds
/// slightly fewer gold junctions (98.8% against 99.3%).
pub const BLOCK_WINDOW: usize = 8;

/// Blocks of the same column width offered on each side beyond
/// [`BLOCK_WINDOW`] (bounds the candidates of a page with thousands of
/// blocks).
pub const FAR_BLOCKS: usize = 8;

/// Why a piece is a candidate successor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Placement {
    /// The next piece of the same input line, cut at a line-break space.
    RightBreak,
    /// The next piece of the same input line, across a wide gutter.
    RightGutter,
    /// Two pieces to the right on the same line (two columns interleaved
    /// piece by piece).
    RightSkip,
    /// Same column slot, next input line of the same block.
    Below,
    /// Same column slot, two input lines down (columns interleaved line by
    /// line).
    BelowSkip,
    /// The first piece of the next input line (the plain input order).
    NextLine,
    /// The top of the next column slot of the same block (column wrap).
    ColumnWrap,
    /// The first piece, or a slot's first piece, of another block.
    BlockStart,
}

/// A candidate junction before its text is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub from: PieceId,
    pub to: PieceId,
    pub placement: Placement,
    /// True when `to` is the piece right after `from` in input order.
    pub input_next: bool,
}

/// The body piece that stands under a headline of a row of Latin headlines
/// set side by side, where the line below holds a whole multiple of the
/// row's pieces (more than one column under each headline): slot i of n
/// headlines over m columns stands over slot i * m / n. `None` otherwise.
fn over_side_by_side_columns(page: &Page, index: usize) -> Option<usize> {
    let piece = &page.pieces[index];
    let line = &page.lines[piece.line];
    let headlines = line.pieces.len();
    let row = &page.pieces[line.pieces.clone()];
    if page.is_cjk() || headlines < 2 || !row.iter().all(|p| p.role == Role::Headline) {
        return None;
    }
    // Where the right-hand articles' bodies start a line higher, the first
    // headline stands over the first full row. (The others over their
    // first column's piece on the short line: dev ocr-en-023 0.822 ->
    // 0.734.)
    if let Some(full) = right_bodies_start_higher(page, piece.line).filter(|_| piece.slot == 0) {
        return Some(page.lines[full].pieces.start);
    }
    let below = page.lines.get(piece.line + 1)?;
    let columns = below.pieces.len();
    let body = page.pieces[below.pieces.clone()].iter().all(|p| !p.role.is_heading());
    // The first headline stands over the first column whatever the
    // others' share; the others' columns are known only where each article
    // takes as many.
    let known = piece.slot == 0 || columns % headlines == 0;
    (body && columns > headlines && known).then(|| below.pieces.start + piece.slot * (columns / headlines))
}

/// The piece that a piece of a line holding only the right-hand articles'
/// first lines ([`right_bodies_start_higher`]) goes on in: its piece j
/// stands over column (full - short + j) of the full row below.
fn short_row_goes_on(page: &Page, index: usize) -> Option<usize> {
    let piece = &page.pieces[index];
    let row = piece.line.checked_sub(1)?;
    let full = &page.lines[right_bodies_start_higher(page, row)?];
    let short = page.lines[piece.line].pieces.len();
    Some(full.pieces.start + full.pieces.len() - short + piece.slot)
}

/// For each line, the range of lines of its *glue group*: the run of
/// consecutive lines (blank lines between them allowed) holding the same
/// number of pieces. Side-by-side columns glued line by line form such a run;
/// its last line is where each column wraps to the top of the next.
pub fn glue_groups(page: &Page) -> Vec<std::ops::Range<usize>> {
    let mut groups = vec![0..0; page.lines.len()];
    let mut start = 0;
    for index in 1..=page.lines.len() {
        let same =
            index < page.lines.len() && page.lines[index].pieces.len() == page.lines[start].pieces.len();
        if !same {
            for group in &mut groups[start..index] {
                *group = start..index;
            }
            start = index;
        }
    }
    groups
}

/// True when lines `a` and `b` of a Latin page are both cut by the glued-
/// column cutter into as many pieces: that cutter already judged them rows
/// of side-by-side columns, so each slot continues in the same slot below,
/// whatever their widths say. Two columns ending a paragraph on the same
/// row (short lines in two slots) fail [`Page::rows_alike`], which left
/// those columns only the first piece of the next line (dev ocr-en-003
/// 0.608 -> 0.773). CJK runs cut at the column width may be one column's
/// lines written on one line, so there the widths still decide.
///
/// A line whose other gutters OCR read as column rules ("|") is such a row
/// too, so long as the cutter cut it somewhere: a ruled page's rules show
/// on some lines and not on others, and where the row holds more than
/// four columns, or OCR saw a different number of rules on the two lines,
/// neither [`Page::rows_alike`] nor [`rules::rule_aligned`] pairs the
/// slots, and a column's line went on only to the first piece of the
/// line below. Lines cut at rules alone stay with the rule placement.
/// (Dev: ocr-en-020, two articles of two and three ruled columns side by
/// side, 0.359 -> 0.494; ocr-de-006 0.580 -> 0.724; ocr-en-014 0.627 ->
/// 0.631. Taking lines cut at rules alone as well: ocr-en-014 0.581.
/// Asking the rule placement first: ocr-en-020 0.435, ocr-de-006 0.604.)
fn glued_rows(page: &Page, a: usize, b: usize) -> bool {
    let cut_as_columns = |line: usize| {
        page.lines.get(line).map(|l| &page.pieces[l.pieces.clone()]).filter(|pieces| {
            let gutters = pieces.get(1..).unwrap_or_default();
            !gutters.is_empty()
                && gutters.iter().all(|p| matches!(p.gap, Gap::Glued | Gap::Rule))
                && gutters.iter().any(|p| p.gap == Gap::Glued)
        })
    };
    match (cut_as_columns(a), cut_as_columns(b)) {
        (Some(x), Some(y)) => !page.is_cjk() && x.len() == y.len(),
        _ => false,
    }
}

/// Fewest pieces on each of two lines for [`glued_cjk_columns`] to read
/// them as rows of glued columns.
const GLUED_CJK_ROW: usize = 3;

/// How far (in characters) a column's start may drift from one glued
/// Chinese row to the next in [`glued_cjk_columns`]: OCR writes one space
/// for a gutter, none where it glued two columns, and a wide character it
/// misread as two narrow ones moves the rest of the line by one.
const GLUED_CJK_DRIFT: usize = 2;

/// Fewest cells of each of the two pieces [`glued_cjk_columns`] pairs: a
/// column's line, not a speck or a lone mark OCR split off.
const GLUED_CJK_CELLS: f32 = 4.0;

/// True when pieces `from` and `to`, on two lines of a CJK page that each
/// hold [`GLUED_CJK_ROW`] or more pieces, are both cut from their line's
/// left part at a space (neither starts its line) and are wide enough to be
/// a column's line. Chinese columns are set in a fixed number of equally
/// wide characters, and OCR writes one space where a gutter was, so on
/// rows of glued columns each column starts at about the same character
/// position line after line even where the gutter is a single space. The
/// caller takes the piece nearest that position, within
/// [`GLUED_CJK_DRIFT`]; this says where positions may be trusted. It matters
/// where two rows hold different numbers of pieces (a punctuation mark OCR
/// split off behind a space, a column whose line is missing), which
/// [`Page::rows_alike`] refuses, leaving every column but the first without
/// its line below.
fn glued_cjk_columns(page: &Page, from: usize, to: usize) -> bool {
    let (a, b) = (&page.pieces[from], &page.pieces[to]);
    let (la, lb) = (&page.lines[a.line], &page.lines[b.line]);
    let reach = |l: &crate::parse::Line| page.pieces[l.pieces.end - 1].span.end;
    let (ra, rb) = (reach(la), reach(lb));
    // Rows of one set of columns: input lines next to each other, with
    // about as many pieces, reaching about as far. A column's lines written
    // one after another on one input line, cut at line-break spaces, make
    // lines of the same build, but each is a paragraph, and paragraphs are
    // set apart by blank lines.
    let rows = lb.number == la.number + 1
        && la.pieces.len().min(lb.pieces.len()) >= GLUED_CJK_ROW
        && la.pieces.len().abs_diff(lb.pieces.len()) <= 1
        && 10 * ra.min(rb) >= 9 * ra.max(rb);
    page.is_cjk()
        && rows
        && a.gap != Gap::LineStart
        && b.gap != Gap::LineStart
        && a.cells >= GLUED_CJK_CELLS
        && b.cells >= GLUED_CJK_CELLS
}

/// Most pieces a line may hold for [`column_below`] to read it as a row of
/// glued columns (five moved more dev pages, down as well as up).
const COLUMN_ROW_MAX_PIECES: usize = 4;

/// Cells of print one space of a gutter stands for. Tesseract writes a
/// wide gap on a Chinese line as many spaces, one for about 0.7 of a
/// character's width (measured on dev pages against their word boxes:
/// 0.68 to 0.75 across a skipped column).
const SPACE_CELLS: f32 = 0.7;

/// Per piece of a line, its column counted from the left edge, where a
/// gutter wide enough to hold a whole column more than the line before it
/// left blank counts the columns it skipped; `width` is the column width
/// in cells. A short piece after a wide gap (a byline set flush right in
/// its column) skips nothing.
fn column_slots(page: &Page, line: &crate::parse::Line, width: f32) -> Vec<usize> {
    let mut slots = Vec::with_capacity(line.pieces.len());
    let mut column = 0;
    let mut previous: Option<&Piece> = None;
    for piece in &page.pieces[line.pieces.clone()] {
        let (spaces, blank_before, gutter) = match previous {
            Some(p) => (piece.span.start.saturating_sub(p.span.end), (width - p.cells).max(0.0), 1.0),
            None => (piece.span.start, 0.0, 0.0),
        };
        let missing = spaces as f32 * SPACE_CELLS - blank_before - gutter;
        if missing > 0.5 * width && piece.cells >= 0.5 * width {
            column += (missing / (width + 1.0)).round().max(1.0) as usize;
        }
        slots.push(column);
        column += 1;
        previous = Some(piece);
    }
    slots
}

/// The piece of line `below` in the same printed column as piece `from`,
/// where both lines are body rows of glued Chinese columns in one block
/// that do not pair slot by slot: `None` otherwise.
///
/// Why: OCR drops a column's line from a glued row (it put it on the row
/// above or below, or read it as noise), or puts a speck before the first
/// column, so two rows of the same columns hold different numbers of
/// pieces, and slot i of one is not slot i of the other; the column's next
/// line then had no candidate below it at all. Where a gutter's spaces
/// show a skipped column, columns are counted with it; else, where the
/// rows' widths pair better counted from the right end than from the left
/// (the extra pieces stand at the left), slots are counted from the right.
fn column_below(page: &Page, from: usize, below: usize) -> Option<usize> {
    let line = &page.lines[page.pieces[from].line];
    let below = page.lines.get(below)?;
    let row = |n: usize| (1..=COLUMN_ROW_MAX_PIECES).contains(&n);
    if !page.is_cjk()
        || !row(line.pieces.len())
        || !row(below.pieces.len())
        || line.pieces.len() + below.pieces.len() < 3
        || line.block != below.block
    {
        return None;
    }
    let (upper, lower) = (&page.pieces[line.pieces.clone()], &page.pieces[below.pieces.clone()]);
    // A headline spans several columns; its row says nothing of theirs.
    if upper.iter().chain(lower).any(|p| p.role.is_heading()) {
        return None;
    }
    let width = upper.iter().chain(lower).map(|p| p.cells).fold(0.0, f32::max);
    let (up, low) = (column_slots(page, line, width), column_slots(page, below, width));
    let skips = |slots: &[usize]| slots.iter().enumerate().any(|(i, &s)| s != i);
    if skips(&up) || skips(&low) {
        let column = up[from - line.pieces.start];
        return low.iter().position(|&c| c == column).map(|i| below.pieces.start + i);
    }
    if line.pieces.len() == below.pieces.len() || line.pieces.len() < 2 || below.pieces.len() < 2 {
        return None;
    }
    let alike = |x: &Piece, y: &Piece| (x.cells - y.cells).abs() <= 0.3 * x.cells.max(y.cells);
    let from_left = upper.iter().zip(lower).filter(|(x, y)| alike(x, y)).count();
    let from_right = upper.iter().rev().zip(lower.iter().rev()).filter(|(x, y)| alike(x, y)).count();
    let from_end = line.pieces.end - 1 - from;
    (from_right > from_left && from_end < below.pieces.len()).then(|| below.pieces.end - 1 - from_end)
}

/// Share of the widest piece on two Chinese rows that both pieces of a
/// [`column_by_position`] link must reach: a column's line, or most of
/// one, not a speck, a split-off mark or a paragraph's short last line,
/// whose positions say little (specks stand anywhere in an ended column's
/// place).
const POSITION_PIECE_SHARE: f32 = 0.4;

/// Share of the narrower of the two pieces that a [`column_by_position`]
/// link's pieces must have above one another.
const POSITION_OVERLAP: f32 = 0.5;

/// Fewest printed lines a [`paragraph_line`] holds before its last.
const PARAGRAPH_LINE_FULL_PIECES: usize = 4;

/// Most cells the full printed lines of a [`paragraph_line`] differ by.
const PARAGRAPH_LINE_CELL_SPREAD: f32 = 2.0;

/// Whether a line is one paragraph written on one input line, its printed
/// lines cut at line-break spaces: at least
/// [`PARAGRAPH_LINE_FULL_PIECES`] full pieces all of one width (within
/// [`PARAGRAPH_LINE_CELL_SPREAD`] cells: the lines of one column), then a
/// last piece no wider (the paragraph's last line, short or full).
/// Side-by-side columns are seldom that many and that alike, and OCR'd
/// rows carry specks and split marks between them.
pub(crate) fn paragraph_line(page: &Page, line: usize) -> bool {
    let Some(line) = page.lines.get(line) else { return false };
    let Some((last, full)) = page.pieces[line.pieces.clone()].split_last() else { return false };
    let widest = full.iter().map(|p| p.cells).fold(0.0, f32::max);
    let narrowest = full.iter().map(|p| p.cells).fold(f32::INFINITY, f32::min);
    full.len() >= PARAGRAPH_LINE_FULL_PIECES
        && widest - narrowest <= PARAGRAPH_LINE_CELL_SPREAD
        && last.cells <= widest + PARAGRAPH_LINE_CELL_SPREAD
}

/// Whether lines `upper` and `lower` are two paragraphs each written on
/// its own line ([`paragraph_line`]), each alone in its block (a blank
/// line around it) and with different counts of pieces: their first
/// pieces are the first printed lines of two paragraphs, not one column's
/// lines on two rows of glued columns (rows of one block hold one count of
/// columns; real OCR sets glued rows in blocks of many lines).
fn paragraph_then_another(page: &Page, upper: usize, lower: usize) -> bool {
    let (Some(a), Some(b)) = (page.lines.get(upper), page.lines.get(lower)) else { return false };
    let alone = |line: &crate::parse::Line| page.blocks.get(line.block).is_some_and(|lines| lines.len() == 1);
    alone(a)
        && alone(b)
        && a.block != b.block
        && a.pieces.len() != b.pieces.len()
        && paragraph_line(page, upper)
        && paragraph_line(page, lower)
}

/// Display columns `[start, end)` of each piece of a line: a wide
/// character takes two, anything else one, and so does every space OCR
/// wrote before a piece (its leading and gutter spaces). Chinese print
/// sets columns in equally wide characters, so where OCR kept a line's
/// padding these columns say where on the printed line a piece stood,
/// whichever slot it takes.
fn display_columns(page: &Page, line: &crate::parse::Line) -> Vec<(f32, f32)> {
    let mut columns = Vec::with_capacity(line.pieces.len());
    let mut at = 0.0;
    let mut previous_end = 0;
    for piece in &page.pieces[line.pieces.clone()] {
        at += piece.span.start.saturating_sub(previous_end) as f32;
        let start = at;
        at += 2.0 * piece.cells;
        columns.push((start, at));
        previous_end = piece.span.end;
    }
    columns
}

/// The piece of line `below` standing most under body piece `from`, by
/// display columns ([`display_columns`]), on a Chinese page where the two
/// lines are rows of one block and one of them holds several pieces:
/// `None` where none overlaps [`POSITION_OVERLAP`] of the narrower, or
/// either piece is narrower than [`POSITION_PIECE_SHARE`] of the widest
/// piece on the two rows.
///
/// Why: on glued rows a column that ended leaves its slot empty or to
/// specks, a line cut into one more piece at an inner space, a headline
/// across columns all shift the slots from one row to the next, and the
/// slot-wise links (rows alike, rules, starts a character apart, counts
/// from the right) then offer no piece below at all. The caller offers
/// this one only there, as the column's `Below`, and the text scores
/// choose.
fn column_by_position(page: &Page, from: usize, below: usize) -> Option<usize> {
    let piece = &page.pieces[from];
    let line = &page.lines[piece.line];
    let lower = page.lines.get(below)?;
    if !page.is_cjk() || line.block != lower.block || line.pieces.len().max(lower.pieces.len()) < 2 {
        return None;
    }
    let rows = || page.pieces[line.pieces.clone()].iter().chain(&page.pieces[lower.pieces.clone()]);
    let least = POSITION_PIECE_SHARE * rows().map(|p| p.cells).fold(0.0, f32::max);
    let column_line = |p: &Piece| p.role == Role::Body && p.cells >= least;
    if !column_line(piece) {
        return None;
    }
    let (start, end) = display_columns(page, line)[piece.slot];
    display_columns(page, lower)
        .into_iter()
        .zip(lower.pieces.clone())
        .filter(|&(_, index)| column_line(&page.pieces[index]))
        .map(|((s, e), index)| (e.min(end) - s.max(start), (e - s).min(end - start), index))
        .filter(|&(overlap, narrower, _)| overlap > 0.0 && overlap >= POSITION_OVERLAP * narrower)
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, _, index)| index)
}

/// All candidate successors of every piece of the page, without duplicates
/// (a pair suggested twice keeps its first, most specific placement).
pub fn candidates(page: &Page) -> Vec<Link> {
    let vocabulary = super::latin::Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
    let alternation = super::alternation::alternation(page, &vocabulary);
    let heading_datelines = super::heads::heading_datelines(page);
    candidates_with(
        page,
        &vocabulary,
        &super::width::block_widths(page),
        &[],
        &alternation,
        &heading_datelines,
    )
}

/// [`candidates`], given the page's vocabulary, block widths and the
/// datelines under side-by-side headline rows, which the scorer has
/// already worked out for its signals (building them again cost as much as
/// a tenth of a Latin page's scoring).
pub fn candidates_with(
    page: &Page,
    vocabulary: &super::latin::Vocabulary,
    block_widths: &[Option<f32>],
    stream_next: &[Option<usize>],
    alternation: &super::alternation::Alternation,
    heading_datelines: &[(PieceId, PieceId, f32)],
) -> Vec<Link> {
    let groups = glue_groups(page);
    // Where a dateline opens an article's first paragraph, its headline
    // may stand anywhere on the page (OCR layout analysis moves headlines
    // out of their column); datelines are few, so every headline gets them
    // all.
    let datelines: Vec<usize> = if page.is_cjk() {
        (0..page.pieces.len()).filter(|&i| is_dateline_start(&page.pieces[i].text)).collect()
    } else {
        (0..page.pieces.len())
            .filter(|&i| {
                page.pieces[i].role == crate::parse::Role::Body
                    && is_latin_dateline_start(&page.pieces[i].text)
            })
            .collect()
    };
    let mut line_has_dateline = vec![false; page.lines.len()];
    for &dateline in &datelines {
        line_has_dateline[page.pieces[dateline].line] = true;
    }
    // The datelines below a row of side-by-side headlines, for each of its
    // headings (see [`super::heads`]).
    let mut row_datelines: Vec<Vec<usize>> = vec![Vec::new(); page.pieces.len()];
    for &(head, dateline, _) in heading_datelines {
        row_datelines[head.0].push(dateline.0);
    }
    // Runs of single printed lines set between paragraph lines: the
    // paragraph's text goes on across them, and neither runs into the other.
    let insets = super::insets::insets(page);
    let inset_of = super::insets::inset_of_lines(page, &insets);
    let mut across_inset: Vec<Option<usize>> = vec![None; page.lines.len()];
    for inset in &insets {
        across_inset[inset.before] = Some(page.lines[inset.after].pieces.start);
    }
    let cjk = page.is_cjk();
    // Line starts that may complete a word broken at a line end anywhere
    // on the page (Latin script only; see the far-break candidates below).
    let no_words = super::latin::Vocabulary::default();
    let vocabulary = if cjk { &no_words } else { vocabulary };
    let line_starts: Vec<usize> = if cjk {
        Vec::new()
    } else {
        page.lines.iter().filter(|l| !l.pieces.is_empty()).map(|l| l.pieces.start).collect()
    };
    // A page set line by line: the stretches of one column width, and for
    // the last line of each, the first lines of the stretches of its width
    // (see the far stretch candidates below).
    let stretches = super::width::line_stretches(page);
    let stretch_widths = super::width::stretch_widths(page, &stretches);
    let mut stretch_reach: Vec<Vec<usize>> = vec![Vec::new(); page.lines.len()];
    for (index, (lines, own)) in stretches.iter().zip(&stretch_widths).enumerate() {
        let Some(own) = *own else { continue };
        let same_width = |other: &usize| {
            stretch_widths[*other]
                .is_some_and(|w| super::width::agreement(own, w) >= super::width::BLOCK_MATCH)
        };
        let before = (0..index).rev().filter(same_width).take(FAR_BLOCKS);
        let after = (index + 1..stretches.len()).filter(same_width).take(FAR_BLOCKS);
        stretch_reach[lines.end - 1] =
            before.chain(after).map(|other| page.lines[stretches[other].start].pieces.start).collect();
    }
    let mut links: Vec<Link> = Vec::new();
    // A piece's candidates are pushed together, so a pair is a duplicate
    // only of a link pushed since this piece's first.
    let mut first_of_piece = 0;
    // Whether the piece being offered its candidates has been offered one
    // as the same column on the next line (see [`column_by_position`]).
    let offered_below = std::cell::Cell::new(false);
    let mut push = |from: usize, to: usize, placement: Placement| {
        let from_piece = PieceId(from);
        if links.last().is_some_and(|l| l.from != from_piece) {
            first_of_piece = links.len();
        }
        if from != to && !links[first_of_piece..].iter().any(|l| l.to.0 == to) {
            if placement == Placement::Below && page.pieces[to].line == page.pieces[from].line + 1 {
                offered_below.set(true);
            }
            links.push(Link { from: from_piece, to: PieceId(to), placement, input_next: to == from + 1 });
        }
    };
    for (index, piece) in page.pieces.iter().enumerate() {
        offered_below.set(false);
        let line = &page.lines[piece.line];
        let slot = piece.slot;
        // Right neighbours on the same line.
        if index + 1 < line.pieces.end {
            let placement = match page.pieces[index + 1].gap {
                Gap::Gutter(_) | Gap::Glued | Gap::Rule => Placement::RightGutter,
                _ => Placement::RightBreak,
            };
            push(index, index + 1, placement);
        }
        if index + 2 < line.pieces.end {
            push(index, index + 2, Placement::RightSkip);
        }
        // Two or three columns interleaved inside space-joined lines: a
        // stream's step along the line (three streams) and across input
        // lines, and a column's end to the next one's start (see
        // [`super::alternation`]).
        for &target in alternation.extra_targets(index) {
            let placement = if page.pieces[target].line == piece.line && target > index {
                // A stream's step over more pieces than the skip above.
                Placement::RightSkip
            } else if page.pieces[target].line == piece.line + 1 || target > index {
                Placement::NextLine
            } else {
                Placement::ColumnWrap
            };
            push(index, target, placement);
        }
        // Headlines of articles set side by side over glued body rows: each
        // article's columns stand under its own headline, so where the row
        // below holds k columns for each headline, headline slot i stands
        // over body slot i * k.
        if let Some(target) = over_side_by_side_columns(page, index) {
            push(index, target, Placement::Below);
        }
        if let Some(target) = short_row_goes_on(page, index) {
            push(index, target, Placement::Below);
        }
        // The lines below, blank lines skipped: the same slot when the line
        // has as many pieces, else the piece starting in the same column.
        for (step, same_slot, first) in
            [(1, Placement::Below, Placement::NextLine), (2, Placement::BelowSkip, Placement::BelowSkip)]
        {
            let Some(below) = page.lines.get(piece.line + step) else { continue };
            let target = below.pieces.clone();
            // Into or out of an inset, the line below is another column.
            let (same_slot, first) = if inset_of[piece.line] == inset_of[piece.line + step] {
                (same_slot, first)
            } else {
                (Placement::BlockStart, Placement::BlockStart)
            };
            if page.rows_alike(piece.line, piece.line + step)
                || glued_rows(page, piece.line, piece.line + step)
            {
                push(index, target.start + slot, same_slot);
            } else if let Some(aligned) = rules::rule_aligned(page, index, piece.line + step) {
                // Lines cut by the same column rules: the piece in the same
                // place after the same rule.
                push(index, aligned, same_slot);
            } else if let Some(aligned) = {
                let starts_a_column = |t: usize| {
                    // Character positions mean columns only where gutters are
                    // padded with spaces, not across line-break spaces.
                    let target_piece = &page.pieces[t];
                    let edge = |gap: Gap| matches!(gap, Gap::Gutter(_)) || gap == Gap::Rule;
                    // The first pieces of two lines that both hold several
                    // columns start the leftmost column, padded from the margin
                    // like the gutters (Chinese pages, where a line-break space
                    // at a line's start is no cue). Unless the line below stops
                    // well short of this one's right end: where the left columns
                    // end, OCR drops the padding and the next column's text
                    // slides to the margin.
                    let reach = |l: &crate::parse::Line| page.pieces[l.pieces.end - 1].span.end;
                    // A paragraph written on one line holds printed lines,
                    // not columns: its first piece starts no column the
                    // next line's first piece could go on.
                    let left_column = cjk
                        && !paragraph_then_another(page, piece.line, piece.line + step)
                        && piece.gap == Gap::LineStart
                        && target_piece.gap == Gap::LineStart
                        && line.pieces.len() >= 2
                        && below.pieces.len() >= 2
                        && 10 * reach(below) >= 7 * reach(line);
                    left_column || (edge(target_piece.gap) && edge(piece.gap))
                };
                // The piece at the same character column. (Display columns,
                // counting wide characters twice, were tried as a fallback:
                // dev F1 0.841 -> 0.840, a glued continuation page lost 0.075.)
                let start = |i: usize| page.pieces[i].span.start;
                target.clone().find(|&t| starts_a_column(t) && start(t).abs_diff(start(index)) <= 1).or_else(
                    || {
                        // Rows of glued Chinese columns: the nearest piece
                        // within a short drift.
                        target
                            .clone()
                            .filter(|&t| glued_cjk_columns(page, index, t))
                            .map(|t| (start(t).abs_diff(start(index)), t))
                            .filter(|&(drift, _)| drift <= GLUED_CJK_DRIFT)
                            .min()
                            .map(|(_, t)| t)
                    },
                )
            } {
                push(index, aligned, same_slot);
            } else if piece.role == Role::Headline
                && !cjk
                && line.pieces.len() >= 2
                && target.len() >= line.pieces.len()
                && over_side_by_side_columns(page, index).is_none()
            {
                // A row of side-by-side headlines glued on one line: each
                // goes on in its own place on the line below (its second
                // printed line or its dateline), whose text, set smaller,
                // starts at other character columns. Where the line below
                // holds a whole multiple of the row's columns, each
                // headline's own columns are known (see above).
                push(index, target.start + slot, same_slot);
            }
            // Rows of glued Chinese columns that do not pair slot by slot.
            if let Some(aligned) = column_below(page, index, piece.line + step) {
                push(index, aligned, same_slot);
            }
            if !target.is_empty() {
                push(index, target.start, first);
            }
            // Rows of glued Chinese columns whose slots shift: the piece
            // standing below, where no slot-wise link found one.
            if step == 1 && same_slot == Placement::Below && !offered_below.get() {
                if let Some(aligned) = column_by_position(page, index, piece.line + 1) {
                    push(index, aligned, Placement::Below);
                }
            }
        }
        // Across an inset, the paragraph line that goes on: the next line of
        // the paragraph's own column.
        if let Some(after) = across_inset[piece.line].filter(|_| index + 1 == line.pieces.end) {
            push(index, after, Placement::NextLine);
        }
        // Column wrap: from the bottom of a slot to the top of the next slot.
        let group = &groups[piece.line];
        if piece.line + 1 == group.end {
            let top = &page.lines[group.start].pieces;
            if slot + 1 < top.len() {
                push(index, top.start + slot + 1, Placement::ColumnWrap);
            }
        }
        // (Only for a headline not already followed by a dateline.)
        let dateline_below = line_has_dateline.get(piece.line + 1).copied().unwrap_or(false);
        if piece.role.is_heading() && !dateline_below {
            for &dateline in &datelines {
                push(index, dateline, Placement::BlockStart);
            }
        }
        // A headline over a line holding datelines may open any of them:
        // under a row of side-by-side headlines the columns below need not
        // pair with the headlines slot by slot (OCR glues a dateline to the
        // column line beside it, or the articles take unequal numbers of
        // columns), and the same-slot link above then reaches another
        // article's column (ocr-en-014: 0.636 -> 0.641).
        if piece.role.is_heading() && dateline_below {
            for &dateline in datelines.iter().filter(|&&d| page.pieces[d].line == piece.line + 1) {
                push(index, dateline, Placement::Below);
            }
        }
        for &dateline in &row_datelines[index] {
            push(index, dateline, Placement::BlockStart);
        }
        // Any block start nearby: blocks out of order, interleaved articles.
        let block = &page.blocks[piece.block];
        let is_line_end = index + 1 == line.pieces.end;
        // A line right above a heading ends a stretch of column: its text
        // goes on at a column top, which in a block set without blank lines
        // may be the top of its own block (the window below skips it).
        let heading_below = page.lines.get(piece.line + 1).is_some_and(|below| {
            below.block == piece.block
                && page.pieces[below.pieces.clone()].iter().all(|p| p.role.is_heading())
        });
        if is_line_end && heading_below && block.start < piece.line {
            push(index, page.lines[block.start].pieces.start, Placement::BlockStart);
        }
        if is_line_end || piece.line + 1 == block.end || piece.line + 1 == group.end {
            let first = piece.block.saturating_sub(BLOCK_WINDOW);
            let last = (piece.block + BLOCK_WINDOW + 1).min(page.blocks.len());
            for other in first..last {
                if other == piece.block {
                    continue;
                }
                // Every column slot of a glued first row can start a column;
                // of a paragraph line only its first piece starts anything.
                let first_line = page.blocks[other].start;
                let top = page.lines[first_line].pieces.clone();
                let glued = page.rows_alike(first_line, first_line + 1)
                    || page.pieces[top.clone()].iter().any(|p| matches!(p.gap, Gap::Gutter(_) | Gap::Rule));
                let last_target = if glued { top.end } else { top.start + 1 };
                for target in top.start..last_target {
                    push(index, target, Placement::BlockStart);
                }
            }
        }
        // A word broken at a line end goes on at a line start, wherever OCR
        // put it: blocks out of order and stray specks can carry the second
        // half far from the first, out of reach of the other candidates.
        // Only a line start that completes a known word is offered, and
        // only on an English page, where the shipped word list speaks; and
        // not one whose first word is a word on its own: a short stem ("re-",
        // "co-") makes a word with many of those anywhere on the page, and
        // each then cast the true continuation nearby as a rival (dev
        // real-OCR English 0.768 -> 0.771, ocr-en-013 0.491 -> 0.532).
        let breaks_word = piece.text.trim_end().chars().next_back().is_some_and(is_line_end_hyphen);
        if is_line_end && breaks_word && vocabulary.is_english() {
            for &start in &line_starts {
                let right = &page.pieces[start].text;
                if super::latin::completes_word(&piece.text, right, vocabulary) == Some(true)
                    && !super::latin::tail_is_a_word(right)
                {
                    push(index, start, Placement::BlockStart);
                }
            }
        }
        // On a page set line by line every line is a block, and the block
        // window spans a few lines only: the end of a column stretch
        // reaches the tops of the stretches of its width anywhere, as the
        // bottom of a column wraps to the top of the next.
        for &top in &stretch_reach[piece.line] {
            push(index, top, Placement::ColumnWrap);
        }
        // On a sparse-text page read as a merge of column streams, the
        // unit the decoder says a column's line goes on in: a column of a
        // glued line (a slot past the first) goes on in whatever slot its
        // column's next printed line took, on whatever line below, which
        // no placement above offers where the lines hold different numbers
        // of pieces (OCR glues some rows of narrow gutters and not others).
        if let Some(next) = stream_next.get(index).copied().flatten() {
            push(index, next, Placement::BelowSkip);
        }
        // Blocks out of order may take a column's continuation far away: the
        // end of a block reaches, beyond the window, the nearest few blocks
        // on each side whose column has its width.
        // (On a page set line by line the stretches above do this.)
        if piece.line + 1 == block.end && stretches.is_empty() {
            if let Some(own) = block_widths[piece.block] {
                let same_width = |other: &usize| {
                    block_widths[*other]
                        .is_some_and(|w| super::width::agreement(own, w) >= super::width::BLOCK_MATCH)
                };
                let before = (0..piece.block.saturating_sub(BLOCK_WINDOW)).rev();
                let after = piece.block + BLOCK_WINDOW + 1..page.blocks.len();
                let far = before
                    .filter(same_width)
                    .take(FAR_BLOCKS)
                    .chain(after.filter(same_width).take(FAR_BLOCKS));
                for other in far {
                    push(index, page.lines[page.blocks[other].start].pieces.start, Placement::BlockStart);
                }
            }
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_page, Role};

    fn has(links: &[Link], from: usize, to: usize, placement: Placement) -> bool {
        links.iter().any(|l| l.from == PieceId(from) && l.to == PieceId(to) && l.placement == placement)
    }

    #[test]
    fn a_paragraph_written_on_one_line_starts_no_column_below() {
        // Two paragraphs, each written on its own input line with its
        // printed lines cut at line-break spaces and a blank line between:
        // the first printed lines of the two are no column's two lines.
        let text = "春天来到山村田野里花 远处传来鸟叫声音很清 孩子们走进学校里读书 \
                    老师们站在门口迎接大 农民忙着播种施肥浇水 大家都很高兴。\n\n\
                    今年夏天这个地区的降 雨量比往年同期明显偏 多，河水上涨了不少， \
                    村里的人们忙着修堤防 洪，一直干到深夜才回 家里休息，十分辛苦 \
                    但是大家都没有怨言。\n";
        let page = parse_page(text, 0, 1);
        let (top, below) = (page.lines[0].pieces.clone(), page.lines[1].pieces.clone());
        assert_eq!((top.len(), below.len()), (6, 7));
        let links = candidates(&page);
        assert!(!has(&links, top.start, below.start, Placement::Below));
        assert!(has(&links, top.start, top.start + 1, Placement::RightBreak));
    }

    #[test]
    fn glued_rows_with_a_speck_before_them_pair_from_the_right() {
        // A speck OCR read before the first column: the row holds one piece
        // more at its left, so the columns pair counted from the right end.
        let text = "点    春天来到山村田野里花开 远处传来鸟叫声音很清脆\n\
                    孩子们走进学校里读书声 老师们站在门口迎接大家\n";
        let page = parse_page(text, 0, 1);
        let (top, below) = (page.lines[0].pieces.clone(), page.lines[1].pieces.clone());
        assert_eq!((top.len(), below.len()), (3, 2));
        let links = candidates(&page);
        assert!(has(&links, top.start + 1, below.start, Placement::Below));
        assert!(has(&links, top.start + 2, below.start + 1, Placement::Below));
    }

    #[test]
    fn a_chinese_column_goes_on_in_the_piece_standing_below_it_where_slots_shift() {
        // Two glued columns; on the second row a short piece after a
        // gutter (the start of a column the first row lacks) makes the
        // counts differ, and the second column's line has no slot below.
        let text = "春天来到山村田野里花开 远处传来鸟叫声音很清脆\n\
                    农民忙着播种施肥浇水呢 老师们站在门口迎接大家  甲乙\n";
        let page = parse_page(text, 0, 1);
        let (top, below) = (page.lines[0].pieces.clone(), page.lines[1].pieces.clone());
        assert_eq!((top.len(), below.len()), (2, 3));
        assert!(!page.rows_alike(0, 1));
        let links = candidates(&page);
        assert!(has(&links, top.start + 1, below.start + 1, Placement::Below));
        // The short piece is no column's line: never offered as the one below.
        assert_eq!(column_by_position(&page, top.start + 1, 1), Some(below.start + 1));
        assert!(!links.iter().any(|l| l.to.0 == below.start + 2 && l.placement == Placement::Below));
        // Latin pages keep to their slot-wise links.
        let latin = parse_page(
            "The new bridge opens  Council members said\nin the spring.  that the plan  holds\n",
            0,
            1,
        );
        assert_eq!(column_by_position(&latin, 1, 1), None);
    }

    #[test]
    fn a_gutter_wide_as_a_column_skips_its_slot() {
        // The middle column's line is missing from the second row; the
        // gutter's spaces stand where it was, so the third column's line
        // goes on under the third column, and the second has none below.
        let text = "春天来到山村田野里花开 远处传来鸟叫声音很清脆 孩子们走进学校里读书声\n\
                    农民忙着播种施肥浇水呢                    老师们站在门口迎接大家\n";
        let page = parse_page(text, 0, 1);
        let (top, below) = (page.lines[0].pieces.clone(), page.lines[1].pieces.clone());
        assert_eq!((top.len(), below.len()), (3, 2));
        let links = candidates(&page);
        assert!(has(&links, top.start + 2, below.start + 1, Placement::Below));
        assert!(!has(&links, top.start + 1, below.start + 1, Placement::Below));
        let width = 11.0;
        assert_eq!(column_slots(&page, &page.lines[1], width), vec![0, 2]);
        // A short line after the wide gap (a byline set flush right in the
        // first column) stays in the next slot.
        let byline = "农民忙着播种施肥浇水呢              记者王明\n";
        let page = parse_page(byline, 0, 1);
        assert_eq!(column_slots(&page, &page.lines[0], width), vec![0, 1]);
    }

    #[test]
    fn glued_chinese_columns_go_on_below_where_rows_differ_in_pieces() {
        // Four columns glued with single spaces; OCR split the last mark of
        // the first row's fourth column off behind a space, so the rows hold
        // five and four pieces, and the third column drifts by one.
        let text = "春天来到山村田野里 花开满山坡河水清 孩子们走进学校里 老师们站在门口笑 ;\n\
                    农民忙着播种施肥 远处传来鸟叫声音 读书声传遍了山谷 欢迎新同学来报到\n";
        let page = parse_page(text, 0, 1);
        let (top, below) = (page.lines[0].pieces.clone(), page.lines[1].pieces.clone());
        assert_eq!((top.len(), below.len()), (5, 4));
        assert!(!page.rows_alike(0, 1));
        let links = candidates(&page);
        for slot in 1..4 {
            assert!(has(&links, top.start + slot, below.start + slot, Placement::Below), "slot {slot}");
        }
        // The split-off mark is no column's line.
        assert!(!links.iter().any(|l| l.from == PieceId(top.start + 4) && l.placement == Placement::Below));
        // The same lines set apart by a blank line are two paragraphs of one
        // column written on a line each: no such link.
        let apart = text.replacen('\n', "\n\n", 1);
        let page = parse_page(&apart, 0, 1);
        let (top, below) = (page.lines[0].pieces.clone(), page.lines[1].pieces.clone());
        let links = candidates(&page);
        assert!(!has(&links, top.start + 1, below.start + 1, Placement::Below));
        // Nor on rows of two pieces by character drift; there the piece
        // standing below by display columns is offered instead (see
        // `column_by_position`).
        let two = "春天来到山村田野里 花开满山坡河水清 ;\n农民忙着播种施肥 远处传来鸟叫声音\n";
        let page = parse_page(two, 0, 1);
        assert!(!glued_cjk_columns(&page, 1, 4));
        assert_eq!(column_by_position(&page, 1, 1), Some(4));
    }

    #[test]
    fn each_headline_of_a_side_by_side_row_stands_over_its_own_columns() {
        // Two headlines side by side, each over two body columns; gutters
        // padded here, so the parser cuts every line where they stand.
        let text = "Harbour trade grows again      Council votes on new bridge\n\
                    \n\
                    The port handled more ships   than in any year since   The council met on Monday   to vote on the plans for\n\
                    this spring than it did in    the war, the harbour     night and voted for the     the bridge over the\n";
        let mut page = parse_page(text, 0, 1);
        let row = page.lines[0].pieces.clone();
        let body = page.lines[1].pieces.clone();
        assert_eq!((row.len(), body.len()), (2, 4));
        for piece in &mut page.pieces[row.clone()] {
            piece.role = Role::Headline;
        }
        let links = candidates(&page);
        assert!(has(&links, row.start, body.start, Placement::Below));
        assert!(has(&links, row.start + 1, body.start + 2, Placement::Below));
        assert_eq!(over_side_by_side_columns(&page, body.start), None);
        // Over three columns, only the first headline's column is known.
        let three = "Harbour trade grows again      Council votes on new bridge\n\
                     \n\
                     The port handled more ships   than in any year since   The council met on Monday\n\
                     this spring than it did in    the war, the harbour     night and voted for the\n";
        let mut uneven = parse_page(three, 0, 1);
        for piece in &mut uneven.pieces[row.clone()] {
            piece.role = Role::Headline;
        }
        assert_eq!(over_side_by_side_columns(&uneven, row.start), Some(uneven.lines[1].pieces.start));
        assert_eq!(over_side_by_side_columns(&uneven, row.start + 1), None);
        // One headline over the row: no such link.
        page.pieces[row.start].role = Role::Body;
        assert_eq!(over_side_by_side_columns(&page, row.start + 1), None);
    }

    #[test]
    fn where_the_right_bodies_start_higher_the_left_headline_skips_their_line() {
        // The right article's headline is shorter: its dateline and its
        // second column's first line stand alone under the row, over the
        // last two columns of the full row, which the left article's
        // dateline opens.
        let text = "Harbour trade grows         Town hall to close\n\
                    EAST END, Mar 3 - The hall      the roof is mended,\n\
                    NORTH BAY, Mar 3 -    said trade grew by a    will close for a year    the council said on\n\
                    The port said trade   fifth in the year to    while the roof is        Monday after a long\n";
        let mut page = parse_page(text, 0, 1);
        let (row, short, full) =
            (page.lines[0].pieces.clone(), page.lines[1].pieces.clone(), page.lines[2].pieces.clone());
        assert_eq!((row.len(), short.len(), full.len()), (2, 2, 4));
        for piece in &mut page.pieces[row.clone()] {
            piece.role = Role::Headline;
        }
        assert_eq!(right_bodies_start_higher(&page, 0), Some(2));
        let links = candidates(&page);
        assert!(has(&links, row.start, full.start, Placement::Below));
        assert!(has(&links, short.start, full.start + 2, Placement::Below));
        assert!(has(&links, short.start + 1, full.start + 3, Placement::Below));
        // Without a dateline opening the short line, it may be the left
        // headline's second line: no such links.
        let plain = text.replacen("EAST END, Mar 3 - The hall", "and bridge again", 1);
        let mut page = parse_page(&plain, 0, 1);
        for piece in &mut page.pieces[row.clone()] {
            piece.role = Role::Headline;
        }
        assert_eq!(right_bodies_start_higher(&page, 0), None);
        assert_eq!(short_row_goes_on(&page, short.start), None);
    }

    #[test]
    fn a_column_stretch_set_line_by_line_wraps_to_far_stretches_of_its_width() {
        // Every printed line between blank lines: a wide stretch, a long
        // narrow one, another wide one (the wide column's next part).
        let wide = "甲乙丙丁戊己庚辛壬癸子丑\n\n";
        let narrow = "天地玄黄宇宙洪荒日\n\n";
        let text = format!("{}{}{}", wide.repeat(6), narrow.repeat(12), wide.repeat(6));
        let page = parse_page(&text, 0, 1);
        let links = candidates(&page);
        // The end of the first wide stretch reaches the top of the last one,
        // beyond the block window, and not the narrow stretch's top.
        const { assert!(18 > 5 + BLOCK_WINDOW) };
        assert!(has(&links, 5, 18, Placement::ColumnWrap));
        assert!(!has(&links, 5, 6, Placement::ColumnWrap));
        // And back: the end of the last reaches the top of the first.
        assert!(has(&links, 23, 0, Placement::ColumnWrap));
        // A line inside a stretch reaches no far stretch.
        assert!(!links.iter().any(|l| l.from == PieceId(2) && l.to == PieceId(18)));
    }

    #[test]
    fn a_stream_successor_is_offered_where_no_placement_reaches_it() {
        // Sparse-text lines of one column width; far below, OCR glued two
        // columns' lines at a line-break space. A column's line goes on in
        // the second piece of that glued row, as only the stream decoder
        // can tell: no placement reaches a glued row's second piece there.
        let mut text = String::new();
        for _ in 0..12 {
            text.push_str("条线路和一百多个站点，市\n\n");
        }
        text.push_str("部门将在各站点张贴，路线 图，方便乘客查询换乘信息\n\n");
        text.push_str("民出行需要留意公告，有关\n\n");
        let page = parse_page(&text, 0, 1);
        let (from, to) = (page.lines[0].pieces.start, page.lines[12].pieces.start + 1);
        assert_eq!(page.pieces[to].text, "图，方便乘客查询换乘信息");
        assert!(!candidates(&page).iter().any(|l| l.from == PieceId(from) && l.to == PieceId(to)));
        let mut stream_next = vec![None; page.pieces.len()];
        stream_next[from] = Some(to);
        let vocabulary = crate::score::latin::Vocabulary::default();
        let links = candidates_with(
            &page,
            &vocabulary,
            &crate::score::width::block_widths(&page),
            &stream_next,
            &crate::score::alternation::Alternation::default(),
            &crate::score::heads::heading_datelines(&page),
        );
        assert!(has(&links, from, to, Placement::BelowSkip));
    }

    /// A page whose `top` blocks stand beyond the window of nearby blocks
    /// from its last block, `bottom` (blocks out of order).
    fn far_apart(top: &str, bottom: &str) -> Page {
        let mut text = String::from(top);
        for block in 0..2 * BLOCK_WINDOW {
            text.push_str(&format!("Block {block} of the page says nothing at all here.\n\n"));
        }
        text.push_str(bottom);
        parse_page(&text, 0, 1)
    }

    #[test]
    fn a_broken_word_reaches_the_line_start_that_completes_it_anywhere() {
        // Blocks out of order: the second half of the broken word stands
        // far up the page, beyond the window of nearby blocks.
        let page = far_apart(
            "ment of the region.\n\nday of the week.\n\n",
            "the new report was written by the govern-\nThe members will meet again next week.\n",
        );
        let broken = page.pieces.iter().position(|p| p.text.ends_with("govern-")).unwrap();
        let links = candidates(&page);
        assert!(has(&links, broken, 0, Placement::BlockStart));
        // A line start that completes no known word is not offered from afar.
        let day = page.pieces.iter().position(|p| p.text.starts_with("day")).unwrap();
        assert!(!links.iter().any(|l| l.from == PieceId(broken) && l.to == PieceId(day)));
    }

    #[test]
    fn a_broken_word_reaches_afar_only_a_half_that_is_no_word_alone() {
        // Far up the page: a half that completes "re-" and is no word alone,
        // and a word that "re-" also makes a word with.
        let page = far_apart(
            "ceived by all of them.\n\nturn of the tide.\n\n",
            "the new plan was re-\nThe members will meet again next week.\n",
        );
        let broken = page.pieces.iter().position(|p| p.text.ends_with("re-")).unwrap();
        let links = candidates(&page);
        assert!(has(&links, broken, 0, Placement::BlockStart));
        let turn = page.pieces.iter().position(|p| p.text.starts_with("turn")).unwrap();
        assert!(!links.iter().any(|l| l.from == PieceId(broken) && l.to == PieceId(turn)));
    }

    #[test]
    fn a_row_of_headlines_offers_each_its_own_place_on_the_line_below() {
        // Two headlines glued on one line; below them, set smaller, the
        // first one's second line, the second one's dateline and a line of
        // another column, at other character columns than the headlines.
        let text = "Rain floods the old town  Buses run late\nafter storm  LONDON, May 2 -  of the plan.\n";
        let mut page = parse_page(text, 0, 1);
        assert_eq!(page.lines.iter().map(|l| l.pieces.len()).collect::<Vec<_>>(), vec![2, 3]);
        for piece in &mut page.pieces[..2] {
            piece.role = Role::Headline;
        }
        let links = candidates(&page);
        assert!(has(&links, 0, 2, Placement::Below));
        assert!(has(&links, 1, 3, Placement::Below));
        // Body text keeps to character columns.
        for piece in &mut page.pieces[..2] {
            piece.role = Role::Body;
        }
        assert!(!has(&candidates(&page), 1, 3, Placement::Below));
    }

    #[test]
    fn glued_columns_offer_right_and_below() {
        let page = parse_page("甲一  乙一\n\n甲二  乙二\n", 0, 1);
        let links = candidates(&page);
        assert!(has(&links, 0, 1, Placement::RightGutter));
        assert!(has(&links, 0, 2, Placement::Below));
        assert!(has(&links, 2, 1, Placement::ColumnWrap));
    }

    #[test]
    fn a_column_rule_offers_the_same_column_below_whatever_the_piece_counts() {
        // A stray speck and a short line make the counts differ; the bar
        // still says where the second column is.
        let text = "一二三四五六七八九十  .  甲乙丙丁 | 子丑寅卯辰巳午未申酉\n天地玄黄宇宙洪荒日月 | 金木水火土风雨雷电云\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(page.pieces[3].gap, Gap::Rule);
        let links = candidates(&page);
        assert!(has(&links, 3, 5, Placement::Below));
        assert!(has(&links, 0, 4, Placement::Below));
        assert!(has(&links, 2, 3, Placement::RightGutter));
    }

    #[test]
    fn latin_rows_cut_as_glued_columns_offer_the_same_slot_below_whatever_their_widths() {
        // Both columns end a paragraph on the second row: its pieces are
        // far shorter than those above.
        let text = "The new bridge over the river will open  Council members said that the plan for\n\
                    in the spring.  the park holds.\n";
        let mut page = parse_page(text, 0, 1);
        assert_eq!(page.pieces.len(), 4);
        assert!(!page.rows_alike(0, 1));
        // Body text (alone on this tiny page, the first row reads as a row
        // of headlines, which go on in their own places below whatever the
        // positions).
        for piece in &mut page.pieces {
            piece.role = Role::Body;
        }
        // Gutters of two spaces keep the pieces apart but say nothing of
        // columns once positions differ...
        assert!(!has(&candidates(&page), 1, 3, Placement::Below));
        // ...while the glued-column cutter's cuts do.
        for index in [1, 3] {
            page.pieces[index].gap = Gap::Glued;
        }
        let links = candidates(&page);
        assert!(has(&links, 0, 2, Placement::Below));
        assert!(has(&links, 1, 3, Placement::Below));
    }

    #[test]
    fn latin_rows_cut_at_glued_gutters_and_at_rules_offer_the_same_slot_below() {
        // Five columns of prose, read across by OCR: on the first row it saw
        // the first and third gutters as rules, on the second only the
        // first, and the glued-column cutter cut the rest.
        let text = "The new bridge  over the river  will open in  the spring and  council said\n\
                    after a long  wait of years  for the town  the builders  that the plan\n";
        let mut page = parse_page(text, 0, 1);
        assert_eq!((page.lines[0].pieces.len(), page.lines[1].pieces.len()), (5, 5));
        for piece in &mut page.pieces {
            piece.role = Role::Body;
        }
        let gaps =
            [Gap::Rule, Gap::Glued, Gap::Rule, Gap::Glued, Gap::Rule, Gap::Glued, Gap::Glued, Gap::Glued];
        for (index, gap) in [1, 2, 3, 4, 6, 7, 8, 9].into_iter().zip(gaps) {
            page.pieces[index].gap = gap;
        }
        // The rules alone pair nothing: the rows hold different counts of them.
        assert_eq!(rules::rule_aligned(&page, 4, 1), None);
        let links = candidates(&page);
        for slot in 0..5 {
            assert!(has(&links, slot, 5 + slot, Placement::Below), "slot {slot}");
        }
        // A line cut at rules only is no glued row (the rule placement
        // reads it; five slots of like widths still pair as alike rows, see
        // `Page::rows_alike`).
        for index in [2, 4] {
            page.pieces[index].gap = Gap::Rule;
        }
        assert!(!glued_rows(&page, 0, 1));
    }

    #[test]
    fn the_first_pieces_of_two_chinese_multi_column_lines_share_the_left_column() {
        // A stray glyph at the end of the first line makes the counts
        // differ; both lines still start at the margin in the left column.
        let text =
            "一二三四五六七八九十 子丑寅卯辰巳午未申酉   乙\n天地玄黄宇宙洪荒日月 金木水火土风雨雷电云\n";
        let page = parse_page(text, 0, 1);
        assert_eq!((page.lines[0].pieces.len(), page.lines[1].pieces.len()), (3, 2));
        let links = candidates(&page);
        assert!(has(&links, 0, 3, Placement::Below));
    }

    #[test]
    fn a_much_shorter_line_below_does_not_start_in_the_left_column() {
        // The left column ended: the line below holds only what stood to
        // its right, slid to the margin by OCR.
        let text = "一二三四五六七八九十 子丑寅卯辰巳午未申酉   乙\n天地玄黄宇  金木水火\n";
        let page = parse_page(text, 0, 1);
        assert_eq!((page.lines[0].pieces.len(), page.lines[1].pieces.len()), (3, 2));
        let links = candidates(&page);
        assert!(has(&links, 0, 3, Placement::NextLine));
        assert!(!has(&links, 0, 3, Placement::Below));
    }

    #[test]
    fn a_line_above_a_heading_reaches_the_top_of_its_own_block() {
        let text = "over the bridge to the other side of the river.\n\
                    The members met again on the next day to talk\n\
                    about the plan for the new road by the old mill\n\
                    HARBOUR BOARD ORDERS NEW SIGNS\n\
                    The harbour board said it would put up signs.\n";
        let page = parse_page(text, 0, 1);
        let above = page.pieces.iter().position(|p| p.text.starts_with("about the plan")).unwrap();
        assert!(page.pieces[above + 1].role.is_heading());
        let links = candidates(&page);
        assert!(has(&links, above, 0, Placement::BlockStart));
        // A line with no heading below does not.
        assert!(!links.iter().any(|l| l.from == PieceId(1) && l.to == PieceId(0)));
    }

    #[test]
    fn block_ends_reach_other_blocks() {
        let page = parse_page("甲\n\n乙\n\n丙\n\n丁\n", 0, 1);
        let links = candidates(&page);
        assert!(has(&links, 0, 3, Placement::BlockStart));
        assert!(has(&links, 2, 0, Placement::BlockStart));
    }

    #[test]
    fn a_block_end_reaches_far_blocks_of_its_width_only() {
        // Ten narrow blocks between a wide one and its far continuation.
        let wide = "市民可以通过手机查询公交车的实时位置\n".repeat(5);
        let narrow = "今年夏天这个地区的降雨\n".repeat(5);
        let text = format!("{wide}\n{}{wide}", format!("{narrow}\n").repeat(10));
        let page = parse_page(&text, 0, 1);
        let links = candidates(&page);
        let top_of = |block: usize| page.lines[page.blocks[block].start].pieces.start;
        let first_end = page.lines[page.blocks[0].end - 1].pieces.start;
        assert!(has(&links, first_end, top_of(11), Placement::BlockStart));
        // A narrow block beyond the window is not offered.
        assert!(!links.iter().any(|l| l.from.0 == first_end && l.to.0 == top_of(10)));
    }

    #[test]
    fn a_headline_reaches_every_dateline_on_the_page() {
        let mut text = String::from("本报北京3月24日电（记者王明）全市公交线路\n\n");
        for _ in 0..12 {
            text.push_str("今年夏天这个地区的降雨量比往\n年同期明显偏多。\n\n");
        }
        text.push_str("全市公交线路调整方案公布\n\n下月起调整，涉及二十多条线路。\n");
        let page = parse_page(&text, 0, 1);
        let headline = page.pieces.iter().position(|p| p.role.is_heading()).expect("a headline");
        let links = candidates(&page);
        assert!(has(&links, headline, 0, Placement::BlockStart), "the dateline 13 blocks up");
    }

    #[test]
    fn a_paragraph_line_goes_on_across_an_inset_not_into_it() {
        // A paragraph written on one input line, a narrow column written
        // one printed line per input line, then the paragraph's next line.
        let mut text = String::from(
            "连日来各地认真落实 防控措施并切实做好 各项服务保障工作以 确保群众生活平稳有 序同时还加强了检查\n\n",
        );
        for _ in 0..8 {
            text.push_str("今年以来该县\n\n");
        }
        text.push_str("和督导工作取得了良 好的效果群众满意\n");
        let page = parse_page(&text, 0, 1);
        let (last_before, first_inset) = (4, 5);
        let first_after = page.lines[9].pieces.start;
        let links = candidates(&page);
        assert!(has(&links, last_before, first_after, Placement::NextLine));
        assert!(has(&links, last_before, first_inset, Placement::BlockStart));
        assert!(!has(&links, last_before, first_inset, Placement::NextLine));
        // The inset's last line does not run back into the paragraphs as
        // their next line.
        assert!(has(&links, first_after - 1, first_after, Placement::BlockStart));
    }

    #[test]
    fn every_piece_has_few_candidates_on_a_long_page() {
        let text = "甲乙丙丁 戊己庚辛\n\n".repeat(500);
        let page = parse_page(&text, 0, 1);
        let links = candidates(&page);
        assert!(links.len() < page.pieces.len() * (4 * BLOCK_WINDOW + 8));
    }

    #[test]
    fn a_headline_reaches_the_dateline_on_the_line_below_it() {
        // Two headlines side by side over five glued columns: the second
        // article's dateline ends a column line glued to the third column,
        // so it stands in no slot under the second headline.
        let text = "Harbour council backs new ferry plan NORTH BAY GRAIN REVIEW\n\
                    The harbour council | voted on Monday to | the ferry will run twice a day NORTHPORT, May 4 - | sales were booked\n\
                    approved a plan that | give the town a new | from the spring, the | Grain prices rose | for the coming week\n\
                    will bring a second | route across the bay | council said in a | again this week as | at the main port.\n";
        let page = parse_page(text, 0, 1);
        let headlines: Vec<usize> = page.lines[0].pieces.clone().collect();
        assert_eq!(headlines.len(), 2);
        assert!(headlines.iter().all(|&h| page.pieces[h].role == Role::Headline));
        let dateline = page.lines[1]
            .pieces
            .clone()
            .find(|&p| is_latin_dateline_start(&page.pieces[p].text))
            .expect("a dateline piece on the line below");
        let links = candidates(&page);
        assert!(has(&links, headlines[1], dateline, Placement::Below));
    }
}

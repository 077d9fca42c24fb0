//! Geometry: a structured OCR page in, a [`Page`] of pieces with boxes out.
//!
//! In: an [`OcrPage`] from [`crate::formats`] (words with boxes). Out: the
//! same [`Page`] the plain-text parser makes, so every later stage is shared:
//! lines in a column-by-column order, one block per stretch of a column,
//! pieces carrying their boxes, headlines labelled from glyph height. Why:
//! with coordinates the columns are visible. OCR lines are not trusted as
//! printed lines — Tesseract's `--psm 4/6` glue side-by-side columns into
//! one line and its sparse modes cut lines into fragments — so the page is
//! rebuilt from its word boxes:
//!
//! 0. CJK word boxes that OCR ran down over two printed lines are given the
//!    height of their own line (sizes are measured before, on the boxes as
//!    read);
//! 1. recursive XY-cut of the word boxes: a region is cut at every vertical
//!    whitespace band (a gutter) that runs through it, else under a headline
//!    standing alone on its top rows, else at its widest horizontal band
//!    when that is clearly wider than the usual gap between lines (between
//!    stacked articles), else just under a headline set close above its
//!    columns (body rows glued across the gutter on top of columns that
//!    separate below are cut at that gutter instead, see
//!    [`glued_rows_over_columns`]), until each region is one column stretch. A few of a column's
//!    rows (counted in a strip a column wide, see [`rows_of_a_column`]) may
//!    reach into a gutter, in Latin text only words of body height; marks
//!    without letters or digits (specks, rules, the `|` OCR invents in
//!    gutters) do not block a cut;
//!    The regions are then read headline by headline: a region follows the
//!    nearest headline above it that overlaps it, or the headline of the
//!    column right above it when that one is lower (see
//!    [`under_their_headlines`]);
//! 2. within a region, words are grouped into printed lines by vertical
//!    overlap and read left to right;
//! 3. a region's lines form blocks, cut where the gap or the glyph height
//!    changes (a headline above its body); a Latin line is headline type
//!    only when most of its word boxes are of headline height too; a CJK
//!    line is measured over the cells of all its words with letters, specks
//!    included (a glyph OCR boxed tiny still fills a cell).
//!
//! The order this gives is only the "input order" of the later stages; the
//! text signals still decide how columns and articles continue. Provenance:
//! a structured piece's [`SourceSpan`] names the 1-based position of its OCR
//! line in the file (all pages counted) and the range `[start, end)` of its
//! word indices in that line.

use std::collections::{HashMap, HashSet};

use super::chars::{cells, is_wide, wide_share};
use super::{classify, BBox, Gap, Line, Page, Piece, Role, Script, SourceSpan};
use crate::formats::OcrPage;

/// A region is cut at a vertical band at least this many glyph sizes wide:
/// in Latin text word spaces of justified lines reach half an em and may
/// line up for a few lines; CJK text has no word spaces.
const GUTTER_MIN_LATIN: f32 = 0.6;
const GUTTER_MIN_CJK: f32 = 0.4;
/// ... and leaves columns at least this many glyph sizes wide.
const MIN_COLUMN: f32 = 6.0;
/// ... when each side holds at least this many glyph heights of lines, or
/// the band is at least [`WIDE_GUTTER`] glyph heights wide (two headlines
/// side by side on one row).
const MIN_SIDE_HEIGHT: f32 = 2.5;
const WIDE_GUTTER: f32 = 1.5;
/// A horizontal band cuts when it is this much wider than the usual gap
/// between consecutive lines...
const BAND_OVER_LINE_GAP: f32 = 1.6;
/// ... and at least this many glyph heights.
const BAND_MIN: f32 = 0.3;
/// A line whose glyphs are this much taller than the page's body text is a
/// headline.
const HEADLINE_HEIGHT: f32 = 1.5;
/// The same for CJK lines, whose size (extent over cells) is measured more
/// precisely than a Latin line's height (which varies with descenders).
const HEADLINE_HEIGHT_CJK: f32 = 1.35;
/// Between the OCR's own blocks any clear band is a gutter (a twentieth of
/// a glyph: boxes of one column touch or overlap).
const UNIT_GUTTER_MIN: f32 = 0.05;
/// The deepest the XY-cut recurses; deeper regions are read as they are.
const MAX_CUT_DEPTH: usize = 400;
/// The share of a region's rows that must start a word at a column's
/// left edge (short last lines, straddling boxes and punctuation that
/// shifts a row's first box leave many rows without one; the crossing
/// test below rules out chance alignments).
const COLUMN_START_SHARE: f32 = 0.4;
/// A word starts a column when it stands this many glyph sizes clear of
/// the words before it in its row (the narrowest CJK gutter).
const COLUMN_START_GAP: f32 = 0.4;
/// ... and the lower median gap before those words is at least this many
/// glyph sizes: a gutter plus the side bearings of the glyphs on both sides.
const COLUMN_START_MEDIAN_GAP: f32 = 0.6;
/// At a column start, at most this many rows per row starting a word there
/// may have a box running across it (boxes straddling the gutter).
const CROSSING_PER_START: f32 = 0.5;
/// In a tall CJK region, this share of its rows may reach into a gutter
/// (justified CJK lines end on the grid, but OCR boxes of their last glyph
/// often stand out). Latin word spaces are too irregular for any slack.
const INTRUDING_SHARE_CJK: f32 = 0.15;
/// In Latin text, this share of a region's rows may reach into a gutter (a
/// word box standing out of a narrow gutter's edge); only words of body
/// height may (see [`gutters`]).
const INTRUDING_SHARE_LATIN: f32 = 0.05;
/// Two tall words on one row closer than this many of their glyph sizes
/// are one headline, whatever band runs between them.
const HEADLINE_GAP: f32 = 1.0;
/// Inside a region a block ends where the next line stands this many usual
/// line pitches below (a paragraph gap, a subhead's space).
const BLOCK_PITCH: f32 = 1.4;
/// Inside an OCR line of CJK text, a gap this many glyph heights wide
/// separates runs whose sizes are measured apart (see [`runs_of_line`]).
const RUN_GAP: f32 = 2.0;
/// Inside a region, words further apart than this many glyph heights are
/// separate pieces (a gutter the cut missed).
const PIECE_GAP: f32 = 4.0;
/// A CJK word box this many times taller than the usual word of its OCR
/// line, and this many times taller than its glyphs are wide, runs over two
/// printed lines (see [`settle_tall_boxes`]).
const TALL_BOX_OVER_LINE: f32 = 1.8;
const TALL_BOX_OVER_CELL: f32 = 1.5;

/// A region's printed lines (atom indices, top to bottom) with each line's
/// extent and whether it is set in headline type.
type MeasuredRegion = (Vec<Vec<usize>>, Vec<(BBox, bool)>);

/// Headline type on a page: glyphs at least `size`, measured as lines of
/// `script` are (see [`line_size`]).
#[derive(Debug, Clone, Copy)]
struct HeadlineType {
    size: f32,
    script: Script,
}

/// One word placed on the page.
#[derive(Debug, Clone)]
struct Atom {
    text: String,
    bbox: BBox,
    /// 1-based position of its OCR line in the file.
    line: usize,
    /// Index of the word in its OCR line.
    word: usize,
    /// Index of its OCR block in the page.
    block: usize,
    /// Letters or digits of a plausible size: may block a cut.
    strong: bool,
    /// The glyph size of its OCR line (see [`line_size`]).
    line_size: f32,
    /// Its OCR line is set in headline type.
    tall: bool,
}

fn height(b: &BBox) -> f32 {
    (b.y1 - b.y0).max(1) as f32
}

fn median(mut values: Vec<f32>) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f32::total_cmp);
    Some(values[values.len() / 2])
}

/// The lower of the two middle values (the median of an odd count).
fn lower_median(mut values: Vec<f32>) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f32::total_cmp);
    Some(values[(values.len() - 1) / 2])
}

/// The covered intervals of a set of extents, merged, in order.
fn covered(mut extents: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    extents.sort();
    let mut merged: Vec<(i32, i32)> = Vec::new();
    for (a, b) in extents {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Page-wide scales: the body glyph height and the usual gap between
/// consecutive lines of a column.
struct Scales {
    glyph: f32,
    line_gap: f32,
    /// The narrowest gutter, in glyph sizes, for the page's script.
    gutter_min: f32,
    /// The share of a region's rows that may reach into a gutter.
    intruding_share: f32,
    /// Latin text: a word box at least this tall reaching into a band is a
    /// headline across it. Word boxes are measured, not lines: a glued line's
    /// extent runs over the baselines of all the articles it crosses, so a
    /// headline glued to body text may not be set apart as tall. Not for
    /// CJK, whose OCR boxes vary in height with punctuation and glyphs run
    /// over two lines (there [`crosses_headline`] decides).
    headline_word_height: Option<f32>,
    /// Whether gutters are also found from aligned column starts (CJK).
    column_starts: bool,
}

/// True when the strong atoms `strong` leave a vertical band at least a
/// gutter wide between two sides that each hold two rows or more.
fn has_gutter(all: &[Atom], strong: &[usize], scales: &Scales) -> bool {
    !gutters(all, strong, scales).is_empty()
}

/// The x positions of the gutters through the strong atoms `strong`.
fn gutters(all: &[Atom], strong: &[usize], scales: &Scales) -> Vec<i32> {
    let glyph = scales.glyph;
    let columns = covered(strong.iter().map(|&a| (all[a].bbox.x0, all[a].bbox.x1)).collect());
    let mut candidates: Vec<(f32, i32)> = Vec::new();
    for (gap_start, gap_end) in low_coverage_bands(all, strong, scales.intruding_share, glyph) {
        let width = (gap_end - gap_start) as f32;
        if width < scales.gutter_min * glyph {
            continue;
        }
        // A word of headline height reaching into the band is a headline
        // running across it, not a body word standing out of a gutter.
        let headline_in_band = scales.headline_word_height.is_some_and(|tall| {
            strong.iter().any(|&a| {
                let b = &all[a].bbox;
                b.x0 < gap_end && b.x1 > gap_start && height(b) >= tall
            })
        });
        if headline_in_band {
            continue;
        }
        let side_height = |left: bool| {
            let rows = covered(
                strong
                    .iter()
                    .filter(|&&a| (centre_x(&all[a]) <= gap_start) == left)
                    .map(|&a| (all[a].bbox.y0, all[a].bbox.y1))
                    .collect(),
            );
            rows.iter().map(|r| (r.1 - r.0) as f32).sum::<f32>()
        };
        let wide_enough = width >= WIDE_GUTTER * glyph
            || (side_height(true) >= MIN_SIDE_HEIGHT * glyph
                && side_height(false) >= MIN_SIDE_HEIGHT * glyph);
        if wide_enough && !crosses_headline(all, strong, gap_start, gap_end) {
            candidates.push((width, (gap_start + gap_end) / 2));
        }
    }
    if scales.column_starts {
        for position in column_starts(all, strong, glyph) {
            if !crosses_headline(all, strong, position - 1, position + 1) {
                candidates.push((0.0, position));
            }
        }
    }
    // Widest bands first; a band that would leave a column narrower than a
    // few glyphs is a gap inside a column (CJK glyphs sit on a grid, so
    // gaps between them line up from line to line).
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (Some(left), Some(right)) = (columns.first(), columns.last()) else { return Vec::new() };
    let mut cuts: Vec<i32> = Vec::new();
    for (width, position) in candidates {
        let before = cuts.iter().copied().filter(|&c| c < position).max().unwrap_or(left.0);
        let after = cuts.iter().copied().filter(|&c| c > position).min().unwrap_or(right.1);
        let narrowest = (position - before).min(after - position) as f32 - width / 2.0;
        if narrowest >= MIN_COLUMN * glyph {
            cuts.push(position);
        }
    }
    cuts.sort();
    cuts
}

/// Gutters found from where columns start, for CJK lines glued across
/// columns: OCR word boxes there often straddle a narrow gutter, but most
/// rows still have a word that starts at the column's left edge after a
/// clear gap, while chunk boundaries inside a column fall anywhere. Returns
/// positions just left of x positions where a good share of the region's
/// rows, and three rows or more, start a word after a gap (in a region of
/// a few rows two chance alignments would pass any share), the lower
/// median of those gaps is as wide as a gutter (glyphs of one column that
/// happen to stand apart on the grid leave narrower ones; the lower median
/// because with four rows the upper one is the second widest, and two
/// chance wide gaps, a shrunken punctuation box beside them, would pass) and
/// few rows have a box running across.
fn column_starts(all: &[Atom], strong: &[usize], glyph: f32) -> Vec<i32> {
    let mut rows: HashMap<usize, Vec<usize>> = HashMap::new();
    for &a in strong {
        rows.entry(all[a].line).or_default().push(a);
    }
    if rows.len() < 3 {
        return Vec::new();
    }
    let left_edge = strong.iter().map(|&a| all[a].bbox.x0).min().unwrap_or(0);
    let mut starts: Vec<(i32, usize, f32)> = Vec::new();
    for (line, atoms) in &mut rows {
        atoms.sort_by_key(|&a| all[a].bbox.x0);
        let mut reach = i32::MIN;
        for &a in atoms.iter() {
            let b = all[a].bbox;
            let clear = reach == i32::MIN || (b.x0 - reach) as f32 >= COLUMN_START_GAP * glyph;
            if clear && (b.x0 - left_edge) as f32 >= MIN_COLUMN * glyph {
                // The first word of a row stands clear of nothing: its gap
                // counts as wide.
                let gap = if reach == i32::MIN { f32::INFINITY } else { (b.x0 - reach) as f32 };
                starts.push((b.x0, *line, gap));
            }
            reach = reach.max(b.x1);
        }
    }
    starts.sort_by_key(|a| (a.0, a.1));
    let tolerance = (COLUMN_START_GAP * glyph) as i32;
    let mut positions = Vec::new();
    let mut index = 0;
    while index < starts.len() {
        let first = starts[index].0;
        let end = (index..starts.len()).find(|&i| starts[i].0 > first + tolerance).unwrap_or(starts.len());
        let lines: HashSet<usize> = starts[index..end].iter().map(|s| s.1).collect();
        let gap = lower_median(starts[index..end].iter().map(|s| s.2).collect()).unwrap_or(0.0);
        // Inside a column, chunk boundaries line up by chance (CJK glyphs
        // sit on a grid), but as many rows have a glyph box running across
        // that x; at a gutter most rows show the gap and only a few boxes
        // straddle it.
        let cut = first - tolerance / 2;
        let crossing = rows
            .values()
            .filter(|atoms| atoms.iter().any(|&a| all[a].bbox.x0 < cut && all[a].bbox.x1 > cut))
            .count();
        if lines.len() >= 3
            && lines.len() as f32 >= COLUMN_START_SHARE * rows.len() as f32
            && crossing as f32 <= CROSSING_PER_START * lines.len() as f32
            && gap >= COLUMN_START_MEDIAN_GAP * glyph
        {
            positions.push(cut);
            index = end;
        } else {
            index += 1;
        }
    }
    positions
}

/// True when a headline runs across the band `[gap_start, gap_end]`: two
/// words of one OCR line set in headline type on either side, closer than a
/// gutter of their own size (OCR split a headline just where a gutter runs
/// below).
fn crosses_headline(all: &[Atom], strong: &[usize], gap_start: i32, gap_end: i32) -> bool {
    let tall: Vec<&Atom> = strong.iter().map(|&a| &all[a]).filter(|a| a.tall).collect();
    let close = |left: &Atom, right: &Atom| {
        right.line == left.line && ((right.bbox.x0 - left.bbox.x1) as f32) < HEADLINE_GAP * left.line_size
    };
    let beside = tall
        .iter()
        .filter(|l| centre_x(l) <= gap_start)
        .any(|left| tall.iter().filter(|r| centre_x(r) >= gap_end).any(|right| close(left, right)));
    // A headline word may stand over the band itself (its centre inside
    // it, when the band lets a few boxes in): the headline still runs
    // across where the cut would fall.
    let cut = (gap_start + gap_end) / 2;
    let over_cut = tall.iter().any(|word| word.bbox.x0 < cut && word.bbox.x1 > cut)
        || tall
            .iter()
            .filter(|l| l.bbox.x1 <= cut)
            .any(|left| tall.iter().filter(|r| r.bbox.x0 >= cut).any(|right| close(left, right)));
    beside || over_cut
}

fn centre_x(atom: &Atom) -> i32 {
    (atom.bbox.x0 + atom.bbox.x1) / 2
}

/// How many printed lines a column of the region holds: the most covered
/// rows in any strip a column wide. Counted over the whole width, rows of
/// side-by-side articles set on offset baselines merge into one.
fn rows_of_a_column(all: &[Atom], strong: &[usize], glyph: f32) -> usize {
    let Some(left) = strong.iter().map(|&a| all[a].bbox.x0).min() else { return 0 };
    let right = strong.iter().map(|&a| all[a].bbox.x1).max().unwrap_or(left);
    let strip = ((MIN_COLUMN * glyph) as i32).max(1);
    (left..right)
        .step_by(strip as usize)
        .map(|x0| {
            let in_strip = strong.iter().filter(|&&a| all[a].bbox.x0 < x0 + strip && all[a].bbox.x1 > x0);
            covered(in_strip.map(|&a| (all[a].bbox.y0, all[a].bbox.y1)).collect()).len()
        })
        .max()
        .unwrap_or(0)
}

/// The vertical bands inside the extent of `strong` that at most a few
/// words reach into: up to `share` of the region's rows (none in a region
/// of a few rows).
fn low_coverage_bands(all: &[Atom], strong: &[usize], share: f32, glyph: f32) -> Vec<(i32, i32)> {
    let rows = rows_of_a_column(all, strong, glyph);
    let tolerance = (share * rows as f32).floor() as i32;
    let mut events: Vec<(i32, i32)> =
        strong.iter().flat_map(|&a| [(all[a].bbox.x0, 1), (all[a].bbox.x1, -1)]).collect();
    events.sort();
    let mut bands = Vec::new();
    let mut count = 0;
    let mut low_since: Option<i32> = None;
    let mut seen_text = false;
    for (x, delta) in events {
        count += delta;
        if count <= tolerance {
            if low_since.is_none() && seen_text {
                low_since = Some(x);
            }
        } else {
            seen_text = true;
            if let Some(start) = low_since.take() {
                if x > start {
                    bands.push((start, x));
                }
            }
        }
    }
    bands
}

/// Where to cut under a headline that stands over only some of the columns
/// the gutters `cuts` separate: when the headline type sits on the region's
/// top rows, one side of the gutters holds none of it and starts below it,
/// and a band runs under the headline across the whole region. A headline
/// centred over the middle columns of its article would otherwise leave the
/// first column before it.
fn headline_over_some_columns(all: &[Atom], strong: &[usize], cuts: &[i32]) -> Option<i32> {
    if cuts.is_empty() {
        return None;
    }
    let tall: Vec<usize> = strong.iter().copied().filter(|&a| all[a].tall).collect();
    let headline_bottom = tall.iter().map(|&a| all[a].bbox.y1).max()?;
    let rest: Vec<usize> = strong.iter().copied().filter(|a| !tall.contains(a)).collect();
    // The headline is on top: no body word ends above its bottom...
    let headline_top = tall.iter().map(|&a| all[a].bbox.y0).min()?;
    if rest.iter().any(|&a| all[a].bbox.y1 <= headline_top) {
        return None;
    }
    // ...and some part between gutters holds none of it.
    let side_of = |a: usize| cuts.iter().filter(|&&c| (all[a].bbox.x0 + all[a].bbox.x1) / 2 > c).count();
    let with_headline: HashSet<usize> = tall.iter().map(|&a| side_of(a)).collect();
    if with_headline.len() > cuts.len() {
        return None;
    }
    // The first band under the headline that runs across the region.
    let rows = covered(strong.iter().map(|&a| (all[a].bbox.y0, all[a].bbox.y1)).collect());
    rows.windows(2).find(|pair| pair[0].1 >= headline_bottom).map(|pair| (pair[0].1 + pair[1].0) / 2)
}

/// The band under a headline that stands alone on the top rows of a region
/// with rows below it: no word beside the headline is body type.
fn headline_alone_on_top(all: &[Atom], strong: &[usize], rows: &[(i32, i32)]) -> Option<i32> {
    let top = strong.iter().copied().min_by_key(|&a| all[a].bbox.y0)?;
    if !all[top].tall {
        return None;
    }
    // The headline's rows: the covered rows from the top while they hold
    // headline type only.
    let holds_body = |row: &(i32, i32)| {
        strong.iter().any(|&a| {
            let centre = (all[a].bbox.y0 + all[a].bbox.y1) / 2;
            !all[a].tall && centre >= row.0 && centre <= row.1
        })
    };
    let holds_headline = |row: &(i32, i32)| {
        strong.iter().any(|&a| {
            let centre = (all[a].bbox.y0 + all[a].bbox.y1) / 2;
            all[a].tall && centre >= row.0 && centre <= row.1
        })
    };
    let headline_rows = rows.iter().take_while(|row| !holds_body(row)).count();
    // The headline must end there: a headline line beside the body below
    // (two articles side by side, one headline longer) is no band to cut.
    if headline_rows == 0 || headline_rows >= rows.len() || holds_headline(&rows[headline_rows]) {
        return None;
    }
    let (above, below) = (rows[headline_rows - 1], rows[headline_rows]);
    Some((above.1 + below.0) / 2)
}

/// Cuts `atoms` (indices into `all`) into column stretches, in reading
/// order, appending each to `out`.
fn xy_cut(all: &[Atom], atoms: Vec<usize>, scales: &Scales, depth: usize, out: &mut Vec<Vec<usize>>) {
    let strong: Vec<usize> = atoms.iter().copied().filter(|&a| all[a].strong).collect();
    // The depth bound keeps the recursion off the stack limit on
    // pathological pages (every cut peeling off one line).
    if strong.len() < 2 || depth >= MAX_CUT_DEPTH {
        out.push(atoms);
        return;
    }
    let glyph = scales.glyph;
    // Vertical bands (gutters).
    let cuts = gutters(all, &strong, scales);
    if let Some(y) = headline_over_some_columns(all, &strong, &cuts) {
        // Cut under the headline first: the columns beside it are its own.
        let (top, bottom): (Vec<usize>, Vec<usize>) =
            atoms.iter().partition(|&&a| (all[a].bbox.y0 + all[a].bbox.y1) / 2 < y);
        xy_cut(all, top, scales, depth + 1, out);
        xy_cut(all, bottom, scales, depth + 1, out);
        return;
    }
    if !cuts.is_empty() {
        let mut parts: Vec<Vec<usize>> = vec![Vec::new(); cuts.len() + 1];
        for &a in &atoms {
            let centre = (all[a].bbox.x0 + all[a].bbox.x1) / 2;
            parts[cuts.iter().filter(|&&c| centre > c).count()].push(a);
        }
        for part in parts.into_iter().filter(|p| !p.is_empty()) {
            xy_cut(all, part, scales, depth + 1, out);
        }
        return;
    }
    // Horizontal bands: under headlines, between stacked articles.
    let rows = covered(strong.iter().map(|&a| (all[a].bbox.y0, all[a].bbox.y1)).collect());
    // The usual gap between rows, of the page and of this region (the
    // page's lines may be set tighter or looser than this article's).
    let row_gap = median(rows.windows(2).map(|pair| (pair[1].0 - pair[0].1) as f32).collect()).unwrap_or(0.0);
    let threshold = (BAND_OVER_LINE_GAP * scales.line_gap.max(row_gap)).max(BAND_MIN * glyph);
    // One cut at a time, at the widest band: cutting at every band at once
    // would slice side-by-side columns into strips wherever their lines
    // happen to align.
    let widest = rows
        .windows(2)
        .map(|pair| (pair[1].0 - pair[0].1, (pair[0].1 + pair[1].0) / 2))
        .max_by_key(|&(gap, position)| (gap, -position));
    // A headline standing alone on the region's top rows is cut off first,
    // at whatever band runs under it: a wider band further down may be a
    // paragraph gap that happens to line up across the article's columns.
    let under_headline = headline_alone_on_top(all, &strong, &rows);
    let mut cuts: Vec<i32> = under_headline
        .or(widest.filter(|&(gap, _)| gap as f32 >= threshold).map(|(_, position)| position))
        .into_iter()
        .collect();
    if cuts.is_empty() {
        // No clear band: a headline set close above its columns. Cut at the
        // first gap between rows below which the columns separate.
        let first_columns_below = rows.windows(2).map(|pair| (pair[0].1 + pair[1].0) / 2).find(|&y| {
            let below: Vec<usize> =
                strong.iter().copied().filter(|&a| (all[a].bbox.y0 + all[a].bbox.y1) / 2 > y).collect();
            has_gutter(all, &below, scales)
        });
        match first_columns_below {
            Some(y) if glued_rows_over_columns(all, &strong, y, scales) => {
                let below: Vec<usize> = strong.iter().copied().filter(|&a| centre_y(&all[a]) > y).collect();
                let columns = gutters(all, &below, scales);
                let mut parts: Vec<Vec<usize>> = vec![Vec::new(); columns.len() + 1];
                for &a in &atoms {
                    parts[columns.iter().filter(|&&c| centre_x(&all[a]) > c).count()].push(a);
                }
                for part in parts.into_iter().filter(|p| !p.is_empty()) {
                    xy_cut(all, part, scales, depth + 1, out);
                }
                return;
            }
            Some(y) => cuts.push(y),
            None => {
                out.push(atoms);
                return;
            }
        }
    }
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); cuts.len() + 1];
    for &a in &atoms {
        let centre = (all[a].bbox.y0 + all[a].bbox.y1) / 2;
        parts[cuts.iter().filter(|&&c| centre > c).count()].push(a);
    }
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        xy_cut(all, part, scales, depth + 1, out);
    }
}

/// True when the rows of `strong` above `y`, under which columns separate,
/// are the columns' own first rows glued across their gutter (OCR boxes
/// straddling a narrow gutter on the top rows), not a headline or a stretch
/// of text set above them: body type only, and fewer rows than the columns
/// hold below (a chance alignment in the last few rows of a single column
/// has most of the column above it). Such rows are cut at the gutters
/// found below instead of being read as one block across the columns.
fn glued_rows_over_columns(all: &[Atom], strong: &[usize], y: i32, scales: &Scales) -> bool {
    let (above, below): (Vec<usize>, Vec<usize>) = strong.iter().partition(|&&a| centre_y(&all[a]) < y);
    let rows_above = covered(above.iter().map(|&a| (all[a].bbox.y0, all[a].bbox.y1)).collect()).len();
    !above.iter().any(|&a| all[a].tall) && rows_above < rows_of_a_column(all, &below, scales.glyph)
}

fn centre_y(atom: &Atom) -> i32 {
    (atom.bbox.y0 + atom.bbox.y1) / 2
}

/// Moves every region right after the regions of the headline it stands
/// under: the nearest headline region above it that overlaps it
/// horizontally (a headline may be centred over its columns), or the
/// headline of the column set right above it when that headline is the
/// lower one. The XY-cut
/// reads a column that runs down beside another article (an article
/// continued in its last column) after that article; under its own headline
/// it comes before. A headline region is one whose printed lines are all set
/// in `headline_type` (see [`set_in_headline_type`]). A
/// region under no headline goes with the region before it, and the order
/// within one headline's regions is the cut's.
fn under_their_headlines(
    all: &[Atom],
    regions: Vec<Vec<usize>>,
    headline_type: HeadlineType,
    glyph: f32,
) -> Vec<Vec<usize>> {
    let extent = |region: &[usize]| {
        let strong: Vec<usize> = region.iter().copied().filter(|&a| all[a].strong).collect();
        let chosen = if strong.is_empty() { region } else { &strong };
        chosen.iter().map(|&a| all[a].bbox).reduce(union).expect("regions are never empty")
    };
    let boxes: Vec<BBox> = regions.iter().map(|r| extent(r)).collect();
    let headline: Vec<bool> = regions.iter().map(|r| set_in_headline_type(all, r, headline_type)).collect();
    let tiers = tiers_of_articles(&boxes, &headline, glyph);
    // A region under no headline goes with the region before it.
    let mut owner: Vec<usize> = Vec::with_capacity(regions.len());
    for index in 0..regions.len() {
        if headline[index] {
            owner.push(index);
            continue;
        }
        let b = boxes[index];
        let above = (0..regions.len())
            .filter(|&h| headline[h] && boxes[h].y1 <= b.y0)
            .filter(|&h| boxes[h].x1.min(b.x1) > boxes[h].x0.max(b.x0))
            .filter(|&h| !tiers.iter().any(|&y| boxes[h].y1 <= y && y <= b.y0))
            .max_by_key(|&h| boxes[h].y1);
        owner.push(above.unwrap_or_else(|| if index == 0 { 0 } else { owner[index - 1] }));
    }
    // A region set right under a column of a lower article than the headline
    // found above it follows that column: a headline centred over the first
    // columns of its article leaves its last column's foot (a byline, a last
    // paragraph cut off by a band) under no headline of its own but under a
    // wider one of the article above. Top to bottom, so a column's stretches
    // pass their owner down.
    let crosses_tier =
        |upper: usize, lower: usize| tiers.iter().any(|&y| boxes[upper].y1 <= y && y <= boxes[lower].y0);
    let mut by_top: Vec<usize> = (0..regions.len()).filter(|&r| !headline[r]).collect();
    by_top.sort_by_key(|&r| (boxes[r].y0, boxes[r].x0));
    for index in by_top {
        let b = boxes[index];
        let Some(column_above) = (0..regions.len())
            .filter(|&r| r != index && boxes[r].y1 <= b.y0)
            .filter(|&r| boxes[r].x1.min(b.x1) > boxes[r].x0.max(b.x0))
            .max_by_key(|&r| boxes[r].y1)
        else {
            continue;
        };
        let lead = owner[column_above];
        let lower_article = |own: usize| !headline[own] || boxes[lead].y1 > boxes[own].y1;
        if !headline[column_above]
            && headline[lead]
            && lead != owner[index]
            && lower_article(owner[index])
            && !crosses_tier(column_above, index)
        {
            owner[index] = lead;
        }
    }
    let mut order: Vec<usize> = (0..regions.len()).collect();
    order.sort_by_key(|&index| (owner[index], index));
    let mut regions: Vec<Option<Vec<usize>>> = regions.into_iter().map(Some).collect();
    order.into_iter().map(|index| regions[index].take().expect("each region once")).collect()
}

/// Where a new tier of stacked articles starts: a band at least `glyph`
/// high that no region runs across, with a headline region the first below
/// it. A headline never leads a region across such a band: the last column
/// of a lower article, beside that article's narrower headline, stands
/// under the upper article's headline too, but is read with its own tier.
/// (Without a headline under it, a band is no more than a paragraph gap
/// lined up across columns.)
fn tiers_of_articles(boxes: &[BBox], headline: &[bool], glyph: f32) -> Vec<i32> {
    let mut by_top: Vec<usize> = (0..boxes.len()).collect();
    by_top.sort_by_key(|&r| (boxes[r].y0, !headline[r]));
    let mut tiers = Vec::new();
    let mut reach = i32::MIN;
    for r in by_top {
        let b = boxes[r];
        if reach != i32::MIN && (b.y0 - reach) as f32 >= glyph && headline[r] {
            tiers.push((reach + b.y0) / 2);
        }
        reach = reach.max(b.y1);
    }
    tiers
}

/// True when every printed line of `region` that holds strong words is set
/// in headline type. Measured per
/// printed line, not per word: OCR reads bits of a large glyph as a short
/// word of its own (a stroke as "nl"), whose box is no taller than body
/// type, and such a fragment must not make a headline's region body text.
fn set_in_headline_type(all: &[Atom], region: &[usize], headline_type: HeadlineType) -> bool {
    let lines: Vec<Vec<usize>> = printed_lines(all, region.to_vec())
        .into_iter()
        .map(|words| words.into_iter().filter(|&a| all[a].strong).collect::<Vec<usize>>())
        .filter(|strong| !strong.is_empty())
        .collect();
    !lines.is_empty()
        && lines.iter().all(|strong| {
            line_size(all, strong, headline_type.script).is_some_and(|size| size >= headline_type.size)
        })
}

/// True unless a Latin printed line's words are mostly of body height (the
/// median word box under [`Scales::headline_word_height`]): the line's
/// extent, which sets its size, runs from its highest box to its lowest, so
/// one box OCR drew over two lines, or a quote mark set high, makes a body
/// line as tall as a headline. CJK lines are measured over their cells.
fn words_tall(atoms: &[Atom], words: &[usize], scales: &Scales) -> bool {
    scales.headline_word_height.is_none_or(|tall| {
        median(words.iter().map(|&a| height(&atoms[a].bbox)).collect()).is_some_and(|usual| usual >= tall)
    })
}

/// Each OCR block of a region as one atom: the box of its strong words,
/// headline type when all of them are.
fn block_units(all: &[Atom], region: &[usize]) -> Vec<Atom> {
    let mut units: Vec<Atom> = Vec::new();
    let mut unit_of: HashMap<usize, usize> = HashMap::new();
    for &a in region {
        let atom = &all[a];
        let unit = *unit_of.entry(atom.block).or_insert_with(|| {
            units.push(Atom { text: String::new(), line: usize::MAX - atom.block, word: 0, ..atom.clone() });
            units.len() - 1
        });
        let u = &mut units[unit];
        if atom.strong && (!u.strong || u.text.is_empty()) {
            u.bbox = atom.bbox;
        } else if atom.strong || !u.strong {
            u.bbox = union(u.bbox, atom.bbox);
        }
        u.text.push_str(&atom.text);
        u.strong |= atom.strong;
        u.tall = u.tall && (atom.tall || !atom.strong);
    }
    units
}

/// True when two OCR blocks of a region stand side by side: their strong
/// words share rows but not columns.
fn blocks_side_by_side(all: &[Atom], region: &[usize]) -> bool {
    let units = block_units(all, region);
    let strong: Vec<&Atom> = units.iter().filter(|u| u.strong).collect();
    strong.iter().enumerate().any(|(i, a)| {
        strong[i + 1..].iter().any(|b| {
            let rows = a.bbox.y1.min(b.bbox.y1) - a.bbox.y0.max(b.bbox.y0);
            let columns = a.bbox.x1.min(b.bbox.x1) - a.bbox.x0.max(b.bbox.x0);
            rows as f32 > 0.5 * height(&a.bbox).min(height(&b.bbox)) && columns < 0
        })
    })
}

/// Groups a region's atoms into printed lines (top to bottom), each read
/// left to right.
fn printed_lines(all: &[Atom], mut atoms: Vec<usize>) -> Vec<Vec<usize>> {
    atoms.sort_by_key(|&a| (all[a].bbox.y0 + all[a].bbox.y1, all[a].bbox.x0));
    let mut lines: Vec<(i32, i32, Vec<usize>)> = Vec::new();
    for a in atoms {
        let b = all[a].bbox;
        let joins = lines.last().is_some_and(|(y0, y1, _)| {
            let overlap = (b.y1.min(*y1) - b.y0.max(*y0)) as f32;
            overlap >= 0.5 * height(&b).min((y1 - y0).max(1) as f32)
        });
        if joins {
            let last = lines.last_mut().expect("checked");
            // The line's extent follows its strong words only, so a tall
            // mark does not swallow the next line.
            if all[a].strong {
                last.0 = last.0.min(b.y0);
                last.1 = last.1.max(b.y1);
            }
            last.2.push(a);
        } else {
            lines.push((b.y0, b.y1, vec![a]));
        }
    }
    // A flat or small mark (a dash, a quote) sorts before the glyphs of its
    // line by its centre and starts a line of its own; another flat glyph
    // may then start the line the rest joins. Lines that still overlap by
    // half the shorter one's height are one printed line.
    let mut merged: Vec<(i32, i32, Vec<usize>)> = Vec::new();
    for (y0, y1, words) in lines {
        let overlaps = merged.last().is_some_and(|last| {
            let overlap = (y1.min(last.1) - y0.max(last.0)) as f32;
            overlap >= 0.5 * ((y1 - y0).max(1).min((last.1 - last.0).max(1))) as f32
        });
        match merged.last_mut() {
            Some(last) if overlaps => {
                last.0 = last.0.min(y0);
                last.1 = last.1.max(y1);
                last.2.extend(words);
            }
            _ => merged.push((y0, y1, words)),
        }
    }
    merged
        .into_iter()
        .map(|(_, _, mut words)| {
            words.sort_by_key(|&a| (all[a].bbox.x0, all[a].line, all[a].word));
            words
        })
        .collect()
}

/// The text of a run of words: a space between them, except between two
/// wide characters set close together (CJK text has no spaces; OCR words
/// there are arbitrary chunks).
fn join_words(all: &[Atom], words: &[usize]) -> String {
    let mut text = String::new();
    for (index, &a) in words.iter().enumerate() {
        if index > 0 {
            let before = &all[words[index - 1]];
            let close = (all[a].bbox.x0 - before.bbox.x1) as f32
                <= 0.5 * height(&before.bbox).min(height(&all[a].bbox));
            let wide = before.text.chars().next_back().is_some_and(is_wide)
                && all[a].text.chars().next().is_some_and(is_wide);
            if !(close && wide) {
                text.push(' ');
            }
        }
        text.push_str(&all[a].text);
    }
    text
}

/// A piece under construction: its words, all from one OCR line.
fn pieces_of_line(all: &[Atom], words: &[usize]) -> Vec<Vec<usize>> {
    let glyph = median(words.iter().map(|&a| height(&all[a].bbox)).collect()).unwrap_or(1.0);
    let mut pieces: Vec<Vec<usize>> = Vec::new();
    for &a in words {
        let split = pieces.last().is_none_or(|piece| {
            let last = &all[*piece.last().expect("pieces are never empty")];
            last.line != all[a].line
                || all[a].word < last.word
                || (all[a].bbox.x0 - last.bbox.x1) as f32 > PIECE_GAP * glyph
        });
        if split {
            pieces.push(vec![a]);
        } else {
            pieces.last_mut().expect("checked").push(a);
        }
    }
    pieces
}

/// Builds the page of one structured OCR page. `first_line` is the 1-based
/// file position of the page's first OCR line; `script` forces the script
/// when set.
pub fn layout_page(ocr: &OcrPage, index: usize, first_line: usize, script: Option<Script>) -> Page {
    let mut atoms: Vec<Atom> = Vec::new();
    let mut unboxed: Vec<Atom> = Vec::new();
    let mut line_gaps: Vec<f32> = Vec::new();
    for (ordinal, (block_index, _, line)) in ocr.lines().enumerate() {
        for (word_index, word) in line.words.iter().enumerate() {
            let bbox = word.bbox.or(line.bbox);
            let atom = Atom {
                text: word.text.clone(),
                bbox: bbox.unwrap_or(BBox { x0: 0, y0: 0, x1: 0, y1: 0 }),
                line: first_line + ordinal,
                word: word_index,
                block: block_index,
                strong: false,
                line_size: 0.0,
                tall: false,
            };
            match bbox {
                Some(_) => atoms.push(atom),
                None => unboxed.push(atom),
            }
        }
    }
    // The usual gap between consecutive OCR lines that stand one above the
    // other (the lines of one column).
    let lines: Vec<BBox> = ocr.lines().filter_map(|(_, _, l)| l.bbox).collect();
    for pair in lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let overlap = a.x1.min(b.x1) - a.x0.max(b.x0);
        if overlap > 0 && b.y0 >= a.y1 {
            line_gaps.push((b.y0 - a.y1) as f32);
        }
    }
    let letters = |text: &str| text.chars().any(char::is_alphanumeric);
    let text: String = atoms.iter().chain(&unboxed).map(|a| a.text.as_str()).collect();
    let script = script.unwrap_or(if wide_share(&text) >= 0.5 { Script::Cjk } else { Script::Latin });
    // The body glyph size: the median over OCR lines (runs of a glued CJK
    // line, see [`runs_of_line`]) of each one's size (single words vary too
    // much: CJK chunks, punctuation).
    let mut line_sizes = Vec::new();
    let mut start = 0;
    while start < atoms.len() {
        let end = (start..atoms.len()).find(|&i| atoms[i].line != atoms[start].line).unwrap_or(atoms.len());
        let words: Vec<usize> = (start..end).filter(|&i| letters(&atoms[i].text)).collect();
        let runs = runs_of_line(&atoms, &words);
        for (index, run) in runs.iter().enumerate() {
            let Some(size) = line_size(&atoms, run, script) else { continue };
            line_sizes.push(size);
            // Every word from the run's start to the next run's takes its
            // size (marks without letters included); the first run also
            // takes any marks before it.
            let from = if index == 0 { i32::MIN } else { atoms[run[0]].bbox.x0 };
            let to = runs.get(index + 1).map_or(i32::MAX, |next| atoms[next[0]].bbox.x0);
            for atom in &mut atoms[start..end] {
                if (from..to).contains(&atom.bbox.x0) {
                    atom.line_size = size;
                }
            }
        }
        start = end;
    }
    let glyph = median(line_sizes).unwrap_or(1.0);
    let headline_ratio = if script == Script::Cjk { HEADLINE_HEIGHT_CJK } else { HEADLINE_HEIGHT };
    for atom in &mut atoms {
        let (w, h) = ((atom.bbox.x1 - atom.bbox.x0) as f32, height(&atom.bbox));
        // A rule or a speck read as a letter: very thin and tall, or tiny.
        let rule = w < 0.25 * h && h > 1.5 * glyph;
        let speck = w.max(h) < 0.35 * glyph;
        atom.strong = letters(&atom.text) && !rule && !speck;
        atom.tall = atom.line_size >= headline_ratio * glyph;
    }
    // Sizes are measured on the boxes as read (a run's extent over its
    // cells is what the tall boxes leave true); placing uses settled boxes.
    settle_tall_boxes(&mut atoms);
    let scales = Scales {
        glyph,
        line_gap: median(line_gaps).unwrap_or(0.5 * glyph).max(0.1 * glyph),
        gutter_min: if script == Script::Cjk { GUTTER_MIN_CJK } else { GUTTER_MIN_LATIN },
        intruding_share: if script == Script::Cjk { INTRUDING_SHARE_CJK } else { INTRUDING_SHARE_LATIN },
        headline_word_height: (script == Script::Latin).then(|| {
            let usual = median(atoms.iter().filter(|a| a.strong).map(|a| height(&a.bbox)).collect());
            HEADLINE_HEIGHT * usual.unwrap_or(glyph)
        }),
        column_starts: script == Script::Cjk,
    };
    let mut regions = Vec::new();
    xy_cut(&atoms, (0..atoms.len()).collect(), &scales, 0, &mut regions);
    // A region whose words come from OCR blocks standing side by side is
    // cut again with those blocks as units: blocks from a layout analysis
    // (PAGE regions, ALTO blocks) are columns even where the gutter is too
    // narrow to see between words.
    let unit_scales =
        Scales { gutter_min: UNIT_GUTTER_MIN, intruding_share: 0.0, column_starts: false, ..scales };
    let mut regions: Vec<Vec<usize>> = regions
        .into_iter()
        .flat_map(|region| {
            if !blocks_side_by_side(&atoms, &region) {
                return vec![region];
            }
            let units = block_units(&atoms, &region);
            let mut groups = Vec::new();
            xy_cut(&units, (0..units.len()).collect(), &unit_scales, 0, &mut groups);
            groups
                .into_iter()
                .map(|group| {
                    let blocks: HashSet<usize> = group.iter().map(|&u| units[u].block).collect();
                    region.iter().copied().filter(|&a| blocks.contains(&atoms[a].block)).collect()
                })
                .collect()
        })
        .collect();
    regions.retain(|r| !r.is_empty());
    let headline_type = HeadlineType { size: headline_ratio * glyph, script };
    let regions = under_their_headlines(&atoms, regions, headline_type, glyph);

    let mut page = Page { index, pieces: Vec::new(), lines: Vec::new(), blocks: Vec::new(), script };
    let mut tall: Vec<bool> = Vec::new();
    // Per region, its printed lines with their extents and headline type.
    let measured_regions: Vec<MeasuredRegion> = regions
        .into_iter()
        .map(|region| {
            let lines = printed_lines(&atoms, region);
            let measured = lines
                .iter()
                .map(|words| {
                    let strong: Vec<usize> = words.iter().copied().filter(|&a| atoms[a].strong).collect();
                    let sized = if strong.is_empty() { words } else { &strong };
                    // A CJK line is measured over its cells: a glyph OCR
                    // boxed as a speck still fills one, so every word with
                    // letters counts (dropping it would leave the line's
                    // extent over fewer cells and make body type a headline).
                    let glyphs: Vec<usize> =
                        words.iter().copied().filter(|&a| letters(&atoms[a].text)).collect();
                    let measured_over =
                        if script == Script::Cjk && !glyphs.is_empty() { &glyphs } else { sized };
                    let line_glyph = line_size(&atoms, measured_over, script).unwrap_or(glyph);
                    let extent =
                        words.iter().map(|&a| atoms[a].bbox).reduce(union).expect("lines are never empty");
                    (extent, line_glyph >= headline_ratio * glyph && words_tall(&atoms, sized, &scales))
                })
                .collect();
            (lines, measured)
        })
        .collect();
    // The usual line pitch (centre to centre) of body lines in a column: a
    // block ends where the pitch is clearly wider (box gaps vary with
    // ascenders and descenders, pitches do not), or where headline type
    // starts or ends.
    let centre = |b: &BBox| (b.y0 + b.y1) as f32 / 2.0;
    let pitch = median(
        measured_regions
            .iter()
            .flat_map(|(_, measured)| {
                measured
                    .windows(2)
                    .filter(|pair| !pair[0].1 && !pair[1].1)
                    .map(|pair| centre(&pair[1].0) - centre(&pair[0].0))
            })
            .filter(|p| *p > 0.0)
            .collect(),
    )
    .unwrap_or(2.0 * glyph);
    for (lines, measured) in measured_regions {
        for (index, words) in lines.into_iter().enumerate() {
            let (extent, is_tall) = measured[index];
            let new_block = index == 0 || {
                let (above, above_tall) = measured[index - 1];
                if is_tall && above_tall {
                    // Headline lines: a block ends only at a gap as high
                    // as a line of theirs.
                    (extent.y0 - above.y1) as f32 > height(&extent).min(height(&above))
                } else {
                    centre(&extent) - centre(&above) > BLOCK_PITCH * pitch || is_tall != above_tall
                }
            };
            if new_block {
                if let Some(last) = page.blocks.last_mut() {
                    last.end = page.lines.len();
                }
                page.blocks.push(page.lines.len()..page.lines.len());
            }
            push_line(&mut page, &atoms, &words, is_tall, &mut tall);
        }
    }
    // Words without any coordinates: kept, in file order, in a block of
    // their own at the end of the page.
    if !unboxed.is_empty() {
        if let Some(last) = page.blocks.last_mut() {
            last.end = page.lines.len();
        }
        page.blocks.push(page.lines.len()..page.lines.len());
        let all = unboxed;
        let mut start = 0;
        while start < all.len() {
            let end = (start..all.len()).find(|&i| all[i].line != all[start].line).unwrap_or(all.len());
            let words: Vec<usize> = (start..end).collect();
            push_line(&mut page, &all, &words, false, &mut tall);
            start = end;
        }
    }
    if let Some(last) = page.blocks.last_mut() {
        last.end = page.lines.len();
    }
    classify::label_page(&mut page);
    for (piece, &is_tall) in page.pieces.iter_mut().zip(&tall) {
        // Glyph height is the better headline evidence: a short body line
        // standing alone is not a headline, a tall line is one.
        if is_tall && piece.role != Role::Byline {
            piece.role = Role::Headline;
        } else if piece.role == Role::Headline && !is_tall {
            piece.role = Role::Subhead;
        }
    }
    page
}

/// Gives each CJK word box that runs down over two printed lines the
/// vertical extent of the nearest regular word of its OCR line. Tesseract
/// often boxes a glyph (or punctuation) of a CJK line from its own line's
/// top to the next line's bottom; such a box would glue two printed lines
/// into one and bridge the band under a headline. Its OCR line says which
/// printed line it belongs to; the nearest word (not the line's median)
/// because a glued line runs into articles set on other baselines. A
/// headline glyph beside smaller type is tall too, but about as wide as
/// tall: only boxes much taller than their glyphs are wide move. `atoms`
/// holds each OCR line's words contiguously.
fn settle_tall_boxes(atoms: &mut [Atom]) {
    let mut start = 0;
    while start < atoms.len() {
        let end = (start..atoms.len()).find(|&i| atoms[i].line != atoms[start].line).unwrap_or(atoms.len());
        let usual = median(atoms[start..end].iter().map(|a| height(&a.bbox)).collect()).unwrap_or(1.0);
        let runs_over = |a: &Atom| {
            let per_cell = (a.bbox.x1 - a.bbox.x0).max(1) as f32 / cells(&a.text).max(1.0);
            wide_share(&a.text) >= 0.5
                && height(&a.bbox) > TALL_BOX_OVER_LINE * usual
                && height(&a.bbox) > TALL_BOX_OVER_CELL * per_cell
        };
        let tall: Vec<usize> = (start..end).filter(|&i| runs_over(&atoms[i])).collect();
        let regular: Vec<BBox> = (start..end)
            .filter(|&i| height(&atoms[i].bbox) <= TALL_BOX_OVER_LINE * usual)
            .map(|i| atoms[i].bbox)
            .collect();
        for i in tall {
            let b = atoms[i].bbox;
            let distance = |r: &BBox| (r.x0 - b.x1).max(b.x0 - r.x1).max(0);
            if let Some(nearest) = regular.iter().min_by_key(|r| distance(r)) {
                atoms[i].bbox.y0 = nearest.y0;
                atoms[i].bbox.y1 = nearest.y1;
            }
        }
        start = end;
    }
}

/// An OCR line's words (indices into `atoms`, with letters) in runs set
/// close together, left to right. A CJK line glued across columns
/// (Tesseract `--psm 4/6`) spans whole gutters and the blank ends of short
/// lines; its extent over its cells would overstate its glyph size (and make
/// body lines headlines) wherever one column holds only a line end. A gap
/// wider than two glyph heights of the run before it starts a new run
/// (spaced-out characters inside a column stay in one). Latin lines are one
/// run: their size is their height, which gaps do not change.
fn runs_of_line(atoms: &[Atom], words: &[usize]) -> Vec<Vec<usize>> {
    let text: String = words.iter().map(|&a| atoms[a].text.as_str()).collect();
    if wide_share(&text) < 0.5 {
        return vec![words.to_vec()];
    }
    let mut sorted = words.to_vec();
    sorted.sort_by_key(|&a| atoms[a].bbox.x0);
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut extent: Option<BBox> = None;
    for a in sorted {
        let b = atoms[a].bbox;
        match extent {
            Some(e) if ((b.x0 - e.x1) as f32) <= RUN_GAP * height(&e) => {
                runs.last_mut().expect("a run is open").push(a);
                extent = Some(union(e, b));
            }
            _ => {
                runs.push(vec![a]);
                extent = Some(b);
            }
        }
    }
    runs
}

/// The glyph size of a printed line (about its font size): for CJK text the
/// line's extent over its cells (square glyphs set on a grid; OCR word boxes
/// there overlap and vary in height with punctuation), else the height of
/// the line, ascenders to descenders. On a CJK `script` page every line is
/// measured over its cells: a short run of digits and a few glyphs ("2021
/// 年") is not CJK by share, yet its OCR boxes are as uneven in height, and
/// digits there are set half a cell wide.
fn line_size(atoms: &[Atom], words: &[usize], script: Script) -> Option<f32> {
    if words.is_empty() {
        return None;
    }
    let text: String = words.iter().map(|&a| atoms[a].text.as_str()).collect();
    if script == Script::Cjk || wide_share(&text) >= 0.5 {
        let x0 = words.iter().map(|&a| atoms[a].bbox.x0).min()?;
        let x1 = words.iter().map(|&a| atoms[a].bbox.x1).max()?;
        return Some((x1 - x0).max(1) as f32 / cells(&text).max(1.0));
    }
    let y0 = words.iter().map(|&a| atoms[a].bbox.y0).min()?;
    let y1 = words.iter().map(|&a| atoms[a].bbox.y1).max()?;
    Some((y1 - y0).max(1) as f32)
}

fn union(a: BBox, b: BBox) -> BBox {
    BBox { x0: a.x0.min(b.x0), y0: a.y0.min(b.y0), x1: a.x1.max(b.x1), y1: a.y1.max(b.y1) }
}

fn push_line(page: &mut Page, atoms: &[Atom], words: &[usize], is_tall: bool, tall: &mut Vec<bool>) {
    let line_index = page.lines.len();
    let block = page.blocks.len().saturating_sub(1);
    let first_piece = page.pieces.len();
    for (slot, piece) in pieces_of_line(atoms, words).into_iter().enumerate() {
        let text = join_words(atoms, &piece);
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
            role: Role::Body,
            bbox: boxed.then(|| piece.iter().map(|&a| atoms[a].bbox).reduce(union).expect("non-empty")),
        });
        tall.push(is_tall);
    }
    let number = atoms[words[0]].line;
    page.lines.push(Line { number, pieces: first_piece..page.pieces.len(), block });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{Block, TextLine, Word};

    fn word(text: &str, x0: i32, y0: i32, x1: i32, y1: i32) -> Word {
        Word { id: None, text: text.into(), bbox: Some(BBox { x0, y0, x1, y1 }), confidence: None }
    }

    /// A page of one block holding `lines`, none with ids or boxes of its own.
    fn one_block(lines: Vec<TextLine>) -> OcrPage {
        OcrPage { id: None, size: None, blocks: vec![Block { id: None, bbox: None, lines }] }
    }

    /// An OCR line of `words`, without id or box of its own.
    fn line_of(words: Vec<Word>) -> TextLine {
        TextLine { id: None, bbox: None, words }
    }

    /// Two columns of three lines, glued into three OCR lines (psm 4), under
    /// a headline spanning both.
    fn glued_page() -> OcrPage {
        let mut lines = vec![TextLine {
            id: None,
            bbox: None,
            words: vec![word("Big", 0, 0, 120, 60), word("News", 140, 0, 300, 60)],
        }];
        for row in 0..3 {
            let y = 100 + row * 30;
            lines.push(TextLine {
                id: None,
                bbox: None,
                words: vec![
                    word(&format!("left{row}"), 0, y, 90, y + 20),
                    word("aa", 100, y, 140, y + 20),
                    word("|", 150, y - 5, 152, y + 25),
                    word(&format!("right{row}"), 160, y, 250, y + 20),
                    word("bb", 260, y, 300, y + 20),
                ],
            });
        }
        one_block(lines)
    }

    #[test]
    fn glued_columns_are_read_column_by_column() {
        let page = layout_page(&glued_page(), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts[0], "Big News");
        assert_eq!(page.pieces[0].role, Role::Headline);
        let left: Vec<usize> =
            (0..3).map(|r| texts.iter().position(|t| t.starts_with(&format!("left{r}"))).unwrap()).collect();
        let right: Vec<usize> =
            (0..3).map(|r| texts.iter().position(|t| t.contains(&format!("right{r}"))).unwrap()).collect();
        assert!(
            left[0] < left[1] && left[1] < left[2] && left[2] < right[0] && right[0] < right[1],
            "{texts:?}"
        );
        // The gutter bar is kept, with the column its centre falls in.
        // Provenance: the second OCR line, words 2 to 4 ("| right0 bb").
        let right0 = &page.pieces[right[0]];
        assert_eq!(right0.text, "| right0 bb");
        assert_eq!(right0.span, SourceSpan { line: 2, start: 2, end: 5 });
        assert_eq!(right0.bbox, Some(BBox { x0: 150, y0: 95, x1: 300, y1: 125 }));
    }

    /// A CJK page from glued rows: each row's words as (text, x0, x1), all
    /// 30 px high on a 40 px pitch.
    fn cjk_rows(rows: &[Vec<(&str, i32, i32)>]) -> OcrPage {
        let lines = rows
            .iter()
            .enumerate()
            .map(|(row, words)| {
                let y = row as i32 * 40;
                TextLine {
                    id: None,
                    bbox: None,
                    words: words.iter().map(|&(text, x0, x1)| word(text, x0, y, x1, y + 30)).collect(),
                }
            })
            .collect();
        one_block(lines)
    }

    #[test]
    fn glyphs_standing_apart_on_the_grid_do_not_cut_a_cjk_column() {
        // One column of 16 glyphs on a 30 px grid; in most rows OCR breaks
        // the line into words at the same grid position, 12 px apart (wide
        // side bearings): aligned starts, but no gutter.
        let rows: Vec<Vec<(&str, i32, i32)>> = (0..10)
            .map(|row| {
                if row % 4 == 3 {
                    vec![("天天天天天天天天天天天天天天天天", 0, 478)]
                } else {
                    vec![("天天天天天天天天天", 0, 262), ("天天天天天天天", 274, 478)]
                }
            })
            .collect();
        let page = layout_page(&cjk_rows(&rows), 0, 1, None);
        assert_eq!(page.lines.len(), 10);
        assert!(page.lines.iter().all(|line| line.pieces.len() == 1));
    }

    #[test]
    fn a_cjk_gutter_straddled_by_a_few_boxes_is_found() {
        // Two columns of 10 glyphs with a 20 px gutter, glued row by row;
        // two rows have a box running across the gutter, and one row of the
        // left column is a short paragraph end.
        let mut rows: Vec<Vec<(&str, i32, i32)>> = Vec::new();
        for row in 0..10 {
            rows.push(match row {
                3 | 6 => {
                    vec![("甲甲甲甲甲甲甲甲", 0, 238), ("甲甲乙乙", 240, 380), ("乙乙乙乙乙乙乙乙", 382, 620)]
                }
                8 => vec![("甲。", 0, 58), ("乙乙乙乙乙乙乙乙乙乙", 322, 620)],
                _ => vec![("甲甲甲甲甲甲甲甲甲甲", 0, 298), ("乙乙乙乙乙乙乙乙乙乙", 322, 620)],
            });
        }
        let page = layout_page(&cjk_rows(&rows), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        // Every row of the left column comes before the right column (the
        // straddling boxes go with the side their centre is on).
        let last_left = texts.iter().rposition(|t| t.starts_with('甲')).unwrap();
        let first_right = texts.iter().position(|t| t.starts_with('乙')).unwrap();
        assert!(last_left < first_right, "{texts:?}");
        // The short line end beside a wide gap is body type, not a headline.
        assert!(page.pieces.iter().all(|p| p.role != Role::Headline), "{texts:?}");
    }

    #[test]
    fn a_cjk_box_running_over_two_lines_stays_on_its_own() {
        // A CJK column of four rows, 30 px high on a 40 px pitch; OCR boxed
        // one glyph of the second row down to the bottom of the third.
        let mut rows: Vec<Vec<(&str, i32, i32)>> =
            vec![vec![("天天天天", 0, 120), ("天天天", 122, 210)]; 4];
        rows[1] = vec![("天天天天", 0, 120), ("地", 122, 150), ("天天", 152, 210)];
        let mut ocr = cjk_rows(&rows);
        ocr.blocks[0].lines[1].words[1].bbox = Some(BBox { x0: 122, y0: 40, x1: 150, y1: 100 });
        let page = layout_page(&ocr, 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(page.lines.len(), 4, "{texts:?}");
        assert_eq!(texts[1], "天天天天地天天");
    }

    fn atom(text: &str, x0: i32, x1: i32, line: usize, tall: bool) -> Atom {
        let bbox = BBox { x0, y0: 0, x1, y1: 60 };
        Atom { text: text.into(), bbox, line, word: 0, block: 0, strong: true, line_size: 60.0, tall }
    }

    /// An atom with a whole box, on the line numbered by its top.
    fn placed(text: &str, x0: i32, y0: i32, x1: i32, y1: i32, tall: bool) -> Atom {
        Atom { bbox: BBox { x0, y0, x1, y1 }, ..atom(text, x0, x1, y0 as usize, tall) }
    }

    #[test]
    fn a_headline_word_standing_over_a_band_crosses_it() {
        // The band lets a headline word in: its centre lies inside the band,
        // so no headline word stands clear on the right.
        let words = vec![atom("Big", 0, 100, 1, true), atom("News", 110, 230, 1, true)];
        assert!(crosses_headline(&words, &[0, 1], 120, 180));
        // Body words in that place do not block the band.
        let body = vec![atom("Big", 0, 100, 1, false), atom("News", 110, 230, 1, false)];
        assert!(!crosses_headline(&body, &[0, 1], 120, 180));
    }

    /// Atoms of a CJK column: per row (its line), the words' x extents.
    fn rows_of_atoms(rows: &[Vec<(i32, i32)>]) -> Vec<Atom> {
        rows.iter()
            .enumerate()
            .flat_map(|(row, words)| words.iter().map(move |&(x0, x1)| atom("天天", x0, x1, row, false)))
            .collect()
    }

    #[test]
    fn a_few_wide_gaps_among_grid_gaps_make_no_cjk_column_start() {
        // Ten rows on a 30 px glyph: four start a word near x = 300, after
        // gaps of `gaps`; two run across, four end short of it.
        let column = |gaps: [i32; 4]| {
            let mut rows: Vec<Vec<(i32, i32)>> =
                gaps.iter().map(|&gap| vec![(0, 300 - gap), (300, 600)]).collect();
            rows.extend([vec![(0, 600)], vec![(0, 600)]]);
            rows.extend(vec![vec![(0, 250)]; 4]);
            rows_of_atoms(&rows)
        };
        // Two gaps as narrow as the glyph grid's, two wide by chance: half
        // the rows show no gutter there.
        let chance = column([15, 16, 35, 40]);
        assert!(column_starts(&chance, &(0..chance.len()).collect::<Vec<_>>(), 30.0).is_empty());
        // Every gap as wide as a gutter: a column starts there.
        let gutter = column([35, 36, 35, 40]);
        assert_eq!(column_starts(&gutter, &(0..gutter.len()).collect::<Vec<_>>(), 30.0).len(), 1);
    }

    #[test]
    fn a_headline_with_an_ocr_fragment_still_heads_its_columns() {
        // A headline over a left column and a right column that runs down
        // beside a second article (headline and column) set below the
        // first column. OCR read a stroke of the first headline as "nl", a
        // word of body height.
        let atoms = vec![
            placed("大标题新闻", 0, 0, 500, 90, true),
            placed("nl", 510, 30, 518, 60, false),
            placed("左栏正文", 0, 100, 120, 130, false),
            placed("第二标题新", 0, 300, 300, 360, true),
            placed("第二正文", 0, 400, 120, 430, false),
            placed("右栏正文", 400, 100, 520, 130, false),
            placed("右栏续文", 400, 470, 520, 500, false),
        ];
        let regions = vec![vec![0, 1], vec![2], vec![3], vec![4], vec![5, 6]];
        let order: Vec<Vec<usize>> =
            under_their_headlines(&atoms, regions, HeadlineType { size: 40.0, script: Script::Cjk }, 30.0);
        assert_eq!(order, vec![vec![0, 1], vec![2], vec![5, 6], vec![3], vec![4]]);
    }

    #[test]
    fn digits_on_a_cjk_page_are_measured_over_cells_not_by_box_height() {
        // A CJK column; one short line holds a year whose OCR box stands out
        // above and below the glyphs (as Tesseract boxes digits there).
        let mut rows: Vec<Vec<(&str, i32, i32)>> = vec![vec![("天天天天天天天天天天", 0, 300)]; 6];
        rows.insert(3, vec![("自", 0, 30), ("2021", 30, 90), ("年", 90, 120)]);
        let mut ocr = cjk_rows(&rows);
        ocr.blocks[0].lines[3].words[1].bbox = Some(BBox { x0: 30, y0: 111, x1: 90, y1: 159 });
        let page = layout_page(&ocr, 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(page.pieces.iter().all(|p| p.role != Role::Headline), "{texts:?}");
    }

    #[test]
    fn cjk_glyphs_boxed_as_specks_still_count_as_cells() {
        // A CJK column; on one line OCR drew two glyphs as tiny boxes
        // (specks, too small to block a cut), so the line's extent runs
        // over six cells of which only four are strong words.
        let mut rows: Vec<Vec<(&str, i32, i32)>> = vec![vec![("天天天天天天天天天天", 0, 300)]; 6];
        rows.insert(3, vec![("天天", 0, 60), ("元", 60, 90), ("悉", 90, 120), ("天天", 120, 180)]);
        let mut ocr = cjk_rows(&rows);
        ocr.blocks[0].lines[3].words[1].bbox = Some(BBox { x0: 70, y0: 130, x1: 78, y1: 138 });
        ocr.blocks[0].lines[3].words[2].bbox = Some(BBox { x0: 100, y0: 130, x1: 108, y1: 138 });
        let page = layout_page(&ocr, 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(page.pieces.iter().all(|p| p.role != Role::Headline), "{texts:?}");
    }

    #[test]
    fn a_column_of_a_lower_tier_is_not_led_by_the_headline_of_the_upper_one() {
        // Two articles stacked, each over two columns; the lower article's
        // headline spans only its first column, and its second column stands
        // under the upper article's headline.
        let atoms = vec![
            placed("上篇标题", 0, 0, 400, 100, true),
            placed("上篇左栏", 0, 120, 120, 150, false),
            placed("上篇右栏", 300, 120, 420, 150, false),
            placed("下篇标题", 0, 250, 200, 300, true),
            placed("下篇左栏", 0, 320, 120, 350, false),
            placed("下篇右栏", 300, 320, 420, 350, false),
        ];
        let regions: Vec<Vec<usize>> = (0..atoms.len()).map(|a| vec![a]).collect();
        let headline_type = HeadlineType { size: 40.0, script: Script::Cjk };
        let order = under_their_headlines(&atoms, regions.clone(), headline_type, 30.0);
        assert_eq!(order, regions);
    }

    #[test]
    fn the_foot_of_a_column_follows_the_column_above_it() {
        // An upper article over four columns, its last running down beside
        // a lower article whose headline stands over only part of its three
        // columns; a byline under the lower article's last column stands
        // under no headline but the upper one.
        let atoms = vec![
            placed("Upper headline", 0, 0, 1200, 100, true),
            placed("upper one", 0, 120, 200, 150, false),
            placed("upper two", 300, 120, 500, 150, false),
            placed("upper three", 600, 120, 900, 150, false),
            placed("upper four", 1000, 120, 1200, 150, false),
            placed("upper four ends", 1000, 670, 1200, 700, false),
            placed("Lower headline", 0, 300, 650, 360, true),
            placed("lower one", 0, 380, 200, 410, false),
            placed("lower two", 300, 380, 500, 410, false),
            placed("lower three", 600, 380, 900, 410, false),
            placed("Agency, date", 700, 620, 900, 650, false),
        ];
        let mut regions: Vec<Vec<usize>> = (0..atoms.len()).map(|a| vec![a]).collect();
        regions[4].push(5);
        regions.remove(5);
        let headline_type = HeadlineType { size: 40.0, script: Script::Latin };
        let order = under_their_headlines(&atoms, regions.clone(), headline_type, 30.0);
        assert_eq!(order, regions);
    }

    #[test]
    fn glued_top_rows_over_cjk_columns_are_cut_at_the_gutter_below() {
        // Two CJK columns 30 px apart; on the top three rows OCR boxes of
        // both columns reach over the gutter and touch, so no band runs
        // through the whole region, but the columns separate below.
        let glued = vec![("甲甲甲甲甲甲甲甲甲甲甲", 0, 320), ("乙乙乙乙乙乙乙乙乙乙", 320, 630)];
        let apart = vec![("丙丙丙丙丙丙丙丙丙丙", 0, 300), ("丁丁丁丁丁丁丁丁丁丁", 330, 630)];
        let mut rows = vec![glued; 3];
        rows.extend(vec![apart; 5]);
        let page = layout_page(&cjk_rows(&rows), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let last_left = texts.iter().rposition(|t| t.contains('甲') || t.contains('丙')).unwrap();
        let first_right = texts.iter().position(|t| t.contains('乙') || t.contains('丁')).unwrap();
        assert!(last_left < first_right, "{texts:?}");
    }

    #[test]
    fn flat_marks_read_first_stay_on_their_printed_line() {
        // A quote and a dash sort before the glyphs of their line by their
        // centres (the quote high, the dash flat and low).
        let placed = |text: &str, x0: i32, y0: i32, x1: i32, y1: i32| {
            let mut a = atom(text, x0, x1, 0, false);
            a.bbox = BBox { x0, y0, x1, y1 };
            a
        };
        let atoms = vec![
            placed("“", 100, 0, 111, 9),
            placed("策", 150, 0, 161, 9),
            placed("一", 60, 13, 82, 16),
            placed("金", 0, 0, 30, 30),
            placed("河", 30, 0, 60, 30),
            placed("综", 180, 0, 210, 30),
            placed("下", 0, 40, 30, 70),
        ];
        let lines = printed_lines(&atoms, (0..atoms.len()).collect());
        assert_eq!(lines, vec![vec![3, 4, 2, 0, 1, 5], vec![6]]);
    }

    #[test]
    fn a_latin_line_with_one_tall_box_is_body_type() {
        // A column of eight lines, 20 px high on a 30 px pitch; in the fifth
        // OCR drew one word's box from well above the line (a quote mark set
        // high): the line's extent is headline height, its words are not.
        let lines = (0..8)
            .map(|row| {
                let y = row * 30;
                let top = if row == 4 { y - 15 } else { y };
                line_of(vec![
                    word(&format!("said{row}"), 0, y, 80, y + 20),
                    word("\"Getting", 90, top, 200, y + 20),
                    word("everyone", 210, y, 330, y + 20),
                ])
            })
            .collect();
        let page = layout_page(&one_block(lines), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(page.pieces.iter().all(|p| p.role != Role::Headline), "{texts:?}");
        assert_eq!(page.blocks.len(), 1, "{texts:?}");
    }

    #[test]
    fn rows_are_counted_in_a_column_not_across_offset_articles() {
        // Two articles side by side on baselines half a pitch apart: over
        // the whole width their rows merge into one covered band.
        let mut words = Vec::new();
        for row in 0..10 {
            let y = row * 40;
            let mut left = atom("left", 0, 200, row as usize, false);
            left.bbox.y0 = y;
            left.bbox.y1 = y + 30;
            let mut right = atom("right", 240, 440, row as usize, false);
            right.bbox.y0 = y + 20;
            right.bbox.y1 = y + 50;
            words.extend([left, right]);
        }
        let all: Vec<usize> = (0..words.len()).collect();
        assert_eq!(rows_of_a_column(&words, &all, 30.0), 10);
    }

    #[test]
    fn a_headline_on_top_is_cut_off_before_a_paragraph_gap_lined_up_below() {
        // A headline over two glued columns of eight rows; both columns
        // have a paragraph gap after their fourth row, wider than the band
        // under the headline.
        let mut lines = vec![line_of(vec![word("Big", 0, 0, 120, 60), word("News", 140, 0, 300, 60)])];
        for row in 0..8 {
            let y = 80 + row * 30 + if row >= 4 { 40 } else { 0 };
            lines.push(line_of(vec![
                word(&format!("left{row}"), 0, y, 130, y + 20),
                word(&format!("right{row}"), 170, y, 300, y + 20),
            ]));
        }
        let page = layout_page(&one_block(lines), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let position = |t: &str| texts.iter().position(|p| *p == t).unwrap();
        assert_eq!(texts[0], "Big News");
        assert!(position("left7") < position("right0"), "{texts:?}");
    }

    /// Two Latin columns of twenty rows glued row by row (psm 4), a 30 px
    /// gutter; in row 10 the left column's last word box reaches 25 px into
    /// the gutter and is `intruder_height` high.
    fn latin_columns_with_an_intruder(intruder_height: i32) -> OcrPage {
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

    #[test]
    fn a_latin_gutter_with_one_word_standing_into_it_is_found() {
        let page = layout_page(&latin_columns_with_an_intruder(20), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let position = |word: &str| texts.iter().position(|t| t.split(' ').any(|w| w == word)).unwrap();
        assert!(position("left19") < position("right0"), "{texts:?}");
    }

    #[test]
    fn a_word_of_headline_height_in_a_latin_band_is_no_gutter() {
        // The same columns as atoms none of which is set apart as headline
        // type (a glued line's extent hides it): only the intruder's own
        // height tells a headline running across from a body word.
        let columns = |intruder_height: i32| {
            let ocr = latin_columns_with_an_intruder(intruder_height);
            let mut atoms = Vec::new();
            for (row, line) in ocr.blocks[0].lines.iter().enumerate() {
                for (index, word) in line.words.iter().enumerate() {
                    let mut a = atom(&word.text, 0, 0, row, false);
                    a.bbox = word.bbox.unwrap();
                    a.word = index;
                    a.line_size = 20.0;
                    atoms.push(a);
                }
            }
            atoms
        };
        let scales = Scales {
            glyph: 20.0,
            line_gap: 10.0,
            gutter_min: GUTTER_MIN_LATIN,
            intruding_share: INTRUDING_SHARE_LATIN,
            column_starts: false,
            headline_word_height: Some(HEADLINE_HEIGHT * 20.0),
        };
        let body = columns(20);
        assert_eq!(gutters(&body, &(0..body.len()).collect::<Vec<_>>(), &scales).len(), 1);
        let headline = columns(40);
        assert!(gutters(&headline, &(0..headline.len()).collect::<Vec<_>>(), &scales).is_empty());
    }

    #[test]
    fn words_without_boxes_are_kept() {
        let mut ocr = glued_page();
        ocr.blocks[0].lines.push(TextLine {
            id: None,
            bbox: None,
            words: vec![Word { id: None, text: "nowhere".into(), bbox: None, confidence: None }],
        });
        let page = layout_page(&ocr, 0, 1, None);
        assert!(page.pieces.iter().any(|p| p.text == "nowhere" && p.bbox.is_none()));
    }

    #[test]
    fn cjk_words_join_without_spaces() {
        let ocr = one_block(vec![line_of(vec![word("天气", 0, 0, 60, 30), word("转凉。", 62, 0, 150, 30)])]);
        let page = layout_page(&ocr, 0, 1, None);
        assert_eq!(page.pieces[0].text, "天气转凉。");
        assert!(page.is_cjk());
    }

    #[test]
    fn a_page_of_ever_wider_gaps_does_not_recurse_without_bound() {
        // Each line further below the last than the one before: every
        // horizontal cut peels off one line.
        let mut lines = Vec::new();
        let mut y = 0;
        for index in 0..5000 {
            lines.push(TextLine { id: None, bbox: None, words: vec![word("line", 0, y, 100, y + 20)] });
            y += 25 + index;
        }
        let ocr = one_block(lines);
        let page = layout_page(&ocr, 0, 1, None);
        assert_eq!(page.pieces.len(), 5000);
    }

    #[test]
    fn overlapping_and_rotated_boxes_lose_nothing() {
        // Boxes that overlap, and a tall narrow box as a rotated word gives.
        let ocr = one_block(vec![line_of(vec![
            word("one", 0, 0, 50, 20),
            word("two", 30, 5, 80, 25),
            word("sideways", 90, -50, 105, 120),
            word("three", 0, 0, 50, 20),
        ])]);
        let page = layout_page(&ocr, 0, 1, None);
        let mut all: Vec<String> = page
            .pieces
            .iter()
            .flat_map(|p| p.text.split(' ').map(str::to_string).collect::<Vec<_>>())
            .collect();
        all.sort();
        assert_eq!(all, vec!["one", "sideways", "three", "two"]);
    }
}

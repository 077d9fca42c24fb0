//! The recursive XY-cut: word boxes in, regions (one column stretch each)
//! out.
//!
//! A region is cut at every vertical whitespace band that runs through it
//! (a gutter, found from covered extents or from where CJK columns start),
//! else under a headline standing alone on its top rows, else at the widest
//! clear band with a headline right under it, else at the widest band of
//! any width with a headline right under it and columns above it (a lower
//! tier's headline set close under the upper article's columns), else at
//! its widest horizontal band when that is clearly wider than the usual
//! gap between lines, else just under a headline set close above some of
//! its columns (the band under it found in the columns it stands over).
//! A gap in a CJK headline row is no gutter where one article's columns run
//! on under it (see [`one_headline_over_columns`]). A printed column rule
//! read as a stack of bars is a gutter however narrow the whitespace beside
//! it, and where nothing else cuts a region, its ends cut off what lies
//! above and below the rule (see [`rule_gutters`], [`rule_ends`]).
//! Why: with coordinates the columns are visible, and this order is the
//! "input order" every later stage starts from.

use std::collections::{HashMap, HashSet};

use super::{
    centre_x, centre_y, covered, height, is_rule_mark, lower_median, median, Atom, BBox, Scales,
    GUTTER_MIN_CJK, INTRUDING_SHARE_CJK, WIDE_GUTTER,
};
use crate::parse::chars::{cells, is_rule_glyph};

/// A gutter leaves columns at least this many glyph sizes wide...
const MIN_COLUMN: f32 = 6.0;
/// ... and cuts when each side holds at least this many glyph heights of
/// lines, or the band is at least [`WIDE_GUTTER`] glyph heights wide (two
/// headlines side by side on one row).
const MIN_SIDE_HEIGHT: f32 = 2.5;
/// A horizontal band cuts when it is this much wider than the usual gap
/// between consecutive lines...
const BAND_OVER_LINE_GAP: f32 = 1.6;
/// ... and at least this many glyph heights.
const BAND_MIN: f32 = 0.3;
/// The rows under a headline that show whether its columns part under a
/// gap in it: this many glyph sizes below the headline's foot.
const UNDER_HEADLINE_DEPTH: f32 = 4.0;
/// The deepest the XY-cut recurses; deeper regions are read as they are.
const MAX_CUT_DEPTH: usize = 400;
/// The share of a region's rows that must start a word at a column's
/// left edge (short last lines, straddling boxes and punctuation that
/// shifts a row's first box leave many rows without one; the crossing
/// test below rules out chance alignments).
const COLUMN_START_SHARE: f32 = 0.4;
/// ... and at least this many rows: in a short stretch (a column's last
/// few rows) three glyph chunks OCR happened to start after wide gaps at
/// one x make a false gutter, and the stretches it leaves read as a
/// headline over columns of its own.
const COLUMN_START_MIN_ROWS: usize = 4;
/// A word starts a column when it stands this many glyph sizes clear of
/// the words before it in its row (the narrowest CJK gutter).
const COLUMN_START_GAP: f32 = 0.4;
/// ... and the lower median gap before those words is at least this many
/// glyph sizes: a gutter plus the side bearings of the glyphs on both sides.
const COLUMN_START_MEDIAN_GAP: f32 = 0.6;
/// At a column start, at most this many rows per row starting a word there
/// may have a box running across it (boxes straddling the gutter).
const CROSSING_PER_START: f32 = 0.5;
/// A column rule is read as this many bars or more one over the other
/// (OCR reads a printed rule in pieces, a few rows at a time)...
const RULE_STACK_MIN: usize = 4;
/// ... and the region's rows beyond the stack's ends add up to at most
/// this many glyph heights.
const RULE_STACK_OVERHANG: f32 = 1.0;
/// Two tall words on one row closer than this many of their glyph sizes
/// are one headline, whatever band runs between them.
const HEADLINE_GAP: f32 = 1.0;
/// Two headline words of different OCR lines on one row closer than this
/// many of their glyph sizes are one headline too (sparse OCR modes list a
/// headline row's halves as lines of their own); side by side headlines of
/// two articles stand a gutter and more apart.
const HEADLINE_GAP_ACROSS_LINES: f32 = 0.5;
/// In Latin text, a gap between two headline words of one OCR line this
/// many times the line's usual word space is no word space: headlines are
/// set ragged, with even spaces, so a gap this much wider is where OCR
/// joined two side-by-side headlines into one line.
const WIDE_WORD_SPACE: f32 = 1.6;
/// Where gutter candidates leave too narrow a column between them, a
/// column start (see [`column_starts`]) ranks as a band this many glyph
/// sizes wide: a narrower band of low coverage can be glyph gaps of one
/// column that line up on the grid, while rows starting words at one x
/// after clear gaps are a column's left edge.
const COLUMN_START_RANK: f32 = 2.0;

/// True when the strong atoms `strong` leave a vertical band at least a
/// gutter wide between two sides that each hold two rows or more.
pub(super) fn has_gutter(all: &[Atom], strong: &[usize], scales: &Scales) -> bool {
    !gutters(all, strong, scales).is_empty()
}

/// The x positions of the gutters through the strong atoms `strong`.
pub(super) fn gutters(all: &[Atom], strong: &[usize], scales: &Scales) -> Vec<i32> {
    let glyph = scales.glyph;
    // Latin text spaces its words; CJK text does not (there OCR chunks
    // meet anywhere, so a line's gaps say nothing of its spacing).
    let word_spaces = scales.headline_word_height.is_some();
    let columns = covered(strong.iter().map(|&a| (all[a].bbox.x0, all[a].bbox.x1)).collect());
    let mut candidates: Vec<(f32, i32)> = Vec::new();
    for (gap_start, gap_end) in low_coverage_bands(all, strong, scales.intruding_share, glyph) {
        let width = (gap_end - gap_start) as f32;
        if width < scales.gutter_min * glyph {
            continue;
        }
        // A word of headline height reaching into the band, with another
        // one beside it on its line, is a headline running across it, not
        // a body word standing out of a gutter; a lone body word boxed too
        // tall (a speck or a descender of the line below joined to it)
        // has no headline word beside it.
        let headline_in_band = scales.headline_word_height.is_some_and(|tall| {
            let headline_word = |a: usize| height(&all[a].bbox) >= tall;
            strong.iter().any(|&a| {
                let b = &all[a].bbox;
                b.x0 < gap_end
                    && b.x1 > gap_start
                    && headline_word(a)
                    && strong.iter().any(|&n| {
                        let m = &all[n].bbox;
                        let gap = (m.x0 - b.x1).max(b.x0 - m.x1) as f32;
                        n != a
                            && all[n].line == all[a].line
                            && headline_word(n)
                            && gap < HEADLINE_GAP * height(b)
                    })
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
        let between_headlines = headlines_over_columns_of_their_own(all, strong, gap_start, gap_end, scales);
        if between_headlines
            || (wide_enough
                && !crosses_headline(all, strong, gap_start, gap_end, word_spaces)
                && !stops_at_a_tier(all, strong, gap_start, gap_end, glyph)
                && (word_spaces || !parts_headline_under_a_tier(all, strong, gap_start, gap_end, glyph))
                && !one_headline_over_columns(all, strong, gap_start, gap_end, scales))
        {
            candidates.push((width, (gap_start + gap_end) / 2));
        }
    }
    for position in rule_gutters(all, strong, &scales.rules, glyph) {
        if !crosses_headline(all, strong, position - 1, position + 1, word_spaces) {
            candidates.push((COLUMN_START_RANK * glyph, position));
        }
    }
    if scales.column_starts {
        for position in column_starts(all, strong, glyph) {
            if !crosses_headline(all, strong, position - 1, position + 1, word_spaces) {
                candidates.push((COLUMN_START_RANK * glyph, position));
            }
        }
    }
    // Candidates crossed by the boxes of the fewest rows first, then the
    // widest; a band that would leave a column narrower than a few glyphs
    // is a gap inside a column (CJK glyphs sit on a grid, so gaps between
    // them line up from line to line). A band lets a few boxes in, a
    // column start a few boxes across: where two compete for one gutter,
    // the one fewer rows run across is the gutter.
    let rows_across = |position: i32| {
        strong
            .iter()
            .filter(|&&a| all[a].bbox.x0 < position && all[a].bbox.x1 > position)
            .map(|&a| all[a].line)
            .collect::<HashSet<usize>>()
            .len()
    };
    candidates.sort_by(|a, b| rows_across(a.1).cmp(&rows_across(b.1)).then(b.0.total_cmp(&a.0)));
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

/// The headline rows a band parts: each pair is the nearest headline word
/// left of the band and the nearest right of it on one row, in the order
/// of the left words.
fn parted_rows<'a>(
    tall: &'a [&'a Atom],
    gap_start: i32,
    gap_end: i32,
) -> impl Iterator<Item = (&'a Atom, &'a Atom)> + 'a {
    let left_of = move |a: &Atom| centre_x(a) <= gap_start;
    let right_of = move |a: &Atom| centre_x(a) >= gap_end;
    tall.iter()
        .filter(move |l| {
            left_of(l) && !tall.iter().any(|m| left_of(m) && same_row(l, m) && m.bbox.x1 > l.bbox.x1)
        })
        .flat_map(move |l| {
            tall.iter()
                .filter(move |r| {
                    right_of(r)
                        && same_row(l, r)
                        && !tall.iter().any(|m| right_of(m) && same_row(r, m) && m.bbox.x0 < r.bbox.x0)
                })
                .map(move |r| (*l, *r))
        })
}

/// True when the band `[gap_start, gap_end]` parts a row of CJK headline
/// type where the columns right under the space between the parted words
/// run on with no clear band at all: one headline over those columns, with
/// a gap OCR left in it (a glyph read as a mark and dropped, a glyph
/// missed). Side-by-side headlines stand over two articles, and the space
/// between articles runs on under them; a gap inside one headline may be
/// as wide as that space (a glyph or two of headline type), so its width
/// alone cannot tell them apart, but under it one article's columns stand.
/// Measured on the page's body words under the headline, whatever the
/// region being cut holds (it may hold the headline alone): with no word
/// under the headline the band is not refused. Only CJK pages carry the
/// page's body words (see [`Scales::body_words`]): Latin headlines are
/// parted by their word spaces (see [`crosses_headline`]).
pub(super) fn one_headline_over_columns(
    all: &[Atom],
    strong: &[usize],
    gap_start: i32,
    gap_end: i32,
    scales: &Scales,
) -> bool {
    let glyph = scales.glyph;
    let body = &scales.body_words;
    if body.is_empty() {
        return false;
    }
    let tall: Vec<&Atom> = strong.iter().map(|&a| &all[a]).filter(|a| a.tall).collect();
    let parted: Vec<(&Atom, &Atom)> = parted_rows(&tall, gap_start, gap_end).collect();
    let Some(mut bottom) = parted.iter().map(|(l, r)| l.bbox.y1.max(r.bbox.y1)).max() else { return false };
    // The headline's later lines right under the parted row.
    loop {
        let next = tall
            .iter()
            .filter(|a| a.bbox.y1 > bottom && (a.bbox.y0 - bottom) as f32 <= glyph)
            .map(|a| a.bbox.y1)
            .max();
        match next {
            Some(y) => bottom = y,
            None => break,
        }
    }
    let left = strong.iter().map(|&a| all[a].bbox.x0).min().unwrap_or(gap_start);
    let right = strong.iter().map(|&a| all[a].bbox.x1).max().unwrap_or(gap_end);
    let under: Vec<usize> = (0..body.len())
        .filter(|&a| {
            let b = &body[a].bbox;
            centre_y(&body[a]) > bottom
                && ((b.y0 - bottom) as f32) < UNDER_HEADLINE_DEPTH * glyph
                && b.x0 >= left
                && b.x1 <= right
        })
        .collect();
    if under.is_empty() {
        return false;
    }
    // What stands under the space between the parted words: a row of the
    // headline may leave wider space around the band than the band itself
    // (a short last line of the left headline), and a space between two
    // articles under it is what makes them two.
    !low_coverage_bands(body, &under, INTRUDING_SHARE_CJK, glyph).into_iter().any(|(start, end)| {
        (end - start) as f32 >= GUTTER_MIN_CJK * glyph
            && parted.iter().any(|(l, r)| start < r.bbox.x0.max(gap_end) && end > l.bbox.x1.min(gap_start))
    })
}

/// True when the band `[gap_start, gap_end]` parts a row of CJK headline
/// type into two headlines side by side, each over columns of its own: the
/// page's body words under the headline (down the page, within its width)
/// leave a gutter under the space between the parted words, and each part
/// itself runs across another gutter of those words. Why: OCR reads two
/// side-by-side headlines as one line, and where a speck or mark fills the
/// space between them they stand closer than a headline glyph, so the
/// tests that keep one headline whole refuse the cut; one headline over
/// its own columns with a gap over their gutter leaves parts over one
/// column each, which run across no gutter. Only CJK pages carry the
/// page's body words (see [`Scales::body_words`]).
pub(super) fn headlines_over_columns_of_their_own(
    all: &[Atom],
    strong: &[usize],
    gap_start: i32,
    gap_end: i32,
    scales: &Scales,
) -> bool {
    let glyph = scales.glyph;
    let body = &scales.body_words;
    if body.is_empty() {
        return false;
    }
    let tall: Vec<&Atom> = strong.iter().map(|&a| &all[a]).filter(|a| a.tall).collect();
    let Some((left, right)) = parted_rows(&tall, gap_start, gap_end).next() else {
        return false;
    };
    // Each part runs from the parted word outward as far as its words stand
    // closer than a headline glyph (another article's headline may share
    // the row further out).
    let mut row: Vec<&Atom> =
        tall.iter().copied().filter(|a| same_row(a, left) || same_row(a, right)).collect();
    row.sort_by_key(|a| a.bbox.x0);
    let close =
        |a: &Atom, b: &Atom| ((b.bbox.x0 - a.bbox.x1) as f32) < HEADLINE_GAP * a.line_size.max(b.line_size);
    let (Some(left_at), Some(right_at)) =
        (row.iter().position(|a| std::ptr::eq(*a, left)), row.iter().position(|a| std::ptr::eq(*a, right)))
    else {
        return false;
    };
    let mut first = left_at;
    while first > 0 && close(row[first - 1], row[first]) {
        first -= 1;
    }
    let mut last = right_at;
    while last + 1 < row.len() && close(row[last], row[last + 1]) {
        last += 1;
    }
    let start = row[first].bbox.x0;
    let end = row[first..=last].iter().map(|a| a.bbox.x1).max().unwrap_or(right.bbox.x1);
    let bottom = row[first..=last].iter().map(|a| a.bbox.y1).max().unwrap_or(left.bbox.y1);
    let under: Vec<usize> = (0..body.len())
        .filter(|&a| {
            let b = &body[a].bbox;
            centre_y(&body[a]) > bottom && b.x0 >= start && b.x1 <= end
        })
        .collect();
    if under.is_empty() {
        return false;
    }
    let bands: Vec<(i32, i32)> = low_coverage_bands(body, &under, INTRUDING_SHARE_CJK, glyph)
        .into_iter()
        .filter(|(s, e)| (e - s) as f32 >= GUTTER_MIN_CJK * glyph)
        .collect();
    let under_space = bands.iter().any(|&(s, e)| s < right.bbox.x0 && e > left.bbox.x1);
    let across = |from: i32, to: i32| bands.iter().any(|&(s, e)| s > from && e < to);
    under_space && across(start, left.bbox.x1) && across(right.bbox.x0, end)
}

/// True when a gutter `[gap_start, gap_end]` stops at a new tier of
/// articles: under a clear horizontal band a glyph high or more, with
/// headline type right under it, words reach into the gutter on at least
/// half of the rows, or only there. A lower article's columns, set on
/// another grid, run across the gutter of the article above; their few
/// rows are fewer than the share a gutter lets in over a whole page (see
/// [`low_coverage_bands`]) and would be cut through. The band is where the
/// next tier starts (see [`super::regions::tiers_of_articles`]); the region
/// is cut there first. Glyph boxes standing a little out of the upper
/// columns into the gutter's edges do not keep the gutter whole.
pub(super) fn stops_at_a_tier(
    all: &[Atom],
    strong: &[usize],
    gap_start: i32,
    gap_end: i32,
    glyph: f32,
) -> bool {
    let intruders: Vec<i32> = strong
        .iter()
        .filter(|&&a| all[a].bbox.x0 < gap_end && all[a].bbox.x1 > gap_start)
        .map(|&a| centre_y(&all[a]))
        .collect();
    if intruders.is_empty() {
        return false;
    }
    let rows = covered(strong.iter().map(|&a| (all[a].bbox.y0, all[a].bbox.y1)).collect());
    (1..rows.len()).any(|index| {
        let (above, below) = (rows[index - 1], rows[index]);
        let headline_under = strong
            .iter()
            .any(|&a| all[a].tall && centre_y(&all[a]) >= below.0 && centre_y(&all[a]) <= below.1);
        if ((below.0 - above.1) as f32) < glyph || !headline_under {
            return false;
        }
        let lower = &rows[index..];
        let intruded = lower.iter().filter(|row| intruders.iter().any(|&y| y >= row.0 && y <= row.1)).count();
        let all_below = intruders.iter().all(|&y| y > above.1);
        all_below || 2 * intruded >= lower.len()
    })
}

/// True when a gutter `[gap_start, gap_end]` that runs clear down the
/// whole region parts a row of headline type standing right under a clear
/// horizontal band a glyph high or more, with words above that band on both
/// sides of the gutter: a lower tier of articles whose columns are set on
/// the grid of the article above, so that the upper gutter runs on between
/// the lower columns and through a gap of the lower headline (OCR garbled
/// or dropped the glyph over that gutter) or between two lower headlines
/// side by side. Cut through first, each strip holds the upper article's
/// columns and the lower article's, read one after the other, and the lower
/// headline's part beyond the gutter heads no column; cut at the band first
/// (see [`xy_cut`]'s bands with headline type under them), each tier is
/// parted into its own columns. [`stops_at_a_tier`] finds the same band
/// where lower words reach into the gutter; here none do. Asked of CJK
/// pages only (see [`gutters`]): on Latin pages the same test lost on two
/// pages of fresh real-OCR pools (not traceable there; on the readable
/// pools it moved one Latin page, up), and Latin headlines of one row are
/// held together by their word spaces instead (see [`crosses_headline`]).
pub(super) fn parts_headline_under_a_tier(
    all: &[Atom],
    strong: &[usize],
    gap_start: i32,
    gap_end: i32,
    glyph: f32,
) -> bool {
    let rows = covered(strong.iter().map(|&a| (all[a].bbox.y0, all[a].bbox.y1)).collect());
    let left_of = |a: &Atom| centre_x(a) <= gap_start;
    let right_of = |a: &Atom| centre_x(a) >= gap_end;
    (1..rows.len()).any(|index| {
        let (above, below) = (rows[index - 1], rows[index]);
        if ((below.0 - above.1) as f32) < glyph {
            return false;
        }
        let upper: Vec<&Atom> = strong.iter().map(|&a| &all[a]).filter(|a| centre_y(a) <= above.1).collect();
        if !upper.iter().any(|a| left_of(a)) || !upper.iter().any(|a| right_of(a)) {
            return false;
        }
        let headline: Vec<&Atom> = strong
            .iter()
            .map(|&a| &all[a])
            .filter(|a| a.tall && centre_y(a) >= below.0 && centre_y(a) <= below.1)
            .collect();
        headline
            .iter()
            .filter(|l| left_of(l))
            .any(|l| headline.iter().filter(|r| right_of(r)).any(|r| same_row(l, r)))
    })
}

/// Splits each word that holds a column-rule glyph (`|`, see
/// [`is_rule_glyph`]) beside other text into its runs, bars apart, each
/// boxed by its share of the word's characters (same OCR line and word
/// index). Why: OCR reads a printed column rule as a bar and glues the
/// words on its two sides into one word (`ex-|tent`, `wind|rose`) or a word
/// to the bar (`in|`, `|that`); such a word's box runs across the gutter,
/// so no band stays clear and the columns are read row by row across. Split,
/// the bars are rule marks like the bars OCR boxed alone (set apart at the
/// page's end, their stack a rule gutter, see [`rule_gutters`]) and the
/// words stand in their own columns. The parts keep the glued word's
/// standing (`on_rule`, never strong, see [`Atom::on_rule`]): boxes shared
/// out by characters miss the true word edges by a letter or two, and made
/// strong they reach into the narrow gutter beside the rule in enough rows
/// to block it, where the glued word never blocked it. Latin pages only
/// (the caller decides; CJK words are arbitrary chunks).
pub(super) fn split_at_rule_glyphs(atoms: Vec<Atom>) -> Vec<Atom> {
    let mut out = Vec::with_capacity(atoms.len());
    for atom in atoms {
        let has_rule = atom.text.chars().any(is_rule_glyph);
        let has_other = atom.text.chars().any(|c| !is_rule_glyph(c) && !c.is_whitespace());
        if !has_rule || !has_other || is_rule_mark(&atom.text) {
            out.push(atom);
            continue;
        }
        let chars: Vec<char> = atom.text.chars().filter(|c| !c.is_whitespace()).collect();
        let total = chars.len() as i32;
        let width = atom.bbox.x1 - atom.bbox.x0;
        let mut start = 0;
        for run in chars.chunk_by(|a, b| is_rule_glyph(*a) == is_rule_glyph(*b)) {
            let end = start + run.len() as i32;
            let x0 = atom.bbox.x0 + width * start / total;
            let x1 = (atom.bbox.x0 + width * end / total).max(x0 + 1);
            let text: String = run.iter().collect();
            let on_rule = !is_rule_mark(&text);
            out.push(Atom { text, bbox: BBox { x0, x1, ..atom.bbox }, on_rule, ..atom.clone() });
            start = end;
        }
    }
    out
}

/// Gutters found from printed column rules (see [`rule_stacks`]) that run
/// the region's height: the rows of the words lying wholly more than a
/// glyph above a stack's top or below its foot add up to at most
/// [`RULE_STACK_OVERHANG`] glyph heights. Why: a rule is printed only
/// between columns, and where the gutter beside it is narrow the glyphs on
/// both sides reach into it, so neither a clear band nor a column start
/// shows, and sparse OCR modes read each row across all the columns as one
/// line. A stack that stops short of the region's rows (the headline above
/// it, the next article under it) is left to [`rule_ends`].
pub(super) fn rule_gutters(all: &[Atom], strong: &[usize], rules: &[BBox], glyph: f32) -> Vec<i32> {
    rule_stacks(all, strong, rules, glyph)
        .into_iter()
        .filter(|stack| {
            let (top, foot) = (stack.top - glyph as i32, stack.foot + glyph as i32);
            let beyond = covered(
                strong
                    .iter()
                    .map(|&a| all[a].bbox)
                    .filter(|b| b.y1 < top || b.y0 > foot)
                    .map(|b| (b.y0, b.y1))
                    .collect(),
            );
            let overhang: f32 = beyond.iter().map(|r| (r.1 - r.0) as f32).sum();
            overhang <= RULE_STACK_OVERHANG * glyph
        })
        .map(|stack| stack.x)
        .collect()
}

/// A column rule read as bars one over the other: its x (the median bar
/// centre) and the top and foot of its bars.
struct RuleStack {
    x: i32,
    top: i32,
    foot: i32,
}

/// The column rules through the strong atoms `strong`: [`RULE_STACK_MIN`]
/// bars or more whose centres lie within the region's rows, one over the
/// other within [`COLUMN_START_GAP`] glyphs, at least [`MIN_COLUMN`] glyphs
/// in from both sides of the region.
fn rule_stacks(all: &[Atom], strong: &[usize], rules: &[BBox], glyph: f32) -> Vec<RuleStack> {
    let (Some(left), Some(right)) =
        (strong.iter().map(|&a| all[a].bbox.x0).min(), strong.iter().map(|&a| all[a].bbox.x1).max())
    else {
        return Vec::new();
    };
    let (Some(top), Some(foot)) =
        (strong.iter().map(|&a| all[a].bbox.y0).min(), strong.iter().map(|&a| all[a].bbox.y1).max())
    else {
        return Vec::new();
    };
    let margin = (MIN_COLUMN * glyph) as i32;
    let mut bars: Vec<&BBox> = rules
        .iter()
        .filter(|b| {
            let (x, y) = ((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
            y >= top && y <= foot && x >= left + margin && x <= right - margin
        })
        .collect();
    bars.sort_by_key(|b| b.x0 + b.x1);
    let tolerance = (COLUMN_START_GAP * glyph) as i32;
    bars.chunk_by(|a, b| (b.x0 + b.x1) / 2 - (a.x0 + a.x1) / 2 <= tolerance)
        .filter(|stack| stack.len() >= RULE_STACK_MIN)
        .map(|stack| {
            let mut centres: Vec<i32> = stack.iter().map(|b| (b.x0 + b.x1) / 2).collect();
            centres.sort();
            RuleStack {
                x: centres[centres.len() / 2],
                top: stack.iter().map(|b| b.y0).min().unwrap_or(top),
                foot: stack.iter().map(|b| b.y1).max().unwrap_or(foot),
            }
        })
        .collect()
}

/// Where a region with no gutter and no band to cut at holds a column rule
/// (see [`rule_stacks`]; the longest one) that stops
/// short of its rows: horizontal cuts at the rule's ends, at the nearest
/// gap between rows beyond each end, else at the end itself, each only
/// where rows lie beyond it. Why: a headline set close over its columns,
/// or the next article's headline under them, keeps the rule from running
/// the region's height, and with glued rows no band parts them; the rule
/// shows where the columns stand, and once cut off from what lies above
/// and below them they part at it (see [`rule_gutters`]).
pub(super) fn rule_ends(all: &[Atom], strong: &[usize], rules: &[BBox], glyph: f32) -> Vec<i32> {
    let Some(stack) =
        rule_stacks(all, strong, rules, glyph).into_iter().max_by_key(|s| (s.foot - s.top, -s.x))
    else {
        return Vec::new();
    };
    let rows = covered(strong.iter().map(|&a| (all[a].bbox.y0, all[a].bbox.y1)).collect());
    let gaps: Vec<i32> = rows.windows(2).map(|pair| (pair[0].1 + pair[1].0) / 2).collect();
    let above = gaps.iter().copied().filter(|&y| y <= stack.top).max().unwrap_or(stack.top);
    let below = gaps.iter().copied().filter(|&y| y >= stack.foot).min().unwrap_or(stack.foot);
    let parted = |y: i32| {
        strong.iter().any(|&a| centre_y(&all[a]) < y) && strong.iter().any(|&a| centre_y(&all[a]) > y)
    };
    [above, below].into_iter().filter(|&y| parted(y)).collect()
}

/// Gutters found from where columns start, for CJK lines glued across
/// columns: OCR word boxes there often straddle a narrow gutter, but most
/// rows still have a word that starts at the column's left edge after a
/// clear gap, while chunk boundaries inside a column fall anywhere. Returns
/// positions just left of x positions where a good share of the region's
/// rows, and [`COLUMN_START_MIN_ROWS`] rows or more, start a word after a
/// gap (in a region of a few rows chance alignments would pass any share), the lower
/// median of those gaps is as wide as a gutter (glyphs of one column that
/// happen to stand apart on the grid leave narrower ones; the lower median
/// because with four rows the upper one is the second widest, and two
/// chance wide gaps, a shrunken punctuation box beside them, would pass) and
/// few rows have a box running across.
pub(super) fn column_starts(all: &[Atom], strong: &[usize], glyph: f32) -> Vec<i32> {
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
        if lines.len() >= COLUMN_START_MIN_ROWS
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
/// below), or two headline words of different OCR lines on one row closer
/// than [`HEADLINE_GAP_ACROSS_LINES`] (sparse modes list the halves of one
/// headline row as lines of their own). With `word_spaces` (Latin text) two
/// words of one line [`WIDE_WORD_SPACE`] times the line's usual space
/// apart are no neighbours (see [`usual_word_space`]).
pub(super) fn crosses_headline(
    all: &[Atom],
    strong: &[usize],
    gap_start: i32,
    gap_end: i32,
    word_spaces: bool,
) -> bool {
    let tall: Vec<&Atom> = strong.iter().map(|&a| &all[a]).filter(|a| a.tall).collect();
    let spaces: HashMap<usize, f32> = if word_spaces { usual_word_space(all, &tall) } else { HashMap::new() };
    let close = |left: &Atom, right: &Atom| {
        let gap = (right.bbox.x0 - left.bbox.x1) as f32;
        // The line's usual word space is asked only of neighbours on one
        // line (clearing the space between them scans the page).
        let word_space = || {
            spaces
                .get(&left.line)
                .is_none_or(|&usual| gap < WIDE_WORD_SPACE * usual || !clear_between(all, left, right))
        };
        (right.line == left.line && gap < HEADLINE_GAP * left.line_size && word_space())
            || (same_row(left, right)
                && gap < HEADLINE_GAP_ACROSS_LINES * left.line_size.min(right.line_size))
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

/// True when two boxes share a row: they overlap by half the smaller one's
/// height or more.
fn same_row(a: &Atom, b: &Atom) -> bool {
    let overlap = a.bbox.y1.min(b.bbox.y1) - a.bbox.y0.max(b.bbox.y0);
    2.0 * overlap as f32 >= height(&a.bbox).min(height(&b.bbox))
}

/// True for an atom that is a word of its line: not blank, not a column
/// rule OCR read as a bar.
fn is_line_word(atom: &Atom) -> bool {
    !atom.text.trim().is_empty() && !is_rule_mark(&atom.text)
}

/// The usual space between the words of each OCR line that holds one of
/// `tall`: the median gap between neighbours, marks included (a dash set
/// between spaces is a word of the line), column rules not (a rule OCR
/// read as a bar stands in a gutter, not a word space). Only lines with
/// three gaps or more: with fewer, the odd gap would be its own measure.
fn usual_word_space(all: &[Atom], tall: &[&Atom]) -> HashMap<usize, f32> {
    let lines: HashSet<usize> = tall.iter().map(|a| a.line).collect();
    let mut by_line: HashMap<usize, Vec<BBox>> = HashMap::new();
    for atom in all.iter().filter(|a| lines.contains(&a.line) && is_line_word(a)) {
        by_line.entry(atom.line).or_default().push(atom.bbox);
    }
    by_line
        .into_iter()
        .filter_map(|(line, mut boxes)| {
            boxes.sort_by_key(|b| b.x0);
            let gaps: Vec<f32> =
                boxes.windows(2).map(|pair| (pair[1].x0 - pair[0].x1) as f32).filter(|&g| g > 0.0).collect();
            (gaps.len() >= 3).then(|| median(gaps).map(|usual| (line, usual))).flatten()
        })
        .collect()
}

/// True when nothing but column rules stands between `left` and `right`
/// on their OCR line.
fn clear_between(all: &[Atom], left: &Atom, right: &Atom) -> bool {
    !all.iter().any(|a| {
        a.line == left.line && a.bbox.x0 >= left.bbox.x1 && a.bbox.x1 <= right.bbox.x0 && is_line_word(a)
    })
}

/// How many printed lines a column of the region holds: the most covered
/// rows in any strip a column wide. Counted over the whole width, rows of
/// side-by-side articles set on offset baselines merge into one.
pub(super) fn rows_of_a_column(all: &[Atom], strong: &[usize], glyph: f32) -> usize {
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
pub(super) fn low_coverage_bands(all: &[Atom], strong: &[usize], share: f32, glyph: f32) -> Vec<(i32, i32)> {
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
/// first column before it. A part with text beside the headline's rows is
/// no column under it (another article's column, its headline set in body
/// type): then no cut here.
pub(super) fn headline_over_some_columns(all: &[Atom], strong: &[usize], cuts: &[i32]) -> Option<i32> {
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
    // ...and starts below it: a part with text beside the headline's rows
    // is a column of its own (another article's, its headline set in body
    // type), not one under this headline.
    if rest.iter().any(|&a| !with_headline.contains(&side_of(a)) && centre_y(&all[a]) < headline_bottom) {
        return None;
    }
    // The first band under the headline in the parts it stands over; the
    // rows of the other parts are left out, since their columns may be set
    // on another grid, their first row level with the headline's foot, and
    // merged with them every band would lie far down in the columns (a
    // paragraph gap lined up across them). The cut stays above every word
    // of the other parts.
    let headline_parts = strong.iter().copied().filter(|&a| with_headline.contains(&side_of(a)));
    let rows = covered(headline_parts.map(|a| (all[a].bbox.y0, all[a].bbox.y1)).collect());
    let band =
        rows.windows(2).find(|pair| pair[0].1 >= headline_bottom).map(|pair| (pair[0].1 + pair[1].0) / 2)?;
    let other_top =
        rest.iter().filter(|&&a| !with_headline.contains(&side_of(a))).map(|&a| centre_y(&all[a])).min();
    Some(other_top.map_or(band, |top| band.min(top)))
}

/// The band under a headline that stands alone on the top rows of a region
/// with rows below it: no word beside the headline is body type. A word of
/// a line measured under headline type whose box is still of headline
/// height (see [`Scales::headline_box_height`]) is no body word: a
/// headline's short last line, whose few glyphs lose their side bearings
/// over their cells, shares a covered row with the line above it. Nor is a
/// word standing inside a headline word's box (strokes of a large glyph
/// OCR read again as small glyphs).
pub(super) fn headline_alone_on_top(
    all: &[Atom],
    strong: &[usize],
    rows: &[(i32, i32)],
    scales: &Scales,
) -> Option<i32> {
    let top = strong.iter().copied().min_by_key(|&a| all[a].bbox.y0)?;
    if !all[top].tall {
        return None;
    }
    // A word standing inside a headline word's box is a piece of that
    // large glyph: OCR reads strokes of headline type again as small
    // glyphs, listed as a line of their own set in body size.
    let inside_headline_glyph = |a: usize| {
        let (x, y) = (centre_x(&all[a]), centre_y(&all[a]));
        strong.iter().any(|&h| {
            let b = &all[h].bbox;
            all[h].tall && b.x0 <= x && x <= b.x1 && b.y0 <= y && y <= b.y1
        })
    };
    // The headline's rows: the covered rows from the top while they hold
    // headline type only.
    let holds_body = |row: &(i32, i32)| {
        strong.iter().any(|&a| {
            let centre = (all[a].bbox.y0 + all[a].bbox.y1) / 2;
            let headline_box = height(&all[a].bbox) >= scales.headline_box_height;
            !all[a].tall && !headline_box && centre >= row.0 && centre <= row.1 && !inside_headline_glyph(a)
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
pub(super) fn xy_cut(
    all: &[Atom],
    atoms: Vec<usize>,
    scales: &Scales,
    depth: usize,
    out: &mut Vec<Vec<usize>>,
) {
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
        let (top, bottom): (Vec<usize>, Vec<usize>) = atoms.iter().partition(|&&a| centre_y(&all[a]) < y);
        xy_cut(all, top, scales, depth + 1, out);
        xy_cut(all, bottom, scales, depth + 1, out);
        return;
    }
    if !cuts.is_empty() {
        for part in split_at(all, &atoms, &cuts, centre_x) {
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
    let under_headline = headline_alone_on_top(all, &strong, &rows, scales);
    // Else a clear band with headline type right under it is cut before a
    // wider one: it is where the next article starts, while a band without
    // a headline under it is a gap inside one (a paragraph gap, or a line
    // OCR dropped, lined up across the article's columns); cut there first,
    // the columns above and below it would be read row of stretches by row
    // instead of column by column.
    let headline_in = |row: &(i32, i32)| {
        strong.iter().any(|&a| all[a].tall && centre_y(&all[a]) >= row.0 && centre_y(&all[a]) <= row.1)
    };
    let over_headline = rows
        .windows(2)
        .filter(|pair| (pair[1].0 - pair[0].1) as f32 >= threshold && headline_in(&pair[1]))
        .map(|pair| (pair[1].0 - pair[0].1, (pair[0].1 + pair[1].0) / 2))
        .max_by_key(|&(gap, position)| (gap, -position))
        .map(|(_, position)| position);
    // A band of any width with headline type right under it, where the
    // rows above it part into columns: a lower tier's headline set close
    // under the columns of the article above, running across their
    // gutters. Cut under the headline instead, the upper columns and the
    // headline would be one region read row by row.
    let over_headline_under_columns = || {
        rows.windows(2)
            .filter(|pair| pair[1].0 > pair[0].1 && headline_in(&pair[1]))
            .map(|pair| (pair[1].0 - pair[0].1, (pair[0].1 + pair[1].0) / 2))
            .filter(|&(_, position)| {
                let above: Vec<usize> =
                    strong.iter().copied().filter(|&a| centre_y(&all[a]) < position).collect();
                has_gutter(all, &above, scales)
            })
            .max_by_key(|&(gap, position)| (gap, -position))
            .map(|(_, position)| position)
    };
    let mut cuts: Vec<i32> = under_headline
        .or(over_headline)
        .or_else(over_headline_under_columns)
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
                cuts = rule_ends(all, &strong, &scales.rules, glyph);
                if cuts.is_empty() {
                    out.push(atoms);
                    return;
                }
            }
        }
    }
    for part in split_at(all, &atoms, &cuts, centre_y) {
        xy_cut(all, part, scales, depth + 1, out);
    }
}

/// The atoms between consecutive cut positions (ascending), each placed by
/// its centre along the cut axis; empty parts are left out.
fn split_at(all: &[Atom], atoms: &[usize], cuts: &[i32], centre: fn(&Atom) -> i32) -> Vec<Vec<usize>> {
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); cuts.len() + 1];
    for &a in atoms {
        let at = centre(&all[a]);
        parts[cuts.iter().filter(|&&c| at > c).count()].push(a);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// True when the rows of `strong` above `y`, under which columns separate,
/// are the columns' own first rows glued across their gutter (OCR boxes
/// straddling a narrow gutter on the top rows), not a headline or a stretch
/// of text set above them: body type only, and fewer rows than the columns
/// hold below (a chance alignment in the last few rows of a single column
/// has most of the column above it). Such rows are cut at the gutters
/// found below instead of being read as one block across the columns.
pub(super) fn glued_rows_over_columns(all: &[Atom], strong: &[usize], y: i32, scales: &Scales) -> bool {
    let (above, below): (Vec<usize>, Vec<usize>) = strong.iter().partition(|&&a| centre_y(&all[a]) < y);
    let rows_above = covered(above.iter().map(|&a| (all[a].bbox.y0, all[a].bbox.y1)).collect()).len();
    !above.iter().any(|&a| all[a].tall) && rows_above < rows_of_a_column(all, &below, scales.glyph)
}

/// The box of a CJK word less the cells of the marks at its edges
/// (quotes, brackets, punctuation before its first or after its last glyph
/// with letters). Why: OCR reads a rule or frame line beside a column as a
/// quote mark and glues it to the column's first glyph, so the word's box
/// reaches into the gutter on row after row; the glyphs themselves stand
/// clear of it. A mark at one edge only, in a box wider than its glyphs at
/// the line's glyph size, takes the spare width: OCR smeared a quote over
/// the space between two side-by-side headlines into one headline's box,
/// which then ran across the gutter under them.
pub(super) fn without_edge_marks(atom: &Atom) -> BBox {
    let chars: Vec<char> = atom.text.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(first) = chars.iter().position(|c| c.is_alphanumeric()) else { return atom.bbox };
    let last = chars.iter().rposition(|c| c.is_alphanumeric()).unwrap_or(first);
    let cells_of = |part: &[char]| cells(&part.iter().collect::<String>());
    let all = cells_of(&chars);
    let per_cell = (atom.bbox.x1 - atom.bbox.x0) as f32 / all.max(1.0);
    let lead = (cells_of(&chars[..first]) * per_cell) as i32;
    let trail = (cells_of(&chars[last + 1..]) * per_cell) as i32;
    let (mut x0, mut x1) = (atom.bbox.x0 + lead, atom.bbox.x1 - trail);
    // Marks at one edge only, in a box wider than its glyphs at the line's
    // glyph size: the spare width is the mark's (OCR stretched a smear in
    // the space before or after the glyphs into it), so the glyphs keep
    // their own size at the other edge.
    if atom.line_size > 0.0 {
        let glyphs = (cells_of(&chars[first..=last]) * atom.line_size) as i32;
        let marks_before = first > 0;
        let marks_after = last + 1 < chars.len();
        if marks_before && !marks_after {
            x0 = x0.max(atom.bbox.x1 - glyphs);
        } else if marks_after && !marks_before {
            x1 = x1.min(atom.bbox.x0 + glyphs);
        }
    }
    BBox { x0, x1, ..atom.bbox }
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::*;
    use super::super::{GUTTER_MIN_LATIN, HEADLINE_HEIGHT, INTRUDING_SHARE_LATIN};
    use super::*;

    #[test]
    fn words_glued_over_a_column_rule_are_split_at_its_bars() {
        let glued = atom("ab|cdef", 0, 70, 1, false);
        let parts =
            split_at_rule_glyphs(vec![glued, atom("|", 80, 84, 1, false), atom("plain", 90, 140, 1, false)]);
        let shown: Vec<(&str, i32, i32, bool)> =
            parts.iter().map(|a| (a.text.as_str(), a.bbox.x0, a.bbox.x1, a.on_rule)).collect();
        assert_eq!(
            shown,
            vec![
                ("ab", 0, 20, true),
                ("|", 20, 30, false),
                ("cdef", 30, 70, true),
                ("|", 80, 84, false),
                ("plain", 90, 140, false),
            ]
        );
        // A bar at a word's edge is split off too; a word of bars is one mark.
        let texts: Vec<String> =
            split_at_rule_glyphs(vec![atom("in|", 0, 30, 1, false), atom("||", 40, 44, 1, false)])
                .into_iter()
                .map(|a| a.text)
                .collect();
        assert_eq!(texts, vec!["in", "|", "||"]);
    }

    #[test]
    fn only_the_marks_at_a_words_edges_leave_its_box() {
        let boxed = |text: &str| Atom {
            bbox: BBox { x0: 0, y0: 0, x1: 100, y1: 30 },
            ..atom(text, 0, 100, 1, false)
        };
        // A narrow quote: half a cell of three and a half, on the left.
        assert_eq!(without_edge_marks(&boxed("“乙乙乙")), BBox { x0: 14, y0: 0, x1: 100, y1: 30 });
        // A full-width comma: a cell of three, on the right.
        assert_eq!(without_edge_marks(&boxed("乙乙，")).x1, 67);
        // Marks inside the word stay; a word of marks only keeps its box.
        assert_eq!(without_edge_marks(&boxed("乙，乙")).x0, 0);
        assert_eq!(without_edge_marks(&boxed("，。”")).x0, 0);
    }

    #[test]
    fn a_smeared_mark_at_one_edge_takes_the_width_its_glyphs_leave() {
        // Two glyphs of a 60 px line in a 300 px box: OCR stretched the
        // quote before them over the space to their left.
        let smeared =
            |text: &str| Atom { bbox: BBox { x0: 0, y0: 0, x1: 300, y1: 60 }, ..atom(text, 0, 300, 1, true) };
        assert_eq!(without_edge_marks(&smeared("“乙乙")), BBox { x0: 180, y0: 0, x1: 300, y1: 60 });
        assert_eq!(without_edge_marks(&smeared("乙乙”")).x1, 120);
        // Marks at both edges: which one is smeared is not known, each
        // keeps its share of the box.
        let both = without_edge_marks(&smeared("“乙乙”"));
        assert!(both.x0 < 100 && both.x1 > 200, "{both:?}");
    }

    #[test]
    fn a_lower_headline_set_close_under_columns_is_cut_off_above_it() {
        // Two columns of an upper article, then a lower article's headline
        // across both, set closer under their last rows than a band the
        // page's line gaps would cut, then the lower article's two columns.
        let mut atoms = Vec::new();
        for row in 0..6 {
            let y = row * 45;
            atoms.push(placed("上左正文", 0, y, 300, y + 35, false));
            atoms.push(placed("上右正文", 360, y, 660, y + 35, false));
        }
        let upper_right: Vec<usize> = (0..6).map(|row| 2 * row + 1).collect();
        let headline = atoms.len();
        atoms.push(placed("下方文章的大标题", 0, 272, 660, 332, true));
        for row in 0..6 {
            let y = 345 + row * 45;
            atoms.push(placed("下左正文", 0, y, 300, y + 35, false));
            atoms.push(placed("下右正文", 360, y, 660, y + 35, false));
        }
        let mut regions = Vec::new();
        xy_cut(&atoms, (0..atoms.len()).collect(), &cjk_body_scales(60.0), 0, &mut regions);
        // The upper left column is a region of its own, read first.
        let first = &regions[0];
        assert_eq!(first.len(), 6, "{regions:?}");
        assert!(first.iter().all(|a| !upper_right.contains(a) && *a != headline), "{regions:?}");
        let headline_region = regions.iter().position(|r| r.contains(&headline)).expect("the headline");
        assert_eq!(regions[headline_region], vec![headline], "{regions:?}");
    }

    /// Two columns of body rows glued across a gutter too narrow to see
    /// (5 px, under the narrowest CJK gutter), rows touching, and a column
    /// rule read as one bar per row in that gutter.
    fn glued_columns_with_a_rule() -> (Vec<Atom>, Vec<BBox>) {
        let mut atoms = Vec::new();
        let mut rules = Vec::new();
        for row in 0..6 {
            let y = 70 + row * 45;
            atoms.push(placed("左栏正文正文", 0, y, 300, y + 45, false));
            atoms.push(placed("右栏正文正文", 305, y, 600, y + 45, false));
            rules.push(BBox { x0: 299, y0: y, x1: 306, y1: y + 45 });
        }
        (atoms, rules)
    }

    #[test]
    fn a_column_rule_down_glued_rows_is_a_gutter() {
        let (atoms, rules) = glued_columns_with_a_rule();
        let all: Vec<usize> = (0..atoms.len()).collect();
        let with_rules = Scales { rules, ..cjk_body_scales(60.0) };
        let mut regions = Vec::new();
        xy_cut(&atoms, all.clone(), &with_rules, 0, &mut regions);
        assert_eq!(regions, vec![vec![0, 2, 4, 6, 8, 10], vec![1, 3, 5, 7, 9, 11]]);
        // Without the rule nothing shows the gutter: the rows are read whole.
        let mut regions = Vec::new();
        xy_cut(&atoms, all, &cjk_body_scales(60.0), 0, &mut regions);
        assert_eq!(regions.len(), 1, "{regions:?}");
    }

    #[test]
    fn a_column_rule_short_of_its_region_cuts_at_its_ends() {
        // A headline set close over the glued columns (overlapping their
        // first row) and the next article's headline under them.
        let (mut atoms, rules) = glued_columns_with_a_rule();
        atoms.push(placed("上方文章的大标题", 0, 0, 600, 75, true));
        atoms.push(placed("下方文章的大标题", 0, 350, 600, 410, true));
        let all: Vec<usize> = (0..atoms.len()).collect();
        assert_eq!(rule_ends(&atoms, &all, &rules, 35.0), vec![70, 345]);
        let mut regions = Vec::new();
        xy_cut(
            &atoms,
            all.clone(),
            &Scales { rules: rules.clone(), ..cjk_body_scales(60.0) },
            0,
            &mut regions,
        );
        assert_eq!(regions, vec![vec![12], vec![0, 2, 4, 6, 8, 10], vec![1, 3, 5, 7, 9, 11], vec![13]]);
        // Bars in fewer rows than a rule is read in are no rule.
        assert_eq!(rule_ends(&atoms, &all, &rules[..3], 35.0), Vec::<i32>::new());
    }

    #[test]
    fn a_headline_word_standing_over_a_band_crosses_it() {
        // The band lets a headline word in: its centre lies inside the band,
        // so no headline word stands clear on the right.
        let words = vec![atom("Big", 0, 100, 1, true), atom("News", 110, 230, 1, true)];
        assert!(crosses_headline(&words, &[0, 1], 120, 180, false));
        // Body words in that place do not block the band.
        let body = vec![atom("Big", 0, 100, 1, false), atom("News", 110, 230, 1, false)];
        assert!(!crosses_headline(&body, &[0, 1], 120, 180, false));
    }

    /// A CJK headline row of two OCR lines 100 px apart at 60 px type, and
    /// under it four columns of body rows, 35 px type, `gutter` px apart
    /// between the second and third column (18 px elsewhere).
    fn headline_row_over_columns(gutter: i32) -> (Vec<Atom>, Scales) {
        let headline =
            vec![placed("头条新闻", 0, 0, 650, 60, true), placed("今日要闻", 750, 2, 1300, 62, true)];
        let mut body = Vec::new();
        for row in 0..4 {
            let y = 90 + row * 50;
            let mut x = 0;
            for column in 0..4 {
                body.push(placed("正文正文正文", x, y, x + 300, y + 35, false));
                x += 300 + if column == 1 { gutter } else { 18 };
            }
        }
        (headline, Scales { body_words: body, ..cjk_body_scales(80.0) })
    }

    #[test]
    fn a_gap_in_a_cjk_headline_over_one_articles_columns_is_no_cut() {
        // The gap (650-750) stands over the third column's text: one
        // headline with a glyph OCR lost, over all four columns.
        let (headline, scales) = headline_row_over_columns(18);
        assert!(gutters(&headline, &[0, 1], &scales).is_empty());
        // With the page's body words unknown, the gap parts the row as before.
        let unknown = Scales { body_words: Vec::new(), ..cjk_body_scales(80.0) };
        assert_eq!(gutters(&headline, &[0, 1], &unknown).len(), 1);
    }

    #[test]
    fn side_by_side_cjk_headlines_over_a_space_between_articles_are_cut() {
        // The columns under the gap part there: the space between two
        // articles (90 px) runs on under the headlines' gap.
        let (headline, scales) = headline_row_over_columns(90);
        assert_eq!(gutters(&headline, &[0, 1], &scales).len(), 1);
    }

    #[test]
    fn headline_halves_listed_as_two_lines_cross_a_band_between_them() {
        // A sparse OCR mode lists one headline row as two lines; a band
        // (a gutter below) runs between the halves, 20 px apart at 60 px.
        let halves = vec![placed("头条", 0, 0, 120, 60, true), placed("新闻", 140, 2, 260, 62, true)];
        assert!(crosses_headline(&halves, &[0, 1], 121, 139, false));
        // Two articles' headlines side by side stand a gutter and more
        // apart (here 40 px, two thirds of their glyph).
        let apart = vec![placed("头条", 0, 0, 120, 60, true), placed("新闻", 160, 2, 280, 62, true)];
        assert!(!crosses_headline(&apart, &[0, 1], 121, 159, false));
        // Nor do headline lines on different rows run across it.
        let stacked = vec![placed("头条", 0, 0, 120, 60, true), placed("新闻", 140, 70, 260, 130, true)];
        assert!(!crosses_headline(&stacked, &[0, 1], 121, 139, false));
    }

    #[test]
    fn side_by_side_headlines_on_one_latin_line_part_at_their_wide_space() {
        // OCR joined two articles' headlines (60 px type) into one line:
        // words 20 px apart, and 50 px between the headlines, over a gutter
        // at 460..490 (50 px is still under one glyph size).
        let words = [(0, 100), (120, 220), (240, 340), (360, 440), (490, 600), (620, 700), (720, 800)];
        let line: Vec<Atom> = words.iter().map(|&(x0, x1)| atom("WORD", x0, x1, 1, true)).collect();
        let strong: Vec<usize> = (0..line.len()).collect();
        assert!(!crosses_headline(&line, &strong, 450, 480, true));
        // Without word spaces (CJK) the gap is no measure: the headline holds.
        assert!(crosses_headline(&line, &strong, 450, 480, false));
        // A dash set between spaces is a word of the line: the headline
        // runs on across the gap around it.
        let mut dashed = line.clone();
        dashed.push(Atom { strong: false, ..atom("-", 455, 475, 1, true) });
        assert!(crosses_headline(&dashed, &strong, 450, 480, true));
        // A column rule OCR read as a bar in the gap is no word.
        let mut ruled = line.clone();
        ruled.push(Atom { strong: false, ..atom("|", 462, 466, 1, false) });
        assert!(!crosses_headline(&ruled, &strong, 450, 480, true));
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
    fn a_cjk_column_start_outranks_a_narrow_band_inside_a_column() {
        // Ten rows of two columns at 35 px type. The left column ends at
        // 375 or 390, the right one starts at 400 or 412: every row starts
        // a word there after a gutter's gap, but the gaps do not line up
        // into a clear band. Inside the right column every row has a gap
        // at 590-606 (glyph gaps lined up on the grid): a band too narrow
        // to leave room for the column start beside it.
        let mut words = Vec::new();
        for row in 0..10 {
            let y = row * 50;
            let (end, start) = if row % 2 == 0 { (375, 400) } else { (390, 412) };
            words.push(placed("正文正文", 0, y, end, y + 35, false));
            words.push(placed("正文正文", start, y, 590, y + 35, false));
            words.push(placed("正文正文", 606, y, 1000, y + 35, false));
        }
        for (row, word) in words.iter_mut().enumerate() {
            word.line = row / 3;
        }
        let all: Vec<usize> = (0..words.len()).collect();
        let cuts = gutters(&words, &all, &cjk_body_scales(80.0));
        assert_eq!(cuts.len(), 1, "{cuts:?}");
        assert!(cuts[0] < 412, "{cuts:?}");
    }

    #[test]
    fn the_cut_under_a_headline_over_some_columns_is_found_under_the_headline_itself() {
        // A headline over the left column; the right column, set on another
        // grid, starts level with the headline's foot, and its rows fill
        // the left column's row gaps down to a paragraph gap lined up with
        // another of its own. Counted over the whole region the first band
        // under the headline is that far paragraph gap; the left column's
        // first rows would be read before the right column's with it.
        let atoms = vec![
            placed("大标题新闻", 0, 0, 500, 60, true),
            placed("左栏第一行", 0, 70, 500, 110, false),
            placed("左栏第二行", 0, 112, 500, 150, false),
            placed("左栏第三行", 0, 152, 500, 190, false),
            placed("左栏第四行", 0, 230, 500, 270, false),
            placed("右栏第一行", 600, 50, 900, 92, false),
            placed("右栏第二行", 600, 95, 900, 132, false),
            placed("右栏第三行", 600, 135, 900, 172, false),
            placed("右栏第四行", 600, 175, 900, 212, false),
            placed("右栏第五行", 600, 215, 900, 252, false),
        ];
        let strong: Vec<usize> = (0..atoms.len()).collect();
        let y = headline_over_some_columns(&atoms, &strong, &[550]).expect("a cut under the headline");
        assert!((60..=70).contains(&y), "{y}");
    }

    #[test]
    fn no_cut_under_a_headline_beside_a_column_that_starts_on_its_rows() {
        // A headline over the left part; the right part (another article,
        // its headline in body type) has text beside the headline's rows.
        let mut atoms = vec![
            placed("Big News Today", 0, 0, 500, 60, true),
            placed("left body", 0, 100, 500, 130, false),
            placed("right body", 600, 100, 900, 130, false),
        ];
        let strong: Vec<usize> = (0..3).collect();
        assert_eq!(headline_over_some_columns(&atoms, &strong, &[550]), Some(80));
        atoms.push(placed("Side Head", 600, 0, 900, 30, false));
        let strong: Vec<usize> = (0..4).collect();
        assert_eq!(headline_over_some_columns(&atoms, &strong, &[550]), None);
    }

    /// An upper article in two columns (gutter 190..270), ten rows of body
    /// type from y 100 to 490: the tier a lower article stands under.
    fn upper_tier_in_two_columns() -> Vec<Atom> {
        let mut atoms: Vec<Atom> = Vec::new();
        for row in 0..10 {
            let y = 100 + 40 * row;
            atoms.push(placed("左栏正文", 0, y, 190, y + 30, false));
            atoms.push(placed("右栏正文", 270, y, 460, y + 30, false));
        }
        atoms
    }

    #[test]
    fn a_clear_gutter_through_a_lower_headline_is_cut_at_the_tier_first() {
        // An upper article in two columns (gutter 190..270), ten rows; a
        // clear band; a lower article on the same grid: its headline read
        // in two parts with a gap right over the gutter (a glyph there
        // garbled), then two rows of its own two columns.
        let mut atoms = upper_tier_in_two_columns();
        atoms.push(placed("下篇标", 0, 600, 185, 660, true));
        atoms.push(placed("题文字", 275, 600, 460, 660, true));
        for y in [680, 720] {
            atoms.push(placed("下篇正文", 0, y, 190, y + 30, false));
            atoms.push(placed("下篇正文", 270, y, 460, y + 30, false));
        }
        let strong: Vec<usize> = (0..atoms.len()).collect();
        assert!(!stops_at_a_tier(&atoms, &strong, 190, 270, 30.0));
        assert!(parts_headline_under_a_tier(&atoms, &strong, 190, 270, 30.0));
        // The band under a glyph high: one article's paragraph gap.
        let mut close = atoms.clone();
        for lower in &mut close[20..] {
            lower.bbox.y0 -= 90;
            lower.bbox.y1 -= 90;
        }
        assert!(!parts_headline_under_a_tier(&close, &strong, 190, 270, 30.0));
        // The lower headline on one side of the gutter only.
        let mut one_side = atoms.clone();
        one_side[21].tall = false;
        assert!(!parts_headline_under_a_tier(&one_side, &strong, 190, 270, 30.0));
        // Nothing above the band right of the gutter: no upper columns
        // parted there, the gutter starts at the lower tier.
        let upper_left: Vec<usize> = (0..atoms.len()).filter(|&a| a >= 20 || a % 2 == 0).collect();
        assert!(!parts_headline_under_a_tier(&atoms, &upper_left, 190, 270, 30.0));
    }

    #[test]
    fn a_gutter_stops_at_the_band_over_a_lower_tier() {
        // An upper article in two columns (gutter 190..270), ten rows; a
        // clear band; a lower article's headline and two rows running
        // across that gutter.
        let mut atoms = upper_tier_in_two_columns();
        atoms.push(placed("下篇标题", 0, 600, 460, 660, true));
        atoms.push(placed("下篇正文", 0, 680, 460, 710, false));
        atoms.push(placed("下篇正文", 0, 720, 460, 750, false));
        let strong: Vec<usize> = (0..atoms.len()).collect();
        assert!(stops_at_a_tier(&atoms, &strong, 190, 270, 30.0));
        // Without headline type under the band it is a gap inside one
        // article: the gutter is left to the share test.
        let mut untitled = atoms.clone();
        untitled[20].tall = false;
        assert!(!stops_at_a_tier(&untitled, &strong, 190, 270, 30.0));
        // A glyph standing out of an upper column into the gutter's edge:
        // the lower rows still all run across.
        atoms[0].bbox.x1 = 200;
        assert!(stops_at_a_tier(&atoms, &strong, 190, 270, 30.0));
        // The lower article set in columns of its own beside that gutter:
        // nothing but the glyph at the edge reaches in.
        for lower in &mut atoms[20..] {
            lower.bbox.x1 = 180;
        }
        assert!(!stops_at_a_tier(&atoms, &strong, 190, 270, 30.0));
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

    /// Four columns of CJK body rows (35 px type, 300 px wide) under a
    /// headline row: 18 px gutters, but 50 px between the second and third
    /// column (the space between two articles).
    fn body_of_two_articles() -> Scales {
        let mut body = Vec::new();
        for row in 0..6 {
            let y = 90 + row * 50;
            let mut x = 0;
            for column in 0..4 {
                body.push(placed("正文正文正文", x, y, x + 300, y + 35, false));
                x += 300 + if column == 1 { 50 } else { 18 };
            }
        }
        Scales { body_words: body, ..cjk_body_scales(80.0) }
    }

    #[test]
    fn side_by_side_cjk_headlines_closer_than_a_glyph_are_cut_over_their_own_columns() {
        // Two headlines read as one OCR line, 30 px apart (a speck between
        // them), each running across the gutter of its own two columns.
        let scales = body_of_two_articles();
        let headline =
            vec![placed("头条新闻", 0, 0, 630, 60, true), placed("今日要闻", 660, 2, 1290, 62, true)];
        assert!(headlines_over_columns_of_their_own(&headline, &[0, 1], 630, 660, &scales));
        assert_eq!(gutters(&headline, &[0, 1], &scales).len(), 1);
        // One headline over the first article's two columns, with a gap over
        // their gutter: each part stands over one column, no cut.
        let one = vec![placed("头条新闻", 0, 0, 290, 60, true), placed("今日要闻", 320, 2, 610, 62, true)];
        assert!(!headlines_over_columns_of_their_own(&one, &[0, 1], 290, 320, &scales));
        assert!(gutters(&one, &[0, 1], &scales).is_empty());
    }

    /// The scales of a CJK page set in 35 px body type, headline boxes from
    /// `headline_box_height` up.
    fn cjk_body_scales(headline_box_height: f32) -> Scales {
        Scales {
            glyph: 35.0,
            line_gap: 15.0,
            gutter_min: GUTTER_MIN_CJK,
            intruding_share: INTRUDING_SHARE_CJK,
            column_starts: true,
            headline_word_height: None,
            headline_box_height,
            body_words: Vec::new(),
            rules: Vec::new(),
        }
    }

    #[test]
    fn a_short_headline_line_boxed_headline_tall_stays_with_the_headline() {
        // A headline's first line in headline type; its short second line
        // measured under it but boxed as tall, overlapping the first line's
        // boxes; body rows below.
        let mut words =
            vec![placed("河畔新建成", 0, 0, 300, 60, true), placed("滨江步道", 20, 55, 230, 110, false)];
        for row in 0..3 {
            words.push(placed("正文正文", 0, 150 + row * 50, 300, 185 + row * 50, false));
        }
        let rows = covered(words.iter().map(|a| (a.bbox.y0, a.bbox.y1)).collect());
        let all: Vec<usize> = (0..words.len()).collect();
        let scales = cjk_body_scales;
        assert_eq!(headline_alone_on_top(&words, &all, &rows, &scales(47.0)), Some(130));
        // Boxed no taller than body type, the line is body beside the headline.
        assert_eq!(headline_alone_on_top(&words, &all, &rows, &scales(60.0)), None);
    }

    #[test]
    fn strokes_of_a_headline_glyph_read_as_small_glyphs_are_no_body_beside_it() {
        // A headline in headline type; OCR read strokes of two of its
        // glyphs again as small glyphs, a line of their own in body size
        // inside the headline's boxes; body rows below.
        let mut words = vec![
            placed("城市新闻", 0, 0, 300, 60, true),
            placed("口", 10, 5, 30, 30, false),
            placed("十", 200, 10, 230, 35, false),
        ];
        for row in 0..3 {
            words.push(placed("正文正文", 0, 100 + row * 50, 300, 135 + row * 50, false));
        }
        let rows = covered(words.iter().map(|a| (a.bbox.y0, a.bbox.y1)).collect());
        let all: Vec<usize> = (0..words.len()).collect();
        let scales = cjk_body_scales(47.0);
        assert_eq!(headline_alone_on_top(&words, &all, &rows, &scales), Some(80));
        // A body word beside the headline, outside its boxes, still is.
        words.push(placed("正文", 320, 10, 380, 45, false));
        let all: Vec<usize> = (0..words.len()).collect();
        assert_eq!(headline_alone_on_top(&words, &all, &rows, &scales), None);
    }

    #[test]
    fn a_word_of_headline_height_in_a_latin_band_is_no_gutter() {
        // The same columns as atoms none of which is set apart as headline
        // type (a glued line's extent hides it): only the word boxes'
        // own heights tell a headline running across from a body word.
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
            headline_box_height: HEADLINE_HEIGHT * 20.0,
            body_words: Vec::new(),
            rules: Vec::new(),
        };
        let body = columns(20);
        assert_eq!(gutters(&body, &(0..body.len()).collect::<Vec<_>>(), &scales).len(), 1);
        // A headline row: the word reaching into the band and the one
        // before it both of headline height.
        let mut headline = columns(40);
        headline[30].bbox.y0 = headline[31].bbox.y0;
        assert!(gutters(&headline, &(0..headline.len()).collect::<Vec<_>>(), &scales).is_empty());
        // A lone body word boxed too tall (a speck joined to it) with body
        // words beside it is no headline: the gutter is found.
        let lone = columns(40);
        assert_eq!(gutters(&lone, &(0..lone.len()).collect::<Vec<_>>(), &scales).len(), 1);
    }

    #[test]
    fn a_latin_gutter_shut_by_two_boxes_from_its_two_sides_is_a_band() {
        // Two columns of twelve rows, words boxed 24 px high on a 40 px
        // pitch, a 30 px gutter at x 400-430. One row's last word is boxed
        // with a mark to 414, another row's first word from 416: only 2 px
        // are clear of every row, but no x of the gutter has two rows in it.
        let mut atoms: Vec<Atom> = Vec::new();
        for row in 0..12 {
            let (y0, y1) = (40 * row, 40 * row + 24);
            let left_end = if row == 3 { 414 } else { 400 };
            let right_start = if row == 7 { 416 } else { 430 };
            atoms.push(placed("left", 0, y0, left_end, y1, false));
            atoms.push(placed("right", right_start, y0, 830, y1, false));
        }
        let strong: Vec<usize> = (0..atoms.len()).collect();
        let bands = low_coverage_bands(&atoms, &strong, INTRUDING_SHARE_LATIN, 24.0);
        assert_eq!(bands, vec![(400, 430)]);
    }
}

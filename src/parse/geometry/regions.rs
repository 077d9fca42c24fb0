//! Reading the regions of the XY-cut in article order: regions in, the same
//! regions reordered out.
//!
//! A region follows the nearest headline above it that overlaps it, or the
//! headline of the column right above it when that one is lower; stacked
//! articles form tiers that a headline does not lead across. Why: an
//! article's columns stand under its headline, not in strict top-to-bottom
//! or left-to-right order of the page.

use std::collections::{HashMap, HashSet};

use super::cut::xy_cut;
use super::lines::{line_size, printed_lines};
use super::{height, Atom, BBox, HeadlineType, Scales, UNIT_GUTTER_MIN};

/// Moves every region right after the regions of the headline it stands
/// under (a headline's later line, set flush or centred under it or cut
/// off beside it over a column, right after that headline, see
/// [`headline_parts_beside`]): the nearest headline region above it that overlaps it
/// horizontally (a headline may be centred over its columns), or the
/// headline of the column set right above it when that headline is the
/// lower one. The XY-cut
/// reads a column that runs down beside another article (an article
/// continued in its last column) after that article; under its own headline
/// it comes before. A headline region is one whose printed lines are all set
/// in `headline_type` (see [`set_in_headline_type`]). A
/// region under no headline goes with the region before it, and the order
/// within one headline's regions is the cut's.
pub(super) fn under_their_headlines(
    all: &[Atom],
    regions: Vec<Vec<usize>>,
    headline_type: HeadlineType,
    glyph: f32,
) -> Vec<Vec<usize>> {
    let extent = |region: &[usize]| {
        let strong: Vec<usize> = region.iter().copied().filter(|&a| all[a].strong).collect();
        let chosen = if strong.is_empty() { region } else { &strong };
        chosen.iter().map(|&a| all[a].bbox).reduce(BBox::union).expect("regions are never empty")
    };
    let boxes: Vec<BBox> = regions.iter().map(|r| extent(r)).collect();
    let headline: Vec<bool> = regions.iter().map(|r| set_in_headline_type(all, r, headline_type)).collect();
    let mut lead = headline_leads(&boxes, &headline);
    let line_counts: Vec<usize> = regions.iter().map(|r| strong_lines(all, r).len()).collect();
    let beside = headline_parts_beside(&boxes, &headline, &line_counts, &mut lead, glyph);
    let tiers = tiers_of_articles(&boxes, &headline, &lead, glyph);
    // A region under no headline goes with the region before it, or with
    // the headline of its own tier (see [`tier_headline_above`]).
    let mut owner: Vec<usize> = Vec::with_capacity(regions.len());
    for index in 0..regions.len() {
        if headline[index] {
            owner.push(lead[index]);
            continue;
        }
        let b = boxes[index];
        let above = (0..regions.len())
            .filter(|&h| headline[h] && boxes[h].y1 <= b.y0)
            .filter(|&h| boxes[h].x1.min(b.x1) > boxes[h].x0.max(b.x0))
            .filter(|&h| !tiers.iter().any(|&y| boxes[h].y1 <= y && y <= b.y0))
            .max_by_key(|&h| boxes[h].y1);
        owner.push(above.map_or_else(
            || tier_headline_above(&boxes, &headline, &lead, &tiers, b, &owner, glyph),
            |h| lead[h],
        ));
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
    // A headline's later line (cut off as a region of its own) is read
    // right after its lead, before the columns the cut read between them:
    // read after a column it would head an article of its own.
    let follows_lead = |index: usize| {
        headline[index]
            && lead[index] != index
            && (beside[index] || aligned_under(boxes[lead[index]], boxes[index]))
    };
    order.sort_by_key(|&index| {
        let place = if follows_lead(index) { lead[index] } else { index };
        (owner[index], place, follows_lead(index), index)
    });
    let mut regions: Vec<Option<Vec<usize>>> = regions.into_iter().map(Some).collect();
    // A headline's later line cut off as a region of its own joins its
    // lead's region when it follows it: read apart, each would be a block
    // of its own and head an article of its own.
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut previous: Option<usize> = None;
    for index in order {
        let region = regions[index].take().expect("each region once");
        let continues = previous.is_some_and(|p| {
            headline[p] && headline[index] && lead[index] != index && lead[index] == lead[p]
        });
        match out.last_mut() {
            Some(last) if continues => last.extend(region),
            _ => out.push(region),
        }
        previous = Some(index);
    }
    out
}

/// True when the headline line `lower` is set under `upper` as a later
/// line of one headline is: flush with its left edge, centred under it, or
/// flush with its right edge, within the height of `lower`'s glyphs. A
/// word of body text read in headline type under a headline (a tall box
/// at a column's head) stands anywhere.
fn aligned_under(upper: BBox, lower: BBox) -> bool {
    let slack = height(&lower) as i32;
    let centre = |b: BBox| (b.x0 + b.x1) / 2;
    (upper.x0 - lower.x0).abs() <= slack
        || (centre(upper) - centre(lower)).abs() <= slack
        || (upper.x1 - lower.x1).abs() <= slack
}

/// A region whose top stands less than this many glyph heights under a
/// headline's foot starts with that headline's first body rows.
const HEAD_TO_FIRST_ROW: f32 = 2.0;

/// The owner of a region that stands under no headline overlapping it,
/// given the owners of the regions before it in the cut's order: the owner
/// of the region right before it (`previous`), unless that headline starts
/// lower than the region's top, or the lowest headline wholly above the
/// region's top (no tier band between them, see [`tiers_of_articles`])
/// stands below `previous` with the region starting within
/// [`HEAD_TO_FIRST_ROW`] glyphs under it, level (within a glyph) with a
/// column already given to that headline; then that lowest headline. Why:
/// the XY-cut parts a page at a gutter running the page's height before it
/// parts stacked articles, so the upper article's last column, beside that
/// article's narrower headline, comes after the lower article's columns and
/// would follow them; an article's headline stands over its text, so a
/// column starting above the lower headline is the upper article's. The
/// lower article's last column, read right after the upper one's, starts
/// level with the lower article's first rows and is the lower article's.
fn tier_headline_above(
    boxes: &[BBox],
    headline: &[bool],
    lead: &[usize],
    tiers: &[i32],
    region: BBox,
    owned: &[usize],
    glyph: f32,
) -> usize {
    let previous = owned.last().copied().unwrap_or(0);
    let same_tier = |h: usize| !tiers.iter().any(|&y| boxes[h].y1 <= y && y <= region.y0);
    let nearest = (0..boxes.len())
        .filter(|&h| headline[h] && boxes[h].y1 <= region.y0)
        .filter(|&h| same_tier(h))
        .max_by_key(|&h| boxes[h].y1);
    let Some(nearest) = nearest else {
        return previous;
    };
    if starts_with_first_rows(boxes, headline, nearest, region, glyph) {
        return lead[nearest];
    }
    let passed_over = boxes[nearest].y0 >= boxes[previous].y1
        && lead[nearest] != previous
        && ((region.y0 - boxes[nearest].y1) as f32) < HEAD_TO_FIRST_ROW * glyph
        && owned.iter().enumerate().any(|(r, &own)| {
            own == lead[nearest] && !headline[r] && ((boxes[r].y0 - region.y0).abs() as f32) < glyph
        });
    if !headline[previous] || (boxes[previous].y0 <= region.y0 && !passed_over) {
        return previous;
    }
    lead[nearest]
}

/// True when `region`, under no headline of its own, starts within
/// [`HEAD_TO_FIRST_ROW`] glyphs under the headline region `head` and level
/// (within a `glyph`) with a body region standing under that headline,
/// with no region ending over it below the headline's top: its first row
/// is one of the headline's first rows. Why: a headline centred
/// over an article's middle columns leaves its outer columns under no
/// headline; the XY-cut reads such a column (or its stretch) apart from
/// the article, often first on the page, and it would go with whatever
/// region came before it.
fn starts_with_first_rows(boxes: &[BBox], headline: &[bool], head: usize, region: BBox, glyph: f32) -> bool {
    let h = boxes[head];
    let under_head =
        |r: usize| !headline[r] && boxes[r].y0 >= h.y1 && boxes[r].x1.min(h.x1) > boxes[r].x0.max(h.x0);
    // A region ending over it beside the headline (another article's
    // headline or column) heads it instead.
    let open_above =
        !boxes.iter().any(|b| b.x1.min(region.x1) > b.x0.max(region.x0) && b.y1 > h.y0 && b.y1 <= region.y0);
    open_above
        && ((region.y0 - h.y1) as f32) < HEAD_TO_FIRST_ROW * glyph
        && (0..boxes.len()).any(|r| under_head(r) && (((boxes[r].y0 - region.y0).abs()) as f32) < glyph)
}

/// Per region, the headline region that leads it when it is a headline's
/// later line cut off as a region of its own: a headline region set close
/// under another one it overlaps (the gap under the upper less than the
/// height of either) follows the lead of that one; every other region leads
/// itself. Why: a headline's second line, shorter than its first, stands
/// over only the article's first columns, so a gutter running up to it cuts
/// it off from the first line; read as a headline of its own it would take
/// those columns away from the article's first line, and the columns under
/// the first line alone would come before them.
pub(super) fn headline_leads(boxes: &[BBox], headline: &[bool]) -> Vec<usize> {
    let mut lead: Vec<usize> = (0..boxes.len()).collect();
    let mut by_top: Vec<usize> = (0..boxes.len()).filter(|&r| headline[r]).collect();
    by_top.sort_by_key(|&r| (boxes[r].y0, boxes[r].x0));
    for (position, &lower) in by_top.iter().enumerate() {
        let b = boxes[lower];
        let upper = by_top[..position]
            .iter()
            .copied()
            .filter(|&u| boxes[u].y1 <= b.y0)
            .filter(|&u| boxes[u].x1.min(b.x1) > boxes[u].x0.max(b.x0))
            .max_by_key(|&u| boxes[u].y1);
        if let Some(upper) = upper {
            let gap = (b.y0 - boxes[upper].y1) as f32;
            if gap < height(&boxes[upper]).min(height(&b)) {
                lead[lower] = lead[upper];
            }
        }
    }
    lead
}

/// Gives a headline region standing beside another on the same row the
/// other's lead when the space between them is narrower than their glyphs
/// are high and stands over a column of body text: the first region under
/// that space runs across it, a body `glyph` out on each side, and shares
/// no stretch of the page with a region level with it (a region glued
/// across the gutter between two articles runs into its neighbour's
/// column); not when both parts hold later lines (two headlines of two
/// lines each, read as one row). Returns, per region, whether it was
/// joined so. Why: OCR reads a big headline as several boxes, and the cut
/// parts them where the column gutters run up into the headline row, each
/// part then heading an article of its own. Two articles' headlines side
/// by side stand over the gutter between the articles, never over a
/// column.
pub(super) fn headline_parts_beside(
    boxes: &[BBox],
    headline: &[bool],
    line_counts: &[usize],
    lead: &mut [usize],
    glyph: f32,
) -> Vec<bool> {
    let mut beside = vec![false; boxes.len()];
    let mut by_left: Vec<usize> = (0..boxes.len()).filter(|&r| headline[r]).collect();
    by_left.sort_by_key(|&r| (boxes[r].x0, boxes[r].y0));
    let margin = glyph as i32;
    let level = |a: &BBox, b: &BBox| a.y1.min(b.y1) > a.y0.max(b.y0);
    let overlaps_a_neighbour = |column: usize| {
        let c = boxes[column];
        (0..boxes.len()).any(|r| {
            r != column
                && !headline[r]
                && level(&boxes[r], &c)
                && boxes[r].x1.min(c.x1) > boxes[r].x0.max(c.x0)
        })
    };
    for &right in &by_left {
        if lead[right] != right {
            continue;
        }
        let b = boxes[right];
        let row = |a: &BBox| a.y1.min(b.y1) - a.y0.max(b.y0);
        let Some(left) = by_left
            .iter()
            .copied()
            .filter(|&l| l != right && boxes[l].x1 <= b.x0)
            .filter(|&l| 2 * row(&boxes[l]) > height(&boxes[l]).min(height(&b)) as i32)
            .filter(|&l| b.x0 - boxes[l].x1 < row(&boxes[l]))
            .max_by_key(|&l| boxes[l].x1)
        else {
            continue;
        };
        if line_counts[left] > 1 && line_counts[right] > 1 {
            continue;
        }
        let (gap_x0, gap_x1) = (boxes[left].x1, b.x0);
        let foot = boxes[left].y1.min(b.y1);
        let under_gap = (0..boxes.len())
            .filter(|&r| r != left && r != right && boxes[r].y0 >= foot)
            .filter(|&r| boxes[r].x1 > gap_x0 && boxes[r].x0 < gap_x1)
            .min_by_key(|&r| boxes[r].y0);
        let over_a_column = under_gap.is_some_and(|r| {
            !headline[r]
                && boxes[r].x0 <= gap_x0 - margin
                && boxes[r].x1 >= gap_x1 + margin
                && !overlaps_a_neighbour(r)
        });
        let centred = centred_parts_at_gutter(boxes, headline, boxes[left], b, glyph);
        if over_a_column || centred {
            lead[right] = lead[left];
            beside[right] = true;
        }
    }
    beside
}

/// How many glyph heights under the lower foot of a headline row's parts
/// its columns' first rows start (a row of body text glued to a part's OCR
/// line leaves the next one as the column's first region).
const FIRST_ROWS_DEPTH: f32 = 3.0;

/// True when two headline regions side by side on one row (`left`, then
/// `right`) are the parts of one headline centred over the body columns
/// right under the row (the regions starting under the higher part's foot
/// and within [`FIRST_ROWS_DEPTH`] glyphs under the lower one's): the two
/// parts together stand centred over those columns (within a `glyph`), the
/// left part starts more than a glyph in from the columns' left edge, and
/// the space between the parts stands at a gutter of the columns and is
/// narrower than that gutter. Why: the cut parts a centred headline where
/// a column gutter runs up into it, and each part would head an article
/// of its own. Headlines of articles side by side each stand over their
/// own article, the first flush with the page's first column or centred
/// over its own article only, and the space between two of them is at
/// least the space between the articles.
fn centred_parts_at_gutter(boxes: &[BBox], headline: &[bool], left: BBox, right: BBox, glyph: f32) -> bool {
    let (gap_x0, gap_x1) = (left.x1, right.x0);
    let (foot, lower_foot) = (left.y1.min(right.y1), left.y1.max(right.y1));
    let first_rows: Vec<BBox> = (0..boxes.len())
        .filter(|&r| !headline[r] && boxes[r].y0 >= foot)
        .filter(|&r| ((boxes[r].y0 - lower_foot) as f32) < FIRST_ROWS_DEPTH * glyph)
        .map(|r| boxes[r])
        .collect();
    let Some(body) = first_rows.iter().copied().reduce(BBox::union) else {
        return false;
    };
    let margin = glyph as i32;
    let centred = ((left.x0 + right.x1) - (body.x0 + body.x1)).abs() <= 2 * margin;
    if !centred || left.x0 - body.x0 <= margin {
        return false;
    }
    let middle = (gap_x0 + gap_x1) / 2;
    let gutter_x0 = first_rows.iter().filter(|b| b.x0 < middle).map(|b| b.x1).max();
    let gutter_x1 = first_rows.iter().filter(|b| b.x0 >= middle).map(|b| b.x0).min();
    let (Some(gutter_x0), Some(gutter_x1)) = (gutter_x0, gutter_x1) else {
        return false;
    };
    gutter_x1 > gutter_x0
        && gap_x1 >= gutter_x0 - margin
        && gap_x0 <= gutter_x1 + margin
        && gap_x1 - gap_x0 < gutter_x1 - gutter_x0
}

/// Where a new tier of stacked articles starts: a band at least `glyph`
/// high that no region runs across, with a headline region the first below
/// it. A headline never leads a region across such a band: the last column
/// of a lower article, beside that article's narrower headline, stands
/// under the upper article's headline too, but is read with its own tier.
/// (Without a headline under it, a band is no more than a paragraph gap
/// lined up across columns; nor is a headline's later line, which `lead`
/// gives another region's lead, see [`headline_leads`]: the band over it is
/// the space between the lines of one headline.)
pub(super) fn tiers_of_articles(boxes: &[BBox], headline: &[bool], lead: &[usize], glyph: f32) -> Vec<i32> {
    let mut by_top: Vec<usize> = (0..boxes.len()).collect();
    by_top.sort_by_key(|&r| (boxes[r].y0, !headline[r]));
    let mut tiers = Vec::new();
    let mut reach = i32::MIN;
    for r in by_top {
        let b = boxes[r];
        if reach != i32::MIN && (b.y0 - reach) as f32 >= glyph && headline[r] && lead[r] == r {
            tiers.push((reach + b.y0) / 2);
        }
        reach = reach.max(b.y1);
    }
    tiers
}

/// True when every printed line of `region` that holds strong words is set
/// in headline type, bar lines of specks (fewer than
/// [`SPECK_LINE_LETTERS`] letters and digits), and one line at least is.
/// Measured per
/// printed line, not per word: OCR reads bits of a large glyph as a short
/// word of its own (a stroke as "nl"), whose box is no taller than body
/// type, and such a fragment must not make a headline's region body text;
/// nor must a speck OCR read as a letter or two in the space between a
/// headline's lines (`i :`), which stands as a line of its own.
pub(super) fn set_in_headline_type(all: &[Atom], region: &[usize], headline_type: HeadlineType) -> bool {
    let lines = strong_lines(all, region);
    let headline_line = |strong: &Vec<usize>| {
        line_size(all, strong, headline_type.script)
            .is_some_and(|size| headline_type.is_reached(all, strong, size))
    };
    let speck_line = |strong: &Vec<usize>| {
        let letters: usize =
            strong.iter().map(|&a| all[a].text.chars().filter(|c| c.is_alphanumeric()).count()).sum();
        letters < SPECK_LINE_LETTERS
    };
    lines.iter().any(headline_line) && lines.iter().all(|strong| headline_line(strong) || speck_line(strong))
}

/// The printed lines of `region` that hold strong words, each as its strong
/// words.
fn strong_lines(all: &[Atom], region: &[usize]) -> Vec<Vec<usize>> {
    printed_lines(all, region.to_vec())
        .into_iter()
        .map(|words| words.into_iter().filter(|&a| all[a].strong).collect::<Vec<usize>>())
        .filter(|strong| !strong.is_empty())
        .collect()
}

/// A printed line with fewer letters and digits than this is specks, no
/// line of text: it neither makes a headline region body text nor a
/// headline (see [`set_in_headline_type`]).
const SPECK_LINE_LETTERS: usize = 3;

/// Each OCR block of a region as one atom: the box of its strong words,
/// headline type when all of them are.
pub(super) fn block_units(all: &[Atom], region: &[usize]) -> Vec<Atom> {
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
            u.bbox = u.bbox.union(atom.bbox);
        }
        u.text.push_str(&atom.text);
        u.strong |= atom.strong;
        u.tall = u.tall && (atom.tall || !atom.strong);
    }
    units
}

/// True when two OCR blocks of a region stand side by side: their strong
/// words share rows but not columns.
pub(super) fn blocks_side_by_side(all: &[Atom], region: &[usize]) -> bool {
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

/// `regions` (from the XY-cut of `atoms`) with each region whose words come
/// from OCR blocks standing side by side (see [`blocks_side_by_side`]) cut
/// again with those blocks as units (see [`block_units`]), under `scales`
/// with any clear band a gutter ([`UNIT_GUTTER_MIN`], no word reaching
/// into it, no gutters from column starts); the other regions as they are.
/// Why: blocks from a layout analysis (PAGE regions, ALTO blocks) are
/// columns even where the gutter is too narrow to see between words. A
/// group of blocks becomes a region of its words, in the region's order;
/// a region may come out empty.
pub(super) fn recut_at_ocr_blocks(
    atoms: &[Atom],
    regions: Vec<Vec<usize>>,
    scales: &Scales,
) -> Vec<Vec<usize>> {
    let unit_scales =
        Scales { gutter_min: UNIT_GUTTER_MIN, intruding_share: 0.0, column_starts: false, ..scales.clone() };
    regions
        .into_iter()
        .flat_map(|region| {
            if !blocks_side_by_side(atoms, &region) {
                return vec![region];
            }
            let units = block_units(atoms, &region);
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
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::*;
    use super::*;
    use crate::parse::Script;

    const GLYPH: f32 = 50.0;

    /// Two stacked articles of three columns, each under a headline over
    /// its first two columns; a gutter runs the page's height beside their
    /// third columns. Regions in the cut's order: upper headline, its two
    /// columns, lower headline, its two columns, then the upper and the
    /// lower third column.
    fn stacked_page() -> (Vec<BBox>, Vec<bool>) {
        let b = |x0, y0, x1, y1| BBox { x0, y0, x1, y1 };
        let boxes = vec![
            b(100, 100, 1100, 200),
            b(100, 220, 650, 700),
            b(700, 220, 1250, 700),
            b(100, 780, 1000, 860),
            b(100, 890, 650, 1360),
            b(700, 890, 1250, 1360),
            b(1320, 220, 1900, 460),
            b(1320, 890, 1900, 1360),
        ];
        let headline = vec![true, false, false, true, false, false, false, false];
        (boxes, headline)
    }

    #[test]
    fn an_upper_last_column_read_after_the_lower_article_is_the_upper_article_s() {
        let (boxes, headline) = stacked_page();
        let lead: Vec<usize> = (0..boxes.len()).collect();
        let owned = [0, 0, 0, 3, 3, 3];
        assert_eq!(tier_headline_above(&boxes, &headline, &lead, &[], boxes[6], &owned, GLYPH), 0);
    }

    #[test]
    fn a_lower_last_column_read_after_the_upper_one_is_the_lower_article_s() {
        let (boxes, headline) = stacked_page();
        let lead: Vec<usize> = (0..boxes.len()).collect();
        let owned = [0, 0, 0, 3, 3, 3, 0];
        assert_eq!(tier_headline_above(&boxes, &headline, &lead, &[], boxes[7], &owned, GLYPH), 3);
    }

    /// A headline centred over the middle two of four columns: the outer
    /// columns (the first read before the headline) stand under none.
    fn middle_headline_page() -> (Vec<BBox>, Vec<bool>) {
        let b = |x0, y0, x1, y1| BBox { x0, y0, x1, y1 };
        let boxes = vec![
            b(100, 213, 530, 660),
            b(565, 100, 1435, 172),
            b(560, 215, 984, 660),
            b(1016, 215, 1446, 660),
            b(1474, 215, 1899, 480),
        ];
        let headline = vec![false, true, false, false, false];
        (boxes, headline)
    }

    #[test]
    fn an_outer_column_starting_level_with_a_headline_s_first_rows_is_its_article_s() {
        let (boxes, headline) = middle_headline_page();
        let lead: Vec<usize> = (0..boxes.len()).collect();
        assert_eq!(tier_headline_above(&boxes, &headline, &lead, &[], boxes[0], &[], 32.0), 1);
        let owned = [1, 1, 1, 1];
        assert_eq!(tier_headline_above(&boxes, &headline, &lead, &[], boxes[4], &owned, 32.0), 1);
    }

    #[test]
    fn a_column_under_another_region_beside_the_headline_is_not_taken_by_it() {
        let (mut boxes, mut headline) = middle_headline_page();
        // Another article's headline (not measured as one) over the last column.
        boxes.push(BBox { x0: 1474, y0: 100, x1: 1899, y1: 190 });
        headline.push(false);
        let lead: Vec<usize> = (0..boxes.len()).collect();
        let owned = [5, 1, 1, 1];
        assert!(!starts_with_first_rows(&boxes, &headline, 1, boxes[4], 32.0));
        assert_eq!(tier_headline_above(&boxes, &headline, &lead, &[], boxes[4], &owned, 32.0), 1);
    }

    /// Two headline parts on one row over four body columns' first rows.
    fn parted_row(left: BBox, right: BBox, columns: [(i32, i32); 4]) -> (Vec<BBox>, Vec<bool>) {
        let mut boxes = vec![left, right];
        boxes.extend(columns.iter().map(|&(x0, x1)| BBox { x0, y0: 220, x1, y1: 800 }));
        let headline = vec![true, true, false, false, false, false];
        (boxes, headline)
    }

    #[test]
    fn the_parts_of_a_headline_centred_over_a_gutter_are_one_headline() {
        let (boxes, headline) = parted_row(
            BBox { x0: 500, y0: 100, x1: 960, y1: 190 },
            BBox { x0: 990, y0: 100, x1: 1500, y1: 190 },
            [(100, 500), (570, 965), (1036, 1432), (1504, 1900)],
        );
        let mut lead: Vec<usize> = (0..boxes.len()).collect();
        let beside = headline_parts_beside(&boxes, &headline, &[1, 1, 12, 12, 12, 12], &mut lead, 32.0);
        assert_eq!(lead[1], 0);
        assert!(beside[1]);
    }

    #[test]
    fn side_by_side_headlines_flush_with_their_articles_stay_apart() {
        // Two articles of two columns; the right headline's box reaches
        // left of its article (a quote mark), closer than the space
        // between the articles, but the left one stands flush with the
        // page's first column.
        let (boxes, headline) = parted_row(
            BBox { x0: 102, y0: 100, x1: 930, y1: 190 },
            BBox { x0: 989, y0: 100, x1: 1860, y1: 190 },
            [(100, 520), (550, 1016), (1030, 1450), (1480, 1900)],
        );
        let mut lead: Vec<usize> = (0..boxes.len()).collect();
        let beside = headline_parts_beside(&boxes, &headline, &[1, 1, 12, 12, 12, 12], &mut lead, 32.0);
        assert_eq!(lead[1], 1);
        assert!(!beside[1]);
    }

    #[test]
    fn a_column_under_no_headline_follows_the_region_before_it_in_its_own_article() {
        let (boxes, headline) = stacked_page();
        let lead: Vec<usize> = (0..boxes.len()).collect();
        // The upper third column read right after the upper article.
        let owned = [0, 0, 0];
        assert_eq!(tier_headline_above(&boxes, &headline, &lead, &[], boxes[6], &owned, GLYPH), 0);
    }

    #[test]
    fn a_speck_line_between_headline_lines_keeps_the_region_a_headline() {
        let headline_type = HeadlineType { size: 40.0, capitals_size: None, script: Script::Latin };
        let region = |middle: &str| {
            vec![
                placed("LANTERN FAIR", 0, 0, 600, 60, true),
                placed(middle, 300, 62, 312, 80, false),
                placed("DRAWS CROWDS", 0, 85, 500, 145, true),
            ]
        };
        let specks = region("i :");
        assert!(set_in_headline_type(&specks, &[0, 1, 2], headline_type));
        // A line of body words between them is text: no headline region.
        let words = region("in the end");
        assert!(!set_in_headline_type(&words, &[0, 1, 2], headline_type));
        // Specks alone are no headline.
        assert!(!set_in_headline_type(&specks, &[1], headline_type));
    }

    #[test]
    fn a_headlines_later_line_starts_no_tier() {
        // A headline's third line stands a glyph and more under its second
        // (its own line spacing); it follows the headline above, and the
        // band over it is no new tier of articles.
        let boxes = [
            BBox { x0: 0, y0: 0, x1: 700, y1: 60 },
            BBox { x0: 800, y0: 0, x1: 1600, y1: 60 },
            BBox { x0: 0, y0: 100, x1: 300, y1: 160 },
            BBox { x0: 800, y0: 200, x1: 1100, y1: 230 },
        ];
        let headline = [true, true, true, false];
        let lead = headline_leads(&boxes, &headline);
        assert_eq!(lead, vec![0, 1, 0, 3]);
        assert!(tiers_of_articles(&boxes, &headline, &lead, 30.0).is_empty());
        // A headline of its own under that band does start one.
        let own: Vec<usize> = (0..boxes.len()).collect();
        assert_eq!(tiers_of_articles(&boxes, &headline, &own, 30.0), vec![80]);
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
        let order: Vec<Vec<usize>> = under_their_headlines(
            &atoms,
            regions,
            HeadlineType { size: 40.0, capitals_size: None, script: Script::Cjk },
            30.0,
        );
        assert_eq!(order, vec![vec![0, 1], vec![2], vec![5, 6], vec![3], vec![4]]);
    }

    #[test]
    fn a_headline_line_cut_off_under_the_first_leads_nothing_of_its_own() {
        // A two-column article under a two-line headline: the first line
        // runs over both columns, the shorter second only over the left
        // one, so a gutter running up to it cut it off as a region of its
        // own. Read as a headline of its own it would take the left column
        // away, and the right column would come first.
        let atoms = vec![
            placed("第一行标题文字", 0, 0, 600, 60, true),
            placed("第二行", 0, 70, 300, 130, true),
            placed("左栏正文", 0, 150, 280, 180, false),
            placed("右栏正文", 320, 150, 600, 180, false),
        ];
        let regions: Vec<Vec<usize>> = (0..atoms.len()).map(|a| vec![a]).collect();
        let headline_type = HeadlineType { size: 50.0, capitals_size: None, script: Script::Cjk };
        let order = under_their_headlines(&atoms, regions.clone(), headline_type, 30.0);
        // The second line joins the first one's region: apart, each would
        // be a block of its own and head an article of its own.
        assert_eq!(order, vec![vec![0, 1], vec![2], vec![3]]);
        let boxes: Vec<BBox> = atoms.iter().map(|a| a.bbox).collect();
        assert_eq!(headline_leads(&boxes, &[true, true, false, false]), vec![0, 0, 2, 3]);
        // Set a line's height or more below the first, it is a headline of
        // its own (another article's).
        let apart = [boxes[0], BBox { x0: 0, y0: 130, x1: 300, y1: 190 }];
        assert_eq!(headline_leads(&apart, &[true, true]), vec![0, 1]);
        // Beside the first line's extent, it is another article's headline.
        let beside = [boxes[0], BBox { x0: 650, y0: 70, x1: 900, y1: 130 }];
        assert_eq!(headline_leads(&beside, &[true, true]), vec![0, 1]);
    }

    #[test]
    fn a_headline_line_cut_off_after_a_column_is_read_right_after_the_first() {
        // A two-line headline over three columns, its shorter second line
        // centred under the first; the cut read the left column before the
        // second line (a gutter runs up beside it).
        let atoms = vec![
            placed("第一行标题文字很长", 0, 0, 900, 60, true),
            placed("左栏正文", 0, 150, 280, 180, false),
            placed("第二行", 300, 70, 600, 130, true),
            placed("中栏正文", 320, 150, 580, 180, false),
            placed("右栏正文", 620, 150, 900, 180, false),
        ];
        let regions: Vec<Vec<usize>> = (0..atoms.len()).map(|a| vec![a]).collect();
        let headline_type = HeadlineType { size: 50.0, capitals_size: None, script: Script::Cjk };
        let order = under_their_headlines(&atoms, regions, headline_type, 30.0);
        assert_eq!(order, vec![vec![0, 2], vec![1], vec![3], vec![4]]);
        // A word of body text boxed in headline type at a column's head,
        // under the headline but flush with nothing of it, keeps its place.
        let atoms = vec![
            placed("第一行标题文字很长", 0, 0, 900, 60, true),
            placed("左栏正文", 0, 150, 280, 180, false),
            placed("字", 640, 70, 700, 130, true),
            placed("右栏正文", 620, 150, 900, 180, false),
        ];
        let regions: Vec<Vec<usize>> = (0..atoms.len()).map(|a| vec![a]).collect();
        let order = under_their_headlines(&atoms, regions.clone(), headline_type, 30.0);
        assert_eq!(order, vec![vec![0], vec![1], vec![2], vec![3]]);
    }

    #[test]
    fn parts_of_one_headline_row_over_a_column_are_one_headline() {
        // One headline row cut in two parts where a column of the article
        // runs on under the space between them.
        let headline_type = HeadlineType { size: 50.0, capitals_size: None, script: Script::Cjk };
        let atoms = vec![
            placed("标题前半", 0, 0, 500, 60, true),
            placed("左栏正文", 0, 100, 600, 130, false),
            placed("标题后半", 530, 0, 1000, 60, true),
            placed("右栏正文", 630, 100, 1000, 130, false),
        ];
        let regions: Vec<Vec<usize>> = (0..atoms.len()).map(|a| vec![a]).collect();
        let order = under_their_headlines(&atoms, regions, headline_type, 30.0);
        assert_eq!(order, vec![vec![0, 2], vec![1], vec![3]]);
        // Two articles' headlines side by side stand over the gutter
        // between the articles: each keeps its own columns.
        let atoms = vec![
            placed("左篇标题", 0, 0, 500, 60, true),
            placed("左篇正文", 0, 100, 480, 130, false),
            placed("右篇标题", 530, 0, 1000, 60, true),
            placed("右篇正文", 530, 100, 1000, 130, false),
        ];
        let regions: Vec<Vec<usize>> = (0..atoms.len()).map(|a| vec![a]).collect();
        let order = under_their_headlines(&atoms, regions.clone(), headline_type, 30.0);
        assert_eq!(order, regions);
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
        let headline_type = HeadlineType { size: 40.0, capitals_size: None, script: Script::Cjk };
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
        let headline_type = HeadlineType { size: 40.0, capitals_size: None, script: Script::Latin };
        let order = under_their_headlines(&atoms, regions.clone(), headline_type, 30.0);
        assert_eq!(order, regions);
    }
}

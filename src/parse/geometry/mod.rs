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
//!    whitespace band (a gutter) that runs through it (not one that stops
//!    at a band with a lower tier's headline under it, whose columns run
//!    across it, see `cut::stops_at_a_tier`), else under a headline
//!    standing alone on its top rows, else over a headline with columns
//!    above it (however narrow the band), else at its widest horizontal band
//!    when that is clearly wider than the usual gap between lines (between
//!    stacked articles), else just under a headline set close above its
//!    columns (body rows glued across the gutter on top of columns that
//!    separate below are cut at that gutter instead, see
//!    `cut::glued_rows_over_columns`), until each region is one column stretch. A few of a column's
//!    rows (counted in a strip a column wide, see `cut::rows_of_a_column`) may
//!    reach into a gutter, in Latin text only words of body height
//!    (or one boxed too tall with no word of headline height beside it); marks
//!    without letters or digits (specks, rules, the `|` OCR invents in
//!    gutters) do not block a cut, nor words OCR glued to such a `|`
//!    (`re-|has` running over a ruled gutter; on a Latin page such a word
//!    is split at its bars first, its bars made rule marks and its parts,
//!    boxed by their share of its characters, still blocking no cut, see
//!    `cut::split_at_rule_glyphs`), nor on a CJK page a box far
//!    wider than the cells of its text (a rule between stacked articles read
//!    as a glyph or two); on a CJK page a word's box is cut without the
//!    marks at its edges (a rule beside a column read as a quote mark glued
//!    to its first glyph, see `without_edge_marks`); words that are only
//!    bars (a column rule read as glyphs) take no part in the cut and are
//!    set apart in a block of their own at the page's end as fragments,
//!    which the assembler leaves unplaced (see `is_rule_mark`);
//!    The regions are then read headline by headline: a region follows the
//!    nearest headline above it that overlaps it, or the headline of the
//!    column right above it when that one is lower (see
//!    `regions::under_their_headlines`); a headline line cut off close
//!    under another headline line follows that one's lead (see
//!    `regions::headline_leads`) and is read in one region with it (one
//!    block, one headline);
//! 2. within a region, words are grouped into printed lines by vertical
//!    overlap and read left to right;
//! 3. a region's lines form blocks, cut where the gap or the glyph height
//!    changes (a headline above its body); a Latin line is headline type
//!    only when most of its word boxes are of headline height too; a CJK
//!    line is measured over the cells of all its words with letters, specks
//!    included (a glyph OCR boxed tiny still fills a cell), at most 1.4
//!    times its usual word box height (a `--psm 6` fragment spread over a
//!    column, see `lines::line_size`), but a line
//!    without one word of plausible size (a stretch OCR read as one glyph
//!    smeared over the column) is never headline type, nor one whose CJK
//!    words are all boxed far wider than their cells (glyphs smeared along a
//!    garbled line, see `has_square_glyph`); a line's extent is its strong
//!    words' (a smeared glyph does not part its block). The page's body
//!    glyph size is the median of its OCR lines' sizes, a Latin line sized
//!    over its fullest stretch (a `--psm 6` line glued over a sidebar on
//!    offset baselines is taller than its glyphs, see
//!    `lines::fullest_stretch`); a Latin OCR line's words are headline
//!    type only when its median word box is of headline height too (one
//!    box drawn too tall makes the line's extent a headline's); lines
//!    measured as headline type that keep the body lines' pitch between
//!    body lines are body text (see `settle_lines_on_body_pitch`); a
//!    column's first lines set apart over it in type clearly bigger than
//!    its lines' are headline type (a sidebar's headline, under the page's
//!    headline size, see `heads_over_own_column` and, on Latin pages,
//!    `heads_over_own_column_latin`);
//! 4. roles: a piece that is a credit line is a byline, as the text parser
//!    labels it when it cuts a line (a byline closes its article), a bare
//!    list of names only on a line of its own that stands between no two
//!    lines of its block, any other credit not after words that end no
//!    sentence on its line between two lines of its block (see `roles`);
//!    a line of smeared glyphs is no
//!    heading; glyph
//!    height makes headlines; a line the text classifier took for a
//!    heading but set in body type stays a heading only where it
//!    stands apart (a block ends under it, or a heading line is above it),
//!    else it is a paragraph's first line (see `roles::in_running_text`); on a CJK page a
//!    column's first line is body where it opens an indented paragraph under a headline reaching over the
//!    column, or carries on the sentence the column beside it broke off (`roles::body_at_column_head`); a
//!    region of a few lines that end no sentence, set over two or more
//!    columns of its own, is headline type whatever its size (see
//!    `spanning_heads`).
//!
//! [`layout_page`] runs these steps as named stages, each a function of
//! this module that says what goes in and what comes out: `read_words`
//! and `measure_words` (step 0), `page_scales` and
//! `cut_into_regions` (step 1), `measure_lines` and
//! `settle_headline_type` (steps 2 and 3), then `assemble.rs` builds the
//! page's lines, blocks and regions and settles roles (step 4). The rules
//! they call live in their own files: step 0 and the size measures of
//! step 3 in `sizes.rs`, step 1 in `cut.rs` (the XY-cut) and `regions.rs`
//! (the re-cut at OCR blocks, regions read headline by headline), steps 2
//! and 3 in `lines.rs`, step 4 in `roles.rs`; this module holds the word
//! boxes' types and scales and the column heads of step 3. Each file's unit
//! tests stand at its foot; those of the page as a whole stay here, and the
//! invented pages they share are built in `test_pages.rs`.
//!
//! The order this gives is only the "input order" of the later stages; the
//! text signals still decide how columns and articles continue. Provenance:
//! a structured piece's [`SourceSpan`](super::SourceSpan) names the 1-based position of its OCR
//! line in the file (all pages counted) and the range `[start, end)` of its
//! word indices in that line.

use super::chars::{cells, is_rule_glyph, is_wide, wide_share};
use super::stats::{lower_median, median};
use super::{BBox, Page, Role, Script};
use crate::formats::OcrPage;

mod assemble;
mod cut;
mod lines;
mod regions;
mod roles;
mod sizes;
#[cfg(test)]
mod test_pages;

use assemble::Assembly;
use cut::{split_at_rule_glyphs, without_edge_marks, xy_cut};
use lines::{cap_height_word, capitals_height, line_size, printed_lines, words_tall};
use regions::{recut_at_ocr_blocks, under_their_headlines};
use roles::spanning_heads;
use sizes::{
    body_pitch, letter_width, measure_sizes, settle_lines_on_body_pitch, settle_tall_boxes,
    spread_headline_lines,
};

/// A region is cut at a vertical band at least this many glyph sizes wide:
/// in Latin text word spaces of justified lines reach half an em and may
/// line up for a few lines; CJK text has no word spaces.
const GUTTER_MIN_LATIN: f32 = 0.6;
const GUTTER_MIN_CJK: f32 = 0.4;
/// A band this many glyph sizes wide is a gutter even between short sides
/// (two headlines side by side on one row).
const WIDE_GUTTER: f32 = 1.5;
/// A line whose glyphs are this much taller than the page's body text is a
/// headline.
const HEADLINE_HEIGHT: f32 = 1.5;
/// The same for CJK lines, whose size (extent over cells) is measured more
/// precisely than a Latin line's height (which varies with descenders).
const HEADLINE_HEIGHT_CJK: f32 = 1.35;
/// Between the OCR's own blocks any clear band is a gutter (a twentieth of
/// a glyph: boxes of one column touch or overlap).
const UNIT_GUTTER_MIN: f32 = 0.05;
/// In a tall CJK region, this share of its rows may reach into a gutter
/// (justified CJK lines end on the grid, but OCR boxes of their last glyph
/// often stand out). Latin word spaces are too irregular for as much slack.
const INTRUDING_SHARE_CJK: f32 = 0.15;
/// In Latin text, this share of a region's rows may reach into a gutter (a
/// word box standing out of a narrow gutter's edge: a hyphen or a speck
/// boxed with a line's last word, a quote or dash with a line's first); only
/// words of body height may (see [`cut::gutters`]). One row in ten: a gutter
/// half a glyph wide is shut by two such boxes from its two sides, and a
/// column of a dozen rows or more often has them.
const INTRUDING_SHARE_LATIN: f32 = 0.1;
/// Inside a region a block ends where the next line stands this many usual
/// line pitches below (a paragraph gap, a subhead's space).
const BLOCK_PITCH: f32 = 1.4;
/// A headline over its own columns (see [`spanning_heads`]) holds at most
/// this many printed lines, stands at most this many glyph sizes above the
/// columns' tops, and each column is at most this share of its width.
const SPANNING_HEAD_LINES: usize = 4;
const SPANNING_HEAD_GAP: f32 = 3.0;
const SPANNING_COLUMN_SHARE: f32 = 0.7;
/// A region's printed lines (atom indices, top to bottom) with each line's
/// extent and whether it is set in headline type.
type MeasuredRegion = (Vec<Vec<usize>>, Vec<(BBox, bool)>);

/// Headline type on a page: glyphs at least `size`, measured as lines of
/// `script` are (see [`line_size`]); on a Latin page also a line in
/// capitals only whose cap height is at least `capitals_size` (see
/// [`capitals_height`]).
#[derive(Debug, Clone, Copy)]
struct HeadlineType {
    size: f32,
    capitals_size: Option<f32>,
    script: Script,
}

impl HeadlineType {
    /// True when the printed line (or OCR run) `words`, of glyph size
    /// `size` (see [`line_size`]), is set in headline type: of headline
    /// size, or (CJK) every word of it in a run boxed at headline height
    /// throughout (see [`sizes::measure_sizes`]; such a line's size over
    /// its cells falls short where the body size is measured wide), or
    /// (Latin) in capitals of headline cap height.
    fn is_reached(&self, atoms: &[Atom], words: &[usize], size: f32) -> bool {
        size >= self.size
            || (!words.is_empty() && words.iter().all(|&a| atoms[a].boxed_as_headline))
            || self.capitals_size.is_some_and(|capitals| {
                capitals_height(atoms, words).is_some_and(|height| height >= capitals)
            })
    }
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
    /// Letters or digits of a plausible size and width: may block a cut.
    strong: bool,
    /// The glyph size of its OCR line (see [`line_size`]).
    line_size: f32,
    /// Its OCR line is set in headline type.
    tall: bool,
    /// Its CJK OCR run is boxed at headline height throughout (see
    /// [`sizes::measure_sizes`]).
    boxed_as_headline: bool,
    /// Split off a word OCR glued to a column rule (see
    /// [`cut::split_at_rule_glyphs`]): its box, shared out by characters,
    /// may still reach into the rule's gutter.
    on_rule: bool,
}

/// True when `text` holds a letter or digit of any script.
fn has_letters(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn height(b: &BBox) -> f32 {
    (b.y1 - b.y0).max(1) as f32
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
#[derive(Clone)]
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
    /// over two lines (there [`cut::crosses_headline`] decides).
    headline_word_height: Option<f32>,
    /// Whether gutters are also found from aligned column starts (CJK).
    column_starts: bool,
    /// A word box at least this tall (headline ratio over the usual body
    /// word box) is set in headline type even where its line measures
    /// smaller: a headline's short last line loses the side bearings of
    /// its few glyphs over its cells (see [`cut::headline_alone_on_top`]).
    headline_box_height: f32,
    /// The page's strong words set in body type, with the boxes the cut
    /// uses: what stands under a headline wherever the region being cut
    /// ends (see [`cut::one_headline_over_columns`]). Empty where that
    /// test does not apply (Latin text, and tests that do not need it).
    body_words: Vec<Atom>,
    /// The page's column rules read as bars (see [`is_rule_mark`]), with
    /// the boxes the cut uses: a stack of them down a region is a gutter
    /// however narrow the whitespace beside it (see [`cut::rule_gutters`]).
    rules: Vec<BBox>,
}

fn centre_x(atom: &Atom) -> i32 {
    (atom.bbox.x0 + atom.bbox.x1) / 2
}

fn centre_y(atom: &Atom) -> i32 {
    (atom.bbox.y0 + atom.bbox.y1) / 2
}

/// Builds the page of one structured OCR page. `first_line` is the 1-based
/// file position of the page's first OCR line; `script` forces the script
/// when set.
///
/// The stages, in the order of the steps in the module doc: the words are
/// read and measured (`read_words`, `measure_words`), the page's
/// scales are taken from them (`page_scales`), the XY-cut parts the page
/// into regions (`cut_into_regions`) read headline by headline
/// (`under_their_headlines`), each region's printed lines are measured
/// (`measure_lines`) and their headline type settled
/// (`settle_headline_type`), and the page is put together from them
/// (`assemble::Assembly`).
pub fn layout_page(ocr: &OcrPage, index: usize, first_line: usize, script: Option<Script>) -> Page {
    let (atoms, unboxed) = read_words(ocr, first_line);
    let script = script.unwrap_or_else(|| page_script(&atoms, &unboxed));
    // Words OCR glued over a column rule are split at its bars on Latin
    // pages (see [`cut::split_at_rule_glyphs`]).
    let atoms = if script == Script::Latin { split_at_rule_glyphs(atoms) } else { atoms };
    let words = measure_words(atoms, unboxed, script);
    let cut_atoms = boxes_to_cut(&words);
    let scales = page_scales(ocr, &words, &cut_atoms);
    let regions = cut_into_regions(&words, &cut_atoms, &scales);
    let regions = under_their_headlines(&words.atoms, regions, words.headline_type, words.glyph);
    let mut measured_regions = measure_lines(&words, regions, &scales);
    let pitch = settle_headline_type(&words, &mut measured_regions);
    let mut assembly = Assembly::new(index, script);
    assembly.push_regions(&words, measured_regions, pitch);
    assembly.push_rule_marks(&words.atoms);
    assembly.push_unboxed(&words.unboxed);
    assembly.finish(words.glyph)
}

/// A page's words with the measures every stage after the first reads: what
/// [`measure_words`] makes of the words [`read_words`] found.
struct PageWords {
    /// The words with boxes, in file order, each marked with its OCR line's
    /// size and type and its boxes settled (see [`measure_words`]).
    atoms: Vec<Atom>,
    /// The words without any coordinates, in file order.
    unboxed: Vec<Atom>,
    script: Script,
    /// The page's body glyph size (see [`sizes::measure_sizes`]).
    glyph: f32,
    /// What counts as headline type on this page.
    headline_type: HeadlineType,
    /// How many times the body glyph size headline type is at least
    /// ([`HEADLINE_HEIGHT_CJK`] or [`HEADLINE_HEIGHT`]).
    headline_ratio: f32,
}

/// Step 0, first half: every word of `ocr` as an [`Atom`], in file order,
/// those with a box (its own, else its OCR line's) apart from those with
/// none. `first_line` is the 1-based file position of the page's first OCR
/// line: an atom's `line` is its OCR line's position in the file (its
/// provenance). Sizes and types are left for [`measure_words`].
fn read_words(ocr: &OcrPage, first_line: usize) -> (Vec<Atom>, Vec<Atom>) {
    let mut atoms: Vec<Atom> = Vec::new();
    let mut unboxed: Vec<Atom> = Vec::new();
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
                boxed_as_headline: false,
                on_rule: false,
            };
            match bbox {
                Some(_) => atoms.push(atom),
                None => unboxed.push(atom),
            }
        }
    }
    (atoms, unboxed)
}

/// The script of a page whose script is not forced: CJK when at least half
/// of the text of its words (`atoms` and `unboxed`, in that order) is wide
/// characters, else Latin.
fn page_script(atoms: &[Atom], unboxed: &[Atom]) -> Script {
    let text: String = atoms.iter().chain(unboxed).map(|a| a.text.as_str()).collect();
    if wide_share(&text) >= 0.5 {
        Script::Cjk
    } else {
        Script::Latin
    }
}

/// Step 0, second half, and the page-wide size measures of step 3: the
/// body glyph size and headline type are measured on the boxes as read
/// (see [`sizes::measure_sizes`], which also marks each atom with its OCR
/// line's size and type), then CJK boxes OCR ran down over two printed
/// lines are given the height of their own line (see
/// [`settle_tall_boxes`]). Why in this order: a run's extent over its cells
/// is what the tall boxes leave true, while placing needs the settled
/// boxes.
fn measure_words(mut atoms: Vec<Atom>, unboxed: Vec<Atom>, script: Script) -> PageWords {
    let (glyph, headline_type) = measure_sizes(&mut atoms, script);
    let headline_ratio = if script == Script::Cjk { HEADLINE_HEIGHT_CJK } else { HEADLINE_HEIGHT };
    settle_tall_boxes(&mut atoms, script);
    PageWords { atoms, unboxed, script, glyph, headline_type, headline_ratio }
}

/// The atoms with the boxes the XY-cut sees, one for one with
/// `words.atoms`: on a CJK page each word's box without the marks at its
/// edges (a rule beside a column read as a quote mark glued to its first
/// glyph, see [`without_edge_marks`]); on a Latin page the boxes as they
/// are.
fn boxes_to_cut(words: &PageWords) -> Vec<Atom> {
    let atoms = &words.atoms;
    if words.script == Script::Cjk {
        atoms.iter().map(|a| Atom { bbox: without_edge_marks(a), ..a.clone() }).collect()
    } else {
        atoms.clone()
    }
}

/// The page's [`Scales`]: its body glyph size, the usual gap between the
/// lines of a column (the median of each OCR line's gap to the next line
/// below it in its column, see [`gaps_to_lines_below`]), the gutter and
/// headline thresholds of its script, and the column rules (bars, see
/// [`is_rule_mark`]) and, on a CJK page, the strong body words, both with
/// the boxes the cut uses (`cut_atoms`, see [`boxes_to_cut`]).
fn page_scales(ocr: &OcrPage, words: &PageWords, cut_atoms: &[Atom]) -> Scales {
    let PageWords { atoms, script, glyph, headline_ratio, .. } = words;
    let (script, glyph) = (*script, *glyph);
    let lines: Vec<BBox> = ocr.lines().filter_map(|(_, _, l)| l.bbox).collect();
    let line_gaps = gaps_to_lines_below(&lines);
    let usual_height = || median(atoms.iter().filter(|a| a.strong).map(|a| height(&a.bbox)).collect());
    let body_words = if script == Script::Cjk {
        cut_atoms.iter().filter(|a| !is_rule_mark(&a.text) && a.strong && !a.tall).cloned().collect()
    } else {
        Vec::new()
    };
    Scales {
        glyph,
        line_gap: median(line_gaps).unwrap_or(0.5 * glyph).max(0.1 * glyph),
        gutter_min: if script == Script::Cjk { GUTTER_MIN_CJK } else { GUTTER_MIN_LATIN },
        intruding_share: if script == Script::Cjk { INTRUDING_SHARE_CJK } else { INTRUDING_SHARE_LATIN },
        headline_word_height: (script == Script::Latin)
            .then(|| HEADLINE_HEIGHT * usual_height().unwrap_or(glyph)),
        column_starts: script == Script::Cjk,
        headline_box_height: headline_ratio * usual_height().unwrap_or(glyph),
        body_words,
        rules: cut_atoms.iter().filter(|a| is_rule_mark(&a.text)).map(|a| a.bbox).collect(),
    }
}

/// Step 1, the cut: the page's words but its column rules (which stand in
/// no column's text and are set apart at the page's end, see
/// [`is_rule_mark`]) parted into regions, each one column stretch, by the
/// recursive XY-cut of their boxes as `cut_atoms` gives them (see
/// [`xy_cut`]); a region whose words come from OCR blocks standing side by
/// side is cut again with those blocks as units (see
/// [`regions::recut_at_ocr_blocks`]). Each region lists atom indices; none
/// is empty.
fn cut_into_regions(words: &PageWords, cut_atoms: &[Atom], scales: &Scales) -> Vec<Vec<usize>> {
    let atoms = &words.atoms;
    let placed: Vec<usize> = (0..atoms.len()).filter(|&a| !is_rule_mark(&atoms[a].text)).collect();
    let mut regions = Vec::new();
    xy_cut(cut_atoms, placed, scales, 0, &mut regions);
    let mut regions = recut_at_ocr_blocks(atoms, regions, scales);
    regions.retain(|r| !r.is_empty());
    regions
}

/// The glyph size of the printed line `words` (see [`line_size`]),
/// measured over its strong words (all of them where none is strong), or
/// on a CJK page over every word with letters: a glyph OCR boxed as a
/// speck still fills a cell, and dropping it would leave the line's extent
/// over fewer cells and make body type a headline. The page's body glyph
/// size where the line gives none.
fn printed_line_size(words: &PageWords, line: &[usize]) -> f32 {
    let atoms = &words.atoms;
    let strong: Vec<usize> = line.iter().copied().filter(|&a| atoms[a].strong).collect();
    let sized = if strong.is_empty() { line } else { &strong };
    let glyphs: Vec<usize> = line.iter().copied().filter(|&a| has_letters(&atoms[a].text)).collect();
    let measured_over = if words.script == Script::Cjk && !glyphs.is_empty() { &glyphs } else { sized };
    line_size(atoms, measured_over, words.script).unwrap_or(words.glyph)
}

/// Steps 2 and 3, first half: each region's printed lines (see
/// [`printed_lines`]) with each line's extent and whether it is set in
/// headline type. A line's extent is its strong words' (as a line's rows
/// are grouped): a glyph OCR smeared over two rows would move the line's
/// centre off the body grid and part its block there. A line is headline
/// type when its region is a headline over its own columns (see
/// [`spanning_heads`]), or when its glyphs reach the page's headline type
/// (see [`HeadlineType::is_reached`] and [`words_tall`]) and it has a word
/// of plausible size (not a stretch OCR read as one glyph smeared over a
/// column, not specks) and, on a CJK page, a glyph not smeared along the
/// line (see [`has_square_glyph`]).
fn measure_lines(words: &PageWords, regions: Vec<Vec<usize>>, scales: &Scales) -> Vec<MeasuredRegion> {
    let atoms = &words.atoms;
    let spanning = spanning_heads(atoms, &regions, words.glyph);
    regions
        .into_iter()
        .zip(spanning)
        .map(|(region, spans)| {
            let lines = printed_lines(atoms, region);
            let measured = lines
                .iter()
                .map(|line| {
                    let strong: Vec<usize> = line.iter().copied().filter(|&a| atoms[a].strong).collect();
                    let sized = if strong.is_empty() { line } else { &strong };
                    let line_glyph = printed_line_size(words, line);
                    let extent = sized
                        .iter()
                        .map(|&a| atoms[a].bbox)
                        .reduce(BBox::union)
                        .expect("lines are never empty");
                    let headline_size = !strong.is_empty()
                        && words.headline_type.is_reached(atoms, sized, line_glyph)
                        && words_tall(atoms, sized, scales)
                        && (words.script != Script::Cjk
                            || has_square_glyph(atoms, line, words.headline_ratio * words.glyph));
                    (extent, spans || headline_size)
                })
                .collect();
            (lines, measured)
        })
        .collect()
}

/// Step 3, second half: settles which measured lines are headline type,
/// and returns the body lines' pitch (see [`body_pitch`], measured before
/// any of this), which the blocks are cut on. In order: a column's first
/// lines set apart over it in type clearly bigger than its own are
/// headline type (a sidebar's headline, see [`heads_over_own_column`] and
/// [`heads_over_own_column_latin`]); lines measured tall but set on the
/// body lines' grid are body text (see [`settle_lines_on_body_pitch`]); on
/// a Latin page, headline lines measured under headline type beside ones
/// measured over it are headline type too (see [`spread_headline_lines`]).
fn settle_headline_type(words: &PageWords, measured_regions: &mut [MeasuredRegion]) -> f32 {
    let (atoms, glyph) = (&words.atoms, words.glyph);
    let pitch = body_pitch(measured_regions, glyph);
    if words.script == Script::Cjk {
        let sizes: Vec<Vec<f32>> = measured_regions
            .iter()
            .map(|(lines, _)| lines.iter().map(|w| printed_line_size(words, w)).collect())
            .collect();
        heads_over_own_column(atoms, measured_regions, &sizes, glyph, pitch);
    } else {
        heads_over_own_column_latin(atoms, measured_regions, glyph);
    }
    for (_, measured) in measured_regions.iter_mut() {
        settle_lines_on_body_pitch(measured, pitch);
    }
    if words.script == Script::Latin {
        let body_letter = median(
            measured_regions
                .iter()
                .flat_map(|(lines, measured)| {
                    lines
                        .iter()
                        .zip(measured.iter())
                        .filter(|(_, m)| !m.1)
                        .filter_map(|(w, _)| letter_width(atoms, w))
                })
                .collect(),
        );
        if let Some(body_letter) = body_letter {
            for (lines, measured) in measured_regions.iter_mut() {
                spread_headline_lines(atoms, lines, measured, glyph, pitch, body_letter);
            }
        }
    }
    pitch
}

/// A column's first line set this many times the glyph size of the lines
/// under it heads that column (see [`heads_over_own_column`]).
const OWN_HEAD_RATIO: f32 = 1.2;
/// ... standing apart from the lines under it by at least this many body
/// line pitches (centre to centre: a block of its own, see [`BLOCK_PITCH`]),
/// and at least this many body glyphs under any text above it.
const OWN_HEAD_PITCHES: f32 = BLOCK_PITCH;
const OWN_HEAD_APART: f32 = 2.0;
/// ... over at least this many lines of its column.
const OWN_HEAD_COLUMN_LINES: usize = 3;

/// Marks as headline type the first printed line of a region (CJK) that
/// heads the column under it: a line of its own, set apart from the
/// column's next line by more than [`OWN_HEAD_PITCHES`] line pitches and
/// from any text above it, with glyphs [`OWN_HEAD_RATIO`] times the usual
/// size of the column's lines, none of them headline type. Why: a
/// sidebar's headline is set in smaller type than the page's headlines,
/// often under the page's headline size, but clearly bigger than the
/// sidebar's own body type; unmarked, the sidebar has no headline and its
/// text runs on from the last column of the article beside it.
fn heads_over_own_column(
    atoms: &[Atom],
    regions: &mut [MeasuredRegion],
    sizes: &[Vec<f32>],
    glyph: f32,
    pitch: f32,
) {
    let boxes = region_extents(regions);
    let centre = |b: &BBox| (b.y0 + b.y1) as f32 / 2.0;
    let mut marked = Vec::new();
    for (index, (lines, measured)) in regions.iter().enumerate() {
        if measured.len() <= OWN_HEAD_COLUMN_LINES || measured.iter().any(|m| m.1) {
            continue;
        }
        // Glyphs of a size the boxes show, not one smeared along the line
        // (see [`has_square_glyph`]).
        let plausible = lines[0].iter().any(|&a| atoms[a].strong)
            && has_square_glyph(atoms, &lines[0], HEADLINE_HEIGHT_CJK * glyph);
        let head = measured[0].0;
        let set_off = centre(&measured[1].0) - centre(&head) > OWN_HEAD_PITCHES * pitch;
        let apart = clear_above(&boxes, head, |other| other == index, glyph);
        let Some(usual) = median(sizes[index][1..].to_vec()) else { continue };
        if plausible && set_off && apart && sizes[index][0] >= OWN_HEAD_RATIO * usual {
            marked.push(index);
        }
    }
    for index in marked {
        regions[index].1[0].1 = true;
    }
}

/// Each region's extent: the union of its lines' extents.
fn region_extents(regions: &[MeasuredRegion]) -> Vec<BBox> {
    regions
        .iter()
        .map(|(_, measured)| {
            measured.iter().map(|m| m.0).reduce(BBox::union).expect("regions are never empty")
        })
        .collect()
}

/// True when `a` and `b` share some width: one stands over the other.
fn spans_across(a: BBox, b: BBox) -> bool {
    a.x1.min(b.x1) > a.x0.max(b.x0)
}

/// True when no region's extent (`boxes`) but those `own` names stands
/// over `head` less than [`OWN_HEAD_APART`] glyphs above it: a column's
/// head has no text right above it.
fn clear_above(boxes: &[BBox], head: BBox, own: impl Fn(usize) -> bool, glyph: f32) -> bool {
    !boxes.iter().enumerate().any(|(other, &b)| {
        !own(other)
            && spans_across(b, head)
            && b.y0 < head.y0
            && ((head.y0 - b.y1) as f32) < OWN_HEAD_APART * glyph
    })
}

/// Latin: at most this many lines stacked over a column head it (a
/// sidebar's headline runs over a few short lines of narrow columns).
const OWN_HEAD_LINES_LATIN: usize = 6;

/// Marks as headline type the lines that head a column of a Latin page:
/// the top lines of a stack of regions set flush left over a column of
/// body lines (regions the XY-cut parted at the wider gaps under headline
/// lines), standing apart from the column's next line by more than
/// [`OWN_HEAD_PITCHES`] of the column's line pitches, set at least
/// [`OWN_HEAD_RATIO`] times that pitch apart from each other, their
/// capitals and ascenders (see [`cap_height_word`]) [`OWN_HEAD_RATIO`]
/// times as tall as the column's, none of the stack headline type, with no
/// text right above them. Why: as on CJK pages (see
/// [`heads_over_own_column`]) a sidebar's headline is set under the page's
/// headline size but clearly bigger than the sidebar's body type; a Latin
/// line's size is its extent, which a line in capitals (no descenders)
/// shows no taller than a body line, so size is read from the line's
/// capitals and ascenders, and from the wider pitch headline type is set
/// at. Unmarked, the sidebar has no headline and its text runs on from the
/// last column of the article beside it.
fn heads_over_own_column_latin(atoms: &[Atom], regions: &mut [MeasuredRegion], glyph: f32) {
    let boxes = region_extents(regions);
    let centre = |b: &BBox| (b.y0 + b.y1) as f32 / 2.0;
    let cap_heights = |words: &[usize]| -> Vec<f32> {
        words
            .iter()
            .filter(|&&a| atoms[a].strong && cap_height_word(&atoms[a].text))
            .map(|&a| height(&atoms[a].bbox))
            .collect()
    };
    let mut marked: Vec<(usize, usize)> = Vec::new();
    for body in 0..regions.len() {
        let measured = &regions[body].1;
        let measured_len = measured.len();
        if measured.len() < OWN_HEAD_COLUMN_LINES || measured.iter().any(|m| m.1) {
            continue;
        }
        // The column's lines, top to bottom, as (region, line), with the
        // short flush-left regions stacked right over it.
        let mut stack: Vec<(usize, usize)> = (0..measured.len()).map(|line| (body, line)).collect();
        let mut members = vec![body];
        let mut top = boxes[body];
        while let Some(above) = (0..regions.len())
            .filter(|r| !members.contains(r) && spans_across(boxes[*r], top) && boxes[*r].y1 <= top.y0)
            .max_by_key(|&r| boxes[r].y1)
        {
            let lines = regions[above].1.len();
            // Within the column's width (an indented first line, headline
            // lines shorter than the column's): no headline over columns.
            let flush = (boxes[above].x0 as f32) >= boxes[body].x0 as f32 - glyph
                && (boxes[above].x1 as f32) <= boxes[body].x1 as f32 + glyph;
            if !flush
                || stack.len() - measured.len() + lines > OWN_HEAD_LINES_LATIN
                || regions[above].1.iter().any(|m| m.1)
            {
                break;
            }
            stack.splice(0..0, (0..lines).map(|line| (above, line)));
            members.push(above);
            top = boxes[above];
        }
        let extent = |(r, l): (usize, usize)| regions[r].1[l].0;
        let steps: Vec<f32> =
            stack.windows(2).map(|w| centre(&extent(w[1])) - centre(&extent(w[0]))).collect();
        // The column's pitch, from the body region's own lines: the
        // stack's wider steps under headline lines would raise it.
        let Some(pitch) = median(steps[stack.len() - measured_len..].to_vec()) else { continue };
        let head_lines = steps.iter().take_while(|&&s| s >= OWN_HEAD_RATIO * pitch).count();
        if head_lines == 0
            || head_lines > OWN_HEAD_LINES_LATIN
            || stack.len() - head_lines < OWN_HEAD_COLUMN_LINES
            || steps[head_lines - 1] <= OWN_HEAD_PITCHES * pitch
        {
            continue;
        }
        let words = |lines: &[(usize, usize)]| -> Vec<usize> {
            lines.iter().flat_map(|&(r, l)| regions[r].0[l].iter().copied()).collect()
        };
        let (Some(head), Some(usual)) = (
            median(cap_heights(&words(&stack[..head_lines]))),
            median(cap_heights(&words(&stack[head_lines..]))),
        ) else {
            continue;
        };
        let head_box = extent(stack[0]);
        let apart = clear_above(&boxes, head_box, |other| members.contains(&other), glyph);
        if apart && head >= OWN_HEAD_RATIO * usual {
            marked.extend_from_slice(&stack[..head_lines]);
        }
    }
    for (region, line) in marked {
        regions[region].1[line].1 = true;
    }
}

/// A CJK word boxed at most this many of its own heights wide per cell of
/// its text holds glyphs of the size its box shows (CJK glyphs are square)...
const SQUARE_CELL_WIDTH: f32 = 1.6;
/// ... and so does one boxed at headline height, up to this many heights
/// per cell (a headline's short last line, letter-spaced or boxed with a
/// speck beside it); wider, it is a glyph smeared along its line.
const TALL_CELL_WIDTH: f32 = 3.0;

/// True when `words` (a printed line of a CJK page) hold a word with wide
/// characters boxed about as wide as its cells, or boxed at headline
/// height (`headline_size`) and not smeared, or hold no word with wide
/// characters at all. Why: a line's size is its extent over its cells, and
/// OCR of a garbled stretch boxes one or two glyphs over the width of many
/// (`-和` 112 px wide at 40 px high in 38 px body type, `的` 411 x 80 px
/// over a column): the extent reads headline type, though no glyph of that
/// size is printed there, and a false headline opens an article.
fn has_square_glyph(atoms: &[Atom], words: &[usize], headline_size: f32) -> bool {
    let wide: Vec<&Atom> = words.iter().map(|&a| &atoms[a]).filter(|a| a.text.chars().any(is_wide)).collect();
    wide.is_empty()
        || wide.iter().any(|a| {
            let per_cell = (a.bbox.x1 - a.bbox.x0) as f32 / cells(&a.text).max(1.0);
            let h = height(&a.bbox);
            per_cell <= SQUARE_CELL_WIDTH * h || (h >= headline_size && per_cell <= TALL_CELL_WIDTH * h)
        })
}

/// For each OCR line, the gap down to the nearest line below it that
/// overlaps it horizontally (the next line of its column), where there is
/// one. Why not the next line in file order: sparse modes (`--psm 11/12`)
/// list a page's lines row by row across its columns, so consecutive lines
/// that overlap are mostly a headline's lines or a column's last line and
/// the headline under it, and their gaps are bands between articles, not
/// the gap between the lines of a column.
fn gaps_to_lines_below(lines: &[BBox]) -> Vec<f32> {
    lines
        .iter()
        .filter_map(|a| {
            lines
                .iter()
                .filter(|b| b.y0 >= a.y1 && a.x1.min(b.x1) > a.x0.max(b.x0))
                .map(|b| b.y0 - a.y1)
                .min()
                .map(|gap| gap as f32)
        })
        .collect()
}

/// True for a word that is only bars (`|`): a printed column rule OCR read
/// as glyphs. Text never holds one, so with coordinates it is set apart
/// with no article (unplaced) instead of standing in the text where the
/// rule ran beside it. On a Latin page a bar glued to letters (`re-|has`)
/// is first split off its word (see [`cut::split_at_rule_glyphs`]); on a
/// CJK page it stays in its word.
fn is_rule_mark(text: &str) -> bool {
    !text.trim().is_empty() && text.chars().all(|c| is_rule_glyph(c) || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::test_pages::*;
    use super::*;
    use crate::formats::{TextLine, Word};
    use crate::parse::SourceSpan;

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
    fn column_rules_read_as_bars_are_set_apart_as_fragments() {
        let page = layout_page(&glued_page(), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let first_bar = texts.iter().position(|t| *t == "|").expect("a bar");
        assert!(texts[first_bar..].iter().all(|t| *t == "|"), "{texts:?}");
        assert_eq!(texts.len() - first_bar, 3, "{texts:?}");
        assert!(page.pieces[first_bar..].iter().all(|p| p.role == Role::Fragment));
        assert!(page.pieces[..first_bar].iter().all(|p| p.role != Role::Fragment));
        // A bar glued to letters stays in its word.
        assert!(is_rule_mark("|") && is_rule_mark("||") && !is_rule_mark("re-|has") && !is_rule_mark(".|"));
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
        // The gutter bar is set apart (see
        // `column_rules_read_as_bars_are_set_apart_as_fragments`).
        // Provenance: the second OCR line, words 3 and 4 ("right0 bb").
        let right0 = &page.pieces[right[0]];
        assert_eq!(right0.text, "right0 bb");
        assert_eq!(right0.span, SourceSpan { line: 2, start: 3, end: 5 });
        assert_eq!(right0.bbox, Some(BBox { x0: 160, y0: 100, x1: 300, y1: 120 }));
        let bar = page.pieces.iter().find(|p| p.text == "|").expect("the bar");
        assert_eq!(bar.span, SourceSpan { line: 2, start: 2, end: 3 });
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

    /// A CJK column of `rows` body lines (32 px glyphs, 50 px pitch) under a
    /// first line of 4 glyphs `head_size` px high, whose centre stands
    /// `head_step` px over the first body line's: its atoms and its one
    /// measured region, no line measured headline type.
    fn column_under_a_line(head_size: i32, head_step: i32, rows: i32) -> (Vec<Atom>, MeasuredRegion) {
        let first_centre = 300;
        let head_centre = first_centre - head_step;
        let mut atoms = vec![on_line(
            "甲乙丙丁",
            100,
            head_centre - head_size / 2,
            100 + 4 * head_size,
            head_centre + head_size / 2,
            1,
        )];
        for row in 0..rows {
            let centre = first_centre + 50 * row;
            atoms.push(on_line("子丑寅卯辰巳午未", 100, centre - 16, 356, centre + 16, 2 + row as usize));
        }
        let lines: Vec<Vec<usize>> = (0..atoms.len()).map(|a| vec![a]).collect();
        let measured = atoms.iter().map(|a| (a.bbox, false)).collect();
        (atoms, (lines, measured))
    }

    #[test]
    fn a_column_first_line_set_apart_in_bigger_type_heads_its_column() {
        let heads = |head_size: i32, head_step: i32, rows: i32| {
            let (atoms, region) = column_under_a_line(head_size, head_step, rows);
            let sizes = vec![std::iter::once(head_size as f32).chain((0..rows).map(|_| 32.0)).collect()];
            let mut regions = vec![region];
            heads_over_own_column(&atoms, &mut regions, &sizes, 36.0, 50.0);
            regions[0].1[0].1
        };
        // A sidebar's headline: 40 px glyphs over 32 px body type (under
        // the page's headline size), a line and a half over the column.
        assert!(heads(40, 80, 5));
        // Body type, or bigger type on the column's pitch, or a column of
        // two lines: no headline.
        assert!(!heads(34, 80, 5));
        assert!(!heads(40, 50, 5));
        assert!(!heads(40, 80, 2));
    }

    /// A Latin column: two short lines of `head_cap` px capitals and
    /// ascenders, `head_step` px apart, in a region of their own over a
    /// region of six body lines (18 px ascenders, 32 px pitch) 60 px under
    /// them.
    fn latin_column_under_lines(head_cap: i32, head_step: i32) -> (Vec<Atom>, Vec<MeasuredRegion>) {
        let mut atoms = Vec::new();
        for (row, text) in ["HILLTOP", "TALKBACK"].iter().enumerate() {
            let top = 100 + head_step * row as i32;
            atoms.push(on_line(text, 100, top, 300, top + head_cap, row));
        }
        let body_top = 100 + head_step + 60;
        for row in 0..6 {
            let top = body_top + 32 * row;
            atoms.push(on_line("holdfast", 100, top, 420, top + 18, 2 + row as usize));
        }
        let region = |range: std::ops::Range<usize>| -> MeasuredRegion {
            (range.clone().map(|a| vec![a]).collect(), range.map(|a| (atoms[a].bbox, false)).collect())
        };
        let regions = vec![region(0..2), region(2..8)];
        (atoms, regions)
    }

    #[test]
    fn latin_lines_set_apart_in_taller_type_head_the_column_under_them() {
        let heads = |head_cap: i32, head_step: i32| {
            let (atoms, mut regions) = latin_column_under_lines(head_cap, head_step);
            heads_over_own_column_latin(&atoms, &mut regions, 26.0);
            regions[0].1.iter().all(|m| m.1) && regions[1].1.iter().all(|m| !m.1)
        };
        // A sidebar's headline: capitals 26 px tall over 18 px ascenders,
        // set 45 px apart over a 32 px body pitch.
        assert!(heads(26, 45));
        // Capitals no taller than the body's, or lines on the body pitch:
        // no headline.
        assert!(!heads(19, 45));
        assert!(!heads(26, 32));
    }

    #[test]
    fn a_quote_mark_glued_before_a_column_does_not_bridge_its_gutter() {
        // Two CJK columns 40 px apart; OCR read a rule beside the right
        // column as a quote mark and glued it to the first glyph of every
        // row, so each row's right word reaches to 5 px from the left one.
        let row = vec![("甲甲甲甲甲甲甲甲甲甲", 0, 300), ("“乙乙乙乙乙乙乙乙乙乙", 305, 640)];
        let page = layout_page(&cjk_rows(&vec![row; 8]), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(page.regions.len(), 2, "{texts:?}");
        let last_left = texts.iter().rposition(|t| t.contains('甲')).unwrap();
        let first_right = texts.iter().position(|t| t.contains('乙')).unwrap();
        assert!(last_left < first_right, "{texts:?}");
    }

    #[test]
    fn a_credit_line_under_a_column_is_a_byline() {
        // A credit set alone under a column, as the text parser labels it
        // when it cuts a line.
        let mut rows: Vec<Vec<(&str, i32, i32)>> = vec![vec![("天天天天天天天天天天", 0, 300)]; 6];
        rows.push(vec![("记者王小明", 150, 300)]);
        let page = layout_page(&cjk_rows(&rows), 0, 1, None);
        let last = page.pieces.last().expect("pieces");
        assert_eq!((last.text.as_str(), last.role), ("记者王小明", Role::Byline));
        assert!(page.pieces[..page.pieces.len() - 1].iter().all(|p| p.role == Role::Body));
    }

    #[test]
    fn a_name_list_is_a_byline_only_where_it_stands_like_one() {
        // Randomly spaced OCR of running text reads as three short names.
        let body = vec![("天天天天天天天天天天", 0, 300)];
        let names = vec![("张小明", 0, 90), ("李大伟", 110, 200), ("王芳", 220, 280)];
        let role_of_names = |rows: Vec<Vec<(&str, i32, i32)>>| {
            let page = layout_page(&cjk_rows(&rows), 0, 1, None);
            page.pieces.iter().find(|p| p.text.starts_with("张小明")).expect("the names").role
        };
        // Between two lines of a column: running text.
        let mut inside = vec![body.clone(); 3];
        inside.push(names.clone());
        inside.extend(vec![body.clone(); 3]);
        assert_eq!(role_of_names(inside), Role::Body);
        // At a column's foot: a credit.
        let mut foot = vec![body.clone(); 6];
        foot.push(names.clone());
        assert_eq!(role_of_names(foot), Role::Byline);
        // Sharing its printed line with other words: running text.
        let mut shared = vec![body.clone(); 6];
        shared.push(vec![("天天", 0, 60), ("张小明", 75, 165), ("李大伟", 185, 275), ("王芳", 295, 355)]);
        let page = layout_page(&cjk_rows(&shared), 0, 1, None);
        assert!(page.pieces.iter().all(|p| p.role != Role::Byline), "{:?}", page.pieces);
    }

    #[test]
    fn glyphs_smeared_along_a_cjk_line_show_no_headline_type() {
        let boxed = |text: &str, x0, y0, x1, y1| placed(text, x0, y0, x1, y1, false);
        // Headline type is 52 px here (body 38 px).
        let head = 52.0;
        // A glyph smeared over a column, and two boxed twice their cells'
        // width at body height.
        let smeared = [boxed("的", 1487, 383, 1898, 463)];
        assert!(!has_square_glyph(&smeared, &[0], head));
        let garbled = [boxed("-和", 772, 958, 884, 998), boxed("二", 889, 966, 953, 998)];
        assert!(!has_square_glyph(&garbled, &[0, 1], head));
        // Square glyphs, and a headline's short last line boxed at headline
        // height a little wide, are glyphs of their size.
        let square = [boxed("海南", 103, 120, 261, 181)];
        assert!(has_square_glyph(&square, &[0], head));
        let spaced = [boxed("召开", 1032, 204, 1288, 262)];
        assert!(has_square_glyph(&spaced, &[0], head));
        // A line without wide characters is not judged.
        let latin = [boxed("GEP", 0, 0, 300, 20)];
        assert!(has_square_glyph(&latin, &[0], head));
    }

    #[test]
    fn a_glyph_smeared_down_a_column_neither_parts_its_block_nor_heads_it() {
        // A column of body rows; OCR read the third row's glyphs as one
        // glyph smeared over the row and down into the gap below it (an
        // OCR line of its own), and two more glyphs of the row.
        let mut rows: Vec<TextLine> = (0..8)
            .map(|row| {
                let y = row * 40;
                line_of(vec![word("天天天天天天天天天天", 0, y, 300, y + 30)])
            })
            .collect();
        rows[2] = line_of(vec![word("甲乙", 100, 82, 160, 110)]);
        rows.insert(3, line_of(vec![word("的", 0, 60, 300, 170)]));
        let page = layout_page(&one_block(rows), 0, 1, None);
        assert!(page.pieces.iter().all(|p| p.role == Role::Body), "{:?}", page.pieces);
        assert_eq!(page.blocks.iter().filter(|b| !b.is_empty()).count(), 1, "{:?}", page.blocks);
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
    fn a_credit_inside_running_text_is_no_byline() {
        // Six body lines 20 px high on a 30 px pitch; the third ends in an
        // agency name in brackets that OCR set apart at a wide space.
        let body =
            |y: i32| vec![word("alpha", 0, y, 90, y + 20), word("beta gamma delta", 100, y, 400, y + 20)];
        let page_with = |before: &str| {
            let lines = (0..6)
                .map(|row| {
                    let y = row * 30;
                    if row == 2 {
                        line_of(vec![word(before, 0, y, 200, y + 20), word("(Reuters)", 320, y, 400, y + 20)])
                    } else {
                        line_of(body(y))
                    }
                })
                .collect();
            layout_page(&one_block(lines), 0, 1, None)
        };
        let role_of_credit =
            |page: &Page| page.pieces.iter().find(|p| p.text == "(Reuters)").expect("credit").role;
        // After words that end no sentence, between lines of its block.
        assert_eq!(role_of_credit(&page_with("the council met")), Role::Body);
        // After a sentence end, a credit trailing an article keeps its role.
        assert_eq!(role_of_credit(&page_with("the council met.")), Role::Byline);
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
    fn a_line_read_as_one_glyph_smeared_over_the_column_is_no_headline() {
        // A CJK column whose last printed line OCR read as one glyph boxed
        // over the whole line: over its one cell it measures ten glyphs
        // high, but it holds no word of plausible size.
        let mut rows: Vec<Vec<(&str, i32, i32)>> = vec![vec![("天天天天天天天天天天", 0, 300)]; 6];
        rows.push(vec![("人", 0, 300)]);
        let page = layout_page(&cjk_rows(&rows), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(page.pieces.iter().all(|p| p.role != Role::Headline), "{texts:?}");
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
    fn a_gap_lined_up_across_columns_is_cut_after_the_band_over_the_next_headline() {
        // Two stacked articles, each a headline over two glued columns; the
        // upper one's columns both miss a line after their third row, a band
        // wider than the one over the lower headline.
        let mut lines = vec![line_of(vec![word("Big", 0, 0, 120, 60), word("News", 140, 0, 300, 60)])];
        for row in 0..6 {
            let y = 80 + row * 30 + if row >= 3 { 50 } else { 0 };
            lines.push(line_of(vec![
                word(&format!("left{row}"), 0, y, 130, y + 20),
                word(&format!("right{row}"), 170, y, 300, y + 20),
            ]));
        }
        lines.push(line_of(vec![word("Other", 0, 360, 140, 420), word("Story", 160, 360, 300, 420)]));
        for row in 0..4 {
            let y = 440 + row * 30;
            lines.push(line_of(vec![
                word(&format!("low{row}"), 0, y, 130, y + 20),
                word(&format!("side{row}"), 170, y, 300, y + 20),
            ]));
        }
        let page = layout_page(&one_block(lines), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let position = |t: &str| texts.iter().position(|p| *p == t).unwrap();
        assert!(position("left5") < position("right0"), "{texts:?}");
        assert!(position("right5") < position("Other Story"), "{texts:?}");
    }

    /// An OCR line of `words` with its own box around them (as TSV gives).
    fn boxed_line_of(words: Vec<Word>) -> TextLine {
        let bbox = words.iter().filter_map(|w| w.bbox).reduce(BBox::union);
        TextLine { id: None, bbox, words }
    }

    #[test]
    fn the_line_gap_is_measured_down_a_column_not_in_file_order() {
        // Sparse OCR lists lines row by row across two columns: the next
        // line in file order stands beside, not below; the next one below
        // is 10 px down.
        let mut lines = Vec::new();
        for row in 0..4 {
            let y = row * 30;
            lines.push(BBox { x0: 0, y0: y, x1: 130, y1: y + 20 });
            lines.push(BBox { x0: 170, y0: y, x1: 300, y1: y + 20 });
        }
        let gaps = gaps_to_lines_below(&lines);
        assert_eq!(gaps, vec![10.0; 6]);
    }

    #[test]
    fn stacked_articles_read_row_by_row_are_cut_at_the_band_between_them() {
        // Sparse OCR (psm 12): every column line is an OCR line of its
        // own, listed row by row across the page. Two stacked articles,
        // each a headline over two columns; the upper headline has two
        // lines 30 px apart, the band over the lower headline is 40 px,
        // the columns' lines are 10 px apart. The few lines that follow
        // one another in file order and stand one above the other are the
        // headlines' and would make the band look like a usual line gap.
        let mut lines = vec![
            boxed_line_of(vec![word("Big", 0, 0, 120, 60), word("News", 140, 0, 300, 60)]),
            boxed_line_of(vec![word("Today", 80, 90, 220, 150)]),
        ];
        let rows = |lines: &mut Vec<TextLine>, top: i32, left: &str, right: &str| {
            for row in 0..4 {
                let y = top + row * 30;
                lines.push(boxed_line_of(vec![word(&format!("{left}{row}"), 0, y, 130, y + 20)]));
                lines.push(boxed_line_of(vec![word(&format!("{right}{row}"), 170, y, 300, y + 20)]));
            }
        };
        rows(&mut lines, 180, "left", "right");
        lines.push(boxed_line_of(vec![word("Other", 0, 330, 140, 390), word("Story", 160, 330, 300, 390)]));
        rows(&mut lines, 410, "low", "side");
        let page = layout_page(&one_block(lines), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let position = |t: &str| texts.iter().position(|p| *p == t).unwrap();
        assert!(position("left3") < position("right0"), "{texts:?}");
        assert!(position("right3") < position("Other Story"), "{texts:?}");
        assert!(position("low3") < position("side0"), "{texts:?}");
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

    #[test]
    fn a_latin_gutter_with_one_word_standing_into_it_is_found() {
        let page = layout_page(&latin_columns_with_an_intruder(20), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let position = |word: &str| texts.iter().position(|t| t.split(' ').any(|w| w == word)).unwrap();
        assert!(position("left19") < position("right0"), "{texts:?}");
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

    #[test]
    fn glued_columns_beside_an_offset_sidebar_are_still_cut_apart() {
        // Tesseract --psm 6: every OCR line runs over two main columns (a
        // gutter of 14 px) and a sidebar set on offset baselines, so each
        // line is 35 px tall while its glyphs are 20.
        let lines = (0..20)
            .map(|row| {
                let y = row * 45;
                line_of(vec![
                    word(&format!("left{row}"), 0, y, 120, y + 20),
                    word("aa", 130, y, 200, y + 20),
                    word(&format!("right{row}"), 214, y, 334, y + 20),
                    word("bb", 344, y, 414, y + 20),
                    word(&format!("side{row}"), 500, y + 15, 620, y + 35),
                    word("cc", 630, y + 15, 700, y + 35),
                ])
            })
            .collect();
        let page = layout_page(&one_block(lines), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let position = |word: &str| texts.iter().position(|t| t.split(' ').any(|w| w == word)).unwrap();
        assert!(position("left19") < position("right0"), "{texts:?}");
        assert!(position("right19") < position("side0"), "{texts:?}");
        assert!(page.pieces.iter().all(|p| p.role != Role::Headline), "{texts:?}");
    }

    #[test]
    fn one_tall_box_does_not_make_a_latin_line_headline_type() {
        // A glyph OCR boxed with a speck above it makes row 10's extent
        // headline-high; its words are body height, so the narrow gutter
        // still runs through it.
        let lines = (0..20)
            .map(|row| {
                let y = row * 30;
                let mut words = vec![
                    word(&format!("left{row}"), 20, y, 120, y + 20),
                    word("aa", 130, y, 200, y + 20),
                    word(&format!("right{row}"), 215, y, 335, y + 20),
                    word("bb", 345, y, 415, y + 20),
                ];
                if row == 10 {
                    words.insert(0, word("of", 0, y - 25, 15, y + 20));
                }
                line_of(words)
            })
            .collect();
        let page = layout_page(&one_block(lines), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let position = |word: &str| texts.iter().position(|t| t.split(' ').any(|w| w == word)).unwrap();
        assert!(position("left19") < position("right0"), "{texts:?}");
    }

    #[test]
    fn a_capitals_headline_is_measured_by_cap_height() {
        // Body lines run from ascenders (20 px above the baseline) to
        // descenders (7 px below): 27 px. A headline in capitals has
        // neither: its 40 px are all cap height, twice body type's, though
        // under 1.5 body line extents. A line in body-sized capitals stays
        // body text.
        let mut lines = vec![line_of(vec![
            word("HARBOUR", 0, 0, 220, 40),
            word("FERRY", 240, 0, 400, 40),
            word("RETURNS", 420, 0, 640, 40),
        ])];
        for row in 0..8 {
            let y = 80 + row * 32;
            lines.push(line_of(vec![
                word("the", 0, y, 45, y + 20),
                word("quay", 55, y + 6, 120, y + 27),
                word("held", 130, y, 190, y + 20),
                word("boats", 200, y, 270, y + 20),
                word("at", 280, y + 3, 305, y + 20),
                word("dusk", 315, y, 380, y + 20),
            ]));
        }
        lines.push(line_of(vec![word("NOTES", 0, 340, 90, 360), word("BELOW", 100, 340, 190, 360)]));
        let page = layout_page(&one_block(lines), 0, 1, Some(Script::Latin));
        let role = |text: &str| page.pieces.iter().find(|p| p.text.starts_with(text)).unwrap().role;
        assert_eq!(role("HARBOUR"), Role::Headline);
        assert_ne!(role("NOTES"), Role::Headline);
        assert_ne!(role("the"), Role::Headline);
    }

    #[test]
    fn words_glued_to_a_column_rule_do_not_block_its_gutter() {
        // Twelve rows of two columns with a ruled 18 px gutter; in two rows
        // OCR glued the rule to the words on both sides of it.
        let lines = (0..12)
            .map(|row| {
                let y = row * 30;
                let mut words = vec![word(&format!("left{row}"), 0, y, 150, y + 20)];
                if row == 4 || row == 8 {
                    words.push(word("re-|has", 160, y, 260, y + 20));
                } else {
                    words.push(word("aa", 160, y, 200, y + 20));
                    words.push(word("|", 207, y - 5, 211, y + 25));
                    words.push(word("bb", 218, y, 260, y + 20));
                }
                words.push(word(&format!("right{row}"), 270, y, 420, y + 20));
                line_of(words)
            })
            .collect();
        let page = layout_page(&one_block(lines), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let position = |word: &str| texts.iter().position(|t| t.split(' ').any(|w| w == word)).unwrap();
        assert!(position("left11") < position("right0"), "{texts:?}");
    }

    #[test]
    fn a_rule_glued_into_the_words_over_it_still_parts_its_columns() {
        // Twelve rows of two columns with a ruled 18 px gutter. OCR boxed no
        // bar alone: in eight rows it glued the rule to the words on both
        // sides (`aa|bb`), in four it read the rule as a letter (`ajhad`),
        // so no band stays clear of letters.
        let lines = (0..12)
            .map(|row| {
                let y = row * 30;
                let middle = if row % 3 == 2 { "ajhad" } else { "aa|bb" };
                line_of(vec![
                    word(&format!("left{row}"), 0, y, 150, y + 20),
                    word(middle, 160, y, 260, y + 20),
                    word(&format!("right{row}"), 270, y, 420, y + 20),
                ])
            })
            .collect();
        let page = layout_page(&one_block(lines), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let position = |word: &str| texts.iter().position(|t| t.split(' ').any(|w| w == word)).unwrap();
        assert!(position("left11") < position("right0"), "{texts:?}");
        // The bars are set apart as rule marks; no character is lost.
        assert_eq!(texts.iter().filter(|t| **t == "|").count(), 8, "{texts:?}");
    }

    #[test]
    fn a_cjk_box_far_wider_than_its_text_does_not_block_the_gutters() {
        // Two CJK columns of eight rows (a 30 px gutter); under them a rule
        // across both columns that OCR read as two glyphs.
        let mut rows: Vec<Vec<(&str, i32, i32)>> =
            (0..8).map(|_| vec![("一二三四五六七八", 0, 320), ("九十百千万亿兆京", 350, 670)]).collect();
        rows.push(vec![("TU", 0, 670)]);
        let page = layout_page(&cjk_rows(&rows), 0, 1, None);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let first_right = texts.iter().position(|t| t.starts_with('九')).unwrap();
        let last_left = texts.iter().rposition(|t| t.starts_with('一')).unwrap();
        assert!(last_left < first_right, "{texts:?}");
    }

    #[test]
    fn three_chance_chunk_starts_in_a_short_stretch_cut_no_column() {
        // A column's last five rows: in three of them OCR started a chunk at
        // one x after a wide gap, the fourth runs across it, the last ends
        // before it.
        let mut rows: Vec<Vec<(&str, i32, i32)>> =
            (0..3).map(|_| vec![("一二三四五六七", 0, 300), ("八九十百千万亿京兆", 350, 720)]).collect();
        rows.push(vec![("甲乙丙丁戊己庚辛", 0, 360)]);
        rows.push(vec![("子丑寅卯辰巳", 0, 270)]);
        let page = layout_page(&cjk_rows(&rows), 0, 1, None);
        let text: String = page.pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(text.find("八九十").unwrap() < text.find("甲乙丙").unwrap(), "{text}");
    }
}

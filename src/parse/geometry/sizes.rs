//! Glyph sizes: word boxes in, the page's body glyph size and each word's
//! type out, boxes settled on their printed line.
//!
//! In: the page's words ([`Atom`]s) as OCR boxed them. Out: the body glyph
//! size, each word's line size, whether it may block a cut (`strong`) and
//! whether it is set in headline type (`tall`); tall CJK boxes settled to
//! their own printed line; lines measured tall on the body's grid set back
//! to body type; a Latin headline's lines measured under headline type set
//! to it from the headline line beside them, and lines boxed tall with
//! body-wide letters set to body type. Why: every threshold of the cut and
//! of the headline test is in glyph sizes, and OCR boxes lie about size in
//! known ways (a glyph boxed over two lines, a speck glued to a letter, a
//! glued line running over offset baselines).

use super::lines::{cap_height_word, capitals_height, fullest_stretch, line_size, runs_of_line};
use super::{
    has_letters, height, lower_median, median, Atom, BBox, HeadlineType, MeasuredRegion, Script,
    HEADLINE_HEIGHT, HEADLINE_HEIGHT_CJK,
};
use crate::parse::chars::{cells, wide_share};

/// On a CJK page a word box wider than this many glyph sizes per cell of
/// its text is no text (see [`Atom::strong`]).
const SMEARED_BOX_CELLS: f32 = 4.0;
/// ... and on a Latin page one wider than this many of its own heights
/// (or glyph sizes) per cell of its text, two per letter: a letter is at
/// most about one em wide, and letter-spaced words stay well within it.
const SMEARED_LATIN_CELLS: f32 = 8.0;
/// A CJK word box this many times taller than the usual word of its OCR
/// line, and this many times taller than its glyphs are wide, runs over two
/// printed lines (see [`settle_tall_boxes`]).
const TALL_BOX_OVER_LINE: f32 = 1.8;
/// A CJK run of at least [`HEADLINE_BOXES_MIN_WORDS`] words, every one
/// boxed this many times taller than the page's usual word box, is headline
/// type even where its extent over its cells falls under headline type.
/// Why: the body glyph size is the median of lines' extents over their
/// cells, which digits, specks glued to boxes and lines running into a
/// gutter spread wide; on such a page a headline half again as large as
/// body type measures under the threshold, the cut does not know it for a
/// headline and parts it at the gutter under it. Body lines hold tall boxes
/// (a glyph boxed over two rows), but among body-high ones.
const HEADLINE_BOXES_CJK: f32 = 1.5;
const HEADLINE_BOXES_MIN_WORDS: usize = 4;
/// Lines whose centres stand at most this many body line pitches apart are
/// set on the body text's grid (see [`settle_lines_on_body_pitch`]). A
/// headline half again as large as body type, set solid under a body line
/// with the same leading, stands a quarter pitch further: 1.25 pitches.
const ON_BODY_PITCH: f32 = 1.2;
const TALL_BOX_OVER_CELL: f32 = 1.5;

/// Measures the page's body glyph size (the median over OCR lines, runs of
/// a glued CJK line, see [`runs_of_line`], of each one's size: single words
/// vary too much, CJK chunks, punctuation) and sets each word's line size,
/// `strong` and `tall`. Sizes are measured on the boxes as read; call
/// [`settle_tall_boxes`] after. Returns the body glyph size and the page's
/// headline type (on a Latin page with capitals headlines measured by cap
/// height, see [`body_cap_height`]).
pub(super) fn measure_sizes(atoms: &mut [Atom], script: Script) -> (f32, HeadlineType) {
    let letters = has_letters;
    let mut line_sizes = Vec::new();
    // Per atom, the median word box height of its run (Latin lines only).
    let mut run_word_height: Vec<Option<f32>> = vec![None; atoms.len()];
    // Per atom, its run's cap height where the run is in capitals only.
    let mut run_capitals: Vec<Option<f32>> = vec![None; atoms.len()];
    // Per atom, the lowest word box of its run (CJK runs of a few words).
    let mut run_lowest_box: Vec<Option<f32>> = vec![None; atoms.len()];
    let mut start = 0;
    while start < atoms.len() {
        let end = (start..atoms.len()).find(|&i| atoms[i].line != atoms[start].line).unwrap_or(atoms.len());
        let words: Vec<usize> = (start..end).filter(|&i| letters(&atoms[i].text)).collect();
        let runs = runs_of_line(atoms, &words);
        for (index, run) in runs.iter().enumerate() {
            let Some(size) = line_size(atoms, run, script) else { continue };
            // A Latin line glued across articles on offset baselines is
            // sampled over its fullest stretch (see [`fullest_stretch`]).
            let sample = if script == Script::Latin {
                line_size(atoms, &fullest_stretch(atoms, run), script).unwrap_or(size)
            } else {
                size
            };
            line_sizes.push(sample);
            // Every word from the run's start to the next run's takes its
            // size (marks without letters included); the first run also
            // takes any marks before it.
            let from = if index == 0 { i32::MIN } else { atoms[run[0]].bbox.x0 };
            let to = runs.get(index + 1).map_or(i32::MAX, |next| atoms[next[0]].bbox.x0);
            let word_height = median(run.iter().map(|&a| height(&atoms[a].bbox)).collect());
            let lowest_box = (script == Script::Cjk && run.len() >= HEADLINE_BOXES_MIN_WORDS)
                .then(|| run.iter().map(|&a| height(&atoms[a].bbox)).reduce(f32::min))
                .flatten();
            let capitals = (script == Script::Latin).then(|| capitals_height(atoms, run)).flatten();
            for (offset, atom) in atoms[start..end].iter_mut().enumerate() {
                if (from..to).contains(&atom.bbox.x0) {
                    atom.line_size = size;
                    run_word_height[start + offset] = word_height;
                    run_lowest_box[start + offset] = lowest_box;
                    run_capitals[start + offset] = capitals;
                }
            }
        }
        start = end;
    }
    let glyph = median(line_sizes).unwrap_or(1.0);
    let headline_ratio = if script == Script::Cjk { HEADLINE_HEIGHT_CJK } else { HEADLINE_HEIGHT };
    for atom in atoms.iter_mut() {
        let (w, h) = ((atom.bbox.x1 - atom.bbox.x0) as f32, height(&atom.bbox));
        // A rule or a speck read as a letter: very thin and tall, or tiny.
        let rule = w < 0.25 * h && h > 1.5 * glyph;
        let speck = w.max(h) < 0.35 * glyph;
        // On a CJK page a box far wider than the square cells of its text
        // is a printed rule or a graphic OCR read as a glyph or two (a rule
        // between stacked articles running under all their columns).
        // A Latin word box is never that wide for its own height either: OCR
        // sometimes boxes a short word from far left of it to its true right
        // edge, across the gutters of the columns it passes. Measured by
        // the box's own height, headline type keeps its wide words.
        let per_cell = match script {
            Script::Cjk => SMEARED_BOX_CELLS * glyph,
            Script::Latin => SMEARED_LATIN_CELLS * h.max(glyph),
        };
        let smeared = w > per_cell * cells(&atom.text).max(1.0);
        // A word OCR glued to a column rule (`re-|has`, `|nier`) has a box
        // running into the gutter the rule stands in, and so may a part
        // split off the rule (its box shared out by characters, see
        // `cut::split_at_rule_glyphs`).
        let on_rule = atom.on_rule || atom.text.contains('|');
        atom.strong = letters(&atom.text) && !rule && !speck && !on_rule && !smeared;
    }
    let headline_type = HeadlineType {
        size: headline_ratio * glyph,
        capitals_size: (script == Script::Latin)
            .then(|| body_cap_height(atoms))
            .flatten()
            .map(|cap| HEADLINE_HEIGHT * cap),
        script,
    };
    // CJK: the usual box height of body words, for runs boxed at headline
    // height throughout (see [`HEADLINE_BOXES_CJK`]).
    let usual_box = (script == Script::Cjk)
        .then(|| median(atoms.iter().filter(|a| a.strong).map(|a| height(&a.bbox)).collect()))
        .flatten();
    for ((atom, capitals), lowest_box) in atoms.iter_mut().zip(&run_capitals).zip(&run_lowest_box) {
        let boxed_as_headline =
            usual_box.zip(*lowest_box).is_some_and(|(usual, low)| low >= HEADLINE_BOXES_CJK * usual);
        atom.boxed_as_headline = boxed_as_headline;
        atom.tall = atom.line_size >= headline_type.size
            || boxed_as_headline
            || capitals.zip(headline_type.capitals_size).is_some_and(|(h, size)| h >= size);
    }
    // A Latin line's size is its extent, top of the highest box to bottom
    // of the lowest: one box OCR drew too tall (a speck joined to a glyph,
    // a word over two lines) makes a body line as tall as a headline. Its
    // words are headline type only when most of its word boxes are of
    // headline height too (as printed lines are judged, see [`words_tall`]).
    if script == Script::Latin {
        let usual =
            median(atoms.iter().filter(|a| a.strong).map(|a| height(&a.bbox)).collect()).unwrap_or(glyph);
        for (atom, word_height) in atoms.iter_mut().zip(&run_word_height) {
            if word_height.is_some_and(|h| h < HEADLINE_HEIGHT * usual) {
                atom.tall = false;
            }
        }
    }
    (glyph, headline_type)
}

/// The cap height of body type: the median box height of a Latin page's
/// strong words standing on the baseline and reaching cap height (see
/// [`cap_height_word`]: capitals, digits, ascenders, no descenders).
/// `None` without such words. Why: a line in capitals shows only its cap
/// height (see [`capitals_height`]); this is what body type shows measured
/// the same way.
pub(super) fn body_cap_height(atoms: &[Atom]) -> Option<f32> {
    median(atoms.iter().filter(|a| a.strong && cap_height_word(&a.text)).map(|a| height(&a.bbox)).collect())
}

/// The usual line pitch (centre to centre) of body lines in a column: a
/// block ends where the pitch is clearly wider (box gaps vary with
/// ascenders and descenders, pitches do not), or where headline type
/// starts or ends.
pub(super) fn body_pitch(regions: &[MeasuredRegion], glyph: f32) -> f32 {
    let centre = |b: &BBox| (b.y0 + b.y1) as f32 / 2.0;
    median(
        regions
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
    .unwrap_or(2.0 * glyph)
}

/// Gives each CJK word box that runs down over two printed lines the
/// vertical extent of the nearest regular word of its OCR line. Tesseract
/// often boxes a glyph (or punctuation) of a CJK line from its own line's
/// top to the next line's bottom; such a box would glue two printed lines
/// into one and bridge the band under a headline. Its OCR line says which
/// printed line it belongs to; the nearest word (not the line's median)
/// because a glued line runs into articles set on other baselines. A
/// headline glyph beside smaller type is tall too, but about as wide as
/// tall and set among other headline glyphs: a box moves when it is much
/// taller than its glyphs are wide, or when it stands alone among words of
/// the line's usual height (its nearest word on each side is regular: a
/// body glyph boxed over two rows, as wide as a body cell or a little
/// wider, beside its line's other glyphs). On a CJK page digits and marks
/// (`2021`, `，`) in a CJK line are boxed the same way and move too; Latin
/// words keep their boxes. The usual height is the lower median of the
/// line's words: in a line of two words (a headline's short last line, one
/// chunk boxed down into the body below) the upper one is the tall box
/// itself. `atoms` holds each OCR line's words contiguously.
pub(super) fn settle_tall_boxes(atoms: &mut [Atom], script: Script) {
    let mut start = 0;
    while start < atoms.len() {
        let end = (start..atoms.len()).find(|&i| atoms[i].line != atoms[start].line).unwrap_or(atoms.len());
        let heights: Vec<f32> = atoms[start..end].iter().map(|a| height(&a.bbox)).collect();
        // The lower median: in a line of two words, one running over two
        // printed lines would otherwise set the usual height itself.
        let usual = lower_median(heights).unwrap_or(1.0);
        let regular = |a: &Atom| height(&a.bbox) <= TALL_BOX_OVER_LINE * usual;
        // Only the words of the line's text count as neighbours: column
        // rules read as bars are boxed tall beside every row they cross.
        let neighbour = |a: &Atom| has_letters(&a.text) && !a.text.chars().all(|c| c == '|');
        let alone = |i: usize| {
            let left = (start..i).rev().find(|&j| neighbour(&atoms[j]));
            let right = (i + 1..end).find(|&j| neighbour(&atoms[j]));
            (left.is_some() || right.is_some())
                && left.is_none_or(|j| regular(&atoms[j]))
                && right.is_none_or(|j| regular(&atoms[j]))
        };
        let runs_over = |i: usize| {
            let a = &atoms[i];
            let per_cell = (a.bbox.x1 - a.bbox.x0).max(1) as f32 / cells(&a.text).max(1.0);
            let cjk_glyphs = match script {
                Script::Cjk => !a.text.chars().any(|c| c.is_ascii_alphabetic()),
                Script::Latin => wide_share(&a.text) >= 0.5,
            };
            cjk_glyphs
                && !regular(a)
                && (height(&a.bbox) > TALL_BOX_OVER_CELL * per_cell || (script == Script::Cjk && alone(i)))
        };
        let tall: Vec<usize> = (start..end).filter(|&i| runs_over(i)).collect();
        let regular_boxes: Vec<BBox> =
            (start..end).filter(|&i| regular(&atoms[i])).map(|i| atoms[i].bbox).collect();
        for i in tall {
            let b = atoms[i].bbox;
            let distance = |r: &BBox| (r.x0 - b.x1).max(b.x0 - r.x1).max(0);
            if let Some(nearest) = regular_boxes.iter().min_by_key(|r| distance(r)) {
                atoms[i].bbox.y0 = nearest.y0;
                atoms[i].bbox.y1 = nearest.y1;
            }
        }
        start = end;
    }
}

/// True when `lower` stands below `upper` no further than the body lines'
/// pitch allows (centre to centre): the two keep the body text's grid.
fn on_body_grid(upper: &BBox, lower: &BBox, pitch: f32) -> bool {
    let centre = |b: &BBox| (b.y0 + b.y1) as f32 / 2.0;
    centre(lower) - centre(upper) <= ON_BODY_PITCH * pitch
}

/// Sets body type on every run of lines measured as headline type that
/// keeps the body text's line pitch, with a body line right above and right
/// below it in its region. `measured` holds a region's lines, top to bottom,
/// each with its extent and whether it is headline type. Why: a headline's
/// lines are taller than body lines, so their pitch (centre to centre) is
/// wider than the body's, and space is set around them; a line that stays
/// on the body lines' grid is a body line whose word boxes OCR drew too tall
/// (a blurred or garbled stretch boxed over two rows).
pub(super) fn settle_lines_on_body_pitch(measured: &mut [(BBox, bool)], pitch: f32) {
    let on_grid = |upper: &BBox, lower: &BBox| on_body_grid(upper, lower, pitch);
    let mut start = 0;
    while start < measured.len() {
        if !measured[start].1 {
            start += 1;
            continue;
        }
        let end = (start..measured.len()).find(|&i| !measured[i].1).unwrap_or(measured.len());
        // Body lines on both sides, and every pitch from the one above to
        // the one below on the body grid.
        // The run's first line keeps the grid by its top under the line
        // above, its last by its bottom over the line below: a garbled
        // stretch OCR boxed over two body rows has its centre half a pitch
        // off the grid, but its top and bottom stay on the rows it covers.
        let top_on_grid = |upper: &BBox, lower: &BBox| (lower.y0 - upper.y0) as f32 <= ON_BODY_PITCH * pitch;
        let bottom_on_grid =
            |upper: &BBox, lower: &BBox| (lower.y1 - upper.y1) as f32 <= ON_BODY_PITCH * pitch;
        if start > 0
            && end < measured.len()
            && (start - 1..end).all(|i| {
                let (upper, lower) = (&measured[i].0, &measured[i + 1].0);
                on_grid(upper, lower)
                    || (i == start - 1 && top_on_grid(upper, lower))
                    || (i == end - 1 && bottom_on_grid(upper, lower))
            })
        {
            for line in &mut measured[start..end] {
                line.1 = false;
            }
        }
        start = end;
    }
}

/// A Latin line set next to a headline line is headline type too when its
/// letters are at least this many times wider than body letters ...
const SPREAD_OVER_BODY_LETTER: f32 = 1.3;
/// ... its letters are within this ratio of the headline line's letters
/// (either way: a short word of wide lowercase letters, a line of narrow
/// capitals) ...
const SPREAD_LETTER_TOLERANCE: f32 = 1.4;
/// ... and its extent is at least this many body glyph sizes tall (a line
/// without descenders is measured cap height to baseline).
const SPREAD_OVER_BODY_SIZE: f32 = 1.2;

/// A line measured tall whose letters are narrower than this many body
/// letters is body type.
const NARROW_TALL_LETTER: f32 = 1.1;

/// The mean letter width of a Latin printed line: its words' box widths
/// over their letters (spaces between words left out). `None` for a line
/// without a word of plausible size.
pub(super) fn letter_width(atoms: &[Atom], words: &[usize]) -> Option<f32> {
    let strong: Vec<usize> = words.iter().copied().filter(|&a| atoms[a].strong).collect();
    let letters: usize =
        strong.iter().map(|&a| atoms[a].text.chars().filter(|c| !c.is_whitespace()).count()).sum();
    let width: i32 = strong.iter().map(|&a| (atoms[a].bbox.x1 - atoms[a].bbox.x0).max(0)).sum();
    (letters > 0).then(|| width as f32 / letters as f32)
}

/// Sets headline type on the lines of a Latin region that go on a headline
/// line found by size: the line right below (or above) a headline line,
/// overlapping it, set at a headline's spacing (off the body lines' grid,
/// no wider gap than a headline line is tall), with letters as wide as the
/// headline line's and clearly wider than body letters, taller than body
/// lines. Repeats down and up the region. `lines` holds a region's printed
/// lines top to bottom, `measured` their extents and headline type,
/// `body_letter` the page's usual body letter width ([`letter_width`]).
/// Why: a line's size is its extent, and a headline line without
/// descenders ("Jahr 123 Gesetze") is measured from cap height to baseline
/// only, so it falls under the headline threshold while the lines around
/// it pass; cut out of its headline it starts an article of its own. Only
/// lines next to a headline line found by size change: no new headline
/// appears elsewhere.
pub(super) fn spread_headline_lines(
    atoms: &[Atom],
    lines: &[Vec<usize>],
    measured: &mut [(BBox, bool)],
    glyph: f32,
    pitch: f32,
    body_letter: f32,
) {
    let letters: Vec<Option<f32>> = lines.iter().map(|words| letter_width(atoms, words)).collect();
    // Whether `line` goes on the headline line `head` next to it.
    let goes_on = |head: usize, line: usize, measured: &[(BBox, bool)]| {
        let (h, l) = (measured[head].0, measured[line].0);
        let (upper, lower) = if head < line { (h, l) } else { (l, h) };
        let off_grid = !on_body_grid(&upper, &lower, pitch);
        let close = ((lower.y0 - upper.y1) as f32) <= height(&h);
        let overlap = (h.x1.min(l.x1) - h.x0.max(l.x0)) as f32 >= 0.5 * (l.x1 - l.x0).min(h.x1 - h.x0) as f32;
        let tall_enough = height(&l) >= SPREAD_OVER_BODY_SIZE * glyph;
        let same_letters = match (letters[head], letters[line]) {
            (Some(hw), Some(lw)) => {
                lw >= SPREAD_OVER_BODY_LETTER * body_letter
                    && lw <= SPREAD_LETTER_TOLERANCE * hw
                    && hw <= SPREAD_LETTER_TOLERANCE * lw
            }
            _ => false,
        };
        off_grid && close && overlap && tall_enough && same_letters
    };
    // A line measured tall with letters no wider than body letters is body
    // text whose boxes OCR drew too tall (a speck joined to a word).
    for (line, width) in measured.iter_mut().zip(&letters) {
        if line.1 && width.is_some_and(|w| w < NARROW_TALL_LETTER * body_letter) {
            line.1 = false;
        }
    }
    loop {
        let mut changed = false;
        for line in 0..measured.len() {
            if measured[line].1 {
                continue;
            }
            let neighbours = [line.checked_sub(1), (line + 1 < measured.len()).then_some(line + 1)];
            if neighbours.into_iter().flatten().any(|head| measured[head].1 && goes_on(head, line, measured))
            {
                measured[line].1 = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::*;
    use super::*;

    #[test]
    fn a_latin_word_boxed_across_the_columns_blocks_no_cut() {
        // Body words 24 px high; OCR boxed one short word from the page's
        // left margin to its true place three columns right. A headline
        // word set large is as wide as its height allows and stays strong.
        let mut atoms: Vec<Atom> =
            (0..9).map(|row| placed("words", 0, 40 * row, 110, 40 * row + 24, false)).collect();
        atoms.push(placed("were", 0, 400, 1440, 424, false));
        atoms.push(placed("Wow", 0, 500, 240, 580, true));
        let _ = measure_sizes(&mut atoms, Script::Latin);
        assert!(atoms[0].strong);
        assert!(!atoms[9].strong, "a smeared word box is no text to keep a gutter shut");
        assert!(atoms[10].strong, "headline type is measured by its own height");
    }

    /// Body rows of ten glyphs boxed 34 px high on a 44 px pitch, under a
    /// headline row of five glyphs boxed 54 px high on a 56 px pitch; the
    /// fifth glyph of the fourth body row is boxed over two rows.
    fn tall_headline_over_body_rows() -> Vec<Atom> {
        let mut atoms: Vec<Atom> = (0..5).map(|i| placed("题", 56 * i, 0, 56 * i + 50, 54, false)).collect();
        for row in 0..9 {
            let y0 = 100 + 50 * row;
            for i in 0..10 {
                let y1 = if row == 3 && i == 4 { y0 + 70 } else { y0 + 34 };
                atoms.push(placed("字", 44 * i, y0, 44 * i + 34, y1, false));
            }
        }
        atoms
    }

    #[test]
    fn a_cjk_run_boxed_at_headline_height_throughout_is_headline_type() {
        // Body rows of ten glyphs boxed 34 px high on a 44 px pitch (the
        // body glyph measures 43 over their cells); a headline row of five
        // glyphs boxed 54 px high on a 56 px pitch measures 54.8, under
        // headline type (1.35 x 43), though every box of it is headline
        // high. One body row has a glyph boxed over two rows.
        let mut atoms = tall_headline_over_body_rows();
        let (glyph, headline_type) = measure_sizes(&mut atoms, Script::Cjk);
        assert!(atoms[0].line_size < headline_type.size, "glyph {glyph}: measured under headline type");
        assert!(atoms[..5].iter().all(|a| a.tall), "boxed at headline height throughout");
        assert!(atoms[5..].iter().all(|a| !a.tall), "one tall box leaves a body row body type");
    }

    #[test]
    fn a_cjk_line_boxed_at_headline_height_throughout_reaches_headline_type() {
        // The page of the test above: the headline row measures under
        // headline type over its cells, yet its printed line (and so its
        // region) is headline type, as its words are for the cut; a body
        // row with one glyph boxed over two rows is not.
        let mut atoms = tall_headline_over_body_rows();
        let (_, headline_type) = measure_sizes(&mut atoms, Script::Cjk);
        let headline: Vec<usize> = (0..5).collect();
        assert!(headline_type.is_reached(&atoms, &headline, atoms[0].line_size));
        let body_row: Vec<usize> = (35..45).collect();
        assert!(!headline_type.is_reached(&atoms, &body_row, atoms[35].line_size));
    }

    #[test]
    fn a_two_word_line_settles_its_box_running_over_two_lines() {
        // A CJK OCR line of two words: one glyph of its own line's height,
        // and two glyphs boxed down over the line below.
        let boxed = |text: &str, x0: i32, x1: i32, y1: i32| placed(text, x0, 0, x1, y1, true);
        let mut atoms = vec![boxed("一", 0, 60, 60), boxed("二三", 60, 160, 130)];
        settle_tall_boxes(&mut atoms, Script::Cjk);
        assert_eq!((atoms[1].bbox.y0, atoms[1].bbox.y1), (0, 60));
    }

    #[test]
    fn a_body_glyph_boxed_tall_among_body_glyphs_settles_but_headline_glyphs_stay() {
        // One OCR line on a CJK page: body glyphs 30 px high in cells about
        // 32 px wide; OCR boxed one glyph and one year down over the row
        // below (65 px high, the glyph 46 px wide: less than 1.5 times its
        // width, so only its neighbours tell it from headline type), then
        // two headline glyphs 60 px high glued on at the line's end.
        let boxed = |text: &str, x0: i32, x1: i32, y1: i32| placed(text, x0, 0, x1, y1, false);
        let mut atoms = vec![
            boxed("本", 0, 32, 30),
            boxed("报", 36, 82, 65),
            boxed("北京", 86, 150, 30),
            boxed("2021", 154, 216, 65),
            boxed("年", 220, 252, 30),
            boxed("|", 256, 262, 65),
            boxed("两省", 266, 330, 30),
            boxed("建立", 334, 398, 30),
            boxed("刑事", 400, 520, 60),
            boxed("案例", 530, 650, 60),
        ];
        settle_tall_boxes(&mut atoms, Script::Cjk);
        let extents: Vec<(i32, i32)> = atoms.iter().map(|a| (a.bbox.y0, a.bbox.y1)).collect();
        assert_eq!(extents[1], (0, 30), "a glyph beside body glyphs is body type");
        assert_eq!(extents[3], (0, 30), "digits in a CJK line are boxed the same way");
        assert_eq!(extents[8], (0, 60), "headline glyphs beside each other keep their size");
        assert_eq!(extents[9], (0, 60));
        // On a Latin page only CJK glyphs move, never words of letters or digits.
        let mut latin = atoms.clone();
        latin[1].bbox.y1 = 65;
        latin[3].bbox.y1 = 65;
        settle_tall_boxes(&mut latin, Script::Latin);
        assert_eq!((latin[3].bbox.y0, latin[3].bbox.y1), (0, 65));
    }

    #[test]
    fn tall_lines_on_the_body_pitch_are_body_type() {
        let line = |centre: i32, half: i32, tall: bool| {
            (BBox { x0: 0, y0: centre - half, x1: 400, y1: centre + half }, tall)
        };
        // Body lines on a 40 px pitch; the third boxed too tall.
        let mut measured =
            vec![line(20, 15, false), line(60, 15, false), line(100, 25, true), line(140, 15, false)];
        settle_lines_on_body_pitch(&mut measured, 40.0);
        assert!(measured.iter().all(|m| !m.1));
        // Two headline lines between body lines, on their own wider pitch.
        let mut measured =
            vec![line(20, 15, false), line(90, 30, true), line(160, 30, true), line(230, 15, false)];
        settle_lines_on_body_pitch(&mut measured, 40.0);
        assert!(measured[1].1 && measured[2].1);
        // A tall line on the pitch but on top of its region: a headline set
        // close above its text keeps its type.
        let mut measured = vec![line(20, 25, true), line(60, 15, false), line(100, 15, false)];
        settle_lines_on_body_pitch(&mut measured, 40.0);
        assert!(measured[0].1);
    }

    #[test]
    fn a_line_boxed_over_two_body_rows_is_body_type() {
        let row = |y0: i32, y1: i32, tall: bool| (BBox { x0: 0, y0, x1: 400, y1 }, tall);
        // Body rows 30 px high on a 40 px pitch; OCR boxed the third and
        // fourth rows as one tall line: its centre falls between the rows,
        // half a pitch off the grid, but its top and bottom keep it.
        let mut measured =
            vec![row(5, 35, false), row(45, 75, false), row(85, 155, true), row(165, 195, false)];
        settle_lines_on_body_pitch(&mut measured, 40.0);
        assert!(!measured[2].1);
        // A headline line as tall with a lead of space over it keeps its type.
        let mut measured =
            vec![row(5, 35, false), row(45, 75, false), row(110, 180, true), row(190, 220, false)];
        settle_lines_on_body_pitch(&mut measured, 40.0);
        assert!(measured[2].1);
    }

    #[test]
    fn latin_headline_lines_measured_under_headline_type_take_it_from_their_headline() {
        // Body type: 20 px lines on a 24 px pitch, letters 10 px wide.
        // Headline: a first line with descenders (44 px), a second one
        // without (30 px, cap height to baseline) on the headline's pitch,
        // letters 20 px wide; then a body line right below.
        let atoms = vec![
            placed("Headline", 0, 0, 160, 44, true),
            placed("type", 170, 0, 250, 44, true),
            placed("Second", 0, 54, 120, 84, false),
            placed("Line", 130, 54, 210, 84, false),
            placed("body", 0, 100, 40, 120, false),
            placed("text", 50, 100, 90, 120, false),
        ];
        let lines = vec![vec![0, 1], vec![2, 3], vec![4, 5]];
        let extent = |line: &[usize]| line.iter().map(|&a| atoms[a].bbox).reduce(BBox::union).unwrap();
        let measured = |tall: [bool; 3]| -> Vec<(BBox, bool)> {
            lines.iter().zip(tall).map(|(line, tall)| (extent(line), tall)).collect()
        };
        let mut spread = measured([true, false, false]);
        spread_headline_lines(&atoms, &lines, &mut spread, 20.0, 24.0, 10.0);
        assert!(spread[1].1, "the headline's second line is headline type");
        assert!(!spread[2].1, "the body line under it stays body type");
        // The same second line after a body line: no headline to take type from.
        let mut alone = measured([false, false, false]);
        spread_headline_lines(&atoms, &lines, &mut alone, 20.0, 24.0, 10.0);
        assert!(alone.iter().all(|m| !m.1));
        // A line measured tall whose letters are as narrow as body letters
        // (boxes OCR drew too tall) is body type.
        let narrow = vec![placed("drawn", 0, 0, 50, 44, true), placed("tall", 60, 0, 100, 44, true)];
        let mut measured = vec![(narrow.iter().map(|a| a.bbox).reduce(BBox::union).unwrap(), true)];
        spread_headline_lines(&narrow, &[vec![0, 1]], &mut measured, 20.0, 24.0, 10.0);
        assert!(!measured[0].1);
    }
}

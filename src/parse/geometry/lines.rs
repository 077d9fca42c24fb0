//! Printed lines: the words of a region in, its printed lines (and the
//! pieces and type size of each) out.
//!
//! Words are grouped into lines by vertical overlap and read left to right;
//! a line is cut into pieces at wide gaps; a line's size is measured over
//! its runs (CJK) or its word boxes (Latin). Why: OCR lines are not printed
//! lines — Tesseract glues side-by-side columns into one line and its
//! sparse modes cut lines into fragments.

use super::{cells, height, is_wide, lower_median, median, wide_share, Atom, BBox, Scales, Script};

/// Inside an OCR line of CJK text, a gap this many glyph heights wide
/// separates runs whose sizes are measured apart (see [`runs_of_line`]).
const RUN_GAP: f32 = 2.0;
/// Inside a CJK run, words boxed this many times taller or shorter than
/// the words before them start a run of another type size (see
/// [`split_at_type_changes`]; headline type is 1.8 to 2.1 times body type,
/// OCR boxes of one body line vary less)...
const TYPE_CHANGE: f32 = 1.7;
/// ... with this many words on each side of the change...
const TYPE_CHANGE_WORDS: usize = 3;
/// ... each side boxed alike (heights within this ratio)...
const TYPE_ALIKE: f32 = 1.25;
/// ... across a gap this many glyph sizes of the smaller type wide.
const TYPE_CHANGE_GAP: f32 = 0.5;
/// ... where the taller type's cells are at least this wide for their
/// height (square glyphs; a box run down over two lines is narrow).
const SQUARE_CELL: f32 = 0.8;
/// Inside an OCR line of Latin text, a gap this many glyph heights of the
/// words before it parts two stretches of the line (no word space is that
/// wide; see [`fullest_stretch`]).
const STRETCH_GAP_LATIN: f32 = 1.0;
/// A CJK run's size, measured over its cells, is at most this many times
/// the median height of its word boxes. Why: Tesseract `--psm 6` cuts a
/// printed line into fragments and files them under different OCR lines,
/// so one OCR line holds a few glyphs spread over a column's width; its
/// extent over its few cells is twice the glyph size and makes body words
/// headline type (which then blocks every gutter as a headline running
/// across it). Glyph boxes keep their height whichever line OCR files them
/// under. The bound leaves room for boxes trimmed to the ink (1.3 to 1.5
/// measure alike on the dev pages) and does not apply to boxes OCR drew
/// over two lines, which only raise the median.
const CJK_SIZE_OVER_BOX_HEIGHT: f32 = 1.4;
/// Inside a region, words further apart than this many glyph heights are
/// separate pieces (a gutter the cut missed).
const PIECE_GAP: f32 = 4.0;

/// Groups a region's atoms into printed lines (top to bottom), each read
/// left to right.
pub(super) fn printed_lines(all: &[Atom], mut atoms: Vec<usize>) -> Vec<Vec<usize>> {
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
pub(super) fn join_words(all: &[Atom], words: &[usize]) -> String {
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
pub(super) fn pieces_of_line(all: &[Atom], words: &[usize]) -> Vec<Vec<usize>> {
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

/// An OCR line's words (indices into `atoms`, with letters) in runs set
/// close together, left to right. A CJK line glued across columns
/// (Tesseract `--psm 4/6`) spans whole gutters and the blank ends of short
/// lines; its extent over its cells would overstate its glyph size (and make
/// body lines headlines) wherever one column holds only a line end. A gap
/// wider than two glyph heights of the run before it starts a new run
/// (spaced-out characters inside a column stay in one). Latin lines are one
/// run: their size is their height, which gaps do not change.
pub(super) fn runs_of_line(atoms: &[Atom], words: &[usize]) -> Vec<Vec<usize>> {
    let text: String = words.iter().map(|&a| atoms[a].text.as_str()).collect();
    if wide_share(&text) < 0.5 {
        return vec![words.to_vec()];
    }
    split_at_gaps(atoms, words, RUN_GAP)
        .into_iter()
        .flat_map(|part| split_at_type_changes(atoms, part))
        .collect()
}

/// A CJK run parted where the type size changes: the last
/// [`TYPE_CHANGE_WORDS`] words before a word and as many from it on are
/// each boxed alike, one group [`TYPE_CHANGE`] times taller than the other,
/// the taller in square cells (headline glyphs), and a gap of half a glyph
/// or more stands between them. Why: `--psm 6` glues a headline row to the
/// body row of the column beside it, closer than a run gap; measured as one
/// run its size falls between the two, the headline's OCR line is not
/// headline type, and the XY-cut cuts the headline at the gutter under it
/// (see [`super::cut::crosses_headline`]). Boxes of one body line vary (a
/// glyph OCR ran down over two lines, offset baselines of glued columns),
/// but not in runs of alike, square, clearly taller boxes.
fn split_at_type_changes(atoms: &[Atom], part: Vec<usize>) -> Vec<Vec<usize>> {
    let h = |w: usize| height(&atoms[w].bbox);
    // Heights of a group of words, lowest and highest.
    let spread = |words: &[usize]| {
        words.iter().fold((f32::MAX, 0.0f32), |(low, high), &w| (low.min(h(w)), high.max(h(w))))
    };
    // Median cell width over height: headline glyphs are square, boxes
    // OCR ran down over two body lines tall and narrow.
    let square = |words: &[usize]| {
        median(
            words
                .iter()
                .map(|&w| {
                    let b = &atoms[w].bbox;
                    (b.x1 - b.x0) as f32 / cells(&atoms[w].text).max(1.0) / height(b)
                })
                .collect(),
        )
        .is_some_and(|ratio| ratio >= SQUARE_CELL)
    };
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    for (index, &a) in part.iter().enumerate() {
        let current = parts.last_mut().expect("a part is open");
        let changes = current.len() >= TYPE_CHANGE_WORDS && index + TYPE_CHANGE_WORDS <= part.len() && {
            let before = &current[current.len() - TYPE_CHANGE_WORDS..];
            let after = &part[index..index + TYPE_CHANGE_WORDS];
            let ((b_low, b_high), (a_low, a_high)) = (spread(before), spread(after));
            let alike = b_high < TYPE_ALIKE * b_low && a_high < TYPE_ALIKE * a_low;
            let (taller, ratio) =
                if a_low > b_high { (after, a_low / b_high) } else { (before, b_low / a_high) };
            // Glyphs of one column follow each other on the grid; a type
            // change inside an OCR line is where it was glued across a gap.
            let reach = before.iter().map(|&w| atoms[w].bbox.x1).max().unwrap_or(i32::MIN);
            let clear = (atoms[a].bbox.x0 - reach) as f32 >= TYPE_CHANGE_GAP * b_low.min(a_low);
            alike && ratio >= TYPE_CHANGE && clear && square(taller)
        };
        if changes {
            parts.push(vec![a]);
        } else {
            current.push(a);
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// The words of a line, left to right, parted wherever the gap to the next
/// word is wider than `gap_heights` heights of the part before it.
fn split_at_gaps(atoms: &[Atom], words: &[usize], gap_heights: f32) -> Vec<Vec<usize>> {
    let mut sorted = words.to_vec();
    sorted.sort_by_key(|&a| atoms[a].bbox.x0);
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut extent: Option<BBox> = None;
    for a in sorted {
        let b = atoms[a].bbox;
        match extent {
            Some(e) if ((b.x0 - e.x1) as f32) <= gap_heights * height(&e) => {
                parts.last_mut().expect("a part is open").push(a);
                extent = Some(e.union(b));
            }
            _ => {
                parts.push(vec![a]);
                extent = Some(b);
            }
        }
    }
    parts
}

/// The stretch of a Latin OCR line that holds the most words: the line
/// parted wherever a gap is wider than [`STRETCH_GAP_LATIN`] heights of the
/// stretch before it. A line glued across articles set on offset baselines
/// (Tesseract `--psm 6` over a sidebar beside the main columns) runs from
/// the highest baseline's ascenders to the lowest one's descenders, so its
/// height overstates the page's glyph size; the stretch with most of its
/// words is one article's line. Where glued columns share their baselines
/// that stretch is as tall as the whole line.
pub(super) fn fullest_stretch(atoms: &[Atom], words: &[usize]) -> Vec<usize> {
    let stretches = split_at_gaps(atoms, words, STRETCH_GAP_LATIN);
    // The first of equally full stretches: ties are common in short lines.
    let most = stretches.iter().map(Vec::len).max().unwrap_or(0);
    stretches.into_iter().find(|s| s.len() == most).unwrap_or_default()
}

/// The glyph size of a printed line (about its font size): for CJK text the
/// line's extent over its cells (square glyphs set on a grid; OCR word boxes
/// there overlap and vary in height with punctuation), else the height of
/// the line, ascenders to descenders. On a CJK `script` page every line is
/// measured over its cells: a short run of digits and a few glyphs ("2021
/// 年") is not CJK by share, yet its OCR boxes are as uneven in height, and
/// digits there are set half a cell wide.
pub(super) fn line_size(atoms: &[Atom], words: &[usize], script: Script) -> Option<f32> {
    if words.is_empty() {
        return None;
    }
    let text: String = words.iter().map(|&a| atoms[a].text.as_str()).collect();
    if script == Script::Cjk || wide_share(&text) >= 0.5 {
        let x0 = words.iter().map(|&a| atoms[a].bbox.x0).min()?;
        let x1 = words.iter().map(|&a| atoms[a].bbox.x1).max()?;
        let over_cells = (x1 - x0).max(1) as f32 / cells_side_by_side(atoms, words).max(1.0);
        // The words' own boxes bound the size: square glyphs are about as
        // tall as they are wide (see [`CJK_SIZE_OVER_BOX_HEIGHT`]).
        let usual_box = median(words.iter().map(|&a| height(&atoms[a].bbox)).collect()).unwrap_or(over_cells);
        return Some(over_cells.min(CJK_SIZE_OVER_BOX_HEIGHT * usual_box));
    }
    let y0 = words.iter().map(|&a| atoms[a].bbox.y0).min()?;
    let y1 = words.iter().map(|&a| atoms[a].bbox.y1).max()?;
    Some((y1 - y0).max(1) as f32)
}

/// A Latin word boxed over CJK glyphs for more than this share of its own
/// width is a second reading of their cells (see [`cells_side_by_side`]).
const SECOND_READING_COVER: f32 = 0.5;

/// The cells a CJK line's words fill side by side: every word's cells,
/// less those of a word of Latin letters (no wide letter) whose box lies
/// for more than [`SECOND_READING_COVER`] of its width over words with wide
/// letters. Why: OCR reads a large headline's glyphs twice at times, once
/// right and once as Latin letters or marks boxed over the same glyphs
/// (three capitals over six Han glyphs); counting both readings would
/// spread the line's extent over cells it does not have and measure
/// headline type as body type. Digits and full-width marks are no second
/// reading: their boxes overlap neighbouring glyphs' in body text too. Nor
/// are low Han boxes over other Han glyphs (a stroke read as a glyph): the
/// garbled body lines of a smeared scan hold them as well.
pub(super) fn cells_side_by_side(atoms: &[Atom], words: &[usize]) -> f32 {
    let has_wide_letter = |a: &Atom| a.text.chars().any(|c| c.is_alphabetic() && is_wide(c));
    let wide = || words.iter().map(|&a| &atoms[a]).filter(|a| has_wide_letter(a));
    words
        .iter()
        .map(|&a| &atoms[a])
        .filter(|atom| {
            let latin = !has_wide_letter(atom) && atom.text.chars().any(char::is_alphabetic);
            if !latin {
                return true;
            }
            let width = (atom.bbox.x1 - atom.bbox.x0).max(1);
            let covered: i32 =
                wide().map(|w| (atom.bbox.x1.min(w.bbox.x1) - atom.bbox.x0.max(w.bbox.x0)).max(0)).sum();
            covered.min(width) as f32 <= SECOND_READING_COVER * width as f32
        })
        .map(|atom| cells(&atom.text))
        .sum()
}

/// True unless half or more of a Latin printed line's words are of body
/// height (the lower median word box under
/// [`Scales::headline_word_height`]): the line's extent, which sets its
/// size, runs from its highest box to its lowest, so one box OCR drew over
/// two lines, or a quote mark set high, makes a body line as tall as a
/// headline; on a speckled page half the words of a body line may be boxed
/// with the specks around them, while headline type makes every word tall.
/// CJK lines are measured over their cells.
pub(super) fn words_tall(atoms: &[Atom], words: &[usize], scales: &Scales) -> bool {
    scales.headline_word_height.is_none_or(|tall| {
        lower_median(words.iter().map(|&a| height(&atoms[a].bbox)).collect())
            .is_some_and(|usual| usual >= tall)
    })
}

/// A Latin line is set in capitals only when it holds no lower-case letter
/// and at least this many capitals (see [`capitals_height`]).
const CAPITALS_LINE_LETTERS: usize = 3;

/// True when `c` stands on the baseline and reaches no lower (no
/// descender: `g`, `p`, `Q`, a comma, brackets), and no higher than an
/// ascender (no accent over a capital): ASCII letters and digits bar the
/// descending ones, and the few marks that sit on the line or below cap
/// height.
fn on_the_baseline(c: char) -> bool {
    (c.is_ascii_alphanumeric() && !"gjpqyQJ".contains(c)) || ".:-!?".contains(c)
}

/// True when `text` is a word of glyphs standing on the baseline (see
/// [`on_the_baseline`]) with one at least reaching cap height (a capital,
/// a digit, an ascender): its box runs from cap height to the baseline.
pub(super) fn cap_height_word(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(on_the_baseline)
        && text.chars().any(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "bdfhkl".contains(c))
}

/// The cap height of a Latin printed line (or OCR run) set in capitals
/// only: the extent of its words that stand on the baseline (see
/// [`cap_height_word`]). `None` for a line with a lower-case letter, with
/// fewer than [`CAPITALS_LINE_LETTERS`] letters, or without such a word.
/// Why: a line's size is its extent, ascenders to descenders, and body
/// lines have both; a line in capitals has neither, so its extent is only
/// its cap height, and a headline in capitals half again as large as body
/// type measures under 1.5 body line extents (41 px against 29 px). Its
/// cap height is compared with body type's (see
/// [`super::sizes::body_cap_height`]) instead.
pub(super) fn capitals_height(atoms: &[Atom], words: &[usize]) -> Option<f32> {
    let letters: Vec<char> =
        words.iter().flat_map(|&a| atoms[a].text.chars()).filter(|c| c.is_alphabetic()).collect();
    if letters.len() < CAPITALS_LINE_LETTERS || letters.iter().any(|c| c.is_lowercase()) {
        return None;
    }
    let standing: Vec<usize> = words.iter().copied().filter(|&a| cap_height_word(&atoms[a].text)).collect();
    let y0 = standing.iter().map(|&a| atoms[a].bbox.y0).min()?;
    let y1 = standing.iter().map(|&a| atoms[a].bbox.y1).max()?;
    Some((y1 - y0).max(1) as f32)
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::*;
    use super::super::{GUTTER_MIN_LATIN, INTRUDING_SHARE_LATIN};
    use super::*;

    #[test]
    fn a_cjk_line_glued_from_a_headline_and_body_text_is_two_runs() {
        // `--psm 6`: a headline row (square glyphs 60 px) glued to the body
        // row of the next column (30 px), 40 px apart: less than a run gap.
        let mut atoms: Vec<Atom> = (0..3)
            .map(|i| placed("头条", 130 * i, 0, 130 * i + 120, 60, false))
            .chain((0..3).map(|i| placed("正文", 410 + 64 * i, 20, 410 + 64 * i + 60, 50, false)))
            .collect();
        for atom in &mut atoms {
            atom.line = 1;
        }
        let words: Vec<usize> = (0..atoms.len()).collect();
        assert_eq!(runs_of_line(&atoms, &words), vec![vec![0, 1, 2], vec![3, 4, 5]]);
        // Boxes OCR ran down over two body lines are as tall but narrow
        // (two cells in a box as wide as one tall): one run.
        let mut smeared = atoms.clone();
        for (i, atom) in smeared.iter_mut().enumerate() {
            atom.bbox.x0 = 80 * i as i32;
            atom.bbox.x1 = 80 * i as i32 + 60;
        }
        assert_eq!(runs_of_line(&smeared, &words).len(), 1);
        // Nor does a type change without a gap part a run (glyphs of one
        // column follow each other on the grid).
        let mut close = atoms.clone();
        for (i, atom) in close.iter_mut().skip(3).enumerate() {
            atom.bbox.x0 = 372 + 64 * i as i32;
            atom.bbox.x1 = 372 + 64 * i as i32 + 60;
        }
        assert_eq!(runs_of_line(&close, &words).len(), 1);
    }

    #[test]
    fn a_body_line_with_half_its_words_boxed_with_specks_is_no_headline() {
        // Body words boxed 21 px high; headline type from 30 px up. Specks
        // made two of four body words' boxes 60 px tall.
        let scales = Scales {
            glyph: 24.0,
            line_gap: 10.0,
            gutter_min: GUTTER_MIN_LATIN,
            intruding_share: INTRUDING_SHARE_LATIN,
            column_starts: false,
            headline_word_height: Some(30.0),
            headline_box_height: 30.0,
            body_words: Vec::new(),
            rules: Vec::new(),
        };
        let speckled = vec![
            placed("notes", 0, 0, 100, 60, false),
            placed("from", 110, 0, 150, 60, false),
            placed("making", 160, 0, 250, 21, false),
            placed("the", 260, 0, 300, 21, false),
        ];
        assert!(!words_tall(&speckled, &[0, 1, 2, 3], &scales));
        // Headline type: every word tall, short ones a little less.
        let headline = vec![
            placed("Storm", 0, 0, 120, 60, true),
            placed("hits", 130, 0, 300, 62, true),
            placed("on", 310, 0, 360, 40, true),
        ];
        assert!(words_tall(&headline, &[0, 1, 2], &scales));
    }

    #[test]
    fn a_cjk_fragment_spread_over_a_column_is_no_larger_than_its_boxes() {
        // Tesseract `--psm 6` filed four glyphs of a printed line, 30 high,
        // under one OCR line while their neighbours went to others: spread
        // over 400 pixels, their extent over four cells (100) would be a
        // headline's size. Their boxes bound it to 1.4 heights.
        let fragment: Vec<Atom> = [(0, 30), (120, 150), (250, 280), (370, 400)]
            .iter()
            .map(|&(x0, x1)| placed("字", x0, 0, x1, 30, false))
            .collect();
        let size = line_size(&fragment, &[0, 1, 2, 3], Script::Cjk).unwrap();
        assert!((size - 42.0).abs() < 0.01, "{size}");
        // A line set solid keeps its size over its cells.
        let solid: Vec<Atom> = (0..4).map(|i| placed("字", 32 * i, 0, 32 * i + 30, 30, false)).collect();
        let size = line_size(&solid, &[0, 1, 2, 3], Script::Cjk).unwrap();
        assert!((size - 31.5).abs() < 0.01, "{size}");
        // A headline's boxes are as tall as its cells are wide: no bound.
        let headline: Vec<Atom> = (0..4).map(|i| placed("字", 64 * i, 0, 64 * i + 60, 60, true)).collect();
        let size = line_size(&headline, &[0, 1, 2, 3], Script::Cjk).unwrap();
        assert!((size - 63.0).abs() < 0.01, "{size}");
    }

    #[test]
    fn latin_letters_read_over_cjk_headline_glyphs_fill_no_cells_of_their_own() {
        // Six headline glyphs, 60 high on a 64 pitch, and OCR's second
        // reading of four of them as low Latin capitals boxed over them.
        let mut atoms: Vec<Atom> = (0..6).map(|i| placed("字", 64 * i, 0, 64 * i + 60, 60, true)).collect();
        atoms.push(placed("ABCDE", 70, 10, 310, 30, true));
        let all: Vec<usize> = (0..atoms.len()).collect();
        let size = line_size(&atoms, &all, Script::Cjk).unwrap();
        assert!((size - 380.0 / 6.0).abs() < 0.01, "{size}");
        // Latin letters set beside the glyphs (a unit after a number) keep
        // their cells.
        atoms[6] = placed("km", 390, 20, 420, 60, false);
        let size = line_size(&atoms, &all, Script::Cjk).unwrap();
        assert!((size - 420.0 / 7.0).abs() < 0.01, "{size}");
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
    fn a_glued_latin_line_is_sized_over_its_fullest_stretch() {
        // Two main columns on one baseline (a narrow gutter inside the
        // stretch), a sidebar's words set lower after a wide gap.
        let atoms = vec![
            placed("left", 0, 0, 120, 20, false),
            placed("aa", 130, 0, 200, 20, false),
            placed("right", 214, 0, 334, 20, false),
            placed("side", 500, 15, 620, 35, false),
        ];
        let all: Vec<usize> = (0..4).collect();
        assert_eq!(fullest_stretch(&atoms, &all), vec![0, 1, 2]);
        assert_eq!(line_size(&atoms, &fullest_stretch(&atoms, &all), Script::Latin), Some(20.0));
        // Word spaces narrower than a glyph height keep one stretch.
        let close: Vec<usize> = (0..3).collect();
        assert_eq!(fullest_stretch(&atoms, &close), close);
    }
}

//! Cut runs that hold two or more printed lines glued without a gutter.
//!
//! In: a parsed CJK page. Out: the same page with every piece that is about
//! a whole multiple of its column's width cut at that width. Why: OCR glues
//! side-by-side columns with no gutter at all as often as with one (and
//! drops the space of a printed line break now and then); justified CJK
//! print gives every line of a column the same number of cells, so a run
//! two or three times that long is two or three printed lines, and the cut
//! points are known.

use super::chars::{cells, is_wide};
use super::{Gap, Page, Piece};

/// Pieces this many times their column's width or more are cut.
const MIN_MULTIPLE: f32 = 1.8;

/// Lines on each side whose pieces tell a column's width.
const WINDOW: usize = 4;

/// The widths of the printed lines around a line: those of the nearby pieces
/// that are not the last of their line (those may end a paragraph short) and
/// look like one printed line (6 to 30 cells), each seen at least twice.
/// Several columns of different widths may stand close together.
fn column_widths_near(page: &Page, line_index: usize) -> Vec<f32> {
    let first = line_index.saturating_sub(WINDOW);
    let last = (line_index + WINDOW + 1).min(page.lines.len());
    let mut widths: Vec<f32> = page.lines[first..last]
        .iter()
        .flat_map(|line| {
            let pieces = &page.pieces[line.pieces.clone()];
            let full = if pieces.len() > 1 { &pieces[..pieces.len() - 1] } else { pieces };
            full.iter().map(|p| (p.cells * 2.0).round() / 2.0)
        })
        .filter(|w| (6.0..=30.0).contains(w))
        .collect();
    widths.sort_by(f32::total_cmp);
    let mut seen_twice: Vec<f32> =
        widths.windows(2).filter(|pair| pair[0] == pair[1]).map(|pair| pair[0]).collect();
    seen_twice.dedup();
    seen_twice
}

/// Of the nearby column widths, the one that divides a run of `cells` into
/// whole printed lines best (the larger on a tie), with the number of lines.
fn best_division(cells: f32, widths: &[f32]) -> Option<(f32, usize)> {
    widths
        .iter()
        .filter(|&&w| cells >= MIN_MULTIPLE * w)
        .map(|&w| {
            let parts = (cells / w).round().max(2.0);
            (w, parts as usize, (cells - parts * w).abs() / cells)
        })
        .filter(|&(_, _, error)| error <= 0.08)
        .min_by(|a, b| a.2.total_cmp(&b.2).then(b.0.total_cmp(&a.0)))
        .map(|(w, parts, _)| (w, parts))
}

/// Cuts `piece` into parts of about `width` cells, at character boundaries.
fn cut(piece: &Piece, width: f32, parts: usize) -> Vec<Piece> {
    let chars: Vec<char> = piece.text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut filled = 0.0;
    for (index, &c) in chars.iter().enumerate() {
        filled += if is_wide(c) { 1.0 } else { 0.5 };
        let last_part = out.len() + 1 == parts;
        if !last_part && filled >= width - 0.25 && index + 1 < chars.len() {
            out.push(part(piece, &chars, start, index + 1, out.is_empty()));
            start = index + 1;
            filled = 0.0;
        }
    }
    out.push(part(piece, &chars, start, chars.len(), out.is_empty()));
    out
}

fn part(piece: &Piece, chars: &[char], start: usize, end: usize, first: bool) -> Piece {
    let text: String = chars[start..end].iter().collect();
    let mut part = piece.clone();
    part.cells = cells(&text);
    part.text = text;
    part.span.start = piece.span.start + start;
    part.span.end = piece.span.start + end;
    if !first {
        part.gap = Gap::Glued;
    }
    part
}

/// Cuts every over-long piece of a CJK page; keeps slots and line ranges
/// consistent.
pub fn cut_glued_pieces(page: &mut Page) {
    if !page.is_cjk() {
        return;
    }
    let widths: Vec<Vec<f32>> = (0..page.lines.len()).map(|l| column_widths_near(page, l)).collect();
    let division = |piece: &Piece| {
        if piece.text.contains(' ') {
            return None;
        }
        best_division(piece.cells, &widths[piece.line])
    };
    if !page.pieces.iter().any(|p| division(p).is_some()) {
        return;
    }
    page.recut_lines(|_, pieces| {
        pieces
            .iter()
            .flat_map(|piece| match division(piece) {
                Some((width, parts)) => cut(piece, width, parts),
                None => vec![piece.clone()],
            })
            .collect()
    });
}

/// Latin lines at least this many characters long may be glued columns.
const LATIN_GLUED_MIN: usize = 58;

/// The width of one Latin newspaper column, in characters, when the page
/// shows none on its own.
const LATIN_COLUMN_GUESS: f32 = 36.0;

/// Cuts runs of long Latin lines, side-by-side columns that OCR joined with
/// a single space, into as many columns as the line length holds: at the
/// spaces nearest to equal shares of each line. Proportional type makes the
/// cut points approximate (a word may land in the neighbouring column), but
/// columns read across as one line are far worse.
pub fn cut_latin_glued_lines(page: &mut Page) {
    if page.is_cjk() {
        return;
    }
    let length = |line: &super::Line| -> Option<usize> {
        (line.pieces.len() == 1).then(|| page.pieces[line.pieces.start].text.chars().count())
    };
    // The page's own single-column width, from lines that are clearly one.
    let mut single: Vec<usize> =
        page.lines.iter().filter_map(length).filter(|n| (20..50).contains(n)).collect();
    single.sort_unstable();
    let column = if single.len() >= 5 { single[single.len() * 2 / 3] as f32 } else { LATIN_COLUMN_GUESS };
    let long: Vec<bool> =
        page.lines.iter().map(|l| length(l).is_some_and(|n| n >= LATIN_GLUED_MIN)).collect();
    let mut cut_lines = vec![0usize; page.lines.len()];
    let mut start = 0;
    while start < long.len() {
        if !long[start] {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < long.len() && long[end] {
            end += 1;
        }
        if end - start >= 3 {
            let mut lengths: Vec<usize> = (start..end).filter_map(|l| length(&page.lines[l])).collect();
            lengths.sort_unstable();
            let median = lengths[lengths.len() / 2] as f32;
            let columns = ((median + 1.0) / (column + 1.0)).round().clamp(2.0, 4.0) as usize;
            for slot in &mut cut_lines[start..end] {
                *slot = columns;
            }
        }
        start = end;
    }
    if cut_lines.iter().all(|&k| k == 0) {
        return;
    }
    page.recut_lines(|line_index, pieces| match (cut_lines[line_index], pieces) {
        (k, [piece]) if k >= 2 => cut_at_spaces(piece, k),
        _ => pieces.to_vec(),
    });
}

/// Cuts a piece into `parts` at the spaces nearest to equal shares of it.
fn cut_at_spaces(piece: &Piece, parts: usize) -> Vec<Piece> {
    let chars: Vec<char> = piece.text.chars().collect();
    let spaces: Vec<usize> = chars.iter().enumerate().filter(|(_, c)| **c == ' ').map(|(i, _)| i).collect();
    let mut cuts: Vec<usize> = Vec::new();
    for j in 1..parts {
        let target = j * (chars.len() + 1) / parts;
        let nearest = spaces
            .iter()
            .copied()
            .filter(|&s| cuts.last().is_none_or(|&c| s > c + 1))
            .min_by_key(|&s| s.abs_diff(target));
        match nearest {
            Some(s) if s.abs_diff(target) <= 10 => cuts.push(s),
            _ => return vec![piece.clone()],
        }
    }
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain([chars.len()]) {
        out.push(part(piece, &chars, from, cut, out.is_empty()));
        from = cut + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::parse::{parse_page, Gap};

    #[test]
    fn two_column_lines_glued_without_a_space_are_cut_at_the_column_width() {
        let text = "一二三四五六七八九十 甲乙丙丁戊己庚辛壬癸\n子丑寅卯辰巳午未申酉天地玄黄宇宙洪荒日月\n春夏秋冬东南西北上下 金木水火土风雨雷电云\n";
        let page = parse_page(text, 0, 1);
        let second: Vec<&str> =
            page.pieces[page.lines[1].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(second, vec!["子丑寅卯辰巳午未申酉", "天地玄黄宇宙洪荒日月"]);
        assert_eq!(page.pieces[page.lines[1].pieces.start + 1].gap, Gap::Glued);
        assert_eq!(page.pieces[page.lines[1].pieces.start + 1].span.start, 10);
    }

    #[test]
    fn the_width_that_divides_the_run_wins_over_a_nearby_narrower_column() {
        assert_eq!(super::best_division(39.0, &[8.0, 13.0]), Some((13.0, 3)));
        assert_eq!(super::best_division(20.0, &[8.0, 13.0]), None);
    }

    #[test]
    fn latin_columns_glued_by_single_spaces_are_cut() {
        let text = "The council said on Monday that the new bridge would open in the spring next year\n\
                    after four years of work and delays caused by floods and the rising costs of steel\n\
                    and concrete. Local traders welcomed the news and the mayor thanked the workers.\n";
        let page = parse_page(text, 0, 1);
        assert!(
            page.lines.iter().all(|l| l.pieces.len() == 2),
            "{:?}",
            page.pieces.iter().map(|p| &p.text).collect::<Vec<_>>()
        );
        assert_eq!(page.pieces[1].gap, Gap::Glued);
    }

    #[test]
    fn ordinary_latin_lines_are_left_alone() {
        let page = parse_page("The council said on Monday that\nthe new bridge would open in the\nspring next year after four years\n", 0, 1);
        assert_eq!(page.pieces.len(), 3);
    }

    #[test]
    fn ordinary_lines_are_left_alone() {
        let page = parse_page("一二三四五六七八九十\n子丑寅卯辰巳午未申酉\n春夏秋冬东南西北上下\n", 0, 1);
        assert_eq!(page.pieces.len(), 3);
    }
}

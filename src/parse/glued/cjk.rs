//! CJK runs glued without a gutter.
//!
//! In: a parsed CJK page. Out: every piece that is about a whole multiple of
//! its column's width cut at that width. Why: OCR glues side-by-side columns
//! with no gutter at all as often as with one (and drops the space of a
//! printed line break now and then); justified CJK print gives every line of
//! a column the same number of cells, so a run two or three times that long
//! is two or three printed lines, and the cut points are known.

use super::part;
use crate::parse::chars::is_wide;
use crate::parse::{Page, Piece};

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
    fn ordinary_lines_are_left_alone() {
        let page = parse_page("一二三四五六七八九十\n子丑寅卯辰巳午未申酉\n春夏秋冬东南西北上下\n", 0, 1);
        assert_eq!(page.pieces.len(), 3);
    }
}

//! Latin-script lines that are side-by-side columns joined by single spaces.
//!
//! In: a parsed Latin-script page. Out: runs of over-long lines cut into one
//! piece per column. Why: OCR often reads a multi-column page straight
//! across and keeps only one space where the gutter was.

use super::part;
use crate::parse::{Page, Piece};

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
    let length = |line: &crate::parse::Line| -> Option<usize> {
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
}

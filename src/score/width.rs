//! Width signal: printed lines of one column have one width.
//!
//! In: a parsed page. Out: for every piece, the typical width of the column
//! it was printed in ([`column_widths`]), and from that whether a piece is a
//! full line (its text runs on) and whether two pieces share a column width.
//! Why: a full line is continued; a short line that ends a sentence ends a
//! paragraph; a continuation in another column of the same article usually
//! has the same width, while a neighbouring article's column often does not.

use crate::parse::Page;

/// Typical width in cells of the column each piece was printed in: the
/// median width of the pieces in the same slot of nearby lines (a window of
/// lines around it), which ignores short paragraph-end lines.
pub fn column_widths(page: &Page) -> Vec<f32> {
    const WINDOW: usize = 4;
    // Pieces of one line cut at line-break spaces are printed lines of one
    // column (a paragraph written on one input line): one width per line.
    let paragraph_line_width: Vec<Option<f32>> = page
        .lines
        .iter()
        .map(|line| {
            (line.pieces.len() > 4).then(|| {
                let mut widths: Vec<f32> = page.pieces[line.pieces.clone()].iter().map(|p| p.cells).collect();
                upper_median(&mut widths)
            })
        })
        .collect();
    page.pieces
        .iter()
        .map(|piece| {
            if let Some(width) = paragraph_line_width[piece.line] {
                return width;
            }
            let line = &page.lines[piece.line];
            let first = piece.line.saturating_sub(WINDOW);
            let last = (piece.line + WINDOW + 1).min(page.lines.len());
            let mut widths: Vec<f32> = page.lines[first..last]
                .iter()
                .filter(|other| other.pieces.len() == line.pieces.len())
                .map(|other| page.pieces[other.pieces.start + piece.slot].cells)
                .collect();
            if widths.is_empty() {
                widths.push(piece.cells);
            }
            upper_median(&mut widths)
        })
        .collect()
}

/// Lines a block needs before its width counts (4 to 6 score alike on the
/// dev split; 3 lets a short paragraph's last line decide, 8 finds too few).
pub const BLOCK_MIN_LINES: usize = 5;

/// Blocks whose widths agree less than this are different columns (0.85 on
/// the dev split's plateau; at 0.9 a real-OCR Latin block's ragged lines
/// read as another width).
pub const BLOCK_MISMATCH: f32 = 0.85;

/// Blocks whose widths agree at least this well may be one column's parts.
pub const BLOCK_MATCH: f32 = 0.95;

/// Typical width in cells of each block's body column, where the block
/// shows one: the upper median of its one-column lines (and of the printed
/// lines of paragraphs written on one input line), when it has at least
/// [`BLOCK_MIN_LINES`]. Blocks of glued columns and short blocks have none.
///
/// Why per block, apart from [`column_widths`]: a blank line often parts
/// columns of different articles, and the window of [`column_widths`]
/// reaches across it, so two neighbouring blocks of different widths read
/// alike there.
pub fn block_widths(page: &Page) -> Vec<Option<f32>> {
    page.blocks
        .iter()
        .map(|lines| {
            let mut widths = Vec::new();
            for line in &page.lines[lines.clone()] {
                let pieces = &page.pieces[line.pieces.clone()];
                match pieces {
                    [only] if !only.role.is_heading() => widths.push(only.cells),
                    // A paragraph on one input line: every printed line
                    // but its last is full.
                    [printed @ .., _last] if printed.len() > 3 => {
                        widths.extend(printed.iter().map(|p| p.cells))
                    }
                    _ => {}
                }
            }
            (widths.len() >= BLOCK_MIN_LINES).then(|| upper_median(&mut widths))
        })
        .collect()
}

/// The median of the upper half: short last lines of paragraphs pull a plain
/// median down, while full lines are what defines a column's width.
fn upper_median(values: &mut [f32]) -> f32 {
    values.sort_by(f32::total_cmp);
    values[(values.len() * 2 / 3).min(values.len() - 1)]
}

/// How full a piece is against its column width, capped at 1.
pub fn fullness(cells: f32, column: f32) -> f32 {
    if column <= 0.0 {
        1.0
    } else {
        (cells / column).min(1.0)
    }
}

/// Agreement of two column widths, 1 for equal, falling towards 0.
pub fn agreement(a: f32, b: f32) -> f32 {
    let larger = a.max(b);
    if larger <= 0.0 {
        1.0
    } else {
        1.0 - (a - b).abs() / larger
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    #[test]
    fn paragraph_line_width_ignores_the_short_last_line() {
        let page =
            parse_page("一二三四五六 一二三四五六 一二三四五六 一二三四五六 一二三四五六 一。\n", 0, 1);
        let widths = column_widths(&page);
        assert_eq!(widths[5], 6.0);
        assert!(fullness(page.pieces[5].cells, widths[5]) < 0.5);
    }

    #[test]
    fn a_blank_line_parts_the_widths_of_two_blocks() {
        let wide = "市民可以通过手机查询公交车的实时位置\n".repeat(5);
        let narrow = "今年夏天这个地区的降雨\n".repeat(5);
        let page = parse_page(&format!("{wide}\n{narrow}\n短\n"), 0, 1);
        let widths = block_widths(&page);
        assert_eq!(widths.len(), 3);
        assert_eq!(widths[0], Some(page.pieces[0].cells));
        assert_eq!(widths[1], Some(page.pieces[5].cells));
        // Too few lines to tell a width.
        assert_eq!(widths[2], None);
        // Across the blank line the windowed estimate mixes the two.
        assert!(agreement(widths[0].unwrap(), widths[1].unwrap()) < BLOCK_MISMATCH);
    }

    #[test]
    fn agreement_is_one_for_equal_widths() {
        assert_eq!(agreement(10.0, 10.0), 1.0);
        assert!(agreement(10.0, 5.0) < 0.6);
    }
}

//! Width signal: printed lines of one column have one width.
//!
//! In: a parsed page. Out: for every piece, the typical width of the column
//! it was printed in ([`column_widths`]), and from that whether a piece is a
//! full line (its text runs on) and whether two pieces share a column width.
//! Why: a full line is continued; a short line that ends a sentence ends a
//! paragraph; a continuation in another column of the same article usually
//! has the same width, while a neighbouring article's column often does not.

use crate::parse::chars::ends_sentence;
use crate::parse::{Gap, Line, Page};

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

/// Fewest pieces of one stream that tell its column's width.
const MIN_STREAM_PIECES: usize = 3;

/// Gives each piece of a line read as interleaved streams the width of its
/// own stream (the upper median of that stream's pieces on the line), in
/// place of the line's. Why: [`column_widths`] takes a paragraph line's
/// pieces for printed lines of one column, but where OCR read two columns
/// of different widths line by line in turn, the line's median is neither
/// column's, and a line ending one column's paragraph above or below reads
/// as another width than its own continuation.
///
/// Only lines whose streams show widths that disagree (as two blocks of
/// different columns do, [`BLOCK_MISMATCH`]) are changed: where the
/// columns are alike, the line's width is theirs already.
pub fn stream_widths(widths: &mut [f32], page: &Page, groups: &[Vec<usize>]) {
    let streams: Vec<(&[usize], f32)> = groups
        .iter()
        .filter(|g| g.len() >= MIN_STREAM_PIECES)
        .map(|group| {
            let mut cells: Vec<f32> = group.iter().map(|&i| page.pieces[i].cells).collect();
            (group.as_slice(), upper_median(&mut cells))
        })
        .collect();
    let line_of = |stream: &(&[usize], f32)| page.pieces[stream.0[0]].line;
    for line in streams.chunk_by(|a, b| line_of(a) == line_of(b)) {
        let narrowest = line.iter().map(|s| s.1).fold(f32::INFINITY, f32::min);
        let widest = line.iter().map(|s| s.1).fold(0.0f32, f32::max);
        if line.len() < 2 || agreement(narrowest, widest) >= BLOCK_MISMATCH {
            continue;
        }
        for &(group, width) in line {
            for &i in group {
                widths[i] = width;
            }
        }
    }
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
    let stretches = line_stretches(page);
    if !stretches.is_empty() {
        // A page set line by line: each one-line block has its stretch's
        // width.
        let widths = stretch_widths(page, &stretches);
        let mut of_block = vec![None; page.blocks.len()];
        for (lines, width) in stretches.iter().zip(widths) {
            for line in lines.clone() {
                of_block[page.lines[line].block] = width;
            }
        }
        // A paragraph written on one input line, no stretch's part, shows
        // its own width.
        for (block, lines) in page.blocks.iter().enumerate() {
            if let (None, [line]) = (of_block[block], &page.lines[lines.clone()]) {
                of_block[block] = one_paragraph_width(page, line);
            }
        }
        return of_block;
    }
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
            if widths.len() >= BLOCK_MIN_LINES {
                Some(upper_median(&mut widths))
            } else {
                match &page.lines[lines.clone()] {
                    [line] => one_paragraph_width(page, line),
                    _ => None,
                }
            }
        })
        .collect()
}

/// The column width a CJK paragraph written on one input line shows, where
/// that line is its block: its printed lines but the last, parted by
/// line-break spaces, at least two, agreeing with each other as one
/// column's lines do (within [`BLOCK_MISMATCH`]), and its last printed line
/// no wider than they are (a paragraph's last line never runs past its
/// column).
///
/// Why: a justified CJK column keeps one width, so two full printed lines
/// already show it; without it a short paragraph (two to four printed lines)
/// has no block width, and where blocks are shuffled it reads on into the
/// next input line's paragraph of another, narrower or wider, column.
/// (Latin lines are ragged; glued rows part their columns by gutters.)
fn one_paragraph_width(page: &Page, line: &Line) -> Option<f32> {
    let pieces = &page.pieces[line.pieces.clone()];
    let [printed @ .., last] = pieces else { return None };
    if !page.is_cjk()
        || printed.len() < 2
        || pieces[1..].iter().any(|p| p.gap != Gap::BreakSpace)
        || printed.iter().any(|p| p.role.is_heading())
    {
        return None;
    }
    let mut widths: Vec<f32> = printed.iter().map(|p| p.cells).collect();
    let (narrowest, widest) = widths.iter().fold((f32::MAX, 0.0f32), |(lo, hi), &w| (lo.min(w), hi.max(w)));
    (narrowest >= BLOCK_MISMATCH * widest && last.cells <= widest).then(|| upper_median(&mut widths))
}

/// Share of a page's lines, in tenths, that must stand alone between blank
/// lines for the page to count as set line by line.
const LINE_BY_LINE_TENTHS: usize = 8;

/// Fewest lines of a page set line by line before its stretches are read.
const LINE_BY_LINE_MIN_LINES: usize = 10;

/// How far apart, in cells, two printed lines of one justified column may
/// be (a digit or a Latin letter counts half a cell).
const SAME_WIDTH_CELLS: f32 = 0.5;

/// How much shorter than its column a full printed line may be: a glyph
/// that would start the next line with a closing mark goes down with the
/// last one of this line.
const KINSOKU_CELLS: f32 = 1.0;

/// The column stretches of a Chinese page set line by line: runs of
/// one-piece body lines of one width, in [`Page::lines`] order, as line
/// ranges. Empty on any other page.
///
/// Why: where every printed line stands between blank lines, every block is
/// one line, so the blocks say nothing about columns ([`block_widths`] finds
/// none, and the block window of the layout spans only a few lines). A
/// justified Chinese column keeps one width, so a run of lines of one width
/// is a stretch of one column; a line wider than the stretch, or two lines
/// in a row of one narrower width, start another (a paragraph's short last
/// line is followed by a full one). Latin lines are ragged, so Latin pages
/// get none.
pub fn line_stretches(page: &Page) -> Vec<std::ops::Range<usize>> {
    let lines = page.lines.len();
    if !page.is_cjk()
        || lines < LINE_BY_LINE_MIN_LINES
        || page.blocks.len() * 10 < lines * LINE_BY_LINE_TENTHS
    {
        return Vec::new();
    }
    // The width of each line that can be part of a stretch: one body piece.
    let width: Vec<Option<f32>> = page
        .lines
        .iter()
        .map(|line| match &page.pieces[line.pieces.clone()] {
            [only] if !only.role.is_heading() => Some(print_cells(&only.text)),
            _ => None,
        })
        .collect();
    let same = |a: f32, b: f32| (a - b).abs() <= SAME_WIDTH_CELLS;
    let mut stretches = Vec::new();
    let mut start = 0;
    let mut full: Option<f32> = None;
    for line in 0..lines {
        let Some(cells) = width[line] else {
            if full.is_some() {
                stretches.push(start..line);
            }
            full = None;
            continue;
        };
        let breaks = match full {
            None => true,
            Some(w) => {
                let next = width.get(line + 1).copied().flatten();
                let ends_sentence = |l: usize| ends_sentence(&page.pieces[page.lines[l].pieces.start].text);
                // A stretch opened by a paragraph's short last line takes
                // the full width of the lines after it.
                let opened_short = line == start + 1 && ends_sentence(start);
                // Only a paragraph's last line is short in a justified
                // column, and it ends a sentence.
                // (A line a cell short of its column is one whose last glyph
                // went down so that no line starts with a comma.)
                let narrower = cells < w - KINSOKU_CELLS
                    && (!ends_sentence(line) || next.is_some_and(|n| same(n, cells)));
                (cells > w + SAME_WIDTH_CELLS && !opened_short) || narrower
            }
        };
        if breaks {
            if full.is_some() {
                stretches.push(start..line);
            }
            start = line;
            full = Some(cells);
        } else {
            full = full.map(|w| w.max(cells));
        }
    }
    if full.is_some() {
        stretches.push(start..lines);
    }
    stretches
}

/// A Chinese printed line's width in cells as set: every glyph a cell, the
/// quote marks and dashes too (Unicode leaves their width ambiguous), ASCII
/// half a cell.
fn print_cells(text: &str) -> f32 {
    text.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

/// The body column width of each stretch of [`line_stretches`] long enough
/// to tell one (see [`block_widths`]).
pub fn stretch_widths(page: &Page, stretches: &[std::ops::Range<usize>]) -> Vec<Option<f32>> {
    stretches
        .iter()
        .map(|lines| {
            let mut widths: Vec<f32> = page.lines[lines.clone()]
                .iter()
                .map(|line| print_cells(&page.pieces[line.pieces.start].text))
                .collect();
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

    /// A line of a 10-cell and a 6-cell column read in turn, its pieces
    /// parted into the two streams (even and odd places).
    fn two_width_streams() -> (crate::parse::Page, Vec<Vec<usize>>) {
        let page = parse_page(
            "甲乙丙丁戊己庚辛壬癸 天地玄黄宇宙 子丑寅卯辰巳午未申酉 洪荒日月金木 \
             春夏秋冬东南西北上下 风雨雷电云雾 一二三四五六七八九十 山水花鸟虫鱼\n",
            0,
            1,
        );
        let pieces = page.lines[0].pieces.clone();
        let groups = vec![pieces.clone().step_by(2).collect(), pieces.skip(1).step_by(2).collect()];
        (page, groups)
    }

    #[test]
    fn each_stream_of_two_columns_read_in_turn_takes_its_own_width() {
        let (page, groups) = two_width_streams();
        let mut widths = column_widths(&page);
        assert!(widths.iter().all(|&w| w == 10.0), "the line's width is the wide column's: {widths:?}");
        stream_widths(&mut widths, &page, &groups);
        assert_eq!(widths, vec![10.0, 6.0, 10.0, 6.0, 10.0, 6.0, 10.0, 6.0]);
    }

    #[test]
    fn streams_of_alike_widths_keep_the_line_width() {
        let page = parse_page(
            "甲乙丙丁戊己庚辛壬癸 天地玄黄宇宙洪荒日 子丑寅卯辰巳午未申酉 金木水火土风雨雷电 \
             春夏秋冬东南西北上下 山水花鸟虫鱼云雾 一二三四五六七八九十 日月星辰江河湖海\n",
            0,
            1,
        );
        let (_, groups) = two_width_streams();
        let before = column_widths(&page);
        let mut widths = before.clone();
        stream_widths(&mut widths, &page, &groups);
        assert_eq!(widths, before);
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
    fn a_short_paragraph_on_one_line_shows_its_column_width() {
        // Two paragraphs, each written on one input line with its printed
        // lines parted by line-break spaces: three and two full lines, too
        // few for BLOCK_MIN_LINES, and a short last line.
        let wide = "春风吹过山坡上的田野 农民们正忙着播种新苗 今年的雨水比往年多些 收成可期。";
        let narrow = "河边小路修好了 新栏杆刷了白漆 散步的人多了。";
        let page = parse_page(&format!("{wide}\n\n{narrow}\n"), 0, 1);
        let widths = block_widths(&page);
        assert_eq!(widths, vec![Some(10.0), Some(7.0)]);
        assert!(agreement(widths[0].unwrap(), widths[1].unwrap()) < BLOCK_MISMATCH);
        // On a page set line by line too, beside one-piece lines.
        let lines = ["记者王小明", wide, "记者李大华", narrow, "记者赵一平"];
        let page = parse_page(&line_by_line(&lines), 0, 1);
        let widths = block_widths(&page);
        assert_eq!((widths[1], widths[3]), (Some(10.0), Some(7.0)));
    }

    #[test]
    fn a_line_whose_last_piece_runs_past_the_others_shows_no_width() {
        // A paragraph's last printed line never runs past its column: these
        // are scraps read across, not one column's lines.
        let page = parse_page("关上窗 风很大 今天的天气很好。\n", 0, 1);
        assert_eq!(block_widths(&page), vec![None]);
    }

    /// `lines` set line by line: each between blank lines.
    fn line_by_line(lines: &[&str]) -> String {
        lines.iter().map(|l| format!("{l}\n\n")).collect()
    }

    #[test]
    fn a_page_set_line_by_line_parts_into_stretches_of_one_width() {
        let wide = "甲乙丙丁戊己庚辛壬癸子丑";
        let narrow = "天地玄黄宇宙洪荒日";
        // A paragraph's short last line stays in its stretch; a short line
        // that ends no sentence starts another column.
        let text =
            line_by_line(&[wide, wide, "甲乙丙。", wide, wide, wide, narrow, narrow, narrow, narrow, narrow]);
        let page = parse_page(&text, 0, 1);
        let stretches = line_stretches(&page);
        assert_eq!(stretches, vec![0..6, 6..11]);
        assert_eq!(stretch_widths(&page, &stretches), vec![Some(12.0), Some(9.0)]);
        // Each one-line block has its stretch's width.
        let blocks = block_widths(&page);
        assert_eq!(blocks[2], Some(12.0));
        assert_eq!(blocks[6], Some(9.0));
    }

    #[test]
    fn a_line_a_cell_short_stays_in_its_stretch_and_two_lines_of_a_narrower_width_part() {
        let wide = "甲乙丙丁戊己庚辛壬癸子丑";
        let short = "甲乙丙丁戊己庚辛壬癸子";
        let narrower = "天地玄黄宇宙洪荒日";
        let text =
            line_by_line(&[wide, short, wide, wide, wide, "天地。", "天地。", narrower, narrower, narrower]);
        let page = parse_page(&text, 0, 1);
        assert_eq!(line_stretches(&page), vec![0..5, 5..7, 7..10]);
    }

    #[test]
    fn latin_pages_and_pages_in_blocks_have_no_stretches() {
        let latin = line_by_line(&["A line of text in one column."; 12]);
        assert!(line_stretches(&parse_page(&latin, 0, 1)).is_empty());
        let blocks = "甲乙丙丁戊己庚辛壬癸子丑\n".repeat(12);
        assert!(line_stretches(&parse_page(&blocks, 0, 1)).is_empty());
    }

    #[test]
    fn agreement_is_one_for_equal_widths() {
        assert_eq!(agreement(10.0, 10.0), 1.0);
        assert!(agreement(10.0, 5.0) < 0.6);
    }
}

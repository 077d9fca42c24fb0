//! Row signal: are lines of like pieces glued columns (read down) or
//! paragraphs written one per line (read across)?
//!
//! In: a parsed page. Out: for every line, the evidence in [-1, 1] that its
//! run of look-alike rows (same number of pieces, like widths) holds
//! side-by-side columns: positive when the text runs on from each piece to
//! the piece below it, negative when it runs on to the piece on its right.
//! Why: one pair of lines says little, a whole run says much, so the choice
//! between "down" and "across" is made jointly for the run and handed to
//! every junction in it.

use crate::parse::chars::{ends_sentence, is_han, is_line_start_forbidden, trim_gutter_noise};
use crate::parse::{Page, Piece};

use super::lexicon::spanning_word;

/// How strongly the text says `right` continues `left`, about 0 to 1.5.
fn runs_on(left: &Piece, right: &Piece) -> f32 {
    let first = right.text.chars().next();
    let mut evidence = 0.0;
    let (left_word, right_word) = (trim_gutter_noise(&left.text), trim_gutter_noise(&right.text));
    let han_junction = left_word.chars().next_back().is_some_and(is_han) && right_word.starts_with(is_han);
    if han_junction && spanning_word(left_word, right_word) >= 2 {
        evidence += 1.0;
    }
    if first.is_some_and(|c| is_line_start_forbidden(c) || c.is_lowercase()) {
        evidence += 0.5;
    }
    if left.text.ends_with('-') && first.is_some_and(char::is_lowercase) {
        evidence += 1.0;
    }
    if ends_sentence(&left.text) {
        evidence -= 0.5;
    }
    evidence
}

/// Evidence per line that its run of look-alike rows is glued columns.
pub fn glue_evidence(page: &Page) -> Vec<f32> {
    let mut evidence = vec![0.0; page.lines.len()];
    let mut start = 0;
    while start < page.lines.len() {
        let mut end = start + 1;
        while end < page.lines.len() && page.rows_alike(end - 1, end) {
            end += 1;
        }
        if end - start >= 2 {
            let (mut down, mut down_n, mut across, mut across_n) = (0.0, 0, 0.0, 0);
            for line in start..end {
                let pieces = &page.pieces[page.lines[line].pieces.clone()];
                for pair in pieces.windows(2) {
                    across += runs_on(&pair[0], &pair[1]);
                    across_n += 1;
                }
                if line + 1 < end {
                    let below = &page.pieces[page.lines[line + 1].pieces.clone()];
                    for (upper, lower) in pieces.iter().zip(below) {
                        down += runs_on(upper, lower);
                        down_n += 1;
                    }
                }
            }
            let mean = |sum: f32, n: usize| if n == 0 { 0.0 } else { sum / n as f32 };
            let value = (mean(down, down_n) - mean(across, across_n)).clamp(-1.0, 1.0);
            for slot in &mut evidence[start..end] {
                *slot = value;
            }
        }
        start = end;
    }
    evidence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    #[test]
    fn glued_columns_read_down() {
        let page = parse_page(
            "市民可以通过手机查询公交车的实  今年夏天这个地区的降雨量比往\n时位置,出行更加方便快捷。      年同期明显偏多,部分河流水位\n",
            0,
            1,
        );
        assert!(glue_evidence(&page)[0] > 0.0);
    }

    #[test]
    fn paragraph_lines_read_across() {
        let page = parse_page(
            "市民可以通过手机查询公交车的实 时位置，出行更加方便快捷了。 天气\n今年夏天这个地区的降雨量比往 年同期明显偏多，河流水位上涨。 转凉\n",
            0,
            1,
        );
        assert!(glue_evidence(&page)[0] < 0.0, "{:?}", glue_evidence(&page));
    }
}

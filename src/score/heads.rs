//! Headline order signal: the headlines of articles set side by side take
//! the datelines below them in the same order, left to right.
//!
//! In: a parsed CJK page. Out: for every heading piece on a line of two or
//! three headings, the datelines that open the first paragraphs below it,
//! each with a verdict: `+1` for the dateline whose place among them, left
//! to right, is the heading's place on its line, `-1` for the others.
//! Why: OCR reads a row of headlines across as one line (a headline of two
//! printed lines as two such rows) and the datelines of the articles' first
//! columns on the lines below, often on different lines when the columns
//! are not level; a headline continues at the nearest dateline in the input
//! (the plain reading order) as readily as at its own, while the order of
//! the headlines across the row is the order of their articles' first
//! columns, and so of their datelines.

use crate::parse::classify::datelines_below;
use crate::parse::{Gap, Page, PieceId};

/// A piece's horizontal place on its line, in cells from the line start:
/// the pieces before it and the gaps between them (a space is half a cell,
/// a rule one cell). Plain text has no coordinates; this orders pieces of
/// different lines left to right well enough where gutters are padded.
fn x_of(page: &Page, piece: usize) -> f32 {
    let line = &page.lines[page.pieces[piece].line];
    page.pieces[line.pieces.start..=piece]
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let gap = match p.gap {
                Gap::Gutter(spaces) => 0.5 * spaces as f32,
                Gap::BreakSpace => 0.5,
                Gap::Rule => 1.0,
                Gap::LineStart | Gap::Cut | Gap::Glued => 0.0,
            };
            // The piece's own width does not count towards its place.
            let own = if line.pieces.start + i == piece { 0.0 } else { p.cells };
            gap + own
        })
        .sum()
}

/// For every heading piece of a row of two or three headings with as many
/// datelines below it, the datelines with their verdict (`+1` its own, `-1`
/// another's), in no particular order.
pub fn heading_datelines(page: &Page) -> Vec<(PieceId, PieceId, f32)> {
    let mut out = Vec::new();
    if !page.is_cjk() {
        return out;
    }
    for (index, line) in page.lines.iter().enumerate() {
        let heads: Vec<usize> = line.pieces.clone().filter(|&i| page.pieces[i].role.is_heading()).collect();
        if !(2..=3).contains(&heads.len()) {
            continue;
        }
        let mut datelines: Vec<(f32, usize)> =
            datelines_below(page, index).into_iter().map(|d| (x_of(page, d), d)).collect();
        if datelines.len() != heads.len() {
            continue;
        }
        datelines.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (rank, &head) in heads.iter().enumerate() {
            for (other, &(_, dateline)) in datelines.iter().enumerate() {
                let verdict = if other == rank { 1.0 } else { -1.0 };
                out.push((PieceId(head), PieceId(dateline), verdict));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    fn verdicts(text: &str) -> Vec<(String, String, f32)> {
        let page = parse_page(text, 0, 1);
        let mut out: Vec<(String, String, f32)> = heading_datelines(&page)
            .into_iter()
            .map(|(h, d, v)| (page.piece(h).text.clone(), page.piece(d).text.clone(), v))
            .collect();
        out.sort_by(|a, b| a.partial_cmp(b).unwrap());
        out
    }

    #[test]
    fn side_by_side_headlines_take_the_datelines_below_in_order() {
        // The second article's column starts a line lower than the first's.
        let text = [
            "全市公交线路调整方案今天公布 老城区改造工程进入收尾阶段\n",
            "\n",
            "本报杭州5月8日电 线路将于下月起调 据介绍，改造工程 工，已完成全部主\n",
            "整，涉及二十多条 线路和一百多个站 本报杭州5月9日电 网正在铺设之中，\n",
            "全市公交线路将于 下月起开始调整， 体工程，道路和管 网正在铺设之中，\n",
        ]
        .concat();
        let got = verdicts(&text);
        let own: Vec<(&str, &str)> =
            got.iter().filter(|v| v.2 > 0.0).map(|v| (v.0.as_str(), v.1.as_str())).collect();
        assert_eq!(
            own,
            vec![
                ("全市公交线路调整方案今天公布", "本报杭州5月8日电"),
                ("老城区改造工程进入收尾阶段", "本报杭州5月9日电")
            ]
        );
        assert_eq!(got.iter().filter(|v| v.2 < 0.0).count(), 2);
    }

    #[test]
    fn a_row_without_as_many_datelines_below_says_nothing() {
        let text = [
            "全市公交线路调整方案今天公布 老城区改造工程进入收尾阶段\n",
            "\n",
            "本报杭州5月8日电 线路将于下月起调 据介绍，改造工程 工，已完成全部主\n",
            "整，涉及二十多条 线路和一百多个站 体工程，道路和管 网正在铺设之中，\n",
        ]
        .concat();
        assert!(verdicts(&text).is_empty());
    }
}

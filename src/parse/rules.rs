//! Printed column rules: bars that OCR reads between side-by-side columns.
//!
//! In: a page just split into pieces at spaces. Out: the same page with
//! every piece cut where a rule glyph stands between two runs of text, a
//! bar standing alone joined to the piece after it, and — on CJK lines cut
//! at a rule — the pieces of one column that OCR split at single spaces
//! joined back into one printed line. Why: newspapers print thin vertical
//! rules between columns, and Tesseract (psm 4/6, reading across) writes
//! them as `|` glued to a word (`宣传教|时`, `re-|has`) or standing alone
//! (`为充 | 影响`); such a bar is a column gutter whether or not spaces
//! surround it. Cut there, and with a column's scattered parts one piece
//! again, a column keeps its slot from line to line, so the layout signal
//! can offer "the same slot on the next line".
//!
//! A rule glyph is only a gutter where text stands on both sides of it in
//! the piece: a bar at a line's edge is noise and stays where it is.
//! Nothing is dropped: the bar leads the piece after it (gutter noise the
//! word signals trim, see [`super::chars::trim_gutter_noise`]).

use super::chars::{cells, is_rule_glyph, is_wide};
use super::stats::median;
use super::{Gap, Page, Piece, Role};

/// Lines on each side whose rule-bounded pieces tell a column's width.
const WINDOW: usize = 4;

/// A column's printed line joined from parts may run this much over the
/// column width read from the pieces around rules (a stray glyph, the
/// spaces OCR put in).
const JOIN_SLACK: f32 = 1.25;

/// True for a character that makes a run of text (not a space, a bar or
/// punctuation alone).
fn is_text(c: char) -> bool {
    c.is_alphanumeric() || (is_wide(c) && !c.is_whitespace())
}

/// Where `chars` should be cut before a rule glyph: at every rule glyph
/// with text before it (since the last cut) and after it.
fn rule_cuts(chars: &[char]) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut text_since_cut = false;
    for (index, &c) in chars.iter().enumerate() {
        if is_rule_glyph(c) && text_since_cut && chars[index + 1..].iter().any(|&c| is_text(c)) {
            cuts.push(index);
            text_since_cut = false;
        } else if is_text(c) {
            text_since_cut = true;
        }
    }
    cuts
}

/// The characters `start..end` of `piece`, spaces at both edges left out,
/// as a piece of their own.
fn trimmed_part(piece: &Piece, chars: &[char], mut start: usize, mut end: usize) -> Piece {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    super::glued::part(piece, chars, start, end, true)
}

/// True when a rule stands between `left` and `right`, neighbours on a line.
fn rule_between(left: &Piece, right: &Piece) -> bool {
    left.text.ends_with(is_rule_glyph) || right.text.starts_with(is_rule_glyph)
}

/// Cuts every piece at the rule glyphs standing between two runs of its
/// text, and joins a bar standing alone to the piece after it; a piece
/// with a rule before it gets [`Gap::Rule`].
pub fn cut_at_rules(page: &mut Page) {
    let has_rules = page.pieces.iter().any(|p| p.text.contains(is_rule_glyph));
    if !has_rules {
        return;
    }
    page.recut_lines(|_, pieces| {
        let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
        for piece in pieces {
            let chars: Vec<char> = piece.text.chars().collect();
            let cuts = rule_cuts(&chars);
            let mut from = 0;
            for end in cuts.into_iter().chain([chars.len()]) {
                let mut part = trimmed_part(piece, &chars, from, end);
                if from > 0 {
                    part.gap = Gap::Rule;
                }
                from = end;
                push_part(&mut out, part);
            }
        }
        out
    });
}

/// Appends `right` to `left` with the spaces that stood between them.
fn append(left: &mut Piece, right: &Piece) {
    let spaces = right.span.start - left.span.end;
    left.text.push_str(&" ".repeat(spaces));
    left.text.push_str(&right.text);
    left.span.end = right.span.end;
    left.cells = cells(&left.text);
}

/// Appends a part to a line's pieces: a bar standing alone before it is
/// joined to it, and a rule between it and the piece before makes its gap
/// [`Gap::Rule`].
fn push_part(out: &mut Vec<Piece>, mut part: Piece) {
    let lone_bar =
        |p: &Piece| p.role == Role::Body && !p.text.is_empty() && p.text.chars().all(is_rule_glyph);
    if let Some(last) = out.last() {
        if lone_bar(last) && part.role == Role::Body && part.gap != Gap::Glued {
            let bar = out.pop().expect("checked above");
            let spaces = part.span.start - bar.span.end;
            part.text = format!("{}{}{}", bar.text, " ".repeat(spaces), part.text);
            part.span.start = bar.span.start;
            part.cells = cells(&part.text);
            part.gap = if out.is_empty() { Gap::LineStart } else { Gap::Rule };
            out.push(part);
            return;
        }
        if part.gap == Gap::BreakSpace && rule_between(last, &part) {
            part.gap = Gap::Rule;
        }
    }
    out.push(part);
}

/// The widths of the pieces around a line that stand next to a rule:
/// printed lines of the columns the rules divide.
fn rule_column_widths(page: &Page, line_index: usize) -> Vec<f32> {
    let first = line_index.saturating_sub(WINDOW);
    let last = (line_index + WINDOW + 1).min(page.lines.len());
    page.lines[first..last]
        .iter()
        .flat_map(|line| {
            let pieces = &page.pieces[line.pieces.clone()];
            pieces.iter().enumerate().filter_map(|(index, piece)| {
                let before = piece.gap == Gap::Rule;
                let after = pieces.get(index + 1).is_some_and(|next| next.gap == Gap::Rule);
                (before || after).then_some(piece.cells)
            })
        })
        .collect()
}

/// On a CJK line cut at a rule, each stretch between rules (or wide
/// gutters) is one printed line of one column: the parts of it that the
/// line splitter cut at single spaces (OCR puts spaces beside brackets,
/// digits and half-width punctuation) are joined again, spaces kept, as
/// long as the joined line is no wider than the columns around the rules.
pub fn join_between_rules(page: &mut Page) {
    if !page.is_cjk() || !page.pieces.iter().any(|p| p.gap == Gap::Rule) {
        return;
    }
    let limits: Vec<Option<f32>> = (0..page.lines.len())
        .map(|line| {
            // The median: a paragraph's short last line, or a sidebar's
            // narrower column, stay below it.
            median(rule_column_widths(page, line)).map(|width| width * JOIN_SLACK)
        })
        .collect();
    page.recut_lines(|line, pieces| {
        let ruled = pieces.iter().any(|p| p.gap == Gap::Rule);
        let Some(limit) = limits[line].filter(|_| ruled) else { return pieces.to_vec() };
        let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match out.last_mut() {
                Some(last)
                    if piece.gap == Gap::BreakSpace
                        && last.role == Role::Body
                        && piece.role == Role::Body
                        && last.cells + piece.cells + 0.5 <= limit =>
                {
                    append(last, piece)
                }
                _ => out.push(piece.clone()),
            }
        }
        out
    });
}

/// Where a piece stands among a line's column rules: how many rules stand
/// before it on its line, and its place among the pieces since the last
/// one. `None` on a line without rules. A column rule runs the height of
/// the column, so the k-th rule of two lines is the same rule, and pieces
/// in the same place after it are in the same column even where a stray
/// glyph or a short line makes the lines' piece counts differ.
pub fn rule_slot(page: &Page, piece: usize) -> Option<(usize, usize)> {
    let line = &page.lines[page.pieces[piece].line];
    let before = &page.pieces[line.pieces.start..=piece];
    let rules = before.iter().filter(|p| p.gap == Gap::Rule).count();
    let on_line = page.pieces[line.pieces.clone()].iter().any(|p| p.gap == Gap::Rule);
    if !on_line {
        return None;
    }
    let since = before.iter().rev().take_while(|p| p.gap != Gap::Rule).count();
    // The piece right after a rule is the first of its stretch.
    let place = match (page.pieces[piece].gap == Gap::Rule, rules) {
        (true, _) => 0,
        (false, 0) => since - 1,
        (false, _) => since,
    };
    Some((rules, place))
}

/// The piece on `line` in the same place among the column rules as
/// `piece` (see [`rule_slot`]), when both lines hold as many rules.
pub fn rule_aligned(page: &Page, piece: usize, line: usize) -> Option<usize> {
    let here = page.pieces[piece].line;
    let slot = rule_slot(page, piece)?;
    if line >= page.lines.len() || rules_on_line(page, line) != rules_on_line(page, here) {
        return None;
    }
    page.lines[line].pieces.clone().find(|&other| rule_slot(page, other) == Some(slot))
}

/// How many column rules cut a line.
pub fn rules_on_line(page: &Page, line: usize) -> usize {
    page.pieces[page.lines[line].pieces.clone()].iter().filter(|p| p.gap == Gap::Rule).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    fn line_texts(page: &Page, line: usize) -> Vec<&str> {
        page.pieces[page.lines[line].pieces.clone()].iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn a_bar_glued_between_two_runs_cuts_and_leads_the_next_piece() {
        let page = parse_page("分发挥先进人物示范带|时，随着冷链运输发|改装的货车作出跑\n", 0, 1);
        assert_eq!(
            line_texts(&page, 0),
            ["分发挥先进人物示范带", "|时，随着冷链运输发", "|改装的货车作出跑"]
        );
        assert_eq!(page.pieces[1].gap, Gap::Rule);
        assert_eq!(page.pieces[1].span.start, 10);
    }

    #[test]
    fn a_bar_at_a_line_edge_is_no_gutter() {
        assert_eq!(rule_cuts(&"甲乙丙丁|".chars().collect::<Vec<_>>()), Vec::<usize>::new());
        assert_eq!(rule_cuts(&"| 甲乙丙丁".chars().collect::<Vec<_>>()), Vec::<usize>::new());
        assert_eq!(rule_cuts(&"ab | cd".chars().collect::<Vec<_>>()), vec![3]);
    }

    #[test]
    fn ordinary_letters_are_no_rules() {
        // An `l` or `I` between words is text.
        let page = parse_page("I said that all will be well in the end\n", 0, 1);
        assert_eq!(page.pieces.len(), 1);
    }

    #[test]
    fn a_lone_bar_joins_the_next_piece_and_marks_the_gap() {
        let page = parse_page("生活的重要来源。为充 | 覆盖村镇多的特点。同 | 据的前提下，对该农场\n", 0, 1);
        assert_eq!(
            line_texts(&page, 0),
            ["生活的重要来源。为充", "| 覆盖村镇多的特点。同", "| 据的前提下，对该农场"]
        );
        assert!(page.pieces[1..].iter().all(|p| p.gap == Gap::Rule));
    }

    #[test]
    fn a_column_line_split_at_spaces_between_rules_is_joined() {
        let text = [
            "一二三四五六七八九十 | 甲乙丙丁戊己庚辛壬癸 | 子丑寅卯辰巳午未申酉\n",
            "本报6月9日电 (记者) 为充 | 天地玄黄宇宙洪荒日月 | 产品质量; 要强化施工\n",
            "春夏秋冬东南西北上下 | 金木水火土风雨雷电云 | 寒来暑往秋收冬藏闰余\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        assert_eq!(
            line_texts(&page, 1),
            ["本报6月9日电 (记者) 为充", "| 天地玄黄宇宙洪荒日月", "| 产品质量; 要强化施工"]
        );
        assert!(page.rows_alike(0, 1));
    }

    #[test]
    fn pieces_after_the_same_rule_are_aligned_whatever_the_piece_counts() {
        let text = [
            "一二三四五六七八九十  .  甲乙丙丁 | 子丑寅卯辰巳午未申酉\n",
            "天地玄黄宇宙洪荒日月 | 金木水火土风雨雷电云\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        assert_eq!(page.lines[0].pieces.len(), 4);
        assert_eq!(rule_slot(&page, 3), Some((1, 0)));
        assert_eq!(rule_aligned(&page, 3, 1), Some(5));
        assert_eq!(rule_aligned(&page, 0, 1), Some(4));
        assert_eq!(rule_aligned(&page, 1, 1), None);
    }

    #[test]
    fn pieces_wider_than_a_column_are_not_joined() {
        let text = [
            "一二三四五六七八九十 | 甲乙丙丁戊己庚辛壬癸\n",
            "子丑寅卯辰巳午未申酉 天地玄黄宇宙洪荒日月 | 金木水火土风雨雷电云\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        assert_eq!(page.lines[1].pieces.len(), 3);
    }
}

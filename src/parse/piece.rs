//! Cut one input line into pieces at printed line breaks and column gutters.
//!
//! In: the raw text of one non-blank line. Out: [`Cut`]s, each a run of text
//! that was contiguous in print, with its character columns. Why: OCR plain
//! text writes a printed line break inside a Chinese paragraph as one space,
//! and glues side-by-side columns with a gutter of spaces; the order-repair
//! stages work on these printed lines, not on input lines.
//!
//! A gap is a cut when it is two or more spaces wide (a gutter), or one space
//! between two CJK characters (CSS Text 3: no space belongs there in CJK
//! text, so it is a line break). A single space next to a digit or a Latin
//! letter stays inside the piece: "3521 户" is text, not layout.

use super::chars::{is_wide, wide_share};
use super::classify::{self, Role};
use super::line::{tokenize, Token};
use super::Gap;

/// One piece of a line before it is placed in a [`super::Page`].
#[derive(Debug, Clone, PartialEq)]
pub struct Cut {
    pub text: String,
    /// Character columns `[start, end)` in the line.
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
    pub role: Role,
}

/// Splits a line into pieces. Every non-space character of the line lands in
/// exactly one cut.
pub fn split_line(line: &str) -> Vec<Cut> {
    let trimmed = line.trim_end();
    if trimmed.trim().is_empty() {
        return Vec::new();
    }
    let lead = trimmed.chars().take_while(|c| c.is_whitespace()).count();
    if classify::is_byline(trimmed.trim()) {
        return vec![Cut {
            text: trimmed.trim().to_string(),
            start: lead,
            end: trimmed.chars().count(),
            gap: Gap::LineStart,
            role: Role::Byline,
        }];
    }
    // A byline glued after the last sentence keeps its inner spaces.
    let (body, byline) = match classify::trailing_byline_start(trimmed) {
        Some(byte) => (&trimmed[..byte], Some(&trimmed[byte..])),
        None => (trimmed, None),
    };
    let mut cuts = split_at_gaps(body);
    join_spaced_credits(&mut cuts);
    // A column's part of a glued row may be a byline of its own.
    for index in 0..cuts.len() {
        let beside_gutter = matches!(cuts[index].gap, Gap::Gutter(_))
            || cuts.get(index + 1).is_some_and(|next| matches!(next.gap, Gap::Gutter(_)));
        if beside_gutter && classify::is_byline(&cuts[index].text) {
            cuts[index].role = Role::Byline;
        }
    }
    if let Some(byline) = byline {
        let start = body.chars().count();
        let lead = byline.chars().take_while(|c| c.is_whitespace()).count();
        cuts.push(Cut {
            text: byline.trim().to_string(),
            start: start + lead,
            end: start + byline.chars().count(),
            gap: if cuts.is_empty() { Gap::LineStart } else { Gap::Cut },
            role: Role::Byline,
        });
    }
    cuts
}

/// Joins a reporter's credit that its one inner space cut in two at a
/// column's foot ("本报记者 王明" after a gutter): the title alone is no
/// credit, and the name alone looks like a short printed line; together
/// they are the byline that closes the column's article.
fn join_spaced_credits(cuts: &mut Vec<Cut>) {
    let mut index = 0;
    while index + 1 < cuts.len() {
        let (title, name) = (&cuts[index], &cuts[index + 1]);
        let joined = format!("{} {}", title.text, name.text);
        let spaced = name.gap == Gap::BreakSpace && name.start == title.end + 1;
        if spaced && !classify::is_byline(&title.text) && classify::is_byline(&joined) {
            let name = cuts.remove(index + 1);
            let title = &mut cuts[index];
            title.text = joined;
            title.end = name.end;
            title.role = Role::Byline;
        }
        index += 1;
    }
}

/// What a gap between two words of a line is.
enum GapMeaning {
    /// The space is text ("3521 户", "the quick"): keep it in the piece.
    Text,
    /// Layout: the words belong to different pieces.
    Layout(Gap),
}

fn split_at_gaps(line: &str) -> Vec<Cut> {
    let cjk_line = wide_share(line) >= 0.5;
    let mut cuts: Vec<Cut> = Vec::new();
    let mut gap_width = 0;
    for (column, token) in tokenize(line) {
        let word = match token {
            Token::Gap(width) => {
                gap_width = width;
                continue;
            }
            Token::Word(word) => word,
        };
        let end = column + word.chars().count();
        let meaning = match cuts.last() {
            None => GapMeaning::Layout(Gap::LineStart),
            Some(open) => meaning_of_gap(&open.text, word, gap_width, cjk_line),
        };
        match (meaning, cuts.last_mut()) {
            (GapMeaning::Text, Some(open)) => {
                open.text.push_str(&" ".repeat(column - open.end));
                open.text.push_str(word);
                open.end = end;
            }
            (meaning, _) => cuts.push(Cut {
                text: word.to_string(),
                start: column,
                end,
                gap: match meaning {
                    GapMeaning::Layout(gap) => gap,
                    GapMeaning::Text => Gap::LineStart,
                },
                role: Role::Body,
            }),
        }
    }
    cuts
}

/// In a CJK line a single space is layout unless it touches a Latin letter
/// or a digit ("3521 户", "COVID 疫情" keep theirs); OCR often writes
/// half-width punctuation in Chinese text, so "措施, 把" is a line break too.
/// In a Latin line a single space is text.
fn meaning_of_gap(before: &str, after: &str, width: usize, cjk_line: bool) -> GapMeaning {
    if width >= 2 {
        return GapMeaning::Layout(Gap::Gutter(width));
    }
    let (Some(a), Some(b)) = (before.chars().next_back(), after.chars().next()) else {
        return GapMeaning::Text;
    };
    let latin = |c: char| c.is_alphanumeric() && !is_wide(c);
    if (is_wide(a) && is_wide(b)) || (cjk_line && !latin(a) && !latin(b) && (is_wide(a) || is_wide(b))) {
        GapMeaning::Layout(Gap::BreakSpace)
    } else {
        GapMeaning::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<String> {
        split_line(line).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn cjk_line_break_spaces_cut_but_digit_spaces_stay() {
        assert_eq!(
            texts("全市共有 3521 户 10245 人。此外,该 市还将继续"),
            vec!["全市共有 3521 户 10245 人。此外,该", "市还将继续"]
        );
        assert_eq!(texts("天气 转凉的时候"), vec!["天气", "转凉的时候"]);
        assert_eq!(texts("采取措施, 把工作做好"), vec!["采取措施,", "把工作做好"]);
        assert_eq!(texts("it is, 对"), vec!["it is, 对"]);
    }

    #[test]
    fn gutters_cut_latin_single_spaces_stay() {
        assert_eq!(texts("the quick brown   fox jumps"), vec!["the quick brown", "fox jumps"]);
    }

    #[test]
    fn columns_are_character_positions() {
        let cuts = split_line("  甲乙 丙丁");
        assert_eq!((cuts[0].start, cuts[0].end), (2, 4));
        assert_eq!((cuts[1].start, cuts[1].end), (5, 7));
    }

    #[test]
    fn whole_line_byline_is_one_piece() {
        let cuts = split_line("(王小明 李华)");
        assert_eq!(cuts.len(), 1);
        assert_eq!(cuts[0].role, Role::Byline);
    }

    #[test]
    fn byline_in_a_glued_row_is_a_byline() {
        let cuts = split_line("记者王小明          月底前完成全部工作");
        assert_eq!(cuts[0].role, Role::Byline);
        assert_eq!(cuts[1].role, Role::Body);
    }

    #[test]
    fn a_reporter_credit_with_a_space_at_a_column_foot_is_one_byline() {
        let cuts = split_line("完成道路改造任务16处。          本报记者 王小明");
        assert_eq!(cuts.len(), 2);
        assert_eq!(cuts[1].text, "本报记者 王小明");
        assert_eq!(cuts[1].role, Role::Byline);
        assert_eq!((cuts[1].start, cuts[1].end), (22, 30));
        // Two printed lines that only start and end so stay apart.
        let cuts = split_line("工作取得了新进展据本报记者 王小明说");
        assert!(cuts.iter().all(|c| c.role == Role::Body));
    }

    #[test]
    fn glued_trailing_byline_is_cut_off() {
        let cuts = split_line("工作取得了新进展。(刘洋)");
        assert_eq!(cuts.len(), 2);
        assert_eq!(cuts[1].text, "(刘洋)");
        assert_eq!(cuts[1].role, Role::Byline);
        assert_eq!(cuts[1].start, 9);
    }
}

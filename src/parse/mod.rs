//! Parse: plain OCR text in, [`Page`]s of [`Piece`]s out.
//!
//! A piece is a run of text that was contiguous on the printed page: one
//! printed line of one column. OCR plain text hides printed lines in two
//! ways — as single spaces inside a Chinese paragraph line, and as column
//! gutters inside a glued line — so the parsers here cut every input line at
//! those gaps, remember where each piece came from (line and character
//! columns, for provenance), and label the pieces whose role the text alone
//! shows: headlines, bylines, scattered headline glyphs.
//!
//! Nothing here decides order; later stages only read these types.

pub mod chars;
pub mod classify;
pub mod geometry;
pub mod glued;
pub mod line;
pub mod piece;
pub mod rules;
pub mod stats;
pub mod word_language;
pub mod words;

use std::ops::Range;

pub use classify::Role;

/// Where a piece stands in the input: 1-based line number and 0-based
/// character columns `[start, end)` within that line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct SourceSpan {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// A piece's box on the page image, from structured OCR input; plain text
/// has none.
pub use crate::formats::BBox;

/// How a piece is separated from the piece before it on the same line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// First piece of its line.
    LineStart,
    /// One space between two CJK characters: a printed line break or a
    /// gutter that OCR collapsed to one space.
    BreakSpace,
    /// Two or more spaces: a column gutter.
    Gutter(usize),
    /// Cut by the classifier (a byline glued to the end of a paragraph).
    Cut,
    /// A printed column rule, read as a bar, stands between this piece and
    /// the one before (see [`rules`]).
    Rule,
    /// No space at all: a run of CJK text as long as two or more printed
    /// lines, cut at the column width.
    Glued,
}

/// Index of a piece within its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PieceId(pub usize);

/// A run of text contiguous in print: one printed line of one column.
#[derive(Debug, Clone)]
pub struct Piece {
    pub text: String,
    pub span: SourceSpan,
    /// Index of its line in [`Page::lines`].
    pub line: usize,
    /// Position among the pieces of its line (0 = leftmost).
    pub slot: usize,
    /// Index of its block in [`Page::blocks`].
    pub block: usize,
    pub gap: Gap,
    /// Width in CJK cells (a Latin letter or digit is half a cell).
    pub cells: f32,
    pub role: Role,
    pub bbox: Option<BBox>,
}

/// One non-blank input line.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based line number in the whole input.
    pub number: usize,
    /// Its pieces in the page, left to right; never empty (a non-blank line
    /// holds at least one piece, and every later stage relies on it).
    pub pieces: Range<usize>,
    /// Index of its block in [`Page::blocks`].
    pub block: usize,
}

/// One page of input (pages are separated by form feeds).
#[derive(Debug, Clone)]
pub struct Page {
    /// 0-based page index.
    pub index: usize,
    pub pieces: Vec<Piece>,
    pub lines: Vec<Line>,
    /// Runs of consecutive non-blank lines, as ranges of [`Page::lines`].
    pub blocks: Vec<Range<usize>>,
    /// Structured input only: the stretches of one column the page geometry
    /// found (regions of its XY-cut), as ranges of [`Page::lines`], in page
    /// order. Inside one, pieces follow each other for sure: left to right
    /// on a printed line, lines top to bottom. Plain text has none.
    pub regions: Vec<Range<usize>>,
    /// Which script's rules apply on this page.
    pub script: Script,
    /// The language whose word model reads the page's junctions, from the
    /// page's own words ([`word_language::page_language`]); `None` where no
    /// model knows enough of them. Found once, when the page's text is read:
    /// every stage that asks the word model asks it of the same page.
    pub language: Option<word_language::Language>,
}

/// The writing system whose layout rules a page follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Chinese or Japanese: no spaces between words, fixed-width cells.
    Cjk,
    /// Latin and other space-separated scripts.
    Latin,
}

/// Most columns [`Page::rows_alike`] pairs slot by slot: two articles'
/// columns (three and two, say) glued side by side on every input line.
pub const WIDE_ROW: usize = 5;

/// A last piece narrower than this share of the widest before it ends a
/// paragraph (see [`Page::rows_alike`]).
const PARAGRAPH_END_SHARE: f32 = 0.7;

impl Page {
    /// A page with nothing on it yet, for the parsers to fill.
    pub fn empty(index: usize, script: Script) -> Self {
        Page {
            index,
            pieces: Vec::new(),
            lines: Vec::new(),
            blocks: Vec::new(),
            regions: Vec::new(),
            script,
            language: None,
        }
    }

    pub fn piece(&self, id: PieceId) -> &Piece {
        &self.pieces[id.0]
    }

    pub fn ids(&self) -> impl Iterator<Item = PieceId> + '_ {
        (0..self.pieces.len()).map(PieceId)
    }

    /// True when two lines look like rows of the same side-by-side columns:
    /// two to [`WIDE_ROW`] pieces each, as many on both, of like widths slot
    /// by slot. A paragraph written on one line (printed lines cut at
    /// spaces) holds many pieces whose slots mean nothing from line to line:
    /// rows of more than four pieces that both end in a short piece after
    /// full ones read as two such paragraphs, not as columns.
    pub fn rows_alike(&self, a: usize, b: usize) -> bool {
        let (Some(a), Some(b)) = (self.lines.get(a), self.lines.get(b)) else { return false };
        let (a, b) = (&self.pieces[a.pieces.clone()], &self.pieces[b.pieces.clone()]);
        if !(2..=WIDE_ROW).contains(&a.len()) || a.len() != b.len() {
            return false;
        }
        let ends_short = |row: &[Piece]| {
            let (last, full) = row.split_last().expect("a line holds pieces");
            let widest = full.iter().map(|p| p.cells).fold(0.0, f32::max);
            last.cells < PARAGRAPH_END_SHARE * widest
        };
        if a.len() > 4 && ends_short(a) && ends_short(b) {
            return false;
        }
        // Padded gutters keep every column at one character position.
        let aligned = a.iter().zip(b).all(|(x, y)| x.span.start.abs_diff(y.span.start) <= 1);
        // One slot may hold the short last line of a paragraph.
        let unlike =
            a.iter().zip(b).filter(|(x, y)| (x.cells - y.cells).abs() > 0.3 * x.cells.max(y.cells)).count();
        aligned || unlike <= 1
    }

    /// Replaces every line's pieces by what `recut` makes of them (the line's
    /// index and its current pieces), keeping line ranges and slots
    /// consistent. The stages that cut or merge pieces after the first split
    /// all go through here.
    pub fn recut_lines(&mut self, mut recut: impl FnMut(usize, &[Piece]) -> Vec<Piece>) {
        let old = std::mem::take(&mut self.pieces);
        for (index, line) in self.lines.iter_mut().enumerate() {
            let start = self.pieces.len();
            self.pieces.extend(recut(index, &old[line.pieces.clone()]));
            line.pieces = start..self.pieces.len();
            debug_assert!(!line.pieces.is_empty(), "a recut left line {} without pieces", line.number);
            for (slot, piece) in self.pieces[line.pieces.clone()].iter_mut().enumerate() {
                piece.slot = slot;
            }
        }
    }

    /// True when the page follows CJK rules.
    pub fn is_cjk(&self) -> bool {
        self.script == Script::Cjk
    }

    /// The word model the page's junctions are scored with: its language's,
    /// the English one where no language is clear (as before a second
    /// model was shipped).
    pub fn word_model(&self) -> &'static word_language::Model {
        self.language.unwrap_or(word_language::Language::English).model()
    }

    /// Sets [`Page::language`] from the page's pieces as they stand.
    pub fn find_language(&mut self) {
        self.language = word_language::page_language(self.pieces.iter().map(|p| p.text.as_str()));
    }
}

/// Splits the input at form feeds and parses each page. The script is
/// detected per page unless `script` forces one.
pub fn parse_document(text: &str, script: Option<Script>) -> Vec<Page> {
    let mut pages = Vec::new();
    let mut first_line = 1;
    for (index, page_text) in text.split('\u{000C}').enumerate() {
        pages.push(parse_page_as(page_text, index, first_line, script));
        // A form feed sits inside a line; the next page continues that line.
        first_line += page_text.matches('\n').count();
    }
    pages
}

/// Parses one page whose first line has the 1-based number `first_line`,
/// detecting its script.
pub fn parse_page(text: &str, index: usize, first_line: usize) -> Page {
    parse_page_as(text, index, first_line, None)
}

/// Parses one page, with the script forced when `script` is set. A page is
/// CJK when at least half of its non-space characters are wide.
pub fn parse_page_as(text: &str, index: usize, first_line: usize, script: Option<Script>) -> Page {
    let script = script.unwrap_or(if chars::wide_share(text) >= 0.5 { Script::Cjk } else { Script::Latin });
    let mut page = Page::empty(index, script);
    let mut block_start: Option<usize> = None;
    for (offset, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            if let Some(start) = block_start.take() {
                page.blocks.push(start..page.lines.len());
            }
            continue;
        }
        let block = page.blocks.len();
        if block_start.is_none() {
            block_start = Some(page.lines.len());
        }
        let line_index = page.lines.len();
        let first_piece = page.pieces.len();
        for cut in piece::split_line(raw) {
            page.pieces.push(Piece {
                cells: chars::cells(&cut.text),
                text: cut.text,
                span: SourceSpan { line: first_line + offset, start: cut.start, end: cut.end },
                line: line_index,
                slot: page.pieces.len() - first_piece,
                block,
                gap: cut.gap,
                role: cut.role,
                bbox: None,
            });
        }
        page.lines.push(Line { number: first_line + offset, pieces: first_piece..page.pieces.len(), block });
    }
    if let Some(start) = block_start {
        page.blocks.push(start..page.lines.len());
    }
    page.find_language();
    rules::cut_at_rules(&mut page);
    rules::join_between_rules(&mut page);
    classify::set_noise_lines_apart(&mut page);
    glued::cut_glued_pieces(&mut page);
    glued::cut_glued_credits(&mut page);
    glued::cut_latin_glued_lines(&mut page);
    glued::cut_latin_headline_rows(&mut page);
    glued::cut_latin_headlines_beside_columns(&mut page);
    let side_by_side = classify::label_page(&mut page);
    merge_headline_lines(&mut page, &side_by_side);
    glued::mend_split_lines(&mut page);
    page
}

/// A headline holding a space ("出行更方便 服务更贴心") was cut into pieces
/// like any CJK line, and one twice a column wide was cut at the column
/// width; once the line is known to be a headline its pieces are one
/// printed line again, joined with the space where one stood. A headline
/// set beside a column of another article (its line read across with the
/// headline) is merged the same way, the column's line left apart.
fn merge_headline_lines(page: &mut Page, side_by_side: &[bool]) {
    // Headlines of articles set side by side stay apart; so do pieces a
    // printed column rule or a gutter of two or more spaces stands between
    // (a rule parts columns, never the words of one headline, and OCR
    // writes the space inside a headline as one: on the dev pages every
    // headline row parted by a gutter held two articles' headlines, though
    // a garbled dateline below left it unpaired).
    let joins = |left: &Piece, right: &Piece| {
        left.role.is_heading()
            && right.role.is_heading()
            && !matches!(right.gap, Gap::Rule | Gap::Gutter(_))
            && !left.text.ends_with(chars::is_rule_glyph)
            && !right.text.starts_with(chars::is_rule_glyph)
    };
    // The runs of pieces of a line that make one headline each. On a line
    // of headlines only, one gutter anywhere parts every piece (two
    // articles' headlines, each maybe cut at a column width); where body
    // pieces stand beside, each run of headline pieces is one headline.
    let runs = |line: usize, pieces: &[Piece]| -> Vec<std::ops::Range<usize>> {
        let all_heading = pieces.iter().all(|p| p.role.is_heading());
        if all_heading && !pieces.windows(2).all(|pair| joins(&pair[0], &pair[1])) {
            return (0..pieces.len()).map(|i| i..i + 1).collect();
        }
        let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
        for index in 0..pieces.len() {
            match runs.last_mut() {
                Some(run) if !side_by_side[line] && joins(&pieces[index - 1], &pieces[index]) => {
                    run.end = index + 1
                }
                _ => runs.push(index..index + 1),
            }
        }
        runs.into_iter()
            .flat_map(|run| {
                let within =
                    pieces[run.clone()].iter().map(|p| p.cells).sum::<f32>() <= classify::HEADLINE_MAX_CELLS;
                if within {
                    vec![run]
                } else {
                    run.map(|i| i..i + 1).collect()
                }
            })
            .collect()
    };
    let split = page
        .lines
        .iter()
        .enumerate()
        .any(|(i, l)| runs(i, &page.pieces[l.pieces.clone()]).iter().any(|r| r.len() > 1));
    if !split {
        return;
    }
    page.recut_lines(|line, pieces| {
        runs(line, pieces)
            .into_iter()
            .map(|run| {
                let mut merged = pieces[run.start].clone();
                for piece in &pieces[run.start + 1..run.end] {
                    // Parts cut where no space stood are joined without one.
                    if piece.gap != Gap::Glued {
                        merged.text.push(' ');
                    }
                    merged.text.push_str(&piece.text);
                    merged.span.end = piece.span.end;
                }
                merged.cells = chars::cells(&merged.text);
                merged
            })
            .collect()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_glued_columns_pair_slot_by_slot() {
        // Two articles set side by side, three columns and two, glued on
        // every input line: five pieces a row, each column at its slot.
        let text = "the orchard keeper  walked the long rows  before the frost came  lanterns were lit  along the harbour wall
                    counting every tree  of pears and quinces  down from the hills  at dusk each day  for the late boats
";
        let page = parse_page(text, 0, 1);
        assert_eq!((page.lines[0].pieces.len(), page.lines[1].pieces.len()), (5, 5));
        assert!(page.rows_alike(0, 1));
    }

    #[test]
    fn paragraphs_written_on_one_line_are_no_rows() {
        // Two paragraphs, each printed as four full lines and a short last
        // one that OCR wrote on one input line: the slots mean nothing
        // from one to the next.
        let text = "春天来到山村田野里花开满 山坡河水清清流过小桥边 孩子们走进学校里读书声 老师们站在门口迎接大家 来报到。\n\n\
                    农民忙着播种施肥浇水呢 远处传来鸟叫声音很清脆 读书声传遍了整个山谷里 欢迎新同学来到这个村子 真热闹。\n";
        let page = parse_page(text, 0, 1);
        assert_eq!((page.lines[0].pieces.len(), page.lines[1].pieces.len()), (5, 5));
        assert!(!page.rows_alike(0, 1));
        // The same rows of full lines, not ending short, are columns.
        let rows = "春天来到山村田野里花开满 山坡河水清清流过小桥边 孩子们走进学校里读书声 老师们站在门口迎接大家 河边的柳树发了新芽\n\n\
                    农民忙着播种施肥浇水呢 远处传来鸟叫声音很清脆 读书声传遍了整个山谷里 欢迎新同学来到这个村子 田里的麦苗绿油油\n";
        let page = parse_page(rows, 0, 1);
        assert!(page.rows_alike(0, 1));
    }

    #[test]
    fn blocks_follow_blank_lines_and_lines_keep_numbers() {
        let page = parse_page("甲乙丙 丁戊己。\n\n庚辛\n壬癸\n", 0, 1);
        assert_eq!(page.blocks.len(), 2);
        assert_eq!(page.lines[0].number, 1);
        assert_eq!(page.lines[1].number, 3);
        assert_eq!(page.pieces.len(), 4);
        assert_eq!(page.pieces[1].text, "丁戊己。");
        assert_eq!(page.pieces[1].span, SourceSpan { line: 1, start: 4, end: 8 });
        assert_eq!(page.pieces[1].gap, Gap::BreakSpace);
    }

    #[test]
    fn a_headline_cut_at_the_column_width_is_joined_back_without_a_space() {
        let text = "全市公交线路调整方案今天正式公布实施细则\n\n一二三四五六七八九十 甲乙丙丁戊己庚辛壬癸 子丑寅卯辰巳午未申酉\n天地玄黄宇宙洪荒日月 春夏秋冬东南西北上下 金木水火土风雨雷电云\n";
        let page = parse_page(text, 0, 1);
        assert!(page.pieces[0].role.is_heading());
        assert_eq!(page.pieces[0].text, "全市公交线路调整方案今天正式公布实施细则");
    }

    #[test]
    fn headline_pieces_a_column_rule_parts_stay_apart() {
        // Two side-by-side articles' headline ends, a printed rule between.
        let text = "出行更方便快捷 | 服务更贴心周到\n\n全市公交线路将于下月起调整，涉及二十多条线路。\n";
        let page = parse_page(text, 0, 1);
        let first: Vec<&Piece> = page.pieces[page.lines[0].pieces.clone()].iter().collect();
        assert!(first.iter().all(|p| p.role.is_heading()));
        assert_eq!(
            first.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            vec!["出行更方便快捷", "| 服务更贴心周到"]
        );
    }

    #[test]
    fn side_by_side_headlines_narrow_enough_for_one_stay_apart() {
        // Two articles' headlines a gutter apart, 24 cells together.
        let text = "公交线路调整方案公布    老城区改造工程收尾

                    本报杭州5月8日电 线路将于下月起调 本报杭州5月9日电 工，已完成全部主
";
        let page = parse_page(text, 0, 1);
        let first: Vec<&str> =
            page.pieces[page.lines[0].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(first, vec!["公交线路调整方案公布", "老城区改造工程收尾"]);
        assert!(page.pieces[..2].iter().all(|p| p.role == Role::Headline));
    }

    #[test]
    fn headlines_a_gutter_apart_stay_apart_with_one_dateline_below() {
        // The second article's dateline is unreadable: the row is no
        // side-by-side pair by its datelines, yet the gutter parts it.
        let text = "公交线路调整方案公布    老城区改造工程收尾
本报杭州5月8日电 线路将于下月起调 工程进入收尾阶段 工，已完成全部主
整，涉及二十多条 线路和一百多个站 体工程，道路和管 网正在铺设之中，
";
        let page = parse_page(text, 0, 1);
        let first: Vec<&str> =
            page.pieces[page.lines[0].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(first, vec!["公交线路调整方案公布", "老城区改造工程收尾"]);
        assert!(page.pieces[..2].iter().all(|p| p.role.is_heading()));
    }

    #[test]
    fn form_feeds_make_pages_and_keep_line_numbers() {
        let pages = parse_document("a\nb\u{000C}c\n", None);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].lines[0].number, 2);
    }
}

//! The library's front door: [`repair`] runs parse → score → assemble on
//! every page and checks that nothing was lost.
//!
//! In: plain OCR text (pages separated by form feeds) and [`Options`]. Out:
//! [`Repaired`]: per page, articles as clean text with their provenance,
//! and the text that could not be placed. Every non-whitespace character of
//! the input is in the output exactly once, except line-end hyphens removed
//! by joins, which are counted; if a page ever failed that check the page
//! falls back to its input order and says so. Structured input
//! ([`repair_document`]) takes its layout from the page geometry, which
//! also fixes the order of lines stacked inside one column stretch.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::assemble::{self, chains, text::join, Assembly};
use crate::formats::Document;
use crate::parse::{self, BBox, Page, Role, Script, SourceSpan};
use crate::score::{self, latin::Vocabulary, topic::Idf, Weights};

/// The language of the input, which selects CJK or Latin-script rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Decide per page from its characters.
    #[default]
    Auto,
    Zh,
    Ja,
    En,
    De,
    Fr,
    /// Any other Latin-script language.
    OtherLatin,
}

impl Lang {
    fn script(self) -> Option<Script> {
        match self {
            Lang::Auto => None,
            Lang::Zh | Lang::Ja => Some(Script::Cjk),
            Lang::En | Lang::De | Lang::Fr | Lang::OtherLatin => Some(Script::Latin),
        }
    }
}

/// How to repair.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub lang: Lang,
    /// Reorder pieces. When false, the input order is kept and only cut into
    /// articles and paragraphs and joined: the baseline the evaluation
    /// compares against.
    pub reorder: bool,
    /// Weights of the junction signals.
    pub weights: Weights,
    /// Junctions scoring at or below this are never taken.
    pub threshold: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options { lang: Lang::Auto, reorder: true, weights: Weights::default(), threshold: 0.0 }
    }
}

/// One repaired article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleText {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    pub byline: Option<String>,
    /// Where each piece came from, in reading order.
    pub sources: Vec<SourceSpan>,
    /// The box of each piece on the page image, parallel to `sources`
    /// (structured input only; plain text has none).
    pub boxes: Vec<Option<BBox>>,
    /// The id of each piece's OCR line element, parallel to `sources`
    /// (structured input whose lines carry ids; empty for plain text).
    pub element_ids: Vec<Option<String>>,
    /// Mean plausibility of the article's junctions, in [0, 1].
    pub confidence: f32,
}

impl ArticleText {
    /// Title, paragraphs and byline, one per line.
    pub fn plain_text(&self) -> String {
        self.title
            .iter()
            .chain(self.paragraphs.iter())
            .chain(self.byline.iter())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Text the engine could not place in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Unplaced {
    pub text: String,
    pub span: SourceSpan,
    pub bbox: Option<BBox>,
    /// The id of its OCR line element (structured input only).
    pub element_id: Option<String>,
}

/// One repaired page.
#[derive(Debug, Clone, PartialEq)]
pub struct RepairedPage {
    pub index: usize,
    pub articles: Vec<ArticleText>,
    pub unplaced: Vec<Unplaced>,
    /// Line-end hyphens removed by joins.
    pub removed_hyphens: usize,
    /// Set when the page failed the conservation check and was left in its
    /// input order; says what went wrong.
    pub fallback: Option<String>,
}

/// The repaired document.
#[derive(Debug, Clone, PartialEq)]
pub struct Repaired {
    pub pages: Vec<RepairedPage>,
}

impl Repaired {
    pub fn articles(&self) -> impl Iterator<Item = &ArticleText> {
        self.pages.iter().flat_map(|p| p.articles.iter())
    }

    /// Every text the repair gave back, placed or not: each article's
    /// [`ArticleText::plain_text`] and each unplaced piece, one per line.
    /// What a check that nothing was lost compares with the input.
    pub fn all_text(&self) -> String {
        let mut out = String::new();
        for page in &self.pages {
            for text in page
                .articles
                .iter()
                .map(ArticleText::plain_text)
                .chain(page.unplaced.iter().map(|u| u.text.clone()))
            {
                out.push_str(&text);
                out.push('\n');
            }
        }
        out
    }

    /// Line-end hyphens removed by joins, over all pages.
    pub fn removed_hyphens(&self) -> usize {
        self.pages.iter().map(|p| p.removed_hyphens).sum()
    }
}

/// Repairs the reading order of `text`.
///
/// ```
/// let repaired = restitch::repair("全市公交线路调整\n\n天气 转凉。\n", &restitch::Options::default());
/// assert_eq!(repaired.pages[0].articles[0].paragraphs, vec!["天气转凉。"]);
/// ```
pub fn repair(text: &str, options: &Options) -> Repaired {
    let pages = parse::parse_document(text, options.lang.script());
    // Pages are independent: repair them on every core (in order).
    Repaired { pages: pages.par_iter().map(|page| repair_page(page, options)).collect() }
}

/// Repairs the reading order of a structured OCR document (hOCR, ALTO,
/// PAGE-XML, Tesseract TSV): the page geometry replaces the layout the
/// plain-text parser infers; every later stage is the same.
pub fn repair_document(document: &Document, options: &Options) -> Repaired {
    // Each page's first line number in the file, then the pages on every
    // core, as for plain text.
    let first_lines: Vec<usize> = document
        .pages
        .iter()
        .scan(1, |next, ocr| {
            let first = *next;
            *next += ocr.lines().count();
            Some(first)
        })
        .collect();
    let mut pages: Vec<RepairedPage> = document
        .pages
        .par_iter()
        .zip(first_lines)
        .enumerate()
        .map(|(index, (ocr, first_line))| {
            let page = parse::geometry::layout_page(ocr, index, first_line, options.lang.script());
            repair_page(&page, options)
        })
        .collect();
    // Provenance as element ids: a structured piece's span names the
    // 1-based position of its OCR line in the file.
    let addresses = document.line_addresses();
    let id_of = |span: &SourceSpan| {
        span.line.checked_sub(1).and_then(|i| addresses.get(i)).and_then(|&a| document.line(a).id.clone())
    };
    for page in &mut pages {
        for article in &mut page.articles {
            article.element_ids = article.sources.iter().map(id_of).collect();
        }
        for unplaced in &mut page.unplaced {
            unplaced.element_id = id_of(&unplaced.span);
        }
    }
    Repaired { pages }
}

/// The scored candidate junctions of a page, with the page geometry's
/// certainties added where the page came from structured input (see
/// `stacked_in_block`); plain text gets the text signals' scores alone.
/// Public for diagnostics (`examples/geo_chains.rs`).
pub fn score_structured(page: &Page, weights: &score::Weights) -> Vec<score::Junction> {
    score_structured_and_idf(page, weights).0
}

/// [`score_structured`], with the page's topic weights the scoring built on
/// the way (see [`score::score_page_and_idf`]).
fn score_structured_and_idf(page: &Page, weights: &score::Weights) -> (Vec<score::Junction>, Idf) {
    let (mut junctions, idf) = score::score_page_and_idf(page, weights);
    stacked_in_block(page, &mut junctions);
    (junctions, idf)
}

fn repair_page(page: &Page, options: &Options) -> RepairedPage {
    // The page's topic weights are built once (by the scoring where it
    // runs) and shared by the chain and article passes.
    let (chains, idf) = if options.reorder {
        let (junctions, idf) = score_structured_and_idf(page, &options.weights);
        (chains::build_with_idf(page, &junctions, options.threshold, &idf), idf)
    } else {
        (chains::input_order(page.pieces.len()), Idf::from_page(page))
    };
    let assembly = assemble::articles::assemble_with_idf(page, chains, &idf);
    let repaired = render_page(page, &assembly);
    match conservation_error(page, &repaired) {
        None => repaired,
        Some(problem) => {
            let fallback =
                assemble::articles::assemble_with_idf(page, chains::input_order(page.pieces.len()), &idf);
            let mut repaired = render_page(page, &fallback);
            repaired.fallback = Some(problem);
            repaired
        }
    }
}

/// The log-odds added to a junction the page geometry is sure of: more
/// than any single text signal weighs (the strongest, `placement.below`, is
/// about 5), so the text signals decide how column stretches and articles
/// continue, not the order inside one.
const STACKED_BONUS: f32 = 8.0;

/// Structured input only (pieces with boxes): a junction the page geometry
/// is sure of gets [`STACKED_BONUS`]: from a piece to the next one inside
/// one region of the geometry (the piece to its right on its printed line,
/// or the first piece of the printed line below in the same column
/// stretch), from the last piece of a line to the first piece of the
/// next line of the same block (words without boxes, kept in file order),
/// and from a headline region's last piece to the first piece of the region
/// read right after it when that region stands under the headline (its
/// first column: an article starts under its headline, and a short
/// headline line or a glued dateline gives the text signals little to go
/// on there), and from a body region's last line to the first line of the
/// region read right after it when that one goes on in the same column
/// right below it (see [`column_goes_on_below`]).
/// The text signals, fitted on plain text where such a pair is only a
/// guess, would otherwise pull a headline's second line, a line after a
/// short one or a mark beside a headline elsewhere; they still choose
/// which region follows which. Plain text is untouched.
fn stacked_in_block(page: &Page, junctions: &mut [score::Junction]) {
    if page.pieces.iter().all(|p| p.bbox.is_none()) {
        return;
    }
    let mut region_of_line = vec![None; page.lines.len()];
    for (index, region) in page.regions.iter().enumerate() {
        for line in region.clone() {
            region_of_line[line] = Some(index);
        }
    }
    let goes_on_below = column_goes_on_below(page);
    for junction in junctions {
        let (from, to) = (page.piece(junction.from), page.piece(junction.to));
        let from_ends_line = page.lines[from.line].pieces.end == junction.from.0 + 1;
        let to_starts_line = page.lines[to.line].pieces.start == junction.to.0;
        let in_block = from.line + 1 == to.line && from.block == to.block && from_ends_line && to_starts_line;
        let in_region = junction.from.0 + 1 == junction.to.0
            && region_of_line[from.line].is_some()
            && region_of_line[from.line] == region_of_line[to.line];
        let under_headline = junction.from.0 + 1 == junction.to.0
            && from.role == Role::Headline
            && to.role == Role::Body
            && to_starts_line
            && from_ends_line
            && region_of_line[from.line].is_some_and(|r| page.regions[r].end == to.line)
            && region_of_line[to.line].is_some_and(|r| page.regions[r].start == to.line)
            && match (region_box(page, from.line), region_box(page, to.line)) {
                (Some(head), Some(body)) => body.y0 >= head.y1 && body.x1.min(head.x1) > body.x0.max(head.x0),
                _ => false,
            };
        let down_the_column = junction.from.0 + 1 == junction.to.0
            && from.role == Role::Body
            && to.role == Role::Body
            && from_ends_line
            && to_starts_line
            && region_of_line[from.line].is_some_and(|r| goes_on_below[r] && page.regions[r].end == to.line)
            && region_of_line[to.line].is_some_and(|r| page.regions[r].start == to.line);
        if in_block || in_region || under_headline || down_the_column {
            junction.score += STACKED_BONUS;
        }
    }
}

/// How far below a region, in body line pitches, the region read after it
/// may start and still be the same column going on: a band as high as an
/// OCR line lost or a paragraph's space (which the XY-cut takes for a
/// horizontal cut), not the space between stacked articles. The dev pages
/// read alike from 1 to 5 pitches.
const COLUMN_BREAK_PITCHES: f32 = 2.0;

/// Share of the narrower of two stacked regions' widths they must share to
/// stand in one column.
const SAME_COLUMN_SHARE: f32 = 0.7;

/// Per region of the page, whether the region read right after it in the
/// geometry's order stands right under it in the same column: their boxes
/// share most of the narrower one's width, and the lower starts at most
/// [`COLUMN_BREAK_PITCHES`] body line pitches under the upper's foot. Why:
/// where OCR lost a line, or a paragraph space lines up across columns, the
/// XY-cut cuts a column in two; the two stretches are then read one after
/// the other, but the junction between them is left to the text signals,
/// which on garbled lines (a lost line's remains at the upper foot, a
/// damaged first line below) prefer a jump elsewhere and read a column's
/// foot before its top. A column that goes on right below is as sure as
/// the lines inside one region.
fn column_goes_on_below(page: &Page) -> Vec<bool> {
    let Some(pitch) = body_line_pitch(page) else { return vec![false; page.regions.len()] };
    let boxes: Vec<Option<BBox>> = page.regions.iter().map(|r| lines_box(page, r.clone())).collect();
    (0..page.regions.len())
        .map(|r| match (boxes[r], boxes.get(r + 1).copied().flatten()) {
            (Some(upper), Some(lower)) => {
                let shared = upper.x1.min(lower.x1) - upper.x0.max(lower.x0);
                let narrower = (upper.x1 - upper.x0).min(lower.x1 - lower.x0);
                let band = (lower.y0 - upper.y1) as f32;
                shared as f32 >= SAME_COLUMN_SHARE * narrower as f32
                    && band >= -0.5 * pitch
                    && band <= COLUMN_BREAK_PITCHES * pitch
            }
            _ => false,
        })
        .collect()
}

/// The median step from a body line's centre to the next one's inside one
/// region of the geometry (`None` on a page without two such lines).
fn body_line_pitch(page: &Page) -> Option<f32> {
    let line_box = |line: usize| {
        let pieces = &page.pieces[page.lines[line].pieces.clone()];
        if pieces.iter().any(|p| p.role != Role::Body) {
            return None;
        }
        pieces.iter().filter_map(|p| p.bbox).reduce(BBox::union)
    };
    let mut steps: Vec<f32> = page
        .regions
        .iter()
        .flat_map(|region| region.start..region.end.saturating_sub(1))
        .filter_map(|line| {
            let (upper, lower) = (line_box(line)?, line_box(line + 1)?);
            let step = (lower.y0 + lower.y1 - upper.y0 - upper.y1) as f32 / 2.0;
            (step > 0.0).then_some(step)
        })
        .collect();
    steps.sort_by(f32::total_cmp);
    steps.get(steps.len() / 2).copied()
}

/// The box of the region holding `line`.
fn region_box(page: &Page, line: usize) -> Option<BBox> {
    lines_box(page, page.regions.iter().find(|r| r.contains(&line))?.clone())
}

/// The box around the boxed pieces of a range of lines.
fn lines_box(page: &Page, lines: std::ops::Range<usize>) -> Option<BBox> {
    page.lines[lines]
        .iter()
        .flat_map(|l| page.pieces[l.pieces.clone()].iter().filter_map(|p| p.bbox))
        .reduce(BBox::union)
}

fn render_page(page: &Page, assembly: &Assembly) -> RepairedPage {
    let vocabulary = Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
    let mut removed_hyphens = 0;
    let mut text_of = |ids: &[parse::PieceId]| -> String {
        let joined = join(ids.iter().map(|&id| page.piece(id).text.as_str()), &vocabulary, page.is_cjk());
        removed_hyphens += joined.removed_hyphens.len();
        joined.text
    };
    let articles = assembly
        .articles
        .iter()
        .map(|article| ArticleText {
            title: (!article.title.is_empty()).then(|| text_of(&article.title)),
            paragraphs: article.paragraphs.iter().map(|p| text_of(&p.pieces)).collect(),
            byline: (!article.byline.is_empty()).then(|| text_of(&article.byline)),
            sources: article.pieces().map(|id| page.piece(id).span).collect(),
            boxes: article.pieces().map(|id| page.piece(id).bbox).collect(),
            element_ids: Vec::new(),
            confidence: article.confidence,
        })
        .collect();
    let unplaced = assembly
        .unplaced
        .iter()
        .map(|&id| Unplaced {
            text: page.piece(id).text.clone(),
            span: page.piece(id).span,
            bbox: page.piece(id).bbox,
            element_id: None,
        })
        .collect();
    RepairedPage { index: page.index, articles, unplaced, removed_hyphens, fallback: None }
}

/// Compares the multiset of non-whitespace characters of the page's pieces
/// with the output's (plus removed hyphens). `None` when they agree.
fn conservation_error(page: &Page, repaired: &RepairedPage) -> Option<String> {
    let mut counts: HashMap<char, i64> = HashMap::new();
    for piece in &page.pieces {
        for c in piece.text.chars().filter(|c| !c.is_whitespace()) {
            *counts.entry(c).or_default() += 1;
        }
    }
    let output = repaired
        .articles
        .iter()
        .flat_map(|a| a.title.iter().chain(a.paragraphs.iter()).chain(a.byline.iter()))
        .chain(repaired.unplaced.iter().map(|u| &u.text));
    for text in output {
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            *counts.entry(c).or_default() -= 1;
        }
    }
    let mut hyphens = repaired.removed_hyphens as i64;
    let mut problems: Vec<(char, i64)> = counts.into_iter().filter(|(_, n)| *n != 0).collect();
    // Removed hyphens account for surplus hyphen-like marks in the input.
    problems.retain(|(c, n)| {
        if crate::parse::chars::is_line_end_hyphen(*c) && *n > 0 && *n <= hyphens {
            hyphens -= n;
            false
        } else {
            true
        }
    });
    if problems.is_empty() {
        return None;
    }
    problems.sort();
    let listed: Vec<String> = problems.iter().take(5).map(|(c, n)| format!("{c:?} {n:+}")).collect();
    Some(format!(
        "page {}: output does not hold the input's characters exactly once ({}); kept input order",
        page.index + 1,
        listed.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{BBox, Block, OcrPage, TextLine, Word};
    use crate::parse::PieceId;

    /// What the geometry adds to the junction `from` -> `to` over the text
    /// signals alone (None when either scoring has no such candidate).
    fn structured_bonus(page: &parse::Page, from: usize, to: usize) -> Option<f32> {
        let weights = score::Weights::default();
        let find = |junctions: &[score::Junction]| {
            junctions.iter().find(|j| j.from == PieceId(from) && j.to == PieceId(to)).map(|j| j.score)
        };
        find(&score_structured(page, &weights))
            .zip(find(&score::score_page(page, &weights)))
            .map(|(s, p)| s - p)
    }

    /// A word of a 20 px tall line at `y0`, from `x0` to `x1`.
    fn word(text: &str, x0: i32, x1: i32, y0: i32) -> Word {
        Word { id: None, text: text.into(), bbox: Some(BBox { x0, y0, x1, y1: y0 + 20 }), confidence: None }
    }

    #[test]
    fn the_geometry_is_sure_of_the_order_inside_a_region_only() {
        // Two columns of three lines, each OCR line one column's row; the
        // first row of the left column holds a mark standing far right of
        // its word (a piece of its own).
        let mut lines: Vec<TextLine> = (0..3)
            .flat_map(|row| {
                let y = row * 30;
                [0, 400].map(|x| TextLine { id: None, bbox: None, words: vec![word("text", x, x + 200, y)] })
            })
            .collect();
        lines[0].words = vec![word("text", 0, 60, 0), word("*", 190, 200, 0)];
        let ocr = OcrPage { id: None, size: None, blocks: vec![Block { id: None, bbox: None, lines }] };
        let page = parse::geometry::layout_page(&ocr, 0, 1, None);
        assert_eq!(page.regions, vec![0..3, 3..6]);
        assert_eq!(page.lines[0].pieces, 0..2);
        let bonus = |from: usize, to: usize| structured_bonus(&page, from, to);
        // Along the first printed line and down the first column: sure.
        assert_eq!(bonus(0, 1), Some(STACKED_BONUS));
        assert_eq!(bonus(1, 2), Some(STACKED_BONUS));
        // From its foot to the top of the next column: the text decides.
        assert_eq!(bonus(3, 4), Some(0.0));
    }

    #[test]
    fn the_geometry_is_sure_a_headline_goes_on_in_the_column_right_under_it() {
        // A headline over two columns of five lines each (body letters about
        // 10 px wide, a quarter of the headline's).
        let word = |text: &str, x0: i32, x1: i32, y0: i32, height: i32| Word {
            id: None,
            text: text.into(),
            bbox: Some(BBox { x0, y0, x1, y1: y0 + height }),
            confidence: None,
        };
        let line = |words: Vec<Word>| TextLine { id: None, bbox: None, words };
        let mut lines = vec![line(vec![word("Big", 0, 150, 0, 60), word("News", 180, 400, 0, 60)])];
        for row in 0..5 {
            let y = 100 + row * 30;
            lines.push(line(vec![word(&format!("left{row}bodytextline"), 0, 260, y, 20)]));
            lines.push(line(vec![word(&format!("right{row}bodytextline"), 300, 560, y, 20)]));
        }
        let ocr = OcrPage { id: None, size: None, blocks: vec![Block { id: None, bbox: None, lines }] };
        let page = parse::geometry::layout_page(&ocr, 0, 1, None);
        let id = |text: &str| page.pieces.iter().position(|p| p.text == text).expect("a piece");
        assert_eq!(page.pieces[0].role, Role::Headline);
        assert_eq!(id("left0bodytextline"), 1);
        let bonus = |from: usize, to: usize| structured_bonus(&page, from, to);
        // From the headline to the first column's top: sure.
        assert_eq!(bonus(0, id("left0bodytextline")), Some(STACKED_BONUS));
        // From the first column's foot to the next one's top: the text decides.
        assert_eq!(bonus(id("left4bodytextline"), id("right0bodytextline")), Some(0.0));
    }

    #[test]
    fn the_geometry_is_sure_a_column_goes_on_below_a_lost_line() {
        // Two columns of six printed rows, the fourth row of both lost by
        // OCR: the band it leaves cuts each column in two regions.
        let lines: Vec<TextLine> = [0, 1, 2, 4, 5, 6]
            .iter()
            .flat_map(|&row| {
                let y = row * 30;
                [0, 400].map(|x| TextLine {
                    id: None,
                    bbox: None,
                    words: vec![word(&format!("text{x}row{row}"), x, x + 300, y)],
                })
            })
            .collect();
        let ocr = OcrPage { id: None, size: None, blocks: vec![Block { id: None, bbox: None, lines }] };
        let page = parse::geometry::layout_page(&ocr, 0, 1, None);
        let id = |text: &str| page.pieces.iter().position(|p| p.text == text).expect("a piece");
        assert_eq!(page.regions.len(), 4, "{:?}", page.regions);
        assert_eq!(id("text0row4"), id("text0row2") + 1);
        let bonus = |from: usize, to: usize| structured_bonus(&page, from, to);
        // Across the lost line, down the same column: sure.
        assert_eq!(bonus(id("text0row2"), id("text0row4")), Some(STACKED_BONUS));
        assert_eq!(bonus(id("text400row2"), id("text400row4")), Some(STACKED_BONUS));
        // From the first column's foot to the next one's top: the text decides.
        assert_eq!(bonus(id("text0row6"), id("text400row0")), Some(0.0));
    }

    #[test]
    fn column_rules_read_as_bars_are_unplaced() {
        // One column of four lines; OCR read the rule beside it as a bar at
        // the end of every line.
        let lines: Vec<TextLine> =
            ["The council met on", "Monday and voted to", "close the old bridge", "for repairs."]
                .iter()
                .enumerate()
                .map(|(row, text)| {
                    let y = row as i32 * 30;
                    let mut words: Vec<Word> = text
                        .split(' ')
                        .enumerate()
                        .map(|(i, w)| word(w, i as i32 * 60, i as i32 * 60 + 50, y))
                        .collect();
                    words.push(word("|", 300, 304, y));
                    TextLine { id: None, bbox: None, words }
                })
                .collect();
        let ocr = OcrPage { id: None, size: None, blocks: vec![Block { id: None, bbox: None, lines }] };
        let document = Document { format: crate::formats::Format::Tsv, pages: vec![ocr] };
        let page = &repair_document(&document, &Options::default()).pages[0];
        assert_eq!(page.fallback, None);
        assert_eq!(page.articles.len(), 1);
        let text: String = page.articles[0].paragraphs.concat();
        assert!(!text.contains('|') && text.contains("close the old bridge"), "{text}");
        assert_eq!(page.unplaced.iter().map(|u| u.text.as_str()).collect::<Vec<_>>(), vec!["|"; 4]);
    }

    #[test]
    fn baseline_keeps_every_character() {
        let text = "标题一\n\n正文 第一段。\n\n(张三 李四)\n\n春 夏\n";
        for reorder in [false, true] {
            let options = Options { reorder, ..Options::default() };
            let page = &repair(text, &options).pages[0];
            assert_eq!(page.fallback, None);
        }
    }
}

//! Label the pieces whose role the text itself shows.
//!
//! In: pieces and their lines and blocks. Out: a [`Role`] per piece —
//! headline, byline, scattered glyphs of a big headline, or body. Why: the
//! assembler opens articles at headlines and closes them at bylines, and must
//! not glue scattered glyphs into sentences.
//!
//! Bylines and datelines are read by a nom grammar (`credits.rs`: a
//! bracketed list of personal names "(张三 李四)", a bare list of three or
//! more names on a line of its own, an English credit line "By Jane Doe",
//! "(Reuters)"); headings are recognised from their shape in context
//! (`headings.rs`: a short line standing alone between blank lines, without
//! a sentence end, and not one of a run of equally narrow lines, which are
//! a narrow column). This module puts the two together page by page.

mod credits;
mod headings;

pub use credits::{
    dateline_broken_before_lower_case, is_byline, is_dateline_start, is_latin_dateline_start, is_name_list,
    is_newswire_dateline_start, is_place_dash_dateline_start, latin_credit_len, reporter_credit_names,
    trailing_byline_start,
};
pub use headings::{capitals_start_sentences, datelines_below, HEADLINE_MAX_CELLS};

use super::chars::{ends_sentence, is_han, is_line_start_forbidden, is_wide, PAUSES};
use super::Page;
use credits::lower_case_credit;
use headings::{
    beside_top_headline, column_top_title, heading_role, heading_span, is_glyph, is_stray_mark,
    latin_capitals_row, measuring_lines, set_apart_specks, side_by_side_headlines, two_line_title, PageStyle,
};

/// What a piece is, as far as its own text and neighbours show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Body,
    Headline,
    /// Shaped like a headline but weaker evidence: a section heading inside
    /// an article, or the headline of a new one. The assembler decides by
    /// topic.
    Subhead,
    Byline,
    /// Scattered single glyphs, typically a big headline that OCR broke up.
    Fragment,
}

impl Role {
    /// A headline or a subhead.
    pub fn is_heading(self) -> bool {
        matches!(self, Role::Headline | Role::Subhead)
    }
}

/// Labels headlines and scattered glyphs on a parsed page. Bylines were
/// labelled when the line was cut. Returns, per line, whether it holds the
/// headlines of articles set side by side (which must stay apart).
pub fn label_page(page: &mut Page) -> Vec<bool> {
    let mut side_by_side_rows = Vec::new();
    // Most printed lines each set between blank lines: then standing alone
    // says nothing about a line, a blank line ends no paragraph, and widths
    // are compared across blank lines.
    let blank_separated = lines_set_apart(page);
    let style = PageStyle {
        blank_separated,
        capitals_start_sentences: capitals_start_sentences(page),
        measuring_lines: measuring_lines(page),
    };
    for line_index in 0..page.lines.len() {
        let range = page.lines[line_index].pieces.clone();
        let pieces = &page.pieces[range.clone()];
        // Latin headlines of articles set side by side, found and cut apart
        // as one row by the glued-line cutter, stay apart.
        if !page.is_cjk() && pieces.len() >= 2 && pieces.iter().all(|p| p.role == Role::Headline) {
            side_by_side_rows.push(line_index);
            continue;
        }
        // Lines of OCR noise were set apart as fragments already.
        if pieces.iter().all(|p| p.role == Role::Fragment) {
            continue;
        }
        if pieces.len() >= 2 && pieces.iter().all(|p| is_glyph(&p.text)) {
            for piece in &mut page.pieces[range] {
                piece.role = Role::Fragment;
            }
            continue;
        }
        // A credit line that opens with a lower-case "by" after a sentence
        // end: running text cannot go on after the sentence ended.
        if pieces.len() == 1 && pieces[0].role == Role::Body {
            let previous_ends = line_index
                .checked_sub(1)
                .and_then(|i| page.pieces[page.lines[i].pieces.clone()].last())
                .is_some_and(|p| ends_sentence(&p.text));
            let text = pieces[0].text.trim();
            if previous_ends && text.chars().count() <= 60 && lower_case_credit(text).is_ok() {
                page.pieces[range.start].role = Role::Byline;
                continue;
            }
        }
        // Where a capital starts a sentence, a title may top one column of a
        // glued row (articles set side by side): the assembler tells by
        // topic whether it opens an article.
        if !page.is_cjk() && style.capitals_start_sentences && !blank_separated {
            for slot in 1..pieces.len().min(4) {
                if column_top_title(page, line_index, slot) {
                    page.pieces[range.start + slot].role = Role::Subhead;
                }
            }
        }
        if two_line_title(page, line_index, &style) {
            let both = range.start..page.lines[line_index + 1].pieces.end;
            for piece in &mut page.pieces[both] {
                piece.role = Role::Headline;
            }
            continue;
        }
        let pieces = &page.pieces[range.clone()];
        let all_body = pieces.iter().all(|p| p.role == Role::Body);
        // A line of more pieces is glued columns, unless what a gutter sets
        // apart at its start may be a headline (set beside a column).
        let headline_at_start = page.is_cjk() && heading_span(page, line_index).len() <= 3;
        if !all_body || (pieces.len() > 3 && !headline_at_start) {
            continue;
        }
        let alone = page.blocks[page.lines[line_index].block].len() == 1 && !blank_separated;
        let in_own_block = page.blocks[page.lines[line_index].block].len() == 1;
        if pieces.len() == 1 && in_own_block && is_glyph(&pieces[0].text) {
            page.pieces[range.start].role = Role::Fragment;
        } else if side_by_side_headlines(page, line_index, blank_separated)
            || latin_capitals_row(page, line_index)
        {
            side_by_side_rows.push(line_index);
            for piece in &mut page.pieces[range] {
                piece.role = if is_stray_mark(&piece.text) { Role::Fragment } else { Role::Headline };
            }
        } else {
            // The whole line first (headline ends of two articles a rule
            // parts are both headings); failing that, the text without
            // what a rule or a gutter sets apart from it.
            let whole = page.lines[line_index].pieces.clone();
            let span = heading_span(page, line_index);
            // A lone speck beside a headline belongs to no title: the text
            // without it first, the whole line failing that. A row of two
            // or more specks as wide as a headline is noise read out of a
            // picture and no headline (it opened articles around the
            // noise); a short one, judged a subhead, stays one: it stood
            // between two articles on fresh pages and dev ocr-zh-015,
            // where its break parted them (dropping those lost 0.19 there).
            let specks = set_apart_specks(page, line_index);
            let judge_whole = || {
                heading_role(page, line_index, whole.clone(), alone, &style).map(|role| (role, whole.clone()))
            };
            let judge_span = || {
                heading_role(page, line_index, span.clone(), alone, &style).map(|role| (role, span.clone()))
            };
            let judged = if specks == 1 {
                judge_span().or_else(judge_whole)
            } else {
                judge_whole().or_else(judge_span)
            };
            let judged = judged.filter(|(role, _)| !(specks >= 2 && *role == Role::Headline));
            if let Some((role, span)) = judged {
                for piece in &mut page.pieces[span.clone()] {
                    piece.role = role;
                }
                if role == Role::Headline {
                    if let Some(beside) = beside_top_headline(page, line_index, span) {
                        side_by_side_rows.push(line_index);
                        for piece in &mut page.pieces[beside] {
                            piece.role = Role::Headline;
                        }
                    }
                }
            }
        }
    }
    if page.is_cjk() && blank_separated {
        label_headline_lines_above_datelines(page);
    }
    if !page.is_cjk() {
        label_latin_headline_lines_above_datelines(page);
        unlabel_lower_case_headline_starts(page);
    }
    if page.is_cjk() {
        label_first_headline_lines(page);
        label_second_lines_of_headline_rows(page, &side_by_side_rows);
    }
    let mut side_by_side = vec![false; page.lines.len()];
    for line in side_by_side_rows {
        side_by_side[line] = true;
    }
    side_by_side
}

/// Lowers to a subhead each Latin headline piece whose first letter or
/// digit is a lower-case letter and that stands under no heading on the
/// line above and over no dateline on the line below. Why: Latin headline
/// style capitalises a headline's first word in every case style
/// (capitals, title case, sentence case), so a piece opening in lower case
/// is a headline's wrapped line or running text. With no heading right
/// above it, it is mostly a glued row of column lines that a row or shape
/// test took for a title; as a headline it opened an article inside a
/// sentence (fresh pages of glued columns), as a subhead the assembler
/// keeps it in the article whose topic it shares. Right above a dateline
/// it is the last line of a title whose first lines went unlabelled, the
/// only sign left that an article opens there (dev `ocr-de-009` lost 0.22
/// without that exception). A piece lowered here still stands as a
/// heading above the line below it, which is then left as it is.
fn unlabel_lower_case_headline_starts(page: &mut Page) {
    for line_index in 0..page.lines.len() {
        let heading_above = line_index.checked_sub(1).is_some_and(|above| {
            page.pieces[page.lines[above].pieces.clone()].iter().any(|p| p.role.is_heading())
        });
        // The line right above an article's dateline is its headline's last
        // line, whatever its case: a wrapped headline whose first lines were
        // missed ends there.
        let dateline_below = page
            .lines
            .get(line_index + 1)
            .is_some_and(|below| is_latin_dateline_start(&page.pieces[below.pieces.start].text));
        if heading_above || dateline_below {
            continue;
        }
        for piece in &mut page.pieces[page.lines[line_index].pieces.clone()] {
            // A headline may open on a number ("23-year-old ...").
            let first = piece.text.chars().find(|c| c.is_alphanumeric());
            if piece.role == Role::Headline && first.is_some_and(char::is_lowercase) {
                piece.role = Role::Subhead;
            }
        }
    }
}

/// The fewest marks (runs of non-space characters) a line of OCR noise
/// holds: fewer could be the short ends of two paragraphs in a glued row.
const NOISE_MARKS_MIN: usize = 3;

/// The longest mark of a noise line, in characters: speckles read as a
/// stray Latin run ("AAA") stay short; a word of body text is longer.
const NOISE_MARK_MAX_CHARS: usize = 5;

/// True for a line of a CJK page that Tesseract made of speckles or blur
/// between printed lines: marks of one or two characters each (a stray
/// glyph, a punctuation mark, a Latin letter), most of them parted by a
/// gutter (two or more spaces), none as long as a word of running text
/// (at most [`NOISE_MARK_MAX_CHARS`] characters, and never three wide
/// characters), at least [`NOISE_MARKS_MIN`] of them, and at most one that
/// reads like the end of a paragraph (a wide character and a sentence
/// end). Why: read as body, its glyphs open or join articles and its many
/// pieces break the rhythm of the block; as fragments they are reported
/// unplaced and lose nothing. A row of paragraph ends of glued columns
/// ("作。  题。  人。") holds several sentence ends and is kept.
fn is_noise_line(pieces: &[super::Piece]) -> bool {
    let marks: Vec<&str> = pieces.iter().flat_map(|p| p.text.split_whitespace()).collect();
    if marks.len() < NOISE_MARKS_MIN {
        return false;
    }
    let short = marks.iter().filter(|m| m.chars().count() <= 2).count();
    let too_long = marks.iter().any(|m| {
        m.chars().count() > NOISE_MARK_MAX_CHARS
            || m.chars().filter(|&c| is_wide(c) && is_han(c)).count() >= 3
    });
    let paragraph_ends =
        marks.iter().filter(|m| m.chars().count() >= 2 && m.chars().any(is_han) && ends_sentence(m)).count();
    let parted = pieces[1..].iter().filter(|p| matches!(p.gap, super::Gap::Gutter(_))).count();
    !too_long
        && short * 5 >= marks.len() * 4
        && paragraph_ends <= 1
        && pieces.len() >= 2
        && parted * 2 >= pieces.len() - 1
}

/// Sets the lines of OCR noise (`is_noise_line`) of a CJK page apart:
/// their pieces become fragments, and the lines leave their blocks for one
/// block of their own after the page's last line (their text and source
/// spans stay as they were). Why: left in place, a noise line stands
/// between two printed lines of a column, so the body lines above and
/// below are no longer neighbours for the glued-row cutter, the line
/// strides and the "next line" junctions, and its many pieces read as a
/// row of many columns. (Marking the pieces as fragments alone, without
/// moving the lines, took dev ocr-zh-029 from 0.297 down to 0.278: the
/// headline no longer reached its second line across the noise; set apart,
/// 0.390.)
pub fn set_noise_lines_apart(page: &mut Page) {
    if !page.is_cjk() {
        return;
    }
    let noise: Vec<bool> = page.lines.iter().map(|l| is_noise_line(&page.pieces[l.pieces.clone()])).collect();
    if !noise.contains(&true) {
        return;
    }
    let order: Vec<usize> = (0..page.lines.len())
        .filter(|&i| !noise[i])
        .chain((0..page.lines.len()).filter(|&i| noise[i]))
        .collect();
    let old_pieces = std::mem::take(&mut page.pieces);
    let old_lines = std::mem::take(&mut page.lines);
    page.blocks.clear();
    let mut last_block: Option<(bool, usize)> = None;
    for (index, &old) in order.iter().enumerate() {
        let line = &old_lines[old];
        let key = (noise[old], if noise[old] { usize::MAX } else { line.block });
        if last_block != Some(key) {
            page.blocks.push(index..index);
            last_block = Some(key);
        }
        let block = page.blocks.len() - 1;
        page.blocks[block].end = index + 1;
        let start = page.pieces.len();
        for piece in &old_pieces[line.pieces.clone()] {
            let mut piece = piece.clone();
            piece.line = index;
            piece.block = block;
            if noise[old] {
                piece.role = Role::Fragment;
            }
            page.pieces.push(piece);
        }
        page.lines.push(super::Line { number: line.number, pieces: start..page.pieces.len(), block });
    }
}

/// True when most printed lines each stand between blank lines (sparse-text
/// OCR, Tesseract psm 11/12): at least eight blocks, two in three of them
/// one line of one piece; or two in three of them one line, holding
/// `MAX_PIECES_PER_ROW` pieces a line or fewer on average.
///
/// Why the second test: where the gutters are narrow, sparse-text OCR
/// still glues the printed lines of side-by-side columns on many rows,
/// so a line holds one piece per column it crossed; a page of three and
/// four columns then falls short of two in three single pieces while
/// every line still stands alone. Left unseen, every one of its column
/// lines stood "alone" and after a "paragraph end" (the blank line) and
/// was taken for a headline, and the glued rows for headline rows (dev
/// ocr-zh-024 0.261 -> 0.437, ocr-zh-025 0.258 -> 0.358). A clean page
/// that sets each paragraph on one line between blank lines is told
/// apart by the count: its lines hold a paragraph's printed lines each,
/// many more than the few columns a row crosses.
pub fn lines_set_apart(page: &Page) -> bool {
    let single_printed_lines =
        page.blocks.iter().filter(|b| b.len() == 1 && page.lines[b.start].pieces.len() == 1).count();
    let one_line_blocks: Vec<usize> =
        page.blocks.iter().filter(|b| b.len() == 1).map(|b| page.lines[b.start].pieces.len()).collect();
    let pieces: usize = one_line_blocks.iter().sum();
    let rows_apart = one_line_blocks.len() * 3 >= page.blocks.len() * 2
        && pieces as f32 <= MAX_PIECES_PER_ROW * one_line_blocks.len() as f32;
    page.blocks.len() >= 8 && (single_printed_lines * 3 >= page.blocks.len() * 2 || rows_apart)
}

/// The most pieces a line of a sparse-text page holds on average where
/// OCR glued side-by-side columns on some rows: most rows hold one column's
/// line, a glued one two to four. (Pages that set a paragraph on a line
/// hold 2.3 to 5.4 on the synthetic dev pages; sparse-text dev pages 1.0
/// to 1.8.)
const MAX_PIECES_PER_ROW: f32 = 2.0;

/// Labels the first printed line of a CJK headline set on two lines right
/// before a dateline: the headline's second line was labelled as the line
/// before the dateline; the line above it that opens their block, one
/// piece without a pause or a sentence end, is the headline's first line.
/// The second line may hold, a wide gutter to its right, the headline of
/// an article set beside (OCR reads both across as one line).
/// Why: left as body, it opens a chain of its own and the headline reads
/// from its middle (dev ocr-zh-028 0.749 -> 0.784 with the headline beside).
fn label_first_headline_lines(page: &mut Page) {
    for line_index in 1..page.lines.len() {
        let (above, line) = (&page.lines[line_index - 1], &page.lines[line_index]);
        let first_of_block = page.blocks[above.block].start == line_index - 1;
        // The headline's second line may have the headline of an article
        // set beside it to its right, a wide gutter apart.
        let beside_only = page.pieces[line.pieces.clone()]
            .get(1)
            .is_none_or(|p| matches!(p.gap, super::Gap::Gutter(n) if n >= headings::WIDE_GUTTER_SPACES));
        if above.block != line.block || !first_of_block || above.pieces.len() != 1 || !beside_only {
            continue;
        }
        let heading = &page.pieces[line.pieces.start];
        let before_dateline = page
            .lines
            .get(line_index + 1)
            .is_some_and(|next| is_dateline_start(&page.pieces[next.pieces.start].text));
        let candidate = &page.pieces[above.pieces.start];
        let text = candidate.text.trim();
        let headline_like = candidate.role == Role::Body
            && (4.0..=HEADLINE_MAX_CELLS).contains(&candidate.cells)
            && !text.contains(PAUSES)
            && !text.chars().any(|c| matches!(c, '。' | '！' | '？'))
            && !text.chars().next().is_some_and(is_line_start_forbidden)
            && !is_dateline_start(text);
        if heading.role.is_heading() && before_dateline && headline_like {
            let role = heading.role;
            page.pieces[above.pieces.start].role = role;
        }
    }
}

/// The most lines above the first dateline of a band over which
/// sparse-text OCR may have written the printed lines of the headlines of
/// the articles those datelines open: a row of two headlines of three
/// printed lines each.
const HEADLINE_LINES_REACH: usize = 6;

/// Labels as headlines, on a sparse-text CJK page, the lines right above
/// the first dateline of a band (the articles of a row open there) that
/// read like printed lines of a headline ([`headline_line`]), up to a line
/// that closes the run from above: the page's top, a byline, a dateline,
/// or running text (a sentence end, or wider than a headline, or glued
/// columns). A short line that only fails the headline shape (a comma
/// inside, an end on a pause) leaves the whole run unlabelled, as does a
/// headline found already: the lines below it may be its own rest as well
/// as a column's lines, which the rules for headline rows judge.
/// Why: in psm 11/12 output a headline set on two or three printed lines,
/// and the headlines of articles set side by side, come out as a line
/// each right above the datelines; each is too short, or holds a pause,
/// for the one-line rules, and the one-line "right above a dateline" rule
/// sees only the last of them (dev ocr-zh-024 0.437 -> 0.467, ocr-zh-025
/// 0.358 -> 0.405).
fn label_headline_lines_above_datelines(page: &mut Page) {
    let dated: Vec<usize> = (0..page.lines.len())
        .filter(|&i| is_dateline_start(&page.pieces[page.lines[i].pieces.start].text))
        .collect();
    let firsts =
        dated.iter().enumerate().filter(|&(k, &line)| k == 0 || line - dated[k - 1] > DATELINE_BAND_LINES);
    let firsts: Vec<usize> = firsts.map(|(_, &line)| line).collect();
    label_title_runs_above(page, &firsts, HEADLINE_LINES_REACH, |pieces| {
        if pieces.iter().all(|p| p.role == Role::Fragment) {
            Above::Skipped
        } else if pieces.iter().any(|p| p.role == Role::Headline) {
            // Lines below a headline found already are its own rest or a
            // column's lines, which the row rules judge.
            Above::Stops
        } else if pieces.iter().any(|p| p.role == Role::Byline)
            || is_dateline_start(&pieces[0].text)
            || runs_on(pieces)
        {
            Above::Closes
        } else if headline_line(pieces) {
            Above::Title
        } else {
            Above::Stops
        }
    });
}

/// What a line above a dateline says of the run of title lines being
/// gathered over it.
enum Above {
    /// Specks: looked past.
    Skipped,
    /// Text that ends above the titles (a byline, a dateline, running
    /// text): the run gathered so far is the titles.
    Closes,
    /// Text that may as well go on into the lines below: no titles.
    Stops,
    /// A line that may be a title's printed line.
    Title,
}

/// Labels as headlines the run of lines right above each of `datelines`
/// that `judge` takes for title lines, where a line it reads as closing the
/// run from above (or the page's top) stands over them within `reach`
/// lines; a run that stops, or runs past `reach`, is left as it was.
fn label_title_runs_above(
    page: &mut Page,
    datelines: &[usize],
    reach: usize,
    judge: impl Fn(&[super::Piece]) -> Above,
) {
    for &dateline in datelines {
        let mut found = Vec::new();
        let mut closed = false;
        let mut line_index = dateline;
        while line_index > 0 && found.len() <= reach {
            line_index -= 1;
            match judge(&page.pieces[page.lines[line_index].pieces.clone()]) {
                Above::Skipped => continue,
                Above::Closes => {
                    closed = true;
                    break;
                }
                Above::Stops => break,
                Above::Title if found.len() == reach => break,
                Above::Title => {}
            }
            found.push(line_index);
            closed = line_index == 0;
        }
        if !closed {
            continue;
        }
        for line_index in found {
            for piece in page.lines[line_index].pieces.clone() {
                page.pieces[piece].role = Role::Headline;
            }
        }
    }
}

/// The most lines above a dateline that the printed lines of the
/// headlines over it may take: a row of two headlines of two lines each
/// (OCR glues the two side by side) and a line to spare.
const LATIN_HEADLINE_LINES_REACH: usize = 4;

/// Labels as headlines, on a Latin page, the lines right above a line that
/// opens with a news dateline ("PLACE, Mon 26 -", "Ort – Text"), up to a
/// line that closes the run from above: the page's top, a byline, a
/// dateline, or a line ending a sentence or a date (a paragraph's or a
/// credit's last line). A line broken at a hyphen or holding a comma is
/// running text and leaves the run unlabelled, as do more than
/// [`LATIN_HEADLINE_LINES_REACH`] lines or a headline found already.
/// Why: only a headline, or nothing, stands before a dateline; German
/// titles are in sentence case with a capital on every noun, so none of
/// the shape rules finds them, and where two titles stand side by side
/// OCR glues them into lines that read as body, and the second article
/// opened nowhere (dev `ocr-de-009` 0.247 -> 0.477).
fn label_latin_headline_lines_above_datelines(page: &mut Page) {
    let dated: Vec<usize> = (0..page.lines.len())
        .filter(|&i| is_latin_dateline_start(&page.pieces[page.lines[i].pieces.start].text))
        .collect();
    label_title_runs_above(page, &dated, LATIN_HEADLINE_LINES_REACH, |pieces| {
        let text = pieces.iter().map(|p| p.text.trim()).collect::<Vec<_>>().join(" ");
        let closes_text =
            text.ends_with(['.', '!', '?', ')']) || text.ends_with(|c: char| c.is_ascii_digit());
        if pieces.iter().any(|p| p.role.is_heading()) {
            Above::Stops
        } else if pieces.iter().any(|p| p.role == Role::Byline)
            || closes_text
            || is_latin_dateline_start(&text)
        {
            Above::Closes
        } else if text.ends_with('-') || text.contains(',') {
            Above::Stops
        } else {
            Above::Title
        }
    });
}

/// Lines after a dateline within which another dateline opens an article
/// of the same row (columns not level), not the next row.
const DATELINE_BAND_LINES: usize = 3;

/// Sentence ends anywhere in a line (OCR writes the Chinese exclamation
/// and question marks half-width as often as not) and the semicolon.
fn holds_sentence_end(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';'))
}

/// True for pieces of one OCR line that are running text, not a
/// headline's line: a sentence end inside, more than two pieces (glued
/// columns), or wider than a headline.
fn runs_on(pieces: &[super::Piece]) -> bool {
    let cells: f32 = pieces.iter().map(|p| p.cells).sum();
    pieces.len() > 2 || cells > HEADLINE_MAX_CELLS || pieces.iter().any(|p| holds_sentence_end(&p.text))
}

/// True for pieces of one OCR line that may be a printed line of a
/// headline: no comma inside nor a pause at its end (an enumeration's
/// "、" and a colon stand inside headlines), not a dateline, and not
/// opening on a mark no printed line opens on (a closing quote aside,
/// which OCR parts from the quoted words of a headline).
fn headline_line(pieces: &[super::Piece]) -> bool {
    let text = pieces.iter().map(|p| p.text.trim()).collect::<Vec<_>>().join(" ");
    let first = text.chars().next().unwrap_or(' ');
    !runs_on(pieces)
        && !text.contains(['，', ','])
        && !text.ends_with('、')
        && (!is_line_start_forbidden(first) || matches!(first, '”' | '’'))
        && !is_dateline_start(&text)
}

/// True for the text of a headline's second printed line: a few
/// characters without a pause or a sentence end, no dateline, and not
/// opening on a mark no printed line opens on.
fn ends_headline(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && !text.contains(PAUSES)
        && !text.chars().any(|c| matches!(c, '。' | '！' | '？'))
        && !text.chars().next().is_some_and(is_line_start_forbidden)
        && !is_dateline_start(text)
}

/// How much narrower than the headline's first line its second line is
/// at most, as a share: a headline breaks where its first line is full,
/// so the second holds the rest, while a column's body line under a
/// one-line headline of a two-column article fills about its width.
const SECOND_LINE_SHARE: f32 = 0.8;

/// Labels the second printed lines of a row of side-by-side CJK headlines
/// (articles set side by side, each headline on two printed lines) where
/// sparse-text OCR wrote each on a line of its own right below the row:
/// the `n` lines after a row of `n` headlines that each hold one short
/// piece shaped like a headline's end take the row's role, in the row's
/// order left to right (OCR reads a row's lines across). Why: left as
/// body (or a lone subhead), the second line of the left headline was
/// taken by a column's last line above it, and the right headline went
/// on into the left article's dateline (dev ocr-zh-018).
fn label_second_lines_of_headline_rows(page: &mut Page, rows: &[usize]) {
    for &row in rows {
        let heads: Vec<usize> =
            page.lines[row].pieces.clone().filter(|&i| page.pieces[i].role.is_heading()).collect();
        if !(2..=3).contains(&heads.len()) || heads.len() != page.lines[row].pieces.len() {
            continue;
        }
        let seconds: Vec<usize> = (row + 1..row + 1 + heads.len())
            .filter_map(|l| page.lines.get(l))
            .filter(|l| l.pieces.len() == 1)
            .map(|l| l.pieces.start)
            .collect();
        let shaped = seconds.len() == heads.len()
            && seconds.iter().zip(&heads).all(|(&second, &head)| {
                let (second, head) = (&page.pieces[second], &page.pieces[head]);
                matches!(second.role, Role::Body | Role::Subhead)
                    && second.cells <= SECOND_LINE_SHARE * head.cells
                    && ends_headline(&second.text)
            });
        if shaped {
            let role = page.pieces[heads[0]].role;
            for second in seconds {
                page.pieces[second].role = role;
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::parse_page;
    use super::*;

    /// The role of the first piece whose text starts with `start`.
    fn role_of(page: &Page, start: &str) -> Role {
        page.pieces.iter().find(|p| p.text.starts_with(start)).expect("a piece starting so").role
    }

    #[test]
    fn a_row_of_headlines_in_capitals_over_glued_columns_is_a_headline_row() {
        // Two articles side by side: each line of their headlines in
        // capitals read as one line parted by a column rule (the next
        // line of the row repeats the row's piece count, as a glued row of
        // columns would), then the columns glued line by line.
        let text = "HARBOUR TRADE GROWS AGAIN | RIVER BRIDGE OPENS TO\n\
                    AT THE NORTH QUAY | CARS AND BIKES\n\
                    The port said on Monday that | The mayor opened the bridge\n\
                    trade grew by a fifth in the | on Monday after four years\n\
                    year to March, and that the | of work and long delays that\n\
                    new quay would open in the | the floods had caused, and\n\
                    spring once the cranes were | said the toll would be low.\n";
        let page = parse_page(text, 0, 1);
        let roles = |line: usize| -> Vec<(&str, Role)> {
            page.pieces[page.lines[line].pieces.clone()].iter().map(|p| (p.text.as_str(), p.role)).collect()
        };
        for line in 0..2 {
            let pieces = roles(line);
            assert!(pieces.len() >= 2, "{pieces:?}");
            assert!(
                pieces
                    .iter()
                    .all(|(text, role)| *role == Role::Headline || !text.chars().any(char::is_alphanumeric)),
                "{pieces:?}"
            );
        }
        assert!(roles(2).iter().all(|(_, role)| *role == Role::Body), "{:?}", roles(2));
    }

    #[test]
    fn a_row_of_specks_between_gutters_is_no_headline() {
        // Single glyphs between gutters and a rule, as wide as a headline:
        // noise read out of a picture, not a row of headlines.
        let text = "竹   河畔书屋   石    |     湖光步道今日开放\n\n\
            本报讯（记者林风）近日，河畔新开的一家书屋迎来了第一批读者，书屋里摆满了各类图书，\n\
            居民们纷纷前来借阅，孩子们在角落里安静地读着绘本，老人们则在窗边翻看报纸。\n\
            据介绍，这家书屋由社区和志愿者共同筹建，每天早上八点开门，晚上九点关门。\n\n\
            湖光步道今日开放，沿湖新铺设的木栈道全长三公里，两旁种满了花草树木。";
        let page = parse_page(text, 0, 1);
        assert_eq!(headings::set_apart_specks(&page, 0), 2);
        assert_ne!(role_of(&page, "竹"), Role::Headline);
        assert_ne!(role_of(&page, "河畔书屋"), Role::Headline);
    }

    #[test]
    fn a_lone_speck_beside_a_headline_stays_out_of_it() {
        let text = "湖畔新开书屋迎来首批读者    叶\n\n\
            近日，河畔新开的一家书屋迎来了第一批读者，书屋里摆满了\n\
            各类图书，居民们纷纷前来借阅，孩子们在角落里安静地读着\n\
            绘本，老人们则在窗边翻看报纸，书屋里一片安静祥和。";
        let page = parse_page(text, 0, 1);
        assert_eq!(headings::set_apart_specks(&page, 0), 1);
        assert_eq!(role_of(&page, "湖畔新开"), Role::Headline);
        assert_eq!(role_of(&page, "叶"), Role::Body);
    }

    #[test]
    fn a_short_line_after_a_sentence_end_on_a_sparse_cjk_page_is_body() {
        // Every printed line between blank lines (sparse-text OCR): a short
        // fragment after a sentence end, narrow against the lines below it,
        // is a cut body line, while the page's top line stays a headline.
        let lines = [
            "城市口袋公园建设迎来新变化",
            "今年春天，这座城市新建了多处口袋公园，",
            "居民散步休闲的去处越来越多，绿地面积",
            "也比去年增加了不少。",
            "“公园就在家门口",
            "附近的居民纷纷表示，新的公园让生活更加",
            "便利，孩子们放学后也有了玩耍的地方，老",
            "人们每天都会来这里锻炼身体，大家都说好",
            "园林部门还计划在下半年继续增加座椅，",
            "并且完善照明设施，方便市民夜间散步。",
        ];
        let page = parse_page(&lines.join("\n\n"), 0, 1);
        assert!(lines_set_apart(&page));
        assert_eq!(role_of(&page, "城市口袋"), Role::Headline);
        assert_eq!(role_of(&page, "“公园就在"), Role::Body);
    }

    #[test]
    fn the_top_line_of_a_sparse_cjk_page_is_a_headline_narrower_than_the_body() {
        // Every printed line between blank lines (sparse-text OCR), three
        // columns read across in turn: the top headline, in its larger type
        // over all three, holds fewer characters than one column's line,
        // though not a paragraph's indent fewer.
        let lines = [
            "湖畔新建步道迎来八方客",
            "清晨的湖边已有不少市民在散",
            "管理处介绍，新步道全长六公",
            "沿线还设置了多处观景平台，",
            "步，步道两旁种满了各色花草",
            "里，连通了三个公园和两个社",
            "游客可以在此休息拍照留念。",
            "不少人专程从外地赶来游玩。",
            "区，方便居民日常出行和锻炼",
        ];
        let page = parse_page(&lines.join("\n\n"), 0, 1);
        assert!(lines_set_apart(&page));
        assert_eq!(role_of(&page, "湖畔新建"), Role::Headline);
        assert_eq!(role_of(&page, "清晨的湖边"), Role::Body);
        // A top line with a pause inside reads on as a column's line.
        let mut with_pause = lines;
        with_pause[0] = "湖畔新建步道，迎来八方";
        let page = parse_page(&with_pause.join("\n\n"), 0, 1);
        assert_eq!(role_of(&page, "湖畔新建"), Role::Body);
        // So does one exactly as wide as the column lines: a page whose
        // one-line blocks came out of order may open on any body line.
        let mut column_wide = lines;
        column_wide[0] = "湖畔新建步道迎来八方游客们";
        let page = parse_page(&column_wide.join("\n\n"), 0, 1);
        assert_eq!(role_of(&page, "湖畔新建"), Role::Body);
    }

    #[test]
    fn a_headline_like_piece_beside_the_top_headline_across_a_rule_is_a_headline() {
        // The page's top row: one article's headline and, across a column
        // rule, the headline of the article set beside it.
        let body = "附近的居民纷纷表示新的公园 | 园林部门还计划在下半年继续\n\
                    让生活更加便利，孩子们放学 | 增加座椅，并且完善照明设施\n\
                    后也有了玩耍的地方，老人们 | ，方便市民夜间散步和锻炼身\n\
                    每天都会来这里锻炼身体。 | 体，受到大家的一致好评。\n";
        let text = format!("城市公园建设迎来新变化 | 多地完善夜间照明设施\n\n{body}");
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "城市公园"), Role::Headline);
        assert_eq!(role_of(&page, "| 多地完善"), Role::Headline);
        // A column line that reads on (a pause at its end) is no headline.
        let text = format!("城市公园建设迎来新变化 | 多地完善夜间照明设施，\n\n{body}");
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "| 多地完善"), Role::Body);
    }

    #[test]
    fn a_sentence_case_title_on_two_short_lines_is_a_headline() {
        let body = "The council met on Monday to talk about the new plan for the\n\
                    roads of the region, which the mayor put to the members in\n\
                    the spring after a long debate about the costs of the work.\n";
        let text = format!("{body}\nCouncil backs plan\nfor new roads\n\n{body}");
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "Council backs"), Role::Headline);
        assert_eq!(role_of(&page, "for new roads"), Role::Headline);
        // Two lines as wide as the body, or a second line that reads on
        // into a phrase, are running text.
        let text = format!(
            "{body}\nCouncil backs the plan for the new roads of the\nregion and its towns\n\n{body}"
        );
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "Council backs"), Role::Body);
        let text = format!("{body}\nCouncil backs plan\nfor roads of the\n\n{body}");
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "for roads"), Role::Body);
    }

    #[test]
    fn a_headline_piece_opening_in_lower_case_with_no_heading_above_is_only_a_subhead() {
        // A title and its wrapped second line, two columns of running text,
        // then a title whose first lines went unlabelled (read as body) and
        // whose last line sits right above its article's dateline.
        let text = "Lantern bridge opens over\n\
                    the Velmora river\n\
                    Mayor Tilda Fenwick opened the new\n\
                    bridge on Sunday as the festival\n\
                    began, and said the toll would stay\n\
                    low for the first year of its use.\n\
                    Harbour cranes stand idle\n\
                    over the winter\n\
                    PORT HOLM, Mar 3 - The harbour board\n\
                    said on Monday that the cranes would\n";
        let mut page = parse_page(text, 0, 1);
        // What a row or shape test may do to a line of running text.
        for start in ["the Velmora", "bridge on Sunday", "over the winter"] {
            let index = page.pieces.iter().position(|p| p.text.starts_with(start)).expect("a piece");
            page.pieces[index].role = Role::Headline;
        }
        let headline = page.pieces.iter().position(|p| p.text.starts_with("Lantern")).expect("a piece");
        page.pieces[headline].role = Role::Headline;
        unlabel_lower_case_headline_starts(&mut page);
        // A title's wrapped line under the title stays in it.
        assert_eq!(role_of(&page, "the Velmora"), Role::Headline);
        // A column's line with no heading above is left to the assembler.
        assert_eq!(role_of(&page, "bridge on Sunday"), Role::Subhead);
        // So is no title's last line right above its article's dateline.
        assert_eq!(role_of(&page, "over the winter"), Role::Headline);
    }

    #[test]
    fn a_line_with_an_auxiliary_verb_under_a_headline_is_its_first_body_line() {
        let story = "Lantern bridge opens over Velmora river\n\
                     Mayor Tilda Fenwick has opened\n\
                     Velmora's new lantern bridge as the\n\
                     river festival began on Sunday. The\n\
                     bridge links the old harbour to the\n\
                     market square on the far bank.\n";
        let page = parse_page(story, 0, 1);
        assert_eq!(role_of(&page, "Lantern bridge"), Role::Headline);
        assert_eq!(role_of(&page, "Mayor Tilda"), Role::Body);
    }

    #[test]
    fn a_line_alone_as_wide_as_the_column_lines_above_is_running_text() {
        // Two glued columns of ten-character lines, then one ten-character
        // line of the first column alone between blank lines.
        let above = "今年夏天这个地区降雨 比往年同期明显偏多了\n\
                     各地水库蓄水位普遍上 涨有关部门提前做好了\n\
                     防汛准备工作并且加强 巡查力度确保安全度汛\n";
        let below = "据介绍,调整将于下月实施。\n";
        let page = parse_page(&format!("{above}\n城区内涝点位已经全部\n\n{below}"), 0, 1);
        assert_eq!(role_of(&page, "城区内涝"), Role::Body);
        // A headline holds fewer characters than the column lines it spans.
        let page = parse_page(&format!("{above}\n城区治理见成效\n\n{below}"), 0, 1);
        assert!(role_of(&page, "城区治理").is_heading());
    }

    #[test]
    fn headline_alone_between_blank_lines() {
        let page = parse_page("全市公交线路调整方案公布\n\n据介绍,调整将于下月实施。\n", 0, 1);
        assert_eq!(page.pieces[0].role, Role::Headline);
        assert_eq!(page.pieces[1].role, Role::Body);
    }

    #[test]
    fn short_first_line_above_body_is_a_headline() {
        let page = parse_page(
            "全市公交线路调整方案今起公布\n本报讯 全市公交线路将于下月起调整，\n涉及二十多条线路，市民出行前可以\n",
            0,
            1,
        );
        assert_eq!(page.pieces[0].role, Role::Headline);
        assert_eq!(page.pieces[1].role, Role::Body);
    }

    /// An article of three glued columns whose last column runs on beside
    /// the headline of a second article set under its first two columns
    /// (the headline holds a space, and a speck stands in the gutter).
    const HEADLINE_BESIDE_A_COLUMN: &str = "城市更新工作稳步推进\n\
        本市今年以来加快推进城市更新工    市住房和建设部门负责人介绍说，    下一步，有关部门还将继续加大资\n\
        作，各区按照计划有序开展各项任    今年全市共有一百多个项目开工建    金投入力度，完善项目管理制度，\n\
        务，老旧街区的面貌发生了明显变    设，涉及道路管网绿化照明等多个    确保各项工程质量和施工安全，让\n\
        化，居民的生活环境不断得到改善    方面，预计年底前将全部完成建设    群众切实感受到城市更新带来的实\n\
        老旧小区改造 焕发新活力    1    际好处，共同建设美丽宜居城市。\n\
        “过去一到下雨天，楼下就积水，    了，出门再也不用担心踩一脚泥。\n\
        现在好多了。”城东一位居民说，    据了解，该小区的改造工程去年秋\n\
        小区的路面重新铺好，排水也通畅    天开工，今年春天已经全部完工。\n";

    #[test]
    fn a_headline_beside_a_column_above_a_paragraph_start_is_one_headline() {
        let page = parse_page(HEADLINE_BESIDE_A_COLUMN, 0, 1);
        let line = &page.pieces[page.lines[5].pieces.clone()];
        assert_eq!(line[0].text, "老旧小区改造 焕发新活力");
        assert_eq!(line[0].role, Role::Headline);
        // The column's line beside it stays running text.
        assert_eq!(role_of(&page, "际好处"), Role::Body);
    }

    #[test]
    fn a_short_column_line_above_a_quote_inside_a_paragraph_is_body() {
        // The same rows with the headline replaced by a full column line:
        // as wide as the column, it runs on into the quote below.
        let text =
            HEADLINE_BESIDE_A_COLUMN.replace("老旧小区改造 焕发新活力", "有关部门表示小区改造将继续推进");
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "有关部门表示"), Role::Body);
    }

    #[test]
    fn a_glued_row_of_two_columns_after_a_paragraph_end_is_no_headline() {
        // Two glued columns; after a paragraph end in the second, a row of
        // two column lines without a pause (together as wide as a
        // headline, twice the column) and the columns go on below it.
        let text = "市场监管部门近日开展    各地相关部门迅速行动\n\
                    专项检查工作，重点整    起来。\n\
                    治虚假宣传等违法行为    “下一步还将继续保持\n\
                    截至目前共查处案件三    高压态势。”\n\
                    百多起，罚没款两千多    “坚决维护消费者合法\n\
                    万元，受到群众欢迎。    权益，让人放心。”\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "治虚假宣传"), Role::Body);
        assert_eq!(role_of(&page, "“下一步"), Role::Body);
    }

    #[test]
    fn headline_with_a_space_is_one_headline() {
        let page = parse_page(
            "出行更方便快捷 服务更贴心周到\n\n全市公交线路将于下月起调整，涉及二十多条线路。\n",
            0,
            1,
        );
        assert_eq!(page.pieces[0].role, Role::Headline);
        assert_eq!(page.pieces[0].text, "出行更方便快捷 服务更贴心周到");
        assert_eq!(page.pieces[1].role, Role::Body);
    }

    #[test]
    fn a_short_title_among_lines_each_set_between_blank_lines_is_found() {
        let body = [
            "The council said on Monday that the new bridge",
            "would open in the spring after four years of work.",
            "Local traders welcomed the news and the mayor",
            "thanked the workers who had built it in the cold.",
            "Rail strike called off",
            "Union leaders called off next week's rail strike",
            "after talks with the operator ended late on Sunday",
            "with a new offer on pay and hours for the drivers.",
            "Passengers had been warned of long delays across",
            "the network and many had made other plans to travel.",
        ];
        let text = body.join("\n\n");
        let page = parse_page(&text, 0, 1);
        assert!(role_of(&page, "Rail strike").is_heading());
        assert_eq!(role_of(&page, "Union leaders"), Role::Body);
    }

    #[test]
    fn a_line_standing_alone_that_leaves_its_phrase_open_is_no_title() {
        let text = "Rail strike called off tonight\n\n\
                    Union leaders said the strike will be\n\n\
                    Passengers had been warned of long delays across the network.\n";
        let page = parse_page(text, 0, 1);
        assert!(role_of(&page, "Rail strike").is_heading());
        assert_eq!(role_of(&page, "Union leaders"), Role::Body, "ends on an auxiliary");
    }

    #[test]
    fn a_title_right_under_a_column_cut_mid_sentence_is_found() {
        let text = "The council said on Monday that the new\n\
                    bridge would open in the spring after\n\
                    four years of work, and that the\n\
                    Rail strike called off tonight\n\
                    Union leaders called off next week's rail\n\
                    strike after talks with the operator.\n";
        let page = parse_page(text, 0, 1);
        assert!(role_of(&page, "Rail strike").is_heading());
        assert_eq!(role_of(&page, "four years"), Role::Body, "ends on a short lower-case word");
    }

    #[test]
    fn a_full_line_ending_on_a_name_broken_over_the_line_end_is_no_title() {
        let text = "The council said on Monday that the new\n\
                    bridge would open in the spring after\n\
                    four years of work and heavy floods.\n\
                    Its shares closed on the exchange in Port\n\
                    Elmsworth at a record high in the report.\n\
                    Traders said demand for the shares had\n\
                    risen sharply since the spring of last\n\
                    year, when the first plans were shown.\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "Its shares"), Role::Body);
        // A shorter line ending on a name is still a title.
        let page = parse_page(
            &text.replace("Its shares closed on the exchange in Port", "Bridge opens in Port"),
            0,
            1,
        );
        assert!(role_of(&page, "Bridge opens").is_heading());
    }

    #[test]
    fn a_line_far_wider_than_the_narrow_lines_around_it_is_a_title_even_after_a_cut_column() {
        // Every printed line between blank lines; a narrow column cut
        // mid-sentence, then an article set in below with a title spanning
        // its columns.
        let lines = [
            "Der Stadtrat hat am Montag",
            "erklärt, dass die neue Brücke",
            "im Frühjahr nach vier Jahren",
            "Bauzeit für den Verkehr",
            "Neue Fähre verbindet die beiden Ufer des Sees ab dem Sommer",
            "Seedorf – Die neue Fähre soll",
            "ab Juni im Stundentakt fahren,",
            "teilte der Betreiber mit. Die",
        ];
        let page = parse_page(&lines.join("\n\n"), 0, 1);
        assert_eq!(role_of(&page, "Neue Fähre"), Role::Headline);
        // The same line before a line that runs on in lower case is no title.
        let lines_run_on: Vec<&str> = lines
            .iter()
            .map(|l| if l.starts_with("Seedorf") { "und die neue Fähre soll" } else { l })
            .collect();
        let page = parse_page(&lines_run_on.join("\n\n"), 0, 1);
        assert_eq!(role_of(&page, "Neue Fähre"), Role::Body);
    }

    #[test]
    fn capitalised_nouns_do_not_make_titles() {
        let text = "Der Stadtrat hat am Montag erklärt, dass die\n\
                    neue Brücke im Frühjahr nach vier Jahren\n\
                    Bauzeit für den Verkehr geöffnet wird und\n\
                    Händler und Anwohner die Nachricht begrüßen\n\
                    Der Bürgermeister dankte den Arbeitern am Bau.\n";
        let page = parse_page(text, 0, 1);
        assert!(page.pieces.iter().all(|p| p.role == Role::Body));
    }

    #[test]
    fn a_column_width_line_before_a_lower_case_block_is_running_text() {
        let text = "The city council met on\n\nMonday to decide the new\nbudget for the coming\nyear of public works.\n\nThe mayor said that many\n\nresidents had asked for\nbetter roads and new\nschools in the north.\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "The mayor said"), Role::Body);
        // The same line before a block that starts a sentence stands alone
        // as a headline would.
        assert_eq!(role_of(&page, "The city council"), Role::Headline);
    }

    #[test]
    fn sentence_case_title_lines_over_a_place_dash_dateline_are_headlines() {
        // Two invented titles glued side by side over their two datelines,
        // under the last line of an article above.
        let text = "the harbour closed early that evening.\n\
                    Neue Brücke über den Fluss   Streit um die\n\
                    bleibt gesperrt   Schulreform geht weiter\n\
                    Nordstadt – Die neue Brücke   Südheim – Der Rat der\n\
                    wird nicht vor dem Sommer   Gemeinde hat am Montag\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "Neue Brücke"), Role::Headline);
        assert_eq!(role_of(&page, "bleibt gesperrt"), Role::Headline);
        assert_eq!(role_of(&page, "Nordstadt"), Role::Body);
        // Running text above a dateline (a comma, a broken word) is no title.
        let text = "the harbour closed early that evening.\n\
                    die Leute sagten, dass sie warten und\n\
                    Nordstadt – Die neue Brücke\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "die Leute"), Role::Body);
    }

    #[test]
    fn the_line_before_a_dateline_is_a_headline_and_the_dateline_is_not() {
        // Lines of a neighbouring column run on around the headline.
        let text = "今年夏天这个地区的降\n\n全市公交线路调整方案公布\n\n本报杭州5月8日\n\n雨量比往年同期明显偏\n\n电（记者王明）全市\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "全市公交"), Role::Headline);
        assert_eq!(role_of(&page, "本报杭州"), Role::Body);
        assert!(is_dateline_start("新华社上海5月1日电"));
        assert!(!is_dateline_start("今年夏天这个地区的降雨量"));
        assert!(is_dateline_start("本报讯（记者王明）全市"));
        assert!(!is_dateline_start("本报记者 王明"), "a credit, not a dateline");
    }

    #[test]
    fn a_line_with_a_pause_before_a_dateline_on_a_sparse_cjk_page_is_body() {
        // Every printed line between blank lines: a neighbouring column's
        // paragraph start, read across level with the next article's
        // dateline, is running text; the headline above stays one.
        let text = "今年夏天这个地区的降雨\n\n量比往年同期明显偏多，\n\n部分河流的水位已经超过\n\n\
                    警戒线，有关部门提醒市\n\n全市公交线路调整方案公布\n\n本报杭州5月8日电（记\n\n\
                    与此同时， 全市各区\n\n本报宁波5月8日电（记\n\n者王明）全市公交线路\n\n\
                    民注意出行安全，避免前\n\n往河边和低洼地带活动。\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "全市公交线路调整"), Role::Headline);
        assert_eq!(role_of(&page, "与此同时"), Role::Body);
    }

    #[test]
    fn a_headline_beside_a_ruled_column_is_judged_without_it() {
        // The text after the rule belongs to another column; with it the
        // line is too wide for a headline.
        // (Below an article: at the page's top, nothing runs on beside a
        // headline and a headline-like piece there is one of its own.)
        let text = "上一篇文章的最后一段文字到这里结束。 | 另一栏的文字也是这样写的

                    全市公交线路调整方案今天正式公布 | 另一栏的文字出现在这里

                    本报杭州5月8日电（记者王明）全市 | 公交线路将于下月起调整，涉及
                    公交线路将于下月起调整，涉及二十 | 多条线路和一百多个站点，调整
";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "全市公交线路调整方案"), Role::Headline);
        assert_eq!(role_of(&page, "| 另一栏"), Role::Body);
    }

    #[test]
    fn a_headline_beside_a_column_line_right_above_a_dateline_is_judged_without_it() {
        // The long last column of the article above runs on beside the next
        // article's headline, a wide gutter apart; the headline's line is
        // too wide with it. Without the dateline below, nothing says the
        // line opens an article.
        let line = "全市公交线路调整方案今天正式公布        责任，提升果蔬冷链储运水平";
        let below = "本报杭州5月8日电| 全市公交线路将于下月起调整 | 和种植收益，带动冷链物流
                     (记者王明) 今年 | 涉及二十多条线路和一百多个 | 行业稳步向前走。";
        // (Below the article above: at the page's top, nothing runs on
        // beside a headline.)
        let above = "上一篇文章的最后一段文字到这里结束。        另一栏的文字也是这样写的，\n";
        let page = parse_page(&format!("{above}{line}\n{below}\n"), 0, 1);
        assert_eq!(role_of(&page, "全市公交线路调整方案"), Role::Headline);
        assert_eq!(role_of(&page, "责任，提升"), Role::Body);
        let below = "今天全市公交线路将于下月起| 全市公交线路将于下月起调整 | 和种植收益，带动冷链物流
                     调整，涉及二十多条线路 | 涉及二十多条线路和一百多个 | 行业稳步向前走。";
        let page = parse_page(&format!("{line}\n{below}\n"), 0, 1);
        assert_eq!(role_of(&page, "全市公交线路调整方案"), Role::Body);
    }

    #[test]
    fn a_stray_glyph_beside_a_headline_is_left_out_of_it() {
        // "的" set apart by a gutter is a speck read as a glyph: with it the
        // line would end on a linking character.
        let text = "     全市公交线路调整方案公布      的
                    本报杭州5月8日电（记者王明） 今年夏天这个地区的降雨
                    全市公交线路将于下月起调整， 量比往年同期明显偏多。
";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "全市公交线路调整方案"), Role::Headline);
        assert_eq!(role_of(&page, "的"), Role::Body);
    }

    #[test]
    fn two_glued_columns_before_a_rule_are_no_headline() {
        let text = "公交线路调整涉及 全市二十多条线路 | 另一栏的文字出现在这里

                    线路将于下月起调 整，涉及二十多条 | 公交线路将于下月起调整，涉及
                    线路和一百多个站 点，调整后的线路 | 多条线路和一百多个站点，调整
";
        let page = parse_page(text, 0, 1);
        assert!(page.pieces[page.lines[0].pieces.clone()].iter().all(|p| p.role == Role::Body));
    }

    /// A sparse-text Latin page: every printed line between blank lines,
    /// two columns read across, then `tail`.
    fn sparse_latin_page(tail: &str) -> String {
        let lines = [
            "The council met on Monday to discuss",
            "the plan for the new bridge over",
            "the budget for next year and the",
            "the river, which has been delayed.",
            "costs of the road works in town.",
        ];
        let mut text = lines.iter().map(|l| format!("{l}\n\n")).collect::<String>();
        text.push_str(tail);
        text
    }

    #[test]
    fn two_title_shaped_lines_after_a_sentence_end_on_a_sparse_page_open_an_article() {
        let text = sparse_latin_page(
            "Harbour plans new ferry service\n\nSchool heads warn over funding\n\n             the town said it would run boats\n\nteachers say the money is not\n\n",
        );
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "Harbour plans"), Role::Headline);
    }

    #[test]
    fn the_second_of_two_title_shaped_lines_on_a_sparse_page_is_a_headline_too() {
        // The second title follows the first, not a sentence end: a
        // headline all the same (dev ocr-en-013 0.364 -> 0.469).
        let text = sparse_latin_page(
            "Harbour plans new ferry service\n\nSchool heads warn over funding for schools\n\nthe town said it would run\n\nteachers say the money is not\n\n",
        );
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "Harbour plans"), Role::Headline);
        assert_eq!(role_of(&page, "School heads"), Role::Headline);
        // Not after a title that opened a pair: a line of running text.
        let text = sparse_latin_page(
            "Harbour plans were shown to the\n\nSchool heads warn over funding for schools\n\nthe town said it would run\n\nteachers say the money is not\n\n",
        );
        let page = parse_page(&text, 0, 1);
        assert_ne!(role_of(&page, "School heads"), Role::Headline);
    }

    /// A sparse-text Latin page whose last line runs on mid-sentence (a
    /// column of another article read across), then `tail`.
    fn sparse_latin_page_cut_mid_sentence(tail: &str) -> String {
        let lines = [
            "The council met on Monday to discuss",
            "the plan for the new bridge over",
            "the budget for next year and the",
            "the river, which has been delayed",
            "costs of the road works in the old",
        ];
        let mut text = lines.iter().map(|l| format!("{l}\n\n")).collect::<String>();
        text.push_str(tail);
        text
    }

    /// Column lines of an article below its first paragraph line.
    const COLUMN_BELOW: &str =
        "leaders called off the strike after\n\ntalks with the operator ended late\n\n\
                                on Sunday with a new offer on pay\n\nand hours for all of the drivers in\n\n";

    #[test]
    fn a_title_above_a_short_paragraph_start_on_a_sparse_page_is_a_headline_after_a_cut_column() {
        // No sentence end before it: the line above is the last of another
        // article's column. The short line below opens a paragraph.
        let text = sparse_latin_page_cut_mid_sentence(&format!(
            "Harbour plans new ferry service\n\nThe union said its\n\n{COLUMN_BELOW}"
        ));
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "Harbour plans"), Role::Headline);
        // Two titles side by side, read one after the other: both.
        let text = sparse_latin_page_cut_mid_sentence(&format!(
            "Harbour plans new ferry service\n\nSchool heads warn over funding\n\nThe union said its\n\n{COLUMN_BELOW}"
        ));
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "Harbour plans"), Role::Headline);
        assert_eq!(role_of(&page, "School heads"), Role::Headline);
        // A line as wide as the column below it is no paragraph start.
        let text = sparse_latin_page_cut_mid_sentence(&format!(
            "Harbour plans new ferry service\n\nThe union said that its members\n\n{COLUMN_BELOW}"
        ));
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "Harbour plans"), Role::Body);
        // Nor one in lower case.
        let text = sparse_latin_page_cut_mid_sentence(&format!(
            "Harbour plans new ferry service\n\nthe union said its\n\n{COLUMN_BELOW}"
        ));
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "Harbour plans"), Role::Body);
    }

    #[test]
    fn word_fragments_below_a_line_on_a_sparse_page_do_not_make_it_wide() {
        // A sentence starts after a sentence end; OCR read the printed
        // lines below it in fragments of a word, then whole column lines
        // as wide as it.
        let text = sparse_latin_page(
            "Boat owners were unwilling to sell\n\nFerry\n\nfares\n\nrose\n\n\
             boats at the price the town had set\n\nfor the new service on the river\n\n\
             and the harbour master said that the\n\n",
        );
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "Boat owners"), Role::Body);
    }

    #[test]
    fn one_title_shaped_line_on_a_sparse_page_is_no_headline() {
        let text = sparse_latin_page(
            "Harbour plans were shown to the\n\nthe town said it would run boats\n\n             public at a meeting last week and\n\nteachers say the money is not\n\n",
        );
        let page = parse_page(&text, 0, 1);
        assert_eq!(role_of(&page, "Harbour plans"), Role::Body);
    }

    #[test]
    fn headlines_of_two_articles_side_by_side_are_two_headlines() {
        let text = [
            "全市公交线路调整方案今天公布 老城区改造工程进入收尾阶段\n",
            "\n",
            "据介绍，全市公交 线路将于下月起调 改造工程自去年开 工，已完成全部主\n",
            "整，涉及二十多条 线路和一百多个站 体工程，道路和管 网正在铺设之中，\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        let headline: Vec<(&str, Role)> =
            page.pieces[page.lines[0].pieces.clone()].iter().map(|p| (p.text.as_str(), p.role)).collect();
        assert_eq!(
            headline,
            vec![
                ("全市公交线路调整方案今天公布", Role::Headline),
                ("老城区改造工程进入收尾阶段", Role::Headline)
            ]
        );
    }

    /// A sparse-text page (every printed line between blank lines) with a
    /// row of two side-by-side headlines whose second printed lines OCR
    /// wrote each on a line of its own right below the row, `second` and
    /// `third` standing for them.
    pub(crate) fn headline_row_with_second_lines(second: &str, third: &str) -> String {
        [
            "城市道路拥堵交通部门正在治理。",
            "全市公交线路调整方案今天 老城区改造工程进入收尾",
            second,
            third,
            "本报杭州5月8日电 线路将于下月起调",
            "本报杭州5月9日电 工，已完成全部主",
            "整，涉及二十多条线路和一百",
            "体工程，道路和管网正在铺设",
            "多个站点，市民出行需要留意",
            "之中，预计年底前全部完工。",
        ]
        .iter()
        .map(|line| format!("{line}\n\n"))
        .collect()
    }

    /// A sparse-text page of two side-by-side columns whose rows OCR glued
    /// (one space for the gutter) on every second line, each line between
    /// blank lines, or a page that sets every paragraph on one line.
    fn sparse_page_with_glued_rows() -> String {
        [
            "全市公交线路调整方案今天正式公布，",
            "老城区改造工程进入收尾阶段，道路 线路将于下月起调整，涉及二十",
            "和管网正在铺设之中，预计年底前全",
            "多条线路和一百多个站点，市民出行 部完工，沿街商户已陆续恢复营业",
            "需要留意站牌上的新的线路和时刻表",
            "附近居民表示施工期间出行不太方便 交通部门还将根据客流变化再作调",
            "整，并在各站点张贴线路变动说明。",
            "现在道路拓宽以后通行顺畅了许多。",
            "部分线路的首末班车时间也有调整",
            "据介绍，改造后的老城区将新增停车 请乘客提前查询，合理安排出行。",
        ]
        .iter()
        .map(|line| format!("{line}\n\n"))
        .collect()
    }

    #[test]
    fn a_sparse_page_whose_rows_are_often_glued_still_sets_its_lines_apart() {
        let page = parse_page(&sparse_page_with_glued_rows(), 0, 1);
        assert!(lines_set_apart(&page));
        // Its column lines are no headlines for standing between blank lines.
        assert_eq!(role_of(&page, "需要留意"), Role::Body);
        assert_eq!(role_of(&page, "部分线路"), Role::Body);
        // A page that sets each paragraph of several printed lines on one
        // line (the line breaks left as spaces) is no sparse-text page.
        let paragraphs: String = (0..10)
            .map(|_| "全市公交线路调整方案 今天正式公布线路将 于下月起调整涉及二 十多条线路和站点。\n\n")
            .collect();
        assert!(!lines_set_apart(&parse_page(&paragraphs, 0, 1)));
    }

    #[test]
    fn second_lines_of_a_headline_row_written_apart_take_the_row_role() {
        let page = parse_page(&headline_row_with_second_lines("正式公布", "阶段"), 0, 1);
        assert_eq!(role_of(&page, "全市公交"), Role::Headline);
        assert_eq!(role_of(&page, "正式公布"), Role::Headline);
        assert_eq!(role_of(&page, "阶段"), Role::Headline);
        // Lines with a pause, or as wide as the headline, are body text.
        let page = parse_page(&headline_row_with_second_lines("正式，公布", "阶段"), 0, 1);
        assert_ne!(role_of(&page, "正式，公布"), Role::Headline);
        assert_ne!(role_of(&page, "阶段"), Role::Headline);
        let page = parse_page(&headline_row_with_second_lines("据介绍全市公交线路将于", "阶段"), 0, 1);
        assert_ne!(role_of(&page, "据介绍"), Role::Headline);
    }

    #[test]
    fn a_row_of_headlines_over_their_datelines_is_found_without_a_paragraph_end_above() {
        // The row follows a line cut mid-sentence, and a speck OCR read as a
        // closing quote leads the second headline; the datelines below say
        // the row opens two articles.
        let text = [
            "城市道路拥堵交通部门正在治理
",
            "全市公交线路调整方案今天公布 ”老城区改造工程进入收尾阶段
",
            "本报杭州5月8日电 线路将于下月起调 本报杭州5月9日电 工，已完成全部主
",
            "整，涉及二十多条 线路和一百多个站 体工程，道路和管 网正在铺设之中，
",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        let row: Vec<(&str, Role)> =
            page.pieces[page.lines[1].pieces.clone()].iter().map(|p| (p.text.as_str(), p.role)).collect();
        assert_eq!(
            row,
            vec![
                ("全市公交线路调整方案今天公布", Role::Headline),
                ("”老城区改造工程进入收尾阶段", Role::Headline)
            ]
        );
        // Without the datelines the same row is running text.
        let plain =
            text.replace("本报杭州5月8日电", "据介绍全市公交").replace("本报杭州5月9日电", "改造工程自去年");
        let page = parse_page(&plain, 0, 1);
        assert!(page.pieces[page.lines[1].pieces.clone()].iter().all(|p| p.role == Role::Body));
    }

    #[test]
    fn a_headline_cut_at_a_column_width_before_a_dateline_is_no_row_of_two() {
        // One headline the glued cutter cut in two: one dateline below.
        let text = "全市公交线路调整方案今天正式公布实施细则

                    一二三四五六七八九十 甲乙丙丁戊己庚辛壬癸
本报杭州5月8日电 子丑寅卯辰巳午未申酉
";
        let page = parse_page(text, 0, 1);
        assert_eq!(page.lines[0].pieces.len(), 1);
        assert!(page.pieces[0].role.is_heading());
    }

    #[test]
    fn a_dateline_broken_right_after_its_date_still_opens_a_paragraph() {
        assert!(is_dateline_start("本报北京2月17日"));
        assert!(is_dateline_start("本报南宁3月24日 "));
        assert!(!is_dateline_start("本报北京2月17日召开会议"), "a date inside running text");
        assert!(!is_dateline_start("北京2月17日"), "no paper's name");
    }

    #[test]
    fn the_first_line_of_a_two_line_headline_before_a_dateline_is_a_heading() {
        let text = "据介绍，全市公交线路将于下月起调整。

全市公交线路调整
方案今天正式公布

                    本报杭州5月8日电（记者王明）全
市公交线路将于下月起调整，涉及二
";
        let page = parse_page(text, 0, 1);
        let role = |start: &str| page.pieces.iter().find(|p| p.text.starts_with(start)).unwrap().role;
        assert!(role("方案今天").is_heading());
        assert!(role("全市公交线路调整").is_heading());
        assert_eq!(role("据介绍"), Role::Body);
    }

    #[test]
    fn the_first_headline_line_is_a_heading_with_another_headline_beside_its_second() {
        // The second line of the left headline shares its OCR line with the
        // headline of an article set beside it, a wide gutter apart.
        let text = "“城市交通: 2025年度全市公交线路调
整方案公布                                   省城推进人工智能开放创新

本报杭州5月8日电（记者王明）全|市民出行更加方便快捷，涉及二| 本报南宁6月9日电（记者李华）
市公交线路将于下月起调整，涉及|十多条线路和一百多个站点的变| 全省发布数字经济创新发展规划
";
        let page = parse_page(text, 0, 1);
        let role = |start: &str| page.pieces.iter().find(|p| p.text.starts_with(start)).unwrap().role;
        assert!(role("整方案公布").is_heading());
        assert!(role("“城市交通").is_heading());
    }

    #[test]
    fn a_paragraph_line_is_no_row_of_headlines() {
        let text = "全市公交线路将于下月起调整 涉及二十多条线路和一百多 个站点；调整后的线路覆盖\n\n据介绍 全市公交 线路将于 下月起调 整涉及二 十多条线\n";
        let page = parse_page(text, 0, 1);
        assert!(page.pieces[page.lines[0].pieces.clone()].iter().all(|p| p.role == Role::Body));
    }

    #[test]
    fn a_line_spaced_around_a_bracketed_aside_is_running_text() {
        let line = |middle: &str| {
            format!("今年夏天这个地区的降雨量比往年同期明显偏多。\n2025年度全市公交线路 {middle} 调整方案\n据介绍，全\n市公交线路\n将于下月起\n")
        };
        let page = parse_page(&line("（北城区）"), 0, 1);
        assert_eq!(role_of(&page, "2025年度"), Role::Body);
        // A quoted phrase set between spaces is a headline's.
        let page = parse_page(&line("“北城区”"), 0, 1);
        assert_eq!(role_of(&page, "2025年度"), Role::Headline);
    }

    /// A sparse-text CJK page (every printed line between blank lines):
    /// a column ending a sentence, `head` (the lines of a headline), a
    /// dateline and its article's column.
    fn sparse_page_with_headline_lines(head: &[&str]) -> String {
        let above = ["全市公交线路调整方案今天正式公布，线", "路将于下月起调整，涉及二十多条线路。"];
        let below = [
            "本报杭州5月8日电 （记者王明）老城区道",
            "路改造工程今天开工，道路和管网正在铺",
            "设之中，预计年底前全部完工，沿街商户",
            "已陆续恢复营业，市民出行需要留意站牌",
            "上新的线路和时刻表，合理安排出行时间",
            "附近居民表示施工期间出行不太方便。",
        ];
        above.iter().chain(head).chain(&below).map(|line| format!("{line}\n\n")).collect()
    }

    #[test]
    fn the_lines_of_a_headline_written_apart_above_a_dateline_are_a_headline() {
        let page = parse_page(
            &sparse_page_with_headline_lines(&["老城区道路改造、管网", "铺设工程全面", "开工"]),
            0,
            1,
        );
        assert!(lines_set_apart(&page));
        assert_eq!(role_of(&page, "老城区道路"), Role::Headline);
        assert_eq!(role_of(&page, "铺设工程"), Role::Headline);
        assert_eq!(role_of(&page, "开工"), Role::Headline);
        // The walk up stops at the column's sentence end.
        assert_eq!(role_of(&page, "路将于下月"), Role::Body);
        assert_eq!(role_of(&page, "全市公交"), Role::Body);
    }

    #[test]
    fn running_text_above_a_dateline_on_a_sparse_page_is_no_headline() {
        // A line ending on a pause right above the dateline is a column's
        // line going on elsewhere: nothing above it is taken either.
        let page = parse_page(
            &sparse_page_with_headline_lines(&["老城区道路改造、管网", "铺设工程全面开工，"]),
            0,
            1,
        );
        assert_ne!(role_of(&page, "老城区道路"), Role::Headline);
        assert_eq!(role_of(&page, "铺设工程"), Role::Body);
        // Nor is a run whose top is a short line with a comma inside.
        let page =
            parse_page(&sparse_page_with_headline_lines(&["老城区道路，管网铺设", "工程全面开工"]), 0, 1);
        assert_ne!(role_of(&page, "老城区道路"), Role::Headline);
        assert_ne!(role_of(&page, "工程全面"), Role::Headline);
    }

    #[test]
    fn the_first_line_of_a_sparse_page_wider_than_the_body_is_a_headline_despite_a_comma() {
        let text = format!(
            "公交线路调整，市民出行更方便更快捷 （民生）\n\n{}",
            sparse_page_with_headline_lines(&["老城区道路改造"])
        );
        let page = parse_page(&text, 0, 1);
        assert!(lines_set_apart(&page));
        assert_eq!(role_of(&page, "公交线路调整"), Role::Headline);
        // As wide as the body below, it is a column's line.
        let text = format!(
            "公交线路调整，市民出行更方便更\n\n{}",
            sparse_page_with_headline_lines(&["老城区道路改造"])
        );
        assert_eq!(role_of(&parse_page(&text, 0, 1), "公交线路调整"), Role::Body);
    }

    /// The role of the line `first` (found by its first six characters) set
    /// alone in its block above two lines of body text.
    fn role_alone_above_body(first: &str) -> Role {
        let body = "据介绍，全市公交线路将于下月起调整，涉\n及二十多条线路和一百多个站点，调整后\n";
        let page = parse_page(&format!("{first}\n\n{body}"), 0, 1);
        role_of(&page, &first.chars().take(6).collect::<String>())
    }

    #[test]
    fn a_headline_with_a_comma_and_a_bracketed_kicker_alone_above_body_is_a_headline() {
        // A feature's headline: no dateline below, a comma inside, and the
        // column's kicker after a space, alone in its block.
        assert_eq!(role_alone_above_body("公交线路调整，市民出行更方便 （民生）"), Role::Headline);
        // A bracketed aside in the middle, or one holding more than a
        // kicker's few characters, is still running text.
        assert_eq!(role_alone_above_body("公交线路调整 （北城区） 市民出行更方便"), Role::Body);
        assert_eq!(role_alone_above_body("公交线路调整，市民出行 （2025年北城区）"), Role::Body);
    }

    #[test]
    fn a_headline_with_a_kicker_as_wide_as_the_body_is_still_a_headline() {
        // Nineteen cells, like the body lines below: the kicker at its end
        // says headline, where the width alone would say a body line.
        let body = "据介绍，全市公交线路将于下月起调整，\n涉及二十多条线路和一百多个站点，调整\n";
        let page = parse_page(&format!("全市公交线路调整方案公布了（民生）\n\n{body}"), 0, 1);
        assert!(page.pieces[0].role.is_heading());
        // The same line with a pause before the bracket is running text.
        let page = parse_page(&format!("全市公交线路调整，方案公布了（民生）\n\n{body}"), 0, 1);
        assert_eq!(page.pieces[0].role, Role::Body);
    }

    #[test]
    fn a_line_with_a_half_width_exclamation_inside_is_no_chinese_headline() {
        // OCR writes "！" as "!": a sentence ends inside, so the line is
        // running text (a quote that closes a paragraph), not a title.
        assert_eq!(role_alone_above_body("公交线路调整好了! ”他说"), Role::Body);
        assert!(role_alone_above_body("公交线路调整好了 ”他说").is_heading());
    }

    #[test]
    fn a_headline_as_wide_as_the_body_below_is_still_one_before_a_dateline() {
        let text = "全市公交线路调整方案今天正式公布\n\n本报杭州5月8日电（记者王明）全\n\
                    市公交线路将于下月起调整，涉及二\n十多条线路和一百多个站点，调整后\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(page.pieces[0].role, Role::Headline);
    }

    #[test]
    fn a_line_alone_that_ends_on_a_conjunction_is_no_headline() {
        let text = "今年夏天这个地区的降雨量比往年同期明显偏多。\n\n近年来全市公交线路和\n\n站点都在调整，涉及二十多条线路。\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "近年来"), Role::Body);
    }

    #[test]
    fn a_first_line_short_by_its_indent_is_body() {
        let text = "全市公交线路调整方案今天公布。\n\n据介绍，全市公交线路将于\n下月起调整，涉及二十多条线路\n和一百多个站点，调整后的线路\n覆盖新建小区和学校。\n";
        let page = parse_page(text, 0, 1);
        let first = page.pieces.iter().find(|p| p.text.starts_with("据介绍")).unwrap();
        assert_eq!(first.role, Role::Body);
    }

    #[test]
    fn short_heading_between_paragraphs_is_a_subhead() {
        let page = parse_page("第一段说完了。\n\n天气转凉\n\n第二段开始了。\n", 0, 1);
        assert_eq!(page.pieces[1].role, Role::Subhead);
    }

    #[test]
    fn narrow_column_lines_are_not_headlines() {
        let page = parse_page("今年以来,全市各地\n\n积极推进垃圾分类工作\n\n取得了明显成效,居民\n\n", 0, 1);
        assert!(page.pieces.iter().all(|p| p.role == Role::Body));
    }

    #[test]
    fn the_rest_of_a_dateline_broken_over_two_lines_opens_nothing() {
        assert!(is_dateline_start("本报杭州5月8日电（记者王明）"));
        assert!(is_dateline_start("新华社北京十月一日电"));
        assert!(!is_dateline_start("日电（记者王明）全市"));
    }

    #[test]
    fn a_lower_case_credit_after_a_sentence_end_is_a_byline() {
        let text = "The council said on Monday that the new bridge\n\
                    would open in the spring after four years.\n\n\
                    by Jane Doe, Metro Desk\n\n\
                    Union leaders called off next week's rail\n\
                    strike after talks with the operator were\n\
                    by Central Bank Governor\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "by Jane"), Role::Byline);
        assert_eq!(role_of(&page, "by Central"), Role::Body, "runs on from a line cut mid-sentence");
    }

    #[test]
    fn titles_and_column_starts_all_in_capitals_are_no_narrow_column() {
        let text = "The council said on Monday that the new bridge\n\
                    would open in the spring after four years.\n\n\
                    Rail fares to rise, say unions\n\n\
                    Train operators will be\n\n\
                    Council names new chief\n\n\
                    The city council has ended its long\n\
                    search for a new chief executive by\n\
                    appointing a lawyer from the town.\n";
        let page = parse_page(text, 0, 1);
        assert!(role_of(&page, "Rail fares").is_heading());
        assert!(role_of(&page, "Council names").is_heading());
        // Lines that go on in lower case are one narrow column.
        let text = "The mayor spoke.\n\nLocal traders said that\n\nthe new bridge would open\n\nin the spring after four\n\nyears of work on it.\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "Local traders"), Role::Body);
    }

    #[test]
    fn a_capitalised_noun_after_a_byline_starts_no_sentence_in_german() {
        let text = "Der Stadtrat hat am Montag erklärt, dass die\n\
                    neue Brücke im Frühjahr nach vier Jahren\n\
                    Bauzeit für den Verkehr geöffnet wird.\n\
                    APA, 30.4.2016\n\
                    Spiel gegen die Gäste\n\
                    Endstation, im Jahr davor setzte sich die\n\
                    Mannschaft im Viertelfinale gegen die Gäste durch.\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "APA"), Role::Byline);
        assert_eq!(role_of(&page, "Spiel gegen"), Role::Body);
    }

    #[test]
    fn a_title_topping_one_column_of_a_glued_row_is_a_subhead() {
        let text = "The council said on Monday that the new bridge\n\
                    would open in the spring after four years.\n\n\
                    Local traders welcomed the news   Rail strike called off tonight\n\
                    and the mayor thanked the workers   Union leaders called off next\n\
                    who had built it in the cold.   week's strike after talks ended.\n\
                    She said the town was proud   The operator made a new offer\n\
                    of its new bridge over the   on pay and hours for drivers and\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "Rail strike"), Role::Subhead);
        // A column's top that runs on from the column before is body.
        assert_eq!(role_of(&page, "on pay"), Role::Body);
        assert_eq!(role_of(&page, "Union leaders"), Role::Body);
    }

    /// A block set without blank lines: a paragraph cut mid-sentence, the
    /// line `line`, then `next` and a paragraph line.
    fn run_on_block(line: &str, next: &str) -> Page {
        let text = format!(
            "The council said on Monday that the plan for the\n\
             new road along the river would go ahead after\n\
             {line}\n{next}\n\
             the members of the board met again in the town.\n"
        );
        parse_page(&text, 0, 1)
    }

    #[test]
    fn a_line_above_a_title_in_capitals_is_no_title() {
        // A few words without marks over a sentence start: a title set
        // under a column cut mid-sentence...
        let page = run_on_block("Harbour works set to resume", "Work on the harbour walls will start");
        assert_eq!(role_of(&page, "Harbour works"), Role::Subhead);
        // ...but over a title in capitals it is the last line of a column
        // stretch that the next article cuts off.
        let page = run_on_block("a long debate about the costs", "HARBOUR BOARD ORDERS NEW SIGNS");
        assert_eq!(role_of(&page, "a long debate"), Role::Body);
        let page = run_on_block("Harbour works set to resume", "HARBOUR BOARD ORDERS NEW SIGNS");
        assert_eq!(role_of(&page, "Harbour works"), Role::Body);
    }

    #[test]
    fn a_line_whose_next_line_ends_a_sentence_at_once_is_no_title() {
        // A name broken over two lines: its second line closes the
        // sentence in one word.
        let page = run_on_block("Harbour Master John", "Smith.");
        assert_eq!(role_of(&page, "Harbour Master"), Role::Body);
    }

    #[test]
    fn a_heading_of_two_or_three_words_is_a_subhead() {
        let text = "The council said on Monday that the new bridge\n\
                    would open in the spring after four years.\n\n\
                    More delays\n\n\
                    The opening was put off twice because the steel\n\
                    for the deck came late from the works.\n\n\
                    Union leaders call off rail strike\n\n\
                    Union leaders called off next week's rail strike\n\
                    after talks with the operator ended on Sunday.\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "More delays"), Role::Subhead);
        assert_eq!(role_of(&page, "Union leaders call off"), Role::Headline);
    }

    /// A page where every printed line stands between blank lines: a closed
    /// article, its byline, a line without a pause, and `next` below it.
    fn after_a_byline(next: &str) -> String {
        [
            "今年夏天这个地区的降雨量，",
            "比往年同期明显偏多，农民们",
            "都说今年的收成会很好。",
            "（张三 李四）",
            "全市公交线路调整新方案",
            next,
            "涉及二十多条线路和一百多个",
            "站点，调整后的线路覆盖新建",
            "小区和学校，市民出行更方便",
            "了。",
        ]
        .join("\n\n")
    }

    #[test]
    fn a_line_after_a_byline_above_a_paragraph_start_is_a_headline() {
        let page = parse_page(&after_a_byline("“公交线路将于下月起调整，"), 0, 1);
        assert_eq!(role_of(&page, "（张三"), Role::Byline);
        assert_eq!(role_of(&page, "全市公交"), Role::Headline);
        // Without a paragraph start below, the line may belong to an article
        // interleaved with the closed one: only a subhead.
        let page = parse_page(&after_a_byline("公交线路将于下月起调整，有"), 0, 1);
        assert_eq!(role_of(&page, "全市公交"), Role::Subhead);
    }

    #[test]
    fn the_first_line_wider_than_the_body_below_is_a_headline() {
        let text = "全市公交线路调整方案今天正式公布\n据介绍，全市公交线路将于下月\n\
                    起调整，涉及二十多条线路和一\n百多个站点，调整后的线路覆盖\n新建小区和学校。\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(page.pieces[0].role, Role::Headline);
    }

    #[test]
    fn scattered_glyphs_are_fragments() {
        let page = parse_page("正文。\n\n春 夏 秋 冬\n", 0, 1);
        assert!(page.pieces[1..].iter().all(|p| p.role == Role::Fragment));
    }

    #[test]
    fn a_line_of_ocr_noise_is_set_apart_and_its_neighbours_meet() {
        // Speckles between two printed lines of a column, read as stray
        // glyphs and marks parted by gutters.
        let text = "今天上午在市中心举行了\n东     >     Y       器 下       水\n一场大型的公益活动。\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(page.lines.len(), 3);
        // The body lines are neighbours in one block; the noise line comes
        // last, in a block of its own, its pieces fragments.
        assert_eq!(page.pieces[page.lines[0].pieces.start].text, "今天上午在市中心举行了");
        assert_eq!(page.pieces[page.lines[1].pieces.start].text, "一场大型的公益活动。");
        assert_eq!(page.lines[0].block, page.lines[1].block);
        assert_ne!(page.lines[2].block, page.lines[1].block);
        assert_eq!(page.lines[2].number, 2);
        let noise = &page.pieces[page.lines[2].pieces.clone()];
        assert!(noise.len() >= 3 && noise.iter().all(|p| p.role == Role::Fragment));
        let chars: usize =
            page.pieces.iter().map(|p| p.text.chars().filter(|c| !c.is_whitespace()).count()).sum();
        assert_eq!(chars, text.chars().filter(|c| !c.is_whitespace()).count());
    }

    #[test]
    fn a_row_of_paragraph_ends_is_not_noise() {
        // The short last lines of three glued columns each end a sentence.
        let text =
            "今天上午在市中心举行了    一场大型的公益活动在    会议由市政府主持召开\n作。    题。    人。\n";
        let page = parse_page(text, 0, 1);
        assert!(page.pieces.iter().all(|p| p.role != Role::Fragment));
        assert_eq!(page.pieces[page.lines[1].pieces.start].text, "作。");
    }

    #[test]
    fn a_line_with_a_word_of_running_text_is_not_noise() {
        let page = parse_page("今天上午在市中心举行了\n东     市中心举行     器\n", 0, 1);
        assert!(page.pieces.iter().all(|p| p.role != Role::Fragment));
    }

    #[test]
    fn a_glued_row_with_a_comma_inside_a_piece_is_running_text() {
        // After a paragraph end, a row of two pieces as long as headlines
        // without a sentence end, over four narrower glued columns: two
        // headlines side by side, unless a piece holds a comma inside
        // (then the row is a glued row of running text).
        let above = "农业部门也组织了专家组深入田间地头指导生产。\n";
        let below = "今年夏天这个地区 往年同期明显偏多 气象部门提醒各地 意防范强降雨带来\n\
                     降雨比往年同期多 了不少农作物受灾 居民注意出行安全 的各种不利的影响\n";
        let row = |text: &str| format!("{above}\n{text}\n{below}");
        let page = parse_page(&row("居民纷纷表示新建的公园 孩子们放学后也有了玩"), 0, 1);
        assert_eq!(role_of(&page, "居民纷纷"), Role::Headline);
        assert_eq!(role_of(&page, "孩子们放学"), Role::Headline);
        let page = parse_page(&row("居民纷纷表示新建的公园 孩子们放学后，也有了玩"), 0, 1);
        assert_eq!(role_of(&page, "居民纷纷"), Role::Body);
        assert_eq!(role_of(&page, "孩子们放学"), Role::Body);
    }

    #[test]
    fn a_stray_sentence_end_between_two_headlines_leaves_them_a_row() {
        // OCR read a full stop out of the gutter between two headlines set
        // side by side at the page's top: the row is still two headlines,
        // and the mark is a fragment of neither.
        let below = "今年夏天这个地区 往年同期明显偏多 气象部门提醒各地 意防范强降雨带来\n\
                     降雨比往年同期多 了不少农作物受灾 居民注意出行安全 的各种不利的影响\n";
        let page = parse_page(&format!("城市公园迎来了新的变化 。 山区道路已经修缮一新\n{below}"), 0, 1);
        assert_eq!(role_of(&page, "城市公园"), Role::Headline);
        assert_eq!(role_of(&page, "山区道路"), Role::Headline);
        assert_eq!(role_of(&page, "。"), Role::Fragment);
    }

    #[test]
    fn a_row_whose_first_column_ends_its_paragraph_below_is_running_text() {
        // Two pieces shaped like headlines after a paragraph end, over
        // glued columns (together too wide for one headline); but the line
        // below opens with a short piece that ends a sentence: the first
        // piece is a paragraph's last line but one, and the row is a glued
        // row of running text.
        let above = "农业部门也组织了专家组深入田间地头指导生产。\n";
        let below = "今年夏天这个地区 往年同期明显偏多 气象部门提醒各地 意防范强降雨带来\n\
                     降雨比往年同期多 了不少农作物受灾 居民注意出行安全 的各种不利的影响\n";
        let row = |text: &str, next: &str| format!("{above}\n{text}\n{next}{below}");
        let page = parse_page(&row("居民纷纷表示新建的城市公园 孩子们放学后也有了玩耍处", ""), 0, 1);
        assert_eq!(role_of(&page, "居民纷纷"), Role::Headline);
        let page = parse_page(
            &row("居民纷纷表示新建的城市公园 孩子们放学后也有了玩耍处", "非常满意。      的好去处\n"),
            0,
            1,
        );
        assert_eq!(role_of(&page, "居民纷纷"), Role::Body);
        assert_eq!(role_of(&page, "孩子们放学"), Role::Body);
    }

    #[test]
    fn a_line_with_a_comma_as_wide_as_the_glued_row_below_is_running_text() {
        // After a paragraph end, one piece twice a column wide (a space
        // after digits kept it whole), over a glued row of two columns: a
        // headline by its width, but it holds a comma inside and is as
        // wide as the row below: a row of those columns left uncut.
        let above = "农业部门也组织了专家组深入田间地头指导生产。\n";
        let below = "今年夏天这个地区降雨比往年同期明显 偏多了不少气象部门提醒各地注意防范\n\
                     居民注意出行安全农作物受灾情况正在 统计中有关部门已经派出工作组赶赴现\n\
                     防范强降雨带来的各种不利影响相关部 场查看灾情并组织群众转移安置好受灾\n";
        let row = |text: &str| format!("{above}\n{text}\n{below}");
        let page = parse_page(
            &row("今年6月，城市里新建的公园迎来了游客2024 “居民纷纷表示新建的公园让孩子们有"),
            0,
            1,
        );
        assert_eq!(role_of(&page, "今年6月"), Role::Body);
    }

    #[test]
    fn a_headline_with_a_comma_beside_its_kicker_stays_a_headline() {
        // The page's top line: a headline holding a comma, then a column's
        // bracketed kicker after a space, over a justified body.
        let body = "今年夏天这个地区降雨比往年同期明显偏多了不少，气象部门提醒\n\
                    各地居民注意防范强降雨带来的影响，农业部门也组织了专家组深\n\
                    入田间地头指导生产，帮助农户做好排水和抢收等各项工作。\n";
        let page = parse_page(&format!("城市公园建设，迎来新变化 （民生）\n\n{body}"), 0, 1);
        assert_eq!(role_of(&page, "城市公园"), Role::Headline);
    }
}

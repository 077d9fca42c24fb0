//! Headings: which lines are headlines or subheads, from their shape in
//! context.
//!
//! In: a [`Page`] of lines and pieces. Out: per line, whether it is set as
//! a heading and of which weight ([`heading_role`]), plus the tests the
//! page-level labelling needs (side-by-side headline rows, the datelines
//! below a headline). Why: in plain text a heading shows only by its shape —
//! a short line standing alone between blank lines, without a sentence end,
//! not one of a run of equally narrow lines (those are a narrow column),
//! above a dateline or a paragraph start — and the assembler opens articles
//! at headlines.

use std::borrow::Borrow;

use super::credits::{is_dateline_start, is_latin_dateline_start};
use super::Role;
use crate::parse::chars::{
    capitals_only, cells, ends_sentence, is_han, is_line_end_hyphen, is_line_start_forbidden, is_opening,
    is_wide, trim_gutter_noise, PAUSES,
};
use crate::parse::stats::median;
use crate::parse::{Gap, Line, Page, Piece};

/// Spaces of a gutter that parts two columns for sure: one or two may be
/// the space inside a headline or after a piece of punctuation.
pub(super) const WIDE_GUTTER_SPACES: usize = 3;

/// The pieces of a line that may make a headline: the line without what a
/// printed column rule parts from its first piece (a rule stands between
/// columns, never inside a headline) and without stray marks at either end
/// that a gutter parts from the text (a lone glyph, or a mark with no
/// letter or digit: speckles and picture edges read as text). Why: a
/// headline set beside a picture or over a ruled column is otherwise judged
/// with that noise as part of it, and its width and last character are
/// wrong. CJK pages only.
pub(super) fn heading_span(page: &Page, line_index: usize) -> std::ops::Range<usize> {
    let range = page.lines[line_index].pieces.clone();
    // Latin running lines are as long as a headline and as free of pauses:
    // cut from its row, the first column's line of a ruled row reads as a
    // title (dev ocr-en-011 0.536 -> 0.525 with Latin pages included).
    if !page.is_cjk() {
        return range;
    }
    let pieces = &page.pieces[range.clone()];
    let mut end = pieces.len();
    if let Some(rule) = pieces.iter().skip(1).position(|p| p.gap == Gap::Rule) {
        end = rule + 1;
    }
    // Right above a dateline the line opens with the article's headline:
    // what a wide gutter parts from it is a line of a column beside the
    // headline (the long last column of the article above, or an article
    // set beside), never the headline's own text.
    let before_dateline = page
        .lines
        .get(line_index + 1)
        .is_some_and(|next| is_dateline_start(&page.pieces[next.pieces.start].text));
    // So it does right above a paragraph's opening quote: there the
    // article's first paragraph starts (a headline set beside the last
    // column of the article above, with no dateline).
    let mut above_paragraph_start = false;
    if before_dateline || next_opens_paragraph(page, line_index) {
        let wide = |p: &Piece| matches!(p.gap, Gap::Gutter(n) if n >= WIDE_GUTTER_SPACES);
        if let Some(gutter) = pieces.iter().skip(1).position(wide) {
            end = end.min(gutter + 1);
            above_paragraph_start = true;
        }
    }
    let stray = |piece: &Piece| {
        let text = piece.text.trim();
        is_glyph(text) || !text.chars().any(char::is_alphanumeric)
    };
    let set_apart = |piece: &Piece| matches!(piece.gap, Gap::Gutter(_) | Gap::Rule);
    while end > 1 && set_apart(&pieces[end - 1]) && stray(&pieces[end - 1]) {
        end -= 1;
    }
    let mut start = 0;
    while start + 1 < end && set_apart(&pieces[start + 1]) && stray(&pieces[start]) {
        start += 1;
    }
    // Only one piece of text set apart so is a headline's shape; two or
    // more are glued columns, judged with the whole line (OCR parts glued
    // columns by one space as often as by a gutter). But right above a
    // paragraph's start, where a wide gutter parts a column beside, pieces
    // one space apart are one headline's (OCR writes a space inside a
    // headline as one). A pause inside marks running text of a column,
    // not a headline.
    let one_text = end - start == 1
        || (above_paragraph_start && pieces[start + 1..end].iter().all(|p| p.gap == Gap::BreakSpace));
    let pause = pieces[start..end].iter().any(|p| p.text.contains(PAUSES));
    if one_text && !pause {
        range.start + start..range.start + end
    } else {
        range
    }
}

/// True when a CJK line holds the headlines of two or three articles set
/// side by side, which OCR read across as one line: each piece reads like a
/// headline (no sentence end, no pause at its end), follows a paragraph end
/// or opens its block, and either is wider than the column lines glued
/// below it, which hold two or three times as many pieces (each headline
/// spans the columns of its own article), or holds no pause at all with a
/// dateline a few lines below (a headline of two printed lines puts its
/// second row between them).
pub(super) fn side_by_side_headlines(page: &Page, line_index: usize, blank_separated: bool) -> bool {
    if !page.is_cjk() {
        return false;
    }
    let pieces = pieces_without_stray_marks(page, line_index);
    // Where every printed line stands between blank lines, a row of
    // headlines may follow the last line of a column of the article above,
    // mid-sentence: there a dateline below alone says a row opens articles.
    let opens = after_paragraph(page, line_index, blank_separated);
    if !(2..=3).contains(&pieces.len()) {
        return false;
    }
    if !pieces.iter().all(|p| reads_like_headline(&p.text))
        || glued_prose_row(&pieces)
        || paragraph_ends_below(page, line_index, pieces[0])
    {
        return false;
    }
    // A dateline below must answer each headline: parts of one headline
    // (cut by the glued cutter at a column width, or parted by a space)
    // have one between them, and so has a headline beside a ruled column.
    let no_pause = pieces.iter().all(|p| !p.text.contains(PAUSES));
    let glued = pieces[1..].iter().any(|p| p.gap == Gap::Glued);
    if no_pause && !glued && datelines_below(page, line_index).len() == pieces.len() {
        return true;
    }
    if !opens {
        return false;
    }
    let narrowest = pieces.iter().map(|p| p.cells).fold(f32::INFINITY, f32::min);
    page.lines[line_index + 1..].iter().take(2).any(|below| {
        let below = &page.pieces[below.pieces.clone()];
        let mut widths: Vec<f32> = below.iter().map(|p| p.cells).collect();
        widths.sort_by(f32::total_cmp);
        // Two or three columns under each headline, not the many printed
        // lines of a paragraph written on one line.
        (2 * pieces.len()..=3 * pieces.len()).contains(&below.len())
            && narrowest > widths[widths.len() / 2] + 1.0
    })
}

/// Fewest words a piece of a Latin row in capitals holds to count as a
/// headline of the row: one word in capitals is as often an acronym or a
/// dateline's place.
const CAPITALS_ROW_MIN_WORDS: usize = 2;

/// Fewest letters a piece of a Latin row in capitals holds: fewer may be
/// a speck or a stray pair of initials read out of a rule.
const CAPITALS_ROW_MIN_LETTERS: usize = 6;

/// True when a piece reads as a Latin headline set in capitals: at least
/// two words and six letters, none of them lower case, no sentence end, no
/// comma at its end and no newswire dateline.
fn latin_capitals_headline(text: &str) -> bool {
    let text = trim_gutter_noise(text).trim();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    text.split_whitespace().count() >= CAPITALS_ROW_MIN_WORDS
        && letters >= CAPITALS_ROW_MIN_LETTERS
        && capitals_only(text) == Some(true)
        && !ends_sentence(text)
        && !text.ends_with([',', ':', ';'])
        && !is_latin_dateline_start(text)
}

/// True when a Latin line of two or three body pieces holds a piece each
/// set in capitals ([`latin_capitals_headline`]), a stray mark between
/// them aside: the headlines of articles set side by side, which OCR read
/// as one line and the glued cutter cut apart at the gutter or the rule
/// between them. Running text is never set in capitals, so a glued row of
/// columns does not read so; yet such a row repeats its piece count on the
/// next line (a two-line headline row), which the one-line heading test
/// takes for columns going on.
pub(super) fn latin_capitals_row(page: &Page, line_index: usize) -> bool {
    if page.is_cjk() {
        return false;
    }
    let pieces = pieces_without_stray_marks(page, line_index);
    if !(2..=3).contains(&pieces.len()) {
        return false;
    }
    // A headline row opens articles: its first line tops the page or a
    // block or follows a paragraph's end, and its headlines stand a rule or
    // a gutter apart there (a single space may be the glued cutter's cut of
    // one wide headline at a column width); its next lines follow it.
    let under_row = line_index.checked_sub(1).is_some_and(|above| {
        let above = &page.pieces[page.lines[above].pieces.clone()];
        above.len() >= 2 && above.iter().all(|p| p.role == Role::Headline || is_stray_mark(&p.text))
    });
    let parted = pieces[1..].iter().any(|p| matches!(p.gap, Gap::Rule | Gap::Gutter(_)));
    let opens = after_paragraph(page, line_index, false) && parted;
    (opens || under_row) && pieces.iter().all(|p| p.role == Role::Body && latin_capitals_headline(&p.text))
}

/// True when the line below a row opens with a piece narrower than the
/// row's first piece that ends a sentence: the last printed line of a
/// paragraph whose line before is that first piece (a glued row of running
/// text, its column going on below). Under a row of headlines the articles'
/// first lines start, and a paragraph does not end on its first line.
fn paragraph_ends_below(page: &Page, line_index: usize, first: &Piece) -> bool {
    page.lines.get(line_index + 1).is_some_and(|below| {
        let opening = &page.pieces[below.pieces.start];
        opening.cells < first.cells && ends_sentence(opening.text.trim())
    })
}

/// How far, as a share, a line's width may stray from the summed widths
/// of the glued row below it and still be a row of the same columns.
const GLUED_ROW_WIDTH_SLACK: f32 = 0.1;

/// True when the next line of the block is a glued row (two or more
/// pieces, none a lone glyph or a mark) whose pieces together are as wide
/// as `size`, within [`GLUED_ROW_WIDTH_SLACK`] and a cell.
fn as_wide_as_glued_row_below(page: &Page, line_index: usize, size: f32) -> bool {
    let line = &page.lines[line_index];
    page.lines.get(line_index + 1).is_some_and(|below| {
        let pieces = &page.pieces[below.pieces.clone()];
        let texts: Vec<&Piece> =
            pieces.iter().filter(|p| !is_stray_mark(&p.text) && !is_glyph(p.text.trim())).collect();
        let total: f32 = texts.iter().map(|p| p.cells).sum();
        below.block == line.block
            && texts.len() >= 2
            && (size - total).abs() <= GLUED_ROW_WIDTH_SLACK * total + 1.0
    })
}

/// The pieces of line `line_index` less its stray marks (see
/// [`is_stray_mark`]): a sentence end or speck OCR read out of a gutter
/// between headlines is no headline of their row.
fn pieces_without_stray_marks(page: &Page, line_index: usize) -> Vec<&Piece> {
    page.pieces[page.lines[line_index].pieces.clone()].iter().filter(|p| !is_stray_mark(&p.text)).collect()
}

/// True for a piece of nothing but punctuation and specks (no letter or
/// digit): a mark OCR read out of a gutter, part of no headline.
pub(super) fn is_stray_mark(text: &str) -> bool {
    !text.chars().any(char::is_alphanumeric)
}

/// True when a piece of a CJK row reads like one of a row of headlines:
/// six to thirty cells without a sentence end or a semicolon inside, not
/// ending on a pause, not opening with a mark no line starts with, and no
/// dateline.
fn reads_like_headline(text: &str) -> bool {
    let text = trim_stray_quotes(trim_gutter_noise(text));
    let size = cells(text);
    (6.0..=30.0).contains(&size)
        && !text.chars().any(|c| matches!(c, '。' | '！' | '？' | '；'))
        && !ends_sentence(text)
        && !text.chars().next().is_some_and(is_line_start_forbidden)
        && !text.ends_with(['，', ',', '、', ':', '：'])
        && !is_dateline_start(text)
}

/// True when a CJK text holds a comma before its last character (a
/// half-width one only between non-digits: "1,5" is a number). Why: a
/// comma parts the clauses of running text; a headline parts its phrases
/// with a space, an enumeration mark or a colon and seldom holds one.
pub(super) fn comma_inside(text: &str) -> bool {
    let chars: Vec<char> = text.trim().chars().collect();
    let last = chars.len().saturating_sub(1);
    (0..last).any(|i| match chars[i] {
        '，' => true,
        ',' => !(i > 0 && chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit()),
        _ => false,
    })
}

/// True when a row's pieces read as the column lines of a glued row of
/// running text: one piece holds a comma inside ([`comma_inside`]) and
/// another piece beside it is as wide (within a third; the column lines of
/// a glued row are justified to one width). Why: such a row after a blank
/// line or a byline reads like two headlines side by side, and opened
/// articles mid-paragraph; a headline holding a comma is one printed line
/// whose pieces, where a space parts it ("…: …，…"), differ in width, and
/// so does a headline and its kicker.
pub(super) fn glued_prose_row(pieces: &[impl Borrow<Piece>]) -> bool {
    pieces.iter().map(Borrow::borrow).enumerate().any(|(i, piece)| {
        comma_inside(&piece.text)
            && pieces.iter().map(Borrow::borrow).enumerate().any(|(j, other): (usize, &Piece)| {
                j != i && (piece.cells - other.cells).abs() <= LIKE_WIDTH * piece.cells.max(other.cells)
            })
    })
}

/// How far apart, as a share of the wider, two pieces' widths may be and
/// still count as lines of one column width.
const LIKE_WIDTH: f32 = 0.3;

/// The pieces of a CJK page's top line set beside its headline (`span`,
/// judged a headline on its own) across a column rule or a wide gutter,
/// when they read like headlines too ([`reads_like_headline`], at most
/// two): the headlines of articles set beside it. Why: nothing stands
/// above the top line, so a column beside the headline there opens an
/// article of its own and what tops it is that article's headline; left
/// as body, it was read into the article of the headline beside it.
pub(super) fn beside_top_headline(
    page: &Page,
    line_index: usize,
    span: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let line = &page.lines[line_index];
    if !page.is_cjk() || line_index != 0 || span.start != line.pieces.start || span.end >= line.pieces.end {
        return None;
    }
    let rest = span.end..line.pieces.end;
    let parted = matches!(page.pieces[rest.start].gap, Gap::Rule)
        || matches!(page.pieces[rest.start].gap, Gap::Gutter(n) if n >= WIDE_GUTTER_SPACES);
    let headlines =
        page.pieces[rest.clone()].iter().all(|p| reads_like_headline(&p.text) && p.role == Role::Body);
    (parted && rest.len() <= 2 && headlines).then_some(rest)
}

/// Lines below a row of side-by-side headlines within which a dateline
/// shows that they open articles: the row itself may be followed by the
/// second printed line of each headline, one OCR line each.
const DATELINE_REACH: usize = 3;

/// Lines after the first dateline below a row of headlines that may still
/// hold a dateline of the same row of articles (columns not level).
const DATELINE_BAND: usize = 3;

/// The datelines that open the first paragraphs of the articles below a
/// line: those on the first line within `DATELINE_REACH` lines that holds
/// one, and on the `DATELINE_BAND` lines after it. CJK pages only.
pub fn datelines_below(page: &Page, line_index: usize) -> Vec<usize> {
    let dated = |line: &Line| line.pieces.clone().filter(|&i| is_dateline_start(&page.pieces[i].text));
    let after = &page.lines[line_index + 1..];
    let Some(first) = after.iter().take(DATELINE_REACH).position(|l| dated(l).next().is_some()) else {
        return Vec::new();
    };
    after.iter().skip(first).take(DATELINE_BAND + 1).flat_map(dated).collect()
}

/// `text` without a quote mark at its start that closes nothing or one at
/// its end that opens nothing: specks OCR read out of the gutter beside a
/// headline (a line never starts with a closing mark nor ends with an
/// opening one in print).
fn trim_stray_quotes(text: &str) -> &str {
    let text = match text.strip_prefix(['”', '’']) {
        Some(rest) if !rest.contains(['“', '‘']) || rest.starts_with(['“', '‘']) => rest,
        _ => text,
    };
    match text.strip_suffix(['“', '‘']) {
        Some(rest) if !rest.contains(['”', '’']) || rest.ends_with(['”', '’']) => rest,
        _ => text,
    }
    .trim()
}

/// The widest a CJK headline of one line may be, in cells, when a space cut
/// it into pieces.
pub const HEADLINE_MAX_CELLS: f32 = 24.0;

/// Chinese conjunctions, prepositions and the possessive particle, which
/// link to what follows: a line ending in one is cut mid-sentence, not a
/// headline.
const CJK_LINKING_CHARACTERS: [char; 12] =
    ['和', '与', '及', '或', '的', '在', '对', '把', '被', '从', '向', '并'];

/// Brackets that set an aside inside a sentence (with the angle brackets
/// OCR reads for a printed full-width parenthesis), as opposed to quotes
/// and book-title marks.
const ASIDE_OPENING: [char; 5] = ['（', '(', '〈', '[', '【'];
const ASIDE_CLOSING: [char; 5] = ['）', ')', '〉', ']', '】'];

/// The most characters a column's kicker holds inside its brackets.
const KICKER_MAX_CHARS: usize = 6;

/// True for a column's kicker that a headline carries at its end, a few
/// Han characters in brackets ("（观察）", "〈民生)"): a rubric, never a
/// sentence's aside, which holds digits, names or pauses as often as not.
fn is_kicker(text: &str) -> bool {
    let text = text.trim();
    let Some(inner) = text.strip_prefix(ASIDE_OPENING).and_then(|t| t.strip_suffix(ASIDE_CLOSING)) else {
        return false;
    };
    let inner = inner.trim();
    (2..=KICKER_MAX_CHARS).contains(&inner.chars().count()) && inner.chars().all(is_han)
}

/// True for a line that ends in a column's kicker after a few characters
/// of its own, "…之变（观察）": a headline's shape, which no body line takes
/// (an aside at a line's end holds a name or a figure, and the line a pause).
fn ends_with_kicker(text: &str) -> bool {
    let text = text.trim();
    let Some(open) = text.rfind(ASIDE_OPENING) else {
        return false;
    };
    let (head, tail) = text.split_at(open);
    is_kicker(tail) && head.chars().filter(|&c| is_han(c)).count() >= 4 && !head.contains(PAUSES)
}

/// True where the width test after a paragraph end proves nothing: below
/// the top line of a CJK page whose printed lines each stand between blank
/// lines. There every line follows a blank line, sparse-text OCR cuts
/// printed lines into fragments of any width at wide spaces, and the lines
/// below a line are fragments of other columns, so a body line short or
/// wide against them is no headline; a headline there shows by a dateline
/// below it, a byline above it, or its kicker. (On the dev sparse-text
/// pages, none of the gold headlines below the top line were found by the
/// width test alone, while six body lines were taken for headlines by it:
/// dev ocr-zh-032 0.352 -> 0.459, zh-031 0.385 -> 0.479, zh-024 0.531 ->
/// 0.603.)
fn sets_lines_apart_below_top(blank_separated: bool, line_index: usize) -> bool {
    blank_separated && line_index > 0
}

/// Lines below a line within which the glued rows of its columns must go on.
const COLUMNS_BELOW_REACH: usize = 3;

/// True when `pieces`, parted by a gutter or a column rule, are a glued row
/// of columns: most of the next [`COLUMNS_BELOW_REACH`] lines of the block
/// hold as many pieces (the same columns going on), and no piece but the
/// last (which may end a paragraph, or be noise) is wider than the widest
/// line of its column below. Why: a glued row of two columns is twice a
/// column wide, as wide as a headline; but the headlines of articles set
/// side by side each span two or more columns, so the rows below them hold
/// more pieces, and a headline beside a column is wider than that
/// column's lines.
fn columns_go_on_below(page: &Page, line_index: usize, pieces: &[Piece]) -> bool {
    if !pieces[1..].iter().any(|p| matches!(p.gap, Gap::Gutter(_) | Gap::Rule)) {
        return false;
    }
    let block = page.lines[line_index].block;
    let rows: Vec<&[Piece]> = page.lines[line_index + 1..]
        .iter()
        .take(COLUMNS_BELOW_REACH)
        .filter(|l| l.block == block)
        .map(|l| &page.pieces[l.pieces.clone()])
        .filter(|row| row.len() == pieces.len())
        .collect();
    if rows.len() * 2 <= COLUMNS_BELOW_REACH {
        return false;
    }
    pieces[..pieces.len() - 1].iter().enumerate().all(|(slot, piece)| {
        let widest = rows.iter().map(|row| row[slot].cells).fold(0.0, f32::max);
        piece.cells <= widest + COLUMN_SLACK
    })
}

/// How far, in cells, a printed line may stray from its column's widest
/// line in OCR (a stray glyph, a bar read out of a rule).
const COLUMN_SLACK: f32 = 1.0;

/// The first-line indent of a CJK paragraph, in cells.
const PARAGRAPH_INDENT: f32 = 2.0;

/// Share of the body lines below that a line, its paragraph indent added,
/// stays short of when it is shaped like a headline rather than like a
/// paragraph's first line.
const SHORT_OF_BODY: f32 = 0.9;

/// True when the line after `line_index` opens with an opening quote or
/// bracket: in CJK print, where OCR drops the indent, the only mark of a
/// paragraph's start besides a dateline.
fn next_opens_paragraph(page: &Page, line_index: usize) -> bool {
    page.lines
        .get(line_index + 1)
        .is_some_and(|next| page.pieces[next.pieces.start].text.chars().next().is_some_and(is_opening))
}

/// One wide character that is not punctuation: a glyph of a broken-up title.
pub(super) fn is_glyph(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_wide(c) && is_han(c))
}

/// What a page's text says about how it is set, for the headline rules.
pub(super) struct PageStyle {
    /// Most printed lines stand each between blank lines.
    pub(super) blank_separated: bool,
    /// A capital letter after a line break mostly starts a sentence, as in
    /// English or French, and not any noun, as in German.
    pub(super) capitals_start_sentences: bool,
    /// The lines that can measure a column's width (see
    /// [`measuring_lines`]), top to bottom.
    pub(super) measuring_lines: Vec<usize>,
}

/// The lines of one piece that hold [`MEASURING_WORDS`] words or more, top
/// to bottom: the lines a Latin line's width is measured against. Found
/// once a page (labelling changes roles, never texts) so that each line
/// looks up the ones above it instead of scanning the page back to its top
/// (quadratic on a page of thousands of short lines).
pub(super) fn measuring_lines(page: &Page) -> Vec<usize> {
    (0..page.lines.len())
        .filter(|&l| {
            let line = &page.lines[l];
            line.pieces.len() == 1
                && page.pieces[line.pieces.start].text.split_whitespace().count() >= MEASURING_WORDS
        })
        .collect()
}

/// Words that start with a capital although no sentence ends before them, as
/// a share of all such words, up to which capitals are taken to start
/// sentences. (On the corpus's dev pages: 0.11 to 0.22 in English and
/// French, 0.27 to 0.38 in German, where every noun takes a capital.)
const MID_SENTENCE_CAPITALS_MAX: f32 = 0.25;

/// True when capitals inside sentences are rare on the page.
pub fn capitals_start_sentences(page: &Page) -> bool {
    let (mut capitals, mut words) = (0usize, 0usize);
    for piece in &page.pieces {
        let mut after_end = true;
        for word in piece.text.split_whitespace() {
            let first = word.chars().find(|c| c.is_alphabetic());
            if !after_end && first.is_some() {
                words += 1;
                capitals += usize::from(first.is_some_and(char::is_uppercase));
            }
            after_end = ends_sentence(word);
        }
    }
    words > 0 && (capitals as f32) <= MID_SENTENCE_CAPITALS_MAX * words as f32
}

/// A piece a gutter or a printed rule sets apart on a side (from the piece
/// before it or the one after it) that holds a lone glyph or no letter or
/// digit at all: a speck OCR read out of a picture or a rule, not a phrase.
fn is_set_apart_speck(pieces: &[Piece], index: usize) -> bool {
    let parted = |piece: &Piece| matches!(piece.gap, Gap::Gutter(_) | Gap::Rule);
    let text = pieces[index].text.trim();
    let speck = is_glyph(text) || is_stray_mark(text);
    speck && (parted(&pieces[index]) || pieces.get(index + 1).is_some_and(parted))
}

/// How many specks a CJK line holds ([`is_set_apart_speck`]); none on a
/// Latin page. Why: a headline holds phrases a space apart, never single
/// glyphs between gutters; a speck beside a headline belongs to no title,
/// and a row of two or more is noise read out of a picture.
pub(super) fn set_apart_specks(page: &Page, line_index: usize) -> usize {
    if !page.is_cjk() {
        return 0;
    }
    let pieces = &page.pieces[page.lines[line_index].pieces.clone()];
    (0..pieces.len()).filter(|&i| is_set_apart_speck(pieces, i)).count()
}

pub(super) fn heading_role(
    page: &Page,
    line_index: usize,
    span: std::ops::Range<usize>,
    alone: bool,
    style: &PageStyle,
) -> Option<Role> {
    let blank_separated = style.blank_separated;
    let line = &page.lines[line_index];
    let pieces = &page.pieces[span.clone()];
    // A headline may hold a space ("停车更方便 游览更从容"), which cuts it
    // into pieces; a glued row of columns repeats its piece count below.
    if pieces.len() > 1 {
        // A glued row repeats above or below: as many pieces, of like widths.
        let like_this = |index: Option<usize>| {
            index.and_then(|i| page.lines.get(i)).is_some_and(|other| {
                let others = &page.pieces[other.pieces.clone()];
                others.len() == pieces.len()
                    && others
                        .iter()
                        .zip(pieces)
                        .all(|(a, b)| (a.cells - b.cells).abs() <= LIKE_WIDTH * a.cells.max(b.cells))
            })
        };
        let repeated = like_this(Some(line_index + 1))
            || like_this(line_index.checked_sub(1))
            || columns_go_on_below(page, line_index, pieces);
        // A piece after a space that is a bracketed aside, "〈豫鲁段)":
        // OCR put spaces around the brackets of running CJK text; the space
        // of a headline parts two phrases, never an aside from its noun.
        // (Quotes and book-title marks do stand alone in headlines.)
        // Only the last piece may be such a bracket: a column's kicker
        // set after the headline, "…方便 （民生）".
        let bracketed = |p: &Piece| {
            let text = p.text.trim();
            text.starts_with(ASIDE_OPENING) && text.ends_with(ASIDE_CLOSING)
        };
        let aside = page.is_cjk()
            && pieces[1..].iter().enumerate().any(|(i, p)| {
                bracketed(p) && !(i + 2 == pieces.len() && is_kicker(&p.text) && !bracketed(&pieces[0]))
            });
        // Column lines of a glued row of running text, parted by a space
        // (a line the glued cutter cut at a column width may be one
        // headline holding a comma).
        let spaced = pieces[1..].iter().any(|p| p.gap != Gap::Glued);
        if aside || (page.is_cjk() && spaced && glued_prose_row(pieces)) {
            return None;
        }
        let total: f32 = pieces.iter().map(|p| p.cells).sum();
        if repeated || total > HEADLINE_MAX_CELLS {
            return None;
        }
    }
    let joined = pieces.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" ");
    let text = joined.as_str();
    let size = cells(text);
    let first = text.chars().next().unwrap_or(' ');
    // A sentence end inside the line means running text cut at a column
    // break, not a headline.
    // (OCR writes a Chinese exclamation or question mark half-width as
    // often as not: "恩人! ”".)
    let inner_sentence_end =
        text.chars().any(|c| matches!(c, '。' | '！' | '？') || (page.is_cjk() && matches!(c, '!' | '?')));
    if ends_sentence(text)
        || inner_sentence_end
        || is_line_start_forbidden(first)
        || text.ends_with(['，', ',', '、', '-', ':', '：'])
        || (page.is_cjk() && text.ends_with(CJK_LINKING_CHARACTERS))
    {
        return None;
    }
    // Standing alone means nothing among the lines of a narrow column set
    // each between blank lines.
    let alone = alone && !in_narrow_run(page, line_index, style.capitals_start_sentences);
    let width = width_against_body_below(page, line_index, span.clone(), blank_separated);
    if page.is_cjk() {
        if is_dateline_start(text) {
            return None;
        }
        // The line right before a dateline is the article's headline,
        // wherever the columns around it stand and however wide it is;
        // but where every printed line stands alone, the line before may
        // be a neighbouring column's line read across, and one with a pause
        // inside reads as running text (a column's paragraph start set
        // level with the next article's dateline, which as a subhead went
        // into that article's headline: dev ocr-zh-018 0.694 -> 0.703).
        let before_dateline = page
            .lines
            .get(line_index + 1)
            .is_some_and(|next| is_dateline_start(&page.pieces[next.pieces.start].text))
            && !(blank_separated && text.contains(PAUSES));
        // A line exactly as wide as the body lines of the next block is a
        // printed body line whose paragraph goes on elsewhere.
        // So is one as wide as the body lines of the block above it: a
        // column's line that OCR set apart between blank lines (a headline,
        // in a larger type, holds fewer characters than the column it
        // spans).
        let column_wide = |w: f32| (size - w).abs() <= 1.0;
        let kicked = alone && ends_with_kicker(text);
        // The top line of a page whose printed lines each stand alone
        // (sparse-text OCR), in a block of its own, without a pause and not
        // within half a cell of the widest of the lines below it: the top
        // article's headline, narrower or wider than the body.
        // Sparse-text OCR reads the page top down, so its first line is the
        // topmost print, and a headline in its larger type over several
        // columns holds about as many characters as one column's line, so
        // the share of the body's width that the rule further down asks
        // for (more than 1.1) misses it (readable pools: top headlines of
        // 12 to 14 characters over body lines of 9 to 16 were read as body
        // and chained into a column's stream). A line as wide as the
        // column lines is still one of them: a page whose one-line blocks
        // came out of order may open on any body line (synthetic pool 7373
        // `syn-zh-006` 1.000 -> 0.867 without the width test).
        let sparse_top = blank_separated
            && line_index == 0
            && page.blocks.get(line.block).is_some_and(|b| b.len() == 1)
            && !text.contains(PAUSES)
            && width.is_some_and(|w| (size - size / w).abs() > 0.5);
        if !(before_dateline || kicked)
            && pieces.len() == 1
            && (next_block_width(page, line_index).is_some_and(column_wide)
                || previous_block_width(page, line_index).is_some_and(column_wide))
        {
            return None;
        }
        // A line holding a comma inside as wide as the glued row of
        // columns right below it is such a row that OCR left uncut: a
        // headline spanning those columns, in its larger type, holds
        // fewer characters than they do.
        if !(before_dateline || kicked)
            && comma_inside(text)
            && as_wide_as_glued_row_below(page, line_index, size)
        {
            return None;
        }
        // A paragraph's first line is indented by two cells, which OCR
        // drops: such a line is short by the indent, not a headline.
        let indented = width.map(|w| w * (size + PARAGRAPH_INDENT) / size.max(1.0));
        // A byline closes an article: the line right after it, without a
        // pause, is the next article's headline when a paragraph starts
        // below it, however wide it is.
        let after_byline = line_index.checked_sub(1).is_some_and(|i| {
            page.pieces[page.lines[i].pieces.clone()].last().is_some_and(|p| p.role == Role::Byline)
        });
        let no_pause = !text.contains(PAUSES);
        // A paragraph start shows in CJK print only by an opening quote or
        // a dateline (OCR drops the indent).
        let next_opens_paragraph_or_dateline = next_opens_paragraph(page, line_index)
            || page
                .lines
                .get(line_index + 1)
                .is_some_and(|next| is_dateline_start(&page.pieces[next.pieces.start].text));
        // A headline set beside a column of the article above (that
        // column's line read across with it, a gutter apart): text without
        // a pause, short of the body below by more than a paragraph's
        // indent, right above a paragraph's start. A column's own line
        // above a paragraph start ends its paragraph with a sentence end,
        // and a line that runs on is as wide as its column.
        let beside_column = span.end < line.pieces.end
            && no_pause
            && next_opens_paragraph_or_dateline
            && matches!(indented, Some(i) if i < SHORT_OF_BODY);
        let shape = alone
            || before_dateline
            || beside_column
            || (after_byline && no_pause && next_opens_paragraph_or_dateline)
            || (after_paragraph(page, line_index, blank_separated)
                && !sets_lines_apart_below_top(blank_separated, line_index)
                && matches!((width, indented), (Some(w), Some(i)) if i < SHORT_OF_BODY || w > 1.3))
            // The page's first line, wider than the justified body below
            // it, is no line of that body. A pause inside may be a glued
            // row's, except where every printed line stands alone: there
            // no row is glued across a headline's width, and a headline
            // with a comma inside ("…，…（民生）") tops the page (dev
            // ocr-zh-024 0.467 -> 0.508).
            || (line_index == 0 && (no_pause || blank_separated) && width.is_some_and(|w| w > 1.1))
            || sparse_top;
        // Weaker: right after a byline, a line without a pause and without
        // a paragraph start below may be the next article's headline or a
        // line of an article interleaved with the closed one; the assembler
        // tells by topic.
        let weak = after_byline && no_pause;
        // Section heads inside articles are short; a short heading may still
        // open an article, which the assembler tells by topic.
        match size {
            s if !(4.0..=48.0).contains(&s) => None,
            _ if !shape && weak => Some(Role::Subhead),
            _ if !shape => None,
            s if s < 11.0 => Some(Role::Subhead),
            _ => Some(Role::Headline),
        }
    } else {
        // A line as wide as the column below a blank line that goes on in
        // lower case is running text cut at a column break. (Latin columns
        // are often ragged: their widest lines give the column width.)
        let next_block = page.blocks.get(line.block + 1).map(|next| &page.lines[next.clone()]);
        let next_block_runs_on = next_block.is_some_and(|lines| {
            page.pieces[lines[0].pieces.start].text.chars().next().is_some_and(char::is_lowercase)
        });
        let next_column_width = next_block.map_or(0.0, |lines| {
            lines.iter().take(6).map(|l| page.pieces[l.pieces.start].cells).fold(0.0, f32::max)
        });
        if next_block_runs_on && pieces.len() == 1 && (0.75..=1.1).contains(&(size / next_column_width)) {
            return None;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let all_caps = letters.len() >= 6 && letters.iter().all(|c| !c.is_lowercase());
        // OCR often puts a stray mark before a headline ("- BAHIA", "<BFDB>").
        let first_letter = text.chars().find(|c| c.is_alphanumeric()).unwrap_or(' ');
        let starts_upper = first_letter.is_uppercase() || first_letter.is_numeric();
        // Latin text is often set ragged-right, so only a line wider than
        // its column, or in capitals, stands out from the body by shape.
        let wide = matches!(width, Some(w) if w > 1.3);
        // At the top of the page or right after a byline, a line without a
        // sentence end followed by a line that starts a sentence is a title.
        let opens_block = line_index == 0
            || page.pieces[page.lines[line_index - 1].pieces.clone()].iter().any(|p| p.role == Role::Byline);
        // Where every printed line stands between blank lines, the next line
        // is in the next block.
        let next_starts_sentence = page.lines.get(line_index + 1).is_some_and(|next| {
            (next.block == line.block || blank_separated)
                && page.pieces[next.pieces.start].text.chars().next().is_some_and(char::is_uppercase)
        });
        // Where any noun takes a capital (German), a capital after a line
        // break says nothing about a sentence start.
        // Nor after a capitalised last word without a stop on a line as wide
        // as the body: a name broken over two full column lines ("…in Port"
        // / "Elmsworth at…") runs on in capitals. (Titles end on names
        // as often as not, but are rarely set exactly as wide as the body.)
        let ends_on_capital = matches!(width, Some(w) if (0.9..=1.1).contains(&w))
            && words
                .last()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && !ends_sentence(w));
        let next_starts_sentence = next_starts_sentence && style.capitals_start_sentences && !ends_on_capital;
        // A line far wider than the lines on both sides of it spans columns:
        // a title, even right under a column cut mid-sentence (an article
        // set into another's columns), where no paragraph end comes before;
        // the article's first line below it starts with a capital.
        let next_upper = page.lines.get(line_index + 1).is_some_and(|next| {
            page.pieces[next.pieces.start]
                .text
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(char::is_uppercase)
        });
        let towering = pieces.len() == 1
            && next_upper
            && matches!(width, Some(w) if w >= TOWERING_SHARE)
            && width_against_lines_above(page, &style.measuring_lines, line_index, size)
                .is_some_and(|w| w >= TOWERING_SHARE);
        let shape = alone
            || all_caps && words.len() >= 3
            || (opens_block && next_starts_sentence)
            || towering
            || (after_paragraph(page, line_index, blank_separated) && (wide || all_caps));
        // Weaker: after a paragraph end, a line of a few words without a
        // sentence end or a comma, narrower or wider than the body below it,
        // followed by a sentence start.
        let unlike_body = matches!(width, Some(w) if !(0.9..=1.1).contains(&w));
        let weak = after_paragraph(page, line_index, blank_separated)
            && next_starts_sentence
            && unlike_body
            && words.len() <= 12
            && !text.contains(',');
        // A title set without blank lines right under a column cut
        // mid-sentence (articles interleaved): a few words that end neither a
        // sentence nor on a short lower-case word, followed by a sentence
        // start — where a capital does mark one, and not where every line
        // stands alone between blank lines (there, every line looks cut off).
        let last_word = words.last().map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        let ends_on_particle = ends_on_short_lower_word(last_word);
        // Nor a line right above a title in capitals: what follows it is
        // no sentence start but the next article, and the line is the last
        // of a column stretch cut off by that article. (This test and the
        // next read the next line, so they are asked last.)
        let next_in_capitals = || {
            page.lines.get(line_index + 1).is_some_and(|next| {
                let next = &page.pieces[next.pieces.start].text;
                let letters: Vec<char> = next.chars().filter(|c| c.is_alphabetic()).collect();
                letters.len() >= 6
                    && letters.iter().all(|c| !c.is_lowercase())
                    && next.split_whitespace().count() >= 3
            })
        };
        // Nor a line whose next line ends a sentence within a word or two:
        // an article opens on a running line, while a name or phrase broken
        // over two lines ends so.
        let next_closes_at_once = || {
            page.lines.get(line_index + 1).is_some_and(|next| {
                let next = page.pieces[next.pieces.clone()]
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                next.split_whitespace().count() <= 2 && ends_sentence(&next)
            })
        };
        let interrupting = style.capitals_start_sentences
            && !blank_separated
            && next_starts_sentence
            && (3..=10).contains(&words.len())
            && !ends_on_particle
            && runs_on_unmarked(text)
            && !next_in_capitals()
            && !next_closes_at_once();
        // Where every printed line stands alone (sparse-text OCR), the
        // titles of articles set side by side are read one after the other:
        // after a sentence end, a title-shaped line followed by another.
        let paired_title = blank_separated
            && style.capitals_start_sentences
            && after_paragraph(page, line_index, blank_separated)
            && title_shaped(text)
            && page.lines.get(line_index + 1).is_some_and(|next| {
                next.pieces.len() == 1 && title_shaped(&page.pieces[next.pieces.start].text)
            });
        // ...and the second title of such a pair, right after the first: it
        // follows no paragraph end, but a title-shaped line labelled a
        // headline as the first of a pair.
        let second_of_pair = blank_separated
            && style.capitals_start_sentences
            && title_shaped(text)
            && line_index.checked_sub(1).is_some_and(|previous| {
                let previous_line = &page.lines[previous];
                let first = &page.pieces[previous_line.pieces.start];
                previous_line.pieces.len() == 1
                    && first.role == Role::Headline
                    && title_shaped(&first.text)
                    && after_paragraph(page, previous, blank_separated)
            });
        // (As a subhead, left to the assembler's topic test: dev ocr-en-013
        // 0.410 against 0.469 as a headline.)
        let paired_title = paired_title || second_of_pair;
        // Where every printed line stands alone, the line before may be the
        // last of a column of another article read across, so no sentence
        // end need come before a title: a title-shaped line right above a
        // paragraph's shortened first line, or the first of two titles of
        // articles set side by side with that line below the second.
        let above_paragraph = blank_separated
            && style.capitals_start_sentences
            && !after_paragraph(page, line_index, blank_separated)
            && title_shaped(text)
            && (above_paragraph_start(page, line_index)
                || page.lines.get(line_index + 1).is_some_and(|next| {
                    next.pieces.len() == 1
                        && title_shaped(&page.pieces[next.pieces.start].text)
                        && above_paragraph_start(page, line_index + 1)
                }));
        let paired_title = paired_title || above_paragraph;
        // A headline in capitals may be broken over lines of one word.
        let min_words = if all_caps { 1 } else { 2 };
        // The weaker tests read a title from the lines around; a line that
        // opens on an article or a conjunction is a sentence's first line
        // read across from its column (headline style drops both words):
        // sparse-text pages of interleaved columns lost articles to such
        // lines taken for titles.
        // So does a line right under a headline holding an auxiliary verb
        // after its first word ("… has visited", "… is spending"):
        // headline style drops those too, so the line is the headline's
        // paragraph's first line, and that article would otherwise be left
        // empty. (Elsewhere such a line may be a title's broken first half
        // or a column's line that a label happens to part well: pool pages
        // fell with the test asked everywhere.)
        let under_headline = line_index.checked_sub(1).is_some_and(|previous| {
            page.pieces[page.lines[previous].pieces.clone()].iter().any(|p| p.role == Role::Headline)
        });
        let opens_sentence = opens_on_connective(text) || (under_headline && holds_auxiliary(text));
        let paired_title = paired_title && !opens_sentence;
        let weak = weak && !opens_sentence;
        let interrupting = interrupting && !opens_sentence;
        if !starts_upper
            || !(min_words..=30).contains(&words.len())
            || (!all_caps && leaves_phrase_open(last_word))
        {
            None
        } else if shape && !all_caps && words.len() <= 3 {
            // Two or three words in sentence case are as often a section
            // head inside an article as a title: the assembler tells by
            // topic.
            Some(Role::Subhead)
        } else if shape {
            Some(Role::Headline)
        } else if paired_title {
            // Two title-shaped lines in a row are no run of body text: a
            // title, even where a line alone would only be a subhead (dev
            // ocr-en-013: as a subhead the assembler kept the articles
            // together, 0.281 either way; as a headline 0.364).
            Some(Role::Headline)
        } else if weak || interrupting {
            Some(Role::Subhead)
        } else {
            None
        }
    }
}

/// True when the last word is short and in lower case ("of", "and", "to"):
/// a title does not stop on one, a printed line cut mid-phrase does.
fn ends_on_short_lower_word(last_word: &str) -> bool {
    last_word.chars().count() <= 3 && last_word.chars().next().is_some_and(char::is_lowercase)
}

/// True when a Latin line holds no comma, semicolon, full stop or double
/// quote and does not end in a hyphen or a colon: the marks of running text
/// that titles go without.
fn runs_on_unmarked(text: &str) -> bool {
    !text.contains([',', ';', '.', '"', '“', '”'])
        && !text.ends_with(|c: char| is_line_end_hyphen(c) || c == ':')
}

/// Lower-case words no title ends on: articles, prepositions that are not
/// also verb particles ("in", "on", "up" end titles as "Prices set to
/// rise" never ends on "to"), conjunctions and auxiliaries of English,
/// French and German. A line ending on one is a printed line of running
/// text whose phrase goes on below.
const PHRASE_LEFT_OPEN: &[&str] = &[
    // English
    "the", "a", "an", "of", "to", "for", "with", "from", "by", "into", "and", "or", "but", "will", "would",
    "should", "could", "must", "be", "been", "their", "its", "his", "her", "our", "that", "which",
    // French
    "le", "la", "les", "un", "une", "des", "du", "au", "aux", "de", "à", "dans", "sur", "pour", "par", "avec",
    "et", "ou", "qui", "que", // German
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer", "von", "zu", "mit",
    "bei", "nach", "aus", "für", "über", "auf", "im", "am", "zum", "zur", "und", "oder", "dass",
];

fn leaves_phrase_open(last_word: &str) -> bool {
    PHRASE_LEFT_OPEN.contains(&last_word)
}

/// Words that open running sentences but that headline style drops: the
/// articles and the coordinating conjunctions (English, French, German;
/// closed word classes, no page's words).
const SENTENCE_CONNECTIVES: &[&str] = &[
    "the", "a", "an", "and", "but", "or", "so", "yet", // English
    "le", "la", "les", "un", "une", "et", "mais", "ou", // French
    "der", "die", "das", "ein", "eine", "und", "aber", "oder", // German
];

/// True when a Latin line not set in capitals opens on an article or a
/// coordinating conjunction: the first line of a sentence rather than a
/// headline, whose style drops those words. A line in capitals is left
/// alone (a headline set in capitals may keep its article).
fn opens_on_connective(text: &str) -> bool {
    if !text.chars().any(char::is_lowercase) {
        return false;
    }
    let first = text.split_whitespace().next().unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    SENTENCE_CONNECTIVES.contains(&first.as_str())
}

/// Auxiliary verbs that running sentences use and headline style drops
/// ("Mayor has opened bridge" is set "Mayor opens bridge"): English,
/// French and German finite forms of be and have (closed word classes, no
/// page's words; the French "a" is left out, it is also an English word).
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", // English
    "est", "sont", "était", "ont", "avait", // French
    "ist", "sind", "war", "waren", "hat", "haben", "hatte", // German
];

/// True when a Latin line not set in capitals holds an auxiliary verb after
/// its first word: a printed line of a running sentence rather than a
/// headline. (A first word is left alone: a question title may open on
/// one.)
fn holds_auxiliary(text: &str) -> bool {
    if !text.chars().any(char::is_lowercase) {
        return false;
    }
    text.split_whitespace()
        .skip(1)
        .any(|word| AUXILIARIES.contains(&word.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// True when a Latin line reads as a title: it starts with a capital, holds
/// three to ten words, ends neither a sentence nor on a short lower-case
/// word, a hyphen or a colon, and holds no comma, full stop or double quote.
fn title_shaped(text: &str) -> bool {
    let text = text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    let last_word = words.last().map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let ends_on_particle = ends_on_short_lower_word(last_word);
    text.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase)
        && (3..=10).contains(&words.len())
        && !ends_on_particle
        && !ends_sentence(text)
        && runs_on_unmarked(text)
}

/// True when the Latin block opening at `line_index` is a title set on two
/// short lines: exactly two lines of one piece each, the first starting with
/// a capital and holding a few words, the second a short run-on (two to
/// four words, like a title's tail), neither holding a comma, a full stop
/// or a quote nor ending a sentence, both well narrower than the body
/// block below, whose first line starts a sentence.
/// Why: a sentence-case title broken over two lines is no line alone and
/// its second line starts in lower case, so the one-line tests miss it and
/// its article is read into the one before.
pub(super) fn two_line_title(page: &Page, line_index: usize, style: &PageStyle) -> bool {
    let line = &page.lines[line_index];
    let block = &page.blocks[line.block];
    if page.is_cjk() || style.blank_separated || !style.capitals_start_sentences {
        return false;
    }
    if block.start != line_index || block.len() != 2 {
        return false;
    }
    let second = &page.lines[line_index + 1];
    if line.pieces.len() != 1 || second.pieces.len() != 1 {
        return false;
    }
    let (top, tail) = (&page.pieces[line.pieces.start], &page.pieces[second.pieces.start]);
    let Some(body_width) = next_block_width(page, line_index + 1) else { return false };
    let plain = |text: &str| !ends_sentence(text) && !text.contains([',', ';', '.', '"', '“', '”', ':']);
    let top_words = top.text.split_whitespace().count();
    let tail_words: Vec<&str> = tail.text.split_whitespace().collect();
    let last_word = tail_words.last().map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let next_starts_sentence =
        page.blocks.get(line.block + 1).and_then(|next| page.lines.get(next.start)).is_some_and(|next| {
            page.pieces[next.pieces.start].text.trim_start().starts_with(char::is_uppercase)
        });
    top.role == Role::Body
        && tail.role == Role::Body
        && top.text.trim_start().starts_with(char::is_uppercase)
        && (2..=6).contains(&top_words)
        && (2..=4).contains(&tail_words.len())
        && plain(&top.text)
        && plain(&tail.text)
        && !tail.text.trim_end().ends_with(is_line_end_hyphen)
        && !leaves_phrase_open(last_word)
        && top.cells <= TWO_LINE_TITLE_MAX_SHARE * body_width
        && tail.cells <= TWO_LINE_TITLE_MAX_SHARE * body_width
        && next_starts_sentence
}

/// The widest a line of a two-line title may be, as a share of the body
/// column below it: running text fills its column, a title of a few words
/// set in a larger face does not.
const TWO_LINE_TITLE_MAX_SHARE: f32 = 0.8;

/// True when the piece in `slot` of a glued Latin line (not the first
/// column) tops its column and reads as a title: no piece stands in that
/// slot on the line above in the block, the piece below in the slot starts
/// a sentence, and the piece is a few words without a sentence end, a comma
/// or a quote, not ending on a short lower-case word.
pub(super) fn column_top_title(page: &Page, line_index: usize, slot: usize) -> bool {
    let line = &page.lines[line_index];
    let piece = &page.pieces[line.pieces.start + slot];
    if piece.role != Role::Body {
        return false;
    }
    let slot_text = |index: usize| {
        page.lines
            .get(index)
            .filter(|other| other.block == line.block && other.pieces.len() > slot)
            .map(|other| page.pieces[other.pieces.start + slot].text.as_str())
    };
    let tops_column = line_index.checked_sub(1).and_then(slot_text).is_none();
    let next_starts_sentence =
        slot_text(line_index + 1).is_some_and(|t| t.chars().next().is_some_and(char::is_uppercase));
    let text = piece.text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    // The last word with letters: OCR often ends a line on a stray dash.
    let last_word = words
        .iter()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let ends_on_particle = ends_on_short_lower_word(last_word);
    tops_column
        && next_starts_sentence
        && text.chars().next().is_some_and(char::is_uppercase)
        && (3..=12).contains(&words.len())
        && !ends_on_particle
        && !ends_sentence(text)
        && runs_on_unmarked(text)
}

/// The typical width of the printed lines in the next block: the median of
/// its pieces that are not the last of their line (those may be short).
fn next_block_width(page: &Page, line_index: usize) -> Option<f32> {
    let block = page.lines[line_index].block;
    let next = page.blocks.get(block + 1)?;
    let full_widths = |next: &std::ops::Range<usize>| -> Vec<f32> {
        page.lines[next.clone()]
            .iter()
            .flat_map(|l| {
                let pieces = &page.pieces[l.pieces.clone()];
                let full = pieces.len().saturating_sub(1).max(usize::from(next.len() > 1));
                pieces[..full.min(pieces.len())].iter().map(|p| p.cells)
            })
            .collect()
    };
    let mut widths = full_widths(next);
    // Glued rows each set between blank lines give one full piece a block:
    // the blocks after the next one show the same columns.
    for later in page.blocks.iter().skip(block + 2).take(2) {
        if widths.len() >= 2 {
            break;
        }
        widths.extend(full_widths(later));
    }
    if widths.len() < 2 {
        return None;
    }
    median(widths)
}

/// The typical width of the printed lines in the block above: the median of
/// its pieces that are not the last of their line (those may be short), from
/// a block of at least two lines (one line alone may be a headline).
fn previous_block_width(page: &Page, line_index: usize) -> Option<f32> {
    let block = page.lines[line_index].block.checked_sub(1)?;
    let lines = &page.lines[page.blocks.get(block)?.clone()];
    if lines.len() < 2 {
        return None;
    }
    let widths: Vec<f32> = lines
        .iter()
        .flat_map(|l| {
            let pieces = &page.pieces[l.pieces.clone()];
            let full = pieces.len().saturating_sub(1).max(1);
            pieces[..full].iter().map(|p| p.cells)
        })
        .collect();
    if widths.len() < 2 {
        return None;
    }
    median(widths)
}

/// True when the line opens its block or follows a line that ended a
/// sentence or was a byline: where a new article may begin.
fn after_paragraph(page: &Page, line_index: usize, blank_separated: bool) -> bool {
    let Some(previous) = line_index.checked_sub(1).map(|i| &page.lines[i]) else { return true };
    if previous.block != page.lines[line_index].block && !blank_separated {
        return true;
    }
    page.pieces[previous.pieces.clone()]
        .last()
        .is_some_and(|p| ends_sentence(&p.text) || p.role == Role::Byline)
}

/// The line's width as a share of the widest of the (up to three) body lines
/// printed right below it in the same block (or across blank lines, where
/// every line stands between them); `None` without two such lines. In
/// justified CJK print a body line that stops short ends a sentence, so a
/// short line without one that text follows is a headline; a line much wider
/// than its column spans several columns.
fn width_against_body_below(
    page: &Page,
    line_index: usize,
    span: std::ops::Range<usize>,
    across_blank_lines: bool,
) -> Option<f32> {
    let line = &page.lines[line_index];
    let below: Vec<f32> = page.lines[line_index + 1..]
        .iter()
        .take_while(|l| across_blank_lines || l.block == line.block)
        // Sparse-text OCR reads a printed Latin line in fragments of a word
        // or two: those measure no column.
        .filter(|l| {
            !across_blank_lines
                || page.is_cjk()
                || page.pieces[l.pieces.start].text.split_whitespace().count() >= MEASURING_WORDS
        })
        .take(3)
        .map(|l| page.pieces[l.pieces.start].cells)
        .collect();
    // One line below is often the short end of a paragraph: no measure.
    share_of_widest(page.pieces[span].iter().map(|p| p.cells).sum(), &below)
}

/// `size` as a share of the widest of `widths`; `None` with fewer than two
/// widths (one line alone measures no column) or none above zero.
fn share_of_widest(size: f32, widths: &[f32]) -> Option<f32> {
    if widths.len() < 2 {
        return None;
    }
    let widest = widths.iter().copied().reduce(f32::max)?;
    (widest > 0.0).then(|| size / widest)
}

/// How many times wider than the widest of the lines around it a line is
/// that spans several columns: a column's own lines differ by their ragged
/// ends, never by half again.
const TOWERING_SHARE: f32 = 1.5;

/// A Latin line's width `size` as a share of the widest of the (up to
/// three) lines of one piece right above it that hold a few words (across
/// blank lines); `None` without two such lines. The upward twin of
/// [`width_against_body_below`]: taking the widest keeps a line of a wide
/// column read in turn with a narrow one (every other line wide) from
/// looking wider than its neighbours.
/// `measuring` holds the page's [`measuring_lines`].
fn width_against_lines_above(page: &Page, measuring: &[usize], line_index: usize, size: f32) -> Option<f32> {
    let above: Vec<f32> = measuring[..measuring.partition_point(|&l| l < line_index)]
        .iter()
        .rev()
        .take(3)
        .map(|&l| page.pieces[page.lines[l].pieces.start].cells)
        .collect();
    share_of_widest(size, &above)
}

/// Lines below a paragraph's first line that give the width of its column.
const COLUMN_LINES_BELOW: usize = 6;

/// The most a paragraph's first line holds, as a share of its column's
/// lines below it: the indent OCR drops leaves it short of the column.
const FIRST_LINE_MAX_SHARE: f32 = 0.85;

/// True when the line after `line_index` opens a paragraph as a sparse-text
/// page shows it: one piece that starts with a capital, holds three words
/// or more (running text, not a name broken over lines), and is shorter
/// than the median of the lines below it by about an indent. Why: OCR drops
/// the indent but not the room it took.
fn above_paragraph_start(page: &Page, line_index: usize) -> bool {
    let Some(next) = page.lines.get(line_index + 1) else { return false };
    if next.pieces.len() != 1 {
        return false;
    }
    let piece = &page.pieces[next.pieces.start];
    let text = piece.text.trim();
    let starts_upper = text.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase);
    if !starts_upper || text.split_whitespace().count() < 3 {
        return false;
    }
    let mut below: Vec<f32> = page.lines[line_index + 2..]
        .iter()
        .take(COLUMN_LINES_BELOW)
        .map(|l| page.pieces[l.pieces.start].cells)
        .collect();
    if below.len() < 3 {
        return false;
    }
    below.sort_by(f32::total_cmp);
    piece.cells < FIRST_LINE_MAX_SHARE * below[below.len() / 2]
}

/// The fewest words a Latin line of a sparse-text page holds to measure its
/// column's width.
const MEASURING_WORDS: usize = 3;

/// True when the line is one of three or more consecutive one-line blocks
/// of similar width: the printed lines of a narrow column, each followed by
/// a blank line, not a headline.
fn in_narrow_run(page: &Page, line_index: usize, capitals_start_sentences: bool) -> bool {
    let single = |index: usize| -> Option<f32> {
        let line = page.lines.get(index)?;
        let block = &page.blocks[line.block];
        let piece = &page.pieces[line.pieces.start];
        // A narrow column's lines run on; a line that ends a sentence or is
        // a byline says nothing about its neighbours.
        let runs_on = !ends_sentence(&piece.text) && piece.role == Role::Body;
        (block.len() == 1 && line.pieces.len() == 1 && runs_on).then_some(piece.cells)
    };
    // Where a capital starts a sentence, the lines of a column that run on
    // mostly start in lower case: a run of lines that all start with a
    // capital is titles and column starts, not one column.
    let starts_lower = |index: usize| {
        page.lines.get(index).is_some_and(|line| {
            page.pieces[line.pieces.start]
                .text
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| !c.is_uppercase())
        })
    };
    let runs_on = |first: usize| !capitals_start_sentences || (first + 1..=first + 2).any(starts_lower);
    let Some(width) = single(line_index) else { return false };
    let similar =
        |other: Option<f32>| other.is_some_and(|w| (w - width).abs() <= (0.35 * w.max(width)).max(4.0));
    let before = line_index.checked_sub(1).map(single).unwrap_or(None);
    let before2 = line_index.checked_sub(2).map(single).unwrap_or(None);
    let after = single(line_index + 1);
    let after2 = single(line_index + 2);
    (similar(before) && similar(after) && runs_on(line_index - 1))
        || (similar(before) && similar(before2) && runs_on(line_index - 2))
        || (similar(after) && similar(after2) && runs_on(line_index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_opening_on_an_article_or_conjunction_reads_as_a_sentence_start() {
        assert!(opens_on_connective("But the glass harbour stayed quiet"));
        assert!(opens_on_connective("\u{201c}The lantern makers of Velmora"));
        assert!(opens_on_connective("und die Brücke blieb stehen"));
        assert!(!opens_on_connective("Lantern makers win the river prize"));
        assert!(!opens_on_connective("Butterfly keepers meet in Velmora"));
        // A headline set in capitals may keep its article.
        assert!(!opens_on_connective("THE LANTERN MAKERS OF VELMORA"));
    }

    #[test]
    fn a_line_holding_an_auxiliary_verb_reads_as_running_text() {
        assert!(holds_auxiliary("Mayor Tilda Fenwick has opened"));
        assert!(holds_auxiliary("The ferry is running late"));
        assert!(!holds_auxiliary("Mayor opens lantern bridge"));
        // A question title may open on one; capitals are left alone.
        assert!(!holds_auxiliary("Is the lantern bridge safe"));
        assert!(!holds_auxiliary("MAYOR HAS OPENED BRIDGE"));
    }

    #[test]
    fn stray_quotes_at_a_headline_edge_are_trimmed_but_paired_ones_kept() {
        assert_eq!(trim_stray_quotes("”老城区改造工程"), "老城区改造工程");
        assert_eq!(trim_stray_quotes("老城区改造工程“"), "老城区改造工程");
        assert_eq!(trim_stray_quotes("“码上监督”上线"), "“码上监督”上线");
        assert_eq!(trim_stray_quotes("”上线“码上监督"), "”上线“码上监督", "the closing mark may pair");
    }

    #[test]
    fn a_comma_counts_inside_a_text_but_not_at_its_end_or_in_a_number() {
        assert!(comma_inside("城市公园建设，迎来新变化"));
        assert!(comma_inside("城市公园建设,迎来新变化"));
        assert!(!comma_inside("城市公园建设迎来新变化，"));
        assert!(!comma_inside("投入1,500万元建设公园"));
        assert!(!comma_inside("城市公园建设、绿地改造"));
    }
}

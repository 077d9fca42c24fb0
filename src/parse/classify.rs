//! Label the pieces whose role the text itself shows.
//!
//! In: pieces and their lines and blocks. Out: a [`Role`] per piece —
//! headline, byline, scattered glyphs of a big headline, or body. Why: the
//! assembler opens articles at headlines and closes them at bylines, and must
//! not glue scattered glyphs into sentences.
//!
//! The byline grammar is a nom parser: a bracketed list of personal names
//! ("(张三 李四)"), a bare list of three or more names on a line of its own,
//! or an English credit line ("By Jane Doe", "(Reuters)"). Headlines are
//! recognised from their shape in context: a short line standing alone
//! between blank lines, without a sentence end, and not one of a run of
//! equally narrow lines (those are a narrow column).

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char as one_char, space0, space1};
use nom::combinator::{all_consuming, opt, recognize, verify};
use nom::multi::{many1, separated_list1};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use super::chars::{
    cells, ends_sentence, is_han, is_line_end_hyphen, is_line_start_forbidden, is_opening, is_wide,
    trim_gutter_noise, PAUSES,
};
use super::{Gap, Page};

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

fn han_name(input: &str) -> IResult<&str, &str> {
    recognize(many1(alt((
        take_while_m_n(1, 4, is_han),
        // Names of minorities and foreigners are joined by a middle dot.
        recognize(one_char('·')),
    ))))
    .parse(input)
    .and_then(|(rest, name)| {
        let n = name.chars().count();
        if (2..=6).contains(&n) {
            Ok((rest, name))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify)))
        }
    })
}

fn name_separator(input: &str) -> IResult<&str, &str> {
    alt((recognize((space0, one_char('、'), space0)), space1)).parse(input)
}

fn bracketed_names(input: &str) -> IResult<&str, Vec<&str>> {
    delimited(
        (alt((one_char('('), one_char('（'))), space0),
        separated_list1(name_separator, han_name),
        (space0, alt((one_char(')'), one_char('）')))),
    )
    .parse(input)
}

/// Chinese credit prefixes: "记者", "本报记者", "通讯员", "特约记者", "见习记者".
fn reporter_prefix(input: &str) -> IResult<&str, &str> {
    recognize((
        opt(alt((tag("本报"), tag("特约"), tag("见习"), tag("新华社"), tag("人民网")))),
        alt((tag("记者"), tag("通讯员"), tag("摄影"))),
        space0,
    ))
    .parse(input)
}

/// "记者张三、李四", "本报记者 王五", "(记者张三)", and two-character names
/// padded to three cells with a space ("本报记者 常 钦").
fn reporter_names(input: &str) -> IResult<&str, Vec<&str>> {
    preceded(
        reporter_prefix,
        separated_list1(
            name_separator,
            alt((
                han_name,
                recognize((take_while_m_n(1, 1, is_han), one_char(' '), take_while_m_n(1, 1, is_han))),
            )),
        ),
    )
    .parse(input)
}

fn bare_names(input: &str) -> IResult<&str, Vec<&str>> {
    verify(separated_list1(space1, han_name), |names: &Vec<&str>| {
        names.len() >= 3 && names.iter().all(|n| n.chars().count() <= 3)
    })
    .parse(input)
}

fn capitalised_word(input: &str) -> IResult<&str, &str> {
    verify(take_while1(|c: char| c.is_alphabetic() || c == '.' || c == '\'' || c == '-'), |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
    })
    .parse(input)
}

fn english_credit(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            // Capitalised only: "by", "von" and "par" in lower case are
            // far more often a printed line running on mid-sentence.
            alt((tag("By "), tag("BY "), tag("Von "), tag("VON "), tag("Par "), tag("PAR "))),
            credited_names,
        )),
        recognize(delimited(one_char('('), separated_list1(space1, capitalised_word), one_char(')'))),
    ))
    .parse(input)
}

/// A credit line that opens with "by", "von" or "par" in lower case: only
/// a credit where it follows a sentence end (running text that goes on
/// with "by" follows a line cut mid-sentence).
fn lower_case_credit(input: &str) -> IResult<&str, &str> {
    all_consuming(recognize((alt((tag("by "), tag("von "), tag("par "))), credited_names))).parse(input)
}

/// The names of a credit: capitalised words joined by commas, spaces or
/// "and" in English, German or French.
fn credited_names(input: &str) -> IResult<&str, &str> {
    recognize(separated_list1(
        alt((recognize((space0, one_char(','), space0)), tag(" and "), tag(" und "), tag(" et "), space1)),
        capitalised_word,
    ))
    .parse(input)
}

fn date(input: &str) -> IResult<&str, &str> {
    let number = |n: usize| take_while_m_n(1, n, |c: char| c.is_ascii_digit());
    alt((
        recognize((number(2), one_char('.'), number(2), one_char('.'), number(4))),
        recognize((number(4), one_char('-'), number(2), one_char('-'), number(2))),
        recognize((number(2), one_char('/'), number(2), one_char('/'), number(4))),
    ))
    .parse(input)
}

impl Role {
    /// A headline or a subhead.
    pub fn is_heading(self) -> bool {
        matches!(self, Role::Headline | Role::Subhead)
    }
}

/// Agency credit lines ending in a date, as Austrian and German papers
/// print them: "APA, 30.4.2016", "red, dpa, 1.2.2015".
fn agency_credit(input: &str) -> IResult<&str, &str> {
    let agency = take_while_m_n(2, 8, |c: char| c.is_alphabetic());
    let separator =
        || alt((recognize((space0, one_char(','), space0)), recognize((space0, one_char('/'), space0))));
    recognize((separated_list1(separator(), agency), separator(), date)).parse(input)
}

fn byline(input: &str) -> IResult<&str, &str> {
    all_consuming(alt((
        recognize(bracketed_names),
        recognize(reporter_names),
        recognize(delimited(
            (alt((one_char('('), one_char('（'))), space0),
            reporter_names,
            (space0, alt((one_char(')'), one_char('）')))),
        )),
        recognize(bare_names),
        recognize(preceded(opt(alt((tag("— "), tag("- ")))), english_credit)),
        agency_credit,
    )))
    .parse(input)
}

/// True when the whole text is a byline.
pub fn is_byline(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= 60 && byline(text).is_ok()
}

/// When a line ends with a bracketed byline glued after its last sentence
/// ("…新进展。(刘洋)"), the byte offset where the byline begins.
pub fn trailing_byline_start(line: &str) -> Option<usize> {
    let open = line.rfind(['(', '（'])?;
    if open == 0 || !is_byline(line[open..].trim_end()) {
        return None;
    }
    let before = line[..open].trim_end();
    (ends_sentence(before) || before.ends_with(['.', '。'])).then_some(open)
}

/// Labels headlines and scattered glyphs on a parsed page. Bylines were
/// labelled when the line was cut. Returns, per line, whether it holds the
/// headlines of articles set side by side (which must stay apart).
pub fn label_page(page: &mut Page) -> Vec<bool> {
    let mut side_by_side = Vec::with_capacity(page.lines.len());
    // Most printed lines each set between blank lines: then standing alone
    // says nothing about a line, a blank line ends no paragraph, and widths
    // are compared across blank lines.
    let single_printed_lines =
        page.blocks.iter().filter(|b| b.len() == 1 && page.lines[b.start].pieces.len() == 1).count();
    let blank_separated = page.blocks.len() >= 8 && single_printed_lines * 3 >= page.blocks.len() * 2;
    let style = PageStyle { blank_separated, capitals_start_sentences: capitals_start_sentences(page) };
    for line_index in 0..page.lines.len() {
        let range = page.lines[line_index].pieces.clone();
        let pieces = &page.pieces[range.clone()];
        // Latin headlines of articles set side by side, found and cut apart
        // as one row by the glued-line cutter, stay apart.
        if !page.is_cjk() && pieces.len() >= 2 && pieces.iter().all(|p| p.role == Role::Headline) {
            side_by_side.push(line_index);
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
        let pieces = &page.pieces[range.clone()];
        let all_body = pieces.iter().all(|p| p.role == Role::Body);
        if !all_body || pieces.len() > 3 {
            continue;
        }
        let alone = page.blocks[page.lines[line_index].block].len() == 1 && !blank_separated;
        let in_own_block = page.blocks[page.lines[line_index].block].len() == 1;
        if pieces.len() == 1 && in_own_block && is_glyph(&pieces[0].text) {
            page.pieces[range.start].role = Role::Fragment;
        } else if side_by_side_headlines(page, line_index, blank_separated) {
            side_by_side.push(line_index);
            for piece in &mut page.pieces[range] {
                piece.role = Role::Headline;
            }
        } else {
            // The whole line first (headline ends of two articles a rule
            // parts are both headings); failing that, the text without
            // what a rule or a gutter sets apart from it.
            let whole = page.lines[line_index].pieces.clone();
            let span = heading_span(page, line_index);
            let judged = heading_role(page, line_index, whole.clone(), alone, &style)
                .map(|role| (role, whole))
                .or_else(|| {
                    heading_role(page, line_index, span.clone(), alone, &style).map(|role| (role, span))
                });
            if let Some((role, span)) = judged {
                for piece in &mut page.pieces[span] {
                    piece.role = role;
                }
            }
        }
    }
    if page.is_cjk() {
        label_first_headline_lines(page);
    }
    (0..page.lines.len()).map(|line| side_by_side.binary_search(&line).is_ok()).collect()
}

/// Labels the first printed line of a CJK headline set on two lines right
/// before a dateline: the headline's second line was labelled as the line
/// before the dateline; the line above it that opens their block, one
/// piece without a pause or a sentence end, is the headline's first line.
/// Why: left as body, it opens a chain of its own and the headline reads
/// from its middle.
fn label_first_headline_lines(page: &mut Page) {
    for line_index in 1..page.lines.len() {
        let (above, line) = (&page.lines[line_index - 1], &page.lines[line_index]);
        let first_of_block = page.blocks[above.block].start == line_index - 1;
        if above.block != line.block || !first_of_block || above.pieces.len() != 1 || line.pieces.len() != 1 {
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

/// The pieces of a line that may make a headline: the line without what a
/// printed column rule parts from its first piece (a rule stands between
/// columns, never inside a headline) and without stray marks at either end
/// that a gutter parts from the text (a lone glyph, or a mark with no
/// letter or digit: speckles and picture edges read as text). Why: a
/// headline set beside a picture or over a ruled column is otherwise judged
/// with that noise as part of it, and its width and last character are
/// wrong. CJK pages only.
fn heading_span(page: &Page, line_index: usize) -> std::ops::Range<usize> {
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
    let stray = |piece: &super::Piece| {
        let text = piece.text.trim();
        is_glyph(text) || !text.chars().any(char::is_alphanumeric)
    };
    let set_apart = |piece: &super::Piece| matches!(piece.gap, Gap::Gutter(_) | Gap::Rule);
    while end > 1 && set_apart(&pieces[end - 1]) && stray(&pieces[end - 1]) {
        end -= 1;
    }
    let mut start = 0;
    while start + 1 < end && set_apart(&pieces[start + 1]) && stray(&pieces[start]) {
        start += 1;
    }
    // Only one piece of text set apart so is a headline's shape; two or
    // more are glued columns, judged with the whole line. A pause inside
    // the piece marks running text of a column, not a headline.
    let text = pieces[start].text.as_str();
    let pause = text.contains(PAUSES);
    if end - start == 1 && !pause {
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
fn side_by_side_headlines(page: &Page, line_index: usize, blank_separated: bool) -> bool {
    if !page.is_cjk() {
        return false;
    }
    let pieces = &page.pieces[page.lines[line_index].pieces.clone()];
    // Where every printed line stands between blank lines, a row of
    // headlines may follow the last line of a column of the article above,
    // mid-sentence: there a dateline below alone says a row opens articles.
    let opens = after_paragraph(page, line_index, blank_separated);
    if !(2..=3).contains(&pieces.len()) {
        return false;
    }
    let headline_like = |text: &str| {
        let text = trim_stray_quotes(trim_gutter_noise(text));
        let size = cells(text);
        (6.0..=30.0).contains(&size)
            && !text.chars().any(|c| matches!(c, '。' | '！' | '？' | '；'))
            && !ends_sentence(text)
            && !text.chars().next().is_some_and(is_line_start_forbidden)
            && !text.ends_with(['，', ',', '、', ':', '：'])
            && !is_dateline_start(text)
    };
    if !pieces.iter().all(|p| headline_like(&p.text)) {
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

/// Lines below a row of side-by-side headlines within which a dateline
/// shows that they open articles: the row itself may be followed by the
/// second printed line of each headline, one OCR line each.
const DATELINE_REACH: usize = 3;

/// Lines after the first dateline below a row of headlines that may still
/// hold a dateline of the same row of articles (columns not level).
const DATELINE_BAND: usize = 3;

/// The datelines that open the first paragraphs of the articles below a
/// line: those on the first line within [`DATELINE_REACH`] lines that holds
/// one, and on the [`DATELINE_BAND`] lines after it. CJK pages only.
pub fn datelines_below(page: &Page, line_index: usize) -> Vec<usize> {
    let dated = |line: &super::Line| line.pieces.clone().filter(|&i| is_dateline_start(&page.pieces[i].text));
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

/// The first-line indent of a CJK paragraph, in cells.
const PARAGRAPH_INDENT: f32 = 2.0;

/// True when `text` opens with a Chinese news dateline, which opens the
/// first paragraph of an article: the paper's or an agency's name with 电
/// or 讯 after it ("本报北京3月24日电", "新华社上海5月1日电", "本报讯"), or a
/// date followed by 电/讯, within its first characters. The paper's name
/// alone also opens a credit ("本报记者 王明"), which is a byline.
pub fn is_dateline_start(text: &str) -> bool {
    const SOURCES: [&str; 4] = ["本报", "新华社", "中新社", "中新网"];
    let head = text.char_indices().nth(20).map_or(text, |(end, _)| &text[..end]);
    let filed = head.contains(['电', '讯']);
    // "日电" continues a date: a line that opens with it is the rest of a
    // dateline broken over two printed lines, not its start.
    let after_date = |marker: &str| {
        head.match_indices(marker).any(|(at, _)| {
            head[..at].chars().next_back().is_some_and(|c| c.is_ascii_digit() || is_cjk_numeral(c))
        })
    };
    // A dateline broken over two printed lines right after its date
    // ("本报北京2月17日" | "电（记者…"): the paper's name, then a date
    // that ends the piece.
    let broken_after_date = text.chars().count() <= 20 && {
        let body = trim_gutter_noise(text);
        body.strip_suffix('日')
            .and_then(|d| d.chars().next_back())
            .is_some_and(|c| c.is_ascii_digit() || is_cjk_numeral(c))
            && body.contains('月')
    };
    let from_source = SOURCES.iter().any(|source| head.starts_with(source));
    (from_source && (filed || broken_after_date)) || after_date("日电") || after_date("日讯")
}

/// A digit written as a Chinese numeral, as dates may be.
fn is_cjk_numeral(c: char) -> bool {
    matches!(c, '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '０'..='９')
}

/// One wide character that is not punctuation: a glyph of a broken-up title.
fn is_glyph(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_wide(c) && is_han(c))
}

/// What a page's text says about how it is set, for the headline rules.
struct PageStyle {
    /// Most printed lines stand each between blank lines.
    blank_separated: bool,
    /// A capital letter after a line break mostly starts a sentence, as in
    /// English or French, and not any noun, as in German.
    capitals_start_sentences: bool,
}

/// Words that start with a capital although no sentence ends before them, as
/// a share of all such words, up to which capitals are taken to start
/// sentences. (On the corpus's dev pages: 0.11 to 0.22 in English and
/// French, 0.27 to 0.38 in German, where every noun takes a capital.)
const MID_SENTENCE_CAPITALS_MAX: f32 = 0.25;

/// True when capitals inside sentences are rare on the page.
fn capitals_start_sentences(page: &Page) -> bool {
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

fn heading_role(
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
                        .all(|(a, b)| (a.cells - b.cells).abs() <= 0.3 * a.cells.max(b.cells))
            })
        };
        let repeated = like_this(Some(line_index + 1)) || like_this(line_index.checked_sub(1));
        // A piece after a space that is a bracketed aside, "〈豫鲁段)":
        // OCR put spaces around the brackets of running CJK text; the space
        // of a headline parts two phrases, never an aside from its noun.
        // (Quotes and book-title marks do stand alone in headlines.)
        let aside = page.is_cjk()
            && pieces[1..].iter().any(|p| {
                let text = p.text.trim();
                text.starts_with(ASIDE_OPENING) && text.ends_with(ASIDE_CLOSING)
            });
        if aside {
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
    let inner_sentence_end = text.chars().any(|c| matches!(c, '。' | '！' | '？'));
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
        // wherever the columns around it stand and however wide it is.
        let before_dateline = page
            .lines
            .get(line_index + 1)
            .is_some_and(|next| is_dateline_start(&page.pieces[next.pieces.start].text));
        // A line exactly as wide as the body lines of the next block is a
        // printed body line whose paragraph goes on elsewhere.
        if !before_dateline
            && pieces.len() == 1
            && next_block_width(page, line_index).is_some_and(|w| (size - w).abs() <= 1.0)
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
        let next_opens_paragraph = page.lines.get(line_index + 1).is_some_and(|next| {
            let next = &page.pieces[next.pieces.start].text;
            next.chars().next().is_some_and(is_opening) || is_dateline_start(next)
        });
        let shape = alone
            || before_dateline
            || (after_byline && no_pause && next_opens_paragraph)
            || (after_paragraph(page, line_index, blank_separated)
                && matches!((width, indented), (Some(w), Some(i)) if i < 0.9 || w > 1.3))
            // The page's first line, wider than the justified body below
            // it, is no line of that body.
            || (line_index == 0 && no_pause && width.is_some_and(|w| w > 1.1));
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
        let next_starts_sentence = next_starts_sentence && style.capitals_start_sentences;
        let shape = alone
            || all_caps && words.len() >= 3
            || (opens_block && next_starts_sentence)
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
        let ends_on_particle =
            last_word.chars().count() <= 3 && last_word.chars().next().is_some_and(char::is_lowercase);
        let interrupting = style.capitals_start_sentences
            && !blank_separated
            && next_starts_sentence
            && (3..=10).contains(&words.len())
            && !ends_on_particle
            && !text.contains([',', ';', '.', '"', '“', '”'])
            && !text.ends_with(|c: char| is_line_end_hyphen(c) || c == ':');
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
        // A headline in capitals may be broken over lines of one word.
        let min_words = if all_caps { 1 } else { 2 };
        if !starts_upper || !(min_words..=30).contains(&words.len()) {
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

/// True when a Latin line reads as a title: it starts with a capital, holds
/// three to ten words, ends neither a sentence nor on a short lower-case
/// word, a hyphen or a colon, and holds no comma, full stop or double quote.
fn title_shaped(text: &str) -> bool {
    let text = text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    let last_word = words.last().map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let ends_on_particle =
        last_word.chars().count() <= 3 && last_word.chars().next().is_some_and(char::is_lowercase);
    text.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase)
        && (3..=10).contains(&words.len())
        && !ends_on_particle
        && !ends_sentence(text)
        && !text.contains([',', ';', '.', '"', '“', '”'])
        && !text.ends_with(|c: char| is_line_end_hyphen(c) || c == ':')
}

/// True when the piece in `slot` of a glued Latin line (not the first
/// column) tops its column and reads as a title: no piece stands in that
/// slot on the line above in the block, the piece below in the slot starts
/// a sentence, and the piece is a few words without a sentence end, a comma
/// or a quote, not ending on a short lower-case word.
fn column_top_title(page: &Page, line_index: usize, slot: usize) -> bool {
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
    let ends_on_particle =
        last_word.chars().count() <= 3 && last_word.chars().next().is_some_and(char::is_lowercase);
    tops_column
        && next_starts_sentence
        && text.chars().next().is_some_and(char::is_uppercase)
        && (3..=12).contains(&words.len())
        && !ends_on_particle
        && !ends_sentence(text)
        && !text.contains([',', ';', '.', '"', '“', '”'])
        && !text.ends_with(|c: char| is_line_end_hyphen(c) || c == ':')
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
    widths.sort_by(f32::total_cmp);
    Some(widths[widths.len() / 2])
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
        .take(3)
        .map(|l| page.pieces[l.pieces.start].cells)
        .collect();
    // One line below is often the short end of a paragraph: no measure.
    if below.len() < 2 {
        return None;
    }
    let widest = below.iter().copied().reduce(f32::max)?;
    let size: f32 = page.pieces[span].iter().map(|p| p.cells).sum();
    (widest > 0.0).then(|| size / widest)
}

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
    use super::super::parse_page;
    use super::*;

    /// The role of the first piece whose text starts with `start`.
    fn role_of(page: &Page, start: &str) -> Role {
        page.pieces.iter().find(|p| p.text.starts_with(start)).expect("a piece starting so").role
    }

    #[test]
    fn bylines_in_brackets_bare_and_english() {
        assert!(is_byline("(王小明 李华)"));
        assert!(is_byline("（张三、李四）"));
        assert!(is_byline("张伟 王芳 李娜"));
        assert!(is_byline("By Jane Doe and John Smith"));
        assert!(is_byline("Von Anna Schmidt"));
        // A printed line of running text that happens to open with "by".
        assert!(!is_byline("von Juventus Turin"));
        assert!(!is_byline("by Central Bank Governor"));
        assert!(is_byline("(Reuters)"));
        assert!(is_byline("记者王小明"));
        assert!(is_byline("APA, sid, 30.4.2016"));
        assert!(!is_byline("Am 30.4.2016"));
        assert!(is_byline("本报记者 王小明、李华"));
        assert!(is_byline("本报记者 王 明"));
        assert!(!is_byline("记者会上,他说"));
        assert!(!is_byline("春 夏 秋 冬"));
        assert!(!is_byline("工作 部署"));
        assert!(!is_byline("(他说,这是真的)"));
    }

    #[test]
    fn trailing_byline_needs_a_sentence_before_it() {
        assert_eq!(trailing_byline_start("新进展。(刘洋)"), Some("新进展。".len()));
        assert_eq!(trailing_byline_start("村(社区)"), None);
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
    fn a_headline_beside_a_ruled_column_is_judged_without_it() {
        // The text after the rule belongs to another column; with it the
        // line is too wide for a headline.
        let text = "全市公交线路调整方案今天正式公布 | 另一栏的文字出现在这里

                    本报杭州5月8日电（记者王明）全市 | 公交线路将于下月起调整，涉及
                    公交线路将于下月起调整，涉及二十 | 多条线路和一百多个站点，调整
";
        let page = parse_page(text, 0, 1);
        assert_eq!(role_of(&page, "全市公交线路调整方案"), Role::Headline);
        assert_eq!(role_of(&page, "| 另一栏"), Role::Body);
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
    fn stray_quotes_at_a_headline_edge_are_trimmed_but_paired_ones_kept() {
        assert_eq!(trim_stray_quotes("”老城区改造工程"), "老城区改造工程");
        assert_eq!(trim_stray_quotes("老城区改造工程“"), "老城区改造工程");
        assert_eq!(trim_stray_quotes("“码上监督”上线"), "“码上监督”上线");
        assert_eq!(trim_stray_quotes("”上线“码上监督"), "”上线“码上监督", "the closing mark may pair");
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
}

//! CJK runs glued without a gutter, and printed lines OCR split apart.
//!
//! In: a parsed CJK page. Out: every piece that is about a whole multiple of
//! its column's width cut at that width (at the space nearest each cut when
//! the run holds spaces), and pieces that OCR split inside one printed line
//! joined again. Why: OCR glues side-by-side columns with no gutter at all
//! as often as with one (and drops the space of a printed line break now
//! and then), and puts spaces inside lines where print has none; justified
//! CJK print gives every line of a column the same number of cells, so a
//! run two or three times that long is two or three printed lines, and two
//! short pieces that make one width together are one. Gutter noise at a
//! run's edges (a column rule's bar, a speck) counts for no column's
//! width, and a stray quote mark OCR read out of a gutter inside a run
//! draws the cut beside it (and, one column's width from the start of a
//! run longer than any column, or as the only place where such a run parts
//! into pieces that fit its columns, is a gutter by itself). A space OCR
//! put beside a bracket inside a printed line is mended like any other
//! inner space, with the brackets' slack.
//!
//! A run shaped like a headline on a line of its own (side-by-side
//! headlines read across as one line) is never cut at a body column's
//! width: each headline spans two or three columns.

use rustc_hash::FxHashMap;

use super::part;
use crate::parse::chars::{
    cells, ends_sentence, is_gutter_noise, is_han, is_line_start_forbidden, is_wide, trim_gutter_noise,
    MAX_STRAY_MARKS, PAUSES,
};
use crate::parse::classify::reporter_credit_names;
use crate::parse::words::spanning_word;
use crate::parse::{Gap, Page, Piece, Role, SourceSpan};

/// Pieces this many times their column's width or more are cut.
const MIN_MULTIPLE: f32 = 1.8;

/// Lines on each side whose pieces tell a column's width.
const WINDOW: usize = 4;

/// A piece's width in cells without the gutter noise and spaces at its
/// edges: a bar OCR read out of the column rule before a column, or a speck
/// after it, is the gutter's, not the column's, and would make a printed
/// line look a cell wider than its column (or a glued run look spaced).
fn text_cells(piece: &Piece) -> f32 {
    cells(trim_gutter_noise(&piece.text))
}

/// How many characters at the start and at the end of `chars` are gutter
/// noise or spaces (see [`text_cells`]).
fn noise_edges(chars: &[char]) -> (usize, usize) {
    let noise = |c: &&char| c.is_whitespace() || is_gutter_noise(**c);
    let lead = chars.iter().take_while(noise).count();
    let trail = if lead == chars.len() { 0 } else { chars.iter().rev().take_while(noise).count() };
    (lead, trail)
}

/// The widths of the printed lines around a line: those of the nearby pieces
/// that are not the last of their line (those may end a paragraph short) and
/// look like one printed line (6 to 30 cells), each seen at least twice.
/// Several columns of different widths may stand close together.
fn column_widths_near(page: &Page, line_index: usize) -> Vec<f32> {
    let first = line_index.saturating_sub(WINDOW);
    let last = (line_index + WINDOW + 1).min(page.lines.len());
    let mut widths: Vec<f32> = page.lines[first..last]
        .iter()
        .flat_map(|line| {
            let pieces = &page.pieces[line.pieces.clone()];
            let full = if pieces.len() > 1 { &pieces[..pieces.len() - 1] } else { pieces };
            full.iter().map(|p| (p.cells * 2.0).round() / 2.0)
        })
        .filter(|w| (6.0..=30.0).contains(w))
        .collect();
    widths.sort_by(f32::total_cmp);
    let mut seen_twice: Vec<f32> =
        widths.windows(2).filter(|pair| pair[0] == pair[1]).map(|pair| pair[0]).collect();
    seen_twice.dedup();
    seen_twice
}

/// Of the nearby column widths, the one that divides a run of `cells` into
/// whole printed lines best (the larger on a tie), with the number of lines.
fn best_division(cells: f32, widths: &[f32]) -> Option<(f32, usize)> {
    widths
        .iter()
        .filter(|&&w| cells >= MIN_MULTIPLE * w)
        .map(|&w| {
            let parts = (cells / w).round().max(2.0);
            (w, parts as usize, (cells - parts * w).abs() / cells)
        })
        .filter(|&(_, _, error)| error <= 0.08)
        .min_by(|a, b| a.2.total_cmp(&b.2).then(b.0.total_cmp(&a.0)))
        .map(|(w, parts, _)| (w, parts))
}

/// How far, in cells, a space may stand from a cut point and still be
/// taken for the gutter there.
const SPACE_REACH: f32 = 1.5;

/// Cuts `piece` into parts of about `width` cells. A run without spaces is
/// cut at character boundaries (never inside a number); a run that holds
/// spaces (OCR keeps one beside digits and Latin words, and sometimes one
/// where the gutter was) only at a space near each cut point, or not at
/// all.
fn cut(piece: &Piece, width: f32, parts: usize) -> Vec<Piece> {
    let chars: Vec<char> = piece.text.chars().collect();
    // The gutter noise at the edges stays with the first and last parts
    // and counts for no column's width.
    let (lead, trail) = noise_edges(&chars);
    let core_end = chars.len() - trail;
    let spaced = chars[lead..core_end].contains(&' ');
    // Cell offset at the end of every character, from the start of the core.
    let ends: Vec<f32> = chars
        .iter()
        .enumerate()
        .scan(0.0, |filled, (i, &c)| {
            if i >= lead {
                *filled += if is_wide(c) { 1.0 } else { 0.5 };
            }
            Some(*filled)
        })
        .collect();
    // Each cut: where the left part ends and the right part starts.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut start = lead;
    let mut origin = 0.0;
    for index in lead..core_end.saturating_sub(1) {
        if cuts.len() + 1 == parts || index < start || ends[index] - origin < width - 0.25 {
            continue;
        }
        if spaced {
            let target = ends[index];
            let space = (start + 1..core_end)
                .filter(|&i| chars[i] == ' ' && (ends[i] - 0.5 - target).abs() <= SPACE_REACH)
                .min_by(|&a, &b| (ends[a] - target).abs().total_cmp(&(ends[b] - target).abs()));
            let Some(space) = space else { return vec![piece.clone()] };
            cuts.push((space, space + 1));
            start = space + 1;
            origin = ends[space];
        } else {
            // A number or a Latin word is not broken across printed lines:
            // a cut inside one goes back to its start.
            let word_char = |c: char| c.is_ascii_alphanumeric() || c == '.';
            let mut at = index + 1;
            while at > start + 1 && word_char(chars[at - 1]) && word_char(chars[at]) {
                at -= 1;
            }
            if ends[at - 1] - origin < width - 3.0 {
                at = index + 1;
            }
            at = settle_cut(&chars[..core_end], &ends, start, at);
            cuts.push((at, at));
            start = at;
            origin = ends[at - 1];
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for (end, next) in cuts.into_iter().chain([(chars.len(), chars.len())]) {
        let mut piece_part = part(piece, &chars, from, end, out.is_empty());
        if from > 0 && chars[from - 1] == ' ' {
            piece_part.gap = Gap::BreakSpace;
        }
        out.push(piece_part);
        from = next;
    }
    out
}

/// How far, in cells, a stray quote mark may stand from a cut point and
/// still be taken for the gutter there.
const QUOTE_REACH: f32 = 1.0;

/// Moves a cut at character `at` (between `chars[at - 1]` and `chars[at]`)
/// of a run without spaces beside a stray quote mark near it, if any.
///
/// A quote mark that pairs with none in the run (or an empty pair `“”`),
/// next to the cut point, is what OCR read out of a gutter speck or a
/// column rule: the cut goes beside it (after a closing mark, before an
/// opening one), so the mark ends or starts a part and neither column
/// loses a glyph to the other. The run being longer than its columns by
/// the mark's width, a cut at the plain width would land one glyph off.
fn settle_cut(chars: &[char], ends: &[f32], start: usize, at: usize) -> usize {
    let target = ends[at - 1];
    // Candidate cuts beside a stray mark: after a closing one, before an
    // opening one; the nearest to the target wins.
    let beside = stray_quote_cuts(chars, start)
        .filter(|&cut| (ends[cut - 1] - target).abs() <= QUOTE_REACH)
        .min_by(|&a, &b| (ends[a - 1] - target).abs().total_cmp(&(ends[b - 1] - target).abs()));
    if let Some(cut) = beside {
        return cut;
    }
    at
}

/// Cuts every over-long piece of a CJK page; keeps slots and line ranges
/// consistent.
pub fn cut_glued_pieces(page: &mut Page) {
    if !page.is_cjk() {
        return;
    }
    let widths: Vec<Vec<f32>> = (0..page.lines.len()).map(|l| column_widths_near(page, l)).collect();
    let glued = glued_widths(page, &widths);
    let headline_rows = headline_row_lines(page);
    let printed = printed_line_widths(page);
    // Per piece (by line and start), how many other printed lines of its
    // input line are about as wide as it.
    let line_widths = sorted_printed_widths(page, &printed);
    let witnesses: FxHashMap<(usize, usize), usize> = (0..page.pieces.len())
        .map(|index| {
            let piece = &page.pieces[index];
            ((piece.line, piece.span.start), printed_line_witnesses(page, &printed, &line_widths, index))
        })
        .collect();
    let witnessed = |piece: &Piece, needed: usize| witnesses[&(piece.line, piece.span.start)] >= needed;
    let division = |piece: &Piece| match glued[piece.line] {
        _ if headline_rows[piece.line] && headline_shaped_run(&piece.text) => None,
        _ if witnessed(piece, PRINTED_WITNESSES) => None,
        Some(_) if is_unspaced_run(piece) && witnessed(piece, PRINTED_WITNESSES_AGAINST_OWN_WIDTH) => None,
        Some(width) if is_unspaced_run(piece) => block_division(text_cells(piece), width),
        _ => best_division(text_cells(piece), &widths[piece.line])
            .or_else(|| quote_gutter_width(piece, &widths[piece.line]).map(|w| (w, 2))),
    };
    if !page.pieces.iter().any(|p| division(p).is_some()) {
        return;
    }
    page.recut_lines(|_, pieces| {
        pieces
            .iter()
            .flat_map(|piece| match division(piece) {
                Some((width, parts)) => cut(piece, width, parts),
                None => vec![piece.clone()],
            })
            .collect()
    });
}

/// Slack, in cells, between the column line a credit is glued to and a
/// column width seen nearby.
const CREDIT_COLUMN_SLACK: f32 = 1.0;

/// Cuts a reporter's credit ("记者王明", "本报记者 王明") off the column line
/// OCR glued it to, at either end, and labels it a byline. Why: where
/// columns are read across, an article's closing credit at the foot of one
/// column is glued to the line of the column beside it ("…等措记者王明"); the
/// run is shorter than two column widths, so [`cut_glued_pieces`] leaves it,
/// and whole it reads as a headline or as body, so the credit closes no
/// article and the column's line opens a false one. The other part must be
/// as wide as a column seen nearby (within `CREDIT_COLUMN_SLACK`): running
/// text that mentions a reporter ("…，记者从市里获悉") is cut nowhere else.
pub fn cut_glued_credits(page: &mut Page) {
    if !page.is_cjk() {
        return;
    }
    let widths: Vec<Vec<f32>> = (0..page.lines.len()).map(|l| column_widths_near(page, l)).collect();
    let credit_cut = |piece: &Piece| glued_credit(piece, &widths[piece.line]);
    page.recut_lines(|_, pieces| {
        let mut out = Vec::with_capacity(pieces.len());
        let mut index = 0;
        while index < pieces.len() {
            let piece = &pieces[index];
            if let Some(cut) = credit_cut(piece) {
                out.extend(credit_parts(piece, cut));
                index += 1;
                continue;
            }
            // A credit's one inner space ("…本报记者 王明") cut its name off
            // at parsing: the line and the credit word, with the name after.
            let spaced = pieces.get(index + 1).filter(|name| spaced_name(piece, name)).and_then(|name| {
                let joined = Piece {
                    text: format!("{} {}", piece.text, name.text),
                    span: SourceSpan { end: name.span.end, ..piece.span },
                    ..piece.clone()
                };
                let cut = credit_cut(&joined)
                    .filter(|cut| !cut.credit_first && cut.right_start < piece.text.chars().count())?;
                Some(credit_parts(&joined, cut))
            });
            if let Some(parts) = spaced {
                out.extend(parts);
                index += 2;
                continue;
            }
            out.push(piece.clone());
            index += 1;
        }
        out
    });
}

/// Most characters of a name that a credit's inner space parted from it.
const SPACED_NAME_CHARS: usize = 4;

/// True when `name` is a short Han name right after `piece`, one space
/// between them (see [`cut_glued_credits`]).
fn spaced_name(piece: &Piece, name: &Piece) -> bool {
    name.gap == Gap::BreakSpace
        && name.span.start == piece.span.end + 1
        && name.text.chars().count() <= SPACED_NAME_CHARS
        && name.text.chars().all(is_han)
}

/// The column line and the credit of `piece` parted at `cut`, the credit
/// labelled a byline.
fn credit_parts(piece: &Piece, cut: CreditCut) -> Vec<Piece> {
    let chars: Vec<char> = piece.text.chars().collect();
    let mut parts = vec![
        part(piece, &chars, 0, cut.left_end, true),
        part(piece, &chars, cut.right_start, chars.len(), false),
    ];
    parts[usize::from(!cut.credit_first)].role = Role::Byline;
    parts
}

/// Most characters a credit holds (as [`reporter_credit_names`] reads
/// one): only so many at either end of a piece are tried.
const MAX_CREDIT_CHARS: usize = 60;

/// Where a glued credit parts from its column line (see [`cut_glued_credits`]).
#[derive(Debug, Clone, Copy, PartialEq)]
struct CreditCut {
    /// End of the left part, in characters (spaces at the cut dropped).
    left_end: usize,
    /// Start of the right part, in characters.
    right_start: usize,
    /// Whether the credit is the left part.
    credit_first: bool,
}

/// The cut of a body piece that is a reporter's credit glued to a column
/// line as wide as one of `widths`, credit last or first; none otherwise.
fn glued_credit(piece: &Piece, widths: &[f32]) -> Option<CreditCut> {
    if piece.role != Role::Body {
        return None;
    }
    let chars: Vec<char> = piece.text.chars().collect();
    let text = |range: std::ops::Range<usize>| -> String { chars[range].iter().collect() };
    // How far a column line is from the nearest column width seen nearby,
    // where it is within the slack.
    let misfit = |line: &str| {
        let width = cells(line.trim());
        widths
            .iter()
            .map(|w| (w - width).abs())
            .filter(|&off| off <= CREDIT_COLUMN_SLACK && width > 0.0)
            .min_by(f32::total_cmp)
    };
    // A piece as wide as a column is one printed line, whatever it opens
    // or ends with ("记者注意到…" opens a sentence).
    if misfit(&piece.text).is_some() {
        return None;
    }
    let trim_end = |end: usize| end - chars[..end].iter().rev().take_while(|c| c.is_whitespace()).count();
    let trim_start = |start: usize| start + chars[start..].iter().take_while(|c| c.is_whitespace()).count();
    // Every cut where a credit stands at one end and the rest fits a
    // column; a credit in a dateline's brackets ("（记者王明") is the
    // dateline's. The grammar takes names of up to six characters, so
    // where several cuts fit, the one giving a name of the usual length
    // wins, then the longest credit (a paper's name before the credit word
    // is the credit's: "…本报记者 王明"), then the closest fit.
    // A credit holds at most this many characters (the grammar's bound).
    let reach = MAX_CREDIT_CHARS.min(chars.len());
    let credit_last = (chars.len() - reach + 1..chars.len()).filter_map(|at| {
        if chars[at].is_whitespace() || matches!(chars[at - 1], '(' | '（') {
            return None;
        }
        let names = reporter_credit_names(&text(at..chars.len()))?;
        let off = misfit(&text(0..at))?;
        Some((
            name_rank(names),
            chars.len() - at,
            off,
            CreditCut { left_end: trim_end(at), right_start: at, credit_first: false },
        ))
    });
    let credit_first = (1..reach).filter_map(|at| {
        let start = trim_start(at);
        let names = reporter_credit_names(&text(0..at)).filter(|_| start < chars.len())?;
        let off = misfit(&text(start..chars.len()))?;
        Some((
            name_rank(names),
            at,
            off,
            CreditCut { left_end: trim_end(at), right_start: start, credit_first: true },
        ))
    });
    credit_last
        .chain(credit_first)
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.total_cmp(&b.2)))
        .map(|(_, _, _, cut)| cut)
}

/// How usual a credit's name length is, lowest first: Chinese personal
/// names mostly hold three characters, else two.
fn name_rank(names: usize) -> usize {
    match names {
        3 => 0,
        2 => 1,
        _ => 2,
    }
}

/// Per piece, its width in cells where it reads as one printed line of a
/// space-joined paragraph line: it holds no space itself and follows a
/// line-break space or is followed by one (a paragraph's last line may fall
/// short, so it witnesses only a width it reaches). Why: OCR that keeps a printed line
/// break as a single space shows each printed line of the paragraph as a
/// piece of its own, so these are widths of printed lines (see
/// [`printed_line_witnesses`]); a piece holding a space may be two
/// printed lines kept together by a space beside a digit.
fn printed_line_widths(page: &Page) -> Vec<Option<f32>> {
    let mut widths = vec![None; page.pieces.len()];
    for line in &page.lines {
        for index in line.pieces.clone() {
            let piece = &page.pieces[index];
            let beside_break = piece.gap == Gap::BreakSpace
                || (index + 1 < line.pieces.end && page.pieces[index + 1].gap == Gap::BreakSpace);
            if beside_break && !piece.text.trim().contains(' ') {
                widths[index] = Some(text_cells(piece));
            }
        }
    }
    widths
}

/// Slack, in cells, of [`printed_line_witnesses`]: a printed line may
/// end a cell short of its column (a mark pushed to the next line).
const PRINTED_SLACK: f32 = 1.0;

/// Fewest other printed lines of a piece's input line that must be about
/// as wide as the piece: one could itself be two short lines OCR glued.
const PRINTED_WITNESSES: usize = 2;

/// Fewest such witnesses against a glued block's own width (see
/// [`glued_widths`]): that width is only a division of the longest run
/// near the line that the words did not object to, and on a page of
/// space-joined paragraphs every printed line is such a run, so half the
/// longest cut the printed lines of short paragraphs (two or three
/// printed lines, one witness on their line) and of lines whose other
/// printed lines hold digits (narrower) in the middle. A nearby column
/// width seen twice is firmer evidence and still needs two witnesses.
const PRINTED_WITNESSES_AGAINST_OWN_WIDTH: usize = 1;

/// How many other printed lines of a piece's own input line (see
/// [`printed_line_widths`]) are at least about as wide as the piece: with
/// [`PRINTED_WITNESSES`] of them it is one printed line, never cut.
/// Why: a glued block's width guessed from a division of its runs (half
/// the longest), or a narrow column's width seen nearby, cut the printed
/// lines of a space-joined paragraph in two where Chinese words happened
/// to part there; the line itself shows lines that wide standing alone (a
/// clean page read below its input order). A run OCR glued there (a
/// dropped break space) is wider than its line's printed lines and is cut
/// as before.
fn printed_line_witnesses(
    page: &Page,
    printed: &[Option<f32>],
    line_widths: &[Vec<f32>],
    index: usize,
) -> usize {
    let cells = text_cells(&page.pieces[index]);
    let wide_enough = |width: f32| cells <= width + PRINTED_SLACK;
    // The widths are sorted and `wide_enough` only turns true as they
    // grow, so those it holds for are the tail after the partition point.
    let widths = &line_widths[page.pieces[index].line];
    let all = widths.len() - widths.partition_point(|&width| !wide_enough(width));
    let own = printed[index].is_some_and(wide_enough);
    all - usize::from(own)
}

/// Per input line, the widths of its printed lines (see
/// [`printed_line_widths`]) in rising order. Why: every piece of a line
/// counts the printed lines at least about as wide as it (see
/// [`printed_line_witnesses`]); a sorted list answers that with a binary
/// search instead of a scan of the whole line, which made a long line of
/// unspaced text (one line, many thousand pieces) quadratic.
fn sorted_printed_widths(page: &Page, printed: &[Option<f32>]) -> Vec<Vec<f32>> {
    page.lines
        .iter()
        .map(|line| {
            let mut widths: Vec<f32> = printed[line.pieces.clone()].iter().flatten().copied().collect();
            widths.sort_by(f32::total_cmp);
            widths
        })
        .collect()
}

/// Per line, whether it may be a row of side-by-side headlines: it stands
/// alone between blank lines (on a page where most lines do not) and holds
/// at most [`HEADLINE_ROW_MAX_PIECES`] pieces.
fn headline_row_lines(page: &Page) -> Vec<bool> {
    if crate::parse::classify::lines_set_apart(page) {
        return vec![false; page.lines.len()];
    }
    page.lines
        .iter()
        .map(|line| page.blocks[line.block].len() == 1 && line.pieces.len() <= HEADLINE_ROW_MAX_PIECES)
        .collect()
}

/// True when a run is shaped like a headline: no pause, no sentence end,
/// nothing a printed line cannot start with, mostly Han characters.
///
/// Why: where the articles of a page stand side by side, OCR reads their
/// headlines across as one line standing alone, each headline as wide as
/// two or three body columns; over a block of glued runs the cutter takes
/// the block's column width (a division of the runs near it, the headlines
/// among them) and cuts every headline into column-wide parts, which then
/// read as body lines and open no article. A glued body row standing
/// alone between blank lines with no pause in two printed lines is rare.
fn headline_shaped_run(text: &str) -> bool {
    let text = trim_gutter_noise(text).trim_matches(|c: char| matches!(c, '“' | '”' | ' '));
    let first = text.chars().next();
    !text.is_empty()
        && !text.contains(|c: char| PAUSES.contains(&c) && !HEADLINE_PAUSES.contains(&c))
        && !text.contains(['。', '！', '？', '!', '?'])
        && !ends_sentence(text)
        && !first.is_some_and(is_line_start_forbidden)
        && text.chars().filter(|&c| is_han(c)).count() * 2 >= text.chars().count()
}

/// Pauses that headlines use as much as body text does: the enumeration
/// comma of a list ("A、B、C") and the colon after a place or topic.
const HEADLINE_PAUSES: [char; 3] = ['、', '：', ':'];

/// Most pieces a line of side-by-side headlines holds before cutting: one
/// per article (a space inside a headline may part one in two).
const HEADLINE_ROW_MAX_PIECES: usize = 3;

/// Fewest cells a column's line glued after a full one must hold for a
/// stray quote mark between them to count as the gutter.
const MIN_TAIL: f32 = 3.0;

/// The column width at which a run no whole number of columns long still
/// holds a gutter: a full printed line glued to a short one (a paragraph's
/// end, a column of another article) by a quote mark OCR read out of the
/// gutter. The run must be longer than every column near it, and the
/// mark must stand at one column's width from its start, with a line's
/// worth of text after it.
fn quote_gutter_width(piece: &Piece, widths: &[f32]) -> Option<f32> {
    let length = text_cells(piece);
    let widest = widths.iter().copied().fold(0.0, f32::max);
    if trim_gutter_noise(&piece.text).contains(' ') || length < widest + MIN_TAIL {
        return None;
    }
    widths
        .iter()
        .rev()
        .copied()
        .find(|&width| {
            let parts = cut(piece, width, 2);
            let [left, right] = parts.as_slice() else { return false };
            let at_quote = left.text.ends_with('”') || right.text.starts_with('“');
            at_quote && text_cells(right) >= MIN_TAIL && (text_cells(left) - width).abs() <= QUOTE_REACH
        })
        .or_else(|| lone_quote_gutter(piece, widest))
}

/// Where a run longer than every column near it holds one stray quote
/// mark, and only one, that parts it into two pieces no wider than the
/// widest column (each with a few glyphs of its own): the cell offset of
/// that cut from the run's start.
///
/// Why: OCR reads a faint column rule or a gutter speck as a quote mark,
/// and glues the lines on both sides of it; where the left one is the
/// tail of a printed line whose head OCR set apart with a space (or a
/// paragraph's short last line), the mark stands at no column's width
/// from the run's start, yet it is the only place the run can part into
/// printed lines that fit their columns.
fn lone_quote_gutter(piece: &Piece, widest: f32) -> Option<f32> {
    let chars: Vec<char> = piece.text.chars().collect();
    let (lead, trail) = noise_edges(&chars);
    let core = &chars[lead..chars.len() - trail];
    let fits = |part: &[char]| {
        let width = cells(&part.iter().collect::<String>());
        (MIN_TAIL..=widest + QUOTE_REACH).contains(&width) && part.iter().any(|&c| is_han(c))
    };
    let mut cuts: Vec<usize> =
        stray_quote_cuts(core, 0).filter(|&at| fits(&core[..at]) && fits(&core[at..])).collect();
    cuts.dedup();
    let [at] = cuts.as_slice() else { return None };
    Some(cells(&core[..*at].iter().collect::<String>()))
}

/// The places beside the stray quote marks of `chars[start..]` where a
/// run may be cut: after a closing mark that no opening one before it
/// pairs with, before an opening mark that no closing one after it pairs
/// with (or that opens an empty pair `“”`). In order, never at either end.
fn stray_quote_cuts(chars: &[char], start: usize) -> impl Iterator<Item = usize> + '_ {
    let stray = move |i: usize| match chars[i] {
        '”' => !chars[start..i].contains(&'“'),
        '“' => !chars[i + 1..].contains(&'”') || chars.get(i + 1) == Some(&'”'),
        _ => false,
    };
    (start + 1..chars.len())
        .filter(move |&i| stray(i))
        .map(move |i| if chars[i] == '”' { i + 1 } else { i })
        .filter(move |&cut| cut > start + 1 && cut < chars.len())
}

/// Narrowest column, in cells, that a run is cut into (the narrowest one
/// [`column_widths_near`] reads off the page, too).
const MIN_COLUMN_WIDTH: f32 = 6.0;

/// A run with no space at all that could hold two printed lines.
fn is_unspaced_run(piece: &Piece) -> bool {
    piece.cells >= MIN_MULTIPLE * MIN_COLUMN_WIDTH && !piece.text.contains(' ')
}

/// `cells` cut into whole lines of `width`, when it holds two or more.
fn division_at(cells: f32, width: f32) -> Option<(f32, usize)> {
    let parts = (cells / width).round();
    (cells >= MIN_MULTIPLE * width && (cells - parts * width).abs() / cells <= 0.08)
        .then_some((width, parts as usize))
}

/// `cells` cut into lines of a glued block's `width`: every line full but
/// the last, which may end short (a paragraph's end, a byline).
fn block_division(cells: f32, width: f32) -> Option<(f32, usize)> {
    (cells >= MIN_MULTIPLE * width).then(|| (width, ((cells - 0.5) / width).ceil().max(2.0) as usize))
}

/// How much better, in cuts between whole words, a block's own width must
/// do than the nearby column width before it replaces it.
const WORD_MARGIN: f32 = 2.0;

/// How many more cuts between whole words than twice the cuts that split
/// one a block's own width must make where no nearby column width divides
/// its runs at all: then nothing but the words says the runs are glued
/// columns rather than one wide column. (6 cut a dev page's single wide
/// column; 8 missed a glued block.)
const MIN_OWN_EVIDENCE: f32 = 7.0;

/// The column width for the glued runs (no space at all) of every line, where
/// the block says it. A nearby column width may belong to the article
/// above; a glued block whose columns never stand alone shows its width
/// only as a division of its runs (half, a third, a quarter of the longest
/// run near the line). Where such a width cuts the runs of the window
/// between whole words clearly more often than the nearby width, or than
/// leaving them whole where no nearby width divides them (a cut that
/// splits a dictionary word counts twice against), it is the block's width;
/// but never a width as narrow as one a nearby column width divides a run
/// of the window by (two printed lines glued, a few lines away): that
/// block's columns are that wide, and a half of it would cut every printed
/// line of the block in the middle, where Chinese words part often enough
/// to pass the word test; and a line of glued runs next to a line cut at a width is cut at that
/// width too when its runs divide by it — one block, one column width.
fn glued_widths(page: &Page, widths: &[Vec<f32>]) -> Vec<Option<f32>> {
    // Each run's width without its edge noise, measured once: the window
    // of every line weighs its neighbours' runs at several widths.
    let run_cells: Vec<Option<f32>> =
        page.pieces.iter().map(|p| is_unspaced_run(p).then(|| text_cells(p))).collect();
    let runs_of =
        |line: usize| page.lines[line].pieces.clone().filter_map(|i| run_cells[i].map(|cells| (i, cells)));
    // The words' verdict on each run cut at each width, worked out once:
    // a run lies in the windows of nine lines, which try the same widths
    // (those of its neighbours' divisions) again and again, and every
    // verdict cuts the run and walks the word list.
    let mut verdicts: FxHashMap<(usize, u32), WordVerdict> = FxHashMap::default();
    let mut chosen: Vec<Option<f32>> = vec![None; page.lines.len()];
    for (line, near) in widths.iter().enumerate() {
        if runs_of(line).next().is_none() {
            continue;
        }
        let old = runs_of(line).find_map(|(_, cells)| best_division(cells, near));
        let first = line.saturating_sub(WINDOW);
        let last = (line + WINDOW + 1).min(page.lines.len());
        let window: Vec<(usize, f32)> = (first..last).flat_map(runs_of).collect();
        let mut score = |width: f32| -> f32 {
            let verdict = window
                .iter()
                .filter_map(|&(p, cells)| {
                    division_at(cells, width).map(|(_, parts)| {
                        *verdicts
                            .entry((p, width.to_bits()))
                            .or_insert_with(|| word_verdict(&page.pieces[p], width, parts))
                    })
                })
                .fold(WordVerdict::default(), |a, b| WordVerdict {
                    split: a.split + b.split,
                    whole: a.whole + b.whole,
                });
            verdict.whole as f32 - 2.0 * verdict.split as f32
        };
        let longest = window.iter().map(|&(_, cells)| cells).fold(0.0, f32::max);
        let window_width = window
            .iter()
            .filter_map(|&(_, cells)| best_division(cells, near))
            .map(|(width, _)| width)
            .fold(0.0, f32::max);
        let (old_width, base) = match old {
            Some((width, _)) => (width, score(width)),
            None => (0.0, MIN_OWN_EVIDENCE - WORD_MARGIN),
        };
        let own = (2..=4)
            .flat_map(|parts| {
                let even = (longest / parts as f32 * 2.0).ceil() / 2.0;
                [even, even + 0.5]
            })
            .filter(|&w| w >= MIN_COLUMN_WIDTH && w > old_width.max(window_width) + 0.5)
            .map(|w| (w, score(w)));
        if let Some(width) = best_own_width(own, base + WORD_MARGIN) {
            chosen[line] = Some(width);
        }
    }
    // Spread each block's width to the next lines of glued runs, both ways.
    for line in 1..page.lines.len() {
        if chosen[line].is_none() {
            if let Some(width) = chosen[line - 1] {
                if runs_of(line).any(|(_, cells)| block_division(cells, width).is_some()) {
                    chosen[line] = Some(width);
                }
            }
        }
    }
    for line in (0..page.lines.len().saturating_sub(1)).rev() {
        if chosen[line].is_none() {
            if let Some(width) = chosen[line + 1] {
                if runs_of(line).any(|(_, cells)| block_division(cells, width).is_some()) {
                    chosen[line] = Some(width);
                }
            }
        }
    }
    chosen
}

/// Of a glued block's own widths, each with the words' score, the best
/// scoring at least `floor`; on a tie the widest.
///
/// Why: the words rarely speak (Chinese words part almost anywhere, so a
/// cut splits one seldom), and several widths often tie at no evidence
/// either way; a narrower width then claims more printed lines on the
/// same evidence. Taking the last of the tied candidates, as before, took
/// the narrowest (the quarters come after the halves), and a block of four
/// columns glued two by two was cut into thirds of its longest run.
fn best_own_width(scored: impl Iterator<Item = (f32, f32)>, floor: f32) -> Option<f32> {
    scored
        .filter(|&(_, score)| score >= floor)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.total_cmp(&b.0)))
        .map(|(width, _)| width)
}

/// What the words say about a set of cuts: how many fall between two Han
/// characters and split a dictionary word there, and how many keep the
/// words on both sides whole. (Punctuation and digits say nothing.)
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct WordVerdict {
    split: usize,
    whole: usize,
}

/// The verdict of the words on cutting `piece` (no spaces) into `parts`
/// lines of `width`.
fn word_verdict(piece: &Piece, width: f32, parts: usize) -> WordVerdict {
    let pieces = cut(piece, width, parts);
    let mut verdict = WordVerdict::default();
    for pair in pieces.windows(2) {
        let (Some(left), Some(right)) = (pair[0].text.chars().next_back(), pair[1].text.chars().next())
        else {
            continue;
        };
        if !(is_han(left) && is_han(right)) {
            continue;
        }
        let tail: String = pair[0].text.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
        if spanning_word(&tail, &pair[1].text) >= 2 {
            verdict.split += 1;
        } else {
            verdict.whole += 1;
        }
    }
    verdict
}

/// How far, in cells, a mended printed line may stray from a column width:
/// OCR adds a stray glyph or drops one now and then.
const MEND_SLACK: f32 = 1.0;

/// Mends printed lines that OCR split at a space it put inside them.
///
/// OCR engines put spaces inside CJK lines (around digits, Latin words,
/// brackets, or for no reason at all), and the line splitter takes every
/// single space for a printed line break. Where a piece is shorter than any
/// column near it and joining it with the next piece on the line makes one
/// column's width, the two were one printed line: they are joined again,
/// with their space, and the next pieces keep their column slots.
pub fn mend_split_lines(page: &mut Page) {
    if !page.is_cjk() {
        return;
    }
    let widths: Vec<Vec<f32>> = (0..page.lines.len()).map(|l| column_widths_near(page, l)).collect();
    let splits = |pieces: &[Piece], line: usize| {
        pieces.windows(2).any(|pair| mends(&pair[0], &pair[1], &widths[line]))
    };
    if !page.lines.iter().enumerate().any(|(index, line)| splits(&page.pieces[line.pieces.clone()], index)) {
        return;
    }
    page.recut_lines(|line, pieces| {
        let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match out.last_mut() {
                Some(last) if mends(last, piece, &widths[line]) => join(last, piece),
                _ => out.push(piece.clone()),
            }
        }
        out
    });
}

/// Fewest cells the right piece of a mend past a narrow nearby width must
/// hold: a glyph or two after a space is as often gutter noise or a
/// column's first glyph as the end of a printed line.
const MIN_MENDED_TAIL: f32 = 2.0;

/// Marks that end a sentence for sure (a semicolon or colon may stand
/// inside a printed line before more of the same sentence).
const FULL_STOPS: [char; 3] = ['。', '！', '？'];

/// True when `left` and `right`, one space apart, are one printed line: the
/// left one is short of every nearby column width and the two together make
/// one of them (or the left one is short of the width the two make and
/// neither ends a sentence, see below). A piece of gutter noise alone (a bar OCR read out of a
/// column rule) goes with the piece after it, so that it takes no column
/// slot of its own.
fn mends(left: &Piece, right: &Piece, widths: &[f32]) -> bool {
    if right.gap != Gap::BreakSpace || left.role != Role::Body || right.role != Role::Body {
        return false;
    }
    if left.text.chars().all(is_gutter_noise) || is_stray_marks(&left.text) {
        return true;
    }
    let near = |cells: f32, width: f32| (cells - width).abs() <= MEND_SLACK;
    let joined = left.cells + right.cells;
    let short = !widths.iter().any(|&w| left.cells >= w - MEND_SLACK);
    // OCR sets a space before an opening bracket and after a closing one
    // inside a printed line (a reporter credit, an abbreviation in
    // brackets, a year span); brackets and digits count more cells than
    // they take in print, so the pieces need only fit in a column.
    let bracket_space = left.text.trim_end().ends_with([')', '）', '〉', '》'])
        || right.text.trim_start().starts_with(['(', '（', '〈', '《']);
    if short && bracket_space && widths.iter().any(|&w| joined <= w + MEND_SLACK) {
        return true;
    }
    if short && dateline_then_credit(left, right) {
        // Digits and brackets set narrower in print than OCR's cells count
        // them: the two need only fit in a column.
        return widths.iter().any(|&w| joined <= w + MEND_SLACK);
    }
    if short && widths.iter().any(|&w| near(joined, w)) {
        return true;
    }
    // A short piece that is itself as wide as some narrow "column" nearby:
    // that width may be nothing but the split halves of other printed
    // lines (a bracketed reporter credit split off two lines of a row
    // makes a width of its own). The two are still one printed line when
    // the left one falls well short of the width they make together, the
    // right one holds a few glyphs and ends no sentence (a paragraph's end
    // in the next column does), and the left one ends no sentence (the
    // next column's line starts after it).
    right.cells >= MIN_MENDED_TAIL
        && !ends_sentence(&right.text)
        && !left.text.trim_end().ends_with(FULL_STOPS)
        && widths.iter().any(|&w| left.cells < w - MEND_SLACK && near(joined, w))
}

/// True for a piece of a few punctuation marks and no text: what OCR reads
/// out of a gutter's specks or a column rule between two columns (a CJK
/// printed line never starts with a closing mark, and one that ends a
/// line stands glued to it). Like a bar, it goes with the piece after it,
/// so that it takes no column slot of its own.
fn is_stray_marks(text: &str) -> bool {
    let marks = text.chars().filter(|c| !c.is_whitespace()).count();
    (1..=MAX_STRAY_MARKS).contains(&marks) && !text.chars().any(char::is_alphanumeric)
}

/// True when `left` is a whole Chinese dateline ("本报北京2月17日电") and
/// `right` opens the bracketed reporter credit that follows a dateline in
/// print ("(记者…"): the space between them is one OCR put inside a printed
/// line, never a line break, unless the dateline fills its column.
fn dateline_then_credit(left: &Piece, right: &Piece) -> bool {
    let left = left.text.trim();
    left.ends_with('电')
        && crate::parse::classify::is_dateline_start(left)
        && right.text.trim_start().starts_with(['(', '（', '〈'])
}

/// Appends `right` to `left`, keeping the space between them.
fn join(left: &mut Piece, right: &Piece) {
    left.text.push(' ');
    left.text.push_str(&right.text);
    left.span.end = right.span.end;
    left.cells = cells(&left.text);
}

#[cfg(test)]
mod tests {
    use crate::parse::{parse_page, Gap, Page, Role};

    /// The texts and roles of a line's pieces.
    fn line_pieces(page: &Page, line: usize) -> Vec<(&str, Role)> {
        page.pieces[page.lines[line].pieces.clone()].iter().map(|p| (p.text.as_str(), p.role)).collect()
    }

    /// Four lines of one column, ten cells each, before the line under test.
    const COLUMN: &str =
        "一二三四五六七八九十\n甲乙丙丁戊己庚辛壬癸\n子丑寅卯辰巳午未申酉\n春夏秋冬东南西北上下\n";

    #[test]
    fn a_credit_glued_after_a_column_line_is_cut_off_as_a_byline() {
        let page = parse_page(&format!("{COLUMN}天地玄黄宇宙洪荒日月记者金木水\n"), 0, 1);
        assert_eq!(
            line_pieces(&page, 4),
            vec![("天地玄黄宇宙洪荒日月", Role::Body), ("记者金木水", Role::Byline)]
        );
        assert_eq!(page.pieces[page.lines[4].pieces.start + 1].gap, Gap::Glued);
    }

    #[test]
    fn a_credit_glued_before_a_column_line_is_cut_off_as_a_byline() {
        let page = parse_page(&format!("{COLUMN}记者金木水天地玄黄宇宙洪荒日月\n"), 0, 1);
        assert_eq!(
            line_pieces(&page, 4),
            vec![("记者金木水", Role::Byline), ("天地玄黄宇宙洪荒日月", Role::Body)]
        );
    }

    #[test]
    fn a_credit_whose_name_a_space_parted_is_cut_off_whole() {
        let page = parse_page(&format!("{COLUMN}天地玄黄宇宙洪荒日月本报记者 金木水\n"), 0, 1);
        assert_eq!(
            line_pieces(&page, 4),
            vec![("天地玄黄宇宙洪荒日月", Role::Body), ("本报记者 金木水", Role::Byline)]
        );
    }

    #[test]
    fn a_paper_name_before_the_credit_word_goes_with_the_credit() {
        // Columns of ten and a half and of twelve cells: the line before
        // the credit fits either, the closer with the paper's name.
        let columns = "一二三四五六七八九十1  甲乙丙丁戊己庚辛壬癸子丑  金木水\n".repeat(4);
        let page = parse_page(&format!("{columns}天地玄黄宇宙洪荒日月本报记者 金木水\n"), 0, 1);
        assert_eq!(
            line_pieces(&page, 4),
            vec![("天地玄黄宇宙洪荒日月", Role::Body), ("本报记者 金木水", Role::Byline)]
        );
    }

    #[test]
    fn a_column_wide_line_opening_with_a_reporter_is_running_text() {
        // "记者看到…" parses as a credit; the rest is as wide as the narrow
        // column (six cells), but the whole line is as wide as the wide
        // one (ten cells), so it is one printed line.
        let columns = "一二三四五六  甲乙丙丁戊己庚辛壬癸  金木水\n".repeat(4);
        let page = parse_page(&format!("{columns}记者看到天地玄黄宇宙\n"), 0, 1);
        assert_eq!(line_pieces(&page, 4), vec![("记者看到天地玄黄宇宙", Role::Body)]);
    }

    #[test]
    fn a_credit_is_not_cut_where_the_rest_fits_no_column() {
        let page = parse_page(&format!("{COLUMN}天地玄黄宇宙记者金木水\n"), 0, 1);
        assert_eq!(line_pieces(&page, 4), vec![("天地玄黄宇宙记者金木水", Role::Body)]);
    }

    #[test]
    fn two_column_lines_glued_without_a_space_are_cut_at_the_column_width() {
        let text = "一二三四五六七八九十 甲乙丙丁戊己庚辛壬癸\n子丑寅卯辰巳午未申酉天地玄黄宇宙洪荒日月\n春夏秋冬东南西北上下 金木水火土风雨雷电云\n";
        let page = parse_page(text, 0, 1);
        let second: Vec<&str> =
            page.pieces[page.lines[1].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(second, vec!["子丑寅卯辰巳午未申酉", "天地玄黄宇宙洪荒日月"]);
        assert_eq!(page.pieces[page.lines[1].pieces.start + 1].gap, Gap::Glued);
        assert_eq!(page.pieces[page.lines[1].pieces.start + 1].span.start, 10);
    }

    #[test]
    fn printed_lines_of_a_space_joined_paragraph_are_not_halved_at_a_narrow_nearby_width() {
        // A narrow column (6 cells) stands above a paragraph whose printed
        // lines (12 cells) OCR kept apart by single spaces; one break space
        // of it was dropped, gluing two printed lines into one run.
        let text = [
            "甲乙丙丁戊己 天地玄黄宇宙 子丑寅卯辰巳\n",
            "一二三四五六七八九十春夏 秋冬东南西北上下金木水火 风雨雷电云霞雾霜雪山川河 ",
            "海湖江溪泉井石玉金银铜铁锡铅松柏竹梅兰菊荷桃李杏 日月\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        let paragraph: Vec<&str> =
            page.pieces[page.lines[1].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            paragraph,
            vec![
                "一二三四五六七八九十春夏",
                "秋冬东南西北上下金木水火",
                "风雨雷电云霞雾霜雪山川河",
                "海湖江溪泉井石玉金银铜铁",
                "锡铅松柏竹梅兰菊荷桃李杏",
                "日月"
            ]
        );
    }

    #[test]
    fn a_full_last_printed_line_witnesses_its_paragraph_width() {
        // Three printed lines of 12 cells, the last ending the paragraph
        // full: the first has one witness before the last and one in it.
        let text = [
            "甲乙丙丁戊己 天地玄黄宇宙 子丑寅卯辰巳\n",
            "一二三四五六七八九十春夏 秋冬东南西北上下金木水火 风雨雷电云霞雾霜雪山川河\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        assert_eq!(page.lines[1].pieces.len(), 3);
    }

    #[test]
    fn a_short_space_joined_paragraph_is_not_halved_at_a_glued_blocks_own_width() {
        // Paragraphs of 14-cell printed lines OCR kept apart by single
        // spaces, one of them two printed lines long (one witness on its
        // line): half the longest run would be a glued block's own width,
        // and the words, meaningless here, never object to a cut.
        let text = [
            "河地未水菊黄壬洪天上黄夏壬江 申川霞来壬未申壬李荒风川荒风 辰桃夏昃上雨地南玉冬溪壬玄暑 桃来丙李往亥戊火兰。\n\n",
            "前东火丑雪江辰丁洪玉乙寅桃亥 竹午天甲天川柏宿冬泉黄昃张雨 张铁未亥戌后来月雪荒亥溪井木 上癸荒癸右竹上甲风。\n\n",
            "玄江玉荷后冬戌宿水银寅山月溪 河铁云辰丁月张前后玄铁松。\n\n",
            "秋石丙乙木南黄宇南荷来地松申 泉寅河东银春下后玄午东雾甲石 宇江风列南柏铜兰火荷荷庚辰桃 日玄宿酉后宙寅溪丁。\n\n",
            "荒暑来河玉丁江辰玉申柏夏乙天 铜秋荷宇地洪火北荒洪松辛梅辰 梅黄寒泉子秋地北辰秋菊湖洪庚 玉地玄铜电兰云铜菊。\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        let short: Vec<&str> =
            page.pieces[page.lines[2].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(short, vec!["玄江玉荷后冬戌宿水银寅山月溪", "河铁云辰丁月张前后玄铁松。"]);
    }

    #[test]
    fn the_width_that_divides_the_run_wins_over_a_nearby_narrower_column() {
        assert_eq!(super::best_division(39.0, &[8.0, 13.0]), Some((13.0, 3)));
        assert_eq!(super::best_division(20.0, &[8.0, 13.0]), None);
    }

    #[test]
    fn a_dateline_and_its_credit_a_space_apart_are_one_printed_line() {
        // The dateline's digits count fewer cells than they take in print,
        // so the two fall short of the column width.
        let text = [
            "本报北京2月17日电 (记者王明 天地玄黄宇宙洪荒日月春夏秋冬东\n",
            "李华全市公交线路将于下月起开始 甲乙丙丁戊己庚辛壬癸子丑寅卯辰\n",
            "调整，涉及二十多条线路和一百多 春夏秋冬东南西北上下金木水火土\n",
            "个站点的变化情况请市民留意公告 水火土风雨雷电云霞雾霜雪山川河\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        let first: Vec<&str> =
            page.pieces[page.lines[0].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(first, vec!["本报北京2月17日电 (记者王明", "天地玄黄宇宙洪荒日月春夏秋冬东"]);
    }

    #[test]
    fn a_dateline_before_other_text_is_not_mended() {
        let left = crate::parse::Piece { text: "本报北京2月17日电".into(), ..piece_stub() };
        let credit = crate::parse::Piece { text: "(记者王明".into(), ..piece_stub() };
        let other = crate::parse::Piece { text: "全市公交线路".into(), ..piece_stub() };
        assert!(super::dateline_then_credit(&left, &credit));
        assert!(!super::dateline_then_credit(&left, &other));
        assert!(!super::dateline_then_credit(&other, &credit));
    }

    #[test]
    fn a_short_piece_as_wide_as_a_narrow_nearby_width_is_still_mended() {
        // A bracketed credit split off two lines of a row makes a width of
        // 6.5 cells of its own; the body columns are 11 wide.
        let piece = |text: &str, cells: f32| crate::parse::Piece {
            text: text.into(),
            cells,
            gap: Gap::BreakSpace,
            ..piece_stub()
        };
        let widths = [6.5, 11.0];
        assert!(super::mends(&piece("(记者王明)", 6.5), &piece("按期完工", 4.0), &widths));
        // A paragraph's end in the next column, a glyph of gutter noise,
        // or a line after a sentence's end are not the rest of the line.
        assert!(!super::mends(&piece("(记者王明)", 6.5), &piece("完成。", 3.0), &widths));
        assert!(!super::mends(&piece("(记者王明)", 6.5), &piece("社", 1.0), &widths));
        assert!(!super::mends(&piece("工作已完成。", 6.5), &piece("按期完工", 4.0), &widths));
    }

    /// Two headlines of side-by-side articles on a line of their own, each
    /// two of the 6-cell columns below wide.
    fn headline_row_page(left: &str) -> Vec<String> {
        let text = [
            left,
            "   天地玄黄宇宙洪荒日月辰宿\n\n",
            "一二三四五六 七八九十百千 春夏秋冬东南 西北上下左右\n",
            "子丑寅卯辰巳 午未申酉戌亥 金木水火土风 雨雷电云霞雾\n",
            "甲乙丙丁戊己 庚辛壬癸子丑 寅卯辰巳午未 申酉戌亥天地\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        page.pieces[page.lines[0].pieces.clone()].iter().map(|p| p.text.clone()).collect()
    }

    #[test]
    fn headline_shaped_runs_on_a_line_of_their_own_are_not_cut_at_the_column_width() {
        assert_eq!(
            headline_row_page("甲乙丙丁戊己庚辛壬癸子丑"),
            vec!["甲乙丙丁戊己庚辛壬癸子丑", "天地玄黄宇宙洪荒日月辰宿"]
        );
        // A list's enumeration comma and a topic's colon stand in headlines.
        assert_eq!(headline_row_page("甲乙丙丁、戊己庚辛壬癸子")[0], "甲乙丙丁、戊己庚辛壬癸子");
        assert_eq!(headline_row_page("甲乙丙丁戊：庚辛壬癸子丑")[0], "甲乙丙丁戊：庚辛壬癸子丑");
        // Running text with a pause is two printed lines glued.
        assert_eq!(headline_row_page("甲乙丙丁戊，庚辛壬癸子丑")[..2], ["甲乙丙丁戊，", "庚辛壬癸子丑"]);
        assert_eq!(headline_row_page("甲乙丙丁；戊己庚辛壬癸子")[..2], ["甲乙丙丁；戊", "己庚辛壬癸子"]);
    }

    fn piece_stub() -> crate::parse::Piece {
        crate::parse::parse_page("甲乙", 0, 1).pieces[0].clone()
    }

    #[test]
    fn ordinary_lines_are_left_alone() {
        let page = parse_page("一二三四五六七八九十\n子丑寅卯辰巳午未申酉\n春夏秋冬东南西北上下\n", 0, 1);
        assert_eq!(page.pieces.len(), 3);
    }

    #[test]
    fn a_line_ocr_split_at_an_inner_space_is_mended() {
        // Columns of ten cells; "列活动；" + "向干部家属发" is one printed line.
        let text = [
            "一二三四五六七八九十 甲乙丙丁戊己庚辛壬癸\n",
            "子丑寅卯辰巳午未申酉 天地玄黄宇宙洪荒日月\n",
            "列活动； 向干部家属发 金木水火土风雨雷电云\n",
            "春夏秋冬东南西北上下 | 寒来暑往秋收冬藏闰余\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        let texts = |line: usize| -> Vec<&str> {
            page.pieces[page.lines[line].pieces.clone()].iter().map(|p| p.text.as_str()).collect()
        };
        assert_eq!(texts(2), vec!["列活动； 向干部家属发", "金木水火土风雨雷电云"]);
        assert_eq!(texts(3), vec!["春夏秋冬东南西北上下", "| 寒来暑往秋收冬藏闰余"]);
        assert_eq!(page.pieces[page.lines[2].pieces.start].span.end, 11);
    }

    #[test]
    fn a_line_ocr_split_at_the_spaces_beside_a_bracket_is_mended() {
        // Columns of ten cells; OCR put a space on both sides of "(丙丁)".
        let text = [
            "一二三四五六七八九十 甲乙丙丁戊己庚辛壬癸\n",
            "子丑寅卯辰巳午未申酉 天地玄黄宇宙洪荒日月\n",
            "闰余成 (丙丁) 岁律吕 金木水火土风雨雷电云\n",
            "春夏秋冬东南西北上下 寒来暑往秋收冬藏闰余\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        let texts: Vec<&str> =
            page.pieces[page.lines[2].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec!["闰余成 (丙丁) 岁律吕", "金木水火土风雨雷电云"]);
    }

    #[test]
    fn a_full_printed_line_is_not_mended_with_its_neighbour() {
        let text = [
            "一二三四五六七八九十 甲乙丙丁戊己庚辛壬癸\n",
            "子丑寅卯辰巳午未申酉 天地玄黄宇宙洪荒日月\n",
            "春夏 秋冬\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        assert_eq!(page.lines[2].pieces.len(), 2, "two short pieces make no column width");
        assert_eq!(page.lines[0].pieces.len(), 2);
    }

    #[test]
    fn a_glued_run_holding_spaces_is_cut_at_the_space_nearest_the_column_width() {
        let text = [
            "一二三四五六七八九十 甲乙丙丁戊己庚辛壬癸\n",
            "子丑寅卯辰巳午未申酉 天地玄黄宇宙洪荒日月\n",
            "春夏秋冬东南西北上下 金木水火土风雨雷电云\n",
            "修好乡间道路十四条半 608 万元并新建村级站\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        let last: Vec<&str> =
            page.pieces[page.lines[3].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(last, vec!["修好乡间道路十四条半", "608 万元并新建村级站"]);
        assert_eq!(page.pieces[page.lines[3].pieces.start + 1].gap, Gap::BreakSpace);
        assert_eq!(page.pieces[page.lines[3].pieces.start + 1].span.start, 11);
    }

    #[test]
    fn the_words_judge_a_cut() {
        let piece = |text: &str| {
            let page = parse_page(text, 0, 1);
            page.pieces[0].clone()
        };
        // 基础设|施 splits a word; 城市|发展 does not.
        let split = super::word_verdict(&piece("这座城市的基础设施建设"), 7.0, 2);
        assert_eq!(split, super::WordVerdict { split: 1, whole: 0 });
        let whole = super::word_verdict(&piece("这座城市发展很快"), 4.0, 2);
        assert_eq!(whole, super::WordVerdict { split: 0, whole: 1 });
    }

    #[test]
    fn a_glued_block_with_no_column_of_its_own_is_cut_where_the_words_agree() {
        // Two columns of six cells glued on every line; no piece stands
        // alone, so only the words say where the columns meet.
        let rows = [
            ("我们今天开会", "大家都很高兴"),
            ("学校组织活动", "同学积极参加"),
            ("城市道路拥堵", "交通部门治理"),
            ("农民种植水稻", "收成比较稳定"),
            ("天气逐渐转暖", "游客越来越多"),
            ("河水十分清澈", "鱼儿自由游动"),
            ("银行发放贷款", "企业扩大规模"),
            ("公园种植花草", "市民散步休闲"),
            ("作家创作小说", "读者热情购买"),
        ];
        let text: String = rows.iter().map(|(a, b)| format!("{a}{b}\n")).collect();
        let page = parse_page(&text, 0, 1);
        for (line, (left, right)) in rows.iter().enumerate() {
            let texts: Vec<&str> =
                page.pieces[page.lines[line].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
            assert_eq!(texts, vec![*left, *right], "line {line}");
        }
    }

    #[test]
    fn printed_lines_near_a_glued_pair_are_not_halved() {
        // Three columns of twelve cells a space apart; on the third line OCR
        // glued the first two. Every column line also halves between
        // whole words, so only the glued pair's width says that the
        // columns are twelve cells wide, not six.
        let columns = [
            ["我们今天开会大家都很高兴", "学校组织活动同学积极参加", "城市道路拥堵交通部门治理"],
            ["农民种植水稻收成比较稳定", "天气逐渐转暖游客越来越多", "河水十分清澈鱼儿自由游动"],
            ["银行发放贷款企业扩大规模", "公园种植花草市民散步休闲", "作家创作小说读者热情购买"],
            ["工人修建桥梁车辆顺利通行", "医生治疗病人家属表示感谢", "老师批改作业学生认真订正"],
            ["厨师准备午饭客人陆续到来", "记者采访代表观众收看节目", "球队赢得比赛球迷欢呼庆祝"],
        ];
        let text: String = columns
            .iter()
            .enumerate()
            .map(|(line, [a, b, c])| match line {
                2 => format!("{a}{b} {c}\n"),
                _ => format!("{a} {b} {c}\n"),
            })
            .collect();
        let page = parse_page(&text, 0, 1);
        for (line, expected) in columns.iter().enumerate() {
            let texts: Vec<&str> =
                page.pieces[page.lines[line].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
            assert_eq!(texts, expected.to_vec(), "line {line}");
        }
    }

    #[test]
    fn a_single_wide_column_stays_whole() {
        let text = "这座城市的基础设施建设\n近年来发展得非常迅速\n居民的生活水平不断提高\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(page.pieces.len(), 3);
    }

    #[test]
    fn a_glued_row_whose_last_column_ends_short_still_holds_its_columns() {
        // Two full lines of eight and a byline of six: no even division,
        // but three lines of the block's width.
        assert_eq!(super::division_at(22.0, 8.0), None);
        assert_eq!(super::block_division(22.0, 8.0), Some((8.0, 3)));
        assert_eq!(super::block_division(24.0, 8.0), Some((8.0, 3)));
        assert_eq!(super::block_division(12.0, 8.0), None);
    }

    #[test]
    fn a_run_after_a_rule_bar_glued_at_a_stray_quote_is_cut_beside_the_quote() {
        // Three columns of ten cells. On the last line OCR read the second
        // gutter as a closing quote and glued two columns there; the bar of
        // the first gutter leads the run and makes it neither spaced nor
        // a cell wider.
        let text = [
            "一二三四五六七八九十 甲乙丙丁戊己庚辛壬癸 春夏秋冬东南西北上下\n",
            "子丑寅卯辰巳午未申酉 天地玄黄宇宙洪荒日月 金木水火土风雨雷电云\n",
            "寒来暑往秋收冬藏闰余 | 成岁律吕调阳云腾致雨”露结为霜金生丽水玉出\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        let last: Vec<&str> =
            page.pieces[page.lines[2].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(last, vec!["寒来暑往秋收冬藏闰余", "| 成岁律吕调阳云腾致雨”", "露结为霜金生丽水玉出"]);
    }

    #[test]
    fn a_cut_goes_beside_a_stray_quote_but_not_beside_a_paired_one() {
        let page = |text: &str| parse_page(text, 0, 1).pieces[0].clone();
        let parts = |text: &str| -> Vec<String> {
            super::cut(&page(text), 10.0, 2).into_iter().map(|p| p.text).collect()
        };
        // OCR reads quote marks half a cell wide. A closing mark with no
        // opening one is a speck at the gutter: the cut goes after it.
        assert_eq!(
            parts("一二三四五六七八九”甲乙丙丁戊己庚辛壬癸"),
            vec!["一二三四五六七八九”", "甲乙丙丁戊己庚辛壬癸"]
        );
        // A quoted word keeps the plain cut at the column width.
        assert_eq!(
            parts("一二三四五六七八九“甲”乙丙丁戊己庚辛壬"),
            vec!["一二三四五六七八九“甲", "”乙丙丁戊己庚辛壬"]
        );
    }

    /// The pieces of `last` read under two lines of three ten-cell columns.
    fn below_three_columns(last: &str) -> Vec<String> {
        let text = [
            "一二三四五六七八九十 甲乙丙丁戊己庚辛壬癸 春夏秋冬东南西北上下\n",
            "子丑寅卯辰巳午未申酉 天地玄黄宇宙洪荒日月 金木水火土风雨雷电云\n",
            last,
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        page.pieces[page.lines[2].pieces.clone()].iter().map(|p| p.text.clone()).collect()
    }

    #[test]
    fn a_full_line_glued_to_a_short_one_at_a_stray_quote_is_cut_there() {
        // A line and a half: no division, but the quote stands at the width.
        assert_eq!(
            below_three_columns("寒来暑往秋收冬藏闰余“成岁律吕 调阳云腾致雨露结为霜\n"),
            vec!["寒来暑往秋收冬藏闰余", "“成岁律吕", "调阳云腾致雨露结为霜"]
        );
        // Without the mark nothing tells where the gutter is.
        assert_eq!(
            below_three_columns("寒来暑往秋收冬藏闰余成岁律吕 调阳云腾致雨露结为霜\n"),
            vec!["寒来暑往秋收冬藏闰余成岁律吕", "调阳云腾致雨露结为霜"]
        );
    }

    #[test]
    fn of_tied_own_widths_the_widest_wins() {
        let scored = [(11.5, 0.0), (12.0, 0.0), (8.0, 0.0), (8.5, 0.0)];
        assert_eq!(super::best_own_width(scored.into_iter(), -2.0), Some(12.0));
        // A better score still wins over a wider width.
        let scored = [(12.0, 0.0), (8.5, 1.0)];
        assert_eq!(super::best_own_width(scored.into_iter(), -2.0), Some(8.5));
        assert_eq!(super::best_own_width(scored.into_iter(), 2.0), None);
    }

    #[test]
    fn a_run_parted_only_by_a_lone_stray_quote_is_cut_there() {
        // OCR set the head of the first line apart with a space and read
        // the gutter after it as an opening quote: the mark stands at no
        // column width from the run's start, but only there does the run
        // part into two printed lines that fit their columns.
        assert_eq!(
            below_three_columns("寒来暑 往秋收冬藏闰“成岁律吕调阳云腾致雨 露结为霜金生丽水玉出\n"),
            vec!["寒来暑 往秋收冬藏闰", "“成岁律吕调阳云腾致雨", "露结为霜金生丽水玉出"]
        );
        // A quoted phrase is no gutter.
        assert_eq!(
            below_three_columns("寒来暑 往秋“收冬”藏闰成岁律吕调阳云腾致雨 露结为霜金生丽水玉出\n"),
            vec!["寒来暑", "往秋“收冬”藏闰成岁律吕调阳云腾致雨", "露结为霜金生丽水玉出"]
        );
    }

    #[test]
    fn a_number_is_not_broken_by_a_column_cut() {
        let page = parse_page("一二三四五六七八九1234子丑寅卯辰巳\n", 0, 1);
        let parts: Vec<String> = super::cut(&page.pieces[0], 10.0, 2).into_iter().map(|p| p.text).collect();
        assert_eq!(parts, vec!["一二三四五六七八九", "1234子丑寅卯辰巳"]);
    }

    #[test]
    fn stray_marks_between_columns_go_with_the_piece_after_them() {
        let text = [
            "一二三四五六七八九十 甲乙丙丁戊己庚辛壬癸 春夏秋冬东南西北上下\n",
            "子丑寅卯辰巳午未申酉 。。 天地玄黄宇宙洪荒日月 金木水火土风雨雷电云\n",
            "寒来暑往秋收冬藏闰余 律吕调阳云腾致雨露结 为霜金生丽水玉出昆冈\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        let texts: Vec<&str> =
            page.pieces[page.lines[1].pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["子丑寅卯辰巳午未申酉", "。。 天地玄黄宇宙洪荒日月", "金木水火土风雨雷电云"]);
        assert!(page.rows_alike(0, 1));
    }

    #[test]
    fn only_a_few_marks_without_text_are_stray() {
        assert!(super::is_stray_marks("。"));
        assert!(super::is_stray_marks("。，"));
        assert!(super::is_stray_marks("”"));
        assert!(!super::is_stray_marks("。。。"));
        assert!(!super::is_stray_marks("甲。"));
        assert!(!super::is_stray_marks("1."));
    }
}

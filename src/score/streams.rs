//! Stream signal: columns emitted line by line in irregular turns.
//!
//! In: a parsed [`Page`] and its word-level facts. Out: per unit (a
//! column's printed line, see below), the unit its text goes on in, where
//! the page reads as a merge of column streams and that is not the next
//! unit. Why: in sparse-text modes
//! (Tesseract `--psm 11/12`) OCR emits every printed line on its own, roughly
//! top to bottom across the whole page, so the lines of side-by-side columns
//! alternate; baseline jitter and headlines of other heights make the turns
//! irregular, which the [`stride`] signal (one fixed stride
//! over a window) does not see. Each column's lines still come in their own
//! order: the input is a merge of a few monotone streams. A beam search
//! assigns every line to one stream, weighing the text evidence of each
//! step (words completed across it, sentences ended and started where they
//! should be) against the rhythm of the merge: a stream's steps stay about
//! as long as its previous step (the columns advance together) and its
//! lines about as wide as its previous line (a column has one width).
//!
//! Sparse-text OCR still glues the lines of side-by-side columns where the
//! gutter is narrow, and not on every row: such a line is cut into
//! *units*, one column's printed line each, and the streams merge units
//! (before, the line's last piece stood for all of it, and its other
//! columns' streams broke there; dev F1 of ocr-zh-018 0.417 -> 0.491).
//!
//! On Chinese pages too since the assembler lets a headless column run
//! join the article whose stretch of the input it starts in (see
//! `assemble::articles`): before, each column stream, cut off where its
//! column wraps, became an article of its own (dev F1 of `real-ocr zh`
//! 0.584 -> 0.581 with streams then; 0.728 -> 0.737 with both now). A clean
//! CJK page that sets each paragraph on one line between blank lines is no
//! sparse-text output: its lines hold many pieces.

use std::cmp::Reverse;
use std::collections::hash_map::Entry;
use std::collections::BinaryHeap;
use std::num::NonZeroU32;

use rustc_hash::FxHashMap;

use crate::parse::chars::{ends_sentence, is_rule_glyph};
use crate::parse::classify::{is_dateline_start, is_newswire_dateline_start};
use std::ops::Range;

use crate::parse::stats::median;
use crate::parse::{Gap, Page, PieceId};

use super::language;
use super::latin::{self, Vocabulary};
use super::sentence;
use super::stride;
use crate::parse::word_language;

/// The farthest a stream's next line may stand: the layout's window of
/// nearby blocks, beyond which no candidate junction exists anyway.
pub const MAX_STEP: usize = super::layout::BLOCK_WINDOW;

/// Most streams open at once: pages rarely hold more columns side by side.
const MAX_STREAMS: usize = 6;

/// Hypotheses kept per line.
const BEAM: usize = 96;

/// Cost, in tenths of affinity, of opening a stream (a column's top).
const NEW_STREAM: i32 = -12;

/// Cost, in tenths of affinity, of opening a stream in the second decoding
/// of a Chinese page (see [`merge`]), which charges a new stream's first
/// step the rhythm cost against the nearest stride (see [`first_steps`]):
/// a stream opened off its column's turn pays there already, and at the
/// full [`NEW_STREAM`] the decoder kept a column's line in a stream it
/// does not belong to rather than open one (the true merges of the
/// sparse-text pages open more streams than the decoded ones). The first
/// decoding, which decides whether the page is a merge at all, keeps the
/// dearer cost (there, -8 made `syn-zh-005`, one-line blocks, a merge:
/// 1.000 -> 0.717, and cost the English pages 0.713 -> 0.688). Dev F1 of
/// `real-ocr zh` 0.718 -> 0.729 (ocr-zh-032 0.459 -> 0.707, zh-031 0.479
/// -> 0.578, zh-018 0.640 -> 0.694; zh-023 -0.043, zh-024 -0.046); -8 0.730,
/// -9 0.728, -6 0.711.
const NEW_STREAM_STRIDED: i32 = -10;

/// Streams, beyond the columns the nearest stride reads in turn, that the
/// second decoding opens at [`NEW_STREAM_STRIDED`]: one, for a heading's
/// stream or a column that ended and is still within reach (see
/// [`new_stream_cost`]).
const SPARE_STREAMS: usize = 1;

/// Cost per line of difference between a stream's step and its previous
/// step: the columns of one band advance together.
const RHYTHM: i32 = 3;

/// Largest rhythm cost of one step. A change of a line or two is baseline
/// jitter and costs by the line; a larger one is one event whatever its
/// size (a column that emits two lines in a round, a column that ends), so
/// the cost stops growing at under three lines' worth (12, four lines'
/// worth, made the true successors of the sparse-text dev pages pay for
/// every such event as much as for opening a stream: dev F1 of `real-ocr
/// zh` 0.781 -> 0.788 at 8 with the word lift below; 6 and 8 the same on
/// Chinese pages, 9 none of the gain, 4 and less let merges through on
/// synthetic pages).
const RHYTHM_CAP: i32 = 8;

/// Weight, in affinity units per log10 unit, of the English word model's
/// lift across a step (see [`word_language::word_lift`]): where every line
/// of a column runs on mid-sentence, case and punctuation say nothing and
/// only how often the words follow each other tells the column's next line
/// from another column's. Only before a lower-case start: a capital
/// after a line that runs on is the sentence signal's business. The
/// junction model's own weight for the lift
/// (`lm.word_lift` in `weights.json`); dev F1 of `real-ocr en` 0.728 ->
/// 0.735 with the cap above (everywhere, not only before a lower-case
/// start: 0.736; at 1.5: 0.725, 2.5: 0.734, 3: 0.721).
const WORD_LIFT: f32 = 2.0;

/// Weight, in affinity units per log10 unit, of the Chinese character
/// model's lift across a step (see [`language::lift`]), where it is
/// positive: on a sparse-text Chinese page the dictionary finds no word
/// across most breaks, and every candidate step then scores the same, so
/// the decoder chained consecutive lines (free) rather than open a stream
/// per column. Characters that often follow each other tell the column's
/// next line; a low lift says little (names, OCR errors), so only the lift
/// above zero counts. With [`BRACKET_CLOSED`], dev F1 of ocr-zh-023 0.413
/// -> 0.519, ocr-zh-018 0.492 -> 0.550, ocr-zh-006 0.780 -> 0.787,
/// `real-ocr zh` 0.765 -> 0.775 (0.3: 0.773, 0.4: 0.771, 0.7: 0.773; the
/// lift alone at 0.3: 0.768, with ocr-zh-006 at 0.627; the signed lift at
/// 0.3: 0.772 but syn-zh-023 0.962 -> 0.954, at 1: 0.763).
const CHAR_LIFT: f32 = 0.5;

/// Evidence, in affinity units, of a step onto a line that closes the
/// bracket the stream's last line left open: a reporter's name in the
/// dateline, cut by the line end, reads on whatever the character model
/// makes of a name (the lift alone took ocr-zh-006 from 0.780 to 0.627,
/// sending its dateline to the wrong column; 1 and 2 the same, alone
/// without the lift `real-ocr zh` 0.764).
const BRACKET_CLOSED: f32 = 1.0;

/// Cost of a full column width of difference between a line and the
/// stream's previous line.
const WIDTH: f32 = 10.0;

/// Evidence, in affinity units, of a lower-case start after a line that
/// does not end a sentence.
const LOWER_CASE_START: f32 = 0.3;

/// Cost, in affinity units, of a line-end break that completes no known
/// word: on top of taking back the affinity's +1 for any lower-case tail.
const UNKNOWN_BREAK: f32 = 1.5;

/// A line at least this many columns' printed lines wide glues the lines
/// of side-by-side columns.
const GLUED_LINE: f32 = 1.6;

/// Most a unit of a glued line holds, in column lines: a piece that would
/// take it beyond starts the next unit (a column's line is about one
/// wide, two column lines are about two).
const UNIT_FILL: f32 = 1.15;

/// Evidence, in affinity units, of a line-end break that completes a known
/// word (on the page or, on an English page, in the word list). The
/// affinity counts only what [`latin::hyphen_on_page`] joins, and that
/// keeps the hyphen where both halves are words of the page ("for-" +
/// "ward"): so a column's own next line, which a column that emits two
/// lines in a row puts right below, lost to the stream's usual step (dev
/// F1 of `real-ocr en` 0.780 -> 0.782, ocr-en-013 0.532 -> 0.557; 2 and 3
/// the same, 1 half of it; only where the page's hyphen rule keeps the
/// hyphen: 0.781 at 2, 0.782 from 3 to 6).
const KNOWN_BREAK: f32 = 2.0;

/// Cost, in affinity units, of a word broken at a line-end hyphen going on
/// with a capital (see [`latin::hyphen_dangles`]): a broken word's second
/// half starts in lower case, on German pages too, where a compound broken
/// at its own hyphen ("Ost-" + "Region") is the rare exception. Before, the
/// step to a capital start cost nothing while every lower-case start whose
/// joined word the page does not know paid [`UNKNOWN_BREAK`], so on a page
/// without a word list a broken word went on to another column's sentence
/// start (ocr-de-008 0.409 -> 0.453, ocr-en-025 0.494 -> 0.530, ocr-en-005
/// 0.609 -> 0.639; 1.0 and 3.0 much the same). A capitalised stem is a name
/// broken anywhere ("Mc-" + "Farlane") and pays nothing.
const DANGLING_BREAK: f32 = 1.5;

/// Cost, in tenths of affinity, of a stream going on from running text
/// into a line that opens with a news dateline: a dateline opens an
/// article's first paragraph, so the line opens a stream of its own (or
/// goes on from its headline). Under side-by-side headlines OCR reads the
/// articles' first columns in turn, and a stream running from one
/// article's dateline line into the other's carried the columns across
/// the two articles: dev F1 of ocr-zh-024 0.563 -> 0.656 (its two
/// datelines, each broken over two lines, no longer run into each other's
/// article), ocr-zh-025 0.501 -> 0.451 (its decoded successors better, 53 ->
/// 51 wrong, but a chain already mixing two articles' columns changes
/// sides); `real-ocr zh` 0.732 -> 0.734. From 10 up the same; 5 moves
/// nothing.
const DATELINE_ENTRY: i32 = 30;

/// Cost, in tenths of affinity, in the second decoding of a Chinese page,
/// of a stream stepping from one column slot of a glued line to another
/// slot of a line glued from as many units (see [`changes_slot`]): sparse-
/// text OCR glues one printed row of neighbouring columns into a line, so
/// the units of two such lines stand column over column, and a column's
/// next line stands below it, never to its side. Where two side-by-side
/// articles' rows come in turn, the step to the other article's row (the
/// next line's first unit, or the right neighbour on the same line) read as
/// well as the step to the own row two lines down, and the streams crossed
/// articles.
const SLOT_CHANGE: i32 = 20;

/// Fewest lines a page needs for its streams to mean anything.
const MIN_LINES: usize = 12;

/// Share of a page's lines that must stand alone between blank lines, as
/// sparse-text OCR writes them.
const MIN_ALONE_SHARE: f32 = 0.9;

/// How much better, in tenths of affinity per line, the decoded merge must
/// read than the input order (dev: the sparse-text English pages gain 0.73
/// to 0.99, a synthetic page of one-line blocks 0.53).
const MIN_GAIN: f32 = 0.65;

/// Share of a page's lines whose decoded successor must differ from the
/// next line for the page to count as a merge of streams.
const MIN_MERGED_SHARE: f32 = 0.3;

/// Line numbers are `u32` here: the decoder keeps every line's beam for the
/// backtrack, a hundred hypotheses of six streams each, and word-size
/// fields took a long sparse page's peak memory up by half.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Stream {
    end: u32,
    /// The stream's last step, lines down; none for a stream of one line.
    step: Option<NonZeroU32>,
}

impl Stream {
    fn new(end: usize, step: Option<usize>) -> Self {
        Stream { end: line_u32(end), step: step.and_then(|s| NonZeroU32::new(line_u32(s))) }
    }

    fn end(&self) -> usize {
        self.end as usize
    }

    fn step(&self) -> Option<usize> {
        self.step.map(|s| s.get() as usize)
    }
}

/// A line, unit or piece number as the decoder stores it; [`stream_order`]
/// decodes only pages whose pieces fit (and so their lines and units).
fn line_u32(line: usize) -> u32 {
    u32::try_from(line).expect("the decoder runs only on pages whose line numbers fit in u32")
}

/// The open streams of a hypothesis, in order. A fixed array, not a `Vec`:
/// the decoder makes, hashes and compares hundreds of thousands of them a
/// page, and a heap allocation for each cost more than the search itself.
/// Equality, hashing and order see only the first `len` streams.
#[derive(Clone, Copy)]
struct Streams {
    items: [Stream; MAX_STREAMS],
    len: usize,
}

impl Streams {
    fn one(stream: Stream) -> Self {
        let mut streams = Streams { items: [stream; MAX_STREAMS], len: 0 };
        streams.push(stream);
        streams
    }

    fn as_slice(&self) -> &[Stream] {
        &self.items[..self.len]
    }

    /// Adds a stream; the caller keeps to [`MAX_STREAMS`].
    fn push(&mut self, stream: Stream) {
        self.items[self.len] = stream;
        self.len += 1;
    }

    /// The streams that `keep` keeps, in their order.
    fn filtered(&self, keep: impl Fn(&Stream) -> bool) -> Self {
        let mut out = Streams { items: self.items, len: 0 };
        for &stream in self.as_slice().iter().filter(|s| keep(s)) {
            out.push(stream);
        }
        out
    }
}

impl PartialEq for Streams {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Streams {}

impl std::hash::Hash for Streams {
    /// One word per stream, its last line and step together: the decoder
    /// hashes hundreds of thousands of sets a page.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for stream in self.as_slice() {
            state.write_u64(u64::from(stream.end) << 32 | u64::from(stream.step.map_or(0, NonZeroU32::get)));
        }
    }
}

impl PartialOrd for Streams {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Streams {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

#[derive(Clone, Copy)]
struct Hypothesis {
    streams: Streams,
    score: i32,
    /// Index of the hypothesis at the previous line it grew from.
    parent: u32,
    /// The line the current line follows in its stream; none for a new stream.
    previous: Option<u32>,
}

/// One column's printed line as sparse-text OCR emitted it: a whole input
/// line, or a stretch of the pieces of a line that glues the lines of
/// side-by-side columns (OCR merges them where the gutter is narrow).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub line: usize,
    pub pieces: Range<usize>,
}

/// The decoded merge: which unit each unit's text goes on in, where that
/// is not the next unit.
#[derive(Debug, Clone, Default)]
pub struct StreamOrder {
    pub units: Vec<Unit>,
    /// Per piece, its unit.
    unit_of: Vec<usize>,
    /// Per unit, the unit its text goes on in, where not the next one.
    pub after: Vec<Option<usize>>,
}

/// What the decoded merge says of one junction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamVerdict {
    /// The junction goes from a unit's end to the start of its decoded
    /// successor.
    pub follows: bool,
    /// The junction goes into the next unit, where the text goes on elsewhere.
    pub breaks: bool,
}

impl StreamOrder {
    /// Per piece of the page (`pieces` of them), the piece its text goes on
    /// in where the decoder placed its unit elsewhere than before the next
    /// unit: from a unit's last piece to its successor's first piece.
    pub fn successors(&self, pieces: usize) -> Vec<Option<usize>> {
        let mut out = vec![None; pieces];
        for (unit, after) in self.units.iter().zip(&self.after) {
            if let Some(after) = after {
                out[unit.pieces.end - 1] = Some(self.units[*after].pieces.start);
            }
        }
        out
    }

    /// The verdict on a junction from a piece of a unit the decoder placed
    /// elsewhere than before the next unit; none otherwise.
    pub fn verdict(&self, from: PieceId, to: PieceId) -> Option<StreamVerdict> {
        let unit = *self.unit_of.get(from.0)?;
        let after = self.after[unit]?;
        let follows = from.0 + 1 == self.units[unit].pieces.end && to.0 == self.units[after].pieces.start;
        let breaks = self.units.get(unit + 1).is_some_and(|next| next.pieces.contains(&to.0));
        Some(StreamVerdict { follows, breaks })
    }
}

/// The page's units, where the page reads as a merge of streams: every
/// line must stand alone (sparse-text output) and the decoded merge must
/// read clearly better than the input order; otherwise none.
pub fn stream_order(page: &Page, vocabulary: &Vocabulary) -> Option<StreamOrder> {
    let lines = page.lines.len();
    if lines < MIN_LINES
        || u32::try_from(page.pieces.len()).is_err()
        || page.lines.iter().any(|l| l.pieces.is_empty())
    {
        return None;
    }
    let alone = page.blocks.iter().filter(|b| is_printed_line_alone(page, b)).count();
    if (alone as f32) < MIN_ALONE_SHARE * lines as f32 {
        return None;
    }
    // The page must read as a merge of its whole lines first: a page that
    // glues side-by-side columns on lines of its own, but is no
    // sparse-text output, is the rows signal's business.
    let lines_only: Vec<Unit> =
        page.lines.iter().enumerate().map(|(line, l)| Unit { line, pieces: l.pieces.clone() }).collect();
    // Up to four decodings (lines and units, each without and with the
    // character model) weigh mostly the same steps: each junction's text
    // evidence is read once for all.
    let mut evidence = EvidenceCache::default();
    let by_lines = merge(page, vocabulary, &lines_only, &mut evidence)?;
    let units = units(page);
    let (units, mut after) = match (units.len() > lines_only.len())
        .then(|| merge(page, vocabulary, &units, &mut evidence))
        .flatten()
    {
        Some(after) => (units, after),
        None => (lines_only, by_lines),
    };
    // A run of glued rows alike reads on slot by slot: the rows signal's
    // business, which the merge of streams, blind to slots, only muddles
    // (dev F1 of ocr-zh-018 0.480 -> 0.491). A heading spans its columns
    // and goes on to its first column's top or its dateline, which the
    // heading signals place; as one more stream it took whichever column
    // read on best (dev F1 of `real-ocr` zh 0.816 -> 0.826, en 0.780 ->
    // 0.784). A unit the decoder carries down its own slot past the alike
    // rows keeps its successor, though: see [`reads_down_its_slot`]. A
    // whole paragraph alone on its line ([`is_paragraph_alone`]) is no
    // column's printed line either: it goes on where the other signals
    // say, not where the merge sends it (fresh dev-only synthetic pools,
    // 30 Chinese sets: +1.31 summed with the unit alone, +1.59 with this).
    let slots = unit_slots(&units);
    for (index, (unit, after)) in units.iter().zip(after.iter_mut()).enumerate() {
        let heading = page.pieces[unit.pieces.end - 1].role.is_heading();
        if heading
            || is_paragraph_alone(page, unit.line)
            || unit.pieces.len() < page.lines[unit.line].pieces.len()
                && page.rows_alike(unit.line, unit.line + 1)
                && !reads_down_its_slot(&slots, index, *after)
        {
            *after = None;
        }
    }
    let mut unit_of = vec![0; page.pieces.len()];
    for (index, unit) in units.iter().enumerate() {
        for piece in unit.pieces.clone() {
            unit_of[piece] = index;
        }
    }
    Some(StreamOrder { units, unit_of, after })
}

/// Per unit, the unit its text goes on in where not the next one, if the
/// units read clearly better as a merge of streams than in input order.
fn merge(
    page: &Page,
    vocabulary: &Vocabulary,
    units: &[Unit],
    evidence: &mut EvidenceCache,
) -> Option<Vec<Option<usize>>> {
    let count = units.len();
    let mut steps = StepScores::new(page, vocabulary, units, evidence);
    let (previous, gain) = decode(&mut steps, None, 0.0);
    if (gain as f32) < MIN_GAIN * count as f32 || !is_merged(&successors(&previous)) {
        return None;
    }
    // The page is a merge by its text and rhythm alone; the character
    // model only helps to tell which lines each stream takes (deciding
    // the page by it too made pages of one-line blocks read as merges:
    // dev syn-zh-005 F1 1.000 -> 0.667). It speaks on Han text only, so
    // a Latin page keeps the first decoding rather than repeat it. The
    // second decoding also holds each new stream to the nearest stride
    // and lets no heading set a stream's rhythm (see [`first_steps`]):
    // dev ocr-zh-023 0.519 -> 0.567; in the first decoding too, the
    // heading rule made syn-zh-005 a merge (1.000 -> 0.617) and the stride
    // expectation cost ocr-en-013 0.655 -> 0.441.
    let previous = if page.is_cjk() {
        decode(&mut steps, Some(&first_steps(page, vocabulary, units)), CHAR_LIFT).0
    } else {
        previous
    };
    let next = successors(&previous);
    if !is_merged(&next) {
        return None;
    }
    Some(next.iter().enumerate().map(|(unit, n)| n.filter(|&n| n != unit + 1)).collect())
}

/// Per unit, the unit that follows it in its stream, from per unit the
/// unit it follows.
fn successors(previous: &[Option<usize>]) -> Vec<Option<usize>> {
    let mut next: Vec<Option<usize>> = vec![None; previous.len()];
    for (unit, before) in previous.iter().enumerate() {
        if let Some(before) = *before {
            next[before] = Some(unit);
        }
    }
    next
}

/// Whether enough units go on elsewhere than in the next unit for the page
/// to count as a merge of streams.
fn is_merged(next: &[Option<usize>]) -> bool {
    let merged = next.iter().enumerate().filter(|(unit, n)| n.is_some_and(|n| n != unit + 1)).count();
    (merged as f32) >= MIN_MERGED_SHARE * next.len() as f32
}

/// The typical width, in cells, of a column's printed line on the page: the
/// median width of the lines of one piece.
fn column_width(page: &Page) -> Option<f32> {
    median(
        page.lines
            .iter()
            .filter(|l| l.pieces.len() == 1)
            .map(|l| page.pieces[l.pieces.start].cells)
            .collect(),
    )
}

/// The page's lines cut into units: a line much wider than a column's
/// printed line glues the lines of side-by-side columns, and its pieces are
/// gathered, left to right, into stretches no wider than a column's line
/// (OCR also cuts one column's line at the odd inner space, which must not
/// make a stream of its own).
pub fn units(page: &Page) -> Vec<Unit> {
    let column = column_width(page);
    let mut out = Vec::with_capacity(page.lines.len());
    for (number, line) in page.lines.iter().enumerate() {
        let total: f32 = page.pieces[line.pieces.clone()].iter().map(|p| p.cells).sum();
        let Some(column) = column.filter(|&c| {
            line.pieces.len() > 1 && total >= GLUED_LINE * c && !is_paragraph_alone(page, number)
        }) else {
            out.push(Unit { line: number, pieces: line.pieces.clone() });
            continue;
        };
        let mut start = line.pieces.start;
        let mut filled = 0.0;
        for piece in line.pieces.clone() {
            let cells = page.pieces[piece].cells;
            if piece > start && filled + cells > UNIT_FILL * column {
                out.push(Unit { line: number, pieces: start..piece });
                start = piece;
                filled = 0.0;
            }
            filled += cells;
        }
        out.push(Unit { line: number, pieces: start..line.pieces.end });
    }
    out
}

/// Whether a line is one whole paragraph standing alone in its block,
/// written on one input line: its printed lines of one width
/// ([`super::layout::paragraph_line`]), each after the first parted from
/// the one before by a printed line break kept as one space
/// ([`Gap::BreakSpace`]; glued columns stand apart at gutters). Such a line
/// is one unit, not glued columns to cut into units: a clean page that sets
/// each paragraph on one line between blank lines, where other blocks glue
/// side-by-side columns, made the page a merge of streams, and the decoder
/// then sent each printed line of a paragraph on into the printed line one
/// place to the right on the paragraph line below (dev-only synthetic pool
/// 4242: a page read 0.76 -> 1.00, see `docs/HISTORY.md`).
fn is_paragraph_alone(page: &Page, line: usize) -> bool {
    let pieces = page.lines[line].pieces.clone();
    page.blocks.get(page.lines[line].block).is_some_and(|block| block.len() == 1)
        && pieces.skip(1).all(|p| page.pieces[p].gap == Gap::BreakSpace)
        && super::layout::paragraph_line(page, line)
}

/// Whether a block is one printed line standing alone, as sparse-text OCR
/// emits every line: one column's line, or the lines of a few side-by-side
/// columns glued. A line of more pieces than there are streams is a whole
/// paragraph with its printed line breaks left as spaces (a clean CJK page
/// with a blank line between paragraphs), not sparse-text output.
fn is_printed_line_alone(page: &Page, block: &std::ops::Range<usize>) -> bool {
    block.len() == 1 && page.lines[block.start].pieces.len() <= MAX_STREAMS
}

/// The text width of a unit, in cells.
fn width(page: &Page, unit: &Unit) -> f32 {
    page.pieces[unit.pieces.clone()].iter().map(|p| p.cells).sum()
}

/// A line's text without the spaces and rule glyphs at its edges. Unlike
/// [`crate::parse::chars::trim_gutter_noise`] it keeps full stops: at the end of a Latin line a
/// full stop is the sentence end, the strongest evidence of where the next
/// line of the stream starts (a lower-case start cannot follow it).
fn trim_junction(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || is_rule_glyph(c))
}

/// The text evidence of one junction, a unit's last piece to a unit's
/// first piece, term by term as [`StepEvidence::score`] adds them: the widths of
/// the units and the weight of the character model vary between the
/// decodings of a page, the text does not.
#[derive(Debug, Clone, Copy)]
struct StepEvidence {
    /// The affinity, in affinity units, with the word-break evidence.
    text: f32,
    /// The character model's lift where positive (zero otherwise); read
    /// only where the model counts (see [`EvidenceCache::lift`]).
    lift: Option<f32>,
    bracket_closed: bool,
    /// The weighted word-model lift, where the right side starts lower-case.
    word: Option<f32>,
    lower_case_start: bool,
    /// Neither side ends a sentence, so the widths speak.
    widths_speak: bool,
}

impl StepEvidence {
    fn read(l: &str, r: &str, vocabulary: &Vocabulary) -> Self {
        let mut text = stride::affinity_of_trimmed(l, r, vocabulary) as f32 / 10.0;
        // A break that completes no known word most likely goes on elsewhere
        // (the affinity joins any lower-case tail, which says how to join, not
        // whether to); one that completes a known word most likely goes on here.
        match latin::completes_word(l, r, vocabulary) {
            Some(false) => text -= UNKNOWN_BREAK,
            Some(true) => text += KNOWN_BREAK,
            None => {}
        }
        if dangles(l, r) {
            text -= DANGLING_BREAK;
        }
        let state = sentence::state(l, r);
        StepEvidence {
            text,
            lift: None,
            bracket_closed: closes_open_bracket(l, r),
            word: state.right_lower.then(|| WORD_LIFT * word_language::word_lift(l, r).unwrap_or(0.0)),
            // Among lines that all stand inside a column, a lower-case start
            // after a line that does not end a sentence is the likely
            // continuation.
            lower_case_start: !state.left_ends && state.right_lower,
            widths_speak: !ends_sentence(l) && !ends_sentence(r),
        }
    }

    /// The evidence in tenths, with the character model's lift at
    /// `char_lift` (which must be read where that is not zero) and the
    /// units' widths `a` and `b`.
    fn score(&self, char_lift: f32, a: f32, b: f32) -> i32 {
        let mut score = self.text;
        // Where the dictionary finds no word across a Han break (most breaks
        // fall between words), how often the characters follow each other
        // still tells the column's next line from another column's. At
        // weight zero the term adds nothing (the lift is finite).
        if char_lift != 0.0 {
            score += char_lift * self.lift.expect("the lift is read before it is weighed");
        }
        if self.bracket_closed {
            score += BRACKET_CLOSED;
        }
        if let Some(word) = self.word {
            score += word;
        }
        if self.lower_case_start {
            score += LOWER_CASE_START;
        }
        // A column has one width; a paragraph's last line may be short.
        if self.widths_speak && a.max(b) > 0.0 {
            score -= WIDTH / 10.0 * ((a - b).abs() / a.max(b)).min(1.0);
        }
        (score * 10.0).round() as i32
    }
}

/// The text evidence of the page's junctions, by the pieces they join,
/// read once for every decoding of the page.
#[derive(Default)]
struct EvidenceCache {
    steps: FxHashMap<(u32, u32), StepEvidence>,
}

impl EvidenceCache {
    /// The evidence of the junction from piece `left` to piece `right`, with
    /// the character model's lift read too where `with_lift`.
    fn get(
        &mut self,
        page: &Page,
        vocabulary: &Vocabulary,
        left: usize,
        right: usize,
        with_lift: bool,
    ) -> StepEvidence {
        let (l, r) = (trim_junction(&page.pieces[left].text), trim_junction(&page.pieces[right].text));
        let evidence = self
            .steps
            .entry((line_u32(left), line_u32(right)))
            .or_insert_with(|| StepEvidence::read(l, r, vocabulary));
        if with_lift && evidence.lift.is_none() {
            evidence.lift = Some(Self::lift(l, r));
        }
        *evidence
    }

    /// The character model's lift across a junction, where positive.
    fn lift(l: &str, r: &str) -> f32 {
        language::lift(l, r).unwrap_or(0.0).max(0.0)
    }
}

/// The step scores of one set of units, in tenths, as the decoder asks for
/// them: per unit and step length (at most [`MAX_STEP`]), filled on first
/// use and kept for the decoding's lifetime at one weight of the character
/// model.
struct StepScores<'a> {
    page: &'a Page,
    vocabulary: &'a Vocabulary,
    units: &'a [Unit],
    widths: Vec<f32>,
    evidence: &'a mut EvidenceCache,
    /// The weight the filled scores were computed at.
    char_lift: f32,
    /// Per `left * MAX_STEP + step - 1`, the score, where computed.
    scores: Vec<Option<i32>>,
}

impl<'a> StepScores<'a> {
    fn new(
        page: &'a Page,
        vocabulary: &'a Vocabulary,
        units: &'a [Unit],
        evidence: &'a mut EvidenceCache,
    ) -> Self {
        StepScores {
            page,
            vocabulary,
            units,
            widths: units.iter().map(|u| width(page, u)).collect(),
            evidence,
            char_lift: 0.0,
            scores: vec![None; units.len() * MAX_STEP],
        }
    }

    fn count(&self) -> usize {
        self.units.len()
    }

    /// Sets the character model's weight for the scores asked next.
    fn weigh_char_lift(&mut self, char_lift: f32) {
        if char_lift != self.char_lift {
            self.char_lift = char_lift;
            self.scores.fill(None);
        }
    }

    /// Evidence, in tenths, that unit `right` follows unit `left` in a
    /// stream, `right - left` being 1 to [`MAX_STEP`].
    fn get(&mut self, left: usize, right: usize) -> i32 {
        let slot = left * MAX_STEP + (right - left - 1);
        if let Some(score) = self.scores[slot] {
            return score;
        }
        let (from, to) = (self.units[left].pieces.end - 1, self.units[right].pieces.start);
        let evidence = self.evidence.get(self.page, self.vocabulary, from, to, self.char_lift != 0.0);
        let mut score = evidence.score(self.char_lift, self.widths[left], self.widths[right]);
        if opens_article_below_text(self.page, from, to) {
            score -= DATELINE_ENTRY;
        }
        self.scores[slot] = Some(score);
        score
    }
}

/// Whether piece `to` opens with a news dateline (an article's first
/// paragraph) while piece `from`, the line before it in the stream, is no
/// heading: only a headline, or nothing, stands before a dateline, so the
/// stream that reaches it is another article's column (see
/// [`DATELINE_ENTRY`]).
fn opens_article_below_text(page: &Page, from: usize, to: usize) -> bool {
    let right = &page.pieces[to];
    !page.pieces[from].role.is_heading()
        && if page.is_cjk() {
            is_dateline_start(&right.text)
        } else {
            is_newswire_dateline_start(&right.text)
        }
}

/// Whether `left` breaks a lower-case word at a line-end hyphen and `right`
/// goes on with a capital (see [`DANGLING_BREAK`]); a capitalised stem is a
/// name, broken anywhere.
fn dangles(left: &str, right: &str) -> bool {
    let stem = left.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let stem = stem.trim_start_matches(|c: char| !c.is_alphanumeric());
    latin::hyphen_dangles(left, right, true) && !stem.starts_with(char::is_uppercase)
}

/// Whether `left` ends inside a bracket that `right` closes before it
/// opens another: the aside (a reporter's name, an abbreviation) goes on
/// across the break.
fn closes_open_bracket(left: &str, right: &str) -> bool {
    const OPEN: &[char] = &['(', '（', '〈', '《', '[', '【'];
    const CLOSE: &[char] = &[')', '）', '〉', '》', ']', '】'];
    let mut depth = 0i32;
    for c in left.chars() {
        if OPEN.contains(&c) {
            depth += 1;
        } else if CLOSE.contains(&c) {
            depth = (depth - 1).max(0);
        }
    }
    depth > 0
        && right.chars().find(|c| OPEN.contains(c) || CLOSE.contains(c)).is_some_and(|c| CLOSE.contains(&c))
}

/// Per unit, its place among the units of its input line and how many
/// units that line holds.
fn unit_slots(units: &[Unit]) -> Vec<(usize, usize)> {
    let mut slots = Vec::with_capacity(units.len());
    let mut start = 0;
    while start < units.len() {
        let end = (start..units.len()).find(|&u| units[u].line != units[start].line).unwrap_or(units.len());
        slots.extend((0..end - start).map(|slot| (slot, end - start)));
        start = end;
    }
    slots
}

/// Whether a stream step from unit `left` to unit `right` moves sideways
/// between the column slots of two lines glued from as many units (or of
/// one such line; see [`SLOT_CHANGE`]).
fn changes_slot(slots: &[(usize, usize)], left: usize, right: usize) -> bool {
    let ((left_slot, left_count), (right_slot, right_count)) = (slots[left], slots[right]);
    left_count >= 2 && left_count == right_count && left_slot != right_slot
}

/// Whether the decoder carries a glued line's unit on down the page without
/// a sideways step (see [`changes_slot`]): to the same slot of a line glued
/// from as many units further down, skipping the alike next line, or to a
/// line of another unit count (a column's short last line). Sparse-text
/// OCR writes the glued rows of two side-by-side articles in turn, one line
/// the left article's columns, the next the right one's, and the rows look
/// alike; read slot by slot, each column went on in the other article's
/// row. The decoder, which pays for
/// sideways steps between slots (see [`SLOT_CHANGE`]), takes the own row two
/// lines down: dev F1 of ocr-zh-025 0.509 -> 0.578 (wrong stream successors
/// 51 -> 22 of 82).
fn reads_down_its_slot(slots: &[(usize, usize)], unit: usize, after: Option<usize>) -> bool {
    after.is_some_and(|next| next > unit && !changes_slot(slots, unit, next))
}

/// Cost, in tenths of affinity, of a stream stepping `step` lines after a
/// step of `previous` lines: by the line of difference, up to the cap.
fn rhythm_cost(previous: usize, step: usize) -> i32 {
    (RHYTHM * previous.abs_diff(step) as i32).min(RHYTHM_CAP)
}

/// Cost, in tenths of affinity, of opening one more stream beside `open`
/// streams at a unit whose nearest stride reads `columns` columns in turn
/// (see [`first_steps`]), in the second decoding of a Chinese page. Why:
/// the cheaper cost lets the decoder open the streams the band's columns
/// need rather than keep a column's line in another column's stream; once
/// the stride's columns (and a spare) are open, one more stream is the
/// extra one an OCR hiccup invites (a printed line emitted as two lines
/// knocks one column's rhythm off by a step, and a stream opened there
/// took the column's next lines in the wrong order: dev ocr-zh-023 0.596
/// -> 0.652, wrong stream successors 22 -> 19, ocr-zh-031 29 -> 28; none
/// elsewhere), and it pays the full [`NEW_STREAM`]. Without a stride the
/// columns are unknown and the cheaper cost holds.
fn new_stream_cost(open: usize, columns: Option<usize>) -> i32 {
    match columns {
        Some(columns) if open + 1 > columns + SPARE_STREAMS => NEW_STREAM,
        _ => NEW_STREAM_STRIDED,
    }
}

/// A score the beam of a line is sure to reach while its hypotheses are
/// offered: the lowest of the first scores of the [`BEAM`] best sets of
/// streams offered so far. An offer only adds a set or raises its score,
/// so at least [`BEAM`] sets end at this score or above, and an offer
/// below it can neither enter the beam nor change a set that does.
struct BeamFloor {
    /// The first scores of the best sets so far, lowest on top.
    scores: BinaryHeap<Reverse<i32>>,
}

impl BeamFloor {
    fn new() -> Self {
        BeamFloor { scores: BinaryHeap::with_capacity(BEAM + 1) }
    }

    /// Counts the first score of a set not offered before.
    fn count_new_set(&mut self, score: i32) {
        if self.scores.len() < BEAM {
            self.scores.push(Reverse(score));
        } else if self.scores.peek().is_some_and(|&Reverse(lowest)| score > lowest) {
            self.scores.pop();
            self.scores.push(Reverse(score));
        }
    }

    /// Whether an offer of `score` falls below what the beam is sure to reach.
    fn rules_out(&self, score: i32) -> bool {
        self.scores.len() == BEAM && self.scores.peek().is_some_and(|&Reverse(lowest)| score < lowest)
    }
}

/// Per unit, the step a stream that opens at it is expected to take first:
/// the stride of the nearest line where the stride signal sees the columns
/// read in fixed turns. Why: the columns of a band advance together, but a
/// stream's first step has no step of its own to keep to; at the top of a
/// band of four columns every column's first step was then left to the
/// text alone, and a break that happened to read as a word ("电" + "网络")
/// sent a column to the wrong stream, where the rhythm kept it. Only where
/// units are whole lines (the stride counts lines).
fn first_steps(page: &Page, vocabulary: &Vocabulary, units: &[Unit]) -> Vec<Option<usize>> {
    if units.len() != page.lines.len() {
        return vec![None; units.len()];
    }
    let strides = stride::dominant_strides(page, vocabulary);
    let seen: Vec<usize> = (0..strides.len()).filter(|&l| strides[l].is_some()).collect();
    units
        .iter()
        .map(|unit| {
            let nearest = seen.iter().min_by_key(|&&l| l.abs_diff(unit.line))?;
            strides[*nearest]
        })
        .collect()
}

/// The best merge of streams found: per line, the line it follows; and how
/// much better it scores than the input order read as one stream. The
/// character model's lift counts at `char_lift` per log10 unit. With
/// `first_steps` (per unit, the step a stream opening there is expected to
/// take, see [`first_steps`]), a stream's first step pays the rhythm cost
/// against it, and a step off a heading unit sets no rhythm (a heading
/// spans its columns, so the step from it to its column's first line says
/// nothing of how the column advances).
fn decode(
    steps: &mut StepScores,
    first_steps: Option<&[Option<usize>]>,
    char_lift: f32,
) -> (Vec<Option<usize>>, i32) {
    steps.weigh_char_lift(char_lift);
    let new_stream = if first_steps.is_some() { NEW_STREAM_STRIDED } else { NEW_STREAM };
    let count = steps.count();
    let heading: Vec<bool> = steps
        .units
        .iter()
        .map(|u| first_steps.is_some() && steps.page.pieces[u.pieces.end - 1].role.is_heading())
        .collect();
    let first_step = |unit: usize| first_steps.and_then(|expected| expected[unit]);
    let slots = first_steps.is_some().then(|| unit_slots(steps.units));
    let slot_cost = |left: usize, right: usize| {
        slots.as_ref().map_or(0, |slots| if changes_slot(slots, left, right) { SLOT_CHANGE } else { 0 })
    };
    // The decoder hashes every hypothesis of every line (up to a hundred
    // times six streams' successors): the fast hasher, as nothing here
    // depends on the map's order (the beam is sorted on a total order).
    // One map for all lines, sized once.
    let mut best: FxHashMap<Streams, (i32, u32, Option<u32>)> = FxHashMap::default();
    best.reserve(BEAM * (MAX_STREAMS + 1));
    // Per line, per hypothesis kept, the backtrack: its parent at the
    // previous line and the line the line follows. The streams themselves
    // are needed only one line on.
    let mut trace: Vec<Vec<(u32, Option<u32>)>> = Vec::with_capacity(count);
    trace.push(vec![(0, None)]);
    let mut layer =
        vec![Hypothesis { streams: Streams::one(Stream::new(0, None)), score: 0, parent: 0, previous: None }];
    // Per line, the hypotheses offered and the order of the best of them.
    let mut offered: Vec<Hypothesis> = Vec::with_capacity(BEAM * (MAX_STREAMS + 1));
    let mut order: Vec<u32> = Vec::with_capacity(BEAM * (MAX_STREAMS + 1));
    for line in 1..count {
        // The most any hypothesis gains on this line: its best step (a
        // rhythm only costs) or a new stream.
        let reach = line.saturating_sub(MAX_STEP)..line;
        let most_gained = reach.map(|end| steps.get(end, line)).max().unwrap_or(new_stream).max(new_stream);
        let mut floor = BeamFloor::new();
        // Per set of streams, the best hypothesis reaching it: its score,
        // parent and the line the new line follows.
        for (index, hypothesis) in layer.iter().enumerate() {
            // The hypotheses come best first: once one cannot reach the
            // beam, no later one can.
            if floor.rules_out(hypothesis.score + most_gained) {
                break;
            }
            // Streams that fell out of reach are closed.
            let open = hypothesis.streams.filtered(|s| line - s.end() <= MAX_STEP);
            // The set of streams is made only for an offer that may count.
            let mut offer = |score: i32, previous: Option<usize>, streams: &dyn Fn() -> Streams| {
                if floor.rules_out(score) {
                    return;
                }
                let streams = streams();
                let candidate = (score, line_u32(index), previous.map(line_u32));
                match best.entry(streams) {
                    Entry::Occupied(mut o) => {
                        if o.get().0 < score {
                            o.insert(candidate);
                        }
                    }
                    Entry::Vacant(v) => {
                        v.insert(candidate);
                        floor.count_new_set(score);
                    }
                }
            };
            for (which, stream) in open.as_slice().iter().enumerate() {
                let step = line - stream.end();
                let text = steps.get(stream.end(), line) - slot_cost(stream.end(), line);
                let rhythm = stream
                    .step()
                    .or_else(|| first_step(stream.end()))
                    .map_or(0, |previous| rhythm_cost(previous, step));
                // A heading spans its columns: the step from it to its
                // column's first line says nothing of the column's rhythm.
                let kept = (!heading[stream.end()]).then_some(step);
                // The streams stay in order of their last lines: the
                // stream that takes the line, the latest, goes last.
                offer(hypothesis.score + text - rhythm, Some(stream.end()), &|| {
                    let mut streams = open;
                    streams.items[which..streams.len].rotate_left(1);
                    streams.items[streams.len - 1] = Stream::new(line, kept);
                    streams
                });
            }
            if open.len < MAX_STREAMS {
                // The most-gained bound above holds: the cost is at most
                // `new_stream`.
                let cost = if first_steps.is_some() {
                    new_stream_cost(open.len, first_step(line))
                } else {
                    new_stream
                };
                offer(hypothesis.score + cost, None, &|| {
                    let mut streams = open;
                    streams.push(Stream::new(line, None));
                    streams
                });
            }
        }
        // Best first; the order is total (no two hypotheses share their
        // streams), so picking the beam before sorting it keeps the same,
        // and an unstable sort is as good as a stable one. The order is
        // found on indices: a hypothesis is many times the size of one.
        offered.clear();
        offered.extend(best.drain().map(|(streams, (score, parent, previous))| Hypothesis {
            streams,
            score,
            parent,
            previous,
        }));
        let better = |a: &u32, b: &u32| {
            let (a, b) = (&offered[*a as usize], &offered[*b as usize]);
            b.score.cmp(&a.score).then_with(|| a.streams.cmp(&b.streams))
        };
        order.clear();
        order.extend(0..line_u32(offered.len()));
        if order.len() > BEAM {
            order.select_nth_unstable_by(BEAM, better);
            order.truncate(BEAM);
        }
        order.sort_unstable_by(better);
        layer.clear();
        layer.extend(order.iter().map(|&index| offered[index as usize]));
        trace.push(layer.iter().map(|h| (h.parent, h.previous)).collect());
    }
    let input_order: i32 = (1..count).map(|line| steps.get(line - 1, line)).sum();
    let mut previous = vec![None; count];
    let mut at = 0;
    for line in (1..count).rev() {
        let (parent, before) = trace[line][at];
        previous[line] = before.map(|p| p as usize);
        at = parent as usize;
    }
    (previous, layer[0].score - input_order)
}

/// Diagnostic (`examples/stream_truth.rs --terms`): the score of one merge,
/// term by term, so a wrong merge the decoder prefers can be set beside
/// the true one. Not used by the engine.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default)]
pub struct PathTerms {
    pub affinity: f32,
    pub known_break: f32,
    pub unknown_break: f32,
    pub dangling: f32,
    pub word_lift: f32,
    pub lower_case: f32,
    pub width: f32,
    pub bracket: f32,
    pub rhythm: f32,
    pub new_stream: f32,
    /// Running text into another article's dateline ([`DATELINE_ENTRY`]).
    pub dateline_entry: f32,
    /// Steps longer than [`MAX_STEP`] (the decoder cannot take them).
    pub too_long: usize,
    /// Units at which more than [`MAX_STREAMS`] streams would be open.
    pub too_many: usize,
}

impl PathTerms {
    pub fn total(&self) -> f32 {
        self.affinity
            + self.known_break
            + self.unknown_break
            + self.dangling
            + self.word_lift
            + self.lower_case
            + self.width
            + self.bracket
            + self.rhythm
            + self.new_stream
            + self.dateline_entry
    }

    fn add(&mut self, other: &PathTerms) {
        self.affinity += other.affinity;
        self.known_break += other.known_break;
        self.unknown_break += other.unknown_break;
        self.dangling += other.dangling;
        self.word_lift += other.word_lift;
        self.lower_case += other.lower_case;
        self.width += other.width;
        self.bracket += other.bracket;
        self.rhythm += other.rhythm;
        self.new_stream += other.new_stream;
        self.dateline_entry += other.dateline_entry;
        self.too_long += other.too_long;
        self.too_many += other.too_many;
    }
}

/// Diagnostic: the text terms of the step from unit `left` to unit `right`,
/// in affinity units (rhythm and new streams left out).
#[doc(hidden)]
pub fn step_terms(
    page: &Page,
    vocabulary: &Vocabulary,
    units: &[Unit],
    left: usize,
    right: usize,
) -> PathTerms {
    let (from, to) = (units[left].pieces.end - 1, units[right].pieces.start);
    let (l, r) = (trim_junction(&page.pieces[from].text), trim_junction(&page.pieces[to].text));
    let mut t = PathTerms {
        affinity: stride::affinity_of_trimmed(l, r, vocabulary) as f32 / 10.0,
        ..Default::default()
    };
    match latin::completes_word(l, r, vocabulary) {
        Some(false) => t.unknown_break = -UNKNOWN_BREAK,
        Some(true) => t.known_break = KNOWN_BREAK,
        None => {}
    }
    if dangles(l, r) {
        t.dangling = -DANGLING_BREAK;
    }
    let e = StepEvidence::read(l, r, vocabulary);
    t.bracket = if e.bracket_closed { BRACKET_CLOSED } else { 0.0 };
    t.word_lift = e.word.unwrap_or(0.0);
    t.lower_case = if e.lower_case_start { LOWER_CASE_START } else { 0.0 };
    let (a, b) = (width(page, &units[left]), width(page, &units[right]));
    if e.widths_speak && a.max(b) > 0.0 {
        t.width = -WIDTH / 10.0 * ((a - b).abs() / a.max(b)).min(1.0);
    }
    if opens_article_below_text(page, from, to) {
        t.dateline_entry = -DATELINE_ENTRY as f32 / 10.0;
    }
    t
}

/// Diagnostic: a merge given as per unit the unit it follows, term by term
/// (Latin decoding: no character model, no first steps).
#[doc(hidden)]
pub fn path_terms(
    page: &Page,
    vocabulary: &Vocabulary,
    units: &[Unit],
    previous: &[Option<usize>],
) -> PathTerms {
    let mut total = PathTerms::default();
    let mut next = vec![None; units.len()];
    for (unit, before) in previous.iter().enumerate() {
        if let Some(b) = *before {
            next[b] = Some(unit);
        }
    }
    for (unit, before) in previous.iter().enumerate().skip(1) {
        match *before {
            None => total.new_stream += NEW_STREAM as f32 / 10.0,
            Some(b) => {
                total.add(&step_terms(page, vocabulary, units, b, unit));
                if let Some(bb) = previous[b] {
                    total.rhythm -= rhythm_cost(b - bb, unit - b) as f32 / 10.0;
                }
                if unit - b > MAX_STEP {
                    total.too_long += 1;
                }
            }
        }
        let open =
            (unit.saturating_sub(MAX_STEP)..unit).filter(|&e| next[e].is_none_or(|n| n >= unit)).count();
        if open > MAX_STREAMS {
            total.too_many += 1;
        }
    }
    total
}

/// Diagnostic: the first (Latin) decoding of `units`: per unit the unit it
/// follows.
#[doc(hidden)]
pub fn decode_units(page: &Page, vocabulary: &Vocabulary, units: &[Unit]) -> Vec<Option<usize>> {
    let mut evidence = EvidenceCache::default();
    let mut steps = StepScores::new(page, vocabulary, units, &mut evidence);
    decode(&mut steps, None, 0.0).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    /// Evidence, in tenths, that unit `right` follows unit `left` in a
    /// stream, the units being `widths` wide.
    fn step_score(
        page: &Page,
        vocabulary: &Vocabulary,
        units: &[Unit],
        widths: &[f32],
        left: usize,
        right: usize,
        char_lift: f32,
    ) -> i32 {
        let (from, to) = (units[left].pieces.end - 1, units[right].pieces.start);
        let evidence = EvidenceCache::default().get(page, vocabulary, from, to, char_lift != 0.0);
        evidence.score(char_lift, widths[left], widths[right])
    }

    #[test]
    fn a_broken_word_does_not_go_on_to_a_capital_unless_its_stem_is_a_name() {
        // A page with no word list: neither joined word is known.
        let vocabulary = Vocabulary::from_texts(["Die Gespräche gehen weiter"]);
        let text = |l: &str, r: &str| StepEvidence::read(l, r, &vocabulary).text;
        assert!(dangles("sagte er nach sei-", "Rückkehr am Abend."));
        assert!(text("sagte er nach sei-", "ner Reise") > text("sagte er nach sei-", "Rückkehr am Abend."));
        // A name broken anywhere, a number range, a whole line end.
        assert!(!dangles("Dame Elsa Mc-", "Farlane, actor"));
        assert!(!dangles("from 10-", "Twenty"));
        assert!(!dangles("the end of it", "The next"));
    }

    /// Three columns: one that runs on mid-sentence from line to line, one
    /// of short sentences, and one that breaks its words at line ends.
    const COLUMNS: [[&str; 8]; 3] = [
        [
            "the river rose slowly through the night and",
            "by morning the lower fields along the bank",
            "were under water while the farmers tried to",
            "move their animals to the higher ground on",
            "the far side of the valley where the old",
            "road still stood above the flood and the",
            "villagers had gathered in the church hall",
            "to wait for the water to go down again",
        ],
        [
            "Rain fell for three days.",
            "Nobody expected so much water.",
            "The old wall held at first.",
            "Then a section gave way.",
            "Boats came from the next town.",
            "Soldiers helped with the sandbags.",
            "By Friday the worst was over.",
            "Schools opened again on Monday.",
        ],
        [
            "the new bridge will be built with con-",
            "crete from the local quarry and steel",
            "beams that engineers say are much stron-",
            "ger than the timber of the old one, and",
            "its deck will stand higher above the wa-",
            "ter so that a flood of the same size can",
            "pass beneath it without any serious dam-",
            "age to the road or to the houses nearby",
        ],
    ];

    fn steps_of(text: &str) -> Vec<Option<usize>> {
        let page = parse_page(text, 0, 1);
        let vocabulary = Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        // Every line is one unit here: the steps in units are the steps in lines.
        let Some(order) = stream_order(&page, &vocabulary) else { return vec![None; page.lines.len()] };
        assert_eq!(order.units.len(), page.lines.len());
        order.after.iter().enumerate().map(|(unit, after)| after.map(|a| a - unit)).collect()
    }

    #[test]
    fn the_terms_of_a_merge_add_up_to_what_the_decoder_gains() {
        // Three columns in fixed turns: the decoded merge must score, term
        // by term, what the decoder says it gains over the input order.
        let text: String =
            (0..8).flat_map(|row| (0..3).map(move |c| format!("{}\n\n", COLUMNS[c][row]))).collect();
        let page = parse_page(&text, 0, 1);
        let vocabulary = Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        let units = units(&page);
        let mut evidence = EvidenceCache::default();
        let mut steps = StepScores::new(&page, &vocabulary, &units, &mut evidence);
        let (decoded, gain) = decode(&mut steps, None, 0.0);
        let input: Vec<Option<usize>> = (0..units.len()).map(|u| u.checked_sub(1)).collect();
        let terms = path_terms(&page, &vocabulary, &units, &decoded);
        let difference = terms.total() - path_terms(&page, &vocabulary, &units, &input).total();
        // Each step's score is rounded to a tenth in the decoder.
        assert!((difference * 10.0 - gain as f32).abs() <= units.len() as f32, "{difference} vs {gain}");
        assert!(terms.new_stream < 0.0 && terms.too_long == 0 && terms.too_many == 0, "{terms:?}");
    }

    #[test]
    fn columns_merged_in_irregular_turns_are_taken_apart() {
        // Each round emits one line of every column, in an order that
        // changes from round to round, as baseline jitter does.
        let turns = [[0, 1, 2], [1, 0, 2], [0, 2, 1], [2, 1, 0], [0, 1, 2], [1, 2, 0], [0, 1, 2], [2, 0, 1]];
        let mut order = Vec::new();
        for (row, turn) in turns.iter().enumerate() {
            for &column in turn {
                order.push((column, row));
            }
        }
        let text: String = order.iter().map(|&(c, r)| format!("{}\n\n", COLUMNS[c][r])).collect();
        let steps = steps_of(&text);
        // Within each column, the successor of a line found by the decoder.
        let mut right = 0;
        let mut total = 0;
        for (at, &(column, row)) in order.iter().enumerate() {
            let Some(next) = order.iter().position(|&p| p == (column, row + 1)) else { continue };
            total += 1;
            let found = steps[at].map_or(at + 1, |s| at + s);
            right += usize::from(found == next);
        }
        // The input order gets three of them right: where a round ends on
        // the column the next one starts with.
        assert!(right * 3 >= total * 2, "{right} of {total} successors: {steps:?}");
    }

    #[test]
    fn a_new_stream_keeps_to_the_stride_of_the_nearest_fixed_turns() {
        // Two columns read in fixed turns: the stride signal sees stride
        // two, and every unit's expected first step is the nearest stride.
        use crate::score::stride::tests::{BUSES, RAIN};
        let text: String = RAIN.iter().zip(BUSES).map(|(l, r)| format!("{l}\n\n{r}\n\n")).collect();
        let page = parse_page(&text, 0, 1);
        let vocabulary = Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        let units = units(&page);
        let expected = first_steps(&page, &vocabulary, &units);
        assert!(expected.iter().all(|s| *s == Some(2)), "{expected:?}");
        // With that expectation, each column's first line goes on two
        // lines down, as its column does.
        let mut evidence = EvidenceCache::default();
        let mut steps = StepScores::new(&page, &vocabulary, &units, &mut evidence);
        let (previous, _) = decode(&mut steps, Some(&expected), CHAR_LIFT);
        assert_eq!(&successors(&previous)[..2], &[Some(2), Some(3)]);
        // Units that are not whole lines get no expectation (the stride
        // counts lines).
        let doubled: Vec<Unit> = units.iter().flat_map(|u| [u.clone(), u.clone()]).collect();
        assert!(first_steps(&page, &vocabulary, &doubled).iter().all(Option::is_none));
    }

    #[test]
    fn one_column_read_in_order_is_left_alone() {
        let text: String = COLUMNS.iter().flatten().map(|l| format!("{l}\n\n")).collect();
        assert!(steps_of(&text).iter().all(Option::is_none));
    }

    #[test]
    fn paragraphs_set_one_a_line_are_no_printed_lines_alone() {
        // Each paragraph one input line, its printed line breaks spaces.
        let paragraph = "本报北京电 记者从有关 部门获悉 今年以来 全市新增 绿地面积 超过往年 同期水平。";
        let sparse = "本报北京电记者从有关部门获悉";
        let page = parse_page(&format!("{paragraph}\n\n{sparse}\n"), 0, 1);
        assert!(page.lines[0].pieces.len() > MAX_STREAMS);
        assert!(!is_printed_line_alone(&page, &page.blocks[0]));
        assert!(is_printed_line_alone(&page, &page.blocks[1]));
    }

    #[test]
    fn the_beam_floor_rules_out_only_what_a_full_beam_leaves_out() {
        let mut floor = BeamFloor::new();
        for score in 0..BEAM as i32 - 1 {
            floor.count_new_set(score);
        }
        // Not full yet: any set may still enter.
        assert!(!floor.rules_out(-100));
        floor.count_new_set(-5);
        assert!(floor.rules_out(-6));
        assert!(!floor.rules_out(-5));
        // A better set takes the lowest one's place.
        floor.count_new_set(1000);
        assert!(floor.rules_out(-1));
        assert!(!floor.rules_out(0));
    }

    /// Two glued rows of two columns each, a row of one unit, and one more
    /// glued row: units 0 1 | 2 3 | 4 | 5 6.
    fn glued_units() -> Vec<Unit> {
        [(0, 0..1), (0, 1..2), (1, 2..3), (1, 3..4), (2, 4..5), (3, 5..6), (3, 6..7)]
            .into_iter()
            .map(|(line, pieces)| Unit { line, pieces })
            .collect()
    }

    #[test]
    fn a_stream_does_not_step_sideways_between_glued_column_slots() {
        let slots = unit_slots(&glued_units());
        assert_eq!(slots, vec![(0, 2), (1, 2), (0, 2), (1, 2), (0, 1), (0, 2), (1, 2)]);
        // Column over column goes on; to the neighbour on the same row or
        // the next row's other column is a sideways step.
        assert!(!changes_slot(&slots, 0, 2));
        assert!(!changes_slot(&slots, 1, 6));
        assert!(changes_slot(&slots, 0, 1));
        assert!(changes_slot(&slots, 1, 2));
        assert!(changes_slot(&slots, 3, 5));
        // A line of another unit count says nothing of the columns.
        assert!(!changes_slot(&slots, 3, 4));
        assert!(!changes_slot(&slots, 4, 6));
    }

    #[test]
    fn a_decoded_step_down_its_own_slot_outweighs_alike_rows() {
        // Rows 0 and 1 alike, of two side-by-side articles written in turn.
        let slots = unit_slots(&glued_units());
        // Down the own slot past the next row, or into a one-unit line.
        assert!(reads_down_its_slot(&slots, 1, Some(6)));
        assert!(reads_down_its_slot(&slots, 2, Some(4)));
        // Sideways, back up, or no decoded successor: the rows signal reads.
        assert!(!reads_down_its_slot(&slots, 1, Some(5)));
        assert!(!reads_down_its_slot(&slots, 3, Some(0)));
        assert!(!reads_down_its_slot(&slots, 0, None));
    }

    #[test]
    fn a_large_change_of_step_costs_as_one_event() {
        assert_eq!(rhythm_cost(4, 4), 0);
        assert_eq!(rhythm_cost(4, 5), RHYTHM);
        assert_eq!(rhythm_cost(4, 3), RHYTHM);
        // A doubled line (step 1) or a column's end (a long step) costs
        // no more than two lines of jitter and a bit, and less than a new
        // stream.
        assert_eq!(rhythm_cost(4, 1), RHYTHM_CAP);
        assert_eq!(rhythm_cost(4, 8), RHYTHM_CAP);
        const { assert!(RHYTHM_CAP < 3 * RHYTHM && RHYTHM_CAP < -NEW_STREAM) };
        // The second decoding opens streams more cheaply, yet a change of
        // step still costs less than opening a stream there.
        const { assert!(NEW_STREAM < NEW_STREAM_STRIDED && RHYTHM_CAP < -NEW_STREAM_STRIDED) };
    }

    #[test]
    fn streams_beyond_the_strides_columns_cost_the_full_price() {
        // A stride of three: beside up to three open streams one more
        // opens cheaply (the three columns and a spare), a fifth pays in
        // full.
        assert_eq!(new_stream_cost(0, Some(3)), NEW_STREAM_STRIDED);
        assert_eq!(new_stream_cost(3, Some(3)), NEW_STREAM_STRIDED);
        assert_eq!(new_stream_cost(4, Some(3)), NEW_STREAM);
        // Without a stride the columns are unknown.
        assert_eq!(new_stream_cost(5, None), NEW_STREAM_STRIDED);
    }

    #[test]
    fn words_that_often_follow_each_other_read_on() {
        // Same widths, no sentence end, lower-case starts: only the words
        // themselves tell the continuation apart.
        let page = parse_page("the future of\n\nthe nation we serve\n\nsaid the nation we\n", 0, 1);
        let vocabulary = Vocabulary::default();
        let widths = vec![10.0; 3];
        let units = units(&page);
        assert!(word_language::word_lift("the future of", "the nation we serve").is_some_and(|l| l > 0.0));
        assert!(
            step_score(&page, &vocabulary, &units, &widths, 0, 1, CHAR_LIFT)
                > step_score(&page, &vocabulary, &units, &widths, 0, 2, CHAR_LIFT)
        );
    }

    #[test]
    fn a_break_completing_no_word_reads_worse() {
        let page = parse_page("a highly per-\n\nsonal view\n\nthe weekend\n", 0, 1);
        // An English page: the word list knows "personal".
        let vocabulary = Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        let widths = vec![10.0; 3];
        let units = units(&page);
        assert!(
            step_score(&page, &vocabulary, &units, &widths, 0, 1, CHAR_LIFT)
                > step_score(&page, &vocabulary, &units, &widths, 0, 2, CHAR_LIFT)
        );
    }

    #[test]
    fn a_glued_line_is_cut_into_column_lines_but_an_inner_space_is_not() {
        // Lines of one column ten cells wide; one line glues two columns'
        // lines, another is one column's line cut at an inner space.
        let column = "一二三四五六七八九十";
        let mut text: String = (0..5).map(|_| format!("{column}\n\n")).collect();
        text.push_str("甲乙丙丁戊己庚辛壬癸   子丑寅卯辰巳午未申酉\n\n天地玄黄宇宙   洪荒日月\n");
        let page = parse_page(&text, 0, 1);
        let glued = &page.lines[5];
        let cut = &page.lines[6];
        assert_eq!((glued.pieces.len(), cut.pieces.len()), (2, 2));
        let units = units(&page);
        assert_eq!(units.len(), 8);
        assert_eq!(units[5].pieces, glued.pieces.start..glued.pieces.start + 1);
        assert_eq!(units[6].pieces, glued.pieces.start + 1..glued.pieces.end);
        assert_eq!(units[7].pieces, cut.pieces.clone());
    }

    #[test]
    fn a_paragraph_alone_on_its_line_is_one_unit_and_glued_columns_are_not() {
        // Lines of one column ten cells wide; then a paragraph of five
        // printed lines written on one line, parted at line-break spaces;
        // then five columns' lines of the same width glued at gutters.
        let column = "一二三四五六七八九十";
        let mut text: String = (0..5).map(|_| format!("{column}\n\n")).collect();
        text.push_str("甲乙丙丁戊己庚辛壬癸 子丑寅卯辰巳午未申酉 天地玄黄宇宙洪荒日月 春夏秋冬东南西北上下 金木水火土\n\n");
        text.push_str("甲乙丙丁戊己庚辛壬癸  子丑寅卯辰巳午未申酉  天地玄黄宇宙洪荒日月  春夏秋冬东南西北上下  金木水火土\n");
        let page = parse_page(&text, 0, 1);
        let (paragraph, glued) = (&page.lines[5], &page.lines[6]);
        assert_eq!((paragraph.pieces.len(), glued.pieces.len()), (5, 5));
        assert!(is_paragraph_alone(&page, 5));
        assert!(!is_paragraph_alone(&page, 6));
        let units = units(&page);
        assert_eq!(units.len(), 5 + 1 + 5);
        assert_eq!(units[5].pieces, paragraph.pieces.clone());
        assert_eq!(units[6].pieces, glued.pieces.start..glued.pieces.start + 1);
    }

    #[test]
    fn columns_glued_on_some_lines_are_followed_column_by_column() {
        // Sparse-text output of three columns that sometimes glues the
        // first two on one line (a narrow gutter), as OCR does on rows
        // whose baselines agree.
        let mut order: Vec<Vec<(usize, usize)>> = Vec::new();
        for row in 0..8 {
            if row % 2 == 0 {
                order.push(vec![(0, row), (1, row)]);
                order.push(vec![(2, row)]);
            } else {
                order.push(vec![(0, row)]);
                order.push(vec![(2, row)]);
                order.push(vec![(1, row)]);
            }
        }
        let text: String = order
            .iter()
            .map(|line| {
                let parts: Vec<&str> = line.iter().map(|&(c, r)| COLUMNS[c][r]).collect();
                format!("{}\n\n", parts.join("    "))
            })
            .collect();
        let page = parse_page(&text, 0, 1);
        let vocabulary = Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        let order_found = stream_order(&page, &vocabulary).expect("a merge of streams");
        // The units are the column lines, in the order of the input.
        let lines: Vec<(usize, usize)> = order.iter().flatten().copied().collect();
        assert_eq!(order_found.units.len(), lines.len());
        let mut right = 0;
        let mut total = 0;
        for (at, &(column, row)) in lines.iter().enumerate() {
            let Some(next) = lines.iter().position(|&p| p == (column, row + 1)) else { continue };
            // Only the glued lines' first columns: their successors lie
            // beyond the next unit, which a whole line's merge missed.
            if !(column == 0 && row % 2 == 0) {
                continue;
            }
            total += 1;
            right += usize::from(order_found.after[at] == Some(next));
        }
        assert!(total == 4 && right >= 3, "{right} of {total}: {:?}", order_found.after);
    }

    #[test]
    fn a_break_completing_a_known_word_outweighs_a_change_of_step() {
        // Both halves are words of the page, so the page's hyphen rule
        // keeps the hyphen; the word list still knows the joined word.
        let page = parse_page(
            "the crowd moved slowly for-\n\nward through the gate\n\nThe gate stood open for all\n\nthe ward was quiet\n",
            0,
            1,
        );
        let vocabulary = Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        assert_eq!(
            latin::completes_word("the crowd moved slowly for-", "ward through the gate", &vocabulary),
            Some(true)
        );
        let units = units(&page);
        let widths = vec![20.0; units.len()];
        let known = step_score(&page, &vocabulary, &units, &widths, 0, 1, CHAR_LIFT);
        let other = step_score(&page, &vocabulary, &units, &widths, 0, 2, CHAR_LIFT);
        assert!(known - other > RHYTHM_CAP, "{known} against {other}");
    }

    #[test]
    fn characters_that_often_follow_each_other_tell_the_next_line() {
        // Same widths, no sentence end, no word across either break: only
        // how often the characters follow each other tells them apart.
        let page =
            parse_page("各地正在加快推进经济社会\n\n发展各项工作有序开展\n\n蓝天白云绿树红花满园\n", 0, 1);
        let vocabulary = Vocabulary::default();
        let units = units(&page);
        let widths = vec![10.0; units.len()];
        assert!(language::lift("加快推进经济社会", "发展各项工作").is_some_and(|l| l > 0.0));
        let score = |right, lift| step_score(&page, &vocabulary, &units, &widths, 0, right, lift);
        // Without the model the two steps read the same; with it the
        // column's own next line reads better.
        assert_eq!(score(1, 0.0), score(2, 0.0));
        assert!(score(1, CHAR_LIFT) > score(2, CHAR_LIFT));
    }

    #[test]
    fn a_line_that_closes_the_open_bracket_goes_on() {
        assert!(closes_open_bracket("本报北京电（记者甲、", "乙丙）近日"));
        assert!(closes_open_bracket("the committee (chaired by", "the mayor) met"));
        // Closed already, or the next line opens before it closes.
        assert!(!closes_open_bracket("本报北京电（记者甲乙）", "丙丁）近日"));
        assert!(!closes_open_bracket("本报北京电（记者甲、", "乙丙（丁）"));
        assert!(!closes_open_bracket("本报北京电（记者甲、", "乙丙近日"));
    }

    #[test]
    fn only_a_heading_goes_on_into_a_dateline() {
        let page = parse_page(
            "城市更新带动社区服务提质\n\n本报北京5月26日电（记者王明）今年以来各地推进\n\n城市更新行动，改善老旧小区居民生活的\n\n本报上海5月26日电（记者李华）当地开展\n",
            0,
            1,
        );
        let first = |line: usize| page.lines[line].pieces.start;
        let last = |line: usize| page.lines[line].pieces.end - 1;
        assert!(page.pieces[last(0)].role.is_heading(), "the headline line");
        assert!(!opens_article_below_text(&page, last(0), first(1)), "a headline goes on at its dateline");
        assert!(opens_article_below_text(&page, last(2), first(3)), "running text into another dateline");
        assert!(opens_article_below_text(&page, last(1), first(3)), "one dateline's line into another's");
        assert!(!opens_article_below_text(&page, last(1), first(2)), "running text goes on");
    }
}

//! Latin-script lines that are side-by-side columns joined by single spaces.
//!
//! In: a parsed Latin-script page. Out: runs of over-long lines cut at word
//! boundaries into one piece per printed column line. Why: OCR (Tesseract
//! with --psm 4 or 6) reads a multi-column page straight across and keeps a
//! single space, or a speck of noise, where the gutter was; every later
//! stage needs the printed lines back.
//!
//! How: a column's width is read from where line-end hyphens stand inside
//! glued lines (a hyphenated word ends a printed column line, so those
//! positions fall near multiples of the column pitch; counted from the
//! line's start, or from the word after a sentence end before it, where a
//! paragraph's short last line let the next column start early), else from
//! lines that are clearly one column. Each run of long lines gets its own width, and
//! every line of it is cut by a dynamic programme over its word boundaries
//! that weighs each piece's length against the width (proportional type
//! lets a column line run about a fifth either way) together with what a
//! boundary shows: a hyphenated word or gutter noise before it. (A
//! sentence end with a capital after it is no sign of a gutter: sentences
//! end inside column lines as often, and a paragraph's last line is
//! already let off its shortfall.) The width is then re-estimated from the
//! pieces and the run cut again.
//!
//! Where a run's hyphenated words, each taken as a share of its own line
//! (the characters before a column boundary drift with the letters a line
//! holds, its share much less), show another column count than that width,
//! or columns of different widths (a sidebar), the run is cut into those
//! columns instead: each line's pieces in order, each at its own column's
//! width, a column left out only at a cost.

use std::ops::Range;

use super::part;
use crate::parse::chars::{ends_sentence, follows_elided_compound, is_line_end_hyphen};
use crate::parse::classify::{
    dateline_broken_before_lower_case, is_byline, is_latin_dateline_start, is_newswire_dateline_start,
    is_place_dash_dateline_start, latin_credit_len,
};
use crate::parse::word_language::{self, Model};
use crate::parse::{Gap, Page, Piece, Role};

/// The width of one Latin newspaper column, in characters, when the page
/// shows none on its own.
const LATIN_COLUMN_GUESS: f32 = 36.0;

/// A line at least this many column pitches long may be glued columns.
const GLUED_MIN_PITCHES: f32 = 1.6;

/// A line between two long lines at least this many column pitches long
/// holds more than one column (dev plateau 1.0 to 1.1; 1.2 loses most of
/// what it brings to ocr-en-001).
const BRIDGE_MIN_PITCHES: f32 = 1.1;

/// Fewest long lines in a row taken for glued columns: one long line may be
/// a wide headline or a table row.
const RUN_MIN_LINES: usize = 3;

/// Fewest hyphenated words inside lines from which a width is read.
const HYPHEN_EVIDENCE_MIN: usize = 3;

/// How near, on average, hyphenated words must end to a column boundary
/// for a width to explain them (see [`ColumnWidth::closeness`]; OCR and
/// compounds like "pre- and" stray).
const HYPHEN_FIT_MIN: f32 = 0.5;

/// A width fits the hyphens about as well as the best one when it scores
/// at least this share of the best.
const HYPHEN_NEAR_BEST: f32 = 0.9;

/// How far a hyphenated word's end may stand from a column boundary, as a
/// share of the pitch: proportional type.
const HYPHEN_SLACK: f32 = 0.2;

/// One standard deviation of a column line's length around its column's
/// width, as a share of the width: proportional type.
const WIDTH_SPREAD: f32 = 0.12;

/// A piece that ends its paragraph may be short: its shortfall counts only
/// this much.
const PARAGRAPH_END_SHORTFALL: f32 = 0.1;

/// A line is cut into as many pieces as most lines within this many lines
/// of it hold: a column keeps its slot, whatever one line's text suggests.
const COUNT_WINDOW: usize = 2;

/// Fewest lines of a run whose bars ("|") show its rightmost column's
/// width (dev: 2 to 8 cut alike).
const RULED_LINES_MIN: usize = 3;

/// Least share of a run's lines whose bars show its rightmost column's
/// width: a bar or two in a long run may be OCR's reading of a letter.
const RULED_SHARE_MIN: f32 = 0.25;

/// Rounds of cutting a run and re-estimating its width from the pieces.
const PASSES: usize = 3;

/// A line at least this share of a run's median length holds every
/// column: its hyphens show where the column boundaries stand.
const FULL_LINE_SHARE: f32 = 0.85;

/// Hyphen shares of a line no further apart than this mark one boundary.
const BOUNDARY_CLUSTER_GAP: f32 = 0.07;

/// Fewest hyphens (or pieces) that show a column boundary (or width).
const BOUNDARY_EVIDENCE_MIN: usize = 2;

/// The narrowest column a layout may hold, as a share of the line.
const COLUMN_SHARE_MIN: f32 = 0.1;

/// What a layout of unequal columns costs a line more than one of equal
/// columns: most pages set one measure, so hyphens that stray from it
/// must show a sidebar clearly.
const UNEQUAL_COST: f32 = 2.0;

/// Least share of the hyphens a layout's boundaries must account for.
const HYPHENS_EXPLAINED: f32 = 0.66;

/// How near a hyphen must end to an equal column's boundary, as a share
/// of the column.
const EQUAL_FIT: f32 = 0.25;

/// Most equal columns a layout is tried with.
const MAX_COLUMNS: usize = 6;

/// Columns within this share of their mean width are taken as equal.
const EQUAL_SLACK: f32 = 0.25;

/// What the text at a word boundary says about a column gutter there, in
/// units of a squared standard deviation of length: below zero for a
/// gutter, above for running text.
mod evidence {
    /// A hyphenated word ends a printed line.
    pub const HYPHEN_BEFORE_CUT: f32 = -2.0;
    /// ...so one inside a piece means a gutter was missed.
    pub const HYPHEN_INSIDE: f32 = 4.0;
    /// Specks of noise stand where the gutter was.
    pub const NOISE_AT_CUT: f32 = -1.0;
    pub const NOISE_INSIDE: f32 = 1.0;
    /// A line leaves one of its run's columns out: that column has ended
    /// or not yet begun, which happens at the edges of articles only.
    pub const COLUMN_LEFT_OUT: f32 = 9.0;
    /// Per log10 unit of word lift: words that often follow each other in
    /// prose ("of" + "the") run on inside a column line, so a cut between
    /// them is less likely than one between words never seen together
    /// (dev: share of printed lines found among the pieces of the Latin
    /// real-OCR pages 0.806 -> 0.809 and F1 of `real-ocr en` 0.782 ->
    /// 0.783 at 0.5 and 1; at 1.5 and 2 the pieces gain more, 0.810, but a
    /// page whose two-line headline sits above its neighbour's dateline
    /// loses its body to the neighbour's headline, 0.761).
    pub const READS_ON: f32 = 1.0;
}

/// One space-separated word of a line, by character positions in the
/// line, with what it says about the gutter next to it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    /// First word of a piece the line was already cut into at a gutter of
    /// two or more spaces: a cut must stay there.
    after_gutter: bool,
    /// Ends with a line-end hyphen after a letter ("through-", "re-").
    hyphenated: bool,
    /// No letter or digit at all ("|", "_", "—"): a speck in the gutter.
    noise: bool,
    /// A word of rule glyphs only ("|"): OCR's reading of a column rule
    /// or the gutter's edge, which text never holds between two words.
    rule: bool,
    ends_sentence: bool,
    /// Opens a newswire dateline ("PLACE, Mon 26 -") that does not open its
    /// piece: a dateline only ever opens a paragraph, so the words before
    /// it belong to another column or a headline, and a cut must stand here.
    opens_dateline: bool,
    /// Opens a credit ("By Jane Doe, Agency") that does not open its piece,
    /// or is the first word after one: a credit stands alone at a
    /// column's foot, so the words around it belong to other columns.
    credit_edge: bool,
    /// Follows a newswire dateline that opens its piece and broke right
    /// after its month ("PLACE, Mon"), and starts in lower case: the
    /// dateline's line ends there, and the words from here on are another
    /// column's.
    after_broken_dateline: bool,
    /// How much more often the next word of the piece follows this one in
    /// English prose than it stands on its own (log10, positive only; 0
    /// for a pair the word model never saw): running text, no gutter.
    reads_on: f32,
}

impl Word {
    /// Opens or closes a stretch that stands alone in its column (a
    /// dateline, a credit): the words before it belong elsewhere.
    fn parts_columns(&self) -> bool {
        self.opens_dateline || self.credit_edge || self.after_broken_dateline
    }

    /// A cut must stand before this word: OCR left a gutter here, or it
    /// parts columns.
    fn forces_cut(&self) -> bool {
        self.after_gutter || self.parts_columns()
    }
}

/// How many words from a word on decide whether it opens a dateline:
/// leading marks, a place of up to three words, the day and its dash within
/// the next six (see [`is_newswire_dateline_start`]), with room to spare.
const DATELINE_WORDS: usize = 12;

/// The widest column, in characters, a glued line's hyphens are fitted to:
/// newspaper columns hold some 20 to 70 characters, a page-wide one about
/// 120.
const WIDEST_COLUMN: f32 = 160.0;

/// The words of a piece's text, placed at `offset` in its line; how well
/// each reads on into the next is asked of the page's word model
/// (`language`).
fn words(chars: &[char], offset: usize, language: &Model, line_opens_with_dateline: bool) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut previous_text: Option<String> = None;
    let mut index = 0;
    while index < chars.len() {
        if chars[index].is_whitespace() {
            index += 1;
            continue;
        }
        let start = index;
        while index < chars.len() && !chars[index].is_whitespace() {
            index += 1;
        }
        let word = &chars[start..index];
        let text: String = word.iter().collect();
        // Gutter specks glued to the word ("re-__") are not part of it.
        let bare = text.trim_end_matches(['_', '|', '~']);
        let mut tail = bare.chars().rev();
        let hyphenated =
            tail.next().is_some_and(is_line_end_hyphen) && tail.next().is_some_and(char::is_alphabetic);
        if let (Some(previous), Some(last)) = (words.last_mut(), previous_text.as_deref()) {
            previous.reads_on = word_language::word_lift_with(language, last, &text).unwrap_or(0.0).max(0.0);
        }
        words.push(Word {
            start: offset + start,
            end: offset + index,
            after_gutter: false,
            hyphenated,
            noise: !word.iter().any(|c| c.is_alphanumeric()),
            rule: word.iter().all(|&c| crate::parse::chars::is_rule_glyph(c)),
            ends_sentence: ends_sentence(&text),
            opens_dateline: false,
            credit_edge: false,
            after_broken_dateline: false,
            reads_on: 0.0,
        });
        previous_text = Some(text);
    }
    // The first word of a dateline: one that opens it where the word
    // before does not (a place of two words, "PORT HOLM", opens at its first).
    // A dateline is read within its first words (a place of three words at
    // most, then six), so a word's next few words are enough: copying the
    // whole rest of the line for every word made one long line quadratic.
    let rest = |index: usize| {
        let last = &words[(index + DATELINE_WORDS).min(words.len()) - 1];
        chars[words[index].start - offset..last.end - offset].iter().collect::<String>()
    };
    let mut opens: Vec<bool> =
        (0..words.len()).map(|index| is_newswire_dateline_start(&rest(index))).collect();
    let broken_dateline = if words.is_empty() { None } else { dateline_broken_before_lower_case(&rest(0)) };
    // A place-and-dash dateline ("Ort – Text") inside a line only where the
    // line itself opens with a dateline, and only after that dateline's
    // dash: articles set side by side start on the same row, so their
    // datelines share a line, while a dash between two capitalised words
    // elsewhere is as often a title's ("Gesetze – Rekord") or a sentence's.
    if line_opens_with_dateline {
        let is_dash_word = |w: &Word| {
            chars[w.start - offset..w.end - offset].first().is_some_and(|&c| matches!(c, '-' | '–' | '—'))
        };
        if let Some(first_dash) = words.iter().position(is_dash_word) {
            for (index, opens) in opens.iter_mut().enumerate().skip(first_dash + 1) {
                *opens = *opens || is_place_dash_dateline_start(&rest(index));
            }
        }
    }
    for index in 1..words.len() {
        words[index].opens_dateline = opens[index] && !opens[index - 1];
    }
    if let Some(after) = broken_dateline.and_then(|n| words.get_mut(n)) {
        after.after_broken_dateline = true;
    }
    let texts: Vec<String> =
        words.iter().map(|w| chars[w.start - offset..w.end - offset].iter().collect()).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    // "Ein- und Ausfuhr": a hyphen before a conjunction elides a compound
    // part inside the printed line; it marks no column's end (German
    // prose holds one every few paragraphs, and three of them read as a
    // narrow column width that cut a whole page of one-column lines).
    for index in 1..words.len() {
        if words[index - 1].hyphenated && follows_elided_compound(texts[index]) {
            words[index - 1].hyphenated = false;
        }
    }
    for index in 1..words.len() {
        if let Some(length) = latin_credit_len(&texts[index..]) {
            words[index].credit_edge = true;
            if let Some(after) = words.get_mut(index + length) {
                after.credit_edge = true;
            }
        }
    }
    words
}

/// The words of a line of body pieces, in line character positions; `None`
/// for a line holding a byline or nothing, which is left as it is.
pub(super) fn line_words(pieces: &[Piece], language: &Model) -> Option<Vec<Word>> {
    if pieces.is_empty() || pieces.iter().any(|p| p.role != Role::Body) {
        return None;
    }
    let mut all = Vec::new();
    let opens_with_dateline = is_latin_dateline_start(&pieces[0].text);
    for (index, piece) in pieces.iter().enumerate() {
        let chars: Vec<char> = piece.text.chars().collect();
        let mut piece_words = words(&chars, piece.span.start, language, opens_with_dateline && index == 0);
        if let Some(first) = piece_words.first_mut() {
            first.after_gutter = index > 0;
        }
        all.extend(piece_words);
    }
    (!all.is_empty()).then_some(all)
}

/// Characters from a line's first word to its last.
fn line_length(words: &[Word]) -> usize {
    words.last().map_or(0, |last| last.end - words[0].start)
}

/// The width, in characters, of the column lines of a glued run.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ColumnWidth(f32);

impl ColumnWidth {
    /// Width plus the one space of the gutter: how far apart columns start.
    fn pitch(self) -> f32 {
        self.0 + 1.0
    }

    /// How many columns a line of `length` characters holds.
    fn columns_in(self, length: usize) -> f32 {
        (length as f32 + 1.0) / self.pitch()
    }

    /// True when a word ending at `end` (counted from the line's start)
    /// stands near the end of a column.
    fn fits(self, end: usize) -> bool {
        self.closeness(end) > 0.0
    }

    /// True when a hyphenated word stands near the end of a column counted
    /// from either place its column may start (see [`HyphenEnd`]).
    fn fits_either(self, end: &HyphenEnd) -> bool {
        self.fits(end.from_line) || end.from_paragraph.is_some_and(|e| self.fits(e))
    }

    /// How near a word ending at `end` stands to the end of a column: 1 at
    /// it, falling to 0 at [`HYPHEN_SLACK`] of a pitch away.
    fn closeness(self, end: usize) -> f32 {
        let columns = self.columns_in(end).round().max(1.0);
        let off = (end as f32 + 1.0 - columns * self.pitch()).abs();
        (1.0 - off / (HYPHEN_SLACK * self.pitch())).max(0.0)
    }
}

/// Where hyphenated words end inside lines (not at a line's end), counted
/// from the line's first word: the character position just after each.
fn inner_hyphen_ends<'a>(lines: impl IntoIterator<Item = &'a [Word]>) -> Vec<usize> {
    inner_hyphen_origins(lines).into_iter().map(|end| end.from_line).collect()
}

/// Where one inner hyphenated word ends, from each place its column may
/// start: the line's first word, and the word after the last sentence end
/// before it (a paragraph's short last line leaves its column early, and
/// the columns after it then start that much further left than a full
/// line's would).
#[derive(Debug, Clone, PartialEq)]
struct HyphenEnd {
    from_line: usize,
    from_paragraph: Option<usize>,
}

impl From<usize> for HyphenEnd {
    fn from(from_line: usize) -> Self {
        HyphenEnd { from_line, from_paragraph: None }
    }
}

/// [`inner_hyphen_ends`] with each end also counted from the start of the
/// paragraph line that may open its column (see [`HyphenEnd`]).
fn inner_hyphen_origins<'a>(lines: impl IntoIterator<Item = &'a [Word]>) -> Vec<HyphenEnd> {
    lines
        .into_iter()
        .flat_map(|words| {
            let inner = &words[..words.len().saturating_sub(1)];
            inner.iter().enumerate().filter(|(_, w)| w.hyphenated).map(move |(index, w)| {
                let opening = (1..index).rev().find(|&i| words[i - 1].ends_sentence);
                HyphenEnd {
                    from_line: w.end - words[0].start,
                    from_paragraph: opening.map(|i| w.end - words[i].start),
                }
            })
        })
        .collect()
}

/// The column width that puts inner hyphenated words nearest to a
/// column's end: among the widths that fit them about as well as the best,
/// the widest, because any fraction of the true pitch fits as well. `None`
/// when the words are too few or no width fits most of them.
fn width_from_hyphens(ends: &[HyphenEnd], narrowest: f32, widest: f32) -> Option<ColumnWidth> {
    if ends.len() < HYPHEN_EVIDENCE_MIN {
        return None;
    }
    // Each width scored twice: on the ends counted from the line's start
    // only, and with the paragraph starts too. The best width is judged
    // on the first, as before; a width is kept when its second score
    // comes near that best, so a paragraph's short line before a hyphen
    // no longer rules the true pitch out, while the freedom of a second
    // origin lifts no fraction of it above the rest.
    let mut scored: Vec<(ColumnWidth, f32, f32)> = Vec::new();
    let mut width = narrowest;
    // No printed column is wider than that: on one long line (a text
    // without line breaks) the widths to try would grow with the line.
    while width <= widest.min(WIDEST_COLUMN) {
        let candidate = ColumnWidth(width);
        let from_line: f32 = ends.iter().map(|end| candidate.closeness(end.from_line)).sum();
        let either: f32 = ends
            .iter()
            .map(|end| {
                let from_paragraph = end.from_paragraph.map_or(0.0, |e| candidate.closeness(e));
                candidate.closeness(end.from_line).max(from_paragraph)
            })
            .sum();
        scored.push((candidate, from_line / ends.len() as f32, either / ends.len() as f32));
        width += 0.5;
    }
    let best = scored.iter().map(|(_, score, _)| *score).fold(0.0, f32::max);
    if best < HYPHEN_FIT_MIN {
        return None;
    }
    scored
        .into_iter()
        .rev()
        .find(|(_, _, score)| *score >= HYPHEN_NEAR_BEST * best)
        .map(|(width, _, _)| width)
}

/// Running counts of what a line's words are, so that what a stretch of
/// them holds reads in constant time: the cuts below weigh every stretch
/// of the line, in every column.
struct WordCounts {
    /// Per `i`, how many of `words[..i]` stand where a cut must be (see
    /// [`Word::forces_cut`]).
    stops: Vec<u32>,
    /// Per `i`, how many of `words[..i]` are hyphenated.
    hyphenated: Vec<u32>,
    /// Per `i`, how many of `words[..i]` are noise.
    noise: Vec<u32>,
}

impl WordCounts {
    fn new(words: &[Word]) -> Self {
        let running = |is: fn(&Word) -> bool| {
            std::iter::once(0)
                .chain(words.iter().scan(0, |count, word| {
                    *count += u32::from(is(word));
                    Some(*count)
                }))
                .collect()
        };
        WordCounts {
            stops: running(Word::forces_cut),
            hyphenated: running(|w| w.hyphenated),
            noise: running(|w| w.noise),
        }
    }

    /// How many of `words[range]` count in `running`.
    fn within(running: &[u32], range: Range<usize>) -> u32 {
        running[range.end] - running[range.start]
    }
}

/// What one piece of `words[range]` costs at `width`: its length against
/// the width, and hyphenated words or noise inside it. A piece across a
/// gutter OCR already left is impossible.
fn piece_cost(words: &[Word], counts: &WordCounts, range: Range<usize>, width: ColumnWidth) -> f32 {
    let (start, end) = (range.start, range.end);
    if WordCounts::within(&counts.stops, start + 1..end) > 0 {
        return f32::INFINITY;
    }
    let last = &words[end - 1];
    let length = (last.end - words[start].start) as f32;
    let z = (length - width.0) / (WIDTH_SPREAD * width.0);
    let mut cost = if z < 0.0 && last.ends_sentence { z * z * PARAGRAPH_END_SHORTFALL } else { z * z };
    // One addition per word, as the words come: the same sum to the bit.
    for _ in 0..WordCounts::within(&counts.hyphenated, start..end - 1) {
        cost += evidence::HYPHEN_INSIDE;
    }
    // Noise at a piece's edge stands in the gutter; only its inner words count.
    if end - start > 2 {
        for _ in 0..WordCounts::within(&counts.noise, start + 1..end - 1) {
            cost += evidence::NOISE_INSIDE;
        }
    }
    cost
}

/// What a cut between `words[at - 1]` and `words[at]` costs.
fn cut_cost(words: &[Word], at: usize) -> f32 {
    let (before, after) = (&words[at - 1], &words[at]);
    let mut cost = 0.0;
    if before.hyphenated {
        cost += evidence::HYPHEN_BEFORE_CUT;
    }
    if before.noise || after.noise {
        cost += evidence::NOISE_AT_CUT;
    }
    cost + evidence::READS_ON * before.reads_on
}

/// The cheapest way to cut a line's words into pieces at `width`, as word
/// ranges in order: into exactly `pieces` pieces when given (and possible),
/// else into as many as the cost finds best.
#[cfg(test)]
fn cut_words(words: &[Word], width: ColumnWidth, pieces: Option<usize>) -> Vec<Range<usize>> {
    cut_words_with_last(words, width, width, pieces)
}

/// [`cut_words`] with the line's last piece weighed at `last`: the width
/// of a run's rightmost column where it differs from the others.
fn cut_words_with_last(
    words: &[Word],
    width: ColumnWidth,
    last: ColumnWidth,
    pieces: Option<usize>,
) -> Vec<Range<usize>> {
    let n = words.len();
    if n == 0 {
        return Vec::new();
    }
    // Without a count, one layer in which any number of pieces may end.
    let layers = pieces.map_or(1, |k| k.min(n));
    let counts = WordCounts::new(words);
    // best[layer][end]: cheapest cost of words[..end] in layer + 1 pieces
    // (any number when free), with where its last piece starts.
    let mut best = vec![vec![(f32::INFINITY, 0usize); n + 1]; layers];
    for layer in 0..layers {
        for end in 1..=n {
            for start in 0..end {
                let before = match (start, layer, pieces) {
                    (0, 0, _) => 0.0,
                    (0, _, _) | (_, 0, Some(_)) => continue,
                    (_, _, None) => best[0][start].0,
                    (_, _, Some(_)) => best[layer - 1][start].0,
                };
                let cut = if start > 0 { cut_cost(words, start) } else { 0.0 };
                let piece_width = if end == n { last } else { width };
                let cost = before + cut + piece_cost(words, &counts, start..end, piece_width);
                if cost < best[layer][end].0 {
                    best[layer][end] = (cost, start);
                }
            }
        }
    }
    let mut layer = layers - 1;
    if !best[layer][n].0.is_finite() {
        // No cut possible at all: the line stays one piece.
        return if pieces.is_some() {
            cut_words_with_last(words, width, last, None)
        } else {
            std::iter::once(0..n).collect()
        };
    }
    let mut ranges = Vec::new();
    let mut end = n;
    while end > 0 {
        let start = best[layer][end].1;
        ranges.push(start..end);
        end = start;
        if pieces.is_some() {
            layer = layer.saturating_sub(1);
        }
    }
    ranges.reverse();
    ranges
}

/// The median of some values; `None` when there are none.
fn median(mut values: Vec<f32>) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f32::total_cmp);
    Some(values[values.len() / 2])
}

/// A page's column width before any run is looked at: from inner
/// hyphenated words, else from lines that are clearly one column, else a
/// common newspaper measure.
fn page_width(lines: &[Option<Vec<Word>>]) -> ColumnWidth {
    let lengths: Vec<usize> = lines.iter().flatten().map(|w| line_length(w)).collect();
    let longest = lengths.iter().copied().max().unwrap_or(0) as f32;
    let ends = inner_hyphen_origins(lines.iter().flatten().map(Vec::as_slice));
    if let Some(width) = width_from_hyphens(&ends, 10.0, longest / 2.0) {
        return width;
    }
    let mut single: Vec<usize> = lengths.into_iter().filter(|n| (20..50).contains(n)).collect();
    single.sort_unstable();
    if single.len() >= 5 {
        ColumnWidth(single[single.len() * 2 / 3] as f32)
    } else {
        ColumnWidth(LATIN_COLUMN_GUESS)
    }
}

/// True when a run's hyphen layout should cut it rather than one width:
/// when its columns differ (a sidebar) or it counts other columns in a
/// full line than the width does (the width then took a fraction or a
/// multiple of the pitch). Where both agree the width's cut, which keeps a
/// line to its neighbours' piece count, did better on the dev pages.
fn layout_overrides(layout: &Layout, width: ColumnWidth, full: f32) -> bool {
    let equal = layout.widths.windows(2).all(|pair| (pair[0].0 - pair[1].0).abs() < 0.5);
    let same_count = width.columns_in(full.round() as usize).round() as usize == layout.widths.len();
    !(equal && same_count)
}

/// Cuts the lines of one run of glued lines: a width for the run, then
/// rounds of cutting and re-estimating it, then every line cut again into
/// as many pieces as its neighbours hold, so that a column keeps its slot
/// from line to line. Returns each line's word ranges.
fn cut_run(run: &[&[Word]], page: ColumnWidth) -> Vec<Vec<Range<usize>>> {
    let longest = run.iter().map(|w| line_length(w)).max().unwrap_or(0) as f32;
    let hyphen_width = width_from_hyphens(&inner_hyphen_origins(run.iter().copied()), 10.0, longest / 2.0);
    let cuts = cut_run_at(run, hyphen_width.unwrap_or(page));
    // Without hyphens of its own, a run's width comes from the page, which
    // other blocks set: where the run's full lines hold a column count
    // between two whole numbers at that width, the count whose cut reads
    // as greedily wrapped column lines wins.
    let Some(full) = full_length(run) else { return cuts };
    let columns = page.columns_in(full.round() as usize);
    if hyphen_width.is_some() || (columns - columns.round()).abs() < AMBIGUOUS_COUNT {
        return cuts;
    }
    let mut best_misses = wrap_misses(run, &cuts);
    let mut best = cuts;
    for count in [columns.floor(), columns.ceil()] {
        if count < 2.0 {
            continue;
        }
        let width = ColumnWidth((full + 1.0) / count - 1.0);
        let other = cut_run_at(run, width);
        let misses = wrap_misses(run, &other);
        if misses <= WRAP_MISSES_MAX && misses <= WRAP_WIN_SHARE * best_misses {
            (best, best_misses) = (other, misses);
        }
    }
    best
}

/// A run's full lines hold a column count at least this far from a whole
/// number at the page's width before other counts are tried.
const AMBIGUOUS_COUNT: f32 = 0.25;

/// Most of a count's column lines that may break before a word that would
/// have fitted for the count to show a set measure: type set by filling
/// each line breaks so almost always; a count whose lines miss more says
/// nothing (proportional type in OCR, where characters count unevenly).
const WRAP_MISSES_MAX: f32 = 0.2;

/// Another count replaces the page width's only when its lines miss at
/// most this share as often: a clear win, not noise.
const WRAP_WIN_SHARE: f32 = 0.5;

/// Share of a run's column lines, read from `cuts`, that break before a
/// word that would have fitted: the line's length, a space and the first
/// word of the same column's line below within the column's width (the
/// width its longer lines show). Why: a column is set by filling each line
/// as far as the measure allows, so at the true column count a line breaks
/// only where the next word does not fit; a count that merges or splits
/// columns puts line ends anywhere. Only rows cut into the run's usual
/// number of pieces count, and a line ending a sentence (a paragraph's
/// last line) or a hyphenated word says nothing. 1 when nothing counts.
fn wrap_misses(run: &[&[Word]], cuts: &[Vec<Range<usize>>]) -> f32 {
    let Some(pieces) = median(cuts.iter().map(|c| c.len() as f32).collect()) else { return 1.0 };
    let pieces = pieces as usize;
    if pieces < 2 {
        return 1.0;
    }
    let span = |words: &[Word], range: &Range<usize>| words[range.end - 1].end - words[range.start].start;
    let mut misses = 0usize;
    let mut checked = 0usize;
    for column in 0..pieces {
        let mut lengths: Vec<usize> = run
            .iter()
            .zip(cuts)
            .filter(|(_, ranges)| ranges.len() == pieces)
            .map(|(words, ranges)| span(words, &ranges[column]))
            .collect();
        lengths.sort_unstable();
        let Some(&width) = lengths.get(lengths.len() * 9 / 10) else { continue };
        for line in 0..run.len().saturating_sub(1) {
            let (here, below) = (&cuts[line], &cuts[line + 1]);
            if here.len() != pieces || below.len() != pieces {
                continue;
            }
            let (words, range) = (run[line], &here[column]);
            let last = &words[range.end - 1];
            if last.ends_sentence || last.hyphenated {
                continue;
            }
            let next = &run[line + 1][below[column].start];
            checked += 1;
            if span(words, range) + 1 + (next.end - next.start) <= width {
                misses += 1;
            }
        }
    }
    if checked == 0 {
        1.0
    } else {
        misses as f32 / checked as f32
    }
}

/// [`cut_run`] at a given starting width (the run's own from its hyphens,
/// else the page's or a column count's).
fn cut_run_at(run: &[&[Word]], start: ColumnWidth) -> Vec<Vec<Range<usize>>> {
    let lengths: Vec<usize> = run.iter().map(|w| line_length(w)).collect();
    // The run's own lines say how wide a column is once their column count is known.
    let per_column: Vec<f32> = lengths
        .iter()
        .filter_map(|&length| {
            let columns = start.columns_in(length).round();
            (columns >= 2.0).then(|| (length as f32 + 1.0) / columns - 1.0)
        })
        .collect();
    let mut width = median(per_column).map_or(start, ColumnWidth);
    if let Some(layout) = layout_from_hyphens(run).map(|layout| split_wide_columns(layout, width)) {
        if full_length(run).is_some_and(|full| layout_overrides(&layout, width, full)) {
            return cut_run_in_columns(run, layout);
        }
    }
    let mut cuts: Vec<Vec<Range<usize>>> = Vec::new();
    // Where bars show the rightmost column's own width, its pieces are
    // weighed at it: a sidebar keeps its narrower measure.
    let rightmost = last_column_from_rules(run);
    for _ in 0..PASSES {
        let last = rightmost.unwrap_or(width);
        cuts = run.iter().map(|words| cut_words_with_last(words, width, last, None)).collect();
        // Full column lines only: a paragraph's last line is short.
        let full: Vec<f32> = run
            .iter()
            .zip(&cuts)
            .filter(|(_, ranges)| ranges.len() >= 2)
            .flat_map(|(words, ranges)| {
                ranges
                    .iter()
                    .filter(|r| !words[r.end - 1].ends_sentence)
                    .map(|r| (words[r.end - 1].end - words[r.start].start) as f32)
            })
            .collect();
        match median(full) {
            Some(next) if (next - width.0).abs() >= 0.5 => width = ColumnWidth(next),
            _ => break,
        }
    }
    let counts: Vec<usize> = cuts.iter().map(Vec::len).collect();
    (0..run.len())
        .map(|line| {
            let window = line.saturating_sub(COUNT_WINDOW)..(line + COUNT_WINDOW + 1).min(run.len());
            let mut near: Vec<usize> = counts[window].to_vec();
            near.sort_unstable();
            let pieces = near[near.len() / 2];
            // A line too short to fill all but one of its neighbours'
            // columns is a row where columns have ended (an article's
            // last lines): forcing the count would cut its few column
            // lines into stubs, each a false column line.
            let edge = line + 1 == run.len();
            if pieces == counts[line] || (edge && pieces as f32 > width.columns_in(lengths[line]) + 1.0) {
                cuts[line].clone()
            } else {
                cut_words_with_last(run[line], width, rightmost.unwrap_or(width), Some(pieces))
            }
        })
        .collect()
}

/// The width of a run's rightmost column where column rules OCR read as
/// bars ("|") lead it on enough of the run's lines: the characters from
/// the word after the last bar to the line's end. Why: a sidebar's column
/// is narrower than the body's beside it, and the bars, where OCR saw
/// them, show how wide it is for the lines where it saw none.
///
/// Where the tail is itself much wider than the columns between two bars
/// (at least [`GLUED_MIN_PITCHES`] of them), the last rule stands before
/// a body column that an unruled column (a sidebar set off by white space
/// alone) follows, glued on with one space: the rightmost column is then
/// what the tail holds beyond one ruled column and its gutter.
fn last_column_from_rules(run: &[&[Word]]) -> Option<ColumnWidth> {
    let tails: Vec<f32> = run
        .iter()
        .filter_map(|words| {
            let bar = (1..words.len().saturating_sub(1)).rev().find(|&i| words[i].rule)?;
            Some((words[words.len() - 1].end - words[bar + 1].start) as f32)
        })
        .collect();
    let enough = tails.len() >= RULED_LINES_MIN && tails.len() as f32 >= RULED_SHARE_MIN * run.len() as f32;
    if !enough {
        return None;
    }
    let tail = median(tails)?;
    match median(ruled_column_spans(run)) {
        Some(ruled) if tail >= GLUED_MIN_PITCHES * ruled => {
            Some(ColumnWidth(tail - ColumnWidth(ruled).pitch()))
        }
        _ => Some(ColumnWidth(tail)),
    }
}

/// The spans, in characters, of the text between two bars ("|") on the
/// same line: the width of a column that rules stand on both sides of.
fn ruled_column_spans(run: &[&[Word]]) -> Vec<f32> {
    run.iter()
        .flat_map(|words| {
            let bars: Vec<usize> = (0..words.len()).filter(|&i| words[i].rule).collect();
            bars.windows(2)
                .filter(|pair| pair[1] > pair[0] + 1)
                .map(|pair| (words[pair[1] - 1].end - words[pair[0] + 1].start) as f32)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A run's columns, read from where its hyphenated words end as a share
/// of their own line: each column's width in characters, left to right.
/// Columns may differ (a wide body beside a narrow sidebar).
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    widths: Vec<ColumnWidth>,
}

/// The length of a run's full lines: a line holding every column. Read
/// from the run's longer lines (those near its upper quartile), not from
/// all of them: where one article's columns end while its neighbour's run
/// on, half a run's lines may hold only some of the columns, and a median
/// over all of them would take such a line for full and every column for
/// a fraction of its width.
fn full_length(run: &[&[Word]]) -> Option<f32> {
    let mut lengths: Vec<f32> = run.iter().map(|w| line_length(w) as f32).collect();
    lengths.sort_by(f32::total_cmp);
    let upper = *lengths.get(lengths.len() * 3 / 4)?;
    median(lengths.into_iter().filter(|&length| length >= FULL_LINE_SHARE * upper).collect())
}

/// The lines of a run about as long as its full ones: those that hold
/// every column.
fn full_lines<'a>(run: &'a [&'a [Word]], full: f32) -> impl Iterator<Item = &'a [Word]> + 'a {
    run.iter().copied().filter(move |words| line_length(words) as f32 >= FULL_LINE_SHARE * full)
}

/// Where inner hyphenated words end as a share of their line, on lines
/// about as long as the run's full ones: a column boundary stands at the
/// same share of every full line, while the characters before it drift
/// with the letters each line happens to hold.
fn hyphen_shares(run: &[&[Word]], full: f32) -> Vec<f32> {
    let mut shares: Vec<f32> = full_lines(run, full)
        .flat_map(|words| {
            let length = line_length(words) as f32 + 1.0;
            inner_hyphen_ends(std::iter::once(words)).into_iter().map(move |end| (end as f32 + 1.0) / length)
        })
        .collect();
    shares.sort_by(f32::total_cmp);
    shares
}

/// The layout of a run from its hyphen shares: shares that lie close
/// together mark one column boundary, at their mean. `None` when the
/// hyphens are too scattered or a column would be too narrow.
fn clustered_layout(shares: &[f32], full: f32) -> Option<Layout> {
    let mut clusters: Vec<Vec<f32>> = Vec::new();
    for &share in shares {
        match clusters.last_mut() {
            Some(cluster) if share - cluster[cluster.len() - 1] <= BOUNDARY_CLUSTER_GAP => {
                cluster.push(share)
            }
            _ => clusters.push(vec![share]),
        }
    }
    clusters.retain(|cluster| cluster.len() >= BOUNDARY_EVIDENCE_MIN);
    let explained: usize = clusters.iter().map(Vec::len).sum();
    if (explained as f32) < HYPHENS_EXPLAINED * shares.len() as f32 {
        return None;
    }
    let boundaries: Vec<f32> =
        clusters.iter().map(|cluster| cluster.iter().sum::<f32>() / cluster.len() as f32).collect();
    if boundaries.is_empty() {
        return None;
    }
    let mut edges = vec![0.0];
    edges.extend(boundaries);
    edges.push(1.0);
    let spans: Vec<f32> = edges.windows(2).map(|pair| pair[1] - pair[0]).collect();
    if spans.iter().any(|&span| span < COLUMN_SHARE_MIN) {
        return None;
    }
    let mut columns = spans;
    // Columns about equal are equal: most pages set one measure.
    let mean = 1.0 / columns.len() as f32;
    if columns.iter().all(|share| (share / mean - 1.0).abs() <= EQUAL_SLACK) {
        columns.iter_mut().for_each(|share| *share = mean);
    }
    // A share counts its column's gutter space: width = share of the full line plus one space, less that space.
    let widths = columns.into_iter().map(|share| ColumnWidth(share * (full + 1.0) - 1.0)).collect();
    Some(Layout { widths })
}

/// The layout of `columns` equal columns when their boundaries account for
/// enough of the hyphen shares, each within a quarter of a column.
fn equal_layout(shares: &[f32], full: f32, columns: usize) -> Option<Layout> {
    let pitch = 1.0 / columns as f32;
    let near = shares
        .iter()
        .filter(|&&share| {
            let boundary = (share / pitch).round();
            boundary >= 1.0
                && boundary < columns as f32
                && (share - boundary * pitch).abs() <= EQUAL_FIT * pitch
        })
        .count();
    (near as f32 >= HYPHENS_EXPLAINED * shares.len() as f32)
        .then(|| Layout { widths: vec![ColumnWidth(pitch * (full + 1.0) - 1.0); columns] })
}

/// The layout of a run: the boundaries its hyphens cluster at, or the
/// fewest equal columns that account for them, whichever cuts the run's
/// full lines more cheaply (a missed boundary merges two columns, and the
/// pieces then hold hyphenated words and words that finish them). `None`
/// when the hyphens are too few or fit neither.
fn layout_from_hyphens(run: &[&[Word]]) -> Option<Layout> {
    let full = full_length(run)?;
    let shares = hyphen_shares(run, full);
    if shares.len() < HYPHEN_EVIDENCE_MIN {
        return None;
    }
    let equal = (2..=MAX_COLUMNS).find_map(|columns| equal_layout(&shares, full, columns));
    // Layouts are weighed on the full lines the hyphens were read from. A
    // shorter line leaves a column out (one article's column has ended
    // while the others run on); any layout fits it somehow, but one whose
    // boundaries are right pays for every column it leaves out there, so
    // those lines would favour a layout that merges two columns into one
    // wide one.
    let cost = |layout: &Layout| full_lines(run, full).map(|words| cut_columns(words, layout).1).sum::<f32>();
    match (clustered_layout(&shares, full), equal) {
        (Some(clustered), Some(equal))
            if cost(&clustered) + UNEQUAL_COST * (full_lines(run, full).count() as f32) < cost(&equal) =>
        {
            Some(clustered)
        }
        (clustered, None) => clustered,
        (_, equal) => equal,
    }
}

/// A layout whose columns each hold one column of `width`: a column of
/// the hyphens' layout about twice as wide or more is split into equal
/// columns of about that width. Why: the boundaries come from where
/// hyphenated words cluster, and a gutter at which no word happened to
/// hyphenate leaves two columns merged into one wide one, which is then
/// never cut.
fn split_wide_columns(layout: Layout, width: ColumnWidth) -> Layout {
    let widths = layout
        .widths
        .into_iter()
        .flat_map(|column| {
            let count = (column.pitch() / width.pitch()).round().max(1.0);
            let count = if count >= 2.0 { count as usize } else { 1 };
            std::iter::repeat_n(ColumnWidth(column.pitch() / count as f32 - 1.0), count)
        })
        .collect();
    Layout { widths }
}

/// The cheapest way to cut a line's words into pieces, each in one column
/// of `layout`, in order: a line may leave a column out (a column that has
/// ended or not yet begun), at a cost.
fn cut_columns(words: &[Word], layout: &Layout) -> (Vec<Range<usize>>, f32) {
    let n = words.len();
    let k = layout.widths.len();
    if n == 0 || k == 0 {
        return (Vec::new(), 0.0);
    }
    let counts = WordCounts::new(words);
    // best[column][end]: cheapest cost of words[..end] whose last piece is
    // in `column`, with where that piece starts and the column before it.
    let mut best = vec![vec![(f32::INFINITY, 0usize, usize::MAX); n + 1]; k];
    for end in 1..=n {
        for column in 0..k {
            let width = layout.widths[column];
            for start in 0..end {
                let piece = piece_cost(words, &counts, start..end, width);
                if !piece.is_finite() {
                    continue;
                }
                if start == 0 {
                    let cost = evidence::COLUMN_LEFT_OUT * column as f32 + piece;
                    if cost < best[column][end].0 {
                        best[column][end] = (cost, 0, usize::MAX);
                    }
                    continue;
                }
                let cut = cut_cost(words, start);
                for previous in 0..column {
                    let before = best[previous][start].0;
                    let skipped = (column - previous - 1) as f32;
                    let cost = before + evidence::COLUMN_LEFT_OUT * skipped + cut + piece;
                    if cost < best[column][end].0 {
                        best[column][end] = (cost, start, previous);
                    }
                }
            }
        }
    }
    let trailing = |column: usize| evidence::COLUMN_LEFT_OUT * (k - 1 - column) as f32;
    let last = (0..k)
        .filter(|&column| best[column][n].0.is_finite())
        .min_by(|&a, &b| (best[a][n].0 + trailing(a)).total_cmp(&(best[b][n].0 + trailing(b))));
    let Some(mut column) = last else {
        // More pieces than the layout has columns: only the cuts the words
        // force (OCR's gutters, a dateline, a credit) stand.
        return (forced_cuts(words), f32::INFINITY);
    };
    let cost = best[column][n].0 + trailing(column);
    let mut ranges = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start, previous) = best[column][end];
        ranges.push(start..end);
        end = start;
        column = previous;
    }
    ranges.reverse();
    (ranges, cost)
}

/// A line's words cut only where a piece must start: after a gutter OCR
/// left, at a dateline, at a credit's edges.
fn forced_cuts(words: &[Word]) -> Vec<Range<usize>> {
    let mut starts: Vec<usize> = (1..words.len()).filter(|&i| words[i].forces_cut()).collect();
    starts.insert(0, 0);
    starts.push(words.len());
    starts.windows(2).map(|pair| pair[0]..pair[1]).collect()
}

/// Cuts a run whose layout the hyphens show: every line into its columns,
/// then each column's width read again from its pieces, for a few rounds.
fn cut_run_in_columns(run: &[&[Word]], mut layout: Layout) -> Vec<Vec<Range<usize>>> {
    let mut cuts: Vec<Vec<Range<usize>>> = Vec::new();
    for _ in 0..PASSES {
        cuts = run.iter().map(|words| cut_columns(words, &layout).0).collect();
        // Lines cut into every column say which piece stands in which column.
        let k = layout.widths.len();
        let mut lengths: Vec<Vec<f32>> = vec![Vec::new(); k];
        for (words, ranges) in run.iter().zip(&cuts) {
            if ranges.len() != k {
                continue;
            }
            for (column, range) in ranges.iter().enumerate() {
                // Full column lines only: a paragraph's last line is short.
                if !words[range.end - 1].ends_sentence {
                    lengths[column].push((words[range.end - 1].end - words[range.start].start) as f32);
                }
            }
        }
        let next: Vec<ColumnWidth> = layout
            .widths
            .iter()
            .zip(lengths)
            .map(|(&width, lengths)| {
                if lengths.len() >= BOUNDARY_EVIDENCE_MIN {
                    median(lengths).map_or(width, ColumnWidth)
                } else {
                    width
                }
            })
            .collect();
        if next.iter().zip(&layout.widths).all(|(a, b)| (a.0 - b.0).abs() < 0.5) {
            break;
        }
        layout.widths = next;
    }
    cuts
}

/// Splits a run of glued lines (given with the block of each) into parts
/// of one column width each: at a blank line where the hyphenated words
/// after it no longer end near the columns before it. A page may hold
/// three wide columns above four narrow ones, their lines as long.
fn parts_of_like_width(run: &[&[Word]], blocks: &[usize]) -> Vec<Range<usize>> {
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    while start < run.len() {
        let end = (start..run.len()).find(|&i| blocks[i] != blocks[start]).unwrap_or(run.len());
        let fits = parts.last().is_none_or(|group| {
            let group_lines = &run[group.clone()];
            let longest = group_lines.iter().map(|w| line_length(w)).max().unwrap_or(0) as f32;
            let Some(width) =
                width_from_hyphens(&inner_hyphen_origins(group_lines.iter().copied()), 10.0, longest / 2.0)
            else {
                return true;
            };
            let ends = inner_hyphen_origins(run[start..end].iter().copied());
            let fitting = ends.iter().filter(|end| width.fits_either(end)).count();
            ends.is_empty() || 2 * fitting >= ends.len()
        });
        match parts.last_mut() {
            Some(group) if fits => group.end = end,
            _ => parts.push(start..end),
        }
        start = end;
    }
    parts
}

/// Most lines of a title block over a glued run: a deck set in one to
/// four printed lines.
const TITLE_BLOCK_MAX_LINES: usize = 4;

/// A title block's lines span fewer columns than the body: at most this
/// share of the run's typical line below it.
const TITLE_BLOCK_MAX_SHARE: f32 = 0.75;

/// How many lines at the head of a run of long lines (given with the
/// page's lines) are a title block, not glued columns: a block of a few
/// lines, parted by a blank line from the long lines below, none of whose
/// words ends a sentence or a hyphenated printed line, each clearly shorter
/// than the run's lines below. Why: a headline or deck spanning two
/// columns is as long as two glued column lines, but a title has no
/// sentence end and no line-end hyphen, and it spans fewer columns than the
/// body it heads; cut, its pieces read as column lines. A run that is
/// the whole head of a block going on below it in lines of one column
/// (`opens_block`) is a title block when title-shaped: glued columns run
/// on, while a deck spans two columns over the one-column body it heads.
/// 0 when there is none.
fn title_block_over_run(run: &[Option<Vec<Word>>], lines: &[crate::parse::Line], opens_block: bool) -> usize {
    let Some(first) = lines.first() else { return 0 };
    let head = lines.iter().take_while(|l| l.block == first.block).count();
    if head > TITLE_BLOCK_MAX_LINES {
        return 0;
    }
    let words = |i: usize| run[i].as_deref().unwrap_or(&[]);
    let title_shaped = (0..head).all(|i| title_words(words(i)));
    if head == run.len() {
        // No long line below to compare with: the block going on in lines
        // of one column shows the run spans two columns over its body.
        return if opens_block && title_shaped { head } else { 0 };
    }
    let Some(below) = median((head..run.len()).map(|i| line_length(words(i)) as f32).collect()) else {
        return 0;
    };
    let short = (0..head).all(|i| line_length(words(i)) as f32 <= TITLE_BLOCK_MAX_SHARE * below);
    if title_shaped && short {
        head
    } else {
        0
    }
}

/// True when the last line of a run of long lines is the title of the
/// text below it: a line alone in its block, with no sentence end and no
/// line-end hyphen, that a block of shorter lines follows. Why: a headline
/// over one article's columns may span as many columns as the glued rows
/// of the article above it, and is read after them as one more long line;
/// cut, its parts read as column lines and open no article.
fn title_line_after_run(page: &Page, lines: &[Option<Vec<Word>>], index: usize) -> bool {
    let block = &page.blocks[page.lines[index].block];
    let Some(words) = lines[index].as_deref() else { return false };
    let next_opens_block =
        page.lines.get(index + 1).is_some_and(|next| next.block != page.lines[index].block);
    block.len() == 1
        && next_opens_block
        && title_words(words)
        && !crate::parse::classify::lines_set_apart(page)
}

/// A title line alone in its block is at most this share of the median
/// line of the block below it, where a block of several title lines must
/// keep to [`TITLE_BLOCK_MAX_SHARE`]: set apart by blank lines on both
/// sides it is a block of its own, not a row of the columns below.
const TITLE_LINE_MAX_SHARE: f32 = 0.85;

/// A title line alone in its block at least this many times as long as
/// the longest line of the block below it spans more than that block's
/// columns: no row of them.
const TITLE_LINE_MIN_OVER: f32 = 1.1;

/// True when line `index` of a run of long lines (ending at `end`) is a
/// title line over the rows of the block below it: alone in its block,
/// one piece (no gutter OCR left inside it), no word ending a sentence or a hyphenated printed line, and either
/// clearly shorter than that block's rows (a title spans fewer columns than
/// the body it heads) or clearly longer than the longest of them (it spans
/// more columns than they hold). Why: a glued row keeps to the columns of
/// the rows below it, while a headline set between blank lines does not;
/// cut, its parts read as column lines and open no article.
fn title_line_over_rows(page: &Page, lines: &[Option<Vec<Word>>], index: usize, end: usize) -> bool {
    let block = &page.blocks[page.lines[index].block];
    let Some(words) = lines[index].as_deref() else { return false };
    let one_piece = page.lines[index].pieces.len() == 1;
    if block.len() != 1 || !one_piece || index + 1 >= end || !title_words(words) {
        return false;
    }
    let below = &page.blocks[page.lines[index + 1].block];
    let rows: Vec<f32> = (below.start..below.end.min(end))
        .map(|i| lines[i].as_ref().map_or(0, |w| line_length(w)) as f32)
        .collect();
    let longest = rows.iter().copied().fold(0.0, f32::max);
    let Some(typical) = median(rows) else { return false };
    let length = line_length(words) as f32;
    length <= TITLE_LINE_MAX_SHARE * typical || length >= TITLE_LINE_MIN_OVER * longest
}

/// Cuts runs of long Latin lines, side-by-side columns that OCR joined with
/// single spaces, into one piece per printed column line.
pub fn cut_latin_glued_lines(page: &mut Page) {
    if page.is_cjk() {
        return;
    }
    let language = page.word_model();
    let lines: Vec<Option<Vec<Word>>> =
        page.lines.iter().map(|line| line_words(&page.pieces[line.pieces.clone()], language)).collect();
    let width = page_width(&lines);
    let long: Vec<bool> = lines
        .iter()
        .map(|words| words.as_ref().is_some_and(|w| width.columns_in(line_length(w)) >= GLUED_MIN_PITCHES))
        .collect();
    // A line between two long lines, longer than one column can run, is a
    // glued row whose one column ends its paragraph: it keeps the run whole.
    let long: Vec<bool> = (0..long.len())
        .map(|i| {
            long[i]
                || (i > 0
                    && i + 1 < long.len()
                    && long[i - 1]
                    && long[i + 1]
                    && lines[i]
                        .as_ref()
                        .is_some_and(|w| width.columns_in(line_length(w)) >= BRIDGE_MIN_PITCHES))
        })
        .collect();
    let long = grow_runs(page, &lines, &long);
    let mut cut_lines: Vec<Option<Vec<Range<usize>>>> = vec![None; page.lines.len()];
    let mut title_lines: Vec<usize> = Vec::new();
    for run in flagged_runs(&long) {
        let (mut start, end) = (run.start, run.end);
        // A deck of title lines standing over the glued body is no glued
        // row, but the title of what follows.
        // The run opens its block, and the block goes on below it.
        let opens_block = page.blocks[page.lines[start].block].start == start
            && page.lines.get(end).is_some_and(|l| l.block == page.lines[end - 1].block);
        let title = title_block_over_run(&lines[start..end], &page.lines[start..end], opens_block);
        title_lines.extend(start..start + title);
        start += title;
        // A title line alone in its block that the rows below it cannot
        // hold parts the run: the rows on either side are cut apart.
        let inner: Vec<usize> =
            (start..end).filter(|&i| title_line_over_rows(page, &lines, i, end)).collect();
        title_lines.extend(&inner);
        let bounds: Vec<usize> = std::iter::once(start)
            .chain(inner.iter().flat_map(|&i| [i, i + 1]))
            .chain(std::iter::once(end))
            .collect();
        for segment in bounds.chunks(2) {
            let (start, end) = (segment[0], segment[1]);
            if end < start + RUN_MIN_LINES {
                continue;
            }
            // A title read after the rows is left out of them, uncut.
            let rows_end = if title_line_after_run(page, &lines, end - 1) {
                title_lines.push(end - 1);
                end - 1
            } else {
                end
            };
            let run: Vec<&[Word]> =
                lines[start..rows_end].iter().map(|w| w.as_deref().unwrap_or(&[])).collect();
            let blocks: Vec<usize> = page.lines[start..rows_end].iter().map(|l| l.block).collect();
            for part in parts_of_like_width(&run, &blocks) {
                let cuts = cut_run(&run[part.clone()], width);
                for (slot, ranges) in cut_lines[start + part.start..start + part.end].iter_mut().zip(cuts) {
                    *slot = Some(ranges);
                }
            }
        }
    }
    for line in title_lines {
        for piece in &mut page.pieces[page.lines[line].pieces.clone()] {
            piece.role = Role::Headline;
        }
    }
    let dateline_inside = lines.iter().flatten().flatten().any(Word::parts_columns);
    if cut_lines.iter().all(Option::is_none) && !dateline_inside {
        return;
    }
    let texts: Vec<Vec<char>> = page
        .lines
        .iter()
        .map(|line| {
            let pieces = &page.pieces[line.pieces.clone()];
            if pieces.is_empty() {
                return Vec::new();
            }
            let whole = whole_line(pieces);
            // Character positions in the line: pad to where the first piece starts.
            let mut chars = vec![' '; whole.span.start];
            chars.extend(whole.text.chars());
            chars
        })
        .collect();
    for index in 1..cut_lines.len() {
        let (above, here) = cut_lines.split_at_mut(index);
        if let (Some(above), Some(here), Some(words_above), Some(words)) =
            (&above[index - 1], &mut here[0], &lines[index - 1], &lines[index])
        {
            rehome_completing_words(above, words_above, &texts[index - 1], here, words, &texts[index]);
        }
    }
    // A line no run took, holding a dateline after other words, glues
    // columns whatever its length: cut it before the dateline, at the
    // gutters OCR left, and before the gutter specks ("_", "|") after the
    // dateline, which stand where the next gutter was.
    for ((slot, words), text) in cut_lines.iter_mut().zip(&lines).zip(&texts) {
        let Some(words) = words else { continue };
        let Some(dateline) = words.iter().position(Word::parts_columns) else { continue };
        if slot.is_some() {
            continue;
        }
        let speck = |word: &Word| word.noise && word_text(text, word).is_empty();
        let mut starts: Vec<usize> = (1..words.len())
            .filter(|&i| words[i].forces_cut() || (i > dateline && speck(&words[i])))
            .collect();
        starts.insert(0, 0);
        starts.push(words.len());
        *slot = Some(starts.windows(2).map(|pair| pair[0]..pair[1]).collect());
    }
    page.recut_lines(|line_index, pieces| match (&cut_lines[line_index], &lines[line_index]) {
        (Some(ranges), Some(words)) if ranges.len() > pieces.len() => {
            let mut out = Vec::new();
            for piece in pieces {
                // The ranges inside this piece: a cut never crosses a gutter OCR left.
                let inside: Vec<Range<usize>> = ranges
                    .iter()
                    .filter(|r| {
                        words[r.start].start >= piece.span.start && words[r.start].start < piece.span.end
                    })
                    .cloned()
                    .collect();
                out.extend(cut_piece(piece, words, &inside));
            }
            out
        }
        _ => pieces.to_vec(),
    });
}

/// Grows each run of long lines (at least [`RUN_MIN_LINES`]) by the lines
/// between it and its block's top or bottom edge, when every one of them
/// is about as long as the run's lines ([`GROW_SHARE`] of their median).
///
/// Why: "long" is measured against the page's column width, which other
/// blocks set; where a block's columns are narrower, its glued rows come
/// out just short of the mark now and then, and a few such rows at the
/// top of the block (where every column starts full) stayed whole while
/// the rows below them were cut, each a two-column line read as one.
/// Only the rows up to the block's edge: a short row between two runs
/// inside a block is where columns end, and the runs' own rules (the
/// bridge above, the slot count) handle it.
fn grow_runs(page: &Page, lines: &[Option<Vec<Word>>], long: &[bool]) -> Vec<bool> {
    let length = |i: usize| lines[i].as_ref().map_or(0, |w| line_length(w)) as f32;
    let mut grown = long.to_vec();
    for run in flagged_runs(long) {
        let (start, end) = (run.start, run.end);
        if end - start >= RUN_MIN_LINES {
            let Some(typical) = median((start..end).map(length).collect()) else { break };
            let fits = |i: usize| length(i) >= GROW_SHARE * typical;
            // Only the rows between the run and its block's edge: there
            // every column of the block is still (or already) running.
            let block = &page.blocks[page.lines[start].block];
            if block.start < start && (block.start..start).all(|i| !long[i] && fits(i)) {
                grown[block.start..start].iter_mut().for_each(|g| *g = true);
            }
            let block = &page.blocks[page.lines[end - 1].block];
            if block.end > end && (end..block.end).all(|i| !long[i] && fits(i)) {
                grown[end..block.end].iter_mut().for_each(|g| *g = true);
            }
        }
    }
    grown
}

/// True when no word of a line ends a sentence or a line-end hyphen: the
/// words of a title, which runs on into nothing.
fn title_words(words: &[Word]) -> bool {
    words.iter().all(|w| !w.ends_sentence && !w.hyphenated)
}

/// The maximal runs of consecutive `true` flags, as ranges of indices.
fn flagged_runs(flags: &[bool]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    while start < flags.len() {
        if !flags[start] {
            start += 1;
            continue;
        }
        let end = (start..flags.len()).find(|&i| !flags[i]).unwrap_or(flags.len());
        runs.push(start..end);
        start = end;
    }
    runs
}

/// Share of a glued run's median length the rows between it and its
/// block's edge must reach to join it (dev plateau 0.75 to 0.92).
const GROW_SHARE: f32 = 0.85;

/// The text of a word, gutter specks glued to its end left off.
fn word_text(text: &[char], word: &Word) -> String {
    text[word.start..word.end].iter().collect::<String>().trim_end_matches(['_', '|', '~']).to_string()
}

/// Moves a cut one word left where the word before it is the second half of
/// the word broken at the end of the next column's line above. Why: a
/// column line starts with the half of a word hyphenated at the end of the
/// column's line above it, and the cut, weighing lengths only, may leave that
/// half at the end of the column to its left (a wrong cut that makes a false
/// half-word there and takes the true one from its column). Only a half that
/// completes a known word, where the word the cut now starts with does not,
/// is moved.
fn rehome_completing_words(
    above: &[Range<usize>],
    words_above: &[Word],
    text_above: &[char],
    here: &mut [Range<usize>],
    words: &[Word],
    text: &[char],
) {
    for column in 0..here.len().saturating_sub(1) {
        let Some(column_above) = above.get(column + 1) else { break };
        if column_above.is_empty() || here[column].len() < 2 || here[column + 1].is_empty() {
            continue;
        }
        let broken = &words_above[column_above.end - 1];
        let (last, next) = (&words[here[column].end - 1], &words[here[column + 1].start]);
        if !broken.hyphenated || next.after_gutter {
            continue;
        }
        let broken = word_text(text_above, broken);
        // The broken word without its leading marks and its hyphen.
        let mut stem = broken.trim_start_matches(|c: char| !c.is_alphanumeric()).chars();
        stem.next_back();
        let stem = stem.as_str();
        let half = |word: &Word| {
            let text = word_text(text, word);
            let text = text.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
            text.starts_with(char::is_lowercase).then_some(text)
        };
        let Some(half_word) = half(last) else { continue };
        let completes = |tail: &str| crate::parse::words::is_english_word(&format!("{stem}{tail}"));
        if completes(&half_word) && !half(next).is_some_and(|tail| completes(&tail)) {
            here[column].end -= 1;
            here[column + 1].start -= 1;
        }
    }
}

/// The pieces of one OCR line joined again into one piece, the spaces
/// between them restored.
pub(super) fn whole_line(pieces: &[Piece]) -> Piece {
    let mut whole = pieces[0].clone();
    for piece in &pieces[1..] {
        let spaces = piece.span.start.saturating_sub(whole.span.end);
        whole.text.push_str(&" ".repeat(spaces));
        whole.text.push_str(&piece.text);
        whole.span.end = piece.span.end;
    }
    whole.cells = crate::parse::chars::cells(&whole.text);
    whole
}

/// Cuts a piece into the given word ranges; the spaces between the ranges
/// are the gutter and belong to no piece. A column's part of a glued row
/// may be a credit line of its own ("By Jane Doe", "APA, 30.4.2016"), as a
/// part a wider gutter sets apart is (see `parse::piece::split_line`).
pub(super) fn cut_piece(piece: &Piece, words: &[Word], ranges: &[Range<usize>]) -> Vec<Piece> {
    if ranges.len() <= 1 {
        return vec![piece.clone()];
    }
    let chars: Vec<char> = piece.text.chars().collect();
    let local = |position: usize| position - piece.span.start;
    ranges
        .iter()
        .enumerate()
        .map(|(index, range)| {
            let mut cut =
                part(piece, &chars, local(words[range.start].start), local(words[range.end - 1].end), true);
            if index > 0 {
                cut.gap = Gap::Glued;
            }
            if cut.role == Role::Body && is_byline(&cut.text) {
                cut.role = Role::Byline;
            }
            cut
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    #[test]
    fn a_piece_costs_what_its_words_walked_one_by_one_cost() {
        // Hyphens, noise and a gutter at the edges and inside of pieces.
        let chars: Vec<char> = "the con- | struction of - new homes re- | mains slow".chars().collect();
        let mut words = words(&chars, 0, word_language::model(), false);
        words[6].after_gutter = true;
        assert!(words[1].hyphenated && words[2].noise && words[5].noise);
        // The cost as the words of the piece are walked.
        let walked = |range: Range<usize>, width: ColumnWidth| {
            let inner = &words[range.clone()];
            if inner.iter().skip(1).any(Word::forces_cut) {
                return f32::INFINITY;
            }
            let last = &words[range.end - 1];
            let z = ((last.end - words[range.start].start) as f32 - width.0) / (WIDTH_SPREAD * width.0);
            let mut cost =
                if z < 0.0 && last.ends_sentence { z * z * PARAGRAPH_END_SHORTFALL } else { z * z };
            for word in &inner[..inner.len() - 1] {
                if word.hyphenated {
                    cost += evidence::HYPHEN_INSIDE;
                }
            }
            for word in inner.iter().skip(1).take(inner.len().saturating_sub(2)) {
                if word.noise {
                    cost += evidence::NOISE_INSIDE;
                }
            }
            cost
        };
        let counts = WordCounts::new(&words);
        for width in [ColumnWidth(12.0), ColumnWidth(30.5)] {
            for end in 1..=words.len() {
                for start in 0..end {
                    let (fast, slow) =
                        (piece_cost(&words, &counts, start..end, width), walked(start..end, width));
                    assert_eq!(fast.to_bits(), slow.to_bits(), "{start}..{end}");
                }
            }
        }
    }

    #[test]
    fn bars_on_enough_lines_give_the_rightmost_column_its_width() {
        let lines: Vec<Vec<Word>> = [
            "the body runs on here and then | the side",
            "more of the body text runs here | bar led",
            "and the body goes on at length | narrow",
            "the body runs on and on and on here too",
        ]
        .iter()
        .map(|line| words(&line.chars().collect::<Vec<_>>(), 0, word_language::model(), false))
        .collect();
        let run: Vec<&[Word]> = lines.iter().map(Vec::as_slice).collect();
        assert!(run[0][7].rule && !run[0][6].rule);
        // Tails of 8, 7 and 6 characters: their median.
        assert_eq!(last_column_from_rules(&run), Some(ColumnWidth(7.0)));
        // Two bars are too few to read a column from.
        assert_eq!(last_column_from_rules(&run[1..]), None);
    }

    #[test]
    fn a_tail_wider_than_the_ruled_columns_holds_a_glued_unruled_column() {
        // Two ruled columns of about 12 characters, then a last rule before
        // a 12-character column with a narrower unruled one glued on.
        let lines: Vec<Vec<Word>> = [
            "left text go | middle words | right column glim side bit",
            "more left on | centre words | then a column flox other aa",
            "and the left | others words | lastly columns roam narrow",
        ]
        .iter()
        .map(|line| words(&line.chars().collect::<Vec<_>>(), 0, word_language::model(), false))
        .collect();
        let run: Vec<&[Word]> = lines.iter().map(Vec::as_slice).collect();
        assert_eq!(median(ruled_column_spans(&run)), Some(12.0));
        // Tails of 26, 27 and 26 characters hold a 12-character column, a
        // space and the narrow column's 13.
        assert_eq!(last_column_from_rules(&run), Some(ColumnWidth(13.0)));
    }

    #[test]
    fn a_narrow_rightmost_column_moves_the_last_cut_right() {
        let chars: Vec<char> = "one two three four five six seven eight nine".chars().collect();
        let words = words(&chars, 0, word_language::model(), false);
        let equal = cut_words(&words, ColumnWidth(21.5), Some(2));
        let narrow = cut_words_with_last(&words, ColumnWidth(30.0), ColumnWidth(10.0), Some(2));
        assert_eq!(equal.len(), 2);
        assert_eq!(narrow, vec![0..7, 7..9], "{equal:?}");
        assert!(equal[1].len() > narrow[1].len());
    }

    #[test]
    fn a_cut_between_words_that_read_on_costs_more() {
        let chars: Vec<char> = "the united states said".chars().collect();
        let words = words(&chars, 0, word_language::model(), false);
        assert!(words[1].reads_on > 0.0, "{:?}", words[1]);
        // Between "united" and "states" against between "states" and "said".
        assert!(cut_cost(&words, 2) > cut_cost(&words, 3));
        assert_eq!(words[3].reads_on, 0.0);
    }

    #[test]
    fn words_that_read_on_tip_a_cut_of_near_equal_lengths() {
        // Two cuts of equal fit to the width (pieces of 7 and 11
        // characters, or 11 and 7): inside "of the", or between two words
        // never seen together. Lengths alone keep the first found.
        let chars: Vec<char> = "zorb of the vel qua".chars().collect();
        let words = words(&chars, 0, word_language::model(), false);
        let ranges = cut_words(&words, ColumnWidth(9.0), Some(2));
        assert_eq!(ranges, vec![0..3, 3..5], "{ranges:?}");
    }

    fn texts(page: &Page) -> Vec<&str> {
        page.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn latin_columns_glued_by_single_spaces_are_cut() {
        let text = "The council said on Monday that the new bridge would open in the spring next year\n\
                    after four years of work and delays caused by floods and the rising costs of steel\n\
                    and concrete. Local traders welcomed the news and the mayor thanked the workers.\n";
        let page = parse_page(text, 0, 1);
        assert!(page.lines.iter().all(|l| l.pieces.len() == 2), "{:?}", texts(&page));
        assert_eq!(page.pieces[1].gap, Gap::Glued);
    }

    #[test]
    fn rows_at_a_blocks_top_as_long_as_its_glued_run_are_cut_with_it() {
        // One-column lines set the page's column width at about 43
        // characters; the glued block below has two columns of about 36, its
        // first rows a little short of 1.6 pitches of the page's width, the
        // rows below them over it.
        let single = "The harbour board met late on Tuesday night\n\
                      to hear the plans for a second ferry berth\n\
                      on the north side of the old fishing quay.\n\
                      Members asked for a study of the tides and\n\
                      of the traffic the new berth would bring to\n\
                      the narrow streets behind the market hall.\n";
        let rows = "Officials said the new timetable the weekend service would now run\n\
                    starts in May and adds two trains until midnight for the first time\n\
                    an hour between the coast and the in ten years, and that the old\n\
                    capital during the busy summer months station at the harbour would reopen\n\
                    when tourists crowd the old carriages after repairs to its roof and to the\n\
                    and the platforms are packed at noon. footbridge across the four tracks.\n";
        let page = parse_page(&format!("{single}\n{rows}"), 0, 1);
        let first_row =
            page.lines.iter().find(|l| page.pieces[l.pieces.start].text.starts_with("Officials")).unwrap();
        let first: Vec<&str> =
            page.pieces[first_row.pieces.clone()].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(first, vec!["Officials said the new timetable", "the weekend service would now run"]);
        // The one-column lines above, in a block of their own, stay whole.
        assert_eq!(page.lines[0].pieces.len(), 1);
    }

    #[test]
    fn a_credit_cut_off_a_glued_row_is_a_byline() {
        let text = "The council said on Monday that the new bridge would open in the spring next year\n\
                    after four years of work and delays caused by floods and the rising costs of steel\n\
                    and concrete. Local traders welcomed it. and the mayor thanked the workers.\n\
                    Traders now hope for many more visitors. Anna Maria Schmidt-Berger, 30.4.2016\n";
        let page = parse_page(text, 0, 1);
        let credit = page.pieces.iter().find(|p| p.text == "Anna Maria Schmidt-Berger, 30.4.2016");
        assert_eq!(credit.map(|p| p.role), Some(Role::Byline), "{:?}", texts(&page));
    }

    #[test]
    fn a_title_block_over_glued_columns_is_a_headline_and_stays_whole() {
        // Three glued columns of about forty characters under a title that
        // spans about two of them.
        let body = "The council said on Monday that the new bridge would open in the spring next year after four long years\n\
                    of work and delays caused by floods and the rising costs of steel and concrete while the traders of the\n\
                    old town waited. Local traders welcomed the news and the mayor thanked the workers of the whole region.\n";
        let title = "Harbour bridge opens next spring - traders of the old town welcome\n\
                     the end of four years of building work - mayor thanks the workers\n\
                     of the whole region for their long years of patience\n";
        let page = parse_page(&format!("{title}\n{body}"), 0, 1);
        for line in &page.lines[..3] {
            let pieces = &page.pieces[line.pieces.clone()];
            assert_eq!(pieces.len(), 1, "{:?}", texts(&page));
            assert_eq!(pieces[0].role, Role::Headline, "{:?}", texts(&page));
        }
        assert!(page.lines[3..].iter().all(|l| l.pieces.len() == 3), "{:?}", texts(&page));
        // Lines that end sentences are running text, cut as glued columns.
        let text = "Harbour bridge opens next spring. Traders of the old town welcome\n\
                    the end of four years of building work. The mayor thanks the workers\n\
                    of the whole region for their long years of patience.\n";
        let page = parse_page(&format!("{text}\n{body}"), 0, 1);
        assert!(page.pieces.iter().all(|p| p.role != Role::Headline), "{:?}", texts(&page));
        assert!(page.lines[0].pieces.len() >= 2, "{:?}", texts(&page));
    }

    #[test]
    fn a_title_read_after_glued_rows_stays_whole_over_its_column() {
        // Three glued columns, then the next article's headline as long as
        // a row, alone in its block, then that article's column.
        let rows = "The council said on Monday that the new  bridge would open in the spring next year  after four long years of work and the\n\
                    delays caused by floods and the rising  costs of steel and concrete while the  traders of the old town waited for it.\n\
                    Local traders welcomed the news and the  mayor thanked the workers of the whole  region for their patience and support.\n";
        let title = "River ferry service returns to the northern harbour after a winter of repairs to its landing stage\n";
        let column = "The ferry that links the two banks of\nthe river will sail again from Friday,\nthe harbour office said on Tuesday.\n";
        let page = parse_page(&format!("{rows}\n{title}\n{column}"), 0, 1);
        let title_line = &page.pieces[page.lines[3].pieces.clone()];
        assert_eq!(title_line.len(), 1, "{:?}", texts(&page));
        assert_eq!(title_line[0].role, Role::Headline, "{:?}", texts(&page));
        assert!(page.lines[..3].iter().all(|l| l.pieces.len() == 3), "{:?}", texts(&page));
        // A row that ends a sentence is a glued row, cut with the others.
        let last = "The ferry will sail again from Friday.  The harbour office said so on Tuesday  and the traders of the old town welcomed it.\n";
        let page = parse_page(&format!("{rows}\n{last}\n{column}"), 0, 1);
        assert!(page.lines[3].pieces.len() >= 2, "{:?}", texts(&page));
    }

    #[test]
    fn a_deck_heading_a_block_of_one_column_lines_stays_whole() {
        // A deck twice the column wide opens a block that goes on in lines
        // of one column; more such columns follow.
        let column = "The council said on\nMonday that the new\nbridge would open in\nthe spring next year\n";
        let deck = "Harbour bridge opens after four years of\n\
                    work - traders of the old town welcome\n\
                    the end of the building - mayor thanks\n\
                    workers and the region\n";
        let page = parse_page(&format!("{deck}{column}\n{column}\n{column}"), 0, 1);
        for line in &page.lines[..3] {
            assert_eq!(page.pieces[line.pieces.clone()].len(), 1, "{:?}", texts(&page));
        }
        // Lines that end sentences are running text: glued columns.
        let running = deck.replace(" - ", ". ");
        let page = parse_page(&format!("{running}{column}\n{column}\n{column}"), 0, 1);
        assert!(page.lines[..3].iter().all(|l| l.pieces.len() == 2), "{:?}", texts(&page));
    }

    #[test]
    fn ordinary_latin_lines_are_left_alone() {
        let page = parse_page("The council said on Monday that\nthe new bridge would open in the\nspring next year after four years\n", 0, 1);
        assert_eq!(page.pieces.len(), 3);
    }

    fn line(text: &str) -> Vec<Word> {
        words(&text.chars().collect::<Vec<_>>(), 0, word_language::model(), is_latin_dateline_start(text))
    }

    fn pieces_of(text: &str, width: f32) -> Vec<String> {
        let words = line(text);
        cut_words(&words, ColumnWidth(width), None)
            .into_iter()
            .map(|r| {
                text.chars()
                    .skip(words[r.start].start)
                    .take(words[r.end - 1].end - words[r.start].start)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_hyphenated_word_ends_its_column_line() {
        // Equal shares would cut after "were"; the hyphen says the column ends at "re-".
        assert_eq!(
            pieces_of("City planners were re- luctant to offer public hear-", 24.0),
            ["City planners were re-", "luctant to offer public hear-"]
        );
    }

    #[test]
    fn a_hyphen_before_a_conjunction_ends_no_column_line() {
        let words = line("Wahl der Parlaments- und Stadtrat- oder Ein- und aus");
        assert!(words.iter().all(|w| !w.hyphenated));
        assert!(line("Wahl der Parlaments- wahlen")[2].hyphenated);
        // One-column lines with such hyphens stay whole: they set no width.
        let page = parse_page(
            "müssen Parlaments- und Präsidenten\nwahlen aufgrund ihres Wohn- oder\nGeschäftssitzes einer Debit- oder\nKreditkarte aus dem Land der Käufer\nwie die Kommission am Mittwoch sagte\n",
            0,
            1,
        );
        assert_eq!(page.pieces.len(), 5);
    }

    #[test]
    fn a_dateline_inside_a_line_opens_a_piece() {
        // Lengths alone would cut after "CITY,"; a dateline opens its paragraph.
        assert_eq!(
            pieces_of("the new bridge would open in the spring now HARBOUR CITY, May 4 - The", 34.0),
            ["the new bridge would open in the spring now", "HARBOUR CITY, May 4 - The"]
        );
        // The first word of a two-word place is the one that opens it.
        let words = line("work on it HARBOUR CITY, May 4 - The");
        let opens: Vec<bool> = words.iter().map(|w| w.opens_dateline).collect();
        assert_eq!(opens, [false, false, false, true, false, false, false, false, false]);
    }

    #[test]
    fn a_place_dash_dateline_opens_a_piece_only_in_a_line_opening_with_a_dateline() {
        // Two articles set side by side start on one row: the second's
        // "Place - Text" stands inside the line that the first's opens.
        let opens = |text: &str| {
            line(text)
                .iter()
                .enumerate()
                .filter(|(_, w)| w.opens_dateline)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        assert_eq!(opens("Lakeside - The council met on the bridge and Hillford - Two new"), [9]);
        assert_eq!(opens("Port de Mar - The council met on and Hillford - Two new"), [9]);
        // A dash between capitalised words elsewhere is a title's or a sentence's.
        assert!(opens("the council met on the bridge and Hillford - Two new").is_empty());
        assert!(opens("Record spring for the Harbour Council - Two new").is_empty());
    }

    #[test]
    fn a_credit_inside_a_glued_line_is_cut_off_on_both_sides() {
        // Lengths alone keep "By Jane" with the words before it; a credit
        // set at a column's foot stands alone between two columns' lines.
        assert_eq!(
            pieces_of("the new bridge would open in the spring By Jane Doe, Agency the river", 34.0),
            ["the new bridge would open in the spring", "By Jane Doe, Agency", "the river"]
        );
        // A capitalised "By" before fewer than two names opens no credit.
        let words = line("shares fell. By Monday they rose again");
        assert!(words.iter().all(|w| !w.credit_edge));
    }

    #[test]
    fn a_short_line_ending_in_a_credit_is_cut_before_it_and_labelled() {
        let page = parse_page("the harbour was quiet. By Jane Doe,\n", 0, 1);
        assert_eq!(texts(&page), ["the harbour was quiet.", "By Jane Doe,"]);
        assert_eq!(page.pieces[1].role, Role::Byline);
    }

    #[test]
    fn a_short_line_holding_a_dateline_is_cut_before_it_and_at_specks() {
        let page = parse_page(
            "closing second line HARBOUR, May 4 - _ of the river.
",
            0,
            1,
        );
        assert_eq!(texts(&page), ["closing second line", "HARBOUR, May 4 -", "_ of the river."]);
        // A dateline opening its line is left whole.
        let page = parse_page(
            "HARBOUR, May 4 - _ of the river.
",
            0,
            1,
        );
        assert_eq!(texts(&page), ["HARBOUR, May 4 - _ of the river."]);
    }

    #[test]
    fn a_dateline_broken_after_its_month_ends_its_piece_before_lower_case() {
        // The day went to the next printed line; the lower-case words
        // after the month are another column's.
        let page = parse_page("HARBOUR, Qld., May closing the old quay.\n", 0, 1);
        assert_eq!(texts(&page), ["HARBOUR, Qld., May", "closing the old quay."]);
        // A capital after the month goes on with the dateline's own text.
        let page = parse_page("HARBOUR, Qld., May Trade grew by a fifth.\n", 0, 1);
        assert_eq!(texts(&page), ["HARBOUR, Qld., May Trade grew by a fifth."]);
    }

    #[test]
    fn a_sentence_end_inside_a_column_line_is_no_gutter() {
        // The lengths put the gutter one word after the sentence end.
        let text = "trade grew in March. It fell back in April and May";
        let words = line(text);
        let cut = cut_words(&words, ColumnWidth(26.0), Some(2));
        assert_eq!(cut, [0..5, 5..11]);
    }

    #[test]
    fn gutter_noise_marks_the_cut() {
        let pieces = pieces_of("and the media was a priority. | what more we can do in", 26.0);
        assert_eq!(pieces.len(), 2);
        assert!(pieces[0].ends_with('|') || pieces[1].starts_with('|'), "{pieces:?}");
    }

    #[test]
    fn full_lines_are_read_from_the_longer_lines_of_a_run() {
        // Four columns on top; below, the right-hand article has ended and
        // only two columns run on, as many lines as there are full ones.
        let full = line("the new bridge will open after four years of work and the council said the costs have risen for all");
        let half = line("the mayor thanked the workers of the region for");
        let mut run = vec![full.as_slice(); 5];
        run.extend([half.as_slice(); 6]);
        let length = full_length(&run).unwrap();
        assert_eq!(length, line_length(&full) as f32);
    }

    #[test]
    fn a_line_takes_as_many_pieces_as_its_neighbours() {
        let full = line("the new bridge will open after four years of work and the council said the costs have risen for all");
        let short = line("rules in force. Richardson, now a member though normal activity named.");
        assert_eq!(cut_words(&short, ColumnWidth(23.0), None).len(), 3);
        let run = [full.as_slice(), full.as_slice(), short.as_slice(), full.as_slice(), full.as_slice()];
        let cuts = cut_run(&run, ColumnWidth(23.0));
        assert!(cuts.iter().all(|c| c.len() == 4), "{cuts:?}");
    }

    #[test]
    fn a_runs_last_line_too_short_for_its_neighbours_columns_keeps_its_own_cut() {
        let full = line("the new bridge will open after four years of work and the council said the costs have risen for all");
        let short = line("the mayor thanked the workers of the region for their patience");
        let run = [full.as_slice(), full.as_slice(), full.as_slice(), short.as_slice()];
        let cuts = cut_run(&run, ColumnWidth(23.0));
        assert!(cuts[..3].iter().all(|c| c.len() == 4), "{cuts:?}");
        assert!(cuts[3].len() < 4, "{cuts:?}");
        // Inside the run the same line still takes its neighbours' count.
        let run = [full.as_slice(), full.as_slice(), short.as_slice(), full.as_slice(), full.as_slice()];
        assert_eq!(cut_run(&run, ColumnWidth(23.0))[2].len(), 4);
    }

    #[test]
    fn the_half_of_a_word_broken_above_moves_to_its_column() {
        let above_text: Vec<char> = "old town walls the new con-".chars().collect();
        let text: Vec<char> = "river bank struction went on".chars().collect();
        let (words_above, words) = (
            words(&above_text, 0, word_language::model(), false),
            words(&text, 0, word_language::model(), false),
        );
        let above = [0..3, 3..6];
        let mut here = [0..3, 3..5];
        rehome_completing_words(&above, &words_above, &above_text, &mut here, &words, &text);
        assert_eq!(here, [0..2, 2..5]);
        // A half that completes nothing stays where the lengths put it.
        let text: Vec<char> = "river bank stone went on".chars().collect();
        let words = super::words(&text, 0, word_language::model(), false);
        let mut here = [0..3, 3..5];
        rehome_completing_words(&above, &words_above, &above_text, &mut here, &words, &text);
        assert_eq!(here, [0..3, 3..5]);
    }

    #[test]
    fn width_is_the_widest_pitch_the_hyphens_fit() {
        // Hyphenated words end at columns of width 24; half that fits as well.
        let ends = |ends: &[usize]| ends.iter().map(|&end| HyphenEnd::from(end)).collect::<Vec<_>>();
        let width = width_from_hyphens(&ends(&[24, 49, 23, 74, 50]), 10.0, 60.0).unwrap();
        assert!((width.0 - 24.0).abs() <= 1.0, "{width:?}");
        assert_eq!(width_from_hyphens(&ends(&[24, 49]), 10.0, 60.0), None);
    }

    #[test]
    fn a_short_paragraph_line_before_a_hyphen_keeps_the_true_pitch() {
        // Columns of width 24; on two lines the first column is a
        // paragraph's short last line, so the hyphens after it end 13
        // characters early counted from the line, in step with a pitch of
        // about 12.5 only, and from the paragraph start on the true pitch.
        let line_only = [24, 49, 74, 37, 62].map(HyphenEnd::from);
        let narrow = width_from_hyphens(&line_only, 10.0, 60.0).unwrap();
        assert!(narrow.0 < 14.0, "{narrow:?}");
        let mut with_paragraphs = line_only.clone();
        with_paragraphs[3].from_paragraph = Some(24);
        with_paragraphs[4].from_paragraph = Some(49);
        let width = width_from_hyphens(&with_paragraphs, 10.0, 60.0).unwrap();
        assert!((width.0 - 24.0).abs() <= 1.0, "{width:?}");
    }

    #[test]
    fn a_layout_column_two_widths_wide_is_split() {
        // Hyphens showed one boundary, before a narrow sidebar: the wide
        // column to its left holds two columns of the run's width.
        let layout = Layout { widths: vec![ColumnWidth(81.0), ColumnWidth(30.0)] };
        let split = split_wide_columns(layout, ColumnWidth(40.0));
        assert_eq!(split.widths, [ColumnWidth(40.0), ColumnWidth(40.0), ColumnWidth(30.0)]);
        // Columns about one width wide stay as they are.
        let layout = Layout { widths: vec![ColumnWidth(52.0), ColumnWidth(30.0)] };
        assert_eq!(split_wide_columns(layout.clone(), ColumnWidth(40.0)), layout);
    }

    #[test]
    fn hyphen_ends_count_from_the_word_after_a_sentence_end() {
        let words = line("it ended. the next col- umn goes on here");
        let ends = inner_hyphen_origins([words.as_slice()]);
        assert_eq!(ends, [HyphenEnd { from_line: 23, from_paragraph: Some(13) }]);
        // No sentence end before the hyphen: only the line's start.
        let words = line("it ended the next col- umn goes on. here");
        assert_eq!(inner_hyphen_origins([words.as_slice()]), [HyphenEnd::from(22)]);
    }

    #[test]
    fn a_blank_line_parts_runs_whose_hyphens_disagree() {
        let wide = line("the river park maintaining the gardens since thou- sand days still in the hands of workers, middle- men");
        let narrow = line(
            "governing body has met anti hop- ing officials, coaches and ath- lete Michael Richardson, now a",
        );
        let run = [wide.as_slice(), wide.as_slice(), narrow.as_slice(), narrow.as_slice()];
        let ends = |lines: &[&[Word]]| inner_hyphen_ends(lines.iter().copied());
        assert_eq!(
            parts_of_like_width(&run, &[0, 0, 1, 1]),
            [0..2, 2..4],
            "{:?} {:?} {:?}",
            ends(&run[..2]),
            ends(&run[2..]),
            width_from_hyphens(&inner_hyphen_origins(run[..2].iter().copied()), 10.0, 52.0)
        );
        // Lines of one width stay one part across a blank line.
        assert_eq!(parts_of_like_width(&run[..2], &[0, 1]).len(), 1);
    }

    #[test]
    fn ocr_gutters_stay_cuts_and_spans_stay_true() {
        let text = "Co said its first quarter, ending  be due to expenses related to the acquisitions in the middle\n\
                    February 28, profits may be below  acquisitions in the middle of the current quarter of seven\n\
                    the 2.4 mln dlrs, or 15 cts a share earned in the first quarter of Sealy Inc, as well as 82 pct\n";
        let page = parse_page(text, 0, 1);
        for (line, raw) in page.lines.iter().zip(text.lines()) {
            let raw: Vec<char> = raw.chars().collect();
            assert_eq!(page.pieces[line.pieces.clone()].len(), 3, "{:?}", texts(&page));
            for piece in &page.pieces[line.pieces.clone()] {
                let spanned: String = raw[piece.span.start..piece.span.end].iter().collect();
                assert_eq!(spanned, piece.text);
            }
        }
        assert_eq!(page.pieces[0].text, "Co said its first quarter, ending");
    }

    #[test]
    fn hyphens_at_quarters_make_four_equal_columns() {
        let shares = [0.24, 0.26, 0.27, 0.49, 0.72, 0.78];
        let layout = equal_layout(&shares, 99.0, 4).unwrap();
        assert_eq!(layout.widths.len(), 4);
        assert!((layout.widths[0].0 - 24.0).abs() < 0.01, "{layout:?}");
        // Three columns leave most of them unexplained.
        assert_eq!(equal_layout(&shares, 99.0, 3), None);
    }

    #[test]
    fn clustered_hyphens_show_a_narrow_sidebar() {
        let layout = clustered_layout(&[0.37, 0.38, 0.39, 0.75, 0.77], 100.0).unwrap();
        let widths: Vec<f32> = layout.widths.iter().map(|w| w.0).collect();
        assert_eq!(widths.len(), 3);
        assert!(widths[2] < 0.7 * widths[0], "{widths:?}");
        // A lone share marks no boundary.
        assert_eq!(clustered_layout(&[0.2, 0.5, 0.8], 100.0), None);
    }

    #[test]
    fn a_line_may_leave_a_column_out() {
        let layout = Layout { widths: vec![ColumnWidth(22.0); 3] };
        let words = line("the new bridge will open after four years of work");
        let (ranges, _) = cut_columns(&words, &layout);
        assert_eq!(ranges.len(), 2, "{ranges:?}");
    }

    #[test]
    fn a_layout_overrides_the_width_only_where_they_disagree() {
        let four = Layout { widths: vec![ColumnWidth(24.0); 4] };
        // One width of 24 also counts four columns in a line of 99.
        assert!(!layout_overrides(&four, ColumnWidth(24.0), 99.0));
        // A width of 32 counts three: the hyphens' four columns win.
        assert!(layout_overrides(&four, ColumnWidth(32.0), 99.0));
        let sidebar = Layout { widths: vec![ColumnWidth(50.0), ColumnWidth(50.0), ColumnWidth(30.0)] };
        assert!(layout_overrides(&sidebar, ColumnWidth(43.0), 132.0));
    }

    #[test]
    fn lines_that_leave_columns_out_do_not_choose_the_layout() {
        // Four columns of about 23, hyphens at the first two boundaries and
        // one at the third; below, two columns have ended and lines hold two.
        let texts = [
            "the council met on Mon- day to hear the new plan- for a bridge over the river that floods every",
            "spring and the costs of steel and labour that ri- sen since the work on the bridge began at last",
            "the traders asked for a new road to the market that the council had pro- mised them once it cut",
            "the old road off with a fence and a gate in win- ter after the floods had gone down and the mud",
            "was cleared by the work- ers who had been paid late in the summer and asked the mayor for more",
            "money to make up for the time they had lost when",
            "the site was closed by the floods of last year",
            "and the mayor agreed to meet them again soon",
            "after the council met to hear the new engineer",
        ];
        let lines: Vec<Vec<Word>> = texts.iter().map(|text| line(text)).collect();
        let run: Vec<&[Word]> = lines.iter().map(Vec::as_slice).collect();
        let layout = layout_from_hyphens(&run).unwrap();
        // The two-column lines would rather see one wide column than leave
        // two narrow ones out; the full lines show four.
        assert_eq!(layout.widths.len(), 4, "{layout:?}");
    }

    /// Invented prose wrapped greedily into lines of at most `width` characters.
    fn wrapped(text: &str, width: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            if !current.is_empty() && current.len() + 1 + word.len() > width {
                lines.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        lines.push(current);
        lines
    }

    #[test]
    fn a_runs_column_count_is_the_one_whose_lines_break_where_the_next_word_no_longer_fits() {
        let prose = "the harbour board met on a wet morning to weigh new plans for the old quay \
                     where boats once landed fish and salt and timber from the north while \
                     traders asked for more room to store goods and a wider road to the market";
        let columns: Vec<Vec<String>> = (0..3).map(|_| wrapped(prose, 20)).collect();
        let rows = columns[0].len() - 1;
        let glued: Vec<String> = (0..rows)
            .map(|row| columns.iter().map(|column| column[row].as_str()).collect::<Vec<_>>().join(" "))
            .collect();
        let words: Vec<Vec<Word>> = glued.iter().map(|row| line(row)).collect();
        let run: Vec<&[Word]> = words.iter().map(Vec::as_slice).collect();
        // A page width from other blocks that puts the rows between two and
        // three columns.
        let page = ColumnWidth(25.0);
        let columns_in = page.columns_in(full_length(&run).unwrap().round() as usize);
        assert!((columns_in - columns_in.round()).abs() >= AMBIGUOUS_COUNT, "{columns_in}");
        let cuts = cut_run(&run, page);
        for (row, ranges) in cuts.iter().enumerate() {
            assert_eq!(ranges.len(), 3, "{}", glued[row]);
        }
        // The merged count misses many breaks, the true one none.
        assert!(wrap_misses(&run, &cut_run_at(&run, ColumnWidth(31.0))) > WRAP_MISSES_MAX);
        assert_eq!(wrap_misses(&run, &cuts), 0.0);
    }

    #[test]
    fn a_short_glued_row_between_long_ones_is_cut_with_them() {
        let text = "The council said on Monday that the new bridge would open in the spring next year\n\
                    after four years of work and delays caused by floods and the rising costs of steel\n\
                    and concrete. Local traders welcomed the news and the mayor thanked the workers.\n\
                    labour. The mayor thanked the workers who built it\n\
                    The council also said that the market would move to the square the spring after\n\
                    that, once the roads around it were mended and the old car park was cleared away\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(page.lines[3].pieces.len(), 2, "{:?}", texts(&page));
        assert_eq!(page.pieces[page.lines[3].pieces.start].text, "labour.");
    }

    #[test]
    fn a_title_line_alone_over_rows_it_cannot_be_one_of_is_a_title() {
        // A title longer than any row of the two columns below it, between
        // blank lines: no glued row of them.
        let text = "A long title over the two narrow columns below it that runs on and on and on without any end\n\n\
                    the council said on monday that the new the market will open in the spring and\n\
                    market hall would open next year after a traders said they were glad of the new\n\
                    long delay caused by a shortage of skilled hall after years of waiting in the rain\n\
                    workers and the rising cost of building and the cold of the open square in winter\n";
        let page = parse_page(text, 0, 1);
        let title = &page.lines[0];
        assert_eq!(title.pieces.len(), 1, "{:?}", texts(&page));
        assert_eq!(page.pieces[title.pieces.start].role, Role::Headline);
        // The rows below are still cut.
        assert_eq!(page.lines[1].pieces.len(), 2, "{:?}", texts(&page));
    }
}

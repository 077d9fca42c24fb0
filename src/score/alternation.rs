//! Alternation signal: two or three columns read line by line in turn and
//! written into one space-joined Chinese paragraph line.
//!
//! In: a parsed [`Page`] and its word-level facts. Out: an [`Alternation`],
//! the runs of line-break pieces that read as two interleaved streams, the
//! junctions that step along a stream, and the extra candidates that join a
//! stream across input lines. Why: where OCR reads two narrow neighbouring
//! columns line by line, alternating, and the page's printed line breaks
//! survive as single spaces, one input line holds `a1 b1 a2 b2 ...`. Each
//! junction to the right neighbour is then wrong and each junction two to
//! the right is right, but a single junction's text evidence rarely beats
//! the layout's preference for the neighbour. Over the whole run the
//! evidence is clear: the stride-two junctions read on as a text does
//! (words complete across them) while the neighbour junctions do not. The
//! decision is taken for the run as a whole, as the [`stride`]
//! signal takes it for whole lines, and both streams are held to it. Where
//! OCR read three narrow neighbouring columns row by row (`a1 b1 c1 a2 ...`)
//! the same holds at stride three, and the stride-two junctions then cross
//! streams as the neighbour junctions do: the run's stride is the one that
//! reads on clearly better than both others.
//!
//! A stream goes on across input lines too (a paragraph end of one column
//! cuts the space-joined line): the last two pieces of one line go on in
//! the first two of the next, straight or crossed, whichever pairing reads
//! better; across a line shorter than the stream count (a paragraph's last
//! piece and little else) the rows go on in order, so a stream steps k
//! pieces on in the stretch's piece order; and the first column's end wraps
//! to the second column's start at the top of the run. Where a column ends
//! inside the line below a run, the stride drops by one after its last
//! piece, and that piece wraps to a column start at the top of the run.
//!
//! Two columns set at different line pitches do not take turns strictly:
//! read in the order of their heights they give `a a b a b a a b ...`. A
//! two-stream line whose pieces read clearly better in such a pattern (two
//! arithmetic progressions merged, see `pitched_streams`) than in strict
//! turns is held to that pattern instead: each piece's stream step is to
//! its own stream's next piece, and every step short of it crosses. Such a
//! line is read whether or not the strict run test took it (one column
//! putting two lines in a row between the other's defeats that test), and
//! without a byline glued after its last printed line.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::parse::{Gap, Page, PieceId, Role};

use super::latin::Vocabulary;
use super::stride;

/// Fewest pieces a run needs: below this a run of interleaved streams has too few
/// junctions to tell them from one stream of uneven text.
pub(crate) const MIN_PIECES: usize = 7;

/// Fewest stride-two junctions behind a verdict.
const MIN_PAIRS: usize = 5;

/// How much better, in mean affinity (tenths), the stride-two junctions of
/// a run must read than its neighbour junctions (about a third of a word
/// completed across each).
const MARGIN_TENTHS: i32 = 4;

/// The leading pieces a run may leave out: where the interleaving starts
/// after one or two lines of the first column, those read on in turn.
const MAX_LEAD: usize = 2;

/// Tenths of affinity per unit of the character model's log10 lift.
const LIFT_TENTHS: f32 = 5.0;

/// Verdict on one junction from the alternation signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// The junction steps along one stream.
    pub follows: bool,
    /// The junction goes to the right neighbour inside an alternating run.
    pub breaks: bool,
}

/// The alternating runs of a page and what they decide.
#[derive(Debug, Clone, Default)]
pub struct Alternation {
    /// Per line, its alternating run (pieces from the run's first to the
    /// line's end alternate), where it holds one.
    run_start: FxHashMap<usize, Run>,
    /// Junctions that step along a stream, within a run or across lines.
    follows: FxHashSet<(usize, usize)>,
    /// Extra candidate junctions, by left piece: a stream's step across
    /// input lines, the first stream's end to the second's start.
    extra: FxHashMap<usize, Vec<usize>>,
    /// Per piece of a line whose two streams interleave irregularly (see
    /// [`pitched_streams`]), the next piece of its stream on the line, if
    /// any.
    pitched_next: FxHashMap<usize, Option<usize>>,
    /// The lines read so.
    pitched_lines: FxHashSet<usize>,
}

impl Alternation {
    /// The pieces of each stream on the lines read as interleaved streams,
    /// in line order: on a line held to an irregular pattern, each chain of
    /// stream steps; on a strict run, the pieces a stride apart from the
    /// run's first (the lead pieces before it left out, and a line where a
    /// column ends inside it skipped).
    pub fn stream_groups(&self, page: &Page) -> Vec<Vec<usize>> {
        let mut lines: Vec<(usize, Run)> = self.run_start.iter().map(|(&l, &r)| (l, r)).collect();
        lines.sort_unstable_by_key(|&(line, _)| line);
        let mut groups = Vec::new();
        for (line, run) in lines {
            let end = page.lines[line].pieces.end;
            if self.pitched_lines.contains(&line) {
                let range = page.lines[line].pieces.clone();
                let stepped_to: FxHashSet<usize> =
                    range.clone().filter_map(|i| self.pitched_next.get(&i).copied().flatten()).collect();
                for first in range.filter(|i| !stepped_to.contains(i) && self.pitched_next.contains_key(i)) {
                    let mut group = vec![first];
                    while let Some(Some(next)) = self.pitched_next.get(group.last().unwrap()).copied() {
                        group.push(next);
                    }
                    groups.push(group);
                }
            } else if run.ends.is_none() {
                for stream in 0..run.streams {
                    groups.push((run.start + stream..end).step_by(run.streams).collect());
                }
            }
        }
        groups
    }

    /// Nothing alternates on a page without runs.
    pub fn is_empty(&self) -> bool {
        self.run_start.is_empty()
    }

    /// The verdict on the junction `from -> to`, where the signal speaks.
    pub fn verdict(&self, page: &Page, from: PieceId, to: PieceId) -> Option<Verdict> {
        let follows = self.follows.contains(&(from.0, to.0));
        let line = page.pieces[from.0].line;
        if let Some(&next) = self.pitched_next.get(&from.0) {
            // Every step to the right short of the stream's next piece
            // crosses to the other stream.
            let breaks = to.0 > from.0 && page.pieces[to.0].line == line && next.is_none_or(|n| to.0 < n);
            return Some(Verdict { follows, breaks });
        }
        let run = self.run_start.get(&line).filter(|run| from.0 >= run.start);
        let in_run = run.is_some();
        // Every step to the right short of a stream's stride crosses to
        // another stream.
        let breaks = run
            .is_some_and(|run| to.0 > from.0 && to.0 < from.0 + run.stride_at(from.0).unwrap_or(1))
            && page.pieces[to.0].line == line;
        (follows || breaks || in_run).then_some(Verdict { follows, breaks })
    }

    /// Takes a line's two streams as the pattern `mask` says (bit `i` set:
    /// the line's piece `i` in the second stream).
    fn record_pitched(&mut self, page: &Page, range: std::ops::Range<usize>, mask: u128) {
        let line = page.pieces[range.start].line;
        let mut last: [Option<usize>; 2] = [None, None];
        for i in range.clone() {
            let stream = ((mask >> (i - range.start)) & 1) as usize;
            if let Some(prev) = last[stream] {
                self.pitched_next.insert(prev, Some(i));
            }
            self.pitched_next.insert(i, None);
            last[stream] = Some(i);
        }
        self.pitched_lines.insert(line);
    }

    /// The last piece of each of a line's `k` streams, in line order: its
    /// last `k` pieces, or on a line held to an irregular pattern the
    /// pieces no stream step leaves.
    fn stream_ends(&self, page: &Page, line: usize, k: usize) -> Vec<usize> {
        let range = page.lines[line].pieces.clone();
        if self.pitched_lines.contains(&line) {
            let ends: Vec<usize> =
                range.clone().filter(|i| self.pitched_next.get(i) == Some(&None)).collect();
            if ends.len() == k {
                return ends;
            }
        }
        (range.end - k..range.end).collect()
    }

    /// The first piece of each of a line's `k` streams, in line order: its
    /// first `k` pieces, or on a line held to an irregular pattern the
    /// pieces no stream step reaches.
    fn stream_starts(&self, page: &Page, line: usize, k: usize) -> Vec<usize> {
        let range = page.lines[line].pieces.clone();
        if self.pitched_lines.contains(&line) {
            let reached: FxHashSet<usize> =
                range.clone().filter_map(|i| self.pitched_next.get(&i).copied().flatten()).collect();
            let starts: Vec<usize> =
                range.clone().filter(|i| self.pitched_next.contains_key(i) && !reached.contains(i)).collect();
            if starts.len() == k {
                return starts;
            }
        }
        (range.start..range.start + k).collect()
    }

    /// Whether a line holds an interleaved run.
    pub fn in_run(&self, line: usize) -> bool {
        self.run_start.contains_key(&line)
    }

    /// The extra candidates of a left piece.
    pub fn extra_targets(&self, from: usize) -> &[usize] {
        self.extra.get(&from).map_or(&[], Vec::as_slice)
    }
}

/// Whether a line is a space-joined run of body pieces: every piece body
/// text, every piece after the first cut at a line-break space.
fn joined_body(page: &Page, line: usize) -> bool {
    let pieces = &page.pieces[page.lines[line].pieces.clone()];
    pieces.iter().all(|p| p.role == Role::Body) && pieces.iter().skip(1).all(|p| p.gap == Gap::BreakSpace)
}

/// The most streams a run may interleave: OCR reading two or three narrow
/// neighbouring columns row by row. More would leave too few junctions of
/// each stride on one paragraph line to tell them apart.
const MAX_STREAMS: usize = 3;

/// Mean affinity of the junctions of one stride over a run, as a sum and a
/// count (means are compared exactly, scaled to a common denominator).
#[derive(Debug, Clone, Copy)]
struct StrideMean {
    sum: i64,
    count: i64,
}

impl StrideMean {
    fn of(affinities: &[i32]) -> Self {
        Self { sum: affinities.iter().map(|&a| i64::from(a)).sum(), count: affinities.len() as i64 }
    }

    /// Whether this mean is strictly higher than `other`'s.
    fn above(self, other: Self) -> bool {
        self.sum * other.count > other.sum * self.count
    }

    /// Whether this mean beats `other`'s by at least `margin` tenths.
    fn beats(self, other: Self, margin: i32) -> bool {
        self.sum * other.count - other.sum * self.count >= i64::from(margin) * self.count * other.count
    }
}

/// The alternating run of a line: its first piece and how many streams it
/// interleaves (the stride of a stream's steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    start: usize,
    streams: usize,
    /// The piece where one column ends inside the line: the pieces before
    /// it step `streams` on, the pieces after it one fewer (its own stream
    /// wraps to the next column's start).
    ends: Option<usize>,
}

impl Run {
    /// The stride of a stream's step from piece `from` of the line (none
    /// from the piece where a column ends).
    fn stride_at(self, from: usize) -> Option<usize> {
        match self.ends {
            Some(end) if from == end => None,
            Some(end) if from > end => Some(self.streams - 1),
            _ => Some(self.streams),
        }
    }

    /// The streams still running at the line's end.
    fn end_streams(self) -> usize {
        self.streams - usize::from(self.ends.is_some())
    }
}

/// The alternating run of a line, if it holds one: the first start (at most
/// [`MAX_LEAD`] pieces in) from which the stride-k junctions read better
/// than the neighbour junctions by at least [`MARGIN_TENTHS`] on average.
/// Three streams are chosen only where the stride-three junctions also
/// read that much better than the stride-two ones: in two interleaved
/// streams a stride-three step crosses to the other stream, and in three a
/// stride-two step does, so whichever stride reads on is the count.
fn run_start(page: &Page, line: usize, affinity: &impl Fn(usize, usize) -> i32) -> Option<Run> {
    let range = page.lines[line].pieces.clone();
    if !joined_body(page, line) {
        return None;
    }
    if range.len() < MIN_PIECES {
        return None;
    }
    // Every junction is read once: each lead tries the same line from a
    // later piece (and a long line of a page set in one paragraph holds
    // hundreds of thousands of pieces).
    let by_stride: Vec<Vec<i32>> = (1..=MAX_STREAMS)
        .map(|k| (range.start..range.end.saturating_sub(k)).map(|i| affinity(i, i + k)).collect())
        .collect();
    for lead in 0..=MAX_LEAD {
        let start = range.start + lead;
        if range.end.saturating_sub(start) < MIN_PIECES {
            break;
        }
        let means: Vec<Option<StrideMean>> = by_stride
            .iter()
            .map(|a| a.get(lead..).filter(|s| s.len() >= MIN_PAIRS).map(StrideMean::of))
            .collect();
        let (Some(ones), Some(twos)) = (means[0], means[1]) else {
            continue;
        };
        // Three streams first: two streams' stride-three junctions all
        // cross, so their mean falls below the stride-two mean.
        let streams = if means[2]
            .is_some_and(|threes| threes.beats(ones, MARGIN_TENTHS) && threes.beats(twos, MARGIN_TENTHS))
        {
            3
        } else if twos.beats(ones, MARGIN_TENTHS) {
            2
        } else {
            continue;
        };
        // The leading pieces left out are the first column's lines above
        // the turns: the lead whose pieces, taken together, read on in their right
        // neighbours by the most over the stride (ties to the shorter): a
        // dateline piece that reads on weakly either way does not keep the
        // second line of the column from counting as a lead.
        let mut best = (0, start);
        let mut gain = 0;
        let mut next = start;
        while next < range.start + MAX_LEAD && range.end - next > MIN_PIECES {
            gain += by_stride[0][next - range.start] - by_stride[streams - 1][next - range.start];
            next += 1;
            if gain > best.0 {
                best = (gain, next);
            }
        }
        return Some(Run { start: best.1, streams, ends: None });
    }
    None
}

/// Short paragraph lines inside an interleaved stretch: where one column's
/// paragraph ends, the space-joined line is cut, and the pieces left on a
/// line may be too few to show the interleaving on their own. A space-joined
/// body line right above or below an alternating line takes over its
/// stream count (from its first piece) unless its own junctions read better
/// at the neighbour than at the stride.
fn inherit_runs(page: &Page, runs: &mut FxHashMap<usize, Run>, affinity: &impl Fn(usize, usize) -> i32) {
    loop {
        let mut grew = false;
        for line in 0..page.lines.len() {
            if runs.contains_key(&line) || !joined_body(page, line) {
                continue;
            }
            let range = page.lines[line].pieces.clone();
            if range.len() < 2 {
                continue;
            }
            let beside = [line.checked_sub(1), Some(line + 1)];
            let Some(streams) = beside.into_iter().flatten().find_map(|l| runs.get(&l)).map(|r| r.streams)
            else {
                continue;
            };
            let ones: Vec<i32> = (range.start..range.end - 1).map(|i| affinity(i, i + 1)).collect();
            let strides: Vec<i32> =
                (range.start..range.end.saturating_sub(streams)).map(|i| affinity(i, i + streams)).collect();
            if !strides.is_empty() && StrideMean::of(&ones).beats(StrideMean::of(&strides), 1) {
                continue;
            }
            runs.insert(line, Run { start: range.start, streams, ends: None });
            grew = true;
        }
        if !grew {
            break;
        }
    }
}

/// Fewest stream steps behind a column end found inside a line.
const MIN_END_STEPS: usize = 3;

/// Columns that end inside an interleaved stretch: where one of the
/// columns read in turn runs out, the rows below it hold one piece fewer,
/// so the line right below a run of `K` streams reads at stride `K` up to
/// the ending column's last line and at `K - 1` after it. Its own run test
/// then sees neither stride clearly (or the smaller one only). Each piece
/// of the line is tried as the column's end; the best reading is kept
/// where its stream steps read better, on average by [`MARGIN_TENTHS`],
/// than both the line's own stride and the stride of the run above.
fn find_column_ends(page: &Page, runs: &mut FxHashMap<usize, Run>, affinity: &impl Fn(usize, usize) -> i32) {
    let mut lines: Vec<usize> = runs.keys().copied().collect();
    lines.sort_unstable();
    for line in lines {
        let Some(above) = line.checked_sub(1).and_then(|l| runs.get(&l)).copied() else {
            continue;
        };
        let run = runs[&line];
        let range = page.lines[line].pieces.clone();
        let streams = above.end_streams();
        if above.ends.is_some() || streams < MAX_STREAMS || run.start != range.start || run.streams > streams
        {
            continue;
        }
        let reading = |run: Run| -> Vec<i32> {
            (run.start..range.end)
                .filter_map(|i| run.stride_at(i).map(|k| (i, i + k)))
                .filter(|&(_, to)| to < range.end)
                .map(|(i, to)| affinity(i, to))
                .collect()
        };
        // The ending column's own step: it wraps to a column start at the
        // top of the stretch.
        let mut first = line;
        while first > 0 && runs.contains_key(&(first - 1)) {
            first -= 1;
        }
        let top = runs[&first];
        let tops = top.start..(top.start + top.streams).min(page.lines[first].pieces.end);
        let wrap = |end: usize| tops.clone().map(|to| affinity(end, to)).max();
        let own = StrideMean::of(&reading(run));
        let plain = StrideMean::of(&reading(Run { streams, ..run }));
        // Each split reads the steps before its end at `streams` and those
        // after it at one fewer: running sums of both strides read every
        // split in one pass over the line, each junction scored once.
        let sums = |stride: usize| -> Vec<StrideMean> {
            let mut sums = vec![StrideMean { sum: 0, count: 0 }];
            for i in range.clone() {
                let mut next = *sums.last().expect("starts with an empty sum");
                if i + stride < range.end {
                    next.sum += i64::from(affinity(i, i + stride));
                    next.count += 1;
                }
                sums.push(next);
            }
            sums
        };
        let (before, after) = (sums(streams), sums(streams - 1));
        let at = |sums: &[StrideMean], i: usize| sums[i - range.start];
        let best = (range.start..range.end - 1)
            .map(|end| {
                let (head, tail) = (at(&before, end), at(&after, range.end));
                let skipped = at(&after, end + 1);
                let mut mean = StrideMean {
                    sum: head.sum + tail.sum - skipped.sum,
                    count: head.count + tail.count - skipped.count,
                };
                if let Some(step) = wrap(end) {
                    mean.sum += i64::from(step);
                    mean.count += 1;
                }
                (Run { streams, ends: Some(end), ..run }, mean)
            })
            .filter(|(_, mean)| mean.count >= MIN_END_STEPS as i64)
            .reduce(|best, next| if next.1.above(best.1) { next } else { best });
        if let Some((split, mean)) = best {
            let clear = |other: StrideMean| other.count == 0 || mean.beats(other, MARGIN_TENTHS);
            if clear(own) && clear(plain) {
                runs.insert(line, split);
            }
        }
    }
}

/// Longest line, in pieces, read for an irregular interleaving: the
/// patterns tried grow with the line, and a paragraph line of two columns
/// holds a few dozen.
const MAX_PITCHED_PIECES: usize = 64;

/// Most lines of a page read for an irregular interleaving, which bounds
/// the work on a page of thousands of interleaved lines (a real page holds
/// a handful).
const MAX_PITCHED_LINES: usize = 16;

/// Longest step, in pieces, of one stream over the other's lines.
const MAX_PITCHED_STEP: usize = 6;

/// The pitches tried for the second column, in hundredths of the first's.
const PITCHES: std::ops::RangeInclusive<u32> = 30..=340;

/// How much more, in summed affinity (tenths), the best irregular
/// interleaving must read than the strict one of the run before it is
/// taken.
const PITCHED_MARGIN_TENTHS: i64 = 15;

/// Fewest pieces one column runs on alone after the other ended inside a
/// line read for an irregular interleaving (three steps of one stream: two
/// read no more surely than a pitched turn).
const MIN_TAIL: usize = 4;

/// Tenths of affinity lost per half cell of width between two consecutive
/// lines of a stream.
const WIDTH_TENTHS: i64 = 4;

/// The most width difference, in half cells, one step is charged for.
const MAX_WIDTH_HALVES: i64 = 4;

/// Each piece's affinity with the pieces up to [`MAX_PITCHED_STEP`] on
/// along its line (0 past the line's end).
fn affinity_table(range: &std::ops::Range<usize>, affinity: &impl Fn(usize, usize) -> i32) -> Vec<Vec<i32>> {
    range
        .clone()
        .map(|i| {
            (1..=MAX_PITCHED_STEP).map(|k| if i + k < range.end { affinity(i, i + k) } else { 0 }).collect()
        })
        .collect()
}

/// Each piece's display width in half cells.
fn half_cells(page: &Page, range: &std::ops::Range<usize>) -> Vec<i64> {
    range.clone().map(|i| (crate::parse::chars::cells(&page.pieces[i].text) * 2.0).round() as i64).collect()
}

/// Two columns set at different line pitches, read row by row: OCR takes
/// the printed lines in the order of their heights, so the columns do not
/// alternate strictly but in a pattern fixed by the two pitches and the
/// offset between them (`a a b a b a a b ...`). In: for each piece of a
/// line, its affinity with the next few ([`affinity_table`]) and its width
/// in half cells. Out: per piece (bit `i` for piece `i`), whether it belongs
/// to the second stream, for the pattern whose stream steps read best
/// ([`stream_sum`]: the text, and one width per column), with that sum.
/// Why: a free choice of stream per piece fits noise (a weak junction
/// splits one paragraph into two); lines at two constant pitches allow
/// only the few patterns of two arithmetic progressions merged, which the
/// text must then confirm across the whole line.
fn pitched_streams(table: &[Vec<i32>], halves: &[i64], may_end: bool) -> Option<(u128, i64)> {
    let n = table.len();
    let mut seen: FxHashSet<u128> = FxHashSet::default();
    let mut best: Option<(u128, i64)> = None;
    // Patterns whose cut-short forms were read already.
    let mut cut_short: FxHashSet<u128> = FxHashSet::default();
    let mut consider = |mask: u128, best: &mut Option<(u128, i64)>| {
        if !seen.insert(mask) {
            return;
        }
        if let Some(sum) = stream_sum(mask, n, table, halves) {
            if best.is_none_or(|(_, s)| sum > s) {
                *best = Some((mask, sum));
            }
        }
    };
    for pitch in PITCHES {
        let pitch = pitch as f64 / 100.0;
        // The second column's first line stands `offset` first-column
        // lines down (negative: above the first column's first line); at
        // most MAX_LEAD lines of either column come before the other's.
        let lead = MAX_LEAD as f64 + 1.0;
        let (low, high) = ((-lead * pitch * 50.0) as i32, (lead * 50.0) as i32);
        for step in low..=high {
            let offset = f64::from(step) / 50.0 + 0.005;
            let (mut a, mut b) = (0.0f64, offset);
            let mut mask = 0u128;
            for i in 0..n {
                if b < a {
                    mask |= 1 << i;
                    b += pitch;
                } else {
                    a += 1.0;
                }
            }
            consider(mask, &mut best);
            // A pattern met before had its cut-short forms read then.
            if !cut_short.insert(mask) {
                continue;
            }
            // One column may end inside the line (the stretch's last
            // line): the other goes on alone over the line's last pieces.
            let last_tail = if may_end { n - MIN_TAIL } else { 0 };
            for tail in (MIN_PIECES - MIN_TAIL..=last_tail).rev() {
                let head = mask & ((1u128 << tail) - 1);
                let rest = ((1u128 << n) - 1) ^ ((1u128 << tail) - 1);
                consider(head, &mut best);
                consider(head | rest, &mut best);
            }
        }
    }
    best
}

/// The summed affinity of the stream steps of a two-stream pattern (bit
/// `i` set: piece `i` in the second stream), or none where a stream holds
/// fewer than two pieces, the lead of one stream is longer than
/// [`MAX_LEAD`] + 1, or a step is longer than [`MAX_PITCHED_STEP`].
fn stream_sum(mask: u128, n: usize, table: &[Vec<i32>], halves: &[i64]) -> Option<i64> {
    let second = mask.count_ones() as usize;
    if second < 2 || n - second < 2 {
        return None;
    }
    let lead = (0..n).take_while(|&i| (mask >> i) & 1 == (mask & 1)).count();
    if lead > MAX_LEAD + 1 {
        return None;
    }
    let mut sum = 0i64;
    let mut last: [Option<usize>; 2] = [None, None];
    let last_of = |stream: u128| (0..n).rev().find(|&i| (mask >> i) & 1 == stream);
    let ends = [last_of(0), last_of(1)];
    for i in 0..n {
        let stream = ((mask >> i) & 1) as usize;
        if let Some(prev) = last[stream] {
            let step = i - prev;
            if step > MAX_PITCHED_STEP {
                return None;
            }
            sum += i64::from(table[prev][step - 1]);
            // A column's lines are set to one width; only its paragraph's
            // last line, the stream's last on the line, may fall short.
            let narrower_end = ends[stream] == Some(i) && halves[i] < halves[prev];
            if !narrower_end {
                sum -= WIDTH_TENTHS * (halves[i] - halves[prev]).abs().min(MAX_WIDTH_HALVES);
            }
        }
        last[stream] = Some(i);
    }
    Some(sum)
}

/// The summed steps of a line read as one stream, charged for width as
/// [`stream_sum`] charges a stream's steps.
fn single_sum(n: usize, table: &[Vec<i32>], halves: &[i64]) -> i64 {
    (1..n)
        .map(|i| {
            let narrower_end = i == n - 1 && halves[i] < halves[i - 1];
            let width = if narrower_end {
                0
            } else {
                WIDTH_TENTHS * (halves[i] - halves[i - 1]).abs().min(MAX_WIDTH_HALVES)
            };
            i64::from(table[i - 1][0]) - width
        })
        .sum()
}

/// The strict two-stream pattern of a run: the lead pieces and the run's
/// first in one stream, then turn by turn.
fn strict_mask(start: usize, range: &std::ops::Range<usize>) -> u128 {
    (start..range.end).filter(|i| (i - start) % 2 == 1).fold(0u128, |m, i| m | 1 << (i - range.start))
}

/// The pieces of a line the pitch reader reads: all of them, less a
/// byline glued after the last printed line, where the rest are
/// space-joined body pieces. Why: an article's byline set on the last
/// printed line of an interleaved paragraph is glued to the input line (cut
/// off as a piece of its own) and is no column's line.
fn pitched_range(page: &Page, line: usize) -> Option<std::ops::Range<usize>> {
    let mut range = page.lines[line].pieces.clone();
    if range.len() > 1 && page.pieces[range.end - 1].role == Role::Byline {
        range.end -= 1;
    }
    let pieces = &page.pieces[range.clone()];
    let joined = pieces.iter().all(|p| p.role == Role::Body)
        && pieces.iter().skip(1).all(|p| p.gap == Gap::BreakSpace);
    joined.then_some(range)
}

/// How the pitch reader read one line (see [`pitched_readings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PitchedReading {
    /// The line's pieces read (a glued trailing byline left out).
    pub range: std::ops::Range<usize>,
    /// Whether the run test took the line as two streams in strict turns.
    pub in_run: bool,
    /// The best irregular pattern (bit `i`: the range's piece `i` in the
    /// second stream) and its summed stream steps, if any pattern fits.
    pub best: Option<(u128, i64)>,
    /// The summed stream steps of strict turns from the run's start (the
    /// line's first piece where the run test took none).
    pub strict: i64,
    /// Whether the line is held to the best pattern.
    pub taken: bool,
}

/// The lines the pitch reader reads, each with what it found. The lines
/// read are those the run test took as two streams (at most
/// [`MAX_PITCHED_LINES`] of both kinds, in page order), and space-joined
/// body lines it took as none whose stride-two junctions read at least as
/// well as their neighbour junctions: where one column puts two or three
/// lines in a row between the other's, the strict turns the run test
/// measures are wrong at each such place, and the test misses lines whose
/// neighbour junctions read no better than their stride-two ones. A line
/// is held to its best pattern where that reads on (positive sum) and
/// beats strict turns by [`PITCHED_MARGIN_TENTHS`].
fn read_pitched(
    page: &Page,
    runs: &FxHashMap<usize, Run>,
    affinity: &impl Fn(usize, usize) -> i32,
) -> Vec<PitchedReading> {
    let mean = |range: &std::ops::Range<usize>, k: usize| {
        StrideMean::of(
            &(range.start..range.end.saturating_sub(k)).map(|i| affinity(i, i + k)).collect::<Vec<_>>(),
        )
    };
    // The line below two streams read in strict turns: where one column
    // ends inside it, the other's lines run on alone, and its neighbour
    // junctions may read better than its stride-two ones.
    let below_two_streams = |line: usize| {
        line.checked_sub(1)
            .and_then(|above| runs.get(&above))
            .is_some_and(|run| run.streams == 2 && run.ends.is_none())
    };
    let lines: Vec<(std::ops::Range<usize>, usize, bool)> = (0..page.lines.len())
        .filter_map(|line| match runs.get(&line) {
            Some(run) if run.streams == 2 && run.ends.is_none() => {
                Some((page.lines[line].pieces.clone(), run.start, true))
            }
            Some(_) => None,
            None => pitched_range(page, line)
                .filter(|range| (MIN_PIECES..=MAX_PITCHED_PIECES).contains(&range.len()))
                .filter(|range| !mean(range, 1).above(mean(range, 2)) || below_two_streams(line))
                .map(|range| (range.clone(), range.start, false)),
        })
        // Lazily: the stride means of lines past the cap are never needed.
        .take(MAX_PITCHED_LINES)
        .collect();
    let mut readings = Vec::new();
    for (range, start, in_run) in lines {
        let n = range.len();
        if !(MIN_PIECES..=MAX_PITCHED_PIECES).contains(&n) {
            continue;
        }
        let (table, halves) = (affinity_table(&range, affinity), half_cells(page, &range));
        // A column ends inside the stretch's last line only: where the
        // line below still interleaves, both columns go on into it.
        let line = page.pieces[range.start].line;
        let best = pitched_streams(&table, &halves, !runs.contains_key(&(line + 1)));
        let strict_pattern = strict_mask(start, &range);
        let strict = stream_sum(strict_pattern, n, &table, &halves).unwrap_or(i64::MIN / 2);
        let swapped = strict_pattern ^ ((1u128 << n) - 1);
        // The best pattern must read on, and clearly better than strict
        // turns.
        // A line read only for standing below two streams must read
        // better as two streams than as one.
        let single = if !in_run && mean(&range, 1).above(mean(&range, 2)) && below_two_streams(line) {
            single_sum(n, &table, &halves)
        } else {
            i64::MIN / 2
        };
        let taken = best.is_some_and(|(mask, sum)| {
            sum > 0
                && mask != strict_pattern
                && mask != swapped
                && sum - strict >= PITCHED_MARGIN_TENTHS
                && sum - single >= PITCHED_MARGIN_TENTHS
        });
        readings.push(PitchedReading { range, in_run, best, strict, taken });
    }
    readings
}

/// The lines held to an irregular pattern: the pieces read and the pattern.
fn find_pitched(
    page: &Page,
    runs: &FxHashMap<usize, Run>,
    affinity: &impl Fn(usize, usize) -> i32,
) -> Vec<(std::ops::Range<usize>, u128)> {
    read_pitched(page, runs, affinity)
        .into_iter()
        .filter(|reading| reading.taken)
        .filter_map(|reading| reading.best.map(|(mask, _)| (reading.range, mask)))
        .collect()
}

/// The affinity of two pieces (tenths): the words and sentences of the
/// stride signal, and the character model's lift (capped like the
/// feature) where both ends are Han: the word list alone misses half the
/// true junctions.
///
/// Computed once per pair: the run test, the column-end search and the
/// pitch reader (its stride means, then its table of steps) ask for the
/// same pairs, and the language model's lookups are most of their cost.
fn affinity_of<'a>(page: &'a Page, vocabulary: &'a Vocabulary) -> impl Fn(usize, usize) -> i32 + 'a {
    let known: RefCell<FxHashMap<(usize, usize), i32>> = RefCell::default();
    move |a: usize, b: usize| {
        if let Some(&affinity) = known.borrow().get(&(a, b)) {
            return affinity;
        }
        let (left, right) = (&page.pieces[a].text, &page.pieces[b].text);
        let lift =
            super::language::lift(left, right).map_or(0, |l| (l.clamp(-2.0, 3.0) * LIFT_TENTHS) as i32);
        let affinity = stride::affinity_tenths(left, right, vocabulary) + lift;
        known.borrow_mut().insert((a, b), affinity);
        affinity
    }
}

/// The strict runs of a page: each line's own run test, runs taken over
/// by short lines beside them, and columns that end inside a line.
fn strict_runs(page: &Page, affinity: &impl Fn(usize, usize) -> i32) -> FxHashMap<usize, Run> {
    let mut runs = FxHashMap::default();
    for line in 0..page.lines.len() {
        if let Some(run) = run_start(page, line, affinity) {
            runs.insert(line, run);
        }
    }
    inherit_runs(page, &mut runs, affinity);
    find_column_ends(page, &mut runs, affinity);
    runs
}

/// Diagnostic: what the pitch reader found on each line it read (CJK
/// pages only; see `examples/pitched.rs`).
pub fn pitched_readings(page: &Page, vocabulary: &Vocabulary) -> Vec<PitchedReading> {
    if !page.is_cjk() {
        return Vec::new();
    }
    let affinity = affinity_of(page, vocabulary);
    read_pitched(page, &strict_runs(page, &affinity), &affinity)
}

/// Finds the alternating runs of a page (Chinese pages only: Latin text
/// keeps no line-break spaces to cut a line at).
pub fn alternation(page: &Page, vocabulary: &Vocabulary) -> Alternation {
    let mut result = Alternation::default();
    if !page.is_cjk() {
        return result;
    }
    let affinity = affinity_of(page, vocabulary);
    result.run_start = strict_runs(page, &affinity);
    for (range, mask) in find_pitched(page, &result.run_start, &affinity) {
        // A line the run test missed holds its two streams from its first
        // piece: the steps across its line breaks are offered as a run's.
        let line = page.pieces[range.start].line;
        result.run_start.entry(line).or_insert(Run { start: range.start, streams: 2, ends: None });
        result.record_pitched(page, range, mask);
    }
    // In line order: the extra candidates keep a fixed order.
    let mut runs: Vec<(usize, Run)> = result.run_start.iter().map(|(&l, &r)| (l, r)).collect();
    runs.sort_unstable_by_key(|&(line, _)| line);
    for (line, run) in runs {
        let end = page.lines[line].pieces.end;
        if result.pitched_lines.contains(&line) {
            for i in page.lines[line].pieces.clone() {
                if let Some(Some(next)) = result.pitched_next.get(&i).copied() {
                    result.follows.insert((i, next));
                    if next > i + 2 {
                        result.extra.entry(i).or_default().push(next);
                    }
                }
            }
            continue;
        }
        for i in run.start..end {
            let Some(stride) = run.stride_at(i).filter(|&k| i + k < end) else {
                continue;
            };
            result.follows.insert((i, i + stride));
            // The layout offers steps of one and two pieces to the right; a
            // longer stride is offered here.
            if stride > 2 {
                result.extra.entry(i).or_default().push(i + stride);
            }
        }
    }
    if result.run_start.is_empty() {
        return result;
    }
    // Streams across input lines: the last k pieces of a line go on in the
    // first k of the next line (k the run's streams), where either line
    // alternates (from its first piece, for the lower one) and both are
    // space-joined body.
    let add = |result: &mut Alternation, from: usize, to: usize, follows: bool| {
        if follows {
            result.follows.insert((from, to));
        }
        let targets = result.extra.entry(from).or_default();
        if !targets.contains(&to) {
            targets.push(to);
        }
    };
    for upper in 0..page.lines.len().saturating_sub(1) {
        let lower = upper + 1;
        let run_up = result.run_start.get(&upper).copied();
        let run_down =
            result.run_start.get(&lower).copied().filter(|run| run.start == page.lines[lower].pieces.start);
        if let Some((body, head, taken)) = headline_between_streams(&result, page, upper, lower) {
            add(&mut result, body, taken[0], true);
            add(&mut result, head, taken[1], true);
        }
        let Some(streams) = run_up.map(Run::end_streams).or(run_down.map(|run| run.streams)) else {
            continue;
        };
        // Above a run that starts the line, whatever stands there (a
        // headline, a column's single line) may go on in any stream.
        if let Some(run) = run_down {
            let from = page.lines[upper].pieces.end - 1;
            for to in run.start + 1..(run.start + run.streams).min(page.lines[lower].pieces.end) {
                add(&mut result, from, to, false);
            }
        }
        if !joined_body(page, upper) || !joined_body(page, lower) {
            continue;
        }
        let (up, down) = (page.lines[upper].pieces.clone(), page.lines[lower].pieces.clone());
        // A line shorter than the stream count is read below, along the
        // row order of the whole stretch.
        let k = streams;
        if up.len() < k || down.len() < k {
            continue;
        }
        // The streams keep their turn across the line break (straight), or
        // one ran out or the turn shifted: each rotation of the pairing is
        // read, the straight one winning ties.
        // On a line held to an irregular pattern a stream's last (first)
        // piece need not be among the line's last (first) k: its streams
        // end and start where the pattern says.
        let (ends, starts) = (result.stream_ends(page, upper, k), result.stream_starts(page, lower, k));
        let pairing = |rotation: usize| -> Vec<(usize, usize)> {
            (0..k).map(|i| (ends[i], starts[(i + rotation) % k])).collect()
        };
        let reads = |rotation: usize| pairing(rotation).iter().map(|&(x, a)| affinity(x, a)).sum::<i32>();
        let scores: Vec<i32> = (0..k).map(reads).collect();
        let best = (0..k).fold(0, |best, r| if scores[r] > scores[best] { r } else { best });
        // The best pairing is offered; only a clear one is held to.
        let clear = (0..k).all(|r| r == best || scores[r] < scores[best]);
        for (from, to) in pairing(best) {
            add(&mut result, from, to, clear);
        }
    }
    // A stretch of alternating lines holds the rows in order, cut into
    // lines only where one column's paragraph ends: a line shorter than
    // the stream count (a paragraph's last piece and little else) leaves
    // the row going on in the next line, so a stream's step is k pieces on
    // in the stretch's piece order, across one line break or two.
    let stretches = stretches(page, &result);
    for &(first, last) in &stretches {
        let end = page.lines[last].pieces.end;
        for from in page.lines[first].pieces.start..end {
            let from_line = page.pieces[from].line;
            let Some(k) = result.run_start[&from_line].stride_at(from) else {
                continue;
            };
            let to = from + k;
            if to >= end {
                break;
            }
            let to_line = page.pieces[to].line;
            let short = (from_line..=to_line).any(|l| page.lines[l].pieces.len() < k);
            if to_line != from_line && short && joined_body(page, from_line) && joined_body(page, to_line) {
                add(&mut result, from, to, true);
            }
        }
    }
    // A column's end wraps to the next column's start: from the last k
    // pieces of a stretch of alternating lines to the first k of its first
    // line (and of the space-joined line right above it, where the next
    // column may already have started).
    for &(first, last) in &stretches {
        let mut tops: Vec<usize> = Vec::new();
        let top_line = |l: usize| page.lines[l].pieces.clone();
        let first_range = top_line(first);
        let top_run = result.run_start[&first];
        tops.extend(top_run.start..(top_run.start + top_run.streams).min(first_range.end));
        if first > 0 && joined_body(page, first - 1) {
            let above = top_line(first - 1);
            tops.extend(above.end.saturating_sub(top_run.streams).max(above.start)..above.end);
        }
        // A column that ended inside the stretch wraps there.
        for l in first..=last {
            if let Some(end) = result.run_start[&l].ends {
                for &to in &tops {
                    add(&mut result, end, to, false);
                }
            }
        }
        let bottom = top_line(last);
        let bottom_streams = result.run_start[&last].end_streams();
        for from in bottom.end.saturating_sub(bottom_streams).max(bottom.start)..bottom.end {
            for &to in &tops {
                if to != from {
                    add(&mut result, from, to, false);
                }
            }
        }
    }
    result
}

/// Largest difference, in cells, between a body line and the stream it is
/// taken to go on in.
const STREAM_WIDTH_SLACK: f32 = 1.0;

/// Least difference, in cells, between the widths of the two streams for
/// a body line's width to tell which one it goes on in.
const STREAM_WIDTH_APART: f32 = 2.0;

/// A headline set alone between a body line left mid-sentence and a line
/// of two interleaved streams of different widths: the body line's last
/// piece, the headline, and the first pieces of the streams they go on in
/// (the stream as wide as the body line, then the other). Why: where a
/// sidebar's column is read line by line in turn with the host's, the
/// sidebar's headline stands between the host's last line before the
/// interleave and the interleave itself; the headline's step to the next
/// line's first piece beats the host line's step over it, so the sidebar's
/// headline takes the host's continuation and the host's article stops
/// mid-sentence at the headline. The open sentence goes on in the stream
/// of its own column's width, and the headline opens the other.
fn headline_between_streams(
    result: &Alternation,
    page: &Page,
    upper: usize,
    lower: usize,
) -> Option<(usize, usize, [usize; 2])> {
    let heading = page.lines[upper].pieces.clone();
    if heading.len() != 1
        || page.pieces[heading.start].role != Role::Headline
        || upper == 0
        || !result.run_start.contains_key(&lower)
    {
        return None;
    }
    let body = page.lines[upper - 1].pieces.end.checked_sub(1)?;
    let last = &page.pieces[body];
    // A part the glued cutter made is no printed line: its width tells no
    // column.
    if last.role != Role::Body || last.gap == Gap::Glued || crate::parse::chars::ends_sentence(&last.text) {
        return None;
    }
    let line = page.lines[lower].pieces.clone();
    let groups: Vec<Vec<usize>> =
        result.stream_groups(page).into_iter().filter(|g| g.len() >= 2 && line.contains(&g[0])).collect();
    // The two streams open the line: a run that leaves lead pieces out
    // does not say where the streams start.
    let [first, second] = groups.as_slice() else {
        return None;
    };
    if first[0].min(second[0]) != line.start || first[0].max(second[0]) != line.start + 1 {
        return None;
    }
    let width = |group: &[usize]| {
        let mut cells: Vec<f32> = group.iter().map(|&i| page.pieces[i].cells).collect();
        cells.sort_by(f32::total_cmp);
        cells[cells.len() / 2]
    };
    let (body_width, first_width, second_width) = (last.cells, width(first), width(second));
    if (first_width - second_width).abs() < STREAM_WIDTH_APART {
        return None;
    }
    if (body_width - first_width).abs() <= STREAM_WIDTH_SLACK {
        Some((body, heading.start, [first[0], second[0]]))
    } else if (body_width - second_width).abs() <= STREAM_WIDTH_SLACK {
        Some((body, heading.start, [second[0], first[0]]))
    } else {
        None
    }
}

/// The stretches of consecutive alternating lines (each line starting or
/// going on a run), as their first and last line.
fn stretches(page: &Page, result: &Alternation) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line = 0;
    while line < page.lines.len() {
        if !result.run_start.contains_key(&line) {
            line += 1;
            continue;
        }
        let first = line;
        while result.run_start.contains_key(&(line + 1)) {
            line += 1;
        }
        out.push((first, line));
        line += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    fn vocabulary(page: &Page) -> Vocabulary {
        Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()))
    }

    /// Two streams whose every line ends inside a common word that the next
    /// line of the same stream completes.
    const INTERLEAVED: &str = "我们今天去学校参加一个重要的会 他们明天要到城市中心开会讨论经 议，会上讨论了很多关于教育的问 济发展的问题，并且提出了许多建 题，大家都认为应该加强学生的管 议，希望政府能够重视这些问题和 理和服务工作。 困难。\n";

    /// The same lines in reading order: one stream.
    const SEQUENTIAL: &str = "我们今天去学校参加一个重要的会 议，会上讨论了很多关于教育的问 题，大家都认为应该加强学生的管 理和服务工作。他们明天要到城市 中心开会讨论经济发展的问题，并 且提出了许多建议，希望政府能够 重视这些问题和困难。\n";

    #[test]
    fn a_headline_above_two_streams_opens_the_one_its_body_line_does_not_go_on_in() {
        // A body line of a 10-cell column left mid-sentence, a headline, and
        // a line where the 10-cell column and a 4-cell one take turns.
        let text = "今天上午在城市中心的\n新的标题\n广场举行了一场盛大的 春风又绿 庆祝活动吸引了很多人 江南两岸 前来观看并参与其中。 明月何时\n";
        let mut page = parse_page(text, 0, 1);
        assert_eq!(page.lines.len(), 3, "{page:?}");
        let heading = page.lines[1].pieces.start;
        page.pieces[heading].role = Role::Headline;
        let mut result = Alternation::default();
        let start = page.lines[2].pieces.start;
        result.run_start.insert(2, Run { start, streams: 2, ends: None });
        let body = page.lines[0].pieces.end - 1;
        assert_eq!(headline_between_streams(&result, &page, 1, 2), Some((body, heading, [start, start + 1])));
        // Where the streams are about as wide, the body line's width tells nothing.
        let alike = "今天上午在城市中心的\n新的标题\n广场举行了一场盛大的 春风又绿江南两岸好 庆祝活动吸引了很多人 明月何时照我还乡啊\n";
        let mut page = parse_page(alike, 0, 1);
        page.pieces[page.lines[1].pieces.start].role = Role::Headline;
        let mut result = Alternation::default();
        result.run_start.insert(2, Run { start: page.lines[2].pieces.start, streams: 2, ends: None });
        assert_eq!(headline_between_streams(&result, &page, 1, 2), None);
    }

    #[test]
    fn an_interleaved_line_alternates_and_steps_by_two() {
        let page = parse_page(INTERLEAVED, 0, 1);
        let found = alternation(&page, &vocabulary(&page));
        assert_eq!(found.run_start.get(&0), Some(&Run { start: 0, streams: 2, ends: None }), "{found:?}");
        let verdict = found.verdict(&page, PieceId(0), PieceId(2)).unwrap();
        assert!(verdict.follows && !verdict.breaks);
        let verdict = found.verdict(&page, PieceId(0), PieceId(1)).unwrap();
        assert!(!verdict.follows && verdict.breaks);
    }

    /// Three streams read row by row, each line ending inside a word that
    /// the same stream's next line completes.
    const THREE: &str = "我们今天去学校参加一个重要的会 他们明天要到城市中心开会讨论经 老师每天都在教室里认真准备课 议，会上讨论了很多关于教育的问 济发展的问题，并且提出了许多建 程，学生们也积极参加各种活 题，大家都认为应该加强管理。 议，希望政府能够重视这些困难。 动，学校的气氛非常好。\n";

    #[test]
    fn three_columns_read_row_by_row_step_by_three() {
        let page = parse_page(THREE, 0, 1);
        let found = alternation(&page, &vocabulary(&page));
        assert_eq!(found.run_start.get(&0), Some(&Run { start: 0, streams: 3, ends: None }), "{found:?}");
        let verdict = found.verdict(&page, PieceId(0), PieceId(3)).unwrap();
        assert!(verdict.follows && !verdict.breaks);
        for to in [1, 2] {
            let verdict = found.verdict(&page, PieceId(0), PieceId(to)).unwrap();
            assert!(!verdict.follows && verdict.breaks, "0 -> {to}: {verdict:?}");
        }
        // The layout offers steps of one and two; the stride of three is
        // offered here.
        assert!(found.extra_targets(0).contains(&3), "{found:?}");
    }

    #[test]
    fn two_streams_are_not_read_as_three() {
        let page = parse_page(INTERLEAVED, 0, 1);
        let found = alternation(&page, &vocabulary(&page));
        assert_eq!(found.run_start.get(&0).map(|r| r.streams), Some(2), "{found:?}");
        assert!(found.extra_targets(0).is_empty(), "{found:?}");
    }

    #[test]
    fn a_short_line_beside_a_run_takes_its_stream_count() {
        let text =
            format!("{THREE}\n订。甲方的合同已经按时签 物。乙方的货物已经按时发 项。丙方的款项已经按时付\n");
        let page = parse_page(&text, 0, 1);
        let found = alternation(&page, &vocabulary(&page));
        let start = page.lines[1].pieces.start;
        assert_eq!(found.run_start.get(&1), Some(&Run { start, streams: 3, ends: None }), "{found:?}");
        assert!(found.verdict(&page, PieceId(start), PieceId(start + 1)).unwrap().breaks);
    }

    #[test]
    fn across_a_short_line_a_stream_steps_on_in_row_order() {
        // Rows of three streams; the second stream's paragraph ends in a
        // row, which cuts the line after two pieces.
        let text = format!("{THREE}\n订。甲方的合同已经按时签 物。\n\n项。丙方的款项已经按时付 甲方的货物已经按时发 乙方的款项已经按时付\n");
        let page = parse_page(&text, 0, 1);
        let found = alternation(&page, &vocabulary(&page));
        let short = page.lines[1].pieces.clone();
        assert!(found.run_start.contains_key(&0) && short.len() == 2, "{found:?}");
        // The first line's last piece goes on three pieces later, in the
        // line after the short one.
        let from = short.start - 1;
        assert!(found.extra_targets(from).contains(&(from + 3)), "{found:?}");
        assert!(found.verdict(&page, PieceId(from), PieceId(from + 3)).is_some_and(|v| v.follows));
    }

    #[test]
    fn a_line_in_reading_order_does_not_alternate() {
        let page = parse_page(SEQUENTIAL, 0, 1);
        let found = alternation(&page, &vocabulary(&page));
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(found.verdict(&page, PieceId(0), PieceId(1)), None);
    }

    #[test]
    fn the_line_above_a_run_may_go_on_in_either_stream() {
        let text = format!("会议报道\n\n{INTERLEAVED}");
        let page = parse_page(&text, 0, 1);
        let found = alternation(&page, &vocabulary(&page));
        let run = page.lines[1].pieces.start;
        assert_eq!(found.run_start.get(&1).map(|r| r.start), Some(run), "{found:?}");
        assert!(found.extra_targets(0).contains(&(run + 1)), "{found:?}");
        // Inside the run every stream step is held to, the last one too.
        let end = page.lines[1].pieces.end;
        assert!(found.verdict(&page, PieceId(end - 3), PieceId(end - 1)).unwrap().follows);
    }

    #[test]
    fn a_weak_first_piece_does_not_keep_the_second_in_the_run() {
        // The first piece reads on weakly either way, the second clearly in
        // its right neighbour: both are the first column's lines above the
        // turns, and the run starts after them.
        let page = parse_page(THREE, 0, 1);
        let affinity = |a: usize, b: usize| match (a, b) {
            (0, 1) => -5,
            (0, 3) => 0,
            (1, 2) => 8,
            (1, 4) => -8,
            (a, b) if a >= 2 && b == a + 3 => 10,
            _ => -5,
        };
        assert_eq!(run_start(&page, 0, &affinity), Some(Run { start: 2, streams: 3, ends: None }));
    }

    #[test]
    fn a_column_that_ends_inside_the_line_below_drops_the_stride() {
        // Below three streams, the third piece is its column's last line:
        // the pieces before it step three on, those after it two, and it
        // wraps to a column start at the top of the stretch.
        let text = format!("{THREE}\n订。甲方的合同已经按时签 物。乙方的货物已经按时发 项。丙方的款项已经按时付 甲方的货物也已经按时发 乙方的款项也已经按时付 丙方的合同也已经按时签 甲方的款项也已经按时付\n");
        let page = parse_page(&text, 0, 1);
        let below = page.lines[1].pieces.clone();
        assert_eq!(below.len(), 7, "{page:?}");
        let s = below.start;
        let good = [(s, s + 3), (s + 1, s + 4), (s + 3, s + 5), (s + 4, s + 6), (s + 2, 1)];
        let affinity = |a: usize, b: usize| if good.contains(&(a, b)) { 10 } else { -5 };
        let mut runs = FxHashMap::default();
        runs.insert(0, Run { start: 0, streams: 3, ends: None });
        runs.insert(1, Run { start: s, streams: 2, ends: None });
        find_column_ends(&page, &mut runs, &affinity);
        assert_eq!(runs[&1], Run { start: s, streams: 3, ends: Some(s + 2) });
        assert_eq!(runs[&1].stride_at(s + 1), Some(3));
        assert_eq!(runs[&1].stride_at(s + 2), None);
        assert_eq!(runs[&1].stride_at(s + 3), Some(2));
    }

    /// Twelve pieces of one width: two columns at pitches 1 and 1.5 read
    /// in the order of their heights.
    const PITCHED: &str = "一二三四五六七八 九十百千万亿兆京 甲乙丙丁戊己庚辛 子丑寅卯辰巳午未 春夏秋冬东南西北 金木水火土日月星 山川河海江湖泉溪 风云雷电雨雪霜露 红黄蓝白黑紫绿青 天地人和礼乐诗书 琴棋书画笔墨纸砚 梅兰竹菊松柏桃李\n";

    /// The pattern of [`PITCHED`], `a` the first column.
    const PATTERN: &str = "abaababaabaa";

    fn mask_of(pattern: &str) -> u128 {
        pattern.chars().enumerate().filter(|&(_, c)| c == 'b').fold(0, |m, (i, _)| m | 1 << i)
    }

    /// An affinity that knows the true stream steps of `pattern`.
    fn knows(pattern: &'static str) -> impl Fn(usize, usize) -> i32 {
        move |a: usize, b: usize| {
            let stream = |i: usize| pattern.as_bytes()[i];
            let next = (a + 1..pattern.len()).find(|&i| stream(i) == stream(a));
            if next == Some(b) {
                10
            } else {
                -5
            }
        }
    }

    #[test]
    fn columns_at_two_pitches_are_read_in_their_pattern() {
        let page = parse_page(PITCHED, 0, 1);
        assert_eq!(page.lines[0].pieces.len(), PATTERN.len(), "{page:?}");
        let mut runs = FxHashMap::default();
        runs.insert(0, Run { start: 0, streams: 2, ends: None });
        let found = find_pitched(&page, &runs, &knows(PATTERN));
        let (full, mask) = ((1u128 << PATTERN.len()) - 1, mask_of(PATTERN));
        assert!(found == [(0..12, mask)] || found == [(0..12, full ^ mask)], "{found:?}");
    }

    #[test]
    fn strict_turns_are_not_read_as_an_irregular_pattern() {
        let page = parse_page(PITCHED, 0, 1);
        let mut runs = FxHashMap::default();
        runs.insert(0, Run { start: 0, streams: 2, ends: None });
        assert!(find_pitched(&page, &runs, &knows("abababababab")).is_empty());
    }

    /// [`PITCHED`] with a byline glued after the last printed line.
    const PITCHED_BYLINE: &str = "一二三四五六七八 九十百千万亿兆京 甲乙丙丁戊己庚辛 子丑寅卯辰巳午未 春夏秋冬东南西北 金木水火土日月星 山川河海江湖泉溪 风云雷电雨雪霜露 红黄蓝白黑紫绿青 天地人和礼乐诗书 琴棋书画笔墨纸砚 梅兰竹菊松柏桃李。(石青松)\n";

    #[test]
    fn a_line_the_run_test_missed_is_read_in_its_pattern() {
        let page = parse_page(PITCHED, 0, 1);
        let found = find_pitched(&page, &FxHashMap::default(), &knows(PATTERN));
        let (full, mask) = ((1u128 << PATTERN.len()) - 1, mask_of(PATTERN));
        assert!(found == [(0..12, mask)] || found == [(0..12, full ^ mask)], "{found:?}");
    }

    #[test]
    fn a_glued_byline_is_left_out_of_the_pattern() {
        let page = parse_page(PITCHED_BYLINE, 0, 1);
        assert_eq!(page.pieces[12].role, Role::Byline, "{page:?}");
        let found = find_pitched(&page, &FxHashMap::default(), &knows(PATTERN));
        let (full, mask) = ((1u128 << PATTERN.len()) - 1, mask_of(PATTERN));
        assert!(found == [(0..12, mask)] || found == [(0..12, full ^ mask)], "{found:?}");
    }

    #[test]
    fn a_line_without_a_run_that_reads_on_piece_by_piece_is_not_read() {
        // Every neighbour junction reads on as well as the pattern's steps:
        // the line is read as one stream, not searched for a pattern.
        let page = parse_page(PITCHED, 0, 1);
        let pattern = knows(PATTERN);
        let affinity = |a: usize, b: usize| if b == a + 1 { 10 } else { pattern(a, b) };
        assert!(find_pitched(&page, &FxHashMap::default(), &affinity).is_empty());
        // Taken as a run it is read.
        let mut runs = FxHashMap::default();
        runs.insert(0, Run { start: 0, streams: 2, ends: None });
        assert_eq!(find_pitched(&page, &runs, &affinity).len(), 1);
    }

    /// [`PITCHED`] and, below it, the stretch's last line: the first
    /// column ends at its fifth piece and the second runs on alone.
    const PITCHED_THEN_END: &str = "一二三四五六七八 九十百千万亿兆京 甲乙丙丁戊己庚辛 子丑寅卯辰巳午未 春夏秋冬东南西北 金木水火土日月星 山川河海江湖泉溪 风云雷电雨雪霜露 红黄蓝白黑紫绿青 天地人和礼乐诗书 琴棋书画笔墨纸砚 梅兰竹菊松柏桃李\n赤橙黄绿青蓝紫白 东西南北中前后左 上下内外高低远近 长短大小多少深浅 冷热干湿明暗轻重 快慢新旧早晚古今 酸甜苦辣咸淡香臭 方圆曲直正反顺逆 真假美丑善恶是非\n";

    /// The pattern of the second line of [`PITCHED_THEN_END`].
    const ENDING: &str = "aabaabbbb";

    #[test]
    fn a_column_ending_inside_the_line_below_two_streams_leaves_the_other_alone() {
        let page = parse_page(PITCHED_THEN_END, 0, 1);
        assert_eq!(page.lines.len(), 2, "{page:?}");
        assert_eq!(page.lines[1].pieces.len(), ENDING.len(), "{page:?}");
        let mut runs = FxHashMap::default();
        runs.insert(0, Run { start: 0, streams: 2, ends: None });
        // The second line's own steps; the first line reads as noise.
        let first = page.lines[1].pieces.start;
        let ending = knows(ENDING);
        let affinity =
            |a: usize, b: usize| if a >= first && b >= first { ending(a - first, b - first) } else { -5 };
        // Its neighbour junctions read better than its stride-two ones:
        // only its place below two streams has it read.
        let found = find_pitched(&page, &runs, &affinity);
        let (full, mask) = ((1u128 << ENDING.len()) - 1, mask_of(ENDING));
        let range = page.lines[1].pieces.clone();
        assert!(found == [(range.clone(), mask)] || found == [(range, full ^ mask)], "{found:?}");
    }

    #[test]
    fn streams_cross_a_line_break_from_the_pieces_their_pattern_names() {
        let page = parse_page(PITCHED_THEN_END, 0, 1);
        let first = page.lines[1].pieces.start;
        let mut found = Alternation::default();
        // Without a pattern, the line's last and first pieces.
        assert_eq!(found.stream_starts(&page, 1, 2), [first, first + 1]);
        found.record_pitched(&page, page.lines[1].pieces.clone(), mask_of(ENDING));
        // The second column's first piece is the line's third, the first
        // column's last its fifth.
        assert_eq!(found.stream_starts(&page, 1, 2), [first, first + 2]);
        assert_eq!(found.stream_ends(&page, 1, 2), [first + 4, first + 8]);
    }

    #[test]
    fn a_pitched_line_steps_to_its_own_streams_next_piece() {
        let page = parse_page(PITCHED, 0, 1);
        let mut found = Alternation::default();
        found.record_pitched(&page, 0..12, mask_of(PATTERN));
        // Pieces 2 and 3 both belong to the first column.
        let verdict = found.verdict(&page, PieceId(2), PieceId(3)).unwrap();
        assert!(!verdict.breaks);
        let verdict = found.verdict(&page, PieceId(1), PieceId(2)).unwrap();
        assert!(verdict.breaks);
        // The second column's piece 4 goes on in piece 6, past the first
        // column's piece 5.
        assert!(found.verdict(&page, PieceId(4), PieceId(5)).unwrap().breaks);
        assert!(!found.verdict(&page, PieceId(4), PieceId(6)).unwrap().breaks);
        // Each column's last piece on the line has no step along it.
        assert_eq!(found.pitched_next[&9], None);
        assert_eq!(found.pitched_next[&11], None);
        assert_eq!(found.pitched_next[&8], Some(10));
    }
}

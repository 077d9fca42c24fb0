//! Alternation signal: two columns read line by line in turn and written
//! into one space-joined Chinese paragraph line.
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
//! decision is taken for the run as a whole, as the [`stride`](super::stride)
//! signal takes it for whole lines, and both streams are held to it.
//!
//! A stream goes on across input lines too (a paragraph end of one column
//! cuts the space-joined line): the last two pieces of one line go on in
//! the first two of the next, straight or crossed, whichever pairing reads
//! better; and the first column's end wraps to the second column's start
//! at the top of the run.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::parse::{Gap, Page, PieceId, Role};

use super::latin::Vocabulary;
use super::stride;

/// Fewest pieces a run needs: below this a run of two streams has too few
/// junctions to tell them from one stream of uneven text.
const MIN_PIECES: usize = 7;

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
    /// Per line, the first piece of its alternating run (pieces from there
    /// to the line's end alternate), where it holds one.
    run_start: FxHashMap<usize, usize>,
    /// Junctions that step along a stream, within a run or across lines.
    follows: FxHashSet<(usize, usize)>,
    /// Extra candidate junctions, by left piece: a stream's step across
    /// input lines, the first stream's end to the second's start.
    extra: FxHashMap<usize, Vec<usize>>,
}

impl Alternation {
    /// Nothing alternates on a page without runs.
    pub fn is_empty(&self) -> bool {
        self.run_start.is_empty()
    }

    /// The verdict on the junction `from -> to`, where the signal speaks.
    pub fn verdict(&self, page: &Page, from: PieceId, to: PieceId) -> Option<Verdict> {
        let follows = self.follows.contains(&(from.0, to.0));
        let line = page.pieces[from.0].line;
        let in_run = self.run_start.get(&line).is_some_and(|&start| from.0 >= start);
        let breaks = in_run && to.0 == from.0 + 1 && page.pieces[to.0].line == line;
        (follows || breaks || in_run).then_some(Verdict { follows, breaks })
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

/// The first piece of the alternating run of a line, if it holds one: the
/// first start (at most [`MAX_LEAD`] pieces in) from which the stride-two
/// junctions read better than the neighbour junctions by at least
/// [`MARGIN_TENTHS`] on average.
fn run_start(page: &Page, line: usize, affinity: &impl Fn(usize, usize) -> i32) -> Option<usize> {
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
    let all_ones: Vec<i32> = (range.start..range.end - 1).map(|i| affinity(i, i + 1)).collect();
    let all_twos: Vec<i32> = (range.start..range.end - 2).map(|i| affinity(i, i + 2)).collect();
    for lead in 0..=MAX_LEAD {
        let start = range.start + lead;
        if range.end.saturating_sub(start) < MIN_PIECES {
            break;
        }
        let (ones, twos) = (&all_ones[lead..], &all_twos[lead..]);
        if twos.len() < MIN_PAIRS {
            continue;
        }
        // Compare means exactly: difference of sums scaled to a common
        // denominator, in tenths times both counts.
        let (n1, n2) = (ones.len() as i64, twos.len() as i64);
        let (s1, s2) = (
            ones.iter().map(|&a| i64::from(a)).sum::<i64>(),
            twos.iter().map(|&a| i64::from(a)).sum::<i64>(),
        );
        let lead_gain = s2 * n1 - s1 * n2;
        // The fewest leading pieces left out that let the run read as two
        // streams: a longer lead only shortens the run.
        if lead_gain >= i64::from(MARGIN_TENTHS) * n1 * n2 {
            return Some(start);
        }
    }
    None
}

/// Finds the alternating runs of a page (Chinese pages only: Latin text
/// keeps no line-break spaces to cut a line at).
pub fn alternation(page: &Page, vocabulary: &Vocabulary) -> Alternation {
    let mut result = Alternation::default();
    if !page.is_cjk() {
        return result;
    }
    // The words and sentences of the stride signal, and the character
    // model's lift (in tenths, capped like the feature) where both ends are
    // Han: the word list alone misses half the true junctions.
    let affinity = |a: usize, b: usize| {
        let (left, right) = (&page.pieces[a].text, &page.pieces[b].text);
        let lift =
            super::language::lift(left, right).map_or(0, |l| (l.clamp(-2.0, 3.0) * LIFT_TENTHS) as i32);
        stride::affinity_tenths(left, right, vocabulary) + lift
    };
    for line in 0..page.lines.len() {
        if let Some(start) = run_start(page, line, &affinity) {
            result.run_start.insert(line, start);
            let end = page.lines[line].pieces.end;
            for i in start..end - 2 {
                result.follows.insert((i, i + 2));
            }
        }
    }
    if result.run_start.is_empty() {
        return result;
    }
    // Streams across input lines: the last two pieces of a line go on in
    // the first two of the next line, where either line alternates (from
    // its first piece, for the lower one) and both are space-joined body.
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
        let alternates_up = result.run_start.contains_key(&upper);
        let alternates_down = result.run_start.get(&lower) == Some(&page.lines[lower].pieces.start);
        if !(alternates_up || alternates_down) {
            continue;
        }
        // Above a run that starts the line, whatever stands there (a
        // headline, a column's single line) may go on in either stream.
        if alternates_down && page.lines[lower].pieces.len() >= 2 {
            let from = page.lines[upper].pieces.end - 1;
            add(&mut result, from, page.lines[lower].pieces.start + 1, false);
        }
        if !joined_body(page, upper) || !joined_body(page, lower) {
            continue;
        }
        let (up, down) = (page.lines[upper].pieces.clone(), page.lines[lower].pieces.clone());
        if up.len() < 2 || down.len() < 2 {
            continue;
        }
        let (x, y, a, b) = (up.end - 2, up.end - 1, down.start, down.start + 1);
        let straight = affinity(x, a) + affinity(y, b);
        let crossed = affinity(y, a) + affinity(x, b);
        // Only a clear pairing is held to; both are offered either way.
        let (pairs, clear) = if straight >= crossed {
            ([(x, a), (y, b)], straight > crossed)
        } else {
            ([(y, a), (x, b)], true)
        };
        for (from, to) in pairs {
            add(&mut result, from, to, clear);
        }
    }
    // The first column's end wraps to the second column's start: from the
    // last two pieces of a stretch of alternating lines to the first two of
    // its first line (and of the space-joined line right above it, where
    // the second column may already have started).
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
        let last = line;
        line += 1;
        let mut tops: Vec<usize> = Vec::new();
        let top_line = |l: usize| page.lines[l].pieces.clone();
        let first_range = top_line(first);
        tops.extend(result.run_start[&first]..(result.run_start[&first] + 2).min(first_range.end));
        if first > 0 && joined_body(page, first - 1) {
            let above = top_line(first - 1);
            tops.extend(above.end.saturating_sub(2).max(above.start)..above.end);
        }
        let bottom = top_line(last);
        for from in bottom.end.saturating_sub(2).max(bottom.start)..bottom.end {
            for &to in &tops {
                if to != from {
                    add(&mut result, from, to, false);
                }
            }
        }
    }
    result
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
    fn an_interleaved_line_alternates_and_steps_by_two() {
        let page = parse_page(INTERLEAVED, 0, 1);
        let found = alternation(&page, &vocabulary(&page));
        assert_eq!(found.run_start.get(&0), Some(&0), "{found:?}");
        let verdict = found.verdict(&page, PieceId(0), PieceId(2)).unwrap();
        assert!(verdict.follows && !verdict.breaks);
        let verdict = found.verdict(&page, PieceId(0), PieceId(1)).unwrap();
        assert!(!verdict.follows && verdict.breaks);
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
        assert_eq!(found.run_start.get(&1), Some(&run), "{found:?}");
        assert!(found.extra_targets(0).contains(&(run + 1)), "{found:?}");
        // Inside the run every stream step is held to, the last one too.
        let end = page.lines[1].pieces.end;
        assert!(found.verdict(&page, PieceId(end - 3), PieceId(end - 1)).unwrap().follows);
    }
}

//! Choose one successor per piece, globally, from the scored junctions.
//!
//! In: the pieces of a page and their scored [`Junction`]s. Out: [`Chain`]s,
//! runs of pieces in reading order. Why: each piece has at most one true
//! successor and one true predecessor, so the choice is a path cover of the
//! junction graph. Taking junctions best-first and refusing any that would
//! give a piece a second successor or predecessor, or close a cycle, is the
//! classic greedy cover: cheap, deterministic and explainable. Later passes
//! ([`build`]) mend what a greedy choice gets wrong: chains it skipped over,
//! articles it ran into a heading, chains stopping mid-sentence.

use std::collections::{BinaryHeap, HashMap};

use crate::parse::chars::{self, ends_sentence};
use crate::parse::{Page, PieceId, Role};
use crate::score::topic::{Idf, Profile, Vector};
use crate::score::Junction;

/// Pieces in reading order, with the score of each junction between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    pub pieces: Vec<PieceId>,
    /// `scores[i]` is the score of the junction `pieces[i] -> pieces[i + 1]`.
    pub scores: Vec<f32>,
}

/// Builds chains from junctions scoring above `threshold`. Every piece ends up
/// in exactly one chain; chains come out ordered by their first piece.
pub fn link(piece_count: usize, junctions: &[Junction], threshold: f32) -> Vec<Chain> {
    let mut order: Vec<&Junction> = junctions.iter().filter(|j| j.score > threshold).collect();
    // Ties go to the earlier pair in input order, so the result is stable.
    order.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.from.cmp(&b.from)).then(a.to.cmp(&b.to)));
    let mut next: Vec<Option<(usize, f32)>> = vec![None; piece_count];
    let mut has_previous = vec![false; piece_count];
    let mut sets = DisjointSets::new(piece_count);
    for junction in order {
        let (from, to) = (junction.from.0, junction.to.0);
        if next[from].is_some() || has_previous[to] || !sets.union(from, to) {
            continue;
        }
        next[from] = Some((to, junction.score));
        has_previous[to] = true;
    }
    follow_links(&next, |start| !has_previous[start])
}

/// The chains that successor links spell out, one from every piece that
/// `starts` says has no predecessor, in input order of those pieces.
fn follow_links(next: &[Option<(usize, f32)>], starts: impl Fn(usize) -> bool) -> Vec<Chain> {
    (0..next.len())
        .filter(|&start| starts(start))
        .map(|start| {
            let mut chain = Chain { pieces: vec![PieceId(start)], scores: Vec::new() };
            let mut at = start;
            while let Some((to, score)) = next[at] {
                chain.pieces.push(PieceId(to));
                chain.scores.push(score);
                at = to;
            }
            chain
        })
        .collect()
}

/// Log-odds granted to a splice that puts back the input order (A, B..T, C
/// consecutive in the input): where the page already reads well, a rival
/// reading must win clearly to break it. Chosen on the development split:
/// 0.5 to 2 give the same results there.
const INPUT_ORDER_MARGIN: f32 = 1.0;

/// Second pass over the chains: a junction A -> C the greedy cover took may
/// have skipped a whole chain B..T that fits between, A -> B and T -> C both
/// scoring above `threshold`. When the two together score more than A -> C
/// alone (with `INPUT_ORDER_MARGIN` added when that restores the input
/// order), B..T goes back between them. Why: greedy best-first takes the
/// single strongest junction, so one spurious strong pair (a dictionary word
/// across a line skipped, a line end jumping over a short last piece) cuts a
/// clean column and leaves the skipped lines as an article of their own,
/// which costs far more than one junction; comparing the two readings by
/// their summed log-odds keeps the one with more evidence.
pub fn splice_skipped(chains: Vec<Chain>, junctions: &[Junction], threshold: f32) -> Vec<Chain> {
    let piece_count: usize = chains.iter().map(|c| c.pieces.len()).sum();
    let mut next: Vec<Option<(usize, f32)>> = vec![None; piece_count];
    let mut previous: Vec<Option<usize>> = vec![None; piece_count];
    // The pieces of each chain as one set, and per set's root the chain's
    // last piece: whether a chain holds a piece, and where it ends, without
    // walking it.
    let mut sets = DisjointSets::new(piece_count);
    let mut tails: Vec<usize> = (0..piece_count).collect();
    for chain in &chains {
        for (pair, &score) in chain.pieces.windows(2).zip(&chain.scores) {
            next[pair[0].0] = Some((pair[1].0, score));
            previous[pair[1].0] = Some(pair[0].0);
            sets.union(pair[1].0, pair[0].0);
        }
        if let (Some(first), Some(last)) = (chain.pieces.first(), chain.pieces.last()) {
            let root = sets.find(first.0);
            tails[root] = last.0;
        }
    }
    let mut from_piece: Vec<Vec<&Junction>> = vec![Vec::new(); piece_count];
    for junction in junctions.iter().filter(|j| j.score > threshold) {
        from_piece[junction.from.0].push(junction);
    }
    // Every splice that gains, best first (ties to the earliest pieces).
    // A splice's gain never changes while it stays possible: it ends when
    // A's successor changes (`versions` counts those changes), when B gets
    // a predecessor or when B's chain takes in A, and none of these is
    // undone; the only new splices are those from a piece whose successor
    // changed. So the best splice still possible is the best one the heap
    // holds that has not ended, as a scan of every piece after each splice
    // would find it (quadratic on a page of many thousand pieces).
    let mut versions = vec![0u32; piece_count];
    let mut splices = BinaryHeap::new();
    let offer = |a: usize,
                 sets: &mut DisjointSets,
                 next: &[Option<(usize, f32)>],
                 previous: &[Option<usize>],
                 versions: &[u32],
                 splices: &mut BinaryHeap<Splice>| {
        let Some((c, direct)) = next[a] else { return };
        for (rank, into) in from_piece[a].iter().enumerate() {
            let b = into.to.0;
            // B must head a chain that does not hold A.
            if previous[b].is_some() || b == c || sets.find(a) == sets.find(b) {
                continue;
            }
            let tail = tails[sets.find(b)];
            let Some(out) = from_piece[tail].iter().find(|j| j.to.0 == c) else { continue };
            // Piece ids count in input order.
            let restores_input_order = b == a + 1 && c == tail + 1;
            let gain =
                into.score + out.score - direct + if restores_input_order { INPUT_ORDER_MARGIN } else { 0.0 };
            if gain > 0.0 {
                splices.push(Splice {
                    gain,
                    a,
                    rank,
                    b,
                    tail,
                    into: into.score,
                    out: out.score,
                    version: versions[a],
                });
            }
        }
    };
    for a in 0..piece_count {
        offer(a, &mut sets, &next, &previous, &versions, &mut splices);
    }
    while let Some(Splice { a, b, tail, into, out, version, .. }) = splices.pop() {
        if versions[a] != version || previous[b].is_some() || sets.find(a) == sets.find(b) {
            continue;
        }
        let (c, _) = next[a].expect("a spliced junction is linked");
        next[a] = Some((b, into));
        previous[b] = Some(a);
        next[tail] = Some((c, out));
        previous[c] = Some(tail);
        versions[a] += 1;
        versions[tail] += 1;
        // B's chain joins A's, whose root (and so last piece) stays.
        sets.union(b, a);
        offer(a, &mut sets, &next, &previous, &versions, &mut splices);
        offer(tail, &mut sets, &next, &previous, &versions, &mut splices);
    }
    follow_links(&next, |start| previous[start].is_none())
}

/// A splice [`splice_skipped`] may make: B's chain (B..`tail`) between A
/// and its successor, through the junctions scoring `into` and `out`.
/// Ordered by gain, then the earlier A, then the earlier junction from A.
struct Splice {
    gain: f32,
    a: usize,
    /// The junction A -> B's place among A's junctions.
    rank: usize,
    b: usize,
    tail: usize,
    into: f32,
    out: f32,
    /// How often A's successor had changed when the splice was found.
    version: u32,
}

impl Ord for Splice {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.gain.total_cmp(&other.gain).then(other.a.cmp(&self.a)).then(other.rank.cmp(&self.rank))
    }
}

impl PartialOrd for Splice {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Splice {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Splice {}

/// Third pass over the chains: a chain whose last piece stops mid-sentence
/// (`open_end`) must go on somewhere, so it is joined to the head of another
/// chain that can continue text (`may_continue`), taking the best remaining
/// candidate junction whatever its score, best first, without cycles. The
/// layout often suggests such a continuation only weakly (the next column
/// of an article printed after another article), while the sentence state
/// says it must exist.
pub fn join_open_ends(
    chains: Vec<Chain>,
    junctions: &[Junction],
    open_end: &[bool],
    may_continue: &[bool],
) -> Vec<Chain> {
    join_open_ends_if(chains, junctions, open_end, may_continue, |_, _, _| true)
}

/// [`join_open_ends`] where `fits(from_chain, to_chain, score)` may refuse a
/// join (the chains as they were before any join).
pub fn join_open_ends_if(
    chains: Vec<Chain>,
    junctions: &[Junction],
    open_end: &[bool],
    may_continue: &[bool],
    fits: impl Fn(&Chain, &Chain, f32) -> bool,
) -> Vec<Chain> {
    let piece_count = open_end.len();
    let mut chain_of = vec![usize::MAX; piece_count];
    let mut is_head = vec![false; piece_count];
    let mut is_tail = vec![false; piece_count];
    for (index, chain) in chains.iter().enumerate() {
        for &id in &chain.pieces {
            chain_of[id.0] = index;
        }
        is_head[chain.pieces[0].0] = true;
        is_tail[chain.pieces[chain.pieces.len() - 1].0] = true;
    }
    let mut order: Vec<&Junction> = junctions
        .iter()
        .filter(|j| is_tail[j.from.0] && open_end[j.from.0] && is_head[j.to.0] && may_continue[j.to.0])
        .filter(|j| chain_of[j.from.0] != chain_of[j.to.0])
        .filter(|j| fits(&chains[chain_of[j.from.0]], &chains[chain_of[j.to.0]], j.score))
        .collect();
    order.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.from.cmp(&b.from)).then(a.to.cmp(&b.to)));
    let mut next_chain: Vec<Option<(usize, f32)>> = vec![None; chains.len()];
    let mut has_previous = vec![false; chains.len()];
    let mut sets = DisjointSets::new(chains.len());
    for junction in order {
        let (from, to) = (chain_of[junction.from.0], chain_of[junction.to.0]);
        if next_chain[from].is_some() || has_previous[to] || !sets.union(from, to) {
            continue;
        }
        next_chain[from] = Some((to, junction.score));
        has_previous[to] = true;
    }
    let mut joined = Vec::new();
    for start in (0..chains.len()).filter(|&c| !has_previous[c]) {
        let mut chain = chains[start].clone();
        let mut at = start;
        while let Some((to, score)) = next_chain[at] {
            chain.scores.push(score);
            chain.pieces.extend(chains[to].pieces.iter().copied());
            chain.scores.extend(chains[to].scores.iter().copied());
            at = to;
        }
        joined.push(chain);
    }
    joined
}

/// Cuts every chain between a body piece and a heading after it, and says
/// per piece whether it lost its successor so. The articles stage cuts
/// there anyway, so the link says nothing about reading order; kept, it
/// would make a body piece that stops mid-sentence look continued, and
/// forbid as a cycle the continuation of its article in a column printed
/// before the heading.
pub fn cut_before_headings(chains: Vec<Chain>, heading: &[bool], body: &[bool]) -> (Vec<Chain>, Vec<bool>) {
    let mut cut = vec![false; heading.len()];
    let mut out = Vec::new();
    for chain in chains {
        let mut current = Chain { pieces: vec![chain.pieces[0]], scores: Vec::new() };
        for (pair, &score) in chain.pieces.windows(2).zip(&chain.scores) {
            if body[pair[0].0] && heading[pair[1].0] {
                cut[pair[0].0] = true;
                out.push(std::mem::replace(
                    &mut current,
                    Chain { pieces: vec![pair[1]], scores: Vec::new() },
                ));
            } else {
                current.pieces.push(pair[1]);
                current.scores.push(score);
            }
        }
        out.push(current);
    }
    out.sort_by_key(|c| c.pieces[0]);
    (out, cut)
}

/// An article cut off before a heading goes on only through a join scoring
/// above this log-odds: the heading's own text evidence (a next line) was
/// stronger, so a continuation elsewhere needs some evidence of its own.
/// Chosen on the development split (-2.2 to -2.5 score the same; -3 lets a
/// wrong join through).
const CUT_JOIN_FLOOR: f32 = -2.5;

/// No chain is joined to a continuation through a junction scoring below
/// this log-odds, wherever it stopped. Why: a chain stopping mid-sentence
/// whose true continuation was taken by a stronger rival (a headline's next
/// line, the input's next line) or lies beyond the candidate window still
/// gets *some* join, best first, and at such odds it is nearly always
/// another article's text; left open, the chain's article ends there and
/// the text it would have taken keeps its place (the articles stage puts
/// text starting mid-sentence after the latest open article), which is
/// what the input order does. Chosen on the development split: -3.5 to
/// -2.8 score the same (dev F1 0.806 -> 0.811, no dev family lower);
/// -2.6 and above refuse English joins that read on well (dev synthetic
/// English 0.915 -> 0.900), -3.8 and below keep the weak Chinese ones.
const OPEN_END_FLOOR: f32 = -3.0;

/// The least topic similarity between an article cut off before a heading
/// and the chain that continues it: below it they share almost no content
/// words, two articles rather than one (as the articles stage judges runs).
const MIN_JOIN_TOPIC: f64 = 0.05;

/// [`MIN_JOIN_TOPIC`] on a page of Latin script: word profiles of unrelated
/// Latin articles share common content words to about 0.05 to 0.07, so the
/// bar is the one the articles stage sets for Latin runs
/// ([`crate::score::topic::LATIN_RELATED`]). A cut article otherwise ran into
/// another article's column that shared only such words (syn-de-002, 0.055
/// alike: 0.715 -> 0.779 together with the articles stage's choice among
/// articles waiting mid-sentence, 0.738 alone). Dev scores the same from
/// 0.056 to 0.13 (alone, 0.08 cost syn-en-006 0.849 -> 0.823; with that
/// choice nothing).
const MIN_LATIN_JOIN_TOPIC: f64 = crate::score::topic::LATIN_RELATED;

/// Chains shorter than this (in cells) are too short to show a topic; their
/// joins are not checked for one.
const MIN_TOPIC_CELLS: f32 = 30.0;

/// The chains of a page from its scored junctions: the greedy cover
/// ([`link`]), skipped chains spliced back ([`splice_skipped`]), links from
/// body text into a heading cut ([`cut_before_headings`]), and chains that
/// stop mid-sentence joined to their continuation ([`join_open_ends_if`]).
/// A chain that stopped mid-sentence only because it was cut before a
/// heading is joined only where the join scores above `CUT_JOIN_FLOOR`
/// and the two chains share a topic: otherwise the article ends there, as
/// it did before the cut, rather than run into an unrelated one. No join
/// scoring below `OPEN_END_FLOOR` is taken.
pub fn build(page: &Page, junctions: &[Junction], threshold: f32) -> Vec<Chain> {
    build_with_idf(page, junctions, threshold, &Idf::from_page(page))
}

/// [`build`] with the page's topic weights given (the scoring stage builds
/// them on the way; see [`crate::score::score_page_and_idf`]).
pub fn build_with_idf(page: &Page, junctions: &[Junction], threshold: f32, idf: &Idf) -> Vec<Chain> {
    let linked = link(page.pieces.len(), junctions, threshold);
    let linked = splice_skipped(linked, junctions, threshold);
    let body: Vec<bool> = page.pieces.iter().map(|p| p.role == Role::Body).collect();
    let heading: Vec<bool> = page.pieces.iter().map(|p| p.role.is_heading()).collect();
    let (linked, cut) = cut_before_headings(linked, &heading, &body);
    let open_end: Vec<bool> =
        page.pieces.iter().map(|p| p.role == Role::Body && !ends_sentence(&p.text)).collect();
    // Size and topic of each chain, by its first piece.
    let topics: HashMap<PieceId, (f32, Vector)> = linked
        .iter()
        .map(|chain| {
            let mut profile = Profile::new();
            for &id in &chain.pieces {
                profile.add(&page.piece(id).text);
            }
            let cells = chain.pieces.iter().map(|&id| page.piece(id).cells).sum();
            (chain.pieces[0], (cells, profile.vector(idf)))
        })
        .collect();
    let min_join_topic = if page.is_cjk() { MIN_JOIN_TOPIC } else { MIN_LATIN_JOIN_TOPIC };
    let joined = join_open_ends_if(linked, junctions, &open_end, &body, |from, to, score| {
        if score < OPEN_END_FLOOR
            || column_under_headline(page, from.pieces[from.pieces.len() - 1], to.pieces[0])
        {
            return false;
        }
        if !cut[from.pieces[from.pieces.len() - 1].0] {
            return true;
        }
        let ((from_cells, from_topic), (to_cells, to_topic)) =
            (&topics[&from.pieces[0]], &topics[&to.pieces[0]]);
        score > CUT_JOIN_FLOOR
            && (*from_cells < MIN_TOPIC_CELLS
                || *to_cells < MIN_TOPIC_CELLS
                || from_topic.cosine(to_topic) >= min_join_topic)
    });
    join_wrapped_headlines(page, joined)
}

/// How many printed lines above a column's first line a headline over that
/// column may stand: a headline wraps over up to three lines.
pub(crate) const HEADLINE_OVER_COLUMN_LINES: usize = 4;

/// Where a piece stands across its input line, as shares of the line's
/// characters: its start and its end.
pub(crate) fn share_across(page: &Page, id: PieceId) -> (f32, f32) {
    let piece = page.piece(id);
    let line = &page.lines[piece.line];
    let width = page.pieces[line.pieces.end - 1].span.end.max(1) as f32;
    (piece.span.start as f32 / width, piece.span.end as f32 / width)
}

/// Whether the chain head `to` opens a column set under a Latin headline
/// that stands below the chain tail `from` (see [`headline_over_column`]).
/// Why: an article's text never runs down past another article's headline
/// into the column printed under it; that column is the headline's
/// article's.
fn column_under_headline(page: &Page, from: PieceId, to: PieceId) -> bool {
    headline_over_column(page, to, page.piece(from).line + 1).is_some()
}

/// The Latin headline piece over the column that `head` starts, if any: a
/// headline on one of the [`HEADLINE_OVER_COLUMN_LINES`] lines above
/// `head`'s (none above line `from_line`) whose stretch of its line covers
/// where `head` starts on its own. Why: a headline heads the columns
/// printed under it, so a column starting there, even in lower case (its
/// first line going on from the article's column before), is that
/// headline's article's text and no continuation of text printed above.
/// Only a headline set in capitals counts: the veto is hard, and a
/// headline in sentence or title case is told from body text by the
/// line's shape alone, which a row of glued column starts ("A failed plan
/// |had lost out on") or a short body line can take, so that such a
/// "headline" then walls off columns that are no other article's.
fn headline_over_column(page: &Page, head: PieceId, from_line: usize) -> Option<PieceId> {
    if page.is_cjk() {
        return None;
    }
    let head_line = page.piece(head).line;
    let (start, _) = share_across(page, head);
    let above = head_line.saturating_sub(HEADLINE_OVER_COLUMN_LINES).max(from_line)..head_line;
    above.rev().find_map(|line| {
        page.lines[line].pieces.clone().map(PieceId).find(|&id| {
            let (left, right) = share_across(page, id);
            page.piece(id).role == Role::Headline
                && chars::capitals_only(&page.piece(id).text) == Some(true)
                && left <= start
                && start < right
        })
    })
}

/// Most columns a wrapped headline's second line may start away from its
/// first: OCR drops or adds a space or a speck at a line start.
const WRAP_ALIGN_COLUMNS: usize = 2;

/// Whether `lower` reads as the next printed line of the headline line
/// `upper`: the very next input line, starting where it starts, the upper
/// line not ending a sentence, and on a Latin page both in capitals or the
/// lower one going on in lower case (two headlines in sentence or title
/// case stacked one over the other each open with a capital). Why: a headline wrapped over two or
/// three lines is read line by line, and every line of it looks like a
/// headline to the junction signals (a chain never runs into a headline),
/// so its first line was left as an article of its own, a title without
/// text, and the article's text went under the second line.
fn wraps_onto(page: &Page, upper: PieceId, lower: PieceId) -> bool {
    let (upper, lower) = (page.piece(upper), page.piece(lower));
    let in_capitals = |text: &str| chars::capitals_only(text) == Some(true);
    upper.role == Role::Headline
        && lower.role == Role::Headline
        && lower.line == upper.line + 1
        && upper.span.start.abs_diff(lower.span.start) <= WRAP_ALIGN_COLUMNS
        && !ends_sentence(&upper.text)
        && (page.is_cjk()
            || in_capitals(&upper.text) && in_capitals(&lower.text)
            || !in_capitals(&upper.text) && opens_lower_case(&lower.text))
}

/// Whether a text's first word opens in lower case: a sentence-case
/// headline going on, where a capital opens the next headline as readily.
fn opens_lower_case(text: &str) -> bool {
    text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase)
}

/// Joins a chain of headline lines alone (a title no text followed) onto
/// the chain opening with the next line of the same headline
/// ([`wraps_onto`]), so the wrapped headline is one title over its text.
fn join_wrapped_headlines(page: &Page, mut chains: Vec<Chain>) -> Vec<Chain> {
    loop {
        let lone_title = |chain: &Chain| chain.pieces.iter().all(|&id| page.piece(id).role == Role::Headline);
        let pair = chains.iter().enumerate().filter(|(_, c)| lone_title(c)).find_map(|(a, upper)| {
            let last = *upper.pieces.last().expect("chains are never empty");
            (0..chains.len()).find(|&b| b != a && wraps_onto(page, last, chains[b].pieces[0])).map(|b| (a, b))
        });
        let Some((a, b)) = pair else { return chains };
        let lower = chains[b].clone();
        let upper = &mut chains[a];
        upper.scores.push(0.0);
        upper.pieces.extend(lower.pieces);
        upper.scores.extend(lower.scores);
        chains.remove(b);
    }
}

/// The input order as one chain: what the page says before any repair.
pub fn input_order(piece_count: usize) -> Vec<Chain> {
    if piece_count == 0 {
        return Vec::new();
    }
    vec![Chain { pieces: (0..piece_count).map(PieceId).collect(), scores: vec![0.0; piece_count - 1] }]
}

/// Union-find over piece indices, to refuse junctions that close a cycle.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets { parent: (0..n).collect() }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; false when they were already one.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        self.parent[ra] = rb;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Placement;

    fn junction(from: usize, to: usize, score: f32) -> Junction {
        Junction { from: PieceId(from), to: PieceId(to), placement: Placement::NextLine, score }
    }

    #[test]
    fn best_first_without_cycles_or_forks() {
        let junctions = [junction(0, 2, 3.0), junction(2, 1, 2.0), junction(0, 1, 1.0), junction(1, 0, 5.0)];
        let chains = link(3, &junctions, 0.0);
        // 1->0 (5) then 0->2 (3); 2->1 would close a cycle.
        assert_eq!(chains.len(), 1);
        assert_eq!(chains[0].pieces, vec![PieceId(1), PieceId(0), PieceId(2)]);
    }

    #[test]
    fn open_ends_join_weak_continuations() {
        // 0 -> 1 is taken; 1 stops mid-sentence and only a weak junction
        // leads on to 2; 3 may not continue anything.
        let junctions = [junction(0, 1, 2.0), junction(1, 2, -3.0), junction(1, 3, -1.0)];
        let chains = link(4, &junctions, 0.0);
        assert_eq!(chains.len(), 3);
        let joined =
            join_open_ends(chains, &junctions, &[false, true, false, false], &[true, true, true, false]);
        assert_eq!(joined.len(), 2);
        assert_eq!(joined[0].pieces, vec![PieceId(0), PieceId(1), PieceId(2)]);
        assert_eq!(joined[0].scores, vec![2.0, -3.0]);
    }

    #[test]
    fn a_skipped_piece_goes_back_between() {
        // 0 -> 2 is the strongest single junction and leaves 1 alone, yet
        // 0 -> 1 -> 2 holds more evidence.
        let junctions = [junction(0, 2, 4.0), junction(0, 1, 3.0), junction(1, 2, 2.5)];
        let chains = link(3, &junctions, 0.0);
        assert_eq!(chains.len(), 2);
        let spliced = splice_skipped(chains, &junctions, 0.0);
        assert_eq!(spliced.len(), 1);
        assert_eq!(spliced[0].pieces, vec![PieceId(0), PieceId(1), PieceId(2)]);
        assert_eq!(spliced[0].scores, vec![3.0, 2.5]);
    }

    #[test]
    fn a_skipped_chain_stays_out_when_the_skip_is_stronger() {
        // 0 -> 3 beats 0 -> 1 (-> 2) -> 3 by more than the input-order
        // margin.
        let junctions = [junction(0, 3, 9.0), junction(0, 1, 3.0), junction(1, 2, 2.0), junction(2, 3, 3.0)];
        let chains = link(4, &junctions, 0.0);
        let spliced = splice_skipped(chains.clone(), &junctions, 0.0);
        assert_eq!(spliced, chains);
    }

    #[test]
    fn the_input_order_wins_a_near_tie() {
        // 3 -> 1 alone scores 5; 3 -> 2 -> 1 scores 4.5 but is not the input
        // order, so it stays out; 0 -> 2 alone scores 5 and 0 -> 1 -> 2, the
        // input order, scores 4.5: the margin puts 1 back.
        let not_input = [junction(3, 1, 5.0), junction(3, 2, 2.5), junction(2, 1, 2.0)];
        let chains = link(4, &not_input, 0.0);
        assert_eq!(splice_skipped(chains.clone(), &not_input, 0.0), chains);
        let input = [junction(0, 2, 5.0), junction(0, 1, 2.5), junction(1, 2, 2.0)];
        let spliced = splice_skipped(link(3, &input, 0.0), &input, 0.0);
        assert_eq!(spliced[0].pieces, vec![PieceId(0), PieceId(1), PieceId(2)]);
    }

    #[test]
    fn body_before_a_heading_is_cut_off() {
        // 0 (body) -> 1 (heading) -> 2 (body) -> 3 (heading): both links
        // into a heading are cut, the heading's own link to its text kept.
        let chain = Chain { pieces: (0..4).map(PieceId).collect(), scores: vec![1.0, 2.0, 3.0] };
        let heading = [false, true, false, true];
        let body = [true, false, true, false];
        let (chains, cut) = cut_before_headings(vec![chain], &heading, &body);
        assert_eq!(chains.len(), 3);
        assert_eq!(chains[1].pieces, vec![PieceId(1), PieceId(2)]);
        assert_eq!(chains[1].scores, vec![2.0]);
        assert_eq!(cut, vec![true, false, true, false]);
    }

    #[test]
    fn a_refused_join_leaves_the_open_end_open() {
        let junctions = [junction(0, 1, -1.0)];
        let chains = link(2, &junctions, 0.0);
        let joined =
            join_open_ends_if(chains.clone(), &junctions, &[true, false], &[true, true], |_, _, s| s > -0.5);
        assert_eq!(joined, chains);
        let joined = join_open_ends_if(chains, &junctions, &[true, false], &[true, true], |_, _, s| s > -2.0);
        assert_eq!(joined.len(), 1);
    }

    #[test]
    fn no_open_end_runs_down_into_the_column_under_a_headline() {
        let page = |middle: &str| {
            crate::parse::parse_page(
                &format!(
                    "the farmers said the long rain had come and would\n{middle}\nbe built over the river\n"
                ),
                0,
                1,
            )
        };
        let headed = page("BRIDGE PLAN APPROVED");
        assert_eq!(headed.pieces[1].role, Role::Headline);
        assert!(column_under_headline(&headed, PieceId(0), PieceId(2)));
        // A "headline" in sentence case is no sure headline: no veto.
        let mut sentence = page("Bridge plan approved");
        sentence.pieces[1].role = Role::Headline;
        assert!(!column_under_headline(&sentence, PieceId(0), PieceId(2)));
        let plain = page("the rain was welcome in the");
        assert_eq!(plain.pieces[1].role, Role::Body);
        assert!(!column_under_headline(&plain, PieceId(0), PieceId(2)));
    }

    #[test]
    fn no_open_end_joins_below_the_floor() {
        // Two paragraphs of body text, the first stopping mid-sentence; the
        // only junction between them is the open end's last resort.
        let text = "the committee met again on Tuesday and said that the\n\nmembers of the board would decide on the matter by\n";
        let page = crate::parse::parse_page(text, 0, 1);
        assert_eq!(page.pieces.len(), 2);
        assert!(page.pieces.iter().all(|p| p.role == Role::Body));
        let joined = |score: f32| build(&page, &[junction(0, 1, score)], 0.0).len() == 1;
        assert!(joined(OPEN_END_FLOOR + 0.5));
        assert!(!joined(OPEN_END_FLOOR - 0.5));
    }

    #[test]
    fn a_cut_latin_article_joins_no_column_sharing_only_common_words() {
        // Body text cut off before a headline, stopping mid-sentence, and a
        // column that opens in lower case: they share one common word,
        // about as alike as unrelated Latin articles are. Sharing the
        // article's own terms, the column joins it.
        let page_with = |column: &str| {
            let text = format!(
                "The regional council said on Tuesday that its members had agreed the annual budget and that the\n\n\
                 Harbour Festival Returns\n\n\
                 Boats and music fill the old harbour this weekend.\n\n\
                 {column}\n"
            );
            crate::parse::parse_page(&text, 0, 1)
        };
        let joins = |column: &str| {
            let page = page_with(column);
            assert_eq!(page.pieces.len(), 4);
            assert!(page.pieces[1].role.is_heading() && page.pieces[3].role == Role::Body);
            let junctions = [junction(0, 1, 3.0), junction(1, 2, 3.0), junction(0, 3, -1.0)];
            let idf = Idf::from_page(&page);
            let vector = |id: usize| {
                let mut profile = Profile::new();
                profile.add(&page.pieces[id].text);
                profile.vector(&idf)
            };
            let similarity = vector(0).cosine(&vector(3));
            let chains = build(&page, &junctions, 0.0);
            (similarity, chains.iter().any(|c| c.pieces == [PieceId(0), PieceId(3)]))
        };
        let (similarity, joined) = joins(
            "members of parliament with fishermen, sailors, divers and swimmers cheering all afternoon",
        );
        assert!((MIN_JOIN_TOPIC..MIN_LATIN_JOIN_TOPIC).contains(&similarity), "{similarity}");
        assert!(!joined);
        let (similarity, joined) = joins(
            "budget of the regional council for schools, roads and hospitals was agreed by its members",
        );
        assert!(similarity >= MIN_LATIN_JOIN_TOPIC, "{similarity}");
        assert!(joined);
    }

    #[test]
    fn every_piece_is_in_one_chain() {
        let chains = link(4, &[junction(0, 1, -1.0)], 0.0);
        let total: usize = chains.iter().map(|c| c.pieces.len()).sum();
        assert_eq!(total, 4);
    }
}

#[cfg(test)]
mod wrapped_headline_tests {
    use super::*;
    use crate::score::Placement;

    fn chains_of(text: &str) -> (Page, Vec<Chain>) {
        let page = crate::parse::parse_page(text, 0, 1);
        // Only the second headline line links on to the text; the first
        // headline line is left alone, as the junction signals leave it.
        let junctions: Vec<Junction> = (1..page.pieces.len() - 1)
            .map(|i| Junction {
                from: PieceId(i),
                to: PieceId(i + 1),
                placement: Placement::NextLine,
                score: 3.0,
            })
            .collect();
        let chains = build(&page, &junctions, 0.0);
        (page, chains)
    }

    #[test]
    fn a_headline_wrapped_in_capitals_stays_one_title_over_its_text() {
        let (page, chains) = chains_of(
            "LANTERN GUILD VOTES TO MOVE\n\nWINTER MARKET INDOORS\n\n\
             BRELMOOR, Nov 4 - The lantern guild voted on Monday to hold its winter market in the old \
             wool hall, after two seasons of rain kept buyers away from the square.\n",
        );
        let roles: Vec<Role> = page.pieces.iter().map(|p| p.role).collect();
        assert_eq!(&roles[..2], &[Role::Headline, Role::Headline], "{roles:?}");
        assert_eq!(chains.len(), 1, "{chains:?}");
        assert_eq!(chains[0].pieces[..2], [PieceId(0), PieceId(1)]);
    }

    #[test]
    fn two_stacked_sentence_case_headlines_stay_apart() {
        let (page, chains) = chains_of(
            "Lantern guild votes to move market\n\nFerry crews ask for winter timetable\n\n\
             BRELMOOR, Nov 4 - The lantern guild voted on Monday to hold its winter market in the old \
             wool hall, after two seasons of rain kept buyers away from the square.\n",
        );
        let roles: Vec<Role> = page.pieces.iter().map(|p| p.role).collect();
        assert_eq!(&roles[..2], &[Role::Headline, Role::Headline], "{roles:?}");
        assert_eq!(chains.len(), 2, "{chains:?}");
    }
}

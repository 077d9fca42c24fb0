//! A run's columns read from where its hyphens stand as a share of their
//! line, and the run cut into those columns.
//!
//! In: the words of a run's lines. Out: a [`Layout`] (each column's width,
//! left to right; columns may differ) where the hyphens show one
//! ([`layout_from_hyphens`]); whether it should cut the run rather than
//! the run's one width ([`layout_overrides`]); and the run cut column by
//! column ([`cut_run_in_columns`]), each line by a dynamic programme in
//! which a line may leave a column out at a cost ([`cut_columns`]). Why: a
//! column boundary stands at the same share of every full line, while the
//! characters before it drift with the letters each line holds; shares
//! that cluster show a narrow sidebar beside the body, and a column count
//! other than the width's shows that the width took a fraction or a
//! multiple of the pitch.

use std::ops::Range;

use super::cost::{cut_cost, evidence, piece_cost, WordCounts};
use super::line_cut::forced_cuts;
use super::width::{inner_hyphen_ends, ColumnWidth, HYPHEN_EVIDENCE_MIN};
use super::word::{line_length, span, Word};
use crate::parse::stats::median;

/// Rounds of cutting a run and re-estimating its width from the pieces.
pub(super) const PASSES: usize = 3;

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

/// A run's columns, read from where its hyphenated words end as a share
/// of their own line: each column's width in characters, left to right.
/// Columns may differ (a wide body beside a narrow sidebar).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Layout {
    pub(super) widths: Vec<ColumnWidth>,
}

/// The length of a run's full lines: a line holding every column. Read
/// from the run's longer lines (those near its upper quartile), not from
/// all of them: where one article's columns end while its neighbour's run
/// on, half a run's lines may hold only some of the columns, and a median
/// over all of them would take such a line for full and every column for
/// a fraction of its width.
pub(super) fn full_length(run: &[&[Word]]) -> Option<f32> {
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
pub(super) fn layout_from_hyphens(run: &[&[Word]]) -> Option<Layout> {
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
pub(super) fn split_wide_columns(layout: Layout, width: ColumnWidth) -> Layout {
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

/// True when a run's hyphen layout should cut it rather than one width:
/// when its columns differ (a sidebar) or it counts other columns in a
/// full line than the width does (the width then took a fraction or a
/// multiple of the pitch). Where both agree the width's cut, which keeps a
/// line to its neighbours' piece count, did better on the dev pages.
pub(super) fn layout_overrides(layout: &Layout, width: ColumnWidth, full: f32) -> bool {
    let equal = layout.widths.windows(2).all(|pair| (pair[0].0 - pair[1].0).abs() < 0.5);
    let same_count = width.columns_in(full.round() as usize).round() as usize == layout.widths.len();
    !(equal && same_count)
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

/// Cuts a run whose layout the hyphens show: every line into its columns,
/// then each column's width read again from its pieces, for a few rounds.
pub(super) fn cut_run_in_columns(run: &[&[Word]], mut layout: Layout) -> Vec<Vec<Range<usize>>> {
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
                    lengths[column].push(span(words, range) as f32);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::glued::latin::fixtures::*;

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
}

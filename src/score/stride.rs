//! Stride signal: columns read line by line in turn.
//!
//! In: a parsed [`Page`] and its word-level facts. Out: per line, the
//! *stride* at which the text continues around it, when a stride other than
//! one clearly reads best. Why: OCR in sparse-text modes, and layout analysis
//! that sees one wide block where the page has several columns, emit one line
//! of the first column, then one of the second, and so on: a column's next
//! line stands two, three or four lines down. No single junction shows that,
//! but the junctions at one stride read on, as a text does, across a whole
//! stretch of lines (words complete across them, sentences end and start
//! where they should) while those of the plain input order do not.
//!
//! Where the text tells too little (most Latin line breaks fall between two
//! ordinary words, which read on at any stride alike), the widths may still
//! tell: a narrow column read in turn with a wide one gives lines whose
//! widths alternate, each line about as wide as the one two below and
//! clearly narrower or wider than the next. Such a run reads at stride two
//! unless its text reads worse there than in input order.
//!
//! Rows of glued columns do not count: they are the rows signal's business.

use crate::parse::chars::{ends_sentence, is_han, trim_gutter_noise};
use crate::parse::Page;

use super::latin::{self, Hyphen, Vocabulary};
use super::{lexicon, sentence};

/// The largest stride looked for: pages rarely hold more columns.
pub const MAX_STRIDE: usize = 6;

/// Lines on each side of a line whose junctions are averaged (6 against 4:
/// dev F1 0.810 against 0.809 at the margin below).
const WINDOW: usize = 6;

/// Fewest junctions a stride's average needs to mean anything.
const MIN_PAIRS: i64 = 4;

/// How much better, in mean affinity (tenths), a stride must read than the
/// plain input order (stride one) to count (0.3: dev F1 0.810; 0.4: 0.808;
/// 0.5: 0.806, on the 52 dev cases of before December 2026).
const MARGIN_TENTHS: i64 = 3;

/// Two Latin lines at least this share of the wider one's width are alike:
/// ragged lines of one column (a word moved on shortens a line by a fifth
/// or so).
const LATIN_ALIKE: f32 = 0.8;

/// Two Latin lines below this share of the wider one's width are of
/// different columns (a narrow sidebar beside a main column is about half
/// as wide); between the two shares the widths tell nothing (ragged lines
/// of a narrow column alternate by chance as much: 0.75 for both lowered
/// dev syn-en-010 0.896 -> 0.885).
const LATIN_APART: f32 = 0.65;

/// Two CJK lines whose widths differ by at most this many cells are alike
/// (full lines of one column hold the same number of characters).
const CJK_ALIKE_CELLS: f32 = 1.5;

/// How well the end of one line reads on into the start of another, from
/// their text alone: about +1 for a completed word or a joined hyphen, about
/// -1 for a sentence cut off mid-way or started mid-way.
pub fn affinity(left: &str, right: &str, vocabulary: &Vocabulary) -> f32 {
    affinity_tenths(left, right, vocabulary) as f32 / 10.0
}

/// [`affinity`] in tenths, so that window sums and the margin test are exact
/// (in floating point, ties at the margin fell either way with the order of
/// summation).
pub(crate) fn affinity_tenths(left: &str, right: &str, vocabulary: &Vocabulary) -> i32 {
    affinity_of_trimmed(trim_gutter_noise(left), trim_gutter_noise(right), vocabulary)
}

/// [`affinity_tenths`] of two texts already trimmed at the junction.
pub(crate) fn affinity_of_trimmed(left_text: &str, right_text: &str, vocabulary: &Vocabulary) -> i32 {
    let state = sentence::state(left_text, right_text);
    let mut score = 0;
    let han = |c: Option<char>| c.is_some_and(is_han);
    if han(left_text.chars().next_back()) && han(right_text.chars().next()) {
        // A Han junction inside a text completes a word about half the time,
        // a random one far less often.
        score += if lexicon::spanning_word(left_text, right_text) >= 2 { 10 } else { -3 };
    }
    match latin::hyphen_on_page(left_text, right_text, vocabulary) {
        Some(Hyphen::Join) => score += 10,
        Some(_) => {}
        None if state.left_hyphen => score -= 5,
        None => {}
    }
    if state.left_ends {
        if state.right_continues {
            score -= 10;
        }
    } else if state.right_continues && !right_text.starts_with(char::is_lowercase) {
        // A mark no line may start with continues whatever precedes it; a
        // lower-case start does too, but most Latin lines start lower case
        // whichever line they follow, so it tells nothing.
        score += 5;
    } else if state.right_starts && !state.left_pauses && !state.left_hyphen {
        score -= 5;
    }
    score
}

/// Per line of the page, the stride at which its text most likely goes on,
/// where that is clearly not the next line: `Some(k)` with `k >= 2`; stride
/// two also where the line stands in a run of alternating widths (see
/// `width_alternation`) and the text there reads on at stride two at least
/// as well as at the next line.
pub fn dominant_strides(page: &Page, vocabulary: &Vocabulary) -> Vec<Option<usize>> {
    let count = page.lines.len();
    // A sparse OCR line may be cut into a few pieces at wide spaces; rows
    // alike with a neighbour are glued columns.
    let single: Vec<bool> = (0..count)
        .map(|line| {
            page.lines[line].pieces.len() <= 3
                && !(line > 0 && page.rows_alike(line - 1, line))
                && !page.rows_alike(line, line + 1)
        })
        .collect();
    // Per stride, running sums and counts of the affinities from the end of
    // each line to the start of the line `stride` below, so that a window's
    // mean costs two subtractions.
    let running: Vec<Vec<(i64, i64)>> = (1..=MAX_STRIDE)
        .map(|stride| {
            let mut sums = Vec::with_capacity(count + 1);
            let (mut sum, mut pairs) = (0i64, 0i64);
            sums.push((sum, pairs));
            for line in 0..count {
                let below = line + stride;
                if below < count && single[line] && single[below] {
                    let left = &page.pieces[page.lines[line].pieces.end - 1].text;
                    let right = &page.pieces[page.lines[below].pieces.start].text;
                    sum += i64::from(affinity_tenths(left, right, vocabulary));
                    pairs += 1;
                }
                sums.push((sum, pairs));
            }
            sums
        })
        .collect();
    let alternating = width_alternation(page, &single);
    (0..count)
        .map(|line| {
            if !single[line] {
                return None;
            }
            let (first, last) = (line.saturating_sub(WINDOW), (line + WINDOW + 1).min(count));
            // A window's (sum, pairs) per stride; means compared as fractions.
            let window = |sums: &Vec<(i64, i64)>| {
                let (sum, pairs) = (sums[last].0 - sums[first].0, sums[last].1 - sums[first].1);
                (pairs >= MIN_PAIRS).then_some((sum, pairs))
            };
            let (next_sum, next_pairs) = window(&running[0]).unwrap_or((0, 1));
            let (best, (sum, pairs)) = running
                .iter()
                .enumerate()
                .skip(1)
                .filter_map(|(index, sums)| window(sums).map(|w| (index + 1, w)))
                .max_by(|(_, a), (_, b)| (a.0 * b.1).cmp(&(b.0 * a.1)))?;
            // mean > 0 and mean - next mean >= margin, without division.
            let clear = sum > 0 && sum * next_pairs - next_sum * pairs >= MARGIN_TENTHS * pairs * next_pairs;
            if clear {
                return Some(best);
            }
            // The widths alternate: the text at stride two must read on
            // no worse than the input order.
            if !alternating[line] {
                return None;
            }
            let (sum, pairs) = window(&running[1])?;
            (sum * next_pairs >= next_sum * pairs).then_some(2)
        })
        .collect()
}

/// How the widths of two lines of single printed lines compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WidthFit {
    /// About as wide: full lines of one column.
    Alike,
    /// Of different widths, and neither a paragraph's last line: lines of
    /// columns of different widths.
    Apart,
    /// One may be a paragraph's short last line: nothing to tell.
    Unknown,
}

/// Cells of a line's pieces.
fn line_cells(page: &Page, line: usize) -> f32 {
    page.pieces[page.lines[line].pieces.clone()].iter().map(|p| p.cells).sum()
}

/// Whether the upper line of a pair and the lower one fit one column by
/// width. Latin lines are ragged (a word moves to the next line), CJK lines
/// of one column hold the same number of cells.
fn width_fit(page: &Page, upper: usize, lower: usize) -> WidthFit {
    let (a, b) = (line_cells(page, upper), line_cells(page, lower));
    let (narrow, wide) = (a.min(b), a.max(b));
    let ends = |line: usize| ends_sentence(&page.pieces[page.lines[line].pieces.end - 1].text);
    // A headline is set to its own width.
    let heading =
        |line: usize| page.pieces[page.lines[line].pieces.clone()].iter().any(|p| p.role.is_heading());
    if heading(upper) || heading(lower) {
        return WidthFit::Unknown;
    }
    // A paragraph's last line is short, by a character or by most of the
    // line: its width tells nothing (the line after one may be wider).
    if (b < a && ends(lower)) || (a < b && ends(upper)) {
        return WidthFit::Unknown;
    }
    let (alike, apart) = if page.is_cjk() {
        (wide - narrow <= CJK_ALIKE_CELLS, wide - narrow > CJK_ALIKE_CELLS)
    } else {
        (narrow >= LATIN_ALIKE * wide, narrow < LATIN_APART * wide)
    };
    if alike {
        WidthFit::Alike
    } else if apart {
        WidthFit::Apart
    } else {
        WidthFit::Unknown
    }
}

/// Per line, whether it stands in a run of lines whose widths alternate:
/// each line's width apart from the next one's and alike the one two
/// below (a narrow column read line by line in turn with a wide one). A
/// run counts with at least [`MIN_PAIRS`] lines apart from the next and
/// as many alike the one two below; a paragraph's short last line tells
/// nothing either way. Why: where the text at a junction tells little
/// (most Latin line breaks fall between two ordinary words), the widths
/// still show which lines belong to one column.
fn width_alternation(page: &Page, single: &[bool]) -> Vec<bool> {
    let count = page.lines.len();
    // Per line, its fit with the next line and with the one two below.
    let fits = |stride: usize| -> Vec<Option<WidthFit>> {
        (0..count)
            .map(|upper| {
                (upper + stride < count && single[upper] && single[upper + stride])
                    .then(|| width_fit(page, upper, upper + stride))
            })
            .collect()
    };
    let (next, skip) = (fits(1), fits(2));
    let turns: Vec<bool> = (0..count)
        .map(|line| {
            matches!(next[line], Some(f) if f != WidthFit::Alike)
                && matches!(skip[line], Some(f) if f != WidthFit::Apart)
        })
        .collect();
    let mut alternating = vec![false; count];
    let mut start = 0;
    while start < count {
        if !turns[start] {
            start += 1;
            continue;
        }
        let end = (start..count).find(|&l| !turns[l]).unwrap_or(count);
        let apart = next[start..end].iter().filter(|&&f| f == Some(WidthFit::Apart)).count();
        let alike = skip[start..end].iter().filter(|&&f| f == Some(WidthFit::Alike)).count();
        if apart >= MIN_PAIRS as usize && alike >= MIN_PAIRS as usize {
            alternating[start..end].fill(true);
        }
        start = end;
    }
    alternating
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::parse::parse_page;

    /// Two columns' printed lines: one text about rain, one about buses.
    pub(in crate::score) const RAIN: [&str; 6] = [
        "今年夏天这个地区的降雨",
        "量比往年同期明显偏多，",
        "部分河流的水位已经超过",
        "警戒线，有关部门提醒市",
        "民注意出行安全，避免前",
        "往河边和低洼地带活动。",
    ];
    pub(in crate::score) const BUSES: [&str; 6] = [
        "市民可以通过手机查询公",
        "交车的实时位置，出行更",
        "加方便快捷。据介绍，这",
        "项服务已经覆盖全市的主",
        "要线路，下个月还将推广",
        "到郊区的所有公交线路。",
    ];

    fn strides_of(text: &str) -> Vec<Option<usize>> {
        let page = parse_page(text, 0, 1);
        let vocabulary = Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        dominant_strides(&page, &vocabulary)
    }

    #[test]
    fn a_completed_word_reads_on_and_a_cut_sentence_does_not() {
        let vocabulary = Vocabulary::from_texts([]);
        assert!(affinity("这是小河村在推广新品种葡", "萄种植时的一幕。", &vocabulary) > 0.5);
        assert!(affinity("一幕。", "，在上海", &vocabulary) < 0.0);
        // Most Latin lines start lower case whatever they follow.
        assert_eq!(affinity("the weather was", "fine all day.", &vocabulary), 0.0);
        let page_words = Vocabulary::from_texts(["the government said"]);
        assert!(affinity("the gov-", "ernment said", &page_words) > 0.5);
    }

    #[test]
    fn two_columns_read_line_by_line_in_turn() {
        // OCR emitted the two columns' lines alternately, one per line.
        let left = RAIN;
        let right = BUSES;
        let mut text = String::new();
        for (l, r) in left.iter().zip(right) {
            text.push_str(&format!("{l}\n\n{r}\n\n"));
        }
        let strides = strides_of(&text);
        let found = strides.iter().filter(|s| **s == Some(2)).count();
        assert!(found >= strides.len() / 2, "stride 2 at {found} of {} lines: {strides:?}", strides.len());
    }

    /// A wide column's printed lines, every break between two plain words.
    const WIDE: [&str; 7] = [
        "the harbour board met on a grey morning to weigh",
        "the plan for a second quay along the north shore",
        "and most of its members spoke in favour of the new",
        "berths though a few of them asked about the cost",
        "of dredging the channel and the noise for the town",
        "the chairman promised them a full report by spring",
        "when the engineers would have finished their survey",
    ];

    /// A narrow column's printed lines, every break between two plain words.
    const NARROW: [&str; 7] = [
        "our choir sang in the",
        "old hall last night and",
        "the seats were all taken",
        "long before the first",
        "song began while people",
        "stood along the walls to",
        "listen until the end",
    ];

    #[test]
    fn a_narrow_column_read_in_turn_with_a_wide_one_reads_at_stride_two() {
        // The text alone tells nothing: every junction joins two plain
        // words, at any stride.
        let text: String = WIDE.iter().zip(NARROW).map(|(w, n)| format!("{w}\n{n}\n")).collect();
        let strides = strides_of(&text);
        let found = strides.iter().filter(|s| **s == Some(2)).count();
        assert!(found >= strides.len() - 2, "stride 2 at {found} of {} lines: {strides:?}", strides.len());
    }

    #[test]
    fn a_ragged_narrow_column_read_in_order_has_no_stride() {
        // Ragged lines of one column differ in width, but none is half as
        // wide as its neighbours.
        let text: String = NARROW.iter().chain(&NARROW).map(|l| format!("{l}\n")).collect();
        assert!(strides_of(&text).iter().all(Option::is_none));
        // Nor does a wide column followed by a narrow one read at a stride.
        let text: String = WIDE.iter().chain(&NARROW).map(|l| format!("{l}\n")).collect();
        assert!(strides_of(&text).iter().all(Option::is_none));
    }

    #[test]
    fn headlines_and_paragraph_ends_tell_nothing_by_width() {
        // A line as wide as the one below is alike; set as a headline, its
        // width is its type's, not a column's.
        let mut page = parse_page(
            "the harbour board backs the new quay\nand most of its members spoke in favour\n",
            0,
            1,
        );
        assert_eq!(width_fit(&page, 0, 1), WidthFit::Alike);
        page.pieces[0].role = crate::parse::Role::Headline;
        assert_eq!(width_fit(&page, 0, 1), WidthFit::Unknown);
        // A paragraph's last line one character short of the column is no
        // full line of it.
        let page =
            parse_page("部分河流的水位已经超过\n往河边和低洼地带活动。\n市民可以通过手机查询公\n", 0, 1);
        assert_eq!(width_fit(&page, 0, 2), WidthFit::Alike);
        let page = parse_page("部分河流的水位已经超过\n河边和低洼地带活动。\n", 0, 1);
        assert_eq!(width_fit(&page, 0, 1), WidthFit::Unknown);
    }

    #[test]
    fn a_column_read_in_order_has_no_stride() {
        let text: String = RAIN.iter().chain(&BUSES[..3]).map(|l| format!("{l}\n")).collect();
        assert!(strides_of(&text).iter().all(Option::is_none));
    }
}

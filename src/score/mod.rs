//! Score: every candidate junction "piece B continues piece A" gets a
//! plausibility score.
//!
//! In: a parsed [`Page`]. Out: [`Junction`]s, the candidates from the layout
//! signal, each with its [`Features`] and their weighted sum. Why: the
//! assembler chooses successors globally from these scores; keeping the
//! features explicit lets the weights be fitted on generated scrambles and
//! lets a reviewer see why a junction was chosen.
//!
//! Each signal lives in its own module and is tested on its own.

pub mod latin;
pub mod layout;
pub mod lexicon;
pub mod sentence;
pub mod width;

use crate::parse::{Page, PieceId, Role};
pub use layout::Placement;

/// The evidence about one candidate junction, every value in about [-1, 1]
/// or small counts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Features {
    /// One-hot layout placement.
    pub placement: [f32; 8],
    /// The junction keeps the input order.
    pub input_next: f32,
    /// A dictionary word spans the junction (its length minus one, capped).
    pub word: f32,
    /// Both ends are Han characters (so `word` could have fired).
    pub han_junction: f32,
    /// The left piece ends a sentence.
    pub left_ends: f32,
    /// The left piece ends in a comma-like pause.
    pub left_pauses: f32,
    /// The right piece starts with a continuation-only mark or lower case.
    pub right_continues: f32,
    /// The right piece starts like a sentence.
    pub right_starts: f32,
    /// Left piece ends mid-sentence and right piece starts like a sentence.
    pub mid_to_start: f32,
    /// Left piece is a full line of its column.
    pub left_full: f32,
    /// Left piece is short and ends a sentence: a paragraph end.
    pub paragraph_end: f32,
    /// Agreement of the two pieces' column widths.
    pub width_agree: f32,
    /// A line-end hyphen the right side completes into a word.
    pub hyphen_join: f32,
    /// The right piece is a headline (the left should end an article).
    pub right_headline: f32,
    /// The left piece is a byline (an article ended).
    pub left_byline: f32,
    /// The left piece is a headline.
    pub left_headline: f32,
    /// The right piece is a byline.
    pub right_byline: f32,
    /// Either piece is a scattered glyph.
    pub fragment: f32,
}

impl Features {
    fn values(&self) -> impl Iterator<Item = f32> + '_ {
        self.placement.iter().copied().chain([
            self.input_next,
            self.word,
            self.han_junction,
            self.left_ends,
            self.left_pauses,
            self.right_continues,
            self.right_starts,
            self.mid_to_start,
            self.left_full,
            self.paragraph_end,
            self.width_agree,
            self.hyphen_join,
            self.right_headline,
            self.left_byline,
            self.left_headline,
            self.right_byline,
            self.fragment,
        ])
    }

    /// Number of feature values, the length of a weight vector.
    pub const LEN: usize = 8 + 17;

    /// The features as a flat vector, in the order of [`Weights`].
    pub fn to_vec(&self) -> Vec<f32> {
        self.values().collect()
    }
}

/// One weight per feature value plus a bias.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub bias: f32,
    pub values: [f32; Features::LEN],
}

impl Default for Weights {
    /// Weights set by hand from the reasoning in each signal's module; the
    /// evaluation harness reports how well they do.
    fn default() -> Self {
        let mut values = [0.0; Features::LEN];
        let placement = [
            (Placement::RightBreak, 1.5),
            (Placement::RightGutter, 0.6),
            (Placement::RightSkip, -0.6),
            (Placement::Below, 0.6),
            (Placement::BelowSkip, -0.6),
            (Placement::NextLine, 0.4),
            (Placement::ColumnWrap, 0.2),
            (Placement::BlockStart, -0.4),
        ];
        for (p, w) in placement {
            values[p.index()] = w;
        }
        let rest = [
            1.2,  // input_next
            1.0,  // word
            -0.5, // han_junction
            -0.3, // left_ends
            0.0,  // left_pauses
            0.8,  // right_continues
            0.0,  // right_starts
            -0.8, // mid_to_start
            0.2,  // left_full
            -0.2, // paragraph_end
            0.8,  // width_agree
            1.0,  // hyphen_join
            -2.0, // right_headline
            -3.0, // left_byline
            0.5,  // left_headline
            -0.5, // right_byline
            -3.0, // fragment
        ];
        values[8..].copy_from_slice(&rest);
        Weights { bias: 0.0, values }
    }
}

impl Weights {
    pub fn score(&self, features: &Features) -> f32 {
        self.bias + features.values().zip(self.values.iter()).map(|(f, w)| f * w).sum::<f32>()
    }
}

/// A scored candidate junction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Junction {
    pub from: PieceId,
    pub to: PieceId,
    pub placement: Placement,
    pub features: Features,
    pub score: f32,
}

/// Page-wide facts the signals share, computed once.
pub struct PageContext {
    pub column_widths: Vec<f32>,
    pub vocabulary: latin::Vocabulary,
}

impl PageContext {
    pub fn new(page: &Page) -> Self {
        PageContext {
            column_widths: width::column_widths(page),
            vocabulary: latin::Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str())),
        }
    }
}

/// Scores every candidate junction of a page.
pub fn score_page(page: &Page, weights: &Weights) -> Vec<Junction> {
    let context = PageContext::new(page);
    layout::candidates(page)
        .into_iter()
        .map(|link| {
            let features = features(page, &context, link);
            Junction {
                from: link.from,
                to: link.to,
                placement: link.placement,
                score: weights.score(&features),
                features,
            }
        })
        .collect()
}

/// Computes the features of one candidate junction.
pub fn features(page: &Page, context: &PageContext, link: layout::Link) -> Features {
    let left = page.piece(link.from);
    let right = page.piece(link.to);
    let mut f = Features::default();
    f.placement[link.placement.index()] = 1.0;
    f.input_next = if link.input_next { 1.0 } else { 0.0 };
    let han = |c: Option<char>| c.is_some_and(crate::parse::chars::is_han);
    if han(left.text.chars().next_back()) && han(right.text.chars().next()) {
        f.han_junction = 1.0;
        f.word = (lexicon::spanning_word(&left.text, &right.text).saturating_sub(1) as f32).min(3.0);
    }
    let s = sentence::state(&left.text, &right.text);
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    f.left_ends = flag(s.left_ends);
    f.left_pauses = flag(s.left_pauses);
    f.right_continues = flag(s.right_continues);
    f.right_starts = flag(s.right_starts);
    f.mid_to_start = flag(!s.left_ends && !s.left_pauses && s.right_starts && !s.left_hyphen);
    let left_width = context.column_widths[link.from.0];
    let right_width = context.column_widths[link.to.0];
    let full = width::fullness(left.cells, left_width) >= 0.85;
    f.left_full = flag(full);
    f.paragraph_end = flag(!full && s.left_ends);
    f.width_agree = 2.0 * width::agreement(left_width, right_width) - 1.0;
    f.hyphen_join = flag(matches!(
        latin::hyphen(&left.text, &right.text, &context.vocabulary),
        Some(latin::Hyphen::Join)
    ));
    f.right_headline = flag(right.role == Role::Headline);
    f.left_headline = flag(left.role == Role::Headline);
    f.left_byline = flag(left.role == Role::Byline);
    f.right_byline = flag(right.role == Role::Byline);
    f.fragment = flag(left.role == Role::Fragment || right.role == Role::Fragment);
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    fn best_successor(page: &Page, from: usize) -> usize {
        let junctions = score_page(page, &Weights::default());
        junctions
            .iter()
            .filter(|j| j.from == PieceId(from))
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .map(|j| j.to.0)
            .unwrap()
    }

    #[test]
    fn a_completed_word_beats_the_piece_to_the_right() {
        // Two columns glued: the left column continues on the next line.
        let page = parse_page(
            "市民可以通过手机查询公交车的实 今年夏天这个地区的降雨量比往\n时位置,出行更加方便快捷。 年同期明显偏多,部分河流水位\n",
            0,
            1,
        );
        assert_eq!(best_successor(&page, 0), 2);
    }

    #[test]
    fn weights_and_features_have_the_same_length() {
        assert_eq!(Features::default().to_vec().len(), Features::LEN);
    }
}

//! Placement of a page's pieces in its gold text: the true junctions of
//! pages that have no gold pieces (real OCR).
//!
//! In: a case's gold articles and the texts of the engine's pieces (or of
//! any units made of them). Out: where each piece stands in the gold text
//! ([`place_pieces`], exact where its letters occur once, else by votes of
//! its stretches, since OCR misreads a glyph here and there), and from that
//! each piece's true successor: the piece that starts where it ends in the
//! same article ([`GoldText::true_successors`]). Why: real-OCR pages only
//! have gold articles, yet the weight fit and the truth diagnostics need
//! to know which piece truly follows which. Letters and digits are
//! compared lower-cased and alone, as OCR keeps them most faithfully
//! (spaces, hyphens and punctuation come and go).

use std::collections::HashMap;

use super::corpus::Case;

/// A text's letters and digits, lower-cased.
pub fn letters_and_digits(text: &str) -> Vec<char> {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A case's gold articles as one run of lower-case letters and digits, with
/// the article each character belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldText {
    pub chars: Vec<char>,
    pub article_of: Vec<usize>,
}

/// Where one piece stands in the gold text, `start..end` in [`GoldText`]
/// characters, and whether the place is certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub start: usize,
    pub end: usize,
    /// False where the piece occurs more than once and the first unused
    /// occurrence was taken, or where its stretches' votes were split.
    pub sure: bool,
}

/// Pieces with fewer letters and digits than this are not placed: they
/// occur all over the gold text.
pub const MIN_PLACED: usize = 3;

/// Pieces with at least this many letters and digits are placed first (an
/// exact occurrence of them is rarely a coincidence).
const LONG: usize = 10;

/// The stretch that votes for a misread piece's start.
const VOTE_WINDOW: usize = 6;

impl GoldText {
    /// The gold text of a case, its articles one after another.
    pub fn new(case: &Case) -> Self {
        Self::from_articles(case.gold.articles.iter().map(|a| a.text()))
    }

    /// The gold text of articles given in gold order.
    pub fn from_articles<S: AsRef<str>>(articles: impl IntoIterator<Item = S>) -> Self {
        let (mut chars, mut article_of) = (Vec::new(), Vec::new());
        for (a, article) in articles.into_iter().enumerate() {
            let text = letters_and_digits(article.as_ref());
            article_of.extend(std::iter::repeat_n(a, text.len()));
            chars.extend(text);
        }
        GoldText { chars, article_of }
    }

    /// Where `needle` starts in the gold text, every occurrence.
    pub fn occurrences(&self, needle: &[char]) -> Vec<usize> {
        if needle.is_empty() || needle.len() > self.chars.len() {
            return vec![];
        }
        (0..=self.chars.len() - needle.len())
            .filter(|&i| self.chars[i..i + needle.len()] == *needle)
            .collect()
    }

    /// Where a needle OCR misread in places most likely starts: the start
    /// its `window`-character stretches that occur once vote for most (the
    /// earliest on a tie).
    pub fn voted_start(&self, needle: &[char], window: usize) -> Option<usize> {
        self.votes(needle, window).first().map(|&(start, _)| start)
    }

    /// The starts a needle's `window`-character stretches that occur once
    /// vote for, with their votes, most votes first (earliest on a tie).
    fn votes(&self, needle: &[char], window: usize) -> Vec<(usize, usize)> {
        let mut votes: HashMap<usize, usize> = HashMap::new();
        for offset in 0..needle.len().saturating_sub(window - 1) {
            let hits = self.occurrences(&needle[offset..offset + window]);
            if hits.len() == 1 && hits[0] >= offset {
                *votes.entry(hits[0] - offset).or_default() += 1;
            }
        }
        let mut votes: Vec<(usize, usize)> = votes.into_iter().collect();
        votes.sort_by_key(|&(start, count)| (std::cmp::Reverse(count), start));
        votes
    }

    /// Each placed span's true successor: the span that starts nearest to
    /// where it ends, in the same article, at most `overlap` characters
    /// before its end (placements overlap where OCR doubled a glyph) and
    /// less than `gap` after it (a glyph or two OCR dropped).
    pub fn true_successors(
        &self,
        spans: &[Option<(usize, usize)>],
        overlap: usize,
        gap: usize,
    ) -> Vec<Option<usize>> {
        (0..spans.len())
            .map(|i| {
                let (_, end) = spans[i]?;
                let article = self.article_of[end.saturating_sub(1)];
                (0..spans.len())
                    .filter(|&j| j != i)
                    .filter_map(|j| spans[j].map(|(s, _)| (j, s)))
                    .filter(|&(_, s)| s + overlap >= end && s < end + gap && self.article_of[s] == article)
                    .min_by_key(|&(_, s)| s.abs_diff(end))
                    .map(|(j, _)| j)
            })
            .collect()
    }

    /// Whether the article of the character before `end` ends less than
    /// `gap` characters after `end`: a span ending there has no successor
    /// in its article (OCR may have dropped its last glyph).
    pub fn ends_article(&self, end: usize, gap: usize) -> bool {
        let Some(&article) = self.article_of.get(end.saturating_sub(1)) else { return false };
        (end..end + gap).any(|k| self.article_of.get(k).is_none_or(|&a| a != article))
    }
}

/// Places pieces in the gold text: long pieces first (they occur once), an
/// exact occurrence not taken by an earlier piece where there is one (the
/// first of several for a long piece; a short piece only where it is the
/// only one), else the start its stretches vote for. Pieces with fewer
/// than [`MIN_PLACED`] letters and digits, or with no occurrence and no
/// votes, stay unplaced.
pub fn place_pieces(gold: &GoldText, texts: &[&str]) -> Vec<Option<Placement>> {
    let mut used = vec![false; gold.chars.len()];
    let mut placed: Vec<Option<Placement>> = vec![None; texts.len()];
    for long in [true, false] {
        for (index, text) in texts.iter().enumerate() {
            let needle = letters_and_digits(text);
            if needle.len() < MIN_PLACED || (needle.len() >= LONG) != long {
                continue;
            }
            let all = gold.occurrences(&needle);
            let found: Vec<usize> = all.iter().copied().filter(|&s| !used[s]).collect();
            let exact = if found.len() == 1 || (long && !found.is_empty()) {
                found.first().map(|&start| (start, all.len() == 1))
            } else {
                None
            };
            let place = exact.or_else(|| {
                let votes = gold.votes(&needle, VOTE_WINDOW);
                let &(start, count) = votes.first()?;
                // Votes split between two starts leave the place in doubt.
                let runner_up = votes.get(1).map_or(0, |&(_, c)| c);
                Some((start, all.is_empty() && count >= 2 && count > 2 * runner_up))
            });
            if let Some((start, sure)) = place {
                let end = (start + needle.len()).min(gold.chars.len());
                used[start..end].iter_mut().for_each(|u| *u = true);
                placed[index] = Some(Placement { start, end, sure });
            }
        }
    }
    placed
}

/// The true successor of each piece where it is certain: `Some(Some(j))`
/// when piece `j` follows it, `Some(None)` when it ends its article, `None`
/// when the truth is in doubt (the piece, or a piece that could follow it,
/// is unplaced or placed unsure). A successor must start within one
/// character of the piece's end (a doubled or dropped glyph), be the only
/// piece starting there, and no piece too short to place may fit in
/// between.
pub fn certain_successors(gold: &GoldText, texts: &[&str]) -> Vec<Option<Option<usize>>> {
    let placed = place_pieces(gold, texts);
    let spans: Vec<Option<(usize, usize)>> = placed.iter().map(|p| p.map(|p| (p.start, p.end))).collect();
    let successors = gold.true_successors(&spans, 1, 2);
    // The letters of pieces too short to place, which could stand between
    // two placed pieces unseen.
    let short: Vec<Vec<char>> = texts
        .iter()
        .map(|t| letters_and_digits(t))
        .filter(|n| !n.is_empty() && n.len() < MIN_PLACED)
        .collect();
    let short_fits_at =
        |at: usize| short.iter().any(|n| gold.chars.get(at..at + n.len()) == Some(n.as_slice()));
    // Pieces that start where a piece ends, as its successor would (two
    // of them leave it in doubt, as where OCR read a line twice).
    let starting_near = |end: usize| {
        let article = gold.article_of[end.saturating_sub(1)];
        spans
            .iter()
            .flatten()
            .filter(|&&(s, _)| s + 1 >= end && s < end + 2 && gold.article_of[s] == article)
            .count()
    };
    (0..texts.len())
        .map(|i| {
            let here = placed[i].filter(|p| p.sure)?;
            if short_fits_at(here.end) || starting_near(here.end) > 1 {
                return None;
            }
            match successors[i] {
                Some(j) if placed[j].is_some_and(|p| p.sure) => Some(Some(j)),
                Some(_) => None,
                None if gold.ends_article(here.end, 2) => Some(None),
                None => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(articles: &[&str]) -> GoldText {
        GoldText::from_articles(articles.iter().copied())
    }

    #[test]
    fn gold_text_keeps_letters_and_digits_lower_cased_with_their_article() {
        let g = gold(&["Ab-c 1", "Dé!"]);
        assert_eq!(g.chars, vec!['a', 'b', 'c', '1', 'd', 'é']);
        assert_eq!(g.article_of, vec![0, 0, 0, 0, 1, 1]);
    }

    #[test]
    fn a_misread_piece_is_placed_by_the_votes_of_its_stretches() {
        let g = gold(&["the lantern keeper walked along the quiet harbour wall"]);
        let needle = letters_and_digits("lantern keeqer walked");
        assert_eq!(g.occurrences(&needle), Vec::<usize>::new());
        assert_eq!(g.voted_start(&needle, 6), Some(3));
    }

    #[test]
    fn pieces_follow_where_they_meet_in_the_same_article() {
        let g = gold(&["the lantern keeper walked along", "a quiet harbour wall stood"]);
        let texts = ["the lantern", "keeper walked along", "a quiet harbour", "wall stood"];
        let truth = certain_successors(&g, &texts);
        assert_eq!(truth, vec![Some(Some(1)), Some(None), Some(Some(3)), Some(None)]);
    }

    #[test]
    fn a_short_piece_that_could_stand_between_leaves_the_successor_in_doubt() {
        let g = gold(&["the lantern keeper 7 walked along the wall"]);
        let texts = ["the lantern keeper", "7", "walked along the wall"];
        let truth = certain_successors(&g, &texts);
        // Without the short piece, the third would seem to follow the first
        // (one character apart, as where OCR dropped a glyph).
        assert_eq!(certain_successors(&g, &[texts[0], texts[2]])[0], Some(Some(1)));
        assert_eq!(truth[0], None, "'7' could follow the first piece");
        assert_eq!(truth[2], Some(None));
    }

    #[test]
    fn a_repeated_piece_is_not_placed_for_sure() {
        let g = gold(&["the grey harbour stone and more of the grey harbour stone walls"]);
        let texts = ["the grey harbour stone", "and more of", "the grey harbour stone", "walls"];
        let placed = place_pieces(&g, &texts);
        // Each copy takes an occurrence of its own, neither for sure.
        assert!(placed[0].is_some_and(|p| p.start == 0 && !p.sure));
        assert!(placed[2].is_some_and(|p| p.start > 0 && !p.sure));
        assert!(placed[1].is_some_and(|p| p.sure));
        let truth = certain_successors(&g, &texts);
        assert_eq!(truth[0], None);
        assert_eq!(truth[1], None, "its successor is placed unsure");
        assert_eq!(truth[3], Some(None));
    }

    #[test]
    fn a_short_piece_found_twice_stays_unplaced() {
        let g = gold(&["grey stone and more grey stone"]);
        let placed = place_pieces(&g, &["grey stone", "and more"]);
        assert_eq!(placed[0], None);
        assert!(placed[1].is_some_and(|p| p.sure));
    }

    #[test]
    fn two_pieces_starting_where_a_piece_ends_leave_its_successor_in_doubt() {
        let g = gold(&["the lantern keeper walked along"]);
        // OCR read the second line twice.
        let texts = ["the lantern keeper", "walked along", "walked along"];
        assert_eq!(certain_successors(&g, &texts[..2])[0], Some(Some(1)));
        assert_eq!(certain_successors(&g, &texts)[0], None);
    }

    #[test]
    fn a_piece_whose_successor_is_lost_in_ocr_has_no_certain_truth() {
        let g = gold(&["the lantern keeper walked along the quiet harbour wall"]);
        // The second piece is unreadable: the first piece's end is not its
        // article's end, so its truth is unknown rather than "none".
        let texts = ["the lantern keeper", "xxqq zzvv", "the quiet harbour wall"];
        let truth = certain_successors(&g, &texts);
        assert_eq!(truth[0], None);
        assert_eq!(truth[2], Some(None));
    }
}

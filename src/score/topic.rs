//! Topic signal: do two stretches of text talk about the same thing?
//!
//! In: texts, and the page they come from. Out: a similarity in [0, 1] — the
//! cosine of their content-token counts (Han character bigrams for CJK,
//! lower-cased words of four or more letters for Latin scripts), each token
//! weighted by its inverse document frequency over the page's blocks, so
//! that words every article uses ("工作", "said") count little and names and
//! terms count much. Why: a run of paragraphs with no headline of its own
//! belongs to the article it shares names and terms with; a new article
//! without a recognised headline shares few.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::parse::chars::is_han;
use crate::parse::{Page, PieceId};

/// A content token as a number: a Han bigram is its two code points (exact),
/// a Latin word a 64-bit hash of its lower-cased letters, with the top bit
/// set so the two kinds never meet. Tokens are counted and compared
/// hundreds of thousands of times a page; numbers keep that cheap.
type Token = u64;

const WORD_BIT: u64 = 1 << 63;

fn bigram(a: char, b: char) -> Token {
    (u64::from(a) << 21) | u64::from(b)
}

fn word(text: &str) -> Token {
    // FNV-1a over the lower-cased characters.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for c in text.chars().flat_map(char::to_lowercase) {
        hash ^= u64::from(c);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash | WORD_BIT
}

fn tokens(text: &str, mut each: impl FnMut(Token)) {
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = previous.filter(|&p| is_han(p) && is_han(c)) {
            each(bigram(p, c));
        }
        previous = Some(c);
    }
    for piece in text.split(|c: char| !c.is_alphanumeric()) {
        if piece.chars().count() >= 4 && piece.chars().all(|c| c.is_alphabetic() && !is_han(c)) {
            each(word(piece));
        }
    }
}

/// Topic similarity at and above which two runs of Latin script share more
/// than common words: word profiles of unrelated Latin articles share
/// content words (reporting verbs, titles) to about 0.05 to 0.07. The
/// assembly stages join a Latin run to an article, or a cut article to a
/// column, only at this bar (see their constants for the measurements).
pub const LATIN_RELATED: f64 = 0.08;

/// Inverse document frequencies of a page's tokens, blocks as documents.
/// The default weighs every token alike.
#[derive(Debug, Clone)]
pub struct Idf {
    weights: FxHashMap<Token, f64>,
    unseen: f64,
}

impl Default for Idf {
    fn default() -> Self {
        Idf { weights: FxHashMap::default(), unseen: 1.0 }
    }
}

impl Idf {
    pub fn from_page(page: &Page) -> Self {
        let mut df: FxHashMap<Token, usize> = FxHashMap::default();
        let mut seen = FxHashSet::default();
        for block in &page.blocks {
            seen.clear();
            for line in &page.lines[block.clone()] {
                for piece in &page.pieces[line.pieces.clone()] {
                    tokens(&piece.text, |t| {
                        seen.insert(t);
                    });
                }
            }
            for &token in &seen {
                *df.entry(token).or_default() += 1;
            }
        }
        let n = page.blocks.len().max(1) as f64;
        Idf {
            weights: df.into_iter().map(|(t, d)| (t, (n / d as f64).ln() + 1.0)).collect(),
            unseen: n.ln() + 1.0,
        }
    }

    /// The same weights as [`Idf::from_page`], read off the profiles of
    /// the page's lines (one per line, in order) that the caller has built
    /// anyway: tokenising the page's text is the costly part.
    pub fn from_line_profiles(page: &Page, lines: &[Profile]) -> Self {
        let mut df: FxHashMap<Token, usize> = FxHashMap::default();
        let mut seen = FxHashSet::default();
        for block in &page.blocks {
            seen.clear();
            for profile in &lines[block.clone()] {
                seen.extend(profile.counts.keys().copied());
            }
            for &token in &seen {
                *df.entry(token).or_default() += 1;
            }
        }
        let n = page.blocks.len().max(1) as f64;
        Idf {
            weights: df.into_iter().map(|(t, d)| (t, (n / d as f64).ln() + 1.0)).collect(),
            unseen: n.ln() + 1.0,
        }
    }

    fn weight(&self, token: Token) -> f64 {
        self.weights.get(&token).copied().unwrap_or(self.unseen)
    }
}

/// Content-token counts of a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    counts: FxHashMap<Token, u32>,
}

impl Profile {
    pub fn new() -> Self {
        Profile::default()
    }

    /// Number of distinct tokens.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Adds the counts of another profile.
    pub fn merge(&mut self, other: &Profile) {
        if self.counts.is_empty() {
            // A copy of the table, not an insertion a token at a time: the
            // topic windows and new articles start so, and on a large page
            // their tables hold millions of tokens.
            self.counts.clone_from(&other.counts);
            return;
        }
        for (&token, &count) in &other.counts {
            *self.counts.entry(token).or_default() += count;
        }
    }

    /// Adds the counts of another profile it may take: the smaller table
    /// is added into the larger (the sums are the same either way), so an
    /// article growing by small runs, or a small one taking a long run,
    /// does not walk the longer one.
    pub fn absorb(&mut self, mut other: Profile) {
        if other.counts.len() > self.counts.len() {
            std::mem::swap(self, &mut other);
        }
        for (token, count) in other.counts {
            *self.counts.entry(token).or_default() += count;
        }
    }

    /// Adds the content tokens of `text`.
    pub fn add(&mut self, text: &str) {
        tokens(text, |t| *self.counts.entry(t).or_default() += 1);
    }

    /// The profile as a weighted vector, ready for repeated comparisons.
    pub fn vector(&self, idf: &Idf) -> Vector {
        self.vector_of_top(idf, usize::MAX)
    }

    /// The vector of the `limit` heaviest tokens only: enough to tell a
    /// topic, and bounded however long the text.
    pub fn vector_of_top(&self, idf: &Idf, limit: usize) -> Vector {
        let mut entries: Vec<(u64, f64)> =
            self.counts.iter().map(|(&t, &c)| (t, c as f64 * idf.weight(t))).collect();
        if entries.len() > limit {
            let heaviest_first = |a: &(u64, f64), b: &(u64, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            entries.select_nth_unstable_by(limit, heaviest_first);
            entries.truncate(limit);
        }
        entries.sort_by_key(|e| e.0);
        let norm = entries.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
        Vector { entries, norm }
    }
}

/// A profile weighted by inverse document frequency, sorted by token key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vector {
    entries: Vec<(u64, f64)>,
    norm: f64,
}

impl Vector {
    /// Cosine similarity; 0 when either vector is empty.
    pub fn cosine(&self, other: &Vector) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < self.entries.len() && j < other.entries.len() {
            let (a, b) = (self.entries[i], other.entries[j]);
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a.1 * b.1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot / (self.norm * other.norm)
    }
}

/// Cosine of the word profiles of up to `cells` cells of `before` (read
/// back from its end) and of `after` (from its start): how alike the text
/// on the two sides of a junction is, near it (`cells` of a few lines) or
/// over whole sides (`f32::INFINITY`).
pub fn window_cosine(page: &Page, idf: &Idf, before: &[PieceId], after: &[PieceId], cells: f32) -> f64 {
    let window = |ids: &mut dyn Iterator<Item = &PieceId>| {
        let mut profile = Profile::new();
        let mut seen = 0.0;
        for &id in ids {
            if seen >= cells {
                break;
            }
            profile.add(&page.piece(id).text);
            seen += page.piece(id).cells;
        }
        profile.vector(idf)
    };
    window(&mut before.iter().rev()).cosine(&window(&mut after.iter()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    fn profile(text: &str) -> Profile {
        let mut p = Profile::new();
        p.add(text);
        p
    }

    impl Profile {
        fn similarity(&self, other: &Profile, idf: &Idf) -> f64 {
            self.vector(idf).cosine(&other.vector(idf))
        }
    }

    #[test]
    fn shared_terms_score_higher_than_unrelated_text() {
        let idf = Idf::default();
        let a = profile("全市公交线路将于下月起调整，涉及二十多条公交线路。");
        let b = profile("调整后的公交线路覆盖新建小区。");
        let c = profile("今年夏天这个地区的降雨量明显偏多。");
        assert!(a.similarity(&b, &idf) > a.similarity(&c, &idf));
        let d = profile("The central bank raised interest rates again.");
        let e = profile("Interest rates at the central bank were raised.");
        let f = profile("The football season opened with a surprise.");
        assert!(d.similarity(&e, &idf) > d.similarity(&f, &idf));
    }

    #[test]
    fn words_every_block_uses_weigh_less() {
        let page = parse_page("公交工作。\n\n降雨工作。\n\n公交线路工作。\n", 0, 1);
        let idf = Idf::from_page(&page);
        let weight = |text: &str| {
            let mut chars = text.chars();
            idf.weight(bigram(chars.next().unwrap(), chars.next().unwrap()))
        };
        assert!(weight("工作") < weight("公交"));
        assert!(weight("公交") < weight("降雨"));
    }

    #[test]
    fn the_weights_from_line_profiles_are_those_from_the_page() {
        let text =
            "公交线路调整。\nThe central bank\n\n降雨工作。公交\n\nInterest rates rose.\n公交线路工作。\n";
        let page = parse_page(text, 0, 1);
        let lines: Vec<Profile> = page
            .lines
            .iter()
            .map(|line| {
                let mut profile = Profile::new();
                for piece in &page.pieces[line.pieces.clone()] {
                    profile.add(&piece.text);
                }
                profile
            })
            .collect();
        let (from_page, from_lines) = (Idf::from_page(&page), Idf::from_line_profiles(&page, &lines));
        assert!(!from_page.weights.is_empty());
        assert_eq!(from_page.weights, from_lines.weights);
        assert_eq!(from_page.unseen, from_lines.unseen);
    }

    #[test]
    fn merging_or_absorbing_counts_as_adding_the_texts_together() {
        let (short, long) = ("港口扩建工程 harbour", "港口货运量增长 harbour freight volumes grew 港口");
        let together = profile(&format!("{short} {long}"));
        for (first, second) in [(short, long), (long, short)] {
            let mut merged = Profile::new();
            merged.merge(&profile(first));
            merged.merge(&profile(second));
            assert_eq!(merged, together);
            let mut absorbed = profile(first);
            absorbed.absorb(profile(second));
            assert_eq!(absorbed, together);
        }
    }

    #[test]
    fn empty_profiles_are_unrelated() {
        assert_eq!(profile("").similarity(&profile("公交线路"), &Idf::default()), 0.0);
    }
}

//! Topic signal: do two stretches of text talk about the same thing?
//!
//! In: texts. Out: a similarity in [0, 1] — the cosine of their content-token
//! counts (Han character bigrams for CJK, lower-cased words of four or more
//! letters for Latin scripts). Why: a run of paragraphs with no headline of
//! its own belongs to the article it shares names and terms with; a new
//! article without a recognised headline shares few.

use std::collections::HashMap;

use crate::parse::chars::is_han;

/// Content-token counts of a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    counts: HashMap<String, u32>,
    norm: f64,
}

impl Profile {
    pub fn new() -> Self {
        Profile::default()
    }

    /// Adds the content tokens of `text`.
    pub fn add(&mut self, text: &str) {
        let chars: Vec<char> = text.chars().collect();
        for pair in chars.windows(2) {
            if is_han(pair[0]) && is_han(pair[1]) {
                *self.counts.entry(pair.iter().collect()).or_default() += 1;
            }
        }
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().count() >= 4 && word.chars().all(|c| c.is_alphabetic() && !is_han(c)) {
                *self.counts.entry(word.to_lowercase()).or_default() += 1;
            }
        }
        self.norm = self.counts.values().map(|&c| (c as f64).powi(2)).sum::<f64>().sqrt();
    }

    /// Cosine similarity of two profiles; 0 when either is empty.
    pub fn similarity(&self, other: &Profile) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (small, large) =
            if self.counts.len() <= other.counts.len() { (self, other) } else { (other, self) };
        let dot: f64 = small
            .counts
            .iter()
            .filter_map(|(token, &a)| large.counts.get(token).map(|&b| a as f64 * b as f64))
            .sum();
        dot / (self.norm * other.norm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(text: &str) -> Profile {
        let mut p = Profile::new();
        p.add(text);
        p
    }

    #[test]
    fn shared_terms_score_higher_than_unrelated_text() {
        let a = profile("全市公交线路将于下月起调整，涉及二十多条公交线路。");
        let b = profile("调整后的公交线路覆盖新建小区。");
        let c = profile("今年夏天这个地区的降雨量明显偏多。");
        assert!(a.similarity(&b) > a.similarity(&c));
        let d = profile("The central bank raised interest rates again.");
        let e = profile("Interest rates at the central bank were raised.");
        let f = profile("The football season opened with a surprise.");
        assert!(d.similarity(&e) > d.similarity(&f));
    }

    #[test]
    fn empty_profiles_are_unrelated() {
        assert_eq!(profile("").similarity(&profile("公交线路")), 0.0);
    }
}

//! The measures: article F1, junction accuracy, conservation.
//!
//! In: gold articles (and, where known, the gold order of input pieces) and
//! the engine's articles. Out: numbers. Why: every change to the engine must
//! show whether it helped.
//!
//! * Article F1: an article's text is its title, paragraphs and byline, with
//!   whitespace removed for CJK and collapsed for Latin scripts. Gold and
//!   output articles are matched one to one so as to maximise the total
//!   longest-common-subsequence length (Hungarian method); recall is matched
//!   LCS over gold characters, precision matched LCS over output characters.
//! * Junction accuracy: the share of consecutive gold pieces that stay
//!   consecutive in some output article (the text around the junction,
//!   whitespace and a soft hyphen aside, occurs in that article).
//! * Conservation: characters lost and added against the input.

use std::collections::HashMap;

/// Normalises text for comparison.
pub fn normalise(text: &str, cjk: bool) -> Vec<char> {
    if cjk {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        let mut out = Vec::new();
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars());
        }
        out
    }
}

/// Length of the longest common subsequence of `a` and `b`, by the
/// bit-parallel algorithm of Hyyrö (2004): O(|a|·|b|/64) word operations,
/// fast enough to compare every gold article with every output article.
pub fn lcs_len(a: &[char], b: &[char]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let words = short.len().div_ceil(64);
    let mut masks: HashMap<char, Vec<u64>> = HashMap::new();
    for (i, &c) in short.iter().enumerate() {
        masks.entry(c).or_insert_with(|| vec![0; words])[i / 64] |= 1 << (i % 64);
    }
    let zero = vec![0u64; words];
    // v holds ones where the LCS has not grown; starts all ones.
    let mut v = vec![u64::MAX; words];
    for c in long {
        let m = masks.get(c).unwrap_or(&zero);
        let mut carry = 0u64;
        for k in 0..words {
            let u = v[k] & m[k];
            let (sum1, o1) = v[k].overflowing_add(u);
            let (sum2, o2) = sum1.overflowing_add(carry);
            carry = (o1 || o2) as u64;
            v[k] = sum2 | (v[k] & !m[k]);
        }
    }
    let mut zeros = 0;
    for (k, word) in v.iter().enumerate() {
        let bits = if k + 1 == words && short.len() % 64 != 0 { short.len() % 64 } else { 64 };
        let mask = if bits == 64 { u64::MAX } else { (1u64 << bits) - 1 };
        zeros += (!word & mask).count_ones() as usize;
    }
    zeros
}

/// Maximum-weight one-to-one assignment of rows to columns (Hungarian
/// method on the negated matrix). Returns, for each row, its column or None.
pub fn best_assignment(weights: &[Vec<i64>]) -> Vec<Option<usize>> {
    let rows = weights.len();
    let cols = weights.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 {
        return vec![None; rows];
    }
    let n = rows.max(cols);
    let max = weights.iter().flatten().copied().max().unwrap_or(0);
    // Square cost matrix, 1-based as in the textbook formulation.
    let cost = |i: usize, j: usize| -> i64 {
        if i <= rows && j <= cols {
            max - weights[i - 1][j - 1]
        } else {
            max
        }
    };
    let inf = i64::MAX / 4;
    let (mut u, mut v) = (vec![0i64; n + 1], vec![0i64; n + 1]);
    let (mut p, mut way) = (vec![0usize; n + 1], vec![0usize; n + 1]);
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost(i0, j) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut assignment = vec![None; rows];
    for j in 1..=n {
        if p[j] >= 1 && p[j] <= rows && j <= cols {
            assignment[p[j] - 1] = Some(j - 1);
        }
    }
    assignment
}

/// Article-level agreement of output with gold.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ArticleMatch {
    pub matched: usize,
    pub gold_chars: usize,
    pub output_chars: usize,
}

impl ArticleMatch {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.output_chars)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold_chars)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Matches gold and output articles one to one, maximising total LCS.
pub fn match_articles(gold: &[Vec<char>], output: &[Vec<char>]) -> ArticleMatch {
    let weights: Vec<Vec<i64>> =
        gold.iter().map(|g| output.iter().map(|o| lcs_len(g, o) as i64).collect()).collect();
    let assignment = best_assignment(&weights);
    let matched = assignment.iter().enumerate().filter_map(|(i, j)| j.map(|j| weights[i][j] as usize)).sum();
    ArticleMatch {
        matched,
        gold_chars: gold.iter().map(Vec::len).sum(),
        output_chars: output.iter().map(Vec::len).sum(),
    }
}

/// Characters each side of a junction that must appear together.
const JUNCTION_CONTEXT: usize = 8;

/// Counts gold junctions kept: `(kept, total)`. `output` holds each output
/// article's text with all whitespace removed.
pub fn junctions_kept(gold_pieces: &[Vec<String>], output: &[String]) -> (usize, usize) {
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let (mut kept, mut total) = (0, 0);
    for article in gold_pieces {
        for pair in article.windows(2) {
            let left = squeeze(&pair[0]);
            let right = squeeze(&pair[1]);
            if left.is_empty() || right.is_empty() {
                continue;
            }
            total += 1;
            let tail = |s: &str| -> String {
                let chars: Vec<char> = s.chars().collect();
                chars[chars.len().saturating_sub(JUNCTION_CONTEXT)..].iter().collect()
            };
            let head: String = right.chars().take(JUNCTION_CONTEXT).collect();
            let joined = format!("{}{}", tail(&left), head);
            // A soft hyphen may have been removed by the join.
            let dehyphenated = left
                .strip_suffix(['-', '\u{00AD}', '\u{2010}', '¬', '⸗'])
                .map(|stem| format!("{}{}", tail(stem), head));
            let found = output.iter().any(|o| {
                o.contains(&joined) || dehyphenated.as_ref().is_some_and(|d| o.contains(d.as_str()))
            });
            if found {
                kept += 1;
            }
        }
    }
    (kept, total)
}

/// Non-whitespace characters of `input` missing from `output` (lost) and
/// present in `output` beyond `input` (added), allowing for `hyphens`
/// removed line-end hyphens.
pub fn conservation(input: &str, output: &str, hyphens: usize) -> (usize, usize) {
    let mut counts: HashMap<char, i64> = HashMap::new();
    for c in input.chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_default() += 1;
    }
    for c in output.chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_default() -= 1;
    }
    let mut hyphens = hyphens as i64;
    let (mut lost, mut added) = (0usize, 0usize);
    for (c, n) in counts {
        let mut n = n;
        if n > 0 && crate::parse::chars::is_line_end_hyphen(c) {
            let used = n.min(hyphens);
            hyphens -= used;
            n -= used;
        }
        if n > 0 {
            lost += n as usize;
        } else {
            added += (-n) as usize;
        }
    }
    (lost, added)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn naive_lcs(a: &[char], b: &[char]) -> usize {
        let mut dp = vec![vec![0; b.len() + 1]; a.len() + 1];
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                dp[i][j] =
                    if a[i - 1] == b[j - 1] { dp[i - 1][j - 1] + 1 } else { dp[i - 1][j].max(dp[i][j - 1]) };
            }
        }
        dp[a.len()][b.len()]
    }

    #[test]
    fn bit_parallel_lcs_agrees_with_the_textbook() {
        let cases = [("ABCBDAB", "BDCABA"), ("", "abc"), ("春眠不觉晓处处闻啼鸟", "处处闻啼鸟春眠不觉晓")];
        for (a, b) in cases {
            assert_eq!(lcs_len(&chars(a), &chars(b)), naive_lcs(&chars(a), &chars(b)), "{a} {b}");
        }
        // Longer than one machine word.
        let a: Vec<char> = (0..200).map(|i| char::from(b'a' + (i * 7 % 26) as u8)).collect();
        let b: Vec<char> = (0..150).map(|i| char::from(b'a' + (i * 11 % 26) as u8)).collect();
        assert_eq!(lcs_len(&a, &b), naive_lcs(&a, &b));
    }

    #[test]
    fn assignment_maximises_total() {
        let w = vec![vec![5, 9], vec![4, 10], vec![1, 1]];
        // Best: row0->col0 (5) + row1->col1 (10) = 15.
        assert_eq!(best_assignment(&w), vec![Some(0), Some(1), None]);
    }

    #[test]
    fn perfect_output_scores_one_and_split_articles_less() {
        let gold = vec![chars("甲乙丙丁"), chars("戊己庚辛")];
        assert_eq!(match_articles(&gold, &gold).f1(), 1.0);
        let merged = vec![chars("甲乙丙丁戊己庚辛")];
        let m = match_articles(&gold, &merged);
        assert_eq!(m.recall(), 0.5);
        assert_eq!(m.precision(), 0.5);
    }

    #[test]
    fn junctions_found_across_whitespace_and_soft_hyphens() {
        let gold = vec![vec!["the gov-".to_string(), "ernment said".to_string(), "nothing".to_string()]];
        assert_eq!(junctions_kept(&gold, &["thegovernmentsaidnothing".to_string()]), (2, 2));
        assert_eq!(junctions_kept(&gold, &["nothingthegovernmentsaid".to_string()]), (1, 2));
    }

    #[test]
    fn conservation_counts_lost_and_added() {
        assert_eq!(conservation("ab c", "a b", 0), (1, 0));
        assert_eq!(conservation("gov- ernment", "government", 1), (0, 0));
        assert_eq!(conservation("ab", "abb", 0), (0, 1));
    }
}

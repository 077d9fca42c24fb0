//! Fit the junction weights on generated scrambles.
//!
//! In: corpus cases whose gold lists the input pieces in reading order (the
//! synthetic family). Out: [`Weights`] of a logistic model of "B truly
//! follows A" over every layout candidate, and how many true junctions the
//! layout candidates contain at all (their recall bounds what any weights
//! can reach). Why: hand-set weights encode one person's guess; fitted ones
//! encode what the scrambles show. Fit on the development split only and
//! report the held-out split, so the reported numbers are not fitted.

use std::collections::{HashMap, HashSet, VecDeque};

use super::corpus::Case;
use crate::parse::{self, PieceId};
use crate::score::{self, Feature, Weights};

/// One labelled candidate junction.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub features: Vec<f32>,
    pub truth: bool,
}

/// Labelled candidates of a set of cases, and the recall of the candidates.
#[derive(Debug, Clone, Default)]
pub struct TrainingSet {
    pub samples: Vec<Sample>,
    /// Gold junctions whose two pieces the parser found.
    pub gold_junctions: usize,
    /// Of those, how many the layout offered as candidates.
    pub covered: usize,
}

/// Maps gold pieces to parsed pieces by their text, first unused occurrence
/// in input order; returns the gold junctions as pairs of piece ids.
pub fn gold_junctions(page: &parse::Page, gold: &[Vec<String>]) -> HashSet<(PieceId, PieceId)> {
    let mut by_text: HashMap<&str, VecDeque<PieceId>> = HashMap::new();
    for id in page.ids() {
        by_text.entry(page.piece(id).text.as_str()).or_default().push_back(id);
    }
    let mut pairs = HashSet::new();
    for article in gold {
        let ids: Vec<Option<PieceId>> =
            article.iter().map(|text| by_text.get_mut(text.trim()).and_then(VecDeque::pop_front)).collect();
        for pair in ids.windows(2) {
            if let [Some(a), Some(b)] = pair {
                pairs.insert((*a, *b));
            }
        }
    }
    pairs
}

/// Collects labelled candidates from every case with gold pieces.
pub fn training_set<'a>(cases: impl IntoIterator<Item = &'a Case>) -> TrainingSet {
    let mut set = TrainingSet::default();
    for case in cases {
        let Some(gold) = &case.gold.pieces else { continue };
        for page in parse::parse_document(&case.input, None) {
            let truth = gold_junctions(&page, gold);
            let candidates = score::candidate_features(&page);
            set.gold_junctions += truth.len();
            set.covered += candidates.iter().filter(|(l, _)| truth.contains(&(l.from, l.to))).count();
            set.samples.extend(
                candidates
                    .into_iter()
                    .map(|(link, f)| Sample { features: f.0, truth: truth.contains(&(link.from, link.to)) }),
            );
        }
    }
    set
}

/// Fits an L2-regularised logistic regression by Newton's method.
pub fn fit(samples: &[Sample], l2: f64) -> Weights {
    let n = Feature::ALL.len() + 1; // bias last
    let mut w = vec![0.0f64; n];
    for _ in 0..25 {
        let mut gradient = vec![0.0f64; n];
        let mut hessian = vec![vec![0.0f64; n]; n];
        for sample in samples {
            let x: Vec<f64> = sample.features.iter().map(|&v| v as f64).chain([1.0]).collect();
            let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = if sample.truth { 1.0 } else { 0.0 };
            let r = p * (1.0 - p);
            for i in 0..n {
                if x[i] == 0.0 {
                    continue;
                }
                gradient[i] += (p - y) * x[i];
                for j in 0..n {
                    hessian[i][j] += r * x[i] * x[j];
                }
            }
        }
        for i in 0..n - 1 {
            gradient[i] += l2 * w[i];
            hessian[i][i] += l2;
        }
        hessian[n - 1][n - 1] += 1e-9;
        let Some(step) = solve(hessian, gradient) else { break };
        let mut change = 0.0f64;
        for i in 0..n {
            w[i] -= step[i];
            change = change.max(step[i].abs());
        }
        if change < 1e-6 {
            break;
        }
    }
    let values: Vec<f32> = w[..n - 1].iter().map(|&v| (v * 1000.0).round() as f32 / 1000.0).collect();
    Weights::from_vector((w[n - 1] * 1000.0).round() as f32 / 1000.0, &values)
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let (upper, lower) = a.split_at_mut(col + 1);
        let pivot_row = &upper[col];
        for (offset, row) in lower.iter_mut().enumerate() {
            let factor = row[col] / pivot_row[col];
            for (cell, above) in row[col..].iter_mut().zip(&pivot_row[col..]) {
                *cell -= factor * above;
            }
            b[col + 1 + offset] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let sum: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - sum) / a[row][row];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separable_feature_gets_a_large_positive_weight() {
        let mut samples = Vec::new();
        for i in 0..200 {
            let mut features = vec![0.0; Feature::ALL.len()];
            let truth = i % 3 == 0;
            features[Feature::Word as usize] = if truth { 1.0 } else { 0.0 };
            // Noise feature, independent of the truth.
            features[Feature::LeftFull as usize] = (i % 2) as f32;
            samples.push(Sample { features, truth });
        }
        let weights = fit(&samples, 1.0);
        assert!(weights.features["text.word"] > 2.0, "{weights:?}");
        assert!(weights.features["width.left_full"].abs() < 0.5, "{weights:?}");
    }

    #[test]
    fn solver_solves() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]).unwrap();
        assert!((x[0] - 0.8).abs() < 1e-9 && (x[1] - 1.4).abs() < 1e-9);
    }
}

//! Fit the junction weights on the corpus's true junctions.
//!
//! In: corpus cases whose gold lists the input pieces in reading order (the
//! synthetic family), and cases with gold articles only (real OCR), whose
//! true junctions come from placing each piece in the gold text
//! ([`super::placement`]; pieces placed with doubt are left out). Out:
//! [`Weights`] of a choice model: for every piece,
//! which of its layout candidates truly follows it, or none ([`fit_choice`],
//! a conditional logit whose "none" option scores 0, the threshold the
//! assembler uses). It learns to tell a piece's candidates apart, which is
//! the decision the assembler makes (a plain logistic model over all
//! candidates did worse on held-out cases). Also reported: how many true
//! junctions the layout candidates contain at all (their recall bounds what
//! any weights can reach). Fit on the development split only and report the
//! held-out split, so the reported numbers are not fitted.

use std::collections::{HashMap, HashSet, VecDeque};

use super::corpus::Case;
use super::placement::{certain_successors, GoldText};
use crate::parse::{self, PieceId};
use crate::score::{self, Feature, Weights};

/// The candidates of one piece whose true successor is known: the index of
/// the true one, or `None` when the piece has no successor among them.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub candidates: Vec<Vec<f32>>,
    pub truth: Option<usize>,
}

/// Labelled candidates of a set of cases, and the recall of the candidates.
#[derive(Debug, Clone, Default)]
pub struct TrainingSet {
    pub choices: Vec<Choice>,
    /// Candidate junctions seen, over all pieces.
    pub candidates: usize,
    /// Gold junctions whose two pieces the parser found.
    pub gold_junctions: usize,
    /// Of those, how many the layout offered as candidates.
    pub covered: usize,
    /// Choices taken from pages without gold pieces (real OCR).
    pub placed_choices: usize,
    /// True junctions of those pages known from placement in the gold text.
    pub placed_junctions: usize,
    /// Of those, how many the layout offered as candidates.
    pub placed_covered: usize,
}

/// Maps gold pieces to parsed pieces by their text, first unused occurrence
/// in input order; returns the gold junctions as pairs of piece ids.
pub fn gold_junctions(page: &parse::Page, gold: &[Vec<String>]) -> HashSet<(PieceId, PieceId)> {
    gold_mapping(page, gold).0
}

/// The gold junctions, and every parsed piece that a gold piece maps to.
fn gold_mapping(page: &parse::Page, gold: &[Vec<String>]) -> (HashSet<(PieceId, PieceId)>, HashSet<PieceId>) {
    let mut by_text: HashMap<&str, VecDeque<PieceId>> = HashMap::new();
    for id in page.ids() {
        by_text.entry(page.piece(id).text.as_str()).or_default().push_back(id);
    }
    let mut pairs = HashSet::new();
    let mut mapped = HashSet::new();
    for article in gold {
        let ids: Vec<Option<PieceId>> =
            article.iter().map(|text| by_text.get_mut(text.trim()).and_then(VecDeque::pop_front)).collect();
        mapped.extend(ids.iter().flatten().copied());
        for pair in ids.windows(2) {
            if let [Some(a), Some(b)] = pair {
                pairs.insert((*a, *b));
            }
        }
    }
    (pairs, mapped)
}

/// Collects labelled candidates from every case: by the gold pieces where
/// the case has them, else by placing the pieces in the gold text.
pub fn training_set<'a>(cases: impl IntoIterator<Item = &'a Case>) -> TrainingSet {
    let mut set = TrainingSet::default();
    for case in cases {
        match &case.gold.pieces {
            Some(gold) => add_gold_pieces(&mut set, case, gold),
            None => add_placed_pieces(&mut set, case),
        }
    }
    set
}

/// The choices of a case whose gold lists its pieces.
fn add_gold_pieces(set: &mut TrainingSet, case: &Case, gold: &[Vec<String>]) {
    for page in parse::parse_document(&case.input, None) {
        let (truth, mapped) = gold_mapping(&page, gold);
        let candidates = score::candidate_features(&page);
        set.gold_junctions += truth.len();
        set.candidates += candidates.len();
        set.covered += candidates.iter().filter(|(l, _)| truth.contains(&(l.from, l.to))).count();
        // A piece's successor is known when the piece maps to gold and
        // its gold successor, if any, maps too.
        let known_successor: HashMap<PieceId, PieceId> = truth.iter().copied().collect();
        for group in candidates.chunk_by(|a, b| a.0.from == b.0.from) {
            let from = group[0].0.from;
            if !mapped.contains(&from) {
                continue;
            }
            let truth = known_successor.get(&from).and_then(|to| group.iter().position(|(l, _)| l.to == *to));
            set.choices.push(Choice { candidates: group.iter().map(|(_, f)| f.0.clone()).collect(), truth });
        }
    }
}

/// The choices of a case with gold articles only: each piece whose true
/// successor (or its lack of one) placement makes certain.
fn add_placed_pieces(set: &mut TrainingSet, case: &Case) {
    let gold = GoldText::new(case);
    for page in parse::parse_document(&case.input, None) {
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let successors = certain_successors(&gold, &texts);
        let candidates = score::candidate_features(&page);
        set.candidates += candidates.len();
        let true_pairs: HashSet<(usize, usize)> =
            successors.iter().enumerate().filter_map(|(i, s)| Some((i, (*s)??))).collect();
        set.placed_junctions += true_pairs.len();
        set.placed_covered +=
            candidates.iter().filter(|(l, _)| true_pairs.contains(&(l.from.0, l.to.0))).count();
        for group in candidates.chunk_by(|a, b| a.0.from == b.0.from) {
            let from = group[0].0.from;
            let Some(successor) = successors[from.0] else { continue };
            let truth = successor.and_then(|to| group.iter().position(|(l, _)| l.to.0 == to));
            set.choices.push(Choice { candidates: group.iter().map(|(_, f)| f.0.clone()).collect(), truth });
            set.placed_choices += 1;
        }
    }
}

/// Fits the choice model (conditional logit with a "none" option scoring 0)
/// by Newton's method with L2 regularisation on the feature weights.
pub fn fit_choice(choices: &[Choice], l2: f64) -> Weights {
    let mut strengths = vec![l2; Feature::ALL.len() + 1];
    strengths[Feature::ALL.len()] = 0.0;
    fit(choices, &strengths, &Weights::from_vector(0.0, &vec![0.0; Feature::ALL.len()]))
}

/// Fits the choice model with the L2 penalty on the distance of the feature
/// weights and the bias from `prior` (not from zero): weights set by hand
/// stay where they are unless the junctions speak against them.
pub fn fit_choice_near(choices: &[Choice], l2: f64, prior: &Weights) -> Weights {
    fit(choices, &vec![l2; Feature::ALL.len() + 1], prior)
}

/// Damped Newton on the choice model's log-likelihood, with an L2 penalty
/// toward `prior` of its own strength on each weight (`strengths` in
/// [`Feature`] order, the bias last; a strength of 0 leaves it free).
pub fn fit(choices: &[Choice], strengths: &[f64], prior: &Weights) -> Weights {
    let n = Feature::ALL.len() + 1; // bias last
    let centre: Vec<f64> = prior.vector().iter().map(|&v| v as f64).collect();
    let mut w: Vec<f64> = centre.iter().copied().chain([prior.bias as f64]).collect();
    for _ in 0..60 {
        let mut gradient = vec![0.0f64; n];
        let mut hessian = vec![vec![0.0f64; n]; n];
        for choice in choices {
            let xs: Vec<Vec<f64>> = choice
                .candidates
                .iter()
                .map(|f| f.iter().map(|&v| v as f64).chain([1.0]).collect())
                .collect();
            let zs: Vec<f64> = xs.iter().map(|x| x.iter().zip(&w).map(|(a, b)| a * b).sum()).collect();
            let top = zs.iter().copied().fold(0.0f64, f64::max);
            let exps: Vec<f64> = zs.iter().map(|z| (z - top).exp()).collect();
            let total = (-top).exp() + exps.iter().sum::<f64>();
            let ps: Vec<f64> = exps.iter().map(|e| e / total).collect();
            let mut mean = vec![0.0f64; n];
            for (x, p) in xs.iter().zip(&ps) {
                for i in 0..n {
                    mean[i] += p * x[i];
                }
            }
            for i in 0..n {
                gradient[i] += mean[i];
            }
            if let Some(t) = choice.truth {
                for i in 0..n {
                    gradient[i] -= xs[t][i];
                }
            }
            for (x, p) in xs.iter().zip(&ps) {
                for i in 0..n {
                    if x[i] == 0.0 {
                        continue;
                    }
                    for j in 0..n {
                        hessian[i][j] += p * x[i] * x[j];
                    }
                }
            }
            for i in 0..n {
                for j in 0..n {
                    hessian[i][j] -= mean[i] * mean[j];
                }
            }
        }
        for i in 0..n - 1 {
            gradient[i] += strengths[i] * (w[i] - centre[i]);
            hessian[i][i] += strengths[i];
        }
        gradient[n - 1] += strengths[n - 1] * (w[n - 1] - prior.bias as f64);
        hessian[n - 1][n - 1] += strengths[n - 1];
        hessian[n - 1][n - 1] += 1e-6;
        let Some(step) = solve(hessian, gradient) else { break };
        // Damped Newton: a step of at most 2 in any weight keeps the first
        // iterations, far from the optimum, from overshooting.
        let largest = step.iter().fold(0.0f64, |m, s| m.max(s.abs()));
        let scale = if largest > 2.0 { 2.0 / largest } else { 1.0 };
        for i in 0..n {
            w[i] -= scale * step[i];
        }
        if largest * scale < 1e-6 {
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
    fn choice_model_prefers_the_feature_that_marks_the_true_candidate() {
        let candidate = |word: f32, noise: f32| {
            let mut features = vec![0.0; Feature::ALL.len()];
            features[Feature::Word as usize] = word;
            features[Feature::LeftFull as usize] = noise;
            features
        };
        let choices: Vec<Choice> = (0..100)
            .map(|i| Choice {
                candidates: vec![candidate(0.0, (i % 2) as f32), candidate(1.0, ((i + 1) % 2) as f32)],
                truth: if i % 5 == 0 { None } else { Some(1) },
            })
            .collect();
        let weights = fit_choice(&choices, 1.0);
        assert!(weights.features["text.word"] > 1.0, "{weights:?}");
        assert!(weights.features["width.left_full"].abs() < 0.5, "{weights:?}");
    }

    #[test]
    fn fit_near_a_prior_keeps_the_weights_the_choices_say_nothing_about() {
        let candidate = |word: f32| {
            let mut features = vec![0.0; Feature::ALL.len()];
            features[Feature::Word as usize] = word;
            features
        };
        let choices: Vec<Choice> = (0..100)
            .map(|i| Choice {
                candidates: vec![candidate(0.0), candidate(1.0)],
                truth: if i % 5 == 0 { None } else { Some(1) },
            })
            .collect();
        let mut prior = Weights::from_vector(0.0, &vec![0.0; Feature::ALL.len()]);
        prior.features.insert("width.left_full".into(), 3.0);
        let weights = fit_choice_near(&choices, 1.0, &prior);
        assert!((weights.features["width.left_full"] - 3.0).abs() < 1e-3, "{weights:?}");
        assert!(weights.features["text.word"] > 1.0, "{weights:?}");
        // From zero, the unused feature falls back to zero.
        assert!(fit_choice(&choices, 1.0).features["width.left_full"].abs() < 1e-3);
    }

    fn case_without_gold_pieces(input: &str, articles: &[&str]) -> Case {
        use super::super::corpus::{Gold, GoldArticle, Meta};
        Case {
            name: "invented".into(),
            input: input.into(),
            gold: Gold {
                lang: "en".into(),
                articles: articles
                    .iter()
                    .map(|a| GoldArticle { title: None, paragraphs: vec![a.to_string()], byline: None })
                    .collect(),
                pieces: None,
                unplaced: vec![],
            },
            meta: Meta { family: "real-ocr".into(), lang: "en".into(), split: "dev".into(), faults: vec![] },
            structured: None,
            psm3: None,
        }
    }

    #[test]
    fn pages_without_gold_pieces_give_choices_from_placement() {
        // Two columns, one article each, read line by line across.
        let input = "The lantern keeper walked      Grey gulls circled above\n\
                     along the quiet harbour        the fishing boats at dawn\n\
                     wall every single evening.     and cried over the nets.\n";
        let case = case_without_gold_pieces(
            input,
            &[
                "The lantern keeper walked along the quiet harbour wall every single evening.",
                "Grey gulls circled above the fishing boats at dawn and cried over the nets.",
            ],
        );
        let set = training_set([&case]);
        assert_eq!(set.gold_junctions, 0);
        assert_eq!(set.placed_junctions, 4, "{set:?}");
        assert!(set.placed_covered > 0 && set.placed_covered <= set.placed_junctions);
        assert_eq!(set.placed_choices, set.choices.len());
        assert!(set.choices.iter().any(|c| c.truth.is_some()));
    }

    #[test]
    fn solver_solves() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]).unwrap();
        assert!((x[0] - 0.8).abs() < 1e-9 && (x[1] - 1.4).abs() < 1e-9);
    }
}

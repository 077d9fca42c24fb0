//! Diagnostic: does a fit of the junction weights beat the shipped weights
//! on dev cases it was not fitted on? The dev cases are cut into two halves
//! alike by family and language (alternating by name within each, as
//! tools/tune/tune_weights.py does); each variant is fitted on one half and
//! measured on the other, both ways, against the shipped weights on the
//! same half, then fitted on all dev and measured per family. Variants:
//! the synthetic cases, the real-OCR cases (true junctions by placement in
//! the gold text) or both, L2 toward zero or toward the shipped weights at
//! several strengths, or the weights set by hand held fixed and the rest
//! drawn toward the shipped ones. Prints the candidate recall of both kinds
//! of truth first. `--write DIR` writes each all-dev fit as DIR/NAME.json.
//! `--truth-only` stops after the truth's checks: placement's truth against
//! the gold pieces on the synthetic cases, and where the true successors
//! no layout candidate offers stand on the real-OCR cases.
//! Usage: fit_folds [--write DIR] [--l2 A,B,..] [--truth-only]
use std::collections::BTreeMap;
use std::path::Path;

use restitch::eval::corpus::{self, Case};
use restitch::eval::fit::{self, Choice};
use restitch::eval::measure;
use restitch::eval::placement::{certain_successors, GoldText};
use restitch::parse::PieceId;
use restitch::score::{layout, Weights};
use restitch::Options;

/// Mean F1 and mean junction accuracy (where known) of cases.
fn measure_cases(cases: &[&Case], weights: &Weights) -> BTreeMap<String, (f64, f64, usize, usize)> {
    let options = Options { weights: weights.clone(), ..Options::default() };
    let mut rows: BTreeMap<String, (f64, f64, usize, usize)> = BTreeMap::new();
    for case in cases {
        let m = measure(case, &restitch::repair(&case.input, &options));
        for key in [format!("{} {}", case.meta.family, case.meta.lang), "all".to_string()] {
            let row = rows.entry(key).or_default();
            row.0 += m.f1();
            row.2 += 1;
            if let Some(j) = m.junction_accuracy() {
                row.1 += j;
                row.3 += 1;
            }
        }
    }
    rows
}

fn mean_f1(rows: &BTreeMap<String, (f64, f64, usize, usize)>) -> f64 {
    rows.get("all").map_or(0.0, |r| r.0 / r.2 as f64)
}

fn show(rows: &BTreeMap<String, (f64, f64, usize, usize)>) -> String {
    rows.iter()
        .map(|(k, (f, j, n, nj))| {
            if *nj > 0 {
                format!("{k} {:.3}/{:.3}", f / *n as f64, j / *nj as f64)
            } else {
                format!("{k} {:.3}", f / *n as f64)
            }
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Two halves alike by family and language.
fn folds<'a>(cases: &[&'a Case]) -> (Vec<&'a Case>, Vec<&'a Case>) {
    let mut groups: BTreeMap<(String, String), Vec<&Case>> = BTreeMap::new();
    for case in cases {
        groups.entry((case.meta.family.clone(), case.meta.lang.clone())).or_default().push(case);
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for names in groups.values_mut() {
        names.sort_by(|x, y| x.name.cmp(&y.name));
        for (i, case) in names.iter().enumerate() {
            if i % 2 == 0 {
                a.push(*case)
            } else {
                b.push(*case)
            }
        }
    }
    (a, b)
}

/// Share of choices whose best-scoring option (a candidate, or none at
/// score 0) is the true one: the per-piece decision the fit optimises.
fn choice_accuracy(choices: &[Choice], weights: &Weights) -> f64 {
    let vector = weights.vector();
    let right = choices
        .iter()
        .filter(|choice| {
            let scores = choice
                .candidates
                .iter()
                .map(|f| weights.bias + f.iter().zip(&vector).map(|(a, b)| a * b).sum::<f32>());
            let best = scores
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .filter(|&(_, s)| s > 0.0)
                .map(|(i, _)| i);
            best == choice.truth
        })
        .count();
    right as f64 / choices.len().max(1) as f64
}

/// Choice accuracy on the synthetic and on the real-OCR cases.
fn accuracies(cases: &[&Case], weights: &Weights) -> String {
    let syn = fit::training_set(cases.iter().copied().filter(|c| c.gold.pieces.is_some())).choices;
    let real = fit::training_set(cases.iter().copied().filter(|c| c.gold.pieces.is_none())).choices;
    format!(
        "choices right: synthetic {:.3}, real-OCR {:.3}",
        choice_accuracy(&syn, weights),
        choice_accuracy(&real, weights)
    )
}

/// How far placement's truth is from the gold pieces' on the synthetic
/// cases (where both exist): of the certain successors placement gives,
/// how many are gold junctions, and how many name another successor than
/// the gold pieces do (the rest: pieces the gold pieces do not map by
/// their exact text); of its "ends an article", how many pieces have no
/// gold successor.
fn check_placement_on_synthetic(cases: &[&Case]) {
    let (mut junctions, mut agree, mut ends, mut ends_agree, mut pieces) = (0, 0, 0, 0, 0);
    let mut contradict = 0;
    for case in cases {
        let Some(gold_pieces) = &case.gold.pieces else { continue };
        let gold = GoldText::new(case);
        for page in restitch::parse::parse_document(&case.input, None) {
            let truth = fit::gold_junctions(&page, gold_pieces);
            let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
            pieces += texts.len();
            for (i, successor) in certain_successors(&gold, &texts).iter().enumerate() {
                match successor {
                    Some(Some(j)) => {
                        junctions += 1;
                        agree += usize::from(truth.contains(&(PieceId(i), PieceId(*j))));
                        contradict += usize::from(truth.iter().any(|(a, b)| a.0 == i && b.0 != *j));
                    }
                    Some(None) => {
                        ends += 1;
                        ends_agree += usize::from(!truth.iter().any(|(a, _)| a.0 == i));
                    }
                    None => {}
                }
            }
        }
    }
    println!(
        "placement on synthetic dev ({pieces} pieces): {agree} of {junctions} placed junctions are gold junctions, {contradict} name another successor than the gold pieces; {ends_agree} of {ends} placed article ends have no gold successor"
    );
}

/// Where the true successors that no layout candidate offers stand, seen
/// from their piece, on the real-OCR cases.
fn uncovered_real_junctions(cases: &[&Case]) {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for case in cases.iter().filter(|c| c.gold.pieces.is_none()) {
        let gold = GoldText::new(case);
        for page in restitch::parse::parse_document(&case.input, None) {
            let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
            let offered: std::collections::HashSet<(usize, usize)> =
                layout::candidates(&page).iter().map(|l| (l.from.0, l.to.0)).collect();
            for (i, successor) in certain_successors(&gold, &texts).iter().enumerate() {
                let Some(Some(j)) = *successor else { continue };
                if offered.contains(&(i, j)) {
                    continue;
                }
                let (from, to) = (&page.pieces[i], &page.pieces[j]);
                let kind = if from.line == to.line {
                    if to.slot > from.slot {
                        "same line, to the right"
                    } else {
                        "same line, to the left"
                    }
                } else if to.line == from.line + 1 {
                    "next line"
                } else if to.line > from.line {
                    if to.block == from.block {
                        "lines below, same block"
                    } else {
                        "lines below, other block"
                    }
                } else if to.block == from.block {
                    "lines above, same block"
                } else {
                    "lines above, other block"
                };
                *kinds.entry(kind).or_default() += 1;
            }
        }
    }
    println!("real-OCR true junctions no candidate offers: {kinds:?}");
}

struct Variant {
    name: String,
    /// Fit on the synthetic cases (gold pieces), the real-OCR ones
    /// (placement), or both.
    synthetic: bool,
    real: bool,
    l2: f64,
    near_current: bool,
    /// Hold the weights set by hand (those at a multiple of 0.5; the
    /// fitted ones carry three decimals) where they are.
    fix_hand_set: bool,
}

/// Whether a shipped weight looks set by hand: a multiple of 0.5.
fn hand_set(value: f32) -> bool {
    (value * 2.0).fract() == 0.0
}

fn fit_variant(variant: &Variant, cases: &[&Case], current: &Weights) -> Weights {
    let chosen: Vec<&Case> = cases
        .iter()
        .copied()
        .filter(|c| if c.gold.pieces.is_some() { variant.synthetic } else { variant.real })
        .collect();
    let choices: Vec<Choice> = fit::training_set(chosen).choices;
    if variant.fix_hand_set {
        let strengths: Vec<f64> = current
            .vector()
            .iter()
            .map(|&v| if hand_set(v) { 1e9 } else { variant.l2 })
            .chain([variant.l2])
            .collect();
        fit::fit(&choices, &strengths, current)
    } else if variant.near_current {
        fit::fit_choice_near(&choices, variant.l2, current)
    } else {
        fit::fit_choice(&choices, variant.l2)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1).cloned());
    let strengths: Vec<f64> = args
        .iter()
        .position(|a| a == "--l2")
        .and_then(|i| args.get(i + 1))
        .map_or(vec![3.0, 10.0, 30.0, 100.0, 300.0], |s| s.split(',').map(|v| v.parse().unwrap()).collect());
    let all = corpus::load_corpus(Path::new("corpus")).unwrap();
    let dev: Vec<&Case> = all.iter().filter(|c| c.meta.split == "dev").collect();
    let current = Weights::default();

    let synthetic = fit::training_set(dev.iter().copied().filter(|c| c.gold.pieces.is_some()));
    let real = fit::training_set(dev.iter().copied().filter(|c| c.gold.pieces.is_none()));
    println!(
        "synthetic dev: {} choices, candidates hold {} of {} gold junctions ({:.1}%)",
        synthetic.choices.len(),
        synthetic.covered,
        synthetic.gold_junctions,
        100.0 * synthetic.covered as f64 / synthetic.gold_junctions.max(1) as f64
    );
    let pieces: usize = dev
        .iter()
        .filter(|c| c.gold.pieces.is_none())
        .flat_map(|c| restitch::parse::parse_document(&c.input, None))
        .map(|p| p.pieces.len())
        .sum();
    println!(
        "real-OCR dev: {pieces} pieces, {} choices of certain truth, candidates hold {} of {} placed true junctions ({:.1}%), {} choices with no true candidate (the article ends, or its successor is not offered)",
        real.placed_choices,
        real.placed_covered,
        real.placed_junctions,
        100.0 * real.placed_covered as f64 / real.placed_junctions.max(1) as f64,
        real.choices.iter().filter(|c| c.truth.is_none()).count()
    );

    check_placement_on_synthetic(&dev);
    uncovered_real_junctions(&dev);
    if args.iter().any(|a| a == "--truth-only") {
        return;
    }

    let mut variants = vec![
        Variant {
            name: "syn-zero-1".into(),
            synthetic: true,
            real: false,
            l2: 1.0,
            near_current: false,
            fix_hand_set: false,
        },
        Variant {
            name: "all-zero-1".into(),
            synthetic: true,
            real: true,
            l2: 1.0,
            near_current: false,
            fix_hand_set: false,
        },
    ];
    for &l2 in &strengths {
        for (prefix, synthetic, real) in [("syn", true, false), ("real", false, true), ("all", true, true)] {
            variants.push(Variant {
                name: format!("{prefix}-near-{l2}"),
                synthetic,
                real,
                l2,
                near_current: true,
                fix_hand_set: false,
            });
        }
        variants.push(Variant {
            name: format!("all-hand-fixed-{l2}"),
            synthetic: true,
            real: true,
            l2,
            near_current: true,
            fix_hand_set: true,
        });
    }

    let fixed: Vec<&str> =
        current.features.iter().filter(|(_, v)| hand_set(**v)).map(|(k, _)| k.as_str()).collect();
    println!("set by hand (held in the hand-fixed variants): {}", fixed.join(" "));
    let (a, b) = folds(&dev);
    let base_a = measure_cases(&a, &current);
    let base_b = measure_cases(&b, &current);
    println!("current on A: {}; {}", show(&base_a), accuracies(&a, &current));
    println!("current on B: {}; {}", show(&base_b), accuracies(&b, &current));
    let base_all = measure_cases(&dev, &current);
    println!("current on dev: {}", show(&base_all));
    for variant in &variants {
        let on_a = fit_variant(variant, &a, &current);
        let on_b = fit_variant(variant, &b, &current);
        let b_by_a = measure_cases(&b, &on_a);
        let a_by_b = measure_cases(&a, &on_b);
        let gain_b = mean_f1(&b_by_a) - mean_f1(&base_b);
        let gain_a = mean_f1(&a_by_b) - mean_f1(&base_a);
        println!(
            "{}: fit A -> B {:+.4}, fit B -> A {:+.4} {}",
            variant.name,
            gain_b,
            gain_a,
            if gain_a > 0.0 && gain_b > 0.0 { "CARRIES OVER" } else { "" }
        );
        println!("    B by A-fit: {}; {}", show(&b_by_a), accuracies(&b, &on_a));
        println!("    A by B-fit: {}; {}", show(&a_by_b), accuracies(&a, &on_b));
        let on_all = fit_variant(variant, &dev, &current);
        let rows = measure_cases(&dev, &on_all);
        println!("    all-dev fit on dev: {:+.4} {}", mean_f1(&rows) - mean_f1(&base_all), show(&rows));
        if let Some(dir) = &write {
            let json = serde_json::to_string_pretty(&on_all).unwrap() + "\n";
            std::fs::write(Path::new(dir).join(format!("{}.json", variant.name)), json).unwrap();
        }
    }
}

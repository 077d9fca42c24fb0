//! Diagnostic: for true successors the engine offered but did not choose
//! (real-OCR pages), which weighted score terms favour the chosen piece
//! over the true one. Two kinds are counted apart and left out first: the
//! chosen piece is a short unplaced piece whose letters stand in the gold
//! text right where the left piece ends (the gold's successor skipped a
//! piece too short to place: the engine was right), and the chosen piece
//! goes on to the true one (a detour through one piece). Of the rest, per
//! feature, the summed weighted difference (chosen minus true) and how
//! often it favours either, split by whether the chosen piece takes part
//! in the gold's successors at all (placed) or not (OCR noise, headline
//! tails); also how often the true piece went to another predecessor and
//! how often the true junction scored higher (the chain stage overruled).
//! With `--each`, one line per outscored successor: its score terms that
//! differ by more than 0.2, and the three pieces' texts.
//! With `--steer`, per case and summed, the article F1 of the pipeline, of
//! the pipeline steered to every true successor that was a candidate (as
//! `cut_truth` steers), and steered the same but leaving the two kinds above
//! to the engine: what the outscored successors are worth.
//! Usage: outscored [--each] [--steer] CASE_DIR...
use std::collections::HashMap;

use restitch::eval::corpus;
use restitch::score::{self, Feature, Weights};

mod shared;
use shared::ChainedPage;

/// Article F1 of the pipeline with each piece that has a known true
/// successor among its candidates steered to it (see `cut_truth`).
fn steered_f1(case: &corpus::Case, page: &restitch::parse::Page, truth: &[Option<usize>]) -> f64 {
    use restitch::assemble::{articles, chains};
    let options = restitch::Options::default();
    let mut junctions = restitch::score_structured(page, &options.weights);
    for (from, to) in truth.iter().enumerate().filter_map(|(i, t)| t.map(|t| (i, t))) {
        for j in junctions.iter_mut() {
            if j.from.0 == from && j.to.0 == to {
                j.score = 20.0;
            } else if j.from.0 == from || j.to.0 == to {
                j.score = -20.0;
            }
        }
    }
    let built = chains::build(page, &junctions, options.threshold);
    shared::assembly_f1(page, case, &articles::assemble(page, built))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let each = args.iter().any(|a| a == "--each");
    let steer = args.iter().any(|a| a == "--steer");
    let mut f1_sums = [0.0f64; 5];
    let vector = Weights::default().vector();
    let n = Feature::ALL.len();
    // Per group (placed, noise), per feature: summed difference, times it
    // favours the chosen piece, times it favours the true one.
    let mut sums = vec![vec![(0.0f32, 0usize, 0usize); n]; 2];
    let mut counts = [0usize; 2];
    let mut taken = 0;
    let mut gaps = 0;
    let mut detours = [0usize; 2];
    let mut local_better = 0;
    for dir in args.iter().filter(|a| !a.starts_with("--")) {
        let case = corpus::load_case(std::path::Path::new(dir)).expect("a case");
        let cp = ChainedPage::new(&case);
        let feats: HashMap<(usize, usize), score::Features> =
            score::candidate_features(&cp.page).into_iter().map(|(l, f)| ((l.from.0, l.to.0), f)).collect();
        let placed: Vec<bool> = {
            let mut has_pred = vec![false; cp.page.pieces.len()];
            for t in cp.truth.iter().flatten() {
                has_pred[*t] = true;
            }
            (0..cp.page.pieces.len()).map(|i| cp.truth[i].is_some() || has_pred[i]).collect()
        };
        let gold = restitch::eval::placement::GoldText::new(&case);
        let texts: Vec<&str> = cp.page.pieces.iter().map(|p| p.text.as_str()).collect();
        let spans = restitch::eval::placement::place_pieces(&gold, &texts);
        // A short unplaced piece whose letters stand in the gold text right
        // where the piece before it ends: the gold's own successor gap.
        let fills_gap = |i: usize, c: usize| -> bool {
            let Some(end) = spans[i].as_ref().map(|s| s.end) else { return false };
            let needle = restitch::eval::placement::letters_and_digits(&cp.page.pieces[c].text);
            !needle.is_empty()
                && gold.chars.len() >= end + needle.len()
                && gold.chars[end..end + needle.len()] == needle[..]
        };
        let mut pred: Vec<Option<usize>> = vec![None; cp.page.pieces.len()];
        for (i, n) in cp.next.iter().enumerate() {
            if let Some(n) = n {
                pred[*n] = Some(i);
            }
        }
        let mut honest_truth = cp.truth.clone();
        // Per group (placed, noise), the outscored successors alone.
        let mut group_truth = vec![vec![None; cp.truth.len()]; 2];
        for (i, t) in cp.truth.iter().enumerate() {
            let Some(t) = *t else { continue };
            let Some(c) = cp.next[i] else { continue };
            if c == t {
                continue;
            }
            let (Some(ft), Some(fc)) = (feats.get(&(i, t)), feats.get(&(i, c))) else { continue };
            if spans[c].is_none() && fills_gap(i, c) {
                gaps += 1;
                honest_truth[i] = None;
                continue;
            }
            if cp.next[c] == Some(t) {
                detours[usize::from(!placed[c])] += 1;
                honest_truth[i] = None;
                continue;
            }
            let group = if placed[c] { 0 } else { 1 };
            counts[group] += 1;
            group_truth[group][i] = Some(t);
            if pred[t].is_some() {
                taken += 1;
            }
            let st: f32 = ft.0.iter().zip(&vector).map(|(a, b)| a * b).sum();
            let sc: f32 = fc.0.iter().zip(&vector).map(|(a, b)| a * b).sum();
            if st > sc {
                local_better += 1;
            }
            let mut terms = Vec::new();
            for k in 0..n {
                let d = (fc.0[k] - ft.0[k]) * vector[k];
                let s = &mut sums[group][k];
                s.0 += d;
                if d > 0.01 {
                    s.1 += 1;
                } else if d < -0.01 {
                    s.2 += 1;
                }
                if d.abs() > 0.2 {
                    terms.push(format!("{}{:+.2}", Feature::ALL[k].key(), d));
                }
            }
            if each {
                let p = &cp.page.pieces;
                println!(
                    "{}\t{}->{} true {} ({}) chosen {} ({}) noise={} taken={} true {:.2} chosen {:.2}\t{}\t| {} | {} | {}",
                    case.name,
                    i,
                    p[i].span.line,
                    t,
                    p[t].span.line,
                    c,
                    p[c].span.line,
                    !placed[c],
                    pred[t].is_some(),
                    st,
                    sc,
                    terms.join(" "),
                    p[i].text.chars().rev().take(8).collect::<String>().chars().rev().collect::<String>(),
                    p[t].text.chars().take(8).collect::<String>(),
                    p[c].text.chars().take(8).collect::<String>(),
                );
            }
        }
        if steer {
            let f1 = [
                steered_f1(&case, &cp.page, &[]),
                steered_f1(&case, &cp.page, &cp.truth),
                steered_f1(&case, &cp.page, &honest_truth),
                steered_f1(&case, &cp.page, &group_truth[0]),
                steered_f1(&case, &cp.page, &group_truth[1]),
            ];
            println!(
                "{}\tengine {:.3} steered {:.3} but gaps, detours {:.3} outscored to placed {:.3} to noise {:.3}",
                case.name, f1[0], f1[1], f1[2], f1[3], f1[4]
            );
            for (sum, f) in f1_sums.iter_mut().zip(f1) {
                *sum += f;
            }
        }
    }
    if steer {
        println!(
            "summed F1: engine {:.3} steered {:.3} but gaps, detours {:.3} outscored to placed {:.3} to noise {:.3}",
            f1_sums[0], f1_sums[1], f1_sums[2], f1_sums[3], f1_sums[4]
        );
    }
    println!("chosen a short piece that fills the gold's gap (engine right): {gaps}");
    println!("chosen piece then goes on to the true one (detour, placed / unplaced): {detours:?}");
    println!(
        "outscored: chosen placed {} / chosen noise {}; true taken by another {}; true locally better {}",
        counts[0], counts[1], taken, local_better
    );
    for (g, name) in ["placed", "noise"].iter().enumerate() {
        let mut rows: Vec<(usize, &(f32, usize, usize))> = sums[g].iter().enumerate().collect();
        rows.sort_by(|a, b| b.1 .0.partial_cmp(&a.1 .0).unwrap());
        println!("== chosen {name}: feature, summed (chosen - true), favours chosen, favours true");
        for (k, s) in rows.iter().filter(|r| r.1 .0.abs() > 0.5) {
            println!("{:28} {:+8.2} {:5} {:5}", Feature::ALL[*k].key(), s.0, s.1, s.2);
        }
    }
}

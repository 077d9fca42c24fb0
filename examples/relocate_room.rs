//! Diagnostic: room for moving a displaced line back. Over the dev cases
//! with gold pieces, the gold junctions the chains miss, how many of them
//! are candidates scoring above the threshold, and the pattern a relocation
//! mends: the chains read P -> Q where the gold reads P -> X.. -> Q (one to
//! three pieces X left out), with the scores of both readings.
//! `relocate_room [CASE_DIR...]` (default: every dev case).
use std::collections::HashMap;

#[path = "shared/mod.rs"]
mod shared;
use shared::dev_or_given_cases;

use restitch::assemble::chains;
use restitch::parse::{self, PieceId};
use restitch::score;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cases = dev_or_given_cases(&args);
    let weights = score::Weights::default();
    let (mut gold_all, mut missed_all, mut candidate_all, mut pattern_all) = (0, 0, 0, 0);
    for case in cases {
        let Some(gold) = case.gold.pieces.as_ref() else { continue };
        let page = &parse::parse_document(&case.input, None)[0];
        let gold = restitch::eval::fit::gold_junctions(page, gold);
        let gold_next: HashMap<PieceId, PieceId> = gold.iter().copied().collect();
        let junctions = score::score_page(page, &weights);
        let built = chains::build(page, &junctions, 0.0);
        let mut next = HashMap::new();
        let mut prev = HashMap::new();
        for c in &built {
            for w in c.pieces.windows(2) {
                next.insert(w[0], w[1]);
                prev.insert(w[1], w[0]);
            }
        }
        let score_of: HashMap<_, _> = junctions.iter().map(|j| ((j.from, j.to), j.score)).collect();
        let show = |id: PieceId| {
            let p = page.piece(id);
            format!("{}:{} {}", p.span.line, p.span.start, p.text.chars().take(12).collect::<String>())
        };
        let s = |a: PieceId, b: PieceId| score_of.get(&(a, b)).copied();
        for (&a, &b) in &gold_next {
            gold_all += 1;
            if next.get(&a) == Some(&b) {
                continue;
            }
            missed_all += 1;
            if s(a, b).is_some_and(|x| x > 0.0) {
                candidate_all += 1;
            }
        }
        for (&p, &q) in &next {
            // Gold P -> X1 .. Xk -> Q with k in 1..=3.
            let mut run = Vec::new();
            let mut at = p;
            for _ in 0..3 {
                let Some(&x) = gold_next.get(&at) else { break };
                if x == q {
                    break;
                }
                run.push(x);
                at = x;
                if gold_next.get(&at) == Some(&q) {
                    pattern_all += 1;
                    let (xs, xe) = (run[0], *run.last().unwrap());
                    println!(
                        "{}  P {} -> Q {} ({:?}) | X {} ..{} ({} pieces) now after {:?} before {:?} | P->X {:?} X->Q {:?} A->X {:?} X->B {:?} A->B {:?}",
                        case.name,
                        show(p),
                        show(q),
                        s(p, q),
                        show(xs),
                        show(xe),
                        run.len(),
                        prev.get(&xs).map(|&a| show(a)),
                        next.get(&xe).map(|&b| show(b)),
                        s(p, xs),
                        s(xe, q),
                        prev.get(&xs).and_then(|&a| s(a, xs)),
                        next.get(&xe).and_then(|&b| s(xe, b)),
                        prev.get(&xs).zip(next.get(&xe)).and_then(|(&a, &b)| s(a, b)),
                    );
                    break;
                }
            }
        }
    }
    println!(
        "gold {gold_all} missed {missed_all}, of which candidates above 0: {candidate_all}; P->Q skipping 1-3 gold pieces: {pattern_all}"
    );
}

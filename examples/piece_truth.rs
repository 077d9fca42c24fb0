//! Diagnostic: the engine's chains against the gold text on real-OCR pages
//! read without stream decoding (no gold pieces there). Each piece is placed
//! in the gold articles by its letters and digits (exact where it occurs
//! once, else by votes of its 6-character stretches); a piece's true
//! successor is the piece that starts where it ends in the same article.
//! Prints per wrong successor the chosen and the true step with their
//! placements and scores (`-` where the true one was no candidate), then
//! per case the counts, and the totals by kind of miss.
//! Usage: piece_truth [-v] CASE_DIR...
use std::collections::HashMap;

use restitch::eval::corpus;

mod shared;
use shared::ChainedPage;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let mut kinds: HashMap<String, usize> = HashMap::new();
    let (mut all_wrong, mut all_known) = (0, 0);
    for dir in args.iter().filter(|a| !a.starts_with('-')) {
        let case = corpus::load_case(std::path::Path::new(dir)).expect("a case");
        let ChainedPage { page, junctions, next, truth } = ChainedPage::new(&case);
        let find = |from: usize, to: usize| {
            junctions.iter().find(|j| j.from.0 == from && j.to.0 == to).map(|j| (j.placement, j.score))
        };
        let (mut wrong, mut known) = (0, 0);
        let label = |i: usize| shared::piece_label(&page, i, 8);
        for i in 0..page.pieces.len() {
            let Some(t) = truth[i] else { continue };
            known += 1;
            if next[i] == Some(t) {
                continue;
            }
            wrong += 1;
            let chosen = next[i].map(|n| (n, find(i, n)));
            let true_step = find(i, t);
            let kind = match true_step {
                None => "true not a candidate".to_string(),
                Some((p, _)) => format!("true {p:?} lost"),
            };
            *kinds.entry(kind).or_default() += 1;
            if verbose {
                println!(
                    "  {} -> {} {:?} | true {} {:?}",
                    label(i),
                    chosen.map_or("END".into(), |(n, _)| label(n)),
                    chosen.and_then(|(_, s)| s),
                    label(t),
                    true_step
                );
            }
        }
        println!("{:<30} wrong {wrong:>3} of {known:>3}", case.name);
        all_wrong += wrong;
        all_known += known;
    }
    println!("total wrong {all_wrong} of {all_known}");
    let mut kinds: Vec<_> = kinds.into_iter().collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    for (k, n) in kinds {
        println!("  {n:>4} {k}");
    }
}

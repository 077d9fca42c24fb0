//! Diagnostic: gold junctions the engine missed on one corpus case, with the
//! successor it chose instead and both scores.
use std::collections::HashMap;

use restitch::assemble::chains;
use restitch::parse;
use restitch::score;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let case = restitch::eval::corpus::load_case(&dir).unwrap();
    let weights = score::Weights::default();
    let page = &parse::parse_document(&case.input, None)[0];
    let gold = restitch::eval::fit::gold_junctions(page, case.gold.pieces.as_ref().unwrap());
    let junctions = score::score_page(page, &weights);
    let joined = chains::build(page, &junctions, 0.0);
    let mut next = HashMap::new();
    for c in &joined {
        for w in c.pieces.windows(2) {
            next.insert(w[0], w[1]);
        }
    }
    let score_of: HashMap<_, _> =
        junctions.iter().map(|j| ((j.from, j.to), (j.score, j.placement))).collect();
    let show = |id: parse::PieceId| {
        let p = page.piece(id);
        format!("{}:{} {}", p.span.line, p.span.start, p.text.chars().take(14).collect::<String>())
    };
    let mut missed = 0;
    let mut gold: Vec<_> = gold.into_iter().collect();
    gold.sort();
    for (a, b) in &gold {
        if next.get(a) == Some(b) {
            continue;
        }
        missed += 1;
        let chosen = next.get(a).copied();
        println!(
            "{}  ->  gold {} {:?}  | chosen {} {:?}",
            show(*a),
            show(*b),
            score_of.get(&(*a, *b)),
            chosen.map(show).unwrap_or("-".into()),
            chosen.and_then(|c| score_of.get(&(*a, c)))
        );
    }
    println!("missed {missed} of {}", gold.len());
}

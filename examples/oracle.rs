//! Diagnostic: article F1 when the chains are the gold ones (perfect
//! junctions), to separate assembly errors from junction errors.
use std::collections::HashMap;

use restitch::assemble::{articles, chains::Chain};
use restitch::eval::{corpus, fit, metrics};
use restitch::parse::{self, PieceId};

fn main() {
    let cases = corpus::load_corpus(std::path::Path::new("corpus")).unwrap();
    let mut total = 0.0;
    let mut n = 0;
    for case in &cases {
        let Some(gold) = &case.gold.pieces else { continue };
        let page = &parse::parse_document(&case.input, None)[0];
        let pairs = fit::gold_junctions(page, gold);
        let next: HashMap<PieceId, PieceId> = pairs.iter().copied().collect();
        let has_prev: std::collections::HashSet<PieceId> = pairs.iter().map(|p| p.1).collect();
        let mut chains = Vec::new();
        for id in page.ids() {
            if has_prev.contains(&id) {
                continue;
            }
            let mut chain = Chain { pieces: vec![id], scores: vec![] };
            let mut at = id;
            while let Some(&to) = next.get(&at) {
                chain.pieces.push(to);
                chain.scores.push(1.0);
                at = to;
            }
            chains.push(chain);
        }
        let assembly = articles::assemble(page, chains);
        let cjk = case.is_cjk();
        let out: Vec<Vec<char>> = assembly
            .articles
            .iter()
            .map(|a| {
                metrics::normalise(
                    &a.pieces().map(|id| page.piece(id).text.clone()).collect::<Vec<_>>().join(" "),
                    cjk,
                )
            })
            .collect();
        let goldt: Vec<Vec<char>> =
            case.gold.articles.iter().map(|a| metrics::normalise(&a.text(), cjk)).collect();
        let f1 = metrics::match_articles(&goldt, &out).f1();
        println!("{} oracle-chains F1 {:.3} (gold {} out {})", case.name, f1, goldt.len(), out.len());
        total += f1;
        n += 1;
    }
    println!("mean {:.3} over {n}", total / n as f64);
}

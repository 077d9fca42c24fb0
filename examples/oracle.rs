//! Diagnostic: article F1 when the chains are the gold ones (perfect
//! junctions), to separate assembly errors from junction errors. Prints
//! each case with its split and the mean per split (decide on dev only).
//! With a case name as argument, also prints that case's articles, each
//! piece with its role, to show where roles cut or glue articles.
//! `CORPUS=dir` reads another folder of cases than `corpus`.
use std::collections::HashMap;

use restitch::assemble::{articles, chains::Chain};
use restitch::eval::{corpus, fit, metrics};
use restitch::parse::{self, PieceId};

fn main() {
    let root = std::env::var("CORPUS").unwrap_or_else(|_| "corpus".to_string());
    let cases = corpus::load_corpus(std::path::Path::new(&root)).unwrap();
    // Sum of F1 and number of cases per split, in first-seen order.
    let mut means: Vec<(String, f64, usize)> = Vec::new();
    let detail = std::env::args().nth(1);
    for case in &cases {
        let Some(gold) = &case.gold.pieces else { continue };
        if detail.as_ref().is_some_and(|name| name != &case.name) {
            continue;
        }
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
        if detail.is_some() {
            for (index, article) in assembly.articles.iter().enumerate() {
                println!("--- article {index}");
                for id in article.pieces() {
                    let piece = page.piece(id);
                    println!("  {:?} {}", piece.role, piece.text);
                }
            }
        }
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
        let split = &case.meta.split;
        println!(
            "{} [{split}] oracle-chains F1 {:.3} (gold {} out {})",
            case.name,
            f1,
            goldt.len(),
            out.len()
        );
        match means.iter_mut().find(|m| &m.0 == split) {
            Some(m) => {
                m.1 += f1;
                m.2 += 1;
            }
            None => means.push((split.clone(), f1, 1)),
        }
    }
    for (split, total, n) in &means {
        println!("{split} mean {:.3} over {n}", total / *n as f64);
    }
}

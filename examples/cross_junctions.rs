//! Diagnostic: the junctions inside the engine's chains that cross gold
//! articles (a chain's consecutive pieces whose gold articles differ), by
//! the junction's placement and score, and by how alike the text before
//! and after it is in topic (the article stage's word profiles, over
//! windows of a few hundred cells on each side, within the chain).
//!
//! In: real-OCR cases (`--root=DIR` for a pool laid out like the corpus,
//! `--heldout` / `--all` for the split). Out: one tab-separated row per
//! junction whose two pieces both belong to one gold article each (case,
//! placement, score, crossing, whether the article stage left the two
//! pieces in one engine article, the roles, the cosines of windows of 60,
//! 150 and 300 cells and of the whole chain's two sides, the cells on each
//! side, whether the piece before ends a sentence, the best rival step into
//! the piece after and out of the piece before, and the text at the
//! junction), for a script to count. Why: a chain stage that mends one junction lets the article stage
//! carry another article in through an old wrong step further along; a cut
//! at weak, topically incoherent junctions would stop that, if such
//! junctions are told apart from a column's own steps.
//! Usage: cross_junctions [--root=DIR] [--heldout|--all] [CASE...] > rows.tsv
#[path = "shared/mod.rs"]
mod shared;
use shared::{real_ocr_cases, GoldTrigrams};

use restitch::assemble::{articles, chains};
use restitch::parse::{self, PieceId};
use restitch::score::topic::{window_cosine, Idf};
use restitch::{score_structured, Options};

/// The gold article each piece of `page` belongs to, where exactly one
/// article claims it.
fn gold_article_of(page: &parse::Page, case: &restitch::eval::corpus::Case) -> Vec<Option<usize>> {
    let gold_texts: Vec<String> = case.gold.articles.iter().map(|a| a.text()).collect();
    let gold = GoldTrigrams::new(gold_texts.iter().map(String::as_str));
    page.pieces.iter().map(|p| gold.claimants(&p.text).filter(|c| c.len() == 1).map(|c| c[0])).collect()
}

/// The chains cut before every junction `cut(chain, index)` names.
fn cut_chains(chains: &[chains::Chain], cut: impl Fn(&chains::Chain, usize) -> bool) -> Vec<chains::Chain> {
    let mut out = Vec::new();
    for chain in chains {
        let mut current = chains::Chain { pieces: vec![chain.pieces[0]], scores: Vec::new() };
        for i in 0..chain.pieces.len() - 1 {
            if cut(chain, i) {
                out.push(std::mem::replace(
                    &mut current,
                    chains::Chain { pieces: vec![chain.pieces[i + 1]], scores: Vec::new() },
                ));
            } else {
                current.scores.push(chain.scores[i]);
                current.pieces.push(chain.pieces[i + 1]);
            }
        }
        out.push(current);
    }
    out
}

/// `--f1`: per case the assembly F1 of the chains as built, cut at every
/// junction that crosses gold articles (the ceiling of a perfect cut), and
/// cut by a rule (score below S, window cosine below C over W cells, both
/// sides at least W cells), for a small grid of S, C, W; then the sums.
fn f1_grid(cases: &[restitch::eval::corpus::Case]) {
    let options = Options::default();
    // GRID="S,C,W,M;..." (score below S, cosine below C over W cells, both
    // sides at least M cells).
    let grid: Vec<(f32, f64, f32, f32)> = std::env::var("GRID")
        .unwrap_or("4,0.01,150,150".into())
        .split(';')
        .map(|g| {
            let v: Vec<f64> = g.split(',').map(|x| x.parse().unwrap()).collect();
            (v[0] as f32, v[1], v[2] as f32, v[3] as f32)
        })
        .collect();
    let mut sums = vec![0.0; grid.len() + 2];
    for case in cases {
        let page = &parse::parse_document(&case.input, None)[0];
        let junctions = score_structured(page, &options.weights);
        let idf = Idf::from_page(page);
        let chains = chains::build(page, &junctions, options.threshold);
        let gold_of = gold_article_of(page, case);
        let f1 =
            |chains: Vec<chains::Chain>| shared::assembly_f1(page, case, &articles::assemble(page, chains));
        let mut row = vec![f1(chains.clone())];
        row.push(f1(cut_chains(&chains, |c, i| {
            matches!((gold_of[c.pieces[i].0], gold_of[c.pieces[i + 1].0]), (Some(a), Some(b)) if a != b)
        })));
        for &(s, c, w, m) in &grid {
            row.push(f1(cut_chains(&chains, |chain, i| {
                let cells = |ids: &[PieceId]| ids.iter().map(|&id| page.piece(id).cells).sum::<f32>();
                let (before, after) = (&chain.pieces[..=i], &chain.pieces[i + 1..]);
                chain.scores[i] < s
                    && cells(before) >= m
                    && cells(after) >= m
                    && window_cosine(page, &idf, before, after, w) < c
            })));
        }
        println!("{}\t{}", case.name, row.iter().map(|v| format!("{v:.3}")).collect::<Vec<_>>().join("\t"));
        for (sum, v) in sums.iter_mut().zip(&row) {
            *sum += v;
        }
    }
    println!("sum base {:.3} oracle {:+.3}", sums[0], sums[1] - sums[0]);
    for (k, &(s, c, w, m)) in grid.iter().enumerate() {
        println!("sum score<{s} cos<{c} w{w} m{m}: {:+.3}", sums[k + 2] - sums[0]);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cases, _) = real_ocr_cases(&args);
    if args.iter().any(|a| a == "--f1") {
        f1_grid(&cases);
        return;
    }
    let options = Options::default();
    println!(
        "case\tlang\tfrom\tto\tplacement\tscore\tcross\tkept\trole_from\trole_to\tcos60\tcos150\tcos300\tcos_all\tcells_before\tcells_after\tends_sentence\trival_in\trival_out\ta_tail\tb_head"
    );
    for case in &cases {
        let page = &parse::parse_document(&case.input, None)[0];
        let junctions = score_structured(page, &options.weights);
        let idf = Idf::from_page(page);
        let chains = chains::build(page, &junctions, options.threshold);
        let assembly = articles::assemble(page, chains.clone());
        let mut article_of = vec![usize::MAX; page.pieces.len()];
        for (index, article) in assembly.articles.iter().enumerate() {
            for id in article.pieces() {
                article_of[id.0] = index;
            }
        }
        let gold_of = gold_article_of(page, case);
        for chain in &chains {
            for i in 0..chain.pieces.len().saturating_sub(1) {
                let (a, b) = (chain.pieces[i], chain.pieces[i + 1]);
                let (Some(ga), Some(gb)) = (gold_of[a.0], gold_of[b.0]) else { continue };
                let placement = junctions
                    .iter()
                    .find(|j| j.from == a && j.to == b)
                    .map_or("none".to_string(), |j| format!("{:?}", j.placement));
                let (before, after) = (&chain.pieces[..=i], &chain.pieces[i + 1..]);
                let cells = |ids: &[PieceId]| ids.iter().map(|&id| page.piece(id).cells).sum::<f32>();
                // The best other step into `b` and out of `a`: whether the
                // junction had a strong rival on either side.
                let best = |keep: &dyn Fn(&restitch::score::Junction) -> bool| {
                    junctions.iter().filter(|j| keep(j)).map(|j| j.score).fold(f32::NEG_INFINITY, f32::max)
                };
                let rival_in = best(&|j| j.to == b && j.from != a);
                let rival_out = best(&|j| j.from == a && j.to != b);
                let a_text = page.piece(a).text.trim_end();
                let a_tail: String = a_text.chars().skip(a_text.chars().count().saturating_sub(6)).collect();
                let b_head: String = page.piece(b).text.chars().take(6).collect();
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{:.3}\t{}\t{}\t{:?}\t{:?}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.0}\t{:.0}\t{}\t{:.2}\t{:.2}\t{}\t{}",
                    case.name,
                    case.meta.lang,
                    a.0,
                    b.0,
                    placement,
                    chain.scores[i],
                    u8::from(ga != gb),
                    u8::from(article_of[a.0] == article_of[b.0]),
                    page.piece(a).role,
                    page.piece(b).role,
                    window_cosine(page, &idf, before, after, 60.0),
                    window_cosine(page, &idf, before, after, 150.0),
                    window_cosine(page, &idf, before, after, 300.0),
                    window_cosine(page, &idf, before, after, f32::INFINITY),
                    cells(before),
                    cells(after),
                    u8::from(restitch::parse::chars::ends_sentence(&page.piece(a).text)),
                    rival_in,
                    rival_out,
                    a_tail.replace('\t', " "),
                    b_head.replace('\t', " "),
                );
            }
        }
    }
}

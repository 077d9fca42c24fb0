//! Diagnostic: the leftovers of chain building on the dev cases with gold
//! pieces: chains that end mid-sentence with no successor (open tails) and
//! chains of body text with no predecessor (orphan heads), and
//! how many gold junctions join one to the other, with their page-wide
//! score. `orphans [CASE_DIR...]` (default: every dev case).
use std::collections::HashMap;

#[path = "shared/mod.rs"]
mod shared;
use shared::dev_or_given_cases;

use restitch::assemble::chains;
use restitch::parse::{self, PieceId, Role};
use restitch::score::{self, layout, Placement};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cases = dev_or_given_cases(&args);
    let weights = score::Weights::default();
    let scorer = score::Scorer::new(&weights);
    let (mut tails_all, mut heads_all, mut gold_pairs) = (0, 0, 0);
    for case in cases {
        let Some(gold) = case.gold.pieces.as_ref() else { continue };
        let page = &parse::parse_document(&case.input, None)[0];
        let gold = restitch::eval::fit::gold_junctions(page, gold);
        let gold_next: HashMap<PieceId, PieceId> = gold.iter().copied().collect();
        let junctions = score::score_page(page, &weights);
        let built = chains::build(page, &junctions, 0.0);
        let context = score::PageContext::new(page);
        let pair_score = |a: PieceId, b: PieceId| {
            let tail = score::LeftEnd::new(&page.piece(a).text);
            let link =
                layout::Link { from: a, to: b, placement: Placement::BlockStart, input_next: b.0 == a.0 + 1 };
            scorer.score(&score::features(page, &context, &tail, link))
        };
        let tails: Vec<PieceId> = built
            .iter()
            .map(|c| *c.pieces.last().unwrap())
            .filter(|&id| {
                let p = page.piece(id);
                p.role == Role::Body && !parse::chars::ends_sentence(&p.text)
            })
            .collect();
        let heads: Vec<PieceId> = built
            .iter()
            .map(|c| c.pieces[0])
            .filter(|&id| {
                let p = page.piece(id);
                p.role == Role::Body
            })
            .collect();
        let show = |id: PieceId| {
            let p = page.piece(id);
            format!("{}:{} {}", p.span.line, p.span.start, p.text.chars().take(16).collect::<String>())
        };
        tails_all += tails.len();
        heads_all += heads.len();
        println!("== {} tails {} heads {}", case.name, tails.len(), heads.len());
        for &t in &tails {
            let g = gold_next.get(&t).copied();
            let in_heads = g.is_some_and(|g| heads.contains(&g));
            gold_pairs += in_heads as usize;
            let best = heads
                .iter()
                .filter(|&&h| h != t)
                .map(|&h| (pair_score(t, h), h))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            println!(
                "  {}  gold {} {}  best {}",
                show(t),
                g.map(show).unwrap_or("-".into()),
                if in_heads { format!("HEAD {:.2}", pair_score(t, g.unwrap())) } else { String::new() },
                best.map(|(s, h)| format!("{} {:.2}", show(h), s)).unwrap_or("-".into())
            );
        }
    }
    println!("tails {tails_all} heads {heads_all} gold tail->head {gold_pairs}");
}

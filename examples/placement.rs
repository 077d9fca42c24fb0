//! Diagnostic: where the gold successors stand among the layout candidates
//! of the dev cases with gold pieces: per placement, how many gold
//! junctions it offers, how many candidates it makes; gold successors on
//! the next input line that are not the Below candidate; gold junctions no
//! candidate holds (`SPLIT=heldout` for the other split, `V=1` to list).
use std::collections::HashMap;

use restitch::eval::{corpus, fit};
use restitch::parse;
use restitch::score::layout;

fn main() {
    let split = std::env::var("SPLIT").unwrap_or("dev".into());
    let verbose = std::env::var("V").is_ok();
    let cases = corpus::load_corpus(std::path::Path::new("corpus")).unwrap();
    let mut per: HashMap<String, (usize, usize)> = HashMap::new();
    let (mut gold_n, mut below_gold, mut next_line_not_below, mut missing) = (0, 0, 0, 0);
    for case in &cases {
        let Some(gold) = &case.gold.pieces else { continue };
        if case.meta.split != split {
            continue;
        }
        for page in parse::parse_document(&case.input, None) {
            let truth = fit::gold_junctions(&page, gold);
            let links = layout::candidates(&page);
            let by_pair: HashMap<_, _> = links.iter().map(|l| ((l.from, l.to), l.placement)).collect();
            for l in &links {
                let e = per.entry(format!("{:?}", l.placement)).or_default();
                e.1 += 1;
                if truth.contains(&(l.from, l.to)) {
                    e.0 += 1;
                }
            }
            let show = |id: parse::PieceId| {
                let p = page.piece(id);
                format!(
                    "L{}:{} s{}/{} {:?} «{}»",
                    p.span.line,
                    p.span.start,
                    p.slot,
                    page.lines[p.line].pieces.len(),
                    p.gap,
                    p.text.chars().take(16).collect::<String>()
                )
            };
            for &(a, b) in &truth {
                gold_n += 1;
                let (pa, pb) = (page.piece(a), page.piece(b));
                let placement = by_pair.get(&(a, b));
                if placement == Some(&layout::Placement::Below) {
                    below_gold += 1;
                }
                if pb.line == pa.line + 1
                    && placement != Some(&layout::Placement::Below)
                    && page.lines[pa.line].pieces.len() > 1
                {
                    next_line_not_below += 1;
                    if verbose {
                        let below: Vec<String> = links
                            .iter()
                            .filter(|l| l.from == a && l.placement == layout::Placement::Below)
                            .map(|l| show(l.to))
                            .collect();
                        println!(
                            "{} NEXT {:?}: {} -> {} | below {:?}",
                            case.name,
                            placement,
                            show(a),
                            show(b),
                            below
                        );
                    }
                }
                if verbose && placement != Some(&layout::Placement::Below) {
                    for l in links.iter().filter(|l| l.from == a && l.placement == layout::Placement::Below) {
                        println!(
                            "{} WRONGBELOW {} -> {} | gold {:?} {}",
                            case.name,
                            show(a),
                            show(l.to),
                            placement,
                            show(b)
                        );
                    }
                }
                if placement.is_none() {
                    missing += 1;
                    if verbose {
                        println!("{} MISSING: {} -> {}", case.name, show(a), show(b));
                    }
                }
            }
        }
    }
    let mut rows: Vec<_> = per.into_iter().collect();
    rows.sort();
    for (p, (g, n)) in rows {
        println!("{p:12} gold {g:5} candidates {n:6}");
    }
    println!("gold {gold_n}; Below holds {below_gold}; next line (multi-piece line) not Below {next_line_not_below}; not offered {missing}");
}

//! Diagnostic: how many gold junctions of the synthetic cases have no
//! candidate at all (the scorer never sees them, so no weight can choose
//! them), and how many candidates the layout offers, per split. Why: a new
//! candidate source must close gold junctions without flooding every piece
//! with rivals; this gives both sides of that trade in one table. With
//! `-v`, each gold junction without a candidate is listed, marked `inner`
//! when its successor starts a line inside a block (not the block's first
//! line), the kind the block window cannot offer.
use std::collections::{BTreeMap, HashSet};

use restitch::parse;
use restitch::score::layout;

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let mut dirs: Vec<_> = std::fs::read_dir("corpus")
        .expect("corpus/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold.json").exists())
        .collect();
    dirs.sort();
    // Per split: gold junctions, gold without a candidate, of those inner,
    // candidates, pieces.
    let mut totals: BTreeMap<String, [usize; 5]> = BTreeMap::new();
    for dir in dirs {
        let case = restitch::eval::corpus::load_case(&dir).expect("a readable case");
        let Some(pieces) = case.gold.pieces.as_ref() else { continue };
        let page = &parse::parse_document(&case.input, None)[0];
        let gold = restitch::eval::fit::gold_junctions(page, pieces);
        let links = layout::candidates(page);
        let offered: HashSet<_> = links.iter().map(|l| (l.from, l.to)).collect();
        let row = totals.entry(case.meta.split.clone()).or_default();
        row[0] += gold.len();
        row[3] += links.len();
        row[4] += page.pieces.len();
        let mut missing: Vec<_> = gold.iter().filter(|pair| !offered.contains(pair)).collect();
        missing.sort();
        for &&(a, b) in &missing {
            let to = page.piece(b);
            let line = &page.lines[to.line];
            let inner = to.slot == 0 && page.blocks[line.block].start != to.line;
            row[1] += 1;
            row[2] += usize::from(inner);
            // Held-out text is never shown: rules are designed on dev only.
            if verbose && case.meta.split == "dev" {
                let show = |id: parse::PieceId| {
                    let p = page.piece(id);
                    format!(
                        "{}:{} {}",
                        p.span.line,
                        p.span.start,
                        p.text.chars().take(16).collect::<String>()
                    )
                };
                let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                println!("{name} {} -> {}{}", show(a), show(b), if inner { "  inner" } else { "" });
            }
        }
    }
    println!("split    gold  no-candidate  inner  candidates  per-piece");
    for (split, [gold, none, inner, links, pieces]) in totals {
        println!(
            "{split:8} {gold:5} {none:13} {inner:6} {links:11} {:10.2}",
            links as f64 / pieces.max(1) as f64
        );
    }
}

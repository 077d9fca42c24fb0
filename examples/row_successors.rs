//! Diagnostic: per piece of real-OCR pages, where it stands and where its
//! true successor stands (from the gold text, as `piece_truth` finds it),
//! with the placement that offered the true step (if any) and the
//! engine's chosen successor. One tab-separated row a piece, for
//! analysis of candidate recall on glued rows outside the engine.
//! Columns: case, piece, line (index), input line number, slot, pieces on
//! line, char start, char end, display start, display end (wide
//! characters count two cells), cells, gap, role, block, true successor
//! (or -), true placement (or -), chosen successor (or -), text.
//! With `--kinds`, prints instead, per case and in total, the true
//! successors counted by where they stand from the piece (same line, next
//! line, two lines down, an earlier line, further down) and by what the
//! engine did (chose it, offered it but chose another, never offered it).
//! Usage: row_successors [--kinds] CASE_DIR...
use std::collections::BTreeMap;

use restitch::eval::corpus;

mod shared;
use shared::ChainedPage;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kinds = args.iter().any(|a| a == "--kinds");
    let mut total: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for dir in args.iter().filter(|a| !a.starts_with("--")) {
        let case = corpus::load_case(std::path::Path::new(dir)).expect("a case");
        let ChainedPage { page, junctions, next, truth } = ChainedPage::new(&case);
        if kinds {
            let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
            for (i, t) in truth.iter().enumerate() {
                let Some(t) = *t else { continue };
                let offered = junctions.iter().any(|j| j.from.0 == i && j.to.0 == t);
                let outcome = match (next[i] == Some(t), offered) {
                    (true, _) => "chosen",
                    (false, true) => "outscored",
                    (false, false) => "no candidate",
                };
                *counts
                    .entry((shared::kind_of_step(page.pieces[i].line, page.pieces[t].line), outcome))
                    .or_default() += 1;
            }
            for ((step, outcome), n) in &counts {
                println!("{}\t{step}\t{outcome}\t{n}", case.name);
                *total.entry((step, outcome)).or_default() += n;
            }
            continue;
        }
        let input_lines: Vec<&str> = case.input.split('\n').collect();
        let display = |line: usize, chars: usize| -> usize {
            input_lines
                .get(line - 1)
                .map(|l| {
                    l.chars()
                        .take(chars)
                        .map(|c| if restitch::parse::chars::is_wide(c) { 2 } else { 1 })
                        .sum()
                })
                .unwrap_or(0)
        };
        for (i, p) in page.pieces.iter().enumerate() {
            let placement = truth[i].and_then(|t| {
                junctions.iter().find(|j| j.from.0 == i && j.to.0 == t).map(|j| format!("{:?}", j.placement))
            });
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.1}\t{:?}\t{:?}\t{}\t{}\t{}\t{}\t{}",
                case.name,
                i,
                p.line,
                p.span.line,
                p.slot,
                page.lines[p.line].pieces.len(),
                p.span.start,
                p.span.end,
                display(p.span.line, p.span.start),
                display(p.span.line, p.span.end),
                p.cells,
                p.gap,
                p.role,
                p.block,
                truth[i].map_or("-".into(), |t| t.to_string()),
                placement.unwrap_or("-".into()),
                next[i].map_or("-".into(), |t| t.to_string()),
                p.text.replace('\t', " ")
            );
        }
    }
    for ((step, outcome), n) in &total {
        println!("total\t{step}\t{outcome}\t{n}");
    }
}

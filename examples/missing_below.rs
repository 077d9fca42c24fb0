//! Diagnostic: true successors on the next line or two lines down that the
//! layout never offered (no candidate at all), on real-OCR pages read
//! without stream decoding. Per miss, both lines' pieces (slot, character
//! span, cells, gap, role) and a guessed cause, then the counts by cause.
//! Why: the glued-row slot logic of `score::layout` decides which piece of
//! the line below continues a column; a miss there no weight can repair.
//! Each miss is also marked where the true piece is the same slot counted
//! from the left end or from the right end of the line below.
//! Usage: missing_below [-v] CASE_DIR...
use std::collections::BTreeMap;

use restitch::eval::corpus;
use restitch::parse::{Gap, Page, Role};

mod shared;
use shared::ChainedPage;

fn describe(page: &Page, line: usize, mark: &[usize]) -> String {
    let l = &page.lines[line];
    page.pieces[l.pieces.clone()]
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let star = if mark.contains(&(l.pieces.start + k)) { "*" } else { "" };
            let gap = match p.gap {
                Gap::LineStart => "L".to_string(),
                Gap::BreakSpace => "b".to_string(),
                Gap::Gutter(n) => format!("g{n}"),
                Gap::Cut => "c".to_string(),
                Gap::Rule => "r".to_string(),
                Gap::Glued => "G".to_string(),
            };
            let role = if p.role == Role::Body { String::new() } else { format!("{:?}", p.role) };
            format!(
                "{star}[{} {}..{} {:.0}c {gap} {role}]{}",
                p.slot,
                p.span.start,
                p.span.end,
                p.cells,
                p.text.chars().take(6).collect::<String>()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let mut causes: BTreeMap<String, usize> = BTreeMap::new();
    for dir in args.iter().filter(|a| !a.starts_with('-')) {
        let case = corpus::load_case(std::path::Path::new(dir)).expect("a case");
        let meta = std::fs::read_to_string(std::path::Path::new(dir).join("meta.json")).unwrap_or_default();
        let psm: String = meta
            .split("\"psm\":")
            .nth(1)
            .map(|s| s.trim_start().chars().take_while(char::is_ascii_digit).collect())
            .unwrap_or_default();
        let ChainedPage { page, junctions, next, truth } = ChainedPage::new(&case);
        for i in 0..page.pieces.len() {
            let Some(t) = truth[i] else { continue };
            if next[i] == Some(t) || junctions.iter().any(|j| j.from.0 == i && j.to.0 == t) {
                continue;
            }
            let (a, b) = (&page.pieces[i], &page.pieces[t]);
            let step = b.line as isize - a.line as isize;
            if !(1..=2).contains(&step) {
                continue;
            }
            let (la, lb) = (&page.lines[a.line], &page.lines[b.line]);
            let (na, nb) = (la.pieces.len(), lb.pieces.len());
            let lang = if page.is_cjk() { "zh" } else { "lat" };
            let widest = page.pieces[la.pieces.clone()]
                .iter()
                .chain(&page.pieces[lb.pieces.clone()])
                .map(|p| p.cells)
                .fold(0.0, f32::max);
            let cause = if la.block != lb.block {
                "other block"
            } else if a.role != Role::Body || b.role != Role::Body {
                "heading involved"
            } else if a.cells < 0.4 * widest || b.cells < 0.4 * widest {
                "short piece"
            } else if na == nb && a.slot == b.slot {
                "same count, same slot (rows not alike)"
            } else if na == nb {
                "same count, other slot"
            } else if a.span.start.abs_diff(b.span.start) <= 2 {
                "count differs, same start"
            } else {
                "count differs, start differs"
            };
            let from_right = na - a.slot - 1 < nb && lb.pieces.end - 1 - (na - a.slot - 1) == t;
            let same_slot = a.slot == b.slot;
            let hint = match (same_slot, from_right) {
                (true, true) => " [left=right]",
                (true, false) => " [same slot from left]",
                (false, true) => " [same slot from right]",
                _ => "",
            };
            let key = format!("{lang} step {step}: {cause}{hint}");
            *causes.entry(key.clone()).or_default() += 1;
            if verbose {
                println!("{} psm{psm} {key}", case.name);
                println!("    A {}", describe(&page, a.line, &[i]));
                if step == 2 {
                    println!("    m {}", describe(&page, a.line + 1, &[]));
                }
                println!("    B {}", describe(&page, b.line, &[t]));
            }
        }
    }
    for (k, n) in &causes {
        println!("{n:>5} {k}");
    }
}

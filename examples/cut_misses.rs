//! Diagnostic: are the true successors the chain stage misses on real-OCR
//! pages lost to the row cut or to chaining? Each piece is placed in the
//! gold text as `piece_truth` places it, and its cut is judged against the
//! gold: `under` where its letters read at two distant gold places (a
//! gutter the cutter missed: the piece spans two columns, as `cut_truth`
//! counts it), `over` where a neighbour on its own line is its true
//! predecessor or successor (one printed line cut in two: a column split),
//! `ragged` where the missed step's own boundary (the piece's last letters,
//! the successor's first) does not read at its placed end or start (a cut a
//! little off, or an OCR slip there), else `right`. Each missed true successor (the engine chose another or
//! none) is counted by the worse cut of its two ends, by where the true
//! piece stands (same line, next line, two lines down, earlier, further) and
//! by whether it was a candidate at all; the chosen ones are counted by cut
//! too, as the base rate. `row` adds, for steps with both ends cut right,
//! whether the two lines hold as many pieces as each other (a row cut
//! agreeing with its neighbour) or not, and where not, whether a piece on
//! either line is `under` or `over` (the row cut is wrong somewhere there)
//! or none is (the rows differ in the layout itself, or by a cut this
//! measure does not see). Totals are split by the case's
//! Tesseract page-segmentation mode (psm 3, 4/6, 11/12). Why: on psm 4/6
//! pages an OCR line is a row across all columns, so a missed true
//! successor may follow a piece cut inconsistently with the rows around it;
//! this tells whether a consistency rule for the row cut or a chaining rule
//! has more to work with. Reads gold, so it is a measuring stick only; the
//! engine never does.
//! With `--placements`, also prints each chosen link's placement and
//! whether it is the true successor (where one is known).
//! Usage: cut_misses [-v] [--placements] CASE_DIR...
use std::collections::BTreeMap;

mod shared;

use restitch::eval::corpus;
use restitch::eval::placement::{letters_and_digits, place_pieces, GoldText};
use restitch::parse;
use shared::ChainedPage;

/// Whether a needle's 4-or-6-letter stretches that occur once in the gold
/// agree on two distant implied starts, each with two votes or more, the
/// earlier-read one ending before the later begins (as `cut_truth`'s
/// `under`).
fn reads_at_two_places(gold: &GoldText, needle: &[char], window: usize) -> bool {
    let mut hits: Vec<(isize, usize)> = Vec::new();
    for offset in 0..needle.len().saturating_sub(window - 1) {
        let found = gold.occurrences(&needle[offset..offset + window]);
        if found.len() == 1 {
            hits.push((found[0] as isize - offset as isize, offset));
        }
    }
    hits.sort();
    let mut clusters: Vec<(isize, usize, usize, usize)> = Vec::new();
    for (start, offset) in hits {
        match clusters.last_mut() {
            Some(c) if start - c.0 <= 3 => {
                c.1 = c.1.min(offset);
                c.2 = c.2.max(offset);
                c.3 += 1;
            }
            _ => clusters.push((start, offset, offset, 1)),
        }
    }
    clusters.sort_by_key(|c| std::cmp::Reverse(c.3));
    let strong: Vec<_> = clusters.iter().filter(|c| c.3 >= 2).collect();
    if strong.len() < 2 {
        return false;
    }
    let (a, b) = if strong[0].1 < strong[1].1 { (strong[0], strong[1]) } else { (strong[1], strong[0]) };
    a.2 < b.1 + window && a.0.abs_diff(b.0) > 12
}

fn psm_group(dir: &str) -> &'static str {
    let meta = std::fs::read_to_string(std::path::Path::new(dir).join("meta.json")).unwrap_or_default();
    let value: serde_json::Value = serde_json::from_str(&meta).unwrap_or_default();
    match value["tesseract"]["psm"].as_u64() {
        Some(3) => "psm3",
        Some(4) | Some(6) => "psm4/6",
        Some(11) | Some(12) => "psm11/12",
        _ => "psm?",
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let placements = args.iter().any(|a| a == "--placements");
    // (psm, outcome, cut, step, row) -> count
    type Key = (&'static str, &'static str, &'static str, &'static str, &'static str);
    let mut total: BTreeMap<Key, usize> = BTreeMap::new();
    for dir in args.iter().filter(|a| !a.starts_with('-')) {
        let case = corpus::load_case(std::path::Path::new(dir)).expect("a case");
        let psm = psm_group(dir);
        let ChainedPage { page, junctions, next, truth } = ChainedPage::new(&case);
        let gold = GoldText::new(&case);
        let window = if page.script == parse::Script::Cjk { 4 } else { 6 };
        let n = page.pieces.len();
        let under: Vec<bool> = page
            .pieces
            .iter()
            .map(|p| reads_at_two_places(&gold, &letters_and_digits(&p.text), window))
            .collect();
        // Whether a piece's first (last) letters read at its placed start
        // (end), within two letters: where not, its cut boundary there took
        // or left text of a neighbour (or an OCR slip sits there).
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let placed = place_pieces(&gold, &texts);
        let edge_reads = |needle: &[char], at: usize| {
            (at.saturating_sub(2)..=at + 2).any(|s| gold.chars.get(s..s + needle.len()) == Some(needle))
        };
        let ragged: Vec<(bool, bool)> = (0..n)
            .map(|i| {
                let needle = letters_and_digits(&page.pieces[i].text);
                let Some(p) = placed[i] else { return (false, false) };
                if needle.len() < 2 * window {
                    return (false, false);
                }
                let head = !edge_reads(&needle[..window], p.start);
                let tail = !edge_reads(
                    &needle[needle.len() - window..],
                    (p.start + needle.len()).saturating_sub(window),
                );
                (head, tail)
            })
            .collect();
        let mut over = vec![false; n];
        for (i, t) in truth.iter().enumerate() {
            if let Some(t) = *t {
                if page.pieces[t].line == page.pieces[i].line && t == i + 1 {
                    over[i] = true;
                    over[t] = true;
                }
            }
        }
        let cut = |i: usize| {
            if under[i] {
                "under"
            } else if over[i] {
                "over"
            } else {
                "right"
            }
        };
        let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for i in 0..n {
            let Some(t) = truth[i] else { continue };
            let offered = junctions.iter().any(|j| j.from.0 == i && j.to.0 == t);
            let outcome = match (next[i] == Some(t), offered) {
                (true, _) => "chosen",
                (false, true) => "outscored",
                (false, false) => "no candidate",
            };
            // The worse cut of the two ends; a same-line true step is the
            // over cut itself.
            let cut_kind = match (cut(i), cut(t)) {
                ("under", _) | (_, "under") => "under",
                _ if page.pieces[i].line == page.pieces[t].line && t == i + 1 => "over (split pair)",
                ("over", _) | (_, "over") => "over",
                _ if ragged[i].1 || ragged[t].0 => "ragged",
                _ => "right",
            };
            let (li, lt) = (page.pieces[i].line, page.pieces[t].line);
            let row = if cut_kind != "right" {
                ""
            } else if page.lines[li].pieces.len() == page.lines[lt].pieces.len() {
                "rows agree"
            } else if page.lines[li]
                .pieces
                .clone()
                .chain(page.lines[lt].pieces.clone())
                .any(|k| under[k] || over[k])
            {
                "rows differ, a piece there miscut"
            } else {
                "rows differ, all cut right"
            };
            let step = shared::kind_of_step(li, lt);
            *counts.entry((outcome, cut_kind)).or_default() += 1;
            *total.entry((psm, outcome, cut_kind, step, row)).or_default() += 1;
            if verbose && outcome != "chosen" {
                let label = |k: usize| shared::piece_label(&page, k, 10);
                println!(
                    "  {outcome:<12} {cut_kind:<17} {step:<9} {} -> {} (chose {})",
                    label(i),
                    label(t),
                    next[i].map_or("END".into(), label)
                );
            }
        }
        if placements {
            // The engine's chosen links by placement, right or wrong
            // (against a known true successor only).
            let glue = restitch::score::rows::glue_evidence(&page);
            for i in 0..n {
                let (Some(t), Some(c)) = (truth[i], next[i]) else { continue };
                let g = glue[page.pieces[i].line];
                let glue_sign = if g > 0.0 {
                    "glue+"
                } else if g < 0.0 {
                    "glue-"
                } else {
                    "glue0"
                };
                let placement = junctions
                    .iter()
                    .find(|j| j.from.0 == i && j.to.0 == c)
                    .map_or("none".to_string(), |j| format!("{:?}", j.placement));
                let verdict = if t == c { "right" } else { "wrong" };
                println!("placement\t{psm}\t{placement}\t{verdict}\t{glue_sign}");
            }
        }
        let get = |o: &str, c: &str| counts.get(&(o, c)).copied().unwrap_or(0);
        let missed = |c: &str| get("outscored", c) + get("no candidate", c);
        println!(
            "{:<14} {psm:<9} missed: under {:>3} over {:>3} split-pair {:>3} ragged {:>3} right {:>3} | chosen: under {:>3} over {:>3} ragged {:>3} right {:>3}",
            case.name,
            missed("under"),
            missed("over"),
            missed("over (split pair)"),
            missed("ragged"),
            missed("right"),
            get("chosen", "under"),
            get("chosen", "over") + get("chosen", "over (split pair)"),
            get("chosen", "ragged"),
            get("chosen", "right"),
        );
    }
    println!("== totals (psm, outcome, cut, step, row): count");
    for ((psm, outcome, cut, step, row), count) in &total {
        println!("total\t{psm}\t{outcome}\t{cut}\t{step}\t{row}\t{count}");
    }
}

//! Diagnostic: the cuts of glued lines against the gold text on real-OCR
//! pages. Each piece's letters are laid on the gold text by stretches that
//! occur once there; a piece whose stretches agree on two distant starts
//! holds text of two places (a gutter the cutter missed: `under`), and two
//! neighbours on one line whose places meet end to start in one article are
//! one printed line cut in two (`over`). With `--oracle DIR`, writes each
//! case's input with a gutter (two spaces) put where each `under` piece changes
//! place (gold cut, as a ceiling) into DIR/CASE/ beside a copy of its gold
//! and meta, for `restitch eval DIR` (a shifted gutter moves every column
//! after it, so this oracle understates). Per case it also prints the
//! article F1 of the pipeline (`engine`), of the pipeline steered to each
//! placed piece's true successor where that was a candidate (`steer-cand`)
//! and also added where it was none (`steer-all`; the truth is wrong where
//! a text occurs twice, so these can fall), of the pieces put in gold order
//! (`sorted`, the ceiling of the current cuts) and of that with the `under`
//! pieces cut at the gold place (`sorted+gold-cuts`). Why: to tell the F1
//! lost to cuts from that lost to junctions and to article assembly before
//! changing any. Reads gold, so it is a measuring stick only; the engine
//! never does.
//! Usage: cut_truth [-v] [--oracle DIR] CASE_DIR...
use std::collections::BTreeMap;

mod shared;

use restitch::eval::corpus;
use restitch::eval::metrics;
use restitch::eval::placement::{letters_and_digits, place_pieces, GoldText};
use restitch::parse;

/// The starts (implied piece starts) that a needle's stretches occurring
/// once vote for, clustered within `slack`, as (start, first offset, last
/// offset, votes), most votes first.
fn clusters(
    gold: &GoldText,
    needle: &[char],
    window: usize,
    slack: isize,
) -> Vec<(isize, usize, usize, usize)> {
    let mut hits: Vec<(isize, usize)> = Vec::new(); // (implied start, offset)
    for offset in 0..needle.len().saturating_sub(window - 1) {
        let found = gold.occurrences(&needle[offset..offset + window]);
        if found.len() == 1 {
            hits.push((found[0] as isize - offset as isize, offset));
        }
    }
    hits.sort();
    let mut out: Vec<(isize, usize, usize, usize)> = Vec::new();
    for (start, offset) in hits {
        match out.last_mut() {
            Some(c) if start - c.0 <= slack => {
                c.1 = c.1.min(offset);
                c.2 = c.2.max(offset);
                c.3 += 1;
            }
            _ => out.push((start, offset, offset, 1)),
        }
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.3));
    out
}

/// Article F1 when the given texts are put in gold order: each placed text
/// in its gold article by its place, the unplaced ones in one more article.
fn sorted_f1(case: &corpus::Case, gold: &GoldText, texts: &[&str], cjk: bool) -> f64 {
    let placed = place_pieces(gold, texts);
    let articles = case.gold.articles.len();
    let mut by_article: Vec<Vec<(usize, &str)>> = vec![Vec::new(); articles + 1];
    for (i, t) in texts.iter().enumerate() {
        match placed[i] {
            Some(p) => by_article[gold.article_of[p.start]].push((p.start, t)),
            None => by_article[articles].push((i, t)),
        }
    }
    let output: Vec<Vec<char>> = by_article
        .iter_mut()
        .map(|a| {
            a.sort_by_key(|x| x.0);
            metrics::normalise(&a.iter().map(|x| x.1).collect::<Vec<_>>().join(" "), cjk)
        })
        .collect();
    let gold_texts: Vec<Vec<char>> =
        case.gold.articles.iter().map(|a| metrics::normalise(&a.text(), cjk)).collect();
    metrics::match_articles(&gold_texts, &output).f1()
}

/// Article F1 of the pipeline when each piece with a known true successor
/// is steered to it: the true junction raised above every other from the
/// piece and into its successor, added where it was no candidate when
/// `add_missing`. Text joined per article without rendering.
fn steered_f1(case: &corpus::Case, page: &parse::Page, truth: &[Option<usize>], add_missing: bool) -> f64 {
    use restitch::assemble::{articles, chains};
    let options = restitch::Options::default();
    let mut junctions = restitch::score_structured(page, &options.weights);
    shared::steer(&mut junctions, truth, add_missing);
    let built = chains::build(page, &junctions, options.threshold);
    let assembled = articles::assemble(page, built);
    if std::env::var("DUMP").is_ok() {
        println!("--- steer {} add {add_missing}", !truth.is_empty());
        for a in &assembled.articles {
            let text: Vec<String> = a.pieces().map(|id| page.piece(id).text.clone()).collect();
            println!("  ART {}", text.join(" | "));
        }
    }
    shared::assembly_f1(page, case, &assembled)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let oracle = args.iter().position(|a| a == "--oracle").map(|i| args[i + 1].clone());
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    let mut skip_next = false;
    for dir in &args {
        if skip_next {
            skip_next = false;
            continue;
        }
        if dir == "--oracle" {
            skip_next = true;
            continue;
        }
        if dir.starts_with('-') {
            continue;
        }
        let case = corpus::load_case(std::path::Path::new(dir)).expect("a case");
        let page = &parse::parse_document(&case.input, None)[0];
        let gold = GoldText::new(&case);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let placed = place_pieces(&gold, &texts);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        // Input line number -> char columns where a gutter belongs.
        let mut inserts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        // The texts with each under piece cut where its place changes.
        let mut split_texts: Vec<String> = Vec::new();
        for (index, piece) in page.pieces.iter().enumerate() {
            *counts.entry("pieces").or_default() += 1;
            let needle = letters_and_digits(&piece.text);
            let window = if page.script == parse::Script::Cjk { 4 } else { 6 };
            let found = clusters(&gold, &needle, window, 3);
            let strong: Vec<_> = found.iter().filter(|c| c.3 >= 2).collect();
            let mut was_split = false;
            if strong.len() >= 2 {
                let (a, b) =
                    if strong[0].1 < strong[1].1 { (strong[0], strong[1]) } else { (strong[1], strong[0]) };
                if a.2 < b.1 + window && a.0.abs_diff(b.0) > 12 {
                    *counts.entry("under").or_default() += 1;
                    // Best cut: needle[..k] read at a, needle[k..] at b.
                    let score = |k: usize| {
                        (0..needle.len())
                            .filter(|&i| {
                                let s = if i < k { a.0 } else { b.0 };
                                usize::try_from(s + i as isize).ok().and_then(|k| gold.chars.get(k))
                                    == Some(&needle[i])
                            })
                            .count()
                    };
                    let k = (a.1 + 1..=b.2 + window - 1).max_by_key(|&k| score(k)).unwrap_or(b.1);
                    // Needle index k -> char index in the text.
                    let mut seen = 0;
                    let mut at = 0;
                    for (ci, c) in piece.text.chars().enumerate() {
                        if c.is_alphanumeric() {
                            if seen == k {
                                at = ci;
                                break;
                            }
                            seen += 1;
                        }
                    }
                    // Back over the punctuation and space before it.
                    let chars: Vec<char> = piece.text.chars().collect();
                    while at > 0 && !chars[at - 1].is_alphanumeric() && !chars[at - 1].is_whitespace() {
                        at -= 1;
                    }
                    if at > 0 && chars[at - 1].is_whitespace() {
                        // keep
                    } else if page.script == parse::Script::Latin {
                        // Prefer the nearest space.
                        let left = (0..at).rev().find(|&i| chars[i].is_whitespace());
                        if let Some(l) = left.filter(|&l| at - l <= 3) {
                            at = l + 1;
                        }
                    }
                    let column = piece.span.start + at;
                    was_split = true;
                    split_texts.push(chars[..at].iter().collect());
                    split_texts.push(chars[at..].iter().collect());
                    inserts.entry(piece.span.line).or_default().push(column);
                    if verbose {
                        let (l, r): (String, String) =
                            (chars[..at].iter().collect(), chars[at..].iter().collect());
                        println!("  under {}:{} {l} ‖ {r}", piece.span.line, piece.span.start);
                    }
                }
            }
            if !was_split {
                split_texts.push(piece.text.clone());
            }
            if placed[index].is_none() {
                *counts.entry("unplaced").or_default() += 1;
            }
        }
        for line in &page.lines {
            for i in line.pieces.clone().skip(1) {
                let (Some(a), Some(b)) = (placed[i - 1], placed[i]) else { continue };
                if b.start + 2 >= a.end
                    && b.start <= a.end + 2
                    && gold.article_of[a.end.saturating_sub(1)] == gold.article_of[b.start]
                {
                    *counts.entry("over").or_default() += 1;
                    if verbose {
                        println!(
                            "  over  {} {} ‖ {}",
                            line.number,
                            page.pieces[i - 1].text,
                            page.pieces[i].text
                        );
                    }
                }
            }
        }
        let cjk = page.script == parse::Script::Cjk;
        let ceiling = sorted_f1(&case, &gold, &texts, cjk);
        let split_refs: Vec<&str> = split_texts.iter().map(String::as_str).collect();
        let split_ceiling = sorted_f1(&case, &gold, &split_refs, cjk);
        let spans: Vec<Option<(usize, usize)>> = placed.iter().map(|p| p.map(|p| (p.start, p.end))).collect();
        let truth = gold.true_successors(&spans, 2, 4);
        let engine = steered_f1(&case, page, &[], false);
        let chosen = steered_f1(&case, page, &truth, false);
        let all = steered_f1(&case, page, &truth, true);
        print!("{:<14} engine {engine:.3} steer-cand {chosen:.3} steer-all {all:.3} ", case.name);
        println!(
            "sorted {ceiling:.3} sorted+gold-cuts {split_ceiling:.3} pieces {:>4} under {:>3} over {:>3} unplaced {:>3}",
            counts.get("pieces").unwrap_or(&0),
            counts.get("under").unwrap_or(&0),
            counts.get("over").unwrap_or(&0),
            counts.get("unplaced").unwrap_or(&0)
        );
        for (k, v) in counts {
            *totals.entry(k).or_default() += v;
        }
        if let Some(out) = &oracle {
            let dest = std::path::Path::new(out).join(&case.name);
            std::fs::create_dir_all(&dest).unwrap();
            for f in ["gold.json", "meta.json"] {
                std::fs::copy(std::path::Path::new(dir).join(f), dest.join(f)).unwrap();
            }
            let text = std::fs::read_to_string(std::path::Path::new(dir).join("input.txt")).unwrap();
            let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
            for (number, mut columns) in inserts {
                columns.sort();
                let mut chars: Vec<char> = lines[number - 1].chars().collect();
                for &c in columns.iter().rev() {
                    // Drop the spaces there, then put a wide gutter.
                    let mut s = c;
                    while s > 0 && chars[s - 1] == ' ' {
                        s -= 1;
                    }
                    chars.splice(s..c, "  ".chars());
                }
                lines[number - 1] = chars.into_iter().collect();
            }
            std::fs::write(dest.join("input.txt"), lines.join("\n")).unwrap();
        }
    }
    println!("total {totals:?}");
}

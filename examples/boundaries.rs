//! Diagnostic: how much of the article F1 lost on real-OCR pages comes
//! from article boundaries (text in the wrong article, articles split or
//! merged, headlines and bylines placed in the wrong article) rather than
//! from the order inside an article.
//!
//! In: the corpus (dev cases by default; `--heldout` for those, `--all`
//! for both), optionally case names to print their articles piece by piece.
//! Out: per case the article F1, the F1 with order inside articles ignored
//! (characters compared as multisets), and the characters the engine put in
//! an article other than the one its gold article was matched to, by the
//! engine role of their piece; then the totals as a share of all characters
//! (about the F1 each kind costs). Why: to know whether to work on roles
//! and article cutting or on junctions.
//!
//! A piece is attributed to the gold article whose text holds it (whitespace
//! and hyphens ignored); a piece found in several is given to the article
//! its engine article was matched to if that is one of them, else it counts
//! as unknown, as does a piece found in none (a piece glued across two
//! articles).
use std::collections::HashMap;

#[path = "shared/mod.rs"]
mod shared;
use shared::{real_ocr_cases, squeeze, GoldTrigrams};

use restitch::assemble::{articles, chains};
use restitch::eval::metrics;
use restitch::parse::{self, Role};
use restitch::{score_structured, Options};

/// Multiset overlap of two character sequences.
fn bag_overlap(a: &[char], b: &[char]) -> usize {
    let mut counts: HashMap<char, i64> = HashMap::new();
    for &c in a {
        *counts.entry(c).or_default() += 1;
    }
    let mut shared = 0;
    for &c in b {
        if let Some(n) = counts.get_mut(&c) {
            if *n > 0 {
                *n -= 1;
                shared += 1;
            }
        }
    }
    shared
}

fn f1(matched: usize, gold: usize, out: usize) -> f64 {
    let (p, r) = (matched as f64 / out.max(1) as f64, matched as f64 / gold.max(1) as f64);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

const KINDS: [&str; 10] = [
    "headline in wrong article",
    "headline opens extra article",
    "byline in wrong article",
    "byline alone/extra article",
    "body in wrong article (merge)",
    "body in extra article (split)",
    "unknown piece (glued across)",
    "unplaced",
    "gold article unmatched",
    "(of these: chains crossing articles)",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cases, show) = real_ocr_cases(&args);
    let options = Options::default();
    let mut totals = [0usize; KINDS.len()];
    let (mut all_chars, mut sum_f1, mut sum_bag, mut n) = (0usize, 0.0, 0.0, 0usize);
    for case in &cases {
        let cjk = case.is_cjk();
        let page = &parse::parse_document(&case.input, None)[0];
        let junctions = score_structured(page, &options.weights);
        let chains = chains::build(page, &junctions, options.threshold);
        let chain_pieces: Vec<Vec<parse::PieceId>> = chains.iter().map(|c| c.pieces.clone()).collect();
        let assembly = articles::assemble(page, chains);
        let text_of = |ids: &mut dyn Iterator<Item = parse::PieceId>| {
            ids.map(|id| page.piece(id).text.clone()).collect::<Vec<_>>().join(" ")
        };
        let out: Vec<Vec<char>> =
            assembly.articles.iter().map(|a| metrics::normalise(&text_of(&mut a.pieces()), cjk)).collect();
        let gold: Vec<Vec<char>> =
            case.gold.articles.iter().map(|a| metrics::normalise(&a.text(), cjk)).collect();
        let lcs: Vec<Vec<i64>> =
            gold.iter().map(|g| out.iter().map(|o| metrics::lcs_len(g, o) as i64).collect()).collect();
        let assignment = metrics::best_assignment(&lcs);
        let gold_chars: usize = gold.iter().map(Vec::len).sum();
        let out_chars: usize = out.iter().map(Vec::len).sum();
        let matched: usize =
            assignment.iter().enumerate().filter_map(|(g, o)| o.map(|o| lcs[g][o] as usize)).sum();
        let bag: Vec<Vec<i64>> =
            gold.iter().map(|g| out.iter().map(|o| bag_overlap(g, o) as i64).collect()).collect();
        let bag_assignment = metrics::best_assignment(&bag);
        let bag_matched: usize =
            bag_assignment.iter().enumerate().filter_map(|(g, o)| o.map(|o| bag[g][o] as usize)).sum();
        let case_f1 = f1(matched, gold_chars, out_chars);
        let case_bag = f1(bag_matched, gold_chars, out_chars);
        // Which gold article each engine article was matched to.
        let mut gold_of_out: Vec<Option<usize>> = vec![None; out.len()];
        for (g, o) in assignment.iter().enumerate() {
            if let Some(o) = o {
                gold_of_out[*o] = Some(g);
            }
        }
        let gold_texts: Vec<String> = case.gold.articles.iter().map(|a| a.text()).collect();
        let gold_titles: Vec<String> =
            case.gold.articles.iter().map(|a| squeeze(a.title.as_deref().unwrap_or(""))).collect();
        let gold_bylines: Vec<String> =
            case.gold.articles.iter().map(|a| squeeze(a.byline.as_deref().unwrap_or(""))).collect();
        let gold_trigrams = GoldTrigrams::new(gold_texts.iter().map(String::as_str));
        let attribute = |text: &str, home: Option<usize>| -> Option<usize> {
            let Some(found) = gold_trigrams.claimants(text) else { return home };
            match found.len() {
                0 => None,
                1 => Some(found[0]),
                _ => home.filter(|h| found.contains(h)).or(home.is_none().then_some(found[0])),
            }
        };
        let size = |text: &str| metrics::normalise(text, cjk).len();
        let mut kinds = [0usize; KINDS.len()];
        for (index, article) in assembly.articles.iter().enumerate() {
            let home = gold_of_out[index];
            if show {
                println!("--- engine article {index} -> gold {home:?}");
            }
            for id in article.pieces() {
                let piece = page.piece(id);
                let at = attribute(&piece.text, home);
                let chars = size(&piece.text);
                let in_title = at.is_some_and(|g| gold_titles[g].contains(&squeeze(&piece.text)));
                let in_byline = at.is_some_and(|g| gold_bylines[g].contains(&squeeze(&piece.text)));
                let wrong = at != home || home.is_none();
                if show {
                    println!(
                        "  {} {:?}{} gold {:?}{} | {}",
                        if wrong { "XX" } else { "  " },
                        piece.role,
                        if article.byline.contains(&id) { "(byline)" } else { "" },
                        at,
                        if in_title {
                            " T"
                        } else if in_byline {
                            " B"
                        } else {
                            ""
                        },
                        piece.text
                    );
                }
                if !wrong {
                    continue;
                }
                let kind = if at.is_none() && home.is_some() {
                    6
                } else if piece.role.is_heading() || in_title {
                    if home.is_some() {
                        0
                    } else {
                        1
                    }
                } else if piece.role == Role::Byline || article.byline.contains(&id) || in_byline {
                    if home.is_some() {
                        2
                    } else {
                        3
                    }
                } else if home.is_some() {
                    4
                } else {
                    5
                };
                kinds[kind] += chars;
            }
        }
        for &id in &assembly.unplaced {
            kinds[7] += size(&page.piece(id).text);
            if show {
                println!("  unplaced {:?} {}", page.piece(id).role, page.piece(id).text);
            }
        }
        for (g, o) in assignment.iter().enumerate() {
            if o.is_none() {
                kinds[8] += gold[g].len();
            }
        }
        // Chains that run from one gold article into another: a junction
        // error across articles, not the assembler's. Counted as the
        // characters of each chain outside its majority gold article.
        let mut crossing = 0usize;
        for chain in &chain_pieces {
            let mut by_gold: HashMap<Option<usize>, usize> = HashMap::new();
            for &id in chain {
                *by_gold.entry(attribute(&page.piece(id).text, None)).or_default() +=
                    size(&page.piece(id).text);
            }
            let total: usize = by_gold.iter().filter(|(g, _)| g.is_some()).map(|(_, n)| n).sum();
            let most = by_gold.iter().filter(|(g, _)| g.is_some()).map(|(_, n)| *n).max().unwrap_or(0);
            crossing += total - most;
        }
        kinds[9] += crossing;
        let chars = gold_chars.max(out_chars);
        println!(
            "{:<12} gold {} out {} F1 {:.3} bag {:.3} | {}",
            case.name,
            gold.len(),
            out.len(),
            case_f1,
            case_bag,
            kinds
                .iter()
                .enumerate()
                .filter(|(_, &k)| k > 0)
                .map(|(i, &k)| format!("{}:{:.3}", i, k as f64 / chars as f64))
                .collect::<Vec<_>>()
                .join(" ")
        );
        for (t, k) in totals.iter_mut().zip(kinds) {
            *t += k;
        }
        all_chars += chars;
        sum_f1 += case_f1;
        sum_bag += case_bag;
        n += 1;
    }
    let n = n.max(1) as f64;
    println!(
        "\nmean F1 {:.3}, with order inside articles ignored {:.3} (order costs {:.3}, boundaries {:.3})",
        sum_f1 / n,
        sum_bag / n,
        (sum_bag - sum_f1) / n,
        1.0 - sum_bag / n
    );
    println!("misplaced characters by kind, share of all characters (about the F1 each costs):");
    for (i, kind) in KINDS.iter().enumerate() {
        println!("  {i} {kind:<32} {:.4}", totals[i] as f64 / all_chars.max(1) as f64);
    }
}

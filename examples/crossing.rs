//! Diagnostic: the chain steps that run from one gold article into another
//! on real-OCR pages, with the junction's features and score.
//!
//! In: the corpus (dev cases by default; `--heldout` for those, `--all` for
//! both), optionally case names to look at only those. Out: per case, each
//! step of the engine's chains whose two pieces belong to different gold
//! articles: the pass that made it (greedy cover, splice, open-end join),
//! its placement, score and non-zero weighted features, the characters
//! carried into the wrong article (up to the chain's next crossing or end),
//! and the left piece's best candidate into its own gold article, if any;
//! then a table of such steps by a rough class. Why: chains across two
//! articles cost the most of the boundary loss (see `boundaries`); knowing
//! which junctions make them says which signal to mend.
//!
//! Options: `--quiet` prints only the class table; `--weights=FILE` scores
//! with other weights; `--dump=FILE` appends every candidate between two
//! attributed pieces (taken or not, same article or not, all features) and
//! `--steps=FILE` every step taken, with the topic similarity of the chain's
//! text on either side (40 cells, 80 cells, all), as TSV for study.
//!
//! Pieces are attributed to gold articles by their character trigrams, as
//! `boundaries` does; a piece found in no article or in several is left
//! out (a step with it is not counted).
use std::collections::{HashMap, HashSet};

#[path = "shared/mod.rs"]
mod shared;
use shared::{real_ocr_cases, GoldTrigrams};

use restitch::assemble::chains;
use restitch::eval::metrics;
use restitch::parse::{self, chars::ends_sentence, PieceId, Role};
use restitch::score::{self, Feature, Weights};

/// Which pass of `chains::build` made a step.
fn pass_of(
    step: (PieceId, PieceId),
    greedy: &HashSet<(PieceId, PieceId)>,
    spliced: &HashSet<(PieceId, PieceId)>,
) -> &'static str {
    if greedy.contains(&step) {
        "greedy"
    } else if spliced.contains(&step) {
        "splice"
    } else {
        "join"
    }
}

fn steps(chains: &[chains::Chain]) -> HashSet<(PieceId, PieceId)> {
    chains.iter().flat_map(|c| c.pieces.windows(2).map(|w| (w[0], w[1]))).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let weights_file = args.iter().find_map(|a| a.strip_prefix("--weights=")).map(str::to_string);
    let dump = args.iter().find_map(|a| a.strip_prefix("--dump=")).map(str::to_string);
    let steps_dump = args.iter().find_map(|a| a.strip_prefix("--steps=")).map(str::to_string);
    let (cases, _named) = real_ocr_cases(&args);
    let weights: Weights = match weights_file {
        Some(path) => serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap(),
        None => Weights::default(),
    };
    let vector = weights.vector();
    let mut classes: HashMap<String, (usize, usize)> = HashMap::new();
    let mut all_chars = 0usize;
    for case in &cases {
        let cjk = case.is_cjk();
        let page = &parse::parse_document(&case.input, None)[0];
        let features: HashMap<(PieceId, PieceId), (score::Placement, score::Features)> =
            score::candidate_features(page)
                .into_iter()
                .map(|(l, f)| ((l.from, l.to), (l.placement, f)))
                .collect();
        let junctions = restitch::score_structured(page, &weights);
        let score_of: HashMap<(PieceId, PieceId), f32> =
            junctions.iter().map(|j| ((j.from, j.to), j.score)).collect();
        let threshold = restitch::Options::default().threshold;
        let greedy = chains::link(page.pieces.len(), &junctions, threshold);
        let spliced = chains::splice_skipped(greedy.clone(), &junctions, threshold);
        let built = chains::build(page, &junctions, threshold);
        let (greedy, spliced) = (steps(&greedy), steps(&spliced));
        let gold_texts: Vec<String> = case.gold.articles.iter().map(|a| a.text()).collect();
        let gold = GoldTrigrams::new(gold_texts.iter().map(String::as_str));
        let attribute = |text: &str| -> Option<usize> {
            let found = gold.claimants(text)?;
            (found.len() == 1).then(|| found[0])
        };
        let gold_of: Vec<Option<usize>> = page.pieces.iter().map(|p| attribute(&p.text)).collect();
        let size = |id: PieceId| metrics::normalise(&page.piece(id).text, cjk).len();
        let chars: usize = page.pieces.iter().map(|p| metrics::normalise(&p.text, cjk).len()).sum();
        all_chars += chars;
        let mut previous_of: HashMap<PieceId, PieceId> = HashMap::new();
        for chain in &built {
            for w in chain.pieces.windows(2) {
                previous_of.insert(w[1], w[0]);
            }
        }
        let show = |id: PieceId, head: bool| {
            let p = page.piece(id);
            let text: Vec<char> = p.text.chars().collect();
            let part: String = if head {
                text.iter().take(16).collect()
            } else {
                text[text.len().saturating_sub(16)..].iter().collect()
            };
            format!("{}:{} {:?} g{:?} «{}»", p.span.line, p.span.start, p.role, gold_of[id.0], part)
        };
        if let Some(dump) = &dump {
            // Every candidate between two attributed pieces, for study:
            // whether the chains took it and whether it stays in one article.
            let taken = steps(&built);
            let mut out = std::fs::OpenOptions::new().append(true).create(true).open(dump).unwrap();
            for (&(from, to), (placement, f)) in &features {
                let (Some(ga), Some(gb)) = (gold_of[from.0], gold_of[to.0]) else { continue };
                use std::io::Write;
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{:?}\t{:.3}\t{}",
                    case.name,
                    from.0,
                    to.0,
                    u8::from(taken.contains(&(from, to))),
                    u8::from(ga == gb),
                    placement,
                    score_of[&(from, to)],
                    f.0.iter().map(|v| format!("{v:.3}")).collect::<Vec<_>>().join("\t")
                )
                .unwrap();
            }
        }
        if let Some(dump) = &steps_dump {
            // Every step the chains took between two attributed pieces, with
            // the topic similarity of the chain's text on either side.
            use std::io::Write;
            let idf = score::topic::Idf::from_page(page);
            let mut out = std::fs::OpenOptions::new().append(true).create(true).open(dump).unwrap();
            for chain in &built {
                for i in 0..chain.pieces.len() - 1 {
                    let (from, to) = (chain.pieces[i], chain.pieces[i + 1]);
                    let (Some(ga), Some(gb)) = (gold_of[from.0], gold_of[to.0]) else { continue };
                    let side = |ids: &mut dyn Iterator<Item = &PieceId>, limit: f32| {
                        let mut profile = score::topic::Profile::new();
                        let mut cells = 0.0;
                        for &id in ids {
                            if cells >= limit {
                                break;
                            }
                            profile.add(&page.piece(id).text);
                            cells += page.piece(id).cells;
                        }
                        (profile.vector(&idf), cells)
                    };
                    let mut cols = Vec::new();
                    for limit in [40.0, 80.0, 1e9] {
                        let (b, cb) = side(&mut chain.pieces[..=i].iter().rev(), limit);
                        let (a, ca) = side(&mut chain.pieces[i + 1..].iter(), limit);
                        cols.push(format!("{:.3}\t{cb:.0}\t{ca:.0}", b.cosine(&a)));
                    }
                    let f = features.get(&(from, to));
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{:.3}\t{}\t{}",
                        case.name,
                        from.0,
                        to.0,
                        u8::from(ga == gb),
                        pass_of((from, to), &greedy, &spliced),
                        f.map(|f| format!("{:?}", f.0)).unwrap_or("-".into()),
                        score_of.get(&(from, to)).copied().unwrap_or(f32::NAN),
                        u8::from(ends_sentence(&page.piece(from).text)),
                        cols.join("\t")
                    )
                    .unwrap();
                }
            }
        }
        let mut header = false;
        for chain in &built {
            // The known-article pieces of the chain, in order.
            let known: Vec<(usize, PieceId)> = chain
                .pieces
                .iter()
                .enumerate()
                .filter_map(|(i, &id)| gold_of[id.0].map(|_| (i, id)))
                .collect();
            for pair in known.windows(2) {
                let ((i, a), (_, b)) = (pair[0], pair[1]);
                if gold_of[a.0] == gold_of[b.0] {
                    continue;
                }
                // The step out of `a` (the direct link where nothing
                // unattributed stands between).
                let (from, to) = (chain.pieces[i], chain.pieces[i + 1]);
                // Characters carried on in the other article: up to the next
                // piece that returns to a's article, or the chain's end.
                // The cost of the step: the smaller of the runs it joins
                // (the run of a's article ending at it, the run of the other
                // article starting after it), as the smaller part of a
                // chain is what lands in the wrong article.
                let before: usize = chain.pieces[..=i]
                    .iter()
                    .rev()
                    .take_while(|id| gold_of[id.0].is_none() || gold_of[id.0] == gold_of[a.0])
                    .map(|&id| size(id))
                    .sum();
                let after: usize = chain.pieces[i + 1..]
                    .iter()
                    .take_while(|id| gold_of[id.0].is_none() || gold_of[id.0] == gold_of[b.0])
                    .map(|&id| size(id))
                    .sum();
                let carried = before.min(after);
                let pass = pass_of((from, to), &greedy, &spliced);
                let (placement, f) = features.get(&(from, to)).cloned().unzip();
                let score = score_of.get(&(from, to)).copied();
                // The left piece's best candidate into its own article.
                let own = junctions
                    .iter()
                    .filter(|j| j.from == from && gold_of[j.to.0] == gold_of[a.0] && gold_of[a.0].is_some())
                    .max_by(|x, y| x.score.total_cmp(&y.score));
                let left = page.piece(from);
                let right = page.piece(to);
                let left_ends = ends_sentence(&left.text);
                let class = format!(
                    "{} {:?} {}{}{}",
                    pass,
                    placement.map(|p| format!("{p:?}")).unwrap_or("-".into()),
                    if left_ends { "end" } else { "mid" },
                    if right.role.is_heading() {
                        "->head"
                    } else if right.role == Role::Byline {
                        "->byline"
                    } else if left.role.is_heading() {
                        " head->"
                    } else {
                        ""
                    },
                    if own.is_some() { " +own" } else { "" },
                );
                let entry = classes.entry(class.clone()).or_default();
                entry.0 += 1;
                entry.1 += carried;
                if quiet {
                    continue;
                }
                if !header {
                    println!("=== {} ({} chars)", case.name, chars);
                    header = true;
                }
                println!(
                    "  [{class}] carried {carried} score {:.2}\n    {}\n -> {}",
                    score.unwrap_or(f32::NAN),
                    show(from, false),
                    show(to, true)
                );
                if let Some(f) = f {
                    let mut parts = Vec::new();
                    for (n, feature) in Feature::ALL.iter().enumerate() {
                        if f.0[n] != 0.0 && vector[n] != 0.0 {
                            parts.push(format!(
                                "{}={:.2}({:+.2})",
                                feature.key(),
                                f.0[n],
                                f.0[n] * vector[n]
                            ));
                        }
                    }
                    println!("    {}", parts.join(" "));
                }
                if let Some(own) = own {
                    let taken = previous_of.get(&own.to).map(|&p| show(p, false)).unwrap_or("-".into());
                    println!(
                        "    own: {:?} {:.2} {} (its predecessor: {})",
                        own.placement,
                        own.score,
                        show(own.to, true),
                        taken
                    );
                }
            }
        }
    }
    let mut table: Vec<_> = classes.into_iter().collect();
    table.sort_by_key(|b| std::cmp::Reverse(b.1 .1));
    println!(
        "\nclass (pass placement left-end [+own: a candidate into its own article]): steps, carried share"
    );
    for (class, (count, carried)) in table {
        println!("  {class:<40} {count:>4} {:.4}", carried as f64 / all_chars.max(1) as f64);
    }
}

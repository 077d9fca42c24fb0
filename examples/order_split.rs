//! Diagnostic: the F1 lost to order inside articles, split between the
//! chain stage and the article stage. A *fragment* is a maximal run of an
//! engine article's pieces that follow each other by a chain link
//! (`assemble::chains::build`); where two pieces of an article follow each
//! other without one, the article stage put two fragments one after the
//! other. Per case it prints the article F1 (pieces joined per article, as
//! `cut_truth` scores) of the engine (`engine`); with each article's
//! fragments put in gold order, membership and each fragment's inner order
//! kept (`frag`: what the article stage's order of fragments costs); with
//! each fragment's pieces put in gold order where the engine put the
//! fragments (`inner`: wrong successors inside chains that stay inside
//! their fragment); and with both (`both`: every article's pieces in gold
//! order, membership kept). A fragment's gold place is the least gold start
//! of its pieces (`--first`: of its first placed piece); an unplaced piece
//! sorts right after the piece before it. `--steer` first steers the chain
//! stage to every true successor (as `cut_truth`'s `steer-all`), so that the
//! oracles above measure the article stage on true chains. The totals add
//! the article-stage joins by where the fragment's true predecessor stands
//! and whether the junction into it was a candidate. Why: to know which
//! stage an order rule must change before writing one. Reads gold, so a
//! measuring stick only; the engine never does.
//!
//! `--break=MODE` first changes the chain stage's line-break links
//! (`RightBreak`: to the next piece of the same line across a single
//! space), so that a rule on those links is judged by what the article stage then makes of the page, not
//! by the link count. Modes, each on the links the engine chose first:
//! `steer` (a wrong `RightBreak` link's piece steered to its true
//! successor: the ceiling), `killwrong` (a wrong one taken away, nothing
//! steered), `kill` (the same, only where the true successor is known),
//! `steernorun` (`steer` on lines in no run of look-alike rows only:
//! `rows::glue_evidence` 0), `killall` and `killnorun` (every chosen
//! `RightBreak` link taken away, everywhere or on lines in no run: gold
//! free); `lower:D[:SHARE[:norun]]` lowers the score of every `RightBreak`
//! junction by D on pages where at least SHARE of the lines hold two
//! pieces or more (with `norun`, on lines in no run only): a gold-free rule
//! as the engine would apply it. Prints `STAT` (that share, and
//! `RightBreak` junctions per line) per case and the chosen `RightBreak`
//! links right and wrong. Why: the twenty-fourth session found the chosen
//! line-break link on psm 4/6 pages right 8 times in 149, yet taking links
//! away swung single pages both ways. Reads gold, so a measuring stick
//! only; the engine never does.
//! Usage: order_split [-v] [--first] [--steer] [--break=MODE] CASE_DIR...
use std::collections::BTreeMap;

use restitch::assemble::{articles, chains};
use restitch::eval::corpus;
use restitch::eval::metrics;
use restitch::eval::placement::{place_pieces, GoldText};
use restitch::parse::{self, Page};

#[path = "shared/mod.rs"]
mod shared;

/// Article F1 of articles given as piece indices, joined without rendering.
fn f1_of(page: &Page, case: &corpus::Case, articles: &[Vec<usize>]) -> f64 {
    let cjk = case.is_cjk();
    let out: Vec<Vec<char>> = articles
        .iter()
        .map(|a| {
            let text: Vec<&str> = a.iter().map(|&i| page.pieces[i].text.as_str()).collect();
            metrics::normalise(&text.join(" "), cjk)
        })
        .collect();
    let gold: Vec<Vec<char>> =
        case.gold.articles.iter().map(|a| metrics::normalise(&a.text(), cjk)).collect();
    metrics::match_articles(&gold, &out).f1()
}

/// Per piece of an article, its gold sort key: its gold start, or just
/// after the key of the piece before it where it was not placed.
fn gold_keys(article: &[usize], start: &[Option<usize>]) -> Vec<f64> {
    let mut last = -1.0;
    article
        .iter()
        .map(|&i| {
            let key = start[i].map_or(last + 0.001, |s| s as f64);
            last = key;
            key
        })
        .collect()
}

/// An article's pieces cut into fragments (runs joined by chain links), as
/// positions in the article.
fn fragments(article: &[usize], next: &[Option<usize>]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for k in 0..article.len() {
        match out.last_mut() {
            Some(run) if next[article[k - 1]] == Some(article[k]) => run.end = k + 1,
            _ => out.push(k..k + 1),
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let steered = args.iter().any(|a| a == "--steer");
    let by_first = args.iter().any(|a| a == "--first");
    let break_mode = args.iter().find_map(|a| a.strip_prefix("--break="));
    let (mut rb_right, mut rb_wrong) = (0usize, 0usize);
    let options = restitch::Options::default();
    let mut sums = [0.0f64; 4];
    let mut cases = 0;
    let mut joins: BTreeMap<&str, usize> = BTreeMap::new();
    for dir in args.iter().filter(|a| !a.starts_with('-')) {
        let case = corpus::load_case(std::path::Path::new(dir)).expect("a case");
        let page = &parse::parse_document(&case.input, None)[0];
        let gold = GoldText::new(&case);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let placed = place_pieces(&gold, &texts);
        let start: Vec<Option<usize>> = placed.iter().map(|p| p.map(|p| p.start)).collect();
        let spans: Vec<Option<(usize, usize)>> = placed.iter().map(|p| p.map(|p| (p.start, p.end))).collect();
        let truth = gold.true_successors(&spans, 2, 4);
        let mut junctions = restitch::score_structured(page, &options.weights);
        if steered {
            shared::steer(&mut junctions, &truth, true);
        }
        if let Some(mode) = break_mode {
            let (right, wrong) =
                change_breaks(&case.name, mode, page, &mut junctions, &truth, options.threshold, verbose);
            rb_right += right;
            rb_wrong += wrong;
        }
        let built = chains::build(page, &junctions, options.threshold);
        let mut next: Vec<Option<usize>> = vec![None; page.pieces.len()];
        for chain in &built {
            for pair in chain.pieces.windows(2) {
                next[pair[0].0] = Some(pair[1].0);
            }
        }
        let mut previous_of: Vec<Option<usize>> = vec![None; page.pieces.len()];
        for (from, to) in truth.iter().enumerate().filter_map(|(i, t)| t.map(|t| (i, t))) {
            previous_of[to] = Some(from);
        }
        let engine: Vec<Vec<usize>> = articles::assemble(page, built)
            .articles
            .iter()
            .map(|a| a.pieces().map(|id| id.0).collect())
            .collect();
        let (mut frag, mut inner, mut both) = (Vec::new(), Vec::new(), Vec::new());
        let mut fragment_count = 0;
        for article in &engine {
            let keys = gold_keys(article, &start);
            let runs = fragments(article, &next);
            fragment_count += runs.len();
            let place = |run: &std::ops::Range<usize>| {
                if by_first {
                    run.clone().find(|&k| start[article[k]].is_some()).map_or(keys[run.start], |k| keys[k])
                } else {
                    run.clone().map(|k| keys[k]).fold(f64::INFINITY, f64::min)
                }
            };
            let mut ordered = runs.clone();
            ordered.sort_by(|a, b| place(a).total_cmp(&place(b)));
            frag.push(ordered.iter().flat_map(|r| r.clone().map(|k| article[k])).collect::<Vec<_>>());
            inner.push(
                runs.iter()
                    .flat_map(|r| {
                        let mut run: Vec<usize> = r.clone().collect();
                        run.sort_by(|&a, &b| keys[a].total_cmp(&keys[b]));
                        run.into_iter().map(|k| article[k])
                    })
                    .collect::<Vec<_>>(),
            );
            let mut all: Vec<usize> = (0..article.len()).collect();
            all.sort_by(|&a, &b| keys[a].total_cmp(&keys[b]));
            both.push(all.into_iter().map(|k| article[k]).collect::<Vec<_>>());
            // Each article-stage join: where the true predecessor of the
            // fragment it opens stands, and the junction into it.
            for run in runs.iter().skip(1) {
                let opening = article[run.start];
                let kind = match previous_of[opening] {
                    None => "no true predecessor",
                    Some(p) if p == article[run.start - 1] => "right join",
                    Some(p) => {
                        let score = junctions
                            .iter()
                            .filter(|j| j.from.0 == p && j.to.0 == opening)
                            .map(|j| j.score)
                            .reduce(f32::max);
                        let here = article.contains(&p);
                        match (here, score) {
                            (true, None) => "here, no candidate",
                            (true, Some(s)) if s <= options.threshold => "here, below threshold",
                            (true, Some(_)) => "here, candidate outscored",
                            (false, None) => "other article, no candidate",
                            (false, Some(s)) if s <= options.threshold => "other article, below threshold",
                            (false, Some(_)) => "other article, candidate outscored",
                        }
                    }
                };
                *joins.entry(kind).or_default() += 1;
            }
        }
        let scores = [
            f1_of(page, &case, &engine),
            f1_of(page, &case, &frag),
            f1_of(page, &case, &inner),
            f1_of(page, &case, &both),
        ];
        println!(
            "{:<14} engine {:.3} frag {:.3} inner {:.3} both {:.3} articles {:>2} fragments {:>3}",
            case.name,
            scores[0],
            scores[1],
            scores[2],
            scores[3],
            engine.len(),
            fragment_count
        );
        if verbose {
            for article in &engine {
                let mut line = String::new();
                for (k, &i) in article.iter().enumerate() {
                    if k > 0 {
                        line.push_str(if next[article[k - 1]] == Some(i) { " · " } else { " ‖ " });
                    }
                    let at = start[i].map_or("-".to_string(), |s| s.to_string());
                    line.push_str(&format!("{}@{at}", page.pieces[i].text));
                }
                println!("  ART {line}");
            }
        }
        for (sum, score) in sums.iter_mut().zip(scores) {
            *sum += score;
        }
        cases += 1;
    }
    println!(
        "total {cases} cases: engine {:.3} frag {:.3} ({:+.3}) inner {:.3} ({:+.3}) both {:.3} ({:+.3})",
        sums[0],
        sums[1],
        sums[1] - sums[0],
        sums[2],
        sums[2] - sums[0],
        sums[3],
        sums[3] - sums[0]
    );
    println!("joins: {joins:?}");
    if break_mode.is_some() {
        println!("chosen RightBreak: right {rb_right} wrong {rb_wrong}");
    }
}

/// Changes the chain stage's junctions as `--break=MODE` says (see the
/// module doc) and returns the chosen `RightBreak` links that were right and
/// wrong before the change.
fn change_breaks(
    name: &str,
    mode: &str,
    page: &restitch::parse::Page,
    junctions: &mut Vec<restitch::score::Junction>,
    truth: &[Option<usize>],
    threshold: f32,
    verbose: bool,
) -> (usize, usize) {
    let (mut right_count, mut wrong_count) = (0usize, 0usize);
    let multi =
        page.lines.iter().filter(|l| l.pieces.len() >= 2).count() as f64 / page.lines.len().max(1) as f64;
    let breaks =
        junctions.iter().filter(|j| j.placement == restitch::score::layout::Placement::RightBreak).count()
            as f64
            / page.lines.len().max(1) as f64;
    println!("STAT {name} multi {multi:.3} breaks {breaks:.3}");
    if let Some(rest) = mode.strip_prefix("lower:") {
        let mut parts = rest.split(':');
        let by: f32 = parts.next().unwrap().parse().unwrap();
        let at: f64 = parts.next().map_or(0.0, |x| x.parse().unwrap());
        let norun = parts.next() == Some("norun");
        let glue = restitch::score::rows::glue_evidence(page);
        if multi >= at {
            for j in junctions.iter_mut() {
                if j.placement == restitch::score::layout::Placement::RightBreak
                    && !(norun && glue[page.pieces[j.from.0].line] != 0.0)
                {
                    j.score -= by;
                }
            }
        }
    }
    if !mode.starts_with("lower:") {
        // The engine's own chosen links first: which are RightBreak and wrong.
        let first = chains::build(page, junctions, threshold);
        let mut chosen: Vec<Option<usize>> = vec![None; page.pieces.len()];
        for chain in &first {
            for pair in chain.pieces.windows(2) {
                chosen[pair[0].0] = Some(pair[1].0);
            }
        }
        let glue = restitch::score::rows::glue_evidence(page);
        let is_break = |i: usize, c: usize| {
            junctions.iter().any(|j| {
                j.from.0 == i && j.to.0 == c && j.placement == restitch::score::layout::Placement::RightBreak
            })
        };
        let mut fix: Vec<Option<usize>> = vec![None; page.pieces.len()];
        let mut kill: Vec<(usize, usize)> = Vec::new();
        for i in 0..page.pieces.len() {
            let Some(c) = chosen[i] else { continue };
            if !is_break(i, c) {
                continue;
            }
            let in_run = glue[page.pieces[i].line] != 0.0;
            let right = truth[i] == Some(c);
            if right {
                right_count += 1;
            } else {
                wrong_count += 1;
            }
            match mode {
                "steer" if !right => fix[i] = truth[i],
                "kill" if !right && truth[i].is_some() => kill.push((i, c)),
                "killwrong" if !right => kill.push((i, c)),
                "killall" => kill.push((i, c)),
                "killnorun" if !in_run => kill.push((i, c)),
                "steernorun" if !right && !in_run => fix[i] = truth[i],
                _ => {}
            }
            if verbose && !right {
                println!(
                    "  WRONG-RB {} -> {} (true {:?}) run {in_run}",
                    page.pieces[i].text,
                    page.pieces[c].text,
                    truth[i].map(|t| &page.pieces[t].text)
                );
            }
        }
        shared::steer(junctions, &fix, true);
        for (i, c) in kill {
            for j in junctions.iter_mut() {
                if j.from.0 == i && j.to.0 == c {
                    j.score = -20.0;
                }
            }
        }
    }
    (right_count, wrong_count)
}

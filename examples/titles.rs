//! Diagnostic: the engine's article titles against the gold titles on
//! real-OCR pages, counted per language.
//!
//! In: the corpus (dev cases by default; `--heldout` or `--all`), with
//! `--coordinates` the cases' structured files instead of their plain text,
//! optional case names (or `--list`) to print every title that went wrong.
//! Out: per case and summed per language, the gold titles found whole as an
//! output title, found cut (an output title holds part of them, the rest
//! went elsewhere), found glued (the output title holds them and much other
//! text), missed (no output title holds them: where their text went is
//! listed), the false titles (output titles holding no gold title: where
//! their text sits in the gold), and the article-count error. Why: a missed
//! headline merges two articles and a false one splits an article, each
//! costing up to a third of a page's F1; counting both over every page
//! shows which shape of error is common rather than which page is loud.
//!
//! With `--oracle=promote`, `--oracle=demote` or `--oracle=both`, instead:
//! the article F1 per page (assembled text, not rendered) before and after
//! relabelling the parsed pieces from the gold titles (pieces of gold
//! titles made headlines, headlines holding no gold title made body). The
//! labels feed the junction scores too, so this is no clean bound: on the
//! dev pages of the sixteenth session every variant lowered the mean.
//!
//! Text is compared as lower-case letters and digits by character trigrams
//! (OCR misreads a glyph here and there): an output title holds a gold
//! title when half its trigrams are the gold title's, and holds it whole
//! when it also has seven tenths of the gold title's trigrams.
use std::collections::HashSet;

#[path = "shared/mod.rs"]
mod shared;
use shared::real_ocr_cases;

use restitch::assemble::{articles as assembly, chains};
use restitch::eval::corpus::Case;
use restitch::eval::placement::letters_and_digits;
use restitch::formats;
use restitch::parse::{self, Page, Role};
use restitch::{repair, repair_document, score_structured, ArticleText, Options, Repaired};

type Grams = HashSet<Vec<char>>;

fn grams(text: &str) -> Grams {
    let chars = letters_and_digits(text);
    chars.windows(3.min(chars.len().max(1))).map(<[char]>::to_vec).collect()
}

/// Share of `part`'s trigrams that `whole` holds.
fn share(part: &Grams, whole: &Grams) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    part.iter().filter(|g| whole.contains(*g)).count() as f64 / part.len() as f64
}

/// Least share of an output title's trigrams a gold title must hold.
const HOLDS: f64 = 0.5;
/// Least share of a gold title's trigrams an output title must hold to
/// count as holding it whole.
const WHOLE: f64 = 0.7;

fn repaired(case: &Case, coordinates: bool, options: &Options) -> Repaired {
    if coordinates {
        if let Some(content) = &case.structured {
            if let Ok(document) = formats::read(content, formats::detect(content)) {
                return repair_document(&document, options);
            }
        }
    }
    repair(&case.input, options)
}

/// Where a text lies among the output articles: the field of the article
/// holding most of its trigrams.
fn place_in_output(text: &Grams, articles: &[&ArticleText], unplaced: &Grams) -> String {
    let mut best = (0.0, String::from("nowhere"));
    for (a, article) in articles.iter().enumerate() {
        let mut fields: Vec<(String, Grams)> = Vec::new();
        if let Some(title) = &article.title {
            fields.push((format!("title of out {a}"), grams(title)));
        }
        for (p, paragraph) in article.paragraphs.iter().enumerate() {
            let at = if p == 0 && article.title.is_none() { "opening (untitled)" } else { "paragraph" };
            fields.push((format!("{at} {p} of out {a}"), grams(paragraph)));
        }
        if let Some(byline) = &article.byline {
            fields.push((format!("byline of out {a}"), grams(byline)));
        }
        for (name, field) in fields {
            let s = share(text, &field);
            if s > best.0 {
                best = (s, name);
            }
        }
    }
    if share(text, unplaced) > best.0 {
        best = (share(text, unplaced), "unplaced".into());
    }
    if best.0 < HOLDS {
        "nowhere".into()
    } else {
        best.1
    }
}

/// Where an output title's text lies in the gold: a field of a gold article.
fn place_in_gold(text: &Grams, case: &Case) -> String {
    let mut best = (0.0, String::from("nowhere"));
    for (a, article) in case.gold.articles.iter().enumerate() {
        let mut fields: Vec<(String, Grams)> = Vec::new();
        if let Some(title) = &article.title {
            fields.push((format!("title of gold {a}"), grams(title)));
        }
        for (p, paragraph) in article.paragraphs.iter().enumerate() {
            fields.push((format!("paragraph {p} of gold {a}"), grams(paragraph)));
        }
        if let Some(byline) = &article.byline {
            fields.push((format!("byline of gold {a}"), grams(byline)));
        }
        for (name, field) in fields {
            let s = share(text, &field);
            if s > best.0 {
                best = (s, name);
            }
        }
    }
    if best.0 < HOLDS {
        "nowhere".into()
    } else {
        best.1
    }
}

/// Article F1 of the pipeline run on a parsed page (text joined per
/// article without rendering: comparable only with itself).
fn pipeline_f1(page: &Page, case: &Case, options: &Options) -> f64 {
    let junctions = score_structured(page, &options.weights);
    let built = chains::build(page, &junctions, options.threshold);
    shared::assembly_f1(page, case, &assembly::assemble(page, built))
}

/// The oracle: the page's pieces relabelled from the gold titles. With
/// `promote`, a piece whose trigrams are half a gold title's becomes a
/// headline; with `demote`, a headline (or subhead) holding no gold title
/// becomes body. Prints the F1 before and after.
fn oracle(case: &Case, promote: bool, demote: bool, options: &Options) -> (f64, f64) {
    let mut page = parse::parse_document(&case.input, None).swap_remove(0);
    let before = pipeline_f1(&page, case, options);
    let titles: Vec<Grams> =
        case.gold.articles.iter().filter_map(|a| a.title.as_deref()).map(grams).collect();
    let bodies: Vec<Grams> = case
        .gold
        .articles
        .iter()
        .flat_map(|a| a.paragraphs.iter().chain(a.byline.iter()))
        .map(|p| grams(p))
        .collect();
    let show = std::env::args().any(|a| a == "--list");
    for piece in &mut page.pieces {
        let mine = grams(&piece.text);
        if mine.is_empty() || letters_and_digits(&piece.text).len() < 3 {
            continue;
        }
        // Title text, not body text that repeats the title's words.
        let title_share = titles.iter().map(|t| share(&mine, t)).fold(0.0, f64::max);
        let body_share = bodies.iter().map(|b| share(&mine, b)).fold(0.0, f64::max);
        let in_title = title_share >= HOLDS && title_share > body_share;
        if show && in_title != piece.role.is_heading() {
            println!("    {:?} {:?} title {title_share:.2} body {body_share:.2}", piece.role, piece.text);
        }
        if promote && in_title && !piece.role.is_heading() {
            piece.role = Role::Headline;
        }
        if demote && !in_title && piece.role.is_heading() {
            piece.role = Role::Body;
        }
    }
    (before, pipeline_f1(&page, case, options))
}

/// What one language's pages add up to.
#[derive(Default)]
struct Totals {
    /// Gold titles whole, cut, glued, missed; then false output titles.
    kinds: [usize; 5],
    gold_articles: usize,
    out_articles: usize,
    untitled: usize,
    count_error: usize,
    cases: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let coordinates = args.iter().any(|a| a == "--coordinates");
    let list = args.iter().any(|a| a == "--list");
    let (cases, named) = real_ocr_cases(&args);
    let options = Options::default();
    if let Some(mode) = args.iter().find_map(|a| a.strip_prefix("--oracle=")) {
        let (promote, demote) = (mode != "demote", mode != "promote");
        let mut sums: Vec<(String, f64, f64, usize)> = Vec::new();
        for case in &cases {
            let (before, after) = oracle(case, promote, demote, &options);
            println!("{:<12} {before:.3} -> {after:.3}", case.name);
            let lang = case.meta.lang.clone();
            match sums.iter_mut().find(|s| s.0 == lang) {
                Some(s) => {
                    s.1 += before;
                    s.2 += after;
                    s.3 += 1;
                }
                None => sums.push((lang, before, after, 1)),
            }
        }
        for (lang, before, after, n) in sums {
            println!("{lang}: {n} cases, mean {:.3} -> {:.3}", before / n as f64, after / n as f64);
        }
        return;
    }
    // Per language: counts of KINDS, gold articles, output articles, summed
    // absolute article-count error, cases.
    let mut totals: Vec<(String, Totals)> = Vec::new();
    for case in &cases {
        let repaired = repaired(case, coordinates, &options);
        let articles: Vec<&ArticleText> = repaired.articles().collect();
        let unplaced: Grams = grams(
            &repaired
                .pages
                .iter()
                .flat_map(|p| &p.unplaced)
                .map(|u| u.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        let out_titles: Vec<(usize, Grams, &str)> = articles
            .iter()
            .enumerate()
            .filter_map(|(a, article)| article.title.as_deref().map(|t| (a, grams(t), t)))
            .collect();
        let gold_titles: Vec<(usize, Grams, &str)> = case
            .gold
            .articles
            .iter()
            .enumerate()
            .filter_map(|(a, article)| article.title.as_deref().map(|t| (a, grams(t), t)))
            .collect();
        let mut counts = [0usize; 5];
        let mut notes = Vec::new();
        let mut claimed = vec![false; out_titles.len()];
        for (g, gold, gold_text) in &gold_titles {
            // The output titles holding this gold title.
            let holders: Vec<usize> =
                (0..out_titles.len()).filter(|&o| share(&out_titles[o].1, gold) >= HOLDS).collect();
            let cover = holders.iter().map(|&o| share(gold, &out_titles[o].1)).fold(0.0, f64::max);
            // An output title that holds the gold title whole but is mostly other text.
            let glued = (0..out_titles.len())
                .find(|&o| share(gold, &out_titles[o].1) >= WHOLE && share(&out_titles[o].1, gold) < HOLDS);
            for &o in &holders {
                claimed[o] = true;
            }
            let kind = if cover >= WHOLE {
                0
            } else if let Some(o) = glued {
                claimed[o] = true;
                notes.push(format!("    glued   gold {g} {gold_text:?} in out title {:?}", out_titles[o].2));
                2
            } else if !holders.is_empty() {
                let rest = place_in_output(gold, &articles, &unplaced);
                notes.push(format!(
                    "    cut     gold {g} {gold_text:?} as {:?} (rest: {rest})",
                    holders.iter().map(|&o| out_titles[o].2).collect::<Vec<_>>()
                ));
                1
            } else {
                let went = place_in_output(gold, &articles, &unplaced);
                notes.push(format!("    missed  gold {g} {gold_text:?} -> {went}"));
                3
            };
            counts[kind] += 1;
        }
        for (o, (a, title, text)) in out_titles.iter().enumerate() {
            if claimed[o] {
                continue;
            }
            counts[4] += 1;
            notes.push(format!("    false   out {a} {text:?} <- {}", place_in_gold(title, case)));
        }
        let (gold_n, out_n) = (case.gold.articles.len(), articles.len());
        let untitled = articles.iter().filter(|a| a.title.is_none()).count();
        println!(
            "{:<12} whole {:>2} cut {:>2} glued {:>2} missed {:>2} false {:>2}  articles gold {:>2} out {:>2} untitled {:>2}",
            case.name, counts[0], counts[1], counts[2], counts[3], counts[4], gold_n, out_n, untitled
        );
        if named || list {
            for note in notes {
                println!("{note}");
            }
        }
        let lang = case.meta.lang.clone();
        let at = match totals.iter().position(|t| t.0 == lang) {
            Some(at) => at,
            None => {
                totals.push((lang, Totals::default()));
                totals.len() - 1
            }
        };
        let t = &mut totals[at].1;
        for (sum, count) in t.kinds.iter_mut().zip(counts) {
            *sum += count;
        }
        t.gold_articles += gold_n;
        t.out_articles += out_n;
        t.count_error += gold_n.abs_diff(out_n);
        t.untitled += untitled;
        t.cases += 1;
    }
    println!("\n| lang | cases | gold titles | whole | cut | glued | missed | false | articles gold / out | untitled out | sum abs count error |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    totals.sort_by(|a, b| a.0.cmp(&b.0));
    for (lang, t) in &totals {
        let c = t.kinds;
        println!(
            "| {lang} | {} | {} | {} | {} | {} | {} | {} | {} / {} | {} | {} |",
            t.cases,
            c[0] + c[1] + c[2] + c[3],
            c[0],
            c[1],
            c[2],
            c[3],
            c[4],
            t.gold_articles,
            t.out_articles,
            t.untitled,
            t.count_error
        );
    }
}

//! What the corpus diagnostics share: the split they read from their
//! arguments, and the attribution of engine pieces to gold articles by
//! character trigrams (OCR misreads a glyph here and there, so a piece is
//! attributed by the share of its trigrams a gold article holds, not by
//! exact search), and the placing of stream units in the gold text.

// Each diagnostic takes what it needs of this module.
#![allow(dead_code)]

use std::collections::HashSet;
use std::path::Path;

use restitch::assemble::articles::Assembly;
use restitch::eval::corpus::{self, Case};
use restitch::eval::metrics;
use restitch::eval::placement::{letters_and_digits, place_pieces, GoldText};
use restitch::parse::{self, Page};
use restitch::score::latin::Vocabulary;
use restitch::score::{streams, Junction};

/// The split named on the command line: `--heldout`, `--all` (none), or
/// dev when neither is given.
pub fn split_from_args(args: &[String]) -> Option<&'static str> {
    if args.iter().any(|a| a == "--heldout") {
        Some("heldout")
    } else if args.iter().any(|a| a == "--all") {
        None
    } else {
        Some("dev")
    }
}

/// The real-OCR cases a page-level diagnostic reads: those of the split
/// named by [`split_from_args`], narrowed to the case names given as plain
/// arguments when there are any (which also asks for the detailed print).
/// `--root=DIR` reads the cases of another folder laid out like the corpus
/// (fresh pages kept apart from it); `--synthetic` takes the synthetic
/// cases too. `--lang=zh` keeps the cases of one language and `--psm=4,6`
/// those read with one of the Tesseract page segmentation modes listed
/// (from each case's `meta.json`), so that a diagnostic's totals cover one
/// kind of page (the twenty-fifth session split the loss of the Chinese
/// row pages, psm 4 and 6, by kind this way).
pub fn real_ocr_cases(args: &[String]) -> (Vec<Case>, bool) {
    let split = split_from_args(args);
    let root = args.iter().find_map(|a| a.strip_prefix("--root=")).unwrap_or("corpus");
    let named: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let lang = args.iter().find_map(|a| a.strip_prefix("--lang="));
    let psms: Vec<u64> = args
        .iter()
        .filter_map(|a| a.strip_prefix("--psm="))
        .flat_map(|list| list.split(',').filter_map(|p| p.trim().parse().ok()))
        .collect();
    let cases = corpus::load_corpus(Path::new(root))
        .unwrap()
        .into_iter()
        .filter(|case| {
            (case.name.starts_with("ocr-") || args.iter().any(|a| a == "--synthetic"))
                && split.is_none_or(|s| s == case.meta.split)
        })
        .filter(|case| named.is_empty() || named.iter().any(|name| **name == case.name))
        .filter(|case| lang.is_none_or(|l| l == case.meta.lang))
        .filter(|case| {
            psms.is_empty() || psm_of(Path::new(root), &case.name).is_some_and(|p| psms.contains(&p))
        })
        .collect();
    (cases, !named.is_empty())
}

/// The Tesseract page segmentation mode a case was read with, from its
/// `meta.json` (`tesseract.psm`); `None` for cases that record none.
fn psm_of(root: &Path, name: &str) -> Option<u64> {
    let text = std::fs::read_to_string(root.join(name).join("meta.json")).ok()?;
    let meta: serde_json::Value = serde_json::from_str(&text).ok()?;
    meta.get("tesseract")?.get("psm")?.as_u64()
}

/// The case folders given as arguments, or every dev case when none is.
pub fn dev_or_given_cases(args: &[String]) -> Vec<Case> {
    if args.is_empty() {
        corpus::load_corpus(Path::new("corpus"))
            .unwrap()
            .into_iter()
            .filter(|case| case.meta.split == "dev")
            .collect()
    } else {
        args.iter().map(|dir| corpus::load_case(Path::new(dir)).unwrap()).collect()
    }
}

/// Text without whitespace, hyphens and soft hyphens: what survives any
/// joining of printed lines.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}').collect()
}

fn trigrams(squeezed: &str) -> HashSet<Vec<char>> {
    let chars: Vec<char> = squeezed.chars().collect();
    chars.windows(3.min(chars.len().max(1))).map(<[char]>::to_vec).collect()
}

/// The trigrams of each gold article of a page.
pub struct GoldTrigrams(Vec<HashSet<Vec<char>>>);

/// Least share of a piece's trigrams a gold article must hold to claim it.
const MIN_SHARE: f64 = 0.5;

/// How far below the best share another article still ties with it.
const TIE: f64 = 0.1;

impl GoldTrigrams {
    /// From the gold articles' texts, in gold order.
    pub fn new<'a>(articles: impl IntoIterator<Item = &'a str>) -> Self {
        GoldTrigrams(articles.into_iter().map(|text| trigrams(&squeeze(text))).collect())
    }

    /// The gold articles that claim a piece's text (the best share and
    /// those within [`TIE`] of it; none when no article holds half its
    /// trigrams), or `None` when the text is too short to tell.
    pub fn claimants(&self, text: &str) -> Option<Vec<usize>> {
        let squeezed = squeeze(text);
        if squeezed.chars().count() < 3 {
            return None;
        }
        let mine = trigrams(&squeezed);
        let shares: Vec<f64> = self
            .0
            .iter()
            .map(|gold| mine.iter().filter(|m| gold.contains(*m)).count() as f64 / mine.len() as f64)
            .collect();
        let best = shares.iter().copied().fold(0.0, f64::max);
        if best < MIN_SHARE {
            return Some(Vec::new());
        }
        Some((0..shares.len()).filter(|&g| shares[g] >= best - TIE).collect())
    }
}

/// Places each unit's letters and digits in the gold text: long units first
/// (they occur once), a short one at the occurrence nearest after the unit
/// before it (OCR cuts a printed line into stretches it emits one after the other).
pub fn place_units(gold: &GoldText, texts: &[String]) -> Vec<Option<(usize, usize)>> {
    let mut used = vec![false; gold.chars.len()];
    let mut spans: Vec<Option<(usize, usize)>> = vec![None; texts.len()];
    for long in [true, false] {
        for (index, text) in texts.iter().enumerate() {
            let needle = letters_and_digits(text);
            if needle.is_empty() || (needle.len() >= 15) != long {
                continue;
            }
            let found: Vec<usize> = gold.occurrences(&needle).into_iter().filter(|&s| !used[s]).collect();
            let after_previous = index.checked_sub(1).and_then(|p| spans[p]).map(|(_, e)| e);
            let start = if long {
                found.first().copied()
            } else {
                found.iter().copied().min_by_key(|&s| {
                    after_previous.map_or(s, |e| if s >= e { s - e } else { 100_000 + e - s })
                })
            }
            .or_else(|| gold.voted_start(&needle, 8));
            if let Some(start) = start {
                let end = (start + needle.len()).min(gold.chars.len());
                used[start..end].iter_mut().for_each(|u| *u = true);
                spans[index] = Some((start, end));
            }
        }
    }
    spans
}

/// Article F1 of an assembly of a parsed page against the case's gold: the
/// pieces' text joined per article without rendering, so comparable only
/// with another assembly scored the same way.
pub fn assembly_f1(page: &Page, case: &Case, assembly: &Assembly) -> f64 {
    let cjk = case.is_cjk();
    let out: Vec<Vec<char>> = assembly
        .articles
        .iter()
        .map(|a| {
            let text: Vec<String> = a.pieces().map(|id| page.piece(id).text.clone()).collect();
            metrics::normalise(&text.join(" "), cjk)
        })
        .collect();
    let gold: Vec<Vec<char>> =
        case.gold.articles.iter().map(|a| metrics::normalise(&a.text(), cjk)).collect();
    metrics::match_articles(&gold, &out).f1()
}

/// A case's first page as the engine chains it (without stream decoding),
/// beside each piece's true successor in the gold text: where the
/// successor diagnostics (`piece_truth`, `row_successors`) start.
pub struct ChainedPage {
    pub page: Page,
    pub junctions: Vec<Junction>,
    /// Per piece, the piece its chain goes on with.
    pub next: Vec<Option<usize>>,
    /// Per piece, the piece that starts where it ends in the same gold
    /// article (`None` where it was not placed or ends an article).
    pub truth: Vec<Option<usize>>,
}

impl ChainedPage {
    pub fn new(case: &Case) -> ChainedPage {
        let options = restitch::Options::default();
        let page = parse::parse_document(&case.input, None).swap_remove(0);
        let junctions = restitch::score::score_page(&page, &options.weights);
        let chains = restitch::assemble::chains::build(&page, &junctions, options.threshold);
        let mut next: Vec<Option<usize>> = vec![None; page.pieces.len()];
        for chain in &chains {
            for pair in chain.pieces.windows(2) {
                next[pair[0].0] = Some(pair[1].0);
            }
        }
        let gold = GoldText::new(case);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        let spans: Vec<Option<(usize, usize)>> =
            place_pieces(&gold, &texts).iter().map(|p| p.map(|p| (p.start, p.end))).collect();
        let truth = gold.true_successors(&spans, 2, 4);
        ChainedPage { page, junctions, next, truth }
    }
}

/// A case's first page as the stream decoder reads it (its units and the
/// order it decoded, or the page's own units in input order where it read
/// no merge), beside each unit's place and true successor in the gold
/// text: where the stream diagnostics (`stream_truth`, `stream_kinds`) start.
pub struct StreamedPage {
    pub page: Page,
    pub vocabulary: Vocabulary,
    pub order: streams::StreamOrder,
    pub units: Vec<streams::Unit>,
    /// Each unit's pieces joined by a space.
    pub texts: Vec<String>,
    pub gold: GoldText,
    /// Per unit, its start and end in the gold text, where placed.
    pub spans: Vec<Option<(usize, usize)>>,
    /// Per unit, the unit that starts where it ends in the same article.
    pub truth: Vec<Option<usize>>,
}

impl StreamedPage {
    pub fn new(case: &Case) -> StreamedPage {
        let page = parse::parse_document(&case.input, None).swap_remove(0);
        let vocabulary = Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        let order = streams::stream_order(&page, &vocabulary).unwrap_or_default();
        let units = if order.units.is_empty() { streams::units(&page) } else { order.units.clone() };
        let gold = GoldText::new(case);
        let texts: Vec<String> = units
            .iter()
            .map(|u| {
                page.pieces[u.pieces.clone()].iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" ")
            })
            .collect();
        let spans = place_units(&gold, &texts);
        let truth = gold.true_successors(&spans, 3, 6);
        StreamedPage { page, vocabulary, order, units, texts, gold, spans, truth }
    }
}

/// Steers the chain stage to each known true successor (`truth[piece]`):
/// the true junction is raised above every rival from its piece and into
/// its successor, and added as a next-line junction where it was no
/// candidate, when `add_missing`.
pub fn steer(junctions: &mut Vec<Junction>, truth: &[Option<usize>], add_missing: bool) {
    for (from, to) in truth.iter().enumerate().filter_map(|(i, t)| t.map(|t| (i, t))) {
        let mut found = false;
        for j in junctions.iter_mut() {
            if j.from.0 == from && j.to.0 == to {
                j.score = 20.0;
                found = true;
            } else if j.from.0 == from || j.to.0 == to {
                j.score = -20.0;
            }
        }
        if !found && add_missing {
            junctions.push(Junction {
                from: restitch::parse::PieceId(from),
                to: restitch::parse::PieceId(to),
                placement: restitch::score::layout::Placement::NextLine,
                score: 20.0,
            });
        }
    }
}

/// Where a true successor stands from its piece, by lines of the page.
pub fn kind_of_step(from_line: usize, to_line: usize) -> &'static str {
    match to_line as isize - from_line as isize {
        0 => "same line",
        1 => "next line",
        2 => "two down",
        d if d < 0 => "earlier",
        _ => "further",
    }
}

/// A piece named for a reader of a diagnostic's output: its input line and
/// column, its slot among its line's pieces, and its first `chars` letters.
pub fn piece_label(page: &Page, piece: usize, chars: usize) -> String {
    let p = &page.pieces[piece];
    format!(
        "{}:{}[{}/{}]{}",
        p.span.line,
        p.span.start,
        p.slot,
        page.lines[p.line].pieces.len(),
        p.text.chars().take(chars).collect::<String>()
    )
}

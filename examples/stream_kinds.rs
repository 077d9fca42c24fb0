//! Diagnostic: the kinds of wrong stream successors on sparse-text
//! real-OCR pages, counted before the decoder's objective is changed.
//!
//! In: case folders (`corpus/ocr-zh-042 ...`). Out: per page and summed,
//! the wrong successors by kind, the lengths of the true and the decoded
//! stream steps, and how often a stream emits twice between two lines of
//! another (a "double", which a round-robin reading of the columns rules
//! out). Why: earlier sessions retuned the decoder's constants without
//! knowing which errors dominate; this sorts them first.
//!
//! Units are placed in the gold text as `stream_truth` places them. A
//! wrong unit takes the first kind that applies: `back` (its true
//! successor stands earlier: a column wraps, out of the decoder's reach),
//! `far` (further than the decoder's reach), `heading` (it or its true
//! successor is a heading), `unplaced` (a unit involved is not found in
//! the gold text: cut or misread), `para_end` (a short line ending a
//! sentence), `short` / `to_short` (it or its true successor is a short
//! stretch), `x_article` (the decoded successor lies in another article),
//! `skip_ahead` / `lag_behind` (another column of its own article, further
//! on or further back in the text).
//!
//! `--write KINDS FILE` writes, for the wrong units of the kinds named
//! (comma-separated, or `all`), `UNIT TRUE` lines, preceded by `UNIT NEXT`
//! lines that release whatever else the decoder sent into those true
//! successors: input for a throwaway hook in `streams::stream_order` that
//! measures what fixing one kind alone is worth.
mod shared;
use std::collections::BTreeMap;

use restitch::eval::corpus;
use restitch::eval::placement::GoldText;
use restitch::parse::Page;
use restitch::score::streams;

/// Share of the median unit width under which a unit is short.
const SHORT: f32 = 0.6;

/// Share of the median unit width under which a sentence end is a
/// paragraph's last line.
const PARAGRAPH_END: f32 = 0.75;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().position(|a| a == "--write").map(|i| (args[i + 1].clone(), args[i + 2].clone()));
    let dirs: Vec<&String> = match args.iter().position(|a| a == "--write") {
        Some(i) => args[..i].iter().chain(&args[i + 3..]).collect(),
        None => args.iter().collect(),
    };
    let mut total = Tally::default();
    for dir in dirs {
        let case = corpus::load_case(std::path::Path::new(dir)).expect("a case");
        let shared::StreamedPage { page, order, units, texts, gold, spans, truth, .. } =
            shared::StreamedPage::new(&case);
        let page = &page;
        let decoded: Vec<usize> = (0..units.len())
            .map(|i| if order.units.is_empty() { i + 1 } else { order.after[i].unwrap_or(i + 1) })
            .collect();
        let page_facts = PageFacts::new(page, &units, &texts);
        let mut tally = Tally::default();
        let mut fixes = vec![];
        let mut releases = vec![];
        for i in 0..units.len() {
            let Some(t) = truth[i] else { continue };
            tally.known += 1;
            if t > i {
                *tally.true_steps.entry((t - i).min(9)).or_default() += 1;
            }
            if decoded[i] > i && decoded[i] < units.len() {
                *tally.decoded_steps.entry((decoded[i] - i).min(9)).or_default() += 1;
            }
            if decoded[i] == t {
                continue;
            }
            tally.wrong += 1;
            let kind = page_facts.kind(&gold, &spans, i, decoded[i], t);
            *tally.kinds.entry(kind).or_default() += 1;
            if let Some((kinds, _)) = &write {
                if kinds == "all" || kinds.split(',').any(|k| k == kind) {
                    fixes.push(format!("{i} {t}"));
                    for (j, &d) in decoded.iter().enumerate() {
                        if j != i && d == t && !order.units.is_empty() && order.after[j].is_some() {
                            releases.push(format!("{j} {}", j + 1));
                        }
                    }
                }
            }
        }
        if let Some((_, file)) = &write {
            releases.extend(fixes);
            std::fs::write(file, releases.join("\n") + "\n").expect("writable");
        }
        let true_previous = previous_from(&truth, units.len());
        let decoded_previous =
            previous_from(&decoded.iter().map(|&d| Some(d)).collect::<Vec<_>>(), units.len());
        tally.doubles = [doubles(&true_previous), doubles(&decoded_previous)];
        println!("{dir}: {}", tally.line());
        total.add(&tally);
    }
    println!("ALL: {}", total.line());
    println!("  true steps {:?}", total.true_steps);
    println!("  decoded steps {:?}", total.decoded_steps);
}

/// What one page (or all of them) counts.
#[derive(Default)]
struct Tally {
    known: usize,
    wrong: usize,
    kinds: BTreeMap<&'static str, usize>,
    true_steps: BTreeMap<usize, usize>,
    decoded_steps: BTreeMap<usize, usize>,
    /// Per merge (true, decoded): doubles and steps.
    doubles: [(usize, usize); 2],
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.known += other.known;
        self.wrong += other.wrong;
        for (k, v) in &other.kinds {
            *self.kinds.entry(k).or_default() += v;
        }
        for (k, v) in &other.true_steps {
            *self.true_steps.entry(*k).or_default() += v;
        }
        for (k, v) in &other.decoded_steps {
            *self.decoded_steps.entry(*k).or_default() += v;
        }
        for (mine, theirs) in self.doubles.iter_mut().zip(&other.doubles) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
    }

    fn line(&self) -> String {
        format!(
            "wrong {} of {}; {:?}; doubles/steps true {:?} decoded {:?}",
            self.wrong, self.known, self.kinds, self.doubles[0], self.doubles[1]
        )
    }
}

/// The facts about a page's units the kinds are read from.
struct PageFacts {
    heading: Vec<bool>,
    widths: Vec<f32>,
    median: f32,
    ends_sentence: Vec<bool>,
}

impl PageFacts {
    fn new(page: &Page, units: &[streams::Unit], texts: &[String]) -> Self {
        let widths: Vec<f32> =
            units.iter().map(|u| page.pieces[u.pieces.clone()].iter().map(|p| p.cells).sum()).collect();
        let mut sorted = widths.clone();
        sorted.sort_by(f32::total_cmp);
        PageFacts {
            heading: units.iter().map(|u| page.pieces[u.pieces.end - 1].role.is_heading()).collect(),
            median: sorted.get(sorted.len() / 2).copied().unwrap_or(0.0),
            widths,
            ends_sentence: texts
                .iter()
                .map(|t| t.trim_end().ends_with(['.', '。', '!', '?', '！', '？', '"', '”', '」', ':', '：']))
                .collect(),
        }
    }

    /// The kind of the wrong successor `decoded` of unit `unit`, whose true
    /// successor is `truth` (see the module's doc).
    fn kind(
        &self,
        gold: &GoldText,
        spans: &[Option<(usize, usize)>],
        unit: usize,
        decoded: usize,
        truth: usize,
    ) -> &'static str {
        let start = |u: usize| spans.get(u).copied().flatten().map(|(s, _)| s);
        if truth < unit {
            "back"
        } else if truth > unit + streams::MAX_STEP {
            "far"
        } else if self.heading[unit] || self.heading[truth] {
            "heading"
        } else if start(unit).is_none() || start(truth).is_none() || start(decoded).is_none() {
            "unplaced"
        } else if self.widths[unit] < PARAGRAPH_END * self.median && self.ends_sentence[unit] {
            "para_end"
        } else if self.widths[unit] < SHORT * self.median {
            "short"
        } else if self.widths[truth] < SHORT * self.median {
            "to_short"
        } else if start(decoded).map(|s| gold.article_of[s]) != start(unit).map(|s| gold.article_of[s]) {
            "x_article"
        } else if start(decoded) > start(truth) {
            "skip_ahead"
        } else {
            "lag_behind"
        }
    }
}

/// Per unit, the unit before it in its stream, from per unit its successor
/// (forward successors only; the first claim on a unit wins).
fn previous_from(next: &[Option<usize>], count: usize) -> Vec<Option<usize>> {
    let mut previous = vec![None; count];
    for (unit, n) in next.iter().enumerate() {
        if let Some(n) = *n {
            if n > unit && n < count && previous[n].is_none() {
                previous[n] = Some(unit);
            }
        }
    }
    previous
}

/// How often a stream emits twice between two lines of another stream
/// (within the decoder's reach), and the steps counted.
fn doubles(previous: &[Option<usize>]) -> (usize, usize) {
    let mut chain = vec![usize::MAX; previous.len()];
    let mut ends: Vec<usize> = vec![];
    let (mut doubles, mut steps) = (0, 0);
    for unit in 0..previous.len() {
        match previous[unit] {
            Some(before) => {
                let own = chain[before];
                chain[unit] = own;
                steps += 1;
                doubles += ends
                    .iter()
                    .enumerate()
                    .filter(|&(other, &end)| {
                        other != own
                            && end > before
                            && unit - end <= streams::MAX_STEP
                            && previous[end].is_some_and(|p| p > before)
                    })
                    .count();
                ends[own] = unit;
            }
            None => {
                chain[unit] = ends.len();
                ends.push(unit);
            }
        }
    }
    (doubles, steps)
}

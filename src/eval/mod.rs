//! Eval: the accuracy harness.
//!
//! In: a corpus folder of cases (scrambled input, gold articles, metadata).
//! Out: per case and per family × language, article F1, junction accuracy
//! and conservation, for restitch and for the untouched input order (the
//! baseline: same article cutting, no reordering), so every number shows
//! what the engine adds. Sits on top of the pipeline like the command line:
//! it only calls [`crate::repair()`].

pub mod corpus;
pub mod fit;
pub mod metrics;
pub mod placement;
pub mod report;

use crate::formats::{self, Format};
use crate::{repair, repair_document, Options, Repaired};
use corpus::Case;
use metrics::{conservation, junctions_kept, match_articles, normalise, ArticleMatch};

/// The measures of one repair of one case.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Measures {
    pub articles: ArticleMatch,
    /// `(kept, total)` gold junctions, when the case has gold pieces.
    pub junctions: Option<(usize, usize)>,
    pub lost: usize,
    pub added: usize,
}

impl Measures {
    pub fn f1(&self) -> f64 {
        self.articles.f1()
    }

    pub fn junction_accuracy(&self) -> Option<f64> {
        self.junctions.map(|(kept, total)| if total == 0 { 1.0 } else { kept as f64 / total as f64 })
    }
}

/// Restitch and baseline measures of one case.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub name: String,
    pub family: String,
    pub lang: String,
    pub split: String,
    pub restitch: Measures,
    pub baseline: Measures,
}

/// Measures one repair against the case's gold.
pub fn measure(case: &Case, repaired: &Repaired) -> Measures {
    measure_input(case, &case.input, repaired)
}

/// Measures one repair of `input` (the case's text, or the text of its
/// structured file) against the case's gold.
fn measure_input(case: &Case, input: &str, repaired: &Repaired) -> Measures {
    let cjk = case.is_cjk();
    let gold: Vec<Vec<char>> = case.gold.articles.iter().map(|a| normalise(&a.text(), cjk)).collect();
    let output: Vec<Vec<char>> = repaired.articles().map(|a| normalise(&a.plain_text(), cjk)).collect();
    let squeezed: Vec<String> = repaired
        .articles()
        .map(|a| a.plain_text().chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let (lost, added) = conservation(input, &repaired.all_text(), repaired.removed_hyphens());
    Measures {
        articles: match_articles(&gold, &output),
        junctions: case.gold.pieces.as_ref().map(|pieces| junctions_kept(pieces, &squeezed)),
        lost,
        added,
    }
}

/// Runs restitch with `options` and the baseline on one case.
pub fn evaluate_case(case: &Case, options: &Options) -> CaseResult {
    let restitched = repair(&case.input, options);
    let baseline = repair(&case.input, &Options { reorder: false, ..options.clone() });
    CaseResult {
        name: case.name.clone(),
        family: case.meta.family.clone(),
        lang: case.meta.lang.clone(),
        split: case.meta.split.clone(),
        restitch: measure(case, &restitched),
        baseline: measure(case, &baseline),
    }
}

/// Restitch and baseline measures of one case read from its structured
/// file, next to those of its plain text.
#[derive(Debug, Clone)]
pub struct CoordinateResult {
    pub text: CaseResult,
    /// Restitch with the page geometry.
    pub restitch: Measures,
    /// The geometric order alone (XY-cut), no reordering by text signals.
    pub baseline: Measures,
    /// Tesseract's own reading order (`--psm 3` text of the same image),
    /// cut into articles like the other baselines, where the case has it.
    pub psm3: Option<Measures>,
}

/// Runs restitch on a case's plain text and on its structured file (the
/// same OCR run with word boxes). `None` when the case has no structured
/// file; an error when it does not parse.
pub fn evaluate_case_with_coordinates(
    case: &Case,
    options: &Options,
) -> Option<Result<CoordinateResult, formats::FormatError>> {
    let content = case.structured.as_ref()?;
    let document = match formats::read(content, formats::detect(content)).and_then(|d| {
        if d.format == Format::Text {
            Err(formats::FormatError { format: Format::Text, line: None, problem: "not structured".into() })
        } else {
            Ok(d)
        }
    }) {
        Ok(document) => document,
        Err(e) => return Some(Err(e)),
    };
    let input = document.plain_text();
    let restitched = repair_document(&document, options);
    let baseline = repair_document(&document, &Options { reorder: false, ..options.clone() });
    let psm3 = case.psm3.as_ref().map(|text| {
        let repaired = repair(text, &Options { reorder: false, ..options.clone() });
        measure_input(case, text, &repaired)
    });
    Some(Ok(CoordinateResult {
        psm3,
        text: evaluate_case(case, options),
        restitch: measure_input(case, &input, &restitched),
        baseline: measure_input(case, &input, &baseline),
    }))
}

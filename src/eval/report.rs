//! Summaries of case results: tables by family × language, and floors.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::{CaseResult, CoordinateResult, Measures};

/// Means over a group of cases.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Summary {
    pub cases: usize,
    pub article_f1: f64,
    /// Mean over the cases that have gold pieces.
    pub junction_accuracy: Option<f64>,
    pub lost: usize,
    pub added: usize,
}

/// Summarises the chosen measures of a group of results.
pub fn summarise<'a>(results: impl IntoIterator<Item = &'a Measures>) -> Summary {
    let results: Vec<&Measures> = results.into_iter().collect();
    let cases = results.len();
    let article_f1 =
        if cases == 0 { 0.0 } else { results.iter().map(|m| m.f1()).sum::<f64>() / cases as f64 };
    let junctions: Vec<f64> = results.iter().filter_map(|m| m.junction_accuracy()).collect();
    let junction_accuracy =
        (!junctions.is_empty()).then(|| junctions.iter().sum::<f64>() / junctions.len() as f64);
    Summary {
        cases,
        article_f1,
        junction_accuracy,
        lost: results.iter().map(|m| m.lost).sum(),
        added: results.iter().map(|m| m.added).sum(),
    }
}

fn fmt_junction(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

/// A Markdown table: one row per split × family × language, then totals.
pub fn table(results: &[CaseResult]) -> String {
    let mut groups: BTreeMap<(String, String, String), Vec<&CaseResult>> = BTreeMap::new();
    for r in results {
        groups.entry((r.split.clone(), r.family.clone(), r.lang.clone())).or_default().push(r);
        groups.entry((r.split.clone(), "all".into(), "all".into())).or_default().push(r);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| split | family | lang | cases | F1 input order | F1 restitch | junctions input order | junctions restitch | lost / added |"
    );
    let _ = writeln!(out, "|---|---|---|---:|---:|---:|---:|---:|---:|");
    for ((split, family, lang), group) in &groups {
        let base = summarise(group.iter().map(|r| &r.baseline));
        let ours = summarise(group.iter().map(|r| &r.restitch));
        let _ = writeln!(
            out,
            "| {split} | {family} | {lang} | {} | {:.3} | {:.3} | {} | {} | {} / {} |",
            ours.cases,
            base.article_f1,
            ours.article_f1,
            fmt_junction(base.junction_accuracy),
            fmt_junction(ours.junction_accuracy),
            ours.lost,
            ours.added
        );
    }
    out
}

/// One line per case.
pub fn case_lines(results: &[CaseResult]) -> String {
    let mut out = String::new();
    for r in results {
        let _ = writeln!(
            out,
            "{:<28} {:<8} {:<2} {:<7} F1 {:.3} -> {:.3}  junctions {} -> {}  lost {} added {}",
            r.name,
            r.family,
            r.lang,
            r.split,
            r.baseline.f1(),
            r.restitch.f1(),
            fmt_junction(r.baseline.junction_accuracy()),
            fmt_junction(r.restitch.junction_accuracy()),
            r.restitch.lost,
            r.restitch.added
        );
    }
    out
}

/// Minimum means the whole corpus must reach; kept in a committed file and
/// only ever raised.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct Floors {
    pub article_f1: f64,
    pub junction_accuracy: f64,
}

/// The floors that `summary` falls below, described; empty when none.
pub fn floor_failures(summary: &Summary, floors: &Floors) -> Vec<String> {
    let mut failures = Vec::new();
    if summary.article_f1 + 1e-9 < floors.article_f1 {
        failures.push(format!(
            "mean article F1 {:.4} is below the floor {:.4}",
            summary.article_f1, floors.article_f1
        ));
    }
    if let Some(j) = summary.junction_accuracy {
        if j + 1e-9 < floors.junction_accuracy {
            failures.push(format!(
                "mean junction accuracy {j:.4} is below the floor {:.4}",
                floors.junction_accuracy
            ));
        }
    }
    if summary.lost > 0 {
        failures.push(format!("{} input characters were lost", summary.lost));
    }
    failures
}

/// A Markdown table comparing, on the cases that have a structured file,
/// the untouched OCR text order, restitch on the plain text, the geometric
/// order alone, and restitch with coordinates.
pub fn coordinate_table(results: &[CoordinateResult]) -> String {
    let mut groups: BTreeMap<(String, String, String), Vec<&CoordinateResult>> = BTreeMap::new();
    for r in results {
        let t = &r.text;
        groups.entry((t.split.clone(), t.family.clone(), t.lang.clone())).or_default().push(r);
        groups.entry((t.split.clone(), t.family.clone(), "all".into())).or_default().push(r);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| split | family | lang | cases | F1 OCR text order | F1 Tesseract --psm 3 order | F1 restitch text | F1 geometric order | F1 restitch coordinates | lost / added (coordinates) |"
    );
    let _ = writeln!(out, "|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for ((split, family, lang), group) in &groups {
        let text_base = summarise(group.iter().map(|r| &r.text.baseline));
        let text_ours = summarise(group.iter().map(|r| &r.text.restitch));
        let geo_base = summarise(group.iter().map(|r| &r.baseline));
        let geo_ours = summarise(group.iter().map(|r| &r.restitch));
        let psm3: Vec<&Measures> = group.iter().filter_map(|r| r.psm3.as_ref()).collect();
        let psm3 = if psm3.len() == group.len() {
            format!("{:.3}", summarise(psm3).article_f1)
        } else {
            "-".to_string()
        };
        let _ = writeln!(
            out,
            "| {split} | {family} | {lang} | {} | {:.3} | {psm3} | {:.3} | {:.3} | {:.3} | {} / {} |",
            geo_ours.cases,
            text_base.article_f1,
            text_ours.article_f1,
            geo_base.article_f1,
            geo_ours.article_f1,
            geo_ours.lost,
            geo_ours.added
        );
    }
    out
}

/// One line per case of the coordinate comparison.
pub fn coordinate_case_lines(results: &[CoordinateResult]) -> String {
    let mut out = String::new();
    for r in results {
        let _ = writeln!(
            out,
            "{:<28} {:<2} {:<7} psm3 F1 {}  text F1 {:.3} -> {:.3}  coordinates F1 {:.3} -> {:.3}  lost {} added {}",
            r.text.name,
            r.text.lang,
            r.text.split,
            r.psm3.map_or("-".to_string(), |m| format!("{:.3}", m.f1())),
            r.text.baseline.f1(),
            r.text.restitch.f1(),
            r.baseline.f1(),
            r.restitch.f1(),
            r.restitch.lost,
            r.restitch.added
        );
    }
    out
}

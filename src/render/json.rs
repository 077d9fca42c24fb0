//! JSON output with provenance.
//!
//! Schema (version 1):
//!
//! ```text
//! {"restitch": 1,
//!  "articles": [{"page": 1, "title": str|null, "paragraphs": [str], "byline": str|null,
//!                "sources": [{"line": n, "start": c, "end": c}], "confidence": 0..1}],
//!  "unplaced": [{"page": 1, "text": str, "line": n, "start": c, "end": c}],
//!  "pages": n, "removed_hyphens": n, "fallbacks": [str]}
//! ```
//!
//! `sources` lists each piece of the article in reading order: its 1-based
//! input line and its character columns `[start, end)` in that line.

use serde::Serialize;

use crate::parse::{BBox, SourceSpan};
use crate::Repaired;

#[derive(Serialize)]
struct Document<'a> {
    restitch: u32,
    articles: Vec<Article<'a>>,
    unplaced: Vec<Unplaced<'a>>,
    pages: usize,
    removed_hyphens: usize,
    fallbacks: Vec<&'a str>,
}

#[derive(Serialize)]
struct Article<'a> {
    page: usize,
    title: Option<&'a str>,
    paragraphs: &'a [String],
    byline: Option<&'a str>,
    sources: Vec<Source<'a>>,
    /// Rounded to three decimals (as f64, so that it prints as rounded
    /// inside any JSON value too).
    confidence: f64,
}

#[derive(Serialize)]
struct Source<'a> {
    #[serde(flatten)]
    span: SourceSpan,
    #[serde(skip_serializing_if = "Option::is_none")]
    bbox: Option<BBox>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
}

#[derive(Serialize)]
struct Unplaced<'a> {
    page: usize,
    text: &'a str,
    line: usize,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    bbox: Option<BBox>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
}

/// Renders the document as pretty-printed JSON.
pub fn render(repaired: &Repaired) -> String {
    let mut out = serde_json::to_string_pretty(&document(repaired)).expect("documents serialise");
    out.push('\n');
    out
}

/// The document as a JSON value (for embedding in other records, such as
/// the lines of a JSON Lines stream).
pub fn to_value(repaired: &Repaired) -> serde_json::Value {
    serde_json::to_value(document(repaired)).expect("documents serialise")
}

fn document(repaired: &Repaired) -> Document<'_> {
    Document {
        restitch: 1,
        articles: repaired
            .pages
            .iter()
            .flat_map(|page| {
                page.articles.iter().map(move |a| Article {
                    page: page.index + 1,
                    title: a.title.as_deref(),
                    paragraphs: &a.paragraphs,
                    byline: a.byline.as_deref(),
                    sources: a
                        .sources
                        .iter()
                        .enumerate()
                        .map(|(i, &span)| Source {
                            span,
                            bbox: a.boxes.get(i).copied().flatten(),
                            id: a.element_ids.get(i).and_then(|id| id.as_deref()),
                        })
                        .collect(),
                    confidence: (f64::from(a.confidence) * 1000.0).round() / 1000.0,
                })
            })
            .collect(),
        unplaced: repaired
            .pages
            .iter()
            .flat_map(|page| {
                page.unplaced.iter().map(move |u| Unplaced {
                    page: page.index + 1,
                    text: &u.text,
                    line: u.span.line,
                    start: u.span.start,
                    end: u.span.end,
                    bbox: u.bbox,
                    id: u.element_id.as_deref(),
                })
            })
            .collect(),
        pages: repaired.pages.len(),
        removed_hyphens: repaired.pages.iter().map(|p| p.removed_hyphens).sum(),
        fallbacks: repaired.pages.iter().filter_map(|p| p.fallback.as_deref()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use crate::{repair, Options};

    #[test]
    fn json_has_schema_version_and_sources() {
        let out = super::render(&repair("全市公交线路调整\n\n天气 转凉。\n", &Options::default()));
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["restitch"], 1);
        assert_eq!(value["articles"][0]["title"], "全市公交线路调整");
        assert_eq!(value["articles"][0]["sources"][1]["line"], 3);
        assert_eq!(value["articles"][0]["sources"][2]["start"], 3);
    }
}

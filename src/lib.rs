//! restitch: repair the reading order of multi-column OCR text.
//!
//! OCR engines read newspaper pages with several columns and articles, and
//! their plain text often comes back scrambled: columns glued line by line,
//! column blocks out of order, articles interleaved, paragraphs cut at
//! column breaks, printed line breaks left as spaces inside Chinese
//! sentences, end-of-line hyphens left in words. restitch gives back every
//! article as one continuous, clean text — title, paragraphs, byline — and
//! never drops a character: text it cannot place is reported as unplaced.
//!
//! The pipeline, one module per stage, each looking only down the pipeline:
//!
//! * [`decode`] — bytes in, text out: UTF-8, a named or detected legacy
//!   encoding, a byte order mark honoured, line ends normalised, binary
//!   refused (for callers that hold bytes; [`repair()`] takes text);
//! * [`formats`] — structured OCR output (Tesseract TSV, hOCR, ALTO,
//!   PAGE-XML) read into one layout model (pages, blocks, lines, words
//!   with boxes);
//! * [`parse`] — nom parsers cut the text into pages, lines and *pieces*
//!   (printed lines of one column) and label headlines, bylines and glyphs;
//!   for structured input the page geometry gives the same pieces, with
//!   boxes ([`parse::geometry`], [`repair_document`]);
//! * [`score`] — candidate junctions "B continues A", suggested by layout and
//!   scored by text signals, one signal per module;
//! * [`assemble`] — a global choice of successors, chains cut into articles,
//!   paragraphs joined into clean text;
//! * [`render`] — text, JSON, a before/after diff, and structured input
//!   written back in its own format with the repaired order;
//! * [`eval`] — the evaluation harness (article F1, junction accuracy).
//!
//! ```
//! use restitch::{repair, Options};
//! let repaired = repair("全市公交线路调整\n\n天气 转凉。\n", &Options::default());
//! assert_eq!(repaired.pages[0].articles[0].title.as_deref(), Some("全市公交线路调整"));
//! ```

pub mod assemble;
pub mod decode;
pub mod eval;
pub mod formats;
pub mod parse;
pub mod render;
mod repair;
pub mod score;

pub use repair::{
    repair, repair_document, score_structured, ArticleText, Lang, Options, Repaired, RepairedPage, Unplaced,
};

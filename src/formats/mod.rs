//! Formats: structured OCR output in, one layout model out — and back.
//!
//! In: the text of a Tesseract TSV, hOCR, ALTO (v2–v4) or PAGE-XML
//! (2010–2019) file. Out: a [`Document`] — pages of blocks of lines of
//! words, each with its box, element id and confidence where the file has
//! them — or a [`FormatError`] that says what is wrong and where. Why: most
//! OCR pipelines keep the page geometry; with it the columns are visible
//! instead of inferred, and the stages after parsing (which only see
//! [`crate::parse::Page`]s) can take the layout from it. Writing the
//! repaired order back into the same format is a render stage
//! ([`crate::render::structured`]).
//!
//! Files in the wild differ in namespaces, versions and which levels they
//! fill in, so the readers match element names without their namespace,
//! accept any schema version, and never drop text: a word without
//! coordinates is kept (with no box) and counted in
//! [`Document::unboxed_words`].

pub mod alto;
pub mod hocr;
pub mod page_xml;
pub mod tsv;

use std::fmt;

/// A box on the page image, in the file's pixel coordinates: left, top,
/// right, bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct BBox {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl BBox {
    /// The smallest box holding both.
    pub fn union(self, other: BBox) -> BBox {
        BBox {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }
}

/// The structured formats restitch reads, plus plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Tsv,
    Hocr,
    Alto,
    Page,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Tsv => "tsv",
            Format::Hocr => "hocr",
            Format::Alto => "alto",
            Format::Page => "page",
        }
    }
}

/// Guesses the format from the first kilobytes of the content. Anything not
/// recognisably TSV or XML of a known kind is plain text.
pub fn detect(content: &str) -> Format {
    let head: String = content.trim_start_matches('\u{feff}').chars().take(4096).collect();
    let first_line = head.lines().next().unwrap_or("");
    if first_line.starts_with("level\tpage_num\tblock_num") {
        return Format::Tsv;
    }
    let trimmed = head.trim_start();
    if !trimmed.starts_with('<') {
        return Format::Text;
    }
    if head.contains("<alto") || head.contains(":alto") {
        Format::Alto
    } else if head.contains("PcGts") {
        Format::Page
    } else if head.contains("ocr_page") || head.contains("ocr-system") || head.contains("<html") {
        Format::Hocr
    } else {
        Format::Text
    }
}

/// One recognised word (or, where the file has no word level, a whole line).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub id: Option<String>,
    pub text: String,
    pub bbox: Option<BBox>,
    /// Recognition confidence in [0, 100] where the file gives one.
    pub confidence: Option<f32>,
}

/// One OCR text line.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub id: Option<String>,
    pub bbox: Option<BBox>,
    pub words: Vec<Word>,
}

/// One block (ALTO TextBlock, PAGE TextRegion, hOCR carea, TSV block).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub id: Option<String>,
    pub bbox: Option<BBox>,
    pub lines: Vec<TextLine>,
}

/// One page.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrPage {
    pub id: Option<String>,
    /// Width and height in the file's units, where given.
    pub size: Option<(i32, i32)>,
    pub blocks: Vec<Block>,
}

/// A whole file.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub format: Format,
    pub pages: Vec<OcrPage>,
}

/// Where a line sits in a [`Document`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineAddress {
    pub page: usize,
    pub block: usize,
    pub line: usize,
}

impl OcrPage {
    /// Every line of the page with its block index, in file order.
    pub fn lines(&self) -> impl Iterator<Item = (usize, usize, &TextLine)> {
        self.blocks
            .iter()
            .enumerate()
            .flat_map(|(b, block)| block.lines.iter().enumerate().map(move |(l, line)| (b, l, line)))
    }
}

impl Document {
    /// Addresses of every line in file order; the 1-based position in this
    /// list is the "line" a structured piece's provenance names.
    pub fn line_addresses(&self) -> Vec<LineAddress> {
        self.pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| {
                page.lines().map(move |(block, line, _)| LineAddress { page: p, block, line })
            })
            .collect()
    }

    pub fn line(&self, address: LineAddress) -> &TextLine {
        &self.pages[address.page].blocks[address.block].lines[address.line]
    }

    /// The file's text in file order: words of a line joined by a space,
    /// one line per text line, pages separated by form feeds. What the
    /// conservation check compares the repair with.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for (index, page) in self.pages.iter().enumerate() {
            if index > 0 {
                out.push('\u{000C}');
            }
            for (_, _, line) in page.lines() {
                let words: Vec<&str> = line.words.iter().map(|w| w.text.as_str()).collect();
                out.push_str(&words.join(" "));
                out.push('\n');
            }
        }
        out
    }

    /// Words that came without any coordinates (neither their own nor their
    /// line's): they are kept, but geometry cannot place them.
    pub fn unboxed_words(&self) -> usize {
        self.pages
            .iter()
            .flat_map(|p| p.lines())
            .map(|(_, _, line)| line.words.iter().filter(|w| w.bbox.is_none() && line.bbox.is_none()).count())
            .sum()
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct FormatError {
    pub format: Format,
    /// 1-based line of the file where the problem was found, if known.
    pub line: Option<usize>,
    pub problem: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} input, line {line}: {}", self.format.name(), self.problem),
            None => write!(f, "{} input: {}", self.format.name(), self.problem),
        }
    }
}

impl std::error::Error for FormatError {}

/// Reads a structured file. `Format::Text` is not structured and is an
/// error here (plain text goes to [`crate::parse`] directly).
pub fn read(content: &str, format: Format) -> Result<Document, FormatError> {
    let content = content.trim_start_matches('\u{feff}');
    match format {
        Format::Tsv => tsv::read(content),
        Format::Hocr => hocr::read(content),
        Format::Alto => alto::read(content),
        Format::Page => page_xml::read(content),
        Format::Text => {
            Err(FormatError { format, line: None, problem: "plain text has no structure".into() })
        }
    }
}

/// Parses XML leniently for the readers: a DOCTYPE is allowed (XHTML hOCR
/// carries one), and the HTML entities hOCR writers use are accepted.
pub(crate) fn parse_xml(content: &str, format: Format) -> Result<roxmltree::Document<'_>, FormatError> {
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    roxmltree::Document::parse_with_options(content, options).map_err(|e| FormatError {
        format,
        line: Some(e.pos().row as usize),
        problem: format!("malformed XML: {e}"),
    })
}

/// An attribute by local name, whatever its namespace.
pub(crate) fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes().find(|a| a.name() == name).map(|a| a.value())
}

/// The 1-based line of the file where a node starts.
pub(crate) fn line_of(node: roxmltree::Node) -> usize {
    node.document().text_pos_at(node.range().start).row as usize
}

/// The box around a list of points.
pub(crate) fn bbox_of_points(points: &[(i32, i32)]) -> Option<BBox> {
    let x0 = points.iter().map(|p| p.0).min()?;
    let y0 = points.iter().map(|p| p.1).min()?;
    let x1 = points.iter().map(|p| p.0).max()?;
    let y1 = points.iter().map(|p| p.1).max()?;
    Some(BBox { x0, y0, x1, y1 })
}

/// The largest coordinate, in pixels, a box may have on either side of
/// zero: 2^24, a scan of a page over 14 metres long at 1,200 dpi. Why:
/// the page geometry adds, subtracts and averages coordinates in `i32`; a
/// broken or hostile file with coordinates near the type's limit would
/// overflow there (a panic in debug builds, nonsense boxes in release).
/// Within this range any sum or difference of a few coordinates fits.
pub const MAX_COORDINATE: i64 = 1 << 24;

/// A number in a coordinate attribute; ALTO allows floats. `None` when it
/// is no finite number or lies beyond [`MAX_COORDINATE`].
pub(crate) fn number(text: &str) -> Option<i32> {
    let value: f64 = text.trim().parse().ok()?;
    let value = value.round();
    (value.is_finite() && value.abs() <= MAX_COORDINATE as f64).then_some(value as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats_from_content() {
        assert_eq!(detect("level\tpage_num\tblock_num\tpar_num\n"), Format::Tsv);
        assert_eq!(detect("<?xml version=\"1.0\"?>\n<alto xmlns=\"x\">"), Format::Alto);
        assert_eq!(detect("<?xml version=\"1.0\"?><PcGts xmlns=\"p\">"), Format::Page);
        assert_eq!(detect("<!DOCTYPE html><html><div class='ocr_page'>"), Format::Hocr);
        assert_eq!(detect("天气 转凉。\n"), Format::Text);
        assert_eq!(detect("<not xml at all"), Format::Text);
    }

    #[test]
    fn coordinates_beyond_any_scan_are_no_numbers() {
        assert_eq!(number(" 12.6 "), Some(13));
        assert_eq!(number("-16777216"), Some(-16_777_216));
        for text in ["16777217", "2147483647", "1e30", "-1e30", "inf", "NaN", "x"] {
            assert_eq!(number(text), None, "{text}");
        }
    }
}

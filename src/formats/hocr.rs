//! hOCR reader (Tesseract, kraken and OCRopus flavours).
//!
//! In: an (X)HTML file whose elements carry hOCR classes — `ocr_page`,
//! blocks (`ocr_carea`, `ocrx_block`), lines (`ocr_line`, `ocrx_line`,
//! `ocr_header`, `ocr_textfloat`, `ocr_caption`) and words (`ocrx_word`) —
//! with `bbox` and `x_wconf` in their `title`. Out: a [`Document`]. Why:
//! Tesseract's, kraken's and OCRopus' layout-preserving output. Lines with no
//! word elements (OCRopus) become one word each; lines outside any block get
//! a block of their own; the HTML entities the writers use are accepted.

use roxmltree::Node;

use super::{attr, line_of, parse_xml, BBox, Block, Document, Format, FormatError, OcrPage, TextLine, Word};

/// The classes of an hOCR block (read here, reordered by the renderer).
pub(crate) const BLOCK_CLASSES: &[&str] = &["ocr_carea", "ocrx_block", "ocr_column"];
/// The classes of an hOCR line (read here, reordered by the renderer).
pub(crate) const LINE_CLASSES: &[&str] =
    &["ocr_line", "ocrx_line", "ocr_header", "ocr_textfloat", "ocr_caption"];

/// A property of an hOCR `title` ("bbox 1 2 3 4; x_wconf 95").
fn property<'a>(title: &'a str, name: &str) -> Option<&'a str> {
    title
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix(name).filter(|rest| rest.starts_with(' ')).map(str::trim))
}

fn bbox(node: Node) -> Result<Option<BBox>, FormatError> {
    let Some(value) = attr(node, "title").and_then(|t| property(t, "bbox")) else { return Ok(None) };
    // A box beyond the coordinates any scan has is no box: its word still
    // comes out (see `MAX_COORDINATE`).
    let beyond = value.split_whitespace().any(|t| {
        t.parse::<f64>().is_ok_and(|v| v.is_finite() && v.round().abs() > super::MAX_COORDINATE as f64)
    });
    if beyond {
        return Ok(None);
    }
    let numbers: Vec<i32> = value.split_whitespace().filter_map(super::number).collect();
    match numbers[..] {
        [x0, y0, x1, y1] => Ok(Some(BBox { x0, y0, x1, y1 })),
        _ => Err(FormatError {
            format: Format::Hocr,
            line: Some(line_of(node)),
            problem: format!("bad bbox {value:?}"),
        }),
    }
}

/// True when the element carries one of the classes.
pub(crate) fn has_class(node: Node, classes: &[&str]) -> bool {
    attr(node, "class").is_some_and(|c| c.split_whitespace().any(|c| classes.contains(&c)))
}

fn text_of(node: Node) -> String {
    node.descendants().filter(Node::is_text).filter_map(|t| t.text()).collect::<String>()
}

struct Reader {
    document: Document,
    /// Whether the last block of the current page is open for lines.
    in_block: bool,
}

impl Reader {
    fn page(&mut self) -> &mut OcrPage {
        if self.document.pages.is_empty() {
            self.document.pages.push(OcrPage { id: None, size: None, blocks: Vec::new() });
        }
        self.document.pages.last_mut().expect("a page was pushed")
    }

    fn block(&mut self) -> &mut Block {
        let open = self.in_block;
        let page = self.page();
        if !open || page.blocks.is_empty() {
            page.blocks.push(Block { id: None, bbox: None, lines: Vec::new() });
        }
        self.in_block = true;
        self.page().blocks.last_mut().expect("a block was pushed")
    }

    fn visit(&mut self, node: Node) -> Result<(), FormatError> {
        if !node.is_element() {
            return Ok(());
        }
        let id = attr(node, "id").map(str::to_string);
        if has_class(node, &["ocr_page"]) {
            let size = bbox(node)?.map(|b| (b.x1, b.y1));
            self.document.pages.push(OcrPage { id, size, blocks: Vec::new() });
            self.in_block = false;
            self.children(node)?;
        } else if has_class(node, BLOCK_CLASSES) {
            let block_box = bbox(node)?;
            self.page().blocks.push(Block { id, bbox: block_box, lines: Vec::new() });
            self.in_block = true;
            self.children(node)?;
            self.in_block = false;
        } else if has_class(node, LINE_CLASSES) {
            let line_box = bbox(node)?;
            let mut words = Vec::new();
            for word in node.descendants().filter(|n| has_class(*n, &["ocrx_word"])) {
                let text = text_of(word);
                if text.trim().is_empty() {
                    continue;
                }
                let confidence = attr(word, "title")
                    .and_then(|t| property(t, "x_wconf"))
                    .and_then(|c| c.parse::<f32>().ok());
                words.push(Word {
                    id: attr(word, "id").map(str::to_string),
                    text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                    bbox: bbox(word)?,
                    confidence,
                });
            }
            if words.is_empty() {
                let text = text_of(node);
                if !text.trim().is_empty() {
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    words.push(Word { id: None, text, bbox: line_box, confidence: None });
                }
            }
            self.block().lines.push(TextLine { id, bbox: line_box, words });
        } else {
            self.children(node)?;
        }
        Ok(())
    }

    fn children(&mut self, node: Node) -> Result<(), FormatError> {
        for child in node.children() {
            self.visit(child)?;
        }
        Ok(())
    }
}

/// Reads an hOCR file.
pub fn read(content: &str) -> Result<Document, FormatError> {
    // HTML entities XML does not know.
    let content = content.replace("&nbsp;", "&#160;");
    let xml = parse_xml(&content, Format::Hocr)?;
    let mut reader =
        Reader { document: Document { format: Format::Hocr, pages: Vec::new() }, in_block: false };
    reader.visit(xml.root_element())?;
    if reader.document.pages.is_empty() {
        return Err(FormatError {
            format: Format::Hocr,
            line: None,
            problem: "no hOCR elements (ocr_page, ocr_line, ocrx_word)".into(),
        });
    }
    Ok(reader.document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tesseract_style_hocr() {
        let html = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<div class='ocr_page' id='page_1' title='image "x.png"; bbox 0 0 100 200; ppageno 0'>
<div class='ocr_carea' id='block_1_1' title="bbox 1 2 50 20"><p class='ocr_par'>
<span class='ocr_line' id='line_1_1' title="bbox 1 2 50 10; baseline 0 0"><span class='ocrx_word' id='word_1_1' title='bbox 1 2 20 10; x_wconf 96'>Hello</span>&nbsp;<span class='ocrx_word' id='word_1_2' title='bbox 25 2 50 10; x_wconf 90'><strong>world</strong></span></span>
</p></div></div></body></html>"#;
        let document = read(html).unwrap();
        let page = &document.pages[0];
        assert_eq!(page.size, Some((100, 200)));
        assert_eq!(page.blocks[0].id.as_deref(), Some("block_1_1"));
        let line = &page.blocks[0].lines[0];
        assert_eq!(line.words[1].text, "world");
        assert_eq!(line.words[0].confidence, Some(96.0));
        assert_eq!(line.words[1].bbox, Some(BBox { x0: 25, y0: 2, x1: 50, y1: 10 }));
    }

    #[test]
    fn a_box_beyond_any_scan_is_no_box_and_keeps_the_word() {
        let html = "<html><body><div class='ocr_page' title='bbox 0 0 10 10'><span class='ocr_line' title='bbox 0 0 5 5'><span class='ocrx_word' title='bbox 2147483647 0 1e30 5'>far</span></span></div></body></html>";
        let document = read(html).unwrap();
        let word = &document.pages[0].blocks[0].lines[0].words[0];
        assert_eq!((word.text.as_str(), word.bbox), ("far", None));
    }

    #[test]
    fn ocropus_lines_without_words_or_blocks() {
        let html = "<html><body><div class='ocr_page' title='bbox 0 0 10 10'><span class='ocr_line' title='bbox 0 0 5 5'>a  line</span></div></body></html>";
        let document = read(html).unwrap();
        assert_eq!(document.pages[0].blocks[0].lines[0].words[0].text, "a line");
    }

    #[test]
    fn bad_bbox_is_an_error() {
        let err = read(
            "<html><div class='ocr_page'>\n<span class='ocr_line' title='bbox 1 2'>x</span></div></html>",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(2));
    }
}

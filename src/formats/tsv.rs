//! Tesseract TSV reader.
//!
//! In: Tesseract's `tsv` output — a header line, then one row per page,
//! block, paragraph, line and word (`level` 1–5) with its box in pixels and,
//! for words, a confidence. Out: a [`Document`]. Why: it is the geometry
//! Tesseract users already have next to their text output. Paragraphs are
//! not kept as a level of their own: a block's lines are its paragraphs'
//! lines in order.

use super::{BBox, Block, Document, Format, FormatError, OcrPage, TextLine, Word, MAX_COORDINATE};

fn error(line: usize, problem: String) -> FormatError {
    FormatError { format: Format::Tsv, line: Some(line), problem }
}

/// Reads a Tesseract TSV file.
pub fn read(content: &str) -> Result<Document, FormatError> {
    let mut rows = content.lines().enumerate();
    let Some((_, header)) = rows.next() else {
        return Err(error(1, "empty file".into()));
    };
    let columns: Vec<&str> = header.split('\t').collect();
    let find = |name: &str| {
        columns
            .iter()
            .position(|c| c.trim() == name)
            .ok_or_else(|| error(1, format!("header has no `{name}` column")))
    };
    let [level, page_num, block_num, par_num, line_num, left, top, width, height, conf, text] = [
        "level",
        "page_num",
        "block_num",
        "par_num",
        "line_num",
        "left",
        "top",
        "width",
        "height",
        "conf",
        "text",
    ]
    .map(find);
    let (level, page_num, block_num, par_num, line_num) =
        (level?, page_num?, block_num?, par_num?, line_num?);
    let (left, top, width, height, conf, text) = (left?, top?, width?, height?, conf?, text?);
    let mut document = Document { format: Format::Tsv, pages: Vec::new() };
    // The (page, block, paragraph, line) key of the line being filled.
    let mut current: Option<(i64, i64, i64, i64)> = None;
    // The boxes Tesseract gives a block and a line on their own rows.
    let mut block_box: Option<((i64, i64), BBox)> = None;
    let mut line_box: Option<((i64, i64, i64, i64), BBox)> = None;
    for (index, row) in rows {
        let number = index + 1;
        if row.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = row.split('\t').collect();
        let field = |column: usize| fields.get(column).copied().unwrap_or("");
        let integer = |column: usize, name: &str| {
            field(column)
                .trim()
                .parse::<i64>()
                .map_err(|_| error(number, format!("`{name}` is not a number: {:?}", field(column))))
        };
        let level = integer(level, "level")?;
        let key = (
            integer(page_num, "page_num")?,
            integer(block_num, "block_num")?,
            integer(par_num, "par_num")?,
            integer(line_num, "line_num")?,
        );
        let bbox = match (
            integer(left, "left"),
            integer(top, "top"),
            integer(width, "width"),
            integer(height, "height"),
        ) {
            // A box beyond the coordinates any scan has is no box: its
            // word still comes out, placed by its line (see
            // `MAX_COORDINATE`).
            (Ok(x), Ok(y), Ok(w), Ok(h))
                if w >= 0
                    && h >= 0
                    && [x, y, w, h].iter().all(|v| v.unsigned_abs() <= MAX_COORDINATE.unsigned_abs()) =>
            {
                Some(BBox { x0: x as i32, y0: y as i32, x1: (x + w) as i32, y1: (y + h) as i32 })
            }
            _ => None,
        };
        match level {
            1 => {
                document.pages.push(OcrPage {
                    id: Some(format!("page_{}", key.0)),
                    size: bbox.map(|b| (b.x1, b.y1)),
                    blocks: Vec::new(),
                });
                current = None;
            }
            2 => block_box = bbox.map(|b| ((key.0, key.1), b)),
            3 => {}
            4 => line_box = bbox.map(|b| (key, b)),
            5 => {
                let word_text = field(text).trim();
                if word_text.is_empty() {
                    continue;
                }
                if document.pages.is_empty() {
                    document.pages.push(OcrPage {
                        id: Some(format!("page_{}", key.0)),
                        size: None,
                        blocks: Vec::new(),
                    });
                }
                let page = document.pages.last_mut().expect("a page was pushed");
                let same_block = current.is_some_and(|c| (c.0, c.1) == (key.0, key.1));
                if !same_block {
                    page.blocks.push(Block {
                        id: Some(format!("block_{}_{}", key.0, key.1)),
                        bbox: None,
                        lines: Vec::new(),
                    });
                }
                let block = page.blocks.last_mut().expect("a block was pushed");
                if current != Some(key) {
                    block.lines.push(TextLine {
                        id: Some(format!("line_{}_{}_{}_{}", key.0, key.1, key.2, key.3)),
                        bbox: line_box.filter(|(k, _)| *k == key).map(|(_, b)| b),
                        words: Vec::new(),
                    });
                }
                current = Some(key);
                let line = block.lines.last_mut().expect("a line was pushed");
                let confidence = field(conf).trim().parse::<f32>().ok().filter(|c| *c >= 0.0);
                line.words.push(Word {
                    id: Some(format!(
                        "word_{}_{}_{}_{}_{}",
                        key.0,
                        key.1,
                        key.2,
                        key.3,
                        line.words.len() + 1
                    )),
                    text: word_text.to_string(),
                    bbox,
                    confidence,
                });
                if line_box.is_none_or(|(k, _)| k != key) {
                    line.bbox = union(line.bbox, bbox);
                }
                if block_box.is_none_or(|(k, _)| k != (key.0, key.1)) {
                    block.bbox = union(block.bbox, bbox);
                }
            }
            other => return Err(error(number, format!("unknown level {other}"))),
        }
    }
    Ok(document)
}

/// The box around two optional boxes.
pub(crate) fn union(a: Option<BBox>, b: Option<BBox>) -> Option<BBox> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.union(b)),
        (a, None) => a,
        (None, b) => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    #[test]
    fn words_become_lines_and_blocks() {
        let tsv = format!(
            "{HEADER}1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n5\t1\t1\t1\t1\t1\t10\t10\t20\t10\t95.5\tHello\n5\t1\t1\t1\t1\t2\t35\t10\t20\t10\t90\tworld\n5\t1\t2\t1\t1\t1\t10\t50\t20\t10\t80\tNext\n"
        );
        let document = read(&tsv).unwrap();
        assert_eq!(document.pages.len(), 1);
        assert_eq!(document.pages[0].size, Some((100, 100)));
        assert_eq!(document.pages[0].blocks.len(), 2);
        let line = &document.pages[0].blocks[0].lines[0];
        assert_eq!(line.words.len(), 2);
        assert_eq!(line.bbox, Some(BBox { x0: 10, y0: 10, x1: 55, y1: 20 }));
        assert_eq!(line.words[0].confidence, Some(95.5));
    }

    #[test]
    fn bad_numbers_are_errors_with_a_line() {
        let err = read(&format!("{HEADER}5\tx\t1\t1\t1\t1\t1\t1\t1\t1\t1\ta\n")).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.problem.contains("page_num"));
    }

    #[test]
    fn missing_box_keeps_the_word() {
        let document = read(&format!("{HEADER}5\t1\t1\t1\t1\t1\t\t\t\t\t-1\tlost?\n")).unwrap();
        assert_eq!(document.pages[0].blocks[0].lines[0].words[0].text, "lost?");
        assert_eq!(document.unboxed_words(), 1);
    }

    #[test]
    fn a_box_beyond_any_scan_is_no_box_and_keeps_the_word() {
        // Near the limits of `i64` the box's right edge overflows; near
        // those of `i32` the page geometry would.
        for (left, width) in
            [("9223372036854775807", "1"), ("-9223372036854775808", "1"), ("2147483000", "10")]
        {
            let document =
                read(&format!("{HEADER}5\t1\t1\t1\t1\t1\t{left}\t0\t{width}\t10\t90\tfar\n")).unwrap();
            let word = &document.pages[0].blocks[0].lines[0].words[0];
            assert_eq!((word.text.as_str(), word.bbox), ("far", None));
        }
        let document =
            read(&format!("{HEADER}5\t1\t1\t1\t1\t1\t16777216\t0\t16777216\t10\t90\tedge\n")).unwrap();
        assert!(document.pages[0].blocks[0].lines[0].words[0].bbox.is_some());
    }

    #[test]
    fn missing_column_is_named() {
        let err = read("level\tpage_num\n").unwrap_err();
        assert!(err.problem.contains("block_num"), "{err}");
    }
}

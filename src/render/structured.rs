//! Structured output: the OCR file written back in the repaired order.
//!
//! In: the original file's text, its [`Document`] and the [`Repaired`]
//! result of that document. Out: the same format with the reading order
//! repaired. Why: users of hOCR, ALTO and PAGE-XML want their own file back,
//! every id, attribute and word kept, not a text dump.
//!
//! * PAGE-XML: the regions stay where they are; a `ReadingOrder` is written
//!   (replacing any there was) with one `OrderedGroup` per article listing
//!   its regions in reading order, then an `UnorderedGroup` of the regions
//!   no article reached.
//! * ALTO: the text blocks of each page are rewritten in reading order, one
//!   `ComposedBlock TYPE="article"` per article; each block holds its lines
//!   in reading order; a block whose lines went to several articles is
//!   split, the later parts with ids suffixed `_2`, `_3`...; lines and
//!   words are copied verbatim. Blocks of other kinds (illustrations,
//!   rules) follow, untouched.
//! * hOCR: the same for `ocr_carea` blocks inside `ocr_section` divs (one
//!   per article), lines copied verbatim.
//! * Tesseract TSV: word rows in reading order, renumbered: one block per
//!   article, one line per OCR line.
//!
//! A line goes with the article of its first piece (a Tesseract `--psm 4`
//! line that glued two articles' columns cannot be split without inventing
//! boxes). Every line of the input is written exactly once.

use std::collections::{HashMap, HashSet};

use roxmltree::Node;

use crate::formats::hocr::{has_class, BLOCK_CLASSES, LINE_CLASSES};
use crate::formats::{attr, parse_xml, Document, Format, FormatError, LineAddress};
use crate::Repaired;

/// The lines of one page in reading order: per article, the 0-based
/// document-wide line ordinals, then the lines no article holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageOrder {
    pub articles: Vec<Vec<usize>>,
    pub rest: Vec<usize>,
}

/// The reading order of every page's OCR lines.
pub fn reading_order(document: &Document, repaired: &Repaired) -> Vec<PageOrder> {
    let addresses = document.line_addresses();
    let mut seen: HashSet<usize> = HashSet::new();
    let mut orders = Vec::new();
    for page_index in 0..document.pages.len() {
        let mut order = PageOrder::default();
        if let Some(result) = repaired.pages.get(page_index) {
            for article in &result.articles {
                let mut lines = Vec::new();
                for span in &article.sources {
                    let ordinal = span.line.saturating_sub(1);
                    if ordinal < addresses.len() && seen.insert(ordinal) {
                        lines.push(ordinal);
                    }
                }
                if !lines.is_empty() {
                    order.articles.push(lines);
                }
            }
        }
        for (ordinal, address) in addresses.iter().enumerate() {
            if address.page == page_index && seen.insert(ordinal) {
                order.rest.push(ordinal);
            }
        }
        orders.push(order);
    }
    orders
}

/// Writes `document` (read from `content`) back in its own format with the
/// order of `repaired`.
pub fn write(content: &str, document: &Document, repaired: &Repaired) -> Result<String, FormatError> {
    let orders = reading_order(document, repaired);
    let content = content.trim_start_matches('\u{feff}');
    match document.format {
        Format::Page => page_xml(content, document, &orders),
        Format::Alto => alto(content, &orders),
        Format::Hocr => hocr(content, &orders),
        Format::Tsv => Ok(tsv(document, &orders)),
        Format::Text => Err(FormatError {
            format: Format::Text,
            line: None,
            problem: "plain text has no structure to write".into(),
        }),
    }
}

/// The text of a node's start tag, as written in the file.
fn start_tag<'a>(content: &'a str, node: Node) -> &'a str {
    let start = node.range().start;
    let end = content[start..].find('>').map_or(content.len(), |i| start + i + 1);
    &content[start..end]
}

/// The qualified name (with its prefix, if any) a node is written with.
fn written_name<'a>(content: &'a str, node: Node) -> &'a str {
    let tag = start_tag(content, node);
    let name = &tag[1..];
    let end = name.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(name.len());
    &name[..end]
}

/// Replaces the value of an attribute in a start tag (first occurrence).
fn with_attribute(tag: &str, name: &str, value: &str) -> String {
    for quote in ['"', '\''] {
        let key = format!(" {name}={quote}");
        if let Some(at) = tag.find(&key) {
            let value_start = at + key.len();
            if let Some(len) = tag[value_start..].find(quote) {
                return format!("{}{}{}", &tag[..value_start], value, &tag[value_start + len..]);
            }
        }
    }
    tag.to_string()
}

/// An open-ended start tag (a self-closing `<X/>` made `<X>`).
fn opened(tag: &str) -> String {
    match tag.strip_suffix("/>") {
        Some(open) => format!("{}>", open.trim_end()),
        None => tag.to_string(),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

// ---------------------------------------------------------------- PAGE-XML

fn page_xml(content: &str, document: &Document, orders: &[PageOrder]) -> Result<String, FormatError> {
    let xml = parse_xml(content, Format::Page)?;
    let addresses = document.line_addresses();
    let pages: Vec<Node> =
        xml.root_element().children().filter(|n| n.is_element() && n.tag_name().name() == "Page").collect();
    // Edits as (byte range to replace, new text), applied back to front.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (page_index, page) in pages.iter().enumerate() {
        let Some(order) = orders.get(page_index) else { continue };
        let ocr = &document.pages[page_index];
        let region_of = |ordinal: usize| -> Option<&str> {
            let LineAddress { block, .. } = addresses[ordinal];
            ocr.blocks[block].id.as_deref()
        };
        let mut used: HashSet<&str> = HashSet::new();
        let prefix = match written_name(content, *page).split_once(':') {
            Some((prefix, _)) => format!("{prefix}:"),
            None => String::new(),
        };
        let mut out = format!("<{prefix}ReadingOrder>\n<{prefix}OrderedGroup id=\"restitch_ro\" caption=\"restitch reading order\">\n");
        let mut group_index = 0;
        for (article_index, lines) in order.articles.iter().enumerate() {
            let regions: Vec<&str> =
                lines.iter().filter_map(|&l| region_of(l)).filter(|r| used.insert(r)).collect();
            if regions.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "<{prefix}OrderedGroupIndexed id=\"restitch_article_{}\" caption=\"article {}\" index=\"{group_index}\">\n",
                article_index + 1,
                article_index + 1
            ));
            for (index, region) in regions.iter().enumerate() {
                out.push_str(&format!(
                    "<{prefix}RegionRefIndexed index=\"{index}\" regionRef=\"{}\"/>\n",
                    escape(region)
                ));
            }
            out.push_str(&format!("</{prefix}OrderedGroupIndexed>\n"));
            group_index += 1;
        }
        let rest: Vec<&str> =
            ocr.blocks.iter().filter_map(|b| b.id.as_deref()).filter(|r| used.insert(r)).collect();
        if !rest.is_empty() {
            out.push_str(&format!(
                "<{prefix}UnorderedGroupIndexed id=\"restitch_unplaced\" caption=\"not in any article\" index=\"{group_index}\">\n"
            ));
            for region in rest {
                out.push_str(&format!("<{prefix}RegionRef regionRef=\"{}\"/>\n", escape(region)));
            }
            out.push_str(&format!("</{prefix}UnorderedGroupIndexed>\n"));
        }
        out.push_str(&format!("</{prefix}OrderedGroup>\n</{prefix}ReadingOrder>\n"));
        let children: Vec<Node> = page.children().filter(Node::is_element).collect();
        if let Some(existing) = children.iter().find(|n| n.tag_name().name() == "ReadingOrder") {
            edits.push((existing.range(), out.trim_end().to_string()));
        } else {
            // The schema puts ReadingOrder after AlternativeImage, Border and
            // PrintSpace, before everything else.
            let before = children
                .iter()
                .find(|n| !matches!(n.tag_name().name(), "AlternativeImage" | "Border" | "PrintSpace"));
            let at = match before {
                Some(node) => node.range().start,
                None => page.range().end - format!("</{}>", written_name(content, *page)).len(),
            };
            edits.push((at..at, out));
        }
    }
    Ok(apply(content, edits))
}

fn apply(content: &str, mut edits: Vec<(std::ops::Range<usize>, String)>) -> String {
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut out = content.to_string();
    for (range, text) in edits {
        out.replace_range(range, &text);
    }
    out
}

// -------------------------------------------------------------- ALTO, hOCR

/// One text line of the file: its verbatim text and the start tags of the
/// block (and, for hOCR, paragraph) holding it.
struct SourceLine<'a> {
    text: &'a str,
    block: Option<Node<'a, 'a>>,
    paragraph: Option<Node<'a, 'a>>,
}

/// Writes a page's lines grouped per article: `article_open(n)` /
/// `article_close` around each article's blocks, each run of consecutive
/// lines of one block inside a copy of that block's start tag.
fn regroup(
    content: &str,
    order: &PageOrder,
    lines: &HashMap<usize, SourceLine>,
    article_open: impl Fn(usize, &[usize]) -> String,
    article_close: &str,
    block_ids: &mut HashMap<String, usize>,
) -> String {
    let mut out = String::from("\n");
    let groups = order.articles.iter().map(Some).chain(std::iter::once(None));
    for (index, group) in groups.enumerate() {
        let ordinals: &[usize] = match group {
            Some(lines) => lines,
            None => &order.rest,
        };
        if ordinals.is_empty() {
            continue;
        }
        if group.is_some() {
            out.push_str(&article_open(index, ordinals));
            out.push('\n');
        }
        let mut start = 0;
        while start < ordinals.len() {
            let key =
                |o: usize| lines.get(&o).map(|l| (l.block.map(|b| b.id()), l.paragraph.map(|p| p.id())));
            let end = (start..ordinals.len())
                .find(|&i| key(ordinals[i]) != key(ordinals[start]))
                .unwrap_or(ordinals.len());
            let Some(first) = lines.get(&ordinals[start]) else {
                start = end;
                continue;
            };
            let mut closing = Vec::new();
            for container in [first.block, first.paragraph].into_iter().flatten() {
                let mut tag = opened(start_tag(content, container));
                if let Some(id) = attr(container, "ID").or_else(|| attr(container, "id")) {
                    let seen = block_ids.entry(format!("{}#{id}", container.id().get())).or_insert(0);
                    *seen += 1;
                    if *seen > 1 {
                        let name = if attr(container, "ID").is_some() { "ID" } else { "id" };
                        tag = with_attribute(&tag, name, &format!("{id}_{seen}"));
                    }
                }
                out.push_str(&tag);
                out.push('\n');
                closing.push(format!("</{}>", written_name(content, container)));
            }
            for &ordinal in &ordinals[start..end] {
                if let Some(line) = lines.get(&ordinal) {
                    out.push_str(line.text);
                    out.push('\n');
                }
            }
            for close in closing.iter().rev() {
                out.push_str(close);
                out.push('\n');
            }
            start = end;
        }
        if group.is_some() {
            out.push_str(article_close);
            out.push('\n');
        }
    }
    out
}

fn alto(content: &str, orders: &[PageOrder]) -> Result<String, FormatError> {
    let xml = parse_xml(content, Format::Alto)?;
    let mut edits = Vec::new();
    let mut ordinal = 0;
    let mut block_ids = HashMap::new();
    let pages: Vec<Node> =
        xml.descendants().filter(|n| n.is_element() && n.tag_name().name() == "Page").collect();
    for (page_index, page) in pages.iter().enumerate() {
        let mut lines: HashMap<usize, SourceLine> = HashMap::new();
        let blocks: Vec<Node> =
            page.descendants().filter(|n| n.is_element() && n.tag_name().name() == "TextBlock").collect();
        let mut boxes: HashMap<usize, (i64, i64, i64, i64)> = HashMap::new();
        for block in &blocks {
            for line in block.descendants().filter(|n| n.is_element() && n.tag_name().name() == "TextLine") {
                lines.insert(
                    ordinal,
                    SourceLine { text: &content[line.range()], block: Some(*block), paragraph: None },
                );
                let number = |name: &str| attr(line, name).and_then(crate::formats::number).map(i64::from);
                if let (Some(x), Some(y), Some(w), Some(h)) =
                    (number("HPOS"), number("VPOS"), number("WIDTH"), number("HEIGHT"))
                {
                    boxes.insert(ordinal, (x, y, x + w, y + h));
                }
                ordinal += 1;
            }
        }
        let Some(order) = orders.get(page_index) else { continue };
        // The text blocks go; everything else inside the print space stays.
        let Some(space) = page.children().find(|n| n.is_element() && n.tag_name().name() == "PrintSpace")
        else {
            continue;
        };
        let prefix = match written_name(content, space).split_once(':') {
            Some((prefix, _)) => format!("{prefix}:"),
            None => String::new(),
        };
        let article_open = |index: usize, ordinals: &[usize]| {
            let found: Vec<&(i64, i64, i64, i64)> = ordinals.iter().filter_map(|o| boxes.get(o)).collect();
            let x0 = found.iter().map(|b| b.0).min().unwrap_or(0);
            let y0 = found.iter().map(|b| b.1).min().unwrap_or(0);
            let x1 = found.iter().map(|b| b.2).max().unwrap_or(0);
            let y1 = found.iter().map(|b| b.3).max().unwrap_or(0);
            format!(
                "<{prefix}ComposedBlock ID=\"restitch_article_{}_{}\" TYPE=\"article\" HPOS=\"{x0}\" VPOS=\"{y0}\" WIDTH=\"{}\" HEIGHT=\"{}\">",
                page_index + 1,
                index + 1,
                x1 - x0,
                y1 - y0
            )
        };
        let mut body = regroup(
            content,
            order,
            &lines,
            article_open,
            &format!("</{prefix}ComposedBlock>"),
            &mut block_ids,
        );
        // Other content of the print space, in its order.
        for child in space.children().filter(Node::is_element) {
            let keeps_text =
                child.descendants().any(|n| n.is_element() && n.tag_name().name() == "TextBlock");
            if !keeps_text {
                body.push_str(&content[child.range()]);
                body.push('\n');
            }
        }
        let tag = start_tag(content, space);
        let inner_start = space.range().start + tag.len();
        let inner_end = space.range().end - format!("</{}>", written_name(content, space)).len();
        if tag.ends_with("/>") {
            continue;
        }
        edits.push((inner_start..inner_end, body));
    }
    Ok(apply(content, edits))
}

fn hocr(content: &str, orders: &[PageOrder]) -> Result<String, FormatError> {
    let prepared = content.replace("&nbsp;", "&#160;");
    let content = prepared.as_str();
    let xml = parse_xml(content, Format::Hocr)?;
    let mut edits = Vec::new();
    let mut ordinal = 0;
    let mut block_ids = HashMap::new();
    let mut pages: Vec<Node> = xml.descendants().filter(|n| has_class(*n, &["ocr_page"])).collect();
    if pages.is_empty() {
        pages.push(xml.root_element());
    }
    for (page_index, page) in pages.iter().enumerate() {
        let mut lines: HashMap<usize, SourceLine> = HashMap::new();
        let mut top: Vec<Node> = Vec::new();
        for line in page.descendants().filter(|n| has_class(*n, LINE_CLASSES)) {
            if line.ancestors().skip(1).any(|a| has_class(a, LINE_CLASSES)) {
                continue;
            }
            let block = line.ancestors().find(|a| has_class(*a, BLOCK_CLASSES));
            let paragraph = line
                .ancestors()
                .skip(1)
                .take_while(|a| Some(*a) != block)
                .find(|a| has_class(*a, &["ocr_par"]));
            // The page's child that holds the line, which the rewrite replaces.
            if let Some(child) = line.ancestors().find(|a| a.parent() == Some(*page)) {
                if !top.contains(&child) {
                    top.push(child);
                }
            }
            lines.insert(ordinal, SourceLine { text: &content[line.range()], block, paragraph });
            ordinal += 1;
        }
        let Some(order) = orders.get(page_index) else { continue };
        if top.is_empty() {
            continue;
        }
        let article_open = |index: usize, _: &[usize]| {
            format!("<div class='ocr_section' id='restitch_article_{}_{}'>", page_index + 1, index + 1)
        };
        let body = regroup(content, order, &lines, article_open, "</div>", &mut block_ids);
        // The new content takes the place of the first element holding text;
        // the others that held text are removed, the rest stays.
        edits.push((top[0].range(), body));
        for node in &top[1..] {
            edits.push((node.range(), String::new()));
        }
    }
    let out = apply(content, edits);
    Ok(out)
}

// -------------------------------------------------------------------- TSV

fn tsv(document: &Document, orders: &[PageOrder]) -> String {
    let addresses = document.line_addresses();
    let mut out = String::from(
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n",
    );
    for (page_index, (page, order)) in document.pages.iter().zip(orders).enumerate() {
        let number = page_index + 1;
        let (w, h) = page.size.unwrap_or((0, 0));
        out.push_str(&format!("1\t{number}\t0\t0\t0\t0\t0\t0\t{w}\t{h}\t-1\t\n"));
        let groups = order.articles.iter().chain(std::iter::once(&order.rest)).filter(|g| !g.is_empty());
        for (block_index, group) in groups.enumerate() {
            for (line_index, &ordinal) in group.iter().enumerate() {
                let line = document.line(addresses[ordinal]);
                for (word_index, word) in line.words.iter().enumerate() {
                    let (x, y, bw, bh) =
                        word.bbox.map_or((-1, -1, -1, -1), |b| (b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0));
                    let conf = word.confidence.map_or("-1".to_string(), |c| format!("{c}"));
                    out.push_str(&format!(
                        "5\t{number}\t{}\t1\t{}\t{}\t{x}\t{y}\t{bw}\t{bh}\t{conf}\t{}\n",
                        block_index + 1,
                        line_index + 1,
                        word_index + 1,
                        word.text
                    ));
                }
            }
        }
    }
    out
}

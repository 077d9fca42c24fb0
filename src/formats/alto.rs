//! ALTO reader (versions 2 to 4, any namespace).
//!
//! In: an ALTO XML file — `Page` elements holding `TextBlock`s (possibly
//! inside `ComposedBlock`s) of `TextLine`s of `String`s, with `HPOS`,
//! `VPOS`, `WIDTH`, `HEIGHT` and the word confidence `WC` (0–1). Out: a
//! [`Document`]. Why: the format of the national libraries' newspaper
//! archives and of ABBYY exports. A hyphen element (`HYP`) is text the line
//! printed, so it is appended to the word before it; coordinates may be
//! floats and are rounded (their unit does not matter: only proportions are
//! used).

use roxmltree::Node;

use super::{
    attr, line_of, number, parse_xml, BBox, Block, Document, Format, FormatError, OcrPage, TextLine, Word,
};

fn error(node: Node, problem: String) -> FormatError {
    FormatError { format: Format::Alto, line: Some(line_of(node)), problem }
}

fn named<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.descendants().filter(move |n| n.is_element() && n.tag_name().name() == name)
}

/// The box of an element from its `HPOS`/`VPOS`/`WIDTH`/`HEIGHT`, if all
/// four are there and are numbers.
fn bbox(node: Node) -> Option<BBox> {
    let x = number(attr(node, "HPOS")?)?;
    let y = number(attr(node, "VPOS")?)?;
    let w = number(attr(node, "WIDTH")?)?;
    let h = number(attr(node, "HEIGHT")?)?;
    (w >= 0 && h >= 0).then_some(BBox { x0: x, y0: y, x1: x + w, y1: y + h })
}

fn id(node: Node) -> Option<String> {
    attr(node, "ID").map(str::to_string)
}

fn read_line(node: Node) -> Result<TextLine, FormatError> {
    let mut words: Vec<Word> = Vec::new();
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "String" => {
                let Some(content) = attr(child, "CONTENT") else {
                    return Err(error(child, "String without CONTENT".into()));
                };
                if content.trim().is_empty() {
                    continue;
                }
                words.push(Word {
                    id: id(child),
                    text: content.trim().to_string(),
                    bbox: bbox(child),
                    confidence: attr(child, "WC")
                        .and_then(|c| c.trim().parse::<f32>().ok())
                        .map(|c| c * 100.0),
                });
            }
            "HYP" => {
                let content = attr(child, "CONTENT").unwrap_or("-");
                match words.last_mut() {
                    Some(last) => last.text.push_str(content),
                    None => words.push(Word {
                        id: id(child),
                        text: content.to_string(),
                        bbox: bbox(child),
                        confidence: None,
                    }),
                }
            }
            _ => {}
        }
    }
    Ok(TextLine { id: id(node), bbox: bbox(node), words })
}

/// Reads an ALTO file.
pub fn read(content: &str) -> Result<Document, FormatError> {
    let xml = parse_xml(content, Format::Alto)?;
    let root = xml.root_element();
    if root.tag_name().name() != "alto" {
        return Err(error(root, format!("root element is <{}>, not <alto>", root.tag_name().name())));
    }
    let mut document = Document { format: Format::Alto, pages: Vec::new() };
    let pages: Vec<Node> = named(root, "Page").collect();
    if pages.is_empty() {
        return Err(error(root, "no <Page> element".into()));
    }
    for page in pages {
        let size = match (attr(page, "WIDTH").and_then(number), attr(page, "HEIGHT").and_then(number)) {
            (Some(w), Some(h)) => Some((w, h)),
            _ => None,
        };
        let mut blocks = Vec::new();
        for block in named(page, "TextBlock") {
            let lines = named(block, "TextLine").map(read_line).collect::<Result<Vec<_>, _>>()?;
            blocks.push(Block { id: id(block), bbox: bbox(block), lines });
        }
        document.pages.push(OcrPage { id: id(page), size, blocks });
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_v4_with_namespace_hyphen_and_floats() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page ID="p1" WIDTH="100" HEIGHT="200">
<PrintSpace><ComposedBlock ID="c1"><TextBlock ID="b1" HPOS="1" VPOS="2" WIDTH="50" HEIGHT="20">
<TextLine ID="l1" HPOS="1" VPOS="2" WIDTH="50.4" HEIGHT="10"><String ID="w1" CONTENT="Hello" HPOS="1" VPOS="2" WIDTH="20" HEIGHT="10" WC="0.9"/><SP/><String ID="w2" CONTENT="wor" HPOS="25" VPOS="2" WIDTH="20" HEIGHT="10"/><HYP CONTENT="-"/></TextLine>
</TextBlock></ComposedBlock></PrintSpace></Page></Layout></alto>"#;
        let document = read(xml).unwrap();
        let page = &document.pages[0];
        assert_eq!(page.size, Some((100, 200)));
        let line = &page.blocks[0].lines[0];
        assert_eq!(line.id.as_deref(), Some("l1"));
        assert_eq!(line.bbox, Some(BBox { x0: 1, y0: 2, x1: 51, y1: 12 }));
        assert_eq!(line.words[1].text, "wor-");
        assert_eq!(line.words[0].confidence, Some(90.0));
    }

    #[test]
    fn reads_v2_with_a_prefix_and_mm10_units() {
        let xml = r#"<?xml version="1.0"?>
<a:alto xmlns:a="http://www.loc.gov/standards/alto/ns-v2#"><a:Description><a:MeasurementUnit>mm10</a:MeasurementUnit></a:Description>
<a:Layout><a:Page ID="P1"><a:PrintSpace><a:TextBlock ID="TB1"><a:TextLine ID="TL1" HPOS="10" VPOS="20" WIDTH="300" HEIGHT="40">
<a:String ID="S1" CONTENT="Zeitung" HPOS="10" VPOS="20" WIDTH="120" HEIGHT="40" WC="0.75"/><a:SP HPOS="130" VPOS="20" WIDTH="10"/>
<a:String ID="S2" CONTENT="1914" HPOS="140" VPOS="20" WIDTH="60" HEIGHT="40"/></a:TextLine></a:TextBlock></a:PrintSpace></a:Page></a:Layout></a:alto>"#;
        let document = read(xml).unwrap();
        let line = &document.pages[0].blocks[0].lines[0];
        let texts: Vec<&str> = line.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, vec!["Zeitung", "1914"]);
        assert_eq!(line.words[0].confidence, Some(75.0));
        assert_eq!(document.pages[0].id.as_deref(), Some("P1"));
    }

    #[test]
    fn malformed_xml_names_the_line() {
        let err = read("<alto>\n<Layout><Page></Layout></alto>").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.problem.contains("malformed XML"), "{err}");
    }

    #[test]
    fn string_without_content_is_an_error() {
        let err = read("<alto><Layout><Page><TextBlock><TextLine>\n<String HPOS=\"1\"/></TextLine></TextBlock></Page></Layout></alto>")
            .unwrap_err();
        assert!(err.problem.contains("CONTENT"), "{err}");
        assert_eq!(err.line, Some(2));
    }
}

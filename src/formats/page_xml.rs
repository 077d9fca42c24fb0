//! PAGE-XML reader (2010 to 2019 schemas, any namespace).
//!
//! In: a PAGE-XML file — `Page` holding `TextRegion`s (nested, or inside
//! tables) of `TextLine`s, optionally of `Word`s, each with `Coords` (a
//! `points` polygon, or `Point` children in the 2010 schema) and text in
//! `TextEquiv/Unicode`. Out: a [`Document`] whose words are the file's
//! `Word`s, or each line as one word where the file has text only at line
//! level (as most ground truth does). Why: the format of OCR-D, Transkribus,
//! kraken and most public ground truth. Polygons are reduced to their boxes:
//! the layout stage needs extents, not outlines.

use roxmltree::Node;

use super::{
    attr, bbox_of_points, line_of, number, parse_xml, BBox, Block, Document, Format, FormatError, OcrPage,
    TextLine, Word,
};

fn error(node: Node, problem: String) -> FormatError {
    FormatError { format: Format::Page, line: Some(line_of(node)), problem }
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |n| n.is_element() && n.tag_name().name() == name)
}

/// The box of an element's `Coords`, `None` when it has none; an error when
/// the points do not parse.
fn coords(node: Node) -> Result<Option<BBox>, FormatError> {
    let Some(coords) = children(node, "Coords").next() else { return Ok(None) };
    let mut points = Vec::new();
    if let Some(list) = attr(coords, "points") {
        for pair in list.split_whitespace() {
            let parsed = pair.split_once(',').and_then(|(x, y)| Some((number(x)?, number(y)?)));
            match parsed {
                Some(point) => points.push(point),
                None => return Err(error(coords, format!("bad point {pair:?} in Coords"))),
            }
        }
    } else {
        for point in children(coords, "Point") {
            match (attr(point, "x").and_then(number), attr(point, "y").and_then(number)) {
                (Some(x), Some(y)) => points.push((x, y)),
                _ => return Err(error(point, "Point without numeric x and y".into())),
            }
        }
    }
    Ok(bbox_of_points(&points))
}

/// The text of an element's own `TextEquiv` (the first one, or the one with
/// the lowest `index` when several alternatives are given).
fn text_equiv(node: Node) -> Option<String> {
    let equiv = children(node, "TextEquiv")
        .min_by_key(|e| attr(*e, "index").and_then(|i| i.parse::<i64>().ok()).unwrap_or(i64::MAX))?;
    let unicode = children(equiv, "Unicode").next()?;
    Some(unicode.text().unwrap_or("").to_string())
}

fn confidence(node: Node) -> Option<f32> {
    let equiv = children(node, "TextEquiv").next()?;
    attr(equiv, "conf").and_then(|c| c.parse::<f32>().ok()).map(|c| c * 100.0)
}

fn id(node: Node) -> Option<String> {
    attr(node, "id").map(str::to_string)
}

fn read_line(node: Node) -> Result<TextLine, FormatError> {
    let bbox = coords(node)?;
    let mut words = Vec::new();
    for word in children(node, "Word") {
        let text = text_equiv(word).unwrap_or_default();
        if !text.trim().is_empty() {
            words.push(Word {
                id: id(word),
                text: text.trim().to_string(),
                bbox: coords(word)?,
                confidence: confidence(word),
            });
        }
    }
    if words.is_empty() {
        // Text at line level only: the whole line is one word.
        let text = text_equiv(node).unwrap_or_default();
        if !text.trim().is_empty() {
            words.push(Word {
                id: id(node),
                text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                bbox,
                confidence: confidence(node),
            });
        }
    }
    Ok(TextLine { id: id(node), bbox, words })
}

/// Collects the text regions under `node` (nested regions and regions
/// inside tables included), in document order.
fn regions(node: Node, out: &mut Vec<Block>) -> Result<(), FormatError> {
    for child in node.children().filter(Node::is_element) {
        let name = child.tag_name().name();
        if name == "TextRegion" {
            let lines = children(child, "TextLine").map(read_line).collect::<Result<Vec<_>, _>>()?;
            let mut block = Block { id: id(child), bbox: coords(child)?, lines };
            if block.lines.is_empty() {
                // Text at region level only.
                if let Some(text) = text_equiv(child).filter(|t| !t.trim().is_empty()) {
                    for (index, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
                        block.lines.push(TextLine {
                            id: block.id.as_ref().map(|i| format!("{i}_line{}", index + 1)),
                            bbox: None,
                            words: vec![Word {
                                id: None,
                                text: line.trim().to_string(),
                                bbox: None,
                                confidence: None,
                            }],
                        });
                    }
                }
            }
            out.push(block);
            regions(child, out)?;
        } else if name.ends_with("Region") {
            regions(child, out)?;
        }
    }
    Ok(())
}

/// Reads a PAGE-XML file.
pub fn read(content: &str) -> Result<Document, FormatError> {
    let xml = parse_xml(content, Format::Page)?;
    let root = xml.root_element();
    if root.tag_name().name() != "PcGts" {
        return Err(error(root, format!("root element is <{}>, not <PcGts>", root.tag_name().name())));
    }
    let mut document = Document { format: Format::Page, pages: Vec::new() };
    for page in children(root, "Page") {
        let size =
            match (attr(page, "imageWidth").and_then(number), attr(page, "imageHeight").and_then(number)) {
                (Some(w), Some(h)) => Some((w, h)),
                _ => None,
            };
        let mut blocks = Vec::new();
        regions(page, &mut blocks)?;
        document.pages.push(OcrPage { id: attr(page, "imageFilename").map(str::to_string), size, blocks });
    }
    if document.pages.is_empty() {
        return Err(error(root, "no <Page> element".into()));
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_level_text_and_2010_points() {
        let xml = r#"<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19"><Page imageFilename="a.png" imageWidth="10" imageHeight="20">
<TextRegion id="r1"><Coords><Point x="1" y="2"/><Point x="9" y="8"/></Coords>
<TextLine id="l1"><Coords points="1,2 9,2 9,4 1,4"/><TextEquiv><Unicode>two  words</Unicode></TextEquiv></TextLine>
</TextRegion></Page></PcGts>"#;
        let document = read(xml).unwrap();
        let block = &document.pages[0].blocks[0];
        assert_eq!(block.bbox, Some(BBox { x0: 1, y0: 2, x1: 9, y1: 8 }));
        assert_eq!(block.lines[0].words.len(), 1);
        assert_eq!(block.lines[0].words[0].text, "two words");
        assert_eq!(block.lines[0].words[0].bbox, Some(BBox { x0: 1, y0: 2, x1: 9, y1: 4 }));
    }

    #[test]
    fn words_nested_regions_and_lowest_index() {
        let xml = r#"<PcGts><Page><TableRegion id="t"><TextRegion id="r"><TextLine id="l"><Coords points="0,0 5,5"/>
<Word id="w1"><Coords points="0,0 2,5"/><TextEquiv index="2"><Unicode>worse</Unicode></TextEquiv><TextEquiv index="1" conf="0.5"><Unicode>best</Unicode></TextEquiv></Word>
</TextLine></TextRegion></TableRegion></Page></PcGts>"#;
        let document = read(xml).unwrap();
        let word = &document.pages[0].blocks[0].lines[0].words[0];
        assert_eq!(word.text, "best");
        assert_eq!(word.id.as_deref(), Some("w1"));
    }

    #[test]
    fn reads_the_2019_schema_with_a_prefix() {
        let xml = r#"<pc:PcGts xmlns:pc="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><pc:Page imageFilename="p.tif" imageWidth="100" imageHeight="50">
<pc:TextRegion id="r0"><pc:Coords points="0,0 90,0 90,40 0,40"/><pc:TextLine id="l0"><pc:Coords points="1,1 80,1 80,20 1,20"/>
<pc:Word id="w0"><pc:Coords points="1,1 30,1 30,20 1,20"/><pc:TextEquiv conf="0.9"><pc:Unicode>Neue</pc:Unicode></pc:TextEquiv></pc:Word>
<pc:Word id="w1"><pc:Coords points="40,1 80,1 80,20 40,20"/><pc:TextEquiv><pc:Unicode>Zeit</pc:Unicode></pc:TextEquiv></pc:Word>
<pc:TextEquiv><pc:Unicode>Neue Zeit</pc:Unicode></pc:TextEquiv></pc:TextLine></pc:TextRegion></pc:Page></pc:PcGts>"#;
        let document = read(xml).unwrap();
        assert_eq!(document.pages[0].size, Some((100, 50)));
        let line = &document.pages[0].blocks[0].lines[0];
        let texts: Vec<&str> = line.words.iter().map(|w| w.text.as_str()).collect();
        // Word level wins over the line's own TextEquiv: nothing twice.
        assert_eq!(texts, vec!["Neue", "Zeit"]);
        assert_eq!(line.words[0].confidence, Some(90.0));
    }

    #[test]
    fn bad_points_are_an_error() {
        let err = read(
            "<PcGts><Page><TextRegion id=\"r\">\n<Coords points=\"1,2 x,4\"/></TextRegion></Page></PcGts>",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.problem.contains("bad point"), "{err}");
    }
}

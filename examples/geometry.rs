//! Diagnostic: the page restitch builds from a structured OCR file — blocks,
//! lines, pieces with boxes and roles — in the order the later stages get it.
//!
//! `cargo run --release --example geometry -- corpus/ocr-en-003/ocr.tsv`

fn main() {
    let path = std::env::args().nth(1).expect("usage: geometry FILE");
    let content = std::fs::read_to_string(&path).expect("readable file");
    let document =
        restitch::formats::read(&content, restitch::formats::detect(&content)).expect("structured file");
    let mut first_line = 1;
    for (index, ocr) in document.pages.iter().enumerate() {
        let page = restitch::parse::geometry::layout_page(ocr, index, first_line, None);
        first_line += ocr.lines().count();
        for (b, block) in page.blocks.iter().enumerate() {
            let region = page.regions.iter().position(|r| r.contains(&block.start));
            println!("--- block {b} region {region:?}");
            for line in &page.lines[block.clone()] {
                for piece in &page.pieces[line.pieces.clone()] {
                    let b = piece
                        .bbox
                        .map(|b| format!("{:>4},{:>4}-{:>4},{:>4}", b.x0, b.y0, b.x1, b.y1))
                        .unwrap_or_default();
                    let text: String = piece.text.chars().take(60).collect();
                    println!("{b} L{} {:?} {text}", piece.line, piece.role);
                }
            }
        }
    }
}

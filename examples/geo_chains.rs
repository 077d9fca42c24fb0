//! Diagnostic: the chains built from a structured OCR file (geometry, then
//! scoring with the stacked bonus, greedy cover, open ends joined), one line
//! per chain, each junction with its score and placement.
//!
//! `cargo run --release --example geo_chains -- corpus/ocr-zh-001/ocr.tsv`

use restitch::assemble::chains;
use restitch::parse::chars::ends_sentence;
use restitch::parse::Role;

fn main() {
    let path = std::env::args().nth(1).expect("usage: geo_chains FILE");
    let content = std::fs::read_to_string(&path).expect("readable file");
    let document =
        restitch::formats::read(&content, restitch::formats::detect(&content)).expect("structured file");
    let options = restitch::Options::default();
    let mut first_line = 1;
    for (index, ocr) in document.pages.iter().enumerate() {
        let page = restitch::parse::geometry::layout_page(ocr, index, first_line, None);
        first_line += ocr.lines().count();
        let junctions = restitch::score_structured(&page, &options.weights);
        let linked = chains::link(page.pieces.len(), &junctions, options.threshold);
        let open_end: Vec<bool> =
            page.pieces.iter().map(|p| p.role == Role::Body && !ends_sentence(&p.text)).collect();
        let may: Vec<bool> = page.pieces.iter().map(|p| p.role == Role::Body).collect();
        let joined = chains::join_open_ends(linked, &junctions, &open_end, &may);
        for chain in joined {
            let mut out = String::new();
            for (i, &id) in chain.pieces.iter().enumerate() {
                let p = page.piece(id);
                if i > 0 {
                    let j = junctions.iter().find(|j| j.from == chain.pieces[i - 1] && j.to == id);
                    let tag = j.map(|j| format!("{:.1}{:?}", j.score, j.placement)).unwrap_or_default();
                    let jump = if chain.pieces[i - 1].0 + 1 == id.0 { "" } else { " JUMP" };
                    out.push_str(&format!("\n   --[{tag}{jump}]--> "));
                }
                out.push_str(&format!(
                    "#{} b{} l{} {:?} {}",
                    id.0,
                    p.block,
                    p.line,
                    p.role,
                    p.text.chars().take(12).collect::<String>()
                ));
            }
            println!("CHAIN {out}");
        }
    }
}

//! Diagnostic: every piece of a page with its line, column, slot, role, gap
//! and width, as the parser sees it.
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    for page in restitch::parse::parse_document(&text, None) {
        for p in &page.pieces {
            println!(
                "{:>4}:{:<3} s{} {:?} {:?} {:.1} {}",
                p.span.line, p.span.start, p.slot, p.role, p.gap, p.cells, p.text
            );
        }
    }
}

//! Diagnostic: the pieces the parser cuts a page into, one line per input
//! line, with each piece's slot, role and gap.
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("a text file")).expect("readable");
    for page in restitch::parse::parse_document(&text, None) {
        for line in &page.lines {
            let parts: Vec<String> = page.pieces[line.pieces.clone()]
                .iter()
                .map(|p| format!("[{} {:?} {:?}] {}", p.slot, p.role, p.gap, p.text))
                .collect();
            println!("{:>4}: {}", line.number, parts.join(" ‖ "));
        }
    }
}

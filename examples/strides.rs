//! Diagnostic: the stride each line's text goes on at (columns emitted line
//! by line in turn), as the stride signal sees it.
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("a file")).expect("readable");
    for page in restitch::parse::parse_document(&text, None) {
        let vocabulary =
            restitch::score::latin::Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        let strides = restitch::score::stride::dominant_strides(&page, &vocabulary);
        for (line, stride) in page.lines.iter().zip(strides) {
            let text: Vec<&str> = page.pieces[line.pieces.clone()].iter().map(|p| p.text.as_str()).collect();
            println!(
                "{:>4} {:>2} {}",
                line.number,
                stride.map_or("-".into(), |s| s.to_string()),
                text.join(" | ")
            );
        }
    }
}

//! Diagnostic: per line, how many lines down its text goes on, as the
//! stride signal sees it (columns emitted line by line in regular turns)
//! and as the stream signal decodes it (sparse-text OCR, irregular turns):
//! `LINE STRIDE STEP TEXT`, `-` where a signal says "the next line".
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("a file")).expect("readable");
    for page in restitch::parse::parse_document(&text, None) {
        let vocabulary =
            restitch::score::latin::Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        let strides = restitch::score::stride::dominant_strides(&page, &vocabulary);
        let steps = restitch::score::streams::stream_steps(&page, &vocabulary);
        for ((line, stride), step) in page.lines.iter().zip(strides).zip(steps) {
            let text: Vec<&str> = page.pieces[line.pieces.clone()].iter().map(|p| p.text.as_str()).collect();
            let show = |s: Option<usize>| s.map_or("-".to_string(), |s| s.to_string());
            println!("{:>4} {:>2} {:>2} {}", line.number, show(stride), show(step), text.join(" | "));
        }
    }
}

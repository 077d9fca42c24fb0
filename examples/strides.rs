//! Diagnostic: per line, how many lines down its text goes on, as the
//! stride signal sees it (columns emitted line by line in regular turns),
//! and the line's units (column lines) with the unit each goes on in as
//! the stream signal decodes it (sparse-text OCR, irregular turns):
//! `LINE STRIDE UNIT>NEXT,... TEXT`, `-` where a signal says "the next one".
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("a file")).expect("readable");
    for page in restitch::parse::parse_document(&text, None) {
        let vocabulary =
            restitch::score::latin::Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        let strides = restitch::score::stride::dominant_strides(&page, &vocabulary);
        let order = restitch::score::streams::stream_order(&page, &vocabulary).unwrap_or_default();
        let show = |s: Option<usize>| s.map_or("-".to_string(), |s| s.to_string());
        for (index, line) in page.lines.iter().enumerate() {
            let text: Vec<&str> = page.pieces[line.pieces.clone()].iter().map(|p| p.text.as_str()).collect();
            // The line's units and the units their text goes on in.
            let steps: Vec<String> = order
                .units
                .iter()
                .enumerate()
                .filter(|(_, u)| u.line == index)
                .map(|(u, _)| format!("{u}>{}", show(order.after[u])))
                .collect();
            println!(
                "{:>4} {:>2} {:<12} {}",
                line.number,
                show(strides[index]),
                steps.join(","),
                text.join(" | ")
            );
        }
    }
}

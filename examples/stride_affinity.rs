//! Diagnostic: per line, the stride signal's affinity from the line's end
//! to the start of the line 1, 2 and 3 below (tenths), beside the stride it
//! decides: why a line-interleaved stretch is or is not read at stride two.
//! `LINE STRIDE A1 A2 A3 TEXT` (the affinities are the text's alone; the
//! stride also counts the widths). Run:
//! `cargo run --release --example stride_affinity -- corpus/syn-en-013/input.txt`.
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("a file")).expect("readable");
    for page in restitch::parse::parse_document(&text, None) {
        let vocabulary =
            restitch::score::latin::Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        let strides = restitch::score::stride::dominant_strides(&page, &vocabulary);
        let count = page.lines.len();
        for (index, line) in page.lines.iter().enumerate() {
            let last = &page.pieces[line.pieces.end - 1].text;
            let at = |k: usize| {
                if index + k >= count {
                    return String::new();
                }
                let below = &page.pieces[page.lines[index + k].pieces.start].text;
                format!("{:+.0}", 10.0 * restitch::score::stride::affinity(last, below, &vocabulary))
            };
            let text: Vec<&str> = page.pieces[line.pieces.clone()].iter().map(|p| p.text.as_str()).collect();
            println!(
                "{:>4} {:>2} {:>4} {:>4} {:>4} {}",
                line.number,
                strides[index].map_or("-".to_string(), |s| s.to_string()),
                at(1),
                at(2),
                at(3),
                text.join(" | ")
            );
        }
    }
}

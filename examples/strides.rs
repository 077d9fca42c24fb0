//! Diagnostic: per line, how many lines down its text goes on, as the
//! stride signal sees it (columns emitted line by line in regular turns),
//! and the line's units (column lines) with the unit each goes on in as
//! the stream signal decodes it (sparse-text OCR, irregular turns):
//! `LINE STRIDE UNIT>NEXT,... TEXT`, `-` where a signal says "the next one".
//!
//! With `--affinity`, instead of the units, the stride signal's text
//! affinity from the line's end to the start of the line 1, 2 and 3 below
//! (tenths): why a line-interleaved stretch is or is not read at stride two
//! (`LINE STRIDE A1 A2 A3 TEXT`; the affinities are the text's alone, the
//! stride also counts the widths). Run:
//! `cargo run --release --example strides -- --affinity corpus/syn-en-013/input.txt`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let affinity = args.iter().any(|a| a == "--affinity");
    let path = args.iter().find(|a| !a.starts_with("--")).expect("a file");
    let text = std::fs::read_to_string(path).expect("readable");
    for page in restitch::parse::parse_document(&text, None) {
        let vocabulary =
            restitch::score::latin::Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        let strides = restitch::score::stride::dominant_strides(&page, &vocabulary);
        let order = restitch::score::streams::stream_order(&page, &vocabulary).unwrap_or_default();
        let show = |s: Option<usize>| s.map_or("-".to_string(), |s| s.to_string());
        let count = page.lines.len();
        for (index, line) in page.lines.iter().enumerate() {
            let text: Vec<&str> = page.pieces[line.pieces.clone()].iter().map(|p| p.text.as_str()).collect();
            let middle = if affinity {
                // The text's affinity into the line `k` below.
                let last = &page.pieces[line.pieces.end - 1].text;
                let at = |k: usize| {
                    if index + k >= count {
                        return String::new();
                    }
                    let below = &page.pieces[page.lines[index + k].pieces.start].text;
                    format!("{:+.0}", 10.0 * restitch::score::stride::affinity(last, below, &vocabulary))
                };
                format!("{:>4} {:>4} {:>4}", at(1), at(2), at(3))
            } else {
                // The line's units and the units their text goes on in.
                let steps: Vec<String> = order
                    .units
                    .iter()
                    .enumerate()
                    .filter(|(_, u)| u.line == index)
                    .map(|(u, _)| format!("{u}>{}", show(order.after[u])))
                    .collect();
                format!("{:<12}", steps.join(","))
            };
            println!("{:>4} {:>2} {middle} {}", line.number, show(strides[index]), text.join(" | "));
        }
    }
}

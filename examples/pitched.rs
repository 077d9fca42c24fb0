//! Diagnostic: the lines the pitch reader of the alternation signal reads
//! (two columns at different line pitches interleaved on one space-joined
//! line), with its best irregular pattern and the strict turns' sum:
//! `LINE RUN TAKEN best=SUM strict=SUM PATTERN`, then the
//! pieces, `a`/`b` their stream in the best pattern.
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("a file")).expect("readable");
    for page in restitch::parse::parse_document(&text, None) {
        let vocabulary =
            restitch::score::latin::Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        for reading in restitch::score::alternation::pitched_readings(&page, &vocabulary) {
            let (mask, sum) = reading.best.unwrap_or((0, i64::MIN));
            let pattern: String =
                (0..reading.range.len()).map(|i| if (mask >> i) & 1 == 1 { 'b' } else { 'a' }).collect();
            let line = page.pieces[reading.range.start].line;
            println!(
                "{:>4} run={} taken={} best={} strict={} {}",
                page.lines[line].number, reading.in_run, reading.taken, sum, reading.strict, pattern
            );
            for (i, piece) in page.pieces[reading.range.clone()].iter().enumerate() {
                println!("       {} {}", pattern.as_bytes()[i] as char, piece.text);
            }
        }
    }
}

//! Diagnostic: the alternation signal's piece affinities (tenths: words and
//! sentences plus the character model's lift) from each piece of one input
//! line to the pieces 1, 2 and 3 to its right:
//! `lead_affinity FILE LINE` prints `INDEX A1 A2 A3 TEXT`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string(&args[0]).expect("readable");
    let number: usize = args[1].parse().expect("a line number");
    for page in restitch::parse::parse_document(&text, None) {
        let vocabulary =
            restitch::score::latin::Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
        let affinity = |a: usize, b: usize| {
            let (left, right) = (&page.pieces[a].text, &page.pieces[b].text);
            let lift =
                restitch::score::language::lift(left, right).map_or(0, |l| (l.clamp(-2.0, 3.0) * 5.0) as i32);
            (10.0 * restitch::score::stride::affinity(left, right, &vocabulary)).round() as i32 + lift
        };
        for line in page.lines.iter().filter(|l| l.number == number) {
            for i in line.pieces.clone() {
                let at = |k: usize| {
                    if i + k < line.pieces.end {
                        format!("{:+4}", affinity(i, i + k))
                    } else {
                        "   .".into()
                    }
                };
                println!(
                    "{:>3} {} {} {} {}",
                    i - line.pieces.start,
                    at(1),
                    at(2),
                    at(3),
                    page.pieces[i].text
                );
            }
        }
    }
}

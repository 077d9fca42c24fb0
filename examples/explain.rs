//! Diagnostic: the features and weighted contributions of the candidate
//! junctions leaving one piece, given as LINE:COLUMN; an optional third
//! argument names a weights file to score with instead of the shipped one
//! (as `restitch --weights`), for trying weights before shipping them.
use restitch::parse;
use restitch::score::{self, Feature, Weights};

fn main() {
    let mut args = std::env::args().skip(1);
    let text = std::fs::read_to_string(args.next().unwrap()).unwrap();
    let at = args.next().unwrap();
    let (line, col) = at.split_once(':').unwrap();
    let (line, col): (usize, usize) = (line.parse().unwrap(), col.parse().unwrap());
    let weights: Weights = match args.next() {
        Some(path) => serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap(),
        None => Weights::default(),
    };
    let vector = weights.vector();
    for page in parse::parse_document(&text, None) {
        for (link, f) in score::candidate_features(&page) {
            let from = page.piece(link.from);
            if from.span.line != line || from.span.start != col {
                continue;
            }
            let to = page.piece(link.to);
            let total: f32 = weights.bias + f.0.iter().zip(&vector).map(|(a, b)| a * b).sum::<f32>();
            println!(
                "-> {}:{} {:?} {} score {:.2}",
                to.span.line,
                to.span.start,
                link.placement,
                to.text.chars().take(10).collect::<String>(),
                total
            );
            for (i, feature) in Feature::ALL.iter().enumerate() {
                if f.0[i] != 0.0 {
                    print!("  {}={:.2}({:+.2})", feature.key(), f.0[i], f.0[i] * vector[i]);
                }
            }
            println!();
        }
    }
}

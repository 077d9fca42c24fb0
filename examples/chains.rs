//! Diagnostic: the chains the greedy cover builds, with skipped chains
//! spliced back, one line per chain (before open ends are joined). An
//! optional second argument names a weights file to score with instead of
//! the shipped one, for comparing weights before shipping them.
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let mut options = restitch::Options::default();
    if let Some(path) = std::env::args().nth(2) {
        options.weights = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    }
    for page in restitch::parse::parse_document(&text, None) {
        let junctions = restitch::score::score_page(&page, &options.weights);
        let chains = restitch::assemble::chains::link(page.pieces.len(), &junctions, options.threshold);
        let chains = restitch::assemble::chains::splice_skipped(chains, &junctions, options.threshold);
        for chain in chains {
            let parts: Vec<String> = chain
                .pieces
                .iter()
                .map(|&id| {
                    let p = page.piece(id);
                    format!(
                        "{}:{}[{:?}]{}",
                        p.span.line,
                        p.span.start,
                        p.role,
                        p.text.chars().take(6).collect::<String>()
                    )
                })
                .collect();
            println!("{}", parts.join(" > "));
        }
    }
}

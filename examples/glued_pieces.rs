//! Diagnostic: how many of a case's pieces are printed lines of the gold
//! (synthetic cases: exactly one of the gold `pieces`; real OCR: a run of a
//! gold article's text, line-end hyphen dropped). Reads gold, so it is a
//! measuring stick only; the engine never does.
//! Usage: glued_pieces [-v] CASE_DIR...
use std::collections::HashSet;

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn main() {
    let mut verbose = false;
    let mut total = (0usize, 0usize);
    for arg in std::env::args().skip(1) {
        if arg == "-v" {
            verbose = true;
            continue;
        }
        let dir = std::path::Path::new(&arg);
        let input = std::fs::read_to_string(dir.join("input.txt")).unwrap();
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
        let lines: Option<HashSet<String>> = gold.get("pieces").map(|p| {
            p.as_array()
                .unwrap()
                .iter()
                .flat_map(|a| a.as_array().unwrap().iter().map(|s| normalise(s.as_str().unwrap())))
                .collect()
        });
        let mut text = String::new();
        for article in gold["articles"].as_array().unwrap() {
            for key in ["title", "byline"] {
                if let Some(s) = article[key].as_str() {
                    text.push_str(s);
                    text.push('\n');
                }
            }
            for p in article["paragraphs"].as_array().unwrap() {
                text.push_str(p.as_str().unwrap());
                text.push('\n');
            }
        }
        let text = normalise(&text);
        let (mut good, mut all) = (0, 0);
        for page in restitch::parse::parse_document(&input, None) {
            for line in &page.lines {
                let pieces = &page.pieces[line.pieces.clone()];
                let mut marks = Vec::new();
                for piece in pieces {
                    // A column rule OCR read as a bar leads the piece after
                    // it by design (nothing is dropped): not a cutting fault.
                    let t = normalise(piece.text.trim_matches(|c: char| {
                        c.is_whitespace() || restitch::parse::chars::is_rule_glyph(c)
                    }));
                    let ok = match &lines {
                        Some(set) => set.contains(&t),
                        None => {
                            let stem = t.trim_end_matches(['-', '¬']);
                            stem.chars().count() < 4 || text.contains(stem)
                        }
                    };
                    all += 1;
                    good += ok as usize;
                    marks.push(format!("{}{}", if ok { "" } else { "✗" }, piece.text));
                }
                if verbose && !pieces.is_empty() {
                    println!("{:4} {}", line.number, marks.join(" ‖ "));
                }
            }
        }
        println!("{:40} {good:4}/{all:4} {:.3}", arg, good as f32 / all as f32);
        total.0 += good;
        total.1 += all;
    }
    println!("{:40} {:4}/{:4} {:.3}", "total", total.0, total.1, total.0 as f32 / total.1 as f32);
}

//! Diagnostic: which word model (`src/parse/word_language.rs`) each case's
//! page asks, against the language its gold names: per case, the page's
//! word tokens, how many of them each model knows, and the pick.
//!
//! Run: cargo run --release --example page_language -- CORPUS
use restitch::parse::{self, word_language};

fn main() {
    let corpus = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let mut dirs: Vec<_> =
        std::fs::read_dir(&corpus).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
    dirs.sort();
    for dir in dirs {
        let Ok(case) = restitch::eval::corpus::load_case(&dir) else { continue };
        let page = &parse::parse_document(&case.input, None)[0];
        let texts = || page.pieces.iter().map(|p| p.text.as_str());
        let (mut words, mut english, mut german) = (0, 0, 0);
        for t in texts().flat_map(str::split_whitespace).filter_map(word_language::token) {
            words += 1;
            english += usize::from(word_language::model().count(&t.word) > 0);
            german += usize::from(word_language::german_model().count(&t.word) > 0);
        }
        let pick = word_language::page_language(texts());
        println!(
            "{} {} words {words} en {english} de {german} -> {pick:?}",
            dir.file_name().unwrap().to_string_lossy(),
            case.gold.lang,
        );
    }
}

//! Builds the word lists the text signals look words up in, as FST sets:
//!
//! - `data/zh_words.fst` from jieba's dictionary file (`dict.txt`: one
//!   `word frequency tag` entry per line; MIT licence, shipped in the
//!   jieba-rs crate's source under `src/data/`);
//! - `data/en_words.fst` (with `--latin`) from SCOWL's American and British
//!   English lists (one word per line; Debian's `wamerican` and `wbritish`
//!   packages, `/usr/share/dict/`), lower-cased, possessives dropped.
//!
//! An FST set is searched in place, straight from the bytes compiled into
//! the binary, so restitch pays nothing at start-up for its dictionaries.
//!
//! Run: cargo run --release --example build_dictionary -- PATH/TO/dict.txt data/zh_words.fst
//!      cargo run --release --example build_dictionary -- --latin american-english british-english data/en_words.fst

use std::collections::BTreeSet;
use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let latin = args.first().is_some_and(|a| a == "--latin");
    if latin {
        args.remove(0);
    }
    let Some((target, sources)) = args.split_last().filter(|(_, sources)| !sources.is_empty()) else {
        return Err("usage: build_dictionary [--latin] SOURCE... OUTPUT_FST".into());
    };
    let mut words: BTreeSet<String> = BTreeSet::new();
    for source in sources {
        let text = std::fs::read_to_string(source)?;
        for word in text.lines().filter_map(|line| line.split_whitespace().next()) {
            if !latin {
                words.insert(word.to_string());
            } else if word.chars().count() >= 2 && word.chars().all(char::is_alphabetic) {
                words.insert(word.to_lowercase());
            }
        }
    }
    let set = fst::Set::from_iter(words.iter())?;
    std::fs::write(target, set.as_fst().as_bytes())?;
    eprintln!("{} words, {} bytes written to {target}", set.len(), set.as_fst().as_bytes().len());
    Ok(())
}

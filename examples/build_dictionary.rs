//! Builds `data/zh_words.fst`, the Chinese word list the lexicon signal
//! looks words up in, from jieba's dictionary file (`dict.txt`: one
//! `word frequency tag` entry per line; MIT licence, shipped in the
//! jieba-rs crate's source under `src/data/`).
//!
//! An FST set is searched in place, straight from the bytes compiled into
//! the binary, so restitch pays nothing at start-up for its dictionary.
//!
//! Run: cargo run --release --example build_dictionary -- PATH/TO/dict.txt data/zh_words.fst

use std::collections::BTreeSet;
use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [source, target] = args.as_slice() else {
        return Err("usage: build_dictionary DICT_TXT OUTPUT_FST".into());
    };
    let text = std::fs::read_to_string(source)?;
    let words: BTreeSet<&str> = text.lines().filter_map(|line| line.split_whitespace().next()).collect();
    let set = fst::Set::from_iter(words.iter())?;
    std::fs::write(target, set.as_fst().as_bytes())?;
    eprintln!("{} words, {} bytes written to {target}", set.len(), set.as_fst().as_bytes().len());
    Ok(())
}

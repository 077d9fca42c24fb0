//! Diagnostic: how well the word model's lift (`lm.word_lift`) tells a gold
//! junction from its rivals on the Latin-script cases with gold junctions.
//! For every piece whose gold successor is among its candidates and has a
//! lift, counts whether the gold lift is above, equal to or below the best
//! rival's, and how often the gold junction has none while a rival's lift is
//! positive (the model speaks only for a wrong successor); with `-v` prints
//! the losses.
//!
//! Run: cargo run --release --example word_lifts -- [-v] CASE_DIR...
use std::collections::HashMap;

use restitch::parse;
use restitch::score::{self, Feature};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.first().is_some_and(|a| a == "-v");
    if verbose {
        args.remove(0);
    }
    let (mut above, mut tied, mut below, mut without) = (0, 0, 0, 0);
    // Gold junctions without a lift where a rival has a positive one: the
    // model speaks only for the wrong successor.
    let mut silent_gold_lifted_rival = 0;
    for dir in args {
        let case = restitch::eval::corpus::load_case(std::path::Path::new(&dir)).unwrap();
        let Some(pieces) = case.gold.pieces.as_ref() else { continue };
        let page = &parse::parse_document(&case.input, None)[0];
        let gold = restitch::eval::fit::gold_junctions(page, pieces);
        let mut by_left: HashMap<_, Vec<_>> = HashMap::new();
        for (link, f) in score::candidate_features(page) {
            by_left.entry(link.from).or_default().push((link.to, f.get(Feature::LmWordLift)));
        }
        for (from, rivals) in by_left {
            let Some(&(to, lift)) = rivals.iter().find(|(to, _)| gold.contains(&(from, *to))) else {
                continue;
            };
            let best = rivals.iter().filter(|(t, _)| *t != to).map(|(_, l)| *l).fold(f32::MIN, f32::max);
            if lift == 0.0 {
                without += 1;
                silent_gold_lifted_rival += usize::from(best > 0.0);
                continue;
            }
            if lift > best {
                above += 1;
            } else if lift == best {
                tied += 1;
            } else {
                below += 1;
                if verbose {
                    let (l, r) = (&page.piece(from).text, &page.piece(to).text);
                    println!("{dir}: {l:?} -> {r:?} lift {lift:.2} < rival {best:.2}");
                }
            }
        }
    }
    println!(
        "gold lift above every rival {above}, tied {tied}, below {below}; gold junction without lift {without} \
         (a rival lifted above 0 for {silent_gold_lifted_rival} of them)"
    );
}

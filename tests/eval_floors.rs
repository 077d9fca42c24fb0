//! The accuracy guard: the evaluation corpus must not score below the floors
//! kept in `corpus/floors.json`. Floors are only ever raised, except when
//! the corpus grows (see `corpus/README.md`).

use std::path::Path;

use restitch::eval::{self, corpus, report};
use restitch::Options;

#[test]
fn corpus_scores_stay_above_their_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let cases = corpus::load_corpus(&root).expect("corpus loads");
    let floors: report::Floors =
        serde_json::from_str(&std::fs::read_to_string(root.join("floors.json")).expect("floors.json exists"))
            .expect("floors.json parses");
    let results: Vec<eval::CaseResult> =
        cases.iter().map(|case| eval::evaluate_case(case, &Options::default())).collect();
    let summary = report::summarise(results.iter().map(|r| &r.restitch));
    println!("{}", report::table(&results));
    let failures = report::floor_failures(&summary, &floors);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

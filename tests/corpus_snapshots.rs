//! Snapshots of restitch's output for every corpus page, kept in the
//! top-level `snapshots/` folder.
//!
//! Each snapshot records the text output (and the JSON output for real
//! pages) together with the case's measured article F1 and junction
//! accuracy, so an accepted snapshot states exactly how right the output
//! is; a change to the engine shows up as a reviewable diff of both.

use std::path::Path;

use restitch::eval::{self, corpus};
use restitch::{render, repair, Options};

#[test]
fn corpus_outputs_match_their_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let cases = corpus::load_corpus(&root).expect("corpus loads");
    assert!(!cases.is_empty(), "no corpus cases found in {}", root.display());
    let options = Options::default();
    for case in &cases {
        let repaired = repair(&case.input, &options);
        let measures = eval::measure(case, &repaired);
        let description = format!(
            "{} ({} {} {}): article F1 {:.3}, junction accuracy {}, lost {}, added {}",
            case.name,
            case.meta.family,
            case.meta.lang,
            case.meta.split,
            measures.f1(),
            measures.junction_accuracy().map_or("-".to_string(), |j| format!("{j:.3}")),
            measures.lost,
            measures.added
        );
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            description => description,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{}.text", case.name), render::text::render(&repaired));
            if case.meta.family != "synthetic" {
                insta::assert_snapshot!(format!("{}.json", case.name), render::json::render(&repaired));
            }
        });
    }
}

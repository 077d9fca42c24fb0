//! Replays the inputs the fuzz target (`fuzz/`, `cargo +nightly fuzz run
//! pipeline`) found crashing or interesting, with the very checks the target
//! asserts: every file in `tests/data/fuzz/` must pass decode → parse →
//! repair → renderers with every character kept. The first byte of each
//! file steers the run (encoding, language, reordering); see
//! `tests/support/pipeline_check.rs`.

#[path = "support/pipeline_check.rs"]
mod pipeline_check;

#[test]
fn every_fuzz_finding_passes_the_pipeline_checks() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/fuzz exists")
        .map(|entry| entry.expect("readable entry").path())
        // `.gitattributes` keeps git from converting line ends in them.
        .filter(|path| {
            path.is_file() && !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "the fuzz regression inputs are missing from {}", dir.display());
    for path in &paths {
        let data = std::fs::read(path).expect("readable input");
        // Name the input that failed: the panic alone would not.
        let result = std::panic::catch_unwind(|| pipeline_check::check(&data));
        assert!(result.is_ok(), "{} fails the pipeline checks", path.display());
    }
}

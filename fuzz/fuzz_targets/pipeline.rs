//! Fuzz target over the whole pipeline: decode → parse → repair → every
//! renderer, with conservation and the other invariants asserted inside.
//! The checks live in `tests/support/pipeline_check.rs`, shared with
//! `tests/fuzz_regressions.rs`, which replays the inputs this target found
//! interesting in every `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/pipeline_check.rs"]
mod pipeline_check;

fuzz_target!(|data: &[u8]| pipeline_check::check(data));

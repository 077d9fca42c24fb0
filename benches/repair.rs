//! Throughput of a whole repair (parse, score, assemble, render) on corpus
//! pages, one core: the real Chinese sample page (24 KB) alone and 4, 16 and
//! 64 copies of it separated by form feeds, so the table shows how cost
//! grows with the input; and an English real-OCR page.
//!
//! Run: cargo bench --bench repair

use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    // The library repairs the pages of one input on every core; the figures
    // here are for one core, as the targets are stated.
    rayon::ThreadPoolBuilder::new().num_threads(1).build_global().expect("the first pool");
    restitch::score::lexicon::warm_up();
    divan::main();
}

fn corpus_page(case: &str) -> String {
    let path = format!("{}/corpus/{case}/input.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Pages separated by form feeds, as pdftotext writes them.
fn pages(case: &str, copies: usize) -> String {
    vec![corpus_page(case); copies].join("\u{c}")
}

#[divan::bench(args = [1, 4, 16, 64], sample_count = 10)]
fn chinese_sample_page(bencher: Bencher, copies: usize) {
    let input = pages("real-zh-hunan-page-000", copies);
    let options = restitch::Options::default();
    bencher
        .counter(BytesCount::new(input.len()))
        .bench(|| restitch::render::text::render(&restitch::repair(&input, &options)));
}

#[divan::bench(sample_count = 20)]
fn english_ocr_page(bencher: Bencher) {
    let input = corpus_page("ocr-en-006");
    let options = restitch::Options::default();
    bencher
        .counter(BytesCount::new(input.len()))
        .bench(|| restitch::render::text::render(&restitch::repair(&input, &options)));
}

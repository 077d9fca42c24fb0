//! Structured input and output on real files: Tesseract's TSV, hOCR and ALTO
//! of one OCR run (`tests/data/`, made by `tools/ocr` from corpus pages), a
//! real PAGE-XML ground-truth page of a historical newspaper (see
//! `tests/data/SOURCES.md`), and broken files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use restitch::eval::metrics::conservation;
use restitch::formats::{self, Document, Format};
use restitch::{render, repair_document, Options};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn corpus(case: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(case).join(file)
}

fn read(path: &Path) -> (String, Document) {
    let content = std::fs::read_to_string(path).unwrap();
    let document = formats::read(&content, formats::detect(&content)).unwrap();
    (content, document)
}

/// Every word's text with its box, in file order.
fn words(document: &Document) -> Vec<(String, Option<formats::BBox>)> {
    document
        .pages
        .iter()
        .flat_map(|p| p.lines())
        .flat_map(|(_, _, line)| line.words.iter().map(|w| (w.text.clone(), w.bbox)))
        .collect()
}

fn repaired_text(document: &Document) -> String {
    render::text::render(&repair_document(document, &Options::default()))
}

#[test]
fn tesseract_tsv_hocr_and_alto_of_one_run_read_alike_and_repair_alike() {
    for case in ["ocr-en-004", "ocr-zh-007"] {
        let (_, tsv) = read(&corpus(case, "ocr.tsv"));
        let (_, hocr) = read(&data(&format!("{case}.hocr")));
        let (_, alto) = read(&data(&format!("{case}.alto.xml")));
        assert_eq!((tsv.format, hocr.format, alto.format), (Format::Tsv, Format::Hocr, Format::Alto));
        assert_eq!(words(&tsv), words(&hocr), "{case}: TSV and hOCR words differ");
        assert_eq!(words(&tsv), words(&alto), "{case}: TSV and ALTO words differ");
        let text = repaired_text(&tsv);
        assert_eq!(text, repaired_text(&hocr), "{case}");
        assert_eq!(text, repaired_text(&alto), "{case}");
        // Element ids come through.
        let line = &alto.pages[0].blocks[0].lines[0];
        assert!(line.id.is_some() && line.words[0].id.is_some());
    }
}

#[test]
fn structured_input_loses_nothing_on_every_corpus_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut checked = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path().join("ocr.tsv");
        if !path.is_file() {
            continue;
        }
        let (_, document) = read(&path);
        let repaired = repair_document(&document, &Options::default());
        let input = document.plain_text();
        assert_eq!(
            conservation(&input, &repaired.all_text(), repaired.removed_hyphens()),
            (0, 0),
            "{}",
            path.display()
        );
        assert!(repaired.pages.iter().all(|p| p.fallback.is_none()), "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} structured pages found");
}

/// The article texts a file gives, for comparing a file with what was
/// written from it.
fn articles(document: &Document) -> Vec<String> {
    repair_document(document, &Options::default()).articles().map(|a| a.plain_text()).collect()
}

fn word_counts(document: &Document) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for (text, _) in words(document) {
        *counts.entry(text).or_insert(0) += 1;
    }
    counts
}

#[test]
fn written_files_read_back_to_the_same_words_and_articles() {
    let files = [
        data("ocr-en-004.hocr"),
        data("ocr-en-004.alto.xml"),
        data("ocr-zh-007.hocr"),
        data("ocr-zh-007.alto.xml"),
        corpus("ocr-de-001", "ocr.tsv"),
        data("reichsanzeiger-1914_178_0448.page.xml"),
    ];
    for path in files {
        let (content, document) = read(&path);
        let repaired = repair_document(&document, &Options::default());
        let written = restitch::render::structured::write(&content, &document, &repaired).unwrap();
        let again = formats::read(&written, formats::detect(&written))
            .unwrap_or_else(|e| panic!("{}: written file does not parse: {e}", path.display()));
        assert_eq!(again.format, document.format);
        assert_eq!(word_counts(&again), word_counts(&document), "{}", path.display());
        assert_eq!(articles(&again), articles(&document), "{}", path.display());
        if document.format == Format::Tsv {
            // TSV has no ids: its lines are renumbered in reading order.
            continue;
        }
        // Every line id of the input is written exactly once.
        let ids = |d: &Document| {
            let mut ids: Vec<String> =
                d.pages.iter().flat_map(|p| p.lines()).filter_map(|(_, _, l)| l.id.clone()).collect();
            ids.sort();
            ids
        };
        assert_eq!(ids(&again), ids(&document), "{}", path.display());
    }
}

#[test]
fn alto_and_hocr_are_regrouped_by_article() {
    let (content, document) = read(&data("ocr-en-004.alto.xml"));
    let repaired = repair_document(&document, &Options::default());
    let written = restitch::render::structured::write(&content, &document, &repaired).unwrap();
    assert_eq!(written.matches("TYPE=\"article\"").count(), repaired.articles().count());
    let (content, document) = read(&data("ocr-en-004.hocr"));
    let written = restitch::render::structured::write(&content, &document, &repaired_for(&document)).unwrap();
    assert_eq!(written.matches("class='ocr_section'").count(), repaired_for(&document).articles().count());
}

fn repaired_for(document: &Document) -> restitch::Repaired {
    repair_document(document, &Options::default())
}

#[test]
fn real_page_xml_ground_truth_gets_a_reading_order_over_all_its_regions() {
    let (content, document) = read(&data("reichsanzeiger-1914_178_0448.page.xml"));
    assert_eq!(document.format, Format::Page);
    let lines: usize = document.pages[0].blocks.iter().map(|b| b.lines.len()).sum();
    assert_eq!((document.pages[0].blocks.len(), lines), (15, 110));
    assert_eq!(document.unboxed_words(), 0);
    let repaired = repair_document(&document, &Options::default());
    assert_eq!(
        conservation(&document.plain_text(), &repaired.all_text(), repaired.removed_hyphens()),
        (0, 0)
    );
    // Its regions' line polygons reach into gutters too narrow to see
    // between them: the regions keep the columns apart, so sentences that
    // run over a line break inside a column come out whole.
    let text = render::text::render(&repaired);
    for joined in ["Abzugs ſofort bar einzuzahlen", "beſonders eingerichteten Anmeldeſtelle"] {
        assert!(text.contains(joined), "{joined:?} not in the repaired text");
    }
    let written = restitch::render::structured::write(&content, &document, &repaired).unwrap();
    // One ReadingOrder (the file's own was replaced), naming every region once.
    assert_eq!(written.matches("<ReadingOrder>").count(), 1);
    let mut refs: Vec<&str> =
        written.split("regionRef=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    refs.sort();
    let mut regions: Vec<&str> = document.pages[0].blocks.iter().filter_map(|b| b.id.as_deref()).collect();
    regions.sort();
    assert_eq!(refs, regions);
}

#[test]
fn malformed_xml_is_a_clear_error_with_a_line() {
    let content = std::fs::read_to_string(data("ocr-en-004.alto.xml")).unwrap();
    let cut = &content[..content.len() / 2];
    let err = formats::read(cut, Format::Alto).unwrap_err();
    assert!(err.problem.contains("malformed XML"), "{err}");
    assert!(err.line.is_some());
    let err = formats::read(
        "<PcGts><Page><TextRegion id='r'><Coords points='1,2 3'/></TextRegion></Page></PcGts>",
        Format::Page,
    )
    .unwrap_err();
    assert!(err.problem.contains("bad point"), "{err}");
}

#[test]
fn words_without_coordinates_still_come_out() {
    // Strip every box (pages, blocks, lines, words) from a real hOCR file.
    let content = std::fs::read_to_string(data("ocr-en-004.hocr")).unwrap();
    let mut stripped = String::new();
    let mut rest = content.as_str();
    while let Some(at) = rest.find("bbox ") {
        stripped.push_str(&rest[..at]);
        let after = &rest[at + "bbox ".len()..];
        let end = after.find([';', '\'', '"']).unwrap();
        rest = after[end..].trim_start_matches(';').trim_start();
    }
    stripped.push_str(rest);
    assert!(!stripped.contains("bbox"));
    let document = formats::read(&stripped, Format::Hocr).unwrap();
    assert!(document.unboxed_words() > 100);
    let repaired = repair_document(&document, &Options::default());
    assert_eq!(
        conservation(&document.plain_text(), &repaired.all_text(), repaired.removed_hyphens()),
        (0, 0)
    );
}

fn restitch() -> Command {
    Command::new(env!("CARGO_BIN_EXE_restitch"))
}

#[test]
fn cli_reads_structured_input_and_writes_it_back() {
    let tsv = corpus("ocr-en-004", "ocr.tsv");
    let auto = restitch().arg(&tsv).output().unwrap();
    assert!(auto.status.success());
    let forced = restitch().args(["--input-format", "tsv"]).arg(&tsv).output().unwrap();
    assert_eq!(auto.stdout, forced.stdout);
    let json = restitch().args(["--format", "json"]).arg(data("ocr-en-004.alto.xml")).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let source = &value["articles"][0]["sources"][0];
    assert!(source["bbox"]["x1"].as_i64().unwrap() > 0, "{source}");
    assert!(source["id"].as_str().is_some_and(|id| id.starts_with("line_")), "{source}");
    let written = restitch().args(["--format", "input"]).arg(data("ocr-en-004.alto.xml")).output().unwrap();
    assert!(written.status.success());
    assert!(String::from_utf8(written.stdout).unwrap().contains("TYPE=\"article\""));
    // Plain text has no structure to write back: a usage error.
    let plain =
        restitch().args(["--format", "input"]).arg(corpus("ocr-en-004", "input.txt")).output().unwrap();
    assert_eq!(plain.status.code(), Some(2));
    // A broken file: input error, naming the file and the line.
    let broken = std::env::temp_dir().join("restitch-broken.alto.xml");
    std::fs::write(&broken, "<alto>\n<Layout><Page></Layout></alto>").unwrap();
    let out = restitch().arg(&broken).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8(out.stderr).unwrap();
    assert!(message.contains("line 2") && message.contains("malformed XML"), "{message}");
}

/// The accuracy guard of the coordinate path: the real-OCR family read from
/// its TSV files must not score below this mean article F1 (measured 0.953
/// over the first 36 pages when this guard was last raised; re-based on the
/// corpus grown to 47 pages, where the same engine measures 0.9245, so the
/// floor went from 0.948 to 0.919; raise it as the geometry improves;
/// CJK run sizes bounded by their word boxes and a headline's cut-off
/// second line read with its first: 0.9361; gutters that stop at a lower
/// tier of articles: 0.9443; a lone Latin word boxed too tall no headline
/// across a gutter: 0.9459, floor 0.940; a Latin word box smeared across
/// columns blocks no cut, a Latin line is headline type only when half its
/// word boxes are: 0.9540, floor 0.950; a CJK box glued over two rows among
/// body-height neighbours settles to its line: 0.9559). Re-based again on
/// the corpus grown to 58 pages (the eleven fourth-draw dev pages, built
/// from fresh articles), where the same engine measures 0.9232: the floor
/// went from 0.950 to 0.917, the same margin. The usual line gap measured
/// down each column (not in file order, which sparse modes list row by
/// row): 0.9321; strokes of a headline glyph read as small glyphs no body
/// beside it: 0.9323, floor 0.926. Re-based on the corpus grown to 70
/// pages (the twelve fifth-draw dev pages, again built from fresh
/// articles), where the same engine measures 0.9230: the floor went from
/// 0.926 to 0.917, the same margin. A CJK OCR line glued from a headline
/// row and body text is measured as two runs, and headline halves OCR
/// listed as two lines on one row are not cut apart: 0.9251, floor 0.920.
/// Latin headline lines measured under headline type (no descenders) take
/// it from the headline line next to them, and lines boxed tall with body-
/// wide letters are body type: 0.929, floor 0.925. Thirteenth session:
/// headlines joined on one OCR line parted at a wide word gap, smeared
/// glyphs no headline type, bare name lists bylines only on a line of their
/// own, a CJK headline row cut only over a clear band: 0.9468, floor 0.941.
/// Fourteenth session, eight fresh held-out pages (78 in all): 0.9458 with
/// the same engine; a region right under a body region in its column read
/// as stacked, gutters ranked by the rows their boxes cross: 0.9484, floor
/// 0.943. Eighteenth session (86 pages): headlines over some columns and
/// close under columns cut, capitals headlines by cap height: 0.9476 ->
/// 0.9501, floor 0.945. Twentieth session: side-by-side headlines on one
/// OCR line cut over their own columns, a column's first line no subhead,
/// printed column rules as gutters: 0.9512, floor 0.948. Twenty-first
/// session: a region under no headline of its own follows the lowest
/// headline wholly above it (stacked articles parted by a page-high
/// gutter): 0.9530, floor 0.951. Twenty-fourth session: tall garbled lines
/// on the body pitch are body type, sidebar headlines measured against their
/// own column, CJK paragraph openings under body lines: 0.9566, floor 0.954.
/// Twenty-fifth session: Latin words glued over a column rule split at its
/// bars: 0.9575, floor 0.955.
const COORDINATES_F1_FLOOR: f64 = 0.955;

#[test]
fn coordinates_keep_their_floor_on_the_real_ocr_family() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let cases = restitch::eval::corpus::load_corpus(&root).unwrap();
    let results: Vec<_> = cases
        .iter()
        .filter_map(|case| restitch::eval::evaluate_case_with_coordinates(case, &Options::default()))
        .map(Result::unwrap)
        .collect();
    let mean = results.iter().map(|r| r.restitch.f1()).sum::<f64>() / results.len() as f64;
    println!("{}", restitch::eval::report::coordinate_table(&results));
    assert!(
        mean >= COORDINATES_F1_FLOOR,
        "mean article F1 with coordinates {mean:.4} < {COORDINATES_F1_FLOOR}"
    );
}

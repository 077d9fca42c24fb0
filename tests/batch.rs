//! Many pages at once: form-feed pages, batch mode (`--out-dir`) and JSON
//! Lines (`--jsonl`), run as a user runs them.

use std::path::Path;

#[path = "support/binary.rs"]
mod binary;
use binary::{restitch, run_with_stdin};

fn corpus_input(case: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(case).join("input.txt"))
        .unwrap()
}

const PAGE_ONE: &str = "地方新闻一则\n\n今天下 雨了。\n";
const PAGE_TWO: &str = "Local news\n\nIt rained all\nday in the city.\n";

#[test]
fn form_feeds_keep_pages_apart_in_text_and_json() {
    let input = format!("{PAGE_ONE}\u{c}{PAGE_TWO}");
    let text = run_with_stdin(&[], input.as_bytes());
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).unwrap();
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert_eq!(pages.len(), 2, "{text:?}");
    assert!(
        pages[0].contains("今天下雨了。") && pages[1].contains("It rained all day in the city."),
        "{text:?}"
    );

    let json = run_with_stdin(&["--format", "json"], input.as_bytes());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["pages"], 2);
    let pages_of_articles: Vec<u64> =
        value["articles"].as_array().unwrap().iter().map(|a| a["page"].as_u64().unwrap()).collect();
    assert_eq!(pages_of_articles, vec![1, 2]);
}

#[test]
fn batch_writes_one_file_per_input_and_skips_a_bad_one() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let (input, output) = (dir.join("in"), dir.join("out"));
    std::fs::create_dir_all(input.join("week")).unwrap();
    std::fs::write(input.join("a.txt"), corpus_input("syn-zh-001")).unwrap();
    std::fs::write(input.join("week").join("b.txt"), corpus_input("syn-en-001")).unwrap();
    std::fs::write(input.join("broken.txt"), b"\xff\xfe not text").unwrap();

    let out = restitch().arg("--out-dir").arg(&output).arg(&input).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("broken.txt") && stderr.contains("skipped"), "{stderr}");
    assert!(stderr.contains("3 files (1 failed)"), "{stderr}");
    assert!(!output.join("broken.txt").exists());
    // Each output is exactly what a single run gives.
    for (written, case) in
        [(output.join("a.txt"), "syn-zh-001"), (output.join("week").join("b.txt"), "syn-en-001")]
    {
        let single = run_with_stdin(&[], corpus_input(case).as_bytes());
        assert_eq!(std::fs::read(&written).unwrap(), single.stdout, "{}", written.display());
    }
}

#[test]
fn batch_json_outputs_and_quiet_summary() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    std::fs::write(dir.join("page.txt"), PAGE_ONE).unwrap();
    let out = restitch()
        .args(["--quiet", "--format", "json", "--out-dir"])
        .arg(dir.join("out"))
        .arg(dir.join("page.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("out").join("page.json")).unwrap()).unwrap();
    assert_eq!(value["articles"][0]["paragraphs"][0], "今天下雨了。");
}

#[test]
fn batch_refuses_to_overwrite_its_inputs_or_merge_two() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    std::fs::create_dir_all(dir.join("x")).unwrap();
    std::fs::write(dir.join("page.txt"), PAGE_ONE).unwrap();
    std::fs::write(dir.join("x").join("page.txt"), PAGE_ONE).unwrap();
    let onto_itself = restitch().arg("--out-dir").arg(dir).arg(dir.join("page.txt")).output().unwrap();
    assert_eq!(onto_itself.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(dir.join("page.txt")).unwrap(), PAGE_ONE);
    let two_to_one = restitch()
        .arg("--out-dir")
        .arg(dir.join("out"))
        .arg(dir.join("page.txt"))
        .arg(dir.join("x").join("page.txt"))
        .output()
        .unwrap();
    assert_eq!(two_to_one.status.code(), Some(2));
    assert!(String::from_utf8(two_to_one.stderr).unwrap().contains("would both be written"));
}

#[test]
fn jsonl_answers_every_line_in_order() {
    let cases = ["syn-zh-002", "syn-en-002", "real-zh-hunan-page-000"];
    let mut input = String::new();
    for case in cases {
        input.push_str(&serde_json::json!({ "id": case, "text": corpus_input(case) }).to_string());
        input.push('\n');
    }
    input.push_str("{not json\n");
    input.push_str("{\"id\": 7, \"text\": 3}\n");
    let out = run_with_stdin(&["--jsonl", "--threads", "2"], input.as_bytes());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    for (line, case) in lines.iter().zip(cases) {
        assert_eq!(line["id"], case);
        let single = run_with_stdin(&[], corpus_input(case).as_bytes());
        assert_eq!(line["text"].as_str().unwrap().as_bytes(), single.stdout.as_slice(), "{case}");
        assert_eq!(line["restitch"], 1);
        assert!(line["articles"].as_array().is_some_and(|a| !a.is_empty()));
    }
    assert_eq!(lines[3]["line"], 4);
    assert!(lines[3]["error"].as_str().unwrap().starts_with("not JSON"));
    assert_eq!(lines[4]["id"], 7);
    assert!(lines[4]["error"].as_str().unwrap().contains("not a string"));
}

#[test]
fn batch_writes_structured_input_back_under_its_own_name() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ocr-en-004.hocr");
    std::fs::copy(&source, dir.join("page.hocr")).unwrap();
    let out = restitch()
        .args(["--quiet", "--format", "input", "--out-dir"])
        .arg(dir.join("out"))
        .arg(dir.join("page.hocr"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = dir.join("out").join("page.hocr");
    // The written hOCR reads back to the same text as the original does.
    let again = restitch().arg(&written).output().unwrap();
    let original = restitch().arg(dir.join("page.hocr")).output().unwrap();
    assert!(again.status.success());
    assert_eq!(again.stdout, original.stdout);
}

//! The binary as a user runs it: stdin, files, formats, errors, exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

fn restitch() -> Command {
    Command::new(env!("CARGO_BIN_EXE_restitch"))
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = restitch()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn reads_stdin_and_writes_text() {
    let out = run_with_stdin(&[], "地方新闻一则\n\n今天下 雨了。\n".as_bytes());
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "地方新闻一则\n\n今天下雨了。\n");
}

#[test]
fn json_output_parses_and_carries_provenance() {
    let out = run_with_stdin(&["--format", "json"], "地方新闻一则\n\n今天下 雨了。\n".as_bytes());
    assert!(out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["restitch"], 1);
    assert_eq!(value["articles"][0]["sources"][2]["line"], 3);
}

#[test]
fn invalid_utf8_is_an_input_error_naming_the_offset() {
    let out = run_with_stdin(&[], b"abc\xff\xfe");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("offset 3"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_file_is_an_input_error() {
    let out = restitch().arg("/nonexistent/page.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("/nonexistent/page.txt"));
}

#[test]
fn unknown_option_is_a_usage_error() {
    let out = restitch().arg("--no-such-option").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn diff_is_plain_when_piped() {
    let dir = std::env::temp_dir().join(format!("restitch-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("page.txt");
    std::fs::write(&path, "地方新闻一则\n\n今天下 雨了。\n").unwrap();
    let out = restitch().arg("diff").arg(&path).output().unwrap();
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("== moves =="));
    assert!(report.contains("+今天下雨了。"), "{report}");
    assert!(!report.contains('\u{1b}'));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn help_explains_options_with_examples() {
    let out = restitch().arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for needle in ["--format", "--lang", "--no-reorder", "Examples:", "Exit codes"] {
        assert!(help.contains(needle), "{needle} missing from --help");
    }
}

//! The binary as a user runs it: stdin, files, formats, errors, exit codes.

#[path = "support/binary.rs"]
mod binary;
use binary::{restitch, run_with_stdin};

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
    assert!(err.contains("--encoding auto"), "{err}");
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
    for needle in [
        "--format",
        "--lang",
        "--no-reorder",
        "--encoding",
        "--in-place",
        "--backup-suffix",
        "--no-backup",
        "--output",
        "Examples:",
        "Exit codes",
        "4  output error",
    ] {
        assert!(help.contains(needle), "{needle} missing from --help");
    }
}

const PAGE: &str = "地方新闻一则\n\n今天下 雨了。\n";
const REPAIRED: &str = "地方新闻一则\n\n今天下雨了。\n";

fn stdout_of(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[test]
fn named_and_detected_legacy_encodings_give_utf8_output() {
    let (gbk, _, _) = encoding_rs::GB18030.encode(PAGE);
    assert_eq!(stdout_of(&run_with_stdin(&["--encoding", "gb18030"], &gbk)), REPAIRED);
    assert_eq!(stdout_of(&run_with_stdin(&["--encoding", "GBK"], &gbk)), REPAIRED);
    // Detection needs a little more text than one line to be sure.
    let page = PAGE.repeat(4);
    let (gbk, _, _) = encoding_rs::GB18030.encode(&page);
    let expected = stdout_of(&run_with_stdin(&[], page.as_bytes()));
    assert_eq!(stdout_of(&run_with_stdin(&["--encoding", "auto"], &gbk)), expected);
    let (big5, _, _) = encoding_rs::BIG5.encode("地方新聞一則\n\n今天下 雨了。\n");
    assert_eq!(stdout_of(&run_with_stdin(&["--encoding", "big5"], &big5)), "地方新聞一則\n\n今天下雨了。\n");
    // Without --encoding, GB18030 is refused with the offset and a hint.
    let out = run_with_stdin(&[], &gbk);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("offset 0") && err.contains("gb18030"), "{err}");
}

#[test]
fn a_byte_order_mark_is_honoured() {
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(PAGE.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(stdout_of(&run_with_stdin(&[], &utf16)), REPAIRED);
    assert_eq!(stdout_of(&run_with_stdin(&["--encoding", "big5"], &utf16)), REPAIRED);
    let utf8 = [b"\xEF\xBB\xBF".as_slice(), PAGE.as_bytes()].concat();
    assert_eq!(stdout_of(&run_with_stdin(&[], &utf8)), REPAIRED);
}

#[test]
fn diff_reads_the_named_encoding_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.txt");
    let (gbk, _, _) = encoding_rs::GB18030.encode(PAGE);
    std::fs::write(&path, &gbk).unwrap();
    let out = restitch().args(["diff", "--encoding", "gb18030"]).arg(&path).output().unwrap();
    assert!(stdout_of(&out).contains("+今天下雨了。"));
    let out = restitch().arg("diff").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn unknown_encoding_is_a_usage_error() {
    let out = run_with_stdin(&["--encoding", "klingon"], PAGE.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("klingon"));
}

#[test]
fn crlf_and_lone_cr_read_like_lf_with_the_same_line_numbers() {
    let lf = stdout_of(&run_with_stdin(&["--format", "json"], PAGE.as_bytes()));
    for ends in ["\r\n", "\r"] {
        let input = PAGE.replace('\n', ends);
        assert_eq!(stdout_of(&run_with_stdin(&["--format", "json"], input.as_bytes())), lf, "{ends:?}");
    }
}

#[test]
fn binary_input_is_refused_clearly() {
    let mut binary = b"\x7fELF\x02\x01\x01".to_vec();
    binary.extend([0u8; 64]);
    binary.extend(b"\xff\xfe\x13\x07");
    for args in [&[][..], &["--encoding", "auto"][..]] {
        let out = run_with_stdin(args, &binary);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr_of(&out).contains("binary"), "{}", stderr_of(&out));
        assert!(out.stdout.is_empty());
    }
    // A few stray control characters are OCR noise: kept, in place.
    let noisy = "地方新闻一则\n\n今天\u{0007}下 雨了\u{0000}。\n";
    assert_eq!(
        stdout_of(&run_with_stdin(&[], noisy.as_bytes())),
        "地方新闻一则\n\n今天\u{0007}下雨了\u{0000}。\n"
    );
}

/// The names in a folder (to see that no temporary file is left behind).
fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let (page, bad, out) =
        (dir.path().join("page.txt"), dir.path().join("bad.txt"), dir.path().join("out.txt"));
    std::fs::write(&page, PAGE).unwrap();
    std::fs::write(&bad, b"abc\xff").unwrap();
    let run = restitch().arg("-o").arg(&out).arg(&page).output().unwrap();
    assert!(run.status.success() && run.stdout.is_empty(), "{}", stderr_of(&run));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), REPAIRED);
    #[cfg(unix)]
    {
        // A new output file has the permissions a plain write gives (umask), not 0600.
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&out), mode(&page));
    }
    // The second input fails: the old output stays, nothing half-written.
    let run = restitch().arg("--output").arg(&out).arg(&page).arg(&bad).output().unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), REPAIRED);
    assert_eq!(names(dir.path()), ["bad.txt", "out.txt", "page.txt"]);
    // An output folder that does not exist is an output error.
    let run = restitch().arg("-o").arg(dir.path().join("no/such/out.txt")).arg(&page).output().unwrap();
    assert_eq!(run.status.code(), Some(4), "{}", stderr_of(&run));
}

#[test]
fn in_place_rewrites_through_a_rename_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let (gbk, _, _) = encoding_rs::GB18030.encode(PAGE);
    std::fs::write(&a, PAGE).unwrap();
    std::fs::write(&b, &gbk).unwrap();
    let run = restitch().args(["--in-place", "--encoding", "gb18030"]).arg(&b).output().unwrap();
    assert!(run.status.success() && run.stdout.is_empty(), "{}", stderr_of(&run));
    let run = restitch().arg("--in-place").arg(&a).output().unwrap();
    assert!(run.status.success(), "{}", stderr_of(&run));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), REPAIRED);
    assert_eq!(std::fs::read_to_string(dir.path().join("a.txt.orig")).unwrap(), PAGE);
    // Output is UTF-8 even when the input was not; the backup is the original bytes.
    assert_eq!(std::fs::read_to_string(&b).unwrap(), REPAIRED);
    assert_eq!(std::fs::read(dir.path().join("b.txt.orig")).unwrap(), gbk.as_ref());
    assert_eq!(names(dir.path()), ["a.txt", "a.txt.orig", "b.txt", "b.txt.orig"]);

    // A second run would overwrite the only original: refused, file untouched.
    std::fs::write(&a, PAGE).unwrap();
    let run = restitch().arg("--in-place").arg(&a).output().unwrap();
    assert_eq!(run.status.code(), Some(4));
    assert!(stderr_of(&run).contains("backup already exists"), "{}", stderr_of(&run));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), PAGE);

    let run = restitch().args(["--in-place", "--backup-suffix", ".bak"]).arg(&a).output().unwrap();
    assert!(run.status.success(), "{}", stderr_of(&run));
    assert_eq!(std::fs::read_to_string(dir.path().join("a.txt.bak")).unwrap(), PAGE);
    std::fs::write(&a, PAGE).unwrap();
    let run = restitch().args(["--in-place", "--no-backup"]).arg(&a).output().unwrap();
    assert!(run.status.success(), "{}", stderr_of(&run));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), REPAIRED);
    assert_eq!(names(dir.path()), ["a.txt", "a.txt.bak", "a.txt.orig", "b.txt", "b.txt.orig"]);
}

#[test]
fn in_place_leaves_a_bad_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"abc\xff").unwrap();
    let run = restitch().arg("--in-place").arg(&bad).output().unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(std::fs::read(&bad).unwrap(), b"abc\xff");
    assert_eq!(names(dir.path()), ["bad.txt"]);
}

#[cfg(unix)]
#[test]
fn in_place_keeps_permissions_and_follows_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (real, link) = (dir.path().join("real.txt"), dir.path().join("link.txt"));
    std::fs::write(&real, PAGE).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let run = restitch().args(["--in-place", "--no-backup"]).arg(&link).output().unwrap();
    assert!(run.status.success(), "{}", stderr_of(&run));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), REPAIRED);
    assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
}

#[test]
fn in_place_needs_files_and_excludes_output() {
    let out = run_with_stdin(&["--in-place"], PAGE.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let out = restitch().args(["--in-place", "-o", "x.txt", "page.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = restitch().args(["--no-backup", "page.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

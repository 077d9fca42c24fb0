//! Running the `restitch` binary from integration tests, as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub fn restitch() -> Command {
    Command::new(env!("CARGO_BIN_EXE_restitch"))
}

/// Runs the binary with `args`, feeding `input` on standard input.
pub fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = restitch()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    // A usage error exits before reading its input: the pipe may be closed.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

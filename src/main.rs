//! The `restitch` command line: files or stdin in, repaired text out.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match cli::run(cli::Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("restitch: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

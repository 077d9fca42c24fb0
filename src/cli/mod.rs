//! The `restitch` command line on top of the library: argument parsing,
//! reading and writing, and one module per subcommand. The library knows
//! nothing of this.

mod args;
mod batch;
mod eval;
mod io;
mod jsonl;

use std::io::IsTerminal;

use restitch::{render, repair, Repaired};

pub(crate) use args::Cli;
use args::{ColorArg, Command, Format};
pub(crate) use io::Failure;
use io::{read_input, read_stdin, rewrite_in_place, write_out, Sink};

pub(crate) fn render_as(format: Format, repaired: &Repaired) -> String {
    match format {
        Format::Text => render::text::render(repaired),
        Format::Json => render::json::render(repaired),
    }
}

/// Repairs one input and renders it, warning on standard error about pages
/// that fell back to input order.
fn repair_one(name: &str, text: &str, options: &restitch::Options, format: Format) -> String {
    let repaired = repair(text, options);
    for warning in io::fallback_warnings(name, &repaired) {
        eprintln!("restitch: {warning}");
    }
    render_as(format, &repaired)
}

pub(crate) fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        None => {
            let options = cli.repair.options()?;
            if let Some(threads) = cli.threads {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build_global()
                    .map_err(|e| Failure { message: format!("--threads {threads}: {e}"), code: 2 })?;
            }
            if let Some(out_dir) = &cli.out_dir {
                if cli.files.is_empty() {
                    return Err(Failure {
                        message: "--out-dir needs input files or folders".into(),
                        code: 2,
                    });
                }
                return batch::run(&cli.files, out_dir, cli.format, cli.input.encoding, &options, cli.quiet);
            }
            if cli.jsonl {
                return jsonl::run(&cli.files, &options);
            }
            let encoding = cli.input.encoding;
            if cli.output.in_place {
                let backup = cli.output.backup();
                for path in &cli.files {
                    rewrite_in_place(path, encoding, &backup, |text| {
                        repair_one(&path.display().to_string(), text, &options, cli.format)
                    })?;
                }
                return Ok(());
            }
            let mut sink = Sink::open(cli.output.output.as_deref())?;
            if cli.files.is_empty() {
                let text = read_stdin(encoding)?;
                sink.write(&repair_one("standard input", &text, &options, cli.format))?;
            }
            for path in &cli.files {
                let text = read_input(path, encoding)?;
                sink.write(&repair_one(&path.display().to_string(), &text, &options, cli.format))?;
            }
            sink.finish()
        }
        Some(Command::Diff { file, repair: args, input, color }) => {
            let text = read_input(&file, input.encoding)?;
            let repaired = repair(&text, &args.options()?);
            let output = render::text::render(&repaired);
            let color = match color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => std::io::stdout().is_terminal(),
            };
            write_out(&render::diff::render(&text, &repaired, &output, color))
        }
        Some(Command::Eval { dir, split, cases, floors, fit, repair: args }) => {
            eval::run(&dir, split, cases, floors, fit, &args)
        }
    }
}

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
use io::{read_file, read_stdin, write_out};

pub(crate) fn render_as(format: Format, repaired: &Repaired) -> String {
    match format {
        Format::Text => render::text::render(repaired),
        Format::Json => render::json::render(repaired),
    }
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
                return batch::run(&cli.files, out_dir, cli.format, &options, cli.quiet);
            }
            if cli.jsonl {
                return jsonl::run(&cli.files, &options);
            }
            if cli.files.is_empty() {
                let text = read_stdin()?;
                return write_out(&render_as(cli.format, &repair(&text, &options)));
            }
            for path in &cli.files {
                let text = read_file(path)?;
                write_out(&render_as(cli.format, &repair(&text, &options)))?;
            }
            Ok(())
        }
        Some(Command::Diff { file, repair: args, color }) => {
            let text = read_file(&file)?;
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

//! The `restitch` command line on top of the library: argument parsing,
//! reading and writing, and one module per subcommand. The library knows
//! nothing of this.

mod args;
mod batch;
mod eval;
mod io;
mod jsonl;

use std::io::IsTerminal;

use restitch::{formats, render, repair, Options, Repaired};

pub(crate) use args::Cli;
use args::{ColorArg, Command, Format, InputFormat};
pub(crate) use io::Failure;
use io::{input_error, read_input, read_stdin, rewrite_in_place, write_out, Sink};

/// Repairs one input, plain or structured (hOCR, ALTO, PAGE-XML, TSV), and
/// renders it in `format`; also the warnings for the user (pages left in
/// input order, words without coordinates).
pub(crate) fn repair_and_render(
    name: &str,
    content: &str,
    input_format: InputFormat,
    format: Format,
    options: &Options,
) -> Result<(Repaired, String, Vec<String>), Failure> {
    let structured = input_format.resolve(content);
    let mut warnings = Vec::new();
    let (repaired, document) = if structured == formats::Format::Text {
        if format == Format::Input {
            return Err(Failure {
                message: format!(
                    "{name}: --format input needs structured input (hOCR, ALTO, PAGE-XML or TSV)"
                ),
                code: 2,
            });
        }
        (repair(content, options), None)
    } else {
        let document = formats::read(content, structured).map_err(|e| input_error(format!("{name}: {e}")))?;
        let unboxed = document.unboxed_words();
        if unboxed > 0 {
            warnings
                .push(format!("{name}: {unboxed} words have no coordinates; kept at the end of their page"));
        }
        (restitch::repair_document(&document, options), Some(document))
    };
    warnings.extend(io::fallback_warnings(name, &repaired));
    let rendered = match (format, &document) {
        (Format::Text, _) => render::text::render(&repaired),
        (Format::Json, _) => render::json::render(&repaired),
        (Format::Input, Some(document)) => render::structured::write(content, document, &repaired)
            .map_err(|e| input_error(format!("{name}: {e}")))?,
        (Format::Input, None) => unreachable!("plain text with --format input was refused above"),
    };
    Ok((repaired, rendered, warnings))
}

/// [`repair_and_render`] for one input of the command line: the warnings
/// go to standard error, the rendered text is returned.
fn repair_one(
    name: &str,
    content: &str,
    input_format: InputFormat,
    format: Format,
    options: &Options,
) -> Result<String, Failure> {
    let (_, rendered, warnings) = repair_and_render(name, content, input_format, format, options)?;
    for warning in warnings {
        eprintln!("restitch: {warning}");
    }
    Ok(rendered)
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
                return batch::run(&cli.files, out_dir, cli.format, &cli.input, &options, cli.quiet);
            }
            if cli.jsonl {
                return jsonl::run(&cli.files, &options);
            }
            let (encoding, input_format) = (cli.input.encoding, cli.input.input_format);
            if cli.output.in_place {
                let backup = cli.output.backup();
                for path in &cli.files {
                    rewrite_in_place(path, encoding, &backup, |text| {
                        repair_one(&path.display().to_string(), text, input_format, cli.format, &options)
                    })?;
                }
                return Ok(());
            }
            let mut sink = Sink::open(cli.output.output.as_deref())?;
            if cli.files.is_empty() {
                let text = read_stdin(encoding)?;
                sink.write(&repair_one("standard input", &text, input_format, cli.format, &options)?)?;
            }
            for path in &cli.files {
                let text = read_input(path, encoding)?;
                let name = path.display().to_string();
                sink.write(&repair_one(&name, &text, input_format, cli.format, &options)?)?;
            }
            sink.finish()
        }
        Some(Command::Diff { file, repair: args, input, color }) => {
            let text = read_input(&file, input.encoding)?;
            if input.input_format.resolve(&text) != formats::Format::Text {
                return Err(Failure {
                    message: format!(
                        "{}: diff works on plain text; for structured input use --format json (sources name OCR line ids and boxes)",
                        file.display()
                    ),
                    code: 2,
                });
            }
            let repaired = repair(&text, &args.options()?);
            let output = render::text::render(&repaired);
            let color = match color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => std::io::stdout().is_terminal(),
            };
            write_out(&render::diff::render(&text, &repaired, &output, color))
        }
        Some(Command::Eval { dir, split, cases, floors, coordinates, fit, repair: args }) => {
            eval::run(&dir, split, cases, floors, coordinates, fit, &args)
        }
    }
}

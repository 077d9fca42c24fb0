//! The `restitch` command line: files or stdin in, repaired text out.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use restitch::eval::{self, report};
use restitch::formats;
use restitch::{render, repair, Lang, Options, Repaired};

const EXAMPLES: &str = "\
Examples:
  restitch page.txt                  repaired text of one page
  ocr-tool scan.png | restitch       read standard input
  restitch --format json page.txt    JSON with provenance (input line and columns of every piece)
  restitch diff page.txt             what moved where, and what was removed
  restitch eval corpus/              score the evaluation corpus

Exit codes: 0 success, 1 input error (unreadable file, invalid UTF-8),
2 usage error, 3 evaluation below its floors.";

/// Repair the reading order of multi-column OCR text.
///
/// Reads OCR plain text (pages separated by form feeds) and writes every
/// article as one continuous text: title, paragraphs, byline. Columns glued
/// on one line are split, blocks out of order and interleaved articles are
/// put back in order, printed line breaks inside Chinese sentences and
/// soft hyphens at Latin line ends are removed. Nothing is dropped: text
/// that cannot be placed is listed as unplaced.
#[derive(Parser, Debug)]
#[command(name = "restitch", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Input files; standard input when none is given.
    files: Vec<PathBuf>,

    #[command(flatten)]
    repair: RepairArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Input format: plain text, or structured OCR output with coordinates
    /// (Tesseract TSV, hOCR, ALTO, PAGE-XML); auto detects it from the
    /// content.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum InputFormat {
    Auto,
    Text,
    Tsv,
    Hocr,
    Alto,
    Page,
}

impl InputFormat {
    /// The format of `content` as the user asked for it or as detected.
    fn resolve(self, content: &str) -> formats::Format {
        match self {
            InputFormat::Auto => formats::detect(content),
            InputFormat::Text => formats::Format::Text,
            InputFormat::Tsv => formats::Format::Tsv,
            InputFormat::Hocr => formats::Format::Hocr,
            InputFormat::Alto => formats::Format::Alto,
            InputFormat::Page => formats::Format::Page,
        }
    }
}

/// Repairs one input, plain or structured.
fn repair_input(
    content: &str,
    format: InputFormat,
    name: &str,
    options: &Options,
) -> Result<Repaired, Failure> {
    match format.resolve(content) {
        formats::Format::Text => Ok(repair(content, options)),
        structured => {
            let document =
                formats::read(content, structured).map_err(|e| input_error(format!("{name}: {e}")))?;
            let unboxed = document.unboxed_words();
            if unboxed > 0 {
                eprintln!(
                    "restitch: {name}: {unboxed} words have no coordinates; kept at the end of their page"
                );
            }
            Ok(restitch::repair_document(&document, options))
        }
    }
}

#[derive(clap::Args, Debug, Clone)]
struct RepairArgs {
    /// Language of the input: selects CJK or Latin-script rules
    /// (auto decides per page from its characters).
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    lang: LangArg,

    /// Keep the input order; only cut into articles and paragraphs and join
    /// printed lines (the baseline the evaluation compares against).
    #[arg(long)]
    no_reorder: bool,

    /// Junction weights as JSON (default: the weights fitted on the corpus's
    /// development split, shipped with restitch).
    #[arg(long, value_name = "FILE")]
    weights: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Show what the repair changes: moves with input line numbers, removed
    /// characters, and a line diff. Coloured on a terminal, plain when piped.
    ///
    /// Example: restitch diff page.txt | less -R
    Diff {
        /// Input file.
        file: PathBuf,
        #[command(flatten)]
        repair: RepairArgs,
        /// Colour: auto (when stdout is a terminal), always or never.
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
    /// Score restitch and the untouched input order on an evaluation corpus
    /// (folders with input.txt, gold.json, meta.json).
    ///
    /// Example: restitch eval corpus --cases --floors corpus/floors.json
    Eval {
        /// The corpus folder.
        dir: PathBuf,
        /// Only cases of this split (dev or heldout).
        #[arg(long)]
        split: Option<String>,
        /// Print one line per case too.
        #[arg(long)]
        cases: bool,
        /// Fail (exit 3) when the means over all cases fall below the floors
        /// in this JSON file ({"article_f1": x, "junction_accuracy": y}).
        #[arg(long)]
        floors: Option<PathBuf>,
        /// Also read each case's structured file (ocr.tsv, word boxes) and
        /// compare restitch with coordinates against the plain-text path,
        /// on the cases that have one.
        #[arg(long)]
        coordinates: bool,
        /// Fit the junction weights on the cases of --split (dev when not
        /// given) and write them to this file instead of scoring.
        #[arg(long, value_name = "FILE")]
        fit: Option<PathBuf>,
        #[command(flatten)]
        repair: RepairArgs,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    /// The input's own format (hOCR, ALTO, PAGE-XML, Tesseract TSV) with
    /// the reading order repaired; structured input only.
    Input,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum LangArg {
    Auto,
    Zh,
    Ja,
    En,
    De,
    Fr,
    /// Any other Latin-script language.
    Latin,
}

impl RepairArgs {
    fn options(&self) -> Result<Options, Failure> {
        let lang = match self.lang {
            LangArg::Auto => Lang::Auto,
            LangArg::Zh => Lang::Zh,
            LangArg::Ja => Lang::Ja,
            LangArg::En => Lang::En,
            LangArg::De => Lang::De,
            LangArg::Fr => Lang::Fr,
            LangArg::Latin => Lang::OtherLatin,
        };
        let weights = match &self.weights {
            None => restitch::score::Weights::default(),
            Some(path) => serde_json::from_str(&read_file(path)?)
                .map_err(|e| input_error(format!("{}: {e}", path.display())))?,
        };
        Ok(Options { lang, reorder: !self.no_reorder, weights, ..Options::default() })
    }
}

/// An error for the user, with the exit code it maps to.
struct Failure {
    message: String,
    code: u8,
}

fn input_error(message: String) -> Failure {
    Failure { message, code: 1 }
}

/// Decodes bytes as UTF-8, naming the first bad byte's offset.
fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|e| {
        input_error(format!(
            "{name}: not valid UTF-8 (first invalid byte at offset {}); convert it first, e.g. with iconv -f GB18030 -t UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn read_file(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| input_error(format!("{}: {e}", path.display())))?;
    decode(bytes, &path.display().to_string())
}

fn read_stdin() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| input_error(format!("standard input: {e}")))?;
    decode(bytes, "standard input")
}

fn write_out(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`restitch page.txt | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure { message: format!("writing output: {e}"), code: 1 }),
    }
}

fn render_as(format: Format, repaired: &Repaired) -> String {
    match format {
        Format::Text => render::text::render(repaired),
        Format::Json => render::json::render(repaired),
        Format::Input => unreachable!("structured output is written by repair_and_render"),
    }
}

/// Repairs one input and renders it as asked.
fn repair_and_render(
    content: &str,
    input_format: InputFormat,
    output: Format,
    name: &str,
    options: &Options,
) -> Result<String, Failure> {
    let repaired = repair_input(content, input_format, name, options)?;
    if output != Format::Input {
        return Ok(render_as(output, &repaired));
    }
    let structured = input_format.resolve(content);
    if structured == formats::Format::Text {
        return Err(Failure {
            message: format!("{name}: --format input needs structured input (hOCR, ALTO, PAGE-XML or TSV)"),
            code: 2,
        });
    }
    let document = formats::read(content, structured).map_err(|e| input_error(format!("{name}: {e}")))?;
    formats::write::write(content, &document, &repaired).map_err(|e| input_error(format!("{name}: {e}")))
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        None => {
            let options = cli.repair.options()?;
            if cli.files.is_empty() {
                let text = read_stdin()?;
                return write_out(&repair_and_render(
                    &text,
                    cli.input_format,
                    cli.format,
                    "standard input",
                    &options,
                )?);
            }
            for path in &cli.files {
                let text = read_file(path)?;
                let name = path.display().to_string();
                write_out(&repair_and_render(&text, cli.input_format, cli.format, &name, &options)?)?;
            }
            Ok(())
        }
        Some(Command::Diff { file, repair: args, color }) => {
            let text = read_file(&file)?;
            if formats::detect(&text) != formats::Format::Text {
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
            let corpus = eval::corpus::load_corpus(&dir).map_err(|e| input_error(e.to_string()))?;
            if let Some(out) = fit {
                let split = split.unwrap_or_else(|| "dev".to_string());
                let set = eval::fit::training_set(corpus.iter().filter(|c| c.meta.split == split));
                let weights = eval::fit::fit_choice(&set.choices, 1.0);
                let json = serde_json::to_string_pretty(&weights).expect("weights serialise") + "\n";
                std::fs::write(&out, json).map_err(|e| input_error(format!("{}: {e}", out.display())))?;
                eprintln!(
                    "fitted on {} pieces ({} candidates) of the {split} split; layout candidates hold {} of {} gold junctions ({:.1}%)",
                    set.choices.len(),
                    set.candidates,
                    set.covered,
                    set.gold_junctions,
                    100.0 * set.covered as f64 / set.gold_junctions.max(1) as f64
                );
                return Ok(());
            }
            let options = args.options()?;
            if coordinates {
                let mut results = Vec::new();
                for case in corpus.iter().filter(|case| split.as_ref().is_none_or(|s| &case.meta.split == s))
                {
                    match eval::evaluate_case_with_coordinates(case, &options) {
                        None => {}
                        Some(Ok(result)) => results.push(result),
                        Some(Err(e)) => return Err(input_error(format!("{}: {e}", case.name))),
                    }
                }
                if cases {
                    write_out(&report::coordinate_case_lines(&results))?;
                    write_out("\n")?;
                }
                return write_out(&report::coordinate_table(&results));
            }
            let results: Vec<eval::CaseResult> = corpus
                .iter()
                .filter(|case| split.as_ref().is_none_or(|s| &case.meta.split == s))
                .map(|case| eval::evaluate_case(case, &options))
                .collect();
            if cases {
                write_out(&report::case_lines(&results))?;
                write_out("\n")?;
            }
            write_out(&report::table(&results))?;
            if let Some(floors_path) = floors {
                let text = read_file(&floors_path)?;
                let floors: report::Floors = serde_json::from_str(&text)
                    .map_err(|e| input_error(format!("{}: {e}", floors_path.display())))?;
                let summary = report::summarise(results.iter().map(|r| &r.restitch));
                let failures = report::floor_failures(&summary, &floors);
                if !failures.is_empty() {
                    return Err(Failure { message: failures.join("\n"), code: 3 });
                }
                eprintln!(
                    "floors held: article F1 {:.4} >= {:.4}, junction accuracy {} >= {:.4}",
                    summary.article_f1,
                    floors.article_f1,
                    summary.junction_accuracy.map_or("-".into(), |j| format!("{j:.4}")),
                    floors.junction_accuracy
                );
            }
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("restitch: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

//! The command line's arguments (clap) and how they map to library options.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use restitch::decode::{EncodingChoice, UnknownEncoding};
use restitch::formats;
use restitch::{Lang, Options};

use super::io::{input_error, read_file, Backup, Failure};

pub(crate) const EXAMPLES: &str = "\
Examples:
  restitch page.txt                  repaired text of one page
  ocr-tool scan.png | restitch       read standard input
  restitch --format json page.txt    JSON with provenance (input line and columns of every piece)
  restitch diff page.txt             what moved where, and what was removed
  restitch page.hocr                 structured input: columns from the word boxes
  restitch --format input page.xml   ALTO or PAGE-XML written back in the repaired order
  restitch --out-dir fixed/ scans/   every file under scans/ repaired into fixed/, in parallel
  restitch --jsonl < pages.jsonl     {\"id\", \"text\"} per line in, one result object per line out
  restitch eval corpus/              score the evaluation corpus
  restitch --encoding auto old.txt   detect a legacy encoding (GB18030, Big5, ...)
  restitch --in-place a.txt b.txt    rewrite files, keeping a.txt.orig and b.txt.orig
  restitch -o out.txt page.txt       write a file (never left half-written)

Exit codes:
  0  success
  1  input error: unreadable file, text not valid in its encoding (the
     message names the byte offset), binary data
  2  usage error: unknown option or value
  3  evaluation below its floors (restitch eval --floors)
  4  output error: the output file, in-place rewrite or backup could not be
     written (the destination is left as it was)";

/// Repair the reading order of multi-column OCR text.
///
/// Reads OCR plain text (pages separated by form feeds), or structured OCR
/// output with coordinates (Tesseract TSV, hOCR, ALTO, PAGE-XML), and writes every
/// article as one continuous text: title, paragraphs, byline. Columns glued
/// on one line are split, blocks out of order and interleaved articles are
/// put back in order, printed line breaks inside Chinese sentences and
/// soft hyphens at Latin line ends are removed. Nothing is dropped: text
/// that cannot be placed is listed as unplaced.
#[derive(Parser, Debug)]
#[command(name = "restitch", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,

    /// Input files; standard input when none is given.
    pub(crate) files: Vec<PathBuf>,

    #[command(flatten)]
    pub(crate) repair: RepairArgs,

    #[command(flatten)]
    pub(crate) input: InputArgs,

    #[command(flatten)]
    pub(crate) output: OutputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,

    /// Batch mode: write one output file per input into DIR (a folder given
    /// as input is read recursively; names keep their folders below it,
    /// with .txt or .json for the format). Files are repaired in parallel;
    /// a bad file is reported and skipped, and a summary ends the run.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["jsonl", "output", "in_place"])]
    pub(crate) out_dir: Option<PathBuf>,

    /// JSON Lines: every input line is an object {"id": any, "text": str};
    /// every output line is {"id", "text" (the repaired text), and the
    /// fields of --format json}, in input order, one for one. A bad line
    /// gives {"id", "line", "error"} and the stream goes on. For use as the
    /// map step of Spark (RDD.pipe), Hadoop streaming, Dask or Ray.
    #[arg(long, conflicts_with_all = ["in_place", "output"])]
    pub(crate) jsonl: bool,

    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub(crate) threads: Option<usize>,

    /// No progress bar and no summary (batch mode).
    #[arg(short, long)]
    pub(crate) quiet: bool,
}

/// How input bytes become text.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct InputArgs {
    /// Encoding of the input: utf-8, auto (detect), or a label such as
    /// gb18030, gbk, big5, shift_jis, euc-jp, euc-kr, utf-16le, utf-16be,
    /// windows-1252. A byte order mark wins over this. Output is UTF-8.
    #[arg(long, value_name = "NAME", default_value = "utf-8", value_parser = parse_encoding)]
    pub(crate) encoding: EncodingChoice,

    /// Input format: plain text, or structured OCR output with coordinates
    /// (Tesseract TSV, hOCR, ALTO, PAGE-XML); auto detects it from the
    /// content.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub(crate) input_format: InputFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InputFormat {
    Auto,
    Text,
    Tsv,
    Hocr,
    Alto,
    Page,
}

impl InputFormat {
    /// The format of `content` as the user asked for it or as detected.
    pub(crate) fn resolve(self, content: &str) -> formats::Format {
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

fn parse_encoding(label: &str) -> Result<EncodingChoice, UnknownEncoding> {
    label.parse()
}

/// Where the output goes (standard output by default).
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct OutputArgs {
    /// Write the output to FILE (through a temporary file and a rename:
    /// never left half-written).
    #[arg(short, long, value_name = "FILE", conflicts_with = "in_place")]
    pub(crate) output: Option<PathBuf>,

    /// Rewrite each input file with its repaired text (UTF-8), through a
    /// temporary file and an atomic rename, keeping the old file as
    /// FILE.orig unless --no-backup.
    #[arg(long, requires = "files")]
    pub(crate) in_place: bool,

    /// Suffix of the --in-place backup (default .orig); an existing backup
    /// is never overwritten.
    #[arg(long, value_name = "SUFFIX", requires = "in_place", conflicts_with = "no_backup")]
    pub(crate) backup_suffix: Option<String>,

    /// With --in-place, keep no backup.
    #[arg(long, requires = "in_place")]
    pub(crate) no_backup: bool,
}

impl OutputArgs {
    pub(crate) fn backup(&self) -> Backup {
        match (&self.backup_suffix, self.no_backup) {
            (_, true) => Backup::None,
            (Some(suffix), false) => Backup::Suffix(suffix.clone()),
            (None, false) => Backup::Suffix(".orig".to_string()),
        }
    }
}

#[derive(clap::Args, Debug, Clone)]
pub(crate) struct RepairArgs {
    /// Language of the input: selects CJK or Latin-script rules
    /// (auto decides per page from its characters).
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub(crate) lang: LangArg,

    /// Keep the input order; only cut into articles and paragraphs and join
    /// printed lines (the baseline the evaluation compares against).
    #[arg(long)]
    pub(crate) no_reorder: bool,

    /// Junction weights as JSON (default: the weights fitted on the corpus's
    /// development split, shipped with restitch).
    #[arg(long, value_name = "FILE")]
    pub(crate) weights: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Show what the repair changes: moves with input line numbers, removed
    /// characters, and a line diff. Coloured on a terminal, plain when piped.
    ///
    /// Example: restitch diff page.txt | less -R
    Diff {
        /// Input file.
        file: PathBuf,
        #[command(flatten)]
        repair: RepairArgs,
        #[command(flatten)]
        input: InputArgs,
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
pub(crate) enum Format {
    Text,
    Json,
    /// The input's own format (hOCR, ALTO, PAGE-XML, Tesseract TSV) with
    /// the reading order repaired; structured input only.
    Input,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LangArg {
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
    pub(crate) fn options(&self) -> Result<Options, Failure> {
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

//! Batch mode (`--out-dir`): many input files in, one repaired file each out.
//!
//! In: files and folders (read recursively), an output folder, a format.
//! Out: one file per input under the output folder, a progress bar on
//! stderr when it is a terminal, and a summary. Why: archives hold pages by
//! the thousand; they are repaired on every core, and one unreadable file is
//! reported and skipped rather than stopping the other nine hundred.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use restitch::Options;

use super::args::{Format, InputArgs};
use super::io::{input_error, read_input, AtomicFile, Failure};
use super::repair_and_render;

/// One input file and where its output goes.
struct Job {
    input: PathBuf,
    output: PathBuf,
}

/// What one file contributed to the summary.
#[derive(Default)]
struct Tally {
    files: usize,
    failed: usize,
    pages: usize,
    articles: usize,
    unplaced_chars: usize,
}

/// Repairs every input into `out_dir`. Fails (exit 1) after the whole batch
/// when any file failed; the others are written all the same.
pub(crate) fn run(
    inputs: &[PathBuf],
    out_dir: &Path,
    format: Format,
    input: &InputArgs,
    options: &Options,
    quiet: bool,
) -> Result<(), Failure> {
    let started = Instant::now();
    let jobs = plan(inputs, out_dir, format)?;
    let progress = if quiet || !std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(Some(jobs.len() as u64), ProgressDrawTarget::hidden())
    } else {
        ProgressBar::new(jobs.len() as u64)
    };
    progress.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} files, {elapsed} (about {eta} left) {wide_msg}")
            .expect("the template is valid"),
    );
    let tally = jobs
        .par_iter()
        .map(|job| {
            let outcome = repair_file(job, format, input, options);
            progress.inc(1);
            match outcome {
                Ok((tally, warnings)) => {
                    for warning in warnings {
                        progress.suspend(|| eprintln!("restitch: {warning}"));
                    }
                    tally
                }
                Err(message) => {
                    progress.suspend(|| eprintln!("restitch: {message} (skipped)"));
                    Tally { files: 1, failed: 1, ..Tally::default() }
                }
            }
        })
        .reduce(Tally::default, |a, b| Tally {
            files: a.files + b.files,
            failed: a.failed + b.failed,
            pages: a.pages + b.pages,
            articles: a.articles + b.articles,
            unplaced_chars: a.unplaced_chars + b.unplaced_chars,
        });
    progress.finish_and_clear();
    if !quiet {
        eprintln!(
            "restitch: {} files ({} failed), {} pages, {} articles, {} unplaced characters, {:.2} s",
            tally.files,
            tally.failed,
            tally.pages,
            tally.articles,
            tally.unplaced_chars,
            started.elapsed().as_secs_f64()
        );
    }
    if tally.failed > 0 {
        return Err(input_error(format!("{} of {} files failed", tally.failed, tally.files)));
    }
    Ok(())
}

/// Repairs one file into its output; the tally and any warnings about
/// pages left in input order, or why the file was skipped.
fn repair_file(
    job: &Job,
    format: Format,
    input: &InputArgs,
    options: &Options,
) -> Result<(Tally, Vec<String>), String> {
    let text = read_input(&job.input, input.encoding).map_err(|failure| failure.message)?;
    let name = job.input.display().to_string();
    let (repaired, rendered, warnings) = repair_and_render(&name, &text, input.input_format, format, options)
        .map_err(|failure| failure.message)?;
    if let Some(folder) = job.output.parent() {
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    let mut output = AtomicFile::create(&job.output).map_err(|failure| failure.message)?;
    output.write(&rendered).map_err(|failure| failure.message)?;
    output.commit(None).map_err(|failure| failure.message)?;
    let tally = Tally {
        files: 1,
        failed: 0,
        pages: repaired.pages.len(),
        articles: repaired.articles().count(),
        unplaced_chars: repaired
            .pages
            .iter()
            .flat_map(|p| &p.unplaced)
            .map(|u| u.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum(),
    };
    Ok((tally, warnings))
}

/// Lists the jobs: every file argument, and every file below a folder
/// argument, each with its output path. Refuses a batch that would write
/// two inputs to one output or overwrite an input.
fn plan(inputs: &[PathBuf], out_dir: &Path, format: Format) -> Result<Vec<Job>, Failure> {
    // Structured output keeps the input's own extension (.hocr, .xml, .tsv).
    let named = |path: &Path| match format {
        Format::Text => path.with_extension("txt"),
        Format::Json => path.with_extension("json"),
        Format::Input => path.to_path_buf(),
    };
    let mut jobs = Vec::new();
    for input in inputs {
        let metadata =
            std::fs::metadata(input).map_err(|e| input_error(format!("{}: {e}", input.display())))?;
        if metadata.is_dir() {
            for file in files_below(input)? {
                let relative = named(file.strip_prefix(input).unwrap_or(&file));
                jobs.push(Job { output: out_dir.join(relative), input: file });
            }
        } else {
            let name = named(Path::new(input.file_name().unwrap_or(input.as_os_str())));
            jobs.push(Job { output: out_dir.join(name), input: input.clone() });
        }
    }
    let mut sources: BTreeMap<&Path, &Path> = BTreeMap::new();
    for job in &jobs {
        if let Some(other) = sources.insert(&job.output, &job.input) {
            return Err(Failure {
                message: format!(
                    "{} and {} would both be written to {}; give them different names or separate runs",
                    other.display(),
                    job.input.display(),
                    job.output.display()
                ),
                code: 2,
            });
        }
    }
    for job in &jobs {
        let same =
            |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y);
        if same(&job.input, &job.output) {
            return Err(Failure {
                message: format!(
                    "{} would be overwritten by its own output; choose another --out-dir",
                    job.input.display()
                ),
                code: 2,
            });
        }
    }
    Ok(jobs)
}

/// Regular files below `folder`, recursively, sorted, hidden ones skipped.
fn files_below(folder: &Path) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries =
            std::fs::read_dir(&current).map_err(|e| input_error(format!("{}: {e}", current.display())))?;
        for entry in entries {
            let entry = entry.map_err(|e| input_error(format!("{}: {e}", current.display())))?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type().map_err(|e| input_error(format!("{}: {e}", path.display())))?;
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

//! `restitch eval`: score the corpus, check the floors, or fit the weights.

use std::path::{Path, PathBuf};

use restitch::eval::{self, report};

use super::args::RepairArgs;
use super::io::{input_error, read_file, write_out, AtomicFile, Failure};

pub(crate) fn run(
    dir: &Path,
    split: Option<String>,
    cases: bool,
    floors: Option<PathBuf>,
    coordinates: bool,
    fit: Option<PathBuf>,
    args: &RepairArgs,
) -> Result<(), Failure> {
    let corpus = eval::corpus::load_corpus(dir).map_err(|e| input_error(e.to_string()))?;
    if let Some(out) = fit {
        let split = split.unwrap_or_else(|| "dev".to_string());
        let set = eval::fit::training_set(corpus.iter().filter(|c| c.meta.split == split));
        let weights = eval::fit::fit_choice(&set.choices, 1.0);
        let json = serde_json::to_string_pretty(&weights).expect("weights serialise") + "\n";
        // Through a temporary file: a failed write never leaves half a weights file.
        let mut file = AtomicFile::create(&out)?;
        file.write(&json)?;
        file.commit(None)?;
        let share = |part: usize, whole: usize| 100.0 * part as f64 / whole.max(1) as f64;
        eprintln!(
            "fitted on {} pieces ({} candidates) of the {split} split; layout candidates hold {} of {} gold junctions ({:.1}%) and {} of {} junctions placed in the gold text of pages without gold pieces ({:.1}%, {} pieces)",
            set.choices.len(),
            set.candidates,
            set.covered,
            set.gold_junctions,
            share(set.covered, set.gold_junctions),
            set.placed_covered,
            set.placed_junctions,
            share(set.placed_covered, set.placed_junctions),
            set.placed_choices
        );
        return Ok(());
    }
    let options = args.options()?;
    if coordinates {
        let mut results = Vec::new();
        for case in corpus.iter().filter(|case| split.as_ref().is_none_or(|s| &case.meta.split == s)) {
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

//! JSON Lines mode (`--jsonl`): one page record in per line, one result out.
//!
//! In: lines `{"id": any, "text": str}` on standard input or in files. Out:
//! one line per input line, in the same order — `{"id", "text", ...}` with
//! the repaired text and the fields of the JSON output — or `{"id", "line",
//! "error"}` for a line that is not such an object. Why: distributed engines
//! (Spark's `RDD.pipe`, Hadoop streaming, Dask, Ray) stream records through
//! a command and pair output lines with input lines by position, so the
//! stream never stops early and never drops or adds a line.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use serde_json::{json, Value};

use restitch::{render, repair, Options};

use super::io::{input_error, output_error, Failure};

/// Lines repaired together: enough to keep every core busy, few enough
/// that results stream out steadily.
const CHUNK: usize = 256;

pub(crate) fn run(files: &[PathBuf], options: &Options) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if files.is_empty() {
        return stream(BufReader::new(std::io::stdin().lock()), "standard input", options, &mut out);
    }
    for path in files {
        let file = std::fs::File::open(path).map_err(|e| input_error(format!("{}: {e}", path.display())))?;
        stream(BufReader::new(file), &path.display().to_string(), options, &mut out)?;
    }
    Ok(())
}

fn stream(reader: impl BufRead, name: &str, options: &Options, out: &mut impl Write) -> Result<(), Failure> {
    let mut lines = reader.split(b'\n');
    let mut number = 0;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        for line in lines.by_ref().take(CHUNK) {
            let line = line.map_err(|e| input_error(format!("{name}: {e}")))?;
            number += 1;
            chunk.push((number, line));
        }
        if chunk.is_empty() {
            return Ok(());
        }
        let results: Vec<String> =
            chunk.par_iter().map(|(number, line)| result_line(*number, line, options)).collect();
        for result in results {
            match out.write_all(result.as_bytes()).and_then(|()| out.write_all(b"\n")) {
                Ok(()) => {}
                // The reader has gone (`| head`): stop quietly.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                Err(e) => return Err(output_error(format!("writing output: {e}"))),
            }
        }
        if let Err(e) = out.flush() {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                return Err(output_error(format!("writing output: {e}")));
            }
        }
    }
}

/// The output line for one input line (without its newline).
fn result_line(number: usize, line: &[u8], options: &Options) -> String {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let record: Result<Value, String> = serde_json::from_slice(line).map_err(|e| format!("not JSON: {e}"));
    let id = record.as_ref().ok().and_then(|r| r.get("id")).cloned().unwrap_or(Value::Null);
    let text = record.and_then(|r| match r.get("text") {
        Some(Value::String(text)) => Ok(text.clone()),
        Some(_) => Err("\"text\" is not a string".to_string()),
        None => Err("no \"text\" field".to_string()),
    });
    let value = match text {
        Ok(text) => {
            let repaired = repair(&text, options);
            let mut value = json!({ "id": id, "text": render::text::render(&repaired) });
            if let (Value::Object(fields), Value::Object(document)) =
                (&mut value, render::json::to_value(&repaired))
            {
                fields.extend(document);
            }
            value
        }
        Err(error) => json!({ "id": id, "line": number, "error": error }),
    };
    value.to_string()
}

//! Builds the Chinese character language model, `data/zh_chars.fst`, that
//! the language signal (`src/score/language.rs`) reads, and with `--words`
//! the English and German word bigram models, `data/en_bigrams.fst` and
//! `data/de_bigrams.fst`, that the word language model
//! (`src/parse/word_language.rs`) reads.
//!
//! In: UTF-8 (or Windows-1252) text files or folders of them (a `.conllu` file gives only its
//! `# text = ` lines; a Markdown file loses its front matter and comments,
//! and for the word model keeps only its prose, one paragraph a line: see
//! `markdown_prose`).
//! Out: an FST map from every Han character, every kept pair and every kept
//! triple of adjacent Han characters to its count, plus the total count of
//! Han characters under the key `#`. Why: counts are all a backoff model
//! needs, and an FST map is searched in place from the bytes compiled into
//! the binary, so the model costs nothing to load.
//!
//! Only runs of Han characters are counted: punctuation, digits, Latin
//! letters and line ends cut the context, as a printed line break cuts it
//! for the engine. Pairs seen fewer than `MIN_PAIR` times and triples seen
//! fewer than `MIN_TRIPLE` times are pruned to keep the file small.
//!
//! With `--words`, words are whitespace-separated tokens as
//! `word_language::token` reads them (lower-cased, punctuation trimmed);
//! a pair is counted when no punctuation stands between its two words.
//! Words seen fewer than `MIN_WORD` times and pairs seen fewer than
//! `MIN_WORD_PAIR` times (or holding a pruned word) are pruned.
//!
//! With `--words --counts [--pair-divisor N] [--min-pair C] UNIGRAMS PAIRS OUTPUT_FST`,
//! the word model is built from published count lists instead of text:
//! UNIGRAMS holds lines "word count", PAIRS lines "first second count"
//! (SymSpell's English lists: docs/HISTORY.md, eighteenth session). Words are reduced with
//! `word_language::token` as the engine reads them; the total under `#` is
//! the sum of the unigram counts, so that a pair's count over its first
//! word's count and a word's count over the total are in the same units.
//! Where the pair list counts in other units than the word list (SymSpell's
//! pair counts are all multiples of 64, and up to 63 times their first
//! word's count), `--pair-divisor` brings them back; the build fails when a
//! pair is then counted more often than either of its words. `--min-pair`
//! prunes pairs seen fewer times (after the division) to keep the file small.
//!
//! `--check CORPUS` reads every case's `gold.json` below CORPUS (the
//! Chinese ones for the character model, all others for the word model)
//! and fails when any run of 20 non-space characters (character model) or
//! of 12 words (word model) of its articles occurs in the training text:
//! the model must never have seen evaluation text.
//!
//! Run (sources and their commits in `data/README.md`):
//!   cargo run --release --example build_language_model -- --check corpus data/zh_chars.fst SOURCE...
//!   cargo run --release --example build_language_model -- --words --check corpus data/en_bigrams.fst SOURCE...
//!   cargo run --release --example build_language_model -- --words --counts --pair-divisor 64 UNIGRAMS PAIRS data/en_bigrams.fst

use std::collections::{BTreeMap, HashMap, HashSet};
use std::error::Error;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use restitch::parse::chars::is_han;
use restitch::parse::word_language::{self, PAIR_SEPARATOR, TOTAL_KEY};

/// Pairs seen fewer times than this are pruned.
const MIN_PAIR: u64 = 2;
/// Triples seen fewer times than this are pruned.
const MIN_TRIPLE: u64 = 3;
/// Length of the runs compared against the evaluation text.
const OVERLAP_RUN: usize = 20;
/// Words seen fewer times than this are pruned (word model).
const MIN_WORD: u64 = 2;
/// Pairs of words seen fewer times than this are pruned (word model).
const MIN_WORD_PAIR: u64 = 2;
/// Length, in words, of the runs compared against the evaluation text
/// (word model).
const OVERLAP_WORDS: usize = 12;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let words = args.first().is_some_and(|a| a == "--words");
    if words {
        args.remove(0);
    }
    if words && args.first().is_some_and(|a| a == "--counts") {
        return build_word_model_from_counts(&args[1..]);
    }
    let mut check = None;
    if args.first().is_some_and(|a| a == "--check") && args.len() > 1 {
        check = Some(PathBuf::from(args.remove(1)));
        args.remove(0);
    }
    let Some((target, sources)) = args.split_first().filter(|(_, sources)| !sources.is_empty()) else {
        return Err("usage: build_language_model [--words] [--check CORPUS] OUTPUT_FST SOURCE...".into());
    };
    let mut files = Vec::new();
    for source in sources {
        collect_files(Path::new(source), &mut files)?;
    }
    files.sort();
    let texts: Vec<String> = files.iter().map(|f| read_training_text(f, words)).collect::<Result<_, _>>()?;

    if words {
        if let Some(corpus) = check {
            check_runs(
                &texts,
                &corpus,
                "Latin-script",
                |lang| lang != "zh",
                normalised_words,
                OVERLAP_WORDS,
                |w| w.join(" "),
            )?;
        }
        return build_word_model(&texts, target, files.len());
    }
    if let Some(corpus) = check {
        check_runs(
            &texts,
            &corpus,
            "Chinese",
            |lang| lang == "zh",
            without_space,
            OVERLAP_RUN,
            |w| w.iter().collect(),
        )?;
    }

    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut total = 0u64;
    for text in &texts {
        for run in han_runs(text) {
            total += run.len() as u64;
            for n in 1..=3 {
                for gram in run.windows(n) {
                    *counts.entry(gram.iter().collect()).or_default() += 1;
                }
            }
        }
    }
    let kept: BTreeMap<String, u64> = counts
        .into_iter()
        .filter(|(gram, count)| match gram.chars().count() {
            1 => true,
            2 => *count >= MIN_PAIR,
            _ => *count >= MIN_TRIPLE,
        })
        .chain(std::iter::once(("#".to_string(), total)))
        .collect();
    let map = fst::Map::from_iter(kept.iter().map(|(k, v)| (k.as_bytes(), *v)))?;
    std::fs::write(target, map.as_fst().as_bytes())?;
    let by_order = |n: usize| kept.keys().filter(|k| k.chars().count() == n && k.as_str() != "#").count();
    eprintln!(
        "{} files, {total} Han characters; kept {} characters, {} pairs, {} triples; {} bytes written to {target}",
        files.len(),
        by_order(1),
        by_order(2),
        by_order(3),
        map.as_fst().as_bytes().len()
    );
    Ok(())
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), Box<dyn Error>> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            collect_files(&entry?.path(), out)?;
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// The prose of one training file: sentence lines of a treebank, the body
/// of a Markdown file, all of a plain text file.
fn read_training_text(path: &Path, words: bool) -> Result<String, Box<dyn Error>> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    // Older plain-text transcripts are often Windows-1252 (curly quotes,
    // dashes); anything that is not UTF-8 is read as that.
    let raw = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => encoding_rs::WINDOWS_1252.decode(e.as_bytes()).0.into_owned(),
    };
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    Ok(match extension {
        "conllu" => raw.lines().filter_map(|l| l.strip_prefix("# text = ")).collect::<Vec<_>>().join("\n"),
        "md" if words => markdown_prose(&raw),
        "md" => {
            let mut in_front_matter = false;
            let mut out = String::new();
            for (index, line) in raw.lines().enumerate() {
                if line.trim() == "---" && (index == 0 || in_front_matter) {
                    in_front_matter = index == 0;
                    continue;
                }
                if in_front_matter || line.trim_start().starts_with("<!--") {
                    continue;
                }
                out.push_str(line);
                out.push('\n');
            }
            out
        }
        _ => raw,
    })
}

/// The prose of a Markdown file, one paragraph a line: front matter,
/// comments, headings, table rows, rules and definition-list details (the
/// statutes' amendment records) are dropped, and a paragraph's hard-wrapped
/// lines are joined, so that a pair of words across a wrap is counted as in
/// running text. Why: the word model counts pairs within a line only.
fn markdown_prose(raw: &str) -> String {
    let mut in_front_matter = false;
    let mut out = String::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, out: &mut String| {
        if !paragraph.is_empty() {
            out.push_str(&paragraph.join(" "));
            out.push('\n');
            paragraph.clear();
        }
    };
    for (index, line) in raw.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed == "---" && (index == 0 || in_front_matter) {
            in_front_matter = index == 0;
            continue;
        }
        if in_front_matter {
            continue;
        }
        let markup = trimmed.starts_with("<!--")
            || trimmed.starts_with('#')
            || trimmed.starts_with('|')
            || trimmed.starts_with(':')
            || (trimmed.len() >= 3
                && trimmed.chars().all(|c| matches!(c, '-' | '=' | '+' | '*' | '_' | '|' | ' ')));
        if trimmed.is_empty() || markup {
            flush(&mut paragraph, &mut out);
            continue;
        }
        // A list item's first line opens a paragraph of its own.
        let item = trimmed.starts_with("* ")
            || trimmed.split_once("  ").is_some_and(|(marker, _)| {
                marker.len() <= 5 && marker.ends_with(['.', ')']) && !marker.contains(' ')
            });
        if item {
            flush(&mut paragraph, &mut out);
        }
        paragraph.push(trimmed);
    }
    flush(&mut paragraph, &mut out);
    out
}

/// The maximal runs of adjacent Han characters.
fn han_runs(text: &str) -> impl Iterator<Item = Vec<char>> + '_ {
    text.split(|c: char| !is_han(c)).filter(|run| !run.is_empty()).map(|run| run.chars().collect())
}

fn without_space(text: &str) -> Vec<char> {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Fails when a run of `run` units (characters, words) of the gold articles
/// of any case whose language `wanted` accepts occurs in the training text;
/// `units` cuts a text into them and `shown` writes a run back for the
/// report.
fn check_runs<T: Hash>(
    texts: &[String],
    corpus: &Path,
    what: &str,
    wanted: impl Fn(&str) -> bool,
    units: impl Fn(&str) -> Vec<T>,
    run: usize,
    shown: impl Fn(&[T]) -> String,
) -> Result<(), Box<dyn Error>> {
    let hash = |window: &[T]| {
        let mut hasher = DefaultHasher::new();
        window.hash(&mut hasher);
        hasher.finish()
    };
    let mut seen: HashSet<u64> = HashSet::new();
    for text in texts {
        seen.extend(units(text).windows(run).map(hash));
    }
    let (mut cases, mut runs, mut hits) = (0usize, 0usize, Vec::new());
    for (dir, parts) in gold_parts(corpus, &wanted)? {
        cases += 1;
        for part in parts {
            for window in units(&part).windows(run) {
                runs += 1;
                if seen.contains(&hash(window)) {
                    hits.push(format!("{}: {}", dir.display(), shown(window)));
                }
            }
        }
    }
    eprintln!(
        "overlap check: {cases} {what} cases, {runs} runs of {run}, {} found in the training text",
        hits.len()
    );
    if hits.is_empty() {
        Ok(())
    } else {
        for hit in hits.iter().take(20) {
            eprintln!("  {hit}");
        }
        Err("the training text overlaps the evaluation corpus".into())
    }
}

/// Counts words and pairs of adjacent words and writes the pruned counts.
fn build_word_model(texts: &[String], target: &str, files: usize) -> Result<(), Box<dyn Error>> {
    let mut unigrams: HashMap<String, u64> = HashMap::new();
    let mut pairs: HashMap<(String, String), u64> = HashMap::new();
    let mut total = 0u64;
    for text in texts {
        for line in text.lines() {
            let mut previous: Option<word_language::Token> = None;
            for raw in line.split_whitespace() {
                let token = word_language::token(raw);
                if let Some(t) = &token {
                    total += 1;
                    *unigrams.entry(t.word.clone()).or_default() += 1;
                    if let Some(p) = previous.as_ref().filter(|p| p.open_end && t.open_start) {
                        *pairs.entry((p.word.clone(), t.word.clone())).or_default() += 1;
                    }
                }
                previous = token;
            }
        }
    }
    let kept_word = |w: &str| unigrams.get(w).is_some_and(|&c| c >= MIN_WORD);
    let words = unigrams.iter().filter(|(w, _)| kept_word(w)).map(|(w, &c)| (w.clone(), c)).collect();
    let written = write_word_model(
        words,
        &pairs,
        |a, b, c| c >= MIN_WORD_PAIR && kept_word(a) && kept_word(b),
        total,
        target,
    )?;
    eprintln!(
        "{files} files, {total} words ({} distinct); kept {} words, {} pairs; {} bytes written to {target}",
        unigrams.len(),
        written.words,
        written.pairs,
        written.bytes
    );
    Ok(())
}

/// What [`write_word_model`] kept and wrote.
struct WrittenModel {
    words: usize,
    pairs: usize,
    bytes: usize,
}

/// Writes the word model's FST map to `target`: the given words with their
/// counts, the pairs `keep_pair` accepts (keyed "first second"), and the
/// total under `TOTAL_KEY`, the layout `word_language::Model` reads.
fn write_word_model(
    words: BTreeMap<String, u64>,
    pairs: &HashMap<(String, String), u64>,
    keep_pair: impl Fn(&str, &str, u64) -> bool,
    total: u64,
    target: &str,
) -> Result<WrittenModel, Box<dyn Error>> {
    let word_count = words.len();
    let mut kept = words;
    let mut pair_count = 0;
    for ((a, b), &c) in pairs {
        if keep_pair(a, b, c) {
            kept.insert(format!("{a}{PAIR_SEPARATOR}{b}"), c);
            pair_count += 1;
        }
    }
    kept.insert(TOTAL_KEY.to_string(), total);
    let map = fst::Map::from_iter(kept.iter().map(|(k, v)| (k.as_bytes(), *v)))?;
    std::fs::write(target, map.as_fst().as_bytes())?;
    Ok(WrittenModel { words: word_count, pairs: pair_count, bytes: map.as_fst().as_bytes().len() })
}

/// Builds the word model from count lists (`--words --counts`): see the
/// module comment.
fn build_word_model_from_counts(args: &[String]) -> Result<(), Box<dyn Error>> {
    let usage = "usage: build_language_model --words --counts [--pair-divisor N] [--min-pair C] UNIGRAMS PAIRS OUTPUT_FST";
    let mut args = args.to_vec();
    let mut option = |name: &str| -> Result<Option<u64>, Box<dyn Error>> {
        match args.iter().position(|a| a == name) {
            Some(at) if at + 1 < args.len() => {
                let value = args.remove(at + 1).parse::<u64>().map_err(|e| format!("{name}: {e}"))?;
                args.remove(at);
                Ok(Some(value))
            }
            Some(_) => Err(usage.into()),
            None => Ok(None),
        }
    };
    let divisor = option("--pair-divisor")?.unwrap_or(1).max(1);
    let min_pair = option("--min-pair")?.unwrap_or(1);
    let [unigram_file, pair_file, target] = args.as_slice() else { return Err(usage.into()) };
    let fields = |line: &str| line.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let count_of = |field: &str, line: &str| -> Result<u64, Box<dyn Error>> {
        field.parse::<u64>().map_err(|e| format!("{line:?}: {e}").into())
    };
    // Words as the engine reads them (lower-cased, curly apostrophes
    // straightened); two entries that read as one word add up.
    let word_of =
        |raw: &str| word_language::token(raw).filter(|t| t.open_start && t.open_end).map(|t| t.word);
    let mut unigrams: HashMap<String, u64> = HashMap::new();
    let (mut total, mut dropped_words) = (0u64, 0usize);
    for line in std::fs::read_to_string(unigram_file)?.lines().filter(|l| !l.trim().is_empty()) {
        let [raw, count] = fields(line).try_into().map_err(|_| format!("not \"word count\": {line:?}"))?;
        let count = count_of(&count, line)?;
        total += count;
        match word_of(&raw) {
            Some(word) => *unigrams.entry(word).or_default() += count,
            None => dropped_words += 1,
        }
    }
    let mut pairs: HashMap<(String, String), u64> = HashMap::new();
    let mut dropped_pairs = 0usize;
    for line in std::fs::read_to_string(pair_file)?.lines().filter(|l| !l.trim().is_empty()) {
        let [first, second, count] =
            fields(line).try_into().map_err(|_| format!("not \"first second count\": {line:?}"))?;
        let count = count_of(&count, line)? / divisor;
        match (word_of(&first), word_of(&second)) {
            (Some(a), Some(b)) if unigrams.contains_key(&a) && unigrams.contains_key(&b) => {
                *pairs.entry((a, b)).or_default() += count;
            }
            _ => dropped_pairs += 1,
        }
    }
    // Units: a pair is never more frequent than either of its words.
    let over: Vec<String> = pairs
        .iter()
        .filter(|((a, b), &c)| c > unigrams[a] || c > unigrams[b])
        .map(|((a, b), c)| format!("{a} {b} {c} (words {} {})", unigrams[a], unigrams[b]))
        .collect();
    if !over.is_empty() {
        for o in over.iter().take(10) {
            eprintln!("  {o}");
        }
        return Err(format!(
            "{} pairs are counted more often than one of their words: wrong --pair-divisor?",
            over.len()
        )
        .into());
    }
    let words = unigrams.iter().map(|(w, &c)| (w.clone(), c)).collect();
    let written = write_word_model(words, &pairs, |_, _, c| c >= min_pair && c > 0, total, target)?;
    eprintln!(
        "{total} words counted; kept {} words ({dropped_words} entries not read as a word), \
         {} pairs ({} below {min_pair}, {dropped_pairs} not of two kept words); {} bytes written to {target}",
        written.words,
        written.pairs,
        pairs.len() - written.pairs,
        written.bytes
    );
    Ok(())
}

/// A text as its sequence of words, lower-cased and stripped of
/// punctuation, for the overlap check (tokens that carry no word, such as
/// numbers, stay as they are so that runs do not skip them).
fn normalised_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|raw| match word_language::token(raw) {
            Some(t) => t.word,
            None => raw.to_lowercase(),
        })
        .collect()
}

/// One evaluation case's folder with the texts of its gold articles.
type GoldTexts = (PathBuf, Vec<String>);

/// The titles, paragraphs and bylines of every case below `corpus` whose
/// gold language passes `keep`, case by case.
fn gold_parts(corpus: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<GoldTexts>, Box<dyn Error>> {
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(corpus)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    dirs.sort();
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(gold) = std::fs::read_to_string(dir.join("gold.json")) else { continue };
        let gold: serde_json::Value = serde_json::from_str(&gold)?;
        if !keep(gold["lang"].as_str().unwrap_or("")) {
            continue;
        }
        let mut parts: Vec<String> = Vec::new();
        for article in gold["articles"].as_array().into_iter().flatten() {
            parts.extend(article["title"].as_str().map(String::from));
            parts.extend(
                article["paragraphs"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p.as_str().map(String::from)),
            );
            parts.extend(article["byline"].as_str().map(String::from));
        }
        out.push((dir, parts));
    }
    Ok(out)
}

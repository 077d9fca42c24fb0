//! Load evaluation cases from a corpus folder.
//!
//! A case is a folder holding `input.txt` (scrambled text), `gold.json` (the
//! true articles, and where known the true order of input pieces) and
//! `meta.json` (family, language, split, faults, source). See
//! `corpus/README.md` for the formats.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One gold article.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldArticle {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub byline: Option<String>,
}

impl GoldArticle {
    /// Title, paragraphs and byline, one after another.
    pub fn text(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(self.title.as_deref());
        parts.extend(self.paragraphs.iter().map(String::as_str));
        parts.extend(self.byline.as_deref());
        parts.join("\n")
    }
}

/// The truth for one case.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Gold {
    pub lang: String,
    pub articles: Vec<GoldArticle>,
    /// Per article, the verbatim input pieces in reading order.
    #[serde(default)]
    pub pieces: Option<Vec<Vec<String>>>,
    /// Input text that belongs to no article.
    #[serde(default)]
    pub unplaced: Vec<String>,
}

/// What a case is.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Meta {
    pub family: String,
    pub lang: String,
    pub split: String,
    #[serde(default)]
    pub faults: Vec<String>,
}

/// One evaluation case.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub input: String,
    pub gold: Gold,
    pub meta: Meta,
    /// The same page as structured OCR output with word boxes
    /// (`ocr.tsv`, Tesseract's TSV of the run that wrote `input.txt`),
    /// where the case has one.
    pub structured: Option<String>,
    /// Tesseract's own layout analysis of the same page image
    /// (`psm3.txt`, `--psm 3` plain text), where the case has it.
    pub psm3: Option<String>,
}

impl Case {
    /// True for Chinese and Japanese cases, whose comparison ignores spaces.
    pub fn is_cjk(&self) -> bool {
        matches!(self.meta.lang.as_str(), "zh" | "ja")
    }
}

/// Why a corpus could not be loaded.
#[derive(Debug)]
pub struct CorpusError {
    pub path: PathBuf,
    pub problem: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.problem)
    }
}

impl std::error::Error for CorpusError {}

fn read(path: &Path) -> Result<String, CorpusError> {
    std::fs::read_to_string(path)
        .map_err(|e| CorpusError { path: path.to_path_buf(), problem: e.to_string() })
}

fn parse_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, CorpusError> {
    serde_json::from_str(&read(path)?)
        .map_err(|e| CorpusError { path: path.to_path_buf(), problem: e.to_string() })
}

/// Loads one case folder.
pub fn load_case(dir: &Path) -> Result<Case, CorpusError> {
    Ok(Case {
        name: dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        input: read(&dir.join("input.txt"))?,
        gold: parse_json(&dir.join("gold.json"))?,
        meta: parse_json(&dir.join("meta.json"))?,
        structured: dir.join("ocr.tsv").is_file().then(|| read(&dir.join("ocr.tsv"))).transpose()?,
        psm3: dir.join("psm3.txt").is_file().then(|| read(&dir.join("psm3.txt"))).transpose()?,
    })
}

/// Loads every case folder (a folder holding `input.txt`) under `root`, in
/// name order.
pub fn load_corpus(root: &Path) -> Result<Vec<Case>, CorpusError> {
    let entries = std::fs::read_dir(root)
        .map_err(|e| CorpusError { path: root.to_path_buf(), problem: e.to_string() })?;
    let mut dirs: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("input.txt").is_file()).collect();
    dirs.sort();
    dirs.iter().map(|d| load_case(d)).collect()
}

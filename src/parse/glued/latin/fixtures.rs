//! Helpers shared by the unit tests of the glued Latin cutter: a line's
//! words from invented text, a line cut at a width, a page's piece texts.

use super::line_cut::cut_words;
use super::width::ColumnWidth;
use super::word::{span, Word};
use super::words::words;
use crate::parse::classify::is_latin_dateline_start;
use crate::parse::word_language;
use crate::parse::Page;

pub(super) fn texts(page: &Page) -> Vec<&str> {
    page.pieces.iter().map(|p| p.text.as_str()).collect()
}

pub(super) fn line(text: &str) -> Vec<Word> {
    words(&text.chars().collect::<Vec<_>>(), 0, word_language::model(), is_latin_dateline_start(text))
}

pub(super) fn pieces_of(text: &str, width: f32) -> Vec<String> {
    let words = line(text);
    cut_words(&words, ColumnWidth(width), None)
        .into_iter()
        .map(|r| text.chars().skip(words[r.start].start).take(span(&words, &r)).collect())
        .collect()
}

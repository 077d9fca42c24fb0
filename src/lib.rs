//! restitch: repair the reading order of multi-column OCR text.
pub mod parse;
pub mod score;

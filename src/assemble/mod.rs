//! Assemble: scored junctions in, articles out.
//!
//! [`chains`] picks one successor per piece globally; [`articles`] cuts the
//! chains at headlines and bylines and groups them into articles with title,
//! paragraphs and byline; [`text`] joins the pieces of a paragraph into clean
//! text (CJK line-break spaces dropped, soft hyphens joined).

pub mod articles;
pub mod chains;
pub mod text;

pub use articles::{Article, Assembly, Paragraph};
pub use chains::Chain;

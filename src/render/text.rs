//! Plain-text output: one article after another.
//!
//! Each article is its title, its paragraphs and its byline, separated by
//! blank lines; articles are separated by a line holding `* * *`, pages by a
//! form feed (as the input had them). Unplaced text follows the articles of
//! its page under a `[unplaced]` line, one piece a line, each prefixed with
//! its input line number, so nothing is lost and nothing is glued into a
//! sentence where it does not belong.

use std::fmt::Write;

use crate::{Repaired, RepairedPage};

/// The line that separates two articles.
pub const ARTICLE_SEPARATOR: &str = "* * *";

/// Renders the whole document.
pub fn render(repaired: &Repaired) -> String {
    let pages: Vec<String> = repaired.pages.iter().map(render_page).collect();
    pages.join("\u{000C}")
}

fn render_page(page: &RepairedPage) -> String {
    let mut out = String::new();
    for (index, article) in page.articles.iter().enumerate() {
        if index > 0 {
            let _ = write!(out, "\n{ARTICLE_SEPARATOR}\n\n");
        }
        let blocks = article.title.iter().chain(article.paragraphs.iter()).chain(article.byline.iter());
        for (i, block) in blocks.enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(block);
            out.push('\n');
        }
    }
    if !page.unplaced.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str("[unplaced]\n");
        for piece in &page.unplaced {
            let _ = writeln!(out, "line {}: {}", piece.span.line, piece.text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{repair, Options};

    #[test]
    fn articles_are_separated_and_unplaced_listed() {
        let text = "第一篇标题\n\n第一段。\n\n(张三 李四)\n\n第二篇标题\n\n第二段。\n\n春 夏\n";
        let out = super::render(&repair(text, &Options::default()));
        assert!(out.contains("* * *"), "{out}");
        assert!(out.contains("[unplaced]\nline 11: 春\nline 11: 夏\n"), "{out}");
    }
}

//! Before/after view for a reviewer.
//!
//! In: the input text and its repair. Out: a report in three parts: the
//! moves (for each article, the runs of input it was stitched from, with
//! input line numbers, and which runs were moved out of input order), what
//! the joins removed (line-break spaces, hyphens), and a line diff of input
//! against output made with `similar`. Coloured for a terminal, plain when
//! piped.

use std::collections::HashMap;
use std::fmt::Write;

use similar::{ChangeTag, TextDiff};

use crate::parse::SourceSpan;
use crate::Repaired;

/// ANSI styles, or nothing when output is not a terminal.
struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, style: anstyle::Style, text: &str) -> String {
        if self.on {
            format!("{}{}{}", style.render(), text, style.render_reset())
        } else {
            text.to_string()
        }
    }
}

fn fg(color: anstyle::AnsiColor) -> anstyle::Style {
    anstyle::Style::new().fg_color(Some(color.into()))
}

/// A run of pieces that were consecutive in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    first: SourceSpan,
    last: SourceSpan,
    /// The run does not continue where the previous run of the same
    /// article stopped in the input.
    moved: bool,
}

fn describe(span_a: SourceSpan, span_b: SourceSpan) -> String {
    if span_a.line == span_b.line {
        format!("line {} cols {}-{}", span_a.line, span_a.start, span_b.end)
    } else {
        format!("lines {}:{}-{}:{}", span_a.line, span_a.start, span_b.line, span_b.end)
    }
}

/// Groups an article's sources into runs of consecutive input pieces.
fn runs(sources: &[SourceSpan], rank: &HashMap<(usize, usize), usize>) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut previous_rank: Option<usize> = None;
    for &span in sources {
        let r = rank[&(span.line, span.start)];
        match (runs.last_mut(), previous_rank) {
            (Some(run), Some(p)) if r == p + 1 => run.last = span,
            _ => runs.push(Run { first: span, last: span, moved: previous_rank.is_some_and(|p| r != p + 1) }),
        }
        previous_rank = Some(r);
    }
    runs
}

/// Renders the review report. `color` turns ANSI colours on.
pub fn render(input: &str, repaired: &Repaired, output: &str, color: bool) -> String {
    let paint = Paint { on: color };
    let mut all: Vec<SourceSpan> = repaired
        .pages
        .iter()
        .flat_map(|p| {
            p.articles.iter().flat_map(|a| a.sources.iter().copied()).chain(p.unplaced.iter().map(|u| u.span))
        })
        .collect();
    all.sort_by_key(|s| (s.line, s.start));
    let rank: HashMap<(usize, usize), usize> =
        all.iter().enumerate().map(|(i, s)| ((s.line, s.start), i)).collect();

    let mut out = String::new();
    let bold = anstyle::Style::new().bold();
    let _ = writeln!(out, "{}", paint.wrap(bold, "== moves =="));
    let mut moved_total = 0;
    for (number, article) in repaired.articles().enumerate() {
        let title = article.title.as_deref().unwrap_or("(no title)");
        let _ = writeln!(out, "article {}: {}", number + 1, title);
        for run in runs(&article.sources, &rank) {
            let text = describe(run.first, run.last);
            if run.moved {
                moved_total += 1;
                let _ = writeln!(out, "  {} {}", paint.wrap(fg(anstyle::AnsiColor::Yellow), "moved"), text);
            } else {
                let _ = writeln!(out, "  kept  {text}");
            }
        }
    }
    for page in &repaired.pages {
        for unplaced in &page.unplaced {
            let _ = writeln!(
                out,
                "{} line {}: {}",
                paint.wrap(fg(anstyle::AnsiColor::Magenta), "unplaced"),
                unplaced.span.line,
                unplaced.text
            );
        }
        if let Some(reason) = &page.fallback {
            let _ = writeln!(out, "{} {}", paint.wrap(fg(anstyle::AnsiColor::Red), "fallback"), reason);
        }
    }
    let spaces_in = input.chars().filter(|c| *c == ' ').count();
    let spaces_out = output.chars().filter(|c| *c == ' ').count();
    let hyphens: usize = repaired.pages.iter().map(|p| p.removed_hyphens).sum();
    let _ = writeln!(out, "\n{}", paint.wrap(bold, "== removed =="));
    let _ = writeln!(
        out,
        "{} runs moved; {} spaces removed (line breaks and gutters); {} line-end hyphens joined",
        moved_total,
        spaces_in.saturating_sub(spaces_out),
        hyphens
    );
    let _ = writeln!(out, "\n{}", paint.wrap(bold, "== diff (input -> output) =="));
    let diff = TextDiff::from_lines(input, output);
    for change in diff.iter_all_changes() {
        let (sign, style) = match change.tag() {
            ChangeTag::Delete => ("-", fg(anstyle::AnsiColor::Red)),
            ChangeTag::Insert => ("+", fg(anstyle::AnsiColor::Green)),
            ChangeTag::Equal => (" ", anstyle::Style::new()),
        };
        let line = change.value().trim_end_matches('\n');
        let _ = writeln!(out, "{}", paint.wrap(style, &format!("{sign}{line}")));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{repair, Options};

    #[test]
    fn plain_report_lists_moves_and_removals() {
        let input = "全市公交线路调整\n\n天气 转凉。\n";
        let repaired = repair(input, &Options::default());
        let output = crate::render::text::render(&repaired);
        let report = super::render(input, &repaired, &output, false);
        assert!(report.contains("article 1: 全市公交线路调整"), "{report}");
        assert!(report.contains("1 spaces removed"), "{report}");
        assert!(report.contains("+天气转凉。"), "{report}");
        assert!(!report.contains('\u{1b}'));
    }
}

//! Diagnostic: per piece of real-OCR pages, where it stands and where its
//! true successor stands (from the gold text, as `piece_truth` finds it),
//! with the placement that offered the true step (if any) and the
//! engine's chosen successor. One tab-separated row a piece, for
//! analysis of candidate recall on glued rows outside the engine.
//! Columns: case, piece, line (index), input line number, slot, pieces on
//! line, char start, char end, display start, display end (wide
//! characters count two cells), cells, gap, role, block, true successor
//! (or -), true placement (or -), chosen successor (or -), text.
//! Usage: row_successors CASE_DIR...
use restitch::eval::corpus;

mod shared;
use shared::ChainedPage;

fn main() {
    for dir in std::env::args().skip(1) {
        let case = corpus::load_case(std::path::Path::new(&dir)).expect("a case");
        let ChainedPage { page, junctions, next, truth } = ChainedPage::new(&case);
        let input_lines: Vec<&str> = case.input.split('\n').collect();
        let display = |line: usize, chars: usize| -> usize {
            input_lines
                .get(line - 1)
                .map(|l| {
                    l.chars()
                        .take(chars)
                        .map(|c| if restitch::parse::chars::is_wide(c) { 2 } else { 1 })
                        .sum()
                })
                .unwrap_or(0)
        };
        for (i, p) in page.pieces.iter().enumerate() {
            let placement = truth[i].and_then(|t| {
                junctions.iter().find(|j| j.from.0 == i && j.to.0 == t).map(|j| format!("{:?}", j.placement))
            });
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.1}\t{:?}\t{:?}\t{}\t{}\t{}\t{}\t{}",
                case.name,
                i,
                p.line,
                p.span.line,
                p.slot,
                page.lines[p.line].pieces.len(),
                p.span.start,
                p.span.end,
                display(p.span.line, p.span.start),
                display(p.span.line, p.span.end),
                p.cells,
                p.gap,
                p.role,
                p.block,
                truth[i].map_or("-".into(), |t| t.to_string()),
                placement.unwrap_or("-".into()),
                next[i].map_or("-".into(), |t| t.to_string()),
                p.text.replace('\t', " ")
            );
        }
    }
}

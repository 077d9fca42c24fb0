//! Diagnostic: the column stretches of a Chinese page set line by line, with
//! their widths and first and last lines.
use restitch::parse;
use restitch::score::width;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let case = restitch::eval::corpus::load_case(&dir).unwrap();
    let page = &parse::parse_document(&case.input, None)[0];
    let stretches = width::line_stretches(page);
    let widths = width::stretch_widths(page, &stretches);
    for (lines, w) in stretches.iter().zip(widths) {
        let text = |l: usize| page.pieces[page.lines[l].pieces.start].text.clone();
        println!(
            "{}..{} {:?} {} | {}",
            page.lines[lines.start].number,
            page.lines[lines.end - 1].number,
            w,
            text(lines.start),
            text(lines.end - 1)
        );
    }
}

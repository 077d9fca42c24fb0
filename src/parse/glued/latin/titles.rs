//! Titles inside, over or after a glued run: long lines that are no
//! glued rows.
//!
//! In: a run of long lines, with the page. Out: how many lines at its head
//! are a title block ([`title_block_over_run`]), whether a line inside it
//! is a title over the rows below ([`title_line_over_rows`]), whether its
//! last line is the next article's title ([`title_line_after_run`]). Why:
//! a headline or deck spanning two columns is as long as two glued column
//! lines; cut, its parts read as column lines and open no article. A title
//! has no sentence end and no line-end hyphen, and spans another number of
//! columns than the rows beside it.

use super::median;
use super::word::{line_length, Word};
use crate::parse::Page;

/// Most lines of a title block over a glued run: a deck set in one to
/// four printed lines.
const TITLE_BLOCK_MAX_LINES: usize = 4;

/// A title block's lines span fewer columns than the body: at most this
/// share of the run's typical line below it.
const TITLE_BLOCK_MAX_SHARE: f32 = 0.75;

/// How many lines at the head of a run of long lines (given with the
/// page's lines) are a title block, not glued columns: a block of a few
/// lines, parted by a blank line from the long lines below, none of whose
/// words ends a sentence or a hyphenated printed line, each clearly shorter
/// than the run's lines below. Why: a headline or deck spanning two
/// columns is as long as two glued column lines, but a title has no
/// sentence end and no line-end hyphen, and it spans fewer columns than the
/// body it heads; cut, its pieces read as column lines. A run that is
/// the whole head of a block going on below it in lines of one column
/// (`opens_block`) is a title block when title-shaped: glued columns run
/// on, while a deck spans two columns over the one-column body it heads.
/// 0 when there is none.
pub(super) fn title_block_over_run(
    run: &[Option<Vec<Word>>],
    lines: &[crate::parse::Line],
    opens_block: bool,
) -> usize {
    let Some(first) = lines.first() else { return 0 };
    let head = lines.iter().take_while(|l| l.block == first.block).count();
    if head > TITLE_BLOCK_MAX_LINES {
        return 0;
    }
    let words = |i: usize| run[i].as_deref().unwrap_or(&[]);
    let title_shaped = (0..head).all(|i| title_words(words(i)));
    if head == run.len() {
        // No long line below to compare with: the block going on in lines
        // of one column shows the run spans two columns over its body.
        return if opens_block && title_shaped { head } else { 0 };
    }
    let Some(below) = median((head..run.len()).map(|i| line_length(words(i)) as f32).collect()) else {
        return 0;
    };
    let short = (0..head).all(|i| line_length(words(i)) as f32 <= TITLE_BLOCK_MAX_SHARE * below);
    if title_shaped && short {
        head
    } else {
        0
    }
}

/// True when the last line of a run of long lines is the title of the
/// text below it: a line alone in its block, with no sentence end and no
/// line-end hyphen, that a block of shorter lines follows. Why: a headline
/// over one article's columns may span as many columns as the glued rows
/// of the article above it, and is read after them as one more long line;
/// cut, its parts read as column lines and open no article.
pub(super) fn title_line_after_run(page: &Page, lines: &[Option<Vec<Word>>], index: usize) -> bool {
    let block = &page.blocks[page.lines[index].block];
    let Some(words) = lines[index].as_deref() else { return false };
    let next_opens_block =
        page.lines.get(index + 1).is_some_and(|next| next.block != page.lines[index].block);
    block.len() == 1
        && next_opens_block
        && title_words(words)
        && !crate::parse::classify::lines_set_apart(page)
}

/// A title line alone in its block is at most this share of the median
/// line of the block below it, where a block of several title lines must
/// keep to [`TITLE_BLOCK_MAX_SHARE`]: set apart by blank lines on both
/// sides it is a block of its own, not a row of the columns below.
const TITLE_LINE_MAX_SHARE: f32 = 0.85;

/// A title line alone in its block at least this many times as long as
/// the longest line of the block below it spans more than that block's
/// columns: no row of them.
const TITLE_LINE_MIN_OVER: f32 = 1.1;

/// True when line `index` of a run of long lines (ending at `end`) is a
/// title line over the rows of the block below it: alone in its block,
/// one piece (no gutter OCR left inside it), no word ending a sentence or a hyphenated printed line, and either
/// clearly shorter than that block's rows (a title spans fewer columns than
/// the body it heads) or clearly longer than the longest of them (it spans
/// more columns than they hold). Why: a glued row keeps to the columns of
/// the rows below it, while a headline set between blank lines does not;
/// cut, its parts read as column lines and open no article.
pub(super) fn title_line_over_rows(
    page: &Page,
    lines: &[Option<Vec<Word>>],
    index: usize,
    end: usize,
) -> bool {
    let block = &page.blocks[page.lines[index].block];
    let Some(words) = lines[index].as_deref() else { return false };
    let one_piece = page.lines[index].pieces.len() == 1;
    if block.len() != 1 || !one_piece || index + 1 >= end || !title_words(words) {
        return false;
    }
    let below = &page.blocks[page.lines[index + 1].block];
    let rows: Vec<f32> = (below.start..below.end.min(end))
        .map(|i| lines[i].as_ref().map_or(0, |w| line_length(w)) as f32)
        .collect();
    let longest = rows.iter().copied().fold(0.0, f32::max);
    let Some(typical) = median(rows) else { return false };
    let length = line_length(words) as f32;
    length <= TITLE_LINE_MAX_SHARE * typical || length >= TITLE_LINE_MIN_OVER * longest
}

/// True when no word of a line ends a sentence or a line-end hyphen: the
/// words of a title, which runs on into nothing.
fn title_words(words: &[Word]) -> bool {
    words.iter().all(|w| !w.ends_sentence && !w.hyphenated)
}

#[cfg(test)]
mod tests {
    use crate::parse::glued::latin::fixtures::*;
    use crate::parse::{parse_page, Role};

    #[test]
    fn a_title_block_over_glued_columns_is_a_headline_and_stays_whole() {
        // Three glued columns of about forty characters under a title that
        // spans about two of them.
        let body = "The council said on Monday that the new bridge would open in the spring next year after four long years\n\
                    of work and delays caused by floods and the rising costs of steel and concrete while the traders of the\n\
                    old town waited. Local traders welcomed the news and the mayor thanked the workers of the whole region.\n";
        let title = "Harbour bridge opens next spring - traders of the old town welcome\n\
                     the end of four years of building work - mayor thanks the workers\n\
                     of the whole region for their long years of patience\n";
        let page = parse_page(&format!("{title}\n{body}"), 0, 1);
        for line in &page.lines[..3] {
            let pieces = &page.pieces[line.pieces.clone()];
            assert_eq!(pieces.len(), 1, "{:?}", texts(&page));
            assert_eq!(pieces[0].role, Role::Headline, "{:?}", texts(&page));
        }
        assert!(page.lines[3..].iter().all(|l| l.pieces.len() == 3), "{:?}", texts(&page));
        // Lines that end sentences are running text, cut as glued columns.
        let text = "Harbour bridge opens next spring. Traders of the old town welcome\n\
                    the end of four years of building work. The mayor thanks the workers\n\
                    of the whole region for their long years of patience.\n";
        let page = parse_page(&format!("{text}\n{body}"), 0, 1);
        assert!(page.pieces.iter().all(|p| p.role != Role::Headline), "{:?}", texts(&page));
        assert!(page.lines[0].pieces.len() >= 2, "{:?}", texts(&page));
    }

    #[test]
    fn a_title_read_after_glued_rows_stays_whole_over_its_column() {
        // Three glued columns, then the next article's headline as long as
        // a row, alone in its block, then that article's column.
        let rows = "The council said on Monday that the new  bridge would open in the spring next year  after four long years of work and the\n\
                    delays caused by floods and the rising  costs of steel and concrete while the  traders of the old town waited for it.\n\
                    Local traders welcomed the news and the  mayor thanked the workers of the whole  region for their patience and support.\n";
        let title = "River ferry service returns to the northern harbour after a winter of repairs to its landing stage\n";
        let column = "The ferry that links the two banks of\nthe river will sail again from Friday,\nthe harbour office said on Tuesday.\n";
        let page = parse_page(&format!("{rows}\n{title}\n{column}"), 0, 1);
        let title_line = &page.pieces[page.lines[3].pieces.clone()];
        assert_eq!(title_line.len(), 1, "{:?}", texts(&page));
        assert_eq!(title_line[0].role, Role::Headline, "{:?}", texts(&page));
        assert!(page.lines[..3].iter().all(|l| l.pieces.len() == 3), "{:?}", texts(&page));
        // A row that ends a sentence is a glued row, cut with the others.
        let last = "The ferry will sail again from Friday.  The harbour office said so on Tuesday  and the traders of the old town welcomed it.\n";
        let page = parse_page(&format!("{rows}\n{last}\n{column}"), 0, 1);
        assert!(page.lines[3].pieces.len() >= 2, "{:?}", texts(&page));
    }

    #[test]
    fn a_deck_heading_a_block_of_one_column_lines_stays_whole() {
        // A deck twice the column wide opens a block that goes on in lines
        // of one column; more such columns follow.
        let column = "The council said on\nMonday that the new\nbridge would open in\nthe spring next year\n";
        let deck = "Harbour bridge opens after four years of\n\
                    work - traders of the old town welcome\n\
                    the end of the building - mayor thanks\n\
                    workers and the region\n";
        let page = parse_page(&format!("{deck}{column}\n{column}\n{column}"), 0, 1);
        for line in &page.lines[..3] {
            assert_eq!(page.pieces[line.pieces.clone()].len(), 1, "{:?}", texts(&page));
        }
        // Lines that end sentences are running text: glued columns.
        let running = deck.replace(" - ", ". ");
        let page = parse_page(&format!("{running}{column}\n{column}\n{column}"), 0, 1);
        assert!(page.lines[..3].iter().all(|l| l.pieces.len() == 2), "{:?}", texts(&page));
    }

    #[test]
    fn a_title_line_alone_over_rows_it_cannot_be_one_of_is_a_title() {
        // A title longer than any row of the two columns below it, between
        // blank lines: no glued row of them.
        let text = "A long title over the two narrow columns below it that runs on and on and on without any end\n\n\
                    the council said on monday that the new the market will open in the spring and\n\
                    market hall would open next year after a traders said they were glad of the new\n\
                    long delay caused by a shortage of skilled hall after years of waiting in the rain\n\
                    workers and the rising cost of building and the cold of the open square in winter\n";
        let page = parse_page(text, 0, 1);
        let title = &page.lines[0];
        assert_eq!(title.pieces.len(), 1, "{:?}", texts(&page));
        assert_eq!(page.pieces[title.pieces.start].role, Role::Headline);
        // The rows below are still cut.
        assert_eq!(page.lines[1].pieces.len(), 2, "{:?}", texts(&page));
    }
}

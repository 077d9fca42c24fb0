//! Where a chain is cut into segments before the article stage places them.
//!
//! In: one chain of the chain stage. Out: its segments, cut before a
//! heading that follows body text, after a byline, around glyphs, and at a
//! weak junction between unlike text. Why: a chain is what the text
//! evidence linked, and a link into a headline, out of a byline or across
//! two topics is where one article ends and another begins.

use crate::parse::chars::{self, ends_sentence};
use crate::parse::classify::is_newswire_dateline_start;
use crate::parse::{Page, PieceId, Role};
use crate::score::topic::window_cosine;

use super::{Chain, Context, Segment, TOPIC_THRESHOLD};

/// A chain's junction scoring below this (log-odds) is weak enough to be
/// cut where the text on its two sides shares no topic (see
/// [`incoherent_junction`]). A column's own steps score about 5 and more
/// (`Below`); steps into another article's column that the chain stage
/// took score lower (junctions crossing gold articles on real-OCR dev
/// pages: median 3.3 on Chinese and 5.5 on Latin ones, against 5.9 and 6.0
/// inside one article). Dev scores gain from 3 to 5; 6 loses (measured
/// without the page limit of [`cuts_unlike_text`]).
pub(super) const INCOHERENT_SCORE: f32 = 4.0;

/// The text read before and after a weak junction, this many cells of it on
/// each side (within the chain), shares at most [`INCOHERENT_TOPIC`]: about
/// two to three printed lines of a Latin column, five to eight of a Chinese
/// one. Dev scores gain from 100 to 200.
pub(super) const INCOHERENT_NEAR_CELLS: f32 = 150.0;

/// ... and so do twice as many cells on each side, so that a column whose
/// next lines merely name other things than its last ones (a new paragraph,
/// a quote) is not cut: inside one article the wider windows share more
/// (median cosine 0.09 to 0.10 on dev junctions inside gold articles,
/// against 0.02 to 0.04 across them).
pub(super) const INCOHERENT_FAR_CELLS: f32 = 300.0;

/// Cosine of the two windows' word profiles below which the text on the
/// two sides of a weak junction is unlike. Dev scores gain from 0.02 to
/// 0.04 on the near windows, and at 0.02 to 0.04 on the far ones (0.03
/// best).
pub(super) const INCOHERENT_TOPIC: f64 = 0.03;

/// Each side of a cut must hold at least this many cells (the near window):
/// a shorter tail shows no topic to compare, and a cut there would only
/// hand a line or two to whichever article shares a word (dev loses at
/// 100, gains at 150 and 200).
pub(super) const INCOHERENT_SIDE_CELLS: f32 = INCOHERENT_NEAR_CELLS;

/// Whether a piece is a Latin headline that OCR read on one line with the
/// column line running down beside it, cut off that line: a headline piece
/// at a line's start with a body piece glued after it on the same line.
/// The column piece goes on with the column line above, not with the
/// headline, whose text starts below it.
pub(super) fn headline_beside_column(context: &Context, id: PieceId) -> bool {
    let page = context.page;
    let piece = page.piece(id);
    let line = &page.lines[piece.line];
    !page.is_cjk()
        && context.role(id) == Role::Headline
        && line.pieces.start == id.0
        && line.pieces.len() >= 2
        && context.role(PieceId(id.0 + 1)) == Role::Body
        && page.piece(PieceId(id.0 + 1)).gap == crate::parse::Gap::Glued
}

/// Whether a newswire dateline `dateline`, read after `before`, stands on a
/// printed line of its own inside another column's running sentence:
/// `before` is the whole line right above it and stops mid-sentence, and a
/// whole line follows right below, with no blank line between any two.
/// Why: where OCR read two columns line by line in turn, an article's first
/// line falls inside the other column's sentence ("It said this | PLACE,
/// Mon 26 - A | ruling was ..."); cutting the chain there would leave that
/// sentence's end in the dateline's article. A real article's first line
/// follows its headline, a paragraph's end or a blank line, and a dateline
/// OCR glued beside other columns' text is not a line of its own (its
/// pieces there are the cut's real gains).
pub(super) fn dateline_line_inside_a_sentence(page: &Page, before: PieceId, dateline: PieceId) -> bool {
    let line = page.piece(dateline).line;
    let whole_line = |index: usize| {
        page.lines.get(index).filter(|l| l.pieces.len() == 1 && l.block == page.lines[line].block)
    };
    // Whole lines right above and right below: the dateline's line stands
    // inside a stretch of single lines, not at its end.
    let (Some(above), Some(_below)) = (line.checked_sub(1).and_then(whole_line), whole_line(line + 1)) else {
        return false;
    };
    page.lines[line].pieces.len() == 1
        && above.pieces.start == before.0
        && !ends_sentence(page.piece(before).text.trim_end())
}

/// Cuts a chain before every heading that follows body text, after every
/// byline that follows body text, between two bylines, around glyphs, and
/// at a weak junction between unlike text (see [`incoherent_junction`]).
pub(super) fn split_chain(context: &Context, chain: Chain, out: &mut Vec<Segment>) {
    // Cells of the chain before each piece, and in all (the last entry).
    let cells_before: Vec<f32> = std::iter::once(0.0)
        .chain(chain.pieces.iter().scan(0.0, |sum, &id| {
            *sum += context.page.piece(id).cells;
            Some(*sum)
        }))
        .collect();
    let mut current = Segment { pieces: Vec::new(), scores: Vec::new() };
    let mut has_body = false;
    // Body text in lower case read since the run began: running text, not
    // a headline's line the labels left as body.
    let mut has_running_text = false;
    for (index, &id) in chain.pieces.iter().enumerate() {
        let role = context.role(id);
        let cut_before = index > 0 && incoherent_junction(context, &chain, &cells_before, index)
            || match current.pieces.last().map(|&p| context.role(p)) {
                None => false,
                Some(before) => {
                    (role.is_heading() || before == Role::Byline) && has_body
                    // A heading right after a byline: the byline closed one
                    // article, the heading opens the next, even where the
                    // run began at that byline (a sidebar's headline read
                    // after the byline closing the column beside it).
                    || role.is_heading() && before == Role::Byline
                    // A headline cut off the column line beside it: the text
                    // read after it is that column's, not the headline's.
                    || !role.is_heading()
                        && current.pieces.last().is_some_and(|&p| headline_beside_column(context, p))
                    // A Latin dateline after body text opens the next article.
                    || has_running_text
                        && role == Role::Body
                        && !context.page.is_cjk()
                        && is_newswire_dateline_start(&context.page.piece(id).text)
                        && !current.pieces.last().is_some_and(|&p| dateline_line_inside_a_sentence(context.page, p, id))
                    // Two bylines in a row: the second opens the next article.
                    || role == Role::Byline && before == Role::Byline
                    || (role == Role::Fragment) != (before == Role::Fragment)
                }
            };
        if cut_before {
            out.push(std::mem::replace(&mut current, Segment { pieces: Vec::new(), scores: Vec::new() }));
            has_body = false;
            has_running_text = false;
        } else if index > 0 && !current.pieces.is_empty() {
            current.scores.push(chain.scores[index - 1]);
        }
        has_body |= role == Role::Body;
        has_running_text |= role == Role::Body && context.page.piece(id).text.chars().any(char::is_lowercase);
        current.pieces.push(id);
    }
    if !current.pieces.is_empty() {
        out.push(current);
    }
}

/// Whether the junction into `chain.pieces[index]` is weak (scores below
/// [`INCOHERENT_SCORE`]) and joins unlike text: at least
/// [`INCOHERENT_SIDE_CELLS`] on each side, and the near and the far windows
/// on the two sides share less than [`INCOHERENT_TOPIC`]. Why: the article
/// stage otherwise cuts a chain only where roles change, so one wrong step
/// of the chain stage into another article's column (a `Below` link
/// between glued rows, a column wrap to the wrong top) carries that
/// column's text into the article; cut, the column goes through the same
/// "join the open article most alike" path as any headless run. On real-OCR
/// dev and pools 1, 5, 6 and 8, 5% of a chain's junctions cross gold
/// articles (972 of 18,557) and the article stage kept all but three of them.
///
/// Two premises keep the cut to the junctions where an article can end:
/// - The piece before ends a sentence, on every page: an article never ends
///   inside a sentence, and a cut there leaves a sentence broken in two
///   articles. Inside a sentence a column's next line that merely names
///   other things (a book's title, a list of places) scores weak and
///   unlike: a one-column English page was cut into pieces there (a fresh
///   pool page 0.978 -> 0.610), a Chinese report's list of checkpoints
///   after its opening was sent to the next article.
/// - The whole two sides of the chain share less than [`TOPIC_THRESHOLD`],
///   the bar below which the article stage itself starts a new article
///   rather than joining an open one: windows of a few lines see only the
///   paragraph at hand, and a column that turns from one person or party
///   to another after a full stop still shares the article's words over
///   its whole length.
///
/// `cells_before` holds the chain's cells before each piece and in all.
pub(super) fn incoherent_junction(
    context: &Context,
    chain: &Chain,
    cells_before: &[f32],
    index: usize,
) -> bool {
    if chain.scores[index - 1] >= INCOHERENT_SCORE {
        return false;
    }
    let (before, after) = chain.pieces.split_at(index);
    let all = cells_before[chain.pieces.len()];
    before.last().is_some_and(|&id| chars::ends_sentence(&context.page.piece(id).text))
        && cells_before[index] >= INCOHERENT_SIDE_CELLS
        && all - cells_before[index] >= INCOHERENT_SIDE_CELLS
        && window_cosine(context.page, context.idf, before, after, INCOHERENT_NEAR_CELLS) < INCOHERENT_TOPIC
        && window_cosine(context.page, context.idf, before, after, INCOHERENT_FAR_CELLS) < INCOHERENT_TOPIC
        && window_cosine(context.page, context.idf, before, after, f32::INFINITY) < TOPIC_THRESHOLD
        && *context.cuts_unlike.get_or_init(|| cuts_unlike_text(context.page))
}

/// Whether a page's word profiles tell a chain's own column from another
/// article's at [`INCOHERENT_TOPIC`]: Chinese pages (character bigrams) and
/// English ones. German and French text shares fewer content words of four
/// or more letters between two windows of one article (median cosine of
/// the near windows at strong junctions 0.058 on German real-OCR pages,
/// against 0.11 on English and 0.10 on Chinese ones), so there the cut split
/// articles: synthetic German and French pages lost in every pool (5151:
/// -0.303 and -0.080), a bar relative to the page's own median did not help.
pub(super) fn cuts_unlike_text(page: &Page) -> bool {
    page.is_cjk()
        || crate::score::latin::Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()))
            .is_english()
}

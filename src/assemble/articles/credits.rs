//! Bylines and reporters' credits: which article a byline closes or opens.
//!
//! In: the article stage's drafts and the segments read so far. Out: the
//! draft a byline or credit belongs to, and drafts mended where a byline
//! stood apart from its article. Why: print sets a byline above its text,
//! at the foot of its article's last column, or glued to a dateline; OCR
//! reads it wherever its line fell, so it must be sent back to its article
//! by its shape and place, not by the chain it was read in.

use crate::parse::chars::{ends_sentence, is_han};
use crate::parse::{PieceId, Role};

use super::{draft_holding, piece_above, Context, Draft, Segment};

/// Whether a segment is a closing byline read alone: one byline in
/// parentheses ("(张三 李四)"), which print sets at the foot of its
/// article's last column. Bylines without parentheses ("记者张三") also
/// stand above the body, waiting for their article; these are left to the
/// normal assembly.
pub(super) fn is_lone_closing_byline(context: &Context, segment: &Segment) -> bool {
    segment.pieces.len() == 1
        && context.role(segment.pieces[0]) == Role::Byline
        && context.page.piece(segment.pieces[0]).text.trim_start().starts_with(['(', '（'])
}

/// The article a closing byline read alone closes: the one holding the
/// piece right before it in the input, when that article has body text
/// ending a sentence and no byline yet. Why: OCR reads a column's foot in
/// order, so the byline comes right after a line of its article, but a
/// stronger junction (the sentence going on past the byline, a word cut at
/// the line end) takes that line's successor, and the byline is left as an
/// article of its own; its text says it closes one, and the input says
/// which.
pub(super) fn closed_by_lone_byline(context: &Context, drafts: &[Draft], byline: PieceId) -> Option<usize> {
    let before = PieceId(byline.0.checked_sub(1)?);
    let owner = draft_holding(drafts, before)?;
    let draft = &drafts[owner];
    let has_byline =
        draft.parts.iter().flat_map(|p| p.pieces.iter()).any(|&id| context.role(id) == Role::Byline);
    let ends_sentence_last = draft.parts.last().and_then(|p| p.pieces.last()).is_some_and(|&id| {
        context.role(id) == Role::Body && ends_sentence(context.page.piece(id).text.trim_end())
    });
    (draft.has_body && !has_byline && ends_sentence_last).then_some(owner)
}

/// Most Han characters of a reporter's name in a credit.
pub(super) const REPORTER_MAX_CHARS: usize = 4;

/// The first reporter a Chinese credit names ("记者张三" and "本报记者 张 三"
/// give 张三, "记者李四、王五" gives 李四), whitespace aside. With `closed`,
/// only a credit in brackets inside text, as a dateline prints it
/// ("本报北京6月9日电（记者张三）"): the name then ends at a closing bracket
/// or an enumeration mark, which keeps "记者从北京获悉" from reading as one.
pub(super) fn credited_reporter(text: &str, closed: bool) -> Option<String> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut at = 0;
    while at + 2 <= chars.len() {
        if chars[at] == '记' && chars[at + 1] == '者' {
            // OCR reads a speck or a rule at a line start as a stray mark
            // ("〈记者" / "”张三)"): one between the title and the name is
            // skipped.
            let stray = chars.get(at + 2).is_some_and(|&c| is_stray_mark(c));
            let after = at + 2 + usize::from(stray);
            let name: String =
                chars[after..].iter().take_while(|&&c| is_han(c)).take(REPORTER_MAX_CHARS + 1).collect();
            let next = chars.get(after + name.chars().count()).copied();
            let bracketed = at > 0 && is_opening_bracket(chars[at - 1]);
            let ends = match next {
                None => !closed,
                Some(c) => c == '、' || is_closing_bracket(c),
            };
            let size = name.chars().count();
            if (2..=REPORTER_MAX_CHARS).contains(&size) && ends && (bracketed || !closed) {
                return Some(name);
            }
        }
        at += 1;
    }
    None
}

/// Marks OCR reads from specks and rules, never part of a credit.
pub(super) fn is_stray_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '|' | '`' | ',' | '.' | '·')
}

pub(super) fn is_opening_bracket(c: char) -> bool {
    matches!(c, '(' | '（' | '〈' | '<' | '《' | '[' | '【' | '{')
}

pub(super) fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | '）' | '〉' | '>' | '》' | ']' | '】' | '}')
}

/// Pieces of an article's opening text searched for its dateline's credit:
/// the dateline opens the first paragraph, and OCR may cut it over a few
/// printed lines.
pub(super) const DATELINE_PIECES: usize = 4;

/// The reporter a draft's dateline credits ("…电（记者张三）"), read from
/// its first body pieces in reading order.
pub(super) fn dateline_reporter(context: &Context, draft: &Draft) -> Option<String> {
    let text: String = draft
        .parts
        .iter()
        .flat_map(|p| p.pieces.iter())
        .filter(|&&id| context.role(id) == Role::Body)
        .take(DATELINE_PIECES)
        .map(|&id| context.page.piece(id).text.as_str())
        .collect();
    credited_reporter(&text, true)
}

/// A Chinese article's dateline names its reporter ("本报北京6月9日电（记者
/// 张三）") and its foot credit names the same ("记者张三"): a byline that
/// names the reporter of another article's dateline and not that of its
/// own belongs to that other article. OCR reading glued columns row by row
/// sets a column's foot credit after the text of the column beside it,
/// often another article's, and the credit then closed that article
/// (which turned away the runs of its own last column). Runs in the
/// input order of their drafts; a credit moves to an article that has no
/// byline yet, at its end.
pub(super) fn bylines_to_their_datelines(context: &Context, drafts: &mut Vec<Draft>) {
    if !context.page.is_cjk() {
        return;
    }
    let reporters: Vec<Option<String>> = drafts.iter().map(|d| dateline_reporter(context, d)).collect();
    if reporters.iter().all(Option::is_none) {
        return;
    }
    let role = |id: PieceId| context.role(id);
    for from in 0..drafts.len() {
        let bylines: Vec<PieceId> = drafts[from]
            .parts
            .iter()
            .flat_map(|p| p.pieces.iter().copied())
            .filter(|&id| role(id) == Role::Byline)
            .collect();
        for byline in bylines {
            let Some(name) = credited_reporter(&context.page.piece(byline).text, false) else { continue };
            if reporters[from].as_ref() == Some(&name) {
                continue;
            }
            let mut named = (0..drafts.len()).filter(|&d| d != from && reporters[d].as_ref() == Some(&name));
            let (Some(to), None) = (named.next(), named.next()) else { continue };
            let taken =
                drafts[to].parts.iter().flat_map(|p| p.pieces.iter()).any(|&id| role(id) == Role::Byline);
            if taken {
                continue;
            }
            for part in &mut drafts[from].parts {
                if let Some(at) = part.pieces.iter().position(|&id| id == byline) {
                    part.pieces.remove(at);
                    if at < part.scores.len() {
                        part.scores.remove(at);
                    } else {
                        part.scores.pop();
                    }
                }
            }
            drafts[from].parts.retain(|p| !p.pieces.is_empty());
            drafts[from].close_if_byline_last(context);
            drafts[to].push(context, Segment { pieces: vec![byline], scores: Vec::new() });
        }
    }
    drafts.retain(|d| !d.parts.is_empty());
}

/// The draft a headless run ending in a byline closes by name: the one
/// whose dateline credits the reporter the byline names (see
/// [`bylines_to_their_datelines`]). A name says more than shared words:
/// a column's tail shares few with its article, and a byline misplaced
/// by OCR may already close the article, which turns the run away.
pub(super) fn credited_owner(context: &Context, drafts: &[Draft], segment: &Segment) -> Option<usize> {
    let role = |id: &PieceId| context.role(*id);
    let last = segment.pieces.last().filter(|id| role(id) == Role::Byline)?;
    if !context.page.is_cjk() || !segment.pieces.iter().any(|id| role(id) == Role::Body) {
        return None;
    }
    let name = credited_reporter(&context.page.piece(*last).text, false)?;
    let mut named =
        (0..drafts.len()).filter(|&d| dateline_reporter(context, &drafts[d]).as_ref() == Some(&name));
    let owner = named.next()?;
    // Two articles by one reporter: the name does not say which.
    named.next().is_none().then_some(owner)
}

/// Whether a draft is a Chinese credit read alone that stands at the foot
/// of another article's column: bylines only, the first of them right
/// under a piece of an article that has text and no byline yet (see
/// [`close_by_foot_bylines`]). Such a credit closes that article; it waits
/// for no text of its own.
pub(super) fn is_foot_credit_alone(context: &Context, drafts: &[Draft], draft: usize) -> bool {
    let role = |id: &PieceId| context.role(*id);
    let mut pieces = drafts[draft].parts.iter().flat_map(|p| p.pieces.iter());
    let Some(&first) = pieces.clone().next() else { return false };
    if !context.page.is_cjk() || !pieces.all(|id| role(id) == Role::Byline) {
        return false;
    }
    piece_above(context.page, first).and_then(|above| draft_holding(drafts, above)).is_some_and(|d| {
        d != draft
            && drafts[d].has_body
            && !drafts[d].parts.iter().flat_map(|p| p.pieces.iter()).any(|id| role(id) == Role::Byline)
    })
}

/// How many printed lines above a byline read alone the text it closes may
/// stand: a blank line or a line of another column's last words may come
/// between a column's last line and the credit set at its foot.
pub(super) const FOOT_BYLINE_REACH: usize = 3;

/// Bylines that found no text: an article of bylines alone once every run
/// has been placed. A byline set above its text ("记者张三" before the body)
/// is joined by that text; one that nothing joined stands at the foot of a
/// column and closes the article whose text it follows in that column:
/// the piece above it, whose span across the page overlaps its own, on the
/// nearest of the few printed lines above that has one. OCR reads glued
/// columns row by row, so a foot byline comes in input order after the
/// other columns' lines of its row (often another article's byline) and
/// the byline became an article of its own. It closes that article when
/// the article has body text and no byline yet; else it stays apart.
pub(super) fn close_by_foot_bylines(context: &Context, drafts: &mut Vec<Draft>) {
    let role = |id: &PieceId| context.role(*id);
    let has_byline =
        |draft: &Draft| draft.parts.iter().flat_map(|p| p.pieces.iter()).any(|id| role(id) == Role::Byline);
    let mut index = 0;
    while index < drafts.len() {
        let pieces: Vec<PieceId> =
            drafts[index].parts.iter().flat_map(|p| p.pieces.iter().copied()).collect();
        if !pieces.iter().all(|id| role(id) == Role::Byline) {
            index += 1;
            continue;
        }
        // Each byline of the run on its own: two columns' foot credits read
        // as one run close two articles.
        let mut kept = Vec::new();
        for byline in pieces {
            let owner = piece_above(context.page, byline)
                .and_then(|above| draft_holding(drafts, above))
                .filter(|&d| d != index && drafts[d].has_body && !has_byline(&drafts[d]));
            match owner {
                Some(d) => drafts[d].push(context, Segment { pieces: vec![byline], scores: Vec::new() }),
                None => kept.push(byline),
            }
        }
        if kept.is_empty() {
            drafts.remove(index);
            continue;
        }
        if kept.len() < drafts[index].parts.iter().map(|p| p.pieces.len()).sum::<usize>() {
            let rest = Segment { pieces: kept, scores: Vec::new() };
            drafts[index] = Draft::new(context, rest);
        }
        index += 1;
    }
}

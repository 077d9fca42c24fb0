//! Cut chains into articles, and articles into title, paragraphs, byline.
//!
//! In: chains of pieces in reading order. Out: [`Assembly`]: [`Article`]s
//! and the pieces that could not be placed. Why: a chain is what the text
//! evidence links; an article is what a reader wants. Headlines open
//! articles, bylines close them, scattered glyphs belong to no sentence.
//! Runs of text without a headline join the open article they share content
//! words with, or open one of their own. A chain is also cut at a weak
//! junction between text that shares no topic on either side, so that each
//! side goes to the article it is most alike.

use crate::parse::chars::{self, ends_sentence, is_line_start_forbidden};
use crate::parse::classify::{is_dateline_start, is_latin_dateline_start, is_newswire_dateline_start};
use crate::parse::{Page, PieceId, Role};
use crate::score::topic::{Idf, Profile, Vector};
use crate::score::{insets, width};

use super::chains::{share_across, Chain, HEADLINE_OVER_COLUMN_LINES};

mod credits;
mod cut;

use credits::{
    bylines_to_their_datelines, close_by_foot_bylines, closed_by_lone_byline, credited_owner,
    is_foot_credit_alone, is_lone_closing_byline, FOOT_BYLINE_REACH,
};
use cut::{headline_beside_column, split_chain};

/// A paragraph: pieces that print as one block of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub pieces: Vec<PieceId>,
}

/// One article in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub title: Vec<PieceId>,
    pub paragraphs: Vec<Paragraph>,
    pub byline: Vec<PieceId>,
    /// Mean plausibility of the junctions inside the article, in [0, 1].
    pub confidence: f32,
}

impl Article {
    /// Every piece in reading order: title, paragraphs, byline.
    pub fn pieces(&self) -> impl Iterator<Item = PieceId> + '_ {
        self.title
            .iter()
            .chain(self.paragraphs.iter().flat_map(|p| p.pieces.iter()))
            .chain(self.byline.iter())
            .copied()
    }
}

/// The articles of a page and what could not be placed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Assembly {
    pub articles: Vec<Article>,
    pub unplaced: Vec<PieceId>,
}

/// A run of a chain that belongs to one article.
struct Segment {
    pieces: Vec<PieceId>,
    scores: Vec<f32>,
}

/// Below this topic similarity a run of text without a headline of its own
/// starts a new article rather than joining an open one. Chosen on the
/// development split of the corpus.
const TOPIC_THRESHOLD: f64 = 0.05;

/// A run of Latin text that matched no article opened before it joins
/// one opened after it only at or above this topic similarity, else it
/// opens its own. Word profiles of unrelated Latin articles share common
/// content words (reporting verbs, titles) to about 0.05 to 0.07, which the
/// first threshold lets through; a column of another article set side by
/// side then ran into the first (dev real-OCR en 0.616 -> 0.653, ocr-en-012
/// 0.486 -> 0.832). Dev scores the same from 0.07 to 0.09; 0.08 is the
/// middle of that plateau (0.1 loses ocr-de-004, 0.12 synthetic en). CJK
/// profiles of characters keep the first threshold.
const DEFERRED_LATIN_TOPIC_THRESHOLD: f64 = crate::score::topic::LATIN_RELATED;

/// A deferred Latin run at least as long as the open article it would join
/// joins it only at or above this topic similarity. A column printed out of
/// order is a part of its article, shorter than the rest; a run as long as
/// the whole article so far is as likely an article of its own set beside
/// it, whose text shares common content words, and the words of a row of
/// side-by-side headlines read as one line, with the first (ocr-en-012: the
/// second article's columns, 0.099 alike, ran into the first). Dev scores
/// the same from 0.10 to 0.13 (0.14 loses ocr-de-001 and ocr-de-004, whose
/// long out-of-order runs share 0.13); 0.115 is the middle of that plateau.
/// CJK pages keep the one threshold (syn-zh-009 loses with this one).
const LONG_RUN_TOPIC_THRESHOLD: f64 = 0.115;

/// An open article shows its topic clearly enough to turn away a run that
/// starts mid-sentence, as long as it and unlike it, only once it holds
/// this many cells (about a column's worth of Latin text): a headline with
/// a line or two shares no word with its own next column (dev syn-en-013,
/// 68 cells, lost with no floor). Dev scores the same from 150 to 600;
/// 1000 loses what the rule brings to ocr-en-001 (a 720-cell article).
const LONG_RUN_PROFILE_CELLS: f32 = 300.0;

/// A run of text without a headline that matched no open article joins an
/// article a byline already closed at or above this topic similarity,
/// before that byline: OCR reading across columns (psm 11/12, or glued
/// rows) often gives a column of an article after the byline that ends the
/// article's last column. Set well above [`TOPIC_THRESHOLD`], since a
/// closed article is otherwise done. Dev scores the same from 0.16 to 0.25
/// (ocr-zh-002 0.734 -> 0.756, syn-zh-015 0.888 -> 0.916); 0.15 loses
/// syn-zh-015, 0.3 ocr-zh-002; 0.2 is the middle of that plateau.
const CLOSED_TOPIC_THRESHOLD: f64 = 0.2;

/// A run opening with a subhead continues the latest article at or above
/// this topic similarity. Chosen on the development split of the corpus.
const SUBHEAD_TOPIC_THRESHOLD: f64 = 0.1;

/// A run of body text read right after a Chinese credit that stands alone
/// at the foot of another article's column (see [`is_foot_credit_alone`])
/// joins the open article it shares its topic with at or above this
/// similarity, as any headless run does, instead of waiting under the
/// credit. Why: a byline above its text waits for the text read next, but
/// OCR reading glued rows sets a column's foot credit ("本报记者 张三")
/// right before the next column of another article, and that column then
/// opened an article of its own under the credit (dev ocr-zh-035 0.600 ->
/// 0.698); the credit, left alone, then closes the article above it. The
/// bar for an open article, [`TOPIC_THRESHOLD`]: dev scored +0.098 with
/// [`SUBHEAD_TOPIC_THRESHOLD`] and +0.107 with this one.
const BYLINE_WAIT_TOPIC_THRESHOLD: f64 = TOPIC_THRESHOLD;

/// Runs shorter than this (in cells) are too short to show a topic.
const MIN_TOPIC_CELLS: f32 = 30.0;

/// A run of text without a headline that starts inside an inset (a column
/// written one printed line per input line between paragraph lines of
/// another, see [`crate::score::insets`]) joins an open article only at or
/// above this topic similarity, else it waits, as a run that matched no open
/// article does, for an article of its own topic. The layout already says it
/// is another column, so sharing the page's common words is not enough;
/// set as [`CLOSED_TOPIC_THRESHOLD`], the other bar for a run the layout
/// does not place.
const INSET_TOPIC_THRESHOLD: f64 = 0.2;

/// What the assembler knows of the page: the pieces, their roles, column
/// widths and token weights for the topic signal.
struct Context<'a> {
    page: &'a Page,
    roles: Vec<Role>,
    column_widths: Vec<f32>,
    idf: &'a Idf,
    /// Per piece: it stands in an inset.
    in_inset: Vec<bool>,
    /// Whether the page's word profiles show where a chain runs into
    /// another article (see [`cut::cuts_unlike_text`]); worked out only when a
    /// weak junction between unlike text asks.
    cuts_unlike: std::cell::OnceCell<bool>,
}

impl Context<'_> {
    fn role(&self, id: PieceId) -> Role {
        self.roles[id.0]
    }

    fn cells(&self, pieces: &[PieceId]) -> f32 {
        pieces.iter().map(|&id| self.page.piece(id).cells).sum()
    }

    fn profile(&self, pieces: &[PieceId]) -> Profile {
        let mut profile = Profile::new();
        for &id in pieces {
            profile.add(&self.page.piece(id).text);
        }
        profile
    }
}

/// An article while its segments are being gathered.
struct Draft {
    parts: Vec<Segment>,
    profile: Profile,
    /// The profile weighted for comparisons. Refreshed when the profile has
    /// grown by a tenth since, which keeps assembly linear on huge articles
    /// while one more paragraph barely moves a long article's topic.
    topic: Vector,
    tokens_at_refresh: usize,
    has_body: bool,
    /// Width of all its text, in cells.
    cells: f32,
    /// A byline after the text ends an article: nothing joins it
    /// afterwards. A byline before any text ("张三 李四" above the body)
    /// waits for its article.
    closed: bool,
}

impl Draft {
    fn new(context: &Context, segment: Segment) -> Self {
        let mut draft = Draft {
            parts: Vec::new(),
            profile: Profile::new(),
            topic: Vector::default(),
            tokens_at_refresh: 0,
            has_body: false,
            cells: 0.0,
            closed: false,
        };
        draft.push(context, segment);
        draft
    }

    /// Adds a part that stood earlier in the input than this article's
    /// opening: it goes after the opening part (its headline), before the
    /// later parts, as a column printed out of order.
    fn insert_in_reading_order(&mut self, context: &Context, segment: Segment) {
        let last = self.parts.len();
        self.push(context, segment);
        let part = self.parts.remove(last);
        let at = if self.parts[0].pieces[0] < part.pieces[0] {
            self.parts.iter().position(|p| p.pieces[0] > part.pieces[0]).unwrap_or(self.parts.len())
        } else {
            1
        };
        self.parts.insert(at.min(self.parts.len()), part);
        self.close_if_byline_last(context);
    }

    /// An article with a body is closed when its last piece in reading
    /// order is a byline (after parts were put back in order).
    fn close_if_byline_last(&mut self, context: &Context) {
        self.closed = self.has_body
            && self
                .parts
                .last()
                .and_then(|p| p.pieces.last())
                .is_some_and(|&id| context.role(id) == Role::Byline);
    }

    /// Adds a part that opens the article's text (see [`opens_with_dateline`])
    /// right after its title, before every other part, whatever their input
    /// order: the dateline starts an article's first paragraph, so nothing
    /// but the headline goes before it.
    fn insert_after_title(&mut self, context: &Context, segment: Segment) {
        let last = self.parts.len();
        self.push(context, segment);
        let part = self.parts.remove(last);
        let first = &mut self.parts[0];
        let title = first.pieces.iter().take_while(|&&id| context.role(id).is_heading()).count();
        let at = if title == 0 {
            0
        } else if title < first.pieces.len() {
            // The title and the text after it came as one run: cut it after
            // the title, dropping the score of the junction cut.
            let scores = if first.scores.len() >= title { first.scores.split_off(title) } else { Vec::new() };
            let rest = Segment { pieces: first.pieces.split_off(title), scores };
            first.scores.truncate(title - 1);
            self.parts.insert(1, rest);
            1
        } else {
            1
        };
        self.parts.insert(at, part);
        self.close_if_byline_last(context);
    }

    /// Adds a part to a closed article before its closing byline.
    fn insert_before_byline(&mut self, context: &Context, segment: Segment) {
        let last = self.parts.last_mut().expect("a closed article has parts");
        let byline =
            Segment { pieces: vec![last.pieces.pop().expect("parts are not empty")], scores: Vec::new() };
        last.scores.pop();
        if last.pieces.is_empty() {
            self.parts.pop();
        }
        self.push(context, segment);
        // The byline's words are in the profile already: only its place
        // moves, and it closes the article again.
        self.parts.push(byline);
        self.closed = self.has_body;
    }

    /// Whether the article was closed by a byline that stands before `at`
    /// in the input. A byline later in the input has closed the article's
    /// chain but not yet its stretch of the page: sparse-text OCR emits an
    /// article's columns in turn up to its byline, so a column decoded as
    /// a chain of its own starts inside that stretch.
    fn closed_before(&self, at: PieceId) -> bool {
        self.closed && self.parts.last().and_then(|p| p.pieces.last()).is_some_and(|&byline| byline < at)
    }

    /// Whether the article's text so far stops inside a sentence: its last
    /// piece is body text without a sentence end.
    fn stops_mid_sentence(&self, context: &Context) -> bool {
        self.parts.last().and_then(|p| p.pieces.last()).is_some_and(|&id| {
            context.role(id) == Role::Body && !ends_sentence(context.page.piece(id).text.trim_end())
        })
    }

    fn push(&mut self, context: &Context, segment: Segment) {
        self.profile.absorb(context.profile(&segment.pieces));
        let tokens = self.profile.len();
        if tokens > self.tokens_at_refresh + self.tokens_at_refresh / 10 + 8 || self.parts.is_empty() {
            self.topic = self.profile.vector(context.idf);
            self.tokens_at_refresh = tokens;
        }
        self.has_body |= segment.pieces.iter().any(|&id| context.role(id) == Role::Body);
        self.cells += context.cells(&segment.pieces);
        self.closed =
            self.has_body && segment.pieces.last().is_some_and(|&id| context.role(id) == Role::Byline);
        self.parts.push(segment);
    }
}

/// How many of the most recent open articles a run of text may join.
/// Articles interleave on a page, but not across dozens of others; the bound
/// keeps assembly linear on huge inputs.
const OPEN_ARTICLES: usize = 16;

/// Cuts chains into articles. Segments are taken in input order of their
/// first piece; a headline opens an article; a segment without one joins the
/// open article it shares most content words with (the latest one when it
/// starts mid-sentence), or opens an article of its own when it shares
/// almost none.
pub fn assemble(page: &Page, chains: Vec<Chain>) -> Assembly {
    assemble_with_idf(page, chains, &Idf::from_page(page))
}

/// [`assemble`] with the page's topic weights given (the scoring stage
/// builds them on the way; see [`crate::score::score_page_and_idf`]).
pub fn assemble_with_idf(page: &Page, chains: Vec<Chain>, idf: &Idf) -> Assembly {
    let context = Context {
        page,
        roles: page.pieces.iter().map(|p| p.role).collect(),
        column_widths: width::column_widths(page),
        idf,
        in_inset: {
            let insets = insets::insets(page);
            let of = insets::inset_of_lines(page, &insets);
            page.pieces.iter().map(|p| of[p.line].is_some()).collect()
        },
        cuts_unlike: std::cell::OnceCell::new(),
    };
    let mut segments = Vec::new();
    for chain in chains {
        split_chain(&context, chain, &mut segments);
    }
    segments.sort_by_key(|s| s.pieces[0]);
    let mut assembly = Assembly::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut deferred: Vec<Segment> = Vec::new();
    let mut lone_bylines: Vec<Segment> = Vec::new();
    for segment in segments {
        if segment.pieces.iter().all(|&id| context.role(id) == Role::Fragment) {
            assembly.unplaced.extend(segment.pieces);
            continue;
        }
        if is_lone_closing_byline(&context, &segment) {
            lone_bylines.push(segment);
            continue;
        }
        let head_role = context.role(segment.pieces[0]);
        let head_text = &page.piece(segment.pieces[0]).text;
        // A run that opens on the line of a headline cut off beside it is
        // that column's text: no headline waiting for its text takes it.
        // Such a headline opens its line, so only the line's first piece
        // can be one.
        let line_head = PieceId(page.lines[page.piece(segment.pieces[0]).line].pieces.start);
        let beside_head = headline_beside_column(&context, line_head).then_some(line_head);
        let beside_line =
            |d: &Draft| beside_head.is_some_and(|h| d.parts.iter().any(|p| p.pieces.contains(&h)));
        let mut open: Vec<usize> = (0..drafts.len())
            .rev()
            .filter(|&d| !drafts[d].closed && (drafts[d].has_body || !beside_line(&drafts[d])))
            .take(OPEN_ARTICLES)
            .collect();
        open.reverse();
        let latest_has_no_body = drafts.last().is_some_and(|d| !d.has_body && !beside_line(d));
        // A run of body text opening with a Latin dateline ("PLACE, Mon 26 -",
        // "Ort – Text") is an article's first paragraph: a dateline opens an
        // article and only its headline stands before it, so the run opens
        // an article of its own (unless a headline waits for its text)
        // rather than joining an open article whose common words it shares
        // (ocr-de-009: side-by-side articles alike at 0.05 and more).
        let opens_latin_article =
            !page.is_cjk() && head_role == Role::Body && opens_with_latin_dateline(page, &segment.pieces);
        let target = if head_role == Role::Headline {
            // A headline line right after a headline that has no text yet
            // goes on that headline where both are set alike (capitals
            // only, or not): a two-line headline that chaining left in two
            // runs, as sparse-text OCR emits each headline line as a block
            // of its own. A headline in another style is another article's.
            drafts
                .last()
                .filter(|d| !page.is_cjk() && !d.has_body && !d.closed)
                .and_then(|d| d.parts.last()?.pieces.last().copied())
                .filter(|&last| context.role(last).is_heading())
                .and_then(|last| {
                    chars::capitals_only(&page.piece(last).text).zip(chars::capitals_only(head_text))
                })
                .filter(|&(above, here)| above && here)
                .map(|_| drafts.len() - 1)
        } else if open.is_empty() || (opens_latin_article && !latest_has_no_body) {
            None
        } else if head_role == Role::Subhead {
            // A section of the latest open article when it shares its topic,
            // else the headline of a new article. A run too short to show a
            // topic stays with the article it stands in.
            let latest = *open.last().expect("open is not empty");
            let similarity =
                drafts[latest].topic.cosine(&context.profile(&segment.pieces).vector(context.idf));
            let cells: f32 = segment.pieces.iter().map(|&id| page.piece(id).cells).sum();
            (similarity >= SUBHEAD_TOPIC_THRESHOLD || cells < MIN_TOPIC_CELLS).then_some(latest).or_else(
                || {
                    // A section its article's headline announced: the headline
                    // quotes a list of keywords, the section head one of them.
                    let announced = quoted_items(head_text);
                    open.iter().rev().copied().find(|&d| {
                        let title =
                            drafts[d].parts[0].pieces.iter().take_while(|&&id| context.role(id).is_heading());
                        title.into_iter().any(|&id| {
                            quoted_items(&page.piece(id).text).iter().any(|item| announced.contains(item))
                        })
                    })
                },
            )
        } else if context.in_inset[segment.pieces[0].0] {
            // Another column than the text around it: only an article of
            // its own topic takes it.
            let topic = context.profile(&segment.pieces).vector(context.idf);
            most_alike_of(&drafts, &open, &topic, INSET_TOPIC_THRESHOLD)
        } else if let Some(d) = headline_draft_over(&context, &drafts, &open, segment.pieces[0])
            .filter(|_| head_role == Role::Body && !opens_latin_article)
        {
            // A run of body text starting in the column under an open
            // article's headline is that article's, whichever article waits
            // mid-sentence or has a headline with no text yet.
            Some(d)
        } else if latest_has_no_body {
            // A headline waiting for its text: the latest open article.
            // A byline read alone with no headline waits only for text
            // that no other open article clearly claims (see
            // [`BYLINE_WAIT_TOPIC_THRESHOLD`]).
            let latest = *open.last().expect("open is not empty");
            let claimed = is_foot_credit_alone(&context, &drafts, latest)
                .then(|| {
                    let topic = context.profile(&segment.pieces).vector(context.idf);
                    let others: Vec<usize> = open.iter().copied().filter(|&d| d != latest).collect();
                    most_alike_of(&drafts, &others, &topic, BYLINE_WAIT_TOPIC_THRESHOLD)
                })
                .flatten();
            claimed.or(Some(latest))
        } else if head_text.chars().next().is_some_and(|c| is_line_start_forbidden(c) || c.is_lowercase()) {
            // Text that starts mid-sentence goes on a sentence that an
            // article left open: an open article it clearly shares its topic
            // with, else, of the open articles whose text stops mid-sentence
            // (an article that ended its sentence goes on with a new one,
            // never in lower case), the one it shares most content words
            // with, the latest where it shares none with any (several
            // articles wait mid-sentence where columns are out of order;
            // the latest is only the nearest, a shared name says more:
            // ocr-en-013 0.502 -> 0.519, syn-de-002 with the Latin cut-join
            // bar of `chains`), else the most alike open article (at the
            // Latin bar on a Latin page), else the latest.
            let topic = context.profile(&segment.pieces).vector(context.idf);
            let waiting: Vec<usize> =
                open.iter().copied().filter(|&d| drafts[d].stops_mid_sentence(&context)).collect();
            // ...unless the run is as long as that article, which shows a
            // topic of its own, and shares little of it: glued side-by-side
            // articles lose a column's first words to the cut, so another
            // article's column may open mid-sentence too (dev ocr-en-001,
            // the second article's text ran into the first). Such a run is
            // placed once every article has opened, as a deferred run is.
            let cells = context.cells(&segment.pieces);
            let unlike = |d: usize| {
                !page.is_cjk()
                    && cells >= drafts[d].cells
                    && drafts[d].cells >= LONG_RUN_PROFILE_CELLS
                    && drafts[d].topic.cosine(&topic) < LONG_RUN_TOPIC_THRESHOLD
            };
            // "Most alike" needs more than common words: on a Latin page
            // unrelated articles share reporting verbs and titles to about
            // 0.05 to 0.07, so there the bar is the Latin one, as for a
            // deferred run; below it the run stays with the latest article,
            // the one it was read after (syn-en-020: a column's tail read
            // after another article's first column went to an earlier,
            // unrelated article at 0.069, 0.784 -> 0.815; no other page
            // moves).
            let related = if page.is_cjk() { TOPIC_THRESHOLD } else { DEFERRED_LATIN_TOPIC_THRESHOLD };
            most_alike_of(&drafts, &open, &topic, CLOSED_TOPIC_THRESHOLD)
                .or_else(|| most_alike_of(&drafts, &waiting, &topic, 0.0))
                .or_else(|| most_alike_of(&drafts, &open, &topic, related))
                .or(open.last().copied())
                .filter(|&d| !unlike(d))
        } else {
            let topic = context.profile(&segment.pieces).vector(context.idf);
            most_alike_of(&drafts, &open, &topic, TOPIC_THRESHOLD)
        };
        let starts_its_own = head_role.is_heading() || head_role == Role::Byline || opens_latin_article;
        match target {
            Some(d) => drafts[d].push(&context, segment),
            // Headless text that matches no article before it may belong to
            // one whose headline comes later (columns out of order): decide
            // once every article has been opened.
            None if !starts_its_own => deferred.push(segment),
            None => drafts.push(Draft::new(&context, segment)),
        }
    }
    for segment in deferred {
        let topic = context.profile(&segment.pieces).vector(context.idf);
        let cells = context.cells(&segment.pieces);
        let in_inset = context.in_inset[segment.pieces[0].0];
        let open_threshold = |draft: &Draft| {
            if in_inset {
                INSET_TOPIC_THRESHOLD
            } else {
                deferred_threshold(page.is_cjk(), cells, draft.cells)
            }
        };
        // Failing an open article, a closed one that shares the run's topic
        // clearly: OCR reading across columns may give a column of an
        // article after the byline closing its last column.
        // A run opening with a dateline is an article's first paragraph:
        // it never stands inside another article's stretch.
        let first = segment.pieces[0];
        let at = if is_dateline_start(&page.piece(first).text) { PieceId(usize::MAX) } else { first };
        let best = credited_owner(&context, &drafts, &segment)
            .or_else(|| most_alike(&drafts, at, false, &topic, open_threshold))
            .or_else(|| most_alike(&drafts, at, true, &topic, |_| CLOSED_TOPIC_THRESHOLD))
            .or_else(|| tail_owner(&context, &drafts, &segment, &topic))
            .or_else(|| read_after(&context, &drafts, &segment, cells));
        match best {
            Some(d) if opens_with_dateline(&context, &segment) => {
                drafts[d].insert_after_title(&context, segment)
            }
            Some(d) if drafts[d].closed => drafts[d].insert_before_byline(&context, segment),
            Some(d) => drafts[d].insert_in_reading_order(&context, segment),
            None => drafts.push(Draft::new(&context, segment)),
        }
    }
    // Last, once every run has its article: a closing byline that OCR
    // read alone closes the article it was read after.
    for segment in lone_bylines {
        match closed_by_lone_byline(&context, &drafts, segment.pieces[0]) {
            Some(d) => drafts[d].push(&context, segment),
            None => drafts.push(Draft::new(&context, segment)),
        }
    }
    bylines_to_their_datelines(&context, &mut drafts);
    close_by_foot_bylines(&context, &mut drafts);
    // Articles in the order their first part stood in the input.
    drafts.sort_by_key(|d| d.parts[0].pieces[0]);
    assembly.articles = drafts.into_iter().map(|d| build_article(&context, d.parts)).collect();
    assembly
}

/// A piece with fewer characters than this before a run's first line is a
/// scrap (specks or a rule read as letters), not the run's text.
const SCRAP_CHARS: usize = 3;

/// Whether a run of Latin text opens with a dateline: its first line does
/// ([`is_latin_dateline_start`]), or its first line names only the place
/// and its second line goes on with the date (a newswire dateline set in a
/// narrow column breaks after the place: "PLACE, Region," then "Mon 26 -").
fn opens_with_latin_dateline(page: &Page, pieces: &[PieceId]) -> bool {
    let first = &page.piece(pieces[0]).text;
    is_latin_dateline_start(first)
        || pieces.get(1).is_some_and(|&second| {
            first.trim_end().ends_with(',')
                && is_newswire_dateline_start(&format!("{} {}", first.trim_end(), page.piece(second).text))
        })
}

/// Whether a run opens with a dateline ("本报北京6月9日电"), after any scraps
/// OCR read above it: then it is the first paragraph of its article.
fn opens_with_dateline(context: &Context, segment: &Segment) -> bool {
    segment
        .pieces
        .iter()
        .map(|&id| context.page.piece(id).text.as_str())
        .find(|text| text.chars().filter(|c| !c.is_whitespace()).count() >= SCRAP_CHARS)
        .is_some_and(is_dateline_start)
}

/// The topic similarity at which a deferred run of `run_cells` joins an open
/// article of `draft_cells`.
fn deferred_threshold(cjk: bool, run_cells: f32, draft_cells: f32) -> f64 {
    if cjk {
        TOPIC_THRESHOLD
    } else if run_cells >= draft_cells {
        LONG_RUN_TOPIC_THRESHOLD
    } else {
        DEFERRED_LATIN_TOPIC_THRESHOLD
    }
}

/// A headless run shorter than this (in cells, about a short paragraph)
/// that shares its topic with no article is too little text to stand as
/// an article of its own. Why: nearly every printed article opens with a
/// headline, so a short run without one is a part of some article that the
/// chains cut off (a column's stray lines where sparse-text OCR read
/// columns across), and the topic signal is blind on so few characters;
/// then the only evidence left is where OCR read it, which is what the
/// input order keeps. A longer run shows a topic of its own and may be an
/// article whose headline OCR did not read as one. Dev scores the same
/// from 60 to 100 cells; 40 keeps too many scraps apart, 150 merges
/// articles whose headline was lost.
const SHORT_RUN_CELLS: f32 = 80.0;

/// The article a short headless run that matched no article by topic
/// joins (see [`SHORT_RUN_CELLS`]): the one holding the nearest piece read
/// before it in the input. `None` for a longer run, a run in an inset (the
/// layout says it is another column than the text read around it), a run
/// opening with a dateline (the first paragraph of an article whose
/// headline is missing), or a run read before every article.
fn read_after(context: &Context, drafts: &[Draft], segment: &Segment, cells: f32) -> Option<usize> {
    let in_inset = context.in_inset[segment.pieces[0].0];
    if cells >= SHORT_RUN_CELLS || in_inset || opens_with_dateline(context, segment) {
        return None;
    }
    (0..segment.pieces[0].0).rev().find_map(|id| draft_holding(drafts, PieceId(id)))
}

/// The draft that holds a piece, if any does.
fn draft_holding(drafts: &[Draft], id: PieceId) -> Option<usize> {
    drafts.iter().position(|d| d.parts.iter().any(|p| p.pieces.contains(&id)))
}

/// Where a piece starts across its printed line and how wide it is, in
/// cells (a space is half a cell, as a Latin letter).
fn across(page: &Page, id: PieceId) -> (f32, f32) {
    let piece = page.piece(id);
    let line = &page.lines[piece.line];
    let mut x = 0.0;
    let mut end = 0;
    for other in line.pieces.start..id.0 {
        let other = &page.pieces[other];
        x += other.span.start.saturating_sub(end) as f32 * 0.5 + other.cells;
        end = other.span.end;
    }
    x += piece.span.start.saturating_sub(end) as f32 * 0.5;
    (x, x + piece.cells)
}

/// The piece standing right above `id` in its column: on the nearest of
/// the [`FOOT_BYLINE_REACH`] printed lines above that has a piece whose
/// span across the page overlaps `id`'s, the one overlapping most.
fn piece_above(page: &Page, id: PieceId) -> Option<PieceId> {
    let line = page.piece(id).line;
    let (left, right) = across(page, id);
    (line.saturating_sub(FOOT_BYLINE_REACH)..line).rev().find_map(|above| {
        page.lines[above]
            .pieces
            .clone()
            .map(PieceId)
            .map(|other| {
                let (l, r) = across(page, other);
                (other, right.min(r) - left.max(l))
            })
            .filter(|&(_, overlap)| overlap > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(other, _)| other)
    })
}

/// A run of text without a headline that ends in a byline after its text
/// is the last column of an article: an article prints one byline, so the
/// run joins an article that has a title and text but no byline of its own,
/// the one it shares most words with, at or above this topic similarity.
/// Set below [`TOPIC_THRESHOLD`]: a tail column shares only a few terms
/// with its article, and the byline already says it closes one.
const TAIL_TOPIC_THRESHOLD: f64 = 0.02;

/// The draft a headless run ending in a byline closes (see
/// [`TAIL_TOPIC_THRESHOLD`]): of the titled drafts with body text and no
/// byline anywhere, the one most alike in topic.
fn tail_owner(context: &Context, drafts: &[Draft], segment: &Segment, topic: &Vector) -> Option<usize> {
    let role = |id: &PieceId| context.role(*id);
    let ends_in_byline = segment.pieces.last().is_some_and(|id| role(id) == Role::Byline)
        && segment.pieces.iter().any(|id| role(id) == Role::Body);
    if !ends_in_byline {
        return None;
    }
    (0..drafts.len())
        .filter(|&d| {
            let draft = &drafts[d];
            draft.has_body
                && draft.parts[0].pieces.first().is_some_and(|id| role(id).is_heading())
                && !draft.parts.iter().flat_map(|p| p.pieces.iter()).any(|id| role(id) == Role::Byline)
        })
        .map(|d| (d, drafts[d].topic.cosine(topic)))
        .filter(|&(_, similarity)| similarity >= TAIL_TOPIC_THRESHOLD)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(d, _)| d)
}

/// How far left of a row headline's start, as a share of the line, a run
/// below may start and still stand under it: OCR adds or drops specks and
/// spaces at a line's start, and body lines are set in smaller type than the
/// row they stand under.
const ROW_HEADLINE_SLACK: f32 = 0.05;

/// The open draft whose headline, cut out of a row of side-by-side
/// headlines, stands over the column where `head` starts: on the nearest
/// line with a headline among the [`HEADLINE_OVER_COLUMN_LINES`] above
/// `head`'s, when it holds two headlines or more, the last of them starting
/// at or left of `head` (each headline of a row heads its stretch of the
/// page up to the next one's start). Why: on grid pages (two rows of two
/// articles) an article of the upper row left mid-sentence, or the row's
/// last headline still without text, took the lower-case run that opens
/// the second column under the row's first headline. Only while the
/// headline's article holds its body text mostly in that stretch: where
/// it took another article's columns (side-by-side articles whose
/// headlines OCR read as one row, the row cut wrong), the headline no
/// longer tells which article the columns under it belong to.
fn headline_draft_over(context: &Context, drafts: &[Draft], open: &[usize], head: PieceId) -> Option<usize> {
    let page = context.page;
    if page.is_cjk() {
        return None;
    }
    let head_line = page.piece(head).line;
    let (start, _) = share_across(page, head);
    let headlines = |line: usize| -> Vec<PieceId> {
        page.lines[line]
            .pieces
            .clone()
            .map(PieceId)
            .filter(|&id| context.role(id) == Role::Headline)
            .collect()
    };
    let row = (head_line.saturating_sub(HEADLINE_OVER_COLUMN_LINES)..head_line)
        .rev()
        .map(headlines)
        .find(|row| !row.is_empty())?;
    if row.len() < 2 {
        return None;
    }
    let at = row.iter().rposition(|&id| share_across(page, id).0 <= start + ROW_HEADLINE_SLACK).unwrap_or(0);
    let headline = row[at];
    // The headline's stretch of the page: from its start to the next row
    // headline's start (shares of a line, with the same slack).
    let stretch_start = share_across(page, headline).0 - ROW_HEADLINE_SLACK;
    let stretch_end =
        row.get(at + 1).map_or(f32::INFINITY, |&id| share_across(page, id).0 - ROW_HEADLINE_SLACK);
    let in_stretch = |id: PieceId| {
        let left = share_across(page, id).0;
        stretch_start <= left && left < stretch_end
    };
    // Only once the headline's text has begun, and begun as an article
    // does (a dateline or a sentence, after any specks), not with a
    // lower-case run it took while waiting: a headline still without text,
    // or one holding another column's sentence, is no sure guide to the
    // columns below it.
    let opened = |d: &usize| {
        let mut body = drafts[*d]
            .parts
            .iter()
            .flat_map(|p| p.pieces.iter())
            .filter(|&&id| context.role(id) == Role::Body);
        body.next().is_some_and(|&id| {
            page.piece(id).text.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| !c.is_lowercase())
        })
    };
    // And only while the article's body text stands mostly under its
    // headline, as the row's premise says: a headline whose article took
    // text from another article's columns (a row read as one article's,
    // a headline cut wrong) does not head the columns below it.
    let under_headline = |d: &usize| {
        let (mut inside, mut all) = (0usize, 0usize);
        for &id in drafts[*d].parts.iter().flat_map(|p| p.pieces.iter()) {
            if context.role(id) == Role::Body {
                let chars = page.piece(id).text.chars().count();
                all += chars;
                if in_stretch(id) {
                    inside += chars;
                }
            }
        }
        2 * inside > all
    };
    draft_holding(drafts, headline).filter(|d| open.contains(d) && opened(d) && under_headline(d))
}

/// The draft, closed or open as asked (closed by a byline before `at` in
/// the input), whose topic is most like `topic`, at or above the threshold
/// it sets for that draft; of equally alike drafts the one opened first.
fn most_alike(
    drafts: &[Draft],
    at: PieceId,
    closed: bool,
    topic: &Vector,
    threshold: impl Fn(&Draft) -> f64,
) -> Option<usize> {
    (0..drafts.len())
        .filter(|&d| drafts[d].closed_before(at) == closed)
        .map(|d| (d, drafts[d].topic.cosine(topic)))
        .filter(|&(d, similarity)| similarity >= threshold(&drafts[d]))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(d, _)| d)
}

/// Of the drafts `among`, the one whose topic is most like `topic`, at or
/// above `threshold`; of equally alike drafts the later one.
fn most_alike_of(drafts: &[Draft], among: &[usize], topic: &Vector, threshold: f64) -> Option<usize> {
    among
        .iter()
        .map(|&d| (d, drafts[d].topic.cosine(topic)))
        .filter(|&(_, similarity)| similarity >= threshold)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(d, _)| d)
}

/// The items of the quoted spans of a text: a quote's text split at
/// enumeration marks and spaces ("聚焦“稳、准、好”" gives 稳, 准, 好). Why: a
/// headline that names its sections quotes their keywords as a list, and
/// each section head quotes its own ("“稳”是基础"); an item shared in
/// quotes ties a section head to its article where the section's words
/// (a new aspect of the story) share too little with the lead to show it.
fn quoted_items(text: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut open_at: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let opens = matches!(c, '“' | '「' | '『' | '‘') || c == '"' && open_at.is_none();
        let closes = matches!(c, '”' | '」' | '』' | '’') || c == '"' && open_at.is_some();
        if closes {
            if let Some(start) = open_at.take() {
                items.extend(
                    text[start..at]
                        .split(|c: char| matches!(c, '、' | ',' | '，' | '/' | '·') || c.is_whitespace())
                        .filter(|item| !item.is_empty()),
                );
            }
        } else if opens {
            open_at = Some(at + c.len_utf8());
        }
    }
    items
}

fn build_article(context: &Context, parts: Vec<Segment>) -> Article {
    let pieces: Vec<PieceId> = parts.iter().flat_map(|s| s.pieces.iter().copied()).collect();
    let scores: Vec<f32> = parts.iter().flat_map(|s| s.scores.iter().copied()).collect();
    let mut title = Vec::new();
    let mut byline = Vec::new();
    let mut body = Vec::new();
    for (index, &id) in pieces.iter().enumerate() {
        match context.role(id) {
            role if role.is_heading() && index == title.len() => title.push(id),
            Role::Byline if byline.is_empty() && (index + 1 == pieces.len() || body.is_empty()) => {
                byline.push(id)
            }
            _ => body.push(id),
        }
    }
    let confidence = if scores.is_empty() {
        0.5
    } else {
        scores.iter().map(|s| 1.0 / (1.0 + (-s).exp())).sum::<f32>() / scores.len() as f32
    };
    Article { title, paragraphs: paragraphs(context, &body), byline, confidence }
}

/// Splits body pieces into paragraphs: a paragraph ends after a piece that
/// ends a sentence and is either short for its column or the last printed
/// line of an input line that held a whole paragraph, and around headings,
/// bylines and glyphs.
fn paragraphs(context: &Context, body: &[PieceId]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for (index, &id) in body.iter().enumerate() {
        current.push(id);
        let piece = context.page.piece(id);
        let is_last = index + 1 == body.len();
        let role_break = context.role(id) != Role::Body
            || body.get(index + 1).is_some_and(|&n| context.role(n) != Role::Body);
        let line = &context.page.lines[piece.line];
        let ends_paragraph_line = line.pieces.len() >= 3 && id.0 + 1 == line.pieces.end;
        let short = width::fullness(piece.cells, context.column_widths[id.0]) < 0.85;
        if is_last || role_break || (ends_sentence(&piece.text) && (short || ends_paragraph_line)) {
            out.push(Paragraph { pieces: std::mem::take(&mut current) });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::credits::credited_reporter;
    use super::cut::INCOHERENT_SCORE;
    use super::*;
    use crate::assemble::chains::input_order;
    use crate::parse::parse_page;

    /// A chain of the pieces `ids`, each of its junctions scored `score`.
    fn chain_of(ids: impl IntoIterator<Item = usize>, score: f32) -> Chain {
        let pieces: Vec<PieceId> = ids.into_iter().map(PieceId).collect();
        let scores = vec![score; pieces.len().saturating_sub(1)];
        Chain { pieces, scores }
    }

    /// The assembler's view of `page` outside any inset, with the page's
    /// topic weights `idf`.
    fn context_of<'a>(page: &'a Page, idf: &'a Idf) -> Context<'a> {
        Context {
            page,
            roles: page.pieces.iter().map(|p| p.role).collect(),
            column_widths: width::column_widths(page),
            idf,
            in_inset: vec![false; page.pieces.len()],
            cuts_unlike: std::cell::OnceCell::new(),
        }
    }

    /// The topic vector of the pieces `ids` of `page`, as the assembler
    /// weighs it.
    fn topic_of(page: &Page, ids: impl IntoIterator<Item = usize>) -> Vector {
        let mut profile = Profile::new();
        for id in ids {
            profile.add(&page.pieces[id].text);
        }
        profile.vector(&Idf::from_page(page))
    }

    /// A headline's article whose column a chain runs on, with a junction
    /// scored `score`, into a column of another topic that shares no word
    /// with it: how many articles come out. The column's lines end with
    /// `last_mark` before the junction.
    fn articles_across_a_junction(score: f32, last_mark: char) -> usize {
        let last = format!("公交线路和沿线站点{last_mark}");
        let bus = ["全市公交线路将于下月", "起调整，涉及二十多条", last.as_str()];
        let apples = ["山区果农今年喜获丰收", "，红苹果销往全国各地", "的水果市场和超市里。"];
        let text = format!(
            "全市公交线路调整方案今天公布\n\n{}\n{}\n",
            bus.repeat(6).join("\n"),
            apples.repeat(6).join("\n")
        );
        let page = parse_page(&text, 0, 1);
        assert_eq!(page.pieces.len(), 37);
        assert!(page.pieces[0].role.is_heading());
        // Each side holds 180 cells; the junction is the bus column's last.
        let mut chain = chain_of(0..37, 6.0);
        chain.scores[18] = score;
        assemble(&page, vec![chain]).articles.len()
    }

    #[test]
    fn a_chain_is_cut_at_a_weak_junction_between_unlike_text() {
        assert_eq!(articles_across_a_junction(1.0, '。'), 2);
        // A strong junction stays: the layout is sure the column goes on.
        assert_eq!(articles_across_a_junction(INCOHERENT_SCORE + 1.0, '。'), 1);
    }

    #[test]
    fn a_chinese_chain_is_not_cut_inside_a_sentence() {
        assert_eq!(articles_across_a_junction(1.0, '，'), 1);
    }

    /// A headline, then the lines `before` and `after` as one chain whose
    /// junction between them scores 1 (weak) and every other 6: how many
    /// runs the article stage cuts the chain into.
    fn runs_of_one_chain(headline: &str, before: &[String], after: &[String]) -> usize {
        let text = format!("{headline}\n\n{}\n{}\n", before.join("\n"), after.join("\n"));
        let page = parse_page(&text, 0, 1);
        let pieces = 1 + before.len() + after.len();
        assert_eq!(page.pieces.len(), pieces);
        assert!(page.pieces[0].role.is_heading());
        let idf = Idf::from_page(&page);
        let context = context_of(&page, &idf);
        let mut chain = chain_of(0..pieces, 6.0);
        chain.scores[before.len()] = 1.0;
        let mut runs = Vec::new();
        split_chain(&context, chain, &mut runs);
        runs.len()
    }

    /// A column's lines: `lines` repeated `times` times.
    fn column_lines(lines: &[&str], times: usize) -> Vec<String> {
        lines.repeat(times).into_iter().map(str::to_string).collect()
    }

    #[test]
    fn an_english_chain_is_not_cut_inside_a_sentence() {
        let bridge = [
            "The new harbour bridge will open to traffic in",
            "the spring, the council said on Monday, and the",
            "work on the approach roads is nearly finished.",
        ];
        let farm = [
            "Apple growers in the hills expect a record crop",
            "this year after a warm summer with enough rain,",
            "and the fruit is already sold to every market.",
        ];
        let headline = "HARBOUR BRIDGE TO OPEN IN SPRING";
        // Each side holds about 210 cells; the bridge column ends a sentence.
        assert_eq!(runs_of_one_chain(headline, &column_lines(&bridge, 3), &column_lines(&farm, 3)), 2);
        // The same column stopping inside a sentence ("... and the").
        let mut open = column_lines(&bridge, 3);
        open.push(bridge[0].to_string());
        assert_eq!(runs_of_one_chain(headline, &open, &column_lines(&farm, 3)), 1);
    }

    #[test]
    fn a_chain_whose_whole_sides_share_their_topic_is_not_cut() {
        let bus = ["全市公交线路将于下月", "起调整，涉及二十多条", "公交线路和沿线站点。"];
        let apples = ["山区果农今年喜获丰收", "，红苹果销往全国各地", "的水果市场和超市里。"];
        let headline = "全市公交线路调整方案今天公布";
        // 330 cells of the bus column before the junction, 180 of apples
        // after it: unlike on every window, cut.
        assert_eq!(runs_of_one_chain(headline, &column_lines(&bus, 11), &column_lines(&apples, 6)), 2);
        // The same, but the column read the apples before the bus lines:
        // the last 300 cells before the junction still share nothing with
        // the apples after it, the whole side does.
        let before = [column_lines(&apples, 6), column_lines(&bus, 11)].concat();
        assert_eq!(runs_of_one_chain(headline, &before, &column_lines(&apples, 6)), 1);
    }

    #[test]
    fn a_latin_run_as_long_as_the_article_it_would_join_needs_a_clearer_topic() {
        let shorter = deferred_threshold(false, 500.0, 2000.0);
        let as_long = deferred_threshold(false, 2000.0, 2000.0);
        assert_eq!(shorter, DEFERRED_LATIN_TOPIC_THRESHOLD);
        assert!(as_long > shorter);
        // Similarity a side-by-side article reaches through common words.
        assert!(as_long > 0.099);
        assert_eq!(deferred_threshold(true, 2000.0, 2000.0), TOPIC_THRESHOLD);
    }

    /// How many articles a headline's article (`lead`: the headline and one
    /// paragraph, chained) and a body `run` after it, a chain of its own,
    /// come out as.
    fn articles_with_run(lead: &str, run: &str) -> usize {
        let page = parse_page(&format!("{lead}\n\n{run}\n"), 0, 1);
        assert_eq!(page.pieces.len(), 3, "{run}");
        assert_eq!(page.pieces[2].role, Role::Body, "{run}");
        assemble(&page, vec![chain_of([0, 1], 1.0), chain_of([2], 0.0)]).articles.len()
    }

    #[test]
    fn a_short_headless_run_of_no_article_joins_the_article_read_before_it() {
        // A headline's article, then a run on another topic as a chain of
        // its own: short, it joins the article it was read after; as long
        // as a paragraph, or opening with a dateline, it stands alone.
        let articles = |run: &str| {
            articles_with_run(
                "全市公交线路调整方案今天公布\n\n全市公交线路将于下月起调整，涉及二十多条线路。",
                run,
            )
        };
        let short = "山区果农喜获丰收，苹果销往各地。";
        assert_eq!(articles(short), 1);
        assert_eq!(articles(&short.repeat(6)), 2);
        assert_eq!(articles(&format!("本报北京6月9日电{short}")), 2);
    }

    #[test]
    fn a_headless_latin_run_opening_with_a_dateline_opens_its_own_article() {
        // A headline's article, then a run of the same topic as a chain of
        // its own: it joins the article, unless it opens with a dateline,
        // which only ever opens an article's first paragraph.
        let articles = |run: &str| {
            articles_with_run(
                "HARBOUR BRIDGE TO OPEN IN SPRING\n\nThe new harbour bridge will open to traffic in the spring, the council said.",
                run,
            )
        };
        let run = "The harbour bridge council said traffic on the bridge would be heavy in the spring.";
        assert_eq!(articles(run), 1);
        assert_eq!(articles(&format!("Lakeside - {run}")), 2);
        assert_eq!(articles(&format!("LAKESIDE, May 4 - {run}")), 2);
    }

    #[test]
    fn a_dateline_broken_after_its_place_opens_its_own_article() {
        // A narrow column breaks the dateline after the place: its first
        // line names only the place, the second goes on with the date.
        let articles = |first: &str| {
            let page = parse_page(
                &format!(
                    "HARBOUR BRIDGE TO OPEN IN SPRING\n\nThe new harbour bridge will open to traffic in the spring, the council said.\n\n\
                     {first}\nMay 4 - The harbour bridge council said traffic on the bridge would be heavy in the spring.\n"
                ),
                0,
                1,
            );
            assert_eq!(page.pieces.len(), 4);
            assemble(&page, vec![chain_of([0, 1], 1.0), chain_of([2, 3], 1.0)]).articles.len()
        };
        assert_eq!(articles("LAKESIDE, Ont.,"), 2);
        // A line of running text before a line opening with a date opens
        // nothing.
        assert_eq!(articles("the bridge, the council said, from"), 1);
    }

    #[test]
    fn a_run_under_a_row_headline_goes_to_that_headlines_opened_article() {
        // A row of two headlines cut apart; the left article stops
        // mid-sentence, the right one has opened with its dateline; a run on
        // the left article's topic starts in the right headline's stretch
        // of the page: the right article's column, not the left's sentence.
        let page = |gap: usize| {
            parse_page(
                &format!(
                    "RAIN RETURNS TO THE VALLEY      BRIDGE PLAN APPROVED\n\
                     the farmers of the valley said the rain      LAKESIDE, May 4 - The city council\n\
                     had come and the crops would{}and valley farmers welcomed the rain.\n",
                    " ".repeat(gap)
                ),
                0,
                1,
            )
        };
        let run_goes_right = |page: &Page| {
            let roles: Vec<Role> = page.pieces.iter().map(|p| p.role).collect();
            assert_eq!(
                roles,
                [Role::Headline, Role::Headline, Role::Body, Role::Body, Role::Body, Role::Body]
            );
            let chains = vec![chain_of([0, 2, 4], 1.0), chain_of([1, 3], 1.0), chain_of([5], 0.0)];
            let assembly = assemble(page, chains);
            article_of(&assembly, PieceId(5)) == article_of(&assembly, PieceId(1))
        };
        // Under the right headline: its article's.
        assert!(run_goes_right(&page(24)));
        // Under the left one (the line's first half): the topic decides.
        assert!(!run_goes_right(&page(4)));
    }

    #[test]
    fn a_row_headline_whose_article_took_the_other_columns_heads_no_run() {
        // The same row, but the right headline's article holds the left
        // column's text as well (more of it than its own): its headline no
        // longer says what stands under it, and the run under it is not
        // sent there by position.
        let page = parse_page(
            &format!(
                "RAIN RETURNS TO THE VALLEY      BRIDGE PLAN APPROVED\n\
                 the farmers of the valley said the rain      LAKESIDE, May 4 - The city council\n\
                 had come and the crops would{}and valley farmers welcomed the rain.\n",
                " ".repeat(24)
            ),
            0,
            1,
        );
        let idf = Idf::from_page(&page);
        let context = context_of(&page, &idf);
        let draft = |ids: &[usize]| {
            Draft::new(
                &context,
                Segment { pieces: ids.iter().map(|&i| PieceId(i)).collect(), scores: Vec::new() },
            )
        };
        // Each headline's article holds its own column: the row sends the
        // run under the right headline to that headline's article.
        let own = [draft(&[0, 2, 4]), draft(&[1, 3])];
        assert_eq!(headline_draft_over(&context, &own, &[0, 1], PieceId(5)), Some(1));
        // The right headline's article took the left column too.
        let took = [draft(&[0]), draft(&[1, 3, 2, 4])];
        assert_eq!(headline_draft_over(&context, &took, &[0, 1], PieceId(5)), None);
    }

    #[test]
    fn quoted_items_are_split_at_enumeration_marks() {
        assert_eq!(quoted_items("城市交通: 聚焦\"稳、准、好\",提升效率"), vec!["稳", "准", "好"]);
        assert_eq!(quoted_items("“稳”是基础,有序推进"), vec!["稳"]);
        assert!(quoted_items("没有引号的标题").is_empty());
    }

    #[test]
    fn a_section_head_its_headline_announced_stays_in_the_article() {
        let article = |headline: &str| {
            format!(
                "{headline}\n\n面对汛期到来,全市交通部门迅速行动,确保市民出行安全顺畅有序。\n\n\
                 \"稳\"是基础,有序推进\n\n暴雨过后,抢修队伍连夜清理道路积水,恢复公交线路运行,保障学校开学。\n"
            )
        };
        let announced = parse_page(&article("城市交通: 聚焦\"稳、准\",提升出行效率"), 0, 1);
        let roles: Vec<Role> = announced.pieces.iter().map(|p| p.role).collect();
        assert_eq!(roles, vec![Role::Headline, Role::Body, Role::Subhead, Role::Body]);
        assert_eq!(assemble(&announced, input_order(announced.pieces.len())).articles.len(), 1);
        // Without the announcement the section shares too little with the
        // lead and opens an article of its own.
        let unannounced = parse_page(&article("城市交通提升出行效率"), 0, 1);
        assert_eq!(assemble(&unannounced, input_order(unannounced.pieces.len())).articles.len(), 2);
    }

    /// The titles of the articles a two-line headline (`first`, `second`)
    /// and a paragraph come out as, the first line a chain of its own and
    /// the second chained to the paragraph.
    fn titles_of_split_headline(first: &str, second: &str) -> Vec<String> {
        let text = format!(
            "{first}\n\n{second}\n\nThe ferry line across the bay will reopen next month after repairs, its owners said.\n"
        );
        let page = parse_page(&text, 0, 1);
        let roles: Vec<Role> = page.pieces.iter().map(|p| p.role).collect();
        assert_eq!(roles, vec![Role::Headline, Role::Headline, Role::Body]);
        let assembly = assemble(&page, vec![chain_of([0], 0.0), chain_of([1, 2], 1.0)]);
        assembly
            .articles
            .iter()
            .map(|a| a.title.iter().map(|&id| page.piece(id).text.as_str()).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn a_capitals_headline_line_goes_on_the_headline_before_it_that_has_no_text() {
        assert_eq!(
            titles_of_split_headline("FERRY LINE ACROSS THE BAY", "TO REOPEN AFTER REPAIRS"),
            vec!["FERRY LINE ACROSS THE BAY TO REOPEN AFTER REPAIRS"]
        );
        // Headlines in sentence case give no such sign: side-by-side
        // articles' headlines stand next to each other just as well.
        assert_eq!(titles_of_split_headline("Ferry line across the bay", "To reopen after repairs").len(), 2);
    }

    /// A page whose last column OCR read with its byline in the middle:
    /// the chain takes the sentence past the byline, which is left alone.
    fn byline_read_mid_column(byline: &str) -> (Page, Vec<Chain>) {
        let text = format!(
            "全市公交线路调整方案今天公布\n\n全市公交线路将于下月起调整。涉及二十多条公交线路,确\n\n{byline}\n\n保市民出行安全顺畅。\n"
        );
        let page = parse_page(&text, 0, 1);
        let chains = vec![
            Chain { pieces: vec![PieceId(0), PieceId(1), PieceId(3)], scores: vec![1.0, 1.0] },
            Chain { pieces: vec![PieceId(2)], scores: Vec::new() },
        ];
        (page, chains)
    }

    #[test]
    fn a_closing_byline_read_alone_closes_the_article_read_before_it() {
        let (page, chains) = byline_read_mid_column("(张三 李四)");
        let roles: Vec<Role> = page.pieces.iter().map(|p| p.role).collect();
        assert_eq!(roles, vec![Role::Headline, Role::Body, Role::Byline, Role::Body]);
        let assembly = assemble(&page, chains);
        assert_eq!(assembly.articles.len(), 1);
        assert_eq!(assembly.articles[0].byline, vec![PieceId(2)]);
        let order: Vec<PieceId> = assembly.articles[0].pieces().collect();
        assert_eq!(order, vec![PieceId(0), PieceId(1), PieceId(3), PieceId(2)]);
    }

    #[test]
    fn a_bare_byline_no_text_joined_closes_the_article_above_it_in_its_column() {
        // "记者张三" also stands above a body, waiting for its article, so
        // the input order does not place it; once no text has joined it,
        // it closes the article whose text stands above it.
        let (page, chains) = byline_read_mid_column("记者张三");
        assert_eq!(page.pieces[2].role, Role::Byline);
        let assembly = assemble(&page, chains);
        assert_eq!(assembly.articles.len(), 1);
        assert_eq!(assembly.articles[0].byline, vec![PieceId(2)]);
    }

    #[test]
    fn a_credit_names_its_reporter_and_a_dateline_only_in_brackets() {
        assert_eq!(credited_reporter("本报记者 王 明", false).as_deref(), Some("王明"));
        assert_eq!(credited_reporter("记者李华、赵亮", false).as_deref(), Some("李华"));
        assert_eq!(credited_reporter("本报甲市6月9日电（记者李华）今年", true).as_deref(), Some("李华"));
        // A stray mark OCR read at a line start between title and name.
        assert_eq!(credited_reporter("本报甲市6月9日电〈记者”李华)今年", true).as_deref(), Some("李华"));
        // Reporters at work in a sentence are no credit.
        assert_eq!(credited_reporter("记者从市卫生健康委获悉", false), None);
        assert_eq!(credited_reporter("记者李华今年在甲市采访", true), None);
    }

    /// Dated articles (a headline, then a dateline crediting a reporter) and
    /// a credit read after the last one's text, one chain per article, the
    /// credit run into the last: the pieces' texts, and where each
    /// article's chain starts. Headlines are labelled as such (the parser
    /// takes lines this short for subheads).
    fn dated_articles(reporters: &[&str], credit: &str) -> (Page, Vec<Chain>) {
        let mut text = String::new();
        for (index, reporter) in reporters.iter().enumerate() {
            text.push_str(&format!(
                "第{index}条新闻的标题\n\n本报电（记者{reporter}）这是一条新闻的第一句话，内容是本地的事情，\n说完了。\n\n"
            ));
        }
        text.push_str(credit);
        text.push('\n');
        let mut page = parse_page(&text, 0, 1);
        let mut chains: Vec<Chain> = Vec::new();
        for index in 0..page.pieces.len() {
            if page.pieces[index].text.ends_with("的标题") {
                page.pieces[index].role = Role::Headline;
                chains.push(chain_of([index], 1.0));
            } else {
                let last = chains.last_mut().expect("a headline opens the page");
                last.pieces.push(PieceId(index));
                last.scores.push(1.0);
            }
        }
        (page, chains)
    }

    /// The index of the article holding `id`.
    fn article_of(assembly: &Assembly, id: PieceId) -> Option<usize> {
        assembly.articles.iter().position(|a| a.pieces().any(|p| p == id))
    }

    #[test]
    fn a_credit_goes_to_the_article_whose_dateline_names_its_reporter() {
        let (page, chains) = dated_articles(&["王明", "李华"], "记者王明");
        let credit = PieceId(page.pieces.len() - 1);
        assert_eq!(page.piece(credit).role, Role::Byline);
        let assembly = assemble(&page, chains);
        assert_eq!(assembly.articles.len(), 2);
        assert_eq!(assembly.articles[0].byline, vec![credit]);
        assert!(assembly.articles[1].byline.is_empty());
    }

    #[test]
    fn a_credit_stays_where_two_datelines_name_its_reporter() {
        let (page, chains) = dated_articles(&["王明", "王明", "李华"], "记者王明");
        let credit = PieceId(page.pieces.len() - 1);
        let assembly = assemble(&page, chains);
        assert_eq!(assembly.articles.len(), 3);
        assert_eq!(article_of(&assembly, credit), Some(2));
    }

    #[test]
    fn a_foot_credit_alone_closes_the_article_above_it_in_its_column() {
        // Two columns glued by OCR; the left column's foot credit is read
        // after the right column's last line and finds no text.
        let text = "甲市新建的公园今天向市民开放，园内  乙县今年推广节水灌溉技术，农田用水\n\
                    种植了多种树木，环境十分优美宜人。  减少了三成，农民的收入也增加了。\n\
                    记者王明\n";
        let page = parse_page(text, 0, 1);
        let texts: Vec<&str> = page.pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 5, "{texts:?}");
        assert_eq!(page.pieces[4].role, Role::Byline);
        assert_eq!(piece_above(&page, PieceId(4)), Some(PieceId(2)));
        let chains = vec![chain_of([0, 2], 1.0), chain_of([1, 3], 1.0), chain_of([4], 1.0)];
        let assembly = assemble(&page, chains);
        // (The right column, short and headless, may join the left one's
        // article; the credit must close the article of the text above it.)
        let left = article_of(&assembly, PieceId(2)).expect("the left column is placed");
        assert_eq!(article_of(&assembly, PieceId(4)), Some(left));
        assert_eq!(assembly.articles[left].byline, vec![PieceId(4)]);
        assert!(assembly.articles.iter().all(|a| !a.paragraphs.is_empty() || !a.title.is_empty()));
    }

    #[test]
    fn a_dateline_run_read_before_its_headline_goes_right_after_the_headline() {
        // OCR read the first column (a scrap above it) before the headline;
        // the headline's own chain goes on with the next column and closes
        // with the byline.
        let text = "nl\n\n本报北京6月9日电（记者张三）全市公交线路将于下月起调整，涉及二十多条公交线路，方便\n\n\
                    全市公交线路调整方案今天公布\n\n市民出行。公交线路调整后，市民乘坐公交更方便了。\n\n记者张三\n";
        let page = parse_page(text, 0, 1);
        let roles: Vec<Role> = page.pieces.iter().map(|p| p.role).collect();
        assert_eq!(roles[2], Role::Headline, "{roles:?}");
        assert_eq!(roles[4], Role::Byline, "{roles:?}");
        let assembly = assemble(&page, input_order(page.pieces.len()));
        assert_eq!(assembly.articles.len(), 1);
        let order: Vec<PieceId> = assembly.articles[0].pieces().collect();
        assert_eq!(order, vec![PieceId(2), PieceId(0), PieceId(1), PieceId(3), PieceId(4)]);
    }

    #[test]
    fn a_dateline_opens_a_run_only_as_its_first_text_after_scraps() {
        let page = parse_page("、\n本报北京6月9日电 全市公交线路将于下月起调整\n市民出行更方便。\n", 0, 1);
        let idf = Idf::from_page(&page);
        let context = context_of(&page, &idf);
        let run =
            |ids: &[usize]| Segment { pieces: ids.iter().map(|&i| PieceId(i)).collect(), scores: Vec::new() };
        assert!(opens_with_dateline(&context, &run(&[0, 1, 2])));
        assert!(opens_with_dateline(&context, &run(&[1, 2])));
        // A dateline after the run's first text is another article's.
        assert!(!opens_with_dateline(&context, &run(&[2, 1])));
    }

    #[test]
    fn a_headline_read_right_after_a_byline_opens_its_own_article() {
        // The first article's text goes on past its byline (a stronger
        // junction), and the chain the byline opens runs on into a second
        // headline: the byline closes one article, the headline opens the
        // next, though no body came before the byline in its chain.
        let text = "第一篇标题\n\n正文一二三四五六七八九十。\n\n记者张三\n\n第二篇标题\n\n正文又一段。\n";
        let page = parse_page(text, 0, 1);
        let roles: Vec<Role> = page.pieces.iter().map(|p| p.role).collect();
        assert_eq!(roles[2], Role::Byline);
        assert!(roles[3].is_heading(), "{roles:?}");
        let chains = vec![
            Chain { pieces: vec![PieceId(0), PieceId(1)], scores: vec![1.0] },
            Chain { pieces: vec![PieceId(2), PieceId(3), PieceId(4)], scores: vec![1.0, 1.0] },
        ];
        let assembly = assemble(&page, chains);
        assert_eq!(assembly.articles.len(), 2);
        assert_eq!(assembly.articles[1].pieces().next(), Some(PieceId(3)));
        assert!(!assembly.articles[0].pieces().any(|id| id == PieceId(3) || id == PieceId(4)));
    }

    #[test]
    fn headline_opens_and_byline_closes() {
        let text = "第一篇标题\n\n正文一二三四五六七八九十。\n\n(张三 李四)\n\n第二篇标题\n\n正文又一段。\n";
        let page = parse_page(text, 0, 1);
        let assembly = assemble(&page, input_order(page.pieces.len()));
        assert_eq!(assembly.articles.len(), 2);
        assert_eq!(assembly.articles[0].title.len(), 1);
        assert_eq!(assembly.articles[0].byline.len(), 1);
        assert_eq!(assembly.articles[1].byline.len(), 0);
    }

    #[test]
    fn a_column_printed_before_its_headline_joins_that_article_after_the_headline() {
        let text = "公交线路调整后，市民乘坐公交更方便了。\n\n全市公交线路调整方案今天公布\n\n全市公交线路将于下月起调整，涉及二十多条公交线路。\n\n今年夏天降雨量明显偏多消息\n\n今年夏天这个地区的降雨量比往年同期明显偏多。\n";
        let page = parse_page(text, 0, 1);
        let assembly = assemble(&page, input_order(page.pieces.len()));
        assert_eq!(assembly.articles.len(), 2);
        let first: Vec<&str> = assembly.articles[0].pieces().map(|id| page.piece(id).text.as_str()).collect();
        assert_eq!(first[0], "全市公交线路调整方案今天公布");
        assert!(first.contains(&"公交线路调整后，市民乘坐公交更方便了。"), "{first:?}");
    }

    #[test]
    fn a_headless_latin_run_sharing_a_word_or_two_opens_its_own_article() {
        // Two headless runs, each its own chain, sharing only "said" and
        // "council" (a similarity between the two thresholds).
        // The second is long enough to show a topic (SHORT_RUN_CELLS); its
        // short words count for no topic.
        let text = "The council said the new bridge over the river would open in spring after four years of delays.\n\n\
                    Parents said the school council had asked for more teachers, smaller classes and better books, \
                    as all of us can see, and so do the old men at the bar by the sea and the boy at the bus.\n";
        let page = parse_page(text, 0, 1);
        let chains: Vec<Chain> =
            (0..page.pieces.len()).map(|i| Chain { pieces: vec![PieceId(i)], scores: Vec::new() }).collect();
        let idf = Idf::from_page(&page);
        let vector = |id: usize| {
            let mut profile = Profile::new();
            profile.add(&page.pieces[id].text);
            profile.vector(&idf)
        };
        let similarity = vector(0).cosine(&vector(1));
        assert!((TOPIC_THRESHOLD..DEFERRED_LATIN_TOPIC_THRESHOLD).contains(&similarity), "{similarity}");
        assert_eq!(assemble(&page, chains).articles.len(), 2);
    }

    #[test]
    fn a_lower_case_run_sharing_only_common_words_stays_with_the_latest_article() {
        // Both articles end their sentences; the run opening in lower case
        // shares "said" and "council" with the first (a similarity between
        // the two thresholds) and nothing with the latest, which it was
        // read after: on a Latin page it stays with the latest.
        let text = "Bridge opening delayed\n\n\
                    The council said the new bridge over the river would open in spring after four years of delays. Engineers blamed steel shortages and flooding.\n\n\
                    Harbour ferry runs late\n\n\
                    Passengers waited an hour on the quay before the first boat left.\n\n\
                    parents said the school council had asked for more teachers, smaller classes and better books.\n";
        let page = parse_page(text, 0, 1);
        assert!(page.pieces[0].role.is_heading() && page.pieces[2].role.is_heading());
        let similarity = topic_of(&page, [0, 1]).cosine(&topic_of(&page, [4]));
        assert!((TOPIC_THRESHOLD..DEFERRED_LATIN_TOPIC_THRESHOLD).contains(&similarity), "{similarity}");
        let assembly =
            assemble(&page, vec![chain_of([0, 1], 0.0), chain_of([2, 3], 0.0), chain_of([4], 0.0)]);
        assert_eq!(assembly.articles.len(), 2);
        let latest = texts(&page, &assembly.articles[1]);
        assert_eq!(latest.last(), Some(&page.pieces[4].text.as_str()), "{latest:?}");
    }

    /// The texts of an article's pieces in reading order.
    fn texts<'a>(page: &'a crate::parse::Page, article: &Article) -> Vec<&'a str> {
        article.pieces().map(|id| page.piece(id).text.as_str()).collect()
    }

    #[test]
    fn a_run_opening_in_lower_case_goes_on_the_article_left_mid_sentence() {
        // Two articles and a run of their own chain that opens in lower case
        // and shares no word with either: it goes on the first, which
        // stops inside a sentence, not on the latest, which ended one.
        let text = "Rail strike called off tonight\n\n\
                    Union leaders said the strike will be\n\n\
                    Council opens new river bridge\n\n\
                    The council said the bridge would open in spring.\n\n\
                    postponed until after the holidays.\n";
        let page = parse_page(text, 0, 1);
        assert!(page.pieces[0].role.is_heading() && page.pieces[2].role.is_heading());
        let chain = |ids: &[usize]| Chain {
            pieces: ids.iter().copied().map(PieceId).collect(),
            scores: vec![0.0; ids.len() - 1],
        };
        let assembly = assemble(&page, vec![chain(&[0, 1]), chain(&[2, 3]), chain(&[4])]);
        assert_eq!(assembly.articles.len(), 2);
        let first = texts(&page, &assembly.articles[0]);
        assert_eq!(first.last(), Some(&"postponed until after the holidays."), "{first:?}");
    }

    #[test]
    fn a_run_opening_in_lower_case_goes_on_the_waiting_article_it_shares_words_with() {
        // Both articles stop inside a sentence; the run shares one word
        // with the first (too little to join it on topic alone) and none
        // with the latest: it goes on the first. With no word shared it
        // goes on the latest, as before.
        let page_with = |run: &str| {
            parse_page(
                &format!(
                    "Rail strike called off tonight\n\n\
                     Union leaders said the railway strike will be\n\n\
                     Council opens new river bridge\n\n\
                     The council said the bridge over the river would\n\n\
                     {run}\n"
                ),
                0,
                1,
            )
        };
        let chain = |ids: &[usize]| Chain {
            pieces: ids.iter().copied().map(PieceId).collect(),
            scores: vec![0.0; ids.len() - 1],
        };
        let owner = |run: &str| {
            let page = page_with(run);
            assert!(page.pieces[0].role.is_heading() && page.pieces[2].role.is_heading());
            let assembly = assemble(&page, vec![chain(&[0, 1]), chain(&[2, 3]), chain(&[4])]);
            assert_eq!(assembly.articles.len(), 2);
            assembly.articles.iter().position(|a| a.pieces().any(|id| id == PieceId(4))).unwrap()
        };
        assert_eq!(owner("postponed until after the holidays, when railway managers expect fewer travellers, weather permitting."), 0);
        assert_eq!(owner("postponed until after the holidays, when planners expect fewer travellers, weather permitting."), 1);
    }

    #[test]
    fn a_long_unlike_run_opening_in_lower_case_opens_its_own_article() {
        // An article that stops mid-sentence, then a run of its own chain
        // as long as it that opens in lower case and shares no word with it.
        let body = "Union leaders said the national rail strike planned for next week will go ahead unless \
                    ministers agree to reopen talks on wages, pensions and working hours for drivers, guards \
                    and station staff, who say their pay has fallen behind prices for three years while the \
                    operators reported record profits and paid large dividends to shareholders. Ministers \
                    replied that the offer made last month was fair and final, and urged the union to put \
                    it to a ballot of members before calling any walkout that would stop suburban trains, \
                    and they added that commuters would be warned well ahead of any";
        let run = "museum visitors counted by the city archive showed school groups returning \
                   in numbers after the galleries reopened in spring, though curators remain \
                   careful about the old paintings because the heating stayed weak, and lenders from \
                   abroad sent only a few works on short terms for the coming exhibitions, while \
                   volunteers expect the autumn season to draw smaller crowds than the summer. Guided \
                   walks and evening lectures were booked for several weeks in advance, and concert \
                   tickets were scarce, with most visitors waiting for the next printed programme of \
                   events, talks and workshops before planning trips later in the year.";
        let text = format!("Rail strike to go ahead\n\n{body}\n\n{run}\n");
        let page = parse_page(&text, 0, 1);
        let first_of_run = page.pieces.iter().position(|p| p.text.starts_with("museum")).unwrap();
        let chain = |ids: std::ops::Range<usize>| Chain {
            pieces: ids.clone().map(PieceId).collect(),
            scores: vec![0.0; ids.len() - 1],
        };
        let assembly = assemble(&page, vec![chain(0..first_of_run), chain(first_of_run..page.pieces.len())]);
        assert_eq!(assembly.articles.len(), 2);
        // A short run goes on the sentence the article left open.
        let short = format!("Rail strike to go ahead\n\n{body}\n\nmuseum visitors returned.\n");
        let page = parse_page(&short, 0, 1);
        let first_of_run = page.pieces.iter().position(|p| p.text.starts_with("museum")).unwrap();
        let assembly = assemble(&page, vec![chain(0..first_of_run), chain(first_of_run..page.pieces.len())]);
        assert_eq!(assembly.articles.len(), 1);
    }

    #[test]
    fn a_headless_run_ending_in_a_byline_closes_an_article_without_one() {
        // The tail column shares one word with its article, below the
        // thresholds for an open article, and ends in an agency credit.
        let text = "New bridge opens over the river\n\n\
                    The council opened the new bridge on Monday after four years of building work, and the mayor thanked engineers, planners and volunteers who helped finish it early.\n\n\
                    School gets four new teachers\n\n\
                    The school in the north gets four new teachers in the autumn, the head said.\n\n\
                    APA, 3.4.2016\n\n\
                    Traders complained about the noise and the dust of the works near the bridge, and shoppers stayed away from market stalls during summer weekends while lorries blocked every street.\n\n\
                    APA, 5.11.2015\n";
        let page = parse_page(text, 0, 1);
        let byline_count = page.pieces.iter().filter(|p| p.role == Role::Byline).count();
        assert_eq!(byline_count, 2);
        let similarity = topic_of(&page, 0..2).cosine(&topic_of(&page, 5..7));
        assert!((TAIL_TOPIC_THRESHOLD..TOPIC_THRESHOLD).contains(&similarity), "{similarity}");
        let assembly = assemble(&page, vec![chain_of(0..2, 1.0), chain_of(2..5, 1.0), chain_of(5..7, 1.0)]);
        assert_eq!(assembly.articles.len(), 2);
        let first = texts(&page, &assembly.articles[0]);
        assert_eq!(first.last(), Some(&"APA, 5.11.2015"), "{first:?}");
        assert_eq!(assembly.articles[0].byline.len(), 1);
    }

    #[test]
    fn text_read_after_a_foot_credit_alone_joins_its_own_open_article() {
        // OCR read the first article's column after the second article, and
        // the second article's foot credit right before it.
        let text = "今年夏天降雨量明显偏多\n\n今年夏天这个地区的降雨量比往年同期明显偏多，气象部门提醒注意防汛。\n\n\
                    全市公交线路调整方案今天公布\n\n全市公交线路将于下月起调整，涉及二十多条公交线路和一百多个公交站点。\n\n\
                    本报记者 王小明\n\n\
                    降雨偏多的地区要做好防汛准备，气象部门提醒市民注意降雨。\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(page.pieces.len(), 6);
        assert_eq!(page.pieces[4].role, Role::Byline);
        let similarity = topic_of(&page, 0..2).cosine(&topic_of(&page, [5]));
        assert!(similarity >= BYLINE_WAIT_TOPIC_THRESHOLD, "{similarity}");
        let assembly = assemble(
            &page,
            vec![chain_of(0..2, 1.0), chain_of(2..4, 1.0), chain_of([4], 1.0), chain_of([5], 1.0)],
        );
        let ids: Vec<Vec<usize>> =
            assembly.articles.iter().map(|a| a.pieces().map(|id| id.0).collect()).collect();
        assert_eq!(ids, vec![vec![0, 1, 5], vec![2, 3, 4]]);
    }

    #[test]
    fn a_column_read_after_its_articles_byline_joins_that_article_before_the_byline() {
        let text = "全市公交线路调整方案今天公布\n\n全市公交线路将于下月起调整，涉及二十多条公交线路和一百多个公交站点。\n\n(张三 李四)\n\n\
                    今年夏天降雨量明显偏多\n\n今年夏天这个地区的降雨量比往年同期明显偏多，气象部门提醒注意防汛。\n\n\
                    调整后的公交线路覆盖新建小区，市民乘坐公交线路更方便。\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(page.pieces.len(), 6);
        let chain = |ids: &[usize]| Chain {
            pieces: ids.iter().map(|&i| PieceId(i)).collect(),
            scores: vec![1.0; ids.len() - 1],
        };
        let assembly = assemble(&page, vec![chain(&[0, 1, 2]), chain(&[3, 4]), chain(&[5])]);
        assert_eq!(assembly.articles.len(), 2);
        let first: Vec<usize> = assembly.articles[0].pieces().map(|id| id.0).collect();
        assert_eq!(first, vec![0, 1, 5, 2]);
    }

    /// An article whose chain reached its byline, another article after it,
    /// and between the first's headline and byline in the input a run of
    /// its own chain that shares the first article's topic only a little.
    fn article_with_a_run_inside_its_stretch(run: &str) -> (crate::parse::Page, Assembly, f64) {
        let text = format!(
            "全市公交线路调整方案今天公布\n\n全市公交线路将于下月起调整，涉及二十多条公交线路和一百多个站点。\n\n\
             {run}\n\n(张三 李四)\n\n今年夏天降雨量明显偏多\n\n今年夏天这个地区的降雨量比往年同期明显偏多，气象部门提醒注意防汛。\n"
        );
        let page = parse_page(&text, 0, 1);
        assert_eq!(page.pieces.len(), 6);
        let similarity = topic_of(&page, [0, 1, 3]).cosine(&topic_of(&page, [2]));
        let assembly =
            assemble(&page, vec![chain_of([0, 1, 3], 1.0), chain_of([2], 1.0), chain_of([4, 5], 1.0)]);
        (page, assembly, similarity)
    }

    #[test]
    fn a_run_before_its_articles_byline_in_the_input_joins_it_at_the_open_threshold() {
        let (_, assembly, similarity) =
            article_with_a_run_inside_its_stretch("调整以后，新建小区居民的公交出行更加方便，等车时间缩短。");
        // Too little alike for a closed article, enough for an open one.
        assert!((TOPIC_THRESHOLD..CLOSED_TOPIC_THRESHOLD).contains(&similarity), "{similarity}");
        assert_eq!(assembly.articles.len(), 2);
        let first: Vec<usize> = assembly.articles[0].pieces().map(|id| id.0).collect();
        assert_eq!(first, vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_run_opening_with_a_dateline_does_not_join_the_article_around_it() {
        let (_, assembly, similarity) = article_with_a_run_inside_its_stretch(
            "本报北京3月24日电调整以后，新建小区居民的公交出行更加方便。",
        );
        assert!((TOPIC_THRESHOLD..CLOSED_TOPIC_THRESHOLD).contains(&similarity), "{similarity}");
        assert_eq!(assembly.articles.len(), 3);
    }

    #[test]
    fn a_headless_inset_sharing_a_word_or_two_opens_its_own_article() {
        // An article written one paragraph per input line, and between two of
        // its paragraph lines a narrow column of another article, one printed
        // line per input line, that shares a word with it.
        let mut text = String::from("全市公交线路调整方案今天公布\n\n");
        text.push_str("全市公交线路将于下 月起调整涉及二十多 条公交线路和一百多 个站点市民出行更方\n\n");
        for line in [
            "今年夏天这个地区的",
            "降雨量比往年同期明",
            "显偏多部分河流水位",
            "超过警戒线气象部门",
            "提醒市民注意防汛出",
            "行尽量选择公交线路",
            "调整出行线路远离低",
            "洼地带确保安全。",
        ] {
            text.push_str(line);
            text.push_str("\n\n");
        }
        text.push_str("便了调整后的线路覆 盖新建小区和学校\n");
        let page = parse_page(&text, 0, 1);
        let inset_lines = 2..10;
        let inset: Vec<PieceId> = page
            .pieces
            .iter()
            .enumerate()
            .filter(|(_, p)| inset_lines.contains(&p.line))
            .map(|(i, _)| PieceId(i))
            .collect();
        assert_eq!(inset.len(), 8);
        assert!(inset.iter().all(|&id| page.piece(id).role == Role::Body));
        let rest: Vec<PieceId> =
            (0..page.pieces.len()).map(PieceId).filter(|id| !inset.contains(id)).collect();
        let chain = |ids: &[PieceId]| Chain { pieces: ids.to_vec(), scores: vec![1.0; ids.len() - 1] };
        // The two share more than the plain bar asks, less than an inset's.
        let idf = Idf::from_page(&page);
        let vector = |ids: &[PieceId]| {
            let mut profile = Profile::new();
            for &id in ids {
                profile.add(&page.piece(id).text);
            }
            profile.vector(&idf)
        };
        let similarity = vector(&rest).cosine(&vector(&inset));
        assert!((TOPIC_THRESHOLD..INSET_TOPIC_THRESHOLD).contains(&similarity), "{similarity}");
        let assembly = assemble(&page, vec![chain(&rest), chain(&inset)]);
        assert_eq!(assembly.articles.len(), 2);
        assert_eq!(assembly.articles[1].pieces().collect::<Vec<_>>(), inset);
    }

    #[test]
    fn scattered_glyphs_are_unplaced_not_dropped() {
        let page = parse_page("正文。\n\n春 夏 护\n", 0, 1);
        let assembly = assemble(&page, input_order(page.pieces.len()));
        assert_eq!(assembly.unplaced.len(), 3);
        let placed: usize = assembly.articles.iter().map(|a| a.pieces().count()).sum();
        assert_eq!(placed + assembly.unplaced.len(), page.pieces.len());
    }

    #[test]
    fn a_newswire_dateline_after_running_text_opens_an_article() {
        let page = parse_page(
            "HARBOUR TO OPEN\n\
             and the council said the harbour would open again in the spring.\n\
             OSTVALE, Feb 26 - The ferry company said it would run again\n",
            0,
            1,
        );
        assert_eq!(page.pieces.len(), 3);
        assert_eq!((page.pieces[1].role, page.pieces[2].role), (Role::Body, Role::Body));
        let assembly = assemble(&page, vec![chain_of([0, 1, 2], 1.0)]);
        assert_eq!(assembly.articles.len(), 2);
        // A headline's line the labels left as body opens nothing.
        let page =
            parse_page("HARBOUR FERRY\nTO RUN AGAIN\nOSTVALE, Feb 26 - The ferry company said\n", 0, 1);
        let ids: Vec<usize> = (0..page.pieces.len()).collect();
        assert_eq!(assemble(&page, vec![chain_of(ids, 1.0)]).articles.len(), 1);
    }

    #[test]
    fn a_dateline_line_inside_another_columns_sentence_opens_nothing() {
        // Two columns read line by line in turn: the dateline's line falls
        // between two lines of the other column's sentence.
        let text = "HARBOUR TO OPEN\n\
                    the council said on Monday that the\n\
                    harbour would open again, and it said this\n\
                    OSTVALE, Feb 26 - The\n\
                    ruling was a condition of the new loan.\n\
                    ferry company said it would run again\n";
        let page = parse_page(text, 0, 1);
        assert_eq!(page.pieces.len(), 6);
        assert!(page.pieces[1..].iter().all(|p| p.role == Role::Body));
        let ids: Vec<usize> = (0..page.pieces.len()).collect();
        assert_eq!(assemble(&page, vec![chain_of(ids.clone(), 1.0)]).articles.len(), 1);
        // After a paragraph's end the same line opens the next article.
        let ended = text.replace("it said this", "it said so.");
        let page = parse_page(&ended, 0, 1);
        assert_eq!(assemble(&page, vec![chain_of(ids, 1.0)]).articles.len(), 2);
    }

    #[test]
    fn the_column_line_beside_a_cut_headline_stays_with_its_column() {
        let text = "the last column runs on down the page\n\
                    beside the article set below the others\n\
                    Mayor opens new harbour bridge across the wide river which the council\n\
                    said on Monday.\n\
                    \n\
                    The mayor opened the bridge on Monday after four years of work on it and delays\n\
                    caused by the floods that came each spring. Harbour trade grew by a fifth in the\n\
                    and the rising costs of steel slowed it down. year to March, the port said today\n\
                    as ships came back to the quays in numbers. that more ships than ever came to its\n\
                    Work on the second bridge starts next year quays, and more are expected next year\n";
        let page = parse_page(text, 0, 1);
        let head = page.lines[2].pieces.start;
        assert_eq!(page.pieces[head].role, Role::Headline);
        let ids: Vec<usize> = (0..page.pieces.len()).collect();
        let assembly = assemble(&page, vec![chain_of(ids, 1.0)]);
        let headed = assembly.articles.iter().find(|a| a.title.contains(&PieceId(head))).expect("titled");
        assert!(!headed.pieces().any(|id| id == PieceId(head + 1)));
    }
}

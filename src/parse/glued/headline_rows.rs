//! Headline rows: a Latin line that holds the headlines of two articles set
//! side by side, cut apart.
//!
//! In: a parsed Latin-script page whose glued body rows are already cut
//! ([`super::cut_latin_glued_lines`]). Out: the same page with each such
//! headline row cut into its two headlines (or a headline's last line and
//! what stands beside it), labelled headlines. Why: OCR reads the headlines
//! of side-by-side articles straight across as one line; left whole, the
//! row opens one article where two begin, and nothing opens the second.
//! Headlines are set in another style than their neighbours, so the seam
//! shows where a gutter speck opens a word or capitals meet sentence case.
//!
//! Also a headline level with a column running on beside it (an article
//! set below the first columns of another, whose last column runs down
//! beside it): OCR reads the headline and that column's line as one line,
//! which is cut where a title-shaped run of words meets the lower-case
//! words that go on with the column line above.

use std::collections::HashSet;

use super::latin::{cut_piece, line_words, whole_line, Word};
use crate::parse::stats::median;
use crate::parse::{Gap, Page, Piece, Role};

/// Lines below a headline row within which glued body rows show that
/// articles stand side by side under it.
const HEADLINE_ROW_REACH: usize = 4;

/// Fewest words on each side of a cut in a headline row: one word is as
/// often an abbreviation in capitals inside a title.
const HEADLINE_ROW_MIN_WORDS: usize = 2;

/// True when a word is set in capitals: at least two letters, none lower
/// case ("BAHIA", "\<BFDB>", "SPLIT,").
fn in_capitals(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase())
}

/// True when a word holds a lower-case letter: running text or a title in
/// sentence case.
fn has_lower_case(word: &str) -> bool {
    word.chars().any(char::is_lowercase)
}

/// True when a gutter speck stands glued before a word's first letter
/// ("_IAAF"): OCR read the gutter between two columns as that mark.
fn speck_before(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| matches!(c, '_' | '|' | '~')) && chars.any(char::is_alphabetic)
}

/// True when a word is nothing but gutter specks ("_", "|"): OCR read the
/// gutter between two columns as a mark standing on its own.
fn lone_speck(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, '_' | '|' | '~'))
}

/// Where a line that tops its block splits into the headlines (or the end
/// of one headline and the body) of two articles set side by side, as the
/// index of the first word of the right part. Headlines are set in another
/// style than their neighbours: the cut stands where a gutter speck opens a
/// word, else where a run of two or more words in capitals meets words in
/// lower case. `None` unless exactly one such place is found, with a few
/// words on each side, the left part ending no sentence and the right one
/// starting with a capital.
fn headline_row_cut(texts: &[&str]) -> Option<usize> {
    let n = texts.len();
    if n < 2 * HEADLINE_ROW_MIN_WORDS {
        return None;
    }
    let allowed = |at: usize| {
        (HEADLINE_ROW_MIN_WORDS..=n - HEADLINE_ROW_MIN_WORDS).contains(&at)
            && !crate::parse::chars::ends_sentence(texts[at - 1])
            && texts[at].chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase)
    };
    let single = |found: Vec<usize>| (found.len() == 1).then(|| found[0]).filter(|&at| allowed(at));
    // A speck glued to a word opens the right part; one standing alone
    // ends the left part, and the cut falls after it. A speck at the row's
    // very edge (before its first word or after its last) parts nothing.
    let specks: Vec<usize> =
        (2..n - 1).filter(|&at| speck_before(texts[at]) || lone_speck(texts[at - 1])).collect();
    if !specks.is_empty() {
        return single(specks);
    }
    let caps: Vec<bool> = texts.iter().map(|w| in_capitals(w)).collect();
    let lower: Vec<bool> = texts.iter().map(|w| has_lower_case(w)).collect();
    let style_changes: Vec<usize> = (1..n)
        .filter(|&at| {
            let caps_run_ends = at >= 2 && caps[at - 1] && caps[at - 2] && lower[at];
            let caps_run_starts = lower[at - 1] && caps[at] && at + 1 < n && caps[at + 1];
            caps_run_ends || caps_run_starts
        })
        .collect();
    single(style_changes)
}

/// True when glued rows follow within [`HEADLINE_ROW_REACH`] lines after
/// line `index`: columns read across into one line, whether OCR kept a
/// single space or a column rule where the gutter was (the article a
/// headline above them heads).
fn glued_rows_below(page: &Page, index: usize) -> bool {
    page.lines[index + 1..]
        .iter()
        .take(HEADLINE_ROW_REACH)
        .any(|l| l.pieces.len() >= 2 && matches!(page.pieces[l.pieces.start + 1].gap, Gap::Glued | Gap::Rule))
}

/// The text of each of `words`, read from `piece`, the piece (or whole
/// line) they were found in.
fn word_texts(piece: &Piece, words: &[Word]) -> Vec<String> {
    let chars: Vec<char> = piece.text.chars().collect();
    let start = piece.span.start;
    words.iter().map(|w| chars[w.start - start..w.end - start].iter().collect()).collect()
}

/// Cuts the headline rows of articles set side by side that OCR read as one
/// line: a line of one body piece that opens its block (or follows such a
/// row in it), with glued body rows a few lines below, is cut where
/// `headline_row_cut` finds the two headlines (or a headline's second line
/// and the body beside it) part. Why: left whole, the row opens one article
/// where two begin, and nothing opens the second.
pub fn cut_latin_headline_rows(page: &mut Page) {
    if page.is_cjk() {
        return;
    }
    let language = page.word_model();
    let mut cuts: Vec<Option<(Vec<Word>, usize, bool)>> = vec![None; page.lines.len()];
    for (index, line) in page.lines.iter().enumerate() {
        let pieces = &page.pieces[line.pieces.clone()];
        // One OCR line, or one the glued cutter cut at a body width (a
        // headline's big type fits no body width).
        let one_run = pieces[1..].iter().all(|p| p.gap == Gap::Glued);
        // The glued cutter labels a deck of long lines over a glued run its
        // title; such a deck may be two titles side by side all the same.
        let title_deck = pieces.len() == 1 && pieces[0].role == Role::Headline;
        if !one_run || !(title_deck || pieces.iter().all(|p| p.role == Role::Body)) {
            continue;
        }
        let block_start = page.blocks[line.block].start;
        let opens_block = index == block_start;
        let under_row = index == block_start + 1 && cuts[index - 1].is_some();
        // A row in capitals over a row of two datelines needs no block
        // start: page-wide OCR (psm 4 and 6) writes no blank lines.
        let in_capitals_only = pieces.iter().all(|p| !p.text.chars().any(char::is_lowercase));
        if !(opens_block || under_row || in_capitals_only) || !glued_rows_below(page, index) {
            continue;
        }
        let as_body: Vec<Piece> = pieces.iter().cloned().map(|p| Piece { role: Role::Body, ..p }).collect();
        let Some(words) = line_words(&as_body, language) else { continue };
        let whole = whole_line(pieces);
        // A row opening with a newswire dateline ("PLACE, Mon 26 -") opens
        // an article's body: its place in capitals heads no headline.
        if crate::parse::classify::is_latin_dateline_start(&whole.text) {
            continue;
        }
        let texts = word_texts(&whole, &words);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        // Under a row of two headlines, a line of just two words holds the
        // last word of each: both headlines wrapped. (Body text beside a
        // one-line headline fills a column line, more than one word.)
        if !(opens_block || under_row) {
            if let Some(at) = capitals_row_cut_at_datelines(page, index, &whole, &words, &texts) {
                cuts[index] = Some((words, at, false));
            }
        } else if under_row && texts.len() == 2 {
            cuts[index] = Some((words, 1, false));
        } else if let Some(at) = headline_row_cut(&texts) {
            cuts[index] = Some((words, at, under_row));
        } else if let Some(at) = capitals_row_cut_at_datelines(page, index, &whole, &words, &texts) {
            cuts[index] = Some((words, at, under_row));
        }
    }
    if cuts.iter().all(Option::is_none) {
        return;
    }
    page.recut_lines(|index, pieces| match &cuts[index] {
        Some((words, at, under_row)) => {
            let mut parts = cut_piece(&whole_line(pieces), words, &[0..*at, *at..words.len()]);
            // The row's first line holds two headlines; the line under it
            // the end of a headline and whatever stands beside it, which is
            // a headline only when it is set in capitals too.
            parts[0].role = Role::Headline;
            let right_in_capitals = parts[1].text.split_whitespace().all(in_capitals);
            if !under_row || right_in_capitals {
                parts[1].role = Role::Headline;
            }
            parts
        }
        None => pieces.to_vec(),
    });
}

/// True when the words from `at` on open a newswire dateline: a place in
/// capitals (one to three words, the last ending on a comma), at most one
/// more word ending on a comma (a region, "Ky.,"), then a capitalised word
/// (the month) and a day of one or two digits, a dash glued to it or not.
/// Unlike the dateline test of a line's start, the dash may have gone to
/// the next printed line: a dateline set in a narrow column breaks right
/// after its date.
fn dateline_at(texts: &[&str], at: usize) -> bool {
    let trimmed = |w: &str| w.trim_start_matches(|c: char| !c.is_alphanumeric()).to_string();
    let mut i = at;
    let mut place_words = 0;
    loop {
        let Some(word) = texts.get(i) else { return false };
        let word = if i == at { trimmed(word) } else { (*word).to_string() };
        let bare = word.trim_end_matches(',');
        let letters: Vec<char> = bare.chars().filter(|c| c.is_alphabetic()).collect();
        let capitals = !letters.is_empty()
            && letters.iter().all(|c| c.is_uppercase())
            && bare.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''));
        if !capitals || place_words == 3 {
            return false;
        }
        place_words += 1;
        i += 1;
        if word.ends_with(',') {
            break;
        }
    }
    let letters_in_place: usize =
        texts[at..i].iter().map(|w| w.chars().filter(|c| c.is_alphabetic()).count()).sum();
    if letters_in_place < 3 {
        return false;
    }
    let is_month = |w: &str| {
        let w = w.trim_end_matches(['.', ',']);
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 3
            && chars.all(char::is_alphabetic)
    };
    // The day may carry the dash, and OCR may glue the article's first word
    // to that dash ("26-Cenergy"): the digits must end on a dash then.
    let is_day = |w: &str| {
        let digits = w.chars().take_while(char::is_ascii_digit).count();
        let rest = &w[digits..];
        (1..=2).contains(&digits)
            && (rest.trim_end_matches(['-', '–', '—', ',']).is_empty() || rest.starts_with(['-', '–', '—']))
    };
    let after = &texts[i..texts.len().min(i + 3)];
    match after {
        [month, day, ..] if is_month(month) && is_day(day) => true,
        [region, month, day] => region.ends_with(',') && is_month(month) && is_day(day),
        _ => false,
    }
}

/// The share of its line's characters that come before the second
/// dateline of the first row within [`HEADLINE_ROW_REACH`] lines below
/// line `index` that holds two newswire datelines, one opening the row
/// ([`dateline_at`]). `None` when no such row is found.
fn second_dateline_share(page: &Page, index: usize) -> Option<f32> {
    page.lines[index + 1..].iter().take(HEADLINE_ROW_REACH).find_map(|line| {
        let pieces = &page.pieces[line.pieces.clone()];
        let as_body: Vec<Piece> = pieces.iter().cloned().map(|p| Piece { role: Role::Body, ..p }).collect();
        let words = line_words(&as_body, page.word_model())?;
        let whole = whole_line(pieces);
        let texts = word_texts(&whole, &words);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        // Gutter specks OCR read before the row's first word (". PLACE,")
        // stand before the first dateline, not in it.
        let first = texts.iter().position(|w| w.chars().any(char::is_alphanumeric))?;
        if !dateline_at(&texts, first) {
            return None;
        }
        let second = (first + HEADLINE_ROW_MIN_WORDS..texts.len()).find(|&at| dateline_at(&texts, at))?;
        let length = whole.text.chars().count().max(1) as f32;
        Some((words[second].start - whole.span.start) as f32 / length)
    })
}

/// The share of its line's characters that come before the right-hand
/// articles' first column in the first full row below line `index`, where
/// two articles' datelines open two lines in turn within
/// [`HEADLINE_ROW_REACH`] lines: the upper line holds fewer pieces than the
/// lower one, so it holds only the right-hand articles' first lines (an
/// article whose headline runs to fewer lines starts its body higher), and
/// its m pieces stand over the last m of the lower line's. `None` when no
/// such pair of lines is found.
fn higher_right_bodies_share(page: &Page, index: usize) -> Option<f32> {
    let opens_with_dateline = |line: &crate::parse::Line| {
        let first = &page.pieces[line.pieces.start];
        first.role == Role::Body && crate::parse::classify::is_latin_dateline_start(&first.text)
    };
    let below = &page.lines[index + 1..page.lines.len().min(index + 1 + HEADLINE_ROW_REACH)];
    below.windows(2).find_map(|pair| {
        let (short, full) = (&pair[0], &pair[1]);
        let (m, k) = (short.pieces.len(), full.pieces.len());
        if m >= k || !opens_with_dateline(short) || !opens_with_dateline(full) {
            return None;
        }
        let pieces = &page.pieces[full.pieces.clone()];
        let whole = whole_line(pieces);
        let length = whole.text.chars().count().max(1) as f32;
        Some((pieces[k - m].span.start - whole.span.start) as f32 / length)
    })
}

/// Where a row of headlines set in capitals, with no speck or change of
/// style between them, splits: two articles stand side by side under it
/// when a row below opens with a newswire dateline and holds a second one
/// ([`second_dateline_share`]), or when two lines below open with
/// datelines, the upper one holding only the right-hand articles' columns
/// ([`higher_right_bodies_share`]); the second headline starts about as far
/// into its row as the second article's first column into its own (each
/// article's headline spans its article's columns). The cut falls at the word start
/// nearest that share, with a few words on either side. `None` for a row
/// with a word in lower case (a sentence-case title or running text).
fn capitals_row_cut_at_datelines(
    page: &Page,
    index: usize,
    whole: &Piece,
    words: &[Word],
    texts: &[&str],
) -> Option<usize> {
    let n = texts.len();
    if n < 2 * HEADLINE_ROW_MIN_WORDS || texts.iter().any(|w| has_lower_case(w)) {
        return None;
    }
    if texts.iter().filter(|w| in_capitals(w)).count() < HEADLINE_ROW_MIN_WORDS * 2 - 1 {
        return None;
    }
    let Some(share) = second_dateline_share(page, index).or_else(|| higher_right_bodies_share(page, index))
    else {
        return capitals_row_cut_at_seams(page, index, whole, words, texts);
    };
    let body = body_words_either_side(page, index, share);
    // A headline's words come back in its article's body: among the cuts
    // near the share (set in bigger type, a headline fills its columns
    // less evenly than body lines do), the one whose two parts each name
    // more of the words below their own side wins; then the nearest.
    let named = |at: usize| {
        let (left, right) = named_either_side(texts, at, &body);
        left + right
    };
    cuts_near(whole, words, texts, share)
        .min_by(|a, b| named(b.0).cmp(&named(a.0)).then(a.1.total_cmp(&b.1)))
        .map(|(at, _)| at)
}

/// The word starts a headline row (`whole`, its `words` and their `texts`)
/// may be cut at near `share` of its characters, each with its distance
/// from that share: a few words on either side, not after a sentence's
/// end, within [`HEADLINE_ROW_SHARE_SLACK`].
fn cuts_near<'a>(
    whole: &'a Piece,
    words: &'a [Word],
    texts: &'a [&str],
    share: f32,
) -> impl Iterator<Item = (usize, f32)> + 'a {
    let length = whole.text.chars().count().max(1) as f32;
    (HEADLINE_ROW_MIN_WORDS..=texts.len() - HEADLINE_ROW_MIN_WORDS)
        .filter(|&at| !crate::parse::chars::ends_sentence(texts[at - 1]))
        .map(move |at| (at, ((words[at].start - whole.span.start) as f32 / length - share).abs()))
        .filter(|&(_, off)| off <= HEADLINE_ROW_SHARE_SLACK)
}

/// How many of a headline row's words left and right of a cut at `at`
/// the body below names on the same side (`body`, from
/// [`body_words_either_side`]).
fn named_either_side(texts: &[&str], at: usize, body: &(HashSet<String>, HashSet<String>)) -> (usize, usize) {
    let left = texts[..at].iter().filter(|w| body.0.contains(&topic_word(w))).count();
    let right = texts[at..].iter().filter(|w| body.1.contains(&topic_word(w))).count();
    (left, right)
}

/// The shares of its line's characters at which the columns of the first
/// glued body row within [`HEADLINE_ROW_REACH`] lines below line `index`
/// start (each piece after the first): where the articles under a headline
/// row may part, measured from the body set below it.
fn column_seam_shares(page: &Page, index: usize) -> Vec<f32> {
    page.lines[index + 1..]
        .iter()
        .take(HEADLINE_ROW_REACH)
        .map(|line| &page.pieces[line.pieces.clone()])
        .find(|pieces| {
            pieces.len() >= 2
                && pieces.iter().all(|p| p.role == Role::Body)
                && pieces[1..].iter().all(|p| matches!(p.gap, Gap::Glued | Gap::Rule))
        })
        .map(|pieces| {
            let whole = whole_line(pieces);
            let length = whole.text.chars().count().max(1) as f32;
            pieces[1..].iter().map(|p| (p.span.start - whole.span.start) as f32 / length).collect()
        })
        .unwrap_or_default()
}

/// The share of its line's characters before the first newswire dateline
/// that stands inside a body line (not opening it) within
/// [`HEADLINE_ROW_BODY_REACH`] lines below line `index`: a second article
/// starts beside the first one there. `None` when no body line below holds
/// one.
fn inner_dateline_share(page: &Page, index: usize) -> Option<f32> {
    page.lines[index + 1..].iter().take(HEADLINE_ROW_BODY_REACH).find_map(|line| {
        let pieces = &page.pieces[line.pieces.clone()];
        if pieces.iter().any(|p| p.role == Role::Headline) {
            return None;
        }
        let as_body: Vec<Piece> = pieces.iter().cloned().map(|p| Piece { role: Role::Body, ..p }).collect();
        let words = line_words(&as_body, page.word_model())?;
        let whole = whole_line(pieces);
        let texts = word_texts(&whole, &words);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let first = texts.iter().position(|w| w.chars().any(char::is_alphanumeric))?;
        let inner = (first + HEADLINE_ROW_MIN_WORDS..texts.len()).find(|&at| dateline_at(&texts, at))?;
        let length = whole.text.chars().count().max(1) as f32;
        Some((words[inner].start - whole.span.start) as f32 / length)
    })
}

/// Where a row of headlines set in capitals splits when no row below opens
/// with one dateline and holds another: a dateline standing inside a body
/// line below ([`inner_dateline_share`]) shows that a second article
/// starts beside the first, and the cut falls at a column seam of the
/// glued body rows below ([`column_seam_shares`]) near that dateline, the
/// cut near the seam whose left part names words found only left of it in
/// the body below and whose right part names words found only right of it
/// (a headline's words come back in its own article); of such cuts, the
/// one naming most, then the nearest its seam. `None` with no such
/// dateline (a headline over one article's columns stays whole) or when no
/// cut names words on both sides (cutting where only one part names its
/// article's words, tried, fell one word off as often as not).
fn capitals_row_cut_at_seams(
    page: &Page,
    index: usize,
    whole: &Piece,
    words: &[Word],
    texts: &[&str],
) -> Option<usize> {
    let dateline = inner_dateline_share(page, index)?;
    column_seam_shares(page, index)
        .into_iter()
        .filter(|s| (s - dateline).abs() <= HEADLINE_ROW_SHARE_SLACK)
        .flat_map(|share| {
            let body = body_words_either_side(page, index, share);
            cuts_near(whole, words, texts, share)
                .filter_map(|(at, off)| match named_either_side(texts, at, &body) {
                    (0, _) | (_, 0) => None,
                    (left, right) => Some((at, left + right, off)),
                })
                .collect::<Vec<_>>()
        })
        .min_by(|a, b| b.1.cmp(&a.1).then(a.2.total_cmp(&b.2)))
        .map(|(at, _, _)| at)
}

/// How far from the datelines' share a cut in a headline row may fall.
const HEADLINE_ROW_SHARE_SLACK: f32 = 0.15;

/// Body lines below a headline row whose words tell its two articles apart.
const HEADLINE_ROW_BODY_REACH: usize = 12;

/// A word as a topic: its letters and digits in lower case, empty for a
/// word of fewer than three (articles and specks name no topic).
fn topic_word(word: &str) -> String {
    let bare: String = word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    if bare.chars().count() < 3 {
        String::new()
    } else {
        bare
    }
}

/// The topic words of the lines below line `index` (within
/// [`HEADLINE_ROW_BODY_REACH`]), parted at `share` of each line's
/// characters into the left and the right articles' words.
fn body_words_either_side(page: &Page, index: usize, share: f32) -> (HashSet<String>, HashSet<String>) {
    let mut sides = (HashSet::new(), HashSet::new());
    for line in page.lines[index + 1..].iter().take(HEADLINE_ROW_BODY_REACH) {
        let pieces = &page.pieces[line.pieces.clone()];
        if pieces.iter().any(|p| p.role == Role::Headline) {
            continue;
        }
        let whole = whole_line(pieces);
        let length = whole.text.chars().count().max(1) as f32;
        let mut at = 0usize;
        for word in whole.text.split(' ') {
            let topic = topic_word(word);
            if !topic.is_empty() {
                if (at as f32) / length < share {
                    sides.0.insert(topic);
                } else {
                    sides.1.insert(topic);
                }
            }
            at += word.chars().count() + 1;
        }
    }
    // A word on both sides tells them apart no more than none.
    let shared: HashSet<String> = sides.0.intersection(&sides.1).cloned().collect();
    sides.0.retain(|w| !shared.contains(w));
    sides.1.retain(|w| !shared.contains(w));
    sides
}

/// A line this many body column widths long, or longer, holds more than
/// one column line: the least a headline beside a column line can run.
const BESIDE_MIN_WIDTHS: f32 = 1.6;

/// The column line beside a headline runs between these shares of the
/// body column width (a paragraph's last line may stop short, a column
/// line runs a little over the median in proportional type).
const BESIDE_COLUMN_SHARES: (f32, f32) = (0.6, 1.25);

/// The median length, in characters, of the pieces of the rows the glued
/// cutter cut: the page's body column width. `None` on a page of no glued
/// rows.
fn glued_column_width(page: &Page) -> Option<f32> {
    let lengths: Vec<f32> = page
        .lines
        .iter()
        .map(|line| &page.pieces[line.pieces.clone()])
        .filter(|pieces| pieces.len() >= 2 && pieces[1..].iter().all(|p| p.gap == Gap::Glued))
        .flatten()
        .map(|p| p.text.trim().chars().count() as f32)
        .collect();
    if lengths.len() < 2 * HEADLINE_ROW_REACH {
        return None;
    }
    median(lengths)
}

/// True when a run of words may be a headline: it starts with a capital
/// and holds no sentence punctuation, comma, quote or bracket, nor a
/// hyphen ending a printed line. Running text has these within a few
/// words; a headline seldom does.
fn title_shaped(texts: &[&str]) -> bool {
    let marks = |c: char| {
        matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '“' | '”' | '„' | '(' | ')' | '«' | '»')
    };
    texts.first().and_then(|w| w.chars().next()).is_some_and(char::is_uppercase)
        && texts.iter().all(|w| !w.contains(marks) && !w.ends_with('-'))
}

/// Where a line holding a headline and, beside it, a line of the column
/// running down to its right splits, as the index of the first word of the
/// column line: of the places where the words before are title-shaped and
/// the word after starts in lower case (it goes on with the sentence of the
/// column line above), the one whose words after run nearest one column
/// width, within the span a column line runs.
fn headline_beside_column_cut(texts: &[&str], width: f32) -> Option<usize> {
    let n = texts.len();
    let length = |words: &[&str]| words.iter().map(|w| w.chars().count()).sum::<usize>() + words.len() - 1;
    let (least, most) = (BESIDE_COLUMN_SHARES.0 * width, BESIDE_COLUMN_SHARES.1 * width);
    (HEADLINE_ROW_MIN_WORDS..n)
        .take_while(|&at| title_shaped(&texts[..at]))
        .filter(|&at| texts[at].chars().next().is_some_and(char::is_lowercase))
        .map(|at| (at, length(&texts[at..]) as f32))
        .filter(|&(_, right)| (least..=most).contains(&right))
        .min_by(|a, b| (a.1 - width).abs().total_cmp(&(b.1 - width).abs()))
        .map(|(at, _)| at)
}

/// True when a word is set in capitals or is a lone capital letter: it
/// has a letter and none in lower case ("U.S.", "SPLIT,", "C").
fn capitals_word(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !has_lower_case(word)
}

/// True when a word holds no letter or digit: a speck or a rule mark OCR
/// read beside a headline ("." "|" "-").
fn mark_word(word: &str) -> bool {
    !word.chars().any(char::is_alphanumeric)
}

/// Where a line opening with a headline in capitals, glued to the line of
/// the column running down beside it, splits, as the index of the first
/// word of the column line: the run from the line's start (specks
/// included) holds two or more words in capitals and six letters or more,
/// no word in lower case, and the first word with a lower-case letter
/// starts the column line, which runs within the span a column line runs.
fn capitals_beside_column_cut(texts: &[&str], width: f32) -> Option<usize> {
    let at = texts.iter().position(|w| has_lower_case(w))?;
    if at == 0 || !texts[..at].iter().all(|w| capitals_word(w) || mark_word(w)) {
        return None;
    }
    let words = texts[..at].iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
    let letters: usize = texts[..at].iter().map(|w| w.chars().filter(|c| c.is_alphabetic()).count()).sum();
    if words < HEADLINE_ROW_MIN_WORDS || letters < CAPITALS_BESIDE_MIN_LETTERS {
        return None;
    }
    let right = texts[at..].iter().map(|w| w.chars().count()).sum::<usize>() + texts.len() - at - 1;
    let (least, most) = (BESIDE_COLUMN_SHARES.0 * width, BESIDE_COLUMN_SHARES.1 * width);
    (least..=most).contains(&(right as f32)).then_some(at)
}

/// Fewest letters in a headline in capitals glued before a column line:
/// shorter runs are abbreviations opening a sentence ("US AND").
const CAPITALS_BESIDE_MIN_LETTERS: usize = 6;

/// Cuts a headline off the column line OCR read beside it: a one-piece
/// body line inside a block, twice a body column long or more, under a
/// line whose sentence runs on, with glued body rows a few lines below
/// (the article it heads), is cut where `headline_beside_column_cut`
/// finds it. Why: an article set below the first columns of another one,
/// whose last column runs on down beside it, has its headline level with
/// that column; OCR reads both as one line, and left whole the headline
/// reads as body text of the article above and nothing opens the one below.
pub fn cut_latin_headlines_beside_columns(page: &mut Page) {
    if page.is_cjk() {
        return;
    }
    let language = page.word_model();
    let Some(width) = glued_column_width(page) else { return };
    let mut cuts: Vec<Option<(Vec<Word>, usize)>> = vec![None; page.lines.len()];
    for (index, line) in page.lines.iter().enumerate() {
        let pieces = &page.pieces[line.pieces.clone()];
        if pieces.len() != 1 || pieces[0].role != Role::Body || index == page.blocks[line.block].start {
            continue;
        }
        // The column beside the headline runs alone above it (and below
        // it, within the block): the columns to its left ended over the
        // article below. A long line among glued rows is a glued row.
        let one_column = |line: &crate::parse::Line| {
            let pieces = &page.pieces[line.pieces.clone()];
            pieces.len() == 1 && (pieces[0].text.trim().chars().count() as f32) < BESIDE_MIN_WIDTHS * width
        };
        let above = &page.lines[index - 1];
        let below_alone = page.lines.get(index + 1).is_none_or(|l| l.block != line.block || one_column(l));
        if !one_column(above) || !below_alone {
            continue;
        }
        if !glued_rows_below(page, index) {
            continue;
        }
        let Some(words) = line_words(pieces, language) else { continue };
        let texts = word_texts(&pieces[0], &words);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        // A headline in capitals shows its seam by the case change alone:
        // it may hold abbreviations and commas ("U.S.", "CITY, HARBOUR"),
        // wrap onto a shorter line, and stand beside a column line that
        // opens a new sentence.
        if let Some(at) = capitals_beside_column_cut(&texts, width) {
            cuts[index] = Some((words, at));
            continue;
        }
        let above = &page.pieces[above.pieces.clone()];
        let runs_on = above.last().is_some_and(|p| !crate::parse::chars::ends_sentence(&p.text));
        let long = pieces[0].text.trim().chars().count() as f32 >= BESIDE_MIN_WIDTHS * width;
        if !runs_on || !long {
            continue;
        }
        if let Some(at) = headline_beside_column_cut(&texts, width) {
            cuts[index] = Some((words, at));
        }
    }
    if cuts.iter().all(Option::is_none) {
        return;
    }
    page.recut_lines(|index, pieces| match &cuts[index] {
        Some((words, at)) => {
            let mut parts = cut_piece(&pieces[0], words, &[0..*at, *at..words.len()]);
            parts[0].role = Role::Headline;
            parts
        }
        None => pieces.to_vec(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    #[test]
    fn a_headline_row_is_cut_where_capitals_meet_sentence_case() {
        assert_eq!(headline_row_cut(&["Mayor", "opens", "bridge", "HARBOUR", "TRADE", "REVIEW"]), Some(3));
        assert_eq!(headline_row_cut(&["HARBOUR", "TRADE", "REVIEW", "Mayor", "opens", "bridge"]), Some(3));
        // One word in capitals is an abbreviation inside a title.
        assert_eq!(headline_row_cut(&["NATO", "talks", "open", "in", "the", "city"]), None);
        // Two places where the style changes: no single cut.
        assert_eq!(
            headline_row_cut(&["Mayor", "opens", "HARBOUR", "TRADE", "Council", "meets", "TOWN", "HALL"]),
            None
        );
    }

    #[test]
    fn a_glued_row_opening_with_a_dateline_is_no_headline_row() {
        // The place in capitals, then sentence case: a headline row's
        // shape, but a dateline opens an article's body.
        let text = "NORTH BAY, Ont., Mar 3 - Harbour trade grew by a fifth in the the port said on Monday\n\
                    year to March, and the mayor said the new quay would open in the spring next year\n\
                    after four years of work and delays caused by the floods and the rising costs\n";
        let page = parse_page(text, 0, 1);
        assert!(
            page.pieces[page.lines[0].pieces.clone()].iter().all(|p| p.role != Role::Headline),
            "{:?}",
            page.pieces.iter().map(|p| (&p.text, p.role)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_gutter_speck_marks_the_cut_in_a_headline_row() {
        let row = ["HARBOUR", "TRADE", "SETS", "_Mayor", "opens", "new", "bridge"];
        assert_eq!(headline_row_cut(&row), Some(3));
        // ...but not after a sentence end.
        assert_eq!(headline_row_cut(&["Trade", "grew.", "_Mayor", "opens"]), None);
        // A speck standing alone between the two headlines ends the left one.
        let row = ["Harbour", "trade", "_", "Mayor", "opens", "bridge"];
        assert_eq!(headline_row_cut(&row), Some(3));
    }

    #[test]
    fn a_speck_at_the_edge_of_a_headline_row_parts_nothing() {
        // The speck before the first word is gutter noise at the row's
        // edge; the one between the headlines still marks the cut.
        let row = ["~", "HARBOUR", "TRADE", "_", "MAYOR", "OPENS", "BRIDGE"];
        assert_eq!(headline_row_cut(&row), Some(4));
    }

    #[test]
    fn a_newswire_dateline_is_found_inside_a_row_with_or_without_its_dash() {
        assert!(dateline_at(&["NORTH", "BAY,", "Mar", "3", "-", "Harbour"], 0));
        assert!(dateline_at(&["said", "NORTH", "BAY,", "Ont.,", "Mar", "3-"], 1));
        // Broken right after its date: the dash went to the next line.
        assert!(dateline_at(&["the", "port", "TOWNSVILLE,", "Mar", "3"], 2));
        assert!(!dateline_at(&["Harbour,", "Mar", "3"], 0));
        assert!(!dateline_at(&["HARBOUR", "TRADE", "REVIEW"], 0));
        assert!(!dateline_at(&["NATO,", "the", "alliance"], 0));
        // The article's first word glued to the day's dash.
        assert!(dateline_at(&["HARBOUR,", "Mar", "3-Acme"], 0));
        assert!(!dateline_at(&["HARBOUR,", "Mar", "3rd"], 0));
    }

    /// A page read across without blank lines: a glued row of the article
    /// above, a row of two headlines in capitals, and the two articles'
    /// columns below it, each opening with its dateline.
    fn capitals_row_page(second_dateline: &str) -> String {
        format!(
            "of work on it and delays | said today, and the rising costs\n\
             HARBOUR TRADE GROWS AGAIN TOWN HALL TO CLOSE\n\
             NORTH BAY, Mar 3 - The port | {second_dateline}, Mar 3 - The hall\n\
             said trade grew by a fifth in | will close for a year while the\n\
             the year to March, and that | roof is mended, the council said\n\
             the new quay would open soon. | on Monday after a long meeting.\n"
        )
    }

    #[test]
    fn a_row_in_capitals_over_two_datelines_is_two_headlines() {
        let page = parse_page(&capitals_row_page("EAST END"), 0, 1);
        let row: Vec<(&str, Role)> =
            page.pieces[page.lines[1].pieces.clone()].iter().map(|p| (p.text.as_str(), p.role)).collect();
        assert_eq!(
            row,
            [("HARBOUR TRADE GROWS AGAIN", Role::Headline), ("TOWN HALL TO CLOSE", Role::Headline)]
        );
        // With one dateline below, nothing says two articles stand there.
        let page = parse_page(&capitals_row_page("the hall"), 0, 1);
        assert_eq!(page.lines[1].pieces.len(), 1);
    }

    #[test]
    fn a_row_in_capitals_over_datelines_on_two_lines_is_cut_at_the_right_columns() {
        // The right article's headline is shorter, so its body starts a
        // line higher: its dateline and second column's first line stand
        // alone, the left article's dateline opens the full row below, and
        // the right article's columns are that row's last two.
        let text = "of work on it and delays | said today, and the rising costs\n\
                    HARBOUR TRADE GROWS TOWN HALL TO CLOSE\n\
                    EAST END, Mar | roof is mended,\n\
                    NORTH BAY, Mar 3 - The port | said trade grew by a | 3 - The hall will | the council said on\n\
                    said trade grew by a fifth in | the year to March, and | close for a year while | Monday after a long\n";
        let page = parse_page(text, 0, 1);
        let row: Vec<(&str, Role)> =
            page.pieces[page.lines[1].pieces.clone()].iter().map(|p| (p.text.as_str(), p.role)).collect();
        assert_eq!(row, [("HARBOUR TRADE GROWS", Role::Headline), ("TOWN HALL TO CLOSE", Role::Headline)]);
        // Without a dateline opening the short line, nothing says whose
        // columns it holds.
        let page = parse_page(&text.replacen("EAST END, Mar", "the east end", 1), 0, 1);
        assert_eq!(page.lines[1].pieces.len(), 1);
    }

    #[test]
    fn a_row_in_capitals_over_a_dateline_inside_a_column_row_is_cut_at_the_named_seam() {
        // The right article's body starts lower, its dateline inside a
        // glued row: no row opens with two datelines, but the column seam
        // near that dateline parts the headline words each article's body
        // names.
        let text = "of work on it and delays | said today, and the rising costs\n\
                    HARBOUR TRADE GROWS TOWN HALL TO CLOSE\n\
                    NORTH BAY, Mar 3 - The harbour\n\
                    said its trade grew by a fifth | EAST END, Mar 3 - The town hall\n\
                    in the year to March, and that | will close for a year while its\n\
                    the harbour quay would open soon. | roof is mended, the council said.\n";
        let page = parse_page(text, 0, 1);
        let row: Vec<(&str, Role)> =
            page.pieces[page.lines[1].pieces.clone()].iter().map(|p| (p.text.as_str(), p.role)).collect();
        assert_eq!(row, [("HARBOUR TRADE GROWS", Role::Headline), ("TOWN HALL TO CLOSE", Role::Headline)]);
        // With no second dateline below, nothing says a second article
        // starts there: a headline over one article's columns stays whole.
        let page = parse_page(&text.replacen("EAST END, Mar 3 - The", "and the east end", 1), 0, 1);
        assert_eq!(page.lines[1].pieces.len(), 1);
    }

    #[test]
    fn side_by_side_headlines_glued_into_one_line_are_cut_apart() {
        let text = "Mayor opens new bridge HARBOUR TRADE REVIEW\n\
                    \n\
                    The mayor opened the bridge on Monday after four years of work on it and delays\n\
                    caused by the floods that came each spring. Harbour trade grew by a fifth in the\n\
                    and the rising costs of steel slowed it down. year to March, the port said today\n";
        let page = parse_page(text, 0, 1);
        let first: Vec<(&str, Role)> =
            page.pieces[page.lines[0].pieces.clone()].iter().map(|p| (p.text.as_str(), p.role)).collect();
        assert_eq!(
            first,
            [("Mayor opens new bridge", Role::Headline), ("HARBOUR TRADE REVIEW", Role::Headline)]
        );
        // Two headlines that both wrap: the two words under the row are
        // the last word of each.
        let wrapped = text.replacen(
            "Mayor opens new bridge HARBOUR TRADE REVIEW",
            "Mayor opens new _ Harbour trade grows\nbridge again",
            1,
        );
        let page = parse_page(&wrapped, 0, 1);
        let second: Vec<(&str, Role)> =
            page.pieces[page.lines[1].pieces.clone()].iter().map(|p| (p.text.as_str(), p.role)).collect();
        assert_eq!(second, [("bridge", Role::Headline), ("again", Role::Headline)]);
        // Column rules OCR read where the gutters were show the columns
        // side by side as well as glued text does.
        let ruled = "Mayor opens new bridge HARBOUR TRADE REVIEW\n\
                     The mayor opened the bridge | Harbour trade grew by a fifth\n\
                     on Monday after four years | in the year to March, the port\n\
                     of work on it and delays | said today, and the rising costs\n";
        let page = parse_page(ruled, 0, 1);
        assert_eq!(page.lines[0].pieces.len(), 2);
        // Without glued body rows below, the line is left whole.
        let alone = parse_page("Mayor opens new bridge HARBOUR TRADE REVIEW\n\nThe mayor spoke.\n", 0, 1);
        assert_eq!(alone.lines[0].pieces.len(), 1);
    }

    #[test]
    fn a_headline_is_cut_off_the_column_line_beside_it() {
        let words = ["Mayor", "opens", "new", "bridge", "across,", "the", "council", "said"];
        assert_eq!(headline_beside_column_cut(&words, 22.0), Some(4));
        // The column line must start in lower case: it goes on with a sentence.
        let capital = ["Mayor", "opens", "new", "bridge", "Across", "Town,", "Council", "Says"];
        assert_eq!(headline_beside_column_cut(&capital, 22.0), None);
        // Running text has punctuation early on: no title before the cut.
        let prose = ["The", "mayor,", "who", "opened", "it", "said", "the", "council", "paid"];
        assert_eq!(headline_beside_column_cut(&prose, 22.0), None);
        // What follows must run about one column width.
        assert_eq!(headline_beside_column_cut(&words, 60.0), None);
    }

    #[test]
    fn a_headline_beside_a_running_column_opens_the_article_below() {
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
        let line: Vec<(&str, Role)> =
            page.pieces[page.lines[2].pieces.clone()].iter().map(|p| (p.text.as_str(), p.role)).collect();
        assert_eq!(
            line,
            [
                ("Mayor opens new harbour bridge", Role::Headline),
                ("across the wide river which the council", Role::Body)
            ]
        );
        // After a sentence end, the line is no column running on.
        let ended = text.replacen("below the others", "below the others.", 1);
        let page = parse_page(&ended, 0, 1);
        assert_eq!(page.lines[2].pieces.len(), 1);
    }

    #[test]
    fn a_capitals_headline_before_a_column_line_is_cut_at_the_case_change() {
        let line = ["U.S.", "HARBOUR", "CLOSES", "the", "quays", "for", "the", "winter", "months"];
        assert_eq!(capitals_beside_column_cut(&line, 30.0), Some(3));
        // Specks and commas ride with the headline; a sentence may open the column line.
        let line = [".", "CITY,", "HARBOUR", "\"The", "ferry", "will", "run", "again", "soon"];
        assert_eq!(capitals_beside_column_cut(&line, 30.0), Some(3));
        // A short run is an abbreviation opening a sentence.
        assert_eq!(
            capitals_beside_column_cut(&["US", "AND", "the", "quays", "for", "the", "long", "winter"], 30.0),
            None
        );
        // The column line must run about a column's width.
        assert_eq!(capitals_beside_column_cut(&["HARBOUR", "CLOSES", "the", "quays"], 30.0), None);
    }
}

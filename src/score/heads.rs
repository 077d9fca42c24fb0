//! Headline order signal: the headlines of articles set side by side take
//! the datelines below them in the same order, left to right.
//!
//! In: a parsed CJK page. Out: for every heading piece on a line of two or
//! three headings, the datelines that open the first paragraphs below it,
//! each with a verdict: `+1` for the dateline whose place among them, left
//! to right, is the heading's place on its line, `-1` for the others.
//! Why: OCR reads a row of headlines across as one line (a headline of two
//! printed lines as two such rows) and the datelines of the articles' first
//! columns on the lines below, often on different lines when the columns
//! are not level; a headline continues at the nearest dateline in the input
//! (the plain reading order) as readily as at its own, while the order of
//! the headlines across the row is the order of their articles' first
//! columns, and so of their datelines. Where fewer datelines than
//! headlines stand below (an article opening without one, or one OCR
//! garbled), each goes with the headline it stands under. A row of headlines of two printed
//! lines each is two rows of headings: the first row goes on to the second
//! in the same order across (else a first line is left an orphan while its
//! second line, a heading of the row nearest the datelines, takes them).
//!
//! On Latin pages a second cue: where a run of headlines of different
//! articles stands right above their first lines, each first line names
//! what its own headline names (see [`latin_heading_openings`]); where
//! those first lines stand on consecutive lines, the articles run on line
//! by line in turn below them (see [`claimed_strides`]). On sparse-text
//! pages (every printed line between blank lines) the first lines may lie
//! up to two lines per headline below the run: each article's columns are
//! read across in turn. A row of Latin headlines over a row of as many goes
//! on in place across, as on CJK pages (see `latin_headline_rows`).

use crate::parse::classify::{datelines_below, is_latin_dateline_start, lines_set_apart};
use crate::parse::{Gap, Page, PieceId, Role};
use std::collections::HashSet;

/// A piece's horizontal place on its line, in cells from the line start:
/// the pieces before it and the gaps between them (a space is half a cell,
/// a rule one cell). Plain text has no coordinates; this orders pieces of
/// different lines left to right well enough where gutters are padded.
fn x_of(page: &Page, piece: usize) -> f32 {
    let line = &page.lines[page.pieces[piece].line];
    page.pieces[line.pieces.start..=piece]
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let gap = match p.gap {
                Gap::Gutter(spaces) => 0.5 * spaces as f32,
                Gap::BreakSpace => 0.5,
                Gap::Rule => 1.0,
                Gap::LineStart | Gap::Cut | Gap::Glued => 0.0,
            };
            // The piece's own width does not count towards its place.
            let own = if line.pieces.start + i == piece { 0.0 } else { p.cells };
            gap + own
        })
        .sum()
}

/// The verdict from the first line of a headline in a row to the second
/// line in the same place across the row below: twice a dateline's, since
/// it must outweigh the penalty every junction into a heading carries (a
/// body line does not run into a headline; a headline's own line does).
const SECOND_LINE_VERDICT: f32 = 2.0;

/// The heading pieces of a line, left to right.
fn row_headings(page: &Page, line: usize) -> Vec<usize> {
    let mut heads: Vec<(f32, usize)> = page.lines[line]
        .pieces
        .clone()
        .filter(|&i| page.pieces[i].role.is_heading())
        .map(|i| (x_of(page, i), i))
        .collect();
    heads.sort_by(|a, b| a.0.total_cmp(&b.0));
    heads.into_iter().map(|(_, i)| i).collect()
}

/// For every heading piece of a row of two or three headings with as many
/// datelines below it, the datelines with their verdict (`+1` its own, `-1`
/// another's), in no particular order; with fewer datelines, each goes with
/// the heading it stands under (see `datelines_under_heads`). Where the line right below is a row
/// of as many headings (each headline set on two printed lines), the first
/// row's verdicts are on those second lines instead: `SECOND_LINE_VERDICT`
/// for the one in the same place across, `-1` for the others.
pub fn heading_datelines(page: &Page) -> Vec<(PieceId, PieceId, f32)> {
    if !page.is_cjk() {
        return latin_headline_rows(page);
    }
    let mut out = Vec::new();
    let (interleaved, covered) = interleaved_headlines(page);
    out.extend(interleaved);
    for index in 0..page.lines.len() {
        if covered.contains(&index) {
            continue;
        }
        let heads = row_headings(page, index);
        if !(2..=3).contains(&heads.len()) {
            continue;
        }
        // A row of headlines each set on two printed lines: every first line
        // goes on to the second line under it, in the same order across, and
        // the second row takes the datelines.
        if let Some(seconds) = page.lines.get(index + 1).map(|_| row_headings(page, index + 1)) {
            if seconds.len() == heads.len() {
                for (rank, &head) in heads.iter().enumerate() {
                    for (other, &second) in seconds.iter().enumerate() {
                        let verdict = if other == rank { SECOND_LINE_VERDICT } else { -1.0 };
                        out.push((PieceId(head), PieceId(second), verdict));
                    }
                }
                continue;
            }
        }
        // Sparse-text OCR may write each second line on a line of its own
        // right below the row, in the row's order across (the parser
        // labelled them so): each first line goes on to its own, and the
        // second lines take the datelines below them in the same order.
        let apart: Vec<usize> = (index + 1..index + 1 + heads.len())
            .filter_map(|l| page.lines.get(l).map(|_| row_headings(page, l)))
            .filter(|row| row.len() == 1 && page.lines[page.pieces[row[0]].line].pieces.len() == 1)
            .map(|row| row[0])
            .collect();
        if apart.len() == heads.len() {
            for (rank, &head) in heads.iter().enumerate() {
                for (other, &second) in apart.iter().enumerate() {
                    let verdict = if other == rank { SECOND_LINE_VERDICT } else { -1.0 };
                    out.push((PieceId(head), PieceId(second), verdict));
                }
            }
            let datelines = datelines_below(page, index + heads.len());
            if datelines.len() == apart.len() {
                for (rank, &second) in apart.iter().enumerate() {
                    for (other, &dateline) in datelines.iter().enumerate() {
                        let verdict = if other == rank { 1.0 } else { -1.0 };
                        out.push((PieceId(second), PieceId(dateline), verdict));
                    }
                }
            }
            continue;
        }
        let mut datelines: Vec<(f32, usize)> =
            datelines_below(page, index).into_iter().map(|d| (x_of(page, d), d)).collect();
        datelines.sort_by(|a, b| a.0.total_cmp(&b.0));
        if datelines.len() < heads.len() {
            out.extend(datelines_under_heads(page, &heads, &datelines));
            continue;
        }
        if datelines.len() != heads.len() {
            continue;
        }
        for (rank, &head) in heads.iter().enumerate() {
            for (other, &(_, dateline)) in datelines.iter().enumerate() {
                let verdict = if other == rank { 1.0 } else { -1.0 };
                out.push((PieceId(head), PieceId(dateline), verdict));
            }
        }
    }
    out
}

/// On a Latin page, every row of two or three headings over a row of as
/// many: each goes on to the heading in the same place across the row
/// below ([`SECOND_LINE_VERDICT`]), `-1` to the others. Why: OCR reading
/// side-by-side headlines of several printed lines across gives one row per
/// printed line; a headline's lower line is often short (its last line
/// above all), so width and line-end cues leave the join to its own lower
/// line weaker than a reach into the row's other headline or a dateline
/// (dev ocr-en-023 split its left headline in two). Under the last row,
/// where the right-hand articles' bodies start a line higher (see
/// [`right_bodies_start_higher`]),
/// the first headline goes on to the full row's first piece (`+1`), not
/// the short line's dateline (`-1`): the left headline, now whole, would
/// otherwise take the right article's dateline.
fn latin_headline_rows(page: &Page) -> Vec<(PieceId, PieceId, f32)> {
    let rows: Vec<Vec<usize>> = (0..page.lines.len()).map(|line| row_headings(page, line)).collect();
    let mut out = Vec::new();
    for (index, pair) in rows.windows(2).enumerate() {
        let (heads, seconds) = (&pair[0], &pair[1]);
        if !(2..=3).contains(&heads.len()) {
            continue;
        }
        if seconds.len() != heads.len() {
            if let Some(full) = right_bodies_start_higher(page, index) {
                let first = page.lines[full].pieces.start;
                let short = page.lines[index + 1].pieces.start;
                out.push((PieceId(heads[0]), PieceId(first), 1.0));
                out.push((PieceId(heads[0]), PieceId(short), -1.0));
            }
            continue;
        }
        for (rank, &head) in heads.iter().enumerate() {
            for (other, &second) in seconds.iter().enumerate() {
                let verdict = if other == rank { SECOND_LINE_VERDICT } else { -1.0 };
                out.push((PieceId(head), PieceId(second), verdict));
            }
        }
    }
    out
}

/// The most lines of a run of heading lines that [`interleaved_headlines`]
/// shares out among its headlines (the assignments it weighs grow as the
/// number of headlines to the power of the lines).
const INTERLEAVED_RUN_LINES: usize = 10;

/// How much wider than the line before it a line of the same headline may
/// be: a headline fills its lines but the last, so a later line is no
/// wider than an earlier one, save for OCR cutting a printed line in two
/// at slightly different widths.
const HEADLINE_LINE_SLACK: f32 = 1.25;

/// The word evidence that a heading line goes on at another: the length of
/// a dictionary word spanning the join, less one (as the junction feature
/// `text.word` reads it), 0 where none does.
fn heading_join_evidence(upper: &str, lower: &str) -> usize {
    crate::parse::words::spanning_word(upper, lower).saturating_sub(1).min(3)
}

/// One line of a headline as [`interleaved_headlines`] shares them out: its
/// pieces, its text and its width in cells.
struct HeadingUnit {
    pieces: std::ops::Range<usize>,
    text: String,
    cells: f32,
}

impl HeadingUnit {
    fn of(page: &Page, pieces: std::ops::Range<usize>) -> Self {
        let parts = &page.pieces[pieces.clone()];
        HeadingUnit {
            text: parts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" "),
            cells: parts.iter().map(|p| p.cells).sum(),
            pieces,
        }
    }
}

/// The best sharing of `units` among `heads` headlines whose first lines
/// are the first `heads` units: per unit its headline, with the word
/// evidence of the joins; `None` where every sharing breaks the widths
/// (see [`HEADLINE_LINE_SLACK`]). Also whether another sharing scores as
/// well.
fn best_sharing(units: &[HeadingUnit], heads: usize) -> Option<(usize, Vec<usize>, bool)> {
    let evidence: Vec<Vec<usize>> = (0..units.len())
        .map(|a| {
            (0..units.len())
                .map(|b| if b > a { heading_join_evidence(&units[a].text, &units[b].text) } else { 0 })
                .collect()
        })
        .collect();
    let rest = units.len() - heads;
    let mut best: Option<(usize, Vec<usize>, bool)> = None;
    'sharing: for code in 0..heads.pow(rest as u32) {
        // owner[i]: the headline unit i belongs to.
        let mut owner: Vec<usize> = (0..heads).collect();
        let mut c = code;
        for _ in 0..rest {
            owner.push(c % heads);
            c /= heads;
        }
        let mut last: Vec<usize> = (0..heads).collect();
        let mut score = 0;
        for (i, &o) in owner.iter().enumerate().skip(heads) {
            if units[i].cells > HEADLINE_LINE_SLACK * units[last[o]].cells {
                continue 'sharing;
            }
            score += evidence[last[o]][i];
            last[o] = i;
        }
        match &mut best {
            Some((top, _, _)) if score < *top => {}
            Some((top, _, tied)) if score == *top => *tied = true,
            _ => best = Some((score, owner, false)),
        }
    }
    best
}

/// A run of consecutive heading lines over the datelines of two or three
/// articles, with more lines than datelines: the headlines of articles set
/// side by side, each on several printed lines, that sparse-text OCR read
/// row by row across the page, so their lines alternate (the first line of
/// each headline, then their second lines, ...; a shorter headline's lines
/// stop early). The first line of the run opens the first headline and the
/// next ones the others (a row of headlines starts level), or, where the
/// first line holds as many heading pieces as there are datelines, its
/// pieces open them (OCR read the row as one line); every later line, one
/// piece each (a line of several is a row of second lines read across),
/// goes on one of them, no wider than the line before it there (a headline
/// fills its lines but the last), and the sharing is the one where the
/// most dictionary words span the joins (a headline line breaks inside a
/// word as often as a body line). Out: for each line's last piece but a
/// headline's last, `+2` to the first piece of the line its headline goes
/// on at, `-1` to the other lines of the run below it; for each headline's
/// last line `+1` to its dateline and `-1` to the others (the headline that
/// ends first takes the first dateline); and the lines of the runs so
/// shared, which the row rules of [`heading_datelines`] leave alone. Where
/// no word spans a join, or two sharings tie, the run says nothing: the
/// order of a row of headlines is the text's only witness in plain OCR
/// output.
fn interleaved_headlines(page: &Page) -> (Vec<(PieceId, PieceId, f32)>, HashSet<usize>) {
    let mut out = Vec::new();
    let mut covered = HashSet::new();
    let heading_line = |l: usize| {
        let line = &page.lines[l];
        !line.pieces.is_empty() && page.pieces[line.pieces.clone()].iter().all(|p| p.role.is_heading())
    };
    let mut start = 0;
    while start < page.lines.len() {
        if !heading_line(start) {
            start += 1;
            continue;
        }
        let end = (start..page.lines.len()).find(|&l| !heading_line(l)).unwrap_or(page.lines.len());
        let run: Vec<usize> = (start..end).collect();
        start = end;
        let datelines = datelines_below(page, end - 1);
        let heads = datelines.len();
        // A later line of several heading pieces is a row of second lines
        // read across (the row rules' business), not one headline's line.
        let single_after_first = run[1..].iter().all(|&l| page.lines[l].pieces.len() == 1);
        if !(2..=3).contains(&heads) || run.len() > INTERLEAVED_RUN_LINES || !single_after_first {
            continue;
        }
        let line_units = || run.iter().map(|&l| HeadingUnit::of(page, page.lines[l].pieces.clone()));
        let by_lines: Vec<HeadingUnit> = line_units().collect();
        let first = page.lines[run[0]].pieces.clone();
        let by_row: Option<Vec<HeadingUnit>> = (first.len() == heads).then(|| {
            first.clone().map(|p| HeadingUnit::of(page, p..p + 1)).chain(line_units().skip(1)).collect()
        });
        // The row's pieces as first lines go first: OCR reading a row of
        // headlines as one line is the common case, and a row that is one
        // headline cut by a speck fails the widths there.
        let mut chosen = None;
        for units in by_row.into_iter().chain([by_lines]) {
            if units.len() <= heads {
                continue;
            }
            if let Some(found) = best_sharing(&units, heads) {
                if chosen.as_ref().is_none_or(|(_, (top, _, _))| found.0 > *top) {
                    chosen = Some((units, found));
                }
            }
        }
        let Some((units, (score, owner, tied))) = chosen else { continue };
        if score == 0 || tied {
            continue;
        }
        let first_piece = |i: usize| PieceId(units[i].pieces.start);
        let last_piece = |i: usize| PieceId(units[i].pieces.end - 1);
        for i in 0..units.len() {
            // A headline's last line says nothing here: it goes on at its
            // dateline, which a verdict would mark as another's.
            if let Some(next) = (i + 1..units.len()).find(|&j| owner[j] == owner[i]) {
                for j in i + 1..units.len() {
                    let verdict = if j == next { SECOND_LINE_VERDICT } else { -1.0 };
                    out.push((last_piece(i), first_piece(j), verdict));
                }
            }
            // The pieces of one line of a headline (a speck OCR read in it
            // cut it) go on at each other.
            for p in units[i].pieces.clone().skip(1) {
                out.push((PieceId(p - 1), PieceId(p), SECOND_LINE_VERDICT));
            }
        }
        // The headline that ends first ends highest, so its columns, and
        // its dateline, start first as OCR reads down the page; headlines
        // of as many lines end level, their datelines in the same order
        // across as their first lines.
        let mut ends: Vec<usize> =
            (0..heads).map(|h| owner.iter().rposition(|&o| o == h).unwrap_or(h)).collect();
        ends.sort_unstable();
        for (rank, &end_unit) in ends.iter().enumerate() {
            for (other, &dateline) in datelines.iter().enumerate() {
                let verdict = if other == rank { 1.0 } else { -1.0 };
                out.push((last_piece(end_unit), PieceId(dateline), verdict));
            }
        }
        covered.extend(run);
    }
    (out, covered)
}

/// Fewer datelines than headlines in a row (an article opens without one,
/// or OCR garbled it): each dateline goes with the headline it stands
/// under, the last one whose place across starts at or before it (the
/// first headline of the row starts its article's first column), `-1` for
/// the others. Where two datelines stand under one headline the row says
/// nothing.
fn datelines_under_heads(
    page: &Page,
    heads: &[usize],
    datelines: &[(f32, usize)],
) -> Vec<(PieceId, PieceId, f32)> {
    let starts: Vec<f32> = heads.iter().map(|&h| x_of(page, h)).collect();
    let mut owners = Vec::new();
    for &(x, dateline) in datelines {
        let Some(owner) = starts.iter().rposition(|&start| start <= x) else {
            return Vec::new();
        };
        if owners.iter().any(|&(o, _)| o == owner) {
            return Vec::new();
        }
        owners.push((owner, dateline));
    }
    let mut out = Vec::new();
    for (owner, dateline) in owners {
        for (rank, &head) in heads.iter().enumerate() {
            let verdict = if rank == owner { 1.0 } else { -1.0 };
            out.push((PieceId(head), PieceId(dateline), verdict));
        }
    }
    out
}

/// The most headlines (and heading lines) of a run that
/// [`latin_heading_openings`] pairs with openings: two or three articles
/// side by side, each headline on one printed line.
const LATIN_RUN_HEADINGS: usize = 3;

/// Lines below a run of headlines, per headline, that may hold their
/// articles' first lines on a sparse-text page: two columns per article.
const OPENING_REACH: usize = 2;

/// Words of four letters and more that name nothing: they say nothing of
/// which article a line belongs to.
const FUNCTION_WORDS: [&str; 24] = [
    "about", "after", "against", "also", "been", "before", "from", "have", "into", "more", "most", "over",
    "said", "says", "some", "than", "that", "their", "them", "then", "there", "this", "were", "with",
];

/// The content words of a text, as lower-cased stems (the first five
/// letters, so that "prospect" meets "prospects"): words of four letters
/// or more that are not function words.
fn content_stems(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .map(|w| w.chars().take(5).collect())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// How many content stems two stem lists share.
fn shared(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|s| b.contains(s)).count()
}

/// Whether a Latin piece may open a paragraph: it starts, quotes and
/// dashes aside, with a capital or a digit.
fn opens_paragraph(text: &str) -> bool {
    text.trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// For a run of two or more heading lines on a Latin page whose headlines
/// share no content word with each other, and the paragraph openings on
/// as many lines below the run: where each headline repeats the content
/// words of exactly one opening, and of an opening no other headline
/// repeats, the verdict `+1` from each headline to its opening and `-1` to
/// the others' openings, and `-1` between two such openings, which open
/// different articles. Why: where two articles' columns alternate line
/// by line, a headline reaches the other article's first line (its
/// dateline, say) on the next line as readily as its own two lines down;
/// position cannot tell this from a headline with a deck line under it,
/// but a first line names the article's subject (a company, a place, a
/// work) as its headline does. Requiring every headline of the run to
/// claim an opening of its own keeps a headline of two printed lines (and
/// a headline with its deck), whose body's first line repeats one of them,
/// out of it.
pub fn latin_heading_openings(page: &Page) -> Vec<(PieceId, PieceId, f32)> {
    let mut out = Vec::new();
    if page.is_cjk() {
        return out;
    }
    let sparse = lines_set_apart(page);
    let is_heading_line =
        |l: usize| page.pieces[page.lines[l].pieces.clone()].iter().any(|p| p.role.is_heading());
    let mut line = 0;
    while line < page.lines.len() {
        if !is_heading_line(line) {
            line += 1;
            continue;
        }
        let start = line;
        while line < page.lines.len() && is_heading_line(line) {
            line += 1;
        }
        let heads: Vec<usize> = (start..line)
            .flat_map(|l| page.lines[l].pieces.clone())
            .filter(|&i| page.pieces[i].role.is_heading())
            .collect();
        if !(2..=LATIN_RUN_HEADINGS).contains(&heads.len()) || line - start > LATIN_RUN_HEADINGS {
            continue;
        }
        // Where every printed line stands alone, OCR reads the first lines
        // of all the articles' columns across in turn: an article's own
        // first line may come after the first lines of the columns of the
        // articles before it.
        let reach = if sparse { OPENING_REACH * heads.len() } else { heads.len() };
        let openings: Vec<usize> = (line..(line + reach).min(page.lines.len()))
            .flat_map(|l| page.lines[l].pieces.clone())
            .filter(|&i| opens_paragraph(&page.pieces[i].text))
            .collect();
        let stems: Vec<Vec<String>> = heads.iter().map(|&h| content_stems(&page.pieces[h].text)).collect();
        let apart = (0..heads.len()).all(|a| (a + 1..heads.len()).all(|b| shared(&stems[a], &stems[b]) == 0));
        if !apart {
            continue;
        }
        let named: Vec<Vec<String>> = openings.iter().map(|&o| content_stems(&page.pieces[o].text)).collect();
        // Each headline's one echoed opening, if it has exactly one.
        let claims: Vec<Option<usize>> = stems
            .iter()
            .map(|s| {
                let echoed: Vec<usize> = (0..openings.len()).filter(|&o| shared(s, &named[o]) > 0).collect();
                (echoed.len() == 1).then(|| echoed[0])
            })
            .collect();
        let Some(claims) = claims.into_iter().collect::<Option<Vec<usize>>>() else { continue };
        let distinct = (0..claims.len()).all(|a| (a + 1..claims.len()).all(|b| claims[a] != claims[b]));
        if !distinct {
            continue;
        }
        for (&head, &own) in heads.iter().zip(&claims) {
            for &claim in &claims {
                out.push((PieceId(head), PieceId(openings[claim]), if claim == own { 1.0 } else { -1.0 }));
                // Two articles' first lines: neither reads on into the other.
                if claim != own {
                    out.push((PieceId(openings[own]), PieceId(openings[claim]), -1.0));
                }
            }
        }
    }
    out
}

/// The line-by-line turns that a run of headlines claiming first lines on
/// consecutive lines shows (see [`latin_heading_openings`]): from the first
/// of those lines, each line goes on as many lines down as the run has
/// headlines. Out: per line, that stride where it holds. It holds while
/// the lines stay single pieces of body text and stops before a line whose
/// text ends a sentence and whose line that far down starts in lower case
/// (no sentence goes on so): a column that has ended leaves the others to
/// read on line by line. Why: the text signals see a stride across a dozen
/// lines; two articles emitted in turn under their headlines for a few
/// lines show none, while the headlines' claims show where it starts.
pub fn claimed_strides(page: &Page, verdicts: &[(PieceId, PieceId, f32)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut own: Vec<(PieceId, PieceId)> = verdicts
        .iter()
        .filter(|v| v.2 > 0.0 && page.piece(v.0).role.is_heading())
        .map(|v| (v.0, v.1))
        .collect();
    own.sort();
    own.dedup();
    for run in own.chunk_by(|a, b| page.piece(b.0).line <= page.piece(a.0).line + 1) {
        let lines: Vec<usize> = run.iter().map(|&(_, o)| page.piece(o).line).collect();
        let first = lines[0];
        let stride = run.len();
        let in_turn = lines.iter().enumerate().all(|(i, &l)| l == first + i)
            && run.iter().all(|&(_, o)| page.lines[page.piece(o).line].pieces.start == o.0);
        if stride < 2 || !in_turn {
            continue;
        }
        let single_body = |l: usize| {
            let range = page.lines[l].pieces.clone();
            range.len() == 1 && !page.pieces[range.start].role.is_heading()
        };
        let mut line = first;
        while line + stride < page.lines.len() && (line..=line + stride).all(single_body) {
            let text = &page.pieces[page.lines[line].pieces.start].text;
            let below = &page.pieces[page.lines[line + stride].pieces.start].text;
            let meets = super::sentence::Ending::of(text).meets(below);
            if meets.left_ends && meets.right_lower {
                break;
            }
            out.push((line, stride));
            line += 1;
        }
    }
    out
}

/// The full row under a row of side-by-side Latin headlines at line
/// `row` when the line right under the row holds only the right-hand
/// articles' first lines: it holds fewer pieces than the line after it, and
/// both open with a newswire dateline (two articles' datelines on two
/// lines). Why: an article whose headline runs to fewer lines starts its
/// body higher; OCR then reads its first lines alone, and the left-hand
/// article's first line is the first piece of the full row below.
pub(crate) fn right_bodies_start_higher(page: &Page, row: usize) -> Option<usize> {
    let headlines = &page.pieces[page.lines[row].pieces.clone()];
    if page.is_cjk() || headlines.len() < 2 || !headlines.iter().all(|p| p.role == Role::Headline) {
        return None;
    }
    let (short, full) = (page.lines.get(row + 1)?, page.lines.get(row + 2)?);
    let opens_with_dateline = |line: &crate::parse::Line| {
        let first = &page.pieces[line.pieces.start];
        first.role == Role::Body && is_latin_dateline_start(&first.text)
    };
    let (short_len, full_len) = (short.pieces.len(), full.pieces.len());
    (short_len < full_len
        && full_len % headlines.len() == 0
        && opens_with_dateline(short)
        && opens_with_dateline(full))
    .then_some(row + 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    #[test]
    fn second_lines_written_apart_below_a_headline_row_go_on_in_order() {
        // Sparse-text OCR: the row of two headlines, then each headline's
        // second line on a line of its own, then the two datelines.
        let text = crate::parse::classify::tests::headline_row_with_second_lines("正式公布", "阶段");
        let verdicts = named(&text, heading_datelines);
        let has = |from: &str, to: &str, verdict: f32| {
            verdicts.iter().any(|(f, t, v)| f.starts_with(from) && t.starts_with(to) && *v == verdict)
        };
        assert!(has("全市公交", "正式公布", SECOND_LINE_VERDICT));
        assert!(has("全市公交", "阶段", -1.0));
        assert!(has("老城区", "阶段", SECOND_LINE_VERDICT));
        assert!(has("老城区", "正式公布", -1.0));
        assert!(has("正式公布", "本报杭州5月8日电", 1.0));
        assert!(has("阶段", "本报杭州5月9日电", 1.0));
        assert!(has("阶段", "本报杭州5月8日电", -1.0));
    }

    /// Two headlines in capitals side by side over three printed lines, the
    /// left one's last line short; the right article's body starts a line
    /// higher (its dateline alone under the row), the left's on the full
    /// row below.
    pub(crate) fn latin_headline_rows_page() -> Page {
        let text = "HARBOUR TRADE GROWS    TOWN HALL TO\n\
                    FASTER THAN EVER IN    CLOSE FOR A YEAR\n\
                    SPRING    FOR REPAIRS\n\
                    EAST END, Mar 3 - The hall      the roof is mended,\n\
                    NORTH BAY, Mar 3 -    said trade grew by a    will close for a year    the council said on\n\
                    The port said trade   fifth in the year to    while the roof is        Monday after a long\n";
        let mut page = parse_page(text, 0, 1);
        for line in 0..3 {
            let row = page.lines[line].pieces.clone();
            assert_eq!(row.len(), 2);
            for piece in &mut page.pieces[row] {
                piece.role = crate::parse::Role::Headline;
            }
        }
        page
    }

    #[test]
    fn latin_headline_rows_go_on_in_place_and_the_left_one_skips_the_short_line() {
        let page = latin_headline_rows_page();
        let verdicts: Vec<(String, String, f32)> = latin_headline_rows(&page)
            .into_iter()
            .map(|(h, d, v)| (page.piece(h).text.clone(), page.piece(d).text.clone(), v))
            .collect();
        let has = |from: &str, to: &str, verdict: f32| {
            verdicts.iter().any(|(f, t, v)| f == from && t.starts_with(to) && *v == verdict)
        };
        // The short last line still takes the line above it.
        assert!(has("FASTER THAN EVER IN", "SPRING", SECOND_LINE_VERDICT));
        assert!(has("HARBOUR TRADE GROWS", "FASTER", SECOND_LINE_VERDICT));
        assert!(has("HARBOUR TRADE GROWS", "CLOSE FOR", -1.0));
        assert!(has("TOWN HALL TO", "CLOSE FOR", SECOND_LINE_VERDICT));
        assert!(has("FASTER THAN EVER IN", "FOR REPAIRS", -1.0));
        // The left headline's last line opens the full row, not the right
        // article's dateline on the short line.
        assert!(has("SPRING", "NORTH BAY", 1.0));
        assert!(has("SPRING", "EAST END", -1.0));
        // One headline line over two: no verdicts.
        let mut single = page.clone();
        let second = single.lines[1].pieces.start + 1;
        single.pieces[second].role = crate::parse::Role::Body;
        let none: Vec<_> = latin_headline_rows(&single)
            .into_iter()
            .filter(|&(h, _, _)| h.0 < single.lines[1].pieces.start)
            .collect();
        assert!(none.is_empty());
    }

    #[test]
    fn nothing_but_a_heading_runs_into_the_first_line_of_a_headline_row() {
        let page = latin_headline_rows_page();
        let context = crate::score::PageContext::new(&page);
        let body = PieceId(page.lines[5].pieces.start);
        let (left, right) = (page.lines[0].pieces.start, page.lines[0].pieces.start + 1);
        assert_eq!(context.headline_order(&page, body, PieceId(left)), -1.0);
        assert_eq!(context.headline_order(&page, body, PieceId(right)), -1.0);
        // A headline's later line is no opener.
        assert_eq!(context.headline_order(&page, body, PieceId(page.lines[1].pieces.start)), 0.0);
    }

    /// The verdicts of `pairing` on a page, as texts, sorted.
    fn named(text: &str, pairing: fn(&Page) -> Vec<(PieceId, PieceId, f32)>) -> Vec<(String, String, f32)> {
        let page = parse_page(text, 0, 1);
        let mut out: Vec<(String, String, f32)> = pairing(&page)
            .into_iter()
            .map(|(h, d, v)| (page.piece(h).text.clone(), page.piece(d).text.clone(), v))
            .collect();
        out.sort_by(|a, b| a.partial_cmp(b).unwrap());
        out
    }

    fn verdicts(text: &str) -> Vec<(String, String, f32)> {
        named(text, heading_datelines)
    }

    #[test]
    fn side_by_side_headlines_take_the_datelines_below_in_order() {
        // The second article's column starts a line lower than the first's.
        let text = [
            "全市公交线路调整方案今天公布 老城区改造工程进入收尾阶段\n",
            "\n",
            "本报杭州5月8日电 线路将于下月起调 据介绍，改造工程 工，已完成全部主\n",
            "整，涉及二十多条 线路和一百多个站 本报杭州5月9日电 网正在铺设之中，\n",
            "全市公交线路将于 下月起开始调整， 体工程，道路和管 网正在铺设之中，\n",
        ]
        .concat();
        let got = verdicts(&text);
        let own: Vec<(&str, &str)> =
            got.iter().filter(|v| v.2 > 0.0).map(|v| (v.0.as_str(), v.1.as_str())).collect();
        assert_eq!(
            own,
            vec![
                ("全市公交线路调整方案今天公布", "本报杭州5月8日电"),
                ("老城区改造工程进入收尾阶段", "本报杭州5月9日电")
            ]
        );
        assert_eq!(got.iter().filter(|v| v.2 < 0.0).count(), 2);
    }

    #[test]
    fn a_lone_dateline_goes_with_the_headline_it_stands_under() {
        // The second article opens without a dateline: the first one is
        // the first headline's, not the nearer end of the row's.
        let text = [
            "全市公交线路调整方案今天公布 老城区改造工程进入收尾阶段\n",
            "本报杭州5月8日电 线路将于下月起调 据介绍，改造工程 工，已完成全部主\n",
            "整，涉及二十多条 线路和一百多个站 体工程，道路和管 网正在铺设之中，\n",
        ]
        .concat();
        assert_eq!(
            verdicts(&text),
            vec![
                ("全市公交线路调整方案今天公布".to_string(), "本报杭州5月8日电".to_string(), 1.0),
                ("老城区改造工程进入收尾阶段".to_string(), "本报杭州5月8日电".to_string(), -1.0),
            ]
        );
        // Under the second headline it is the second's.
        let text = [
            "全市公交线路调整方案今天公布 老城区改造工程进入收尾阶段\n",
            "线路将于下月起调整，涉及二十多条线路 本报杭州5月9日电 工，已完成全部主\n",
            "整，涉及二十多条 线路和一百多个站 体工程，道路和管 网正在铺设之中，\n",
        ]
        .concat();
        let own: Vec<(String, String, f32)> = verdicts(&text).into_iter().filter(|v| v.2 > 0.0).collect();
        assert_eq!(
            own,
            vec![("老城区改造工程进入收尾阶段".to_string(), "本报杭州5月9日电".to_string(), 1.0)]
        );
    }

    #[test]
    fn a_row_of_two_line_headlines_goes_on_to_the_second_lines_in_order() {
        let text = [
            "全市公交线路调整方案 老城区改造工程\n",
            "    今天公布          进入收尾阶段\n",
            "本报杭州5月8日电 线路将于下月起调 本报杭州5月9日电 工，已完成全部主\n",
            "整，涉及二十多条 线路和一百多个站 体工程，道路和管 网正在铺设之中，\n",
        ]
        .concat();
        let got = verdicts(&text);
        let second_lines: Vec<(&str, &str, f32)> = got
            .iter()
            .filter(|v| !v.1.starts_with("本报"))
            .map(|v| (v.0.as_str(), v.1.as_str(), v.2))
            .collect();
        assert_eq!(
            second_lines,
            vec![
                ("全市公交线路调整方案", "今天公布", SECOND_LINE_VERDICT),
                ("全市公交线路调整方案", "进入收尾阶段", -1.0),
                ("老城区改造工程", "今天公布", -1.0),
                ("老城区改造工程", "进入收尾阶段", SECOND_LINE_VERDICT),
            ]
        );
        // The datelines are the second lines' to take.
        let own: Vec<(&str, &str)> = got
            .iter()
            .filter(|v| v.1.starts_with("本报") && v.2 > 0.0)
            .map(|v| (v.0.as_str(), v.1.as_str()))
            .collect();
        assert_eq!(own, vec![("今天公布", "本报杭州5月8日电"), ("进入收尾阶段", "本报杭州5月9日电")]);
    }

    /// Two side-by-side headlines read row by row on a sparse page, the
    /// datelines below, each line of the page between blank lines.
    fn interleaved_page(heading_lines: &[&str]) -> String {
        let body = [
            "本报杭州5月8日电（记者王明）全省今",
            "本报杭州5月9日电（记者李华）老城区",
            "年将新建和改造农村公路一万公里，",
            "供水管网改造工程昨日全部完工，惠及",
        ];
        heading_lines.iter().chain(&body).map(|l| format!("{l}\n\n")).collect()
    }

    fn interleaved_verdicts(text: &str) -> Vec<(String, String, f32)> {
        named(text, |page| interleaved_headlines(page).0)
    }

    #[test]
    fn alternating_headline_lines_go_on_where_a_word_spans_the_join() {
        let text = interleaved_page(&["全省启动乡村道路建", "老城区供水管", "设三年行动计划", "网改造完工"]);
        let got = interleaved_verdicts(&text);
        let lines: Vec<(&str, &str, f32)> = got
            .iter()
            .filter(|v| !v.1.starts_with("本报"))
            .map(|v| (v.0.as_str(), v.1.as_str(), v.2))
            .collect();
        assert_eq!(
            lines,
            vec![
                ("全省启动乡村道路建", "网改造完工", -1.0),
                ("全省启动乡村道路建", "老城区供水管", -1.0),
                ("全省启动乡村道路建", "设三年行动计划", SECOND_LINE_VERDICT),
                ("老城区供水管", "网改造完工", SECOND_LINE_VERDICT),
                ("老城区供水管", "设三年行动计划", -1.0),
            ]
        );
        // Headlines of as many lines end level: their datelines in order.
        let own: Vec<(&str, &str)> = got
            .iter()
            .filter(|v| v.1.starts_with("本报") && v.2 > 0.0)
            .map(|v| (v.0.as_str(), &v.1[..v.1.find('（').unwrap()]))
            .collect();
        assert_eq!(own, vec![("网改造完工", "本报杭州5月9日电"), ("设三年行动计划", "本报杭州5月8日电")]);
    }

    #[test]
    fn the_headline_that_ends_first_takes_the_first_dateline() {
        let text =
            interleaved_page(&["全省启动乡村道路建", "老城区供水管", "设三年行动", "网改造完工", "计划"]);
        let own: Vec<(String, String)> = interleaved_verdicts(&text)
            .into_iter()
            .filter(|v| v.1.starts_with("本报") && v.2 > 0.0)
            .map(|v| (v.0, v.1[..v.1.find('（').unwrap()].to_string()))
            .collect();
        assert_eq!(
            own,
            vec![
                ("网改造完工".to_string(), "本报杭州5月8日电".to_string()),
                ("计划".to_string(), "本报杭州5月9日电".to_string()),
            ]
        );
    }

    #[test]
    fn alternating_headline_lines_without_a_word_across_say_nothing() {
        let text = interleaved_page(&["全省启动乡村道路", "老城区供水", "三年行动计划", "改造完工"]);
        assert!(interleaved_verdicts(&text).is_empty());
    }

    #[test]
    fn a_later_headline_line_is_no_wider_than_the_one_before() {
        // Words span two joins (建|设, 水|管), but the line that would go on
        // after the narrow one is twice as wide: no headline runs on so,
        // and no sharing is left.
        let text =
            interleaved_page(&["全省启动乡村道路建", "老城区供水", "设三年行动计划", "管网改造工程全部完工"]);
        assert!(interleaved_verdicts(&text).is_empty());
    }

    #[test]
    fn a_row_with_two_datelines_under_one_headline_says_nothing() {
        // Three headlines, two datelines, both under the first headline:
        // which article each opens is not to be told from the row.
        let text = [
            "全市公交线路调整方案今天公布全市公交线路调整方案今天公布 老城区改造工程 新建学校开学\n",
            "\n",
            "本报杭州5月8日电 线路将于下月起调 本报杭州5月9日电 工，已完成全部主\n",
            "整，涉及二十多条 线路和一百多个站 体工程，道路和管 网正在铺设之中，\n",
        ]
        .concat();
        assert_eq!(datelines_below(&parse_page(&text, 0, 1), 0).len(), 2);
        assert!(verdicts(&text).is_empty());
    }

    fn latin_verdicts(text: &str) -> Vec<(String, String, f32)> {
        named(text, latin_heading_openings)
    }

    #[test]
    fn alternating_headlines_claim_the_first_lines_that_name_their_subject() {
        // Two articles' columns emitted line by line in turn: the second
        // headline stands right above the first article's dateline.
        let text = [
            "HARBOUR WORKS FINISHED EARLY\n",
            "Orchard growers expect record harvest\n",
            "PORTVILLE, Mar 3 - The harbour works on the\n",
            "Orchard owners across the valley say the\n",
            "eastern quay were completed a month early,\n",
            "warm spring brought the trees into bloom.\n",
        ]
        .concat();
        let got = latin_verdicts(&text);
        let harbour = "HARBOUR WORKS FINISHED EARLY";
        let orchard = "Orchard growers expect record harvest";
        let dateline = "PORTVILLE, Mar 3 - The harbour works on the";
        let valley = "Orchard owners across the valley say the";
        for (from, to, verdict) in [
            (harbour, dateline, 1.0),
            (harbour, valley, -1.0),
            (orchard, valley, 1.0),
            (orchard, dateline, -1.0),
            (dateline, valley, -1.0),
            (valley, dateline, -1.0),
        ] {
            assert!(got.contains(&(from.to_string(), to.to_string(), verdict)), "{from} -> {to}: {got:?}");
        }
        assert_eq!(got.len(), 6);
    }

    #[test]
    fn on_a_sparse_page_a_headline_claims_a_first_line_past_the_other_articles_columns() {
        // Two articles of two columns each, every printed line between
        // blank lines: the first lines of all four columns are read across,
        // so the second article's first line comes third.
        let lines = [
            "Harbour works finished early",
            "Orchard growers expect record harvest",
            "The harbour works on the",
            "quay were done a month early",
            "Orchard owners in the",
            "warm spring brought the trees",
            "eastern side of the old town",
            "into bloom across the whole",
            "were paid for by the state",
            "valley and the hills above it",
        ];
        let sparse: String = lines.iter().map(|l| format!("{l}\n\n")).collect();
        let got = latin_verdicts(&sparse);
        let (harbour, orchard) = (lines[0], lines[1]);
        let (first, second) = (lines[2], lines[4]);
        for (from, to, verdict) in
            [(harbour, first, 1.0), (harbour, second, -1.0), (orchard, second, 1.0), (orchard, first, -1.0)]
        {
            assert!(got.contains(&(from.to_string(), to.to_string(), verdict)), "{from} -> {to}: {got:?}");
        }
        // Set without blank lines, the first lines of a run stand right
        // under it: one that far down is not looked for.
        let dense: String = lines.iter().map(|l| format!("{l}\n")).collect();
        assert!(
            !latin_verdicts(&dense).iter().any(|(_, to, _)| to == second),
            "{:?}",
            latin_verdicts(&dense)
        );
    }

    #[test]
    fn a_headline_of_two_lines_over_its_body_says_nothing() {
        // The body's first line repeats the first headline line only: the
        // second line claims no opening of its own.
        let text = [
            "Harbour works on the eastern quay\n",
            "finished a month early\n",
            "PORTVILLE, Mar 3 - The harbour works on the\n",
            "eastern quay were completed a month early,\n",
        ]
        .concat();
        assert!(latin_verdicts(&text).is_empty());
    }

    #[test]
    fn claimed_first_lines_in_turn_set_the_stride_until_a_column_ends() {
        let text = [
            "HARBOUR WORKS FINISHED EARLY\n",
            "Orchard growers expect record harvest\n",
            "PORTVILLE, Mar 3 - The harbour works on the\n",
            "Orchard owners across the valley say the\n",
            "eastern quay were completed a month early,\n",
            "warm spring brought the trees into bloom.\n",
            "the port authority said on its first day\n",
            "of work on the old pier beside the quay.\n",
        ]
        .concat();
        let page = parse_page(&text, 0, 1);
        let claims = latin_heading_openings(&page);
        // The second column ends on line 5: its sentence does not go on
        // into line 7, which the first column reads on into from line 6.
        assert_eq!(claimed_strides(&page, &claims), vec![(2, 2), (3, 2), (4, 2)]);
        // Without claims, no stride.
        assert!(claimed_strides(&page, &[]).is_empty());
    }
}

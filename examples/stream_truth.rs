//! Diagnostic: how the stream decoder's successors compare with the gold
//! text on real-OCR pages (which have no gold pieces). Each unit is placed
//! in the gold articles by its letters and digits (exact where it occurs
//! once, else by votes of its 8-character stretches); a unit's true
//! successor is the unit that starts where it ends in the same article.
//! Prints per unit `UNIT DECODED TRUE TEXT` (`!` marks a wrong successor)
//! and the count of wrong ones; `--write FILE` also writes the true
//! successors, one `UNIT NEXT` a line, for a diagnostic run of the engine.
use restitch::eval::corpus;
use restitch::parse;
use restitch::score::{latin::Vocabulary, streams};

fn squeeze(text: &str) -> Vec<char> {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Where `needle` starts in `hay`, every occurrence.
fn occurrences(hay: &[char], needle: &[char]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return vec![];
    }
    (0..=hay.len() - needle.len()).filter(|&i| hay[i..i + needle.len()] == *needle).collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("a case folder");
    let write = match (args.next().as_deref(), args.next()) {
        (Some("--write"), Some(file)) => Some(file),
        _ => None,
    };
    let case = corpus::load_case(std::path::Path::new(&dir)).expect("a case");
    let page = &parse::parse_document(&case.input, None)[0];
    let vocabulary = Vocabulary::from_texts(page.pieces.iter().map(|p| p.text.as_str()));
    let order = streams::stream_order(page, &vocabulary).unwrap_or_default();
    let units = if order.units.is_empty() { streams::units(page) } else { order.units.clone() };
    // The gold text squeezed, and per char its article.
    let mut gold: Vec<char> = Vec::new();
    let mut article_of: Vec<usize> = Vec::new();
    for (a, article) in case.gold.articles.iter().enumerate() {
        let text = squeeze(&article.text());
        article_of.extend(std::iter::repeat_n(a, text.len()));
        gold.extend(text);
    }
    let texts: Vec<String> = units
        .iter()
        .map(|u| page.pieces[u.pieces.clone()].iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" "))
        .collect();
    let mut used = vec![false; gold.len()];
    let mut spans: Vec<Option<(usize, usize)>> = vec![None; units.len()];
    // Long units first (they occur once); a short one then takes the
    // occurrence nearest after the unit before it, as OCR cuts a printed
    // line into stretches it emits one after the other.
    for long in [true, false] {
        for (index, text) in texts.iter().enumerate() {
            let needle = squeeze(text);
            if needle.is_empty() || (needle.len() >= 15) != long {
                continue;
            }
            let found: Vec<usize> = occurrences(&gold, &needle).into_iter().filter(|&s| !used[s]).collect();
            let after_previous = index.checked_sub(1).and_then(|p| spans[p]).map(|(_, e)| e);
            let start = if long {
                found.first().copied()
            } else {
                found.iter().copied().min_by_key(|&s| {
                    after_previous.map_or(s, |e| if s >= e { s - e } else { 100_000 + e - s })
                })
            }
            .or_else(|| {
                // Votes of 8-character stretches on the start.
                let mut votes: std::collections::HashMap<usize, usize> = Default::default();
                for offset in 0..needle.len().saturating_sub(7) {
                    let hits = occurrences(&gold, &needle[offset..offset + 8]);
                    if hits.len() == 1 && hits[0] >= offset {
                        *votes.entry(hits[0] - offset).or_default() += 1;
                    }
                }
                votes.into_iter().max_by_key(|&(s, v)| (v, std::cmp::Reverse(s))).map(|(s, _)| s)
            });
            if let Some(start) = start {
                let end = (start + needle.len()).min(gold.len());
                used[start..end].iter_mut().for_each(|u| *u = true);
                spans[index] = Some((start, end));
            }
        }
    }
    let truth: Vec<Option<usize>> = (0..units.len())
        .map(|i| {
            let (_, end) = spans[i]?;
            let article = article_of[end.saturating_sub(1)];
            (0..units.len())
                .filter(|&j| j != i)
                .filter_map(|j| spans[j].map(|(s, _)| (j, s)))
                .filter(|&(_, s)| s + 3 >= end && s < end + 6 && article_of[s] == article)
                .min_by_key(|&(_, s)| s.abs_diff(end))
                .map(|(j, _)| j)
        })
        .collect();
    let mut wrong = 0;
    let mut known = 0;
    for (i, text) in texts.iter().enumerate() {
        let decoded = if order.units.is_empty() { Some(i + 1) } else { order.after[i].or(Some(i + 1)) };
        let bad = truth[i].is_some() && decoded != truth[i];
        known += usize::from(truth[i].is_some());
        wrong += usize::from(bad);
        let show = |s: Option<usize>| s.map_or("-".to_string(), |s| s.to_string());
        let place = spans[i].map_or("?".to_string(), |(s, _)| format!("a{}@{}", article_of[s], s));
        println!(
            "{:>4} {}{:>4} {:>4} {:<10} {}",
            i,
            if bad { '!' } else { ' ' },
            show(decoded),
            show(truth[i]),
            place,
            text
        );
    }
    println!("wrong successors {wrong} of {known} known ({} units)", units.len());
    if let Some(file) = write {
        let lines: Vec<String> = truth
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{i} {}", t.map_or("-".into(), |t| t.to_string())))
            .collect();
        std::fs::write(file, lines.join("\n") + "\n").expect("writable");
    }
}

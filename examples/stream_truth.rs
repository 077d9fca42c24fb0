//! Diagnostic: how the stream decoder's successors compare with the gold
//! text on real-OCR pages (which have no gold pieces). Each unit is placed
//! in the gold articles by its letters and digits (exact where it occurs
//! once, else by votes of its 8-character stretches); a unit's true
//! successor is the unit that starts where it ends in the same article.
//! Prints per unit `UNIT DECODED TRUE TEXT` (`!` marks a wrong successor)
//! and the count of wrong ones; `--write FILE` also writes the true
//! successors, one `UNIT NEXT` a line, for a diagnostic run of the engine.
mod shared;
use restitch::eval::corpus;
use restitch::score::{latin::Vocabulary, streams};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("a case folder");
    let rest: Vec<String> = args.collect();
    let write = rest.iter().position(|a| a == "--write").and_then(|i| rest.get(i + 1).cloned());
    let terms = rest.iter().any(|a| a == "--terms");
    let case = corpus::load_case(std::path::Path::new(&dir)).expect("a case");
    let shared::StreamedPage { page, vocabulary, order, units, texts, gold, spans, truth } =
        shared::StreamedPage::new(&case);
    let page = &page;
    let mut wrong = 0;
    let mut known = 0;
    for (i, text) in texts.iter().enumerate() {
        let decoded = if order.units.is_empty() { Some(i + 1) } else { order.after[i].or(Some(i + 1)) };
        let bad = truth[i].is_some() && decoded != truth[i];
        known += usize::from(truth[i].is_some());
        wrong += usize::from(bad);
        let show = |s: Option<usize>| s.map_or("-".to_string(), |s| s.to_string());
        let place = spans[i].map_or("?".to_string(), |(s, _)| format!("a{}@{}", gold.article_of[s], s));
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
    if terms {
        compare_terms(page, &vocabulary, &units, &truth, &texts);
    }
    if let Some(file) = write {
        let lines: Vec<String> = truth
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{i} {}", t.map_or("-".into(), |t| t.to_string())))
            .collect();
        std::fs::write(file, lines.join("\n") + "\n").expect("writable");
    }
}

/// Prints the decoder's own (first) decoding and the true merge term by
/// term, and per unit whose decoded successor is wrong, the two steps.
fn compare_terms(
    page: &restitch::parse::Page,
    vocabulary: &Vocabulary,
    units: &[streams::Unit],
    truth: &[Option<usize>],
    texts: &[String],
) {
    let decoded = streams::decode_units(page, vocabulary, units);
    let mut decoded_next = vec![None; units.len()];
    for (u, p) in decoded.iter().enumerate() {
        if let Some(p) = p {
            decoded_next[*p] = Some(u);
        }
    }
    let mut true_prev: Vec<Option<usize>> = vec![None; units.len()];
    let mut backward = 0;
    for (i, t) in truth.iter().enumerate() {
        match t {
            Some(j) if *j > i && true_prev[*j].is_none() => true_prev[*j] = Some(i),
            Some(j) if *j < i => backward += 1,
            _ => {}
        }
    }
    for (i, t) in truth.iter().enumerate() {
        if t.is_none() {
            if let Some(d) = decoded_next[i] {
                if true_prev[d].is_none() && !true_prev.contains(&Some(i)) {
                    true_prev[d] = Some(i);
                }
            }
        }
    }
    // The true streams' steps, stream by stream.
    for start in 0..units.len() {
        if true_prev[start].is_some() || !true_prev.contains(&Some(start)) {
            continue;
        }
        let mut at = start;
        let mut steps = vec![];
        while let Some(n) = true_prev.iter().position(|p| *p == Some(at)) {
            steps.push(n - at);
            at = n;
        }
        println!("stream from {start}: {steps:?}");
    }
    let a = streams::path_terms(page, vocabulary, units, &decoded);
    let b = streams::path_terms(page, vocabulary, units, &true_prev);
    println!("decoded total {:.1} {:?}", a.total(), a);
    println!("true    total {:.1} {:?} (backward truths {backward})", b.total(), b);
    for (i, t) in truth.iter().enumerate() {
        let (Some(t), Some(d)) = (*t, decoded_next[i]) else { continue };
        if t == d || t < i {
            continue;
        }
        let sd = streams::step_terms(page, vocabulary, units, i, d);
        let st = streams::step_terms(page, vocabulary, units, i, t);
        println!(
            "{i:>4} -> dec {d} ({:+.1}: aff {:+.1} kb {:+.1} ub {:+.1} dg {:+.1} wl {:+.1} lc {:+.1} w {:+.1}) true {t} ({:+.1}: aff {:+.1} kb {:+.1} ub {:+.1} dg {:+.1} wl {:+.1} lc {:+.1} w {:+.1})\n      {} || {} || {}",
            sd.total(), sd.affinity, sd.known_break, sd.unknown_break, sd.dangling, sd.word_lift, sd.lower_case, sd.width,
            st.total(), st.affinity, st.known_break, st.unknown_break, st.dangling, st.word_lift, st.lower_case, st.width,
            texts[i], texts[d], texts[t]
        );
    }
}

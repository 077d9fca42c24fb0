//! Diagnostic: how far the coordinates path is from what its OCR allows.
//!
//! In: the corpus's real-OCR cases with a structured file (dev by default;
//! `--heldout`, `--all`), optionally case names to print details. Out: per
//! case the restitch coordinates F1 and a ceiling: the page's OCR words
//! given to the printed article frames of `meta.json` (by box centre) and
//! read headline first, then column by column, line by line. Why: OCR
//! misreads cap what any order reaches; the gap between the two is what
//! geometry and assembly lose. With case names, each engine article is
//! shown with the share of its characters that each gold article's frame
//! holds. `--root=DIR` reads the cases of another folder laid out like the
//! corpus (fresh pages kept apart from it). The layout is read here for diagnosis only, never by the engine.
#[path = "shared/mod.rs"]
mod shared;
use restitch::eval::{corpus, metrics};
use restitch::formats;
use shared::split_from_args;

#[derive(Clone, Copy)]
struct Rect([i32; 4]);

impl Rect {
    fn holds(&self, x: i32, y: i32) -> bool {
        let r = self.0;
        x >= r[0] - 10 && x <= r[2] + 10 && y >= r[1] - 10 && y <= r[3] + 10
    }
}

fn rect(v: &serde_json::Value) -> Option<Rect> {
    let a = v.as_array()?;
    Some(Rect([a[0].as_i64()? as i32, a[1].as_i64()? as i32, a[2].as_i64()? as i32, a[3].as_i64()? as i32]))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = split_from_args(&args);
    let detail: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let root = args.iter().find_map(|a| a.strip_prefix("--root=")).unwrap_or("corpus");
    let cases = corpus::load_corpus(std::path::Path::new(root)).unwrap();
    let options = restitch::Options::default();
    let (mut sum_engine, mut sum_ceiling, mut n) = (0.0, 0.0, 0);
    for case in &cases {
        let Some(content) = case.structured.as_ref() else { continue };
        if split.is_some_and(|s| s != case.meta.split) {
            continue;
        }
        if !detail.is_empty() && !detail.iter().any(|d| **d == case.name) {
            continue;
        }
        let meta: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(format!("{root}/{}/meta.json", case.name)).unwrap(),
        )
        .unwrap();
        let frames = meta["layout"]["article_frames"].as_array().cloned().unwrap_or_default();
        let document = formats::read(content, formats::detect(content)).unwrap();
        let cjk = case.is_cjk();
        // Oracle articles: words by frame, then by part (headline 0, column k+1).
        let mut buckets: Vec<Vec<(usize, i32, i32, String)>> = vec![Vec::new(); frames.len()];
        let mut words_of: Vec<(i32, i32, usize)> = Vec::new();
        for page in &document.pages {
            for (_, _, line) in page.lines() {
                for word in &line.words {
                    let Some(b) = word.bbox else { continue };
                    let (cx, cy) = ((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
                    for (f, frame) in frames.iter().enumerate() {
                        let Some(fr) = rect(&frame["frame"]) else { continue };
                        if !fr.holds(cx, cy) {
                            continue;
                        }
                        let head = rect(&frame["headline_box"]).is_some_and(|h| h.holds(cx, cy));
                        let mut part = 0;
                        if !head {
                            let cols = frame["columns"].as_array().cloned().unwrap_or_default();
                            part = cols
                                .iter()
                                .position(|c| rect(c).is_some_and(|c| cx >= c.0[0] - 10 && cx <= c.0[2] + 10))
                                .map_or(99, |k| k + 1);
                        }
                        buckets[f].push((part, b.y0, b.x0, word.text.clone()));
                        words_of.push((cx, cy, f));
                        break;
                    }
                }
            }
        }
        let oracle: Vec<Vec<char>> = buckets
            .iter_mut()
            .map(|b| {
                // Part by part; inside a part, words whose top lies within
                // 15 px of a line's first word join that line, read by x.
                b.sort_by_key(|w| (w.0, w.1, w.2));
                let mut lines: Vec<Vec<(usize, i32, i32, String)>> = Vec::new();
                for w in b.iter() {
                    match lines.last_mut() {
                        Some(l) if l[0].0 == w.0 && (w.1 - l[0].1).abs() <= 15 => l.push(w.clone()),
                        _ => lines.push(vec![w.clone()]),
                    }
                }
                let mut text: Vec<String> = Vec::new();
                for mut l in lines {
                    l.sort_by_key(|w| w.2);
                    text.extend(l.into_iter().map(|w| w.3));
                }
                metrics::normalise(&text.join(" "), cjk)
            })
            .collect();
        let gold: Vec<Vec<char>> =
            case.gold.articles.iter().map(|a| metrics::normalise(&a.text(), cjk)).collect();
        let ceiling = metrics::match_articles(&gold, &oracle).f1();
        let repaired = restitch::repair_document(&document, &options);
        let out: Vec<Vec<char>> =
            repaired.articles().map(|a| metrics::normalise(&a.plain_text(), cjk)).collect();
        let engine = metrics::match_articles(&gold, &out).f1();
        println!(
            "{:<12} {:>4} {:<12} engine {:.3} ceiling {:.3} gap {:+.3}",
            case.name,
            meta["tesseract"]["psm"],
            meta["layout"]["name"].as_str().unwrap_or(""),
            engine,
            ceiling,
            ceiling - engine
        );
        sum_engine += engine;
        sum_ceiling += ceiling;
        n += 1;
        if detail.is_empty() {
            continue;
        }
        // Each engine article: characters by the frame their box centre lies in.
        for (a, article) in repaired.articles().enumerate() {
            let mut by_frame = vec![0usize; frames.len() + 1];
            for bbox in &article.boxes {
                let Some(b) = bbox else { continue };
                let (cx, cy) = ((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
                let f = frames
                    .iter()
                    .position(|fr| rect(&fr["frame"]).is_some_and(|r| r.holds(cx, cy)))
                    .unwrap_or(frames.len());
                by_frame[f] += 1;
            }
            let title: String = article.title.clone().unwrap_or_default().chars().take(30).collect();
            let first: String = article.plain_text().chars().take(50).collect();
            println!("  engine {a}: pieces by frame {by_frame:?} title {title:?} | {first:?}");
        }
    }
    println!("mean over {n}: engine {:.4} ceiling {:.4}", sum_engine / n as f64, sum_ceiling / n as f64);
}

//! Diagnostic: the ceiling of the article stage's join. With the engine's
//! own chains and cuts, every headless run (one the article stage places by
//! topic, sentence state or input order) is sent to the draft that holds
//! most of its gold article's text (the join oracle); also with the chains
//! cut at every junction that crosses gold articles (cut oracle), and with
//! the oracle applied only to the runs one branch of the engine placed.
//!
//! In: real-OCR cases (`--root=DIR`, `--heldout` / `--all`). `MODES` (";"
//! separated): `base`, `join`, `cut`, `cutjoin`, `join:BRANCH,BRANCH`.
//! `LOG=file` writes the base run's decisions (D rows) and each draft's
//! evidence (C rows). Out: per case the real eval F1 of each mode, then
//! the sums. Reads gold: a diagnostic only.
#[path = "shared/mod.rs"]
mod shared;
use shared::{real_ocr_cases, GoldTrigrams};
use std::io::Write;

use restitch::assemble::articles::join_oracle::{Oracle, ORACLE};
use restitch::{eval, repair, Options};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cases, _) = real_ocr_cases(&args);
    let modes: Vec<String> = std::env::var("MODES")
        .unwrap_or("base;join;cut;cutjoin".into())
        .split(';')
        .map(String::from)
        .collect();
    let mut log = std::env::var("LOG").ok().map(|f| std::fs::File::create(f).unwrap());
    let options = Options::default();
    let mut sums = vec![0.0; modes.len()];
    println!("case\t{}", modes.join("\t"));
    for case in &cases {
        let texts: Vec<String> = case.gold.articles.iter().map(|a| a.text()).collect();
        let mut row = Vec::new();
        for (k, mode) in modes.iter().enumerate() {
            let gold = GoldTrigrams::new(texts.iter().map(String::as_str));
            let (join, branches) = match mode.as_str() {
                "join" | "cutjoin" => (true, Vec::new()),
                m if m.starts_with("join:") => (true, m[5..].split(',').map(String::from).collect()),
                _ => (false, Vec::new()),
            };
            *ORACLE.lock().unwrap() = Some(Oracle {
                gold_of: Box::new(move |t| gold.claimants(t).filter(|c| c.len() == 1).map(|c| c[0])),
                join,
                branches,
                cut: mode.starts_with("cut"),
                log: Vec::new(),
            });
            let repaired = repair(&case.input, &options);
            let f1 = eval::measure(case, &repaired).f1();
            let oracle = ORACLE.lock().unwrap().take().unwrap();
            if k == 0 {
                if let Some(file) = log.as_mut() {
                    for line in &oracle.log {
                        writeln!(file, "{}\t{}\t{}", case.name, case.meta.lang, line).unwrap();
                    }
                }
            }
            sums[k] += f1;
            row.push(format!("{f1:.3}"));
        }
        println!("{}\t{}", case.name, row.join("\t"));
    }
    println!("sum\t{}", sums.iter().map(|s| format!("{:+.3}", s - sums[0])).collect::<Vec<_>>().join("\t"));
    println!("base sum {:.3} over {}", sums[0], cases.len());
}

//! Diagnostic: for one case, each gold article's matched output article and
//! the recall and precision of the match, for restitch and the input order.
use restitch::eval::{corpus, metrics};
use restitch::{repair, Options};

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let case = corpus::load_case(&dir).unwrap();
    let cjk = case.is_cjk();
    let gold: Vec<Vec<char>> =
        case.gold.articles.iter().map(|a| metrics::normalise(&a.text(), cjk)).collect();
    for reorder in [false, true] {
        let repaired = repair(&case.input, &Options { reorder, ..Options::default() });
        let out: Vec<Vec<char>> =
            repaired.articles().map(|a| metrics::normalise(&a.plain_text(), cjk)).collect();
        let weights: Vec<Vec<i64>> =
            gold.iter().map(|g| out.iter().map(|o| metrics::lcs_len(g, o) as i64).collect()).collect();
        let assignment = metrics::best_assignment(&weights);
        println!("reorder={reorder}");
        for (i, j) in assignment.iter().enumerate() {
            let title: String = gold[i].iter().take(12).collect();
            match j {
                Some(j) => println!(
                    "  {title:<14} gold {:>5} out {:>5} lcs {:>5}  R {:.2} P {:.2}",
                    gold[i].len(),
                    out[*j].len(),
                    weights[i][*j],
                    weights[i][*j] as f64 / gold[i].len() as f64,
                    weights[i][*j] as f64 / out[*j].len() as f64
                ),
                None => println!("  {title:<14} gold {:>5} unmatched", gold[i].len()),
            }
        }
    }
}

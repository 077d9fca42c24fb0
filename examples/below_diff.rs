//! Diagnostic: the articles of one case (a corpus folder) as the input
//! order cuts them and as restitch does, each with its matched gold article
//! and LCS characters (`W=chars` sets how much text is shown): where a page
//! scores below its input order, this shows which article lost what.
use restitch::eval::corpus::load_case;
use restitch::eval::metrics::{best_assignment, lcs_len, normalise};
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let case = load_case(std::path::Path::new(&dir)).unwrap();
    let cjk = case.is_cjk();
    let gold: Vec<Vec<char>> = case.gold.articles.iter().map(|a| normalise(&a.text(), cjk)).collect();
    for reorder in [false, true] {
        let opts = restitch::Options { reorder, ..restitch::Options::default() };
        let rep = restitch::repair(&case.input, &opts);
        let texts: Vec<String> = rep.articles().map(|a| a.plain_text()).collect();
        let out: Vec<Vec<char>> = texts.iter().map(|t| normalise(t, cjk)).collect();
        let w: Vec<Vec<i64>> =
            gold.iter().map(|g| out.iter().map(|o| lcs_len(g, o) as i64).collect()).collect();
        let asg = best_assignment(&w);
        println!("=== reorder {reorder}");
        for (j, t) in texts.iter().enumerate() {
            let gi = asg.iter().position(|x| *x == Some(j));
            let m = gi.map(|i| w[i][j]).unwrap_or(0);
            println!(
                "[{j}] len {} gold {:?} lcs {} | {}",
                out[j].len(),
                gi,
                m,
                t.replace('\n', " / ")
                    .chars()
                    .take(std::env::var("W").map(|w| w.parse().unwrap()).unwrap_or(150))
                    .collect::<String>()
            );
        }
    }
}

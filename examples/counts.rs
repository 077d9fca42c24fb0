//! Diagnostic: gold vs output article counts and titles per case.
use restitch::eval::corpus;
fn main() {
    let cases = corpus::load_corpus(std::path::Path::new("corpus")).unwrap();
    for case in &cases {
        let r = restitch::repair(&case.input, &restitch::Options::default());
        let out: Vec<String> =
            r.articles().map(|a| a.title.clone().unwrap_or("-".into()).chars().take(12).collect()).collect();
        let gold: Vec<String> = case
            .gold
            .articles
            .iter()
            .map(|a| a.title.clone().unwrap_or("-".into()).chars().take(12).collect())
            .collect();
        println!("{} gold {} out {} | {:?} | {:?}", case.name, gold.len(), out.len(), gold, out);
    }
}

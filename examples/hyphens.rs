//! Diagnostic: how often the line-end hyphen decision (join the word or keep
//! the hyphen) matches the gold text, with and without the shipped English
//! word list, over every gold junction of the corpus whose left piece ends
//! in a hyphen.
use restitch::eval::corpus;
use restitch::score::latin::{hyphen, hyphen_on_page, Hyphen, Vocabulary};

fn main() {
    let cases = corpus::load_corpus(std::path::Path::new("corpus")).expect("the corpus loads");
    let (mut total, mut right_with_list, mut right_on_page) = (0, 0, 0);
    for case in &cases {
        let Some(gold) = &case.gold.pieces else { continue };
        let vocabulary = Vocabulary::from_texts(case.input.split('\n'));
        let text: String = case.gold.articles.iter().map(|a| a.text()).collect::<Vec<_>>().join("\n");
        for article in gold {
            for pair in article.windows(2) {
                let (left, right) = (pair[0].trim_end(), pair[1].trim_start());
                let Some(stem) = left.strip_suffix('-') else { continue };
                let stem = stem.rsplit(char::is_whitespace).next().unwrap_or("");
                let tail = right.split_whitespace().next().unwrap_or("");
                let tail = tail.trim_end_matches(|c: char| !c.is_alphanumeric());
                if stem.is_empty() || tail.is_empty() {
                    continue;
                }
                let truth = if text.contains(&format!("{stem}-{tail}")) {
                    Hyphen::Keep
                } else if text.contains(&format!("{stem}{tail}")) {
                    Hyphen::Join
                } else {
                    continue;
                };
                total += 1;
                right_with_list += usize::from(hyphen(left, right, &vocabulary) == Some(truth));
                let on_page = hyphen_on_page(left, right, &vocabulary) == Some(truth);
                right_on_page += usize::from(on_page);
                if hyphen(left, right, &vocabulary) != Some(truth) || !on_page {
                    println!(
                        "{}: {stem}-|{tail} gold {truth:?} list {:?} page {:?}",
                        case.name,
                        hyphen(left, right, &vocabulary),
                        hyphen_on_page(left, right, &vocabulary)
                    );
                }
            }
        }
    }
    println!("{total} hyphenated junctions: right with the word list {right_with_list}, on the page's words alone {right_on_page}");
}

//! English and German word bigram models: do the words read on across a break?
//!
//! It lives in `parse`, below every stage that asks it: the junction scorer
//! (`lm.word_lift`), the stream decoder and the Latin glued-column cutter.
//!
//! In: the text on both sides of a candidate junction "piece B continues
//! piece A". Out: the *word lift* of the junction — how much more likely B's
//! first word is right after A's last word, under a word bigram model of
//! written English, than on its own — in log10 units, clipped; `None` when
//! there is no evidence: A does not end in a bare word (punctuation, a
//! digit or a line-end hyphen closes it; the hyphenation signal handles the
//! last), B does not start with one, or the model never saw the pair.
//! An unseen pair is no evidence against a junction: the model is small and
//! pruned, and most true pairs of newspaper text are not in it (scoring
//! unseen pairs with the backoff, 0.4 times the word's own frequency, made
//! the gold successor rank below a rival 399 times and above all 211 times
//! on the dev Latin cases; seen pairs only, 70 and 208 times: see
//! `examples/word_lifts.rs`).
//! Why: a printed line break falls anywhere in a sentence; the sentence
//! signal only sees case and punctuation, while how often words follow each
//! other in real prose tells "of" + "the" from "of" + "said".
//!
//! The model counts lower-cased words and pairs of adjacent words (no
//! punctuation between them) in about 400,000 words of State of the Union
//! addresses, 1945–2015 (works of the US federal government, public domain;
//! no newspaper text: sources and the builder in `data/README.md`), pruned
//! and shipped as an FST map in `data/en_bigrams.fst`, read in place from the
//! binary. It scores with stupid backoff (Brants et al. 2007): a pair's
//! relative frequency when it was seen, else 0.4 times the word's own
//! frequency.
//!
//! A German page asks a German model instead (`data/de_bigrams.fst`, built
//! the same way from about 1.9 million words of 24 German federal laws,
//! official works without copyright, § 5 UrhG; sources in `data/README.md`):
//! the English model knows about a tenth of a German page's words, so it is
//! all but silent there. [`page_language`] picks the model from the page's
//! own words: the one that knows most of them (each knows 57–80% of a page
//! in its language, at most 22% of one in another); a page neither knows
//! well (French, Chinese) keeps the English model, as before. The junction
//! scorer and the Latin glued-column cutter ask the page's model; the stream
//! decoder keeps the English one (the German model there lowered a German
//! OCR page: see `data/README.md`).

use std::sync::OnceLock;

use fst::Map;

/// The counts, built by `examples/build_language_model.rs --words`.
static COUNTS: &[u8] = include_bytes!("../../data/en_bigrams.fst");

/// The German counts, built the same way (`--words`).
static GERMAN_COUNTS: &[u8] = include_bytes!("../../data/de_bigrams.fst");

/// The key under which the builder stores the total number of words (no
/// word contains `#`).
pub const TOTAL_KEY: &str = "#";

/// Separates the two words of a pair's key (no word contains a space).
pub const PAIR_SEPARATOR: char = ' ';

/// Weight of the word's own frequency when the pair was never seen.
const BACKOFF: f64 = 0.4;

/// Lift is clipped to this range: past it, a junction is as sure as can be.
const LIFT_RANGE: (f32, f32) = (-2.0, 3.0);

/// One whitespace-separated token reduced to the word it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word, lower-cased, curly apostrophes made straight.
    pub word: String,
    /// Nothing (quote, bracket) stood before the word: it can read on from
    /// the word before.
    pub open_start: bool,
    /// Nothing (punctuation, hyphen) stood after the word: the next word
    /// can read on from it.
    pub open_end: bool,
}

/// The word a whitespace-separated token carries, with whether punctuation
/// closed either side; `None` unless what is left after trimming
/// punctuation is letters with at most inner apostrophes and hyphens
/// ("don't", "well-known"; not "1990s", "p.m", "").
///
/// The builder counts with this, and the signal looks words up with it, so
/// both see the same words.
pub fn token(raw: &str) -> Option<Token> {
    let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
    let valid = core.chars().next().is_some_and(char::is_alphabetic)
        && core.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'));
    if !valid {
        return None;
    }
    Some(Token {
        word: {
            let word = core.to_lowercase();
            if word.contains('’') {
                word.replace('’', "'")
            } else {
                word
            }
        },
        open_start: raw.starts_with(core),
        open_end: raw.ends_with(core),
    })
}

/// A word bigram model: counts of words and of pairs of adjacent words.
pub struct Model {
    counts: Map<&'static [u8]>,
    total: f64,
}

/// The shipped model, opened once (in place: this costs microseconds).
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(COUNTS).expect("the shipped word model is a valid FST map"))
}

/// The shipped German model, opened once.
pub fn german_model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(GERMAN_COUNTS).expect("the shipped German word model is a valid FST map")
    })
}

/// The language whose word model a page's junctions are scored with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    English,
    German,
}

impl Language {
    /// The shipped model of the language.
    pub fn model(self) -> &'static Model {
        match self {
            Language::English => model(),
            Language::German => german_model(),
        }
    }
}

/// A language's model knows this share of a page's words at least where
/// the page is in that language: each model knows 57–80% of the words of a
/// corpus page in its own language (OCR errors included) and 9–22% of a
/// page in another Latin-script language.
const KNOWN_SHARE_MIN: f32 = 0.4;

/// The page's language for the word model, from its own words (`texts`):
/// the language whose model knows `KNOWN_SHARE_MIN` of the page's words and
/// more of them than the other model does; `None` elsewhere (a French or a Chinese page).
/// Why vocabulary: each model knows the few thousand most frequent words of
/// its language, which make up most of any page in it, and few of the
/// other's; no list of words has to be kept by hand.
pub fn page_language<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Language> {
    let (english, german) = (model(), german_model());
    let (mut words, mut known_english, mut known_german) = (0usize, 0usize, 0usize);
    for t in texts.into_iter().flat_map(str::split_whitespace).filter_map(token) {
        words += 1;
        known_english += usize::from(english.count(&t.word) > 0);
        known_german += usize::from(german.count(&t.word) > 0);
    }
    let (language, known) = if known_german > known_english {
        (Language::German, known_german)
    } else {
        (Language::English, known_english)
    };
    (words > 0 && known as f32 >= KNOWN_SHARE_MIN * words as f32).then_some(language)
}

impl Model {
    /// A model over an FST map of word and pair counts with the total under `#`.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Model, fst::Error> {
        let counts = Map::new(bytes)?;
        let total = counts.get(TOTAL_KEY).unwrap_or(0).max(1) as f64;
        Ok(Model { counts, total })
    }

    /// How often the (lower-cased) word occurred in the training text (0
    /// when never, or pruned).
    pub fn count(&self, word: &str) -> u64 {
        if word.is_empty() || word == TOTAL_KEY {
            return 0;
        }
        self.counts.get(word).unwrap_or(0)
    }

    /// How often `second` directly followed `first` (0 when never, or pruned).
    pub fn pair_count(&self, first: &str, second: &str) -> u64 {
        if first.is_empty() || second.is_empty() {
            return 0;
        }
        self.counts.get(format!("{first}{PAIR_SEPARATOR}{second}")).unwrap_or(0)
    }

    /// log10 of the word's own probability. An unseen word counts as half
    /// an occurrence, so it is rare but not impossible.
    pub fn unigram_log10(&self, word: &str) -> f64 {
        (self.count(word) as f64).max(0.5).log10() - self.total.log10()
    }

    /// log10 of the stupid-backoff score of `word` after `previous`.
    pub fn conditional_log10(&self, previous: &str, word: &str) -> f64 {
        let (context, pair) = (self.count(previous), self.pair_count(previous, word));
        if context > 0 && pair > 0 {
            (pair as f64 / context as f64).log10()
        } else {
            BACKOFF.log10() + self.unigram_log10(word)
        }
    }
}

/// The junction's word lift: log10 of the score of B's first word after
/// A's last word minus log10 of its own probability. `None` unless A ends
/// and B starts with a bare word and the model saw the pair.
pub fn word_lift(left: &str, right: &str) -> Option<f32> {
    word_lift_with(model(), left, right)
}

/// [`word_lift`] under a given model.
pub fn word_lift_with(model: &Model, left: &str, right: &str) -> Option<f32> {
    let last = token(left.split_whitespace().next_back()?).filter(|t| t.open_end)?;
    let first = token(right.split_whitespace().next()?).filter(|t| t.open_start)?;
    let pair = model.pair_count(&last.word, &first.word);
    if pair == 0 {
        return None;
    }
    // The pair was seen, so its backoff score is its relative frequency
    // (as `conditional_log10`, without looking the pair up twice).
    let context = model.count(&last.word);
    let after_last = if context > 0 {
        (pair as f64 / context as f64).log10()
    } else {
        model.conditional_log10(&last.word, &first.word)
    };
    let lift = after_last - model.unigram_log10(&first.word);
    Some((lift as f32).clamp(LIFT_RANGE.0, LIFT_RANGE.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_words_and_say_where_punctuation_closes_them() {
        let t = token("Nation's").unwrap();
        assert_eq!(t.word, "nation's");
        assert!(t.open_start && t.open_end);
        let t = token("(well-known,").unwrap();
        assert_eq!(t.word, "well-known");
        assert!(!t.open_start && !t.open_end);
        assert!(!token("gov-").unwrap().open_end);
        assert_eq!(token("don’t").unwrap().word, "don't");
        for raw in ["1990s", "p.m.", "", "--", "§3", "'"] {
            assert_eq!(token(raw), None, "{raw}");
        }
    }

    #[test]
    fn a_frequent_pair_scores_above_a_rare_one() {
        let m = model();
        assert!(m.pair_count("of", "the") > 1000);
        assert!(m.conditional_log10("of", "the") > m.conditional_log10("the", "of") + 1.0);
        assert!(m.conditional_log10("united", "states") > m.unigram_log10("states") + 1.0);
    }

    #[test]
    fn unknown_words_and_empty_input_do_not_panic() {
        let m = model();
        assert_eq!(m.count(""), 0);
        assert_eq!(m.count(TOTAL_KEY), 0);
        assert_eq!(m.count("qzxqzx"), 0);
        assert_eq!(m.pair_count("", "the"), 0);
        assert!(m.unigram_log10("qzxqzx").is_finite());
        assert!(m.conditional_log10("qzxqzx", "qzxqzx").is_finite());
        assert_eq!(word_lift("", ""), None);
        assert_eq!(word_lift("of", ""), None);
        assert_eq!(word_lift("", "the"), None);
        assert_eq!(word_lift("of", "qzxqzx"), None);
        assert_eq!(word_lift("qzxqzx", "the"), None);
        // Known words, a pair never seen: no evidence either way.
        assert_eq!(m.pair_count("of", "of"), 0);
        assert_eq!(word_lift("of", "of"), None);
    }

    #[test]
    fn only_bare_words_on_both_sides_have_a_lift() {
        assert_eq!(word_lift("the end of it.", "The next"), None);
        assert_eq!(word_lift("the end of it,", "and then"), None);
        assert_eq!(word_lift("the govern-", "ment said"), None);
        assert_eq!(word_lift("the end of", "\"the next"), None);
        assert_eq!(word_lift("in 1990", "the"), None);
        assert!(word_lift("the end of", "the year").is_some());
        assert!(word_lift("the end of", "The year").is_some());
    }

    #[test]
    fn a_true_continuation_lifts_above_a_wrong_neighbour() {
        let good = word_lift("the members of", "the Congress").unwrap();
        assert!(good > 0.3, "{good}");
        assert_eq!(word_lift("the members of", "said the minister"), None);
        let good = word_lift("we will", "continue to work").unwrap();
        let bad = word_lift("we will", "the people").unwrap_or(0.0);
        assert!(good > bad + 0.5, "{good} vs {bad}");
    }

    #[test]
    fn a_page_gets_the_model_of_its_language() {
        // Invented sentences, not corpus text.
        let german = "Die Regierung hat am Donnerstag mitgeteilt, dass sie die Verordnung nach der Anhörung ändern wird.";
        let english = "The government said on Thursday that it would change the rule after the hearing.";
        let french = "Le gouvernement a annoncé jeudi qu'il modifierait la règle après l'audition.";
        assert_eq!(page_language([german]), Some(Language::German));
        assert_eq!(page_language([english]), Some(Language::English));
        assert_eq!(page_language([german, english, german]), Some(Language::German));
        // Neither model knows enough of a French page: no language, and the
        // scorer keeps the English model as before.
        assert_eq!(page_language([french]), None);
        assert_eq!(page_language(["数据 显示"]), None);
        assert_eq!(page_language([]), None);
        let page_of = |text: &str| crate::parse::parse_page(text, 0, 1);
        let mut page = page_of(german);
        assert!(std::ptr::eq(page.word_model(), german_model()));
        page = page_of(french);
        assert_eq!(page.language, None);
        assert!(std::ptr::eq(page.word_model(), model()));
        let m = german_model();
        assert!(m.pair_count("nach", "dem") > 100);
        let good = word_lift_with(m, "die Genehmigung der", "zuständigen Behörde").unwrap();
        let bad = word_lift_with(m, "die Genehmigung der", "der Behörde").unwrap_or(0.0);
        assert!(good > bad + 0.5, "{good} vs {bad}");
        assert_eq!(word_lift("die Genehmigung der", "zuständigen Behörde"), None);
    }

    #[test]
    fn lift_stays_in_its_range() {
        for (left, right) in [("of", "the"), ("united", "states"), ("in", "order"), ("the", "people")] {
            let lift = word_lift(left, right).unwrap();
            assert!((LIFT_RANGE.0..=LIFT_RANGE.1).contains(&lift), "{left} {right}: {lift}");
        }
    }
}

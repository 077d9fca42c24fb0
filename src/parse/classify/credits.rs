//! Credit lines: bylines and datelines, read by a nom grammar.
//!
//! In: the text of one piece or line. Out: whether it is a byline (a
//! bracketed list of personal names "(张三 李四)", a bare list of three or
//! more names, a reporter's credit "记者王小明", an English or German credit
//! "By Jane Doe", "(Reuters)", an agency credit ending in a date), where a
//! byline trailing a sentence starts, and whether a line opens with a
//! dateline ("本报北京2月17日电"). Why: a byline closes its article and a
//! dateline opens one; both are fixed phrasings that a grammar reads more
//! surely than any score.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char as one_char, space0, space1};
use nom::combinator::{all_consuming, opt, recognize, verify};
use nom::multi::{many1, separated_list1};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use crate::parse::chars::{ends_sentence, is_han, trim_gutter_noise};

fn han_name(input: &str) -> IResult<&str, &str> {
    recognize(many1(alt((
        take_while_m_n(1, 4, is_han),
        // Names of minorities and foreigners are joined by a middle dot.
        recognize(one_char('·')),
    ))))
    .parse(input)
    .and_then(|(rest, name)| {
        let n = name.chars().count();
        if (2..=6).contains(&n) {
            Ok((rest, name))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify)))
        }
    })
}

fn name_separator(input: &str) -> IResult<&str, &str> {
    alt((recognize((space0, one_char('、'), space0)), space1)).parse(input)
}

fn bracketed_names(input: &str) -> IResult<&str, Vec<&str>> {
    delimited(
        (alt((one_char('('), one_char('（'))), space0),
        separated_list1(name_separator, han_name),
        (space0, alt((one_char(')'), one_char('）')))),
    )
    .parse(input)
}

/// Chinese credit prefixes: "记者", "本报记者", "通讯员", "特约记者", "见习记者".
fn reporter_prefix(input: &str) -> IResult<&str, &str> {
    recognize((
        opt(alt((tag("本报"), tag("特约"), tag("见习"), tag("新华社"), tag("人民网")))),
        alt((tag("记者"), tag("通讯员"), tag("摄影"))),
        space0,
    ))
    .parse(input)
}

/// "记者张三、李四", "本报记者 王五", "(记者张三)", and two-character names
/// padded to three cells with a space ("本报记者 常 钦").
fn reporter_names(input: &str) -> IResult<&str, Vec<&str>> {
    preceded(
        reporter_prefix,
        separated_list1(
            name_separator,
            alt((
                han_name,
                recognize((take_while_m_n(1, 1, is_han), one_char(' '), take_while_m_n(1, 1, is_han))),
            )),
        ),
    )
    .parse(input)
}

fn bare_names(input: &str) -> IResult<&str, Vec<&str>> {
    verify(separated_list1(space1, han_name), |names: &Vec<&str>| {
        names.len() >= 3 && names.iter().all(|n| n.chars().count() <= 3)
    })
    .parse(input)
}

fn capitalised_word(input: &str) -> IResult<&str, &str> {
    verify(take_while1(|c: char| c.is_alphabetic() || c == '.' || c == '\'' || c == '-'), |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
    })
    .parse(input)
}

fn english_credit(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            // Capitalised only: "by", "von" and "par" in lower case are
            // far more often a printed line running on mid-sentence.
            alt((tag("By "), tag("BY "), tag("Von "), tag("VON "), tag("Par "), tag("PAR "))),
            credited_names,
            // A credit wrapped over two printed lines ends its first with
            // the comma before the agency ("By Jane Doe," / "Agency").
            opt(one_char(',')),
        )),
        recognize(delimited(one_char('('), separated_list1(space1, capitalised_word), one_char(')'))),
    ))
    .parse(input)
}

/// A credit line that opens with "by", "von" or "par" in lower case: only
/// a credit where it follows a sentence end (running text that goes on
/// with "by" follows a line cut mid-sentence).
pub(super) fn lower_case_credit(input: &str) -> IResult<&str, &str> {
    all_consuming(recognize((alt((tag("by "), tag("von "), tag("par "))), credited_names))).parse(input)
}

/// The names of a credit: capitalised words joined by commas, spaces or
/// "and" in English, German or French.
fn credited_names(input: &str) -> IResult<&str, &str> {
    recognize(separated_list1(
        alt((recognize((space0, one_char(','), space0)), tag(" and "), tag(" und "), tag(" et "), space1)),
        capitalised_word,
    ))
    .parse(input)
}

fn date(input: &str) -> IResult<&str, &str> {
    let number = |n: usize| take_while_m_n(1, n, |c: char| c.is_ascii_digit());
    alt((
        // Day and month may be set apart from the year: "26.2. 2016".
        recognize((number(2), one_char('.'), number(2), one_char('.'), opt(one_char(' ')), number(4))),
        recognize((number(4), one_char('-'), number(2), one_char('-'), number(2))),
        recognize((number(2), one_char('/'), number(2), one_char('/'), number(4))),
    ))
    .parse(input)
}

/// Agency credit lines ending in a date, as Austrian and German papers
/// print them: "APA, 30.4.2016", "red, dpa, 1.2.2015".
fn agency_credit(input: &str) -> IResult<&str, &str> {
    let agency = take_while_m_n(2, 8, |c: char| c.is_alphabetic());
    let separator =
        || alt((recognize((space0, one_char(','), space0)), recognize((space0, one_char('/'), space0))));
    recognize((separated_list1(separator(), agency), separator(), date)).parse(input)
}

/// Two to four capitalised words: a writer's name.
fn writer_name(input: &str) -> IResult<&str, &str> {
    verify(recognize(separated_list1(space1, capitalised_word)), |names: &str| {
        (2..=4).contains(&names.split_whitespace().count())
    })
    .parse(input)
}

/// A writer's credit ending in a date, as German and Austrian papers print
/// it under an article: "Anna Schmidt, 30.4.2016", in brackets or not
/// (a one-word credit and a date is [`agency_credit`]'s).
fn named_credit(input: &str) -> IResult<&str, &str> {
    let dated = || recognize((writer_name, space0, one_char(','), space0, date));
    alt((recognize(delimited((one_char('('), space0), dated(), (space0, one_char(')')))), dated()))
        .parse(input)
}

fn byline(input: &str) -> IResult<&str, &str> {
    all_consuming(alt((
        recognize(bracketed_names),
        recognize(reporter_names),
        recognize(delimited(
            (alt((one_char('('), one_char('（'))), space0),
            reporter_names,
            (space0, alt((one_char(')'), one_char('）')))),
        )),
        recognize(bare_names),
        recognize(preceded(opt(alt((tag("— "), tag("- ")))), english_credit)),
        agency_credit,
        named_credit,
    )))
    .parse(input)
}

/// True when the whole text is a byline.
pub fn is_byline(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= 60 && byline(text).is_ok()
}

/// When the whole text is a reporter's credit that opens with its credit
/// word ("记者王明", "本报记者 王明"), the one credit form that OCR glues onto
/// a column's line without brackets or space around it: how many
/// characters its names hold (spaces and separators left out).
pub fn reporter_credit_names(text: &str) -> Option<usize> {
    let (names, _) = reporter_prefix(text.trim_start()).ok()?;
    is_byline(text).then(|| names.chars().filter(|&c| is_han(c) || c == '·').count())
}

/// True when the whole text is a bare list of three or more short Han
/// names ("张三 李四 王五"), the one credit form without a credit word or
/// brackets. Why: OCR of CJK text spaced at random (`--psm 6`) reads
/// running text as such a list ("河流域 是海南 省三"), so where the page's
/// geometry is known this form must also stand like a byline.
pub fn is_name_list(text: &str) -> bool {
    all_consuming(bare_names).parse(text.trim()).is_ok()
}

/// Words that open a Latin credit only when capitalised (see [`english_credit`]).
const CREDIT_WORDS: [&str; 6] = ["By", "BY", "Von", "VON", "Par", "PAR"];

/// Most words a Latin credit runs to: the credit word, up to two names of
/// three words and an agency.
const CREDIT_MAX_WORDS: usize = 8;

/// When `words` open with a Latin credit of the credit word and at least
/// two names ("By Jane Doe", "By Jane Doe, Agency"), how many words it
/// takes (the most that still read as a credit). Why: OCR glues a credit
/// set at a column's foot onto the line of the column beside it
/// ("… the report said By Jane Doe, Agency next column …"); a capitalised
/// "By" before capitalised names does not run on inside a sentence.
pub fn latin_credit_len(words: &[&str]) -> Option<usize> {
    if !words.first().is_some_and(|w| CREDIT_WORDS.contains(w)) {
        return None;
    }
    (3..=words.len().min(CREDIT_MAX_WORDS)).rev().find(|&n| is_byline(&words[..n].join(" ")))
}

/// When a line ends with a bracketed byline glued after its last sentence
/// ("…新进展。(刘洋)"), the byte offset where the byline begins.
pub fn trailing_byline_start(line: &str) -> Option<usize> {
    let open = line.rfind(['(', '（'])?;
    if open == 0 || !is_byline(line[open..].trim_end()) {
        return None;
    }
    let before = line[..open].trim_end();
    (ends_sentence(before) || before.ends_with(['.', '。'])).then_some(open)
}

/// True when `text` opens with a Chinese news dateline, which opens the
/// first paragraph of an article: the paper's or an agency's name with 电
/// or 讯 after it ("本报北京3月24日电", "新华社上海5月1日电", "本报讯"), or a
/// date followed by 电/讯, within its first characters. The paper's name
/// alone also opens a credit ("本报记者 王明"), which is a byline.
pub fn is_dateline_start(text: &str) -> bool {
    const SOURCES: [&str; 4] = ["本报", "新华社", "中新社", "中新网"];
    let head = text.char_indices().nth(20).map_or(text, |(end, _)| &text[..end]);
    let filed = head.contains(['电', '讯']);
    // "日电" continues a date: a line that opens with it is the rest of a
    // dateline broken over two printed lines, not its start.
    let after_date = |marker: &str| {
        head.match_indices(marker).any(|(at, _)| {
            head[..at].chars().next_back().is_some_and(|c| c.is_ascii_digit() || is_cjk_numeral(c))
        })
    };
    // A dateline broken over two printed lines right after its date
    // ("本报北京2月17日" | "电（记者…"): the paper's name, then a date
    // that ends the piece.
    let broken_after_date = text.chars().count() <= 20 && {
        let body = trim_gutter_noise(text);
        body.strip_suffix('日')
            .and_then(|d| d.chars().next_back())
            .is_some_and(|c| c.is_ascii_digit() || is_cjk_numeral(c))
            && body.contains('月')
    };
    let from_source = SOURCES.iter().any(|source| head.starts_with(source));
    (from_source && (filed || broken_after_date)) || after_date("日电") || after_date("日讯")
}

/// True when `text` opens with a news dateline of Latin script: the
/// newswire one, a place in capitals ("OSTVALE", "PORT HOLM"), a comma, and
/// within the next few words a day number right before a dash ("PLACE,
/// Region, Mon 26 -"), or a place and a dash ("Ort – Text", see
/// [`is_place_dash_dateline_start`]). Such a line opens an article's first
/// paragraph; nothing but a heading comes before it.
pub fn is_latin_dateline_start(text: &str) -> bool {
    is_newswire_dateline_start(text) || is_place_dash_dateline_start(text)
}

/// The most place words (capitalised) a place-and-dash dateline names
/// ("Santiago de Chile", "Tel Aviv").
const PLACE_DASH_MAX_PLACE_WORDS: usize = 3;

/// True when `text` opens with the dateline of German and other European
/// agencies: a place of one to three capitalised words (short lower-case
/// particles between them, "de", "am"; a slash for two places), an
/// optional agency in brackets ("(dpa)"), then a dash standing alone or
/// glued to the next word, and a capitalised word after it (a dash ending
/// the text may as well close a sentence's aside). Why: German papers date an
/// article's first paragraph "Ort – Text", with no date; only a headline
/// or nothing stands before it.
pub fn is_place_dash_dateline_start(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    let is_place_word = |word: &str| {
        word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word.chars().all(|c| c.is_alphabetic() || matches!(c, '/' | '-' | '.' | '\''))
    };
    let is_particle =
        |word: &str| (1..=3).contains(&word.chars().count()) && word.chars().all(|c| c.is_lowercase());
    let is_agency = |word: &str| {
        word.len() <= 14
            && word.strip_prefix('(').and_then(|w| w.strip_suffix(')')).is_some_and(|inner| {
                inner.chars().next().is_some_and(char::is_alphabetic)
                    && inner.chars().all(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.'))
            })
    };
    let opens_sentence = |word: &str| {
        word.trim_start_matches(['„', '"', '“', '»', '\'']).chars().next().is_some_and(char::is_uppercase)
    };
    let mut place_words = 0;
    let mut i = 0;
    while let Some(&word) = words.get(i) {
        if is_place_word(word) && place_words < PLACE_DASH_MAX_PLACE_WORDS {
            place_words += 1;
        } else if place_words > 0 && is_particle(word) && words.get(i + 1).is_some_and(|w| is_place_word(w)) {
        } else {
            break;
        }
        i += 1;
    }
    if place_words == 0 {
        return false;
    }
    if words.get(i).is_some_and(|w| is_agency(w)) {
        i += 1;
    }
    let Some(&dash) = words.get(i) else { return false };
    if is_dash_word(dash) {
        return words.get(i + 1).is_some_and(|w| opens_sentence(w));
    }
    // The dash glued to the next word ("–Der").
    dash.strip_prefix(['-', '–', '—'])
        .is_some_and(|rest| !rest.starts_with(['-', '–', '—']) && opens_sentence(rest))
}

/// True when `text` opens with a newswire dateline in English style (see
/// [`is_latin_dateline_start`]), or is one broken right after a short
/// month ("PLACE, Mon", the day and dash on the next printed line).
pub fn is_newswire_dateline_start(text: &str) -> bool {
    let Some(rest) = after_place_in_capitals(text) else { return is_title_case_dateline_start(text) };
    // The day and its dash among the first words after the place; OCR may
    // drop the space between them ("26-").
    let words: Vec<&str> = rest.split_whitespace().take(6).collect();
    if month_words(&words) == Some(words.len()) {
        return true;
    }
    words.windows(2).any(|pair| is_day(pair[0].trim_end_matches(',')) && is_dash_word(pair[1]))
        || words.iter().any(|word| is_day_glued_to_dash(word))
}

/// True when `word` is a day of the month: one or two digits.
fn is_day(word: &str) -> bool {
    (1..=2).contains(&word.len()) && word.chars().all(|c| c.is_ascii_digit())
}

/// True when `word` is a day with its dash glued on ("26-"): OCR may drop
/// the space between them.
fn is_day_glued_to_dash(word: &str) -> bool {
    word.char_indices()
        .find(|&(_, c)| !c.is_ascii_digit())
        .is_some_and(|(at, _)| at > 0 && is_day(&word[..at]) && is_dash_word(&word[at..]))
}

/// True when `text` opens with a newswire dateline whose place is set in
/// title case ("Port Holm, Mar 3 -", "Port Holm, mar 3-"): one or two
/// capitalised words, a comma, a month of three or four letters in either
/// case and the day with its dash. Why: some wires write the place as a
/// name; the whole date with its dash must be there, since a name, a comma
/// and a capitalised word open many sentences.
fn is_title_case_dateline_start(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some((place, rest)) = text.split_once(',') else { return false };
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let title_case = (1..=2).contains(&place_words.len())
        && place_words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 3
                && chars.all(char::is_lowercase)
        });
    if !title_case {
        return false;
    }
    let words: Vec<&str> = rest.split_whitespace().take(3).collect();
    let is_month = |w: &str| (3..=4).contains(&w.chars().count()) && w.chars().all(char::is_alphabetic);
    match words.as_slice() {
        [month, day, dash, ..] if is_month(month) && is_day(day) && is_dash_word(dash) => true,
        [month, day_dash, ..] if is_month(month) => is_day_glued_to_dash(day_dash),
        _ => false,
    }
}

/// The text after a newswire dateline's place in capitals ("PORT HOLM,"
/// of "PORT HOLM, Mar 3 -"), leading marks skipped; `None` when the text
/// opens with no such place.
fn after_place_in_capitals(text: &str) -> Option<&str> {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let (place, rest) = text.split_once(',')?;
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    let place_in_capitals = letters.len() >= 3
        && letters.iter().all(|c| c.is_uppercase())
        && place.split_whitespace().count() <= 3
        && place.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '-' || c == '\'');
    place_in_capitals.then_some(rest)
}

/// How many of `words` (those after a dateline's place) run through its
/// month: the month alone, or a region and the month ("Qld., Mar").
/// Newswires shorten the month to three or four letters; a longer
/// capitalised word after a name in capitals is a list's next name or an
/// agency's credit.
fn month_words(words: &[&str]) -> Option<usize> {
    let is_month = |word: &str| {
        let word = word.strip_suffix('.').unwrap_or(word);
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && (3..=4).contains(&word.chars().count())
            && chars.all(char::is_lowercase)
    };
    match words {
        [month, ..] if is_month(month) => Some(1),
        [region, month, ..] if region.ends_with(',') && is_month(month) => Some(2),
        _ => None,
    }
}

/// Where a newswire dateline broken right after its month ("PLACE, Mon",
/// the day and dash on the next printed line) is followed on its line by
/// words in lower case, as the count of the line's words up to the month.
/// Why: a sentence never goes on in lower case after a bare month, so the
/// words after it are another column's, glued on by OCR. `None` for any
/// other line.
pub fn dateline_broken_before_lower_case(text: &str) -> Option<usize> {
    let rest = after_place_in_capitals(text)?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    let through_month = month_words(&words)?;
    let next = words.get(through_month)?;
    if !next.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    let place_words = text.len() - rest.len();
    Some(text[..place_words].split_whitespace().count() + through_month)
}

/// A word that is only a dash, as datelines set one off ("OSTVALE, Mar 3 -",
/// "Ort – Text"; OCR reads a long dash as two hyphens, too).
fn is_dash_word(word: &str) -> bool {
    matches!(word, "-" | "–" | "—" | "--")
}

/// A digit written as a Chinese numeral, as dates may be.
fn is_cjk_numeral(c: char) -> bool {
    matches!(c, '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '０'..='９')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latin_credit_wrapped_after_its_comma_is_a_byline() {
        assert!(is_byline("By Jane Doe,"));
        assert!(is_byline("Von Anna Schmidt, Agentur"));
        assert!(!is_byline("By Jane Doe,,"));
    }

    #[test]
    fn a_latin_credit_takes_its_credit_word_and_at_least_two_names() {
        let words = |text: &'static str| text.split_whitespace().collect::<Vec<_>>();
        assert_eq!(latin_credit_len(&words("By Jane Doe, Agency the river")), Some(4));
        assert_eq!(latin_credit_len(&words("Par Marie Dupont et Jean Roux")), Some(6));
        // One name, lower case, or no credit word.
        assert_eq!(latin_credit_len(&words("By Monday they rose")), None);
        assert_eq!(latin_credit_len(&words("by Jane Doe")), None);
        assert_eq!(latin_credit_len(&words("Jane Doe, Agency")), None);
    }

    #[test]
    fn a_place_dash_dateline_is_a_capitalised_place_then_a_dash_and_a_capital() {
        assert!(is_latin_dateline_start("Nordstadt – Die neue Brücke"));
        assert!(is_latin_dateline_start("Porto de Vila – Nach dem Sturm"));
        assert!(is_latin_dateline_start("Nordstadt/Südheim (agt) - Der Rat"));
        assert!(is_latin_dateline_start("Nordstadt -Der Rat"));
        // A lower-case word before the dash, a dash ending the text, or
        // lower case after it: running text.
        assert!(!is_latin_dateline_start("Nordstadt bleibt – Die Brücke"));
        assert!(!is_latin_dateline_start("Sommer –"));
        assert!(!is_latin_dateline_start("Flüchtlinge – die meisten"));
        assert!(!is_newswire_dateline_start("Nordstadt – Die neue Brücke"));
    }

    #[test]
    fn a_latin_dateline_is_a_place_in_capitals_then_a_day_and_a_dash() {
        assert!(is_latin_dateline_start("OSTVALE, March 3 - The minister said"));
        assert!(is_latin_dateline_start("PORT HOLM, N.H., Jan 5 - Shares rose"));
        assert!(is_latin_dateline_start("- OSLO, Oct 12 -"));
        assert!(is_latin_dateline_start("LIMA, Peru, Oct 12- Exports"));
        // A name in mixed case, no day before a dash, or a sentence.
        assert!(!is_latin_dateline_start("Paris, March 3 - The minister said"));
        assert!(!is_latin_dateline_start("OSTVALE, the minister said on Monday"));
        assert!(!is_latin_dateline_start("THE END, he said 12 times - twice"));
        assert!(!is_latin_dateline_start("UN, EU and NATO officials met - again"));
    }

    #[test]
    fn a_newswire_dateline_broken_after_its_month_is_a_dateline() {
        // The day and its dash went to the next printed line.
        assert!(is_newswire_dateline_start("NORTH BAY, Mar"));
        assert!(is_newswire_dateline_start("TOWNSVILLE, Qld., Sept."));
        // More words after the month, a long name, or a mixed-case place.
        assert!(!is_newswire_dateline_start("NORTH BAY, Mar the port"));
        assert!(!is_newswire_dateline_start("BY JANE DOE, Agency"));
        assert!(!is_newswire_dateline_start("OSLO, Norway"));
        assert!(!is_newswire_dateline_start("North Bay, Mar"));
        assert!(is_newswire_dateline_start("North Bay, mar 3 - The port"));
        assert!(is_newswire_dateline_start("Harbour, Mar 3- The port"));
        assert!(!is_newswire_dateline_start("Harbour, Mar 3 the port"));
    }

    #[test]
    fn a_dateline_broken_after_its_month_is_found_before_lower_case_words() {
        assert_eq!(dateline_broken_before_lower_case("NORTH BAY, Mar closing the quay"), Some(3));
        assert_eq!(dateline_broken_before_lower_case("- TOWNSVILLE, Qld., Sept. and then"), Some(4));
        // Its day is there, a capital follows, or nothing follows.
        assert_eq!(dateline_broken_before_lower_case("NORTH BAY, Mar 3 - the port"), None);
        assert_eq!(dateline_broken_before_lower_case("NORTH BAY, Mar The port"), None);
        assert_eq!(dateline_broken_before_lower_case("NORTH BAY, Mar"), None);
    }

    #[test]
    fn bylines_in_brackets_bare_and_english() {
        assert!(is_byline("(王小明 李华)"));
        assert!(is_byline("（张三、李四）"));
        assert!(is_byline("张伟 王芳 李娜"));
        assert!(is_byline("By Jane Doe and John Smith"));
        assert!(is_byline("Von Anna Schmidt"));
        // A printed line of running text that happens to open with "by".
        assert!(!is_byline("von Juventus Turin"));
        assert!(!is_byline("by Central Bank Governor"));
        assert!(is_byline("(Reuters)"));
        assert!(is_byline("记者王小明"));
        assert!(is_byline("APA, sid, 30.4.2016"));
        assert!(!is_byline("Am 30.4.2016"));
        assert!(is_byline("red, 26.2. 2016"), "year set apart from day and month");
        assert!(!is_byline("red, 26.2.  2016"));
        assert!(is_byline("Anna Schmidt, 30.4.2016"));
        assert!(is_byline("(Anna Maria Schmidt, 30.4.2016)"));
        assert!(!is_byline("Anna Schmidt sagte am 30.4.2016"));
        assert!(is_byline("本报记者 王小明、李华"));
        assert!(is_byline("本报记者 王 明"));
        assert!(!is_byline("记者会上,他说"));
        assert!(!is_byline("春 夏 秋 冬"));
        assert!(!is_byline("工作 部署"));
        assert!(!is_byline("(他说,这是真的)"));
    }

    #[test]
    fn trailing_byline_needs_a_sentence_before_it() {
        assert_eq!(trailing_byline_start("新进展。(刘洋)"), Some("新进展。".len()));
        assert_eq!(trailing_byline_start("村(社区)"), None);
    }

    #[test]
    fn reporter_credits_count_their_name_characters() {
        assert_eq!(reporter_credit_names("记者金木水"), Some(3));
        assert_eq!(reporter_credit_names("本报记者 金木"), Some(2));
        assert_eq!(
            reporter_credit_names("(记者金木水)"),
            None,
            "bracketed: a dateline's or a trailing byline"
        );
        assert_eq!(reporter_credit_names("金木水 土火"), None, "no credit word");
    }
}

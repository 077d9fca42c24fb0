//! Structured adversarial inputs aimed at the parse and score rules for
//! headline rows, datelines, quotes, brackets and glued columns: lines built
//! from the shapes those rules look at (capitals runs with gutter specks,
//! lines of only quotes or brackets, CJK datelines with no text, one-word
//! rows, mixed scripts) and Tesseract TSV with odd boxes. Every input must
//! come out with every non-whitespace character exactly once, without a
//! panic. `ADVERSARIAL_CASES` raises the count for a longer hunt.

use restitch::eval::metrics::conservation;
use restitch::{repair, repair_document, Lang, Options};

/// A small deterministic generator (xorshift), so a failure names its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const CAPITALS: &[&str] =
    &["COUNCIL", "VOTES", "NEW", "PLAN", "THE", "CITY", "A", "I", "OF", "TO", "BY", "AND"];
const SPECKS: &[&str] =
    &["_", "|", "'", ".", ",", "-", "—", "–", "~", "*", "•", "=", "_|", "||", ":", ";", "¬"];
const QUOTES: &[&str] =
    &["\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "「", "」", "『", "』", "\"\"", "''", "“”"];
const BRACKETS: &[&str] =
    &["(", ")", "[", "]", "{", "}", "（", "）", "【", "】", "《", "》", "〔", "〕", "()", "（）", "[]"];
const WORDS: &[&str] = &[
    "The",
    "council",
    "said",
    "on",
    "Monday",
    "to",
    "the",
    "and",
    "of",
    "a",
    "in",
    "is",
    "was",
    "Mr.",
    "Die",
    "der",
    "und",
    "le",
    "la",
    "et",
    "It",
    "He",
    "she",
    "said.",
    "year.",
    "plan,",
    "that",
    "which",
    "who",
    "but",
    "Der",
    "Stadt",
    "Le",
    "maire",
    "a",
    "été",
    "dit",
    "étaient",
    "Straße",
    "Ärger",
    "government's",
    "co-op",
    "well-",
    "known",
    "re¬",
    "port",
    "ﬁnal",
    "e\u{301}te\u{301}",
    "x",
    "I.",
    "II",
    "1.",
    "12",
    "2024",
    "3,5",
    "$4",
    "%",
];
const CREDITS: &[&str] = &[
    "By",
    "BY",
    "Von",
    "Par",
    "From",
    "JANE",
    "DOE",
    "Jane",
    "Doe",
    "Staff",
    "Reporter",
    "Correspondent",
    "AP",
    "(AP)",
    "(Reuters)",
    "Reuters",
    "dpa",
    "AFP",
    "LONDON",
    "BERLIN,",
    "PARIS",
    "—",
    "–",
    "-",
    "(dpa)",
    "—",
    "and",
];
const CJK: &[&str] = &[
    "新华社北京",
    "电",
    "本报讯",
    "记者",
    "（记者",
    "张三）",
    "标题",
    "中文",
    "报道。",
    "，",
    "。",
    "、",
    "１月２日",
    "1月2日",
    "12日",
    "年",
    "月",
    "日",
    "北京",
    "上海",
    "讯",
    "据",
    "本报记者",
    "通讯员",
    "摄",
    "（",
    "）",
    "：",
    "“",
    "”",
    "「",
    "」",
    "…",
    "——",
    "据悉",
    "会议",
    "召开",
    "在",
    "的",
    "了",
    "是",
    "中",
    "国",
    "社会",
    "经济",
    "（上接第一版）",
    "（下转第二版）",
    "转",
    "版",
    "责任编辑",
    "：",
    "한국",
    "日本語の",
    "カタカナ",
];
const ODD: &[&str] = &[
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{0301}",
    "👍",
    "👨‍👩‍👧",
    "مرحبا",
    "שלום",
    "Ω",
    "ß",
    "İ",
    "ǅ",
    "\u{0000}",
    "\u{0007}",
    "\u{001B}",
    "\u{007F}",
    "\u{0085}",
    "\u{00A0}",
    "\u{2028}",
    "\u{2029}",
    "\u{000B}",
    "\u{000C}",
    "\t",
    "\r",
    "�",
    "\u{E000}",
    "𠀀",
    "Ⅻ",
    "①",
    "１２",
    "ＡＢＣ",
    "ｶﾀ",
];
const GAPS: &[&str] =
    &[" ", " ", " ", " ", "  ", "   ", "    ", "        ", "\u{3000}", "\u{3000}\u{3000}", "\t", ""];

/// One line of a shape the new rules look at.
fn line(rng: &mut Rng) -> String {
    let shape = rng.below(12);
    let count = match rng.below(4) {
        0 => 1,
        1 => 1 + rng.below(3),
        2 => 1 + rng.below(8),
        _ => 1 + rng.below(20),
    };
    let mut out = String::new();
    for i in 0..count {
        if i > 0 || rng.below(6) == 0 {
            out.push_str(rng.pick(GAPS));
        }
        let token = match shape {
            // Capitals rows with specks, as side-by-side headlines.
            0 | 1 => match rng.below(5) {
                0 => rng.pick(SPECKS),
                1 => rng.pick(WORDS),
                _ => rng.pick(CAPITALS),
            },
            2 => rng.pick(QUOTES),
            3 => rng.pick(BRACKETS),
            4 => match rng.below(3) {
                0 => rng.pick(CREDITS),
                _ => rng.pick(CAPITALS),
            },
            5 | 6 => match rng.below(8) {
                0 => rng.pick(QUOTES),
                1 => rng.pick(BRACKETS),
                2 => rng.pick(SPECKS),
                _ => rng.pick(CJK),
            },
            7 => match rng.below(4) {
                0 => rng.pick(QUOTES),
                1 => rng.pick(BRACKETS),
                _ => rng.pick(WORDS),
            },
            8 => match rng.below(6) {
                0 => rng.pick(ODD),
                1 => rng.pick(CJK),
                2 => rng.pick(CAPITALS),
                3 => rng.pick(QUOTES),
                _ => rng.pick(WORDS),
            },
            9 => rng.pick(SPECKS),
            _ => rng.pick(WORDS),
        };
        out.push_str(token);
    }
    // Glued columns: two lines side by side with a gutter.
    if rng.below(5) == 0 {
        let gutter = rng.pick(&["   ", "    ", " | ", " _ ", "  |  ", "\u{3000}\u{3000}", "     "]);
        let other = line(rng);
        out = format!("{out}{gutter}{other}");
    }
    out
}

fn page(rng: &mut Rng) -> String {
    let most = if rng.below(3) == 0 { 60 } else { 12 };
    let lines = 1 + rng.below(most);
    let mut text = String::new();
    if rng.below(4) == 0 {
        // A page of one repeated shape: many headline rows in a row.
        let seed = rng.next();
        for _ in 0..lines {
            let mut local = Rng(seed ^ rng.below(3) as u64 | 1);
            text.push_str(&line(&mut local));
            text.push('\n');
        }
        return text;
    }
    for _ in 0..lines {
        text.push_str(&line(rng));
        text.push_str(rng.pick(&["\n", "\n", "\n", "\n\n", "\n", "\u{000C}\n", "\r\n", "\n \n"]));
    }
    text
}

fn options(rng: &mut Rng) -> Options {
    let lang = match rng.below(3) {
        0 => Lang::Auto,
        1 => Lang::Zh,
        _ => Lang::En,
    };
    Options { lang, reorder: rng.below(6) != 0, ..Options::default() }
}

fn check_text(seed: u64, text: &str, options: &Options) {
    let repaired = std::panic::catch_unwind(|| repair(text, options))
        .unwrap_or_else(|_| panic!("seed {seed}: panic on {text:?} ({:?})", options.lang));
    let hyphens = repaired.removed_hyphens();
    assert_eq!(
        conservation(text, &repaired.all_text(), hyphens),
        (0, 0),
        "seed {seed}: characters lost on {text:?}"
    );
    for page in &repaired.pages {
        assert!(page.fallback.is_none(), "seed {seed}: fallback {:?} on {text:?}", page.fallback);
    }
}

fn cases(default: usize) -> usize {
    std::env::var("ADVERSARIAL_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

#[test]
fn headline_quote_bracket_and_dateline_shapes_keep_every_character() {
    for seed in 1..=cases(300) as u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let text = page(&mut rng);
        let options = options(&mut rng);
        check_text(seed, &text, &options);
    }
}

/// A Tesseract TSV page of words with odd boxes: bars and specks as words,
/// empty words, zero-size and overlapping boxes, rows of one word.
fn tsv(rng: &mut Rng) -> String {
    let mut out = String::from(
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n",
    );
    let width = [0i64, 1, 600, 2000][rng.below(4)];
    out.push_str(&format!("1\t1\t0\t0\t0\t0\t0\t0\t{width}\t2600\t-1\t\n"));
    let blocks = 1 + rng.below(6);
    for block in 1..=blocks {
        let bx = [0i64, 10, 500, 1000, 1990][rng.below(5)] + rng.below(50) as i64;
        let by = rng.below(2600) as i64;
        let lines = 1 + rng.below(15);
        for line_num in 1..=lines {
            let y = by + line_num as i64 * [0i64, 1, 30, 60][rng.below(4)];
            let h = [0i64, 1, 20, 40, 300][rng.below(5)];
            out.push_str(&format!("4\t1\t{block}\t1\t{line_num}\t0\t{bx}\t{y}\t400\t{h}\t-1\t\n"));
            let most = if rng.below(3) == 0 { 1 } else { 10 };
            let words = 1 + rng.below(most);
            let mut x = bx;
            for word_num in 1..=words {
                let text = match rng.below(7) {
                    0 => rng.pick(&["|", "||", "_", "l", "I", "—", "", " ", "-", "."]),
                    1 => rng.pick(CAPITALS),
                    2 => rng.pick(CJK),
                    3 => rng.pick(QUOTES),
                    4 => rng.pick(BRACKETS),
                    5 => rng.pick(CREDITS),
                    _ => rng.pick(WORDS),
                };
                let w = [0i64, 1, 5, 30, 80, 400][rng.below(6)];
                let gap = [0i64, 5, 15, 100, -20][rng.below(5)];
                let conf = [-1i64, 0, 50, 96][rng.below(4)];
                out.push_str(&format!(
                    "5\t1\t{block}\t1\t{line_num}\t{word_num}\t{x}\t{y}\t{w}\t{h}\t{conf}\t{text}\n"
                ));
                x += w + gap;
            }
        }
    }
    out
}

#[test]
fn tsv_pages_of_odd_boxes_keep_every_word() {
    for seed in 1..=cases(150) as u64 {
        let mut rng = Rng(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
        let content = tsv(&mut rng);
        let options = options(&mut rng);
        let Ok(document) = restitch::formats::read(&content, restitch::formats::Format::Tsv) else {
            continue;
        };
        let expected = document.plain_text();
        let repaired = std::panic::catch_unwind(|| repair_document(&document, &options))
            .unwrap_or_else(|_| panic!("seed {seed}: panic on TSV\n{content}"));
        assert_eq!(
            conservation(&expected, &repaired.all_text(), repaired.removed_hyphens()),
            (0, 0),
            "seed {seed}: words lost from TSV\n{content}"
        );
    }
}

/// Coordinates far beyond any scan (a broken or hostile file): the readers
/// and the page geometry must neither overflow nor lose a word.
#[test]
fn huge_and_inverted_coordinates_neither_overflow_nor_lose_words() {
    let header =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";
    let extremes = [
        "9223372036854775807",
        "-9223372036854775808",
        "2147483647",
        "-2147483648",
        "2000000000",
        "16777216",
        "-16777216",
        "-5",
        "0",
    ];
    let mut inputs: Vec<(String, restitch::formats::Format)> = Vec::new();
    for (i, x) in extremes.iter().enumerate() {
        for y in &extremes[i..] {
            let mut tsv = String::from(header);
            for (word, text) in ["The", "council", "|", "said", "新华社北京电"].iter().enumerate() {
                tsv.push_str(&format!(
                    "5\t1\t1\t1\t{}\t{}\t{x}\t{y}\t{x}\t{y}\t90\t{text}\n",
                    word % 2 + 1,
                    word + 1
                ));
                tsv.push_str(&format!("5\t1\t2\t1\t1\t{}\t10\t{y}\t2147483647\t10\t90\t{text}\n", word + 1));
            }
            inputs.push((tsv, restitch::formats::Format::Tsv));
            let alto = format!(
                r#"<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page ID="p1" WIDTH="{x}" HEIGHT="{y}"><PrintSpace><TextBlock ID="b1" HPOS="{x}" VPOS="{y}" WIDTH="{x}" HEIGHT="{y}"><TextLine ID="l1" HPOS="{x}" VPOS="{y}" WIDTH="1e30" HEIGHT="{y}"><String CONTENT="Hello" HPOS="{x}" VPOS="{y}" WIDTH="{y}" HEIGHT="{x}"/><String CONTENT="world" HPOS="1" VPOS="2" WIDTH="{x}" HEIGHT="10"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>"#
            );
            inputs.push((alto, restitch::formats::Format::Alto));
            let hocr = format!(
                "<html><body><div class='ocr_page' title='bbox 0 0 {x} {y}'><span class='ocr_line' title='bbox {x} {y} 5 5'><span class='ocrx_word' title='bbox {x} {y} {y} {x}'>Hello</span> <span class='ocrx_word' title='bbox 0 {y} {x} 9'>world</span></span></div></body></html>"
            );
            inputs.push((hocr, restitch::formats::Format::Hocr));
        }
    }
    for (content, format) in inputs {
        let document = std::panic::catch_unwind(|| restitch::formats::read(&content, format))
            .unwrap_or_else(|_| panic!("reader panics on\n{content}"));
        let Ok(document) = document else { continue };
        let expected = document.plain_text();
        for options in [Options::default(), Options { lang: Lang::Zh, ..Options::default() }] {
            let repaired = std::panic::catch_unwind(|| repair_document(&document, &options))
                .unwrap_or_else(|_| panic!("repair panics on\n{content}"));
            assert_eq!(
                conservation(&expected, &repaired.all_text(), repaired.removed_hyphens()),
                (0, 0),
                "{content}"
            );
        }
    }
}

/// The dev pages of the corpus, mutated: specks, quotes and brackets
/// inserted, characters and lines dropped or doubled, lines cut short or
/// glued together. Real layouts reach the rules that random lines seldom
/// do (headline rows above glued columns, datelines under CJK headline
/// rows, bylines closing articles).
#[test]
fn mutated_corpus_pages_keep_every_character() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut pages: Vec<String> = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&corpus).expect("corpus").flatten().map(|e| e.path()).collect();
    dirs.sort();
    for dir in dirs {
        let meta = std::fs::read_to_string(dir.join("meta.json")).unwrap_or_default();
        if meta.contains("\"dev\"") {
            if let Ok(text) = std::fs::read_to_string(dir.join("input.txt")) {
                pages.push(text);
            }
        }
    }
    assert!(!pages.is_empty());
    let inserts: Vec<&str> =
        [SPECKS, QUOTES, BRACKETS, ODD, CAPITALS, CJK, &["\n", "\n\n", "   ", " "]].concat();
    for seed in 1..=cases(60) as u64 {
        let mut rng = Rng(seed.wrapping_mul(0xA24B_AED4_963E_E407) | 1);
        let page = &pages[rng.below(pages.len())];
        let mut lines: Vec<String> = page.split('\n').map(str::to_string).collect();
        for _ in 0..1 + rng.below(40) {
            let at = rng.below(lines.len());
            let chars: Vec<char> = lines[at].chars().collect();
            let position = rng.below(chars.len() + 1);
            let (head, tail): (String, String) =
                (chars[..position].iter().collect(), chars[position..].iter().collect());
            match rng.below(8) {
                0..=2 => lines[at] = format!("{head}{}{tail}", rng.pick(&inserts)),
                3 => lines[at] = format!("{head}{}", tail.chars().skip(1 + rng.below(5)).collect::<String>()),
                4 => lines[at] = head,
                5 => {
                    let line = lines[at].clone();
                    lines.insert(at, line);
                }
                6 if at + 1 < lines.len() => {
                    let next = lines.remove(at + 1);
                    lines[at] = format!("{}{}{next}", lines[at], rng.pick(GAPS));
                }
                _ => lines[at] = line(&mut rng),
            }
        }
        let text = lines.join("\n");
        let options = options(&mut rng);
        check_text(seed, &text, &options);
    }
}

/// Pages of only column rules read as bars, of one word, of empty words:
/// nothing to cut, nothing lost.
#[test]
fn tsv_pages_of_only_bars_or_one_word_keep_every_word() {
    let header =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";
    let row = |block: usize, line: usize, word: usize, x: i32, y: i32, text: &str| {
        format!("5\t1\t{block}\t1\t{line}\t{word}\t{x}\t{y}\t10\t20\t90\t{text}\n")
    };
    let mut inputs = Vec::new();
    let only_bars: String = (0..30)
        .map(|i| row(1 + i % 3, 1 + i / 3, 1, 300 * (i % 3) as i32, 25 * (i / 3) as i32, "|"))
        .collect();
    inputs.push(only_bars);
    let bars_beside_one_word = format!("{}{}", row(1, 1, 1, 0, 0, "||"), row(1, 1, 2, 400, 0, "报道"));
    inputs.push(bars_beside_one_word);
    inputs.push(row(1, 1, 1, 0, 0, "|"));
    inputs.push(row(1, 1, 1, 0, 0, "Word"));
    inputs.push(format!("{}{}", row(1, 1, 1, 0, 0, ""), row(1, 1, 2, 0, 0, " ")));
    inputs.push(format!(
        "{}{}{}",
        row(1, 1, 1, 5, 5, "“"),
        row(1, 1, 2, 5, 5, "（"),
        row(1, 2, 1, 5, 5, "”")
    ));
    for body in inputs {
        let content = format!("{header}{body}");
        let document = restitch::formats::read(&content, restitch::formats::Format::Tsv).expect("valid TSV");
        let expected = document.plain_text();
        for lang in [Lang::Auto, Lang::Zh, Lang::En] {
            let repaired = repair_document(&document, &Options { lang, ..Options::default() });
            assert_eq!(
                conservation(&expected, &repaired.all_text(), repaired.removed_hyphens()),
                (0, 0),
                "{content}"
            );
        }
    }
}

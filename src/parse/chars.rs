//! Character classes that every later stage asks about.
//!
//! In: single `char`s. Out: the small facts the parsers and signals need —
//! is it a CJK-width character, a sentence end, a closing mark that cannot
//! begin a printed line, a hyphen. Kept in one place so that "what counts as
//! CJK" has one answer across the pipeline.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// True for characters that occupy a full cell in East Asian typesetting
/// (East_Asian_Width W or F, approximated by a display width of 2), Hangul
/// excluded. Line breaks between two such characters carry no space
/// (CSS Text 3, segment break transformation).
pub fn is_wide(c: char) -> bool {
    if is_hangul(c) {
        return false;
    }
    c.width() == Some(2)
}

/// Hangul syllables and jamo keep their spaces: Korean separates words.
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF)
}

/// A CJK ideograph (not punctuation, not kana).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Display width of a run of text in CJK cells: a wide character is one
/// cell, everything else half a cell. Column widths of Chinese print are
/// counted in such cells, so digits and Latin letters weigh half.
pub fn cells(text: &str) -> f32 {
    text.chars().filter(|c| !c.is_whitespace()).map(|c| if is_wide(c) { 1.0 } else { 0.5 }).sum::<f32>()
        + text.chars().filter(|c| *c == ' ').count() as f32 * 0.5
}

/// Whether a text's cased letters are all capitals; `None` where it has
/// none (Han, digits, marks), as its case then says nothing. A headline
/// set in capitals is told from one in sentence case by this.
pub fn capitals_only(text: &str) -> Option<bool> {
    let mut cased = text.chars().filter(|c| c.is_uppercase() || c.is_lowercase()).peekable();
    cased.peek()?;
    Some(cased.all(char::is_uppercase))
}

/// Marks that end a sentence, in CJK and Latin print. Closing quotes and
/// brackets after them are allowed by [`ends_sentence`].
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '.' | '…' | '；' | ';' | '．')
}

/// Closing quotes and brackets that may follow a sentence end.
pub fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '〉' | '"' | '\'' | ']' | '»')
}

/// Marks that pause a sentence without ending it (commas, enumeration and
/// semicolons, the full-width colon): a line holding one is running text,
/// not a headline.
pub const PAUSES: [char; 6] = ['，', ',', '、', '；', ';', '：'];

/// Opening quotes and brackets.
pub fn is_opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『' | '（' | '(' | '【' | '《' | '〈' | '[' | '«')
}

/// Characters that CJK typesetting never puts at the start of a printed line
/// (kinsoku shori): a piece that starts with one continues the line before.
pub fn is_line_start_forbidden(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '。'
            | '、'
            | '；'
            | ';'
            | '：'
            | ':'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '】'
            | '》'
            | '〉'
            | '”'
            | '’'
            | '…'
            | '．'
    )
}

/// Words that follow an elided compound part ("Ein- und Ausfuhr", "pre- and
/// post-war"): a hyphen right before one of them is a real hyphen inside a
/// printed line, never a word broken at the line's end.
pub const ELIDED_COMPOUND_CONJUNCTIONS: [&str; 8] = ["und", "oder", "and", "or", "et", "ou", "bzw.", "sowie"];

/// True when `word` may follow an elided compound part (see
/// [`ELIDED_COMPOUND_CONJUNCTIONS`]).
pub fn follows_elided_compound(word: &str) -> bool {
    ELIDED_COMPOUND_CONJUNCTIONS.contains(&word)
}

/// Hyphen-like marks at a line end: ASCII hyphen, soft hyphen, the Unicode
/// hyphen, and the Fraktur marks `¬` and `⸗`.
pub fn is_line_end_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{00AD}' | '\u{2010}' | '¬' | '⸗')
}

/// Marks that OCR reads out of a column rule, a gutter or a speck of dirt
/// and that print never puts at the edge of a CJK line: bars, underscores,
/// tildes, backticks and stray full stops.
pub fn is_gutter_noise(c: char) -> bool {
    is_rule_glyph(c) || matches!(c, '_' | '~' | '`' | '.')
}

/// Glyphs OCR makes of a printed vertical rule that text never holds
/// between two words.
pub fn is_rule_glyph(c: char) -> bool {
    matches!(c, '|' | '¦' | '‖')
}

/// `text` without the spaces and gutter noise at its two edges: what the
/// word signals should read on either side of a junction.
pub fn trim_gutter_noise(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || is_gutter_noise(c))
}

/// Most marks a run of stray punctuation holds, whether OCR read it as a
/// piece of its own between columns (`。`, `。，`, `”`) or at a piece's head.
pub const MAX_STRAY_MARKS: usize = 2;

/// The head of a right piece as the word signals read it: without the
/// gutter noise at its edges ([`trim_gutter_noise`]) nor a short run of
/// punctuation standing before a space at its start (`。 文字`). Such
/// marks are specks OCR read out of the gutter before a column: a printed
/// CJK line never starts with a closing mark, and text goes on after a
/// mark without a space.
pub fn trim_stray_head(text: &str) -> &str {
    let text = trim_gutter_noise(text);
    let marks = text.chars().take_while(|c| !c.is_alphanumeric() && !c.is_whitespace()).count();
    let rest = text.char_indices().nth(marks).map_or("", |(at, _)| &text[at..]);
    if (1..=MAX_STRAY_MARKS).contains(&marks) && rest.starts_with(char::is_whitespace) {
        let marks_text = &text[..text.len() - rest.len()];
        if marks_text.chars().all(|c| is_line_start_forbidden(c) || is_closing(c)) {
            return rest.trim_start();
        }
    }
    text
}

/// True when the text ends a sentence, allowing closing quotes after the mark.
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(is_closing);
    trimmed.chars().next_back().is_some_and(is_sentence_end)
}

/// Share of the non-space characters that are wide (CJK).
pub fn wide_share(text: &str) -> f32 {
    let (mut wide, mut all) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        all += 1;
        if is_wide(c) {
            wide += 1;
        }
    }
    if all == 0 {
        0.0
    } else {
        wide as f32 / all as f32
    }
}

/// The word in lower case, as [`str::to_lowercase`] gives it, borrowed
/// where no character changes (most words of running text): the word
/// signals look words up by the thousand on a page, and a copy of each
/// cost more than the lookup.
pub fn lower_case(word: &str) -> Cow<'_, str> {
    let unchanged = |c: char| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    };
    if word.chars().all(unchanged) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn stray_marks_before_a_space_leave_a_piece_head() {
        assert_eq!(super::trim_stray_head("。 甲乙丙丁"), "甲乙丙丁");
        assert_eq!(super::trim_stray_head("”， 甲乙"), "甲乙");
        assert_eq!(super::trim_stray_head("| 甲乙"), "甲乙");
        // An opening mark starts a line; a mark glued to text is text.
        assert_eq!(super::trim_stray_head("“ 甲乙"), "“ 甲乙");
        assert_eq!(super::trim_stray_head("，甲乙"), "，甲乙");
        assert_eq!(super::trim_stray_head("。。。 甲乙"), "。。。 甲乙");
    }

    use super::*;

    #[test]
    fn wide_covers_han_and_fullwidth_punctuation_not_hangul_or_latin() {
        assert!(is_wide('中'));
        assert!(is_wide('，'));
        assert!(is_wide('。'));
        assert!(!is_wide('a'));
        assert!(!is_wide('1'));
        assert!(!is_wide('한'));
    }

    #[test]
    fn sentence_end_allows_closing_quotes() {
        assert!(ends_sentence("他说。”"));
        assert!(ends_sentence("It ended."));
        assert!(!ends_sentence("疫情防"));
        assert!(!ends_sentence("the gov-"));
    }

    #[test]
    fn lower_case_is_to_lowercase_and_borrows_what_does_not_change() {
        for word in ["word", "Word", "ÉTÉ", "straße", "ΟΔΟΣ", "ǅemal", "Ⅻ", "中文", "don’t", ""]
        {
            assert_eq!(lower_case(word), word.to_lowercase(), "{word}");
        }
        assert!(matches!(lower_case("already lower"), Cow::Borrowed(_)));
        assert!(matches!(lower_case("Capital"), Cow::Owned(_)));
    }

    #[test]
    fn cells_count_latin_as_half() {
        assert_eq!(cells("中文"), 2.0);
        assert_eq!(cells("ab"), 1.0);
    }
}

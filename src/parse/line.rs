//! Tokenise one input line into words and the gaps between them.
//!
//! In: the text of one physical input line. Out: [`Token`]s — runs of
//! non-space text and runs of spaces, each with its character column. Why:
//! the gaps are where a line can be cut into pieces (printed line breaks left
//! as spaces, column gutters), so the piece splitter needs them explicitly.

use nom::branch::alt;
use nom::bytes::complete::{take_till1, take_while1};
use nom::combinator::map;
use nom::multi::many0;
use nom::{IResult, Parser};

/// One token of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// A run of non-space characters.
    Word(&'a str),
    /// A run of spaces or tabs; the width counts a tab as one.
    Gap(usize),
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}'
}

fn word(input: &str) -> IResult<&str, Token<'_>> {
    map(take_till1(is_blank), Token::Word).parse(input)
}

fn gap(input: &str) -> IResult<&str, Token<'_>> {
    map(take_while1(is_blank), |s: &str| {
        // An ideographic space is two ordinary cells wide.
        Token::Gap(s.chars().map(|c| if c == '\u{3000}' { 2 } else { 1 }).sum())
    })
    .parse(input)
}

/// Splits a line into alternating words and gaps, with the character column
/// at which each token starts. Never fails: every character lands in a token.
pub fn tokenize(line: &str) -> Vec<(usize, Token<'_>)> {
    let tokens = match many0(alt((word, gap))).parse(line) {
        Ok((_, tokens)) => tokens,
        // `many0` over two total alternatives cannot fail; stay total anyway.
        Err(_) => vec![Token::Word(line)],
    };
    let mut rest = line;
    let mut column = 0;
    let mut located = Vec::with_capacity(tokens.len());
    for token in tokens {
        // Columns count characters; a gap's width counts cells, so its
        // length in characters is read back from the text.
        let chars = match &token {
            Token::Word(w) => w.chars().count(),
            Token::Gap(_) => rest.chars().take_while(|c| is_blank(*c)).count(),
        };
        let bytes: usize = rest.chars().take(chars).map(char::len_utf8).sum();
        rest = &rest[bytes..];
        located.push((column, token));
        column += chars;
    }
    located
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_gaps_alternate_with_char_columns() {
        let tokens = tokenize("天 气转凉  ab");
        assert_eq!(
            tokens,
            vec![
                (0, Token::Word("天")),
                (1, Token::Gap(1)),
                (2, Token::Word("气转凉")),
                (5, Token::Gap(2)),
                (7, Token::Word("ab")),
            ]
        );
    }

    #[test]
    fn leading_gap_and_ideographic_space() {
        let tokens = tokenize("\u{3000}中");
        assert_eq!(tokens, vec![(0, Token::Gap(2)), (1, Token::Word("中"))]);
    }

    #[test]
    fn empty_line_has_no_tokens() {
        assert!(tokenize("").is_empty());
    }
}

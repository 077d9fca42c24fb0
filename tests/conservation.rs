//! Property tests: whatever the input — random mixtures of CJK, Latin,
//! digits, punctuation, spaces, newlines, form feeds, CR and control
//! characters — every non-whitespace character comes out exactly once
//! (line-end hyphens removed by joins aside), nothing panics, and the output
//! is deterministic.

use proptest::prelude::*;
use restitch::eval::metrics::conservation;
use restitch::{render, repair, Options};

fn mixed_text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "中",
        "文",
        "报",
        "道",
        "。",
        "，",
        ",",
        "、",
        "“",
        "”",
        "(",
        ")",
        "（",
        "）",
        "a",
        "b",
        "Z",
        "e",
        "-",
        "¬",
        "1",
        "9",
        ".",
        "!",
        "?",
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\u{000C}",
        "\t",
        "\r\n",
        "\u{3000}",
        "한",
        // Lone CR, control characters, and other whitespace the parsers do
        // not cut at: kept in place, never a crash.
        "\r",
        "\u{0000}",
        "\u{0007}",
        "\u{000B}",
        "\u{001B}",
        "\u{007F}",
        "\u{0085}",
        "\u{00A0}",
        "\u{2028}",
        "\u{FEFF}",
        "\u{00AD}",
        // Words and shapes the classifiers look at.
        "The",
        "council",
        "By ",
        "Jane",
        "（张三 李四）",
        "12",
        "年",
        "月",
        "日",
    ]);
    prop::collection::vec(atoms, 0..300).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn every_character_comes_out_once(text in mixed_text()) {
        let repaired = repair(&text, &Options::default());
        let hyphens = repaired.removed_hyphens();
        prop_assert_eq!(conservation(&text, &repaired.all_text(), hyphens), (0, 0));
        for page in &repaired.pages {
            prop_assert!(page.fallback.is_none(), "{:?}", page.fallback);
        }
    }

    #[test]
    fn decoded_input_keeps_every_character(text in mixed_text()) {
        // The CLI's path: bytes through the decoder (line ends normalised),
        // then the repair, which must keep everything the decoder gave it.
        let decoded = restitch::decode::decode(text.as_bytes(), Default::default());
        let decoded = match decoded {
            Ok(decoded) => decoded.text,
            // Refusing input as binary is a clear error, not a loss.
            Err(restitch::decode::DecodeError::Binary { .. }) => return Ok(()),
            Err(e) => panic!("valid UTF-8 refused: {e}"),
        };
        prop_assert!(!decoded.contains('\r'));
        // A leading U+FEFF is the UTF-8 byte order mark, not text.
        let expected = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        prop_assert_eq!(
            conservation(expected, &decoded, 0),
            (0, 0),
            "decoding changed the non-whitespace characters"
        );
        let repaired = repair(&decoded, &Options::default());
        prop_assert_eq!(conservation(&decoded, &repaired.all_text(), repaired.removed_hyphens()), (0, 0));
    }

    #[test]
    fn output_is_deterministic(text in mixed_text()) {
        let first = render::json::render(&repair(&text, &Options::default()));
        let second = render::json::render(&repair(&text, &Options::default()));
        prop_assert_eq!(first, second);
    }
}

#[test]
fn empty_and_blank_inputs_give_empty_results() {
    for text in ["", "\n\n\n", "   \n\t\n", "\u{000C}"] {
        let repaired = repair(text, &Options::default());
        assert_eq!(repaired.articles().count(), 0, "{text:?}");
        assert_eq!(render::text::render(&repaired).trim(), "");
    }
}

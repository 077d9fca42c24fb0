//! Property tests: whatever the input, every non-whitespace character comes
//! out exactly once (line-end hyphens removed by joins aside), nothing
//! panics, and the output is deterministic.

use proptest::prelude::*;
use restitch::eval::metrics::conservation;
use restitch::{render, repair, Options};

fn mixed_text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "中", "文", "报", "道", "。", "，", ",", "、", "“", "”", "(", ")", "（", "）", "a", "b", "Z", "e",
        "-", "¬", "1", "9", ".", "!", "?", " ", " ", "  ", "\n", "\n\n", "\u{000C}", "\t", "\r\n",
        "\u{3000}", "한",
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

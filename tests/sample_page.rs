//! The real sample page (a Hunan regional paper, August 2021): the repairs
//! restitch makes there today, asserted one by one so none silently breaks.
//! What it does not repair yet is listed in the README's known limits.

use std::path::Path;

use restitch::{render, repair, Options, Repaired};

fn sample() -> (String, Repaired) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/real-zh-hunan-page-000/input.txt");
    let text = std::fs::read_to_string(path).expect("sample page is in the corpus");
    let repaired = repair(&text, &Options::default());
    (text, repaired)
}

/// Article texts with all whitespace removed.
fn squeezed_articles(repaired: &Repaired) -> Vec<String> {
    repaired.articles().map(|a| a.plain_text().chars().filter(|c| !c.is_whitespace()).collect()).collect()
}

#[test]
fn printed_line_breaks_inside_sentences_are_removed_but_real_spaces_stay() {
    let (_, repaired) = sample();
    let text = render::text::render(&repaired);
    assert!(text.contains("疫情多点暴发的形势"), "line-break space kept");
    assert!(text.contains("24128 户 78406 人"), "a real space around numbers was removed");
    assert!(text.contains("(赵冠群 文银凤)"), "the space between two names was removed");
}

#[test]
fn a_paragraph_cut_at_a_column_break_is_joined() {
    let (_, repaired) = sample();
    assert!(squeezed_articles(&repaired).iter().any(|a| a.contains("筑牢民政领域疫情防控的每一道防线")));
}

#[test]
fn headlines_open_articles_and_bylines_close_them() {
    let (_, repaired) = sample();
    let titles: Vec<&str> = repaired.articles().filter_map(|a| a.title.as_deref()).collect();
    for title in [
        "桑植县:从严从紧压实防疫责任",
        "新宁县:城乡环卫一体化项目签约",
        "邵阳市交警:满足企业需求 抓实交通管理",
    ] {
        assert!(titles.contains(&title), "{title} is not a title: {titles:?}");
    }
    let bylines: Vec<&str> = repaired.articles().filter_map(|a| a.byline.as_deref()).collect();
    for byline in ["(赵冠群 文银凤)", "(杨坚 陈顺忠)", "(冯丽萍 文杰)"] {
        assert!(bylines.contains(&byline), "{byline} is not a byline: {bylines:?}");
    }
}

#[test]
fn garbled_headline_glyphs_are_unplaced_not_glued() {
    let (_, repaired) = sample();
    let unplaced: Vec<&str> = repaired.pages[0].unplaced.iter().map(|u| u.text.as_str()).collect();
    for glyph in ["强", "五", "护", "花", "样", "生", "汉"] {
        assert!(unplaced.contains(&glyph), "{glyph} not unplaced: {unplaced:?}");
    }
}

#[test]
fn the_side_column_continues_its_article() {
    let (_, repaired) = sample();
    assert!(squeezed_articles(&repaired)
        .iter()
        .any(|a| a.contains("金洞管理区把\"我为群众办实事\"实践活动,作为开展党史学")));
}

#[test]
fn nothing_is_lost() {
    let (text, repaired) = sample();
    assert!(repaired.pages.iter().all(|p| p.fallback.is_none()));
    assert_eq!(
        restitch::eval::metrics::conservation(&text, &repaired.all_text(), repaired.removed_hyphens()),
        (0, 0)
    );
}

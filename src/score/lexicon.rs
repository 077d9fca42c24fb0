//! Word signal for Chinese: does a dictionary word span the junction?
//!
//! In: the text on both sides of a candidate junction. Out: how strongly the
//! words of the language say the two pieces were one text — "基础设" + "施"
//! forms 基础设施, "公交车的实" + "时" forms 实时. Why: a printed line break falls
//! inside words all the time, and a true continuation completes the word
//! that the line cut, while a wrong neighbour almost never does.
//!
//! The dictionary is jieba's (MIT licence), embedded in the `jieba-rs` crate;
//! nothing is downloaded. Segmentation uses jieba's maximum-probability path
//! over the dictionary, without the HMM for unknown words, so a spanning
//! token is always a dictionary word.

use std::sync::OnceLock;

use jieba_rs::Jieba;

use crate::parse::chars::is_han;

/// How many characters each side of the junction the segmenter sees.
const CONTEXT: usize = 4;

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Loads the dictionary now rather than at the first junction, so that
/// timing a repair does not include the one-off load.
pub fn warm_up() {
    let _ = jieba();
}

/// Length in characters of the longest dictionary word that the best
/// segmentation of the joined context puts across the junction, or 0.
/// Only Han characters count: a junction at punctuation carries no word.
pub fn spanning_word(left: &str, right: &str) -> usize {
    let tail: Vec<char> = left.chars().rev().take(CONTEXT).collect::<Vec<_>>().into_iter().rev().collect();
    let head: Vec<char> = right.chars().take(CONTEXT).collect();
    let (Some(&last), Some(&first)) = (tail.last(), head.first()) else { return 0 };
    if !is_han(last) || !is_han(first) {
        return 0;
    }
    let joined: String = tail.iter().chain(head.iter()).collect();
    let boundary = tail.len();
    let mut position = 0;
    let mut best = 0;
    for token in jieba().cut(&joined, false) {
        let len = token.chars().count();
        if position < boundary && position + len > boundary {
            best = best.max(len);
        }
        position += len;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completed_words_span_the_junction() {
        assert!(spanning_word("通过手机查询公交车的实", "时位置,出行") >= 2);
        assert!(spanning_word("这座城市的基础设", "施建设") >= 2);
    }

    #[test]
    fn punctuation_and_wrong_neighbours_carry_no_word() {
        assert_eq!(spanning_word("今天完成了。", "明天继续"), 0);
        assert_eq!(spanning_word("基础设", "天气晴朗"), 0);
    }
}

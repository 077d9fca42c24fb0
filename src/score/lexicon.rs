//! Word signal for Chinese: does a dictionary word span the junction?
//!
//! In: the text on both sides of a candidate junction. Out: how strongly the
//! words of the language say the two pieces were one text — "基础设" + "施"
//! forms 基础设施, "公交车的实" + "时" forms 实时. Why: a printed line break falls
//! inside words all the time, and a true continuation completes the word
//! that the line cut, while a wrong neighbour almost never does.
//!
//! The words are jieba's dictionary (349,045 entries, MIT licence), shipped
//! in `data/zh_words.fst` and read by [`crate::parse::words`], which the
//! parser uses too; nothing is downloaded. A word spans the junction
//! when the last characters of the left piece and the first of the right
//! one form it. (Running jieba's segmenter over the joined context instead
//! gave the same corpus scores at four times the cost, plus 0.15 s to load
//! its dictionary in every process.)

pub use crate::parse::words::{spanning_word, warm_up, Tail};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completed_words_span_the_junction() {
        assert!(spanning_word("通过手机查询公交车的实", "时位置,出行") >= 2);
        assert!(spanning_word("这座城市的基础设", "施建设") >= 2);
    }

    #[test]
    fn one_tail_serves_every_candidate() {
        let tail = Tail::new("这座城市的基础设");
        for right in ["施建设", "天气晴朗", "，然后"] {
            assert_eq!(tail.spanning_word(right), spanning_word("这座城市的基础设", right), "{right}");
        }
        assert_eq!(tail.spanning_word("施建设"), 4);
    }

    #[test]
    fn gutter_noise_at_the_junction_hides_no_word() {
        assert!(spanning_word("这座城市的基础设 |", "| 施建设") >= 2);
        assert!(spanning_word("这座城市的基础设", ".施建设") >= 2);
    }

    #[test]
    fn punctuation_and_wrong_neighbours_carry_no_word() {
        assert_eq!(spanning_word("今天完成了。", "明天继续"), 0);
        assert_eq!(spanning_word("基础设", "天气晴朗"), 0);
    }
}

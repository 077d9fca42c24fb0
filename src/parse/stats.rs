//! Order statistics over measured sizes (cells, pixels), shared by the
//! parsers and the signals.
//!
//! In: a list of values. Out: one of them. Why: widths and heights on a page
//! are skewed by short last lines, headlines and noise, so the stages read
//! the middle value rather than the mean; the same middle everywhere keeps
//! their measures comparable.

/// The median of some values (the upper of the two middle values of an even
/// count); `None` when there are none.
pub fn median(mut values: Vec<f32>) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f32::total_cmp);
    Some(values[values.len() / 2])
}

/// The lower of the two middle values (the median of an odd count); `None`
/// when there are none.
pub fn lower_median(mut values: Vec<f32>) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f32::total_cmp);
    Some(values[(values.len() - 1) / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_an_even_count_is_the_upper_middle_and_lower_median_the_lower() {
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(3.0));
        assert_eq!(lower_median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(lower_median(vec![5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(Vec::new()), None);
        assert_eq!(lower_median(Vec::new()), None);
    }
}

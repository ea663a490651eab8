//! Long texts cut in the middle, for what findings quote from the inputs.
//!
//! A finding quotes names, lists and whole lines of its inputs; quoted in
//! full, one long line found wanting by every account would make a report
//! the product of the two. Each quoted value is cut to a bound, keeping
//! its head and tail (a right's name and the holder added, say), so a
//! report grows with the number of findings, not with what they quote.

use std::borrow::Cow;

/// The most characters one value a message quotes keeps.
pub const MAX_QUOTED: usize = 2_000;
/// The most characters any text of a finding keeps.
pub const MAX_TEXT: usize = 8_000;

/// `text` itself when it has at most `max` characters, else its first and
/// last `max / 2` with how many were left out between them.
pub fn middle(text: &str, max: usize) -> Cow<'_, str> {
    if text.char_indices().nth(max).is_none() {
        return Cow::Borrowed(text);
    }
    let total = text.chars().count();
    let keep = max / 2;
    let head_end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
    let tail_start = text
        .char_indices()
        .nth(total - keep)
        .map_or(text.len(), |(i, _)| i);
    let (head, tail) = (
        text.get(..head_end).unwrap_or_default(),
        text.get(tail_start..).unwrap_or_default(),
    );
    Cow::Owned(format!(
        "{head}… ({} characters left out) …{tail}",
        total - 2 * keep
    ))
}

/// [`middle`] of an owned text, reusing it when it is short enough.
pub fn middle_owned(text: String, max: usize) -> String {
    match middle(&text, max) {
        Cow::Borrowed(_) => text,
        Cow::Owned(cut) => cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_kept_and_long_ones_keep_both_ends() {
        assert!(matches!(middle("abc", 3), Cow::Borrowed("abc")));
        assert_eq!(middle("abcdefgh", 4), "ab… (4 characters left out) …gh");
        let long = format!("Se = {}*S-1-5-99", "é".repeat(10_000));
        let cut = middle(&long, 100);
        assert!(
            cut.starts_with("Se = éé") && cut.ends_with("*S-1-5-99"),
            "{cut}"
        );
        assert!(cut.contains("… (9914 characters left out) …"), "{cut}");
        assert!(cut.chars().count() < 140);
    }
}

//! Did-you-mean suggestions for misspelt names.

use strsim::normalized_damerau_levenshtein;

/// Least similarity (1.0 = equal) for a suggestion. 0.7 lets one typo
/// through in names of four or more characters (`nmae` → `name`,
/// `member_of` → `memberof`) but not in three-letter words (`foo` vs `for`).
pub(crate) const THRESHOLD: f64 = 0.7;

/// The closest candidate to `input`, compared case-insensitively, when it is close enough to be a likely typo.
///
/// Similarity is normalized Damerau–Levenshtein (so a swapped pair of letters
/// counts as one edit). Ties go to the first best candidate. An empty input
/// gets no suggestion.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if input.is_empty() {
        return None;
    }
    let input = input.to_lowercase();
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        let score = normalized_damerau_levenshtein(&input, &candidate.to_lowercase());
        if score >= THRESHOLD && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: [&str; 5] = ["memberof", "nologon", "name", "members", "sid"];

    #[test]
    fn typos_find_their_candidate() {
        assert_eq!(did_you_mean("member_of", FIELDS), Some("memberof"));
        assert_eq!(did_you_mean("no_logon", FIELDS), Some("nologon"));
        assert_eq!(did_you_mean("nmae", FIELDS), Some("name"));
        assert_eq!(did_you_mean("membres", FIELDS), Some("members"));
    }

    #[test]
    fn case_is_ignored_and_original_spelling_returned() {
        assert_eq!(did_you_mean("MemberOf", FIELDS), Some("memberof"));
        assert_eq!(did_you_mean("nologon", ["NoLogon"]), Some("NoLogon"));
    }

    #[test]
    fn unrelated_words_get_nothing() {
        assert_eq!(did_you_mean("foo", FIELDS), None);
        assert_eq!(did_you_mean("foo", ["for"]), None);
        assert_eq!(did_you_mean("colour", FIELDS), None);
        assert_eq!(did_you_mean("", FIELDS), None);
        assert_eq!(did_you_mean("name", []), None);
    }

    #[test]
    fn ties_go_to_the_first_candidate() {
        assert_eq!(did_you_mean("abcx", ["abcd", "abce"]), Some("abcd"));
        assert_eq!(did_you_mean("abcx", ["abce", "abcd"]), Some("abce"));
    }
}

//! Why a text is not a SID, worded for the person who wrote the template.

use std::fmt;

/// Every message ends with a real example, because most bad SIDs come from
/// hand edits and a concrete shape is the quickest fix.
const HINT: &str = "a SID looks like S-1-5-21-1004336348-1177238915-682003330-1105";

/// Values longer than this are shortened in messages; the full text is
/// already quoted at the start of the message.
const SHOWN_CHARS: usize = 12;

/// The part of a SID a message talks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SidPart {
    /// The `1` right after `S-`.
    Revision,
    /// The identifier authority, e.g. the `5` in `S-1-5-…`.
    Authority,
    /// A sub-authority, counted from 1 after the authority.
    SubAuthority(usize),
}

impl fmt::Display for SidPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SidPart::Revision => f.write_str("the revision"),
            SidPart::Authority => f.write_str("the identifier authority"),
            SidPart::SubAuthority(index) => write!(f, "sub-authority {index}"),
        }
    }
}

/// A text that is not a valid SID. Each variant keeps the offending text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
pub enum SidError {
    /// The text is empty.
    #[error("an empty text is not a valid SID; {HINT}")]
    #[diagnostic(code(gplint::sid::empty))]
    Empty,

    /// The text does not begin with `S-` (or `s-`).
    #[error("`{text}` is not a valid SID: it does not start with 'S-'; {HINT}")]
    #[diagnostic(code(gplint::sid::missing_prefix))]
    MissingPrefix {
        /// The offending text.
        text: String,
    },

    /// The text ends with `-`, so its last part is missing.
    #[error("`{text}` is not a valid SID: it ends with '-'; {HINT}")]
    #[diagnostic(code(gplint::sid::trailing_dash))]
    TrailingDash {
        /// The offending text.
        text: String,
    },

    /// Two dashes in a row, as in `S-1--5`.
    #[error("`{text}` is not a valid SID: it has an empty part ('--'); {HINT}")]
    #[diagnostic(code(gplint::sid::empty_part))]
    EmptyPart {
        /// The offending text.
        text: String,
    },

    /// Only `S-<revision>` is present.
    #[error(
        "`{text}` is not a valid SID: it stops after the revision, so the identifier \
         authority (the 5 in S-1-5-…) is missing; {HINT}"
    )]
    #[diagnostic(code(gplint::sid::missing_authority))]
    MissingAuthority {
        /// The offending text.
        text: String,
    },

    /// A part holds a character other than a decimal digit.
    #[error(
        "`{text}` is not a valid SID: {part} ({shown}) contains {found:?}, which is not a digit; {HINT}",
        shown = shorten(.value)
    )]
    #[diagnostic(code(gplint::sid::not_a_digit))]
    NotADigit {
        /// The offending text.
        text: String,
        /// Which part is wrong.
        part: SidPart,
        /// The wrong part as written.
        value: String,
        /// The first character that is not a digit.
        found: char,
    },

    /// A `0x` authority without 1 to 12 hex digits after it.
    #[error(
        "`{text}` is not a valid SID: the identifier authority ({shown}) should have 1 to 12 \
         hex digits after 0x; {HINT}",
        shown = shorten(.value)
    )]
    #[diagnostic(code(gplint::sid::bad_hex_authority))]
    BadHexAuthority {
        /// The offending text.
        text: String,
        /// The authority as written.
        value: String,
    },

    /// A revision other than 1.
    #[error(
        "`{text}` is not a valid SID: the revision is {shown}, but every SID has revision 1 \
         (S-1-…); {HINT}",
        shown = shorten(.value)
    )]
    #[diagnostic(code(gplint::sid::unsupported_revision))]
    UnsupportedRevision {
        /// The offending text.
        text: String,
        /// The revision as written.
        value: String,
    },

    /// An authority of 2^48 or more.
    #[error(
        "`{text}` is not a valid SID: the identifier authority ({shown}) is larger than \
         281474976710655; {HINT}",
        shown = shorten(.value)
    )]
    #[diagnostic(code(gplint::sid::authority_too_large))]
    AuthorityTooLarge {
        /// The offending text.
        text: String,
        /// The authority as written.
        value: String,
    },

    /// A sub-authority that does not fit in 32 bits.
    #[error(
        "`{text}` is not a valid SID: sub-authority {index} ({shown}) is larger than \
         4294967295; {HINT}",
        shown = shorten(.value)
    )]
    #[diagnostic(code(gplint::sid::sub_authority_too_large))]
    SubAuthorityTooLarge {
        /// The offending text.
        text: String,
        /// Position of the sub-authority, counted from 1.
        index: usize,
        /// The sub-authority as written.
        value: String,
    },

    /// More than 15 sub-authorities.
    #[error(
        "`{text}` is not a valid SID: it has {count} sub-authorities, but a SID has at most 15; {HINT}"
    )]
    #[diagnostic(code(gplint::sid::too_many_sub_authorities))]
    TooManySubAuthorities {
        /// The offending text.
        text: String,
        /// How many sub-authorities the text has.
        count: usize,
    },
}

impl SidError {
    /// The text that failed to parse (empty for [`SidError::Empty`]).
    pub fn text(&self) -> &str {
        match self {
            SidError::Empty => "",
            SidError::MissingPrefix { text }
            | SidError::TrailingDash { text }
            | SidError::EmptyPart { text }
            | SidError::MissingAuthority { text }
            | SidError::NotADigit { text, .. }
            | SidError::BadHexAuthority { text, .. }
            | SidError::UnsupportedRevision { text, .. }
            | SidError::AuthorityTooLarge { text, .. }
            | SidError::SubAuthorityTooLarge { text, .. }
            | SidError::TooManySubAuthorities { text, .. } => text,
        }
    }
}

/// Keeps messages readable when someone pastes a very long number.
fn shorten(value: &str) -> String {
    if value.chars().count() <= SHOWN_CHARS {
        return value.to_owned();
    }
    let head: String = value.chars().take(5).collect();
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_shown_whole() {
        assert_eq!(shorten("4294967296"), "4294967296");
    }

    #[test]
    fn long_values_are_cut_on_char_boundaries() {
        assert_eq!(shorten("99999999999999999999"), "99999…");
        assert_eq!(shorten("ééééééééééééééé"), "ééééé…");
    }

    #[test]
    fn text_returns_the_offending_input() {
        let error = SidError::TrailingDash {
            text: "S-1-5-".into(),
        };
        assert_eq!(error.text(), "S-1-5-");
        assert_eq!(SidError::Empty.text(), "");
    }

    #[test]
    fn parts_read_as_words() {
        assert_eq!(SidPart::SubAuthority(3).to_string(), "sub-authority 3");
        assert_eq!(SidPart::Authority.to_string(), "the identifier authority");
    }
}

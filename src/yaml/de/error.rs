//! The error type of the deserializer: what serde's derived code reports,
//! held until the deserializer words it with the node's place.

use std::fmt;

/// A problem met while typing a node. Every error that leaves one of the
/// deserializer's methods is [`Error::Reported`]: by then it is a
/// diagnostic in the sink, worded with its place.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Error {
    /// Already a diagnostic; the caller only has to give up on the value.
    #[error("reported")]
    Reported,
    /// A value of the wrong shape; `expected` is serde's wording.
    #[error("expected {expected}")]
    WrongShape {
        /// What the type wanted, e.g. "a sequence".
        expected: String,
    },
    /// A scalar the type refused.
    #[error("expected {expected}")]
    BadValue {
        /// What the type wanted.
        expected: String,
    },
    /// A scalar that is none of the names the type knows.
    #[error("unknown value `{found}`")]
    UnknownVariant {
        /// As written.
        found: String,
        /// The names it may be.
        expected: &'static [&'static str],
    },
    /// A required field that is not written.
    #[error("missing field `{0}`")]
    MissingField(&'static str),
    /// Anything else a type says, in its own words.
    #[error("{0}")]
    Custom(String),
}

impl serde::de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::Custom(message.to_string())
    }

    fn invalid_type(_: serde::de::Unexpected<'_>, expected: &dyn serde::de::Expected) -> Self {
        Error::WrongShape {
            expected: expected.to_string(),
        }
    }

    fn invalid_value(_: serde::de::Unexpected<'_>, expected: &dyn serde::de::Expected) -> Self {
        Error::BadValue {
            expected: expected.to_string(),
        }
    }

    fn invalid_length(_: usize, expected: &dyn serde::de::Expected) -> Self {
        Error::BadValue {
            expected: expected.to_string(),
        }
    }

    fn unknown_variant(found: &str, expected: &'static [&'static str]) -> Self {
        Error::UnknownVariant {
            found: found.to_owned(),
            expected,
        }
    }

    fn missing_field(field: &'static str) -> Self {
        Error::MissingField(field)
    }
}

//! The error type of the deserializer: what serde's derived code reports,
//! held until the deserializer words it with the node's place.

use std::fmt;

/// A problem met while typing a node. Every error that leaves one of the
/// deserializer's methods is [`Error::Reported`]: by then it is a
/// diagnostic in the sink, worded with its place.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Error {
    /// Already a diagnostic; the caller only has to give up on the value.
    Reported,
    /// A value of the wrong shape; `expected` is serde's wording.
    WrongShape {
        /// What the type wanted, e.g. "a sequence".
        expected: String,
    },
    /// A scalar the type refused.
    BadValue {
        /// What the type wanted.
        expected: String,
    },
    /// A scalar that is none of the names the type knows.
    UnknownVariant {
        /// As written.
        found: String,
        /// The names it may be.
        expected: &'static [&'static str],
    },
    /// A required field that is not written.
    MissingField(&'static str),
    /// Anything else a type says, in its own words.
    Custom(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Reported => f.write_str("reported"),
            Error::WrongShape { expected } => write!(f, "expected {expected}"),
            Error::BadValue { expected } => write!(f, "expected {expected}"),
            Error::UnknownVariant { found, .. } => write!(f, "unknown value `{found}`"),
            Error::MissingField(field) => write!(f, "missing field `{field}`"),
            Error::Custom(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

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

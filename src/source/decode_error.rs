//! Why a file's bytes could not be turned into template text.

use std::fmt;

use super::decode::Encoding;

/// A file that cannot be a security template, whatever its contents say.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
pub enum DecodeError {
    /// No bytes at all, or only a byte-order mark.
    #[error("the file is empty: a security template has at least one [Section]")]
    #[diagnostic(
        code(gplint::source::empty),
        help(
            "export a template with `secedit /export /cfg <file>.inf`, or check that this is the file you meant"
        )
    )]
    Empty,

    /// UTF-16 text needs two bytes per code unit.
    #[error(
        "the file is {} but has an odd number of bytes ({len}): it is truncated or not UTF-16",
        .encoding.label()
    )]
    #[diagnostic(
        code(gplint::source::odd_utf16_length),
        help(
            "restore the file from a good copy, or re-save it as UTF-16LE with BOM (what secedit writes)"
        )
    )]
    OddUtf16Length {
        /// File length in bytes, byte-order mark included.
        len: usize,
        /// The UTF-16 flavour that was detected.
        encoding: Encoding,
    },

    /// NUL characters or many control characters: not a text file.
    #[error(
        "the file holds binary data ({reason} at offset {byte_offset}), not a security template"
    )]
    #[diagnostic(
        code(gplint::source::binary),
        help("give a security template: a GPO's GptTmpl.inf or a `secedit /export` .inf file")
    )]
    Binary {
        /// Offset in the file (not the decoded text) of the first offending character.
        byte_offset: usize,
        /// What made the file look binary.
        reason: BinaryReason,
    },
}

/// What made [`DecodeError::Binary`] decide a file is binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryReason {
    /// A U+0000 character; no template contains one.
    Nul,
    /// More than 1% of the characters are unexpected C0 controls.
    ControlCharacters {
        /// How many such characters the file holds.
        count: usize,
    },
}

impl fmt::Display for BinaryReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BinaryReason::Nul => f.write_str("NUL byte"),
            BinaryReason::ControlCharacters { count } => {
                write!(f, "{count} control characters, the first")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_problem() {
        let nul = DecodeError::Binary {
            byte_offset: 12,
            reason: BinaryReason::Nul,
        };
        assert_eq!(
            nul.to_string(),
            "the file holds binary data (NUL byte at offset 12), not a security template"
        );
        let ctl = DecodeError::Binary {
            byte_offset: 3,
            reason: BinaryReason::ControlCharacters { count: 40 },
        };
        assert!(
            ctl.to_string()
                .contains("40 control characters, the first at offset 3")
        );
        let odd = DecodeError::OddUtf16Length {
            len: 1235,
            encoding: Encoding::Utf16LeBom,
        };
        assert_eq!(
            odd.to_string(),
            "the file is UTF-16LE with BOM but has an odd number of bytes (1235): it is truncated or not UTF-16"
        );
    }

    #[test]
    fn every_variant_has_code_and_help() {
        use miette::Diagnostic;
        let all = [
            DecodeError::Empty,
            DecodeError::OddUtf16Length {
                len: 3,
                encoding: Encoding::Utf16Le,
            },
            DecodeError::Binary {
                byte_offset: 0,
                reason: BinaryReason::Nul,
            },
        ];
        for e in all {
            assert!(e.code().is_some(), "{e}");
            assert!(e.help().is_some(), "{e}");
        }
    }
}

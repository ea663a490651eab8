//! The registry of gplint's own codes: one [`Code`] per code a user can
//! meet, with its severity, a one-line summary and a paragraph that says
//! what it means, why gplint says it and what to do.
//!
//! The table is one `codes!` invocation in `code/table.rs`, so a code, its
//! severity and its documentation are written in one place; `gplint
//! codes` and `docs/diagnostics.md` are rendered from it, and
//! `tests/diagnostic_codes.rs` fails on a code written in `src/` that the
//! table does not hold, or on an entry nothing uses.
//!
//! A variant's name is its code in PascalCase, every `::`, `-` and `_`
//! dropped (`template::unknown-right` is `TemplateUnknownRight`), so a
//! script can turn a literal into its variant.

mod table;

use std::fmt;

use serde::{Serialize, Serializer};

pub use table::Code;

use super::Severity;

/// Which kind of report a code names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeKind {
    /// A diagnostic that points into an input file: a template, the
    /// expectations file or a rule file.
    Diagnostic,
    /// A finding of `gplint check` about a waiver rather than a template.
    Finding,
    /// An input or output error: one line naming the path, no excerpt.
    /// Its code is written in a `#[diagnostic(code(…))]` attribute.
    Error,
}

impl CodeKind {
    /// The heading of the codes of this kind in `docs/diagnostics.md`.
    pub fn title(self) -> &'static str {
        match self {
            CodeKind::Diagnostic => "Diagnostics in input files",
            CodeKind::Finding => "Findings about waivers",
            CodeKind::Error => "Input and output errors",
        }
    }
}

/// The prefixes of the codes (`template` of `template::unknown-right`) in
/// the order of the data flow, each with what it covers. `docs/diagnostics.md`
/// and the listing group the codes by it.
pub const STAGES: &[(&str, &str)] = &[
    ("source", "decoding a file's bytes into text"),
    ("syntax", "the lines and sections of a security template"),
    ("template", "what a security template's sections say"),
    ("yaml", "reading a YAML file (services.yaml or a rule file)"),
    ("expect", "the expectations file, services.yaml"),
    ("scope", "joining the expectations' GPO names to the inputs"),
    ("rule", "rule files, built-in and --rules"),
    (
        "waiver",
        "waivers in services.yaml, against the rules and findings",
    ),
    ("gplint::source", "reading an input file"),
    ("gplint::sid", "a text that should be a SID"),
    ("gplint::discover", "walking GPO folders and GPMC backups"),
    (
        "gplint::directory",
        "reading a directory export (LDIF or BloodHound)",
    ),
    ("gplint::output", "writing the result"),
    ("gplint::args", "the command line"),
    ("gplint::input", "the inputs named on the command line"),
    ("gplint::expect_file", "finding the expectations file"),
    (
        "gplint::diff",
        "reading a git revision given to `gplint diff`",
    ),
];

impl Code {
    /// The code whose string is `text`, exactly as gplint prints it.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|code| code.as_str() == text)
    }

    /// The prefix before the last `::`: `template` of
    /// `template::unknown-right`, `gplint::source` of
    /// `gplint::source::too_large`.
    pub fn stage(self) -> &'static str {
        let text = self.as_str();
        text.rsplit_once("::").map_or(text, |(stage, _)| stage)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Serialised as its string, as reports have always written codes.
impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

// Comparisons with strings, so that tests written against the code's
// string (`assert_eq!(diagnostic.code, "expect::bad-sid")`) keep compiling
// once `Diagnostic.code` is a `Code`.

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Code> for str {
    fn eq(&self, other: &Code) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.as_str()
    }
}

/// Writes the table: the enum with one variant per entry, `Code::ALL` in
/// table order, and one `const fn` per column. Each entry is
///
/// ```text
/// Variant {
///     code: "stage::name",
///     severity: Error | Warning | Note,
///     kind: Diagnostic | Finding | Error,
///     summary: "one line, lower case, no full stop",
///     doc: "what it means, why gplint says it, what to do.",
/// },
/// ```
macro_rules! codes {
    ($(
        $variant:ident {
            code: $code:literal,
            severity: $severity:ident,
            kind: $kind:ident,
            summary: $summary:literal,
            doc: $doc:literal $(,)?
        }
    ),* $(,)?) => {
        /// One of gplint's own codes: a diagnostic in an input file, a
        /// finding about a waiver, or an input or output error.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $(
                #[doc = $summary]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in table order: by stage, in the order of the data flow.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as printed, e.g. `template::unknown-right`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// The severity the code is reported with.
            pub const fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// Which kind of report it names.
            pub const fn kind(self) -> CodeKind {
                match self {
                    $(Code::$variant => CodeKind::$kind,)*
                }
            }

            /// One line, for listings.
            pub const fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)*
                }
            }

            /// What it means, why gplint says it, and what to do.
            pub const fn doc(self) -> &'static str {
                match self {
                    $(Code::$variant => $doc,)*
                }
            }
        }
    };
}

use codes;

#[cfg(test)]
mod tests;

//! What discovery did not read, and what the run misses because of it.

use std::fmt;
use std::path::PathBuf;

use super::error::DiscoverError;
use super::listing::Kind;

/// An item below a tree that gplint did not read. Each gets a warning
/// line, the rest of the tree is still read, and a run with any ends with
/// exit code 2.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{}", self.describe())]
#[diagnostic(code(gplint::discover::skipped))]
pub struct Skipped {
    /// The link, pipe, file or folder not read.
    pub path: PathBuf,
    /// Why it was not read.
    pub reason: SkipReason,
    /// What the run misses because of it.
    pub effect: Effect,
}

/// Why an item was not read.
#[derive(Debug)]
pub enum SkipReason {
    /// A symbolic link: inside a tree none is followed, since it could
    /// point anywhere (outside the tree, at a secret, back up in a loop).
    Link,
    /// An entry of the wrong kind: a named pipe, socket or device, a
    /// folder where a file belongs, or a file where a folder belongs.
    Kind {
        /// What it is, e.g. "a named pipe (FIFO)".
        found: &'static str,
        /// What was looked for, e.g. "a regular file".
        wanted: &'static str,
    },
    /// A folder that could not be listed or a file that could not be read.
    Error(DiscoverError),
}

/// What the run misses because an item was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum Effect {
    /// Whatever is behind it is not searched for GPOs.
    NotSearched,
    /// It is on the way to the template of the GPO in this folder: the
    /// GPO is checked without its template.
    NoTemplate(PathBuf),
    /// It is a `GPT.INI`: the GPO is named by its folder, not its display
    /// name.
    NoName,
    /// It is the metadata of the GPO in this folder, which is left out.
    LeftOut(PathBuf),
}

impl Skipped {
    pub(super) fn new(path: impl Into<PathBuf>, reason: SkipReason, effect: Effect) -> Self {
        Skipped {
            path: path.into(),
            reason,
            effect,
        }
    }

    /// One entry found in a folder that is of the wrong kind for `want`.
    pub(super) fn kind(
        path: impl Into<PathBuf>,
        kind: Kind,
        wanted: Wanted,
        effect: Effect,
    ) -> Self {
        let reason = match kind {
            Kind::Link => SkipReason::Link,
            Kind::File => SkipReason::Kind {
                found: "a file",
                wanted: wanted.words(),
            },
            Kind::Dir => SkipReason::Kind {
                found: "a folder",
                wanted: wanted.words(),
            },
            Kind::Other(found) => SkipReason::Kind {
                found,
                wanted: wanted.words(),
            },
        };
        Skipped::new(path, reason, effect)
    }

    fn describe(&self) -> String {
        let path = self.path.display();
        let what = match &self.reason {
            SkipReason::Link => format!(
                "skipped `{path}`: it is a symbolic link, which gplint does not follow inside a folder (copy what it points to into the folder, or give that as an argument)"
            ),
            SkipReason::Kind { found, wanted } => {
                format!("skipped `{path}`: it is {found}, not {wanted}")
            }
            SkipReason::Error(error) => crate::diagnostic::error_chain(error),
        };
        format!("{what}{}", self.effect)
    }
}

/// What was looked for where an entry of the wrong kind was found.
#[derive(Clone, Copy, Debug)]
pub(super) enum Wanted {
    File,
    Dir,
    /// In a folder searched for GPOs: a file or a folder.
    Either,
}

impl Wanted {
    fn words(self) -> &'static str {
        match self {
            Wanted::File => "a regular file",
            Wanted::Dir => "a folder",
            Wanted::Either => "a regular file or a folder",
        }
    }
}

/// The effect as the end of a warning line: empty, or `; …`.
impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Effect::NotSearched => Ok(()),
            Effect::NoTemplate(gpo) => write!(
                f,
                "; the GPO in `{}` is checked without its template",
                gpo.display()
            ),
            Effect::NoName => f.write_str("; its GPO is named by its folder instead"),
            Effect::LeftOut(gpo) => write!(f, "; the GPO in `{}` is left out", gpo.display()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_names_the_item_why_and_what_it_costs() {
        let link = Skipped::kind("t/loop", Kind::Link, Wanted::Either, Effect::NotSearched);
        assert!(
            link.to_string()
                .starts_with("skipped `t/loop`: it is a symbolic link"),
            "{link}"
        );
        let pipe = Skipped::kind(
            "g/GptTmpl.inf",
            Kind::Other("a named pipe (FIFO)"),
            Wanted::File,
            Effect::NoTemplate("g".into()),
        );
        assert_eq!(
            pipe.to_string(),
            "skipped `g/GptTmpl.inf`: it is a named pipe (FIFO), not a regular file; the GPO in `g` is checked without its template"
        );
        let ini = Skipped::new(
            "g/GPT.INI",
            SkipReason::Error(DiscoverError::Decode {
                path: "g/GPT.INI".into(),
                source: crate::source::DecodeError::Empty,
            }),
            Effect::NoName,
        );
        let line = ini.to_string();
        assert!(
            line.starts_with("cannot read `g/GPT.INI` as text"),
            "{line}"
        );
        assert!(
            line.ends_with("; its GPO is named by its folder instead"),
            "{line}"
        );
    }
}

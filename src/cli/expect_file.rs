//! Why the expectations file (`--expect`) could not be read, said in its
//! own terms: a read error is otherwise worded for a security template.

use std::path::Path;

use crate::source::{DecodeError, SourceError};

/// The expectations file could not be read.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ExpectFileError {
    /// Nothing at the path; `similar` is a file beside it that is likely
    /// the one meant (`services.yaml.txt`, `services.yml`, another case).
    #[error("the expectations file `{path}` does not exist; {}", next_step(.similar, .init))]
    #[diagnostic(
        code(gplint::expect_file::missing),
        help("write a first one from the templates with `{init}`, then review it")
    )]
    Missing {
        /// `--expect` as given.
        path: String,
        /// A file beside it with a near name, as a path.
        similar: Option<String>,
        /// The `gplint init …` command line that writes one.
        init: String,
    },

    /// A folder where the file should be.
    #[error("the expectations file `{path}` is a folder{}", folder_hint(.inside))]
    #[diagnostic(
        code(gplint::expect_file::folder),
        help("--expect takes the file itself, such as services.yaml")
    )]
    Folder {
        /// `--expect` as given.
        path: String,
        /// The expectations file in that folder, when there is one.
        inside: Option<String>,
    },

    /// No bytes at all (or only a byte-order mark).
    #[error(
        "the expectations file `{path}` is empty: it declares the accounts and groups gplint checks and how they must log on; write a first one with `{init}`"
    )]
    #[diagnostic(
        code(gplint::expect_file::empty),
        help("write a first one from the templates with `{init}`, then review it")
    )]
    Empty {
        /// `--expect` as given.
        path: String,
        /// The `gplint init …` command line that writes one.
        init: String,
    },

    /// Bytes that are no text: binary data, truncated UTF-16.
    #[error("the expectations file `{path}` is not a text file: {reason}")]
    #[diagnostic(
        code(gplint::expect_file::not_text),
        help("give the services.yaml file, saved as UTF-8 (or UTF-16 with a byte-order mark)")
    )]
    NotText {
        /// `--expect` as given.
        path: String,
        /// What is wrong with the bytes.
        reason: String,
    },

    /// Any other failure to read it (permission, a pipe, a limit), whose
    /// message already speaks of the file and not of a template.
    #[error("expectations file")]
    #[diagnostic(transparent)]
    Read(#[source] SourceError),
}

fn next_step(similar: &Option<String>, init: &str) -> String {
    match similar {
        Some(similar) => format!("did you mean `{similar}`?"),
        None => format!("write a first one with `{init}`, then review it"),
    }
}

fn folder_hint(inside: &Option<String>) -> String {
    match inside {
        Some(inside) => format!("; did you mean `{inside}`?"),
        None => "; give the file itself (services.yaml)".to_owned(),
    }
}

/// The error to report for a failed read of the expectations file at
/// `path`; `templates` are the template paths of the run, for the
/// `gplint init` command line the help suggests.
pub fn explain(
    error: SourceError,
    path: &Path,
    templates: &[std::path::PathBuf],
) -> ExpectFileError {
    let shown = || path.display().to_string();
    match error {
        SourceError::NotFound { path: name } => ExpectFileError::Missing {
            path: name,
            similar: similar(path).map(|p| p.display().to_string()),
            init: init_line(templates, path),
        },
        SourceError::IsDirectory { path: name } => ExpectFileError::Folder {
            path: name,
            inside: inside(path).map(|p| p.display().to_string()),
        },
        SourceError::Decode {
            source: DecodeError::Empty,
            ..
        } => ExpectFileError::Empty {
            path: shown(),
            init: init_line(templates, path),
        },
        SourceError::Decode { path: name, source } => ExpectFileError::NotText {
            path: name,
            reason: not_text_reason(&source),
        },
        other => ExpectFileError::Read(other),
    }
}

/// What is wrong with the bytes, without the words about templates.
fn not_text_reason(error: &DecodeError) -> String {
    match error {
        DecodeError::Binary {
            byte_offset,
            reason,
        } => format!("it holds binary data ({reason} at offset {byte_offset})"),
        other => other.to_string(),
    }
}

/// `gplint init T1 T2 > services.yaml`, with the run's templates (or a
/// placeholder) and the expectations path as given.
fn init_line(templates: &[std::path::PathBuf], expect: &Path) -> String {
    let mut words: Vec<String> = templates.iter().map(|p| shell_word(p)).collect();
    if words.is_empty() {
        words.push("GptTmpl.inf".to_owned());
    }
    format!("gplint init {} > {}", words.join(" "), shell_word(expect))
}

/// A path as one shell word: quoted when it holds a space or a quote.
fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    if text
        .chars()
        .any(|c| c.is_whitespace() || "'\"$`&|;<>()".contains(c))
    {
        format!("'{}'", text.replace('\'', r"'\''"))
    } else {
        text
    }
}

/// The names an expectations file is saved under by mistake, or meant by
/// another spelling: `services.yaml.txt` (Notepad), `services.yml`, or
/// the name in another case.
fn similar(path: &Path) -> Option<std::path::PathBuf> {
    let name = path.file_name()?.to_str()?.to_lowercase();
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
        .unwrap_or(&name);
    let wanted = [
        name.clone(),
        format!("{name}.txt"),
        format!("{stem}.yaml"),
        format!("{stem}.yml"),
        format!("{stem}.yaml.txt"),
        format!("{stem}.yml.txt"),
    ];
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut found: Vec<_> = std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .take(10_000)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter_map(|entry| {
            let candidate = entry.file_name().to_str()?.to_owned();
            let rank = wanted.iter().position(|w| *w == candidate.to_lowercase())?;
            Some((rank, candidate))
        })
        .collect();
    found.sort();
    let (_, candidate) = found.into_iter().next()?;
    Some(beside(path, &candidate))
}

/// The expectations file in a folder given as `--expect`.
fn inside(folder: &Path) -> Option<std::path::PathBuf> {
    ["services.yaml", "services.yml"]
        .into_iter()
        .map(|name| folder.join(name))
        .find(|candidate| candidate.is_file())
}

/// `name` in the folder of `path`, written as the user wrote the folder.
fn beside(path: &Path, name: &str) -> std::path::PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.join(name),
        _ => std::path::PathBuf::from(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::one_line;

    fn read_error(path: &Path) -> ExpectFileError {
        let error = crate::source::SourceFile::read(path).unwrap_err();
        explain(error, path, &[std::path::PathBuf::from("GptTmpl.inf")])
    }

    #[test]
    fn a_missing_file_beside_a_txt_copy_says_did_you_mean() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("services.yaml.txt"), "x").unwrap();
        let line = one_line(&read_error(&dir.path().join("services.yaml")));
        assert!(line.contains("the expectations file `"), "{line}");
        assert!(line.contains("does not exist; did you mean `"), "{line}");
        assert!(line.contains("services.yaml.txt`?"), "{line}");
    }

    #[test]
    fn a_missing_file_finds_yml_and_another_case_but_not_a_stranger() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Services.YML"), "x").unwrap();
        let found = similar(&dir.path().join("services.yaml")).unwrap();
        assert!(found.ends_with("Services.YML"), "{found:?}");
        assert_eq!(similar(&dir.path().join("accounts.yaml")), None);
    }

    #[test]
    fn a_missing_file_alone_says_how_to_write_one() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_error(&dir.path().join("services.yaml"));
        let ExpectFileError::Missing { similar, init, .. } = &error else {
            panic!("{error:?}");
        };
        assert_eq!(*similar, None);
        assert!(init.starts_with("gplint init GptTmpl.inf > "), "{init}");
    }

    #[test]
    fn a_folder_points_at_the_file_inside() {
        let dir = tempfile::tempdir().unwrap();
        let line = one_line(&read_error(dir.path()));
        assert!(line.contains("is a folder; give the file itself"), "{line}");
        std::fs::write(dir.path().join("services.yaml"), "x").unwrap();
        let line = one_line(&read_error(dir.path()));
        assert!(line.contains("is a folder; did you mean `"), "{line}");
        assert!(!line.contains("template"), "{line}");
    }

    #[test]
    fn an_empty_file_is_named_as_the_expectations_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("services.yaml");
        std::fs::write(&path, b"").unwrap();
        let line = one_line(&read_error(&path));
        assert!(line.contains("is empty"), "{line}");
        assert!(line.contains("gplint init GptTmpl.inf"), "{line}");
        assert!(!line.contains("security template"), "{line}");
    }

    #[test]
    fn paths_with_spaces_are_quoted_in_the_init_line() {
        let line = init_line(
            &[std::path::PathBuf::from("My GPOs")],
            Path::new("services.yaml"),
        );
        assert_eq!(line, "gplint init 'My GPOs' > services.yaml");
    }
}

//! Reading a folder of user rule files: the only I/O of the rule engine.
//!
//! A rule folder is committed with the code it checks, so anyone who can
//! open a pull request can put anything in it. Its files are read as
//! templates are: a symbolic link (`x.yaml -> /proc/self/environ`), a
//! named pipe or a device is refused without being followed or opened,
//! and no file is read past `--max-file-size`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::load_error::{RuleLoadError, error};
use crate::diagnostic::Code;
use crate::source::{Links, SourceError, read_bytes};
use crate::span::Span;

/// The `*.yaml` and `*.yml` entries directly in `dir` as `(path, text)`,
/// sorted by file name so rules load in the same order everywhere.
/// Folders are not rule files and are passed over; every other entry so
/// named that cannot be read is reported, not only the first.
pub(super) fn read(
    dir: &Path,
    max_file_size: u64,
) -> Result<Vec<(String, String)>, Vec<RuleLoadError>> {
    let paths = rule_paths(dir).map_err(|e| vec![unreadable(dir, &e.to_string())])?;
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match read_rule(&path, max_file_size) {
            Ok(text) => sources.push((path.display().to_string(), text)),
            Err(why) => errors.push(unreadable(&path, &why)),
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

/// The rule-named entries that are not folders, links and pipes
/// included, so that reading them says what they are.
fn rule_paths(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if is_rule_file(&path) && !entry.file_type()?.is_dir() {
            paths.push(path);
        }
    }
    paths.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(paths)
}

/// The text of one rule file, or why it cannot be had.
fn read_rule(path: &Path, max_file_size: u64) -> Result<String, String> {
    let name = path.display().to_string();
    let bytes = read_bytes(&name, path, max_file_size, Links::Refuse).map_err(|e| reason(&e))?;
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text; save it as UTF-8".to_owned())
}

/// A refusal in the words of the rule folder: the source error names the
/// path itself, which the message already does.
fn reason(error: &SourceError) -> String {
    match error {
        SourceError::Link { .. } => "it is a symbolic link, which gplint does not follow in a rule folder; copy the rule file into the folder".to_owned(),
        SourceError::NotAFile { what, .. } => format!("it is {what}, not a regular file"),
        SourceError::TooLarge { size, limit, .. } => format!(
            "it is {size} bytes, more than the limit of {limit} bytes for one input file; raise the limit with --max-file-size if it is the file you meant"
        ),
        SourceError::Io { source, .. } => source.kind().to_string(),
        other => other.to_string(),
    }
}

fn is_rule_file(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"))
}

fn unreadable(path: &Path, why: &str) -> RuleLoadError {
    let file = path.display().to_string();
    let message = format!("cannot read rules from {file}: {why}");
    RuleLoadError {
        file,
        text: std::sync::Arc::from(""),
        diagnostic: error(Code::RuleUnreadable, message, Span::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: u64 = 1 << 20;

    #[test]
    fn reads_rule_files_sorted_and_skips_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("b.yml"), "b").unwrap();
        fs::write(dir.path().join("a.YAML"), "a").unwrap();
        fs::write(dir.path().join("notes.md"), "no").unwrap();
        fs::create_dir(dir.path().join("sub.yaml")).unwrap();
        let found = read(dir.path(), MAX).unwrap();
        let texts: Vec<&str> = found.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(texts, ["a", "b"]);
        assert!(found[0].0.ends_with("a.YAML"), "{}", found[0].0);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        let errors = read(&missing, MAX).unwrap_err();
        let error = &errors[0];
        assert_eq!(error.diagnostic.code, "rule::unreadable");
        assert!(error.file.ends_with("nope"), "{}", error.file);
        assert!(error.text.is_empty());
    }

    #[test]
    fn each_file_that_is_not_utf8_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("bad.yaml"), [0xff, 0xfe, 0x00]).unwrap();
        fs::write(dir.path().join("good.yaml"), "id: x").unwrap();
        fs::write(dir.path().join("worse.yaml"), [0xc3]).unwrap();
        let errors = read(dir.path(), MAX).unwrap_err();
        let files: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(files.len(), 2);
        assert!(files[0].ends_with("bad.yaml"), "{}", files[0]);
        assert!(files[1].ends_with("worse.yaml"), "{}", files[1]);
    }

    #[test]
    fn a_link_is_refused_unread_and_a_large_file_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/proc/self/environ", dir.path().join("env.yaml")).unwrap();
        fs::write(dir.path().join("big.yaml"), "x".repeat(100)).unwrap();
        let errors = read(dir.path(), 10).unwrap_err();
        let messages: Vec<&str> = errors
            .iter()
            .map(|e| e.diagnostic.message.as_str())
            .collect();
        assert!(
            messages[0].contains("big.yaml: it is 100 bytes"),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].contains("env.yaml: it is a symbolic link"),
            "{}",
            messages[1]
        );
        assert!(errors.iter().all(|e| e.text.is_empty()));
    }
}

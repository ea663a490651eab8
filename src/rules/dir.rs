//! Reading a folder of user rule files: the only I/O of the rule engine.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::load_error::{RuleLoadError, error};
use crate::span::Span;

/// The `*.yaml` and `*.yml` files directly in `dir` as `(path, text)`,
/// sorted by file name so rules load in the same order everywhere. Every
/// file that cannot be read is reported, not only the first.
pub(super) fn read(dir: &Path) -> Result<Vec<(String, String)>, Vec<RuleLoadError>> {
    let paths = rule_paths(dir).map_err(|e| vec![unreadable(dir, &e)])?;
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match fs::read_to_string(&path) {
            Ok(text) => sources.push((path.display().to_string(), text)),
            Err(e) => errors.push(unreadable(&path, &e)),
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

fn rule_paths(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && is_rule_file(&path) {
            paths.push(path);
        }
    }
    paths.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(paths)
}

fn is_rule_file(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"))
}

fn unreadable(path: &Path, cause: &io::Error) -> RuleLoadError {
    let file = path.display().to_string();
    let message = format!("cannot read rules from {file}: {cause}");
    RuleLoadError {
        file,
        text: std::sync::Arc::from(""),
        diagnostic: error("rule::unreadable", message, Span::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rule_files_sorted_and_skips_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("b.yml"), "b").unwrap();
        fs::write(dir.path().join("a.YAML"), "a").unwrap();
        fs::write(dir.path().join("notes.md"), "no").unwrap();
        fs::create_dir(dir.path().join("sub.yaml")).unwrap();
        let found = read(dir.path()).unwrap();
        let texts: Vec<&str> = found.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(texts, ["a", "b"]);
        assert!(found[0].0.ends_with("a.YAML"), "{}", found[0].0);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        let errors = read(&missing).unwrap_err();
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
        let errors = read(dir.path()).unwrap_err();
        let files: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(files.len(), 2);
        assert!(files[0].ends_with("bad.yaml"), "{}", files[0]);
        assert!(files[1].ends_with("worse.yaml"), "{}", files[1]);
    }
}

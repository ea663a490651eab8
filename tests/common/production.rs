//! Reading `src/**/*.rs` as the scans of `tests/layers.rs` and
//! `tests/diagnostic_codes.rs` need it: comments cut, `#[cfg(test)]`
//! items blanked (line numbers kept), test-only files recognised.

use std::path::{Path, PathBuf};

/// The lines of `text` with comments cut and `#[cfg(test)]` items
/// blanked, so line numbers stay those of the file.
pub fn production_lines(file: &str, text: &str, test_files: &mut Vec<PathBuf>) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.trim() != "#[cfg(test)]" {
            out.push(strip_comment(line));
            i += 1;
            continue;
        }
        let end = test_item_end(file, &lines, i, test_files);
        out.extend((i..=end).map(|_| String::new()));
        i = end + 1;
    }
    out
}

/// The last line of the item that `#[cfg(test)]` on line `at` applies
/// to: a one-line item, or a block closed by a `}` at the item's indent
/// (as rustfmt writes it).
fn test_item_end(file: &str, lines: &[&str], at: usize, test_files: &mut Vec<PathBuf>) -> usize {
    let mut item = at + 1;
    while lines
        .get(item)
        .is_some_and(|l| l.trim_start().starts_with("#["))
    {
        item += 1;
    }
    let Some(first) = lines.get(item) else {
        return at;
    };
    let trimmed = first.trim();
    if trimmed.ends_with(';') {
        if let Some(name) = trimmed
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub ")
            .strip_prefix("mod ")
        {
            test_files.push(child_dir(file).join(name.trim_end_matches(';')));
        }
        return item;
    }
    let indent = &first[..first.len() - first.trim_start().len()];
    let close = format!("{indent}}}");
    (item + 1..lines.len())
        .find(|&j| lines[j].trim_end() == close)
        .unwrap_or(lines.len() - 1)
}

/// The folder of the child modules of `file`.
fn child_dir(file: &str) -> PathBuf {
    let path = Path::new(file);
    let parent = path.parent().unwrap_or(Path::new(""));
    match path.file_stem().and_then(|s| s.to_str()) {
        Some("mod") | Some("lib") | None => parent.to_path_buf(),
        Some(stem) => parent.join(stem),
    }
}

/// `line` without a `//` comment, keeping `//` inside string literals.
fn strip_comment(line: &str) -> String {
    let mut in_string = false;
    let mut previous = ' ';
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '"' && previous != '\\' && !(previous == '\'' && chars.get(i + 1) == Some(&'\'')) {
            in_string = !in_string;
        }
        if !in_string && c == '/' && chars.get(i + 1) == Some(&'/') {
            return chars[..i].iter().collect();
        }
        previous = c;
    }
    line.to_owned()
}

/// Whether `file` is `x.rs` or under `x/` for a `#[cfg(test)] mod x;`.
pub fn is_test_file(file: &Path, test_files: &[PathBuf]) -> bool {
    test_files
        .iter()
        .any(|t| file.starts_with(t) || file == t.with_extension("rs"))
}

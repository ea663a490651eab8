//! One repository address: Cargo.toml's `repository`. Every file of the
//! tree that names a gplint repository on GitHub names that one, and none
//! names the unrelated project whose name the crate shares.

use std::path::Path;

use walkdir::WalkDir;

/// The unrelated Gherkin linter's repository, spelled in two halves so
/// that this file does not match itself.
const OTHER_PROJECT: [&str; 2] = ["github.com/gplint", "/gplint"];

/// Text files of the tree, without build output and version control.
fn files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| !matches!(e.file_name().to_str(), Some("target" | ".git")))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            let name = e.path().strip_prefix(root).ok()?.display().to_string();
            Some((name, text))
        })
        .collect()
}

#[test]
fn no_file_names_the_unrelated_gplint_project() {
    let other = OTHER_PROJECT.concat();
    let named: Vec<String> = files()
        .into_iter()
        .filter(|(_, text)| text.contains(&other))
        .map(|(name, _)| name)
        .collect();
    assert!(named.is_empty(), "{other} in {named:?}");
}

#[test]
fn every_repository_address_is_the_one_of_cargo_toml() {
    let ours = env!("CARGO_PKG_REPOSITORY");
    let address = regex::Regex::new(r"https://github\.com/[\w.-]+/gplint\b").unwrap();
    let mut seen = 0;
    for (name, text) in files() {
        for found in address.find_iter(&text) {
            assert_eq!(found.as_str(), ours, "{name}");
            seen += 1;
        }
    }
    // README, schemas, the action, the pre-commit hook and the snapshot.
    assert!(
        seen >= 5,
        "only {seen} addresses found: is the scan reading files?"
    );
}

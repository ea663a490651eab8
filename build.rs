//! Embeds the built-in rule pack: every `rules/*.yaml` (and `*.yml`) at the
//! crate root becomes one `(file name, text)` entry in
//! `$OUT_DIR/builtin_rules.rs`, sorted by file name, through `include_str!`
//! so the binary needs no files at run time.
//!
//! A missing or empty `rules/` folder gives an empty list: the rule pack is
//! written separately and may not exist yet.

use std::env;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

fn main() -> io::Result<()> {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let rules = manifest.join("rules");
    // Cargo watches a directory by scanning it, so added, removed and edited
    // rule files all re-run this script.
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=build.rs");
    let files = rule_files(&rules)?;
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    fs::write(out.join("builtin_rules.rs"), generate(&rules, &files))
}

/// The names of the rule files in `dir`, sorted; none when it does not exist.
fn rule_files(dir: &Path) -> io::Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_file() && is_rule_file(&name) {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

fn is_rule_file(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// Rust source for the list; `{:?}` writes valid string literals, and the
/// absolute path keeps `include_str!` independent of where `OUT_DIR` is.
fn generate(dir: &Path, files: &[String]) -> String {
    let mut code = String::from(
        "/// The built-in rule files: (`rules/<file>`, text), sorted by file name.\n\
         pub(crate) static BUILTIN_RULES: &[(&str, &str)] = &[\n",
    );
    for name in files {
        let path = dir.join(name);
        let shown = format!("rules/{name}");
        code.push_str(&format!(
            "    ({shown:?}, include_str!({:?})),\n",
            path.to_string_lossy()
        ));
    }
    code.push_str("];\n");
    code
}

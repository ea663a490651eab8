//! `check --baseline BASE`: only what the head adds to BASE counts.
//!
//! BASE is a saved JSON report (`check --format json -o FILE`), told by
//! its content (a JSON object), or a path read as `check` reads its
//! inputs and checked with the same expectations, rules and options.
//! Findings are matched by the `gplint/v2` fingerprint (rule, GPO,
//! account, logon type, entry text; see [`crate::finding::identity`]),
//! which no line moving or message changing alters. A finding grouped
//! over several scopes matches by that identity alone, which holds no
//! scope: an old cause that now reaches one more scope is not new.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::check::{Run, Setting, check_inputs};
use super::{CheckArgs, Io, inputs, repo_root};
use crate::check::select::Shown;
use crate::finding::identity::guid_folder;
use crate::finding::{BaselineState, Finding};
use crate::progress::Progress;
use crate::report::{Sources, one_line, sarif};
use crate::source::SourceFile;

/// The base's findings, as the keys the head's are matched against.
pub struct Base {
    keys: HashSet<String>,
    keyed: Keyed,
}

/// How a GPO outside a `{GUID}` folder is named in the keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keyed {
    /// As in SARIF and the JSON report: relative to the repository.
    Repository,
    /// Relative to the path given on the command line (BASE for the base,
    /// the PATHs for the head), so two trees in different folders match.
    Input,
}

/// A saved JSON report of `check`: only what matching needs.
#[derive(Deserialize)]
struct Saved {
    version: u32,
    findings: Vec<SavedFinding>,
}

#[derive(Deserialize)]
struct SavedFinding {
    fingerprint: Option<String>,
}

/// Reads and, for a path, checks BASE. `None` after saying on stderr why
/// BASE cannot serve (the run then exits with 2).
pub fn load(
    base: &Path,
    setting: &Setting<'_>,
    io: &mut Io<'_>,
    progress: &dyn Progress,
) -> Option<Base> {
    let args = setting.args;
    if let Some(text) = json_text(base, args) {
        return match saved_keys(&text) {
            Ok(keys) => Some(Base {
                keys,
                keyed: Keyed::Repository,
            }),
            Err(why) => {
                say(base, &why, io);
                None
            }
        };
    }
    let read = inputs::read(&[base.to_owned()], &args.limits, io, progress);
    if read.failed {
        let why = "it is neither a saved JSON report (`gplint check --format json -o FILE`) \
                   nor a template, GPO folder, SYSVOL or backup tree that could be read in full \
                   (see above); nothing was compared";
        say(base, why, io);
        return None;
    }
    let Run { findings, .. } = check_inputs(&read, setting, false, io, progress)?;
    let sources = Sources {
        templates: &read.sources,
        expectations: setting.expect_source,
    };
    let roots = [base.to_owned()];
    let keys = findings
        .iter()
        .map(|f| input_key(f, &sources, &roots))
        .collect();
    Some(Base {
        keys,
        keyed: Keyed::Input,
    })
}

impl Base {
    /// Marks each of the head's findings new or existing; without
    /// `--baseline-show-all` the existing ones are dropped and counted in
    /// the summary line.
    pub fn apply(
        &self,
        findings: &mut Vec<Finding>,
        sources: &Sources<'_>,
        shown: &mut Shown,
        args: &CheckArgs,
    ) {
        let paths = match self.keyed {
            Keyed::Repository => Some(repo_root::paths(args.ci.repo_root.as_deref())),
            Keyed::Input => None,
        };
        for finding in findings.iter_mut() {
            let key = match &paths {
                Some(paths) => sarif::fingerprint(finding, sources, paths),
                None => input_key(finding, sources, &args.files),
            };
            finding.baseline = Some(match self.keys.contains(&key) {
                true => BaselineState::Existing,
                false => BaselineState::New,
            });
        }
        if !args.baseline_show_all {
            let before = findings.len();
            findings.retain(|f| !f.is_existing());
            shown.hidden.on_base = before - findings.len();
        }
    }
}

/// Says on stderr why BASE cannot serve.
fn say(base: &Path, why: &str, io: &mut Io<'_>) {
    io.stderr_line(format_args!(
        "error: --baseline `{}`: {why}",
        crate::report::visible_line(&base.display().to_string())
    ));
}

/// BASE's text when it is a file whose content is a JSON object (after
/// any byte-order mark and white space); `None` for anything else, which
/// is then read as `check` reads a PATH.
fn json_text(base: &Path, args: &CheckArgs) -> Option<String> {
    if !base.is_file() {
        return None;
    }
    let file = SourceFile::read_limited(base, &args.limits.read()).ok()?;
    let start = file
        .text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    start.starts_with('{').then_some(file.text)
}

/// The fingerprints of a saved report, or why it is not one gplint can
/// match against.
fn saved_keys(text: &str) -> Result<HashSet<String>, String> {
    let saved: Saved = serde_json::from_str(text).map_err(|error| {
        format!(
            "it is JSON but not a report of `gplint check --format json` ({}); save one with `gplint check --format json -o FILE`",
            one_line(&error)
        )
    })?;
    if saved.version != crate::report::check_json::VERSION {
        return Err(format!(
            "it is a JSON report of version {}, which this gplint does not read (it writes version {}); save it again with this gplint",
            saved.version,
            crate::report::check_json::VERSION
        ));
    }
    saved
        .findings
        .into_iter()
        .map(|f| f.fingerprint)
        .collect::<Option<HashSet<_>>>()
        .ok_or_else(|| {
            "its findings have no `fingerprint` (it was saved by an older gplint); save it again with `gplint check --format json -o FILE`".to_owned()
        })
}

/// A finding's key when both sides are checked here: the fingerprint,
/// with a GPO outside a `{GUID}` folder named relative to the input it
/// was read from.
fn input_key(finding: &Finding, sources: &Sources<'_>, roots: &[PathBuf]) -> String {
    sarif::fingerprint_with(finding, sources, &|name| relative_to_input(name, roots))
}

/// A template's name relative to the command-line input it was read
/// from: a `{GUID}` folder wherever it is; a file inside a folder given,
/// by its path below that folder; a file given itself, by its place
/// among the inputs (`(input 1)`), so `--baseline old.inf new.inf`
/// compares the two files.
fn relative_to_input(name: &str, roots: &[PathBuf]) -> String {
    if let Some(guid) = guid_folder(name) {
        return guid;
    }
    for (index, root) in roots.iter().enumerate() {
        let root = root.display().to_string();
        if name == root {
            return format!("(input {})", index + 1);
        }
        let Some(rest) = name.strip_prefix(root.as_str()) else {
            continue;
        };
        let at_boundary = root.ends_with(['/', '\\']) || rest.starts_with(['/', '\\']);
        if at_boundary {
            return rest.trim_start_matches(['/', '\\']).replace('\\', "/");
        }
    }
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_is_named_below_its_input() {
        let roots = [PathBuf::from("base/"), PathBuf::from("one.inf")];
        assert_eq!(relative_to_input("base/a/b.inf", &roots), "a/b.inf");
        assert_eq!(relative_to_input("one.inf", &roots), "(input 2)");
        assert_eq!(relative_to_input("based/x.inf", &roots), "based/x.inf");
        let guid = "x/{31b2f340-016d-11d2-945f-00c04fb984f9}/GptTmpl.inf";
        assert_eq!(
            relative_to_input(guid, &roots),
            "{31B2F340-016D-11D2-945F-00C04FB984F9}"
        );
    }

    #[test]
    fn a_saved_report_gives_its_fingerprints() {
        let text = r#"{"version": 1, "findings": [{"fingerprint": "ab"}], "summary": {}}"#;
        let keys = saved_keys(text).ok();
        assert_eq!(keys, Some(HashSet::from(["ab".to_owned()])));
    }

    #[test]
    fn a_report_without_fingerprints_or_of_another_shape_is_refused() {
        let old = r#"{"version": 1, "findings": [{"rule": "GPL101"}]}"#;
        assert!(saved_keys(old).is_err_and(|why| why.contains("older gplint")));
        let sarif = r#"{"version": "2.1.0", "runs": []}"#;
        assert!(saved_keys(sarif).is_err_and(|why| why.contains("not a report")));
    }
}

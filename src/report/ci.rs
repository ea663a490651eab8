//! What the CI formats (SARIF, GitHub annotations, the step summary) show
//! and in what order: findings at or above a minimum severity, a waived
//! finding as a note, errors first. CI services cap what they keep (25,000
//! SARIF results, 10 annotations per type), so the order decides what
//! survives the cap: errors must never be the ones dropped.

use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The minimum severity SARIF, GitHub annotations and the step summary
/// show when the user does not choose one: notes are context, and on an
/// estate they outnumber everything else (92,521 of 93,148 results on the
/// 10,000-GPO forest).
pub const CI_DEFAULT_MIN_SEVERITY: Severity = Severity::Warning;

/// What a CI format shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// The lowest severity shown, judged on the finding's own severity
    /// (a waived error is still selected, then shown as a note).
    pub min_severity: Severity,
    /// Keep a waived finding at its own level instead of `note`.
    pub include_waived: bool,
}

impl Default for Selection {
    fn default() -> Selection {
        Selection {
            min_severity: CI_DEFAULT_MIN_SEVERITY,
            include_waived: false,
        }
    }
}

impl Selection {
    /// The level a finding is shown at: a waived finding is a note (it
    /// does not fail the run, so it must not be an open error alert)
    /// unless `include_waived` keeps its level.
    pub fn level(&self, finding: &Finding) -> Severity {
        match (&finding.waived, self.include_waived) {
            (Some(_), false) => Severity::Note,
            _ => finding.severity,
        }
    }

    /// The findings shown, errors first, then warnings, then notes; the
    /// given order is kept within a level.
    pub fn select<'f>(&self, findings: &'f [Finding]) -> Vec<&'f Finding> {
        let mut shown: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.severity >= self.min_severity)
            .collect();
        shown.sort_by_key(|f| std::cmp::Reverse(self.level(f)));
        shown
    }
}

/// The working directory and the repository root, to name files
/// relative to the root (SARIF's `%SRCROOT%`, links in the step summary).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RepoPaths {
    /// The directory relative file names are relative to.
    pub cwd: PathBuf,
    /// The repository's top folder, when the run is inside one (or
    /// `--repo-root` names one).
    pub root: Option<PathBuf>,
}

impl RepoPaths {
    /// `name` made absolute against the working directory, with `.` and
    /// `..` resolved in the text (no file is read).
    pub fn absolute(&self, name: &str) -> PathBuf {
        let mut out = PathBuf::new();
        for part in self.cwd.join(name).components() {
            match part {
                Component::ParentDir => {
                    out.pop();
                }
                Component::CurDir => {}
                other => out.push(other),
            }
        }
        out
    }

    /// `name` relative to the repository root, with forward slashes, when
    /// it is inside the root.
    pub fn relative(&self, name: &str) -> Option<String> {
        let root = self.root.as_deref()?;
        let inside = self.absolute(name);
        let rest = inside.strip_prefix(root).ok()?;
        Some(slashed(rest))
    }
}

/// A relative path with `/` between its parts, whatever the platform.
fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Waived;

    fn finding(severity: Severity, waived: bool) -> Finding {
        Finding {
            rule: "GPL101".into(),
            rule_name: "x".into(),
            severity,
            message: "m".into(),
            help: None,
            note: None,
            primary: None,
            secondary: vec![],
            removed_by: None,
            related: None,
            scope: None,
            scopes: Vec::new(),
            account: None,
            logon_type: None,
            from_default: false,
            waived: waived.then(|| Waived {
                reason: "r".into(),
                expires: "2099-01-01".into(),
            }),
            baseline: None,
        }
    }

    #[test]
    fn errors_come_first_and_waived_findings_are_notes() {
        let all = [
            finding(Severity::Note, false),
            finding(Severity::Warning, false),
            finding(Severity::Error, true),
            finding(Severity::Error, false),
        ];
        let selection = Selection::default();
        let shown = selection.select(&all);
        let levels: Vec<_> = shown.iter().map(|f| selection.level(f)).collect();
        assert_eq!(levels, [Severity::Error, Severity::Warning, Severity::Note]);
        let keep = Selection {
            include_waived: true,
            ..selection
        };
        assert_eq!(keep.level(&all[2]), Severity::Error);
    }

    #[test]
    fn names_inside_the_root_become_relative() {
        let paths = RepoPaths {
            cwd: PathBuf::from("/repo/sub"),
            root: Some(PathBuf::from("/repo")),
        };
        assert_eq!(
            paths.relative("a/../GptTmpl.inf").as_deref(),
            Some("sub/GptTmpl.inf")
        );
        assert_eq!(paths.relative("/elsewhere/x.inf"), None);
        assert_eq!(paths.absolute("../x.inf"), PathBuf::from("/repo/x.inf"));
    }
}

//! The findings a waiver may match, found by key rather than by a scan of
//! every finding for every waiver (8,000 waivers × 8,000 findings took
//! 13 s).
//!
//! Findings are put in buckets by rule and by each thing a waiver can name
//! (account, scope, logon type, file); a waiver looks at the smallest
//! bucket among what it names, and every candidate is still checked in
//! full. Distinct waivers look at distinct buckets, so the work is the
//! number of findings per distinct waiver, not their product.

use rustc_hash::FxHashMap as HashMap;

use crate::expect::WaiverDecl;
use crate::finding::{FileRef, Finding};
use crate::logon_type::LogonType;

/// What a bucket is keyed on, besides the rule.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Rule,
    Account(String),
    Scope(String),
    Logon(LogonType),
    /// A suffix of the file's path: its last components, lower-cased and
    /// joined by `/`.
    File(String),
}

/// Which criteria the waivers use: only those are indexed.
#[derive(Clone, Copy, Debug, Default)]
struct Used {
    account: bool,
    scope: bool,
    logon: bool,
    file: bool,
}

/// Buckets of finding indices, by rule id and key.
pub struct FindingIndex {
    buckets: HashMap<(String, Key), Vec<usize>>,
}

impl FindingIndex {
    /// Indexes `findings` under what `waivers` name; `file_name` names a
    /// template by index.
    pub fn new(
        findings: &[Finding],
        waivers: &[WaiverDecl],
        file_name: &dyn Fn(FileRef) -> Option<String>,
    ) -> Self {
        let used = waivers.iter().fold(Used::default(), |used, w| Used {
            account: used.account || w.account.is_some(),
            scope: used.scope || w.scope.is_some(),
            logon: used.logon || w.logon.is_some(),
            file: used.file || w.file.is_some(),
        });
        let mut suffixes: HashMap<FileRef, Vec<String>> = HashMap::default();
        let mut buckets: HashMap<(String, Key), Vec<usize>> = HashMap::default();
        for (at, finding) in findings.iter().enumerate() {
            let mut keys = vec![Key::Rule];
            if let (true, Some(account)) = (used.account, &finding.account) {
                keys.push(Key::Account(account.to_ascii_lowercase()));
            }
            if let (true, Some(scope)) = (used.scope, &finding.scope) {
                keys.push(Key::Scope(scope.to_ascii_lowercase()));
            }
            if let (true, Some(logon)) = (used.logon, finding.logon_type) {
                keys.push(Key::Logon(logon));
            }
            if let (true, Some(place)) = (used.file, &finding.primary) {
                let of_file = suffixes.entry(place.file).or_insert_with(|| {
                    file_name(place.file).map_or_else(Vec::new, |n| path_suffixes(&n))
                });
                keys.extend(of_file.iter().cloned().map(Key::File));
            }
            for key in keys {
                buckets
                    .entry((finding.rule.clone(), key))
                    .or_default()
                    .push(at);
            }
        }
        FindingIndex { buckets }
    }

    /// The smallest bucket among what the waiver names, for the rule id
    /// `rule`: a superset of the findings it matches.
    pub fn candidates(&mut self, rule: &str, waiver: &WaiverDecl) -> Option<&mut Vec<usize>> {
        let mut keys = vec![Key::Rule];
        if let Some(account) = &waiver.account {
            keys.push(Key::Account(account.value.to_ascii_lowercase()));
        }
        if let Some(scope) = &waiver.scope {
            keys.push(Key::Scope(scope.value.to_ascii_lowercase()));
        }
        if let Some(logon) = &waiver.logon {
            keys.push(Key::Logon(logon.value));
        }
        if let Some(file) = &waiver.file {
            keys.push(Key::File(join(&components(&file.value))));
        }
        let smallest = keys
            .into_iter()
            .map(|key| (rule.to_owned(), key))
            .min_by_key(|key| self.buckets.get(key).map_or(0, Vec::len))?;
        self.buckets.get_mut(&smallest)
    }
}

/// A path's components as waivers compare them: no empty parts or `.`,
/// lower-cased, either slash.
pub fn components(path: &str) -> Vec<String> {
    path.split(['/', '\\'])
        .filter(|s| !s.is_empty() && *s != ".")
        .map(str::to_lowercase)
        .collect()
}

fn join(parts: &[String]) -> String {
    parts.join("/")
}

/// Every non-empty tail of the path's components, joined: a waiver's
/// `file` matches the path when it is one of them.
fn path_suffixes(path: &str) -> Vec<String> {
    let parts = components(path);
    (0..parts.len())
        .filter_map(|start| parts.get(start..).map(join))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::finding::Location;
    use crate::model::Date;
    use crate::span::Span;
    use crate::span::Spanned;

    fn finding(rule: &str, account: &str, logon: LogonType, template: usize) -> Finding {
        Finding {
            rule: rule.to_owned(),
            rule_name: String::new(),
            severity: Severity::Error,
            message: String::new(),
            help: None,
            note: None,
            primary: Some(Location {
                file: FileRef::Template(template),
                span: Span::default(),
                label: String::new(),
            }),
            secondary: Vec::new(),
            removed_by: None,
            related: None,
            scope: Some("Web".to_owned()),
            scopes: Vec::new(),
            account: Some(account.to_owned()),
            logon_type: Some(logon),
            from_default: false,
            waived: None,
            baseline: None,
        }
    }

    fn waiver(account: Option<&str>, logon: Option<LogonType>, file: Option<&str>) -> WaiverDecl {
        let spanned = |s: &str| Spanned::new(s.to_owned(), Span::default());
        WaiverDecl {
            rule: spanned("GPL101"),
            account: account.map(spanned),
            logon: logon.map(|l| Spanned::new(l, Span::default())),
            scope: None,
            file: file.map(spanned),
            reason: spanned("why"),
            expires: Spanned::new(Date::parse("2099-12-31").unwrap(), Span::default()),
            span: Span::default(),
        }
    }

    #[test]
    fn a_waiver_looks_at_the_smallest_bucket_of_what_it_names() {
        let findings = [
            finding("GPL101", "CONTOSO\\a", LogonType::Service, 0),
            finding("GPL101", "CONTOSO\\b", LogonType::Service, 1),
            finding("GPL101", "CONTOSO\\b", LogonType::Batch, 1),
            finding("GPL102", "CONTOSO\\b", LogonType::Batch, 1),
        ];
        let names = |file| match file {
            FileRef::Template(0) => Some("GPOs/A/GptTmpl.inf".to_owned()),
            FileRef::Template(_) => Some("GPOs\\B\\GptTmpl.inf".to_owned()),
            FileRef::Expectations => None,
        };
        let waivers = [
            waiver(Some("contoso\\B"), Some(LogonType::Batch), None),
            waiver(None, None, Some("b/gpttmpl.INF")),
            waiver(None, Some(LogonType::Service), Some("GptTmpl.inf")),
        ];
        let mut index = FindingIndex::new(&findings, &waivers, &names);
        let mut bucket = |w: &WaiverDecl| index.candidates("GPL101", w).cloned();
        // Account b has two findings of GPL101, batch logons one.
        assert_eq!(bucket(&waivers[0]), Some(vec![2]));
        assert_eq!(bucket(&waivers[1]), Some(vec![1, 2]));
        assert_eq!(bucket(&waivers[2]), Some(vec![0, 1]));
        let nobody = waiver(Some("CONTOSO\\nobody"), None, None);
        assert_eq!(bucket(&nobody), None);
    }

    #[test]
    fn suffixes_are_every_tail_of_the_components() {
        assert_eq!(
            path_suffixes("GPOs\\SQL/./GptTmpl.INF"),
            vec!["gpos/sql/gpttmpl.inf", "sql/gpttmpl.inf", "gpttmpl.inf"]
        );
        assert!(path_suffixes("").is_empty());
    }
}

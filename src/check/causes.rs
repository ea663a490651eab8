//! One finding per cause: the per-scope findings of `check` grouped, so
//! that a list entry that decides an account's logon in 212 scopes is one
//! finding listing the 212 scopes, not 212 findings.
//!
//! Grouping runs after waivers: a waiver narrowed to a scope has already
//! marked only that scope's finding, so a cause waived in some scopes and
//! not in others splits into a waived finding listing the waived scopes and
//! a live one listing the rest (the waiver is part of the cause's key).

use rustc_hash::FxHashMap as HashMap;

use crate::finding::Finding;

/// Groups findings by [`Finding::cause_key`]: each group is its first
/// finding, with [`Finding::scopes`] holding every scope of the group in
/// name order and [`Finding::scope`] the first of them. Findings about no
/// scope are grouped too (identical ones become one). One pass with a hash
/// map, linear in the number of findings; the findings stay in their own
/// buffer, so the peak is theirs plus the map.
pub fn group(mut findings: Vec<Finding>) -> Vec<Finding> {
    let first_of = firsts(&findings);
    // The scopes of the findings a group's first absorbs, then the first.
    let mut absorbed: Vec<(usize, Option<String>)> = Vec::new();
    for (index, &first) in first_of.iter().enumerate() {
        if first != index {
            let scope = findings.get_mut(index).and_then(|f| f.scope.take());
            absorbed.push((first, scope));
        }
    }
    for finding in &mut findings {
        finding.scopes = finding.scope.iter().cloned().collect();
    }
    for (first, scope) in absorbed {
        if let Some(finding) = findings.get_mut(first) {
            finding.scopes.extend(scope);
        }
    }
    let mut index = 0;
    findings.retain(|_| {
        let keep = first_of.get(index) == Some(&index);
        index += 1;
        keep
    });
    findings.into_iter().map(settle).collect()
}

/// For each finding, the index of the first finding of its cause.
fn firsts(findings: &[Finding]) -> Vec<usize> {
    let mut causes = HashMap::default();
    findings
        .iter()
        .enumerate()
        .map(|(index, finding)| *causes.entry(finding.cause_key()).or_insert(index))
        .collect()
}

/// Puts a group's scopes in name order, once each, and makes the first
/// the finding's `scope`, which the JSON keeps for compatibility.
fn settle(mut finding: Finding) -> Finding {
    finding.scopes.sort_unstable();
    finding.scopes.dedup();
    finding.scope = finding.scopes.first().cloned();
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::finding::{FileRef, Location, Waived};
    use crate::logon_type::LogonType;
    use crate::span::Span;

    fn finding(scope: &str, line_start: usize) -> Finding {
        Finding {
            rule: "GPL101".to_owned(),
            rule_name: "needed-logon-type-not-granted".to_owned(),
            severity: Severity::Error,
            message: "CONTOSO\\svc_sql cannot log on as a service".to_owned(),
            help: None,
            note: None,
            primary: Some(Location {
                file: FileRef::Template(0),
                span: Span::new(line_start, line_start + 5),
                label: String::new(),
            }),
            secondary: Vec::new(),
            removed_by: None,
            related: None,
            scope: Some(scope.to_owned()),
            scopes: Vec::new(),
            account: Some("CONTOSO\\svc_sql".to_owned()),
            logon_type: Some(LogonType::Service),
            from_default: false,
            waived: None,
            baseline: None,
        }
    }

    fn scopes(finding: &Finding) -> Vec<&str> {
        finding.scopes.iter().map(String::as_str).collect()
    }

    #[test]
    fn one_cause_in_three_scopes_is_one_finding_in_name_order() {
        let grouped = group(vec![
            finding("Web", 0),
            finding("App", 0),
            finding("Sql", 0),
        ]);
        assert_eq!(grouped.len(), 1);
        assert_eq!(scopes(&grouped[0]), ["App", "Sql", "Web"]);
        assert_eq!(grouped[0].scope.as_deref(), Some("App"));
    }

    #[test]
    fn another_deciding_line_is_another_cause() {
        let grouped = group(vec![
            finding("Web", 0),
            finding("App", 40),
            finding("Sql", 0),
        ]);
        assert_eq!(grouped.len(), 2);
        assert_eq!(scopes(&grouped[0]), ["Sql", "Web"]);
        assert_eq!(scopes(&grouped[1]), ["App"]);
    }

    #[test]
    fn a_cause_waived_in_one_scope_splits_into_waived_and_live() {
        let mut waived = finding("Sql", 0);
        waived.waived = Some(Waived {
            reason: "migration".to_owned(),
            expires: "2099-01-01".to_owned(),
        });
        let grouped = group(vec![finding("Web", 0), waived, finding("App", 0)]);
        assert_eq!(grouped.len(), 2);
        assert_eq!(scopes(&grouped[0]), ["App", "Web"]);
        assert!(grouped[0].waived.is_none());
        assert_eq!(scopes(&grouped[1]), ["Sql"]);
        assert!(grouped[1].waived.is_some());
    }

    #[test]
    fn findings_about_no_scope_keep_no_scope() {
        let mut bare = finding("x", 0);
        bare.scope = None;
        let grouped = group(vec![bare.clone(), bare]);
        assert_eq!(grouped.len(), 1);
        assert!(grouped[0].scopes.is_empty() && grouped[0].scope.is_none());
    }
}

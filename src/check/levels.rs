//! `rules:` in `services.yaml` applied: a rule set `off` loses its
//! findings, one given a level has its findings at that severity (a step
//! lower when they rest on a default, as the rule's own severity is).
//! Applied before waivers, so a waiver matches the findings as the team
//! sees them.

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::finding::{Finding, lowered};
use crate::model::{RuleLevel, RuleLevelDecl};
use crate::rules::RuleSet;

use super::waivers::unknown_rule;

/// Refuses `rules:` keys that name no loaded rule, pointing at the key.
pub fn check_rules(levels: &[RuleLevelDecl], rules: &RuleSet) -> Vec<Diagnostic> {
    levels
        .iter()
        .filter(|l| rules.get(&l.rule.value).is_none())
        .map(|l| {
            let message = format!("`rules:` names `{}`, which is not a rule", l.rule.value);
            unknown_rule(Code::ExpectUnknownRule, message, &l.rule, rules)
        })
        .collect()
}

/// The levels by rule id, later entries winning (a rule may be named by
/// id and by name); entries naming no rule are left out.
pub fn resolve(levels: &[RuleLevelDecl], rules: &RuleSet) -> Vec<(String, RuleLevel)> {
    let mut resolved: Vec<(String, RuleLevel)> = Vec::new();
    for decl in levels {
        let Some(rule) = rules.get(&decl.rule.value) else {
            continue;
        };
        resolved.retain(|(id, _)| *id != rule.id);
        resolved.push((rule.id.clone(), decl.level.value));
    }
    resolved
}

/// Applies the levels: drops the findings of rules that are `off` and
/// re-grades the others'. Returns how many findings were dropped.
pub fn apply(findings: &mut Vec<Finding>, levels: &[(String, RuleLevel)]) -> usize {
    if levels.is_empty() {
        return 0;
    }
    let level_of = |rule: &str| levels.iter().find(|(id, _)| id == rule).map(|(_, l)| *l);
    let before = findings.len();
    findings.retain(|f| level_of(&f.rule) != Some(RuleLevel::Off));
    for finding in findings.iter_mut() {
        if let Some(severity) = level_of(&finding.rule).and_then(severity) {
            finding.severity = match finding.from_default {
                true => lowered(severity),
                false => severity,
            };
        }
    }
    before - findings.len()
}

/// The severity a level gives; none for `off`.
pub fn severity(level: RuleLevel) -> Option<Severity> {
    match level {
        RuleLevel::Off => None,
        RuleLevel::Note => Some(Severity::Note),
        RuleLevel::Warning => Some(Severity::Warning),
        RuleLevel::Error => Some(Severity::Error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, severity: Severity, from_default: bool) -> Finding {
        Finding {
            rule: rule.to_owned(),
            rule_name: String::new(),
            severity,
            message: String::new(),
            help: None,
            note: None,
            primary: None,
            secondary: Vec::new(),
            removed_by: None,
            related: None,
            scope: None,
            scopes: Vec::new(),
            account: None,
            logon_type: None,
            from_default,
            waived: None,
            baseline: None,
        }
    }

    #[test]
    fn off_drops_and_a_level_regrades_a_step_lower_on_a_default() {
        let mut findings = vec![
            finding("GPL412", Severity::Note, false),
            finding("GPL406", Severity::Warning, false),
            finding("GPL406", Severity::Note, true),
            finding("GPL101", Severity::Error, false),
        ];
        let levels = [
            ("GPL412".to_owned(), RuleLevel::Off),
            ("GPL406".to_owned(), RuleLevel::Error),
        ];
        assert_eq!(apply(&mut findings, &levels), 1);
        let graded: Vec<(&str, Severity)> = findings
            .iter()
            .map(|f| (f.rule.as_str(), f.severity))
            .collect();
        assert_eq!(
            graded,
            [
                ("GPL406", Severity::Error),
                ("GPL406", Severity::Warning),
                ("GPL101", Severity::Error)
            ]
        );
    }
}

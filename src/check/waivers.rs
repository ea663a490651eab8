//! Waivers: findings a team has accepted, for a reason and until a date.
//!
//! A waived finding stays in the report but no longer fails the run. An
//! expired waiver waives nothing and is itself reported, as is a waiver
//! that matches no finding, so an accepted exception cannot outlive its
//! reason unnoticed.

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::expect::WaiverDecl;
use crate::finding::{FileRef, Finding, Location, Waived};
use crate::model::Date;
use crate::rules::RuleSet;
use crate::suggest::did_you_mean;

use super::waiver_index::{FindingIndex, components};

/// The code of the finding an expired waiver raises.
pub const EXPIRED: &str = "waiver::expired";
/// The code of the finding a waiver that matches nothing raises.
pub const STALE: &str = "waiver::stale";

/// Refuses waivers that name no loaded rule, pointing at the rule entry.
pub fn check_rules(waivers: &[WaiverDecl], rules: &RuleSet) -> Vec<Diagnostic> {
    waivers
        .iter()
        .filter(|w| rules.get(&w.rule.value).is_none())
        .map(|w| {
            let message = format!("the waiver names `{}`, which is not a rule", w.rule.value);
            unknown_rule(Code::WaiverUnknownRule, message, &w.rule, rules)
        })
        .collect()
}

/// `message` about `written`, which names no rule in `rules`, with the
/// closest id as a did-you-mean: a waiver's `rule`, a key of `rules:`.
pub(super) fn unknown_rule(
    code: Code,
    message: String,
    written: &crate::span::Spanned<String>,
    rules: &RuleSet,
) -> Diagnostic {
    let ids = rules.rules().iter().map(|r| r.id.as_str());
    let help = match did_you_mean(&written.value, ids) {
        Some(id) => format!("did you mean `{id}`? `gplint rules` lists the rules"),
        None => "name a rule by its id (GPL101) or name; `gplint rules` lists them".to_owned(),
    };
    Diagnostic::new(code, message, written.span)
        .with_label("unknown rule")
        .with_help(help)
}

/// Marks the findings each live waiver matches, and adds a finding for
/// every expired or stale waiver. `file_name` names a template by index.
pub fn apply(
    findings: &mut Vec<Finding>,
    waivers: &[WaiverDecl],
    rules: &RuleSet,
    today: Date,
    file_name: &dyn Fn(FileRef) -> Option<String>,
) {
    let mut raised = Vec::new();
    let mut index = FindingIndex::new(findings, waivers, file_name);
    for waiver in waivers {
        let rule = rules.get(&waiver.rule.value).map(|r| r.id.as_str());
        let mut candidates = rule.and_then(|id| index.candidates(id, waiver));
        let bucket: &[usize] = candidates.as_deref().map_or(&[], |b| b.as_slice());
        crate::work::add(crate::work::Counter::WaiverComparisons, bucket.len());
        let matching: Vec<usize> = bucket
            .iter()
            .copied()
            .filter(|&i| {
                findings
                    .get(i)
                    .is_some_and(|f| f.waived.is_none() && matches(waiver, f, rules, file_name))
            })
            .collect();
        if today > waiver.expires.value {
            raised.push(expired(waiver, matching.len()));
            continue;
        }
        if matching.is_empty() {
            raised.push(stale(waiver));
        }
        for &i in &matching {
            if let Some(finding) = findings.get_mut(i) {
                finding.waived = Some(Waived {
                    reason: waiver.reason.value.clone(),
                    expires: waiver.expires.value.to_string(),
                });
            }
        }
        // What is waived can match no later waiver: a waiver naming the
        // same bucket again does not look at it.
        if let Some(bucket) = candidates.as_mut() {
            bucket.retain(|&i| findings.get(i).is_some_and(|f| f.waived.is_none()));
        }
    }
    findings.extend(raised);
}

fn matches(
    waiver: &WaiverDecl,
    finding: &Finding,
    rules: &RuleSet,
    file_name: &dyn Fn(FileRef) -> Option<String>,
) -> bool {
    let rule = rules
        .get(&waiver.rule.value)
        .is_some_and(|r| r.id == finding.rule);
    let same = |want: &Option<crate::span::Spanned<String>>, have: Option<&str>| match want {
        Some(want) => have.is_some_and(|have| have.eq_ignore_ascii_case(&want.value)),
        None => true,
    };
    let logon = waiver
        .logon
        .as_ref()
        .is_none_or(|l| finding.logon_type == Some(l.value));
    let file = waiver.file.as_ref().is_none_or(|want| {
        let place = finding.primary.as_ref().and_then(|p| file_name(p.file));
        place.is_some_and(|name| ends_with(&name, &want.value))
    });
    rule && logon
        && file
        && same(&waiver.account, finding.account.as_deref())
        && same(&waiver.scope, finding.scope.as_deref())
}

/// Whether a path ends with the given path's components, ignoring case
/// and the direction of slashes.
fn ends_with(path: &str, suffix: &str) -> bool {
    let (have, want) = (components(path), components(suffix));
    !want.is_empty() && have.len() >= want.len() && have[have.len() - want.len()..] == want[..]
}

fn expired(waiver: &WaiverDecl, matching: usize) -> Finding {
    let still = match matching {
        0 => "; it matches no finding any more".to_owned(),
        1 => ": the finding it covered counts again".to_owned(),
        n => format!(": the {n} findings it covered count again"),
    };
    meta(
        EXPIRED,
        "expired-waiver",
        format!(
            "this waiver of {} expired on {} {still}",
            waiver.rule.value, waiver.expires.value
        ),
        waiver,
        "expired",
        "fix what the waiver covered, or, if the exception still stands, give it a new reason and date",
    )
}

fn stale(waiver: &WaiverDecl) -> Finding {
    meta(
        STALE,
        "stale-waiver",
        format!("this waiver of {} matches no finding", waiver.rule.value),
        waiver,
        "matches nothing",
        "delete the waiver: what it accepted is gone, or its account, logon, scope or file no longer match",
    )
}

fn meta(
    rule: &str,
    name: &str,
    message: String,
    waiver: &WaiverDecl,
    label: &str,
    help: &str,
) -> Finding {
    Finding {
        rule: rule.to_owned(),
        rule_name: name.to_owned(),
        severity: Severity::Warning,
        message,
        help: Some(help.to_owned()),
        note: None,
        primary: Some(Location {
            file: FileRef::Expectations,
            span: waiver.span,
            label: label.to_owned(),
        }),
        secondary: Vec::new(),
        removed_by: None,
        related: None,
        scope: None,
        scopes: Vec::new(),
        account: None,
        logon_type: None,
        from_default: false,
        waived: None,
        baseline: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_suffixes_ignore_case_and_slashes() {
        assert!(ends_with(
            "GPOs/SQL/{AB}/DomainSysvol/GptTmpl.inf",
            "sql\\{ab}\\domainsysvol\\gpttmpl.INF"
        ));
        assert!(!ends_with("GPOs/SQL/GptTmpl.inf", "Other/GptTmpl.inf"));
        assert!(!ends_with("GptTmpl.inf", ""));
    }
}

//! The test cases of the JUnit report: one per declared expectation, one
//! per other finding, each with a name no other case has (GitLab keeps
//! only the first of two cases with one name), a file and a line.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::check::ExpectationCase;
use crate::finding::{FileRef, Finding, Location};
use crate::logon_type::LogonType;

use super::sources::Sources;

/// One test case: what it is called, where it points, and the findings
/// (shown, failing or not) about it.
pub(super) struct Case<'f> {
    /// Unique across the report.
    pub(super) name: String,
    /// The scope, `expectations`, or the rule id.
    pub(super) classname: String,
    /// The file, as messages name it.
    pub(super) file: String,
    /// 1-based; 1 when the case has no place of its own.
    pub(super) line: usize,
    /// The findings about it, in report order.
    pub(super) findings: Vec<&'f Finding>,
}

/// The expectation cases, then the cases of findings no expectation
/// case is about.
pub(super) fn cases<'f>(
    findings: &'f [Finding],
    sources: &Sources<'_>,
    tested: &[ExpectationCase],
) -> (Vec<Case<'f>>, Vec<Case<'f>>) {
    // Findings by what a case is about, so that matching costs cases plus
    // findings, not their product (a case per account and scope).
    crate::work::add(
        crate::work::Counter::ScopeAccountPairs,
        tested.len() + findings.len(),
    );
    let mut about: HashMap<CaseKey<'_>, Vec<&Finding>> = HashMap::default();
    for finding in findings {
        for key in finding_keys(finding) {
            about.entry(key).or_default().push(finding);
        }
    }
    let at = |span| place(sources, FileRef::Expectations, span);
    let expectations: Vec<Case<'_>> = tested
        .iter()
        .map(|case| {
            let (file, line) = at(case.span);
            Case {
                name: case_name(case),
                classname: case.scope.clone().unwrap_or_else(|| "expectations".into()),
                file,
                line,
                findings: about.get(&case_key(case)).cloned().unwrap_or_default(),
            }
        })
        .collect();
    let keys: HashSet<CaseKey<'_>> = tested.iter().map(case_key).collect();
    let rules: Vec<Case<'_>> = findings
        .iter()
        .filter(|f| !finding_keys(f).any(|key| keys.contains(&key)))
        .map(|f| rule_case(f, sources))
        .collect();
    (expectations, rules)
}

/// A finding no expectation case is about, as its own case.
fn rule_case<'f>(finding: &'f Finding, sources: &Sources<'_>) -> Case<'f> {
    let located = finding.primary.as_ref().or(finding.related.as_ref());
    let (file, line) = located.map_or_else(
        || place(sources, FileRef::Expectations, crate::span::Span::default()),
        |l: &Location| place(sources, l.file, l.span),
    );
    let mut parts = vec![format!("{} {}", finding.rule, finding.rule_name)];
    parts.extend(finding.account.clone());
    parts.extend(finding.logon_type.map(|t| t.as_str().to_owned()));
    let scopes: Vec<&str> = finding.scope_names().collect();
    match scopes.as_slice() {
        [] => parts.push(format!("{file}:{line}")),
        [scope] => parts.push(format!("scope {scope}")),
        many => parts.push(format!("scopes {}", many.join(", "))),
    }
    Case {
        name: parts.join(" · "),
        classname: finding.rule.clone(),
        file,
        line,
        findings: vec![finding],
    }
}

/// A file's name and the 1-based line of `span` in it.
fn place(sources: &Sources<'_>, file: FileRef, span: crate::span::Span) -> (String, usize) {
    let Some(source) = sources.file(file) else {
        return (sources.expectations.name.clone(), 1);
    };
    (source.name.clone(), source.line_col(span.start).0)
}

/// Account, logon type and scope: what [`ExpectationCase::is_about`] compares.
type CaseKey<'k> = (&'k str, LogonType, Option<&'k str>);

fn case_key(case: &ExpectationCase) -> CaseKey<'_> {
    (&case.account, case.logon_type, case.scope.as_deref())
}

/// A finding's keys: one per scope of its cause (one, without scope, for
/// a finding about no scope); none when it is about no account.
fn finding_keys(finding: &Finding) -> impl Iterator<Item = CaseKey<'_>> {
    let about = finding.account.as_deref().zip(finding.logon_type);
    let mut scopes: Vec<Option<&str>> = finding.scope_names().map(Some).collect();
    if scopes.is_empty() {
        scopes.push(None);
    }
    about.into_iter().flat_map(move |(account, logon)| {
        scopes.clone().into_iter().map(move |s| (account, logon, s))
    })
}

/// `CONTOSO\svc_sql must log on as a service`, `… must not …`, with
/// ` in scope sql-servers` when the case is one scope's.
pub fn case_name(case: &ExpectationCase) -> String {
    let verb = if case.must { "must" } else { "must not" };
    let name = format!("{} {verb} {}", case.account, case.logon_type.description());
    match &case.scope {
        Some(scope) => format!("{name} in scope {scope}"),
        None => name,
    }
}

/// Makes every name unique: the second of two equal names gets ` (2)`,
/// the third ` (3)`, in report order.
pub(super) fn unique_names(cases: &mut [&mut Case<'_>]) {
    let mut seen: HashMap<String, usize> = HashMap::default();
    let mut taken: HashSet<String> = cases.iter().map(|c| c.name.clone()).collect();
    for case in cases.iter_mut() {
        let count = seen.entry(case.name.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            continue;
        }
        let mut n = *count;
        let mut name = format!("{} ({n})", case.name);
        while taken.contains(&name) {
            n += 1;
            name = format!("{} ({n})", case.name);
        }
        taken.insert(name.clone());
        case.name = name;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(name: &str) -> Case<'static> {
        Case {
            name: name.to_owned(),
            classname: String::new(),
            file: String::new(),
            line: 1,
            findings: Vec::new(),
        }
    }

    #[test]
    fn equal_names_are_numbered_and_never_collide() {
        // Two identical findings in two templates named alike, and a case
        // already called what the second would become.
        let (mut a, mut b, mut c, mut d) = (case("x"), case("x"), case("x (2)"), case("x"));
        let mut all = vec![&mut a, &mut b, &mut c, &mut d];
        unique_names(&mut all);
        let names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["x", "x (3)", "x (2)", "x (4)"]);
    }
}

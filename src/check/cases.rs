//! The expectations a check tests, listed as cases: one per declared
//! account × logon type. Findings only name what broke; reports that count
//! passes too (JUnit) need the whole list.

use crate::expect::Expectations;
use crate::finding::Finding;
use crate::logon_type::LogonType;

use super::Evaluation;

/// One declared expectation: an account that must, or must not, be able
/// to log on with one logon type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectationCase {
    /// The scope whose chain was evaluated, when there is one.
    pub scope: Option<String>,
    /// The account as findings name it (`service: X` is `NT SERVICE\X`).
    pub account: String,
    /// The logon type.
    pub logon_type: LogonType,
    /// `true` under `logon:`, `false` under `no_logon:`.
    pub must: bool,
    /// Where the logon type is written in the expectations file: JUnit
    /// gives every case a file and line.
    pub span: crate::span::Span,
}

impl ExpectationCase {
    /// Whether `finding` is about this account, logon type and scope.
    pub fn is_about(&self, finding: &Finding) -> bool {
        finding.account.as_deref() == Some(self.account.as_str())
            && finding.logon_type == Some(self.logon_type)
            && finding.scope == self.scope
    }
}

/// Every expectation the evaluation decided, in the order rules see them
/// (file order, `logon` before `no_logon`), under `scope`.
pub fn expectation_cases(
    evaluation: &Evaluation<'_>,
    expect: &Expectations,
    scope: Option<&str>,
) -> Vec<ExpectationCase> {
    let mut cases = Vec::new();
    for verdicts in &evaluation.verdicts {
        let (Some(decl), Some(subject)) = (
            expect.accounts.get(verdicts.account),
            evaluation.directory.accounts.get(verdicts.account),
        ) else {
            continue;
        };
        let wanted = decl.logon.iter().map(|t| (t, true));
        let forbidden = decl.no_logon.iter().map(|t| (t, false));
        // Same filter as the facts: a case no rule could see is not tested.
        let decided = wanted
            .chain(forbidden)
            .filter(|(t, _)| verdicts.get(t.value).is_some());
        cases.extend(decided.map(|(written, must)| ExpectationCase {
            scope: scope.map(str::to_owned),
            account: subject.display.clone(),
            logon_type: written.value,
            must,
            span: written.span,
        }));
    }
    cases
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::PolicyInput;

    fn cases(template: &str, expect_text: &str) -> Vec<ExpectationCase> {
        let expect = crate::expect::load("services.yaml", expect_text).unwrap();
        let typed = crate::template::build(&crate::syntax::parse(template));
        let inputs = vec![PolicyInput {
            name: "GptTmpl.inf",
            template: &typed,
        }];
        let evaluation = Evaluation::new(inputs, &expect);
        expectation_cases(&evaluation, &expect, Some("sql"))
    }

    #[test]
    fn one_case_per_declared_logon_type_in_file_order() {
        let listed = cases(
            "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-20\n",
            "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service, batch]\n    no_logon: [interactive]\n  - service: MSSQLSERVER\n    logon: [service]\n",
        );
        let shown: Vec<(String, LogonType, bool)> = listed
            .iter()
            .map(|c| (c.account.clone(), c.logon_type, c.must))
            .collect();
        assert_eq!(
            shown,
            [
                ("CONTOSO\\svc_sql".into(), LogonType::Service, true),
                ("CONTOSO\\svc_sql".into(), LogonType::Batch, true),
                ("CONTOSO\\svc_sql".into(), LogonType::Interactive, false),
                ("NT SERVICE\\MSSQLSERVER".into(), LogonType::Service, true),
            ]
        );
        assert!(listed.iter().all(|c| c.scope.as_deref() == Some("sql")));
    }
}

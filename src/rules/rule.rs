//! A loaded rule: what it tests, what it says, and where it came from.

use crate::codes::Key;
use crate::diagnostic::Severity;
use crate::facts::{Fact, FactKind};
use crate::span::Span;

use super::predicate::Predicate;
use super::template::MessageTemplate;

/// One rule, read from one rule file and checked against the facts it
/// applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// `GPL` and three digits, unique across loaded rules.
    pub id: String,
    /// Kebab-case, stating the problem.
    pub name: String,
    /// How serious a finding is.
    pub severity: Severity,
    /// The kind of fact it tests.
    pub applies_to: FactKind,
    /// Which facts it reports.
    pub when: Predicate,
    /// One line, for listings.
    pub summary: String,
    /// The finding's message.
    pub message: MessageTemplate,
    /// What to do about it.
    pub help: Option<MessageTemplate>,
    /// What the user sees on Windows.
    pub symptom: Option<MessageTemplate>,
    /// Other words for some facts: the first variant whose predicate a
    /// fact satisfies gives its message and help instead.
    pub variants: Vec<Variant>,
    /// The error codes and events a finding predicts (`detects`), for
    /// `gplint why`; empty when the rule declares none.
    pub detects: Vec<Key>,
    /// Markdown: what it does, why it matters, an example, the fix.
    pub docs: String,
    /// The rule's own cases.
    pub tests: RuleTests,
    /// Where it was read from.
    pub origin: RuleOrigin,
}

/// Other words for the facts a predicate picks out, such as a cause that
/// needs another fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// Which of the rule's facts it is for.
    pub when: Predicate,
    /// The message instead of the rule's, if given.
    pub message: Option<MessageTemplate>,
    /// The help instead of the rule's, if given.
    pub help: Option<MessageTemplate>,
}

impl Rule {
    /// Whether `fact` is of the rule's kind and satisfies its predicate.
    pub fn matches(&self, fact: &dyn Fact) -> bool {
        fact.kind() == self.applies_to && self.when.matches(fact)
    }

    /// The message for a fact the rule reports: the first matching
    /// variant's, else the rule's.
    pub fn message_for(&self, fact: &dyn Fact) -> &MessageTemplate {
        self.variant_for(fact)
            .and_then(|v| v.message.as_ref())
            .unwrap_or(&self.message)
    }

    /// The help for a fact the rule reports: the first matching
    /// variant's, else the rule's.
    pub fn help_for(&self, fact: &dyn Fact) -> Option<&MessageTemplate> {
        self.variant_for(fact)
            .and_then(|v| v.help.as_ref())
            .or(self.help.as_ref())
    }

    fn variant_for(&self, fact: &dyn Fact) -> Option<&Variant> {
        self.variants.iter().find(|v| v.when.matches(fact))
    }

    /// The body of the docs' `## title` section (case-insensitive), if
    /// the docs have one.
    pub fn docs_section(&self, title: &str) -> Option<&str> {
        super::docs::sections(&self.docs)
            .into_iter()
            .find(|s| s.title.eq_ignore_ascii_case(title))
            .map(|s| s.body)
    }
}

/// The file a rule was read from, kept so later problems (a duplicate id,
/// a failing case) can point into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleOrigin {
    /// `rules/GPL101-….yaml` for a built-in rule, else the user's path.
    pub file: String,
    /// Whether it is part of gplint's own rule pack.
    pub builtin: bool,
    /// The file's text, which the spans here point into.
    pub text: String,
    /// Where the id is written.
    pub id_span: Span,
    /// Where the name is written.
    pub name_span: Span,
}

/// The cases a rule carries to prove it works.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleTests {
    /// Each must produce no finding of the rule.
    pub valid: Vec<RuleCase>,
    /// Each must produce at least one finding of the rule.
    pub invalid: Vec<RuleCase>,
}

/// One case: a template and the expectations to check it against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleCase {
    /// The security template's text.
    pub template: String,
    /// The expectations (`services.yaml` text), if the case has any.
    pub expect: Option<String>,
    /// The Windows target whose default rights apply, when the case names
    /// one; the harness uses its own default otherwise.
    pub target: Option<String>,
    /// Today's date for the case (`YYYY-MM-DD`), for password expiries;
    /// none when the case does not say.
    pub today: Option<String>,
    /// For an `invalid` case, the exact message one of the rule's findings
    /// must have; `gplint rules test` checks it.
    pub expect_message: Option<String>,
    /// Where the case is written in the rule file.
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::super::predicate::Matcher;
    use super::super::predicate::tests::{expectation, right};
    use super::super::scalar::Scalar;
    use super::*;

    fn rule() -> Rule {
        Rule {
            id: "GPL900".into(),
            name: "test".into(),
            severity: Severity::Error,
            applies_to: FactKind::Expectation,
            when: Predicate::Not(Box::new(Predicate::Test {
                field: "verdict".into(),
                matcher: Matcher::Equals(Scalar::Text("allowed".into())),
            })),
            summary: String::new(),
            message: MessageTemplate::parse("x").unwrap(),
            help: None,
            symptom: None,
            variants: Vec::new(),
            detects: Vec::new(),
            docs: String::new(),
            tests: RuleTests::default(),
            origin: RuleOrigin {
                file: String::new(),
                builtin: false,
                text: String::new(),
                id_span: Span::default(),
                name_span: Span::default(),
            },
        }
    }

    #[test]
    fn a_rule_matches_only_facts_of_its_kind() {
        let rule = rule();
        assert!(rule.matches(&expectation()));
        // The right fact has no verdict, so `not` alone would match it.
        assert!(!rule.matches(&right()));
    }

    #[test]
    fn the_first_matching_variant_gives_its_words_and_the_rule_the_rest() {
        let mut rule = rule();
        rule.help = Some(MessageTemplate::parse("rule help").unwrap());
        let variant = |verdict: &str, message: &str| Variant {
            when: Predicate::Test {
                field: "verdict".into(),
                matcher: Matcher::Equals(Scalar::Text(verdict.into())),
            },
            message: Some(MessageTemplate::parse(message).unwrap()),
            help: None,
        };
        rule.variants = vec![
            variant("denied", "denied words"),
            variant("not-granted", "{account} not granted"),
            variant("not-granted", "never"),
        ];
        let fact = expectation();
        assert_eq!(
            rule.message_for(&fact).render(&fact),
            "CONTOSO\\svc_sql not granted"
        );
        assert_eq!(rule.help_for(&fact).unwrap().source(), "rule help");
        rule.variants.truncate(1);
        assert_eq!(rule.message_for(&fact).source(), "x");
    }
}

//! The check pipeline after parsing: the resultant policy, the logon
//! model, facts, and the rules run over them to give findings.

mod cases;
pub mod causes;
pub mod chains;
mod collect;
pub mod expectation_fact;
#[cfg(test)]
mod field_tests;
pub mod levels;
pub mod membership_fact;
pub mod near_misses;
pub mod restriction_fact;
mod restriction_facts;
pub mod right_fact;
pub mod rule_cases;
pub mod select;
mod waiver_index;
pub mod waivers;

use crate::expect::{DomainPolicyDecl, Expectations};

use crate::facts::{Fact, FactKind};
use crate::finding::{Finding, Location, lowered};
use crate::logon::{self, AccountVerdicts, Directory};
use crate::model::Date;
use crate::policy::account::AccountPolicy;
use crate::policy::nla::Nla;
use crate::policy::password::{PasswordPolicy, PolicyScope};
use crate::policy::{PolicyInput, Resultant};
use crate::restriction::{self, AccountRestrictions};
use crate::rules::{Rule, RuleSet};
use crate::span::Span;

pub use cases::{ExpectationCase, expectation_cases};
pub use expectation_fact::ExpectationFact;
pub use membership_fact::MembershipFact;
pub use restriction_fact::RestrictionFact;
pub use right_fact::{HolderFact, RightFact};
pub use rule_cases::{
    CaseKind, CaseOutcome, CaseProblem, CasesRun, LoadProblem, run_cases, run_rule_cases,
};

/// Everything the model computes for one chain and one expectations file.
#[derive(Debug)]
pub struct Evaluation<'t> {
    /// The chain folded by precedence.
    pub resultant: Resultant<'t>,
    /// The declared accounts and groups.
    pub directory: Directory,
    /// One entry per declared account.
    pub verdicts: Vec<AccountVerdicts>,
    /// The chain's account policy: `[System Access]` and LSA values.
    pub account_policy: AccountPolicy,
    /// The GPOs linked at the domain root, whose password and lockout
    /// policy governs domain accounts; in evidence they are numbered after
    /// the chain's inputs.
    pub domain_inputs: Vec<PolicyInput<'t>>,
    /// The domain's password and lockout policy.
    pub domain_policy: PasswordPolicy,
    /// One entry per declared account: what refuses a logon after the rights.
    pub restrictions: Vec<AccountRestrictions>,
    /// Whether Remote Desktop requires Network Level Authentication.
    pub nla: Nla,
}

impl<'t> Evaluation<'t> {
    /// Folds the chain and decides every account's five logon types,
    /// without today's date: password expiries are not placed in time.
    pub fn new(inputs: Vec<PolicyInput<'t>>, expect: &Expectations) -> Self {
        Evaluation::on(inputs, expect, None)
    }

    /// [`Evaluation::new`] as of `today`, which places password expiries.
    /// No GPO of the domain root is known: domain accounts follow the
    /// values of `domain_policy`, else Windows' defaults.
    pub fn on(inputs: Vec<PolicyInput<'t>>, expect: &Expectations, today: Option<Date>) -> Self {
        Evaluation::with_domain(inputs, Vec::new(), expect, today)
    }

    /// [`Evaluation::on`] with the GPOs linked at the domain root
    /// (`domain_inputs`, lowest precedence first), whose password and
    /// lockout policy governs domain accounts unless `domain_policy`
    /// declares the values.
    pub fn with_domain(
        inputs: Vec<PolicyInput<'t>>,
        domain_inputs: Vec<PolicyInput<'t>>,
        expect: &Expectations,
        today: Option<Date>,
    ) -> Self {
        let directory = Directory::new(expect);
        Evaluation::with_directory(directory, (inputs, domain_inputs), expect, today)
    }

    /// [`Evaluation::with_domain`] with the directory of `expect` built
    /// already (see [`Directory::scoped`]); `inputs` are the chain's and
    /// the domain root's.
    pub fn with_directory(
        directory: Directory,
        (inputs, domain_inputs): (Vec<PolicyInput<'t>>, Vec<PolicyInput<'t>>),
        expect: &Expectations,
        today: Option<Date>,
    ) -> Self {
        let resultant = Resultant::fold(inputs, expect.target, directory.domain);
        let nla = Nla::resolve(&resultant.inputs, declared_nla(expect));
        let verdicts = logon::evaluate(&resultant, &directory, nla.on);
        let account_policy = AccountPolicy::fold(&resultant.inputs, expect.target);
        let domain_policy = match &expect.domain_policy {
            Some(DomainPolicyDecl::Values(values)) => {
                PasswordPolicy::declared(values, PolicyScope::Domain)
            }
            _ => PasswordPolicy::domain(&domain_inputs, resultant.inputs.len()),
        };
        let hosts = chain_scope(expect).map_or(&[][..], |scope| scope.hosts.as_slice());
        let context = restriction::Context {
            policy: &account_policy,
            domain: &domain_policy,
            hosts,
            today,
            target: expect.target,
            nla: nla.on,
        };
        let restrictions = restriction::evaluate(expect, &directory, context);
        Evaluation {
            resultant,
            directory,
            verdicts,
            account_policy,
            domain_inputs,
            domain_policy,
            restrictions,
            nla,
        }
    }

    /// The input numbered `index` in evidence: the chain's, then the
    /// domain's.
    pub fn input(&self, index: usize) -> Option<&PolicyInput<'t>> {
        let chain = &self.resultant.inputs;
        chain
            .get(index)
            .or_else(|| self.domain_inputs.get(index.checked_sub(chain.len())?))
    }
}

/// The declared scope being evaluated: a chain of one declared scope keeps
/// only that scope (see `scope::expectations_for`), so its hosts are the
/// machines evaluated and its `nla:` theirs.
fn chain_scope(expect: &Expectations) -> Option<&crate::expect::ScopeDecl> {
    match expect.scopes.as_slice() {
        [only] => Some(only),
        _ => None,
    }
}

/// `nla:` of the chain's one declared scope, else of the top level.
fn declared_nla(expect: &Expectations) -> Option<&crate::span::Spanned<bool>> {
    let scoped = chain_scope(expect).and_then(|scope| scope.nla.as_ref());
    scoped.or(expect.nla.as_ref())
}

/// Runs every rule over the facts of an evaluation. `line_of` gives the
/// 1-based line of a span in an input, for messages.
pub fn findings(
    evaluation: &Evaluation<'_>,
    expect: &Expectations,
    rules: &RuleSet,
    line_of: &dyn Fn(usize, Span) -> usize,
) -> Vec<Finding> {
    let Evaluation {
        resultant,
        directory,
        verdicts,
        account_policy,
        ..
    } = evaluation;
    let expectations = collect::expectation_facts(expect, directory, resultant, verdicts, line_of);
    let (rights, holders) = collect::right_facts(resultant, directory, expect, account_policy);
    let restrictions = restriction_facts::restriction_facts(expect, evaluation, line_of);
    let memberships = collect::membership_facts(resultant, directory);
    let mut out = Vec::new();
    for rule in rules.rules() {
        match rule.applies_to {
            FactKind::Expectation => {
                for fact in expectations.iter().filter(|f| rule.when.matches(*f)) {
                    out.push(expectation_finding(rule, fact));
                }
            }
            FactKind::Right => {
                for fact in rights.iter().filter(|f| rule.when.matches(*f)) {
                    out.push(finding(rule, fact, Some(fact.primary()), false));
                }
            }
            FactKind::Holder => {
                for fact in holders.iter().filter(|f| rule.when.matches(*f)) {
                    out.push(finding(rule, fact, Some(fact.primary()), false));
                }
            }
            FactKind::Restriction => {
                for fact in restrictions.iter().filter(|f| rule.when.matches(*f)) {
                    out.push(restriction_finding(rule, fact));
                }
            }
            FactKind::Membership => {
                for fact in memberships.iter().filter(|f| rule.when.matches(*f)) {
                    out.push(finding(rule, fact, Some(fact.primary()), false));
                }
            }
        }
    }
    out.sort_by(Finding::order);
    out
}

fn expectation_finding(rule: &Rule, fact: &ExpectationFact<'_>) -> Finding {
    let (primary, related) = match fact.primary() {
        Some(primary) => (Some(primary), Some(fact.related())),
        None => (Some(fact.related()), None),
    };
    let mut finding = finding(rule, fact, primary, fact.from_default());
    finding.related = related;
    finding.secondary = fact.secondary();
    finding.removed_by = fact.removed_by();
    finding.account = Some(fact.subject.display.clone());
    finding.logon_type = Some(fact.logon_type);
    if fact.from_default() {
        let default_note = format!(
            "no template defines {}: this rests on Windows' default for the target, which the machines may not have",
            fact.verdict.right.constant
        );
        finding.note = Some(match finding.note {
            Some(note) => format!("{note}\n{default_note}"),
            None => default_note,
        });
    }
    finding
}

fn restriction_finding(rule: &Rule, fact: &RestrictionFact<'_>) -> Finding {
    let (primary, related) = match fact.primary() {
        Some(primary) => (Some(primary), Some(fact.related())),
        None => (Some(fact.related()), None),
    };
    let mut finding = finding(rule, fact, primary, fact.from_default());
    finding.related = related;
    finding.account = Some(fact.subject.display.clone());
    finding.logon_type = Some(fact.logon_type);
    if fact.from_default() {
        let default_note = restriction_default_note(fact.restriction);
        finding.note = Some(match finding.note {
            Some(note) => format!("{note}\n{default_note}"),
            None => default_note,
        });
    }
    finding
}

/// What a restriction that rests on a default says about it. A domain
/// account's password policy comes only from the domain root, which the
/// machines' templates cannot stand in for.
fn restriction_default_note(restriction: &restriction::Restriction) -> String {
    let setting = restriction.setting;
    match restriction.policy {
        Some(PolicyScope::Domain) => format!(
            "no GPO linked at the domain root among the inputs defines {setting} (the Default Domain Policy, or one `domain_policy:` names), nor does `domain_policy:` declare it: domain accounts take it only from the domain root or a fine-grained password policy, never from a GPO linked below, so this rests on Windows' default, which the domain may not have"
        ),
        _ => format!(
            "no template defines {setting}: this rests on Windows' default for the target, which the machines may not have"
        ),
    }
}

fn finding(rule: &Rule, fact: &dyn Fact, primary: Option<Location>, from_default: bool) -> Finding {
    let severity = if from_default {
        lowered(rule.severity)
    } else {
        rule.severity
    };
    Finding {
        rule: rule.id.clone(),
        rule_name: rule.name.clone(),
        severity,
        message: rule.message_for(fact).render(fact),
        help: rule.help_for(fact).map(|h| h.render(fact)),
        note: rule.symptom.as_ref().map(|s| s.render(fact)),
        primary,
        secondary: Vec::new(),
        removed_by: None,
        related: None,
        scope: None,
        scopes: Vec::new(),
        waived: None,
        baseline: None,
        account: None,
        logon_type: None,
        from_default,
    }
}

/// Checks template texts against an expectations text in memory: the
/// whole pipeline without files, for rule cases and tests. Errors are
/// those of the expectations text.
pub fn check_texts(
    templates: &[&str],
    expect_text: &str,
    rules: &RuleSet,
) -> Result<Vec<Finding>, Vec<crate::diagnostic::Diagnostic>> {
    check_texts_on(templates, expect_text, rules, None)
}

/// [`check_texts`] as of `today`, which places password expiries.
pub fn check_texts_on(
    templates: &[&str],
    expect_text: &str,
    rules: &RuleSet,
    today: Option<Date>,
) -> Result<Vec<Finding>, Vec<crate::diagnostic::Diagnostic>> {
    let expect = crate::expect::load("services.yaml", expect_text)?;
    // In memory there are no GPOs for `domain_policy` to name.
    if let Some(DomainPolicyDecl::Gpos(entries)) = &expect.domain_policy {
        let not_found = entries
            .iter()
            .filter_map(|entry| crate::scope::resolve_gpo(&entry.value, entry.span, &[]).err());
        return Err(not_found.collect());
    }
    let typed: Vec<_> = templates
        .iter()
        .map(|text| crate::template::build(&crate::syntax::parse(text)))
        .collect();
    let inputs = typed
        .iter()
        .map(|template| PolicyInput {
            name: "GptTmpl.inf",
            template,
        })
        .collect();
    let evaluation = Evaluation::on(inputs, &expect, today);
    // The 1-based line: one more than the line ends before the span (a
    // span at the start of a line has that line's end before it).
    let line_of = |input: usize, span: Span| {
        templates
            .get(input)
            .and_then(|text| text.get(..span.start))
            .map_or(0, |before| before.matches('\n').count() + 1)
    };
    Ok(findings(&evaluation, &expect, rules, &line_of))
}

//! Every field a rule can read holds a value on real facts: built from
//! the built-in rules' own cases and a two-template chain, each declared
//! field is there on every fact of its kind, has its declared type, and
//! is filled (non-empty text or list, a true flag, a non-zero number) on
//! at least one fact. A field documented but never filled would load in
//! a rule and then never match, or render as "".

use std::collections::BTreeSet;

use crate::expect;
use crate::facts::{Fact, FactKind, FactValue, FieldType};
use crate::model::Date;
use crate::policy::PolicyInput;
use crate::rules::{RuleCase, RuleSet};
use crate::span::Span;
use crate::{syntax, template};

use super::{Evaluation, collect, restriction_facts};

/// The fields filled on at least one fact so far.
type Filled = BTreeSet<(FactKind, &'static str)>;

/// Reads every declared field of `fact`, checks it is there with its
/// declared type, and notes it when filled.
fn read_all(fact: &dyn Fact, filled: &mut Filled) {
    let kind = fact.kind();
    for field in kind.fields() {
        let value = fact.field(field.name);
        let Some(value) = value else {
            panic!("`{}` of a {} fact is missing", field.name, kind.as_str());
        };
        let (ty, full) = match &value {
            FactValue::Text(text) => (FieldType::Text, !text.is_empty()),
            FactValue::Bool(flag) => (FieldType::Bool, *flag),
            FactValue::Int(number) => (FieldType::Int, *number != 0),
            FactValue::List(items) => (FieldType::List, !items.is_empty()),
        };
        assert_eq!(ty, field.ty, "`{}` of {}", field.name, kind.as_str());
        if full {
            filled.insert((kind, field.name));
        }
    }
    assert_eq!(fact.field("no_such_field"), None);
}

/// Builds every fact of `templates` (named `first.inf`, `second.inf`, …)
/// against `expect_text` and reads them all.
fn read_facts(templates: &[&str], expect_text: &str, today: Option<Date>, filled: &mut Filled) {
    let expect = expect::load("services.yaml", expect_text).unwrap();
    let typed: Vec<_> = templates
        .iter()
        .map(|text| template::build(&syntax::parse(text)))
        .collect();
    const NAMES: [&str; 2] = ["first.inf", "second.inf"];
    let inputs = typed
        .iter()
        .zip(NAMES)
        .map(|(template, name)| PolicyInput { name, template })
        .collect();
    let evaluation = Evaluation::on(inputs, &expect, today);
    let line_of = |input: usize, span: Span| {
        let before = templates.get(input).and_then(|t| t.get(..span.start));
        before.map_or(0, |b| b.matches('\n').count() + 1)
    };
    let Evaluation {
        resultant,
        directory,
        verdicts,
        account_policy,
        ..
    } = &evaluation;
    let expectations =
        collect::expectation_facts(&expect, directory, resultant, verdicts, &line_of);
    let (rights, holders) = collect::right_facts(resultant, directory, &expect, account_policy);
    let restrictions = restriction_facts::restriction_facts(&expect, &evaluation, &line_of);
    let memberships = collect::membership_facts(resultant, directory);
    let facts = (expectations.iter().map(|f| f as &dyn Fact))
        .chain(rights.iter().map(|f| f as &dyn Fact))
        .chain(holders.iter().map(|f| f as &dyn Fact))
        .chain(restrictions.iter().map(|f| f as &dyn Fact))
        .chain(memberships.iter().map(|f| f as &dyn Fact));
    for fact in facts {
        read_all(fact, filled);
    }
}

/// A rule case as `tests/rules.rs` runs it.
fn read_case(case: &RuleCase, filled: &mut Filled) {
    let expect = case
        .expect
        .as_deref()
        .unwrap_or("accounts:\n  - name: CONTOSO\\nobody\n");
    let expect = match &case.target {
        Some(target) => format!("target: {target}\n{expect}"),
        None => expect.to_owned(),
    };
    let today = case.today.as_deref().and_then(Date::parse);
    read_facts(&[&case.template], &expect, today, filled);
}

/// A later template's list replaces an earlier one that granted the
/// account: the one case of `replaced_file`, which needs two templates.
/// The account's SID is declared and it is disabled, so a restriction
/// fact carries `account_sid`, which no rule case declares.
const FIRST: &str = "[Privilege Rights]\nSeServiceLogonRight = CONTOSO\\svc_sql\n";
const SECOND: &str = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0\n";
const REPLACED: &str = "accounts:\n  - name: CONTOSO\\svc_sql\n    sid: S-1-5-21-1-2-3-1105\n    disabled: true\n    logon: [service]\n";

#[test]
fn every_declared_field_is_read_and_filled_on_real_facts() {
    let rules = RuleSet::builtin().unwrap();
    let mut filled = Filled::new();
    for rule in rules.rules() {
        for case in rule.tests.valid.iter().chain(&rule.tests.invalid) {
            read_case(case, &mut filled);
        }
    }
    read_facts(&[FIRST, SECOND], REPLACED, None, &mut filled);
    let empty: Vec<String> = FactKind::ALL
        .iter()
        .flat_map(|&kind| kind.fields().iter().map(move |field| (kind, field.name)))
        .filter(|key| !filled.contains(key))
        .map(|(kind, name)| format!("{}.{name}", kind.as_str()))
        .collect();
    assert!(empty.is_empty(), "never filled: {}", empty.join(", "));
}

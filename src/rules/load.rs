//! Reading one rule file into a [`Rule`]: the shared YAML reader types it
//! ([`RuleDoc`]), then [`Check`] says what types cannot. Every problem in
//! the file is collected rather than the first, so one run shows all that
//! needs fixing.

use super::check::Check;
use super::document::RuleDoc;
use super::rule::Rule;
use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;
use crate::yaml::{self, Dialect, Shape, Words};

/// One nesting limit for every YAML file gplint reads; rule files need a
/// dozen levels. A rule file is plain data, and an anchor would only
/// invite an alias making one value live at two places. Trimmed scalar
/// spans keep labels on a `docs: |` block off the line after it.
const DIALECT: Dialect = Dialect {
    max_depth: 64,
    plain_data: true,
    trim_scalar_spans: true,
};

/// How messages name the mappings of a rule file.
pub(super) const WORDS: Words = Words {
    file: "a rule file",
    shapes: &[
        shape(
            "Rule",
            "a rule",
            "of a rule",
            "id: GPL901, name: my-rule, severity: warning, applies_to: right, when: …, summary: …, message: …, docs: …, tests: …",
        ),
        shape(
            "Predicate",
            "a predicate",
            "of a predicate",
            "{ field: verdict, equals: denied }",
        ),
        shape(
            "Variant",
            "a variant",
            "of a variant",
            "{ when: { field: removed_by, is_empty: false }, help: \"…\" }",
        ),
        shape(
            "Detects",
            "`detects`",
            "of `detects`",
            "{ errors: [1385, 1069], events: [4625, 7041] }",
        ),
        shape(
            "Tests",
            "`tests`",
            "of `tests`",
            "{ invalid: [{ template: … }], valid: [{ template: … }] }",
        ),
        shape(
            "Case",
            "a test case",
            "of a test case",
            "template: |\n  [Privilege Rights]\n  …\nexpect: |\n  accounts: …",
        ),
    ],
};

const fn shape(
    name: &'static str,
    what: &'static str,
    of: &'static str,
    example: &'static str,
) -> Shape {
    Shape {
        name,
        what,
        of,
        example,
    }
}

/// Reads the rule in `text`, from `file`; a built-in rule's file must be
/// named after its id and name.
pub(super) fn load(file: &str, text: &str, builtin: bool) -> Result<Rule, Vec<Diagnostic>> {
    let root = match yaml::read(text, &DIALECT, &WORDS) {
        Ok(Some(root)) => root,
        Ok(None) => return Err(vec![empty_file(text)]),
        Err(problem) => return Err(vec![problem]),
    };
    let typed = yaml::from_node::<RuleDoc>(&root, &WORDS);
    let mut check = Check {
        text,
        root: &root,
        problems: typed.problems,
    };
    let rule = typed.value.and_then(|doc| check.rule(&doc));
    if let Some(rule) = rule.as_ref().filter(|_| builtin) {
        check.file_name(file, rule);
    }
    match rule {
        Some(mut rule) if check.problems.is_empty() => {
            rule.origin.file = file.to_owned();
            rule.origin.builtin = builtin;
            Ok(rule)
        }
        _ => Err(check.problems),
    }
}

fn empty_file(text: &str) -> Diagnostic {
    Diagnostic::new(Code::YamlWrongShape,
        "this rule file is empty",
        Span::new(0, text.len()),
    )
    .with_label("no rule here")
    .with_help("a rule file is a mapping with id, name, severity, applies_to, when, summary, message, docs and tests")
}

#[cfg(test)]
mod tests;

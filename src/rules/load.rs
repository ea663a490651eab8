//! Reading one rule file into a [`Rule`], collecting every problem in it
//! rather than stopping at the first, so one run shows all that needs
//! fixing.

use super::cases;
use super::header;
use super::load_error::error;
use super::mapping::{Entry, Mapping};
use super::predicate_load;
use super::read_yaml;
use super::rule::{Rule, RuleOrigin};
use super::template::MessageTemplate;
use super::template_load;
use super::variant_load;
use crate::diagnostic::Diagnostic;
use crate::facts::FactKind;
use crate::span::Span;

/// The keys of a rule file.
const KEYS: [&str; 12] = [
    "id",
    "name",
    "severity",
    "applies_to",
    "when",
    "summary",
    "message",
    "help",
    "symptom",
    "variants",
    "docs",
    "tests",
];

/// Reads the rule in `text`, from `file`; a built-in rule's file must be
/// named after its id and name.
pub(super) fn load(file: &str, text: &str, builtin: bool) -> Result<Rule, Vec<Diagnostic>> {
    let root = match read_yaml::parse(text) {
        Ok(Some(root)) => root,
        Ok(None) => return Err(vec![empty_file(text)]),
        Err(problem) => return Err(vec![problem]),
    };
    let mut problems = Vec::new();
    let Some(map) = Mapping::read(&root, "a rule", &KEYS, &mut problems) else {
        return Err(problems);
    };
    let rule = read(&map, text, &mut problems);
    if let Some(rule) = rule.as_ref().filter(|_| builtin) {
        check_file_name(file, rule, &mut problems);
    }
    match rule {
        Some(mut rule) if problems.is_empty() => {
            rule.origin.file = file.to_owned();
            rule.origin.builtin = builtin;
            Ok(rule)
        }
        _ => Err(problems),
    }
}

/// Every key is read even after a problem, so all of them are reported.
fn read(map: &Mapping<'_>, text: &str, problems: &mut Vec<Diagnostic>) -> Option<Rule> {
    let id = header::id(map, problems);
    let name = header::name(map, problems);
    let severity = header::severity(map, problems);
    let kind = header::applies_to(map, problems);
    let when = map.required("when", problems);
    // Fields, and so predicates and placeholders, depend on the kind: with
    // no kind they cannot be checked, and guessing would add noise.
    let when = when
        .zip(kind)
        .and_then(|(entry, kind)| predicate_load::load(entry.value, kind, problems));
    let summary = header::summary(map, problems);
    let message = map.required("message", problems);
    let message = message
        .zip(kind)
        .and_then(|(entry, kind)| template_load::load(&entry, kind, text, problems));
    let help = optional_template(map.get("help"), kind, text, problems);
    let symptom = optional_template(map.get("symptom"), kind, text, problems);
    let variants = variant_load::load(map.get("variants"), kind, text, problems);
    let docs = map
        .required("docs", problems)
        .and_then(|entry| entry.filled_text(problems));
    let tests = cases::load(map.get("tests"), map.anchor(), problems);
    let ((id, id_span), (name, name_span)) = (id?, name?);
    Some(Rule {
        id: id.to_owned(),
        name: name.to_owned(),
        severity: severity?,
        applies_to: kind?,
        when: when?,
        summary: summary?.to_owned(),
        message: message?,
        help: help?,
        symptom: symptom?,
        variants: variants?,
        docs: docs?.to_owned(),
        tests: tests?,
        origin: RuleOrigin {
            file: String::new(),
            builtin: false,
            text: text.to_owned(),
            id_span,
            name_span,
        },
    })
}

/// `Some(None)` when the key is absent, `None` after a problem.
fn optional_template(
    entry: Option<Entry<'_>>,
    kind: Option<FactKind>,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Option<MessageTemplate>> {
    match entry {
        None => Some(None),
        Some(entry) => template_load::load(&entry, kind?, text, problems).map(Some),
    }
}

/// The built-in pack is browsed by file name, so each file is named
/// `<id>-<name>.yaml` (or `.yml`, which the build embeds too).
fn check_file_name(file: &str, rule: &Rule, problems: &mut Vec<Diagnostic>) {
    let stem = format!("{}-{}", rule.id, rule.name);
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let named = [".yaml", ".yml"]
        .iter()
        .any(|ext| base.strip_suffix(ext) == Some(stem.as_str()));
    if named {
        return;
    }
    problems.push(
        error(
            "rule::file-name",
            format!("built-in rule file `{base}` is not named after its rule"),
            rule.origin.id_span,
        )
        .with_label("this id")
        .with_secondary(rule.origin.name_span, "and this name")
        .with_help(format!("rename the file to `{stem}.yaml`")),
    );
}

fn empty_file(text: &str) -> Diagnostic {
    error(
        "rule::wrong-type",
        "this rule file is empty",
        Span::new(0, text.len()),
    )
    .with_label("no rule here")
    .with_help("a rule file is a mapping with id, name, severity, applies_to, when, summary, message, docs and tests")
}

#[cfg(test)]
mod tests;

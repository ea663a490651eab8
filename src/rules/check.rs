//! What types cannot say about a rule file: the keys it must have, the
//! form of its id, name and summary, and, against its kind of fact, its
//! fields and placeholders. Everything is checked even after a problem,
//! so one run shows all that needs fixing.

use super::document::{RuleDoc, VariantDoc};
use super::load_error::error;
use super::required::Required;
use super::rule::{Rule, RuleOrigin, Variant};
use super::template::MessageTemplate;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::FactKind;
use crate::span::Span;
use crate::span::Spanned;
use crate::yaml::{Field, List, Node, NodeKind};

/// The rule file being checked, and the problems found so far.
pub(super) struct Check<'a> {
    /// The file's text, for placeholders' spans.
    pub(super) text: &'a str,
    /// Its tree, for where a mapping's first key is.
    pub(super) root: &'a Node,
    pub(super) problems: Vec<Diagnostic>,
}

impl Check<'_> {
    /// Records `problem`; `None`, for the caller to return.
    pub(super) fn push<T>(&mut self, problem: Diagnostic) -> Option<T> {
        self.problems.push(problem);
        None
    }

    /// `field` is not written in the mapping at `map`: shown at its first
    /// key, as for every mapping of a rule file.
    pub(super) fn missing<T>(&mut self, field: &str, what: &str, map: Span) -> Option<T> {
        let at = first_key(self.root, map).unwrap_or(Span::new(map.start, map.start));
        self.push(
            error(
                Code::YamlMissingField,
                format!("{what} needs `{field}`"),
                at,
            )
            .with_label(format!("no `{field}` here"))
            .with_help(format!("add `{field}:` with its value")),
        )
    }

    /// The value of the required `field` of the mapping at `map`,
    /// reporting it when it is missing.
    pub(super) fn required<'r, T>(
        &mut self,
        field: &'r Required<T>,
        name: &str,
        what: &str,
        map: Span,
    ) -> Option<&'r T> {
        match field {
            Required::Given(value) => Some(value),
            Required::Invalid => None,
            Required::Missing => self.missing(name, what, map),
        }
    }

    /// The value of the rule's required `field`.
    fn need<'r, T>(&mut self, field: &'r Required<T>, name: &str) -> Option<&'r T> {
        self.required(field, name, "a rule", self.root.span)
    }

    /// Where to point at the rule as a whole: its first key.
    pub(super) fn anchor(&self) -> Span {
        first_key(self.root, self.root.span).unwrap_or_default()
    }

    /// Where the rule's key `name` is written.
    pub(super) fn key(&self, name: &str) -> Span {
        let NodeKind::Map(entries) = &self.root.kind else {
            return self.anchor();
        };
        (entries.iter())
            .find(|entry| entry.key.text() == Some(name))
            .map_or(self.anchor(), |entry| entry.key.span)
    }

    /// The rule in `doc`, or `None` after reporting every problem.
    pub(super) fn rule(&mut self, doc: &RuleDoc) -> Option<Rule> {
        let id = self.need(&doc.id, "id").and_then(|id| self.id(id));
        let name = self
            .need(&doc.name, "name")
            .and_then(|name| self.name(name));
        let severity = self.need(&doc.severity, "severity");
        let kind = self.need(&doc.applies_to, "applies_to");
        // Fields, and so predicates and placeholders, depend on the kind:
        // with no kind they cannot be checked, and guessing would add noise.
        let when = self.need(&doc.when, "when");
        let when = when
            .zip(kind)
            .and_then(|(when, kind)| self.predicate(when, *kind));
        let summary = self
            .need(&doc.summary, "summary")
            .and_then(|s| self.summary(s));
        let message = self.need(&doc.message, "message");
        let message = message
            .zip(kind)
            .and_then(|(m, kind)| self.template(m, "message", *kind));
        let help = self.optional(&doc.help, "help", kind);
        let symptom = self.optional(&doc.symptom, "symptom", kind);
        let variants = self.variants(doc, kind);
        let detects = self.detects(&doc.detects);
        let docs = self
            .need(&doc.docs, "docs")
            .and_then(|docs| self.filled(docs, "docs"));
        let tests = self.tests(&doc.tests);
        let (id, name) = (id?, name?);
        Some(Rule {
            id: id.value.clone(),
            name: name.value.clone(),
            severity: *severity?,
            applies_to: *kind?,
            when: when?,
            summary: summary?,
            message: message?,
            help: help?,
            symptom: symptom?,
            variants: variants?,
            detects: detects?,
            docs: docs?.to_owned(),
            tests: tests?,
            origin: RuleOrigin {
                file: String::new(),
                builtin: false,
                text: self.text.to_owned(),
                id_span: id.span,
                name_span: name.span,
            },
        })
    }

    /// `id`: `GPL` and three digits.
    fn id<'s>(&mut self, id: &'s Spanned<String>) -> Option<&'s Spanned<String>> {
        let digits = id.value.strip_prefix("GPL").unwrap_or_default();
        if digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Some(id);
        }
        let message = format!("`{}` is not a rule id", id.value);
        self.push(
            error(Code::RuleBadId, message, id.span)
                .with_label("expected GPL and three digits")
                .with_help("write it like GPL101"),
        )
    }

    /// `name`: kebab-case, lower-case letters and digits between single
    /// dashes.
    fn name<'s>(&mut self, name: &'s Spanned<String>) -> Option<&'s Spanned<String>> {
        let words = name.value.split('-');
        let kebab = name.value.starts_with(|c: char| c.is_ascii_lowercase())
            && words.clone().all(|word| !word.is_empty())
            && words
                .flat_map(str::bytes)
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if kebab {
            return Some(name);
        }
        let lower = name.value.to_ascii_lowercase();
        let words: Vec<&str> = (lower.split(|c: char| !c.is_ascii_alphanumeric()))
            .filter(|word| !word.is_empty())
            .collect();
        self.push(
            error(
                Code::RuleBadName,
                format!("rule name `{}` is not kebab-case", name.value),
                name.span,
            )
            .with_label("expected words like needed-logon-type-not-granted")
            .with_help(format!("write it as `{}`", words.join("-"))),
        )
    }

    /// `summary`: one line.
    fn summary(&mut self, summary: &Spanned<String>) -> Option<String> {
        let line = self.filled(summary, "summary")?.trim();
        if !line.contains('\n') {
            return Some(line.to_owned());
        }
        self.push(
            error(
                Code::RuleBadSummary,
                "`summary` is one line, for rule listings",
                summary.span,
            )
            .with_label("more than one line")
            .with_help("keep the first line here and move the rest to `docs`"),
        )
    }

    /// The text of `value`; a problem when it is blank.
    pub(super) fn filled<'s>(&mut self, value: &'s Spanned<String>, name: &str) -> Option<&'s str> {
        if !value.value.trim().is_empty() {
            return Some(&value.value);
        }
        self.push(
            error(
                Code::YamlEmptyValue,
                format!("`{name}` has no value"),
                value.span,
            )
            .with_label("no value")
            .with_help(format!("write the {name} here, or remove the key")),
        )
    }

    /// `help` or `symptom`: `Some(None)` when absent, `None` after a problem.
    fn optional(
        &mut self,
        value: &Field<Spanned<String>>,
        name: &str,
        kind: Option<&FactKind>,
    ) -> Option<Option<MessageTemplate>> {
        match value {
            Field::Absent => Some(None),
            Field::Invalid => None,
            Field::Given(text) => self.template(text, name, *kind?).map(Some),
        }
    }

    /// `variants`: none when absent, `None` after a problem.
    fn variants(&mut self, doc: &RuleDoc, kind: Option<&FactKind>) -> Option<Vec<Variant>> {
        let list = match &doc.variants {
            Field::Absent => return Some(Vec::new()),
            Field::Invalid => return None,
            Field::Given(list) => list,
        };
        // Without the kind, fields cannot be checked; its problem is said.
        let kind = *kind?;
        self.each(list, |check, variant| check.variant(variant, kind))
    }

    /// Every item of `list` checked, even after a failure, so all problems
    /// show; `None` when one fails or could not be read.
    pub(super) fn each<T, U>(
        &mut self,
        list: &List<T>,
        mut check: impl FnMut(&mut Self, &T) -> Option<U>,
    ) -> Option<Vec<U>> {
        let checked: Vec<Option<U>> = list.items.iter().map(|item| check(self, item)).collect();
        let checked = checked.into_iter().collect::<Option<Vec<U>>>()?;
        list.complete.then_some(checked)
    }

    fn variant(&mut self, variant: &Spanned<VariantDoc>, kind: FactKind) -> Option<Variant> {
        let doc = &variant.value;
        let when = self.required(&doc.when, "when", "a variant", variant.span);
        let when = when.and_then(|when| self.predicate(when, kind));
        let message = self.optional(&doc.message, "message", Some(&kind));
        let help = self.optional(&doc.help, "help", Some(&kind));
        let (when, message, help) = (when?, message?, help?);
        if message.is_none() && help.is_none() {
            let at = first_key(self.root, variant.span).unwrap_or(variant.span);
            return self.push(
                error(
                    Code::RuleEmptyVariant,
                    "a variant changes neither `message` nor `help`",
                    at,
                )
                .with_label("a variant without words")
                .with_help("give it a `message`, a `help` or both, or remove it"),
            );
        }
        Some(Variant {
            when,
            message,
            help,
        })
    }

    /// A built-in rule's file is named `<id>-<name>.yaml` (or `.yml`,
    /// which the build embeds too): the pack is browsed by file name.
    pub(super) fn file_name(&mut self, file: &str, rule: &Rule) {
        let stem = format!("{}-{}", rule.id, rule.name);
        let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
        let named = [".yaml", ".yml"]
            .iter()
            .any(|ext| base.strip_suffix(ext) == Some(stem.as_str()));
        if !named {
            let message = format!("built-in rule file `{base}` is not named after its rule");
            self.push::<()>(
                error(Code::RuleFileName, message, rule.origin.id_span)
                    .with_label("this id")
                    .with_secondary(rule.origin.name_span, "and this name")
                    .with_help(format!("rename the file to `{stem}.yaml`")),
            );
        }
    }
}

/// A list written with nothing in it (`[]`).
pub(super) fn empty<T>(list: &List<T>) -> bool {
    list.items.is_empty() && list.complete
}

/// The span of the first key of the mapping written at `map`, searched
/// from `node`.
fn first_key(node: &Node, map: Span) -> Option<Span> {
    match &node.kind {
        NodeKind::Map(entries) if node.span == map => entries.first().map(|entry| entry.key.span),
        NodeKind::Map(entries) => entries
            .iter()
            .find_map(|entry| first_key(&entry.value, map)),
        NodeKind::Seq(items) => items.iter().find_map(|item| first_key(item, map)),
        NodeKind::Scalar { .. } => None,
    }
}

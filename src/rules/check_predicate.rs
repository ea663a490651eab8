//! The check of `when:` against the fields of the rule's kind of fact,
//! so a misspelt field, or a matcher that cannot apply to its field,
//! fails at load rather than by never matching.

use super::check::{Check, empty};
use super::load_error::error;
use super::predicate::{Matcher, Predicate};
use super::predicate_doc::{Key, Part, PredicateDoc};
use super::scalar::Scalar;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::{FactKind, FieldDoc, FieldType};
use crate::span::Spanned;
use crate::suggest::did_you_mean;

/// The matchers, in the order the docs list them.
const MATCHERS: [Key; 6] = [
    Key::Equals,
    Key::OneOf,
    Key::Contains,
    Key::IsEmpty,
    Key::AtLeast,
    Key::AtMost,
];

type Entry = (Spanned<Key>, Option<Part>);

impl Check<'_> {
    /// The predicate `doc` over facts of `kind`; `None` after a problem.
    pub(super) fn predicate(
        &mut self,
        doc: &Spanned<PredicateDoc>,
        kind: FactKind,
    ) -> Option<Predicate> {
        let entries = &doc.value.entries;
        if let Some((key, part)) = entries.iter().find(|(key, _)| key.value.combines()) {
            if let Some((extra, _)) = entries.iter().find(|(other, _)| other.value != key.value) {
                return self.push(not_alone(key, extra));
            }
            return self.combine(key.value, part.as_ref()?, kind);
        }
        let Some((_, field)) = entries.iter().find(|(key, _)| key.value == Key::Field) else {
            return self.missing("field", "a predicate", doc.span);
        };
        let Some(Part::Field(name)) = field else {
            return None;
        };
        self.test(entries, name, kind)
    }

    fn combine(&mut self, key: Key, part: &Part, kind: FactKind) -> Option<Predicate> {
        let parts = match part {
            Part::Not(inner) => {
                return Some(Predicate::Not(Box::new(self.predicate(inner, kind)?)));
            }
            Part::Predicates(parts) => parts,
            _ => return None,
        };
        if empty(&parts.value) {
            let message = format!("`{}` needs at least one predicate", key.name());
            return self.push(bad_predicate(message, parts, "empty list"));
        }
        let checked = self.each(&parts.value, |check, part| check.predicate(part, kind))?;
        Some(match key {
            Key::All => Predicate::All(checked),
            _ => Predicate::Any(checked),
        })
    }

    fn test(
        &mut self,
        entries: &[Entry],
        name: &Spanned<String>,
        kind: FactKind,
    ) -> Option<Predicate> {
        let doc = self.field_doc(name, kind);
        let matchers: Vec<&Entry> = entries
            .iter()
            .filter(|(key, _)| key.value.matches())
            .collect();
        let (key, part) = match matchers.as_slice() {
            [] => return self.push(no_matcher(entries, &name.value)),
            [one] => one,
            [first, second, ..] => return self.push(two_matchers(&first.0, &second.0)),
        };
        let matcher = self.matcher(key, part.as_ref()?, doc?)?;
        let field = name.value.clone();
        Some(Predicate::Test { field, matcher })
    }

    /// The field `name` of `kind`; a problem naming the closest when
    /// there is no such field.
    fn field_doc(&mut self, name: &Spanned<String>, kind: FactKind) -> Option<&'static FieldDoc> {
        let fields = kind.fields();
        let found = fields.iter().find(|doc| doc.name == name.value);
        if found.is_none() {
            let names = fields.iter().map(|doc| doc.name);
            let problem = error(
                Code::RuleUnknownField,
                format!(
                    "a fact of kind `{}` has no field `{}`",
                    kind.as_str(),
                    name.value
                ),
                name.span,
            )
            .with_label("unknown field");
            let help = match did_you_mean(&name.value, names.clone()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("its fields: {}", names.collect::<Vec<_>>().join(", ")),
            };
            self.push::<()>(problem.with_help(help));
        }
        found
    }

    fn matcher(&mut self, key: &Spanned<Key>, part: &Part, field: &FieldDoc) -> Option<Matcher> {
        if !suits(key.value, field.ty) {
            return self.push(unsuitable(key, field));
        }
        let name = key.value.name();
        let value = |check: &mut Self, ty| match part {
            Part::Value(value) => check.value(name, value, field.name, ty),
            _ => None,
        };
        Some(match key.value {
            Key::OneOf => Matcher::OneOf(self.one_of(part, field)?),
            Key::Equals => Matcher::Equals(value(self, field.ty)?),
            Key::Contains => match value(self, FieldType::Text)? {
                Scalar::Text(text) => Matcher::Contains(text),
                _ => return None,
            },
            Key::IsEmpty => match value(self, FieldType::Bool)? {
                Scalar::Bool(flag) => Matcher::IsEmpty(flag),
                _ => return None,
            },
            _ => match value(self, FieldType::Int)? {
                Scalar::Int(number) if key.value == Key::AtLeast => Matcher::AtLeast(number),
                Scalar::Int(number) => Matcher::AtMost(number),
                _ => return None,
            },
        })
    }

    fn one_of(&mut self, part: &Part, field: &FieldDoc) -> Option<Vec<Scalar>> {
        let Part::Values(values) = part else {
            return None;
        };
        if empty(&values.value) {
            let message = "`one_of` needs at least one value".to_owned();
            return self.push(bad_predicate(message, values, "empty list"));
        }
        self.each(&values.value, |check, item| {
            check.value("one_of", item, field.name, field.ty)
        })
    }

    /// `value` as a value to compare with a field of type `ty`; the items
    /// of a list field are text.
    fn value(
        &mut self,
        matcher: &str,
        value: &Spanned<Scalar>,
        field: &str,
        ty: FieldType,
    ) -> Option<Scalar> {
        let (fits, found) = match (ty, &value.value) {
            (FieldType::Text | FieldType::List, Scalar::Text(_)) => (true, "text"),
            (FieldType::Bool, Scalar::Bool(_)) | (FieldType::Int, Scalar::Int(_)) => (true, ""),
            (_, Scalar::Text(_)) => (false, "text"),
            (_, Scalar::Bool(_)) => (false, "a bool"),
            (_, Scalar::Int(_)) => (false, "a number"),
        };
        if fits {
            return Some(value.value.clone());
        }
        let expected = describe(if ty == FieldType::List {
            FieldType::Text
        } else {
            ty
        });
        let problem = error(
            Code::RuleMatcherType,
            format!("`{matcher}` on `{field}` needs {expected}, not {found}"),
            value.span,
        )
        .with_label(found);
        match (expected, found) {
            ("text", "a number" | "a bool") => {
                self.push(problem.with_help("quote the value to compare it as text"))
            }
            _ => self.push(problem),
        }
    }
}

fn bad_predicate<T>(message: String, at: &Spanned<T>, label: &str) -> Diagnostic {
    error(Code::RuleBadPredicate, message, at.span).with_label(label)
}

/// Whether `matcher` applies to fields of type `ty`. Equality on a list is
/// left out on purpose: `contains` says which of its meanings is wanted.
fn suits(matcher: Key, ty: FieldType) -> bool {
    match matcher {
        Key::Equals | Key::OneOf => ty != FieldType::List,
        Key::Contains | Key::IsEmpty => matches!(ty, FieldType::Text | FieldType::List),
        _ => ty == FieldType::Int,
    }
}

/// What values of a type are, in words.
fn describe(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Text => "text",
        FieldType::Bool => "true or false",
        FieldType::Int => "a whole number",
        FieldType::List => "a list of text",
    }
}

fn unsuitable(key: &Spanned<Key>, field: &FieldDoc) -> Diagnostic {
    let fitting: Vec<&str> = (MATCHERS.iter())
        .filter(|matcher| suits(**matcher, field.ty))
        .map(|matcher| matcher.name())
        .collect();
    let ty = describe(field.ty);
    error(
        Code::RuleMatcherType,
        format!(
            "`{}` does not apply to `{}`, which is {ty}",
            key.value.name(),
            field.name
        ),
        key.span,
    )
    .with_label(format!("not for {ty}"))
    .with_help(format!("on {ty} use: {}", fitting.join(", ")))
}

fn not_alone(combinator: &Spanned<Key>, extra: &Spanned<Key>) -> Diagnostic {
    let (combinator_name, extra_name) = (combinator.value.name(), extra.value.name());
    error(
        Code::RuleBadPredicate,
        format!(
            "`{combinator_name}` stands alone in its predicate, but `{extra_name}` is beside it"
        ),
        extra.span,
    )
    .with_label("beside it")
    .with_secondary(combinator.span, "this")
    .with_help("put each test in its own list item under `all` or `any`")
}

fn no_matcher(entries: &[Entry], name: &str) -> Diagnostic {
    let field = entries.iter().find(|(key, _)| key.value == Key::Field);
    let names: Vec<&str> = MATCHERS.iter().map(|key| key.name()).collect();
    error(
        Code::RuleBadPredicate,
        format!("the test of `{name}` has no matcher"),
        field.map(|(key, _)| key.span).unwrap_or_default(),
    )
    .with_label("nothing to test it with")
    .with_help(format!("add one of: {}", names.join(", ")))
}

fn two_matchers(first: &Spanned<Key>, second: &Spanned<Key>) -> Diagnostic {
    error(
        Code::RuleBadPredicate,
        "a field test takes one matcher",
        second.span,
    )
    .with_label("second matcher")
    .with_secondary(first.span, "first matcher")
    .with_help("write two tests under `all` or `any`")
}

//! Reading one matcher (`equals: must`) for a known field, refusing a
//! matcher or value that cannot apply to the field's type: such a test
//! would silently never match.

use super::load_error::error;
use super::mapping::{Entry, wrong_shape};
use super::predicate::Matcher;
use super::scalar::{Mismatch, Scalar, describe, typed};
use crate::diagnostic::Diagnostic;
use crate::facts::{FieldDoc, FieldType};
use crate::yaml::{Node, NodeKind};

/// The matcher keys, in the order the docs list them.
pub(super) const MATCHERS: [&str; 6] = [
    "equals", "one_of", "contains", "is_empty", "at_least", "at_most",
];

/// Reads the matcher written as `entry` for `field`.
pub(super) fn load(
    entry: &Entry<'_>,
    field: &FieldDoc,
    problems: &mut Vec<Diagnostic>,
) -> Option<Matcher> {
    if !suits(entry.name, field.ty) {
        problems.push(unsuitable(entry, field));
        return None;
    }
    let (name, node) = (entry.name, entry.value);
    match name {
        "equals" => value(name, node, field.name, field.ty, problems).map(Matcher::Equals),
        "one_of" => one_of(entry, field, problems).map(Matcher::OneOf),
        "contains" => match value(name, node, field.name, FieldType::Text, problems)? {
            Scalar::Text(text) => Some(Matcher::Contains(text)),
            _ => None,
        },
        "is_empty" => match value(name, node, field.name, FieldType::Bool, problems)? {
            Scalar::Bool(flag) => Some(Matcher::IsEmpty(flag)),
            _ => None,
        },
        _ => match value(name, node, field.name, FieldType::Int, problems)? {
            Scalar::Int(number) if name == "at_least" => Some(Matcher::AtLeast(number)),
            Scalar::Int(number) => Some(Matcher::AtMost(number)),
            _ => None,
        },
    }
}

/// Whether `matcher` applies to fields of type `ty`. Equality on a list is
/// left out on purpose: `contains` says which of its meanings is wanted.
fn suits(matcher: &str, ty: FieldType) -> bool {
    match matcher {
        "equals" | "one_of" => ty != FieldType::List,
        "contains" | "is_empty" => matches!(ty, FieldType::Text | FieldType::List),
        _ => ty == FieldType::Int,
    }
}

fn one_of(
    entry: &Entry<'_>,
    field: &FieldDoc,
    problems: &mut Vec<Diagnostic>,
) -> Option<Vec<Scalar>> {
    let NodeKind::Seq(items) = &entry.value.kind else {
        problems.push(wrong_shape(entry.value, "`one_of`", "a list of values"));
        return None;
    };
    if items.is_empty() {
        problems.push(
            error(
                "rule::bad-predicate",
                "`one_of` needs at least one value",
                entry.value.span,
            )
            .with_label("empty list"),
        );
        return None;
    }
    let values: Vec<Option<Scalar>> = items
        .iter()
        .map(|item| value("one_of", item, field.name, field.ty, problems))
        .collect();
    values.into_iter().collect()
}

fn value(
    matcher: &str,
    node: &Node,
    field: &str,
    ty: FieldType,
    problems: &mut Vec<Diagnostic>,
) -> Option<Scalar> {
    match typed(node, ty) {
        Ok(scalar) => Some(scalar),
        Err(mismatch) => {
            problems.push(wrong_value(matcher, node, field, &mismatch));
            None
        }
    }
}

fn wrong_value(matcher: &str, node: &Node, field: &str, mismatch: &Mismatch) -> Diagnostic {
    let found = error(
        "rule::matcher-type",
        format!(
            "`{matcher}` on `{field}` needs {}, not {}",
            mismatch.expected, mismatch.found
        ),
        node.span,
    )
    .with_label(mismatch.found);
    let quotable = matches!(mismatch.found, "a number" | "a bool");
    if mismatch.expected == "text" && quotable {
        found.with_help("quote the value to compare it as text")
    } else {
        found
    }
}

fn unsuitable(entry: &Entry<'_>, field: &FieldDoc) -> Diagnostic {
    let fitting: Vec<&str> = MATCHERS
        .iter()
        .copied()
        .filter(|matcher| suits(matcher, field.ty))
        .collect();
    error(
        "rule::matcher-type",
        format!(
            "`{}` does not apply to `{}`, which is {}",
            entry.name,
            field.name,
            describe(field.ty)
        ),
        entry.key.span,
    )
    .with_label(format!("not for {}", describe(field.ty)))
    .with_help(format!(
        "on {} use: {}",
        describe(field.ty),
        fitting.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::super::mapping::Mapping;
    use super::super::read_yaml;
    use super::*;
    use crate::facts::FactKind;

    fn field(kind: FactKind, name: &str) -> &'static FieldDoc {
        kind.fields().iter().find(|doc| doc.name == name).unwrap()
    }

    /// Loads the only key of `text` as a matcher for `name` of a right.
    fn read(text: &str, name: &str) -> Result<Matcher, (&'static str, String)> {
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a predicate", &MATCHERS, &mut problems).unwrap();
        let entry = map.entries()[0];
        load(&entry, field(FactKind::Right, name), &mut problems).ok_or_else(|| {
            let span = problems[0].primary_span().unwrap();
            (problems[0].code, text[span.start..span.end].to_owned())
        })
    }

    #[test]
    fn each_matcher_reads_its_value() {
        let text = |s: &str| Scalar::Text(s.into());
        assert_eq!(
            read("equals: true", "known"),
            Ok(Matcher::Equals(Scalar::Bool(true)))
        );
        assert_eq!(
            read("one_of: [allow, Deny]", "logon_effect"),
            Ok(Matcher::OneOf(vec![text("allow"), text("Deny")]))
        );
        assert_eq!(
            read("contains: S-1-1-0", "holder_sids"),
            Ok(Matcher::Contains("S-1-1-0".into()))
        );
        assert_eq!(
            read("is_empty: false", "holders"),
            Ok(Matcher::IsEmpty(false))
        );
        assert_eq!(read("at_least: 1", "holder_count"), Ok(Matcher::AtLeast(1)));
        assert_eq!(read("at_most: 0", "holder_count"), Ok(Matcher::AtMost(0)));
    }

    #[test]
    fn matchers_that_do_not_fit_the_type_point_at_the_matcher() {
        let wrong = |key: &str| ("rule::matcher-type", key.to_owned());
        assert_eq!(read("at_least: 1", "right"), Err(wrong("at_least")));
        assert_eq!(read("contains: x", "holder_count"), Err(wrong("contains")));
        assert_eq!(read("equals: x", "holders"), Err(wrong("equals")));
        assert_eq!(read("is_empty: true", "known"), Err(wrong("is_empty")));
    }

    #[test]
    fn values_of_the_wrong_type_point_at_the_value() {
        let wrong = |value: &str| ("rule::matcher-type", value.to_owned());
        assert_eq!(read("equals: yes", "known"), Err(wrong("yes")));
        assert_eq!(read("equals: 3", "right"), Err(wrong("3")));
        assert_eq!(read("at_most: many", "holder_count"), Err(wrong("many")));
        assert_eq!(read("is_empty: 'true'", "holders"), Err(wrong("'true'")));
        assert_eq!(read("one_of: [allow, 2]", "logon_effect"), Err(wrong("2")));
    }

    #[test]
    fn one_of_needs_a_list_with_something_in_it() {
        assert_eq!(
            read("one_of: allow", "logon_effect"),
            Err(("rule::wrong-type", "allow".to_owned()))
        );
        assert_eq!(
            read("one_of: []", "logon_effect"),
            Err(("rule::bad-predicate", "[]".to_owned()))
        );
    }

    #[test]
    fn quoting_is_suggested_for_numbers_compared_with_text() {
        let node = read_yaml::parse("equals: 3").unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a predicate", &MATCHERS, &mut problems).unwrap();
        load(
            &map.entries()[0],
            field(FactKind::Right, "right"),
            &mut problems,
        );
        assert_eq!(
            problems[0].message,
            "`equals` on `right` needs text, not a number"
        );
        assert_eq!(
            problems[0].help.as_deref(),
            Some("quote the value to compare it as text")
        );
    }
}

//! Reading `when:` into a [`Predicate`], checked against the fields of the
//! rule's kind of fact so a misspelt field fails at load, not by never
//! matching.

use super::load_error::error;
use super::mapping::{Entry, Mapping, wrong_shape};
use super::matcher_load::{self, MATCHERS};
use super::predicate::Predicate;
use crate::diagnostic::Diagnostic;
use crate::facts::FactKind;
use crate::suggest::did_you_mean;
use crate::yaml::{Node, NodeKind};

const COMBINATORS: [&str; 3] = ["all", "any", "not"];

/// Every key a predicate mapping may have.
const KEYS: [&str; 10] = [
    "all", "any", "not", "field", "equals", "one_of", "contains", "is_empty", "at_least", "at_most",
];

/// Reads a predicate over facts of `kind`; `None` after reporting problems.
pub(super) fn load(
    node: &Node,
    kind: FactKind,
    problems: &mut Vec<Diagnostic>,
) -> Option<Predicate> {
    let map = Mapping::read(node, "a predicate", &KEYS, problems)?;
    let entries = map.entries();
    match entries
        .iter()
        .find(|entry| COMBINATORS.contains(&entry.name))
    {
        Some(combinator) => {
            if let Some(extra) = entries.iter().find(|entry| entry.name != combinator.name) {
                problems.push(not_alone(combinator, extra));
                return None;
            }
            combine(combinator, kind, problems)
        }
        None => field_test(&map, kind, problems),
    }
}

fn combine(entry: &Entry<'_>, kind: FactKind, problems: &mut Vec<Diagnostic>) -> Option<Predicate> {
    if entry.name == "not" {
        let inner = load(entry.value, kind, problems)?;
        return Some(Predicate::Not(Box::new(inner)));
    }
    let NodeKind::Seq(items) = &entry.value.kind else {
        let what = format!("`{}`", entry.name);
        problems.push(wrong_shape(entry.value, &what, "a list of predicates"));
        return None;
    };
    if items.is_empty() {
        problems.push(
            error(
                "rule::bad-predicate",
                format!("`{}` needs at least one predicate", entry.name),
                entry.value.span,
            )
            .with_label("empty list"),
        );
        return None;
    }
    // Load every part, even after a failure, so all problems are reported.
    let parts: Vec<Option<Predicate>> = items
        .iter()
        .map(|item| load(item, kind, problems))
        .collect();
    let parts: Vec<Predicate> = parts.into_iter().collect::<Option<_>>()?;
    Some(if entry.name == "all" {
        Predicate::All(parts)
    } else {
        Predicate::Any(parts)
    })
}

fn field_test(
    map: &Mapping<'_>,
    kind: FactKind,
    problems: &mut Vec<Diagnostic>,
) -> Option<Predicate> {
    let field = map.required("field", problems)?;
    let matchers: Vec<&Entry<'_>> = map
        .entries()
        .iter()
        .filter(|entry| MATCHERS.contains(&entry.name))
        .collect();
    let name = field.filled_text(problems)?;
    let doc = field_doc(&field, name, kind, problems);
    let matcher = match matchers.as_slice() {
        [] => {
            problems.push(no_matcher(&field, name));
            return None;
        }
        [one] => one,
        [first, second, ..] => {
            problems.push(two_matchers(first, second));
            return None;
        }
    };
    let matcher = matcher_load::load(matcher, doc?, problems)?;
    Some(Predicate::Test {
        field: name.to_owned(),
        matcher,
    })
}

/// The field `name` of `kind`; a problem naming the closest when there is
/// no such field.
fn field_doc(
    field: &Entry<'_>,
    name: &str,
    kind: FactKind,
    problems: &mut Vec<Diagnostic>,
) -> Option<&'static crate::facts::FieldDoc> {
    let fields = kind.fields();
    let found = fields.iter().find(|doc| doc.name == name);
    if found.is_none() {
        let names = fields.iter().map(|doc| doc.name);
        let found = error(
            "rule::unknown-field",
            format!("a fact of kind `{}` has no field `{name}`", kind.as_str()),
            field.value.span,
        )
        .with_label("unknown field");
        let help = match did_you_mean(name, names.clone()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("its fields: {}", names.collect::<Vec<_>>().join(", ")),
        };
        problems.push(found.with_help(help));
    }
    found
}

fn not_alone(combinator: &Entry<'_>, extra: &Entry<'_>) -> Diagnostic {
    error(
        "rule::bad-predicate",
        format!(
            "`{}` stands alone in its predicate, but `{}` is beside it",
            combinator.name, extra.name
        ),
        extra.key.span,
    )
    .with_label("beside it")
    .with_secondary(combinator.key.span, "this")
    .with_help("put each test in its own list item under `all` or `any`")
}

fn no_matcher(field: &Entry<'_>, name: &str) -> Diagnostic {
    error(
        "rule::bad-predicate",
        format!("the test of `{name}` has no matcher"),
        field.key.span,
    )
    .with_label("nothing to test it with")
    .with_help(format!("add one of: {}", MATCHERS.join(", ")))
}

fn two_matchers(first: &Entry<'_>, second: &Entry<'_>) -> Diagnostic {
    error(
        "rule::bad-predicate",
        "a field test takes one matcher",
        second.key.span,
    )
    .with_label("second matcher")
    .with_secondary(first.key.span, "first matcher")
    .with_help("write two tests under `all` or `any`")
}

#[cfg(test)]
mod tests {
    use super::super::matcher_load::MATCHERS;
    use super::super::predicate::Matcher;
    use super::super::read_yaml;
    use super::super::scalar::Scalar;
    use super::*;

    fn read(text: &str, kind: FactKind) -> Result<Predicate, Vec<Diagnostic>> {
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        let found = load(&node, kind, &mut problems);
        match found {
            Some(predicate) if problems.is_empty() => Ok(predicate),
            _ => Err(problems),
        }
    }

    /// The first problem's code and the text its span covers.
    fn problem(text: &str, kind: FactKind) -> (&'static str, String) {
        let problems = read(text, kind).unwrap_err();
        let span = problems[0].primary_span().unwrap();
        (problems[0].code, text[span.start..span.end].to_owned())
    }

    #[test]
    fn nested_predicates_load() {
        let text = "all:\n  - field: verdict\n    equals: denied\n  - not:\n      any:\n        - {field: via, is_empty: true}\n";
        let predicate = read(text, FactKind::Expectation).unwrap();
        let expected = Predicate::All(vec![
            Predicate::Test {
                field: "verdict".into(),
                matcher: Matcher::Equals(Scalar::Text("denied".into())),
            },
            Predicate::Not(Box::new(Predicate::Any(vec![Predicate::Test {
                field: "via".into(),
                matcher: Matcher::IsEmpty(true),
            }]))),
        ]);
        assert_eq!(predicate, expected);
    }

    #[test]
    fn unknown_field_suggests_one_of_the_kinds_fields() {
        let text = "field: verdikt\nequals: denied\n";
        let problems = read(text, FactKind::Expectation).unwrap_err();
        assert_eq!(problems[0].code, "rule::unknown-field");
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `verdict`?"));
        assert_eq!(problem(text, FactKind::Expectation).1, "verdikt");
    }

    #[test]
    fn fields_of_another_kind_are_unknown() {
        let text = "field: verdict\nequals: denied\n";
        assert_eq!(problem(text, FactKind::Right).0, "rule::unknown-field");
    }

    #[test]
    fn unknown_predicate_keys_suggest_a_matcher() {
        let text = "field: verdict\nequal: denied\n";
        let problems = read(text, FactKind::Expectation).unwrap_err();
        assert_eq!(problems[0].code, "rule::unknown-key");
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `equals`?"));
        assert_eq!(problem(text, FactKind::Expectation).1, "equal");
    }

    #[test]
    fn structure_problems_point_at_their_key() {
        let cases = [
            ("all: [{field: via, is_empty: true}]\nfield: via\n", "field"),
            ("field: via\n", "field"),
            ("field: via\nis_empty: true\ncontains: x\n", "contains"),
            ("any: []\n", "[]"),
        ];
        for (text, snippet) in cases {
            let found = problem(text, FactKind::Expectation);
            assert_eq!(found, ("rule::bad-predicate", snippet.to_owned()), "{text}");
        }
    }

    #[test]
    fn missing_field_and_wrong_shapes_are_refused() {
        assert_eq!(
            problem("equals: x\n", FactKind::Expectation),
            ("rule::missing-key", "equals".to_owned())
        );
        assert_eq!(
            problem("all: {field: via}\n", FactKind::Expectation),
            ("rule::wrong-type", "{field: via}".to_owned())
        );
        assert_eq!(
            problem("- x\n", FactKind::Expectation).0,
            "rule::wrong-type"
        );
    }

    #[test]
    fn every_part_of_a_list_is_checked() {
        let text = "any:\n  - {field: a, equals: x}\n  - {field: b, equals: y}\n";
        let problems = read(text, FactKind::Holder).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(MATCHERS.len(), 6);
    }
}

//! The keys of one YAML mapping, checked against the fields it may have:
//! unknown keys get a did-you-mean, repeated keys are refused.

use super::shape::wrong_shape;
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::yaml::{Entry, Node, NodeKind};

/// What a mapping is and which fields it may have.
pub(super) struct Shape {
    /// The mapping in a message, e.g. "an account".
    pub(super) what: &'static str,
    /// Where an unknown key is not a field, e.g. "of an account".
    pub(super) of: &'static str,
    /// Every field it may have, in the order the docs list them.
    pub(super) allowed: &'static [&'static str],
    /// A one-line example of the mapping.
    pub(super) example: &'static str,
}

/// One known field found in a mapping.
#[derive(Clone, Copy, Debug)]
pub(super) struct Field<'n> {
    /// The field's name as allowed (and written).
    pub(super) name: &'static str,
    /// Where the key is written.
    pub(super) key: Span,
    /// The value.
    pub(super) node: &'n Node,
}

impl Field<'_> {
    /// Where to point at the value: `key:` with nothing after it has an
    /// empty value span, so the key stands in for it.
    pub(super) fn span(&self) -> Span {
        if self.node.is_null() {
            self.key
        } else {
            self.node.span
        }
    }

    /// The field in a message: "`logon`".
    pub(super) fn subject(&self) -> String {
        format!("`{}`", self.name)
    }
}

/// The known fields of one mapping, first occurrence of each.
pub(super) struct Fields<'n> {
    found: Vec<Field<'n>>,
}

impl<'n> Fields<'n> {
    /// Reads `node` as a mapping of `shape`; `None` (with an error) when
    /// it is not a mapping at all.
    pub(super) fn read(
        node: &'n Node,
        shape: &Shape,
        errors: &mut Vec<Diagnostic>,
    ) -> Option<Self> {
        let NodeKind::Map(entries) = &node.kind else {
            let expected = format!("a mapping of fields ({})", shape.allowed.join(", "));
            errors.push(wrong_shape(shape.what, &expected, node, shape.example));
            return None;
        };
        let mut fields = Fields { found: Vec::new() };
        for Entry { key, value } in entries {
            if let Some(field) = known_field(key, value, shape, errors) {
                fields.add(field, errors);
            }
        }
        Some(fields)
    }

    /// The field called `name`, if written.
    pub(super) fn get(&self, name: &str) -> Option<Field<'n>> {
        self.found.iter().find(|field| field.name == name).copied()
    }

    fn add(&mut self, field: Field<'n>, errors: &mut Vec<Diagnostic>) {
        match self.get(field.name) {
            Some(first) => errors.push(duplicate_key(field.name, first.key, field.key)),
            None => self.found.push(field),
        }
    }
}

fn known_field<'n>(
    key: &Node,
    value: &'n Node,
    shape: &Shape,
    errors: &mut Vec<Diagnostic>,
) -> Option<Field<'n>> {
    let Some(written) = key.text() else {
        errors.push(wrong_shape(
            "a field name",
            "a single word",
            key,
            shape.example,
        ));
        return None;
    };
    let Some(name) = shape.allowed.iter().find(|allowed| **allowed == written) else {
        errors.push(unknown_field(written, key.span, shape));
        return None;
    };
    Some(Field {
        name,
        key: key.span,
        node: value,
    })
}

fn unknown_field(written: &str, span: Span, shape: &Shape) -> Diagnostic {
    let allowed = shape.allowed.join(", ");
    let help = match did_you_mean(written, shape.allowed.iter().copied()) {
        Some(near) => format!(
            "did you mean `{near}`? The fields {} are: {allowed}",
            shape.of
        ),
        None => format!("the fields {} are: {allowed}", shape.of),
    };
    Diagnostic::new(
        Severity::Error,
        "expect::unknown-field",
        format!("`{written}` is not a field {}", shape.of),
        span,
    )
    .with_label("unknown field")
    .with_help(help)
}

fn duplicate_key(name: &str, first: Span, again: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::duplicate-field",
        format!("`{name}` is written twice in the same mapping"),
        again,
    )
    .with_label("written again here")
    .with_secondary(first, "first written here")
    .with_help(format!(
        "keep one `{name}`; YAML does not merge repeated keys"
    ))
}

#[cfg(test)]
mod tests {
    use super::super::read_yaml::parse;
    use super::*;

    const SHAPE: Shape = Shape {
        what: "an account",
        of: "of an account",
        allowed: &["name", "member_of", "no_logon"],
        example: "{ name: x }",
    };

    fn read(text: &str) -> (Vec<&'static str>, Vec<Diagnostic>) {
        let node = parse(text).unwrap().unwrap();
        let mut errors = Vec::new();
        let names = Fields::read(&node, &SHAPE, &mut errors)
            .map(|fields| fields.found.iter().map(|f| f.name).collect())
            .unwrap_or_default();
        (names, errors)
    }

    fn at(text: &str, span: Span) -> &str {
        &text[span.start..span.end]
    }

    #[test]
    fn known_fields_are_found_in_order() {
        let (names, errors) = read("name: a\nno_logon: [x]\n");
        assert_eq!(names, ["name", "no_logon"]);
        assert!(errors.is_empty());
    }

    #[test]
    fn unknown_fields_suggest_the_nearest_and_list_all() {
        let text = "name: a\nmemberof: [x]\nnologon: [y]\n";
        let (names, errors) = read(text);
        assert_eq!(names, ["name"]);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].code, "expect::unknown-field");
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "memberof");
        assert_eq!(
            errors[0].help.as_deref(),
            Some(
                "did you mean `member_of`? The fields of an account are: name, member_of, no_logon"
            )
        );
        assert!(
            errors[1]
                .help
                .as_deref()
                .unwrap()
                .starts_with("did you mean `no_logon`?")
        );
    }

    #[test]
    fn unrelated_fields_get_the_list_only() {
        let (_, errors) = read("colour: red\n");
        assert_eq!(
            errors[0].help.as_deref(),
            Some("the fields of an account are: name, member_of, no_logon")
        );
    }

    #[test]
    fn repeated_keys_label_both() {
        let text = "name: a\nname: b\n";
        let (names, errors) = read(text);
        assert_eq!(names, ["name"]);
        assert_eq!(errors[0].code, "expect::duplicate-field");
        assert_eq!(errors[0].labels[0].span, Span::new(8, 12));
        assert_eq!(errors[0].labels[1].span, Span::new(0, 4));
    }

    #[test]
    fn a_list_is_not_a_mapping() {
        let text = "- a\n- b\n";
        let (_, errors) = read(text);
        assert_eq!(errors[0].code, "expect::wrong-shape");
        assert_eq!(
            errors[0].message,
            "an account should be a mapping of fields (name, member_of, no_logon), not a list"
        );
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "- a\n- b");
    }

    #[test]
    fn a_key_that_is_a_list_is_refused() {
        let text = "[a]: b\n";
        let (_, errors) = read(text);
        assert_eq!(errors[0].code, "expect::wrong-shape");
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "[a]");
    }

    #[test]
    fn null_values_point_at_their_key() {
        let text = "name:\n";
        let node = parse(text).unwrap().unwrap();
        let fields = Fields::read(&node, &SHAPE, &mut Vec::new()).unwrap();
        assert_eq!(at(text, fields.get("name").unwrap().span()), "name");
    }
}

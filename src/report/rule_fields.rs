//! `docs/rule-fields.md`, rendered from the facts' declarations in
//! [`crate::facts`]: the fields a rule can test, per kind of fact, with
//! their types and meanings. The declarations are the one place a field is
//! written, so the page cannot list a field the engine does not fill.

use std::fmt::Write as _;

use crate::facts::{FactKind, FieldDoc};

/// The rendered page's path in the repository.
pub const RULE_FIELDS_PATH: &str = "docs/rule-fields.md";

/// The whole page: an index of the kinds, then one table per kind.
pub fn render() -> String {
    let mut out = String::from(HEADER);
    for kind in FactKind::ALL {
        let _ = writeln!(out, "- [`{0}`](#{0})", kind.as_str());
    }
    for kind in FactKind::ALL {
        out.push('\n');
        out.push_str(&section(kind));
    }
    out
}

const HEADER: &str = "# Fields of facts

<!-- Generated from the declarations in src/facts.rs by src/report/rule_fields.rs:
     do not edit. To regenerate: GPLINT_UPDATE_DOCS=1 cargo test --test rule_docs -->

A rule applies to one kind of fact (`applies_to:`) and tests its fields in
`when:`; `{field}` in a message, help or symptom is replaced by the field's
value, a list's items joined with \", \". A rule naming a field its kind does
not have is refused when it is loaded. [`rules/README.md`](../rules/README.md)
explains the rule files; [`rules.md`](rules.md) lists the built-in rules.

";

/// One kind: heading, which facts there are, and its fields' table.
fn section(kind: FactKind) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", kind.as_str());
    let _ = writeln!(out, "{}\n", kind.about());
    out.push_str("| field | type | meaning |\n| --- | --- | --- |\n");
    for field in kind.fields() {
        out.push_str(&row(field));
    }
    out
}

/// A field's row; a `|` in its doc would end the cell, so it is escaped.
fn row(field: &FieldDoc) -> String {
    format!(
        "| `{}` | {} | {} |\n",
        field.name,
        field.ty.as_str(),
        field.doc.replace('|', "\\|")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_every_kind_has_its_row() {
        let page = render();
        for kind in FactKind::ALL {
            assert!(page.contains(&format!("\n## {}\n", kind.as_str())));
            for field in kind.fields() {
                assert!(page.contains(&row(field)), "{}", field.name);
            }
        }
        assert!(page.contains("| `replaced_file` | text |"));
    }

    #[test]
    fn a_pipe_in_a_doc_stays_inside_its_cell() {
        let field = FieldDoc {
            name: "x",
            ty: crate::facts::FieldType::Bool,
            doc: "a | b",
        };
        assert_eq!(row(&field), "| `x` | true or false | a \\| b |\n");
    }
}

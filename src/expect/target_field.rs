//! A `target` field, at the top level or in a scope.

use super::fields::Field;
use super::values;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Target;
use crate::span::{Span, Spanned};
use crate::suggest::did_you_mean;

/// The target written in `field` with its span, else `default` and no
/// span. An unknown target is an error, and `default` stands in for it
/// so the rest of the file is still checked.
pub(super) fn target(
    field: Option<Field<'_>>,
    default: Target,
    errors: &mut Vec<Diagnostic>,
) -> (Target, Option<Span>) {
    let Some(written) = values::optional_text(field, errors) else {
        return (default, None);
    };
    match Target::parse(&written.value) {
        Some(target) => (target, Some(written.span)),
        None => {
            errors.push(unknown_target(&written));
            (default, Some(written.span))
        }
    }
}

fn unknown_target(written: &Spanned<String>) -> Diagnostic {
    let names = Target::ALL.map(Target::as_str);
    let all = names.join(", ");
    let help = match did_you_mean(&written.value, names) {
        Some(near) => format!("did you mean `{near}`? The targets are: {all}"),
        None => format!("the targets are: {all}"),
    };
    Diagnostic::new(
        Severity::Error,
        "expect::unknown-target",
        format!("`{}` is not a target", written.value),
        written.span,
    )
    .with_label("unknown target")
    .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::super::fields::{Fields, Shape};
    use super::super::read_yaml::parse;
    use super::*;

    const SHAPE: Shape = Shape {
        what: "a test",
        of: "of a test",
        allowed: &["target"],
        example: "{}",
    };

    fn read(text: &str) -> ((Target, Option<Span>), Vec<Diagnostic>) {
        let node = parse(text).unwrap().unwrap();
        let mut errors = Vec::new();
        let fields = Fields::read(&node, &SHAPE, &mut errors).unwrap();
        let read = target(fields.get("target"), Target::Workstation, &mut errors);
        (read, errors)
    }

    #[test]
    fn a_written_target_has_its_span() {
        let text = "target: dc\n";
        let ((target, span), errors) = read(text);
        assert_eq!(target, Target::DomainController);
        assert_eq!(&text[span.unwrap().start..span.unwrap().end], "dc");
        assert!(errors.is_empty());
    }

    #[test]
    fn no_target_is_the_default_without_a_span() {
        assert_eq!(read("target:\n").0, (Target::Workstation, None));
    }

    #[test]
    fn an_unknown_target_suggests_and_keeps_the_default() {
        let text = "target: domain-controler\n";
        let ((target, span), errors) = read(text);
        assert_eq!(target, Target::Workstation);
        assert_eq!(errors[0].code, "expect::unknown-target");
        assert_eq!(errors[0].primary_span(), span);
        assert!(
            errors[0]
                .help
                .as_deref()
                .unwrap()
                .starts_with("did you mean `domain-controller`?")
        );
    }
}

//! `logon` and `no_logon` lists.

use super::fields::Field;
use super::values::{item_text, items, optional_text};
use crate::diagnostic::{Diagnostic, Severity};
use crate::logon_type::LogonType;
use crate::span::{Span, Spanned};
use crate::suggest::did_you_mean;

/// A list of logon types, each parsed with [`LogonType::parse`] (so
/// `remote_interactive` and `rdp` work). A single value is a one-item list.
pub(super) fn logon_types(
    field: Option<Field<'_>>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Spanned<LogonType>> {
    let subject = field
        .map(|field| format!("an entry of {}", field.subject()))
        .unwrap_or_default();
    let mut types = Vec::new();
    for item in items(field, "logon: [service, batch]", errors) {
        let Some(written) = item_text(&subject, item, item.span, errors) else {
            continue;
        };
        match LogonType::parse(&written.value) {
            Some(logon) => types.push(Spanned::new(logon, written.span)),
            None => errors.push(unknown_logon_type(&written.value, written.span, true)),
        }
    }
    types
}

/// A field that holds at most one logon type, as a waiver narrows to.
pub(super) fn logon_type(
    field: Option<Field<'_>>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<LogonType>> {
    let written = optional_text(field, errors)?;
    let logon = LogonType::parse(&written.value);
    if logon.is_none() {
        errors.push(unknown_logon_type(&written.value, written.span, false));
    }
    logon.map(|logon| Spanned::new(logon, written.span))
}

/// `in_list` says whether several logon types may be written, which
/// decides what to make of a comma.
fn unknown_logon_type(written: &str, span: Span, in_list: bool) -> Diagnostic {
    let names = LogonType::ALL.map(LogonType::as_str);
    let all = names.join(", ");
    let help = if written.contains(',') && in_list {
        format!("write several logon types as a list: [{written}]")
    } else if written.contains(',') {
        "write one logon type here, or leave the field out to cover them all".to_owned()
    } else {
        match did_you_mean(written, names) {
            Some(near) => format!("did you mean `{near}`? The logon types are: {all} (or rdp)"),
            None => format!("the logon types are: {all} (or rdp)"),
        }
    };
    Diagnostic::new(
        Severity::Error,
        "expect::unknown-logon-type",
        format!("`{written}` is not a logon type"),
        span,
    )
    .with_label("unknown logon type")
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
        allowed: &["logon"],
        example: "{}",
    };

    fn read(text: &str) -> (Vec<Spanned<LogonType>>, Vec<Diagnostic>) {
        read_with(text, logon_types)
    }

    fn read_one(text: &str) -> (Option<Spanned<LogonType>>, Vec<Diagnostic>) {
        read_with(text, logon_type)
    }

    fn read_with<T>(
        text: &str,
        read: impl Fn(Option<Field<'_>>, &mut Vec<Diagnostic>) -> T,
    ) -> (T, Vec<Diagnostic>) {
        let node = parse(text).unwrap().unwrap();
        let mut errors = Vec::new();
        let fields = Fields::read(&node, &SHAPE, &mut errors).unwrap();
        let value = read(fields.get("logon"), &mut errors);
        (value, errors)
    }

    fn at(text: &str, span: Span) -> &str {
        &text[span.start..span.end]
    }

    #[test]
    fn lists_parse_every_spelling() {
        let text = "logon: [service, Remote_Interactive, rdp, BATCH]\n";
        let (types, errors) = read(text);
        let values: Vec<LogonType> = types.iter().map(|t| t.value).collect();
        use LogonType::*;
        assert_eq!(
            values,
            [Service, RemoteInteractive, RemoteInteractive, Batch]
        );
        assert_eq!(at(text, types[1].span), "Remote_Interactive");
        assert!(errors.is_empty());
    }

    #[test]
    fn a_single_value_is_a_one_item_list() {
        let (types, errors) = read("logon: service\n");
        assert_eq!(types.len(), 1);
        assert!(errors.is_empty());
    }

    #[test]
    fn a_typo_gets_a_suggestion_on_its_item() {
        let text = "logon: [network, sevice]\n";
        let (types, errors) = read(text);
        assert_eq!(types.len(), 1);
        assert_eq!(errors[0].code, "expect::unknown-logon-type");
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "sevice");
        assert!(
            errors[0]
                .help
                .as_deref()
                .unwrap()
                .starts_with("did you mean `service`?")
        );
    }

    #[test]
    fn a_comma_string_is_told_to_be_a_list() {
        let (_, errors) = read("logon: service, batch\n");
        assert_eq!(
            errors[0].help.as_deref(),
            Some("write several logon types as a list: [service, batch]")
        );
    }

    #[test]
    fn one_logon_type_parses_with_its_span() {
        let text = "logon: Remote_Interactive\n";
        let (logon, errors) = read_one(text);
        let logon = logon.unwrap();
        assert_eq!(logon.value, LogonType::RemoteInteractive);
        assert_eq!(at(text, logon.span), "Remote_Interactive");
        assert!(errors.is_empty());
        assert_eq!(read_one("logon:\n").0, None);
    }

    #[test]
    fn one_misspelt_logon_type_gets_a_suggestion() {
        let text = "logon: sevice\n";
        let (logon, errors) = read_one(text);
        assert_eq!(logon, None);
        assert_eq!(errors[0].code, "expect::unknown-logon-type");
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "sevice");
        assert!(
            errors[0]
                .help
                .as_deref()
                .unwrap()
                .starts_with("did you mean `service`?")
        );
    }

    #[test]
    fn one_logon_type_is_not_told_to_be_a_list() {
        let (_, errors) = read_one("logon: service, batch\n");
        assert_eq!(
            errors[0].help.as_deref(),
            Some("write one logon type here, or leave the field out to cover them all")
        );
        let (_, errors) = read_one("logon: [service]\n");
        assert_eq!(errors[0].code, "expect::wrong-shape");
    }
}

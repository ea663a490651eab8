//! Reading `message`, `help` and `symptom`, checking each placeholder
//! against the fields of the rule's kind of fact.

use std::ops::Range;

use super::load_error::error;
use super::mapping::Entry;
use super::template::MessageTemplate;
use crate::diagnostic::Diagnostic;
use crate::facts::FactKind;
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::yaml::Node;

/// Reads the template written as `entry`; `text` is the rule file.
pub(super) fn load(
    entry: &Entry<'_>,
    kind: FactKind,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<MessageTemplate> {
    let value = entry.filled_text(problems)?.trim();
    let template = match MessageTemplate::parse(value) {
        Ok(template) => template,
        Err(broken) => {
            let span = locate(text, entry.value, value, &broken.at);
            problems.push(
                error(
                    "rule::bad-template",
                    format!("`{}` has {}", entry.name, broken.problem),
                    span,
                )
                .with_label(broken.problem)
                .with_help("write `{{` or `}}` for a literal brace"),
            );
            return None;
        }
    };
    let before = problems.len();
    for (name, at) in template.placeholder_ranges() {
        if !kind.fields().iter().any(|field| field.name == name) {
            let span = locate(text, entry.value, value, &at);
            problems.push(unknown_placeholder(entry.name, name, kind, span));
        }
    }
    (problems.len() == before).then_some(template)
}

fn unknown_placeholder(key: &str, name: &str, kind: FactKind, span: Span) -> Diagnostic {
    let names = kind.fields().iter().map(|field| field.name);
    let found = error(
        "rule::unknown-placeholder",
        format!(
            "`{key}` uses `{{{name}}}`, but a fact of kind `{}` has no field `{name}`",
            kind.as_str()
        ),
        span,
    )
    .with_label("unknown field");
    match did_you_mean(name, names.clone()) {
        Some(close) => found.with_help(format!("did you mean `{{{close}}}`?")),
        None => found.with_help(format!(
            "its fields: {}",
            names.collect::<Vec<_>>().join(", ")
        )),
    }
}

/// The span in the rule file of `value[at]`, where `value` was read from
/// `node`. YAML quoting and folding keep no map back to the file, so this
/// finds the same occurrence of the same text in what is written; when
/// escapes or folding changed it, the whole value is the span.
fn locate(text: &str, node: &Node, value: &str, at: &Range<usize>) -> Span {
    let Some(needle) = value.get(at.clone()) else {
        return node.span;
    };
    let nth = value
        .match_indices(needle)
        .take_while(|(start, _)| *start < at.start)
        .count();
    let written = text.get(node.span.start..node.span.end).unwrap_or_default();
    written
        .match_indices(needle)
        .nth(nth)
        .map_or(node.span, |(start, _)| {
            let start = node.span.start + start;
            Span::new(start, start + needle.len())
        })
}

#[cfg(test)]
mod tests {
    use super::super::mapping::Mapping;
    use super::super::read_yaml;
    use super::*;

    const KEYS: [&str; 1] = ["message"];

    fn read(text: &str) -> Result<MessageTemplate, Vec<Diagnostic>> {
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a rule", &KEYS, &mut problems).unwrap();
        let entry = map.get("message").unwrap();
        load(&entry, FactKind::Expectation, text, &mut problems).ok_or(problems)
    }

    fn snippets(text: &str) -> Vec<(&'static str, &str)> {
        read(text)
            .unwrap_err()
            .iter()
            .map(|problem| {
                let span = problem.primary_span().unwrap();
                (problem.code, &text[span.start..span.end])
            })
            .collect()
    }

    #[test]
    fn known_placeholders_load_trimmed() {
        let template = read("message: |\n  {account} is {verdict}\n").unwrap();
        assert_eq!(template.source(), "{account} is {verdict}");
    }

    #[test]
    fn each_unknown_placeholder_is_reported_where_written() {
        let text = "message: \"{account} {acount} and {acount}\"\n";
        let found = snippets(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0], ("rule::unknown-placeholder", "{acount}"));
        let problems = read(text).unwrap_err();
        // The second, not the first, of the two identical placeholders.
        assert_eq!(problems[1].primary_span().unwrap().start, 33);
        assert_eq!(
            problems[0].help.as_deref(),
            Some("did you mean `{account}`?")
        );
    }

    #[test]
    fn broken_braces_are_reported_where_written() {
        assert_eq!(
            snippets("message: '{{x}} and {account'\n"),
            [("rule::bad-template", "{")]
        );
        let text = "message: '{{x}} and {account'\n";
        let span = read(text).unwrap_err()[0].primary_span().unwrap();
        assert_eq!(span.start, 20);
    }

    #[test]
    fn a_folded_placeholder_falls_back_to_the_whole_value() {
        let text = "message: >\n  {acc\n  ount}\n";
        let found = snippets(text);
        assert_eq!(found, [("rule::unknown-placeholder", "{acc\n  ount}")]);
    }
}

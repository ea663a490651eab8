//! Message templates: text with `{field}` placeholders filled from a fact.
//!
//! `{{` and `}}` stand for literal braces, as in Rust's `format!`, so a
//! message can still show a brace.

use std::ops::Range;

use crate::clip;
use crate::facts::Fact;

/// A message with `{field}` placeholders, checked at load against the
/// fields of its rule's kind of fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageTemplate {
    source: String,
    pieces: Vec<Piece>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Text(String),
    /// A placeholder, with the byte range of `{name}` in the source.
    Field {
        name: String,
        at: Range<usize>,
    },
}

/// Why a template cannot be read, and where in its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct TemplateError {
    /// The offending text's byte range in the template's source.
    pub at: Range<usize>,
    /// What is wrong with it.
    pub problem: &'static str,
}

impl MessageTemplate {
    /// Reads `source`; placeholder names are not checked here.
    pub(super) fn parse(source: &str) -> Result<Self, TemplateError> {
        let mut pieces = Pieces::default();
        let mut pos = 0;
        while let Some(found) = source.get(pos..).and_then(|rest| rest.find(['{', '}'])) {
            let at = pos + found;
            pieces.text(source.get(pos..at).unwrap_or_default());
            let rest = source.get(at..).unwrap_or_default();
            if rest.starts_with("{{") || rest.starts_with("}}") {
                pieces.text(rest.get(..1).unwrap_or_default());
                pos = at + 2;
            } else if rest.starts_with('}') {
                return Err(error(at..at + 1, "a `}` that closes nothing"));
            } else {
                let field = placeholder(source, at)?;
                pos = field.end;
                let name = source.get(at + 1..field.end - 1).unwrap_or_default();
                pieces.field(name, field);
            }
        }
        pieces.text(source.get(pos..).unwrap_or_default());
        Ok(MessageTemplate {
            source: source.to_owned(),
            pieces: pieces.finish(),
        })
    }

    /// The text with each placeholder replaced by the fact's field, lists
    /// joined with ", ". A field the fact lacks becomes empty text; a
    /// value longer than [`clip::MAX_QUOTED`] characters keeps its two
    /// ends (see [`clip`]).
    pub fn render(&self, fact: &dyn Fact) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Field { name, .. } => {
                    if let Some(value) = fact.field(name) {
                        out.push_str(&clip::middle(&value.display(), clip::MAX_QUOTED));
                    }
                }
            }
        }
        out
    }

    /// The template as written in the rule file (trimmed).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The field names it uses, in order, repeats included.
    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.placeholder_ranges().map(|(name, _)| name)
    }

    /// Each placeholder with the byte range of `{name}` in the source.
    pub(super) fn placeholder_ranges(&self) -> impl Iterator<Item = (&str, Range<usize>)> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Field { name, at } => Some((name.as_str(), at.clone())),
            Piece::Text(_) => None,
        })
    }
}

/// Pieces as they are read, with adjacent text merged.
#[derive(Default)]
struct Pieces {
    done: Vec<Piece>,
    text: String,
}

impl Pieces {
    fn text(&mut self, text: &str) {
        self.text.push_str(text);
    }

    fn field(&mut self, name: &str, at: Range<usize>) {
        self.flush();
        self.done.push(Piece::Field {
            name: name.to_owned(),
            at,
        });
    }

    fn finish(mut self) -> Vec<Piece> {
        self.flush();
        self.done
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.done.push(Piece::Text(std::mem::take(&mut self.text)));
        }
    }
}

/// The range of the placeholder whose `{` is at `open`.
fn placeholder(source: &str, open: usize) -> Result<Range<usize>, TemplateError> {
    let inner = source.get(open + 1..).unwrap_or_default();
    match inner.find(['{', '}']) {
        Some(0) if inner.starts_with('}') => Err(error(open..open + 2, "an empty `{}`")),
        Some(close) if inner.get(close..).is_some_and(|rest| rest.starts_with('}')) => {
            Ok(open..open + close + 2)
        }
        _ => Err(error(open..open + 1, "a `{` that is never closed")),
    }
}

fn error(at: Range<usize>, problem: &'static str) -> TemplateError {
    TemplateError { at, problem }
}

#[cfg(test)]
mod tests {
    use super::super::predicate::tests::{expectation, right};
    use super::*;

    #[test]
    fn placeholders_are_filled_from_the_fact() {
        let template =
            MessageTemplate::parse("{account} cannot {logon_description}: see {right}").unwrap();
        assert_eq!(
            template.render(&expectation()),
            "CONTOSO\\svc_sql cannot log on as a service: see SeServiceLogonRight"
        );
        let names: Vec<&str> = template.placeholders().collect();
        assert_eq!(names, ["account", "logon_description", "right"]);
    }

    #[test]
    fn lists_numbers_and_flags_render_as_text() {
        let template = MessageTemplate::parse("{holder_count}: {holder_sids} ({known})").unwrap();
        assert_eq!(template.render(&right()), "2: S-1-1-0, S-1-5-32-544 (true)");
    }

    #[test]
    fn doubled_braces_are_literal() {
        let template = MessageTemplate::parse("{{x}} is {{{verdict}}}").unwrap();
        assert_eq!(template.render(&expectation()), "{x} is {not-granted}");
        assert_eq!(template.source(), "{{x}} is {{{verdict}}}");
        assert_eq!(template.placeholders().count(), 1);
    }

    #[test]
    fn missing_fields_render_empty() {
        let template = MessageTemplate::parse("[{nothing}]").unwrap();
        assert_eq!(template.render(&expectation()), "[]");
    }

    #[test]
    fn placeholder_ranges_cover_the_braces() {
        let source = "é {verdict}";
        let template = MessageTemplate::parse(source).unwrap();
        let (name, at) = template.placeholder_ranges().next().unwrap();
        assert_eq!(name, "verdict");
        assert_eq!(&source[at], "{verdict}");
    }

    #[test]
    fn broken_braces_are_located() {
        let cases = [
            ("a } b", "}"),
            ("a {b", "{"),
            ("a {b {c}", "{"),
            ("a {} b", "{}"),
            ("{{ {x", "{"),
        ];
        for (source, snippet) in cases {
            let err = MessageTemplate::parse(source).unwrap_err();
            assert_eq!(&source[err.at.clone()], snippet, "{source}");
        }
        let err = MessageTemplate::parse("{{ {x").unwrap_err();
        assert_eq!(err.at, 3..4);
    }
}

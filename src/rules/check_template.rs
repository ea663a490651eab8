//! The check of `message`, `help` and `symptom`: braces that pair, and
//! each placeholder a field of the rule's kind of fact.

use std::ops::Range;

use super::check::Check;
use super::load_error::error;
use super::template::MessageTemplate;
use crate::diagnostic::Code;
use crate::facts::FactKind;
use crate::span::Span;
use crate::span::Spanned;
use crate::suggest::did_you_mean;

impl Check<'_> {
    /// The template written as `value` of the key `key`.
    pub(super) fn template(
        &mut self,
        value: &Spanned<String>,
        key: &str,
        kind: FactKind,
    ) -> Option<MessageTemplate> {
        let source = self.filled(value, key)?.trim();
        let template = match MessageTemplate::parse(source) {
            Ok(template) => template,
            Err(broken) => {
                let span = self.locate(value.span, source, &broken.at);
                let message = format!("`{key}` has {}", broken.problem);
                return self.push(
                    error(Code::RuleBadTemplate, message, span)
                        .with_label(broken.problem)
                        .with_help("write `{{` or `}}` for a literal brace"),
                );
            }
        };
        let before = self.problems.len();
        let names = || kind.fields().iter().map(|field| field.name);
        for (name, at) in template.placeholder_ranges() {
            if names().any(|field| field == name) {
                continue;
            }
            let help = match did_you_mean(name, names()) {
                Some(close) => format!("did you mean `{{{close}}}`?"),
                None => format!("its fields: {}", names().collect::<Vec<_>>().join(", ")),
            };
            let message = format!(
                "`{key}` uses `{{{name}}}`, but a fact of kind `{}` has no field `{name}`",
                kind.as_str()
            );
            let span = self.locate(value.span, source, &at);
            self.push::<()>(
                error(Code::RuleUnknownPlaceholder, message, span)
                    .with_label("unknown field")
                    .with_help(help),
            );
        }
        (self.problems.len() == before).then_some(template)
    }

    /// The span in the rule file of `value[at]`, where `value` was read
    /// from `written`. YAML quoting and folding keep no map back to the
    /// file, so this finds the same occurrence of the same text in what
    /// is written; when escapes or folding changed it, the whole value is
    /// the span.
    fn locate(&self, written: Span, value: &str, at: &Range<usize>) -> Span {
        let Some(needle) = value.get(at.clone()) else {
            return written;
        };
        let nth = (value.match_indices(needle))
            .take_while(|(start, _)| *start < at.start)
            .count();
        let text = self
            .text
            .get(written.start..written.end)
            .unwrap_or_default();
        text.match_indices(needle)
            .nth(nth)
            .map_or(written, |(start, _)| {
                let start = written.start + start;
                Span::new(start, start + needle.len())
            })
    }
}

//! `detects:`, the error codes and events a rule's findings predict.
//! Each must name exactly one entry `gplint why` knows: a code it does
//! not know could never list the rule, so the rule is refused, as for any
//! other mistake in a rule file.

use super::check::Check;
use super::document::DetectsDoc;
use super::load_error::error;
use crate::codes::{self, Found, Key, Reading};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::Spanned;
use crate::suggest::did_you_mean;
use crate::yaml::Field;

impl Check<'_> {
    /// The keys `detects` names, in table order without repeats; none when
    /// absent, `None` after a problem.
    pub(super) fn detects(&mut self, doc: &Field<Spanned<DetectsDoc>>) -> Option<Vec<Key>> {
        let doc = match doc {
            Field::Absent => return Some(Vec::new()),
            Field::Invalid => return None,
            Field::Given(doc) => &doc.value,
        };
        let errors = self.each(&doc.errors, |check, code| check.detected_code(code));
        let events = self.each(&doc.events, |check, id| check.detected_event(id));
        let mut keys: Vec<Key> = errors?.into_iter().chain(events?).collect();
        keys.sort_unstable();
        keys.dedup();
        Some(keys)
    }

    fn detected_code(&mut self, code: &Spanned<String>) -> Option<Key> {
        let all = codes::lookup(&code.value);
        let found: Vec<Found> = (all.iter())
            .filter(|m| m.reading != Reading::Event)
            .map(|m| m.found)
            .collect();
        match found.as_slice() {
            [one] => Some(one.key()),
            [] => {
                let event = all.first().map(|m| m.found);
                self.push(unknown_code(code, event))
            }
            several => self.push(two_codes(code, several)),
        }
    }

    fn detected_event(&mut self, id: &Spanned<u32>) -> Option<Key> {
        if codes::event(id.value).is_some() {
            return Some(Key::Event(id.value));
        }
        let known: Vec<String> = codes::EVENTS.iter().map(|e| e.id.to_string()).collect();
        self.push(
            error(
                Code::RuleBadDetects,
                format!(
                    "event {} in `detects` is not an event gplint knows",
                    id.value
                ),
                id.span,
            )
            .with_label("`gplint why` does not explain this event")
            .with_help(format!(
                "list only events `gplint why` explains ({}), or remove it",
                known.join(", ")
            )),
        )
    }
}

/// A code `gplint why` does not know; `event` when the number is an event.
fn unknown_code(code: &Spanned<String>, event: Option<Found>) -> Diagnostic {
    let written = code.value.trim();
    let message = format!("`{written}` in `detects` is not a code gplint knows");
    let help = match event {
        Some(event) => format!("{written} is {}: list it under `events`", event.describe()),
        None => match did_you_mean(written, names()) {
            Some(name) => format!("did you mean `{name}`?"),
            None => format!(
                "list only codes `gplint why` explains (`gplint why {written}` says whether it knows one), or remove it"
            ),
        },
    };
    let label = match event {
        Some(_) => "an event id, not an error code",
        None => "`gplint why` could never list the rule for it",
    };
    error(Code::RuleBadDetects, message, code.span)
        .with_label(label)
        .with_help(help)
}

/// A number that names more than one code.
fn two_codes(code: &Spanned<String>, found: &[Found]) -> Diagnostic {
    let readings: Vec<String> = found.iter().map(|f| f.describe()).collect();
    let names: Vec<String> = found.iter().map(|f| format!("`{}`", name_of(*f))).collect();
    error(
        Code::RuleBadDetects,
        format!(
            "`{}` in `detects` names more than one code: {}",
            code.value.trim(),
            readings.join(" and ")
        ),
        code.span,
    )
    .with_label("which code is meant?")
    .with_help(format!(
        "write the one meant by its name: {}",
        names.join(" or ")
    ))
}

fn name_of(found: Found) -> &'static str {
    match found {
        Found::Error(e) => e.win32.name,
        Found::Other(o) => o.code.name,
        Found::Event(e) => e.name,
    }
}

/// Every symbolic name `gplint why` reads, for a did-you-mean.
fn names() -> impl Iterator<Item = &'static str> {
    let errors = codes::ERRORS
        .iter()
        .flat_map(|e| std::iter::once(e.win32.name).chain(e.ntstatus.map(|s| s.name)));
    errors.chain(codes::OTHERS.iter().map(|o| o.code.name))
}

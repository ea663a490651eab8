//! Plain `Key = value` settings: `[System Access]`, `[Kerberos Policy]`,
//! `[Event Audit]`, the log sections and `[Version]`.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::syntax::{Document, Section};

use super::keyed::{warn_duplicate_key, warn_values_line};
use crate::last_wins::{AsciiFolded, LastWins};

/// A setting's value, typed where the text allows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SettingValue<'a> {
    /// An integer, e.g. `MaximumPasswordAge = 42`.
    Integer(i64),
    /// A quoted string, without its quotes, e.g. `NewGuestName = "Visitor"`.
    Text(&'a str),
    /// Anything else, as written.
    Raw(&'a str),
}

/// One `Key = value` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<'a> {
    /// The key as written.
    pub key: &'a str,
    /// Where the key is written.
    pub key_span: Span,
    /// The value.
    pub value: SettingValue<'a>,
    /// Where the value is written.
    pub value_span: Span,
    /// Index of the line in the document.
    pub line: usize,
}

/// Reads every setting of the section; a key written twice keeps its later line.
pub fn read<'a>(
    doc: &Document<'a>,
    section: &Section<'a>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Setting<'a>> {
    // A key written twice keeps its later line, in the later place: the
    // earlier is found by key, not by a scan of every earlier line.
    let mut out: LastWins<AsciiFolded<'a>, Setting<'a>> = LastWins::new();
    let mut looked_up = 0;
    for line in doc.section_lines(section) {
        let Some(entry) = warn_values_line(line, section.name, warnings) else {
            continue;
        };
        let setting = Setting {
            key: entry.key,
            key_span: entry.key_span,
            value: value_of(entry.value.raw),
            value_span: entry.value.span,
            line: entry.line,
        };
        looked_up += 1;
        if let Some(earlier) = out.push(AsciiFolded(entry.key), setting) {
            warn_duplicate_key(entry.key, entry.key_span, earlier.key_span, warnings);
        }
    }
    crate::work::add(crate::work::Counter::SettingComparisons, looked_up);
    out.into_vec()
}

/// `value := integer | '"' text '"' | raw`
fn value_of(raw: &str) -> SettingValue<'_> {
    if let Ok(number) = raw.parse::<i64>() {
        return SettingValue::Integer(number);
    }
    match raw.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(text) if raw.len() >= 2 => SettingValue::Text(text),
        _ => SettingValue::Raw(raw),
    }
}

/// The setting of that key, compared case-insensitively.
pub fn find<'s, 'a>(settings: &'s [Setting<'a>], key: &str) -> Option<&'s Setting<'a>> {
    let found = settings
        .iter()
        .position(|s| s.key.eq_ignore_ascii_case(key));
    crate::work::add(
        crate::work::Counter::SettingComparisons,
        found.map_or(settings.len(), |p| p + 1),
    );
    settings.get(found?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_typed() {
        assert_eq!(value_of("42"), SettingValue::Integer(42));
        assert_eq!(value_of("-1"), SettingValue::Integer(-1));
        assert_eq!(value_of("\"$CHICAGO$\""), SettingValue::Text("$CHICAGO$"));
        assert_eq!(value_of("$CHICAGO$"), SettingValue::Raw("$CHICAGO$"));
        assert_eq!(value_of(""), SettingValue::Raw(""));
    }
}

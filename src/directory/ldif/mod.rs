//! LDIF (RFC 2849) exports, as `ldifde -f` and `ldapsearch -LLL` write
//! them.
//!
//! One pass over the reader, one logical line at a time ([`lines`]): a
//! record's kept attributes are decoded as they arrive ([`entry`]) and
//! the record is turned into an account, group, domain or password
//! policy at its end ([`build`]). Memory is what the [`Export`] keeps
//! plus one line. Secrets are skipped by name before their value is
//! looked at ([`attr::is_secret`]), and no error quotes a line.

mod attr;
mod build;
mod entry;
mod lines;
mod utf16;
mod values;

#[cfg(test)]
mod tests;

use std::io::{BufRead, BufReader};

use self::build::{CrossRef, Record};
use self::entry::Entry;
use self::lines::{LineError, Lines};
use super::{DirectoryError, DirectoryLimits, Export};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// Reads an LDIF export from `reader`; messages call it `name`. UTF-8
/// with or without a byte order mark, or UTF-16 with one (`ldifde -u`).
pub(crate) fn read(
    name: &str,
    mut reader: impl BufRead,
    limits: &DirectoryLimits,
) -> Result<Export, DirectoryError> {
    let head = reader
        .fill_buf()
        .map_err(|source| DirectoryError::ReadFailed {
            path: name.to_owned(),
            line: 1,
            source,
        })?;
    if head.starts_with(UTF8_BOM) {
        reader.consume(UTF8_BOM.len());
    } else if head.starts_with(UTF16LE_BOM) || head.starts_with(UTF16BE_BOM) {
        let encoding = if head.starts_with(UTF16LE_BOM) {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        reader.consume(UTF16LE_BOM.len());
        let decoded = BufReader::new(utf16::Utf16::new(reader, encoding));
        return Reader::new(name).records(decoded, limits);
    }
    Reader::new(name).records(reader, limits)
}

/// The state of one read: the export so far and the crossRefs to apply
/// once every domain is known.
struct Reader<'n> {
    name: &'n str,
    export: Export,
    cross_refs: Vec<CrossRef>,
}

/// Where the reader is between records.
enum State {
    /// Between records: the next line starts one.
    Between,
    /// Inside a record that is kept.
    In(Box<Entry>),
    /// Inside a record that is skipped to its end: a change other than
    /// `add`, or lines with no `dn:` (`ldapsearch` without `-LLL`).
    Skipping,
}

impl<'n> Reader<'n> {
    fn new(name: &'n str) -> Self {
        Reader {
            name,
            export: Export {
                files: vec![name.to_owned()],
                ..Export::default()
            },
            cross_refs: Vec::new(),
        }
    }

    fn records(
        mut self,
        reader: impl BufRead,
        limits: &DirectoryLimits,
    ) -> Result<Export, DirectoryError> {
        let mut lines = Lines::new(reader, limits.max_line_length);
        let mut state = State::Between;
        while let Some((line, text)) = lines.next_line().map_err(|e| self.line_error(e, limits))? {
            state = self.line(state, line, text)?;
        }
        if let State::In(entry) = state {
            self.finish(*entry)?;
        }
        build::apply_cross_refs(&mut self.export, self.cross_refs);
        Ok(self.export)
    }

    /// Takes one logical line in `state`; returns the state after it.
    fn line(&mut self, state: State, line: u32, text: &[u8]) -> Result<State, DirectoryError> {
        if text.is_empty() {
            if let State::In(entry) = state {
                self.finish(*entry)?;
            }
            return Ok(State::Between);
        }
        if text.starts_with(b"#") || matches!(state, State::Skipping) {
            return Ok(state);
        }
        let Some(attr) = attr::split(text) else {
            return Err(self.syntax(
                line,
                "this line is not `attribute: value` (a value continued on the next line must begin that line with one space)",
            ));
        };
        match state {
            State::Between if attr.name == "dn" => {
                let dn = entry::text(&attr).map_err(|p| self.value(line, p))?;
                Ok(State::In(Box::new(Entry::new(dn, line))))
            }
            State::Between if attr.name == "version" => Ok(State::Between),
            State::Between | State::Skipping => Ok(State::Skipping),
            State::In(_) if attr.name == "changetype" => {
                let kind = entry::text(&attr).map_err(|p| self.value(line, p))?;
                Ok(if kind.trim().eq_ignore_ascii_case("add") {
                    state
                } else {
                    State::Skipping
                })
            }
            State::In(mut entry) => {
                entry.add(&attr, line).map_err(|p| self.value(line, p))?;
                Ok(State::In(entry))
            }
        }
    }

    fn finish(&mut self, entry: Entry) -> Result<(), DirectoryError> {
        let line = entry.line;
        let record = build::finish(entry).map_err(|m| DirectoryError::LdifIncomplete {
            path: self.name.to_owned(),
            line,
            name: m.name,
            attribute: m.attribute,
        })?;
        match record {
            Some(Record::Object(object)) => self.export.objects.push(*object),
            Some(Record::Domain(domain)) => self.export.domains.push(domain),
            Some(Record::PasswordSettings(pso)) => self.export.password_settings.push(pso),
            Some(Record::CrossRef(cross_ref)) => self.cross_refs.push(cross_ref),
            None => {}
        }
        Ok(())
    }

    fn syntax(&self, line: u32, problem: &str) -> DirectoryError {
        DirectoryError::LdifSyntax {
            path: self.name.to_owned(),
            line,
            problem: problem.to_owned(),
        }
    }

    fn value(&self, line: u32, problem: entry::Problem) -> DirectoryError {
        DirectoryError::LdifValue {
            path: self.name.to_owned(),
            line,
            attribute: problem.attribute,
            problem: problem.what,
        }
    }

    fn line_error(&self, error: LineError, limits: &DirectoryLimits) -> DirectoryError {
        let path = self.name.to_owned();
        match error {
            LineError::TooLong { line } => DirectoryError::LdifLineTooLong {
                path,
                line,
                limit: limits.max_line_length,
            },
            LineError::Io { line, error } => DirectoryError::ReadFailed {
                path,
                line,
                source: error,
            },
        }
    }
}

/// Whether the first bytes of a file are LDIF: after comments and blank
/// lines, a `version:` or `dn:` line. UTF-16 (`ldifde -u`) is read as
/// its every other byte.
pub(super) fn looks_like_ldif(head: &[u8]) -> bool {
    let narrowed: Vec<u8>;
    let text = if let Some(wide) = head.strip_prefix(UTF16LE_BOM) {
        narrowed = wide.iter().step_by(2).copied().collect();
        &narrowed[..]
    } else if let Some(wide) = head.strip_prefix(UTF16BE_BOM) {
        narrowed = wide.iter().skip(1).step_by(2).copied().collect();
        &narrowed[..]
    } else {
        head.strip_prefix(UTF8_BOM).unwrap_or(head)
    };
    text.split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .find(|line| !line.is_empty() && !line.starts_with(b"#") && !line.starts_with(b" "))
        .is_some_and(|line| {
            let lower = line.to_ascii_lowercase();
            lower.starts_with(b"dn:") || lower.starts_with(b"version:")
        })
}

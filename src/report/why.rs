//! `gplint why <CODE>`: what a pasted code means, as a view that the text
//! and the JSON both read.

use std::fmt::Write;

use serde::Serialize;

use crate::codes::{self, Code, ErrorEntry, EventEntry, Family, Found, Match, OtherEntry, Reading};
use crate::rules::RuleSet;

/// The whole answer.
#[derive(Debug, Serialize)]
pub struct WhyView {
    /// The version of this JSON shape.
    pub version: u32,
    /// The input as given.
    pub query: String,
    /// Every known entry the input names; empty when none.
    pub matches: Vec<MatchView>,
}

/// One entry the input names.
#[derive(Debug, Serialize)]
pub struct MatchView {
    /// `win32`, `hresult`, `ntstatus`, `kerberos` or `event`: how the
    /// input was read.
    pub read_as: &'static str,
    /// How the input relates to the entry, in words.
    pub reading: String,
    /// `error`, `kerberos` or `event`.
    pub kind: &'static str,
    /// For an error: the Win32 error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub win32: Option<CodeView>,
    /// For an error: the NTSTATUS that maps to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ntstatus: Option<CodeView>,
    /// For an error: `HRESULT_FROM_WIN32` of it, or the Task Scheduler
    /// HRESULT itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hresult: Option<CodeView>,
    /// For a Kerberos failure code: the code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kerberos: Option<CodeView>,
    /// For an event: the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<EventView>,
    /// What usually causes it.
    pub cause: String,
    /// Related events (for an error) or errors (for an event).
    pub related: Vec<String>,
    /// The rules that detect it: those whose `detects` names it.
    pub rules: Vec<RuleRef>,
}

/// A code in every spelling.
#[derive(Debug, Serialize)]
pub struct CodeView {
    /// The symbolic name; for an HRESULT, `HRESULT_FROM_WIN32(n)`.
    pub name: String,
    /// Decimal, unsigned.
    pub decimal: u32,
    /// Decimal as a signed 32-bit number, as some tools print it.
    pub signed: i32,
    /// `0x…`.
    pub hex: String,
    /// The message text.
    pub message: String,
}

/// An event.
#[derive(Debug, Serialize)]
pub struct EventView {
    /// The id.
    pub id: u32,
    /// The log.
    pub log: String,
    /// The provider.
    pub source: String,
    /// The name.
    pub name: String,
    /// The message text.
    pub message: String,
}

/// A rule by id and name.
#[derive(Debug, Serialize)]
pub struct RuleRef {
    /// `GPL101`.
    pub id: String,
    /// `needed-logon-type-not-granted`.
    pub name: String,
}

/// Builds the answer for `query`.
pub fn view(query: &str, rules: &RuleSet) -> WhyView {
    WhyView {
        version: 1,
        query: query.trim().to_owned(),
        matches: codes::lookup(query)
            .into_iter()
            .map(|m| match_view(m, rules))
            .collect(),
    }
}

fn match_view(m: Match, rules: &RuleSet) -> MatchView {
    let key = m.found.key();
    // A rule declares what it detects (`detects:`), built-in or a team's.
    let detecting = (rules.rules().iter())
        .filter(|rule| rule.detects.contains(&key))
        .map(|r| RuleRef {
            id: r.id.clone(),
            name: r.name.clone(),
        })
        .collect();
    match m.found {
        Found::Error(entry) => error_view(m.reading, entry, detecting),
        Found::Other(entry) => other_view(entry, detecting),
        Found::Event(event) => event_view(event, detecting),
    }
}

fn code_view(code: Code, name: String) -> CodeView {
    CodeView {
        name,
        decimal: code.value,
        signed: i32::from_ne_bytes(code.value.to_ne_bytes()),
        hex: format!("0x{:X}", code.value),
        message: code.text.to_owned(),
    }
}

fn error_view(reading: Reading, entry: &ErrorEntry, rules: Vec<RuleRef>) -> MatchView {
    let n = entry.win32.value;
    let words = match (reading, entry.ntstatus) {
        (Reading::HResult(h), _) => format!(
            "HRESULT 0x{h:08X} is HRESULT_FROM_WIN32({n}), {}",
            entry.win32.name
        ),
        (Reading::NtStatus, Some(s)) => format!(
            "NTSTATUS 0x{:08X} {} maps to Win32 error {n}, {}",
            s.value, s.name, entry.win32.name
        ),
        _ => format!("Win32 error {n} (0x{n:X}), {}", entry.win32.name),
    };
    let hresult = Code {
        value: entry.hresult(),
        name: "",
        text: "What COM, PowerShell and Task Scheduler's Last Run Result show for this error.",
    };
    MatchView {
        read_as: reading.as_str(),
        reading: words,
        kind: "error",
        win32: Some(code_view(entry.win32, entry.win32.name.to_owned())),
        ntstatus: entry.ntstatus.map(|s| code_view(s, s.name.to_owned())),
        hresult: Some(code_view(hresult, format!("HRESULT_FROM_WIN32({n})"))),
        kerberos: None,
        event: None,
        cause: entry.cause.to_owned(),
        related: entry.events.iter().map(|e| format!("event {e}")).collect(),
        rules,
    }
}

fn event_view(event: &EventEntry, rules: Vec<RuleRef>) -> MatchView {
    MatchView {
        read_as: "event",
        reading: format!(
            "event {} in the {} log ({})",
            event.id, event.log, event.source
        ),
        kind: "event",
        win32: None,
        ntstatus: None,
        hresult: None,
        kerberos: None,
        event: Some(EventView {
            id: event.id,
            log: event.log.to_owned(),
            source: event.source.to_owned(),
            name: event.name.to_owned(),
            message: event.text.to_owned(),
        }),
        cause: event.cause.to_owned(),
        related: (event.errors.iter().map(|e| format!("error {e}")))
            .chain(event.kerberos.iter().map(|k| format!("Kerberos 0x{k:X}")))
            .collect(),
        rules,
    }
}

fn other_view(entry: &OtherEntry, rules: Vec<RuleRef>) -> MatchView {
    let code = entry.code;
    let view = code_view(code, code.name.to_owned());
    let (kind, reading, kerberos, hresult) = match entry.family {
        Family::Kerberos => (
            "kerberos",
            format!(
                "Kerberos error 0x{:X} ({}), {}: a failure code as event 4771 shows it, not a Win32 error",
                code.value, code.value, code.name
            ),
            Some(view),
            None,
        ),
        Family::TaskScheduler => (
            "error",
            format!(
                "HRESULT 0x{:08X} is Task Scheduler's {}",
                code.value, code.name
            ),
            None,
            Some(view),
        ),
    };
    MatchView {
        read_as: match entry.family {
            Family::Kerberos => Reading::Kerberos.as_str(),
            Family::TaskScheduler => Reading::TaskScheduler.as_str(),
        },
        reading,
        kind,
        win32: None,
        ntstatus: None,
        hresult,
        kerberos,
        event: None,
        cause: entry.cause.to_owned(),
        related: entry.events.iter().map(|e| format!("event {e}")).collect(),
        rules,
    }
}

/// The text form; the caller has checked that something matched.
pub fn write_human(view: &WhyView) -> String {
    let mut out = String::new();
    if view.matches.len() > 1 {
        // A bare number can be several codes: say so before any of them.
        let readings: Vec<&str> = view.matches.iter().map(|m| m.reading.as_str()).collect();
        let _ = writeln!(
            out,
            "`{}` can be read {} ways:\n- {}\n",
            view.query,
            view.matches.len(),
            readings.join("\n- ")
        );
    }
    for (i, m) in view.matches.iter().enumerate() {
        if i > 0 {
            out.push_str("\nIt is also:\n");
        }
        write_match(&mut out, m);
    }
    // Rule texts come from `--rules` folders anyone may write.
    super::visible::visible_owned(out)
}

fn write_match(out: &mut String, m: &MatchView) {
    let _ = writeln!(out, "{}", m.reading);
    if let Some(event) = &m.event {
        let _ = writeln!(
            out,
            "\nevent {}: {}\n  {}",
            event.id, event.name, event.message
        );
    }
    for code in [&m.win32, &m.ntstatus, &m.hresult, &m.kerberos]
        .into_iter()
        .flatten()
    {
        let _ = writeln!(
            out,
            "\n{} = {} = {}\n  {}",
            code.name, code.decimal, code.hex, code.message
        );
        if code.signed < 0 {
            let _ = writeln!(out, "  (signed: {})", code.signed);
        }
    }
    let _ = writeln!(out, "\nusually: {}", m.cause);
    if !m.related.is_empty() {
        let _ = writeln!(out, "see also: {}", m.related.join(", "));
    }
    let rules: Vec<String> = m
        .rules
        .iter()
        .map(|r| format!("{} {}", r.id, r.name))
        .collect();
    let detected = if rules.is_empty() {
        "no gplint rule".to_owned()
    } else {
        rules.join(", ")
    };
    let _ = writeln!(out, "detected by: {detected}");
}

//! The codes users paste: Win32 errors, HRESULTs, NTSTATUS values and event
//! ids, read in any of the spellings Windows shows them, for `gplint why`.
//!
//! A value is read as:
//! - `0x8007xxxx` (or its decimal, signed or not): `HRESULT_FROM_WIN32`,
//!   so the Win32 error `xxxx`;
//! - `0xCxxxxxxx` (or its decimal, signed or not): an NTSTATUS;
//! - below 0x10000: a Win32 error, and, when written in decimal, also an
//!   event id. Both are shown when both are known, the error first.

mod detect;
mod table;

pub use detect::detecting_rules;
pub use table::{ERRORS, EVENTS};

/// One code: its value, name and message text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// The number.
    pub value: u32,
    /// The symbolic name, e.g. `ERROR_ACCOUNT_DISABLED`.
    pub name: &'static str,
    /// The message text.
    pub text: &'static str,
}

/// A Win32 error and the NTSTATUS that maps to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorEntry {
    /// The Win32 error.
    pub win32: Code,
    /// The NTSTATUS `RtlNtStatusToDosError` maps to it, if any.
    pub ntstatus: Option<Code>,
    /// What usually causes it.
    pub cause: &'static str,
    /// Events that show it.
    pub events: &'static [u32],
}

impl ErrorEntry {
    /// `HRESULT_FROM_WIN32` of the error.
    pub fn hresult(&self) -> u32 {
        0x8007_0000 | (self.win32.value & 0xFFFF)
    }
}

/// An event that reports a refused logon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventEntry {
    /// The event id.
    pub id: u32,
    /// The log it is written to.
    pub log: &'static str,
    /// Its provider.
    pub source: &'static str,
    /// Its name or title.
    pub name: &'static str,
    /// Its message text.
    pub text: &'static str,
    /// What usually causes it.
    pub cause: &'static str,
    /// The Win32 errors it reports.
    pub errors: &'static [u32],
}

/// How the input was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// A Win32 error code.
    Win32,
    /// An HRESULT wrapping a Win32 error.
    HResult(u32),
    /// An NTSTATUS value.
    NtStatus,
    /// An event id.
    Event,
}

impl Reading {
    /// `win32`, `hresult`, `ntstatus` or `event`.
    pub fn as_str(self) -> &'static str {
        match self {
            Reading::Win32 => "win32",
            Reading::HResult(_) => "hresult",
            Reading::NtStatus => "ntstatus",
            Reading::Event => "event",
        }
    }
}

/// What an input names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// A Win32 error (with its NTSTATUS).
    Error(&'static ErrorEntry),
    /// An event.
    Event(&'static EventEntry),
}

/// One way of reading the input that names a known entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// How the input was read.
    pub reading: Reading,
    /// The entry.
    pub found: Found,
}

/// A number as users write it: decimal (signed or not) or hex with or
/// without `0x`; `hex` is whether it was written in hex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    /// The 32 bits.
    pub value: u32,
    /// Written in hex.
    pub hex: bool,
}

/// Reads a pasted code; `None` when it is not a 32-bit number.
pub fn parse(input: &str) -> Option<Number> {
    let text = input.trim();
    let lower = text.to_ascii_lowercase();
    if let Some(digits) = lower.strip_prefix("0x") {
        let value = u32::from_str_radix(digits, 16).ok()?;
        return Some(Number { value, hex: true });
    }
    if let Some(negative) = text.strip_prefix('-') {
        let magnitude: i64 = negative.parse().ok().filter(|m| *m >= 0)?;
        let value = i32::try_from(-magnitude).ok()?;
        return Some(Number {
            value: u32::from_ne_bytes(value.to_ne_bytes()),
            hex: false,
        });
    }
    if let Ok(value) = text.parse::<u32>() {
        return Some(Number { value, hex: false });
    }
    // `C000015B`, as some tools print it: hex without `0x`.
    let looks_hex = text.len() == 8 && text.chars().all(|c| c.is_ascii_hexdigit());
    let value = u32::from_str_radix(text, 16).ok().filter(|_| looks_hex)?;
    Some(Number { value, hex: true })
}

/// Every known entry the input can name, in a fixed order: the error (or
/// status) first, then an event of that id.
pub fn lookup(input: &str) -> Vec<Match> {
    parse(input).map_or_else(Vec::new, |n| lookup_in(n, ERRORS, EVENTS))
}

/// [`lookup`] over given tables.
pub fn lookup_in(
    number: Number,
    errors: &'static [ErrorEntry],
    events: &'static [EventEntry],
) -> Vec<Match> {
    let value = number.value;
    let error = |win32: u32, reading| {
        errors
            .iter()
            .find(|e| e.win32.value == win32)
            .map(|e| Match {
                reading,
                found: Found::Error(e),
            })
    };
    if value & 0xFFFF_0000 == 0x8007_0000 {
        return error(value & 0xFFFF, Reading::HResult(value))
            .into_iter()
            .collect();
    }
    if value >= 0xC000_0000 {
        let status = errors
            .iter()
            .find(|e| e.ntstatus.is_some_and(|s| s.value == value));
        return status
            .map(|e| Match {
                reading: Reading::NtStatus,
                found: Found::Error(e),
            })
            .into_iter()
            .collect();
    }
    let mut found: Vec<Match> = error(value, Reading::Win32).into_iter().collect();
    if !number.hex {
        found.extend(events.iter().find(|e| e.id == value).map(|e| Match {
            reading: Reading::Event,
            found: Found::Event(e),
        }));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn win32_of(input: &str) -> Vec<u32> {
        lookup(input)
            .iter()
            .map(|m| match m.found {
                Found::Error(e) => e.win32.value,
                Found::Event(e) => e.id,
            })
            .collect()
    }

    #[test]
    fn every_spelling_of_1385_names_the_same_entry() {
        for input in [
            "1385",
            "0x569",
            "0x80070569",
            "2147943785",
            "-2147023511",
            "0xC000015B",
            "-1073741477",
            " 0X80070569 ",
        ] {
            assert_eq!(win32_of(input), [1385], "{input}");
        }
    }

    #[test]
    fn events_and_errors_are_told_apart() {
        assert_eq!(lookup("7041")[0].reading, Reading::Event);
        assert_eq!(lookup("1069")[0].reading, Reading::Win32);
        assert!(lookup("0x1B81").is_empty(), "hex is never an event id");
        assert!(lookup("12345").is_empty());
        assert!(lookup("soon").is_empty());
    }

    #[test]
    fn a_number_both_an_error_and_an_event_shows_both_error_first() {
        static ERRS: &[ErrorEntry] = &[ErrorEntry {
            win32: Code {
                value: 101,
                name: "ERROR_EXCL_SEM_ALREADY_OWNED",
                text: "x",
            },
            ntstatus: None,
            cause: "",
            events: &[],
        }];
        let both = lookup_in(parse("101").unwrap(), ERRS, EVENTS);
        let readings: Vec<Reading> = both.iter().map(|m| m.reading).collect();
        assert_eq!(readings, [Reading::Win32, Reading::Event]);
    }

    #[test]
    fn every_ntstatus_maps_to_its_error() {
        for entry in ERRORS {
            if let Some(status) = entry.ntstatus {
                let text = format!("0x{:08X}", status.value);
                assert_eq!(win32_of(&text), [entry.win32.value], "{text}");
            }
        }
    }
}

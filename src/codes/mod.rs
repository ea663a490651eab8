//! The codes users paste: Win32 errors, HRESULTs, NTSTATUS values,
//! Kerberos failure codes and event ids, read in any of the spellings
//! Windows shows them, or by their symbolic names, for `gplint why`.
//!
//! A value is read as:
//! - `0x8007xxxx` (or its decimal, signed or not): `HRESULT_FROM_WIN32`,
//!   so the Win32 error `xxxx`;
//! - another HRESULT Task Scheduler shows (`0x80041310`): that code;
//! - `0xCxxxxxxx` (or its decimal, signed or not): an NTSTATUS;
//! - below 0x10000: a Win32 error, a Kerberos failure code (as event 4771
//!   shows it, `0x18`), and, when written in decimal, also an event id.
//!   Every reading that names a known entry is shown: a small number is a
//!   Kerberos code first, since the Win32 errors of the same numbers are
//!   file and device errors, never a logon's.
//!
//! A symbolic name (`ERROR_LOGON_TYPE_NOT_GRANTED`,
//! `STATUS_LOGON_TYPE_NOT_GRANTED`, `KDC_ERR_KEY_EXPIRED`) names exactly
//! one entry, in any case. Words around the code (`Error 1069:`) are read
//! by `paste`.

mod events;
mod other;
mod paste;
mod table;

pub use events::EVENTS;
pub use other::OTHERS;
pub use paste::Hint;
pub use table::ERRORS;

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

/// An event a logon writes.
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
    /// The Kerberos failure codes it reports.
    pub kerberos: &'static [u32],
    /// The Win32 errors it reports.
    pub errors: &'static [u32],
}

/// The family of a code that is neither a Win32 error nor an NTSTATUS.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// An RFC 4120 Kerberos error, as event 4771's Failure Code.
    Kerberos,
    /// An HRESULT of Task Scheduler's own (`SCHED_E_…`).
    TaskScheduler,
}

/// A Kerberos failure code or a Task Scheduler HRESULT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OtherEntry {
    /// Which family the code is of.
    pub family: Family,
    /// The code.
    pub code: Code,
    /// What usually causes it.
    pub cause: &'static str,
    /// Events that show it.
    pub events: &'static [u32],
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
    /// A Kerberos failure code.
    Kerberos,
    /// A Task Scheduler HRESULT.
    TaskScheduler,
    /// An event id.
    Event,
}

impl Reading {
    /// `win32`, `hresult`, `ntstatus`, `kerberos` or `event`.
    pub fn as_str(self) -> &'static str {
        match self {
            Reading::Win32 => "win32",
            Reading::HResult(_) | Reading::TaskScheduler => "hresult",
            Reading::NtStatus => "ntstatus",
            Reading::Kerberos => "kerberos",
            Reading::Event => "event",
        }
    }
}

/// What an input names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// A Win32 error (with its NTSTATUS).
    Error(&'static ErrorEntry),
    /// A Kerberos failure code or a Task Scheduler HRESULT.
    Other(&'static OtherEntry),
    /// An event.
    Event(&'static EventEntry),
}

/// Which entry of the tables a [`Found`] is, as a rule's `detects` names
/// it: a Win32 error by its number (whatever spelling named it), another
/// code by family and number, an event by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// A Win32 error (its NTSTATUS and HRESULT name the same entry).
    Error(u32),
    /// A Kerberos or Task Scheduler code.
    Other(Family, u32),
    /// An event id.
    Event(u32),
}

impl Found {
    /// The entry's key.
    pub fn key(self) -> Key {
        match self {
            Found::Error(e) => Key::Error(e.win32.value),
            Found::Other(o) => Key::Other(o.family, o.code.value),
            Found::Event(e) => Key::Event(e.id),
        }
    }

    /// How `gplint why` and rule checks name the entry:
    /// `error 1385 (ERROR_LOGON_TYPE_NOT_GRANTED)`.
    pub fn describe(self) -> String {
        match self {
            Found::Error(e) => format!("Win32 error {} ({})", e.win32.value, e.win32.name),
            Found::Other(o) if o.family == Family::Kerberos => {
                format!("Kerberos error 0x{:X} ({})", o.code.value, o.code.name)
            }
            Found::Other(o) => format!("HRESULT 0x{:08X} ({})", o.code.value, o.code.name),
            Found::Event(e) => format!("event {} ({})", e.id, e.name),
        }
    }
}

impl Key {
    /// The entry in a few words, as rule docs list it: `error 1385
    /// (ERROR_LOGON_TYPE_NOT_GRANTED)`, `Kerberos 0x17 (KDC_ERR_KEY_EXPIRED)`,
    /// `event 4625`.
    pub fn label(self) -> String {
        let name = |name: Option<&str>| name.map(|n| format!(" ({n})")).unwrap_or_default();
        match self {
            Key::Error(n) => {
                let entry = ERRORS.iter().find(|e| e.win32.value == n);
                format!("error {n}{}", name(entry.map(|e| e.win32.name)))
            }
            Key::Other(family, n) => {
                let entry = OTHERS
                    .iter()
                    .find(|o| o.family == family && o.code.value == n);
                let named = name(entry.map(|o| o.code.name));
                match family {
                    Family::Kerberos => format!("Kerberos 0x{n:X}{named}"),
                    Family::TaskScheduler => format!("0x{n:08X}{named}"),
                }
            }
            Key::Event(id) => format!("event {id}"),
        }
    }
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

/// Reads a pasted number; `None` when it is not a 32-bit number.
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

/// Every known entry the input can name, in a fixed order (see the
/// module's docs), as `paste::code_in` finds the code in it; words
/// before the code that say what it is keep only the readings of that
/// kind, when there are any.
pub fn lookup(input: &str) -> Vec<Match> {
    let Some((hint, code)) = paste::code_in(input) else {
        return Vec::new();
    };
    let found = match parse(&code) {
        Some(number) => lookup_in(number, ERRORS, EVENTS),
        None => by_name(&code).into_iter().collect(),
    };
    narrow(found, hint)
}

/// The readings `hint` allows, or all when it allows none.
fn narrow(found: Vec<Match>, hint: Hint) -> Vec<Match> {
    let keep = |m: &Match| match hint {
        Hint::None => true,
        Hint::Event => m.reading == Reading::Event,
        Hint::Error => m.reading != Reading::Event,
        Hint::Kerberos => m.reading == Reading::Kerberos,
    };
    if found.iter().any(keep) {
        found.into_iter().filter(keep).collect()
    } else {
        found
    }
}

/// The entry a symbolic name names, in any case; `NT_STATUS_…` (Samba's
/// spelling) and `KRB5KDC_ERR_…` (MIT's) are read too.
pub fn by_name(name: &str) -> Option<Match> {
    let upper = name.trim().to_ascii_uppercase();
    let upper = upper
        .strip_prefix("NT_")
        .filter(|rest| rest.starts_with("STATUS_"))
        .map(str::to_owned)
        .or_else(|| upper.strip_prefix("KRB5").map(str::to_owned))
        .unwrap_or(upper);
    let error = ERRORS.iter().find_map(|e| {
        let reading = if e.win32.name == upper {
            Reading::Win32
        } else if e.ntstatus.is_some_and(|s| s.name == upper) {
            Reading::NtStatus
        } else {
            return None;
        };
        Some(Match {
            reading,
            found: Found::Error(e),
        })
    });
    let other = || {
        OTHERS.iter().find(|o| o.code.name == upper).map(|o| Match {
            reading: other_reading(o),
            found: Found::Other(o),
        })
    };
    let event = || {
        EVENTS.iter().find(|e| e.name == upper).map(|e| Match {
            reading: Reading::Event,
            found: Found::Event(e),
        })
    };
    error.or_else(other).or_else(event)
}

fn other_reading(entry: &OtherEntry) -> Reading {
    match entry.family {
        Family::Kerberos => Reading::Kerberos,
        Family::TaskScheduler => Reading::TaskScheduler,
    }
}

/// [`lookup`] of a number over given tables (and [`OTHERS`]).
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
    let other = |family: Family| {
        OTHERS
            .iter()
            .find(|o| o.family == family && o.code.value == value)
            .map(|o| Match {
                reading: other_reading(o),
                found: Found::Other(o),
            })
    };
    if value & 0xFFFF_0000 == 0x8007_0000 {
        return error(value & 0xFFFF, Reading::HResult(value))
            .into_iter()
            .collect();
    }
    if let Some(task) = other(Family::TaskScheduler) {
        return vec![task];
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
    let mut found: Vec<Match> = other(Family::Kerberos).into_iter().collect();
    found.extend(error(value, Reading::Win32));
    if !number.hex {
        found.extend(events.iter().find(|e| e.id == value).map(|e| Match {
            reading: Reading::Event,
            found: Found::Event(e),
        }));
    }
    found
}

/// The event of id `id`, if known.
pub fn event(id: u32) -> Option<&'static EventEntry> {
    EVENTS.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn win32_of(input: &str) -> Vec<u32> {
        lookup(input)
            .iter()
            .map(|m| match m.found {
                Found::Error(e) => e.win32.value,
                Found::Other(o) => o.code.value,
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

    #[test]
    fn symbolic_names_name_one_entry_in_any_case() {
        for (input, reading, win32) in [
            ("ERROR_LOGON_TYPE_NOT_GRANTED", Reading::Win32, 1385),
            ("status_logon_type_not_granted", Reading::NtStatus, 1385),
            ("NT_STATUS_LOGON_TYPE_NOT_GRANTED", Reading::NtStatus, 1385),
            ("Error_Service_Logon_Failed", Reading::Win32, 1069),
        ] {
            let found = lookup(input);
            assert_eq!(found.len(), 1, "{input}");
            assert_eq!(found[0].reading, reading, "{input}");
            assert_eq!(win32_of(input), [win32], "{input}");
        }
        let kdc = lookup("kdc_err_key_expired");
        assert_eq!(kdc.len(), 1);
        assert_eq!(kdc[0].found.key(), Key::Other(Family::Kerberos, 0x17));
        assert_eq!(lookup("KRB5KDC_ERR_PREAUTH_FAILED").len(), 1);
        assert!(lookup("ERROR_LOGON_TYPE_NOT_GRANTEDX").is_empty());
    }

    #[test]
    fn a_small_number_is_read_as_kerberos_first_then_win32() {
        let keys: Vec<Key> = lookup("0x18").iter().map(|m| m.found.key()).collect();
        assert_eq!(keys, [Key::Other(Family::Kerberos, 0x18), Key::Error(24)]);
        // 0x25 is no Win32 error: Kerberos alone.
        let skew: Vec<Key> = lookup("0x25").iter().map(|m| m.found.key()).collect();
        assert_eq!(skew, [Key::Other(Family::Kerberos, 0x25)]);
        // Words before the code choose among the readings.
        assert_eq!(lookup("kerberos 0x18").len(), 1);
        assert_eq!(lookup("error 24")[0].reading, Reading::Kerberos);
    }

    #[test]
    fn task_scheduler_codes_are_their_own() {
        let task = lookup("0x80041310");
        assert_eq!(task.len(), 1);
        assert_eq!(task[0].reading, Reading::TaskScheduler);
        assert_eq!(win32_of("0x800710E0"), [4320]);
    }

    #[test]
    fn words_before_an_event_keep_the_event() {
        assert_eq!(lookup("event 4625")[0].reading, Reading::Event);
        assert_eq!(lookup("Error 1069:")[0].reading, Reading::Win32);
        // A hint that fits no reading keeps them all.
        assert_eq!(lookup("event 1385")[0].reading, Reading::Win32);
    }

    #[test]
    fn every_name_is_unique() {
        let mut names: Vec<&str> = ERRORS
            .iter()
            .flat_map(|e| std::iter::once(e.win32.name).chain(e.ntstatus.map(|s| s.name)))
            .chain(OTHERS.iter().map(|o| o.code.name))
            .collect();
        let all = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all);
    }
}

//! The values Windows accepts for the numeric `[System Access]` settings
//! gplint reads, and the warning for one it does not.
//!
//! "Maximum password age" is 0 to 999 days, 0 for passwords that never
//! expire; "-1 is equivalent to 0 … any other negative number is
//! equivalent to setting it to Not Defined" (windows-itpro-docs
//! `maximum-password-age.md`). "Account lockout threshold" is 0 to 999
//! (`account-lockout-threshold.md`). A value outside these is read as not
//! defined, so an earlier GPO's value or Windows' default applies; a
//! number too large for any integer type never reaches date arithmetic.

use super::logon_keys::{LOCKOUT_BAD_COUNT, MAX_PASSWORD_AGE};
use super::{Setting, SettingValue};
use crate::diagnostic::{Code, Diagnostic};

/// One numeric setting: what Windows accepts, in words and as a reader.
struct Range {
    key: &'static str,
    /// What Windows accepts, after "Windows accepts".
    accepts: &'static str,
    /// What to write instead.
    help: &'static str,
    /// The value in force for a number written, or `None` when invalid.
    read: fn(i64) -> Option<i64>,
}

const RANGES: [Range; 2] = [
    Range {
        key: MAX_PASSWORD_AGE,
        accepts: "0 to 999 days (0: passwords never expire) or -1 (the same as 0)",
        help: "write a number of days from 1 to 999, or 0 for passwords that never expire",
        read: |days| match days {
            -1 => Some(0),
            0..=999 => Some(days),
            _ => None,
        },
    },
    Range {
        key: LOCKOUT_BAD_COUNT,
        accepts: "0 to 999 bad passwords (0: the account never locks)",
        help: "write a number of bad passwords from 1 to 999, or 0 for accounts that never lock",
        read: |count| (0..=999).contains(&count).then_some(count),
    },
];

fn range(key: &str) -> Option<&'static Range> {
    RANGES
        .iter()
        .find(|r| r.key.eq_ignore_ascii_case(key.trim()))
}

/// The value in force for `key` written as the number `n`: `n` itself
/// for a key without a range, `None` for a value Windows treats as not
/// defined.
pub fn in_force(key: &str, n: i64) -> Option<i64> {
    match range(key) {
        Some(range) => (range.read)(n),
        None => Some(n),
    }
}

/// A warning for each setting with a range whose value is outside it or
/// is no whole number.
pub fn warnings(settings: &[Setting<'_>]) -> Vec<Diagnostic> {
    settings
        .iter()
        .filter_map(|setting| {
            let range = range(setting.key)?;
            let valid = match setting.value {
                SettingValue::Integer(n) => (range.read)(n).is_some(),
                _ => false,
            };
            (!valid).then(|| warning(setting, range))
        })
        .collect()
}

fn warning(setting: &Setting<'_>, range: &Range) -> Diagnostic {
    let written = match setting.value {
        SettingValue::Integer(n) => n.to_string(),
        SettingValue::Text(t) => format!("\"{t}\""),
        SettingValue::Raw(t) => t.to_owned(),
    };
    Diagnostic::new(Code::TemplateSettingOutOfRange,
        format!(
            "`{} = {written}` is not a value Windows accepts: it accepts {}, and treats any other value as not defined",
            range.key, range.accepts
        ),
        setting.value_span,
    )
    .with_label("out of range")
    .with_help(range.help)
    .with_note(
        "gplint reads the setting as not defined here, as Windows does: an earlier GPO's value, or Windows' default, applies",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{syntax, template};

    #[test]
    fn minus_one_is_never_and_other_values_out_of_range_are_not_defined() {
        assert_eq!(in_force("MaximumPasswordAge", -1), Some(0));
        assert_eq!(in_force("maximumpasswordage", 999), Some(999));
        assert_eq!(in_force("MaximumPasswordAge", 1000), None);
        assert_eq!(in_force("MaximumPasswordAge", -2), None);
        assert_eq!(in_force("MaximumPasswordAge", i64::MAX), None);
        assert_eq!(in_force("LockoutBadCount", -1), None);
        assert_eq!(in_force("LockoutBadCount", 5), Some(5));
        assert_eq!(in_force("MinimumPasswordLength", 5000), Some(5000));
    }

    #[test]
    fn a_value_out_of_range_or_no_number_warns_at_the_value() {
        let text = "[System Access]\nMaximumPasswordAge = 9223372036854775807\nLockoutBadCount = 99999999999999999999\nMinimumPasswordAge = 5000\nMaximumPasswordAge = -1\n";
        let typed = template::build(&syntax::parse(text));
        let found: Vec<&str> = warnings(&typed.system_access)
            .iter()
            .map(|w| &text[w.labels[0].span.start..w.labels[0].span.end])
            .collect();
        // The later MaximumPasswordAge line wins and is valid.
        assert_eq!(found, ["99999999999999999999"]);
    }
}

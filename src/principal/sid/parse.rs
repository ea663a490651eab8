//! Parsing the `S-1-5-32-544` string form.
//!
//! Checks run from the outside in (prefix, dashes, then each number) so the
//! first message names the most obvious problem.

use super::{AUTHORITY_LIMIT, MAX_SUBS, Sid, SidError, SidPart};

/// Longest hex authority Windows writes: 48 bits.
const MAX_HEX_DIGITS: usize = 12;

/// Parses `text`; see [`Sid::parse`]. Reads the parts in place, with
/// no allocation unless the text is not a SID.
pub(super) fn parse(text: &str) -> Result<Sid, SidError> {
    let owned = || text.to_owned();
    if text.is_empty() {
        return Err(SidError::Empty);
    }
    let rest = strip_prefix(text).ok_or_else(|| SidError::MissingPrefix { text: owned() })?;
    if text.ends_with('-') {
        return Err(SidError::TrailingDash { text: owned() });
    }
    if rest.split('-').any(str::is_empty) {
        return Err(SidError::EmptyPart { text: owned() });
    }
    let mut parts = rest.split('-');
    let Some(revision) = parts.next() else {
        return Err(SidError::EmptyPart { text: owned() });
    };
    check_revision(text, revision)?;
    let Some(authority) = parts.next() else {
        return Err(SidError::MissingAuthority { text: owned() });
    };
    let authority = parse_authority(text, authority)?;
    let count = parts.clone().count();
    if count > MAX_SUBS {
        return Err(SidError::TooManySubAuthorities {
            text: owned(),
            count,
        });
    }
    let mut subs = [0; MAX_SUBS];
    parse_subs(text, parts, &mut subs)?;
    let subs = subs.get(..count).unwrap_or_default();
    Sid::from_parts(authority, subs).ok_or_else(|| SidError::TooManySubAuthorities {
        text: owned(),
        count: subs.len(),
    })
}

fn strip_prefix(text: &str) -> Option<&str> {
    text.strip_prefix("S-").or_else(|| text.strip_prefix("s-"))
}

fn check_revision(text: &str, value: &str) -> Result<(), SidError> {
    require_digits(text, SidPart::Revision, value)?;
    if value.trim_start_matches('0') == "1" {
        Ok(())
    } else {
        Err(SidError::UnsupportedRevision {
            text: text.to_owned(),
            value: value.to_owned(),
        })
    }
}

fn parse_authority(text: &str, value: &str) -> Result<u64, SidError> {
    let hex = value
        .strip_prefix("0x")
        .or_else(|| value.strip_prefix("0X"));
    let parsed = match hex {
        Some(digits) => parse_hex_authority(text, value, digits)?,
        None => {
            require_digits(text, SidPart::Authority, value)?;
            value.parse::<u64>().unwrap_or(u64::MAX)
        }
    };
    if parsed >= AUTHORITY_LIMIT {
        return Err(SidError::AuthorityTooLarge {
            text: text.to_owned(),
            value: value.to_owned(),
        });
    }
    Ok(parsed)
}

fn parse_hex_authority(text: &str, value: &str, digits: &str) -> Result<u64, SidError> {
    let well_formed = (1..=MAX_HEX_DIGITS).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_hexdigit());
    let parsed = well_formed
        .then(|| u64::from_str_radix(digits, 16).ok())
        .flatten();
    parsed.ok_or_else(|| SidError::BadHexAuthority {
        text: text.to_owned(),
        value: value.to_owned(),
    })
}

/// Reads the sub-authorities into `subs`, which has room for all of them.
fn parse_subs<'t>(
    text: &str,
    values: impl Iterator<Item = &'t str>,
    subs: &mut [u32],
) -> Result<(), SidError> {
    for ((offset, value), slot) in values.enumerate().zip(subs) {
        let index = offset + 1;
        require_digits(text, SidPart::SubAuthority(index), value)?;
        *slot = value
            .parse::<u32>()
            .map_err(|_| SidError::SubAuthorityTooLarge {
                text: text.to_owned(),
                index,
                value: value.to_owned(),
            })?;
    }
    Ok(())
}

/// Rejects anything but ASCII digits, which `str::parse` alone would not
/// (it accepts a leading `+`).
fn require_digits(text: &str, part: SidPart, value: &str) -> Result<(), SidError> {
    match value.chars().find(|c| !c.is_ascii_digit()) {
        None => Ok(()),
        Some(found) => Err(SidError::NotADigit {
            text: text.to_owned(),
            part,
            value: value.to_owned(),
            found,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> String {
        Sid::parse(text).unwrap_err().to_string()
    }

    #[test]
    fn parses_and_prints_canonical_form() {
        for text in [
            "S-1-5-32-544",
            "S-1-1-0",
            "S-1-5",
            "S-1-16-12288",
            "S-1-0x000100000000-1",
        ] {
            assert_eq!(Sid::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn lower_case_prefix_and_hex_authority_are_accepted() {
        assert_eq!(Sid::parse("s-1-5-18").unwrap().to_string(), "S-1-5-18");
        assert_eq!(Sid::parse("S-1-0x5-18").unwrap().to_string(), "S-1-5-18");
        assert_eq!(
            Sid::parse("S-1-0XFFFFFFFFFFFF").unwrap().authority(),
            (1 << 48) - 1
        );
    }

    #[test]
    fn fifteen_sub_authorities_are_the_limit() {
        let fifteen = format!("S-1-5{}", "-1".repeat(15));
        assert_eq!(Sid::parse(&fifteen).unwrap().sub_authorities().len(), 15);
        let sixteen = format!("S-1-5{}", "-1".repeat(16));
        assert_eq!(
            Sid::parse(&sixteen),
            Err(SidError::TooManySubAuthorities {
                text: sixteen.clone(),
                count: 16
            })
        );
        assert!(message(&sixteen).contains("it has 16 sub-authorities"));
    }

    #[test]
    fn trailing_dash_message_names_text_and_shape() {
        assert_eq!(
            message("S-1-5-"),
            "`S-1-5-` is not a valid SID: it ends with '-'; a SID looks like \
             S-1-5-21-1004336348-1177238915-682003330-1105"
        );
        assert!(matches!(
            Sid::parse("S-1-"),
            Err(SidError::TrailingDash { .. })
        ));
        assert!(matches!(
            Sid::parse("S-"),
            Err(SidError::TrailingDash { .. })
        ));
    }

    #[test]
    fn oversized_sub_authority_is_reported_with_its_position() {
        let text = "S-1-5-21-99999999999999999999999999999999999999";
        assert_eq!(
            message(text),
            format!(
                "`{text}` is not a valid SID: sub-authority 2 (99999…) is larger than 4294967295; \
                 a SID looks like S-1-5-21-1004336348-1177238915-682003330-1105"
            )
        );
        assert!(matches!(
            Sid::parse("S-1-5-4294967296"),
            Err(SidError::SubAuthorityTooLarge { index: 1, .. })
        ));
        assert!(Sid::parse("S-1-5-4294967295").is_ok());
    }

    #[test]
    fn each_shape_error_has_its_own_variant() {
        assert_eq!(Sid::parse(""), Err(SidError::Empty));
        assert!(matches!(
            Sid::parse("1-5-32"),
            Err(SidError::MissingPrefix { .. })
        ));
        assert!(matches!(
            Sid::parse("X-1-5"),
            Err(SidError::MissingPrefix { .. })
        ));
        assert!(matches!(
            Sid::parse("S-1--5"),
            Err(SidError::EmptyPart { .. })
        ));
        assert!(matches!(
            Sid::parse("S-1"),
            Err(SidError::MissingAuthority { .. })
        ));
        assert!(matches!(
            Sid::parse("S-2-5"),
            Err(SidError::UnsupportedRevision { .. })
        ));
    }

    #[test]
    fn number_errors_name_the_part_and_character() {
        assert_eq!(
            Sid::parse("S-1-5-32-54a"),
            Err(SidError::NotADigit {
                text: "S-1-5-32-54a".into(),
                part: SidPart::SubAuthority(2),
                value: "54a".into(),
                found: 'a',
            })
        );
        assert!(message("S-1-5-+3").contains("sub-authority 1 (+3) contains '+'"));
        assert!(message("S-1-x-3").contains("the identifier authority (x) contains 'x'"));
        assert!(message("S-1-5-3 ").contains("contains ' '"));
    }

    #[test]
    fn surrounding_whitespace_is_rejected() {
        assert!(matches!(
            Sid::parse(" S-1-5-18"),
            Err(SidError::MissingPrefix { .. })
        ));
        assert!(matches!(
            Sid::parse("S-1-5-18\n"),
            Err(SidError::NotADigit { .. })
        ));
    }

    #[test]
    fn authority_limits() {
        assert!(matches!(
            Sid::parse("S-1-281474976710656"),
            Err(SidError::AuthorityTooLarge { .. })
        ));
        assert!(Sid::parse("S-1-281474976710655").is_ok());
        assert!(matches!(
            Sid::parse("S-1-99999999999999999999999"),
            Err(SidError::AuthorityTooLarge { .. })
        ));
        for bad in ["S-1-0x", "S-1-0x1000000000000", "S-1-0xZZ"] {
            assert!(
                matches!(Sid::parse(bad), Err(SidError::BadHexAuthority { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn odd_strings_never_panic_and_valid_ones_round_trip() {
        let seeds = [
            "S-1-5-21-1004336348-1177238915-682003330-1105-1-2-3-4-5-6-7-8-9-10-11-12",
            "s-1-0xFFFFFFFFFFFF-4294967295-4294967296",
            "S-01-05-0032-00544",
            "S-1-5-é-ß-\u{0}-\u{FEFF}",
            "--S--1--",
        ];
        let mut tried = 0;
        for seed in seeds {
            for (end, _) in seed.char_indices().chain([(seed.len(), ' ')]) {
                let prefix = &seed[..end];
                for candidate in [
                    prefix.to_owned(),
                    format!("{prefix}-"),
                    format!("{prefix}x"),
                ] {
                    tried += 1;
                    if let Ok(sid) = Sid::parse(&candidate) {
                        let printed = sid.to_string();
                        assert_eq!(Sid::parse(&printed), Ok(sid), "{candidate}");
                    }
                }
            }
        }
        assert!(tried > 300, "only {tried} strings tried");
    }
}

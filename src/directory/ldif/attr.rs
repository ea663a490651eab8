//! One `attribute: value` line of an LDIF record, split without looking
//! at the value, and the secrets whose values are never looked at.

/// How a line writes its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Value<'a> {
    /// `attr: text`.
    Text(&'a [u8]),
    /// `attr:: base64`.
    Base64(&'a [u8]),
    /// `attr:< URL`: the value is elsewhere and is never fetched.
    Url,
}

/// An attribute line: the name without its options (`;binary`,
/// `;range=0-1499`), lower-cased, and the value as written.
#[derive(Debug)]
pub(super) struct Attr<'a> {
    pub(super) name: String,
    pub(super) value: Value<'a>,
}

/// Splits `line` at its first `:`; `None` when it does not begin with
/// an attribute description (a name or OID, then options).
pub(super) fn split(line: &[u8]) -> Option<Attr<'_>> {
    let colon = line.iter().position(|&b| b == b':')?;
    let (description, rest) = line.split_at(colon);
    let name = description.split(|&b| b == b';').next()?;
    let valid = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'.';
    if name.is_empty() || !name.iter().all(valid) {
        return None;
    }
    let rest = rest.get(1..).unwrap_or_default();
    let value = match rest.first() {
        Some(b':') => Value::Base64(rest.get(1..).unwrap_or_default().trim_ascii_start()),
        Some(b'<') => Value::Url,
        _ => Value::Text(trim_fill(rest)),
    };
    Some(Attr {
        name: String::from_utf8_lossy(name).to_ascii_lowercase(),
        value,
    })
}

/// The value after the spaces that separate it from the `:`.
fn trim_fill(rest: &[u8]) -> &[u8] {
    let start = rest.iter().position(|&b| b != b' ').unwrap_or(rest.len());
    rest.get(start..).unwrap_or_default()
}

/// Attributes that hold passwords or keys, lower-cased.
const SECRETS: [&str; 10] = [
    "unicodepwd",
    "userpassword",
    "ms-mcs-admpwd",
    "mslaps-password",
    "mslaps-encryptedpassword",
    "supplementalcredentials",
    "dbcspwd",
    "ntpwdhistory",
    "lmpwdhistory",
    "mslaps-encrypteddsrmpassword",
];

/// Policy attributes whose names say "password" but hold no secret.
const POLICY: [&str; 2] = ["msds-maximumpasswordage", "msds-passwordsettingsprecedence"];

/// Whether the attribute `name` (lower-cased) can hold a secret: its value
/// is then never decoded, kept, or quoted, whatever the record.
pub(super) fn is_secret(name: &str) -> bool {
    SECRETS.contains(&name) || (name.contains("password") && !POLICY.contains(&name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(line: &str) -> Option<(String, Value<'_>)> {
        split(line.as_bytes()).map(|a| (a.name, a.value))
    }

    #[test]
    fn splits_the_three_value_forms_and_strips_options() {
        assert_eq!(
            parts("sAMAccountName: svc_sql"),
            Some(("samaccountname".into(), Value::Text(b"svc_sql")))
        );
        assert_eq!(
            parts("objectSid:: AQIA"),
            Some(("objectsid".into(), Value::Base64(b"AQIA")))
        );
        assert_eq!(
            parts("jpegPhoto:< file:///etc/passwd"),
            Some(("jpegphoto".into(), Value::Url))
        );
        assert_eq!(
            parts("member;range=0-1499: CN=a,DC=x"),
            Some(("member".into(), Value::Text(b"CN=a,DC=x")))
        );
        assert_eq!(
            parts("userCertificate;binary:: AA=="),
            Some(("usercertificate".into(), Value::Base64(b"AA==")))
        );
        assert_eq!(parts("cn:"), Some(("cn".into(), Value::Text(b""))));
        assert_eq!(
            parts("description: a: b"),
            Some(("description".into(), Value::Text(b"a: b")))
        );
    }

    #[test]
    fn a_line_without_an_attribute_name_is_refused() {
        assert!(parts("no colon here").is_none());
        assert!(parts(": value").is_none());
        assert!(parts("two words: value").is_none());
    }

    #[test]
    fn secrets_are_recognised_without_case() {
        for name in [
            "unicodepwd",
            "userpassword",
            "ms-mcs-admpwd",
            "mslaps-password",
            "msds-managedpassword",
            "ntpwdhistory",
        ] {
            assert!(is_secret(name), "{name}");
        }
        for name in [
            "msds-maximumpasswordage",
            "msds-passwordsettingsprecedence",
            "pwdlastset",
            "maxpwdage",
            "member",
        ] {
            assert!(!is_secret(name), "{name}");
        }
    }
}

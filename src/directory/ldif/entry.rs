//! One LDIF record being read: the attributes the model uses, decoded as
//! they arrive; every other attribute is dropped unread.

use super::attr::{Attr, Value, is_secret};
use super::values;
use crate::directory::{FactLines, Reference};
use crate::principal::Sid;

/// Why a value could not be read: the attribute and, in words, what is
/// wrong with it. Never holds the value of a secret.
#[derive(Debug)]
pub(super) struct Problem {
    pub(super) attribute: String,
    pub(super) what: String,
}

/// The object classes that decide what a record is.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Classes {
    pub(super) user: bool,
    pub(super) computer: bool,
    pub(super) group: bool,
    pub(super) gmsa: bool,
    pub(super) smsa: bool,
    pub(super) domain: bool,
    pub(super) password_settings: bool,
    pub(super) cross_ref: bool,
}

/// The kept attributes of one record, with the line of each fact.
#[derive(Debug, Default)]
pub(super) struct Entry {
    pub(super) dn: String,
    /// The `dn:` line.
    pub(super) line: u32,
    pub(super) classes: Classes,
    pub(super) sam_account_name: Option<String>,
    pub(super) cn: Option<String>,
    pub(super) sid: Option<Sid>,
    pub(super) upn: Option<String>,
    pub(super) member_of: Vec<Reference>,
    pub(super) members: Vec<Reference>,
    pub(super) primary_group_rid: Option<u32>,
    pub(super) account_control: Option<u32>,
    pub(super) password_last_set: Option<i64>,
    pub(super) logon_hours: Option<[u8; 21]>,
    pub(super) workstations: Vec<String>,
    pub(super) account_expires: Option<i64>,
    pub(super) has_spn: bool,
    pub(super) max_password_age_days: Option<i64>,
    pub(super) lockout_threshold: Option<i64>,
    pub(super) precedence: Option<u32>,
    pub(super) applies_to: Vec<Reference>,
    pub(super) netbios_name: Option<String>,
    pub(super) nc_name: Option<String>,
    pub(super) lines: FactLines,
}

impl Entry {
    /// A record whose `dn:` line is `line`.
    pub(super) fn new(dn: String, line: u32) -> Self {
        Entry {
            dn,
            line,
            ..Entry::default()
        }
    }

    /// Keeps `attr`, read at `line`, if the model uses it.
    pub(super) fn add(&mut self, attr: &Attr<'_>, line: u32) -> Result<(), Problem> {
        if is_secret(&attr.name) || attr.value == Value::Url {
            return Ok(());
        }
        let name = attr.name.as_str();
        let at = Some(line);
        match name {
            "objectclass" => self.class(&text(attr)?),
            "samaccountname" => self.sam_account_name = Some(text(attr)?),
            "cn" => self.cn = Some(text(attr)?),
            "userprincipalname" => self.upn = Some(text(attr)?),
            "objectsid" => self.sid = Some(sid(attr)?),
            "memberof" => {
                self.lines.member_of = self.lines.member_of.or(at);
                self.member_of.push(Reference::Dn(text(attr)?));
            }
            "member" => self.members.push(Reference::Dn(text(attr)?)),
            "msds-psoappliesto" => self.applies_to.push(Reference::Dn(text(attr)?)),
            "primarygroupid" => self.primary_group_rid = Some(number(attr)?),
            "useraccountcontrol" => {
                self.lines.account_control = at;
                self.account_control = Some(account_control(attr)?);
            }
            "pwdlastset" => {
                self.lines.password_last_set = at;
                self.password_last_set = Some(values::filetime(number(attr)?));
            }
            "accountexpires" => {
                self.lines.account_expires = at;
                self.account_expires = values::account_expires(number(attr)?);
            }
            "logonhours" => {
                self.lines.logon_hours = at;
                self.logon_hours = Some(logon_hours(attr)?);
            }
            "userworkstations" => {
                self.lines.workstations = at;
                self.workstations = workstations(&text(attr)?);
            }
            "serviceprincipalname" => self.has_spn = true,
            "maxpwdage" | "msds-maximumpasswordage" => {
                self.max_password_age_days = Some(values::interval_days(number(attr)?));
            }
            "lockoutthreshold" | "msds-lockoutthreshold" => {
                self.lockout_threshold = Some(number(attr)?);
            }
            "msds-passwordsettingsprecedence" => self.precedence = Some(number(attr)?),
            "netbiosname" => self.netbios_name = Some(text(attr)?),
            "ncname" => self.nc_name = Some(text(attr)?),
            _ => {}
        }
        Ok(())
    }

    fn class(&mut self, class: &str) {
        let c = &mut self.classes;
        match class.to_ascii_lowercase().as_str() {
            "user" | "person" => c.user = true,
            "computer" => c.computer = true,
            "group" => c.group = true,
            "msds-groupmanagedserviceaccount" => c.gmsa = true,
            "msds-managedserviceaccount" => c.smsa = true,
            "domain" | "domaindns" => c.domain = true,
            "msds-passwordsettings" => c.password_settings = true,
            "crossref" => c.cross_ref = true,
            _ => {}
        }
    }
}

fn problem(attr: &Attr<'_>, what: impl Into<String>) -> Problem {
    Problem {
        attribute: attr.name.clone(),
        what: what.into(),
    }
}

/// The value's bytes, base64 decoded.
fn bytes(attr: &Attr<'_>) -> Result<Vec<u8>, Problem> {
    match attr.value {
        Value::Text(text) => Ok(text.to_vec()),
        Value::Base64(text) => {
            values::base64(text).ok_or_else(|| problem(attr, "is not valid base64 after `::`"))
        }
        Value::Url => Ok(Vec::new()),
    }
}

/// The value as text.
pub(super) fn text(attr: &Attr<'_>) -> Result<String, Problem> {
    String::from_utf8(bytes(attr)?).map_err(|_| problem(attr, "is not UTF-8 text"))
}

/// The value as an integer of type `T`.
fn number<T: TryFrom<i64>>(attr: &Attr<'_>) -> Result<T, Problem> {
    let text = text(attr)?;
    values::integer(&text)
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| {
            let shown: String = text.chars().take(40).collect();
            problem(attr, format!("is `{shown}`, where a number was expected"))
        })
}

/// `userAccountControl`, which some tools write as a signed 32-bit value.
fn account_control(attr: &Attr<'_>) -> Result<u32, Problem> {
    let n: i64 = number(attr)?;
    u32::try_from(n)
        .or_else(|_| i32::try_from(n).map(|n| n as u32))
        .map_err(|_| problem(attr, format!("is {n}, more than 32 bits of flags")))
}

/// `objectSid`: binary as AD stores it, or `S-1-…` text.
fn sid(attr: &Attr<'_>) -> Result<Sid, Problem> {
    if let Value::Text(text) = attr.value
        && text.starts_with(b"S-")
    {
        let text = String::from_utf8_lossy(text);
        return Sid::parse(text.trim()).map_err(|e| problem(attr, format!("is not a SID: {e}")));
    }
    values::sid(&bytes(attr)?).map_err(|what| problem(attr, what))
}

/// `logonHours`: exactly 21 bytes, one bit per hour of the week.
fn logon_hours(attr: &Attr<'_>) -> Result<[u8; 21], Problem> {
    let bytes = bytes(attr)?;
    <[u8; 21]>::try_from(bytes.as_slice()).map_err(|_| {
        problem(
            attr,
            format!(
                "is {} bytes, where it is 21 (one bit per hour of the week)",
                bytes.len()
            ),
        )
    })
}

/// `userWorkstations`: machine names separated by commas.
fn workstations(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

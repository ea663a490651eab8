//! A finished record turned into what the [`Export`] keeps, by its
//! object classes; records of any other class are dropped.

use super::entry::Entry;
use crate::directory::{
    Domain, Export, Object, ObjectKind, Origin, PasswordSettings, UserAccountControl,
};

/// A `crossRef`: the NetBIOS name of the domain whose DN is `nc_name`.
#[derive(Debug)]
pub(super) struct CrossRef {
    pub(super) nc_name: String,
    pub(super) netbios_name: String,
    pub(super) origin: Origin,
}

/// What one record became.
#[derive(Debug)]
pub(super) enum Record {
    Object(Box<Object>),
    Domain(Domain),
    PasswordSettings(PasswordSettings),
    CrossRef(CrossRef),
}

/// A password settings object lacks `attribute`, so it cannot be used.
#[derive(Debug)]
pub(super) struct Missing {
    pub(super) name: String,
    pub(super) attribute: &'static str,
}

/// What `entry`, read from file 0 of the export, is; `None` when the
/// model has no use for it.
pub(super) fn finish(entry: Entry) -> Result<Option<Record>, Missing> {
    let origin = Origin {
        file: 0,
        line: entry.line,
    };
    let c = entry.classes;
    if c.password_settings {
        return password_settings(entry, origin).map(|p| Some(Record::PasswordSettings(p)));
    }
    if c.domain {
        return Ok(Some(Record::Domain(domain(entry, origin))));
    }
    if c.cross_ref {
        return Ok(cross_ref(entry, origin).map(Record::CrossRef));
    }
    let kind = if c.gmsa {
        ObjectKind::Gmsa
    } else if c.smsa {
        ObjectKind::Smsa
    } else if c.computer {
        ObjectKind::Computer
    } else if c.group {
        ObjectKind::Group
    } else if c.user {
        ObjectKind::User
    } else {
        return Ok(None);
    };
    Ok(object(entry, kind, origin).map(|o| Record::Object(Box::new(o))))
}

/// An account or group; `None` without a `sAMAccountName` (a contact).
fn object(entry: Entry, kind: ObjectKind, origin: Origin) -> Option<Object> {
    let mut object = Object::new(kind, entry.sam_account_name?, origin);
    object.dn = Some(entry.dn);
    object.sid = entry.sid;
    object.upn = entry.upn;
    // Lists grown by doubling would keep up to twice what they hold, for
    // every one of tens of thousands of objects.
    object.member_of = entry.member_of;
    object.member_of.shrink_to_fit();
    object.members = entry.members;
    object.members.shrink_to_fit();
    object.primary_group_rid = entry.primary_group_rid;
    object.account_control = entry.account_control.map(|bits| UserAccountControl {
        disabled: bits & 0x2 != 0,
        password_never_expires: bits & 0x1_0000 != 0,
        smartcard_required: bits & 0x4_0000 != 0,
    });
    object.password_last_set = entry.password_last_set;
    object.logon_hours = entry.logon_hours;
    object.workstations = entry.workstations;
    object.account_expires = entry.account_expires;
    object.has_spn = entry.has_spn;
    object.lines = entry.lines;
    Some(object)
}

fn domain(entry: Entry, origin: Origin) -> Domain {
    Domain {
        dns_name: dns_name(&entry.dn),
        netbios_name: None,
        sid: entry.sid,
        dn: Some(entry.dn),
        max_password_age_days: entry.max_password_age_days,
        lockout_threshold: entry.lockout_threshold,
        origin,
    }
}

fn password_settings(entry: Entry, origin: Origin) -> Result<PasswordSettings, Missing> {
    let name = entry
        .cn
        .clone()
        .unwrap_or_else(|| first_rdn_value(&entry.dn));
    let missing = |attribute| Missing {
        name: name.clone(),
        attribute,
    };
    Ok(PasswordSettings {
        precedence: entry
            .precedence
            .ok_or_else(|| missing("msDS-PasswordSettingsPrecedence"))?,
        max_password_age_days: entry
            .max_password_age_days
            .ok_or_else(|| missing("msDS-MaximumPasswordAge"))?,
        lockout_threshold: entry
            .lockout_threshold
            .ok_or_else(|| missing("msDS-LockoutThreshold"))?,
        applies_to: entry.applies_to,
        name,
        origin,
    })
}

fn cross_ref(entry: Entry, origin: Origin) -> Option<CrossRef> {
    Some(CrossRef {
        nc_name: entry.nc_name?,
        netbios_name: entry.netbios_name?,
        origin,
    })
}

/// The DNS name a domain DN spells: `DC=contoso,DC=test` → `contoso.test`.
pub(super) fn dns_name(dn: &str) -> String {
    dn.split(',')
        .filter_map(|rdn| {
            let (key, value) = rdn.split_once('=')?;
            key.trim()
                .eq_ignore_ascii_case("dc")
                .then(|| value.trim().to_ascii_lowercase())
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// `SvcPSO` from `CN=SvcPSO,CN=Password Settings Container,…`.
fn first_rdn_value(dn: &str) -> String {
    let first = dn.split(',').next().unwrap_or_default();
    first
        .split_once('=')
        .map_or(first, |(_, value)| value)
        .trim()
        .to_owned()
}

/// Gives each domain the NetBIOS name its crossRef carries; a crossRef
/// for a domain the export has no object for adds that domain.
pub(super) fn apply_cross_refs(export: &mut Export, refs: Vec<CrossRef>) {
    for cross_ref in refs {
        let known = export.domains.iter_mut().find(|d| {
            d.dn.as_deref()
                .is_some_and(|dn| dn.eq_ignore_ascii_case(&cross_ref.nc_name))
        });
        match known {
            Some(domain) => domain.netbios_name = Some(cross_ref.netbios_name),
            None => export.domains.push(Domain {
                dns_name: dns_name(&cross_ref.nc_name),
                netbios_name: Some(cross_ref.netbios_name),
                sid: None,
                dn: Some(cross_ref.nc_name),
                max_password_age_days: None,
                lockout_threshold: None,
                origin: cross_ref.origin,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_dns() {
        assert_eq!(dns_name("DC=Contoso, dc=test"), "contoso.test");
        assert_eq!(dns_name("OU=x"), "");
        assert_eq!(first_rdn_value("CN=SvcPSO,CN=System"), "SvcPSO");
        assert_eq!(first_rdn_value(""), "");
    }
}

//! The folded keys the index's maps use: names as Windows compares them
//! (without case), DNs as LDAP compares them (without case, and without
//! the spaces a hand-written DN may carry around `,` and `=`), and the
//! SIDs hidden in foreign security principals' DNs.

use crate::model::fold;
use crate::principal::Sid;

/// The authority and first sub-authority of `BUILTIN` aliases,
/// `S-1-5-32-x`.
const NT_AUTHORITY: u64 = 5;
const BUILTIN_DOMAIN_RID: u32 = 32;

/// What `BUILTIN` aliases are written under.
pub(super) const BUILTIN: &str = "BUILTIN";

/// `NETBIOS\sam` (or `dns.name\sam`) folded, as the name map keys it.
pub(super) fn qualified(domain: &str, sam: &str) -> String {
    let mut key = fold(domain);
    key.push('\\');
    key.push_str(&fold(sam));
    key
}

/// `dn` folded for comparison: lower case, each RDN's type and value
/// trimmed, so `CN=svc_sql, OU=Service Accounts,DC=contoso,DC=test` and
/// `cn=svc_sql,ou=service accounts,dc=contoso,dc=test` are one key. An
/// escaped comma (`\,`) stays inside its RDN.
pub(super) fn fold_dn(dn: &str) -> String {
    let mut key = String::with_capacity(dn.len());
    for (at, rdn) in rdns(dn).enumerate() {
        if at > 0 {
            key.push(',');
        }
        match rdn.split_once('=') {
            Some((kind, value)) => {
                key.push_str(&fold(kind.trim()));
                key.push('=');
                key.push_str(&fold(value.trim()));
            }
            None => key.push_str(&fold(rdn.trim())),
        }
    }
    key
}

/// The RDNs of a DN, split at commas that are not escaped.
fn rdns(dn: &str) -> impl Iterator<Item = &str> {
    let mut escaped = false;
    dn.split(move |c: char| {
        let split = c == ',' && !escaped;
        escaped = c == '\\' && !escaped;
        split
    })
}

/// The suffixes of a folded DN that start at an RDN, longest first after
/// the DN itself: `cn=a,dc=b,dc=c`, `dc=b,dc=c`, `dc=c`.
pub(super) fn dn_suffixes(folded: &str) -> impl Iterator<Item = &str> {
    let starts = std::iter::once(0).chain(
        folded
            .char_indices()
            .filter(|&(at, c)| c == ',' && !is_escaped(folded, at))
            .map(|(at, _)| at + 1),
    );
    starts.filter_map(|at| folded.get(at..))
}

/// Whether the character at `at` follows an odd run of backslashes.
fn is_escaped(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or_default();
    before.chars().rev().take_while(|&c| c == '\\').count() % 2 == 1
}

/// The SID a foreign security principal's DN names:
/// `CN=S-1-5-11,CN=ForeignSecurityPrincipals,DC=contoso,DC=test` →
/// `S-1-5-11`. `None` for any other DN, or a CN that does not parse.
pub(super) fn foreign_sid(folded_dn: &str) -> Option<Sid> {
    let mut parts = rdns(folded_dn);
    let first = parts.next()?.strip_prefix("cn=")?;
    if parts.next()? != "cn=foreignsecurityprincipals" {
        return None;
    }
    Sid::parse(first).ok()
}

/// Whether the SID is a `BUILTIN` alias, `S-1-5-32-x`.
pub(super) fn is_builtin(sid: &Sid) -> bool {
    sid.authority() == NT_AUTHORITY
        && sid.sub_authorities().len() == 2
        && sid.sub_authorities().first() == Some(&BUILTIN_DOMAIN_RID)
}

/// Whether a folded DN sits in a domain's `CN=Builtin` container, for
/// built-in groups an export gives without a SID.
pub(super) fn in_builtin_container(folded_dn: &str) -> bool {
    rdns(folded_dn).nth(1) == Some("cn=builtin")
}

/// The NetBIOS-style name guessed from a DNS name: its first label upper
/// case, `contoso.test` → `CONTOSO`.
pub(super) fn first_label(dns_name: &str) -> String {
    dns_name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_fold_case_and_spaces_but_not_escaped_commas() {
        assert_eq!(
            fold_dn("CN=svc_sql, OU=Service Accounts ,DC = contoso,DC=test"),
            "cn=svc_sql,ou=service accounts,dc=contoso,dc=test"
        );
        assert_eq!(
            fold_dn(r"CN=Smith\, John,DC=test"),
            r"cn=smith\, john,dc=test"
        );
    }

    #[test]
    fn suffixes_start_at_each_rdn() {
        let suffixes: Vec<_> = dn_suffixes(r"cn=a\,b,dc=c,dc=d").collect();
        assert_eq!(suffixes, [r"cn=a\,b,dc=c,dc=d", "dc=c,dc=d", "dc=d"]);
    }

    #[test]
    fn foreign_principals_give_their_sid() {
        let dn = fold_dn("CN=S-1-5-11,CN=ForeignSecurityPrincipals,DC=contoso,DC=test");
        assert_eq!(foreign_sid(&dn), Sid::parse("S-1-5-11").ok());
        assert_eq!(foreign_sid("cn=s-1-5-11,cn=users,dc=test"), None);
        assert_eq!(
            foreign_sid("cn=not a sid,cn=foreignsecurityprincipals,dc=test"),
            None
        );
    }

    #[test]
    fn builtin_is_s_1_5_32_and_the_builtin_container() {
        assert!(is_builtin(&Sid::parse("S-1-5-32-544").unwrap()));
        assert!(!is_builtin(&Sid::parse("S-1-5-21-1-2-3-544").unwrap()));
        assert!(!is_builtin(&Sid::parse("S-1-5-32").unwrap()));
        assert!(in_builtin_container(
            "cn=users,cn=builtin,dc=contoso,dc=test"
        ));
        assert!(!in_builtin_container("cn=builtin,dc=contoso,dc=test"));
    }

    #[test]
    fn first_label_is_upper_cased() {
        assert_eq!(first_label("contoso.test"), "CONTOSO");
        assert_eq!(first_label(""), "");
    }
}

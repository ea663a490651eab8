//! What sort of account a declared account is, and how to tell when the
//! file does not say.

use serde::{Deserialize, Serialize};

use super::squash;
use crate::principal::{ResolvedSid, Sid, resolve_name};

/// The sort of account, which decides the groups Windows puts in its token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AccountKind {
    /// A domain user account, e.g. `CONTOSO\svc_sql`.
    Domain,
    /// An account of the machine's own SAM, e.g. `.\backup`.
    Local,
    /// A (group) managed service account, e.g. `CONTOSO\gmsa_sql$`;
    /// `msa` and `smsa` (standalone managed service accounts) mean it too.
    #[serde(alias = "msa", alias = "smsa")]
    Gmsa,
    /// A computer account, e.g. `CONTOSO\SRV01$`: what a machine's
    /// services running as SYSTEM or NETWORK SERVICE are on the network.
    /// Never inferred: a name ending in `$` is taken for a gMSA unless
    /// `kind: computer` says otherwise.
    Computer,
    /// A virtual account: `NT SERVICE\<service>` or `IIS APPPOOL\<pool>`.
    Virtual,
    /// A fixed well-known account, e.g. `NT AUTHORITY\NETWORK SERVICE`.
    Builtin,
}

impl AccountKind {
    /// Every kind, in declaration order.
    pub const ALL: [AccountKind; 6] = [
        AccountKind::Domain,
        AccountKind::Local,
        AccountKind::Gmsa,
        AccountKind::Computer,
        AccountKind::Virtual,
        AccountKind::Builtin,
    ];

    /// The kebab-case name used in `services.yaml` and output.
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Domain => "domain",
            AccountKind::Local => "local",
            AccountKind::Gmsa => "gmsa",
            AccountKind::Computer => "computer",
            AccountKind::Virtual => "virtual",
            AccountKind::Builtin => "builtin",
        }
    }

    /// Whether the account is an object of the domain's directory, whose
    /// SID is the domain's prefix and a RID.
    pub fn in_domain(self) -> bool {
        matches!(
            self,
            AccountKind::Domain | AccountKind::Gmsa | AccountKind::Computer
        )
    }

    /// Whether the account is computer-class (a gMSA or a computer): its
    /// primary group is Domain Computers and its password is the
    /// machine's business.
    pub fn is_computer_class(self) -> bool {
        matches!(self, AccountKind::Gmsa | AccountKind::Computer)
    }

    /// Parses a name ignoring ASCII case and separators. `msa` and `smsa`
    /// mean [`AccountKind::Gmsa`]: standalone managed service accounts are
    /// computer-class `$` accounts too and take part in logon checks the
    /// same way.
    pub fn parse(s: &str) -> Option<AccountKind> {
        let wanted = squash(s);
        if matches!(wanted.as_str(), "msa" | "smsa") {
            return Some(AccountKind::Gmsa);
        }
        AccountKind::ALL
            .into_iter()
            .find(|k| squash(k.as_str()) == wanted)
    }

    /// The kind of an account whose `kind` is not written, from its name
    /// and declared SID. The first rule that matches wins:
    ///
    /// 1. `NT SERVICE\x` (what `service: x` stands for) or `IIS APPPOOL\x`
    ///    is [`Virtual`](AccountKind::Virtual); `NT SERVICE\ALL SERVICES`
    ///    is a fixed group, not a virtual account.
    /// 2. A name that [`resolve_name`] ties to a fixed well-known SID
    ///    (`NT AUTHORITY\…`, `LocalSystem`, `NETWORK SERVICE`, `BUILTIN\…`)
    ///    is [`Builtin`](AccountKind::Builtin).
    /// 3. A name ending in `$` is [`Gmsa`](AccountKind::Gmsa).
    /// 4. `.\x` is [`Local`](AccountKind::Local).
    /// 5. A name without `\` is [`Local`](AccountKind::Local), as templates
    ///    write local accounts (`Guest`, `Administrator` always so), unless
    ///    its declared SID is domain-relative (`S-1-5-21-…`) and not under a
    ///    different declared `domain_sid`: then it is
    ///    [`Domain`](AccountKind::Domain). A local account's SID is
    ///    `S-1-5-21-…` too, under the machine's prefix, so only the
    ///    domain's prefix can tell the two apart.
    /// 6. `DOMAIN\x` is [`Domain`](AccountKind::Domain). A machine name in
    ///    front (`SRV01\x`) cannot be told from a domain name; write
    ///    `.\x` or `kind: local` for those.
    pub fn infer(name: &str, sid: Option<&Sid>, domain_sid: Option<&Sid>) -> AccountKind {
        let name = name.trim();
        if is_virtual_name(name) {
            return AccountKind::Virtual;
        }
        if matches!(resolve_name(name), Some(r) if matches!(r.sid, ResolvedSid::Fixed(_))) {
            return AccountKind::Builtin;
        }
        if name.ends_with('$') {
            return AccountKind::Gmsa;
        }
        match name.split_once('\\') {
            Some((".", _)) => AccountKind::Local,
            Some(_) => AccountKind::Domain,
            None => bare_name_kind(name, sid, domain_sid),
        }
    }
}

/// Rule 5 of [`AccountKind::infer`].
fn bare_name_kind(name: &str, sid: Option<&Sid>, domain_sid: Option<&Sid>) -> AccountKind {
    let machine_account = matches!(
        resolve_name(name),
        Some(r) if matches!(r.sid, ResolvedSid::MachineRelative(_))
    );
    let Some(domain) = sid.and_then(Sid::domain) else {
        return AccountKind::Local;
    };
    if machine_account || domain_sid.is_some_and(|declared| *declared != domain) {
        AccountKind::Local
    } else {
        AccountKind::Domain
    }
}

/// `NT SERVICE\x` or `IIS APPPOOL\x`, whose SIDs Windows computes from `x`.
pub(crate) fn is_virtual_name(name: &str) -> bool {
    let Some((authority, account)) = name.trim().split_once('\\') else {
        return false;
    };
    let authority = authority.trim();
    let service = authority.eq_ignore_ascii_case("NT SERVICE")
        && !account.trim().eq_ignore_ascii_case("ALL SERVICES");
    let pool = authority.eq_ignore_ascii_case("IIS APPPOOL");
    (service || pool) && !account.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sid(text: &str) -> Sid {
        Sid::parse(text).unwrap()
    }

    fn infer(name: &str) -> AccountKind {
        AccountKind::infer(name, None, None)
    }

    const USER: &str = "S-1-5-21-1004336348-1177238915-682003330-1105";

    #[test]
    fn names_round_trip_and_aliases_parse() {
        for k in AccountKind::ALL {
            assert_eq!(AccountKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(AccountKind::parse("gMSA"), Some(AccountKind::Gmsa));
        assert_eq!(AccountKind::parse("smsa"), Some(AccountKind::Gmsa));
        assert_eq!(AccountKind::parse("user"), None);
    }

    #[test]
    fn service_and_app_pool_names_are_virtual() {
        assert_eq!(infer("NT SERVICE\\MSSQLSERVER"), AccountKind::Virtual);
        assert_eq!(infer("nt service\\w3svc"), AccountKind::Virtual);
        assert_eq!(infer("IIS APPPOOL\\DefaultAppPool"), AccountKind::Virtual);
    }

    #[test]
    fn all_services_is_a_fixed_builtin() {
        assert_eq!(infer("NT SERVICE\\ALL SERVICES"), AccountKind::Builtin);
    }

    #[test]
    fn fixed_well_known_names_are_builtin() {
        for name in [
            "NT AUTHORITY\\NETWORK SERVICE",
            "LocalSystem",
            "NETWORK SERVICE",
            "BUILTIN\\Administrators",
        ] {
            assert_eq!(infer(name), AccountKind::Builtin, "{name}");
        }
    }

    #[test]
    fn dollar_names_are_gmsa() {
        assert_eq!(infer("CONTOSO\\gmsa_sql$"), AccountKind::Gmsa);
        assert_eq!(infer("gmsa_sql$"), AccountKind::Gmsa);
    }

    #[test]
    fn dot_and_bare_names_are_local() {
        assert_eq!(infer(".\\backup"), AccountKind::Local);
        assert_eq!(infer("backup"), AccountKind::Local);
        assert_eq!(infer("Guest"), AccountKind::Local);
        assert_eq!(infer("Administrator"), AccountKind::Local);
    }

    #[test]
    fn qualified_names_are_domain() {
        assert_eq!(infer("CONTOSO\\svc_sql"), AccountKind::Domain);
        assert_eq!(infer("CONTOSO\\Administrator"), AccountKind::Domain);
    }

    #[test]
    fn a_domain_sid_makes_a_bare_name_domain() {
        let user = sid(USER);
        assert_eq!(
            AccountKind::infer("svc_sql", Some(&user), None),
            AccountKind::Domain
        );
        let domain = user.domain().unwrap();
        assert_eq!(
            AccountKind::infer("svc_sql", Some(&user), Some(&domain)),
            AccountKind::Domain
        );
    }

    #[test]
    fn the_name_wins_over_a_domain_sid() {
        let user = sid(USER);
        let other_domain = sid("S-1-5-21-1-2-3");
        assert_eq!(
            AccountKind::infer("svc", Some(&user), Some(&other_domain)),
            AccountKind::Local
        );
        assert_eq!(
            AccountKind::infer("Guest", Some(&user), None),
            AccountKind::Local
        );
        assert_eq!(
            AccountKind::infer(".\\svc", Some(&user), None),
            AccountKind::Local
        );
        assert_eq!(
            AccountKind::infer("svc", Some(&sid("S-1-5-32-544")), None),
            AccountKind::Local
        );
    }
}

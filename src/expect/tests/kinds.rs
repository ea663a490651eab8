//! Kind inference through `load`, one case per rule of
//! [`AccountKind::infer`](crate::model::AccountKind::infer).

use super::ok;
use crate::model::AccountKind;

fn kind_of(account: &str) -> (AccountKind, bool) {
    let text = format!("accounts:\n  - {account}\n    logon: [service]\n");
    let loaded = ok(&text);
    (loaded.accounts[0].kind, loaded.accounts[0].kind_inferred)
}

#[test]
fn each_rule_infers_its_kind() {
    let cases = [
        ("service: MSSQLSERVER", AccountKind::Virtual),
        ("name: NT SERVICE\\W3SVC", AccountKind::Virtual),
        ("name: IIS APPPOOL\\Shop", AccountKind::Virtual),
        ("name: NT AUTHORITY\\NETWORK SERVICE", AccountKind::Builtin),
        ("name: LocalSystem", AccountKind::Builtin),
        ("name: BUILTIN\\Administrators", AccountKind::Builtin),
        ("name: CONTOSO\\gmsa_sql$", AccountKind::Gmsa),
        ("name: .\\backup", AccountKind::Local),
        ("name: backup", AccountKind::Local),
        ("name: Guest", AccountKind::Local),
        ("name: Administrator", AccountKind::Local),
        ("name: CONTOSO\\svc_sql", AccountKind::Domain),
        (
            "name: svc_sql\n    sid: S-1-5-21-1-2-3-1105",
            AccountKind::Domain,
        ),
    ];
    for (account, kind) in cases {
        assert_eq!(kind_of(account), (kind, true), "{account}");
    }
}

#[test]
fn a_declared_kind_wins_and_is_not_inferred() {
    assert_eq!(
        kind_of("name: SRV01\\svc\n    kind: local"),
        (AccountKind::Local, false)
    );
    assert_eq!(
        kind_of("name: svc\n    kind: sMSA"),
        (AccountKind::Gmsa, false)
    );
}

#[test]
fn a_declared_domain_sid_tells_machine_sids_apart() {
    let text = r"domain_sid: S-1-5-21-1-2-3
accounts:
  - name: svc_local
    sid: S-1-5-21-7-8-9-1001
    logon: [batch]
  - name: svc_domain
    sid: S-1-5-21-1-2-3-1105
    logon: [batch]
";
    let loaded = ok(text);
    assert_eq!(loaded.accounts[0].kind, AccountKind::Local);
    assert_eq!(loaded.accounts[1].kind, AccountKind::Domain);
}

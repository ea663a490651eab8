//! Small LDIFs written the way `ldapsearch -LLL` and `ldifde -f` write
//! them, and the contoso export of the shared corpus.

use super::read;
use crate::directory::{DirectoryError, DirectoryLimits, Export, ObjectKind, Reference};

fn ldif(text: &str) -> Result<Export, DirectoryError> {
    read("t.ldif", text.as_bytes(), &DirectoryLimits::default())
}

fn ok(text: &str) -> Export {
    ldif(text).unwrap_or_else(|e| panic!("{e}: {e:?}"))
}

fn error(text: &str) -> String {
    match ldif(text) {
        Ok(export) => panic!("read: {export:?}"),
        Err(e) => e.to_string(),
    }
}

/// `S-1-5-21-1-2-3-1104` in base64.
const SID_1104: &str = "AQUAAAAAAAUVAAAAAQAAAAIAAAADAAAAUAQAAA==";

/// As `ldapsearch -LLL -o ldif-wrap=76` writes an account: folded at 76
/// columns, binary values in base64, `member` with a range option.
fn ldapsearch_style() -> String {
    format!(
        "# extended LDIF\n#\n# LDAPv3\n# base <DC=contoso,DC=test> with scope subtree\n\
         # filter: (objectClass=user)\n#\n\n\
         dn: CN=svc_sql,OU=Service Accounts,DC=contoso,DC=test\n\
         objectClass: top\nobjectClass: person\nobjectClass: user\n\
         sAMAccountName: svc_sql\n\
         objectSid:: {SID_1104}\n\
         userAccountControl: 66048\n\
         memberOf: CN=SQL Services,CN=Users,DC=contoso,DC=test\n\
         memberOf: CN=A Group With A Very Long Name That Needs Folding,OU=Groups,DC=con\n toso,DC=test\n\
         primaryGroupID: 513\n\
         pwdLastSet: 0\n\
         accountExpires: 9223372036854775807\n\
         servicePrincipalName: MSSQLSvc/sql01.contoso.test:1433\n\
         \n\
         # a comment between records\n\
         dn: CN=SQL Services,CN=Users,DC=contoso,DC=test\n\
         objectClass: group\nsAMAccountName: SQL Services\n\
         member;range=0-1: CN=svc_sql,OU=Service Accounts,DC=contoso,DC=test\n\
         member;range=0-1: CN=bob,CN=Users,DC=contoso,DC=test\n"
    )
}

#[test]
fn an_ldapsearch_account_with_folding_base64_and_comments() {
    let export = ok(&ldapsearch_style());
    assert_eq!(export.files, ["t.ldif"]);
    let [svc, group] = &export.objects[..] else {
        panic!("{export:?}")
    };
    assert_eq!(svc.kind, ObjectKind::User);
    assert_eq!(svc.sam_account_name, "svc_sql");
    assert_eq!(svc.origin.line, 8);
    assert_eq!(svc.sid.unwrap().to_string(), "S-1-5-21-1-2-3-1104");
    let control = svc.account_control.unwrap();
    assert!(control.password_never_expires && !control.disabled && !control.smartcard_required);
    assert_eq!(svc.lines.account_control, Some(14));
    assert_eq!(svc.lines.member_of, Some(15));
    assert_eq!(
        svc.member_of[1],
        Reference::Dn(
            "CN=A Group With A Very Long Name That Needs Folding,OU=Groups,DC=contoso,DC=test"
                .into()
        )
    );
    assert_eq!(svc.primary_group_rid, Some(513));
    assert_eq!(svc.password_last_set, Some(0));
    assert_eq!(svc.account_expires, None);
    assert!(svc.has_spn);
    assert_eq!(group.kind, ObjectKind::Group);
    assert_eq!(group.origin.line, 24);
    assert_eq!(group.members.len(), 2, "ranged members are members");
}

#[test]
fn crlf_and_a_utf8_bom_read_as_lf() {
    let lf = ldapsearch_style();
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    assert_eq!(ok(&crlf), ok(&lf));
}

#[test]
fn utf16_with_a_bom_reads_as_utf8() {
    let text = ldapsearch_style();
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert!(super::looks_like_ldif(&le));
    let export = read("t.ldif", le.as_slice(), &DirectoryLimits::default()).unwrap();
    assert_eq!(export, ok(&text));
}

/// As `ldifde -f` writes: `changetype: add`, a `version:` line, and
/// change records of other types, which are skipped.
#[test]
fn ldifde_changetype_add_is_read_and_other_changes_skipped() {
    let text = format!(
        "version: 1\n\
         dn: CN=WEB01,OU=Servers,DC=contoso,DC=test\n\
         changetype: add\n\
         objectClass: top\nobjectClass: person\nobjectClass: user\nobjectClass: computer\n\
         sAMAccountName: WEB01$\nobjectSid:: {SID_1104}\n\
         \n\
         dn: CN=bob,CN=Users,DC=contoso,DC=test\n\
         changetype: modify\n\
         replace: description\n\
         description: x\n\
         -\n\
         add: member\n\
         member: y\n\
         -\n\
         \n\
         dn: CN=carol,CN=Users,DC=contoso,DC=test\n\
         changetype: delete\n\
         \n\
         dn: CN=gmsa_web,CN=Managed Service Accounts,DC=contoso,DC=test\n\
         changetype: add\n\
         objectClass: computer\nobjectClass: msDS-GroupManagedServiceAccount\n\
         sAMAccountName: gmsa_web$\n"
    );
    let export = ok(&text);
    let kinds: Vec<_> = export
        .objects
        .iter()
        .map(|o| (o.sam_account_name.as_str(), o.kind, o.origin.line))
        .collect();
    assert_eq!(
        kinds,
        [
            ("WEB01$", ObjectKind::Computer, 2),
            ("gmsa_web$", ObjectKind::Gmsa, 23)
        ]
    );
}

#[test]
fn domains_psos_and_cross_refs() {
    let text = "dn: CN=SvcPSO,CN=Password Settings Container,CN=System,DC=contoso,DC=test\n\
                objectClass: msDS-PasswordSettings\ncn: SvcPSO\n\
                msDS-MaximumPasswordAge: -315360000000000\nmsDS-LockoutThreshold: 0\n\
                msDS-PasswordSettingsPrecedence: 10\n\
                msDS-PSOAppliesTo: CN=SQL Services,CN=Users,DC=contoso,DC=test\n\
                \n\
                dn: CN=CONTOSO,CN=Partitions,CN=Configuration,DC=contoso,DC=test\n\
                objectClass: crossRef\nnETBIOSName: CONTOSO\nnCName: DC=contoso,DC=test\n\
                \n\
                dn: DC=contoso,DC=test\nobjectClass: domain\nobjectClass: domainDNS\n\
                objectSid:: AQQAAAAAAAUVAAAAAQAAAAIAAAADAAAA\n\
                maxPwdAge: -9223372036854775808\nlockoutThreshold: 5\n\
                \n\
                dn: DC=fabrikam,DC=test\nobjectClass: crossRef\n\
                nCName: DC=fabrikam,DC=test\nnETBIOSName: FABRIKAM\n";
    let export = ok(text);
    let [pso] = &export.password_settings[..] else {
        panic!("{export:?}")
    };
    assert_eq!(
        (pso.name.as_str(), pso.precedence, pso.max_password_age_days),
        ("SvcPSO", 10, 365)
    );
    assert_eq!(pso.lockout_threshold, 0);
    let [contoso, fabrikam] = &export.domains[..] else {
        panic!("{export:?}")
    };
    assert_eq!(contoso.dns_name, "contoso.test");
    assert_eq!(contoso.netbios_name.as_deref(), Some("CONTOSO"));
    assert_eq!(contoso.sid.unwrap().to_string(), "S-1-5-21-1-2-3");
    assert_eq!(contoso.max_password_age_days, Some(0), "never expires");
    assert_eq!(contoso.lockout_threshold, Some(5));
    assert_eq!(contoso.origin.line, 14);
    assert_eq!(fabrikam.netbios_name.as_deref(), Some("FABRIKAM"));
    assert_eq!(fabrikam.dns_name, "fabrikam.test");
}

#[test]
fn a_pso_without_its_precedence_is_an_error() {
    let message = error("dn: CN=P,DC=x\nobjectClass: msDS-PasswordSettings\ncn: P\n");
    assert!(message.contains("line 1"), "{message}");
    assert!(
        message.contains("msDS-PasswordSettingsPrecedence"),
        "{message}"
    );
}

#[test]
fn logon_hours_workstations_and_flags() {
    let text = "dn: CN=r,DC=x\nobjectClass: user\nsAMAccountName: r\n\
                logonHours:: AAAAwP8PwP8PwP8PwP8PwP8PAAAA\n\
                userWorkstations: SQL01, SQL02,\n\
                userAccountControl: 262658\n\
                accountExpires: 116444736000000000\n";
    let export = ok(text);
    let r = &export.objects[0];
    let hours = r.logon_hours.unwrap();
    assert_eq!(hours[3], 0xC0);
    assert_eq!(r.lines.logon_hours, Some(4));
    assert_eq!(r.workstations, ["SQL01", "SQL02"]);
    let control = r.account_control.unwrap();
    assert!(control.disabled && control.smartcard_required);
    assert_eq!(r.account_expires, Some(0));
}

#[test]
fn objects_the_model_does_not_use_are_dropped() {
    let text = "dn: OU=Servers,DC=x\nobjectClass: organizationalUnit\n\n\
                dn: CN=c,DC=x\nobjectClass: person\nobjectClass: contact\ncn: c\n\n\
                dn: CN=u,DC=x\nobjectClass: user\nsAMAccountName: u\n";
    let export = ok(text);
    assert_eq!(export.objects.len(), 1);
    assert!(export.domains.is_empty());
}

#[test]
fn bad_values_name_file_line_and_attribute() {
    let bad_sid = error("dn: CN=u,DC=x\nobjectClass: user\nobjectSid:: AQUAAAA=\n");
    assert!(
        bad_sid.starts_with("`t.ldif` line 3: `objectsid`"),
        "{bad_sid}"
    );
    let hours = error("dn: CN=u,DC=x\nlogonHours:: AAAA\n");
    assert!(
        hours.contains("line 2") && hours.contains("3 bytes"),
        "{hours}"
    );
    let number = error("dn: CN=u,DC=x\nprimaryGroupID: many\n");
    assert!(number.contains("`many`"), "{number}");
    let syntax = error("dn: CN=u,DC=x\nno colon\n");
    assert!(syntax.starts_with("`t.ldif` line 2:"), "{syntax}");
    let base64 = error("dn:: !!!\n");
    assert!(base64.contains("base64"), "{base64}");
}

#[test]
fn a_long_line_is_refused_with_its_line() {
    let limits = DirectoryLimits {
        max_line_length: 40,
        ..DirectoryLimits::default()
    };
    let text = format!("dn: CN=u,DC=x\ndescription: {}\n", "x".repeat(100));
    let e = read("t.ldif", text.as_bytes(), &limits).unwrap_err();
    assert!(
        matches!(e, DirectoryError::LdifLineTooLong { line: 2, .. }),
        "{e:?}"
    );
}

#[test]
fn urls_are_never_followed() {
    let text = "dn: CN=u,DC=x\nobjectClass: user\nsAMAccountName: u\n\
                userWorkstations:< file:///etc/passwd\nlogonHours:< file:///dev/zero\n";
    let export = ok(text);
    assert!(export.objects[0].workstations.is_empty());
    assert_eq!(export.objects[0].logon_hours, None);
}

const SECRET: &str = "Sup3rSecr3t";

#[test]
fn secrets_never_reach_the_export() {
    // "Sup3rSecr3t" in base64 is U3VwM3JTZWNyM3Q=.
    let text = format!(
        "dn: CN=u,DC=x\nobjectClass: user\nsAMAccountName: u\n\
         unicodePwd:: U3VwM3JTZWNyM3Q=\nuserPassword: {SECRET}\n\
         ms-Mcs-AdmPwd: {SECRET}\nmsLAPS-Password: {{\"p\":\"{SECRET}\"}}\n\
         msDS-ManagedPassword:: !!not base64!!\nUSERPASSWORD;binary:: %%%\n"
    );
    let export = ok(&text);
    let debug = format!("{export:?}");
    let json = serde_json::to_string(&export).unwrap();
    for shown in [debug, json] {
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(!shown.contains("U3VwM3JTZWNyM3Q"), "{shown}");
    }
}

#[test]
fn errors_on_secret_lines_never_quote_them() {
    let limits = DirectoryLimits {
        max_line_length: 30,
        ..DirectoryLimits::default()
    };
    let long = format!("dn: CN=u,DC=x\nuserPassword: {SECRET}{SECRET}{SECRET}\n");
    let e = read("t.ldif", long.as_bytes(), &limits).unwrap_err();
    // A password folded without the leading space of a continuation.
    let broken = format!("dn: CN=u,DC=x\nuserPassword: x\n{SECRET}\n");
    let f = ldif(&broken).unwrap_err();
    for e in [e, f] {
        let plain = format!("{e} {e:?}");
        let text = format!("{plain} {:?}", miette::Report::new(e));
        assert!(!text.contains(SECRET), "{text}");
    }
}

#[test]
fn nothing_panics_on_odd_input() {
    for text in [
        "",
        "\n\n\n",
        " \n",
        "dn:",
        "dn:\n \n",
        "version: 1\n",
        "#only a comment\n continued",
        "search: 2\nresult: 0 Success\n",
        "dn: x\nobjectSid:: \n",
        "dn: x\nobjectSid: S-1-5-21-1\nobjectClass: user\nsAMAccountName: a\n",
        "dn: x\nuserAccountControl: -2147483646\n",
        "dn: x\n:\n",
        "dn: x\nchangetype:: !!\n",
    ] {
        let _ = ldif(text);
    }
    let _ = read(
        "t.ldif",
        &b"dn: \xff\xfe\n"[..],
        &DirectoryLimits::default(),
    );
    let _ = read("t.ldif", &b"\xff\xfed\x00"[..], &DirectoryLimits::default());
}

/// The Samba AD export of the shared corpus, which its README describes.
#[test]
fn the_corpus_contoso_export() {
    let Some(corpus) = std::env::var_os("GPLINT_CORPUS") else {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"skipped: set GPLINT_CORPUS to the shared corpus to read its contoso LDIF\n",
        );
        return;
    };
    let path = std::path::Path::new(&corpus).join("directory/contoso-samba-ad.ldif");
    let file = std::fs::File::open(&path).expect("the corpus LDIF");
    let reader = std::io::BufReader::new(file);
    let export = read("contoso.ldif", reader, &DirectoryLimits::default()).unwrap();
    let by_name = |name: &str| {
        export
            .objects
            .iter()
            .find(|o| o.sam_account_name == name)
            .unwrap_or_else(|| panic!("{name} is in the export"))
    };
    let sql = by_name("svc_sql");
    assert!(sql.account_control.unwrap().password_never_expires);
    assert_eq!(sql.primary_group_rid, Some(513));
    assert!(by_name("svc_disabled").account_control.unwrap().disabled);
    let reports = by_name("svc_reports");
    let hours = reports.logon_hours.unwrap();
    // Mon–Fri 06:00–20:00 UTC: Monday is hours 24–47, bits 30..=43.
    assert_eq!(&hours[..6], &[0, 0, 0, 0xC0, 0xFF, 0x0F]);
    assert_eq!(reports.workstations, ["SQL01", "SQL02"]);
    assert_eq!(reports.primary_group_rid, Some(513));
    assert_eq!(by_name("gmsa_web$").kind, ObjectKind::Gmsa);
    assert_eq!(by_name("WEB01$").kind, ObjectKind::Computer);
    assert_eq!(by_name("Loop A").kind, ObjectKind::Group);
    let [pso] = &export.password_settings[..] else {
        panic!("{:?}", export.password_settings)
    };
    assert_eq!(pso.name, "SvcPSO");
    assert_eq!(
        (
            pso.precedence,
            pso.max_password_age_days,
            pso.lockout_threshold
        ),
        (10, 365, 0)
    );
    assert_eq!(
        pso.applies_to,
        [Reference::Dn(
            "CN=SQL Services,CN=Users,DC=contoso,DC=test".into()
        )]
    );
    let [domain] = &export.domains[..] else {
        panic!("{:?}", export.domains)
    };
    assert_eq!(domain.dns_name, "contoso.test");
    assert_eq!(domain.max_password_age_days, Some(60));
    assert_eq!(domain.lockout_threshold, Some(5));
    assert_eq!(domain.origin.line, 1475);
    assert!(export.objects.iter().all(|o| {
        o.sid.is_some_and(|s| {
            domain.sid.is_some_and(|d| s.domain() == Some(d))
                || s.to_string().starts_with("S-1-5-32-")
        })
    }));
}

//! One fixture per grammar rule, stored as Windows stores templates
//! (UTF-16LE with BOM, CRLF), read through the library.

mod common;

use gplint::principal::Sid;
use gplint::source::{Encoding, SourceFile};
use gplint::template::{PrincipalRef, Relation, SettingValue};
use gplint::{syntax, template};

fn read(relative: &str) -> SourceFile {
    let source = SourceFile::read(&common::fixture(relative)).unwrap();
    assert_eq!(source.encoding, Encoding::Utf16LeBom, "{relative}");
    assert!(source.text.contains("\r\n"), "{relative} keeps CRLF");
    source
}

fn codes(t: &template::Template<'_>) -> Vec<&'static str> {
    t.warnings.iter().map(|w| w.code.as_str()).collect()
}

#[test]
fn basic_template_reads_every_section() {
    let source = read("grammar/basic.inf");
    let doc = syntax::parse(&source.text);
    assert_eq!(doc.reconstruct(), source.text);
    let t = template::build(&doc);
    assert!(codes(&t).is_empty(), "{:?}", codes(&t));
    assert_eq!(t.privilege_rights.len(), 8);
    assert_eq!(t.group_membership.len(), 2);
    assert_eq!(t.system_access.len(), 6);
    let guest = template::settings::find(&t.system_access, "NewGuestName").unwrap();
    assert_eq!(guest.value, SettingValue::Text("Visitor"));
    assert_eq!(
        t.registry_values[1].data,
        ["Authorized use only", "Monitored"]
    );
    let signature = template::settings::find(&t.version, "signature").unwrap();
    assert_eq!(signature.value, SettingValue::Text("$CHICAGO$"));
}

#[test]
fn version_may_be_absent_or_last_and_unquoted() {
    let t_source = read("grammar/no-version.inf");
    let t = template::build(&syntax::parse(&t_source.text));
    assert!(t.version.is_empty() && t.warnings.is_empty());
    let source = read("grammar/version-last.inf");
    let t = template::build(&syntax::parse(&source.text));
    let signature = template::settings::find(&t.version, "signature").unwrap();
    assert_eq!(signature.value, SettingValue::Raw("$CHICAGO$"));
    assert!(t.right("SeBatchLogonRight").is_some());
}

#[test]
fn comments_before_the_first_section_are_fine_and_stray_text_warns() {
    let source = read("grammar/comments-before.inf");
    let t = template::build(&syntax::parse(&source.text));
    assert_eq!(codes(&t), ["syntax::text-before-first-section"]);
    assert!(t.right("SeServiceLogonRight").is_some());
}

#[test]
fn spacing_case_and_tabs_do_not_matter() {
    let source = read("grammar/spacing.inf");
    let t = template::build(&syntax::parse(&source.text));
    assert!(t.warnings.is_empty());
    let service = t.right("SeServiceLogonRight").unwrap();
    assert_eq!(service.key, "seservicelogonright");
    let batch = t.right("SeBatchLogonRight").unwrap();
    let written: Vec<_> = batch.holders.iter().map(|h| h.written).collect();
    assert_eq!(written, ["*S-1-5-32-544", "*S-1-5-32-551"]);
    assert_eq!(t.right("SeNetworkLogonRight").unwrap().holders.len(), 1);
}

#[test]
fn empty_values_mean_defined_nobody_and_trailing_commas_are_dropped() {
    let source = read("grammar/empty-values.inf");
    let t = template::build(&syntax::parse(&source.text));
    assert!(t.right("SeDenyBatchLogonRight").unwrap().holders.is_empty());
    assert!(
        t.right("SeDenyServiceLogonRight")
            .unwrap()
            .holders
            .is_empty()
    );
    assert_eq!(t.right("SeBatchLogonRight").unwrap().holders.len(), 2);
    assert!(t.group_membership[0].values.is_empty());
    assert_eq!(t.group_membership[0].relation, Relation::MemberOf);
    assert!(t.warnings.is_empty());
}

#[test]
fn a_repeated_section_merges() {
    let source = read("grammar/repeated-section.inf");
    let doc = syntax::parse(&source.text);
    assert_eq!(doc.sections.len(), 2);
    let t = template::build(&doc);
    assert_eq!(t.privilege_rights.len(), 2);
}

#[test]
fn a_line_without_equals_warns_at_its_line_and_parsing_goes_on() {
    let source = read("grammar/line-without-equals.inf");
    let t = template::build(&syntax::parse(&source.text));
    assert_eq!(codes(&t), ["syntax::line-without-equals"]);
    let span = t.warnings[0].primary_span().unwrap();
    assert_eq!(source.line_col(span.start), (5, 1));
    assert!(template::settings::find(&t.version, "Revision").is_some());
}

#[test]
fn unknown_rights_are_kept() {
    let source = read("grammar/unknown-right.inf");
    let t = template::build(&syntax::parse(&source.text));
    assert_eq!(t.privilege_rights.len(), 2);
    assert_eq!(
        codes(&t),
        ["template::unknown-right", "template::unknown-right"]
    );
    assert_eq!(
        t.warnings[1]
            .help
            .as_deref()
            .map(|h| h.contains("did you mean")),
        Some(false)
    );
}

#[test]
fn names_are_kept_as_written_with_their_spans() {
    let source = read("grammar/names.inf");
    let t = template::build(&syntax::parse(&source.text));
    let deny = t.right("SeDenyNetworkLogonRight").unwrap();
    let written: Vec<_> = deny.holders.iter().map(|h| h.written).collect();
    assert_eq!(
        written,
        [
            "Guest",
            "ADD YOUR DOMAIN ADMINS",
            "WORKSTATION-07",
            "Invitado"
        ]
    );
    for holder in &deny.holders {
        assert_eq!(
            &source.text[holder.span.start..holder.span.end],
            holder.written
        );
    }
    let batch = t.right("SeBatchLogonRight").unwrap();
    assert_eq!(
        batch.holders[0].principal,
        PrincipalRef::Name("CONTOSO\\svc batch")
    );
    assert_eq!(
        codes(&t),
        ["template::sid-without-star", "template::invalid-sid"]
    );
}

#[test]
fn acl_sections_are_kept_raw() {
    let source = read("grammar/acl-sections.inf");
    let t = template::build(&syntax::parse(&source.text));
    assert!(t.warnings.is_empty());
    let names: Vec<_> = t.other_sections.iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        [
            "Service General Setting",
            "Registry Keys",
            "File Security",
            "Profile Description"
        ]
    );
}

#[test]
fn service_sids_are_computed_exactly() {
    assert_eq!(
        gplint::principal::service_sid("TrustedInstaller").to_string(),
        "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"
    );
    assert_eq!(
        gplint::principal::service_sid("MSSQLSERVER"),
        Sid::parse("S-1-5-80-3880718306-3832830129-1677859214-2598158968-1052248003").unwrap()
    );
}

/// A `;` outside quotes starts a comment, also after a value; inside
/// quotes (SDDL strings, a quoted name) it is text (facts doc §9 item 9:
/// "General Syntax Rules for INF Files").
#[test]
fn comments_after_values_are_not_part_of_them() {
    let source = read("grammar/trailing-comments.inf");
    let doc = syntax::parse(&source.text);
    assert_eq!(doc.reconstruct(), source.text);
    let t = template::build(&doc);
    assert!(codes(&t).is_empty(), "{:?}", codes(&t));
    let deny = t.right("SeDenyBatchLogonRight").unwrap();
    let written: Vec<_> = deny.holders.iter().map(|h| h.written).collect();
    assert_eq!(written, ["*S-1-5-21-1004336348-1177238915-682003330-513"]);
    let line = doc.lines().nth(deny.line).unwrap();
    let comment = line.comment.as_ref().unwrap();
    assert_eq!(comment.text(), "deny domain users");
    assert!(
        t.right("SeDenyServiceLogonRight")
            .unwrap()
            .holders
            .is_empty()
    );
    let age = template::settings::find(&t.system_access, "MinimumPasswordAge").unwrap();
    assert_eq!(age.value, SettingValue::Integer(1));
    let guest = template::settings::find(&t.system_access, "NewGuestName").unwrap();
    assert_eq!(guest.value, SettingValue::Text("Visitor;1"));
    assert_eq!(t.group_membership[0].values.len(), 1);
    assert_eq!(t.registry_values[1].data, ["Authorized; use only"]);
    let keys = t
        .other_sections
        .iter()
        .find(|s| s.name == "Registry Keys")
        .unwrap();
    assert_eq!(
        keys.lines[0].value,
        "\"MACHINE\\SOFTWARE\\Contoso\",0,\"D:PAR(A;OICI;KA;;;BA)(A;CIIO;KA;;;CO)\""
    );
    let services = t
        .other_sections
        .iter()
        .find(|s| s.name == "Service General Setting")
        .unwrap();
    assert!(services.lines[0].value.ends_with(";;;IU)\""));
    let signature = template::settings::find(&t.version, "signature").unwrap();
    assert_eq!(signature.value, SettingValue::Text("$CHICAGO$"));
}

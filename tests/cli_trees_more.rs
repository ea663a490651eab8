//! Inputs that are not what they seem (issue 14): a GPMC file or report
//! given as a template (item 7), a folder of loose `.inf` exports (item
//! 8), and one GPO backed up twice (item 10). Each case runs the binary
//! and checks the exit code and the key words of what it says.
//!
//! The cases that copy real backups from the shared corpus skip when
//! `GPLINT_CORPUS` is unset; each has a twin on the project's fixtures.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, fixture, gplint};

const BACKUPS: &str = "tests/fixtures/trees/backups";
const TREE_EXPECT: &str = "tests/fixtures/trees/services.yaml";
const BASELINE: &str = "Servers Baseline/{9D2C6A1E-3F4B-4C8D-B7E5-0A1F2E3D4C5B}";
const BASELINE_ID: &str = "{9D2C6A1E-3F4B-4C8D-B7E5-0A1F2E3D4C5B}";

/// The expectations of the bad-input catalogue: CONTOSO\svc_sql must log
/// on as a service.
const EXPECT: &str = "target: member-server\naccounts:\n  - name: CONTOSO\\svc_sql\n    sid: S-1-5-21-1004336348-1177238915-682003330-1105\n    logon: [service]\n";

/// A template that grants CONTOSO\svc_sql the service logon.
const GRANTS: &str = "[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n[Privilege Rights]\r\nSeServiceLogonRight = *S-1-5-21-1004336348-1177238915-682003330-1105\r\n";

/// A template that defines the service logon for NETWORK SERVICE only.
const DENIES: &str = "[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n[Privilege Rights]\r\nSeServiceLogonRight = *S-1-5-20\r\n";

fn fixture_backup(file: &str) -> String {
    format!("{BACKUPS}/{BASELINE}/{file}")
}

fn lines_starting(stderr: &str, prefix: &str) -> usize {
    stderr.lines().filter(|l| l.starts_with(prefix)).count()
}

/// Copies a folder and everything in it.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A second backup of the backup folder `original`, beside it, as "Back
/// Up All" run again writes: a new folder and backup id, a later time.
fn back_up_again(original: &Path, new_id: &str, new_time: &str) -> PathBuf {
    let again = original.with_file_name(new_id);
    copy_tree(original, &again);
    let info = again.join("bkupInfo.xml");
    let text = std::fs::read_to_string(&info).unwrap();
    let old_id = original.file_name().unwrap().to_str().unwrap();
    let start = text.find("<BackupTime><![CDATA[").unwrap() + "<BackupTime><![CDATA[".len();
    let end = start + text[start..].find("]]>").unwrap();
    let text = format!("{}{new_time}{}", &text[..start], &text[end..]).replace(old_id, new_id);
    std::fs::write(&info, text).unwrap();
    again
}

// ---- not a template (issue 14 item 7) ----

fn assert_refused_in_one_line(run: &Run, words: &[&str]) {
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(lines_starting(&run.stderr, "error: "), 1, "{}", run.stderr);
    for word in words {
        assert!(run.stderr.contains(word), "{word}: {}", run.stderr);
    }
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert!(!run.stderr.contains("syntax::"), "{}", run.stderr);
}

#[test]
fn a_backup_xml_given_as_a_template_is_one_line_and_exit_2() {
    let backup_xml = fixture_backup("Backup.xml");
    let run = gplint(&["check", &backup_xml, "--expect", TREE_EXPECT]);
    assert_refused_in_one_line(
        &run,
        &[
            "is a GPMC backup's Backup.xml, not a security template",
            "give the backup folder",
            BASELINE_ID,
            "DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf",
        ],
    );
}

#[test]
fn bkup_info_and_gpreport_given_to_dump_are_named() {
    let run = gplint(&["dump", &fixture_backup("bkupInfo.xml")]);
    assert_refused_in_one_line(&run, &["a GPMC backup's bkupInfo.xml"]);
    let run = gplint(&["dump", &fixture_backup("gpreport.xml")]);
    assert_refused_in_one_line(&run, &["a GPMC report of one GPO", "Backup-GPO"]);
    let run = gplint(&["dump", &format!("{BACKUPS}/Servers Baseline/manifest.xml")]);
    assert_refused_in_one_line(&run, &["manifest.xml", "which holds the backups it lists"]);
}

#[test]
fn a_gpresult_report_named_inf_is_known_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("GptTmpl.inf");
    let mut bytes = vec![0xFF, 0xFE];
    let xml = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<Rsop xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns=\"http://www.microsoft.com/GroupPolicy/Rsop\">\r\n  <ReadTime>2024-03-11T09:14:52Z</ReadTime>\r\n</Rsop>\r\n";
    bytes.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&report, bytes).unwrap();
    let run = gplint(&["dump", report.to_str().unwrap()]);
    assert_refused_in_one_line(&run, &["resultant set of policy", "gpresult /x"]);
}

#[test]
fn the_real_stig_backup_files_are_refused_in_one_line_each() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let backup = corpus
        .join("trees/disa-stig-gpo-backups/DoD - Banner/{2C3FC71B-6D02-4342-A231-6446F4038C96}");
    for (file, words) in [
        ("Backup.xml", "a GPMC backup's Backup.xml"),
        ("bkupInfo.xml", "a GPMC backup's bkupInfo.xml"),
        ("gpreport.xml", "a GPMC report of one GPO"),
    ] {
        let path = backup.join(file);
        let run = gplint(&["dump", path.to_str().unwrap()]);
        assert_refused_in_one_line(&run, &[words]);
    }
}

#[test]
fn a_misspelt_section_gets_a_did_you_mean_and_leaves_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("t.inf");
    let text = format!("{GRANTS}[Group Membershp]\r\n*S-1-5-32-544__Members =\r\n");
    std::fs::write(&template, text).unwrap();
    let expect = dir.path().join("services.yaml");
    std::fs::write(&expect, EXPECT).unwrap();
    let run = gplint(&[
        "check",
        template.to_str().unwrap(),
        "--expect",
        expect.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("template::unknown-section"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `[Group Membership]`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_misspelt_privilege_rights_section_explains_the_missing_grant() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("t.inf");
    std::fs::write(
        &template,
        GRANTS.replace("[Privilege Rights]", "[Privilege Right]"),
    )
    .unwrap();
    let run = gplint(&["dump", template.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`[Privilege Right]` is not a section of a security template"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `[Privilege Rights]`?"),
        "{}",
        run.stderr
    );
}

// ---- loose files in a folder (issue 14 item 8) ----

/// `web01.inf` grants the service logon, `web02.inf` does not, and two
/// other files lie beside them.
fn exports() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("exports");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("web01.inf"), GRANTS).unwrap();
    std::fs::write(folder.join("web02.inf"), DENIES).unwrap();
    std::fs::write(folder.join("readme.txt"), "exported with secedit /export").unwrap();
    std::fs::write(folder.join("web03.inf.bak"), GRANTS).unwrap();
    std::fs::write(dir.path().join("services.yaml"), EXPECT).unwrap();
    dir
}

#[test]
fn each_inf_export_in_a_folder_is_checked_alone_and_the_rest_noted() {
    let dir = exports();
    let folder = dir.path().join("exports");
    let run = gplint(&[
        "check",
        folder.to_str().unwrap(),
        "--expect",
        dir.path().join("services.yaml").to_str().unwrap(),
    ]);
    // web02.inf fails the account on its own; web01.inf does not rescue
    // it, as it would if the two were one chain.
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("GPL101"), "{}", run.stdout);
    assert!(run.stdout.contains("web02.inf"), "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "that are not templates (only `.inf` files and GPO folders are read): readme.txt, web03.inf.bak"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(lines_starting(&run.stderr, "note: "), 1, "{}", run.stderr);
    assert_eq!(
        lines_starting(&run.stderr, "warning: "),
        0,
        "{}",
        run.stderr
    );
}

#[test]
fn a_folder_of_exports_dumps_every_inf() {
    let dir = exports();
    let run = gplint(&["dump", dir.path().join("exports").to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("web01.inf (UTF-8)"), "{}", run.stdout);
    assert!(run.stdout.contains("web02.inf (UTF-8)"), "{}", run.stdout);
    assert!(!run.stdout.contains("web03"), "{}", run.stdout);
    assert!(
        run.stderr.contains("note: skipped 2 files"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_cfg_export_beside_them_is_noted_with_how_to_read_it() {
    let dir = exports();
    let folder = dir.path().join("exports");
    std::fs::write(folder.join("secpol.cfg"), GRANTS).unwrap();
    let run = gplint(&["dump", folder.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("secpol.cfg"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("is read when given as an argument, or renamed to `.inf`"),
        "{}",
        run.stderr
    );
    let alone = gplint(&["dump", folder.join("secpol.cfg").to_str().unwrap()]);
    assert_eq!(alone.code, 0, "{}", alone.stderr);
    assert!(
        alone.stdout.contains("SeServiceLogonRight"),
        "{}",
        alone.stdout
    );
}

#[test]
fn backups_and_loose_exports_in_one_folder_are_both_read() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &fixture("trees/backups/Servers Baseline"),
        &dir.path().join("Servers Baseline"),
    );
    std::fs::write(dir.path().join("web01.inf"), GRANTS).unwrap();
    let run = gplint(&["dump", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("== GPO 'Servers Baseline'"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("web01.inf (UTF-8)"), "{}", run.stdout);
    assert!(!run.stderr.contains("note:"), "{}", run.stderr);
}

#[test]
fn a_folder_of_no_template_at_all_still_holds_no_gpo() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("web01.txt"), GRANTS).unwrap();
    let run = gplint(&["dump", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("holds no GPO"), "{}", run.stderr);
    assert!(run.stderr.contains("`.inf` file"), "{}", run.stderr);
}

// ---- the same GPO backed up twice (issue 14 item 10) ----

/// The fixture backups, with "Servers Baseline" backed up a second time.
fn backups_twice(new_time: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("backups");
    copy_tree(&fixture("trees/backups"), &tree);
    let again = back_up_again(
        &tree.join(BASELINE),
        "{00000000-1111-4222-8333-444444444444}",
        new_time,
    );
    (dir, again)
}

#[test]
fn a_scope_naming_a_gpo_backed_up_twice_is_not_ambiguous() {
    let (dir, again) = backups_twice("2024-06-01T08:00:00");
    let tree = dir.path().join("backups");
    let run = gplint(&["check", tree.to_str().unwrap(), "--expect", TREE_EXPECT]);
    let once = gplint(&["check", BACKUPS, "--expect", TREE_EXPECT]);
    assert!(
        !run.stderr.contains("names more than one GPO"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, once.code, "{}", run.stderr);
    assert_eq!(lines_starting(&run.stderr, "note: "), 1, "{}", run.stderr);
    let note = run
        .stderr
        .lines()
        .find(|l| l.starts_with("note: "))
        .unwrap();
    assert!(note.contains(BASELINE_ID), "{note}");
    assert!(note.contains("backed up 2024-03-11T09:14:52"), "{note}");
    assert!(note.contains(again.to_str().unwrap()), "{note}");
    assert!(note.contains("backed up 2024-06-01T08:00:00"), "{note}");
    // The findings are those of the newest backup, which is a copy: the
    // same as for the tree backed up once, but for the paths.
    let tmp = tree.to_str().unwrap();
    let relative = run.stdout.replace(tmp, BACKUPS);
    let relative = relative.replace("{00000000-1111-4222-8333-444444444444}", BASELINE_ID);
    assert_eq!(relative, once.stdout);
}

#[test]
fn the_newest_backup_wins_even_when_it_sorts_first() {
    let (dir, again) = backups_twice("2023-01-01T00:00:00");
    let run = gplint(&["dump", dir.path().join("backups").to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let note = run
        .stderr
        .lines()
        .find(|l| l.starts_with("note: "))
        .unwrap();
    assert!(
        note.starts_with(&format!("note: skipped `{}`", again.display())),
        "{note}"
    );
    assert_eq!(run.stdout.matches("== GPO 'Servers Baseline'").count(), 1);
}

#[test]
fn init_lists_a_gpo_backed_up_twice_once() {
    let (dir, _) = backups_twice("2024-06-01T08:00:00");
    let tree = dir.path().join("backups");
    let run = gplint(&["init", tree.to_str().unwrap()]);
    let once = gplint(&["init", BACKUPS]);
    assert_eq!(run.code, once.code, "{}", run.stderr);
    let count = |out: &str| out.matches("'Servers Baseline'").count();
    assert!(count(&once.stdout) > 0, "{}", once.stdout);
    assert_eq!(count(&run.stdout), count(&once.stdout), "{}", run.stdout);
    assert!(run.stderr.contains("note: skipped"), "{}", run.stderr);
}

#[test]
fn a_real_stig_backup_taken_twice_is_one_gpo() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("backups");
    let set = tree.join("DoD - Banner");
    copy_tree(
        &corpus.join("trees/disa-stig-gpo-backups/DoD - Banner"),
        &set,
    );
    let original = set.join("{2C3FC71B-6D02-4342-A231-6446F4038C96}");
    let again = back_up_again(
        &original,
        "{0C3FC71B-6D02-4342-A231-6446F4038C96}",
        "2022-08-01T10:00:00",
    );
    let expect = dir.path().join("services.yaml");
    let scoped = format!("{EXPECT}scopes:\n  - name: banner\n    gpos: ['DoD - Banner']\n");
    std::fs::write(&expect, scoped).unwrap();
    let run = gplint(&[
        "check",
        tree.to_str().unwrap(),
        "--expect",
        expect.to_str().unwrap(),
    ]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert!(
        !run.stderr.contains("names more than one GPO"),
        "{}",
        run.stderr
    );
    let note = run
        .stderr
        .lines()
        .find(|l| l.starts_with("note: "))
        .unwrap();
    assert!(
        note.starts_with(&format!("note: skipped `{}`", original.display())),
        "{note}"
    );
    assert!(note.contains(again.to_str().unwrap()), "{note}");
    let dump = gplint(&["dump", tree.to_str().unwrap()]);
    assert_eq!(dump.code, 0, "{}", dump.stderr);
    assert_eq!(dump.stdout.matches("== GPO 'DoD - Banner'").count(), 1);
}

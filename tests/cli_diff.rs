//! `gplint diff BASE HEAD` (issue 16, point 1): what a change does to
//! every declared account, between two paths or two git revisions.
//! Verdicts follow windows-logon-facts.md §1 items 3 and 7 (a missing
//! right is 1385; the highest-precedence GPO that defines a right
//! supplies its whole list) and the deny-wins rule of §2.

mod common;

use common::gplint_in;
use std::path::Path;
use std::process::Command;

const DOMAIN: &str = "S-1-5-21-1004336348-1177238915-682003330";

/// A template with `rights` (`SeXRight = …` lines) in `[Privilege Rights]`.
fn template(rights: &[&str]) -> String {
    format!(
        "[Unicode]\nUnicode=yes\n[Version]\nsignature=\"$CHICAGO$\"\nRevision=1\n[Privilege Rights]\n{}\n",
        rights.join("\n")
    )
}

/// svc_app must log on as a service in tier1; ops must not log on
/// interactively. `svc_batch` has no expectation of batch logons.
fn services() -> String {
    format!(
        "target: member-server\ndomain_sid: {DOMAIN}\nscopes:\n  - name: tier1\n    gpos: [base/GptTmpl.inf, tier1/GptTmpl.inf]\naccounts:\n  - name: CONTOSO\\svc_app\n    sid: {DOMAIN}-1200\n    logon: [service]\n  - name: CONTOSO\\ops\n    sid: {DOMAIN}-1201\n    no_logon: [interactive]\n  - name: CONTOSO\\svc_batch\n    sid: {DOMAIN}-1202\n    no_logon: [remote-interactive]\n"
    )
}

fn tier1(service: &str, extra: &[&str]) -> String {
    let mut rights = vec![service];
    rights.extend_from_slice(extra);
    template(&rights)
}

fn base_gpo() -> String {
    template(&["SeInteractiveLogonRight = *S-1-5-32-544"])
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

/// One side as a folder: `gpo/base` and `gpo/tier1`.
fn side(root: &Path, tier1_text: &str) {
    write(&root.join("base/GptTmpl.inf"), &base_gpo());
    write(&root.join("tier1/GptTmpl.inf"), tier1_text);
}

/// The lines of the changed cells: `account  type  before → after…`.
fn cells(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("    ") && l.contains(" → "))
        .map(|l| l.trim().to_owned())
        .collect()
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

// ---- two paths (issue 16 point 1) ----

#[test]
fn two_folders_show_the_denied_cell_and_the_entry_that_denies() {
    let dir = temp();
    let allow = format!("SeServiceLogonRight = *{DOMAIN}-1200");
    side(&dir.path().join("old"), &tier1(&allow, &[]));
    let deny = format!("SeDenyServiceLogonRight = *{DOMAIN}-1200");
    side(&dir.path().join("new"), &tier1(&allow, &[&deny]));
    write(&dir.path().join("services.yaml"), &services());
    let run = gplint_in(
        dir.path(),
        &["diff", "old", "new", "--expect", "services.yaml"],
    );
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        cells(&run.stdout),
        ["CONTOSO\\svc_app  service  allowed → denied  BREAKS logon: service"]
    );
    assert!(run.stdout.contains("scope tier1"), "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!(
            "denied by `*{DOMAIN}-1200` in SeDenyServiceLogonRight (new/tier1/GptTmpl.inf:8)"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("This change refuses 1 logon that worked before, and allows 0 new; it breaks 1 expectation that held on BASE."),
        "{}",
        run.stdout
    );
}

#[test]
fn an_expectation_already_broken_on_base_does_not_fail_the_diff() {
    let dir = temp();
    // BASE grants nobody; HEAD denies svc_app outright: still refused.
    side(
        &dir.path().join("old"),
        &tier1("SeServiceLogonRight = *S-1-5-20", &[]),
    );
    let deny = format!("SeDenyServiceLogonRight = *{DOMAIN}-1200");
    side(
        &dir.path().join("new"),
        &tier1("SeServiceLogonRight = *S-1-5-20", &[&deny]),
    );
    write(&dir.path().join("services.yaml"), &services());
    let run = gplint_in(
        dir.path(),
        &["diff", "old", "new", "--expect", "services.yaml"],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        cells(&run.stdout),
        ["CONTOSO\\svc_app  service  not-granted → denied"]
    );
}

#[test]
fn holders_of_an_undeclared_account_are_listed_as_added_and_removed() {
    let dir = temp();
    let old = format!("SeBatchLogonRight = *S-1-5-32-544,*{DOMAIN}-1130");
    let new = format!("SeBatchLogonRight = *S-1-5-32-544,*{DOMAIN}-1131");
    let allow = format!("SeServiceLogonRight = *{DOMAIN}-1200");
    side(&dir.path().join("old"), &tier1(&allow, &[&old]));
    side(&dir.path().join("new"), &tier1(&allow, &[&new]));
    write(&dir.path().join("services.yaml"), &services());
    let run = gplint_in(
        dir.path(),
        &["diff", "old", "new", "--expect", "services.yaml"],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(cells(&run.stdout).is_empty(), "{}", run.stdout);
    let added = format!("  SeBatchLogonRight: added *{DOMAIN}-1131\n");
    let removed = format!("  SeBatchLogonRight: removed *{DOMAIN}-1130\n");
    assert!(run.stdout.contains(&added), "{}", run.stdout);
    assert!(run.stdout.contains(&removed), "{}", run.stdout);
}

#[test]
fn a_declared_holder_is_shown_with_its_name() {
    let dir = temp();
    let allow = format!("SeServiceLogonRight = *{DOMAIN}-1200");
    let batch = format!("SeBatchLogonRight = *S-1-5-32-544,*{DOMAIN}-1202");
    side(&dir.path().join("old"), &tier1(&allow, &[&batch]));
    side(
        &dir.path().join("new"),
        &tier1(&allow, &["SeBatchLogonRight = *S-1-5-32-544"]),
    );
    write(&dir.path().join("services.yaml"), &services());
    let run = gplint_in(
        dir.path(),
        &["diff", "old", "new", "--expect", "services.yaml"],
    );
    let removed = format!("  SeBatchLogonRight: removed *{DOMAIN}-1202 (CONTOSO\\svc_batch)\n");
    assert!(run.stdout.contains(&removed), "{}", run.stdout);
    // svc_batch has no expectation: refused, but nothing breaks.
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(
        cells(&run.stdout),
        ["CONTOSO\\svc_batch  batch  allowed → not-granted"]
    );
}

#[test]
fn the_json_has_the_headline_counts_and_typed_changes() {
    let dir = temp();
    let allow = format!("SeServiceLogonRight = *{DOMAIN}-1200");
    side(&dir.path().join("old"), &tier1(&allow, &[]));
    side(
        &dir.path().join("new"),
        &tier1("SeServiceLogonRight = *S-1-5-20", &[]),
    );
    write(&dir.path().join("services.yaml"), &services());
    let run = gplint_in(
        dir.path(),
        &[
            "diff",
            "old",
            "new",
            "--expect",
            "services.yaml",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    assert_eq!(json["version"], 1);
    assert_eq!(
        (json["base"].as_str(), json["head"].as_str()),
        (Some("old"), Some("new"))
    );
    assert_eq!(json["breaks"], true);
    assert_eq!(json["summary"]["refused"], 1);
    assert_eq!(json["summary"]["broken"], 1);
    let changes = json["changes"]
        .as_array()
        .unwrap_or_else(|| panic!("changes"));
    let verdict = &changes[0];
    assert_eq!(verdict["kind"], "verdict");
    assert_eq!(verdict["scope"], "tier1");
    assert_eq!(verdict["account"], "CONTOSO\\svc_app");
    assert_eq!(verdict["logon_type"], "service");
    assert_eq!(verdict["expected"], "must");
    assert_eq!(verdict["before"]["state"], "allowed");
    assert_eq!(verdict["after"]["state"], "not-granted");
    assert_eq!(verdict["after"]["right"], "SeServiceLogonRight");
    assert_eq!(verdict["breaks"], true);
    let holders = changes
        .iter()
        .find(|c| c["kind"] == "holders")
        .unwrap_or_else(|| panic!("a holders change: {}", run.stdout));
    assert_eq!(holders["right"], "SeServiceLogonRight");
    assert!(
        changes
            .iter()
            .any(|c| c["kind"] == "finding" && c["appeared"] == true)
    );
}

// ---- git revisions (issue 16 point 1) ----

fn has_git() -> bool {
    let found = Command::new("git").arg("--version").output().is_ok();
    if !found {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "skipped: git is not on PATH");
    }
    found
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap_or_else(|e| panic!("git runs: {e}"));
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// A repository whose two commits differ by one line of `gpo/tier1`.
fn repository(before: &str, after: &str) -> tempfile::TempDir {
    let dir = temp();
    git(dir.path(), &["init", "-q"]);
    write(&dir.path().join("services.yaml"), &services());
    side(&dir.path().join("gpo"), before);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-qm", "first"]);
    write(&dir.path().join("gpo/tier1/GptTmpl.inf"), after);
    git(dir.path(), &["commit", "-qam", "second", "--allow-empty"]);
    dir
}

#[test]
fn two_revisions_give_the_changed_cells_and_fail_when_a_logon_breaks() {
    if !has_git() {
        return;
    }
    let allow = format!("SeServiceLogonRight = *{DOMAIN}-1200");
    let repo = repository(
        &tier1(&allow, &[]),
        &tier1("SeServiceLogonRight = *S-1-5-20", &[]),
    );
    let run = gplint_in(
        repo.path(),
        &[
            "diff",
            "HEAD~1:gpo",
            "HEAD:gpo",
            "--expect",
            "services.yaml",
        ],
    );
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        cells(&run.stdout),
        ["CONTOSO\\svc_app  service  allowed → not-granted  BREAKS logon: service"]
    );
    assert!(
        run.stdout
            .contains("no entry of SeServiceLogonRight holds it (HEAD:gpo/tier1/GptTmpl.inf:7)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.starts_with("BASE HEAD~1:gpo\nHEAD HEAD:gpo\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_revision_change_that_only_adds_a_grant_passes() {
    if !has_git() {
        return;
    }
    let allow = format!("SeServiceLogonRight = *{DOMAIN}-1200");
    let batch = format!("SeBatchLogonRight = *S-1-5-32-544,*{DOMAIN}-1202");
    let repo = repository(&tier1(&allow, &[]), &tier1(&allow, &[&batch]));
    let run = gplint_in(
        repo.path(),
        &[
            "diff",
            "HEAD~1:gpo/",
            "HEAD:gpo/",
            "--expect",
            "services.yaml",
        ],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        cells(&run.stdout),
        ["CONTOSO\\svc_batch  batch  not-granted → allowed"]
    );
    assert!(run.stdout.contains("and allows 1 new."), "{}", run.stdout);
}

#[test]
fn a_bad_revision_is_exit_2_with_gits_reason_on_one_line() {
    if !has_git() {
        return;
    }
    let allow = format!("SeServiceLogonRight = *{DOMAIN}-1200");
    let repo = repository(&tier1(&allow, &[]), &tier1(&allow, &[]));
    let run = gplint_in(
        repo.path(),
        &[
            "diff",
            "no-such-branch:gpo",
            "HEAD:gpo",
            "--expect",
            "services.yaml",
        ],
    );
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].starts_with("error: `no-such-branch:gpo`: git says: ")
            && lines[0].contains("no-such-branch"),
        "{}",
        run.stderr
    );
    let missing = gplint_in(
        repo.path(),
        &[
            "diff",
            "HEAD:nowhere",
            "HEAD:gpo",
            "--expect",
            "services.yaml",
        ],
    );
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .contains("the revision has no file or folder `nowhere`"),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_gpo_evaluated_alone_is_the_same_scope_on_both_revisions() {
    if !has_git() {
        return;
    }
    let allow = format!("SeServiceLogonRight = *{DOMAIN}-1200");
    let repo = repository(
        &tier1(&allow, &[]),
        &tier1("SeServiceLogonRight = *S-1-5-20", &[]),
    );
    // No scopes: each GPO of the folder is evaluated alone, named by its
    // path, which must not carry the revision's temporary folder.
    let unscoped = format!(
        "target: member-server\ndomain_sid: {DOMAIN}\naccounts:\n  - name: CONTOSO\\svc_app\n    sid: {DOMAIN}-1200\n    logon: [service]\n"
    );
    write(&repo.path().join("alone.yaml"), &unscoped);
    let run = gplint_in(
        repo.path(),
        &["diff", "HEAD~1:gpo", "HEAD:gpo", "--expect", "alone.yaml"],
    );
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("\nscope tier1/GptTmpl.inf\n"),
        "{}",
        run.stdout
    );
    assert_eq!(
        cells(&run.stdout),
        ["CONTOSO\\svc_app  service  allowed → not-granted  BREAKS logon: service"]
    );
    assert!(!run.stdout.contains("gplint-diff-"), "{}", run.stdout);
}

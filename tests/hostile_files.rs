//! Hostile files inside the folders gplint reads: symbolic links, named
//! pipes, devices and oversized or corrupt metadata, made in a scratch
//! folder. gplint follows no link inside a tree or rule folder, reads no
//! file past `--max-file-size`, names every item it skips or cannot read
//! (one warning line each), checks the rest, and exits 2 at the end.
//!
//! Device nodes need root (`mknod`); without it those cases say so and
//! pass.

mod common;
mod scratch;

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

use common::{Run, gplint_with_env};
use insta::assert_snapshot;
use scratch::{GOOD, Scratch};

/// Where the template sits in a SYSVOL GPO folder.
const SECEDIT: &str = "Machine/Microsoft/Windows NT/SecEdit";

/// A SYSVOL GPO folder `tree/NAME` with a GPT.INI, and the path of the
/// folder its template goes in.
fn gpo(s: &Scratch, name: &str) -> String {
    s.write(
        &format!("tree/{name}/GPT.INI"),
        format!("[General]\r\nVersion=1\r\ndisplayName={name}\r\n").as_bytes(),
    );
    let secedit = s.path(&format!("tree/{name}/{SECEDIT}"));
    std::fs::create_dir_all(&secedit).unwrap();
    secedit.display().to_string()
}

/// A GPO folder `tree/NAME` whose template is GOOD.
fn good_gpo(s: &Scratch, name: &str) {
    let secedit = gpo(s, name);
    std::fs::write(Path::new(&secedit).join("GptTmpl.inf"), GOOD).unwrap();
}

/// Runs a command made of `args` with `[TMP]` standing for the folder.
fn run(s: &Scratch, args: &[&str]) -> Run {
    let root = s.root().display().to_string();
    let args: Vec<String> = args.iter().map(|a| a.replace("[TMP]", &root)).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    gplint_with_env(&args, &[])
}

fn check_tree(s: &Scratch) -> Run {
    run(
        s,
        &["check", "[TMP]/tree", "--expect", "[TMP]/services.yaml"],
    )
}

fn made(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .status()
        .is_ok_and(|status| status.success())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}

// ---- rule folders, metadata files, limits and parse errors (issue 12 item 10) ----

/// A committed `rules/x.yaml -> /proc/self/environ` printed the
/// environment, CI secrets included, inside a YAML parse error.
#[test]
fn a_rule_file_linked_to_the_environment_is_refused_unread() {
    let s = Scratch::new();
    std::fs::create_dir(s.path("rules")).unwrap();
    symlink("/proc/self/environ", s.path("rules/x.yaml")).unwrap();
    let secret = "gplint-test-secret-7f3a";
    let run = gplint_with_env(
        &["rules", "--rules", &s.path("rules").display().to_string()],
        &[("GPLINT_TEST_SECRET", secret)],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stderr.contains(secret), "{}", run.stderr);
    assert!(!run.stdout.contains(secret), "{}", run.stdout);
    assert_snapshot!(s.report(&run));
}

/// A rule file over `--max-file-size` is refused before it is read (a
/// 1 GB rule file cost 5.1 GB of memory).
#[test]
fn a_rule_file_over_max_file_size_is_refused() {
    let s = Scratch::new();
    let mut rule = std::fs::read_to_string(common::fixture(
        "team-rules/GPL901-debug-privilege-granted.yaml",
    ))
    .unwrap();
    rule.push_str(&"# padding past the limit\n".repeat(100));
    s.write("rules/team.yaml", rule.as_bytes());
    let args = [
        "check",
        "[TMP]/good.inf",
        "--expect",
        "[TMP]/services.yaml",
        "--rules",
        "[TMP]/rules",
    ];
    let within = run(&s, &args);
    assert_eq!(within.code, 0, "the rule loads: {}", within.stderr);
    let over = run(&s, &[&args[..], &["--max-file-size", "1K"]].concat());
    assert_eq!(over.code, 2, "{}", over.stderr);
    assert!(over.stderr.contains("--max-file-size"), "{}", over.stderr);
    assert!(over.stderr.contains("team.yaml"), "{}", over.stderr);
}

/// A named pipe or a folder named like a rule file is named, not skipped
/// without a word.
#[test]
fn a_named_pipe_in_a_rule_folder_is_refused_without_hanging() {
    let s = Scratch::new();
    std::fs::create_dir(s.path("rules")).unwrap();
    let fifo = s.path("rules/pipe.yaml").display().to_string();
    if !made("mkfifo", &[&fifo]) {
        common::say("skipped: mkfifo is not available");
        return;
    }
    let run = run(&s, &["rules", "--rules", "[TMP]/rules"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

/// `GPT.INI` over `--max-file-size` is not read: its GPO is named and
/// the run ends with exit 2.
#[test]
fn a_gpt_ini_over_max_file_size_is_not_read() {
    let s = Scratch::new();
    good_gpo(&s, "big");
    let mut ini = String::from("[General]\r\nVersion=1\r\n");
    ini.push_str(&"; padding\r\n".repeat(200));
    s.write("tree/big/GPT.INI", ini.as_bytes());
    let run = run(
        &s,
        &[
            "check",
            "[TMP]/tree",
            "--expect",
            "[TMP]/services.yaml",
            "--max-file-size",
            "1K",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

/// A `GPT.INI` linked to a file outside the tree is not followed, so its
/// text never reaches the output.
#[test]
fn a_gpt_ini_linked_out_of_the_tree_is_not_followed() {
    let s = Scratch::new();
    good_gpo(&s, "linked");
    s.write(
        "secret.ini",
        b"[General]\r\ndisplayName=TOP-SECRET-NAME\r\n",
    );
    std::fs::remove_file(s.path("tree/linked/GPT.INI")).unwrap();
    symlink(s.path("secret.ini"), s.path("tree/linked/GPT.INI")).unwrap();
    let run = check_tree(&s);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stdout.contains("TOP-SECRET"), "{}", run.stdout);
    assert!(!run.stderr.contains("TOP-SECRET"), "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

/// A `bkupInfo.xml` whose closing tag names 10,000 bytes, escape
/// sequences among them: the error quotes at most 200 bytes of it, with
/// the control characters shown, not sent to the terminal.
#[test]
fn an_xml_error_quotes_a_short_sanitised_excerpt() {
    let s = Scratch::new();
    let long = format!("\u{1b}[31m{}", "A".repeat(10_000));
    s.write(
        "tree/{7A5C3E1F-8B6D-4A2C-9E0F-1B3D5F7A9C2E}/bkupInfo.xml",
        format!("<BackupInst><GPOGuid>x</{long}></BackupInst>").as_bytes(),
    );
    good_gpo(&s, "other");
    let run = check_tree(&s);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
    assert!(!run.stderr.contains(&"A".repeat(201)), "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

/// A YAML syntax error in an expectations file whose line is 5,000
/// bytes and holds an escape sequence: the snippet shows at most 200
/// bytes of the line and no control character.
#[test]
fn a_yaml_syntax_error_quotes_a_short_sanitised_excerpt() {
    let s = Scratch::new();
    // `a: b: c` is a syntax error at the second colon, next to the escape.
    let line = format!("{}: \u{1b}[2J{}", "B".repeat(3000), "C".repeat(3000));
    s.write(
        "bad.yaml",
        format!("target: member-server\naccounts: {line}\n  - x\n").as_bytes(),
    );
    let run = run(
        &s,
        &["check", "[TMP]/good.inf", "--expect", "[TMP]/bad.yaml"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
    assert!(!run.stderr.contains(&"B".repeat(201)), "{}", run.stderr);
    assert!(!run.stderr.contains(&"C".repeat(201)), "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

/// The same for a rule file, whose parse errors were rendered whole.
#[test]
fn a_rule_file_syntax_error_quotes_a_short_sanitised_excerpt() {
    let s = Scratch::new();
    let line = format!("{}: \u{7}{}", "D".repeat(3000), "E".repeat(3000));
    s.write(
        "rules/r.yaml",
        format!("id: GPL999\nname: {line}\n").as_bytes(),
    );
    let run = run(&s, &["rules", "--rules", "[TMP]/rules"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stderr.contains('\u{7}'), "{}", run.stderr);
    assert!(!run.stderr.contains(&"D".repeat(201)), "{}", run.stderr);
    assert!(!run.stderr.contains(&"E".repeat(201)), "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

// ---- silent skips and --max-files (issue 12 item 12) ----

/// A `GptTmpl.inf` that is a link counted as "no template", exit 0.
#[test]
fn a_template_that_is_a_link_is_named_and_exit_2() {
    let s = Scratch::new();
    let secedit = gpo(&s, "linked");
    symlink(s.path("good.inf"), Path::new(&secedit).join("GptTmpl.inf")).unwrap();
    good_gpo(&s, "plain");
    let run = check_tree(&s);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.contains("1 template"), "{}", run.stdout);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_template_that_is_a_named_pipe_is_named_and_exit_2_without_hanging() {
    let s = Scratch::new();
    let secedit = gpo(&s, "pipe");
    let fifo = Path::new(&secedit).join("GptTmpl.inf");
    if !made("mkfifo", &[&fifo.display().to_string()]) {
        common::say("skipped: mkfifo is not available");
        return;
    }
    good_gpo(&s, "plain");
    let run = check_tree(&s);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.contains("1 template"), "{}", run.stdout);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_template_that_is_a_directory_is_named_and_exit_2() {
    let s = Scratch::new();
    let secedit = gpo(&s, "folder");
    std::fs::create_dir(Path::new(&secedit).join("GptTmpl.inf")).unwrap();
    good_gpo(&s, "plain");
    let run = check_tree(&s);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_template_that_is_a_device_is_named_and_exit_2() {
    if !is_root() {
        common::say("skipped: mknod needs root to make a device node");
        return;
    }
    let s = Scratch::new();
    let secedit = gpo(&s, "device");
    let node = Path::new(&secedit).join("GptTmpl.inf");
    // The same device as /dev/zero: reading it would never end.
    if !made("mknod", &[&node.display().to_string(), "c", "1", "5"]) {
        common::say("skipped: mknod failed");
        return;
    }
    good_gpo(&s, "plain");
    let run = check_tree(&s);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

/// A link anywhere in a tree is named: the list of skipped links used to
/// be collected and never printed.
#[test]
fn links_met_in_a_tree_are_each_named() {
    let s = Scratch::new();
    good_gpo(&s, "plain");
    symlink(s.path("tree"), s.path("tree/loop")).unwrap();
    symlink("/etc/passwd", s.path("tree/passwd")).unwrap();
    let run = check_tree(&s);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stderr.contains("root:"), "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

/// One corrupt `GPT.INI` dropped the whole tree ("templates: 0"); now it
/// is named and the GPOs beside it, its own template too, are checked.
#[test]
fn a_corrupt_gpt_ini_does_not_drop_the_tree() {
    let s = Scratch::new();
    good_gpo(&s, "corrupt");
    s.write("tree/corrupt/GPT.INI", b"[General]\0\0\x01\x02");
    good_gpo(&s, "plain");
    let run = check_tree(&s);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.contains("2 templates"), "{}", run.stdout);
    assert_snapshot!(s.report(&run));
}

/// A corrupt backup report leaves that backup out, named, and the others
/// are still checked.
#[test]
fn a_corrupt_backup_leaves_only_that_gpo_out() {
    let s = Scratch::new();
    s.write(
        "tree/{7A5C3E1F-8B6D-4A2C-9E0F-1B3D5F7A9C2E}/bkupInfo.xml",
        b"<BackupInst><GPOGuid>",
    );
    good_gpo(&s, "plain");
    let run = check_tree(&s);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.contains("1 template"), "{}", run.stdout);
    assert_snapshot!(s.report(&run));
}

/// A folder gplint may not list is named and the rest of the tree is
/// checked. Root reads every folder, so the case needs another user.
#[test]
fn an_unreadable_folder_does_not_drop_the_tree() {
    if is_root() {
        common::say("skipped: root may list a folder with mode 000");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new();
    good_gpo(&s, "plain");
    std::fs::create_dir(s.path("tree/locked")).unwrap();
    let locked = std::fs::Permissions::from_mode(0o000);
    std::fs::set_permissions(s.path("tree/locked"), locked).unwrap();
    let run = check_tree(&s);
    let open = std::fs::Permissions::from_mode(0o755);
    std::fs::set_permissions(s.path("tree/locked"), open).unwrap();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.contains("1 template"), "{}", run.stdout);
    assert!(run.stderr.contains("locked"), "{}", run.stderr);
}

/// `dump` names skipped items too, and still dumps the rest.
#[test]
fn dump_names_a_linked_template_and_exits_2() {
    let s = Scratch::new();
    let secedit = gpo(&s, "linked");
    symlink(s.path("good.inf"), Path::new(&secedit).join("GptTmpl.inf")).unwrap();
    let run = run(&s, &["dump", "[TMP]/tree"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("GptTmpl.inf"), "{}", run.stderr);
    assert!(run.stdout.contains("== GPO"), "{}", run.stdout);
}

/// `init` too: the file is written from what could be read.
#[test]
fn init_names_a_linked_template_and_exits_2() {
    let s = Scratch::new();
    let secedit = gpo(&s, "linked");
    symlink(s.path("good.inf"), Path::new(&secedit).join("GptTmpl.inf")).unwrap();
    good_gpo(&s, "plain");
    let run = run(&s, &["init", "[TMP]/tree"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("GptTmpl.inf"), "{}", run.stderr);
    assert!(run.stdout.contains("accounts:"), "{}", run.stdout);
}

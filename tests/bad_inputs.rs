//! The bad-input catalogue: each case one input gplint must refuse or warn
//! about clearly, with the snapshot of what it says (stderr, no colour,
//! 100 columns, the scratch folder written `[TMP]`) and the exit code the
//! command defines. Exit 2 is an input gplint could not use; a warning
//! leaves the run's exit code to the findings (0 here, where the good
//! template satisfies the expectations).
//!
//! None may panic or hang: a panic is exit 101, and each run is bounded by
//! the input's size.

mod common;
mod scratch;

use insta::assert_snapshot;
use scratch::{GOOD, Scratch, utf16le};

/// The template, then a comment with an emoji (a surrogate pair in UTF-16).
fn utf16_with_emoji() -> Vec<u8> {
    utf16le(&format!("{GOOD}; owner: ops \u{1F600}\r\n"))
}

#[test]
fn truncated_utf16_in_a_surrogate_pair_warns_and_exits_0() {
    let s = Scratch::new();
    let mut bytes = utf16_with_emoji();
    // Cut after the high surrogate: an even length, but half a character.
    let emoji_at = bytes.len() - 8;
    bytes.truncate(emoji_at + 2);
    let file = s.write("t.inf", &bytes);
    let run = s.check(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn utf16_with_an_odd_byte_count_is_exit_2() {
    let s = Scratch::new();
    let mut bytes = utf16le(GOOD);
    bytes.pop();
    let file = s.write("t.inf", &bytes);
    let run = s.check(&[&file]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_lone_surrogate_becomes_u_fffd_with_a_warning_and_exits_0() {
    let s = Scratch::new();
    let mut bytes = utf16le(GOOD);
    bytes.extend(utf16le("; note ").split_off(2));
    bytes.extend(0xDC00u16.to_le_bytes());
    bytes.extend(utf16le("\r\n").split_off(2));
    let file = s.write("t.inf", &bytes);
    let run = s.check(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn nul_bytes_in_utf8_are_binary_and_exit_2() {
    let s = Scratch::new();
    let file = s.write("t.inf", format!("{GOOD}x=\0\0\r\n").as_bytes());
    let run = s.check(&[&file]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_binary_file_named_inf_is_exit_2() {
    let s = Scratch::new();
    let bytes = std::fs::read(common::fixture("bad/random-bytes.inf")).unwrap();
    let file = s.write("GptTmpl.inf", &bytes);
    let run = s.check(&[&file]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_100_mb_single_line_is_refused_by_the_line_limit_exit_2() {
    let s = Scratch::new();
    let mut text = String::from(GOOD);
    text.push_str("SeBatchLogonRight = ");
    text.push_str(&"a".repeat(100 * 1024 * 1024));
    let file = s.write("t.inf", text.as_bytes());
    let run = s.check(&[&file]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_section_header_without_bracket_warns_and_exits_0() {
    let s = Scratch::new();
    let text = GOOD.replace("[Version]", "[Version");
    let file = s.write("t.inf", text.as_bytes());
    let run = s.check(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_sid_with_a_40_digit_sub_authority_warns_and_exits_0() {
    let s = Scratch::new();
    let text = format!(
        "{GOOD}SeBatchLogonRight = *S-1-5-21-{}\r\n",
        "1234567890".repeat(4)
    );
    let file = s.write("t.inf", text.as_bytes());
    let run = s.check(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn s_1_alone_warns_and_exits_0() {
    let s = Scratch::new();
    let file = s.write(
        "t.inf",
        format!("{GOOD}SeBatchLogonRight = *S-1-\r\n").as_bytes(),
    );
    let run = s.check(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn an_expectations_file_that_is_not_yaml_is_exit_2() {
    let s = Scratch::new();
    s.write("bad.yaml", b"accounts: [unclosed\n  - name: x\n");
    let run = s.check_with(&["good.inf"], "bad.yaml", &[]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

/// YAML that parses but has the wrong shape, at each level of the file.
const WRONG_SHAPES: [(&str, &str); 7] = [
    ("root_is_a_list", "- accounts\n"),
    ("accounts_is_a_mapping", "accounts:\n  name: x\n"),
    (
        "an_account_is_a_scalar",
        "accounts:\n  - CONTOSO\\svc_sql\n",
    ),
    (
        "logon_is_a_mapping",
        "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: {service: yes}\n",
    ),
    (
        "member_of_holds_a_list",
        "accounts:\n  - name: CONTOSO\\svc_sql\n    member_of: [[a]]\n    logon: [service]\n",
    ),
    (
        "groups_is_a_scalar",
        "groups: none\naccounts:\n  - name: a\n    logon: [batch]\n",
    ),
    (
        "a_waiver_is_a_list",
        "accounts:\n  - name: a\n    logon: [batch]\nwaivers:\n  - [GPL101]\n",
    ),
];

#[test]
fn yaml_of_the_wrong_shape_is_exit_2_at_each_level() {
    let s = Scratch::new();
    for (name, text) in WRONG_SHAPES {
        s.write("shape.yaml", text.as_bytes());
        let run = s.check_with(&["good.inf"], "shape.yaml", &[]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert_snapshot!(format!("wrong_shape_{name}"), s.report(&run));
    }
}

#[test]
fn a_billion_laughs_expectations_file_fails_fast_on_its_first_alias() {
    let s = Scratch::new();
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (level, previous) in ('b'..='i').zip('a'..) {
        let refs = vec![format!("*{previous}"); 9].join(", ");
        text.push_str(&format!("{level}: &{level} [{refs}]\n"));
    }
    s.write("lol.yaml", text.as_bytes());
    let started = std::time::Instant::now();
    let run = s.check_with(&["good.inf"], "lol.yaml", &[]);
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_rule_file_with_an_unknown_matcher_is_exit_2() {
    let s = Scratch::new();
    let rule = std::fs::read_to_string(common::fixture(
        "team-rules/GPL901-debug-privilege-granted.yaml",
    ))
    .unwrap()
    .replacen("equals:", "resembles:", 1);
    s.write("rules/GPL901-debug-privilege-granted.yaml", rule.as_bytes());
    let rules = s.path("rules").display().to_string();
    let run = s.check_with(&["good.inf"], "services.yaml", &["--rules", &rules]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

/// A link inside a tree is never followed, so a loop ends; it is named,
/// the template beside it is still checked, and the run exits 2 since
/// something was not read (issue 12 item 12: links were skipped without
/// a word).
#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_tree_is_named_not_followed_and_exits_2() {
    let s = Scratch::new();
    s.write("tree/SecEdit/GptTmpl.inf", GOOD.as_bytes());
    std::os::unix::fs::symlink(s.path("tree"), s.path("tree/SecEdit/loop")).unwrap();
    let run = s.check(&["tree"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.contains("1 template"), "{}", run.stdout);
    assert_snapshot!(s.report(&run));
}

/// Tests run as root here, where `chmod 000` does not stop a read; a
/// named pipe is the unreadable file instead: opening one would wait for
/// a writer forever, so gplint must refuse it without opening it.
#[cfg(unix)]
#[test]
fn a_named_pipe_where_a_template_is_expected_is_exit_2_without_hanging() {
    let s = Scratch::new();
    let fifo = s.path("GptTmpl.inf");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|status| status.success()) {
        common::say("skipped: mkfifo is not available");
        return;
    }
    let run = s.check(&["GptTmpl.inf", "good.inf"]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_directory_where_the_expectations_file_is_expected_is_exit_2() {
    let s = Scratch::new();
    std::fs::create_dir(s.path("dir.yaml")).unwrap();
    let run = s.check_with(&["good.inf"], "dir.yaml", &[]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_is_read_and_named_lossily() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let s = Scratch::new();
    let name = OsStr::from_bytes(b"caf\xE9.inf");
    let path = s.root().join(name);
    std::fs::write(&path, GOOD.replace("[Version]", "[Version")).unwrap();
    let expect = s.path("services.yaml");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gplint"))
        .arg("check")
        .arg(&path)
        .arg("--expect")
        .arg(&expect)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    let run = common::Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn one_bad_input_among_good_ones_still_checks_the_others_and_exits_2() {
    let s = Scratch::new();
    s.write("bad.inf", b"");
    let missing_grant = GOOD.replace(
        "*S-1-5-21-1004336348-1177238915-682003330-1105",
        "*S-1-5-20",
    );
    s.write("later.inf", missing_grant.as_bytes());
    let run = s.check(&["good.inf", "bad.inf", "later.inf"]);
    assert_eq!(run.code, 2);
    // The good templates were checked: the later one takes the grant away.
    assert!(run.stdout.contains("GPL101"), "{}", run.stdout);
    assert_snapshot!(s.report(&run));
}

#[cfg(unix)]
#[test]
fn a_symlink_to_itself_given_as_the_tree_is_exit_2() {
    let s = Scratch::new();
    std::os::unix::fs::symlink(s.path("self"), s.path("self")).unwrap();
    let run = s.check(&["self", "good.inf"]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_file_over_max_file_size_is_exit_2_and_the_flag_raises_the_limit() {
    let s = Scratch::new();
    let run = s.check_with(&["good.inf"], "services.yaml", &["--max-file-size", "100"]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
    let raised = s.check_with(&["good.inf"], "services.yaml", &["--max-file-size", "1K"]);
    assert_eq!(raised.code, 0, "{}", raised.stderr);
}

#[test]
fn a_right_with_too_many_holders_is_exit_2_and_the_flag_raises_the_limit() {
    let s = Scratch::new();
    let holders = vec!["*S-1-5-32-544"; 20].join(",");
    let file = s.write(
        "t.inf",
        format!("{GOOD}SeBatchLogonRight = {holders}\r\n").as_bytes(),
    );
    let run = s.check_with(&[&file], "services.yaml", &["--max-holders", "10"]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
    let raised = s.check_with(&[&file], "services.yaml", &["--max-holders", "20"]);
    assert_eq!(raised.code, 0, "{}", raised.stderr);
}

#[test]
fn a_tree_of_too_many_files_is_exit_2_and_the_flag_raises_the_limit() {
    let s = Scratch::new();
    for n in 0..5 {
        s.write(&format!("tree/{n}/SecEdit/GptTmpl.inf"), GOOD.as_bytes());
    }
    let run = s.check_with(&["tree"], "services.yaml", &["--max-files", "10"]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
    let raised = s.check_with(&["tree"], "services.yaml", &["--max-files", "100"]);
    assert_eq!(raised.code, 0, "{}", raised.stderr);
}

// ---- content that is no template (issue 12 item 13) ----

/// `t.inf` checked on its own, the report as JSON on stdout: a warning
/// leaves the exit code to the findings; what matters is the warning.
fn check_alone(s: &Scratch, bytes: &[u8]) -> common::Run {
    let file = s.write("t.inf", bytes);
    s.check_with(&[&file], "services.yaml", &["--format", "json"])
}

#[test]
fn a_whitespace_only_template_warns_that_it_defines_nothing() {
    let s = Scratch::new();
    let run = check_alone(&s, b"  \r\n\t\r\n   \r\n");
    assert!(
        run.stderr.contains("template::no-section"),
        "{}",
        run.stderr
    );
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_bom_and_line_ends_only_template_warns_that_it_defines_nothing() {
    let s = Scratch::new();
    let run = check_alone(&s, &utf16le("\r\n\r\n"));
    assert!(
        run.stderr.contains("template::no-section"),
        "{}",
        run.stderr
    );
    assert_snapshot!(s.report(&run));
}

/// A big-endian mark on little-endian text: every character reads as
/// its byte-swapped neighbour, `[` (U+005B) as U+5B00, a CJK ideograph.
#[test]
fn utf16_whose_mark_contradicts_the_byte_order_warns() {
    let s = Scratch::new();
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(utf16le(GOOD).split_off(2));
    let run = check_alone(&s, &bytes);
    assert!(
        run.stderr.contains("source::implausible-text"),
        "{}",
        run.stderr
    );
    assert_snapshot!(s.report(&run));
}

/// A UTF-16 mark before 8-bit text: each pair of ASCII letters reads as
/// one CJK character.
#[test]
fn eight_bit_text_behind_a_utf16_mark_warns() {
    let s = Scratch::new();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend_from_slice(GOOD.as_bytes());
    let run = check_alone(&s, &bytes);
    assert!(
        run.stderr.contains("source::implausible-text"),
        "{}",
        run.stderr
    );
    assert_snapshot!(s.report(&run));
}

/// `explain` dropped template warnings without a word; it shows them on
/// stderr as `check` does.
#[test]
fn explain_shows_template_warnings() {
    let s = Scratch::new();
    let file = s.write("t.inf", GOOD.replace("[Version]", "[Version").as_bytes());
    let expect = s.path("services.yaml").display().to_string();
    let run = common::gplint(&["explain", &file, "--expect", &expect]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

/// `init` too: a whitespace-only template is named before the file it
/// proposes.
#[test]
fn init_shows_template_warnings() {
    let s = Scratch::new();
    let file = s.write("t.inf", b"\r\n  \r\n");
    let run = common::gplint(&["init", &file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("accounts"), "{}", run.stdout);
    assert_snapshot!(s.report(&run));
}

// ---- never destroy a file (issue 12 items 1–5) ----
// The full set, with FIFOs, devices, signals and pipes, is in
// tests/cli_output_safety.rs; these are the messages.

#[test]
fn output_onto_the_template_is_exit_2_and_the_template_is_kept() {
    let s = Scratch::new();
    let output = s.path("good.inf").display().to_string();
    let run = s.check_with(&["good.inf"], "services.yaml", &["--output", &output]);
    assert_eq!(run.code, 2);
    assert_eq!(std::fs::read_to_string(s.path("good.inf")).unwrap(), GOOD);
    assert_snapshot!(s.report(&run));
}

#[test]
fn output_onto_the_expectations_file_is_exit_2_and_the_file_is_kept() {
    let s = Scratch::new();
    let output = s.path("services.yaml").display().to_string();
    let run = s.check_with(&["good.inf"], "services.yaml", &["--output", &output]);
    assert_eq!(run.code, 2);
    assert_eq!(
        std::fs::read_to_string(s.path("services.yaml")).unwrap(),
        scratch::EXPECT
    );
    assert_snapshot!(s.report(&run));
}

#[cfg(unix)]
#[test]
fn output_onto_a_symlink_is_exit_2_and_the_link_is_kept() {
    let s = Scratch::new();
    std::os::unix::fs::symlink("good.inf", s.path("report.txt")).unwrap();
    let output = s.path("report.txt").display().to_string();
    let run = s.check_with(&["good.inf"], "services.yaml", &["--output", &output]);
    assert_eq!(run.code, 2);
    assert!(s.path("report.txt").is_symlink());
    assert_snapshot!(s.report(&run));
}

#[test]
fn output_onto_a_folder_is_exit_2() {
    let s = Scratch::new();
    std::fs::create_dir(s.path("reports")).unwrap();
    let output = s.path("reports").display().to_string();
    let run = s.check_with(&["good.inf"], "services.yaml", &["--output", &output]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

/// Before the fix, opening the pipe waited for a reader forever.
#[cfg(unix)]
#[test]
fn a_step_summary_that_is_a_named_pipe_warns_without_hanging_and_exits_0() {
    let s = Scratch::new();
    let fifo = s.path("summary.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|status| status.success()) {
        common::say("skipped: mkfifo is not available");
        return;
    }
    let (template, expect) = (s.path("good.inf"), s.path("services.yaml"));
    let (template, expect) = (template.display().to_string(), expect.display().to_string());
    let summary = fifo.display().to_string();
    let run = common::gplint_with_env(
        &[
            "check", &template, "--expect", &expect, "--format", "github",
        ],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

/// Before the fix: exit 0 and an empty file (`check`, `init`, …), or a
/// panic (`completions`).
#[cfg(target_os = "linux")]
#[test]
fn standard_output_on_a_full_disk_is_exit_2_naming_it() {
    let s = Scratch::new();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gplint"))
        .args(["init", &s.path("good.inf").display().to_string()])
        .env("NO_COLOR", "1")
        .stdout(full)
        .output()
        .unwrap();
    let run = common::Run {
        code: output.status.code().unwrap(),
        stdout: String::new(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

// ---- hostile rendering (issue 12 items 6, 8, 11, 19) ----

#[test]
fn a_warning_past_column_65535_renders_a_clipped_snippet_and_exits_0() {
    let s = Scratch::new();
    let text = format!("{GOOD}SeBatchLogonRight = {}*S-1-X\r\n", " ".repeat(65_600));
    let file = s.write("t.inf", text.as_bytes());
    let run = s.check(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_maximum_password_age_past_i64_warns_and_exits_0() {
    let s = Scratch::new();
    let text = format!("{GOOD}[System Access]\r\nMaximumPasswordAge = 9223372036854775807\r\n");
    let file = s.write("t.inf", text.as_bytes());
    let run = s.check(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_domain_policy_age_past_999_days_is_exit_2() {
    let s = Scratch::new();
    let yaml = format!(
        "{}domain_policy: {{max_password_age_days: 9223372036854775807, lockout_threshold: 0}}\n",
        scratch::EXPECT
    );
    s.write("policy.yaml", yaml.as_bytes());
    let run = s.check_with(&["good.inf"], "policy.yaml", &[]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn escape_sequences_in_a_template_are_written_visibly_and_exit_0() {
    let s = Scratch::new();
    let text = format!(
        "{GOOD}; {}\r\nSeBatchLogonRight = \u{1b}]0;owned\u{7}\u{1b}[2J\u{202e}nimda\r\n",
        "padding ".repeat(100)
    );
    let file = s.write("t\u{1b}[31m.inf", text.as_bytes());
    let run = s.check(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

// ---- inputs that cost more than their size (issue 12 items 14-20) ----

/// Issue 12 item 18: every group of a chain is also in the first, so every
/// `member_of` entry closes a cycle. One warning names one cycle through
/// the loop with at most 20 groups, not one warning per entry each naming
/// the whole loop.
#[test]
fn groups_that_each_close_a_loop_are_one_short_warning_and_exit_0() {
    let s = Scratch::new();
    let mut yaml = String::from("groups:\n");
    for i in 0..50 {
        yaml.push_str(&format!(
            "  - name: CONTOSO\\g{i}\n    member_of: [CONTOSO\\g{}, CONTOSO\\g0]\n",
            (i + 1) % 50
        ));
    }
    yaml.push_str(&scratch::EXPECT.replace("target: member-server\naccounts:\n", "accounts:\n"));
    s.write("loops.yaml", yaml.as_bytes());
    let run = s.check_with(&["good.inf"], "loops.yaml", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr.matches("expect::group-cycle").count(), 1);
    assert_snapshot!(s.report(&run));
}

// ---- the wrong file in the wrong place, nothing read, `-` (issue 14 items 6, 9, 11) ----

#[test]
fn a_folder_holding_services_yaml_given_as_the_expectations_file_is_exit_2() {
    let s = Scratch::new();
    s.write("config/services.yaml", scratch::EXPECT.as_bytes());
    let run = s.check_with(&["good.inf"], "config", &[]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn an_empty_expectations_file_is_exit_2() {
    let s = Scratch::new();
    s.write("services.yaml", b"");
    let run = s.check(&["good.inf"]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_missing_expectations_file_beside_a_txt_copy_is_exit_2() {
    let s = Scratch::new();
    std::fs::rename(s.path("services.yaml"), s.path("services.yaml.txt")).unwrap();
    let run = s.check(&["good.inf"]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_missing_expectations_file_alone_is_exit_2() {
    let s = Scratch::new();
    let run = s.check_with(&["good.inf"], "absent.yaml", &[]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn check_without_expect_is_exit_2() {
    let s = Scratch::new();
    let run = common::gplint(&["check", &s.path("good.inf").display().to_string()]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_long_option_with_one_dash_is_exit_2() {
    let s = Scratch::new();
    let expect = s.path("services.yaml").display().to_string();
    let run = s.check_with(&["good.inf"], "services.yaml", &["-expect", &expect]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_missing_template_alone_is_exit_2_without_a_report() {
    let s = Scratch::new();
    let run = s.check(&["absent.inf"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_snapshot!(s.report(&run));
}

#[test]
fn an_empty_folder_alone_is_exit_2_without_a_report() {
    let s = Scratch::new();
    std::fs::create_dir(s.path("backups")).unwrap();
    let run = s.check(&["backups"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_snapshot!(s.report(&run));
}

#[test]
fn explain_output_onto_its_expectations_file_is_exit_2_and_the_file_is_kept() {
    let s = Scratch::new();
    let (template, expect) = (s.path("good.inf"), s.path("services.yaml"));
    let (template, expect) = (template.display().to_string(), expect.display().to_string());
    let run = common::gplint(&["explain", &template, "--expect", &expect, "-o", &expect]);
    assert_eq!(run.code, 2);
    assert_eq!(std::fs::read_to_string(&expect).unwrap(), scratch::EXPECT);
    assert_snapshot!(s.report(&run));
}

/// `-` twice: the second would read an empty stream.
#[test]
fn standard_input_given_twice_is_exit_2() {
    let s = Scratch::new();
    let expect = s.path("services.yaml").display().to_string();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gplint"))
        .args(["check", "-", "-", "--expect", &expect])
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .stdin(std::fs::File::open(s.path("good.inf")).unwrap())
        .output()
        .unwrap();
    let run = common::Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert_eq!(run.code, 2);
    // The template read once is still checked, as any good input is.
    assert!(run.stdout.contains("1 template"), "{}", run.stdout);
    assert_snapshot!(s.report(&run));
}

#[test]
fn standard_input_over_max_file_size_is_exit_2() {
    let s = Scratch::new();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gplint"))
        .args(["dump", "-", "--max-file-size", "64"])
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .stdin(std::fs::File::open(s.path("good.inf")).unwrap())
        .output()
        .unwrap();
    let run = common::Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_snapshot!(s.report(&run));
}

// ---- not a template, loose files, one GPO backed up twice (issue 14 items 7, 8, 10) ----

/// Issue 14 item 7: a GPMC backup's `Backup.xml` given as the template is
/// one line saying what it is and what to give instead, not a warning per
/// line of XML.
#[test]
fn a_backup_xml_given_as_a_template_is_one_line_and_exit_2() {
    let s = Scratch::new();
    let backup = std::fs::read(common::fixture(
        "trees/backups/Servers Baseline/{9D2C6A1E-3F4B-4C8D-B7E5-0A1F2E3D4C5B}/Backup.xml",
    ))
    .unwrap();
    s.write(
        "backup/{9D2C6A1E-3F4B-4C8D-B7E5-0A1F2E3D4C5B}/Backup.xml",
        &backup,
    );
    let run = s.check(&["backup/{9D2C6A1E-3F4B-4C8D-B7E5-0A1F2E3D4C5B}/Backup.xml"]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

/// Issue 14 item 7: known by its content, whatever its name: a `gpresult
/// /x` report saved as `.inf`, in UTF-16 as gpresult writes it.
#[test]
fn a_gpresult_report_named_inf_is_one_line_and_exit_2() {
    let s = Scratch::new();
    let report = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<Rsop xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns=\"http://www.microsoft.com/GroupPolicy/Rsop\">\r\n  <ReadTime>2024-03-11T09:14:52Z</ReadTime>\r\n</Rsop>\r\n";
    let file = s.write("rsop.inf", &utf16le(report));
    let run = s.check(&[&file]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

/// Issue 14 item 7: Windows ignores `[Privilege Right]`, so its grants
/// apply nowhere; the header gets a did-you-mean.
#[test]
fn a_misspelt_section_warns_with_a_did_you_mean() {
    let s = Scratch::new();
    let text = format!("{GOOD}[Privilege Right]\r\nSeBatchLogonRight = *S-1-5-32-544\r\n");
    let file = s.write("t.inf", text.as_bytes());
    let run = s.check(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

/// Issue 14 item 8: a folder of `secedit /export` files: each `.inf` is
/// read, each on its own, and the other files are one note.
#[test]
fn a_folder_of_exports_reads_each_inf_and_notes_the_rest() {
    let s = Scratch::new();
    s.write("exports/web01.inf", GOOD.as_bytes());
    s.write("exports/web02.inf", GOOD.as_bytes());
    s.write("exports/notes.txt", b"exported with secedit /export /cfg");
    s.write("exports/web02.inf.bak", GOOD.as_bytes());
    let run = s.check(&["exports"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

/// `bkupInfo.xml` as GPMC writes it, for one backup of one GPO.
fn bkup_info(id: &str, time: &str) -> String {
    format!(
        "<BackupInst xmlns=\"http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest\"><GPOGuid><![CDATA[{{4B1E8F2A-7C3D-4E5F-9A6B-2C8D1E0F3A47}}]]></GPOGuid><GPODomain><![CDATA[contoso.com]]></GPODomain><BackupTime><![CDATA[{time}]]></BackupTime><ID><![CDATA[{id}]]></ID><Comment><![CDATA[]]></Comment><GPODisplayName><![CDATA[Servers Baseline]]></GPODisplayName></BackupInst>"
    )
}

/// Issue 14 item 10: "Back Up All" run twice leaves two backups of one
/// GPO; the newer is read, the older noted, and a scope naming the GPO
/// is not ambiguous.
#[test]
fn the_same_gpo_backed_up_twice_is_read_once_with_a_note() {
    let s = Scratch::new();
    let template = "DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf";
    for (id, time) in [
        (
            "{11111111-2222-4333-8444-555555555555}",
            "2024-06-01T08:00:00",
        ),
        (
            "{AAAAAAAA-2222-4333-8444-555555555555}",
            "2024-03-11T09:14:52",
        ),
    ] {
        s.write(
            &format!("backups/Servers Baseline/{id}/bkupInfo.xml"),
            bkup_info(id, time).as_bytes(),
        );
        s.write(
            &format!("backups/Servers Baseline/{id}/{template}"),
            &utf16le(GOOD),
        );
    }
    let yaml = format!(
        "{}scopes:\n  - name: servers\n    gpos: ['Servers Baseline']\n",
        scratch::EXPECT
    );
    s.write("scoped.yaml", yaml.as_bytes());
    let run = s.check_with(&["backups"], "scoped.yaml", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

// ---- `detects` of a rule (issue 14 item 13) ----

/// A team rule's `detects` with a code gplint does not know, a number
/// that names two codes, an event under `errors` and an unknown event:
/// each named at its place, and the rule refused.
#[test]
fn a_rule_detecting_codes_gplint_does_not_know_is_exit_2() {
    let s = Scratch::new();
    let rule = std::fs::read_to_string(common::fixture(
        "team-rules/GPL901-debug-privilege-granted.yaml",
    ))
    .unwrap()
    .replacen(
        "applies_to: right\n",
        "applies_to: right\ndetects:\n  errors: [1358, 24, 4625]\n  events: [4626]\n",
        1,
    );
    s.write("rules/GPL901-debug-privilege-granted.yaml", rule.as_bytes());
    let rules = s.path("rules").display().to_string();
    let run = s.check_with(&["good.inf"], "services.yaml", &["--rules", &rules]);
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}
// ---- names, SIDs and YAML in services.yaml (issue 14 items 1–5) ----

/// `yaml` as the expectations file of a check of the good template.
fn check_yaml(s: &Scratch, yaml: &str) -> common::Run {
    s.write("names.yaml", yaml.as_bytes());
    s.check_with(&["good.inf"], "names.yaml", &[])
}

#[test]
fn a_name_with_a_line_break_from_double_quotes_is_exit_2() {
    let s = Scratch::new();
    let run = check_yaml(
        &s,
        "accounts:\n  - name: \"CONTOSO\\new_svc\"\n    logon: [service]\n",
    );
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn an_unknown_escape_in_double_quotes_is_exit_2() {
    let s = Scratch::new();
    let run = check_yaml(
        &s,
        "accounts:\n  - name: \"CONTOSO\\svc_sql\"\n    logon: [service]\n",
    );
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_builtin_sid_as_an_accounts_sid_is_exit_2() {
    let s = Scratch::new();
    let run = check_yaml(
        &s,
        "accounts:\n  - name: CONTOSO\\svc_sql\n    sid: S-1-5-32-544\n    logon: [service]\n",
    );
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_domain_sid_without_a_rid_as_an_accounts_sid_is_exit_2() {
    let s = Scratch::new();
    let run = check_yaml(
        &s,
        "accounts:\n  - name: CONTOSO\\svc_sql\n    sid: S-1-5-21-1004336348-1177238915-682003330\n    logon: [service]\n",
    );
    assert_eq!(run.code, 2);
    assert_snapshot!(s.report(&run));
}

#[test]
fn an_account_sid_outside_domain_sid_warns_and_exits_0() {
    let s = Scratch::new();
    let run = check_yaml(
        &s,
        "domain_sid: S-1-5-21-1-2-3\naccounts:\n  - name: CONTOSO\\svc_sql\n    sid: S-1-5-21-1004336348-1177238915-682003330-1105\n    logon: [service]\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_declared_name_one_typo_from_a_template_entry_warns() {
    let s = Scratch::new();
    s.write(
        "named.inf",
        b"[Privilege Rights]\r\nSeServiceLogonRight = CONTOSO\\svc_sql\r\n",
    );
    s.write(
        "typo.yaml",
        b"accounts:\n  - name: CONTOSO\\svc_sqll\n    logon: [service]\n",
    );
    let run = s.check_with(&["named.inf"], "typo.yaml", &["--format", "json"]);
    assert_eq!(run.code, 1, "GPL101: {}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_waiver_for_an_undeclared_account_warns() {
    let s = Scratch::new();
    let yaml = format!(
        "{}waivers:\n  - rule: GPL101\n    account: CONTOSO\\svc_sqll\n    reason: moving to a gMSA\n    expires: 2099-01-01\n",
        scratch::EXPECT
    );
    let run = check_yaml(&s, &yaml);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

#[test]
fn a_password_fact_on_a_gmsa_warns_and_exits_0() {
    let s = Scratch::new();
    let run = check_yaml(
        &s,
        "accounts:\n  - name: CONTOSO\\gmsa_sql$\n    sid: S-1-5-21-1004336348-1177238915-682003330-1105\n    password_last_set: 2025-01-01\n    logon: [service]\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_snapshot!(s.report(&run));
}

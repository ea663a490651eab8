//! Inputs built to break the human reports (issue 12): labels past the
//! formatter's column limit, table cells wider than it, numbers that
//! overflow, terminal escape sequences in names, and lines whose findings
//! would each print the whole line. Every run must end without a panic
//! (exit 101) and print what it says visibly and in bounded size.

mod common;
mod scratch;

use common::gplint;
use scratch::{EXPECT, GOOD, Scratch};

/// Past `u16::MAX`, the largest width `format!` accepts.
const FAR: usize = 65_600;

/// No line of `text` longer than `max` characters, and no raw ESC.
fn assert_bounded(text: &str, max: usize) {
    for line in text.lines() {
        let chars = line.chars().count();
        assert!(
            chars <= max,
            "a line of {chars} characters: {}…",
            line.chars().take(120).collect::<String>()
        );
    }
    assert!(!text.contains('\u{1b}'), "a raw ESC in:\n{text}");
}

// ---- labels past column 65,535 (issue 12 item 6) ----

#[test]
fn dump_renders_a_warning_past_column_65535_clipped() {
    let s = Scratch::new();
    let text = format!(
        "[Privilege Rights]\nSeBackupPrivilege = {}*S-1-X\n",
        " ".repeat(FAR)
    );
    let file = s.write("p.inf", text.as_bytes());
    let run = gplint(&["dump", &file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("template::invalid-sid"),
        "{}",
        run.stderr
    );
    // The header still names the real place; the snippet is a window.
    assert!(
        run.stderr.contains(&format!("p.inf:2:{}]", 20 + FAR + 1)),
        "{}",
        run.stderr
    );
    let snippet = run.stderr.lines().find(|l| l.contains("*S-1-X"));
    assert!(snippet.is_some_and(|l| l.contains('…')), "{}", run.stderr);
    assert_bounded(&run.stderr, 300);
}

#[test]
fn check_renders_a_finding_past_column_65535_in_every_format() {
    let s = Scratch::new();
    let text = format!(
        "{GOOD}SeDenyBatchLogonRight = {}ADD YOUR DOMAIN ADMINS\r\n",
        " ".repeat(FAR)
    );
    let file = s.write("t.inf", text.as_bytes());
    for format in ["human", "json", "sarif", "github", "junit"] {
        let run = s.check_with(&[&file], "services.yaml", &["--format", format]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert!(
            run.stdout.contains("ADD YOUR DOMAIN ADMINS"),
            "{format}: {}",
            run.stdout
        );
        // Lines of JSON hold a whole message or note; none a whole line
        // of the template.
        assert_bounded(&run.stdout, 2_000);
    }
}

#[test]
fn a_yaml_error_past_column_65535_renders_clipped() {
    let s = Scratch::new();
    let yaml = format!(
        "accounts:\n  - {{name: CONTOSO\\svc_sql,{}logn: [service]}}\n",
        " ".repeat(FAR)
    );
    s.write("far.yaml", yaml.as_bytes());
    let run = s.check_with(&["good.inf"], "far.yaml", &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("logn"), "{}", run.stderr);
    assert_bounded(&run.stderr, 300);
}

#[test]
fn a_rule_error_past_column_65535_renders_clipped() {
    let s = Scratch::new();
    let rule = format!(
        "id: GPL901\nname: far\nseverity: warning\napplies_to: right\nwhen: {{{}field: nosuchfield, equals: x}}\nsummary: s\nmessage: m\n",
        " ".repeat(FAR)
    );
    s.write("rules/GPL901-far.yaml", rule.as_bytes());
    let rules = s.path("rules").display().to_string();
    let run = s.check_with(&["good.inf"], "services.yaml", &["--rules", &rules]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("nosuchfield"), "{}", run.stderr);
    assert_bounded(&run.stderr, 300);
}

// ---- explain cells wider than 65,535 (issue 12 item 7) ----

#[test]
fn explain_clips_a_holders_cell_wider_than_65535() {
    let s = Scratch::new();
    let holders: Vec<String> = (0..1_500)
        .map(|i| format!("*S-1-5-21-1004336348-1177238915-682003330-{}", 5000 + i))
        .collect();
    let text = format!("{GOOD}SeBatchLogonRight = {}\r\n", holders.join(","));
    let file = s.write("t.inf", text.as_bytes());
    let expect = s.path("services.yaml").display().to_string();
    let run = gplint(&["explain", &file, "--expect", &expect]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("SeBatchLogonRight"), "{}", run.stdout);
    assert!(run.stdout.contains('…'), "{}", run.stdout);
    assert_bounded(&run.stdout, 400);
}

#[test]
fn explain_clips_an_account_name_wider_than_65535() {
    let s = Scratch::new();
    let yaml = format!(
        "accounts:\n  - name: CONTOSO\\{}\n    logon: [service]\n",
        "a".repeat(FAR)
    );
    s.write("long.yaml", yaml.as_bytes());
    let run = gplint(&[
        "explain",
        &s.path("good.inf").display().to_string(),
        "--expect",
        &s.path("long.yaml").display().to_string(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("CONTOSO\\aaaa"), "{}", run.stdout);
    // The footnote quotes the name in full: it is on its own line, once.
    let widest = run.stdout.lines().map(|l| l.chars().count()).max();
    assert!(widest.is_some_and(|w| w < FAR + 1_000), "{widest:?}");
    let table: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("CONTOSO\\"))
        .collect();
    assert!(!table.is_empty(), "{}", run.stdout);
    for row in table {
        assert!(row.chars().count() <= 400, "{row}");
    }
}

// ---- numbers out of range (issue 12 item 8) ----

/// An account whose password was set long ago and does not expire by
/// declaration: what `MaximumPasswordAge` decides.
const EXPIRING: &str = "target: member-server\naccounts:\n  - name: .\\svc_local\n    password_last_set: 2026-01-01\n    logon: [service]\n";

fn local_service_template(age: &str) -> String {
    format!(
        "{GOOD}SeServiceLogonRight = *S-1-5-21-1004336348-1177238915-682003330-1105,.\\svc_local\r\n[System Access]\r\nMaximumPasswordAge = {age}\r\n"
    )
}

#[test]
fn a_maximum_password_age_past_i64_is_invalid_and_falls_back_to_the_default() {
    let s = Scratch::new();
    s.write("expiring.yaml", EXPIRING.as_bytes());
    for age in ["9223372036854775807", "99999999999999999999", "1000", "-2"] {
        let file = s.write("t.inf", local_service_template(age).as_bytes());
        let run = s.check_with(
            &[&file],
            "expiring.yaml",
            &["--today", "2026-11-30", "--format", "json"],
        );
        assert!(!run.stdout.contains("0000-01-01"), "{age}: {}", run.stdout);
        assert!(!run.stdout.contains("9999-12-31"), "{age}: {}", run.stdout);
        assert!(
            run.stderr.contains("template::setting-out-of-range"),
            "{age}: {}",
            run.stderr
        );
        // As if not defined: Windows' 42 days, so expired on 2026-02-12.
        assert!(run.stdout.contains("2026-02-12"), "{age}: {}", run.stdout);
    }
}

#[test]
fn a_maximum_password_age_of_minus_1_never_expires() {
    let s = Scratch::new();
    s.write("expiring.yaml", EXPIRING.as_bytes());
    let file = s.write("t.inf", local_service_template("-1").as_bytes());
    let run = s.check_with(
        &[&file],
        "expiring.yaml",
        &["--today", "2026-11-30", "--format", "json"],
    );
    assert!(!run.stderr.contains("out-of-range"), "{}", run.stderr);
    assert!(!run.stdout.contains("GPL405"), "{}", run.stdout);
}

#[test]
fn a_domain_policy_value_out_of_range_is_an_error_in_the_yaml() {
    let s = Scratch::new();
    for (value, key) in [
        (
            "{max_password_age_days: 1000, lockout_threshold: 0}",
            "max_password_age_days",
        ),
        (
            "{max_password_age_days: 42, lockout_threshold: 1000}",
            "lockout_threshold",
        ),
    ] {
        let yaml = format!("{EXPECT}domain_policy: {value}\n");
        s.write("policy.yaml", yaml.as_bytes());
        let run = s.check_with(&["good.inf"], "policy.yaml", &[]);
        assert_eq!(run.code, 2, "{value}: {}", run.stderr);
        assert!(
            run.stderr.contains("expect::bad-policy-value"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains(key), "{}", run.stderr);
        assert!(run.stderr.contains("999"), "{}", run.stderr);
    }
}

// ---- control characters (issue 12 item 11) ----

/// [`GOOD`] with a comment long enough that a few control characters are
/// a warning each, not a binary file.
fn padded() -> String {
    format!("{GOOD}; {}\r\n", "padding ".repeat(100))
}

#[test]
fn escape_sequences_in_names_are_shown_escaped_in_human_output() {
    let s = Scratch::new();
    let text = format!(
        "{}SeDenyBatchLogonRight = EVIL\u{1b}]0;owned\u{7}\u{1b}[2J\r\n",
        padded()
    );
    let file = s.write("t\u{1b}[31m.inf", text.as_bytes());
    let yaml = "target: member-server\naccounts:\n  - name: \"CONTOSO\\\\svc\\e[31mred\"\n    logon: [service]\n";
    s.write("esc.yaml", yaml.as_bytes());
    let run = s.check_with(&[&file], "esc.yaml", &[]);
    assert_ne!(run.code, 101, "{}", run.stderr);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(!all.contains('\u{1b}'), "raw ESC in:\n{all}");
    assert!(!all.contains('\u{7}'), "raw BEL in:\n{all}");
    assert!(all.contains("\\u{1b}"), "{all}");
    let expect = s.path("esc.yaml").display().to_string();
    for args in [
        vec!["explain", &file, "--expect", &expect],
        vec!["dump", &file],
    ] {
        let run = gplint(&args);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(!all.contains('\u{1b}'), "{args:?}: raw ESC in:\n{all}");
        assert!(all.contains("\\u{1b}"), "{args:?}: {all}");
    }
}

#[test]
fn escape_sequences_in_a_gpo_display_name_are_shown_escaped() {
    let s = Scratch::new();
    let gpo = "sysvol/contoso.com/Policies/{E3B1C5A7-2D4F-4B6E-8A0C-9F1D3B5E7A26}";
    let ini = format!(
        "[General]\r\nVersion=1\r\nPadding={}\r\ndisplayName=Evil\u{1b}]0;owned\u{7}\u{1b}[2J\r\n",
        "x".repeat(500)
    );
    s.write(&format!("{gpo}/GPT.INI"), ini.as_bytes());
    let template = format!("{}SeDenyBatchLogonRight = EVIL\u{1b}[2J\r\n", padded());
    s.write(
        &format!("{gpo}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf"),
        template.as_bytes(),
    );
    let tree = s.path("sysvol").display().to_string();
    let expect = s.path("services.yaml").display().to_string();
    for args in [
        vec!["dump", tree.as_str()],
        vec!["explain", tree.as_str(), "--expect", expect.as_str()],
        vec!["check", tree.as_str(), "--expect", expect.as_str()],
    ] {
        let run = gplint(&args);
        assert_ne!(run.code, 101, "{args:?}: {}", run.stderr);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(
            !all.contains(['\u{1b}', '\u{7}']),
            "{args:?}: raw control in:\n{all}"
        );
        assert!(all.contains("\\u{1b}"), "{args:?}: {all}");
        if args[0] != "check" {
            assert!(all.contains("Evil\\u{1b}]0;owned\\u{7}"), "{args:?}: {all}");
        }
    }
}

#[test]
fn escape_sequences_stay_escaped_in_json_sarif_github_and_junit() {
    let s = Scratch::new();
    let text = format!("{}SeDenyBatchLogonRight = EVIL\u{1b}[2J\r\n", padded());
    let file = s.write("t.inf", text.as_bytes());
    for format in ["json", "sarif", "github", "junit"] {
        let run = s.check_with(&[&file], "services.yaml", &["--format", format]);
        assert!(!run.stdout.contains('\u{1b}'), "{format}: {}", run.stdout);
        assert!(!run.stderr.contains('\u{1b}'), "{format}: {}", run.stderr);
    }
}

// ---- output amplification (issue 12 item 19) ----

fn unresolved_line(names: usize) -> String {
    let list: Vec<String> = (0..names).map(|i| format!("N{i:05}")).collect();
    format!("{GOOD}SeDenyBatchLogonRight = {}\r\n", list.join(","))
}

fn report_bytes(s: &Scratch, names: usize, format: &str) -> usize {
    let file = s.write("t.inf", unresolved_line(names).as_bytes());
    let run = s.check_with(&[&file], "services.yaml", &["--format", format]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout.len() + run.stderr.len()
}

#[test]
fn doubling_the_names_on_one_line_at_most_doubles_the_report() {
    let s = Scratch::new();
    for format in ["human", "json", "sarif", "github", "junit"] {
        let small = report_bytes(&s, 500, format);
        let large = report_bytes(&s, 1_000, format);
        let ratio = large as f64 / small as f64;
        assert!(
            ratio < 2.2,
            "{format}: {small} → {large} bytes, ×{ratio:.2}"
        );
    }
}

/// `accounts` accounts that need batch logon, which a right of `holders`
/// other names does not grant: GPL101 proposes the whole line to each.
fn proposals(s: &Scratch, holders: usize, accounts: usize, format: &str) -> usize {
    let list: Vec<String> = (0..holders)
        .map(|i| format!("*S-1-5-21-1004336348-1177238915-682003330-{}", 5_000 + i))
        .collect();
    let text = format!("{GOOD}SeBatchLogonRight = {}\r\n", list.join(","));
    let file = s.write("t.inf", text.as_bytes());
    let mut yaml = String::from("target: member-server\naccounts:\n");
    for i in 0..accounts {
        yaml.push_str(&format!("  - name: CONTOSO\\u{i:04}\n    logon: [batch]\n"));
    }
    s.write("many.yaml", yaml.as_bytes());
    let run = s.check_with(&[&file], "many.yaml", &["--format", format]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.stdout.len() + run.stderr.len()
}

#[test]
fn doubling_a_long_line_and_the_accounts_it_fails_at_most_doubles_the_report() {
    let s = Scratch::new();
    for format in ["human", "json", "sarif", "github", "junit"] {
        let small = proposals(&s, 200, 20, format);
        let large = proposals(&s, 400, 40, format);
        let ratio = large as f64 / small as f64;
        assert!(
            ratio < 2.3,
            "{format}: {small} → {large} bytes, ×{ratio:.2}"
        );
    }
}

//! `gplint diff --format markdown` (issue 16, point 3): the change as a
//! pull-request comment, built from `Diff` data directly. GitHub refuses
//! a comment over 65,536 characters (the API's `body is too long`
//! error), so the comment must stay under it whatever the diff holds.

use gplint::diagnostic::Severity;
use gplint::diff::{
    Cell, Change, Diff, Expected, FindingChange, FindingView, HoldersChange, Place, State,
    VerdictChange,
};
use gplint::logon_type::LogonType;
use gplint::report::diff_markdown::{MARKER, MAX_CHARS, write};

const DOMAIN: &str = "S-1-5-21-1004336348-1177238915-682003330";

fn cell(state: State, right: &'static str, entry: &str, line: usize) -> Cell {
    Cell {
        state,
        right,
        entry: Some(entry.to_owned()),
        via: Vec::new(),
        place: Some(Place {
            file: "HEAD:gpo/tier1/GptTmpl.inf".to_owned(),
            line,
        }),
        restriction: None,
    }
}

fn verdict(account: &str, scope: &str, before: Cell, after: Cell, breaks: bool) -> Change {
    Change::Verdict(VerdictChange {
        scope: Some(scope.to_owned()),
        account: account.to_owned(),
        logon_type: LogonType::Service,
        expected: breaks.then_some(Expected::Must),
        before: Some(before),
        after: Some(after),
        breaks,
    })
}

/// One refusal that breaks an expectation, one new grant, one holder
/// removed, one finding new.
fn small() -> Diff {
    let sid = format!("*{DOMAIN}-1200");
    let allowed = cell(State::Allowed, "SeServiceLogonRight", &sid, 7);
    let denied = cell(State::Denied, "SeDenyServiceLogonRight", &sid, 8);
    let not_granted = Cell {
        state: State::NotGranted,
        entry: None,
        place: None,
        ..allowed.clone()
    };
    Diff {
        changes: vec![
            verdict("CONTOSO\\svc_app", "tier1", allowed.clone(), denied, true),
            verdict("CONTOSO\\svc_new", "tier1", not_granted, allowed, false),
            Change::Holders(HoldersChange {
                scope: Some("tier1".to_owned()),
                right: "SeBatchLogonRight",
                added: Vec::new(),
                removed: vec![format!("*{DOMAIN}-1130 (CONTOSO\\svc_reports)")],
            }),
            Change::Finding(FindingChange {
                appeared: true,
                finding: FindingView {
                    rule: "GPL001".to_owned(),
                    severity: Severity::Error,
                    message: "CONTOSO\\svc_app cannot log on as a service".to_owned(),
                    scopes: vec!["tier1".to_owned()],
                    account: Some("CONTOSO\\svc_app".to_owned()),
                    logon_type: Some(LogonType::Service),
                },
            }),
        ],
        directory: None,
    }
}

/// `text` without its code spans (a run of backticks to the next run of
/// the same length), where `<` is shown as written, not read as HTML.
fn outside_code(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('`') {
        out.push_str(&rest[..start]);
        let fence_len = rest[start..].chars().take_while(|&c| c == '`').count();
        let fence = "`".repeat(fence_len);
        let after = &rest[start + fence_len..];
        let mut end = None;
        let mut from = 0;
        while let Some(at) = after[from..].find(&fence) {
            let at = from + at;
            let run = after[at..].chars().take_while(|&c| c == '`').count();
            if run == fence_len {
                end = Some(at + fence_len);
                break;
            }
            from = at + run;
        }
        match end {
            Some(end) => rest = &after[end..],
            None => return out + &rest[start..],
        }
    }
    out + rest
}

// ---- markdown comment (issue 16 point 3) ----

#[test]
fn a_small_diff_renders_as_a_stable_comment() {
    let text = write(&small(), ("origin/main:gpo", "HEAD:gpo"));
    assert!(text.starts_with(MARKER), "{text}");
    assert_eq!(text, write(&small(), ("origin/main:gpo", "HEAD:gpo")));
    insta::assert_snapshot!(text);
}

#[test]
fn the_breaking_change_comes_first_in_the_table() {
    let mut diff = small();
    diff.changes.swap(0, 1);
    let text = write(&diff, ("a", "b"));
    let app = text.find("| `CONTOSO\\svc_app`").unwrap();
    let new = text.find("| `CONTOSO\\svc_new`").unwrap();
    assert!(app < new, "{text}");
}

/// Text from the inputs holding a pipe, `<`, backticks and a line break
/// neither splits a row, opens HTML nor ends a code span.
#[test]
fn input_text_cannot_break_the_table_or_inject_html() {
    let hostile = "a|b <script>x</script> ``c`` \n| d |";
    let mut diff = small();
    if let Change::Verdict(v) = &mut diff.changes[0] {
        v.account = hostile.to_owned();
        v.scope = Some(hostile.to_owned());
    }
    if let Change::Finding(f) = &mut diff.changes[3] {
        f.finding.message = hostile.to_owned();
        f.finding.scopes = vec![hostile.to_owned()];
    }
    let text = write(&diff, (hostile, hostile));
    let mut markup = outside_code(&text).replace(MARKER, "");
    for tag in ["<details>", "</details>", "<summary>", "</summary>"] {
        markup = markup.replace(tag, "");
    }
    assert!(!markup.replace("\\<", "").contains('<'), "{markup}");
    for line in text
        .lines()
        .filter(|l| l.starts_with("| ") && !l.contains("---"))
    {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!(cells == 6 || cells == 5, "{cells} bars in {line}");
    }
    assert!(
        text.contains("``` a\\|b <script>x</script> ``c`` "),
        "{text}"
    );
}

/// Thousands of changes with the longest names: the comment stays under
/// GitHub's limit and says how many it left out.
#[test]
fn thousands_of_changes_stay_under_the_comment_limit() {
    let long = "é\u{1b}|`<".repeat(2_000);
    let sid = format!("*{DOMAIN}-1200");
    let allowed = cell(State::Allowed, "SeServiceLogonRight", &long, 7);
    let denied = cell(State::Denied, "SeDenyServiceLogonRight", &sid, 8);
    let mut changes = Vec::new();
    for i in 0..5_000 {
        let account = format!("CONTOSO\\svc_{i}{long}");
        changes.push(verdict(
            &account,
            &long,
            allowed.clone(),
            denied.clone(),
            i % 2 == 0,
        ));
        changes.push(Change::Holders(HoldersChange {
            scope: Some(format!("scope {i}")),
            right: "SeBatchLogonRight",
            added: vec![long.clone()],
            removed: vec![format!("*{DOMAIN}-{i}")],
        }));
    }
    let diff = Diff {
        changes,
        directory: None,
    };
    let text = write(&diff, (&long, &long));
    assert!(text.len() < MAX_CHARS, "{} bytes", text.len());
    assert!(text.chars().count() < MAX_CHARS);
    assert!(text.contains(" more** not shown here"), "no more line");
    // The holder changes still get a share of the comment.
    assert!(text.contains("<details><summary>Logon rights: 10000 holder changes in 5000 rights"));
    assert!(
        text.contains("| `scope 0` | SeBatchLogonRight |"),
        "no holder rows"
    );
    assert!(text.trim_end().ends_with("</details>"));
}

#[test]
fn an_empty_diff_says_nothing_changed() {
    let text = write(&Diff::default(), ("a", "b"));
    assert!(
        text.contains("leaves every declared account's logons"),
        "{text}"
    );
    assert!(
        text.contains("No declared account's logon changes."),
        "{text}"
    );
    assert!(!text.contains("<details>"), "{text}");
}

/// The command line: two folders, the tier1 GPO now denies svc_app's
/// service logon (deny wins, windows-logon-facts.md §2): one breaking row.
#[test]
fn the_command_writes_the_comment_and_keeps_the_exit_code() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let inf = |rights: &str| {
        format!(
            "[Unicode]\nUnicode=yes\n[Version]\nsignature=\"$CHICAGO$\"\nRevision=1\n[Privilege Rights]\n{rights}\n"
        )
    };
    let allow = format!("SeServiceLogonRight = *{DOMAIN}-1200");
    let deny = format!("{allow}\nSeDenyServiceLogonRight = *{DOMAIN}-1200");
    for (side, text) in [("old", &allow), ("new", &deny)] {
        let path = dir.path().join(side).join("tier1");
        std::fs::create_dir_all(&path).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(path.join("GptTmpl.inf"), inf(text)).unwrap_or_else(|e| panic!("{e}"));
    }
    let services = format!(
        "target: member-server\ndomain_sid: {DOMAIN}\nscopes:\n  - name: tier1\n    gpos: [tier1/GptTmpl.inf]\naccounts:\n  - name: CONTOSO\\svc_app\n    sid: {DOMAIN}-1200\n    password_never_expires: true\n    logon: [service]\n"
    );
    std::fs::write(dir.path().join("services.yaml"), services).unwrap_or_else(|e| panic!("{e}"));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gplint"))
        .args([
            "diff",
            "old",
            "new",
            "--expect",
            "services.yaml",
            "--format",
            "markdown",
        ])
        .current_dir(dir.path())
        .env("GPLINT_TODAY", "2026-01-15")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.starts_with(MARKER), "{stdout}");
    assert!(
        stdout.contains("| `CONTOSO\\svc_app` | `tier1` | service | allowed → denied (**breaks** logon) | denied by "),
        "{stdout}"
    );
}

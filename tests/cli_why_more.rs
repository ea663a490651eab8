//! `gplint why` with what users paste (issue 14 item 12) and rules found
//! from their own `detects:` (issue 14 item 13): symbolic names, words
//! and punctuation around a code, the codes around a refused logon,
//! Kerberos codes that share their numbers with Win32 errors, and team
//! rules.
//!
//! Texts and values are sourced in `src/codes/*.rs`: winerror.h of the
//! Windows 10 SDK (System Error Codes pages), MS-ERREF, RFC 4120 §7.5.9,
//! the auditing docs for events 4624, 4625 and 4771, and Task Scheduler's
//! error constants.

mod common;

use common::{Run, gplint};

fn why(code: &str) -> Run {
    gplint(&["why", code])
}

fn why_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["why"];
    all.extend_from_slice(args);
    all.extend(["--format", "json"]);
    let run = gplint(&all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// The ids of the rules that detect the first entry the input names.
fn detecting(args: &[&str]) -> Vec<String> {
    let json = why_json(args);
    (json["matches"][0]["rules"].as_array().unwrap().iter())
        .filter_map(|r| r["id"].as_str().map(str::to_owned))
        .collect()
}

fn assert_known(code: &str, words: &[&str]) {
    let run = why(code);
    assert_eq!(run.code, 0, "{code}: {}", run.stderr);
    for word in words {
        assert!(
            run.stdout.contains(word),
            "{code}: no {word:?} in\n{}",
            run.stdout
        );
    }
}

// ---- what users paste (issue 14 item 12) ----

#[test]
fn symbolic_names_are_read_in_any_case() {
    for (code, words) in [
        (
            "ERROR_LOGON_TYPE_NOT_GRANTED",
            &["Win32 error 1385", "0xC000015B"][..],
        ),
        ("error_logon_type_not_granted", &["Win32 error 1385"]),
        (
            "STATUS_LOGON_TYPE_NOT_GRANTED",
            &["NTSTATUS 0xC000015B STATUS_LOGON_TYPE_NOT_GRANTED maps to Win32 error 1385"],
        ),
        (
            "NT_STATUS_LOGON_TYPE_NOT_GRANTED",
            &["maps to Win32 error 1385"],
        ),
        (
            "KDC_ERR_KEY_EXPIRED",
            &["Kerberos error 0x17", "Password has expired"],
        ),
        ("kdc_err_preauth_failed", &["Kerberos error 0x18"]),
        ("SCHED_E_ACCOUNT_NAME_NOT_FOUND", &["0x80041310"]),
        ("EVENT_SERVICE_LOGON_TYPE_NOT_GRANTED", &["event 7041"]),
    ] {
        assert_known(code, words);
    }
}

#[test]
fn a_kerberos_name_is_never_ambiguous() {
    let json = why_json(&["KDC_ERR_KEY_EXPIRED"]);
    let matches = json["matches"].as_array().unwrap();
    assert_eq!(matches.len(), 1, "{json}");
    assert_eq!(matches[0]["read_as"], "kerberos");
    assert_eq!(matches[0]["kerberos"]["hex"], "0x17");
}

#[test]
fn words_and_punctuation_around_a_code_are_read_past() {
    for (code, name) in [
        ("error 1385", "ERROR_LOGON_TYPE_NOT_GRANTED"),
        ("Error 1069:", "ERROR_SERVICE_LOGON_FAILED"),
        (
            "System error 1069 has occurred.",
            "ERROR_SERVICE_LOGON_FAILED",
        ),
        ("0x80070569.", "ERROR_LOGON_TYPE_NOT_GRANTED"),
        ("(0x80070569)", "ERROR_LOGON_TYPE_NOT_GRANTED"),
        ("0X80070569", "ERROR_LOGON_TYPE_NOT_GRANTED"),
        ("0xc000015b", "STATUS_LOGON_TYPE_NOT_GRANTED"),
        ("Event ID 4625", "An account failed to log on"),
        (
            "ERROR_LOGON_TYPE_NOT_GRANTED.",
            "ERROR_LOGON_TYPE_NOT_GRANTED",
        ),
    ] {
        assert_known(code, &[name]);
    }
}

#[test]
fn the_codes_around_a_refused_logon_are_known() {
    for (code, words) in [
        (
            "0xC0000064",
            &["STATUS_NO_SUCH_USER", "1317", "ERROR_NO_SUCH_USER"][..],
        ),
        (
            "1317",
            &[
                "ERROR_NO_SUCH_USER",
                "The specified account does not exist.",
            ],
        ),
        (
            "0xC0000413",
            &[
                "STATUS_AUTHENTICATION_FIREWALL_FAILED",
                "1935",
                "authentication firewall",
            ],
        ),
        ("1935", &["ERROR_AUTHENTICATION_FIREWALL_FAILED"]),
        (
            "1311",
            &["ERROR_NO_LOGON_SERVERS", "your domain isn't available"],
        ),
        (
            "0x800710E0",
            &[
                "HRESULT_FROM_WIN32(4320)",
                "ERROR_REQUEST_REFUSED",
                "refused the request",
            ],
        ),
        (
            "0x80041310",
            &[
                "SCHED_E_ACCOUNT_NAME_NOT_FOUND",
                "Unable to establish existence of the account specified.",
            ],
        ),
        (
            "4624",
            &["event 4624", "An account was successfully logged on"],
        ),
        (
            "4771",
            &[
                "event 4771",
                "Kerberos pre-authentication failed",
                "Kerberos 0x18",
            ],
        ),
    ] {
        assert_known(code, words);
    }
}

#[test]
fn errors_1327_to_1331_have_their_windows_10_texts() {
    for (code, text) in [
        (
            "1327",
            "Account restrictions are preventing this user from signing in.",
        ),
        (
            "1328",
            "Your account has time restrictions that keep you from signing in right now.",
        ),
        (
            "1329",
            "This user isn't allowed to sign in to this computer.",
        ),
        ("1330", "The password for this account has expired."),
        (
            "1331",
            "This user can't sign in because this account is currently disabled.",
        ),
    ] {
        assert_known(code, &[text]);
    }
}

#[test]
fn kerberos_codes_that_are_also_win32_errors_show_every_reading() {
    for (code, kerberos, win32) in [
        ("0x12", "KDC_ERR_CLIENT_REVOKED", "ERROR_NO_MORE_FILES"),
        ("0x17", "KDC_ERR_KEY_EXPIRED", "ERROR_CRC"),
        ("0x18", "KDC_ERR_PREAUTH_FAILED", "ERROR_BAD_LENGTH"),
    ] {
        let run = why(code);
        assert_eq!(run.code, 0, "{code}: {}", run.stderr);
        assert!(
            run.stdout
                .starts_with(&format!("`{code}` can be read 2 ways:")),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout.contains(&format!("Kerberos error {code}")),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout.contains(kerberos) && run.stdout.contains(win32),
            "{}",
            run.stdout
        );
        let json = why_json(&[code]);
        let kinds: Vec<&str> = (json["matches"].as_array().unwrap().iter())
            .filter_map(|m| m["kind"].as_str())
            .collect();
        assert_eq!(kinds, ["kerberos", "error"], "{code}");
    }
    // 0x25 is no Win32 error: one reading.
    let skew = why("0x25");
    assert_eq!(skew.code, 0);
    assert!(
        skew.stdout
            .starts_with("Kerberos error 0x25 (37), KRB_AP_ERR_SKEW"),
        "{}",
        skew.stdout
    );
    assert!(skew.stdout.contains("Clock skew too great"));
}

#[test]
fn an_unknown_input_still_exits_2_not_known() {
    for code in [
        "1385 and 1069",
        "ERROR_NOPE",
        "error",
        "0x26",
        "KDC_ERR_",
        "",
    ] {
        let run = why(code);
        assert_eq!(run.code, 2, "{code:?}: {}", run.stdout);
        assert!(
            run.stderr.contains("is not known"),
            "{code:?}: {}",
            run.stderr
        );
    }
}

// ---- which rules detect it, from their `detects` (issue 14 item 13) ----

#[test]
fn the_rules_omitted_by_the_prose_search_are_listed() {
    for (code, rules) in [
        ("4625", &["GPL101", "GPL102"][..]),
        ("101", &["GPL101", "GPL102"]),
        ("1069", &["GPL102"]),
        ("7041", &["GPL102"]),
        ("1385", &["GPL202"]),
    ] {
        let found = detecting(&[code]);
        for rule in rules {
            assert!(found.iter().any(|r| r == rule), "{code}: {found:?}");
        }
    }
}

#[test]
fn new_codes_name_the_rules_that_predict_them() {
    for (code, rule) in [
        ("KDC_ERR_KEY_EXPIRED", "GPL405"),
        ("0xC0000064", "GPL403"),
        ("4624", "GPL103"),
        ("4771", "GPL412"),
    ] {
        let found = detecting(&[code]);
        assert!(found.iter().any(|r| r == rule), "{code}: {found:?}");
    }
    // Nothing in a security template causes an authentication firewall.
    assert!(detecting(&["1935"]).is_empty());
}

/// A team rule that mentions 1385 in its prose but declares nothing, and
/// one that declares it.
fn team_rules(dir: &std::path::Path) {
    let base = std::fs::read_to_string(common::fixture(
        "team-rules/GPL901-debug-privilege-granted.yaml",
    ))
    .unwrap();
    let prose = base.replacen(
        "summary: Debug programs is granted to someone",
        "summary: Debug programs is granted to someone, not error 1385 or event 4625",
        1,
    );
    std::fs::write(dir.join("GPL901.yaml"), prose).unwrap();
    let declared = base
        .replacen("id: GPL901", "id: GPL902", 1)
        .replacen("name: debug-privilege-granted", "name: debug-privilege-declared", 1)
        .replacen(
            "applies_to: right\n",
            "applies_to: right\ndetects:\n  errors: [\"0x80070569\", KDC_ERR_PREAUTH_FAILED]\n  events: [4625]\n",
            1,
        );
    std::fs::write(dir.join("GPL902.yaml"), declared).unwrap();
}

#[test]
fn team_rules_are_listed_from_their_detects_only() {
    let dir = tempfile::tempdir().unwrap();
    team_rules(dir.path());
    let rules = dir.path().display().to_string();
    for code in ["1385", "4625", "0x18"] {
        let found = detecting(&[code, "--rules", &rules]);
        assert!(found.iter().any(|r| r == "GPL902"), "{code}: {found:?}");
        assert!(!found.iter().any(|r| r == "GPL901"), "{code}: {found:?}");
    }
    let human = gplint(&["why", "1385", "--rules", &rules]);
    assert!(
        human.stdout.contains("GPL902 debug-privilege-declared"),
        "{}",
        human.stdout
    );
}

#[test]
fn a_team_rule_detecting_an_unknown_code_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let rule = std::fs::read_to_string(common::fixture(
        "team-rules/GPL901-debug-privilege-granted.yaml",
    ))
    .unwrap()
    .replacen(
        "applies_to: right\n",
        "applies_to: right\ndetects:\n  errors: [1358, 24, 4625]\n  events: [4626]\n",
        1,
    );
    std::fs::write(dir.path().join("GPL901.yaml"), rule).unwrap();
    let rules = dir.path().display().to_string();
    let run = gplint(&["why", "1385", "--rules", &rules]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    for words in [
        "`1358` in `detects` is not a code gplint knows",
        "`24` in `detects` names more than one code",
        "KDC_ERR_PREAUTH_FAILED",
        "4625 is event 4625",
        "list it under `events`",
        "event 4626 in `detects` is not an event gplint knows",
        "rule::bad-detects",
    ] {
        assert!(
            run.stderr.contains(words),
            "no {words:?} in\n{}",
            run.stderr
        );
    }
}

#[test]
fn every_built_in_rule_declares_what_it_detects() {
    // An omission must be a decision: the built-in files all carry the key.
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains("\ndetects:\n"), "{}", path.display());
        }
    }
}

//! `gplint why <CODE>`: every spelling of a code, every code and event of
//! the facts file, JSON, and unknown codes.

mod common;

use common::gplint;

#[test]
fn every_spelling_of_1385_gives_the_same_entry() {
    for code in ["1385", "0x569", "0x80070569", "2147943785", "-2147023511"] {
        let run = gplint(&["why", code, "--format", "json"]);
        assert_eq!(run.code, 0, "{code}: {}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let entry = &json["matches"][0];
        assert_eq!(
            entry["win32"]["name"], "ERROR_LOGON_TYPE_NOT_GRANTED",
            "{code}"
        );
        assert_eq!(entry["ntstatus"]["hex"], "0xC000015B");
        assert_eq!(entry["hresult"]["hex"], "0x80070569");
        assert_eq!(entry["hresult"]["signed"], -2_147_023_511_i64);
        let rules: Vec<&str> = entry["rules"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["id"].as_str())
            .collect();
        assert!(rules.contains(&"GPL101"), "{rules:?}");
    }
    let human = gplint(&["why", "0x80070569"]);
    assert!(
        human
            .stdout
            .starts_with("HRESULT 0x80070569 is HRESULT_FROM_WIN32(1385)"),
        "{}",
        human.stdout
    );
    assert!(
        human
            .stdout
            .contains("detected by: GPL101 needed-logon-type-not-granted"),
        "{}",
        human.stdout
    );
}

#[test]
fn every_code_and_event_of_the_facts_file_is_known() {
    let codes = [
        ("1380", "ERROR_LOGON_NOT_GRANTED"),
        ("0xC0000155", "STATUS_LOGON_NOT_GRANTED"),
        ("0xC000015B", "STATUS_LOGON_TYPE_NOT_GRANTED"),
        ("-1073741477", "STATUS_LOGON_TYPE_NOT_GRANTED"),
        ("0xC000006E", "ERROR_ACCOUNT_RESTRICTION"),
        ("1327", "STATUS_ACCOUNT_RESTRICTION"),
        ("0xC000006F", "ERROR_INVALID_LOGON_HOURS"),
        ("0xC0000070", "ERROR_INVALID_WORKSTATION"),
        ("0xC0000071", "ERROR_PASSWORD_EXPIRED"),
        ("0xC0000072", "ERROR_ACCOUNT_DISABLED"),
        ("0xC0000234", "ERROR_ACCOUNT_LOCKED_OUT"),
        ("0xC0000193", "ERROR_ACCOUNT_EXPIRED"),
        ("0xC0000224", "ERROR_PASSWORD_MUST_CHANGE"),
        ("1069", "ERROR_SERVICE_LOGON_FAILED"),
        ("4625", "An account failed to log on"),
        ("7000", "Service failed to start"),
        ("7038", "Service logon failed"),
        ("7041", "EVENT_SERVICE_LOGON_TYPE_NOT_GRANTED"),
        ("101", "JOB_START_FAILED"),
    ];
    for (code, name) in codes {
        let run = gplint(&["why", code]);
        assert_eq!(run.code, 0, "{code}: {}", run.stderr);
        assert!(run.stdout.contains(name), "{code}: {}", run.stdout);
    }
}

#[test]
fn restriction_codes_name_the_rules_that_detect_them() {
    for (code, rule) in [
        ("1331", "GPL401"),
        ("0xC0000071", "GPL405"),
        ("1328", "GPL411"),
        ("1329", "GPL410"),
        ("0x8007052F", "GPL408"),
        ("7041", "GPL101"),
    ] {
        let run = gplint(&["why", code]);
        assert!(run.stdout.contains(rule), "{code}: {}", run.stdout);
    }
}

#[test]
fn an_unknown_code_is_not_known_and_exits_2() {
    for code in ["12345", "0xDEADBEEF", "soon"] {
        let run = gplint(&["why", code]);
        assert_eq!(run.code, 2, "{code}");
        assert!(run.stderr.contains("is not known"), "{}", run.stderr);
    }
    let json = gplint(&["why", "12345", "--format", "json"]);
    assert_eq!(json.code, 2);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["matches"].as_array().map(Vec::len), Some(0));
}

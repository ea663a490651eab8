//! One finding per cause (issue 15 point 1): the same list entry deciding
//! an account's logon in several scopes is one finding that lists them.
//!
//! Source of the verdicts: the facts doc §2 (the template that defines a
//! right last supplies its whole list) and §3 (a right no template defines
//! takes the target's default: on a member server `SeServiceLogonRight`
//! holds only `NT SERVICE\ALL SERVICES`, so a domain account is not granted).

mod common;

use std::path::Path;

use common::gplint;
use serde_json::Value;

// ---- findings grouped by cause (issue 15 point 1) ----

const ACCOUNT: &str = "accounts:\n  - name: CONTOSO\\svc_a\n    sid: S-1-5-21-1004336348-1177238915-682003330-1105\n    password_never_expires: true\n    logon: [service]\n";

/// A template folder: `narrow.inf` and `other.inf` define the service
/// logon right without the account on different lines, `empty.inf`
/// defines no right. Each scope named in `scopes` is `name: template`.
struct Estate {
    dir: tempfile::TempDir,
}

impl Estate {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write(
            "narrow.inf",
            "[Unicode]\nUnicode=yes\n[Privilege Rights]\nSeServiceLogonRight = *S-1-5-20\n",
        );
        write(
            "other.inf",
            "[Unicode]\nUnicode=yes\n[System Access]\nMinimumPasswordAge = 1\n[Privilege Rights]\nSeServiceLogonRight = *S-1-5-19\n",
        );
        write("empty.inf", "[Unicode]\nUnicode=yes\n");
        Estate { dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).to_string_lossy().into_owned()
    }

    /// Writes `services.yaml` with the scopes (`(scope, template)`) and
    /// extra text (waivers), and runs `check` in `format`.
    fn check(&self, scopes: &[(&str, &str)], extra: &str, format: &str) -> common::Run {
        let mut yaml = String::from(
            "target: member-server\ndomain_sid: S-1-5-21-1004336348-1177238915-682003330\nscopes:\n",
        );
        for (scope, template) in scopes {
            let template = self.path(template);
            yaml.push_str(&format!("  - name: {scope}\n    gpos: ['{template}']\n"));
        }
        yaml.push_str(ACCOUNT);
        yaml.push_str(extra);
        let expect = self.dir.path().join("services.yaml");
        std::fs::write(&expect, yaml).unwrap();
        let mut args = vec!["check".to_owned()];
        args.extend(
            scopes
                .iter()
                .map(|(_, t)| self.path(t))
                .collect::<std::collections::BTreeSet<_>>(),
        );
        let expect = expect.to_string_lossy().into_owned();
        args.extend(["--expect".to_owned(), expect, "--format".to_owned()]);
        args.push(format.to_owned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        gplint(&args)
    }
}

fn json(run: &common::Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.stderr))
}

/// The GPL101 findings: (file name, scopes, waived).
fn not_granted(json: &Value) -> Vec<(String, Vec<String>, bool)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "GPL101")
        .map(|f| {
            let file = f["file"].as_str().unwrap_or_default();
            let name = Path::new(file).file_name().unwrap().to_string_lossy();
            let scopes = f["scopes"].as_array().unwrap();
            let scopes = scopes.iter().map(|s| s.as_str().unwrap().to_owned());
            (name.into_owned(), scopes.collect(), !f["waived"].is_null())
        })
        .collect()
}

fn strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

const THREE: [(&str, &str); 3] = [
    ("web", "narrow.inf"),
    ("app", "narrow.inf"),
    ("sql", "narrow.inf"),
];

#[test]
fn the_same_cause_in_three_scopes_is_one_finding_listing_them() {
    let estate = Estate::new();
    let run = estate.check(&THREE, "", "json");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = json(&run);
    assert_eq!(
        not_granted(&json),
        [(
            "narrow.inf".to_owned(),
            strings(&["app", "sql", "web"]),
            false
        )]
    );
    let finding = &json["findings"][0];
    assert_eq!(
        finding["scope"], "app",
        "the first scope, for compatibility"
    );
    assert_eq!(json["summary"]["errors"], 1);

    let human = estate.check(&THREE, "", "human");
    assert_eq!(human.code, 1, "{}", human.stderr);
    let headers: Vec<&str> = human
        .stdout
        .lines()
        .filter(|l| l.starts_with("GPL101"))
        .collect();
    assert_eq!(
        headers,
        ["GPL101 needed-logon-type-not-granted · in 3 scopes: app, sql, web"],
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("gplint: 1 error,"),
        "{}",
        human.stdout
    );
}

#[test]
fn two_causes_stay_two_findings() {
    let estate = Estate::new();
    let scopes = [THREE[0], THREE[1], ("dc", "other.inf")];
    let json = json(&estate.check(&scopes, "", "json"));
    let mut found = not_granted(&json);
    found.sort();
    assert_eq!(
        found,
        [
            ("narrow.inf".to_owned(), strings(&["app", "web"]), false),
            ("other.inf".to_owned(), strings(&["dc"]), false),
        ]
    );
}

#[test]
fn a_default_based_finding_appears_once_with_its_scopes() {
    let estate = Estate::new();
    let scopes = [
        ("b", "empty.inf"),
        ("a", "empty.inf"),
        ("web", "narrow.inf"),
    ];
    let json = json(&estate.check(&scopes, "", "json"));
    let findings = json["findings"].as_array().unwrap();
    let defaults: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "GPL101" && f["from_default"] == true)
        .collect();
    assert_eq!(defaults.len(), 1, "{findings:#?}");
    assert_eq!(defaults[0]["scopes"], serde_json::json!(["a", "b"]));
    assert_eq!(
        defaults[0]["severity"], "warning",
        "lowered: it rests on a default"
    );
    assert!(
        defaults[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("services.yaml")
    );
}

#[test]
fn more_than_five_scopes_show_five_names_and_a_count() {
    let estate = Estate::new();
    let names = ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"];
    let scopes: Vec<(&str, &str)> = names.iter().map(|s| (*s, "narrow.inf")).collect();
    let human = estate.check(&scopes, "", "human");
    assert!(
        human.stdout.contains(
            "GPL101 needed-logon-type-not-granted · in 8 scopes: s1, s2, s3, s4, s5, … (3 more)\n"
        ),
        "{}",
        human.stdout
    );
    let json = json(&estate.check(&scopes, "", "json"));
    assert_eq!(not_granted(&json)[0].1.len(), 8, "JSON lists every scope");
}

const WAIVE_APP: &str = "waivers:\n  - rule: GPL101\n    account: CONTOSO\\svc_a\n    scope: app\n    reason: app moves to a gMSA\n    expires: 2099-12-31\n";

#[test]
fn a_cause_waived_in_one_scope_splits_into_the_waived_and_the_live_part() {
    let estate = Estate::new();
    let run = estate.check(&THREE, WAIVE_APP, "json");
    assert_eq!(run.code, 1, "sql and web still fail: {}", run.stderr);
    let json = json(&run);
    let mut found = not_granted(&json);
    found.sort_by_key(|f| f.2);
    assert_eq!(
        found,
        [
            ("narrow.inf".to_owned(), strings(&["sql", "web"]), false),
            ("narrow.inf".to_owned(), strings(&["app"]), true),
        ]
    );
    assert_eq!(json["summary"]["errors"], 1);
    assert_eq!(json["summary"]["waived"], 1);

    let human = estate.check(&THREE, WAIVE_APP, "human");
    let out = &human.stdout;
    assert!(
        out.contains("GPL101 needed-logon-type-not-granted · in 2 scopes: sql, web\n"),
        "{out}"
    );
    assert!(
        out.contains("GPL101 needed-logon-type-not-granted · scope app ("),
        "the waived line names its scope: {out}"
    );
    assert!(
        out.contains("waived: app moves to a gMSA, until 2099-12-31"),
        "{out}"
    );
}

#[test]
fn a_cause_waived_in_every_scope_is_one_waived_finding_and_exits_0() {
    let estate = Estate::new();
    let mut waivers = String::from("waivers:\n");
    for scope in ["app", "sql", "web"] {
        waivers.push_str(&format!(
            "  - rule: GPL101\n    scope: {scope}\n    reason: moves to a gMSA\n    expires: 2099-12-31\n"
        ));
    }
    let run = estate.check(&THREE, &waivers, "json");
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        not_granted(&json(&run)),
        [(
            "narrow.inf".to_owned(),
            strings(&["app", "sql", "web"]),
            true
        )]
    );
}

#[test]
fn junit_fails_the_case_of_every_scope_of_a_grouped_finding() {
    let estate = Estate::new();
    let run = estate.check(&THREE, "", "junit");
    let failing = run.stdout.matches("<failure").count();
    assert_eq!(failing, 3, "{}", run.stdout);
    for scope in ["app", "sql", "web"] {
        assert!(
            run.stdout.contains(&format!("classname=\"{scope}\"")),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn sarif_and_github_name_every_scope() {
    let estate = Estate::new();
    let sarif: Value = serde_json::from_str(&estate.check(&THREE, "", "sarif").stdout).unwrap();
    let result = &sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "GPL101")
        .unwrap()["properties"];
    assert_eq!(result["scope"], "app");
    assert_eq!(result["scopes"], serde_json::json!(["app", "sql", "web"]));
    let github = estate.check(&THREE, "", "github").stdout;
    let errors: Vec<&str> = github
        .lines()
        .filter(|l| l.starts_with("::error"))
        .collect();
    assert_eq!(errors.len(), 1, "{github}");
    assert!(
        errors[0].contains("(in 3 scopes%3A app%2C sql%2C web)"),
        "{github}"
    );
}

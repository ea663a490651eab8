//! A complete rule file for tests to load, break and combine.

/// A valid rule file, GPL101, as the built-in pack would hold it.
pub(super) const BASE: &str = r#"id: GPL101
name: needed-logon-type-not-granted
severity: error
applies_to: expectation
when:
  all:
    - field: expectation
      equals: must
    - field: verdict
      equals: not-granted
summary: A needed logon type is not granted
message: "{account} cannot {logon_description}: {right} holds neither the account nor any of its groups"
help: "add the account, or a group it belongs to, to {right}"
symptom: "{symptom}"
docs: |
  Reports an account that must log on with a logon type whose right
  holds neither the account nor any of its groups.
tests:
  invalid:
    - template: |
        [Privilege Rights]
        SeServiceLogonRight = *S-1-5-80-0
      expect: |
        accounts:
          - name: CONTOSO\svc_sql
            logon: [service]
  valid:
    - template: |
        [Privilege Rights]
        SeServiceLogonRight = CONTOSO\svc_sql
"#;

/// [`BASE`] with another id and name.
pub(super) fn rule_text(id: &str, name: &str) -> String {
    BASE.replacen("GPL101", id, 1)
        .replacen("needed-logon-type-not-granted", name, 1)
}

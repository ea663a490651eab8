//! The human form of `gplint dump`.

use std::fmt::Write;

use super::dump_view::{DumpView, HolderView};
use super::visible::visible_owned;
use crate::rights::LogonEffect;
use crate::template::SettingValue;

/// Writes the view as indented text, one right or setting per line.
pub fn write(view: &DumpView<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", view.file, view.encoding.label());
    write_rights(&mut out, view);
    write_memberships(&mut out, view);
    for settings in &view.settings {
        let _ = writeln!(out, "\n[{}]", settings.section);
        for s in &settings.values {
            let _ = writeln!(
                out,
                "  {} = {}    line {}{}",
                s.key,
                value_text(&s.value),
                s.at.line,
                comment_text(s.comment)
            );
        }
    }
    if !view.registry_values.is_empty() {
        let _ = writeln!(out, "\n[Registry Values]");
        for v in &view.registry_values {
            let data = v.data.join(",");
            let _ = writeln!(
                out,
                "  {} = {} {}    line {}{}",
                v.path,
                v.kind,
                data,
                v.at.line,
                comment_text(v.comment)
            );
        }
    }
    for other in &view.other_sections {
        let _ = writeln!(
            out,
            "\n[{}]  kept as written, {} lines",
            other.name, other.lines
        );
    }
    let _ = writeln!(
        out,
        "\n{} warning{}",
        view.warnings.len(),
        plural(view.warnings.len())
    );
    visible_owned(out)
}

fn write_rights(out: &mut String, view: &DumpView<'_>) {
    if view.privilege_rights.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n[Privilege Rights]");
    for right in &view.privilege_rights {
        let name = right.display_name.unwrap_or("unknown right");
        let logon = right.logon.map(logon_text).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} ({name}){logon}    line {}{}",
            right.right,
            right.at.line,
            comment_text(right.comment)
        );
        if right.holders.is_empty() {
            let _ = writeln!(out, "    (defined, nobody)");
        }
        for holder in &right.holders {
            let _ = writeln!(out, "    {}", holder_text(holder));
        }
    }
}

fn write_memberships(out: &mut String, view: &DumpView<'_>) {
    if view.group_membership.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n[Group Membership]");
    for m in &view.group_membership {
        let relation = match m.relation {
            crate::template::Relation::Members => "members (replaced)",
            crate::template::Relation::MemberOf => "member of (added to)",
        };
        let _ = writeln!(
            out,
            "  {} {relation}    line {}{}",
            holder_text(&m.group),
            m.group.at.line,
            comment_text(m.comment)
        );
        if m.values.is_empty() {
            let _ = writeln!(out, "    (nobody)");
        }
        for value in &m.values {
            let _ = writeln!(out, "    {}", holder_text(value));
        }
    }
}

/// `    ; words` after a line that carries a comment.
fn comment_text(comment: Option<&str>) -> String {
    comment.map(|c| format!("    ; {c}")).unwrap_or_default()
}

fn logon_text(effect: LogonEffect) -> String {
    match effect {
        LogonEffect::Allow(t) => format!(", allows {} logon", t.as_str()),
        LogonEffect::Deny(t) => format!(", denies {} logon", t.as_str()),
    }
}

/// `written  →  SID  name (kind)`, with what is known.
fn holder_text(holder: &HolderView<'_>) -> String {
    let mut parts = vec![holder.written.to_owned()];
    if let Some(sid) = holder
        .sid
        .as_deref()
        .filter(|sid| !holder.written.ends_with(sid))
    {
        parts.push(sid.to_owned());
    }
    if let Some(rid) = &holder.relative_rid {
        parts.push(format!("<{}>-{}", rid.to, rid.rid));
    }
    if let Some(name) = holder
        .name
        .as_deref()
        .filter(|name| *name != holder.written)
    {
        parts.push(name.to_owned());
    }
    match holder.kind {
        Some(kind) => parts.push(format!("({})", kind_text(kind))),
        None if holder.sid.is_none() && holder.relative_rid.is_none() => {
            parts.push("(not a well-known name)".to_owned());
        }
        None => {}
    }
    parts.join("  ")
}

fn kind_text(kind: crate::principal::PrincipalKind) -> &'static str {
    use crate::principal::PrincipalKind;
    match kind {
        PrincipalKind::Account => "account",
        PrincipalKind::Group => "group",
        PrincipalKind::Placeholder => "placeholder",
        PrincipalKind::Label => "integrity label",
    }
}

fn value_text(value: &SettingValue<'_>) -> String {
    match value {
        SettingValue::Integer(n) => n.to_string(),
        SettingValue::Text(text) => format!("\"{text}\""),
        SettingValue::Raw(raw) => (*raw).to_owned(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

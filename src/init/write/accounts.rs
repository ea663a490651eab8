//! `groups:` and `accounts:`: a stub for every principal to declare.

use super::{Out, listed};
use crate::init::declare::is_virtual_sid;
use crate::init::plan::Plan;
use crate::init::principals::{Effect, Principal};
use crate::init::yaml;
use crate::logon_type::LogonType;

/// The prefix of the placeholder name of a principal written only as a SID.
const UNRESOLVED: &str = "UNRESOLVED";

/// How many GPOs a `today:` line names before it says how many more.
const GPOS_SHOWN: usize = 3;

/// Writes an empty `groups:` with what belongs there.
pub fn groups(out: &mut Out) {
    out.line("# Directory groups the templates cannot see. A template does not say");
    out.line("# whether a name is an account or a group, so every principal is under");
    out.line("# accounts: below; move each group here (name, sid, and member_of: the");
    out.line("# machine's groups it is in) and declare under accounts: the members");
    out.line("# whose logons matter, with member_of naming the group.");
    out.line("groups: []");
}

/// Writes one stub per principal, or the example account.
pub fn accounts(out: &mut Out, plan: &Plan) {
    let proposed = plan
        .directory
        .as_ref()
        .is_some_and(|d| !d.proposals.is_empty());
    if plan.principals.is_empty() && proposed {
        out.line("accounts:");
        return;
    }
    if plan.principals.is_empty() {
        example(out);
        return;
    }
    out.line("# Every account and group the ten logon rights name that is not well known,");
    out.line("# in order of first appearance. logon: lists the logon types today's allow");
    out.line("# rights grant it (no_logon:, for one only denied, those the deny rights");
    out.line("# refuse): it repeats today's templates and must be reviewed.");
    out.line("accounts:");
    for (at, principal) in plan.principals.iter().enumerate() {
        if at > 0 {
            out.blank();
        }
        stub(out, principal, plan);
    }
}

/// `check` refuses a file without accounts, so a file for templates that
/// name none still gets one, plainly marked.
fn example(out: &mut Out) {
    out.line("# The logon rights name no account or group that is not well known. The");
    out.line("# account below is an EXAMPLE, there so that check has something to check:");
    out.line("# replace it with your service accounts and users.");
    out.line("accounts:");
    out.line("  - name: 'CONTOSO\\svc_example'  # EXAMPLE: replace it");
    out.line("    logon: [service]");
}

fn stub(out: &mut Out, principal: &Principal, plan: &Plan) {
    for note in notes(principal) {
        out.line(format!("  # {note}"));
    }
    if let Some(resolved) = &principal.resolved {
        out.line(format!("  # Named by {};", resolved.by));
        if principal.in_directory {
            out.line("  # the templates write only its SID.");
        } else {
            out.line("  # the templates write only its SID, which is kept below.");
        }
    }
    for ((effect, logon), gpos) in &principal.seen {
        let verb = match effect {
            Effect::Allow => "granted",
            Effect::Deny => "denied",
        };
        let names = listed(gpos.iter().take(GPOS_SHOWN).map(|&gpo| plan.name(gpo)));
        let more = match gpos.len().saturating_sub(GPOS_SHOWN) {
            0 => String::new(),
            hidden => format!(" and {hidden} more"),
        };
        out.line(format!(
            "  # today: {} {verb} by {names}{more}",
            logon.as_str()
        ));
    }
    out.line(format!("  - name: {}", yaml::quote(&name(principal))));
    if let (None, Some(sid), false) = (&principal.name, principal.sid, principal.in_directory) {
        out.line(format!("    sid: {sid}"));
        if is_virtual_sid(&sid) {
            out.line("    kind: virtual");
        }
    }
    if let Some(scopes) = scopes(principal, plan) {
        out.line(format!("    scopes: [{scopes}]"));
    }
    let allowed = principal.types(Effect::Allow);
    if allowed.is_empty() {
        out.line(format!(
            "    no_logon: [{}]",
            types(&principal.types(Effect::Deny))
        ));
    } else {
        out.line(format!("    logon: [{}]", types(&allowed)));
    }
}

/// The name to declare: as written, else as resolved, else a placeholder
/// that says what to do.
fn name(principal: &Principal) -> String {
    if let (None, Some(resolved)) = (&principal.name, &principal.resolved) {
        return resolved.name.clone();
    }
    match (&principal.name, principal.sid) {
        (Some(name), _) => name.clone(),
        (None, Some(sid)) => format!("{UNRESOLVED}\\{sid}"),
        (None, None) => UNRESOLVED.to_owned(),
    }
}

/// What a reader should know about this principal before editing it.
fn notes(principal: &Principal) -> Vec<&'static str> {
    let mut notes = Vec::new();
    match principal.name.as_deref() {
        None if principal.resolved.is_some() => {}
        None if principal.sid.is_some_and(|sid| is_virtual_sid(&sid)) => {
            notes.push("Named only by SID: a virtual account (service, application pool or VM);");
            notes.push("for a service, write service: NAME in place of name, sid and kind.");
        }
        None => notes.push("Named only by SID in the templates: write its real name."),
        Some(name) if name.ends_with('$') => {
            notes.push("A group managed service account: the name ends in $.");
        }
        Some(name) if !name.contains('\\') => {
            notes.push("A bare name: a local account or group, or a placeholder left in a");
            notes.push("template; write DOMAIN\\name for a domain account or group.");
        }
        Some(_) => {}
    }
    if principal.types(Effect::Allow).is_empty() {
        notes.push("Only denied today: no_logon: repeats the deny rights.");
    }
    notes
}

/// The scopes whose chains name the principal, when that is not all of
/// them: an expectation read off one GPO holds where that GPO applies.
fn scopes(principal: &Principal, plan: &Plan) -> Option<String> {
    let all = &plan.links.scopes;
    let named: Vec<&str> = all
        .iter()
        .filter(|scope| {
            scope
                .chain
                .iter()
                .any(|step| principal.gpos().any(|gpo| gpo == step.gpo))
        })
        .map(|scope| scope.path.as_str())
        .collect();
    let partial = !named.is_empty() && named.len() < all.len();
    partial.then(|| listed(named))
}

fn types(types: &[LogonType]) -> String {
    let names: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
    names.join(", ")
}

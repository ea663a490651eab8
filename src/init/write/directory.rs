//! `directory:`, the domain's own account policy, and the service
//! accounts the directory proposes.

use super::Out;
use crate::init::directory::{DirectoryPlan, DomainValues};
use crate::init::yaml;

/// Writes `directory:` with the exports given.
pub fn paths(out: &mut Out, plan: &DirectoryPlan) {
    out.line("# The directory exports the accounts' SIDs, groups and facts come from,");
    out.line("# relative to this file's folder: move them with it, or fix the paths.");
    let paths: Vec<String> = plan.paths.iter().map(|p| yaml::quote(p)).collect();
    out.line(format!("directory: [{}]", paths.join(", ")));
}

/// Writes `domain_policy:` with the domain object's values.
pub fn domain_policy(out: &mut Out, values: &DomainValues) {
    out.line("# Domain accounts without a fine-grained policy (PSO) take password and");
    out.line(format!(
        "# lockout policy from the domain object of {} ({}).",
        yaml::comment(&values.domain),
        yaml::comment(&values.place)
    ));
    out.line(format!(
        "domain_policy: {{max_password_age_days: {}, lockout_threshold: {}}}",
        values.max_password_age_days, values.lockout_threshold
    ));
    out.blank();
}

/// Writes the proposed service accounts, after the stubs; `first` when
/// no stub came before them.
pub fn proposals(out: &mut Out, plan: &DirectoryPlan, first: bool) {
    if plan.proposals.is_empty() {
        return;
    }
    if !first {
        out.blank();
    }
    out.line("  # The domain's service accounts that no logon right names, proposed");
    out.line("  # from the directory: logon: is what their SPN, kind or groups' rights");
    out.line("  # suggest. Keep those whose logons matter; their SID, groups and facts");
    out.line("  # come from the directory.");
    for (at, proposal) in plan.proposals.iter().enumerate() {
        if at > 0 {
            out.blank();
        }
        for why in &proposal.why {
            out.line(format!("  # {}", yaml::comment(why)));
        }
        out.line(format!(
            "  - name: {}  # {}",
            yaml::quote(&proposal.name),
            yaml::comment(&proposal.place)
        ));
        let logon: Vec<&str> = proposal.logon.iter().map(|t| t.as_str()).collect();
        out.line(format!("    logon: [{}]", logon.join(", ")));
    }
}

//! `domain_policy:`, from the GPOs linked at the domain root.
//!
//! Password and lockout policy reaches domain accounts only from there: a
//! GPO linked lower sets it for the local accounts of the machines it
//! reaches (windows-itpro-docs `account-policies.md`; KB 255550).

use super::{Out, listed};
use crate::init::links::LinkedScope;
use crate::init::plan::Plan;
use crate::init::{som, yaml};

/// Writes `domain_policy:` with the GPOs linked at the one domain root the
/// links show, in the scope's order; with links at several domain roots, a
/// comment naming them; with none, nothing (`check` then looks for the
/// Default Domain Policy among its inputs).
pub fn write(out: &mut Out, plan: &Plan) {
    let roots: Vec<&LinkedScope> = plan
        .links
        .scopes
        .iter()
        .filter(|scope| som::parts(&scope.path).len() == 1)
        .collect();
    match roots.as_slice() {
        [] => {}
        [root] => one(out, root, plan),
        several => {
            out.line("# No domain_policy: GPOs are linked at more than one domain root");
            let names = several.iter().map(|scope| scope.path.as_str());
            out.line(format!(
                "# ({}). Domain accounts take password and",
                listed(names)
            ));
            out.line("# lockout policy only from their own domain's root; name its GPOs:");
            out.line("# domain_policy: ['Default Domain Policy']");
            out.blank();
        }
    }
}

fn one(out: &mut Out, root: &LinkedScope, plan: &Plan) {
    out.line("# Domain accounts take password and lockout policy (MaximumPasswordAge,");
    out.line("# LockoutBadCount) only from the GPOs linked at the domain root; a GPO");
    out.line("# linked lower sets it for the machines' local accounts alone. These are");
    out.line(format!(
        "# linked at {}, lowest precedence first:",
        yaml::comment(&root.path)
    ));
    out.line("domain_policy:");
    for step in &root.chain {
        out.line(format!("  - {}", yaml::quote(plan.reference(step.gpo))));
    }
    out.blank();
}

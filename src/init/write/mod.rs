//! Writing the file, section by section.

mod accounts;
mod directory;
mod domain_policy;
mod header;
mod machine;
mod out;
mod scopes;

use out::Out;

use super::plan::Plan;

/// The whole file.
pub fn document(plan: &Plan, paths: &[String]) -> String {
    let mut out = Out::default();
    header::write(&mut out, paths);
    out.blank();
    machine::target(&mut out, &plan.target, !plan.links.scopes.is_empty());
    out.blank();
    machine::domain_sid(&mut out, &plan.domains);
    out.blank();
    if let Some(directory) = &plan.directory {
        directory::paths(&mut out, directory);
        out.blank();
    }
    match plan.directory.as_ref().and_then(|d| d.policy.as_ref()) {
        Some(values) => directory::domain_policy(&mut out, values),
        None => domain_policy::write(&mut out, plan),
    }
    scopes::write(&mut out, plan);
    out.blank();
    accounts::groups(&mut out);
    out.blank();
    accounts::accounts(&mut out, plan);
    if let Some(directory) = &plan.directory {
        directory::proposals(&mut out, directory, plan.principals.is_empty());
    }
    out.finish()
}

/// GPO names for a comment: each quoted, comma-separated.
fn listed<'n>(names: impl IntoIterator<Item = &'n str>) -> String {
    let quoted: Vec<String> = names.into_iter().map(super::yaml::quote).collect();
    quoted.join(", ")
}

//! `scopes:`, from links, or a comment saying why there are none.

use super::{Out, listed};
use crate::discover::GpoKind;
use crate::init::links::{LinkedScope, Step};
use crate::init::plan::Plan;
use crate::init::{som, target, yaml};
use crate::model::Target;

/// How many GPOs the example scope of a file without scopes lists.
const EXAMPLE_GPOS: usize = 3;

/// Writes the scopes inferred from links, and the GPOs they leave out.
pub fn write(out: &mut Out, plan: &Plan) {
    if plan.links.scopes.is_empty() {
        no_scopes(out, plan);
        return;
    }
    explain(out);
    out.line("scopes:");
    for scope in &plan.links.scopes {
        one(out, scope, plan);
    }
    left_out(out, plan);
}

fn explain(out: &mut Out) {
    out.line("# One scope per domain or OU the backups' gpreport.xml shows GPOs linked");
    out.line("# to (enabled links only), named after it. Each lists the GPOs that reach");
    out.line("# a computer there, lowest precedence first: those linked at the domain,");
    out.line("# then at each OU down to this one, then the enforced links from this");
    out.line("# container up, since an enforced link higher up wins over all below it.");
    out.line("# Check by hand what gplint could not infer:");
    out.line("#   - link order within one container: gpreport.xml does not record it,");
    out.line("#     so GPOs linked at one container are in display-name order; reorder");
    out.line("#     them by GPMC's Link Order, link order 1 last (it wins)");
    out.line("#   - block inheritance on an OU, which drops the links above it except");
    out.line("#     enforced ones");
    out.line("#   - security filtering and WMI filters, which decide whether a GPO");
    out.line("#     applies to a given computer at all");
    out.line("#   - site links, and GPOs without links: they are in no scope (below)");
    out.line("#   - SYSVOL copies and template files, which carry no link information");
    out.line("# With scopes present, check evaluates only these chains: a GPO in no");
    out.line("# scope is not checked.");
}

fn one(out: &mut Out, scope: &LinkedScope, plan: &Plan) {
    out.line(format!("  - name: {}", yaml::quote(&scope.path)));
    if let Some((target, because)) = scope_target(scope, plan) {
        out.line(format!(
            "    target: {}  # a guess from the name {}",
            target.as_str(),
            listed([because.as_str()])
        ));
    }
    out.line("    gpos:");
    for step in &scope.chain {
        out.line(format!(
            "      - {}  # {}",
            yaml::quote(plan.reference(step.gpo)),
            yaml::comment(&why(step))
        ));
    }
}

fn why(step: &Step) -> String {
    if step.enforced {
        format!("linked at {}, enforced", step.at)
    } else {
        format!("linked at {}", step.at)
    }
}

/// The scope's own target when its names suggest one other than the
/// top-level target: first the OUs of its path, deepest first (the
/// domain's DNS name says nothing), then the GPOs linked right there.
fn scope_target(scope: &LinkedScope, plan: &Plan) -> Option<(Target, String)> {
    let parts = som::parts(&scope.path);
    let from_path = parts
        .iter()
        .skip(1)
        .rev()
        .find_map(|part| target::hint(part).map(|t| (t, (*part).to_owned())));
    let here = som::fold(&scope.path);
    let linked_here = scope
        .chain
        .iter()
        .filter(|step| som::fold(&step.at) == here)
        .map(|step| plan.name(step.gpo));
    let from_gpos = || {
        let guess = target::guess(linked_here);
        let first = guess.hints.first().cloned();
        first
            .filter(|_| !guess.conflicting())
            .map(|(name, t)| (t, name))
    };
    from_path
        .or_else(from_gpos)
        .filter(|(target, _)| *target != plan.target.target)
}

/// GPOs with a template that no scope lists, and why.
fn left_out(out: &mut Out, plan: &Plan) {
    let links = &plan.links;
    let mut lines: Vec<String> = Vec::new();
    for &gpo in links.unlinked.iter().chain(&links.without_links) {
        if !plan.has_template.get(gpo).copied().unwrap_or(false) {
            continue;
        }
        let why = match plan.kinds.get(gpo) {
            Some(GpoKind::Backup) => "no enabled link",
            Some(GpoKind::Sysvol) => "a SYSVOL copy, which has no link information",
            _ => "a template file, which has no link information",
        };
        lines.push(format!("#   {}: {why}", listed([plan.name(gpo)])));
    }
    for (gpo, site) in &links.sites {
        let (gpo, site) = (listed([plan.name(*gpo)]), yaml::comment(site));
        lines.push(format!(
            "#   {gpo}: its link to the site {site} (a site's GPOs apply before the domain's)"
        ));
    }
    if lines.is_empty() {
        return;
    }
    out.line("# Left out of every scope, so not checked while scopes: is present; add");
    out.line("# them to the scopes they apply to by hand:");
    for line in lines {
        out.line(line);
    }
}

/// Without links, `check` has its own way to evaluate the inputs; say so
/// and show how a scope would look.
fn no_scopes(out: &mut Out, plan: &Plan) {
    out.line("# No scopes:");
    for line in reasons(plan) {
        out.line(line);
    }
    out.line("# Without scopes, check evaluates the template files given on the");
    out.line("# command line as one chain, in the order given (the last one wins), and");
    out.line("# each GPO found in a folder alone. To check GPOs that apply together,");
    out.line("# add a scope per kind of machine, GPOs lowest precedence first:");
    out.line("# scopes:");
    out.line("#   - name: member-servers");
    out.line(format!("#     gpos: [{}]", example_gpos(plan)));
}

fn reasons(plan: &Plan) -> Vec<&'static str> {
    let has = |kind: GpoKind| plan.kinds.contains(&kind);
    let mut lines = Vec::new();
    if has(GpoKind::Backup) {
        lines.push("#   - no backup's gpreport.xml links a GPO to a domain or OU (disabled");
        lines.push("#     links and links to sites do not count)");
    }
    if has(GpoKind::Sysvol) || has(GpoKind::File) {
        lines.push("#   - SYSVOL copies and template files carry no link information");
    }
    if lines.is_empty() {
        lines.push("#   - no GPO was read");
    }
    lines
}

fn example_gpos(plan: &Plan) -> String {
    let with_template = (0..plan.refs.len())
        .filter(|&gpo| plan.has_template.get(gpo).copied().unwrap_or(false))
        .map(|gpo| yaml::comment(&yaml::quote(plan.reference(gpo))))
        .take(EXAMPLE_GPOS);
    let listed: Vec<String> = with_template.collect();
    if listed.is_empty() {
        "'Default Domain Policy', 'Servers Baseline'".to_owned()
    } else {
        listed.join(", ")
    }
}

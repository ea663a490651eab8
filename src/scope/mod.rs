//! Which chains of GPOs to evaluate, and for which accounts.
//!
//! With scopes declared in the expectations file, each scope is one chain:
//! its GPOs in precedence order, lowest first, each named by display name,
//! GUID or path. Without scopes, the template files given on the command
//! line form one chain in the order given, and each GPO found in a
//! directory is evaluated alone, so that a GPO which would break an account
//! if it won is still reported.

mod domain;
mod index;
mod members;
mod resolve;

use crate::diagnostic::Diagnostic;
use crate::discover::Gpo;
use crate::expect::{DomainPolicyDecl, Expectations};
use crate::model::Target;

pub use index::GpoIndex;
pub use members::ScopeMembers;
pub use resolve::{resolve_gpo, resolve_indexed};

/// How a GPO reached the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A template file named on the command line.
    File,
    /// Found in a directory named on the command line.
    Directory,
}

/// One chain to evaluate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chain {
    /// The scope's name; for a GPO evaluated alone, its label; `None` for
    /// the command line's files without declared scopes.
    pub scope: Option<String>,
    /// Whether `scope` names a declared scope (which filters accounts).
    pub declared: bool,
    /// The machine type whose defaults apply.
    pub target: Target,
    /// Indices into the GPO list, lowest precedence first; GPOs without a
    /// template are left out, since they contribute nothing.
    pub gpos: Vec<usize>,
    /// The GPOs linked at the domain root, lowest precedence first, whose
    /// password and lockout policy governs domain accounts: the same for
    /// every chain of a run.
    pub domain: Vec<usize>,
}

/// Plans the chains. Errors point into the expectations file: a GPO a
/// scope or `domain_policy` names that is not found, or that matches two
/// GPOs.
pub fn plan(
    gpos: &[Gpo],
    origins: &[Origin],
    expect: &Expectations,
) -> Result<Vec<Chain>, Vec<Diagnostic>> {
    let names_domain_gpos = matches!(expect.domain_policy, Some(DomainPolicyDecl::Gpos(_)));
    // Resolving names needs the index; without names it is not built.
    let index = if expect.scopes.is_empty() && !names_domain_gpos {
        GpoIndex::default()
    } else {
        GpoIndex::new(gpos)
    };
    let mut errors = Vec::new();
    let domain = domain::domain_gpos(gpos, &index, expect, &mut errors);
    let mut chains = if expect.scopes.is_empty() {
        unscoped(gpos, origins, expect.target)
    } else {
        scoped(gpos, &index, expect, &mut errors)
    };
    for chain in &mut chains {
        chain.domain.clone_from(&domain);
    }
    if errors.is_empty() {
        Ok(chains)
    } else {
        Err(errors)
    }
}

/// One chain per declared scope.
fn scoped(
    gpos: &[Gpo],
    index: &GpoIndex,
    expect: &Expectations,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Chain> {
    let mut chains = Vec::new();
    for scope in &expect.scopes {
        let mut chain = Chain {
            scope: Some(scope.name.value.clone()),
            declared: true,
            target: scope.target,
            gpos: Vec::new(),
            domain: Vec::new(),
        };
        for entry in &scope.gpos {
            match resolve_indexed(&entry.value, entry.span, gpos, index) {
                Ok(index) if has_template(gpos, index) => chain.gpos.push(index),
                Ok(_) => {}
                Err(error) => errors.push(error),
            }
        }
        chains.push(chain);
    }
    chains
}

fn has_template(gpos: &[Gpo], index: usize) -> bool {
    gpos.get(index).is_some_and(|gpo| gpo.template.is_some())
}

fn unscoped(gpos: &[Gpo], origins: &[Origin], target: Target) -> Vec<Chain> {
    let files: Vec<usize> = (0..gpos.len())
        .filter(|&i| origins.get(i) == Some(&Origin::File) && has_template(gpos, i))
        .collect();
    let mut chains = Vec::new();
    if !files.is_empty() {
        chains.push(Chain {
            scope: None,
            declared: false,
            target,
            gpos: files,
            domain: Vec::new(),
        });
    }
    let alone = (0..gpos.len())
        .filter(|&i| origins.get(i) == Some(&Origin::Directory) && has_template(gpos, i));
    for index in alone {
        chains.push(Chain {
            scope: gpos.get(index).map(Gpo::label),
            declared: false,
            target,
            gpos: vec![index],
            domain: Vec::new(),
        });
    }
    chains
}

/// The expectations restricted to one chain: the accounts whose `scopes`
/// include it, and the chain's target. Of the scopes only the chain's own
/// stays, so its `hosts` are the machines the evaluation is about; the
/// others and the waivers are left out: the chain is planned already,
/// waivers apply to the whole run, and copying every scope into every
/// chain would grow with the square of the forest. `members` finds the
/// chain's scope and accounts by name, so a chain costs its own accounts,
/// not every account of the file.
pub fn expectations_for(
    expect: &Expectations,
    members: &ScopeMembers,
    chain: &Chain,
) -> Expectations {
    Expectations {
        target: chain.target,
        target_span: expect.target_span,
        domain_sid: expect.domain_sid.clone(),
        nla: expect.nla.clone(),
        domain_policy: expect.domain_policy.clone(),
        scopes: members
            .scope_of(chain)
            .and_then(|at| expect.scopes.get(at))
            .cloned()
            .into_iter()
            .collect(),
        groups: expect.groups.clone(),
        accounts: members
            .accounts_of(expect, chain)
            .into_iter()
            .filter_map(|at| expect.accounts.get(at).cloned())
            .collect(),
        waivers: Vec::new(),
        rule_levels: Vec::new(),
        directories: Vec::new(),
        domain_name: expect.domain_name.clone(),
        known: expect.known.clone(),
        warnings: Vec::new(),
    }
}

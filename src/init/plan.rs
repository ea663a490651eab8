//! Everything the file is written from, worked out before writing.

use super::directory::{self, DirectoryPlan, DirectoryRequest};
use super::links::{self, Links};
use super::principals::{self, Principal};
use super::target::{self, Guess};
use super::{GpoInput, domain, gpo_ref};
use crate::discover::GpoKind;
use crate::principal::Sid;

/// What `init` found in the inputs.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Per GPO: how comments name it.
    pub names: Vec<String>,
    /// Per GPO: how a scope's `gpos` names it.
    pub refs: Vec<String>,
    /// Per GPO: where it came from.
    pub kinds: Vec<GpoKind>,
    /// Per GPO: whether it has a template read.
    pub has_template: Vec<bool>,
    /// The top-level target.
    pub target: Guess,
    /// The domain prefixes of the SIDs in logon rights.
    pub domains: Vec<Sid>,
    /// Scopes from links, and the GPOs they leave out.
    pub links: Links,
    /// The principals to declare.
    pub principals: Vec<Principal>,
    /// What the directory exports add, when given.
    pub directory: Option<DirectoryPlan>,
}

impl Plan {
    /// Works everything out from the GPOs read.
    pub fn of(gpos: &[GpoInput<'_>], directory: Option<DirectoryRequest<'_>>) -> Plan {
        let mut principals = principals::collect(gpos);
        let directory = directory.map(|request| directory::plan(request, &mut principals, gpos));
        Plan {
            names: gpos.iter().map(|input| input.name.to_owned()).collect(),
            refs: gpo_ref::references(gpos),
            kinds: gpos.iter().map(|input| input.gpo.kind).collect(),
            has_template: gpos.iter().map(|input| input.template.is_some()).collect(),
            target: target::guess(gpos.iter().map(|input| input.name)),
            domains: domain::prefixes(gpos),
            links: links::infer(gpos),
            principals,
            directory,
        }
    }

    /// How comments name GPO `index`.
    pub fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }

    /// How a scope names GPO `index`.
    pub fn reference(&self, index: usize) -> &str {
        self.refs.get(index).map_or("", String::as_str)
    }
}

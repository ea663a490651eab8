//! `gplint init`: a starting `services.yaml` written from the templates as
//! they are, so a team can adopt gplint in minutes.
//!
//! The file records what can be read from the inputs and says what it
//! could not:
//!
//! - `target` is guessed from GPO, file and OU names.
//! - `domain_sid` is set when every domain SID in the logon rights has
//!   one prefix.
//! - `domain_policy` lists the GPOs linked at the domain root, whose
//!   password and lockout policy alone reaches domain accounts; it is
//!   left out without such links, or with links at several domain roots.
//! - `scopes` come from the links GPMC backups record: one per
//!   linked domain or OU, with the GPOs of the domain and each OU above
//!   it, enforced links last. Link order within a container, block
//!   inheritance, security filtering, WMI filters and sites are not in
//!   the inputs and are named as such in the file.
//! - Every account or group a logon right names that is not well known
//!   becomes an account stub whose `logon` (or, if it is only denied,
//!   `no_logon`) repeats today's templates, so `check` accepts the file
//!   at once and reports what the precedence between GPOs changes.
//!   A principal the templates write only as a SID takes the name a
//!   backup's `gpreport.xml` gives it, and keeps its SID.
//!
//! Output is deterministic: principals in order of first appearance,
//! scopes by container path, nothing from the clock or the environment.

mod declare;
mod directory;
mod domain;
mod gpo_ref;
mod links;
mod plan;
mod principals;
mod som;
mod target;
mod write;
mod yaml;

#[cfg(test)]
mod tests;

pub use directory::DirectoryRequest;

use crate::discover::Gpo;
use crate::template::Template;

/// One GPO read from the inputs.
#[derive(Clone, Copy, Debug)]
pub struct GpoInput<'a> {
    /// The GPO as found: kind, name, GUID, links.
    pub gpo: &'a Gpo,
    /// How messages name it: the display name, else the path.
    pub name: &'a str,
    /// Its template, typed; `None` when it has none or it could not be read.
    pub template: Option<&'a Template<'a>>,
}

/// What `init` writes the file from.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    /// The paths as given on the command line, repeated in the file's
    /// header and in the `gplint check` command it suggests.
    pub paths: &'a [String],
    /// Every GPO read, in the order given and found.
    pub gpos: &'a [GpoInput<'a>],
    /// The directory exports given with `--directory`, if any.
    pub directory: Option<DirectoryRequest<'a>>,
}

/// The text of a starting `services.yaml`, which the expectations reader
/// accepts as it is.
pub fn services_yaml(request: &Request<'_>) -> String {
    let plan = plan::Plan::of(request.gpos, request.directory);
    write::document(&plan, request.paths)
}

//! The expectations file (`services.yaml`): which accounts must, and must
//! not, be able to log on in which ways.
//!
//! ```yaml
//! target: member-server        # workstation | member-server | domain-controller
//! domain_sid: S-1-5-21-1004336348-1177238915-682003330   # optional
//! domain_policy: [Default Domain Policy]   # or {max_password_age_days: 60, lockout_threshold: 0}
//! scopes:                      # GPOs that apply together, lowest precedence first
//!   - name: sql-servers
//!     target: member-server    # optional; default: the top-level target
//!     gpos: [Default Domain Policy, 'SQL Servers - Hardening', GPOs/Baseline]
//! groups:                      # directory groups the templates cannot see
//!   - name: CONTOSO\SQL Admins
//!     member_of: [BUILTIN\Administrators]
//! accounts:
//!   - name: CONTOSO\svc_sql
//!     member_of: [CONTOSO\SQL Admins, S-1-5-32-555]
//!     scopes: [sql-servers]    # optional; default: every scope
//!     logon: [service]
//!     no_logon: [interactive, remote-interactive]
//!   - service: MSSQLSERVER     # NT SERVICE\MSSQLSERVER, SID computed
//!     logon: [service]
//! waivers:                     # accepted findings
//!   - rule: GPL101             # optional narrowing: account, logon, scope, file
//!     account: CONTOSO\svc_sql
//!     reason: Moving to a gMSA, change 1234
//!     expires: 2027-03-31      # the last day the waiver holds
//! ```
//!
//! [`load`] parses the text into the small YAML tree of [`crate::yaml`],
//! with a byte span on every node (serde_yaml gives no value spans), then
//! checks and types it by hand so each error points at the exact key or
//! value.
//! The values it reads into ([`Target`](crate::model::Target),
//! [`AccountKind`](crate::model::AccountKind), [`Date`](crate::model::Date),
//! [`Week`](crate::model::Week)) are the model's: this module depends on
//! [`crate::model`], never the reverse.
//!
//! Decisions a user may notice:
//! - A single value where a list is expected is a one-item list
//!   (`logon: service`); a key with no value (`member_of:`) is an empty
//!   list, or an absent optional field.
//! - A SID may carry a leading `*`, but YAML reads an unquoted `*` as an
//!   alias, so it must be quoted (`'*S-1-5-32-555'`); unquoted, the error
//!   says so.
//! - Aliases are refused (no alias bombs); anchors and tags are ignored;
//!   one document per file; nesting stops at 32 levels.
//! - Unknown `BUILTIN\…` and `NT AUTHORITY\…` names are errors, since
//!   they can only be typos; other unknown `member_of` names are not.
//! - An account with neither `logon` nor `no_logon`, like a file with no
//!   accounts, checks nothing and is an error.
//! - Scope names and `gpos` entries compare without regard to case. Whether
//!   a `gpos` entry names a GPO, whether a waiver's `rule` names a rule and
//!   whether a waiver has expired are for the caller, who has the GPOs,
//!   the rules and today's date.
//! - A waiver needs a non-empty `reason` and an `expires` date written
//!   exactly `YYYY-MM-DD`, so every accepted exception says why and ends.
//! - An unquoted `{GUID}` is a YAML mapping; the error says to quote it.
//! - Groups may be members of each other in a loop, as in Active
//!   Directory: a warning names the loop, and the file still loads.

mod account;
mod account_facts;
mod account_name;
mod checks;
mod conflicts;
mod document;
mod fields;
mod gpos;
mod group;
mod logon;
mod model;
mod names;
mod password_policy;
mod read_yaml;
mod scope;
mod scope_refs;
mod shape;
mod target_field;
mod values;
mod waiver;
mod waiver_fields;
mod yaml_syntax;

#[cfg(test)]
mod tests;

pub use account_facts::AccountFacts;
pub use model::{AccountDecl, Expectations, GroupDecl, ScopeDecl, WaiverDecl, fold as fold_name};
pub use password_policy::{DomainPolicyDecl, PasswordPolicyDecl};

use crate::diagnostic::Diagnostic;

/// Reads an expectations file. `file_name` is used in messages only; no
/// I/O happens. On failure every problem found is returned, sorted by
/// position, each an error with a span into `text`. A YAML syntax error
/// stops reading, so it comes alone. A file that loads may still carry
/// warnings, in [`Expectations::warnings`].
pub fn load(file_name: &str, text: &str) -> Result<Expectations, Vec<Diagnostic>> {
    let root = read_yaml::parse(text).map_err(|error| vec![error])?;
    let mut errors = Vec::new();
    let mut expectations = document::expectations(file_name, root.as_ref(), &mut errors);
    if errors.is_empty() {
        let warnings = &mut expectations.warnings;
        warnings.sort_by_key(|warning| warning.primary_span().map(|span| span.start));
        return Ok(expectations);
    }
    errors.sort_by_key(|error| error.primary_span().map(|span| span.start));
    Err(errors)
}

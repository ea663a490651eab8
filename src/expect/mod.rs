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
//! rules:                       # a level for some rules: off, note, warning, error
//!   GPL412: off
//! ```
//!
//! [`load`] reads the text through the span-aware YAML layer of
//! [`crate::yaml`] into the plain types of `document` (serde does the
//! structure: unknown and repeated keys, shapes, required fields, the
//! closed vocabularies, each problem with its exact span), then
//! `validate` checks what types cannot say (SIDs, names, scopes,
//! duplicates, waivers, policy limits) and builds the model's
//! declarations ([`crate::model::AccountDecl`] and the rest). The same
//! types give the file's JSON Schema, [`schema`].
//!
//! Decisions a user may notice:
//! - A single value where a list is expected is a one-item list
//!   (`logon: service`); a key with no value (`member_of:`) is an empty
//!   list, or an absent optional field.
//! - A SID may carry a leading `*`, but YAML reads an unquoted `*` as an
//!   alias, so it must be quoted (`'*S-1-5-32-555'`); unquoted, the error
//!   says so.
//! - Aliases are refused (no alias bombs); anchors and tags are ignored;
//!   one document per file; nesting stops at 64 levels, as in every YAML
//!   file gplint reads.
//! - Unknown `BUILTIN\…` and `NT AUTHORITY\…` names are errors, since
//!   they can only be typos; other unknown `member_of` names are not.
//! - An account with neither `logon` nor `no_logon`, like a file with no
//!   accounts, checks nothing and is an error.
//! - Scope names and `gpos` entries compare without regard to case. Whether
//!   a `gpos` entry names a GPO, whether a waiver's `rule` or a key of
//!   `rules:` names a rule and
//!   whether a waiver has expired are for the caller, who has the GPOs,
//!   the rules and today's date.
//! - A waiver needs a non-empty `reason` and an `expires` date written
//!   exactly `YYYY-MM-DD`, so every accepted exception says why and ends.
//! - An unquoted `{GUID}` is a YAML mapping; the error says to quote it.
//! - Groups may be members of each other in a loop, as in Active
//!   Directory: a warning names the loop, and the file still loads.
//! - A name holding a control character (`"CONTOSO\new_svc"` in double
//!   quotes) is an error; free text (`description`) may hold one.
//! - A well-known SID, or a domain's SID without a RID, as an account's
//!   `sid` is an error; a domain account's SID under another domain than
//!   `domain_sid` is a warning.
//! - `password_never_expires` and `password_last_set` on a gMSA or a
//!   computer are a warning, and ignored: an export carries them.

mod account;
mod account_facts;
mod account_sid;
mod checks;
mod conflicts;
mod control;
mod document;
mod expectations;
mod from_directory;
mod gpos;
mod group;
mod names;
mod password_policy;
mod rule_levels;
mod schema;
mod scope;
mod scope_refs;
mod text;
mod tree;
mod validate;
mod waiver;
mod waiver_accounts;
mod word;

#[cfg(test)]
mod tests;

pub use crate::model::{
    AccountDecl, AccountFacts, DomainPolicyDecl, FactOrigin, FactSource, GroupDecl, KnownPrincipal,
    PasswordPolicyDecl, RuleLevel, RuleLevelDecl, ScopeDecl, WaiverDecl, fold as fold_name,
};
pub use expectations::Expectations;
pub use from_directory::{apply_directory, survey_directory};
pub use schema::{schema, schema_url};

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::yaml::{self, Dialect};

/// How an expectations file is read as YAML: the nesting limit of every
/// file gplint reads (a real file needs four levels: top mapping,
/// `accounts` list, account mapping, `logon` list). Anchors and tags are
/// harmless once aliases are refused, so they are read past.
const DIALECT: Dialect = Dialect {
    max_depth: 64,
    plain_data: false,
    trim_scalar_spans: false,
};

/// Reads an expectations file. `file_name` is used in messages only; no
/// I/O happens. On failure every problem found is returned, sorted by
/// position, each an error with a span into `text`. A YAML syntax error
/// stops reading, so it comes alone. A file that loads may still carry
/// warnings, in [`Expectations::warnings`].
pub fn load(file_name: &str, text: &str) -> Result<Expectations, Vec<Diagnostic>> {
    let root = yaml::read(text, &DIALECT, &document::WORDS).map_err(|error| vec![error])?;
    let mut errors = Vec::new();
    let mut expectations = match &root {
        None => {
            errors.push(validate::no_accounts(file_name, Span::default()));
            Expectations::empty()
        }
        Some(root) => {
            let typed = yaml::from_node::<document::Document>(root, &document::WORDS);
            errors = typed.problems;
            gpos::explain_guids(root, &mut errors);
            let tree = tree::Tree::new(Some(root));
            match &typed.value {
                Some(doc) => validate::expectations(file_name, doc, tree, &mut errors),
                None => Expectations::empty(),
            }
        }
    };
    // Checks that find a warning among errors push it with them: the
    // severity, from the registry, says which is which.
    let (warnings, mut errors): (Vec<_>, Vec<_>) = errors
        .into_iter()
        .partition(|d| d.severity < crate::diagnostic::Severity::Error);
    if errors.is_empty() {
        expectations.warnings.extend(warnings);
        let warnings = &mut expectations.warnings;
        warnings.sort_by_key(|warning| warning.primary_span().map(|span| span.start));
        return Ok(expectations);
    }
    errors.sort_by_key(|error| error.primary_span().map(|span| span.start));
    Err(errors)
}

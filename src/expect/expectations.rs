//! A whole expectations file, read: what the Windows model is given
//! ([`crate::model`]'s declarations), and the warnings reading it gave.

use std::sync::Arc;

use serde::Serialize;

use crate::model::{
    AccountDecl, DomainPolicyDecl, GroupDecl, KnownPrincipal, RuleLevelDecl, ScopeDecl, Target,
    WaiverDecl,
};
use crate::principal::Sid;
use crate::span::{Span, Spanned};

/// A whole expectations file (`services.yaml`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Expectations {
    /// The kind of machine the templates are applied to.
    pub target: Target,
    /// Where `target` is written; `None` when the default applies.
    pub target_span: Option<Span>,
    /// The domain's SID prefix `S-1-5-21-a-b-c`: as declared, or else
    /// taken from the first declared domain-relative SID of a group or a
    /// domain account or gMSA (with that SID's span).
    pub domain_sid: Option<Spanned<Sid>>,
    /// `nla:` whether Remote Desktop requires Network Level Authentication
    /// on the machines, when the templates do not say; `None` when not
    /// written (on, Windows' default).
    pub nla: Option<Spanned<bool>>,
    /// Where domain accounts take their password and lockout policy from:
    /// GPOs linked at the domain root, or the values; `None` when not
    /// written (the Default Domain Policy among the inputs, else Windows'
    /// defaults).
    pub domain_policy: Option<DomainPolicyDecl>,
    /// The sets of GPOs that apply together, in file order.
    pub scopes: Vec<ScopeDecl>,
    /// Directory groups the templates cannot see, in file order.
    pub groups: Vec<GroupDecl>,
    /// The accounts to check, in file order.
    pub accounts: Vec<AccountDecl>,
    /// Accepted findings, in file order.
    pub waivers: Vec<WaiverDecl>,
    /// `rules:`: a level for some rules, in file order.
    pub rule_levels: Vec<RuleLevelDecl>,
    /// `directory:`: directory exports to read, as written (relative to
    /// the file's folder).
    pub directories: Vec<Spanned<String>>,
    /// `domain_name:`: the NetBIOS name of the domain, for exports that
    /// carry none.
    pub domain_name: Option<Spanned<String>>,
    /// Every account and group of the directory exports read, so that a
    /// template may name one `services.yaml` does not declare; empty
    /// without a directory. Shared, as every scope's copy of the file
    /// holds the same.
    #[serde(skip)]
    pub known: Arc<Vec<KnownPrincipal>>,
    /// What is worth knowing but does not stop the file from being used
    /// (a loop of groups), sorted by position, each with a span into the
    /// text.
    #[serde(skip)]
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
}

impl Expectations {
    /// A file that declares nothing, for the reader to fill.
    pub(super) fn empty() -> Self {
        Expectations {
            target: Target::default(),
            target_span: None,
            domain_sid: None,
            nla: None,
            domain_policy: None,
            scopes: Vec::new(),
            groups: Vec::new(),
            accounts: Vec::new(),
            waivers: Vec::new(),
            rule_levels: Vec::new(),
            directories: Vec::new(),
            domain_name: None,
            known: Arc::default(),
            warnings: Vec::new(),
        }
    }
}

//! What a directory export adds to `init`: a name for every SID the
//! templates write bare, the domain's service accounts, and the domain's
//! own password and lockout policy.
//!
//! A service account is an enabled user, gMSA or sMSA that has a
//! `servicePrincipalName`, is a managed service account, or is a member
//! (through nesting too) of a group that a logon right of any GPO grants
//! `service` or `batch`. Computers are left out: their SPNs are the
//! machine's own, and their logons are the machine's.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::GpoInput;
use super::principals::{Effect, Principal, Resolved};
use crate::directory::{DirectoryIndex, Entry, ObjectKind};
use crate::logon_type::LogonType;
use crate::principal::Sid;

/// The directory part of a request: the index, and the paths as given,
/// written under `directory:`.
#[derive(Clone, Copy, Debug)]
pub struct DirectoryRequest<'a> {
    /// Every export read, indexed.
    pub index: &'a DirectoryIndex,
    /// The export paths as `services.yaml` is to name them.
    pub paths: &'a [String],
}

/// What `init` writes from the directory.
#[derive(Clone, Debug, Default)]
pub struct DirectoryPlan {
    /// The export paths, for `directory:`.
    pub paths: Vec<String>,
    /// Service accounts no logon right names, proposed as expectations.
    pub proposals: Vec<Proposal>,
    /// The domain object's own password and lockout policy.
    pub policy: Option<DomainValues>,
}

/// A service account to declare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// `CONTOSO\svc_sql`.
    pub name: String,
    /// The logon types its groups' rights, SPN or kind suggest.
    pub logon: Vec<LogonType>,
    /// Why it is proposed, in words.
    pub why: Vec<String>,
    /// Where the directory defines it: `contoso.ldif:1305`.
    pub place: String,
}

/// `maxPwdAge` and `lockoutThreshold` of the one domain that has them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainValues {
    /// In days; 0: passwords never expire.
    pub max_password_age_days: i64,
    /// Bad passwords before lockout; 0: never.
    pub lockout_threshold: i64,
    /// The domain's DNS name.
    pub domain: String,
    /// Where the domain object is.
    pub place: String,
}

/// Works out the directory part of the plan, naming `principals` the
/// directory knows on the way.
pub fn plan(
    request: DirectoryRequest<'_>,
    principals: &mut [Principal],
    gpos: &[GpoInput<'_>],
) -> DirectoryPlan {
    let index = request.index;
    name_principals(principals, index);
    DirectoryPlan {
        paths: request.paths.to_vec(),
        proposals: propose(index, principals, gpos),
        policy: domain_values(index),
    }
}

/// Names each principal the directory has, by SID or by name, and marks
/// it as known so its stub needs no `sid:`.
fn name_principals(principals: &mut [Principal], index: &DirectoryIndex) {
    for principal in principals.iter_mut() {
        let entry = match (&principal.name, principal.sid) {
            (Some(name), _) => index.find(name),
            (None, Some(sid)) => index.by_sid(&sid),
            (None, None) => None,
        };
        let Some(entry) = entry else { continue };
        principal.in_directory = true;
        if principal.name.is_none() {
            principal.resolved = Some(Resolved {
                name: index.name_of(entry),
                by: format!("the directory export ({})", entry.origin()),
            });
        }
    }
}

/// The groups logon rights grant `service` or `batch`, by SID, with the
/// logon types and the first GPO that grants each.
fn granting_groups(
    index: &DirectoryIndex,
    principals: &[Principal],
    gpos: &[GpoInput<'_>],
) -> HashMap<Sid, Vec<(LogonType, String)>> {
    let mut groups: HashMap<Sid, Vec<(LogonType, String)>> = HashMap::new();
    for principal in principals {
        let entry = match (&principal.name, principal.sid) {
            (_, Some(sid)) => index.by_sid(&sid),
            (Some(name), None) => index.find(name),
            (None, None) => None,
        };
        let Some(entry) = entry.filter(|e| e.object.kind == ObjectKind::Group) else {
            continue;
        };
        let Some(sid) = entry.object.sid else {
            continue;
        };
        for logon in [LogonType::Service, LogonType::Batch] {
            let Some(&first) = principal
                .seen
                .get(&(Effect::Allow, logon))
                .and_then(|g| g.first())
            else {
                continue;
            };
            let gpo = gpos.get(first).map_or("", |input| input.name).to_owned();
            groups.entry(sid).or_default().push((logon, gpo));
        }
    }
    groups
}

/// The service accounts to propose, by name, none a principal already.
fn propose(
    index: &DirectoryIndex,
    principals: &[Principal],
    gpos: &[GpoInput<'_>],
) -> Vec<Proposal> {
    let granting = granting_groups(index, principals, gpos);
    let declared: HashSet<Sid> = principals.iter().filter_map(|p| p.sid).collect();
    let mut proposals: Vec<Proposal> = index
        .entries()
        .filter(|entry| is_candidate(*entry))
        .filter(|entry| entry.object.sid.is_none_or(|sid| !declared.contains(&sid)))
        .filter(|entry| {
            principals
                .iter()
                .filter_map(|p| p.name.as_deref())
                .all(|name| !same_entry(index.find(name), *entry))
        })
        .filter_map(|entry| proposal(index, entry, &granting))
        .collect();
    proposals.sort_by_key(|p| p.name.to_lowercase());
    proposals
}

fn same_entry(found: Option<Entry<'_>>, entry: Entry<'_>) -> bool {
    found.is_some_and(|f| std::ptr::eq(f.object, entry.object))
}

/// An enabled user or managed service account.
fn is_candidate(entry: Entry<'_>) -> bool {
    let object = entry.object;
    let kind = matches!(
        object.kind,
        ObjectKind::User | ObjectKind::Gmsa | ObjectKind::Smsa
    );
    kind && !object.account_control.is_some_and(|uac| uac.disabled)
}

fn proposal(
    index: &DirectoryIndex,
    entry: Entry<'_>,
    granting: &HashMap<Sid, Vec<(LogonType, String)>>,
) -> Option<Proposal> {
    let mut logon = BTreeSet::new();
    let mut why = Vec::new();
    for group in index.transitive_groups(entry) {
        let Some(grants) = group.object.sid.and_then(|sid| granting.get(&sid)) else {
            continue;
        };
        for (logon_type, gpo) in grants {
            logon.insert(*logon_type);
            why.push(format!(
                "in {}, granted {} by '{gpo}'",
                index.name_of(group),
                logon_type.as_str()
            ));
        }
    }
    let object = entry.object;
    if matches!(object.kind, ObjectKind::Gmsa | ObjectKind::Smsa) {
        logon.insert(LogonType::Service);
        why.push("a managed service account".to_owned());
    } else if object.has_spn {
        logon.insert(LogonType::Service);
        why.push("has a servicePrincipalName".to_owned());
    }
    (!logon.is_empty()).then(|| Proposal {
        name: index.name_of(entry),
        logon: LogonType::ALL
            .iter()
            .copied()
            .filter(|t| logon.contains(t))
            .collect(),
        why,
        place: entry.origin(),
    })
}

/// The policy of the one domain whose object carries both values.
fn domain_values(index: &DirectoryIndex) -> Option<DomainValues> {
    let mut with_values = index.domains().filter_map(|(domain, export)| {
        Some(DomainValues {
            max_password_age_days: domain.max_password_age_days?,
            lockout_threshold: domain.lockout_threshold?,
            domain: domain.dns_name.clone(),
            place: export.place(domain.origin),
        })
    });
    let first = with_values.next()?;
    with_values.next().is_none().then_some(first)
}

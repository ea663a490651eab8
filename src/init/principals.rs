//! The principals the logon rights name, with what each right does to them
//! in which GPO.

use std::collections::{BTreeMap, HashMap};

use super::GpoInput;
use super::declare::{name_to_declare, sid_to_declare};
use crate::logon_type::LogonType;
use crate::principal::{ResolvedSid, Sid, resolve_name};
use crate::rights::LogonEffect;
use crate::template::{Holder, PrincipalRef};

/// What a logon right does to its holders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Effect {
    /// An allow right grants the logon type.
    Allow,
    /// A deny right refuses it.
    Deny,
}

/// One principal to declare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    /// The name as first written, when it was ever written by name.
    pub name: Option<String>,
    /// The SID, when it was written as one.
    pub sid: Option<Sid>,
    /// For each effect and logon type, the GPOs (indices into the input)
    /// whose rights say so, in input order, each once.
    pub seen: BTreeMap<(Effect, LogonType), Vec<usize>>,
    /// For a principal written only as a SID: its name as another source
    /// gives it, and which source (`the GPMC report of GPO X`).
    pub resolved: Option<Resolved>,
    /// Whether a directory export given to `init` has it, so that its
    /// name alone declares it.
    pub in_directory: bool,
}

/// A name found for a SID outside the templates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The name, e.g. `CONTOSO\svc_sql`.
    pub name: String,
    /// Where it was found, in words.
    pub by: String,
}

impl Principal {
    /// The logon types rights of `effect` name it for, in the usual order.
    pub fn types(&self, effect: Effect) -> Vec<LogonType> {
        self.seen
            .keys()
            .filter(|(e, _)| *e == effect)
            .map(|(_, t)| *t)
            .collect()
    }

    /// Every GPO that names it in a logon right.
    pub fn gpos(&self) -> impl Iterator<Item = usize> + '_ {
        self.seen.values().flatten().copied()
    }
}

/// How two spellings are found to be one principal: by SID when one is
/// known (`NT SERVICE\X` and its computed SID are one), else by the name
/// folded as the expectations reader folds it, so no two stubs collide.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Sid(Sid),
    Name(String),
}

/// The principals to declare, in order of first appearance: GPOs in input
/// order, rights and holders in file order.
pub fn collect(gpos: &[GpoInput<'_>]) -> Vec<Principal> {
    let mut found = Found::default();
    for (index, input) in gpos.iter().enumerate() {
        let Some(template) = input.template else {
            continue;
        };
        for assignment in &template.privilege_rights {
            let Some(effect) = assignment.right.and_then(|right| right.logon) else {
                continue;
            };
            for holder in &assignment.holders {
                found.add(holder, effect, index);
            }
        }
    }
    let mut principals = found.principals;
    name_from_reports(&mut principals, gpos);
    principals
}

/// Names SIDs the templates write without a name from the GPMC reports
/// of the backups, which resolved them when they were written.
fn name_from_reports(principals: &mut [Principal], gpos: &[GpoInput<'_>]) {
    let mut names: HashMap<Sid, (&str, &str)> = HashMap::new();
    for input in gpos {
        for (sid, name) in &input.gpo.principal_names {
            names.entry(*sid).or_insert((name, input.name));
        }
    }
    for principal in principals.iter_mut().filter(|p| p.name.is_none()) {
        let found = principal.sid.and_then(|sid| names.get(&sid));
        principal.resolved = found.map(|(name, gpo)| Resolved {
            name: (*name).to_owned(),
            by: format!("the GPMC report (gpreport.xml) of {gpo}"),
        });
    }
}

#[derive(Default)]
struct Found {
    principals: Vec<Principal>,
    by_key: HashMap<Key, usize>,
}

impl Found {
    fn add(&mut self, holder: &Holder<'_>, effect: LogonEffect, gpo: usize) {
        let Some((key, name, sid)) = identify(holder) else {
            return;
        };
        let at = match self.by_key.get(&key) {
            Some(&at) => at,
            None => self.insert(key),
        };
        let Some(principal) = self.principals.get_mut(at) else {
            return;
        };
        principal.name = principal.name.take().or(name);
        principal.sid = principal.sid.or(sid);
        let gpos = principal.seen.entry(split(effect)).or_default();
        if !gpos.contains(&gpo) {
            gpos.push(gpo);
        }
    }

    fn insert(&mut self, key: Key) -> usize {
        self.principals.push(Principal {
            name: None,
            sid: None,
            seen: BTreeMap::new(),
            resolved: None,
            in_directory: false,
        });
        let at = self.principals.len() - 1;
        self.by_key.insert(key, at);
        at
    }
}

fn split(effect: LogonEffect) -> (Effect, LogonType) {
    match effect {
        LogonEffect::Allow(t) => (Effect::Allow, t),
        LogonEffect::Deny(t) => (Effect::Deny, t),
    }
}

/// The key, name and SID of a holder to declare; `None` for well-known
/// principals and for `*` entries that are not SIDs. A SID written
/// without `*` is the same principal to a reader, so it counts as a SID.
fn identify(holder: &Holder<'_>) -> Option<(Key, Option<String>, Option<Sid>)> {
    match holder.principal {
        PrincipalRef::Sid(sid) => of_sid(sid),
        PrincipalRef::Name(name) => match Sid::parse(name) {
            Ok(sid) => of_sid(sid),
            Err(_) => of_name(name),
        },
        PrincipalRef::InvalidSid(..) => None,
    }
}

fn of_sid(sid: Sid) -> Option<(Key, Option<String>, Option<Sid>)> {
    sid_to_declare(&sid).then_some((Key::Sid(sid), None, Some(sid)))
}

fn of_name(name: &str) -> Option<(Key, Option<String>, Option<Sid>)> {
    let name = name.trim();
    if name.is_empty() || !name_to_declare(name) {
        return None;
    }
    let key = match resolve_name(name).map(|resolved| resolved.sid) {
        Some(ResolvedSid::Fixed(sid)) => Key::Sid(sid),
        _ => Key::Name(fold(name)),
    };
    Some((key, Some(name.to_owned()), None))
}

/// As the expectations reader compares names: without case, `.\x` as `x`.
fn fold(name: &str) -> String {
    name.strip_prefix(".\\").unwrap_or(name).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::Gpo;
    use crate::syntax;
    use crate::template::{self, Template};
    use std::path::Path;

    fn typed(text: &str) -> Template<'_> {
        template::build(&syntax::parse(text))
    }

    const FIRST: &str = "[Privilege Rights]\n\
SeServiceLogonRight = *S-1-5-20,*S-1-5-21-1-2-3-1105,NT SERVICE\\MSSQLSERVER\n\
SeDenyInteractiveLogonRight = Guest,contoso\\SVC_SQL,*S-1-5-21-1-2-3-1105\n\
SeDebugPrivilege = CONTOSO\\not_a_logon_right\n";
    /// The same service, written by its computed SID this time.
    fn second() -> String {
        let mssql = crate::principal::service_sid("MSSQLSERVER");
        format!(
            "[Privilege Rights]\n\
SeBatchLogonRight = *S-1-5-32-544,CONTOSO\\svc_sql,*{mssql}\n\
SeServiceLogonRight = *S-1-5-21-1-2-3-1105,*S-1-5-21-1-2-3-513,*bad\n"
        )
    }

    fn collected() -> Vec<Principal> {
        let gpo = Gpo::file(Path::new("a.inf"));
        let second_text = second();
        let (first, second) = (typed(FIRST), typed(&second_text));
        let inputs = [
            GpoInput {
                gpo: &gpo,
                name: "A",
                template: Some(&first),
            },
            GpoInput {
                gpo: &gpo,
                name: "B",
                template: Some(&second),
            },
        ];
        collect(&inputs)
    }

    #[test]
    fn principals_come_in_order_of_first_appearance_each_once() {
        let found = collected();
        let names: Vec<_> = found.iter().map(|p| p.name.as_deref()).collect();
        assert_eq!(
            names,
            [
                None,
                Some("NT SERVICE\\MSSQLSERVER"),
                Some("contoso\\SVC_SQL")
            ]
        );
        assert_eq!(found[0].sid.unwrap().to_string(), "S-1-5-21-1-2-3-1105");
    }

    #[test]
    fn each_records_what_which_gpo_does_to_it() {
        let found = collected();
        let sid = &found[0];
        assert_eq!(sid.types(Effect::Allow), [LogonType::Service]);
        assert_eq!(sid.types(Effect::Deny), [LogonType::Interactive]);
        assert_eq!(sid.seen[&(Effect::Allow, LogonType::Service)], [0, 1]);
        // The computed SID of NT SERVICE\MSSQLSERVER is the same principal.
        assert_eq!(
            found[1].types(Effect::Allow),
            [LogonType::Batch, LogonType::Service]
        );
        assert!(found[1].sid.is_some());
        let svc = &found[2];
        assert_eq!(svc.types(Effect::Allow), [LogonType::Batch]);
        assert_eq!(svc.types(Effect::Deny), [LogonType::Interactive]);
        assert_eq!(svc.gpos().collect::<Vec<_>>(), [1, 0]);
    }
}

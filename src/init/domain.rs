//! The domain SID, when the logon rights name SIDs of one domain only.

use std::collections::BTreeSet;

use super::GpoInput;
use crate::principal::Sid;
use crate::template::PrincipalRef;

/// RIDs of the accounts every machine has in its own SAM: a secedit
/// export names the machine's Administrator and Guest under the
/// machine's prefix, which says nothing about the domain.
const MACHINE_ACCOUNT_RIDS: [u32; 4] = [500, 501, 503, 504];

/// The distinct domain prefixes (`S-1-5-21-a-b-c`) of the domain-relative
/// SIDs in the logon rights, sorted.
pub fn prefixes(gpos: &[GpoInput<'_>]) -> Vec<Sid> {
    let mut found = BTreeSet::new();
    let templates = gpos.iter().filter_map(|input| input.template);
    for template in templates {
        let logon_rights = template
            .privilege_rights
            .iter()
            .filter(|assignment| assignment.right.is_some_and(|right| right.logon.is_some()));
        for assignment in logon_rights {
            found.extend(
                assignment
                    .holders
                    .iter()
                    .filter_map(|h| domain_of(&h.principal)),
            );
        }
    }
    found.into_iter().collect()
}

fn domain_of(principal: &PrincipalRef<'_>) -> Option<Sid> {
    let sid = match principal {
        PrincipalRef::Sid(sid) => *sid,
        PrincipalRef::Name(name) => Sid::parse(name).ok()?,
        PrincipalRef::InvalidSid(..) => return None,
    };
    let machine_account = sid
        .rid()
        .is_some_and(|rid| MACHINE_ACCOUNT_RIDS.contains(&rid));
    if machine_account {
        return None;
    }
    sid.domain()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::discover::Gpo;
    use crate::{syntax, template};

    fn prefixes_of(text: &str) -> Vec<String> {
        let typed = template::build(&syntax::parse(text));
        let gpo = Gpo::file(Path::new("a.inf"));
        let inputs = [GpoInput {
            gpo: &gpo,
            name: "a.inf",
            template: Some(&typed),
        }];
        prefixes(&inputs).iter().map(Sid::to_string).collect()
    }

    #[test]
    fn one_domain_is_found_in_logon_rights_only() {
        let text = "[Privilege Rights]\n\
SeServiceLogonRight = *S-1-5-21-1-2-3-1105,*S-1-5-20\n\
SeDenyBatchLogonRight = *S-1-5-21-1-2-3-513,*S-1-5-21-7-8-9-500\n\
SeDebugPrivilege = *S-1-5-21-4-5-6-1200\n";
        assert_eq!(prefixes_of(text), ["S-1-5-21-1-2-3"]);
    }

    #[test]
    fn several_domains_are_all_reported() {
        let text =
            "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-21-9-9-9-1105,S-1-5-21-1-2-3-1106\n";
        assert_eq!(prefixes_of(text), ["S-1-5-21-1-2-3", "S-1-5-21-9-9-9"]);
    }
}

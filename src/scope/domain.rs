//! The GPOs linked at the domain root, whose password and lockout policy
//! governs domain accounts (windows-logon-facts.md §9 item 6): the
//! Default Domain Policy, found among the inputs by its well-known GUID,
//! and the GPOs `domain_policy` names.

use super::index::GpoIndex;
use super::resolve_indexed;
use crate::diagnostic::Diagnostic;
use crate::discover::{DEFAULT_DOMAIN_POLICY, Gpo};
use crate::expect::{DomainPolicyDecl, Expectations};

/// The domain root's GPOs among `gpos`, lowest precedence first: the
/// Default Domain Policy when one is among the inputs and `domain_policy`
/// does not name it, then the GPOs `domain_policy` names. GPOs without a
/// template add nothing and are left out; with values under
/// `domain_policy` none is needed. An entry that names no GPO, or two,
/// is an error at the entry.
pub(super) fn domain_gpos(
    gpos: &[Gpo],
    index: &GpoIndex,
    expect: &Expectations,
    errors: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let named = match &expect.domain_policy {
        Some(DomainPolicyDecl::Values(_)) => return Vec::new(),
        Some(DomainPolicyDecl::Gpos(entries)) => {
            let mut named = Vec::new();
            for entry in entries {
                match resolve_indexed(&entry.value, entry.span, gpos, index) {
                    Ok(gpo) => named.push(gpo),
                    Err(error) => errors.push(error),
                }
            }
            named
        }
        None => Vec::new(),
    };
    let names_default = named.iter().any(|&gpo| is_default(gpos, gpo));
    let default = gpos
        .iter()
        .position(|gpo| is_default_policy(gpo) && gpo.template.is_some())
        .filter(|_| !names_default);
    default
        .into_iter()
        .chain(named)
        .filter(|&gpo| gpos.get(gpo).is_some_and(|g| g.template.is_some()))
        .collect()
}

fn is_default(gpos: &[Gpo], index: usize) -> bool {
    gpos.get(index).is_some_and(is_default_policy)
}

/// The Default Domain Policy, by its GUID: a SYSVOL folder's name, a
/// backup's `GPOGuid`. Its GUID is the same in every domain, so with
/// several among the inputs the first found is taken.
fn is_default_policy(gpo: &Gpo) -> bool {
    gpo.guid.as_deref() == Some(DEFAULT_DOMAIN_POLICY)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::discover::GpoKind;
    use crate::expect::load;

    fn gpo(name: &str, guid: &str) -> Gpo {
        Gpo {
            kind: GpoKind::Sysvol,
            guid: Some(guid.to_owned()),
            backup_id: None,
            name: Some(name.to_owned()),
            root: PathBuf::from(guid),
            template: Some(PathBuf::from(guid).join("GptTmpl.inf")),
            links: Vec::new(),
            principal_names: Vec::new(),
        }
    }

    fn gpos() -> Vec<Gpo> {
        vec![
            gpo("Servers", "{11111111-1111-1111-1111-111111111111}"),
            gpo("Default Domain Policy", DEFAULT_DOMAIN_POLICY),
            gpo("Domain Lockout", "{22222222-2222-2222-2222-222222222222}"),
        ]
    }

    fn found(yaml_head: &str) -> (Vec<usize>, Vec<Diagnostic>) {
        let yaml = format!("{yaml_head}accounts:\n  - name: CONTOSO\\svc\n    logon: [batch]\n");
        let expect = load("services.yaml", &yaml).unwrap();
        let mut errors = Vec::new();
        let gpos = gpos();
        let found = domain_gpos(&gpos, &GpoIndex::new(&gpos), &expect, &mut errors);
        (found, errors)
    }

    #[test]
    fn the_default_domain_policy_is_found_by_its_guid() {
        assert_eq!(found(""), (vec![1], Vec::new()));
    }

    #[test]
    fn named_gpos_follow_the_default_domain_policy_unless_it_is_named() {
        assert_eq!(found("domain_policy: [Domain Lockout]\n").0, [1, 2]);
        assert_eq!(
            found("domain_policy: [Domain Lockout, Default Domain Policy]\n").0,
            [2, 1]
        );
    }

    #[test]
    fn values_need_no_gpo_and_unknown_names_are_errors_at_the_entry() {
        let values = "domain_policy: {max_password_age_days: 0, lockout_threshold: 0}\n";
        assert_eq!(found(values), (Vec::new(), Vec::new()));
        let (_, errors) = found("domain_policy: [Domain Lockuot]\n");
        assert_eq!(errors[0].code, "scope::gpo-not-found");
        assert!(
            errors[0]
                .help
                .as_deref()
                .unwrap()
                .contains("Domain Lockout")
        );
    }
}

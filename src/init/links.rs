//! Scopes from the links GPMC backups record in `gpreport.xml`.
//!
//! Windows applies, to a computer in an OU, the GPOs linked to the domain,
//! then to each OU down to the computer's, each later one winning, and
//! then the enforced links in the opposite order, so that an enforced
//! link higher up wins over everything below it. Each domain or OU that
//! has an enabled link becomes one scope with that chain.

use std::collections::BTreeMap;

use super::GpoInput;
use super::som;
use crate::discover::GpoKind;

/// One GPO in a chain, and why it is there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Index of the GPO in the input.
    pub gpo: usize,
    /// The container it is linked at, as written.
    pub at: String,
    /// Whether that link is enforced.
    pub enforced: bool,
}

/// One scope: a linked container and the chain of GPOs that reach it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedScope {
    /// The container's path as written, e.g. `contoso.com/Servers/SQL`.
    pub path: String,
    /// Lowest precedence first.
    pub chain: Vec<Step>,
}

/// What the links say, and which GPOs they leave out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// One per linked domain or OU, sorted by path.
    pub scopes: Vec<LinkedScope>,
    /// Backups with no enabled link at all.
    pub unlinked: Vec<usize>,
    /// Enabled links to sites: GPO and site, in input order.
    pub sites: Vec<(usize, String)>,
    /// SYSVOL folders and files, which carry no link information.
    pub without_links: Vec<usize>,
}

/// An enabled link to a domain or OU.
#[derive(Clone, Debug)]
struct Link {
    gpo: usize,
    path: String,
    enforced: bool,
}

/// Reads the links of every GPO into scopes.
pub fn infer(gpos: &[GpoInput<'_>]) -> Links {
    let mut links = Links::default();
    let mut by_container: BTreeMap<String, Vec<Link>> = BTreeMap::new();
    for (index, input) in gpos.iter().enumerate() {
        if input.gpo.kind != GpoKind::Backup {
            links.without_links.push(index);
            continue;
        }
        let mut linked = false;
        for link in input.gpo.links.iter().filter(|link| link.enabled) {
            linked = true;
            if som::is_site(&link.som_path) {
                links.sites.push((index, link.som_path.clone()));
                continue;
            }
            by_container
                .entry(som::fold(&link.som_path))
                .or_default()
                .push(Link {
                    gpo: index,
                    path: link.som_path.clone(),
                    enforced: link.no_override,
                });
        }
        if !linked {
            links.unlinked.push(index);
        }
    }
    for container in by_container.values_mut() {
        sort_within_container(container, gpos);
    }
    links.scopes = by_container
        .iter()
        .filter_map(|(folded, here)| scope(folded, here, &by_container))
        .collect();
    links
}

/// Link order within a container is not in `gpreport.xml`; display name
/// order at least makes the output stable, and the file says so.
fn sort_within_container(links: &mut [Link], gpos: &[GpoInput<'_>]) {
    let name = |link: &Link| {
        gpos.get(link.gpo)
            .map(|input| input.name.to_lowercase())
            .unwrap_or_default()
    };
    links.sort_by_cached_key(|link| (name(link), link.gpo));
}

fn scope(
    folded: &str,
    here: &[Link],
    by_container: &BTreeMap<String, Vec<Link>>,
) -> Option<LinkedScope> {
    // Two links may spell one container differently; the smallest
    // spelling is as good as any and does not depend on input order.
    let path = here.iter().map(|link| link.path.as_str()).min()?.to_owned();
    let lineage: Vec<&[Link]> = som::lineage(folded)
        .iter()
        .filter_map(|container| by_container.get(container).map(Vec::as_slice))
        .collect();
    let normal = lineage
        .iter()
        .flat_map(|links| links.iter().filter(|l| !l.enforced));
    let enforced = lineage
        .iter()
        .rev()
        .flat_map(|links| links.iter().filter(|l| l.enforced));
    Some(LinkedScope {
        path,
        chain: without_repeats(normal.chain(enforced)),
    })
}

/// A GPO linked at two containers of one lineage is applied once, at the
/// place that wins: keep its last step.
fn without_repeats<'l>(steps: impl Iterator<Item = &'l Link>) -> Vec<Step> {
    let steps: Vec<&Link> = steps.collect();
    steps
        .iter()
        .enumerate()
        .filter(|(at, link)| !steps.iter().skip(at + 1).any(|later| later.gpo == link.gpo))
        .map(|(_, link)| Step {
            gpo: link.gpo,
            at: link.path.clone(),
            enforced: link.enforced,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::discover::{Gpo, GpoLink};

    fn link(path: &str, enabled: bool, enforced: bool) -> GpoLink {
        GpoLink {
            som_name: path.rsplit('/').next().unwrap_or_default().to_owned(),
            som_path: path.to_owned(),
            enabled,
            no_override: enforced,
        }
    }

    fn backup(name: &str, links: Vec<GpoLink>) -> Gpo {
        Gpo {
            kind: GpoKind::Backup,
            guid: None,
            backup_id: None,
            name: Some(name.to_owned()),
            root: PathBuf::from(name),
            template: None,
            links,
            principal_names: Vec::new(),
        }
    }

    fn inferred(gpos: &[Gpo]) -> Links {
        let inputs: Vec<GpoInput<'_>> = gpos
            .iter()
            .map(|gpo| GpoInput {
                gpo,
                name: gpo.name.as_deref().unwrap_or_default(),
                template: None,
            })
            .collect();
        infer(&inputs)
    }

    fn chain(links: &Links, path: &str) -> Vec<usize> {
        let scope = links.scopes.iter().find(|s| s.path == path).unwrap();
        scope.chain.iter().map(|step| step.gpo).collect()
    }

    fn paths(links: &Links) -> Vec<&str> {
        links.scopes.iter().map(|s| s.path.as_str()).collect()
    }

    #[test]
    fn a_chain_runs_from_the_domain_down_to_the_container() {
        let gpos = [
            backup("SQL", vec![link("contoso.com/Servers/SQL", true, false)]),
            backup("Domain", vec![link("contoso.com", true, false)]),
            backup("Servers", vec![link("contoso.com/Servers", true, false)]),
            backup(
                "Other OU",
                vec![link("contoso.com/Workstations", true, false)],
            ),
        ];
        let links = inferred(&gpos);
        assert_eq!(
            paths(&links),
            [
                "contoso.com",
                "contoso.com/Servers",
                "contoso.com/Servers/SQL",
                "contoso.com/Workstations"
            ]
        );
        assert_eq!(chain(&links, "contoso.com/Servers/SQL"), [1, 2, 0]);
        assert_eq!(chain(&links, "contoso.com/Workstations"), [1, 3]);
        assert_eq!(chain(&links, "contoso.com"), [1]);
    }

    #[test]
    fn enforced_links_come_last_the_highest_container_last_of_all() {
        let gpos = [
            backup("Domain enforced", vec![link("contoso.com", true, true)]),
            backup(
                "Servers enforced",
                vec![link("contoso.com/Servers", true, true)],
            ),
            backup("SQL", vec![link("contoso.com/Servers/SQL", true, false)]),
            backup("Domain", vec![link("contoso.com", true, false)]),
        ];
        let links = inferred(&gpos);
        assert_eq!(chain(&links, "contoso.com/Servers/SQL"), [3, 2, 1, 0]);
        let sql = &links.scopes[2].chain;
        assert!(sql[3].enforced && sql[3].at == "contoso.com");
    }

    #[test]
    fn disabled_links_are_ignored() {
        let gpos = [
            backup(
                "Baseline",
                vec![
                    link("contoso.com/Servers", true, false),
                    link("contoso.com/Staging", false, false),
                ],
            ),
            backup("Retired", vec![link("contoso.com/Servers", false, true)]),
        ];
        let links = inferred(&gpos);
        assert_eq!(paths(&links), ["contoso.com/Servers"]);
        assert_eq!(chain(&links, "contoso.com/Servers"), [0]);
        assert_eq!(links.unlinked, [1]);
    }

    #[test]
    fn one_container_lists_its_gpos_by_name_and_spellings_fold() {
        let gpos = [
            backup("b second", vec![link("Contoso.com/servers", true, false)]),
            backup("A first", vec![link("contoso.com/Servers", true, false)]),
        ];
        let links = inferred(&gpos);
        assert_eq!(paths(&links), ["Contoso.com/servers"]);
        assert_eq!(chain(&links, "Contoso.com/servers"), [1, 0]);
    }

    #[test]
    fn a_gpo_linked_twice_in_a_lineage_is_kept_where_it_wins() {
        let gpos = [
            backup(
                "Twice",
                vec![
                    link("contoso.com", true, false),
                    link("contoso.com/Servers", true, false),
                ],
            ),
            backup("Domain", vec![link("contoso.com", true, false)]),
        ];
        let links = inferred(&gpos);
        assert_eq!(chain(&links, "contoso.com/Servers"), [1, 0]);
        assert_eq!(links.scopes[1].chain[1].at, "contoso.com/Servers");
    }

    #[test]
    fn sites_unlinked_backups_and_sysvol_are_left_out() {
        let mut sysvol = backup("Sysvol GPO", Vec::new());
        sysvol.kind = GpoKind::Sysvol;
        let gpos = [
            backup("Site", vec![link("Default-First-Site-Name", true, false)]),
            backup("Nowhere", Vec::new()),
            sysvol,
        ];
        let links = inferred(&gpos);
        assert!(links.scopes.is_empty());
        assert_eq!(links.sites, [(0, "Default-First-Site-Name".to_owned())]);
        assert_eq!(links.unlinked, [1]);
        assert_eq!(links.without_links, [2]);
    }
}

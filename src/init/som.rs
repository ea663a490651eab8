//! Container paths as GPMC reports write them (`SOMPath`): the domain's
//! DNS name, then each OU down to the linked one, `/` between.

/// The path's parts, without empty ones (a trailing `/`).
pub fn parts(path: &str) -> Vec<&str> {
    path.split('/')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

/// The path folded for comparison: Active Directory compares names
/// without regard to case.
pub fn fold(path: &str) -> String {
    parts(path).join("/").to_lowercase()
}

/// The folded paths of the container and of every container above it,
/// the domain first: `contoso.com`, `contoso.com/servers`, ….
pub fn lineage(path: &str) -> Vec<String> {
    let folded = fold(path);
    let parts: Vec<&str> = folded.split('/').collect();
    (1..=parts.len())
        .filter_map(|depth| parts.get(..depth).map(|head| head.join("/")))
        .collect()
}

/// Whether the path looks like a site rather than a domain or OU. GPMC
/// writes a site as its name alone or under `Configuration/Sites`; a
/// site's GPOs apply before the domain's, to machines chosen by IP
/// subnet, which no file here records. A single-label domain name (no
/// dot) would be taken for a site too; such domains are rare.
pub fn is_site(path: &str) -> bool {
    match parts(path).as_slice() {
        [one] => !one.contains('.'),
        [_, configuration, sites, ..] => {
            configuration.eq_ignore_ascii_case("Configuration")
                && sites.eq_ignore_ascii_case("Sites")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lineage_starts_at_the_domain() {
        assert_eq!(
            lineage("contoso.com/Servers/SQL"),
            [
                "contoso.com",
                "contoso.com/servers",
                "contoso.com/servers/sql"
            ]
        );
        assert_eq!(lineage("contoso.com"), ["contoso.com"]);
        assert_eq!(fold("Contoso.com/Servers/"), "contoso.com/servers");
    }

    #[test]
    fn sites_are_told_from_domains_and_ous() {
        assert!(is_site("Default-First-Site-Name"));
        assert!(is_site("contoso.com/Configuration/Sites/Paris"));
        assert!(!is_site("contoso.com"));
        assert!(!is_site("contoso.com/Servers"));
        assert!(!is_site("child.contoso.com/Sites"));
    }
}

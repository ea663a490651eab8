//! Finding the GPO a scope names: by GUID, display name or path.

use std::path::{Component, Path};

use super::index::GpoIndex;
use crate::diagnostic::{Code, Diagnostic};
use crate::discover::{Gpo, normalize_guid};
use crate::span::Span;
use crate::suggest::did_you_mean;

/// The index of the one GPO `entry` names. `span` is the entry in the
/// expectations file, where any error points.
pub fn resolve_gpo(entry: &str, span: Span, gpos: &[Gpo]) -> Result<usize, Diagnostic> {
    resolve_indexed(entry, span, gpos, &GpoIndex::new(gpos))
}

/// [`resolve_gpo`] with an index of `gpos` built once for many entries.
pub fn resolve_indexed(
    entry: &str,
    span: Span,
    gpos: &[Gpo],
    index: &GpoIndex,
) -> Result<usize, Diagnostic> {
    let matches: Vec<usize> = index
        .candidates(entry)
        .into_iter()
        .filter(|&i| gpos.get(i).is_some_and(|gpo| names(gpo, entry)))
        .collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => Err(not_found(entry, span, gpos)),
        [first, second, ..] => Err(ambiguous(entry, span, gpos, *first, *second)),
    }
}

fn names(gpo: &Gpo, entry: &str) -> bool {
    let entry = entry.trim();
    let by_guid =
        normalize_guid(entry).is_some_and(|guid| gpo.guid.as_deref() == Some(guid.as_str()));
    let by_name = gpo
        .name
        .as_deref()
        .is_some_and(|name| name.eq_ignore_ascii_case(entry));
    by_guid
        || by_name
        || ends_with(&gpo.root, entry)
        || gpo.template.as_deref().is_some_and(|t| ends_with(t, entry))
}

/// Whether `path` ends with the components of `entry`, ignoring case and
/// the direction of slashes (paths come from Windows and Unix alike).
fn ends_with(path: &Path, entry: &str) -> bool {
    let wanted: Vec<String> = entry
        .split(['/', '\\'])
        .filter(|part| !part.is_empty() && *part != ".")
        .map(str::to_lowercase)
        .collect();
    if wanted.is_empty() {
        return false;
    }
    let have: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().to_lowercase()),
            _ => None,
        })
        .collect();
    have.len() >= wanted.len() && have.get(have.len() - wanted.len()..) == Some(wanted.as_slice())
}

fn not_found(entry: &str, span: Span, gpos: &[Gpo]) -> Diagnostic {
    let names = gpos.iter().filter_map(|gpo| gpo.name.as_deref());
    let help = match did_you_mean(entry, names) {
        Some(name) => format!("did you mean `{name}`? Name a GPO by display name, GUID or path"),
        None => format!(
            "name a GPO by display name, GUID or path; {} GPOs were read from the inputs given on the command line",
            gpos.len()
        ),
    };
    Diagnostic::new(
        Code::ScopeGpoNotFound,
        format!("no GPO `{entry}` among the inputs"),
        span,
    )
    .with_label("not found")
    .with_help(help)
}

fn ambiguous(entry: &str, span: Span, gpos: &[Gpo], first: usize, second: usize) -> Diagnostic {
    let label = |i: usize| gpos.get(i).map(Gpo::label).unwrap_or_default();
    Diagnostic::new(
        Code::ScopeGpoAmbiguous,
        format!(
            "`{entry}` names more than one GPO: {} and {}",
            label(first),
            label(second)
        ),
        span,
    )
    .with_label("ambiguous")
    .with_help(ambiguous_help(gpos.get(first), gpos.get(second)))
}

/// Naming by GUID tells two GPOs apart, unless they are one GPO read
/// twice (a SYSVOL folder and a backup of it, or backups given in two
/// inputs): then only a path does, or leaving one copy out.
fn ambiguous_help(first: Option<&Gpo>, second: Option<&Gpo>) -> String {
    let guid = |gpo: Option<&Gpo>| gpo.and_then(|g| g.guid.clone());
    match (guid(first), guid(second)) {
        (Some(a), Some(b)) if a == b => format!(
            "both are the GPO {a}, read twice from the inputs: give only one copy of it (one SYSVOL folder or one backup folder), or name it by a longer path"
        ),
        _ => "name the GPO by its GUID, or by a longer path".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::GpoKind;
    use std::path::PathBuf;

    fn gpo(name: &str, guid: &str, root: &str) -> Gpo {
        Gpo {
            kind: GpoKind::Backup,
            guid: Some(guid.to_owned()),
            backup_id: None,
            name: Some(name.to_owned()),
            root: PathBuf::from(root),
            template: Some(PathBuf::from(root).join("GptTmpl.inf")),
            links: Vec::new(),
            principal_names: Vec::new(),
        }
    }

    fn gpos() -> Vec<Gpo> {
        vec![
            gpo(
                "Servers Baseline",
                "{11111111-1111-1111-1111-111111111111}",
                "GPOs/Servers Baseline/{AAAA}",
            ),
            gpo(
                "SQL Servers - Hardening",
                "{22222222-2222-2222-2222-222222222222}",
                "GPOs/SQL/{BBBB}",
            ),
            gpo(
                "Servers Baseline",
                "{33333333-3333-3333-3333-333333333333}",
                "old/Servers Baseline/{CCCC}",
            ),
        ]
    }

    #[test]
    fn a_gpo_is_found_by_name_guid_or_path() {
        let span = Span::new(0, 1);
        assert_eq!(resolve_gpo("sql servers - hardening", span, &gpos()), Ok(1));
        assert_eq!(
            resolve_gpo("22222222-2222-2222-2222-222222222222", span, &gpos()),
            Ok(1)
        );
        assert_eq!(resolve_gpo("SQL\\{BBBB}", span, &gpos()), Ok(1));
        assert_eq!(
            resolve_gpo("old/Servers Baseline/{CCCC}/GptTmpl.inf", span, &gpos()),
            Ok(2)
        );
    }

    #[test]
    fn a_name_of_two_gpos_or_of_none_is_an_error_at_the_entry() {
        let span = Span::new(5, 9);
        let twice = resolve_gpo("Servers Baseline", span, &gpos()).unwrap_err();
        assert_eq!(twice.code, "scope::gpo-ambiguous");
        assert_eq!(twice.primary_span(), Some(span));
        assert_eq!(
            twice.help.as_deref(),
            Some("name the GPO by its GUID, or by a longer path")
        );
        let missing = resolve_gpo("SQL Servers Hardening", span, &gpos()).unwrap_err();
        assert_eq!(missing.code, "scope::gpo-not-found");
        assert!(missing.help.unwrap().contains("SQL Servers - Hardening"));
    }

    #[test]
    fn one_gpo_read_twice_is_not_told_to_use_its_guid() {
        let mut copies = gpos();
        copies[2].guid = copies[0].guid.clone();
        let twice = resolve_gpo("Servers Baseline", Span::new(0, 1), &copies).unwrap_err();
        let help = twice.help.unwrap();
        assert!(help.contains("read twice"), "{help}");
        assert!(!help.contains("by its GUID"), "{help}");
    }
}

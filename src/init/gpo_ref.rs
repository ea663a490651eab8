//! How a scope names each GPO in `gpos:`, so that `check` finds exactly
//! that GPO among the same inputs.

use super::GpoInput;
use crate::discover::Gpo;
use crate::scope::resolve_gpo;
use crate::span::Span;

/// For each GPO, the first of its display name, GUID, folder and template
/// path that names it alone, as `check` resolves entries; the folder when
/// none does (the same GPO read twice), which `check` will then report.
pub fn references(gpos: &[GpoInput<'_>]) -> Vec<String> {
    let all: Vec<Gpo> = gpos.iter().map(|input| input.gpo.clone()).collect();
    all.iter()
        .enumerate()
        .map(|(index, gpo)| {
            candidates(gpo)
                .into_iter()
                .find(|entry| resolve_gpo(entry, Span::default(), &all) == Ok(index))
                .unwrap_or_else(|| gpo.root.display().to_string())
        })
        .collect()
}

fn candidates(gpo: &Gpo) -> Vec<String> {
    let mut out: Vec<String> = gpo.name.iter().chain(&gpo.guid).cloned().collect();
    out.push(gpo.root.display().to_string());
    out.extend(gpo.template.iter().map(|path| path.display().to_string()));
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::discover::GpoKind;

    fn backup(name: &str, guid: &str, root: &str) -> Gpo {
        Gpo {
            kind: GpoKind::Backup,
            guid: Some(guid.to_owned()),
            backup_id: None,
            name: Some(name.to_owned()),
            root: PathBuf::from(root),
            template: None,
            links: Vec::new(),
            principal_names: Vec::new(),
        }
    }

    #[test]
    fn the_display_name_unless_two_gpos_share_it() {
        let gpos = [
            backup(
                "Baseline",
                "{11111111-1111-1111-1111-111111111111}",
                "a/{A}",
            ),
            backup(
                "Baseline",
                "{22222222-2222-2222-2222-222222222222}",
                "b/{B}",
            ),
            backup("SQL", "{33333333-3333-3333-3333-333333333333}", "c/{C}"),
            backup("SQL", "{33333333-3333-3333-3333-333333333333}", "d/{D}"),
        ];
        let inputs: Vec<GpoInput<'_>> = gpos
            .iter()
            .map(|gpo| GpoInput {
                gpo,
                name: "",
                template: None,
            })
            .collect();
        assert_eq!(
            references(&inputs),
            [
                "{11111111-1111-1111-1111-111111111111}",
                "{22222222-2222-2222-2222-222222222222}",
                "c/{C}",
                "d/{D}"
            ]
        );
        assert_eq!(references(&inputs[2..3]), ["SQL"]);
    }
}

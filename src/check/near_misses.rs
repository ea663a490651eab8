//! Declared accounts that no template names while one names an account a
//! typo away (`CONTOSO\svc_sqll` declared, `CONTOSO\svc_sql` in the
//! template; `CONTOS0\…`): the expectation then checks an account the
//! templates do not mean. A warning into the expectations file, naming
//! the template entry. The templates' undeclared names are indexed once
//! (`crate::near::NearIndex`), so the cost is linear in the names.

use std::collections::HashSet;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::diagnostic::{Code, Diagnostic};
use crate::expect::Expectations;
use crate::model::{AccountDecl, AccountKind, fold};
use crate::near::NearIndex;
use crate::principal::{Sid, resolve_name};
use crate::source::SourceFile;
use crate::template::{PrincipalRef, Template};

/// A name a template writes: as written, and where.
struct Entry {
    written: String,
    file: String,
    line: usize,
    right: String,
}

/// What the templates name, by name and by SID.
#[derive(Default)]
struct Named {
    names: HashSet<String>,
    sids: HashSet<Sid>,
    undeclared: NearIndex<Entry>,
}

/// A warning for each declared account that no template names, by name
/// or SID, when a template names an undeclared account one typo from it.
/// `templates` pairs each template with its source.
pub fn near_misses(
    expect: &Expectations,
    templates: &[(&SourceFile, &Template<'_>)],
) -> Vec<Diagnostic> {
    let declared: HashSet<String> = expect
        .accounts
        .iter()
        .map(|a| fold(&a.name.value))
        .chain(expect.groups.iter().map(|g| fold(&g.name.value)))
        .collect();
    let named = named(templates, &declared);
    expect
        .accounts
        .iter()
        .filter(|account| may_be_misspelt(account) && !is_named(account, &named))
        .filter_map(|account| {
            Some(warning(
                account,
                named.undeclared.nearest(&account.name.value)?,
            ))
        })
        .collect()
}

/// Virtual and built-in names are computed or fixed: a typo in them has
/// its own error when the file loads.
fn may_be_misspelt(account: &AccountDecl) -> bool {
    !matches!(account.kind, AccountKind::Virtual | AccountKind::Builtin)
}

fn is_named(account: &AccountDecl, named: &Named) -> bool {
    named.names.contains(&fold(&account.name.value))
        || account
            .sid
            .as_ref()
            .is_some_and(|sid| named.sids.contains(&sid.value))
}

fn named(templates: &[(&SourceFile, &Template<'_>)], declared: &HashSet<String>) -> Named {
    // Each template's distinct names are found in parallel; merging them in
    // template order keeps the first template to name an account, as a
    // single pass would.
    let per_template: Vec<TemplateNames> = templates
        .par_iter()
        .map(|(source, template)| template_names(source, template, declared))
        .collect();
    let mut named = Named::default();
    for found in per_template {
        named.sids.extend(found.sids);
        for (folded, entry) in found.names {
            if named.names.insert(folded)
                && let Some(entry) = entry
            {
                let written = entry.written.clone();
                named.undeclared.insert(&written, entry);
            }
        }
    }
    named
}

/// What one template names: its SIDs, and each distinct folded name in the
/// order first written, with the entry a near-miss warning quotes when the
/// name is neither declared nor well known.
#[derive(Default)]
struct TemplateNames {
    sids: Vec<Sid>,
    names: Vec<(String, Option<Entry>)>,
}

fn template_names(
    source: &SourceFile,
    template: &Template<'_>,
    declared: &HashSet<String>,
) -> TemplateNames {
    let mut found = TemplateNames::default();
    // Raw spellings first: a name a template repeats on many lines is
    // folded once, not once per line.
    let mut written: FxHashSet<&str> = FxHashSet::default();
    let mut folded_seen: FxHashSet<String> = FxHashSet::default();
    for assignment in &template.privilege_rights {
        for holder in &assignment.holders {
            match holder.principal {
                PrincipalRef::Sid(sid) => found.sids.push(sid),
                PrincipalRef::Name(name) => {
                    if !written.insert(name) {
                        continue;
                    }
                    let folded = fold(name);
                    if !folded_seen.insert(folded.clone()) {
                        continue;
                    }
                    let unknown = !declared.contains(&folded) && resolve_name(name).is_none();
                    let entry = unknown.then(|| Entry {
                        written: holder.written.to_owned(),
                        file: source.name.clone(),
                        line: source.lines.line_of(&source.text, holder.span.start),
                        right: assignment.constant().to_owned(),
                    });
                    found.names.push((folded, entry));
                }
                PrincipalRef::InvalidSid(..) => {}
            }
        }
    }
    found
}

fn warning(account: &AccountDecl, entry: &Entry) -> Diagnostic {
    Diagnostic::new(
        Code::ExpectNearMiss,
        format!(
            "no template names `{}`, but {} names `{}`: did you mean it?",
            account.name.value, entry.file, entry.written
        ),
        account.name.span,
    )
    .with_label("named by no template")
    .with_help(format!(
        "{}:{} lists `{}` in {}; if this account is meant, correct the name here (or the \
         template's); if both exist, declare `{}` too, or give this account its `sid:` when the \
         templates name it by SID",
        entry.file, entry.line, entry.written, entry.right, entry.written
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn misses(template: &str, yaml: &str) -> Vec<Diagnostic> {
        let expect = crate::expect::load("services.yaml", yaml).unwrap();
        let source = SourceFile::from_bytes("GptTmpl.inf", template.as_bytes().to_vec()).unwrap();
        let typed = crate::template::build(&crate::syntax::parse(&source.text));
        near_misses(&expect, &[(&source, &typed)])
    }

    const TEMPLATE: &str =
        "[Privilege Rights]\nSeServiceLogonRight = CONTOSO\\svc_sql,*S-1-5-21-1-2-3-1105\n";

    #[test]
    fn a_typo_in_the_account_or_its_domain_is_caught() {
        for name in ["CONTOSO\\svc_sqll", "CONTOS0\\svc_sql"] {
            let yaml = format!("accounts:\n  - name: {name}\n    logon: [service]\n");
            let found = misses(TEMPLATE, &yaml);
            assert_eq!(found.len(), 1, "{name}: {found:#?}");
            assert_eq!(found[0].code, Code::ExpectNearMiss);
            assert!(
                found[0].message.contains("`CONTOSO\\svc_sql`"),
                "{found:#?}"
            );
            assert!(
                found[0]
                    .help
                    .as_deref()
                    .unwrap()
                    .starts_with("GptTmpl.inf:2 lists")
            );
        }
    }

    #[test]
    fn named_declared_and_far_accounts_are_left_alone() {
        let exact = "accounts:\n  - name: contoso\\SVC_SQL\n    logon: [service]\n";
        assert!(misses(TEMPLATE, exact).is_empty());
        let both = "accounts:\n  - name: CONTOSO\\svc_sqll\n    logon: [service]\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n";
        assert!(misses(TEMPLATE, both).is_empty());
        let by_sid = "accounts:\n  - name: CONTOSO\\svc_sqll\n    sid: S-1-5-21-1-2-3-1105\n    logon: [service]\n";
        assert!(misses(TEMPLATE, by_sid).is_empty());
        let far = "accounts:\n  - name: CONTOSO\\alice\n    logon: [service]\n";
        assert!(misses(TEMPLATE, far).is_empty());
    }
}

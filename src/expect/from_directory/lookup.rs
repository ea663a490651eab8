//! Which declared accounts are the directory's, and the object each is.

use rustc_hash::FxHashSet as HashSet;

use crate::diagnostic::{Code, Diagnostic};
use crate::directory::{DirectoryIndex, Entry};
use crate::model::{AccountDecl, AccountKind, fold};

/// What the directory says of one declared account.
pub(super) enum Lookup<'a> {
    /// The account is this object.
    Found(Entry<'a>),
    /// The account names a domain the directory holds, which lacks it.
    Missing,
    /// Not a directory account (virtual, well-known, local, or another
    /// domain's), or not found where absence proves nothing.
    Elsewhere,
}

/// The names of the domains the exports hold, NetBIOS and DNS, folded.
pub(super) struct Domains(HashSet<String>);

impl Domains {
    /// The domains of every export of `index`.
    pub(super) fn new(index: &DirectoryIndex) -> Self {
        let mut names = HashSet::default();
        for domain in index.exports().iter().flat_map(|e| &e.domains) {
            names.insert(fold(&index.netbios_name(domain)));
            names.insert(fold(&domain.dns_name));
        }
        names.remove("");
        Domains(names)
    }

    /// Whether `name` is written `DOMAIN\x` with a domain of the exports.
    fn holds(&self, name: &str) -> bool {
        name.split_once('\\')
            .is_some_and(|(domain, _)| self.0.contains(&fold(domain)))
    }
}

/// The object `account` is: by its declared SID, else by its name.
pub(super) fn entry_of<'a>(
    account: &AccountDecl,
    index: &'a DirectoryIndex,
    domains: &Domains,
) -> Lookup<'a> {
    let written_kind = !account.kind_inferred;
    let local = written_kind && account.kind == AccountKind::Local;
    if matches!(account.kind, AccountKind::Virtual | AccountKind::Builtin) || local {
        return Lookup::Elsewhere;
    }
    let found = match &account.sid {
        Some(sid) => index.by_sid(&sid.value),
        None => index.find(&account.name.value),
    };
    match found {
        Some(entry) => Lookup::Found(entry),
        None if account.sid.is_none() && domains.holds(&account.name.value) => Lookup::Missing,
        None => Lookup::Elsewhere,
    }
}

/// A declared account of a domain the exports hold that they lack.
pub(super) fn not_in_directory(account: &AccountDecl, index: &DirectoryIndex) -> Diagnostic {
    let name = &account.name;
    let help = match index.suggest(&name.value) {
        Some(near) => format!(
            "did you mean `{near}`? Correct the name, or remove the account if it no longer exists"
        ),
        None => "correct the name, or remove the account if it no longer exists; \
                 an account of another domain needs its `sid:`"
            .to_owned(),
    };
    let files: Vec<&str> = index
        .exports()
        .iter()
        .filter_map(|e| e.files.first().map(String::as_str))
        .collect();
    Diagnostic::new(
        Code::ExpectNotInDirectory,
        format!(
            "`{}` is not in the directory ({}): its domain has no account of that name",
            name.value,
            files.join(", ")
        ),
        name.span,
    )
    .with_label("not in the directory")
    .with_help(help)
}

//! Memberships from the directory: an account's direct groups, written
//! as the model reads `member_of` (the group's SID, or its name when the
//! export has no SID); the model follows them transitively through the
//! groups [`super::groups`] adds.
//!
//! The directory's BUILTIN groups (`S-1-5-32-…`) are its domain
//! controllers' own: membership in `BUILTIN\Administrators` of the
//! domain says nothing of a member server's, which the templates'
//! Restricted Groups describe. They are left out.

use super::sources::Sources;
use crate::directory::{DirectoryIndex, Entry};
use crate::model::{AccountDecl, fold};
use crate::span::{Span, Spanned};

/// Adds the account's direct groups that `member_of` does not list.
pub(super) fn fill(
    account: &mut AccountDecl,
    entry: Entry<'_>,
    index: &DirectoryIndex,
    sources: &mut Sources,
) {
    if let Some(first) = account.member_of.first() {
        sources.file("member_of", first.span);
    }
    let groups = direct(index, entry);
    let added = extend(&mut account.member_of, index, groups, account.name.span);
    if added {
        sources.object("member_of", entry, entry.object.lines.member_of);
    }
}

/// The groups `entry` is directly in, as `member_of` entries, BUILTIN
/// groups left out.
pub(super) fn direct<'a>(index: &'a DirectoryIndex, entry: Entry<'a>) -> Vec<Entry<'a>> {
    let mut groups = index.direct_groups(entry);
    groups.retain(|group| !is_builtin(group));
    groups
}

/// Appends what `member_of` lacks of `groups`, at `at`; whether any was.
pub(super) fn extend(
    member_of: &mut Vec<Spanned<String>>,
    index: &DirectoryIndex,
    groups: Vec<Entry<'_>>,
    at: Span,
) -> bool {
    let mut listed: Vec<String> = member_of.iter().map(|m| fold(&m.value)).collect();
    let before = member_of.len();
    for group in groups {
        let written = written(index, group);
        let key = fold(&written);
        if !listed.contains(&key) {
            listed.push(key);
            member_of.push(Spanned::new(written, at));
        }
    }
    member_of.len() > before
}

/// How a group is written in `member_of`: its SID, else its name.
pub(super) fn written(index: &DirectoryIndex, group: Entry<'_>) -> String {
    match group.object.sid {
        Some(sid) => sid.to_string(),
        None => index.name_of(group),
    }
}

/// Whether the object is a BUILTIN group of the domain controllers.
pub(super) fn is_builtin(entry: &Entry<'_>) -> bool {
    entry
        .object
        .sid
        .is_some_and(|sid| sid.authority() == 5 && sid.sub_authorities().first() == Some(&32))
}

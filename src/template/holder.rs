//! Holders: the principals listed in a right or a group membership line.

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::principal::{Sid, SidError};
use crate::span::Span;
use crate::syntax::Items;

/// How a holder is written: `*S-1-…` is a SID, anything else a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrincipalRef<'a> {
    /// `*S-1-5-32-544`.
    Sid(Sid),
    /// `Guest`, `CONTOSO\svc_sql`, `NT SERVICE\ALL SERVICES`, `Invitado`.
    Name(&'a str),
    /// `*` followed by something that is not a SID. The error is boxed:
    /// it is rare, and inline it would double the size of every holder.
    InvalidSid(&'a str, Box<SidError>),
}

/// One entry of a list, with its exact written form and span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder<'a> {
    /// The entry as written, without quotes.
    pub written: &'a str,
    /// Where it is written.
    pub span: Span,
    /// What it names.
    pub principal: PrincipalRef<'a>,
}

impl Serialize for PrincipalRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            PrincipalRef::Sid(sid) => serializer.serialize_str(&sid.to_string()),
            PrincipalRef::Name(name) | PrincipalRef::InvalidSid(name, _) => {
                serializer.serialize_str(name)
            }
        }
    }
}

/// Reads one written principal: `*SID` or a name.
pub fn principal_ref(written: &str) -> PrincipalRef<'_> {
    match written.strip_prefix('*') {
        Some(sid) => match Sid::parse(sid.trim()) {
            Ok(sid) => PrincipalRef::Sid(sid),
            Err(error) => PrincipalRef::InvalidSid(written, Box::new(error)),
        },
        None => PrincipalRef::Name(written),
    }
}

/// Reads the items of a list into holders, dropping empty items (a trailing
/// comma) and warning about entries that cannot mean what they say. The
/// list is sized once, from its commas, since a forest holds millions.
pub fn holders<'a>(items: &Items<'a>, warnings: &mut Vec<Diagnostic>) -> Vec<Holder<'a>> {
    let mut list = Vec::with_capacity(items.len_bound());
    for item in items {
        let written = item.text.trim();
        if written.is_empty() {
            continue;
        }
        let holder = Holder {
            written,
            span: item.span,
            principal: principal_ref(written),
        };
        warn_about(&holder, warnings);
        list.push(holder);
    }
    // Only a trailing comma or a quoted comma leaves room to give back.
    if list.len() < list.capacity() {
        list.shrink_to_fit();
    }
    list
}

fn warn_about(holder: &Holder<'_>, warnings: &mut Vec<Diagnostic>) {
    match &holder.principal {
        PrincipalRef::InvalidSid(_, error) => warnings.push(
            Diagnostic::new(Code::TemplateInvalidSid, error.to_string(), holder.span)
                .with_label("not a valid SID")
                .with_help("write a SID as *S-1-5-…, or write the account name without `*`"),
        ),
        PrincipalRef::Name(name) if looks_like_sid(name) => warnings.push(
            Diagnostic::new(Code::TemplateSidWithoutStar,
                format!("`{name}` looks like a SID but has no leading `*`"),
                holder.span,
            )
            .with_label("read as an account name")
            .with_help(format!(
                "write `*{name}`: without the `*`, Windows looks it up as an account name and finds nothing"
            )),
        ),
        _ => {}
    }
}

/// Whether a name is a SID written without its `*`.
fn looks_like_sid(name: &str) -> bool {
    Sid::parse_quietly(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_sid_name_and_invalid_sid() {
        assert_eq!(
            principal_ref("*S-1-5-32-544"),
            PrincipalRef::Sid(Sid::parse("S-1-5-32-544").unwrap())
        );
        assert_eq!(principal_ref("Guest"), PrincipalRef::Name("Guest"));
        assert!(matches!(
            principal_ref("*S-1-5-"),
            PrincipalRef::InvalidSid("*S-1-5-", _)
        ));
    }

    #[test]
    fn holders_drop_empty_items_and_warn() {
        let doc =
            crate::syntax::parse("[Privilege Rights]\nSeBatchLogonRight = *S-1-, S-1-5-11,\n");
        let section = doc.section("Privilege Rights").unwrap();
        let entry = doc.entries(section).next().unwrap();
        let mut warnings = Vec::new();
        let list = holders(&entry.value.items, &mut warnings);
        assert_eq!(list.len(), 2);
        assert_eq!(list.capacity(), 2);
        let codes: Vec<_> = warnings.iter().map(|w| w.code).collect();
        assert_eq!(
            codes,
            ["template::invalid-sid", "template::sid-without-star"]
        );
    }

    /// A holder is what a forest holds millions of (issue 19 item 2).
    #[test]
    fn a_holder_is_small() {
        assert!(std::mem::size_of::<Holder<'_>>() <= 64);
    }

    #[test]
    fn only_texts_starting_with_s_dash_can_be_sids() {
        assert!(looks_like_sid("s-1-5-11"));
        assert!(!looks_like_sid("S-1-"));
        assert!(!looks_like_sid("Backup Operators"));
        assert!(!looks_like_sid("é"));
    }
}

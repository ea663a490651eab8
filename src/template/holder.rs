//! Holders: the principals listed in a right or a group membership line.

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::principal::{Sid, SidError};
use crate::span::Span;
use crate::syntax::Item;

/// How a holder is written: `*S-1-…` is a SID, anything else a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrincipalRef<'a> {
    /// `*S-1-5-32-544`.
    Sid(Sid),
    /// `Guest`, `CONTOSO\svc_sql`, `NT SERVICE\ALL SERVICES`, `Invitado`.
    Name(&'a str),
    /// `*` followed by something that is not a SID.
    InvalidSid(&'a str, SidError),
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
            Err(error) => PrincipalRef::InvalidSid(written, error),
        },
        None => PrincipalRef::Name(written),
    }
}

/// Reads the items of a list into holders, dropping empty items (a trailing
/// comma) and warning about entries that cannot mean what they say.
pub fn holders<'a>(items: &[Item<'a>], warnings: &mut Vec<Diagnostic>) -> Vec<Holder<'a>> {
    items
        .iter()
        .filter(|item| !item.text.trim().is_empty())
        .map(|item| {
            let written = item.text.trim();
            let holder = Holder {
                written,
                span: item.span,
                principal: principal_ref(written),
            };
            warn_about(&holder, warnings);
            holder
        })
        .collect()
}

fn warn_about(holder: &Holder<'_>, warnings: &mut Vec<Diagnostic>) {
    match &holder.principal {
        PrincipalRef::InvalidSid(_, error) => warnings.push(
            Diagnostic::new(Code::TemplateInvalidSid, error.to_string(), holder.span)
                .with_label("not a valid SID")
                .with_help("write a SID as *S-1-5-…, or write the account name without `*`"),
        ),
        PrincipalRef::Name(name) if Sid::parse(name).is_ok() => warnings.push(
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
        let items = [
            Item {
                text: "*S-1-",
                span: Span::new(0, 5),
                quoted: false,
            },
            Item {
                text: "S-1-5-11",
                span: Span::new(6, 14),
                quoted: false,
            },
            Item {
                text: "",
                span: Span::new(15, 15),
                quoted: false,
            },
        ];
        let mut warnings = Vec::new();
        let list = holders(&items, &mut warnings);
        assert_eq!(list.len(), 2);
        let codes: Vec<_> = warnings.iter().map(|w| w.code).collect();
        assert_eq!(
            codes,
            ["template::invalid-sid", "template::sid-without-star"]
        );
    }
}

//! The fields gplint reads from a backup's `gpreport.xml`: the GPO's name,
//! its GUID and where it is linked.
//!
//! The report's root is `<GPO>`; `<Name>`, `<Identifier><Identifier>` and
//! one `<LinksTo>` per link are its direct children. Deeper `<Name>`
//! elements (owners, trustees, settings) are not the GPO's name.

use super::gpo::GpoLink;
use super::guid::normalize_guid;
use super::xml::Element;

/// What a `gpreport.xml` says about its GPO.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct GpReport {
    /// The GPO's GUID, normalized.
    pub(super) guid: Option<String>,
    /// The GPO's display name.
    pub(super) name: Option<String>,
    /// Its links, in document order.
    pub(super) links: Vec<GpoLink>,
    /// When GPMC read the GPO for the report (`ReadTime`, UTC): for a
    /// backup, the backup's time.
    pub(super) read_time: Option<String>,
    /// The names it gives the SIDs of user rights and restricted groups.
    pub(super) names: Vec<(crate::principal::Sid, String)>,
}

impl GpReport {
    /// Reads the fields from the document's root. A link that lacks its
    /// path or has a flag that is not `true`/`false` is an error: guessing
    /// would change where the GPO applies.
    pub(super) fn from_xml(root: &Element, text: &str) -> Result<GpReport, String> {
        let links = root
            .children_named("LinksTo")
            .map(link)
            .collect::<Result<_, _>>()?;
        Ok(GpReport {
            guid: root
                .text_at(&["Identifier", "Identifier"])
                .and_then(normalize_guid),
            name: root.text_at(&["Name"]).map(str::to_owned),
            links,
            read_time: root.text_at(&["ReadTime"]).map(str::to_owned),
            names: super::report_names::report_names(text),
        })
    }
}

fn link(element: &Element) -> Result<GpoLink, String> {
    let som_path = element
        .text_at(&["SOMPath"])
        .ok_or("a <LinksTo> element has no <SOMPath>")?;
    Ok(GpoLink {
        som_name: element.text_at(&["SOMName"]).unwrap_or_default().to_owned(),
        som_path: som_path.to_owned(),
        // GPMC always writes both flags; these defaults are GPMC's own
        // for a new link.
        enabled: flag(element, "Enabled", true)?,
        no_override: flag(element, "NoOverride", false)?,
    })
}

fn flag(element: &Element, name: &str, default: bool) -> Result<bool, String> {
    match element.text_at(&[name]) {
        None => Ok(default),
        Some(text) if text.eq_ignore_ascii_case("true") => Ok(true),
        Some(text) if text.eq_ignore_ascii_case("false") => Ok(false),
        Some(text) => Err(format!(
            "<LinksTo><{name}> is `{text}`, expected true or false"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::xml::parse;

    fn utf16le_bom(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    const REPORT: &str = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n\
<GPO xmlns=\"http://www.microsoft.com/GroupPolicy/Settings\">\r\n\
  <Identifier>\r\n\
    <Identifier xmlns=\"http://www.microsoft.com/GroupPolicy/Types\">{c7a3e5b9-1d2f-4a6c-8e0b-5f3d7a9c1e24}</Identifier>\r\n\
  </Identifier>\r\n\
  <SecurityDescriptor><Owner><Name>CONTOSO\\Domain Admins</Name></Owner></SecurityDescriptor>\r\n\
  <Name>SQL Servers - Hardening</Name>\r\n\
  <ReadTime>2022-07-15T21:43:23.8510972Z</ReadTime>\r\n\
  <LinksTo>\r\n\
    <SOMName>SQL</SOMName>\r\n\
    <SOMPath>contoso.com/Servers/SQL</SOMPath>\r\n\
    <Enabled>true</Enabled>\r\n\
    <NoOverride>false</NoOverride>\r\n\
  </LinksTo>\r\n\
  <LinksTo><SOMName>contoso</SOMName><SOMPath>contoso.com</SOMPath><Enabled>false</Enabled><NoOverride>true</NoOverride></LinksTo>\r\n\
</GPO>";

    #[test]
    fn name_guid_and_links_from_utf16() {
        let text = crate::source::decode(utf16le_bom(REPORT)).unwrap().text;
        let report = GpReport::from_xml(&parse(&text, 3).unwrap(), &text).unwrap();
        assert_eq!(report.name.as_deref(), Some("SQL Servers - Hardening"));
        assert_eq!(
            report.read_time.as_deref(),
            Some("2022-07-15T21:43:23.8510972Z")
        );
        assert_eq!(
            report.guid.as_deref(),
            Some("{C7A3E5B9-1D2F-4A6C-8E0B-5F3D7A9C1E24}")
        );
        assert_eq!(
            report.links,
            vec![
                GpoLink {
                    som_name: "SQL".into(),
                    som_path: "contoso.com/Servers/SQL".into(),
                    enabled: true,
                    no_override: false,
                },
                GpoLink {
                    som_name: "contoso".into(),
                    som_path: "contoso.com".into(),
                    enabled: false,
                    no_override: true,
                },
            ]
        );
    }

    #[test]
    fn an_unlinked_gpo_has_no_links() {
        let report =
            GpReport::from_xml(&parse("<GPO><Name>N</Name></GPO>", 3).unwrap(), "").unwrap();
        assert_eq!(report.name.as_deref(), Some("N"));
        assert!(report.links.is_empty());
        assert_eq!(report.guid, None);
    }

    #[test]
    fn a_link_without_path_or_with_a_bad_flag_is_an_error() {
        let no_path = parse("<GPO><LinksTo><SOMName>x</SOMName></LinksTo></GPO>", 3).unwrap();
        assert!(
            GpReport::from_xml(&no_path, "")
                .unwrap_err()
                .contains("<SOMPath>")
        );
        let bad = parse(
            "<GPO><LinksTo><SOMPath>a</SOMPath><Enabled>yes</Enabled></LinksTo></GPO>",
            3,
        )
        .unwrap();
        let err = GpReport::from_xml(&bad, "").unwrap_err();
        assert!(err.contains("`yes`"), "{err}");
    }
}

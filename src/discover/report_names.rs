//! The names a GPMC report gives the SIDs it lists.
//!
//! `gpreport.xml` writes every principal of a user right or a restricted
//! group as a pair: `<Member><SID>S-1-5-21-…-1105</SID><Name>CONTOSO\svc_sql</Name></Member>`
//! (also under `<GroupName>`). GPMC resolved the SID against the domain
//! when it wrote the report, so the pair names a principal the template
//! writes only as `*S-1-5-21-…`. Any element with a `SID` and a `Name`
//! child gives one pair, whatever its depth, so the scan needs no map of
//! the report's settings.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::xml::resolve;
use crate::principal::Sid;

/// Every (SID, name) pair the report lists, in document order, each SID
/// once (its first name). A malformed report gives what was read before
/// the fault: the names are a help, never a reason to refuse a backup.
pub(super) fn report_names(text: &str) -> Vec<(Sid, String)> {
    let mut reader = Reader::from_str(text);
    let mut scan = Scan::default();
    loop {
        match reader.read_event() {
            Ok(Event::Start(start)) => scan.open(start.local_name().into_inner()),
            Ok(Event::End(_)) => scan.close(),
            Ok(Event::Text(t)) => scan.text(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) => scan.text(&resolve(&r).unwrap_or_default()),
            Ok(Event::Eof) | Err(_) => return scan.pairs,
            Ok(_) => {}
        }
    }
}

/// An element being read: which leaf it is, and the SID and name its
/// children gave.
#[derive(Default)]
struct Open {
    leaf: Option<Leaf>,
    sid: Option<String>,
    name: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Leaf {
    Sid,
    Name,
}

#[derive(Default)]
struct Scan {
    open: Vec<Open>,
    text: String,
    pairs: Vec<(Sid, String)>,
    seen: std::collections::HashSet<Sid>,
}

impl Scan {
    fn open(&mut self, local: &str) {
        let leaf = match local {
            "SID" => Some(Leaf::Sid),
            "Name" => Some(Leaf::Name),
            _ => None,
        };
        self.text.clear();
        self.open.push(Open {
            leaf,
            ..Open::default()
        });
    }

    fn text(&mut self, text: &str) {
        self.text.push_str(text);
    }

    fn close(&mut self) {
        let Some(closed) = self.open.pop() else {
            return;
        };
        let value = std::mem::take(&mut self.text).trim().to_owned();
        if let Some(parent) = self.open.last_mut() {
            match closed.leaf {
                Some(Leaf::Sid) => parent.sid = Some(value),
                Some(Leaf::Name) => parent.name = Some(value),
                None => {}
            }
        }
        if let (Some(sid), Some(name)) = (closed.sid, closed.name) {
            self.add(&sid, name);
        }
    }

    fn add(&mut self, sid: &str, name: String) {
        let Ok(sid) = Sid::parse(sid) else { return };
        if !name.is_empty() && self.seen.insert(sid) {
            self.pairs.push((sid, name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = r#"<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Name>SQL</Name>
  <Computer><ExtensionData><Extension>
    <q1:UserRightsAssignment xmlns:q1="x">
      <q1:Name>SeServiceLogonRight</q1:Name>
      <q1:Member>
        <SID xmlns="http://www.microsoft.com/GroupPolicy/Types">S-1-5-21-1-2-3-1105</SID>
        <Name xmlns="http://www.microsoft.com/GroupPolicy/Types">CONTOSO\svc_sql</Name>
      </q1:Member>
      <q1:Member>
        <SID xmlns="http://www.microsoft.com/GroupPolicy/Types">S-1-5-21-1-2-3-1105</SID>
        <Name xmlns="http://www.microsoft.com/GroupPolicy/Types">CONTOSO\other</Name>
      </q1:Member>
      <q1:Member><Name xmlns="t">NT SERVICE\ALL SERVICES</Name></q1:Member>
    </q1:UserRightsAssignment>
    <q1:RestrictedGroups xmlns:q1="x"><q1:GroupName>
      <SID xmlns="t">S-1-5-21-1-2-3-1130</SID><Name xmlns="t">CONTOSO\Batch &amp; Jobs</Name>
    </q1:GroupName></q1:RestrictedGroups>
  </Extension></ExtensionData></Computer></GPO>"#;

    #[test]
    fn pairs_come_from_any_element_with_a_sid_and_a_name() {
        let pairs: Vec<(String, String)> = report_names(REPORT)
            .into_iter()
            .map(|(sid, name)| (sid.to_string(), name))
            .collect();
        assert_eq!(
            pairs,
            [
                (
                    "S-1-5-21-1-2-3-1105".to_owned(),
                    "CONTOSO\\svc_sql".to_owned()
                ),
                (
                    "S-1-5-21-1-2-3-1130".to_owned(),
                    "CONTOSO\\Batch & Jobs".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_broken_report_gives_what_came_before_the_fault() {
        let cut = &REPORT[..REPORT.find("CONTOSO\\other").unwrap()];
        let pairs = report_names(&format!("{cut}<<<"));
        assert_eq!(pairs.len(), 1);
        assert!(report_names("not xml at all").is_empty());
    }
}

//! `dump --format json` written as it is made, one template at a time.
//!
//! The document is `{"files": [...], "gpos": [...]}` pretty-printed as
//! `serde_json` prints a whole `Value` (keys sorted, two spaces a level).
//! Keeping every template's `Value` until the end cost memory in
//! proportion to the forest (6 GB for 10,000 GPOs); here each template is
//! printed alone and indented to its place, so the bytes are the same
//! and only the GPO records, which are small, wait for the end.

use serde::Serialize;

/// Where the document is: how many files are written, and the GPO
/// records to write after them.
#[derive(Debug, Default)]
pub struct JsonDump {
    files: usize,
    gpos: Vec<serde_json::Value>,
}

/// How deep a template's object is: inside the document's object and
/// its `files` array.
const FILE_INDENT: &str = "    ";

impl JsonDump {
    /// A document with nothing in it yet.
    pub fn new() -> JsonDump {
        JsonDump::default()
    }

    /// One template's view as an element of `files`. The view is written
    /// as it is, not through a `Value`, whose maps cost an allocation per
    /// key: its keys must already be in sorted order, as a `Value`'s are
    /// ([`DumpView`](super::dump_view::DumpView)'s fields are declared so).
    /// Elements are made in any order (in parallel), each written after
    /// [`JsonDump::next_file`].
    pub fn element(view: &impl Serialize) -> Result<String, serde_json::Error> {
        pretty_at(view, FILE_INDENT)
    }

    /// What goes before the next element: the document's start before
    /// the first, a comma before the others.
    pub fn next_file(&mut self) -> &'static str {
        self.files += 1;
        match self.files {
            1 => "{\n  \"files\": [\n    ",
            _ => ",\n    ",
        }
    }

    /// A GPO's record, written at the end under `gpos`.
    pub fn gpo(&mut self, gpo: &impl Serialize) -> Result<(), serde_json::Error> {
        self.gpos.push(serde_json::to_value(gpo)?);
        Ok(())
    }

    /// The rest of the document: the end of `files`, then `gpos`.
    pub fn end(self) -> Result<String, serde_json::Error> {
        let files_end = match self.files {
            0 => "{\n  \"files\": []",
            _ => "\n  ]",
        };
        let gpos = pretty_at(&serde_json::Value::Array(self.gpos), "  ")?;
        Ok(format!("{files_end},\n  \"gpos\": {gpos}\n}}\n"))
    }
}

/// `value` pretty-printed as it would be `indent` deep in a document:
/// every line after the first indented. A JSON string holds no raw line
/// break (it is written `\n`), so each one is the printer's.
fn pretty_at(value: &impl Serialize, indent: &str) -> Result<String, serde_json::Error> {
    let pretty = serde_json::to_string_pretty(value)?;
    Ok(pretty.replace('\n', &format!("\n{indent}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The document as `dump` wrote it whole.
    fn whole(files: &[serde_json::Value], gpos: &[serde_json::Value]) -> String {
        format!("{:#}\n", json!({ "gpos": gpos, "files": files }))
    }

    fn streamed(files: &[serde_json::Value], gpos: &[serde_json::Value]) -> String {
        let mut dump = JsonDump::new();
        let mut text = String::new();
        for file in files {
            text += dump.next_file();
            text += &JsonDump::element(file).unwrap();
        }
        for gpo in gpos {
            dump.gpo(gpo).unwrap();
        }
        text + &dump.end().unwrap()
    }

    #[test]
    fn the_bytes_are_those_of_the_whole_document() {
        let file = json!({
            "file": "a\nb.inf",
            "warnings": [],
            "sections": ["Unicode", "Version"],
            "privilege_rights": [{"right": "SeServiceLogonRight", "holders": [{}], "at": {"line": 3}}],
            "encoding": "utf-16le",
        });
        let other = json!({"file": "c.inf", "other_sections": {}, "n": 1.5, "none": null});
        let gpo = json!({"kind": "sysvol", "links": [], "name": "Default \"Domain\" Policy"});
        let cases: [(&[serde_json::Value], &[serde_json::Value]); 5] = [
            (&[], &[]),
            (&[], std::slice::from_ref(&gpo)),
            (std::slice::from_ref(&file), &[]),
            (std::slice::from_ref(&file), std::slice::from_ref(&gpo)),
            (
                &[file.clone(), other.clone(), file.clone()],
                &[gpo.clone(), gpo.clone()],
            ),
        ];
        for (files, gpos) in cases {
            assert_eq!(streamed(files, gpos), whole(files, gpos));
        }
    }
}

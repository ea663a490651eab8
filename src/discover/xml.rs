//! A shallow XML tree: the few top levels of a document, namespaces
//! dropped, text and CDATA joined.
//!
//! GPMC's files are large (a gpreport.xml can hold megabytes of settings)
//! but gplint reads only elements near the root, so deeper elements are
//! checked for well-formedness and then dropped. That also bounds memory
//! and recursion on hostile input.

use quick_xml::Reader;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};

/// An element with its own text (not its children's) and the children kept.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Element {
    /// The local name, without any namespace prefix.
    pub(super) name: String,
    /// Text and CDATA directly inside the element, entities resolved.
    pub(super) text: String,
    /// Child elements, in document order.
    pub(super) children: Vec<Element>,
}

impl Element {
    /// The child elements named `name`.
    pub(super) fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The first element at `path` below this one.
    pub(super) fn at(&self, path: &[&str]) -> Option<&Element> {
        path.iter().try_fold(self, |here, name| {
            here.children.iter().find(|c| c.name == *name)
        })
    }

    /// The trimmed text at `path`, when there is some.
    pub(super) fn text_at(&self, path: &[&str]) -> Option<&str> {
        self.at(path)
            .map(|e| e.text.trim())
            .filter(|t| !t.is_empty())
    }
}

/// Parses `text`, keeping elements down to `depth` levels (the root is
/// level 1). Errors are one line, with the line number where possible.
pub(super) fn parse(text: &str, depth: usize) -> Result<Element, String> {
    let mut reader = Reader::from_str(text);
    let mut tree = Tree::new(depth);
    loop {
        let event = reader
            .read_event()
            .map_err(|e| at_line(text, reader.error_position(), &e.to_string()))?;
        let step = match event {
            Event::Start(start) => tree.open(&start),
            Event::Empty(start) => tree.open(&start).and_then(|()| tree.close()),
            Event::End(_) => tree.close(),
            Event::Text(t) => tree.add_text(&t.xml10_content()),
            Event::CData(c) => tree.add_text(&c.xml10_content()),
            Event::GeneralRef(r) => resolve(&r).and_then(|s| tree.add_text(&s)),
            Event::Eof => {
                return tree
                    .finish()
                    .map_err(|message| at_line(text, reader.buffer_position(), &message));
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => Ok(()),
        };
        step.map_err(|message| at_line(text, reader.buffer_position(), &message))?;
    }
}

/// The text an entity or character reference stands for.
pub(super) fn resolve(reference: &BytesRef<'_>) -> Result<String, String> {
    if let Some(c) = reference.resolve_char_ref().map_err(|e| e.to_string())? {
        return Ok(c.to_string());
    }
    let name: &str = reference;
    resolve_xml_entity(name)
        .map(str::to_owned)
        .ok_or_else(|| format!("unknown entity `&{name};`"))
}

/// `message` prefixed with the 1-based line of byte `offset` in `text`.
fn at_line(text: &str, offset: u64, message: &str) -> String {
    let end = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(text.len());
    let before = text.get(..end).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    format!("line {line}: {}", message.replace(['\r', '\n'], " "))
}

/// The elements being built, and how deep the reader is.
struct Tree {
    keep: usize,
    depth: usize,
    open: Vec<Element>,
    root: Option<Element>,
}

impl Tree {
    fn new(keep: usize) -> Tree {
        Tree {
            keep,
            depth: 0,
            open: Vec::new(),
            root: None,
        }
    }

    fn open(&mut self, start: &BytesStart<'_>) -> Result<(), String> {
        if self.depth == 0 && self.root.is_some() {
            return Err("a second root element; an XML file has exactly one".into());
        }
        self.depth += 1;
        if self.depth <= self.keep {
            self.open.push(Element {
                name: start.local_name().into_inner().to_owned(),
                ..Element::default()
            });
        }
        Ok(())
    }

    fn close(&mut self) -> Result<(), String> {
        if self.depth <= self.keep {
            let element = self
                .open
                .pop()
                .ok_or("a closing tag without an opening tag")?;
            match self.open.last_mut() {
                Some(parent) => parent.children.push(element),
                None => self.root = Some(element),
            }
        }
        self.depth = self.depth.saturating_sub(1);
        Ok(())
    }

    fn add_text(&mut self, text: &str) -> Result<(), String> {
        if self.depth == 0 {
            // Only whitespace may stand outside the root element.
            if text.trim().is_empty() {
                return Ok(());
            }
            return Err("text outside the root element".into());
        }
        if self.depth <= self.keep
            && let Some(element) = self.open.last_mut()
        {
            element.text.push_str(text);
        }
        Ok(())
    }

    fn finish(self) -> Result<Element, String> {
        if let Some(open) = self.open.last() {
            return Err(format!("the file ends inside <{}>", open.name));
        }
        if self.depth > 0 {
            return Err("the file ends inside an element".into());
        }
        self.root
            .ok_or_else(|| "no root element (the file is empty)".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdata_text_and_entities_are_joined() {
        let root = parse(
            "<BackupInst xmlns=\"urn:x\"><GPODisplayName><![CDATA[A & B]]></GPODisplayName>\
             <Comment>x &amp; y&#x41;&lt;</Comment></BackupInst>",
            3,
        )
        .unwrap();
        assert_eq!(root.name, "BackupInst");
        assert_eq!(root.text_at(&["GPODisplayName"]), Some("A & B"));
        assert_eq!(root.text_at(&["Comment"]), Some("x & yA<"));
    }

    #[test]
    fn prefixes_are_dropped() {
        let root = parse("<a:GPO xmlns:a=\"urn:a\"><a:Name>N</a:Name></a:GPO>", 3).unwrap();
        assert_eq!(root.name, "GPO");
        assert_eq!(root.text_at(&["Name"]), Some("N"));
    }

    #[test]
    fn deep_elements_are_dropped_but_checked() {
        let root = parse("<a><b><c><d>deep</d>c</c></b></a>", 3).unwrap();
        assert_eq!(root.text_at(&["b", "c"]), Some("c"));
        assert!(root.at(&["b", "c", "d"]).is_none());
        let err = parse("<a><b><c><d>deep</e></c></b></a>", 3).unwrap_err();
        assert!(err.starts_with("line 1:"), "{err}");
    }

    #[test]
    fn empty_elements_and_missing_text() {
        let root = parse("<a><b/><c>  </c></a>", 3).unwrap();
        assert!(root.at(&["b"]).is_some());
        assert_eq!(root.text_at(&["b"]), None);
        assert_eq!(root.text_at(&["c"]), None);
    }

    #[test]
    fn a_declaration_naming_utf16_is_fine_after_decoding() {
        let root = parse("<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<GPO/>", 3).unwrap();
        assert_eq!(root.name, "GPO");
    }

    #[test]
    fn malformed_documents_are_errors_with_a_line() {
        for (text, line) in [
            ("<a>\r\n<b></a>", 2),
            ("<a>\n<b>", 2),
            ("", 1),
            ("<a/><b/>", 1),
            ("<a>&nbsp;</a>", 1),
            ("junk<a/>", 1),
            ("<a>\n</b>", 2),
        ] {
            let err = parse(text, 3).unwrap_err();
            assert!(err.starts_with(&format!("line {line}:")), "{text:?}: {err}");
            assert!(!err.contains('\n'), "{err}");
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let text = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        let root = parse(&text, 3).unwrap();
        assert_eq!(root.name, "a");
    }
}

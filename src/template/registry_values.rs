//! `[Registry Values]`: `MACHINE\path\Value = type,data`.

use rustc_hash::FxHashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;
use crate::syntax::{Document, Section};

use super::keyed::{warn_duplicate_key, warn_values_line};
use crate::last_wins::AsciiFolded;

/// One registry value line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistryValue<'a> {
    /// The registry path and value name, as written.
    pub path: &'a str,
    /// Where the path is written.
    pub path_span: Span,
    /// The registry type: 1 REG_SZ, 4 REG_DWORD, 7 REG_MULTI_SZ, …; `None`
    /// when the first item is not a number.
    pub kind: Option<u32>,
    /// The data items after the type, without quotes.
    pub data: Vec<&'a str>,
    /// Where the whole value is written.
    pub value_span: Span,
    /// Index of the line in the document.
    pub line: usize,
}

impl RegistryValue<'_> {
    /// The name of the registry type, e.g. `REG_DWORD`.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            Some(1) => "REG_SZ",
            Some(2) => "REG_EXPAND_SZ",
            Some(3) => "REG_BINARY",
            Some(4) => "REG_DWORD",
            Some(7) => "REG_MULTI_SZ",
            Some(11) => "REG_QWORD",
            _ => "unknown",
        }
    }
}

/// Reads every registry value of the section.
pub fn read<'a>(
    doc: &Document<'a>,
    section: &Section<'a>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<RegistryValue<'a>> {
    read_kept(doc, section, warnings, |_| true)
}

/// Reads the registry values whose path `keep` accepts, warning about
/// every line as [`read`] does. A `secedit /export` holds hundreds of
/// thousands of values, of which the logon model reads two: the others
/// are checked and dropped as they are read, not kept and then filtered.
pub fn read_kept<'a>(
    doc: &Document<'a>,
    section: &Section<'a>,
    warnings: &mut Vec<Diagnostic>,
    keep: impl Fn(&str) -> bool,
) -> Vec<RegistryValue<'a>> {
    // A value written twice keeps its later line, in the later place:
    // the earlier one is blanked, found by key (borrowed, case folded)
    // rather than by a scan.
    let mut out: Vec<Option<RegistryValue<'a>>> = Vec::new();
    let mut by_path: FxHashMap<AsciiFolded<'a>, (Span, Option<usize>)> = FxHashMap::default();
    for line in doc.section_lines(section) {
        let Some(entry) = warn_values_line(line, section.name, warnings) else {
            continue;
        };
        let mut items = entry.value.items.iter();
        let kind_item = items.next();
        let kind = kind_item.and_then(|item| item.text.trim().parse::<u32>().ok());
        if let (None, Some(item)) = (kind, kind_item) {
            warnings.push(bad_type(item.text, item.span));
        }
        let slot = keep(entry.key).then(|| {
            out.push(Some(RegistryValue {
                path: entry.key,
                path_span: entry.key_span,
                kind,
                data: items.map(|item| item.text).collect(),
                value_span: entry.value.span,
                line: entry.line,
            }));
            out.len() - 1
        });
        let earlier = by_path.insert(AsciiFolded(entry.key), (entry.key_span, slot));
        if let Some((earlier_span, earlier_slot)) = earlier {
            warn_duplicate_key(entry.key, entry.key_span, earlier_span, warnings);
            if let Some(blank) = earlier_slot.and_then(|i| out.get_mut(i)) {
                *blank = None;
            }
        }
    }
    out.into_iter().flatten().collect()
}

fn bad_type(text: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::TemplateBadRegistryType,
        format!("`{text}` is not a registry type number"),
        span,
    )
    .with_label("expected a number such as 4 (REG_DWORD)")
    .with_help("write registry values as `MACHINE\\path\\Name=<type>,<data>`, e.g. `=4,1`")
}

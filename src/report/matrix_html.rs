//! The accounts × logon-types matrix as HTML, shared by `diff --format
//! html` and `explain --format html`: one self-contained page (inline
//! CSS and a few lines of plain script for the filters; nothing fetched).
//!
//! Every text from the inputs (scope, account, entry, file name) goes
//! through [`esc`] after [`super::visible_line`], so a name holding
//! `<script>` or a quote is shown, never run or read as markup. Each cell
//! carries its evidence once, in `title` (shown on hover); the cell is
//! focusable and shows the same text below itself on focus, so a
//! keyboard or a click reaches it without a second copy in the page.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::diff::{Cell, CellKey, Expected, Snapshot, State};
use crate::logon_type::LogonType;

use super::visible_line;

/// Escapes text for HTML element content and double-quoted attributes,
/// after making control and reordering characters visible.
pub fn esc(text: &str) -> String {
    let visible = visible_line(text);
    let mut out = String::with_capacity(visible.len());
    for c in visible.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A scope's name as a heading: the unscoped chain has none.
pub fn scope_name(scope: &Option<String>) -> &str {
    scope.as_deref().unwrap_or("the inputs as one chain")
}

/// Each scope's accounts, in order, over every snapshot given.
pub fn accounts_by_scope<'a>(
    sides: &[&'a Snapshot],
) -> BTreeMap<&'a Option<String>, BTreeSet<&'a String>> {
    let mut out: BTreeMap<&Option<String>, BTreeSet<&String>> = BTreeMap::new();
    for side in sides {
        for (scope, account, _) in side.cells.keys() {
            out.entry(scope).or_default().insert(account);
        }
    }
    out
}

/// The page up to the first scope: title, style, the filters.
pub fn open(out: &mut String, title: &str, changed_filter: bool) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\">\
         <title>{}</title><style>{STYLE}</style></head><body>\n<h1>{}</h1>\n",
        esc(title),
        esc(title)
    );
    out.push_str(
        "<form class=\"filters\" role=\"search\" onsubmit=\"return false\">\
         <label>Account <input id=\"f-account\" type=\"search\"></label> \
         <label>Scope <input id=\"f-scope\" type=\"search\"></label> ",
    );
    if changed_filter {
        out.push_str("<label><input id=\"f-changed\" type=\"checkbox\"> changed only</label>");
    }
    out.push_str(
        "</form>\n<p class=\"legend\">✓ allowed · ✗ denied · – not granted · \
         ⊘ restricted · <span class=\"mark\">Δ</span> changed · \
         <span class=\"mark\">!</span> against services.yaml · \
         hover or focus a cell for its evidence</p>\n",
    );
}

/// The end of the page: the filters' script.
pub fn close(out: &mut String) {
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body></html>\n");
}

/// One side's matrix of one scope. `changed` holds the cells to mark.
pub struct Matrix<'a> {
    /// The caption: `BASE origin/main:gpo`, or nothing for explain.
    pub caption: &'a str,
    /// The side.
    pub side: &'a Snapshot,
    /// The scope.
    pub scope: &'a Option<String>,
    /// Its accounts, as rows.
    pub accounts: &'a BTreeSet<&'a String>,
    /// The cells to mark as changed.
    pub changed: &'a BTreeSet<CellKey>,
}

impl Matrix<'_> {
    /// Writes the table.
    pub fn write(&self, out: &mut String) {
        out.push_str("<table>");
        if !self.caption.is_empty() {
            let _ = write!(out, "<caption>{}</caption>", esc(self.caption));
        }
        out.push_str("<thead><tr><th scope=\"col\">account</th>");
        for t in LogonType::ALL {
            let _ = write!(out, "<th scope=\"col\">{}</th>", t.as_str());
        }
        out.push_str("</tr></thead><tbody>\n");
        for account in self.accounts {
            self.row(out, account);
        }
        out.push_str("</tbody></table>\n");
    }

    fn row(&self, out: &mut String, account: &str) {
        let key = |t| (self.scope.clone(), account.to_owned(), t);
        let changed = LogonType::ALL
            .iter()
            .any(|&t| self.changed.contains(&key(t)));
        let _ = write!(
            out,
            "<tr data-account=\"{}\"{}><th scope=\"row\">{}</th>",
            esc(&account.to_lowercase()),
            if changed { " class=\"changed\"" } else { "" },
            esc(account)
        );
        for t in LogonType::ALL {
            let key = key(t);
            let mark = Mark {
                changed: self.changed.contains(&key),
                against: against(self.side.expected.get(&key), self.side.cells.get(&key)),
            };
            cell(out, self.side.cells.get(&key), mark);
        }
        out.push_str("</tr>\n");
    }
}

/// What a cell is marked with besides its verdict.
#[derive(Clone, Copy)]
struct Mark {
    changed: bool,
    against: bool,
}

/// Whether the cell goes against what `services.yaml` expects.
fn against(expected: Option<&Expected>, cell: Option<&Cell>) -> bool {
    let works = cell.is_some_and(Cell::works);
    match expected {
        Some(Expected::Must) => !works,
        Some(Expected::MustNot) => works,
        None => false,
    }
}

fn cell(out: &mut String, cell: Option<&Cell>, mark: Mark) {
    let (class, symbol, word) = match cell.map(|c| c.state) {
        Some(State::Allowed) => ("allowed", "✓", "allowed"),
        Some(State::Denied) => ("denied", "✗", "denied"),
        Some(State::NotGranted) => ("none", "–", "not granted"),
        Some(State::Restricted) => ("restricted", "⊘", "restricted"),
        None => ("absent", "", "absent"),
    };
    let title = cell.map_or_else(|| "no such scope on this side".to_owned(), evidence);
    let _ = write!(
        out,
        "<td class=\"{class}{}{}\" tabindex=\"0\" title=\"{}\">",
        if mark.changed { " changed" } else { "" },
        if mark.against { " against" } else { "" },
        esc(&title)
    );
    if mark.changed {
        out.push_str("<span class=\"mark\">Δ</span> ");
    }
    if mark.against {
        out.push_str("<span class=\"mark\">!</span> ");
    }
    let _ = write!(out, "{symbol} {word}</td>");
}

/// What decides a cell, in words: the entry, the right, file and line.
pub fn evidence(cell: &Cell) -> String {
    let at = cell.place.as_ref().map_or_else(
        || " (Windows' default)".to_owned(),
        |p| format!(" at {}:{}", p.file, p.line),
    );
    let entry = cell.entry.as_deref().unwrap_or_default();
    let via = if cell.via.len() > 1 {
        format!(" through {}", cell.via.join(" → "))
    } else {
        String::new()
    };
    match cell.state {
        State::Denied => format!("denied by {entry} in {}{via}{at}", cell.right),
        State::Allowed => format!("granted by {entry} in {}{via}{at}", cell.right),
        State::NotGranted => format!("no entry of {} holds it{at}", cell.right),
        State::Restricted => format!(
            "{}; the rights allow it ({entry} in {}{at})",
            cell.restriction
                .as_deref()
                .unwrap_or("a restriction refuses it"),
            cell.right
        ),
    }
}

const STYLE: &str = "body{font:14px system-ui,sans-serif;margin:1em 2em;color:#111}\
table{border-collapse:collapse;margin:.3em 1em .8em 0}\
caption{text-align:left;font-weight:bold;padding:.2em 0}\
th,td{border:1px solid #bbb;padding:.15em .4em;text-align:left;white-space:nowrap}\
td{position:relative;cursor:help}\
td:focus{outline:2px solid #000}\
td:focus::after{content:attr(title);position:absolute;left:0;top:100%;z-index:2;\
background:#ffd;border:1px solid #333;padding:.3em;white-space:normal;width:28em}\
.allowed{background:#e3f4e3}.denied{background:#f8dcdc}.none{background:#f2f2f2}\
.restricted{background:#fde9c8}.absent{background:#fff;color:#777}\
td.changed{border:3px solid #000;font-weight:bold}\
tr.changed>th{font-weight:bold}\
.against{text-decoration:underline wavy #b00}\
.mark{font-weight:bold}\
.sides{display:flex;flex-wrap:wrap;align-items:flex-start}\
section{border-top:1px solid #ccc;margin-top:.6em}\
.filters label{margin-right:1em}.legend{color:#333}\
ul.changes li{margin:.1em 0}";

const SCRIPT: &str = "(function(){\
var a=document.getElementById('f-account'),s=document.getElementById('f-scope'),\
c=document.getElementById('f-changed');\
function run(){var av=a.value.toLowerCase(),sv=s.value.toLowerCase(),co=c&&c.checked;\
document.querySelectorAll('section.scope').forEach(function(sec){\
var ok=sec.getAttribute('data-scope').indexOf(sv)>=0,any=false;\
sec.querySelectorAll('tbody tr').forEach(function(tr){\
var show=ok&&tr.getAttribute('data-account').indexOf(av)>=0&&(!co||tr.classList.contains('changed'));\
tr.hidden=!show;any=any||show;});sec.hidden=!any;});}\
[a,s,c].forEach(function(e){if(e){e.addEventListener('input',run);e.addEventListener('change',run);}});\
})();";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_name_is_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
        );
        assert_eq!(esc("a\u{1b}b"), "a\\u{1b}b");
    }

    #[test]
    fn a_must_logon_that_does_not_work_is_against() {
        let cell = Cell {
            state: State::Denied,
            right: "SeDenyServiceLogonRight",
            entry: Some("*S-1-5-32-546".into()),
            via: Vec::new(),
            place: None,
            restriction: None,
        };
        assert!(against(Some(&Expected::Must), Some(&cell)));
        assert!(!against(Some(&Expected::MustNot), Some(&cell)));
        assert!(!against(None, Some(&cell)));
        assert_eq!(
            evidence(&cell),
            "denied by *S-1-5-32-546 in SeDenyServiceLogonRight (Windows' default)"
        );
    }
}

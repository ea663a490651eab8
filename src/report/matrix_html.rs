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

use std::collections::{BTreeMap, BTreeSet, HashMap};
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
         hover, click or focus a cell (Tab) for its evidence</p>\n",
    );
}

/// The end of the page: the evidence list, the panel a focused cell's
/// evidence shows in, the script.
pub fn close(out: &mut String, evidence: &Evidence) {
    evidence.write(out);
    let _ = write!(
        out,
        "<div id=\"panel\" role=\"status\" aria-live=\"polite\"></div>\n<script>{SCRIPT}</script>\n</body></html>\n"
    );
}

/// Distinct evidence texts, numbered in order of first use. Cells name
/// theirs by number: a forest repeats "no entry of SeBatchLogonRight holds
/// it at FILE:LINE" for every account of a scope, and the page must stay
/// linear and small.
#[derive(Default)]
pub struct Evidence {
    index: HashMap<String, usize>,
    texts: Vec<String>,
}

impl Evidence {
    fn id(&mut self, text: String) -> usize {
        if let Some(&id) = self.index.get(&text) {
            return id;
        }
        let id = self.texts.len();
        self.index.insert(text.clone(), id);
        self.texts.push(text);
        id
    }

    /// Writes the numbered list the script reads cells' evidence from;
    /// without script it is still there to read.
    pub fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "<details class=\"index\"><summary>Evidence ({} texts)</summary><ol id=\"evidence\" start=\"0\">",
            self.texts.len()
        );
        for text in &self.texts {
            let _ = write!(out, "<li>{}", esc(text));
        }
        out.push_str("</ol></details>\n");
    }
}

/// One scope's matrix: the account rows, then five logon-type columns
/// per side (BASE and HEAD, or the one state `explain` shows).
pub struct Matrix<'a> {
    /// The sides with their captions (`BASE`, `HEAD`), or one side with
    /// an empty caption.
    pub sides: &'a [(&'a str, &'a Snapshot)],
    /// The scope.
    pub scope: &'a Option<String>,
    /// Its accounts, as rows.
    pub accounts: &'a BTreeSet<&'a String>,
    /// The cells to mark as changed.
    pub changed: &'a BTreeSet<CellKey>,
    /// Whether changed cells carry their evidence in the page, readable
    /// without the script (a page with few changes).
    pub inline: bool,
}

impl Matrix<'_> {
    /// Writes the table, numbering evidence into `evidence`.
    pub fn write(&self, out: &mut String, evidence: &mut Evidence) {
        out.push_str("<table><thead>");
        if self.sides.iter().any(|(caption, _)| !caption.is_empty()) {
            out.push_str("<tr><td></td>");
            for (caption, _) in self.sides {
                let _ = write!(
                    out,
                    "<th colspan=\"5\" scope=\"colgroup\">{}</th>",
                    esc(caption)
                );
            }
            out.push_str("</tr>");
        }
        out.push_str("<tr><th scope=\"col\">account</th>");
        for _ in self.sides {
            for t in LogonType::ALL {
                let _ = write!(out, "<th scope=\"col\">{}</th>", t.as_str());
            }
        }
        out.push_str("</tr></thead><tbody>\n");
        for account in self.accounts {
            self.row(out, account, evidence);
        }
        out.push_str("</tbody></table>\n");
    }

    fn row(&self, out: &mut String, account: &str, evidence: &mut Evidence) {
        let key = |t| (self.scope.clone(), account.to_owned(), t);
        let changed = LogonType::ALL
            .iter()
            .any(|&t| self.changed.contains(&key(t)));
        let mut ids = Vec::new();
        let mut cells = String::new();
        for (_, side) in self.sides {
            for t in LogonType::ALL {
                let key = key(t);
                let found = side.cells.get(&key);
                let text = found.map_or_else(|| "no such scope on this side".to_owned(), shared);
                ids.push(evidence.id(text).to_string());
                let mark = Mark {
                    changed: self.changed.contains(&key),
                    against: against(side.expected.get(&key), found),
                    inline: self.inline,
                };
                cell(&mut cells, found, mark);
            }
        }
        let _ = writeln!(
            out,
            "<tr data-e=\"{}\"{}><th scope=row>{}{cells}",
            ids.join(" "),
            if changed { " class=\"changed\"" } else { "" },
            esc(account)
        );
    }
}

/// What a cell is marked with besides its verdict.
#[derive(Clone, Copy)]
struct Mark {
    changed: bool,
    against: bool,
    inline: bool,
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

/// A cell: its class and symbol, evidence by number in its row. A
/// changed cell also says its verdict in words and, when `mark.inline`,
/// carries its whole evidence in `title` and in a `<details>` that opens
/// by keyboard without the script. Plain cells leave out the optional
/// end tag and quotes: they are most of a forest's page.
fn cell(out: &mut String, cell: Option<&Cell>, mark: Mark) {
    let (class, symbol, word) = match cell.map(|c| c.state) {
        Some(State::Allowed) => ("a", "✓", "allowed"),
        Some(State::Denied) => ("d", "✗", "denied"),
        Some(State::NotGranted) => ("n", "–", "not granted"),
        Some(State::Restricted) => ("r", "⊘", "restricted"),
        None => ("z", "·", "absent"),
    };
    let bang = if mark.against { "! " } else { "" };
    match (mark.changed, mark.against) {
        (false, false) => {
            let _ = write!(out, "<td class={class}>{symbol}");
            return;
        }
        (false, true) => {
            let _ = write!(out, "<td class=\"{class} x\">! {symbol}");
            return;
        }
        _ => {}
    }
    let against = if mark.against { " x" } else { "" };
    if !mark.inline {
        let _ = write!(
            out,
            "<td class=\"{class}{against} changed\">Δ {bang}{symbol}"
        );
        return;
    }
    let summary = format!("<span class=\"mark\">Δ</span> {bang}{symbol} {word}");
    let text = esc(&cell.map_or_else(|| "no such scope on this side".to_owned(), evidence));
    let _ = write!(
        out,
        "<td class=\"{class}{against} changed\" title=\"{text}\"><details><summary>\
         {summary}</summary>{text}</details></td>"
    );
}

/// The evidence the accounts of a scope share: the path through groups
/// leaves out the account itself, which its row already names.
fn shared(cell: &Cell) -> String {
    let mut cell = cell.clone();
    if !cell.via.is_empty() {
        cell.via.remove(0);
    }
    evidence(&cell)
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
tbody td{cursor:help;text-align:center}\
td:focus{outline:2px solid #000}td details{text-align:left;white-space:normal}\
td.a{background:#e3f4e3}td.d{background:#f8dcdc}td.n{background:#f2f2f2}\
td.r{background:#fde9c8}td.z{background:#fff;color:#777}\
td.changed{border:3px solid #000;font-weight:bold}\
tr.changed>th{font-weight:bold}\
td.x{text-decoration:underline wavy #b00}\
#panel{position:sticky;bottom:0;background:#ffd;border:1px solid #333;padding:.3em;min-height:1.2em}\
.mark{font-weight:bold}\
.sides{display:flex;flex-wrap:wrap;align-items:flex-start}\
section{border-top:1px solid #ccc;margin-top:.6em}\
.filters label{margin-right:1em}.legend{color:#333}\
ul.changes li{margin:.1em 0}";

/// Filters rows and scopes; gives each cell its evidence: `title` on
/// hover, the panel on focus or click, cells reachable with Tab.
const SCRIPT: &str = "(function(){\
var a=document.getElementById('f-account'),s=document.getElementById('f-scope'),\
c=document.getElementById('f-changed'),list=document.getElementById('evidence'),\
panel=document.getElementById('panel');\
function run(){var av=a.value.toLowerCase(),sv=s.value.toLowerCase(),co=c&&c.checked;\
document.querySelectorAll('section.scope').forEach(function(sec){\
var ok=sec.getAttribute('data-scope').indexOf(sv)>=0,any=false;\
sec.querySelectorAll('tbody tr').forEach(function(tr){\
var show=ok&&tr.cells[0].textContent.toLowerCase().indexOf(av)>=0&&(!co||tr.classList.contains('changed'));\
tr.hidden=!show;any=any||show;});sec.hidden=!any;});}\
[a,s,c].forEach(function(e){if(e){e.addEventListener('input',run);e.addEventListener('change',run);}});\
function cellOf(e){var t=e.target;while(t&&t.tagName!=='TD'){t=t.parentElement;}\
return t&&t.parentElement&&t.parentElement.hasAttribute('data-e')?t:null;}\
function text(td){if(td.title){return td.title;}var ids=td.parentElement.getAttribute('data-e').split(' '),\
li=list.children[+ids[td.cellIndex-1]];td.title=li?li.textContent:'';return td.title;}\
function show(e){var td=cellOf(e);if(!td){return;}var tr=td.parentElement,\
head=tr.closest('table').tHead.rows,type=head[head.length-1].cells[td.cellIndex].textContent;\
panel.textContent=tr.cells[0].textContent+' · '+type+': '+text(td);}\
document.addEventListener('mouseover',function(e){var td=cellOf(e);if(td){text(td);}});\
document.addEventListener('focusin',show);document.addEventListener('click',show);\
document.querySelectorAll('tbody td').forEach(function(td){td.tabIndex=0;});\
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

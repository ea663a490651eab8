//! The human form of `gplint explain`: a matrix of accounts × logon types.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write;

use super::explain_view::{AccountView, CellView, ExplainView, ScopeView};
use super::visible::visible_owned;
use crate::logon::VerdictSource;
use crate::logon_type::LogonType;

/// Writes, for each scope, the effective logon rights and the matrix of
/// accounts × logon types, then one footnote per cell that breaks its
/// expectation.
pub fn write(view: &ExplainView) -> String {
    let mut writer = Writer::default();
    let mut out = String::new();
    for scope in &view.scopes {
        let accounts = view.accounts.iter().filter(|a| a.scope == scope.scope);
        out.push_str(&writer.scope(scope, accounts));
    }
    out.push_str(&writer.finish());
    out
}

/// [`write()`] a scope at a time, for a run too large to hold whole
/// (`explain --all-accounts`): what follows the last scope (where facts
/// come from, the legend, the footnotes) is gathered as scopes are
/// written. The pieces joined are [`write()`]'s text.
#[derive(Debug, Default)]
pub struct Writer {
    scopes: usize,
    notes: Vec<String>,
    facts: Vec<String>,
    with_facts: HashSet<String>,
    restricted: bool,
    surveyed: HashSet<String>,
}

impl Writer {
    /// The text of one scope: its rights and its accounts' matrix.
    pub fn scope<'v>(
        &mut self,
        scope: &ScopeView,
        accounts: impl Iterator<Item = &'v AccountView> + Clone,
    ) -> String {
        let mut out = String::new();
        if self.scopes > 0 {
            out.push('\n');
        }
        self.scopes += 1;
        write_scope_header(&mut out, scope);
        write_rights(&mut out, scope);
        out.push('\n');
        write_matrix(&mut out, accounts.clone(), &mut self.notes);
        for account in accounts {
            self.remember(account);
        }
        visible_owned(out)
    }

    /// What the end says of an account: where its facts come from (once
    /// per account), whether a restriction refuses it, whether surveyed.
    fn remember(&mut self, account: &AccountView) {
        self.restricted |= account
            .logon
            .cells()
            .iter()
            .any(|(_, c)| c.restriction.is_some());
        if account.surveyed {
            // A surveyed account's facts all come from the directory:
            // 50,000 lines saying so would bury the declared accounts'.
            if !self.surveyed.contains(&account.account) {
                self.surveyed.insert(account.account.clone());
            }
            return;
        }
        if account.facts.is_empty() || self.with_facts.contains(&account.account) {
            return;
        }
        self.with_facts.insert(account.account.clone());
        let facts: Vec<String> = account
            .facts
            .iter()
            .map(|f| format!("{} ({})", f.fact, f.from))
            .collect();
        self.facts
            .push(format!("  {}: {}\n", account.account, facts.join(", ")));
    }

    /// The text after the last scope.
    pub fn finish(self) -> String {
        let mut out = String::new();
        if !self.facts.is_empty() {
            out.push_str("\nwhere the account facts come from:\n");
            self.facts.iter().for_each(|line| out.push_str(line));
        }
        out.push_str(
            "\n✓ allowed   ✗ refused   ! breaks the expectation   * rests on the target's default\n",
        );
        if self.restricted {
            out.push_str("✗ restricted: the rights allow it, an account restriction refuses it\n");
        }
        if !self.surveyed.is_empty() {
            let _ = writeln!(
                out,
                "after the declared accounts, {} more of the directory export (--all-accounts), by name: no expectation, every fact from the directory",
                self.surveyed.len()
            );
        }
        for (i, note) in self.notes.iter().enumerate() {
            let _ = writeln!(out, "({}) {note}", i + 1);
        }
        visible_owned(out)
    }
}

fn write_scope_header(out: &mut String, scope: &ScopeView) {
    let name = scope.scope.as_deref().unwrap_or("templates given");
    let _ = writeln!(out, "scope: {name} ({})", target_name(scope.target));
    let _ = writeln!(
        out,
        "GPOs, lowest precedence first: {}",
        scope.gpos.join(", ")
    );
}

fn write_rights(out: &mut String, scope: &ScopeView) {
    let mut rows = vec![vec![
        "right".to_owned(),
        "from".to_owned(),
        "holders".to_owned(),
    ]];
    for right in &scope.rights {
        let from = match (&right.gpo, right.replaces.is_empty()) {
            (Some(gpo), true) => gpo.clone(),
            (Some(gpo), false) => format!("{gpo} (replaces {})", right.replaces.join(", ")),
            (None, _) => "default".to_owned(),
        };
        let holders = if right.holders.is_empty() {
            "(nobody)".to_owned()
        } else {
            right.holders.join(",")
        };
        rows.push(vec![right.right.to_owned(), from, holders]);
    }
    write_table(out, &rows);
}

fn write_matrix<'v>(
    out: &mut String,
    accounts: impl Iterator<Item = &'v AccountView>,
    notes: &mut Vec<String>,
) {
    let mut rows: Vec<Vec<String>> = vec![header()];
    for account in accounts {
        let mut row = vec![account.account.clone()];
        for (t, cell) in account.logon.cells() {
            let mut text = cell_text(cell);
            if !cell.as_expected {
                notes.push(footnote(&account.account, t, cell));
                text = format!("{text} ({})", notes.len());
            }
            row.push(text);
        }
        rows.push(row);
    }
    write_table(out, &rows);
}

fn target_name(target: crate::model::Target) -> &'static str {
    match target {
        crate::model::Target::Workstation => "workstation",
        crate::model::Target::MemberServer => "member-server",
        crate::model::Target::DomainController => "domain-controller",
    }
}

fn header() -> Vec<String> {
    let mut header = vec!["account".to_owned()];
    header.extend(LogonType::ALL.iter().map(|t| t.as_str().to_owned()));
    header
}

fn cell_text(cell: &CellView) -> String {
    let mark = if cell.as_expected { "" } else { "!" };
    let verdict = match cell.verdict {
        "allowed" => "✓",
        "denied" => "✗ denied",
        "restricted" => "✗ restricted",
        _ => "✗",
    };
    let default = if cell.is_default() { "*" } else { "" };
    format!("{mark}{verdict}{default}")
}

fn footnote(account: &str, t: LogonType, cell: &CellView) -> String {
    let wanted = if cell.expected == Some("must") {
        "must"
    } else {
        "must not"
    };
    let place = match (&cell.file, cell.line) {
        (Some(file), Some(line)) => format!(" ({file}:{line})"),
        _ => " (default)".to_owned(),
    };
    let through = match (&cell.holder, cell.via.last()) {
        (Some(holder), Some(name)) if holder != name => format!("{name} ({holder})"),
        (Some(holder), _) => holder.clone(),
        (None, _) => String::new(),
    };
    if let Some(r) = &cell.restriction {
        return format!(
            "{account} {wanted} {}: {}{place} allows it, but {} ({}, error {}): {}",
            t.description(),
            cell.right,
            r.name,
            r.substatus,
            r.error,
            r.reason
        );
    }
    let why = match (cell.verdict, &cell.removed_by) {
        _ if cell.source == VerdictSource::Builtin.as_str() => {
            "Windows logs the account on by definition, whatever the rights say".to_owned()
        }
        ("denied", _) => format!("{}{place} denies it through {through}", cell.right),
        ("allowed", _) => format!("{}{place} grants it through {through}", cell.right),
        (_, Some(removed)) => {
            let at = match (&removed.file, removed.line) {
                (Some(file), Some(line)) => format!(" ({file}:{line})"),
                _ => String::new(),
            };
            format!(
                "{}{place} would grant it through {}, but {}{at} sets its members without {}",
                cell.right, removed.group, removed.key, removed.member
            )
        }
        _ => format!("{}{place} holds none of the account's SIDs", cell.right),
    };
    let nla = if cell.network_first {
        "with Network Level Authentication the connection first logs on over the network, and "
    } else {
        ""
    };
    format!("{account} {wanted} {}: {nla}{why}", t.description())
}

/// The widest a table cell is shown, in characters; the rest of a longer
/// one (a right held by a thousand SIDs, a very long name) is cut at `…`.
/// `explain --format json` has every value whole.
pub(crate) const MAX_CELL: usize = 200;

fn write_table(out: &mut String, rows: &[Vec<String>]) {
    let rows: Vec<Vec<(Cow<'_, str>, usize)>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| clip_cell(cell)).collect())
        .collect();
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|(_, width)| *width)
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &rows {
        // Padded by hand: a `{:<width$}` past 65,535 panics.
        let mut line = String::new();
        for (i, ((cell, width), column)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            line.extend(std::iter::repeat_n(' ', column.saturating_sub(*width)));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// A cell cut to [`MAX_CELL`] characters, with its width in characters.
fn clip_cell(cell: &str) -> (Cow<'_, str>, usize) {
    match cell.char_indices().nth(MAX_CELL) {
        None => (Cow::Borrowed(cell), cell.chars().count()),
        Some(_) => {
            let kept: String = cell.chars().take(MAX_CELL - 1).collect();
            (Cow::Owned(kept + "…"), MAX_CELL)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_wider_than_the_formatter_allows_are_cut_and_padded_by_hand() {
        let wide = "S".repeat(70_000);
        let rows = vec![
            vec!["right".to_owned(), "holders".to_owned()],
            vec![wide, "x".to_owned()],
        ];
        let mut out = String::new();
        write_table(&mut out, &rows);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            format!("right{}holders", " ".repeat(MAX_CELL - 5 + 2))
        );
        assert_eq!(lines[1], format!("{}…  x", "S".repeat(MAX_CELL - 1)));
    }
}

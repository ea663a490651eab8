//! `gplint explain --format html`: one state's accounts × logon-types
//! matrix per scope, with the same renderer as `diff --format html`.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::diff::{CellKey, Snapshot};

use super::matrix_html::{self, Evidence, Matrix, esc, scope_name};

/// The HTML explanation of `state`, whose inputs are named `inputs`;
/// `left_out` accounts of the directory (`--all-accounts`) were not
/// evaluated, which a line at the top says.
pub fn write(state: &Snapshot, inputs: &str, left_out: usize) -> String {
    let mut out = String::new();
    matrix_html::open(&mut out, &format!("gplint explain {inputs}"), false);
    if left_out > 0 {
        let _ = writeln!(
            out,
            "<p class=\"left-out\">{left_out} more accounts of the directory not shown; use --format json (or the default text) for every account.</p>"
        );
    }
    let none: BTreeSet<CellKey> = BTreeSet::new();
    let mut evidence = Evidence::default();
    for (scope, accounts) in &matrix_html::accounts_by_scope(&[state]) {
        let _ = writeln!(
            out,
            "<section class=\"scope\" data-scope=\"{}\"><h2>{}</h2>",
            esc(&scope_name(scope).to_lowercase()),
            esc(scope_name(scope))
        );
        Matrix {
            sides: &[("", state)],
            scope,
            accounts,
            changed: &none,
            inline: false,
        }
        .write(&mut out, &mut evidence);
        out.push_str("</section>\n");
    }
    matrix_html::close(&mut out, &evidence);
    out
}

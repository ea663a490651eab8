//! The diagnostic for a value of the wrong shape (a list where one value
//! belongs, a single value where a mapping belongs…).

use super::yaml::Node;
use crate::diagnostic::{Diagnostic, Severity};

/// `subject` (e.g. "`logon`") should be `expected` (e.g. "a list of logon
/// types") but is `found`; `example` shows the right shape.
pub(super) fn wrong_shape(
    subject: &str,
    expected: &str,
    found: &Node,
    example: &str,
) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::wrong-shape",
        format!("{subject} should be {expected}, not {}", found.describe()),
        found.span,
    )
    .with_label(format!("this is {}", found.describe()))
    .with_help(format!("write it like this: {example}"))
}

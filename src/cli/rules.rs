//! `gplint rules`: list the rules or print one rule's documentation.

use std::fmt::Write as _;

use super::{Io, Outcome, RulesArgs, load};
use crate::report::visible::visible_owned;
use crate::report::visible_line;
use crate::rules::Rule;

/// Runs `rules`.
pub fn run(args: &RulesArgs, io: &mut Io<'_>) -> Outcome {
    let Some(rules) = load::rules(&args.rules, io) else {
        return Outcome::UsageOrInput;
    };
    match &args.id {
        None => {
            let mut out = String::new();
            for rule in rules.rules() {
                let _ = writeln!(
                    out,
                    "{}  {:<8} {:<45} {}",
                    rule.id,
                    rule.severity.as_str(),
                    rule.name,
                    rule.summary
                );
            }
            // Rule texts come from `--rules` folders anyone may write.
            let _ = write!(io.stdout, "{}", visible_owned(out));
            Outcome::Clean
        }
        Some(id) => match rules.get(id) {
            Some(rule) => {
                let _ = write!(io.stdout, "{}", visible_owned(document(rule)));
                Outcome::Clean
            }
            None => {
                let _ = writeln!(
                    io.stderr,
                    "error: no rule `{}`; `gplint rules` lists them",
                    visible_line(id)
                );
                Outcome::UsageOrInput
            }
        },
    }
}

fn document(rule: &Rule) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}  ({})",
        rule.id,
        rule.name,
        rule.severity.as_str()
    );
    let _ = writeln!(out, "{}\n", rule.summary);
    let _ = writeln!(out, "applies to: {} facts", rule.applies_to.as_str());
    let _ = writeln!(out, "defined in: {}\n", rule.origin.file);
    let _ = writeln!(out, "{}", rule.docs.trim_end());
    out
}

//! `gplint rules`: list the rules or print one rule's documentation;
//! `gplint rules test` is in `rules_test`.

use super::{Io, Outcome, RulesArgs, RulesCommand, WriteError, load};
use crate::report::visible::visible_owned;
use crate::report::visible_line;
use crate::rules::Rule;
use crate::source::ReadLimits;

/// Runs `rules`.
pub fn run(args: &RulesArgs, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    if let Some(RulesCommand::Test(test)) = &args.command {
        return super::rules_test::run(test, io);
    }
    let Some(rules) = load::rules(&args.rules, ReadLimits::DEFAULT_FILE_SIZE, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    match &args.id {
        None => {
            let list: String = rules.rules().iter().map(list_line).collect();
            // Rule texts come from `--rules` folders anyone may write.
            io.print(visible_owned(list))?;
            Ok(Outcome::Clean)
        }
        Some(id) => match rules.get(id) {
            Some(rule) => {
                io.print(visible_owned(document(rule)))?;
                Ok(Outcome::Clean)
            }
            None => {
                io.stderr_line(format_args!(
                    "error: no rule `{}`; `gplint rules` lists them",
                    visible_line(id)
                ));
                Ok(Outcome::UsageOrInput)
            }
        },
    }
}

fn list_line(rule: &Rule) -> String {
    format!(
        "{}  {:<8} {:<45} {}\n",
        rule.id,
        rule.severity.as_str(),
        rule.name,
        rule.summary
    )
}

fn document(rule: &Rule) -> String {
    format!(
        "{} {}  ({})\n{}\n\napplies to: {} facts\ndefined in: {}\n\n{}\n",
        rule.id,
        rule.name,
        rule.severity.as_str(),
        rule.summary,
        rule.applies_to.as_str(),
        rule.origin.file,
        rule.docs.trim_end()
    )
}

//! `gplint codes [CODE]`: list gplint's own diagnostic codes, or print one
//! code's documentation, from the registry.

use super::{CodesArgs, Io, Outcome, WriteError};
use crate::diagnostic::Code;
use crate::report::diagnostic_codes::{document, list};
use crate::report::visible_line;
use crate::rules::RuleSet;
use crate::suggest::did_you_mean;

/// Runs `codes`. A text that is no code of gplint's is exit 2, with the
/// closest code, or the command that explains what it is instead.
pub fn run(args: &CodesArgs, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    let Some(written) = args.code.as_deref() else {
        io.print(list())?;
        return Ok(Outcome::Clean);
    };
    let written = written.trim();
    match Code::parse(written) {
        Some(code) => {
            io.print(document(code))?;
            Ok(Outcome::Clean)
        }
        None => {
            io.stderr_line(format_args!(
                "error: `{}` is not a code of gplint's; {}",
                visible_line(written),
                instead(written)
            ));
            Ok(Outcome::UsageOrInput)
        }
    }
}

/// What to try instead: the closest code, `gplint rules` for a rule,
/// `gplint why` for a number, or the listing.
fn instead(written: &str) -> String {
    if let Some(code) = did_you_mean(written, Code::ALL.iter().map(|c| c.as_str())) {
        return format!("did you mean `{code}`? `gplint codes` lists them");
    }
    let is_rule = RuleSet::builtin().is_ok_and(|rules| rules.get(written).is_some());
    if is_rule {
        return format!("it is a rule: `gplint rules {written}` documents it");
    }
    let is_number = !written.is_empty()
        && written
            .trim_start_matches('-')
            .trim_start_matches("0x")
            .trim_start_matches("0X")
            .chars()
            .all(|c| c.is_ascii_hexdigit());
    if is_number {
        return format!("for a Windows error code or event id, try `gplint why {written}`");
    }
    "`gplint codes` lists them".to_owned()
}

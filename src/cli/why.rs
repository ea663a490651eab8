//! `gplint why <CODE>`: what an error code or event id means, and which
//! rules detect it.

use super::{Io, Outcome, WhyArgs, WhyFormat, load};
use crate::report::why;

/// Runs `why`. An unknown code is exit 2, so scripts can tell.
pub fn run(args: &WhyArgs, io: &mut Io<'_>) -> Outcome {
    let Some(rules) = load::rules(&args.rules, io) else {
        return Outcome::UsageOrInput;
    };
    let view = why::view(&args.code, &rules);
    let known = !view.matches.is_empty();
    match args.format {
        WhyFormat::Json => {
            let mut json = serde_json::to_string_pretty(&view).unwrap_or_default();
            json.push('\n');
            let _ = write!(io.stdout, "{json}");
        }
        WhyFormat::Human if known => {
            let _ = write!(io.stdout, "{}", why::write_human(&view));
        }
        WhyFormat::Human => {
            let _ = writeln!(
                io.stderr,
                "gplint: `{}` is not known: give a Win32 error (1385, 0x569), an HRESULT (0x80070569), an NTSTATUS (0xC000015B) or an event id (4625, 7041) of a refused logon",
                crate::report::visible_line(args.code.trim())
            );
        }
    }
    if known {
        Outcome::Clean
    } else {
        Outcome::UsageOrInput
    }
}

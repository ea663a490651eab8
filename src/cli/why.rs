//! `gplint why <CODE>`: what an error code or event id means, and which
//! rules detect it.

use super::{Io, Outcome, WhyArgs, WhyFormat, WriteError, load};
use crate::diagnostic::Code;
use crate::report::why;
use crate::source::ReadLimits;

/// Runs `why`. An unknown code is exit 2, so scripts can tell.
pub fn run(args: &WhyArgs, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    let Some(rules) = load::rules(&args.rules, ReadLimits::DEFAULT_FILE_SIZE, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let view = why::view(&args.code, &rules);
    let known = !view.matches.is_empty();
    match args.format {
        WhyFormat::Json => {
            let mut json =
                serde_json::to_string_pretty(&view).map_err(WriteError::json("the answer"))?;
            json.push('\n');
            io.print(json)?;
        }
        WhyFormat::Human if known => io.print(why::write_human(&view))?,
        WhyFormat::Human if is_gplint_code(&args.code) => io.stderr_line(format_args!(
            "gplint: `{0}` is one of gplint's own diagnostic codes, not a Windows code: `gplint codes {0}` explains it",
            crate::report::visible_line(args.code.trim())
        )),
        WhyFormat::Human => io.stderr_line(format_args!(
            "gplint: `{}` is not known: give a Win32 error (1385, 0x569, ERROR_LOGON_TYPE_NOT_GRANTED), an HRESULT (0x80070569), an NTSTATUS (0xC000015B), a Kerberos failure code (0x18, KDC_ERR_PREAUTH_FAILED) or an event id (4625, 7041) of a refused logon",
            crate::report::visible_line(args.code.trim())
        )),
    }
    if !known && args.format == WhyFormat::Json && is_gplint_code(&args.code) {
        io.stderr_line(format_args!(
            "gplint: `{0}` is one of gplint's own diagnostic codes: `gplint codes {0}` explains it",
            crate::report::visible_line(args.code.trim())
        ));
    }
    Ok(if known {
        Outcome::Clean
    } else {
        Outcome::UsageOrInput
    })
}

/// Whether the text is written as gplint writes its own codes
/// (`template::unknown-right`): no Windows code has `::`.
fn is_gplint_code(text: &str) -> bool {
    let text = text.trim();
    Code::parse(text).is_some() || text.contains("::")
}

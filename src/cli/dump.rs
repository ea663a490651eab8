//! `gplint dump`: print the typed model of each template.

use std::path::Path;

use super::{DumpArgs, DumpFormat, Io, Outcome, WriteError, inputs};
use crate::diagnostic::Diagnostic;
use crate::discover::{Gpo, GpoKind};
use crate::report::{dump_text, dump_view, one_line, render_file, visible_line};
use crate::scope::Origin;
use crate::source::SourceFile;
use crate::{syntax, template};

/// What [`dump_one`] did with a template.
enum Dumped {
    /// Printed (text).
    Printed,
    /// Its JSON, for the one document printed at the end.
    Json(serde_json::Value),
    /// It could not be read; the reason is on stderr.
    Unreadable,
}

/// Reads every file; a file that cannot be read is reported and the others
/// are still dumped. A failure to print ends the run.
pub fn run(args: &DumpArgs, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    let mut outcome = Outcome::Clean;
    let mut json_files = Vec::new();
    let mut json_gpos = Vec::new();
    for path in &args.files {
        let (found, origin) = match inputs::find(path, &args.limits) {
            Ok(found) => found,
            Err(error) => {
                io.stderr_line(format_args!("error: {}", one_line(&error)));
                outcome = Outcome::UsageOrInput;
                continue;
            }
        };
        for skipped in &found.skipped {
            io.stderr_line(format_args!("warning: {}", one_line(skipped)));
            outcome = Outcome::UsageOrInput;
        }
        inputs::notes(&found, io);
        for gpo in &found.gpos {
            if gpo.kind != GpoKind::File {
                write_gpo(gpo, args.format, io)?;
                json_gpos.push(serde_json::to_value(gpo).map_err(WriteError::json("a GPO"))?);
            }
            let Some(template) = &gpo.template else {
                continue;
            };
            match dump_one(template, origin, args, io)? {
                Dumped::Json(json) => json_files.push(json),
                Dumped::Printed => {}
                Dumped::Unreadable => outcome = Outcome::UsageOrInput,
            }
        }
    }
    if args.format == DumpFormat::Json {
        let document = serde_json::json!({ "gpos": json_gpos, "files": json_files });
        io.print(format!("{document:#}\n"))?;
    }
    Ok(outcome)
}

/// One line naming the GPO before its template, in text form.
fn write_gpo(gpo: &Gpo, format: DumpFormat, io: &mut Io<'_>) -> Result<(), WriteError> {
    if format != DumpFormat::Text {
        return Ok(());
    }
    let template = if gpo.template.is_some() {
        ""
    } else {
        "  (no security template)"
    };
    io.print(format!(
        "== GPO {} at {}{template}\n",
        visible_line(&gpo.label()),
        visible_line(&gpo.root.display().to_string())
    ))
}

fn dump_one(
    path: &Path,
    origin: Origin,
    args: &DumpArgs,
    io: &mut Io<'_>,
) -> Result<Dumped, WriteError> {
    let limits = args.limits.read();
    // As `check` reads them: no link followed inside a tree.
    let read = match origin {
        Origin::Directory => SourceFile::read_found(path, &limits),
        Origin::File => SourceFile::read_limited(path, &limits),
    };
    let source = match read.and_then(SourceFile::as_template) {
        Ok(source) => source,
        Err(error) => {
            io.stderr_line(format_args!("error: {}", one_line(&error)));
            return Ok(Dumped::Unreadable);
        }
    };
    let doc = syntax::parse(&source.text);
    let template = template::build(&doc);
    let mut warnings: Vec<Diagnostic> = source.warnings.iter().map(Diagnostic::from).collect();
    warnings.extend(template.warnings.iter().cloned());
    let view = dump_view::view(&source, &doc, &template, &warnings);
    match args.format {
        DumpFormat::Json => {
            let json = serde_json::to_value(&view).map_err(WriteError::json("a template"))?;
            Ok(Dumped::Json(json))
        }
        DumpFormat::Text => {
            for warning in &warnings {
                let rendered = render_file(warning, warning.code, &source, io.style);
                io.stderr_text(&rendered);
            }
            io.print(dump_text::write(&view))?;
            Ok(Dumped::Printed)
        }
    }
}

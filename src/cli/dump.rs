//! `gplint dump`: print the typed model of each template.

use std::path::Path;

use super::{DumpArgs, DumpFormat, Io, Outcome};
use crate::diagnostic::Diagnostic;
use crate::discover::{Gpo, GpoKind};
use crate::report::{dump_text, dump_view, one_line, render_file};
use crate::source::SourceFile;
use crate::{syntax, template};

/// Reads every file; a file that cannot be read is reported and the others
/// are still dumped.
pub fn run(args: &DumpArgs, io: &mut Io<'_>) -> Outcome {
    let mut outcome = Outcome::Clean;
    let mut json_files = Vec::new();
    let mut json_gpos = Vec::new();
    for path in &args.files {
        let templates = match gpos_of(path, args.limits.max_files) {
            Ok(gpos) => gpos,
            Err(error) => {
                let _ = writeln!(io.stderr, "error: {}", one_line(&error));
                outcome = Outcome::UsageOrInput;
                continue;
            }
        };
        for gpo in &templates {
            if gpo.kind != GpoKind::File {
                write_gpo(gpo, args.format, io);
                json_gpos.push(serde_json::to_value(gpo).unwrap_or_default());
            }
            let Some(template) = &gpo.template else {
                continue;
            };
            match dump_one(template, args, io) {
                Ok(Some(json)) => json_files.push(json),
                Ok(None) => {}
                Err(error) => {
                    let _ = writeln!(io.stderr, "error: {}", one_line(&error));
                    outcome = Outcome::UsageOrInput;
                }
            }
        }
    }
    if args.format == DumpFormat::Json {
        let document = serde_json::json!({ "gpos": json_gpos, "files": json_files });
        let _ = writeln!(io.stdout, "{document:#}");
    }
    outcome
}

/// A file is one template; a directory is walked for GPOs.
fn gpos_of(path: &Path, max_files: usize) -> Result<Vec<Gpo>, crate::discover::DiscoverError> {
    if path.is_dir() {
        crate::discover::discover_limited(path, max_files).map(|found| found.gpos)
    } else {
        Ok(vec![Gpo::file(path)])
    }
}

/// One line naming the GPO before its template, in text form.
fn write_gpo(gpo: &Gpo, format: DumpFormat, io: &mut Io<'_>) {
    if format == DumpFormat::Text {
        let template = if gpo.template.is_some() {
            ""
        } else {
            "  (no security template)"
        };
        let _ = writeln!(
            io.stdout,
            "== GPO {} at {}{template}",
            gpo.label(),
            gpo.root.display()
        );
    }
}

fn dump_one(
    path: &Path,
    args: &DumpArgs,
    io: &mut Io<'_>,
) -> Result<Option<serde_json::Value>, crate::source::SourceError> {
    let source = SourceFile::read_limited(path, &args.limits.read())?;
    let doc = syntax::parse(&source.text);
    let template = template::build(&doc);
    let mut warnings: Vec<Diagnostic> = source.warnings.iter().map(Diagnostic::from).collect();
    warnings.extend(template.warnings.iter().cloned());
    let view = dump_view::view(&source, &doc, &template, &warnings);
    match args.format {
        DumpFormat::Json => Ok(Some(serde_json::to_value(&view).unwrap_or_default())),
        DumpFormat::Text => {
            for warning in &warnings {
                let rendered = render_file(warning, warning.code, &source, io.style);
                let _ = write!(io.stderr, "{rendered}");
            }
            let _ = write!(io.stdout, "{}", dump_text::write(&view));
            Ok(None)
        }
    }
}

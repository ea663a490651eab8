//! `gplint dump`: print the typed model of each template.

use std::path::Path;

use super::{DumpArgs, DumpFormat, Io, Outcome};
use crate::diagnostic::Diagnostic;
use crate::report::{dump_text, dump_view, one_line, render};
use crate::source::SourceFile;
use crate::{syntax, template};

/// Reads every file; a file that cannot be read is reported and the others
/// are still dumped.
pub fn run(args: &DumpArgs, io: &mut Io<'_>) -> Outcome {
    let mut outcome = Outcome::Clean;
    let mut json_files = Vec::new();
    for path in &args.files {
        match dump_one(path, args.format, io) {
            Ok(Some(json)) => json_files.push(json),
            Ok(None) => {}
            Err(error) => {
                let _ = writeln!(io.stderr, "error: {}", one_line(&error));
                outcome = Outcome::UsageOrInput;
            }
        }
    }
    if args.format == DumpFormat::Json {
        let document = serde_json::json!({ "files": json_files });
        let _ = writeln!(io.stdout, "{document:#}");
    }
    outcome
}

fn dump_one(
    path: &Path,
    format: DumpFormat,
    io: &mut Io<'_>,
) -> Result<Option<serde_json::Value>, crate::source::SourceError> {
    let source = SourceFile::read(path)?;
    let doc = syntax::parse(&source.text);
    let template = template::build(&doc);
    let mut warnings: Vec<Diagnostic> = source.warnings.iter().map(Diagnostic::from).collect();
    warnings.extend(template.warnings.iter().cloned());
    let sections = doc.sections.iter().map(|s| s.name).collect();
    let view = dump_view::view(&source, &template, sections, &warnings);
    match format {
        DumpFormat::Json => Ok(Some(serde_json::to_value(&view).unwrap_or_default())),
        DumpFormat::Text => {
            for warning in &warnings {
                let rendered = render(warning, &source.name, &source.text, io.style);
                let _ = write!(io.stderr, "{rendered}");
            }
            let _ = write!(io.stdout, "{}", dump_text::write(&view));
            Ok(None)
        }
    }
}

//! `gplint dump`: print the typed model of each template.

use std::path::Path;

use super::{DumpArgs, DumpFormat, Io, Outcome, WriteError, inputs, output, stdin};
use crate::diagnostic::Diagnostic;
use crate::discover::{Gpo, GpoKind};
use crate::report::{dump_text, dump_view, one_line, render_file, visible_line};
use crate::scope::Origin;
use crate::source::{SourceError, SourceFile};
use crate::{syntax, template};

/// Where the dump goes: printed as it is made, or gathered for `--output`,
/// which is written once complete.
struct Out {
    gathered: Option<String>,
}

impl Out {
    fn put(&mut self, text: &str, io: &mut Io<'_>) -> Result<(), WriteError> {
        match &mut self.gathered {
            Some(gathered) => {
                gathered.push_str(text);
                Ok(())
            }
            None => io.print(text),
        }
    }
}

/// What was dumped, for the one JSON document and for the exit code.
#[derive(Default)]
struct Dump {
    files: Vec<serde_json::Value>,
    gpos: Vec<serde_json::Value>,
    /// Whether any input could not be read (exit 2).
    failed: bool,
    /// Whether any GPO or template was dumped.
    any: bool,
}

/// Reads every file; a file that cannot be read is reported and the others
/// are still dumped, and nothing is written when none could be. A failure
/// to print ends the run.
pub fn run(args: &DumpArgs, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    // A tree is walked twice only when a file is to be kept off it.
    let gpos = match args.output {
        Some(_) => found_gpos(args),
        None => Vec::new(),
    };
    let reads = output::reads(None, &[], &gpos);
    let Ok(target) = output::target(args.output.as_deref(), &reads, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let mut out = Out {
        gathered: target.as_ref().map(|_| String::new()),
    };
    let mut dump = Dump::default();
    for path in &args.files {
        dump_path(path, args, &mut dump, &mut out, io)?;
    }
    if dump.failed && !dump.any {
        return Ok(Outcome::UsageOrInput);
    }
    if args.format == DumpFormat::Json {
        let document = serde_json::json!({ "gpos": dump.gpos, "files": dump.files });
        out.put(&format!("{document:#}\n"), io)?;
    }
    let written = match out.gathered {
        Some(text) => output::emit(target.as_ref(), &text, io)?,
        None => true,
    };
    Ok(if dump.failed || !written {
        Outcome::UsageOrInput
    } else {
        Outcome::Clean
    })
}

/// The GPOs the paths name, for `--output` to keep off them; what cannot
/// be found is reported when it is read.
fn found_gpos(args: &DumpArgs) -> Vec<Gpo> {
    args.files
        .iter()
        .filter(|path| !stdin::is_stdin(path))
        .filter_map(|path| inputs::find(path, &args.limits).ok())
        .flat_map(|(found, _)| found.gpos)
        .collect()
}

/// Dumps every GPO and template `path` names (`-`: standard input).
fn dump_path(
    path: &Path,
    args: &DumpArgs,
    dump: &mut Dump,
    out: &mut Out,
    io: &mut Io<'_>,
) -> Result<(), WriteError> {
    if stdin::is_stdin(path) {
        let read = stdin::read(io, &args.limits.read())
            .map_err(|e| one_line(&e))
            .and_then(|source| source.as_template().map_err(|e| one_line(&e)));
        return dump_read(read, args, dump, out, io);
    }
    let (found, origin) = match inputs::find(path, &args.limits) {
        Ok(found) => found,
        Err(error) => {
            io.stderr_line(format_args!("error: {}", one_line(&error)));
            dump.failed = true;
            return Ok(());
        }
    };
    for skipped in &found.skipped {
        io.stderr_line(format_args!("warning: {}", one_line(skipped)));
        dump.failed = true;
    }
    inputs::notes(&found, io);
    for gpo in &found.gpos {
        if gpo.kind != GpoKind::File {
            write_gpo(gpo, args.format, out, io)?;
            dump.gpos
                .push(serde_json::to_value(gpo).map_err(WriteError::json("a GPO"))?);
            dump.any = true;
        }
        if let Some(template) = &gpo.template {
            let read = read_one(template, origin, args).map_err(|e| one_line(&e));
            dump_read(read, args, dump, out, io)?;
        }
    }
    Ok(())
}

/// Dumps a template read, or says why it could not be.
fn dump_read(
    read: Result<SourceFile, String>,
    args: &DumpArgs,
    dump: &mut Dump,
    out: &mut Out,
    io: &mut Io<'_>,
) -> Result<(), WriteError> {
    match read {
        Ok(source) => {
            dump.any = true;
            if let Some(json) = dump_one(&source, args, out, io)? {
                dump.files.push(json);
            }
        }
        Err(reason) => {
            io.stderr_line(format_args!("error: {reason}"));
            dump.failed = true;
        }
    }
    Ok(())
}

/// One line naming the GPO before its template, in text form.
fn write_gpo(
    gpo: &Gpo,
    format: DumpFormat,
    out: &mut Out,
    io: &mut Io<'_>,
) -> Result<(), WriteError> {
    if format != DumpFormat::Text {
        return Ok(());
    }
    let template = if gpo.template.is_some() {
        ""
    } else {
        "  (no security template)"
    };
    let line = format!(
        "== GPO {} at {}{template}\n",
        visible_line(&gpo.label()),
        visible_line(&gpo.root.display().to_string())
    );
    out.put(&line, io)
}

/// As `check` reads them: no link followed inside a tree.
fn read_one(path: &Path, origin: Origin, args: &DumpArgs) -> Result<SourceFile, SourceError> {
    let limits = args.limits.read();
    let read = match origin {
        Origin::Directory => SourceFile::read_found(path, &limits),
        Origin::File => SourceFile::read_limited(path, &limits),
    };
    read.and_then(SourceFile::as_template)
}

/// Prints one template's model (text), or returns its JSON for the one
/// document written at the end.
fn dump_one(
    source: &SourceFile,
    args: &DumpArgs,
    out: &mut Out,
    io: &mut Io<'_>,
) -> Result<Option<serde_json::Value>, WriteError> {
    let doc = syntax::parse(&source.text);
    let template = template::build(&doc);
    let mut warnings: Vec<Diagnostic> = source.warnings.iter().map(Diagnostic::from).collect();
    warnings.extend(template.warnings.iter().cloned());
    let view = dump_view::view(source, &doc, &template, &warnings);
    match args.format {
        DumpFormat::Json => {
            let json = serde_json::to_value(&view).map_err(WriteError::json("a template"))?;
            Ok(Some(json))
        }
        DumpFormat::Text => {
            for warning in &warnings {
                let rendered = render_file(warning, warning.code.as_str(), source, io.style);
                io.stderr_text(&rendered);
            }
            out.put(&dump_text::write(&view), io)?;
            Ok(None)
        }
    }
}

//! `gplint dump`: print the typed model of each template.
//!
//! Templates are read, parsed, typed and printed in batches, each batch in
//! parallel, and written in order as each batch is done: the output is the
//! same at any thread count, and memory holds one batch of templates, not
//! the forest. JSON is one document, written as it is made
//! ([`JsonDump`]); `--output` is written the same way, into the temporary
//! file that replaces the target at the end.

use std::path::Path;

use rayon::prelude::*;

use super::target::{self, Target};
use super::{DumpArgs, DumpFormat, Io, Outcome, WriteError, inputs, output, stdin};
use crate::diagnostic::Diagnostic;
use crate::discover::{Gpo, GpoKind};
use crate::report::dump_json::JsonDump;
use crate::report::{Style, dump_text, dump_view, one_line, render_file, visible_line};
use crate::scope::Origin;
use crate::source::{SourceError, SourceFile};
use crate::{syntax, template};

/// Writes part of the dump where it goes.
type Put<'p> = &'p mut dyn FnMut(&mut Io<'_>, &str) -> Result<(), WriteError>;

/// What was dumped so far, for the exit code and the JSON document.
#[derive(Default)]
struct Dump {
    /// The JSON document being written, with `--format json`.
    json: Option<JsonDump>,
    /// Whether any input could not be read (exit 2).
    failed: bool,
    /// Whether any GPO or template was dumped.
    any: bool,
}

impl Dump {
    /// Nothing could be read: nothing is written, not even an empty
    /// document, and the run fails.
    fn nothing(&self) -> bool {
        self.failed && !self.any
    }
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
    let (dump, written) = match &target {
        Some(target) => to_file(target, args, io)?,
        None => (dump_all(args, io, &mut |io, text| io.print(text))?, true),
    };
    Ok(if dump.failed || !written {
        Outcome::UsageOrInput
    } else {
        Outcome::Clean
    })
}

/// Dumps into the `--output` file as the dump is made: whether the file
/// was written. When nothing could be read the file is left as it was,
/// as before the dump was streamed. A failure to write the file is said
/// once the dump is over, so standard error reads as it would have.
fn to_file(target: &Target, args: &DumpArgs, io: &mut Io<'_>) -> Result<(Dump, bool), WriteError> {
    let mut dumped = None;
    let mut fill = |file: &mut dyn std::io::Write| {
        let mut failed = None;
        let mut put = |_: &mut Io<'_>, text: &str| {
            if failed.is_none() {
                failed = file.write_all(text.as_bytes()).err();
            }
            Ok(())
        };
        let dump = dump_all(args, io, &mut put);
        let nothing = dump.as_ref().map_or(true, Dump::nothing);
        dumped = Some(dump);
        match failed {
            Some(error) => Err(error),
            // Not an error the user sees: it drops the temporary file.
            None if nothing => Err(std::io::Error::other("nothing to write")),
            None => Ok(()),
        }
    };
    let written = target::write_with(target, &mut fill);
    let dump = match dumped {
        Some(dump) => dump?,
        // The file could not be opened: the dump is still made, for what
        // it says on standard error.
        None => dump_all(args, io, &mut |_, _| Ok(()))?,
    };
    if dump.nothing() {
        return Ok((dump, false));
    }
    match written {
        Ok(()) => Ok((dump, true)),
        Err(error) => {
            io.stderr_line(format_args!("error: {}", one_line(&error)));
            Ok((dump, false))
        }
    }
}

/// Dumps every path in order, then ends the JSON document.
fn dump_all(args: &DumpArgs, io: &mut Io<'_>, put: Put<'_>) -> Result<Dump, WriteError> {
    let mut dump = Dump {
        json: (args.format == DumpFormat::Json).then(JsonDump::new),
        ..Dump::default()
    };
    for path in &args.files {
        dump_path(path, args, &mut dump, io, put)?;
    }
    if !dump.nothing()
        && let Some(json) = dump.json.take()
    {
        put(io, &json.end().map_err(WriteError::json("a GPO"))?)?;
    }
    Ok(dump)
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
    io: &mut Io<'_>,
    put: Put<'_>,
) -> Result<(), WriteError> {
    if stdin::is_stdin(path) {
        let read = stdin::read(io, &args.limits.read())
            .map_err(|e| one_line(&e))
            .and_then(|source| source.as_template().map_err(|e| one_line(&e)));
        let dumped = dump_read(read, args.format, io.style)?;
        return write_template(dumped, dump, io, put);
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
    let style = io.style;
    let batch = rayon::current_num_threads().saturating_mul(4).max(1);
    for gpos in found.gpos.chunks(batch) {
        let dumped: Vec<_> = gpos
            .par_iter()
            .map(|gpo| dump_gpo(gpo, origin, args, style))
            .collect();
        for (gpo, dumped) in gpos.iter().zip(dumped) {
            write_gpo(gpo, dump, io, put)?;
            if let Some(dumped) = dumped? {
                write_template(dumped, dump, io, put)?;
            }
        }
    }
    Ok(())
}

/// One template dumped: the warnings for standard error (text only), and
/// the text or JSON element to write; or why it could not be read.
type Dumped = Result<(String, String), String>;

/// Reads and dumps the template of `gpo`, if it has one.
fn dump_gpo(
    gpo: &Gpo,
    origin: Origin,
    args: &DumpArgs,
    style: Style,
) -> Result<Option<Dumped>, WriteError> {
    let Some(template) = &gpo.template else {
        return Ok(None);
    };
    let read = read_one(template, origin, args).map_err(|e| one_line(&e));
    dump_read(read, args.format, style).map(Some)
}

/// Dumps a template read, or passes on why it could not be.
fn dump_read(
    read: Result<SourceFile, String>,
    format: DumpFormat,
    style: Style,
) -> Result<Dumped, WriteError> {
    match read {
        Ok(source) => dump_one(&source, format, style).map(Ok),
        Err(reason) => Ok(Err(reason)),
    }
}

/// The GPO before its template: a line naming it in text form, a record
/// of the document's `gpos` in JSON.
fn write_gpo(gpo: &Gpo, dump: &mut Dump, io: &mut Io<'_>, put: Put<'_>) -> Result<(), WriteError> {
    if gpo.kind == GpoKind::File {
        return Ok(());
    }
    dump.any = true;
    if let Some(json) = &mut dump.json {
        return json.gpo(gpo).map_err(WriteError::json("a GPO"));
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
    put(io, &line)
}

/// Writes a template dumped, its warnings first, or says why it could
/// not be read.
fn write_template(
    dumped: Dumped,
    dump: &mut Dump,
    io: &mut Io<'_>,
    put: Put<'_>,
) -> Result<(), WriteError> {
    let (warnings, text) = match dumped {
        Ok(dumped) => dumped,
        Err(reason) => {
            io.stderr_line(format_args!("error: {reason}"));
            dump.failed = true;
            return Ok(());
        }
    };
    dump.any = true;
    io.stderr_text(&warnings);
    match &mut dump.json {
        Some(json) => {
            let before = json.next_file();
            put(io, before)?;
            put(io, &text)
        }
        None => put(io, &text),
    }
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

/// One template's model: in text form with its warnings rendered for
/// standard error, or as an element of the JSON document (which holds
/// the warnings).
fn dump_one(
    source: &SourceFile,
    format: DumpFormat,
    style: Style,
) -> Result<(String, String), WriteError> {
    let doc = syntax::parse(&source.text);
    let template = template::build(&doc);
    let mut warnings: Vec<Diagnostic> = source.warnings.iter().map(Diagnostic::from).collect();
    warnings.extend(template.warnings.iter().cloned());
    let view = dump_view::view(source, &doc, &template, &warnings);
    match format {
        DumpFormat::Json => {
            let json = JsonDump::element(&view).map_err(WriteError::json("a template"))?;
            Ok((String::new(), json))
        }
        DumpFormat::Text => {
            let rendered = warnings
                .iter()
                .map(|w| render_file(w, w.code.as_str(), source, style))
                .collect();
            Ok((rendered, dump_text::write(&view)))
        }
    }
}

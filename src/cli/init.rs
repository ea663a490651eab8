//! `gplint init`: write a starting `services.yaml` to standard output.

use std::path::Path;

use super::{InitArgs, Io, Outcome, WriteError, directory, inputs, load, output};
use crate::directory::{DirectoryIndex, DirectoryLimits};
use crate::init::{self, DirectoryRequest, GpoInput, Request};
use crate::progress::Progress;
use crate::template::Template;
use crate::{syntax, template};

/// Reads the inputs and writes the file (standard output or `--output`).
/// An input that cannot be read gets its line on stderr and exit code 2,
/// as with `check`; the file is still written from the others, and not at
/// all when nothing could be read. `progress` is told of the reading.
pub fn run(
    args: &InitArgs,
    io: &mut Io<'_>,
    progress: &dyn Progress,
) -> Result<Outcome, WriteError> {
    let read = inputs::read(&args.paths, &args.limits, io, progress);
    if read.nothing_read() {
        return Ok(Outcome::UsageOrInput);
    }
    let Some(index) = directory_index(args, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let mut reads = output::reads(None, &[], &read.gpos);
    for path in &args.directory.directories {
        reads.file("directory export", path);
    }
    let Ok(target) = output::target(args.output.as_deref(), &reads, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let templates: Vec<Template<'_>> = read
        .sources
        .iter()
        .map(|source| template::build(&syntax::parse(&source.text)))
        .collect();
    // What the proposal rests on: a template that defines nothing, or is
    // read wrong, is said before the file that leaves it out.
    load::template_warnings(&read.sources, &templates, false, io);
    let gpos: Vec<GpoInput<'_>> = read
        .gpos
        .iter()
        .enumerate()
        .map(|(index, gpo)| GpoInput {
            gpo,
            name: read.names.get(index).map_or("", String::as_str),
            template: read
                .source_of
                .get(index)
                .copied()
                .flatten()
                .and_then(|source| templates.get(source)),
        })
        .collect();
    let paths: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
    let export_paths: Vec<String> = args
        .directory
        .directories
        .iter()
        .map(|path| relative_to_output(path, args.output.as_deref()))
        .collect();
    let text = init::services_yaml(&Request {
        paths: &paths,
        gpos: &gpos,
        directory: index.as_ref().map(|index| DirectoryRequest {
            index,
            paths: &export_paths,
        }),
    });
    let written = output::emit(target.as_ref(), &text, io)?;
    Ok(if read.failed || !written {
        Outcome::UsageOrInput
    } else {
        Outcome::Clean
    })
}

/// The exports of `--directory`, indexed: `Some(None)` without any,
/// `None` after saying which could not be read.
fn directory_index(args: &InitArgs, io: &mut Io<'_>) -> Option<Option<DirectoryIndex>> {
    let flags = &args.directory;
    if flags.directories.is_empty() {
        return Some(None);
    }
    let limits = DirectoryLimits {
        max_file_size: flags.max_directory_size,
        max_line_length: args.limits.read().max_line_length,
    };
    let exports = directory::read_paths(&flags.directories, &limits, io)?;
    Some(Some(DirectoryIndex::new(exports, None)))
}

/// How the written file names an export: relative to the folder the file
/// is written to, as `directory:` is read; as given when the file goes to
/// standard output, or when the export is not under that folder (then
/// absolute).
fn relative_to_output(export: &Path, output: Option<&Path>) -> String {
    let Some(output) = output.filter(|o| o.as_os_str() != "-") else {
        return export.display().to_string();
    };
    let folder = output.parent().filter(|p| !p.as_os_str().is_empty());
    let folder = folder.unwrap_or(Path::new("."));
    let (Ok(folder), Ok(export)) = (folder.canonicalize(), export.canonicalize()) else {
        return export.display().to_string();
    };
    match export.strip_prefix(&folder) {
        Ok(inside) => inside.display().to_string(),
        Err(_) => export.display().to_string(),
    }
}

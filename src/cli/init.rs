//! `gplint init`: write a starting `services.yaml` to standard output.

use super::{InitArgs, Io, Outcome, WriteError, inputs, load, output};
use crate::init::{self, GpoInput, Request};
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
    let reads = output::reads(None, &[], &read.gpos);
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
    let text = init::services_yaml(&Request {
        paths: &paths,
        gpos: &gpos,
        directory: None,
    });
    let written = output::emit(target.as_ref(), &text, io)?;
    Ok(if read.failed || !written {
        Outcome::UsageOrInput
    } else {
        Outcome::Clean
    })
}

//! `gplint schema`: the JSON Schema of a file gplint reads, generated
//! from the types that read it, so it never drifts from the loader.

use super::{Io, Outcome, SchemaArgs, SchemaFile, WriteError};

/// Prints the schema of the file named by `args`, pretty-printed.
pub fn run(args: &SchemaArgs, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    // Each kind of file gplint reads has its schema here.
    let schema = match args.file {
        SchemaFile::Services => crate::expect::schema(),
        SchemaFile::Rule => crate::rules::schema(),
    };
    let text = serde_json::to_string_pretty(&schema).map_err(WriteError::json("the schema"))?;
    io.print(format!("{text}\n"))?;
    Ok(Outcome::Clean)
}

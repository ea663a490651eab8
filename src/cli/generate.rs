//! `gplint completions` and `gplint man`: generated from the clap
//! definition, so they never drift from the real options.

use clap::CommandFactory;

use super::{Cli, CompletionsArgs, Io, ManArgs, Outcome, WriteError};

/// Prints the completion script for a shell. It is generated into memory
/// first: `clap_complete` panics when its writer fails, and writing to
/// memory cannot.
pub fn completions(args: &CompletionsArgs, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "gplint", &mut script);
    io.print(&script)?;
    Ok(Outcome::Clean)
}

/// Prints the manual page in roff: gplint(1), or gplint-COMMAND(1), the
/// pages gplint(1) refers to.
pub fn man(args: &ManArgs, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    let mut top = Cli::command().disable_help_subcommand(true);
    // Building names each subcommand `gplint-NAME`, as its page is titled.
    top.build();
    let command = match &args.command {
        None => top,
        Some(name) => match top.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = top.get_subcommands().map(|c| c.get_name()).collect();
                io.stderr_line(format_args!(
                    "error: no command `{name}`; pages exist for {}",
                    names.join(", ")
                ));
                return Ok(Outcome::UsageOrInput);
            }
        },
    };
    let mut page = Vec::new();
    let man = clap_mangen::Man::new(command).source(concat!("gplint ", env!("CARGO_PKG_VERSION")));
    if let Err(error) = man.render(&mut page) {
        io.stderr_line(format_args!(
            "error: cannot render the manual page: {error}"
        ));
        return Ok(Outcome::UsageOrInput);
    }
    io.print(&page)?;
    Ok(Outcome::Clean)
}

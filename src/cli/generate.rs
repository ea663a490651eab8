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
    page.extend_from_slice(homepage_section().as_bytes());
    io.print(&page)?;
    Ok(Outcome::Clean)
}

/// The page's HOMEPAGE section: clap has no field for it, and a reader
/// of the page needs to know where the rules' documentation and releases
/// are. The address is Cargo.toml's `repository` ([`crate::PROJECT_URI`]).
fn homepage_section() -> String {
    // roff reads a bare `-` as a hyphen that may break or change glyph.
    format!(".SH HOMEPAGE\n{}\n", crate::PROJECT_URI.replace('-', "\\-"))
}

#[cfg(test)]
mod tests {
    use super::homepage_section;

    #[test]
    fn the_homepage_section_names_the_repository_of_cargo_toml() {
        let section = homepage_section();
        assert!(section.starts_with(".SH HOMEPAGE\n"), "{section}");
        let shown = section.replace("\\-", "-");
        assert!(shown.contains(env!("CARGO_PKG_REPOSITORY")), "{section}");
    }
}

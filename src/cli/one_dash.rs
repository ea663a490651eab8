//! Long options written with one dash (`-expect x`), as PowerShell spells
//! its parameters. clap would read `-expect` as `-e xpect` (the
//! expectations file `xpect`) or stop at an unknown `-r`, `-f`, `-m`; each
//! is caught before parsing and named with its two-dash spelling.

use std::ffi::OsString;

use clap::CommandFactory;

use super::Cli;

/// A long option given with one dash.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("`{given}` has one dash: gplint's long options take two; write `--{long}`")]
#[diagnostic(
    code(gplint::args::one_dash),
    help(
        "PowerShell parameters take one dash; gplint's long options take two (`--expect`), and one dash with a single letter is the short form (`-e`)"
    )
)]
pub struct OneDash {
    /// The argument as given, e.g. `-expect` or `-expect=services.yaml`.
    pub given: String,
    /// The option it names, without dashes, e.g. `expect`.
    pub long: String,
}

/// The first argument (the program name excepted) that is a long option of
/// any command written with one dash. Arguments after `--` are values.
pub fn find(args: &[OsString]) -> Option<OneDash> {
    let longs = long_names();
    args.iter()
        .skip(1)
        .take_while(|arg| arg.as_os_str() != "--")
        .filter_map(|arg| arg.to_str())
        .find_map(|arg| one_dash(arg, &longs))
}

/// `-name` or `-name=value` whose name (any case) is one of `longs`.
fn one_dash(arg: &str, longs: &[String]) -> Option<OneDash> {
    let rest = arg
        .strip_prefix('-')
        .filter(|rest| !rest.starts_with('-'))?;
    let name = rest.split_once('=').map_or(rest, |(name, _)| name);
    if name.chars().count() < 2 {
        return None;
    }
    let long = longs.iter().find(|long| long.eq_ignore_ascii_case(name))?;
    Some(OneDash {
        given: arg.to_owned(),
        long: long.clone(),
    })
}

/// Every long option of gplint and its subcommands, `help` and `version`
/// included.
fn long_names() -> Vec<String> {
    let mut command = Cli::command();
    command.build();
    let mut names = Vec::new();
    collect(&command, &mut names);
    names.sort();
    names.dedup();
    names
}

fn collect(command: &clap::Command, names: &mut Vec<String>) {
    for arg in command.get_arguments() {
        names.extend(
            arg.get_long_and_visible_aliases()
                .into_iter()
                .flatten()
                .map(str::to_owned),
        );
    }
    for sub in command.get_subcommands() {
        collect(sub, names);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn a_long_option_with_one_dash_is_named_with_two() {
        let found = find(&args(&["gplint", "check", "t.inf", "-expect", "s.yaml"])).unwrap();
        assert_eq!(found.long, "expect");
        assert!(found.to_string().contains("write `--expect`"), "{found}");
        for (given, long) in [
            ("-rules", "rules"),
            ("-Output", "output"),
            ("-format=json", "format"),
            ("-fail-on", "fail-on"),
            ("-max-file-size", "max-file-size"),
            ("-help", "help"),
        ] {
            let found = find(&args(&["gplint", "check", given])).unwrap();
            assert_eq!(found.long, long, "{given}");
        }
    }

    #[test]
    fn short_options_values_and_what_follows_two_dashes_are_left_alone() {
        for list in [
            &["gplint", "check", "t.inf", "-e", "s.yaml", "-o", "-"][..],
            &["gplint", "check", "t.inf", "-es.yaml"],
            &["gplint", "why", "-1073741477"],
            &["gplint", "check", "--", "-expect"],
            &["gplint", "check", "--expect", "s.yaml", "-"],
        ] {
            assert!(find(&args(list)).is_none(), "{list:?}");
        }
    }
}

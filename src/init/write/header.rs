//! The comment at the top: how the file was made and what to do next.

use super::Out;
use crate::init::yaml;

/// Writes the header. Its first line tells editors that use
/// yaml-language-server (VS Code's YAML extension) where the file's
/// schema is, so they check and complete it.
pub fn write(out: &mut Out, paths: &[String]) {
    let inputs = command_line(paths);
    out.line(format!(
        "# yaml-language-server: $schema={}",
        crate::expect::schema_url()
    ));
    out.line(format!(
        "# services.yaml for gplint, written by `gplint init {inputs}`"
    ));
    out.line("# from the templates as they are today. It is a starting point, not a");
    out.line("# statement of what must hold: every logon: and no_logon: below repeats");
    out.line("# what today's templates grant or deny, and every guess says so.");
    out.line("#");
    out.line("# Next:");
    out.line("#   1. Review the guesses: target, domain_sid, scopes, and the accounts");
    out.line("#      (some are groups, some may be placeholders left in a template).");
    out.line("#   2. For each account, list under logon: the logon types it needs and");
    out.line("#      under no_logon: those it must never have; delete the ones whose");
    out.line("#      logons do not matter.");
    out.line(format!(
        "#   3. Run: gplint check {inputs} --expect services.yaml"
    ));
}

/// The paths as a shell would need them, on one comment line.
fn command_line(paths: &[String]) -> String {
    let words: Vec<String> = paths.iter().map(|path| shell_word(path)).collect();
    yaml::comment(&words.join(" "))
}

fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./:@%+=,-".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_quoted_as_a_shell_needs() {
        let paths = [
            "GPOs/Servers Baseline".to_owned(),
            "a.inf".to_owned(),
            "it's".to_owned(),
        ];
        assert_eq!(
            command_line(&paths),
            "'GPOs/Servers Baseline' a.inf 'it'\\''s'"
        );
    }
}

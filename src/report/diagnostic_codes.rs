//! gplint's own codes as text: the listing and one code's documentation
//! for `gplint codes`, and `docs/diagnostics.md`, all rendered from the
//! registry in [`crate::diagnostic::code`], the one place a code is
//! described.

use std::fmt::Write as _;

use crate::diagnostic::code::STAGES;
use crate::diagnostic::{Code, CodeKind};

/// The rendered page's path in the repository.
pub const DIAGNOSTICS_PATH: &str = "docs/diagnostics.md";

/// Width the docs are wrapped to in the terminal.
const WIDTH: usize = 76;

/// One line per code, in table order: code, severity, summary.
pub fn list() -> String {
    let width = Code::ALL
        .iter()
        .map(|code| code.as_str().len())
        .max()
        .unwrap_or(0);
    Code::ALL
        .iter()
        .map(|code| {
            format!(
                "{:<width$}  {:<8} {}\n",
                code.as_str(),
                code.severity().as_str(),
                code.summary()
            )
        })
        .collect()
}

/// One code's documentation: code, severity and kind, summary, the doc.
pub fn document(code: Code) -> String {
    format!(
        "{}  ({}, {})\n{}\n\n{}\n",
        code.as_str(),
        code.severity().as_str(),
        kind_words(code.kind()),
        code.summary(),
        wrap(code.doc())
    )
}

/// A doc wrapped for the terminal, never breaking a word at its hyphen
/// (`UTF-8`, `S-1-5-32-544`).
fn wrap(text: &str) -> String {
    let options = textwrap::Options::new(WIDTH)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(text, options)
}

fn kind_words(kind: CodeKind) -> &'static str {
    match kind {
        CodeKind::Diagnostic => "a diagnostic in an input file",
        CodeKind::Finding => "a finding of `gplint check`",
        CodeKind::Error => "an input or output error",
    }
}

/// The whole page: an index of the stages, then each stage's codes,
/// the input and output errors last.
pub fn render() -> String {
    let mut out = String::from(HEADER);
    for (stage, about) in STAGES {
        let _ = writeln!(out, "- [`{stage}`](#{}): {about}", anchor(stage));
    }
    let mut part = None;
    for (stage, about) in STAGES {
        let codes: Vec<Code> = Code::ALL
            .iter()
            .copied()
            .filter(|code| code.stage() == *stage)
            .collect();
        let errors = codes.iter().all(|code| code.kind() == CodeKind::Error);
        if part != Some(errors) {
            let title = if errors {
                CodeKind::Error.title()
            } else {
                "Diagnostics and findings"
            };
            let _ = write!(out, "\n## {title}\n\n{}\n", part_intro(errors));
            part = Some(errors);
        }
        let _ = write!(
            out,
            "\n<a id=\"{}\"></a>\n\n### `{stage}`: {about}\n",
            anchor(stage)
        );
        for code in codes {
            out.push_str(&entry(code));
        }
    }
    out
}

const HEADER: &str = "# Diagnostic codes

<!-- Generated from the registry in src/diagnostic/code/table.rs by src/report/diagnostic_codes.rs:
     do not edit. To regenerate: GPLINT_UPDATE_DOCS=1 cargo test --test diagnostic_codes -->

Every problem gplint reports about its own inputs has a code, printed above
its message (`template::unknown-right`) and kept in `gplint dump --format
json`. This page describes each: its severity, what it means, why gplint
says it and what to do. `gplint codes` lists them and `gplint codes CODE`
prints one. What a check finds in the policy is a rule's finding, not a
diagnostic: [`rules.md`](rules.md) documents the rules (`gplint rules`),
and `gplint why` explains Windows' own error codes and event ids.

";

fn part_intro(errors: bool) -> &'static str {
    if errors {
        "An input that cannot be read or a result that cannot be written ends the run \
         (or skips the input) with one line naming the path and the reason, and exit \
         code 2. These codes are those of gplint's typed errors (`miette::Diagnostic`), \
         for programs that use gplint as a library."
    } else {
        "Diagnostics point into the file they are about. An error stops the file from \
         being used (exit code 2); a warning is printed and the run goes on. The two \
         `waiver::` findings appear among a check's findings."
    }
}

/// One code: its anchor and heading, severity and summary, and its doc,
/// one line a paragraph: a wrapped line could start with `- ` or `1. `
/// and turn into a list.
fn entry(code: Code) -> String {
    let finding = if code.kind() == CodeKind::Finding {
        " (a finding)"
    } else {
        ""
    };
    format!(
        "\n<a id=\"{}\"></a>\n\n#### `{}`\n\n**{}**{finding}: {}.\n\n{}\n",
        anchor(code.as_str()),
        code.as_str(),
        code.severity().as_str(),
        code.summary(),
        code.doc()
    )
}

/// An HTML id for a code or stage: `template::unknown-right` →
/// `template-unknown-right`.
pub fn anchor(text: &str) -> String {
    text.replace("::", "-").replace('_', "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_every_code_once_with_its_anchor() {
        let page = render();
        for code in Code::ALL {
            let heading = format!("\n#### `{}`\n", code.as_str());
            assert_eq!(page.matches(&heading).count(), 1, "{code}");
            let id = format!("<a id=\"{}\"></a>", anchor(code.as_str()));
            assert_eq!(page.matches(&id).count(), 1, "{code}");
        }
        let ids: std::collections::BTreeSet<String> = Code::ALL
            .iter()
            .map(|c| anchor(c.as_str()))
            .chain(STAGES.iter().map(|(s, _)| anchor(s)))
            .collect();
        assert_eq!(
            ids.len(),
            Code::ALL.len() + STAGES.len(),
            "two anchors collide"
        );
    }

    #[test]
    fn the_errors_come_last_under_their_own_heading() {
        let page = render();
        let errors = page.find("\n## Input and output errors\n").unwrap();
        let first_error = page.find("#### `gplint::").unwrap();
        let last_diagnostic = page.rfind("#### `waiver::").unwrap();
        assert!(last_diagnostic < errors && errors < first_error);
    }

    #[test]
    fn the_list_has_one_aligned_line_per_code() {
        let list = list();
        assert_eq!(list.lines().count(), Code::ALL.len());
        let line = list
            .lines()
            .find(|l| l.starts_with("template::unknown-right "))
            .unwrap();
        assert!(line.contains("  warning  a right or privilege gplint does not know"));
        let column = |l: &str| {
            l.find(" error ")
                .or(l.find(" warning "))
                .or(l.find(" note "))
        };
        let columns: std::collections::BTreeSet<_> = list.lines().map(column).collect();
        assert_eq!(columns.len(), 1, "severities are not in one column");
    }

    #[test]
    fn one_code_is_documented_with_severity_and_kind() {
        let text = document(Code::WaiverExpired);
        assert!(text.starts_with("waiver::expired  (warning, a finding of `gplint check`)\n"));
        assert!(text.lines().all(|l| l.chars().count() <= WIDTH), "{text}");
        let text = document(Code::SourceNotUtf8);
        assert!(
            text.contains(" UTF-8.") && !text.contains("UTF-\n"),
            "{text}"
        );
    }
}

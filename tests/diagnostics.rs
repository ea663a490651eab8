//! Snapshots of rendered diagnostics: no colour, fixed width.

mod common;

use gplint::diagnostic::Diagnostic;
use gplint::report::{Style, render};
use gplint::source::SourceFile;
use gplint::{syntax, template};

const STYLE: Style = Style {
    color: false,
    width: 80,
};

fn rendered_warnings(relative: &str) -> String {
    let path = common::fixture(relative);
    let mut source = SourceFile::read(&path).unwrap();
    source.name = format!("tests/fixtures/{relative}");
    let typed = template::build(&syntax::parse(&source.text));
    let mut warnings: Vec<Diagnostic> = source.warnings.iter().map(Diagnostic::from).collect();
    warnings.extend(typed.warnings.iter().cloned());
    warnings
        .iter()
        .map(|w| render(w, &source.name, &source.text, STYLE))
        .collect()
}

#[test]
fn line_without_equals() {
    let out = rendered_warnings("grammar/line-without-equals.inf");
    assert!(out.contains("line-without-equals.inf:5:1"));
    insta::assert_snapshot!(out);
}

#[test]
fn unknown_right_with_suggestion() {
    insta::assert_snapshot!(rendered_warnings("grammar/unknown-right.inf"));
}

#[test]
fn text_before_first_section() {
    insta::assert_snapshot!(rendered_warnings("grammar/comments-before.inf"));
}

#[test]
fn names_that_cannot_be_what_they_say() {
    insta::assert_snapshot!(rendered_warnings("grammar/names.inf"));
}

//! Names that hold a control character. In double quotes YAML reads
//! `"CONTOSO\new_svc"` as `CONTOSO`, a line break and `ew_svc`, and
//! `"CONTOSO\tasks"` with a tab: the file loads, and every message would
//! print the broken name. No Windows name holds one, so it is an error.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::Spanned;

/// An error when `text` holds a control character; `subject` names the
/// field ("`name`", "an entry of `member_of`").
pub(super) fn check(text: &Spanned<String>, subject: &str) -> Option<Diagnostic> {
    let found = text.value.chars().find(|&c| is_control(c))?;
    let (escape, what) = described(found);
    let shown: String = text.value.chars().flat_map(shown).collect();
    let help = match intended(&text.value) {
        Some(meant) => format!(
            "if `{escape}` was meant as a backslash and a letter, write the name in single \
             quotes, in which a backslash is itself: '{meant}'; or double the backslash: \"{}\"",
            meant.replace('\\', "\\\\")
        ),
        None => "remove the character; a name in double quotes must double each backslash, \
                 so write it in single quotes instead"
            .to_owned(),
    };
    Some(
        Diagnostic::new(
            Code::ExpectControlCharacter,
            format!("{subject} holds {what}: it reads as `{shown}`"),
            text.span,
        )
        .with_label(format!("{what} here"))
        .with_help(help),
    )
}

/// Control characters, and the two separators YAML's `\L` and `\P` make.
fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The YAML escape that makes `c`, and what it is in words.
fn described(c: char) -> (String, String) {
    let named = match c {
        '\n' => Some(("\\n", "a line break")),
        '\t' => Some(("\\t", "a tab")),
        '\r' => Some(("\\r", "a carriage return")),
        '\0' => Some(("\\0", "a NUL character")),
        '\u{7}' => Some(("\\a", "a bell character")),
        '\u{8}' => Some(("\\b", "a backspace")),
        '\u{b}' => Some(("\\v", "a vertical tab")),
        '\u{c}' => Some(("\\f", "a form feed")),
        '\u{1b}' => Some(("\\e", "an escape character")),
        '\u{85}' => Some(("\\N", "a next-line character")),
        '\u{2028}' => Some(("\\L", "a line separator")),
        '\u{2029}' => Some(("\\P", "a paragraph separator")),
        _ => None,
    };
    match named {
        Some((escape, what)) => (escape.to_owned(), what.to_owned()),
        None => {
            let code = format!("\\u{:04X}", u32::from(c));
            (code.clone(), format!("the control character {code}"))
        }
    }
}

/// `c` as the message shows it: a line break as ⏎, a tab as ⇥, any other
/// control character by its code, as reports write it (`\u{1b}`).
fn shown(c: char) -> Vec<char> {
    match c {
        '\n' => vec!['⏎'],
        '\t' => vec!['⇥'],
        _ if is_control(c) => format!("\\u{{{:x}}}", u32::from(c)).chars().collect(),
        _ => vec![c],
    }
}

/// The name as meant, when every control character in it is one a
/// backslash and a letter make: `CONTOSO⏎ew_svc` was `CONTOSO\new_svc`.
fn intended(text: &str) -> Option<String> {
    let mut meant = String::new();
    for c in text.chars() {
        if !is_control(c) {
            meant.push(c);
            continue;
        }
        let escape = described(c).0;
        let letter = escape.strip_prefix('\\')?;
        if letter.len() != 1 || !letter.chars().all(|l| l.is_ascii_alphabetic()) {
            return None;
        }
        meant.push_str(&escape);
    }
    Some(meant)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn check_of(text: &str) -> Option<Diagnostic> {
        check(&Spanned::new(text.to_owned(), Span::new(0, 1)), "`name`")
    }

    #[test]
    fn a_line_break_is_shown_and_the_name_given_back() {
        let found = check_of("CONTOSO\new_svc").unwrap();
        assert_eq!(found.code, Code::ExpectControlCharacter);
        assert_eq!(
            found.message,
            "`name` holds a line break: it reads as `CONTOSO⏎ew_svc`"
        );
        assert!(
            found
                .help
                .as_deref()
                .unwrap()
                .contains("'CONTOSO\\new_svc'"),
            "{found:?}"
        );
        let tab = check_of("CONTOSO\tasks").unwrap();
        assert!(tab.help.as_deref().unwrap().contains("'CONTOSO\\tasks'"));
    }

    #[test]
    fn plain_names_pass_and_odd_characters_get_plain_help() {
        assert_eq!(check_of("CONTOSO\\svc_sql"), None);
        assert_eq!(check_of("Jörg Müller"), None);
        let nul = check_of("a\0b").unwrap();
        assert!(
            nul.help.as_deref().unwrap().starts_with("remove"),
            "{nul:?}"
        );
    }
}

//! Text from the inputs made visible: control characters written as
//! escapes.
//!
//! Names, messages and source lines come from files anyone may have
//! written. A raw ESC in them would drive the reader's terminal (colours,
//! a cleared screen, a rewritten window title, hidden text), and a lone
//! carriage return or a bidirectional override would make a line read
//! differently from what it holds. The human reporters pass what they
//! print through here at their edge; the model keeps the text as read.
//! JSON and SARIF are escaped by serde, XML by [`super::xml`].

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is shown as an escape: the C0 and C1 control characters
/// and DEL, and the invisible characters that reorder or end text (the
/// bidirectional controls, the line and paragraph separators).
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `c` as the escape [`visible`] writes: `\u{1b}`.
pub fn escape(c: char) -> String {
    let mut out = String::new();
    push_escape(&mut out, c);
    out
}

fn push_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}

/// `text` with every hidden character but line feeds and tabs written as
/// an escape, for text that may span lines (a message, a report).
pub fn visible(text: &str) -> Cow<'_, str> {
    escaped(text, |c| c == '\n' || c == '\t')
}

/// `text` with every hidden character written as an escape, line feeds
/// and tabs included: for what must stay on one line (a name).
pub fn visible_line(text: &str) -> Cow<'_, str> {
    escaped(text, |_| false)
}

/// [`visible`] of a whole report, reusing it when nothing is hidden.
pub fn visible_owned(text: String) -> String {
    match visible(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(shown) => shown,
    }
}

fn escaped(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let shown = |c: char| !is_hidden(c) || keep(c);
    if text.chars().all(shown) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if shown(c) {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_lone_carriage_returns_become_visible() {
        assert_eq!(
            visible("a\u{1b}[31mred\u{7}\r\nb\tc"),
            "a\\u{1b}[31mred\\u{7}\\u{d}\nb\tc"
        );
        assert_eq!(visible_line("a\nb\tc"), "a\\u{a}b\\u{9}c");
        assert_eq!(visible("\u{9b}2J\u{7f}"), "\\u{9b}2J\\u{7f}");
    }

    #[test]
    fn bidirectional_overrides_become_visible() {
        assert_eq!(visible("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(visible("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
    }

    #[test]
    fn plain_text_is_borrowed_as_is() {
        let text = "CONTOSO\\svc_sql — Jürgen ✓ 日本";
        assert!(matches!(visible(text), Cow::Borrowed(t) if t == text));
    }
}

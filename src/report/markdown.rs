//! Text from the inputs inside Markdown that GitHub and GitLab render:
//! an account named `a|b`, an entry holding a backtick or a message with
//! `<script>` must show as written, never split a table row, open a code
//! span or become HTML.

use super::visible::{escape, is_hidden, visible_line};

/// Plain text in a table cell or a paragraph: every ASCII punctuation
/// character Markdown or HTML gives a meaning to is escaped, line breaks
/// become spaces and hidden characters their `\u{…}` escape.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            c if is_hidden(c) => out.push_str(&escape(c)),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '$' | '~' | '&' | '#' | '!'
            | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A code span in a table cell. Inside a span backslashes stay literal,
/// so only `|` (which GitHub's tables split on before spans) needs its
/// escape; the fence is one backtick longer than the longest run of
/// backticks inside, so none can close it.
pub fn code(text: &str) -> String {
    let inner = visible_line(&text.replace(['\r', '\n'], " ")).replace('|', "\\|");
    let longest = longest_run(&inner, '`');
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 || inner.starts_with(' ') || inner.ends_with(' ') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{inner}{pad}{fence}")
}

fn longest_run(text: &str, of: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == of { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_what_is_written() {
        assert_eq!(
            text(r"NT SERVICE\<name> *S-1 a|b"),
            r"NT SERVICE\\\<name\> \*S-1 a\|b"
        );
        assert_eq!(text("a\u{1b}b\nc"), "a\\u{1b}b c");
        assert_eq!(text("[x](javascript:y)"), r"\[x\]\(javascript:y\)");
    }

    #[test]
    fn code_spans_cannot_be_closed_from_inside() {
        assert_eq!(code(r"CONTOSO\gmsa_web$"), r"`CONTOSO\gmsa_web$`");
        assert_eq!(code("a|b"), r"`a\|b`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("a``b"), "``` a``b ```");
        assert_eq!(code("a\u{1b}b"), "`a\\u{1b}b`");
    }
}

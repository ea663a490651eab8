//! Short, printable excerpts of input text for error messages.
//!
//! A file that does not parse may not be what its name says: a link to
//! `/proc/self/environ`, a binary, a line of megabytes. What a parse
//! error quotes of it is therefore at most [`EXCERPT_MAX`] bytes, and no
//! control character reaches the terminal: each is written as `\u{1b}`.

/// The most bytes of input a parse error quotes.
pub const EXCERPT_MAX: usize = 200;

/// How much of the quoted line comes before the place of an error.
const BEFORE_MAX: usize = 80;

/// What marks text cut off.
const ELLIPSIS: &str = "…";

/// `text` as it may be printed: controls escaped, cut to at most
/// [`EXCERPT_MAX`] bytes with `…` where it was cut.
pub fn excerpt(text: &str) -> String {
    let budget = EXCERPT_MAX - ELLIPSIS.len();
    let mut out = String::new();
    for c in text.chars() {
        let piece = printable(c);
        if out.len() + piece.len() > budget {
            out.push_str(ELLIPSIS);
            return out;
        }
        out.push_str(&piece);
    }
    out
}

/// The part of one line quoted around a place in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineExcerpt {
    /// The excerpt: one line, printable, at most [`EXCERPT_MAX`] bytes.
    pub text: String,
    /// Where the place falls in `text`, in bytes.
    pub at: usize,
    /// The bytes the character at the place takes in `text` (0 at the end
    /// of the line).
    pub width: usize,
    /// The place's line in the whole text, 0-based.
    pub line: usize,
    /// The place's column in its line, in characters, 0-based.
    pub column: usize,
}

/// The excerpt of the line of `text` that holds byte `offset`: up to 80
/// bytes before it and as much after as the limit leaves.
pub fn line_excerpt(text: &str, offset: usize) -> LineExcerpt {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let (head, tail) = text.split_at(offset);
    let line_start = head.rfind(['\n', '\r']).map_or(0, |at| at + 1);
    let line_end = tail.find(['\n', '\r']).map_or(text.len(), |at| offset + at);
    let before_text = text.get(line_start..offset).unwrap_or_default();
    let after_text = text.get(offset..line_end).unwrap_or_default();
    let (before, cut_before) = take_back(before_text, BEFORE_MAX);
    let room = EXCERPT_MAX - 2 * ELLIPSIS.len() - before.len();
    let (after, cut_after) = take_front(after_text, room);
    let mut out = String::with_capacity(EXCERPT_MAX);
    if cut_before {
        out.push_str(ELLIPSIS);
    }
    out.push_str(&before);
    let at = out.len();
    let width = after_text.chars().next().map_or(0, |c| printable(c).len());
    out.push_str(&after);
    if cut_after {
        out.push_str(ELLIPSIS);
    }
    LineExcerpt {
        text: out,
        at,
        width: width.min(after.len()),
        line: line_number(head),
        column: before_text.chars().count(),
    }
}

/// The last characters of `text` that fit in `max` bytes once printable,
/// and whether any were left out.
fn take_back(text: &str, max: usize) -> (String, bool) {
    let mut pieces = Vec::new();
    let mut len = 0;
    for c in text.chars().rev() {
        let piece = printable(c);
        if len + piece.len() > max {
            return (pieces.into_iter().rev().collect(), true);
        }
        len += piece.len();
        pieces.push(piece);
    }
    (pieces.into_iter().rev().collect(), false)
}

/// The first characters of `text` that fit in `max` bytes once printable,
/// and whether any were left out.
fn take_front(text: &str, max: usize) -> (String, bool) {
    let mut out = String::new();
    for c in text.chars() {
        let piece = printable(c);
        if out.len() + piece.len() > max {
            return (out, true);
        }
        out.push_str(&piece);
    }
    (out, false)
}

/// The 0-based number of the line that follows `head`: CRLF, LF and a
/// lone CR each end a line.
fn line_number(head: &str) -> usize {
    let bytes = head.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(at, &b)| b == b'\n' || (b == b'\r' && bytes.get(at + 1) != Some(&b'\n')))
        .count()
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `c`, or `\u{…}` for a control character or one that reorders text
/// on a terminal (bidirectional overrides and isolates).
fn printable(c: char) -> std::borrow::Cow<'static, str> {
    let reorders = matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if c.is_control() || reorders {
        format!("\\u{{{:x}}}", u32::from(c)).into()
    } else {
        String::from(c).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_long_text_is_cut() {
        assert_eq!(excerpt("a\u{1b}[31mb\u{202E}"), "a\\u{1b}[31mb\\u{202e}");
        let long = excerpt(&"é".repeat(500));
        assert!(long.len() <= EXCERPT_MAX, "{}", long.len());
        assert!(long.ends_with('…'));
        assert_eq!(excerpt("short"), "short");
    }

    #[test]
    fn a_line_excerpt_is_one_short_printable_line_around_the_place() {
        let text = format!(
            "first\r\n{}X\u{7}{}\nlast",
            "a".repeat(1000),
            "b".repeat(1000)
        );
        let offset = text.find('X').unwrap();
        let got = line_excerpt(&text, offset);
        assert!(got.text.len() <= EXCERPT_MAX, "{}", got.text.len());
        assert!(!got.text.contains(['\n', '\r', '\u{7}']), "{}", got.text);
        assert!(got.text.starts_with('…') && got.text.ends_with('…'));
        assert_eq!(&got.text[got.at..got.at + got.width], "X");
        assert!(got.text[got.at..].starts_with("X\\u{7}b"), "{}", got.text);
        assert_eq!((got.line, got.column), (1, 1000));
    }

    #[test]
    fn a_short_line_is_quoted_whole() {
        let text = "a: b\r\nc: d: e\rf";
        let got = line_excerpt(text, text.find("d:").unwrap() + 1);
        assert_eq!(got.text, "c: d: e");
        assert_eq!((got.at, got.width, got.line, got.column), (4, 1, 1, 4));
        let end = line_excerpt(text, text.len());
        assert_eq!((end.text.as_str(), end.width, end.line), ("f", 0, 2));
    }

    #[test]
    fn an_offset_inside_a_character_or_past_the_end_is_safe() {
        let text = "ab€cd";
        let got = line_excerpt(text, 3);
        assert_eq!(got.at, 2);
        assert_eq!(line_excerpt(text, 99).at, text.len());
        assert_eq!(line_excerpt("", 0).text, "");
    }
}

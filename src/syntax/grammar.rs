//! The nom grammar of security template lines.
//!
//! One production per function, each with its rule in the doc comment.
//! Productions work on one line's content (without its terminator) and
//! return sub-slices of it, so spans are computed by offset, never by copying.
//!
//! Notation: `ws` is a space or a tab; `[^x]` any character but `x`.

use nom::branch::alt;
use nom::bytes::complete::{is_not, tag, take_till, take_while};
use nom::character::complete::{char, space0};
use nom::combinator::{opt, recognize};
use nom::multi::{many0, many1};
use nom::{IResult, Parser};

/// What one line's code (its content before any comment) is, as slices
/// of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Classified<'a> {
    /// Only white space.
    Blank,
    /// A section header: the name and whether `]` closes it.
    Header { name: &'a str, closed: bool },
    /// `key = values`.
    Entry { key: &'a str, values: &'a str },
    /// Values without a key.
    Values(&'a str),
}

/// line := content line_end?
///
/// `content := [^\r\n]*`. Returns the content and its terminator (empty on
/// a last line without one).
pub fn line(input: &str) -> IResult<&str, (&str, &str)> {
    (
        take_till(|c| c == '\r' || c == '\n'),
        opt(line_end).map(Option::unwrap_or_default),
    )
        .parse(input)
}

/// line_end := "\r\n" | "\n" | "\r"
fn line_end(input: &str) -> IResult<&str, &str> {
    alt((tag("\r\n"), tag("\n"), tag("\r"))).parse(input)
}

/// content := code comment?
///
/// `code := (quoted | [^;"])*`, `comment := ";" any*`. An INF file is read
/// with the Setup API, for which a `;` outside a quoted string starts a
/// comment that runs to the end of the line, after a value as well as at
/// the start of a line ("General Syntax Rules for INF Files"); a `;`
/// inside quotes, as in the SDDL strings of `[Registry Keys]`, is text.
/// Returns the code and the comment, `;` included.
pub fn split_comment(content: &str) -> (&str, Option<&str>) {
    let found: IResult<&str, &str> = recognize(many0(alt((quoted, is_not(";\""))))).parse(content);
    match found {
        Ok((comment, code)) if !comment.is_empty() => (code, Some(comment)),
        _ => (content, None),
    }
}

/// classified := blank | header | entry | values
///
/// Classifies a line's code, its comment split off first by
/// [`split_comment`]. Every line classifies; `values` takes whatever the
/// others do not.
pub fn classify(code: &str) -> Classified<'_> {
    if code.trim().is_empty() {
        return Classified::Blank;
    }
    if let Ok((_, (name, closed))) = header(code) {
        return Classified::Header { name, closed };
    }
    if let Ok((values, key)) = entry_key(code) {
        return Classified::Entry { key, values };
    }
    Classified::Values(code)
}

/// header := ws* "[" name ("]" any*)?
///
/// `name := [^\]]*`, trimmed. Text after `]` is ignored, as INF readers do.
fn header(input: &str) -> IResult<&str, (&str, bool)> {
    let (input, _) = (space0, char('[')).parse(input)?;
    let (input, name) = take_till(|c| c == ']').parse(input)?;
    let (input, close) = opt(char(']')).parse(input)?;
    Ok((input, (name.trim(), close.is_some())))
}

/// entry_key := key "=" ; returns the rest of the line as the values.
///
/// `key := (quoted | [^="])+`, trimmed: the text before the first `=` that
/// is not inside double quotes.
fn entry_key(input: &str) -> IResult<&str, &str> {
    let (input, key) = recognize(many1(alt((quoted, is_not("=\""))))).parse(input)?;
    let (input, _) = char('=').parse(input)?;
    Ok((input, key.trim()))
}

/// quoted := '"' ([^"] | '""')* ('"' | end)
///
/// A doubled quote stands for one quote, as in INF files; an unterminated
/// string runs to the end of the line rather than failing the line.
fn quoted(input: &str) -> IResult<&str, &str> {
    recognize((
        char('"'),
        many0(alt((is_not("\""), tag("\"\"")))),
        opt(char('"')),
    ))
    .parse(input)
}

/// item := (quoted | [^,"])*
///
/// The raw item up to the next `,` outside quotes; trimming and unquoting
/// are left to [`unquote`].
pub fn item(input: &str) -> IResult<&str, &str> {
    recognize(many0(alt((quoted, is_not(",\""))))).parse(input)
}

/// value_list := item ("," item)*
///
/// Returns the raw items; an all-blank list has none. Reads them one by
/// one ([`next_item`]), so a caller that only iterates allocates nothing.
pub fn value_list(input: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut rest = (!input.trim().is_empty()).then_some(input);
    while let Some(list) = rest {
        let (raw, next) = next_item(list);
        items.push(raw);
        rest = next;
    }
    items
}

/// The first raw item of a non-blank value list and the list after its
/// `,`, or `None` when it was the last item.
pub fn next_item(input: &str) -> (&str, Option<&str>) {
    let (after, raw) = item(input).unwrap_or((input, ""));
    match comma(after) {
        Ok((next, _)) => (raw, Some(next)),
        Err(_) => (raw, None),
    }
}

/// comma := ","
fn comma(input: &str) -> IResult<&str, char> {
    char(',').parse(input)
}

/// unquoted := ws* ('"' inner '"' | bare) ws*
///
/// Returns the item's trimmed text as written, its text without quotes,
/// and whether it was quoted.
pub fn unquote(raw: &str) -> (&str, &str, bool) {
    let written = raw.trim();
    let inner = written
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .filter(|_| written.len() >= 2);
    match inner {
        Some(inner) => (written, inner, true),
        None => (written, written, false),
    }
}

/// ws := " " | "\t"
pub fn is_ws(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Leading white space of a line: `ws*`.
pub fn leading_ws(input: &str) -> &str {
    take_while::<_, _, nom::error::Error<&str>>(is_ws)
        .parse(input)
        .map(|(_, ws)| ws)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_splits_every_terminator() {
        assert_eq!(line("a\r\nb"), Ok(("b", ("a", "\r\n"))));
        assert_eq!(line("a\nb"), Ok(("b", ("a", "\n"))));
        assert_eq!(line("a\rb"), Ok(("b", ("a", "\r"))));
        assert_eq!(line("last"), Ok(("", ("last", ""))));
    }

    #[test]
    fn classify_recognises_each_kind() {
        assert_eq!(classify("   "), Classified::Blank);
        assert_eq!(
            classify("[Privilege Rights]"),
            Classified::Header {
                name: "Privilege Rights",
                closed: true
            }
        );
        assert_eq!(
            classify("[Version"),
            Classified::Header {
                name: "Version",
                closed: false
            }
        );
        assert_eq!(
            classify("SeBatchLogonRight=*S-1-5-32-544"),
            Classified::Entry {
                key: "SeBatchLogonRight",
                values: "*S-1-5-32-544"
            }
        );
        assert_eq!(
            classify("\"MACHINE\\SOFTWARE\",0,\"D:PAR\""),
            Classified::Values("\"MACHINE\\SOFTWARE\",0,\"D:PAR\"")
        );
    }

    #[test]
    fn a_semicolon_outside_quotes_starts_a_comment() {
        assert_eq!(split_comment(" ; note"), (" ", Some("; note")));
        assert_eq!(
            split_comment("SeDenyBatchLogonRight = *S-1-5-32-546 ; deny guests"),
            (
                "SeDenyBatchLogonRight = *S-1-5-32-546 ",
                Some("; deny guests")
            )
        );
        assert_eq!(split_comment("a = b;c;d"), ("a = b", Some(";c;d")));
        assert_eq!(split_comment("no comment"), ("no comment", None));
        assert_eq!(split_comment(""), ("", None));
    }

    #[test]
    fn a_semicolon_inside_quotes_is_text() {
        let sddl = "\"MACHINE\\SOFTWARE\",0,\"D:PAR(A;OICI;KA;;;BA)(A;CIIO;KA;;;CO)\"";
        assert_eq!(split_comment(sddl), (sddl, None));
        let doubled = "k = \"say \"\"a;b\"\"\" ; c";
        assert_eq!(
            split_comment(doubled),
            ("k = \"say \"\"a;b\"\"\" ", Some("; c"))
        );
        // An unterminated string runs to the end of the line.
        assert_eq!(split_comment("k = \"a;b"), ("k = \"a;b", None));
    }

    #[test]
    fn key_ignores_equals_inside_quotes() {
        assert_eq!(
            classify("\"a=b\",2 = x"),
            Classified::Entry {
                key: "\"a=b\",2",
                values: " x"
            }
        );
    }

    #[test]
    fn value_list_keeps_trailing_and_quoted_commas() {
        assert_eq!(value_list(" a , b,"), vec![" a ", " b", ""]);
        assert_eq!(value_list("7,\"x,y\",z"), vec!["7", "\"x,y\"", "z"]);
        assert!(value_list("   ").is_empty());
    }

    #[test]
    fn unquote_strips_only_matching_quotes() {
        assert_eq!(
            unquote(" \"$CHICAGO$\" "),
            ("\"$CHICAGO$\"", "$CHICAGO$", true)
        );
        assert_eq!(unquote("$CHICAGO$"), ("$CHICAGO$", "$CHICAGO$", false));
        assert_eq!(unquote("\""), ("\"", "\"", false));
    }

    #[test]
    fn unterminated_quote_does_not_fail() {
        assert_eq!(value_list("\"abc, def"), vec!["\"abc, def"]);
    }
}

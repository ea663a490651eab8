//! One SharpHound JSON file, parsed as a stream with a bound on the bytes
//! read.

use std::io::{BufReader, Read};

use serde_json::error::Category;

use super::format::Collection;

/// Why a file could not be parsed.
#[derive(Debug)]
pub(super) enum ParseError {
    /// More than the limit was read.
    TooLarge,
    /// Reading failed (a zip member's checksum, a disk error).
    Io(String),
    /// Not JSON, or not the shape of a SharpHound file.
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// Parses the SharpHound file `reader` holds, reading at most `limit`
/// bytes: one byte more means the file is too large, whatever its
/// declared size said.
pub(super) fn parse(reader: impl Read, limit: u64) -> Result<Collection, ParseError> {
    let mut bounded = reader.take(limit.saturating_add(1));
    let parsed = serde_json::from_reader::<_, Collection>(BufReader::new(&mut bounded));
    if bounded.limit() == 0 {
        return Err(ParseError::TooLarge);
    }
    parsed.map_err(|error| match error.classify() {
        Category::Io => ParseError::Io(error.to_string()),
        Category::Syntax | Category::Data | Category::Eof => ParseError::Json {
            line: error.line(),
            column: error.column(),
            message: message_of(&error),
        },
    })
}

/// serde_json's message without the ` at line L column C` it appends.
fn message_of(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = text.strip_suffix(&suffix).unwrap_or(&text);
    if error.classify() == Category::Eof {
        format!("{message}: the file ends in the middle of a value; was it cut short?")
    } else {
        message.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_syntax_error_has_its_place() {
        let text = "{\"data\": [\n  {\"Properties\": {,}}\n]}";
        let Err(ParseError::Json {
            line,
            column,
            message,
        }) = parse(text.as_bytes(), 1000)
        else {
            panic!("not refused as JSON");
        };
        assert_eq!((line, column), (2, 19));
        assert!(!message.contains("at line"), "{message}");
    }

    #[test]
    fn a_cut_file_says_so() {
        let Err(ParseError::Json { message, .. }) = parse(&b"{\"data\": [{"[..], 1000) else {
            panic!("not refused as JSON");
        };
        assert!(message.contains("cut short"), "{message}");
    }

    #[test]
    fn reading_stops_past_the_limit() {
        let text = format!("{{\"data\": [], \"pad\": \"{}\"}}", "x".repeat(5000));
        assert!(matches!(
            parse(text.as_bytes(), 100),
            Err(ParseError::TooLarge)
        ));
        assert!(parse(text.as_bytes(), text.len() as u64).is_ok());
    }
}

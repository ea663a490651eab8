//! Errors as one line: the error and its causes, joined.

use std::error::Error;

/// `error: cause: cause`, for a reason that must fit on one line.
pub fn one_line(error: &dyn Error) -> String {
    // A file name or a cause quoting the input may hold any character.
    super::visible::visible_line(&crate::diagnostic::error_chain(error)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn a_decode_error_names_the_file_and_the_cause() {
        let error = SourceFile::from_bytes("empty.inf", Vec::new())
            .err()
            .unwrap();
        let line = one_line(&error);
        assert!(line.starts_with("cannot read `empty.inf`"), "{line}");
        assert!(line.contains("empty"), "{line}");
    }

    #[test]
    fn control_characters_in_a_file_name_are_written_visibly() {
        let error = SourceFile::from_bytes("t\u{1b}[31m.inf", Vec::new())
            .err()
            .unwrap();
        let line = one_line(&error);
        assert!(line.contains("t\\u{1b}[31m.inf"), "{line}");
    }
}

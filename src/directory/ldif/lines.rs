//! The logical lines of an LDIF file: physical lines joined where the
//! next begins with one space (RFC 2849 folding), without their line
//! ends, each with the number of its first physical line.
//!
//! One buffer is reused for every line and never grows past the line
//! limit, so reading a file of any size holds one line at a time.

use std::io::{self, BufRead, Read};

/// Why the next line could not be read.
#[derive(Debug)]
pub(super) enum LineError {
    /// The logical line starting at `line` is longer than the limit.
    TooLong { line: u32 },
    /// The reader failed on the logical line starting at `line`.
    Io { line: u32, error: io::Error },
}

/// Reads logical lines from `reader`.
pub(super) struct Lines<R> {
    reader: R,
    /// The number of the next physical line.
    next: u32,
    max: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`, each at most `max` bytes once unfolded.
    pub(super) fn new(reader: R, max: usize) -> Self {
        Lines {
            reader,
            next: 1,
            max,
            buf: Vec::new(),
        }
    }

    /// The next logical line and the number of its first physical line;
    /// `None` at the end of the file.
    pub(super) fn next_line(&mut self) -> Result<Option<(u32, &[u8])>, LineError> {
        self.buf.clear();
        let start = self.next;
        let io = |error| LineError::Io { line: start, error };
        if !self.physical(start)? {
            return Ok(None);
        }
        // A line that begins with one space continues this one; the space
        // is not part of the value.
        while self.reader.fill_buf().map_err(io)?.first() == Some(&b' ') {
            self.reader.consume(1);
            self.physical(start)?;
        }
        Ok(Some((start, &self.buf)))
    }

    /// Appends the next physical line, without its line end, to the
    /// buffer; false at the end of the file.
    fn physical(&mut self, start: u32) -> Result<bool, LineError> {
        // Room for the rest of the logical line and a CR LF: a longer
        // line is refused before more of it is read.
        let room = self.max.saturating_sub(self.buf.len()).saturating_add(2);
        let before = self.buf.len();
        let read = (&mut self.reader)
            .take(room as u64)
            .read_until(b'\n', &mut self.buf)
            .map_err(|error| LineError::Io { line: start, error })?;
        if read == 0 {
            return Ok(false);
        }
        self.next = self.next.saturating_add(1);
        let ended = self.buf.last() == Some(&b'\n');
        if ended {
            self.buf.pop();
            if self.buf.len() > before && self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        }
        if self.buf.len() > self.max || (!ended && read == room) {
            return Err(LineError::TooLong { line: start });
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &[u8], max: usize) -> Result<Vec<(u32, String)>, LineError> {
        let mut lines = Lines::new(text, max);
        let mut out = Vec::new();
        while let Some((n, line)) = lines.next_line()? {
            out.push((n, String::from_utf8_lossy(line).into_owned()));
        }
        Ok(out)
    }

    #[test]
    fn folded_lines_join_and_keep_their_first_number() {
        let text = b"dn: CN=a,\r\n DC=x\r\n\r\nmember: CN=b\n  spaced\nlast";
        let lines = all(text, 100).unwrap();
        assert_eq!(
            lines,
            vec![
                (1, "dn: CN=a,DC=x".to_owned()),
                (3, String::new()),
                (4, "member: CN=b spaced".to_owned()),
                (6, "last".to_owned()),
            ]
        );
    }

    #[test]
    fn a_line_over_the_limit_names_where_it_starts() {
        assert!(all(b"a: 123456\n", 9).is_ok());
        let folded = b"x: 1\na: 12345\n 6789\n";
        match all(folded, 9) {
            Err(LineError::TooLong { line }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
        match all(&[b'a'; 50], 9) {
            Err(LineError::TooLong { line }) => assert_eq!(line, 1),
            other => panic!("{other:?}"),
        }
    }
}

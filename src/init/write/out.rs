//! A text buffer of whole lines.

/// The file being written.
#[derive(Debug, Default)]
pub struct Out {
    text: String,
}

impl Out {
    /// Adds one line. Trailing spaces are dropped: they would only show up
    /// in a reviewer's diff.
    pub fn line(&mut self, line: impl AsRef<str>) {
        self.text.push_str(line.as_ref().trim_end());
        self.text.push('\n');
    }

    /// Adds an empty line.
    pub fn blank(&mut self) {
        self.text.push('\n');
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.text
    }
}

//! Bytes to decoded text.
//!
//! Security templates come as UTF-16LE with BOM (what `secedit` writes), but
//! hand-edited copies in repositories are often UTF-8 or Windows-1252. This
//! module turns any of them into a `String` plus a [`LineIndex`], and refuses
//! files that are empty, truncated UTF-16 or binary.

mod binary;
pub mod decode;
mod decode_error;
mod detect;
mod error;
pub mod excerpt;
mod file;
pub mod limits;
pub mod line_index;
mod not_template;
mod open;
mod plausible;
mod text8;
mod utf16;

pub use decode::{DecodeWarning, DecodeWarningKind, Decoded, Encoding, decode};
pub use decode_error::{BinaryReason, DecodeError};
pub use error::SourceError;
pub use excerpt::{EXCERPT_MAX, LineExcerpt, excerpt, line_excerpt};
pub use file::SourceFile;
pub use limits::ReadLimits;
pub use line_index::LineIndex;
pub use not_template::{OtherFile, other_file};
pub use open::{Links, file_kind, open_checked, read_bytes};

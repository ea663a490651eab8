//! UTF-16 LDIF (`ldifde -u`), turned into UTF-8 as it is read, a block
//! at a time, so a large export is never held whole.

use std::io::{self, Read};

use encoding_rs::{Decoder, Encoding};

/// Bytes read from the file per block.
const BLOCK: usize = 16 * 1024;

/// A reader of UTF-8 over a reader of UTF-16 (its byte order mark
/// already consumed). Malformed UTF-16 becomes U+FFFD.
pub(super) struct Utf16<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    output: Vec<u8>,
    /// How much of `output` was handed out.
    taken: usize,
    done: bool,
}

impl<R: Read> Utf16<R> {
    /// Decodes `inner`, written in `encoding` (UTF-16LE or UTF-16BE).
    pub(super) fn new(inner: R, encoding: &'static Encoding) -> Self {
        Utf16 {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            input: vec![0; BLOCK],
            output: Vec::new(),
            taken: 0,
            done: false,
        }
    }

    /// Decodes the next block into `output`.
    fn refill(&mut self) -> io::Result<()> {
        let read = loop {
            match self.inner.read(&mut self.input) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                other => break other?,
            }
        };
        let last = read == 0;
        let src = self.input.get(..read).unwrap_or_default();
        let room = self
            .decoder
            .max_utf8_buffer_length(src.len())
            .unwrap_or(BLOCK * 3);
        self.output.clear();
        self.output.resize(room, 0);
        let (_, _, written, _) = self.decoder.decode_to_utf8(src, &mut self.output, last);
        self.output.truncate(written);
        self.taken = 0;
        self.done = last;
        Ok(())
    }
}

impl<R: Read> Read for Utf16<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.taken >= self.output.len() {
            if self.done {
                return Ok(0);
            }
            self.refill()?;
        }
        let ready = self.output.get(self.taken..).unwrap_or_default();
        let n = ready.len().min(buf.len());
        if let (Some(to), Some(from)) = (buf.get_mut(..n), ready.get(..n)) {
            to.copy_from_slice(from);
        }
        self.taken += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_across_blocks() {
        let text: String = "dn: CN=Zoë,DC=x\r\n".repeat(2_000);
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut out = String::new();
        Utf16::new(bytes.as_slice(), encoding_rs::UTF_16LE)
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, text);
    }
}

//! What miette is given to render: the lines near a diagnostic's labels,
//! each long line cut to windows around the labels with `…` (as editors
//! do), and control characters written visibly.
//!
//! miette lays a snippet out with `format!` widths as large as a label's
//! column, and Rust's formatter refuses widths past `u16::MAX`: a label
//! past column 65,535 panicked. And a finding on a 50 KB line printed the
//! whole line, once per finding. Here every line miette sees is a few
//! hundred characters at most, whatever the input, while the snippet's
//! header keeps the label's real line and column. Only the lines near the
//! labels are read, found through the file's line index, so a snippet
//! costs the same in a large file as in a small one; labels far apart get
//! a snippet each instead of one with every line between them.

use std::ops::{Range, RangeInclusive};

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::visible::{escape, is_hidden, visible_line};
use crate::source::LineIndex;
use crate::span::Span;

/// Lines of context miette shows above and below a label.
pub(super) const CONTEXT_LINES: usize = 1;
/// A line of up to this many bytes is shown whole.
const WHOLE_LINE: usize = 200;
/// Characters kept on each side of a label's start and of its end, and
/// twice as many at the start of a longer line no label is on.
const MARGIN: usize = 60;
/// A label over more lines than this is shown on its first line only.
const MAX_LABEL_LINES: usize = 10;
/// Labels whose snippets are this many lines apart or fewer share one.
const JOIN_GAP: usize = 4;
/// What stands for the text left out.
const ELLIPSIS: &str = "…";

/// A source for miette made of the lines near some labels, shortened.
pub(super) struct Excerpt {
    /// The file's name, made visible.
    name: String,
    /// Every block's text, one after the other.
    text: String,
    /// Runs of lines, in order.
    blocks: Vec<Block>,
    /// What stands for each run of the file, in the file's order.
    pieces: Vec<Piece>,
    /// Each label's span in `text`, in the order given.
    spans: Vec<SourceSpan>,
    /// Each label's start in `text` with its byte column in the file.
    columns: Vec<(usize, usize)>,
}

/// Consecutive lines of the file.
struct Block {
    /// Where its text is in [`Excerpt::text`].
    range: Range<usize>,
    /// The 0-based number of its first line.
    first_line: usize,
}

/// A run of the file and the text that stands for it.
struct Piece {
    /// The run's bytes in the file.
    orig: Range<usize>,
    /// Its text in [`Excerpt::text`].
    at: Range<usize>,
    /// Whether that text is the run itself, byte for byte.
    verbatim: bool,
}

/// The file's text with its line index.
#[derive(Clone, Copy)]
struct File<'t> {
    text: &'t str,
    lines: &'t LineIndex,
}

impl Excerpt {
    /// The excerpt of `text` (named `name`) that shows `spans`.
    pub(super) fn new(name: &str, text: &str, lines: &LineIndex, spans: &[Span]) -> Excerpt {
        let file = File { text, lines };
        let spans: Vec<Range<usize>> = spans.iter().map(|&span| file.clamp(span)).collect();
        let mut points: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
        points.sort_unstable();
        points.dedup();
        let mut excerpt = Excerpt {
            name: visible_line(name).into_owned(),
            text: String::new(),
            blocks: Vec::new(),
            pieces: Vec::new(),
            spans: Vec::new(),
            columns: Vec::new(),
        };
        for lines in joined(spans.iter().map(|s| file.shown_lines(s))) {
            excerpt.push_block(file, lines, &points);
        }
        for span in &spans {
            let start = excerpt.map_start(span.start);
            let end = if span.is_empty() {
                start
            } else {
                excerpt.map_end(span.end).max(start)
            };
            excerpt
                .spans
                .push(SourceSpan::new(start.into(), end - start));
            excerpt.columns.push((start, file.column(span.start)));
        }
        excerpt
    }

    /// The `index`th label's span in the excerpt.
    pub(super) fn span(&self, index: usize) -> SourceSpan {
        self.spans
            .get(index)
            .copied()
            .unwrap_or_else(|| SourceSpan::new(0.into(), 0))
    }

    /// The excerpt's text: what miette may print of the file.
    #[cfg(test)]
    fn text(&self) -> &str {
        &self.text
    }

    /// Lines `lines` (1-based) as one block.
    fn push_block(&mut self, file: File<'_>, lines: RangeInclusive<usize>, points: &[usize]) {
        let start = self.text.len();
        let first_line = *lines.start() - 1;
        for line in lines {
            let (begin, end, next) = file.line_bounds(line);
            let last = next == file.text.len();
            let on_line: Vec<usize> = points
                .iter()
                .copied()
                .filter(|&p| begin <= p && (p < next || (last && p == next)))
                .map(|p| p.min(end))
                .collect();
            self.push_line(file.text, begin..end, &on_line);
            if next > end {
                self.push(end..next, "\n", false);
            }
        }
        self.blocks.push(Block {
            range: start..self.text.len(),
            first_line,
        });
    }

    /// One line's content, cut to windows around `points`.
    fn push_line(&mut self, text: &str, line: Range<usize>, points: &[usize]) {
        let mut at = line.start;
        for window in windows(text, line.clone(), points) {
            if window.start > at {
                self.push(at..window.start, ELLIPSIS, false);
            }
            self.push_visible(text, window.clone());
            at = window.end;
        }
        if at < line.end {
            self.push(at..line.end, ELLIPSIS, false);
        }
    }

    /// The text of `range` as it is, but for hidden characters, which are
    /// written as escapes.
    fn push_visible(&mut self, text: &str, range: Range<usize>) {
        let Some(run) = text.get(range.clone()) else {
            return;
        };
        let mut verbatim_from = range.start;
        for (i, c) in run.char_indices() {
            if !is_hidden(c) || c == '\t' {
                continue;
            }
            let at = range.start + i;
            self.push_verbatim(text, verbatim_from..at);
            self.push(at..at + c.len_utf8(), &escape(c), false);
            verbatim_from = at + c.len_utf8();
        }
        self.push_verbatim(text, verbatim_from..range.end);
    }

    fn push_verbatim(&mut self, text: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        if let Some(run) = text.get(range.clone()) {
            self.push(range, run, true);
        }
    }

    fn push(&mut self, orig: Range<usize>, shown: &str, verbatim: bool) {
        let at = self.text.len();
        self.text.push_str(shown);
        self.pieces.push(Piece {
            orig,
            at: at..self.text.len(),
            verbatim,
        });
    }

    /// Where the file's offset `offset` is in the excerpt, as a start: a
    /// place left out stands at the beginning of what replaces it.
    fn map_start(&self, offset: usize) -> usize {
        let after = self.pieces.partition_point(|p| p.orig.start <= offset);
        let Some(piece) = after.checked_sub(1).and_then(|i| self.pieces.get(i)) else {
            return 0;
        };
        if offset >= piece.orig.end {
            piece.at.end
        } else if piece.verbatim {
            piece.at.start + (offset - piece.orig.start)
        } else {
            piece.at.start
        }
    }

    /// Where the file's offset `offset` is in the excerpt, as an end: a
    /// place left out stands at the end of what replaces it.
    fn map_end(&self, offset: usize) -> usize {
        let index = self.pieces.partition_point(|p| p.orig.end < offset);
        let Some(piece) = self.pieces.get(index) else {
            return self.text.len();
        };
        if offset <= piece.orig.start {
            piece.at.start
        } else if piece.verbatim {
            piece.at.start + (offset - piece.orig.start)
        } else {
            piece.at.end
        }
    }

    /// The block that holds `start..end`; the later one at a boundary.
    fn block(&self, start: usize, end: usize) -> Option<&Block> {
        self.blocks
            .iter()
            .rev()
            .find(|b| b.range.start <= start && end <= b.range.end)
    }
}

impl File<'_> {
    /// `span` within the text, on character boundaries, and cut to its
    /// first line when it runs over more than [`MAX_LABEL_LINES`].
    fn clamp(self, span: Span) -> Range<usize> {
        let start = floor_boundary(self.text, span.start);
        let end = floor_boundary(self.text, span.end.max(span.start)).max(start);
        let (first, last) = self.span_lines(start..end);
        if last - first > MAX_LABEL_LINES {
            let (_, content_end, _) = self.line_bounds(first);
            return start..content_end.max(start);
        }
        start..end
    }

    /// The 1-based first and last line a span is on.
    fn span_lines(self, span: Range<usize>) -> (usize, usize) {
        let first = self.lines.line_of(self.text, span.start);
        let last = if span.end > span.start {
            self.lines.line_of(self.text, span.end - 1)
        } else {
            first
        };
        (first, last.max(first))
    }

    /// The lines a span's snippet shows: its own and the context around.
    fn shown_lines(self, span: &Range<usize>) -> RangeInclusive<usize> {
        let (first, last) = self.span_lines(span.clone());
        let count = self.lines.line_count();
        first.saturating_sub(CONTEXT_LINES).max(1)..=(last + CONTEXT_LINES).min(count)
    }

    /// Where the 1-based `line` begins, where its content ends (before the
    /// line end) and where the next line begins.
    fn line_bounds(self, line: usize) -> (usize, usize, usize) {
        let len = self.text.len();
        let begin = self
            .lines
            .line_start(self.text, line)
            .unwrap_or(len)
            .min(len);
        let next = self
            .lines
            .line_start(self.text, line + 1)
            .unwrap_or(len)
            .min(len);
        let bytes = self.text.as_bytes().get(begin..next).unwrap_or_default();
        let ending = match bytes {
            [.., b'\r', b'\n'] => 2,
            [.., b'\n' | b'\r'] => 1,
            _ => 0,
        };
        (begin, next - ending, next)
    }

    /// The byte column (0-based) of `offset` on its line, as miette counts.
    fn column(self, offset: usize) -> usize {
        let line = self.lines.line_of(self.text, offset);
        offset
            - self
                .lines
                .line_start(self.text, line)
                .unwrap_or(0)
                .min(offset)
    }
}

/// Line ranges sorted and joined when they overlap or are at most
/// [`JOIN_GAP`] lines apart.
fn joined(ranges: impl Iterator<Item = RangeInclusive<usize>>) -> Vec<RangeInclusive<usize>> {
    let mut ranges: Vec<(usize, usize)> = ranges.map(|r| (*r.start(), *r.end())).collect();
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match out.last_mut() {
            Some(last) if start <= last.1 + JOIN_GAP + 1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out.into_iter().map(|(start, end)| start..=end).collect()
}

/// The parts of `line` to show: all of it when it is short, else
/// [`MARGIN`] characters around each point, joined where they meet; the
/// line's start when no point is on it.
fn windows(text: &str, line: Range<usize>, points: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    if line.len() <= WHOLE_LINE {
        out.push(line);
        return out;
    }
    if points.is_empty() {
        out.push(line.start..forward(text, line.start, line.end, 2 * MARGIN));
        return out;
    }
    for &point in points {
        let window = back(text, line.start, point, MARGIN)..forward(text, point, line.end, MARGIN);
        match out.last_mut() {
            Some(last) if window.start <= last.end => last.end = last.end.max(window.end),
            _ => out.push(window),
        }
    }
    out
}

/// The offset `n` characters before `from`, not before `floor`.
fn back(text: &str, floor: usize, from: usize, n: usize) -> usize {
    let Some(before) = text.get(floor..from) else {
        return from;
    };
    before
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(from, |(i, _)| floor + i)
}

/// The offset `n` characters after `from`, not past `ceiling`.
fn forward(text: &str, from: usize, ceiling: usize, n: usize) -> usize {
    let Some(after) = text.get(from..ceiling) else {
        return from;
    };
    after
        .char_indices()
        .nth(n)
        .map_or(ceiling, |(i, _)| from + i)
}

/// The largest character boundary at or before `offset`, within `text`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let end = start
            .checked_add(span.len())
            .ok_or(MietteError::OutOfBounds)?;
        let block = self.block(start, end).ok_or(MietteError::OutOfBounds)?;
        let data = self
            .text
            .as_bytes()
            .get(block.range.clone())
            .ok_or(MietteError::OutOfBounds)?;
        let local = SourceSpan::new((start - block.range.start).into(), span.len());
        let found = data.read_span(&local, context_lines_before, context_lines_after)?;
        let at = SourceSpan::new(
            (found.span().offset() + block.range.start).into(),
            found.span().len(),
        );
        // The header's column: the label's in the file, not in the excerpt.
        let column = match self.columns.iter().find(|(at, _)| *at == start) {
            Some(&(_, column)) if context_lines_before == 0 => column,
            _ => found.column(),
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            found.data(),
            at,
            found.line() + block.first_line,
            column,
            found.line_count() + block.first_line,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str, spans: &[Span]) -> Excerpt {
        Excerpt::new("t.inf", text, &LineIndex::new(text), spans)
    }

    /// The excerpt's text under each label.
    fn labelled(excerpt: &Excerpt) -> Vec<&str> {
        excerpt
            .spans
            .iter()
            .map(|s| &excerpt.text()[s.offset()..s.offset() + s.len()])
            .collect()
    }

    #[test]
    fn short_lines_are_kept_as_they_are() {
        let text = "[A]\r\nk = v\r\nx = y\r\n";
        let e = excerpt(text, &[Span::new(7, 12)]);
        assert_eq!(e.text(), "[A]\nk = v\nx = y\n");
        assert_eq!(labelled(&e), ["= v\n"]);
    }

    #[test]
    fn a_long_line_is_cut_around_the_label_and_keeps_its_column() {
        let text = format!("[A]\nk = {}NAME{}\n", " ".repeat(70_000), "x".repeat(500));
        let at = text.find("NAME").unwrap();
        let e = excerpt(&text, &[Span::new(at, at + 4)]);
        assert!(e.text().len() < 400, "{}", e.text());
        assert!(e.text().contains("…     "), "{}", e.text());
        assert!(e.text().contains("NAMExxx"), "{}", e.text());
        assert_eq!(labelled(&e), ["NAME"]);
        assert_eq!(e.columns, [(e.spans[0].offset(), at - 4)]);
    }

    #[test]
    fn labels_far_apart_on_one_line_get_a_window_each() {
        let text = format!("a{}b{}c\n", "-".repeat(1_000), "=".repeat(1_000));
        let (b, c) = (text.find('b').unwrap(), text.find('c').unwrap());
        let e = excerpt(&text, &[Span::new(b, b + 1), Span::new(c, c + 1)]);
        assert_eq!(e.text().matches('…').count(), 2, "{}", e.text());
        assert_eq!(labelled(&e), ["b", "c"]);
    }

    #[test]
    fn a_label_over_a_long_run_is_kept_at_both_ends() {
        let text = format!("k = {}\n", "abc".repeat(1_000));
        let e = excerpt(&text, &[Span::new(4, text.len() - 1)]);
        let shown = labelled(&e);
        assert!(shown[0].starts_with("abc") && shown[0].ends_with("abc"));
        assert!(
            shown[0].contains('…') && shown[0].len() < 400,
            "{}",
            shown[0]
        );
    }

    #[test]
    fn control_characters_are_written_visibly_and_labels_follow() {
        let text = "k = a\u{1b}[2Jb\r\nnext\n";
        let e = excerpt(text, &[Span::new(4, 10)]);
        assert_eq!(e.text(), "k = a\\u{1b}[2Jb\nnext\n");
        assert_eq!(labelled(&e), ["a\\u{1b}[2Jb"]);
    }

    #[test]
    fn labels_far_apart_get_separate_blocks_with_their_line_numbers() {
        let mut text = String::new();
        for i in 1..=1_000 {
            text.push_str(&format!("line {i}\n"));
        }
        let (a, b) = (
            text.find("line 3\n").unwrap(),
            text.find("line 900\n").unwrap(),
        );
        let e = excerpt(&text, &[Span::new(a, a + 6), Span::new(b, b + 8)]);
        assert_eq!(e.blocks.len(), 2);
        assert_eq!(e.blocks[1].first_line, 898);
        assert_eq!(labelled(&e), ["line 3", "line 900"]);
        let found = e.read_span(&e.spans[1], 0, 0).unwrap();
        assert_eq!(found.line(), 899);
    }

    #[test]
    fn a_label_over_many_lines_shows_its_first_line() {
        let text = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n";
        let e = excerpt(text, &[Span::new(2, text.len())]);
        assert_eq!(labelled(&e), ["b"]);
        assert_eq!(e.text(), "a\nb\nc\n");
    }

    #[test]
    fn spans_past_the_end_or_inside_a_character_are_clamped() {
        let text = "k = Jürgen";
        let e = excerpt(text, &[Span::new(6, 99), Span::new(50, 40)]);
        assert_eq!(labelled(&e), ["ürgen", ""]);
    }

    #[test]
    fn a_label_at_the_end_of_a_file_ending_in_a_newline() {
        let text = "a\nb\n";
        let e = excerpt(text, &[Span::new(4, 4)]);
        assert_eq!(e.spans[0].offset(), e.text().len());
        assert!(e.read_span(&e.spans[0], 1, 1).is_ok());
    }
}

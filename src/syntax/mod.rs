//! Lossless parsing of security template text into lines and sections.
//!
//! [`parse`] never fails: a template that Windows would read must never be
//! refused here, so anything odd becomes a warning and parsing goes on.

mod builder;
mod document;
pub mod grammar;

pub use document::{
    Comment, Document, Entry, Header, Item, ItemIter, Items, Line, LineKind, Section, ValueList,
};

/// Parses decoded template text. One pass over borrowed text.
pub fn parse(text: &str) -> Document<'_> {
    let mut builder = builder::Builder::new(text);
    let mut rest = text;
    while !rest.is_empty() {
        let Ok((next, (content, ending))) = grammar::line(rest) else {
            // `line` accepts any input; this arm only keeps the loop total.
            builder.push_line(rest, "");
            break;
        };
        builder.push_line(content, ending);
        rest = next;
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    const SAMPLE: &str = "; header comment\r\n[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeBatchLogonRight = *S-1-5-32-544, svc_batch,\r\nSeDenyBatchLogonRight =\r\n[privilege rights]\r\nseservicelogonright=*S-1-5-80-0\r\n[Registry Keys]\r\n\"MACHINE\\SOFTWARE\",0,\"D:PAR\"";

    #[test]
    fn reconstructs_text_exactly() {
        let doc = parse(SAMPLE);
        assert_eq!(doc.reconstruct(), SAMPLE);
    }

    #[test]
    fn repeated_sections_merge_case_insensitively() {
        let doc = parse(SAMPLE);
        let names: Vec<_> = doc.sections.iter().map(|s| s.name).collect();
        assert_eq!(names, ["Unicode", "Privilege Rights", "Registry Keys"]);
        let rights = doc.section("PRIVILEGE RIGHTS").unwrap();
        assert_eq!(rights.headers.len(), 2);
        let keys: Vec<_> = doc.entries(rights).map(|e| e.key).collect();
        assert_eq!(
            keys,
            [
                "SeBatchLogonRight",
                "SeDenyBatchLogonRight",
                "seservicelogonright"
            ]
        );
    }

    #[test]
    fn items_carry_spans_into_the_text() {
        let doc = parse(SAMPLE);
        let rights = doc.section("Privilege Rights").unwrap();
        let batch = doc.entries(rights).next().unwrap();
        let texts: Vec<_> = batch.value.items.iter().map(|i| i.text).collect();
        assert_eq!(texts, ["*S-1-5-32-544", "svc_batch", ""]);
        assert_eq!(batch.value.items.len(), 3);
        assert_eq!(batch.value.items.len_bound(), 3);
        for item in &batch.value.items {
            assert_eq!(&SAMPLE[item.span.start..item.span.end], item.text);
        }
        assert_eq!(&SAMPLE[batch.key_span.start..batch.key_span.end], batch.key);
    }

    #[test]
    fn empty_value_has_no_items_and_a_span_at_line_end() {
        let doc = parse(SAMPLE);
        let rights = doc.section("Privilege Rights").unwrap();
        let deny = doc.entries(rights).nth(1).unwrap();
        assert!(deny.value.items.is_empty());
        assert!(deny.value.span.is_empty());
        let line = doc.lines().nth(deny.line).unwrap();
        assert_eq!(deny.value.span, Span::new(line.span.end, line.span.end));
    }

    #[test]
    fn text_before_first_section_is_warned_about() {
        let doc = parse("garbage here\n[Version]\nsignature=\"$CHICAGO$\"\n");
        assert_eq!(doc.warnings.len(), 1);
        assert_eq!(doc.warnings[0].code, "syntax::text-before-first-section");
        assert_eq!(doc.lines().next().unwrap().kind, LineKind::Stray);
    }

    #[test]
    fn unclosed_header_is_a_section_with_a_warning() {
        let doc = parse("[Privilege Rights\nSeBatchLogonRight = x\n");
        assert_eq!(doc.sections[0].name, "Privilege Rights");
        assert_eq!(doc.warnings[0].code, "syntax::unclosed-section-header");
    }

    #[test]
    fn an_unclosed_header_is_quoted_short_and_printable() {
        let text = format!("[Priv\u{1b}[2J{}\n", "x".repeat(5000));
        let doc = parse(&text);
        let warning = &doc.warnings[0];
        assert!(warning.message.len() < 260, "{}", warning.message.len());
        assert!(
            warning.message.contains("Priv\\u{1b}[2J"),
            "{}",
            warning.message
        );
        assert!(
            !warning
                .help
                .as_deref()
                .unwrap_or_default()
                .contains('\u{1b}')
        );
    }

    #[test]
    fn a_comment_after_a_value_is_kept_apart_from_it() {
        let text = "[Privilege Rights]\r\nSeDenyBatchLogonRight = *S-1-5-32-546 ; deny guests\r\nSeBatchLogonRight = ;nobody\r\n";
        let doc = parse(text);
        assert_eq!(doc.reconstruct(), text);
        let rights = doc.section("Privilege Rights").unwrap();
        let entries: Vec<_> = doc.entries(rights).collect();
        assert_eq!(entries[0].value.raw, "*S-1-5-32-546");
        let items: Vec<_> = entries[0].value.items.iter().map(|i| i.text).collect();
        assert_eq!(items, ["*S-1-5-32-546"]);
        let lines: Vec<_> = doc.lines().collect();
        let comment = lines[1].comment.as_ref().unwrap();
        assert_eq!(comment.text(), "deny guests");
        assert_eq!(&text[comment.span.start..comment.span.end], "; deny guests");
        assert!(entries[1].value.items.is_empty());
        let empty = entries[1].value.span;
        assert!(empty.is_empty());
        assert_eq!(&text[empty.start..empty.start + 1], ";");
    }

    #[test]
    fn whole_line_comments_and_quoted_semicolons() {
        let text =
            "  ; note\n[Registry Keys]\n\"MACHINE\\SOFTWARE\",0,\"D:PAR(A;OICI;KA;;;BA)\" ;x\n";
        let doc = parse(text);
        let lines: Vec<_> = doc.lines().collect();
        assert_eq!(lines[0].kind, LineKind::Comment);
        assert_eq!(lines[0].comment.as_ref().unwrap().text(), "note");
        let LineKind::Values(values) = &lines[2].kind else {
            panic!("{:?}", lines[2].kind);
        };
        assert_eq!(
            values.items.iter().nth(2).unwrap().text,
            "D:PAR(A;OICI;KA;;;BA)"
        );
        assert_eq!(lines[2].comment.as_ref().unwrap().text(), "x");
        assert!(lines[1].comment.is_none());
    }

    #[test]
    fn stray_text_is_warned_about_without_its_comment() {
        let text = "garbage ; note\n[A]\n";
        let doc = parse(text);
        let span = doc.warnings[0].primary_span().unwrap();
        assert_eq!(&text[span.start..span.end], "garbage");
    }

    /// The document keeps no record per line: a file of empty lines and
    /// comments costs its few sections, however long it is (issue 12
    /// item 20).
    #[test]
    fn blank_and_comment_lines_cost_nothing_to_keep() {
        let text = format!(
            "[Privilege Rights]\n{}SeBatchLogonRight = a\n{}",
            "\n; c\n".repeat(50_000),
            "\r\n".repeat(50_000)
        );
        let doc = parse(&text);
        assert_eq!(doc.line_count(), 150_002);
        assert_eq!(doc.sections.len(), 1);
        assert_eq!(doc.sections[0].runs.len(), 1);
        assert_eq!(doc.warnings.len(), 0);
        let entries: Vec<_> = doc.entries(&doc.sections[0]).collect();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].line, 100_001);
        assert_eq!(doc.reconstruct(), text);
        // The parsed line is a value read on demand; its size is what one
        // line costs while it is read, not per line of the file.
        assert!(std::mem::size_of::<Document<'_>>() <= 96);
    }

    #[test]
    fn lone_cr_and_missing_final_newline_are_lines() {
        let doc = parse("[A]\rk=v\rlast=1");
        assert_eq!(doc.line_count(), 3);
        assert_eq!(doc.lines().nth(2).unwrap().ending, "");
    }
}

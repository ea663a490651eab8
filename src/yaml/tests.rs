//! Reading texts into trees under a lenient and a strict dialect.

use super::*;
use crate::span::Span;

const LENIENT: Dialect = Dialect {
    max_depth: 32,
    plain_data: false,
    trim_scalar_spans: false,
};

const STRICT: Dialect = Dialect {
    max_depth: 64,
    plain_data: true,
    trim_scalar_spans: true,
};

fn at(text: &str, span: Span) -> &str {
    &text[span.start..span.end]
}

fn root(text: &str) -> Node {
    parse(text, &LENIENT).unwrap().unwrap()
}

fn map(node: &Node) -> &[Entry] {
    match &node.kind {
        NodeKind::Map(entries) => entries,
        other => panic!("not a map: {other:?}"),
    }
}

fn seq(node: &Node) -> &[Node] {
    match &node.kind {
        NodeKind::Seq(items) => items,
        other => panic!("not a seq: {other:?}"),
    }
}

/// The span of the error `text` gives under `dialect`.
fn error_at<'t>(text: &'t str, dialect: &Dialect) -> (YamlError, &'t str) {
    let error = parse(text, dialect).unwrap_err();
    let span = match &error {
        YamlError::Syntax(syntax) => syntax.span,
        YamlError::Unsupported { span, .. } => *span,
        YamlError::TooDeep(span) | YamlError::SecondDocument(span) => *span,
    };
    (error, at(text, span))
}

#[test]
fn empty_and_comment_only_texts_have_no_document() {
    for dialect in [LENIENT, STRICT] {
        assert_eq!(parse("", &dialect).unwrap(), None);
        assert_eq!(parse("# nothing\n\n# here\n", &dialect).unwrap(), None);
    }
}

#[test]
fn scalars_keep_byte_spans_after_multibyte_text() {
    let text = "\u{feff}# é€\r\nname: Jürgen\r\nsid: 'x'\r\nid: \"é→\"\n";
    let entries = map(&root(text)).to_vec();
    assert_eq!(at(text, entries[0].key.span), "name");
    assert_eq!(at(text, entries[0].value.span), "Jürgen");
    assert_eq!(entries[0].value.text(), Some("Jürgen"));
    assert_eq!(at(text, entries[1].value.span), "'x'");
    assert_eq!(at(text, entries[2].value.span), "\"é→\"");
    assert_eq!(entries[2].value.text(), Some("é→"));
}

#[test]
fn quoted_scalars_are_not_plain() {
    let top = root("a: 'true'\nb: true\n");
    let plain: Vec<bool> = map(&top)
        .iter()
        .map(|entry| matches!(entry.value.kind, NodeKind::Scalar { plain: true, .. }))
        .collect();
    assert_eq!(plain, [false, true]);
}

#[test]
fn null_values_are_plain_empty_scalars() {
    let top = root("a:\nb: ~\n");
    assert!(map(&top).iter().all(|entry| entry.value.is_null()));
}

#[test]
fn block_collections_end_at_their_last_child() {
    let text = "accounts:\n  - name: a\n    logon: [service]\n\n# trailing\n";
    let top = root(text);
    let accounts = &map(&top)[0].value;
    assert_eq!(at(text, accounts.span), "- name: a\n    logon: [service]");
    let item = &seq(accounts)[0];
    assert_eq!(at(text, item.span), "name: a\n    logon: [service]");
    let logon = &map(item)[1].value;
    assert_eq!(at(text, logon.span), "[service]");
}

#[test]
fn flow_collections_include_their_brackets() {
    let text = "a: [x, 'y']\n";
    let top = root(text);
    assert_eq!(at(text, map(&top)[0].value.span), "[x, 'y']");
}

#[test]
fn duplicate_keys_are_kept_in_order() {
    let top = root("a: 1\nb: 2\na: 3\n");
    let keys: Vec<_> = map(&top).iter().map(|e| e.key.as_scalar()).collect();
    assert_eq!(keys, [Some("a"), Some("b"), Some("a")]);
}

#[test]
fn block_scalar_spans_keep_their_line_break_unless_trimmed() {
    let text = "docs: |\n  one\n  two\n";
    let lenient = root(text);
    assert_eq!(at(text, map(&lenient)[0].value.span), "one\n  two\n");
    let strict = parse(text, &STRICT).unwrap().unwrap();
    let docs = &map(&strict)[0].value;
    assert_eq!(at(text, docs.span), "one\n  two");
    assert_eq!(docs.as_scalar(), Some("one\ntwo\n"));
}

#[test]
fn syntax_errors_point_at_the_character_in_bytes() {
    let (error, snippet) = error_at("a: b\n  c: d\n", &LENIENT);
    assert!(matches!(error, YamlError::Syntax(_)));
    assert_eq!(snippet, ":");
    let text = "é: ü\n  x: y\n";
    let (_, snippet) = error_at(text, &LENIENT);
    assert_eq!(snippet, ":");
}

#[test]
fn aliases_are_refused_before_any_expansion() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        let prev = level - 1;
        text.push_str(&format!(
            "a{level}: &a{level} [*a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
        ));
    }
    let (error, snippet) = error_at(&text, &LENIENT);
    assert!(matches!(
        error,
        YamlError::Unsupported {
            construct: Construct::Alias,
            ..
        }
    ));
    assert_eq!(snippet, "*a0");
}

#[test]
fn plain_data_refuses_anchors_and_tags_where_they_are_written() {
    for (text, construct, snippet) in [
        ("a: &x 1\nb: *x\n", Construct::Anchor, "&x 1"),
        ("a: !!str 1\n", Construct::Tag, "!!str 1"),
    ] {
        let (error, found) = error_at(text, &STRICT);
        assert!(matches!(error, YamlError::Unsupported { construct: c, .. } if c == construct));
        assert_eq!(found, snippet);
        assert!(parse("a: !!str 1\nb: &x 2\n", &LENIENT).is_ok());
    }
}

#[test]
fn deep_block_nesting_stops_at_the_limit() {
    let text: String = (0..200).map(|i| format!("{}- \n", " ".repeat(i))).collect();
    assert!(matches!(parse(&text, &LENIENT), Err(YamlError::TooDeep(_))));
    let text = format!("{}x\n", "- ".repeat(100_000));
    let Err(YamlError::TooDeep(span)) = parse(&text, &STRICT) else {
        panic!("not refused as too deep");
    };
    assert_eq!(span.start, 2 * STRICT.max_depth);
    let fits = format!("{}x\n", "- ".repeat(STRICT.max_depth));
    assert!(parse(&fits, &STRICT).is_ok());
}

#[test]
fn deep_flow_nesting_is_an_error_not_a_crash() {
    let text = "[".repeat(100_000);
    assert!(parse(&text, &LENIENT).is_err());
}

#[test]
fn a_second_document_is_refused() {
    let (error, snippet) = error_at("a: 1\n---\nb: 2\n", &LENIENT);
    assert!(matches!(error, YamlError::SecondDocument(_)));
    assert_eq!(snippet, "---");
}

#[test]
fn a_document_start_marker_alone_is_fine() {
    assert_eq!(map(&root("---\na: 1\n")).len(), 1);
}

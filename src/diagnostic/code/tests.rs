//! The registry's own properties: unique codes, words for every entry,
//! names that follow from the codes, stages in order.

use std::collections::BTreeSet;

use super::{Code, CodeKind, STAGES};
use crate::diagnostic::Severity;

#[test]
fn codes_and_variants_are_unique() {
    let codes: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        codes.len(),
        Code::ALL.len(),
        "a code string is in the table twice"
    );
    let variants: BTreeSet<Code> = Code::ALL.iter().copied().collect();
    assert_eq!(variants.len(), Code::ALL.len(), "a variant is in ALL twice");
}

#[test]
fn every_entry_has_a_summary_and_a_doc() {
    for code in Code::ALL {
        let summary = code.summary();
        assert!(!summary.trim().is_empty(), "{code} has no summary");
        assert!(!summary.contains('\n'), "{code}: the summary is one line");
        assert!(
            !summary.ends_with('.'),
            "{code}: a summary has no full stop"
        );
        let doc = code.doc();
        assert!(doc.trim().len() > 40, "{code}: the doc says too little");
        assert!(doc.ends_with('.'), "{code}: the doc is sentences: {doc}");
        assert!(!doc.contains("  "), "{code}: a double space in the doc");
    }
}

#[test]
fn a_variant_is_its_code_in_pascal_case() {
    for code in Code::ALL {
        assert_eq!(format!("{code:?}"), pascal(code.as_str()), "{code}");
    }
}

/// `template::unknown-right` → `TemplateUnknownRight`.
fn pascal(code: &str) -> String {
    code.split([':', '-', '_'])
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn codes_are_written_as_their_kind_writes_them() {
    for code in Code::ALL {
        let text = code.as_str();
        let (stage, name) = text.rsplit_once("::").unwrap_or_default();
        let word = |c: char, sep: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == sep;
        match code.kind() {
            // miette's derive writes a path: snake_case under `gplint::`.
            CodeKind::Error => {
                assert!(stage.starts_with("gplint::"), "{text}");
                assert!(name.chars().all(|c| word(c, '_')), "{text}");
            }
            CodeKind::Diagnostic | CodeKind::Finding => {
                assert!(!stage.contains("::"), "{text}");
                assert!(name.chars().all(|c| word(c, '-')), "{text}");
            }
        }
        assert!(!name.is_empty(), "{text}");
    }
}

#[test]
fn the_table_runs_stage_by_stage_in_the_order_of_stages() {
    let order: Vec<&str> = STAGES.iter().map(|(stage, _)| *stage).collect();
    let mut at = 0;
    for code in Code::ALL {
        let Some(index) = order.iter().position(|s| *s == code.stage()) else {
            panic!("{code}: its stage `{}` is not in STAGES", code.stage());
        };
        assert!(
            index >= at,
            "{code} is out of its stage's place in the table"
        );
        at = index;
    }
    for (stage, words) in STAGES {
        assert!(!words.is_empty(), "{stage} says nothing");
        assert!(
            Code::ALL.iter().any(|c| c.stage() == *stage),
            "STAGES names `{stage}`, which has no code"
        );
    }
}

#[test]
fn parse_display_and_serialize_give_the_string() {
    for code in Code::ALL {
        assert_eq!(Code::parse(code.as_str()), Some(*code));
        assert_eq!(code.to_string(), code.as_str());
        let json = serde_json::to_string(code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.as_str()));
    }
    assert_eq!(Code::parse("template::unknown_right"), None);
    assert_eq!(Code::parse(""), None);
}

#[test]
fn a_code_equals_its_string_both_ways() {
    let code = Code::TemplateUnknownRight;
    assert_eq!(code, "template::unknown-right");
    assert_eq!("template::unknown-right", code);
    assert_ne!(code, "template::no-section");
    assert!(*"template::unknown-right" == code);
    assert_eq!(code.severity(), Severity::Warning);
    assert_eq!(code.stage(), "template");
    assert_eq!(Code::GplintSourceTooLarge.stage(), "gplint::source");
}

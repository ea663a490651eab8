use serde::Deserialize;

use super::*;
use crate::span::Span;
use crate::span::Spanned;
use crate::yaml::{Dialect, read};

const DIALECT: Dialect = Dialect {
    max_depth: 64,
    plain_data: false,
    trim_scalar_spans: false,
};

const WORDS: Words = Words {
    file: "a test file",
    shapes: &[
        Shape {
            name: "Doc",
            what: "a test file",
            of: "at the top level",
            example: "items: [{ name: a }]",
        },
        Shape {
            name: "Item",
            what: "an item",
            of: "of an item",
            example: "- name: a",
        },
    ],
};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Colour {
    Red,
    Green,
    LightBlue,
}

#[derive(Debug, Deserialize)]
struct Doc {
    #[serde(default)]
    items: Field<List<Item>>,
    #[serde(default)]
    colour: Field<Spanned<Colour>>,
    #[serde(default)]
    count: Field<u8>,
    #[serde(default)]
    flag: Field<bool>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Item {
    name: Spanned<String>,
    #[serde(default)]
    tags: OneOrList<Spanned<String>>,
    #[serde(default)]
    note: Field<Spanned<String>>,
}

fn typed(text: &str) -> Typed<Doc> {
    let root = read(text, &DIALECT, &WORDS).unwrap().unwrap();
    from_node(&root, &WORDS)
}

fn at(text: &str, span: Span) -> &str {
    &text[span.start..span.end]
}

/// Each problem as (code, the text it points at).
fn problems(text: &str) -> Vec<(&'static str, &str)> {
    typed(text)
        .problems
        .iter()
        .map(|p| (p.code.as_str(), at(text, p.primary_span().unwrap())))
        .collect()
}

fn items(doc: &Doc) -> &[Item] {
    doc.items.given().map_or(&[], |list| &list.items)
}

#[test]
fn a_good_document_reads_with_spans() {
    let text = "items:\n  - name: a\n    tags: x\n  - name: 'b'\n    tags: [y, z]\ncolour: light_blue\ncount: 7\nflag: true\n";
    let doc = typed(text);
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    let doc = doc.value.unwrap();
    let items = items(&doc);
    assert_eq!(at(text, items[1].name.span), "'b'");
    assert_eq!(items[1].name.value, "b");
    let tags: Vec<_> = items[0].tags.0.items.iter().map(|t| &t.value).collect();
    assert_eq!(tags, ["x"]);
    assert_eq!(items[1].tags.0.items.len(), 2);
    assert!(matches!(
        doc.colour.given().unwrap().value,
        Colour::LightBlue
    ));
    assert_eq!(doc.count, Field::Given(7));
    assert_eq!(doc.flag, Field::Given(true));
}

#[test]
fn unknown_and_repeated_keys_are_all_reported_and_skipped() {
    let text = "items:\n  - name: a\n    nmae: b\n    name: c\ncolor: red\n";
    assert_eq!(
        problems(text),
        [
            ("yaml::unknown-field", "nmae"),
            ("yaml::duplicate-field", "name"),
            ("yaml::unknown-field", "color"),
        ]
    );
    let doc = typed(text);
    assert_eq!(
        doc.problems[0].help.as_deref(),
        Some("did you mean `name`? The fields of an item are: name, tags, note")
    );
    assert_eq!(
        doc.problems[2].help.as_deref(),
        Some("did you mean `colour`? The fields at the top level are: items, colour, count, flag")
    );
    let doc = doc.value.unwrap();
    assert_eq!(items(&doc)[0].name.value, "a");
}

#[test]
fn a_bad_item_is_left_out_and_the_others_kept() {
    let text = "items:\n  - name: a\n  - tags: [x]\n  - name: [c]\n  - name: d\n";
    assert_eq!(
        problems(text),
        [
            ("yaml::missing-field", "tags: [x]"),
            ("yaml::wrong-shape", "[c]"),
        ]
    );
    let doc = typed(text).value.unwrap();
    let names: Vec<_> = items(&doc).iter().map(|i| i.name.value.as_str()).collect();
    assert_eq!(names, ["a", "d"]);
    assert!(!doc.items.given().unwrap().complete);
}

#[test]
fn wrong_shapes_name_the_field_and_what_it_should_be() {
    let text = "items: a\ncount: many\nflag: maybe\n";
    let doc = typed(text);
    let messages: Vec<_> = doc.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`items` should be a list, not a single value",
            "`count` should be a whole number, not `many`",
            "`flag` should be `true` or `false`, not `maybe`",
        ]
    );
    let doc = doc.value.unwrap();
    assert_eq!(doc.items, Field::Invalid);
    assert_eq!(doc.count, Field::Invalid);
}

#[test]
fn quoted_numbers_are_numbers_where_numbers_are_wanted() {
    let doc = typed("count: '7'\nflag: 'false'\n").value.unwrap();
    assert_eq!(
        (doc.count, doc.flag),
        (Field::Given(7), Field::Given(false))
    );
}

#[test]
fn out_of_range_numbers_are_refused() {
    assert_eq!(problems("count: 300\n"), [("yaml::bad-value", "300")]);
}

#[test]
fn unknown_values_get_a_did_you_mean() {
    let text = "colour: gren\n";
    let doc = typed(text);
    assert_eq!(problems(text), [("yaml::unknown-value", "gren")]);
    assert_eq!(
        doc.problems[0].help.as_deref(),
        Some("did you mean `green`? It can be: red, green, light_blue")
    );
}

#[test]
fn several_values_in_one_text_are_told_to_be_a_list() {
    let doc = typed("colour: red, light_blue\n");
    assert_eq!(
        doc.problems[0].help.as_deref(),
        Some(
            "to give several, write a list: [red, light_blue]; each can be: red, green, light_blue"
        )
    );
    let doc = typed("colour: red, blue sky\n");
    assert_eq!(
        doc.problems[0].help.as_deref(),
        Some("it can be: red, green, light_blue")
    );
}

#[test]
fn a_key_with_nothing_is_absent_for_a_field_and_empty_for_a_list() {
    let text = "items:\n  - name: a\n    tags:\n    note:\ncolour:\n";
    let doc = typed(text);
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    let doc = doc.value.unwrap();
    assert!(!doc.colour.is_written());
    assert!(items(&doc)[0].tags.0.items.is_empty());
    assert_eq!(items(&doc)[0].note, Field::Absent);
}

#[test]
fn a_required_value_with_nothing_points_at_its_key() {
    let text = "items:\n  - name:\n";
    assert_eq!(problems(text), [("yaml::empty-value", "name")]);
}

#[test]
fn plain_numbers_and_flags_are_text_where_text_is_wanted() {
    let text = "items:\n  - name: 123\n    tags: [true, ~x]\n";
    let doc = typed(text);
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    let doc = doc.value.unwrap();
    assert_eq!(items(&doc)[0].name.value, "123");
    assert_eq!(items(&doc)[0].tags.0.items[0].value, "true");
}

#[test]
fn a_top_level_that_is_no_mapping_lists_the_fields() {
    let text = "- a\n";
    let doc = typed(text);
    assert!(doc.value.is_none());
    assert_eq!(
        doc.problems[0].message,
        "a test file should be a mapping of fields (items, colour, count, flag), not a list"
    );
}

#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
struct Schemaed {
    /// The name.
    name: Spanned<String>,
    #[serde(default)]
    tags: OneOrList<Spanned<String>>,
    #[serde(default)]
    items: Field<List<u8>>,
}

#[test]
fn schemas_see_through_the_wrappers() {
    let schema = schemars::schema_for!(Schemaed);
    let json = serde_json::to_value(&schema).unwrap();
    let properties = &json["properties"];
    assert_eq!(properties["name"]["type"], "string");
    assert_eq!(properties["name"]["description"], "The name.");
    assert_eq!(json["required"], serde_json::json!(["name"]));
    assert_eq!(properties["tags"]["anyOf"][1]["type"], "array");
    assert_eq!(properties["items"]["anyOf"][0]["items"]["type"], "integer");
}

#[derive(Debug, Deserialize, PartialEq)]
struct Limits {
    age: u32,
}

#[derive(Debug, Deserialize)]
struct Policy {
    policy: ListOrMap<OneOrList<String>, Limits>,
}

fn policy(text: &str) -> Typed<Policy> {
    let root = read(text, &DIALECT, &WORDS).unwrap().unwrap();
    from_node(&root, &WORDS)
}

#[test]
fn a_list_or_a_mapping_is_read_as_either_with_the_mappings_checks() {
    let list = policy("policy: [a, b]\n").value.unwrap().policy;
    let ListOrMap::List(OneOrList(names)) = list else {
        panic!("{list:?}")
    };
    assert_eq!(names.items, ["a", "b"]);
    let one = policy("policy: a\n").value.unwrap().policy;
    assert!(matches!(one, ListOrMap::List(OneOrList(List { ref items, .. })) if items == &["a"]));
    let map = policy("policy: {age: 60}\n").value.unwrap().policy;
    assert_eq!(map, ListOrMap::Map(Limits { age: 60 }));
    let typo = policy("policy: {agee: 60}\n");
    let codes: Vec<_> = typo.problems.iter().map(|p| p.code).collect();
    assert_eq!(codes, ["yaml::unknown-field", "yaml::missing-field"]);
}

//! Property tests: the parser reads back what any writer of a template
//! could have written, and the logon model obeys the laws a reader of a
//! template relies on. Case counts keep the whole file to seconds.

use gplint::check::Evaluation;
use gplint::logon::Outcome;
use gplint::policy::PolicyInput;
use gplint::source::SourceFile;
use gplint::{expect, syntax, template};
use proptest::prelude::*;

const DOMAIN: &str = "S-1-5-21-1004336348-1177238915-682003330";
const RIGHTS: [&str; 6] = [
    "SeServiceLogonRight",
    "SeBatchLogonRight",
    "SeInteractiveLogonRight",
    "SeDenyServiceLogonRight",
    "SeDenyBatchLogonRight",
    "SeDenyInteractiveLogonRight",
];

/// `cases`, unless `PROPTEST_CASES` asks for a longer search.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A holder as a template writes it: a domain RID or a well-known SID.
fn holder() -> impl Strategy<Value = String> {
    prop_oneof![
        (1100u32..1110).prop_map(|rid| format!("*{DOMAIN}-{rid}")),
        prop::sample::select(vec!["*S-1-5-32-544", "*S-1-5-11", "*S-1-1-0", "*S-1-5-20"])
            .prop_map(str::to_owned),
    ]
}

/// Rights, each at most once, with their holders.
/// Each right with its holders, as written.
type Rights = Vec<(String, Vec<String>)>;

fn rights() -> impl Strategy<Value = Rights> {
    prop::sample::subsequence(RIGHTS.to_vec(), 0..=RIGHTS.len()).prop_flat_map(|names| {
        let lists: Vec<_> = names
            .iter()
            .map(|name| {
                let name = (*name).to_owned();
                prop::collection::vec(holder(), 0..5).prop_map(move |h| (name.clone(), h))
            })
            .collect();
        lists
    })
}

/// How one writer lays a template out.
#[derive(Clone, Debug)]
struct Layout {
    encoding: u8,
    line_end: &'static str,
    space: (&'static str, &'static str),
    upper_keys: bool,
    trailing_comma: bool,
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        0u8..4,
        prop::sample::select(vec!["\r\n", "\n", "\r"]),
        prop::sample::select(vec![("", ""), (" ", " "), ("\t", "  ")]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(encoding, line_end, space, upper_keys, trailing_comma)| Layout {
                encoding,
                line_end,
                space,
                upper_keys,
                trailing_comma,
            },
        )
}

fn write(rights: &[(String, Vec<String>)], layout: &Layout) -> Vec<u8> {
    let end = layout.line_end;
    let mut text = format!("[Unicode]{end}Unicode=yes{end}[Privilege Rights]{end}");
    for (right, holders) in rights {
        let key = if layout.upper_keys {
            right.to_ascii_uppercase()
        } else {
            right.clone()
        };
        let comma = if layout.trailing_comma && !holders.is_empty() {
            ","
        } else {
            ""
        };
        let (before, after) = layout.space;
        let list = holders.join(&format!(",{after}"));
        text.push_str(&format!("{key}{before}={after}{list}{comma}{end}"));
    }
    encode(&text, layout.encoding)
}

fn encode(text: &str, encoding: u8) -> Vec<u8> {
    let units = text.encode_utf16();
    match encoding {
        0 => [0xFF, 0xFE]
            .into_iter()
            .chain(units.flat_map(u16::to_le_bytes))
            .collect(),
        1 => [0xFE, 0xFF]
            .into_iter()
            .chain(units.flat_map(u16::to_be_bytes))
            .collect(),
        2 => [0xEF, 0xBB, 0xBF]
            .iter()
            .chain(text.as_bytes())
            .copied()
            .collect(),
        _ => text.as_bytes().to_vec(),
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn a_written_template_parses_back_to_the_same_model(
        rights in rights(),
        layout in layout(),
    ) {
        let source = SourceFile::from_bytes("t.inf", write(&rights, &layout)).unwrap();
        let doc = syntax::parse(&source.text);
        prop_assert_eq!(doc.reconstruct(), source.text.clone());
        let typed = template::build(&doc);
        prop_assert_eq!(typed.privilege_rights.len(), rights.len());
        for (right, holders) in &rights {
            let read = typed.right(right).unwrap();
            let written: Vec<_> = read.holders.iter().map(|h| h.written).collect();
            prop_assert_eq!(written, holders.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }
}

/// An expectations file: accounts 1100.., each asking every logon type
/// of the model, with the domain groups 1105.. as their groups.
fn expectations(accounts: &[u32], groups: &[(u32, Vec<u32>)]) -> String {
    let mut yaml = format!("target: member-server\ndomain_sid: {DOMAIN}\ngroups:\n");
    for (rid, member_of) in groups {
        let parents: Vec<_> = member_of
            .iter()
            .map(|p| format!("'{DOMAIN}-{p}'"))
            .collect();
        yaml.push_str(&format!(
            "  - name: CONTOSO\\g{rid}\n    sid: {DOMAIN}-{rid}\n    member_of: [{}]\n",
            parents.join(", ")
        ));
    }
    yaml.push_str("accounts:\n");
    for rid in accounts {
        yaml.push_str(&format!(
            "  - name: CONTOSO\\u{rid}\n    sid: {DOMAIN}-{rid}\n    logon: [service, batch, interactive]\n"
        ));
    }
    yaml
}

fn template_text(rights: &[(String, Vec<String>)], memberships: &[(u32, u32)]) -> String {
    let mut text = String::from("[Privilege Rights]\r\n");
    for (right, holders) in rights {
        text.push_str(&format!("{right} = {}\r\n", holders.join(",")));
    }
    text.push_str("[Group Membership]\r\n");
    for (group, parent) in memberships {
        text.push_str(&format!(
            "*{DOMAIN}-{group}__Memberof = *{DOMAIN}-{parent}\r\n"
        ));
    }
    text
}

/// Every account's outcomes, in declaration order, per logon type.
fn outcomes(template: &str, expect_text: &str) -> Vec<Vec<Outcome>> {
    let expect = expect::load("services.yaml", expect_text).unwrap();
    let typed = template::build(&syntax::parse(template));
    let inputs = vec![PolicyInput {
        name: "t.inf",
        template: &typed,
    }];
    let evaluation = Evaluation::new(inputs, &expect);
    evaluation
        .verdicts
        .iter()
        .map(|account| account.verdicts.iter().map(|v| v.outcome).collect())
        .collect()
}

/// Declared groups 1105..1110, each a member of some others (no cycles
/// among declarations: those are refused; template lines may loop).
fn groups() -> impl Strategy<Value = Vec<(u32, Vec<u32>)>> {
    prop::collection::vec(prop::collection::vec(1105u32..1110, 0..3), 5).prop_map(|parents| {
        parents
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let rid = 1105 + u32::try_from(i).unwrap_or(0);
                (rid, p.into_iter().filter(|&q| q > rid).collect())
            })
            .collect()
    })
}

/// Rights with holders, template `__Memberof` lines, declared groups.
type Model = (Rights, Vec<(u32, u32)>, Vec<(u32, Vec<u32>)>);

fn model() -> impl Strategy<Value = Model> {
    (
        rights(),
        // One `__Memberof` line per group: of two, the later wins, so
        // their order matters by design.
        prop::collection::btree_map(1100u32..1110, 1100u32..1110, 0..6)
            .prop_map(|lines| lines.into_iter().collect()),
        groups(),
    )
}

const ACCOUNTS: [u32; 5] = [1100, 1101, 1102, 1103, 1104];

fn never_newly_allowed(before: &[Vec<Outcome>], after: &[Vec<Outcome>]) -> bool {
    before
        .iter()
        .flatten()
        .zip(after.iter().flatten())
        .all(|(b, a)| *b == Outcome::Allowed || *a != Outcome::Allowed)
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn adding_a_deny_holder_never_allows(
        (rights, memberships, groups) in model(),
        extra in holder(),
        deny in 3usize..6,
    ) {
        let expect = expectations(&ACCOUNTS, &groups);
        let before = outcomes(&template_text(&rights, &memberships), &expect);
        let mut more = rights.clone();
        match more.iter_mut().find(|(r, _)| r == RIGHTS[deny]) {
            Some((_, holders)) => holders.push(extra),
            None => more.push((RIGHTS[deny].to_owned(), vec![extra])),
        }
        let after = outcomes(&template_text(&more, &memberships), &expect);
        prop_assert!(never_newly_allowed(&before, &after));
    }

    #[test]
    fn removing_an_allow_holder_never_allows(
        (rights, memberships, groups) in model(),
        pick in any::<prop::sample::Index>(),
    ) {
        let expect = expectations(&ACCOUNTS, &groups);
        let before = outcomes(&template_text(&rights, &memberships), &expect);
        let mut fewer = rights.clone();
        let allows: Vec<_> = fewer.iter_mut().filter(|(r, h)| !r.starts_with("SeDeny") && !h.is_empty()).collect();
        if let Some((_, holders)) = allows.into_iter().next() {
            holders.remove(pick.index(holders.len()));
        }
        let after = outcomes(&template_text(&fewer, &memberships), &expect);
        prop_assert!(never_newly_allowed(&before, &after));
    }

    #[test]
    fn order_of_groups_and_entries_never_changes_a_verdict(
        (rights, memberships, groups) in model(),
        seed in any::<u64>(),
    ) {
        let before = outcomes(&template_text(&rights, &memberships), &expectations(&ACCOUNTS, &groups));
        let mut shuffled = rights.clone();
        for (_, holders) in &mut shuffled {
            rotate(holders, seed);
        }
        let mut memberships = memberships.clone();
        rotate(&mut memberships, seed);
        let mut groups = groups.clone();
        rotate(&mut groups, seed);
        for (_, parents) in &mut groups {
            rotate(parents, seed);
        }
        let after = outcomes(&template_text(&shuffled, &memberships), &expectations(&ACCOUNTS, &groups));
        prop_assert_eq!(before, after);
    }
}

proptest! {
    // A thousand accounts take a while in a debug build: few cases.
    #![proptest_config(config(6))]

    #[test]
    fn an_account_alone_or_among_a_thousand_gets_the_same_verdicts(
        (rights, memberships, groups) in model(),
    ) {
        let template = template_text(&rights, &memberships);
        let alone = outcomes(&template, &expectations(&[1100], &groups));
        let crowd: Vec<u32> = std::iter::once(1100).chain(20_000..20_999).collect();
        let among = outcomes(&template, &expectations(&crowd, &groups));
        prop_assert_eq!(alone.first(), among.first());
    }
}

/// A deterministic reordering: reverse, then rotate by the seed.
fn rotate<T>(items: &mut [T], seed: u64) {
    items.reverse();
    if !items.is_empty() {
        let by = usize::try_from(seed % items.len() as u64).unwrap_or(0);
        items.rotate_left(by);
    }
}

#[test]
fn a_group_cycle_and_a_deep_chain_terminate() {
    // A loop of template lines, and a chain 10,000 groups deep.
    let mut memberships: Vec<(u32, u32)> = vec![(1105, 1106), (1106, 1107), (1107, 1105)];
    memberships.extend((1107..11_107).map(|g| (g, g + 1)));
    memberships.push((1100, 1105));
    let rights = vec![(
        "SeServiceLogonRight".to_owned(),
        vec![format!("*{DOMAIN}-11107")],
    )];
    let verdicts = outcomes(
        &template_text(&rights, &memberships),
        &expectations(&[1100], &[]),
    );
    assert_eq!(verdicts[0][0], Outcome::Allowed, "{verdicts:?}");
}

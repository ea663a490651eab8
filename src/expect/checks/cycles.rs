//! The warning for a loop among the declared groups' `member_of`: Active
//! Directory allows it, and so does the logon model ([`crate::model`]
//! finds the loops), so the user is told once per loop, never stopped.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Edge, GroupDecl, loops};

/// How many groups of a loop the warning names, and how many of its
/// entries it labels.
const LISTED: usize = 20;

/// Warns once about each membership loop, at the `member_of` entry that
/// first closes it.
pub(super) fn check(groups: &[GroupDecl], warnings: &mut Vec<Diagnostic>) {
    for found in loops(groups) {
        warnings.extend(report(groups, &found.cycle, found.size));
    }
}

/// One warning for a loop of `size` groups, naming the cycle found
/// through it: at most [`LISTED`] names and labels, however long it is.
fn report(groups: &[GroupDecl], cycle: &[Edge], size: usize) -> Option<Diagnostic> {
    let closing = cycle.last()?;
    let entry = groups.get(closing.from)?.member_of.get(closing.entry)?;
    let name = |group: usize| groups.get(group).map(|g| g.name.value.as_str());
    let mut names: Vec<&str> = cycle
        .iter()
        .take(LISTED)
        .filter_map(|edge| name(edge.from))
        .collect();
    if cycle.len() > LISTED {
        names.push("…");
    }
    names.push(name(closing.to)?);
    let mut message = format!(
        "groups are members of each other in a loop: {}",
        names.join(" → ")
    );
    if size > LISTED || size > cycle.len() {
        message.push_str(&format!(" ({size} groups in all reach each other)"));
    }
    let mut diagnostic = Diagnostic::new(Code::ExpectGroupCycle,
        message,
        entry.span,
    )
    .with_label("closes the loop")
    .with_help(
        "if the directory has no such loop, remove one of these `member_of` entries; if it has, nothing needs changing",
    )
    .with_note(
        "Active Directory allows circular nesting: each group in the loop is a member of every other one and of every group any of them belongs to, and the checks count it so",
    );
    let others = cycle.iter().take(cycle.len().saturating_sub(1));
    for edge in others.take(LISTED - 1) {
        if let Some(other) = groups
            .get(edge.from)
            .and_then(|g| g.member_of.get(edge.entry))
        {
            diagnostic = diagnostic.with_secondary(other.span, "part of the loop");
        }
    }
    Some(diagnostic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::span::Span;
    use crate::span::Spanned;

    /// Groups named by letter; entry `k` of group `i` gets span `10i+k`.
    fn groups(spec: &[(&str, &[&str])]) -> Vec<GroupDecl> {
        spec.iter()
            .enumerate()
            .map(|(i, (name, member_of))| GroupDecl {
                name: Spanned::new((*name).to_owned(), Span::new(100 + i, 101 + i)),
                sid: None,
                member_of: member_of
                    .iter()
                    .enumerate()
                    .map(|(k, m)| {
                        Spanned::new((*m).to_owned(), Span::new(10 * i + k, 10 * i + k + 1))
                    })
                    .collect(),
                password_policy: None,
                span: Span::default(),
            })
            .collect()
    }

    fn run(spec: &[(&str, &[&str])]) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        check(&groups(spec), &mut errors);
        errors
    }

    #[test]
    fn a_two_group_loop_is_named_and_labelled() {
        let errors = run(&[("A", &["B"]), ("B", &["a", "BUILTIN\\Users"])]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "expect::group-cycle");
        assert_eq!(errors[0].severity, Severity::Warning);
        assert!(
            errors[0].message.ends_with("A → B → A"),
            "{}",
            errors[0].message
        );
        assert_eq!(errors[0].labels[0].span, Span::new(10, 11));
        assert_eq!(errors[0].labels[1].span, Span::new(0, 1));
    }

    #[test]
    fn a_group_in_itself_is_a_loop() {
        let errors = run(&[("A", &["x", "A"])]);
        assert!(errors[0].message.ends_with("A → A"));
        assert_eq!(errors[0].labels.len(), 1);
        assert_eq!(errors[0].labels[0].span, Span::new(1, 2));
    }

    #[test]
    fn a_longer_loop_reached_from_outside_is_reported_once() {
        let errors = run(&[("X", &["A"]), ("A", &["B"]), ("B", &["C"]), ("C", &["A"])]);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.ends_with("A → B → C → A"),
            "{}",
            errors[0].message
        );
        assert_eq!(errors[0].labels[0].span, Span::new(30, 31));
        assert_eq!(errors[0].labels.len(), 3);
    }

    #[test]
    fn groups_reaching_each_other_are_one_loop() {
        // A → B → C → A and B → A: two cycles, one loop of three groups.
        let errors = run(&[
            ("A", &["B"]),
            ("B", &["C", "A"]),
            ("C", &["A"]),
            ("D", &["D"]),
        ]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].message.ends_with("A → B → C → A"),
            "{}",
            errors[0].message
        );
        assert!(
            errors[1].message.ends_with("D → D"),
            "{}",
            errors[1].message
        );
    }

    #[test]
    fn a_long_loop_names_at_most_twenty_groups() {
        let names: Vec<String> = (0..50).map(|i| format!("G{i}")).collect();
        let spec: Vec<(&str, Vec<&str>)> = (0..50)
            .map(|i| (names[i].as_str(), vec![names[(i + 1) % 50].as_str(), "G0"]))
            .collect();
        let spec: Vec<(&str, &[&str])> = spec.iter().map(|(n, m)| (*n, m.as_slice())).collect();
        let errors = run(&spec);
        assert_eq!(errors.len(), 1);
        let message = &errors[0].message;
        assert!(
            message.ends_with("G18 → G19 → … → G0 (50 groups in all reach each other)"),
            "{message}"
        );
        assert_eq!(errors[0].labels.len(), LISTED);
    }

    #[test]
    fn a_loop_smaller_than_its_component_says_how_many_reach_each_other() {
        let errors = run(&[("A", &["B"]), ("B", &["A", "C"]), ("C", &["B"])]);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .message
                .ends_with("A → B → A (3 groups in all reach each other)"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn shared_parents_are_not_loops() {
        let errors = run(&[("A", &["C"]), ("B", &["C", "A"]), ("C", &[])]);
        assert!(errors.is_empty());
    }

    #[test]
    fn groups_match_by_sid() {
        let mut declared = groups(&[("A", &["S-1-5-21-1-2-3-1108"]), ("B", &["A"])]);
        declared[1].sid = Some(Spanned::new(
            crate::principal::Sid::parse("S-1-5-21-1-2-3-1108").unwrap(),
            Span::default(),
        ));
        let mut errors = Vec::new();
        check(&declared, &mut errors);
        assert_eq!(errors.len(), 1);
    }
}

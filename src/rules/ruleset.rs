//! A set of loaded rules with unique ids and names.

use std::path::Path;

use super::builtin::builtin_sources;
use super::dir;
use super::load;
use super::load_error::{RuleLoadError, error};
use super::rule::Rule;
use crate::diagnostic::Code;

/// Rules sorted by id; no two share an id or a name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

impl RuleSet {
    /// The rule pack embedded at build time from `rules/*.yaml`.
    pub fn builtin() -> Result<RuleSet, Vec<RuleLoadError>> {
        let sources: Vec<(String, String)> = builtin_sources()
            .iter()
            .map(|(file, text)| ((*file).to_owned(), (*text).to_owned()))
            .collect();
        RuleSet::from_sources(&sources, true)
    }

    /// Loads `(file name, text)` pairs; every problem in every file is
    /// returned. Of two rules with one id, the later source is refused.
    pub fn from_sources(
        sources: &[(String, String)],
        builtin: bool,
    ) -> Result<RuleSet, Vec<RuleLoadError>> {
        let mut set = RuleSet::default();
        let mut errors = Vec::new();
        for (file, text) in sources {
            match load::load(file, text, builtin) {
                Ok(rule) => match set.clash(&rule) {
                    Some(clash) => errors.push(clash),
                    None => set.rules.push(rule),
                },
                Err(problems) => errors.extend(RuleLoadError::all(file, text, problems)),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        set.sort();
        Ok(set)
    }

    /// Reads the `*.yaml` and `*.yml` files directly in `dir`, sorted by
    /// name, for [`RuleSet::from_sources`]; an error for each file (or the
    /// folder) that cannot be read. Files are read as templates are: each
    /// within the default `--max-file-size`, and a link, pipe or device
    /// is refused, not followed or opened.
    pub fn load_dir(dir: &Path) -> Result<Vec<(String, String)>, Vec<RuleLoadError>> {
        Self::load_dir_limited(dir, crate::source::ReadLimits::DEFAULT_FILE_SIZE)
    }

    /// [`RuleSet::load_dir`], refusing a file larger than `max_file_size`
    /// bytes before reading it.
    pub fn load_dir_limited(
        dir: &Path,
        max_file_size: u64,
    ) -> Result<Vec<(String, String)>, Vec<RuleLoadError>> {
        dir::read(dir, max_file_size)
    }

    /// Adds `other`'s rules, or none of them when one's id or name is
    /// taken: the error points into the added rule's file.
    pub fn extend(&mut self, other: RuleSet) -> Result<(), Vec<RuleLoadError>> {
        let clashes: Vec<RuleLoadError> = other
            .rules
            .iter()
            .filter_map(|rule| self.clash(rule))
            .collect();
        if !clashes.is_empty() {
            return Err(clashes);
        }
        self.rules.extend(other.rules);
        self.sort();
        Ok(())
    }

    /// The rules, sorted by id.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule with this id or, failing that, this name, ignoring case.
    pub fn get(&self, id_or_name: &str) -> Option<&Rule> {
        let by = |key: fn(&Rule) -> &str| {
            self.rules
                .iter()
                .find(|rule| key(rule).eq_ignore_ascii_case(id_or_name))
        };
        by(|rule| &rule.id).or_else(|| by(|rule| &rule.name))
    }

    fn sort(&mut self) {
        self.rules.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// Why `rule` cannot join this set, if it cannot.
    fn clash(&self, rule: &Rule) -> Option<RuleLoadError> {
        let same = |key: fn(&Rule) -> &str| {
            self.rules
                .iter()
                .find(|known| key(known).eq_ignore_ascii_case(key(rule)))
        };
        if let Some(first) = same(|r| &r.id) {
            return Some(duplicate(rule, Taken::Id, &first.origin.file));
        }
        let first = same(|r| &r.name)?;
        Some(duplicate(rule, Taken::Name, &first.origin.file))
    }
}

/// What two rules share.
#[derive(Clone, Copy)]
enum Taken {
    Id,
    Name,
}

fn duplicate(rule: &Rule, taken: Taken, first: &str) -> RuleLoadError {
    let (code, what, value, span) = match taken {
        Taken::Id => (Code::RuleDuplicateId, "id", &rule.id, rule.origin.id_span),
        Taken::Name => (
            Code::RuleDuplicateName,
            "name",
            &rule.name,
            rule.origin.name_span,
        ),
    };
    let diagnostic = error(
        code,
        format!("rule {what} `{value}` is already used by {first}"),
        span,
    )
    .with_label(format!("{what} taken"))
    .with_help(format!("give this rule another {what}"));
    RuleLoadError {
        file: rule.origin.file.clone(),
        text: std::sync::Arc::from(rule.origin.text.as_str()),
        diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_rule::rule_text;
    use super::*;

    fn sources(rules: &[(&str, &str, &str)]) -> Vec<(String, String)> {
        rules
            .iter()
            .map(|(file, id, name)| ((*file).to_owned(), rule_text(id, name)))
            .collect()
    }

    fn set(rules: &[(&str, &str, &str)]) -> RuleSet {
        RuleSet::from_sources(&sources(rules), false).unwrap()
    }

    fn snippet(error: &RuleLoadError) -> &str {
        let span = error.diagnostic.primary_span().unwrap();
        &error.text[span.start..span.end]
    }

    #[test]
    fn rules_are_sorted_by_id_and_found_by_id_or_name() {
        let set = set(&[
            ("b.yaml", "GPL200", "second-rule"),
            ("a.yaml", "GPL100", "first-rule"),
        ]);
        let ids: Vec<&str> = set.rules().iter().map(|rule| rule.id.as_str()).collect();
        assert_eq!(ids, ["GPL100", "GPL200"]);
        assert_eq!(set.get("gpl200").unwrap().name, "second-rule");
        assert_eq!(set.get("FIRST-RULE").unwrap().id, "GPL100");
        assert!(set.get("GPL300").is_none());
    }

    #[test]
    fn a_repeated_id_points_at_the_second_file_and_names_the_first() {
        let errors = RuleSet::from_sources(
            &sources(&[
                ("one.yaml", "GPL100", "first-rule"),
                ("two.yaml", "GPL100", "other-rule"),
            ]),
            false,
        )
        .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].file, "two.yaml");
        assert_eq!(errors[0].diagnostic.code, "rule::duplicate-id");
        assert_eq!(snippet(&errors[0]), "GPL100");
        assert!(errors[0].diagnostic.message.contains("one.yaml"));
    }

    #[test]
    fn extend_refuses_a_taken_id_or_name_and_changes_nothing() {
        let mut base = set(&[("rules/a.yaml", "GPL100", "first-rule")]);
        let clash = set(&[
            ("mine/x.yaml", "GPL100", "mine"),
            ("mine/y.yaml", "GPL900", "first-rule"),
        ]);
        let errors = base.extend(clash).unwrap_err();
        let found: Vec<(&str, &str, &str)> = errors
            .iter()
            .map(|e| (e.file.as_str(), e.diagnostic.code.as_str(), snippet(e)))
            .collect();
        assert_eq!(
            found,
            [
                ("mine/x.yaml", "rule::duplicate-id", "GPL100"),
                ("mine/y.yaml", "rule::duplicate-name", "first-rule"),
            ]
        );
        assert!(errors[0].diagnostic.message.contains("rules/a.yaml"));
        assert_eq!(base.rules().len(), 1);
    }

    #[test]
    fn extend_adds_and_keeps_the_order() {
        let mut base = set(&[("a.yaml", "GPL300", "third-rule")]);
        base.extend(set(&[("b.yaml", "GPL100", "first-rule")]))
            .unwrap();
        let ids: Vec<&str> = base.rules().iter().map(|rule| rule.id.as_str()).collect();
        assert_eq!(ids, ["GPL100", "GPL300"]);
    }

    #[test]
    fn all_broken_files_are_reported_together() {
        let mut broken = sources(&[("a.yaml", "GPL1", "x"), ("b.yaml", "GPL2", "y")]);
        broken.push(("c.yaml".to_owned(), rule_text("GPL300", "fine")));
        let errors = RuleSet::from_sources(&broken, false).unwrap_err();
        let files: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(files, ["a.yaml", "b.yaml"]);
    }

    #[test]
    fn builtin_loads_whatever_the_pack_holds() {
        let set = RuleSet::builtin().unwrap();
        assert_eq!(set.rules().len(), builtin_sources().len());
        assert!(set.rules().iter().all(|rule| rule.origin.builtin));
    }

    #[test]
    fn a_folder_of_rules_loads() {
        let dir = tempfile::tempdir().unwrap();
        let text = rule_text("GPL500", "from-a-folder");
        std::fs::write(dir.path().join("mine.yaml"), text).unwrap();
        let sources = RuleSet::load_dir(dir.path()).unwrap();
        let set = RuleSet::from_sources(&sources, false).unwrap();
        let rule = set.get("GPL500").unwrap();
        assert!(!rule.origin.builtin);
        assert!(rule.origin.file.ends_with("mine.yaml"));
    }
}

//! What a run shows: `--select` and `--ignore` (rule ids or prefixes, as
//! ruff takes them: `GPL1` is GPL101 to GPL1xx), `--min-severity`, and
//! what `rules:` in `services.yaml` turned off. What is hidden neither
//! shows in any format nor fails the run; the summary says how much was.

use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::model::RuleLevel;
use crate::rules::RuleSet;
use crate::suggest::did_you_mean;

/// The command line's choice of what to see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// `--min-severity`; `None` when not given.
    pub min_severity: Option<Severity>,
    /// `--select`: rule ids, prefixes or names; empty selects every rule.
    pub select: Vec<String>,
    /// `--ignore`: rule ids, prefixes or names.
    pub ignore: Vec<String>,
}

/// A `--select` or `--ignore` value that matches no loaded rule.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("`{option} {given}` matches no rule{suggestion}")]
#[diagnostic(
    code(gplint::args::unknown_rule),
    help(
        "give rule ids (GPL412), prefixes of them (GPL4 is every GPL4xx rule) or rule names, separated by commas; `gplint rules` lists the rules"
    )
)]
pub struct UnknownSelector {
    /// `--select` or `--ignore`.
    pub option: &'static str,
    /// The value as given.
    pub given: String,
    /// `: did you mean `GPL4`?`, or nothing.
    pub suggestion: String,
}

impl Selection {
    /// The first selector that matches no rule of `rules`, if any.
    pub fn check(&self, rules: &RuleSet) -> Result<(), UnknownSelector> {
        let lists = [("--select", &self.select), ("--ignore", &self.ignore)];
        for (option, list) in lists {
            if let Some(given) = list.iter().find(|s| !matches_any(s, rules)) {
                return Err(UnknownSelector {
                    option,
                    given: given.clone(),
                    suggestion: suggestion(given, rules),
                });
            }
        }
        Ok(())
    }

    /// Whether the findings of rule `id` are shown: the longest selector
    /// that matches decides, `--ignore` winning a tie (so `--select GPL4
    /// --ignore GPL412` and `--ignore GPL4 --select GPL412` both mean what
    /// they say).
    pub fn shows_rule(&self, id: &str, rules: &RuleSet) -> bool {
        let best = |list: &[String]| list.iter().filter_map(|s| selects(s, id, rules)).max();
        let selected = match self.select.is_empty() {
            true => Some(0),
            false => best(&self.select),
        };
        match (selected, best(&self.ignore)) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(select), Some(ignore)) => select > ignore,
        }
    }

    /// Whether `--select` or `--ignore` was given.
    pub fn narrows(&self) -> bool {
        !self.select.is_empty() || !self.ignore.is_empty()
    }
}

/// How specific a match of `selector` on rule `id` is (its length; a
/// rule's name counts as its whole id), or `None` when it does not match.
fn selects(selector: &str, id: &str, rules: &RuleSet) -> Option<usize> {
    let by_name = rules
        .rules()
        .iter()
        .any(|r| r.id == id && r.name.eq_ignore_ascii_case(selector));
    if by_name {
        return Some(id.len());
    }
    let prefix = id
        .get(..selector.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(selector));
    (prefix && !selector.is_empty()).then_some(selector.len())
}

fn matches_any(selector: &str, rules: &RuleSet) -> bool {
    rules
        .rules()
        .iter()
        .any(|r| selects(selector, &r.id, rules).is_some())
}

/// `: did you mean `GPL4`?` from the ids, their prefixes as long as
/// `given`, and the names.
fn suggestion(given: &str, rules: &RuleSet) -> String {
    let ids = rules.rules().iter().map(|r| r.id.as_str());
    let prefixes = ids.clone().filter_map(|id| id.get(..given.len()));
    let names = rules.rules().iter().map(|r| r.name.as_str());
    match did_you_mean(given, prefixes.chain(ids).chain(names)) {
        Some(near) => format!(": did you mean `{near}`?"),
        None => String::new(),
    }
}

/// What a run left out of its report, for the summary line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hidden {
    /// Findings of rules `--select`/`--ignore` left out.
    pub unselected: usize,
    /// Findings below `--min-severity`.
    pub below_min: usize,
    /// Findings of rules `rules:` set `off`.
    pub off: usize,
    /// Findings already on `check --baseline`'s base, left out without
    /// `--baseline-show-all`.
    pub on_base: usize,
}

/// What a report shows, resolved: reporters read it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// The command line's choice. `min_severity` is `None` when not given:
    /// human, JSON and JUnit then show every severity, while SARIF, GitHub
    /// annotations and the step summary default to warnings and errors.
    pub selection: Selection,
    /// `rules:` of the expectations file, by rule id.
    pub levels: Vec<(String, RuleLevel)>,
    /// The expectations file's name, as messages give it.
    pub expectations: String,
    /// How much was left out.
    pub hidden: Hidden,
}

impl Shown {
    /// Leaves out of `findings` what `--select`, `--ignore` and
    /// `--min-severity` hide, counting it. Findings that are no rule's
    /// (an expired waiver) are left to `--min-severity` alone.
    pub fn filter(&mut self, findings: &mut Vec<Finding>, rules: &RuleSet) {
        let selection = &self.selection;
        let before = findings.len();
        if selection.narrows() {
            findings.retain(|f| {
                rules.get(&f.rule).is_none_or(|r| r.id != f.rule)
                    || selection.shows_rule(&f.rule, rules)
            });
        }
        self.hidden.unselected += before - findings.len();
        let before = findings.len();
        if let Some(min) = selection.min_severity {
            findings.retain(|f| f.severity >= min);
        }
        self.hidden.below_min += before - findings.len();
    }

    /// What the summary line adds: `12 findings hidden by --min-severity
    /// warning`, `GPL412 off in services.yaml`; empty when nothing was.
    pub fn summary_parts(&self) -> Vec<String> {
        let mut parts = Vec::new();
        let selection = &self.selection;
        if self.hidden.unselected > 0 {
            let mut options = Vec::new();
            if !selection.select.is_empty() {
                options.push(format!("--select {}", selection.select.join(",")));
            }
            if !selection.ignore.is_empty() {
                options.push(format!("--ignore {}", selection.ignore.join(",")));
            }
            let n = findings(self.hidden.unselected);
            parts.push(format!("{n} hidden by {}", options.join(" ")));
        }
        if let Some(min) = selection.min_severity.filter(|_| self.hidden.below_min > 0) {
            let n = findings(self.hidden.below_min);
            parts.push(format!("{n} hidden by --min-severity {}", min.as_str()));
        }
        if !self.levels.is_empty() {
            let levels: Vec<String> = self
                .levels
                .iter()
                .map(|(id, level)| format!("{id} {}", level.as_str()))
                .collect();
            let off = match self.hidden.off {
                0 => String::new(),
                n => format!(" ({} off)", findings(n)),
            };
            let file = &self.expectations;
            parts.push(format!("{} in {file}{off}", levels.join(", ")));
        }
        if self.hidden.on_base > 0 {
            let n = findings(self.hidden.on_base);
            parts.push(format!("{n} already on base hidden by --baseline"));
        }
        parts
    }
}

fn findings(n: usize) -> String {
    match n {
        1 => "1 finding".to_owned(),
        n => format!("{n} findings"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn selection(select: &[&str], ignore: &[&str]) -> Selection {
        let own = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
        Selection {
            min_severity: None,
            select: own(select),
            ignore: own(ignore),
        }
    }

    #[test]
    fn prefixes_select_and_the_longer_match_wins() {
        let rules = RuleSet::builtin().unwrap();
        let shows = |s: &Selection, id| s.shows_rule(id, &rules);
        let all = selection(&[], &[]);
        assert!(shows(&all, "GPL412"));
        let fours = selection(&["gpl4"], &["GPL412"]);
        assert!(shows(&fours, "GPL401") && !shows(&fours, "GPL412"));
        assert!(!shows(&fours, "GPL101"));
        let but = selection(&["GPL412"], &["GPL4"]);
        assert!(shows(&but, "GPL412") && !shows(&but, "GPL401"));
        // A tie goes to --ignore.
        let tie = selection(&["GPL4"], &["GPL4"]);
        assert!(!shows(&tie, "GPL401"));
    }

    #[test]
    fn a_selector_matching_nothing_gets_the_nearest_prefix() {
        let rules = RuleSet::builtin().unwrap();
        let error = selection(&["GPL1", "GPL9"], &[]).check(&rules).unwrap_err();
        assert_eq!(error.given, "GPL9");
        assert_eq!(error.suggestion, ": did you mean `GPL1`?");
        assert!(selection(&[""], &[]).check(&rules).is_err());
        assert!(selection(&["GPL1"], &["GPL101"]).check(&rules).is_ok());
    }
}

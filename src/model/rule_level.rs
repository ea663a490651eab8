//! A rule's level as `services.yaml` sets it (`rules: {GPL412: off}`).

use serde::{Deserialize, Serialize};

use super::squash;
use crate::span::{Span, Spanned};

/// What a team makes of one rule's findings: none, or all at one severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RuleLevel {
    /// The rule's findings are dropped: they are neither shown nor fail
    /// the run.
    Off,
    /// Information: never fails a run.
    Note,
    /// Fails the run under `--fail-on warning`.
    Warning,
    /// Fails the run.
    Error,
}

impl RuleLevel {
    /// Every level, least first.
    pub const ALL: [RuleLevel; 4] = [
        RuleLevel::Off,
        RuleLevel::Note,
        RuleLevel::Warning,
        RuleLevel::Error,
    ];

    /// The name written in `services.yaml`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleLevel::Off => "off",
            RuleLevel::Note => "note",
            RuleLevel::Warning => "warning",
            RuleLevel::Error => "error",
        }
    }

    /// Parses a name ignoring ASCII case.
    pub fn parse(s: &str) -> Option<RuleLevel> {
        let wanted = squash(s);
        RuleLevel::ALL.into_iter().find(|l| l.as_str() == wanted)
    }
}

/// One entry of `rules:`: a rule, by id or name as written, and its level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleLevelDecl {
    /// The rule's id (`GPL412`) or name, as written.
    pub rule: Spanned<String>,
    /// The level it is given.
    pub level: Spanned<RuleLevel>,
    /// The whole entry, key and value.
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_any_case() {
        for level in RuleLevel::ALL {
            assert_eq!(RuleLevel::parse(level.as_str()), Some(level));
        }
        assert_eq!(RuleLevel::parse("OFF"), Some(RuleLevel::Off));
        assert_eq!(RuleLevel::parse("err"), None);
    }
}

//! `rules:` in `services.yaml`: a level for some rules
//! (`rules: {GPL412: off, GPL406: error}`), read as a mapping whose keys
//! keep their places. Whether a key names a loaded rule is for the caller,
//! who has the rules (`gplint::check::levels`).

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

use super::text::clean;
use crate::diagnostic::Diagnostic;
use crate::model::{RuleLevel, RuleLevelDecl};
use crate::span::{Span, Spanned};

/// The entries of `rules:`, in written order; an entry whose value could
/// not be read is left out (the reader said why).
#[derive(Debug, Default)]
pub(super) struct RuleLevels {
    entries: Vec<(Spanned<String>, Spanned<RuleLevel>)>,
}

impl<'de> Deserialize<'de> for RuleLevels {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(LevelsVisitor)
    }
}

struct LevelsVisitor;

impl<'de> Visitor<'de> for LevelsVisitor {
    type Value = RuleLevels;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping of rule ids to levels")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RuleLevels, A::Error> {
        let mut levels = RuleLevels::default();
        while let Some(rule) = map.next_key::<Spanned<String>>()? {
            // Every bad level is reported, not only the first.
            if let Ok(level) = map.next_value::<Spanned<RuleLevel>>() {
                levels.entries.push((rule, level));
            }
        }
        Ok(levels)
    }
}

impl JsonSchema for RuleLevels {
    fn schema_name() -> Cow<'static, str> {
        "RuleLevels".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "additionalProperties": generator.subschema_for::<RuleLevel>(),
        })
    }
}

/// The entries as the model's declarations; a key that is blank or holds
/// a control character is an error.
pub(super) fn rule_levels(levels: &RuleLevels, errors: &mut Vec<Diagnostic>) -> Vec<RuleLevelDecl> {
    levels
        .entries
        .iter()
        .filter_map(|(rule, level)| {
            let rule = clean(rule, "a rule in `rules:`", errors)?;
            let span = Span::new(rule.span.start, level.span.end.max(rule.span.end));
            Some(RuleLevelDecl {
                rule,
                level: level.clone(),
                span,
            })
        })
        .collect()
}

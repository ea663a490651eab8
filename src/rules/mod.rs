//! Rules: YAML files that say which facts are problems, and how to say so.
//!
//! A rule file holds one rule: its id and name, the kind of fact it
//! applies to, a predicate over that kind's fields (`when`), message
//! templates with `{field}` placeholders, its docs, and its own valid and
//! invalid cases (run by [`crate::check::run_cases`] for `gplint rules
//! test`, never when loading). Everything a rule names is checked when it is loaded, so
//! a misspelt field is an error with a span into the rule file rather than
//! a rule that silently never fires.
//!
//! ```text
//! rule file ─► crate::yaml (typed RuleDoc) ─► check (Rule) ─► RuleSet
//! ```
//!
//! The built-in pack is `rules/*.yaml` at the crate root, embedded by
//! `build.rs`; [`RuleSet::load_dir`] reads a user's folder, the only I/O
//! here.

mod builtin;
mod cases;
mod check;
mod check_detects;
mod check_predicate;
mod check_template;
mod dir;
mod docs;
mod document;
mod load;
mod load_error;
mod predicate;
mod predicate_doc;
mod required;
mod rule;
mod ruleset;
mod scalar;
mod schema;
mod template;
#[cfg(test)]
mod test_checks;
#[cfg(test)]
mod test_rule;

pub use builtin::builtin_sources;
pub use docs::{DocSection, sections as doc_sections};
pub use load_error::RuleLoadError;
pub use predicate::{Matcher, Predicate};
pub use rule::{Rule, RuleCase, RuleOrigin, RuleTests, Variant};
pub use ruleset::RuleSet;
pub use scalar::Scalar;
pub use schema::schema;
pub use template::MessageTemplate;

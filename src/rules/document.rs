//! A rule file as Rust types: what the YAML reader types a file into,
//! and what its JSON Schema (`gplint schema rule`) is derived from. The
//! doc comments here are the descriptions an editor shows.

use schemars::JsonSchema;
use serde::Deserialize;

use super::cases::TestsDoc;
use super::predicate_doc::PredicateDoc;
use super::required::Required;
use super::schema::{FactKindSchema, PredicateSchema};
use crate::diagnostic::Severity;
use crate::facts::FactKind;
use crate::span::Spanned;
use crate::yaml::{Field, List};

/// A gplint rule: which facts are problems, and how to say so. One rule
/// per file; see rules/README.md.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, rename = "Rule", deny_unknown_fields)]
pub(super) struct RuleDoc {
    /// `GPL` and three digits, unique across the rules loaded, e.g.
    /// `GPL901`. Built-in rules use GPL1xx-GPL4xx; pick GPL9xx for your own.
    #[schemars(regex(pattern = r"^GPL[0-9]{3}$"))]
    pub(super) id: Required<Spanned<String>>,
    /// Kebab-case words stating the problem, e.g.
    /// `needed-logon-type-not-granted`.
    #[schemars(regex(pattern = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"))]
    pub(super) name: Required<Spanned<String>>,
    /// How serious a finding is: `error` fails a run by default,
    /// `warning` only with `--fail-on warning`, `note` never.
    pub(super) severity: Required<Severity>,
    /// The kind of fact the rule tests; it decides which fields `when`,
    /// `message`, `help` and `symptom` may use (docs/rule-fields.md).
    #[schemars(with = "Required<FactKindSchema>")]
    pub(super) applies_to: Required<FactKind>,
    /// Which facts the rule reports: a field test (`field:` and one
    /// matcher), or `all`, `any` or `not` over predicates.
    #[schemars(with = "Required<PredicateSchema>")]
    pub(super) when: Required<Spanned<PredicateDoc>>,
    /// One line, for rule listings.
    pub(super) summary: Required<Spanned<String>>,
    /// The finding's message; `{field}` is replaced by the fact's field,
    /// `{{` and `}}` are literal braces.
    pub(super) message: Required<Spanned<String>>,
    /// What to do about it; placeholders as in `message`.
    pub(super) help: Field<Spanned<String>>,
    /// What the user sees on Windows when this goes wrong; placeholders
    /// as in `message`.
    pub(super) symptom: Field<Spanned<String>>,
    /// Other words for some of the facts reported, such as a cause that
    /// needs another fix: the first variant whose `when` a fact satisfies
    /// gives its `message` and `help` instead.
    pub(super) variants: Field<List<Spanned<VariantDoc>>>,
    /// The Windows error codes and events a finding of this rule predicts,
    /// e.g. `{ errors: [1385, 1069], events: [4625, 7041] }`: `gplint why
    /// <code>` lists the rule for each. Every code and event must be one
    /// `gplint why` knows.
    pub(super) detects: Field<Spanned<DetectsDoc>>,
    /// Markdown: what the rule does, why it matters, an example, the fix.
    /// `## ` headings make sections.
    pub(super) docs: Required<Spanned<String>>,
    /// The rule's own cases: at least one `invalid` case it reports and
    /// one `valid` case it does not. `gplint rules test` runs them.
    #[schemars(with = "Required<TestsDoc>")]
    pub(super) tests: Field<Spanned<TestsDoc>>,
}

/// Other words for the facts a predicate picks out.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, rename = "Variant", deny_unknown_fields)]
pub(super) struct VariantDoc {
    /// Which of the rule's facts the variant is for.
    #[schemars(with = "Required<PredicateSchema>")]
    pub(super) when: Required<Spanned<PredicateDoc>>,
    /// The message instead of the rule's.
    pub(super) message: Field<Spanned<String>>,
    /// The help instead of the rule's.
    pub(super) help: Field<Spanned<String>>,
}

/// What Windows shows when what a rule reports goes wrong.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, rename = "Detects", deny_unknown_fields)]
pub(super) struct DetectsDoc {
    /// Error codes, in any spelling `gplint why` reads: a Win32 error
    /// (`1385`), an HRESULT or NTSTATUS in hex (`0x80070569`,
    /// `0xC000015B`) or a symbolic name (`KDC_ERR_KEY_EXPIRED`,
    /// `SCHED_E_ACCOUNT_NAME_NOT_FOUND`). A number that names more than
    /// one code (`24`: a Win32 error and a Kerberos code) must be written
    /// by name.
    #[schemars(with = "Option<Vec<CodeSchema>>")]
    pub(super) errors: List<Spanned<String>>,
    /// Event ids, e.g. `4625`, `7041`, `101`.
    #[schemars(with = "Option<Vec<u32>>")]
    pub(super) events: List<Spanned<u32>>,
}

/// A code as written: a number, or text (hex or a symbolic name).
#[derive(JsonSchema)]
#[schemars(rename = "ErrorCode")]
#[serde(untagged)]
#[allow(dead_code)]
enum CodeSchema {
    Number(u32),
    Text(String),
}

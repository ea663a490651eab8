//! Evaluating every planned chain of GPOs, and gathering their findings.

use std::collections::HashSet;

use super::{Evaluation, findings};
use crate::discover::Gpo;
use crate::expect::{Date, Expectations};
use crate::finding::Finding;
use crate::policy::PolicyInput;
use crate::rules::RuleSet;
use crate::scope::{Chain, expectations_for};
use crate::source::SourceFile;
use crate::span::Span;
use crate::template::Template;

/// The templates of a run: one per GPO that has one, in discovery order.
#[derive(Clone, Copy, Debug)]
pub struct Library<'t> {
    /// Every GPO read.
    pub gpos: &'t [Gpo],
    /// For each GPO, the index of its template in `sources`.
    pub source_of: &'t [Option<usize>],
    /// The decoded templates.
    pub sources: &'t [SourceFile],
    /// The typed templates, one per source.
    pub templates: &'t [Template<'t>],
    /// For each GPO, the name messages use: its display name, else its path.
    pub names: &'t [String],
    /// Today, for password expiries; `None` leaves them unplaced.
    pub today: Option<Date>,
}

/// One chain evaluated.
#[derive(Debug)]
pub struct ChainRun<'t> {
    /// What was evaluated.
    pub chain: Chain,
    /// The expectations restricted to the chain's scope.
    pub expect: Expectations,
    /// The model's results.
    pub evaluation: Evaluation<'t>,
    /// For each input of the chain, the index of its template in the run's sources.
    pub sources: Vec<usize>,
}

/// Evaluates each chain on its own.
pub fn evaluate<'t>(
    chains: Vec<Chain>,
    library: Library<'t>,
    expect: &Expectations,
) -> Vec<ChainRun<'t>> {
    chains
        .into_iter()
        .map(|chain| {
            let scoped = expectations_for(expect, &chain);
            let (inputs, sources) = inputs(&chain, library);
            let evaluation = Evaluation::on(inputs, &scoped, library.today);
            ChainRun {
                chain,
                expect: scoped,
                evaluation,
                sources,
            }
        })
        .collect()
}

fn inputs<'t>(chain: &Chain, library: Library<'t>) -> (Vec<PolicyInput<'t>>, Vec<usize>) {
    chain
        .gpos
        .iter()
        .filter_map(|&gpo| {
            let source = (*library.source_of.get(gpo)?)?;
            let input = PolicyInput {
                name: library.names.get(gpo)?.as_str(),
                template: library.templates.get(source)?,
            };
            Some((input, source))
        })
        .unzip()
}

/// Every rule over every chain. Findings about an expectation carry their
/// chain's scope; findings about a template line are reported once,
/// however many chains hold the line.
pub fn all_findings(
    runs: &[ChainRun<'_>],
    rules: &RuleSet,
    sources: &[SourceFile],
) -> Vec<Finding> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for run in runs {
        let line_of = |input: usize, span: Span| {
            run.sources
                .get(input)
                .and_then(|&s| sources.get(s))
                .map_or(0, |source| source.line_col(span.start).0)
        };
        for mut finding in findings(&run.evaluation, &run.expect, rules, &line_of) {
            finding.remap_templates(|input| run.sources.get(input).copied().unwrap_or(input));
            if finding.account.is_some() {
                finding.scope = run.chain.scope.clone();
            } else if !seen.insert(line_key(&finding)) {
                continue;
            }
            out.push(finding);
        }
    }
    out.sort_by_key(Finding::sort_key);
    out
}

fn line_key(finding: &Finding) -> (String, Option<(crate::finding::FileRef, usize)>) {
    let place = finding.primary.as_ref().map(|p| (p.file, p.span.start));
    (finding.rule.clone(), place)
}

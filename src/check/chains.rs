//! Evaluating every planned chain of GPOs, and gathering their findings.

use std::sync::Arc;

use rustc_hash::FxHashSet as HashSet;

use rayon::prelude::*;

use super::{Evaluation, ExpectationCase, expectation_cases, findings};
use crate::discover::Gpo;
use crate::expect::Expectations;
use crate::finding::{FileRef, Finding, Location};
use crate::logon::{Directory, SharedDirectory};
use crate::logon_type::LogonType;
use crate::model::Date;
use crate::policy::{PolicyInput, Resultant};
use crate::principal::Sid;
use crate::progress::{PAIR_THRESHOLD, Progress, Stage};
use crate::rules::RuleSet;
use crate::scope::{Chain, ScopeMembers, expectations_for};
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
    /// Today, for predicting password expiry; `None` leaves dates out.
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
    /// For each input of the chain, then of the domain's GPOs, the index
    /// of its template in the run's sources.
    pub sources: Vec<usize>,
}

/// Evaluates each chain on its own, in parallel; the runs keep the
/// chains' order. `progress` is told of the account × scope pairs when
/// there are more than [`PAIR_THRESHOLD`].
pub fn evaluate<'t>(
    chains: Vec<Chain>,
    library: Library<'t>,
    expect: &Expectations,
    progress: &dyn Progress,
) -> Vec<ChainRun<'t>> {
    let wide = RunWide::new(expect);
    let stage = pairs_stage(&chains, expect, progress);
    chains
        .into_par_iter()
        .map(|chain| {
            let run = run(chain, library, expect, &wide);
            stage.advance(accounts(expect));
            run
        })
        .collect()
}

/// [`evaluate`] without holding every chain's model: chains are evaluated
/// in parallel a batch (one per thread) at a time, each run turned by
/// `map` into what is kept of it (and dropped), then handed to `each` in
/// chain order. Stops at the first error of `each`. For `explain
/// --all-accounts`, where one model of 50,000 accounts is hundreds of MB.
pub fn evaluate_each<'t, T: Send, E>(
    chains: Vec<Chain>,
    library: Library<'t>,
    expect: &Expectations,
    progress: &dyn Progress,
    map: impl Fn(ChainRun<'t>) -> T + Sync,
    mut each: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let wide = RunWide::new(expect);
    let stage = pairs_stage(&chains, expect, progress);
    let batch = rayon::current_num_threads().max(1);
    let mut chains = chains.into_iter().peekable();
    while chains.peek().is_some() {
        let batch: Vec<Chain> = chains.by_ref().take(batch).collect();
        let kept: Vec<T> = batch
            .into_par_iter()
            .map(|chain| {
                let kept = map(run(chain, library, expect, &wide));
                stage.advance(accounts(expect));
                kept
            })
            .collect();
        kept.into_iter().try_for_each(&mut each)?;
    }
    Ok(())
}

/// Each chain's resultant policy alone, without evaluating accounts: what
/// `explain --format json` writes before streaming the accounts. The
/// domain is the one the run's model takes (see `logon::Directory::new`).
pub fn resultants<'t>(
    chains: &[Chain],
    library: Library<'t>,
    expect: &Expectations,
) -> Vec<Resultant<'t>> {
    let members = ScopeMembers::new(expect);
    chains
        .par_iter()
        .map(|chain| {
            let (inputs, _) = inputs(&chain.gpos, library);
            Resultant::fold(inputs, chain.target, chain_domain(expect, &members, chain))
        })
        .collect()
}

/// The declared domain SID, else the domain of the first domain SID of a
/// group or of an account in the chain's scope.
fn chain_domain(expect: &Expectations, members: &ScopeMembers, chain: &Chain) -> Option<Sid> {
    if let Some(domain) = &expect.domain_sid {
        return Some(domain.value);
    }
    let groups = expect.groups.iter().filter_map(|g| g.sid.as_ref());
    let in_scope = members.accounts_of(expect, chain);
    let accounts = in_scope
        .iter()
        .filter_map(|&at| expect.accounts.get(at)?.sid.as_ref());
    groups
        .chain(accounts)
        .find(|sid| sid.value.is_domain_relative())
        .and_then(|sid| sid.value.domain())
}

/// The stage of evaluating every declared account in every chain: the
/// pairs counted are accounts × chains, whatever each scope keeps.
fn pairs_stage<'p>(
    chains: &[Chain],
    expect: &Expectations,
    progress: &'p dyn Progress,
) -> Stage<'p> {
    let chains = u64::try_from(chains.len()).unwrap_or(u64::MAX);
    let total = chains.saturating_mul(accounts(expect));
    Stage::start(
        progress,
        total,
        PAIR_THRESHOLD,
        "evaluating accounts in scopes",
    )
}

fn accounts(expect: &Expectations) -> u64 {
    u64::try_from(expect.accounts.len()).unwrap_or(u64::MAX)
}

/// What every chain of a run reads and is built once: which accounts each
/// scope holds, and the declared directory when it does not depend on them.
struct RunWide {
    members: ScopeMembers,
    directory: Option<Arc<SharedDirectory>>,
}

impl RunWide {
    fn new(expect: &Expectations) -> Self {
        RunWide {
            members: ScopeMembers::new(expect),
            directory: SharedDirectory::new(expect).map(Arc::new),
        }
    }
}

fn run<'t>(
    chain: Chain,
    library: Library<'t>,
    expect: &Expectations,
    wide: &RunWide,
) -> ChainRun<'t> {
    let scoped = expectations_for(expect, &wide.members, &chain);
    let (chain_inputs, mut sources) = inputs(&chain.gpos, library);
    // The domain's GPOs are numbered after the chain's, in evidence too.
    let (domain_inputs, domain_sources) = inputs(&chain.domain, library);
    sources.extend(domain_sources);
    let directory = match &wide.directory {
        Some(shared) => Directory::scoped(shared, &scoped.accounts),
        None => Directory::new(&scoped),
    };
    let all_inputs = (chain_inputs, domain_inputs);
    let evaluation = Evaluation::with_directory(directory, all_inputs, &scoped, library.today);
    ChainRun {
        chain,
        expect: scoped,
        evaluation,
        sources,
    }
}

/// What `check` keeps of the chains: the findings, as [`all_findings`]
/// gives them, and every expectation case, in chain order.
#[derive(Debug, Default)]
pub struct Checked {
    /// The findings, sorted.
    pub findings: Vec<Finding>,
    /// One case per account, logon type and chain.
    pub cases: Vec<ExpectationCase>,
}

/// Evaluates and checks each chain in parallel, keeping only its findings
/// and, when `with_cases` (the JUnit report lists them), its cases: a
/// chain's model is dropped as soon as it is checked, so memory holds a few
/// models at a time rather than one per scope, and no case per account and
/// scope when no report reads them. `progress` is told as in [`evaluate`].
pub fn check(
    chains: Vec<Chain>,
    library: Library<'_>,
    expect: &Expectations,
    rules: &RuleSet,
    with_cases: bool,
    progress: &dyn Progress,
) -> Checked {
    let wide = RunWide::new(expect);
    let stage = pairs_stage(&chains, expect, progress);
    let per_chain: Vec<(Vec<Finding>, Vec<ExpectationCase>)> = chains
        .into_par_iter()
        .map(|chain| {
            let run = run(chain, library, expect, &wide);
            let scope = run.chain.scope.as_deref();
            let cases = if with_cases {
                expectation_cases(&run.evaluation, &run.expect, scope)
            } else {
                Vec::new()
            };
            let findings = run_findings(&run, rules, library.sources);
            stage.advance(accounts(expect));
            (findings, cases)
        })
        .collect();
    drop(stage);
    let (findings, cases): (Vec<_>, Vec<_>) = per_chain.into_iter().unzip();
    Checked {
        findings: merge(findings),
        cases: cases.into_iter().flatten().collect(),
    }
}

/// The inputs of `gpos`, and for each the index of its template in the
/// run's sources.
fn inputs<'t>(gpos: &[usize], library: Library<'t>) -> (Vec<PolicyInput<'t>>, Vec<usize>) {
    gpos.iter()
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
/// however many chains hold the line. Chains are checked in parallel and
/// merged in order, so the result does not depend on the thread count.
pub fn all_findings(
    runs: &[ChainRun<'_>],
    rules: &RuleSet,
    sources: &[SourceFile],
) -> Vec<Finding> {
    let per_run: Vec<Vec<Finding>> = runs
        .par_iter()
        .map(|run| run_findings(run, rules, sources))
        .collect();
    merge(per_run)
}

/// The chains' findings in chain order, each template line's once, each
/// default-based finding of the unscoped chains once, sorted.
fn merge(per_run: Vec<Vec<Finding>>) -> Vec<Finding> {
    let mut lines = HashSet::default();
    let mut defaults = HashSet::default();
    let mut out = Vec::new();
    for finding in per_run.into_iter().flatten() {
        let first = match &finding.account {
            None => lines.insert(line_key(&finding)),
            Some(_) if finding.scope.is_none() && rests_on_default_alone(&finding) => {
                defaults.insert(default_key(&finding))
            }
            Some(_) => true,
        };
        if first {
            out.push(finding);
        }
    }
    out.sort_by(Finding::order);
    out
}

/// A finding that no template line takes part in: it says what Windows'
/// defaults do, the same for every GPO that leaves the setting alone.
fn rests_on_default_alone(finding: &Finding) -> bool {
    let in_template = |place: &Location| matches!(place.file, FileRef::Template(_));
    let places = finding.primary.iter().chain(&finding.secondary);
    finding.from_default && !places.into_iter().any(in_template)
}

fn default_key(finding: &Finding) -> (String, Option<String>, Option<LogonType>, String) {
    (
        finding.rule.clone(),
        finding.account.clone(),
        finding.logon_type,
        finding.message.clone(),
    )
}

/// One chain's findings, with template indices of the run and the scope set.
fn run_findings(run: &ChainRun<'_>, rules: &RuleSet, sources: &[SourceFile]) -> Vec<Finding> {
    let line_of = |input: usize, span: Span| {
        run.sources
            .get(input)
            .and_then(|&s| sources.get(s))
            .map_or(0, |source| source.line_col(span.start).0)
    };
    let mut out = findings(&run.evaluation, &run.expect, rules, &line_of);
    // A GPO evaluated alone is no machine's policy: a finding that rests on
    // defaults alone is not about it, and is kept once for the run rather
    // than once per GPO that leaves the setting undefined.
    let alone = !run.chain.declared && run.chain.scope.is_some();
    for finding in &mut out {
        finding.remap_templates(|input| run.sources.get(input).copied().unwrap_or(input));
        let about_the_chain = !(alone && rests_on_default_alone(finding));
        if finding.account.is_some() && about_the_chain {
            finding.scope = run.chain.scope.clone();
        }
    }
    out
}

fn line_key(finding: &Finding) -> (String, Option<(crate::finding::FileRef, usize)>) {
    let place = finding.primary.as_ref().map(|p| (p.file, p.span.start));
    (finding.rule.clone(), place)
}

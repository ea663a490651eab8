//! Builds restriction facts: one per restriction on each declared
//! account × logon type.

use crate::expect::Expectations;
use crate::restriction::Evidence;
use crate::span::Span;

use super::Evaluation;
use super::restriction_fact::RestrictionFact;

/// Every restriction on every declared expectation, in file order.
pub fn restriction_facts<'a>(
    expect: &'a Expectations,
    evaluation: &'a Evaluation<'a>,
    line_of: &dyn Fn(usize, Span) -> usize,
) -> Vec<RestrictionFact<'a>> {
    let mut facts = Vec::new();
    let accounts = evaluation.verdicts.iter().zip(&evaluation.restrictions);
    for (verdicts, restrictions) in accounts {
        let (Some(decl), Some(subject)) = (
            expect.accounts.get(verdicts.account),
            evaluation.directory.accounts.get(verdicts.account),
        ) else {
            continue;
        };
        let wanted = decl.logon.iter().map(|t| (t, true));
        let forbidden = decl.no_logon.iter().map(|t| (t, false));
        for (logon_type, must) in wanted.chain(forbidden) {
            let Some(verdict) = verdicts.get(logon_type.value) else {
                continue;
            };
            for restriction in restrictions.get(logon_type.value) {
                let place = match restriction.evidence {
                    Evidence::Template { input, span } => Some((input, span)),
                    _ => None,
                };
                facts.push(RestrictionFact {
                    subject,
                    logon_type: logon_type.value,
                    must,
                    verdict,
                    restriction,
                    file: place
                        .and_then(|(i, _)| evaluation.input(i))
                        .map(|input| input.name),
                    line: place.map(|(i, span)| line_of(i, span)),
                    yaml_span: logon_type.span,
                });
            }
        }
    }
    facts
}

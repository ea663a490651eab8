//! `target:` and `domain_sid:`.

use super::{Out, listed};
use crate::init::target::Guess;
use crate::principal::Sid;

/// How many names a comment lists before it says how many more there are.
const NAMES_SHOWN: usize = 5;

/// Writes `target:` with the reason for the guess; `scoped` when scopes
/// follow, which may set their own.
pub fn target(out: &mut Out, guess: &Guess, scoped: bool) {
    let target = guess.target.as_str();
    if guess.hints.is_empty() {
        out.line("# A guess: no GPO or file name says domain controller, workstation or");
        out.line(format!(
            "# server, so {target}. Set the kind of machine these GPOs apply to:"
        ));
        out.line("# workstation, member-server or domain-controller.");
    } else if guess.conflicting() {
        out.line("# A guess: the names point to different kinds of machine, so");
        if scoped {
            out.line(format!(
                "# {target}; scopes below set their own where their names say:"
            ));
        } else {
            out.line(format!(
                "# {target}; set it, or add scopes with a target each:"
            ));
        }
        for (name, hinted) in guess.hints.iter().take(NAMES_SHOWN) {
            out.line(format!(
                "#   {}: {}",
                listed([name.as_str()]),
                hinted.as_str()
            ));
        }
        more(out, guess.hints.len());
    } else {
        let names = guess
            .hints
            .iter()
            .take(NAMES_SHOWN)
            .map(|(n, _)| n.as_str());
        out.line(format!("# A guess from the names {}.", listed(names)));
        more(out, guess.hints.len());
    }
    out.line(format!("target: {target}"));
}

fn more(out: &mut Out, total: usize) {
    if total > NAMES_SHOWN {
        out.line(format!("#   … and {} more", total - NAMES_SHOWN));
    }
}

/// Writes `domain_sid:` when the logon rights name one domain, else a
/// comment saying why it is not set.
pub fn domain_sid(out: &mut Out, domains: &[Sid]) {
    match domains {
        [one] => {
            out.line("# Every domain SID in the logon rights has this prefix.");
            out.line(format!("domain_sid: {one}"));
        }
        [] => {
            out.line("# domain_sid is not set: the logon rights name no domain SID. Set it");
            out.line("# (S-1-5-21-a-b-c) if your templates name domain groups by SID.");
        }
        several => {
            out.line("# domain_sid is not set: the logon rights name SIDs under several");
            out.line("# prefixes (domains, or machines' own accounts):");
            for sid in several {
                out.line(format!("#   {sid}"));
            }
            out.line("# Set your domain's, e.g.:");
            if let Some(first) = several.first() {
                out.line(format!("# domain_sid: {first}"));
            }
        }
    }
}

//! Network Level Authentication: whether a Remote Desktop logon first logs
//! the account on over the network.
//!
//! With NLA (Windows' default since Windows Server 2012 and Windows 8),
//! the client authenticates through CredSSP before a session exists: a
//! network logon that "Access this computer from the network" and its deny
//! right decide like any other (`windows-logon-facts.md` §9 item 8).
//!
//! Which value is in force, first found wins:
//! 1. the Group Policy value "Require user authentication for remote
//!    connections by using Network Level Authentication"
//!    (`Software\Policies\…\Terminal Services\UserAuthentication`): the
//!    policy key overrides the listener's own setting on the machine;
//! 2. the RDP listener's value (`…\WinStations\RDP-Tcp\UserAuthentication`)
//!    set through `[Registry Values]`;
//! 3. `nla:` in `services.yaml`, on the scope or at the top level, for what
//!    the machines are configured with outside Group Policy;
//! 4. on, Windows' default.
//!
//! Within each of the first two, the last input of the chain that sets the
//! value wins, as for every setting.

use serde::Serialize;

use super::PolicyInput;
use crate::span::Span;
use crate::span::Spanned;
use crate::template::logon_keys::{NLA_LISTENER, NLA_POLICY};

/// Where the NLA setting in force comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "source")]
pub enum NlaOrigin {
    /// A template's `[Registry Values]` line.
    Policy {
        /// Index of the input in the chain.
        input: usize,
        /// The value's path.
        #[serde(skip)]
        span: Span,
    },
    /// `nla:` in the expectations file.
    Declared {
        /// Where it is written.
        #[serde(skip)]
        span: Span,
    },
    /// Nothing says: Windows' default, on.
    Default,
}

/// Whether Remote Desktop logons require NLA on the chain's machines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Nla {
    /// NLA is required.
    pub on: bool,
    /// What says so.
    #[serde(flatten)]
    pub origin: NlaOrigin,
}

impl Nla {
    /// The setting in force for a chain, given what `services.yaml` declares
    /// for its machines.
    pub fn resolve(inputs: &[PolicyInput<'_>], declared: Option<&Spanned<bool>>) -> Nla {
        let from_templates = [NLA_POLICY, NLA_LISTENER]
            .iter()
            .find_map(|path| last_setting(inputs, path));
        if let Some(nla) = from_templates {
            return nla;
        }
        match declared {
            Some(flag) => Nla {
                on: flag.value,
                origin: NlaOrigin::Declared { span: flag.span },
            },
            None => Nla {
                on: true,
                origin: NlaOrigin::Default,
            },
        }
    }
}

/// The last input that sets the DWORD at `path` to a number.
fn last_setting(inputs: &[PolicyInput<'_>], path: &str) -> Option<Nla> {
    let (input, span, on) = super::account::registry_switch(inputs, path)?;
    Some(Nla {
        on,
        origin: NlaOrigin::Policy { input, span },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{syntax, template};

    fn resolve(texts: &[&'static str], declared: Option<bool>) -> Nla {
        let typed: Vec<_> = texts
            .iter()
            .map(|t| template::build(&syntax::parse(t)))
            .collect();
        let inputs: Vec<_> = typed
            .iter()
            .map(|template| PolicyInput {
                name: "x.inf",
                template,
            })
            .collect();
        let flag = declared.map(|on| Spanned::new(on, Span::default()));
        Nla::resolve(&inputs, flag.as_ref())
    }

    const POLICY_OFF: &str = "[Registry Values]\nMACHINE\\Software\\Policies\\Microsoft\\Windows NT\\Terminal Services\\UserAuthentication=4,0\n";
    const LISTENER_OFF: &str = "[Registry Values]\nMACHINE\\System\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp\\UserAuthentication=4,0\n";
    const POLICY_ON: &str = "[Registry Values]\nMACHINE\\Software\\Policies\\Microsoft\\Windows NT\\Terminal Services\\UserAuthentication=4,1\n";

    #[test]
    fn on_by_default() {
        let nla = resolve(&["[Version]\n"], None);
        assert!(nla.on);
        assert_eq!(nla.origin, NlaOrigin::Default);
    }

    #[test]
    fn either_registry_value_turns_it_off() {
        assert!(!resolve(&[POLICY_OFF], None).on);
        assert!(!resolve(&[LISTENER_OFF], None).on);
        assert!(matches!(
            resolve(&["[Version]\n", LISTENER_OFF], None).origin,
            NlaOrigin::Policy { input: 1, .. }
        ));
    }

    #[test]
    fn the_policy_value_overrides_the_listener_and_the_declaration() {
        assert!(resolve(&[LISTENER_OFF, POLICY_ON], Some(false)).on);
        assert!(resolve(&[POLICY_ON, LISTENER_OFF], None).on);
    }

    #[test]
    fn the_declaration_applies_where_templates_are_silent() {
        let nla = resolve(&["[Version]\n"], Some(false));
        assert!(!nla.on);
        assert!(matches!(nla.origin, NlaOrigin::Declared { .. }));
    }
}

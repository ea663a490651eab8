//! The kind of machine the templates are checked for.

use serde::{Deserialize, Serialize};

use super::squash;

/// The role of the machines a GPO applies to; defaults differ by role.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// A client: Windows 10/11.
    Workstation,
    /// A domain-joined server that is not a domain controller. The
    /// default, because member servers run most service accounts.
    #[default]
    MemberServer,
    /// A domain controller, whose "local" groups are the domain's; `dc`
    /// means it too.
    #[serde(alias = "dc")]
    DomainController,
}

impl Target {
    /// Every target, in declaration order.
    pub const ALL: [Target; 3] = [
        Target::Workstation,
        Target::MemberServer,
        Target::DomainController,
    ];

    /// The kebab-case name used in `services.yaml` and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Workstation => "workstation",
            Target::MemberServer => "member-server",
            Target::DomainController => "domain-controller",
        }
    }

    /// Parses a name ignoring ASCII case and `-`, `_` or space between
    /// words; `dc` is accepted for a domain controller because that is
    /// what administrators write.
    pub fn parse(s: &str) -> Option<Target> {
        let wanted = squash(s);
        if wanted == "dc" {
            return Some(Target::DomainController);
        }
        Target::ALL
            .into_iter()
            .find(|t| squash(t.as_str()) == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in Target::ALL {
            assert_eq!(Target::parse(t.as_str()), Some(t));
        }
    }

    #[test]
    fn spellings_are_forgiving_but_not_loose() {
        assert_eq!(Target::parse("Member_Server"), Some(Target::MemberServer));
        assert_eq!(Target::parse("DC"), Some(Target::DomainController));
        assert_eq!(Target::parse("server"), None);
        assert_eq!(Target::default(), Target::MemberServer);
    }

    #[test]
    fn serde_uses_kebab_case() {
        let json = serde_json::to_string(&Target::DomainController).unwrap();
        assert_eq!(json, "\"domain-controller\"");
    }
}

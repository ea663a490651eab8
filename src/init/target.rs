//! Guessing the kind of machine from names: of GPOs, files and OUs.
//! Administrators name GPOs after what they apply to ("Default Domain
//! Controllers Policy", "Windows 11 Workstations", "Servers Baseline").

use crate::model::Target;

/// A guess and the names it rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guess {
    /// The target to write.
    pub target: Target,
    /// Each name that suggested a target, with that target, in input order.
    pub hints: Vec<(String, Target)>,
}

impl Guess {
    /// Whether the names suggested more than one target.
    pub fn conflicting(&self) -> bool {
        self.hints
            .first()
            .is_some_and(|(_, first)| self.hints.iter().any(|(_, t)| t != first))
    }
}

/// The target all hinting names agree on; member-server, the most common
/// home of service accounts, when none hints or they disagree.
pub fn guess<'n>(names: impl IntoIterator<Item = &'n str>) -> Guess {
    let hints: Vec<(String, Target)> = names
        .into_iter()
        .filter_map(|name| hint(name).map(|target| (name.to_owned(), target)))
        .collect();
    let mut guess = Guess {
        target: Target::MemberServer,
        hints,
    };
    if let (false, Some((_, first))) = (guess.conflicting(), guess.hints.first()) {
        guess.target = *first;
    }
    guess
}

/// The target one name suggests, if any. Domain controllers first, since
/// "Windows Server 2019 DC" names a server that is a domain controller.
pub fn hint(name: &str) -> Option<Target> {
    let words = words(name);
    let has = |wanted: &[&str]| words.iter().any(|w| wanted.contains(&w.as_str()));
    let pair = |first: &str, second: &[&str]| {
        words
            .windows(2)
            .any(|w| matches!(w, [a, b] if a == first && second.contains(&b.as_str())))
    };
    // Adobe's "Acrobat Reader DC" is Document Cloud, not a domain controller.
    let dc_word = has(&["dc", "dcs"]) && !has(&["adobe", "acrobat"]);
    if dc_word || pair("domain", &["controller", "controllers"]) {
        Some(Target::DomainController)
    } else if has(&[
        "workstation",
        "workstations",
        "desktop",
        "desktops",
        "laptop",
        "laptops",
        "win10",
        "win11",
    ]) || pair("windows", &["10", "11"])
    {
        Some(Target::Workstation)
    } else if has(&["server", "servers"]) {
        Some(Target::MemberServer)
    } else {
        None
    }
}

/// Lower-case words: anything but letters and digits separates them.
fn words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_hint_at_targets() {
        use Target::*;
        for (name, target) in [
            ("Default Domain Controllers Policy", Some(DomainController)),
            (
                "DoD - Windows Server 2019 DC - Computer",
                Some(DomainController),
            ),
            ("contoso.com/Domain Controllers", Some(DomainController)),
            ("Windows 11 Baseline", Some(Workstation)),
            ("DoD - Windows 10 - Computer", Some(Workstation)),
            ("GPOs/Workstations/GptTmpl.inf", Some(Workstation)),
            ("Servers Baseline", Some(MemberServer)),
            ("Default Domain Policy", None),
            ("examples/quickstart/GptTmpl.inf", None),
            ("Abdcx", None),
            ("DoD - Adobe Acrobat Reader DC Cont. - Computer", None),
        ] {
            assert_eq!(hint(name), target, "{name}");
        }
    }

    #[test]
    fn agreeing_hints_decide_and_others_fall_back_to_member_server() {
        let dc = guess(["Default Domain Policy", "Default Domain Controllers Policy"]);
        assert_eq!(dc.target, Target::DomainController);
        assert!(!dc.conflicting());
        let mixed = guess(["Default Domain Controllers Policy", "Servers Baseline"]);
        assert_eq!(mixed.target, Target::MemberServer);
        assert!(mixed.conflicting());
        let none = guess(["a.inf"]);
        assert_eq!(none.target, Target::MemberServer);
        assert!(none.hints.is_empty());
    }
}

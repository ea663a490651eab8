//! Which rules detect a code: those whose summary, symptom or docs name
//! it. Rules are data, so this holds for a team's own rules too.

use super::Found;
use crate::rules::{Rule, RuleSet};

/// The rules that name the entry, in rule order.
pub fn detecting_rules(found: Found, rules: &RuleSet) -> Vec<&Rule> {
    let tokens = tokens(found);
    rules
        .rules()
        .iter()
        .filter(|rule| {
            let text = rule_text(rule);
            let mentions = tokens.iter().any(|t| has_word(&text, t));
            match found {
                // An event id is a bare number: only where the text speaks of events.
                Found::Event(_) => mentions && text.contains("event"),
                Found::Error(_) => mentions,
            }
        })
        .collect()
}

fn tokens(found: Found) -> Vec<String> {
    match found {
        Found::Error(entry) => {
            let mut out = vec![
                entry.win32.name.to_lowercase(),
                entry.win32.value.to_string(),
                format!("0x{:08x}", entry.hresult()),
            ];
            if let Some(status) = entry.ntstatus {
                out.push(status.name.to_lowercase());
                out.push(format!("0x{:08x}", status.value));
            }
            out
        }
        Found::Event(event) => vec![event.id.to_string()],
    }
}

fn rule_text(rule: &Rule) -> String {
    let symptom = rule.symptom.as_ref().map(|s| s.source()).unwrap_or("");
    format!("{}\n{}\n{}", rule.summary, symptom, rule.docs).to_lowercase()
}

/// `word` in `text` with no letter, digit or `_` on either side.
fn has_word(text: &str, word: &str) -> bool {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word).any(|(at, _)| {
        let before = text.get(..at).and_then(|s| s.chars().next_back());
        let after = text.get(at + word.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_stand_alone() {
        assert!(has_word("error 1069 and event 7041", "1069"));
        assert!(!has_word("error 10690", "1069"));
        assert!(!has_word(
            "error_logon_type_not_granted_x",
            "error_logon_type_not_granted"
        ));
        assert!(has_word("(0xc000015b),", "0xc000015b"));
    }

    #[test]
    fn the_builtin_rules_detect_1385_and_7041() {
        let rules = RuleSet::builtin().unwrap();
        let error = super::super::lookup("1385")[0].found;
        let ids: Vec<&str> = detecting_rules(error, &rules)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert!(
            ids.contains(&"GPL101") && ids.contains(&"GPL102"),
            "{ids:?}"
        );
        let event = super::super::lookup("7041")[0].found;
        assert!(!detecting_rules(event, &rules).is_empty());
    }
}

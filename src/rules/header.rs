//! The scalar keys that identify and classify a rule: `id`, `name`,
//! `severity`, `applies_to` and `summary`.

use super::load_error::error;
use super::mapping::{Entry, Mapping};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::FactKind;
use crate::span::Span;
use crate::suggest::did_you_mean;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Note];

/// A text value with where it is written.
pub(super) type Located<'n> = (&'n str, Span);

/// `id`: `GPL` and three digits.
pub(super) fn id<'n>(map: &Mapping<'n>, problems: &mut Vec<Diagnostic>) -> Option<Located<'n>> {
    let entry = map.required("id", problems)?;
    let id = entry.filled_text(problems)?;
    let digits = id.strip_prefix("GPL").unwrap_or_default();
    if digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some((id, entry.value.span));
    }
    problems.push(
        error(
            "rule::bad-id",
            format!("`{id}` is not a rule id"),
            entry.value.span,
        )
        .with_label("expected GPL and three digits")
        .with_help("write it like GPL101"),
    );
    None
}

/// `name`: kebab-case, lower-case letters and digits between single dashes.
pub(super) fn name<'n>(map: &Mapping<'n>, problems: &mut Vec<Diagnostic>) -> Option<Located<'n>> {
    let entry = map.required("name", problems)?;
    let name = entry.filled_text(problems)?;
    if is_kebab(name) {
        return Some((name, entry.value.span));
    }
    problems.push(
        error(
            "rule::bad-name",
            format!("rule name `{name}` is not kebab-case"),
            entry.value.span,
        )
        .with_label("expected words like needed-logon-type-not-granted")
        .with_help(format!("write it as `{}`", to_kebab(name))),
    );
    None
}

fn is_kebab(name: &str) -> bool {
    let starts_with_letter = name.starts_with(|c: char| c.is_ascii_lowercase());
    starts_with_letter
        && name.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn to_kebab(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let words = lower.split(|c: char| !c.is_ascii_alphanumeric());
    words
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// `severity`: error, warning or note.
pub(super) fn severity(map: &Mapping<'_>, problems: &mut Vec<Diagnostic>) -> Option<Severity> {
    let entry = map.required("severity", problems)?;
    let word = entry.filled_text(problems)?;
    let found = SEVERITIES.into_iter().find(|s| s.as_str() == word);
    if found.is_none() {
        let names = SEVERITIES.map(Severity::as_str);
        problems.push(unknown_word(&entry, word, "rule::unknown-severity", &names));
    }
    found
}

/// `applies_to`: the kind of fact the rule tests.
pub(super) fn applies_to(map: &Mapping<'_>, problems: &mut Vec<Diagnostic>) -> Option<FactKind> {
    let entry = map.required("applies_to", problems)?;
    let word = entry.filled_text(problems)?;
    let found = FactKind::ALL.into_iter().find(|kind| kind.as_str() == word);
    if found.is_none() {
        let names = FactKind::ALL.map(FactKind::as_str);
        problems.push(unknown_word(
            &entry,
            word,
            "rule::unknown-fact-kind",
            &names,
        ));
    }
    found
}

/// `summary`: one line.
pub(super) fn summary<'n>(map: &Mapping<'n>, problems: &mut Vec<Diagnostic>) -> Option<&'n str> {
    let entry = map.required("summary", problems)?;
    let summary = entry.filled_text(problems)?.trim();
    if !summary.contains('\n') {
        return Some(summary);
    }
    problems.push(
        error(
            "rule::bad-summary",
            "`summary` is one line, for rule listings",
            entry.value.span,
        )
        .with_label("more than one line")
        .with_help("keep the first line here and move the rest to `docs`"),
    );
    None
}

fn unknown_word(entry: &Entry<'_>, word: &str, code: &'static str, names: &[&str]) -> Diagnostic {
    let found = error(
        code,
        format!("`{}` cannot be `{word}`", entry.name),
        entry.value.span,
    )
    .with_label(format!("expected one of: {}", names.join(", ")));
    match did_you_mean(word, names.iter().copied()) {
        Some(close) => found.with_help(format!("did you mean `{close}`?")),
        None => found,
    }
}

#[cfg(test)]
mod tests {
    use super::super::read_yaml;
    use super::*;

    const KEYS: [&str; 5] = ["id", "name", "severity", "applies_to", "summary"];

    /// Runs `read` on `text`; the value, or the first problem's code and
    /// the text its span covers.
    fn check<T>(
        text: &str,
        read: impl Fn(&Mapping<'_>, &mut Vec<Diagnostic>) -> Option<T>,
    ) -> Result<T, (&'static str, String)> {
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a rule", &KEYS, &mut problems).unwrap();
        read(&map, &mut problems).ok_or_else(|| {
            let span = problems[0].primary_span().unwrap();
            (problems[0].code, text[span.start..span.end].to_owned())
        })
    }

    fn id_of(text: &str) -> Result<String, (&'static str, String)> {
        check(text, |map, problems| {
            id(map, problems).map(|(id, _)| id.to_owned())
        })
    }

    fn name_of(text: &str) -> Result<String, (&'static str, String)> {
        check(text, |map, problems| {
            name(map, problems).map(|(n, _)| n.to_owned())
        })
    }

    #[test]
    fn ids_are_gpl_and_three_digits() {
        assert_eq!(id_of("id: GPL101"), Ok("GPL101".to_owned()));
        for bad in ["gpl101", "GPL1011", "GPL10", "GPLabc", "X101"] {
            let text = format!("id: {bad}");
            assert_eq!(id_of(&text), Err(("rule::bad-id", bad.to_owned())));
        }
        assert_eq!(
            id_of("name: x"),
            Err(("rule::missing-key", "name".to_owned()))
        );
    }

    #[test]
    fn names_are_kebab_case() {
        assert_eq!(
            name_of("name: logon-right-2"),
            Ok("logon-right-2".to_owned())
        );
        for bad in [
            "Logon-Right",
            "logon_right",
            "-logon",
            "logon--right",
            "logon-",
            "2-logon",
        ] {
            let text = format!("name: {bad}");
            assert_eq!(
                name_of(&text),
                Err(("rule::bad-name", bad.to_owned())),
                "{bad}"
            );
        }
    }

    #[test]
    fn bad_names_get_a_kebab_spelling() {
        assert_eq!(to_kebab("Logon_Right  Granted"), "logon-right-granted");
    }

    #[test]
    fn severities_and_kinds_are_known_words() {
        let severity_of = |text| check(text, severity);
        assert_eq!(severity_of("severity: warning"), Ok(Severity::Warning));
        assert_eq!(
            severity_of("severity: eror"),
            Err(("rule::unknown-severity", "eror".to_owned()))
        );
        let kind_of = |text| check(text, applies_to);
        assert_eq!(kind_of("applies_to: holder"), Ok(FactKind::Holder));
        assert_eq!(
            kind_of("applies_to: holders"),
            Err(("rule::unknown-fact-kind", "holders".to_owned()))
        );
    }

    #[test]
    fn unknown_words_suggest_the_close_one() {
        let node = read_yaml::parse("severity: Eror").unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a rule", &KEYS, &mut problems).unwrap();
        assert_eq!(severity(&map, &mut problems), None);
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `error`?"));
    }

    #[test]
    fn summaries_are_one_line() {
        let summary_of = |text| {
            check(text, |map, problems| {
                summary(map, problems).map(str::to_owned)
            })
        };
        assert_eq!(
            summary_of("summary: |\n  one line\n"),
            Ok("one line".to_owned())
        );
        assert_eq!(
            summary_of("summary: |\n  one\n  two\n"),
            Err(("rule::bad-summary", "one\n  two".to_owned()))
        );
        assert_eq!(
            summary_of("summary:\n"),
            Err(("rule::empty-value", "summary".to_owned()))
        );
    }
}

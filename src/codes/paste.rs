//! What users paste, reduced to the one code in it: `Error 1069:`,
//! `System error 1069 has occurred.`, `event id 4625`, `(0x80070569).`,
//! `"ERROR_LOGON_TYPE_NOT_GRANTED"`. Words before the code may say what
//! kind of code it is, which [`Hint`] keeps.

/// What the words before the code say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// Nothing: every reading stands.
    None,
    /// `event`, `event id`: an event id.
    Event,
    /// `error`, `status`, `hresult`, …: an error code, not an event.
    Error,
    /// `kerberos`: a Kerberos failure code.
    Kerberos,
}

/// The code in `input` and what the words before it say; `None` when
/// what is left is not one word.
pub fn code_in(input: &str) -> Option<(Hint, String)> {
    let mut hint = Hint::None;
    let mut words = input
        .split_whitespace()
        .map(trim_punctuation)
        .filter(|w| !w.is_empty());
    let code = loop {
        let word = words.next()?;
        match prefix_hint(word) {
            Some(said) => hint = stronger(hint, said),
            None => break word,
        }
    };
    // `net start` says "System error 1069 has occurred."
    let rest: Vec<&str> = words.collect();
    let trailer_ok = rest.is_empty()
        || rest
            .iter()
            .all(|w| ["has", "occurred"].contains(&w.to_ascii_lowercase().as_str()));
    trailer_ok.then(|| (hint, code.to_owned()))
}

/// Punctuation around a word: quotes, brackets, a trailing `.`, `:`.
fn trim_punctuation(word: &str) -> &str {
    word.trim_matches(|c: char| "\"'`()[]{}<>.,;:!?".contains(c))
}

/// What a word before the code says, or `None` when it is the code.
fn prefix_hint(word: &str) -> Option<Hint> {
    let hint = match word.to_ascii_lowercase().as_str() {
        "event" | "eventid" | "event-id" | "evt" => Hint::Event,
        "error" | "err" | "win32" | "hresult" | "ntstatus" | "status" | "substatus" => Hint::Error,
        "kerberos" | "krb" | "krb5" => Hint::Kerberos,
        "id" | "code" | "sub" | "system" | "the" | "is" | "value" | "result" | "#" => Hint::None,
        _ => return None,
    };
    Some(hint)
}

/// `Event ID 4625`: the first word that says something wins over `id`.
fn stronger(have: Hint, said: Hint) -> Hint {
    if have == Hint::None { said } else { have }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(input: &str) -> Option<String> {
        code_in(input).map(|(_, code)| code)
    }

    #[test]
    fn the_code_is_found_among_the_words_around_it() {
        for (input, want) in [
            ("1385", "1385"),
            ("error 1385", "1385"),
            ("Error 1069:", "1069"),
            ("System error 1069 has occurred.", "1069"),
            ("0x80070569.", "0x80070569"),
            ("(0x80070569)", "0x80070569"),
            (
                "\"ERROR_LOGON_TYPE_NOT_GRANTED\"",
                "ERROR_LOGON_TYPE_NOT_GRANTED",
            ),
            ("Event ID 4625", "4625"),
            ("-2147023511", "-2147023511"),
        ] {
            assert_eq!(code(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn more_than_one_word_left_is_no_code() {
        assert_eq!(code("1385 and 1069"), None);
        assert_eq!(code("error"), None);
        assert_eq!(code(""), None);
    }

    #[test]
    fn words_before_the_code_say_what_it_is() {
        assert_eq!(code_in("event 101").map(|c| c.0), Some(Hint::Event));
        assert_eq!(code_in("Error 1069:").map(|c| c.0), Some(Hint::Error));
        assert_eq!(code_in("kerberos 0x18").map(|c| c.0), Some(Hint::Kerberos));
        assert_eq!(code_in("0x18").map(|c| c.0), Some(Hint::None));
    }
}

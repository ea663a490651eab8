//! Writing strings into YAML and into YAML comments.

/// `text` as a YAML flow scalar that reads back as exactly `text`.
///
/// Single quotes keep backslashes as they are (`'CONTOSO\svc_sql'` reads
/// as written, which is what an administrator expects to see); only
/// characters a single-quoted scalar cannot hold force double quotes with
/// escapes.
pub fn quote(text: &str) -> String {
    if text.chars().any(needs_escape) {
        double_quoted(text)
    } else {
        format!("'{}'", text.replace('\'', "''"))
    }
}

/// `text` made safe to follow `# ` on one line: a line break would end
/// the comment and make the rest YAML.
pub fn comment(text: &str) -> String {
    text.chars()
        .map(|c| {
            if needs_escape(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Characters that are line breaks or not printable in YAML, or that a
/// reader could take for one (the byte-order mark, NEL and the Unicode
/// line and paragraph separators, which YAML 1.1 parsers break lines at).
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_back(scalar: &str) -> String {
        let document = format!("key: {scalar}\n");
        let value: serde_yaml::Value = serde_yaml::from_str(&document).unwrap();
        value["key"].as_str().unwrap().to_owned()
    }

    #[test]
    fn names_are_single_quoted_with_backslashes_as_written() {
        assert_eq!(quote("CONTOSO\\svc_sql"), "'CONTOSO\\svc_sql'");
        assert_eq!(quote("ADD YOUR DOMAIN ADMINS"), "'ADD YOUR DOMAIN ADMINS'");
        assert_eq!(quote("O'Brien"), "'O''Brien'");
    }

    #[test]
    fn every_quoted_string_reads_back_unchanged() {
        for text in [
            "CONTOSO\\svc_sql",
            "ADD YOUR DOMAIN ADMINS",
            "CONTOSO\\gmsa_web$",
            "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            "*S-1-5-32-544",
            "- not a list",
            "key: value # not a comment",
            "O'Brien \"the\" admin",
            "tab\there",
            "line\nbreak\r\n",
            "bell\u{7}",
            "sep\u{2028}arator\u{85}",
            "  padded  ",
            "",
            "true",
            "~",
            "Ünïcödé\\名前",
        ] {
            assert_eq!(read_back(&quote(text)), text, "{}", quote(text));
        }
    }

    #[test]
    fn the_expectations_reader_reads_them_back_too() {
        // No tab: a name holding a control character is refused on load.
        let name = "CONTOSO\\O'Brien \"x\" adm";
        let text = format!(
            "accounts:\n  - name: {}\n    logon: [service]\n",
            quote(name)
        );
        let loaded = crate::expect::load("t.yaml", &text).unwrap();
        assert_eq!(loaded.accounts[0].name.value, name);
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(comment("a\nb"), "a\\u{a}b");
        assert_eq!(comment("Servers Baseline"), "Servers Baseline");
        assert!(!comment("x\u{2028}y\r").contains(['\n', '\r', '\u{2028}']));
    }
}

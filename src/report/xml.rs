//! Escaping text for XML 1.0, for the reporters that write XML by hand.

/// Escapes character data (element content).
pub fn text(value: &str) -> String {
    escape(value, false)
}

/// Escapes an attribute value to go between double quotes. Line ends and
/// tabs become character references, which attribute normalisation would
/// otherwise turn into spaces.
pub fn attribute(value: &str) -> String {
    escape(value, true)
}

fn escape(value: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            c if allowed(c) => out.push(c),
            // XML 1.0 cannot hold these even as references.
            _ => out.push(char::REPLACEMENT_CHARACTER),
        }
    }
    out
}

/// The characters XML 1.0 allows (its `Char` production).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_replaces_what_xml_cannot_hold() {
        assert_eq!(text("a<b & \"c\"\n"), "a&lt;b &amp; \"c\"\n");
        assert_eq!(
            attribute("a<b & \"c\"\n\t"),
            "a&lt;b &amp; &quot;c&quot;&#10;&#9;"
        );
        assert_eq!(text("x\u{1}y\u{FFFF}"), "x\u{FFFD}y\u{FFFD}");
        assert_eq!(text("a\r\nb"), "a&#13;\nb");
    }
}

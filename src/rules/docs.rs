//! A rule's docs as sections: the Markdown split at its `## ` headings.

/// One `## Title` of a rule's docs and the text under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocSection<'a> {
    /// The heading's text, without `## `.
    pub title: &'a str,
    /// The lines under it up to the next `## ` heading, trimmed.
    pub body: &'a str,
}

/// The `## ` sections of `docs`, in order. Lines inside code fences are
/// never headings, so an example's `## comment` cannot cut a section.
pub fn sections(docs: &str) -> Vec<DocSection<'_>> {
    let mut found: Vec<(&str, usize, usize)> = Vec::new();
    let mut in_fence = false;
    let mut offset = 0;
    for line in docs.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        } else if let Some(title) = trimmed.strip_prefix("## ").filter(|_| !in_fence) {
            if let Some(last) = found.last_mut() {
                last.2 = offset;
            }
            found.push((title.trim(), offset + line.len(), docs.len()));
        }
        offset += line.len();
    }
    found
        .into_iter()
        .map(|(title, start, end)| DocSection {
            title,
            body: docs.get(start..end).unwrap_or_default().trim(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_headings_outside_fences() {
        let docs = "intro\n## What it does\nFlags.\n\n## Example\n```sh\n## not a heading\n```\n## Fix\nAdd it.";
        let found = sections(docs);
        let titles: Vec<&str> = found.iter().map(|s| s.title).collect();
        assert_eq!(titles, ["What it does", "Example", "Fix"]);
        assert_eq!(found[0].body, "Flags.");
        assert_eq!(found[1].body, "```sh\n## not a heading\n```");
        assert_eq!(found[2].body, "Add it.");
    }
}

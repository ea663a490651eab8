//! The built-in rule pack, embedded by `build.rs` from `rules/*.yaml`.

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The built-in rule files as `(rules/<file>, text)`, sorted by file name;
/// empty while the pack has no rule.
pub fn builtin_sources() -> &'static [(&'static str, &'static str)] {
    BUILTIN_RULES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_sorted_yaml_files_under_rules() {
        let sources = builtin_sources();
        for pair in sources.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (file, _) in sources {
            assert!(file.starts_with("rules/"), "{file}");
            assert!(file.ends_with(".yaml") || file.ends_with(".yml"), "{file}");
        }
    }
}

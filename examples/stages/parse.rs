//! `stages parse TREE…`: what `check` cannot do with less, timed. Finds the
//! GPOs of each tree, then reads, decodes, parses and types every template
//! in parallel, as `check` does (`build_logon`, what the logon model
//! keeps), dropping each when it is done; nothing is checked or printed
//! per template.

use std::path::Path;
use std::time::Instant;

use gplint::discover::{self, Gpo};
use gplint::source::{ReadLimits, SourceFile};
use gplint::{syntax, template};
use rayon::prelude::*;

/// What one template held.
#[derive(Default)]
struct Tally {
    templates: usize,
    bytes: usize,
    rights: usize,
    warnings: usize,
    errors: usize,
}

impl Tally {
    fn add(self, other: Tally) -> Tally {
        Tally {
            templates: self.templates + other.templates,
            bytes: self.bytes + other.bytes,
            rights: self.rights + other.rights,
            warnings: self.warnings + other.warnings,
            errors: self.errors + other.errors,
        }
    }
}

/// Runs the stage over `trees` and prints one line of `key=value`s.
pub fn run(trees: &[String]) -> Result<(), String> {
    let start = Instant::now();
    let mut gpos = Vec::new();
    for tree in trees {
        // As `check --max-files` raised for a forest: the default stops a
        // tree at 100,000 entries, and 50,000 GPOs hold some 400,000.
        let limits = discover::TreeLimits {
            max_files: usize::MAX,
            ..discover::TreeLimits::default()
        };
        let found = discover::discover_limited(Path::new(tree), &limits)
            .map_err(|e| format!("{tree}: {e}"))?;
        gpos.extend(found.gpos);
    }
    let discovered = start.elapsed();
    let limits = ReadLimits::default();
    let tally = gpos
        .par_iter()
        .map(|gpo| one(gpo, &limits))
        .reduce(Tally::default, Tally::add);
    let total = start.elapsed();
    let counts = crate::alloc::counts();
    println!(
        "gpos={} templates={} bytes={} rights={} warnings={} errors={} discover_s={:.3} total_s={:.3} allocations={} alloc_bytes={} heap_peak={}",
        gpos.len(),
        tally.templates,
        tally.bytes,
        tally.rights,
        tally.warnings,
        tally.errors,
        discovered.as_secs_f64(),
        total.as_secs_f64(),
        counts.allocations,
        counts.bytes,
        counts.peak
    );
    Ok(())
}

/// Reads and types one GPO's template, as `check` reads one found in a
/// folder (no link followed).
fn one(gpo: &Gpo, limits: &ReadLimits) -> Tally {
    let Some(path) = gpo.template.as_deref() else {
        return Tally::default();
    };
    let source = match SourceFile::read_found(path, limits).and_then(SourceFile::as_template) {
        Ok(source) => source,
        Err(_) => {
            return Tally {
                errors: 1,
                ..Tally::default()
            };
        }
    };
    let doc = syntax::parse(&source.text);
    let typed = template::build_logon(&doc);
    Tally {
        templates: 1,
        bytes: source.text.len(),
        rights: typed.privilege_rights.len(),
        warnings: typed.warnings.len() + source.warnings.len(),
        errors: 0,
    }
}

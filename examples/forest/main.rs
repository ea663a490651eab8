//! Writes a synthetic forest for benchmarks: a SYSVOL-shaped tree of GPOs,
//! a `services.yaml` with scopes, groups and accounts, and one large
//! `secedit /export`-style template. Seeded and deterministic.
//!
//! ```text
//! cargo run --release --example forest -- [--gpos 10000] [--seed 1] [--export-mb 50] OUT
//! OUT/sysvol/contoso.com/Policies/{GUID}/GPT.INI
//! OUT/sysvol/contoso.com/Policies/{GUID}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf
//! OUT/services.yaml
//! OUT/export.inf
//! ```
//!
//! Each GPO folder is named by its braced GUID and scopes name GPOs by
//! GUID, so both gplint and `naive_check.py` (which keys a template by the
//! first `{…}` part of its path) read the same chains.
//!
//! This file is the command line only: the generator is `generate.rs`,
//! which `tests/output_hashes.rs` includes too. It is loaded by `#[path]`
//! so that its submodules are its siblings here.

#[path = "generate.rs"]
mod generate;

use std::path::PathBuf;

use generate::Options;

fn main() -> std::io::Result<()> {
    let (options, out) = options();
    let summary = generate::generate(&options, &out)?;
    eprintln!(
        "{} GPOs ({:.1} MB of templates), {} scopes in {}",
        options.gpos,
        summary.template_bytes as f64 / 1e6,
        summary.scopes,
        out.display()
    );
    Ok(())
}

/// The options and the output folder, from the command line.
fn options() -> (Options, PathBuf) {
    let mut options = Options {
        gpos: 10_000,
        seed: 1,
        export_mb: 50,
    };
    let mut out = PathBuf::from("/tmp/gplint-forest");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| usage(&arg))
        };
        match arg.as_str() {
            "--gpos" => options.gpos = value(),
            "--seed" => options.seed = value() as u64,
            "--export-mb" => options.export_mb = value(),
            "-h" | "--help" => {
                usage("");
            }
            _ if arg.starts_with('-') => {
                usage(&arg);
            }
            _ => out = PathBuf::from(arg),
        }
    }
    (options, out)
}

fn usage(bad: &str) -> usize {
    if !bad.is_empty() {
        eprintln!("bad or incomplete option: {bad}");
    }
    eprintln!(
        "usage: forest [--gpos N] [--seed S] [--export-mb M] [OUT]  (default OUT: /tmp/gplint-forest)"
    );
    std::process::exit(2)
}
